"""The event table: its schema, and DataFrame and CSV conversions."""
from __future__ import annotations

import io
from collections.abc import Iterable

import pandas as pd

from .model import Event

# The contract with users and checks: add columns only at the end, never reorder.
SCHEMA: tuple[str, ...] = (
    "event_id",
    "date",
    "date_end",
    "precision",
    "date_label",
    "title",
    "sentence",
    "evidence",
    "actors",
    "people",
    "event_type",
    "time_text",
    "source",
    "source_url",
    "published",
    "language",
    "confidence",
    # Added after the first release; later columns go below, never above.
    "source_count",
    "corrected",
)
_NUMERIC = {"confidence": "float64", "source_count": "int64"}
LIST_SEP = ";"
EVIDENCE_SEP = " | "


def _row(e: Event) -> dict:
    return {
        "event_id": e.event_id,
        "date": e.date.isoformat(),
        "date_end": e.date_end.isoformat(),
        "precision": e.precision,
        "date_label": e.date_label,
        "title": e.title,
        "sentence": e.sentence,
        "evidence": EVIDENCE_SEP.join(e.evidence),
        "actors": LIST_SEP.join(e.actors),
        "people": LIST_SEP.join(e.people),
        "event_type": e.event_type,
        "time_text": e.time_text,
        "source": e.source,
        "source_url": e.source_url,
        "published": e.published.isoformat() if e.published else "",
        "language": e.language,
        "confidence": round(e.confidence, 2),
        "source_count": e.source_count,
        "corrected": "",
    }


def to_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Return the events as a DataFrame in schema order, sorted by date."""
    df = pd.DataFrame([_row(e) for e in events], columns=list(SCHEMA))
    df = df.astype({c: "string" for c in SCHEMA if c not in _NUMERIC})
    df = df.astype(_NUMERIC)
    return df.sort_values(["date", "date_end", "source"], kind="stable").reset_index(drop=True)


def empty() -> pd.DataFrame:
    """Return an empty table with the schema's columns."""
    return to_frame([])


def to_csv(df: pd.DataFrame) -> str:
    """Return `df` as CSV text with the schema's columns in order."""
    buf = io.StringIO()
    df.loc[:, list(SCHEMA)].to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()


def from_csv(text: str) -> pd.DataFrame:
    """Read CSV text written by `to_csv` back into a table."""
    df = pd.read_csv(io.StringIO(text), dtype="string", keep_default_na=False)
    for col, kind in _NUMERIC.items():
        if col in df:
            df[col] = pd.to_numeric(df[col]).astype(kind)
    return df
