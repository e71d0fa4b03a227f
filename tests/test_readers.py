"""Readers: every input kind becomes documents; bad input becomes an error document."""

from __future__ import annotations

import gzip
import io
import json

from audit.readers import decode_bytes, read_documents
from conftest import DATA, run_cli


def _docs(*paths, fields=None):
    return list(read_documents([str(p) for p in paths], fields))


def test_text_and_html_files_and_folders(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Second page\n", encoding="utf-8")
    (tmp_path / "sub" / "a.html").write_text("<html><body><p>Hi</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    docs = _docs(tmp_path)
    assert [(d.id, d.text is not None, d.html is not None) for d in docs] == [("b", True, False), ("a", False, True)]


def test_jsonl_records_with_bad_lines_and_wrong_types(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "r1", "text": "A story.", "url": "https://www.example.org/a", "crawl_date": "2024-05-02T10:00:00Z"}),
        "{not json",
        json.dumps({"id": "r3", "html": "<p>x</p>"}),
        json.dumps({"id": "r4"}),
        json.dumps({"id": "r5", "text": "t", "url": 7}),
        json.dumps(["a", "list"]),
    ]) + "\n", encoding="utf-8")
    docs = _docs(path)
    assert [d.id for d in docs] == ["r1", "batch-2", "r3", "r4", "r5", "batch-6"]
    r1 = docs[0]
    assert r1.site == "example.org" and r1.crawl_date == "2024-05-02" and r1.error is None
    assert "bad JSON" in docs[1].error
    assert docs[2].html == "<p>x</p>"
    assert "no string 'text' or 'html'" in docs[3].error
    assert "'url' must be a string" in docs[4].error
    assert "not an object" in docs[5].error


def test_configurable_field_names(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"doc_id": "z", "content": "Body text."}) + "\n", encoding="utf-8")
    (doc,) = _docs(path, fields={"id": "doc_id", "text": "content"})
    assert (doc.id, doc.text) == ("z", "Body text.")


def test_gzipped_jsonl_and_a_truncated_one(tmp_path):
    good = tmp_path / "g.jsonl.gz"
    payload = "".join(json.dumps({"id": f"d{i}", "text": f"Line {i}."}) + "\n" for i in range(50)).encode()
    good.write_bytes(gzip.compress(payload))
    assert [d.id for d in _docs(good)][-1] == "d49"
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(payload)[:-30])
    docs = _docs(cut)
    assert docs[-1].error and "input stops" in docs[-1].error
    assert all(d.error is None for d in docs[:-1]) and len(docs) > 1


def test_gzip_bomb_is_refused(tmp_path):
    bomb = tmp_path / "bomb.jsonl.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as handle:
        block = b" " * (1 << 20)
        for _ in range(300):  # 300 MB of blanks compress to ~300 KB: ratio ~1000
            handle.write(block)
    docs = _docs(bomb)
    assert len(docs) == 1 and "gzip bomb" in docs[0].error


def test_warc_response_records(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    html = (DATA / "html" / "sha_1d6b2a590605.html").read_bytes()
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for uri, ctype, body in [("https://spacenews.com/seeking/", "text/html; charset=utf-8", html),
                                 ("https://spacenews.com/logo.png", "image/png", b"\x89PNG....")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers,
                                               warc_headers_dict={"WARC-Date": "2019-11-20T08:00:00Z"})
            writer.write_record(record)
    docs = _docs(path)
    assert len(docs) == 1
    doc = docs[0]
    assert doc.url == "https://spacenews.com/seeking/" and doc.crawl_date == "2019-11-20"
    assert doc.site == "spacenews.com" and "Michoud" in doc.html


def test_encodings_are_detected_and_recorded():
    text, enc, problem = decode_bytes("Привет, мир! Это текст в кодировке Windows-1251.".encode("cp1251"))
    assert problem is None and "Привет" in text and enc and "1251" in enc
    text, enc, _ = decode_bytes("Déjà vu — naïve café".encode("utf-16"))
    assert text == "Déjà vu — naïve café" and enc == "utf-16"
    text, enc, _ = decode_bytes(b"line one\r\nline two\rline three")
    assert text.split("\n") == ["line one", "line two", "line three"] and enc is None
    _, _, problem = decode_bytes(bytes(range(256)) * 40)
    assert "binary" in problem


def test_stdin_jsonl_and_plain_text(tmp_path):
    lines = json.dumps({"id": "s1", "text": "From a pipe."}) + "\n" + json.dumps({"id": "s2", "text": "Again."}) + "\n"
    proc = run_cli("run", "-", "--out", str(tmp_path / "a"), "-q", stdin=lines)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "a" / "s1.json").exists() and (tmp_path / "a" / "s2.json").exists()
    proc = run_cli("run", "-", "--out", str(tmp_path / "b"), "-q", stdin="Just a line of text.\n")
    assert proc.returncode == 0, proc.stderr
    assert json.loads((tmp_path / "b" / "stdin.json").read_text())["input"]["kind"] == "text"


def test_the_corpus_pass_reads_only_inputs_that_can_hold_plain_text(tmp_path, monkeypatch):
    # WARC records and .html files are HTML pages: they have no plain-text lines to count, so
    # the first pass (template lines per site) does not read them a second time
    from audit import readers, runner

    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "page.html").write_bytes((DATA / "html" / "sha_1d6b2a590605.html").read_bytes())
    (corpus / "note.txt").write_text("Home\nA short note about the council's night buses.\n", encoding="utf-8")
    assert [readers.may_hold_text(p) for p in sorted(corpus.iterdir())] == [True, False]  # note, page
    assert not readers.may_hold_text(tmp_path / "crawl.warc.gz")
    read: list[str] = []
    real = readers.read_file
    monkeypatch.setattr(readers, "read_file", lambda path, *a: read.append(path.name) or real(path, *a))
    index = runner.build_template_index([str(corpus)], runner.RunOptions(out=tmp_path / "out"))
    assert read == ["note.txt"] and index.site_docs == {f"dir:{corpus}": 1}
