"""Reader-comment section: where it starts and which lines belong to it.

Plain text shows a comment section by its furniture: a header ("12 Comments", "4 Gedanken zu
..."), author lines ("Fiona says:", "Armanox June 28, 2015 at 10:25 pm", a handle above a
timestamp), timestamps ("April 2, 2020 at 8:24 am", "1 Monat her", "Ruby21:00"), rating
summaries under a reviews header, and reply buttons, repeating every few lines after the
article. A section starts at its header (or at the first author/timestamp line) and runs to
the last comment's text; comment-form prompts ("Leave a Reply", "You must log in to post a
comment") are not comments and stay boilerplate. Without any furniture, a tail of short
first/second-person posts after a third-person article is taken for comments too (scrapers
often keep only the comment texts).

Forum threads and Q&A pages are not articles with comments: their posts are the content.
A page is taken for a thread when it shows forum furniture ("13 answers", "Joined: 2019",
"Discussion starter") or when its opening text is itself a post stamped like the replies.

HTML pages: trafilatura separates the comments (`page.html_comment_lines`); they are labelled
as such, and the main text above them is still searched for comments trafilatura left there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Any

from ..context import Context
from ..datafiles import data_path
from ..model import Line, LineLabel
from ..rules import define
from ..textcache import TextCache
from . import noise

REPORT_KEY = "comments"

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
    max_headers=2,  # comment-count headers one section may hold
    thread_cues=2,  # distinct forum/Q&A cues that make the posts the page's content
    first_post_ratio=4.0,  # a forum's opening post is at most this many times a reply's length
    post_reach=12,  # non-blank lines after a thread's last post stamp that may still be its text
    post_words=8,  # a line of a post this long is text even without end punctuation
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
    max_tail_questions=0.3,  # share of tail lines that are questions: more is an interview's Q and A ...
    min_tail_questions=3,  # ... once there are at least this many
)

# a list bullet; a numbered bullet only before words ("14. 01. 2020" is a date, not item 14)
_BULLET = re.compile(r"^\s*(?:[•*+\-–·▪]|o(?=\s)|\d{1,3}[.)](?=\s+[^\d\s]))\s*")
# a clock time, not the day.month of a numeric date ("21.10.2019")
_CLOCK = re.compile(
    r"(?<![\d.:/,])\d{1,2}:\d{2}(?::\d{2})?(?![\d/])(?:\s*[ap]\.?m\.?\b|\s*uhr\b)?"
    r"|(?<![\d.:/])\d{1,2}[.h]\d{2}\s*(?:uhr|h)\b|\b\d{1,2}h\d{2}\b|\b\d{1,2}\s*[ap]\.?m\.?(?!\w)",
    re.IGNORECASE)
# words glued to a timestamp by the scraper ("ALLIE NYCMay 31, 2019", "Ruby21:00")
_GLUE = re.compile(r"(?<=[a-zäöüéß])(?=[A-ZÄÖÜ][a-zäöü])|(?<=[A-Z]{2})(?=[A-Z][a-z]{2})|(?<=[^\W\d_])(?=\d{1,2}:\d{2})")
_TOKEN = re.compile(r"[^\W\d_]+")
# where _GLUE would split, each form started at its capital or digit instead of with a
# lookbehind, so that `re` only tries those characters: a cheap test that _GLUE has nothing to do
_GLUE_AT = re.compile(r"[A-ZÄÖÜ](?<=[a-zäöüéß][A-ZÄÖÜ])[a-zäöü]|[A-Z](?<=[A-Z]{3})[a-z]{2}|\d(?<=[^\W\d_]\d)\d?:\d{2}")
_POST_NUMBER = re.compile(r"#?\d+\s*[·|•]")
_LETTER = re.compile(r"[^\W\d_]")
_COUNT = re.compile(r"^\W*\d")
_ZERO_COUNT = re.compile(r"^(?:0|no|keine|aucun)\s", re.IGNORECASE)
_SYMBOL_BULLET = re.compile(r"^\s*(?:[•*+\-–·▪]|o(?=\s))\s*")
_SHAPE_DIGITS = re.compile(r"\d+")
_SHAPE_WORDS = re.compile(r"[^\W\d_]+")
_QUOTED = re.compile(r"[“\"„«‘][^”\"“»’]*[”\"“»’]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_FIRST_PERSON = frozenset({"i", "i'm", "i’m", "i've", "i’ve", "i'd", "i’d", "me", "my", "mine", "myself",
                           "ich", "mich", "mir", "mein", "meine", "je", "j'ai", "j’ai", "moi", "mon", "ma", "mes"})
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d+")
_LEAD = re.compile(r"^[^\w]+")
_URL = re.compile(r"^\s*https?://\S+\s*$")
_SENTENCE_END = re.compile(r"[.!?:;,]\s*$")
# noise rules that drop lines for being short or after the text (not for a boilerplate phrase)
_LEFTOVER_RULES = frozenset({noise.LOW_CONTENT.code, noise.TRAILING_LINKS.code})
# whole-line kinds, searched kinds, and the one split into named alternatives (thread cues)
_WHOLE = ("header", "author", "reply", "stamp-label", "event-label", "rating", "byline")
_SEARCH = ("relative", "stamp-reply")


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    folder = data_path("comments")
    sections: dict[str, list[str]] = {}
    current = None
    for raw in folder.joinpath("patterns.txt").read_text(encoding="utf-8").split("\n"):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]") and re.fullmatch(r"\[[a-z-]+\]", line):
            current = line[1:-1]
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    personal = folder.joinpath("personal.txt").read_text(encoding="utf-8").split("\n")
    out: dict[str, Any] = {
        kind: re.compile(r"^(?:(?:" + ")|(?:".join(sections[kind]) + r"))$") for kind in _WHOLE
    }
    out.update({kind: re.compile("|".join(f"(?:{p})" for p in sections[kind])) for kind in _SEARCH})
    # one named group per thread cue, so that a page's distinct cues can be counted
    out["thread"] = re.compile(
        r"^(?:" + "|".join(f"(?P<t{n}>{p})" for n, p in enumerate(sections["thread"])) + r")\W*$")
    out["thread-words"] = frozenset(w for line in sections["thread-words"] for w in line.split())
    out["personal"] = frozenset(w.strip() for w in personal if w.strip() and not w.startswith("#"))
    return out


def relative_time_pattern() -> re.Pattern[str]:
    """A relative timestamp ("3 days ago", "vor 2 Stunden", "hace 2 días") in lower-cased text:
    this family's [relative] patterns, which the byline search also reads a date line by."""
    return _data()["relative"]


def _stamp_at(core: str, words: int, data: dict[str, Any], date_re: re.Pattern[str]) -> tuple[str, int] | None:
    """("time"|"date", where the stamp starts) for a line that carries a post's timestamp."""
    if words <= 8:
        m = data["relative"].search(core)  # in a longer line "vor 5 Wochen" is part of a sentence
        if m:
            return "time", m.start()
    d = date_re.search(core)
    if d is None and words > 4:
        return None  # an hour alone stamps only a short line (below)
    c = _clock(core)
    if d:
        return ("time" if c else "date"), min(d.start(), c.start()) if c else d.start()
    if c:
        return "time", c.start()  # "Ruby 21:00": a handle and the hour, the day left out
    return None


def _clock(text: str) -> re.Match[str] | None:
    """_CLOCK.search(text), tried only where a run of digits starts: each of its forms starts
    with a number that has no digit before it."""
    for run in _DIGITS.finditer(text):
        m = _CLOCK.match(text, run.start())
        if m is not None:
            return m
    return None


def _signal(text: str, data: dict[str, Any], date_re: re.Pattern[str]) -> str | None:
    """header / author / time / date / reply / rating / thread, or None."""
    if len(text) > 200:
        return None  # a paragraph
    bullet = _BULLET.match(text)
    core = (text[bullet.end():] if bullet else text).strip().lower()
    if not core or len(core) > 160:
        return None
    words = core.count(" ") + 1
    if words > 25:
        return None
    bare = core if _starts_with_word(core) else _LEAD.sub("", core)
    if data["header"].match(bare):
        # "0 comments" heads nothing: a teaser's comment count; a list item ("• Customer
        # Reviews") is a menu entry, not the heading of a section
        return None if _ZERO_COUNT.match(bare) or bullet else "header"
    if data["reply"].match(core):
        return "reply"
    if words <= 16 and (_POST_NUMBER.match(bare) or not data["thread-words"].isdisjoint(_TOKEN.findall(bare))) \
            and data["thread"].match(bare):
        return "thread"
    if words <= 14 and _DIGIT.search(core):
        # stamps keep a leading number ("18. September um 08:37" is no list item)
        symbol = _SYMBOL_BULLET.match(text)
        glued = _unglue((text[symbol.end():] if symbol else text).strip()).lower()
        stamp = _stamp_at(glued, words, data, date_re)
        if stamp is not None:
            kind, at = stamp
            if kind == "time" or words <= 8:
                prefix = glued[:at].strip(" ,|-–•·#*")
                if prefix.endswith(":") and data["event-label"].match(prefix):
                    return None  # 'Termin: 28.02.2020, 18:30 Uhr': when an event takes place
                if data["stamp-reply"].search(glued):
                    return "author"  # reply/quote controls on the stamp line: a post's header
                if kind == "time" and prefix and _is_handle(prefix, data):
                    return "author"  # "Armanox June 28, 2015 at 10:25 pm": a name before the stamp
                return kind
    if words <= 16 and data["author"].match(core):
        return "author"
    if words <= 12 and data["rating"].match(bare):
        return "rating"
    return None


def _starts_with_word(text: str) -> bool:
    """Whether _LEAD finds nothing to strip: the first character is a word character (\\w)."""
    return text[:1].isalnum() or text[:1] == "_"


def _unglue(text: str) -> str:
    """_GLUE.sub(" ", text); most lines hold no glued words, which _GLUE_AT finds out cheaply."""
    if _GLUE_AT.search(text) is None:
        return text
    return _GLUE.sub(" ", text)


@lru_cache(maxsize=8192)
def _cached_signal(text: str) -> str | None:
    """`_signal` with this family's data: widget lines ("Reply", "Antworten") repeat on every page."""
    return _signal(text, _data(), noise.date_pattern())


def _is_handle(text: str, data: dict[str, Any]) -> bool:
    """A commenter's name or handle: a word or four, no list of names, no byline or date label."""
    return (len(text.split()) <= 4 and "," not in text and not _DIGIT.search(text[:1])
            and not data["stamp-label"].match(text) and not data["byline"].match(text))


def _shape(text: str, data: dict[str, Any], date_re: re.Pattern[str]) -> str:
    """The stamp's layout with names, words and numbers blurred: posts of one widget share it."""
    core = _unglue(_BULLET.sub("", text).strip()).lower()
    stamp = _stamp_at(core, len(core.split()), data, date_re)
    tail = core[stamp[1]:] if stamp else core
    return _SHAPE_WORDS.sub("a", _SHAPE_DIGITS.sub("0", tail)).lower()


def _name_like(text: str, data: dict[str, Any]) -> bool:
    """A commenter's handle on its own line: a word or three, no sentence, no byline."""
    core = _BULLET.sub("", text).strip().lower()
    return (0 < len(core) <= 32 and len(core.split()) <= 3 and not _SENTENCE_END.search(core)
            and not data["byline"].match(core) and not data["stamp-label"].match(core))


# built in a pool's parent before it forks (checks.preload)
PRELOAD = (_data,)


def run(ctx: Context) -> dict[str, Any]:
    page = ctx.page
    html = page.kind == "html"
    none: dict[str, Any] = {"start_line": None, "lines": 0, "signals": 0}
    if html and page.html_comment_lines:
        # trafilatura's own comment block; comments it left in the main text are still looked for
        none = _html_section(ctx)
    params = {name: ctx.config.param(COMMENT_SECTION, name) for name in COMMENT_SECTION.params}
    data = _data()
    date_re = noise.date_pattern()
    limit = page.html_comment_lines[0] if html and page.html_comment_lines else len(page.lines) + 1
    idx = [ln.number - 1 for ln in page.lines if not ln.blank and ln.number < limit]
    if not idx:
        return none
    labels = ctx.labels
    texts = [page.lines[i].text for i in idx]
    signals = [_cached_signal(t) for t in texts]
    for k in range(1, len(signals)):
        # a handle on the line above a timestamp ("Montana / 18.10.2019, 16:18") signs a post
        if signals[k] == "time" and signals[k - 1] is None and _name_like(texts[k - 1], data):
            signals[k] = "author"
    body_chars = [len(page.lines[i].text.strip()) if labels[i].label == "body" else 0 for i in idx]
    total_body = sum(body_chars) or 1

    thread = _thread_cues(texts, signals, data)
    section = None
    if thread < params["thread_cues"]:
        first_content = next((k for k, i in enumerate(idx) if labels[i].label in ("title", "body")), len(idx))
        section = _find_section(idx, texts, signals, body_chars, total_body, params, first_content)
        if section is not None and _first_post(texts, signals, section, body_chars, total_body, params,
                                               data, date_re):
            section, thread = None, params["thread_cues"]
    if thread >= params["thread_cues"]:
        # a forum thread or Q&A page: its posts are the page's content, not reader comments
        kept = 0 if html else _keep_posts(ctx, idx, texts, signals, params)
        return none | {"thread": True, "posts_kept": kept}
    if section is None:
        # trafilatura's text is an article: comments without their furniture are not guessed there
        return none if html else _unmarked(ctx, idx)
    start, end, n_signals = section
    # the last comment's text runs on after its last signal, until boilerplate starts
    k = end + 1
    reach = 0
    while k < len(idx) and reach < params["tail_reach"]:
        lab = labels[idx[k]]
        if not _LETTER.search(page.lines[idx[k]].text):
            k += 1  # widget debris between posts ("98%", "(39)", "2"): neither ends nor extends it
            continue
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
    return {"start_line": first.number, "end_line": none.get("end_line") or last.number,
            "lines": count + none["lines"], "signals": n_signals, "header": signals[start] == "header"}


def _find_section(idx: list[int], texts: list[str], signals: list[str | None], body_chars: list[int],
                  total_body: int, params: dict[str, Any], first_content: int = 0) -> tuple[int, int, int] | None:
    """(first, last, signals) as positions in `idx`, or None."""
    strong = [k for k, s in enumerate(signals) if s in ("author", "time")]
    headers = [k for k, s in enumerate(signals) if s == "header"]
    # a reviews header over a rating summary ("Customer Reviews / Based on 40 reviews")
    strong.extend(k for k in range(1, len(signals)) if signals[k] == "rating"
                  and any(signals[h] == "header" for h in range(max(0, k - params["header_reach"]), k)))
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
    data = _data()
    for pos, k in enumerate(strong):
        header = None
        for h in range(k - 1, max(-1, k - 1 - params["header_reach"]), -1):
            if signals[h] == "header":
                header = h
                break
        chain = [k]
        for nxt in strong[pos + 1:]:
            if nxt - chain[-1] > params["max_signal_gap"]:
                break
            chain.append(nxt)
        kinds = [signals[j] for j in chain]
        authors = kinds.count("author")
        # a comment header after the page's title or text, or over signed posts, vouches for them
        vouched = header is not None and (prefix[k] or first_content < header or signals[k] == "rating"
                                          or (header > 0 and authors >= params["min_signals"]))
        if prefix[k] < min_before and prefix[k] < params["min_body_chars"] and not vouched:
            continue  # the article's own byline and date
        # timestamps alone also date news teasers: they need an author line, a header or replies
        replies_in = sum(1 for j in range(chain[0], chain[-1] + 2) if j < len(signals) and signals[j] == "reply")
        if header is None and authors < params["min_signals"] and not (
                len(chain) >= params["min_signals"] and replies_in):
            continue
        if header is not None and not (authors or replies_in or kinds.count("time") or kinds.count("rating")
                                       or len(chain) >= params["min_signals"]):
            continue
        first = max(0, (header if header is not None else k) - params["max_signal_gap"])
        if sum(1 for j in range(first, chain[-1] + 1)
               if signals[j] == "header" and _COUNT.match(texts[j])) > params["max_headers"]:
            continue  # comment counts under each teaser of a listing ("14 comments"), not a section
        start = header if header is not None else k
        if header is None and k > 0 and signals[k] in ("time", "author") and signals[k - 1] is None \
                and _name_like(texts[k - 1], data):
            start = k - 1  # the author's name stands on the line before the timestamp
        replies = [j for j in range(chain[-1] + 1, min(len(signals), chain[-1] + 3)) if signals[j] == "reply"]
        end = replies[-1] if replies else chain[-1]
        return start, end, len(chain)
    return None


def _keep_posts(ctx: Context, idx: list[int], texts: list[str], signals: list[str | None],
                params: dict[str, Any]) -> int:
    """On a thread page the posts are the content: sentence-like lines between the first and
    the last post stamp that the noise check left out for being short (it reads pages as
    articles) are taken back as body. Phrase-matched boilerplate and post furniture stay out."""
    stamps = [k for k, s in enumerate(signals) if s in ("author", "time")]
    if len(stamps) < params["min_signals"]:
        return 0
    last = min(len(idx) - 1, stamps[-1] + params["post_reach"])
    labels = ctx.labels
    kept = 0
    for k in range(stamps[0] + 1, last + 1):
        lab = labels[idx[k]]
        if signals[k] is not None or lab.label != "boilerplate" or lab.rule not in _LEFTOVER_RULES:
            continue
        words = len(_WORD.findall(texts[k]))
        if words >= params["post_words"] or (words >= 4 and _SENTENCE_END.search(texts[k])):
            lab.label, lab.kind, lab.rule = "body", None, None
            kept += 1
    return kept


def _thread_cues(texts: list[str], signals: list[str | None], data: dict[str, Any]) -> int:
    """How many distinct forum/Q&A cues ("13 answers", "Joined: 2019", "Posts: 512") the page shows."""
    seen: set[str] = set()
    thread = data["thread"]
    for t, sig in zip(texts, signals):
        if sig == "thread":
            m = thread.match(_LEAD.sub("", _BULLET.sub("", t).strip().lower()))
            if m and m.lastgroup:
                seen.add(m.lastgroup)
    return len(seen)


def _first_post(texts: list[str], signals: list[str | None], section: tuple[int, int, int],
                body_chars: list[int], total_body: int, params: dict[str, Any], data: dict[str, Any],
                date_re: re.Pattern[str]) -> bool:
    """True when the page's opening text is itself a post of the same widget (a forum thread).

    The first post is stamped like the replies and no longer than a few of them; an article's
    own date line looks different ("April 2, 2020" against "April 3, 2020 at 8:24 am") and the
    article runs much longer than a comment."""
    start = section[0]
    stamps = [k for k, sg in enumerate(signals) if sg in ("author", "time")]
    section_stamps = [k for k in stamps if k >= start]
    top = [k for k in stamps if k < start]
    if not top or len(section_stamps) < 2:
        return False
    first = top[0]
    if sum(body_chars[:first]) > params["min_body_share"] * total_body:
        return False  # the stamp is not at the top of the page's text
    shapes = {_shape(texts[k], data, date_re) for k in section_stamps}
    if _shape(texts[first], data, date_re) not in shapes:
        return False
    # text of each post: non-signal lines between consecutive stamps
    def post_chars(a: int, b: int) -> int:
        return sum(len(texts[j].strip()) for j in range(a + 1, b) if signals[j] is None)
    nxt = next((k for k in stamps if k > first), None)
    if nxt is None:
        return False
    first_len = post_chars(first, nxt)
    replies = sorted(post_chars(a, b) for a, b in zip(section_stamps, section_stamps[1:]))
    if not replies:
        return False
    median = replies[len(replies) // 2]
    return first_len <= params["first_post_ratio"] * max(median, 80)


def _unmarked(ctx: Context, idx: list[int]) -> dict[str, Any]:
    """A tail of first/second-person short posts after a third-person article."""
    p = {name: ctx.config.param(UNMARKED_COMMENTS, name) for name in UNMARKED_COMMENTS.params}
    page, labels = ctx.page, ctx.labels
    body = [i for i in idx if labels[i].label == "body"]
    if len(body) < p["min_article_lines"] + p["min_lines"]:
        return {"start_line": None, "lines": 0, "signals": 0}
    # the tail must run to the end of the page's text, with nothing but body lines in it:
    # it starts after the last other line of some length before the last body line
    last_body = body[-1]
    floor = -1
    for j in range(last_body, body[0] - 1, -1):
        if _other_text(page.lines[j], labels[j]):
            floor = j
            break
    if sum(1 for i in body if i > floor) < p["min_lines"]:
        return {"start_line": None, "lines": 0, "signals": 0}
    # the article's opening reports at length
    n = len(body)
    word_counts = [len(page.lines[i].text.split()) for i in body]
    opening = word_counts[: p["min_article_lines"]]
    if sum(opening) < p["min_article_words"] * len(opening):
        return {"start_line": None, "lines": 0, "signals": 0}
    voices = [_voice(page.lines[i].text) for i in body]
    # running sums, so that each split below costs the same whatever the page's length
    voice_before = list(accumulate((v for v, _ in voices), initial=0))
    first_person_before = list(accumulate((f for _, f in voices), initial=0))
    words_before = list(accumulate(word_counts, initial=0))
    # a tail from body position `s` on must hold no other line of some length (the last one is
    # `floor`) and no bulleted post (where the last one stands is found when first needed)
    after_floor = bisect_right(body, floor)
    after_bullets: list[int] = []

    def clean_tail(s: int) -> bool:
        if s < after_floor:
            return False
        if not after_bullets:
            after_bullets.append(next((k + 1 for k in range(n - 1, -1, -1)
                                       if _BULLET.match(page.lines[body[k]].text)), 0))
        return s >= after_bullets[0]

    best = None
    # the split: article lines speak of others, the tail speaks as I/you
    for s in range(p["min_article_lines"], n - p["min_lines"] + 1):
        tail_lines = n - s
        if voice_before[s] / s > p["max_article_personal"]:
            break
        if not voices[s][0]:
            continue
        share = (voice_before[n] - voice_before[s]) / tail_lines
        mean_words = (words_before[n] - words_before[s]) / tail_lines
        head_words = words_before[s] / s
        if (share >= p["min_tail_personal"] and mean_words <= p["max_tail_words"]
                and head_words >= p["min_article_words"] and clean_tail(s)
                and first_person_before[n] - first_person_before[s] >= p["min_first_person"]):
            best = s
            break
    if best is None:
        return {"start_line": None, "lines": 0, "signals": 0}
    # the posts start right after the article's last paragraph, whatever their voice
    start = best
    while start > p["min_article_lines"] and not _article_like(page.lines[body[start - 1]].text):
        start -= 1
    # an interview also turns to I and you in short lines, but every other one is a question
    questions = sum(1 for i in body[start:] if _QUESTION_END.search(page.lines[i].text))
    if questions >= p["min_tail_questions"] and questions > p["max_tail_questions"] * (n - start):
        return {"start_line": None, "lines": 0, "signals": 0}
    count = 0
    for i in range(body[start], last_body + 1):
        if not page.lines[i].blank:
            labels[i].label, labels[i].kind, labels[i].rule = "comment", "comment", UNMARKED_COMMENTS.code
            count += 1
    _fill_blanks(ctx)
    first, last = page.lines[body[start]], page.lines[last_body]
    ctx.emit(UNMARKED_COMMENTS.finding(page, first, last, lines=count))
    return {"start_line": first.number, "end_line": last.number, "lines": count, "signals": 0, "header": False}


# a line that ends in a question mark (closing quotes and brackets after it allowed)
_QUESTION_END = re.compile(r"\?[\s\"'”“»«)\]]*$")


def _other_text(line: Line, label: LineLabel) -> bool:
    """A non-body line of some length (not a bare link): it ends an unmarked comment tail."""
    return label.label != "body" and not line.blank and not _URL.match(line.text) and len(line.text.split()) > 3


VOICE_CACHE_CHARS = 50_000  # characters of line text kept by _voice, then it starts afresh
_VOICES = TextCache(VOICE_CACHE_CHARS)


def _voice(text: str) -> tuple[bool, bool]:
    """(speaks as I/you, says I/my/me) for a line, quotations left out; kept per line text (the
    same paragraphs come again in copies and versions of a page)."""
    voice = _VOICES.get(text)
    if voice is None:
        words = [w.lower() for w in _WORD.findall(_QUOTED.sub(" ", text))]
        personal = _data()["personal"]
        voice = any(w in personal for w in words), any(w in _FIRST_PERSON for w in words)
        _VOICES.put(text, voice)
    return voice


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
