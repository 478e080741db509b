"""The `eventwire` command: a thin layer over `eventwire.ingest` and `eventwire.extract`.

    eventwire extract news.jsonl -o events.jsonl
    cat article.txt | eventwire extract - --format table
    eventwire ingest news.jsonl --db events.duckdb
    eventwire watch https://news.example/rss --db events.duckdb --every 5m

Event records go to stdout (or `-o FILE`) as JSON Lines, written as they are made. Every document
that can't be read or processed gets one `error: ...` line on stderr and the run goes on.
Exit status: 0 all documents processed, 1 some failed, 2 usage or setup error.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import Annotated, Any, NoReturn, TextIO

import typer
from rich import box
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire import __version__
from eventwire.errors import DocumentError, EventwireError, MissingModelError
from eventwire.extract.pipeline import extract_batch
from eventwire.ingest import DEFAULT_MAX_CHARS, read_inputs
from eventwire.records import Document

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

EXIT_FAILED_DOCS = 1
EXIT_SETUP = 2
TABLE_WIDTH = 100  # the table's width when it is not written to a terminal


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """Turn news reports into structured, geocoded, source-attributed event records."""


# Options shared by several commands, defined once.
Inputs = Annotated[list[str], typer.Argument(
    metavar="INPUT", help="JSON Lines (.jsonl/.json), text (.txt), HTML pages (.html/.htm), feeds "
                          "(.xml/.rss/.atom) or WARC crawls (.warc/.warc.gz), directories of them, "
                          "or - for stdin.")]
MaxChars = Annotated[int, typer.Option(min=1, help="Longest document text, in characters; longer ones are errors.")]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, warnings or summary; errors only.")]
Db = Annotated[str, typer.Option("--db", envvar="EVENTWIRE_DB", metavar="PATH_OR_URL",
                                 help="A DuckDB file (created if missing) or a postgresql:// URL.")]
Dedup = Annotated[bool, typer.Option(
    "--dedup/--no-dedup", help="Skip near-duplicate documents (wire copies), each linked to the first.")]


@app.command()
def extract(
    inputs: Inputs,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the events to this file instead of stdout.")] = None,
    fmt: Annotated[OutputFormat, typer.Option(
        "--format", "-f", help="jsonl: one event record a line; table: a table for reading.")]
        = OutputFormat.jsonl,
    batch_size: Annotated[int, typer.Option(
        min=1, help="Documents per spaCy batch (output is flushed after each).")] = 32,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    dedup: Dedup = False,
    quiet: Quiet = False,
) -> None:
    """Extract event records from news documents."""
    stderr = Console(stderr=True, highlight=False, emoji=False, soft_wrap=True)
    _log_warnings_to(stderr, quiet)
    try:
        sink = _open_sink(output, fmt)
    except OSError as e:
        _fail(stderr, f"cannot write {output}: {e.strerror or e}")
    run = _Run(stderr, show_progress=stderr.is_terminal and not quiet)
    try:
        with sink, run:
            results = extract_batch(run.documents(read_inputs(inputs, max_chars=max_chars), dedup),
                                    batch_size=batch_size, n_process=1)
            for n, result in enumerate(results, 1):
                if result.error:
                    run.failed(result.error)
                else:
                    run.processed(len(result.events))
                    sink.write(e.to_dict() for e in result.events)
                if n % batch_size == 0:
                    sink.flush()
    except MissingModelError as e:
        _fail(stderr, str(e))
    except BrokenPipeError:  # `eventwire extract ... | head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_FAILED_DOCS) from None
    except OSError as e:
        _fail(stderr, f"cannot write {output or 'to stdout'}: {e.strerror or e}")
    except EventwireError as e:
        _fail(stderr, str(e))
    except KeyboardInterrupt:
        stderr.print("interrupted", style="bold red")
        raise typer.Exit(130) from None
    run.finish(quiet)


@app.command()
def ingest(
    inputs: Inputs,
    db: Db,
    batch_size: Annotated[int, typer.Option(
        min=1, help="Documents per spaCy batch and per database transaction.")] = 32,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    dedup: Dedup = True,
    quiet: Quiet = False,
) -> None:
    """Extract event records from news documents and store them in a database.

    Idempotent and crash-safe: a document already stored with the same content is skipped
    (without extraction), a changed one replaces its own events; each batch is one transaction,
    so after an interruption the same command finishes the job. A near-duplicate of an earlier
    document of the run (a wire copy) is stored linked to it, without events, so one report
    is not counted as several sources (--no-dedup: extract every document).
    """
    from eventwire.store import StoreError, open_store
    from eventwire.store.ingest import extract_and_store

    stderr = Console(stderr=True, highlight=False, emoji=False, soft_wrap=True)
    _log_warnings_to(stderr, quiet)
    try:
        store = open_store(db)
    except StoreError as e:
        _fail(stderr, str(e))
    run = _Run(stderr, show_progress=stderr.is_terminal and not quiet)
    n_skipped = 0
    try:
        with store, run:
            docs = run.documents(read_inputs(inputs, max_chars=max_chars), dedup,
                                 keep_duplicates=True)
            while chunk := list(islice(docs, batch_size)):
                for outcome in extract_and_store(store, chunk, batch_size):
                    if outcome.error:
                        run.failed(outcome.error)
                    elif outcome.duplicate:
                        run.duplicate(outcome.doc)
                    else:
                        n_skipped += outcome.unchanged
                        run.processed(outcome.events)
    except MissingModelError as e:
        _fail(stderr, str(e))
    except (StoreError, EventwireError) as e:
        _fail(stderr, str(e))
    except KeyboardInterrupt:
        stderr.print("interrupted; documents stored so far are kept, run the same command to "
                     "finish", style="bold red")
        raise typer.Exit(130) from None
    except Exception as e:
        if not _is_database_error(e):
            raise
        _fail(stderr, f"database {db}: {e}")
    run.finish(quiet, f"{n_skipped:,} skipped unchanged, ")


@app.command()
def watch(
    feeds: Annotated[list[str], typer.Argument(metavar="FEED_URL", help="RSS or Atom feeds to poll.")],
    db: Db,
    every: Annotated[str, typer.Option(metavar="DURATION", help="Time between polls: 30s, 5m, 1h.")] = "5m",
    once: Annotated[bool, typer.Option("--once", help="Poll once, then exit.")] = False,
    max_pages: Annotated[int | None, typer.Option(
        min=1, help="New article pages fetched per poll, over all feeds (the rest wait).")] = None,
    state: Annotated[Path | None, typer.Option(
        metavar="FILE", help="Where the watch keeps what it has seen (default: DB.watch.sqlite).")] = None,
    delay: Annotated[float, typer.Option(
        min=0, metavar="SECONDS", help="Least time between two requests to one host.")] = 1.0,
    timeout: Annotated[float, typer.Option(
        min=0.1, metavar="SECONDS", help="Connect and read timeout of a request.")] = 10.0,
    max_page_mb: Annotated[float, typer.Option(
        min=0.01, metavar="MB", help="Largest page or feed, decompressed.")] = 5.0,
    dedup: Dedup = True,
    max_chars: MaxChars = DEFAULT_MAX_CHARS,
    quiet: Quiet = False,
) -> None:
    """Poll news feeds, fetch their new articles, and store their events, like GDELT on a laptop.

    Feeds are asked with ETag/Last-Modified; pages are fetched politely (robots.txt, one request
    per --delay per host, size and redirect limits). A restarted watch fetches nothing it already
    has (the state file beside the database). Ctrl-C stops it with a summary.
    """
    from eventwire.ingest.fetch import FetchConfig, HttpxFetcher
    from eventwire.ingest.watch import WatchConfig, Watcher, WatchState, store_sink
    from eventwire.store import StoreError, open_store

    stderr = Console(stderr=True, highlight=False, emoji=False, soft_wrap=True)
    _log_warnings_to(stderr, quiet)
    try:
        interval = _duration(every)
    except ValueError as e:
        _fail(stderr, str(e))
    if state is None:
        if "://" in db or db == ":memory:":
            _fail(stderr, "--db is not a file: give the watch's state file with --state FILE")
        state = Path(f"{db}.watch.sqlite")
    try:
        store = open_store(db)
    except StoreError as e:
        _fail(stderr, str(e))
    run = _Run(stderr, show_progress=stderr.is_terminal and not quiet, quiet=quiet)
    run.n_duplicates = 0 if dedup else None
    config = FetchConfig(timeout=timeout, total_timeout=max(60.0, 6 * timeout),
                         max_bytes=int(max_page_mb * 1_000_000), min_delay=delay)
    interrupted = False
    watcher = None
    try:
        with store, run, WatchState.open(state) as seen, HttpxFetcher(config) as fetcher:
            watcher = Watcher(feeds, fetcher=fetcher, state=seen, sink=store_sink(store),
                              config=WatchConfig(every=interval, max_pages=max_pages,
                                                 max_chars=max_chars, dedup=dedup),
                              reporter=_WatchReport(run))
            try:
                watcher.run(once=once)
            except KeyboardInterrupt:
                interrupted = True
    except KeyboardInterrupt:
        interrupted = True
    except MissingModelError as e:
        _fail(stderr, str(e))
    except (StoreError, EventwireError, OSError) as e:
        _fail(stderr, str(e))
    except Exception as e:
        if not _is_database_error(e) and type(e).__module__.split(".")[0] != "sqlite3":
            raise
        _fail(stderr, f"database: {e}")
    if watcher is None:  # interrupted while starting
        raise typer.Exit(130)
    if not quiet:
        stats = watcher.stats
        if interrupted:
            stderr.print("interrupted; everything stored so far is kept")
        stderr.print(f"{stats.polls:,} polls: {stats.feeds_changed:,} feeds read, "
                     f"{stats.feeds_unchanged:,} unchanged, {stats.pages_fetched:,} pages fetched")
        stderr.print(f"{stats.documents + stats.duplicates:,} documents read, "
                     f"{stats.duplicates:,} skipped as duplicates, {len(stats.failures):,} failed, "
                     f"{stats.events:,} events found")
        run.print_reasons()
    if watcher.stats.failures:
        raise typer.Exit(EXIT_FAILED_DOCS)


class _WatchReport:
    """A watch's progress, through the same counts and lines as `extract`."""

    def __init__(self, run: _Run):
        self.run = run

    def document(self, doc: Document, n_events: int) -> None:
        self.run.processed(n_events)

    def duplicate(self, doc: Document) -> None:
        self.run.duplicate(doc)

    def failed(self, error: DocumentError) -> None:
        self.run.failed(error)

    def status(self, message: str) -> None:
        self.run.status(message)


_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(h|m|s)?", re.I)


def _duration(text: str) -> float:
    """Seconds in `30s`, `5m`, `1h`, `1h30m` or a bare number of seconds."""
    parts = _DURATION.findall(text.strip())
    if not parts or _DURATION.sub("", text.strip()).strip():
        raise ValueError(f"--every {text!r}: give a duration such as 30s, 5m or 1h")
    seconds = sum(float(n) * {"h": 3600, "m": 60, "s": 1, "": 1}[unit.lower()] for n, unit in parts)
    if seconds <= 0:
        raise ValueError(f"--every {text!r}: the time between polls must be more than 0")
    return seconds


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    geojson = "geojson"
    parquet = "parquet"
    plover = "plover"


@app.command()
def export(
    db: Db,
    fmt: Annotated[ExportFormat, typer.Option(
        "--format", "-f", case_sensitive=False,
        help="jsonl (the contract), csv (ACLED columns), geojson, parquet (a directory, by month), plover.")]
        = ExportFormat.jsonl,
    output: Annotated[str, typer.Option(
        "--output", "-o", metavar="PATH", help="File (or directory for parquet); - for stdout.")] = "-",
    kind: Annotated[list[str] | None, typer.Option(help="Only these kinds (repeatable).")] = None,
    country: Annotated[list[str] | None, typer.Option(help="Only events in these ISO3 countries.")] = None,
    since: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="Events ending on or after.")] = None,
    until: Annotated[str | None, typer.Option(metavar="YYYY-MM-DD", help="Events starting on or before.")] = None,
) -> None:
    """Write stored events in the formats analysts use."""
    from eventwire.store import open_store
    from eventwire.store.export import DIRECTORY_FORMATS, EXPORTERS

    stderr = Console(stderr=True, highlight=False, emoji=False, soft_wrap=True)
    if fmt.value in DIRECTORY_FORMATS and output == "-":
        _fail(stderr, f"--format {fmt.value} writes a directory: give it with -o DIR")
    with _store_errors(stderr, db), open_store(db) as store:
        docs = _stored_documents(store)
        records = store.event_records(kind=kind or None, country=country or None, since=since, until=until)
        target: Any = sys.stdout if output == "-" else output
        n = EXPORTERS[fmt.value](records, target, docs=docs)
    stderr.print(f"{n:,} events written as {fmt.value}" + ("" if output == "-" else f" to {output}"))


@contextmanager
def _store_errors(stderr: Console, db: str) -> Iterator[None]:
    """A store command's user-facing errors: one line and exit status 2, no traceback."""
    from eventwire.store import StoreError

    try:
        yield
    except (StoreError, EventwireError, OSError) as e:
        _fail(stderr, str(e))
    except Exception as e:
        if not _is_database_error(e):
            raise
        _fail(stderr, f"database {db}: {e}")


def _stored_documents(store) -> dict[str, dict[str, Any]]:
    """Stored document metadata by id, missing values as None (not pandas' NaN)."""
    frame = store.documents()
    frame = frame.astype(object).where(frame.notna(), None)
    return {r["id"]: r for r in frame.to_dict("records")}


@app.command()
def reconcile(
    db: Db,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="FILE", help="Also write the clusters as JSON Lines (- for stdout).")] = None,
) -> None:
    """Group stored reports of the same real event into clusters that keep every claim.

    Same kind family, place and day (within one), compatible counts; different places or days
    never merge. The assignments are stored (table `clusters`); -o writes each cluster with its
    sources, claims and the range of every count.
    """
    from eventwire.store import open_store
    from eventwire.store.reconcile import cluster_events

    stderr = Console(stderr=True, highlight=False, emoji=False, soft_wrap=True)
    with _store_errors(stderr, db), open_store(db) as store:
        clusters = cluster_events(store.event_records(), docs=_stored_documents(store))
        store.set_clusters((eid, c.id) for c in clusters for eid in c.members)
    if output is not None:
        out = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")  # noqa: SIM115
        try:
            for c in clusters:
                out.write(json.dumps(c.to_dict(), ensure_ascii=False, default=str) + "\n")
        finally:
            if out is not sys.stdout:
                out.close()
    multi = sum(1 for c in clusters if len(c.members) > 1)
    stderr.print(f"{sum(len(c.members) for c in clusters):,} events in {len(clusters):,} clusters "
                 f"({multi:,} reported more than once)")


def _is_database_error(e: Exception) -> bool:
    """A driver's error (DuckDB's or psycopg's): the user's database, not an eventwire bug."""
    return type(e).__module__.split(".")[0] in ("duckdb", "_duckdb", "psycopg")


def _fail(stderr: Console, message: str) -> NoReturn:
    stderr.print(f"error: {message}", markup=False)
    raise typer.Exit(EXIT_SETUP)


def _log_warnings_to(stderr: Console, quiet: bool) -> None:
    """Library warnings (e.g. duplicate ids) as `warning: ...` lines on stderr."""
    class Handler(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            # Errors reach the user as DocumentErrors, one line per document; don't repeat them.
            if record.levelno < logging.ERROR:
                stderr.print(f"warning: {record.getMessage()}", markup=False)

    logger = logging.getLogger("eventwire")
    logger.handlers = [] if quiet else [Handler(logging.WARNING)]
    logger.propagate = False


class _Run:
    """Counts, progress bar and error lines of one `extract` run."""

    def __init__(self, stderr: Console, show_progress: bool, quiet: bool = False):
        self.stderr = stderr
        self.quiet = quiet
        self.n_docs = self.n_events = self.n_failed = 0
        self.n_duplicates: int | None = None  # None: duplicates were not looked for
        self.reasons: Counter[str] = Counter()
        self.state = ""
        self.started: float | None = None  # at the first document, so model loading isn't counted
        self.progress = Progress(
            SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
            console=stderr, transient=True) if show_progress else None
        self.task = self.progress.add_task("loading the model") if self.progress else None

    def __enter__(self) -> _Run:
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.progress:
            self.progress.stop()

    def documents(self, items: Iterable[Document | DocumentError], dedup: bool = False,
                  keep_duplicates: bool = False) -> Iterator[Document]:
        """The documents of `read_inputs`, reporting its errors on the way; with `dedup`, near
        duplicates of earlier ones are linked (`duplicate_of`) and counted and left out, or
        with `keep_duplicates` passed on for the caller to store and count."""
        seen = None
        if dedup:
            from eventwire.ingest.dedup import NearDuplicates

            seen, self.n_duplicates = NearDuplicates(), 0
        for item in items:
            if not isinstance(item, Document):
                self.failed(item)
                continue
            if seen is not None:
                item = seen.check(item)
                if item.duplicate_of and not keep_duplicates:
                    self.duplicate(item)
                    continue
            yield item

    def failed(self, error: DocumentError) -> None:
        self.n_docs += 1
        self.n_failed += 1
        self.reasons[_reason(error.message)] += 1
        self.stderr.print(f"error: {error.where}: {error.message}", markup=False)
        self._update()

    def finish(self, quiet: bool, skipped: str = "") -> None:
        """The summary line (`N documents, M events, [skipped, ]F failed`) and the failures by
        reason, unless `quiet`; exit status 1 if any document failed."""
        if not quiet:
            self.stderr.print(f"{self.n_docs:,} documents, {self.n_events:,} events, "
                              f"{skipped}{self.duplicates_part()}{self.n_failed:,} failed")
            self.print_reasons()
        if self.n_failed:
            raise typer.Exit(EXIT_FAILED_DOCS)

    def print_reasons(self) -> None:
        """`failed: 2 empty text; 1 invalid JSON`: the failures of the run, alike ones counted
        together, most frequent first (nothing when none failed)."""
        if self.reasons:
            self.stderr.print("failed: " + "; ".join(
                f"{n} {reason}" for reason, n in self.reasons.most_common()), markup=False)

    def duplicate(self, doc: Document) -> None:
        self.n_docs += 1
        self.n_duplicates = (self.n_duplicates or 0) + 1
        if not self.quiet:
            self.stderr.print(f"duplicate: {doc.id}: nearly repeats {doc.duplicate_of}; not extracted",
                              markup=False)
        self._update()

    def duplicates_part(self) -> str:
        """The summary's `N skipped as duplicates, ` when duplicates were looked for."""
        return "" if self.n_duplicates is None else f"{self.n_duplicates:,} skipped as duplicates, "

    def status(self, message: str) -> None:
        self.state = message
        self._update()

    def processed(self, n_events: int) -> None:
        self.n_docs += 1
        self.n_events += n_events
        self._update()

    def _update(self) -> None:
        if self.progress:
            now = time.perf_counter()
            if self.started is None:
                self.started = now
            rate = (self.n_docs - 1) / (now - self.started) if now > self.started else 0.0
            self.progress.update(self.task, description=(
                f"{self.n_docs:,} documents ({rate:,.1f}/s), {self.n_events:,} events, "
                f"{self.duplicates_part()}{self.n_failed:,} failed"
                + (f"; {self.state}" if self.state else "")))


def _reason(message: str) -> str:
    """A failure's message without its particulars (URLs, sizes in brackets), to count alike ones."""
    message = re.sub(r"https?://\S+", "<url>", message)
    return re.sub(r"\s*\(.*$", "", message) or message


def _open_sink(output: Path | None, fmt: OutputFormat) -> _JsonLinesSink | _TableSink:
    if output is None:
        stream, close = sys.stdout, False
    else:
        stream, close = open(output, "w", encoding="utf-8", newline="\n"), True
    if fmt is OutputFormat.table:
        return _TableSink(stream, close)
    return _JsonLinesSink(stream, close)


class _JsonLinesSink:
    """Event records as JSON Lines, UTF-8, written as they come."""

    def __init__(self, stream: TextIO, close: bool):
        self.stream, self.close = stream, close
        self.binary = getattr(stream, "buffer", None)  # stdout: write UTF-8 whatever the locale

    def write(self, records) -> None:
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        if self.binary is not None:
            self.binary.write(lines.encode("utf-8"))
        else:
            self.stream.write(lines)

    def flush(self) -> None:
        (self.binary or self.stream).flush()

    def __enter__(self) -> _JsonLinesSink:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.flush()
        if self.close:
            self.stream.close()


class _TableSink:
    """Events as one rich table, printed when the run ends (a table can't stream)."""

    def __init__(self, stream: TextIO, close: bool):
        self.stream, self.close = stream, close
        self.rows: list[list[str]] = []

    def write(self, records) -> None:
        self.rows.extend(_table_row(r) for r in records)

    def flush(self) -> None:
        pass

    def __enter__(self) -> _TableSink:
        return self

    def __exit__(self, exc_type, *exc: Any) -> None:
        if exc_type is None or not issubclass(exc_type, (OSError, EventwireError)):
            self._print()
        if self.close:
            self.stream.close()

    def _print(self) -> None:
        console = Console(file=self.stream, highlight=False, emoji=False)
        if not console.is_terminal:
            console.width = TABLE_WIDTH
        if not self.rows:
            console.print("no events")
            return
        table = Table(box=box.SIMPLE_HEAD, show_lines=True, padding=(0, 1), pad_edge=False,
                      expand=True)
        kind_width = max(len(line) for row in self.rows for line in row[1].splitlines())
        table.add_column("doc", max_width=15, overflow="fold")
        table.add_column("kind", no_wrap=True, min_width=kind_width)
        for name in ("where / when", "who", "weapons / casualties", "source"):
            table.add_column(name, ratio=1, overflow="fold")
        table.add_column("conf", justify="right", no_wrap=True)
        for row in self.rows:
            table.add_row(*row)
        console.print(table)


def _table_row(e: dict[str, Any]) -> list[str]:
    """The table cells of one event record (the contract's dict form), stacking related fields
    so nine of them stay readable in 100 columns."""
    loc = e.get("location") or {}
    where = loc.get("name") or loc.get("text") or ""
    if loc.get("country") and where != loc["country"]:
        where += f" ({loc['country']})"
    when = _when(e.get("date") or {})

    def names(role: str) -> str:
        return ", ".join(a.get("name") or a.get("text") or "?" for a in e.get("actors", [])
                         if a.get("role") == role)

    who = " -> ".join(x for x in (names("initiator"), names("target")) if x)

    harm = []
    for w in e.get("weapons", []):
        counts = [f"{_count(w[k])} {k}" for k in ("launched", "destroyed") if w.get(k)]
        name = w["class"] + (f" {w['model']}" if w.get("model") else "")
        harm.append(name + (": " + ", ".join(counts) if counts else ""))
    cas = e.get("casualties") or {}
    harm += [f"{_count(cas[k])} {k}" for k in ("killed", "injured") if cas.get(k)]

    attr = e.get("attribution") or {}
    source, status = attr.get("source"), attr.get("status")
    if source and status:  # "reported by the regional governor", "unconfirmed, from Telegram"
        source = f"{status}{', from' if status == 'unconfirmed' else ' by'} {source}"

    modality = e.get("modality")
    mood = f"({modality})" if modality and modality != "asserted" else None
    return [e["doc_id"], _lines(e["kind"], e.get("subkind"), mood), _lines(where, when), who,
            _lines(*harm), source or status or "", f"{e['confidence']:.2f}"]


def _when(date: dict[str, Any]) -> str:
    """A date span, short: `2025-12-06`, `2025-12` for a month, `2025` for a year."""
    start, end = date.get("start"), date.get("end")
    if not start:
        return date.get("text") or ""
    if date.get("precision") == "month":
        return start[:7]
    if date.get("precision") == "year":
        return start[:4]
    return start if not end or end == start else f"{start}..{end[5:] if end[:4] == start[:4] else end}"


def _lines(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)


_QUALIFIER_FORMAT = {"exact": "{}", "at_least": "{}+", "more_than": ">{}", "about": "~{}",
                     "at_most": "<={}", "up_to": "up to {}"}


def _count(c: dict[str, Any]) -> str:
    """A Count, short: `>650`, `3+`, `~40`; the words of the text when there is no number."""
    form = _QUALIFIER_FORMAT.get(c.get("qualifier") or "")
    if c.get("value") is None or form is None:
        return str(c.get("text") or "?")
    return form.format(f"{c['value']:,}")


if __name__ == "__main__":
    app()
