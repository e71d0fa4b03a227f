"""The main text itself (the title and body lines the cleaned text keeps): is there any, is there
enough, and does it repeat itself?

A page whose text is all menus, an empty file, or a generator stuck in a loop is worth nothing
to a corpus, however clean its byline and date. The repetition measures are the ones Gopher
filters web text with (Rae et al. 2021, "Scaling Language Models", appendix A, table A1): the
share of lines that repeat an earlier line, the characters in those lines, the characters in
the most frequent 2-, 3- and 4-word sequence, and the characters covered by 5- to 10-word
sequences that repeat an earlier one. The thresholds are that paper's, and the shares are of
the main text with its white space normalised. Words are the
whitespace-separated tokens of the main text. Where the language check names a language written
without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar), each character of those scripts
counts as a word instead, and the word-sequence measures, made for words, are not applied.

The measures are exact, but most of them are not computed on ordinary prose: a word sequence
that occurs twice is made of words that occur twice, and those bounds are checked first (see
`_repeated_ngrams`). A page costs a word count and a look at its runs of repeated words, about
0.2 ms for 5 KB.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress
from operator import mul
from typing import Any

from ..context import Context
from ..rules import define

REPORT_KEY = "content"

NO_MAIN_TEXT = define(
    "T101", "no-main-text", "error",
    "No main text: {reason}",
    "Flags a document with no title or body text left once boilerplate is set aside.",
    why="An empty page, or one that is all menus and footers, adds nothing to a corpus; its other "
        "scores describe nothing. The overall score is capped at `max_overall`.",
    example="An empty file, a cookie wall, a page of navigation links only.",
    points=100,
    max_overall=20,
)
LITTLE_MAIN_TEXT = define(
    "T102", "little-main-text", "warning",
    "Only {words} words of main text (minimum {min_words})",
    "Flags a document whose title and body hold fewer words than a threshold.",
    why="A stub, a teaser or a product tile carries too little text to train on or to quote; "
        "Gopher drops documents under 50 words. The overall score is capped at `max_overall` "
        "(usable with care at best).",
    example="A video page whose only text is a two-line caption.",
    min_words=50,
    points=30,
    max_overall=60,
)
REPEATED_LINES = define(
    "T103", "repeated-lines", "warning",
    "{repeated} of {lines} main-text lines repeat an earlier line ({share:.1%} of lines, "
    "{char_share:.1%} of characters)",
    "Flags main text in which many lines are copies of earlier lines.",
    why="Repeated lines are a template, a scraper that read a block twice, or spam; Gopher drops "
        "documents where over 30% of lines, or lines holding over 20% of the characters, repeat. "
        "The overall score is capped at `max_overall`.",
    example="The same 'Click here to subscribe' paragraph after every other paragraph.",
    max_line_share=0.30,
    max_char_share=0.20,
    min_lines=5,
    points=30,
    max_overall=60,
)
REPEATED_WORDS = define(
    "T104", "repeated-word-sequences", "warning",
    "{what} make up {share:.1%} of the main text's characters (limit {limit:.0%})",
    "Flags main text dominated by one repeated word sequence, or largely made of repeats of "
    "earlier word sequences.",
    why="Degenerate generated text, keyword stuffing and lists of near-identical items; Gopher "
        "drops documents over these thresholds. The overall score is capped at `max_overall`.",
    example="'best cheap flights best cheap flights best cheap flights ...'",
    # the most frequent 2-, 3- and 4-word sequence: its occurrences' share of the characters
    max_top_2=0.20,
    max_top_3=0.18,
    max_top_4=0.16,
    # 5- to 10-word sequences that repeat an earlier one: the share of characters in the repeats
    max_repeated_5=0.15,
    max_repeated_6=0.14,
    max_repeated_7=0.13,
    max_repeated_8=0.12,
    max_repeated_9=0.11,
    max_repeated_10=0.10,
    min_words=50,
    # the measures read at most this many words (a loop shows long before the end of a long text)
    sample_words=20_000,
    points=30,
    max_overall=60,
)

TOP_SIZES = (2, 3, 4)
REPEATED_SIZES = (5, 6, 7, 8, 9, 10)
# runs of words that each occur at least twice in the sample (at least 2, at least 5 of them):
# only such runs can hold a sequence that repeats (the whole sequence repeats, so each word does)
_RUNS = re.compile(rb"\x01{2,}")
_LONG_RUNS = re.compile(rb"\x01{%d,}" % min(REPEATED_SIZES))

# scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, kana, CJK ideographs
_NO_SPACE_CHARS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# their punctuation (、。「」, full-width ！？（）) is no word
_NO_SPACE_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20"
_SCRIPT_TOKEN = re.compile(f"[{_NO_SPACE_CHARS}]|[^\\s{_NO_SPACE_CHARS}{_NO_SPACE_PUNCTUATION}]+")
# language codes (langdetect's) of languages written without spaces between words
NO_SPACE_LANGUAGES = frozenset({"zh-cn", "zh-tw", "ja", "th", "lo", "km", "my"})


def main_text_words(text: str, language: str) -> list[str]:
    """The words of `text`: whitespace tokens, or in a language written without spaces, each
    character of its script (and each run of other non-space characters, such as '2020')."""
    return _SCRIPT_TOKEN.findall(text) if language in NO_SPACE_LANGUAGES else text.split()


def run(ctx: Context) -> dict[str, Any]:
    lines = [ln.text.strip() for ln in ctx.content_lines()]
    language = ctx.results.get("language", {}).get("code", "und")
    words = main_text_words(" ".join(lines), language)
    result: dict[str, Any] = {"lines": len(lines), "words": len(words)}
    if not words:
        reason = "the document is empty" if not ctx.page.text.strip() else "every line is boilerplate, meta or comment"
        ctx.emit(NO_MAIN_TEXT.document_finding(reason=reason))
        return result
    min_words = ctx.config.param(LITTLE_MAIN_TEXT, "min_words")
    if len(words) < min_words:
        ctx.emit(LITTLE_MAIN_TEXT.document_finding(words=len(words), min_words=min_words))
    _check_lines(ctx, lines, result)
    if language not in NO_SPACE_LANGUAGES:
        _check_words(ctx, words, result)
    return result


def _check_lines(ctx: Context, lines: list[str], result: dict[str, Any]) -> None:
    seen: set[str] = set()
    repeated = repeated_chars = 0
    for text in lines:
        if text in seen:
            repeated += 1
            repeated_chars += len(text)
        else:
            seen.add(text)
    chars = sum(map(len, lines))
    share, char_share = repeated / len(lines), repeated_chars / chars
    result["repeated_line_share"] = round(share, 3)
    result["repeated_line_char_share"] = round(char_share, 3)
    param = ctx.config.param
    if len(lines) >= param(REPEATED_LINES, "min_lines") and (
            share > param(REPEATED_LINES, "max_line_share") or char_share > param(REPEATED_LINES, "max_char_share")):
        ctx.emit(REPEATED_LINES.document_finding(repeated=repeated, lines=len(lines), share=share,
                                                 char_share=char_share))


def _check_words(ctx: Context, words: list[str], result: dict[str, Any]) -> None:
    param = ctx.config.param
    words = words[:param(REPEATED_WORDS, "sample_words")]
    limits = {n: param(REPEATED_WORDS, f"max_top_{n}") for n in TOP_SIZES}
    limits.update({n: param(REPEATED_WORDS, f"max_repeated_{n}") for n in REPEATED_SIZES})
    top, covered = _repeated_ngrams(words, limits)
    # (the other measures are computed only where a bound says they could pass their limits)
    result["repeated_5_word_share"] = round(covered[REPEATED_SIZES[0]], 3)
    if len(words) < param(REPEATED_WORDS, "min_words"):
        return
    # the one measure furthest over its limit speaks for the document
    over = [(_times(top[n][0], limits[n]), n, top[n][0], f"{top[n][1]} occurrences of '{' '.join(top[n][2])}'")
            for n in TOP_SIZES if top[n][0] > limits[n]]
    over += [(_times(covered[n], limits[n]), n, covered[n], f"repeats of earlier {n}-word sequences")
             for n in REPEATED_SIZES if covered[n] > limits[n]]
    if over:
        _, n, share, what = max(over)
        ctx.emit(REPEATED_WORDS.document_finding(what=what, share=share, limit=limits[n], size=n))


def _times(share: float, limit: float) -> float:
    """How many times its limit a share is (a limit set to 0 in the settings: any share is over)."""
    return share / limit if limit > 0 else float("inf")


def _repeated_ngrams(words: list[str], limits: dict[int, float]) -> tuple[dict, dict[int, float]]:
    """Two measures, as shares of the text with its white space normalised (the words' characters
    and one space between each two):
    - for n in TOP_SIZES, (share in its occurrences, count, words) of the most frequent n-word
      sequence;
    - for n in REPEATED_SIZES, the share in repeats of n-word sequences that occurred before.

    Exact where it matters, cheap on prose. A sequence of count c takes at most c x len(w) of the
    characters through each of its words w: while n x the largest count x len(w) of any word
    stays under a limit, no n-word sequence can pass it. The covered shares only shrink as n
    grows. Only runs of words that each occur twice can hold a repeated sequence. A measure
    left out by a bound is reported as 0.0; the 5-word share is always computed."""
    total = sum(map(len, words)) + len(words) - 1 or 1
    counts = Counter(words)
    top: dict[int, tuple[float, int, tuple]] = {n: (0.0, 0, ()) for n in TOP_SIZES}
    covered = dict.fromkeys(REPEATED_SIZES, 0.0)
    if not counts or max(counts.values()) < 2:
        return top, covered
    heaviest = max(map(mul, counts.values(), map(len, counts)))
    repeated = {w for w, c in counts.items() if c > 1}
    flags = bytes(map(repeated.__contains__, words))
    runs = None
    for n in TOP_SIZES:
        if n * heaviest / total <= limits[n]:
            continue  # no n-word sequence can reach the limit
        if runs is None:
            runs = [m.span() for m in _RUNS.finditer(flags)]
        starts = [i for start, end in runs for i in range(start, end - n + 1)]
        grams = Counter(tuple(words[i:i + n]) for i in starts)
        if grams:
            # the most frequent sequence (then the longest, then the first in sort order)
            gram, count = max(grams.items(), key=lambda kv: (kv[1], sum(map(len, kv[0])), kv[0]))
            if count > 1:
                # overlapping occurrences ('word word word') count their characters once
                inside = bytearray(len(words))
                for i in starts:
                    if tuple(words[i:i + n]) == gram:
                        inside[i:i + n] = b"\x01" * n
                top[n] = (_share(words, inside, total), count, gram)
    long_runs = [m.span() for m in _LONG_RUNS.finditer(flags)]
    for n in REPEATED_SIZES:
        long_runs = [(start, end) for start, end in long_runs if end - start >= n]
        share = _covered_share(words, long_runs, n, total)
        covered[n] = share
        if share <= min(limits[m] for m in REPEATED_SIZES if m >= n):
            break  # longer sequences cover no more, and no later limit is lower than this share
    return top, covered


def _covered_share(words: list[str], runs: list[tuple[int, int]], n: int, total: int) -> float:
    """Share of `total` in the words that lie inside a repeat of an earlier n-word sequence (the
    first occurrence is the text; the repeats are what a filter would drop)."""
    seen: set[tuple[str, ...]] = set()
    inside = bytearray(len(words))
    for start, end in runs:
        for i in range(start, end - n + 1):
            key = tuple(words[i:i + n])
            if key in seen:
                inside[i:i + n] = b"\x01" * n
            else:
                seen.add(key)
    return _share(words, inside, total)


def _share(words: list[str], inside: bytearray, total: int) -> float:
    """Share of `total` in the characters of the words flagged in `inside`."""
    return sum(map(len, compress(words, inside))) / total
