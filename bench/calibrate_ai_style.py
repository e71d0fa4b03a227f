"""Calibrate the ai_style score on the DEV ai-style set (run by hand; not part of the tests).

    python bench/calibrate_ai_style.py [SET_DIR]      # default ../shared/eval/sets/ai-style

Prints, per evidence family: the human baseline rate per 1,000 words (the `baseline` column of
audit/checks/ai_style.py), mean rates by domain and label, and each family's AUROC alone; then
fits non-negative family weights and a bias by L2-regularised logistic regression with 5-fold
cross-validation (folds by a hash of the id), and prints the cross-validated and in-sample
AUROC and flagged rates per domain for the weights in the module and for the fitted ones.
Families with no DEV examples (bullets, table, chatbot) keep their hand-set weights.
The human docs of every domain get equal total weight in the fit, so the small formal-prose
domain (CS224N abstracts) counts as much as news or stories.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from audit.checks import FAMILIES, ai_style  # noqa: E402
from audit.config import DEFAULT_CONFIG  # noqa: E402
from audit.context import Context  # noqa: E402
from audit.extract import page_from_document  # noqa: E402
from audit.model import Document  # noqa: E402

FITTED = ("words", "opener", "hedge", "contrast", "metaphor")
L2 = 0.05


def body_text(doc_id: str, text: str) -> str:
    """The body lines as the pipeline labels them (the families that run before ai_style)."""
    page = page_from_document(Document(id=doc_id, text=text), DEFAULT_CONFIG.max_chars)
    ctx = Context(page=page, config=DEFAULT_CONFIG)
    for family in FAMILIES:
        if family is ai_style:
            break
        ctx.results[family.REPORT_KEY] = family.run(ctx)
    return "\n".join(ln.text for ln in ctx.lines_labelled("body"))


def load(set_dir: Path) -> list[dict]:
    docs = []
    for line in (set_dir / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        text = (set_dir / "docs" / f"{rec['id']}.txt").read_text(encoding="utf-8")
        words, evidence = ai_style.measure(body_text(rec["id"], text))
        rec["words"] = words
        counts: Counter[str] = Counter()
        for family, _, _, _, weight in evidence:
            counts[family] += weight
        rec["counts"] = counts
        rec["y"] = 1 if rec["label"] == "ai" else 0
        docs.append(rec)
    return docs


def auroc(pos: list[float], neg: list[float]) -> float:
    if not pos or not neg:
        return float("nan")
    ranked = sorted([(s, 1) for s in pos] + [(s, 0) for s in neg])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mean_rank = (i + j + 1) / 2
        rank_sum += mean_rank * sum(1 for k in range(i, j) if ranked[k][1])
        i = j
    return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def excess(doc: dict, baselines: dict[str, float]) -> dict[str, float]:
    out = {}
    for fam in ai_style.FAMILIES:
        expected = baselines[fam.name] * doc["words"] / 1000.0
        out[fam.name] = max(0.0, math.log((doc["counts"].get(fam.name, 0) + fam.prior) / (expected + fam.prior)))
    return out


def fit(rows: list[tuple[dict[str, float], int, float]], fixed: dict[str, float]) -> tuple[float, dict[str, float]]:
    """Non-negative weights for FITTED + a bias, by projected gradient descent."""
    w = {f: 0.5 for f in FITTED}
    b = -2.0
    total = sum(r[2] for r in rows)
    for _ in range(3000):
        gw = {f: L2 * w[f] for f in FITTED}
        gb = 0.0
        for x, y, weight in rows:
            z = b + sum(w[f] * x[f] for f in FITTED) + sum(fixed[f] * x[f] for f in fixed)
            p = 1 / (1 + math.exp(-z))
            g = (p - y) * weight / total
            gb += g
            for f in FITTED:
                gw[f] += g * x[f]
        b -= 1.0 * gb
        for f in FITTED:
            w[f] = max(0.0, w[f] - 1.0 * gw[f])
    return b, w


def report(name: str, docs: list[dict], scores: list[float], threshold: float) -> None:
    print(f"\n{name}")
    print(f"  {'domain':18} {'AUROC':>6} {'flagTPR':>8} {'flagFPR':>8} {'mean ai':>8} {'mean hu':>8}")
    for domain in sorted({d["domain"] for d in docs}):
        pos = [s for d, s in zip(docs, scores) if d["domain"] == domain and d["y"]]
        neg = [s for d, s in zip(docs, scores) if d["domain"] == domain and not d["y"]]
        tpr = sum(s >= threshold for s in pos) / len(pos) if pos else float("nan")
        fpr = sum(s >= threshold for s in neg) / len(neg) if neg else float("nan")
        mean_pos = sum(pos) / len(pos) if pos else float("nan")
        print(f"  {domain:18} {auroc(pos, neg):6.3f} {tpr:8.3f} {fpr:8.3f} {mean_pos:8.3f} {sum(neg) / len(neg):8.3f}")


def main() -> None:
    set_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "eval" / "sets" / "ai-style"
    docs = load(set_dir)
    humans = [d for d in docs if not d["y"]]
    domains = sorted({d["domain"] for d in docs})

    print("family      baseline/1k (human DEV)   mean rate/1k by domain:label        AUROC alone (xsum, writing)")
    baselines = {}
    for fam in ai_style.FAMILIES:
        hits = sum(d["counts"].get(fam.name, 0) for d in humans)
        baselines[fam.name] = 1000.0 * hits / sum(d["words"] for d in humans)
        cells = []
        for domain in domains:
            for y, tag in ((1, "ai"), (0, "hu")):
                group = [d for d in docs if d["domain"] == domain and d["y"] == y]
                if group:
                    rate = sum(1000.0 * d["counts"].get(fam.name, 0) / d["words"] for d in group) / len(group)
                    cells.append(f"{domain[:6]}:{tag} {rate:5.2f}")
        aucs = []
        for domain in ("xsum", "writing"):
            pos = [d["counts"].get(fam.name, 0) / d["words"] for d in docs if d["domain"] == domain and d["y"]]
            neg = [d["counts"].get(fam.name, 0) / d["words"] for d in docs if d["domain"] == domain and not d["y"]]
            aucs.append(f"{auroc(pos, neg):.3f}")
        print(f"{fam.name:10} {baselines[fam.name]:8.2f} (module {fam.baseline:5.2f})   {'  '.join(cells)}   {' '.join(aucs)}")

    module_base = {f.name: f.baseline for f in ai_style.FAMILIES}
    threshold = ai_style.FLAGGED.params["threshold"]
    current = [ai_style.score(d["words"], d["counts"])[0] for d in docs]
    report(f"module weights (slope {ai_style.SLOPE}, center {ai_style.CENTER}, threshold {threshold})", docs, current, threshold)

    # equal total weight per (domain, label) group
    sizes = Counter((d["domain"], d["y"]) for d in docs)
    fixed = {f.name: f.weight for f in ai_style.FAMILIES if f.name not in FITTED}
    rows = [(excess(d, module_base), d["y"], 1.0 / sizes[(d["domain"], d["y"])]) for d in docs]
    folds = [int(hashlib.sha1(d["id"].encode()).hexdigest(), 16) % 5 for d in docs]
    cv_scores = [0.0] * len(docs)
    for k in range(5):
        b, w = fit([r for r, f in zip(rows, folds) if f != k], fixed)
        print(f"fold {k}: bias {b:.2f} " + " ".join(f"{f} {w[f]:.2f}" for f in FITTED))
        for i, (x, _, _) in enumerate(rows):
            if folds[i] == k:
                z = b + sum(w[f] * x[f] for f in FITTED) + sum(fixed[f] * x[f] for f in fixed)
                cv_scores[i] = 1 / (1 + math.exp(-z))
    report("5-fold cross-validated fitted weights", docs, cv_scores, threshold)
    b, w = fit(rows, fixed)
    print(f"\nall DEV: bias {b:.2f} " + " ".join(f"{f} {w[f]:.2f}" for f in FITTED))

    # speed of the check's measurement on ~5 KB texts
    texts = [(set_dir / "docs" / f"{d['id']}.txt").read_text(encoding="utf-8") for d in docs[:60]]
    big = ["\n".join(texts[i:i + 5])[:5000] for i in range(0, 60, 5)]
    start = time.process_time()  # CPU time: the machine is shared
    rounds = 50
    for _ in range(rounds):
        for text in big:
            ai_style.measure(text)
    per_doc = (time.process_time() - start) / (rounds * len(big))
    print(f"\nspeed: {per_doc * 1000:.3f} ms per 5 KB doc ({1 / per_doc:.0f} docs/s)")


if __name__ == "__main__":
    main()
