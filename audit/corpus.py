"""Corpus-level evidence: lines that repeat across pages of the same site are template text.

A first pass over the run counts, per site (the url's host, else the input folder), in how
many documents each normalised line occurs; lines found in at least `min_docs` documents
and in at least `min_share` of the site's documents become that site's template lines,
handed to the noise check as `Context.template_lines`.
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_DIGITS = re.compile(r"\d+")


def normalise_line(text: str) -> str:
    """Case-, punctuation- and digit-insensitive key of a line ("Page 2 of 9" == "page 3 of 9")."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _DIGITS.sub("0", text)
    return _NON_WORD.sub(" ", text).strip()
