"""What happened to the document before analysis: cut to a prefix, bytes decoded by guess."""

from __future__ import annotations

from ..context import Context
from ..rules import define

REPORT_KEY = None  # findings only; the facts themselves are in the report's `input`

TRUNCATED = define(
    "E101", "input-truncated", "warning",
    "Only the first {chars} characters were analysed (input larger than the limit)",
    "Flags a document so large that only a prefix of it was analysed.",
    why="Findings and scores describe the prefix only; a multi-megabyte 'page' is rarely one article.",
    example="A 200 MB text file, or a 50 MB single line from a broken scrape.",
)
ENCODING_GUESSED = define(
    "E102", "encoding-guessed", "info",
    "Text was not UTF-8; decoded as {encoding}",
    "Flags a document whose bytes were not valid UTF-8 and whose encoding was detected.",
    why="A wrong guess garbles letters; check the encoding when language or readability look off.",
    example="A Windows-1251 Russian page saved without a charset.",
)


def run(ctx: Context) -> None:
    doc = ctx.page.doc
    if doc.truncated:
        ctx.emit(TRUNCATED.document_finding(chars=len(ctx.page.text)))
    if doc.encoding and doc.encoding not in ("utf-8-sig",):
        ctx.emit(ENCODING_GUESSED.document_finding(encoding=doc.encoding))
    return None
