"""The command line: outputs, exit codes 0 / 1 / 2, schema, rules, explain."""

from __future__ import annotations

import json

from conftest import SEEDS, run_cli


def test_run_writes_reports_summary_and_clean_text(tmp_path):
    out = tmp_path / "r"
    proc = run_cli("run", str(SEEDS), "--out", str(out), "--clean")
    assert proc.returncode == 0, proc.stderr
    stems = sorted(p.stem for p in SEEDS.glob("*.txt"))
    for stem in stems:
        assert json.loads((out / f"{stem}.json").read_text())["id"] == stem
        assert (out / f"{stem}.md").read_text().replace("\\", "").startswith(f"# Audit: {stem}")
        assert (out / f"{stem}.clean.txt").exists()
    summary = json.loads((out / "summary.json").read_text())
    assert summary["documents"] == 5 and summary["audited"] == 5
    assert [e["id"] for e in summary["ranking"]] != []
    assert (out / "summary.md").read_text().startswith("# Audit summary")


def test_without_clean_no_clean_text(tmp_path):
    proc = run_cli("run", str(SEEDS / "001_57a7feaa136c7dfe.txt"), "--out", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert not list(tmp_path.glob("*.clean.txt"))


def test_gate_fails_with_exit_1_and_names_the_documents(tmp_path):
    proc = run_cli("run", str(SEEDS), "--out", str(tmp_path), "--fail-under", "100")
    assert proc.returncode == 1
    assert "gate:" in proc.stderr
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["gate"]["passed"] is False and summary["gate"]["reasons"]


def test_gate_passes_with_exit_0(tmp_path):
    proc = run_cli("run", str(SEEDS), "--out", str(tmp_path), "--fail-under", "0")
    assert proc.returncode == 0, proc.stderr


def test_fail_on_warning_fails_a_page_with_warnings(tmp_path):
    # seed 000 is a content-farm page: it has warnings (AI style, unsourced figures, ...)
    proc = run_cli("run", str(SEEDS / "000_764669d0dfa9a596.txt"), "--out", str(tmp_path), "--fail-on", "warning")
    assert proc.returncode == 1


def test_usage_errors_exit_2(tmp_path):
    assert run_cli("run", str(tmp_path / "nope.txt"), "--out", str(tmp_path)).returncode == 2
    assert run_cli("run", str(SEEDS), "--out", str(tmp_path), "--fail-under", "150").returncode == 2
    assert run_cli("run", str(SEEDS), "--out", str(tmp_path), "--fail-on", "sometimes").returncode == 2
    assert run_cli("run", str(SEEDS)).returncode == 2  # --out missing
    assert run_cli("frobnicate").returncode == 2
    assert run_cli("explain", "Z999").returncode == 2


def test_schema_command_prints_the_report_schema():
    proc = run_cli("schema")
    assert proc.returncode == 0
    schema = json.loads(proc.stdout)
    assert schema["$schema"].endswith("2020-12/schema")
    assert "segments" in schema["required"]
    assert json.loads(run_cli("schema", "summary").stdout)["title"] == "source-audit run summary"


def test_rules_and_explain():
    proc = run_cli("rules")
    assert proc.returncode == 0
    codes = [line.split()[0] for line in proc.stdout.splitlines()]
    assert codes == sorted(codes) and len(codes) == len(set(codes))
    families = {line.split()[2] for line in proc.stdout.splitlines()}
    assert {"noise", "comments", "dates", "attribution", "ai_style", "language", "readability"} <= families
    first = codes[0]
    explained = run_cli("explain", first.lower())
    assert explained.returncode == 0 and first in explained.stdout and "Turn it off" in explained.stdout
