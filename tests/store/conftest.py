"""Fixtures of the store tests: every test taking `store` runs against DuckDB and PostgreSQL.

PostgreSQL comes from `EVENTWIRE_TEST_PG` (a URL of a server where the user may create
databases) or, without it, from a throwaway cluster started here with the server binaries of
Debian's `postgresql` package (`/usr/lib/postgresql/*/bin`; run as the `postgres` user when the
tests run as root, since initdb refuses root). Neither available: the PostgreSQL tests skip with
the reason on a developer machine, and FAIL under `CI=true`, so CI never passes without them.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from eventwire.store import EventStore, open_store

BACKENDS = ["duckdb", "postgres"]
_db_counter = itertools.count()


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"PostgreSQL tests can't run under CI: {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL not available: {reason}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start_cluster() -> tuple[str, callable]:
    """Start a throwaway PostgreSQL cluster; its URL and a function that stops it."""
    initdbs = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not initdbs:
        raise RuntimeError("no /usr/lib/postgresql/*/bin/initdb (apt-get install postgresql), "
                           "and EVENTWIRE_TEST_PG is not set")
    bindir = Path(initdbs[-1]).parent
    prefix: list[str] = []
    datadir = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
    if os.geteuid() == 0:
        runuser = shutil.which("runuser")
        try:
            import pwd

            pw = pwd.getpwnam("postgres")
        except KeyError:
            raise RuntimeError("running as root and there is no postgres user to run initdb as") from None
        if runuser is None:
            raise RuntimeError("running as root and runuser is missing")
        os.chown(datadir, pw.pw_uid, pw.pw_gid)
        prefix = [runuser, "-u", "postgres", "--"]
        user = "postgres"
    else:
        import getpass

        user = getpass.getuser()
    pgdata = datadir / "data"
    run = dict(check=True, capture_output=True, text=True, cwd="/")
    subprocess.run([*prefix, str(bindir / "initdb"), "-D", str(pgdata), "-U", user,
                    "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"], **run)
    port = _free_port()
    opts = (f"-p {port} -c listen_addresses=127.0.0.1 -k {datadir} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off")
    subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(pgdata), "-o", opts,
                    "-l", str(datadir / "log"), "-w", "-t", "60", "start"], **run)

    def stop() -> None:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(pgdata), "-m", "immediate",
                        "-w", "stop"], capture_output=True, cwd="/")
        shutil.rmtree(datadir, ignore_errors=True)

    return f"postgresql://{user}@127.0.0.1:{port}/postgres", stop


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of a PostgreSQL server's maintenance database (`postgres`)."""
    url = os.environ.get("EVENTWIRE_TEST_PG")
    if url:
        yield url
        return
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed (pip install -e '.[test]')")
    try:
        url, stop = _start_cluster()
    except (RuntimeError, OSError, subprocess.CalledProcessError) as e:
        detail = getattr(e, "stderr", None) or str(e)
        _unavailable(f"could not start a throwaway cluster: {detail.strip()}")
    try:
        yield url
    finally:
        stop()


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A fresh, empty database on the test server, dropped afterwards."""
    import psycopg

    name = f"ew_test_{os.getpid()}_{next(_db_counter)}"
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    yield urlunsplit(urlsplit(pg_server)._replace(path="/" + name))
    with psycopg.connect(pg_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def db_url(request, tmp_path) -> str:
    """The location of a fresh database of the backend the test is parametrized with."""
    if request.param == "postgres":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "events.duckdb")


@pytest.fixture
def store(db_url: str) -> Iterator[EventStore]:
    with open_store(db_url) as s:
        yield s


def pytest_generate_tests(metafunc):
    if "db_url" in metafunc.fixturenames:
        metafunc.parametrize("db_url", BACKENDS, indirect=True)
