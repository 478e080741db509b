"""How fast the DuckDB store takes extracted events in, and answers bbox + date queries.

    python benchmarks/bench_store.py                          # 1,000,000 events, 100 queries
    python benchmarks/bench_store.py --events 200000 --min-rate 20000 --max-p95-ms 100

Synthetic events (realistic spread: three quarters over Ukraine, weighted to the front and the
cities, the rest over Europe; dates over three years, ingested in publication order with a few
days of jitter, or in random order with `--shuffle`) are made as `Event`
records, documents of 1 to 9 events, and written with the store's bulk path
(`EventStore.upsert_batches`, one transaction per `--docs-per-batch` documents: content-hash
check, JSON, typed columns and child rows included). Making the events is not timed.

Side by side in the same run, the baseline: the same rows, already flattened and serialised (events
only, no child tables, no hashes), inserted into a plain DuckDB table (`INSERT ... SELECT` from a frame): what the database alone costs. Then
`--queries` random bbox + date-range queries (boxes of 0.5 to 3 degrees, ranges of 1 week to 3
months) through `store.events(...)` (a pandas DataFrame each), timed as ingested and again after
`store.optimize()` (the table sorted by date and place, so zone maps prune), and the same SQL on
the plain table.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pandas as pd

from eventwire.records import (
    Actor, Attribution, Casualties, Count, DateSpan, Document, Event, Location, Span, Weapon,
)
from eventwire.store import open_store
from eventwire.store.base import Rows, utcnow
from eventwire.store.duckdb_store import _frame, _insert
from eventwire.store.schema import EVENT_COLUMNS, MIGRATIONS

CHUNK_BATCHES = 20  # batches made in memory before each timed bulk write
START = date(2023, 1, 1)
DAYS = 3 * 365
# (lat, lon, spread in degrees, weight): cities and the front line, then the rest.
HOTSPOTS = [(50.45, 30.52, 0.3, 8), (49.99, 36.23, 0.4, 10), (46.48, 30.72, 0.3, 6),
            (48.46, 35.05, 0.4, 6), (47.84, 35.14, 0.5, 8), (48.72, 37.55, 1.0, 14),
            (50.91, 34.80, 0.5, 5), (46.64, 32.61, 0.5, 5), (49.84, 24.03, 0.3, 2)]
KINDS = ["AIR_STRIKE", "ART_MISS_ATTACK", "ARMED_CLASH", "DISR_WEAP", "DIPLO", "OTHER",
         "PEACE_PROTEST", "ATTACK"]


def place(rng: random.Random) -> tuple[float, float, str]:
    r = rng.random()
    if r < 0.64:
        lat, lon, spread, _ = rng.choices(HOTSPOTS, weights=[h[3] for h in HOTSPOTS])[0]
        return rng.gauss(lat, spread), rng.gauss(lon, spread), "UKR"
    if r < 0.75:  # anywhere in Ukraine
        return rng.uniform(44.4, 52.3), rng.uniform(22.2, 40.2), "UKR"
    return rng.uniform(36.0, 70.0), rng.uniform(-10.0, 40.0), rng.choice(["POL", "DEU", "FRA", "ROU", "MDA"])


def make_docs(rng: random.Random, n_events: int, start_id: int,
              days: tuple[int, int] = (0, DAYS)) -> list[tuple[Document, list[Event], None]]:
    """Documents of 1 to 9 events, published on days in `days` (offsets from START)."""
    items = []
    made = 0
    i = start_id
    while made < n_events:
        k = min(rng.randint(1, 9), n_events - made)
        day = START + timedelta(days=rng.randrange(days[0], max(days[1], days[0] + 1)))
        doc = Document(id=f"bench-{i}", text=f"synthetic document {i}", published=day.isoformat())
        events = []
        for j in range(k):
            lat, lon, country = place(rng)
            d = (day - timedelta(days=rng.randint(0, 2))).isoformat()
            events.append(Event(
                id=f"ew-{i:08x}{j:02x}", doc_id=doc.id, kind=rng.choice(KINDS), subkind=None,
                acled={"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
                plover={"event_type": "ASSAULT", "mode": "drone"},
                actors=[Actor("Russia", "RUS", "initiator", "Russian forces", "MIL"),
                        Actor("Ukraine", "UKR", "target", "Ukraine")],
                targets=["energy"],
                weapons=[Weapon("drone", "Shahed-136", Count(rng.randint(1, 700), "exact"),
                                Count(rng.randint(0, 600), "exact"))],
                casualties=Casualties(injured=Count(rng.randint(0, 20), "exact")),
                location=Location("Somewhere", country, round(lat, 4), round(lon, 4), "city"),
                date=DateSpan(d, d, "day", "overnight"),
                attribution=Attribution("the regional governor", "UKR", "reported", "said"),
                evidence=[Span(0, 120)], confidence=round(rng.random(), 3), trigger="launched"))
        items.append((doc, events, None))
        made += k
        i += 1
    return items


def queries(rng: random.Random, n: int) -> list[tuple[tuple[float, float, float, float], date, date]]:
    out = []
    for _ in range(n):
        lat, lon, _ = place(rng)
        w, h = rng.uniform(0.5, 3.0), rng.uniform(0.5, 3.0)
        since = START + timedelta(days=rng.randrange(DAYS))
        out.append(((lon - w / 2, lat - h / 2, lon + w / 2, lat + h / 2), since,
                    since + timedelta(days=rng.randint(7, 90))))
    return out


def percentiles(ms: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(ms, n=100, method="inclusive")
    return q[49], q[94]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--docs-per-batch", type=int, default=25_000,
                        help="documents per transaction (default 25,000, about 125,000 events: "
                             "a transaction of at least one DuckDB row group, 122,880 rows, "
                             "goes straight to the database file instead of through the "
                             "write-ahead log, so a bulk load writes its rows once)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shuffle", action="store_true",
                        help="documents in random date order (default: in publication order, "
                             "a few days of jitter, as a feed or an archive is ingested)")
    parser.add_argument("--dir", help="where the database files go (default: a temporary directory)")
    parser.add_argument("--min-rate", type=float, metavar="EV_PER_S",
                        help="exit 1 if the store ingests fewer events/s")
    parser.add_argument("--max-p95-ms", type=float, metavar="MS",
                        help="exit 1 if the p95 query time (as ingested) is above MS")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        return run(args, Path(tmp))


def run(args, tmp: Path) -> int:
    rng = random.Random(args.seed)
    store = open_store(tmp / "store.duckdb")
    plain = duckdb.connect(str(tmp / "plain.duckdb"))
    plain.execute(MIGRATIONS[0].statements[1])  # the same `events` table, nothing else

    t_store = t_plain = 0.0
    n_done = n_docs = 0
    per_batch = args.docs_per_batch * 5
    print(f"ingesting {args.events:,} synthetic events ...", file=sys.stderr)
    while n_done < args.events:
        # A chunk of batches made up front (untimed), then written through the bulk path.
        chunk = []
        while n_done < args.events and len(chunk) < CHUNK_BATCHES:
            size = min(per_batch, args.events - n_done)
            days = (0, DAYS) if args.shuffle else (
                DAYS * n_done // args.events - 3, DAYS * (n_done + size) // args.events + 1)
            items = make_docs(rng, size, n_docs, days)
            chunk.append(items)
            n_done += sum(len(ev) for _, ev, _ in items)
            n_docs += len(items)

        t0 = time.perf_counter()
        for _ in store.upsert_batches(chunk):
            pass
        t_store += time.perf_counter() - t0

        frames = []
        for items in chunk:
            rows = Rows()
            now = utcnow()
            for doc, events, _ in items:
                rows.add(doc, events, "", now)
            frames.append(_frame(rows.events, EVENT_COLUMNS))
        t0 = time.perf_counter()
        for frame in frames:
            plain.register("_ew_frame", frame)
            plain.execute(_insert("events", EVENT_COLUMNS))
            plain.unregister("_ew_frame")
        t_plain += time.perf_counter() - t0
        print(f"  {n_done:>9,} events: store {t_store:6.1f} s, baseline {t_plain:6.1f} s",
              file=sys.stderr)
    t0 = time.perf_counter()
    store.con.execute("CHECKPOINT")  # the data in the database file, not just the WAL: counted
    t_store += time.perf_counter() - t0
    t0 = time.perf_counter()
    plain.execute("CHECKPOINT")
    t_plain += time.perf_counter() - t0
    counts = store.counts()
    assert counts["events"] == args.events, counts

    qs = queries(random.Random(args.seed + 1), args.queries)
    cols = ", ".join(c for c in EVENT_COLUMNS if c not in ("seq", "record"))

    def time_store() -> tuple[list[float], list[int]]:
        ms, n = [], []
        for bbox, since, until in qs:
            t0 = time.perf_counter()
            df = store.events(bbox=bbox, since=since, until=until)
            ms.append((time.perf_counter() - t0) * 1000)
            n.append(len(df))
        return ms, n

    def time_plain() -> list[float]:
        ms = []
        for (x0, y0, x1, y1), since, until in qs:
            t0 = time.perf_counter()
            plain.execute(f"SELECT {cols} FROM events WHERE lon BETWEEN ? AND ? AND lat BETWEEN ? "
                          "AND ? AND date_end >= ? AND date_start <= ?",
                          [x0, x1, y0, y1, since, until]).df()
            ms.append((time.perf_counter() - t0) * 1000)
        return ms

    time_store()  # warm-up: first-query costs (catalog, caches) aren't what we measure
    as_ingested, n_rows = time_store()
    baseline_q = (time_plain(), time_plain())[1]
    t0 = time.perf_counter()
    store.optimize()
    t_opt = time.perf_counter() - t0
    time_store()
    optimized, _ = time_store()

    p50, p95 = percentiles(as_ingested)
    print(f"\n{args.events:,} events in {n_docs:,} documents "
          f"({'random date order' if args.shuffle else 'publication order'}), "
          f"{args.docs_per_batch:,} documents per transaction; DuckDB {duckdb.__version__}, pandas {pd.__version__}")
    print(f"{'ingest':<44}{'seconds':>10}{'events/s':>12}")
    print(f"{'  store.upsert_batches (bulk path)':<44}{t_store:>10.2f}{args.events / t_store:>12,.0f}")
    print(f"{'  baseline: plain INSERT of flattened rows':<44}{t_plain:>10.2f}{args.events / t_plain:>12,.0f}")
    print(f"\n{args.queries} bbox + date-range queries, rows returned: median "
          f"{statistics.median(n_rows):,.0f}, max {max(n_rows):,}")
    print(f"{'query':<44}{'p50 ms':>10}{'p95 ms':>12}")
    for name, ms in (("  store.events(), as ingested", as_ingested),
                     (f"  store.events(), after optimize() ({t_opt:.1f} s)", optimized),
                     ("  baseline: same SQL on the plain table", baseline_q)):
        a, b = percentiles(ms)
        print(f"{name:<44}{a:>10.1f}{b:>12.1f}")

    store.close()
    plain.close()
    status = 0
    if args.min_rate and args.events / t_store < args.min_rate:
        print(f"FAIL: ingest {args.events / t_store:,.0f} events/s < {args.min_rate:,.0f}", file=sys.stderr)
        status = 1
    if args.max_p95_ms and p95 > args.max_p95_ms:
        print(f"FAIL: query p95 {p95:.1f} ms > {args.max_p95_ms} ms", file=sys.stderr)
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
