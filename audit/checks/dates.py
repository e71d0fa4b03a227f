"""Publication date with provenance. (First cut: missing.)"""

from __future__ import annotations

from typing import Any

from ..context import Context

REPORT_KEY = "date"


def run(ctx: Context) -> dict[str, Any]:
    return {"published": None, "status": "missing", "line": None, "source": None}
