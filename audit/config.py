"""Run settings: which rules are on, their severities and thresholds, score weights, the gate.

`Config` is plain data. Checks read thresholds through `Config.param(rule, name)`, which
falls back to the rule's declared default, so a threshold lives in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .rules import Rule

# Weights of the dimension scores in the overall score (README "Scores").
DEFAULT_WEIGHTS: dict[str, float] = {
    "noise": 0.20,
    "comments": 0.05,
    "dating": 0.15,
    "attribution": 0.20,
    "reliability": 0.10,
    "ai_style": 0.20,
    "readability": 0.05,
    "language": 0.05,
}


@dataclass
class Config:
    select: tuple[str, ...] = ()  # rule codes or prefixes; empty = all
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)  # code -> severity override
    params: dict[str, dict[str, Any]] = field(default_factory=dict)  # code -> {param: value}
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    ratings_file: str | None = None  # user-supplied domain ratings CSV
    max_chars: int = 2_000_000  # analyse at most this many characters of one document

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(p) for p in self.select):
            return False
        return not any(code.startswith(p) for p in self.ignore)

    def param(self, rule: Rule, name: str) -> Any:
        override = self.params.get(rule.code, {})
        if name in override:
            return override[name]
        return rule.params[name]

    def severity_of(self, code: str, default: str) -> str:
        return self.severity.get(code, default)


DEFAULT_CONFIG = Config()
