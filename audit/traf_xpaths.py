"""Faster answers to some of trafilatura's xpaths, for the audit's own extraction.

trafilatura selects the blocks it prunes or reads with xpaths whose regular expressions are
EXSLT calls (`re:test(@class, '...')`) back into Python for every candidate element: on the DEV
pages they are a sixth of its time. Those below test only an element's tag and its id, class or
style, so the same tests are made here in Python, on the elements of the right tags, with each
attribute value's result cached (a page repeats a few class names on hundreds of elements).

- The raw-page pruning (RAW_TREE_PRUNE_XPATH) needs an id or class naming one of
  RAW_PRUNE_MARKERS; on a page whose markup names none (4 in 5 DEV pages) it is skipped.
- OVERALL_DISCARD_XPATH (the main extractor's pruning of each candidate body, and the pruning
  before readability reads a page) is answered in one pass for both its xpaths.
- The article-body candidates (BODY_XPATH), the comment-section finders (COMMENTS_XPATH), the
  comment pruning of precision mode (REMOVE_COMMENTS_XPATH) and the precision discard of 'bottom'
  and 'link' blocks are answered by `AttributeXPath`, their structure restated in ATTRIBUTE_XPATHS.

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
VALUE_CACHE = 8192  # attribute values whose test results are kept per stand-in


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


# ------------------------------------------------------------------ OVERALL_DISCARD_XPATH

# Navigation, share bars, consent boxes, hidden blocks: as EXSLT callbacks ~5.5 ms a whole
# page, in one pass here ~2 ms.
_DISCARD_TAGS_FIRST = frozenset({"div", "item", "list", "p", "section", "span"})


@lru_cache(maxsize=1)
def _overall_discard_tests() -> tuple[dict[str, Any], dict[str, Any]]:
    """The regular expressions of each OVERALL_DISCARD xpath, by the attributes they test."""
    from trafilatura.xpaths import OVERALL_DISCARD_XPATH

    first, second = ({attrs: _compiled(pattern, flags) for attrs, pattern, flags in EXSLT_TEST.findall(xpath.path)}
                     for xpath in OVERALL_DISCARD_XPATH)
    return first, second


def _compiled(pattern: str, flags: str) -> re.Pattern[str]:
    """A re:test pattern as lxml's EXSLT compiles it ('i': ignore case)."""
    return re.compile(pattern, re.IGNORECASE if "i" in flags else 0)


@lru_cache(maxsize=VALUE_CACHE)
def _discarded_by_value(attribute: str, value: str) -> tuple[bool, bool]:
    """Whether each xpath's expression for `@id` or `@class` finds this value. Cached: a page's
    elements share a few class names (358 class attributes a DEV page, 141 distinct)."""
    first, second = _overall_discard_tests()
    return first[attribute].search(value) is not None, second[attribute].search(value) is not None


@lru_cache(maxsize=1)
def _lxml_element() -> Any:
    from lxml.etree import Element

    return Element


def overall_discard_matches(tree: Any) -> tuple[list, list]:
    """What each of the two OVERALL_DISCARD_XPATH finds below `tree`, in document order."""
    first, second = _overall_discard_tests()
    consent, hidden = first["@id|@class"], second["@id|@style"]
    found: tuple[list, list] = ([], [])
    for element in tree.iterdescendants(_lxml_element()):
        attrib = element.attrib
        if not attrib:
            continue  # no test takes an element without attributes ("" matches none)
        ident, cls = attrib.get("id", ""), attrib.get("class", "")
        id_first, id_second = _discarded_by_value("@id", ident) if ident else (False, False)
        class_first, class_second = _discarded_by_value("@class", cls) if cls else (False, False)
        id_or_class = first_of(attrib, "id", "class") if ident or cls else ""
        if element.tag in _DISCARD_TAGS_FIRST and (
                id_first or class_first or consent.search(id_or_class) is not None
                or "data-lp-replacement-content" in attrib
                or "nav" in attrib.get("role", "").replace("N", "n")
                or "MostPopularStories" in attrib.get("data-component", "")):
            found[0].append(element)
        style = attrib.get("style", "")
        if (id_second or class_second or cls == "comments-title" or id_or_class.startswith("reply-")
                or ((ident or style) and hidden.search(first_of(attrib, "id", "style")) is not None)
                or "display:none" in style or "display: none" in style
                or attrib.get("aria-hidden") == "true"):
            found[1].append(element)
    return found


def prune_overall_discard(tree: Any) -> None:
    """prune_unwanted_nodes(tree, OVERALL_DISCARD_XPATH) in one pass over the elements. Both
    xpaths test only an element's own tag and attributes, so the elements the second finds after
    the first has pruned are those it finds before, less the pruned ones' descendants (whose
    removal then changes only what was pruned already)."""
    from trafilatura.xml import delete_element

    for elements in overall_discard_matches(tree):
        for element in elements:
            delete_element(element)


class OverallDiscardXPath:
    """Stands in for OVERALL_DISCARD_XPATH[which] where the main extractor prunes each candidate
    body with both (main_extractor.prune_unwanted_sections): it is called for the first, then
    the second, on the same unchanged tree (prune_unwanted_nodes with_backup=True), so the first
    call's pass answers both. `shared`: a one-item list, the (tree, second xpath's matches) of the
    last first call, replaced and read whole (threads auditing side by side never mix them)."""

    def __init__(self, which: int, shared: list, xpath: Any):
        self.which, self.shared, self.xpath, self.path = which, shared, xpath, xpath.path

    def __call__(self, tree: Any) -> list:
        if not _active():
            return self.xpath(tree)
        if self.which == 0:
            found = overall_discard_matches(tree)
            self.shared[0] = (tree, found[1])
            return found[0]
        last, self.shared[0] = self.shared[0], None
        if last is not None and last[0] is tree:
            return last[1]
        return overall_discard_matches(tree)[1]


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
        self.tests = [(tuple(a.lstrip("@") for a in attrs.split("|")), _compiled(pattern, flags))
                      for attrs, pattern, flags in EXSLT_TEST.findall(xpath.path)]
        # an element without attributes gives each test "" (none of trafilatura's finds it)
        self.skip_bare = not any(rx.search("") for _, rx in self.tests)
        self._seen: dict[tuple[int, str], bool] = {}

    def _search(self, k: int, value: str) -> bool:
        key = (k, value)
        hit = self._seen.get(key)
        if hit is None:
            if len(self._seen) >= VALUE_CACHE:
                self._seen.clear()
            hit = self._seen[key] = self.tests[k][1].search(value) is not None
        return hit

    def __call__(self, tree: Any) -> list:
        if not _active():
            return self.xpath(tree)
        elements = tree.iterdescendants(*self.tags) if self.tags else tree.iterdescendants(_lxml_element())
        found = []
        parents = set()
        for element in elements:
            attrib = element.attrib
            if not attrib and self.skip_bare:
                continue
            if any(self._search(k, _value(attrib, names)) for k, (names, _) in enumerate(self.tests)) \
                    or any(test(attrib) for test in self.others):
                if self.pick == "first":
                    return [element]
                if self.pick == "first-child":
                    parent = element.getparent()
                    if parent in parents:
                        continue
                    parents.add(parent)
                found.append(element)
        return found


def _starts_with(name: str, prefix: str) -> Callable[[Any], bool]:
    return lambda attrib: attrib.get(name, "").startswith(prefix)


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
# (module, list name, position in it) -> the xpath's element tags and its tests that are not
# re:test; the positions not named keep trafilatura's xpath
ATTRIBUTE_XPATHS: dict[tuple[str, str, int], tuple] = {
    ("main_extractor", "COMMENTS_XPATH", 0): (_SECTIONS, ()),
    ("main_extractor", "COMMENTS_XPATH", 1): (_SECTIONS, ()),
    ("main_extractor", "COMMENTS_XPATH", 2): (_SECTIONS, ()),
    ("main_extractor", "COMMENTS_XPATH", 3): (("div", "section"),
                                             (_starts_with("id", "social"), _contains("class", "comment"))),
    ("main_extractor", "PRECISION_DISCARD_XPATH", 1): (("div", "item", "list", "p", "section", "span"),
                                                      (_contains("style", "border"),)),
    ("core", "REMOVE_COMMENTS_XPATH", 0): (("details", "div", "list", "section"), ()),
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


def install() -> None:
    """Puts the stand-ins in trafilatura's modules (once per process)."""
    from trafilatura import core, main_extractor

    if all(isinstance(x, RawPruneGate) for x in core.RAW_TREE_PRUNE_XPATH):
        return
    core.RAW_TREE_PRUNE_XPATH = [RawPruneGate(x) for x in core.RAW_TREE_PRUNE_XPATH]
    shared: list = [None]
    main_extractor.OVERALL_DISCARD_XPATH = [OverallDiscardXPath(k, shared, x)
                                            for k, x in enumerate(main_extractor.OVERALL_DISCARD_XPATH)]
    modules = {"core": core, "main_extractor": main_extractor}
    for (module, name, k), (tags, others, *pick) in ATTRIBUTE_XPATHS.items():
        xpaths = list(getattr(modules[module], name))
        xpaths[k] = AttributeXPath(xpaths[k], tags, others, *pick)
        setattr(modules[module], name, xpaths)
