"""Self-contained HTML reports: one page per document and an index page for the run.

Render only. No network: styles are inline and there is no script at all (hover and
keyboard focus show the rule through CSS), and a Content-Security-Policy meta tag forbids
loading anything. All document text goes through `html.escape`; URLs from documents are
shown as text, never as links.
"""

from __future__ import annotations

from html import escape
from typing import Any

LABEL_NAMES = {"title": "title", "body": "body", "meta": "meta", "boilerplate": "boilerplate", "comment": "comment"}
FAMILY_CLASS = {
    "noise": "f-noise", "comments": "f-comments", "dates": "f-dates", "attribution": "f-attribution",
    "ai_style": "f-ai", "language": "f-lang", "readability": "f-read", "input": "f-input",
}
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

STYLE = """
:root{--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--title:#0a3069;--meta:#8250df;
--boiler:#6e7781;--comment:#9a6700;--body:#1b1f24;--hl-ai:#ffd8b5;--hl-att:#cde9ff;--hl-date:#d8f5d0;
--hl-noise:#eee;--focus:#0969da}
*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:72rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem;word-break:break-word}h2{font-size:1.15rem;margin-top:2rem}
.verdict{font-weight:600}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(8.5rem,1fr));gap:.5rem;margin:1rem 0}
.card{border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem}.card b{display:block;font-size:1.6rem}
.card.overall{border-width:2px}.low{color:#cf222e}.mid{color:#9a6700}.high{color:#1a7f37}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
.doc{border:1px solid var(--line);border-radius:.5rem;overflow-x:auto;font:14px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace}
.ln{display:grid;grid-template-columns:3.5rem 6.5rem 1fr;border-left:4px solid transparent;position:relative}
.ln:focus{outline:2px solid var(--focus);outline-offset:-2px}.no{color:var(--muted);text-align:right;padding-right:.6rem;user-select:none}
.lab{font-size:.75rem;color:var(--muted);padding-top:.1rem}.tx{white-space:pre-wrap;word-break:break-word;padding-right:.5rem}
.l-title{border-left-color:var(--title)}.l-title .tx{font-weight:700;color:var(--title)}
.l-meta{border-left-color:var(--meta)}.l-meta .tx{color:var(--meta)}
.l-boilerplate{border-left-color:var(--boiler)}.l-boilerplate .tx{color:var(--boiler);text-decoration:line-through;text-decoration-color:#bbb}
.l-comment{border-left-color:var(--comment)}.l-comment .tx{color:var(--comment);font-style:italic}
.l-blank{min-height:.6rem}
.tip{display:none;position:absolute;left:10rem;top:100%;z-index:2;background:#1b1f24;color:#fff;padding:.25rem .5rem;border-radius:.3rem;font:12px/1.4 system-ui,sans-serif;max-width:min(32rem,calc(100vw - 5rem))}
.ln:hover .tip,.ln:focus .tip,.ln:focus-within .tip{display:block}
mark{border-radius:.2rem;padding:0 .1rem;color:inherit}mark.f-ai{background:var(--hl-ai)}mark.f-attribution{background:var(--hl-att)}
mark.f-dates{background:var(--hl-date)}mark.f-noise,mark.f-comments,mark.f-read,mark.f-lang,mark.f-input{background:var(--hl-noise)}
mark:focus{outline:2px solid var(--focus)}
.legend span{display:inline-block;margin-right:.8rem;font-size:.85rem}.sw{display:inline-block;width:.8rem;height:.8rem;border-radius:.15rem;vertical-align:-.1rem;margin-right:.25rem}
.sev-error{color:#cf222e;font-weight:600}.sev-warning{color:#9a6700}.sev-info{color:var(--muted)}
a{color:var(--focus)}a:focus,.skip:focus{outline:2px solid var(--focus)}.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.3rem}
@media (max-width:40rem){.ln{grid-template-columns:2.6rem 1fr}.lab{display:none}.tip{left:2.6rem}}
@media print{.tip{display:none!important}.doc{border:none}.ln{break-inside:avoid}a{color:inherit}}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#8d96a0;--line:#30363d;--title:#79c0ff;--meta:#d2a8ff;--boiler:#8d96a0;--comment:#e3b341;--hl-ai:#5a3a1a;--hl-att:#173a5e;--hl-date:#1f4a26;--hl-noise:#2d333b}.skip:focus{background:#0d1117}}
"""


def _page(title: str, body: str) -> str:
    return (
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><a class=\"skip\" href=\"#main\">Skip to content</a><main id=\"main\">{body}</main></body></html>\n"
    )


def _grade(score: int) -> str:
    return "high" if score >= 80 else "mid" if score >= 60 else "low"


def _cards(scores: dict[str, Any]) -> str:
    cards = [f'<div class="card overall"><span>overall</span><b class="{_grade(scores["overall"])}">{scores["overall"]}</b></div>']
    for dim, detail in scores["details"].items():
        reasons = "; ".join(f"−{d['points']} {d['reason']}" for d in detail["deductions"]) or "no deductions"
        cards.append(
            f'<div class="card" title="{escape(reasons)}"><span>{escape(dim)}</span>'
            f'<b class="{_grade(detail["score"])}">{detail["score"]}</b></div>'
        )
    return '<section aria-label="scores" class="cards">' + "".join(cards) + "</section>"


def _line_spans(report: dict[str, Any]) -> dict[int, list[tuple[int, int, dict[str, Any], int]]]:
    """Findings that mark part of one line: line -> [(col_start, col_end, finding, index)]."""
    text = report["text"]
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    out: dict[int, list] = {}
    for i, f in enumerate(report["findings"]):
        if f["span"] is None or f["start_line"] != f["end_line"]:
            continue
        line_start = starts[f["start_line"] - 1]
        line_len = starts[f["start_line"]] - line_start - 1
        s, e = f["span"][0] - line_start, f["span"][1] - line_start
        if 0 <= s < e <= line_len and (s, e) != (0, line_len):
            out.setdefault(f["start_line"], []).append((s, e, f, i))
    return out


def _marked(line: str, spans: list[tuple[int, int, dict[str, Any], int]]) -> str:
    """The line with non-overlapping finding spans wrapped in <mark> (first span wins)."""
    parts, pos = [], 0
    for s, e, f, i in sorted(spans, key=lambda x: (x[0], -x[1])):
        if s < pos:
            continue
        parts.append(escape(line[pos:s]))
        label = f"{f['code']} {f['name']}: {f['message']}"
        parts.append(
            f'<mark class="{FAMILY_CLASS.get(f["family"], "f-noise")}" tabindex="0" title="{escape(label)}" '
            f'aria-label="{escape(label)}" data-finding="{i}">{escape(line[s:e])}</mark>'
        )
        pos = e
    parts.append(escape(line[pos:]))
    return "".join(parts)


def render_html_report(report: dict[str, Any]) -> str:
    title = f"Audit: {report['id']}"
    out = [f"<h1>{escape(title)}</h1>"]
    if report["status"] != "ok":
        out.append(f"<p><strong>Not audited:</strong> {escape(report.get('error', ''))}</p>")
        return _page(title, "".join(out))
    out.append(f'<p class="verdict">{escape(report["verdict"])}</p>')
    out.append(_cards(report["scores"]))

    date, att, ai, lang = report["date"], report["attribution"], report["ai_style"], report["language"]
    facts = [
        ("published", f"{date['published'] or '—'} ({date['status']})"
         + (f", line {date['line']}" if date.get("line") else "") + (f", from {date['source']}" if date.get("source") else "")),
        ("byline", att["byline"] or "—"),
        ("sources", ", ".join(att["sources"]) or "—"),
        ("reliability", _reliability_text(att.get("reliability"))),
        ("AI-style phrasing", f"score {ai['score']:.2f}, {'flagged' if ai['flagged'] else 'not flagged'}"
         + (f" — {ai['note']}" if ai.get("note") else "")),
        ("language", f"{lang['code']}" + (f" ({lang['confidence']:.2f})" if "confidence" in lang else "")),
        ("input", f"{report['input']['kind']}" + (f", {report['input']['source']}" if report["input"].get("source") else "")
         + (", truncated" if report["input"].get("truncated") else "")
         + (f", hard-wrapped at {report['input']['unwrapped']['width']} columns" if report["input"].get("unwrapped") else "")),
    ]
    if report["input"].get("url"):
        facts.append(("url", report["input"]["url"]))
    out.append('<h2>Date and attribution</h2><table><tbody>')
    out.extend(f"<tr><th scope=\"row\">{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in facts)
    out.append("</tbody></table>")

    out.append('<h2 id="text">Text</h2><p class="legend">'
               '<span><i class="sw" style="background:var(--title)"></i>title</span>'
               '<span><i class="sw" style="background:var(--body)"></i>body</span>'
               '<span><i class="sw" style="background:var(--meta)"></i>meta</span>'
               '<span><i class="sw" style="background:var(--boiler)"></i>boilerplate (struck through)</span>'
               '<span><i class="sw" style="background:var(--comment)"></i>comment</span>'
               '<span><i class="sw" style="background:var(--hl-ai)"></i>AI-style span</span>'
               '<span><i class="sw" style="background:var(--hl-att)"></i>attribution span</span>'
               '<span><i class="sw" style="background:var(--hl-date)"></i>date span</span></p>')
    labels = {row["line"]: row for row in report.get("lines", [])}
    spans = _line_spans(report)
    by_line: dict[int, list[str]] = {}
    for f in report["findings"]:
        if f["start_line"] is not None:
            by_line.setdefault(f["start_line"], []).append(f"{f['code']} {f['name']}")
    rows = ['<div class="doc" role="list" aria-label="document lines">']
    for number, line in enumerate(report["text"].split("\n"), start=1):
        row = labels.get(number)
        if row is None:
            if line.strip() or number <= len(report["text"].split("\n")) - 1:
                rows.append(f'<div class="ln l-blank" id="L{number}" role="listitem"><span class="no">{number}</span></div>')
            continue
        kind = f" · {row['kind']}" if row.get("kind") else ""
        rule = f"rule {row['rule']}" if row.get("rule") else "no rule"
        tip = f"{row['label']}{kind} — {rule}" + (f"; findings: {', '.join(by_line[number])}" if number in by_line else "")
        rows.append(
            f'<div class="ln l-{row["label"]}" id="L{number}" data-label="{row["label"]}" tabindex="0" role="listitem" '
            f'aria-label="line {number}: {escape(tip)}"><span class="no">{number}</span>'
            f'<span class="lab">{escape(row["label"] + kind)}</span><span class="tx">{_marked(line, spans.get(number, []))}</span>'
            f'<span class="tip" role="tooltip">{escape(tip)}</span></div>'
        )
    rows.append("</div>")
    out.extend(rows)

    out.append(f'<h2 id="findings">Findings ({len(report["findings"])})</h2>')
    if report["findings"]:
        out.append('<table><thead><tr><th scope="col">#</th><th scope="col">line</th><th scope="col">rule</th>'
                   '<th scope="col">severity</th><th scope="col">message</th></tr></thead><tbody>')
        for i, f in enumerate(report["findings"]):
            where = (f'<a href="#L{f["start_line"]}">{f["start_line"]}</a>' if f["start_line"] else "doc")
            out.append(f"<tr id=\"F{i}\"><td>{i}</td><td>{where}</td><td>{escape(f['code'] + ' ' + f['name'])}</td>"
                       f"<td class=\"sev-{f['severity']}\">{f['severity']}</td><td>{escape(f['message'])}</td></tr>")
        out.append("</tbody></table>")
    else:
        out.append("<p>No findings.</p>")
    out.append('<p><a href="index.html">← all documents</a></p>')
    return _page(title, "".join(out))


def _reliability_text(rel: dict[str, Any] | None) -> str:
    if not rel:
        return "—"
    label = rel.get("rating") or rel.get("label")
    return f"{rel.get('domain') or '—'}: {label if label is not None else 'not rated'}"


def histogram_svg(histogram: list[dict[str, Any]], threshold: float | None) -> str:
    width, height, pad = 420, 180, 28
    bar_w = (width - 2 * pad) / len(histogram)
    top = max((b["documents"] for b in histogram), default=0) or 1
    parts = [f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-labelledby="hist-t" '
             f'style="max-width:{width}px"><title id="hist-t">Documents by overall score'
             + (f", gate at {threshold:g}" if threshold is not None else "") + "</title>"]
    for i, b in enumerate(histogram):
        h = (height - 2 * pad) * b["documents"] / top
        x, y = pad + i * bar_w, height - pad - h
        parts.append(f'<rect x="{x + 2:.1f}" y="{y:.1f}" width="{bar_w - 4:.1f}" height="{h:.1f}" fill="#0969da">'
                     f'<title>{b["from"]}–{b["to"]}: {b["documents"]} documents</title></rect>')
        parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{height - pad + 14}" font-size="10" text-anchor="middle" fill="currentColor">{b["from"]}</text>')
        if b["documents"]:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{y - 3:.1f}" font-size="10" text-anchor="middle" fill="currentColor">{b["documents"]}</text>')
    if threshold is not None:
        x = pad + (width - 2 * pad) * threshold / 100
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{pad - 10}" y2="{height - pad}" stroke="#cf222e" stroke-width="2" stroke-dasharray="4 3"/>'
                     f'<text x="{x + 3:.1f}" y="{pad - 12}" font-size="11" fill="#cf222e">gate {threshold:g}</text>')
    parts.append("</svg>")
    return "".join(parts)


def render_html_index(summary: dict[str, Any]) -> str:
    gate = summary["gate"]
    out = ["<h1>Audit summary</h1>"]
    out.append(f'<p class="verdict">Gate: {"passed" if gate["passed"] else "FAILED"} — '
               f'{summary["documents"]} documents, {summary["audited"]} audited, {summary["failed"]} could not be audited'
               + (f", mean score {summary['mean_overall']}" if summary["mean_overall"] is not None else "") + "</p>")
    main = summary["main_text"]
    if main["mean_words"] is not None:
        out.append(f"<p>Main text: {main['words']:,} words (mean {main['mean_words']:,} a document); none in "
                   f"{main['documents_without']}, under the minimum in {main['documents_under_minimum']}.</p>")
    if summary.get("truncated") or summary.get("unwrapped"):
        out.append(f"<p>Truncated (only a prefix analysed): {summary.get('truncated', 0)}; hard-wrapped plain "
                   f"text, analysed with its lines joined: {summary.get('unwrapped', 0)}.</p>")
    if not gate["passed"]:
        out.append("<ul>" + "".join(f"<li>{escape(r)}</li>" for r in gate["reasons"][:20]) + "</ul>")
    out.append("<h2>Scores</h2>" + histogram_svg(summary["histogram"], gate.get("fail_under")))
    if summary["ranking"]:
        out.append("<h2>Worst documents</h2><table><thead><tr><th scope=\"col\">document</th><th scope=\"col\">overall</th>"
                   "<th scope=\"col\">verdict</th></tr></thead><tbody>")
        for e in summary["ranking"][:50]:
            href = escape(e.get("file", e["id"])) + ".html"
            out.append(f'<tr><td><a href="{href}">{escape(e["id"])}</a></td><td class="{_grade(e["overall"])}">{e["overall"]}</td>'
                       f"<td>{escape(e['verdict'])}</td></tr>")
        out.append("</tbody></table>")
    if summary["rules"]:
        out.append("<h2>Rules</h2><table><thead><tr><th scope=\"col\">rule</th><th scope=\"col\">findings</th>"
                   "<th scope=\"col\">documents</th><th scope=\"col\">example</th></tr></thead><tbody>")
        for r in sorted(summary["rules"], key=lambda r: (-r["findings"], r["code"])):
            ex = r.get("example") or {}
            file = ex.get("file", ex.get("id", ""))
            anchor = f"#L{ex['line']}" if ex.get("line") else "#findings"
            link = f'<a href="{escape(file)}.html{anchor}">{escape(ex.get("id", ""))}</a>' if file else ""
            out.append(f"<tr><td>{escape(r['code'] + ' ' + r['name'])}</td><td>{r['findings']}</td><td>{r['documents']}</td><td>{link}</td></tr>")
        out.append("</tbody></table>")
    if summary["errors"]:
        out.append("<h2>Not audited</h2><ul>" + "".join(
            f"<li>{escape(e['id'])}: {escape(e['error'])}</li>" for e in summary["errors"]) + "</ul>")
    return _page("Audit summary", "".join(out))
