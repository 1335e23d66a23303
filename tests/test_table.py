"""The event table's CSV: formula cells neutralised, and read back to the same events."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pandas as pd
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from timeline import table
from timeline.model import Event

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Text as articles hold it: any character but surrogates (not encodable) and NUL
# (decode refuses files with NULs), with the dangerous first characters, quotes,
# separators and line breaks made likely.
_TRICKY = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", '"', ",", ";", "|", "\n", " ", "\u201c", "a", "é"])
_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
cell = st.text(st.one_of(_TRICKY, _CHARS), max_size=12)
day = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))


@st.composite
def events(draw) -> Event:
    start = draw(day)
    return Event(
        event_id=draw(st.text("0123456789abcdef", min_size=12, max_size=12)),
        date=start,
        date_end=draw(st.dates(min_value=start, max_value=dt.date(9999, 12, 31))),
        precision=draw(st.sampled_from(["day", "month", "year_part"])),
        date_label=draw(cell),
        title=draw(cell),
        sentence=draw(cell),
        evidence=tuple(draw(st.lists(cell, max_size=2))),
        actors=tuple(draw(st.lists(cell, max_size=2))),
        people=tuple(draw(st.lists(cell, max_size=2))),
        event_type=draw(cell),
        time_text=draw(cell),
        source=draw(cell),
        source_url=draw(cell),
        published=draw(st.none() | day),
        language=draw(st.sampled_from(["id", "en"])),
        confidence=draw(st.floats(0, 1)),
        source_count=draw(st.integers(1, 50)),
    )


def test_formula_cells_get_an_apostrophe_and_come_back():
    ev = Event("0123456789ab", dt.date(2024, 3, 1), dt.date(2024, 3, 1), "day", "1 Mar 2024",
               "=cmd|' /C calc'!A0", "-5 derajat di Moskow.", evidence=("+1 lagi", "@Kremlin"),
               actors=("Russia",), time_text="\tpada 1 Maret", source="'kutip.txt")
    frame = table.to_frame([ev])
    text = table.to_csv(frame)
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["title"] == "'=cmd|' /C calc'!A0"
    assert row["sentence"] == "'-5 derajat di Moskow."
    assert row["evidence"] == "'+1 lagi | @Kremlin"  # only the cell's first character counts
    assert row["time_text"] == "'\tpada 1 Maret"
    assert row["source"] == "''kutip.txt"
    assert row["date"] == "2024-03-01" and row["actors"] == "Russia" and row["confidence"] == "0.5"
    pd.testing.assert_frame_equal(table.from_csv(text), frame)


def test_numbers_and_iso_dates_are_written_as_they_are():
    ev = Event("0123456789ab", dt.date(2024, 3, 1), dt.date(2024, 3, 31), "month", "Mar 2024", "T", "S",
               published=dt.date(2024, 4, 2), confidence=0.75, source_count=3)
    row = next(csv.DictReader(io.StringIO(table.to_csv(table.to_frame([ev])))))
    assert (row["date"], row["date_end"], row["published"]) == ("2024-03-01", "2024-03-31", "2024-04-02")
    assert (row["confidence"], row["source_count"]) == ("0.75", "3")


def test_an_empty_table_round_trips():
    text = table.to_csv(table.empty())
    assert text.strip() == ",".join(table.SCHEMA)
    assert list(table.from_csv(text).columns) == list(table.SCHEMA)


@settings(max_examples=250, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(events(), min_size=5, max_size=40))
def test_csv_round_trip_gives_the_same_events(evs):
    event(f"{len(evs) // 10 * 10}+ events")
    frame = table.to_frame(evs)
    text = table.to_csv(frame)
    for row in csv.reader(io.StringIO(text)):
        for value in row:
            assert not value.startswith(FORMULA_START), value
    pd.testing.assert_frame_equal(table.from_csv(text), frame)


@settings(max_examples=100, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(events(), max_size=40))
def test_direct_csv_is_the_frames_csv_byte_for_byte(evs):
    # `extract` writes without pandas or Arrow; its bytes must be the table's.
    assert table.events_csv(evs) == table.csv_bytes(table.to_frame(evs))
    assert table.mentions_csv(evs) == table.csv_bytes(table.mentions_frame(evs), table.MENTION_SCHEMA)


def test_direct_csv_leaves_numbers_it_cannot_spell_to_arrow():
    ev = Event("0123456789ab", dt.date(2024, 3, 1), dt.date(2024, 3, 1), "day", "1 Mar 2024", "T", "S",
               confidence=float("nan"), importance=1e-7)
    assert table.events_csv([ev]) == table.csv_bytes(table.to_frame([ev]))
