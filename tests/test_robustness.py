"""Bad input, hostile names, crashes mid-run, determinism: the run goes on, nothing is lost,
nothing is written outside --out, the same input gives the same bytes."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from audit.output import NameAllocator
from conftest import DATA, REPO, SEEDS, run_cli


def _summary(out):
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def _reports(out):
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if not p.name.startswith(".")}


def test_bad_inputs_get_error_reports_and_the_run_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (src / "latin1.txt").write_bytes("Le café était fermé à Noël, déjà.\nLa réunion a été reportée.\n".encode("latin-1"))
    (src / "cp1251.txt").write_bytes("Минск, 5 декабря. Президент заявил о переговорах.\n".encode("cp1251"))
    (src / "utf16.txt").write_bytes("Über die Grenze: Gespräche in Genf.\n".encode("utf-16"))
    (src / "badutf8.txt").write_bytes(b"Valid start \xff\xfe then more text here.\n")
    (src / "empty.txt").write_bytes(b"")
    (src / "blank.txt").write_bytes(b"  \n\t\n   \n")
    (src / "crlf.txt").write_bytes(b"Headline\r\n\r\nFirst paragraph of the story.\rSecond line after a lone CR.\r\n")
    (src / "deep.html").write_text("<div>" * 5000 + "Deep text" + "</div>" * 10, encoding="utf-8")
    (src / "broken.html").write_text("<html><body><p>Unclosed <b>bold <table><tr><td>cell", encoding="utf-8")
    (src / "records.jsonl").write_text('{"id": "ok1", "text": "Fine."}\n{oops\n{"id": 5, "text": 7}\n'
                                       '{"id": "ok1", "text": "Duplicate id."}\n', encoding="utf-8")
    (src / "cut.jsonl.gz").write_bytes(gzip.compress(b'{"id": "g1", "text": "x"}\n' * 200)[:-20])
    (src / "crawl.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999\r\n\r\nHTTP/1.1 200"))
    unreadable = src / "secret.txt"
    unreadable.write_text("hidden", encoding="utf-8")
    unreadable.chmod(0)
    os.symlink(src / "gone.txt", src / "dangling.txt")  # unreadable even for root
    (src / "loop").mkdir()
    os.symlink(src / "loop", src / "loop" / "again")
    out = tmp_path / "out"
    proc = run_cli("run", str(src), "--out", str(out), "-q", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    summary = _summary(out)
    reports = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json") if p.stem != "summary"}
    assert reports["image"]["status"] == "error" and "binary" in reports["image"]["error"]
    assert reports["latin1"]["input"]["encoding"] and "café" in reports["latin1"]["text"]
    assert "Минск" in reports["cp1251"]["text"] and "1251" in reports["cp1251"]["input"]["encoding"]
    assert reports["utf16"]["input"]["encoding"] == "utf-16" and "Über" in reports["utf16"]["text"]
    assert "Valid start" in reports["badutf8"]["text"]
    for name in ("empty", "blank"):
        assert reports[name]["status"] == "ok" and reports[name]["segments"] == []
    crlf = reports["crlf"]
    assert crlf["text"].split("\n")[:4] == ["Headline", "", "First paragraph of the story.", "Second line after a lone CR."]
    assert reports["deep"]["status"] == "ok" and reports["broken"]["status"] == "ok"
    assert reports["records-2"]["status"] == "error" and "bad JSON" in reports["records-2"]["error"]
    assert reports["ok1"]["status"] == "ok" and reports["ok1~2"]["output_name"] == "ok1~2"
    assert reports["5"]["status"] == "error"  # text is not a string
    assert any(r["status"] == "error" and "input stops" in r["error"] for r in reports.values() if r["id"].startswith("cut"))
    assert any(r["status"] == "error" and "WARC" in r["error"] for r in reports.values() if r["id"].startswith("crawl"))
    assert reports["dangling"]["status"] == "error" and "cannot read" in reports["dangling"]["error"]
    if os.geteuid() != 0:  # root reads any file
        assert reports["secret"]["status"] == "error" and "cannot read" in reports["secret"]["error"]
    assert summary["failed"] == sum(r["status"] == "error" for r in reports.values())
    assert {e["id"] for e in summary["errors"]} == {r["id"] for r in reports.values() if r["status"] == "error"}


def test_big_inputs_are_bounded_and_flagged_truncated(tmp_path):
    src = tmp_path / "big"
    src.mkdir()
    line = ("The council approved the budget after a long debate about schools and roads. " * 700_000)[:50_000_000]
    (src / "one_line.txt").write_text(line, encoding="utf-8")
    paragraph = ("Residents said the new bridge would cut their commute by half an hour.\n" * 1000).encode()
    with (src / "huge.txt").open("wb") as handle:  # 200 MB of ordinary lines
        for _ in range(200 * 1024 * 1024 // len(paragraph)):
            handle.write(paragraph)
    out = tmp_path / "out"
    t0 = time.monotonic()
    proc = run_cli("run", str(src), "--out", str(out), "-q", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    for name in ("one_line", "huge"):
        report = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
        assert report["input"]["truncated"] is True and report["status"] == "ok"
        assert any(f["code"] == "E101" for f in report["findings"])
    assert time.monotonic() - t0 < 120


def test_ids_never_escape_the_output_folder(tmp_path):
    ids = ["../../etc/passwd", "/abs/path", "a\x00b", "CON", "summary", "x" * 500, "same/name", "same_name", "", "..", "ok"]
    src = tmp_path / "ids.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"Text of document {n}."}) + "\n" for n, i in enumerate(ids)),
                   encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("run", str(src), "--out", str(out), "-q")
    assert proc.returncode == 0, proc.stderr
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p != src]
    assert all(out in p.parents for p in written)
    names = [p.name for p in out.glob("*.json")]
    assert len(names) == len(ids) + 1  # + summary.json
    assert all(len(n) < 140 for n in names)
    allocator = NameAllocator()
    assert allocator.allocate("same/name") != allocator.allocate("same_name")
    summary = _summary(out)
    assert summary["documents"] == len(ids)


def test_jobs_and_input_order_do_not_change_a_byte(tmp_path):
    """The seeds, the 30 DEV pages of the regression sample and a JSONL batch."""
    src = tmp_path / "docs"
    src.mkdir()
    for path in [*SEEDS.glob("*.txt"), *(DATA / "regression" / "docs").glob("*.txt")]:
        shutil.copy(path, src / path.name)
    (src / "batch.jsonl").write_text(
        "".join(json.dumps({"id": f"j{i}", "text": (SEEDS / "003_fe09d524997e67dd.txt").read_text(encoding="utf-8")[: 400 + 37 * i]})
                + "\n" for i in range(12)), encoding="utf-8")
    # pages of one site sharing a menu and a footer: corpus evidence (site template lines)
    story = [ln for ln in (SEEDS / "003_fe09d524997e67dd.txt").read_text(encoding="utf-8").splitlines() if ln]
    (src / "site.jsonl").write_text(
        "".join(json.dumps({"id": f"k{i}", "url": f"https://courier.example/a/{i}",
                            "text": "\n".join(["Home | News | Sport | Weather", *story[2 + 2 * i: 8 + 2 * i],
                                               "Contact us | Privacy policy | Terms"])}) + "\n" for i in range(8)),
        encoding="utf-8")
    one, two = tmp_path / "one", tmp_path / "two"
    formats = ("--format", "json,md,jsonl")
    assert run_cli("run", str(src), "--out", str(one), "--jobs", "1", "--clean", *formats, "-q").returncode == 0
    # the same files named in another order
    files = sorted(str(p) for p in src.iterdir())[::-1]
    assert run_cli("run", *files, "--out", str(two), "--jobs", "2", "--clean", *formats, "-q").returncode == 0
    a, b = _reports(one), _reports(two)
    assert a.keys() == b.keys() and "reports.jsonl" in a
    # the workers' JSONL chunks were appended in input order, and none is left behind
    assert not [p.name for p in two.iterdir() if p.name.startswith(".")]
    differ = [k for k in a if a[k] != b[k] and k not in ("summary.json", "summary.md", "reports.jsonl")]
    assert differ == []
    # the JSONL file follows the input order: the same lines, in the order the files were named
    assert sorted(a["reports.jsonl"].splitlines()) == sorted(b["reports.jsonl"].splitlines())
    three = tmp_path / "three"
    assert run_cli("run", str(src), "--out", str(three), "--jobs", "2", "--format", "jsonl", "-q").returncode == 0
    assert (three / "reports.jsonl").read_bytes() == a["reports.jsonl"]
    # the site's shared lines were found as its template by the workers of the two-job run
    # (they read the corpus counts the parent added up in shared memory)
    templated = [k for k in b if k.startswith("k") and k.endswith(".json") and b'"N105"' in b[k]]
    assert len(templated) == 8
    sa, sb = _summary(one), _summary(two)
    for key in ("ranking", "rules", "histogram", "dimension_means", "date_status", "languages"):
        assert sa[key] == sb[key], key


def test_killed_run_resumes_to_identical_reports(tmp_path):
    src = tmp_path / "corpus.jsonl"
    base = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    src.write_text("".join(json.dumps({"id": f"d{i:03d}", "text": base[i % 5] + f"\nEdition {i}.\n"}) + "\n"
                           for i in range(120)), encoding="utf-8")
    full, cut = tmp_path / "full", tmp_path / "cut"
    assert run_cli("run", str(src), "--out", str(full), "--jobs", "1", "-q").returncode == 0
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "audit", "run", str(src), "--out", str(cut), "--jobs", "1", "-q"],
                            cwd=REPO, env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list(cut.glob("*.json"))) < 15:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(list(cut.glob("d*.json")))
    assert 0 < done_before < 120, "the run was killed partway"
    for path in cut.glob("d*.json"):  # whatever exists is complete
        json.loads(path.read_text(encoding="utf-8"))
    resumed = run_cli("run", str(src), "--out", str(cut), "--jobs", "2", "--resume", "-q")
    assert resumed.returncode == 0, resumed.stderr
    assert _reports(full) == _reports(cut)


def test_jsonl_only_run_keeps_ids_and_no_per_document_state(tmp_path):
    """Without files per document there are no file names to keep unique: two records with
    one id are two reports under that id (a per-document run names the second "dup~2")."""
    text = (SEEDS / "002_19ca5700293a0b5e.txt").read_text(encoding="utf-8")
    src = tmp_path / "dups.jsonl"
    src.write_text("".join(json.dumps({"id": "dup", "text": text[: 900 + 300 * i]}) + "\n" for i in range(2)),
                   encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("run", str(src), "--out", str(out), "--format", "jsonl", "-q").returncode == 0
    lines = [json.loads(line) for line in (out / "reports.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in lines] == ["dup", "dup"] and all("output_name" not in r for r in lines)
    assert _summary(out)["documents"] == 2
    files = tmp_path / "files"
    assert run_cli("run", str(src), "--out", str(files), "-q").returncode == 0
    assert json.loads((files / "dup~2.json").read_text(encoding="utf-8"))["output_name"] == "dup~2"


# ------------------------------------------------------------------ a time limit per document

def test_time_limit_stops_a_runaway_regular_expression():
    """The shape of the contrast pattern that once hung on an indented shop page: a repeat of
    a repeat, on a run of spaces that ends in no match (2^40 ways to try)."""
    import re

    from audit.timelimit import DocumentTimeout, time_limit

    runaway = re.compile(r"(?:[^\S\n]+|-)+x")
    started = time.monotonic()
    with pytest.raises(DocumentTimeout, match="no report within 0.2 s"):
        with time_limit(0.2):
            runaway.match(" " * 40)
    assert time.monotonic() - started < 30
    with time_limit(5):  # a limit that is not reached changes nothing
        assert runaway.match(" " * 3 + "x")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)  # and leaves no timer behind


def test_a_document_over_the_time_limit_gets_an_error_report_and_the_run_goes_on(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    pages = [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests/data/regression/docs").glob("*.txt"))]
    big = "".join(pages)
    (corpus / "big.txt").write_text(big * (2_000_000 // len(big) + 1), encoding="utf-8")  # ~2 s of work
    (corpus / "small.txt").write_text(pages[0], encoding="utf-8")
    summaries = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        done = run_cli("run", str(corpus), "--out", str(out), "--jobs", jobs, "--doc-timeout", "0.5", "-q")
        assert done.returncode == 0, done.stderr
        big_report = json.loads((out / "big.json").read_text(encoding="utf-8"))
        assert big_report["status"] == "error" and big_report["error"].startswith("timed out in ")
        assert json.loads((out / "small.json").read_text(encoding="utf-8"))["status"] == "ok"
        summaries.append(_summary(out))
        assert summaries[-1]["failed"] == 1 and summaries[-1]["errors"][0]["id"] == "big"
    # the same summary, but for the check the time ran out in, which depends on the machine's speed
    errors = [summary.pop("errors") for summary in summaries]
    assert summaries[0] == summaries[1] and [e[0]["id"] for e in errors] == ["big", "big"]
    # --resume gives a timed-out document another try (here without a limit)
    again = run_cli("run", str(corpus), "--out", str(tmp_path / "out1"), "--resume", "--doc-timeout", "0", "-q")
    assert again.returncode == 0, again.stderr
    assert json.loads((tmp_path / "out1" / "big.json").read_text(encoding="utf-8"))["status"] == "ok"
    assert run_cli("run", str(corpus), "--out", str(tmp_path / "x"), "--doc-timeout", "-1").returncode == 2
