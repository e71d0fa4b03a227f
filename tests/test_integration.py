"""The GitHub Actions example and the pre-commit hook definition, exercised where they can be."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import REPO, SEEDS, run_cli


def test_github_workflow_example_runs_its_audit_step(tmp_path):
    workflow = yaml.safe_load((REPO / "examples" / "github-actions" / "audit.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["audit"]["steps"]
    audit_step = next(s for s in steps if s.get("name") == "Audit")
    argv = shlex.split(audit_step["run"])
    assert argv[:2] == ["audit", "run"]
    # the step's command, on a corpus folder with a baseline written first (the adoption path)
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    (tmp_path / "pyproject.toml").write_text("[tool.audit]\nfail-under = 50\n", encoding="utf-8")
    first = run_cli("run", "corpus", "--out", "audit-reports", "--write-baseline", "audit-baseline.json", "-q", cwd=tmp_path)
    assert first.returncode in (0, 1), first.stderr
    step = tmp_path / "step-summary.md"
    proc = run_cli(*argv[1:], cwd=tmp_path, env={"GITHUB_STEP_SUMMARY": str(step)})
    assert proc.returncode == 0, proc.stderr  # today's findings are in the baseline
    upload = next(s for s in steps if s.get("name") == "Upload SARIF")
    assert (tmp_path / upload["with"]["sarif_file"]).exists()
    assert step.read_text(encoding="utf-8").startswith("# Audit summary")


def test_pre_commit_hook_runs_on_a_sample(tmp_path):
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "source-audit")
    assert hook["entry"].startswith("audit run")
    pre_commit = shutil.which("pre-commit") or os.path.join(os.path.dirname(sys.executable), "pre-commit")
    if not os.path.exists(pre_commit):
        pytest.skip("pre-commit is not installed")
    sample = tmp_path / "work"
    sample.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=sample, check=True)
    shutil.copy(SEEDS / "003_fe09d524997e67dd.txt", sample / "article.txt")
    subprocess.run(["git", "add", "article.txt"], cwd=sample, check=True)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    proc = subprocess.run([pre_commit, "try-repo", str(REPO), "source-audit", "--files", "article.txt", "--verbose"],
                          cwd=sample, env=env, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "source-audit" in proc.stdout and "Passed" in proc.stdout
    report = json.loads((sample / ".audit-reports" / "article.json").read_text(encoding="utf-8"))
    assert report["id"] == "article" and report["status"] == "ok"
