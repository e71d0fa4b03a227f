"""The Ray Data engine on a local Ray instance (2 CPUs) writes the same bytes as a local run."""

from __future__ import annotations

import importlib.util
import os

import pytest

from conftest import REPO, run_cli

needs_ray = pytest.mark.skipif(importlib.util.find_spec("ray") is None and not os.environ.get("CI"),
                               reason="ray not installed (pip install '.[ray]'; CI installs it)")


@needs_ray
def test_ray_engine_matches_local_run_byte_for_byte(tmp_path):
    local, ray_out = tmp_path / "local", tmp_path / "ray"
    proc = run_cli("run", "seeds", "--out", str(local), "--jobs", "1", "--clean", "--format", "json,md,jsonl", "-q", cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("run", "seeds", "--out", str(ray_out), "--engine", "ray", "--jobs", "2", "--clean",
                   "--format", "json,md,jsonl", "-q", cwd=REPO, env={"RAY_AUTH_MODE": "disabled"})
    assert proc.returncode == 0, proc.stderr
    names = sorted(p.name for p in local.iterdir())
    assert names == sorted(p.name for p in ray_out.iterdir())
    assert [n for n in names if (local / n).read_bytes() != (ray_out / n).read_bytes()] == []
