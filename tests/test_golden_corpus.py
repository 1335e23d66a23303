"""The golden corpus is consistent: every gold file is well-formed and fits its article."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, SHARED_EVAL
from timeline import places
from timeline.evaluate import EVENT_TYPES, PLACES_OVERLAY, interval, load_gold

GOLDEN = ROOT / "tests" / "golden"
GOLD_FILES = sorted(GOLDEN.glob("*.json"))


def _article(gold_path):
    raw = json.loads(gold_path.read_text(encoding="utf-8"))
    return raw, (GOLDEN / raw["file"]).read_text(encoding="utf-8")


def test_corpus_has_both_languages_and_every_article_has_gold():
    langs = [json.loads(p.read_text(encoding="utf-8"))["language"] for p in GOLD_FILES]
    assert langs.count("id") >= 5 and langs.count("en") >= 5
    articles = {p.name for p in GOLDEN.iterdir() if p.suffix in (".txt", ".md") and p.name != "README.md"}
    named = {json.loads(p.read_text(encoding="utf-8"))["file"] for p in GOLD_FILES}
    assert articles == named


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path):
    raw, _ = _article(path)
    assert set(raw) <= {"file", "published", "language", "note", "events", "not_events"}
    assert raw["language"] in ("id", "en")
    gold = load_gold(path)  # raises on bad intervals, missing anchors or accepts
    assert gold.published is not None
    assert 12 <= sum(e.required for e in gold.events) <= 25
    for ev in raw["events"]:
        assert set(ev) <= {"anchor", "accept", "actors", "places", "type", "required", "group"}
        assert isinstance(ev["required"], bool)
        assert all(isinstance(a, str) and a for a in ev["actors"])
        if ev["required"]:
            assert ev.get("type") in EVENT_TYPES, ev["anchor"]
        elif "type" in ev:
            assert ev["type"] in EVENT_TYPES, ev["anchor"]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_event_has_gold_places_that_the_map_knows(path):
    gold = load_gold(path)  # the seed's places come from places/, its own file stays the shared one
    known = places.by_name()
    for ev in gold.events:
        assert ev.places is not None, ev.anchor
        for name in ev.places:
            assert name in known, (ev.anchor, name)


def test_place_overlays_name_anchors_of_their_gold_file():
    for overlay in (GOLDEN / PLACES_OVERLAY).glob("*.json"):
        anchors = {ev["anchor"] for ev in json.loads((GOLDEN / overlay.name).read_text(encoding="utf-8"))["events"]}
        assert set(json.loads(overlay.read_text(encoding="utf-8"))) == anchors, overlay.name


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_anchors_and_not_events_occur_verbatim(path):
    raw, text = _article(path)
    for ev in raw["events"]:
        assert ev["anchor"] in text, ev["anchor"]
    for phrase in raw["not_events"]:
        assert phrase in text, phrase
        # A not-event must not sit where it would also spoil a gold anchor's row.
        assert not any(phrase in ev["anchor"] or ev["anchor"] in phrase for ev in raw["events"]), phrase


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_accepted_intervals_are_distinct_and_ordered(path):
    raw, _ = _article(path)
    for ev in raw["events"]:
        spans = [interval(a) for a in ev["accept"]]
        assert len(set(spans)) == len(spans), ev["anchor"]
        assert all(a <= b for a, b in spans)


def test_seed_is_the_shared_seed_unchanged():
    if SHARED_EVAL is None:
        pytest.skip("the shared eval folder is not beside this checkout")
    shared = SHARED_EVAL / "dev"
    for name in ("seed_tribun_kim_putin.txt", "seed_tribun_kim_putin.json"):
        assert (GOLDEN / name).read_bytes() == (shared / name).read_bytes()
