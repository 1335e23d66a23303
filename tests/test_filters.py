"""The sidebar's filters, as pure functions over the table."""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from conftest import make_event
from timeline import filters, to_frame


@pytest.fixture(scope="module")
def events():
    return to_frame([
        make_event("a", "2022-02-24", actors=("Russia", "Ukraine"), event_type="conflict", title="Invasion begins",
                   source="one.txt", confidence=0.9),
        make_event("b", "2023-09-01", "2023-12-31", precision="year_part", actors=("Russia", "North Korea"),
                   event_type="diplomacy", source="two.md", confidence=0.6, sentence="Kim visited Vostochny."),
        make_event("c", "2024-06-19", actors=("North Korea", "Russia", "Ukraine"), event_type="treaty",
                   source="one.txt", confidence=0.4, people=("Kim Jong Un",)),
        make_event("d", "2000-01-01", "2009-12-31", precision="decade", source="two.md", confidence=0.8),
    ])


def ids(df):
    return sorted(df["event_id"])


def test_actor_names_and_values(events):
    assert filters.actor_names(events) == ["North Korea", "Russia", "Ukraine"]
    assert filters.values(events, "source") == ["one.txt", "two.md"]
    assert filters.date_bounds(events) == (dt.date(2000, 1, 1), dt.date(2024, 6, 19))
    assert filters.date_bounds(events.iloc[0:0]) is None


def test_busiest_keeps_the_values_most_rows_hold():
    df = pd.DataFrame({"source": ["b", "a", "c", "c", "", "b", "d", "c"]})
    assert filters.busiest(df, "source", 2) == ["b", "c"]  # c: 3 rows, then b: 2
    assert filters.busiest(df, "source", 3) == ["a", "b", "c"]  # a and d hold one each: the first by value
    assert filters.busiest(df, "source", 99) == ["a", "b", "c", "d"]  # never the empty value


def test_actors_any_of_and_all_of(events):
    assert ids(filters.by_actors(events, ["Ukraine", "North Korea"])) == ["a", "b", "c"]
    assert ids(filters.by_actors(events, ["Ukraine", "North Korea"], "all")) == ["c"]
    assert ids(filters.by_actors(events, [])) == ["a", "b", "c", "d"]


def test_dates_keep_intervals_that_overlap(events):
    assert ids(filters.by_dates(events, dt.date(2023, 12, 1), None)) == ["b", "c"]
    assert ids(filters.by_dates(events, None, dt.date(2005, 1, 1))) == ["d"]
    assert ids(filters.by_dates(events, dt.date(2022, 2, 24), dt.date(2022, 2, 24))) == ["a"]


def test_types_and_sources(events):
    assert ids(filters.by_column(events, "event_type", ["treaty", "conflict"])) == ["a", "c"]
    assert ids(filters.by_column(events, "source", ["two.md"])) == ["b", "d"]
    assert ids(filters.by_column(events, "source", [])) == ["a", "b", "c", "d"]


def test_coarsest_precision(events):
    assert ids(filters.by_precision(events, "day")) == ["a", "c"]
    assert ids(filters.by_precision(events, "year")) == ["a", "b", "c"]
    assert ids(filters.by_precision(events, "century")) == ["a", "b", "c", "d"]


def test_search_needs_every_word_in_any_text_column(events):
    assert ids(filters.by_text(events, "vostochny")) == ["b"]
    assert ids(filters.by_text(events, "kim jong")) == ["c"]  # people column
    assert ids(filters.by_text(events, "invasion ukraine")) == ["a"]
    assert ids(filters.by_text(events, "invasion korea")) == []
    assert ids(filters.by_text(events, "  ")) == ["a", "b", "c", "d"]
    assert ids(filters.by_text(events, "(.*")) == []  # not a regular expression


def test_minimum_confidence(events):
    assert ids(filters.by_confidence(events, 0.6)) == ["a", "b", "d"]
    assert ids(filters.by_confidence(events, 0.0)) == ["a", "b", "c", "d"]


def test_filters_combine_and_default_keeps_everything(events):
    assert ids(filters.Filters().apply(events)) == ["a", "b", "c", "d"]
    f = filters.Filters(actors=("Russia",), sources=("one.txt",), min_confidence=0.5)
    assert ids(f.apply(events)) == ["a"]
    f = filters.Filters(start=dt.date(2023, 1, 1), precision="year_part", query="kim")
    assert ids(f.apply(events)) == ["b", "c"]
