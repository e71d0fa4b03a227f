"""The HTML reports in a real headless Chromium (Debian's chromium, installed by .ci/run):
pages load with no console errors and no network requests, the highlighted lines match the
JSON report, hostile document text runs nothing, and screenshots are kept for people."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import REPO, run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = REPO / "tests" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

HOSTILE = """<script>window.__pwned = 'script'</script> Breaking: officials meet
<img src="http://127.0.0.1:9/x.png" onerror="window.__pwned='onerror'"> photo
<a href="javascript:window.__pwned='link'">click</a> and <div onmouseover="window.__pwned='hover'">hover</div>
[click me](javascript:alert(1)) ![tracker](http://127.0.0.1:9/t.gif) <iframe src="http://127.0.0.1:9/"></iframe>
The minister said the talks were productive and would continue next week in Geneva, where both delegations
are expected to present written proposals on the border crossings and on the exchange of prisoners.
"""


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (.ci/run installs Debian's chromium package)")
        pytest.skip("chromium not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _open(browser, path: Path, width=1200, height=900, anchor=""):
    page = browser.new_page(viewport={"width": width, "height": height})
    problems, requests = [], []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri() + anchor)
    page.wait_for_load_state("load")
    return page, problems, requests


@pytest.fixture(scope="module")
def html_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    proc = run_cli("run", "seeds", "--out", str(out), "--format", "json,html", "--fail-under", "60", "--exit-zero",
                   "-q", cwd=REPO)
    assert proc.returncode == 0, proc.stderr
    return out


def test_document_page_matches_the_json_report(browser, html_run):
    doc = "000_764669d0dfa9a596"
    page, problems, requests = _open(browser, html_run / f"{doc}.html")
    assert problems == []
    assert requests == [(html_run / f"{doc}.html").as_uri()]
    report = json.loads((html_run / f"{doc}.json").read_text(encoding="utf-8"))
    shown = page.eval_on_selector_all("[data-label]", "els => els.map(e => [Number(e.id.slice(1)), e.dataset.label])")
    assert shown == [[row["line"], row["label"]] for row in report["lines"]]
    marks = page.eval_on_selector_all("mark[data-finding]", "els => els.map(e => [Number(e.dataset.finding), e.textContent])")
    for index, text in marks:
        s, e = report["findings"][index]["span"]
        assert report["text"][s:e] == text
    # keyboard: focusing a line shows its rule tooltip
    page.focus("#L14")
    assert page.is_visible("#L14 .tip")
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "document-desktop.png"))
    page.set_viewport_size({"width": 390, "height": 844})
    page.screenshot(path=str(SHOTS / "document-phone.png"))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400, "no sideways scrolling on a phone"
    page.close()


def test_index_page(browser, html_run):
    page, problems, requests = _open(browser, html_run / "index.html")
    assert problems == [] and len(requests) == 1
    assert page.locator("svg title").first.text_content().endswith("gate at 60")
    links = page.eval_on_selector_all("table a", "els => els.map(e => e.getAttribute('href'))")
    assert "000_764669d0dfa9a596.html" in links
    for href in links:
        assert (html_run / href.split("#")[0]).exists()
    page.screenshot(path=str(SHOTS / "index.png"), full_page=True)
    page.close()


def test_hostile_text_runs_nothing_in_html_and_markdown_reports(browser, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path / "out"
    proc = run_cli("run", str(tmp_path / "in"), "--out", str(out), "--format", "json,md,html", "-q")
    assert proc.returncode == 0, proc.stderr
    page, problems, requests = _open(browser, out / "hostile.html")
    assert page.evaluate("window.__pwned") is None
    page.hover("text=hover")
    page.click("text=click", timeout=2000)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("script, iframe, img").count() == 0
    assert len(requests) == 1, requests
    page.close()

    # the Markdown report rendered to HTML the way a Markdown viewer would (with raw HTML allowed)
    from markdown_it import MarkdownIt

    md_html = MarkdownIt("commonmark", {"html": True}).render((out / "hostile.md").read_text(encoding="utf-8"))
    md_page = tmp_path / "md.html"
    md_page.write_text(f"<!doctype html><meta charset=utf-8><body>{md_html}</body>", encoding="utf-8")
    page, problems, requests = _open(browser, md_page)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("script, iframe, img").count() == 0
    hrefs = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert not any(h and h.lower().startswith("javascript") for h in hrefs)
    assert len(requests) == 1, requests
    page.close()
