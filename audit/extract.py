"""Turn a Document into the Page the checks analyse.

Plain text is analysed as given. HTML goes through trafilatura (main text with comments
kept apart, metadata, and htmldate's original-date extensive search through trafilatura's
`date_extraction_params`, so the page is parsed once); the analysed text is the main text
and then the comments, one block per line, so the line checks run on trafilatura's output.
The parsed tree is corrected first where trafilatura misreads common markup (layout
tables, article headers, "commentary" classes). The page title from the metadata is
reported (`input.html.title`) but not prepended to the text: trafilatura keeps the
headline in the main text when it judges it part of the article, and adding it where it
left it out cost body precision (article bodies are measured without their headline).
"""

from __future__ import annotations

import re
from typing import Any

from .model import Document, Page

# htmldate settings: the original (not last-modified) date, searching the whole page.
HTMLDATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"}

_SPACES = re.compile(r"[ \t\u00a0]+")
_COMMENTARY = re.compile(r"[Cc]ommentary")
_LAYOUT_TABLE = "//table[.//td//*[self::p or self::h1 or self::h2 or self::h3 or self::table]]"

# trafilatura runs in precision mode (less boilerplate: related links, teasers, link
# lists); when its main text is shorter than this many characters (a listing, a short
# note), the balanced extraction is tried as well and kept if it finds more.
SHORT_PRECISE_TEXT = 300


def page_from_document(doc: Document, max_chars: int) -> Page:
    if doc.html is not None:
        return _page_from_html(doc, max_chars)
    text = doc.text or ""
    if len(text) > max_chars:
        text = text[:max_chars]
        doc.truncated = True
    return Page.from_text(doc, text, kind="text")


def _page_from_html(doc: Document, max_chars: int) -> Page:
    html = doc.html or ""
    if len(html) > max_chars * 4:
        html = html[: max_chars * 4]
        doc.truncated = True
    meta: dict[str, Any] = {}
    extracted = None
    if html.strip():
        try:
            extracted = _extract(html, doc.url)
        except Exception as exc:  # trafilatura raises many types on hostile markup
            meta["extraction_error"] = f"{type(exc).__name__}: {exc}"[:300]
    parts: list[str] = []
    comment_lines = None
    if extracted is not None:
        for key in ("title", "author", "sitename", "url", "hostname", "date", "description"):
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
    return Page.from_text(doc, text, kind="html", html_meta=meta, html_comment_lines=comment_lines)


def _extract(html: str, url: str | None) -> Any:
    """One trafilatura pass (main text, comments apart, metadata, dates) on a tree parsed
    here so that the markup can be corrected first; a second pass only when the precise
    main text came out short (SHORT_PRECISE_TEXT)."""
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return None
    _rename_commentary_classes(tree)
    _unwrap_layout_tables(tree)
    _keep_article_headers(tree)
    # bare_extraction works on its own copy of a tree it is given: the tree can be reused
    precise = _bare_extraction(tree, url, precision=True, metadata=True)
    precise_len = len(precise.text or "") if precise is not None else 0
    if precise_len >= SHORT_PRECISE_TEXT:
        return precise
    balanced = _bare_extraction(tree, url, precision=False, metadata=precise is None)
    if balanced is None or len(balanced.text or "") <= precise_len:
        return precise
    if precise is None:
        return balanced
    precise.text, precise.comments = balanced.text, balanced.comments
    return precise


def _bare_extraction(tree: Any, url: str | None, precision: bool, metadata: bool) -> Any:
    import trafilatura  # imported here: the plain-text path must not pay for it

    return trafilatura.bare_extraction(
        tree,
        url=url,
        include_comments=True,
        favor_precision=precision,
        with_metadata=metadata,
        date_extraction_params=HTMLDATE_PARAMS,
    )


def _keep_article_headers(tree: Any) -> None:
    """trafilatura's precision mode drops every <header>. The page's header is site chrome,
    but a <header> inside the <article> holds the headline and the lead paragraph; as a
    <div> it is judged like the rest of the article."""
    for element in tree.xpath("//article//header"):
        element.tag = "div"


def _unwrap_layout_tables(tree: Any) -> None:
    """A table whose cells hold paragraphs, headings or other tables lays out the page;
    trafilatura renders each of its rows as one "| cell | cell |" line, running the
    headline, byline and paragraphs of an article together. As <div>s each block keeps
    its own line."""
    for table in tree.xpath(_LAYOUT_TABLE):
        for row in table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr"):
            for cell in row.xpath("./td | ./th"):
                cell.tag = "div"
            row.tag = "div"
        for section in table.xpath("./thead | ./tbody | ./tfoot"):
            section.tag = "div"
        table.tag = "div"


def _rename_commentary_classes(tree: Any) -> None:
    """trafilatura takes the first element whose class contains "comment" for the reader
    comments, so an opinion article marked class="... commentary" was captured whole as
    comments and the real comment thread became the main text. "commentary" names the
    article's genre, not reader comments (trafilatura's own comment pruning excludes it)."""
    for element in tree.xpath('//*[contains(@class, "ommentary")]'):
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
    look for; this rendering keeps them. Computed once per page and cached on it."""
    if page.visible_html is None:
        page.visible_html = _render_blocks(page.doc.html or "", max_chars)
    return page.visible_html


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
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _HIDDEN_TAGS:
                walker.skip_subtree()
                parts.append(el.tail or "")  # a skipped element sends no end event
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
    lines = (" ".join(part.split()) for part in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)[:max_chars]
