"""The event store: each article's extracted events kept on disk; an unchanged article is not extracted again.

Layout of a store folder (``DATA_DIR/eventstore`` by default)::

    manifest.json          which article (path under the articles folder) has which content
                           key, its problems, and the part file holding its events
    part-<id>.parquet      events (with their mentions) of the articles one update extracted
    merged-<id>.parquet    the page's last table merged across articles, and its mention
    mentions-<id>.parquet  table, reused while the same articles with the same contents
                           are in the library

An article's key is a hash of its file name and bytes; the manifest also records the
extractor's version (a hash of the package's code and word lists): a new version makes
every article stale. An update writes its new part file first and then replaces the
manifest atomically, under a lock, so a reader or a run killed half-way sees the store
before or after the update, never between; part files no manifest names are removed by
the next update.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import typing
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import store
from .model import Event, Mention

FOLDER = "eventstore"  # the store's folder inside a data folder
MANIFEST = "manifest.json"
FORMAT = 1  # bump when the manifest or the part schema changes
COMPACT_RATIO = 2.0  # rewrite the live rows into one part when the parts hold this many times more
_ROOT = Path(__file__).resolve().parent
_PROJECT_DATA = _ROOT.parent / "data"
# data/ entries the extractor does not read: the library, the page's words, the users' corrections
_NOT_EXTRACTOR = {"articles", "tables", FOLDER, "ui", "corrections.csv"}


def folder_of(data: Path) -> Path:
    """Return the store folder of data folder `data`."""
    return data / FOLDER


def extractor_version() -> str:
    """Return a hash of the extractor's code and word lists: stored events of another version are stale."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    files = sorted(p for p in _ROOT.rglob("*.py") if "__pycache__" not in p.parts)
    files += sorted(
        p for p in _PROJECT_DATA.rglob("*")
        if p.is_file() and p.relative_to(_PROJECT_DATA).parts[0] not in _NOT_EXTRACTOR
        and not p.name.startswith(".")  # lock files
    )
    for path in files:
        where = path.relative_to(_ROOT) if path.is_relative_to(_ROOT) else path.relative_to(_PROJECT_DATA)
        digest.update(where.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def content_key(name: str, data: bytes) -> str:
    """Return an article's key: its events depend on its file name (the `source`) and its bytes."""
    return hashlib.sha256(name.encode("utf-8") + b"\0" + data).hexdigest()[:32]


# --- events <-> Arrow -----------------------------------------------------------------------------

def _arrow_type(hint: object) -> pa.DataType:
    if hint is str:
        return pa.string()
    if hint is int:
        return pa.int64()
    if hint is float:
        return pa.float64()
    if hint is bool:
        return pa.bool_()
    if hint is dt.date:
        return pa.date32()
    args = typing.get_args(hint)
    if type(None) in args:  # date | None
        return _arrow_type(next(a for a in args if a is not type(None)))
    if typing.get_origin(hint) is tuple:
        inner = args[0]
        return pa.list_(_struct(inner) if dataclasses.is_dataclass(inner) else _arrow_type(inner))
    raise TypeError(f"no Arrow type for {hint!r}")


def _struct(cls: type) -> pa.StructType:
    hints = typing.get_type_hints(cls)
    return pa.struct([(f.name, _arrow_type(hints[f.name])) for f in dataclasses.fields(cls)])


EVENT_TYPE = _struct(Event)
SCHEMA = pa.schema([("key", pa.string()), *[(f.name, f.type) for f in EVENT_TYPE]])


def _tuple_fields(cls: type) -> set[str]:
    hints = typing.get_type_hints(cls)
    return {f.name for f in dataclasses.fields(cls) if typing.get_origin(hints[f.name]) is tuple}


_TUPLES = _tuple_fields(Event)
_MENTION_TUPLES = _tuple_fields(Mention)


def _record(key: str, e: Event) -> dict:
    row = {f.name: getattr(e, f.name) for f in dataclasses.fields(Event)}
    row["mentions"] = [dataclasses.asdict(m) for m in e.mentions]
    row["key"] = key
    return row


def to_arrow(pairs: Iterable[tuple[str, Event]]) -> pa.Table:
    """Return (key, event) pairs as a table of the store's schema."""
    return pa.Table.from_pylist([_record(k, e) for k, e in pairs], schema=SCHEMA)


def _mention(row: dict) -> Mention:
    for name in _MENTION_TUPLES:
        row[name] = tuple(row[name] or ())
    return Mention(**row)


def from_arrow(tbl: pa.Table) -> Iterator[tuple[str, Event]]:
    """Yield (key, event) of a table of the store's schema, exactly as they were stored."""
    for row in tbl.to_pylist():
        key = row.pop("key")
        for name in _TUPLES:
            row[name] = tuple(row[name] or ())
        row["mentions"] = tuple(_mention(m) for m in row["mentions"])
        yield key, Event(**row)


# --- the store ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Entry:
    """What the store knows of one article file."""

    key: str  # content_key of its name and bytes
    size: int
    mtime: int  # st_mtime_ns when it was stored: an unchanged stat skips reading the file
    part: str = ""  # the part file of its events, "" when it has none
    events: int = 0
    problems: tuple[str, ...] = ()  # non-fatal problems met while reading it
    error: str = ""  # the message when it could not be read at all

    def record(self) -> dict:
        return {"key": self.key, "size": self.size, "mtime": self.mtime, "part": self.part,
                "events": self.events, "problems": list(self.problems), "error": self.error}


class Store:
    """An open event store: look articles up, add newly extracted ones, then `commit`.

    >>> import tempfile; s = Store(Path(tempfile.mkdtemp()))
    >>> s.lookup("a.txt", b"Pada 24 Februari 2022, ...") is None
    True
    """

    def __init__(self, folder: Path, version: str | None = None):
        self.folder = folder
        self.version = version or extractor_version()
        self.parts: dict[str, int] = {}  # rows per part file, as the manifest says (set by _read_manifest)
        self.entries: dict[str, Entry] = self._read_manifest()
        self._touched = False
        self._pending: dict[str, tuple[Entry, list[Event]]] = {}
        self._loaded: dict[str, dict[str, list[Event]]] = {}

    def _read_manifest(self) -> dict[str, Entry]:
        doc = _load_manifest(self.folder)
        self.parts = {}
        if doc.get("format") != FORMAT or doc.get("version") != self.version:
            return {}
        self.parts = {str(k): int(v) for k, v in doc.get("parts", {}).items()}
        return {name: Entry(r["key"], r["size"], r["mtime"], r["part"], r["events"], tuple(r["problems"]),
                            r.get("error", "")) for name, r in doc.get("articles", {}).items()}

    def fresh(self, name: str, size: int, mtime: int) -> Entry | None:
        """Return the entry of article `name` when its size and time are those stored (no read needed)."""
        entry = self._pending.get(name, (None,))[0] or self.entries.get(name)
        return entry if entry and entry.size == size and entry.mtime == mtime else None

    def lookup(self, name: str, data: bytes) -> Entry | None:
        """Return the stored entry of article `name` when its bytes are those stored."""
        entry = self._pending.get(name, (None,))[0] or self.entries.get(name)
        return entry if entry and entry.key == content_key(Path(name).name, data) else None

    def touch(self, name: str, entry: Entry, size: int, mtime: int) -> None:
        """Record a new size and time for an article whose content is unchanged."""
        if (entry.size, entry.mtime) != (size, mtime):
            self.entries[name] = dataclasses.replace(entry, size=size, mtime=mtime)
            self._touched = True

    def events(self, name: str) -> list[Event]:
        """Return the stored events of article `name`, in the order extraction gave them."""
        if name in self._pending:
            return list(self._pending[name][1])
        entry = self.entries[name]
        if not entry.part:
            return []
        if entry.part not in self._loaded:
            try:
                tbl = pq.read_table(self.folder / entry.part)
            except (OSError, pa.ArrowException):
                # another update compacted the parts since this store was opened: look again
                self.entries, self._loaded = self._read_manifest(), {}
                again = self.entries.get(name)
                if again is None or again.key != entry.key:
                    raise KeyError(f"{name} is no longer in the store") from None
                if not again.part:
                    return []
                entry = again
                tbl = pq.read_table(self.folder / entry.part)
            by_key: dict[str, list[Event]] = {}
            for key, e in from_arrow(tbl):
                by_key.setdefault(key, []).append(e)
            self._loaded[entry.part] = by_key
        return list(self._loaded[entry.part].get(entry.key, ()))

    def add(self, name: str, key: str, size: int, mtime: int, events: list[Event],
            problems: Iterable[str] = (), error: str = "") -> None:
        """Stage the extraction of article `name`; `commit` writes it."""
        self._pending[name] = (Entry(key, size, mtime, "", len(events), tuple(problems), error), list(events))

    @property
    def changed(self) -> bool:
        return bool(self._pending) or self._touched

    def commit(self, keep: Iterable[str] | None = None) -> int:
        """Write the staged articles as one part and replace the manifest; return how many were written.

        `keep`: the article names that still exist; the others drop out of the store. Under
        the store's lock the manifest is read again, so another writer's update is kept.
        """
        keep = None if keep is None else set(keep)
        written = len(self._pending)
        self.folder.mkdir(parents=True, exist_ok=True)
        with store.locked(self.folder / MANIFEST):
            latest = Store(self.folder, self.version)
            entries, parts = latest.entries, latest.parts
            for name, entry in self.entries.items():  # our touched stats
                if name in entries and entries[name].key == entry.key:
                    entries[name] = entry
            rows = [(e.key, ev) for e, evs in self._pending.values() for ev in evs]
            part = ""
            if rows:
                part = f"part-{uuid.uuid4().hex[:12]}.parquet"
                _write_part(self.folder / part, to_arrow(rows))
                parts[part] = len(rows)
            for name, (entry, _) in self._pending.items():
                entries[name] = dataclasses.replace(entry, part=part if entry.events else "")
            if keep is not None:
                entries = {n: e for n, e in entries.items() if n in keep}
            entries, parts = _compacted(self.folder, entries, parts)
            _write_manifest(self.folder, self.version, entries, parts)
            _remove_unnamed(self.folder, set(parts))
        self.entries, self.parts = entries, parts
        self._pending, self._loaded, self._touched = {}, {}, False
        return written


    def signature(self, names: Iterable[str], title_language: str = "source") -> str:
        """Return a key for the merge of these stored articles (their names and contents, in order)."""
        digest = hashlib.sha256(f"{self.version}\0{title_language}\0".encode())
        for name in names:
            digest.update(f"{name}\0{self.entries[name].key}\0".encode())
        return digest.hexdigest()[:32]

    def merged(self, signature: str) -> tuple[pd.DataFrame, pd.DataFrame, list[str]] | None:
        """Return the merged table, its mention table and notes kept for `signature`, or None."""
        kept = _load_manifest(self.folder).get("merged", {})
        doc = next((d for d in kept.values() if isinstance(d, dict) and d.get("of") == signature), {})
        if not doc or doc.get("version") != self.version:
            return None
        try:
            frames = [pd.read_parquet(self.folder / doc[k]) for k in ("file", "mentions")]
        except (OSError, ValueError, KeyError, pa.ArrowException):
            return None
        return frames[0], frames[1], list(doc.get("notes", []))

    def keep_merged(self, signature: str, merged: pd.DataFrame, mentions: pd.DataFrame, notes: list[str],
                    title_language: str = "source") -> None:
        """Keep the page's merged table and mention table for the articles of `signature`, replacing the last
        one of the same title language (the page merges once per language it is shown in)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        with store.locked(self.folder / MANIFEST):
            names = {"file": f"merged-{signature[:12]}.parquet", "mentions": f"mentions-{signature[:12]}.parquet"}
            _write_part(self.folder / names["file"], pa.Table.from_pandas(merged, preserve_index=False))
            _write_part(self.folder / names["mentions"], pa.Table.from_pandas(mentions, preserve_index=False))
            doc = _load_manifest(self.folder)
            kept = {k: v for k, v in doc.get("merged", {}).items() if isinstance(v, dict)}
            kept[title_language] = {"of": signature, "version": self.version, **names, "notes": list(notes)}
            doc["merged"] = kept
            text = json.dumps(doc, ensure_ascii=False, indent=0)
            store.write_atomic(self.folder / MANIFEST, text.encode("utf-8"))
            named = {v.get(k) for v in kept.values() for k in ("file", "mentions")}
            for old in (*self.folder.glob("merged-*.parquet"), *self.folder.glob("mentions-*.parquet")):
                if old.name not in named:
                    old.unlink(missing_ok=True)


def _load_manifest(folder: Path) -> dict:
    try:
        return json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):  # none yet, or unreadable: start again
        return {}


def _write_part(path: Path, tbl: pa.Table) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(tbl, tmp, compression="zstd")
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _write_manifest(folder: Path, version: str, entries: dict[str, Entry], parts: dict[str, int]) -> None:
    live = {e.part for e in entries.values() if e.part}
    merged = _load_manifest(folder).get("merged")
    doc = {"format": FORMAT, "version": version, "written": dt.datetime.now(dt.timezone.utc).isoformat(),
           "parts": {p: n for p, n in sorted(parts.items()) if p in live},
           "articles": {n: e.record() for n, e in sorted(entries.items())}}
    if merged:
        doc["merged"] = merged
    store.write_atomic(folder / MANIFEST, json.dumps(doc, ensure_ascii=False, indent=0).encode("utf-8"))
    parts.clear()
    parts.update(doc["parts"])


def _compacted(folder: Path, entries: dict[str, Entry], parts: dict[str, int]) -> tuple[dict, dict]:
    """Rewrite the live rows into one part when the parts mostly hold rows of gone or changed articles."""
    live_parts = {e.part for e in entries.values() if e.part}
    held = sum(n for p, n in parts.items() if p in live_parts)
    live = sum(e.events for e in entries.values() if e.part)
    if len(live_parts) <= 1 or held <= COMPACT_RATIO * max(live, 1):
        return entries, parts
    wanted = {(e.part, e.key) for e in entries.values() if e.part}
    tables = []
    for p in sorted(live_parts):
        tbl = pq.read_table(folder / p)
        keys = pa.array(sorted(k for q, k in wanted if q == p), pa.string())
        tables.append(tbl.filter(pc.is_in(tbl["key"], value_set=keys)))
    merged = pa.concat_tables(tables)
    part = f"part-{uuid.uuid4().hex[:12]}.parquet"
    _write_part(folder / part, merged)
    entries = {n: dataclasses.replace(e, part=part) if e.part else e for n, e in entries.items()}
    return entries, {part: merged.num_rows}


def _remove_unnamed(folder: Path, named: set[str]) -> None:
    """Remove part files the manifest does not name (left by a run killed before its manifest)."""
    for path in folder.glob("part-*.parquet"):
        if path.name not in named:
            path.unlink(missing_ok=True)
    for path in folder.glob(".*.tmp"):  # half-written parts or manifests; no writer is busy under the lock
        path.unlink(missing_ok=True)


def extract_file(path: Path) -> tuple[list[Event], tuple[str, ...], str]:
    """Read and extract one article file: (events, problems met reading it, error message or "")."""
    from . import ingest, pipeline
    from .errors import InputError

    try:
        article = ingest.read(path)
        return pipeline.extract_article(article), article.problems, ""
    except InputError as exc:
        return [], (), str(exc)
    except Exception as exc:  # a bug met on one input must not stop the update
        return [], (), str(pipeline.internal_error(str(path), exc))


def _extracted(paths: list[Path], extract: Callable, jobs: int) -> Iterator:
    """Yield extract(path) of each path in order, over `jobs` processes when more than one."""
    if jobs <= 1 or len(paths) < 2:
        yield from map(extract, paths)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(extract, paths, chunksize=max(1, min(16, len(paths) // (jobs * 4))))


def update(
    folder: Path,
    articles: Path,
    extract: Callable[[Path], tuple[list[Event], tuple[str, ...], str]] = extract_file,
    progress: Callable[[Iterable, int], Iterable] = lambda it, total: it,
    batch: int = 200,
    jobs: int = 1,
) -> tuple[int, int, int]:
    """Bring the store of the articles under `articles` up to date; return (extracted, unchanged, removed).

    `extract(path)` gives (events, problems, error message); `progress(iterable, total)`
    wraps the extraction (a progress bar). Every `batch` articles the work so far is
    committed, so a run killed half-way keeps it. `jobs` processes share the articles.
    """
    from . import ingest

    files, _ = ingest.collect([articles]) if articles.is_dir() else ([], [])
    s = Store(folder)
    names = {name_in(f, articles): f for f in files}
    todo: list[tuple[str, Path, os.stat_result, str]] = []
    unchanged = 0
    for name, path in names.items():
        try:
            st = path.stat()
        except OSError:
            continue
        if s.fresh(name, st.st_size, st.st_mtime_ns):
            unchanged += 1
            continue
        try:
            data = path.read_bytes()
        except OSError:
            data = b""
        if entry := s.lookup(name, data):
            s.touch(name, entry, st.st_size, st.st_mtime_ns)
            unchanged += 1
            continue
        todo.append((name, path, st, content_key(path.name, data)))
    removed = len(set(s.entries) - set(names))
    done = 0
    results = _extracted([path for _, path, _, _ in todo], extract, jobs)
    for (name, path, st, key), (evs, problems, error) in zip(todo, progress(results, len(todo)), strict=True):
        s.add(name, key, st.st_size, st.st_mtime_ns, evs, problems, error)
        done += 1
        if done % batch == 0:
            s.commit(keep=names)
    if s.changed or removed:
        s.commit(keep=names)
    return done, unchanged, removed


def name_in(path: Path | str, articles: Path) -> str:
    """Return the name an article has in the manifest: its path under the articles folder."""
    # On strings first: a restart names 10,000 articles, and Path.relative_to took 0.1 s of it.
    text, folder = str(path), os.path.join(str(articles), "")
    if text.startswith(folder) and os.sep == "/" and "/./" not in text and "//" not in text[len(folder) - 1:]:
        return text[len(folder):]
    try:
        return Path(path).relative_to(articles).as_posix()
    except ValueError:
        return str(path)
