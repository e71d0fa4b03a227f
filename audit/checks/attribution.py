"""Who wrote the text and whom it credits: byline, outlet and wire credits, quotes without a
speaker, figures without a source, and how reliable the source's domain is rated.

Bylines come from explicit cues ("By X", "Von X", "Author: X", "Posted on <date> by X"), or from
a person's name written next to the date line of the article header. For HTML input the page is
rendered to lines (trafilatura's text drops bylines) and read the same way; trafilatura's author
metadata only supplies the spelling when it agrees with, or is shown as, a byline on the page. A
false byline is worse than none, so a candidate must parse cleanly as a name and sit outside
reader comments, related-post blocks and author boxes.

Credits are outlet names the text gives as its origin: a wire dateline "(Reuters) -", a headline
credited "– Belarus News (BelTA)" in the header, "as reported by RIA Novosti", a standalone
outlet line at the end, "Source: X", an institution's reuse notice, a syndication notice. Credits
inside a run of related-post headlines are not this document's. Cue words, the outlet table and
the patterns live in audit/data/attribution/; domain ratings in audit/data/ratings/.
"""

from __future__ import annotations

import csv
import re
import tomllib
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from ..alternation import literal_alternation
from ..context import Context
from ..datafiles import data_path
from ..model import Line
from ..rules import define
from ..textcache import TextCache
from .comments import relative_time_pattern

REPORT_KEY = "attribution"


# ---------------------------------------------------------------------------------------------
# Rules. A1xx byline and credits, A2xx quotes and figures, A3xx reliability (scored under the
# "reliability" dimension, see audit/scores.py).

MISSING_BYLINE = define(
    "A101", "byline-missing", "warning",
    "No author named: the text has no byline",
    "Flags a document that names no author.",
    why="Anonymous text cannot be checked against its author's record; content farms and scraped "
        "rewrites often drop the byline.",
    example="A news story that starts with its headline and goes straight into the text.",
)
OTHER_OUTLET = define(
    "A102", "credited-to-other-outlet", "info",
    "The text credits {sources} as its origin",
    "Flags a text that credits a news agency or another outlet for its content.",
    why="Wire copy and rewrites of other outlets' stories recur across a corpus: they are duplicates "
        "to deduplicate and their facts are second-hand.",
    example="'... Lukashenko stated, as reported by RIA Novosti.'",
)
UNATTRIBUTED_QUOTE = define(
    "A201", "quote-without-speaker", "info",
    "Quotation with no speaker named in its sentence",
    "Flags a quoted statement of several words whose sentence names nobody who said it.",
    why="A quote nobody said cannot be checked; generated text invents such quotes.",
    example='"This will change everything for the region."',
    min_words=6,
)
UNSOURCED_FIGURE = define(
    "A202", "unsourced-figure", "warning",
    "{count} figure(s) with no named source: {excerpt!r}",
    "Flags percentages and survey results whose sentence, or the line that introduces their table, "
    "names no source.",
    why="A number without a source cannot be verified; content farms pad rewrites with invented "
        "survey results.",
    example="'recent surveys have highlighted key issues at play:' followed by a table of percentages.",
    neighbourhood_lines=6,
)
GENERIC_BIO = define(
    "A301", "generic-author-bio", "warning",
    "Generic author bio: {excerpt!r}",
    "Flags a stock author bio made of clichés and no facts.",
    why="Content farms give invented authors interchangeable bios.",
    example="'A seasoned investigative journalist known for her sharp wit and tenacity.'",
)
SYNDICATION = define(
    "A302", "syndication-notice", "warning",
    "Syndication notice: the content is copied from elsewhere",
    "Flags a notice saying the page's content is syndicated, republished or first appeared elsewhere.",
    why="Syndicated copies duplicate the original and are often automated rewrites.",
    example="'Copyright for syndicated content belongs to the linked Source.'",
)
REWRITTEN_HEADLINE = define(
    "A303", "rewritten-headline-credit", "warning",
    "The original headline is credited to {outlet} under a rewritten title",
    "Flags an article whose header shows another outlet's credited headline next to its own, "
    "different title: the text is a rewrite of that outlet's story.",
    why="Aggregator and content-farm rewrites paraphrase another outlet's story, often with "
        "generated text.",
    example="'Lukashenko wants to make Belarus-Russia integration irreversible – Belarus News (BelTA)' "
            "under the title 'Lukashenko Aims to Cement Unbreakable Belarus-Russia Integration'.",
)
LOW_RATED = define(
    "A304", "low-rated-domain", "warning",
    "Source domain {domain} is rated {rating} ({source})",
    "Flags a document whose domain (from its URL, else from the outlet it credits) is rated unreliable.",
    why="Low-rated domains publish misleading content more often. The rating already sets the "
        "reliability score's base, so this finding takes no further points.",
    example="ria.ru (label -1 in the golden-truth ratings).",
    points=0,
    max_label=-1,
)

RATING_WORDS = {1: "reliable", 0: "mixed", -1: "unreliable", -2: "very unreliable"}


# ---------------------------------------------------------------------------------------------
# Data, loaded once per process.

def _alternation(words: list[str]) -> str:
    """A regex matching any of `words`, longest first, as a prefix tree (audit.alternation)."""
    return literal_alternation(sorted(set(words)))


@dataclass(frozen=True)
class Outlet:
    name: str
    domain: str
    kind: str


@dataclass
class _Data:
    prefix_cue: re.Pattern
    label_cue: re.Pattern
    colon_cue: re.Pattern
    noun_endings: tuple
    not_personal: frozenset
    outlet_words: frozenset  # outlet names and aliases, lower-cased
    trailing_cue: re.Pattern
    by_twice: re.Pattern
    name_enders: frozenset
    joiners: frozenset
    particles: frozenset
    not_name: frozenset
    date: re.Pattern
    time: re.Pattern
    relative_time: re.Pattern  # "vor 2 Stunden", "3 hours ago" (on lower-cased text)
    outlets: dict  # written name -> Outlet
    outlet_re: re.Pattern
    according_cue: re.Pattern
    wire_dateline: re.Pattern
    source_label: re.Pattern
    reuse_notice: re.Pattern
    syndication: list
    related_headings: frozenset
    author_box: frozenset
    photo_credit: re.Pattern
    comment_verbs: frozenset
    quote: re.Pattern
    speech: re.Pattern
    figure: re.Pattern
    survey_claim: re.Pattern
    source_cues: re.Pattern
    generic_bio: list
    cue_keys: tuple  # substrings of the cues, to find the lines worth reading for a byline
    cue_words: frozenset  # first words of the byline cues: a line without one has no cue
    credit_words: tuple  # the according-to cues
    # fast filters: a line can only hold a match of a pattern if it contains one of its words
    claim_words: tuple
    figure_words: tuple
    notice_words: tuple
    source_label_words: tuple
    outlet_nouns: frozenset
    shared_hosts: frozenset
    bio_words: tuple
    role: re.Pattern  # a staff role closing a line: "Political Editor", "Redakteurin"
    role_words: frozenset  # the roles, lower-cased: the last word of a line the role pattern can match
    guest_cue: re.Pattern  # "mit", "with" before an interviewee's name
    opinion_labels: frozenset  # "kommentar": an opinion piece's label alone before its byline cue


_WORD = re.compile(r"[^\W\d_]+(?:[*:'’][^\W\d_]+)?")


def _words(lower_text: str) -> set[str]:
    return set(_WORD.findall(lower_text))


_NO_WORDS: frozenset = frozenset()

# The word lists that pick the lines worth reading, one bit each (see _WordScan).
_CUES, _NOTICES, _CREDITS, _SOURCE_LABELS, _QUOTE_MARKS, _FIGURES, _CLAIMS, _BIOS = (1 << k for k in range(8))
_LIST_BITS = (_CUES, _NOTICES, _CREDITS, _SOURCE_LABELS, _QUOTE_MARKS, _FIGURES, _CLAIMS, _BIOS)
# letters and the space from the most to the least frequent in running text (English, German):
# each listed word is looked for at its rarest character, other characters count as rarest
_COMMON_FIRST = " etaoinshrdlucmwfgypbvkjxqz"


@dataclass(frozen=True)
class _WordScan:
    """All the word lists as one regex that stops only at each word's rarest character (re skips
    the other characters of the page cheaply): one pass over the page instead of a str.find per
    word (~100 words), which was this check's largest cost."""

    pattern: re.Pattern
    at_anchor: dict  # anchor character -> ((its offset in the word, word, bits of its lists), ...)


@lru_cache(maxsize=1)
def _word_scan() -> _WordScan:
    data = _data()
    lists = ((_CUES, data.cue_keys), (_NOTICES, data.notice_words), (_CREDITS, data.credit_words),
             (_SOURCE_LABELS, ("(", *data.source_label_words)), (_QUOTE_MARKS, _OPENING_QUOTES),
             (_FIGURES, data.figure_words), (_CLAIMS, data.claim_words), (_BIOS, data.bio_words))
    lists_of: dict[str, int] = {}
    for bit, words in lists:
        for w in words:
            lists_of[w] = lists_of.get(w, 0) | bit

    def rarity(ch: str) -> int:
        at = _COMMON_FIRST.find(ch)
        return -1 if at < 0 else len(_COMMON_FIRST) - at

    at_anchor: dict[str, list[tuple[int, str]]] = {}
    for w in sorted(lists_of):
        k = min(range(len(w)), key=lambda i: (rarity(w[i]), i))
        at_anchor.setdefault(w[k], []).append((k, w))
    branches = []
    for ch in sorted(at_anchor):
        # after the anchor: the word's letters before it (lookbehind) and after it (lookahead)
        rests = [(f"(?<={re.escape(w[:k + 1])})" if k else "") + (f"(?={re.escape(w[k + 1:])})" if w[k + 1:] else "")
                 for k, w in at_anchor[ch]]
        branches.append(re.escape(ch) + ("(?:" + "|".join(rests) + ")" if all(rests) else ""))
    return _WordScan(re.compile("|".join(branches)),
                     {ch: tuple((k, w, lists_of[w]) for k, w in v) for ch, v in at_anchor.items()})


def _list_masks(joined: str, starts: list[int]) -> dict[int, int]:
    """Line position (offsets `starts` in `joined`) -> the bits of the lists it holds a word of,
    for the lines that hold any."""
    scan = _word_scan()
    at_anchor = scan.at_anchor
    masks: dict[int, int] = {}
    # each match is one anchor character, so finditer stops at every anchor where a word may be
    for m in scan.pattern.finditer(joined):
        at = m.start()
        # every word with this anchor that is written here (the regex names only the first)
        for k, w, bits in at_anchor[joined[at]]:
            if at >= k and joined.startswith(w, at - k):
                line = bisect_right(starts, at - k) - 1
                masks[line] = masks.get(line, 0) | bits
    return masks


# A line's facts that depend on its text alone (_line_facts): the lines of a site's template
# repeat on every page, and reading them is most of this check's time.
LINE_CACHE_CHARS = 100_000  # characters of line text kept (~0.5 MB a process), then it starts afresh
_FACTS_CACHE = TextCache(LINE_CACHE_CHARS)


class _LineFacts(NamedTuple):
    low: str  # the lower-cased text after a space (so " per " finds "per" at a line start)
    prose: bool
    heading: str | None  # "related" (related-post heading), "box" (author-box heading) or None
    credited: bool  # a "Headline – Outlet" line
    lists: int  # the bits of the word lists it holds a word of


def _line_facts(texts: list[str], data: _Data) -> list[_LineFacts]:
    """The facts of each line. Lines not seen before are searched for the listed words together
    (_list_masks)."""
    cache = _FACTS_CACHE
    facts = [cache.get(t) for t in texts]
    new = [i for i, f in enumerate(facts) if f is None]
    if not new:
        return facts  # type: ignore[return-value]
    # the lower-cased lines, each after a space (so " per " finds "per" at a line start); lower-
    # cased one by one (a line break ends the final sigma's context too)
    spaced = [" " + texts[i].lower() for i in new]
    masks = _list_masks("\n".join(spaced), list(accumulate([len(t) + 1 for t in spaced[:-1]], initial=0)))
    for k, i in enumerate(new):
        text, low = texts[i], spaced[k]
        prose = len(text) >= PROSE_MIN_CHARS and _is_prose(text)
        heading = None
        if len(text) <= 60:
            key = _heading_key(low[1:])
            heading = "related" if key in data.related_headings else "box" if key in data.author_box else None
        credited = not prose and _has_dash(text) and _headline_credit(text.strip()) is not None
        facts[i] = _LineFacts(low, prose, heading, credited, masks.get(k, 0))
        cache.put(text, facts[i])
    return facts  # type: ignore[return-value]


def _lines_by_list(masks: list[int]) -> dict[int, set[int]]:
    """For each list's bit, the positions of the lines that contain one of its words."""
    listed: dict[int, set[int]] = {bit: set() for bit in _LIST_BITS}
    for i, mask in enumerate(masks):
        if mask:
            for bit, lines in listed.items():
                if mask & bit:
                    lines.add(i)
    return listed


def _key_substrings(phrases: list[str]) -> tuple:
    """One substring per phrase (its longest word) that every line holding the phrase contains,
    without the keys that contain a shorter key."""
    return _minimal({max(_WORD.findall(ph.lower()) or [ph.lower()], key=len) for ph in phrases})


def _minimal(words) -> tuple:
    """The words without those that contain another (a line with "berichtete" has "berichtet")."""
    words = set(words)
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def _first_words(phrases: list[str]) -> frozenset:
    return frozenset(w for ph in phrases for w in _WORD.findall(ph.lower())[:1])


@lru_cache(maxsize=1)
def _data() -> _Data:
    with data_path("attribution", "patterns.toml").open("rb") as fh:
        p = tomllib.load(fh)
    by, cr, rel = p["byline"], p["credits"], p["related"]
    sep = r"[\s|•·/–—:,*-]"
    prefixes = _alternation(by["prefix_words"])
    labels = _alternation(by["label_phrases"])
    months = _alternation(p["dates"]["months"])
    date = (
        rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b|\b\d{{1,2}}[./-]\d{{1,2}}[./-](?:\d{{4}}|\d{{2}})\b|\b\d{{1,2}}\.\s\d{{1,2}}\.\s\d{{4}}\b"
        rf"|\b\d{{1,2}}\s?\|\s?\d{{1,2}}\s?\|\s?\d{{4}}\b"
        rf"|\b(?:\d{{1,2}}(?:\.|er|st|nd|rd|th)?\s*(?:de\s+)?)?(?:{months})\b\.?,?\s*(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s*)?(?:(?:de\s+)?\d{{4}})"
        rf"|\b\d{{1,2}}\.?\s+(?:de\s+)?(?:{months})\b"
        rf"|\b(?:{months})\.?\s+\d{{1,2}}\b"
    )
    outlets: dict[str, Outlet] = {}
    with data_path("attribution", "outlets.csv").open("r", encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            outlet = Outlet(row["name"], row["domain"], row["kind"])
            for written in [row["name"], *filter(None, (row.get("aliases") or "").split("|"))]:
                outlets[written.strip()] = outlet
    months_list = p["dates"]["months"]
    return _Data(
        # "By X" at the start of a line, or after a date / separator ("Oct 30 2020 by Emily Co").
        # matched only where a cue's first word starts (see _byline_from_cue)
        prefix_cue=re.compile(rf"(?:{prefixes})\b\s*:?\s*", re.I),
        label_cue=re.compile(rf"(?:{labels})(?![\w*])\s*:?\s*(?=\S)", re.I),
        colon_cue=re.compile(rf"(?:{_alternation(by['colon_labels'])})(?:\s+(?:und|and|&|et|y)\s+\w+)?\s*:\s*(?=\S)", re.I),
        noun_endings=tuple(by["noun_endings"]),
        not_personal=frozenset(by["not_name_words"] + by["not_personal_words"]),
        outlet_words=frozenset(w.lower() for w in outlets),
        # a line that ends with the cue; the name is on the next line ("Von" / "Patrick Otte")
        trailing_cue=re.compile(rf"(?:^|{sep}|\d)\s*(?:(?:{prefixes})\s*:?|(?:{labels})\s*:)\s*$", re.I),
        by_twice=re.compile(r"^\s*(?P<name>\S.{1,60}?)\s+by\s+(?P=name)\s*$", re.I),
        name_enders=frozenset(by["name_enders"] + months_list + p["dates"]["weekdays"]),
        joiners=frozenset(by["joiners"]),
        role=re.compile(rf"\b(?:(?:{_alternation(by['role_qualifiers'])})\s+){{0,3}}(?:{_alternation(by['roles'])})$",
                        re.I),
        role_words=frozenset(by["roles"]),
        guest_cue=re.compile(rf"(?:{_alternation(by['guest_words'])})\s+", re.I),
        opinion_labels=frozenset(by["opinion_labels"]),
        particles=frozenset(by["particles"]),
        not_name=frozenset(by["not_name_words"]),
        date=re.compile(date, re.I),
        time=re.compile(r"\b\d{1,2}[:.h]\d{2}\b(?:\s*(?:uhr|am|pm|hs|hrs))?", re.I),
        relative_time=relative_time_pattern(),
        outlets=outlets,
        outlet_re=re.compile(rf"(?<![\w/.-])(?:{_alternation(list(outlets))})(?![\w-]|\.\w)"),
        according_cue=re.compile(rf"\b(?:{_alternation(cr['according_to'])})\s*:?\s*(?:the\s+)?$", re.I),
        wire_dateline=re.compile(cr["wire_dateline"]),
        source_label=re.compile(cr["source_label"], re.I),
        reuse_notice=re.compile(cr["reuse_notice"], re.I),
        syndication=[re.compile(s, re.I) for s in cr["syndication"]],
        related_headings=frozenset(rel["headings"]),
        author_box=frozenset(rel["author_box"]),
        photo_credit=re.compile(rel["photo_credit"], re.I),
        comment_verbs=frozenset(rel["comment_verbs"]),
        quote=re.compile(r"[“„«»\"]([^“”„«»\"\n]{3,600})[”“»«\"]"),
        speech=re.compile(rf"\b(?:{_alternation(p['quotes']['speech'])})\b", re.I),
        figure=re.compile(p["figures"]["figure"], re.I),
        survey_claim=re.compile(p["figures"]["survey_claim"], re.I),
        source_cues=re.compile(p["figures"]["source_cues"]),
        generic_bio=[re.compile(s, re.I) for s in p["content_farm"]["generic_bio"]],
        cue_keys=_key_substrings(by["prefix_words"] + by["label_phrases"] + by["colon_labels"]),
        cue_words=_first_words(by["prefix_words"] + by["label_phrases"] + by["colon_labels"]),
        # short cues padded with spaces ("via" is in "trivia"); lines are searched with a space in front
        credit_words=_minimal(f" {w} " if len(w) <= 4 else w for w in cr["according_to"]),
        claim_words=_minimal(p["figures"]["claim_words"]),
        figure_words=_minimal(p["figures"]["figure_words"]),
        notice_words=_minimal(cr["notice_words"]),
        source_label_words=tuple(cr["source_label_words"]),
        outlet_nouns=frozenset(cr["outlet_nouns"]),
        shared_hosts=frozenset(p["ratings"]["shared_hosts"]),
        bio_words=_minimal(p["content_farm"]["bio_words"]),
    )


@lru_cache(maxsize=1)
def _shipped_ratings() -> tuple[dict[str, int], dict[str, str]]:
    labels: dict[str, int] = {}
    with data_path("ratings", "golden_truth_dataset.csv").open("r", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            try:
                labels[row["domain"].strip().lower()] = int(row["reliability_label"])
            except (KeyError, ValueError):
                continue
    factual: dict[str, str] = {}
    with data_path("ratings", "mbfc_factual.csv").open("r", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row.get("factual_reporting"):
                factual[row["domain"]] = row["factual_reporting"]
    return labels, factual


LABEL_WORDS = {"reliable": 1, "mixed": 0, "unreliable": -1, "very unreliable": -2}
DOMAIN_COLUMNS = ("domain", "source", "site", "url")
LABEL_COLUMNS = ("reliability_label", "label")
SCORE_COLUMNS = ("score", "pc1", "rating")
SCORE_TO_LABEL = ((0.75, 1), (0.5, 0), (0.25, -1))  # score >= bound -> label; below all: -2


@lru_cache(maxsize=4)
def _user_ratings(path: str) -> dict[str, int]:
    """A user's ratings CSV (format in audit/data/ratings/SOURCE.md): domain -> label 1..-2."""
    out: dict[str, int] = {}
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = {f.strip().lower(): f for f in reader.fieldnames or []}
        dom_col = next((fields[c] for c in DOMAIN_COLUMNS if c in fields), None)
        lab_col = next((fields[c] for c in LABEL_COLUMNS if c in fields), None)
        score_col = next((fields[c] for c in SCORE_COLUMNS if c in fields), None)
        if dom_col is None or (lab_col is None and score_col is None):
            raise ValueError(f"{path}: ratings CSV needs a domain column and a label or score column")
        for row in reader:
            domain = _host(row.get(dom_col) or "")
            if not domain:
                continue
            label = _label_of(row.get(lab_col) if lab_col else None, row.get(score_col) if score_col else None)
            if label is not None:
                out[domain] = label
    return out


def _label_of(label: str | None, score: str | None) -> int | None:
    if label is not None and label.strip():
        text = label.strip().lower()
        if text in LABEL_WORDS:
            return LABEL_WORDS[text]
        try:
            value = int(float(text))
        except ValueError:
            return None
        return value if value in RATING_WORDS else None
    if score is not None and score.strip():
        try:
            value = float(score)
        except ValueError:
            return None
        for bound, lab in SCORE_TO_LABEL:
            if value >= bound:
                return lab
        return -2
    return None


def _host(url: str) -> str:
    url = url.strip().lower()
    if not url:
        return ""
    if "//" not in url:
        url = "//" + url
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.").rstrip(".")


# ---------------------------------------------------------------------------------------------
# Page layout: where the article is, which lines are comments or related-post blocks.

PROSE_MIN_CHARS = 120  # a paragraph of running text, not a heading or a link
PROSE_MIN_WORDS = 15
HEADER_LOOKBACK = 30  # non-blank lines before the first paragraph that can hold the byline
HEADER_LOOKAHEAD = 4  # ... and after it (a teaser paragraph can come before the byline)
RELATED_RUN_WINDOW = 8  # two credited headlines this close together are a related-post list
END_CREDIT_DISTANCE = 3  # a standalone outlet line at most this many lines after the last paragraph
MAX_NAME_TOKENS = 5  # per person
MAX_BYLINE_TOKENS = 12
SENTENCE_STOP_AFTER = 4  # characters of a name's last word with its full stop: longer is a sentence's end
DATE_LINE_OTHER_LETTERS = 30  # a date line holds a date (or "vor 2 Stunden") and few other letters
BYLINE_LINE_MAX = 160  # a longer line is a sentence, not a byline
PROSE_AFTER_BYLINE = 3  # a byline away from the first paragraph has a paragraph this close below it
MAIN_HEADER_LINES = 4  # ... and comes at most this many lines after the main text starts


_DASHES = (" – ", " - ", " — ")
MIN_CREDITED_HEADLINE = 15  # characters of a headline before its "– Outlet" credit
MAX_CREDIT_CHARS = 60


def _has_dash(text: str) -> bool:
    return " – " in text or " - " in text or " — " in text


def _headline_credit(text: str) -> tuple[str, str] | None:
    """'Headline – Outlet' -> (headline, outlet), split at the last dash."""
    cut = max(text.rfind(d) for d in _DASHES)
    if cut < MIN_CREDITED_HEADLINE:
        return None
    headline, outlet = text[:cut].strip(), text[cut + 3:].strip()
    if not 2 <= len(outlet) <= MAX_CREDIT_CHARS or "|" in outlet:
        return None
    return headline, outlet


_HEADING_STRIP = " \t*•·-–—:|»>#[]()"


def _heading_key(lower_text: str) -> str:
    """A short lower-cased line reduced for comparison with a list of headings:
    'related posts:' -> 'related posts'."""
    key = lower_text.strip(_HEADING_STRIP)
    return " ".join(key.split()) if "  " in key or "\t" in key else key


def _is_prose(text: str) -> bool:
    if len(text) < PROSE_MIN_CHARS:
        return False
    s = text.strip()
    return (len(s) >= PROSE_MIN_CHARS and s.count(" ") + 1 >= PROSE_MIN_WORDS
            and ("." in s or "!" in s or "?" in s))


PROSE_RUN_GAP = 4  # paragraphs at most this many lines apart belong to one text


def _main_start(nonblank: list[Line], prose: list[bool]) -> int:
    """Where the main text starts: the first paragraph of the run of paragraphs with the most
    characters (reader comments and teasers make shorter runs)."""
    best_start, best_chars = len(nonblank), 0
    start = last = -1
    chars = 0
    for i, p in enumerate(prose):
        if not p:
            continue
        if start < 0 or i - last > PROSE_RUN_GAP:
            start, chars = i, 0
        chars += len(nonblank[i].text)
        last = i
        if chars > best_chars:
            best_start, best_chars = start, chars
    return best_start


@dataclass
class _Layout:
    nonblank: list[Line]
    prose: list[bool]  # per nonblank position
    first_prose: int  # position, or len(nonblank) when no paragraph
    main_start: int  # position of the first paragraph of the longest run of paragraphs
    listed: dict[int, set[int]]  # list bit -> positions of the lines with one of its words
    words: list[set]  # lower-cased words of each line up to BYLINE_LINE_MAX characters
    excluded: list[bool]  # comment lines / related blocks / author lists: nothing is taken there
    boiler: list[bool]
    comment: list[bool]  # reader comments only
    boxed: list[bool]  # in an author box: no byline there

    def lines_with(self, bit: int, first: int = 0) -> frozenset:
        """Positions (from `first` on) of the lines that hold a word of the list `bit` stands for."""
        lines = self.listed[bit]
        return frozenset(lines if not first else (i for i in lines if i >= first))


def _layout(ctx: Context, data: _Data) -> _Layout:
    page = ctx.page
    labels = ctx.labels
    first_comment, last_comment = page.html_comment_lines or (0, -1)
    # every per-line fact the checks need, a list each (comprehensions: this runs for every line
    # of every page)
    nonblank: list[Line] = [ln for ln in page.lines if not ln.blank]
    texts = [ln.text for ln in nonblank]
    facts = _line_facts(texts, data)
    prose: list[bool] = [f.prose for f in facts]
    nlabels = len(labels)
    label_of = [labels[ln.number - 1].label if ln.number - 1 < nlabels else None for ln in nonblank]
    comment: list[bool] = [lab == "comment" or first_comment <= ln.number <= last_comment
                           for ln, lab in zip(nonblank, label_of)]
    excluded: list[bool] = list(comment)
    # Not trusted for bylines: a line classifier easily takes a short byline for a menu item.
    # Credits, quotes and figures skip these lines.
    boiler: list[bool] = [lab == "boilerplate" for lab in label_of]
    related_at = [i for i, f in enumerate(facts) if f.heading == "related"]
    boxes = [i for i, f in enumerate(facts) if f.heading == "box"]
    credited = [i for i, f in enumerate(facts) if f.credited]
    n = len(nonblank)
    first_prose = next((i for i, p in enumerate(prose) if p), n)
    main_start = _main_start(nonblank, prose)
    # words only of the short lines that contain a byline cue somewhere
    listed = _lines_by_list([f.lists for f in facts])
    words = [_NO_WORDS] * n
    for i in listed[_CUES]:
        if len(texts[i]) < BYLINE_LINE_MAX:
            words[i] = _words(facts[i].low)
    # Related-post blocks: from a related heading after the article's first paragraph to the next
    # paragraph (before it, such headings are menu items of the site's navigation).
    for h in related_at:
        if h > first_prose:
            for i in range(h, _next_prose(prose, h)):
                excluded[i] = True
    # Runs of credited headlines ("... – Reuters" twice within a few lines) are related lists.
    for a, b in zip(credited, credited[1:]):
        if b - a <= RELATED_RUN_WINDOW and not any(prose[a:b]):
            for i in range(a, b + 1):
                if not prose[i]:
                    excluded[i] = True
    # after an author box ("About the author") no byline is taken, up to the next paragraph
    boxed = [False] * n
    for h in boxes:
        for i in range(h, _next_prose(prose, h + 1)):
            boxed[i] = True
    return _Layout(nonblank, prose, first_prose, main_start, listed, words, excluded, boiler, comment, boxed)


def _next_prose(prose: list[bool], start: int) -> int:
    return next((i for i in range(start, len(prose)) if prose[i]), len(prose))


# ---------------------------------------------------------------------------------------------
# Names.

_TOKEN_STRIP = ",;:|•·()[]\"'“”„«»"
_SEPARATORS = frozenset("| • · / // - – — ― ~ * + > »".split())


def _is_name_token(tok: str) -> bool:
    if not tok or len(tok) > 30 or not tok[0].isupper() or any(c.isdigit() for c in tok):
        return False
    if "@" in tok or "_" in tok or "/" in tok:
        return False
    return all(c.isalpha() or c in "'’.-" for c in tok)


def _is_handle(tok: str) -> bool:
    return 2 <= len(tok) <= 30 and re.fullmatch(r"\w[\w.\-/]*[^\W\d_][\w.\-/]*|[^\W\d_]", tok) is not None and "@" not in tok


@dataclass
class _Name:
    text: str
    start: int  # offset in the parsed string
    end: int
    clean: bool  # stopped at the end of the line, a separator, a date or a known ender


_GLUED_CUE = re.compile(r"(?:By|Von|Par|Por)(?=[A-Z][a-z])")
_GLUED_CUE_WORDS = ("By", "Von", "Par", "Por")  # what _GLUED_CUE starts with: a cheap test first
_GLUED_COUNT = re.compile(r"([^\W\d_][^\W\d_'’.-]*)\d+")


def _personal_name(name: str, data: _Data) -> bool:
    """Stricter test for a name guessed from its position only: two to four capitalised words,
    none a common word or with a common-noun ending, not half in capitals."""
    tokens = name.replace(",", " ").split()
    if not 2 <= len(tokens) <= 4:
        return False
    caps = [t.isupper() and len(t) > 2 for t in tokens]
    if any(caps) and not all(caps):
        return False
    for t in tokens:
        low = t.lower()
        if low in data.not_personal or not _is_name_token(t):
            return False
        if any(low.endswith(e) and len(low) > len(e) + 3 for e in data.noun_endings):
            return False
    return True


def _parse_names(s: str, data: _Data, allow_handle: bool, allow_single: bool) -> _Name | None:
    """Parse author names at the start of `s` ("Ava Thompson", "Lars Fischer und Alina
    Schadwinkel", "ADAM AARONSON"); None unless a name is there."""
    glued = _GLUED_CUE.match(s)  # "ByAlex Bozarjian": a renderer lost the space after the cue
    if glued is not None:
        found = _parse_names(s[glued.end():], data, allow_handle, allow_single)
        if found is not None:
            found.start += glued.end()
            found.end += glued.end()
        return found
    people: list[list[str]] = []
    current: list[str] = []
    first_start = last_end = None
    clean = True
    handle_ok = False
    for m in re.finditer(r"\S+", s):
        raw = m.group()
        if raw in _SEPARATORS or raw.strip("|•·/–—-*") == "":
            break
        if raw[:1] == "(" and (current or people):
            # "Eberhard Fuhr (Pressesprecher des EJW)": a bracket after the name ends it
            clean = True
            break
        tok = raw.strip(_TOKEN_STRIP)
        low = tok.lower()
        if not tok or (tok[0] == "@" and (current or people)):
            break  # "Williams Perdomo @wperdomod": a social handle after the name
        if any(c.isdigit() for c in tok) and not (allow_handle and not people and not current and _is_handle(tok)):
            glued = _GLUED_COUNT.fullmatch(tok)  # "Kalt4 Kommentare": a counter glued to the name
            if glued and current and _is_name_token(glued.group(1)):
                current.append(glued.group(1))
                last_end = m.start() + raw.index(tok[0]) + len(glued.group(1))
            break  # a date, a time, a count: the name has ended
        if (current or people) and low in data.name_enders:
            break
        if current and low in data.joiners:
            people.append(current)
            current = []
            continue
        if _is_name_token(tok) and not (not current and low in data.not_name and low not in ("de", "la")):
            if len(current) >= MAX_NAME_TOKENS:
                clean = False
                break
            current.append(tok)
        elif current and low in data.particles:
            current.append(tok)
        elif allow_handle and not people and not current and _is_handle(tok) and low not in data.not_name:
            current.append(tok)
            handle_ok = True
        else:
            # "Von David Hutzler, dpa": an agency after the name ends it cleanly
            clean = bool(current or people) and (low in data.name_enders or low in data.outlet_words)
            break
        if first_start is None:
            first_start = m.start() + raw.index(tok[0])
        last_end = m.start() + raw.index(tok[0]) + len(tok)
        if handle_ok:
            break  # a handle is one token
        if raw[-1] in ",;|" and not raw.endswith("."):
            people.append(current)
            current = []
    if current:
        people.append(current)
    while people and people[-1] and people[-1][-1].lower() in data.particles:
        people[-1].pop()
    people = [p for p in people if p]
    if not people or first_start is None:
        return None
    if sum(len(p) for p in people) > MAX_BYLINE_TOKENS:
        return None
    if not allow_single and all(len(p) < 2 for p in people):
        return None
    if all(all(t.lower() in data.not_name for t in p) for p in people):
        return None
    text = s[first_start:last_end].strip(" ,;&")
    # a full stop after a whole word ends the sentence, not an initial or a title ("Das Gespräch
    # führte Nicole Collignon.", but "Juan Carlos Muñoz C.", "Dr.")
    if text.endswith(".") and len(text.rsplit(None, 1)[-1]) > SENTENCE_STOP_AFTER:
        text = text[:-1]
        last_end -= 1
    # trailing joiner left when the next author did not parse ("X and news service reports")
    if text.lower().endswith(tuple(f" {j}" for j in data.joiners)):
        return None
    return _Name(text, first_start, last_end, clean)


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=4096)
def _date_in(text: str) -> re.Match | None:
    """The first date-like expression of a line (every form has a digit: a cheap filter first)."""
    if _DIGIT.search(text) is None:
        return None
    return _data().date.search(text)


def _is_comment_author(text: str, data: _Data) -> bool:
    """'Peter Addor sagt:' - the author line of a reader comment."""
    tail = text.rstrip(" :").rsplit(None, 1)
    return len(tail) == 2 and tail[1].lower() in data.comment_verbs


@lru_cache(maxsize=4096)
def _is_date_line(text: str, relative: bool = False) -> bool:
    """A line that holds a date and few other letters. `relative`: a relative stamp ("vor 2
    Stunden", "3 hours ago") counts as the date too. Kept per line text: each line is the
    neighbour of two, and a site's header lines repeat from page to page."""
    s = text.strip()
    if len(s) > 70:
        return False
    m = _date_in(s)
    if m is not None:
        rest = _data().time.sub("", s[: m.start()] + s[m.end():])
    else:
        m = _relative_in(s) if relative else None
        if m is None:
            return False
        low = s.lower()
        rest = low[: m.start()] + low[m.end():]
    return sum(c.isalpha() for c in rest) <= DATE_LINE_OTHER_LETTERS


@lru_cache(maxsize=4096)
def _relative_in(text: str) -> re.Match | None:
    """A relative stamp in the line ("vor 2 Stunden"), found in its lower-cased text; None where
    lower-casing changes the length (offsets would not fit the line)."""
    if _DIGIT.search(text) is None:
        return None
    low = text.lower()
    return _data().relative_time.search(low) if len(low) == len(text) else None


# ---------------------------------------------------------------------------------------------
# Byline.

@dataclass
class _Byline:
    name: str
    line: Line | None  # None: from the HTML metadata, not in the extracted text
    start: int | None  # offset in page.text
    end: int | None
    how: str


def _byline_from_cue(ln: Line, text: str, prev: Line | None, nxt: Line | None, data: _Data,
                     more_names: tuple[str, str] | None = None) -> _Byline | None:
    """A byline introduced by a cue word on this line, or on this line with the name on the next
    (`more_names`: a joiner line and a second name line after that one, if the page has them)."""
    if len(text) > BYLINE_LINE_MAX or _is_comment_author(text, data):
        return None
    has_date = (_date_in(text) is not None or (nxt is not None and _is_date_line(nxt.text))
                or (prev is not None and _is_date_line(prev.text)))
    starts = [w.start() for w in _WORD.finditer(text) if w.group().lower() in data.cue_words]
    lead = len(text) - len(text.lstrip())
    if _GLUED_CUE.match(text, lead):  # "ByAlex Bozarjian": the whole line is the byline
        name = _parse_names(text[lead:], data, allow_handle=False, allow_single=False)
        if name is not None and not text[lead + name.end:].strip():
            start = ln.start + lead + name.start
            return _Byline(name.text, ln, start, start + len(name.text), "cue")
    for cue_re, strong in ((data.label_cue, True), (data.colon_cue, False), (data.prefix_cue, False)):
        for at in starts:
            m = cue_re.match(text, at)
            if m is None:
                continue
            before = text[: m.start()].strip()
            # "Abschied von Berlin": a cue inside a headline is not a byline. Before the cue may
            # stand only a date, a time, separators or a publishing verb.
            if before and not _header_prefix_ok(before, data):
                continue
            rest = text[m.end():]
            name = _parse_names(rest, data, allow_handle=strong or has_date, allow_single=True)
            if name is None:
                continue
            after = rest[name.end:].strip()
            if not name.clean and after and not _with_guest(after, data):
                continue
            if _prose_tail(after, data):
                continue  # "Ein Artikel von Poschardt in der WELT sieht das ...": a sentence
            if _photo_context(text, m.start(), data):
                continue
            start = ln.start + m.end() + name.start
            written = name.text
            outlet = _FOR_OUTLET.match(after)
            if outlet is not None:  # "By Tom Pyman for MailOnline": the byline as written
                written = text[m.end() + name.start: m.end() + name.end + (len(rest[name.end:]) - len(after))
                               + outlet.end()]
            return _Byline(written, ln, start, start + len(written), "cue")
    tail_at = max(0, len(text) - TRAILING_CUE_CHARS)
    trailing = data.trailing_cue.search(text, tail_at) if nxt is not None else None
    if trailing is not None and len(nxt.text) <= BYLINE_LINE_MAX:
        before = text[: trailing.start()].strip()
        if before and not _header_prefix_ok(before, data):
            return None
        ntext = nxt.text.strip().lstrip("*•-– ")
        offset = nxt.text.index(ntext[:1]) if ntext else 0
        name = _parse_names(ntext, data, allow_handle=False, allow_single=True)
        if name is not None and (name.clean or not ntext[name.end:].strip()):
            start = nxt.start + offset + name.start
            written = name.text
            if more_names:  # "By" / "David Brand" / "and" / "Ramsey Khalifeh"
                written = f"{written} {more_names[0].strip()} {more_names[1].strip()}"
            return _Byline(written, nxt, start, start + len(name.text), "cue-next-line")
    return None


# "for The Mail On Sunday" after a name: the outlet the author wrote for, part of the byline
_FOR_OUTLET = re.compile(r"(?i:for|für|pour|para)\s+(?:[A-Z][\w'.&-]*\s*){1,5}$")
TRAILING_CUE_CHARS = 40  # a cue whose name is on the next line ends its line: read only the tail
PROSE_TAIL_WORDS = 4  # this many ordinary lower-case words after a name make the line a sentence


def _with_guest(after: str, data: _Data) -> bool:
    """Whether the rest of the line is only the interviewee: "Ein Interview von Eugen Zentner
    mit Sonja Silberhorn." (the byline is the interviewer's)."""
    m = data.guest_cue.match(after)
    if m is None:
        return False
    guest = _parse_names(after[m.end():], data, allow_handle=False, allow_single=False)
    return guest is not None and not after[m.end() + guest.end:].strip(" .")


def _prose_tail(after: str, data: _Data) -> bool:
    rest = data.time.sub(" ", data.date.sub(" ", after)) if _DIGIT.search(after) else after
    plain = [w for w in _WORD.findall(rest) if w.islower() and w not in data.name_enders]
    return len(plain) >= PROSE_TAIL_WORDS


_COPYRIGHT = re.compile(r"©|\(c\)|\bcopyright\b", re.I)
_PUBLISH_WORDS = re.compile(
    r"^(?:posted|published|publiziert|veröffentlicht|erstellt|gespeichert|geschrieben|publié|publicado|"
    r"updated|am|on|le|el|interview|essay|blog|blogposting|kolumne|disko|written|text|"
    r"gastbeitrag|rezension|analyse|reportage|commentary|opinion|column|review|analysis|feature)\b", re.I)


def _header_prefix_ok(before: str, data: _Data) -> bool:
    """What may precede a byline cue on its line: dates, times, separators, a publishing verb.
    Not a copyright sign: "© 2010 by Medienhaus" names the rights holder."""
    if _COPYRIGHT.search(before):
        return False
    if " ".join(before.strip(" |:-–").lower().split()) in data.opinion_labels:
        return True
    rest = data.date.sub(" ", before)
    rest = data.time.sub(" ", rest)
    rest = re.sub(r"[\d\W_]+", " ", rest).strip()
    if not rest:
        return True
    return len(rest.split()) <= 4 and _PUBLISH_WORDS.match(rest) is not None


def _photo_context(text: str, cue_at: int, data: _Data) -> bool:
    return data.photo_credit.search(text[max(0, cue_at - 25): cue_at]) is not None


_AFTER_NAME = re.compile(r"[\s|/•·,–—:-]*(?:(?:am|le|el|on|the|vom|del)\s*)?(?:[^\W\d_]{2,12}\.?,?\s*)?", re.I)
_BEFORE_NAME = re.compile(r"[\s|/•·,–—:-]*(?:(?:um|at|à|a las|alle|om)\s+)?[\s|/•·,–—:-]*", re.I)


def _names_ok(text: str, data: _Data) -> bool:
    parts = re.split(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*", text)
    return all(_personal_name(p, data) for p in parts if p)


def _byline_near_date(ln: Line, text: str, nb: list[Line], i: int, data: _Data) -> _Byline | None:
    """A name written next to the date of the article header: "Marie Merlet | 9 décembre 2019",
    "25.10.2022 - Reiner Nagel", or a name line right above or below a date line (or right
    above a relative stamp: "Prashant Jha" / "vor 2 Stunden"). Only the position speaks for it,
    so the name must look like a person's name."""
    s = text.strip()
    if len(s) > 90 or not (s[:1].isupper() or s[:1].isdigit() or s[:1] in "-–|*•+"):
        return None
    lead = len(text) - len(text.lstrip())
    d = _date_in(s)
    relative = False
    if d is None:
        # the name, then a relative stamp: "Jacobo Betancur Peláez | Publicado hace 3 horas"
        d = _relative_in(s)
        relative = d is not None
    name = None
    if d is not None:
        if relative and d.start() == 0:
            return None
        if d.start() > 0:  # name first, then the date
            found = _parse_names(s, data, allow_handle=False, allow_single=False)
            if found is not None and found.end <= d.start() and _AFTER_NAME.fullmatch(s[found.end: d.start()]):
                name = found
                offset = lead + found.start
        else:  # the date first, then the name: "11.12.2019 - Amelie Loevenich"
            tail = data.time.sub(lambda m: " " * len(m.group()), s[d.end():])
            skip = _BEFORE_NAME.match(tail).end()
            found = _parse_names(tail[skip:], data, allow_handle=False, allow_single=False)
            if found is not None:
                after = tail[skip + found.end:].strip()
                if not after or after[0] in "|/•·-–—(" or after[0].isdigit():
                    name = found
                    offset = lead + d.end() + skip + found.start
    else:
        # the neighbours are looked up only here (most lines stop at the date test above)
        body = s.lstrip("-–| ")
        if body[:1] in "*•+":
            # a list item is a byline only next to a dated list item ("* Ronja Beck" / "/ 16.11.2018");
            # most list items are menu entries of a word or two, which no name of two words fits
            body = body.lstrip("*•+ ")
            near = (body[:1].isupper() and " " in body and _DIGIT.search(body) is None
                    and any(t is not None and t.lstrip()[:1] in "*•+/|" and _DIGIT.search(t) is not None
                            and _is_date_line(t) for t in (_neighbour(nb, i, -1), _neighbour(nb, i, 1))))
        else:
            prev_text = _neighbour(nb, i, -1)
            near = bool(prev_text) and _is_date_line(prev_text)
            if not near:
                next_text = _neighbour(nb, i, 1)
                # a relative stamp right below the name ("Prashant Jha" / "vor 2 Stunden"); above
                # it, it is as often the stamp of the teaser before
                near = bool(next_text) and _is_date_line(next_text, relative=True)
        if near:
            # a line that is only a name, next to a date line
            found = _parse_names(body, data, allow_handle=False, allow_single=False)
            if found is not None and not body[found.end:].strip(" ,|"):
                name = found
                offset = lead + (len(s) - len(body)) + found.start
    if name is None or not _names_ok(name.text, data):
        return None
    if _is_comment_author(s, data) or data.photo_credit.search(s):
        return None
    start = ln.start + offset
    return _Byline(name.text, ln, start, start + len(name.text), "next-to-date")


def _find_byline(ctx: Context, data: _Data, lay: _Layout) -> _Byline | None:
    nb = lay.nonblank
    n = len(nb)
    header_lo = max(0, lay.first_prose - HEADER_LOOKBACK)
    header_hi = min(n, lay.first_prose + HEADER_LOOKAHEAD + 1) if lay.first_prose < n else n
    # lines worth reading: those with a cue word, the article header, and the lines right above
    # a paragraph before the main text has gone far (reader comments look the same)
    candidates = {i for i in range(n) if lay.words[i]}
    candidates.update(range(header_lo, header_hi))
    last = min(n, lay.main_start + MAIN_HEADER_LINES + 1)
    for p in range(min(n, last + PROSE_AFTER_BYLINE + 1)):
        if lay.prose[p]:
            candidates.update(range(max(0, p - PROSE_AFTER_BYLINE), min(p, last)))
    cue: list[tuple[int, _Byline]] = []
    near: list[_Byline] = []
    near_late: list[_Byline] = []
    for i in sorted(candidates):
        ln = nb[i]
        text = ln.text
        if lay.excluded[i] or len(text) > BYLINE_LINE_MAX:
            continue
        has_cue = not data.cue_words.isdisjoint(lay.words[i]) or (
            text.lstrip().startswith(_GLUED_CUE_WORDS) and _GLUED_CUE.match(text.lstrip()) is not None)
        m = data.by_twice.match(text) if has_cue else None
        if m is not None:
            name = _parse_names(m.group("name"), data, allow_handle=False, allow_single=True)
            if name is not None and name.text == m.group("name").strip():
                start = ln.start + m.start("name")
                return _Byline(name.text, ln, start, start + len(name.text), "name-by-name")
        if lay.boxed[i]:
            continue
        nxt = nb[i + 1] if i + 1 < n and not lay.excluded[i + 1] else None
        prev = nb[i - 1] if i > 0 else None
        found = _byline_from_cue(ln, text, prev, nxt, data, _joined_names(nb, i + 2, data)) if has_cue else None
        if found is not None:
            cue.append((i, found))
            continue
        in_header = header_lo <= i < header_hi
        if in_header or (i <= last and any(lay.prose[i + 1: i + 1 + PROSE_AFTER_BYLINE])):
            found = _byline_near_date(ln, text, nb, i, data)
            if found is not None:
                (near if in_header else near_late).append(found)
    if cue:
        # the cue closest to the article header wins over sidebars and teasers further away
        def distance(item: tuple[int, _Byline]) -> tuple[int, int]:
            pos = item[0]
            return (0 if header_lo <= pos < header_hi else 1 + abs(pos - lay.first_prose), pos)
        return min(cue, key=distance)[1]
    if near or near_late:
        return (near or near_late)[0]
    for i in range(header_lo, header_hi):
        if not (lay.excluded[i] or lay.boxed[i] or lay.prose[i]):
            found = _byline_with_role(nb, i, data)
            if found is not None:
                return found
    return None


def _byline_with_role(nb: list[Line], i: int, data: _Data) -> _Byline | None:
    """A name with the author's staff role in the article header: "Richard Adams Education
    editor", or "Andrew Woodcock" above "Political Editor"."""
    ln = nb[i]
    s = ln.text.strip()
    if not s or len(s) > 80 or not s[:1].isupper() or _DIGIT.search(s):
        return None
    role = data.role.search(s) if _last_word(s) in data.role_words else None
    if role is not None and role.start() > 0:
        body = s[: role.start()].rstrip(" ,|–-")
    else:
        role_line = (_neighbour(nb, i, 1) or "").strip()
        if (_last_word(role_line) not in data.role_words or len(role_line.split()) > 3
                or data.role.fullmatch(role_line) is None):
            return None
        body = s
    found = _parse_names(body, data, allow_handle=False, allow_single=False)
    if found is None or found.text != body or not _names_ok(found.text, data):
        return None
    start = ln.start + ln.text.index(s) + found.start
    return _Byline(found.text, ln, start, start + len(found.text), "name-and-role")


def _last_word(text: str) -> str:
    words = text.rsplit(None, 1)
    return words[-1].lower() if words else ""


_ALNUM = re.compile(r"[^\W_]")


def _joined_names(nb: list[Line], i: int, data: _Data) -> tuple[str, str] | None:
    """("and", "Ramsey Khalifeh") when line i is a lone joiner and line i+1 a name."""
    if i + 1 >= len(nb) or nb[i].text.strip().lower() not in data.joiners:
        return None
    second = nb[i + 1].text.strip()
    name = _parse_names(second, data, allow_handle=False, allow_single=False)
    return (nb[i].text, second) if name is not None and name.text == second else None


def _neighbour(nb: list[Line], i: int, step: int) -> str | None:
    """The text of the next line up or down that has a letter or digit ("|" lines are skipped)."""
    j = i + step
    while 0 <= j < len(nb) and _ALNUM.search(nb[j].text) is None:
        j += step
    return nb[j].text if 0 <= j < len(nb) else None


META_ALONE = False  # take a person's name from the metadata when the rendered page has no byline cue
META_AUTHOR_MAX = 100  # characters; longer "authors" in metadata are descriptions
HTML_NAME_HITS = 20  # occurrences of the name in the HTML worth checking


_HTML_BYLINE_CONTEXT = re.compile(r"author|byline|\b(?:by|von|par|por|door)\b|autor|auteur|redakt|written|posted")
HTML_CONTEXT_CHARS = 200  # markup and text before the name searched for a byline cue


def _visible_in_html(html_lower: str, name_lower: str, need_cue: bool) -> bool:
    """Whether the name occurs in the page's text content, not only in tags, scripts or <head>;
    with `need_cue`, only where a byline cue (a class "author", "By", "Von") comes just before."""
    at = html_lower.find(name_lower)
    hits = 0
    while at >= 0 and hits < HTML_NAME_HITS:
        hits += 1
        lt = html_lower.rfind("<", 0, at)
        gt = html_lower.rfind(">", 0, at)
        if gt > lt >= 0:
            tag = html_lower[lt + 1: lt + 9]
            if not tag.startswith(("script", "style", "title", "noscript", "meta", "link", "option")):
                if not need_cue or _HTML_BYLINE_CONTEXT.search(html_lower, max(0, at - HTML_CONTEXT_CHARS), at):
                    return True
        at = html_lower.find(name_lower, at + len(name_lower))
    return False


def _byline_from_html(ctx: Context, data: _Data) -> _Byline | None:
    """HTML input: the byline of the rendered page, checked against trafilatura's author."""
    html = ctx.page.doc.html or ""
    author = (ctx.page.html_meta.get("author") or "").strip()
    if author and (len(author) > META_AUTHOR_MAX or "http" in author or "@" in author):
        author = ""
    m = data.label_cue.match(author) or data.prefix_cue.match(author) if author else None
    if m and m.end() < len(author):
        author = author[m.end():].strip()  # "Par Attac France" -> "Attac France"
    if ";" in author:  # "Greg Beacham; Ap Sports Writer": the role is no second author
        author = "; ".join(part.strip() for part in author.split(";") if not data.role.fullmatch(part.strip()))
    shown = ctx.visible_page_context() if html else None
    found = None
    if shown is not None:
        found = _find_byline(shown, data, _layout(shown, data))
    first = author.split(";")[0].strip().lower()
    if found is not None:
        name = found.name
        clean_meta = bool(first) and all(_whole_name(part.strip(), data) for part in author.split(";"))
        if clean_meta and (first in name.lower() or name.lower() in author.lower()):
            return _locate(ctx, author)  # the metadata spells the names out ("A; B")
        if clean_meta and _visible_in_html(html.lower(), first, need_cue=True):
            return _locate(ctx, author)  # the page shows the metadata's author as a byline
        return _locate(ctx, name)
    if first and META_ALONE and _names_ok(author.split(";")[0].strip(), data) \
            and _visible_in_html(html.lower(), first, need_cue=True):
        return _locate(ctx, author)
    return None


def _whole_name(text: str, data: _Data) -> bool:
    name = _parse_names(text, data, allow_handle=True, allow_single=True)
    return name is not None and name.text == text


def _locate(ctx: Context, name: str) -> _Byline:
    low = name.split(";")[0].strip().lower()
    for ln in ctx.page.lines:
        pos = ln.text.lower().find(low)
        if pos >= 0:
            return _Byline(name, ln, ln.start + pos, ln.start + pos + len(low), "html")
    return _Byline(name, None, None, None, "html")


# ---------------------------------------------------------------------------------------------
# Credits.

@dataclass
class _Credit:
    source: str
    line: Line
    kind: str
    outlet: Outlet | None


def _outlet_named(name: str, data: _Data) -> Outlet | None:
    name = name.strip()
    if name in data.outlets:
        return data.outlets[name]
    m = data.outlet_re.search(name)
    if m and (m.end() - m.start()) >= len(name) * 0.6:
        return data.outlets[m.group()]
    return None


def _credit_name(outlet_text: str) -> str:
    """'Belarus News (BelTA)' -> 'BelTA': an acronym in brackets is the outlet's own name."""
    m = re.search(r"\(([^()]{2,20})\)\s*$", outlet_text)
    return m.group(1).strip() if m else outlet_text.strip()


def _looks_like_outlet(name: str, data: _Data) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6 or len(name) > 60:
        return False
    if not (name[0].isupper() or name[0].isdigit()) or name.endswith((".", "?", "!", ":")):
        return False
    return not all(w.lower() in data.not_name for w in words)


_DOMAIN_LIKE = re.compile(r"\b[\w-]+\.(?:com|net|org|info|news|co\.uk|de|fr|by|ru|ua|pl|eu|io)\b", re.I)


def _names_an_outlet(text: str, data: _Data) -> bool:
    """'Belarus News (BelTA)', 'Daily Faceoff', 'bailiwickexpress.com': an outlet's name, not a
    subtitle, a date or a price after a dash."""
    if not _looks_like_outlet(text, data) or _DIGIT.search(_DOMAIN_LIKE.sub("", text)):
        return False
    if re.search(r"\([A-Z][\w-]{1,12}\)\s*$", text) or _DOMAIN_LIKE.search(text):
        return True
    return not data.outlet_nouns.isdisjoint(w.lower() for w in re.findall(r"\w+", text))


def _find_credits(ctx: Context, data: _Data, lay: _Layout) -> tuple[list[_Credit], list[tuple[Line, str]]]:
    """Credits of this text's origin, and syndication notices (line, excerpt)."""
    nb = lay.nonblank
    n = len(nb)
    credits: list[_Credit] = []
    notices: list[tuple[Line, str]] = []
    title_seen = False
    notice_lines = lay.lines_with(_NOTICES)
    # the according-to cues are read only from the first paragraph on (see below); the lines
    # above it are read anyway
    credit_lines = lay.lines_with(_CREDITS, lay.first_prose)
    # the lines worth reading: those with a cue, the header, and the few lines after a paragraph
    candidates = set(notice_lines | credit_lines)
    candidates |= lay.lines_with(_SOURCE_LABELS)
    candidates.update(range(min(n, lay.first_prose + 1)))
    for p in range(lay.first_prose, n):
        if lay.prose[p]:
            candidates.update(range(p + 1, min(n, p + 1 + END_CREDIT_DISTANCE)))
    for i in sorted(candidates):
        ln = nb[i]
        text = ln.text.strip()
        if lay.comment[i]:
            continue
        # notices live in footers, so they are read on boilerplate and after related blocks too
        notice = i in notice_lines
        m = data.reuse_notice.search(text) if notice else None
        if m:
            name = m.group("name").strip()
            outlet = _outlet_named(name, data)
            credits.append(_Credit(outlet.name if outlet and outlet.kind == "institution" and name.startswith(outlet.name)
                                   else name, ln, "copyright", outlet))
        for rx in data.syndication if notice else ():
            s = rx.search(text)
            if s:
                notices.append((ln, text))
                name = (s.groupdict().get("name") or "").strip()
                if name and _looks_like_outlet(name, data) and not _DIGIT.search(name):
                    credits.append(_Credit(name, ln, "syndication", _outlet_named(name, data)))
                break
        if lay.boiler[i] or lay.excluded[i]:
            continue
        # wire dateline: "(Reuters) -", "MINSK (BelTA) -"
        m = data.wire_dateline.match(text) if "(" in text[:60] else None
        if m:
            name = m.group("name").strip()
            outlet = _outlet_named(name, data)
            # an unknown acronym counts only where a paragraph starts with it ("KXAN (AP) - ...")
            if outlet is not None or (lay.prose[i] and name.isupper() and 2 <= len(name) <= 6):
                credits.append(_Credit(name, ln, "wire", outlet))
        # headline credited to another outlet, in the article header
        if not lay.prose[i] and i <= lay.first_prose:
            split = _headline_credit(text) if _has_dash(text) else None
            if split:
                outlet_text = split[1]
                name = _credit_name(outlet_text)
                outlet = _outlet_named(name, data) or _outlet_named(outlet_text, data)
                if outlet is not None or (title_seen and _names_an_outlet(outlet_text, data)):
                    credits.append(_Credit(name, ln, "headline-credit", outlet))
            if len(text) >= 15 and not _date_in(text):
                title_seen = True
        # "Source: Reuters", "Quelle: dpa"
        m = data.source_label.match(text) if ":" in text[:12] else None
        if m and not data.photo_credit.search(text[: m.start("name")].replace("quelle", "").replace("Quelle", "")):
            name = m.group("name").split(",")[0].strip(" .")
            outlet = _outlet_named(name, data)
            if outlet is not None or (_looks_like_outlet(name, data) and not _DIGIT.search(name)):
                credits.append(_Credit(name, ln, "outlet-line", outlet))
                continue
        # a standalone outlet line closing the article ("Radio Free Europe")
        if i > lay.first_prose and not lay.prose[i] and any(lay.prose[max(0, i - END_CREDIT_DISTANCE): i]):
            bare = text.strip("*•-–—() ")
            if bare in data.outlets:
                credits.append(_Credit(bare, ln, "outlet-line", data.outlets[bare]))
                continue
        # "as reported by RIA Novosti", "according to Reuters"
        if (lay.prose[i] or i >= lay.first_prose) and i in credit_lines:
            for om in data.outlet_re.finditer(text):
                cue = data.according_cue.search(text[max(0, om.start() - 30): om.start()])
                if cue is None:
                    continue
                kind = "as-reported-by" if "report" in cue.group().lower() else "according-to"
                credits.append(_Credit(om.group(), ln, kind, data.outlets[om.group()]))
    return credits, notices


# ---------------------------------------------------------------------------------------------
# Quotes and figures.

_OPENING_QUOTES = ('"', "“", "„", "«")  # a line is read for quotations only if it has one of these


def _quotes(ctx: Context, data: _Data, lay: _Layout) -> dict[str, int]:
    min_words = ctx.config.param(UNATTRIBUTED_QUOTE, "min_words")
    total = attributed = 0
    # only the lines with a quote mark (found in the whole page at once, not line by line)
    for i in sorted(lay.lines_with(_QUOTE_MARKS)):
        if lay.excluded[i] or lay.boiler[i]:
            continue
        ln = lay.nonblank[i]
        text = ln.text
        for m in data.quote.finditer(text):
            if m.group(1).count(" ") + 1 < min_words:
                continue
            total += 1
            outside = text[max(0, m.start() - 200): m.start()] + " " + text[m.end(): m.end() + 200]
            prev_text = lay.nonblank[i - 1].text.rstrip() if i > 0 else ""
            if data.speech.search(outside) or prev_text.endswith(":") and data.speech.search(prev_text[-120:]):
                attributed += 1
                continue
            ctx.emit(UNATTRIBUTED_QUOTE.finding(ctx.page, ln, span=(ln.start + m.start(), ln.start + m.end())))
    return {"total": total, "attributed": attributed, "unattributed": total - attributed}


def _sentence_around(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(". ", 0, start), text.rfind("! ", 0, start), text.rfind("? ", 0, start))
    hi_candidates = [p for p in (text.find(". ", end), text.find("! ", end), text.find("? ", end)) if p >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    return text[lo + 1: hi + 1]


def _is_table_like(text: str) -> bool:
    s = text.strip()
    return len(s) <= 100 and not s.endswith((".", "!", "?", ":"))


MIN_FIGURE_SENTENCE_WORDS = 8


def _figures(ctx: Context, data: _Data, lay: _Layout) -> int:
    """Count figures with no named source; one finding per cluster of lines."""
    reach = ctx.config.param(UNSOURCED_FIGURE, "neighbourhood_lines")
    nb = lay.nonblank
    unsourced_lines: list[tuple[int, int, bool]] = []  # (position, figures, survey claim only)
    figure_lines = lay.lines_with(_FIGURES)
    claim_lines = lay.lines_with(_CLAIMS)
    for i in sorted(figure_lines | claim_lines):
        if lay.excluded[i] or lay.boiler[i]:
            continue
        ln = nb[i]
        text = ln.text
        figs = list(data.figure.finditer(text)) if i in figure_lines else []
        claim = data.survey_claim.search(text) if i in claim_lines else None
        if not figs and claim is None:
            continue
        sourced = False
        if figs and _is_table_like(text):
            # a table row: its source is named in the line that introduces the table; rows
            # without an introduction that presents data ("20% off") are no claim
            j = i - 1
            while j >= 0 and i - j <= reach and _is_table_like(nb[j].text):
                if data.source_cues.search(nb[j].text):
                    sourced = True
                    break
                j -= 1
            if not sourced:
                intro = nb[j].text.rstrip() if j >= 0 and i - j <= reach + 1 else ""
                if not intro or not (intro.endswith(":") or data.survey_claim.search(intro[-300:])):
                    continue
                sourced = data.source_cues.search(intro[-300:]) is not None
        else:
            if text.count(" ") + 1 < MIN_FIGURE_SENTENCE_WORDS:
                continue  # a label or a button, not a statement
            for m in figs or [claim]:
                sentence = _sentence_around(text, m.start(), m.end())
                if data.source_cues.search(sentence):
                    sourced = True
                    break
        if not sourced:
            unsourced_lines.append((i, len(figs), not figs))
    total = 0
    clusters: list[list[tuple[int, int, bool]]] = []
    for item in unsourced_lines:
        if clusters and item[0] - clusters[-1][-1][0] <= 2:
            clusters[-1].append(item)
        else:
            clusters.append([item])
    for cluster in clusters:
        count = sum(f for _, f, _ in cluster) or len(cluster)
        total += count
        first, last = nb[cluster[0][0]], nb[cluster[-1][0]]
        ctx.emit(UNSOURCED_FIGURE.finding(ctx.page, first, last, count=count, excerpt=first.text.strip()[:80]))
    return total


# ---------------------------------------------------------------------------------------------
# Reliability.

def _domain_rating(ctx: Context, domain: str | None, via: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"domain": domain, "label": None, "rating": None, "source": None, "via": via}
    if not domain:
        return out
    path = ctx.config.ratings_file
    table = _user_ratings(path) if path else _shipped_ratings()[0]
    source = "user" if path else "golden_truth"
    parts = domain.split(".")
    shared = _data().shared_hosts
    for k in range(len(parts) - 1):
        candidate = ".".join(parts[k:])
        if k > 0 and candidate in shared:
            break  # "someone.wordpress.com" is not rated as wordpress.com
        if candidate in table:
            label = table[candidate]
            out.update(domain=candidate, label=label, rating=RATING_WORDS.get(label), source=source)
            if not path:
                factual = _shipped_ratings()[1].get(candidate)
                if factual:
                    out["factual_reporting"] = factual
            break
    return out


# ---------------------------------------------------------------------------------------------

# built in a pool's parent before it forks (checks.preload)
PRELOAD = (_data, _word_scan)
WARM_UP = (_shipped_ratings,)


def run(ctx: Context) -> dict[str, Any]:
    data = _data()
    page = ctx.page
    lay = _layout(ctx, data)

    byline = _byline_from_html(ctx, data) if page.kind == "html" else _find_byline(ctx, data, lay)
    if byline is None:
        ctx.emit(MISSING_BYLINE.document_finding())

    credits, notices = _find_credits(ctx, data, lay)
    sitename = (page.html_meta.get("sitename") or "").strip()
    sources: list[str] = []
    for c in credits:
        if c.source not in sources:
            sources.append(c.source)
    own = _host(page.doc.url or page.html_meta.get("url") or "")
    foreign = [c for c in credits if c.kind != "copyright" and not (c.outlet and own and own.endswith(c.outlet.domain))
               and c.source != sitename]
    if foreign:
        names = []
        for c in foreign:
            if c.source not in names:
                names.append(c.source)
        ctx.emit(OTHER_OUTLET.finding(page, foreign[0].line, sources=", ".join(names)))

    quotes = _quotes(ctx, data, lay)
    unsourced = _figures(ctx, data, lay)

    signals: list[dict[str, Any]] = []
    for i in sorted(lay.lines_with(_BIOS)):
        ln = lay.nonblank[i]
        if lay.comment[i] or len(ln.text) > 400:
            continue
        if any(rx.search(ln.text) for rx in data.generic_bio):
            signals.append({"signal": "generic-author-bio", "line": ln.number})
            ctx.emit(GENERIC_BIO.finding(page, ln, excerpt=ln.text.strip()[:80]))
    seen_notice = False
    for ln, text in notices:
        signals.append({"signal": "syndication-notice", "line": ln.number})
        if not seen_notice:
            ctx.emit(SYNDICATION.finding(page, ln))
            seen_notice = True
    for c in credits:
        if c.kind == "headline-credit":
            signals.append({"signal": "rewritten-headline", "line": c.line.number})
            ctx.emit(REWRITTEN_HEADLINE.finding(page, c.line, outlet=c.source))
            break

    via = "url" if own else None
    domain = own or None
    if not domain:
        for c in credits:
            if c.outlet is not None and c.outlet.domain:
                domain, via = c.outlet.domain, "outlet-credit"
                break
    reliability = _domain_rating(ctx, domain, via)
    label = reliability.get("label")
    if label is not None and label <= ctx.config.param(LOW_RATED, "max_label"):
        signals.append({"signal": "low-rated-domain", "line": None})
        ctx.emit(LOW_RATED.document_finding(domain=reliability["domain"], rating=reliability["rating"],
                                            source=reliability["source"]))

    return {
        "byline": byline.name if byline else None,
        "byline_line": byline.line.number if byline and byline.line else None,
        "byline_via": byline.how if byline else None,
        "sources": sources,
        "credits": [{"source": c.source, "line": c.line.number, "kind": c.kind} for c in credits],
        "quotes": quotes,
        "unsourced_figures": unsourced,
        "domain": reliability["domain"],
        "reliability": reliability,
        "content_farm_signals": signals,
    }
