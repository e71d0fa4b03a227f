"""Markdown renderings of a report and of the run summary. Render only: no analysis here.

Document text is untrusted: every excerpt goes through `md_text`, which escapes Markdown
and HTML so a page cannot inject links, images or markup into the report.
"""

from __future__ import annotations

import re
from typing import Any

FAMILY_ORDER = ("noise", "comments", "dates", "attribution", "ai_style", "language", "readability", "input")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")
PREVIEW_LINES = 12


def md_text(text: Any, limit: int = 160) -> str:
    s = " ".join(str(text).split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    s = s.replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", s)


def _lines(f: dict[str, Any]) -> str:
    if f["start_line"] is None:
        return "doc"
    if f["start_line"] == f["end_line"]:
        return str(f["start_line"])
    return f"{f['start_line']}–{f['end_line']}"


def render_report(report: dict[str, Any]) -> str:
    out: list[str] = [f"# Audit: {md_text(report['id'])}", ""]
    if report["status"] != "ok":
        out += [f"**Not audited:** {md_text(report.get('error', ''), 400)}", ""]
        return "\n".join(out)
    scores = report["scores"]
    out += [f"**{md_text(report['verdict'])}**", ""]
    out += ["| dimension | score |", "|---|---:|", f"| **overall** | **{scores['overall']}** |"]
    for dim, detail in scores["details"].items():
        out.append(f"| {dim} | {detail['score']} |")
    out.append("")
    if "cap" in scores:
        out += [f"Overall capped at {scores['cap']['max']}: {md_text(scores['cap']['reason'])} "
                f"(rule {scores['cap']['rule']}).", ""]
    deductions = [(dim, d) for dim, det in scores["details"].items() for d in det["deductions"]]
    if deductions:
        out += ["Deductions:", ""]
        for dim, d in deductions:
            refs = f" (findings {', '.join('#' + str(i) for i in d['findings'][:8])})" if d["findings"] else ""
            out.append(f"- {dim} −{d['points']}: {md_text(d['reason'])}{refs}")
        out.append("")

    inp = report["input"]
    out += ["## Document", ""]
    out.append(f"- input: {inp['kind']}" + (f", {md_text(inp['source'])}" if inp.get("source") else ""))
    if inp.get("url"):
        out.append(f"- url: `{md_text(inp['url'])}`")
    if inp.get("truncated"):
        out.append("- **truncated**: only a prefix was analysed")
    if inp.get("unwrapped"):
        out.append(f"- hard-wrapped at {inp['unwrapped']['width']} columns: analysed with "
                   f"{inp['unwrapped']['joined_lines']} line breaks joined")
    lang = report["language"]
    out.append(f"- language: {lang['code']}" + (f" ({lang.get('confidence', 0):.2f})" if "confidence" in lang else ""))
    out.append("")

    date = report["date"]
    out += ["## Date", ""]
    where = f" (line {date['line']}, {md_text(date.get('source') or '')})" if date.get("line") else (
        f" ({md_text(date['source'])})" if date.get("source") else "")
    out.append(f"- published: {date['published'] or '—'}; status **{date['status']}**{where}")
    if date.get("evidence"):
        out.append(f"- evidence: “{md_text(date['evidence'])}”")
    if date.get("updated"):
        out.append(f"- updated: {md_text(date['updated'])}")
    if date.get("note"):
        out.append(f"- note: {md_text(date['note'], 300)}")
    out.append("")

    att = report["attribution"]
    out += ["## Attribution", ""]
    out.append(f"- byline: {md_text(att['byline']) if att['byline'] else '—'}")
    out.append(f"- sources: {', '.join(md_text(s) for s in att['sources']) or '—'}")
    rel = att.get("reliability") or {}
    if rel:
        out.append(f"- reliability: {md_text(rel.get('domain') or '—')} → {md_text(rel.get('rating', rel.get('label', 'not rated')))}")
    out.append("")

    ai = report["ai_style"]
    out += ["## AI-style phrasing", ""]
    out.append(f"- score {ai['score']:.2f}, flagged: **{'yes' if ai['flagged'] else 'no'}**"
               + (f" — {md_text(ai['note'], 200)}" if ai.get("note") else ""))
    out.append("")

    out += ["## Findings", ""]
    by_family: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    for i, f in enumerate(report["findings"]):
        by_family.setdefault(f["family"], []).append((i, f))
    if not by_family:
        out += ["No findings.", ""]
    for family in FAMILY_ORDER:
        items = by_family.get(family)
        if not items:
            continue
        out += [f"### {family} ({len(items)})", "", "| # | line | rule | severity | message | excerpt |", "|---:|---|---|---|---|---|"]
        for i, f in items:
            out.append(
                f"| {i} | {_lines(f)} | {f['code']} {f['name']} | {f['severity']} | {md_text(f['message'], 120)} | "
                f"{md_text(f.get('excerpt', ''), 80)} |"
            )
        out.append("")

    out += ["## Line labels", ""]
    for seg in report["segments"]:
        rng = str(seg["start_line"]) if seg["start_line"] == seg["end_line"] else f"{seg['start_line']}–{seg['end_line']}"
        out.append(f"- {rng}: {seg['label']}")
    out.append("")

    clean = report["clean_text"].splitlines()
    out += ["## Cleaned text (preview)", ""]
    if not clean:
        out.append("_(no title or body lines)_")
    for line in clean[:PREVIEW_LINES]:
        out.append(f"> {md_text(line, 200)}")
    if len(clean) > PREVIEW_LINES:
        out.append(f">\n> _… {len(clean) - PREVIEW_LINES} more lines_")
    out.append("")
    return "\n".join(out)


def render_summary(summary: dict[str, Any]) -> str:
    out = ["# Audit summary", ""]
    gate = summary["gate"]
    out.append(f"**Gate: {'passed' if gate['passed'] else 'FAILED'}**" + (
        "" if gate["passed"] else " — " + "; ".join(md_text(r, 200) for r in gate["reasons"][:5])))
    out.append("")
    out.append(f"- documents: {summary['documents']} (audited {summary['audited']}, could not be audited {summary['failed']})")
    if summary.get("truncated"):
        out.append(f"- truncated (only a prefix analysed): {summary['truncated']}")
    if summary.get("unwrapped"):
        out.append(f"- hard-wrapped plain text, analysed with its lines joined: {summary['unwrapped']}")
    if summary["mean_overall"] is not None:
        out.append(f"- mean overall score: {summary['mean_overall']}")
    out.append("- dates: " + ", ".join(f"{k} {v}" for k, v in summary["date_status"].items()))
    main = summary["main_text"]
    if main["mean_words"] is not None:
        out.append(f"- main text: {main['words']:,} words (mean {main['mean_words']:,} a document); "
                   f"none in {main['documents_without']}, under the minimum in {main['documents_under_minimum']}")
    out.append(f"- AI-style flagged: {summary['ai_style_flagged']}")
    out.append("- languages: " + (", ".join(f"{md_text(k)} {v}" for k, v in summary["languages"].items()) or "—"))
    out.append("")
    if summary["ranking"]:
        title = "Documents, worst first" if summary.get("ranking_complete") else f"The {len(summary['ranking'])} worst documents"
        out += [f"## {title}", "", "| rank | document | overall | verdict |", "|---:|---|---:|---|"]
        for rank, e in enumerate(summary["ranking"], start=1):
            out.append(f"| {rank} | {md_text(e['id'])} | {e['overall']} | {md_text(e['verdict'])} |")
        out.append("")
    if summary["rules"]:
        out += ["## Rules", "", "| rule | findings | documents | example |", "|---|---:|---:|---|"]
        for r in sorted(summary["rules"], key=lambda r: (-r["findings"], r["code"])):
            ex = r.get("example") or {}
            where = f"{md_text(ex.get('id', ''))}:{ex.get('line') or 'doc'}"
            out.append(f"| {r['code']} {r['name']} | {r['findings']} | {r['documents']} | {where} |")
        out.append("")
    if summary["ai_style_top_phrases"]:
        out += ["## Most frequent AI-style phrases", ""]
        out.append(", ".join(f"“{md_text(p['phrase'])}” ×{p['count']}" for p in summary["ai_style_top_phrases"]))
        out.append("")
    if summary["errors"]:
        out += ["## Not audited", ""]
        for e in summary["errors"]:
            out.append(f"- {md_text(e['id'])}: {md_text(e['error'], 300)}")
        out.append("")
    return "\n".join(out)
