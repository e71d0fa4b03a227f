"""AI-style phrasing check: each evidence family on real passages, human decoys, the short-text rule.

Passages come from seed 000 (a content-farm rewrite), the DEV ai-style set (gpt-3.5-turbo news and
story continuations; human XSum, WritingPrompts and CS224N texts; fast-detect-gpt and
ChatGPT-Detector-Bias data, MIT) and, for chatbot leftovers and a school essay, short texts written
for this file in the style of the real thing.
"""

from __future__ import annotations

import pytest

from audit import Document, audit_document
from audit.checks import ai_style
from audit.config import DEFAULT_CONFIG
from audit.context import Context
from audit.model import LineLabel, Page

# ---------------------------------------------------------------- passages

SEED_OPENING = (
    "In a significant advancement in Eastern European geopolitics, Belarusian President Alexander "
    "Lukashenko has announced his intention to solidify the integration of Belarus and russia, seeking "
    "to establish an irreversible union between the two nations."
)
SEED_HEDGE = (
    "To effectively respond to the evolving geopolitical landscape,it is indeed crucial for stakeholders "
    "to adopt a multifaceted approach aimed at strengthening regional alliances."
)
SEED_CLOSING = (
    "President Alexander Lukashenko’s fervent push for deeper Belarus-Russia integration underscores a "
    "significant shift in the geopolitical landscape of Eastern Europe. By positioning this integration as "
    "a non-negotiable element of Belarus’s future, Lukashenko is not only reinforcing his political "
    "alliance with Moscow but also shaping the economic and cultural contours of Belarusian society."
)
SEED_BULLETS = """\
  • Strengthening Defense Collaboration: Increased joint military exercises and coordination to enhance security.
  • Economic Integration: Developing a unified market structure that facilitates trade and investments without barriers.
  • Cultural Unity: Promoting shared cultural and historical narratives to solidify national identities interlinked with Slavic heritage."""
SEED_TABLE = """\
to illustrate the depth of cooperation envisioned, a recent meeting between Belarusian and Russian officials highlighted a range of collaborative projects. The table below summarizes some of the key collaborative areas and their projected impacts:

SectorProjectImpact
Defensejoint Military ExercisesEnhanced security capabilities
EconomicsUnified Trade PoliciesIncreased trade volume
CultureExchange ProgramsStronger cultural ties

Key Motivations Behind Belarus-russia Integration Efforts"""

AI_STORY = (
    "The object that captivates my attention lies on the desk, whispering stories through its luminous "
    "display. With a sleek frame of brushed silver, it exudes a modern elegance. As I approach, the light "
    "emanating from its screen dances across the room, illuminating every corner.\n\n"
    "The display is a symphony of vibrant images and words, each pixel meticulously crafted to create a "
    "tapestry of digital artistry. The colours burst forth in a kaleidoscope of hues, from deep, velvety "
    "blues to fiery, passionate reds. They blend seamlessly, inviting my eyes to linger and explore.\n\n"
    "Within this realm of light and pixels, words come alive. They form sentences, paragraphs, and stories "
    "that transport me to distant lands and imaginative realms. The letters are sharp and precise, yet "
    "their meaning holds an emotional depth that resonates within."
)
AI_STORY_CLOSE = (
    "The demise of the first true AI serves as a stark reminder of the complexities and vulnerabilities of "
    "artificial intelligence. As we venture further into the realm of self-aware machines, we must tread "
    "carefully."
)

AI_NEWS = (
    "As the world continues to mourn the loss of David Bowie, his music has resurged, capturing the "
    "hearts of both loyal fans and a new generation.\n\n"
    "Blackstar, released just days before Bowie's untimely passing, has become an emblem of his artistic "
    "genius. The album's hauntingly beautiful melodies and introspective lyrics have struck a chord with "
    "listeners worldwide. Its continued success on the charts is a testament to Bowie's lasting impact on "
    "the music industry."
)
HUMAN_NEWS = (
    "Sterling rose 1.86% against the dollar to $1.32.40, and was 1.73% higher against the euro. The FTSE "
    "100 share index hit fresh 11-month highs before falling back and closing scarcely changed at "
    "6,680.69, that is a slight fall of 2.17 points or 0.03%. The more UK-focused FTSE 250 index rose "
    "68.75 points, or 0.4%, to 16,775.14. The property sector - which saw a steep sell-off immediately "
    "after the Brexit vote - received a boost from Galliford Try. The housebuilder said it still expected "
    "full-year profits to be in line with expectations sending its shares up 8.5%. Financial stocks - "
    "another victim of the post-referendum sell-off - were also having a better day. Shares in insurer "
    "Aviva rose 4.26% while Lloyds Banking Group gained 2.55%."
)
HUMAN_STORY = (
    "A hidden elevator is found behind a fake wall in a basement. I bought the home in late 2020. It was a "
    "nice neo-gothical style. Lots of land. Everything I could want in a home. Sure I could have bought "
    "something new, but this house had style and history. I got contractors to do the major works. "
    "Rewiring, plumbing, installing networking equipment but I wanted to sort the basement out. Everyone "
    "needs a projects and I'm picky about workshop layouts. I was working around the original wood work, "
    "ripping off years of bad wallpaper and plywood. I was hacking away with my crowbar when I heard a "
    "distinct metal clang. \"Shit, I hit a water pipe?\" But all the water pipes ran down the opposite wall."
)
HUMAN_ABSTRACT = (
    "Title: Improving Question Answering on SQuAD 2.0: Exploring the QANet Architecture\n"
    "Abstract: In this project, we investigated QANet - an end-to-end, non-recurrent model that is based on "
    "the use of convolutions and self-attention. Our first goal was to reimplement the QANet model from "
    "scratch and compare its performance to that of our baseline BiDAF - a model that relies on recurrent "
    "neural networks with attention. Both of the QA answering systems were tested on SQuAD 2.0 which "
    "includes both questions that are answerable given a context and questions that are not answerable "
    "given the context. Finally, after evaluation of our \"vanilla\" QANet and investigation of related "
    "work, we implemented an extended model called EQuANT. The model adds an additional output to "
    "explicitly predict the answerability of a question given the context. Our best model (QANet with "
    "tuned hyper-parameters) achieves F1 = 57.56 and EM = 54.66 on the developmental set."
)
# a school essay by a learner of English: simple, repetitive, with taught formulas
LEARNER_ESSAY = (
    "Some people think that it is better to have broad knowledge of many subjects. I agree with this "
    "opinion because of three reasons. First, broad knowledge is useful in our life. For example, when I "
    "go to the market I need to know math and also I need to know how to talk with people. If I know only "
    "one subject I can not do many things. Second, the company want workers who know many things. My "
    "brother work in a big company and he said that his boss like people who can do many jobs. It is "
    "essential to learn many subjects for get a good job. Third, it is more interesting. Students can "
    "learn not only science but also history and art, and they can find what they like. In conclusion, I "
    "think that it is better to have broad knowledge of many subjects because it is useful, the company "
    "want it and it is interesting for students."
)
CHATBOT_PASTE = (
    "Certainly! Here's a short overview of the new bus timetable for the town centre. From Monday the "
    "number 12 bus will run every fifteen minutes between the station and the hospital, and the last bus "
    "will leave the station at eleven in the evening instead of ten. The number 7 will no longer stop at "
    "Market Street while the road works continue, so passengers should use the stop on Bridge Road. "
    "Tickets bought before the change stay valid until the end of the month. I hope this helps! Let me "
    "know if you need the full list of stops."
)


# ---------------------------------------------------------------- helpers

def measure(text: str):
    words, evidence = ai_style.measure(text)
    return words, evidence


def families(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for family, phrase, start, end, _ in measure(text)[1]:
        assert text[start:end].lower() == phrase.lower() or family in ("bullets", "table")
        out.setdefault(family, []).append(phrase)
    return out


def run_on(text: str, labels: list[str] | None = None) -> tuple[dict, Context]:
    page = Page.from_text(Document(id="t", text=text), text)
    ctx = Context(page=page, config=DEFAULT_CONFIG)
    ctx.labels = [LineLabel(labels[i] if labels else "body") for i in range(len(page.lines))]
    return ai_style.run(ctx), ctx


# ---------------------------------------------------------------- evidence families

def test_formulaic_opener_and_closers():
    found = families(SEED_OPENING)
    assert found["opener"] == ["in a significant advancement"]
    found = families("Looking ahead, the potential for permanent integration looms large.\n\nThe Conclusion\n\n"
                     "As developments unfold, careful analysis will be needed.")
    assert found["opener"] == ["looking ahead", "the conclusion", "as developments unfold"]


def test_conclusion_only_as_a_heading():
    # "the conclusion" inside a sentence is not the stock heading
    assert "opener" not in families("We reached the conclusion that the model overfits the training data.")


def test_hedged_importance():
    found = families(SEED_HEDGE)
    assert found["hedge"] == ["it is indeed crucial for"]
    assert families("Exercise plays a pivotal role in recovery.")["hedge"] == ["plays a pivotal role"]
    assert families(AI_STORY_CLOSE)["hedge"] == ["serves as a stark reminder"]


def test_underscores_and_contrast_in_seed_closing():
    found = families(SEED_CLOSING)
    assert found["hedge"] == ["underscores a"]
    assert found["contrast"] == ["not only reinforcing his political alliance with moscow but also"]
    assert "geopolitical landscape" in found["metaphor"]


def test_news_continuation_phrases():
    found = families(AI_NEWS)
    assert found["metaphor"] == ["capturing the hearts of", "has become an emblem of", "struck a chord with"]
    assert found["hedge"] == ["is a testament to"]


def test_contrast_stays_inside_one_sentence():
    assert "contrast" not in families("It was not only late. But also the road was closed.")
    assert families("This is not just a bug but a design flaw.")["contrast"] == ["not just a bug but a"]


def test_abstract_metaphors():
    found = families(AI_STORY)
    assert found["metaphor"] == ["a symphony of", "a tapestry of", "a kaleidoscope of"]
    assert {"vibrant", "meticulously", "seamlessly", "realm", "realms", "resonates"} <= set(found["words"])
    assert families("Firms must navigate the complex regulatory landscape.")["metaphor"] == [
        "navigate the complex regulatory landscape"]


def test_bold_label_bullet_run():
    found = families("Key motivations include:\n" + SEED_BULLETS)
    assert found["bullets"] == ["3 bullets: Strengthening Defense Collaboration, Economic Integration, Cultural Unity"]
    # two bullets are not a run; bullets without a title-case label are not either
    two = "\n".join(SEED_BULLETS.splitlines()[:2])
    assert "bullets" not in families(two)
    plain = "  • buy milk: the shop on the corner closes at six today\n" * 3
    assert "bullets" not in families(plain)


def test_heading_and_summary_table():
    found = families(SEED_TABLE)
    assert found["table"] == ["the table below summarizes", "table of 4 rows"]
    # the same rows with no heading beside them and no announcement are not evidence
    rows = "\n".join(SEED_TABLE.splitlines()[2:6])
    assert "table" not in families("we met.\n\n" + rows + "\n\nand then we left.")


def test_product_names_are_not_table_cells():
    text = "Apple released the iPhone today.\nThe GloVe vectors and arXiv preprints\nMcDonald said so."
    assert "table" not in families("Launch Day Notes\n" + text)


def test_chatbot_leftovers():
    found = families(CHATBOT_PASTE)
    assert found["chatbot"] == ["certainly! here's", "i hope this helps", "let me know if you need"]
    assert families("As an AI language model, I cannot browse the web.")["chatbot"] == ["as an ai language model"]


# ---------------------------------------------------------------- the check

def test_seed_style_page_is_flagged_with_evidence():
    text = "\n\n".join([SEED_OPENING, SEED_BULLETS, SEED_TABLE, SEED_HEDGE, "The Conclusion", SEED_CLOSING])
    result, ctx = run_on(text)
    assert result["flagged"] and result["score"] >= result["threshold"]
    fams = {e["family"] for e in result["evidence"]}
    assert {"opener", "hedge", "contrast", "metaphor", "bullets", "table", "words"} <= fams
    codes = [f.code for f in ctx.findings]
    assert codes.count("S110") == 1 and "S106" in codes and "S107" in codes
    flag = next(f for f in ctx.findings if f.code == "S110")
    assert flag.severity == "warning" and flag.start_line is None  # about the whole body
    assert all(f.severity == "info" for f in ctx.findings if f.code != "S110")
    # evidence spans point into the page text, on the line they name
    for item in result["evidence"]:
        start, end = item["span"]
        line = ctx.page.lines[item["line"] - 1]
        assert line.start <= start < end <= len(ctx.page.text)
        if item["family"] not in ("bullets", "table"):
            assert ctx.page.text[start:end].lower() == item["phrase"]
    assert result["phrase_counts"]["geopolitical landscape"] == 2
    assert result["rates"]["bullets"] > 0


@pytest.mark.parametrize("text", [AI_STORY + "\n\n" + AI_STORY_CLOSE, CHATBOT_PASTE])
def test_ai_passages_flagged(text):
    result, _ = run_on(text)
    assert result["flagged"], result


@pytest.mark.parametrize("text", [HUMAN_NEWS, HUMAN_STORY, HUMAN_ABSTRACT, LEARNER_ESSAY])
def test_human_passages_not_flagged(text):
    result, ctx = run_on(text)
    assert not result["flagged"], result
    assert result["score"] < 0.35
    assert not any(f.code == "S110" for f in ctx.findings)


def test_school_formulas_are_reported_but_weak():
    found = families(LEARNER_ESSAY)
    assert found["opener"] == ["in conclusion"]
    assert found["contrast"] == ["not only science but also"]
    weights = {e[1]: e[4] for e in measure(LEARNER_ESSAY)[1]}
    assert weights["in conclusion"] == ai_style.WEAK_HIT < 1


def test_short_text_is_never_flagged():
    text = "In a significant advancement, it is indeed crucial to navigate the complex landscape. " * 2
    result, ctx = run_on(text)
    assert result["words"] < 80 and result["too_short"]
    assert not result["flagged"]
    assert result["score"] > 0.5  # the score is still given
    assert result["note"] == f"too little text to judge ({result['words']} words < 80)"
    assert not any(f.code == "S110" for f in ctx.findings)


def test_only_body_lines_count():
    text = CHATBOT_PASTE + "\n" + "As an AI language model, I hope this helps."
    body_only = ["body", "comment"]
    result, _ = run_on(text, body_only)
    assert "as an ai language model" not in result["phrase_counts"]
    assert result["words"] == len(CHATBOT_PASTE.split())


def test_no_lexical_variety_feature():
    # repeating plain sentences (low type-token ratio) must not raise the score
    plain = "I like my school. My school is big. I go to my school every day with my friend. " * 12
    result, _ = run_on(plain)
    assert result["score"] == round(ai_style.score(result["words"], {})[0], 4)
    assert result["evidence"] == []
    assert not result["flagged"]


def test_report_has_contract_fields_and_is_deterministic():
    doc = Document(id="x", text=AI_STORY)
    first = audit_document(doc)["ai_style"]
    assert first == audit_document(doc)["ai_style"]
    for key in ("score", "flagged", "threshold", "words", "too_short", "note", "rates", "evidence", "phrase_counts"):
        assert key in first
    assert 0.0 <= first["score"] <= 1.0
    assert set(first["rates"]) == {f.name for f in ai_style.FAMILIES}


def test_evidence_is_bounded_but_counts_are_complete():
    text = "\n\n".join([AI_STORY] * 12)
    result, ctx = run_on(text)
    assert len(result["evidence"]) == 50  # S110 max_evidence
    assert result["phrase_counts"]["a symphony of"] == 12
    words_finding = [f for f in ctx.findings if f.code == "S101"]
    assert len(words_finding) == 1 and words_finding[0].details["count"] == sum(
        n for p, n in result["phrase_counts"].items() if p in ai_style.lexicon().words)


# ------------------------------------------------------------------ runs of spaces

def test_phrase_patterns_stay_fast_on_long_runs_of_spaces():
    """An indented shop page ("... it's not just about powering up" then a price table padded
    with spaces) once sent the contrast pattern's "(?: |-)+" into endless backtracking. The
    loader now refuses a repeated group that can match spaces alone; an alarm turns a
    relapse into a failure instead of a hung test run."""
    import signal

    for bad in ("(?: |[—–-])+", "(?:a| )*", "(?:  |x){2,}"):
        assert ai_style._REPEATED_SPACE.search(bad), bad
    for fine in ("(?:x ){0,3}", "(?:-+ )?", "(?: x|y)+"):
        assert not ai_style._REPEATED_SPACE.search(fine), fine
    text = ("              From expansive device integrations to pioneering wireless\n"
            "charging options and expandable capacities - it's not just about powering up\n"
            "/" + " " * 35 + "Unit price /\n" + ("Unavailable" + " " * 36) * 3 + "\n")

    def hung(*_):
        raise TimeoutError("ai_style.measure did not finish")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        _, evidence = ai_style.measure(text)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert all(family != "contrast" for family, *_ in evidence)
    _, evidence = ai_style.measure("It is not about winning, it is about growth.")
    assert [family for family, *_ in evidence] == ["contrast"]
