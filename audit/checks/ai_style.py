"""Generic AI-style phrasing in the body text. (First cut: no evidence.)"""

from __future__ import annotations

from typing import Any

from ..context import Context

REPORT_KEY = "ai_style"


def run(ctx: Context) -> dict[str, Any]:
    return {"score": 0.0, "flagged": False}
