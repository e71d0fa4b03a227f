"""Reader-comment section: where it starts and which lines belong to it. (First cut: none.)"""

from __future__ import annotations

from typing import Any

from ..context import Context

REPORT_KEY = "comments"


def run(ctx: Context) -> dict[str, Any]:
    return {"start_line": None, "lines": 0}
