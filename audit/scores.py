"""Explainable 0-100 scores: every point taken off names the findings behind it.

Each dimension starts at 100 and findings of its family take points off:
`POINTS_BY_SEVERITY` unless the rule declares a `points` parameter, at most `PER_RULE_CAP`
points per rule however often it fires (or the rule's own `points`, where that is more: one
finding of "no main text" takes the whole dimension).

Four dimensions are *measured* first, and there info findings are the evidence of the
measure (which lines, which phrases) rather than deductions of their own; their warnings
and errors still count:
- noise: `MEASURED_SHARE_POINTS["noise"]` x the share of non-blank lines that are boilerplate;
- comments: the same with the share of lines that are reader comments;
- ai_style: 100 x the AI-style score;
- reliability: the rating of the source's domain (`RELIABILITY_BY_LABEL`).
The overall score is the weighted mean of the dimensions (`config.DEFAULT_WEIGHTS`), capped
where a rule with a `max_overall` parameter fired (no main text, too little, or text that
repeats itself: the other dimensions then describe next to nothing); `scores.cap` names that rule.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from .config import Config
from .model import Finding
from .rules import REGISTRY

POINTS_BY_SEVERITY = {"error": 30, "warning": 10, "info": 2}
PER_RULE_CAP = 40

# family -> dimension; attribution findings about the source itself go to reliability
DIMENSION_OF_FAMILY = {
    "noise": "noise",
    "comments": "comments",
    "dates": "dating",
    "attribution": "attribution",
    "ai_style": "ai_style",
    "language": "language",
    "readability": "readability",
    "input": "noise",
    "content": "content",
}
RELIABILITY_RULE_PREFIX = "A3"  # source-reliability and content-farm rules
MEASURED = frozenset({"noise", "comments", "ai_style", "reliability"})

# points for a page that is all boilerplate / all comments
MEASURED_SHARE_POINTS = {"noise": 60, "comments": 40}
SHARE_LABEL = {"noise": "boilerplate", "comments": "comment"}

# score of a rated domain by its label (Burdisso et al.: 1 reliable .. -2 very unreliable)
RELIABILITY_BY_LABEL = {1: 100, 0: 60, -1: 25, -2: 0}
UNRATED_RELIABILITY = 70  # no rating: neither reward nor punish much


def dimension_of(finding: Finding) -> str:
    if finding.code.startswith(RELIABILITY_RULE_PREFIX):
        return "reliability"
    return DIMENSION_OF_FAMILY.get(finding.family, "noise")


def points_of(finding: Finding, dimension: str) -> int:
    rule = REGISTRY.get(finding.code)
    if rule is not None and "points" in rule.params:
        return int(rule.params["points"])
    if dimension in MEASURED and finding.severity == "info":
        return 0
    return POINTS_BY_SEVERITY[finding.severity]


def compute(
    findings: list[Finding],
    results: dict[str, dict[str, Any]],
    config: Config,
    line_labels: dict[str, int],
) -> dict[str, Any]:
    """The report's `scores`: overall, one score per dimension, and `details` with every
    deduction. `line_labels` counts non-blank lines per label."""
    taken: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, finding in enumerate(findings):
        taken[dimension_of(finding)][finding.code].append(index)

    dimensions: dict[str, dict[str, Any]] = {}
    for dim in config.weights:
        deductions = []
        base = _measured(dim, results, line_labels, taken.get(dim, {}))
        if base is not None and base["points"]:
            deductions.append(base)
        for code in sorted(taken.get(dim, {})):
            indices = taken[dim][code]
            rule_cap = max(PER_RULE_CAP, points_of(findings[indices[0]], dim))
            points = min(rule_cap, sum(points_of(findings[i], dim) for i in indices))
            if points:
                deductions.append({
                    "points": points,
                    "rule": code,
                    "reason": f"{len(indices)} x {findings[indices[0]].name}",
                    "findings": indices,
                })
        score = max(0, 100 - sum(d["points"] for d in deductions))
        dimensions[dim] = {"score": score, "deductions": deductions}

    total_weight = sum(config.weights.values()) or 1.0
    overall = round(sum(dimensions[d]["score"] * w for d, w in config.weights.items()) / total_weight)
    scores: dict[str, Any] = {"overall": overall, **{d: v["score"] for d, v in dimensions.items()},
                              "details": dimensions}
    cap = _cap(findings, config)
    if cap is not None and cap["max"] < overall:
        scores["overall"] = cap["max"]
        scores["cap"] = cap
    return scores


def _cap(findings: list[Finding], config: Config) -> dict[str, Any] | None:
    """The lowest `max_overall` of the rules that fired, with the findings behind it."""
    best = None
    for index, finding in enumerate(findings):
        rule = REGISTRY.get(finding.code)
        if rule is None or "max_overall" not in rule.params:
            continue
        limit = int(config.param(rule, "max_overall"))
        if best is None or limit < best["max"]:
            best = {"max": limit, "rule": rule.code, "reason": finding.message, "findings": [index]}
        elif limit == best["max"] and rule.code == best["rule"]:
            best["findings"].append(index)
    return best


def _measured(dim: str, results: dict[str, dict[str, Any]], line_labels: dict[str, int],
              evidence: dict[str, list[int]]) -> dict[str, Any] | None:
    """The deduction of a measured dimension, pointing at its info-level evidence."""
    if dim not in MEASURED:
        return None
    evidence_ids = sorted(i for ids in evidence.values() for i in ids)
    if dim in MEASURED_SHARE_POINTS:
        total = sum(line_labels.values())
        lines = line_labels.get(SHARE_LABEL[dim], 0)
        share = lines / total if total else 0.0
        return {"points": round(MEASURED_SHARE_POINTS[dim] * share),
                "reason": f"{lines} of {total} lines are {SHARE_LABEL[dim]} ({share:.0%})", "findings": evidence_ids}
    if dim == "ai_style":
        score = float(results.get("ai_style", {}).get("score", 0.0))
        return {"points": round(100 * score), "reason": f"AI-style phrasing score {score:.2f}", "findings": evidence_ids}
    rating = results.get("attribution", {}).get("reliability") or {}
    label = rating.get("label")
    if label is None:
        domain = rating.get("domain")
        reason = f"{domain} is not in the ratings" if domain else "no source domain known"
        return {"points": 100 - UNRATED_RELIABILITY, "reason": reason, "findings": []}
    base = RELIABILITY_BY_LABEL.get(int(label), UNRATED_RELIABILITY)
    return {"points": 100 - base, "reason": f"{rating.get('domain')} rated {label} ({rating.get('source', 'ratings')})",
            "findings": []}
