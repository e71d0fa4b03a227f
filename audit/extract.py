"""Turn a Document into the Page the checks analyse.

Plain text is analysed as given. HTML is parsed once; the tree, corrected where
trafilatura misreads common markup (layout tables, article headers, "commentary" classes),
feeds the whole page's visible text (`visible_text`, for the date and byline checks), the
metadata (trafilatura's finders and htmldate's original date) and trafilatura's main text
with the comments kept apart. The analysed text is the main text and then the comments,
one block per line, so the line checks run on trafilatura's output. The page title from
the metadata is reported (`input.html.title`) but not prepended to the text: trafilatura keeps the
headline in the main text when it judges it part of the article, and adding it where it
left it out cost body precision (article bodies are measured without their headline).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from . import traf_xpaths
from .model import Document, Page
from .reflow import reflow

# htmldate settings: the original (not last-modified) date from the markup (meta tags,
# JSON-LD, time elements, URL, date patterns). Its extensive search of the free text is left
# out: the dates check reads the visible text itself, and on the DEV pages the extensive
# search only added one wrong date (it also costs dateparser's start-up, seconds a process).
HTMLDATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}

_SPACES = re.compile(r"[ \t\u00a0]+")
_COMMENTARY = re.compile(r"[Cc]ommentary")
_LAYOUT_TABLE = "//table[.//td//*[self::p or self::h1 or self::h2 or self::h3 or self::table]]"

# trafilatura runs in precision mode (less boilerplate: related links, teasers, link
# lists); when its main text is shorter than this many characters (a listing, a short
# note), the balanced extraction is tried as well and kept if it finds more.
SHORT_PRECISE_TEXT = 300

# the metadata fields the report shows (input.html) and the checks read
_META_KEYS = ("title", "author", "sitename", "url", "hostname", "date", "description")


@lru_cache(maxsize=None)
def _xpath(path: str) -> Any:
    """A compiled xpath: `element.xpath(path)` compiles the path again on every call (~0.1 ms)."""
    from lxml.etree import XPath

    return XPath(path)


def page_from_document(doc: Document, max_chars: int, unwrap: bool = True) -> Page:
    """The page the checks read. Plain text that a scraper hard-wrapped at a fixed width is
    analysed with its paragraphs joined (`unwrap`; audit.reflow)."""
    if doc.html is not None:
        return _page_from_html(doc, max_chars)
    text = doc.text or ""
    if len(text) > max_chars:
        text = text[:max_chars]
        doc.truncated = True
    wrapped = reflow(text) if unwrap else None
    if wrapped is not None:
        return Page.from_wrapped_text(doc, text, wrapped.text, wrapped.width)
    return Page.from_text(doc, text, kind="text")


def analysed_text(text: str, max_chars: int, unwrap: bool = True) -> str:
    """The plain text whose lines the checks read, as page_from_document makes it: a
    hard-wrapped text with its paragraphs joined. The corpus pass keys template lines on
    these lines, so a footer wrapped over two lines is the one line the checks look up."""
    wrapped = reflow(text[:max_chars]) if unwrap else None
    return text if wrapped is None else wrapped.text


def _page_from_html(doc: Document, max_chars: int) -> Page:
    html = doc.html or ""
    if len(html) > max_chars * 4:
        html = html[: max_chars * 4]
        doc.truncated = True
    meta: dict[str, Any] = {}
    extracted = None
    visible = None
    if html.strip():
        try:
            extracted, visible, metadata_error = _extract(html, doc.url, max_chars)
            if metadata_error:
                meta["metadata_error"] = metadata_error
        except Exception as exc:  # trafilatura raises many types on hostile markup
            meta["extraction_error"] = f"{type(exc).__name__}: {exc}"[:300]
    parts: list[str] = []
    comment_lines = None
    if extracted is not None:
        for key in _META_KEYS:
            value = getattr(extracted, key, None)
            if value:
                meta[key] = str(value)
        body = _tidy(getattr(extracted, "text", "") or "")
        comments = _tidy(getattr(extracted, "comments", "") or "")
        parts.extend(body.split("\n") if body else [])
        if comments:
            first = len(parts) + 1
            parts.extend(comments.split("\n"))
            comment_lines = (first, len(parts))
    if not doc.url and meta.get("url"):
        doc.url = meta["url"]
    text = "\n".join(parts)
    if len(text) > max_chars:
        text = text[:max_chars]
        doc.truncated = True
    return Page.from_text(doc, text, kind="html", html_meta=meta, html_comment_lines=comment_lines,
                          visible_html=visible)


def _extract(html: str, url: str | None, max_chars: int) -> tuple[Any, str | None, str | None]:
    """The page parsed once: the tree, corrected where trafilatura misreads common markup,
    feeds the visible-text rendering, the metadata and the main-text extraction (which
    works on its own copy). Returns trafilatura's document (main text, comments and the
    metadata fields), the visible text (None when the page does not parse) and what went wrong
    with the metadata, if anything."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None, None, None
    if "ommentary" in html:
        _rename_commentary_classes(tree)
    _unwrap_layout_tables(tree)
    _keep_article_headers(tree)
    visible = _walk_blocks(tree)[:max_chars]
    may_scroll = any(marker in html for marker in traf_xpaths.RAW_PRUNE_MARKERS)
    extracted = _main_text(tree, url, len(visible), may_scroll)
    if extracted is None:
        return None, visible, None
    try:
        metadata = _metadata(tree, url)
    except Exception as exc:  # odd markup in a finder must not cost the main text
        return extracted, visible, f"{type(exc).__name__}: {exc}"[:300]
    for key in _META_KEYS:
        setattr(extracted, key, getattr(metadata, key, None))
    return extracted, visible, None


def _main_text(tree: Any, url: str | None, visible_chars: int, may_scroll: bool = True) -> Any:
    """trafilatura in precision mode without its external fallback (readability, jusText),
    which it consults on every page but rarely takes; the full cascade runs again only where
    the fallback could win (`_fallback_may_win`). When the precise main text came out short
    (SHORT_PRECISE_TEXT), the balanced extraction is tried as well and kept if it finds more."""
    with traf_xpaths.extracting(may_scroll):
        return _main_text_cascade(tree, url, visible_chars, may_scroll)


def _main_text_cascade(tree: Any, url: str | None, visible_chars: int, may_scroll: bool) -> Any:
    quick = _bare_extraction(tree, url, precision=True, fast=True)
    if quick is not None and len(quick.text or "") >= SHORT_PRECISE_TEXT \
            and not _fallback_may_win(tree, quick, visible_chars, may_scroll):
        return quick
    precise = _bare_extraction(tree, url, precision=True, fast=False)
    precise_len = len(precise.text or "") if precise is not None else 0
    if precise_len >= SHORT_PRECISE_TEXT:
        return precise
    balanced = _bare_extraction(tree, url, precision=False, fast=False)
    if balanced is None or len(balanced.text or "") <= precise_len:
        return precise
    if precise is None:
        return balanced
    precise.text, precise.comments = balanced.text, balanced.comments
    return precise


# trafilatura replaces its own main text by readability's only when readability finds more
# than twice as much (or its own text has no paragraphs, or more tables than paragraphs), and
# consults jusText only when its main text holds asides, figures, navigation and the like
# (external.compare_extraction). Readability reads a part of the visible text, so it can only
# win where the main text is a small share of the page: on the DEV pages it found more than
# 1.3 times the main text only where that was under 22% of the visible text, and never twice
# as much above it. Below FALLBACK_VISIBLE_SHARE, readability is run and the full cascade
# follows when it finds more than FALLBACK_LONGER times the main text (a margin under
# trafilatura's 2, for text measures that differ slightly).
FALLBACK_VISIBLE_SHARE = 0.3
FALLBACK_LONGER = 1.5
_UNCLEAN_BODY = (
    ".//aside|.//audio|.//button|.//fencedframe|.//fieldset|.//figure|.//footer|.//iframe|.//input|.//label"
    "|.//link|.//nav|.//noindex|.//noscript|.//object|.//option|.//select|.//source|.//svg|.//time"
)


def _fallback_may_win(tree: Any, quick: Any, visible_chars: int, may_scroll: bool = True) -> bool:
    body = quick.body
    if body is None or _xpath(_UNCLEAN_BODY)(body):
        return True
    paragraphs = len(body.findall(".//p"))
    if not paragraphs or not _xpath(".//p//text()")(body) or len(body.findall(".//table")) > paragraphs:
        return True
    own = len(" ".join(body.itertext()).strip())
    if own >= visible_chars * FALLBACK_VISIBLE_SHARE:
        return False
    return _readability_chars(tree, may_scroll) > FALLBACK_LONGER * own


def _readability_chars(tree: Any, may_scroll: bool = True) -> int:
    """Length of readability's text for the page, prepared as trafilatura prepares it."""
    from copy import copy

    from lxml.etree import tostring
    from trafilatura.external import try_readability
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH

    raw = copy(tree)
    if may_scroll:
        raw = prune_unwanted_nodes(raw, RAW_TREE_PRUNE_XPATH)
    traf_xpaths.prune_overall_discard(raw)
    return len(" ".join(tostring(try_readability(raw), method="text", encoding="unicode").split()))


def _bare_extraction(tree: Any, url: str | None, precision: bool, fast: bool) -> Any:
    import trafilatura  # imported here: the plain-text path must not pay for it

    traf_xpaths.install()
    return trafilatura.bare_extraction(
        tree,
        url=url,
        fast=fast,
        include_comments=True,
        favor_precision=precision,
        with_metadata=False,
    )


# trafilatura's author search (metadata.extract_author) copies the page, prunes the copy
# (comments, sidebars, titles, dates, figures: xpaths.AUTHOR_DISCARD_XPATHS) and runs the three
# xpaths.AUTHOR_XPATHS on it. Their regular expressions are EXSLT calls back into Python for
# every element: ~5.6 ms a page. The same tests, on attributes and tag names only, are made
# here in one pass over the elements (~1.9 ms); only the element that is read is copied and
# pruned, so its text is trafilatura's. tests/test_extract.py checks the xpaths are still the
# ones these tests copy (trafilatura is pinned) and that both searches agree.
_AUTHOR_TAGS = (frozenset({"a", "address", "div", "link", "p", "span", "strong"}),
                frozenset({"a", "div", "h3", "h4", "p", "span"}))
_AUTHOR_CLASS_0 = re.compile("author-?name|AuthorName|authorName")
_AUTHOR_ID_1 = re.compile("author|zuozhe|bianji|xiaobian")
_AUTHOR_CLASS_1 = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
_AUTHOR_ID_2 = re.compile("[Aa]uthor")
_AUTHOR_CLASS_2 = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
_DISCARD_TAGS = frozenset({"a", "div", "section", "span"})
_DISCARD_ID = re.compile("^comments|comment-?list|ProductReviews")
_DISCARD_CLASS = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)"
    "|print|category|meta-date|meta-reviewer"
)
# a class or id that none of the tests above can take contains none of these (written out:
# the union of those expressions, ~20% slower to search)
_AUTHOR_OR_DISCARD_HINT = re.compile(
    "uthor|yline|byl|BBL|username|screenname|writer|channel-name|submitted-by|posted-by|journalist-name|zuozhe"
    "|bianji|xiaobian|omment|title|date|sidebar|is-hidden|quote|embedly-instagram|article-share|article-support"
    "|print|category|meta-reviewer|ProductReviews"
)
AUTHOR_MAX_CHARS = 120  # trafilatura's len_limit for the author


def _author_xpath_matches(element: Any, tag: str, attrib: Any, rel_me: set) -> tuple[bool, bool, bool]:
    """Whether `element` is found by each of trafilatura's three AUTHOR_XPATHS."""
    cls, ident, itemprop = attrib.get("class", ""), attrib.get("id", ""), attrib.get("itemprop", "")
    first = tag == "author" or (tag in _AUTHOR_TAGS[0] and (
        attrib.get("rel") == "author" or ident == "author" or cls == "author" or itemprop == "author name"
        or element in rel_me or attrib.get("data-testid") in ("AuthorCard", "AuthorURL")
        or _AUTHOR_CLASS_0.search(cls) is not None))
    second = tag in _AUTHOR_TAGS[1] and (
        cls in ("byline", "username", "byl", "BBL") or "author" in itemprop
        or _AUTHOR_ID_1.search(ident) is not None or _AUTHOR_CLASS_1.search(cls) is not None)
    third = ("Byline" in attrib.get("data-component", "") or "author" in itemprop
             or _AUTHOR_ID_2.search(ident) is not None or _AUTHOR_CLASS_2.search(cls) is not None)
    return first, second, third


def _discarded_for_author(tag: str, attrib: Any) -> bool:
    """Whether trafilatura's AUTHOR_DISCARD_XPATHS remove the element."""
    if tag in ("time", "figure"):
        return True
    if tag not in _DISCARD_TAGS:
        return False
    cls, ident = attrib.get("class", ""), attrib.get("id", "")
    return (ident == "comments" or cls in ("comments", "title", "date") or _DISCARD_ID.search(ident) is not None
            or _DISCARD_CLASS.search(cls) is not None or "Figure" in attrib.get("data-component", ""))


def _find_author(tree: Any) -> str | None:
    """trafilatura's extract_author, without its copy of the page and its xpath callbacks."""
    from copy import deepcopy

    from lxml.etree import Element
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.utils import trim
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS

    # `rel='me'` in the first xpath is a child element <rel> whose text is "me"
    rel_me = {rel.getparent() for rel in tree.iter("rel") if rel.text_content() == "me"}
    found: tuple[list, list, list] = ([], [], [])
    discarded = set()
    hint = _AUTHOR_OR_DISCARD_HINT.search
    for element in tree.iter(Element):
        # most elements of a page name no hint: the cheapest tests first, no per-element tuples
        get = element.get
        cls, ident = get("class"), get("id")
        if ((cls is None and ident is None) or hint(f"{cls or ''} {ident or ''}") is None) \
                and element.tag not in ("author", "time", "figure") \
                and get("itemprop") is None and get("rel") is None and get("data-testid") is None \
                and get("data-component") is None \
                and element not in rel_me:
            continue
        tag = element.tag
        attrib = element.attrib
        if element is not tree and _discarded_for_author(tag, attrib):
            discarded.add(element)
        for matches, hit in zip(found, _author_xpath_matches(element, tag, attrib, rel_me)):
            if hit:
                matches.append(element)
    for matches in found:
        for element in matches:
            if element in discarded or any(a in discarded for a in element.iterancestors()):
                continue
            own = prune_unwanted_nodes(deepcopy(element), AUTHOR_DISCARD_XPATHS)
            content = trim(" ".join(own.itertext()))
            if content and 2 < len(content) < AUTHOR_MAX_CHARS:
                return normalize_authors(None, content)
    return None


def _metadata(tree: Any, url: str | None) -> Any:
    """The metadata fields the report and the checks read (title, author, url, hostname,
    date, sitename, description), found as trafilatura's extract_metadata finds them, without
    the categories, tags and licence it also looks for. The date is htmldate's original date
    from the markup (headers, JSON-LD, time elements, date patterns) without its free-text
    search: the dates check scans the visible text itself."""
    from courlan import extract_domain
    from htmldate import find_date
    from trafilatura import metadata as tmeta

    found = tmeta.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # a single word is a handle or a site name (as trafilatura does)
    try:
        found = tmeta.extract_meta_json(tree, found)
    except Exception:  # trafilatura's JSON-LD reader fails on odd markup; the rest still counts
        pass
    if not found.title:
        found.title = tmeta.extract_title(tree)
    if not found.author:
        found.author = _find_author(tree)
    if not found.url:
        found.url = tmeta.extract_url(tree, url)
    if found.url:
        found.hostname = extract_domain(found.url, fast=True)
    found.date = find_date(tree, url=found.url, **HTMLDATE_PARAMS)
    if not found.sitename:
        found.sitename = tmeta.extract_sitename(tree)
    if found.sitename:
        found.sitename = found.sitename.lstrip("@")
        if found.sitename and "." not in found.sitename and not found.sitename[0].isupper():
            found.sitename = found.sitename.title()
    elif found.url:
        match = tmeta.META_URL.match(found.url)
        if match:
            found.sitename = match[1]
    found.clean_and_trim()
    return found


def _keep_article_headers(tree: Any) -> None:
    """trafilatura's precision mode drops every <header>. The page's header is site chrome,
    but a <header> inside the <article> holds the headline and the lead paragraph; as a
    <div> it is judged like the rest of the article."""
    for element in _xpath("//article//header")(tree):
        element.tag = "div"


def _unwrap_layout_tables(tree: Any) -> None:
    """A table whose cells hold paragraphs, headings or other tables lays out the page;
    trafilatura renders each of its rows as one "| cell | cell |" line, running the
    headline, byline and paragraphs of an article together. As <div>s each block keeps
    its own line."""
    for table in _xpath(_LAYOUT_TABLE)(tree):
        for row in _xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")(table):
            for cell in _xpath("./td | ./th")(row):
                cell.tag = "div"
            row.tag = "div"
        for section in _xpath("./thead | ./tbody | ./tfoot")(table):
            section.tag = "div"
        table.tag = "div"


def _rename_commentary_classes(tree: Any) -> None:
    """trafilatura takes the first element whose class contains "comment" for the reader
    comments, so an opinion article marked class="... commentary" was captured whole as
    comments and the real comment thread became the main text. "commentary" names the
    article's genre, not reader comments (trafilatura's own comment pruning excludes it)."""
    for element in _xpath('//*[contains(@class, "ommentary")]')(tree):
        element.set("class", _COMMENTARY.sub("opinion", element.get("class", "")))


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", ln).strip() for ln in text.split("\n"))
    return "\n".join(ln for ln in lines if ln)


# The naive "blocks" rendering of a whole page: a line break at every block element.
_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot td th tr ul".split()
)
_HIDDEN_TAGS = frozenset("script style noscript template svg head iframe object select".split())


def visible_text(page: Page, max_chars: int) -> str:
    """The whole HTML page's visible text, a line per block element, as a naive scraper
    renders it. trafilatura's main text leaves out the byline and date lines that checks
    look for; this rendering keeps them. Rendered from the tree the extraction parsed (see
    `_extract`), or here from the HTML when the extraction did not run."""
    if page.visible_html is None:
        page.visible_html = _render_blocks(page.doc.html or "", max_chars)
    return page.visible_html


def visible_page(page: Page, max_chars: int) -> Page | None:
    """`visible_text` split into lines, built once per page; None when the page shows no text."""
    if page.visible_lines is None:
        text = visible_text(page, max_chars)
        if not text:
            return None
        page.visible_lines = Page.from_text(page.doc, text)
    return page.visible_lines


def _render_blocks(html: str, max_chars: int) -> str:
    from lxml import etree
    from lxml import html as lxml_html

    if not html.strip():
        return ""
    try:
        root = lxml_html.document_fromstring(
            html[: max_chars * 4].encode("utf-8", "replace"),
            parser=lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True),
        )
    except (etree.ParserError, ValueError):
        return ""
    return _walk_blocks(root)[:max_chars]


def _walk_blocks(root: Any) -> str:
    """A line break at every block element, hidden elements left out; the tree is read, not
    changed. libxslt walks the tree (twice as fast as a Python walk); very deep markup that
    exceeds its template depth is walked here instead."""
    from lxml import etree

    try:
        rendered = str(_block_stylesheet()(root))
    except etree.LxmlError:
        rendered = _walk_blocks_in_python(root)
    lines = (" ".join(part.split()) for part in rendered.split("\n"))
    return "\n".join(ln for ln in lines if ln)


_STYLESHEET: list[Any] = []


def _block_stylesheet() -> Any:
    """Text nodes in document order, nothing of the hidden elements, a line break around
    every block element (a hidden element's tail is a text node of its parent: kept)."""
    if not _STYLESHEET:
        from lxml import etree

        _STYLESHEET.append(etree.XSLT(etree.XML(
            '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
            '<xsl:output method="text" encoding="UTF-8"/>'
            f'<xsl:template match="{"|".join(sorted(_HIDDEN_TAGS))}"/>'
            f'<xsl:template match="{"|".join(sorted(_BLOCK_TAGS))}">'
            "<xsl:text>&#10;</xsl:text><xsl:apply-templates/><xsl:text>&#10;</xsl:text></xsl:template>"
            "</xsl:stylesheet>"
        )))
    return _STYLESHEET[0]


def _walk_blocks_in_python(root: Any) -> str:
    from lxml import etree

    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _HIDDEN_TAGS:
                walker.skip_subtree()  # its end event still comes, with the tail
                continue
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if el.tail:
                parts.append(el.tail)
    return "".join(parts)
