"""A run over many documents: read, audit, validate, render, write, summarise, gate.

Documents stream through: memory holds one chunk of documents per worker plus the bounded
summary. `jobs > 1` maps `audit_and_render` over a process pool with `imap`, so reports come
back in input order and the files are byte-identical to a one-job run. Reports are
validated against the schema before they are written; a report that fails stops the run
with `ReportInvalid` (a bug in the tool), while a document that cannot be read gets a report
with status "error" and the run goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .baseline import Baseline, BaselineRecorder
from .config import Config
from .corpus import TemplateIndex
from .model import Document
from .output import NameAllocator, dumps, dumps_line, write_atomic
from .pipeline import audit_document
from .progress import Progress
from .readers import read_documents
from .render_github import GithubWriter
from .render_html import render_html_index, render_html_report
from .render_md import render_report, render_summary
from .render_sarif import SarifWriter
from .summary import Summary
from .validate import validate

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
FORMATS = ("json", "md", "jsonl", "sarif", "github", "html")
PER_DOCUMENT_FORMATS = ("json", "md")
JSONL_NAME = "reports.jsonl"


@dataclass
class RunOptions:
    out: Path
    clean: bool = False
    formats: tuple[str, ...] = ("json", "md")
    fail_under: float | None = None
    fail_on: str | None = None  # "error" or "warning"
    config: Config = field(default_factory=Config)
    fields: dict[str, str] = field(default_factory=dict)
    jobs: int = 1
    corpus_evidence: bool = True  # template lines from repeated lines of the same site
    progress: bool = False
    engine: str = "local"  # "local" (process pool) or "ray" (Ray Data)
    ray_address: str | None = None
    resume: bool = False  # reuse complete reports of unchanged inputs from an earlier run
    baseline: Baseline | None = None  # findings recorded earlier: only new ones fail the gate
    write_baseline: Path | None = None


@dataclass
class RunResult:
    summary: dict[str, Any]
    passed: bool


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def gate_reasons(report: dict[str, Any], options: RunOptions) -> list[str]:
    """Why this document fails the gate (empty: it passes). Unaudited documents never fail
    it: they are counted in the summary instead."""
    if report["status"] != "ok":
        return []
    reasons = []
    overall = report["scores"]["overall"]
    known = options.baseline.scores.get(report["id"]) if options.baseline else None
    if options.fail_under is not None and overall < options.fail_under and (known is None or overall < known):
        reasons.append(f"{report['id']}: overall {overall} < {options.fail_under:g}"
                       + (f" (baseline {known})" if known is not None else ""))
    if options.fail_on:
        limit = SEVERITY_RANK[options.fail_on]
        bad = [f for f in report["findings"] if SEVERITY_RANK[f["severity"]] >= limit and not f.get("baseline")]
        if bad:
            reasons.append(f"{report['id']}: {len(bad)} finding(s) at {options.fail_on} or worse, "
                           f"first {bad[0]['code']} {bad[0]['name']}")
    return reasons


# ------------------------------------------------------------------ per-document work

@dataclass(frozen=True)
class WorkerSetup:
    """What every worker needs, sent once per worker (not once per document)."""

    config: Config
    formats: tuple[str, ...]
    baseline: Baseline | None
    out: Path
    clean: bool
    # with a local pool, each worker finds its documents' template lines itself (the index is
    # inherited, not copied, when the pool forks), which keeps that work off the parent
    index: TemplateIndex | None = None


_SETUP: WorkerSetup | None = None
# report keys the parent does not need for the summary, gate and sinks: they stay in the worker
BULKY_KEYS = ("text", "clean_text", "lines")


def _init_worker(setup: WorkerSetup) -> None:
    global _SETUP
    _SETUP = setup


@dataclass
class WorkItem:
    doc: Document
    template_lines: frozenset[str] | None  # None: the worker looks them up in setup.index
    name: str  # output file stem
    existing: Path | None = None  # with --resume: a report already written under that name


def audit_and_render(item: WorkItem) -> tuple[dict[str, Any], str | None, bool]:
    """Audit one document, mark baseline findings, validate the report, write its files.

    Runs in a worker: the per-document files are written here, in parallel, and only a digest
    of the report (no text) and its JSONL line go back to the parent. With --resume, a complete
    earlier report of the same input is reused: (digest, line, True)."""
    setup = _SETUP
    if item.existing is not None:
        earlier = _load_earlier(item)
        if earlier is not None:
            return _digest(earlier), dumps_line(earlier) if "jsonl" in setup.formats else None, True
    templates = item.template_lines
    if templates is None:
        templates = _template_lines(setup.index, item.doc)
    report = audit_document(item.doc, setup.config, templates)
    if item.name != report["id"]:
        report["output_name"] = item.name
    if setup.baseline is not None:
        setup.baseline.mark(report)
    validate("report", report, report["id"])
    write_document(report, item.name, setup)
    return _digest(report), dumps_line(report) if "jsonl" in setup.formats else None, False


def _digest(report: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in report.items() if k not in BULKY_KEYS}


def _load_earlier(item: WorkItem) -> dict[str, Any] | None:
    import json

    from .pipeline import input_hash
    from .validate import ReportInvalid

    try:
        report = json.loads(item.existing.read_text(encoding="utf-8"))
        validate("report", report, item.doc.id)
    except (OSError, ValueError, ReportInvalid):
        return None
    if report.get("id") != item.doc.id or report["input"].get("sha256") != input_hash(item.doc):
        return None
    return report


def write_document(report: dict[str, Any], name: str, setup: WorkerSetup) -> None:
    """The per-document files. The JSON report is written last: its presence marks the
    document done (--resume)."""
    out, formats = setup.out, setup.formats
    if "md" in formats:
        write_atomic(out / f"{name}.md", render_report(report))
    if "html" in formats:
        write_atomic(out / f"{name}.html", render_html_report(report))
    if setup.clean:
        write_atomic(out / f"{name}.clean.txt", report["clean_text"])
    if "json" in formats:
        write_atomic(out / f"{name}.json", dumps(report))


def _template_lines(index: TemplateIndex | None, doc: Document) -> frozenset[str]:
    if index is None or doc.text is None or doc.error:
        return frozenset()
    return index.template_lines(doc.site, doc.text)


def _pooled(options: RunOptions) -> bool:
    return options.engine != "ray" and options.jobs > 1


def _map(items: Iterable[WorkItem], options: RunOptions,
         index: TemplateIndex | None = None) -> Iterator[tuple[dict, str | None, bool]]:
    setup = WorkerSetup(options.config, tuple(options.formats), options.baseline, options.out, options.clean,
                        index if _pooled(options) else None)
    if options.engine == "ray":
        from .engine_ray import map_with_ray

        yield from map_with_ray(items, setup, options.jobs, options.ray_address)
        return
    if options.jobs <= 1:
        _init_worker(setup)
        for item in items:
            yield audit_and_render(item)
        return
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
    with ctx.Pool(options.jobs, initializer=_init_worker, initargs=(setup,)) as pool:
        yield from pool.imap(audit_and_render, items, chunksize=8)


def _work_items(docs: Iterable[Document], index: TemplateIndex | None, options: RunOptions) -> Iterator[WorkItem]:
    """Runs in the parent (or the pool's feeder thread): names are allocated in input order."""
    names = NameAllocator()
    pooled = _pooled(options)
    for doc in docs:
        name = names.allocate(doc.id)
        templates = None if pooled else _template_lines(index, doc)
        existing = None
        if options.resume:
            candidate = options.out / f"{name}.json"
            existing = candidate if candidate.exists() else None
        yield WorkItem(doc, templates, name, existing)


def build_template_index(paths: list[str], options: RunOptions) -> TemplateIndex | None:
    """First pass over re-readable inputs (not stdin): count lines per site."""
    if not options.corpus_evidence or "-" in paths:
        return None
    return TemplateIndex.build(
        (doc.site or "", doc.text)
        for doc in read_documents(paths, options.fields)
        if doc.text is not None and not doc.error
    )


# ------------------------------------------------------------------ the run


def run(paths: list[str], options: RunOptions) -> RunResult:
    options.out.mkdir(parents=True, exist_ok=True)
    index = build_template_index(paths, options)
    summary = Summary()
    reasons: list[str] = []
    failing_docs = 0
    jsonl_handle = None
    jsonl_tmp = options.out / (".tmp-" + JSONL_NAME)
    if "jsonl" in options.formats:
        jsonl_handle = jsonl_tmp.open("w", encoding="utf-8", newline="\n")
    sarif = SarifWriter(options.out / "results.sarif") if "sarif" in options.formats else None
    github = GithubWriter() if "github" in options.formats else None
    recorder = BaselineRecorder() if options.write_baseline else None
    progress = Progress(enabled=options.progress)
    try:
        items = _work_items(read_documents(paths, options.fields), index, options)
        for report, line, resumed in _map(items, options, index):
            name = report.get("output_name", report["id"])
            if jsonl_handle is not None:
                jsonl_handle.write(line)
            summary.add(report, name)
            for sink in (sarif, github, recorder):
                if sink is not None:
                    sink.add(report)
            doc_reasons = gate_reasons(report, options)
            if doc_reasons:
                failing_docs += 1
                if len(reasons) < 50:
                    reasons.extend(doc_reasons)
            progress.advance()
    finally:
        progress.close()
        if jsonl_handle is not None:
            jsonl_handle.close()
    if jsonl_handle is not None:
        os.replace(jsonl_tmp, options.out / JSONL_NAME)
    passed = failing_docs == 0
    if failing_docs > len(reasons):
        reasons.append(f"… {failing_docs} documents fail the gate in all")
    gate = {"passed": passed, "reasons": reasons, "fail_under": options.fail_under, "fail_on": options.fail_on}
    data = summary.to_json(gate)
    validate("summary", data, "summary")
    summary_md = render_summary(data)
    write_atomic(options.out / "summary.json", dumps(data))
    write_atomic(options.out / "summary.md", summary_md)
    if "html" in options.formats:
        write_atomic(options.out / "index.html", render_html_index(data))
    if sarif is not None:
        sarif.close()
    if github is not None:
        github.close(summary_md)
    if recorder is not None:
        recorder.write(options.write_baseline)
    return RunResult(data, passed)
