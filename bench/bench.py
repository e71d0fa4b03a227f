#!/usr/bin/env python3
"""Side-by-side benchmark, run by hand (not in the test suite):

    pip install -e . -r bench/requirements.txt
    python bench/bench.py [--eval ../shared/eval] [--rss-docs 200000] > bench/RESULTS.md

Measures, in one run and on the same documents:
  1. this audit, all default checks, one core, plain text, against datatrove's four English
     heuristic filters (GopherRepetition, GopherQuality, C4Quality, FineWebQuality);
  2. this audit on HTML against trafilatura.extract alone;
  3. `audit run --jobs 2` against `--jobs 1` (whole command: read, audit, write);
  4. peak RSS of `audit run` over a generated JSONL of --rss-docs documents and of a tenth of it;
  5. where the time of one audit goes, per check family.
Prints a Markdown report with the machine's description.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from audit import Document, audit_document  # noqa: E402


# ------------------------------------------------------------------ corpora


def seed_variants(count: int, rng: random.Random) -> list[str]:
    """The seeds replicated with small variations: a changed edition line, shuffled tail."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))]
    out = []
    for i in range(count):
        base = seeds[i % len(seeds)]
        lines = base.split("\n")
        cut = rng.randint(len(lines) // 2, len(lines))
        lines = lines[:cut] + [f"Edition {i}: updated at {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}."]
        out.append("\n".join(lines))
    return out


def dev_texts(eval_dir: Path | None, limit: int) -> list[str]:
    """Up to `limit` DEV pages, taken in turn from each set so every set is represented."""
    if eval_dir is None:
        return []
    sets = [sorted((eval_dir / "sets" / name / "docs").glob("*.txt"))
            for name in ("traf-snippets", "sh-articles", "wcxb", "dates")]
    out = []
    for i in range(max(map(len, sets))):
        for paths in sets:
            if i < len(paths) and len(out) < limit:
                out.append(paths[i].read_text(encoding="utf-8"))
    return out


def dev_html(eval_dir: Path | None, limit: int) -> list[str]:
    if eval_dir is None:
        return []
    pages = []
    for name in ("sh-articles", "traf-snippets", "dates", "wcxb"):
        for path in sorted((eval_dir / "sets" / name / "html").glob("*.html")):
            pages.append(path.read_bytes().decode("utf-8", "replace"))
    return pages[:limit]


def around_size(texts: list[str], target: int) -> list[str]:
    """Cut long texts at a line near `target` characters so the mean size is ~target."""
    out = []
    for t in texts:
        if len(t) > target * 1.5:
            cut = t.rfind("\n", 0, target)
            t = t[: cut if cut > 0 else target]
        out.append(t)
    return out


# ------------------------------------------------------------------ timings


def rate(fn, items, warm: list) -> tuple[float, float]:
    """(docs/s, ms/doc) over one pass of `items`, after a pass over the separate `warm` items
    (lazy imports, data tables, compiled patterns). Each measured document is seen once: the
    audit's per-line caches must not make a repeated pass look faster than a real corpus."""
    for item in warm:
        fn(item)
    start = time.perf_counter()
    for item in items:
        fn(item)
    elapsed = time.perf_counter() - start
    return len(items) / elapsed, elapsed / len(items) * 1000


def datatrove_filters():
    try:
        from datatrove.data import Document as DTDocument
        from datatrove.pipeline.filters import (C4QualityFilter, FineWebQualityFilter, GopherQualityFilter,
                                                GopherRepetitionFilter)
    except ImportError:
        return None
    filters = [GopherRepetitionFilter(), GopherQualityFilter(), C4QualityFilter(), FineWebQualityFilter()]

    def run(text: str) -> None:
        for f in filters:
            f.filter(DTDocument(text=text, id="b"))
    return run


def family_profile(texts: list[str], warm: list[str]) -> list[tuple[str, float]]:
    from audit.checks import FAMILIES
    from audit.config import Config
    from audit.context import Context
    from audit.extract import page_from_document
    from audit.output import dumps
    from audit.pipeline import build_report
    from audit.validate import validate

    cfg = Config()
    for text in warm:
        audit_document(Document(id="w", text=text))
    spent = {f.__name__.rsplit(".", 1)[-1]: 0.0 for f in FAMILIES}
    spent["report+scores"] = spent["validate"] = spent["json"] = 0.0
    for i, text in enumerate(texts):
        ctx = Context(page=page_from_document(Document(id=str(i), text=text), cfg.max_chars), config=cfg)
        for family in FAMILIES:
            t0 = time.perf_counter()
            result = family.run(ctx)
            if family.REPORT_KEY is not None:
                ctx.results[family.REPORT_KEY] = result
            spent[family.__name__.rsplit(".", 1)[-1]] += time.perf_counter() - t0
        t0 = time.perf_counter()
        report = build_report(ctx)
        t1 = time.perf_counter()
        validate("report", report, report["id"])
        t2 = time.perf_counter()
        dumps(report)
        t3 = time.perf_counter()
        spent["report+scores"] += t1 - t0
        spent["validate"] += t2 - t1
        spent["json"] += t3 - t2
    return [(k, v / len(texts) * 1000) for k, v in spent.items()]


# ------------------------------------------------------------------ whole-command runs


def write_jsonl(path: Path, texts: list[str], count: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            handle.write(json.dumps({"id": f"d{i:07d}", "text": texts[i % len(texts)] + f"\nEdition {i}.",
                                     "url": f"https://site{i % 50}.example/a/{i}"}) + "\n")


def tree_memory_kb(pid: int) -> tuple[int, int, int]:
    """(summed RSS, summed PSS, largest RSS) of a process and its descendants, from /proc. RSS
    counts the pages a forked worker shares with its parent once in each process; PSS splits
    them between the processes that share them, so its sum is what the machine holds."""
    rss_sum, pss_sum, largest, stack = 0, 0, 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        rss = int(line.split()[1])
                        rss_sum, largest = rss_sum + rss, max(largest, rss)
            with open(f"/proc/{p}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        pss_sum += int(line.split()[1])
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as handle:
                    stack.extend(int(c) for c in handle.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return rss_sum, pss_sum, largest


def run_cli(args: list[str]) -> tuple[float, tuple[int, int, int]]:
    """(seconds, peak (summed RSS, summed PSS, largest RSS) of the process tree in MB)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "audit", *args], env=env, stdout=subprocess.DEVNULL)
    peaks = [0, 0, 0]
    while proc.poll() is None:
        peaks = [max(a, b) for a, b in zip(peaks, tree_memory_kb(proc.pid))]
        time.sleep(0.2)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"audit run failed: {args}")
    return time.perf_counter() - start, tuple(v // 1024 for v in peaks)


# ------------------------------------------------------------------ main


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--docs", type=int, default=1200, help="plain-text documents (half seeds with variations)")
    ap.add_argument("--html", type=int, default=400, help="HTML pages at most (all DEV pages with html/)")
    ap.add_argument("--html-groups", type=int, default=4, help="HTML pages timed in turns, this many groups")
    ap.add_argument("--jobs-docs", type=int, default=4000)
    ap.add_argument("--jobs-repeats", type=int, default=3, help="paired --jobs 1 / --jobs 2 runs")
    ap.add_argument("--rss-docs", type=int, default=200_000)
    ap.add_argument("--rss-chars", type=int, default=2000, help="documents of the memory run are cut to this size")
    args = ap.parse_args()
    eval_dir = args.eval if args.eval.exists() else None
    rng = random.Random(7)
    dev = dev_texts(eval_dir, args.docs - args.docs // 2 + 20)
    # warm-up documents are never timed: 20 other DEV pages (or seed variants without ../shared)
    warm_texts = around_size(dev[-20:] if dev else seed_variants(20, random.Random(99)), 5600)
    texts = around_size(seed_variants(args.docs // 2, rng) + dev[:-20], 5600)
    mean_kb = sum(len(t.encode()) for t in texts) / len(texts) / 1024

    # the split by check family, on the same documents, in a forked child: this process's caches stay cold
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        profile = pool.apply(family_profile, (texts, warm_texts))

    # each half timed on first sight; the whole corpus's figure is their sum
    halves = (("seeds with variations", texts[: args.docs // 2]), ("DEV pages", texts[args.docs // 2:]))

    def timed(fn, warm):
        parts = [(name, *rate(fn, part, warm if i == 0 else [])) for i, (name, part) in enumerate(halves) if part]
        seconds = sum(len(part) / r for (_, part), (_, r, _) in zip([h for h in halves if h[1]], parts))
        return len(texts) / seconds, seconds / len(texts) * 1000, parts

    def kb(part):
        return sum(len(t.encode()) for t in part) / max(1, len(part)) / 1024

    rows = []
    audit_rate, audit_ms, audit_parts = timed(lambda t: audit_document(Document(id="b", text=t)), warm_texts)
    rows.append(("audit, all checks, plain text, 1 core", audit_rate, audit_ms))
    dt = datatrove_filters()
    if dt is not None:
        dt_rate, dt_ms, dt_parts = timed(dt, warm_texts)
        rows.append(("datatrove Gopher x2 + C4 + FineWeb filters", dt_rate, dt_ms))
    for i, (name, part) in enumerate(h for h in halves if h[1]):
        rows.append((f"audit, {name} only ({kb(part):.1f} KB)", audit_parts[i][1], audit_parts[i][2]))
        if dt is not None:
            rows.append((f"datatrove filters, {name} only", dt_parts[i][1], dt_parts[i][2]))

    pages = dev_html(eval_dir, args.html)
    html_rows = []
    if pages:
        import trafilatura

        warm_pages, pages = pages[:10], pages[10:]

        def extract(h):
            return trafilatura.extract(h)

        def audit_html(h):
            return audit_document(Document(id="h", html=h))

        for h in warm_pages:
            extract(h)
            audit_html(h)
        # the two timed in turns, a group of pages at a time (each page still seen once by each):
        # a VM's speed drifts over the minutes one whole pass after the other would take
        groups = [pages[k::args.html_groups] for k in range(args.html_groups)]
        group_seconds = [(rate(extract, g, [])[0], rate(audit_html, g, [])[0]) for g in groups if g]
        tr_s = sum(len(g) / r for g, (r, _) in zip(groups, group_seconds))
        ah_s = sum(len(g) / r for g, (_, r) in zip(groups, group_seconds))
        html_group_ratios = sorted(tr / ah for tr, ah in group_seconds)
        html_rows = [("trafilatura.extract alone", len(pages) / tr_s, tr_s / len(pages) * 1000),
                     ("audit on HTML (extraction + all checks)", len(pages) / ah_s, ah_s / len(pages) * 1000)]

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        corpus = tmp_path / "jobs.jsonl"
        write_jsonl(corpus, texts, args.jobs_docs)
        # paired runs, one after the other: a VM's speed drifts by more than the effect measured
        pairs = []
        for _ in range(args.jobs_repeats):
            pairs.append(tuple(run_cli(["run", str(corpus), "--out", str(tmp_path / f"j{jobs}"), "--format", "jsonl",
                                        "--jobs", str(jobs), "-q"])[0] for jobs in (1, 2)))
        t1, t2 = (statistics.median(p[k] for p in pairs) for k in (0, 1))
        pair_ratios = sorted(a / b for a, b in pairs)
        big = tmp_path / "big.jsonl"
        small_n = max(1, args.rss_docs // 10)
        short = [t[: args.rss_chars] for t in texts]
        write_jsonl(big, short, args.rss_docs)
        small = tmp_path / "small.jsonl"
        write_jsonl(small, short, small_n)
        ts, rss_small = run_cli(["run", str(small), "--out", str(tmp_path / "rs"), "--format", "jsonl", "-q"])
        os.unlink(tmp_path / "rs" / "reports.jsonl")
        tb, rss_big = run_cli(["run", str(big), "--out", str(tmp_path / "rb"), "--format", "jsonl", "-q"])


    print("# Benchmark results\n")
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}; `{platform.processor() or 'cpu'}`.\n")
    print(f"Plain-text documents: {len(texts)} (seeds with variations and DEV pages), mean {mean_kb:.1f} KB; "
          f"HTML pages: {len(pages)}. Each timed document is audited once, after a warm-up on other documents.\n")
    print("| what | docs/s | ms/doc |\n|---|---:|---:|")
    for name, r, ms in rows + html_rows:
        print(f"| {name} | {r:,.0f} | {ms:.2f} |")
    print()
    if dt is not None:
        print(f"- audit / datatrove throughput: **{audit_rate / dt_rate:.1f}x** (target >= 10x, >= 500 docs/s)")
    if html_rows:
        print(f"- HTML audit time / trafilatura.extract time: **{html_rows[0][1] / html_rows[1][1]:.2f}** (timed in turns "
              f"over {len(html_group_ratios)} groups of pages, the groups' ratios "
              f"{', '.join(f'{r:.2f}' for r in html_group_ratios)}; target <= 1.3)")
    print(f"- `audit run --jobs 2` / `--jobs 1` throughput on {args.jobs_docs} docs: **{t1 / t2:.2f}** "
          f"({args.jobs_docs / t1:,.0f} vs {args.jobs_docs / t2:,.0f} docs/s, whole command, medians of "
          f"{len(pairs)} paired runs; the pairs' ratios {', '.join(f'{r:.2f}' for r in pair_ratios)}; target >= 1.8)")
    print(f"- peak memory of `audit run --format jsonl` (all cores), documents of <= {args.rss_chars} characters "
          f"({args.rss_docs / tb:,.0f} docs/s): {args.rss_docs:,} docs **{rss_big[0]} MB** RSS summed over the "
          f"process tree ({rss_big[1]} MB PSS, {rss_big[2]} MB its largest process); {small_n:,} docs "
          f"{rss_small[0]} MB RSS ({rss_small[1]} MB PSS, {rss_small[2]} MB largest); ratio "
          f"{rss_big[0] / max(rss_small[0], 1):.2f} (target <= 300 MB and within 10%)")
    print(f"\nWhere one plain-text audit spends its time (ms/doc, the same {len(texts)} documents, one pass):\n")
    print("| step | ms |\n|---|---:|")
    for name, ms in profile:
        print(f"| {name} | {ms:.3f} |")


if __name__ == "__main__":
    main()
