"""User corrections kept in data/corrections.csv by event_id and re-applied after extraction.

Cells are escaped like the exports' (a leading =, +, -, @, tab or carriage return, or
an apostrophe, gets an apostrophe; `table.escape_cell`), so the file opens safely in
a spreadsheet, and read back unescaped.
"""
from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

import numpy as np
import pandas as pd

from . import store, table
from .errors import InputError
from .model import PRECISIONS

FILE_NAME = "corrections.csv"
FIELDS = ("date", "date_end", "precision", "date_label", "actors", "event_type", "title")
COLUMNS = ("event_id", *FIELDS, "deleted", "updated")


@dataclass(frozen=True)
class Correction:
    """What a user changed about one event; an empty field leaves the extracted value."""

    event_id: str
    date: str = ""
    date_end: str = ""
    precision: str = ""
    date_label: str = ""
    actors: str = ""  # `;`-joined, like the table
    event_type: str = ""
    title: str = ""
    deleted: bool = False
    updated: str = ""  # when the user saved it (ISO, UTC)

    def check(self, source: str = FILE_NAME) -> Correction:
        """Return self, or raise InputError saying which value makes no sense."""
        where = f"{source} ({self.event_id or 'no event_id'})"
        if not self.event_id.strip():
            raise InputError(source, "a correction has no event_id")
        days = {}
        for name in ("date", "date_end"):
            value = getattr(self, name)
            if value:
                try:
                    days[name] = dt.date.fromisoformat(value)
                except ValueError:
                    raise InputError(where, f"{name} {value!r} is not a date like 2024-06-19") from None
        if len(days) == 2 and days["date_end"] < days["date"]:
            raise InputError(where, f"date_end {self.date_end} is before date {self.date}")
        if self.precision and self.precision not in PRECISIONS:
            raise InputError(where, f"precision {self.precision!r} is not one of {', '.join(PRECISIONS)}")
        return self

    def over(self, older: Correction) -> Correction:
        """Return this correction laid over an older one for the same event: nothing is lost."""
        kept = {f: getattr(self, f) or getattr(older, f) for f in FIELDS}
        return replace(self, **kept)


def path_in(data: Path) -> Path:
    """Return the corrections file of a data folder."""
    return data / FILE_NAME


def _from_row(row: Mapping[str, str]) -> Correction:
    known = {f.name for f in fields(Correction)}
    values = {k: (v or "").strip() for k, v in row.items() if k in known}
    deleted = values.pop("deleted", "").casefold() in ("yes", "true", "1")
    return Correction(**values, deleted=deleted)


def _read_rows(path: Path) -> tuple[list[dict[str, str]], list[str]]:
    """Return the file's rows as written (unknown columns kept) and its column names."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return [], list(COLUMNS)
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None:
        return [], list(COLUMNS)
    if "event_id" not in reader.fieldnames:
        raise InputError(path.name, "has no event_id column; it is not a corrections file")
    names = list(reader.fieldnames) + [c for c in COLUMNS if c not in reader.fieldnames]
    rows = [{k: table.unescape_cell(v) if isinstance(v, str) else v for k, v in r.items()} for r in reader]
    return rows, names


def load(path: Path) -> tuple[dict[str, Correction], list[str]]:
    """Return the corrections by event_id, and a message per row that could not be used."""
    rows, _ = _read_rows(path)
    found: dict[str, Correction] = {}
    problems = []
    for line, row in enumerate(rows, start=2):
        try:
            c = _from_row(row).check(f"{path.name} line {line}")
        except (InputError, TypeError) as exc:
            problems.append(str(exc))
            continue
        found[c.event_id] = c.over(found[c.event_id]) if c.event_id in found else c
    return found, problems


def _write(path: Path, rows: list[dict[str, str]], names: list[str]) -> None:
    """Write the rows, every cell escaped as the exports escape them (`table.escape_cell`: "=…" gets an apostrophe)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=names, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows({k: table.escape_cell(v) if isinstance(v, str) else v for k, v in r.items()} for r in rows)
    store.write_atomic(path, buf.getvalue().encode("utf-8"))


def save(path: Path, correction: Correction) -> Correction:
    """Record a correction, laid over any earlier one for the event; rows it cannot read are kept."""
    correction.check()
    stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with store.locked(path):
        rows, names = _read_rows(path)
        mine = [r for r in rows if (r.get("event_id") or "").strip() == correction.event_id]
        merged = correction
        for row in mine:
            try:
                merged = merged.over(_from_row(row))
            except TypeError:
                continue
        merged = replace(merged, updated=stamp)
        row = {k: ("yes" if v is True else "" if v is False else v) for k, v in asdict(merged).items()}
        rows = [r for r in rows if r not in mine] + [row]
        _write(path, rows, names)
    return merged


def remove(path: Path, event_id: str) -> bool:
    """Drop every correction of `event_id` (undo); return whether there was one."""
    with store.locked(path):
        rows, names = _read_rows(path)
        kept = [r for r in rows if (r.get("event_id") or "").strip() != event_id]
        if len(kept) == len(rows):
            return False
        _write(path, kept, names)
    return True


def label(start: dt.date, end: dt.date, precision: str) -> str:
    """Return how a person writes a corrected date.

    >>> label(dt.date(2022, 2, 24), dt.date(2022, 2, 24), "day")
    '24 Feb 2022'
    >>> label(dt.date(2023, 1, 1), dt.date(2023, 12, 31), "year")
    '2023'
    """
    day = lambda d: f"{d.day} {d:%b %Y}"  # noqa: E731
    if precision == "year" or (start.timetuple()[1:3] == (1, 1) and end.timetuple()[1:3] == (12, 31) and start.year == end.year):
        return str(start.year)
    last_day = calendar.monthrange(end.year, end.month)[1]  # (end + 1 day) overflows on 9999-12-31
    if precision == "month" or (start.day == 1 and end.day == last_day and start.month == end.month):
        return f"{start:%b %Y}"
    return day(start) if start == end else f"{day(start)} – {day(end)}"


def _corrected(rec: dict, c: Correction) -> dict:
    out = dict(rec)
    for name in FIELDS:
        if getattr(c, name):
            out[name] = getattr(c, name)
    if c.date or c.date_end or c.precision:
        start, end = dt.date.fromisoformat(out["date"]), dt.date.fromisoformat(out["date_end"])
        if c.date and not c.date_end and (out["precision"] == "day" or end < start):
            end = start  # a single corrected day, or an interval that no longer makes sense
        out["date_end"] = end.isoformat()
        if not c.date_label:
            out["date_label"] = label(start, end, out["precision"])
    out["corrected"] = "yes"
    return out


def apply(df: pd.DataFrame, corrections: Mapping[str, Correction]) -> pd.DataFrame:
    """Return the table with the corrections applied, deleted events dropped, sorted by date."""
    if not corrections or df.empty:
        return df
    # Only the corrected rows go through Python; the others stay columns (100,000 rows took seconds).
    df = df.reset_index(drop=True)
    hit = df["event_id"].isin(list(corrections)).to_numpy(dtype=bool)
    rows, at = [], []
    for i, rec in zip(np.flatnonzero(hit), df[hit].to_dict("records"), strict=True):
        c = corrections[rec["event_id"]]
        if not c.deleted:
            rows.append(_corrected(rec, c))
            at.append(i)
    fixed = pd.DataFrame(rows, columns=df.columns, index=at).astype(df.dtypes.to_dict())
    out = pd.concat([df[~hit], fixed]).sort_index()  # back in table order, so the sort below is as stable as before
    return out.sort_values(["date", "date_end", "source"], kind="stable").reset_index(drop=True)


def changed(rec: Mapping, **values: object) -> Correction:
    """Return the correction of event `rec` that a form's `values` make: only what differs from the row.

    Dates count as changed together; `date_label` and `deleted` are taken as given.
    """
    moved = (values["date"], values["date_end"]) != (rec["date"], rec["date_end"])
    differ = {k: v for k, v in values.items() if k in ("precision", "event_type", "title", "actors") and v != rec[k]}
    return Correction(str(rec["event_id"]), date=str(values["date"]) if moved else "",
                      date_end=str(values["date_end"]) if moved else "", date_label=str(values.get("date_label", "")),
                      deleted=bool(values.get("deleted")), **{k: str(v) for k, v in differ.items()})


def unmatched(df: pd.DataFrame, corrections: Mapping[str, Correction]) -> list[str]:
    """Return the event_ids of corrections no extracted event has (kept, but unused)."""
    return sorted(set(corrections) - set(df["event_id"]))
