"""A run over many documents: read, audit, validate, write, summarise, gate.

The CLI calls `run()`; so can other programs. Reports are validated against the schema
before they are written; a report that fails stops the run with `ReportInvalid` (a bug in
the tool), while a document that cannot be read gets a report with status "error".
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import Config
from .model import Document
from .output import NameAllocator, dumps, write_atomic
from .pipeline import audit_document
from .readers import read_documents
from .render_md import render_report, render_summary
from .summary import Summary
from .validate import validate

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass
class RunOptions:
    out: Path
    clean: bool = False
    formats: tuple[str, ...] = ("json", "md")
    fail_under: float | None = None
    fail_on: str | None = None  # "error" or "warning"
    config: Config = field(default_factory=Config)
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class RunResult:
    summary: dict[str, Any]
    passed: bool


def gate_reasons(report: dict[str, Any], options: RunOptions) -> list[str]:
    """Why this document fails the gate (empty: it passes). Unaudited documents never fail
    it: they are counted in the summary instead."""
    if report["status"] != "ok":
        return []
    reasons = []
    overall = report["scores"]["overall"]
    if options.fail_under is not None and overall < options.fail_under:
        reasons.append(f"{report['id']}: overall {overall} < {options.fail_under:g}")
    if options.fail_on:
        limit = SEVERITY_RANK[options.fail_on]
        bad = [f for f in report["findings"] if SEVERITY_RANK[f["severity"]] >= limit]
        if bad:
            reasons.append(f"{report['id']}: {len(bad)} finding(s) at {options.fail_on} or worse, first {bad[0]['code']} {bad[0]['name']}")
    return reasons


def audited(docs: Iterable[Document], config: Config) -> Iterator[dict[str, Any]]:
    for doc in docs:
        yield audit_document(doc, config)


def run(paths: list[str], options: RunOptions) -> RunResult:
    options.out.mkdir(parents=True, exist_ok=True)
    names = NameAllocator()
    summary = Summary()
    reasons: list[str] = []
    failing_docs = 0
    for report in audited(read_documents(paths, options.fields), options.config):
        name = names.allocate(report["id"])
        if name != report["id"]:
            report["output_name"] = name
        validate("report", report, report["id"])
        write_report(report, name, options)
        summary.add(report, name)
        doc_reasons = gate_reasons(report, options)
        if doc_reasons:
            failing_docs += 1
            if len(reasons) < 50:
                reasons.extend(doc_reasons)
    passed = failing_docs == 0
    if failing_docs > len(reasons):
        reasons.append(f"… {failing_docs} documents fail the gate in all")
    gate = {"passed": passed, "reasons": reasons, "fail_under": options.fail_under, "fail_on": options.fail_on}
    data = summary.to_json(gate)
    validate("summary", data, "summary")
    write_atomic(options.out / "summary.json", dumps(data))
    write_atomic(options.out / "summary.md", render_summary(data))
    return RunResult(data, passed)


def write_report(report: dict[str, Any], name: str, options: RunOptions) -> None:
    out = options.out
    if "json" in options.formats:
        write_atomic(out / f"{name}.json", dumps(report))
    if "md" in options.formats:
        write_atomic(out / f"{name}.md", render_report(report))
    if options.clean:
        write_atomic(out / f"{name}.clean.txt", report["clean_text"])
