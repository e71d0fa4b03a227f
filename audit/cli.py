"""Command line: `audit run`, `audit schema`, `audit rules`, `audit explain`. Wiring only.

Exit codes: 0 clean run or gate passed, 1 gate failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .config import Config
from .readers import UsageError
from .rules import all_rules, REGISTRY
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
    run.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")

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
    from .runner import RunOptions, run

    if args.fail_under is not None and not 0 <= args.fail_under <= 100:
        raise UsageError("--fail-under must be between 0 and 100")
    options = RunOptions(out=args.out, clean=args.clean, fail_under=args.fail_under, fail_on=args.fail_on, config=Config())
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
        return EXIT_GATE
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
