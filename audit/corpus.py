"""Corpus-level evidence: lines that repeat across pages of the same site are template text.

A first pass over the run counts, per site (the url's host, else the input folder), in how
many documents each short normalised line occurs. The counts live in a count-min sketch of
fixed size, so memory does not grow with the corpus, and sums do not depend on the order of
the documents, so reports stay the same whatever the order or the number of jobs. A line is
template text for a document when its site has at least `min_site_docs` documents and the
line occurs in at least `min_docs` of them and in `min_share` of them.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_DIGITS = re.compile(r"\d+")

MAX_LINE_CHARS = 200  # template lines are short: menus, footers, prompts
_ROWS, _BITS = 3, 20
_MASK = (1 << _BITS) - 1
_CAP = 65535


# ASCII lines (most lines of most pages) skip Unicode normalisation and the regexes: the
# same key from one C-level translate and split.
_ASCII_KEY = str.maketrans({**{chr(c): " " for c in range(128) if not chr(c).isalnum()},
                            **{d: "0" for d in "123456789"}})
_ASCII_DIGIT_RUN = re.compile(r"0{2,}")


def normalise_line(text: str) -> str:
    """Case-, punctuation- and digit-insensitive key of a line ("Page 2 of 9" == "page 3 of 9")."""
    if text.isascii():
        key = " ".join(text.lower().translate(_ASCII_KEY).split())
        return _ASCII_DIGIT_RUN.sub("0", key) if "00" in key else key
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _DIGITS.sub("0", text)
    return _NON_WORD.sub(" ", text).strip()


def line_keys(text: str) -> set[str]:
    """The distinct normalised short lines of a document."""
    keys = set()
    for line in text.split("\n"):
        if 0 < len(line) <= MAX_LINE_CHARS:
            key = normalise_line(line)
            if key:
                keys.add(key)
    return keys


_SLOT_SHIFTS = tuple((row * _BITS, row * (1 << _BITS)) for row in range(_ROWS))


def _slots(site: str, key: str) -> list[int]:
    digest = int.from_bytes(hashlib.blake2b(f"{site}\x00{key}".encode(), digest_size=8).digest(), "little")
    return [((digest >> shift) & _MASK) + base for shift, base in _SLOT_SHIFTS]


def document_slots(site: str, text: str) -> array:
    """The sketch cells a document adds one to: three per distinct short line. Computed where
    the document is (a worker of a parallel run); adding them up is all the index does."""
    slots = array("I")
    for key in line_keys(text):
        slots.extend(_slots(site, key))
    return slots


SKETCH_CELLS = _ROWS * (1 << _BITS)


def shared_counts():
    """Zeroed sketch cells in shared memory: made before a process pool forks, filled by the
    parent during the first pass, read by the workers during the second."""
    from multiprocessing import RawArray

    return RawArray("H", SKETCH_CELLS)


@dataclass
class TemplateIndex:
    min_docs: int = 3
    min_share: float = 0.3
    min_site_docs: int = 5
    site_docs: Counter[str] = field(default_factory=Counter)
    # array("H") in one process, or shared_counts() for a process pool
    _counts: Any = field(default_factory=lambda: array("H", bytes(2 * SKETCH_CELLS)))

    def __post_init__(self) -> None:
        if not isinstance(self._counts, array):
            # shared memory read through a memoryview: ctypes indexing costs ~40% more a cell
            self._counts = memoryview(self._counts).cast("B").cast("H")

    def add(self, site: str, text: str) -> None:
        self.add_slots(site, document_slots(site, text))

    def add_slots(self, site: str, slots: Iterable[int]) -> None:
        self.site_docs[site] += 1
        counts = self._counts
        for slot in slots:
            count = counts[slot]
            if count < _CAP:  # saturates instead of wrapping round
                counts[slot] = count + 1

    def count(self, site: str, key: str) -> int:
        return min(self._counts[slot] for slot in _slots(site, key))

    def _docs(self, site: str | None, site_docs: int | None) -> int:
        """`site_docs`: the site's number of documents, when this index holds only the counts
        (a worker of a parallel run)."""
        return self.site_docs.get(site or "", 0) if site_docs is None else site_docs

    def covers(self, site: str | None, site_docs: int | None = None) -> bool:
        """Whether the site has enough documents for its lines to count as template text."""
        return self._docs(site, site_docs) >= self.min_site_docs

    def template_lines(self, site: str | None, text: str, site_docs: int | None = None) -> frozenset[str]:
        docs = self._docs(site, site_docs)
        if docs < self.min_site_docs:
            return frozenset()
        need = max(self.min_docs, self.min_share * docs)
        return frozenset(k for k in line_keys(text) if self.count(site or "", k) >= need)

    @classmethod
    def build(cls, items: Iterable[tuple[str, str]], **params) -> TemplateIndex:
        """From (site, text) pairs."""
        index = cls(**params)
        for site, text in items:
            index.add(site, text)
        return index
