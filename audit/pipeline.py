"""One pure function from a document to its report.

    from audit import audit_document, Document
    report = audit_document(Document(id="a", text="..."))

The report is a JSON-ready dict (schemas/report.schema.json). Same input, same output:
no clock, no randomness, no network.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from typing import Any

from . import __version__
from .checks import FAMILIES
from .config import DEFAULT_CONFIG, Config
from .context import Context
from .extract import page_from_document
from .model import CONTENT_LABELS, Document, Finding, Line, LineLabel, Page
from .rules import REGISTRY
from .scores import compute as compute_scores
from .timelimit import TIMED_OUT, DocumentTimeout

SCHEMA_VERSION = "1.0"


def input_hash(doc: Document) -> str:
    raw = doc.html if doc.html is not None else (doc.text or "")
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def audit_document(
    doc: Document,
    config: Config | None = None,
    template_lines: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """Audit one document. `template_lines` are normalised lines that repeat across other
    pages of the same site (see `audit.corpus`); leave empty for a document on its own."""
    config = config or DEFAULT_CONFIG
    if doc.error:
        return failed_report(doc, doc.error)
    stage = "extraction"
    try:
        page = page_from_document(doc, config.max_chars, config.unwrap)
        ctx = Context(page=page, config=config, template_lines=template_lines)
        for family in FAMILIES:
            stage = family.__name__.rsplit(".", 1)[-1]
            result = family.run(ctx)
            if family.REPORT_KEY is not None:
                ctx.results[family.REPORT_KEY] = result
        stage = "report"
        return build_report(ctx)
    except RecursionError:
        return failed_report(doc, f"internal error in {stage}: input nested too deeply")
    except DocumentTimeout as exc:  # audit.timelimit: the run's limit for one document
        return failed_report(doc, f"{TIMED_OUT} in {stage}: {exc} (--doc-timeout)")
    except Exception as exc:  # one document's failure must not stop a corpus run
        return failed_report(doc, f"internal error in {stage}: {type(exc).__name__}: {exc}"[:500])


def build_report(ctx: Context) -> dict[str, Any]:
    page, doc = ctx.page, ctx.page.doc
    findings = ctx.findings
    results = ctx.results
    lines, labels = page.lines, ctx.labels
    if page.input_lines is not None:  # hard-wrapped text: report on the input's own lines
        starts = [ln.start for ln in page.input_lines]
        findings = [_on_input_lines(f, page, starts) for f in findings]
        results = {key: _input_line_numbers(value, page) for key, value in results.items()}
        lines, labels = page.input_lines, _input_labels(page, labels)
    findings = sorted(
        findings,
        key=lambda f: (f.start_line is None, f.start_line or 0, f.code, f.span or (0, 0)),
    )
    report: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "source-audit", "version": __version__},
        "id": doc.id,
        "status": "ok",
        "input": _input_info(doc, page),
        "segments": segments(lines, labels),
        "lines": [
            {"line": ln.number, "label": lab.label, "kind": lab.kind, "rule": lab.rule}
            for ln, lab in zip(lines, labels)
            if not ln.blank
        ],
        **{key: results[key] for key in results},
        "findings": [f.to_json() for f in findings],
    }
    # counted on the analysed lines: a wrapped page scores as its unwrapped twin does
    line_counts = Counter(lab.label for ln, lab in zip(page.lines, ctx.labels) if not ln.blank)
    report["scores"] = compute_scores(findings, ctx.results, ctx.config, line_counts)
    report["verdict"] = verdict(report)
    report["clean_text"] = clean_text(page, ctx.labels)
    report["text"] = page.input_text  # the text that lines and spans refer to
    return report


# Keys under which checks report a line number of the analysed text; "end_line" ends a range.
_LINE_KEYS = frozenset({"line", "start_line", "byline_line", "title_line"})
_END_LINE_KEYS = frozenset({"end_line"})


def _input_line_numbers(value: Any, page: Page) -> Any:
    """`value` with every line number of the analysed text turned into the input's."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if type(item) is int and (key in _LINE_KEYS or key in _END_LINE_KEYS):
                out[key] = page.input_line_span(item)[key in _END_LINE_KEYS]
            else:
                out[key] = _input_line_numbers(item, page)
        return out
    if isinstance(value, list):
        return [_input_line_numbers(item, page) for item in value]
    return value


def _on_input_lines(finding: Finding, page: Page, starts: list[int]) -> Finding:
    """A finding on the input's lines: its span's offsets are the input's already (reflow keeps
    them), so the lines and columns are found from the span (`starts`: the input lines' offsets)."""
    if finding.start_line is None:
        return finding
    details = _input_line_numbers(finding.details, page)
    message = finding.message
    if details != finding.details:  # a message that names a line names the input's
        try:
            message = REGISTRY[finding.code].message.format(**details)
        except (KeyError, IndexError, ValueError):
            pass
    if finding.span is None:
        first = page.input_line_span(finding.start_line)[0]
        last = page.input_line_span(finding.end_line or finding.start_line)[1]
        return replace(finding, start_line=first, end_line=last, details=details, message=message)
    begin, end = finding.span
    first = bisect_right(starts, begin)
    last = max(first, bisect_right(starts, max(begin, end - 1)))
    columns = (begin - starts[first - 1] + 1, end - starts[last - 1] + 1)
    return replace(finding, start_line=first, end_line=last, columns=columns, details=details, message=message)


def _input_labels(page: Page, labels: list[LineLabel]) -> list[LineLabel]:
    """The label of every input line: that of the analysed line it is part of."""
    out: list[LineLabel] = []
    for line, label in zip(page.lines, labels):
        first, last = page.input_line_span(line.number)
        out.extend([label] * (last - first + 1))
    return out


def failed_report(doc: Document, error: str) -> dict[str, Any]:
    """The report of a document that could not be audited: the contract fields, empty."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "source-audit", "version": __version__},
        "id": doc.id,
        "status": "error",
        "error": error,
        "input": _input_info(doc, None),
        "segments": [],
        "date": {"published": None, "status": "missing"},
        "attribution": {"byline": None, "sources": []},
        "ai_style": {"score": 0.0, "flagged": False},
        "language": {"code": "und"},
        "findings": [],
        "scores": {"overall": 0, "details": {}},
        "verdict": f"not audited: {error}",
        "clean_text": "",
        "text": "",
    }


def _input_info(doc: Document, page: Page | None) -> dict[str, Any]:
    info: dict[str, Any] = {
        "kind": page.kind if page is not None else ("html" if doc.html is not None else "text"),
        "source": doc.source,
        "url": doc.url,
        "crawl_date": doc.crawl_date,
        "sha256": input_hash(doc),
        "truncated": doc.truncated,
    }
    if doc.encoding:
        info["encoding"] = doc.encoding
    if page is not None:
        info["lines"] = len(page.input_lines if page.input_lines is not None else page.lines)
        info["chars"] = len(page.text)
        if page.wrap_width is not None:
            info["unwrapped"] = {"width": page.wrap_width, "joined_lines": len(page.input_lines or ()) - len(page.lines)}
        if page.html_meta:
            info["html"] = page.html_meta
    return info


def segments(lines: list[Line], labels: list[LineLabel]) -> list[dict[str, Any]]:
    """Runs of equally labelled lines. Blank lines join a run only between two lines of it,
    so every non-blank line is in exactly one segment."""
    out: list[dict[str, Any]] = []
    current: dict[str, Any] | None = None
    for line in lines:
        if line.blank:
            continue
        label = labels[line.number - 1].label
        if current is not None and current["label"] == label:
            current["end_line"] = line.number
            continue
        current = {"label": label, "start_line": line.number, "end_line": line.number}
        out.append(current)
    return out


def clean_text(page: Page, labels: list[LineLabel]) -> str:
    """The title and body lines. A hard-wrapped paragraph is one line, its spaces normalised."""
    tidy = (lambda text: " ".join(text.split())) if page.input_lines is not None else str.strip
    kept = [tidy(ln.text) for ln in page.lines if not ln.blank and labels[ln.number - 1].label in CONTENT_LABELS]
    return "\n".join(kept) + ("\n" if kept else "")


def verdict(report: dict[str, Any]) -> str:
    """One line a reader can act on, built from the weakest dimensions."""
    scores = report["scores"]
    overall = scores["overall"]
    dims = {k: v for k, v in scores.items() if k != "overall" and isinstance(v, int)}
    weakest = sorted(dims.items(), key=lambda kv: (kv[1], kv[0]))[:2]
    grade = "good" if overall >= 80 else "usable with care" if overall >= 60 else "poor"
    weak = ", ".join(f"{name} {score}" for name, score in weakest if score < 80)
    capped = f"; capped: {scores['cap']['reason']} ({scores['cap']['rule']})" if "cap" in scores else ""
    return f"{grade} ({overall}/100)" + capped + (f"; weakest: {weak}" if weak else "")
