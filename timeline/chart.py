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
from .i18n import Catalogue, catalogue
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
ACTIVITY_PRECISIONS = PRECISIONS[: PRECISIONS.index("month") + 1]  # the activity chart counts these only
PALETTE = qualitative.Plotly + qualitative.D3
MONTH_BAR_MS = 26 * 24 * 3600 * 1000  # bar width of a month in the activity chart
YEAR_BAR_MS = 330 * 24 * 3600 * 1000  # and of a year
DETAIL_COLUMNS = ["event_id", "date", "date_end", "precision", "date_label", "title", "actors", "event_type", "source",
                  "places"]
_LAST = pd.Timestamp(dt.date.max)  # the last day Python (and so the chart's hover and ranges) can hold
EVENTS, BANDS, LINKS, OVERVIEW = "events", "bands", "links", "overview"  # trace `meta`: which trace is what
LANES_MAX = 12  # more actors than this: the busiest LANES_MAX - 1 get a lane each, the rest share one
FOCUS_PRECISIONS = ("day", "week", "month_part", "month")  # dates exact enough to choose the opening view by
FOCUS_QUANTILES = (0.05, 0.95)  # the opening view holds the events between these quantiles of their dates
LINKS_MAX = 300  # more events than this draw no lines between an event's lanes
MARKER_SIZES = ((300, 11), (1000, 8), (None, 6))  # (up to this many events, marker size): smaller when crowded
LABELS_MAX = 8  # at most this many event titles are written on the chart (the most important that fit)
LABEL_CHARS = 38  # a longer title is cut with "…"
# Label layout: the chart is assumed this narrow (px), so labels that do not overlap at this
# width do not overlap on a wider page either; a character is about CHAR_PX wide at 11 px.
LABEL_WIDTH_PX, CHAR_PX, LABEL_HEIGHT_PX, LANE_PX = 700, 6.6, 16, 48


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


def lane_order(data: pd.DataFrame, ui: Catalogue | None = None) -> list[str]:
    """Return the lanes, busiest first, then the shared lane of the other actors, the no-actor lane last."""
    return order_of(data["lane"].value_counts(), ui)


def order_of(counts: pd.Series, ui: Catalogue | None = None) -> list[str]:
    """Return the lanes of `counts` (lane rows per lane) in lane_order."""
    ui = ui or catalogue("en")
    nobody = {NO_ACTOR, html.escape(ui.t("no_actor"))}
    others = html.escape(ui.text["other_actors"].split("{")[0])
    return sorted(counts.index, key=lambda v: (2 if v in nobody else 1 if v.startswith(others) else 0, -counts[v], v))


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


def hover(rec: dict, ui: Catalogue | None = None) -> str:
    """Return the hover text of one event; article text is data, never markup."""
    return hovers(pd.DataFrame([rec]), ui).iloc[0]


def _mapped(column: pd.Series, name) -> pd.Series:
    """Return a text column with `name` applied to each distinct value (few of them)."""
    column = column.astype("string").fillna("")
    return column.map({v: name(v) for v in column.unique()}).astype("string")


def hovers(df: pd.DataFrame, ui: Catalogue | None = None) -> pd.Series:
    """Return the hover text of every event, built column-wise; every piece of article text escaped."""
    ui = ui or catalogue("en")
    label = _mapped(df["date_label"], ui.date_label)
    actors = df["actors"].astype("string").fillna("").str.replace(";", ", ", regex=False)
    where = (df["places"] if "places" in df else pd.Series("", index=df.index)).astype("string").fillna("")
    where = (" · " + escape_html(where.str.replace(";", ", ", regex=False))).where(where != "", "")
    return ("<b>" + escape_html(label.where(label != "", df["date"])) + "</b>" + where + "<br>" + escape_html(df["title"])
            + f"<br>{ui.t('f_actors')}: " + escape_html(actors.where(actors != "", "–"))
            + f"<br>{ui.t('f_type')}: " + escape_html(_mapped(df["event_type"], ui.event_type))
            + f" · {ui.t('f_precision').lower()}: " + escape_html(_mapped(df["precision"], ui.precision))
            + f"<br>{ui.t('f_source')}: " + escape_html(df["source"]))


def _array(values: pd.Series) -> np.ndarray:
    """Return a column as a numpy array: Plotly checks a list item by item, an array at once."""
    if pd.api.types.is_datetime64_any_dtype(values):
        return values.to_numpy(dtype="datetime64[ms]")
    return values.to_numpy(dtype=object)


def timeline_figure(df: pd.DataFrame, ui: Catalogue | None = None) -> go.Figure:
    """Return the timeline: every event (up to DETAIL_MAX), else the overview of the view."""
    return overview_figure(df, ui) if len(df) > DETAIL_MAX else detail_figure(df, ui)


def folded(data: pd.DataFrame, ui: Catalogue, most: int = LANES_MAX) -> pd.DataFrame:
    """Return lane rows with only the busiest `most - 1` actors as lanes and the others in one shared lane.

    An event keeps one row in the shared lane however many of its actors it holds.
    """
    kept = kept_lanes(data["lane"].value_counts(), most)
    if kept is None:
        return data
    keep, other = kept[0], ui.t("other_actors", n=kept[1])
    rest = ~data["lane"].isin(keep | {NO_ACTOR}).to_numpy(dtype=bool)
    out = data.copy()
    out.loc[rest, "lane"] = other
    key = "event_id" if "event_id" in out else None
    return out[~out.duplicated([key, "lane"] if key else None).to_numpy(dtype=bool)] if key else out


def kept_lanes(counts: pd.Series, most: int = LANES_MAX) -> tuple[set[str], int] | None:
    """Return the actors keeping a lane of their own and how many share the other; None: each keeps one.

    `counts`: lane rows per lane, busiest first (as value_counts gives them).
    """
    named = counts.drop(NO_ACTOR, errors="ignore")
    if len(named) <= most:
        return None
    keep = set(named.index[: most - 1])
    return keep, len(named) - len(keep)


def _shown_lanes(data: pd.DataFrame, ui: Catalogue) -> pd.DataFrame:
    """Return lane rows ready to draw: folded at scale, names escaped, the no-actor lane named in the language."""
    data = _escaped(folded(data, ui))
    return data.assign(lane=data["lane"].replace(NO_ACTOR, html.escape(ui.t("no_actor"))))


def detail_figure(df: pd.DataFrame, ui: Catalogue | None = None) -> go.Figure:
    """Return one marker per event: x = date, a lane per actor, colour = event type, bands for coarse dates.

    The most important events that fit carry their title beside the marker (labels()).
    """
    ui = ui or catalogue("en")
    data = _shown_lanes(lanes(df, DETAIL_COLUMNS + (["importance"] if "importance" in df else [])), ui)
    data["x"] = middles(data)
    data["hover"] = hovers(data, ui)
    scatter = go.Scattergl if len(data) > WEBGL_ABOVE else go.Scatter
    order = lane_order(data, ui) if len(data) else []
    palette = colours(data["event_type"].unique().tolist())
    fig = go.Figure()
    # Above LINKS_MAX events the lines joining an event's lanes are a grey curtain over the markers.
    fig.add_trace(_links(data if len(df) <= LINKS_MAX else data.iloc[0:0], scatter))
    size = marker_size(len(df))
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
                name=html.escape(ui.event_type(kind)),
                legendgroup=kind,
                meta=EVENTS,
                marker={
                    "size": size,
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
    _axes(fig, focus(df), order, ui)
    for note in labels(data, order, focus(df)):
        fig.add_annotation(**note)
    # The legend sits under the chart, the range buttons above it: eleven types never wrap onto the buttons.
    fig.update_layout(legend={"title": {"text": ui.t("legend_type")}, "orientation": "h", "y": -0.06, "yanchor": "top",
                              "x": 0, "xanchor": "left"}, clickmode="event+select")
    return fig


def overview_figure(df: pd.DataFrame, ui: Catalogue | None = None) -> go.Figure:
    """Return how many events each lane has per month (per year over long spans): one heatmap trace.

    An event counts once in each of its lanes, in the month where its marker would sit.
    """
    ui = ui or catalogue("en")
    data = _shown_lanes(lanes(df, ["event_id", "date", "date_end", "precision"]), ui)
    at = middles(data)
    months = at.dt.year * 12 + at.dt.month - 1
    by_year = len(data) and int(months.max() - months.min()) >= OVERVIEW_MONTHS_MAX
    data["bin"] = at.dt.year * 12 if by_year else months
    cells = data.groupby(["lane", "bin"]).size().rename("events").reset_index()
    return overview_of(cells, bool(by_year), focus(df), ui)


def overview_of(cells: pd.DataFrame, by_year: bool, span: list | None,
                ui: Catalogue | None = None) -> go.Figure:
    """Return the overview heatmap of its cells (lane, bin = year * 12 + month - 1, events), opening on `span`.

    The page's DuckDB path counts the cells without pandas (query.View.overview_cells).
    """
    ui = ui or catalogue("en")
    order = order_of(cells.groupby("lane")["events"].sum(), ui) if len(cells) else []
    counts = cells.set_index(["lane", "bin"])["events"].unstack("bin") if len(cells) else pd.DataFrame()
    if len(cells):
        step = 12 if by_year else 1
        columns = range(int(cells["bin"].min()), int(cells["bin"].max()) + 1, step)
        counts = counts.reindex(index=order[::-1], columns=columns)
    # A cell sits in the middle of its month (or year); an empty cell stays blank.
    centre = [_shift(dt.datetime(b // 12, b % 12 + 1, 1), dt.timedelta(days=182 if by_year else 14))
              for b in counts.columns]
    unit = "%{x|%Y}" if by_year else "%{x|%b %Y}"
    fig = go.Figure(go.Heatmap(
        x=centre, y=list(counts.index), z=counts.to_numpy(dtype=float), meta=OVERVIEW, colorscale="Blues",
        hoverongaps=False, xgap=0, ygap=2, colorbar={"title": {"text": ui.t("events_unit")}},
        hovertemplate="%{y}<br>" + unit + ": %{z} " + ui.t("events_unit") + "<extra></extra>",
    ))
    _axes(fig, span, order, ui)
    return fig


def _axes(fig: go.Figure, span: list | None, order: list[str], ui: Catalogue) -> None:
    """Lay out the timeline's axes: lanes busiest on top, quick ranges (drag to zoom, double-click resets).

    No range slider: it draws every trace a second time, which doubled the chart's first paint.
    """
    fig.update_layout(
        height=max(360, 48 * len(order) + 200),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        xaxis={
            "type": "date",
            "range": span,
            "rangeselector": {
                "x": 0, "xanchor": "left", "y": 1.01, "yanchor": "bottom",
                "buttons": [
                    {"count": 1, "label": ui.t("btn_1y"), "step": "year", "stepmode": "backward"},
                    {"count": 5, "label": ui.t("btn_5y"), "step": "year", "stepmode": "backward"},
                    {"label": ui.t("btn_all"), "step": "all"},
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
    return padded_range(_day(df["date"].min()), _day(df["date_end"].max()))


def padded_range(first: dt.date, last: dt.date) -> list[dt.date]:
    """Return the x range around events from `first` to `last` (padded())."""
    pad = max(dt.timedelta(days=31), (last - first) * 0.03)
    return [_shift(first, -pad), _shift(last, pad)]


def focus(df: pd.DataFrame) -> list[dt.date] | None:
    """Return the x range the timeline opens on: the span holding most events, padded.

    Only events dated to a month or finer choose it (an "early 2000s" or a century band would
    stretch it over decades), between FOCUS_QUANTILES of their dates; without such events, every event.
    """
    fine = df[df["precision"].isin(FOCUS_PRECISIONS).to_numpy(dtype=bool)] if len(df) else df
    if fine.empty:
        return padded(df)
    at = middles(fine)
    low, high = at.quantile(list(FOCUS_QUANTILES), interpolation="nearest")
    return focus_range(low.date(), high.date())


def focus_range(first: dt.date, last: dt.date) -> list[dt.date]:
    """Return the opening x range around the days of the FOCUS_QUANTILES of the focus events (focus())."""
    pad = max(dt.timedelta(days=31), (last - first) * 0.06)
    return [_shift(first, -pad), _shift(last, pad)]


def marker_size(n: int) -> int:
    """Return the marker size for a view of `n` events."""
    return next(size for most, size in MARKER_SIZES if most is None or n <= most)


def _short(title: str) -> str:
    title = " ".join(str(title).split())
    return title if len(title) <= LABEL_CHARS else title[: LABEL_CHARS - 1].rstrip() + "…"


def labels(data: pd.DataFrame, order: list[str], span: list[dt.date] | None, most: int = LABELS_MAX) -> list[dict]:
    """Return annotations writing the titles of the most important events beside their markers, none overlapping.

    Greedy, most important first: a label goes right of its marker, above or below its lane's
    line, wherever its box (estimated at LABEL_WIDTH_PX) meets no label placed before and no
    marker; an event that fits nowhere keeps its title for the hover. Only events inside `span`.
    """
    if data.empty or not span:
        return []
    rank = data["importance"] if "importance" in data else pd.Series(0.0, index=data.index)
    start, end = pd.Timestamp(span[0]), pd.Timestamp(span[1])
    inside = data[((data["x"] >= start) & (data["x"] <= end)).to_numpy(dtype=bool)]
    inside = inside.assign(rank=rank).sort_values("rank", ascending=False, kind="stable")
    inside = inside[~inside["event_id"].duplicated().to_numpy(dtype=bool)]  # one label per event, in its first lane
    inside = inside[(inside["rank"] > 0).to_numpy(dtype=bool)]  # a table without importance labels nothing at random
    per_ms = LABEL_WIDTH_PX / max((end - start).total_seconds() * 1000, 1.0)
    row = {lane: i for i, lane in enumerate(order[::-1])}  # 0 = bottom lane
    px = lambda x: (x - start).total_seconds() * 1000 * per_ms  # noqa: E731
    marks = [(px(x), row[lane] * LANE_PX) for x, lane in zip(data["x"], data["lane"], strict=True)]
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for rec in inside.to_dict("records"):
        if len(out) >= most:
            break
        text = _short(rec["title"])
        x, y = px(rec["x"]), row[rec["lane"]] * LANE_PX
        width = CHAR_PX * len(text) + 6
        for side, shift in ((1, 11), (1, -11), (-1, 11), (-1, -11)):  # right of the marker first, then left
            bottom = y + shift - (0 if shift > 0 else LABEL_HEIGHT_PX)
            left = x + 6 if side > 0 else x - 6 - width
            box = (left, bottom, left + width, bottom + LABEL_HEIGHT_PX)
            clear = all(box[2] <= b[0] or b[2] <= box[0] or box[3] <= b[1] or b[3] <= box[1] for b in placed)
            hits = any(box[0] - 5 < mx < box[2] + 5 and box[1] - 5 < my < box[3] + 5 for mx, my in marks)
            if clear and not hits and box[0] >= 0 and box[2] <= LABEL_WIDTH_PX:
                placed.append(box)
                out.append({"x": rec["x"].to_pydatetime(), "y": rec["lane"], "text": escape_html(pd.Series([text])).iloc[0],
                            "showarrow": False, "xanchor": "left" if side > 0 else "right",
                            "yanchor": "bottom" if shift > 0 else "top", "xshift": 6 * side, "yshift": 3 if shift > 0 else -3,
                            "font": {"size": 11, "color": "#333"}, "bgcolor": "rgba(255,255,255,0.7)", "name": "label",
                            "captureevents": False})
                break
    return out


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


def activity_figure(df: pd.DataFrame, ui: Catalogue | None = None) -> go.Figure:
    """Return events per month (per year when that makes too many bars), stacked by actor.

    An event counts once in each of its lanes. Only events dated to a month or finer count:
    a "2022" would otherwise pile up in January.
    """
    ui = ui or catalogue("en")
    fine = df[df["precision"].isin(ACTIVITY_PRECISIONS).to_numpy(dtype=bool)]
    data = _shown_lanes(lanes(fine, ["event_id", "date"]), ui)
    data["month"] = data["date"].astype(str).str[:7]
    cells = data.groupby(["month", "lane"]).size().rename("events").reset_index()
    return activity_of(cells, focus(df), ui)


def activity_of(cells: pd.DataFrame, span: list | None, ui: Catalogue | None = None) -> go.Figure:
    """Return the activity chart of its cells (columns month as "YYYY-MM", lane, events), opening on `span`.

    The page's DuckDB path counts the cells without pandas (query.View.activity_cells).
    """
    ui = ui or catalogue("en")
    yearly = len(cells) > ACTIVITY_BARS_MAX  # a cell per month and lane: one bar each
    start = cells["month"].astype(str).str[:4] + "-01" if yearly else cells["month"].astype(str)
    counts = cells.assign(bin=_dates(start + "-01")).groupby(["bin", "lane"])["events"].sum().reset_index()
    # A bar spans most of its month (year), centred in it, whatever the zoom.
    middle, width, unit = (pd.Timedelta(days=182), YEAR_BAR_MS, "%{x|%Y}") if yearly else \
        (pd.Timedelta(days=15), MONTH_BAR_MS, "%{x|%b %Y}")
    fig = go.Figure()
    for lane in order_of(cells.groupby("lane")["events"].sum(), ui) if len(cells) else []:
        part = counts[counts["lane"] == lane]
        fig.add_trace(go.Bar(x=part["bin"] + middle, y=part["events"], name=lane, width=width,
                             hovertemplate=unit + ": %{y}"))
    fig.update_layout(
        barmode="stack", height=320, margin={"l": 10, "r": 10, "t": 30, "b": 10},
        xaxis={"type": "date", "title": "", "range": span},  # the timeline's opening span
        yaxis={"title": ui.t("per_year") if yearly else ui.t("per_month")}, legend={"title": {"text": ui.t("legend_actor")}},
    )
    return fig


def activity_by_year(data: pd.DataFrame) -> bool:
    """Return whether the activity chart of these lane rows bins by year: month bars would be too many."""
    return len(data) > 0 and data.groupby(["month", "lane"]).ngroups > ACTIVITY_BARS_MAX
