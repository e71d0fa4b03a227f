"""Reader-comment sections in plain text (audit/checks/comments.py), with decoys.

Passages are real lines from the seeds and the trafilatura evaluation pages (DEV).
"""

from __future__ import annotations

from pathlib import Path

from audit.checks import comments, noise
from audit.config import DEFAULT_CONFIG, Config
from audit.context import Context
from audit.model import Document, Page

REPO = Path(__file__).resolve().parent.parent

ARTICLE = (
    "How to make icing without powdered sugar\n"
    "\n"
    "If you have run out of icing sugar, do not panic: granulated sugar can be ground in a blender until it is fine enough to dissolve in butter, and the result is just as smooth as the icing you buy in the shop.\n"
    "\n"
    "Start with soft butter and add the ground sugar a spoonful at a time, beating well after each addition so that the icing stays light and does not split when you add the milk and the vanilla at the end.\n"
    "\n"
    "If the icing is too thick, add a few drops of milk; if it is too thin, chill it for ten minutes in the fridge before you spread it on the cake or pipe it onto the cupcakes.\n"
    "\n"
)

WORDPRESS_COMMENTS = (
    "3 Comments\n"
    "\n"
    "  • Fiona says:\n"
    "April 2, 2020 at 8:24 am\n"
    "\n"
    "Thank you for this recipe! Birthday cake Lockdown panic when I realised I had no icing sugar! This saved the day.\n"
    "\n"
    "Reply\n"
    "\n"
    "  • Bebs says:\n"
    "April 2, 2020 at 7:47 pm\n"
    "\n"
    "Hi Fiona, glad this recipe was able to help you out in these difficult times.\n"
    "\n"
    "Reply\n"
    "\n"
    "  • Heather says:\n"
    "March 7, 2020 at 3:21 am\n"
    "\n"
    "After searching and searching for an icing that didn’t require powdered sugar I came across this one and tried it.\n"
    "\n"
    "Reply\n"
    "\n"
    "Leave a Reply Cancel reply\n"
    "\n"
    "Your email address will not be published. Required fields are marked *\n"
)


def run(text: str, config: Config = DEFAULT_CONFIG, kind: str = "text") -> Context:
    page = Page.from_text(Document(id="t", text=text), text, kind=kind)
    ctx = Context(page=page, config=config)
    ctx.results["noise"] = noise.run(ctx)
    ctx.results["comments"] = comments.run(ctx)
    return ctx


def labels_by_text(ctx: Context) -> dict[str, str]:
    return {ln.text.strip(): lab.label for ln, lab in zip(ctx.page.lines, ctx.labels) if not ln.blank}


def test_wordpress_section_from_its_header_to_the_last_comment():
    ctx = run(ARTICLE + WORDPRESS_COMMENTS)
    result = ctx.results["comments"]
    header = next(ln.number for ln in ctx.page.lines if ln.text == "3 Comments")
    assert result["start_line"] == header and result["header"] is True
    got = labels_by_text(ctx)
    for text in ("• Fiona says:", "April 2, 2020 at 8:24 am", "Hi Fiona, glad this recipe was able to help you out in these difficult times.",
                 "After searching and searching for an icing that didn’t require powdered sugar I came across this one and tried it."):
        assert got[text] == "comment", text
    # the article stays body; the comment form after the comments is not a comment
    assert got["Start with soft butter and add the ground sugar a spoonful at a time, beating well after each addition so that the icing stays light and does not split when you add the milk and the vanilla at the end."] == "body"
    assert got["Leave a Reply Cancel reply"] == "boilerplate"
    assert got["Your email address will not be published. Required fields are marked *"] == "boilerplate"
    codes = [f.code for f in ctx.findings if f.family == "comments"]
    assert codes == ["C101"]


def test_german_section_with_author_and_timestamp_lines():
    text = ARTICLE + (
        "5 Kommentare on “Scherenschnitt (3)”\n"
        "\n"
        "  • Anhora sagt:\n"
        "06.01.2020 um 9:16\n"
        "\n"
        "Beide Bilder sind toll! Das erste hat die bessere Qualität, das zweite ist mit dem Kondensstreifen am Himmel lebendiger.\n"
        "\n"
        "  • gnaddrig sagt:\n"
        "06.01.2020 um 9:58\n"
        "\n"
        "Danke 🙂\n"
    )
    ctx = run(text)
    got = labels_by_text(ctx)
    assert got["Beide Bilder sind toll! Das erste hat die bessere Qualität, das zweite ist mit dem Kondensstreifen am Himmel lebendiger."] == "comment"
    assert got["Danke 🙂"] == "comment"
    assert ctx.results["comments"]["lines"] >= 6


def test_comment_form_prompt_alone_is_not_a_comment_section():
    for name, line in (("001_57a7feaa136c7dfe", 9), ("003_fe09d524997e67dd", 29)):
        ctx = run((REPO / "seeds" / f"{name}.txt").read_text(encoding="utf-8"))
        assert ctx.results["comments"]["start_line"] is None
        assert ctx.labels[line - 1].label == "boilerplate"
        assert not any(lab.label == "comment" for lab in ctx.labels)


def test_unmarked_comments_after_a_news_report_seed_002():
    ctx = run((REPO / "seeds" / "002_19ca5700293a0b5e.txt").read_text(encoding="utf-8"))
    result = ctx.results["comments"]
    assert result["start_line"] == 8 and result["lines"] == 19
    assert [lab.label for lab in ctx.labels[:7]] == ["body"] * 7
    assert all(lab.label == "comment" for lab in ctx.labels[7:26])  # incl. the bare URL (21)
    assert [f.code for f in ctx.findings if f.family == "comments"] == ["C102"]


def test_quotes_and_first_person_writing_are_not_comments():
    # a report quoting people who say "I" and "we": quotes are not the reporter's voice
    report = (
        "Belarusian President Alexander Lukashenko has firmly rejected the idea of his country joining Russia in the near future, as well as the reverse scenario, in a speech to parliament.\n"
        "“We need to move gradually, step by step, and implement projects as we are currently doing—rather than banging on an open door,” Lukashenko stated, adding that he had told Putin so.\n"
        "Despite ruling out a formal union, Lukashenko assured that Moscow would not lose Minsk as an ally, provided it respects the unique characteristics and mentality of the Belarusian people.\n"
        "“I will never let my country be absorbed,” he said.\n"
        "“You cannot buy a nation,” he added.\n"
        "“I told them my answer,” he said.\n"
        "“My people decide,” he said.\n"
        "“I know what you want,” he said.\n"
    )
    ctx = run(report)
    assert ctx.results["comments"]["start_line"] is None
    # a personal blog speaks as "I" from its first line: no split into article and comments
    blog = "\n".join([
        "I have lived in Berlin for nine years now and I have seen a lot of crazy things in this city, from techno parties in old power plants to my neighbour's goat on the balcony.",
        "Today I want to show you three of the craziest places I know, and I will tell you how I found each of them when I was new in town and had no idea where to go at night.",
        "My first tip is the biosphere in Potsdam, which you can reach by tram from the station in twenty minutes, and where I spend most of my rainy Sunday afternoons with a book.",
        "I love it.",
        "You will too.",
        "My second tip: the crash room.",
        "I went there twice.",
        "You can smash plates.",
    ])
    ctx = run(blog)
    assert ctx.results["comments"]["start_line"] is None


def test_the_articles_own_byline_and_date_do_not_start_a_section():
    text = (
        "How to make icing without powdered sugar\n"
        "Fiona says:\n"
        "April 2, 2020 at 8:24 am\n"
        "Updated April 3, 2020 at 9:00 am\n"
    ) + ARTICLE
    ctx = run(text)
    assert ctx.results["comments"]["start_line"] is None


# --- widget layouts found in the trafilatura evaluation pages (DEV), with decoys -------------

def test_blogger_layout_with_names_glued_to_timestamps():
    # Blogger: "NameMonth d, yyyy at h:mm PM", "ReplyDelete", a "Replies" header under each post
    text = ARTICLE + (
        "Kommentare:\n"
        "\n"
        "  • Ruby21:00\n"
        "\n"
        "Hey,\n"
        "ein wirklich tolles Interview. Ich kann es mir durchaus sehr gut vorstellen, dass es nicht einfach ist in verschiedene Verlage hineinzukommen.\n"
        "Lieben Gruß,\n"
        "Ruby\n"
        "\n"
        "AntwortenLöschen\n"
        "  • Unknown07:56\n"
        "\n"
        "Ja, die bekannten Verlage machen es einem nicht leicht :)\n"
        "\n"
        "Löschen\n"
        "Antworten\n"
    )
    got = labels_by_text(run(text))
    assert got["Ja, die bekannten Verlage machen es einem nicht leicht :)"] == "comment"
    assert got["ein wirklich tolles Interview. Ich kann es mir durchaus sehr gut vorstellen, dass es nicht einfach ist in verschiedene Verlage hineinzukommen."] == "comment"
    text = ARTICLE + (
        "  • ALLIE NYCMay 31, 2019 at 10:25 PM\n"
        "\n"
        "OMG what a beautiful place to stay! I could use a get away like this right about now.\n"
        "\n"
        "ReplyDelete\n"
        "Replies\n"
        "\n"
        "  • Silvia NegrettiJune 1, 2019 at 1:45 AM\n"
        "\n"
        "Hyatt Hotels are among the bests!\n"
        "\n"
        "ReplyDelete\n"
    )
    got = labels_by_text(run(text))
    assert got["OMG what a beautiful place to stay! I could use a get away like this right about now."] == "comment"
    assert got["Hyatt Hotels are among the bests!"] == "comment"


def test_handle_above_timestamp_and_forum_quote_controls():
    text = ARTICLE + (
        "  • Götz-Michael Freimann\n"
        "\n"
        "14. 01. 2020, 13:29\n"
        "\n"
        "Inhaltlich ist der Artikel super. Ich finde die Form des Kommentars für die Ansammlung an Fakten unpassend.\n"
        "\n"
        "  • antworten\n"
        "  • melden\n"
        "\n"
        "  • Martinxyz\n"
        "\n"
        "14. 01. 2020, 14:00\n"
        "\n"
        "@Götz-Michael Freimann Finde ich falsch. Neubauers Job ist nicht Kaeser quasi zu ersetzen.\n"
        "\n"
        "  • antworten\n"
    )
    got = labels_by_text(run(text))
    assert got["Inhaltlich ist der Artikel super. Ich finde die Form des Kommentars für die Ansammlung an Fakten unpassend."] == "comment"
    assert got["@Götz-Michael Freimann Finde ich falsch. Neubauers Job ist nicht Kaeser quasi zu ersetzen."] == "comment"


def test_relative_times_and_sort_widget():
    text = ARTICLE + (
        "neuste älteste beste Bewertung\n"
        "Gast\n"
        "Bibi Blue\n"
        "\n"
        "Lieber Robert, danke für die Denkanstöße und die schönen Wünsche.\n"
        "\n"
        "Daumen hoch 6 Daumen runter\n"
        "1 Monat her\n"
        "Gast\n"
        "Nossi\n"
        "\n"
        "Wie so oft, triffst du den berühmt berüchtigten Nagel Robert.\n"
        "\n"
        "Daumen hoch 5 Daumen runter\n"
        "1 Monat her\n"
    )
    got = labels_by_text(run(text))
    assert got["Lieber Robert, danke für die Denkanstöße und die schönen Wünsche."] == "comment"
    assert got["Wie so oft, triffst du den berühmt berüchtigten Nagel Robert."] == "comment"


def test_review_widget_under_a_reviews_header():
    text = ARTICLE + (
        "Customer Reviews\n"
        "\n"
        "Based on 40 reviews\n"
        "98%\n"
        "(39)\n"
        "3%\n"
        "(1)\n"
        "S\n"
        "S.\n"
        "Absolut überzeugend\n"
        "\n"
        "Ich kann die Meinung von Dieter nicht nachvollziehen. Der Vergleich mit einem Tchibo Kaffee ist schon eine Frechheit.\n"
    )
    got = labels_by_text(run(text))
    assert got["Ich kann die Meinung von Dieter nicht nachvollziehen. Der Vergleich mit einem Tchibo Kaffee ist schon eine Frechheit."] == "comment"
    assert got["Start with soft butter and add the ground sugar a spoonful at a time, beating well after each addition so that the icing stays light and does not split when you add the milk and the vanilla at the end."] == "body"


FORUM_THREAD = (
    "MS Society UK | Forum\n"
    "\n"
    "Struggling with getting Stronger and what my body is doing\n"
    "\n"
    "hayley.p 2 May 2025 18:48 1\n"
    "\n"
    "Hey I have had symptoms since late 2019 and diagnosed April 2024. I get so confused with pushing through and training to live more active.\n"
    "I’ve been up and down but have noticed have avoided days out so have recently invested in a scooter to help.\n"
    "\n"
    "alison100 3 May 2025 09:21 2\n"
    "\n"
    "I think that setting expectations is important here. Will exercise reverse permanent MS damage? No it won't.\n"
    "\n"
    "2 Likes\n"
    "Kestrel 3 May 2025 09:46 3\n"
    "\n"
    "I agree, exercise won’t undo previous damage but by doing regular exercise now, many years after my diagnosis, I feel better.\n"
    "\n"
    "3 Likes\n"
    "whammel 3 May 2025 18:23 4\n"
    "\n"
    "Most of us MSers have limited energy, so using a scooter to get around is perfectly good common sense.\n"
    "\n"
    "3 Likes\n"
)


def test_forum_thread_posts_are_content_not_comments():
    # the opening post is stamped like the replies: a thread, not an article with comments
    ctx = run(FORUM_THREAD)
    assert ctx.results["comments"]["start_line"] is None
    assert not any(lab.label == "comment" for lab in ctx.labels)
    # Q&A / forum furniture: "13 answers", "14 posts · Joined 2025", "Discussion starter"
    qa = ARTICLE + (
        "xJewishNinjax Discussion starter\n"
        "14 posts · Joined 2025\n"
        "#1 · Mar 21, 2025\n"
        "I guess I’m the first, 2024 Highlander with the liftgate led lights.\n"
        "golftango29 Mar 21, 2025 at 10:02 am\n"
        "All those rear trim pieces look like the exact same as the 3rd gen Highlander.\n"
        "Reply\n"
        "xJewishNinjax Mar 21, 2025 at 11:40 am\n"
        "Probably, companies are always trying to save money.\n"
        "Reply\n"
    )
    ctx = run(qa)
    assert not any(lab.label == "comment" for lab in ctx.labels)


def test_teaser_listings_and_bylines_are_not_comment_sections():
    # related-article teasers: headline, teaser, "Names, City dd.mm.yyyy, hh:mm"
    teasers = ARTICLE + "\n".join([
        "Johnsons EU-Abkommen belastet die Briten mehr als jenes von Theresa May",
        "Grossbritannien und die EU haben umrissen, wie sie sich ein Handelsabkommen nach dem Brexit vorstellen.",
        "Benjamin Triebe, London 18.10.2019, 19:33",
        "Ein Zaubertrick lässt die irische Grenze verschwinden",
        "Die Lösung des grössten Brexit-Problems: Nordirland wäre nicht in der EU, würde aber so behandelt.",
        "Benjamin Triebe, London 18.10.2019, 06:00",
        "Aktualisiert",
        "Beat Bumbacher, Markus M. Haefliger, Johanna Wedl *19.10.2019, 21:59 Uhr",
    ]) + "\n"
    ctx = run(teasers)
    assert not any(lab.label == "comment" for lab in ctx.labels)
    # a blog listing with a comment count under each teaser ("0 comments", "14 comments")
    listing = ARTICLE + "\n".join([
        "Phoebe Sajor", "0 comments", "AI", "February 25, 2026",
        "Your sneak peek at the redesigned Stack Overflow", "Zach Rutta", "14 comments", "Company",
        "February 23, 2026", "Defense against uploads: Q&A with OSS file scanner", "Ryan Donovan", "3 comments",
        "Company", "February 20, 2026", "Another post in the listing", "Jane Doe", "2 comments", "News",
        "February 18, 2026",
    ]) + "\n"
    ctx = run(listing)
    assert not any(lab.label == "comment" for lab in ctx.labels)


def test_signal_kinds_on_real_lines():
    data = comments._data()
    date_re = noise.date_pattern()
    sig = lambda t: comments._signal(t, data, date_re)  # noqa: E731
    assert sig("{ 38 comments… read them below or add one }") == "header"
    assert sig("1 reply on “Warum Wien zu blöd für eine staufreie Mahü ist”") == "header"
    assert sig("1 Meinungen:") == "header"
    assert sig("0 comments") is None  # a teaser's count heads nothing
    assert sig("Armanox June 28, 2015 at 10:25 pm") == "author"
    assert sig("18.10.2019, 16:18 Zum Antworten anmelden Zitieren #") == "author"
    assert sig("1 Monat her") == "time"
    assert sig("18. September um 08:37") == "time"
    assert sig("Aktionszeitraum: 21.10.2019 – 27.10.2019") == "date"  # no clock in a date range
    assert sig("Published June 28, 2015 at 10:25 pm") == "time"  # the article's own date: no author
    assert sig("NEW 14 HRS AGO") == "time"  # a listing badge, not a handle
    assert sig("ich habe vor 5 Wochen gefärbt, trotzdem hat das Shampoo den Ansatz getönt") is None
    assert sig("AntwortenLöschen") == "reply"


def test_html_comments_left_in_the_main_text_are_still_found():
    # trafilatura separated one comment block but left the WordPress section in the main text
    text = ARTICLE + WORDPRESS_COMMENTS + "\nSarah\nLovely recipe, thank you!\n"
    n = len(text.rstrip("\n").split("\n"))
    page = Page.from_text(Document(id="t", text=text), text, kind="html", html_comment_lines=(n - 1, n))
    ctx = Context(page=page, config=DEFAULT_CONFIG)
    ctx.results["noise"] = noise.run(ctx)
    ctx.results["comments"] = comments.run(ctx)
    got = labels_by_text(ctx)
    assert got["Lovely recipe, thank you!"] == "comment"  # trafilatura's block
    assert got["Hi Fiona, glad this recipe was able to help you out in these difficult times."] == "comment"
    assert got["Start with soft butter and add the ground sugar a spoonful at a time, beating well after each addition so that the icing stays light and does not split when you add the milk and the vanilla at the end."] == "body"


def test_reviews_entry_in_a_menu_is_not_a_comment_header():
    """'• Customer Reviews' in a site menu heads no comment section: the service page's text
    below it stays content."""
    from audit.checks import comments as comments_check
    assert comments_check._signal("• Customer Reviews", comments_check._data(), noise.date_pattern()) is None
    assert comments_check._signal("Customer Reviews", comments_check._data(), noise.date_pattern()) == "header"


def test_thread_posts_dropped_as_short_lines_are_taken_back():
    """Forum posts are short: the noise check, reading the page as an article, drops them as
    low-content. On a thread page their sentences are content again; the post furniture
    ("Joined", "Messages") and the 'Reply' buttons stay boilerplate."""
    posts = []
    for n, (name, text) in enumerate([
            ("Steve Withers", "Read the Apple iPad Pro Tablet (2024) Review."),
            ("lgans316", "Bang on the money except the asking price, which is far too high for most people."),
            ("MacrosTheBlack", "Great iPad. I thought the keyboard was too much so bought one from China instead."),
            ("Deleted member", "Apple make good devices and this one would be worth the base asking price.")], 1):
        posts += [name, "Distinguished Member", "Joined: Aug 24, 2006", "Messages: 23,243",
                  f"#{n} · Sep 21, 2024 at {n}:15 pm", text, "Reply"]
    text = "Apple iPad Pro 11 inch review thread\n" + "\n".join(posts) + "\n"
    page = Page.from_text(Document(id="t", text=text), text)
    ctx = Context(page=page, config=DEFAULT_CONFIG)
    ctx.results["noise"] = noise.run(ctx)
    for ln, lab in zip(page.lines, ctx.labels):  # as the noise check leaves short posts on real pages
        if ln.text.endswith("."):
            lab.label, lab.kind, lab.rule = "boilerplate", "low-content", noise.LOW_CONTENT.code
    ctx.results["comments"] = comments.run(ctx)
    assert ctx.results["comments"].get("thread") is True
    got = labels_by_text(ctx)
    assert got["Bang on the money except the asking price, which is far too high for most people."] == "body"
    assert got["Apple make good devices and this one would be worth the base asking price."] == "body"
    assert got["Joined: Aug 24, 2006"] == "boilerplate" and got["Reply"] == "boilerplate"


# Lines of comment widgets and article text (seeds, DEV pages) with the glued and clock forms the
# fast paths must treat exactly like the plain regexes.
_STAMP_LINES = [
    "ALLIE NYCMay 31, 2019", "Ruby21:00", "Armanox June 28, 2015 at 10:25 pm", "18. September um 08:37",
    "Montana", "18.10.2019, 16:18", "14h30 Uhr", "Vor 5 Wochen", "12:30", "1234:56", "a1:23 pm",
    "McDonald said the iPhone sold", "ABCDef ghi", "CNNBreaking news", "Posted at 3pm", "21.10.2019",
    "Fiona says:", "April 2, 2020 at 8:24 am", "Ähnliche Beiträge", "ßCd", "xÄbc", "ein Kommentar",
]


def test_fast_stamp_paths_match_the_plain_regexes():
    for text in _STAMP_LINES + [t.lower() for t in _STAMP_LINES] + [t.upper() for t in _STAMP_LINES]:
        assert comments._unglue(text) == comments._GLUE.sub(" ", text), text
        fast, plain = comments._clock(text), comments._CLOCK.search(text)
        assert (fast and fast.span()) == (plain and plain.span()), text
    assert comments._unglue("ALLIE NYCMay 31, 2019") == "ALLIE NYC May 31, 2019"
    assert comments._clock("ruby21:00").group() == "21:00"


def test_an_interviews_questions_and_answers_are_not_unmarked_comments():
    """After its opening report an interview turns to 'ich' and 'Ihr' in short lines, as a
    comment tail does; but every other line is a question, which comments are not."""
    text = (REPO / "tests" / "data" / "interview_de.txt").read_text(encoding="utf-8")
    ctx = run(text)
    assert ctx.results["comments"]["start_line"] is None
    assert not any(lab.label == "comment" for lab in ctx.labels)
    question = text.split("\n").index("          In welchem seelischen Zustand waren Sie, als Sie das Krankenhaus verließen?")
    assert ctx.labels[question].label == "body"
    # the tail is taken for comments once questions may be any share of it
    ctx = run(text, Config(params={"C102": {"max_tail_questions": 1.0}}))
    assert [f.code for f in ctx.findings if f.family == "comments"] == ["C102"]
    assert ctx.labels[question].label == "comment"


def test_an_event_listings_dates_and_hours_are_not_post_stamps():
    """A page of tasting dates as trafilatura extracts it: 'Termin: 28.02.2020, 18:30 Uhr' names when
    an event takes place, so the dates with hours do not open a comment section. A post's stamp
    with another label ('Verfasst am:', phpBB) still is one."""
    events = (
        "Auch im Jahr 2020 wird es wieder Termine für Whisky-, Rum- und Ginverkostungen geben. Die ersten Termine stehen bereits fest, weitere werden in den nächsten Tagen und Wochen dazu kommen.",
        "Februar 2020",
        "Termin: 21.02.2020, 19 Uhr",
        "- Ort: Ort: Rosi`s Bar & Restaurant, Martha-Brautzsch-Str. 10, Halle/Saale",
        "- Thema: Glenmorangie & Ardbeg mit 3-Gang Menü",
        "Die Lagerung in verschiedenen Fasstypen steht bei Glenmorangie im Mittelpunkt. Ardbeg bietet intensive und torfige Whiskies in verschiedenen Abfüllungen. Jeweils 3 Whiskies je Sorte werden probiert.",
        "- Eintritt: 69,00 €/Person",
        "- Anmeldung & Karten: per Email unter wdz@whiskyverkostung.com oder per Tel. unter +4915208649244",
        "Termin: 28.02.2020, 18:30 Uhr",
        "- Ort: Marktplatz Halle/Saale",
        "- Rum – Tour mit der Hallunken – Schunkel",
        "- Eintritt: 44,90 €/Person",
        "- Anmeldung & Karten: Tourist-Information im Marktschlösschen oder Tel. unter 0345 122 99 84",
        "Termin: 29.02.2020, 19 Uhr",
        "- Ort: Kornhaus Dessau, Kornhausstr. 146, Dessau",
        "- Thema: Irish Whiskey Dinner mit 3-Gang Menü",
        "Klassische und neue Abfüllungen der „Grünen Insel“ wird es heute zum Probieren geben.",
        "- Eintritt: 65,00 €/Person",
        "- Anmeldung & Karten unter www.kornhaus-dessau.de",
        "März 2020",
        "Termin: 06.03.2020, 19 Uhr",
        "- Ort: Gaststätte Felsenblick, Zum Saaleblick 11, 06114 Halle",
        "- Thema: Whiskies aus aller Welt mit Buffet",
        "Es werden Whiskies aus verschiedenen Regionen der Welt verkostet (Asien, Europa, Südafrika)",
        "- Eintritt: 58,00 €/Person",
        "- Anmeldung & Karten: per Email unter wdz@whiskyverkostung.com oder per Tel. unter +4915208649244",
        "Termin: 27.03.2020, 18:30 Uhr",
        "- Ort: Marktplatz Halle/Saale",
        "- Rum – Tour mit der Hallunken – Schunkel",
        "- Eintritt: 44,90 €/Person",
        "- Anmeldung & Karten: Tourist-Information im Marktschlösschen oder Tel. unter 0345 122 99 84",
        "Mai 2020",
        "Termin: 08.05.2020, 19 Uhr",
        "- Ort: Gaststätte Felsenblick, Zum Saaleblick 11, 06114 Halle",
        "- Thema: Schottischer Whisky mit Buffet",
        "Es werden Whikies aus verschiedenen Regionen Schottlands verkostet.",
        "- Eintritt: 58,00 €/Person",
        "- Anmeldung & Karten: per Email unter wdz@whiskyverkostung.com oder per Tel. unter +4915208649244",
        "Weitere Termine folgen in Kürze…",
    )
    ctx = run("\n".join(events) + "\n", kind="html")
    assert ctx.results["comments"]["start_line"] is None
    assert not any(lab.label == "comment" for lab in ctx.labels)
    data, date_re = comments._data(), noise.date_pattern()
    assert comments._signal("Termin: 28.02.2020, 18:30 Uhr", data, date_re) is None
    assert comments._signal("Verfasst am: 28.02.2020, 18:30", data, date_re) is not None
