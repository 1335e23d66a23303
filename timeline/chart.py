"""Plotly figures from the event table (never imports streamlit).

Every step works on whole columns (pandas, numpy, Arrow): at 100,000 events a loop over
records took half a minute. A view of more than DETAIL_MAX events is drawn as an overview
(events per lane and month) instead of one marker per event.
"""
from __future__ import annotations

import datetime as dt
import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative

from .filters import actor_pairs
from .table import escape_html
from .model import PRECISIONS

NO_ACTOR = "(no actor)"
# More plotted points (event x lane) than this switch to WebGL traces. Below it SVG draws
# sooner: 3,500 points took 0.5 s in SVG and 0.7-0.9 s in WebGL without a GPU (Chromium's
# software GL); at 6,000 the two were even.
WEBGL_ABOVE = 5000
# More events than this in the filtered view draw the overview: single markers, bands,
# links and hover texts of more events make a figure of megabytes that the browser
# paints in seconds, and the points hide each other anyway.
DETAIL_MAX = 3000
OVERVIEW_MONTHS_MAX = 600  # a longer span is binned by year instead of by month
# More month bars than this (lanes x months) bin the activity chart by year: thousands of
# SVG bars took the browser half a second to draw, on every first paint of the page.
ACTIVITY_BARS_MAX = 1200
PALETTE = qualitative.Plotly + qualitative.D3
MONTH_BAR_MS = 26 * 24 * 3600 * 1000  # bar width of a month in the activity chart
YEAR_BAR_MS = 330 * 24 * 3600 * 1000  # and of a year
DETAIL_COLUMNS = ["event_id", "date", "date_end", "precision", "date_label", "title", "actors", "event_type", "source",
                  "places"]
_LAST = pd.Timestamp(dt.date.max)  # the last day Python (and so the chart's hover and ranges) can hold
EVENTS, BANDS, LINKS, OVERVIEW = "events", "bands", "links", "overview"  # trace `meta`: which trace is what


def lanes(df: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """Return one row per (event, actor): an event with several actors sits in each lane.

    `columns` keeps only those columns (copying every text column of 100,000 rows is most of the cost).
    """
    rows, names = actor_pairs(df)
    named = np.zeros(len(df), dtype=bool)
    named[rows] = True
    alone = np.flatnonzero(~named)  # rows naming nobody go to the no-actor lane
    rows = np.concatenate([rows, alone])
    names = np.concatenate([names, np.full(len(alone), NO_ACTOR, dtype=object)])
    order = np.argsort(rows, kind="stable")  # table order, and a row's actors in cell order
    out = (df if columns is None else df[columns]).iloc[rows[order]].reset_index(drop=True)
    return out.assign(lane=pd.array(names[order], dtype="string"))


def lane_order(data: pd.DataFrame) -> list[str]:
    """Return the lanes, busiest first, the no-actor lane last."""
    counts = data["lane"].value_counts()
    return sorted(counts.index, key=lambda v: (v == NO_ACTOR, -counts[v], v))


def _escaped(data: pd.DataFrame) -> pd.DataFrame:
    """Escape lane names (few distinct values, so escape each once)."""
    return data.assign(lane=data["lane"].map({v: html.escape(v) for v in data["lane"].unique()}).astype("string"))


def colours(types: list[str]) -> dict[str, str]:
    """Return a stable colour per event type."""
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(sorted(types))}


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _shift(day, delta: dt.timedelta):
    """Return `day + delta` (a date or datetime), held within what Python can hold (years 1 to 9999)."""
    try:
        return day + delta
    except OverflowError:
        return type(day).max if delta > dt.timedelta(0) else type(day).min


def _dates(column: pd.Series) -> pd.Series:
    return pd.to_datetime(column, format="%Y-%m-%d")


def middles(df: pd.DataFrame) -> pd.Series:
    """Return where each event's marker sits: its day, or the middle of its interval."""
    start, end = _dates(df["date"]), _dates(df["date_end"]) + pd.Timedelta(days=1)
    return start.where(df["precision"] == "day", start + (end - start) / 2)


def hover(rec: dict) -> str:
    """Return the hover text of one event; article text is data, never markup."""
    return hovers(pd.DataFrame([rec])).iloc[0]


def hovers(df: pd.DataFrame) -> pd.Series:
    """Return the hover text of every event, built column-wise; every piece of article text escaped."""
    label = df["date_label"].astype("string").fillna("")
    actors = df["actors"].astype("string").fillna("").str.replace(";", ", ", regex=False)
    where = (df["places"] if "places" in df else pd.Series("", index=df.index)).astype("string").fillna("")
    where = (" · " + escape_html(where.str.replace(";", ", ", regex=False))).where(where != "", "")
    return ("<b>" + escape_html(label.where(label != "", df["date"])) + "</b>" + where + "<br>" + escape_html(df["title"])
            + "<br>Actors: " + escape_html(actors.where(actors != "", "–"))
            + "<br>Type: " + escape_html(df["event_type"]) + " · precision: " + escape_html(df["precision"])
            + "<br>Source: " + escape_html(df["source"]))


def _array(values: pd.Series) -> np.ndarray:
    """Return a column as a numpy array: Plotly checks a list item by item, an array at once."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.to_numpy(dtype="datetime64[ms]")
    return values.to_numpy(dtype=object)


def timeline_figure(df: pd.DataFrame) -> go.Figure:
    """Return the timeline: every event (up to DETAIL_MAX), else the overview of the view."""
    return overview_figure(df) if len(df) > DETAIL_MAX else detail_figure(df)


def detail_figure(df: pd.DataFrame) -> go.Figure:
    """Return one marker per event: x = date, a lane per actor, colour = event type, bands for coarse dates."""
    data = _escaped(lanes(df, DETAIL_COLUMNS))
    data["x"] = middles(data)
    data["hover"] = hovers(data)
    scatter = go.Scattergl if len(data) > WEBGL_ABOVE else go.Scatter
    order = lane_order(data) if len(data) else []
    palette = colours(data["event_type"].unique().tolist())
    fig = go.Figure()
    fig.add_trace(_links(data, scatter))
    for kind in sorted(palette):
        part = data[(data["event_type"] == kind).to_numpy(dtype=bool)]
        day = (part["precision"] == "day").to_numpy(dtype=bool)
        if not day.all():
            fig.add_trace(_bands(part[~day], kind, palette[kind], scatter))
        fig.add_trace(
            scatter(
                x=_array(part["x"]),
                y=_array(part["lane"]),
                mode="markers",
                name=html.escape(kind),
                legendgroup=kind,
                meta=EVENTS,
                marker={
                    "size": 11,
                    "color": palette[kind],
                    # Hollow markers sit in the middle of a band: the date is not a single day.
                    "symbol": np.where(day, "circle", "diamond-open").astype(object),
                    "line": {"width": 2, "color": palette[kind]},
                },
                customdata=_array(part["event_id"]),
                hovertext=_array(part["hover"]),
                hoverinfo="text",
            )
        )
    _axes(fig, df, order)
    fig.update_layout(legend={"title": {"text": "Event type"}, "orientation": "h", "y": 1.02, "yanchor": "bottom",
                              "x": 1, "xanchor": "right"}, clickmode="event+select")
    return fig


def overview_figure(df: pd.DataFrame) -> go.Figure:
    """Return how many events each lane has per month (per year over long spans): one heatmap trace.

    An event counts once in each of its lanes, in the month where its marker would sit.
    """
    data = _escaped(lanes(df, ["date", "date_end", "precision"]))
    at = middles(data)
    months = at.dt.year * 12 + at.dt.month - 1
    by_year = len(data) and int(months.max() - months.min()) >= OVERVIEW_MONTHS_MAX
    data["bin"] = at.dt.year * 12 if by_year else months
    order = lane_order(data) if len(data) else []
    counts = data.groupby(["lane", "bin"]).size().unstack("bin")
    if len(data):
        step = 12 if by_year else 1
        counts = counts.reindex(index=order[::-1], columns=range(int(data["bin"].min()), int(data["bin"].max()) + 1, step))
    # A cell sits in the middle of its month (or year); an empty cell stays blank.
    centre = [_shift(dt.datetime(b // 12, b % 12 + 1, 1), dt.timedelta(days=182 if by_year else 14))
              for b in counts.columns]
    unit = "%{x|%Y}" if by_year else "%{x|%b %Y}"
    fig = go.Figure(go.Heatmap(
        x=centre, y=list(counts.index), z=counts.to_numpy(dtype=float), meta=OVERVIEW, colorscale="Blues",
        hoverongaps=False, xgap=0, ygap=2, colorbar={"title": {"text": "events"}},
        hovertemplate="%{y}<br>" + unit + ": %{z} events<extra></extra>",
    ))
    _axes(fig, df, order)
    return fig


def _axes(fig: go.Figure, df: pd.DataFrame, order: list[str]) -> None:
    """Lay out the timeline's axes: lanes busiest on top, quick ranges (drag to zoom, double-click resets).

    No range slider: it draws every trace a second time, which doubled the chart's first paint.
    """
    fig.update_layout(
        height=max(360, 48 * len(order) + 200),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        xaxis={
            "type": "date",
            "range": padded(df),
            "rangeselector": {
                "buttons": [
                    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                    {"count": 5, "label": "5y", "step": "year", "stepmode": "backward"},
                    {"label": "all", "step": "all"},
                ]
            },
        },
        yaxis={"title": "", "type": "category", "categoryorder": "array", "categoryarray": order[::-1]},
        hovermode="closest",
    )


def padded(df: pd.DataFrame) -> list[dt.date] | None:
    """Return an x range around the events, at least two months wide (never zoomed to seconds)."""
    if df.empty:
        return None
    first, last = _day(df["date"].min()), _day(df["date_end"].max())
    pad = max(dt.timedelta(days=31), (last - first) * 0.03)
    return [_shift(first, -pad), _shift(last, pad)]


def _gapped(values: np.ndarray, width: int) -> np.ndarray:
    """Return `values` (rows of `width` points) flattened with a None after each row: separate lines."""
    rows = np.empty((len(values), width + 1), dtype=object)
    rows[:, :width] = values.reshape(len(values), width)
    rows[:, width] = None
    return rows.ravel()


def _bands(part: pd.DataFrame, kind: str, colour: str, scatter: type) -> go.Scatter:
    """Return one trace of thick segments over the intervals of coarse-dated events."""
    start = _dates(part["date"]).dt.date.to_numpy()
    # The interval is inclusive; a band to the end of 9999 stops a day short (Python has no year 10000).
    end = (_dates(part["date_end"]) + pd.Timedelta(days=1)).clip(upper=_LAST).dt.date.to_numpy()
    lane = part["lane"].to_numpy(dtype=object)
    return scatter(
        x=_gapped(np.column_stack([start, end]), 2), y=_gapped(np.column_stack([lane, lane]), 2),
        mode="lines", name=html.escape(kind), legendgroup=kind, showlegend=False, meta=BANDS,
        line={"width": 9, "color": colour}, opacity=0.35, hoverinfo="skip",
    )


def _links(data: pd.DataFrame, scatter: type) -> go.Scatter:
    """Return thin vertical lines joining the lanes of an event that names several actors."""
    ids = data["event_id"]
    shared = data[ids.map(ids.value_counts()).to_numpy() > 1]
    # lanes() keeps an event's rows together: a None after each event's last row breaks the line.
    last = (shared["event_id"] != shared["event_id"].shift(-1)).fillna(True).to_numpy(dtype=bool)
    after = np.flatnonzero(last) + 1
    xs = np.insert(np.asarray(shared["x"].dt.to_pydatetime(), dtype=object), after, None)
    ys = np.insert(shared["lane"].to_numpy(dtype=object), after, None)
    return scatter(
        x=xs, y=ys, mode="lines", meta=LINKS, showlegend=False, hoverinfo="skip",
        line={"width": 1, "color": "rgba(120,120,120,0.5)"},
    )


def activity_figure(df: pd.DataFrame) -> go.Figure:
    """Return events per month (per year when that makes too many bars), stacked by actor.

    An event counts once in each of its lanes. Only events dated to a month or finer count:
    a "2022" would otherwise pile up in January.
    """
    fine = df[df["precision"].isin(PRECISIONS[: PRECISIONS.index("month") + 1]).to_numpy(dtype=bool)]
    data = _escaped(lanes(fine, ["date"]))
    data["month"] = _dates(data["date"].astype(str).str[:7] + "-01")
    yearly = activity_by_year(data)
    data["bin"] = _dates(data["date"].astype(str).str[:4] + "-01-01") if yearly else data["month"]
    counts = data.groupby(["bin", "lane"]).size().rename("events").reset_index()
    # A bar spans most of its month (year), centred in it, whatever the zoom.
    middle, width, unit = (pd.Timedelta(days=182), YEAR_BAR_MS, "%{x|%Y}") if yearly else \
        (pd.Timedelta(days=15), MONTH_BAR_MS, "%{x|%b %Y}")
    fig = go.Figure()
    for lane in lane_order(data) if len(data) else []:
        part = counts[counts["lane"] == lane]
        fig.add_trace(go.Bar(x=part["bin"] + middle, y=part["events"], name=lane, width=width,
                             hovertemplate=unit + ": %{y}"))
    fig.update_layout(
        barmode="stack", height=320, margin={"l": 10, "r": 10, "t": 30, "b": 10},
        xaxis={"type": "date", "title": "", "range": padded(df)},
        yaxis={"title": "events per year" if yearly else "events per month"}, legend={"title": {"text": "Actor"}},
    )
    return fig


def activity_by_year(data: pd.DataFrame) -> bool:
    """Return whether the activity chart of these lane rows bins by year: month bars would be too many."""
    return len(data) > 0 and data.groupby(["month", "lane"]).ngroups > ACTIVITY_BARS_MAX
