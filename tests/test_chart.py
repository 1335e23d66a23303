"""The Plotly timeline and activity figures."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from conftest import make_event
from timeline import chart, to_frame


@pytest.fixture(scope="module")
def events():
    return to_frame([
        make_event("a", "2022-02-24", actors=("Russia", "Ukraine"), event_type="conflict"),
        make_event("b", "2023-09-01", "2023-12-31", precision="year_part", actors=("Russia",), event_type="diplomacy"),
        make_event("c", "2024-06-19", actors=("Russia",), event_type="treaty",
                   title="<img src=x onerror=alert(1)>", source="<b>evil</b>.txt"),
        make_event("d", "2024-06-20"),
    ])


def traces(fig, meta):
    return [t for t in fig.data if t.meta == meta]


def test_every_event_is_a_point_in_each_of_its_lanes(events):
    fig = chart.timeline_figure(events)
    points = [(cd, y) for t in traces(fig, chart.EVENTS) for cd, y in zip(t.customdata, t.y, strict=True)]
    assert sorted(points) == sorted([("a", "Russia"), ("a", "Ukraine"), ("b", "Russia"), ("c", "Russia"),
                                     ("d", chart.NO_ACTOR)])
    assert list(fig.layout.yaxis.categoryarray)[-1] == "Russia"  # busiest lane on top


def test_colour_is_the_event_type(events):
    fig = chart.timeline_figure(events)
    by_type = {t.name: t.marker.color for t in traces(fig, chart.EVENTS)}
    assert set(by_type) == {"conflict", "diplomacy", "treaty", "other"}
    assert len(set(by_type.values())) == 4


def test_coarse_dates_get_a_band_and_a_hollow_marker(events):
    fig = chart.timeline_figure(events)
    bands = traces(fig, chart.BANDS)
    assert len(bands) == 1 and bands[0].name == "diplomacy"
    assert list(bands[0].x) == [dt.date(2023, 9, 1), dt.date(2024, 1, 1), None]
    diplomacy = next(t for t in traces(fig, chart.EVENTS) if t.name == "diplomacy")
    assert list(diplomacy.marker.symbol) == ["diamond-open"]
    assert str(diplomacy.x[0])[:19] == "2023-11-01T00:00:00"  # middle of the interval
    conflict = next(t for t in traces(fig, chart.EVENTS) if t.name == "conflict")
    assert set(conflict.marker.symbol) == {"circle"}


def test_an_event_with_several_actors_is_linked_across_lanes(events):
    links = traces(chart.timeline_figure(events), chart.LINKS)[0]
    assert list(links.y) == ["Russia", "Ukraine", None]


def test_hover_has_label_title_actors_source_and_is_escaped(events):
    fig = chart.timeline_figure(events)
    text = next(t for t in traces(fig, chart.EVENTS) if t.name == "treaty").hovertext[0]
    assert "&lt;img src=x onerror=alert(1)&gt;" in text and "<img" not in text
    assert "&lt;b&gt;evil&lt;/b&gt;.txt" in text and "2024-06-19" in text and "Russia" in text


def test_quick_ranges_and_no_range_slider(events):
    xaxis = chart.timeline_figure(events).layout.xaxis
    assert not xaxis.rangeslider.visible  # it draws every trace twice: the first paint took twice as long
    assert [b.label for b in xaxis.rangeselector.buttons] == ["1y", "5y", "all"]
    assert xaxis.range[0] < dt.date(2022, 2, 24) and xaxis.range[1] > dt.date(2024, 6, 20)


def test_many_points_switch_to_webgl():
    many = to_frame([make_event(f"{i:04d}", f"20{10 + i % 15}-01-{1 + i % 28:02d}", actors=("Russia",))
                     for i in range(chart.WEBGL_ABOVE + 1)])
    assert {t.type for t in chart.detail_figure(many).data} == {"scattergl"}
    assert {t.type for t in chart.detail_figure(many.head(10)).data} == {"scatter"}


def test_activity_counts_events_per_month_per_actor(events):
    fig = chart.activity_figure(events)
    counts = {t.name: sum(t.y) for t in fig.data}
    assert counts == {"Russia": 2, "Ukraine": 1, chart.NO_ACTOR: 1}  # "late 2023" is not a month
    russia = next(t for t in fig.data if t.name == "Russia")
    assert sorted(str(m)[:7] for m in russia.x) == ["2022-02", "2024-06"]  # bars sit mid-month


def test_activity_bins_by_year_when_months_would_make_too_many_bars():
    n = chart.ACTIVITY_BARS_MAX + 1  # one event a month, one lane: one bar too many
    spread = to_frame([make_event(f"{i:05d}", f"{1900 + i // 12}-{1 + i % 12:02d}-15", actors=("Russia",))
                       for i in range(n)])
    assert len(chart.activity_figure(spread.head(n - 1)).data[0].x) == n - 1
    fig = chart.activity_figure(spread)
    bars = fig.data[0]
    years = sorted({str(x)[:4] for x in bars.x})
    assert len(bars.x) == len(years) == 1900 + (n - 1) // 12 - 1900 + 1 and sum(bars.y) == n
    assert all(str(x)[5:7] == "07" for x in bars.x)  # a bar sits mid-year
    assert fig.layout.yaxis.title.text == "events per year" and bars.hovertemplate.startswith("%{x|%Y}")


def test_empty_table_gives_an_empty_figure(events):
    assert not [t for t in chart.timeline_figure(events.iloc[0:0]).data if t.meta == chart.EVENTS]


@pytest.fixture(scope="module")
def crowd():
    """More events than the detail view draws: two lanes over three months, one event naming nobody."""
    n = chart.DETAIL_MAX + 1
    made = [make_event(f"{i:05d}", f"2024-0{1 + i % 3}-{1 + i % 28:02d}", actors=("Russia", "<b>Korut</b>"),
                       title="<img src=x onerror=alert(1)>") for i in range(n - 1)]
    return to_frame([*made, make_event("zzzzz", "2024-02-10", "2024-02-29", precision="month_part")])


def test_above_detail_max_the_timeline_is_an_overview(crowd):
    assert [t.meta for t in chart.timeline_figure(crowd.head(chart.DETAIL_MAX)).data if t.meta == chart.OVERVIEW] == []
    fig = chart.timeline_figure(crowd)
    assert [t.meta for t in fig.data] == [chart.OVERVIEW] and fig.data[0].type == "heatmap"


def test_the_overview_counts_events_per_lane_and_month(crowd):
    heat = chart.timeline_figure(crowd).data[0]
    months = [str(x)[:7] for x in heat.x]
    assert months == ["2024-01", "2024-02", "2024-03"]
    counts = {lane: dict(zip(months, row, strict=True)) for lane, row in zip(heat.y, heat.z, strict=True)}
    per_month = crowd[crowd["event_id"] != "zzzzz"]["date"].str[:7].value_counts().to_dict()
    assert counts["Russia"] == per_month  # an event with two actors counts in each lane
    assert counts["&lt;b&gt;Korut&lt;/b&gt;"] == per_month
    lone = counts[chart.NO_ACTOR]  # a coarse date counts in the month of its middle, empty months stay blank
    assert lone["2024-02"] == 1 and all(v != v for k, v in lone.items() if k != "2024-02")  # NaN
    assert list(heat.y)[::-1] == ["&lt;b&gt;Korut&lt;/b&gt;", "Russia", chart.NO_ACTOR]  # busiest on top, ties by name


def test_the_overview_hover_is_lane_month_count_and_escaped(crowd):
    fig = chart.timeline_figure(crowd)
    heat = fig.data[0]
    assert heat.hovertemplate == "%{y}<br>%{x|%b %Y}: %{z} events<extra></extra>"
    spec = fig.to_json()
    assert "<b>Korut" not in spec and "onerror" not in spec  # lane names escaped, no article text sent


def test_a_long_span_is_binned_by_year():
    spread = to_frame([make_event(f"{i:05d}", f"{1900 + i % 120}-06-01", actors=("Russia",))
                       for i in range(chart.DETAIL_MAX + 1)])
    heat = chart.timeline_figure(spread).data[0]
    assert len(heat.x) == 120 and "%{x|%Y}" in heat.hovertemplate
    assert sum(v for v in heat.z[0] if v == v) == chart.DETAIL_MAX + 1


def test_detail_hover_is_built_column_wise_and_matches_one_record(events):
    rec = events.iloc[2].to_dict()
    assert chart.hover(rec) == chart.hovers(events).iloc[2]
    assert "&lt;b&gt;evil&lt;/b&gt;.txt" in chart.hover(rec)


def test_lanes_keep_table_order_and_cell_order(events):
    data = chart.lanes(events, ["event_id"])
    assert list(zip(data["event_id"], data["lane"], strict=True)) == [
        ("a", "Russia"), ("a", "Ukraine"), ("b", "Russia"), ("c", "Russia"), ("d", chart.NO_ACTOR)]
    assert list(data.columns) == ["event_id", "lane"]


def _spread(n: int, actors: int = 3, importance: float = 0.5) -> pd.DataFrame:
    """Return `n` day-dated events a week apart from 2022, over `actors` lanes, of middling importance."""
    days = [(dt.date(2022, 1, 1) + dt.timedelta(days=7 * i)).isoformat() for i in range(n)]
    frame = to_frame([make_event(f"e{i}", d, actors=(f"Actor {i % actors}",), title=f"Title number {i}")
                      for i, d in enumerate(days)])
    return frame.assign(importance=[importance + (i % 10) / 100 for i in range(n)])


def _coarse(event_id: str, start: str, end: str, precision: str) -> pd.DataFrame:
    return to_frame([make_event(event_id, start, end, precision=precision, actors=("Russia",))]).assign(importance=0.5)


def test_the_view_opens_on_the_span_of_most_events_not_on_a_century():
    events = _spread(40)
    century = _coarse("c", "2001-01-01", "2100-12-31", "century")
    old = _coarse("o", "2000-01-01", "2003-12-31", "decade_part")
    first, last = chart.focus(pd.concat([events, century, old], ignore_index=True))
    assert dt.date(2021, 11, 1) <= first <= dt.date(2022, 1, 1) and dt.date(2022, 9, 1) <= last <= dt.date(2023, 1, 1)
    assert chart.focus(century) == chart.padded(century)  # nothing finer: every date
    xaxis = chart.timeline_figure(pd.concat([events, century], ignore_index=True)).layout.xaxis
    assert [b.label for b in xaxis.rangeselector.buttons] == ["1y", "5y", "all"]


def test_labels_go_to_the_most_important_events_and_never_overlap():
    events = _spread(60, actors=2)
    events.loc[7, "importance"] = 0.99
    fig = chart.detail_figure(events)
    notes = [a for a in fig.layout.annotations if a.name == "label"]
    assert 1 <= len(notes) <= chart.LABELS_MAX and notes[0].text == "Title number 7"
    # The boxes the layout reserved (at its assumed width) are pairwise apart.
    span = chart.focus(events)
    start, end = pd.Timestamp(span[0]), pd.Timestamp(span[1])
    per = chart.LABEL_WIDTH_PX / ((end - start).total_seconds() * 1000)
    boxes = []
    for a in notes:
        x = (pd.Timestamp(a.x) - start).total_seconds() * 1000 * per + a.xshift
        w = chart.CHAR_PX * len(a.text) + 6
        left = x if a.xanchor == "left" else x - w
        y = (0 if a.y == "Actor 1" else chart.LANE_PX) + (a.yshift + (0 if a.yanchor == "bottom" else -chart.LABEL_HEIGHT_PX))
        boxes.append((left, y, left + w, y + chart.LABEL_HEIGHT_PX))
    for i, b in enumerate(boxes):
        for c in boxes[:i]:
            assert b[2] <= c[0] or c[2] <= b[0] or b[3] <= c[1] or c[3] <= b[1], (b, c)
    assert not [a for a in chart.detail_figure(events.assign(importance=0.0)).layout.annotations if a.name == "label"]


def test_many_actors_share_one_lane_beyond_the_busiest():
    events = _spread(120, actors=30)
    order = list(chart.detail_figure(events).layout.yaxis.categoryarray)[::-1]
    assert len(order) == chart.LANES_MAX and order[-1] == "other actors (19)"
    heat = chart.overview_figure(events)
    assert list(heat.data[0].y)[0] == "other actors (19)"  # bottom row


def test_the_chart_speaks_the_page_language():
    from timeline import i18n

    ui = i18n.catalogue("id")
    events = _spread(5)
    fig = chart.detail_figure(events, ui)
    assert fig.layout.legend.title.text == "Jenis peristiwa"
    assert [b.label for b in fig.layout.xaxis.rangeselector.buttons] == ["1 th", "5 th", "semua"]
    assert "Aktor: " in next(t for t in fig.data if t.meta == chart.EVENTS).hovertext[0]


def test_a_label_is_text_never_markup(events):
    rated = events.assign(importance=[0.1, 0.1, 0.9, 0.1])
    notes = [a.text for a in chart.detail_figure(rated).layout.annotations if a.name == "label"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in notes and not [n for n in notes if "<img" in n]


def test_dates_in_year_1_and_9999_are_drawn_without_overflow():
    ends = to_frame([
        make_event("first", "0001-01-01", actors=("Russia",)),
        make_event("year1", "0001-01-01", "0001-12-31", precision="year"),
        make_event("last", "9999-12-31", actors=("Russia",)),
        make_event("decade", "9990-01-01", "9999-12-31", precision="decade"),
    ])
    assert chart.padded(ends) == [dt.date.min, dt.date.max]  # the range stops at what Python can hold
    for figure in (chart.detail_figure, chart.overview_figure, chart.activity_figure):
        assert figure(ends).to_json()
    band = traces(chart.detail_figure(ends), chart.BANDS)[0]
    assert dt.date(9999, 12, 31) in list(band.x)  # the band to the end of 9999 stops on its last day
