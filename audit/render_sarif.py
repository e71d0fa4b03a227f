"""SARIF 2.1.0 for documents that live in a repository (GitHub code scanning reads it).

Streams: the header with every rule, then one result per finding as reports arrive, so
memory does not grow with the corpus. Regions (line and column) are given for plain-text
files, whose lines are the analysed lines; HTML files and JSONL records get file-level
results, since their analysed lines are not the file's lines.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .rules import all_rules

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptor(rule) -> dict[str, Any]:
    help_text = f"{rule.summary}\n\nWhy it matters: {rule.why}\n\nTurn it off: add \"{rule.code}\" to `ignore` under [tool.audit]."
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": (rule.why or rule.summary)},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"family": rule.family, "tags": [rule.family]},
    }


def artifact_uri(source: str | None, root: Path) -> tuple[str | None, bool]:
    """(uri relative to root, whether lines map to the file) for a report's input.source."""
    if not source or source == "<stdin>":
        return None, False
    path_part, _, record = source.partition(":") if not os.path.exists(source) else (source, "", "")
    try:
        rel = Path(os.path.relpath(os.path.abspath(path_part), root)).as_posix()
    except ValueError:
        rel = Path(path_part).as_posix()
    return rel, not record


class SarifWriter:
    def __init__(self, path: Path, root: Path | None = None):
        self.path = path
        self.root = (root or Path.cwd()).resolve()
        self._tmp = path.with_name(".tmp-" + path.name)
        self._handle: TextIO = self._tmp.open("w", encoding="utf-8", newline="\n")
        self._first = True
        self.rule_index = {}
        rules = all_rules()
        header = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "source-audit",
                    "version": __version__,
                    "informationUri": "https://github.com/source-audit/source-audit",
                    "rules": [_rule_descriptor(r) for r in rules],
                }},
                "columnKind": "unicodeCodePoints",
                "results": ["@@RESULTS@@"],
            }],
        }
        self.rule_index = {r.code: i for i, r in enumerate(rules)}
        text = json.dumps(header, ensure_ascii=False, indent=1)
        self._head, self._tail = text.split('"@@RESULTS@@"')
        self._handle.write(self._head)

    def add(self, report: dict[str, Any]) -> None:
        if report["status"] != "ok":
            return
        uri, has_lines = artifact_uri(report["input"].get("source"), self.root)
        has_lines = has_lines and report["input"]["kind"] == "text"
        for finding in report["findings"]:
            if finding.get("baseline"):
                continue
            self._write(self._result(report, finding, uri, has_lines))

    def _result(self, report, finding, uri, has_lines) -> dict[str, Any]:
        message = finding["message"]
        if not has_lines or finding["start_line"] is None:
            where = f" (line {finding['start_line']} of the analysed text)" if finding["start_line"] else ""
            message = f"{report['id']}: {message}{where}"
        result: dict[str, Any] = {
            "ruleId": finding["code"],
            "ruleIndex": self.rule_index.get(finding["code"], -1),
            "level": LEVELS[finding["severity"]],
            "message": {"text": message},
            "partialFingerprints": {"auditFindingHash/v1": f"{report['id']}:{finding['fingerprint']}"},
        }
        if result["ruleIndex"] < 0:
            del result["ruleIndex"]
        if uri:
            location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": uri}}}
            if has_lines and finding["start_line"] is not None:
                region = {"startLine": finding["start_line"], "endLine": finding["end_line"]}
                if finding.get("columns"):
                    region["startColumn"], region["endColumn"] = finding["columns"]
                    if region["endColumn"] < 1:
                        region["endColumn"] = 1
                location["physicalLocation"]["region"] = region
            result["locations"] = [location]
        return result

    def _write(self, result: dict[str, Any]) -> None:
        if not self._first:
            self._handle.write(",")
        self._first = False
        self._handle.write("\n" + json.dumps(result, ensure_ascii=False))

    def close(self) -> None:
        self._handle.write(self._tail)
        self._handle.close()
        os.replace(self._tmp, self.path)
