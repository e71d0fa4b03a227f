"""Rule catalogue: every finding the audit can emit is declared here by its family module.

A rule is a small record in the style of ruff rules and datatrove filters: a stable code
(family letter + number), a kebab-case name, a default severity, a message template, the
thresholds it uses as named parameters with defaults, and the prose that `audit explain`
prints. Family modules create rules with `define()` at import time; checks then call
`rule.finding(...)` so the code, name and severity always travel together.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .model import SEVERITIES, Finding, Line, Page

FAMILIES = {
    "N": "noise",
    "C": "comments",
    "D": "dates",
    "A": "attribution",
    "S": "ai_style",
    "L": "language",
    "R": "readability",
    "E": "input",
    "T": "content",
}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    message: str  # str.format template; fields come from finding(**details)
    summary: str  # what the rule finds (one sentence)
    why: str = ""  # why it matters for a corpus
    example: str = ""
    params: dict[str, Any] = field(default_factory=dict)  # thresholds, with their defaults

    @property
    def family(self) -> str:
        return FAMILIES[self.code[0]]

    def finding(
        self,
        page: Page,
        first: Line,
        last: Line | None = None,
        span: tuple[int, int] | None = None,
        severity: str | None = None,
        **details: Any,
    ) -> Finding:
        """A finding over lines first..last; `span` defaults to the lines' text."""
        last = last or first
        start, end = span if span is not None else (first.start, last.end)
        try:
            message = self.message.format(**details)
        except (KeyError, IndexError, ValueError):
            message = self.message
        excerpt = page.text[start:end]
        lines_text = page.text[first.start:last.end]
        if len(excerpt) > 120:
            excerpt = excerpt[:117].rstrip() + "..."
        return Finding(
            code=self.code,
            name=self.name,
            family=self.family,
            severity=severity or self.severity,
            message=message,
            start_line=first.number,
            end_line=last.number,
            span=(start, end),
            excerpt=excerpt.replace("\n", " / "),
            details={k: v for k, v in details.items() if _jsonable(v)},
            columns=(start - first.start + 1, end - last.start + 1),
            fingerprint=fingerprint(self.code, lines_text),
        )


    def document_finding(self, severity: str | None = None, **details: Any) -> Finding:
        """A finding about the whole document, with no line (e.g. "no publication date")."""
        try:
            message = self.message.format(**details)
        except (KeyError, IndexError, ValueError):
            message = self.message
        return Finding(
            code=self.code, name=self.name, family=self.family,
            severity=severity or self.severity, message=message,
            start_line=None, end_line=None, span=None,
            details={k: v for k, v in details.items() if _jsonable(v)},
            fingerprint=fingerprint(self.code, ""),
        )


def fingerprint(code: str, text: str) -> str:
    """Rule code + whitespace- and case-normalised text, hashed: the identity of a finding
    that does not move when unrelated lines are added or removed."""
    key = code + "\x00" + " ".join(text.split()).casefold()
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _jsonable(value: Any) -> bool:
    return isinstance(value, (str, int, float, bool, list, dict)) or value is None


REGISTRY: dict[str, Rule] = {}


def define(
    code: str,
    name: str,
    severity: str,
    message: str,
    summary: str,
    why: str = "",
    example: str = "",
    **params: Any,
) -> Rule:
    """Declare a rule. Codes and names are unique; the first letter names the family."""
    if code[0] not in FAMILIES:
        raise ValueError(f"rule {code}: unknown family letter {code[0]!r}")
    if severity not in SEVERITIES:
        raise ValueError(f"rule {code}: severity must be one of {SEVERITIES}")
    existing = REGISTRY.get(code)
    if existing is not None and existing.name != name:
        raise ValueError(f"rule code {code} used twice ({existing.name}, {name})")
    rule = Rule(code, name, severity, message, summary, why, example, dict(params))
    REGISTRY[code] = rule
    return rule


def all_rules() -> list[Rule]:
    """Every rule of every family, sorted by code (imports the families first)."""
    from . import checks  # noqa: F401  (importing registers the rules)

    return [REGISTRY[c] for c in sorted(REGISTRY)]
