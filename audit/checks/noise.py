"""Boilerplate and scraping damage: labels every line title / body / meta / boilerplate.

(First cut: every non-blank line is body. The line classifier replaces this.)
"""

from __future__ import annotations

from typing import Any

from ..context import Context
from ..model import LineLabel

REPORT_KEY = "noise"


def run(ctx: Context) -> dict[str, Any]:
    ctx.labels = [LineLabel("body") for _ in ctx.page.lines]
    return {"boilerplate_lines": 0, "content_lines": sum(not ln.blank for ln in ctx.page.lines), "kinds": {}}
