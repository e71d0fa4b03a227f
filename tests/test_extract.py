"""HTML extraction: trafilatura's main text and comments as the analysed lines.

The pages below are small but built like real ones (a table layout, an opinion piece
whose article is marked "commentary", an article with its own <header>); the two pages
in tests/data/html are real pages of the ScrapingHub article benchmark."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from audit import extract, traf_xpaths
from audit.extract import page_from_document, visible_text
from audit.model import Document

from conftest import DATA

MAX_CHARS = 100_000


def html_page(html: str, url: str | None = None):
    return page_from_document(Document(id="t", html=html, url=url), MAX_CHARS)


def body_lines(page) -> list[str]:
    last = page.html_comment_lines[0] - 1 if page.html_comment_lines else len(page.lines)
    return [ln.text for ln in page.lines[:last]]


def comment_lines(page) -> list[str]:
    if not page.html_comment_lines:
        return []
    first, last = page.html_comment_lines
    return [ln.text for ln in page.lines[first - 1:last]]


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


# ------------------------------------------------------------------ layout tables

NIGHT_BUS = [
    "The regional council voted on Tuesday to extend the night bus network to the three northern districts, "
    "ending a two-year dispute over who should pay for the service.",
    "Under the plan, buses will run every twenty minutes between midnight and five in the morning from March, "
    "with the cost shared between the council and the transport authority.",
    "Residents of the outer districts had complained for years that the last connection left the city centre "
    "before eleven, leaving shift workers without a way home.",
]
TABLE_LAYOUT_PAGE = (
    "<html><head><title>Night buses reach the northern districts | City Gazette</title></head><body>"
    '<table width="100%"><tr><td class="nav"><a href="/">Home</a> <a href="/news">News</a></td></tr>'
    "<tr><td><h1>Night buses reach the northern districts</h1><p>by Maria Keller</p><p>Monday, March 2, 2020</p>"
    + paragraphs(NIGHT_BUS)
    + "<table><tr><th>Line</th><th>First bus</th><th>Last bus</th></tr>"
    "<tr><td>N1</td><td>00:10</td><td>04:50</td></tr><tr><td>N2</td><td>00:25</td><td>05:05</td></tr></table>"
    "<p>The council will review the timetable after six months of operation and publish passenger numbers.</p>"
    "</td></tr></table></body></html>"
)


def test_paragraphs_of_a_layout_table_keep_one_line_each():
    lines = body_lines(html_page(TABLE_LAYOUT_PAGE))
    for paragraph in NIGHT_BUS:
        assert paragraph in lines  # the whole line, not run together with its neighbours
    assert not any(ln.startswith("|") and "regional council" in ln for ln in lines)


def test_a_data_table_inside_the_layout_stays_a_table():
    lines = body_lines(html_page(TABLE_LAYOUT_PAGE))
    assert "| N1 | 00:10 | 04:50 |" in lines
    assert lines.index("| N1 | 00:10 | 04:50 |") > lines.index(NIGHT_BUS[-1])


def test_real_table_layout_page_is_one_paragraph_per_line():
    page = html_page((DATA / "html" / "sha_1d6b2a590605.html").read_text(encoding="utf-8"))
    lines = body_lines(page)
    assert any(ln.startswith("Earlier this month, NASA announced the newest milestone") for ln in lines)
    assert any(ln.startswith("“Oh my,” Lucas responded") for ln in lines)
    assert max(len(ln) for ln in lines) < 2000  # was one 12,000-character row
    assert page.html_meta["date"] == "2019-11-18"
    # the block rendering the date and byline checks read is unchanged
    visible = visible_text(page, MAX_CHARS).split("\n")
    assert "by Jeff Foust" in visible
    assert "Monday, November 18, 2019" in visible


# ------------------------------------------------------------------ comments

OPINION = [
    "Nobody should be surprised that the chief executive chose the contract over the climate pledge he made "
    "in public only a week earlier.",
    "The company had promised to review every project that touches coal, yet the review took three days and "
    "ended exactly where it began.",
    "What the episode shows is how little a seat on a supervisory board is worth when the decision has already "
    "been taken elsewhere.",
]
READER_COMMENTS = [
    "I agree with most of this, but the author forgets that the contract was signed two years before the pledge.",
    "Thanks for the clear words. The board seat was never meant to change anything, it was meant to change the "
    "headlines.",
]


def opinion_page(article_class: str) -> str:
    thread = "".join(
        f'<li class="comment"><h4>Reader {i}</h4><p>{c}</p></li>' for i, c in enumerate(READER_COMMENTS)
    )
    return (
        "<html><head><title>The pledge that lasted a week</title></head><body>"
        '<div class="site-header"><a href="/">Home</a></div>'
        f'<div class="{article_class}"><h1>The pledge that lasted a week</h1>{paragraphs(OPINION)}</div>'
        f'<div class="sect sect_commentlinks"><h2>Comments</h2><ul class="thread">{thread}</ul></div>'
        "</body></html>"
    )


@pytest.mark.parametrize("article_class", ["article opinion commentary", "article opinion"])
def test_an_opinion_piece_marked_commentary_is_the_body_and_its_comments_are_comments(article_class):
    page = html_page(opinion_page(article_class))
    body, comments = body_lines(page), comment_lines(page)
    for paragraph in OPINION:
        assert paragraph in body
        assert paragraph not in comments
    for comment in READER_COMMENTS:
        assert comment in comments
        assert comment not in body


def test_a_page_without_comments_has_no_comment_lines():
    page = html_page(TABLE_LAYOUT_PAGE)
    assert page.html_comment_lines is None


# ------------------------------------------------------------------ article header (precision mode)

MUSEUM = [
    "The museum will close its east wing for eighteen months from September while the roof and the climate "
    "control system are replaced.",
    "Around two hundred works will move to the west galleries, and the rest will be lent to partner museums "
    "in the region during the works.",
    "The director said the closure was overdue: water had reached the storage rooms twice in the past winter "
    "after heavy rain.",
]
STANDFIRST = (
    "The roof leaks and the climate control is failing, so the collection's most fragile works have to move "
    "out before the autumn."
)
ARTICLE_HEADER_PAGE = (
    "<html><head><title>Museum to close east wing for repairs</title></head><body>"
    '<header class="site"><nav><a href="/">Home</a> <a href="/culture">Culture</a> <a href="/sport">Sport</a>'
    "</nav></header><main><article><header><h1>Museum to close east wing for repairs</h1>"
    f'<p class="standfirst">{STANDFIRST}</p></header>{paragraphs(MUSEUM)}</article></main>'
    "<footer><p>All rights reserved.</p></footer></body></html>"
)


def test_the_articles_own_header_keeps_its_lead_and_the_site_header_does_not_come_in():
    lines = body_lines(html_page(ARTICLE_HEADER_PAGE))
    assert STANDFIRST in lines
    assert lines.index(STANDFIRST) < lines.index(MUSEUM[0])
    assert not any("Culture" in ln or "Sport" in ln for ln in lines)
    assert not any("rights reserved" in ln for ln in lines)


# ------------------------------------------------------------------ a fast pass; the full cascade where it can win


def fake_extraction(text: str, comments: str = "", **meta):
    return SimpleNamespace(text=text, comments=comments, **meta)


def count_passes(monkeypatch, results: dict[tuple[bool, bool], object], fallback_may_win: bool = False):
    """Replace trafilatura by canned results per (precision, fast) and record the passes."""
    calls: list[tuple[bool, bool]] = []

    def fake(tree, url, precision, fast):
        calls.append((precision, fast))
        return results[(precision, fast)]

    monkeypatch.setattr(extract, "_bare_extraction", fake)
    monkeypatch.setattr(extract, "_fallback_may_win", lambda *args: fallback_may_win)
    return calls


def test_a_long_fast_precise_extraction_is_the_only_pass(monkeypatch):
    long_text = "\n".join(MUSEUM)
    calls = count_passes(monkeypatch, {(True, True): fake_extraction(long_text)})
    page = html_page(ARTICLE_HEADER_PAGE)
    assert calls == [(True, True)]
    assert body_lines(page) == MUSEUM
    assert page.html_meta["title"] == "Museum to close east wing for repairs"  # metadata is found apart


def test_where_the_fallback_may_win_the_full_cascade_decides(monkeypatch):
    fragment, whole = MUSEUM[0] + "\n" + MUSEUM[1], "\n".join(MUSEUM)
    calls = count_passes(
        monkeypatch, {(True, True): fake_extraction(fragment), (True, False): fake_extraction(whole)},
        fallback_may_win=True,
    )
    assert body_lines(html_page(ARTICLE_HEADER_PAGE)) == MUSEUM
    assert calls == [(True, True), (True, False)]


def test_a_short_precise_extraction_tries_the_balanced_one_and_keeps_the_metadata(monkeypatch):
    short, longer = MUSEUM[0][:80], "\n".join(MUSEUM)
    assert len(short) < extract.SHORT_PRECISE_TEXT
    calls = count_passes(monkeypatch, {(True, True): fake_extraction(short), (True, False): fake_extraction(short),
                                       (False, False): fake_extraction(longer)})
    page = html_page(ARTICLE_HEADER_PAGE)
    assert calls == [(True, True), (True, False), (False, False)]
    assert body_lines(page) == MUSEUM
    assert page.html_meta["title"] == "Museum to close east wing for repairs"


def test_the_balanced_retry_is_not_kept_when_it_finds_less(monkeypatch):
    short = MUSEUM[0][:80]
    count_passes(monkeypatch, {(True, True): fake_extraction(short), (True, False): fake_extraction(short),
                               (False, False): fake_extraction(short[:20])})
    assert body_lines(html_page(ARTICLE_HEADER_PAGE)) == [short]


def test_when_the_precise_passes_find_nothing_the_retry_gets_the_metadata(monkeypatch):
    calls = count_passes(monkeypatch, {(True, True): None, (True, False): None,
                                       (False, False): fake_extraction(MUSEUM[0])})
    page = html_page(ARTICLE_HEADER_PAGE)
    assert calls == [(True, True), (True, False), (False, False)]
    assert body_lines(page) == [MUSEUM[0]]
    assert page.html_meta["title"] == "Museum to close east wing for repairs"


def parsed(html: str):
    from trafilatura.utils import load_html

    return load_html(html)


def quick_extraction(html: str):
    tree = parsed(html)
    return tree, extract._bare_extraction(tree, None, precision=True, fast=True)


def test_a_main_text_that_is_most_of_the_page_does_not_consult_readability(monkeypatch):
    tree, quick = quick_extraction(ARTICLE_HEADER_PAGE)
    monkeypatch.setattr(extract, "_readability_chars", lambda *args: pytest.fail("readability was run"))
    assert not extract._fallback_may_win(tree, quick, len(extract._walk_blocks(tree)))


@pytest.mark.parametrize("readability_share, may_win", [(3.0, True), (1.2, False)])
def test_a_main_text_that_is_a_small_part_of_the_page_asks_readability(monkeypatch, readability_share, may_win):
    tree, quick = quick_extraction(ARTICLE_HEADER_PAGE)
    own = len(" ".join(quick.body.itertext()).strip())
    assert own > 300
    monkeypatch.setattr(extract, "_readability_chars", lambda *args: int(own * readability_share))
    # a page whose visible text is ten times the main text (menus, teasers, related links)
    assert extract._fallback_may_win(tree, quick, own * 10) is may_win


def test_readability_length_is_measured_on_the_page():
    tree = parsed(TABLE_LAYOUT_PAGE)
    chars = extract._readability_chars(tree)
    assert 300 < chars <= len(extract._walk_blocks(tree))
    assert extract._readability_chars(tree, may_scroll=False) == chars  # nothing to prune here


def test_an_infinite_scroll_container_is_pruned_before_readability_reads_the_page():
    appended = "".join(f"<p>{t}</p>" for t in NIGHT_BUS * 3)
    html = ARTICLE_HEADER_PAGE.replace("</main>", f'</main><div class="infinite-scroll">{appended}</div>')
    assert any(marker in html for marker in traf_xpaths.RAW_PRUNE_MARKERS)
    tree = parsed(html)
    # readability reads the page without the appended container, as trafilatura has it read
    assert extract._readability_chars(tree, may_scroll=True) != extract._readability_chars(tree, may_scroll=False)


# ------------------------------------------------------------------ one parse: visible text and author hints


@pytest.mark.parametrize("name", ["sha_1d6b2a590605.html", "sha_83d189b56a19.html"])
def test_visible_text_from_the_extraction_tree_is_the_block_rendering_of_the_html(name):
    html = (DATA / "html" / name).read_text(encoding="utf-8")
    page = html_page(html)
    assert page.visible_html  # rendered during the extraction, from its parsed tree
    assert page.visible_html == extract._render_blocks(html, MAX_CHARS)


AUTHOR_XPATHS_DIGEST = "2af94d4a6e04e948"  # trafilatura 2.3.1
# trafilatura's extract_author copies the page and runs xpaths with regular expressions; the
# audit makes the same tests in one pass (extract._find_author). These pages take each branch.
AUTHOR_PAGES = [
    "<a rel='author' href='/jane'>Jane Roe</a>",
    "<span class='post author-name'>Jane Roe</span>",
    "<author>Jane Roe</author>",
    "<div><rel>me</rel> Jane Roe</div>",
    "<div data-testid='AuthorCard'>Jane Roe</div>",
    "<p class='byline'>Jane Roe</p>",
    "<span itemprop='author'>Jane Roe</span>",
    "<div id='zuozhe'>Jane Roe</div>",
    "<li class='writer'>Jane Roe</li>",
    "<section data-component='Byline'>Jane Roe</section>",
    "<div class='sidebar'><span class='author'>Side Bar</span></div><p class='byline'>Jane Roe</p>",
    "<span class='byline'>By Jane Roe <time>12 May 2020</time> in Leeds</span>",
    "<div id='comments'><span class='author'>A Commenter</span></div><p class='byline'>Jane Roe</p>",
    "<figure><span class='author'>Photo Person</span></figure>",
    "<span class='author'>" + "Jane Roe and many others " * 6 + "</span><span class='author'>Jane Roe</span>",
    "<div class='author-info'><b>Jane</b> <i>Roe</i><div class='quote'>a quoted line</div></div>",
    "<div class='content'><p>Written in plain paragraphs.</p></div>",
]


@pytest.mark.parametrize("body", AUTHOR_PAGES)
def test_author_search_finds_what_trafilatura_finds(body):
    from trafilatura.metadata import extract_author

    tree = parsed(f"<html><body><p>x</p>{body}<p>y</p></body></html>")
    assert extract._find_author(tree) == extract_author(tree)


def test_author_search_agrees_with_trafilatura_on_real_pages():
    from trafilatura.metadata import extract_author

    found = []
    for path in sorted((DATA / "html").glob("*.html")):
        tree = parsed(path.read_text(encoding="utf-8"))
        found.append(extract._find_author(tree))
        assert found[-1] == extract_author(tree)
    assert any(found)


def test_the_author_xpaths_are_the_ones_the_search_copies():
    # the author search restates these xpaths in Python: a trafilatura that changes them must
    # fail here, not drift quietly (trafilatura is pinned in pyproject.toml)
    import hashlib

    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

    paths = "\n".join(" ".join(xp.path.split()) for xp in (*AUTHOR_XPATHS, *AUTHOR_DISCARD_XPATHS))
    assert hashlib.sha256(paths.encode()).hexdigest()[:16] == AUTHOR_XPATHS_DIGEST


# ------------------------------------------------------------------ real page, metadata, robustness


def test_real_article_lines_metadata_and_title():
    page = html_page((DATA / "html" / "sha_83d189b56a19.html").read_text(encoding="utf-8"))
    lines = body_lines(page)
    assert lines[0] == "Am 12. Bis 13. September startet wieder die DMEXCO 2018 in Köln – und comwrap ist mit dabei."
    assert "Neues Leitmotto" in lines  # a subheading keeps its own line
    assert page.html_meta["author"] == "Moritz Bachmann"
    assert "Zurück zur Übersicht" not in lines  # navigation stays out of the main text
    assert "publiziert am 30. Juli 2018" in visible_text(page, MAX_CHARS).split("\n")


def test_lines_are_tidy_blocks():
    for page in (html_page(TABLE_LAYOUT_PAGE), html_page(opinion_page("article commentary"))):
        assert page.kind == "html"
        for line in page.lines:
            assert line.text and line.text == line.text.strip()
            assert "  " not in line.text and "\t" not in line.text


def test_same_page_same_text():
    html = (DATA / "html" / "sha_1d6b2a590605.html").read_text(encoding="utf-8")
    first, second = html_page(html), html_page(html)
    assert first.text == second.text
    assert first.html_meta == second.html_meta


@pytest.mark.parametrize("html", ["", "   ", "<<<>>>", "<html><body></body></html>", "<p>one line</p>"])
def test_empty_or_broken_markup_gives_an_empty_page(html):
    page = html_page(html)
    assert page.kind == "html"
    assert page.lines == [] or all(ln.text for ln in page.lines)


def test_url_from_the_page_fills_a_missing_document_url():
    doc = Document(id="t", html=(DATA / "html" / "sha_83d189b56a19.html").read_text(encoding="utf-8"))
    page_from_document(doc, MAX_CHARS)
    assert doc.url == "https://blog.comwrap.com/comwrap-auf-der-dmexco-2018"


def test_a_hidden_elements_tail_is_rendered_once():
    # <svg> icons inside buttons and links: their tail is the label the reader sees
    html = ("<html><body><form><button><svg><path d='M0'/></svg> Suchen </button></form>"
            "<p><a href='/ch'><svg><use/></svg> Schweizer Länderausgabe</a></p>"
            "<script>var hidden = 1;</script><p>Published 3 May 2021</p></body></html>")
    tree = parsed(html)
    assert extract._walk_blocks(tree).split("\n") == ["Suchen", "Schweizer Länderausgabe", "Published 3 May 2021"]
    python_walk = [" ".join(ln.split()) for ln in extract._walk_blocks_in_python(tree).split("\n") if ln.strip()]
    assert python_walk == extract._walk_blocks(tree).split("\n")  # the walk used when libxslt cannot


def test_the_visible_page_is_built_once_per_page():
    html = (DATA / "html" / "sha_83d189b56a19.html").read_text(encoding="utf-8")
    page, other = html_page(html), html_page(TABLE_LAYOUT_PAGE)
    shown = extract.visible_page(page, MAX_CHARS)
    assert shown is extract.visible_page(page, MAX_CHARS)
    assert "publiziert am 30. Juli 2018" in [ln.text for ln in shown.lines]
    assert extract.visible_page(other, MAX_CHARS) is not shown
    assert extract.visible_page(html_page("<html><body></body></html>"), MAX_CHARS) is None


def test_a_failing_metadata_finder_keeps_the_main_text(monkeypatch):
    def broken(tree, url):
        raise ValueError("bad date markup")

    monkeypatch.setattr(extract, "_metadata", broken)
    page = html_page(ARTICLE_HEADER_PAGE)
    assert MUSEUM[0] in body_lines(page)
    assert page.html_meta == {"metadata_error": "ValueError: bad date markup"}


# ------------------------------------------------------------------ readability's pruning, in one pass

OVERALL_DISCARD_STRUCTURE_DIGEST = "8ce49a1059a21d71"  # trafilatura 2.3.1, expressions blanked
# Each takes a branch of trafilatura's OVERALL_DISCARD_XPATH, or one it must not take. `@id|@class`
# reads whichever of the two the tag names first, so a class before a consent id keeps the block.
DISCARD_PAGES = [
    "<div id='cookie-notice' class='main'><p>We use cookies.</p></div>",
    "<div class='main' id='cookie-notice'><p>We use cookies.</p></div>",
    "<span role='Navigation'>Home News</span>",
    "<section data-lp-replacement-content=''>Swapped in</section>",
    "<div data-component='MostPopularStories'>Most read</div>",
    "<p id='share-bar'>Share this</p>",
    "<div class='post ad-slot'>Advert</div>",
    "<li class='menu'>A list item is not in the first xpath's tags</li>",
    "<div class='comments-title'>3 comments</div>",
    "<div id='reply-3'>A reply</div>",
    "<div class='note' id='reply-3'>The class comes first</div>",
    "<div style='display:none'>Hidden</div>",
    "<div id='a' style='visibility:hidden'>The id comes first</div>",
    "<div style='color:red' id='hidden-box'>The style comes first</div>",
    "<div aria-hidden='true'>Icon</div>",
    "<div class='sidebar'><div class='hide-me'>Nested</div> tail text</div>",
    "<p>A plain paragraph with <b>no</b> attributes.</p>",
]


@pytest.mark.parametrize("body", DISCARD_PAGES)
def test_readabilitys_pruning_removes_what_trafilaturas_xpaths_remove(body):
    from copy import deepcopy

    from lxml.etree import tostring
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import OVERALL_DISCARD_XPATH

    tree = parsed(f"<html><body><p>Before the block.</p>{body}<p>After it.</p></body></html>")
    theirs, ours = deepcopy(tree), deepcopy(tree)
    prune_unwanted_nodes(theirs, OVERALL_DISCARD_XPATH)
    traf_xpaths.prune_overall_discard(ours)
    assert tostring(ours) == tostring(theirs)


def test_readabilitys_pruning_agrees_with_trafilatura_on_real_pages():
    from copy import deepcopy

    from lxml.etree import tostring
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.xpaths import OVERALL_DISCARD_XPATH

    pruned_any = False
    for path in sorted((DATA / "html").glob("*.html")):
        tree = parsed(path.read_text(encoding="utf-8"))
        theirs, ours = deepcopy(tree), deepcopy(tree)
        prune_unwanted_nodes(theirs, OVERALL_DISCARD_XPATH)
        traf_xpaths.prune_overall_discard(ours)
        assert tostring(ours) == tostring(theirs)
        pruned_any |= tostring(ours) != tostring(tree)
    assert pruned_any


def test_the_discard_xpaths_are_the_ones_the_pruning_restates():
    # their expressions are read from trafilatura; the rest of each xpath is restated in Python
    import hashlib

    from trafilatura.xpaths import OVERALL_DISCARD_XPATH

    paths = "\n".join(" ".join(traf_xpaths.EXSLT_TEST.sub(r"re:test(\1, ...)", xp.path).split())
                      for xp in OVERALL_DISCARD_XPATH)
    assert hashlib.sha256(paths.encode()).hexdigest()[:16] == OVERALL_DISCARD_STRUCTURE_DIGEST


# ------------------------------------------------------------------ trafilatura's xpaths, answered faster

RAW_PRUNE_DIGEST = "25d5ab67770cfefa"  # trafilatura 2.3.1


def test_the_raw_prune_markers_are_what_trafilaturas_raw_prune_xpaths_need():
    # every way these xpaths can match names a marker in an id or class: if trafilatura changes
    # them, the digest fails and the markers must be read again
    import hashlib

    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH

    paths = "\n".join(" ".join(x.path.split()) for x in RAW_TREE_PRUNE_XPATH)
    assert hashlib.sha256(paths.encode()).hexdigest()[:16] == RAW_PRUNE_DIGEST
    for path in paths.split("\n"):
        assert any(marker in path for marker in traf_xpaths.RAW_PRUNE_MARKERS)


def scroll_page() -> str:
    """An article followed, inside it, by an infinite-scroll container with the next story."""
    appended = "".join(f"<p>{t}</p>" for t in NIGHT_BUS * 3)
    return ARTICLE_HEADER_PAGE.replace("</article>", f'<div class="infinite-scroll">{appended}</div></article>')


STOOD_IN = [("core", "RAW_TREE_PRUNE_XPATH")] + sorted(
    {(module, name) for module, name, _ in traf_xpaths.ATTRIBUTE_XPATHS})


def without_speed_ups(monkeypatch) -> None:
    """trafilatura as it comes: its own xpaths wherever the audit has a stand-in."""
    from trafilatura import core, main_extractor, xpaths

    modules = {"core": core, "main_extractor": main_extractor}
    monkeypatch.setattr(traf_xpaths, "install", lambda: None)
    for module, name in STOOD_IN:
        monkeypatch.setattr(modules[module], name, list(getattr(xpaths, name)))


def extraction_pages() -> list[str]:
    return [scroll_page(), ARTICLE_HEADER_PAGE, TABLE_LAYOUT_PAGE] + [
        path.read_text(encoding="utf-8") for path in sorted((DATA / "html").glob("*.html"))]


def test_the_faster_xpaths_extract_what_trafilaturas_own_extract(monkeypatch):
    ours = [html_page(html) for html in extraction_pages()]
    with monkeypatch.context() as m:
        without_speed_ups(m)
        theirs = [html_page(html) for html in extraction_pages()]
    for a, b in zip(ours, theirs):
        assert (a.text, a.html_comment_lines, a.html_meta) == (b.text, b.html_comment_lines, b.html_meta)
    # the appended story of the infinite-scroll page is pruned all the same ...
    assert NIGHT_BUS[0] not in body_lines(ours[0])
    # ... where without the raw-page pruning it would be main text
    with monkeypatch.context() as m:
        without_speed_ups(m)
        from trafilatura import core

        m.setattr(core, "RAW_TREE_PRUNE_XPATH", [])
        assert NIGHT_BUS[0] in body_lines(html_page(scroll_page()))


def test_the_raw_prune_runs_only_on_pages_whose_markup_may_match(monkeypatch):
    from trafilatura import core

    html_page(ARTICLE_HEADER_PAGE)  # installs the gates
    calls: list[int] = []
    for gate in core.RAW_TREE_PRUNE_XPATH:
        monkeypatch.setattr(gate, "xpath", lambda tree, real=gate.xpath: calls.append(1) or real(tree))
    html_page(ARTICLE_HEADER_PAGE)
    assert not calls
    html_page(scroll_page())
    assert len(calls) == len(core.RAW_TREE_PRUNE_XPATH)


def test_a_page_without_the_markers_has_nothing_for_the_raw_prune_xpaths():
    from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH

    for html in extraction_pages()[1:]:
        assert not any(marker in html for marker in traf_xpaths.RAW_PRUNE_MARKERS)
        tree = parsed(html)
        assert [x(tree) for x in RAW_TREE_PRUNE_XPATH] == [[], []]
    tree = parsed(scroll_page())
    assert RAW_TREE_PRUNE_XPATH[0](tree)  # the marker's container is found


@pytest.mark.parametrize("body", DISCARD_PAGES)
def test_the_overall_discard_stand_ins_find_what_each_xpath_finds(body):
    from trafilatura.xpaths import OVERALL_DISCARD_XPATH

    tree = parsed(f"<html><body><p>Before the block.</p>{body}<p>After it.</p></body></html>")
    ours = [traf_xpaths.stand_in("main_extractor", "OVERALL_DISCARD_XPATH", k) for k in (0, 1)]
    with traf_xpaths.extracting(may_scroll=False):
        assert [x(tree) for x in ours] == [x(tree) for x in OVERALL_DISCARD_XPATH]
        assert ours[1](tree) == OVERALL_DISCARD_XPATH[1](tree)  # asked alone, the second reads the tree


def test_the_overall_discard_stand_ins_agree_on_trafilaturas_cleaned_trees():
    # the main extractor prunes the tree trafilatura cleaned and converted (<list>, <item>, ...)
    from copy import copy

    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.settings import Extractor
    from trafilatura.xpaths import OVERALL_DISCARD_XPATH

    options = Extractor(output_format="python", precision=True)
    found_any = False
    for html in extraction_pages():
        tree = convert_tags(tree_cleaning(copy(parsed(html)), options), options)
        for element in [tree, *tree.iter("div")]:
            ours = [traf_xpaths.stand_in("main_extractor", "OVERALL_DISCARD_XPATH", k) for k in (0, 1)]
            theirs = [x(element) for x in OVERALL_DISCARD_XPATH]
            with traf_xpaths.extracting(may_scroll=False):
                assert [x(element) for x in ours] == theirs
            found_any |= any(theirs)
    assert found_any


def test_outside_the_audits_extraction_trafilatura_runs_its_own_xpaths(monkeypatch):
    # the stand-ins stay installed in trafilatura's modules; other code calling trafilatura in
    # the same process gets its xpaths as they come
    import trafilatura
    from trafilatura import core, main_extractor

    html_page(ARTICLE_HEADER_PAGE)  # installs them
    calls: list[str] = []
    for name, module in (("raw", core.RAW_TREE_PRUNE_XPATH), ("discard", main_extractor.OVERALL_DISCARD_XPATH)):
        for stand_in in module:
            monkeypatch.setattr(stand_in, "xpath", lambda tree, real=stand_in.xpath, name=name:
                                calls.append(name) or real(tree))
    html_page(ARTICLE_HEADER_PAGE)
    assert calls == []  # the audit's own extraction: answered without them
    trafilatura.extract(ARTICLE_HEADER_PAGE)
    assert "raw" in calls and "discard" in calls


ATTRIBUTE_XPATHS_DIGEST = "221810894e4a1101"  # trafilatura 2.3.1, expressions blanked
# Each takes a test of the stood-in xpaths, or one they must not take
ATTRIBUTE_PAGES = [
    "<div class='comment-list'><p>First!</p></div>",
    "<ol class='commentlist'><li>A reply</li></ol>",
    "<ul class='comments-thread'><li>A list of replies</li></ul>",
    "<section id='comments'><p>Two replies</p></section>",
    "<div class='main' id='comments'><p>The class comes first</p></div>",
    "<div id='comments' class='main'><p>The id comes first</p></div>",
    "<div class='Comments'><p>Capitalised</p></div>",
    "<div id='disqus_thread'></div><div id='dsq-comments'>Disqus</div>",
    "<div class='post-comments comment-page-2'><p>Paged</p></div>",
    "<div class='article-comments'><p>Article comments</p></div>",
    "<div id='commentary'><p>An opinion piece, not comments</p></div>",
    "<details id='comments-12'><summary>Show comments</summary></details>",
    "<section id='social-links'>Follow us</section>",
    "<div class='has-comment-count'>3</div>",
    "<p class='page-bottom'>Bottom bar</p>",
    "<div class='Padding-bottom-lg-30'>A spacing utility on content</div>",
    "<span class='link'>A link block</span><span class='permalink'>Permalink</span>",
    "<div style='border: 1px solid'>Boxed</div>",
    "<div>No attributes</div>",
    # article-body candidates (one each: two of those xpaths keep only their first match)
    "<div class='post'><p>A post</p></div>",
    "<div class='entry'><p>An entry</p></div>",
    "<section itemprop='articleBody'><p>Body</p></section>",
    "<div id='articleContent'>Content</div>",
    "<div class='wrap'><div class='post-text'>First</div><div class='post-text'>Second</div></div>",
    "<article id='article-body'><p>Nested</p><div class='post-body'>Inner</div></article>",
    "<main role='article'><p>Role</p></main>",
    "<div class='FullText'>Any case</div>",
    "<div class='article lead'>A class starting 'article '</div>",
    "<div id='primary-col'>Primary</div>",
    "<div class='text'>Text</div>",
    "<div class='cell'>Cell</div>",
    "<div id='story'>Story</div>",
    "<div id='content'>Content</div>",
    "<div class='Main-Content'>Main</div>",
    "<div class='Page-Content x'>Page</div>",
    "<div class='main-content'>Only the letters C and M are lower-cased</div>",
]


def stand_ins() -> list:
    from trafilatura import core, main_extractor

    html_page(ARTICLE_HEADER_PAGE)  # installs them
    modules = {"core": core, "main_extractor": main_extractor}
    return [getattr(modules[module], name)[k] for module, name, k in traf_xpaths.ATTRIBUTE_XPATHS]


def test_the_attribute_xpaths_are_the_ones_their_stand_ins_restate():
    import hashlib

    paths = "\n".join(" ".join(traf_xpaths.EXSLT_TEST.sub(r"re:test(\1, ...)", x.path).split()) for x in stand_ins())
    assert hashlib.sha256(paths.encode()).hexdigest()[:16] == ATTRIBUTE_XPATHS_DIGEST
    assert all(isinstance(x, traf_xpaths.AttributeXPath) for x in stand_ins())


@pytest.mark.parametrize("body", ATTRIBUTE_PAGES)
def test_each_attribute_stand_in_finds_what_its_xpath_finds(body):
    tree = parsed(f"<html><body><p>Before the block.</p>{body}<p>After it.</p></body></html>")
    found_any = False
    for stand_in in stand_ins():
        theirs = stand_in.xpath(tree)
        with traf_xpaths.extracting(may_scroll=False):
            assert stand_in(tree) == theirs, stand_in.path
        found_any |= bool(theirs)
    # (an <ol> is a <list> only once trafilatura has converted the tree)
    assert found_any or body in ("<div>No attributes</div>", "<ol class='commentlist'><li>A reply</li></ol>",
                                 "<ul class='comments-thread'><li>A list of replies</li></ul>",
                                 "<div id='commentary'><p>An opinion piece, not comments</p></div>",
                                 "<div class='Padding-bottom-lg-30'>A spacing utility on content</div>")


def test_the_attribute_stand_ins_agree_on_real_and_cleaned_trees():
    from copy import copy

    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.settings import Extractor

    options = Extractor(output_format="python", precision=True)
    pages = extraction_pages() + [ARTICLE_HEADER_PAGE.replace("</main>", "</main>" + "".join(ATTRIBUTE_PAGES))]
    found = 0
    for html in pages:
        raw = parsed(html)
        for tree in (raw, convert_tags(tree_cleaning(copy(raw), options), options)):
            for stand_in in stand_ins():
                theirs = stand_in.xpath(tree)
                with traf_xpaths.extracting(may_scroll=False):
                    assert stand_in(tree) == theirs, stand_in.path
                found += len(theirs)
    assert found >= 10


def test_a_comment_section_is_extracted_as_trafilatura_extracts_it(monkeypatch):
    html = ARTICLE_HEADER_PAGE.replace("</main>", "</main><div class='comment-list'>" + paragraphs(
        ["Great piece, thanks for writing it up so clearly.", "I visited the east wing last year and loved it."])
        + "</div>")
    ours = html_page(html)
    with monkeypatch.context() as m:
        without_speed_ups(m)
        theirs = html_page(html)
    assert comment_lines(ours) == comment_lines(theirs)
    assert "I visited the east wing last year and loved it." in comment_lines(ours)


def test_interleaved_pages_never_get_each_others_overall_discard_matches():
    # two extractions side by side (threads): each call answers for its own tree
    from trafilatura.xpaths import OVERALL_DISCARD_XPATH

    one = parsed(f"<html><body>{DISCARD_PAGES[8]}</body></html>")
    other = parsed(f"<html><body>{DISCARD_PAGES[11]}</body></html>")
    first, second = (traf_xpaths.stand_in("main_extractor", "OVERALL_DISCARD_XPATH", k) for k in (0, 1))
    with traf_xpaths.extracting(may_scroll=False):
        first(one)
        first(other)
        assert second(one) == OVERALL_DISCARD_XPATH[1](one) != []
        assert second(other) == OVERALL_DISCARD_XPATH[1](other) != []
