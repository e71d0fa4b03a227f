"""The five seeds against their hand-labelled expectations (tests/data/seeds_gold.jsonl,
copied from the evaluation set; its `notes` say why each expectation holds)."""

from __future__ import annotations

import pytest

CLASS_OF = {"title": "content", "body": "content", "meta": "noise", "boilerplate": "noise", "comment": "comment"}


def parse_ranges(spec: str) -> set[int]:
    out: set[int] = set()
    for part in filter(None, (p.strip() for p in spec.split(","))):
        a, _, b = part.partition("-")
        out.update(range(int(a), int(b or a) + 1))
    return out


def line_classes(report: dict) -> dict[int, str]:
    labels = {}
    for seg in report["segments"]:
        for n in range(seg["start_line"], seg["end_line"] + 1):
            labels[n] = CLASS_OF[seg["label"]]
    return labels


def test_line_accuracy_over_all_seeds(seed_reports, seeds_gold):
    right = total = 0
    for doc_id, gold in seeds_gold.items():
        got = line_classes(seed_reports[doc_id])
        for label, spec in gold["lines"].items():
            for n in parse_ranges(spec):
                total += 1
                right += got.get(n) == CLASS_OF[label]
    assert total == 250
    assert right / total >= 0.97, f"line accuracy {right / total:.3f}"


@pytest.mark.parametrize("doc_id", ["000_764669d0dfa9a596", "001_57a7feaa136c7dfe", "002_19ca5700293a0b5e",
                                    "003_fe09d524997e67dd", "004_0d8d1708ca91e9da"])
def test_seed_checks(doc_id, seed_reports, seeds_gold):
    gold, report = seeds_gold[doc_id], seed_reports[doc_id]
    assert report["date"]["published"] == gold["date"]["published"]
    assert report["date"]["status"] == gold["date"]["status"]
    byline = (report["attribution"]["byline"] or "").lower().removeprefix("by ").strip()
    assert byline == (gold["byline"] or "").lower()
    for source in gold["sources"]:
        assert any(source.lower() in s.lower() for s in report["attribution"]["sources"]), (source, report["attribution"]["sources"])
    assert report["ai_style"]["flagged"] == (gold["ai"] == "ai")
    assert report["language"]["code"] == gold["language"]


def test_decoy_dates_are_not_taken(seed_reports, seeds_gold):
    for doc_id, gold in seeds_gold.items():
        assert seed_reports[doc_id]["date"]["published"] not in gold["decoy_dates"]
