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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pred")
    ap.add_argument("gold")
    ap.add_argument("--bins", type=int, default=10)
    args = ap.parse_args(argv)
    gold = {}
    with open(args.gold, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                g = json.loads(line)
                gold[str(g["doc_id"])] = g["kind"]
    best: dict[str, dict] = {}
    with open(args.pred, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            ev = json.loads(line)
            did = str(ev.get("doc_id"))
            if ev.get("modality") == "asserted" and (did not in best or ev["confidence"] > best[did]["confidence"]):
                best[did] = ev
    pairs = [(best[d]["confidence"] if d in best else 0.0, d in best and best[d]["kind"] == k) for d, k in gold.items()]
    bins = [[] for _ in range(args.bins)]
    for conf, ok in pairs:
        bins[min(args.bins - 1, int(conf * args.bins))].append((conf, ok))
    ece = 0.0
    print(f"{'bin':>11} {'n':>5} {'confidence':>11} {'accuracy':>9}")
    for i, b in enumerate(bins):
        if not b:
            continue
        conf = sum(c for c, _ in b) / len(b)
        acc = sum(ok for _, ok in b) / len(b)
        ece += len(b) / len(pairs) * abs(conf - acc)
        print(f"{i / args.bins:.1f}-{(i + 1) / args.bins:.1f} {len(b):>5} {conf:>11.3f} {acc:>9.3f}")
    print(f"ECE {ece:.3f} over {len(pairs)} documents; accuracy {sum(ok for _, ok in pairs) / len(pairs):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
