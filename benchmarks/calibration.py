"""Expected calibration error of event confidence against a kind gold set.

    python benchmarks/calibration.py PRED.jsonl GOLD.jsonl [--bins 10]

PRED is `eventwire extract` output; GOLD has lines {"doc_id", "kind"} (the CASE 2021 format of
shared/data/dev). As the referee does, a document's prediction is its highest-confidence asserted
event; it is correct when its kind is the gold kind. ECE is the support-weighted mean gap between
confidence and accuracy over equal-width confidence bins. Documents without an asserted event
count with confidence 0 and are wrong.
"""

from __future__ import annotations

import argparse
import json
import sys


def reliability(pred: str, gold: str, bins: int = 10) -> tuple[float, float, list[tuple[float, int, float, float]]]:
    """ECE, accuracy, and per bin (lower edge, documents, mean confidence, accuracy)."""
    kinds = {}
    with open(gold, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                g = json.loads(line)
                kinds[str(g["doc_id"])] = g["kind"]
    best: dict[str, dict] = {}
    with open(pred, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            ev = json.loads(line)
            did = str(ev.get("doc_id"))
            if ev.get("modality") == "asserted" and (did not in best or ev["confidence"] > best[did]["confidence"]):
                best[did] = ev
    pairs = [(best[d]["confidence"] if d in best else 0.0, d in best and best[d]["kind"] == k) for d, k in kinds.items()]
    binned: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for conf, ok in pairs:
        binned[min(bins - 1, int(conf * bins))].append((conf, ok))
    ece, rows = 0.0, []
    for i, b in enumerate(binned):
        if not b:
            continue
        conf = sum(c for c, _ in b) / len(b)
        acc = sum(ok for _, ok in b) / len(b)
        ece += len(b) / len(pairs) * abs(conf - acc)
        rows.append((i / bins, len(b), conf, acc))
    return ece, sum(ok for _, ok in pairs) / len(pairs), rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pred")
    ap.add_argument("gold")
    ap.add_argument("--bins", type=int, default=10)
    args = ap.parse_args(argv)
    ece, acc, rows = reliability(args.pred, args.gold, args.bins)
    print(f"{'bin':>11} {'n':>5} {'confidence':>11} {'accuracy':>9}")
    for lo, n, conf, a in rows:
        print(f"{lo:.1f}-{lo + 1 / args.bins:.1f} {n:>5} {conf:>11.3f} {a:>9.3f}")
    print(f"ECE {ece:.3f} over {sum(r[1] for r in rows)} documents; accuracy {acc:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
