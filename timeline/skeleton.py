"""The timeline's empty frame: what the page shows in the chart's place while it reads its table."""
from __future__ import annotations

MARK = "skeleton"  # its trace's meta: the browser tests wait for a chart that is not this one
HEIGHT = 360  # the timeline's least height (chart._axes), so the page jumps little when it arrives


def figure(height: int = HEIGHT) -> dict:
    """Return a Plotly figure, as a dict, with no point, no axis and no text.

    The page sends it before anything else on a session's first run: the browser then
    fetches and starts Plotly's script (4.7 MB, about a second here) while the server
    imports its libraries, reads the table and counts the overview, instead of after.

    >>> fig = figure()
    >>> fig["data"][0]["x"], fig["layout"]["xaxis"]["visible"]
    ([], False)
    """
    return {
        "data": [{"type": "scatter", "x": [], "y": [], "meta": MARK, "hoverinfo": "skip"}],
        "layout": {"height": height, "xaxis": {"visible": False}, "yaxis": {"visible": False},
                   "margin": {"l": 10, "r": 10, "t": 40, "b": 10}, "showlegend": False},
    }
