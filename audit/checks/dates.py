"""Publication date with provenance.

Every date-like expression of the page is found in one pass of one compiled regex anchored on
digits (ISO and numeric dates, day-month-year with month names in several languages, month-day
and month-year read backwards from the digits, with their weekday); relative forms ("2 hours
ago", "yesterday", "Friday") are looked for where they could date the page (short lines above
the article, its first sentences). Each expression becomes a candidate with its line, its kind
and the role its surroundings give it: a cue such as "Published" or "Updated", a dateline, a
date line under the headline, a run of related-post dates, a comment stamp, an event told in a
sentence. The best-scoring candidate above a floor is the publication date; when none is
convincing the answer is null, because a wrong date is worse than none.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from ..alternation import literal_alternation
from ..context import Context
from ..datafiles import read_list
from ..model import Page
from ..rules import define

REPORT_KEY = "date"


MISSING = define(
    "D101", "date-missing", "warning",
    "No publication date found in the document",
    "Flags a document in which no publication date could be found.",
    why="Undated text cannot be placed in time: stale facts, time-sensitive claims and "
        "deduplication across versions all need a date.",
    example="A news story whose only dates are events it reports ('In March 2025, ...').",
    min_score=4.0,  # a candidate below this is not trusted as the publication date
    prose_chars=100,  # a line this long with words is running text
    body_gap=16,  # lines (blank ones too) allowed between two prose lines of the article
    near_body=15,  # lines above the article's first paragraph that still belong to its head
    near_tail=6,  # lines below the article's last paragraph where its date may still be written
    header_lines=8,  # the page's first non-blank lines: the site's header (today's date)
    run_gap=10,  # date lines of one shape this close form a list (related posts, archives)
    run_min=3,
    max_candidates=12,
)
PARTIAL = define(
    "D102", "date-partial", "warning",
    "Only part of the publication date is given: {evidence!r} ({reason})",
    "Flags a publication date written without a year, or only as a relative time.",
    why="A date without a year or a '2 hours ago' cannot be placed without knowing when the "
        "page was fetched.",
    example="'Speaking in an address to parliament on December 5, ...' with no year anywhere.",
    lede_lines=2,  # prose lines at the start of the article whose year-less dates date it
)
IMPLAUSIBLE = define(
    "D103", "date-implausible", "warning",
    "Date {date} is {reason}; not taken as the publication date",
    "Flags a prominent date that lies after the crawl date or before the web was common.",
    why="A date in the future of the crawl or before 1995 is a typo, an event date or a "
        "template value, not when the page was published.",
    example="'Posted on 12 March 2031' on a page fetched in 2026.",
    earliest_year=1995,
)
CONFLICT = define(
    "D104", "date-sources-conflict", "info",
    "Date sources disagree: {winner} ({winner_source}) taken over {loser} ({loser_source}): {reason}",
    "Reports which date won when the page's markup, its URL, the input and its visible text disagree.",
    why="Modified-date meta tags and template dates often differ from the visible dateline; "
        "the report says which was trusted.",
    example="htmldate reads 2022-02-09 from a meta tag, the line under the headline says 17.02.2022.",
)

# What each role is worth before position, time and byline adjust it (see _score).
ROLE_SCORE = {
    "published": 9.0,  # "Published: ...", "Veröffentlicht am ..."
    "dated": 7.0,  # "Date: ..."
    "dateline": 6.0,  # "MINSK, Dec 5 (Reuters) -"
    "line": 3.0,  # a line that is mostly the date ("March 16, 2025", "By Ava | 16.03.2025")
    "lead": 1.0,  # a date opening a line of text (teasers of other articles start so)
    "updated": 7.0,  # "Updated: ...": reported apart; the publication date only when nothing else is
    "list": -3.0,  # one of a run of dated lines (related posts, archives)
    "related": -4.0,  # under a "Related posts" heading
    "event": -6.0,  # inside a sentence of the story
    "comment": -8.0,  # a reader comment's time stamp
}

# ------------------------------------------------------------------ data files


def _data_lines(name: str) -> list[list[str]]:
    return [line.split() for line in read_list("dates", name)]


_S = r"[^\S\n]"  # white space within a line: a date never spans two lines


def _alternation(words: list[str], reverse: bool = False) -> str:
    """A prefix-tree regex for `words` (audit.alternation); a space matches any run of spaces."""
    return literal_alternation(words, reverse=reverse, space=_S + "+")


def _phrase_pattern(phrase: str, reverse: bool) -> str:
    """A cue phrase as a regex; '~' stands for a few words (an author's name)."""
    text = phrase[::-1] if reverse else phrase
    return r"[^\n]{1,40}?".join(re.escape(part.strip()).replace(r"\ ", _S + "+") for part in text.split("~"))


@dataclass(frozen=True)
class _Lexicon:
    month_of: dict[str, int]  # lower-cased form (no dot) -> 1..12
    common_word_months: frozenset[str]  # forms that are also ordinary words ("may")
    abbreviations: frozenset[str]  # month forms that are abbreviations ("nov")
    english_months: frozenset[str]  # English forms (their abbreviations are read more freely)
    day_offsets: dict[str, int]  # "yesterday" -> 1
    unit_days: dict[str, int]  # "hours" -> 0, "days" -> 1
    relative_words: frozenset[str]  # any word that can start a relative expression
    cue_role: dict[str, str]  # cue phrase -> role
    cue_globs: tuple[tuple[re.Pattern, str], ...]  # phrases with "~", as regexes, with the phrase
    opening_cues: frozenset[str]  # phrases that count only at the start of their line
    forward: re.Pattern  # the scan over the text, anchored on digits
    backward: re.Pattern  # the scan over the reversed text (month name before the digits)
    full_months: frozenset[str]  # full names, the only ones that make a month-year
    weekdays: frozenset[str]  # full and abbreviated
    single_word_cues: dict[str, frozenset[str]]  # role -> one-word phrases
    multi_word_cues: dict[str, tuple[str, ...]]  # role -> phrases of several words (no "~")
    back_cue: re.Pattern  # (reversed text) a cue word right before a date
    line_cue: re.Pattern  # a line that is only a cue ("Related posts", "Reply")
    trailing_cue: re.Pattern  # "... am 27. November 2019 um 15:21 Uhr veröffentlicht"
    after_words: re.Pattern  # the cue words trailing_cue looks for (a cheap test before it)
    cue_first_words: frozenset[str]  # first words of the cue phrases (cheap tests before a regex)
    cue_last_words: frozenset[str]
    relative: re.Pattern


_NOT_LETTER_AHEAD = r"(?![^\W\d_])"
_WORDS_IN = re.compile(r"[^\W\d_]+")
# the word before a date, read on the reversed text through the punctuation cues end with
_LEFT_CUE_WORD = re.compile(r"[\s:\-–—|,.]*(?P<word>[^\W\d_]+)")
_SENTENCE_END = re.compile(r"[^\W\d_]{2}[.!?]\s")
_FIRST_WORD = re.compile(r"[\W\d_]*(?P<word>[^\W\d_]+)")
_NOT_LETTER_BEHIND = r"(?<![^\W\d_])"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_MONTH_NUM = r"(?:1[0-2]|0?[1-9])"


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    month_of: dict[str, int] = {}
    full: list[str] = []
    abbr: list[str] = []
    common: set[str] = set()
    english: list[str] = []
    for row in _data_lines("months.txt"):
        number = int(row[1])
        for form in row[2:]:
            word = form.lower().replace("_", " ")
            if word.endswith("*"):
                word = word[:-1]
                common.add(word)
            if word.endswith("."):
                word = word[:-1]
                abbr.append(word)
            else:
                full.append(word)
            month_of[word] = number
            if row[0] == "en":
                english.append(word)
    weekdays_full: list[str] = []
    weekdays: list[str] = []
    for row in _data_lines("weekdays.txt"):
        for form in row[1:]:
            weekdays.append(form.lower().rstrip("."))
            if not form.endswith("."):
                weekdays_full.append(form.lower())
    day_offsets: dict[str, int] = {}
    vague: list[str] = []
    ago_before: list[str] = []
    ago_after: list[str] = []
    unit_days: dict[str, int] = {}
    for row in _data_lines("relative.txt"):
        if row[0] == "day":
            day_offsets[" ".join(row[2:]).lower()] = int(row[1])
        elif row[0] == "vague":
            vague.append(" ".join(row[1:]).lower())
        elif row[0] == "ago":
            (ago_before if row[1] == "before" else ago_after).append(" ".join(row[2:]).lower())
        elif row[0] == "unit":
            unit_days.update((w.lower(), int(row[1])) for w in row[2:])
    relative_words = {p.split()[0] for p in list(day_offsets) + vague + ago_before + weekdays_full}
    relative_words |= {p.split()[-1] for p in ago_after}
    cue_role: dict[str, str] = {}
    opening: set[str] = set()  # phrases that must open their line
    for row in _data_lines("cues.txt"):
        phrase = " ".join(row[1:]).lower()
        if phrase.startswith("^"):
            phrase = phrase[1:]
            opening.add(phrase)
        cue_role[phrase] = row[0]
    phrases = sorted(cue_role, key=lambda p: (-len(p), p))
    globs = tuple(
        (re.compile(".+".join(map(re.escape, p.split("~")))), p) for p in phrases if "~" in p
    )

    gap = rf"(?:{_S}*(?:,|-|/){_S}*|{_S}+(?:de|del|of){_S}+|{_S}+)"
    # a year glued to what follows by a careless renderer: "19. Juni 201619. Juni 2016", "20195:35 pm"
    glued = r"(?:(?!\d)|(?=\d{1,2}[.:\s]))"
    forward = re.compile(
        r"(?=\d)(?<![\d])(?:"
        # 2021-11-08, 2021/11/08, 2021.11.08
        rf"(?P<iso>(?<![.,/-])(?P<iy>{_YEAR})(?P<isep>[-/.]){_S}?(?P<im>{_MONTH_NUM})(?P=isep){_S}?(?P<id>{_DAY}))(?![\d]|[.,]\d)"
        # 2021年11月8日, 2021년 11월 8일
        rf"|(?P<cjk>(?P<cy>{_YEAR}){_S}*[年년]{_S}*(?P<cm>{_MONTH_NUM}){_S}*[月월]{_S}*(?P<cd>{_DAY}){_S}*[日일]?)"
        # 08.11.2021, 8/11/2021, 11-08-21
        rf"|(?P<num>(?<![.,/:-])(?P<na>\d{{1,2}})(?P<nsep>[./-]|{_S}\|{_S}){_S}?(?P<nb>\d{{1,2}})(?P=nsep){_S}?"
        rf"(?P<ny>{_YEAR}|\d\d))(?![\d]|[.,/:-]\d)"
        # 8 November 2021, 8. November, 8th of November, 8 de noviembre de 2021, 08-Nov-2021
        rf"|(?P<dmy>(?<![.,/:])(?<!\d[-–])(?P<d1>{_DAY})(?:\.|st|nd|rd|th|er|e|º|°)?(?:{_S}*-{_S}*|{_S}+(?:de|of){_S}+|{_S}*)"
        rf"(?=[^\W\d_])(?P<m1>{_alternation(full + abbr)})(?P<m1dot>\.)?{_NOT_LETTER_AHEAD}"
        # the same month in a second calendar's name: "24 نيسان / أبريل 2020"
        rf"(?:{_S}*/{_S}*(?=[^\W\d_])(?:{_alternation(full)}){_NOT_LETTER_AHEAD})?"
        rf"(?:{gap}(?P<y1>{_YEAR}){glued}|(?<=\.)(?P<y1s>\d\d)(?!\d)|{_S}*[’'](?P<y1a>\d\d)(?!\d))?)"
        r")",
        re.IGNORECASE,
    )
    # "November 8, 2021" and "March 2025" are found on the reversed text, so that this scan too
    # starts at digits (the year, or the day) and reads the month name after them
    rev_year = r"(?:(?<!\d)|(?<=[.:]\d)|(?<=[.:]\d\d))(?P<{n}>\d\d(?:91|02))(?!\d)"  # glued: "20195:35 pm"
    rev_day = r"(?:[01]3|\d[12]|[1-9]0?)"
    backward = re.compile(
        r"(?=\d)(?:"
        rf"(?P<mdy>(?:{rev_year.format(n='y')}(?P<ysep>[ \t\u00a0\u2009\u202f,]+)|(?<![\d:])(?<!\d[:.,]))"
        rf"(?:ht|dn|ts|dr)?(?P<d>{rev_day})(?!\d)(?P<gap>[ \t\u00a0\u2009\u202f.]*)"
        rf"(?=[^\W\d_])(?P<m>{_alternation(full + abbr, reverse=True)}){_NOT_LETTER_AHEAD})"
        rf"|(?P<my>{rev_year.format(n='y2')}(?P<ysep2>[ \t\u00a0\u2009\u202f,]+)(?:(?:ed|fo)[^\S\n]+)?"
        rf"(?=[^\W\d_])(?P<m2>{_alternation(full, reverse=True)}){_NOT_LETTER_AHEAD})"
        r")",
        re.IGNORECASE,
    )
    back_cue = re.compile(
        r"[\s:\-–—|,]*(?:[^\W\d_]{1,3}[\s:\-–—|,]+)?(?P<cue>"
        + "|".join(_phrase_pattern(p, True) for p in phrases)
        + rf"){_NOT_LETTER_AHEAD}",
        re.IGNORECASE,
    )
    line_cue = re.compile(
        r"[\W_]*(?P<cue>" + "|".join(_phrase_pattern(p, False) for p in phrases) + r")" + _NOT_LETTER_AHEAD + r"[\W_]*",
        re.IGNORECASE,
    )
    after_words = [p for p in phrases if cue_role[p] == "published" and " " not in p]
    trailing_cue = re.compile(
        rf"(?:[^\w\n]*\w{{1,4}}){{0,4}}?[^\w\n]+(?P<cue>{_alternation(after_words)}){_NOT_LETTER_AHEAD}",
        re.IGNORECASE,
    )
    number = r"(?:\d{1,3}|an?|one|two|three|ein|einer|einem|zwei|drei|un|une|una|uno|um|uma)"
    units = _alternation(list(unit_days))
    relative = re.compile(
        _NOT_LETTER_BEHIND + "(?:"
        rf"(?P<ago>(?:{_alternation(ago_before)}){_S}+(?P<n1>{number}){_S}+(?P<u1>{units})"
        rf"|(?P<n2>{number}){_S}*(?P<u2>{units}){_S}+(?:{_alternation(ago_after)}))"
        rf"|(?P<day>{_alternation(list(day_offsets))})"
        rf"|(?P<vague>{_alternation(vague)})"
        rf"|(?P<wday>{_alternation(weekdays_full)})"
        r")" + _NOT_LETTER_AHEAD,
        re.IGNORECASE,
    )
    return _Lexicon(
        month_of=month_of,
        common_word_months=frozenset(common),
        abbreviations=frozenset(abbr),
        english_months=frozenset(english),
        day_offsets=day_offsets,
        unit_days=unit_days,
        relative_words=frozenset(relative_words),
        cue_role=cue_role,
        cue_globs=globs,
        opening_cues=frozenset(opening),
        forward=forward,
        backward=backward,
        full_months=frozenset(full),
        weekdays=frozenset(weekdays),
        single_word_cues={r: frozenset(p for p in phrases if cue_role[p] == r and " " not in p)
                          for r in sorted(set(cue_role.values()))},
        multi_word_cues={r: tuple(p for p in phrases if cue_role[p] == r and " " in p and "~" not in p)
                         for r in sorted(set(cue_role.values()))},
        back_cue=back_cue,
        line_cue=line_cue,
        trailing_cue=trailing_cue,
        after_words=re.compile(_alternation(after_words), re.IGNORECASE),
        cue_first_words=frozenset(_WORDS_IN.findall(" ".join(p.split()[0] for p in phrases))),
        cue_last_words=frozenset(_WORDS_IN.findall(" ".join(p.split()[-1] for p in phrases))),
        relative=relative,
    )


def _cue_may_end_here(lex: _Lexicon, text: str, col: int) -> bool:
    """Whether a cue can end right before col (its last word there, or one short word before)."""
    reversed_left = text[max(0, col - 40):col][::-1]
    m = _LEFT_CUE_WORD.match(reversed_left)
    if m is None:
        return False
    word = m["word"][::-1].lower()
    if word in lex.cue_last_words:
        return True
    if len(word) <= 3:
        m = _LEFT_CUE_WORD.match(reversed_left, m.end())
        return m is not None and m["word"][::-1].lower() in lex.cue_last_words
    return False


def _first_word(text: str) -> str:
    m = _FIRST_WORD.match(text)
    return m["word"].lower() if m else ""


def _cue_phrase(lex: _Lexicon, text: str) -> str | None:
    """The cues.txt phrase that matched text ("Posted by Anna Berg on" -> "posted by ~ on")."""
    key = re.sub(r"\s+", " ", text.lower()).strip()
    if key in lex.cue_role:
        return key
    for pattern, phrase in lex.cue_globs:
        if pattern.fullmatch(key):
            return phrase
    return None


def _cue_role(lex: _Lexicon, text: str) -> str | None:
    phrase = _cue_phrase(lex, text)
    return lex.cue_role[phrase] if phrase else None


# ------------------------------------------------------------------ candidates

# A time right after a date ("12.12.2019, 07h36", "Oct 24, 2023 8:54 AM", "3 декабря 2020, 18:47")
_TIME_AFTER = re.compile(
    rf"[\s,|•·–—/-]*(?:(?:at|um|à|a las|alle|às|в|o|kl\.?|-){_S}*)?[012]?\d[:h]\d\d(?!\d)(?::\d\d)?{_S}*"
    r"(?:[ap]\.?\s?m\.?|uhr|h)?",
    re.IGNORECASE,
)
# "(Reuters) -", "(AP) —", "/PRNewswire/ --": what follows the date of a news dateline
# (one run of spaces before the dash when there is no credit: "\s*\s*" backtracks in n² on a
# long run of spaces)
_DATELINE_TAIL = re.compile(rf"{_S}*(?:(?:\([^)\n]{{1,40}}\)|/[^/\n]{{1,40}}/){_S}*)?(?:-{{1,2}}|–|—|:){_S}")
_WORDS = re.compile(r"[^\W\d_]{2,}")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")
_URL_DATE_SLASHED = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$)")


@dataclass(slots=True)
class Candidate:
    line: int  # 1-based line number
    start: int  # offsets into Page.text
    end: int
    text: str
    kind: str  # iso | numeric | named | no-year | month-year | relative | weekday | vague
    date: _dt.date | None = None  # a complete calendar date, when the expression gives one
    month: int | None = None  # what a partial expression gives
    day: int | None = None
    offset_days: int | None = None  # relative: days before the reference date
    ago: bool = False  # relative, counted back from now ("2 hours ago", "vor 3 Tagen")
    weekday: bool = False  # written with its weekday ("Friday, January 30, 2026")
    ambiguous: bool = False  # numeric day/month order could not be told
    written: str = ""  # "dm" (8 November) or "md" (November 8) for dates with month names
    role: str = "line"
    cue: str | None = None
    score: float = 0.0
    notes: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.date is not None

    @property
    def iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


def _valid(year: int, month: int, day: int) -> _dt.date | None:
    try:
        return _dt.date(year, month, day)
    except ValueError:
        return None


def _full_year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # a fixed pivot, no clock: 00-69 -> 20xx
        year += 2000 if year < 70 else 1900
    return year


def _month_number(month_of: dict[str, int], token: str) -> int:
    return month_of[" ".join(token.lower().split())]


def _month_ok(lex: _Lexicon, token: str, dotted: bool, has_year: bool) -> bool:
    """'may', 'mar' or 'set' next to a day but with no year are words, not months, unless
    capitalised or dotted ("May 5", "mar. 5"); an undotted abbreviation without a year must
    be English ("Jan 4", not "Set 12" or "2nd Gen")."""
    word = token.lower()
    if has_year or (word not in lex.common_word_months and word not in lex.abbreviations):
        return True
    if dotted:
        return True
    return token[:1].isupper() and (word not in lex.abbreviations or word in lex.english_months)


# the word left of a position, read on the reversed text: spaces, a comma or a dot, the word
_LEFT_WORD = re.compile(r"[^\S\n]*(?P<punct>[,.]?)\.?[^\S\n]*(?P<word>[^\W\d_]+)")
_WEEKDAY_LINKS = frozenset({"den", "le", "el", "the", "il", "o"})  # "Freitag, den 8. November"


def _left_word(text: str, pos: int) -> tuple[str, int, str] | None:
    """(word, where it starts, the comma or dot between) for the word just left of pos."""
    m = _LEFT_WORD.match(text[max(0, pos - 30):pos][::-1])
    if m is None:
        return None
    return m["word"][::-1], pos - m.end(), m["punct"]


def _weekday_left(lex: _Lexicon, text: str, pos: int) -> int | None:
    """Start of a weekday written right before pos ("Friday, ", "Mo., ", "Freitag, den ")."""
    left = _left_word(text, pos)
    if left is not None and left[0].lower() in _WEEKDAY_LINKS and not left[2]:
        left = _left_word(text, left[1])
    if left is not None and left[2] != "." and left[0].lower() in lex.weekdays:
        return left[1]
    return None


# Speed: both scans match only where a run of digits starts (the reversed one also one or two
# digits into a run after "." or ":"), so they are run from those places instead of letting `re`
# test every character of the text. The runs are found with str.find per ASCII digit (memchr),
# which is exact when the text holds no other decimal digit: every such digit (str.isdecimal,
# what `\d` matches) is encoded in UTF-8 with one of these lead bytes (tests/test_dates.py
# checks the list); a text with any of them is scanned the plain way.
_OTHER_DIGIT_LEADS = (b"\xd9", b"\xdb", b"\xdf", b"\xe0", b"\xe1", b"\xea", b"\xef", b"\xf0")


def _digit_positions(text: str) -> list[int] | None:
    """Sorted offsets of the digits of text, or None when it may hold non-ASCII digits."""
    if not text.isascii():
        raw = text.encode("utf-8", "surrogatepass")
        if any(lead in raw for lead in _OTHER_DIGIT_LEADS):
            return None
    found: list[int] = []
    find = text.find
    for digit in "0123456789":
        at = find(digit)
        while at >= 0:
            found.append(at)
            at = find(digit, at + 1)
    found.sort()
    return found


def _matches_at_runs(pattern: re.Pattern, text: str, starts) -> list[re.Match]:
    """What pattern.finditer(text) yields when every match starts at one of `starts` (ascending)."""
    out = []
    last = 0
    match = pattern.match
    for at in starts:
        if at < last:
            continue
        m = match(text, at)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def _forward_matches(lex: "_Lexicon", text: str, digits: list[int] | None) -> list[re.Match]:
    if digits is None:
        return list(lex.forward.finditer(text))
    starts = [p for k, p in enumerate(digits) if not k or digits[k - 1] != p - 1]
    return _matches_at_runs(lex.forward, text, starts)


def _backward_matches(lex: "_Lexicon", text: str, reversed_text: str, digits: list[int] | None) -> list[re.Match]:
    if digits is None:
        return list(lex.backward.finditer(reversed_text))
    size = len(text)
    last = len(digits) - 1
    starts: list[int] = []
    for k in range(last, -1, -1):  # the runs' ends in the text are their starts in the reversed text
        p = digits[k]
        if k < last and digits[k + 1] == p + 1:
            continue
        q = size - 1 - p
        starts.append(q)
        if q and reversed_text[q - 1] in ".:":  # "(?<=[.:]\d)", "(?<=[.:]\d\d)" in the year pattern
            for extra in (1, 2):
                if k - extra >= 0 and digits[k - extra] == p - extra:
                    starts.append(q + extra)
                else:
                    break
    return _matches_at_runs(lex.backward, reversed_text, starts)


def scan(text: str, line_starts: list[int]) -> list[Candidate]:
    """Every absolute date-like expression of the text, in order (roles come later)."""
    lex = lexicon()
    month_of = lex.month_of
    found: list[Candidate] = []
    numeric: list[tuple[Candidate, int, int, int, str]] = []  # candidate, a, b, year, separator
    digits = _digit_positions(text)
    for m in _forward_matches(lex, text, digits):
        start, end = m.span()
        year = None
        cand = Candidate(line=0, start=start, end=end, text="", kind="iso")
        if m["iso"] is not None:
            cand.date = _valid(int(m["iy"]), int(m["im"]), int(m["id"]))
        elif m["cjk"] is not None:
            cand.date = _valid(int(m["cy"]), int(m["cm"]), int(m["cd"]))
        elif m["num"] is not None:
            if len(m["ny"]) == 2 and (len(m["na"]) < 2 or len(m["nb"]) < 2):
                continue  # "2.7.13" is a version number; "26.10.13" is a date
            cand.kind = "numeric"
            numeric.append((cand, int(m["na"]), int(m["nb"]), _full_year(m["ny"]), m["nsep"]))
        else:  # 8 November 2021
            short_year = m["y1s"] or m["y1a"]
            year = m["y1"] or (str(_full_year(short_year)) if short_year else None)
            if not _month_ok(lex, m["m1"], m["m1dot"] is not None, year is not None):
                continue
            cand.kind = "no-year"
            cand.month, cand.day, cand.written = _month_number(month_of, m["m1"]), int(m["d1"]), "dm"
        if _finish(cand, year, text, line_starts, lex):
            found.append(cand)
    size = len(text)
    for m in _backward_matches(lex, text, text[::-1], digits):
        start, end = size - m.end(), size - m.start()
        if (m["ysep"] or "").count(",") > 1 or m["gap"] and m["gap"].count(".") > 1 or (m["ysep2"] or "").count(",") > 1:
            continue  # the separators' classes are loose for speed; one comma, one dot at most
        if m["mdy"] is not None:  # November 8, 2021
            token = m["m"][::-1]
            year = m["y"][::-1] if m["y"] else None
            if not _month_ok(lex, token, "." in m["gap"], year is not None):
                continue
            cand = Candidate(line=0, start=start, end=end, text="", kind="no-year",
                             month=_month_number(month_of, token), day=int(m["d"][::-1]), written="md")
        else:  # March 2025
            cand = Candidate(line=0, start=start, end=end, text="", kind="month-year",
                             month=_month_number(month_of, m["m2"][::-1]))
            year = None
        if _finish(cand, year, text, line_starts, lex):
            found.append(cand)
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[Candidate] = []
    for c in found:  # "8 November 2021" also holds "November 2021": keep the longer reading
        if kept and c.start < kept[-1].end:
            continue
        kept.append(c)
    found = kept
    if numeric:
        _order_numeric(numeric, text)
    return [c for c in found if c.kind != "numeric" or c.date is not None or c.ambiguous]


def _fresh(c: Candidate) -> Candidate:
    """A scanned candidate before any role was given to it."""
    return Candidate(line=c.line, start=c.start, end=c.end, text=c.text, kind=c.kind, date=c.date,
                     month=c.month, day=c.day, weekday=c.weekday, ambiguous=c.ambiguous, written=c.written,
                     notes=[n for n in c.notes if n.startswith("read ")])


def _finish(cand: Candidate, year: str | None, text: str, line_starts: list[int], lex: _Lexicon) -> bool:
    """Complete a candidate: its date, weekday, text and line. False when it is no date."""
    if cand.day is not None:  # a named month with its day
        if year is not None:
            cand.kind = "named"
            cand.date = _valid(int(year), cand.month, cand.day)
            if cand.date is None:
                return False
        elif _valid(2000, cand.month, cand.day) is None:  # 2000 is a leap year: 29 Feb passes
            return False
    elif cand.kind == "iso" and cand.date is None:
        return False
    if cand.kind != "month-year":
        weekday_start = _weekday_left(lex, text, cand.start)
        if weekday_start is not None:
            cand.weekday, cand.start = True, weekday_start
    cand.text = text[cand.start:cand.end]
    cand.line = bisect.bisect_right(line_starts, cand.start)
    return True


def _order_numeric(numeric: list[tuple[Candidate, int, int, int, str]], text: str) -> None:
    """Dotted dates are day first. Slashed and dashed ones are read in the order the page's
    unambiguous ones use (13/05/2021 -> day first), else day first when the page is not in
    English; an English page with nothing to go by leaves 05/11/2021 unread (British and
    American pages differ, and a page's embedded tweets may be written the other way)."""
    votes = {"dm": 0, "md": 0}
    for _, a, b, _, sep in numeric:
        if sep != "." and a > 12 >= b:
            votes["dm"] += 2
        elif sep != "." and b > 12 >= a:
            votes["md"] += 2
    order = "dm" if votes["dm"] > votes["md"] else "md" if votes["md"] > votes["dm"] else None
    guessed = False
    for cand, a, b, year, sep in numeric:
        if sep == "." or a > 12 or a == b:
            cand.date = _valid(year, b, a)
        elif b > 12:
            cand.date = _valid(year, a, b)
        else:
            guessed = order is None or guessed
            if order is None:
                order = "md?" if _looks_english(text) else "dm"
            if order == "md?":
                cand.notes.append("day/month order unknown (English page)")
            else:
                cand.notes.append(f"read {'day' if order == 'dm' else 'month'} first "
                                  f"({'page language' if guessed else 'other dates of the page'})")
            if order == "dm":
                cand.date = _valid(year, b, a)
            elif order == "md":
                cand.date = _valid(year, a, b)
            else:
                cand.ambiguous = True


_ENGLISH_WORDS = (" the ", " and ", " of ", " to ")
_OTHER_WORDS = (" der ", " die ", " und ", " le ", " la ", " et ", " les ", " el ", " los ", " il ", " che ",
                " és ", " az ", " и ", " в ", " na ", " w ", " de ", " het ", " och ", " og ", " ve ", " và ",
                " yang ", " dan ", " di ", " si ", " je ", " të ", " في ", " من ")


def _looks_english(text: str) -> bool:
    start = len(text) // 4  # the middle of a page is its article more often than its menus
    sample = text[start:start + 5000].lower()
    english = sum(sample.count(w) for w in _ENGLISH_WORDS)
    return english > sum(sample.count(w) for w in _OTHER_WORDS)


def _may_hold_relative(lines: list[Any]) -> list[Any]:
    """The lines of which scan_relative may find something, in order: all their words are read
    in one pass, and only lines whose lower-cased text holds one of the relative words found
    are kept (exact: no relative word has a letter whose lower case depends on its neighbours,
    as the final sigma's does)."""
    if not lines:
        return []
    joined = "\n".join([ln.text for ln in lines])
    words = _WORDS.findall(joined.lower()) if joined.isascii() else [w.lower() for w in _WORDS.findall(joined)]
    present = lexicon().relative_words.intersection(words)
    if not present:
        return []
    if any("σ" in w or "ς" in w for w in present):
        return lines  # a word with a sigma: its lower case depends on the letters around it
    out = []
    for ln in lines:
        low = ln.text.lower()
        if any(w in low for w in present):
            out.append(ln)
    return out


def scan_relative(text: str, line: Any) -> list[Candidate]:
    """Relative dates on one line: '2 hours ago', 'yesterday', 'this week', 'Friday'."""
    lex = lexicon()
    text = line.text
    # an ASCII line lower-cases word by word as it does whole: one lower() instead of one a word
    words = _WORDS.findall(text.lower()) if text.isascii() else [w.lower() for w in _WORDS.findall(text)]
    if lex.relative_words.isdisjoint(words):
        return []
    out = []
    for m in lex.relative.finditer(line.text):
        cand = Candidate(line=line.number, start=line.start + m.start(), end=line.start + m.end(),
                         text=m.group(), kind="relative")
        if m["ago"] is not None:
            cand.ago = True
            count = m["n1"] or m["n2"]
            days = lex.unit_days.get((m["u1"] or m["u2"]).lower(), 0)
            cand.offset_days = days * (int(count) if count.isdigit() else 1)
        elif m["day"] is not None:
            cand.offset_days = lex.day_offsets.get(re.sub(r"\s+", " ", m["day"].lower()))
        elif m["vague"] is not None:
            cand.kind = "vague"
        else:
            cand.kind = "weekday"
        out.append(cand)
    return out


# ------------------------------------------------------------------ page layout


@dataclass(slots=True)
class Layout:
    """Where the article's running text is: the largest cluster of prose lines."""

    prose: list[int]  # numbers of the lines that are running text, in order
    body_start: int  # 1-based line numbers; 0 when the page has no prose
    body_end: int

    def lede(self, count: int) -> list[int]:
        """The article's first prose lines."""
        first = bisect.bisect_left(self.prose, self.body_start) if self.body_start else len(self.prose)
        return self.prose[first:first + count]

    def crosses_body(self, first: int, last: int) -> bool:
        """Whether the article's first or last line lies between two line numbers."""
        return bool(self.body_start) and (first < self.body_start < last or first < self.body_end < last)

    def is_prose(self, number: int) -> bool:
        i = bisect.bisect_left(self.prose, number)
        return i < len(self.prose) and self.prose[i] == number


def layout(lines: list[Any], min_chars: int, max_gap: int) -> Layout:
    """max_gap counts lines of any kind (the renderers put a blank line between blocks)."""
    min_spaces = min_chars // 10
    prose: list[int] = []
    sizes: list[int] = []
    for ln in lines:
        text = ln.text
        if len(text) >= min_chars:
            stripped = text.strip()
            if len(stripped) >= min_chars and stripped.count(" ") >= min_spaces:
                prose.append(ln.number)
                sizes.append(len(text))
    best = (0, 0, 0)  # chars, first, last
    first = last = chars = 0
    for number, size in zip(prose, sizes):
        if first and number - last - 1 <= max_gap:
            last, chars = number, chars + size
        else:
            first, last, chars = number, number, size
        if chars > best[0]:
            best = (chars, first, last)
    return Layout(prose, best[1], best[2])


# ------------------------------------------------------------------ roles and scores


@dataclass(frozen=True, slots=True)
class Settings:
    min_score: float
    prose_chars: int
    body_gap: int
    near_body: int
    near_tail: int
    header_lines: int
    run_gap: int
    run_min: int
    max_candidates: int
    lede_lines: int
    earliest_year: int

    @classmethod
    def of(cls, ctx: Context) -> "Settings":
        p = ctx.config.param
        return cls(
            min_score=p(MISSING, "min_score"), prose_chars=p(MISSING, "prose_chars"),
            body_gap=p(MISSING, "body_gap"), near_body=p(MISSING, "near_body"),
            near_tail=p(MISSING, "near_tail"), header_lines=p(MISSING, "header_lines"),
            run_gap=p(MISSING, "run_gap"), run_min=p(MISSING, "run_min"),
            max_candidates=p(MISSING, "max_candidates"), lede_lines=p(PARTIAL, "lede_lines"),
            earliest_year=p(IMPLAUSIBLE, "earliest_year"),
        )


# A place before a dateline's date: "MINSK, ", "Karlsruhe, (", "BERLIN (dpa) "
_DATELINE_PLACE = re.compile(r"[^\W\d_][^\W\d_ .'/-]*(?:[ .'/-]+[^\W\d_]+){0,3}\s*(?:\([^)\n]{1,30}\))?\s*[,(]?\s*\(?\s*")
_BULLETS = "•*-–—+·>»|#"
_LOWER_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_A-ZÀ-ÞА-Я][^\W\d_]")  # a word starting lower-case


class _Page:
    """What the role rules look up about the page's lines, computed once and on demand."""

    def __init__(self, ctx: Context, lay: Layout, settings: Settings):
        self.lines = ctx.page.lines
        self.lay = lay
        self.lex = lexicon()
        self.labels = ctx.labels if any(lab.label != "body" for lab in ctx.labels) else None
        self.comment_range = ctx.page.html_comment_lines
        self._cue: dict[int, str | None] = {}
        self.found: list[Candidate] = []
        self.near_body = settings.near_body
        self.near_tail = settings.near_tail
        self.lede = lay.lede(settings.lede_lines)
        # a news dateline opens the article: above it, or in its first paragraphs
        self.dateline_limit = (lay.lede(3) or [len(self.lines)])[-1] if lay.body_start else len(self.lines)
        # the page's first non-blank lines: a date among them, far from the article, is the site's header
        self.header_end = 0
        seen = 0
        for ln in self.lines:
            if not ln.blank:
                seen += 1
                if seen > settings.header_lines:
                    break
                self.header_end = ln.number

    def cue_of_line(self, number: int) -> str | None:
        """Role of a line that is only a cue: 'Published', 'Related posts', 'Reply'."""
        if number not in self._cue:
            role = None
            stripped = self.lines[number - 1].text.strip()
            if stripped and len(stripped) <= 40 and _first_word(stripped) in self.lex.cue_first_words:
                m = self.lex.line_cue.fullmatch(stripped)
                role = _cue_role(self.lex, m["cue"]) if m else None
            self._cue[number] = role
        return self._cue[number]

    def has_cue(self, number: int, role: str, max_chars: int = 120) -> bool:
        """Whether the line holds a cue word of this role (on short lines only)."""
        text = self.lines[number - 1].text
        if len(text) > max_chars:
            return False
        low = text.lower()
        if any(p in low for p in self.lex.multi_word_cues[role]):
            return True
        return not self.lex.single_word_cues[role].isdisjoint(_WORDS.findall(low))


def _relative_found(page: Page, lay: Layout, settings: Settings) -> list[Candidate]:
    """Relative forms, only where they could date the page: short lines above the article and
    the article's first lines (a "said Friday" deeper down is the story's, not the page's)."""
    lines = page.lines
    top = (lay.body_start - 1) if lay.body_start else min(len(lines), 30)
    chosen = [ln for ln in lines[:top] if not ln.blank and len(ln.text) <= 80]
    chosen += [lines[n - 1] for n in lay.lede(settings.lede_lines)]
    relative: list[Candidate] = []
    for ln in _may_hold_relative(chosen):
        relative.extend(scan_relative(page.text, ln))
    return relative


def candidates(ctx: Context, settings: Settings, relative_forms: bool = True,
               scanned: list[Candidate] | None = None, lay: Layout | None = None,
               relative: list[Candidate] | None = None) -> tuple[list[Candidate], Layout]:
    """Every date-like expression of the page with its role and score (relative forms only
    when asked: they matter only when no full date dates the page). `scanned` is an earlier
    scan of the same page, reused; so are its layout `lay` and its relative forms `relative`
    (_relative_found, not used elsewhere: their roles are set here) when given."""
    page = ctx.page
    lines = page.lines
    if lay is None:
        lay = layout(lines, settings.prose_chars, settings.body_gap)
    if scanned is None:
        found = scan(page.text, [ln.start for ln in lines])
    else:
        found = [_fresh(c) for c in scanned]
    info = _Page(ctx, lay, settings)
    if not relative_forms:
        relative = []
    elif relative is None:
        relative = _relative_found(page, lay, settings)
    if relative:
        spans = [(c.start, c.end) for c in found]
        found.extend(r for r in relative if not any(s < r.end and r.start < e for s, e in spans))
        found.sort(key=lambda c: c.start)
    on_line: dict[int, list[Candidate]] = {}
    for c in found:
        on_line.setdefault(c.line, []).append(c)
    date_lines: list[tuple[Candidate, tuple[str, str, str]]] = []
    for c in found:
        shape = _assign_role(c, info, on_line[c.line])
        if shape is not None:
            date_lines.append((c, shape))
        elif c.role in ("published", "dated") and len(info.lines[c.line - 1].text) <= 160:
            date_lines.append((c, ("cue:" + (c.cue or "").lower(), "cue", "")))  # "Published: ..." teasers repeat too
    for same_line in on_line.values():  # "Release: 11.02.2005 | Dragonflight: 29.11.2022"
        if len(same_line) > 1 and any(c.role == "event" and c.cue for c in same_line):
            for c in same_line:
                if c.cue is None and c.role in ("line", "lead"):
                    c.role = "event"
    _mark_lists(date_lines, settings, lay)
    _mark_sections(found, info)
    info.found = found
    for c in found:
        c.score = _score(c, info, settings)
    return found, lay


def _assign_role(c: Candidate, info: _Page, same_line: list[Candidate]) -> tuple[str, str] | None:
    """Set c.role from the date's own line; returns the line's shape when it is a date line."""
    lex = info.lex
    ln = info.lines[c.line - 1]
    text = ln.text
    col, end = c.start - ln.start, c.end - ln.start
    indent = len(text) - len(text.lstrip())
    lead_col = col - indent
    timed = _TIME_AFTER.match(text, end)
    if timed:
        end = timed.end()
        c.notes.append("time")
    cue_role = None
    back = None
    if col and _cue_may_end_here(lex, text, col):
        back = lex.back_cue.match(text[max(0, col - 80):col][::-1])
    cue_start = col
    if back is not None and (
        _cue_phrase(lex, back["cue"][::-1]) not in lex.opening_cues
        # "By Ela on ...", not "Von wegen. Am Sonntag, ..." (a sentence, not a name)
        or (not _WORDS.search(text, 0, col - back.end()) and not _SENTENCE_END.search(back["cue"][::-1]))
    ):
        c.cue = back["cue"][::-1]
        cue_role = _cue_role(lex, c.cue)
        cue_start = col - back.end()
    elif lead_col == 0:
        prev = c.line - 1
        while prev >= 1 and info.lines[prev - 1].blank and c.line - prev <= 2:
            prev -= 1
        if prev >= 1 and info.cue_of_line(prev) in ("published", "updated", "neutral"):
            cue_role = info.cue_of_line(prev)
            c.cue = info.lines[prev - 1].text.strip()
    if cue_role is None and lex.after_words.search(text, end, end + 60):
        after = lex.trailing_cue.match(text, end)
        if after is not None:
            cue_role = _cue_role(lex, after["cue"])
            c.cue = after["cue"]
    # what the line says besides its dates, times and the cue
    rest = text[:cue_start]
    tail_from = end
    for other in same_line:
        if other is not c and other.start - ln.start >= end:
            rest += " " + text[tail_from:other.start - ln.start]
            tail_from = other.end - ln.start
    rest += " " + text[tail_from:]
    rest_words = _WORDS.findall(rest)
    words = len(rest_words)
    # a list's items share a template: the same few words around the date ("Blogposting 01/24/2020")
    skeleton = " ".join(rest_words).lower() if words <= 3 else "*"
    # a line that is mostly the date, or a stamp with its time in a line of page furniture
    date_line = (words <= 8 and len(text.strip()) <= 160) or (timed is not None and len(text.strip()) <= 200)
    # The noise check's labels: its reader-comment section is trusted; its boilerplate and meta
    # labels are not used for scoring (measured: they cost accuracy, the page's head is where
    # both the date and the navigation sit), except its "related" tail after the article.
    label = info.labels[c.line - 1] if info.labels is not None else None
    # comments follow the article: a "Published on" line above it is the article's own
    labelled_own = cue_role in ("published", "neutral") and info.lay.body_start and c.line < info.lay.body_start
    if (info.comment_range and info.comment_range[0] <= c.line <= info.comment_range[1]) or (
        label is not None and label.label == "comment" and not labelled_own
    ):
        c.role = "comment"
    elif (label is not None and label.label == "boilerplate" and label.kind == "related" and cue_role is None
          and (not info.lay.body_start or c.line > info.lay.body_end)):
        c.role = "related"
    elif cue_role in ("published", "neutral"):
        c.role = "published" if cue_role == "published" else "dated"
    elif cue_role == "updated":
        c.role = "updated"
    elif cue_role in ("event", "reply"):
        c.role = "event" if cue_role == "event" else "comment"
    elif "(@" in text[:col] or "@" in text[max(0, col - 3):col]:
        c.role = "event"  # an embedded post's stamp: "(@bumblebff) on May 2, 2019"
        c.notes.append("embedded post")
    elif date_line:
        c.role = "line"
        stripped = text.strip()
        bullet = stripped[0] if stripped[0] in _BULLETS else ""
        position = "alone" if words == 0 else "start" if lead_col <= 1 + len(bullet) else "end" if not text[end:].strip() else "mid"
        return skeleton, position, bullet
    elif lead_col <= 40 and not _LOWER_WORD.search(text, indent, col) and (
        (lead_col > 0 and _DATELINE_PLACE.fullmatch(text[indent:col]) and _DATELINE_TAIL.match(text, end)
         and c.line <= info.dateline_limit)
        or (c.line in info.lede and (lead_col == 0 or (lead_col <= 12 and text[indent:col].rstrip()[-1:] in "/–—-,:(|")))
    ):
        c.role = "dateline"
    elif lead_col <= 3:
        c.role = "lead"
        stripped = text.strip()
        return "*", "lead", (stripped[0] if stripped[0] in _BULLETS else "")
    else:
        c.role = "event"
    return None


def _mark_lists(date_lines: list[tuple[Candidate, tuple[str, str, str]]], settings: Settings, lay: Layout) -> None:
    """Date lines of one shape ("• Sep 25, 2020", "Release: ...") repeating close together with
    different dates are a list of other pages (related posts, archives, event calendars)."""
    by_shape: dict[tuple[str, str], list[Candidate]] = {}
    bulleted: set[int] = set()
    for c, (skeleton, position, bullet) in date_lines:
        by_shape.setdefault((skeleton, position), []).append(c)
        if bullet:
            bulleted.add(c.line)
    for members in by_shape.values():
        group: list[Candidate] = []
        for c in members + [None]:  # type: ignore[list-item]
            # bulleted items are lists by nature: they may lie further apart
            gap = settings.run_gap * (2 if c is not None and group and c.line in bulleted and group[-1].line in bulleted else 1)
            # a list does not run across the article (its date above it, related posts below it)
            if c is not None and group and c.line - group[-1].line <= gap and not lay.crosses_body(group[-1].line, c.line):
                group.append(c)
                continue
            values = {(g.date, g.month, g.day, g.kind) for g in group}
            if len({g.line for g in group}) >= settings.run_min and len(values) >= 2:
                for g in group:
                    if g.role in ("line", "lead", "published", "dated"):
                        g.role = "list"
            group = [c] if c is not None else []


def _mark_sections(found: list[Candidate], info: _Page) -> None:
    """Date lines next to a comment's 'Reply', or under a 'Related posts' / 'Comments' heading."""
    lay = info.lay
    for c in found:
        if c.role not in ("line", "lead", "list"):
            continue
        if info.has_cue(c.line, "reply") or any(
            1 <= n <= len(info.lines) and info.cue_of_line(n) == "reply" for n in (c.line - 1, c.line + 1)
        ):
            c.role = "comment"
            continue
        if lay.body_start and lay.body_start - info.near_body <= c.line <= lay.body_end:
            continue  # a "Latest news" heading in the sidebar does not make the article's date a list
        n = c.line - 1
        while n >= 1 and c.line - n <= 12 and not lay.is_prose(n):
            heading = info.cue_of_line(n)
            if heading in ("related", "comments"):
                c.role = "related" if heading == "related" else "comment"
                break
            n -= 1


def _score(c: Candidate, info: _Page, settings: Settings) -> float:
    score = ROLE_SCORE[c.role]
    if c.role in ("event", "comment", "list", "related"):
        return score
    lay = info.lay
    if lay.body_start:
        if c.line < lay.body_start:
            distance = lay.body_start - c.line
            if distance <= settings.near_body:
                score += 3.0 - 0.1 * distance
                c.notes.append("above the article")
            else:
                score += 1.0
                c.notes.append("far above the article")
                if c.line <= info.header_end and c.role == "line":
                    score -= 2.0
                    c.notes.append("in the site's header")
        elif c.line <= lay.body_end:
            score += 1.0
            c.notes.append("inside the article")
        elif c.line - lay.body_end <= settings.near_tail:
            score += 1.0
            c.notes.append("right below the article")
        else:
            score -= 3.0
            c.notes.append("below the article")
    else:
        score += 1.0
    if "time" in c.notes:
        score += 1.0
    lines = info.lines
    for n in sorted(range(max(1, c.line - 2), min(len(lines), c.line + 2) + 1), key=lambda n: abs(n - c.line)):
        text = lines[n - 1].text.strip()
        if n == c.line:  # "26/12/2019 von revamp-it Webteam", "jeudi 13 juin 2019 , par Attac France"
            after = lines[n - 1].text[c.end - lines[n - 1].start:]
            if len(text) <= 100 and _first_word(after) in info.lex.single_word_cues["byline"] and _starts_with_byline(info.lex, after.lstrip(" ,|-–—·•")):
                text = after.lstrip(" ,|-–—·•")
        if text and len(text) <= 100 and _starts_with_byline(info.lex, text):
            score += 2.5 if n == c.line else 1.5  # "By Ava Thompson | March 16, 2025" is the classic
            c.notes.append("byline on its line" if n == c.line else "byline nearby")
            break
    if c.role == "line" and any(
        o.role == "updated" and o.date and c.date and o.date > c.date and abs(o.line - c.line) <= 5 for o in info.found
    ):
        score += 1.5
        c.notes.append("next to the updated date")
    if info.has_cue(c.line, "meta"):
        score += 1.5
        c.notes.append("reading time")
    return score


def _starts_with_byline(lex: _Lexicon, text: str) -> bool:
    if _first_word(text) not in lex.cue_first_words:
        return False
    m = lex.line_cue.match(text)
    return bool(m) and m.start("cue") <= 2 and _cue_role(lex, m["cue"]) == "byline"


# ------------------------------------------------------------------ decision

_SOURCE_OF_ROLE = {
    "published": "text:published-cue",
    "dated": "text:date-cue",
    "dateline": "text:dateline",
    "line": "text:date-line",
    "lead": "text:line-start",
    "updated": "text:updated-cue",
}


def _parse_iso(value: str | None) -> _dt.date | None:
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
        return None
    return _valid(int(value[:4]), int(value[5:7]), int(value[8:10]))


def url_date(url: str | None) -> _dt.date | None:
    """A date in the URL's path: /2021/11/08/ or /20211108 or -2021-11-08-."""
    if not url:
        return None
    path = url.split("://", 1)[-1].partition("/")[2].split("?", 1)[0]
    m = _URL_DATE_SLASHED.search("/" + path) or _URL_DATE.search(path)
    return _valid(int(m[1]), int(m[2]), int(m[3])) if m else None


def _partial_value(c: Candidate) -> str | None:
    if c.kind == "no-year":
        return f"--{c.month:02d}-{c.day:02d}"
    if c.kind == "month-year":
        return f"{c.text[-4:]}-{c.month:02d}"
    return None


def _resolve(c: Candidate, crawl: _dt.date) -> _dt.date | None:
    """A partial or relative date read against the crawl date (the latest such day not after it)."""
    if c.kind == "no-year":
        for year in (crawl.year, crawl.year - 1):
            day = _valid(year, c.month, c.day)
            if day is not None and day <= crawl:
                return day
        return None
    if c.kind == "relative" and c.offset_days is not None:
        return crawl - _dt.timedelta(days=c.offset_days)
    return None


def _describe(c: Candidate, line_of: Callable[[int], int]) -> str:
    where = ", ".join(c.notes)
    return f"line {line_of(c.line)} {c.text!r}: {c.role}" + (f" ({where})" if where else "") + f", score {c.score:g}"


@dataclass(slots=True)
class Evidence:
    """One source's answer: a date, where it comes from, how far it is trusted."""

    date: _dt.date
    source: str
    trust: float
    why: str
    candidate: Candidate | None = None  # when it is a date of the analysed text
    on_page: bool = True  # False for a date seen only in the HTML's visible text


# How far each source is trusted when they disagree (see _trust_of_text):
TRUST = {"input": 5.0, "url": 4.5, "text-labelled": 4.0, "htmldate": 2.0, "text": 1.0}


def _trust_of_text(c: Candidate) -> tuple[float, str]:
    """A date that labels itself (a cue, a dateline), or a dated line right above the article
    with its time or byline, is what the reader sees as the publication date: it beats the
    URL and htmldate (whose date may come from a modified-date meta tag). A bare date line
    does not."""
    if c.role in ("published", "dated", "dateline"):
        return TRUST["text-labelled"], f"the text labels it ({c.role})"
    if c.role == "line" and "above the article" in c.notes and c.score >= 5.5:
        return TRUST["text-labelled"], "a dated line right above the article"
    return TRUST["text"], f"a {c.role} in the text"


def _choose(ranked: list[Candidate], settings: Settings, implausible) -> tuple[Candidate | None, list[Candidate]]:
    """The best complete, plausible date; an "Updated" one only when the page gives no other.
    Also returns the prominent candidates set aside as implausible."""
    rejected: list[Candidate] = []
    for wanted in (lambda c: c.role != "updated", lambda c: c.role == "updated"):
        for c in ranked:
            if c.score < settings.min_score:
                break
            if not c.complete or c.ambiguous or not wanted(c):
                continue
            if c.role == "updated" and "below the article" in c.notes:
                continue  # "This page was last modified on ..." in a wiki's footer
            if implausible(c.date):
                if c not in rejected:
                    rejected.append(c)
                continue
            return c, rejected
    return None, rejected


# built in a pool's parent before it forks (checks.preload)
PRELOAD = (lexicon,)


def run(ctx: Context) -> dict[str, Any]:
    settings = Settings.of(ctx)
    page, doc = ctx.page, ctx.page.doc
    found, lay = candidates(ctx, settings, relative_forms=False)
    crawl = _parse_iso(doc.crawl_date)

    def implausible(day: _dt.date) -> str | None:
        if day.year < settings.earliest_year:
            return f"before {settings.earliest_year}"
        if crawl is not None and day > crawl:
            return f"after the crawl date {crawl.isoformat()}"
        return None

    ranked = _rank(found, lay)
    best, rejected = _choose(ranked, settings, implausible)
    for c in rejected:
        ctx.emit(IMPLAUSIBLE.finding(page, page.lines[c.line - 1], span=(c.start, c.end), date=c.iso,
                                     reason=implausible(c.date)))
    updated = next((c for c in ranked if c.role == "updated" and c.complete and not implausible(c.date)), None)

    evidence: list[Evidence] = []
    declared = _parse_iso(doc.date)
    if declared is not None and not implausible(declared):
        evidence.append(Evidence(declared, "input", TRUST["input"], "the input declares it"))
    if best is not None:
        trust, why = _trust_of_text(best)
        evidence.append(Evidence(best.date, _SOURCE_OF_ROLE.get(best.role, "text"), trust, why, best))
    if page.kind == "html" and doc.html and (best is None or _trust_of_text(best)[0] < TRUST["text-labelled"]):
        # trafilatura's main text often leaves the date line out: look at the whole visible page
        shown = _visible_page_best(ctx, settings, implausible)
        if shown is not None and (best is None or shown.date != best.date):
            trust, why = _trust_of_text(shown)
            source = "html" + _SOURCE_OF_ROLE.get(shown.role, "text")[len("text"):]
            evidence.append(Evidence(shown.date, source, trust, why + " (visible page, outside the main text)",
                                     shown, on_page=False))
    in_url = url_date(doc.url)
    if in_url is not None and not implausible(in_url):
        evidence.append(Evidence(in_url, "url", TRUST["url"], "the URL carries it"))
    if page.kind == "html":
        from_markup = _parse_iso(page.html_meta.get("date"))
        if from_markup is not None and not implausible(from_markup):
            evidence.append(Evidence(from_markup, "htmldate", TRUST["htmldate"], "htmldate found it in the markup"))
    winner = max(evidence, key=lambda e: e.trust) if evidence else None  # max keeps the first of equals
    if winner is not None:
        _report_conflicts(ctx, winner, evidence)

    result: dict[str, Any] = {"published": None, "status": "missing", "line": None, "source": None}
    partial: Candidate | None = None
    if winner is None:
        # "2 hours ago" may date it in part; with no relative form on the page, the candidates
        # and their roles are those found above (the same scan gets the same roles)
        relative = _relative_found(page, lay, settings)
        if relative:
            found, lay = candidates(ctx, settings, relative_forms=True, lay=lay, relative=relative,
                                    scanned=[c for c in found if c.kind not in ("relative", "weekday", "vague")])
            ranked = _rank(found, lay)
        partial = _partial_candidate(ranked, lay, settings)
    def line_of(number: int) -> int:  # notes name the input's lines, as the report does
        return page.input_line_span(number)[0]

    rejected_notes = [f"line {line_of(c.line)} {c.text!r} is {implausible(c.date)}" for c in rejected[:2]]
    if winner is not None:
        result.update(published=winner.date.isoformat(), status="found", source=winner.source)
        c = winner.candidate
        if c is not None and winner.on_page:
            result.update(line=c.line, evidence=c.text)
            result["note"] = "; ".join([_describe(c, line_of)] + rejected_notes + _rejections(ranked, c, line_of))
        elif c is not None:
            result["evidence"] = c.text
            result["note"] = f"{winner.why}: {c.text!r}"
        else:
            result["note"] = f"{winner.source}: {winner.why}"
    elif partial is not None:
        result.update(status="partial", line=partial.line, source="text:" + partial.role, evidence=partial.text)
        reason = ("relative date" if partial.kind in ("relative", "weekday", "vague")
                  else "no year" if partial.kind == "no-year" else "no day")
        resolved = _resolve(partial, crawl) if crawl is not None else None
        if resolved is not None and not implausible(resolved):
            result.update(published=resolved.isoformat(), resolved_from=f"crawl_date {crawl.isoformat()}")
            reason += f", resolved with the crawl date {crawl.isoformat()}"
        result["note"] = "; ".join([_describe(partial, line_of) + f" ({reason})"] + rejected_notes
                                   + _rejections(ranked, partial, line_of))
        ctx.emit(PARTIAL.finding(page, page.lines[partial.line - 1], span=(partial.start, partial.end),
                                 evidence=partial.text, reason=reason))
    else:
        result["note"] = "; ".join(["no convincing date"] + rejected_notes + _rejections(ranked, None, line_of))
        ctx.emit(MISSING.document_finding())
    if updated is not None:
        result["updated"] = updated.iso
    result["candidates"] = _candidate_list(ranked, settings.max_candidates)
    return result


def _report_conflicts(ctx: Context, winner: Evidence, evidence: list[Evidence]) -> None:
    """One D104 finding per source whose date differs from the winner's."""
    page = ctx.page
    for other in evidence:
        if other is winner or other.date == winner.date:
            continue
        details = dict(winner=winner.date.isoformat(), winner_source=winner.source, loser=other.date.isoformat(),
                       loser_source=other.source, reason=f"{winner.why}; {other.source}: {other.why}")
        c = winner.candidate if winner.on_page else None
        if c is not None:
            ctx.emit(CONFLICT.finding(page, page.lines[c.line - 1], span=(c.start, c.end), **details))
        else:
            ctx.emit(CONFLICT.document_finding(**details))


def _visible_page_best(ctx: Context, settings: Settings, implausible) -> Candidate | None:
    """The best date of the whole visible HTML page, rendered one block per line."""
    shown = ctx.visible_page_context()
    if shown is None:
        return None
    found, lay = candidates(shown, settings, relative_forms=False)
    best, _ = _choose(_rank(found, lay), settings, implausible)
    return best


def _rank(found: list[Candidate], lay: Layout) -> list[Candidate]:
    """Best score first; between equals, the one nearer the article's start."""
    return sorted(found, key=lambda c: (-round(c.score, 6), abs(c.line - lay.body_start), c.line))


def _partial_candidate(ranked: list[Candidate], lay: Layout, settings: Settings) -> Candidate | None:
    """A date that only partly dates the page: a year-less or relative date line above the
    article, or a year-less date in the article's first sentences (news ledes date the news)."""
    lede = lay.lede(settings.lede_lines)
    for c in ranked:
        if c.complete or c.ambiguous:
            continue
        if c.score < settings.min_score or c.role not in ("published", "dated", "dateline", "line"):
            continue
        if (c.kind == "no-year"
                # "November 2021" alone is more often an archive link than a date line
                or (c.kind == "month-year" and c.role in ("published", "dated"))
                # "2 hours ago" is a time stamp; a bare "today" or "Friday" only with a time or a cue,
                # and not in a sentence ("the report published today shows ...")
                or (c.kind in ("relative", "weekday") and (c.ago or "time" in c.notes or c.cue is not None)
                    and not lay.is_prose(c.line))):
            return c
    for c in sorted(ranked, key=lambda c: c.start):
        if c.kind == "no-year" and c.line in lede and c.role in ("event", "lead", "dateline"):
            c.notes.append("in the article's first sentences")
            return c
    return None


def _rejections(ranked: list[Candidate], winner: Candidate | None, line_of: Callable[[int], int]) -> list[str]:
    """Why the other candidates lost, grouped by role, with the notes of each group's best
    (a short, bounded text)."""
    by_role: dict[str, list[Candidate]] = {}
    for c in ranked:  # best first
        if c is not winner and (c.complete or c.kind == "no-year") and (winner is None or c.text != winner.text or c.line != winner.line):
            by_role.setdefault(c.role, []).append(c)
    parts = []
    for role in sorted(by_role, key=lambda r: (-ROLE_SCORE[r], r)):
        members = by_role[role]
        numbers = sorted({line_of(c.line) for c in members})
        shown = ", ".join(map(str, numbers[:4])) + (" ..." if len(numbers) > 4 else "")
        notes = ", ".join(members[0].notes)
        parts.append(f"{role} (line{'s' if len(numbers) > 1 else ''} {shown})" + (f": {notes}" if notes else ""))
    return ["not taken: " + "; ".join(parts)] if parts else []


def _candidate_list(ranked: list[Candidate], limit: int) -> list[dict[str, Any]]:
    top = sorted(ranked[:limit], key=lambda c: c.start)
    return [
        {"date": c.iso or _partial_value(c), "line": c.line, "kind": c.kind, "role": c.role,
         "text": c.text, "score": round(c.score, 2)}
        for c in top
    ]
