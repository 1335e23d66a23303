"""The chart as PNG and SVG, drawn offline by Kaleido in the local Chromium."""
from __future__ import annotations

import pytest

from conftest import make_event
from timeline import chart, images, to_frame
from timeline.errors import InputError


@pytest.fixture(scope="module")
def figure():
    if images.browser() is None:
        pytest.skip("no Chromium for Kaleido")
    return chart.timeline_figure(to_frame([make_event("a", "2024-06-18", actors=("Russia",), title="Treaty")]))


def test_png_and_svg_of_the_timeline(figure):
    png = images.image_bytes(figure, "png")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 10_000
    svg = images.image_bytes(figure, "svg").decode("utf-8")
    assert svg.startswith("<svg") and "Russia" in svg


def test_unknown_format_says_which_there_are(figure):
    with pytest.raises(InputError, match="png, svg"):
        images.image_bytes(figure, "gif")
