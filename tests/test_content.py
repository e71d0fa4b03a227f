"""The main text check (audit/checks/content.py): no text, too little, repeated lines and word
sequences, on real pages, and its shortcuts against the measures computed the long way."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest

from audit import Document, audit_document
from audit.checks import content
from audit.config import Config
from audit.context import Context
from audit.extract import page_from_document
from audit.model import LineLabel
from conftest import SEEDS, run_cli

ARTICLE = SEEDS / "003_fe09d524997e67dd.txt"


def _codes(report: dict) -> set[str]:
    return {f["code"] for f in report["findings"]}


def test_real_articles_pass_and_report_their_main_text():
    for path in sorted(SEEDS.glob("*.txt")):
        report = audit_document(Document(id=path.stem, text=path.read_text(encoding="utf-8")))
        assert not {"T101", "T102", "T103", "T104"} & _codes(report), path.name
        words = sum(len(line.split()) for line in report["clean_text"].splitlines())
        assert report["content"]["words"] == words
        assert report["scores"]["content"] == 100 and "cap" not in report["scores"]


@pytest.mark.parametrize("text, reason", [
    ("", "empty"),
    ("  \n\n\t\n", "empty"),
    # a page that is all navigation and footer: nothing is left once the boilerplate goes
    ("Home\nNews\nSport\nWeather\nContact us\nPrivacy policy\nCookie settings\n"
     "© 2024 Example Media Ltd. All rights reserved.\n", "boilerplate"),
])
def test_no_main_text_is_an_error_and_caps_the_overall_score(text, reason):
    report = audit_document(Document(id="x", text=text))
    finding = next(f for f in report["findings"] if f["code"] == "T101")
    assert reason in finding["message"]
    scores = report["scores"]
    assert scores["content"] == 0
    assert scores["overall"] == content.NO_MAIN_TEXT.params["max_overall"]
    assert scores["cap"]["rule"] == "T101" and scores["cap"]["findings"] == [report["findings"].index(finding)]
    assert report["verdict"].startswith("poor") and "T101" in report["verdict"]


def test_a_stub_has_too_little_main_text_and_the_threshold_is_a_setting():
    stub = "Storm hits the coast overnight\n\nMore to follow as the story develops, our reporter says.\n"
    report = audit_document(Document(id="stub", text=stub))
    assert "T102" in _codes(report) and report["content"]["words"] < 50
    assert "T101" not in _codes(report)
    # at best usable with care, whatever the other dimensions say
    assert report["scores"]["cap"]["rule"] == "T102" and report["scores"]["overall"] == 60
    assert report["verdict"].startswith("usable with care (60/100); capped: Only")
    relaxed = Config(params={"T102": {"min_words": 5}})
    assert "T102" not in _codes(audit_document(Document(id="stub", text=stub), relaxed))


def _family_on_body(text: str, language: str = "en") -> tuple[dict, set[str]]:
    """The content family alone, on a page whose every line is taken as body."""
    page = page_from_document(Document(id="t", text=text), Config().max_chars)
    ctx = Context(page=page, config=Config(), results={"language": {"code": language}})
    ctx.labels = [LineLabel("body")] * len(page.lines)
    return content.run(ctx), {f.code for f in ctx.findings}


# a short Japanese news item (written for this test): Japanese puts no spaces between words
JAPANESE = ("東京都は二十四日、都内の公立図書館の開館時間を来月から延長すると発表した。\n\n"
            "平日は午後九時まで、土日は午後七時まで利用できるようになる。都の担当者によると、仕事帰りの利用者から"
            "要望が多く寄せられていたという。延長に合わせて、自習室の座席数も増やす予定だ。\n\n"
            "一方で、職員の負担が増えることを懸念する声もあり、都は人員の配置を見直すとしている。\n")


def test_text_without_spaces_counts_its_characters_as_words():
    report = audit_document(Document(id="ja", text=JAPANESE))
    assert report["language"]["code"] == "ja"
    # each character is a word (punctuation is not): well over the minimum, not 4 "words"
    assert report["content"]["words"] > 150 and not {"T101", "T102"} & _codes(report)
    # the word-sequence measures are made for words: not applied to characters
    assert "repeated_5_word_share" not in report["content"] and "T104" not in _codes(report)
    stub, codes = _family_on_body("大雨の続報は追って掲載します。\n", "ja")
    assert "T102" in codes and stub["words"] == 14
    assert content.main_text_words("Tokyo 2020 は延期された。", "ja") == ["Tokyo", "2020", "は", "延", "期", "さ", "れ", "た"]
    assert content.main_text_words("Tokyo 2020 は延期された。", "en") == ["Tokyo", "2020", "は延期された。"]


def test_repeated_lines_in_the_main_text_are_flagged():
    # a price table whose rows repeat under each heading, read as main text
    rows = ["Personal training, single session", "Member: $55", "Student: $45", "Personal training, five sessions",
            "Member: $55", "Student: $45", "Small group training", "Member: $55", "Student: $45"]
    result, codes = _family_on_body("\n".join(rows))
    assert "T103" in codes and result["repeated_line_share"] == pytest.approx(4 / 9, abs=1e-3)
    article = ARTICLE.read_text(encoding="utf-8")
    assert "T103" not in _family_on_body(article)[1]
    # the same paragraph pasted again and again: the noise check already sets the copies aside
    paragraph = next(p for p in article.split("\n\n") if len(p.split()) > 25)
    padded = audit_document(Document(id="padded", text=article + "\n\n" + "\n\n".join([paragraph] * 6)))
    assert padded["clean_text"].count(paragraph.strip()) == 1 and not {"T103", "T104"} & _codes(padded)


def test_limits_come_from_the_settings_even_zero():
    article = ARTICLE.read_text(encoding="utf-8")
    strict = Config(params={"T104": {"max_top_2": 0.0, "max_repeated_5": 0.0}})
    report = audit_document(Document(id="a", text=article), strict)
    assert report["status"] == "ok" and "T104" in _codes(report)
    assert "T104" not in _codes(audit_document(Document(id="a", text=article)))


def test_a_looping_text_names_its_repeated_sequence():
    looping = "Cheap flights to Rome and Paris today. " * 40
    report = audit_document(Document(id="loop", text=looping))
    finding = next(f for f in report["findings"] if f["code"] == "T104")
    assert "make up" in finding["message"] and finding["details"]["share"] <= 1.0
    assert report["scores"]["overall"] <= 60 and report["scores"]["cap"]["rule"] in ("T102", "T104")


# ---------------------------------------------------------------- the measures, the long way

def _top_share(words: list[str], n: int, total: int) -> float:
    grams = Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    if not grams:
        return 0.0
    gram, count = max(grams.items(), key=lambda kv: (kv[1], sum(map(len, kv[0])), kv[0]))
    if count < 2:
        return 0.0
    inside = set()
    for i in range(len(words) - n + 1):
        if tuple(words[i:i + n]) == gram:
            inside.update(range(i, i + n))
    return sum(len(words[i]) for i in inside) / total


def _covered(words: list[str], n: int, total: int) -> float:
    """Characters in the repeats of earlier n-word sequences (each word once)."""
    seen, inside = set(), set()
    for i in range(len(words) - n + 1):
        gram = tuple(words[i:i + n])
        if gram in seen:
            inside.update(range(i, i + n))
        seen.add(gram)
    return sum(len(words[i]) for i in inside) / total


def _texts() -> list[list[str]]:
    rng = random.Random(7)
    article = ARTICLE.read_text(encoding="utf-8").split()
    texts = [article, article[:80] * 3, ["word"] * 200]
    vocab = article[:60]
    for size in (10, 40, 120, 400):
        for _ in range(15):
            words = [rng.choice(vocab[: rng.randint(3, 60)]) for _ in range(size)]
            if rng.random() < 0.5:  # splice a repeated passage into prose
                start = rng.randrange(len(article) - 30)
                passage = article[start:start + rng.randint(5, 30)]
                words = article[:size] + passage + article[size:2 * size] + passage
            texts.append(words)
    return texts


def test_shortcuts_give_the_measures_computed_the_long_way():
    limits = {n: content.REPEATED_WORDS.params[f"max_top_{n}"] for n in content.TOP_SIZES}
    limits.update({n: content.REPEATED_WORDS.params[f"max_repeated_{n}"] for n in content.REPEATED_SIZES})
    checked = Counter()
    for words in _texts():
        total = len(" ".join(words))
        top, covered = content._repeated_ngrams(words, limits)
        for n in content.TOP_SIZES:
            exact = _top_share(words, n, total)
            if exact > limits[n] or top[n][0] > 0:
                assert top[n][0] == pytest.approx(exact), (n, words[:8])
                checked["top"] += 1
        assert covered[5] == pytest.approx(_covered(words, 5, total))
        for n in content.REPEATED_SIZES:
            exact = _covered(words, n, total)
            # left out only where no measure from n on can pass its limit
            if covered[n] or exact > limits[n]:
                assert covered[n] == pytest.approx(exact), (n, words[:8])
                checked["covered"] += 1
    # the texts exercise both measures, not just the shortcuts
    assert checked["top"] >= 10 and checked["covered"] >= 30


def test_fail_under_fails_a_run_with_an_empty_document_and_the_summary_counts_the_yield(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "article.txt").write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "empty.txt").write_text("", encoding="utf-8")
    (docs / "stub.txt").write_text("Storm hits the coast\n\nMore to follow as the story develops.\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("run", str(docs), "--out", str(out), "--fail-under", "50", "--jobs", "2", "-q")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "empty" in proc.stdout + proc.stderr
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    words = [json.loads((out / f"{name}.json").read_text(encoding="utf-8"))["content"]["words"]
             for name in ("article", "empty", "stub")]
    assert words[0] > 200 and words[1] == 0 and 0 < words[2] < 50
    assert summary["main_text"] == {"words": sum(words), "mean_words": round(sum(words) / 3, 1),
                                    "documents_without": 1, "documents_under_minimum": 1}
    assert f"main text: {sum(words):,} words" in (out / "summary.md").read_text(encoding="utf-8")
