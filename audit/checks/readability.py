"""Readability of the body text (textstat), computed on a bounded sample of sentences."""

from __future__ import annotations

import re
from typing import Any

from ..context import Context
from ..rules import define

REPORT_KEY = "readability"

HARD_TO_READ = define(
    "R101", "hard-to-read", "info",
    "Flesch reading ease {fre:.0f} is below {min_reading_ease}",
    "Flags body text whose Flesch reading ease is very low (dense, long-worded sentences).",
    why="Very low readability often means run-together table cells, lists flattened into one "
        "sentence, or legal boilerplate rather than prose.",
    example="A body made of one 120-word sentence of jargon.",
    min_reading_ease=10.0,
)
LONG_SENTENCES = define(
    "R102", "long-sentences", "info",
    "Average sentence length is {avg:.0f} words (limit {max_words_per_sentence})",
    "Flags body text whose sentences average more words than a threshold.",
    why="Sentences that long in scraped text usually mean lost punctuation or merged blocks.",
    example="Menu items and paragraphs glued together with no full stops.",
    max_words_per_sentence=40,
    min_words=80,
)

# textstat's formulas for these languages; others get no score rather than a wrong one.
TEXTSTAT_LANGS = frozenset({"en", "de", "es", "fr", "it", "nl", "ru"})
SAMPLE_CHARS = 6000
_SENTENCE = re.compile(r"[^.!?]+[.!?]+|[^.!?]+$")
_WORD = re.compile(r"\w+(?:['’]\w+)*")


def run(ctx: Context) -> dict[str, Any]:
    lines = ctx.lines_labelled("body")
    text = " ".join(ln.text.strip() for ln in lines)[:SAMPLE_CHARS]
    words = _WORD.findall(text)
    lang = ctx.results.get("language", {}).get("code", "und")
    result: dict[str, Any] = {"words": len(words), "computed": False}
    if len(words) < 30 or lang not in TEXTSTAT_LANGS:
        result["reason"] = "too little body text" if len(words) < 30 else f"no formula for language {lang}"
        return result
    import textstat

    textstat.set_lang(lang)
    sentences = [s for s in _SENTENCE.findall(text) if _WORD.search(s)]
    avg = len(words) / max(1, len(sentences))
    fre = float(textstat.flesch_reading_ease(text))
    result.update(
        computed=True,
        flesch_reading_ease=round(fre, 1),
        flesch_kincaid_grade=round(float(textstat.flesch_kincaid_grade(text)), 1),
        avg_sentence_words=round(avg, 1),
    )
    if fre < ctx.config.param(HARD_TO_READ, "min_reading_ease"):
        ctx.emit(HARD_TO_READ.finding(ctx.page, lines[0], lines[-1], fre=fre,
                                      min_reading_ease=ctx.config.param(HARD_TO_READ, "min_reading_ease")))
    limit = ctx.config.param(LONG_SENTENCES, "max_words_per_sentence")
    if len(words) >= ctx.config.param(LONG_SENTENCES, "min_words") and avg > limit:
        ctx.emit(LONG_SENTENCES.finding(ctx.page, lines[0], lines[-1], avg=avg, max_words_per_sentence=limit))
    return result
