"""Language of the body text (langdetect, seeded so the answer is the same every run)."""

from __future__ import annotations

from typing import Any

from ..context import Context
from ..rules import define

REPORT_KEY = "language"

UNDETERMINED = define(
    "L101", "language-undetermined", "info",
    "Language could not be determined ({reason})",
    "Flags a document whose body text is too short or too symbol-heavy to name its language.",
    why="Language routing and per-language filters need a language; such documents need a look.",
    example="A page whose only text is a menu and a copyright line.",
    min_letters=20,
)
MIXED = define(
    "L102", "language-mixed", "info",
    "Body text is mixed: {top} {top_p:.0%}, {second} {second_p:.0%}",
    "Flags a body whose language detector is split between two languages.",
    why="Mixed-language documents confuse per-language training data and deduplication.",
    example="An English article with a long untranslated Russian quote block.",
    min_second_share=0.3,
)

# langdetect's cost grows with the text it is given and with its number of trials. On 400
# DEV pages, 500 characters of body text and 3 trials agree with 3,000 characters and the
# default 7 trials on 99.3% of pages, at about a fifth of the cost.
SAMPLE_CHARS = 500
TRIALS = 3
MIN_SAMPLE_LINE_WORDS = 6  # prose lines say more about the language than menus and names

_FACTORY = None


def _detector_factory():
    """langdetect's profiles load once per process; the fixed seed makes it deterministic."""
    global _FACTORY
    if _FACTORY is None:
        from langdetect.detector_factory import DetectorFactory, PROFILES_DIRECTORY

        factory = DetectorFactory()
        factory.load_profile(PROFILES_DIRECTORY)
        factory.seed = 0
        _FACTORY = factory
    return _FACTORY


def detect(text: str) -> list[tuple[str, float]]:
    """[(code, probability)] best first; [] when langdetect finds no features."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _detector_factory().create()
    detector.n_trial = TRIALS
    detector.append(text[:SAMPLE_CHARS])
    try:
        return [(p.lang, round(p.prob, 4)) for p in detector.get_probabilities()]
    except LangDetectException:
        return []


def _sample(lines) -> str:
    """Up to SAMPLE_CHARS of the longest-worded lines first (prose), in document order."""
    prose = [ln for ln in lines if len(ln.text.split()) >= MIN_SAMPLE_LINE_WORDS] or lines
    out, size = [], 0
    for ln in prose:
        out.append(ln.text.strip())
        size += len(out[-1]) + 1
        if size >= SAMPLE_CHARS:
            break
    return "\n".join(out)[:SAMPLE_CHARS]


def run(ctx: Context) -> dict[str, Any]:
    lines = ctx.lines_labelled("body") or ctx.content_lines() or [ln for ln in ctx.page.lines if not ln.blank]
    text = _sample(lines)
    letters = sum(ch.isalpha() for ch in text)
    result: dict[str, Any] = {"code": "und", "confidence": 0.0}
    if letters < ctx.config.param(UNDETERMINED, "min_letters"):
        if lines:
            ctx.emit(UNDETERMINED.finding(ctx.page, lines[0], lines[-1], reason="too little text"))
        return result
    guesses = detect(text)
    if not guesses:
        ctx.emit(UNDETERMINED.finding(ctx.page, lines[0], lines[-1], reason="no language features"))
        return result
    code, prob = guesses[0]
    result = {"code": code.split("-")[0], "confidence": prob}
    if len(guesses) > 1:
        result["alternatives"] = [{"code": c, "probability": p} for c, p in guesses[1:3]]
        second, second_p = guesses[1]
        if second_p >= ctx.config.param(MIXED, "min_second_share"):
            ctx.emit(MIXED.finding(ctx.page, lines[0], lines[-1], top=code, top_p=prob, second=second, second_p=second_p))
    return result
