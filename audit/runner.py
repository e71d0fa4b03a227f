"""A run over many documents: read, audit, validate, render, write, summarise, gate.

Documents stream through: memory holds one chunk of documents per worker plus the bounded
summary. `jobs > 1` maps `audit_chunk` over a process pool (audit.pool) with `imap`, so
reports come back in input order and the files are byte-identical to a one-job run. Reports are
validated against the schema before they are written; a report that fails stops the run
with `ReportInvalid` (a bug in the tool), while a document that cannot be read gets a report
with status "error" and the run goes on.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .baseline import Baseline, BaselineRecorder
from .config import Config
from .corpus import TemplateIndex, document_slots, shared_counts
from .extract import analysed_text
from .model import Document
from .output import NameAllocator, append_file, dumps, dumps_line, write_atomic
from .pipeline import audit_document, failed_report
from .pool import ForkPool, WorkerDied, send_error
from .progress import Progress
from .readers import iter_paths, may_hold_text, read_documents, read_paths
from .render_github import GithubWriter
from .render_html import render_html_index, render_html_report
from .render_md import render_report, render_summary
from .render_sarif import SarifWriter
from .summary import Summary, summary_digest
from .timelimit import DEFAULT_SECONDS, TIMED_OUT, DocumentTimeout, time_limit
from .validate import validate

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
FORMATS = ("json", "md", "jsonl", "sarif", "github", "html")
PER_DOCUMENT_FORMATS = ("json", "md")
JSONL_NAME = "reports.jsonl"
# a pooled run's workers write each chunk's JSONL lines here; the parent appends them in order
SPOOL_DIR = ".tmp-jsonl-chunks"
# documents a worker audits per hand-off: the parent's share of a run (pickling, hand-offs)
# fell by a third from chunks of 8
CHUNK_DOCS = 32


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
    doc_timeout: float | None = DEFAULT_SECONDS  # seconds one document may take (audit.timelimit)


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
    # with a local pool: the corpus sketch's cells in shared memory (filled by the parent's first
    # pass), so each worker finds its documents' template lines itself
    template_counts: Any = None
    # SARIF, GitHub annotations and --write-baseline read whole findings; the summary and the
    # gate need only `summary_digest`
    whole_findings: bool = True
    doc_timeout: float | None = None


_SETUP: WorkerSetup | None = None
_WORKER_INDEX: TemplateIndex | None = None
# report keys the parent does not need for the summary, gate and sinks: they stay in the worker
BULKY_KEYS = ("text", "clean_text", "lines")


def _init_worker(setup: WorkerSetup) -> None:
    global _SETUP, _WORKER_INDEX
    _SETUP = setup
    _WORKER_INDEX = TemplateIndex(_counts=setup.template_counts) if setup.template_counts is not None else None


@dataclass
class WorkItem:
    doc: Document
    template_lines: frozenset[str] | None  # None: the worker looks them up in the shared sketch
    name: str  # output file stem
    existing: Path | None = None  # with --resume: a report already written under that name
    site_docs: int = 0  # documents of the doc's site in the run (for the worker's lookup)


@dataclass
class WorkChunk:
    """Documents one worker audits in one hand-off."""

    items: list[WorkItem]
    spool: Path | None = None  # where the worker writes the chunk's JSONL lines


Result = tuple[dict[str, Any], bytes | None, bool]  # (digest, JSONL line, reused from an earlier run)


def audit_chunk(chunk: WorkChunk) -> tuple[list[Result], Path | None]:
    """Runs in a worker: `audit_and_render` over the chunk. With a spool path, the chunk's JSONL
    lines go to that file instead of back through the pipe (~18 KB a report that the worker
    would pickle and the parent unpickle and write): the parent appends the file in order."""
    results = [audit_and_render(item) for item in chunk.items]
    if chunk.spool is None:
        return results, None
    with chunk.spool.open("wb") as handle:
        handle.write(b"".join(line for _, line, _ in results if line is not None))
    return [(digest, None, resumed) for digest, _, resumed in results], chunk.spool


def audit_and_render(item: WorkItem) -> Result:
    """Audit one document, mark baseline findings, validate the report, write its files.

    Runs in a worker: the per-document files are written here, in parallel, and only a digest
    of the report (no text) and its JSONL line go back to the parent. With --resume, a complete
    earlier report of the same input is reused: (digest, line, True)."""
    setup = _SETUP
    if item.existing is not None:
        earlier = _load_earlier(item)
        if earlier is not None:
            return _digest(earlier, setup), dumps_line(earlier) if "jsonl" in setup.formats else None, True
    templates = item.template_lines
    if templates is None:
        templates = _template_lines(_WORKER_INDEX, item.doc, setup.config, item.site_docs)
    report = None
    if setup.doc_timeout:
        _load_tables()  # outside the limit: a load cut short would be paid again by the next document
    try:
        with time_limit(setup.doc_timeout):
            report = audit_document(item.doc, setup.config, templates)
    except DocumentTimeout:  # the time ran out between the audit's return and the timer's end
        pass
    if report is None:
        report = failed_report(item.doc, f"{TIMED_OUT}: {DocumentTimeout(setup.doc_timeout)} (--doc-timeout)")
    if item.name != report["id"]:
        report["output_name"] = item.name
    if setup.baseline is not None:
        setup.baseline.mark(report)
    validate("report", report, report["id"])
    write_document(report, item.name, setup)
    return _digest(report, setup), dumps_line(report) if "jsonl" in setup.formats else None, False


_TABLES_LOADED = False


def _load_tables() -> None:
    """The families' patterns and tables, once a process (each loader keeps what it built)."""
    global _TABLES_LOADED
    if not _TABLES_LOADED:
        from .checks import preload, warm_up

        preload()
        warm_up()
        _TABLES_LOADED = True


def _digest(report: dict[str, Any], setup: WorkerSetup) -> dict[str, Any]:
    if not setup.whole_findings:
        return summary_digest(report)
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
    if report["status"] != "ok" and report.get("error", "").startswith(TIMED_OUT):
        return None  # worth another try: the limit may have been raised since
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


def _template_lines(index: TemplateIndex | None, doc: Document, config: Config,
                    site_docs: int | None = None) -> frozenset[str]:
    # (a site with too few documents has no template: its text is not unwrapped for nothing)
    if index is None or doc.text is None or doc.error or not index.covers(doc.site, site_docs):
        return frozenset()
    return index.template_lines(doc.site, analysed_text(doc.text, config.max_chars, config.unwrap), site_docs)


def _document_slots(site_text: tuple[str, str]) -> tuple[str, Any]:
    """First pass, in a worker: the sketch cells of one document."""
    site, text = site_text
    return site, document_slots(site, text)


def _pooled(options: RunOptions) -> bool:
    return options.engine != "ray" and options.jobs > 1


def _setup(options: RunOptions, template_counts: Any = None) -> WorkerSetup:
    whole_findings = bool(options.write_baseline) or any(f in ("sarif", "github") for f in options.formats)
    return WorkerSetup(options.config, tuple(options.formats), options.baseline, options.out, options.clean,
                       template_counts, whole_findings, options.doc_timeout)


def _start_pool(options: RunOptions, template_counts: Any) -> ForkPool:
    """The process pool, forked before any document is read or counted: the workers share the
    imported code and the families' compiled patterns (checks.preload), and they are ready while
    the parent starts reading. The patterns cost the parent ~12 MB and save each worker ~0.3 s."""
    from .checks import preload

    preload()
    return ForkPool(options.jobs, initializer=_init_pool_worker, initargs=(_setup(options, template_counts),))


def _init_pool_worker(setup: WorkerSetup) -> None:
    from .checks import warm_up

    _init_worker(setup)
    warm_up()


def _map(items: Iterable[WorkItem], options: RunOptions, pool: ForkPool | None = None,
         spool_dir: Path | None = None) -> Iterator[tuple[list[Result], Path | None]]:
    """(results, spooled JSONL file or None) per chunk of documents, in input order."""
    if options.engine == "ray":
        from .engine_ray import map_with_ray

        for result in map_with_ray(items, _setup(options), options.jobs, options.ray_address):
            yield [result], None
        return
    if pool is None:
        _init_worker(_setup(options))
        for item in items:
            yield [audit_and_render(item)], None
        return
    source = iter(items)
    chunks = (WorkChunk(batch, spool_dir / f"{n:08d}.jsonl" if spool_dir is not None else None)
              for n, batch in enumerate(iter(lambda: list(islice(source, CHUNK_DOCS)), [])))
    yield from pool.imap(audit_chunk, chunks)


def _writes_document_files(options: RunOptions) -> bool:
    return options.clean or any(f in PER_DOCUMENT_FORMATS or f == "html" for f in options.formats)


def _work_items(docs: Iterable[Document], index: TemplateIndex | None, options: RunOptions) -> Iterator[WorkItem]:
    """Runs in the parent: names are allocated in input order.
    File names are only needed, and remembered, when a run writes a file per document: a
    JSONL-only run keeps no per-document state, so its memory stays flat."""
    names = NameAllocator() if _writes_document_files(options) else None
    pooled = _pooled(options)
    for doc in docs:
        name = names.allocate(doc.id) if names is not None else doc.id
        templates = None if pooled else _template_lines(index, doc, options.config)
        site_docs = index.site_docs.get(doc.site or "", 0) if pooled and index is not None else 0
        existing = None
        if options.resume:
            candidate = options.out / f"{name}.json"
            existing = candidate if candidate.exists() else None
        yield WorkItem(doc, templates, name, existing, site_docs)


def _wants_index(paths: list[str], options: RunOptions) -> bool:
    return options.corpus_evidence and "-" not in paths


def _first_pass_texts(paths: list[str], options: RunOptions) -> Iterator[tuple[str, str]]:
    """(site, text) of every readable plain-text document, in input order."""
    # WARC and HTML files hold HTML pages only, which have no plain text to count: not read twice
    text_inputs = (path for path in iter_paths(paths) if may_hold_text(path))
    return ((doc.site or "", analysed_text(doc.text, options.config.max_chars, options.config.unwrap)) for doc in read_paths(text_inputs, options.fields)
            if doc.text is not None and not doc.error)


def build_template_index(paths: list[str], options: RunOptions, pool: ForkPool | None = None,
                         template_counts: Any = None, head: FirstPassHead | None = None) -> TemplateIndex | None:
    """First pass over re-readable inputs (not stdin): count lines per site. With a pool, the
    workers hash the lines and the parent only adds up their cells (sums do not depend on the
    order they come back in), after the documents a head start counted (`head`)."""
    if not _wants_index(paths, options):
        return None
    texts = _first_pass_texts(paths, options)
    if pool is None:
        return TemplateIndex.build(texts)
    index = TemplateIndex(_counts=template_counts)
    if head is not None:
        counted, site_docs = head.stop()
        index.site_docs.update(site_docs)
        texts = islice(texts, counted, None)
    for site, slots in pool.imap_unordered(_document_slots, texts, chunksize=64):
        index.add_slots(site, slots)
    return index


class FirstPassHead:
    """The first pass's head start. A pooled run's parent spends its first ~0.3 s building the
    compiled patterns its workers will share (checks.preload), with the other cores idle: a
    process forked before that counts the first documents into the shared sketch meanwhile.
    Asked to stop, it says how many documents it counted and their sites; the pool counts the
    rest. It is the sketch's only writer until then, and the sums do not depend on who adds."""

    def __init__(self, paths: list[str], options: RunOptions, counts: Any):
        from multiprocessing import get_context

        ctx = get_context("fork")
        self._conn, child_end = ctx.Pipe(duplex=True)
        self._process = ctx.Process(target=_count_first_documents, args=(child_end, paths, options, counts),
                                    daemon=True)
        self._process.start()
        child_end.close()

    def stop(self) -> tuple[int, Counter]:
        try:
            if not self._conn.poll():  # still counting (else it has counted every document)
                try:
                    self._conn.send(None)
                except OSError:
                    pass  # it has just counted the last one, answered and ended
            message = self._conn.recv()  # ("ok", (counted, site_docs)) or ("error", 0, exception)
        except (EOFError, OSError):
            raise WorkerDied("the first pass's counting process ended during the run (killed or out of memory?)") \
                from None
        finally:
            self._process.join()
            self._conn.close()
        if message[0] == "error":
            raise message[-1]
        return message[-1]

    def terminate(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()


def _count_first_documents(conn: Any, paths: list[str], options: RunOptions, counts: Any) -> None:
    index = TemplateIndex(_counts=counts)
    counted = 0
    try:
        for site, text in _first_pass_texts(paths, options):
            index.add(site, text)
            counted += 1
            if conn.poll():  # the parent's pool is ready
                break
        conn.send(("ok", (counted, index.site_docs)))
    except Exception as exc:  # noqa: BLE001 - handed to the parent, which raises it
        send_error(conn, 0, exc)
    except KeyboardInterrupt:
        return


# ------------------------------------------------------------------ the run


# An audit allocates many short-lived objects and makes few reference cycles: the cycle
# collector's default pace (a pass every 700 allocations) costs ~6% of a run for nothing.
# Set for the run's processes (a pool's workers inherit it), not for library callers.
GC_THRESHOLDS = (20_000, 20, 20)


def run(paths: list[str], options: RunOptions) -> RunResult:
    import gc

    options.out.mkdir(parents=True, exist_ok=True)
    gc.set_threshold(*GC_THRESHOLDS)
    pool = template_counts = head = None
    try:
        if _pooled(options):
            if _wants_index(paths, options):
                template_counts = shared_counts()
                if hasattr(os, "fork"):  # a spawned process would spend its head start importing
                    head = FirstPassHead(paths, options, template_counts)
            pool = _start_pool(options, template_counts)
        return _run(paths, options, pool, template_counts, head)
    finally:
        if head is not None:
            head.terminate()
        if pool is not None:
            pool.terminate()


def _run(paths: list[str], options: RunOptions, pool: ForkPool | None, template_counts: Any,
         head: FirstPassHead | None = None) -> RunResult:
    index = build_template_index(paths, options, pool, template_counts, head)
    summary = Summary()
    reasons: list[str] = []
    failing_docs = 0
    jsonl_handle = None
    jsonl_tmp = options.out / (".tmp-" + JSONL_NAME)
    spool_dir = None
    if "jsonl" in options.formats:
        jsonl_handle = jsonl_tmp.open("wb")
        if pool is not None:
            spool_dir = options.out / SPOOL_DIR
            spool_dir.mkdir(exist_ok=True)
    sarif = SarifWriter(options.out / "results.sarif") if "sarif" in options.formats else None
    github = GithubWriter() if "github" in options.formats else None
    recorder = BaselineRecorder() if options.write_baseline else None
    progress = Progress(enabled=options.progress)
    try:
        items = _work_items(read_documents(paths, options.fields), index, options)
        for results, spooled in _map(items, options, pool, spool_dir):
            if spooled is not None:
                append_file(jsonl_handle, spooled)
                spooled.unlink()
            for report, line, resumed in results:
                name = report.get("output_name", report["id"])
                if line is not None:
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
        if spool_dir is not None:
            shutil.rmtree(spool_dir, ignore_errors=True)
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
