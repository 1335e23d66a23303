"""Atomic, locked writes into data/: a temporary file, then os.replace."""
from __future__ import annotations

import csv
import errno
import io
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

LOCK_TIMEOUT = 30.0  # seconds a writer waits for another session's write to finish
# A temporary file of a write that is this old is a killed write's: the largest table is
# written in seconds. The next write of the same file removes it.
STALE_TMP_SECONDS = 600.0


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an inter-process lock on `path` (a sibling `.lock` file) for a read-modify-write."""
    from filelock import FileLock  # imported at the first write: most runs only read

    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path.parent / f".{path.name}.lock"), timeout=LOCK_TIMEOUT):
        yield


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so a reader sees the old file or the new one, never half.

    The new bytes go to a temporary file `.NAME.XXXXXXXX.tmp` beside `path`, then
    replace it. A new file gets the usual mode (0666 less the umask), a replaced one
    keeps its mode. Temporary files of killed writes older than STALE_TMP_SECONDS are
    removed first. A non-regular file at `path` (a FIFO, a device) raises OSError.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    old = _regular_or_missing(path)
    remove_stale_temporaries(path)
    fd, tmp = _temporary(path)
    try:
        with os.fdopen(fd, "wb") as f:
            if old is not None:
                os.fchmod(f.fileno(), stat.S_IMODE(old.st_mode))
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _regular_or_missing(path: Path) -> os.stat_result | None:
    """Return the status of the regular file at `path` (None when there is none); raise OSError for anything else."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    if not stat.S_ISREG(st.st_mode):
        raise OSError(errno.EEXIST, f"it is {kind(st.st_mode)}, not a regular file", str(path))
    return st


def kind(mode: int) -> str:
    """Name the kind of file a stat mode describes: "a folder", "a named pipe (FIFO)"…"""
    for test, name in ((stat.S_ISREG, "a file"), (stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "a special file"


def write_output(path: Path, data: bytes) -> Path:
    """Write a file the user named (`extract -o`); return the path written.

    A symbolic link is written through to its target. A file with other hard links is
    rewritten in place, so every name keeps seeing it (not atomic: a crash midway
    leaves it part new, part old); any other file is replaced atomically by
    `write_atomic`, keeping its mode. Anything but a regular file raises OSError.
    """
    real = Path(os.path.realpath(path))
    old = _regular_or_missing(real)
    if old is None or old.st_nlink == 1:
        write_atomic(real, data)
        return real
    with open(real, "r+b") as f:  # never empty meanwhile: written over, then cut to length
        f.write(data)
        f.truncate()
        f.flush()
        os.fsync(f.fileno())
    return real


def _temporary(path: Path) -> tuple[int, Path]:
    """Create `.NAME.XXXXXXXX.tmp` beside `path`, open for writing, with the umask's mode (mkstemp's is 0600)."""
    for _ in range(100):
        tmp = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


def remove_stale_temporaries(path: Path, older_than: float = STALE_TMP_SECONDS) -> list[Path]:
    """Remove the temporary files a killed write of `path` left (our naming only, old ones only); return them."""
    pattern = re.compile(r"\." + re.escape(path.name) + r"\.[a-z0-9_]{8}\.tmp")
    cutoff = time.time() - older_than
    removed = []
    try:
        with os.scandir(path.parent) as entries:
            for entry in entries:
                if not pattern.fullmatch(entry.name):
                    continue
                try:
                    if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < cutoff:
                        os.unlink(entry.path)
                        removed.append(Path(entry.path))
                except OSError:  # gone meanwhile, or not ours to remove: the write goes on
                    continue
    except OSError:
        pass
    return removed


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
