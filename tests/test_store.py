"""Writes into data/: atomic (a killed write leaves the old file) and locked (no lost rows)."""
from __future__ import annotations

import csv
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from timeline import store

ROWS = 40  # rows each process appends
FIELDS = ["event_id", "writer", "note"]


def _append(path: str, writer: str, start: multiprocessing.Event) -> None:
    """Append ROWS rows, one locked read-modify-write each (runs in a child process)."""
    start.wait()
    for i in range(ROWS):
        store.append_rows(Path(path), [{"event_id": f"{writer}-{i}", "writer": writer,
                                        "note": "koma, \"kutip\"\nbaris"}], FIELDS)


def _count(path: str, writer: str, start: multiprocessing.Event) -> None:
    """Add one to a counter file ROWS times through store.update (runs in a child process)."""
    start.wait()
    for _ in range(ROWS):
        store.update(Path(path), lambda old: str(int(old or "0") + 1))


def _run_two(target, path: Path) -> None:
    """Run `target` in two real processes at once and wait for both."""
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    procs = [ctx.Process(target=target, args=(str(path), name, start)) for name in ("a", "b")]
    for p in procs:
        p.start()
    start.set()  # both begin at the same moment
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0, 0]


def test_two_processes_appending_lose_no_row(tmp_path):
    path = tmp_path / "data" / "rows.csv"
    _run_two(_append, path)
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 2 * ROWS
    assert {r["event_id"] for r in rows} == {f"{w}-{i}" for w in "ab" for i in range(ROWS)}
    assert all(r["note"] == "koma, \"kutip\"\nbaris" for r in rows)
    assert not list(path.parent.glob("*.tmp"))


def test_two_processes_updating_lose_no_change(tmp_path):
    path = tmp_path / "counter.txt"
    _run_two(_count, path)
    assert path.read_text(encoding="utf-8") == str(2 * ROWS)


def test_append_rows_keeps_the_file_s_own_columns(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("note,event_id\nlama,x0", encoding="utf-8")  # no final newline
    assert store.append_rows(path, [{"event_id": "x1", "note": "baru", "other": "dropped"}], FIELDS) == 1
    assert path.read_text(encoding="utf-8") == "note,event_id\nlama,x0\nbaru,x1\n"


def test_update_that_fails_leaves_the_file_as_it_was(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("lama\n", encoding="utf-8")

    def boom(old: str) -> str:
        raise ValueError("no")

    with pytest.raises(ValueError):
        store.update(path, boom)
    assert path.read_text(encoding="utf-8") == "lama\n"
    assert store.update(path, lambda old: old + "baru\n") == "lama\nbaru\n"


def test_a_write_failing_halfway_leaves_the_previous_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "corrections.csv"
    path.write_bytes(b"old,content\n")

    def fail(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError):
        store.write_atomic(path, b"new," * 100_000)
    assert path.read_bytes() == b"old,content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corrections.csv"]


KILLED_WRITER = """
import os, sys, time
from pathlib import Path
from timeline import store
target, ready = Path(sys.argv[1]), Path(sys.argv[2])
real_fsync = os.fsync
def stall(fd):
    ready.write_text("writing")  # the new bytes are in the temporary file, not yet in place
    time.sleep(600)
os.fsync = stall
store.write_atomic(target, b"N" * 20_000_000)
"""


def test_a_write_killed_halfway_leaves_the_previous_file_whole(tmp_path):
    path = tmp_path / "articles.csv"
    old = b"event_id,title\nabc,lama\n" * 1000
    path.write_bytes(old)
    ready = tmp_path / "ready"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(path), str(ready)], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        for _ in range(600):  # wait for the child to be inside write_atomic (at most a minute)
            if ready.exists() or proc.poll() is not None:
                break
            time.sleep(0.1)
        assert ready.exists(), "the writer never reached the write"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert path.read_bytes() == old
    # The temporary file the killed writer left is never mistaken for the file itself.
    assert [p.name for p in tmp_path.glob("articles.csv*")] == ["articles.csv"]


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


def test_outputs_saved_articles_and_corrections_respect_the_umask(tmp_path, umask_027):
    from timeline import corrections, library

    store.write_atomic(tmp_path / "out.csv", b"x\n")
    saved = library.save(tmp_path / "articles", "berita.txt", "Putin tiba pada 3 Mei 2024.".encode())
    corrections.save(tmp_path / "corrections.csv", corrections.Correction("abc123abc123", title="Judul"))
    for path in (tmp_path / "out.csv", saved.path, tmp_path / "corrections.csv"):
        assert path.stat().st_mode & 0o777 == 0o640, path  # 0666 less the umask, not mkstemp's 0600
    (tmp_path / "corrections.csv").chmod(0o664)  # a replaced file keeps its own mode
    corrections.save(tmp_path / "corrections.csv", corrections.Correction("abc123abc123", title="Lagi"))
    assert (tmp_path / "corrections.csv").stat().st_mode & 0o777 == 0o664


def test_stale_temporary_files_are_removed_at_the_next_write(tmp_path):
    path = tmp_path / "corrections.csv"
    day_ago = time.time() - 86_400
    stale, fresh = tmp_path / ".corrections.csv.k3x9q0_a.tmp", tmp_path / ".corrections.csv.00ff00ff.tmp"
    not_ours = [tmp_path / ".corrections.csv.notours.tmp", tmp_path / ".other.csv.k3x9q0_a.tmp",
                tmp_path / "corrections.csv.k3x9q0_a.tmp", tmp_path / ".corrections.csv.k3x9q0_a.tmp.bak"]
    for p in (stale, fresh, *not_ours):
        p.write_bytes(b"N" * 1000)
        if p is not fresh:
            os.utime(p, (day_ago, day_ago))
    store.write_atomic(path, b"new\n")
    assert not stale.exists()  # a killed write's, a day old
    assert fresh.exists()  # may be another writer's, still at work
    assert all(p.exists() for p in not_ours)
    assert path.read_bytes() == b"new\n"
