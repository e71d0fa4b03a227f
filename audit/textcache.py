"""A per-process memo keyed by line text, bounded by the characters of the texts it holds.

The lines of a site's template (menus, footers, bylines, widgets) come again on every page of the
site, so what a check reads from a line's text alone is worth keeping; the bound keeps a worker's
memory flat over a corpus of millions of pages (the memo is emptied when it is full).
"""

from __future__ import annotations

from typing import Any


class TextCache(dict):
    """Values by line text; emptied when the texts it holds reach `max_chars` characters."""

    def __init__(self, max_chars: int) -> None:
        super().__init__()
        self.max_chars, self.chars = max_chars, 0

    def put(self, text: str, value: Any) -> None:
        if self.chars + len(text) > self.max_chars:
            self.clear()
            self.chars = 0
        self[text] = value
        self.chars += len(text)
