"""Baselines: adopt the audit on an existing corpus by recording today's findings, so only
new ones fail the gate. A finding is matched by document id, rule code and the fingerprint
of its lines' text (see `rules.fingerprint`), counted as a multiset, so an edit elsewhere in
the document does not break the match and a second identical finding is still new."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

BASELINE_VERSION = 1


class BaselineError(Exception):
    pass


def finding_key(finding: dict[str, Any]) -> str:
    return f"{finding['code']}:{finding['fingerprint']}"


class Baseline:
    def __init__(self, entries: dict[str, Counter[str]] | None = None, scores: dict[str, int] | None = None):
        self.entries = entries or {}
        self.scores = scores or {}  # document id -> overall score when the baseline was written

    @classmethod
    def load(cls, path: Path) -> "Baseline":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{path}: not a baseline file (bad JSON: {exc})") from None
        docs = data.get("documents") if isinstance(data, dict) else None
        if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(docs, dict) or not all(
            isinstance(v, dict) and isinstance(v.get("findings"), list) for v in docs.values()
        ):
            raise BaselineError(f"{path}: not a source-audit baseline (version {BASELINE_VERSION})")
        return cls(
            {doc: Counter(map(str, v["findings"])) for doc, v in docs.items()},
            {doc: v["overall"] for doc, v in docs.items() if isinstance(v.get("overall"), int)},
        )

    def mark(self, report: dict[str, Any]) -> int:
        """Set `baseline: true` on findings the baseline knows; return how many are new."""
        known = Counter(self.entries.get(report["id"], Counter()))
        new = 0
        for finding in report["findings"]:
            key = finding_key(finding)
            if known[key] > 0:
                known[key] -= 1
                finding["baseline"] = True
            else:
                new += 1
        return new


class BaselineRecorder:
    def __init__(self) -> None:
        self.documents: dict[str, dict[str, Any]] = {}

    def add(self, report: dict[str, Any]) -> None:
        if report["status"] == "ok":
            self.documents[report["id"]] = {
                "overall": report["scores"]["overall"],
                "findings": sorted(finding_key(f) for f in report["findings"]),
            }

    def write(self, path: Path) -> None:
        from .output import write_atomic

        data = {"version": BASELINE_VERSION, "tool": "source-audit",
                "documents": dict(sorted(self.documents.items()))}
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
