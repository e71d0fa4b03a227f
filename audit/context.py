"""What one document's checks share while they run: the page, line labels, findings, results."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .config import Config
from .model import CONTENT_LABELS, Finding, Line, LineLabel, Page


@dataclass
class Context:
    page: Page
    config: Config
    labels: list[LineLabel] = field(default_factory=list)  # index i = line i+1
    findings: list[Finding] = field(default_factory=list)
    results: dict[str, dict[str, Any]] = field(default_factory=dict)  # report key -> result
    # normalised line texts that repeat across pages of this document's site (corpus evidence)
    template_lines: frozenset[str] = frozenset()

    def emit(self, finding: Finding) -> None:
        """Record a finding unless its rule is switched off; apply severity overrides."""
        if not self.config.enabled(finding.code):
            return
        finding.severity = self.config.severity_of(finding.code, finding.severity)
        self.findings.append(finding)

    def label_of(self, line: Line) -> str:
        return self.labels[line.number - 1].label

    def lines_labelled(self, *labels: str) -> list[Line]:
        wanted = set(labels)
        return [ln for ln in self.page.lines if not ln.blank and self.labels[ln.number - 1].label in wanted]

    def content_lines(self) -> list[Line]:
        """Title and body lines: what the cleaned text keeps."""
        return self.lines_labelled(*CONTENT_LABELS)

    def body_text(self) -> str:
        return "\n".join(ln.text for ln in self.lines_labelled("body"))

    def visible_page_context(self) -> Context | None:
        """The whole visible HTML page (extract.visible_page) as a context of its own, every
        line read as body: the date and byline checks look there for the lines trafilatura's
        main text leaves out. Read only; None when the page shows no text."""
        from .extract import visible_page

        shown = visible_page(self.page, self.config.max_chars)
        if shown is None:
            return None
        sub = Context(page=shown, config=self.config)
        sub.labels = [_READ_AS_BODY] * len(shown.lines)  # one shared label: never changed
        return sub


_READ_AS_BODY = LineLabel("body")
