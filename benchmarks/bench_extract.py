"""How much eventwire's extraction costs on top of the bare spaCy model, on one core.

    python benchmarks/bench_extract.py                    # the bundled samples, ~300 articles
    python benchmarks/bench_extract.py --input news.jsonl --repeat 5
    python benchmarks/bench_extract.py --max-ratio 1.5    # exit 1 if eventwire takes > 1.5x bare

Both sides run over the same articles, in one process, with one thread: (a) the bare model,
`spacy.load(MODEL).pipe(texts)`, and (b) `eventwire.extract.pipeline.extract_batch(docs)`. Model
loading is not timed; each side is warmed up first; the best of `--repeat` runs counts.
"""

from __future__ import annotations

import os

# One core: BLAS and OpenMP read these when numpy/thinc load, so set them before any import of those.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS",
             "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import itertools  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
WARM_UP_DOCS = 20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", metavar="FILE.jsonl",
                        help="articles to time (default: the JSON Lines files in samples/)")
    parser.add_argument("--articles", type=int, default=300,
                        help="repeat the default samples up to this many articles (default 300)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each side; the best counts")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--max-ratio", type=float, metavar="R",
                        help="exit 1 if eventwire time / bare time is above R (e.g. 1.5)")
    args = parser.parse_args(argv)
    if args.repeat < 1 or args.articles < 1 or args.batch_size < 1:
        parser.error("--repeat, --articles and --batch-size must be at least 1")

    _pin_to_one_cpu()
    import spacy

    from eventwire.errors import MissingModelError
    from eventwire.extract.pipeline import MODEL, extract_batch, get_nlp

    try:
        docs = _articles(args.input, args.articles)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    try:
        bare = spacy.load(MODEL)
        get_nlp()
    except (OSError, MissingModelError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2

    def run_bare(sample: list) -> int:
        for _ in bare.pipe([d.text for d in sample], batch_size=args.batch_size, n_process=1):
            pass
        return 0

    failed: list[str] = []
    from eventwire.extract.places import NullGeocoder, use_geocoder
    from eventwire.geocode import GazetteerGeocoder

    def run_eventwire(sample: list, geocoder=None) -> int:
        # a fresh geocoder per run: its per-name cache starts cold, as on new text
        n_events = 0
        with use_geocoder(geocoder or GazetteerGeocoder()):
            for result in extract_batch(sample, batch_size=args.batch_size, n_process=1):
                if result.error:
                    failed.append(f"{result.error.where}: {result.error.message}")
                n_events += len(result.events)
        return n_events

    def run_no_geocoding(sample: list) -> int:
        return run_eventwire(sample, NullGeocoder())

    run_bare(docs[:WARM_UP_DOCS])
    run_eventwire(docs[:WARM_UP_DOCS])
    failed.clear()

    best_bare = best_ew = best_nogeo = float("inf")
    n_events = 0
    for _ in range(args.repeat):  # alternate, so drifts in machine speed hit all sides alike
        best_bare = min(best_bare, _timed(run_bare, docs)[0])
        elapsed, n_events = _timed(run_eventwire, docs)
        best_ew = min(best_ew, elapsed)
        best_nogeo = min(best_nogeo, _timed(run_no_geocoding, docs)[0])

    ratio = best_ew / best_bare
    print(f"{len(docs)} articles, {words:,} words, {n_events:,} events; "
          f"best of {args.repeat}, 1 process, 1 thread, batch size {args.batch_size}")
    print(f"{'':>10} {'seconds':>9} {'articles/s':>11} {'words/s':>10}")
    for name, t in (("bare", best_bare), ("no geocode", best_nogeo), ("eventwire", best_ew)):
        print(f"{name:>10} {t:>9.3f} {len(docs) / t:>11.1f} {words / t:>10,.0f}")
    print(f"ratio eventwire/bare time: {ratio:.2f}")
    print(f"geocoding adds {100 * (best_ew - best_nogeo) / best_nogeo:.1f}% to extraction time")
    if failed:
        print(f"warning: {len(set(failed))} documents failed in extraction, e.g. {failed[0]}",
              file=sys.stderr)
    if args.max_ratio is not None and ratio > args.max_ratio:
        print(f"error: ratio {ratio:.2f} is above --max-ratio {args.max_ratio}", file=sys.stderr)
        return 1
    return 0


def _articles(path: str | None, n: int) -> list:
    """The documents to time: `path`, or the samples repeated to `n` articles (ids made unique)."""
    from eventwire.ingest import read_inputs
    from eventwire.records import Document

    sources = [path] if path else sorted(str(p) for p in SAMPLES.glob("*.jsonl"))
    if not sources:
        raise ValueError(f"no JSON Lines files in {SAMPLES}; give --input FILE.jsonl")
    items = list(read_inputs(sources))
    docs = [d for d in items if isinstance(d, Document)]
    bad = [str(e) for e in items if not isinstance(e, Document)]
    if bad:
        raise ValueError(f"cannot read every article ({len(bad)} errors), e.g. {bad[0]}")
    if not docs:
        raise ValueError(f"no articles in {', '.join(sources)}")
    if path:
        return docs
    return [replace(d, id=f"{d.id}#{i}") for i, d in enumerate(itertools.islice(itertools.cycle(docs), n))]


def _timed(fn: Callable[[list], int], docs: list) -> tuple[float, int]:
    start = time.perf_counter()
    result = fn(docs)
    return time.perf_counter() - start, result


def _pin_to_one_cpu() -> None:
    """Run on the first CPU this process may use, where the OS lets us choose (Linux)."""
    if hasattr(os, "sched_setaffinity"):
        cpus = os.sched_getaffinity(0)
        os.sched_setaffinity(0, {min(cpus)})


if __name__ == "__main__":
    sys.exit(main())
