"""Plotly figures from the event table (never imports streamlit)."""
from __future__ import annotations

import html

import pandas as pd
import plotly.graph_objects as go

from .filters import split_list

NO_ACTOR = "(no actor)"


def lanes(df: pd.DataFrame) -> pd.DataFrame:
    """Return one row per (event, actor): an event with several actors sits in each lane."""
    rows = []
    for rec in df.to_dict("records"):
        for actor in split_list(rec["actors"]) or [NO_ACTOR]:
            rows.append({**rec, "lane": actor})
    return pd.DataFrame(rows, columns=[*df.columns, "lane"])


def _hover(rec: dict) -> str:
    # Article text is data, never markup: escape it before Plotly renders the hover.
    parts = [
        f"<b>{html.escape(rec['date_label'] or rec['date'])}</b>",
        html.escape(rec["title"]),
        "Actors: " + html.escape(rec["actors"] or "–"),
        html.escape(_wrap(rec["sentence"])),
        "Source: " + html.escape(rec["source"]),
    ]
    return "<br>".join(parts)


def _wrap(text: str, width: int = 80) -> str:
    words, lines, line = text.split(), [], ""
    for w in words:
        if len(line) + len(w) + 1 > width and line:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    return "\n".join(lines[:6])


def timeline_figure(df: pd.DataFrame) -> go.Figure:
    """Return the timeline: x = date, a lane per actor, hover with the event's details."""
    data = lanes(df)
    fig = go.Figure()
    for lane in sorted(data["lane"].unique(), key=lambda v: (v == NO_ACTOR, v)):
        part = data[data["lane"] == lane]
        fig.add_trace(
            go.Scatter(
                x=pd.to_datetime(part["date"]),
                y=part["lane"],
                mode="markers",
                name=lane,
                marker={"size": 11},
                customdata=part["event_id"],
                hovertext=[_hover(r).replace("\n", "<br>") for r in part.to_dict("records")],
                hoverinfo="text",
            )
        )
    fig.update_layout(
        height=max(320, 60 * data["lane"].nunique() + 120),
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        xaxis={"title": "Date", "type": "date"},
        yaxis={"title": "", "categoryorder": "category descending"},
        showlegend=False,
    )
    return fig
