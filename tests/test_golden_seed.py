"""The seed article yields its card events with their actors and verbatim sentences."""
from __future__ import annotations

import pytest

from conftest import SEED

CARD_EVENTS = [
    ("2022-02-24", {"Russia", "Ukraine"}, "Putin menginstruksikan serangan terhadap Ukraina"),
    ("2024-06-18", {"Russia", "North Korea"}, "menandatangani Traktat Kemitraan Strategis Komprehensif"),
    ("2025-09-03", {"Russia", "North Korea"}, "mengadakan pertemuan di sela-sela parade militer China"),
]


@pytest.mark.parametrize(("day", "actors", "words"), CARD_EVENTS)
def test_card_event_found_with_actors_and_sentence(seed_events, day, actors, words):
    rows = seed_events[seed_events["date"] == day]
    hits = [r for r in rows.to_dict("records") if words in r["sentence"] + r["evidence"]]
    assert hits, f"no event on {day} holding {words!r}"
    assert any(actors <= set(r["actors"].split(";")) for r in hits)
    text = SEED.read_text(encoding="utf-8")
    for r in hits:
        assert r["sentence"] in text  # verbatim, not rewritten


def test_no_event_from_the_copyright_footer(seed_events):
    assert not seed_events["sentence"].str.contains("©").any()
    assert not seed_events["sentence"].str.contains("TribunNews.com, a subsidiary").any()


def test_publication_date_comes_from_the_dateline():
    from timeline import read

    article = read(SEED)
    assert article.published.isoformat() == "2025-09-08"
    assert article.published_from == "dateline"
    assert article.language == "id"


def test_event_ids_are_stable_and_unique(seed_events):
    from timeline import extract_paths

    again = extract_paths([SEED]).frame()
    assert list(again["event_id"]) == list(seed_events["event_id"])
    assert seed_events["event_id"].is_unique


@pytest.mark.parametrize(("day", "words", "place"), [
    ("2025-09-03", "saling memberikan sikap hangat dalam pertemuan mereka di Beijing", "Beijing"),
    ("2024-06-18", "menandatangani Traktat Kemitraan Strategis Komprehensif", "Pyongyang"),
])
def test_card_events_happen_at_their_places(seed_events, day, words, place):
    rows = [r for r in seed_events[seed_events["date"] == day].to_dict("records") if words in r["sentence"] + r["evidence"]]
    assert rows and all(place in r["places"].split(";") for r in rows)
