"""Readers turn paths into Documents. They only read: no analysis happens here.

Supported: `.txt`, `.html` / `.htm`, `.jsonl` and `.jsonl.gz` (one record a line: `id`,
`text` or `html`, optional `url`, `date`, `crawl_date`; field names configurable), `.warc`
and `.warc.gz` (response records with HTML; target URI = url, WARC-Date = crawl date), `-`
for standard input (JSONL if it starts with "{", else one text document), and directories
(walked recursively, sorted, symlink loops skipped). Everything streams: one document at a
time. A document that cannot be read is still yielded, with `error` set, so its report says
why and the run goes on.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from .model import Document

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
WARC_SUFFIXES = (".warc", ".warc.gz")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES

# A file bigger than this is analysed from its first MAX_FILE_BYTES bytes and flagged truncated.
MAX_FILE_BYTES = 16 * 1024 * 1024
# gzip: refuse a stream that inflates past this size and ratio (a "gzip bomb").
MAX_INFLATED_BYTES = 8 * 1024 * 1024 * 1024
MAX_INFLATE_RATIO = 200

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
        if raw == "-":
            yield Path("-")
            continue
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


def may_hold_text(path: Path) -> bool:
    """Whether the input can hold plain-text documents: a WARC file or an HTML file holds HTML only."""
    return not path.name.lower().endswith(WARC_SUFFIXES + HTML_SUFFIXES)


def read_documents(paths: list[str], fields: dict[str, str] | None = None) -> Iterator[Document]:
    return read_paths(iter_paths(paths), fields)


def read_paths(paths: Iterable[Path], fields: dict[str, str] | None = None) -> Iterator[Document]:
    """The documents of input files already found (`iter_paths`), in their order."""
    fields = {**DEFAULT_FIELDS, **(fields or {})}
    for path in paths:
        name = path.name.lower()
        if str(path) == "-":
            yield from read_stdin(fields)
        elif name.endswith(JSONL_SUFFIXES):
            yield from read_jsonl(path, fields)
        elif name.endswith(WARC_SUFFIXES):
            yield from read_warc(path)
        else:
            yield read_file(path)


def read_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Document:
    doc_id = path.stem
    is_html = path.name.lower().endswith(HTML_SUFFIXES)
    doc = Document(id=doc_id, source=str(path), site=f"dir:{path.parent}")
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        doc.error = f"cannot read file: {exc.strerror or exc}"
        return doc
    if len(raw) > max_bytes:
        raw = _cut_utf8(raw[:max_bytes])
        doc.truncated = True
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


_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF")
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x0b\x1b")


def _looks_binary(raw: bytes) -> bool:
    """Images, archives and executables given as text: magic numbers, NULs or control bytes."""
    head = raw[:8192]
    if not head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if head.startswith(_MAGIC):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return head.count(b"\x00") > len(head) // 1000 or controls > len(head) // 20


# Legacy encodings that web pages actually use; restricting the detector to them keeps short
# Latin-1 text from being read as a rarer code page that happens to fit as well.
WEB_ENCODINGS = [
    "cp1252", "cp1251", "cp1250", "iso8859_2", "koi8_r", "iso8859_15", "cp1253", "cp1254", "cp1255",
    "cp1256", "cp1257", "iso8859_7", "iso8859_9", "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr",
]


_WESTERN_MARKS = set("’‘“”„–—…€«»°§©®·• ")
_INVERTED = set("¿¡")


def _plausible_western(text: str) -> bool:
    """Windows-1252 text looks like mostly-ASCII words with a few accented letters. Cyrillic
    or Central-European bytes read as 1252 give mostly non-ASCII letters or symbols mid-word."""
    letters = non_ascii_letters = 0
    for i, ch in enumerate(text):
        if ch.isascii():
            letters += ch.isalpha()
            continue
        if ch.isalpha():
            letters += 1
            non_ascii_letters += 1
        elif ch in _INVERTED:
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before.isalpha() or not after.isalpha():
                return False
        elif ch not in _WESTERN_MARKS:
            return False
    return letters > 0 and non_ascii_letters <= 0.3 * letters


def _guess_decode(raw: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    try:
        western = raw.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and _plausible_western(western[:200_000]):
        return western, "cp1252"

    best = from_bytes(raw[:200_000], cp_isolation=WEB_ENCODINGS).best()
    if best is not None and best.encoding:
        try:
            return raw.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    return raw.decode("utf-8", "replace"), "utf-8 (invalid bytes replaced)"


def _cut_utf8(raw: bytes) -> bytes:
    """Drop a UTF-8 sequence cut in half at the end of a prefix."""
    for back in range(1, 4):
        if len(raw) >= back and raw[-back] & 0xC0 == 0xC0:  # a lead byte
            need = 2 if raw[-back] < 0xE0 else 3 if raw[-back] < 0xF0 else 4
            return raw[:-back] if need > back else raw
        if len(raw) >= back and raw[-back] < 0x80:
            return raw
    return raw


class InflateLimitExceeded(Exception):
    pass


class TruncatedInput(Exception):
    pass


class _GzipStream(io.RawIOBase):
    """Inflates a gzip file chunk by chunk (multi-member too) with a bomb guard. A cut-off
    file yields everything before the cut, then raises TruncatedInput."""

    CHUNK = 1 << 16

    def __init__(self, handle, compressed_size: int):
        import zlib

        self._zlib = zlib
        self.handle = handle
        self.limit = min(MAX_INFLATED_BYTES, max(64 * 1024 * 1024, compressed_size * MAX_INFLATE_RATIO))
        self.total = 0
        self._inflater = zlib.decompressobj(wbits=31)
        self._pending = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def _fill(self) -> None:
        while not self._pending and not self._done:
            data = self.handle.read(self.CHUNK)
            if not data:
                self._done = True
                if not self._inflater.eof and (self.total or self._inflater.unconsumed_tail):
                    raise TruncatedInput("compressed file ended before its end-of-stream marker")
                return
            try:
                out = self._inflater.decompress(data)
                while self._inflater.eof and self._inflater.unused_data:  # next gzip member
                    rest = self._inflater.unused_data
                    self._inflater = self._zlib.decompressobj(wbits=31)
                    out += self._inflater.decompress(rest)
            except self._zlib.error as exc:
                raise TruncatedInput(f"corrupt gzip data: {exc}") from None
            self.total += len(out)
            if self.total > self.limit:
                raise InflateLimitExceeded(f"decompressed data exceeds {self.limit} bytes: refused as a likely gzip bomb")
            self._pending = out

    def readinto(self, buffer) -> int:
        self._fill()
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def close(self) -> None:
        self.handle.close()
        super().close()


def open_input(path: Path):
    """A binary line-iterable stream; .gz files are inflated with a bomb guard."""
    handle = path.open("rb")
    if path.name.lower().endswith(".gz"):
        return io.BufferedReader(_GzipStream(handle, path.stat().st_size), buffer_size=1 << 16)
    return handle


def read_jsonl(path: Path, fields: dict[str, str]) -> Iterator[Document]:
    stem = path.name.split(".")[0]
    try:
        handle = open_input(path)
    except OSError as exc:
        yield Document(id=stem, source=str(path), error=f"cannot read file: {exc.strerror or exc}")
        return
    yield from _jsonl_lines(handle, str(path), stem, fields, f"dir:{path.parent}")


def _jsonl_lines(handle, source: str, stem: str, fields: dict[str, str], site: str) -> Iterator[Document]:
    number = 0
    with handle:
        try:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                yield record_to_document(raw, f"{source}:{number}", f"{stem}-{number}", fields, site)
        except (OSError, EOFError, InflateLimitExceeded, TruncatedInput) as exc:
            yield Document(id=f"{stem}-{number + 1}", source=f"{source}:{number + 1}",
                           error=f"input stops at line {number + 1}: {type(exc).__name__}: {exc}")


def read_stdin(fields: dict[str, str]) -> Iterator[Document]:
    """JSONL when the input starts with "{" (streamed), else one text or HTML document."""
    stream = sys.stdin.buffer
    head = stream.read(4096)
    if head.lstrip()[:1] == b"{":
        yield from _jsonl_lines(io.BufferedReader(_Chained(head, stream)), "<stdin>", "stdin", fields, "stdin")
        return
    raw = head + stream.read(MAX_FILE_BYTES + 1 - len(head))
    doc = Document(id="stdin", source="<stdin>", site="stdin")
    if len(raw) > MAX_FILE_BYTES:
        raw, doc.truncated = _cut_utf8(raw[:MAX_FILE_BYTES]), True
    text, doc.encoding, problem = decode_bytes(raw)
    if problem:
        doc.error = problem
    elif "<html" in text[:2000].lower():
        doc.html = text
    else:
        doc.text = text
    yield doc


class _Chained(io.RawIOBase):
    """Bytes already read, then the rest of a stream, as one line-iterable stream."""

    def __init__(self, head: bytes, rest):
        self._parts = [io.BytesIO(head), rest]

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while self._parts:
            data = self._parts[0].read(len(buffer))
            if data:
                buffer[: len(data)] = data
                return len(data)
            self._parts.pop(0)
        return 0


def read_warc(path: Path) -> Iterator[Document]:
    """HTML response records of a WARC file, each a document on the HTML path."""
    from warcio.archiveiterator import ArchiveIterator

    stem = path.name.split(".")[0]
    number = 0
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Document(id=stem, source=str(path), error=f"cannot read file: {exc.strerror or exc}")
        return
    with handle:
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    continue
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    continue
                number += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                warc_date = record.rec_headers.get_header("WARC-Date") or ""
                rec_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>").rsplit(":", 1)[-1]
                doc = Document(id=rec_id or f"{stem}-{number}", source=f"{path}#{number}", url=url,
                               crawl_date=warc_date[:10] or None)
                doc.site = host_of(url) or f"dir:{path.parent}"
                raw = record.content_stream().read(MAX_FILE_BYTES + 1)
                if len(raw) > MAX_FILE_BYTES:
                    raw, doc.truncated = _cut_utf8(raw[:MAX_FILE_BYTES]), True
                text, doc.encoding, problem = decode_bytes(raw)
                if problem:
                    doc.error = problem
                else:
                    doc.html = text
                yield doc
        except Exception as exc:  # warcio raises many types on a cut or corrupt archive
            yield Document(id=f"{stem}-{number + 1}", source=f"{path}#{number + 1}",
                           error=f"WARC input stops after record {number}: {type(exc).__name__}: {exc}")


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
