"""Byline, outlet and wire credits, quotes, unsourced figures, source reliability. (First cut.)"""

from __future__ import annotations

from typing import Any

from ..context import Context

REPORT_KEY = "attribution"


def run(ctx: Context) -> dict[str, Any]:
    return {"byline": None, "sources": []}
