"""The whole pipeline runs with network access blocked (no model, lexicon or data download)."""

from __future__ import annotations

import socket


from conftest import DATA, SEEDS


def test_pipeline_with_network_blocked(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    for method in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, method, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    from audit import Document, audit_document

    for path in sorted(SEEDS.glob("*.txt")):
        report = audit_document(Document(id=path.stem, text=path.read_text(encoding="utf-8")))
        assert report["status"] == "ok"
    html = (DATA / "html" / "sha_83d189b56a19.html").read_text(encoding="utf-8")
    report = audit_document(Document(id="h", html=html))
    assert report["status"] == "ok" and report["clean_text"]
