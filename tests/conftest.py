from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="session")
def seed_reports(seed_paths):
    """Reports of the five seeds, audited once per test session."""
    from audit import Document, audit_document

    out = {}
    for path in seed_paths:
        doc = Document(id=path.stem, text=path.read_text(encoding="utf-8"), source=f"seeds/{path.name}")
        out[path.stem] = audit_document(doc)
    return out


@pytest.fixture(scope="session")
def seeds_gold() -> dict[str, dict]:
    rows = [json.loads(line) for line in (DATA / "seeds_gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    return {row["id"]: row for row in rows}


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, stdin: str | None = None):
    """Run `python -m audit ...` from the source tree; returns the CompletedProcess."""
    import os
    import subprocess

    full_env = {**os.environ, **(env or {})}
    full_env["PYTHONPATH"] = str(REPO) + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "audit", *args],
        cwd=cwd or REPO,
        env=full_env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
    )
