"""Atomic, locked writes into data/: a temporary file, then os.replace."""
from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock

LOCK_TIMEOUT = 30.0  # seconds a writer waits for another session's write to finish


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an inter-process lock on `path` (a sibling `.lock` file) for a read-modify-write."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path.parent / f".{path.name}.lock"), timeout=LOCK_TIMEOUT):
        yield


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so a reader sees the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def update(path: Path, change: Callable[[str], str], encoding: str = "utf-8") -> str:
    """Replace the text of `path` with `change(old text)` under the lock; return the new text.

    The read-modify-write helper for data/ files two sessions may write at once: the
    lock makes the read and the write one step, `write_atomic` keeps the old file
    whole if the write dies. A missing file reads as "".

    >>> import tempfile; p = Path(tempfile.mkdtemp()) / "notes.txt"
    >>> update(p, lambda old: old + "satu\\n"); update(p, lambda old: old + "dua\\n")
    'satu\\n'
    'satu\\ndua\\n'
    """
    with locked(path):
        old = path.read_text(encoding=encoding) if path.exists() else ""
        new = change(old)
        if new != old or not path.exists():
            write_atomic(path, new.encode(encoding))
        return new


def append_rows(path: Path, rows: Iterable[Mapping[str, object]], fieldnames: Sequence[str]) -> int:
    """Append `rows` to the CSV at `path` under the lock (header first if new); return the row count.

    Columns the file already has keep their order; values are written as text.
    """
    rows = list(rows)

    def change(old: str) -> str:
        names = next(csv.reader(io.StringIO(old)), None) if old.strip() else None
        buf = io.StringIO()
        if names is None:
            names = list(fieldnames)
            csv.writer(buf, lineterminator="\n").writerow(names)
        elif not old.endswith("\n"):
            buf.write("\n")
        writer = csv.DictWriter(buf, fieldnames=names, lineterminator="\n", extrasaction="ignore")
        writer.writerows({k: "" if v is None else v for k, v in r.items()} for r in rows)
        return old + buf.getvalue()

    update(path, change)
    return len(rows)
