"""Output formats: SARIF 2.1.0 (schema-valid), GitHub workflow commands, JSONL, HTML, baselines."""

from __future__ import annotations

import json

import pytest

from conftest import DATA, REPO, SEEDS, run_cli


@pytest.fixture(scope="module")
def all_formats(tmp_path_factory):
    out = tmp_path_factory.mktemp("fmt")
    proc = run_cli("run", "seeds", "--out", str(out), "--format", "json,md,jsonl,sarif,github,html",
                   "--fail-under", "70", "--exit-zero", cwd=REPO, env={"GITHUB_STEP_SUMMARY": str(out / "step.md")})
    assert proc.returncode == 0, proc.stderr
    return out, proc


def test_sarif_is_valid_and_points_at_lines(all_formats):
    from jsonschema import Draft4Validator

    out, _ = all_formats
    sarif = json.loads((out / "results.sarif").read_text(encoding="utf-8"))
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    errors = list(Draft4Validator(schema).iter_errors(sarif))
    assert not errors, errors[0].message
    run = sarif["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules.values())
    results = run["results"]
    assert results
    seed0 = (SEEDS / "000_764669d0dfa9a596.txt").read_text(encoding="utf-8").split("\n")
    located = [r for r in results if r["locations"][0]["physicalLocation"].get("region")
               and r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "seeds/000_764669d0dfa9a596.txt"]
    assert located
    for r in located:
        region = r["locations"][0]["physicalLocation"]["region"]
        assert r["ruleId"] in rules
        assert 1 <= region["startLine"] <= region["endLine"] <= len(seed0)
        assert 1 <= region["startColumn"] <= len(seed0[region["startLine"] - 1]) + 1
        assert r["partialFingerprints"]["auditFindingHash/v1"].startswith("000_764669d0dfa9a596:")


def test_github_annotations_and_step_summary(all_formats):
    out, proc = all_formats
    commands = [line for line in proc.stdout.splitlines() if line.startswith("::")]
    assert commands
    first = commands[0]
    assert first.startswith(("::warning file=seeds/", "::error file=seeds/"))
    assert "title=" in first and "::" in first[2:]
    assert (out / "step.md").read_text(encoding="utf-8").startswith("# Audit summary")


def test_github_annotations_are_capped(all_formats):
    import io

    from audit.render_github import GithubWriter

    out, _ = all_formats
    stream = io.StringIO()
    writer = GithubWriter(stream=stream, cap=3)
    report = json.loads((out / "000_764669d0dfa9a596.json").read_text(encoding="utf-8"))
    writer.add(report)
    writer.close()
    lines = stream.getvalue().splitlines()
    assert len(lines) == 4 and lines[-1].startswith("::notice::") and "more findings not shown" in lines[-1]


def test_jsonl_has_one_report_a_line_in_input_order(all_formats):
    out, _ = all_formats
    ids = [json.loads(line)["id"] for line in (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    assert ids == sorted(p.stem for p in SEEDS.glob("*.txt"))


def test_html_pages_are_self_contained(all_formats):
    out, _ = all_formats
    page = (out / "000_764669d0dfa9a596.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "<script" not in page
    assert 'src="http' not in page and "href=\"http" not in page
    report = json.loads((out / "000_764669d0dfa9a596.json").read_text(encoding="utf-8"))
    for row in report["lines"]:
        assert f'id="L{row["line"]}" data-label="{row["label"]}"' in page
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<svg" in index and "gate 70" in index and 'href="000_764669d0dfa9a596.html"' in index


def test_baseline_only_new_findings_fail(tmp_path):
    base = tmp_path / "baseline.json"
    seed = SEEDS / "000_764669d0dfa9a596.txt"
    first = run_cli("run", str(seed), "--out", str(tmp_path / "a"), "--write-baseline", str(base), "-q")
    assert first.returncode == 0 and base.exists()
    # today's findings are known: the gate passes
    again = run_cli("run", str(seed), "--out", str(tmp_path / "b"), "--baseline", str(base), "--fail-on", "warning", "-q")
    assert again.returncode == 0, again.stderr
    # an unrelated edit (a line added at the top) keeps the old findings matched...
    edited = tmp_path / "docs" / seed.name
    edited.parent.mkdir()
    text = seed.read_text(encoding="utf-8")
    edited.write_text("Breaking\n" + text, encoding="utf-8")
    moved = run_cli("run", str(edited), "--out", str(tmp_path / "c"), "--baseline", str(base), "--fail-on", "warning", "-q")
    assert moved.returncode == 0, moved.stderr
    # ...while a new unsourced survey figure is a new finding and fails the gate
    edited.write_text(text.replace("Looking ahead, the potential",
                                   "A recent poll found that 81% of voters oppose the plan. Looking ahead, the potential"),
                      encoding="utf-8")
    new = run_cli("run", str(edited), "--out", str(tmp_path / "d"), "--baseline", str(base), "--fail-on", "warning", "-q")
    assert new.returncode == 1, new.stdout
    report = json.loads((tmp_path / "d" / f"{seed.stem}.json").read_text(encoding="utf-8"))
    fresh = [f for f in report["findings"] if not f.get("baseline")]
    assert fresh and any(f["start_line"] and "81%" in f["excerpt"] for f in fresh)


def test_bad_baseline_is_a_usage_error(tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("[]", encoding="utf-8")
    proc = run_cli("run", str(SEEDS), "--out", str(tmp_path / "o"), "--baseline", str(bad))
    assert proc.returncode == 2 and "not a source-audit baseline" in proc.stderr


@pytest.mark.parametrize("kernel_copy", [True, False])
def test_spooled_jsonl_chunks_append_whole_and_in_place(tmp_path, monkeypatch, kernel_copy):
    """A pooled run appends each worker's chunk file to reports.jsonl; where the kernel copy is
    missing or refused, the plain copy writes the same bytes."""
    import os

    from audit.output import append_file

    if not kernel_copy:
        def refuse(*args):
            raise OSError(18, "Invalid cross-device link")
        monkeypatch.setattr(os, "copy_file_range", refuse, raising=False)
    chunks = []
    for n in range(3):
        lines = "".join(json.dumps({"id": f"c{n}-{i}", "text": "é" * (n * 1000 + i)}) + "\n" for i in range(5))
        chunk = tmp_path / f"{n:08d}.jsonl"
        chunk.write_text(lines, encoding="utf-8")
        chunks.append(chunk)
    out = tmp_path / "reports.jsonl"
    with out.open("wb") as handle:
        handle.write(b'{"id": "first"}\n')
        for chunk in chunks:
            append_file(handle, chunk)
        handle.write(b'{"id": "last"}\n')  # the buffered writer goes on at the end
    expected = b'{"id": "first"}\n' + b"".join(c.read_bytes() for c in chunks) + b'{"id": "last"}\n'
    assert out.read_bytes() == expected
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()][:3] == ["first", "c0-0", "c0-1"]
