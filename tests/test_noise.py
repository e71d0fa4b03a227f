"""The line classifier (audit/checks/noise.py): labels, kinds, rules, damage findings.

Passages are real lines from the seeds and the DEV evaluation sets; the regression test scores
30 DEV pages (tests/data/regression, see its CREDITS.md) with the evaluation's own metrics.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from audit.checks import comments, noise
from audit.config import DEFAULT_CONFIG
from audit.context import Context
from audit.corpus import normalise_line
from audit.model import Document, Page
from audit.pipeline import clean_text

REPO = Path(__file__).resolve().parent.parent
REGRESSION = Path(__file__).resolve().parent / "data" / "regression"


def classify(text: str, kind: str = "text", template: frozenset[str] = frozenset(), **extra) -> Context:
    page = Page.from_text(Document(id="t", text=text), text, kind=kind, **extra)
    ctx = Context(page=page, config=DEFAULT_CONFIG, template_lines=template)
    ctx.results["noise"] = noise.run(ctx)
    ctx.results["comments"] = comments.run(ctx)
    return ctx


def label(ctx: Context, number: int) -> tuple[str, str | None, str | None]:
    lab = ctx.labels[number - 1]
    return lab.label, lab.kind, lab.rule


@pytest.fixture(scope="module")
def seed000() -> Context:
    return classify((REPO / "seeds" / "000_764669d0dfa9a596.txt").read_text(encoding="utf-8"))


def test_every_line_gets_a_label_blank_ones_too(seed000):
    assert len(seed000.labels) == len(seed000.page.lines)
    assert {lab.label for lab in seed000.labels} <= {"title", "body", "meta", "boilerplate", "comment"}
    # every boilerplate and meta line says what it is and which rule decided it
    for ln, lab in zip(seed000.page.lines, seed000.labels):
        if not ln.blank and lab.label in ("boilerplate", "meta"):
            assert lab.kind and re.fullmatch(r"N\d{3}", lab.rule or ""), (ln.number, lab)


def test_seed000_header_title_and_meta(seed000):
    assert label(seed000, 3)[:2] == ("boilerplate", "ads")  # ADVERTISEMENT
    assert label(seed000, 5)[:2] == ("boilerplate", "search")  # No Result
    assert label(seed000, 6)[:2] == ("boilerplate", "search")  # View All Result
    assert label(seed000, 4)[0] == "boilerplate"  # the site's header date, before the headline
    assert label(seed000, 14)[0] == "title"
    assert seed000.results["noise"]["title_line"] == 14
    assert label(seed000, 16)[:2] == ("meta", "byline")  # Ava Thompson by Ava Thompson
    assert label(seed000, 17)[:2] == ("meta", "date")  # March 16, 2025
    assert label(seed000, 18)[:2] == ("meta", "category")  # in Belarus
    assert label(seed000, 19)[:2] == ("meta", "headline-credit")  # ... – Belarus News (BelTA)


def test_seed000_table_of_contents_and_repeated_headings(seed000):
    for n in range(27, 34):  # the TOC's list items repeat the headings below
        assert label(seed000, n)[:2] == ("boilerplate", "toc"), n
    assert label(seed000, 35)[0] == "body"  # the heading itself
    assert label(seed000, 50)[0] == "body"
    for n in (64, 83, 99, 116, 136):  # the same headings repeated as captions
        assert label(seed000, n)[:3] == ("boilerplate", "repeated-heading", "N103"), n


def test_seed000_body_keeps_lists_and_damaged_tables(seed000):
    for n in (22, 39, 43, 45, 46, 59, 62, 91, 92, 111, 140):
        assert label(seed000, n)[0] == "body", n


def test_seed000_tail_widgets(seed000):
    assert label(seed000, 142)[:2] == ("boilerplate", "tags")
    assert label(seed000, 144)[0] == "boilerplate"  # Previous Post
    assert label(seed000, 158)[:2] == ("boilerplate", "related")
    for n in (160, 163, 165, 233, 235):  # teaser headlines and their dates
        assert label(seed000, n)[0] == "boilerplate", n
    for n in range(242, 249):
        assert label(seed000, n)[:2] == ("boilerplate", "calendar"), n
    assert label(seed000, 269)[:2] == ("boilerplate", "footer")
    assert label(seed000, 276)[0] == "boilerplate"  # cookie notice
    assert label(seed000, 279)[:2] == ("boilerplate", "pagination")


def test_seed000_scraping_damage_is_a_warning_not_a_removal(seed000):
    by_code: dict[str, list] = {}
    for f in seed000.findings:
        by_code.setdefault(f.code, []).append(f)
    tables = [(f.start_line, f.end_line) for f in by_code["N120"]]
    assert (45, 48) in tables and (91, 95) in tables
    assert all(f.severity == "warning" for f in by_code["N120"] + by_code["N121"])
    case_lines = {f.start_line for f in by_code["N121"]}
    assert {43, 72, 87} <= case_lines  # "to illustrate", "on russia", "the push"
    assert seed000.results["noise"]["damage"]["table_lines"] >= 20
    # boilerplate findings come one per run, at info severity
    assert all(f.severity == "info" for f in by_code["N101"])
    assert len([f for f in by_code["N104"]]) <= 2


def test_other_seeds():
    seeds = {p.name[:3]: classify(p.read_text(encoding="utf-8")) for p in sorted((REPO / "seeds").glob("*.txt"))}
    s1, s3, s4 = seeds["001"], seeds["003"], seeds["004"]
    assert label(s1, 1)[0] == "title" and label(s1, 2)[:2] == ("boilerplate", "share")
    assert label(s1, 9)[:2] == ("boilerplate", "comment-form")  # You must log in to post a comment.
    assert label(s3, 1)[0] == "boilerplate" and label(s3, 3)[0] == "title"
    assert label(s3, 27)[:2] == ("meta", "source-credit")  # Radio Free Europe
    assert label(s3, 29)[:2] == ("boilerplate", "comment-form")  # Leave a Reply
    assert [label(s3, n)[0] for n in range(5, 26, 2)] == ["body"] * 11
    assert label(s4, 1)[:2] == ("meta", "date")  # Date: 8 November 2021
    assert label(s4, 3)[0] == "title"
    assert label(s4, 10)[:2] == ("boilerplate", "donation")
    assert label(s4, 17)[:2] == ("boilerplate", "tags")
    assert label(s4, 19)[:2] == ("boilerplate", "related")
    assert seeds["002"].results["noise"]["title_line"] is None  # no headline at all


GERMAN_PAGE = """\
  • Suche
  • Inhalt anspringen
  • Hauptnavigation anspringen
Hauptmenü
  • Start
  • Über uns
  • Presse
Schnee belastet Solarmodule - Warum nur Profis zum Entfernen ran sollten
Eine Schneedecke auf der Photovoltaikanlage sorgt nicht nur für geringeren Stromertrag. Das Gewicht belastet auch die Module und die Gestelle, die dafür nicht immer ausgelegt sind.
Gerade der untere Bereich der Module und Gestelle wird punktuell vom Schnee stark belastet, wenn die Schneedecke abrutscht und sich an der Unterkante staut.
Wer den Schnee selbst entfernen will, sollte das nur vom Boden aus und mit weichen Werkzeugen tun, denn die Oberfläche der Module ist empfindlich und darf nicht zerkratzt werden.
Artikel teilen
Das könnte Sie auch interessieren
Impressum
Datenschutz
"""


def test_german_page_navigation_and_text():
    ctx = classify(GERMAN_PAGE)
    labels = [lab.label for lab, ln in zip(ctx.labels, ctx.page.lines) if not ln.blank]
    assert labels[:7] == ["boilerplate"] * 7
    assert labels[8:11] == ["body"] * 3
    assert labels[11:] == ["boilerplate"] * 4
    assert label(ctx, 12)[1] == "share" and label(ctx, 13)[1] == "related"


def test_decoys_prose_mentioning_boilerplate_words_stays_body():
    text = (
        "Share prices fell sharply on Monday after the company said it would stop selling cookies in Europe.\n"
        "Investors who had been told to accept the offer said they would wait, because the consent of the board was still missing and the deal could fall apart.\n"
        "Related companies in the sector reported similar losses, and analysts expect the trend to continue for the rest of the year.\n"
    )
    ctx = classify(text)
    assert [lab.label for lab in ctx.labels] == ["body", "body", "body"]


def test_template_lines_from_the_corpus_are_boilerplate():
    text = (
        "Lukashenko Dismisses Prospects of Belarus Joining Russia\n"
        "Belarusian President Alexander Lukashenko has firmly rejected the idea of his country joining Russia in the near future, as well as the reverse scenario.\n"
        "These remarks come amid ongoing speculation regarding deeper integration within the Union State, which the two countries formed in 1999.\n"
        "Our newsroom is independent and funded by readers like you, and every contribution, however big or small, keeps our reporting free for everyone to read.\n"
    )
    alone = classify(text)
    assert label(alone, 4)[0] == "body"
    ctx = classify(text, template=frozenset({normalise_line(text.splitlines()[3])}))
    assert label(ctx, 4) == ("boilerplate", "template", "N105")


def test_html_path_is_conservative_and_labels_trafilatura_comments():
    text = (
        "Liebeshoroskop Januar 2023\n"
        "Könnt ihr euch auf Glück in der Liebe einstellen oder geht ihr diesen Monat leer aus?\n"
        "Liebeshoroskop Steinbock\n"
        "Harmonische Vibes der Steinbock-Sonne sorgen in Ihrer Beziehung für Wohlwollen und Stabilität.\n"
        "Artikel teilen\n"
        "Toller Artikel, danke!\n"
        "Sehe ich genauso.\n"
    )
    ctx = classify(text, kind="html", html_meta={"title": "Liebeshoroskop Januar 2023"}, html_comment_lines=(6, 7))
    assert [lab.label for lab in ctx.labels] == ["title", "body", "body", "body", "boilerplate", "comment", "comment"]
    assert ctx.results["comments"]["start_line"] == 6


# ------------------------------------------------------------------ phrase index, teasers, credits


def test_pattern_index_agrees_with_one_alternation():
    """The per-pattern index (keyed by how a pattern can begin) finds the same kind as trying
    every pattern in file order; lines include decoys that only look like a key."""
    from audit.checks import noise

    pats = noise._data()["boilerplate"]
    sections = noise._sections("boilerplate.txt")
    whole = [(k, re.compile(f"(?:{p})$")) for k, ps in sections.items() for p in ps if p[:1] not in ".^"]
    lines = ["Home", "Home » News", "homework is hard", "12 Comments", "1 2 3 4 Next", "x", "xylophone",
             "Share on Facebook", "Facebook Twitter Email", "Tags: Politik, Wahl", "« Nov", "Seite 2 von 9",
             "Meistgelesene Artikel", "Temas Relacionados", "Top Themen der Redaktion", "© 2023 Example"]
    for line in lines:
        low = noise._strip_edges(line).lower()
        expected = next((k for k, rx in whole if rx.match(low)), None)
        got = pats.kind(noise._strip_edges(line), line, 120, 0, phrases=False)
        assert got == expected, (line, got, expected)


def test_read_more_headers_in_several_languages_end_the_article():
    for line, kind in [("Meistgelesene Artikel", "related"), ("Articles les plus lus", "related"),
                       ("Temas Relacionados", "related"), ("Verwandte Themen", "related"),
                       ("Our Latest Stories", "related"), ("Auch auf gofeminin.de: Die schönsten Frisuren", "related"),
                       ("Für dich empfohlen", "related"), ("Neueste Kommentare", "related"),
                       ("Schreibt seit 2008 für die taz. Beschäftigt sich mit der Frage, ob Kapitalismus auch öko kann.",
                        "author-bio")]:
        ctx = classify("Ein Absatz mit genug Text, damit die Seite einen Hauptteil hat und nicht leer ist.\n" + line)
        assert label(ctx, 2)[:2] == ("boilerplate", kind), line
    # a sentence that merely mentions the words is prose
    ctx = classify("Die verwandte Themen betreffenden Artikel wurden gestern im Rat diskutiert, sagte sie.")
    assert label(ctx, 1)[0] == "body"


def test_newsletter_membership_and_affiliate_prompts():
    prose = ("Die Stadt hat am Montag beschlossen, den Marktplatz bis zum Sommer umzubauen und "
             "die Bäume zu erhalten, wie der Bürgermeister in der Sitzung des Rates erklärte.\n")
    for line, kind in [
        ("Lust auf mehr? Lass dir die besten Storys jede Woche in deinen Posteingang liefern. "
         "Melde dich hier für unseren Newsletter an.", "share"),
        ("Sign up to get the best content of the week, and great gaming deals, as picked by the editors.", "share"),
        ("HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS", "donation"),
        ("Für Links auf dieser Seite erhält GIGA ggf. eine Provision vom Händler, z.B. für mit oder "
         "blauer Unterstreichung gekennzeichnete.", "ads"),
        ("Diese Website verwendet Akismet, um Spam zu reduzieren.", "comment-form"),
    ]:
        ctx = classify(prose + prose + line + "\n" + prose)
        assert label(ctx, 3)[:2] == ("boilerplate", kind), line
    english = ("I didn’t exactly grow up in an organic household, and my dad has worked in the farm "
               "chemical industry for years, both selling and applying herbicides.\n")
    ctx = classify(english + "This post may contain affiliate links. Read our disclosure policy for more "
                   "information.\n" + english + english)
    assert label(ctx, 2)[:2] == ("boilerplate", "ads")
    # decoys: a recipe line that mentions its affiliate link, a sentence about a newsletter's history
    ctx = classify(english + "I use this liquid castile soap or this natural dish soap, just in case you were "
                   "wondering (affiliate links), and it works every time.\n" + english)
    assert label(ctx, 2)[0] == "body"
    ctx = classify(prose + "Der Verein gab seit 1990 einen gedruckten Rundbrief heraus, den später eine "
                   "Redaktion von fünf Ehrenamtlichen übernahm und der bis heute erscheint.\n" + prose)
    assert label(ctx, 2)[0] == "body"


def test_photo_credit_is_meta_and_does_not_split_the_article():
    para = ("The council voted on Monday to rebuild the market square by the summer, keeping the "
            "old trees, the mayor told reporters after the session ended in the town hall.\n")
    para2 = para.replace("Monday", "Tuesday").replace("summer", "autumn")
    para3 = para.replace("Monday", "Friday").replace("market square", "bus station")
    text = para + "Trybunał Konstytucyjny / Shutterstock\n" + para2 + "Fot. Lukasz Nowaczyk / Agencja Gazeta\n" + para3
    ctx = classify(text)
    assert label(ctx, 2)[:2] == ("meta", "photo-credit")
    assert label(ctx, 4)[:2] == ("meta", "photo-credit")
    assert [label(ctx, n)[0] for n in (1, 3, 5)] == ["body", "body", "body"]
    # a sentence naming the agency, ending like a sentence, stays body
    ctx = classify(para + "The agency bought the pictures from Shutterstock for the campaign.\n" + para)
    assert label(ctx, 2)[0] == "body"


def test_cut_off_teasers_are_related_links():
    para = ("Microsoft has started to roll out the November update to more devices this week, "
            "the company said in a support note that lists the known issues of the release.\n")
    text = (para + para + "Microsoft removes the safeguard hold for Windows 10 users with Realtek Bluetooth...\n"
            "Cool 14″ and 15″ Lenovo Yoga C940 laptops with improved Alexa suppor...\n"
            "Microsoft offers “Build your own Surface Go Kids Bundle” plus JBL he...\n")
    ctx = classify(text)
    assert label(ctx, 3)[:2] == ("boilerplate", "related") and label(ctx, 4)[:2] == ("boilerplate", "related")
    # sentences trailing off are the author's style, not a teaser list
    ctx = classify(para + "I bet you didn’t know this, but…\n" + para + "And then the lights went out...\n" + para)
    assert label(ctx, 2)[0] == "body" and label(ctx, 4)[0] == "body"


def test_headlines_tagged_as_links_to_other_stories_are_related_links():
    # lines from sh-articles (Express; a Polish portal tags '[RANKING]', '[WYWIAD]'); the HTML path too,
    # where trafilatura keeps the inline links inside the article
    para = ("China has sent troops to Hong Kong in a bid to restore order after months of riots, "
            "warning it will not allow the city to spiral into chaos, officials said on Monday.\n")
    tagged = ["China furious at Macron for Hong Kong protest jibe [INSIGHT]|",
              "Lakers vs Nets: NBA make final decision on game amid China turmoil [VIDEO]",
              "Hong Kong 'threatened with Chinese military intervention' [REACTION]"]
    for kind in ("text", "html"):
        ctx = classify(para + para.replace("Monday", "Sunday") + "\n".join(tagged) + "\n"
                       + para.replace("Monday", "Tuesday"), kind=kind)
        for n in (3, 4, 5):
            assert label(ctx, n) == ("boilerplate", "related", "N106"), (kind, n)
        assert label(ctx, 6)[0] == "body"
    # decoys: a sentence with a placeholder, a lower-case or numbered reference, a lone credit
    for line in ["I want to learn as I build. For this session, focus on [SPECIFIC CHUNK].",
                 "The council approved the budget for the new bridge [updated]",
                 "The figures come from the annual survey of the ministry [12]",
                 "[CNBC]"]:
        ctx = classify(para + para.replace("Monday", "Sunday") + line + "\n" + para, kind="html")
        assert label(ctx, 3)[2] != "N106", line


def test_subscription_offers_and_comment_prompts():
    para = ("The shop manual covers every service job on the bike, from the valve clearances to the "
            "wiring of the dash, with photographs of each step and the torque settings.\n")
    for line, kind in [
        ("Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.", "share"),
        ("Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99. "
         "Click here for more information.", "call-to-action"),
        ("Tell us what YOU think...", "comment-form"),
    ]:
        for kind_in in ("text", "html"):
            ctx = classify(para + para.replace("every", "each") + line + "\n" + para.replace("bike", "car"),
                           kind=kind_in)
            assert label(ctx, 3)[:2] == ("boilerplate", kind), (line, kind_in)
    # a report about a magazine's price and a sentence asking a question stay text
    ctx = classify(para + "The magazine now sells 12 issues a year for less than the old quarterly did, "
                   "the publisher said, and the print run has doubled.\n" + para)
    assert label(ctx, 2)[0] == "body"


# ------------------------------------------------------------------ regression on DEV pages

_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
                       "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u00ad": None, "\u200b": None})


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_FOLD).replace("\u2026", "...")).strip()


def _shingles(text: str) -> Counter:
    tokens = re.findall(r"\w+", text.lower())
    return Counter(tuple(tokens[i:i + 4]) for i in range(max(1, len(tokens) - 3)) if tokens[i:i + 4])


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def test_regression_pages_score_above_floor():
    """Snippet F1 (trafilatura's method) and shingle F1 (ScrapingHub's) on 30 DEV pages;
    keeping every line scores 0.68 / 0.70 here, the classifier 0.913 / 0.867."""
    tp = fp = fn = 0
    precisions, recalls = [], []
    comment_found = comment_total = 0
    for line in (REGRESSION / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        text = (REGRESSION / "docs" / f"{gold['id']}.txt").read_text(encoding="utf-8")
        ctx = classify(text)
        clean = _norm(clean_text(ctx.page, ctx.labels))
        if "with" in gold:
            found = sum(_norm(s) in clean for s in gold["with"])
            tp, fn = tp + found, fn + len(gold["with"]) - found
            fp += sum(_norm(s) in clean for s in gold["without"])
            comment_text = _norm("\n".join(ln.text for ln, lab in zip(ctx.page.lines, ctx.labels) if lab.label == "comment"))
            comment_total += len(gold.get("comments") or [])
            comment_found += sum(_norm(s) in comment_text for s in gold.get("comments") or [])
        if "body" in gold:
            true, pred = _shingles(gold["body"]), _shingles(clean)
            hit = sum((true & pred).values())
            if sum(pred.values()):
                precisions.append(hit / sum(pred.values()))
            recalls.append(hit / sum(true.values()) if sum(true.values()) else 1.0)
    snippet_f1 = _f1(tp / (tp + fp), tp / (tp + fn))
    body_f1 = _f1(sum(precisions) / len(precisions), sum(recalls) / len(recalls))
    assert snippet_f1 >= 0.90, snippet_f1
    assert body_f1 >= 0.855, body_f1
    assert comment_found >= 3, (comment_found, comment_total)  # of 5


def test_page_without_prose_keeps_its_densest_region():
    """A shop listing has no paragraph at all: its item names are still the page's content,
    while the menu before them and the footer links after them stay boilerplate."""
    text = ("Skip to Main Content\nDepartments\nServices\nSign In\n"
            "Echelon Row-S Indoor Rowing Machine with Rotating HD Touchscreen\nNow $449.00\nAdd to Cart\n"
            "NordicTrack Commercial Series 1750 Treadmill\nMembers-only price\n"
            "Marcy 150 lb. Stack Home Gym\nNow $374.00\n"
            "Privacy Policy\nTerms of Use\nContact Us\n")
    ctx = classify(text)
    body = {n for n in range(1, 15) if label(ctx, n)[0] in ("body", "title")}
    assert {5, 8, 10} <= body
    assert not body & {1, 2, 3, 4, 12, 13, 14}


# ------------------------------------------------------------------ context and clusters

_ARTICLE = (
    "Every month I team up with my fellow DIY bloggers to bring you posts from each of our archives "
    "dedicated to a monthly theme. This month, our theme is woodworking projects, and we are sharing twelve "
    "of them to inspire you! Whether you are a beginner woodworker or a seasoned pro, there is something for everyone.\n"
    "The project I am sharing is this faux concrete and gold leaf planter I built last spring. You can find "
    "the full tutorial on the blog, with a list of the tools and the materials I used for it.\n"
)


def test_long_line_without_a_sentence_is_not_text_outright():
    """An archive widget run together into one long line is stop-word rich (month names are
    frequent words) but has no sentence: it must not outweigh the short article above it."""
    months = " ".join(f"{m} {y}" for y in (2025, 2024, 2023) for m in
                      ("January", "March", "May", "June", "July", "September", "October", "November"))
    text = ("12 DIY Woodworking Projects\n" + _ARTICLE + "Filed Under: DIY, Woodworking\n"
            "ARCHIVES\n" + f"ARCHIVES Select Month {months}\n" + "Copyright © 2026 Erin Spain. Log in | Privacy Policy\n")
    ctx = classify(text)
    assert label(ctx, 2)[0] == "body" and label(ctx, 3)[0] == "body"
    assert label(ctx, 6)[0] == "boilerplate"


_PARAGRAPH = ("The council voted on Tuesday to extend the programme for another three years, after a review "
              "found that it had cut waiting times in most of the districts where it was tried. ")


def _paragraphs(n: int, first: int = 1) -> str:
    """n distinct paragraph lines (an article does not repeat a paragraph word for word: a
    repeated line is dropped as a copy, see test_repeated_long_line_is_a_copy)."""
    return "\n".join(f"In district {k}, " + (_PARAGRAPH * 2)[0].lower() + (_PARAGRAPH * 2)[1:]
                     for k in range(first, first + n))


def test_cluster_after_a_section_break_needs_half_the_article():
    """Teasers after a 'Related Posts' header are dropped even when they are a third of the
    article's size; before the change they needed only a quarter."""
    article = _paragraphs(6)
    teaser = ("A new study on the city's buses was published this week, and it says that most of the "
              "passengers who were asked are happy with the service and with the new routes. ")
    teasers = "\n".join(teaser * 2 for _ in range(2))
    text = "Council extends bus programme\n" + article + "\nRelated Posts\n" + teasers + "\n"
    ctx = classify(text)
    n = len(ctx.page.lines)
    assert all(label(ctx, k)[0] == "body" for k in range(2, 8))
    assert label(ctx, 8)[:2] == ("boilerplate", "related")
    assert all(label(ctx, k)[0] == "boilerplate" for k in range(9, n + 1) if not ctx.page.lines[k - 1].blank)


def test_inline_read_more_link_does_not_cut_the_article():
    """'Read More: <headline>' inside an article is a link, not the end of the text: the
    paragraphs after it stay, although they are fewer than those before it."""
    before = _paragraphs(6)
    after = _paragraphs(2, first=7)
    text = ("Council extends bus programme\n" + before +
            "\nRead More: 50+ Remote Work Words and Phrases on Virtual Careers\n" + after + "\n")
    ctx = classify(text)
    assert label(ctx, 8)[0] == "boilerplate"
    assert label(ctx, 9)[0] == "body" and label(ctx, 10)[0] == "body"


def test_number_lines_are_not_template_lines():
    """Corpus evidence keys lines with digits folded to 0: a price or a count matches on every
    page and says nothing about the site's template."""
    text = "Standing desks\n" + _PARAGRAPH * 3 + "\n$599+\n" + _PARAGRAPH * 3 + "\n"
    ctx = classify(text, template=frozenset({"0", "standing desks"}))
    assert label(ctx, 3)[2] != "N105"
    assert label(ctx, 1)[:3] == ("boilerplate", "template", "N105")


# ------------------------------------------------------------------ speed structures


def _every(part: tuple) -> list[tuple]:
    """All patterns of a part (whole / prefix / phrase) in file order."""
    index, always = part
    return sorted({e[0]: e for lst in [*index.values(), always] for e in lst}.values(), key=lambda e: e[0])


def _kind_by_brute_force(bp, text: str, raw: str, whole_max: int, long_max: int, phrases: bool = True):
    """What the phrase lookup must answer: the first pattern, in file order, that matches."""
    if text and len(text) <= whole_max:
        low = text.lower()
        for e in _every(bp.whole):
            if e[2].match(low):
                return e[1]
    if len(raw) <= long_max:
        low = raw.lower()
        for e in _every(bp.prefix):
            if e[2].match(low):
                return e[1]
        if phrases:
            for e in _every(bp.phrase):
                if e[2].search(low):
                    return e[1]
    return None


def test_phrase_lookup_keeps_file_order_when_patterns_are_joined(monkeypatch):
    """Patterns sharing a key are tried as one alternation (once a key is used often) or in a
    loop: either way the answer is the pattern a loop over the whole list finds first."""
    bp = noise._data()["boilerplate"]
    cases = {"Share": "share", "Home": "navigation", "Leave a Reply": "comment-form", "Related Posts": "related",
             "Advertisement": "ads", "Read more": "navigation", "Page 2 of 9": "pagination",
             "Accept all cookies": "cookie", "Table of Contents": "toc", "The council voted on Tuesday": None}
    for join_after in (10**9, 1):  # never joined, then joined at first use
        monkeypatch.setattr(bp, "JOIN_AFTER", join_after)
        for text, kind in cases.items():
            assert bp.kind(text, text, 120, 400, phrases=False) == kind, text
            assert _kind_by_brute_force(bp, text, text, 120, 400, phrases=False) == kind, text


# real lines (seeds, DEV pages) and decoys: the index, the per-pattern required strings and the
# gate in front of the patterns any line may match must never change the answer
_LOOKUP_LINES = [
    "Follow us on Facebook and Twitter", "Subscribe to our newsletter", "Sign up for the Morning Briefing newsletter",
    "We use cookies to improve your experience on our website. By continuing you agree.",
    "Photo: Reuters/John Smith", "A man walks past a closed shop in Minsk (AP)", "Bild: picture alliance / dpa",
    "Jane Doe is a freelance journalist based in Vilnius.", "Max Mustermann ist Redakteur im Ressort Politik.",
    "© 2025 Example Media. All rights reserved.", "Free shipping on orders over $50", "« Jan  Mar »",
    "Minsk skyline via Getty Images", "UK economy stalls [analysis]", "Share on WhatsApp",
    "Your email address will not be published. Required fields are marked *",
    "The facebook of the village was its market square, where people met on Fridays.",
    "She wrote that the newsletter industry is changing quickly, and readers follow writers, not brands.",
    "He said the delivery of the gas pipeline was delayed by two years.", "Read more", "Page 2 of 9",
    "Belarus and Russia signed the union state treaty in 1999, and it has shaped their ties since.",
    "Download the PDF", "Thanks for reading! Subscribe for free to receive new posts.",
]


def test_phrase_lookup_matches_brute_force_on_real_lines():
    bp = noise._data()["boilerplate"]
    found = set()
    for line in _LOOKUP_LINES:
        core = line.strip()
        text = noise._strip_edges(core) or core
        for phrases in (False, True):
            expected = _kind_by_brute_force(bp, text, core, 120, 400, phrases=phrases)
            assert bp.kind(text, core, 120, 400, phrases=phrases) == expected, line
            found.add(expected)
    assert {"share", "cookie", "photo-credit", "author-bio"} <= found  # the decoys are not all misses


def test_required_strings_of_a_pattern():
    """Every match contains one of the strings: literal runs, one per branch, repeats of one or more."""
    def req(pattern):
        return noise._required(list(noise._sp.parse(pattern)))
    assert req(r"\bfollow us on (twitter|facebook)\b") == frozenset({"follow us on "})
    assert req(r"\b(we|wir) (rely|depend) on (your|reader) support\b") == frozenset({" support"})
    assert req(r"(a|b)?\d+") is None  # nothing is certain
    assert req(r"(ab|cd)x?") == frozenset({"ab", "cd"})
    assert req(r"(?:abc)+") == frozenset({"abc"})
    assert req(r"(abc)*d") == frozenset({"d"})


def test_line_feature_cache_is_bounded_and_shared(monkeypatch):
    monkeypatch.setattr(noise, "_FEATURES", {})
    monkeypatch.setattr(noise, "_FEATURES_MAX", 20)
    text = "\n".join(f"Menu entry number {n} of the site" for n in range(50)) + "\n"
    classify(text)
    assert 0 < len(noise._FEATURES) <= 20
    a = classify("Home\nNews\n" + _PARAGRAPH * 3 + "\n")
    b = classify("Home\nNews\n" + _PARAGRAPH * 3 + "\n")
    assert a.labels == b.labels


def test_one_finding_per_run_of_boilerplate():
    """A menu mixing phrase-matched and low-content lines is one finding, under the rule that
    decided most of its lines."""
    text = ("Home\nNews\nSport\nWeather\nCulture\nSign In\n" + _paragraphs(4) + "\n")
    ctx = classify(text)
    assert [label(ctx, k)[0] for k in range(1, 7)] == ["boilerplate"] * 6
    head = [f for f in ctx.findings if f.code.startswith("N1") and f.start_line <= 6 and f.severity == "info"]
    assert len(head) == 1 and (head[0].start_line, head[0].end_line) == (1, 6)


# ------------------------------------------------------------------ phrase lists


def test_reader_prompts_in_several_languages():
    """Prompts seen on DEV pages of many sites, each a kind of boilerplate, next to decoys
    that only share a word with them."""
    bp = noise._data()["boilerplate"]

    def kind(text: str) -> str | None:
        return bp.kind(noise._strip_edges(text) or text, text, 120, 400, phrases=False) or bp.kind("", text, 0, 400)

    assert kind("MZ Dessau-Roßlau bei Facebook") == "share"
    assert kind("Siguenos en Telegram, Instagram, Facebook y Twitter para recibir en directo todas "
                "nuestras actualizaciones") == "share"
    assert kind("Empfiehl dies deinen Freunden.") == "share"
    assert kind("Gefällt Ihnen dieser Artikel?") == "share"
    assert kind("Schreibe einen Kommentar Antworten abbrechen") == "comment-form"
    assert kind("Artikel zum Thema") == "related"
    assert kind("Some rights reserved 2017-2023 by Heartland Newsfeed") == "footer"
    assert kind("Apply Now") == "call-to-action"
    assert kind("Add to cart Add to cart") == "call-to-action"
    assert kind("Necessary cookies are absolutely essential for the website to function properly.") == "cookie"
    # decoys
    assert kind("Facebook shares fell sharply after the company reported lower profits") is None
    assert kind("Back to the future of work: what the pandemic changed in offices") is None
    assert kind("The council will apply the new rules to all schools from September.") is None
    assert kind("Fracking-Anlage im US-Bundesstaat Pennsylvania © Noah Addis") == "photo-credit"
    assert kind("The tenant may end the lease under paragraph (c) of this section.") is None
    meta = noise._data()["meta"]
    assert meta.kind("11 minut czytania", "11 minut czytania", 160, 160) == "reading-time"
    assert meta.kind("21 minutes - 4312 words", "21 minutes - 4312 words", 160, 160) == "reading-time"


def test_buttons_inside_the_content_do_not_split_it():
    """A service page's 'Get started today' between its paragraphs is boilerplate, but the
    paragraphs after it are still the page's text."""
    text = ("Managed backups for small offices\n" + _paragraphs(3) +
            "\nGet started today\n" + _paragraphs(2, first=4) + "\n")
    ctx = classify(text)
    assert label(ctx, 5)[:2] == ("boilerplate", "call-to-action")
    assert label(ctx, 6)[0] == "body" and label(ctx, 7)[0] == "body"


def test_long_consent_text_is_found_by_its_opening():
    """A cookie notice longer than the phrase search limit still opens with its cookie
    sentence; an article paragraph that mentions cookies later on is kept."""
    consent = ("This website uses cookies to improve your experience while you navigate through the website. "
               + "Out of these, the cookies that are categorized as necessary are stored on your browser. " * 6)
    article = _PARAGRAPH * 3 + "Bakers said the cookies sold out within an hour of the market opening. " * 2
    ctx = classify("Council extends bus programme\n" + _paragraphs(5) + "\n"
                   + article + "\n" + consent + "\n")
    assert label(ctx, 7)[0] == "body"
    assert label(ctx, 8)[:2] == ("boilerplate", "cookie")


def test_gallery_controls_and_picture_credits_stay_out_of_the_text():
    """A lightbox's controls and a news agency's picture credit inside an article are not
    text, and the paragraphs around them stay one article."""
    text = ("Council extends bus programme\n" + _paragraphs(3) + "\n"
            "Image 1 of 13\nClose\nFILE PHOTO: Buses wait at the depot in Leeds, Britain. REUTERS/Phil Noble\n"
            "Photo by David Dyer-Bennet\n" + _paragraphs(2, first=4) + "\n")
    ctx = classify(text)
    assert label(ctx, 5)[:2] == ("boilerplate", "gallery") and label(ctx, 6)[:2] == ("boilerplate", "gallery")
    assert label(ctx, 7)[0] != "body" and label(ctx, 8)[:2] == ("meta", "photo-credit")
    assert label(ctx, 9)[0] == "body" and label(ctx, 10)[0] == "body"


def test_byline_with_a_date_after_the_name():
    assert noise._BYLINE.match("von Anja Schmoll-Trautmann am 14. Mai 2014, 15:40 Uhr")
    assert noise._BYLINE.match("by Finian Cunningham")
    assert not noise._BYLINE.match("von Peter Müller am Rande der Konferenz, die gestern begann und heute endet")


def test_lead_above_the_dateline_stays_with_the_article():
    """On a page of dated teasers the dateline splits the page into clusters; the lead
    paragraph just above the article's own dateline is part of the article, a menu there is not."""
    lead = ("Kim Jong Un taucht nach Wochen wieder auf. Die Bilder, die das beweisen sollen, erfreuen Donald "
            "Trump. Er schreibt auf Twitter, er sei froh, dass es ihm gut gehe.")
    teaser = "Der Bürgermeister hat am Montag die neue Brücke über den Fluss eröffnet, die zwei Stadtteile verbindet."
    body = "\n".join(("Die beiden Staatsoberhäupter verbindet eine wechselhafte Freundschaft, die nach "
                      "einem Treffen in Singapur begann und seither mehrmals abgekühlt ist. ") * 2 for _ in range(8))
    text = (f"Kim Jong Un: Der Diktator ist zurück\n{lead}\n04.05.20 14:50\n{body}\n"
            f"03.05.20 10:00\n{teaser}\n02.05.20 09:00\n{teaser}\n01.05.20 08:00\n{teaser}\n")
    ctx = classify(text)
    assert label(ctx, 1)[0] == "title" and label(ctx, 3)[:2] == ("meta", "date")
    assert label(ctx, 2)[0] == "body" and label(ctx, 4)[0] == "body"
    # the same line above a menu instead of a lead is not kept
    menu = "\n".join(f"* {w}" for w in ("Reviews", "Settings", "Forum", "Gaming", "Windows"))
    ctx = classify(text.replace(lead, menu))
    assert all(label(ctx, k)[0] == "boilerplate" for k in range(2, 7))


def test_iab_consent_dialog_lines_are_cookie_boilerplate():
    """The IAB consent framework's purpose names and descriptions are the same on every site
    that shows its dialog; an article sentence using the same words is not."""
    bp = noise._data()["boilerplate"]

    def kind(text: str) -> str | None:
        return bp.kind(noise._strip_edges(text) or text, text, 120, 400, phrases=False) or bp.kind("", text, 0, 400)

    assert kind("Store and/or access information on a device 91 partners can use this purpose") == "cookie"
    assert kind("Measure content performance Off") == "cookie"
    assert kind("Targeting Cookies") == "cookie"
    assert kind("List of IAB Vendors | View Illustrations") == "cookie"
    assert kind("Advertising presented to you on this service can be based on limited data, such as the "
                "website or app you are using, your non-precise location, your device type.") == "cookie"
    assert kind("These cookies allow us to count visits and traffic sources so we can measure and improve "
                "the performance of our site.") == "cookie"
    # decoys
    assert kind("The study will measure content performance across ten newspapers over the year.") is None
    assert kind("Our partners can use this data only with the consent of the patients.") is None


def test_lines_between_paragraphs_are_text_unless_a_menu():
    """Short lines between two stretches of text (ingredients, specs, list items) stay text
    even when the boilerplate lines around them cut them off from the paragraphs; a run of
    one- and two-word menu entries there does not."""
    items = ("  • 2 cups of plain flour, sifted\n  • 1 teaspoon of baking powder\n"
             "  • 3 large eggs at room temperature\n  • 250 ml of whole milk\n")
    menu = "Home\nNews\nSport\nWeather\nCulture\nTravel\n"

    def page(middle: str) -> Context:
        return classify("Council bakery wins the county prize\n" + _paragraphs(3) + "\nADVERTISEMENT\n" + middle
                        + "Share on Facebook\n" + _paragraphs(3, first=4) + "\n")

    ctx = page(items)
    assert label(ctx, 5)[:2] == ("boilerplate", "ads") and label(ctx, 10)[:2] == ("boilerplate", "share")
    assert [label(ctx, k)[0] for k in range(6, 10)] == ["body"] * 4
    assert label(ctx, 11)[0] == "body"
    ctx = page(menu)
    assert all(label(ctx, k)[0] == "boilerplate" for k in range(5, 13))
    assert label(ctx, 13)[0] == "body"


def test_repeated_long_line_is_a_copy():
    """A forum reply that quotes the post above repeats it word for word: the copy is dropped,
    the post and the reply stay; a short line may repeat."""
    post = ("I am just getting back in to using Docker after a few years away, so I find myself stuck "
            "in places I thought I had figured out a few years back.")
    reply = ("Depends on the kind of network you use: with the default bridge the DNS servers of the host "
             "are mounted into the containers, so the names resolve the same way.")
    text = ("Docker Community Forums\n" + post + "\nThanks, any help appreciated!\namondale\nNovember 8, 2024\n"
            + post + "\n" + reply + "\n")
    ctx = classify(text)
    assert label(ctx, 2)[0] == "body" and label(ctx, 7)[0] == "body"
    assert label(ctx, 6)[:3] == ("boilerplate", "repeated-text", "N103")
    assert label(ctx, 3)[0] == "body"


def test_long_lead_paragraph_above_a_data_table_stays():
    """A long prose paragraph above the main text, parted from it by a table of short rows,
    opens the article: it is kept though its cluster is small. A short teaser there is not."""
    intro = ("After more than two years of stiff competition and fast-rising prices, the U.S. residential "
             "housing market has cooled noticeably, and buyers in many regions now find that they have more "
             "time to look around, more homes to choose from and more room to negotiate on the price "
             "than at any time since the start of the pandemic.")
    rows = "\n".join(f"{m}/1/{y}+{10 + m}.{m}%" for y in (2013, 2014, 2015) for m in range(1, 13))
    text = ("The Hottest Real Estate Markets in the U.S.\n" + intro + "\n" + rows + "\n" + _paragraphs(8) + "\n")
    ctx = classify(text)
    assert label(ctx, 2)[0] == "body"
    teaser = "Are you planning a home renovation soon? Read our guide to insurance for builders."
    ctx = classify(text.replace(intro, teaser))
    assert label(ctx, 2)[0] == "boilerplate"


def test_headlines_closed_by_a_date_are_teasers():
    """Several headlines each followed by its date ('... - 10 June 2025') are a teaser list;
    one such line, or a sentence ending 'since June 2021', is not."""
    teasers = ["• Beer in balance: flavour's finer points - 10 June 2025",
               "• Decoding low- and no-alcohol wine - 30 July 2025",
               "• Ten German beer styles you need to know - 27 August 2025",
               "+ Robotik in der Industrie: Vom Unimate zum LLM 31.10.2023"]
    text = "Wine styles explained\n" + _paragraphs(6) + "\nMore from the blog\n" + "\n".join(teasers) + "\n"
    ctx = classify(text)
    assert [label(ctx, k)[:3] for k in range(9, 13)] == [("boilerplate", "related", "N106")] * 4
    assert label(ctx, 2)[0] == "body"
    date_re = noise._data()["date_end"]
    assert not noise._dated_headline(noise._Line(0, "Year-over-year home sales growth is at its highest since June 2021"),
                                     date_re)
    assert not noise._dated_headline(noise._Line(0, "Andy Jassy, CEO of Amazon, on February 6, 2025"), date_re)
    assert noise._dated_headline(noise._Line(0, "Energieversorgung der Stadt | 12.12.2022"), date_re)
    # the step marks them only when there are several
    for lines, marked in ((teasers, 4), (teasers[:2], 0)):
        ls = [noise._Line(k, t) for k, t in enumerate(lines)]
        noise._cut_off_teasers(ls, 3, date_re)
        assert sum(ln.label == "boilerplate" for ln in ls) == marked


def test_paragraph_opening_with_the_bylines_name_is_the_authors_bio():
    byline = "By Ganesh Sitaraman"
    bio = ("Ganesh Sitaraman is a professor at Vanderbilt Law School and the author of The Great Democracy: "
           "How to Fix Our Politics, Unrig the Economy, and Unite America.")
    other = ("Richard Lamm remarked that the cutting edge of the Democratic Party was the question of how to "
             "govern a country whose economy had stopped growing as fast as it used to.")
    text = "The Great Democracy\n" + byline + "\n" + _paragraphs(6) + "\n" + other + "\n" + bio + "\n"
    ctx = classify(text)
    assert label(ctx, 2)[:2] == ("meta", "byline")
    assert label(ctx, 10)[:3] == ("boilerplate", "author-bio", "N110")
    assert label(ctx, 9)[0] == "body"  # another name opening a paragraph
    # without the byline, a name and a role opening the last paragraph still make it a bio
    # (data/noise/bios.txt); with a paragraph after it, inside the article, it is text
    ctx = classify(text.replace(byline + "\n", "December 23, 2019\n"))
    assert label(ctx, 10)[:2] == ("boilerplate", "author-bio")
    ctx = classify(text.replace(byline + "\n", "December 23, 2019\n") + _paragraphs(1, first=7) + "\n")
    assert label(ctx, 10)[0] == "body"
    # 'By' capitalised opens a byline too; a title-case phrase is not one
    assert noise._BYLINE.match("By Perry Bacon Jr.") and noise._BYLINE.match("Written by Perry Bacon Jr.")
    assert not noise._BYLINE.match("Text Messages Are Great")


def test_copyright_sign_before_photographer_and_agency_is_a_picture_credit():
    bp = noise._data()["boilerplate"]

    def kind(text: str) -> str | None:
        return bp.kind(noise._strip_edges(text) or text, text, 120, 400, phrases=False)

    assert kind("© complize / photocase.de") == "photo-credit"
    assert kind("© Inria / Photo H. Raguet") == "photo-credit"
    assert kind("© 2023 Example Media GmbH / Impressum") == "footer"
    assert kind("© Copyright Example Media. All rights reserved") == "footer"


def test_consent_dialog_openings_of_ad_partners():
    bp = noise._data()["boilerplate"]
    long_text = ("We and our 100 partners store and/or access information on a device, such as unique IDs in "
                 "cookies to process personal data. You may accept or manage your choices by clicking below, "
                 "including your right to object where legitimate interest is used, or at any time in the "
                 "privacy policy page. These choices will be signaled to our partners and will not affect "
                 "browsing data. ") * 2
    assert len(long_text) > 400
    ctx = classify("Tomato Sauce Recipes\n" + _paragraphs(5) + "\n" + long_text + "\n")
    assert label(ctx, 7)[:2] == ("boilerplate", "cookie")
    assert bp.kind("", "We and our partners process data to provide:", 0, 400) == "cookie"
    # decoy: partners in a sentence about a business
    assert bp.kind("", "The bakery and its partners use local flour for every loaf they sell.", 0, 400) is None


def test_one_huge_line_does_not_pick_the_pages_language():
    """A form's option list run together into one line of thousands of French words must not
    outvote the English paragraphs of the page."""
    data = noise._data()
    english = ("The Internet of Things is the interconnection between the Internet and objects, places and "
               "physical environments, and it assigns a unique digital identity to each of them.")
    options = " ".join(["Directeur général de l'association jusqu'en 2005 et de la création des équipes"] * 300)
    ls = [noise._Line(k, t) for k, t in enumerate([english] * 12 + [options])]
    assert noise._pick_language(ls, data) is data["stop"]["en"]


# ------------------------------------------------------------------ round 12: edges of the article


def test_author_box_without_a_byline_is_the_authors_bio():
    """'Jake Goulding' / 'Jake is the co-founder ...' under an 'Author' header at the end (a
    real box from a Rust blog post); the page has no byline to find the name by."""
    bio = ("Jake is the co-founder of Integer 32, the world's first Rust consultancy. He also "
           "co-produced the Rust in Motion video series for Manning.")
    text = "Council extends bus programme\n" + _paragraphs(6) + "\nAuthor\nJake Goulding\n" + bio + "\n"
    ctx = classify(text)
    assert label(ctx, 8)[:2] == ("boilerplate", "author-bio")  # the header parts the box from the article
    assert label(ctx, 9)[0] == "boilerplate" and label(ctx, 10)[0] == "boilerplate"
    assert all(label(ctx, n)[0] == "body" for n in range(2, 8))
    # the same box without the header, as the last paragraph
    ctx = classify("Council extends bus programme\n" + _paragraphs(6) + "\nJake Goulding\n" + bio + "\n")
    assert label(ctx, 8)[1] == "author-bio" and label(ctx, 9)[1] == "author-bio"


def test_subheading_opening_its_paragraph_is_not_an_author_box():
    """A subheading whose words the page also writes in lower case is a topic, not a name; a
    list of people or products, each with its paragraph, is the content itself."""
    para = ("Quantum computing is an entirely new approach to processing information, grounded in the "
            "principles of quantum mechanics that the lab has studied for years.")
    ctx = classify("Council extends bus programme\n" + _paragraphs(6) + "\nQuantum Computing\n" + para + "\n")
    assert label(ctx, 8)[0] == "body" and label(ctx, 9)[0] == "body"
    people = ["Anna Keller", "Ben Ortiz", "Clara Nowak", "David Brandt"]
    entries = "\n".join(f"{name}\n{name.split()[0]} leads the team that plans the new routes for the city's "
                        "buses and trams, and she reports to the council every month." for name in people)
    ctx = classify("Council extends bus programme\n" + _paragraphs(6) + "\n" + entries + "\n")
    assert all(label(ctx, n)[0] == "body" for n in range(8, 16))


def test_author_as_a_list_item_is_a_badge_not_the_header_of_a_box():
    """'• Author' in a forum post's member details must not cut the thread after it."""
    reply = ("Very insightful! So, for example, today's passenger promo would be applied by your agent "
             "and you would still keep the price you were quoted when you booked the cruise. ") * 4
    text = ("Booking cruises with a travel agent\n" + _paragraphs(5) + "\n  • Members\n  • Author\n#3\n"
            + reply + "\n")
    ctx = classify(text)
    assert label(ctx, 8)[1] == "author-bio"
    assert label(ctx, 10)[0] == "body"
    # the same reply after an 'Author' header is a box after the article
    ctx = classify(text.replace("  • Author", "Author"))
    assert label(ctx, 10)[0] == "boilerplate"


def test_colon_line_introducing_the_text_is_kept():
    """'On 2 Dec 2024, I received this message ...:' is shorter than a lead paragraph, but it
    introduces the text right below it (the quoted message)."""
    intro = "On 2 Dec 2024, I received this message from Higher Logic's Director of Software Engineering:"
    text = "Higher Logic has terminated open source Vanilla\nLinc Admin\n" + intro + "\n[…]\n" + _paragraphs(5) + "\n"
    ctx = classify(text)
    assert label(ctx, 3)[0] == "body"
    # decoy: a colon line far above the text (a menu header) stays out
    ctx = classify("Categories:\n" + "\n".join(["Home", "News", "Sport", "Weather", "Contact"] * 3) + "\n"
                   + _paragraphs(5) + "\n")
    assert label(ctx, 1)[0] == "boilerplate"


def test_closing_sentence_after_the_last_paragraph_is_kept():
    text = ("Council extends bus programme\n" + _paragraphs(5) +
            "\nHere is the link to the podcast, which only takes twenty minutes.\nShare this:\n  • Twitter\n")
    ctx = classify(text)
    assert label(ctx, 7)[0] == "body"
    assert label(ctx, 8)[0] == "boilerplate"
    # a question or a prompt ending in ':' asks the reader to go on; a web address sends them away
    for tail in ("Do you want more from us?", "More of our columns on the site of the paper:",
                 "You will find more about the tournament at www.itfjuniors.de."):
        ctx = classify("Council extends bus programme\n" + _paragraphs(5) + "\n" + tail + "\n")
        assert label(ctx, 7)[0] == "boilerplate", tail


def test_picture_caption_is_not_the_headline():
    caption = "Angus Barbieri mając 27 lat, ważył 206 kilogramów /domena publiczna"
    text = "Menu\n" + caption + "\n" + _paragraphs(5) + "\n"
    ctx = classify(text)
    assert ctx.results["noise"]["title_line"] != 2
    ctx = classify("Angus Barbieri fasted for 382 days\n" + _paragraphs(5) + "\n")
    assert ctx.results["noise"]["title_line"] == 1


def test_one_word_with_a_digit_does_not_make_a_sentence_a_table_row():
    ln = noise._Line(0, "In this article, I’ll explain how to increase and decrease the text font sizes of ggplot2 "
                        "plots in R.")
    assert noise._shape(ln.f) == 0  # prose that names a thing, not cells
    assert noise._shape(noise._Line(2, "Das Passwort liegt in KeePass, nicht im Browser.").f) == 0
    assert noise._shape(noise._Line(1, "Support for Economic Integration65%Opposition22%").f) & noise._SHAPE_CAMEL


def test_clusters_after_a_dated_copyright_line_are_dropped():
    """Login dialogs and scripts after the page's footer are not text, however long; a picture
    credit with a copyright sign is not the footer."""
    dialog = ("We'll keep you signed in on this device. You won't need to sign in as often but to keep your "
              "account secure, use this option only on your personal devices.")
    # (after a footer line a cluster needs half the article's size; after a dated copyright, all of it)
    dialogs = "\n".join(dialog.replace("device", word) for word in
                        ("device", "phone", "laptop", "tablet", "computer", "watch", "console", "reader"))
    text = ("Council extends bus programme\n" + _paragraphs(4) + "\n© 2026 Allen Edmonds LLC. All Rights Reserved\n"
            "Terms of Use\n" + dialogs + "\n")
    ctx = classify(text)
    assert all(label(ctx, n)[0] == "boilerplate" for n in range(8, 16))
    # (the eight copies of the dialog open with the same words: the templated-list rule is left
    # out here, which would drop them whatever the cluster rules say)
    pic = text.replace("© 2026 Allen Edmonds LLC. All Rights Reserved", "© picture alliance/dpa")
    page = Page.from_text(Document(id="t", text=pic), pic, kind="text")
    ctx = Context(page=page, config=replace(DEFAULT_CONFIG, params={"N102": {"template_run": 99}}))
    ctx.results["noise"] = noise.run(ctx)
    assert all(label(ctx, n)[0] == "body" for n in range(8, 16))


def test_intro_above_the_table_of_contents_is_kept():
    intro = ("Ist deine Katze häufig allein? Dann ist es wichtig, dass sie ausreichend beschäftigt wird. "
             "Mit einem elektrischen Spielzeug kann sie auch allein spielen.")
    toc = "Inhaltsverzeichnis\n  * 1 Das Wichtigste vorab\n  * 2 Spielzeuge im Vergleich\n"
    article = "\n".join(
        f"Im Abschnitt {k} geht es darum, wie sich Katzen beschäftigen lassen, wenn sie tagsüber allein "
        "sind, und welches Spielzeug ihnen dabei am meisten Freude macht, sagt die Tierärztin." for k in range(12))
    ctx = classify("Kaufratgeber: Katzenspielzeug\n" + intro + "\n" + toc + article + "\n")
    assert label(ctx, 2)[0] == "body"
    assert label(ctx, 3)[:2] == ("boilerplate", "toc")


def test_form_consent_and_prompt_phrases():
    bp = noise._data()["boilerplate"]

    def kind(text: str) -> str | None:
        return bp.kind(noise._strip_edges(text) or text, text, 120, 400)

    assert kind("E-Mail (wird benötigt und nicht veröffentlicht)") == "comment-form"
    assert kind("Teile diesen Beitrag auf Social Media.") == "share"
    assert kind("← Das irrwitzige IKT-Theater dieses Landes → Warum Michel Reimon nach Brüssel muss") == "related"
    assert kind("Ich bin mit der Verarbeitung meiner Daten nach Datenschutzerklärung einverstanden.") is not None
    assert kind("Benachrichtigung aktivieren Dürfen wir Sie in Ihrem Browser über die wichtigsten "
                "Nachrichten informieren?") is not None
    assert kind("Vergrößern Eine kleine runde Aussparung für die Facetime-Kamera im Display.") == "gallery"
    assert kind("Letzte Aktualisierung am 2.02.2022 / Bei den Verlinkungen handelt es sich um Affiliate Links") == "ads"
    # decoys: sentences of an article
    assert kind("Vergrößern Sie Ihr Netzwerk, indem Sie regelmäßig Veranstaltungen besuchen.") is None
    assert kind("Der Bürgermeister ist damit einverstanden, dass die Linie verlängert wird.") is None
    assert kind("Share prices fell sharply on Monday after the report was published.") is None


def test_ingredient_list_between_intro_and_method_is_text():
    """A recipe's ingredients ('125 g Mehl', '1 TL Backpulver') are too short to be text line by
    line; a run of them is part of the recipe. Survey options ('18 - 24', '5ft4-5ft7') are not."""
    intro = ("Dieser Kuchen ist der cremigste Kuchen, den ich kenne, und er gelingt auch Anfängern ohne "
             "Probleme, wenn man den Pudding rechtzeitig kocht und abkühlen lässt.")
    method = ("Als erstes den Pudding kochen und zum Abkühlen beiseitestellen. Dann den Boden kneten, in die "
              "Form drücken und den Schmand mit dem abgekühlten Pudding verrühren.")
    ingredients = "125 g Mehl\n65 g Zucker\n65 g Margarine oder Butter\n1 TL Backpulver\n500 ml Milch\n"
    # (the site's buttons and the nutrition table part the list from the method)
    widgets = "Drucken\nTeilen\nRezept speichern\nNährwerte pro Portion\nkcal\nEiweiß\nFett\nZubereitung\n"
    text = ("Mandarinen-Schmand-Kuchen\nZutaten\n" + ingredients + widgets + intro + "\n" + method + "\n"
            + method.replace("Als erstes", "Zuerst") + "\n")
    ctx = classify(text)
    assert all(label(ctx, n)[0] == "body" for n in range(3, 8))
    assert label(ctx, 8)[0] == "boilerplate"  # 'Drucken'
    assert ctx.results["noise"]["title_line"] == 1  # an ingredient in its list is not the headline
    page = Page.from_text(Document(id="t", text=text), text)
    off = Context(page=page, config=replace(DEFAULT_CONFIG, params={"N102": {"quantity_run": 99}}))
    off.results["noise"] = noise.run(off)
    assert label(off, 3)[0] == "boilerplate"  # without the rule the list is lost
    ls = [noise._Line(k, t) for k, t in enumerate(["18 - 24", "25 - 34", "5ft4-5ft7 (163cm-172cm)",
                                                   "6ft-6ft3 (183cm-192)", "6ft4+(193cm)"])]
    for ln in ls:
        ln.cls = "short"
    noise._mark_quantity_lists(ls, {"quantity_run": 4, "quantity_words": 6})
    assert all(ln.cls == "short" for ln in ls)


def test_about_box_header_parts_the_company_blurb_from_the_article():
    """'About DataFeedWatch' over the company's blurb after a post starts a box, like 'About
    the author'; 'About a buck an ear.' (a punchline) and 'About authentication and
    authorization' (a topic) are not such headers."""
    bp = noise._data()["boilerplate"]

    def kind(text: str) -> str | None:
        return bp.kind(noise._strip_edges(text) or text, text, 120, 400, phrases=False)

    assert kind("About DataFeedWatch") == "author-bio"
    assert kind("Über Cicero") == "author-bio"
    for text in ("About a buck an ear.", "About authentication and authorization", "About this recipe",
                 "About Us"):
        assert kind(text) != "author-bio", text
    blurb = ("DataFeedWatch by Cart.com is the top-rated global product feed management platform that "
             "enables eCommerce brands and agencies to optimise their product data for every channel.")
    ctx = classify("Council extends bus programme\n" + _paragraphs(5) + "\nAbout DataFeedWatch\n" + blurb + "\n")
    assert label(ctx, 7)[:2] == ("boilerplate", "author-bio") and label(ctx, 8)[0] == "boilerplate"


def test_long_bio_as_the_last_paragraph_is_dropped_but_not_in_the_middle():
    bio = ("Rebecca Norris is a full-time freelance writer living in the Washington, D.C. metro area. " * 6).strip()
    assert len(bio) > 400
    ctx = classify("Council extends bus programme\n" + _paragraphs(5) + "\n" + bio + "\n")
    assert label(ctx, 7)[:2] == ("boilerplate", "author-bio")
    # the same opening in the middle of the article describes its subject
    ctx = classify("Council extends bus programme\n" + _paragraphs(3) + "\n" + bio + "\n"
                   + _paragraphs(3, first=4) + "\n")
    assert label(ctx, 5)[0] == "body"


def test_disclaimer_disclosure_and_form_notice_phrases():
    bp = noise._data()["boilerplate"]

    def kind(text: str) -> str | None:
        return bp.kind(noise._strip_edges(text) or text, text, 120, 400)

    assert kind("The content contained in this blog post is intended for general informational purposes "
                "only and is not a substitute for advice.") == "footer"
    assert kind("Past performance is not a guarantee of future returns.") == "footer"
    assert kind("MAKERS MARKET and other logos, designs and service names are trademarks of our company.") == "footer"
    assert kind("Many of the offers that appear on this site are from companies from which we receive "
                "compensation.") == "ads"
    assert kind("You are using an out of date browser. It may not display this or other websites "
                "correctly.") == "cookie"
    assert kind("By checking this box, I authorize the company to send me marketing calls and text "
                "messages.") == "share"
    assert kind("If you see anything in the documentation that is not correct, please use this form to report "
                "a documentation issue.") == "call-to-action"
    # decoys: the same words in sentences of an article or a manual
    assert kind("This is for information purposes only. Mutating the values has no effect.") is None
    assert kind("Neumann had also planned to charge WeWork almost $6 million to use his trademark of the word "
                "“We” after the company rebranded itself The We Company.") is None
    assert kind("The cookies were baked for twenty minutes and cooled on a rack.") is None
    assert kind("Investors were told that the fund is subject to new rules from next year.") is None


def test_footer_without_stop_words_does_not_anchor_the_links_above_it():
    """On a page in a language with no stop-word list (a Korean column from the regression
    pages) a line is near-good by its end punctuation alone; the site's copyright footer
    ('... EnterMedia.co.kr . All right reserved.') must be recognised before the context pass,
    or the teaser links between the column and the footer become text."""
    text = (REGRESSION / "docs" / "sha_c53752d695f4.txt").read_text(encoding="utf-8")
    ctx = classify(text)
    lines = [ln.text.strip() for ln in ctx.page.lines]
    footer = next(n for n, t in enumerate(lines, 1) if t.endswith("All right reserved."))
    teaser = next(n for n, t in enumerate(lines, 1) if t.startswith("* ‘골목식당’ 결국"))
    column = next(n for n, t in enumerate(lines, 1) if t.startswith("결국 어쩔 수 없이"))
    assert label(ctx, footer)[:2] == ("boilerplate", "footer")
    assert label(ctx, teaser)[0] == "boilerplate"
    assert label(ctx, column)[0] == "body"


def test_short_lines_between_cookie_texts_are_not_kept_once_the_texts_are_dropped():
    """A cookie dialog's paragraphs anchor its buttons and headers as text until the phrase
    search drops them: then the buttons go too (they had nothing else to stand on)."""
    product = [
        "Portman Lights P1 Retro Or EVO - 4 Units Roadcase",
        "BH #POP1REEVLRC4 • MFR #P1 RETRO OR EVO - LRC 4 UNITS",
        "Expected availability: 2-4 Weeks", "Free Standard Shipping", "Be the first to ask a question about this item",
    ]
    dialog = [
        ("We use cookies to improve your web browsing experience, enhance site security, and for marketing and "
         "promotional purposes. Cookies allow us to do things like remember your preferences and provide improved "
         "search results. For more information visit our web privacy policy here."),
        "Manage Cookie Preferences", "Accept All CookiesReject All Cookies", "Customize Your Cookie Settings",
        ("Cookies are small data files that allow a website to collect and store data on your desktop computer, "
         "laptop or mobile device. Cookies help us to provide important features and functionality on our websites "
         "and mobile apps. We use them to improve your customer experience."),
        "Essential Technologies",
        ("These technologies are strictly necessary to provide you with services available through our websites "
         "and to use some of its features, such as form submissions, media playback. To disable all cookies please "
         "use your browsers settings."),
        "Performance",
        ("Cookies collect information about how you use a website, like which pages you visited and which links "
         "you clicked on. Their sole purpose is to improve website functions. This includes cookies from "
         "third-party analytics services as long as the cookies are for the exclusive use of the owner of the "
         "website visited."),
        "Confirm", "Cancel",
    ]
    ctx = classify("\n\n".join(dialog + product) + "\n")
    kept = {ln.text for ln, lab in zip(ctx.page.lines, ctx.labels) if lab.label in ("body", "title")}
    for button in ("Manage Cookie Preferences", "Customize Your Cookie Settings", "Essential Technologies",
                   "Performance"):
        assert button not in kept
    assert "Expected availability: 2-4 Weeks" in kept  # the page's densest region instead


_THREAD_POST = """TissueBox

Member
Oct 25, 2017 13,539 Urinated States of America
  * Mar 27, 2025
  * #{n}
      {text}

"""


def test_forum_thread_replies_after_numbered_post_headers_are_text():
    """A reply is often one short sentence: next to the opening post it is a tiny cluster. Under
    numbered post headers ('#2', '#3') the sentences are the thread's text; the member lines
    between them are not. The same replies without numbers stay out (a teaser list)."""
    opening = ("You and your closest real-life/online friends have been chosen by a twist of fate to prevent "
               "the world's demise, and the only way to do that is to fight Giygas together. What's next? And "
               "is the Earth in good hands? Or, at the very least, are you going down partying? As for moi -- "
               "our ragtag bunch will go in blazing, praying, and karaoke-ing to Pollyanna, if nothing else.")
    replies = ["Do I unlock latent psychic powers throughout my journey?",
               "I can't comprehend the form of this threads attack",
               "My friends and I don't pray, so we're doomed.",
               "Man, I gotta solo Gigyas? Earth is doomed ;_;"]
    head = "Gaming Forum\n\nYou and your real life friends gotta go fight Giygas\n\n"
    text = head + "".join(_THREAD_POST.format(n=n, text=t) for n, t in enumerate([opening] + replies, 1))
    text += "Share:\n\nFacebook Twitter Reddit Email Link\n"
    ctx = classify(text)
    lab = {ln.text.strip(): lb.label for ln, lb in zip(ctx.page.lines, ctx.labels) if not ln.blank}
    for reply in replies:
        assert lab[reply] == "body", reply
    assert lab["Member"] != "body" and lab["Oct 25, 2017 13,539 Urinated States of America"] != "body"
    # numbers out of order are no thread
    text = head + "".join(_THREAD_POST.format(n=n, text=t) for n, t in zip([1, 5, 3, 2, 4], [opening] + replies))
    ctx = classify(text)
    lab = {ln.text.strip(): lb.label for ln, lb in zip(ctx.page.lines, ctx.labels) if not ln.blank}
    assert lab[opening] == "body" and lab[replies[0]] != "body"


def test_customer_reviews_part_from_the_product_description():
    """'Verified buyer' marks a shop's reviews: they are not the product page's text."""
    description = ("Our most economical do-everything toolkit. The Essential Electronics Toolkit is what you need "
                   "to fix phones, laptops, game consoles and most other gadgets, with a precision bit driver, "
                   "64 bits, a spudger, tweezers and an opening tool, all in a compact case.")
    text = ("Essential Electronics Toolkit\n\n$29.95\n\n" + description + "\n\nWrite a review\n\n"
            "In-Bum Woo\n\nVerified buyer\n\nlast week\n\n"
            "I had tried using the left over plastic tools from a previous iPhone battery replacement, but this kit "
            "made the whole job much easier and I would buy it again.\n\n"
            "Stu W\n\nVerified buyer\n\n3 weeks ago\n\nVery useful to have, good quality, cheap.\n")
    ctx = classify(text)
    lab = {ln.text.strip(): lb for ln, lb in zip(ctx.page.lines, ctx.labels) if not ln.blank}
    assert lab[description].label == "body"
    assert (lab["Verified buyer"].label, lab["Verified buyer"].kind) == ("boilerplate", "reviews")
    assert lab["Write a review"].kind == "reviews"
    assert lab["Very useful to have, good quality, cheap."].label != "body"
    assert lab["I had tried using the left over plastic tools from a previous iPhone battery replacement, but this "
               "kit made the whole job much easier and I would buy it again."].label != "body"


# a long article with an inline link (real lines of a WCXB DEV page, CC-BY-4.0: language trends)
_LANGUAGES_BEFORE = [
    ('C# is experiencing remarkable growth in 2025, ranking #5 across TIOBE, RedMonk, and GitHub—and '
     'posting the fastest growth rate of any major language (+2.67% in TIOBE). This surge has positioned '
     "C# to potentially surpass Java for the first time in TIOBE's history, reflecting a fundamental shift"
     ' in the enterprise development landscape.'),
    ("C# added 136,735 contributors on GitHub in 2025 (+22.22% YoY), driven by Microsoft's transformation "
     'of the language into a fully cross-platform, open-source powerhouse. The language offers all the '
     'features developers expect, such as pattern matching, records, top-level statements, and nullable '
     "reference types, while being backed by Microsoft's continued investment and innovation."),
    ('As the primary language for .NET development, C# excels at building enterprise-level applications, '
     'web and mobile apps (via Xamarin and MAUI), cloud services on Azure, and game development with '
     "Unity. It's commonly used in fintech, healthcare, and e-commerce for mission-critical systems "
     'requiring security, performance, and scalability. C# also powers web scraping applications for '
     'market research, data extraction, and business intelligence.'),
    ('With its modern feature set, robust ecosystem, and cross-platform capabilities, C# developers are '
     'increasingly sought after as organizations modernize their tech stacks or choose between C# and Java'
     ' for new projects.'),
    ('Updates: C# 14, released with .NET 10 in April 2025, delivers substantial improvements for '
     'performance and productivity. Headline features include first-class support for Span<T> and '
     'ReadOnlySpan<T> with implicit conversions and extension method support, the field keyword (finalized'
     ' from preview) for simplified property declarations, null-conditional member access for assignments,'
     ' and preview support for extension members (properties and static members). These enhancements make '
     'high-performance, memory-safe code more accessible while reducing boilerplate.'),
    'PHP',
    ('PHP presents an interesting paradox in 2025: it ranks #4 on RedMonk (reflecting its massive existing'
     ' codebase and ongoing maintenance work), yet sits at #16 in TIOBE with a slight declining usage '
     '(-0.16%). According to Stack Overflow, PHP is used by 18.9% of developers. Its story is one of a '
     'mature language transitioning from widespread dominance to specialized relevance.'),
    ('PHP powered the early web and continues to run a significant portion of the internet, particularly '
     'through WordPress (which powers over 40% of all websites), Magento, Drupal, and other established '
     'platforms. This creates sustained demand for PHP developers skilled in maintaining, securing, and '
     'extending these systems.'),
    ("Laravel, PHP's modern framework, continues to drive new development with its elegant syntax and "
     'robust features, keeping PHP viable for web applications.'),
    ("However, PHP's popularity has declined as organizations have begun to favor JavaScript/Node.js, "
     'Python, or TypeScript for new greenfield projects. Modern alternatives offer better performance, '
     'stronger typing systems, and more active innovation.'),
    ("PHP's use is increasingly concentrated in specific scenarios: maintaining legacy systems, "
     'WordPress/e-commerce development, and cost-effective solutions for small to medium-scale web '
     'applications.'),
    ("Despite the decline, PHP's active community continues evolving the language with modern features, "
     'and its lower hosting costs and mature ecosystem ensure it remains a practical choice for certain '
     'projects.'),
    ('Updates: PHP 8.5, currently in development for a November 2025 release, introduces the highly '
     'anticipated pipe operator (|>) for functional programming workflows, new array_first and array_last '
     'functions, enhanced filter support with exception throwing, and improved CLI tooling with php '
     '--ini=diff. The release also includes the new IntlListFormatter class, stack trace support for Fatal'
     ' errors, and performance optimizations. PHP 8.4 (November 2024) brought Property Hooks, Asymmetric '
     'Visibility, and improved HTML5 support.'),
    'Programming Languages On the Rise',
    'Rust',
    ('Rust earned the title of "most admired programming language" in 2025 with a 72% admiration rating, '
     'reflecting widespread developer enthusiasm for its unique approach to memory safety and performance.'),
    ('Ranking #19 on RedMonk with 14.8% usage on Stack Overflow, Rust is steadily gaining traction as the '
     'preferred alternative to C and C++ for system programming, embedded systems, and '
     'performance-critical applications.'),
    ('Rust eliminates entire categories of bugs (null pointer dereferencing, data races, buffer overflows)'
     ' at compile time without sacrificing performance. This makes it particularly valuable in '
     'security-sensitive domains like fintech, blockchain, cloud infrastructure, and anywhere reliability '
     'is non-negotiable.'),
    ('Major organizations including Microsoft, Amazon (AWS), and Google are increasingly adopting Rust for'
     ' systems-level components.'),
    ('Updates: Rust 1.90.0, released September 18, 2025, made LLD the default linker on '
     'x86_64-unknown-linux-gnu for significantly faster compile times, added native Cargo support for '
     'workspace publishing (cargo publish --workspace), and stabilized several APIs for safer systems '
     "programming. The release demonstrates Rust's continued focus on developer experience and "
     'performance. With its 72% admiration rating and growing adoption in performance-critical systems, '
     'Rust continues its steady climb in enterprise adoption.'),
    'GoLang',
    ('Go remains a powerhouse for cloud infrastructure and distributed systems, ranking #12 on RedMonk and'
     " used by 16.4% of developers. While it dropped from #7 to #11 in TIOBE's November 2025 index, Go's "
     "practical importance hasn't diminished since it powers critical DevOps and infrastructure tools, "
     'including Kubernetes, Docker, Prometheus, and Terraform.'),
    ("Go's strength lies in building scalable, concurrent systems with exceptional performance. Its simple"
     ' syntax, fast compilation, built-in concurrency primitives (goroutines), and robust standard library'
     ' make it ideal for microservices, APIs, DevOps tools, and cloud-native applications.'),
    ('Companies seeking to build reliable backend infrastructure continue to seek Go developers, and its '
     'admiration rating of 56.5% reflects sustained developer satisfaction.'),
    ('Updates: Go 1.25 represents a significant practical release focused on reliability, performance, and'
     ' developer experience. Major improvements include the removal of "core types" from the specification'
     ' for clearer generic behavior, fixed nil-pointer handling that now reliably panics (addressing a bug'
     ' from Go 1.21-1.24), and DWARF v5 debug information by default for smaller binaries and faster '
     'linking. The release stabilizes testing/synctest for deterministic concurrency testing, introduces '
     'an experimental encoding/json/v2 engine with substantial performance improvements, and adds the '
     'FlightRecorder API for continuous runtime tracing. Runtime enhancements include container-aware CPU '
     'detection on Linux and an optional greenteagc garbage collector offering up to 40% faster memory '
     'cleanup. Tooling improvements like enhanced go vet, go doc -http for local documentation serving, '
     'and go build -asan for automatic memory leak detection round out this developer-focused update.'),
]
_LANGUAGES_AFTER = [
    'Swift',
    ('Swift has firmly established itself as the undisputed standard for iOS and macOS development, backed'
     " by Apple's full support and continuing evolution. Ranking #11 on RedMonk with 5.4% usage and a "
     '65.9% admiration rating, Swift combines clean syntax, memory safety, and performance that make it a '
     'favorite among mobile developers.'),
    ('With the iOS app market thriving and businesses prioritizing mobile-first strategies, Swift '
     "expertise remains critical. The language's evolution continues with improved concurrency models, "
     "better package management, and expanding capabilities beyond Apple's ecosystem into server-side "
     'development.'),
    ('Updates: Swift 6.2, released September 15, 2025, represents a major leap forward with approachable '
     'concurrency features (single-threaded by default, @concurrent attribute), safe systems programming '
     'additions (InlineArray, Span type), and official VS Code extension support with background indexing '
     'and built-in debugging. New capabilities include the Subprocess package for process management, '
     'WebAssembly support for browser and portable deployment, precise warning control at the diagnostic '
     'group level, and enhanced async debugging. These improvements make Swift more accessible while '
     'maintaining its performance and safety guarantees.'),
]


def test_inline_read_more_link_does_not_cut_the_article_in_two():
    """'Read more: <headline>' inside a long article is a link, not a related-links header: the
    sections after it are the article's; a header ('Lesen Sie auch die folgenden Beiträge:')
    still parts the page, and what follows it is weighed as a separate block."""
    for link, kept in (("Read more: Trust in the expertise of Softjourn's Golang developers", True),
                       ("Lesen Sie auch die folgenden Beiträge:", False)):
        ctx = classify("\n\n".join(_LANGUAGES_BEFORE + [link] + _LANGUAGES_AFTER) + "\n")
        lab = {ln.text.strip(): lb.label for ln, lb in zip(ctx.page.lines, ctx.labels) if not ln.blank}
        assert lab[link] == "boilerplate"
        assert lab[_LANGUAGES_BEFORE[-1]] == "body"
        assert (lab[_LANGUAGES_AFTER[-1]] == "body") is kept, link


_EVENTS = (  # a listing of conferences (wcx_3a9e5a16d2b5, DEV): every entry opens with its dates
    'dev.events',
    'Conferences Meetups Hackathons FAQ',
    'Tech conferences in Americas 2026 / 2027',
    'Conferences ✕ Americas ✕ Tech ✕',
    'Locations and topics Locations and topics',
    'Upcoming events Newest events',
    'Asia 187',
    'Africa 29',
    'Europe 792',
    'North America 394',
    'South America 44',
    'Oceania 38',
    'Online 167',
    'Best Tech conferences in Americas 2026 / 2027',
    'Best conference May 28-29 26',
    'The Principal Dev – Masterclass for Tech Leads',
    'Certification masterclass for experienced software engineers.',
    'Best conference May 28-29 26',
    'Clean Architecture Masterclass',
    'Certification masterclass for experienced Java developers.',
    'Best conference Sep 24-25 26',
    'Clean Code: The Next Level',
    'Advanced clean code certification training for Java developers.',
    'Mar 14 26',
    'Data Saturday Chicago 2026',
    'Tech conference in Chicago, Illinois, United States, North America',
    'Mar 14 26',
    'HackGDL 2026',
    'Tech conference in Guadalajara, Mexico, North America',
    'Mar 14 26',
    'AgentCon Toronto',
    'Tech conference in Toronto, Canada, North America',
    'Mar 14 26',
    'Chippewa Valley Code Camp 2026',
    'Tech conference in Eau Claire, Wisconsin, United States, North America',
    'Mar 14 26',
    'AWS Student Community Day at Saltillo',
    'Tech conference in Saltillo, Mexico, North America',
    'Mar 14 26',
    'AgentCon Toronto',
    'Tech conference in Toronto, Canada, North America',
    'Mar 16-20 26',
    'FABCON',
    'Tech conference in Atlanta, Georgia, United States, North America',
    'Mar 16-20 26',
    'Visual Studio Live! Las Vegas 2026',
    'Tech conference in Las Vegas, Nevada, United States, North America',
    'Mar 16-20 26',
    'HPSF Conference',
    'Tech conference in Chicago, Illinois, United States, North America',
    'Mar 16-19 26',
    'AI Conference',
    'Tech conference in San Jose, California, United States, North America',
    'Mar 16-20 26',
    'VSLive! Las Vegas 2026',
    'Tech conference in Las Vegas, Nevada, United States, North America',
    'Mar 16-20 26',
    'VSLive! Las Vegas',
    'Tech conference in Las Vegas, Nevada, United States, North America',
    'Mar 16-19 26',
    'NVIDIA GTC',
    'Tech conference in San Jose, California, United States, North America',
    'Mar 17-19 26',
    'JavaOne',
    'Tech conference in Redwood City, California, United States, North America',
    'Mar 17-19 26',
    'JavaOne',
    'Tech conference in Redwood City, California, United States, North America',
    'Mar 17-19 26',
    'SAP Concur Fusion New Orleans',
    'Tech conference in New Orleans, Louisiana, United States, North America and Online',
    'Mar 17-19 26',
    'JavaOne',
    'Tech conference in Redwood City, California, United States, North America',
    'Mar 18 26',
    'Jupyter Workshops: AI in Jupyter',
    'Tech masterclass in Seattle, Washington, United States, North America',
    'Mar 18-19 26',
    'DAM Los Angeles',
    'Tech conference in Los Angeles, California, United States, North America',
    'Mar 18 26',
    'Startups & Investors Pitch Night in Austin',
    'Tech conference in Austin, Texas, United States, North America',
    'Mar 19-20 26',
    'Pacific Northwest Software Symposium',
    'Tech conference in Seattle, Washington, United States, North America',
    'Mar 20-21 26',
    'Canadian Power Platform Summit 2026',
    'Tech conference in Vancouver, Canada, North America',
    'Mar 20 26',
    'QonfX',
    'Tech conference in San Francisco, California, United States, North America',
    'Mar 21-22 26',
    'PyCascades 2026',
    'Tech conference in Vancouver, Canada, North America',
    'Mar 21-22 26',
    'BSidesSF 2026',
    'Tech conference in San Francisco, California, United States, North America',
    'Mar 21-23 26',
    'North America MCT Summit 2026',
    'Tech conference in Redmond, Washington, United States, North America',
    'Mar 21-22 26',
    'The Diana Initiative @ BSides San Francisco',
    'Tech conference in San Francisco, California, United States, North America',
    'Mar 21 26',
    'Build With AI + IWD Tegucigalpa 2026',
    'Tech conference in Tegucigalpa, Honduras, South America',
    'Mar 23-26 26',
    'DrupalCon Chicago 2026',
    'Tech conference in Chicago, Illinois, United States, North America',
    'Mar 23-26 26',
    'DrupalCon Chicago 2026',
    'Tech conference in Chicago, Illinois, United States, North America',
    'Show more',
    'showing 30 out of 438 conferences',
    'New event',
    'dev.events is the #1 tech conference listing. Coded at night under caffeine, ad-free, curated by tech community.',
    'RSS Questions Libraries and Frameworks',
    'Something went wrong while talking to the server. Please try again or contact [email protected] if the problem persists.',
)


def _labels_by_text(ctx: Context) -> dict[str, str]:
    return {ln.text.strip(): lb.label for ln, lb in zip(ctx.page.lines, ctx.labels) if not ln.blank}


def test_a_page_of_dated_teasers_keeps_them_all():
    # a listing page: every entry opens with its date, no entry is an article of its own (no long
    # paragraph) and together the entries far outweigh the largest: they are the page's text
    text = "\n\n".join(_EVENTS) + "\n"
    entries = ["HackGDL 2026", "Tech conference in Guadalajara, Mexico, North America",
               "Chippewa Valley Code Camp 2026", "AWS Student Community Day at Saltillo"]
    lab = _labels_by_text(classify(text))
    assert [lab[x] for x in entries] == ["body"] * 4
    assert lab["Asia 187"] == "boilerplate"  # the location facets stay out
    assert lab["Show more"] == "boilerplate"
    # without the rule the entries smaller than the largest are dropped as teasers
    page = Page.from_text(Document(id="t", text=text), text, kind="text")
    off = Context(page=page, config=replace(DEFAULT_CONFIG, params={"N102": {"listing_teasers": 99}}))
    off.results["noise"] = noise.run(off)
    assert [_labels_by_text(off)[x] for x in entries] == ["boilerplate"] * 4


def test_dated_teasers_beside_an_article_are_not_a_listing():
    # decoy: the largest entry now holds a long prose paragraph, so it is an article and the
    # small dated entries around it are teasers: the page is labelled as without the rule
    i = _EVENTS.index("Tech conference in Toronto, Canada, North America", 40)
    prose = next(x for x in _CERT_GUIDE if len(x) > 300 and x.endswith(".") and x[:1].isalpha())
    text = "\n\n".join(_EVENTS[:i + 1] + (prose,) + _EVENTS[i + 1:]) + "\n"
    page = Page.from_text(Document(id="t", text=text), text, kind="text")
    off = Context(page=page, config=replace(DEFAULT_CONFIG, params={"N102": {"listing_teasers": 99}}))
    off.results["noise"] = noise.run(off)
    lab = classify(text).labels
    assert [lb.label for lb in lab] == [lb.label for lb in off.labels]
    assert lab[text[:text.index(prose)].count("\n")].label == "body"



_CERT_GUIDE = (  # an article on business certifications (wcx_ffe0e1571648, DEV)
    'Project management',
    'Certified Associate in Project Management (CAPM)',
    'The Project Management Institute (PMI) has been around since 1969, helping business workers develop careers in project management, mainly through professional development and certifications.',
    '• Why it matters: The CAPM is ideal for up-and-coming project managers looking to establish credibility and advance their earning potential by up to 25 percent more than non-certified professionals.',
    '• Requirements and format: You need to show proof of a high school diploma, GED or global equivalent. By the time you take the exam, you need to have attained 23 hours of project management education. The single exam has 150 questions and is available through Pearson VUE.',
    '• Target audience: Entry-level to mid-level professionals seeking their first project management credential.',
    '• Cost: $225 for PMI members or $300 for nonmembers. The certification is valid for five years and you must retake the exam to maintain the credential.',
    'PMI has other certifications aimed at the business community, such as the Project Management-related credentials: Professional, PMI Professional in Business Analysis, Portfolio Management Professional, Program Management Professional and PMI Scheduling Professional.',
    '>> Get Started: Certified Associate in Project Management (CAPM)',
    'Project Management Professional (PMP)',
    'The PMP from PMI is among the most recognized and sought-after certifications for both business and information technology. The requirements are stiff but the career benefits are substantial, with PMP holders commanding some of the highest premiums in project management.',
    '• Why it matters: Among the most in-demand certifications with 24,780 job postings mentioning PMP specifically as of Q1 2025.',
    '• Requirements and format: Option one requires a high school diploma, associate degree or global equivalent; 60 months experience leading projects; and 35 hours of project management education. Option two is a four-year degree, 36 months leading projects and 35 hours of project management education. You must pass a 180-question exam to earn the PMP, which is available through Pearson VUE.',
    '• Target audience: Mid-level to senior project managers with significant hands-on experience.',
    '• Cost: The exam costs $425 for PMI members and $675 for nonmembers. You maintain the PMP certification by earning 60 professional development units every three years.',
    '>> Get Started: Project Management Professional (PMP)',
    'Did You Know?',
    'Exam Edge offers affordable practice tests for both the PMP and CAPM certifications.',
    'Business analysis',
    'Certified Business Analysis Professional (CBAP)',
    'If you’re interested in analyzing business needs and coming up with solutions, take a look at the CBAP by the International Institute of Business Analysis (IIBA).',
    '• Why it matters: The CBAP is an advanced certification aimed at managers and leaders, with strong market demand reflected in over 3,200 job postings as of Q1 2025.',
    '• Requirements and format: You need at least 7,500 hours of business analysis experience over the last decade and 900 of those hours must directly relate to four of the six BABOK Guide knowledge areas. On top of that, you need at least 35 hours of professional development credits (earned over the last four years), plus two references. The CBAP exam has 120 multiple-choice questions, based on scenarios and case studies and is available through PSI.',
    '• Target audience: Senior business analysts and managers with more than five years of business analysis experience.',
    '• Cost: The exam costs $350 for IIBA members or $505 for nonmembers and a $145 application fee is required. To maintain the CBAP, credential holders must earn at least 60 continuing development units within three years of achieving certification.',
    'The IIBA offers related credentials, such as the Entry Certificate in Business Analysis, Certificate of Capability in Business Analysis, Agile Analysis Certification and Certification in Business Data Analytics.',
    '>> Get Started: Certified Business Analysis Professional (CBAP)',
    'Supply chain management',
    'Certified Supply Chain Professional (CSCP)',
    'The American Production and Inventory Control Society (APICS) is all about understanding the supply chain. As part of its goal to develop qualified operators, supervisors and leaders, it offers the Certified Supply Chain Professional (CSCP) and a few other certifications.',
    '• Why it matters: APICS-certified supply chain professionals earn median salaries of $100,000 – 27 percent greater than those with no certification, with CSCP holders specifically earning 36 percent higher salaries, according to ASCM’s 2023 supply chain salary report.',
    '• Requirements and format: To earn the CSCP, you need a bachelor’s degree or equivalent, at least one other approved certification and at least three years of related business experience. The CSCP covers supply chain concepts and technology, plus strategies for end-to-end operations, from supplier to company to consumer.',
    '• Target audience: Supply chain professionals with bachelor’s degrees and at least three years of relevant experience.',
    '• Cost: You also need to pass an exam that costs $1,420 to $1,975, depending on your APICS membership status.',
    '>> Get Started: Certified Supply Chain Professional (CSCP)',
    'Customer relationship management (CRM)',
    'SAP Certified Application Associate – CRM',
    'Are you SAP savvy? SAP, a European multinational software program, stands for “systems, applications and products.” The software is used by companies around the world to manage business operations and customer relationships across several lines of business, including human resources, marketing, sales, manufacturing and supply chain.',
    '• Why it matters: The SAP Certified Application Associate – CRM recognizes a consultant’s skills in understanding and using SAP CRM software, including how it integrates with other SAP solutions like NetWeaver.',
    '• Requirements and format: SAP recommends that candidates have a combination of experience and training before sitting for the certification exam; training courses are available if needed. The exam has 80 questions and you can take the exam through the SAP Certification Hub.',
    '• Target audience: IT professionals and business consultants working with SAP systems.',
    '• Cost: The exam costs $560 in the United States.',
    '>> Get Started: SAP Certified Application Associate – CRM',
    'Salesforce Certified Administrator',
    'If you’ve ever worked with or considered using a CRM platform, you’ve likely heard of Salesforce. From help desk and lead management to sales and customer service, Salesforce is an all-in-one CRM platform that scales with a business’ needs as it grows. The platform has become so popular since its launch in 1999 that it’s considered an industry leader and one of the best CRM solutions available.',
    '• Why it matters: If you’re looking to leverage the platform at an administrative level, Salesforce offers this certification program to increase your knowledge of the platform.',
    '• Requirements and format: The program requires you to take several classes and workshops before completing a proctored credential exam. Salesforce suggests that anyone seeking this certification should already have a decent handle on the platform since the certification seeks to build upon their understanding of existing features and functions.',
    '• Target audience: Salesforce administrators and power users seeking formal recognition of their platform expertise.',
    '• Cost: The exam typically costs $200. Once you complete this program, the company also offers the Advanced Administrator certification to further your knowledge of the platform.',
    '>> Get Started: Salesforce Certified Administrator',
)

_CERT_TABLE = (  # its table of job counts: short cells, no text
    '3,203',
    '3,923',
    'CBAP',
    '320',
    '2,931',
    '3,251',
    'CSCP',
    '595',
    '2,711',
    '3,306',
    'PMP',
    '21,504',
    '3,276',
    '24,780',
    'SAP Certified Application Associate – CRM',
    '15',
    '3,286',
    '3,301',
    'Salesforce Certified Administrator',
    '366',
    '1,388',
    '1,754',
    'HubSpot Inbound Marketing',
    '491',
    '2,826',
    '3,371',
    'OCP',
    '272',
    '2,332',
    '2,604',
)

_CERT_FAQ = (  # its FAQ below the table: a second stretch of text, far smaller than the article
    'FAQs',
    'What are the best business certifications to enhance my resume?',
    'The most impactful certifications depend on your field; however, some of the best business certifications to strengthen your resume include PMP, CBAP, CSCP and digital marketing credentials like Google Analytics or HubSpot. These are highly recognized by employers and show expertise in key business areas.',
    'Are there free business certifications available online?',
    'Yes, several reputable organizations offer free business certifications online, such as Google’s Digital Garage, HubSpot Academy and Salesforce Trailhead. These platforms provide free courses and certification exams in marketing, sales, analytics and general business skills.',
    'Which business certification offers the highest ROI?',
    'Certifications in project management, cloud technologies and cybersecurity often offer the highest ROI, with credentials leading to above-average salary increases, promotion opportunities and strong demand across industries.',
)


def _with_params(text: str, **params) -> dict[str, str]:
    page = Page.from_text(Document(id="t", text=text), text, kind="text")
    ctx = Context(page=page, config=replace(DEFAULT_CONFIG, params={"N102": params}))
    ctx.results["noise"] = noise.run(ctx)
    return _labels_by_text(ctx)


def test_a_long_stretch_of_text_below_the_article_is_kept():
    # the FAQ under a table is far smaller than the article (under cluster_share of it), but a
    # stretch of text this long is a part of the page, not a teaser; the test lowers the length
    # to the FAQ's (the DEV pages have FAQs and comparison tables of 2000+ characters)
    text = "\n\n".join(_CERT_GUIDE + _CERT_TABLE + _CERT_FAQ) + "\n"
    faq = _CERT_FAQ[2]
    assert _with_params(text)[faq] == "boilerplate"  # default length: 2000 characters
    lab = _with_params(text, cluster_keep_chars=900)
    assert lab[faq] == "body" and lab[_CERT_FAQ[5]] == "body"
    assert lab[_CERT_TABLE[-1]] == "boilerplate"  # the table's cells stay out
    # decoy: a related-links header parts the page first, so the same stretch is dropped
    parted = "\n\n".join(_CERT_GUIDE + _CERT_TABLE + ("Related Articles",) + _CERT_FAQ) + "\n"
    assert _with_params(parted, cluster_keep_chars=900)[faq] == "boilerplate"


def test_feedback_widget_lines_are_boilerplate():
    lines = ["Skye Schooley and Kim Lindros contributed to this article.",  # (wcx_ffe0e1571648)
             "Did you find this content helpful?", "YesNo", "Thank you for your feedback!",
             "How are we doing?", "Give us feedback on this page."]
    ctx = classify("\n\n".join(_CERT_GUIDE[:12] + tuple(lines)) + "\n")
    lab = _labels_by_text(ctx)
    assert [lab[x] for x in lines[1:]] == ["boilerplate"] * 5
    assert lab[lines[0]] == "body"
    # decoys: a sentence that only mentions feedback, an answer starting with 'Yes'
    for text in ("Thank you for your feedback on the draft; we changed the second chapter.",
                 "Yes, several reputable organizations offer free business certifications online."):
        assert noise._data()["boilerplate"].kind(text, text, 120, 400, phrases=False) is None


def test_bookmark_button_disclosure_letters_citation_and_comment_prompts():
    # real lines from scraped pages, each between paragraphs of an article in the line's language
    de = ("Die Stadt hat am Montag beschlossen, den Marktplatz bis zum Sommer umzubauen und "
          "die Bäume zu erhalten, wie der Bürgermeister in der Sitzung des Rates erklärte.\n")
    en = ("I didn’t exactly grow up in an organic household, and my dad has worked in the farm "
          "chemical industry for years, both selling and applying herbicides.\n")
    pl = ("Rada miasta zdecydowała w poniedziałek, że przebudowa rynku potrwa do lata, a drzewa "
          "rosnące przy ratuszu zostaną zachowane, jak wyjaśnił prezydent podczas sesji.\n")
    for prose, line, kind in [
        (de, "Merken", "share"),
        (en, "We recommend the best products through an independent review process, and advertisers do not "
             "influence our picks. We may receive compensation if you visit partners we recommend. Read our "
             "advertiser disclosure for more info.", "ads"),
        (en, "Submit your letter to the editor via this form. Read more Letters to the Editor.", "comment-form"),
        (en, "Share your thoughts and debate the big issues", "comment-form"),
        (de, "SUGGESTED CITATION Sauer, Heiko: Expert*innen in der Krise, VerfBlog, 2020/4/09, "
             "https://verfassungsblog.de/expertinnen-in-der-krise/.", "footer"),
        (pl, "Czytasz właśnie nowy rodzaj materiału na naszym portalu. W krótki sposób informujemy Cię o tym, co "
             "ważne z perspektywy naszych priorytetów. Wesprzyj nas darowizną lub przekaż nam 1% podatku.", "donation"),
    ]:
        ctx = classify(prose + prose + line + "\n" + prose)
        assert label(ctx, 3)[:2] == ("boilerplate", kind), line
    # decoys: prose that uses the same words about something else stays body
    for prose, line in [
        (de, "Merken Sie sich den Termin: Am 12. Mai öffnet der Markt wieder, wie die Verwaltung mitteilte."),
        (en, "The union said workers may receive compensation for the lost shifts once the plant reopens in May."),
        (en, "Readers were asked to share their thoughts on the plan at a public meeting in the town hall last week."),
        (en, "In a letter to the editor of the local paper, residents said the trees should stay where they are."),
        (pl, "Fundacja poprosiła mieszkańców, by przekazali 1% podatku na remont schroniska, co pozwoliło zebrać pieniądze."),
    ]:
        ctx = classify(prose + prose + line + "\n" + prose)
        assert label(ctx, 3)[0] == "body", line


def test_heading_over_a_menu_heads_the_menu_not_the_article():
    """A section name over a run of menu entries ('All Football' over '• UK News', The Sun) is
    the menu's header: it must not pass for a heading that introduces the article and so keep
    the menu as text. A heading over a list of titles (PostgreSQL wiki) still introduces it."""
    sun = classify(
        "Search\n\n  • Home\n  • Football\n  • Sport\n  • TV & Showbiz\n  • News\n  • Money\n\n"
        "All Football\n\n  • All News\n  • UK News\n  • World News\n  • Brexit\n  • Politics\n  • Opinion\n"
        "  • Health News\n\nBLACK DEATH FEARS\n\nHunter diagnosed with bubonic plague after eating a rabbit "
        "making him third Beijing local to contract medieval disease\n\n  • Debbie White\n\n"
        "  • 18 Nov 2019, 19:09\n  • Updated: 18 Nov 2019, 19:11\n\n"
        "A HUNTER who killed and ate a wild rabbit in China has been hit by the deadly bubonic plague.\n\n"
        "The 55-year-old is the third Beijing resident to contract the medieval disease dubbed the Black Death, "
        "say officials.\n\nHealth bosses said that 28 people in close contact with the hunter were initially "
        "quarantined to stop it being transmitted further.\n\nThe man told doctors he ate the rabbit meat in "
        "Inner Mongolia on November 5.\n\nHe was admitted to hospital on Saturday, where he has been given "
        "several types of antibiotics to fight the disease, while being kept in isolation.\n")
    assert [label(sun, k)[0] for k in range(10, 19) if k != 11] == ["boilerplate"] * 8
    assert label(sun, 22)[0] == "title"
    assert label(sun, 26)[:2] == ("meta", "date") and label(sun, 29)[0] == "body"
    wiki = classify(
        "How to Effectively Ask Questions Regarding Performance on Postgres Lists\n\n  * Slow_Query_Questions\n\n"
        "General Setup and Optimization\n\n"
        "  * Tuning Your PostgreSQL Server by Greg Smith, Robert Treat, and Christopher Browne\n"
        "  * PostgreSQL Query Profiler in dbForge Studio by Devart\n  * Performance Tuning PostgreSQL by Frank Wiles\n"
        "  * QuickStart Guide to Tuning PostgreSQL by Christopher Browne\n"
        "  * Performance Tuning by Josh Berkus and Shridhar Daithankar\n"
        "  * Replacing Slow Loops in PostgreSQL by Joel Burton\n"
        "  * PostgreSQL Hardware Performance Tuning by Bruce Momjian\n"
        "  * The effects of data fragmentation in a mixed load database by Dmitry Dvoinikov\n\n"
        "Performance courses are available from a number of companies. Check events and trainings for further "
        "details.\n")
    assert [label(wiki, k)[0] for k in range(7, 15)] == ["body"] * 8
_DEAL_ARTICLE = (  # a sponsored deal article and the teasers under it (wcx_e695afaa4aa6, DEV)
    "Put a powerful MacBook Pro under the tree for less than $450",
    "Get all the perks of a MacBook Pro for a fraction of the price.",
    "By",
    "Sponsored by StackCommerce",
    "on December 19, 2025",
    "Share on Facebook Share on Twitter Share on Flipboard",
    "The following content is brought to you by Mashable partners. If you buy a product featured here, we may earn an affiliate commission or other compensation.",
    "This MacBook Pro is over $1,300 off just in time for the holidays Credit: Apple",
    "Deal pricing and availability subject to change after time of publication.",
    "TL;DR: Bring home a MacBook Pro for just $429.99 (reg. $1,799) while supplies last.",
    "Opens in a new window",
    "Credit: Apple",
    "Apple Macbook Pro (2020) i5 2GHz Touchbar 16GB RAM 512GB SSD Silver (Refurbished)",
    "$429.99",
    "$1,799 Save $1,369.01",
    "Get Deal",
    "Looking for a laptop that can keep up with your demands? You can’t do much better than a MacBook Pro. Apple’s most powerful and portable device typically comes with a steep price tag. Luckily, this deal arrived just in time for the holiday season.",
    "Right now, you can put a MacBook Pro under the tree for just $429.99 — 76% off its regular $1,799 price tag — while supplies last.",
    "Mashable Deals",
    "Be the first to know!",
    "Get editor selected deals texted right to your phone!",
    "Get editor selected deals texted right to your phone!",
    "Loading... Sign Me Up",
    "By signing up, you agree to receive recurring automated SMS marketing messages from Mashable Deals at the number provided. Msg and data rates may apply. Up to 2 messages/day. Reply STOP to opt out, HELP for help. Consent is not a condition of purchase. See our Privacy Policy and Terms of Use.",
    "Thanks for signing up!",
    "The MacBook Pro was built to keep up with your busy life. A 10th Gen Intel Core i5 processor has a 2GHz base speed with a boost up to 3.8GHz when you have a heavier workload, so all your multitasking needs are met.",
    "All that power won’t weigh you down — this sleek silver laptop weighs just 3.1 pounds. It includes some of Apple’s most helpful features, like the Touch Bar, which offers customization and puts shortcuts at the top of your keyboard. A Magic Keyboard makes typing comfortable for hours, and True Tone technology on the 13.3-inch display adjusts to your lighting to help reduce eye strain.",
    "This MacBook Pro offers 512GB of storage, so you have plenty of space to store files locally and download your must-have apps. And you won’t need to be tethered to an electrical outlet because a full charge lasts an impressive 10 hours.",
    "You’re saving over $1,300 on this model thanks to its grade A refurbished status. That means it will arrive on your doorstep in near-mint condition with virtually no signs of prior use, while you score a deep discount.",
    "Mashable Deals",
    "Awesome products and offers, hand-picked for you.",
    "Sign up now for the Mashable Deals newsletter.",
    "Loading... Sign Me Up",
    "Use this instead",
    "By clicking Sign Me Up, you confirm you are 16+ and agree to our Terms of Use and Privacy Policy.",
    "Be the first to know!",
    "Get editor selected deals texted right to your phone!",
    "Get editor selected deals texted right to your phone!",
    "Loading... Sign Me Up",
    "By signing up, you agree to receive recurring automated SMS marketing messages from Mashable Deals at the number provided. Msg and data rates may apply. Up to 2 messages/day. Reply STOP to opt out, HELP for help. Consent is not a condition of purchase. See our Privacy Policy and Terms of Use.",
    "Thanks for signing up!",
    "Act fast to get a MacBook Pro for only $429.99 (reg. $1,799) while supplies last.",
    "StackSocial prices subject to change.",
    "Topics Apple",
    "Recommended For You",
    "Get a MacBook Pro with 1TB of storage for under $450 while supplies last",
    "This MacBook Pro comes packed with massive storage capabilities without breaking the bank.",
    "09/28/2025",
    "By Sponsored by StackCommerce",
    "Get the MacBook Pro with M4 chip for $200 off ahead of the new MacBook drop",
    "Not quite its lowest price ever, but still a great deal.",
    "10/16/2025",
    "By Samantha Mangino",
    "The best Black Friday MacBook deals live right now: Record-low prices on MacBook Air and MacBook Pro with M5 chip",
    "Our top pick for students is sitting at a record-low price.",
    "11/26/2025",
    "By Lauren Allain",
    "The best Black Friday MacBook deals: Record-low price on MacBook Air M4 and MacBook Pro M5",
    "Our top pick for students is sitting at its best-ever price.",
    "11/28/2025",
    "By Lauren Allain and Samantha Mangino",
    "The best Black Friday MacBook deals still live: Record-low price on MacBook Air M4 and MacBook Pro M5",
    "Our top pick for students is sitting at its best-ever price.",
    "11/29/2025",
    "By Lauren Allain and Samantha Mangino",
    "More in Tech",
    "How to watch Miami FL vs. Texas A&M online for free",
    "Live stream all the action from the College Football Playoffs first round from anywhere in the world.",
    "5 hours ago",
    "By Matt Ford",
    "How to watch James Madison vs. Oregon online for free",
    "Live stream all the action from the College Football Playoffs first round from anywhere in the world.",
    "5 hours ago",
    "By Matt Ford",
    "How to watch Tulane vs. Ole Miss online for free",
    "Live stream all the action from the College Football Playoffs first round from anywhere in the world.",
    "5 hours ago",
    "By Matt Ford",
    "Best theater of 2025, and how you can see these shows",
    "From Broadway hits to Off-Broadway gems, and even the \"flops\" we loved!",
    "5 hours ago",
    "By Chase DiBenedetto , Belen Edwards , and Kristy Puchko",
    "This documentary streaming service makes lying on the couch feel productive",
    "Score a lifetime of documentaries for half off.",
    "16 hours ago",
    "By Sponsored by StackCommerce",
    "Trending on Mashable",
    "NYT Connections hints today: Clues, answers for December 20, 2025",
    "Everything you need to solve 'Connections' #923.",
    "12 hours ago",
    "By Mashable Team",
    "Wordle today: Answer, hints for December 20, 2025",
    "Here are some tips and tricks to help you find the answer to \"Wordle\" #1644.",
    "12 hours ago",
    "By Mashable Team",
    "Wordle today: Answer, hints for December 19, 2025",
    "Here are some tips and tricks to help you find the answer to \"Wordle\" #1643.",
    "12/19/2025",
)

_JOB_LISTING = (  # a listing of job posts, each closed by its age (wcx_95798facd61a, DEV)
    "Hacker Newsnew | past | comments | ask | show | jobs | submitlogin",
    "These are jobs at YC startups. See more at ycombinator.com/jobs.",
    "1.SigNoz (YC W21) is hiring for engineering, growth and product roles (signoz.io)",
    "17 hours ago",
    "2.Multifactor (YC F25) Is Hiring an Engineering Lead (ycombinator.com)",
    "1 day ago",
    "3.Stardex (YC S21) is hiring customer success engineers (ycombinator.com)",
    "2 days ago",
    "4.Structured AI (YC F25) Is Hiring (ycombinator.com)",
    "2 days ago",
    "5.Roboflow (YC S20) Is Hiring a Security Engineer for AI Infra (roboflow.com)",
    "3 days ago",
    "6.Jiga (YC W21) Is Hiring (jiga.io)",
    "3 days ago",
    "7.Reflex (YC W23) Is Hiring Software Engineers – Python (ycombinator.com)",
    "5 days ago",
    "8.Kyber (YC W23) Is Hiring an Enterprise Account Executive (ycombinator.com)",
    "8 days ago",
    "9.Ubicloud (YC W24): Software Engineer – $95-$250K in Turkey, Netherlands, CA (ycombinator.com)",
    "9 days ago",
    "10.LiteLLM (YC W23): Founding Reliability Engineer – $200K-$270K and 0.5-1.0% equity (ycombinator.com)",
    "9 days ago",
    "11.Bild AI (YC W25) Is Hiring Interns to Make Housing Affordable (workatastartup.com)",
    "9 days ago",
    "12.Hightouch (YC S19) Is Hiring (hightouch.com)",
    "9 days ago",
    "13.Trellis AI (YC W24) is hiring deployment lead to accelerate medication access (ycombinator.com)",
    "10 days ago",
    "14.Event Horizon Labs (YC W24) Is Hiring (ycombinator.com)",
    "10 days ago",
    "15.Corgi Labs (YC W23) Is Hiring (ycombinator.com)",
    "11 days ago",
    "16.Verge (YC S15) Is Hiring a Director of Computational Biology and AI Scientists/Eng (ashbyhq.com)",
    "11 days ago",
    "17.SIM (YC X25) Is Hiring the Best Engineers in San Francisco (ycombinator.com)",
    "12 days ago",
    "18.Hadrius (YC W23) Is Hiring Designers Who Code (ycombinator.com)",
    "12 days ago",
    "19.Bitmovin (YC S15) Is Hiring Interns in AI for Summer 2026 in Austria (bitmovin.com)",
    "13 days ago",
    "20.Padlet (YC W13) Is Hiring in San Francisco and Singapore (padlet.jobs)",
    "14 days ago",
    "21.Legion Health (YC) Is Hiring Cracked SWEs for Autonomous Mental Health (ashbyhq.com)",
    "15 days ago",
    "22.9 Mothers (YC X26) Is Hiring (ashbyhq.com)",
    "15 days ago",
    "23.Hyperbound (YC S23, Series A) needs a Engineer with something to prove (ycombinator.com)",
    "15 days ago",
    "24.Metriport (YC S22) is hiring a security engineer to harden healthcare infra (ycombinator.com)",
    "17 days ago",
    "25.Activeloop (YC S18) Is Hiring Back End Engineer (Go) (dover.com)",
    "17 days ago",
    "26.Weave (YC W25) Is Hiring ML, Design, and Product Engineers (ashbyhq.com)",
    "17 days ago",
    "27.Flexport Is Hiring Engineers in Amsterdam (flexport.com)",
    "17 days ago",
    "28.Zep AI (Building the Context Graph, YC W24) Is Hiring Engineers (ycombinator.com)",
    "17 days ago",
    "29.Stardex (YC S21) Is Hiring (ycombinator.com)",
    "18 days ago",
    "30.Structured AI (YC F25) Is Hiring (ycombinator.com)",
    "18 days ago",
    "More",
    "Guidelines | FAQ | Lists | API | Security | Legal | Apply to YC | Contact",
    "Search:",
)


def test_sign_up_widgets_and_teasers_closed_by_their_age_stay_out_of_a_deal_article():
    """A deal article with sign-up widgets inside it and teasers under it, each teaser closed
    by its age ('5 hours ago'): the ages part the teasers, so they are small next to the article
    and stay out; the widgets' prompts and consent lines are phrases, which do not part the text."""
    lab = _labels_by_text(classify("\n\n".join(_DEAL_ARTICLE) + "\n"))
    for line in ("Deal pricing and availability subject to change after time of publication.",
                 "Opens in a new window", "Be the first to know!", "Loading... Sign Me Up",
                 "Sponsored by StackCommerce",
                 next(x for x in _DEAL_ARTICLE if x.startswith("By signing up, you agree")),
                 "By clicking Sign Me Up, you confirm you are 16+ and agree to our Terms of Use and Privacy Policy."):
        assert lab[line] == "boilerplate", line
    for line in ("How to watch Miami FL vs. Texas A&M online for free", "5 hours ago",
                 "Best theater of 2025, and how you can see these shows", "Trending on Mashable"):
        assert lab[line] == "boilerplate", line
    assert lab["Act fast to get a MacBook Pro for only $429.99 (reg. $1,799) while supplies last."] == "body"
    assert next(v for k, v in lab.items() if k.startswith("The MacBook Pro was built to keep up")) == "body"


def test_a_listing_of_entries_closed_by_their_age_keeps_the_ages():
    """A job board: every entry is followed by its age ('9 days ago'). The entries are the page,
    and an entry's age is part of it (with teasers closed by a date not counted, it is dropped)."""
    text = "\n\n".join(_JOB_LISTING) + "\n"
    ctx = classify(text)
    numbers = [k + 1 for k, line in enumerate(ctx.page.lines) if line.text.startswith(("13.Trellis", "20.Padlet"))]
    assert [label(ctx, n)[0] for n in numbers] == ["body", "body"]
    ages = [n + 2 for n in numbers]  # (a blank line between)
    assert [ctx.page.lines[n - 1].text for n in ages] == ["10 days ago", "14 days ago"]
    assert [label(ctx, n)[0] for n in ages] == ["body", "body"]
    assert label(ctx, len(ctx.page.lines) - 3)[0] == "boilerplate"  # 'Guidelines | FAQ | ...'
    page = Page.from_text(Document(id="t", text=text), text, kind="text")
    off = Context(page=page, config=replace(DEFAULT_CONFIG, params={"N102": {"teaser_lines": 0}}))
    off.results["noise"] = noise.run(off)
    assert [off.labels[n - 1].label for n in ages] == ["boilerplate", "boilerplate"]


def test_a_category_line_with_its_label_is_meta_wherever_it_is():
    """'Kategorie: ...' under a blog post, above its comment form (trafilatura evaluation page):
    the lines there are not at the article's edge, but a category named with its label is meta."""
    lines = (
        "Das ist natürlich leicht zu sagen, wenn man in einer privilegierten Welt lebt, wie wir. Aber auch hier sind Menschen oft gefangen und eben nicht glücklich. Uns geht es gut und wir haben die Aufgabe uns deswegen auch um andere zu kümmern. Jeder sollte dieselbe Chance haben, ganz egal welche Herkunft oder welches Schicksal einen in diese Welt gebracht hat. Deswegen freue ich mich auch so sehr über unsere Kooperation mit dem Social Surf Club. Dieses Jahr finanzieren wir zum ersten Mal ein Girls Camp. 20 Mädchen, die sich in herausfordernden Lebenssituationen befinden und/oder sozial benachteiligt sind, haben die Möglichkeit diesen Sommer in Dänemark Surfen zu lernen. Hier können wir inspirieren, fördern und unterstützen, Wissen und Selbstbewusstsein vermitteln.",
        "Ich muss es einfach fragen: Können wir irgendwann Surfshorts für Männer und Jungs erwarten? Mein Mann fragt scherzweise jedes Jahr, wann die MYMARINOs herauskommen.",
        "Ja, das kenne ich! Bei uns arbeiten tatsächlich ja auch ein paar Männer. 🙂 Aber tatsächlich sehe ich das so: Schuster, bleib bei deinen Leisten! Ich glaube, es ist wirklich wichtig und richtig, dass man sich auf das besinnt, was man gut kann. Und der Erfolg liegt vielleicht auch darin, sich zu besinnen und anderen die Spielwiese für andere Themen zu überlassen.",
        "Wenn du Frauen mit einer unternehmerischen Vision einen Tipp geben könntest, welcher wäre es?",
        "Mein Tipp ist definitiv: machen! Es ist gut, realistisch zu bleiben, aber es ist auch nicht gut, wenn man vor lauter Sorge, was da vielleicht auf einen zukommen könnte, gar nicht erst anfängt.",
        "In Gesprächen höre ich oft raus, dass es das Geld ist, was Menschen daran hindert, mutig zu sein. Man hat Verpflichtungen, sich vielleicht an einen bestimmten Lebensstil gewöhnt…. aber dabei darf man eben nicht vergessen, glücklich zu sein. Wenn man sich wirklich hinterfragt und sich auch die Frage stellt „Was ist das Schlimmste, was passieren könnte?“ – dann kann man sicherlich die richtigen Prioritäten setzen. Vielleicht verschiebt man den Kauf einer Eigentumswohnung noch mal, weil eine großartige Idee in einem schlummert. Denn wenn man das tut, was einen wirklich glücklich macht, dann ist man damit auch erfolgreich!",
        "Vielen Dank für dieses schöne Interview, liebe Mareen.",
        "Meine Sommeraktion mit MYMARINI",
        "Ich war vor ein paar Wochen das erste Mal seit der Geburt meines Sohnes wieder in Hamburg, ein bisschen bummeln. Natürlich habe ich auch im neuen Store von MYMARINI vorbeigeschaut und bin in ein paar Outfits geschlüpft. Alle meine MYMARINI-Favoriten findet ihr jetzt gesammelt hier.",
        "Photocredits MYMARINI: Christin Schwarzer",
        "Kategorie: Alle Blogposts , Artikel , Blog , Fair Fashion , Go Green",
        "Leser-Interaktionen",
        "Schreibe einen Kommentar",
    )
    ctx = classify("\n\n".join(lines) + "\n")
    lab = {ln.text.strip(): (lb.label, lb.kind) for ln, lb in zip(ctx.page.lines, ctx.labels) if not ln.blank}
    assert lab["Kategorie: Alle Blogposts , Artikel , Blog , Fair Fashion , Go Green"] == ("meta", "category")
    assert lab["Meine Sommeraktion mit MYMARINI"][0] == "body"
    # a sentence that names a category after its opening words is text
    prose = "Ich muss es einfach fragen: Können wir irgendwann Surfshorts für Männer und Jungs erwarten? Kategorie: Herren."
    ctx = classify("\n\n".join(lines[:3] + (prose,) + lines[3:]) + "\n")
    assert next(lb.label for ln, lb in zip(ctx.page.lines, ctx.labels) if ln.text == prose) == "body"


# the end of a blog post on Python's speed and memory (trafilatura evaluation page), as rendered
_PYTHON_POST_END = (
    "",
    "List Comprehensions",
    "",
    "List comprehensions are mechanism to process an iterable and create a list the same time. Common cases include filtering or applying a function to the elements of the iterable.",
    "",
    "[city.name for city in cities]",
    "",
    "List comprehensions are slower than map and filter and using generators instead of list comprehension does not change the outcome:",
    "",
    "Even with a lambda function, map is faster:",
    "",
    "Dictionary comprehensions",
    "",
    "Comprehensions also work on dictionaries:",
    "",
    "{city.name: city for city in cities}",
    "",
    "Dictionary comprehensions are slower than map and filter as well:",
    "",
    "Conclusion",
    "",
    "I know it's a lot of graphs, so I'll summarize them:",
    "",
    "  • Tuples save a bit of memory when replacing lists",
    "  • Tuples save lots of memory when replacing dictionaries",
    "  • Generators save memory only for large tuples, but are faster to iterate",
    "  • Slotted classes save a lot of memory",
    "  • Namedtuples are better than classes but worse than slotted classes",
    "  • Map and filter are sometimes faster than comprehensions",
    "",
    "  • Author: Jacopo Cascioli",
    "  • Published: 03 December 2019",
    "  • Updated: 06 December 2019",
    "  • Rss",
    "  • License: by-nc-sa",
    "",
    "© 2020 Strangemachines",
)


def test_a_list_the_text_introduces_is_not_cut_in_two():
    """The post's closing list ('I'll summarize them:') runs on after the last paragraph: its
    last items are the list's, not links after the article. The author box after a blank line is
    another list; and a list under a bare header is not extended (it may be a teaser list)."""
    text = "\n".join(_PYTHON_POST_END) + "\n"
    lab = _labels_by_text(classify(text))
    for item in ("• Tuples save a bit of memory when replacing lists", "• Slotted classes save a lot of memory",
                 "• Map and filter are sometimes faster than comprehensions"):
        assert lab[item] == "body", item
    assert lab["• Author: Jacopo Cascioli"] != "body" and lab["• License: by-nc-sa"] != "body"
    bare = text.replace("I know it's a lot of graphs, so I'll summarize them:", "Newest Stories")
    lab = _labels_by_text(classify(bare))
    assert lab["• Map and filter are sometimes faster than comprehensions"] == "boilerplate"


def test_account_dialogs_hidden_in_the_page_are_boilerplate():
    """Login, registration and password-reset dialogs that a page carries in its markup (ZDF,
    a shop): their prompts and form messages are boilerplate; an article's sentence on passwords
    is not."""
    dialog = ("Mit ZDF-Konto anmelden.", "Passwort vergessen?", "Login mit ARD-Konto",
              "Bitte trage eine E-Mail-Adresse ein.",
              "Diese Email-Adresse ist bereits bei uns registriert. Bist vielleicht bereits bei Mein ZDF angemeldet?",
              "Das Passwort muss mindestens 8 Zeichen lang sein.", "Neues Passwort vergeben", "Passwort geändert",
              "Deine Registrierung war erfolgreich", "Forgot your password?", "Reset Password", "Create Account")
    prose = ("Ein gutes Passwort muss nicht kompliziert sein, sagen Fachleute: Lange Sätze aus mehreren Wörtern "
             "sind sicherer als kurze Zeichenketten mit Sonderzeichen.")
    # (between two paragraphs, where the context alone would keep short lines)
    text = "\n\n".join(("Sicher im Netz", _PARAGRAPH, prose) + dialog + (_PARAGRAPH.replace("the", "a"),)) + "\n"
    lab = _labels_by_text(classify(text))
    assert [lab[line] for line in dialog] == ["boilerplate"] * len(dialog)
    assert lab[prose] == "body"


def test_the_answer_form_of_qa_sites_is_boilerplate():
    """The answer form and the 'Hot Network Questions' header of the Stack Exchange sites (DEV
    page wcx_b7553c6080f1): between two answers, where the context alone would keep short lines."""
    form = ("| Show 12 more comments", "Thanks for contributing an answer to Electrical Engineering Stack Exchange!",
            "* Please be sure to answer the question. Provide details and share your research!",
            "* Asking for help, clarification, or responding to other answers.",
            "* Making statements based on opinion; back them up with references or personal experience.",
            "To learn more, see our tips on writing great answers.", "Hot Network Questions")
    text = "\n\n".join((_PARAGRAPH,) + form + (_PARAGRAPH.replace("the", "a"),)) + "\n"
    lab = _labels_by_text(classify(text))
    assert [lab[line] for line in form] == ["boilerplate"] * len(form)
    assert lab[_PARAGRAPH.strip()] == "body"


def test_a_link_list_made_from_a_template_is_boilerplate():
    """Kept lines in a row that open with the same words (a cleaning firm's pages for every city,
    DEV page wcx_3791c82875f2) are a templated link list; steps that share only their first
    two words ('Step 1: ...') are not."""
    cities = (
        'Average Costs for Cleaning Services in Albuquerque New Mexico',
        'Average Costs for Cleaning Services in Anaheim California',
        'Average Costs for Cleaning Services in Arlington Texas',
        'Average Costs for Cleaning Services in Atlanta',
        'Average Costs for Cleaning Services in Aurora Colorado',
        'Average Costs for Cleaning Services in Austin',
        'Average Costs for Cleaning Services in Bakersfield California',
        'Average Costs for Cleaning Services in Baltimore',
    )
    steps = tuple(f"Step {n}: " + text for n, text in enumerate((
        "Measure the room and note where the sockets are.", "Move the furniture away from the walls.",
        "Cover the floor with old sheets or plastic.", "Fill the cracks and let the filler dry overnight.",
        "Sand the filled spots until they are smooth.", "Paint the ceiling first, then the walls."), 1))
    # (between paragraphs, where the context alone keeps short lines)
    text = "\n\n".join((_PARAGRAPH,) + steps + ("Cities we serve",) + cities + (_PARAGRAPH.replace("the", "a"),)) + "\n"
    lab = _labels_by_text(classify(text))
    assert [lab[c] for c in cities] == ["boilerplate"] * len(cities)
    assert [lab[s] for s in steps] == ["body"] * len(steps)
    page = Page.from_text(Document(id="t", text=text), text, kind="text")
    off = Context(page=page, config=replace(DEFAULT_CONFIG, params={"N102": {"template_run": 99}}))
    off.results["noise"] = noise.run(off)
    assert [_labels_by_text(off)[c] for c in cities] == ["body"] * len(cities)  # the context alone keeps them


def test_the_authors_bio_at_either_end_of_the_text_is_boilerplate():
    """A last paragraph that opens with a person's name and role ('Felix Stalder ist Professor für
    ...', trafilatura evaluation page; 'Oliver Simpson is a Senior Research Executive at ...', DEV
    page) is the author's bio; the same sentence inside the article describes its subject, and a
    sentence about a role without a name ('The new director is ...') is no bio."""
    bios = ("Felix Stalder ist Professor für Digitale Kultur und Theorien der Vernetzung in Zürich. Er beschäftigt "
            "sich damit, wie Gesellschaft, Kultur und Technologien zusammenwirken, und hat das Buch „Kultur der "
            "Digitalität“ geschrieben.",
            "Oliver Simpson is a Senior Research Executive at Website Builder Expert, providing objective, in-depth "
            "research on website builders.")
    for bio in bios:
        text = "\n\n".join((_paragraphs(3), bio)) + "\n"
        assert _labels_by_text(classify(text))[bio] == "boilerplate"
        inside = "\n\n".join((_paragraphs(2), bio, _paragraphs(2, first=3))) + "\n"
        assert _labels_by_text(classify(inside))[bio] == "body"
    role = "The new director is the founder of a bakery chain and ran it for twenty years before she retired."
    assert _labels_by_text(classify("\n\n".join((_paragraphs(3), role)) + "\n"))[role] == "body"


def test_html_related_box_after_the_article_is_left_out():
    """HTML path: trafilatura kept a 'more on this site' box under the article (trafilatura
    evaluation page): after its header, headlines to the end of the text are related links; when
    a sentence follows the header (AP's game notes), the article goes on."""
    article = (_PARAGRAPH, "Die Psyche spielt eine nicht unerhebliche Rolle, wenn es um den Abnehmerfolg geht. Je "
               "zufriedener ihr mit euch seid, desto einfacher wird euch das Abnehmen fallen.")
    box = ("Warum nehme ich nicht ab? 4 mögliche Gründe", "20 Kilo abnehmen: Mit DIESER Strategie klappt's!",
           "Endlich schlank! Mit diesen 8 Tipps richtig erfolgreich abnehmen",
           "Home Gym: So gelingt auch zuhause das perfekte Workout!")
    ctx = classify("\n".join(article + ("Auch auf gofeminin.de",) + box) + "\n", kind="html")
    lab = {ln.text: (lb.label, lb.kind) for ln, lb in zip(ctx.page.lines, ctx.labels) if not ln.blank}
    assert [lab[line] for line in box] == [("boilerplate", "related")] * len(box)
    assert lab[article[1]][0] == "body"
    notes = ("Thunder: Host the Lakers on Friday.", "Lakers: Visit the Thunder on Friday.")
    ctx = classify("\n".join(article + ("Auch auf gofeminin.de",) + notes) + "\n", kind="html")
    assert [lb.label for ln, lb in zip(ctx.page.lines, ctx.labels) if ln.text in notes] == ["body", "body"]


def test_promoted_listings_of_a_shop_item_page_are_boilerplate():
    """An eBay item page (DEV page wcx_3dddca0f066c) lists promoted items of other sellers, each
    with an ad label and the marketplace's disclosure, under 'Seller's other items'."""
    lines = ("Seller's other items", "Advertiser: x2ruote.moto",
             "Promoted items on eBay are selected based on what we think may interest you and add to your "
             "shopping experience.", "Similar sponsored items")
    text = "\n\n".join((_PARAGRAPH,) + lines + (_PARAGRAPH.replace("the", "a"),)) + "\n"
    ctx = classify(text)
    lab = {ln.text: (lb.label, lb.kind) for ln, lb in zip(ctx.page.lines, ctx.labels)}
    assert [lab[line] for line in lines] == [("boilerplate", "related"), ("boilerplate", "ads"),
                                             ("boilerplate", "ads"), ("boilerplate", "related")]
