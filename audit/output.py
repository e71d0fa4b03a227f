"""Writing reports: safe unique file names inside the output folder, atomic writes."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import orjson

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$", re.IGNORECASE)
MAX_NAME = 120
# names the run itself writes next to the per-document reports
RUN_FILES = frozenset({"summary"})


class NameAllocator:
    """Maps document ids to file-name stems that stay inside the output folder and never
    collide: unsafe characters become "_", and a second id with the same stem gets "~2"."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def allocate(self, doc_id: str) -> str:
        stem = _UNSAFE.sub("_", doc_id).strip("._") or "doc"
        if _RESERVED.match(stem) or stem.lower() in RUN_FILES:
            stem = "_" + stem
        stem = stem[:MAX_NAME]
        candidate, n = stem, 1
        while candidate.lower() in self._used:
            n += 1
            candidate = f"{stem}~{n}"
        self._used.add(candidate.lower())
        return candidate


def dumps(data: dict[str, Any]) -> str:
    """Indented JSON, UTF-8 text kept as is. orjson: the standard library's encoder falls
    back to pure Python when indenting and costs more than a whole audit on big reports."""
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


def dumps_line(data: dict[str, Any]) -> bytes:
    """One report on one line, UTF-8, for `--format jsonl`."""
    return orjson.dumps(data) + b"\n"


def append_file(handle: Any, path: Path) -> None:
    """Append the file at `path` to the open binary `handle`, in the kernel where it can
    (copy_file_range): a pooled run's JSONL chunks reach the output without passing through
    Python."""
    import shutil

    handle.flush()
    with path.open("rb") as source:
        left = os.fstat(source.fileno()).st_size
        try:
            while left > 0:
                copied = os.copy_file_range(source.fileno(), handle.fileno(), left)
                if copied == 0:
                    break
                left -= copied
        except (AttributeError, OSError):  # not Linux, or a file system that refuses: copy the rest
            handle.seek(0, os.SEEK_END)
            shutil.copyfileobj(source, handle)
    # the file offset moved under the buffered writer: its own idea of the position (tell) follows
    handle.seek(0, os.SEEK_END)


def write_atomic(path: Path, text: str) -> None:
    """Write via a temporary file in the same folder and rename: never a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
