"""The document-to-report function: schema, segments, spans, scores, determinism."""

from __future__ import annotations

import copy

import pytest

from audit import Document, audit_document
from audit.output import dumps
from audit.validate import ReportInvalid, validate


def test_every_seed_report_validates(seed_reports):
    for doc_id, report in seed_reports.items():
        validate("report", report, doc_id)


def test_a_broken_report_is_rejected_with_its_path(seed_reports):
    report = copy.deepcopy(next(iter(seed_reports.values())))
    report["date"]["status"] = "sometime"
    with pytest.raises(ReportInvalid, match=r"date/status"):
        validate("report", report, "broken")
    report = copy.deepcopy(next(iter(seed_reports.values())))
    report["segments"][0]["start_line"] = 0
    with pytest.raises(ReportInvalid, match=r"segments/0/start_line"):
        validate("report", report, "broken")


def test_segments_cover_every_non_blank_line_once(seed_reports, seed_paths):
    for path in seed_paths:
        lines = path.read_text(encoding="utf-8").split("\n")
        report = seed_reports[path.stem]
        covered: dict[int, int] = {}
        for seg in report["segments"]:
            assert seg["start_line"] <= seg["end_line"]
            for n in range(seg["start_line"], seg["end_line"] + 1):
                covered[n] = covered.get(n, 0) + 1
        for n, text in enumerate(lines, start=1):
            if text.strip():
                assert covered.get(n) == 1, (path.name, n)


def test_findings_spans_lie_inside_their_lines(seed_reports, seed_paths):
    for path in seed_paths:
        text = path.read_text(encoding="utf-8")
        starts = [0]
        for line in text.split("\n"):
            starts.append(starts[-1] + len(line) + 1)
        for f in seed_reports[path.stem]["findings"]:
            if f["span"] is None:
                assert f["start_line"] is None
                continue
            s, e = f["span"]
            assert 0 <= s <= e <= len(text)
            assert starts[f["start_line"] - 1] <= s and e <= starts[f["end_line"]], f


def test_every_deduction_points_at_findings_of_its_rule(seed_reports):
    for report in seed_reports.values():
        for dim, detail in report["scores"]["details"].items():
            assert 0 <= detail["score"] <= 100
            for d in detail["deductions"]:
                if "rule" in d:
                    assert d["findings"], d
                    assert all(report["findings"][i]["code"] == d["rule"] for i in d["findings"])


def test_clean_text_is_title_and_body_lines_in_order(seed_reports, seed_paths):
    for path in seed_paths:
        report = seed_reports[path.stem]
        lines = path.read_text(encoding="utf-8").split("\n")
        kept = [
            lines[n - 1].strip()
            for seg in report["segments"] if seg["label"] in ("title", "body")
            for n in range(seg["start_line"], seg["end_line"] + 1) if lines[n - 1].strip()
        ]
        assert report["clean_text"].splitlines() == kept


def test_same_input_same_bytes(seed_paths):
    path = seed_paths[0]
    text = path.read_text(encoding="utf-8")
    a = dumps(audit_document(Document(id="x", text=text)))
    b = dumps(audit_document(Document(id="x", text=text)))
    assert a == b


def test_html_document_goes_through_trafilatura(html_page):
    report = audit_document(Document(id="sls", html=html_page))
    validate("report", report, "sls")
    assert report["input"]["kind"] == "html"
    assert report["input"]["html"]["title"] == "Seeking a bigger role for a big rocket"
    assert "Michoud Assembly Facility" in report["clean_text"]
    assert report["date"]["published"] == "2019-11-18"


def test_unreadable_document_gets_an_error_report():
    report = audit_document(Document(id="bad", error="binary content (not text): refused"))
    validate("report", report, "bad")
    assert report["status"] == "error" and "binary" in report["error"]


@pytest.fixture(scope="module")
def html_page():
    from conftest import DATA

    return (DATA / "html" / "sha_1d6b2a590605.html").read_text(encoding="utf-8")


def test_summary_from_digests_equals_summary_from_whole_reports(seed_reports):
    # a pool's workers send only summary_digest(report) back to the parent
    from audit.summary import Summary, summary_digest

    reports = [*seed_reports.values(), audit_document(Document(id="broken", error="cannot decode the file"))]
    whole, digested = Summary(), Summary()
    for report in reports:
        whole.add(report, report["id"])
        digested.add(summary_digest(report), report["id"])
    assert whole.to_json() == digested.to_json()
    digest = summary_digest(reports[0])
    assert "lines" not in digest and "text" not in digest and digest["findings"]
