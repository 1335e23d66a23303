"""The map figure: events at their places, sized by count, coloured as the timeline."""
from __future__ import annotations

from conftest import make_event
from timeline import chart, geo, to_frame


def _view():
    return to_frame([
        make_event("a", "2024-06-19", event_type="agreement", places=("Pyongyang",)),
        make_event("b", "2024-06-20", event_type="meeting", places=("Pyongyang", "Vladivostok")),
        make_event("c", "2024-06-21", event_type="meeting", places=("Pyongyang",)),
        make_event("d", "2024-06-22", event_type="statement", places=("Nowhere Land",)),
        make_event("e", "2024-06-23", event_type="military"),
    ])


def test_place_counts_per_place_and_type_with_coordinates():
    counts = geo.place_counts(_view())
    got = {(r.place, r.event_type): r.events for r in counts.itertuples()}
    assert got == {("Pyongyang", "agreement"): 1, ("Pyongyang", "meeting"): 2, ("Vladivostok", "meeting"): 1}
    assert counts.loc[counts["place"] == "Pyongyang", "lat"].iloc[0] == 39.0392


def test_the_map_has_a_trace_per_type_in_the_timelines_colours_and_the_place_as_customdata():
    view = _view()
    fig = geo.map_figure(view)
    palette = chart.colours(view["event_type"].unique().tolist())
    assert [t.name for t in fig.data] == ["meeting", "agreement"]  # the busiest type drawn first
    assert all(t.type == "scattergeo" and t.meta == geo.PLACES for t in fig.data)
    meeting = fig.data[0]
    assert list(meeting.customdata) == ["Pyongyang", "Vladivostok"] and list(meeting.marker.size) == [2, 1]
    assert meeting.marker.color == palette["meeting"]
    assert "meeting: 2" in meeting.hovertext[0] and "3 events" in meeting.hovertext[0]
    lat, lon = fig.layout.geo.lataxis.range, fig.layout.geo.lonaxis.range
    assert lat[0] < 39 < 43 < lat[1] and lon[0] < 125 < 132 < lon[1]


def test_a_click_names_its_place():
    fig = geo.map_figure(_view())
    assert geo.clicked_place([{"customdata": "Vladivostok"}]) == "Vladivostok"
    assert geo.clicked_place([{"curve_number": 1, "point_index": 0}], fig) == "Pyongyang"
    assert geo.clicked_place([]) is None


def test_a_view_without_places_draws_an_empty_map():
    assert geo.map_figure(to_frame([make_event("e", "2024-06-23")])).data == ()
