"""Boilerplate and scraping damage: labels every line title / body / meta / boilerplate.

Plain text keeps no DOM, so the classifier reads what a line still shows: its length, word
count, stop-word density (language picked per document from the stop-word lists), end
punctuation, list bullets, known boilerplate phrases (data/noise/boilerplate.txt), its
position and its neighbours. It works like jusText: every line first gets a context-free class
(good / near-good / short / bad), then short and ambiguous lines take the class of the good
or bad blocks around them. On top of that come structural rules (tables of contents, headings
repeated as captions, the related-links tail after the article), the headline, and meta lines
(byline, date, reading time, category, source credit) near the article's edges.

HTML pages arrive as trafilatura's main text, which is mostly content: there only clear
boilerplate phrases, template lines and meta lines at the edges are taken out.

Scraping damage (table cells run together, lower-cased proper nouns and sentence starts)
stays body, because it is content, but is reported as warnings.
"""

from __future__ import annotations

import re
import re._constants as _sc
import re._parser as _sp
from collections import Counter
from functools import lru_cache
from itertools import chain, pairwise
from typing import Any

from ..alternation import literal_alternation
from ..context import Context
from ..corpus import normalise_line
from ..datafiles import read_list, stopword_lists
from ..model import LineLabel
from ..rules import define

REPORT_KEY = "noise"

BOILERPLATE_PHRASE = define(
    "N101", "boilerplate-phrase", "info",
    "{lines} line(s) of {kind} boilerplate",
    "Lines that match a known boilerplate phrase: menus, ads, cookie and share prompts, "
    "related-link headers, tags, footers, pagination, widgets, comment-form prompts.",
    why="Template text repeated on every page skews word counts, deduplication and any model trained on it.",
    example="ADVERTISEMENT / Share / Related Posts / Leave a Reply",
    max_chars=120,  # longer lines are prose: whole-line patterns are not tried on them
    max_chars_phrase=400,  # '.*phrase.*' patterns (cookie notices, copyright) are tried up to this length
)
LOW_CONTENT = define(
    "N102", "low-content-block", "info",
    "{lines} line(s) of {kind} text outside the article",
    "Runs of short, stop-word-poor lines around the main text (menus, link lists, widgets), "
    "found jusText-style from length, stop-word density and neighbours; and kept lines in a row "
    "made from one template ('... in Austin', '... in Baltimore': kind link-list).",
    why="Navigation and link lists are not the document's content.",
    example="Home / News / Sport / Weather",
    length_low=70,  # characters: shorter lines are 'short' and take their neighbours' class
    length_high=200,  # characters: longer stop-word-rich lines are 'good' outright
    stopwords_low=0.30,  # share of stop words for near-good
    stopwords_high=0.32,  # share of stop words for good
    heading_distance=200,  # characters from a heading to the good text it introduces
    template_run=6,  # this many kept lines in a row opening with the same words are a templated link list ...
    template_words=3,  # ... when they share this many first words
    menu_entries=3,  # bulleted entries of up to three capitalised words in a row: a menu, not text
    min_good_chars=250,  # below this much good text, near-good lines anchor the text
    cluster_gap=400,  # characters of bad lines that separate two clusters of good lines
    cluster_share=0.25,  # clusters smaller than this share of the largest are teasers / sidebars
    cluster_share_after=0.5,  # the same after the largest cluster and a section break (related, bio, form)
    cluster_share_footer=1.0,  # the same after a dated copyright line (the page footer) below the largest cluster
    fallback_chars=200,  # with less body text than this, the page's densest region is kept (no prose)
    fallback_words=3,  # lines of this many words count for that region ...
    fallback_short=15,  # ... shorter lines cost this much ...
    fallback_penalty=60,  # ... and recognised boilerplate or meta lines this much
    lead_chars=120,  # a sentence-like line this long, stop-word rich, ...
    lead_gap=400,  # ... this few characters before the text is its lead paragraph
    lead_keep_chars=300,  # a cluster above the main one with a prose paragraph this long is kept
    list_intro_chars=100,  # a paragraph this long (or a line ending in ':') right above a list introduces it
    closing_lines=2,  # lines right after the last paragraph that may be its closing sentence ...
    closing_words=4,  # ... if they have this many words and end like a sentence
    quantity_run=4,  # this many lines in a row opening with a quantity are a list of ingredients or parts ...
    quantity_words=6,  # ... if each has at most this many words
    intro_gap=40,  # a near-good line ending in ':' this few characters above good text introduces it
    near_run=4,  # this many near-good lines in a row (short ones between) are text
    near_run_chars=300,  # or this many characters of them
    teaser_dates=3,  # this many short date lines mark a teaser list: each date starts a cluster
    teaser_lines=3,  # lines of a teaser closed by its date line ('headline / blurb / 5 hours ago')
    listing_teasers=4,  # this many clusters each opened by its date line ...
    listing_share=1.5,  # ... together this many times the largest cluster: the page is a list of teasers, all kept
    cluster_keep_chars=2000,  # a cluster below the largest with this much good text is text, however large the largest
    inline_related_words=5,  # a 'Read more: <headline>' line longer than this is an inline link, not a section header
    thread_posts=3,  # this many numbered post headers ('#1', '#2', ...) mark a forum thread: its replies are text
    min_stop_coverage=0.08,  # below this share of stop words on the page, its language has no list
    stopwords_prose=0.12,  # a punctuated line with this share of stop words is near-good
    prose_words=8,
    inner_menu_share=0.5,  # lines between two stretches of text are text unless more than this share are 1-2 words
)
REPEATED_HEADING = define(
    "N103", "repeated-heading", "info",
    "heading repeated as a caption: {text!s:.60}",
    "A heading-like line that repeats an earlier heading of the page (a caption or widget copy).",
    why="Repeated headings inflate the text and duplicate shingles.",
    example="Key Motivations Behind Belarus-Russia Integration Efforts (second time)",
    min_words_text=10,  # a kept line this long that repeats an earlier one (quotes, widget copies) is dropped
)
TABLE_OF_CONTENTS = define(
    "N104", "table-of-contents", "info",
    "table of contents ({lines} lines)",
    "List lines that repeat headings found later in the page, or follow a 'Table of Contents' header.",
    why="A table of contents repeats the headings; it is navigation, not text.",
    example="Table of Contents / Toggle / • Lukashenkos Vision for Unbreakable Belarus-Russia Ties",
)
TEMPLATE_LINE = define(
    "N105", "template-line", "info",
    "{lines} line(s) repeated across this site's pages",
    "Lines that occur on many pages of the same site (corpus evidence): site template.",
    why="Text shared by every page of a site is its template, not the page's content.",
)
TRAILING_LINKS = define(
    "N106", "trailing-link-list", "info",
    "{lines} line(s) of {kind} after the article",
    "Headline lists, dates and category lines after the article's last paragraph (related posts, teasers), "
    "and headlines tagged as links to other stories ('... [VIDEO]') anywhere.",
    why="Teasers for other articles are not this document's text.",
    example="Vilnius Airport Suspends Flights ... / January 29, 2026 / Belarus",
    min_words=3,
    cut_teasers=3,  # this many lines cut off with '...' mark them all as teasers
    sentence_words=5,  # HTML: a line after a related-links header this long ending in '.' is a sentence, not a link
    tagged_teaser_words=20,  # a kept headline up to this long tagged '[VIDEO]', '[INSIGHT]' links to another story
)
META_LINE = define(
    "N110", "meta-line", "info",
    "{lines} meta line(s) ({kind})",
    "Byline, dateline, reading time, category, source or headline credit: metadata about this document; "
    "and the author's bio at the text's edges (kind author-bio, labelled boilerplate).",
    why="Meta lines are useful facts but not body text.",
    example="by Ava Thompson / March 16, 2025 / in Belarus",
    max_words=12,  # a meta line is short
    edge_lines=6,  # how many non-blank lines past the article's edges meta may sit
    bio_words=8,  # a kept line this long that opens with the byline's name is the author's bio
    bio_name_words=4,  # an author box: a name line of 2 to this many words, then a paragraph opening with the name
)
TABLE_DAMAGE = define(
    "N120", "table-cells-run-together", "warning",
    "table cells run together ({lines} line(s)): {text!s:.60}",
    "Table rows whose cells were joined without separators by the scraper (e.g. 'SectorProjectImpact').",
    why="Run-together words are not words: they break tokenisation, search and language models.",
    example="Support for Economic Integration65%",
    min_joins=2,  # joins in one line that flag it alone; runs of lines with one join each also count
)
CASE_DAMAGE = define(
    "N121", "lower-cased-proper-noun", "warning",
    "lower-cased sentence start or proper noun: {word!s}",
    "Sentence starts and proper nouns written in lower case, a sign of a careless rewrite or scraper.",
    why="Lost capitalisation marks machine-rewritten or damaged text and hurts NER and readability.",
    example="to illustrate the depth ... / reliance on russia",
    min_words=6,  # a lower-case start counts only on a prose line this long
    min_capitalised=3,  # a word must be capitalised this often mid-sentence elsewhere
)

# ------------------------------------------------------------------ data


def _data_lines(name: str) -> list[str]:
    return read_list("noise", name)


def _sections(name: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    current = None
    for line in _data_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            out.setdefault(current, [])
        elif current is not None:
            out[current].append(line)
    return out


def _leading_strings(items: Any, k: int) -> set[str] | None:
    """Every way a parsed regex can begin, cut to k characters (shorter strings: the pattern
    ends there), or None when a class, wildcard or long repeat comes first."""
    outs = {""}
    for op, av in items:
        if all(len(s) >= k for s in outs):
            break
        if op is _sc.AT:
            continue  # \b, ^ and $ take no characters
        if op is _sc.LITERAL:
            alts: set[str] | None = {chr(av)}
        elif op is _sc.IN:
            alts = set()
            for o, a in av:
                if o is _sc.LITERAL:
                    alts.add(chr(a))
                elif o is _sc.CATEGORY and a is _sc.CATEGORY_DIGIT:
                    alts.update("0123456789")  # ASCII digits: other digits are rare in templates
                else:
                    alts = None
                    break
        elif op is _sc.SUBPATTERN:
            alts = _leading_strings(av[3], k)
        elif op is _sc.BRANCH:
            alts = set()
            for branch in av[1]:
                sub = _leading_strings(branch, k)
                if sub is None:
                    return None
                alts |= sub
        elif op is _sc.CATEGORY and av is _sc.CATEGORY_DIGIT:
            alts = set("0123456789")
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT) and av[1] > 3 and av[0] >= 1:
            # a long repeat: only its first round is known, so nothing may follow it
            sub = _leading_strings(av[2], k)
            if sub is None:
                return None
            outs = {(a + b)[:k] if len(a) < k else a for a in outs for b in sub}
            return None if any(len(s) < k for s in outs) else outs
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT) and av[1] <= 3:
            sub = _leading_strings(av[2], k)
            if sub is None:
                return None
            alts, cur = set(), {""}
            for n in range(av[1] + 1):
                if n >= av[0]:
                    alts |= cur
                cur = {(a + b)[:k] for a in cur for b in sub}
        else:
            alts = None
        if alts is None:
            if any(len(s) < k for s in outs):
                return None
            break
        outs = {(a + b)[:k] if len(a) < k else a for a in outs for b in alts}
        if len(outs) > 5000:
            return None
    return outs


def _required(items: Any) -> frozenset[str] | None:
    """Strings one of which any match of a parsed regex contains (None: no such set is known):
    a run of literal characters, or one per branch of an alternation. The longest is kept."""
    best: frozenset[str] | None = None

    def keep(req: frozenset[str] | None) -> None:
        nonlocal best
        if req and (best is None or min(map(len, req)) > min(map(len, best))):
            best = req

    run = ""
    for op, av in items:
        if op is _sc.LITERAL:
            run += chr(av)
            continue
        keep(frozenset((run,)) if run else None)
        run = ""
        if op is _sc.SUBPATTERN and not av[1] and not av[2]:  # no inline flags
            keep(_required(av[3]))
        elif op is _sc.BRANCH:
            subs = [_required(branch) for branch in av[1]]
            if all(subs):
                keep(frozenset().union(*subs))  # type: ignore[arg-type]
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT) and av[0] >= 1:
            keep(_required(av[2]))
    keep(frozenset((run,)) if run else None)
    return best


class _Patterns:
    """A family's phrase list, three ways: whole-line patterns, '^prefix' patterns (a line of
    any length that starts so) and '.*phrase.*' patterns searched for anywhere in a line.
    Each pattern is compiled alone and indexed by how it can begin (the first KEY characters
    of a line, the first KEY letters of a word for phrases), so a line tries only the few
    patterns that can match it instead of one long alternation. Lines are lower-cased first."""

    KEY = 3
    JOIN_AFTER = 500  # lookups of one candidate list before its patterns are joined into one regex

    def __init__(self, sections: dict[str, list[str]]):
        whole: list[tuple[str, str]] = []
        prefix: list[tuple[str, str]] = []
        phrase: list[tuple[str, str]] = []
        for kind, pats in sections.items():
            for pat in pats:
                if pat.startswith(".*"):
                    phrase.append((kind, re.sub(r"(\.\*|\.\{0,\d+\})$", "", pat[2:])))
                elif pat.startswith("^"):
                    prefix.append((kind, pat[1:]))
                else:
                    whole.append((kind, pat))
        self._joined: dict[int, tuple] = {}  # id(candidate tuple) -> (alternation, kinds, tuple)
        self._uses: dict[int, int] = {}  # id(candidate tuple) -> lookups so far, until it is joined
        self.whole = self._index(whole, "(?:{})$", words=False)
        self.prefix = self._index(prefix, "(?:{})", words=False)
        self.phrase = self._index(phrase, "(?:{})", words=True)
        self._phrase_keys = frozenset(self.phrase[0])
        self._merged: dict[frozenset, tuple] = {}  # keys a line hits -> their patterns, merged
        self._has_prefix = bool(self.prefix[0] or self.prefix[1])
        self._has_phrase = bool(self.phrase[0] or self.phrase[1])
        # the patterns for any line are tried on every line: as one alternation, and only on a
        # line holding one of the strings some match needs
        self._gates: dict[int, re.Pattern[str] | None] = {}
        for part in (self.whole, self.prefix):
            always = part[1]
            if len(always) > 1:
                self._join(always)
            needs: set[str] = set()
            for e in always:
                need = _required(list(_sp.parse(e[2].pattern))) if not e[2].flags & re.IGNORECASE else None
                if not need:
                    break
                needs |= need
            else:
                if needs:
                    self._gates[id(always)] = re.compile(
                        "|".join(sorted(map(re.escape, needs), key=lambda x: (-len(x), x))))

    @classmethod
    def _index(cls, pats: list[tuple[str, str]], wrap: str, words: bool) -> tuple[dict[str, tuple], tuple]:
        """(key -> patterns that may match a line with that key, patterns to try on every line);
        each pattern is (order, kind, compiled, strings one of which a match contains), lists
        in file order (first match wins)."""
        keyed: dict[str, list] = {}
        by_char: dict[str, list] = {}  # patterns known only by their first character
        always: list = []
        for order, (kind, pat) in enumerate(pats):
            rx = re.compile(wrap.format(pat))
            parsed = _sp.parse(pat)
            items = list(parsed)
            # strings one of which a matching line must contain: tried before the regex where
            # the pattern's first characters do not already select it (lines are lower-cased,
            # so only case-sensitive patterns qualify)
            need = None if rx.flags & re.IGNORECASE or parsed.state.flags & re.IGNORECASE else _required(items)
            entry = (order, kind, rx, tuple(sorted(need)) if need else ())
            if words:
                # a phrase must start at a word boundary for its first word to be a key
                starts = _leading_strings(items, cls.KEY + 1) if items and items[0][0] is _sc.AT else None
                keys = None if starts is None else {cls._word_key(s) for s in starts}
                if keys is None or None in keys:
                    always.append(entry)
                else:
                    for key in keys:
                        keyed.setdefault(key, []).append(entry)
                continue
            # an anchored pattern fails fast at the line start: checking many strings first costs more
            if len(entry[3]) > 3:
                entry = entry[:3] + ((),)
            starts = _leading_strings(items, cls.KEY)
            if starts is not None and "" not in starts:
                entry = entry[:3] + ((),)  # its first characters select it: nothing more to check
                for key in starts:
                    keyed.setdefault(key, []).append(entry)
                continue
            starts = _leading_strings(items, 1)
            if starts is not None and "" not in starts:
                for key in starts:
                    by_char.setdefault(key, []).append(entry)
                continue
            always.append(entry)

        def order(lst: list) -> tuple:
            return tuple(sorted(lst, key=lambda e: e[0]))

        # phrases: the patterns for every line are in each list; anchored patterns: they are
        # tried apart, as one alternation (see kind)
        also = always if words else []
        merged = {key: order(lst + by_char.get(key[:1], []) + also) for key, lst in keyed.items()}
        # a line whose first characters key no pattern: its first character may
        for ch, lst in by_char.items():
            merged.setdefault(ch, order(lst + also))
        return merged, tuple(always)

    @classmethod
    def _word_key(cls, start: str) -> str | None:
        m = _WORD.match(start)
        if not m:
            return None
        return m.group(0)[:cls.KEY + 1]

    def _search(self, cands: tuple, text: str) -> str | None:
        """Kind of the first phrase pattern found anywhere in the line."""
        for _, kind, rx, need in cands:
            if need:
                for s in need:
                    if s in text:
                        break
                else:
                    continue  # the line lacks every string a match needs
            if rx.search(text):
                return kind
        return None

    def _join(self, cands: tuple) -> tuple:
        rx = re.compile("|".join(f"(?P<p{n}>{e[2].pattern})" for n, e in enumerate(cands)))
        joined = self._joined[id(cands)] = (rx, cands)
        return joined

    def _match(self, cands: tuple, text: str) -> tuple | None:
        """The first anchored pattern (in file order) that matches at the line start."""
        if len(cands) == 1:
            return cands[0] if cands[0][2].match(text) else None
        # one alternation tries them in file order at the line start, so its first matching
        # branch is the pattern a loop would have found first. Compiling it costs as much as
        # a few hundred loops: only candidate lists used that often get one
        joined = self._joined.get(id(cands))
        if joined is None:
            uses = self._uses.get(id(cands), 0) + 1
            if uses < self.JOIN_AFTER:
                self._uses[id(cands)] = uses
                for e in cands:
                    need = e[3]
                    if need:
                        for s in need:
                            if s in text:
                                break
                        else:
                            continue
                    if e[2].match(text):
                        return e
                return None
            joined = self._join(cands)
        m = joined[0].match(text)
        return joined[1][int(m.lastgroup[1:])] if m and m.lastgroup else None

    def _anchored(self, part: tuple, low: str) -> str | None:
        """Kind of the first pattern of `part` (whole or prefix) that matches the line: the
        few keyed by the line's first characters, then the ones any line may match."""
        index, always = part
        cands = index.get(low[:self.KEY]) or index.get(low[:1])
        hit = self._match(cands, low) if cands else None
        if always and (hit is None or hit[0] > always[0][0]):
            gate = self._gates.get(id(always))
            other = self._match(always, low) if gate is None or gate.search(low) else None
            if other is not None and (hit is None or other[0] < hit[0]):
                hit = other
        return hit[1] if hit is not None else None

    def kind(self, text: str, raw: str, whole_max: int, long_max: int, phrases: bool = True,
             words: list[str] | None = None, prefixes: bool = True) -> str | None:
        """Kind of the first pattern that matches: whole-line on `text` (up to whole_max
        characters), prefix and phrase on `raw` (up to long_max). `words`: the line's words,
        lower-cased, if already split. `prefixes=False`: the line was tried for prefix patterns
        already."""
        found = None
        key = self.KEY
        low = None
        if text and len(text) <= whole_max:
            low = text.lower()
            found = self._anchored(self.whole, low)
        if found is None and len(raw) <= long_max and (self._has_prefix or (phrases and self._has_phrase)):
            if low is None or raw is not text:
                low = raw.lower()
            if prefixes and self._has_prefix:
                found = self._anchored(self.prefix, low)
            index, always = self.phrase
            if found is None and phrases and self._has_phrase:
                n = key + 1
                keys = {w[:n] for w in words} if words is not None else {w[:n] for w in _WORD.findall(low)}
                hit = keys & self._phrase_keys
                cands = always
                if len(hit) == 1:
                    cands = index[hit.pop()]
                elif hit:
                    # lines share the few combinations of keys they hit: each merged list is kept
                    fk = frozenset(hit)
                    cands = self._merged.get(fk)
                    if cands is None:
                        if len(self._merged) >= 4096:
                            self._merged.clear()
                        cands = self._merged[fk] = tuple(sorted(
                            {e[0]: e for w in fk for e in index[w]}.values(), key=lambda e: e[0]))
                found = self._search(cands, low)
        return found


# a person's name opening a bio: two or three capitalised words ('Dr. Shelby Loos', 'Clara Löw',
# 'Ernst van der Berg'), an initial allowed
_BIO_NAME = (r"(?:(?:Dr|Prof)\.? )*[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)?(?: [A-ZÀ-ÖØ-Þ]\.)?"
             r"(?: (?:van |von |de |da |del |le |der )*[A-ZÀ-ÖØ-Þ][\w'’-]+){1,2}")


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    stop = stopword_lists()
    index: dict[str, list[str]] = {}
    for code in sorted(stop):
        for w in stop[code]:
            index.setdefault(w, []).append(code)
    # a prefix tree: the date pattern runs on most short lines of every page
    months = literal_alternation(sorted({m.lower() for m in _data_lines("months.txt")}))
    date = re.compile(
        rf"\b(?:(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?:{months})\.?,?\s*(?:\d{{4}})?"
        rf"|\d{{4}}-\d{{1,2}}-\d{{1,2}}|\d{{1,2}}[./]\s?\d{{1,2}}[./]\s?\d{{2,4}}|(?:{months})\.?,?\s+\d{{4}})",
        re.IGNORECASE,
    )
    from .comments import relative_time_pattern  # (comments reads this module's date pattern)

    return {
        "stop": stop,
        "stop_index": {w: tuple(c) for w, c in index.items()},
        "relative": relative_time_pattern(),
        "boilerplate": _Patterns(_sections("boilerplate.txt")),
        # (the name is matched with its case, what follows it without)
        "edge_bio": re.compile(rf"^{_BIO_NAME},? (?i:{'|'.join(f'(?:{x})' for x in _data_lines('bios.txt'))})"),
        "meta": _Patterns(_sections("meta.txt")),
        "date": date,
        # a date closing a line ('... - 10 June 2025'): a teaser's publication date
        "date_end": re.compile(rf"(?:{date.pattern})\s*$", re.IGNORECASE),
    }


# ------------------------------------------------------------------ line features

_BULLET = re.compile(r"^\s*(?:[•*+\-–·▪►▸◦‣]|o(?=\s)|\d{1,2}[.)](?=\s))\s*")
_DIGIT = re.compile(r"\d")
# the end of a sentence inside a line (or at its end): prose has some
_SENTENCE_MARK = re.compile(r"[.!?。！？;:,](?:\s|$)")

# a line of source code or a shell command: a keyword start, or code punctuation
_CODE_START = re.compile(
    r"\s*(?:def |class |import |from \S+ import|const |let |var |function |return\b|if \(|for \(|while \(|"
    r"#include|public |private |\$ |>>> |curl |pip |npm |git |sudo |docker )"
)
_CODE_CHAR = re.compile(r"[=;{}()\\\]]")
_CODE = re.compile(r"[;{}]\s*$|^\s*[}\])]|\w\([^()]*\)\s*;?\s*$|\s\\$|\b\w+\s*=\s*[\w\"'\[{(]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_EDGE_START = re.compile(r"[\W_]+")


def _strip_edges(text: str) -> str:
    """The line without punctuation and symbols at either end ('» Home |' -> 'Home')."""
    if not text or (text[0].isalnum() and text[-1].isalnum()):
        return text
    m = _EDGE_START.match(text)
    start = m.end() if m else 0
    end = len(text)
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


_END_PUNCT = frozenset('.!?:;"”“»)…。！？」』')
_BYLINE = re.compile(
    r"^(?:(?:[Bb]y|[Vv]on|par|por|di|door|av|[Ww]ritten by|[Pp]osted by|[Ww]ords by|text|texte)\s*:?\s+|(?:author|autor|autorin|auteur|autore|redakteur|redaktion)\s*:\s*)"
    r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’-]*(?:\s+(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’-]*|van|von|de|der|da|del|la|le|bin|al|and|und|et|y|&|,)){0,7}\s*"
    r"(?:(?:[|,·•–-]|(?:am|on|le|el|il|at|um|vom|du|del)\s+(?=\d)).{0,60})?$"
)
_NAME_BY_NAME = re.compile(r"^(.{3,40}?)\s+by\s+\1$", re.IGNORECASE)
_CATEGORY_IN = re.compile(r"^in\s+[A-ZÀ-ÖØ-Þ][\w&'’-]*(?:\s+[A-ZÀ-ÖØ-Þ&][\w&'’-]*){0,3}$")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\b|\b\d{1,2}\s*[ap]\.?m\.?\b", re.IGNORECASE)
_DASH_CREDIT = re.compile(r"\S\s+[–—|-]\s+[^–—|]{2,60}$")
# a headline that ends in an upper-case tag in brackets is a link to another story ('Lakers vs
# Nets: NBA make final decision on game [VIDEO]', 'Jak Polska wypada na tle Europy? [RANKING]');
# a sentence ('... focus on [SPECIFIC CHUNK].') or a lone tag ('[CNBC]') is not
_TAGGED_TEASER = re.compile(r"^(?:\S+\s+){2,}\S*[^\s.:;,]\s+\[[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+){0,2}\][\s|]*$")
# a teaser cut off mid-word or mid-sentence by the site ('... with Realtek Bluetooth...')
_CUT_OFF = re.compile(r"[^\W\d_]{2}(?:\.\.\.|…)$")
_CAMEL_JOIN = re.compile(r"[a-zà-öø-ÿ]{2}[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]|[a-zà-öø-ÿ]{3}\d|\d%?[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2}")
# (the punctuation comes first so that the scan can skip ahead to it; the look-behind then
# checks the three characters before it)
_LOWER_SENTENCE = re.compile(r"[.!?](?<=[a-z\d”\"')]{3}[.!?])\s+([a-z][a-z]+)\b")
_NOT_SENTENCE_STARTS = frozenset({"com", "org", "net", "html", "php", "de", "uk", "http", "https", "www"})
# a word inside a sentence (after a lower-case letter or a comma): capitalised, or lower-case
_MID_WORD = re.compile(r"(?<=[a-z,;]\s)(?:([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{3,})|([a-zà-öø-ÿ]{4,}))\b")


# phrase-list kinds that describe this document (picture credits): meta, not boilerplate
_META_PHRASE_KINDS = frozenset({"photo-credit"})
# phrase-list kinds that sit inside the main content (captions, shop and service buttons): they
# are not text, but they must not split the text around them either
_INLINE_KINDS = frozenset({"photo-credit", "call-to-action", "gallery"})

# boilerplate kinds that end a section: good text after them starts a new cluster
_SECTION_BREAKS = frozenset({"related", "comment-form", "author-bio", "donation",
                             "footer", "pagination", "reviews"})


class _Features:
    """What one line's text shows, whatever page it is on: computed once per distinct line
    text (menus, footers and widgets repeat across a site's pages) and kept in a bounded cache.
    The slots after `key` are filled lazily by the steps that need them."""

    __slots__ = ("text", "core", "bullet", "words", "lwords", "nwords", "nchars", "end_punct", "heading",
                 "key", "shape", "first", "kept_phrase", "meta", "date", "stop", "damage", "dated")

    def __init__(self, text: str):
        self.text = stripped = text.strip()
        # most lines start with a letter other than 'o': no bullet, no regex needed
        first = stripped[:1]
        m = None if (first.isalpha() and first != "o") else _BULLET.match(text)
        # "o" only counts as a bullet when indented (inscriptis nests lists with it)
        self.bullet = bool(m) and not (m.group(0).lstrip().startswith("o") and not text.startswith("  "))
        self.core = core = text[m.end():].strip() if self.bullet and m else stripped
        self.words = words = _WORD.findall(core)
        self.lwords = " ".join(words).lower().split(" ") if words else []
        self.nwords = len(words)
        self.nchars = len(core)
        self.end_punct = bool(core) and core[-1] in _END_PUNCT
        self.heading = not self.end_punct and 1 <= self.nwords <= 20 and self.nchars <= 150
        self.key: str | None = None
        self.shape: int | None = None
        self.first: tuple | None = None
        self.kept_phrase: tuple | None = None
        self.meta: tuple[str | None, bool] | None = None
        self.date: tuple | None = None
        self.stop: tuple | None = None
        self.damage: tuple | None = None
        self.dated: tuple | None = None


_FEATURES: dict[str, _Features] = {}
_FEATURES_MAX = 4096  # distinct line texts kept (~1.5 KB each); the cache is emptied when it is full


def _features(text: str) -> _Features:
    f = _FEATURES.get(text)
    if f is None:
        if len(_FEATURES) >= _FEATURES_MAX:
            _FEATURES.clear()
        f = _FEATURES[text] = _Features(text)
    return f


class _Line:
    """What the classifier knows about one non-blank line of this page."""

    __slots__ = ("i", "f", "text", "core", "bullet", "words", "lwords", "nwords", "nchars", "end_punct",
                 "heading", "key", "stop", "cls", "label", "kind", "rule")

    def __init__(self, i: int, text: str, keyed: bool = False):
        self.i = i
        self.f = f = _features(text)
        self.text, self.core, self.bullet, self.words = f.text, f.core, f.bullet, f.words
        self.lwords, self.nwords, self.nchars = f.lwords, f.nwords, f.nchars
        self.end_punct, self.heading = f.end_punct, f.heading
        # the normalised key serves headings and tables of contents (and template lines)
        if keyed or f.heading:
            if f.key is None:
                f.key = normalise_line(f.core)
            self.key = f.key
        else:
            self.key = ""
        self.stop = 0.0
        self.cls = "short"
        self.label: str | None = None
        self.kind: str | None = None
        self.rule: str | None = None


def _pick_language(lines: list[_Line], data: dict[str, Any]) -> frozenset[str]:
    """The stop-word list that covers most words of the page (its language)."""
    index: dict[str, tuple[str, ...]] = data["stop_index"]
    # the lines up to (and with) the one that brings the words past 1500, counted in one go
    # (a line counts with its first 100 words at most: one huge line, such as a form's option
    # list run together, must not outvote the page's prose)
    take = seen = 0
    for ln in lines:
        take += 1
        seen += min(ln.nwords, 100)
        if seen > 1500:
            break
    counts: Counter[str] = Counter(chain.from_iterable(
        [ln.lwords if ln.nwords <= 100 else ln.lwords[:100] for ln in lines[:take]]))
    hits: dict[str, int] = {}
    # the page's few hundred words are looked up in the index, not the other way round
    get = index.get
    for w, n in counts.items():
        codes = get(w)
        if codes:
            for code in codes:
                hits[code] = hits.get(code, 0) + n
    stop = data["stop"]
    if not hits:
        return stop.get("en", frozenset())
    best = max(sorted(hits), key=lambda c: hits[c])
    return stop[best]


def _stop_share(f: _Features, stop: frozenset[str]) -> float:
    """Share of the line's words that are stop words of the page's language."""
    cached = f.stop
    if cached is not None and cached[0] is stop:
        return cached[1]
    share = sum(map(stop.__contains__, f.lwords)) / f.nwords if f.nwords else 0.0
    f.stop = (stop, share)
    return share


_SHAPE_CAMEL, _SHAPE_CODE = 1, 2


def _shape(f: _Features) -> int:
    """Bit flags: table cells run together (camel joins), source code. A sentence with a
    single join names a thing ('ggplot2', 'YouTube', 'Windows10'): it is not table cells."""
    if f.shape is None:
        core = f.core
        camel = f.nchars <= 150 and _CAMEL_JOIN.search(core) is not None
        if camel and f.end_punct:
            camel = len(_CAMEL_JOIN.findall(core)) >= 2
        f.shape = ((_SHAPE_CAMEL if camel else 0)
                   | (_SHAPE_CODE if _CODE_START.match(core) or (_CODE_CHAR.search(core) and _CODE.search(core))
                      else 0))
    return f.shape


# ------------------------------------------------------------------ classification


def _set(ln: _Line, label: str, kind: str | None, rule: str | None) -> None:
    ln.label, ln.kind, ln.rule = label, kind, rule


def _set_phrase(ln: _Line, kind: str) -> None:
    if kind in _META_PHRASE_KINDS:
        _set(ln, "meta", kind, META_LINE.code)
    else:
        _set(ln, "boilerplate", kind, BOILERPLATE_PHRASE.code)


_STEP_KEYS: dict[tuple, tuple] = {}  # one shared key object per set of step settings


def _first_step(ln: _Line, p: dict[str, Any], bp_re: _Patterns, max_chars: int,
                contains_max: int) -> tuple[str | None, str | None, str | None, str]:
    """(label, kind, rule, class) from the line alone: a known boilerplate phrase, a separator,
    or jusText's context-free class."""
    if ln.nchars <= contains_max:  # phrases are searched for once a line is kept (later)
        kind = bp_re.kind(_strip_edges(ln.core) or ln.core, ln.core, max_chars, contains_max, phrases=False)
        if kind:
            label, rule = ("meta", META_LINE.code) if kind in _META_PHRASE_KINDS else ("boilerplate",
                                                                                        BOILERPLATE_PHRASE.code)
            # a picture credit or a button sits inside the content: it must not split the text around it
            return label, kind, rule, "skip" if kind in _INLINE_KINDS else "bad"
        if not ln.nwords and not _DIGIT.search(ln.core):
            return "boilerplate", "separator", BOILERPLATE_PHRASE.code, "bad"
    return None, None, None, _context_free(ln, p)


def _context_free(ln: _Line, p: dict[str, Any]) -> str:
    if ln.nchars < p["length_low"]:
        return "short"  # short: its neighbours decide
    if _shape(ln.f) & (_SHAPE_CAMEL | _SHAPE_CODE):
        return "short"  # a table row run together, or source code: the text around it decides
    if ln.nchars > p["length_high"] and not _SENTENCE_MARK.search(ln.core):
        # a long line with no sentence in it is a list run together (archives, tags, menus):
        # its neighbours decide, as for a short line
        return "short"
    if ln.stop >= p["stopwords_high"]:
        return "good" if ln.nchars > p["length_high"] else "near"
    if ln.stop >= p["stopwords_low"]:
        return "near"
    # plain text has no link density: a sentence with some stop words is still prose
    if ln.end_punct and ln.stop >= p["stopwords_prose"] and ln.nwords >= p["prose_words"]:
        return "near"
    return "bad"


def _neighbours(ls: list[_Line], skip_near: bool) -> tuple[list[str], list[str]]:
    """For each line, the class of the nearest decided line before and after it (edges: bad)."""
    n = len(ls)
    prev, nxt = ["bad"] * n, ["bad"] * n
    last = "bad"
    for k in range(n):
        prev[k] = last
        c = ls[k].cls
        if c == "good" or c == "bad" or (c == "near" and not skip_near):
            last = c
    last = "bad"
    for k in range(n - 1, -1, -1):
        nxt[k] = last
        c = ls[k].cls
        if c == "good" or c == "bad" or (c == "near" and not skip_near):
            last = c
    return prev, nxt


def _promote_near_runs(ls: list[_Line], p: dict[str, Any]) -> None:
    """Plain text has many paragraphs shorter than jusText's 'good' length: a run of near-good
    lines (short lines between them allowed) is text all the same."""
    run: list[_Line] = []
    for ln in ls + [None]:  # type: ignore[list-item]
        if ln is not None and ln.cls in ("near", "good"):
            run.append(ln)
            continue
        if ln is not None and (ln.cls == "skip" or (ln.cls == "short" and ln.label is None)):
            continue
        if len(run) >= p["near_run"] or sum(x.nchars for x in run) >= p["near_run_chars"]:
            for x in run:
                x.cls = "good"
        run = []


def _mark_quantity_lists(ls: list[_Line], p: dict[str, Any]) -> None:
    """A run of short lines that each open with a quantity and a unit or noun ('125 g Mehl',
    '1 TL Backpulver', '1/2 block of tofu, diced') is a recipe's ingredients or a kit's parts:
    too short for text line by line, but part of it (near-good, so the context decides)."""
    starts = [k for k, ln in enumerate(ls) if ln.core[:1] in _QUANTITY_START]
    if len(starts) < p["quantity_run"]:
        return
    max_words = p["quantity_words"]
    run: list[_Line] = []
    prev = -2
    for k in starts + [-1]:
        ln = ls[k] if k >= 0 else None
        ok = (ln is not None and ln.label is None and ln.cls in ("short", "bad") and ln.nchars <= 80
              and 2 <= ln.nwords <= max_words and _QUANTITY.match(ln.core) is not None)
        if ok and k == prev + 1:
            run.append(ln)
        else:
            if len(run) >= p["quantity_run"]:
                for x in run:
                    x.cls = "near"
            run = [ln] if ok else []
        prev = k


# a quantity, then a unit or noun and another word: '125 g Mehl', '2 Pck. Vanillepuddingpulver',
# '1 1/2 tsp sugar', '120g yellow noodles' (not '5ft4-5ft7' or '18 - 24': survey options)
_QUANTITY = re.compile(r"(?:\d+(?:[.,/]\d+)?(?:\s*[-–]\s*\d+(?:[.,/]\d+)?)?|[½¼¾⅓⅔]|\d+\s+\d/\d)"
                       r"\s*[^\W\d_]+\.?\s+[^\W\d_(]")
_QUANTITY_START = frozenset("0123456789½¼¾⅓⅔")


def _menu_entry(ln: _Line) -> bool:
    """A bulleted item of up to three capitalised words ('• World News'): a menu's entry, which
    introduces no text (a list item of a sentence's case, '• Bugs fixed', may well)."""
    return ln.bullet and 1 <= ln.nwords <= 3 and all(w[:1].isupper() for w in ln.words)


def _context_pass(ls: list[_Line], p: dict[str, Any]) -> None:
    """jusText's context-sensitive pass: headings, short and near-good lines take their neighbours' class."""
    _promote_near_runs(ls, p)
    # a heading-like short line shortly before good text introduces it: the characters between
    # it and the next good line are at most heading_distance (this step makes no line good)
    max_dist = p["heading_distance"]
    between = -1  # characters up to the next good line below; -1: none below
    menu_run = 0  # menu entries in a row just below
    for ln in reversed(ls):
        cls = ln.cls
        menu = cls == "short" and _menu_entry(ln)
        menu_run = menu_run + 1 if menu else 0
        if cls == "short" and ln.heading and 0 <= between <= max_dist and not menu:
            ln.cls = "near"
        if cls == "good":
            between = 0
        elif menu_run >= p["menu_entries"]:
            between = -1  # a heading above a menu heads the menu ('All Football' over '• UK News')
        elif between >= 0:
            between += ln.nchars
    new = [ln.cls for ln in ls]
    p_strict, n_strict = _neighbours(ls, True)
    p_near, n_near = _neighbours(ls, False)
    for k, ln in enumerate(ls):
        if ln.cls != "short":
            continue
        prev, nxt = p_strict[k], n_strict[k]
        if prev == nxt == "good":
            new[k] = "good"
        elif prev == nxt == "bad":
            new[k] = "bad"
        elif (prev == "bad" and p_near[k] == "near") or (nxt == "bad" and n_near[k] == "near"):
            new[k] = "good"
        else:
            new[k] = "bad"
    for k, c in enumerate(new):
        ls[k].cls = c
    new = [ln.cls for ln in ls]
    p_strict, n_strict = _neighbours(ls, True)
    # characters from each line to the next good line (a lead paragraph opens the article)
    to_good = [0] * len(ls)
    dist = 1 << 30
    for k in range(len(ls) - 1, -1, -1):
        to_good[k] = dist
        dist = 0 if ls[k].cls == "good" else dist + ls[k].nchars
    for k, ln in enumerate(ls):
        if ln.cls != "near":
            continue
        lead = (ln.end_punct and ln.stop >= p["stopwords_high"] and ln.nchars >= p["lead_chars"]
                and to_good[k] <= p["lead_gap"])
        # a sentence ending in a colon right above the text introduces it ('... from their
        # Director of Engineering:'), whatever its length
        lead = lead or (ln.core[-1] == ":" and to_good[k] <= p["intro_gap"])
        new[k] = "bad" if p_strict[k] == n_strict[k] == "bad" and not lead else "good"
    for k, c in enumerate(new):
        ls[k].cls = c


def _context_with_fallback(ls: list[_Line], free: list[str], p: dict[str, Any]) -> None:
    """The context pass; with no paragraph long enough to anchor the text (short-paragraph
    pages), again with near-good lines as anchors. `free`: the context-free classes."""
    _context_pass(ls, p)
    if sum(ln.nchars for ln in ls if ln.cls == "good") < p["min_good_chars"]:
        for ln, c in zip(ls, free):
            ln.cls = "good" if c == "near" else c
        _context_pass(ls, p)


def _drop_orphans(ls: list[_Line], free: list[str]) -> None:
    """Short lines kept only because the paragraphs around them were kept, when those
    paragraphs turned out to be boilerplate (a cookie dialog's text around 'Manage Cookie
    Preferences' and 'Performance'): with no text left on either side, they go too."""
    # for each line, whether the nearest paragraph below (free class good or near) is still
    # kept; None: no paragraph there. The one above is followed in the last loop: it only turns
    # short and bad lines, never a paragraph's class
    below: list[bool | None] = [None] * len(ls)
    last: bool | None = None
    for k in range(len(ls) - 1, -1, -1):
        below[k] = last
        if free[k] in ("good", "near"):
            last = ls[k].cls == "good"
    above: bool | None = None
    for k, ln in enumerate(ls):
        if free[k] in ("good", "near"):
            above = ln.cls == "good"
        elif free[k] in ("short", "bad") and ln.cls == "good" and not above and not below[k]:
            ln.cls = "bad"


def _keep_main_clusters(ls: list[_Line], p: dict[str, Any], data: dict[str, Any]) -> None:
    """Good lines far from the main text (bios, teasers, sidebars) are dropped when their
    cluster is small next to the largest one. Section prompts ('Related', 'Subscribe') and,
    in teaser lists, the date line of every teaser separate clusters. The replies of a forum
    thread (numbered post headers) are all kept."""
    date_re = data["date"]
    dates = [k for k, ln in enumerate(ls) if ln.nwords <= 8 and _is_date_line(ln, date_re)]
    split_at_dates = len(dates) >= p["teaser_dates"]
    unkept_dates: list[_Line] = []  # date lines kept by the context, taken out to part the teasers
    posts = _thread_posts(ls, p["thread_posts"], date_re)
    date_set = set(dates)
    clusters: list[list[_Line]] = []
    broken: list[bool] = []  # the cluster starts after a section break
    dated: list[bool] = []  # the cluster starts only because a date line or a section break split it from a near one
    by_date: list[bool] = []  # the cluster is a teaser opened by its own date line
    closed: list[bool] = []  # the cluster is a teaser closed by its own date line ('... / 5 hours ago')
    gap = distance = 0
    section = False
    after_date = False
    for k, ln in enumerate(ls):
        if ln.cls == "skip":
            continue
        if split_at_dates and k in date_set and ln.cls == "good":
            ln.cls = "bad"
            unkept_dates.append(ln)
        if ln.cls == "good" and k not in date_set:
            if clusters and 0 <= gap < p["cluster_gap"]:
                clusters[-1].append(ln)
            else:
                clusters.append([ln])
                broken.append(gap == -1 and section)
                dated.append(gap == -1 and distance < p["cluster_gap"])
                by_date.append(gap == -1 and after_date and distance < p["cluster_gap"])
                closed.append(False)
            gap = distance = 0
            section = after_date = False
            continue
        distance += max(ln.nchars, 20)
        if (split_at_dates and k in date_set and clusters and 0 <= gap < p["cluster_gap"]
                and len(clusters[-1]) <= p["teaser_lines"]):
            closed[-1] = True
        # ('Author' as a list item is a forum badge or a search facet, not the author box's header)
        # (an inline 'Read more: <headline>' link inside the article does not part it either)
        if (ln.kind in _SECTION_BREAKS and not (ln.bullet and ln.kind == "author-bio")
                and not (ln.kind == "related" and ln.rule == BOILERPLATE_PHRASE.code
                         and ln.nwords > p["inline_related_words"] and _INLINE_LINK.fullmatch(ln.core))) or (
                split_at_dates and k in date_set):
            gap = -1
            # a teaser's date heads it ('March 6, 2026'); a credit that ends in a date (an
            # embedded post's '— Name (@handle) November 18, 2019') closes a quote instead
            after_date = after_date or (split_at_dates and k in date_set
                                        and date_re.match(_strip_edges(ln.core)) is not None)
            # a related-links header breaks the page; a bare "Reply" button between forum
            # posts does not
            section = section or (ln.kind in _SECTION_BREAKS
                                  and (ln.kind != "comment-form" or ln.nwords >= 2))
        elif gap >= 0:
            gap += max(ln.nchars, 20)
    if len(clusters) < 2:
        return
    weights = [sum(ln.nchars for ln in c) for c in clusters]
    top = max(weights)
    main = weights.index(top)
    # the page's footer (a dated copyright line: '© 2026 Allen Edmonds LLC', not the picture
    # credit '© picture alliance/dpa') and 'Table of contents' headers (not list items that
    # repeat headings), by page line
    code = BOILERPLATE_PHRASE.code
    marks = [ln for ln in ls if (ln.kind == "footer" or ln.kind == "toc") and ln.rule == code]
    first_i = clusters[0][0].i
    footer_i = next((ln.i for ln in marks if ln.kind == "footer" and ln.i > first_i and _YEAR.search(ln.core)),
                    None)
    thread = _thread_span(posts, clusters)
    # a page that is itself a list of dated teasers (a blog's or a newsroom's index): when the
    # teasers together outweigh the largest cluster by far, they are the page's text; unless the
    # largest is an article (long prose paragraphs): then they are links to other articles.
    # Teasers closed by their date ('1. SigNoz is hiring (signoz.io) / 17 hours ago') make a
    # listing only when the largest cluster is one of them: date lines also close the comments
    # and answers of a Q&A page
    if not closed[main]:
        closed = [False] * len(closed)
    dated_teaser = [d or c for d, c in zip(by_date, closed)]
    teasers = [w for w, d in zip(weights, dated_teaser) if d]
    listing = (len(teasers) >= p["listing_teasers"] and sum(teasers) >= p["listing_share"] * top
               and not any(ln.end_punct and ln.nchars >= p["lead_keep_chars"] and ln.stop >= p["stopwords_high"]
                           for ln in clusters[main]))
    for n, (c, w) in enumerate(zip(clusters, weights)):
        if thread[0] <= c[0].i <= thread[1]:
            continue  # a reply in a forum thread: short next to the opening post, but text all the same
        if listing and dated_teaser[n] and (footer_i is None or c[0].i < footer_i):
            continue  # an entry of a listing page, above its footer
        share = p["cluster_share_after"] if n > main and broken[n] else p["cluster_share"]
        if n > main and footer_i is not None and c[0].i > footer_i:
            share = p["cluster_share_footer"]  # the page ends at its footer: dialogs and scripts follow
        # the lead just above the article, parted from it only by the article's own dateline
        lead = n == main - 1 and dated[main] and any(
            ln.end_punct and ln.nchars >= p["lead_chars"] and ln.stop >= p["stopwords_low"] for ln in c)
        # a long prose paragraph above the main text is article text (an intro parted from the
        # rest by a table or a chart), not a teaser: teasers above an article are short
        lead = lead or (n < main and any(
            ln.end_punct and ln.nchars >= p["lead_keep_chars"] and ln.stop >= p["stopwords_high"] for ln in c))
        # the intro above the article's table of contents
        lead = lead or (n == main - 1 and any(c[0].i < ln.i < clusters[main][0].i for ln in marks
                                               if ln.kind == "toc"))
        # teasers and sidebars are short: a long stretch of text below the main one, opened by a
        # heading of its own, is a second part of the page (a comparison table, an FAQ), unless a
        # section break or the footer parted it (above the article, long clusters are menus of
        # featured stories; a stretch opened by a stray word is a comment thread or a widget)
        lead = lead or (n > main and share == p["cluster_share"] and w >= p["cluster_keep_chars"]
                        and c[0].heading and c[0].core[:1].isupper())
        if w < share * top and not lead:
            for ln in c:
                ln.cls = "bad"
    if listing:
        # the date lines of a listing's teasers are part of its entries
        for ln in unkept_dates:
            if footer_i is None or ln.i < footer_i:
                ln.cls = "good"


# a link to one other article inside the text: a prompt, a colon, a headline ('Read more:
# Trust in the expertise of ...'), not a header of a list ('Lesen Sie auch die folgenden Beiträge:')
_INLINE_LINK = re.compile(r"[^:]{2,40}:\s+\w\S*(?:\s+\S+){2,}(?<![:.…])")

# a forum post's number ('#12', '• #3'), alone or with the post's date ('#5 · Mar 21, 2025',
# '03.03.2011, 14:17 #661')
_POST_NUMBER = re.compile(r"#(\d{1,5})\b")
_POST_SEPARATORS = " ·•|,–-"


def _post_number(ln: _Line, date_re: re.Pattern[str]) -> int | None:
    """The number of a forum post's header line ('#3', '#5 · Mar 21, 2025'), or None."""
    core = ln.core
    if ln.nchars > 45 or "#" not in core:
        return None
    m = _POST_NUMBER.match(core)
    if m is None:
        m = _POST_NUMBER.search(core, max(0, len(core) - 7))
        if m is None or m.end() != len(core) or m.start() == 0 or core[m.start() - 1] not in _POST_SEPARATORS:
            return None
        rest = core[:m.start()]
    else:
        rest = core[m.end():]
    rest = rest.strip(_POST_SEPARATORS)
    if rest:
        # only a date and a time may stand with the number ('#1. Wix: Best All-in-One Builder' is a list)
        left, found = date_re.subn(" ", rest)
        if not found or _WORD.search(_TIME.sub(" ", left)):
            return None
    return int(m.group(1))


def _thread_posts(ls: list[_Line], min_posts: int, date_re: re.Pattern[str]) -> list[_Line]:
    """The numbered post headers of a forum thread ('#1', '• #2', '#3 · Mar 21, 2025', ...: at
    least min_posts, in ascending order), or none. A reply is often a sentence or two, too
    short to count as text on its own: the sentences right below each header (after its date
    or meta lines) are made good here."""
    posts: list[_Line] = []
    numbers: list[int] = []
    at: list[int] = []  # each header's position in ls
    for k, ln in enumerate(ls):
        if ln.nchars <= 45 and "#" in ln.core:
            n = _post_number(ln, date_re)
            if n is not None:
                posts.append(ln)
                numbers.append(n)
                at.append(k)
    if len(posts) < min_posts:
        return []
    if any(b <= a for a, b in pairwise(numbers)):
        return []  # not a sequence of posts
    for k in at:
        k += 1
        while k < len(ls) and ((ls[k].label is not None and ls[k].kind in ("date", "calendar")) or (
                ls[k].label is None and ls[k].nwords <= 8 and _is_date_line(ls[k], date_re))):
            k += 1  # the post's date
        while k < len(ls) and ls[k].label is None and (ls[k].end_punct or ls[k].nwords >= 3):
            if ls[k].cls != "skip":
                ls[k].cls = "good"
            k += 1
    return posts


def _thread_span(posts: list[_Line], clusters: list[list[_Line]]) -> tuple[int, int]:
    """(first, last) page line of a forum thread's posts: from the first numbered post header
    to the end of the text after the last one; (0, -1) when the page is not a thread."""
    if not posts:
        return 0, -1
    last_post = posts[-1].i
    after = next((c for c in clusters if c[0].i > last_post), None)
    return posts[0].i, after[-1].i if after is not None else last_post


def _is_date_line(ln: _Line, date_re: re.Pattern[str]) -> bool:
    f = ln.f
    if f.date is None or f.date[0] is not date_re:
        f.date = (date_re, _is_date_line_uncached(ln, date_re))
    return f.date[1]


def _is_date_line_uncached(ln: _Line, date_re: re.Pattern[str]) -> bool:
    if ln.nwords > 12 or ln.nchars > 90 or not _DIGIT.search(ln.core):
        return False
    rest, found = date_re.subn(" ", ln.core)  # one scan finds and removes the dates
    if not found:
        # a relative time stamps a teaser or a post as a date does ('5 hours ago', 'vor 2 Tagen')
        rest, found = _data()["relative"].subn(" ", ln.core.lower())
        if not found:
            return False
    rest = _TIME.sub(" ", rest)
    leftover = [w for w in _WORD.findall(rest)]
    return len(leftover) <= 4


def _meta_kind(ln: _Line, data: dict[str, Any]) -> tuple[str | None, bool]:
    """(kind, explicit): the meta kind of a line, and whether it labels itself (e.g. 'Date:')."""
    f = ln.f
    if f.meta is None:
        f.meta = _meta_kind_uncached(ln, data)
    return f.meta


def _meta_kind_uncached(ln: _Line, data: dict[str, Any]) -> tuple[str | None, bool]:
    if ln.nwords > 14 or ln.nchars > 160:
        return None, False
    kind = data["meta"].kind(ln.core, ln.core, 160, 160)
    if kind:
        if kind == "date-label":
            if any(ch.isdigit() for ch in ln.core):
                return "date", True
        else:
            return kind, True
    if _BYLINE.match(ln.core) or (" by " in ln.core.lower() and _NAME_BY_NAME.match(ln.core)):
        return "byline", True
    if _is_date_line(ln, data["date"]):
        return "date", False
    if _CATEGORY_IN.match(ln.core):
        return "category", False
    return None, False


# built in a pool's parent before it forks (checks.preload)
PRELOAD = (_data,)


def run(ctx: Context) -> dict[str, Any]:
    page = ctx.page
    data = _data()
    p = {name: ctx.config.param(LOW_CONTENT, name) for name in LOW_CONTENT.params}
    max_chars = ctx.config.param(BOILERPLATE_PHRASE, "max_chars")
    contains_max = ctx.config.param(BOILERPLATE_PHRASE, "max_chars_phrase")
    keyed = bool(ctx.template_lines)
    ls = [_Line(k, line.text, keyed) for k, line in enumerate(page.lines) if not line.blank]
    stop = _pick_language(ls, data)
    html = page.kind == "html"
    bp_re = data["boilerplate"]

    # 1. context-free: phrases, template lines, then jusText classes
    words = stops = 0.0
    for ln in ls:
        share = ln.stop = _stop_share(ln.f, stop)
        words += ln.nwords
        stops += share * ln.nwords
    no_list = bool(words) and stops < p["min_stop_coverage"] * words
    if no_list:
        # no stop-word list for this language (e.g. Japanese, Korean): a line ending like a
        # sentence stands in for a stop-word-rich one
        for ln in ls:
            ln.stop = p["stopwords_high"] if ln.end_punct else 0.0
    # the outcome of this step depends on the line's text, the page's stop words and the
    # thresholds only: it is cached with the line's features for lines that repeat
    step_key = _STEP_KEYS.setdefault((id(stop), no_list, max_chars, contains_max, *p.values()),
                                     (id(stop), no_list, max_chars, contains_max, *p.values()))
    template_lines = ctx.template_lines
    for ln in ls:
        # a key with no letters ('0' for '$599+' or '12') is a number, not template text
        if template_lines and ln.key and ln.key in template_lines and ln.nwords:
            _set(ln, "boilerplate", "template", TEMPLATE_LINE.code)
            ln.cls = "bad"
            continue
        f = ln.f
        first = f.first
        if first is None or first[0] is not step_key:
            first = f.first = (step_key, *_first_step(ln, p, bp_re, max_chars, contains_max))
        _, label, kind, rule, cls = first
        if label is not None:
            ln.label, ln.kind, ln.rule = label, kind, rule
        ln.cls = cls
    _cut_off_teasers(ls, ctx.config.param(TRAILING_LINKS, "cut_teasers"), data["date_end"])

    _structure(ls, html)
    if html:
        for ln in ls:
            ln.cls = "good" if ln.label is None else ln.cls  # trafilatura kept them all
        _phrases_in_kept_lines(ls, bp_re, contains_max)
        _drop_headed_related_tail(ls, ctx.config.param(TRAILING_LINKS, "sentence_words"))
    else:
        _mark_quantity_lists(ls, p)
        if no_list:
            # with no stop words a line is near-good by its end punctuation alone, so a footer
            # ('... EnterMedia.co.kr. All right reserved.') would anchor the links above it: on
            # such pages near-good lines are searched for phrases before the context decides
            near = [ln for ln in ls if ln.cls == "near" and ln.label is None]
            for ln in near:
                ln.cls = "good"
            _phrases_in_kept_lines(near, bp_re, contains_max)
            for ln in near:
                if ln.label is None:
                    ln.cls = "near"
        free = [ln.cls for ln in ls]
        _context_with_fallback(ls, free, p)
        # kept lines are searched for phrases before the clusters are weighed: a cookie notice
        # must not pass for the main text, and a comment-form or related-links prompt must
        # part the clusters around it
        _phrases_in_kept_lines(ls, bp_re, contains_max)
        _drop_orphans(ls, free)
        _keep_main_clusters(ls, p, data)
    bylines = _assign(ls, ctx, data, html)
    if not html:
        _keep_inner_runs(ls, p["inner_menu_share"], bp_re, contains_max)
        _keep_closing_lines(ls, p, bp_re, contains_max)
        _keep_best_region(ls, p, bp_re, contains_max)
        _drop_repeated_text(ls, ctx.config.param(REPEATED_HEADING, "min_words_text"))
        bio_words = ctx.config.param(META_LINE, "bio_words")
        _drop_author_bios(ls, bio_words, bylines)
        _drop_author_boxes(ls, bio_words, ctx.config.param(META_LINE, "bio_name_words"))
        _drop_long_edge_bios(ls, bp_re, contains_max)
        _continue_kept_lists(ls, p["list_intro_chars"])
    if "]" in page.text:  # (one scan of the page spares a look at every line of the 9 in 10 pages without)
        _drop_tagged_teasers(ls, ctx.config.param(TRAILING_LINKS, "tagged_teaser_words"))
    _drop_template_lists(ls, p["template_run"], p["template_words"])
    _drop_edge_bios(ls, data["edge_bio"])

    # labels for every page line; blank lines take the label of the line before (or body)
    labels: list[LineLabel] = []
    by_index = {ln.i: ln for ln in ls}
    last = LineLabel("body")
    for k in range(len(page.lines)):
        ln = by_index.get(k)
        if ln is None:
            labels.append(LineLabel(last.label, last.kind, last.rule))
            continue
        last = LineLabel(ln.label or "body", ln.kind, ln.rule)
        labels.append(last)
    ctx.labels = labels

    damage = _damage(ctx, ls, stop, stop is data["stop"].get("en"))
    _emit_runs(ctx, ls)
    kinds: dict[str, int] = {}
    n_bp = n_meta = n_content = chars_bp = chars_all = 0
    title = None
    for ln in ls:
        label = ln.label
        chars_all += ln.nchars
        if label == "boilerplate" or label == "meta":
            if ln.kind:
                kinds[ln.kind] = kinds.get(ln.kind, 0) + 1
            if label == "meta":
                n_meta += 1
            else:
                n_bp += 1
                chars_bp += ln.nchars
        elif label == "title" or label == "body":
            n_content += 1
            if label == "title" and title is None:
                title = ln.i + 1
    chars_all = chars_all or 1
    return {
        "boilerplate_lines": n_bp,
        "meta_lines": n_meta,
        "content_lines": n_content,
        "boilerplate_share": round(chars_bp / chars_all, 4),
        "title_line": title,
        "kinds": dict(sorted(kinds.items())),
        "damage": damage,
    }


def _keep_inner_runs(ls: list[_Line], menu_share: float, bp_re: _Patterns, contains_max: int) -> None:
    """Lines between two stretches of kept text that no phrase, template or meta rule
    recognised are list items, table rows, specs, captions and subheadings of the text (on
    product, listing and forum pages they are much of the content). A run is left out when a
    section break (related links, comment form, footer) sits in it, or when it is mostly one-
    and two-word entries (a menu between two text blocks)."""
    code = LOW_CONTENT.code
    # low-content lines lie between the first and the last paragraph (see _assign): only the
    # runs around them are looked at
    low_at = [k for k, ln in enumerate(ls) if ln.kind == "low-content" and ln.rule == code]
    if not low_at:
        return
    content = ("body", "title")
    first_body = next((k for k, ln in enumerate(ls) if ln.label == "body"), len(ls))
    kept: list[_Line] = []
    end = -1
    for k in low_at:
        if k <= end:
            continue  # in the run already looked at
        start = k
        while start > 0 and ls[start - 1].label not in content:
            start -= 1
        end = k
        while end + 1 < len(ls) and ls[end + 1].label not in content:
            end += 1
        if start <= first_body or end + 1 >= len(ls):
            continue  # text on one side only
        run = ls[start:end + 1]
        low = [x for x in run if x.kind == "low-content" and x.rule == code]
        if (sum(1 for x in low if x.nwords <= 2) <= menu_share * len(low)
                and not any(x.kind in _SECTION_BREAKS for x in run)):
            kept += low
    _keep_unless_phrase(kept, bp_re, contains_max)


def _keep_closing_lines(ls: list[_Line], p: dict[str, Any], bp_re: _Patterns, contains_max: int) -> None:
    """The article's closing sentence ('Und, hast du dein Ikigai schon gefunden?', 'Here is the
    link to the podcast.') is often too short to count as text on its own: the sentences right
    after the last paragraph, with nothing between, are kept when no phrase, template or meta
    rule recognised them."""
    last = len(ls) - 1
    while last >= 0 and ls[last].label != "body":
        last -= 1
    if last < 0:
        return
    kept: list[_Line] = []
    for ln in ls[last + 1:last + 1 + p["closing_lines"]]:
        if not (ln.rule in (LOW_CONTENT.code, TRAILING_LINKS.code) and ln.kind in ("footer", "related")
                and not ln.bullet and ln.nwords >= p["closing_words"] and ln.end_punct
                and ln.stop >= p["stopwords_prose"] and not _WEB_ADDRESS.search(ln.core)
                and not _CUT_OFF.search(ln.core[-6:])):  # (a teaser cut off by the site)
            break
        kept.append(ln)
        if ln.core[-1] != ":":
            break  # one closing sentence (a line ending in ':' leads to the next)
    # a question or a colon at the end asks the reader to go on ('Sie wollen mehr von uns?',
    # 'Mehr Kolumnen auf MeinMMO:'): a prompt, not the article's last word
    while kept and kept[-1].core[-1] in "?:":
        kept.pop()
    _keep_unless_phrase(kept, bp_re, contains_max)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_WEB_ADDRESS = re.compile(r"https?://|www\.|\w\.(?:com|org|net|de|at|ch|fr|es|it|pl|uk|io)\b")


def _drop_author_bios(ls: list[_Line], min_words: int, bylines: list[_Line]) -> None:
    """A paragraph that opens with the name of the page's byline ('By Markus Reuter' ...
    'Markus Reuter covers digital rights ...') is the author's bio, not the article (a name
    line just above it goes with it)."""
    names: set[tuple[str, str]] = set()
    for ln in bylines:
        if ln.nwords >= 2 and not ln.end_punct:
            # the name: the first two capitalised words after 'by' / 'von' / 'Author:'
            caps = [w for w in ln.words[:6] if w[:1].isupper() and w.lower() not in _BYLINE_WORDS]
            if len(caps) >= 2:
                names.add((caps[0], caps[1]))
    if not names:
        return
    prev = None
    for ln in ls:
        if ln.nwords >= min_words and ln.label == "body" and (ln.words[0], ln.words[1]) in names:
            _set(ln, "boilerplate", "author-bio", META_LINE.code)
            if prev is not None and prev.label == "body" and prev.nwords <= 4 and prev.words == ln.words[:prev.nwords]:
                _set(prev, "boilerplate", "author-bio", META_LINE.code)
        prev = ln


def _drop_author_boxes(ls: list[_Line], min_words: int, max_name_words: int) -> None:
    """An author box with no byline on the page: a line that is only a name ('Inga Buller'),
    then a paragraph that opens with that name ('Inga Buller ist Head of Social ...', 'Jake is
    the co-founder ...'), in the second half of the text. A subheading followed by a paragraph
    that opens with it ('Quantum Computing' / 'Quantum computing is ...') is told apart by its
    words: a name's words are never written in lower case on the page, and a name is not
    mentioned all over the text. Listicles (many such pairs) are left alone."""
    pairs: list[tuple[_Line, _Line]] = []
    headed = 0  # headings followed by a paragraph that opens with their first word
    lowers: set[str] | None = None
    body: list[_Line] | None = None
    # (a name line of a few words, then a paragraph: found in one pass, checked one by one)
    candidates = [k for k, (name, para) in enumerate(zip(ls, ls[1:]))
                  if 2 <= name.nwords <= max_name_words and para.nwords >= min_words]
    for k in candidates:
        name, para = ls[k], ls[k + 1]
        if not (name.nchars <= 40 and not name.end_punct and not name.bullet and para.end_punct
                and name.label in ("body", "title") and para.label == "body"
                and para.words[0] == name.words[0] and para.core.startswith(name.words[0])
                and name.core[:1].isupper()):
            continue
        headed += 1
        if any(not w[:1].isupper() for w in name.words) or _DIGIT.search(name.core):
            continue
        if body is None:
            body = [x for x in ls if x.label == "body"]
        before = sum(x.nchars for x in body if x.i < name.i)
        after = sum(x.nchars for x in body if x.i > para.i)
        if after >= before:
            continue  # the box closes the text
        surname = name.words[-1]
        if sum(1 for x in body if x is not para and surname in x.words) > 2:
            continue  # a name mentioned all over the text is the text's subject
        # an entry of a list of places, products or people: more headed paragraphs follow it
        sections = sum(1 for j in range(k + 2, len(ls) - 1)
                       if ls[j].label == "body" and ls[j].heading and ls[j + 1].label == "body"
                       and ls[j + 1].nwords >= min_words and ls[j + 1].end_punct)
        if sections > 1:
            continue
        if lowers is None:
            lowers = {w for x in body for w in x.words if w.islower()}
        if any(w.lower() in lowers for w in name.words):
            continue  # 'Quantum Computing' / 'quantum computing': common words, not a name
        pairs.append((name, para))
    if len(pairs) > 2 or headed > 3:
        return  # a list of people or products, each with its paragraph: the page's content
    for name, para in pairs:
        _set(para, "boilerplate", "author-bio", META_LINE.code)
        _set(name, "boilerplate", "author-bio", META_LINE.code)


def _drop_headed_related_tail(ls: list[_Line], sentence_words: int) -> None:
    """HTML path: trafilatura keeps the related-links box under some articles, its header ('Auch
    auf gofeminin.de', 'Related stories') and the headlines under it. The header is a phrase;
    the lines after it to the end of the text, when none is a sentence, are its links."""
    header = None
    for k in range(len(ls) - 1, -1, -1):
        ln = ls[k]
        if ln.kind == "related" and ln.rule == BOILERPLATE_PHRASE.code:
            header = k
            break
        if ln.label is None and ln.nwords >= sentence_words and ln.core.endswith(".") and not ln.core.endswith(".."):
            return  # a sentence after the last related header (headlines end in no full stop): the article goes on
    if header is None:
        return
    for ln in ls[header + 1:]:
        if ln.label is None:
            _set(ln, "boilerplate", "related", TRAILING_LINKS.code)


def _drop_edge_bios(ls: list[_Line], bio_re: re.Pattern[str]) -> None:
    """The first or last paragraph of the text that opens with a person's name and their role
    ('Oliver Simpson is a Senior Research Executive at ...', 'Inga Buller ist Head of Social &
    Community bei CHIP', data/noise/bios.txt) is the author's bio, on both paths."""
    first = next((ln for ln in ls if ln.label == "body"), None)
    last = next((ln for ln in reversed(ls) if ln.label == "body"), None)
    if first is None or first is last:
        return
    for ln in (first, last):
        if ln.nwords >= 8 and bio_re.match(ln.core):
            _set(ln, "boilerplate", "author-bio", META_LINE.code)


def _drop_long_edge_bios(ls: list[_Line], bp_re: _Patterns, contains_max: int) -> None:
    """A long author bio ('Rebecca Norris is a full-time freelance writer living in ...') as
    the first or last paragraph: lines this long are not tried for phrases, but a bio's
    opening ('^X is a ... writer') is in its first characters. Only the page's edges are
    looked at: in the middle of an article such an opening describes its subject."""
    first = next((ln for ln in ls if ln.label == "body"), None)
    last = next((ln for ln in reversed(ls) if ln.label == "body"), None)
    if first is None or first is last:
        return
    for ln in (first, last):
        if ln.nchars > contains_max and bp_re.kind(
                "", ln.core[:contains_max], 0, contains_max, phrases=False) == "author-bio":
            _set(ln, "boilerplate", "author-bio", META_LINE.code)


_BYLINE_WORDS = frozenset({"by", "von", "par", "por", "di", "door", "av", "written", "posted", "words", "text",
                           "texte", "author", "autor", "autorin", "auteur", "autore", "redakteur", "redaktion"})


def _continue_kept_lists(ls: list[_Line], intro_chars: int) -> None:
    """A list the article holds is not cut in two: bulleted lines straight after a kept list item
    (no blank line between them) that only the context left out are its further items ('• Slotted
    classes save a lot of memory' after '• Tuples save ...'), when the text introduces the list (a
    paragraph or a line ending in ':' just above it; a list under a bare header, 'Newest Stories',
    is as likely a teaser list). A phrase, template or meta line, a menu entry or a line that is
    not a list item ends the list."""
    intro = False  # the list the last line belongs to is introduced by the text above it
    for k in range(1, len(ls)):
        ln, prev = ls[k], ls[k - 1]
        if not (ln.bullet and prev.bullet and ln.i == prev.i + 1):
            intro = (ln.bullet and prev.label == "body" and not prev.bullet
                     and (prev.nchars >= intro_chars or prev.core.endswith(":")))
            continue
        if (intro and ln.label == "boilerplate" and ln.rule in _CONTEXT_RULES and prev.label == "body"
                and prev.cls == "good" and not _menu_entry(ln)):
            _set(ln, "body", None, None)
            ln.cls = "good"


# the rules that leave a line out for its context alone (no phrase, template or meta of its own)
_CONTEXT_RULES = frozenset({LOW_CONTENT.code, TRAILING_LINKS.code})


def _drop_template_lists(ls: list[_Line], min_run: int, words: int) -> None:
    """Kept lines in a row that all open with the same words and differ only at the end ('Average
    Costs for Cleaning Services in Austin', '... in Baltimore', ...) are a link list made from a
    template (a site's pages for every city, product or tag), or repeated warnings of a broken
    page: not text written for this page."""
    run: list[_Line] = []
    key = None
    for ln in ls + [None]:  # type: ignore[list-item]
        k = None
        if ln is not None and ln.label in ("body", "title") and ln.nwords > words and ln.nchars <= 200:
            k = " ".join(ln.lwords[:words])
        if k is not None and k == key:
            run.append(ln)
            continue
        if len(run) >= min_run:
            for x in run:
                _set(x, "boilerplate", "link-list", LOW_CONTENT.code)
        run, key = ([ln], k) if k is not None else ([], None)


def _drop_tagged_teasers(ls: list[_Line], max_words: int) -> None:
    """Kept lines that are headlines tagged as links to other stories ('... [INSIGHT]'): news
    sites put them inside the article as well as after it, where HTML extraction keeps them."""
    for ln in ls:
        core = ln.core.rstrip(" |")
        if core.endswith("]") and ln.label == "body" and ln.nwords <= max_words \
                and _TAGGED_TEASER.match(core) is not None and core[core.rindex("[") + 1:-1].isupper():
            _set(ln, "boilerplate", "related", TRAILING_LINKS.code)


def _drop_repeated_text(ls: list[_Line], min_words: int) -> None:
    """A long kept line that repeats an earlier line of the page word for word is a quote of
    an earlier post, a widget's copy or a disclaimer repeated under every item: the first
    occurrence stays."""
    seen: set[str] = set()
    for ln in ls:
        if ln.nwords >= min_words and ln.label == "body":
            if ln.core in seen:
                _set(ln, "boilerplate", "repeated-text", REPEATED_HEADING.code)
            else:
                seen.add(ln.core)


def _keep_best_region(ls: list[_Line], p: dict[str, Any], bp_re: _Patterns, contains_max: int) -> None:
    """A page with no prose (a product list, a shop category, a link collection) would lose
    everything: then its densest region of multi-word lines is kept. Each line scores its
    length if it has a few words, a small loss if it is a one- or two-word menu entry, a large
    loss if a phrase, template or meta rule recognised it; the best-scoring run is the body."""
    if sum(ln.nchars for ln in ls if ln.label == "body") >= p["fallback_chars"]:
        return
    best = (0.0, -1, -1)
    score, start = 0.0, 0
    for k, ln in enumerate(ls):
        if ln.rule not in (None, LOW_CONTENT.code, TRAILING_LINKS.code) and ln.kind not in _INLINE_KINDS:
            gain = -p["fallback_penalty"]
        elif ln.nwords >= p["fallback_words"]:
            gain = float(ln.nchars)
        else:
            gain = -p["fallback_short"]
        if score <= 0:
            score, start = 0.0, k
        score += gain
        if score > best[0]:
            best = (score, start, k)
    _, first, last = best
    region = ls[first:last + 1] if first >= 0 else []
    kept = [ln for ln in region if ln.rule in (LOW_CONTENT.code, TRAILING_LINKS.code)]
    _keep_unless_phrase(kept, bp_re, contains_max)


def _keep_unless_phrase(lines: list[_Line], bp_re: _Patterns, contains_max: int) -> None:
    """Lines a later step keeps as text, searched for boilerplate phrases first (only kept
    lines are searched, and these were not kept when that search ran)."""
    for x in lines:
        x.label = x.kind = x.rule = None
        x.cls = "good"
    _phrases_in_kept_lines(lines, bp_re, contains_max)
    for x in lines:
        if x.label is None:
            _set(x, "body", None, None)


def _cut_off_teasers(ls: list[_Line], min_lines: int, date_end: re.Pattern[str]) -> None:
    """Headlines and summaries the site cut off with '...' are teasers for other pages, and so
    are headlines followed by their date ('Decoding low-alcohol wine - 30 July 2025'); one such
    line may be a sentence trailing off or a dated quote, several make a teaser list."""
    cut = [ln for ln in ls if ln.end_punct and ln.label is None and ln.nchars <= 200
           and ln.core.endswith(("...", "…")) and _CUT_OFF.search(ln.core[-6:])]
    # (a date closing a line ends in a year, or in a day or month after '.', '/', '-')
    dated = [ln for ln in ls if not ln.end_punct and ln.core[-1:].isdigit() and ln.label is None
             and ln.nwords >= 3 and ln.nchars <= 150 and (ln.core[-4:].isdigit() or ln.core[-3:-2] in "./-")
             and _dated_headline(ln, date_end)]
    for found in (cut, dated):
        if len(found) >= min_lines:
            for ln in found:
                _set(ln, "boilerplate", "related", TRAILING_LINKS.code)
                ln.cls = "bad"


# what may stand between a headline and its date
_DATE_SEPARATOR = frozenset("-–—|·•,:/(")


def _dated_headline(ln: _Line, date_end: re.Pattern[str]) -> bool:
    """A line of a few words closed by a date after a separator or a capitalised word (not
    after a preposition: 'since June 2021', 'on May 7, 2024' end sentences)."""
    f = ln.f
    if f.dated is None or f.dated[0] is not date_end:
        core = f.core
        tail = core[-40:]
        m = date_end.search(tail)
        found = False
        if m:
            head = core[:len(core) - len(tail) + m.start()].rstrip()
            if len(_WORD.findall(head)) >= 3:
                last = head[-1:]
                if last in _DATE_SEPARATOR:
                    found = True
                else:
                    word = head.rsplit(None, 1)[-1]
                    found = not word.islower()
        f.dated = (date_end, found)
    return f.dated[1]


# words in the opening of a long cookie or consent text (the ad partners' purposes)
_CONSENT_CUES = ("cookie", "partners", "this service", "presented to you", "store and/or")


def _phrases_in_kept_lines(ls: list[_Line], bp_re: _Patterns, contains_max: int) -> None:
    """Lines about to be kept are searched for boilerplate phrases (cookie notices, appeals,
    comment-form notices): searching every line would cost more than the rest of the check."""
    for ln in ls:
        if ln.label is None and ln.cls == "good":
            f = ln.f
            if f.kept_phrase is None or f.kept_phrase[0] != contains_max:
                if ln.nchars <= contains_max:
                    # (the first step tried this line for '^prefix' patterns already)
                    kind = bp_re.kind("", ln.core, 0, contains_max, words=ln.lwords, prefixes=False)
                else:
                    # a long consent text opens with its cookie (or ad partners') sentence: only
                    # that is looked for
                    head = ln.core[:contains_max]
                    low = head.lower()
                    kind = (bp_re.kind("", head, 0, contains_max)
                            if any(cue in low for cue in _CONSENT_CUES) else None)
                    kind = kind if kind == "cookie" else None
                f.kept_phrase = (contains_max, kind)
            kind = f.kept_phrase[1]
            if kind:
                _set_phrase(ln, kind)
                # a picture credit sits inside the article: it must not split the text around it
                ln.cls = "skip" if kind in _INLINE_KINDS else "bad"


def _structure(ls: list[_Line], html: bool) -> None:
    """Tables of contents and headings repeated as captions."""
    later: dict[str, int] = {}
    for ln in ls:
        if ln.key:
            later[ln.key] = ln.i  # last occurrence
    in_toc, toc_items = False, 0
    for k, ln in enumerate(ls):
        if ln.label is not None and ln.kind == "toc":
            in_toc, toc_items = True, 0
            continue
        # after a contents header: its entries (once list items start, only list items)
        if (in_toc and (ln.bullet or (ln.heading and toc_items == 0)) and ln.nchars <= 150
                and not ln.end_punct):
            _set(ln, "boilerplate", "toc", TABLE_OF_CONTENTS.code)
            ln.cls = "skip"
            toc_items += ln.bullet
            continue
        in_toc = False
        # a list item repeating a heading further down is a table-of-contents entry
        if (not html and ln.label is None and ln.bullet and ln.heading and ln.key
                and later.get(ln.key, -1) > ln.i and ln.nwords >= 2):
            _set(ln, "boilerplate", "toc", TABLE_OF_CONTENTS.code)
            ln.cls = "skip"
    seen_headings: set[str] = set()
    for ln in ls:
        if ln.label is not None or not ln.key:
            continue
        if ln.heading and not ln.bullet and ln.nwords >= 3:
            if ln.key in seen_headings:
                _set(ln, "boilerplate", "repeated-heading", REPEATED_HEADING.code)
                ln.cls = "skip"
            else:
                seen_headings.add(ln.key)


_LABEL_CHARS = 25  # a label ('Kategorie:', 'Posted in:') ends within this many characters


def _assign(ls: list[_Line], ctx: Context, data: dict[str, Any], html: bool) -> list[_Line]:
    """Final labels: body/boilerplate from the classes, then the title and the meta lines.
    Returns the byline-like lines seen (wherever they are)."""
    page = ctx.page
    edge = ctx.config.param(META_LINE, "edge_lines")
    comment_range = page.html_comment_lines if html else None
    for ln in ls:
        if ln.label is not None:
            continue
        if html or ln.cls == "good":
            ln.label = "body"
    good = [k for k, ln in enumerate(ls) if ln.label == "body"]
    first_good = good[0] if good else len(ls)
    last_good = good[-1] if good else -1

    # title: the best headline-like line above the first body paragraph
    title_k = _find_title(ls, first_good, data, html, page)
    if title_k is not None:
        _set(ls[title_k], "title", None, None)

    # meta lines: near the head (after the title) or right after the article
    head_from = title_k + 1 if title_k is not None else max(0, first_good - edge)
    max_words = ctx.config.param(META_LINE, "max_words")
    head_to = first_good + 2
    tail_to = last_good + edge
    bylines: list[_Line] = []
    for k, ln in enumerate(ls):
        if ln.label == "title" or (ln.rule is not None and ln.rule not in (LOW_CONTENT.code,)):
            continue
        # meta sits at the article's edges: only lines there are examined, and lines that name
        # the page's category with its label ('Kategorie: Blog, Fair Fashion')
        if not (head_from - 3 <= k < head_to + edge or last_good < k <= tail_to or ln.nwords <= 6):
            if ":" in ln.core[:_LABEL_CHARS] and ln.nwords <= max_words and _meta_kind(ln, data) == ("category", True):
                _set(ln, "meta", "category", META_LINE.code)
            continue
        if ln.nwords > max_words:
            continue
        kind, explicit = _meta_kind(ln, data)
        if kind == "byline":
            bylines.append(ln)
        in_head = head_from <= k < head_to or (explicit and k < first_good and k <= 3)
        near_title = title_k is not None and abs(k - title_k) <= 2
        in_tail = last_good < k <= last_good + edge and kind in ("byline", "source-credit", "date")
        labelled = explicit and (kind in ("byline", "reading-time", "date")
                                 or (kind == "category" and ":" in ln.core[:_LABEL_CHARS]))
        if kind and (in_head or near_title or in_tail or labelled):
            _set(ln, "meta", kind, META_LINE.code)
        elif (not html and title_k is not None and title_k < k < first_good and ln.label is None
              and _DASH_CREDIT.search(ln.core) and ln.nwords >= 4):
            _set(ln, "meta", "headline-credit", META_LINE.code)

    # a standalone outlet name right after the last paragraph credits the source
    if not html and 0 <= last_good < len(ls) - 1:
        nxt = ls[last_good + 1]
        rest_bad = all(x.label != "body" for x in ls[last_good + 2:])
        if (nxt.label is None and rest_bad and 1 <= nxt.nwords <= 5 and not nxt.end_punct
                and not any(ch.isdigit() for ch in nxt.core)
                and all(w[:1].isupper() for w in nxt.words if len(w) > 3)):
            _set(nxt, "meta", "source-credit", META_LINE.code)

    # html comments found by trafilatura
    if comment_range:
        a, b = comment_range
        for ln in ls:
            if a <= ln.i + 1 <= b:
                _set(ln, "comment", "html-comments", None)

    min_words = ctx.config.param(TRAILING_LINKS, "min_words")
    for k, ln in enumerate(ls):
        if ln.label is not None:
            continue
        if k > last_good >= 0 and ln.nwords >= min_words:
            _set(ln, "boilerplate", "related", TRAILING_LINKS.code)
        elif k > last_good >= 0:
            _set(ln, "boilerplate", "footer", LOW_CONTENT.code)
        elif k < first_good:
            _set(ln, "boilerplate", "navigation", LOW_CONTENT.code)
        else:
            _set(ln, "boilerplate", "low-content", LOW_CONTENT.code)
    return bylines


def _find_title(ls: list[_Line], first_good: int, data: dict[str, Any], html: bool, page: Any) -> int | None:
    if html:
        title = page.html_meta.get("title")
        if title and ls and normalise_line(title) == normalise_line(ls[0].core):
            return 0
        return None
    best, best_score = None, 0.0
    lo = max(0, first_good - 25)
    # heading-like lines the context kept as body may be the headline: look up to the first paragraph
    end = first_good
    while end < len(ls) and end - first_good < 6 and ls[end].heading and ls[end].label in (None, "body"):
        end += 1
    runners_up: list[tuple[float, int]] = []
    for k in range(lo, min(end, len(ls))):
        ln = ls[k]
        if ln.label is not None and ln.label != "body":
            continue
        if not (2 <= ln.nwords <= 30) or ln.nchars > 250 or ln.core.endswith(":") or ln.bullet:
            continue
        if _meta_kind(ln, data)[0]:
            continue
        if ln.core[:1] in _QUANTITY_START and _QUANTITY.match(ln.core) and any(
                _QUANTITY.match(x.core) for x in ls[max(0, k - 1):k + 2] if x is not ln):
            continue  # an ingredient in its list ('1 TL Backpulver'), not a headline
        score = 1.0 + min(ln.nwords, 12) / 12
        if ln.heading or not ln.end_punct:
            score += 1.0
        # a headline is followed (soon) by meta lines or by the body
        for nxt in ls[k + 1:k + 4]:
            if _meta_kind(nxt, data)[0]:
                score += 1.5
                break
        if _DASH_CREDIT.search(ln.core):
            score -= 1.0
        score += 0.5 * (k - lo) / max(1, first_good - lo)  # nearer the body is likelier
        if score > best_score:
            if best is not None:
                runners_up.append((best_score, best))
            best, best_score = k, score
        else:
            runners_up.append((score, k))
    # a picture's caption or credit ('... Bild: AFP/SID', '... /domena publiczna') is not the
    # headline: the next best line is (only the winners are searched for those phrases)
    bp_re = data["boilerplate"]
    runners_up.sort(key=lambda x: (-x[0], x[1]))
    order = [best] + [k for _, k in runners_up] if best is not None else []
    for k in order[:3]:
        ln = ls[k]
        if bp_re.kind("", ln.core, 0, ln.nchars, words=ln.lwords, prefixes=False) not in _CAPTION_KINDS:
            return k
    return None


# phrase-list kinds that mark a picture's caption or credit
_CAPTION_KINDS = frozenset({"photo-credit", "caption"})


# ------------------------------------------------------------------ scraping damage


def _damage_features(f: _Features) -> tuple[int, tuple[str, ...], tuple[str, ...], str | None]:
    """(camel joins, capitalised mid-sentence words, lower-case mid-sentence words, lower-case
    sentence start) of a content line, cached with the line's other features."""
    if f.damage is None:
        core = f.core
        joins = len(_CAMEL_JOIN.findall(core)) if f.nchars <= 200 else 0
        pairs = _MID_WORD.findall(core)
        caps = tuple(w.lower() for w, _ in pairs if w)
        lows = tuple(w for _, w in pairs if w)
        m = _LOWER_SENTENCE.search(core)
        f.damage = (joins, caps, lows, m.group(1) if m and m.group(1) not in _NOT_SENTENCE_STARTS else None)
    return f.damage


def _damage(ctx: Context, ls: list[_Line], stop: frozenset[str], english: bool) -> dict[str, int]:
    page = ctx.page
    min_joins = ctx.config.param(TABLE_DAMAGE, "min_joins")
    min_words = ctx.config.param(CASE_DAMAGE, "min_words")
    min_caps = ctx.config.param(CASE_DAMAGE, "min_capitalised")
    content = [ln for ln in ls if ln.label in ("body", "title")]
    feats = [_damage_features(ln.f) for ln in content]
    joins = [d[0] for d in feats]
    table: list[_Line] = []
    for k, ln in enumerate(content):
        j = joins[k]
        if j >= min_joins:
            table.append(ln)
        elif j == 1:
            prev_j = joins[k - 1] if k else 0
            next_j = joins[k + 1] if k + 1 < len(content) else 0
            if prev_j or next_j:
                table.append(ln)
    for first, last in _runs(table):
        ctx.emit(TABLE_DAMAGE.finding(page, page.lines[first.i], page.lines[last.i],
                                      lines=last.i - first.i + 1, text=first.core))
    # capitalisation is only judged on English pages: German capitalises nouns, and other
    # languages differ on sentence and name case
    case_hits = 0
    if english:
        # proper nouns: capitalised mid-sentence in prose elsewhere, lower-case here
        caps: Counter[str] = Counter(chain.from_iterable(
            [d[1] for ln, d in zip(content, feats) if ln.end_punct and ln.nwords >= 8]))
        lower: Counter[str] = Counter(chain.from_iterable([d[2] for d in feats]))
        # a name is written capitalised nearly always: a word often lower-case is a common noun
        names = {w: n for w, n in caps.items() if lower.get(w, 0) * 4 <= n}
        run_first = run_last = None
        run_word = ""
        prev_end = "."
        for ln, d in zip(content, feats):
            word = _case_damage(ln, d, names, stop, min_words, min_caps, prev_end in ".!?")
            prev_end = ln.core[-1:] if not ln.heading else "."  # a heading ends its sentence
            if word and run_last is not None and ln.i - run_last.i <= 2:
                run_last = ln
                continue
            if run_first is not None and run_last is not None:
                ctx.emit(CASE_DAMAGE.finding(page, page.lines[run_first.i], page.lines[run_last.i], word=run_word))
                run_first = run_last = None
            if word:
                run_first = run_last = ln
                run_word = word
                case_hits += 1
        if run_first is not None and run_last is not None:
            ctx.emit(CASE_DAMAGE.finding(page, page.lines[run_first.i], page.lines[run_last.i], word=run_word))
    return {"table_lines": len(table), "case_lines": case_hits}


def _case_damage(ln: _Line, d: tuple, caps: dict[str, int], stop: frozenset[str], min_words: int,
                 min_caps: int, after_sentence: bool) -> str | None:
    """The lower-cased sentence start or proper noun of a line, if any. A line that starts in
    lower case after a line with no end punctuation continues that sentence."""
    if (after_sentence and ln.nwords >= min_words and not ln.bullet and ln.core[:1].islower()
            and ln.end_punct):
        return ln.words[0]
    # a title-cased heading whose first word lost its capital
    if ln.heading and not ln.bullet and ln.nwords >= 4 and ln.core[:1].islower():
        rest = ln.words[1:]
        if sum(1 for w in rest if w[:1].isupper()) * 2 >= len(rest):
            return ln.words[0]
    if d[3]:
        return d[3]
    for w in d[2]:
        if w not in stop and caps.get(w, 0) >= min_caps:
            return w
    return None


def _runs(lines: list[_Line]) -> list[tuple[_Line, _Line]]:
    out: list[tuple[_Line, _Line]] = []
    for ln in lines:
        if out and ln.i - out[-1][1].i <= 2:
            out[-1] = (out[-1][0], ln)
        else:
            out.append((ln, ln))
    return out


def _emit_runs(ctx: Context, ls: list[_Line]) -> None:
    """One finding per run of boilerplate (or meta) lines: a menu of navigation, share and
    search lines is one finding, under the rule that decided most of its lines and named
    after their commonest kind."""
    page = ctx.page
    rules = {r.code: r for r in (BOILERPLATE_PHRASE, LOW_CONTENT, REPEATED_HEADING, TABLE_OF_CONTENTS,
                                 TEMPLATE_LINE, TRAILING_LINKS, META_LINE)}
    run: list[_Line] = []
    for ln in ls + [None]:  # type: ignore[list-item]
        if ln is not None and run and ln.label == run[0].label and ln.rule in rules:
            run.append(ln)
            continue
        if run:
            first = run[0]
            code = first.rule
            if len(run) > 1:
                # in order of first occurrence, so ties go to the earlier rule / kind
                codes = Counter(x.rule for x in run)
                code = max(codes, key=codes.__getitem__)
                kinds = Counter(x.kind for x in run if x.rule == code)
                kind = max(kinds, key=kinds.__getitem__)
                first = next(x for x in run if x.rule == code and x.kind == kind)
            ctx.emit(rules[code].finding(page, page.lines[run[0].i], page.lines[run[-1].i],
                                         lines=len(run), kind=first.kind, text=first.core))
        run = [ln] if ln is not None and ln.label in ("boilerplate", "meta") and ln.rule in rules else []


def date_pattern() -> re.Pattern[str]:
    """The date regex of this family (month names in several languages, numeric dates)."""
    return _data()["date"]
