"""The event table: its schema, and DataFrame and CSV conversions."""
from __future__ import annotations

import io
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .model import Event, Mention

if TYPE_CHECKING:  # imported where a frame is built: a third of a second `extract` does without
    import pandas as pd

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
    "sources",
    "date_note",
    "importance",
    "places",
)
_NUMERIC = {"confidence": "float64", "source_count": "int64", "importance": "float64"}
DTYPES = {c: _NUMERIC.get(c, "string") for c in SCHEMA}  # the pandas type of every column
# The mention table: what each article said of each event (provenance), one row per
# report; `event_id` is the row of the event table it belongs to.
MENTION_SCHEMA: tuple[str, ...] = (
    "event_id",
    "mention_id",
    "date",
    "date_end",
    "precision",
    "date_label",
    "time_text",
    "sentence",
    "source",
    "source_url",
    "published",
    "language",
    "event_type",
    "actors",
    "people",
)
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
        "sources": LIST_SEP.join(e.sources or (e.source,)),
        "date_note": e.date_note,
        "importance": round(e.importance, 3),
        "places": LIST_SEP.join(e.places),
    }


def to_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Return the events as a DataFrame in schema order, sorted by date."""
    import pandas as pd

    df = pd.DataFrame([_row(e) for e in events], columns=list(SCHEMA))
    df = df.astype({c: "string" for c in SCHEMA if c not in _NUMERIC})
    df = df.astype(_NUMERIC)
    return df.sort_values(["date", "date_end", "source"], kind="stable").reset_index(drop=True)


def _mention_row(event_id: str, m: Mention) -> dict:
    return {
        "event_id": event_id,
        "mention_id": m.mention_id,
        "date": m.date.isoformat(),
        "date_end": m.date_end.isoformat(),
        "precision": m.precision,
        "date_label": m.date_label,
        "time_text": m.time_text,
        "sentence": m.sentence,
        "source": m.source,
        "source_url": m.source_url,
        "published": m.published.isoformat() if m.published else "",
        "language": m.language,
        "event_type": m.event_type,
        "actors": LIST_SEP.join(m.actors),
        "people": LIST_SEP.join(m.people),
    }


def mentions_frame(events: Iterable[Event]) -> pd.DataFrame:
    """Return every report of every event (its article, sentence and the date it gave), by event date."""
    import pandas as pd

    df = pd.DataFrame(_mention_rows(events), columns=list(MENTION_SCHEMA))
    return df.astype({c: "string" for c in MENTION_SCHEMA})


def _mention_rows(events: Iterable[Event]) -> list[dict]:
    """Return the mention table's rows, by event date (as `mentions_frame` orders them)."""
    from .merge import reports  # the merge knows what an unmerged event reports

    rows = [(e.date, e.date_end, _mention_row(e.event_id, m)) for e in events for m in reports(e)]
    rows.sort(key=lambda r: (r[0], r[1]))
    return [r for _, _, r in rows]


def empty() -> pd.DataFrame:
    """Return an empty table with the schema's columns."""
    return to_frame([])


# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV
# Injection"); such a cell is written with a leading apostrophe, which spreadsheets
# take as "text". A cell that already starts with an apostrophe gets one more, so
# `from_csv` can drop exactly one and give back the value as it was.
FORMULA_START: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
_ESCAPE = "'"


def escape_cell(value: str) -> str:
    """Return `value` safe to open in a spreadsheet: formula starts get a leading apostrophe.

    >>> [escape_cell(v) for v in ("=HYPERLINK(1)", "-5 tentara", "'kutip", "2024-03-01", "Kim")]
    ["'=HYPERLINK(1)", "'-5 tentara", "''kutip", '2024-03-01', 'Kim']
    """
    return _ESCAPE + value if value.startswith(FORMULA_START + (_ESCAPE,)) else value


def unescape_cell(value: str) -> str:
    """Undo `escape_cell`."""
    return value[1:] if value.startswith(_ESCAPE) else value


def _text_columns(df: pd.DataFrame) -> list[str]:
    return [c for c in df.columns if c not in _NUMERIC]


def escape_html(column: pd.Series) -> pd.Series:
    """Return every cell HTML-escaped like html.escape (chart hovers and TimelineJS render HTML)."""
    out = column.astype("string").fillna("")
    for raw, safe in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;")):
        out = out.str.replace(raw, safe, regex=False)
    return out


def to_csv(df: pd.DataFrame, columns: tuple[str, ...] = SCHEMA) -> str:
    """Return `df` as CSV text with the schema's columns in order, formulas neutralised (see `csv_bytes`)."""
    return csv_bytes(df, columns).decode("utf-8")


def csv_bytes(df: pd.DataFrame, columns: tuple[str, ...] = SCHEMA) -> bytes:
    """Return `df` as UTF-8 CSV with the schema's columns in order, formulas neutralised.

    Every text cell starting with =, +, -, @, a tab or a carriage return (or an
    apostrophe) is written with a leading apostrophe; `from_csv` removes it again.
    Arrow's writer quotes every text cell (so a line break or carriage return inside
    one is always safe) and writes 100,000 events in a tenth of the time of
    Python's csv module, which took a second.
    """
    import pyarrow as pa
    import pyarrow.csv as arrow_csv

    out = df.loc[:, list(columns)].copy()
    for col in _text_columns(out):  # column-wise: a call per cell took seconds at 100,000 rows
        text = out[col].astype("string")
        out[col] = text.where(~text.str.startswith(FORMULA_START + (_ESCAPE,)).fillna(False), _ESCAPE + text).fillna("")
    buf = io.BytesIO()
    buf.write((",".join(columns) + "\n").encode("utf-8"))  # Arrow would quote the names too
    arrow_csv.write_csv(pa.Table.from_pandas(out, preserve_index=False), buf,
                        arrow_csv.WriteOptions(include_header=False, quoting_style="needed"))
    return buf.getvalue()


def _cell(value: object) -> str | None:
    """Return one cell as Arrow's writer spells it: text quoted, numbers bare (None: a number not plain)."""
    if isinstance(value, str):
        if value.startswith(FORMULA_START + (_ESCAPE,)):
            value = _ESCAPE + value
        return '"' + value.replace('"', '""') + '"'
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    text = repr(float(value))
    if "e" in text or "n" in text:  # exponents, nan, inf: Arrow spells these its own way
        return None
    return text[:-2] if text.endswith(".0") else text


def _rows_csv(rows: Iterable[dict], columns: tuple[str, ...]) -> bytes | None:
    """Return rows as `csv_bytes` would write their table, or None when a number is not plain."""
    lines = [",".join(columns)]
    for row in rows:
        cells = [_cell(row[c]) for c in columns]
        if None in cells:
            return None
        lines.append(",".join(cells))  # type: ignore[arg-type]
    return ("\n".join(lines) + "\n").encode("utf-8")


def events_csv(events: Iterable[Event]) -> bytes:
    """Return the events as `csv_bytes(to_frame(events))` writes them, without pandas or Arrow.

    `extract` writes its table this way: importing pandas and Arrow took a third of a second
    of every run. The bytes are the same (tests/test_table.py compares them).
    """
    events = list(events)
    rows = sorted((_row(e) for e in events), key=lambda r: (r["date"], r["date_end"], r["source"]))
    return _rows_csv(rows, SCHEMA) or csv_bytes(to_frame(events))


def mentions_csv(events: Iterable[Event]) -> bytes:
    """Return the mention table as `csv_bytes(mentions_frame(events), MENTION_SCHEMA)` writes it."""
    events = list(events)
    direct = _rows_csv(_mention_rows(events), MENTION_SCHEMA)
    return direct or csv_bytes(mentions_frame(events), MENTION_SCHEMA)


def from_csv(text: str) -> pd.DataFrame:
    """Read CSV text written by `to_csv` back into a table (the formula escape undone)."""
    import pandas as pd

    return typed(pd.read_csv(io.StringIO(text), dtype="string", keep_default_na=False))


def typed(df: pd.DataFrame) -> pd.DataFrame:
    """Return CSV cells read as text with the formula escape undone and the numeric columns as numbers."""
    import pandas as pd

    for col in _text_columns(df):
        text = df[col].astype("string")
        df[col] = text.where(~text.str.startswith(_ESCAPE).fillna(False), text.str.slice(1))
    for col, kind in _NUMERIC.items():
        if col in df:
            df[col] = pd.to_numeric(df[col]).astype(kind)
    return df
