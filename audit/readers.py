"""Readers turn paths into Documents. They only read: no analysis happens here.

Supported: `.txt`, `.html` / `.htm`, `.jsonl` (one record a line: `id`, `text` or `html`,
optional `url`, `date`, `crawl_date`), directories (walked recursively, sorted, symlink
loops skipped). A document that cannot be read is still yielded, with `error` set, so its
report says why and the run goes on.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from .model import Document

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

DEFAULT_FIELDS = {"id": "id", "text": "text", "html": "html", "url": "url", "date": "date", "crawl_date": "crawl_date"}


class UsageError(Exception):
    """A problem with what the user asked for (exit 2), not with one document."""


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def iter_paths(paths: list[str]) -> Iterator[Path]:
    """Input files in a stable order: as given, directories expanded and sorted."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        else:
            raise UsageError(f"no such file or directory: {raw}")


def _walk(root: Path) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:  # a symlink loop or a second link to a folder already read
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames.sort()
        for name in sorted(filenames):
            if name.lower().endswith(SUFFIXES):
                yield Path(dirpath) / name


def read_documents(paths: list[str], fields: dict[str, str] | None = None) -> Iterator[Document]:
    fields = {**DEFAULT_FIELDS, **(fields or {})}
    for path in iter_paths(paths):
        name = path.name.lower()
        if name.endswith(JSONL_SUFFIXES):
            yield from read_jsonl(path, fields)
        else:
            yield read_file(path)


def read_file(path: Path) -> Document:
    doc_id = path.stem
    is_html = path.name.lower().endswith(HTML_SUFFIXES)
    doc = Document(id=doc_id, source=str(path), site=f"dir:{path.parent}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        doc.error = f"cannot read file: {exc.strerror or exc}"
        return doc
    text, encoding, problem = decode_bytes(raw)
    if problem:
        doc.error = problem
        return doc
    doc.encoding = encoding
    if is_html:
        doc.html = text
    else:
        doc.text = text
    return doc


def decode_bytes(raw: bytes) -> tuple[str, str | None, str | None]:
    """(text, encoding used when not plain UTF-8, problem). Line endings become "\\n"."""
    if _looks_binary(raw):
        return "", None, "binary content (not text): refused"
    encoding = None
    if raw.startswith(codecs.BOM_UTF8):
        text, encoding = raw[3:].decode("utf-8", "replace"), "utf-8-sig"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = raw.decode("utf-16", "replace"), "utf-16"
    else:
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text, encoding = _guess_decode(raw)
    return normalise_newlines(text), encoding, None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return head.count(b"\x00") > len(head) // 100


def _guess_decode(raw: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return raw.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    return raw.decode("utf-8", "replace"), "utf-8 (invalid bytes replaced)"


def read_jsonl(path: Path, fields: dict[str, str]) -> Iterator[Document]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Document(id=path.stem, source=str(path), error=f"cannot read file: {exc.strerror or exc}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            yield record_to_document(raw, f"{path}:{number}", f"{path.stem}-{number}", fields, f"dir:{path.parent}")


def record_to_document(raw: bytes, source: str, fallback_id: str, fields: dict[str, str], site: str) -> Document:
    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Document(id=fallback_id, source=source, error=f"bad JSON line: {exc}")
    if not isinstance(record, dict):
        return Document(id=fallback_id, source=source, error="JSON line is not an object")
    doc_id = record.get(fields["id"])
    doc = Document(id=str(doc_id) if isinstance(doc_id, (str, int)) and str(doc_id) else fallback_id, source=source)
    for attr in ("url", "date", "crawl_date"):
        value = record.get(fields[attr])
        if value is not None and not isinstance(value, str):
            doc.error = f"field {fields[attr]!r} must be a string, got {type(value).__name__}"
            return doc
        setattr(doc, attr, value)
    if doc.crawl_date:
        doc.crawl_date = doc.crawl_date[:10]
    text, html = record.get(fields["text"]), record.get(fields["html"])
    if isinstance(text, str):
        doc.text = normalise_newlines(text)
    elif isinstance(html, str):
        doc.html = html
    else:
        doc.error = f"record has no string {fields['text']!r} or {fields['html']!r} field"
    doc.site = host_of(doc.url) or site
    return doc
