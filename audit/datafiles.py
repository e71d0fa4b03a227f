"""Shipped data files (phrase lists, patterns, ratings) under audit/data/, read from the
installed package: `audit/data` is package data, not an importable package, so files are
reached through `resources.files("audit")`."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from importlib.abc import Traversable


def data_path(*parts: str) -> Traversable:
    """audit/data/<parts...> in the installed package (works from a wheel or a checkout)."""
    node = resources.files("audit").joinpath("data")
    for part in parts:
        node = node.joinpath(part)
    return node


def read_text(*parts: str) -> str:
    return data_path(*parts).read_text(encoding="utf-8")


def read_list(*parts: str) -> list[str]:
    """One item a line; blank lines and lines starting with "#" are skipped."""
    return [line.strip() for line in read_text(*parts).splitlines() if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=2)
def stopword_lists(*subfolder: str) -> dict[str, frozenset[str]]:
    """Language code -> its lower-cased stop words (data/stopwords/[subfolder/]<code>.txt),
    loaded once per process for every check that needs them."""
    parts = ("stopwords", *subfolder)
    return {
        entry.name[:-4]: frozenset(word.lower() for word in read_list(*parts, entry.name))
        for entry in sorted(data_path(*parts).iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".txt")
    }
