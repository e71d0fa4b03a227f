"""The committed reports/ are what the main command produces today (else they are stale:
regenerate with the README's first command)."""

from __future__ import annotations

from conftest import REPO, run_cli


def test_committed_seed_reports_are_fresh(tmp_path):
    proc = run_cli("run", "seeds", "--out", str(tmp_path), "--clean", cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    committed = REPO / "reports"
    fresh = sorted(p.name for p in tmp_path.iterdir())
    assert sorted(p.name for p in committed.iterdir()) == fresh
    stale = [name for name in fresh if (tmp_path / name).read_bytes() != (committed / name).read_bytes()]
    assert not stale, f"stale reports (rerun the README's audit command): {stale}"
