"""Faster answers to some of trafilatura's xpaths, for the audit's own extraction.

trafilatura selects the blocks it prunes or reads with xpaths whose regular expressions are
EXSLT calls (`re:test(@class, '...')`) back into Python for every candidate element: on the DEV
pages they are a sixth of its time. Those below test only an element's tag and its id, class or
style, so the same tests are made here in Python, on the elements of the right tags, with each
attribute value's result cached (a page repeats a few class names on hundreds of elements).

- The raw-page pruning (RAW_TREE_PRUNE_XPATH) needs an id or class naming one of
  RAW_PRUNE_MARKERS; on a page whose markup names none (4 in 5 DEV pages) it is skipped.
- OVERALL_DISCARD_XPATH (the main extractor's pruning of each candidate body, and the pruning
  before readability reads a page), the article-body candidates (BODY_XPATH), the comment-section
  finders (COMMENTS_XPATH), the comment pruning of precision mode (REMOVE_COMMENTS_XPATH) and the
  precision discard of 'bottom' and 'link' blocks are answered by `AttributeXPath`, their
  structure restated in ATTRIBUTE_XPATHS.

The regular expressions are read from trafilatura's own xpaths; the rest is restated, and
tests/test_extract.py checks the xpaths are still the ones restated (trafilatura is pinned) and
that each stand-in finds what its xpath finds. The stand-ins are installed in trafilatura's
modules, but answer only inside `extracting()`; other code calling trafilatura in the same
process gets its xpaths as they come.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any

# an infinite-scroll container ("mvp-post-add": Zox News theme) or Elementor share buttons: what
# RAW_TREE_PRUNE_XPATH looks for; a page whose markup names none of these has nothing to prune
RAW_PRUNE_MARKERS = ("mvp-post-add", "infinite", "elementor-share-buttons")

# None: not the audit's extraction (trafilatura's xpaths run); else whether the page's markup
# names a RAW_PRUNE_MARKERS string
_PAGE_MAY_SCROLL: ContextVar[bool | None] = ContextVar("page_may_scroll", default=None)

# re:test(@attr, 'pattern') or re:test(@attr, 'pattern', 'flags')
EXSLT_TEST = re.compile(r"re:test\((@[\w@|-]+), '([^']*)'(?:, '([a-z]*)')?\)")
VALUE_CACHE = 8192  # attribute values whose results each re:test keeps


@contextmanager
def extracting(may_scroll: bool) -> Iterator[None]:
    """The audit's extraction of one page: the stand-ins answer for trafilatura's xpaths."""
    token = _PAGE_MAY_SCROLL.set(may_scroll)
    try:
        yield
    finally:
        _PAGE_MAY_SCROLL.reset(token)


def _active() -> bool:
    return _PAGE_MAY_SCROLL.get() is not None


def first_of(attrib: Any, name: str, other: str) -> str:
    """XPath's string value of `@name|@other`: the one of the two that comes first in the tag."""
    if other not in attrib:
        return attrib.get(name, "")
    if name not in attrib:
        return attrib[other]
    return next(value for key, value in attrib.items() if key in (name, other))


# ------------------------------------------------------------------ the raw-page pruning


class RawPruneGate:
    """One of RAW_TREE_PRUNE_XPATH, run only when the page's markup may match it."""

    def __init__(self, xpath: Any):
        self.xpath = xpath
        self.path = xpath.path

    def __call__(self, tree: Any) -> list:
        return [] if _PAGE_MAY_SCROLL.get() is False else self.xpath(tree)


# ------------------------------------------------------------------ xpaths on tag and attributes


def _value(attrib: Any, names: tuple[str, ...]) -> str:
    return attrib.get(names[0], "") if len(names) == 1 else first_of(attrib, *names)


class AttributeXPath:
    """Stands in for an xpath of the form `.//*[self::a or self::b][test or test ...]`, each test
    a `re:test(@x, '...')` (or `@x|@y`: the one first in the tag) read from the xpath, or one of
    `others` (restated plain XPath tests on the attributes). `tags` None: any element. `pick`:
    "all" the matches; "first" the first of them (`(.//*[...])[1]`); "first-child" the first
    matching child of each element (`.//*[...][1]`)."""

    def __init__(self, xpath: Any, tags: tuple[str, ...] | None,
                 others: tuple[Callable[[Any], bool], ...] = (), pick: str = "all"):
        self.xpath, self.path, self.tags, self.others, self.pick = xpath, xpath.path, tags, others, pick
        # (attribute names, regex, what it finds in "", its answers so far by attribute value)
        self.tests = []
        for attrs, pattern, flags in EXSLT_TEST.findall(xpath.path):
            rx = _compiled(pattern, flags)
            self.tests.append((tuple(a.lstrip("@") for a in attrs.split("|")), rx, rx.search("") is not None, {}))
        # whether an element without attributes matches: each test reads "" (none of trafilatura's do)
        self.bare = any(empty for *_, empty, _ in self.tests) or any(test({}) for test in others)

    def _matches(self, attrib: Any) -> bool:
        for names, rx, empty, seen in self.tests:
            value = _value(attrib, names)
            if not value:
                hit = empty
            else:
                hit = seen.get(value)
                if hit is None:
                    if len(seen) >= VALUE_CACHE:
                        seen.clear()
                    hit = seen[value] = rx.search(value) is not None
            if hit:
                return True
        for test in self.others:
            if test(attrib):
                return True
        return False

    def __call__(self, tree: Any) -> list:
        return self.find(tree) if _active() else self.xpath(tree)

    def find(self, tree: Any) -> list:
        """What the xpath finds below `tree`, in document order."""
        elements = tree.iterdescendants(*self.tags) if self.tags else tree.iterdescendants(_lxml_element())
        found = []
        parents = set()
        for element in elements:
            attrib = element.attrib
            if self._matches(attrib) if attrib else self.bare:
                if self.pick == "first":
                    return [element]
                if self.pick == "first-child":
                    parent = element.getparent()
                    if parent in parents:
                        continue
                    parents.add(parent)
                found.append(element)
        return found


def _compiled(pattern: str, flags: str) -> re.Pattern[str]:
    """A re:test pattern as lxml's EXSLT compiles it ('i': ignore case)."""
    return re.compile(pattern, re.IGNORECASE if "i" in flags else 0)


@lru_cache(maxsize=1)
def _lxml_element() -> Any:
    from lxml.etree import Element

    return Element


# the plain XPath tests, restated
def _has(name: str) -> Callable[[Any], bool]:
    """@name"""
    return lambda attrib: name in attrib


def _starts_with(names: str, prefix: str) -> Callable[[Any], bool]:
    """starts-with(@name, prefix); names 'a|b': the one of the two first in the tag"""
    parts = tuple(names.split("|"))
    return lambda attrib: _value(attrib, parts).startswith(prefix)


def _contains(name: str, part: str, upper: str = "") -> Callable[[Any], bool]:
    """contains(@name, part), or contains(translate(@name, upper, lower-cased upper), part)."""
    if upper:
        table = str.maketrans(upper, upper.lower())
        return lambda attrib: part in attrib.get(name, "").translate(table)
    return lambda attrib: part in attrib.get(name, "")


def _equals(name: str, *values: str) -> Callable[[Any], bool]:
    """@name='a' or @name='b' ..."""
    return lambda attrib: attrib.get(name) in values


_SECTIONS = ("div", "list", "section")
_BODIES = ("article", "div", "main", "section")
_BLOCKS = ("div", "item", "list", "p", "section", "span")
# (module, list name, position in it) -> the xpath's element tags (None: any), its tests that
# are not re:test, and which of its matches it keeps (see AttributeXPath); the positions not
# named keep trafilatura's xpath
ATTRIBUTE_XPATHS: dict[tuple[str, str, int], tuple[tuple[str, ...] | None, tuple, str]] = {
    # navigation, share bars, consent boxes, hidden blocks (the main extractor prunes each
    # candidate body with both; readability's page is pruned with them too)
    ("main_extractor", "OVERALL_DISCARD_XPATH", 0): (_BLOCKS, (
        _has("data-lp-replacement-content"), _contains("role", "nav", "N"),
        _contains("data-component", "MostPopularStories")), "all"),
    ("main_extractor", "OVERALL_DISCARD_XPATH", 1): (None, (
        _equals("class", "comments-title"), _starts_with("id|class", "reply-"), _contains("style", "display:none"),
        _contains("style", "display: none"), _equals("aria-hidden", "true")), "all"),
    ("main_extractor", "COMMENTS_XPATH", 0): (_SECTIONS, (), "all"),
    ("main_extractor", "COMMENTS_XPATH", 1): (_SECTIONS, (), "all"),
    ("main_extractor", "COMMENTS_XPATH", 2): (_SECTIONS, (), "all"),
    ("main_extractor", "COMMENTS_XPATH", 3): (("div", "section"),
                                             (_starts_with("id", "social"), _contains("class", "comment")), "all"),
    ("main_extractor", "PRECISION_DISCARD_XPATH", 1): (_BLOCKS, (_contains("style", "border"),), "all"),
    ("core", "REMOVE_COMMENTS_XPATH", 0): (("details", "div", "list", "section"), (), "all"),
    # the main extractor's candidates for the article body, tried in turn
    ("main_extractor", "BODY_XPATH", 0): (_BODIES, (_equals("class", "post", "entry"), _equals("itemprop", "articleBody"),
                                                    _equals("id", "articleContent")), "first-child"),
    ("main_extractor", "BODY_XPATH", 2): (_BODIES, (_equals("role", "article"), _equals("id", "article", "story"),
                                                    _equals("class", "postarea", "art-postcontent", "text", "cell",
                                                            "story")), "first"),
    ("main_extractor", "BODY_XPATH", 3): (_BODIES, (_equals("id", "content"), _equals("class", "content"),
                                                    _contains("id", "main-content", "CM"),
                                                    _contains("class", "main-content", "CM"),
                                                    _contains("class", "page-content", "CP")), "first"),
}


@lru_cache(maxsize=None)
def stand_in(module: str, name: str, k: int) -> AttributeXPath:
    """The stand-in for trafilatura's xpaths.<name>[k] (made once)."""
    from trafilatura import xpaths

    tags, others, pick = ATTRIBUTE_XPATHS[(module, name, k)]
    return AttributeXPath(getattr(xpaths, name)[k], tags, others, pick)


def prune_overall_discard(tree: Any) -> None:
    """prune_unwanted_nodes(tree, OVERALL_DISCARD_XPATH), answered by the stand-ins: the second
    xpath reads the tree as the first left it, as trafilatura's pruning has it."""
    from trafilatura.xml import delete_element

    for k in (0, 1):
        for element in stand_in("main_extractor", "OVERALL_DISCARD_XPATH", k).find(tree):
            delete_element(element)


def install() -> None:
    """Puts the stand-ins in trafilatura's modules (once per process)."""
    from trafilatura import core, main_extractor

    if all(isinstance(x, RawPruneGate) for x in core.RAW_TREE_PRUNE_XPATH):
        return
    core.RAW_TREE_PRUNE_XPATH = [RawPruneGate(x) for x in core.RAW_TREE_PRUNE_XPATH]
    modules = {"core": core, "main_extractor": main_extractor}
    for module, name, k in ATTRIBUTE_XPATHS:
        xpaths = list(getattr(modules[module], name))
        xpaths[k] = stand_in(module, name, k)
        setattr(modules[module], name, xpaths)
