"""Explainable 0-100 scores: every point taken off names the findings behind it.

Each dimension starts at 100. A finding takes points off the dimension of its family:
`POINTS_BY_SEVERITY` unless its rule declares a `points` parameter, and one rule takes at
most `PER_RULE_CAP` points off a dimension however often it fires. Two dimensions come
from a measured value instead of counted findings: `ai_style` is 100 x (1 - ai_style.score)
and `reliability` starts from the rating of the source's domain. The overall score is the
weighted mean of the dimensions (weights in `config.DEFAULT_WEIGHTS`, settable in config).
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
}
RELIABILITY_RULE_PREFIX = "A3"  # source-reliability and content-farm rules

# score of a rated domain by its label (Burdisso et al.: 1 reliable .. -2 very unreliable)
RELIABILITY_BY_LABEL = {1: 100, 0: 60, -1: 25, -2: 0}
UNRATED_RELIABILITY = 70  # no rating: neither reward nor punish much


def dimension_of(finding: Finding) -> str:
    if finding.code.startswith(RELIABILITY_RULE_PREFIX):
        return "reliability"
    return DIMENSION_OF_FAMILY.get(finding.family, "noise")


def points_of(finding: Finding) -> int:
    rule = REGISTRY.get(finding.code)
    if rule is not None and "points" in rule.params:
        return int(rule.params["points"])
    return POINTS_BY_SEVERITY[finding.severity]


def compute(findings: list[Finding], results: dict[str, dict[str, Any]], config: Config) -> dict[str, Any]:
    """The report's `scores` object: overall, per dimension, and each deduction's reasons."""
    taken: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for index, finding in enumerate(findings):
        taken[dimension_of(finding)][finding.code].append(index)

    dimensions: dict[str, dict[str, Any]] = {}
    for dim in config.weights:
        deductions = []
        for code in sorted(taken.get(dim, {})):
            indices = taken[dim][code]
            points = min(PER_RULE_CAP, sum(points_of(findings[i]) for i in indices))
            if points:
                deductions.append({
                    "points": points,
                    "rule": code,
                    "reason": f"{len(indices)} x {findings[indices[0]].name}",
                    "findings": indices,
                })
        base, base_reason = _base(dim, results)
        if base_reason:
            deductions.insert(0, base_reason)
        score = max(0, base - sum(d["points"] for d in deductions if d.get("rule")))
        dimensions[dim] = {"score": score, "deductions": deductions}

    total_weight = sum(config.weights.values()) or 1.0
    overall = sum(dimensions[d]["score"] * w for d, w in config.weights.items()) / total_weight
    return {"overall": round(overall), **{d: v["score"] for d, v in dimensions.items()}, "details": dimensions}


def _base(dim: str, results: dict[str, dict[str, Any]]) -> tuple[int, dict[str, Any] | None]:
    """Starting score of a dimension measured by a value rather than by findings."""
    if dim == "ai_style":
        ai = results.get("ai_style", {})
        score = float(ai.get("score", 0.0))
        points = round(100 * score)
        reason = {"points": points, "reason": f"AI-style phrasing score {score:.2f}", "findings": []}
        return 100 - points, reason if points else None
    if dim == "reliability":
        rating = results.get("attribution", {}).get("reliability", {})
        label = rating.get("label")
        if label is None:
            return UNRATED_RELIABILITY, {
                "points": 100 - UNRATED_RELIABILITY,
                "reason": "source domain not rated",
                "findings": [],
            }
        base = RELIABILITY_BY_LABEL.get(int(label), UNRATED_RELIABILITY)
        reason = {"points": 100 - base, "reason": f"{rating.get('domain')} rated {label} ({rating.get('source', 'ratings')})", "findings": []}
        return base, reason if base < 100 else None
    return 100, None
