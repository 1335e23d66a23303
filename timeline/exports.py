"""Downloads of the event table: Excel-friendly CSV, JSON and TimelineJS JSON."""
from __future__ import annotations

import datetime as dt
import html
import json

import pandas as pd

from . import table
from .filters import split_list

BOM = "\ufeff"  # lets Excel and LibreOffice detect UTF-8 (Indonesian names, "–", "é")
# How much of a date TimelineJS is told, by precision: finer parts would claim a day
# the article never gave.
_PARTS = {
    "day": ("year", "month", "day"),
    "week": ("year", "month", "day"),
    "month_part": ("year", "month", "day"),
    "month": ("year", "month"),
    "quarter": ("year", "month"),
    "year_part": ("year", "month"),
    "year": ("year",),
    "decade_part": ("year",),
    "decade": ("year",),
    "century": ("year",),
}


def csv_bytes(df: pd.DataFrame) -> bytes:
    """Return the table as UTF-8 CSV with a byte-order mark, built on table.to_csv."""
    return (BOM + table.to_csv(df)).encode("utf-8")


def records(df: pd.DataFrame) -> list[dict]:
    """Return the rows as plain dicts in schema order, numbers as numbers."""
    out = []
    for rec in df.loc[:, list(table.SCHEMA)].to_dict("records"):
        row = {k: ("" if pd.isna(v) else v) for k, v in rec.items()}
        row["confidence"] = float(row["confidence"] or 0)
        row["source_count"] = int(row["source_count"] or 0)
        out.append(row)
    return out


def json_bytes(df: pd.DataFrame) -> bytes:
    """Return the table as a JSON array of events (UTF-8, readable)."""
    return json.dumps(records(df), ensure_ascii=False, indent=2).encode("utf-8")


def timelinejs_date(iso: str, precision: str) -> dict[str, int]:
    """Return a TimelineJS date object holding only the parts the precision knows.

    >>> timelinejs_date("2023-09-01", "year_part")
    {'year': 2023, 'month': 9}
    """
    day = dt.date.fromisoformat(iso)
    return {part: getattr(day, part) for part in _PARTS.get(precision, ("year", "month", "day"))}


def _text(rec: dict) -> str:
    # TimelineJS renders headline and text as HTML: escape every piece of article text.
    parts = [f"<p>{html.escape(rec['sentence'])}</p>"]
    if rec["actors"]:
        parts.append(f"<p>Actors: {html.escape(', '.join(split_list(rec['actors'])))}</p>")
    url = rec["source_url"] or ""
    name = html.escape(rec["source"] or url)
    if url.startswith(("http://", "https://")):
        parts.append(f'<p>Source: <a href="{html.escape(url, quote=True)}">{name}</a></p>')
    elif name:
        parts.append(f"<p>Source: {name}</p>")
    return "".join(parts)


def timelinejs(df: pd.DataFrame, title: str = "Timeline") -> dict:
    """Return a TimelineJS 3 document: one slide per event, grouped by its first actor."""
    events = []
    for rec in records(df):
        start = timelinejs_date(rec["date"], rec["precision"])
        end = timelinejs_date(rec["date_end"], rec["precision"])
        slide = {
            "unique_id": rec["event_id"],
            "start_date": start,
            "display_date": rec["date_label"],
            "text": {"headline": html.escape(rec["title"]), "text": _text(rec)},
            "group": (split_list(rec["actors"]) or ["(no actor)"])[0],
        }
        if end != start:
            slide["end_date"] = end
        events.append(slide)
    return {"title": {"text": {"headline": html.escape(title), "text": f"<p>{len(events)} events</p>"}}, "events": events}


def timelinejs_bytes(df: pd.DataFrame, title: str = "Timeline") -> bytes:
    """Return the TimelineJS document as UTF-8 JSON."""
    return json.dumps(timelinejs(df, title), ensure_ascii=False, indent=2).encode("utf-8")
