"""Hard-wrapped plain text: find the wrap width and join the lines it broke.

Some scrapers write a block per line; others (html2text, lynx -dump, w3m, mail archives) wrap
every paragraph at a fixed width, so one sentence spans several lines. The line checks judge
a line by its length, its end and its neighbours, which a wrap at 78 columns scrambles. So a
wrapped text is analysed with its forced breaks turned into spaces, and the report maps every
line back to the input's own lines.

A break is forced when the next line's first word would not have fitted on the line: that is
how every greedy wrapper (textwrap, html2text, lynx) decides where to break. A text counts as
wrapped when no line that could have been broken is longer than one width, most lines that come
near that width end in a forced break, and few of those breaks end a sentence. Replacing a forced "\\n" with " " keeps every
character offset, so spans need no mapping, only line numbers do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A line that starts a list item, a quote or a heading, or is a rule ("-----"), starts a block of
# its own, even after a full line.
_BLOCK_START = re.compile(r"\s*(?:[•*+\-–>|#]\s|\d{1,3}[.)]\s|[-=_*~#]{3,}\s*$)")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s*$")
# Padded columns ("Sector   Project"): a table row, which no wrapper made; it is never joined.
_COLUMNS = re.compile(r"\S {3,}\S")


@dataclass(frozen=True)
class ReflowSettings:
    min_width: int = 30  # narrower than this is a column of short lines, not a wrap
    max_width: int = 160  # wider than this, a block-per-line text has no need of wrapping
    near_width: int = 20  # a line this close to the width (in characters) is "full"
    min_forced_breaks: int = 4
    min_forced_share: float = 0.6  # of the full lines followed by text
    # A wrap breaks sentences anywhere, so few forced breaks end a sentence; a text of one
    # paragraph a line whose paragraphs are all about as long ends nearly every line so.
    max_sentence_end_share: float = 0.5


DEFAULT_SETTINGS = ReflowSettings()


@dataclass(frozen=True)
class Reflow:
    width: int
    text: str  # the input with its forced breaks replaced by spaces (same length)


def _first_word(line: str) -> str:
    words = line.split(None, 1)
    return words[0] if words else ""


def _starts_block(line: str) -> bool:
    return not line.strip() or _BLOCK_START.match(line) is not None


def _overflows(line: str, nxt: str, width: int) -> bool:
    """`nxt`'s first word would not have fitted at the end of `line`: a wrapper broke here
    (unless either is a table row)."""
    return (len(line.rstrip()) + 1 + len(_first_word(nxt)) > width
            and _COLUMNS.search(line) is None and _COLUMNS.search(nxt) is None)


def _breakable(line: str) -> bool:
    """A line with no inner space could not have been broken (a long URL), so it may overhang;
    Chinese or Japanese text has no spaces and may be broken anywhere."""
    stripped = line.strip()
    return " " in stripped or not stripped.isascii()


def wrap_width(lines: list[str], settings: ReflowSettings = DEFAULT_SETTINGS) -> int | None:
    """The width the text was wrapped at, or None when it was not wrapped."""
    # Most texts have a paragraph wider than any wrap: find it before looking at every line.
    over = [ln for ln in lines if len(ln) > settings.max_width]
    if any(map(_breakable, over)):
        return None
    breakable = [len(ln.rstrip()) for ln in lines if _breakable(ln)]
    width = max(breakable, default=0)
    if not settings.min_width <= width <= settings.max_width:
        return None
    forced = full = sentence_ends = 0
    for line, nxt in zip(lines, lines[1:]):
        if len(line.rstrip()) >= width - settings.near_width and not _starts_block(nxt):
            full += 1
            if _overflows(line, nxt, width):
                forced += 1
                sentence_ends += _SENTENCE_END.search(line) is not None
    if (forced < settings.min_forced_breaks or forced < settings.min_forced_share * full
            or sentence_ends > settings.max_sentence_end_share * forced):
        return None
    return width


def reflow(text: str, settings: ReflowSettings = DEFAULT_SETTINGS) -> Reflow | None:
    """The text with its forced breaks joined, or None when it is not hard-wrapped."""
    if "\n" not in text:
        return None
    lines = text.split("\n")
    width = wrap_width(lines, settings)
    if width is None:
        return None
    parts = [lines[0]]
    for line, nxt in zip(lines, lines[1:]):
        forced = line.strip() and not _starts_block(nxt) and _overflows(line, nxt, width)
        parts.append(" " if forced else "\n")  # one character for one: offsets stay
        parts.append(nxt)
    return Reflow(width=width, text="".join(parts))
