"""GitHub Actions workflow commands (`::error file=…,line=…::…`) for new warnings and errors,
capped, and the Markdown summary appended to $GITHUB_STEP_SUMMARY when it is set."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, TextIO

from .render_sarif import artifact_uri

LEVELS = {"error": "error", "warning": "warning"}  # info findings are left to the reports
DEFAULT_CAP = 50


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubWriter:
    def __init__(self, stream: TextIO | None = None, cap: int = DEFAULT_CAP, root: Path | None = None):
        self.stream = stream or sys.stdout
        self.cap = cap
        self.root = (root or Path.cwd()).resolve()
        self.written = 0
        self.more = 0

    def add(self, report: dict[str, Any]) -> None:
        if report["status"] != "ok":
            self._emit("warning", {}, f"{report['id']}: not audited: {report.get('error', '')}")
            return
        uri, has_lines = artifact_uri(report["input"].get("source"), self.root)
        has_lines = has_lines and report["input"]["kind"] == "text"
        for f in report["findings"]:
            level = LEVELS.get(f["severity"])
            if level is None or f.get("baseline"):
                continue
            props: dict[str, Any] = {"title": f"{f['code']} {f['name']}"}
            if uri:
                props["file"] = uri
                if has_lines and f["start_line"] is not None:
                    props["line"], props["endLine"] = f["start_line"], f["end_line"]
            prefix = "" if has_lines else f"{report['id']}: "
            self._emit(level, props, prefix + f["message"])

    def _emit(self, level: str, props: dict[str, Any], message: str) -> None:
        if self.written >= self.cap:
            self.more += 1
            return
        self.written += 1
        order = ("file", "line", "endLine", "title")
        prop_text = ",".join(f"{k}={_escape_property(str(props[k]))}" for k in order if k in props)
        sep = " " if prop_text else ""
        self.stream.write(f"::{level}{sep}{prop_text}::{_escape_data(message)}\n")

    def close(self, summary_md: str | None = None) -> None:
        if self.more:
            self.stream.write(f"::notice::{self.more} more findings not shown (cap {self.cap}); see the reports\n")
        self.stream.flush()
        target = os.environ.get("GITHUB_STEP_SUMMARY")
        if target and summary_md:
            with open(target, "a", encoding="utf-8") as handle:
                handle.write(summary_md + "\n")
