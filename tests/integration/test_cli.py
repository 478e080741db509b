"""The real `eventwire` command, run as a user runs it: a subprocess of the installed script.

Tests marked `model` load the real spaCy model and the extraction components.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "samples" / "seed-barrage.jsonl"
SEED_KINDS = {"AIR_STRIKE", "ART_MISS_ATTACK"}  # what any working extractor finds in the seed
GOOD_TEXT = ("Russian forces launched 48 drones at the city of Kharkiv overnight, the regional "
             "governor said on Friday. Air defence units shot down 31 of the drones. At least seven "
             "people were injured when debris fell on a residential district.\n")


def eventwire(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("eventwire")
    cmd = [str(exe)] if exe.exists() else [shutil.which("eventwire") or "eventwire"]
    proc = subprocess.run([*cmd, *args], input=stdin, capture_output=True, timeout=600)
    return subprocess.CompletedProcess(proc.args, proc.returncode,
                                       proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


def events_of(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def seed_text() -> str:
    return json.loads(SEED.read_text(encoding="utf-8"))["text"]


@pytest.fixture(scope="module")
def mixed_batch(tmp_path_factory):
    """Good documents with every kind of bad input between them; the names of the bad ones."""
    d = tmp_path_factory.mktemp("batch")
    (d / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"  \n")
    (d / "latin1.txt").write_bytes("Attack near a café in Kharkiv".encode("latin-1"))
    (d / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    (d / "huge.txt").write_bytes(b"word " * 1_000_000)
    (d / "mixed.jsonl").write_text("\n".join([
        SEED.read_text(encoding="utf-8").strip(),
        '{"id": "broken", "text": ',
        json.dumps({"id": "headline-only", "title": "No text here"}),
        json.dumps(["an", "array"]),
        json.dumps({"id": "good-line", "text": GOOD_TEXT, "published": "2025-03-14"}),
    ]) + "\n", encoding="utf-8")
    inputs = ["good.txt", "empty.txt", "latin1.txt", "binary.txt", "huge.txt", "mixed.jsonl",
              "missing.jsonl"]
    bad = ["empty.txt", "latin1.txt", "binary.txt", "huge.txt", "mixed.jsonl:2",
           "mixed.jsonl:3 (headline-only)", "mixed.jsonl:4", "missing.jsonl"]
    result = eventwire("extract", *[str(d / name) for name in inputs])
    return d, bad, result


@pytest.mark.model
def test_mixed_batch_exits_1(mixed_batch):
    _, _, result = mixed_batch
    assert result.returncode == 1, result.stderr


@pytest.mark.model
def test_mixed_batch_one_error_line_per_bad_document(mixed_batch):
    d, bad, result = mixed_batch
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(bad), result.stderr
    for name, line in zip(bad, errors, strict=True):
        assert line.startswith(f"error: {d / name}: "), (name, line)
    assert any("5.0 MB of text is over the 1,000,000-character limit" in e for e in errors)
    assert any("looks like a binary file" in e for e in errors)
    assert any("not valid UTF-8" in e for e in errors)


@pytest.mark.model
def test_mixed_batch_summary_line(mixed_batch):
    _, bad, result = mixed_batch
    n_events = len(result.stdout.splitlines())
    *_, summary, reasons = result.stderr.splitlines()
    assert summary == f"{len(bad) + 3} documents, {n_events} events, {len(bad)} failed"
    # Then the failures counted by reason; each error line's reason is among them.
    assert reasons.startswith("failed: 1 ")
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(bad)
    for e in errors:
        reason = e.split(": ", 2)[2].split(" (")[0]
        assert reason in reasons, (reason, reasons)


@pytest.mark.model
def test_mixed_batch_events_of_good_documents_only(mixed_batch):
    _, _, result = mixed_batch
    events = events_of(result.stdout)
    assert {e["doc_id"] for e in events} <= {"good.txt", "seed-barrage", "good-line"}
    assert {e["kind"] for e in events if e["doc_id"] == "seed-barrage"} & SEED_KINDS
    for e in events:
        assert e["evidence"], e
        assert {"id", "doc_id", "kind", "actors", "weapons", "casualties", "location", "date",
                "attribution", "modality", "confidence"} <= e.keys()


@pytest.mark.model
def test_output_is_not_ascii_escaped(mixed_batch):
    _, _, result = mixed_batch
    assert result.stdout and "\\u" not in result.stdout  # ensure_ascii=False


@pytest.mark.model
def test_table_format_shows_the_kinds():
    result = eventwire("extract", str(SEED), "--format", "table")
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) & SEED_KINDS
    assert "seed-barrage" in result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


@pytest.mark.model
def test_output_file(tmp_path):
    out = tmp_path / "events.jsonl"
    result = eventwire("extract", str(SEED), "-o", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and result.stderr == ""
    events = events_of(out.read_text(encoding="utf-8"))
    assert {e["kind"] for e in events} & SEED_KINDS


@pytest.mark.model
def test_stdin_json_lines():
    result = eventwire("extract", "-", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    events = events_of(result.stdout)
    assert {e["kind"] for e in events if e["doc_id"] == "seed-barrage"} & SEED_KINDS


@pytest.mark.model
def test_stdin_plain_text():
    result = eventwire("extract", "-", stdin=seed_text().encode("utf-8"))
    assert result.returncode == 0, result.stderr
    events = events_of(result.stdout)
    assert events and {e["doc_id"] for e in events} == {"stdin"}


def test_version():
    result = eventwire("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("eventwire ")


def test_usage_error_exits_2():
    result = eventwire("extract", "--format", "xml", str(SEED))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_unwritable_output_exits_2(tmp_path):
    result = eventwire("extract", str(SEED), "-o", str(tmp_path / "no-such-dir" / "out.jsonl"))
    assert result.returncode == 2
    assert result.stderr.startswith("error: cannot write")
    assert "Traceback" not in result.stderr
