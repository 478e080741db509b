"""Run the whole pipeline over the written kind examples out of fold, to compare two versions
of the rules on text they were not written for.

    python scripts/oof_trace.py trace OUT.jsonl [--src ROOT] [--folds FOLDS.npz]
    python scripts/oof_trace.py compare OLD.jsonl NEW.jsonl

`trace` fits one classifier per batch of examples (as `build_kind_model.py train` does, saved
to FOLDS.npz and reused, so two versions see the same classifiers), runs the pipeline of the
source tree ROOT (default: this one; a `git worktree` of an older commit for a comparison)
with each example seen only by the classifier that never saw it, and writes each example's
main event. ROOT's own artefact gives the calibration. `compare` prints both document
accuracies and which gold -> predicted confusions were gained and lost.

The dev set is small and easy to overfit; the written examples are another distribution, so
a rule that helps dev but loses here reads too little of the sentence.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parent / "src" / "eventwire" / "extract" / "data" / "kind_examples.jsonl"


def trace(out: Path, src: Path, folds_path: Path) -> None:
    sys.path.insert(0, str(src / "src"))
    sys.path.insert(0, str(HERE))
    import build_kind_model as build

    from eventwire.extract import classifier
    from eventwire.extract.kinds import KINDS
    from eventwire.extract.pipeline import extract

    rows = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    kinds = list(KINDS)
    y = np.array([kinds.index(r["kind"]) for r in rows])
    batches = sorted({r["batch"] for r in rows})
    fold_of = np.array([batches.index(r["batch"]) for r in rows])
    if folds_path.exists():
        z = np.load(folds_path)
        models = [(z[f"w{f}"], z[f"b{f}"]) for f in range(len(batches))]
    else:
        feats = np.stack([classifier.features(r["text"]) for r in rows]).astype(np.float64)
        models = [build.fit_logreg(feats[fold_of != f], y[fold_of != f], len(kinds), 3e-5) for f in range(len(batches))]
        np.savez(folds_path, **{f"w{f}": w for f, (w, _) in enumerate(models)},
                 **{f"b{f}": b for f, (_, b) in enumerate(models)})
    manifest = json.loads((src / "src" / "eventwire" / "extract" / "data" / "manifest.json").read_text())
    temp = manifest["classifier"]["temperature"]  # as the build script fitted it out of fold
    with out.open("w", encoding="utf-8") as f:
        for i, r in enumerate(rows):
            w, b = models[fold_of[i]]

            def oof(text: str, w=w, b=b) -> dict[str, float]:
                p = build._softmax(((classifier.features(text) @ w + b) / temp)[None, :])[0]
                return dict(zip(kinds, (float(v) for v in p), strict=True))

            classifier.probabilities = oof
            events = [e for e in extract(r["text"], doc_id=f"ex{i}") if e.modality == "asserted"]
            top = max(events, key=lambda e: e.confidence) if events else None
            f.write(json.dumps({"i": i, "gold": r["kind"], "pred": top.kind if top else None}) + "\n")


def compare(old: Path, new: Path) -> None:
    a = {r["i"]: r for r in map(json.loads, old.read_text().splitlines())}
    b = {r["i"]: r for r in map(json.loads, new.read_text().splitlines())}
    for name, d in (("old", a), ("new", b)):
        print(f"{name}: document accuracy {sum(r['pred'] == r['gold'] for r in d.values()) / len(d):.4f}")
    lost, gained = collections.Counter(), collections.Counter()
    for i, r in b.items():
        was, now = a[i]["pred"] == r["gold"], r["pred"] == r["gold"]
        if was and not now:
            lost[(r["gold"], r["pred"])] += 1
        elif now and not was:
            gained[(r["gold"], a[i]["pred"])] += 1
    print(f"lost {sum(lost.values())}, gained {sum(gained.values())}")
    for title, c in (("lost (gold -> new prediction)", lost), ("gained (gold <- old prediction)", gained)):
        print(title)
        for (g, p), n in c.most_common(15):
            print(f"  {n:4d}  {g} -> {p}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("trace")
    t.add_argument("out", type=Path)
    t.add_argument("--src", type=Path, default=HERE.parent)
    t.add_argument("--folds", type=Path, default=Path("kind_folds.npz"))
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    args = ap.parse_args()
    if args.cmd == "trace":
        trace(args.out, args.src.resolve(), args.folds)
    else:
        compare(args.old, args.new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
