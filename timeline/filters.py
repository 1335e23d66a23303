"""Pure filters over the event table; the page only passes widget values in."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from .model import PRECISIONS
from .table import LIST_SEP

SEARCHED = ("title", "sentence", "evidence", "actors", "people", "time_text", "source", "date_label", "places")
# Sources offered in the page's picker: the busiest, so 10,000 names (200 kB) are not sent before
# the chart; any other is typed in full.
SOURCES_LISTED = 1000
MODES = ("any", "all")  # actor matching: any of the chosen actors, or all of them


def split_list(cell: object) -> list[str]:
    """Return the names in a `;`-joined cell."""
    if not isinstance(cell, str) or not cell:
        return []
    return [p.strip() for p in cell.split(LIST_SEP) if p.strip()]


def _arrow(column: pd.Series) -> pa.Array:
    """Return a text column as an Arrow array, missing cells empty (Arrow string kernels are vectorised)."""
    return pa.array(column.astype("string").fillna("").array).cast(pa.large_string())


def actor_pairs(df: pd.DataFrame, column: str = "actors") -> tuple[np.ndarray, np.ndarray]:
    """Return (row position, actor) for every actor named in every row, split once in Arrow.

    Rows come in table order and a row's actors in cell order; empty names are dropped.
    `column`: another `;`-joined column ("places").
    """
    lists = pc.split_pattern(_arrow(df[column]), LIST_SEP)
    rows = pc.list_parent_indices(lists).to_numpy()
    names = pc.utf8_trim_whitespace(pc.list_flatten(lists)).to_numpy(zero_copy_only=False)
    kept = names != ""
    return rows[kept], names[kept]


def name_lists(text: pa.Array) -> pa.ListArray:
    """Return each `;`-joined cell as the list of its names, as actor_pairs reads them (trimmed, none empty).

    The event store's query table keeps these lists, so DuckDB matches actors and places as the filters here do.
    """
    text = pc.fill_null(text.cast(pa.large_string()), "")
    lists = pc.split_pattern(text, LIST_SEP)
    rows = pc.list_parent_indices(lists).to_numpy()
    names = pc.utf8_trim_whitespace(pc.list_flatten(lists))
    kept = pc.not_equal(names, "")
    counts = np.bincount(rows[kept.to_numpy(zero_copy_only=False)], minlength=len(text))
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), names.filter(kept))


def haystack(columns: Iterable[pa.Array]) -> pa.Array:
    """Return the lower-cased text that `by_text` searches, one per row, from the SEARCHED columns."""
    space = pa.scalar(" ", pa.large_string())
    return pc.utf8_lower(pc.binary_join_element_wise(*(pc.fill_null(c.cast(pa.large_string()), "") for c in columns),
                                                     space))


def actor_names(df: pd.DataFrame) -> list[str]:
    """Return every actor named in the table, sorted."""
    return sorted(set(actor_pairs(df)[1].tolist()))


def place_names(df: pd.DataFrame) -> list[str]:
    """Return every place named in the table, sorted."""
    return sorted(set(actor_pairs(df, "places")[1].tolist()))


def by_places(df: pd.DataFrame, wanted: Iterable[str]) -> pd.DataFrame:
    """Keep rows naming any place in `wanted`; none keeps all."""
    want = list(wanted)
    if not want:
        return df
    rows, names = actor_pairs(df, "places")
    mask = np.zeros(len(df), dtype=bool)
    mask[rows[np.isin(names, want)]] = True
    return df[mask]


def values(df: pd.DataFrame, column: str) -> list[str]:
    """Return the distinct non-empty values of `column`, sorted."""
    return sorted(v for v in df[column].dropna().unique().tolist() if v)


def busiest(df: pd.DataFrame, column: str, most: int) -> list[str]:
    """Return the `most` non-empty values of `column` that most rows hold (ties: the first by value), sorted."""
    counts = df.loc[df[column].fillna("") != "", column].value_counts()
    counts = counts.sort_index(kind="stable").sort_values(ascending=False, kind="stable")
    return sorted(counts.index[:most].tolist())


def date_bounds(df: pd.DataFrame) -> tuple[dt.date, dt.date] | None:
    """Return the first start and the last end date of the table, None when it is empty."""
    if df.empty:
        return None
    return dt.date.fromisoformat(df["date"].min()), dt.date.fromisoformat(df["date_end"].max())


def follow_bounds(chosen: tuple, old: tuple | None, new: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """Return the date filter after the table's span changed: untouched follows, chosen is clamped.

    >>> d = dt.date
    >>> follow_bounds((d(2000, 1, 1), d(2025, 1, 1)), (d(2000, 1, 1), d(2025, 1, 1)), (d(1961, 6, 12), d(2025, 1, 1)))
    (datetime.date(1961, 6, 12), datetime.date(2025, 1, 1))
    >>> follow_bounds((d(2010, 1, 1), d(2030, 1, 1)), None, (d(2000, 1, 1), d(2025, 1, 1)))
    (datetime.date(2010, 1, 1), datetime.date(2025, 1, 1))
    """
    chosen = tuple(chosen or ())
    if len(chosen) != 2 or chosen == tuple(old or ()):
        return new
    start, end = max(chosen[0], new[0]), min(chosen[1], new[1])
    return (start, end) if start <= end else new


def by_actors(df: pd.DataFrame, wanted: Iterable[str], mode: str = "any") -> pd.DataFrame:
    """Keep rows naming any (or, with mode="all", every) actor in `wanted`; none keeps all."""
    want = set(wanted)
    if not want:
        return df
    rows, names = actor_pairs(df)
    masks = []
    for name in want:  # one boolean row mask per wanted actor, then any or all of them
        mask = np.zeros(len(df), dtype=bool)
        mask[rows[names == name]] = True
        masks.append(mask)
    keep = np.logical_or.reduce(masks) if mode == "any" else np.logical_and.reduce(masks)
    return df[keep]


def by_dates(df: pd.DataFrame, start: dt.date | None, end: dt.date | None) -> pd.DataFrame:
    """Keep rows whose interval overlaps [start, end]; None leaves that side open."""
    mask = pd.Series(True, index=df.index)
    if start is not None:
        mask &= df["date_end"] >= start.isoformat()  # ISO strings sort as dates
    if end is not None:
        mask &= df["date"] <= end.isoformat()
    return df[mask.astype(bool)]


def by_column(df: pd.DataFrame, column: str, wanted: Iterable[str]) -> pd.DataFrame:
    """Keep rows whose `column` is one of `wanted`; none keeps all."""
    want = list(wanted)
    return df[df[column].isin(want).astype(bool)] if want else df


def by_precision(df: pd.DataFrame, coarsest: str) -> pd.DataFrame:
    """Keep rows dated at `coarsest` precision or finer."""
    if coarsest not in PRECISIONS:
        return df
    allowed = PRECISIONS[: PRECISIONS.index(coarsest) + 1]
    return df[df["precision"].isin(allowed).astype(bool)]


def by_text(df: pd.DataFrame, query: str) -> pd.DataFrame:
    """Keep rows holding every word of `query` (case-insensitive) in their text columns."""
    words = query.lower().split()
    if not words:
        return df
    # One lower-cased haystack per row, joined and searched in Arrow (a Python join per row took seconds).
    text = haystack(_arrow(df[c]) for c in SEARCHED)
    mask = np.ones(len(df), dtype=bool)
    for w in words:
        mask &= pc.match_substring(text, w).to_numpy(zero_copy_only=False)
    return df[mask]


def by_confidence(df: pd.DataFrame, minimum: float) -> pd.DataFrame:
    """Keep rows with confidence of at least `minimum`."""
    return df[(df["confidence"] >= minimum - 1e-9).astype(bool)] if minimum > 0 else df


@dataclass(frozen=True)
class Filters:
    """Everything the sidebar can narrow the table by; the defaults keep every row."""

    actors: tuple[str, ...] = ()
    mode: str = "any"
    start: dt.date | None = None
    end: dt.date | None = None
    types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    precision: str = PRECISIONS[-1]
    query: str = ""
    min_confidence: float = 0.0
    places: tuple[str, ...] = ()  # any of these places

    def apply(self, df: pd.DataFrame) -> pd.DataFrame:
        """Return the rows of `df` these filters keep."""
        df = by_actors(df, self.actors, self.mode)
        df = by_dates(df, self.start, self.end)
        df = by_column(df, "event_type", self.types)
        df = by_column(df, "source", self.sources)
        df = by_precision(df, self.precision)
        df = by_text(df, self.query)
        df = by_places(df, self.places)
        return by_confidence(df, self.min_confidence)
