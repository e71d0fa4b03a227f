"""AI-style phrasing in the body text: evidence with spans, rates per 1,000 words, one 0..1 score.

This reports *phrasing*, never who wrote a text: human writers use every one of these phrases,
and a model can be told to avoid them. Only lines labelled "body" count (navigation, comments
and boilerplate are left out).

Evidence families (rule, data file under audit/data/ai_style/):

    words      S101  listed words: slop-score words, Kobak et al. "style" words, ai_words.txt
                     (minus exclude_words.txt: function words, plain reporting and topic words)
    opener     S102  formulaic openers and closers ("In a significant advancement", "Looking ahead",
                     "The Conclusion" as a heading)
    hedge      S103  hedged importance ("plays a pivotal role", "it is indeed crucial", "underscores the")
    contrast   S104  "not just X but (also) Y", "not only X but also Y", "more than just a"
    metaphor   S105  abstract metaphors ("navigate the complex landscape", "tapestry of",
                     "geopolitical landscape", "a sense of purpose")
    bullets    S106  runs of bold-label bullets ("  • Economic Integration: Developing a ..." x3)
    table      S107  a title-case heading next to a table, or "the table below summarizes"
    chatbot    S108  chatbot leftovers ("As an AI language model", "I hope this helps")

Score. For each family f with c_f hits in n body words (a school-essay formula, marked "~" in
its file, counts WEAK_HIT of a hit), the expected count of a human text of that length is
e_f = baseline_f * n / 1000, and the family's log-rate excess is

    x_f = max(0, ln((c_f + prior_f) / (e_f + prior_f)))

The prior (a pseudo-count: 3 for listed words, 1 for the rest) keeps a few stray hits in a
short text from counting like a habit. The score is

    evidence = sum_f weight_f * x_f
    score    = 1 / (1 + exp(-SLOPE * (evidence - CENTER)))

so a text with no evidence scores about 0.08 and `evidence` = CENTER scores 0.5, the flag
threshold. `baseline_f` is at or above the mean rate per 1,000 words of the human DEV texts (news,
stories, CS224N abstracts; bench/calibrate_ai_style.py prints both): listed words 8 (DEV mean 3.8,
human stories 5.6, their 90th percentile 16), so that long human fiction or formal prose, whose
rate is measured precisely, needs well over twice the usual rate before words alone flag it;
the phrase families higher than DEV because human genres we do not have (school essays) use some
of them more. Weights: a
non-negative logistic regression on DEV (5-fold cross-validated, each domain's human texts
weighted equally) gives words 1.44, opener 0.25, hedge 0.58, contrast 0.09, metaphor 0.75
(cross-validated AUROC news 0.96, stories 0.94). We keep the words weight lower and the other
phrase weights higher than that fit (1.0 / 0.8 / 0.5), which costs nothing on DEV (AUROC news
0.97, stories 0.94) and leans on construction evidence, which generalises to other writers and
domains better than listed-word rates. Bullets, table and chatbot have no DEV examples and get
hand-set weights (one chatbot leftover alone reaches the threshold; bullets and tables need
company). CENTER was chosen on DEV so that no more than 2% of the human texts of any DEV domain
are flagged (0% CS224N, 1.3% stories, 1.6% news), which flags 85% of the model stories and 67% of
the model news continuations (77% of all model texts).

    family    baseline/1k  weight  prior
    words         8.0       1.0     3
    opener        0.2       0.8     1
    hedge         0.3       0.8     1
    contrast      0.3       0.5     1
    metaphor      0.3       0.8     1
    bullets       0.05      0.8     1
    table         0.05      0.8     1
    chatbot       0.01      3.0     1
    SLOPE = 4, CENTER = 0.6, WEAK_HIT = 0.2; flagged when score >= 0.5 (rule S110 `threshold`)
    and the body has at least 80 words (S110 `min_words`).

Nothing here rewards or punishes lexical variety or rare words: writers with a small vocabulary
(non-native, young) are judged only on the phrases they use. Texts under `min_words` body words
are never flagged and say so in `note`.

Speed (what makes 0.2 ms per 5 KB document possible): one combined regular expression, a
character trie over every listed word and the first two words of every phrase pattern (compiled
once, on first use), finds all word and phrase evidence in one pass over a lower-cased copy in
which every match starts at a literal space; one regex finds bullet lines; tables are looked for
only in runs of short lines; listed words give one S101 finding per document, not one each.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from typing import Any

from ..context import Context
from ..datafiles import read_list
from ..rules import Rule, define

REPORT_KEY = "ai_style"


WORDS = define(
    "S101", "ai-style-words", "info",
    "{count} AI-style words ({rate:.1f} per 1,000 words), e.g. {examples}",
    "Counts words that chat models overuse (slop-score and Kobak et al. lists, ai_words.txt); "
    "one finding per document, at the first such word (each word is in ai_style.evidence).",
    why="One word means little; many of them per 1,000 words is a sign of generic model prose.",
    example="The display is a symphony of vibrant images, a tapestry of digital artistry.",
    points=0,  # the ai_style score itself takes the points off (scores.py)
)
OPENER = define(
    "S102", "formulaic-opener-closer", "info",
    'Formulaic opener or closer "{phrase}"',
    "Marks a stock opening or closing move of generated articles and stories.",
    why="Content farms and model drafts open and close with the same few formulas.",
    example="In a significant advancement in Eastern European geopolitics, ...",
    points=0,
)
HEDGE = define(
    "S103", "hedged-importance", "info",
    'Hedged importance "{phrase}"',
    "Marks a stock claim that something matters (plays a pivotal role, it is indeed crucial).",
    why="Generated prose asserts importance instead of showing it.",
    example="To effectively respond to the evolving geopolitical landscape, it is indeed crucial for ...",
    points=0,
)
CONTRAST = define(
    "S104", "not-just-but-contrast", "info",
    'Contrast formula "{phrase}"',
    "Marks a 'not just X but (also) Y' or 'more than just a' construction.",
    why="A favourite construction of chat models; common in human essays too, so it weighs little alone.",
    example="Lukashenko is not only reinforcing his political alliance with Moscow but also shaping ...",
    points=0,
)
METAPHOR = define(
    "S105", "abstract-metaphor", "info",
    'Abstract metaphor "{phrase}"',
    "Marks a stock image standing in for a claim (navigate the landscape, a tapestry of).",
    why="Generated prose leans on the same few abstract images.",
    example="These figures illustrate a complex landscape, where economic motivation intersects ...",
    points=0,
)
BULLETS = define(
    "S106", "bold-label-bullets", "info",
    "Run of {count} bold-label bullets",
    "Marks a run of bullets that each start with a title-case label and a colon.",
    why="'Label: explanation' bullet runs are the house style of chat-model answers.",
    example="  • Economic Integration: Developing a unified market structure that facilitates trade ...",
    points=0,
    min_run=3,
)
TABLE = define(
    "S107", "heading-summary-table", "info",
    "Summary table beside a title-case heading",
    "Marks a small table announced as a summary or placed next to a title-case heading.",
    why="Generated explainer pages end sections with a short table that restates the section.",
    example="The table below summarizes some of the key collaborative areas ...",
    points=0,
    min_rows=2,
)
CHATBOT = define(
    "S108", "chatbot-leftover", "info",
    'Chatbot leftover "{phrase}"',
    "Marks text of an assistant's reply pasted into the page (As an AI language model, I hope this helps).",
    why="A leftover shows the text was pasted from a chat without editing.",
    example="Certainly! Here's a summary of the article.",
    points=0,
)
FLAGGED = define(
    "S110", "ai-style-phrasing", "warning",
    "AI-style phrasing: score {score:.2f} >= {threshold} ({evidence} pieces of evidence in {words} words)",
    "Flags a body whose AI-style phrasing score reaches the threshold (phrasing, not authorship).",
    why="Heavy generic model phrasing lowers a page's value as a source or as training text.",
    example="A content-farm rewrite of a news story with formulaic openers, bullet runs and summary tables.",
    points=0,  # the score itself takes the points off
    threshold=0.5,
    min_words=80,
    max_evidence=50,
)


@dataclass(frozen=True)
class Family:
    name: str
    rule: Rule
    baseline: float  # about the mean rate per 1,000 words in human DEV text
    weight: float
    prior: float = 1.0  # pseudo-count: how many hits a short text needs before they count


FAMILIES = (
    Family("words", WORDS, 8.0, 1.0, prior=3.0),
    Family("opener", OPENER, 0.2, 0.8),
    Family("hedge", HEDGE, 0.3, 0.8),
    Family("contrast", CONTRAST, 0.3, 0.5),
    Family("metaphor", METAPHOR, 0.3, 0.8),
    Family("bullets", BULLETS, 0.05, 0.8),
    Family("table", TABLE, 0.05, 0.8),
    Family("chatbot", CHATBOT, 0.01, 3.0),
)
FAMILY_BY_NAME = {f.name: f for f in FAMILIES}
SLOPE = 4.0
CENTER = 0.6

# pattern files -> family; every pattern file is one family's phrase pack
PATTERN_FILES = {
    "openers_closers.txt": "opener",
    "hedged_importance.txt": "hedge",
    "contrasts.txt": "contrast",
    "metaphors.txt": "metaphor",
    "summary_tables.txt": "table",
    "chatbot.txt": "chatbot",
}
WORD_FILES = ("slop_words.txt", "kobak_style_words.txt", "ai_words.txt")
EXCLUDE_FILE = "exclude_words.txt"

_GAP = r"[^\S\n]+"  # a space in a pattern: any run of spaces
_WORD_END = r"(?![a-z0-9'-])"
_SPACE_IN_CLASS = re.compile(r"\[[^\]]* ")  # a space in a pattern becomes _GAP, so not in a class
# "(?: |-)+" would become "(?:[^\S\n]+|-)+": a repeat of a repeat, which backtracks without end
# on a long run of spaces (an indented page). A repeated group may not have an all-space branch.
_REPEATED_SPACE = re.compile(r"\((?:\?:)?(?:[^()]*\|)? +(?:\|[^()]*)?\)[*+{]")
# a pattern marked "~" in its file is a school-essay formula ("In conclusion", "not only ... but
# also") that student and non-native writers are taught: it is shown as evidence but counts this
# much of a hit
WEAK_HIT = 0.2
# What may stand before a listed word or phrase: these characters are turned into spaces in the
# lower-cased copy the phrase regex reads, so every match can start at a literal space (the
# fastest start `re` has). Offsets do not move: each is one character for one.
# Commas, semicolons, colons and closing brackets are among them (a scraper glues words to them:
# "landscape,it is indeed crucial"), so phrase patterns do not use them.
# Line breaks are among them too, so in that copy a phrase may run on over a line break (body
# lines are paragraphs, and sentence-bound patterns stop at sentence punctuation).
_WORD_STARTS = ("\n", "\t", "\u00a0", '"', "“", "‘", "(", "[", "/", "*", "•", "—", "–", " '", ",", ";", ":", ")")
_LEAD = re.compile(r"[a-z0-9'-]+")


# ---------------------------------------------------------------------------- data loading

def _items(name: str) -> list[str]:
    """Non-comment lines of a data file."""
    return read_list("ai_style", name)


def _split_group(pattern: str) -> tuple[list[str], str, bool] | None:
    """A pattern that starts with "(?:a|b c)" -> (alternatives, rest, optional); None when the
    group has a repeat ("(?:x ){0,3}") and cannot be spelt out."""
    depth, i = 0, 0
    cuts = []
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                break
        elif ch == "|" and depth == 1:
            cuts.append(i)
        i += 1
    rest = pattern[i + 1:]
    if rest[:1] in ("{", "*", "+"):
        return None
    bounds = [2] + cuts + [i]
    alts = [pattern[bounds[k] + 1:bounds[k + 1]] for k in range(len(bounds) - 1)]
    optional = rest.startswith("?")
    return alts, rest[1:] if optional else rest, optional


_LITERAL = frozenset("abcdefghijklmnopqrstuvwxyz0123456789'- ")
PREFIX_WORDS = 2  # spell out at most this many leading words of a pattern into the trie
MAX_BRANCHES = 300  # per pattern


def _expand(pattern: str, prefix: str = "") -> list[tuple[str, str]]:
    """Split a pattern into (literal prefix, regex rest) pairs: its first words spelt out, with
    leading groups and optional letters expanded ("plays? a" -> "play a", "plays a"), so that all
    patterns share one trie and `re` checks one character at a time instead of trying every
    pattern at every word."""
    if pattern.startswith("(?:"):
        split = _split_group(pattern)
        if split is not None:
            alts, rest, optional = split
            out = [pair for alt in alts for pair in _expand(alt + rest, prefix)]
            if optional:
                out += _expand(rest.lstrip() if not prefix or prefix.endswith(" ") else rest, prefix)
            if len(out) <= MAX_BRANCHES:
                return out
        if not prefix:
            raise ValueError(f"ai_style pattern must start with a word: {pattern!r}")
        return [(prefix, pattern)]
    i = 0
    while i < len(pattern) and pattern[i] in _LITERAL:
        if pattern[i] == " " and prefix.count(" ") + pattern[:i].count(" ") + 1 >= PREFIX_WORDS + (prefix + pattern[:i]).startswith(" "):
            break
        if i + 1 < len(pattern) and pattern[i + 1] == "?":  # "plays?": with and without the "s"
            head = prefix + pattern[:i]
            return _expand(pattern[i + 2:], head) + _expand(pattern[i + 2:], head + pattern[i])
        i += 1
    head = prefix + pattern[:i]
    if not head.strip() or not head[0].isalnum():
        raise ValueError(f"ai_style pattern must start with a word: {pattern!r}")
    rest = pattern[i:]
    if rest.startswith("(?:") and head.count(" ") < PREFIX_WORDS:
        return _expand(rest, head)
    return [(head.rstrip(" "), " " * (len(head) - len(head.rstrip(" "))) + rest)]


def _trie_regex(branches: dict[str, list[str]]) -> str:
    """One alternation over literal prefixes, factored character by character (fast in `re`),
    each prefix followed by the alternation of its rests. A space in a prefix matches any run of
    spaces; a prefix that ends where a longer one goes on is tried last."""
    trie: dict[str, Any] = {}
    for lead in branches:
        node = trie
        for ch in lead:
            node = node.setdefault(ch, {})
        node[""] = branches[lead]

    def emit(node: dict[str, Any]) -> str:
        alts = []
        for key in sorted(node, key=lambda k: (k == "", k)):
            if key == "":
                rests = node[""]
                alts.append(rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")")
            else:
                alts.append((_GAP if key == " " else re.escape(key)) + emit(node[key]))
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return emit(trie)


class Lexicon:
    """All listed words and phrase patterns, compiled into two regexes (loaded once)."""

    def __init__(self) -> None:
        exclude = {w for line in _items(EXCLUDE_FILE) for w in line.split()}
        words = {w.lower() for name in WORD_FILES for line in _items(name) for w in line.split()}
        self.words = frozenset(w for w in words - exclude if _LEAD.fullmatch(w))
        self.group_family: dict[str, str] = {}
        self.group_weight: dict[str | None, float] = {None: 1.0}  # None: a listed word
        branches: dict[str, list[str]] = {}
        line_alts: list[str] = []
        for name, family in PATTERN_FILES.items():
            for pattern in _items(name):
                weak = pattern.startswith("~")
                pattern = pattern.lstrip("~ ")
                if "(" in pattern.replace("(?:", "").replace("(?=", "").replace("(?!", "").replace("(?<", ""):
                    raise ValueError(f"{name}: use non-capturing groups only: {pattern!r}")
                if _SPACE_IN_CLASS.search(pattern):
                    raise ValueError(f"{name}: write a space outside [...]: {pattern!r}")
                if _REPEATED_SPACE.search(pattern):
                    raise ValueError(f"{name}: a repeated group may not match spaces alone: {pattern!r}")
                if pattern.startswith("^"):  # a whole-line pattern (a heading)
                    core = pattern[1:].rstrip("$").replace(" ", _GAP)
                    line_alts.append(f"{core}(?P<{self._group(family, weak)}>)")
                    continue
                for lead, rest in _expand(pattern):
                    marker = f"(?P<{self._group(family, weak)}>)"  # an empty group: names the family
                    # a phrase ends at the end of a word ("underscores a" is not "underscores all")
                    branches.setdefault(lead, []).append(rest.replace(" ", _GAP) + _WORD_END + marker)
        for word in self.words:
            # a word on its own comes after the phrases that start with it
            branches.setdefault(word, []).append(_WORD_END)
        # Every match starts at the space before its first word (see _WORD_STARTS).
        self.inline = re.compile(" " + _trie_regex(branches))
        self.whole_line = re.compile(
            r"\n[^\S\n]*(?:" + "|".join(line_alts) + r")[^\S\n]*(?=\n)"
        ) if line_alts else None


    def _group(self, family: str, weak: bool) -> str:
        name = f"g{len(self.group_family)}"
        self.group_family[name] = family
        self.group_weight[name] = WEAK_HIT if weak else 1.0
        return name


_LEXICON: Lexicon | None = None


def lexicon() -> Lexicon:
    global _LEXICON
    if _LEXICON is None:
        _LEXICON = Lexicon()
    return _LEXICON


# ------------------------------------------------------------------------- structural cues

# "  • Economic Integration: Developing a unified market ..." / "- **Label:** text" / "1. Label: text"
_BULLET_LABEL = re.compile(
    r"\n[^\S\n]*(?:[•*▪◦·‣–-]|\d{1,2}[.)])[^\S\n]+(?:\*\*)?"
    r"(?P<label>[A-Za-z][\w’'&/-]*(?:[^\S\n]+[\w’'&/()-]+){0,6}?)(?:\*\*)?:(?:\*\*)?[^\S\n]+\S[^\n]{20,}(?=\n)"
)
# Table rows: lines with padded columns ("Sector   Project"), pipes, or cells run together by a
# renderer ("SectorProjectImpact"). A run-together join needs 3+ lower-case letters before the
# capital, so iPhone, GloVe, McDonald and arXiv are not joins.
_CELL_JOIN = re.compile(r"[A-Z](?:(?<=[a-z][a-z][a-z][A-Z])|(?<=[%)’'][A-Z]))[a-z]")
_PADDED_CELLS = re.compile(r"\S {3,}\S")
_MAX_ROW_CHARS = 160


def _is_row(line: str) -> bool:
    # cheapest test first; a padded cell needs three spaces in a row
    return line.count("|") >= 2 or ("   " in line and _PADDED_CELLS.search(line) is not None) \
        or _CELL_JOIN.search(line) is not None


_HEADING_WORD = re.compile(r"[A-Za-z][\w’'-]*")


def _title_case(label: str) -> bool:
    words = [w for w in _HEADING_WORD.findall(label) if len(w) >= 4]
    return bool(words) and sum(w[0].isupper() for w in words) * 2 >= len(words) + 1 - (len(words) == 1)


def _is_heading(text: str) -> bool:
    s = text.strip()
    if not s or len(s) > 100 or s[-1] in ".!?:;,\"”" or _is_row(s):
        return False
    words = s.split()
    return 2 <= len(words) <= 14 and _title_case(s)


# ----------------------------------------------------------------------------------- check

def _phrase_key(text: str) -> str:
    words = text.lower().split()
    if len(words) > 6:  # "not only reinforcing ... but also" -> its frame
        return " ".join(words[:2]) + " … " + " ".join(words[-2:])
    return " ".join(words)


def measure(
    text: str, min_run: int | None = None, min_rows: int | None = None,
) -> tuple[int, list[tuple[str, str, int, int, float]]]:
    """Body words and evidence [(family, phrase, start, end, weight)] of a text, in text order
    (weight: 1, or WEAK_HIT for a school-essay formula).
    Offsets are into `text`; lines are separated by "\\n". `min_run` / `min_rows` default to
    the S106 / S107 thresholds."""
    lex = lexicon()
    words = len(text.split())
    padded = "\n" + text + "\n"  # offsets in `padded` are one more than in `text`
    low = padded.lower()
    if len(low) != len(padded):  # a few characters change length when lower-cased
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in padded)
    lines_low = low  # line breaks kept, for the whole-line patterns
    for mark in _WORD_STARTS:
        if mark in low:
            low = low.replace(mark, " " * len(mark))
    evidence: list[tuple[str, str, int, int, float]] = []
    family_of, weight_of = lex.group_family, lex.group_weight
    for m in lex.inline.finditer(low):
        group = m.lastgroup
        family = "words" if group is None else family_of[group]
        start, end = m.start() + 1, m.end()  # in `padded`; the match starts at the space before
        evidence.append((family, lines_low[start:end], start - 1, end - 1, weight_of[group]))
    if lex.whole_line is not None:
        for m in lex.whole_line.finditer(lines_low):
            phrase = m.group().strip()
            start = m.start() + m.group().index(phrase[0])
            evidence.append((family_of[m.lastgroup], phrase, start - 1, start - 1 + len(phrase), weight_of[m.lastgroup]))
    evidence += _bullet_runs(padded, min_run or BULLETS.params["min_run"])
    evidence += _tables(padded, min_rows or TABLE.params["min_rows"])
    evidence.sort(key=lambda e: (e[2], e[3], e[0]))
    return words, evidence


def _bullet_runs(text: str, min_run: int) -> list[tuple[str, str, int, int, float]]:
    """Runs of bold-label bullet lines in newline-padded `text`; offsets are into the unpadded text
    (each match starts at the newline before its line)."""
    hits = [m for m in _BULLET_LABEL.finditer(text) if _title_case(m.group("label"))]
    if len(hits) < min_run:
        return []
    out = []
    run: list[re.Match[str]] = []
    for m in hits + [None]:  # type: ignore[list-item]
        if m is not None and run and text.count("\n", run[-1].end(), m.start()) <= 1 \
                and not text[run[-1].end():m.start()].strip():
            run.append(m)
            continue
        if len(run) >= min_run:
            labels = ", ".join(r.group("label") for r in run[:3])
            out.append(("bullets", f"{len(run)} bullets: {labels}", run[0].start(), run[-1].end() - 1, 1.0))
        run = [m] if m is not None else []
    return out


def _tables(text: str, min_rows: int) -> list[tuple[str, str, int, int, float]]:
    """Table blocks next to a title-case heading, in newline-padded `text` (as _bullet_runs).
    Only runs of short lines are looked at, so long prose paragraphs cost nothing."""
    out = []
    block: list[tuple[int, int]] = []  # (offset of the newline before the row, end of the row)
    offset = 0
    for line in text.split("\n") + [""]:
        end = offset + len(line)
        if 3 <= len(line) <= _MAX_ROW_CHARS and line.strip() and _is_row(line):
            block.append((offset - 1, end))
        else:
            if len(block) >= min_rows and _heading_beside(text, block[0][0], block[-1][1]):
                out.append(("table", f"table of {len(block)} rows", block[0][0], block[-1][1] - 1, 1.0))
            block = []
        offset = end + 1
    return out


def _heading_beside(text: str, start: int, end: int) -> bool:
    """Is the nearest non-blank line before `start` or after `end` a title-case heading?
    (`start` is the newline before the block, `end` the newline after it.)"""
    return _is_heading(_nearest_line(text, start, -1)) or _is_heading(_nearest_line(text, end, 1))


def _nearest_line(text: str, pos: int, step: int, tries: int = 3) -> str:
    """The first non-blank line before (step -1) or after (step 1) the newline at `pos`, looking
    at no more than `tries` lines, without copying the rest of the text."""
    for _ in range(tries):
        if step < 0:
            if pos <= 0:
                return ""
            begin = text.rfind("\n", 0, pos) + 1
            line, pos = text[begin:pos], begin - 1
        else:
            if pos < 0 or pos >= len(text) - 1:
                return ""
            stop = text.find("\n", pos + 1)
            stop = len(text) if stop < 0 else stop
            line, pos = text[pos + 1:stop], stop
        if line.strip():
            return line
    return ""


def score(words: int, counts: dict[str, float]) -> tuple[float, dict[str, float]]:
    """The 0..1 score and each family's log-rate excess x_f (see the module docstring)."""
    evidence = 0.0
    excess = {}
    for fam in FAMILIES:
        expected = fam.baseline * words / 1000.0
        x = max(0.0, math.log((counts.get(fam.name, 0) + fam.prior) / (expected + fam.prior)))
        excess[fam.name] = x
        evidence += fam.weight * x
    return 1.0 / (1.0 + math.exp(-SLOPE * (evidence - CENTER))), excess


def _body_lines(ctx: Context) -> list:
    """ctx.lines_labelled("body"), walking lines and labels side by side."""
    lines, labels = ctx.page.lines, ctx.labels
    if len(labels) < len(lines):
        return ctx.lines_labelled("body")
    return [ln for ln, lab in zip(lines, labels) if lab.label == "body" and not ln.blank]


# built in a pool's parent before it forks (checks.preload)
PRELOAD = (lexicon,)


def run(ctx: Context) -> dict[str, Any]:
    config = ctx.config
    threshold = config.param(FLAGGED, "threshold")
    min_words = config.param(FLAGGED, "min_words")
    max_evidence = config.param(FLAGGED, "max_evidence")

    lines = _body_lines(ctx)
    text = "\n".join([ln.text for ln in lines])
    words, evidence = measure(text, config.param(BULLETS, "min_run"), config.param(TABLE, "min_rows"))

    counts: dict[str, float] = {}  # weak hits count WEAK_HIT
    hits: dict[str, int] = {}
    phrase_counts: dict[str, int] = {}
    for family, phrase, _, _, weight in evidence:
        counts[family] = counts.get(family, 0) + weight
        hits[family] = hits.get(family, 0) + 1
        key = phrase if family == "words" else _phrase_key(phrase)
        phrase_counts[key] = phrase_counts.get(key, 0) + 1
    value, _ = score(words, counts)
    too_short = words < min_words
    flagged = value >= threshold and not too_short

    # body-text offsets -> page lines and offsets
    starts = []
    offset = 0
    for ln in lines:
        starts.append(offset)
        offset += len(ln.text) + 1

    def locate(start: int, end: int):
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, max(start, end - 1)) - 1
        a, b = lines[first], lines[last]
        return a, b, (a.start + start - starts[first], b.start + end - starts[last])

    shown = []
    for family, phrase, start, end, _ in evidence[:max_evidence]:
        first, last, span = locate(start, end)
        shown.append({"family": family, "phrase": phrase, "line": first.number, "span": list(span)})
        if family == "words":
            continue  # listed words: one finding for the document, below
        details: dict[str, Any] = {"phrase": phrase}
        if family == "bullets":
            details["count"] = int(phrase.split()[0])
        ctx.emit(FAMILY_BY_NAME[family].rule.finding(ctx.page, first, last, span=span, **details))
    listed = [e for e in evidence if e[0] == "words"]
    if listed:
        first, last, span = locate(listed[0][2], listed[0][3])
        examples = sorted({e[1] for e in listed}, key=lambda w: (-phrase_counts.get(w, 0), w))[:5]
        ctx.emit(WORDS.finding(
            ctx.page, first, last, span=span, count=len(listed),
            rate=1000.0 * len(listed) / max(words, 1), examples=", ".join(examples),
        ))

    rates = {
        fam.name: round(1000.0 * hits.get(fam.name, 0) / words, 2) if words else 0.0
        for fam in FAMILIES
    }
    result: dict[str, Any] = {
        "score": round(value, 4),
        "flagged": flagged,
        "threshold": threshold,
        "words": words,
        "too_short": too_short,
        "note": f"too little text to judge ({words} words < {min_words})" if too_short else "",
        "rates": rates,
        "evidence": shown,
        "phrase_counts": dict(sorted(phrase_counts.items())),
    }
    if flagged:
        # about the whole body, so it keeps its identity (baselines) when unrelated lines change;
        # the evidence findings and `evidence` say where
        ctx.emit(FLAGGED.document_finding(
            score=round(value, 4), threshold=threshold, evidence=len(evidence), words=words,
        ))
    return result
