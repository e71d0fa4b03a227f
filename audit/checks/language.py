"""Language of the body text: langdetect (seeded, so the answer is the same every run),
with a fast path for pages whose stop words leave no doubt.

langdetect costs over a millisecond a page even on a 500-character sample, more than the
rest of the audit together. Most pages are plain prose in a language with a stop-word
list (data/stopwords, shared with the noise check), and there the share of stop words decides at a
tenth of the cost: on 1,882 DEV pages the fast path answered 78% of them and agreed with
langdetect on the full text for all but one (an English page langdetect called Albanian).
Everything else goes to langdetect.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from functools import lru_cache
from typing import Any

from ..context import Context
from ..datafiles import stopword_lists
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
SPARSE_MAX_LANGS = 8  # n-grams seen in more languages keep a dense row


# The stop-word fast path answers when the sample is long enough, the winner's stop words are a
# fair share of it, and the winner leads either on all its stop words or on the stop words no
# other list has. English shares "a", "in", "on", "to" with Finnish, Romanian and others, so
# the first margin alone sent 40% of plain English news to langdetect; the second answers those.
# Every language langdetect knows and jusText has a list for competes (data/stopwords/more), so
# a Bulgarian page meets Bulgarian stop words instead of being taken for Russian.
# On 1,882 DEV pages the fast path answers 94.2% (91.0% at 10%) and agrees with langdetect on
# 3,000 characters and 7 trials on all of them. Spanish needed the own-list share at 5%: its stop
# words are mostly shared with Catalan, Portuguese and French, so even clear Spanish prose has ~8%
# of its own.
FAST_MIN_WORDS = 40  # words in the sample
FAST_MIN_SHARE = 0.2  # share of the words that are stop words of the winning language
FAST_MIN_MARGIN = 2.0  # the winner's stop-word hits over the runner-up's, or else:
FAST_MIN_OWN_SHARE = 0.05  # share of the words that are stop words of the winner's list alone
FAST_MIN_OWN_MARGIN = 5.0  # the winner's own-list hits over the runner-up's own-list hits
FAST_SAMPLE_CHARS = 1500
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _stopword_index() -> dict[str, tuple[str, ...]]:
    """word -> languages whose stop-word list has it: the lists shared with the noise check and
    those of the other languages langdetect knows (data/stopwords/more)."""
    index: dict[str, list[str]] = {}
    for code, words in [*stopword_lists().items(), *stopword_lists("more").items()]:
        for word in words:
            index.setdefault(word, []).append(code)
    return {w: tuple(sorted(c)) for w, c in index.items()}


def _top_two(counts: Counter[str]) -> tuple[str | None, int, int]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    if not ranked:
        return None, 0, 0
    return ranked[0][0], ranked[0][1], ranked[1][1] if len(ranked) > 1 else 0


def by_stopwords(text: str, min_tokens: int = FAST_MIN_WORDS, min_share: float = FAST_MIN_SHARE,
                 min_margin: float = FAST_MIN_MARGIN, min_own_share: float = FAST_MIN_OWN_SHARE,
                 min_own_margin: float = FAST_MIN_OWN_MARGIN) -> tuple[str, float] | None:
    """(code, decisiveness) when one language's stop words clearly dominate, else None."""
    words = _WORD.findall(text[:FAST_SAMPLE_CHARS].lower())
    if len(words) < min_tokens:
        return None
    index = _stopword_index()
    hits: Counter[str] = Counter()
    own: Counter[str] = Counter()  # stop words that only one list has
    for word, times in Counter(words).items():
        codes = index.get(word)
        if codes:
            for code in codes:
                hits[code] += times
            if len(codes) == 1:
                own[codes[0]] += times
    best, best_hits, second_hits = _top_two(hits)
    if best is None or best_hits < min_share * len(words):
        return None
    if best_hits < min_margin * second_hits:
        own_best, own_hits, own_second = _top_two(own)
        if own_best != best or own_hits < min_own_share * len(words) or own_hits < min_own_margin * own_second:
            return None
    return best, round(best_hits / (best_hits + second_hits), 4)


def _sparse_profiles(directory: str) -> tuple[list[str], dict[str, complex | tuple | array]]:
    """langdetect's n-gram table, loaded the way its load_profile does with two changes: the
    profiles load in sorted order (os.listdir order differs between machines), and each n-gram
    keeps only the languages it occurs in, as (index, probability, index, probability, ...).
    Four n-grams in five occur in one language only: their pair is one complex number
    (index + probability j; 32 bytes where a tuple and its float took 80). N-grams common to many
    languages, which the detector draws most often, keep a dense row, as an array of doubles
    (a list held a float object per language). The table keeps ~16 MB a process (~21 MB as
    tuples and lists, ~55 MB as langdetect's 55-float rows), and its load peaks at ~24 MB
    (~34 MB). Every probability is the same double as langdetect's."""
    import json
    import os

    names = sorted(n for n in os.listdir(directory) if not n.startswith("."))
    langs: list[str] = []
    rows: dict[str, list] = {}
    get = rows.get  # 184,000 entries: the loop is kept to plain look-ups
    for index, name in enumerate(names):
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            profile = json.load(handle)
        langs.append(profile["name"])
        totals = (0, *profile["n_words"][:3])  # by n-gram length
        for gram, count in profile["freq"].items():
            n = len(gram)
            # the detector only draws 1- to 3-grams, so longer keys would never be looked up
            if not 1 <= n <= 3:
                continue
            row = get(gram)
            if row is None:
                rows[gram] = [index, count / totals[n]]
            else:
                row.append(index)
                row.append(count / totals[n])
    table: dict[str, complex | tuple | array] = {}
    while rows:  # each row is freed as it is converted: the load peaks lower
        gram, row = rows.popitem()
        if len(row) > 2 * SPARSE_MAX_LANGS:  # common n-grams are drawn most: keep them dense
            dense = array("d", bytes(8 * len(langs)))
            for k in range(0, len(row), 2):
                dense[row[k]] = row[k + 1]
            table[gram] = dense
        elif len(row) == 2:
            table[gram] = complex(row[0], row[1])
        else:
            table[gram] = tuple(row)
    return langs, table


def _detector_factory():
    """(langdetect factory, detector class): the profiles load once per process; the fixed
    seed makes it deterministic."""
    global _FACTORY
    if _FACTORY is None:
        from langdetect.detector import Detector
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

        class SparseDetector(Detector):
            def _update_lang_prob(self, prob, word, alpha):
                # The same products as langdetect's loop (prob[i] *= weight + p[i]), where an
                # absent language's p[i] is 0.0 and weight + 0.0 == weight exactly.
                row = self.word_lang_prob_map.get(word)
                if row is None:
                    return False
                weight = alpha / self.BASE_FREQ
                kind = type(row)
                if kind is complex:  # one language: its index and probability
                    index = int(row.real)
                    value = prob[index] * (weight + row.imag)
                    prob[:] = [p * weight for p in prob]
                    prob[index] = value
                    return True
                if kind is array:  # dense row: langdetect's own product
                    prob[:] = [p * (weight + q) for p, q in zip(prob, row)]
                    return True
                present = [(row[k], prob[row[k]] * (weight + row[k + 1])) for k in range(0, len(row), 2)]
                prob[:] = [p * weight for p in prob]
                for index, value in present:
                    prob[index] = value
                return True

        factory = DetectorFactory()
        factory.langlist, factory.word_lang_prob_map = _sparse_profiles(PROFILES_DIRECTORY)
        factory.seed = 0
        _FACTORY = factory, SparseDetector
    return _FACTORY


def detect(text: str) -> list[tuple[str, float]]:
    """[(code, probability)] best first; [] when langdetect finds no features."""
    from langdetect.lang_detect_exception import LangDetectException

    factory, detector_class = _detector_factory()
    detector = detector_class(factory)
    detector.n_trial = TRIALS
    detector.append(text[:SAMPLE_CHARS])
    try:
        return [(p.lang, round(p.prob, 4)) for p in detector.get_probabilities()]
    except LangDetectException:
        return []


def _sample(lines, limit: int) -> str:
    """Up to `limit` characters of prose lines (enough words), in document order."""
    prose = [ln for ln in lines if len(ln.text.split()) >= MIN_SAMPLE_LINE_WORDS] or lines
    out, size = [], 0
    for ln in prose:
        out.append(ln.text.strip())
        size += len(out[-1]) + 1
        if size >= limit:
            break
    return "\n".join(out)[:limit]


WARM_UP = (_stopword_index,)


def run(ctx: Context) -> dict[str, Any]:
    lines = ctx.lines_labelled("body") or ctx.content_lines() or [ln for ln in ctx.page.lines if not ln.blank]
    text = _sample(lines, FAST_SAMPLE_CHARS)
    letters = sum(map(str.isalpha, text[:SAMPLE_CHARS]))
    result: dict[str, Any] = {"code": "und", "confidence": 0.0}
    if letters < ctx.config.param(UNDETERMINED, "min_letters"):
        if lines:
            ctx.emit(UNDETERMINED.finding(ctx.page, lines[0], lines[-1], reason="too little text"))
        return result
    fast = by_stopwords(text)
    if fast is not None:
        return {"code": fast[0], "confidence": fast[1], "method": "stopwords"}
    guesses = detect(text)
    if not guesses:
        ctx.emit(UNDETERMINED.finding(ctx.page, lines[0], lines[-1], reason="no language features"))
        return result
    code, prob = guesses[0]
    result = {"code": code.split("-")[0], "confidence": prob, "method": "langdetect"}
    if len(guesses) > 1:
        result["alternatives"] = [{"code": c, "probability": p} for c, p in guesses[1:3]]
        second, second_p = guesses[1]
        if second_p >= ctx.config.param(MIXED, "min_second_share"):
            ctx.emit(MIXED.finding(ctx.page, lines[0], lines[-1], top=code, top_p=prob, second=second, second_p=second_p))
    return result
