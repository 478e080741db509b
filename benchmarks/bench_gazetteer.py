"""How long the gazetteer takes to load from its cache, and how much memory it holds.

    python benchmarks/bench_gazetteer.py              # best of 3 cold processes
    python benchmarks/bench_gazetteer.py --max-seconds 1.5 --max-mb 300

Each run is a fresh Python process that imports the geocoder and resolves one name (which loads
the gazetteer from its cache, built at set-up); it reports wall time and the resident memory the
load added, against a baseline process that only imports the package.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

PROBE = r"""
import json, resource, time
t = time.perf_counter()
from eventwire.geocode import default_geocoder
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
%s
print(json.dumps({"seconds": time.perf_counter() - t,
                  "mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024}))
"""


def run(load: bool) -> dict:
    body = 'default_geocoder().resolve("Kyiv", ["UKR"])' if load else "pass"
    out = subprocess.run([sys.executable, "-c", PROBE % body], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--max-seconds", type=float)
    ap.add_argument("--max-mb", type=float)
    args = ap.parse_args(argv)
    base = min((run(False) for _ in range(args.repeat)), key=lambda r: r["seconds"])
    load = min((run(True) for _ in range(args.repeat)), key=lambda r: r["seconds"])
    seconds = load["seconds"] - base["seconds"]
    print(f"{'':>14} {'seconds':>8} {'MB added':>9}")
    print(f"{'import only':>14} {base['seconds']:>8.3f} {base['mb']:>9.1f}")
    print(f"{'import + load':>14} {load['seconds']:>8.3f} {load['mb']:>9.1f}")
    print(f"gazetteer load: {seconds:.3f} s, {load['mb']:.0f} MB (best of {args.repeat} cold processes)")
    failed = (args.max_seconds is not None and load["seconds"] > args.max_seconds) or \
        (args.max_mb is not None and load["mb"] > args.max_mb)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
