"""Turn a Document into the Page the checks analyse.

Plain text is analysed as given. HTML goes through trafilatura (main text with comments
kept apart, metadata, and htmldate's original-date extensive search through trafilatura's
`date_extraction_params`, so the page is parsed once); the analysed text is the main text
and then the comments, so the line checks run on trafilatura's output. The page
title from the metadata is reported (`input.html.title`) but not prepended to the text:
trafilatura keeps the headline in the main text when the page shows it there, and a second
copy only adds noise to the cleaned text.
"""

from __future__ import annotations

import re
from typing import Any

from .model import Document, Page

# htmldate settings: the original (not last-modified) date, searching the whole page.
HTMLDATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%d"}

_SPACES = re.compile(r"[ \t\u00a0]+")


def page_from_document(doc: Document, max_chars: int) -> Page:
    if doc.html is not None:
        return _page_from_html(doc, max_chars)
    text = doc.text or ""
    if len(text) > max_chars:
        text = text[:max_chars]
        doc.truncated = True
    return Page.from_text(doc, text, kind="text")


def _page_from_html(doc: Document, max_chars: int) -> Page:
    import trafilatura  # imported here: the plain-text path must not pay for it

    html = doc.html or ""
    if len(html) > max_chars * 4:
        html = html[: max_chars * 4]
        doc.truncated = True
    meta: dict[str, Any] = {}
    extracted = None
    if html.strip():
        try:
            extracted = trafilatura.bare_extraction(
                html,
                url=doc.url,
                include_comments=True,
                with_metadata=True,
                date_extraction_params=HTMLDATE_PARAMS,
            )
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
