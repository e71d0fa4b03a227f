"""Reader-comment sections in plain text (audit/checks/comments.py), with decoys.

Passages are real lines from the seeds and the trafilatura evaluation pages (DEV).
"""

from __future__ import annotations

from pathlib import Path

from audit.checks import comments, noise
from audit.config import DEFAULT_CONFIG
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


def run(text: str) -> Context:
    page = Page.from_text(Document(id="t", text=text), text)
    ctx = Context(page=page, config=DEFAULT_CONFIG)
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
