"""The run summary, built one report at a time in bounded memory.

Counts and histograms grow with the number of rules and labels, not with the corpus; the
ranking keeps the `rank_limit` lowest-scoring documents and the failure list the first
`error_limit`, so a run over millions of documents holds a few kilobytes here.
"""

from __future__ import annotations

import heapq
from collections import Counter
from typing import Any

from .checks.content import LITTLE_MAIN_TEXT, NO_MAIN_TEXT
from .model import SEVERITIES

HISTOGRAM_BINS = 10  # overall score in bins of 10: 0-9, ..., 90-100


class Summary:
    def __init__(self, rank_limit: int = 100, error_limit: int = 100, phrase_limit: int = 25):
        self.rank_limit = rank_limit
        self.error_limit = error_limit
        self.phrase_limit = phrase_limit
        self.documents = 0
        self.audited = 0
        self.failed = 0
        self._errors: list[tuple[Any, ...]] = []  # min-heap whose top is the largest kept id
        self.histogram = [0] * HISTOGRAM_BINS
        self.score_sum = 0
        self.dimension_sums: Counter[str] = Counter()
        self.rule_counts: Counter[str] = Counter()
        self.rule_docs: Counter[str] = Counter()
        self.rule_example: dict[str, dict[str, Any]] = {}
        self.rule_names: dict[str, str] = {}
        self.severity_counts: Counter[str] = Counter()
        self.date_status: Counter[str] = Counter()
        self.languages: Counter[str] = Counter()
        self.ai_flagged = 0
        self.phrases: Counter[str] = Counter()
        self.truncated = 0
        self.unwrapped = 0
        self.main_text_words = 0
        self.labels: Counter[str] = Counter()
        self._worst: list[tuple[Any, ...]] = []  # min-heap whose top is the best kept document
        self.gate_failures = 0

    def add(self, report: dict[str, Any], output_name: str | None = None) -> None:
        self.documents += 1
        doc_id = report["id"]
        if report["status"] != "ok":
            self.failed += 1
            # keep the error_limit smallest ids, so the list does not depend on input order
            heapq.heappush(self._errors, (_neg_key(doc_id), -self.documents, {"id": doc_id, "error": report.get("error", "")}))
            if len(self._errors) > self.error_limit:
                heapq.heappop(self._errors)
            return
        self.audited += 1
        overall = report["scores"]["overall"]
        self.score_sum += overall
        self.histogram[min(overall // 10, HISTOGRAM_BINS - 1)] += 1
        for dim, detail in report["scores"]["details"].items():
            self.dimension_sums[dim] += detail["score"]
        seen_rules = set()
        for finding in report["findings"]:
            code = finding["code"]
            self.rule_counts[code] += 1
            self.severity_counts[finding["severity"]] += 1
            self.rule_names[code] = finding["name"]
            if code not in seen_rules:
                seen_rules.add(code)
                self.rule_docs[code] += 1
            example = self.rule_example.get(code)
            # the example is the first by (document id, line), whatever order documents come in
            if example is None or (doc_id, finding["start_line"] or 0) < (example["id"], example["line"] or 0):
                self.rule_example[code] = {"id": doc_id, "file": output_name or doc_id,
                                           "line": finding["start_line"], "excerpt": finding.get("excerpt", "")}
        self.date_status[report["date"]["status"]] += 1
        self.languages[report["language"]["code"]] += 1
        if report["ai_style"]["flagged"]:
            self.ai_flagged += 1
        for phrase, count in report["ai_style"].get("phrase_counts", {}).items():  # bounded by the phrase lists
            self.phrases[phrase] += count
        if report["input"].get("truncated"):
            self.truncated += 1
        if report["input"].get("unwrapped"):
            self.unwrapped += 1
        self.main_text_words += report.get("content", {}).get("words", 0)
        for seg in report["segments"]:
            self.labels[seg["label"]] += seg["end_line"] - seg["start_line"] + 1
        entry = {
            "id": doc_id,
            "overall": overall,
            "verdict": report["verdict"],
            "file": output_name or doc_id,
        }
        # keep the rank_limit worst: heap of (-overall, id) so the best of the kept is on top
        item = (-overall, _neg_key(doc_id), -self.documents, entry)
        if len(self._worst) < self.rank_limit:
            heapq.heappush(self._worst, item)
        else:
            heapq.heappushpop(self._worst, item)

    def to_json(self, gate: dict[str, Any] | None = None) -> dict[str, Any]:
        ranking = sorted((item[-1] for item in self._worst), key=lambda e: (e["overall"], e["id"]))
        n = self.audited or 1
        return {
            "schema_version": "1.0",
            "documents": self.documents,
            "audited": self.audited,
            "failed": self.failed,
            "truncated": self.truncated,
            "unwrapped": self.unwrapped,
            "errors": sorted((item[-1] for item in self._errors), key=lambda e: e["id"]),
            "mean_overall": round(self.score_sum / n, 1) if self.audited else None,
            "dimension_means": {d: round(s / n, 1) for d, s in sorted(self.dimension_sums.items())},
            "histogram": [
                {"from": i * 10, "to": 100 if i == HISTOGRAM_BINS - 1 else i * 10 + 9, "documents": c}
                for i, c in enumerate(self.histogram)
            ],
            "ranking": ranking,
            "ranking_complete": self.audited <= self.rank_limit,
            "rules": [
                {
                    "code": code,
                    "name": self.rule_names[code],
                    "findings": self.rule_counts[code],
                    "documents": self.rule_docs[code],
                    "example": self.rule_example[code],
                }
                for code in sorted(self.rule_counts)
            ],
            "severities": {s: self.severity_counts.get(s, 0) for s in SEVERITIES},
            "date_status": {s: self.date_status.get(s, 0) for s in ("found", "partial", "missing")},
            "languages": dict(sorted(self.languages.items(), key=lambda kv: (-kv[1], kv[0]))),
            "ai_style_flagged": self.ai_flagged,
            "ai_style_top_phrases": [
                {"phrase": p, "count": c}
                for p, c in sorted(self.phrases.items(), key=lambda kv: (-kv[1], kv[0]))[: self.phrase_limit]
            ],
            "line_labels": {k: self.labels.get(k, 0) for k in ("title", "body", "meta", "boilerplate", "comment")},
            # the corpus's yield: words of main text, and the documents with none or too little
            "main_text": {"words": self.main_text_words,
                          "mean_words": round(self.main_text_words / n, 1) if self.audited else None,
                          "documents_without": self.rule_docs.get(NO_MAIN_TEXT.code, 0),
                          "documents_under_minimum": self.rule_docs.get(LITTLE_MAIN_TEXT.code, 0)},
            "gate": gate or {"passed": True, "reasons": []},
        }


def summary_digest(report: dict[str, Any]) -> dict[str, Any]:
    """The part of a report that `Summary.add` and the gate read, and nothing else: a pool's
    workers send this back instead of the whole report, so the parent unpickles a tenth of it.
    Keep in step with `add` (tests/test_pipeline checks both give the same summary)."""
    digest = {k: report[k] for k in ("id", "output_name", "status", "verdict", "error") if k in report}
    if report["status"] != "ok":
        return digest
    scores = report["scores"]
    digest["scores"] = {"overall": scores["overall"],
                        "details": {dim: {"score": d["score"]} for dim, d in scores["details"].items()}}
    digest["findings"] = [{k: f[k] for k in _FINDING_KEYS if k in f} for f in report["findings"]]
    digest["date"] = {"status": report["date"]["status"]}
    digest["language"] = {"code": report["language"]["code"]}
    digest["ai_style"] = {"flagged": report["ai_style"]["flagged"],
                          "phrase_counts": report["ai_style"].get("phrase_counts", {})}
    digest["input"] = {k: report["input"][k] for k in ("truncated", "unwrapped") if k in report["input"]}
    if "content" in report:
        digest["content"] = {"words": report["content"]["words"]}
    digest["segments"] = [{k: seg[k] for k in ("label", "start_line", "end_line")} for seg in report["segments"]]
    return digest


# what the summary and the gate read of a finding
_FINDING_KEYS = ("code", "name", "severity", "start_line", "excerpt", "baseline")


def _neg_key(doc_id: str) -> tuple[int, ...]:
    """Sort key that inverts string order, so ties keep the alphabetically first ids."""
    return tuple(-ord(c) for c in doc_id)
