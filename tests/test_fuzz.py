"""Property tests (Hypothesis) on the text and HTML paths: no exception escapes, segments
cover every non-blank line exactly once, spans lie inside the text, every report validates.

The normal run uses a fast profile; set AUDIT_FUZZ_EXAMPLES=100000 for the long run
(bench/fuzz_long.sh)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit import Document, audit_document
from audit.validate import validate

EXAMPLES = int(os.environ.get("AUDIT_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 200,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# pieces that make the checks fire: dates, bylines, credits, quotes, menus, comment cues, AI phrases
FRAGMENTS = [
    "By Ava Thompson", "Ava Thompson by Ava Thompson", "Author: Jan Kupitz", "Date: 8 November 2021", "March 16, 2025",
    "Friday, January 30, 2026", "MINSK, Dec 5 (Reuters) -", "2 hours ago", "Posted on 12.03.2021", "Updated 2023-10-24",
    "Veröffentlicht am 3. Mai 2022", "5 декабря 2019 г.", "Related Posts", "Leave a Reply", "12 Comments", "Reply",
    "Share", "Tweet", "ADVERTISEMENT", "Home | News | Sport", "© 2024 EUROP.INFO - Copyright for syndicated content belongs to the linked Source.",
    "This website uses cookies.", "Tags: alliancesbelarusBelarus", "“We need to move gradually,” Lukashenko stated, as reported by RIA Novosti.",
    "“Unattributed words here.”", "Support for Economic Integration65%", "recent surveys have highlighted key issues:",
    "In a significant advancement, it is indeed crucial to navigate the complex landscape.", "  • Economic Integration: Developing a market.",
    "The Conclusion", "As an AI language model, I cannot", "Radio Free Europe", "1 - 2 - 3 - 4 - 5", "MTWTFSS", "3456789",
    "Table of Contents", "Toggle", "Our authors", "Previous Post", "Next Post", "You must log in to post a comment.",
]
line = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n"), max_size=120),
    st.text(alphabet=st.sampled_from(list("abcdefghij ,.“”'\"-:()0123456789ÀéЖ中\t\r\u2028\u00a0\ufeff")), max_size=300),
    st.just(""),
)
texts = st.lists(line, max_size=60).map("\n".join)

tags = st.sampled_from(["div", "p", "span", "article", "main", "nav", "footer", "header", "aside", "table", "tr", "td",
                        "li", "ul", "h1", "h2", "script", "style", "a", "b", "section", "time", "meta", "title"])


@st.composite
def html_pages(draw):
    parts = ["<html><head>"]
    if draw(st.booleans()):
        parts.append(f"<title>{draw(st.sampled_from(FRAGMENTS))}</title>")
    if draw(st.booleans()):
        parts.append(f'<meta property="article:published_time" content="{draw(st.sampled_from(["2021-11-08", "bad", "3000-01-01", ""]))}">')
    parts.append("</head><body>")
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(tags)
        body = draw(line)
        close = draw(st.booleans())
        parts.append(f"<{tag}>{body}" + (f"</{tag}>" if close else ""))
    if draw(st.booleans()):
        parts.append("</body></html>")
    return "".join(parts)


def check_report(report: dict, text: str | None) -> None:
    assert report["status"] == "ok", report.get("error")  # a caught internal error is still a bug
    validate("report", report, report["id"])
    analysed = report["text"]
    if text is not None:
        assert analysed == text
    lines = analysed.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    covered: dict[int, int] = {}
    for seg in report["segments"]:
        assert 1 <= seg["start_line"] <= seg["end_line"] <= len(lines)
        for n in range(seg["start_line"], seg["end_line"] + 1):
            covered[n] = covered.get(n, 0) + 1
    for n, content in enumerate(lines, start=1):
        if content.strip():
            assert covered.get(n) == 1, (n, content)
    for f in report["findings"]:
        if f["span"] is not None:
            s, e = f["span"]
            assert 0 <= s <= e <= len(analysed)
            assert 1 <= f["start_line"] <= f["end_line"] <= max(1, len(lines))


@FUZZ
@given(texts)
def test_text_path_properties(text):
    check_report(audit_document(Document(id="fuzz", text=text)), text)


@FUZZ
@given(html_pages())
def test_html_path_properties(html):
    check_report(audit_document(Document(id="fuzz", html=html)), None)


@FUZZ
@given(texts, st.sampled_from([None, "2020-01-15", "2030-12-31", "1990-05-05"]),
       st.sampled_from([None, "https://www.reuters.com/world/x", "http://belta.by/a", "not a url", "https://ria.ru/2021/11/08/x.html"]))
def test_metadata_never_breaks_the_report(text, crawl_date, url):
    check_report(audit_document(Document(id="fuzz", text=text, crawl_date=crawl_date, url=url)), text)
