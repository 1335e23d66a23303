"""The article library in data/articles: where it is, and adding articles to it safely."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import os
import re
import tempfile
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as arrow_csv
import pyarrow.parquet as pq
import yaml

from . import corrections, eventstore, ingest, store, table, wireyear
from .errors import InputError
from .model import PRECISIONS, Article

DATA_ENV = "TIMELINE_DATA_DIR"  # tests and deployments point the page at another data folder
DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"
_UNSAFE = re.compile(r"[^\w.-]+")
# Bytes of a saved article's name: file systems allow 255, and the temporary file of the
# write (".NAME.XXXXXXXX.tmp", 14 more) and a "-N" for a taken name must still fit.
MAX_NAME_BYTES = 200


def data_dir() -> Path:
    """Return the data folder: $TIMELINE_DATA_DIR, else the project's data/."""
    return Path(os.environ.get(DATA_ENV) or DEFAULT_DATA)


def articles_dir(data: Path | None = None) -> Path:
    """Return the folder the articles live in."""
    return (data or data_dir()) / "articles"


def tables_dir(data: Path | None = None) -> Path:
    """Return the folder of event tables (CSV in the schema) the page shows beside the articles."""
    return (data or data_dir()) / "tables"


def table_files(data: Path | None = None) -> list[Path]:
    """Return the event tables of the data folder, by name."""
    folder = tables_dir(data)
    return sorted(p for p in folder.glob("*.csv") if p.is_file()) if folder.is_dir() else []


def stamps(paths: list[Path]) -> list[tuple[str, int, int]]:
    """Return (path, size, modification time) of each file that exists: the page's cache keys."""
    out = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:  # gone since it was listed, or never there
            continue
        out.append((str(path), stat.st_size, stat.st_mtime_ns))
    return out


def contents(data: Path | None = None) -> tuple:
    """Return what the page's table is made of, by size and time: (articles, event tables, corrections, errors).

    Unreadable paths come as messages; a changed file changes the result, which is how the page
    knows to read again.
    """
    folder = articles_dir(data)
    folder.mkdir(parents=True, exist_ok=True)
    files, errors = ingest.collect([folder])
    fixes = corrections.path_in(data or data_dir())
    return (tuple(stamps(files)), tuple(stamps(table_files(data))), tuple(stamps([fixes])),
            tuple(str(e) for e in errors))


def digest(contents: tuple) -> str:
    """Return a short key of a `contents()` result: equal contents, equal key."""
    return hashlib.sha256(repr(contents).encode("utf-8")).hexdigest()[:32]


def load(data: Path, contents: tuple, read_article: Callable, extract: Callable, read_table: Callable,
         title_language: str = "source") -> tuple:
    """Return the table of data folder `data` from its `contents()`: (corrected table, problems, corrections,
    unused, mentions) — `mentions`: every article's report of every event (table.MENTION_SCHEMA).

    The readers are the page's cached ones: each takes (path, size, mtime) and returns an
    Article or a table, or the message of a bad file; `extract` gives an article's events.
    """
    base, said, problems, unrated = _from_articles(data, contents, read_article, extract, title_language)
    extra = []
    for path, size, mtime in contents[1]:
        got = read_table(path, size, mtime)
        problems.append(got) if isinstance(got, str) else extra.append(got)
    # The researchers' tables beside them; then corrections, which their events take too.
    frame = merge_tables(base, extra)
    problems += unrated
    fixes, bad = _corrections(data)
    return (corrections.apply(frame, fixes), problems + bad, fixes, corrections.unmatched(frame, fixes), said)


def open_table(data: Path, contents: tuple, read_article: Callable, extract: Callable,
               title_language: str = "source") -> tuple:
    """Return what `load` returns, the table as a query.Table (DuckDB over Parquet) instead of a pandas one.

    The same rows in the same order as `load`, but the event tables of data/tables and the
    result stay on disk as Parquet (in the event store's `page/` folder, else a temporary
    folder): checked once per file change, combined once per change of what the table is
    made of, so a restart opens a file. A million events never sit in pandas.
    """
    from . import query  # DuckDB and the charts: the page's, not `index`'s

    base, said, problems, unrated = _from_articles(data, contents, read_article, extract, title_language)
    folder = cache_dir(data)
    tables = []
    for path, size, mtime in contents[1]:
        try:
            tables.append(table_parquet(Path(path), size, mtime, folder))
        except InputError as exc:
            problems.append(str(exc))
    problems += unrated
    fixes, bad = _corrections(data)
    scratch = folder / "scratch"
    made_of = hashlib.sha256()
    for part in (PAGE_VERSION, title_language, repr(sorted(fixes.items())), *map(str, tables)):
        made_of.update(part.encode("utf-8") + b"\0")
    made_of.update(pd.util.hash_pandas_object(base, index=False).to_numpy().tobytes())
    target = folder / f"view-{made_of.hexdigest()[:24]}.parquet"
    if not target.exists():
        query.build(target, base, tables, fixes, scratch)
        _tidy(folder, target, tables)
    unused = query.unused(base, tables, fixes, scratch)
    return query.Table.open(target, scratch), problems + bad, fixes, unused, said


def _corrections(data: Path) -> tuple[dict, list[str]]:
    """Return the corrections of data folder `data` and the problems reading them."""
    try:
        return corrections.load(corrections.path_in(data))
    except InputError as exc:
        return {}, [str(exc)]


def _from_articles(data: Path, contents: tuple, read_article: Callable, extract: Callable,
                   title_language: str) -> tuple[pd.DataFrame, pd.DataFrame, list[str], list[str]]:
    """Return the articles' merged table, their mention table, the problems met and the importance notes."""
    articles, _, _, errors = contents
    problems = list(errors)
    kept = _open_store(data)
    root = articles_dir(data)
    parts: list[tuple[str, list | None]] = []  # (name, its events; None: in the store, read when needed)
    articles_read: list[tuple[str, int, int]] = []  # the (path, size, mtime) of each of `parts`
    guessed: list[tuple[str, int, int]] = []  # articles whose publication year was a guess (wireyear.py)
    for path, size, mtime in articles:
        source, name = os.path.basename(path), eventstore.name_in(path, root)  # strings: 10,000 Paths took 0.2 s
        entry, key = _stored(kept, name, path, size, mtime)
        if entry is not None and not entry.error:
            problems += [f"{source}: {p}" for p in entry.problems]
            if any(p.startswith(wireyear.YEAR_GUESSED) for p in entry.problems):
                guessed.append((path, size, mtime))
            problems += [] if entry.events else [f"{source}: no dated events found"]
            parts.append((name, None))
            articles_read.append((path, size, mtime))
            continue
        article = read_article(path, size, mtime)
        if isinstance(article, str):
            problems.append(article)
            continue
        problems += [f"{article.source}: {p}" for p in article.problems]
        if article.year_guessed:
            guessed.append((path, size, mtime))
        mine = extract(article)
        if kept is not None and key:
            kept.add(name, key, size, mtime, mine, article.problems)
        problems += [] if mine else [f"{source}: no dated events found"]
        parts.append((name if key else "", mine))
        articles_read.append((path, size, mtime))
    if kept is not None and kept.changed:
        try:
            kept.commit(keep=[eventstore.name_in(p, root) for p, _, _ in articles])
        except (OSError, TimeoutError):  # a read-only data folder: the page works, only slower next time
            pass
    # One row per happening across articles (the reports of one meeting become one row; one
    # reported in both languages titled in the page's language): merging is most of a
    # restart's time, so the store keeps its result for the same articles and language.
    stored = kept is not None and all(n in kept.entries for n, _ in parts)
    of = kept.signature([n for n, _ in parts], title_language) if stored else ""
    snapshot = kept.merged(of) if of else None
    if snapshot is not None:
        base, said, unrated = snapshot
        if guessed:  # the kept merge settled their years: its mention table says which
            kept_days = said[said["source"].isin({os.path.basename(p) for p, _, _ in guessed})]
            published = dict(zip(kept_days["source"], kept_days["published"].fillna("")))
            problems = [wireyear.kept_note(n, published) for n in problems]
    else:
        found = [e for (path, size, mtime), (name, mine) in zip(articles_read, parts, strict=True)
                 for e in (_events(kept, name, path, size, mtime, read_article, extract) if mine is None else mine)]
        from . import importance, pipeline  # merging only: a restart with a kept merge never imports them

        if guessed:  # a wire story's guessed year, settled by the other articles (as `extract` does)
            guesses = [wireyear.Guess(os.path.basename(p), _redo(p, size, mtime, read_article, extract))
                       for p, size, mtime in guessed]
            found, chosen = wireyear.settle(found, guesses)
            problems = [wireyear.settled_note(n, chosen) for n in problems]
        merged, unrated = importance.rate(pipeline.merge_events(found, title_language))
        base, said = table.to_frame(merged), table.mentions_frame(merged)
        if of:
            try:
                kept.keep_merged(of, base, said, unrated, title_language)
            except (OSError, TimeoutError):
                pass
    return base, said, problems, unrated


def _redo(path: str, size: int, mtime: int, read_article: Callable, extract: Callable) -> Callable:
    """Return a function extracting the article at `path` as if published on a given day."""

    def on(day):
        article = read_article(path, size, mtime)
        if isinstance(article, str):
            return []
        return extract(replace(article, published=day, year_guessed=False))

    return on


def prepare(data: Path, title_language: str = "en") -> None:
    """Merge the stored events of data folder `data` as the page does and keep the result (`index` calls it),
    so the page's next start in `title_language` (its default: English) neither extracts nor merges."""

    def read_article(path: str, size: int, mtime: int) -> Article | str:
        try:
            return ingest.read(Path(path))
        except InputError as exc:
            return str(exc)

    from . import pipeline

    load(data, contents(data), read_article, pipeline.extract_article, lambda path, size, mtime: "", title_language)


def _open_store(data: Path) -> eventstore.Store | None:
    """Return the event store of `data`, or None when it cannot be opened (the page then extracts)."""
    try:
        return eventstore.Store(eventstore.folder_of(data))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _events(kept: eventstore.Store, name: str, path: str, size: int, mtime: int, read_article: Callable,
            extract: Callable) -> list:
    """Return an article's stored events; extract it again when the store lost them meanwhile."""
    try:
        return kept.events(name)
    except Exception:  # removed or rewritten by another writer since it was opened, or damaged
        article = read_article(path, size, mtime)
        return [] if isinstance(article, str) else extract(article)


def _stored(kept: eventstore.Store | None, name: str, where: str, size: int, mtime: int):
    """Return (the store's entry for the article at path `where` or None, its content key or "")."""
    if kept is None:
        return None, ""
    if entry := kept.fresh(name, size, mtime):
        return entry, entry.key
    path = Path(where)
    try:
        data = path.read_bytes()
    except OSError:
        return None, ""
    if entry := kept.lookup(name, data):
        kept.touch(name, entry, size, mtime)
        return entry, entry.key
    return None, eventstore.content_key(path.name, data)


PAGE_VERSION = "1"  # of the page's Parquet files: a new one makes them again
PAGE_VIEWS_KEPT = 4  # combined tables kept (per language, and the last few states of the folder)


def cache_dir(data: Path) -> Path:
    """Return the folder of the page's Parquet files: `page/` in the event store, else a temporary folder."""
    folder = eventstore.folder_of(data) / "page"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK):
            return folder
    except OSError:
        pass
    digest = hashlib.sha256(str(data.resolve()).encode("utf-8")).hexdigest()[:16]
    folder = Path(tempfile.gettempdir()) / f"timeline-page-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def table_parquet(path: Path, size: int, mtime: int, folder: Path) -> Path:
    """Return a checked Parquet copy of event table `path` in `folder`, made once per size and time.

    The rows are those `read_table` gives (not yet sorted: `_n` holds each row's place in the
    file); the CSV is read and checked BATCH rows at a time, so a million rows never sit in
    pandas. Raises InputError as `read_table` does.
    """
    digest = hashlib.sha256(f"{path}\0{size}\0{mtime}\0{PAGE_VERSION}".encode("utf-8")).hexdigest()[:24]
    target = folder / f"table-{digest}.parquet"
    if not target.exists():
        _to_parquet(path, target)
    return target


def _to_parquet(path: Path, target: Path) -> None:
    """Write the checked rows of event table `path` to `target` atomically (table_parquet)."""
    name = path.name
    try:
        with path.open("rb") as fh:
            head = fh.read(1 << 16)
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    if not head.decode("utf-8-sig", errors="ignore").strip():
        raise InputError(name, "is empty")
    try:
        header = next(csv.reader([head.split(b"\n", 1)[0].decode("utf-8-sig").rstrip("\r")]), [])
    except UnicodeDecodeError:
        raise InputError(name, "is not UTF-8 text; save it as UTF-8 CSV") from None
    as_text = arrow_csv.ConvertOptions(column_types={c: pa.string() for c in header},
                                       strings_can_be_null=False, quoted_strings_can_be_null=False)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")  # one per writer, threads too
    writer, first = None, 0
    try:
        blocks = arrow_csv.ReadOptions(block_size=1 << 22)  # about 10,000 rows a batch
        reader = arrow_csv.open_csv(path, read_options=blocks, convert_options=as_text)
        for batch in reader:
            rows = batch.to_pandas().astype("string")
            part = _checked_part(rows, name, first)
            writer = writer or pq.ParquetWriter(tmp, part.schema, compression="zstd")
            writer.write_table(part)
            first += len(part)
        if writer is None:  # a header and no rows
            part = _checked_part(pd.DataFrame({c: pd.Series([], dtype="string") for c in header}), name, 0)
            writer = pq.ParquetWriter(tmp, part.schema, compression="zstd")
            writer.write_table(part)
        writer.close()
        os.replace(tmp, target)
    except pa.ArrowInvalid as exc:
        if "utf8" in str(exc).lower():
            raise InputError(name, "is not UTF-8 text; save it as UTF-8 CSV") from None
        raise InputError(name, f"is not an event table ({' '.join(str(exc).split())[:160]})") from None
    finally:
        if writer is not None:
            writer.close()
        tmp.unlink(missing_ok=True)


def _checked_part(rows: pd.DataFrame, name: str, first: int) -> pa.Table:
    """Return rows read as text from table `name` typed, checked, in the schema, with `_n` (their place)."""
    try:
        df = table.typed(rows)
    except (ValueError, TypeError) as exc:
        raise InputError(name, f"is not an event table ({' '.join(str(exc).split())[:160]})") from None
    df = checked(df, name, first).astype(table.DTYPES)
    df = df.assign(_n=np.arange(first, first + len(df), dtype=np.int64))
    return pa.Table.from_pandas(df, preserve_index=False)


def _tidy(folder: Path, made: Path, tables: list[Path]) -> None:
    """Remove the page's files no longer wanted: all but the newest combined tables, tables not in use."""
    views = sorted(folder.glob("view-*.parquet"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in views[PAGE_VIEWS_KEPT:]:
        if old != made:
            old.unlink(missing_ok=True)
    for old in folder.glob("table-*.parquet"):
        if old not in tables:
            old.unlink(missing_ok=True)


# Columns added to the schema after the first release: an older table may lack them.
_LATER = {"source_count": 1, "corrected": "", "sources": "", "date_note": "", "importance": 0.0, "places": ""}
_ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"
FIRST_DAY = dt.date.min.isoformat()  # "0001-01-01": Python has no year 0


def read_table(path: Path) -> pd.DataFrame:
    """Return an event table (as `python -m timeline extract -o` writes it) in the schema, checked.

    Raises InputError naming the file and the problem: not UTF-8, not CSV, columns missing,
    a bad date, precision or confidence (with the CSV line of the first bad row).
    """
    name = path.name
    try:
        text = path.read_bytes().decode("utf-8-sig")  # the page's downloads start with a BOM
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(name, "is not UTF-8 text; save it as UTF-8 CSV") from None
    if not text.strip():
        raise InputError(name, "is empty")
    try:
        df = table.from_csv(text)
    except (ValueError, TypeError, pd.errors.ParserError) as exc:
        raise InputError(name, f"is not an event table ({' '.join(str(exc).split())[:160]})") from None
    df = checked(df, name)
    return df.sort_values(["date", "date_end", "source"], kind="stable").reset_index(drop=True)


def checked(df: pd.DataFrame, name: str, first: int = 0) -> pd.DataFrame:
    """Return rows read from table `name` in the schema, later columns added, checked, year 0 held.

    `first`: how many rows of the file came before these (an error names the file's line).
    """
    for column, value in _LATER.items():
        if column not in df.columns:
            kind = {int: "int64", float: "float64"}.get(type(value), "string")
            df[column] = pd.Series(value, index=df.index, dtype=kind)
    missing = [c for c in table.SCHEMA if c not in df.columns]
    if missing:
        raise InputError(name, f"is not an event table: the column(s) {', '.join(missing)} are missing")
    df = df.loc[:, list(table.SCHEMA)]
    _check(df, name, first)
    return _held(df)


def _check(df: pd.DataFrame, name: str, first: int = 0) -> None:
    """Raise InputError at the first row whose dates, precision or confidence make no sense."""
    checks = [
        ("date", ~df["date"].str.fullmatch(_ISO_DAY).fillna(False), "is not a date like 2024-06-19"),
        ("date_end", ~df["date_end"].str.fullmatch(_ISO_DAY).fillna(False), "is not a date like 2024-06-19"),
        ("precision", ~df["precision"].isin(PRECISIONS).fillna(False), f"is not one of {', '.join(PRECISIONS)}"),
        ("confidence", ~df["confidence"].between(0, 1).fillna(False), "is not a number from 0 to 1"),
        ("date_end", (df["date_end"] < df["date"]).fillna(False), "is before date"),
    ]
    for column, bad, problem in checks:
        if bad.any():
            row = int(bad.to_numpy(dtype=bool).argmax())
            raise InputError(f"{name} line {first + row + 2}", f"{column} {df[column].iloc[row]!r} {problem}")
    days = pd.to_datetime(pd.concat([df["date"], df["date_end"]]), format="%Y-%m-%d", errors="coerce")
    if days.isna().any():  # well-formed but impossible, like 2024-02-30
        row = int(days.isna().to_numpy().argmax()) % len(df)
        raise InputError(f"{name} line {first + row + 2}", f"date {df['date'].iloc[row]!r} or date_end is not a real day")


def _held(df: pd.DataFrame) -> pd.DataFrame:
    """Return the table with days of year 0 moved to 0001-01-01, the first day Python can hold, noted in date_label.

    The CSV check lets "0000-01-01" through (pandas knows year 0); the page's date
    filter and chart would crash on it. Four-digit years cannot pass 9999.
    """
    early = (df["date"] < FIRST_DAY) | (df["date_end"] < FIRST_DAY)
    if not early.any():
        return df
    df = df.copy()
    said = (" (the table says " + df["date"] + " to " + df["date_end"]
            + f"; year 0 is shown as {FIRST_DAY}, the first day the page can show)")
    df.loc[early, "date_label"] = (df["date_label"] + said)[early]
    for column in ("date", "date_end"):
        df.loc[df[column] < FIRST_DAY, column] = FIRST_DAY
    return df


def merge_tables(base: pd.DataFrame, extra: list[pd.DataFrame]) -> pd.DataFrame:
    """Return `base` with the events of further tables, each event_id once (the first kept), sorted by date."""
    if not extra:
        return base
    frames = [f for f in (base, *extra) if len(f)]
    if not frames:
        return base
    out = pd.concat(frames, ignore_index=True).astype(base.dtypes.to_dict())
    out = out[~out["event_id"].duplicated()]
    return out.sort_values(["date", "date_end", "source"], kind="stable").reset_index(drop=True)


@dataclass(frozen=True)
class Saved:
    """Where an added article went, and whether it was new."""

    path: Path
    added: bool  # False: the same content was already in the library

    @property
    def message(self) -> str:
        """Return a sentence for the user."""
        if self.added:
            return f"Added {self.path.name}."
        return f"Already in the library as {self.path.name}; nothing added."


def fingerprint(data: bytes, source: str = "article") -> str:
    """Return a hash of an article's body that ignores front matter, BOM and spacing."""
    text = ingest.decode(data, source)
    if text.lstrip().startswith("---"):
        try:
            text = ingest.front_matter(text).content
        except Exception:  # broken YAML: hash the text as it is
            pass
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def safe_name(name: str) -> str:
    """Return `name` as a plain file name: no folders, no odd characters, a known suffix.

    >>> safe_name("../../etc/Berita Hari Ini!.TXT")
    'Berita-Hari-Ini.txt'
    """
    base = Path(name.replace("\\", "/")).name
    stem, suffix = os.path.splitext(base)
    suffix = suffix.lower()
    if suffix not in ingest.SUFFIXES:
        raise InputError(name, f"is not an article file; use one of {', '.join(ingest.SUFFIXES)}")
    stem = unicodedata.normalize("NFKC", stem)
    stem = _cut(_UNSAFE.sub("-", stem).strip(".-")[:80], MAX_NAME_BYTES - len(suffix)).strip(".-") or "article"
    return stem + suffix


def _cut(text: str, size: int) -> str:
    """Return the longest start of `text` that is at most `size` bytes in UTF-8, no character split.

    >>> _cut("\U00020000" * 60, 10)  # four bytes a character
    '\U00020000\U00020000'
    """
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def save(folder: Path, name: str, data: bytes) -> Saved:
    """Save an article's bytes into `folder` atomically, once per content, never over another file."""
    if len(data) > ingest.MAX_BYTES:
        raise InputError(name, f"is {len(data):,} bytes; the limit is {ingest.MAX_BYTES:,}")
    filename = safe_name(name)
    text = ingest.decode(data, filename)
    if not text.strip():
        raise InputError(filename, "is empty")
    wanted = fingerprint(data, filename)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with store.locked(folder / ".library"):
            for existing in sorted(folder.iterdir()):
                if existing.is_file() and existing.suffix.lower() in ingest.SUFFIXES:
                    try:
                        if fingerprint(existing.read_bytes(), existing.name) == wanted:
                            return Saved(existing, added=False)
                    except (InputError, OSError):
                        continue  # an unreadable file is reported by extraction, not here
            target = _free_name(folder, filename)
            store.write_atomic(target, data)
    except OSError as exc:  # its reason only: the exception's own text names the server's folders
        raise InputError(filename, f"could not be saved ({exc.strerror or type(exc).__name__})") from None
    return Saved(target, added=True)


def _free_name(folder: Path, filename: str) -> Path:
    """Return `folder/filename`, or `stem-2.ext`, `stem-3.ext`… when that name is taken."""
    stem, suffix = os.path.splitext(filename)
    target, n = folder / filename, 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}{suffix}"
    return target


def markdown(text: str, title: str = "", published: dt.date | None = None, url: str = "") -> bytes:
    """Return pasted text as a Markdown article with YAML front matter for what is known."""
    meta = {k: v for k, v in (("title", title.strip()), ("published", published), ("url", url.strip())) if v}
    body = text.strip() + "\n"
    if not meta:
        return body.encode("utf-8")
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{head}---\n{body}".encode("utf-8")


def pasted_name(text: str, title: str = "", published: dt.date | None = None) -> str:
    """Return a file name for pasted text: its date and the first words of its title or text.

    >>> pasted_name("Isi", "Putin bertemu Kim di Vostok", dt.date(2023, 9, 13))
    '2023-09-13-putin-bertemu-kim-di-vostok.md'
    """
    words = re.findall(r"\w+", (title or text).casefold())[:8]
    slug = _cut("-".join(words)[:60], MAX_NAME_BYTES - len("YYYY-MM-DD-.md")).strip("-") or "pasted"
    return f"{published.isoformat()}-{slug}.md" if published else f"{slug}.md"


def save_text(
    folder: Path, text: str, title: str = "", published: dt.date | None = None, url: str = ""
) -> Saved:
    """Save pasted (or fetched) text as a Markdown article in `folder`."""
    if not text.strip():
        raise InputError(title or "pasted text", "is empty")
    return save(folder, pasted_name(text, title, published), markdown(text, title, published, url))


def save_article(folder: Path, article: Article) -> Saved:
    """Save an article read from elsewhere (a fetched page) with its title, date and URL."""
    return save_text(folder, article.text, article.title, article.published, article.url)
