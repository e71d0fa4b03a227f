"""Command line: `audit run`, `audit schema`, `audit rules`, `audit explain`. Wiring only.

Exit codes: 0 clean run or gate passed, 1 gate failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .readers import UsageError
from .rules import all_rules, REGISTRY
from .timelimit import DEFAULT_SECONDS
from .validate import SCHEMAS, ReportInvalid, schema_text

EXIT_OK, EXIT_GATE, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse exits 2 too; keep the message format ours
        self.print_usage(sys.stderr)
        print(f"audit: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="audit", description="Audit scraped web documents.")
    parser.add_argument("--version", action="version", version=f"source-audit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    run = sub.add_parser("run", help="audit files and folders, write reports")
    run.add_argument("paths", nargs="+", metavar="PATH", help=".txt, .html/.htm, .jsonl files or folders")
    run.add_argument("--out", required=True, type=Path, metavar="DIR", help="folder for the reports")
    run.add_argument("--clean", action="store_true", help="also write <id>.clean.txt (title and body lines)")
    run.add_argument("--fail-under", type=float, metavar="SCORE", help="fail (exit 1) if any document scores below SCORE")
    run.add_argument("--fail-on", choices=("error", "warning"), help="fail (exit 1) if any finding has this severity or worse")
    run.add_argument("--baseline", type=Path, metavar="FILE", help="findings recorded in FILE do not fail the gate")
    run.add_argument("--write-baseline", type=Path, metavar="FILE", help="record this run's findings in FILE")
    run.add_argument("--resume", action="store_true",
                     help="skip documents whose report in --out is complete and was made from the same input")
    run.add_argument("--exit-zero", action="store_true", help="report gate failures but exit 0")
    run.add_argument("--format", metavar="FMT[,FMT]",
                     help="output formats, comma-separated: json, md, jsonl, sarif, github, html (default json,md)")
    run.add_argument("--jobs", "-j", type=int, metavar="N", help="worker processes (default: all cores)")
    run.add_argument("--engine", choices=("local", "ray"), default="local",
                     help="local process pool (default) or Ray Data (pip install '.[ray]')")
    run.add_argument("--ray-address", metavar="ADDR", help="Ray cluster to join (default: start a local one)")
    run.add_argument("--config", metavar="FILE", help="settings file (default: audit.toml or [tool.audit] "
                     "in pyproject.toml, found walking up from the working directory)")
    run.add_argument("--field", action="append", default=[], metavar="NAME=FIELD",
                     help="JSONL field name, e.g. --field text=content (id, text, html, url, date, crawl_date)")
    run.add_argument("--no-corpus-evidence", action="store_true",
                     help="judge each document alone (no template lines learnt from the rest of the run)")
    run.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    run.add_argument("--doc-timeout", type=float, default=DEFAULT_SECONDS, metavar="SECONDS",
                     help=f"give a document an error report after this long (default {DEFAULT_SECONDS:g}; 0: no limit)")

    schema = sub.add_parser("schema", help="print a JSON schema")
    schema.add_argument("which", nargs="?", default="report", choices=sorted(SCHEMAS))

    sub.add_parser("rules", help="list every rule")
    explain = sub.add_parser("explain", help="explain one rule")
    explain.add_argument("code")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "run":
            return _run(args)
        if args.command == "schema":
            sys.stdout.write(schema_text(args.which))
            return EXIT_OK
        if args.command == "rules":
            return _rules()
        if args.command == "explain":
            return _explain(args.code)
    except UsageError as exc:
        print(f"audit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    from .config import ConfigError, find_config_file, load_settings, parse_formats
    from .runner import RunOptions, default_jobs, run

    try:
        settings = load_settings(args.config or find_config_file())
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    fail_under = args.fail_under if args.fail_under is not None else settings.fail_under
    if fail_under is not None and not 0 <= fail_under <= 100:
        raise UsageError("--fail-under must be between 0 and 100")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if not args.doc_timeout >= 0:  # also refuses nan
        raise UsageError("--doc-timeout must be 0 (no limit) or more seconds")
    if args.ray_address and args.engine != "ray":
        raise UsageError("--ray-address needs --engine ray")
    if args.engine == "ray":
        import importlib.util

        if importlib.util.find_spec("ray") is None:
            raise UsageError("--engine ray needs Ray Data: pip install 'source-audit[ray]'")
    formats = settings.formats or ("json", "md")
    if args.format:
        formats = parse_formats(args.format, lambda problem: UsageError(f"--format: {problem}"))
    fields = dict(settings.fields)
    for item in args.field:
        name, sep, value = item.partition("=")
        if not sep or name not in ("id", "text", "html", "url", "date", "crawl_date") or not value:
            raise UsageError(f"--field takes NAME=FIELD with NAME one of id, text, html, url, date, crawl_date; got {item!r}")
        fields[name] = value
    baseline = None
    if args.baseline:
        from .baseline import Baseline, BaselineError

        try:
            baseline = Baseline.load(args.baseline)
        except BaselineError as exc:
            raise UsageError(str(exc)) from None
    options = RunOptions(
        out=args.out, clean=args.clean, formats=formats, fail_under=fail_under,
        fail_on=args.fail_on or settings.fail_on, config=settings.config, fields=fields,
        jobs=args.jobs or default_jobs(), corpus_evidence=not args.no_corpus_evidence,
        progress=not args.quiet, baseline=baseline, write_baseline=args.write_baseline,
        resume=args.resume, engine=args.engine, ray_address=args.ray_address,
        doc_timeout=args.doc_timeout if 0 < args.doc_timeout < float("inf") else None,
    )
    try:
        result = run(args.paths, options)
    except ReportInvalid as exc:
        print(f"audit: internal error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    s = result.summary
    if not args.quiet:
        print(f"audited {s['audited']} of {s['documents']} documents"
              + (f", {s['failed']} could not be audited" if s["failed"] else "")
              + (f", mean score {s['mean_overall']}" if s["mean_overall"] is not None else "")
              + f"; reports in {args.out}")
    if not result.passed:
        for reason in s["gate"]["reasons"][:20]:
            print(f"gate: {reason}", file=sys.stderr)
        return EXIT_OK if args.exit_zero else EXIT_GATE
    return EXIT_OK


def _rules() -> int:
    for rule in all_rules():
        print(f"{rule.code}  {rule.name:<34} {rule.family:<12} {rule.severity}")
    return EXIT_OK


def _explain(code: str) -> int:
    all_rules()
    rule = REGISTRY.get(code.upper())
    if rule is None:
        raise UsageError(f"unknown rule {code!r}; `audit rules` lists them")
    print(f"{rule.code} {rule.name} ({rule.family}, default severity {rule.severity})\n")
    print(f"What it finds: {rule.summary}")
    if rule.why:
        print(f"Why it matters: {rule.why}")
    if rule.example:
        print(f"Example: {rule.example}")
    if rule.params:
        print("Thresholds: " + ", ".join(f"{k}={v!r}" for k, v in rule.params.items()))
    print(f"Turn it off: add \"{rule.code}\" to `ignore` under [tool.audit] in pyproject.toml.")
    return EXIT_OK
