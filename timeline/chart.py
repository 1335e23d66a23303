"""Plotly figures from the event table (never imports streamlit)."""
from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative

from .filters import split_list
from .model import PRECISIONS

NO_ACTOR = "(no actor)"
WEBGL_ABOVE = 1000  # more plotted points than this switch to WebGL traces (SVG gets slow)
PALETTE = qualitative.Plotly + qualitative.D3
MONTH_BAR_MS = 26 * 24 * 3600 * 1000  # bar width of a month in the activity chart
EVENTS, BANDS, LINKS = "events", "bands", "links"  # trace `meta`: which traces are the events


def lanes(df: pd.DataFrame) -> pd.DataFrame:
    """Return one row per (event, actor): an event with several actors sits in each lane."""
    rows = []
    for rec in df.to_dict("records"):
        for actor in split_list(rec["actors"]) or [NO_ACTOR]:
            rows.append({**rec, "lane": actor})
    return pd.DataFrame(rows, columns=[*df.columns, "lane"])


def lane_order(data: pd.DataFrame) -> list[str]:
    """Return the lanes, busiest first, the no-actor lane last."""
    counts = data["lane"].value_counts()
    return sorted(counts.index, key=lambda v: (v == NO_ACTOR, -counts[v], v))


def _escaped(data: pd.DataFrame) -> pd.DataFrame:
    """Escape lane names: Plotly renders tick labels and legend names as (a subset of) HTML."""
    return data.assign(lane=data["lane"].map(html.escape))


def colours(types: list[str]) -> dict[str, str]:
    """Return a stable colour per event type."""
    return {t: PALETTE[i % len(PALETTE)] for i, t in enumerate(sorted(types))}


def _day(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso)


def _middle(rec: dict) -> dt.datetime:
    """Return the middle of an event's interval (where its marker sits)."""
    start = dt.datetime.combine(_day(rec["date"]), dt.time())
    end = dt.datetime.combine(_day(rec["date_end"]) + dt.timedelta(days=1), dt.time())
    return start + (end - start) / 2 if rec["precision"] != "day" else start


def hover(rec: dict) -> str:
    """Return the hover text of one event; article text is data, never markup."""
    parts = [
        f"<b>{html.escape(rec['date_label'] or rec['date'])}</b>",
        html.escape(rec["title"]),
        "Actors: " + html.escape((rec["actors"] or "–").replace(";", ", ")),
        f"Type: {html.escape(rec['event_type'])} · precision: {html.escape(rec['precision'])}",
        "Source: " + html.escape(rec["source"]),
    ]
    return "<br>".join(parts)


def timeline_figure(df: pd.DataFrame) -> go.Figure:
    """Return the timeline: x = date, a lane per actor, colour = event type, bands for coarse dates."""
    data = _escaped(lanes(df))
    webgl = len(data) > WEBGL_ABOVE
    scatter = go.Scattergl if webgl else go.Scatter
    order = lane_order(data) if len(data) else []
    palette = colours(list(data["event_type"].unique()))
    fig = go.Figure()
    fig.add_trace(_links(data, scatter))
    for kind in sorted(palette):
        part = data[data["event_type"] == kind]
        recs = part.to_dict("records")
        coarse = [r for r in recs if r["precision"] != "day"]
        if coarse:
            fig.add_trace(_bands(coarse, kind, palette[kind], scatter))
        fig.add_trace(
            scatter(
                x=[_middle(r) for r in recs],
                y=part["lane"].tolist(),
                mode="markers",
                name=html.escape(kind),
                legendgroup=kind,
                meta=EVENTS,
                marker={
                    "size": 11,
                    "color": palette[kind],
                    # Hollow markers sit in the middle of a band: the date is not a single day.
                    "symbol": ["circle" if r["precision"] == "day" else "diamond-open" for r in recs],
                    "line": {"width": 2, "color": palette[kind]},
                },
                customdata=part["event_id"].tolist(),
                hovertext=[hover(r) for r in recs],
                hoverinfo="text",
            )
        )
    fig.update_layout(
        height=max(360, 48 * len(order) + 200),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        xaxis={
            "type": "date",
            "range": padded(df),
            "rangeslider": {"visible": True, "thickness": 0.08, "range": padded(df)},
            "rangeselector": {
                "buttons": [
                    {"count": 1, "label": "1y", "step": "year", "stepmode": "backward"},
                    {"count": 5, "label": "5y", "step": "year", "stepmode": "backward"},
                    {"label": "all", "step": "all"},
                ]
            },
        },
        yaxis={"title": "", "type": "category", "categoryorder": "array", "categoryarray": order[::-1]},
        legend={"title": {"text": "Event type"}, "orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 1, "xanchor": "right"},
        hovermode="closest",
        clickmode="event+select",
    )
    return fig


def padded(df: pd.DataFrame) -> list[dt.date] | None:
    """Return an x range around the events, at least two months wide (never zoomed to seconds)."""
    if df.empty:
        return None
    first, last = _day(min(df["date"])), _day(max(df["date_end"]))
    pad = max(dt.timedelta(days=31), (last - first) * 0.03)
    return [first - pad, last + pad]


def _bands(recs: list[dict], kind: str, colour: str, scatter: type) -> go.Scatter:
    """Return one trace of thick segments over the intervals of coarse-dated events."""
    xs: list = []
    ys: list = []
    for r in recs:
        end = _day(r["date_end"]) + dt.timedelta(days=1)  # the interval is inclusive
        xs += [_day(r["date"]), end, None]
        ys += [r["lane"], r["lane"], None]
    return scatter(
        x=xs, y=ys, mode="lines", name=html.escape(kind), legendgroup=kind, showlegend=False, meta=BANDS,
        line={"width": 9, "color": colour}, opacity=0.35, hoverinfo="skip",
    )


def _links(data: pd.DataFrame, scatter: type) -> go.Scatter:
    """Return thin vertical lines joining the lanes of an event that names several actors."""
    xs: list = []
    ys: list = []
    for _, group in data.groupby("event_id", sort=False):
        if len(group) > 1:
            x = _middle(group.iloc[0].to_dict())
            for lane in group["lane"]:
                xs.append(x)
                ys.append(lane)
            xs.append(None)
            ys.append(None)
    return scatter(
        x=xs, y=ys, mode="lines", meta=LINKS, showlegend=False, hoverinfo="skip",
        line={"width": 1, "color": "rgba(120,120,120,0.5)"},
    )


def activity_figure(df: pd.DataFrame) -> go.Figure:
    """Return events per month, stacked by actor (an event counts once in each of its lanes).

    Only events dated to a month or finer count: a "2022" would otherwise pile up in January.
    """
    fine = df[df["precision"].isin(PRECISIONS[: PRECISIONS.index("month") + 1]).astype(bool)]
    data = _escaped(lanes(fine))
    data["month"] = pd.to_datetime(data["date"].astype(str).str[:7] + "-01")
    counts = data.groupby(["month", "lane"]).size().rename("events").reset_index()
    fig = go.Figure()
    for lane in lane_order(data) if len(data) else []:
        part = counts[counts["lane"] == lane]
        fig.add_trace(
            go.Bar(
                # A bar spans most of its month, centred in it, whatever the zoom.
                x=part["month"] + pd.Timedelta(days=15), y=part["events"], name=lane,
                width=MONTH_BAR_MS, customdata=part["month"], hovertemplate="%{customdata|%b %Y}: %{y}",
            )
        )
    fig.update_layout(
        barmode="stack", height=320, margin={"l": 10, "r": 10, "t": 30, "b": 10},
        xaxis={"type": "date", "title": "", "range": padded(df)}, yaxis={"title": "events per month"},
        legend={"title": {"text": "Actor"}},
    )
    return fig
