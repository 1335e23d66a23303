"""Downloads: Excel-friendly CSV, JSON and TimelineJS."""
from __future__ import annotations

import json

import pytest

from conftest import make_event
from timeline import SCHEMA, exports, from_csv, to_frame


@pytest.fixture(scope="module")
def events():
    return to_frame([
        make_event("a", "2022-02-24", date_label="24 Feb 2022", actors=("Russia", "Ukraine"),
                   title="Rusia menyerang", sentence="Pasukan Rusia masuk pada 24 Februari 2022 – kata “pejabat”."),
        make_event("b", "2023-09-01", "2023-12-31", precision="year_part", date_label="late 2023",
                   actors=("North Korea",), sentence="<script>alert(1)</script> akhir 2023.",
                   source_url="https://example.org/berita?id=1&x=2"),
        make_event("c", "2024-01-01", "2024-12-31", precision="year", date_label="2024",
                   source_url="javascript:alert(1)"),
        make_event("d", "2024-03-01", "2024-03-31", precision="month", date_label="Mar 2024",
                   places=("Pyongyang", "Vostochny Cosmodrome")),
    ])


def test_csv_is_utf8_with_bom_and_reads_back(events):
    data = exports.csv_bytes(events)
    assert data.startswith(b"\xef\xbb\xbfevent_id,")
    back = from_csv(data.decode("utf-8-sig"))
    assert list(back.columns) == list(SCHEMA)
    assert back.loc[0, "sentence"] == "Pasukan Rusia masuk pada 24 Februari 2022 – kata “pejabat”."


def test_json_holds_every_row_with_typed_numbers(events):
    rows = json.loads(exports.json_bytes(events))
    assert [r["event_id"] for r in rows] == ["a", "b", "c", "d"]
    assert list(rows[0]) == [*SCHEMA, "coordinates"]
    assert rows[3]["places"] == "Pyongyang;Vostochny Cosmodrome"
    assert rows[3]["coordinates"] == [{"place": "Pyongyang", "lat": 39.0392, "lon": 125.7625},
                                      {"place": "Vostochny Cosmodrome", "lat": 51.884, "lon": 128.334}]
    assert rows[0]["coordinates"] == []
    assert rows[0]["confidence"] == 0.9 and rows[0]["source_count"] == 1
    assert "“pejabat”" in exports.json_bytes(events).decode("utf-8")  # readable, not \u escapes


@pytest.mark.parametrize(("iso", "precision", "parts"), [
    ("2022-02-24", "day", {"year": 2022, "month": 2, "day": 24}),
    ("2024-03-01", "month", {"year": 2024, "month": 3}),
    ("2023-09-01", "year_part", {"year": 2023, "month": 9}),
    ("2024-01-01", "year", {"year": 2024}),
    ("2000-01-01", "decade", {"year": 2000}),
])
def test_timelinejs_dates_keep_only_the_known_parts(iso, precision, parts):
    assert exports.timelinejs_date(iso, precision) == parts


def test_timelinejs_slides(events):
    doc = json.loads(exports.timelinejs_bytes(events, "Rusia & Korut"))
    assert doc["title"]["text"]["headline"] == "Rusia &amp; Korut"
    slides = {s["unique_id"]: s for s in doc["events"]}
    a, b, c, d = (slides[k] for k in "abcd")
    assert a["start_date"] == {"year": 2022, "month": 2, "day": 24} and "end_date" not in a
    assert a["display_date"] == "24 Feb 2022" and a["text"]["headline"] == "Rusia menyerang"
    assert a["group"] == "Russia" and "Russia, Ukraine" in a["text"]["text"]
    assert b["end_date"] == {"year": 2023, "month": 12} and b["display_date"] == "late 2023"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in b["text"]["text"] and "<script" not in b["text"]["text"]
    assert 'href="https://example.org/berita?id=1&amp;x=2"' in b["text"]["text"]
    assert c["start_date"] == {"year": 2024} and "end_date" not in c and "href" not in c["text"]["text"]
    assert d["start_date"] == {"year": 2024, "month": 3} and "end_date" not in d
    assert slides["d"]["group"] == "(no actor)"


def test_timelinejs_escapes_every_field():
    evil = "<img src=x onerror=alert(1)>"
    doc = json.loads(exports.timelinejs_bytes(to_frame([
        make_event(f"id{evil}", "2024-06-19", date_label=f"19 Jun {evil}", actors=(f"Rusia{evil}", "Korut"),
                   title=evil, sentence=evil, source=f"{evil}.txt", source_url=f'https://x.org/"{evil}'),
    ]), evil))
    slide = doc["events"][0]
    for text in (slide["unique_id"], slide["display_date"], slide["group"], slide["text"]["headline"],
                 slide["text"]["text"], doc["title"]["text"]["headline"]):
        assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert slide["group"] == "Rusia&lt;img src=x onerror=alert(1)&gt;"
