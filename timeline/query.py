"""The page's event table as one Parquet file queried in DuckDB: filters, pick lists, counts and rows.

At a million events the table in pandas took 3.3 GB and 20 s to read. Here it stays on disk;
DuckDB reads only the columns a question needs, and pandas holds only what the page shows:
a page of rows, a small view, counts. Beside the schema's columns the file keeps, per row,
its place in table order (`_row`), its actors and places as lists and its lower-cased search
text, made by the Arrow code of `filters`, so a view here holds exactly the rows (in the
same order) that `Filters.apply` keeps of the pandas table. In use (library.open_table
writes and opens the file):

    view = Table.open(path, scratch).view(Filters(actors=("Russia",), query="treaty"))
    len(view), view.summary, view.head(500), timeline_figure(view)
"""
from __future__ import annotations

import datetime as dt
import html
import os
import uuid
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from . import chart, corrections, filters, table
from .filters import Filters
from .i18n import Catalogue, catalogue
from .model import PRECISIONS

BATCH = 65_536  # rows per batch read or written, and per Parquet row group: bounds a build's memory
MEMORY = "384MB"  # DuckDB's own limit: a bigger sort or join spills to the scratch folder
# Above this many rows a view is not read into pandas whole (the JSON, TimelineJS and chronology
# files): a million rows took 3.3 GB there. The CSVs are written a batch at a time at any size.
PANDAS_ROWS_MAX = 200_000
HIDDEN = ("_row", "_actors", "_places", "_text")  # kept beside the schema's columns, never shown
_EPOCH = "DATE '1970-01-01'"
_EPOCH_DAY = dt.date(1970, 1, 1)


def connect(scratch: Path) -> duckdb.DuckDBPyConnection:
    """Return an in-memory DuckDB connection that spills to `scratch` beyond MEMORY."""
    scratch.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(config={"memory_limit": MEMORY, "temp_directory": str(scratch),
                                 "preserve_insertion_order": True})
    return con


def _quote(text: str | Path) -> str:
    """Return `text` as an SQL string literal."""
    return "'" + str(text).replace("'", "''") + "'"


def hidden(batch: pa.Table, first: int) -> pa.Table:
    """Return rows of the table with the HIDDEN columns added; `first`: the position of its first row."""
    return (batch.append_column("_row", pa.array(np.arange(first, first + len(batch), dtype=np.int64)))
            .append_column("_actors", filters.name_lists(batch["actors"].combine_chunks()))
            .append_column("_places", filters.name_lists(batch["places"].combine_chunks()))
            .append_column("_text", filters.haystack(batch[c].combine_chunks() for c in filters.SEARCHED)))


def write(target: Path, reader: pa.RecordBatchReader) -> int:
    """Write the rows of `reader` with the HIDDEN columns to `target` atomically; return how many."""
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")  # one per writer, threads too
    rows, writer = 0, None
    try:
        for batch in reader:
            part = hidden(pa.Table.from_batches([batch]), rows)
            if writer is None:
                writer = pq.ParquetWriter(tmp, part.schema, compression="zstd")
            writer.write_table(part, row_group_size=BATCH)
            rows += len(part)
        if writer is None:  # no rows: the file still holds the columns
            part = hidden(pa.Table.from_batches([], schema=reader.schema), 0)
            writer = pq.ParquetWriter(tmp, part.schema, compression="zstd")
            writer.write_table(part)
        writer.close()
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return rows


def _arrow(df: pd.DataFrame) -> pa.Table:
    """Return rows in the schema (and any extra columns) as Arrow, each column in its schema type."""
    typed = df.astype({c: t for c, t in table.DTYPES.items() if c in df})
    return pa.Table.from_pandas(typed, preserve_index=False)


def build(target: Path, base: pd.DataFrame, tables: list[Path], fixes: Mapping[str, corrections.Correction],
          scratch: Path) -> int:
    """Write the page's table to `target` and return its row count.

    The rows and their order are those of library.merge_tables(base, tables) with the
    corrections applied (corrections.apply): each event_id once (the first kept), sorted
    by date, date_end and source when event tables join, corrected rows re-sorted. `tables`:
    checked Parquet files of the event tables (library.table_parquet), with `_n`, their row.
    """
    con = connect(scratch)
    sorted_rows = scratch / f".{target.name}.{uuid.uuid4().hex}.sorted"
    try:
        first = base.loc[:, list(table.SCHEMA)].assign(_n=np.arange(len(base), dtype=np.int64), _part=0)
        con.register("base_rows", _arrow(first))
        parts = ["SELECT * FROM base_rows"] + [f"SELECT *, {i} AS _part FROM read_parquet({_quote(p)})"
                                               for i, p in enumerate(tables, 1)]
        union = " UNION ALL BY NAME ".join(parts)
        unique = (f"SELECT * FROM ({union}) "
                  "QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY _part, _n) = 1")
        order = "date, date_end, source, _part, _n" if tables else "_part, _n"
        columns = ", ".join(f'"{c}"' for c in table.SCHEMA)
        ids = list(fixes)
        if ids:
            ordered = f"SELECT *, row_number() OVER (ORDER BY {order}) AS _pos FROM ({unique})"
            con.execute(f"CREATE TEMP VIEW ordered AS {ordered}")
            hit = con.sql("SELECT * FROM ordered WHERE list_contains(?, event_id)", params=[ids])
            hit = hit.to_arrow_table().to_pandas().astype(table.DTYPES)
            fixed = corrections.apply(hit, fixes) if len(hit) else hit  # only these rows pass through pandas
            none = con.sql("SELECT * FROM ordered LIMIT 0").to_arrow_table().select([*table.SCHEMA, "_pos"])
            con.register("fixed_rows", _arrow(fixed.loc[:, [*table.SCHEMA, "_pos"]]) if len(fixed) else none)
            some = con.sql("SELECT count(*) FROM ordered").fetchall()[0][0] > 0
            final = (f"SELECT {columns}, _pos FROM ordered "
                     "WHERE NOT coalesce(list_contains(?, event_id), false)"
                     " UNION ALL BY NAME SELECT * FROM fixed_rows")
            by = "date, date_end, source, _pos" if some else "_pos"
            sql, params = f"SELECT {columns} FROM ({final}) ORDER BY {by}", [ids]
        else:
            sql, params = f"SELECT {columns} FROM ({unique}) ORDER BY {order}", []
        # DuckDB sorts within its memory limit and writes the file itself (an Arrow result of the
        # sort took 1 GB at a million rows); the hidden columns are added reading it back in batches.
        con.execute(f"COPY ({sql}) TO {_quote(sorted_rows)} (FORMAT parquet, COMPRESSION zstd, "
                    f"ROW_GROUP_SIZE {BATCH})", params)
    finally:
        con.close()
    try:
        with pq.ParquetFile(sorted_rows) as done:
            batches = pa.RecordBatchReader.from_batches(done.schema_arrow, done.iter_batches(BATCH))
            return write(target, batches)
    finally:
        sorted_rows.unlink(missing_ok=True)


def unused(base: pd.DataFrame, tables: list[Path], fixes: Mapping[str, corrections.Correction],
           scratch: Path) -> list[str]:
    """Return the event_ids of corrections no event of `base` or the tables has (corrections.unmatched)."""
    ids = set(fixes)
    if not ids:
        return []
    found = ids & set(base["event_id"].dropna().tolist())
    if tables and ids - found:
        con = connect(scratch)
        try:
            files = "[" + ", ".join(_quote(p) for p in tables) + "]"
            sql = f"SELECT DISTINCT event_id FROM read_parquet({files}) WHERE list_contains(?, event_id)"
            found |= {r[0] for r in con.sql(sql, params=[sorted(ids)]).fetchall()}
        finally:
            con.close()
    return sorted(ids - found)


def where(wanted: Filters) -> tuple[str, tuple]:
    """Return the SQL condition and its parameters that keep the rows `wanted.apply` keeps."""
    parts, params = [], []
    if wanted.actors:
        parts.append("list_has_any(_actors, ?)" if wanted.mode == "any" else "list_has_all(_actors, ?)")
        params.append(sorted(set(wanted.actors)))
    if wanted.start is not None:
        parts.append("date_end >= ?")
        params.append(wanted.start.isoformat())  # ISO strings sort as dates
    if wanted.end is not None:
        parts.append("date <= ?")
        params.append(wanted.end.isoformat())
    for column, chosen in (("event_type", wanted.types), ("source", wanted.sources)):
        if chosen:
            parts.append(f"list_contains(?, {column})")
            params.append(list(chosen))
    if wanted.precision in PRECISIONS:
        parts.append("list_contains(?, precision)")
        params.append(list(PRECISIONS[: PRECISIONS.index(wanted.precision) + 1]))
    for word in wanted.query.lower().split():
        parts.append("contains(_text, ?)")
        params.append(word)
    if wanted.places:
        parts.append("list_has_any(_places, ?)")
        params.append(list(wanted.places))
    if wanted.min_confidence > 0:
        parts.append("confidence >= ? AND NOT isnan(confidence)")  # NaN passes every comparison in DuckDB
        params.append(wanted.min_confidence - 1e-9)
    return " AND ".join(f"({p})" for p in parts) or "true", tuple(params)


@dataclass(frozen=True, eq=False)
class Table:
    """The page's table in a Parquet file, and a DuckDB connection to ask it."""

    path: Path
    con: duckdb.DuckDBPyConnection = field(repr=False)

    @classmethod
    def open(cls, path: Path, scratch: Path) -> Table:
        """Open the file `build` wrote."""
        con = connect(scratch)
        con.execute(f"CREATE VIEW events AS SELECT * FROM read_parquet({_quote(path)})")
        return cls(path, con)

    def ask(self, sql: str, params: Iterable = ()) -> duckdb.DuckDBPyRelation:
        """Return the query `sql` on its own cursor (each of the page's sessions runs in its own thread)."""
        return self.con.cursor().sql(sql, params=list(params))

    def view(self, wanted: Filters | None = None) -> View:
        """Return the rows `wanted` keeps (every row without it)."""
        condition, params = where(wanted or Filters())
        return View(self, condition, params)

    def __len__(self) -> int:
        return len(self.view())


@dataclass(frozen=True, eq=False)
class View:
    """The rows of a table a condition keeps, in table order; nothing is read until asked."""

    table: Table
    condition: str = "true"
    params: tuple = ()

    def ask(self, select: str, tail: str = "", params: Iterable = ()) -> duckdb.DuckDBPyRelation:
        """Run `SELECT select FROM` the view's rows, then `tail` (GROUP BY, ORDER BY...)."""
        sql = f"SELECT {select} FROM events WHERE {self.condition} {tail}"
        return self.table.ask(sql, [*self.params, *params])

    def narrowed(self, condition: str, *params: object) -> View:
        """Return the rows of this view that `condition` also keeps."""
        return View(self.table, f"({self.condition}) AND ({condition})", (*self.params, *params))

    def key_events(self, minimum: float) -> View:
        """Return the happenings at least `minimum` important (chronology.key_events)."""
        important = "coalesce(CASE WHEN isnan(importance) THEN 0 ELSE importance END, 0) >= ?"  # fillna(0.0)
        return self.narrowed(important, minimum)

    @cached_property
    def size(self) -> int:
        """Return how many rows the view holds."""
        return int(self.ask("count(*)").fetchall()[0][0])

    def __len__(self) -> int:
        return self.size

    @property
    def empty(self) -> bool:
        return self.size == 0

    def frame(self, columns: Iterable[str] = table.SCHEMA, limit: int | None = None) -> pd.DataFrame:
        """Return the rows as a pandas table in the schema's types, indexed by their table position."""
        columns = list(columns)
        select = ", ".join(f'"{c}"' for c in [*columns, "_row"])
        tail = "ORDER BY _row" + (f" LIMIT {int(limit)}" if limit is not None else "")
        return _pandas(self.ask(select, tail).to_arrow_table(), columns)

    def head(self, n: int) -> pd.DataFrame:
        """Return the first `n` rows (kept: the page caches its views, and reruns ask again)."""
        heads = self.__dict__.setdefault("_heads", {})
        if n not in heads:
            heads[n] = self.frame(limit=n)
        return heads[n]

    @cached_property
    def summary(self) -> tuple[int, int, int, tuple[dt.date, dt.date] | None]:
        """Return the page's metrics of the view in two scans: events, actors, sources, span (bounds())."""
        named = f"SELECT unnest(_actors) AS a FROM events WHERE {self.condition}"
        actors = f"(SELECT count(DISTINCT a) FROM ({named}))"
        sql = (f"SELECT count(*), {actors}, count(DISTINCT source), min(date), max(date_end) "
               f"FROM events WHERE {self.condition}")
        got = self.table.ask(sql, [*self.params, *self.params]).fetchall()[0]
        self.__dict__.setdefault("size", int(got[0]))
        span = None if got[3] is None else (dt.date.fromisoformat(got[3]), dt.date.fromisoformat(got[4]))
        return int(got[0]), int(got[1]), int(got[2]), span

    def batches(self, columns: Iterable[str] = table.SCHEMA) -> Iterator[pd.DataFrame]:
        """Yield the rows BATCH at a time as pandas tables: a million rows never sit in pandas at once."""
        columns = list(columns)
        select = ", ".join(f'"{c}"' for c in [*columns, "_row"])
        for batch in self.ask(select, "ORDER BY _row").to_arrow_reader(BATCH):
            yield _pandas(pa.Table.from_batches([batch]), columns)

    def row(self, event_id: str) -> dict | None:
        """Return the first row of `event_id`, None when the view has none."""
        got = self.narrowed("event_id = ?", event_id).frame(limit=1)
        return got.iloc[0].to_dict() if len(got) else None

    def rows(self, ids: Iterable[str]) -> pd.DataFrame:
        """Return the rows of these event_ids."""
        return self.narrowed("list_contains(?, event_id)", list(ids)).frame()

    def has(self, event_id: str) -> bool:
        """Return whether the view holds `event_id`."""
        return bool(self.narrowed("event_id = ?", event_id).ask("1", "LIMIT 1").fetchall())

    def names(self, column: str = "actors") -> list[str]:
        """Return every name of a `;`-joined column ("actors", "places"), sorted (filters.actor_names)."""
        lists = {"actors": "_actors", "places": "_places"}[column]
        sql = f"SELECT DISTINCT n FROM (SELECT unnest({lists}) AS n FROM events WHERE {self.condition})"
        return sorted(r[0] for r in self.table.ask(sql, self.params).fetchall())

    def values(self, column: str) -> list[str]:
        """Return the distinct non-empty values of `column`, sorted (filters.values)."""
        return sorted(r[0] for r in self.ask(f'DISTINCT "{column}"', f'AND "{column}" <> \'\'').fetchall())

    def busiest(self, column: str, most: int) -> tuple[list[str], int]:
        """Return the `most` non-empty values of `column` that most rows hold, sorted (filters.busiest),
        and how many distinct non-empty values it holds: one scan (a million rows: 0.1 s each)."""
        got = self.ask(f'"{column}", count(*) AS n, count(*) OVER () AS every',
                       f'AND "{column}" <> \'\' GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?', [int(most)]).fetchall()
        return sorted(r[0] for r in got), int(got[0][2]) if got else 0

    def distinct(self, column: str) -> int:
        """Return how many distinct values `column` holds (pandas nunique)."""
        return int(self.ask(f'count(DISTINCT "{column}")').fetchall()[0][0])

    def bounds(self) -> tuple[dt.date, dt.date] | None:
        """Return the first start and the last end date, None when the view is empty (filters.date_bounds)."""
        first, last = self.ask("min(date), max(date_end)").fetchall()[0]
        return None if first is None else (dt.date.fromisoformat(first), dt.date.fromisoformat(last))

    def csv_bytes(self) -> bytes:
        """Return the rows as exports.csv_bytes writes them, made BATCH rows at a time."""
        from . import exports

        out = [exports.BOM.encode("utf-8")]
        for i, part in enumerate(self.batches()):
            data = table.csv_bytes(part)
            out.append(data if i == 0 else data.split(b"\n", 1)[1])
        if len(out) == 1:
            out.append(table.csv_bytes(table.empty()))
        return b"".join(out)

    # The marker's day (chart.middles) in half days since 1970: a coarse date sits mid-interval.
    _HALF_DAYS = (f"CASE WHEN precision = 'day' THEN 2 * (CAST(date AS DATE) - {_EPOCH}) "
                  f"ELSE (CAST(date AS DATE) - {_EPOCH}) + (CAST(date_end AS DATE) - {_EPOCH}) + 1 END")

    def marks(self) -> pa.Table:
        """Return what the overview and its opening span count, in one scan of the view.

        Per row: its place, the half day of its marker (since 1970), whether its date is
        fine enough to choose the opening span, its actors.
        """
        select = (f"SELECT _row, CAST({self._HALF_DAYS} AS INTEGER) AS h, "
                  "list_contains(?, precision) AS fine, _actors")
        sql = f"{select} FROM events WHERE {self.condition}"
        return self.table.ask(sql, [list(chart.FOCUS_PRECISIONS), *self.params]).to_arrow_table()

    def _local(self, marks: pa.Table, sql: str, params: Iterable = ()) -> list[tuple]:
        """Return the rows of `sql` over `marks` (registered as `v`)."""
        cursor = self.table.con.cursor()
        try:
            cursor.register("v", marks)
            return cursor.sql(sql, params=list(params)).fetchall()
        finally:
            cursor.close()

    def focus(self, marks: pa.Table | None = None) -> list[dt.date] | None:
        """Return the x range the timeline opens on (chart.focus), from the view's marks."""
        marks = self.marks() if marks is None else marks
        got = self._local(marks, "SELECT h, count(*) FROM v WHERE fine GROUP BY h ORDER BY h")
        if not got:
            bounds = self.bounds()
            return chart.padded_range(*bounds) if bounds else None
        half, counts = np.array([r[0] for r in got]), np.cumsum([r[1] for r in got])
        # pandas' quantile(interpolation="nearest") takes element round(q * (n - 1)), halves to even (numpy).
        at = [int(np.around(q * (counts[-1] - 1))) for q in chart.FOCUS_QUANTILES]
        found = [int(half[np.searchsorted(counts, i, side="right")]) for i in at]
        days = [_EPOCH_DAY + dt.timedelta(days=h // 2) for h in found]
        return chart.focus_range(*days)

    def _lane_cells(self, run, rows: str, params: list, ui: Catalogue) -> pd.DataFrame:
        """Return (lane, bin, events) of `rows` (SQL of _row, bin, _actors, run by `run`), lanes as drawn.

        An event counts in each of its lanes; beyond LANES_MAX actors the quieter ones share a
        lane, where an event counts once; names escaped, the no-actor lane named in the
        language (chart._shown_lanes).
        """
        lane_rows = ("SELECT _row, bin, unnest(l) AS lane, generate_subscripts(l, 1) AS k FROM "
                     f"(SELECT _row, bin, CASE WHEN len(_actors) = 0 THEN [?] ELSE _actors END AS l "
                     f"FROM ({rows}))")
        # Lanes also in the order they first appear, as value_counts meets them before sorting.
        got = run(f"SELECT lane, bin, count(*), min(_row * 65536 + k) FROM ({lane_rows}) GROUP BY ALL",
                  [chart.NO_ACTOR, *params])
        if not got:
            return pd.DataFrame({"lane": pd.Series([], dtype="string"), "bin": [], "events": []})
        cells = pd.DataFrame(got, columns=["lane", "bin", "events", "first"])
        per_lane = cells.groupby("lane").agg(events=("events", "sum"), first=("first", "min"))
        per_lane = per_lane.sort_values("first")
        kept = chart.kept_lanes(per_lane["events"].sort_values(ascending=False))
        if kept is not None:
            other = ui.t("other_actors", n=kept[1])
            shown = "CASE WHEN lane = ? OR list_contains(?, lane) THEN lane ELSE ? END"
            sql = f"SELECT {shown} AS lane, bin, count(DISTINCT _row) FROM ({lane_rows}) GROUP BY ALL"
            cells = pd.DataFrame(run(sql, [chart.NO_ACTOR, sorted(kept[0]), other, chart.NO_ACTOR, *params]),
                                 columns=["lane", "bin", "events"])
        names = {v: html.escape(v) for v in cells["lane"].unique()}
        names[chart.NO_ACTOR] = html.escape(ui.t("no_actor"))
        return cells.loc[:, ["lane", "bin", "events"]].assign(lane=cells["lane"].map(names).astype("string"))

    def overview_cells(self, ui: Catalogue | None = None,
                       marks: pa.Table | None = None) -> tuple[pd.DataFrame, bool]:
        """Return the overview's cells (lane, bin, events) and whether it bins by year: chart.overview_figure.

        An event counts in the month (year * 12 + month - 1) of its marker.
        """
        ui = ui or catalogue("en")
        marks = self.marks() if marks is None else marks
        rows = (f"SELECT _row, year(m) * 12 + month(m) - 1 AS bin, _actors FROM "
                f"(SELECT _row, {_EPOCH} + CAST(floor(h / 2.0) AS INTEGER) AS m, _actors FROM v)")
        cells = self._lane_cells(lambda sql, params: self._local(marks, sql, params), rows, [], ui)
        if cells.empty:
            return cells, False
        by_year = int(cells["bin"].max() - cells["bin"].min()) >= chart.OVERVIEW_MONTHS_MAX
        if by_year:
            cells = cells.assign(bin=cells["bin"] // 12 * 12)
            cells = cells.groupby(["lane", "bin"], as_index=False)["events"].sum()
        return cells.sort_values(["lane", "bin"], ignore_index=True), bool(by_year)

    def activity_cells(self, ui: Catalogue | None = None) -> pd.DataFrame:
        """Return the activity chart's cells (month "YYYY-MM", lane, events) (chart.activity_figure)."""
        rows = (f"SELECT _row, substr(date, 1, 7) AS bin, _actors FROM events "
                f"WHERE ({self.condition}) AND list_contains(?, precision)")
        cells = self._lane_cells(lambda sql, params: self.table.ask(sql, params).fetchall(), rows,
                                 [*self.params, list(chart.ACTIVITY_PRECISIONS)], ui or catalogue("en"))
        cells = cells.rename(columns={"bin": "month"}).loc[:, ["month", "lane", "events"]]
        return cells.sort_values(["month", "lane"], ignore_index=True)


def _pandas(got: pa.Table, columns: list[str]) -> pd.DataFrame:
    """Return Arrow rows (with `_row`) as a pandas table in the schema's types, indexed by `_row`."""
    df = got.to_pandas()
    index = pd.Index(df.pop("_row").to_numpy(dtype=np.int64))
    df = df.astype({c: table.DTYPES.get(c, "string") for c in columns})
    df.index = index
    return df


def activity_figure(view: View, ui: Catalogue | None = None):
    """Return the activity chart of a view, counted in DuckDB."""
    return chart.activity_of(view.activity_cells(ui), view.focus(), ui)


def timeline_figure(view: View, ui: Catalogue | None = None):
    """Return the timeline of a view: its events (up to chart.DETAIL_MAX), else the overview from DuckDB."""
    if len(view) <= chart.DETAIL_MAX:
        return chart.detail_figure(view.frame(), ui)
    marks = view.marks()  # one scan of the view for both
    cells, by_year = view.overview_cells(ui, marks)
    return chart.overview_of(cells, by_year, view.focus(marks), ui)
