"""The timeline as a PNG or SVG file, drawn offline (never imports streamlit).

Kaleido 1.x draws a figure in a headless Chromium of this machine (Debian's `chromium`
is found on the PATH, or name one in BROWSER_PATH); the plotly.js it loads is the copy
in the plotly package, and MathJax (a CDN script) is turned off, so nothing is fetched
from the network. One image takes about 4 s: a browser is started for each.
"""
from __future__ import annotations

import os
import shutil

import plotly.graph_objects as go

from .errors import InputError

FORMATS = {"png": "image/png", "svg": "image/svg+xml"}
WIDTH = 1400  # px of the image; the height is the figure's own
SCALE = {"png": 2, "svg": 1}  # a PNG at twice the pixels stays sharp in a document
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")


def browser() -> str | None:
    """Return the Chromium Kaleido will draw with, or None when there is none."""
    named = os.environ.get("BROWSER_PATH")
    if named and os.path.isfile(named):
        return named
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def image_bytes(fig: go.Figure, fmt: str, width: int = WIDTH) -> bytes:
    """Return `fig` as a PNG or SVG file of `width` pixels.

    Raises InputError when the format is unknown or no browser can draw it.
    """
    if fmt not in FORMATS:
        raise InputError(fmt, f"no such image format; choose one of {', '.join(FORMATS)}")
    path = browser()
    if path is None:
        raise InputError("chart image", "no Chromium found: install Debian's `chromium` or set BROWSER_PATH")
    import kaleido  # only when an image is asked for: it starts a browser

    os.environ.setdefault("BROWSER_PATH", path)
    height = int(fig.layout.height or 500)
    return kaleido.calc_fig_sync(fig, opts={"format": fmt, "width": width, "height": height, "scale": SCALE[fmt]},
                                 kopts={"mathjax": False})
