"""The article library in data/articles: where it is, and adding articles to it safely."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from . import corrections, importance, ingest, pipeline, store, table
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


def load(data: Path, contents: tuple, read_article: Callable, extract: Callable, read_table: Callable) -> tuple:
    """Return the table of data folder `data` from its `contents()`: (corrected table, problems, corrections,
    unused, mentions) — `mentions`: every article's report of every event (table.MENTION_SCHEMA).

    The readers are the page's cached ones: each takes (path, size, mtime) and returns an
    Article or a table, or the message of a bad file; `extract` gives an article's events.
    """
    articles, tables, _, errors = contents
    problems, found, extra = list(errors), [], []
    for path, size, mtime in articles:
        article = read_article(path, size, mtime)
        if isinstance(article, str):
            problems.append(article)
            continue
        problems += [f"{article.source}: {p}" for p in article.problems]
        mine = extract(article)
        problems += [] if mine else [f"{article.source}: no dated events found"]
        found += mine
    for path, size, mtime in tables:
        got = read_table(path, size, mtime)
        problems.append(got) if isinstance(got, str) else extra.append(got)
    # One row per happening across articles (the reports of one meeting become one row), the
    # researchers' tables beside them; then corrections, which their events take too.
    merged, unrated = importance.rate(pipeline.merge_events(found))
    frame = merge_tables(table.to_frame(merged), extra)
    problems += unrated
    try:
        fixes, bad = corrections.load(corrections.path_in(data))
    except InputError as exc:
        fixes, bad = {}, [str(exc)]
    return (corrections.apply(frame, fixes), problems + bad, fixes, corrections.unmatched(frame, fixes),
            table.mentions_frame(merged))


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
    for column, value in _LATER.items():
        if column not in df.columns:
            kind = {int: "int64", float: "float64"}.get(type(value), "string")
            df[column] = pd.Series(value, index=df.index, dtype=kind)
    missing = [c for c in table.SCHEMA if c not in df.columns]
    if missing:
        raise InputError(name, f"is not an event table: the column(s) {', '.join(missing)} are missing")
    df = df.loc[:, list(table.SCHEMA)]
    _check(df, name)
    df = _held(df)
    return df.sort_values(["date", "date_end", "source"], kind="stable").reset_index(drop=True)


def _check(df: pd.DataFrame, name: str) -> None:
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
            raise InputError(f"{name} line {row + 2}", f"{column} {df[column].iloc[row]!r} {problem}")
    days = pd.to_datetime(pd.concat([df["date"], df["date_end"]]), format="%Y-%m-%d", errors="coerce")
    if days.isna().any():  # well-formed but impossible, like 2024-02-30
        row = int(days.isna().to_numpy().argmax()) % len(df)
        raise InputError(f"{name} line {row + 2}", f"date {df['date'].iloc[row]!r} or date_end is not a real day")


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
