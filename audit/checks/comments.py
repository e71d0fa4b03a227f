"""Reader-comment section: where it starts and which lines belong to it.

Plain text shows a comment section by its furniture: a header ("12 Comments", "4 Gedanken zu
..."), author lines ("Fiona says:"), timestamps ("April 2, 2020 at 8:24 am", "3 days ago") and
reply buttons, repeating every few lines after the article. A section starts at its header
(or at the first author/timestamp line) and runs to the last comment's text; comment-form
prompts ("Leave a Reply", "You must log in to post a comment") are not comments and stay
boilerplate. Without any furniture, a tail of short first/second-person posts after a
third-person article is taken for comments too (scrapers often keep only the comment texts).

HTML pages: trafilatura already separates the comments (`page.html_comment_lines`); the
noise check labels them, this check reports the section.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..context import Context
from ..rules import define
from . import noise

REPORT_KEY = "comments"
DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "comments"

COMMENT_SECTION = define(
    "C101", "comment-section", "info",
    "reader comments from line {start_line} ({lines} lines)",
    "A reader-comment section: header, author and timestamp lines, reply buttons and the comment texts.",
    why="Comments are other people's text: they must not be mixed into the document's body.",
    example="3 Comments / Fiona says: / April 2, 2020 at 8:24 am / Thank you for this recipe!",
    min_signals=2,  # author/timestamp lines needed to accept a section without a header
    max_signal_gap=30,  # non-blank lines between two signals of the same section
    header_reach=8,  # non-blank lines a header may stand before the first signal
    min_body_share=0.25,  # the article before the section must hold this share of the body text
    min_body_chars=500,  # ... or this many characters
    tail_reach=25,  # non-blank lines of comment text after the last signal
)
UNMARKED_COMMENTS = define(
    "C102", "unmarked-comments", "warning",
    "{lines} lines after the article read like reader comments (no comment header)",
    "A tail of short first/second-person posts after a third-person article, with no comment "
    "header: reader comments the scraper kept without their furniture.",
    why="Unmarked comments pass for article text unless they are recognised by their voice.",
    min_lines=5,  # posts needed in the tail
    min_article_lines=3,
    max_article_personal=0.15,  # share of article lines speaking in the first/second person
    min_tail_personal=0.4,  # share of tail lines doing so
    max_tail_words=45,  # mean words of a tail line: comments are short
    min_article_words=30,  # mean words of an article line: reports have long paragraphs
    min_first_person=2,  # tail lines saying I / my / me (not only "you", which tutorials use)
)

_BULLET = re.compile(r"^\s*(?:[•*+\-–·▪]|o(?=\s)|\d{1,3}[.)](?=\s))\s*")
_RELATIVE_TIME = re.compile(
    r"\b\d+\s*(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|minuten?|stunden?|tagen?|tage|wochen?|monaten?|monate|jahren?|jahre|jours|heures|semaines|mois|ans)\s*(?:ago|her)\b"
    r"|\bvor\s+\d+\s+(?:minuten|stunden|tagen|wochen|monaten|jahren)\b|\bil y a\s+\d+\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}\b(?:\s*(?:[ap]\.?m\.?|uhr|h)\b)?|\b\d{1,2}\s*[ap]\.?m\.?\b", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"„«‘][^”\"“»’]*[”\"“»’]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_FIRST_PERSON = frozenset({"i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "me", "my", "mine", "myself",
                           "ich", "mich", "mir", "mein", "meine", "je", "j'ai", "j’ai", "moi", "mon", "ma", "mes"})
_DIGIT = re.compile(r"\d")
_LEAD = re.compile(r"^[^\w]+")
_URL = re.compile(r"^\s*https?://\S+\s*$")


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    folder = DATA_DIR
    sections: dict[str, list[str]] = {}
    current = None
    for raw in folder.joinpath("patterns.txt").read_text(encoding="utf-8").split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    personal = folder.joinpath("personal.txt").read_text(encoding="utf-8").split("\n")
    return {
        kind: re.compile(r"^(?:(?:" + ")|(?:".join(pats) + r"))$", re.IGNORECASE)
        for kind, pats in sections.items()
    } | {"personal": frozenset(w.strip() for w in personal if w.strip() and not w.startswith("#"))}


def _signal(text: str, data: dict[str, Any], date_re: re.Pattern[str]) -> str | None:
    """header / author / time / reply, or None."""
    core = _BULLET.sub("", text).strip()
    if not core or len(core) > 160:
        return None
    words = core.count(" ") + 1
    if words > 25:
        return None
    if data["header"].match(_LEAD.sub("", core)):
        return "header"
    if data["reply"].match(core):
        return "reply"
    if words <= 12 and _DIGIT.search(core):
        if _RELATIVE_TIME.search(core):
            return "time"
        if date_re.search(core):
            # a date with a clock time stamps a post; a bare date only counts under a header
            return "time" if _CLOCK.search(core) else ("date" if words <= 8 else None)
    if words <= 10 and data["author"].match(core):
        return "author"
    return None


def run(ctx: Context) -> dict[str, Any]:
    page = ctx.page
    html = page.kind == "html"
    if html and page.html_comment_lines:
        return _html_section(ctx)
    params = {name: ctx.config.param(COMMENT_SECTION, name) for name in COMMENT_SECTION.params}
    data = _data()
    date_re = noise.date_pattern()
    idx = [ln.number - 1 for ln in page.lines if not ln.blank]
    if not idx:
        return {"start_line": None, "lines": 0, "signals": 0}
    labels = ctx.labels
    signals = [_signal(page.lines[i].text, data, date_re) for i in idx]
    body_chars = [len(page.lines[i].text.strip()) if labels[i].label == "body" else 0 for i in idx]
    total_body = sum(body_chars) or 1

    section = _find_section(idx, signals, body_chars, total_body, params)
    if section is None:
        # trafilatura's text is an article: comments without their furniture are not guessed there
        return {"start_line": None, "lines": 0, "signals": 0} if html else _unmarked(ctx, idx)
    start, end, n_signals = section
    # the last comment's text runs on after its last signal, until boilerplate starts
    k = end + 1
    reach = 0
    while k < len(idx) and reach < params["tail_reach"]:
        lab = labels[idx[k]]
        # short last comments look like leftovers to the noise check: take them while close
        leftover = lab.label == "boilerplate" and lab.rule != noise.BOILERPLATE_PHRASE.code and reach < 4
        if (lab.label != "body" and not leftover) or signals[k] == "header":
            break
        end, k, reach = k, k + 1, reach + 1
    count = 0
    for k in range(start, end + 1):
        i = idx[k]
        lab = labels[i]
        if lab.kind == "comment-form" and signals[k] != "reply":
            continue  # "Leave a Reply" and the form's fields are not comments
        lab.label, lab.kind, lab.rule = "comment", "comment", COMMENT_SECTION.code
        count += 1
    _fill_blanks(ctx)
    first, last = page.lines[idx[start]], page.lines[idx[end]]
    ctx.emit(COMMENT_SECTION.finding(page, first, last, start_line=first.number, lines=count))
    return {"start_line": first.number, "end_line": last.number, "lines": count, "signals": n_signals,
            "header": signals[start] == "header"}


def _find_section(idx: list[int], signals: list[str | None], body_chars: list[int], total_body: int,
                  params: dict[str, Any]) -> tuple[int, int, int] | None:
    """(first, last, signals) as positions in `idx`, or None."""
    strong = [k for k, s in enumerate(signals) if s in ("author", "time")]
    headers = [k for k, s in enumerate(signals) if s == "header"]
    # under a header, bare dates stamp the posts too ("Unbekannter Nutzer / 21. Jan 2022")
    for h in headers:
        stamps = [k for k in range(h + 1, min(len(signals), h + 1 + params["max_signal_gap"]))
                  if signals[k] == "date"]
        if len(stamps) >= params["min_signals"]:
            strong.extend(k for k in range(h + 1, len(signals)) if signals[k] == "date")
    strong = sorted(set(strong))
    before = 0
    prefix: list[int] = []
    for c in body_chars:
        prefix.append(before)
        before += c
    min_before = params["min_body_share"] * total_body
    for pos, k in enumerate(strong):
        if prefix[k] < min_before and prefix[k] < params["min_body_chars"]:
            continue  # the article's own byline and date
        chain = [k]
        for nxt in strong[pos + 1:]:
            if nxt - chain[-1] > params["max_signal_gap"]:
                break
            chain.append(nxt)
        header = None
        for h in range(k - 1, max(-1, k - 1 - params["header_reach"]), -1):
            if signals[h] == "header":
                header = h
                break
        kinds = [signals[j] for j in chain]
        authors = kinds.count("author")
        # timestamps alone also date news teasers: they need an author line, a header or replies
        replies_in = sum(1 for j in range(chain[0], chain[-1] + 2) if j < len(signals) and signals[j] == "reply")
        if header is None and authors < params["min_signals"] and not (
                len(chain) >= params["min_signals"] and (authors or replies_in)):
            continue
        if header is not None and not (authors or replies_in or kinds.count("time") or len(chain) >= params["min_signals"]):
            continue
        start = header if header is not None else k
        if header is None and k > 0 and signals[k] == "time" and signals[k - 1] is None:
            start = k - 1  # the author's name stands on the line before the timestamp
        replies = [j for j in range(chain[-1] + 1, min(len(signals), chain[-1] + 3)) if signals[j] == "reply"]
        end = replies[-1] if replies else chain[-1]
        return start, end, len(chain)
    return None


def _unmarked(ctx: Context, idx: list[int]) -> dict[str, Any]:
    """A tail of first/second-person short posts after a third-person article."""
    p = {name: ctx.config.param(UNMARKED_COMMENTS, name) for name in UNMARKED_COMMENTS.params}
    page, labels = ctx.page, ctx.labels
    personal = _data()["personal"]
    body = [i for i in idx if labels[i].label == "body"]
    if len(body) < p["min_article_lines"] + p["min_lines"]:
        return {"start_line": None, "lines": 0, "signals": 0}
    # the tail must run to the end of the page's text, with nothing but body lines in it:
    # it starts after the last other line of some length before the last body line
    last_body = body[-1]
    floor = -1
    for j in range(last_body, body[0] - 1, -1):
        line = page.lines[j]
        if (labels[j].label != "body" and not line.blank and not _URL.match(line.text)
                and len(line.text.split()) > 3):
            floor = j
            break
    if sum(1 for i in body if i > floor) < p["min_lines"]:
        return {"start_line": None, "lines": 0, "signals": 0}
    # the article's opening reports at length
    opening = body[: p["min_article_lines"]]
    if sum(len(page.lines[i].text.split()) for i in opening) < p["min_article_words"] * len(opening):
        return {"start_line": None, "lines": 0, "signals": 0}
    voice, first_person = [], []
    for i in body:
        text = _QUOTED.sub(" ", page.lines[i].text)
        words = [w.lower() for w in _WORD.findall(text)]
        voice.append(any(w in personal for w in words))
        first_person.append(any(w in _FIRST_PERSON for w in words))
    n = len(body)
    best = None
    # the split: article lines speak of others, the tail speaks as I/you
    for s in range(p["min_article_lines"], n - p["min_lines"] + 1):
        head, tail = voice[:s], voice[s:]
        if sum(head) / len(head) > p["max_article_personal"]:
            break
        if not tail[0]:
            continue
        share = sum(tail) / len(tail)
        mean_words = sum(len(page.lines[i].text.split()) for i in body[s:]) / len(tail)
        head_words = sum(len(page.lines[i].text.split()) for i in body[:s]) / s
        bullets = any(_BULLET.match(page.lines[i].text) for i in body[s:])
        interleaved = any(labels[j].label != "body" and not page.lines[j].blank
                          and not _URL.match(page.lines[j].text) and len(page.lines[j].text.split()) > 3
                          for j in range(body[s], last_body + 1))
        if (share >= p["min_tail_personal"] and mean_words <= p["max_tail_words"]
                and head_words >= p["min_article_words"] and not bullets and not interleaved
                and sum(first_person[s:]) >= p["min_first_person"]):
            best = s
            break
    if best is None:
        return {"start_line": None, "lines": 0, "signals": 0}
    # the posts start right after the article's last paragraph, whatever their voice
    start = best
    while start > p["min_article_lines"] and not _article_like(page.lines[body[start - 1]].text):
        start -= 1
    count = 0
    for i in range(body[start], last_body + 1):
        if not page.lines[i].blank:
            labels[i].label, labels[i].kind, labels[i].rule = "comment", "comment", UNMARKED_COMMENTS.code
            count += 1
    _fill_blanks(ctx)
    first, last = page.lines[body[start]], page.lines[last_body]
    ctx.emit(UNMARKED_COMMENTS.finding(page, first, last, lines=count))
    return {"start_line": first.number, "end_line": last.number, "lines": count, "signals": 0, "header": False}


def _article_like(text: str) -> bool:
    """A long third-person paragraph (the article's last) rather than a short post."""
    return len(text.split()) >= 40 and not _URL.match(text)


def _html_section(ctx: Context) -> dict[str, Any]:
    page = ctx.page
    rng = page.html_comment_lines
    if not rng:
        return {"start_line": None, "lines": 0, "signals": 0}
    a, b = rng
    count = 0
    for ln in page.lines[a - 1:b]:
        lab = ctx.labels[ln.number - 1]
        lab.label, lab.kind, lab.rule = "comment", "comment", COMMENT_SECTION.code
        count += not ln.blank
    ctx.emit(COMMENT_SECTION.finding(page, page.lines[a - 1], page.lines[b - 1], start_line=a, lines=count))
    return {"start_line": a, "end_line": b, "lines": count, "signals": 0, "header": False}


def _fill_blanks(ctx: Context) -> None:
    """Blank lines inside a comment run belong to it."""
    lines, labels = ctx.page.lines, ctx.labels
    for k, ln in enumerate(lines):
        if ln.blank and 0 < k < len(lines) - 1:
            before, after = labels[k - 1], labels[k + 1]
            if before.label == "comment" and after.label == "comment":
                labels[k].label, labels[k].kind, labels[k].rule = "comment", "comment", before.rule
