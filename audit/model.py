"""The data every check reads and writes: documents, pages, lines, labels and findings.

A `Document` is what a reader produced (plain text or HTML plus metadata). A `Page` is the
text that is analysed, split into numbered lines; for HTML it is the text trafilatura
extracted. Checks label lines (`LineLabel`) and emit `Finding`s; both point at 1-based line
numbers and character offsets into `Page.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

LABELS = ("title", "body", "meta", "boilerplate", "comment")
CONTENT_LABELS = frozenset({"title", "body"})
SEVERITIES = ("error", "warning", "info")


@dataclass(slots=True)
class Document:
    """One input document as a reader found it. Exactly one of `text` / `html` is set."""

    id: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    date: str | None = None  # a publication date the input declares (JSONL `date`)
    crawl_date: str | None = None  # YYYY-MM-DD the page was fetched, if known
    source: str | None = None  # path (and record number) the document came from
    site: str | None = None  # host from the url, else the input folder: groups template text
    encoding: str | None = None  # how the bytes were decoded, when a reader had to guess
    error: str | None = None  # set by a reader when the document could not be read
    truncated: bool = False


class Line(NamedTuple):
    """One line of a page. A named tuple: pages are split into ~100 of these, and every check
    walks them (a frozen dataclass took three times as long to build, `blank` as a property
    was recomputed on each of ~15 reads per line)."""

    number: int  # 1-based
    text: str
    start: int  # character offset of the line in Page.text
    blank: bool  # nothing but white space

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(slots=True)
class Page:
    """The analysed text of a document, with what the HTML path learnt about it."""

    doc: Document
    text: str
    lines: list[Line]
    kind: str = "text"  # "text" or "html"
    html_meta: dict[str, Any] = field(default_factory=dict)
    # lines the HTML extractor put in the comment section (1-based, inclusive), if any
    html_comment_lines: tuple[int, int] | None = None
    # the whole HTML page rendered a line per block (extract.visible_text), computed on demand
    visible_html: str | None = None
    # that rendering split into lines (extract.visible_page), built once for the checks that read it
    visible_lines: "Page | None" = None
    # hard-wrapped plain text (audit.reflow): `text` has the wrapper's forced breaks replaced by
    # spaces, so offsets are the input's; `input_lines` are the input's own lines, and
    # `first_input_line[n - 1]` is the input line that analysed line n starts on
    wrap_width: int | None = None
    input_lines: list[Line] | None = None
    first_input_line: list[int] | None = None

    @classmethod
    def from_text(cls, doc: Document, text: str, kind: str = "text", **extra: Any) -> "Page":
        return cls(doc=doc, text=text, lines=split_lines(text), kind=kind, **extra)

    @classmethod
    def from_wrapped_text(cls, doc: Document, text: str, joined: str, width: int) -> "Page":
        """A plain-text page analysed as `joined`: `text` with its forced breaks replaced by
        spaces (audit.reflow). Line numbers in the report are mapped back to `text`'s lines."""
        lines = split_lines(joined)
        input_lines = split_lines(text)
        first: list[int] = []
        at = 0
        for line in lines:  # every analysed line starts where an input line starts
            while input_lines[at].start < line.start:
                at += 1
            first.append(at + 1)
        return cls(doc=doc, text=joined, lines=lines, wrap_width=width, input_lines=input_lines,
                   first_input_line=first)

    @property
    def input_text(self) -> str:
        """The text the report's lines refer to: the input's, which a wrapped page's `text`
        matches character for character but for the joined breaks."""
        if self.input_lines is None:
            return self.text
        return (self.doc.text or "")[: len(self.text)]

    def input_line_span(self, number: int) -> tuple[int, int]:
        """First and last input line of analysed line `number` (the same line unless wrapped)."""
        if self.first_input_line is None or self.input_lines is None:
            return number, number
        first = self.first_input_line[number - 1]
        last = self.first_input_line[number] - 1 if number < len(self.lines) else len(self.input_lines)
        return first, last


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    offset = 0
    parts = text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()  # a final newline does not start a line (CONTRACT.md)
    for number, part in enumerate(parts, start=1):
        lines.append(Line(number, part, offset, not part.strip()))
        offset += len(part) + 1
    return lines


@dataclass(slots=True)
class LineLabel:
    label: str  # one of LABELS
    kind: str | None = None  # e.g. "navigation", "related", "byline"
    rule: str | None = None  # code of the rule that decided it


@dataclass(slots=True)
class Finding:
    code: str
    name: str
    family: str
    severity: str
    message: str
    start_line: int | None  # None for a finding about the whole document (e.g. no date)
    end_line: int | None
    span: tuple[int, int] | None  # [start, end) character offsets into Page.text
    excerpt: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    # 1-based column of the span's start on start_line and one past its end on end_line
    columns: tuple[int, int] | None = None
    # hash of the rule and the normalised text of the lines: survives edits elsewhere (baselines)
    fingerprint: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "name": self.name,
            "family": self.family,
            "severity": self.severity,
            "message": self.message,
            "start_line": self.start_line,
            "end_line": self.end_line,
            "span": list(self.span) if self.span is not None else None,
            "excerpt": self.excerpt,
            "columns": list(self.columns) if self.columns is not None else None,
            "fingerprint": self.fingerprint,
        }
        if self.details:
            out["details"] = self.details
        return out
