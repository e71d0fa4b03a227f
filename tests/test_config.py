"""Settings files: [tool.audit] in pyproject.toml or audit.toml, found walking up; errors exit 2."""

from __future__ import annotations

import json

from conftest import SEEDS, run_cli

SEED = str(SEEDS / "000_764669d0dfa9a596.txt")


def _report(out):
    return json.loads((out / "000_764669d0dfa9a596.json").read_text(encoding="utf-8"))


def test_pyproject_settings_are_found_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "corpus"\n\n[tool.audit]\nignore = ["S"]\nfail-under = 99\n', encoding="utf-8")
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    proc = run_cli("run", SEED, "--out", str(tmp_path / "out"), "-q", cwd=work)
    assert proc.returncode == 1  # fail-under 99 from the file
    report = _report(tmp_path / "out")
    assert not [f for f in report["findings"] if f["code"].startswith("S")]


def test_three_line_adoption_config(tmp_path):
    cfg = tmp_path / "audit.toml"
    cfg.write_text('fail-under = 40\nignore = ["N121"]\nseverity = { A101 = "info" }\n', encoding="utf-8")
    proc = run_cli("run", str(SEEDS), "--out", str(tmp_path / "out"), "--config", str(cfg), "-q")
    assert proc.returncode == 0, proc.stderr
    for path in (tmp_path / "out").glob("0*.json"):
        report = json.loads(path.read_text(encoding="utf-8"))
        assert all(f["code"] != "N121" for f in report["findings"])
        assert all(f["severity"] == "info" for f in report["findings"] if f["code"] == "A101")


def test_thresholds_and_weights_change_the_result(tmp_path):
    cfg = tmp_path / "audit.toml"
    cfg.write_text("[weights]\nai_style = 0\nnoise = 0\ncomments = 0\ndating = 0\nattribution = 0\nreliability = 0\n"
                   "readability = 0\ncontent = 0\nlanguage = 1\n", encoding="utf-8")
    proc = run_cli("run", SEED, "--out", str(tmp_path / "out"), "--config", str(cfg), "-q")
    assert proc.returncode == 0, proc.stderr
    report = _report(tmp_path / "out")
    assert report["scores"]["overall"] == report["scores"]["language"]


def test_bad_settings_name_file_key_and_allowed_values(tmp_path):
    cases = {
        'colour = "blue"\n': "unknown key 'colour'",
        'fail-under = "high"\n': "key 'fail-under'",
        'select = ["Q9"]\n': "matches no rule",
        'severity = { A101 = "fatal" }\n': "is not error|warning|info",
        '[thresholds.R101]\nmin_reading_ease = "low"\n': "thresholds.R101.min_reading_ease",
        '[thresholds.R101]\nshoe_size = 3\n': "allowed: min_reading_ease",
        '[weights]\nvibes = 1\n': "unknown dimension",
        'not toml at all [': "not valid TOML",
    }
    for i, (text, expected) in enumerate(cases.items()):
        cfg = tmp_path / f"c{i}.toml"
        cfg.write_text(text, encoding="utf-8")
        proc = run_cli("run", SEED, "--out", str(tmp_path / "o"), "--config", str(cfg), "-q")
        assert proc.returncode == 2, (text, proc.stderr)
        assert str(cfg) in proc.stderr and expected in proc.stderr, (text, proc.stderr)


def test_config_is_data_only(tmp_path):
    marker = tmp_path / "ran"
    cfg = tmp_path / "audit.toml"
    cfg.write_text(f'ratings-file = "__import__(\'os\').system(\'touch {marker}\')"\n', encoding="utf-8")
    proc = run_cli("run", SEED, "--out", str(tmp_path / "o"), "--config", str(cfg), "-q")
    assert proc.returncode == 2 and "no such file" in proc.stderr
    assert not marker.exists()
