"""The publication-date check on short real-looking passages: each date form, each decoy kind.

Passages are copied or adapted from the seeds and from pages of the dates evaluation set."""

from __future__ import annotations

import pytest

from audit import Document, audit_document
from audit.checks import dates
from audit.config import DEFAULT_CONFIG
from audit.context import Context
from audit.extract import visible_text
from audit.model import LineLabel, Page

LEDE = ("Belarusian President Alyaksandr Lukashenka has reaffirmed his country's commitment to a strategic "
        "partnership with Russia, though there are no talks currently on establishing a joint parliament.")
PARAGRAPH = ("Wariness about Moscow's intentions toward its neighbors has risen in the wake of Russia's 2014 "
             "annexation of Ukraine's Crimean Peninsula and its military, political, and economic support.")


def date_of(text: str, crawl_date: str | None = None, url: str | None = None) -> tuple[dict, list]:
    """Run the date check alone (every line labelled body); returns (result, findings)."""
    doc = Document(id="t", text=text, crawl_date=crawl_date, url=url)
    ctx = Context(page=Page.from_text(doc, text), config=DEFAULT_CONFIG)
    ctx.labels = [LineLabel("body") for _ in ctx.page.lines]
    return dates.run(ctx), ctx.findings


def scanned(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.kind, c.text, c.iso) for c in dates.scan(text, [0])]


def article(*head: str, tail: tuple[str, ...] = ()) -> str:
    """Navigation-free page: the given head lines, then a three-paragraph article, then tail lines."""
    return "\n".join([*head, "", LEDE, "", PARAGRAPH, "", PARAGRAPH, "", *tail]) + "\n"


# ------------------------------------------------------------------ date forms


@pytest.mark.parametrize("text, kind, iso", [
    ("Date: 8 November 2021", "named", "2021-11-08"),
    ("March 16, 2025", "named", "2025-03-16"),
    ("Friday, January 30, 2026", "named", "2026-01-30"),
    ("Created: 12.12.2019, 07h36", "numeric", "2019-12-12"),
    ("2021-11-08T10:00:00Z", "iso", "2021-11-08"),
    ("Olvasói szavazás 2020. 06. 04. 11:27", "iso", "2020-06-04"),
    ("Von Jan Kupitz | Oct 24, 2023 | Zuletzt geändert", "named", "2023-10-24"),
    ("Veröffentlicht am 8. November 2021", "named", "2021-11-08"),
    ("Publié le 2 novembre 2023", "named", "2023-11-02"),
    ("Publicado el 8 de noviembre de 2021", "named", "2021-11-08"),
    ("Pubblicato il 26 Ottobre 2023", "named", "2023-10-26"),
    ("Opublikowano 8 listopada 2021 r.", "named", "2021-11-08"),
    ("3 декабря 2020, 18:47 • Алексей Супрун", "named", "2020-12-03"),
    ("Czwartek, 3 grudnia 2020", "named", "2020-12-03"),
    ("Nov. 8, 2023", "named", "2023-11-08"),
    ("veröffentlicht am 14 Feb ’20 | Kategorien: Social Media", "named", "2020-02-14"),
    ("Datum: 03.Mär.19", "named", "2019-03-03"),
    ("30 Ekim 2020 Cuma 18:28", "named", "2020-10-30"),
])
def test_complete_date_forms(text, kind, iso):
    assert (kind, iso) in [(k, d) for k, _, d in scanned(text)], scanned(text)


def test_weekday_is_part_of_the_date():
    (kind, text, iso), = scanned("Mittwoch, 01. November 2023")
    assert text == "Mittwoch, 01. November 2023" and iso == "2023-11-01"


def test_partial_forms_are_not_complete_dates():
    assert scanned("Speaking in an address to parliament on December 5, the Belarusian leader") == [
        ("no-year", "December 5", None)]
    assert scanned("In March 2025, the prime ministers of Belarus and Russia met in Moscow") == [
        ("month-year", "March 2025", None)]


def test_second_calendar_name_and_foreign_abbreviations():
    # Levant Arabic writes both names of the month: "24 نيسان / أبريل 2020"
    assert ("named", "2020-04-24") in [(k, d) for k, _, d in scanned("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً")]
    # "Gen" and "Set" are Italian abbreviations, but "2nd Gen" and "Set 12" are English words
    assert scanned("Apple Pencil 2nd Gen") == [] and scanned("Set 12 of the match") == []
    assert scanned("Jan 4") == [("no-year", "Jan 4", None)]


def test_words_that_look_like_dates_are_not_dates():
    assert scanned("Python 2.7.13 released") == []  # a version number
    assert scanned("they may 5 times refuse") == []  # 'may' is a verb without a capital or a year
    assert scanned("Kosten: 1.5 - 3.5 Mio, Anruf 12:30 Uhr") == []


def test_renderer_glued_repeats_are_read():
    # a careless renderer glues the year to the next date: "20 janvier 202020 janvier 2020"
    assert ("named", "2020-01-20") in [(k, d) for k, _, d in scanned("Martin Clavey 20 janvier 202020 janvier 2020")]


def test_slashed_dates_follow_the_page_order_or_stay_unread():
    french_text = ("Tempête Ciaran : à quoi s'attendre en Nouvelle-Aquitaine\nPublié le 02/11/2023 à 16h33\n\n"
                   "La tempête Ciaran a traversé la région dans la nuit, et les rafales de vent ont atteint "
                   "plus de 150 km/h sur le littoral, selon Météo-France et les services de la préfecture.\n")
    french, _ = date_of(french_text)
    assert french["published"] == "2023-11-02"  # a French page writes the day first
    english, _ = date_of(article("Storm Ciaran: what to expect", "Published 02/11/2023"))
    assert english["published"] is None  # British or American? Nothing on the page says
    hinted, _ = date_of(article("Storm Ciaran", "Published 02/11/2023", tail=("Archive: 25/10/2023",)))
    assert hinted["published"] == "2023-11-02"  # 25/10 shows this page writes the day first


# ------------------------------------------------------------------ choosing the publication date


def test_cue_date_is_found():
    result, findings = date_of("Date: 8 November 2021\n\nThe Next Step In Russia's Incorporation Of Belarus\n\n" + LEDE + "\n")
    assert (result["published"], result["status"], result["line"], result["source"]) == (
        "2021-11-08", "found", 1, "text:date-cue")
    assert not [f for f in findings if f.code == "D101"]


def test_site_header_date_and_related_posts_are_decoys():
    # seed 000: the site's header date (line 4, the day of the scrape) sits among navigation lines,
    # the article's date under the byline, related posts with their dates after the article
    nav = ["* . *", "EUROP INFO", "ADVERTISEMENT", "Friday, January 30, 2026", "No Result", "View All Result",
           "No Result", "View All Result", "EUROP INFO", "No Result", "View All Result", "Home Belarus", "",
           "Lukashenko Aims to Cement Unbreakable Belarus-Russia Integration", "",
           "Ava Thompson by Ava Thompson", "March 16, 2025", "in Belarus"]
    related = []
    for day in (29, 27, 26, 24, 22):
        related += ["Lukashenko Says Belarus And Russia Will Respond To NATO Moves", f"January {day}, 2026", "", "", "", ""]
    result, _ = date_of(article(*nav, tail=tuple(related)))
    assert result["published"] == "2025-03-16" and result["line"] == 17
    roles = {c["line"]: c["role"] for c in result["candidates"]}
    assert roles[4] == "line" and "header" in result["note"]
    assert all(role == "list" for line, role in roles.items() if line > 30)


def test_events_in_the_story_are_not_publication_dates():
    # seed 001: "In March 2025" and "March 14" are events told in the story
    text = ("Lukashenko Dismisses Prospects of Belarus Joining Russia\nShare\n" + LEDE + "\n"
            "These remarks come amid ongoing speculation regarding deeper integration within the Union State. "
            "In March 2025, the prime ministers of Belarus and Russia met in Moscow to discuss new economic "
            "agreements, including the unification of tax systems.\n" + PARAGRAPH + "\n"
            "Following Trump's call for a ceasefire on March 14, Minsk offered its territory for negotiations "
            "between Russia and Ukraine. However, this proposal has not been accepted by Ukraine.\n")
    result, findings = date_of(text)
    assert (result["published"], result["status"]) == (None, "missing")
    assert [f.code for f in findings] == ["D101"]
    assert {c["role"] for c in result["candidates"]} == {"event"}


def test_relative_day_in_a_story_sentence_is_not_a_date():
    # seed 002: "said Friday" / "this week" are the story's, not the page's
    text = ("Russian President Vladimir Putin said Friday that sanctions and other pressure from the West have "
            "sped up the unification process for Russia and Belarus.\n" + PARAGRAPH + "\n"
            "Russia and Belarus are also stepping up military cooperation, and Putin said this week that he will "
            "send nuclear-capable Iskander-M missiles to Belarusian territory.\n")
    result, _ = date_of(text)
    assert (result["published"], result["status"]) == (None, "missing")


def test_year_less_date_in_the_lede_is_partial():
    # seed 003: the only date, "December 5", has no year
    text = ("Politics Regional\n\nBelarus's Lukashenka Touts Equal Partnership With Russia\n\n" + LEDE + "\n\n"
            "Speaking in an address to parliament on December 5, the Belarusian leader, often described as "
            "the last dictator in Europe, looked to allay fears among ordinary citizens.\n\n" + PARAGRAPH + "\n")
    result, findings = date_of(text)
    assert (result["published"], result["status"], result["line"]) == (None, "partial", 7)
    assert [f.code for f in findings] == ["D102"] and findings[0].start_line == 7
    resolved, _ = date_of(text, crawl_date="2019-12-09")
    assert resolved["published"] == "2019-12-05" and resolved["resolved_from"] == "crawl_date 2019-12-09"


def test_standalone_relative_stamp_is_partial_and_resolved_with_the_crawl_date():
    text = article("Fed holds rates steady as inflation cools", "By Ann Lee", "2 hours ago")
    result, findings = date_of(text)
    assert (result["published"], result["status"], result["evidence"]) == (None, "partial", "2 hours ago")
    assert "D102" in [f.code for f in findings]
    resolved, _ = date_of(text, crawl_date="2024-05-03")
    assert (resolved["published"], resolved["status"]) == ("2024-05-03", "partial")


def test_relative_word_in_a_sentence_is_not_partial():
    text = ("The report published today by the statistics office shows that inflation fell for the third "
            "month in a row, driven by lower energy prices and a slower rise in food prices.\n" + PARAGRAPH + "\n")
    result, _ = date_of(text)
    assert (result["published"], result["status"]) == (None, "missing")


def test_comment_label_does_not_hide_the_articles_own_published_line():
    text = article("Headline", "Veröffentlicht am 16.08.2019")
    doc = Document(id="t", text=text)
    ctx = Context(page=Page.from_text(doc, text), config=DEFAULT_CONFIG)
    ctx.labels = [LineLabel("body") for _ in ctx.page.lines]
    ctx.labels[1] = LineLabel("comment")  # a mislabel above the article
    assert dates.run(ctx)["published"] == "2019-08-16"
    later = article("Headline", tail=("Anna", "16.08.2019 um 10:32 Uhr", "Toller Artikel!"))
    ctx = Context(page=Page.from_text(Document(id="u", text=later), later), config=DEFAULT_CONFIG)
    ctx.labels = [LineLabel("comment" if n > 8 else "body") for n in range(1, len(ctx.page.lines) + 1)]
    assert dates.run(ctx)["published"] is None  # a reader comment's stamp below the article


def test_news_dateline():
    text = ("Belarus to host talks\n\nMINSK, Dec 5, 2021 (Reuters) - " + LEDE + "\n\n" + PARAGRAPH + "\n")
    result, _ = date_of(text)
    assert (result["published"], result["source"]) == ("2021-12-05", "text:dateline")


def test_updated_date_is_reported_apart():
    both, _ = date_of(article("Headline", "Published: 12 March 2021", "Updated: 14 March 2021"))
    assert (both["published"], both["updated"]) == ("2021-03-12", "2021-03-14")
    # with no other date on the page, the update's date is the best there is (htmldate agrees)
    alone, _ = date_of(article("Headline", "By Alejandro Villamor Last updated Nov 8, 2023 Share"))
    assert alone["published"] == "2023-11-08"


def test_reader_comment_stamps_are_not_taken():
    comments = ("Comments", "Anna says:", "May 5, 2021 at 10:32 am", "Great piece, thanks!", "Reply",
                "Tom says:", "May 6, 2021 at 8:01 pm", "I disagree.", "Reply")
    result, _ = date_of(article("How to prune roses", tail=comments))
    assert result["published"] is None
    assert {c["role"] for c in result["candidates"]} == {"comment"}


def test_embedded_posts_and_event_cues_are_not_taken():
    text = article("Party tips", "Termin: 28.02.2020, 18:30 Uhr",
                   tail=("A post shared by Kira (@kirabejaoui) on Apr 21, 2019 at 4:40am PDT",))
    result, _ = date_of(text)
    assert result["published"] is None


def test_implausible_dates_are_findings_not_publication_dates():
    future, findings = date_of(article("Headline", "Posted on 12 March 2031"), crawl_date="2026-01-30")
    assert future["published"] is None
    assert [f.details.get("reason") for f in findings if f.code == "D103"] == ["after the crawl date 2026-01-30"]
    old, findings = date_of(article("Headline", "Published: 3 May 1987"))
    assert old["published"] is None and "D103" in [f.code for f in findings]


def test_url_date_beats_a_bare_date_line_and_is_reported():
    result, findings = date_of(article("Headline", "March 16, 2025"), url="https://example.com/2025/03/15/headline/")
    assert (result["published"], result["source"]) == ("2025-03-15", "url")
    conflict = [f for f in findings if f.code == "D104"]
    assert conflict and conflict[0].details["loser"] == "2025-03-16"


def test_candidates_are_bounded():
    tail = tuple(f"• Teaser {n}\n• {n}.01.2020" for n in range(10, 29))
    result, _ = date_of(article("Headline", "12. März 2020", tail=tail))
    assert len(result["candidates"]) <= DEFAULT_CONFIG.param(dates.MISSING, "max_candidates")
    assert result["published"] == "2020-03-12"


# ------------------------------------------------------------------ HTML


HTML = """<html><head><title>VDA-Chefin Müller: Das Autohaus ist alternativlos</title>
<meta property="article:modified_time" content="2022-02-04T09:00:00+01:00"></head>
<body><nav><a href="/">Start</a> <a href="/news">Nachrichten</a></nav>
<article><h1>VDA-Chefin Müller: Das Autohaus ist alternativlos</h1>
<div class="meta">Datum: 03.02.2022 | Autor: Jan Kupitz</div>
<p>{lede}</p><p>{para}</p><p>{para}</p></article></body></html>"""


def test_html_visible_dated_line_beats_a_modified_date():
    html = HTML.format(lede=LEDE, para=PARAGRAPH)
    page = Page.from_text(Document(id="h", html=html), "", kind="html")
    assert "Datum: 03.02.2022 | Autor: Jan Kupitz" in visible_text(page, 100_000).split("\n")
    report = audit_document(Document(id="h", html=html))
    date = report["date"]
    assert date["published"] == "2022-02-03"
    if report["input"].get("html", {}).get("date") not in (None, "2022-02-03"):
        assert any(f["code"] == "D104" for f in report["findings"])


def test_rules_are_declared():
    codes = {r.code: r for r in (dates.MISSING, dates.PARTIAL, dates.IMPLAUSIBLE, dates.CONFLICT)}
    assert [codes[c].severity for c in sorted(codes)] == ["warning", "warning", "warning", "info"]


def test_digit_shortcut_covers_every_decimal_digit():
    """The scans start only at ASCII digits unless the text may hold other decimal digits: every
    such digit must be caught by the lead bytes the shortcut tests."""
    leads = {chr(c).encode("utf-8")[:1] for c in range(0x80, 0x110000) if chr(c).isdecimal()}
    assert leads <= set(dates._OTHER_DIGIT_LEADS)
    assert dates._digit_positions("Posted 12.03.2021 – “update”") == [7, 8, 10, 11, 13, 14, 15, 16]
    assert dates._digit_positions("نُشر في ٢٠٢١") is None


@pytest.mark.parametrize("text", [
    "Published: 2021-11-08 | Updated 08.11.2021, 07h36\nMINSK, Dec 5 (Reuters) - said on March 3, 2025.\n",
    "Veröffentlicht am 19. Juni 201619. Juni 2016\nStand: 20195:35 pm, 3.12.2019 und 1.2.13\n",
    "Der Termin: ٢٠٢١/١١/٠٨ und 8 November 2021.\nApril 2024 · Nov 30th, 2023 · 2023年11月8日\n",
])
def test_digit_shortcut_finds_what_a_full_scan_finds(text):
    lex = dates.lexicon()
    digits = dates._digit_positions(text)
    forward = [(m.span(), m.groupdict()) for m in dates._forward_matches(lex, text, digits)]
    assert forward == [(m.span(), m.groupdict()) for m in lex.forward.finditer(text)]
    backward = [(m.span(), m.groupdict()) for m in dates._backward_matches(lex, text, text[::-1], digits)]
    assert backward == [(m.span(), m.groupdict()) for m in lex.backward.finditer(text[::-1])]
    assert forward and backward
