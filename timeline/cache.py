"""Keep what is derived from data files between runs, in a user cache folder.

Some tables take a large share of a short run to derive (the gazetteer's cities, read
past the stop list and the Indonesian dictionary: half a second) and change only when
their inputs do. Each is kept as JSON under a key hashed from everything it is derived
from (the bytes of the project's files, the size and time of installed packages' data,
the deriving module's own source), so an edited word list or an upgraded package makes
a new entry and the stale one is never read. Written atomically; a folder that cannot
be written only costs the time of deriving again.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Iterable
from pathlib import Path

import orjson

from .store import write_atomic

CACHE_ENV = "TIMELINE_CACHE_DIR"  # where to keep the tables; "off" keeps none
FORMAT = "1"  # bumped when the layout of every entry changes


def folder() -> Path | None:
    """Return the cache folder ($TIMELINE_CACHE_DIR, else $XDG_CACHE_HOME/timeline, ~/.cache/timeline)."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "timeline"


def package_file(package: str, *parts: str) -> Path | None:
    """Return a data file of an installed package, found without importing the package."""
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)), *parts)


def key(files: Iterable[Path], packaged: Iterable[Path | None] = (), extra: str = "") -> str:
    """Return a key of the files' bytes, the packaged files' size and time, and `extra`."""
    digest = hashlib.sha256(FORMAT.encode() + b"\0" + extra.encode())
    for path in files:
        digest.update(b"\0" + str(path).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"missing")
    for path in packaged:  # large and only replaced by an upgrade: size and time tell
        try:
            st = path.stat() if path else None
        except OSError:
            st = None
        digest.update(f"\0{path}\0{st and st.st_size}\0{st and st.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def load(name: str, entry_key: str) -> object | None:
    """Return the kept table `name` under `entry_key`, None when there is none (or it is unreadable)."""
    data = load_bytes(name, entry_key, ".json")
    if data is None:
        return None
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return None


def keep(name: str, entry_key: str, value: object) -> None:
    """Keep `value` as table `name` under `entry_key`, dropping that table's older entries."""
    keep_bytes(name, entry_key, orjson.dumps(value), ".json")


def load_bytes(name: str, entry_key: str, suffix: str) -> bytes | None:
    """Return the kept bytes `name` under `entry_key` (files ending in `suffix`), None when there are none."""
    where = folder()
    if where is None:
        return None
    try:
        return (where / f"{name}-{entry_key}{suffix}").read_bytes()
    except OSError:
        return None


def keep_bytes(name: str, entry_key: str, data: bytes, suffix: str) -> None:
    """Keep `data` as `name` under `entry_key`, dropping that name's older entries of the same suffix."""
    where = folder()
    if where is None:
        return
    path = where / f"{name}-{entry_key}{suffix}"
    try:
        where.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
        for old in where.glob(f"{name}-*{suffix}"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only or full disk: the next run derives it again
        pass
