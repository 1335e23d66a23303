"""A yearless wire story's guessed year, settled by the other articles of the batch."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import make_event
from timeline import library, pipeline, wireyear

# No year anywhere: alone, its year is the latest recent one whose 10 November is a Tuesday.
WIRE = """YEREVAN, Nov 10 (Wire) - Armenia's prime minister Nikol Pashinyan said early on Tuesday he had signed a
deal with Russia and Azerbaijan to end the fighting over Nagorno-Karabakh.

Azerbaijani forces captured Shusha on Sunday, President Ilham Aliyev said in a televised address.

The fighting began on Sept. 27 and has killed thousands.

(Reporting by Jane Writer; Editing by John Editor)
"""
TIMELINE = """# The 2020 war over Nagorno-Karabakh

Published: 1 December 2020

On 27 September 2020 Azerbaijan launched an offensive against Armenian forces in Nagorno-Karabakh.

On 8 November 2020 Azerbaijan and its president Ilham Aliyev announced the capture of Shusha.

On 10 November 2020 Armenia, Azerbaijan and Russia signed a ceasefire statement ending the war.
"""


def _rows(source: str, year: int, days: list[str], actors=("Armenia",)) -> list:
    return [make_event(f"{source}{year}{d}", f"{year}-{d}", source=source, actors=actors,
                       published=dt.date(year, 11, 10)) for d in days]


def test_candidates_keep_the_weekday_and_look_back():
    found = wireyear.candidates(dt.date(2026, 11, 10), today=dt.date(2026, 12, 4))
    assert found[:4] == [dt.date(2026, 11, 10), dt.date(2020, 11, 10), dt.date(2015, 11, 10), dt.date(2009, 11, 10)]
    assert all(d.weekday() == 1 and d.year >= 2026 - wireyear.LOOKBACK_YEARS for d in found)
    assert dt.date(2027, 11, 10) not in wireyear.candidates(dt.date(2026, 11, 10), today=dt.date(2027, 11, 9))
    assert all(d.month == 2 and d.day == 29 for d in wireyear.candidates(dt.date(2024, 2, 29), today=dt.date(2026, 1, 1)))


def test_the_year_whose_days_the_others_report_wins_and_keeps_the_rows_place():
    other = _rows("other.txt", 2020, ["09-27", "11-08", "11-10"])
    later = _rows("later.txt", 2020, ["12-01"])
    guess = _rows("wire.txt", 2026, ["09-27", "11-08", "11-10"])
    asked: list[dt.date] = []

    def extract(day):
        asked.append(day)
        return _rows("wire.txt", day.year, ["09-27", "11-08", "11-10"])

    found, chosen = wireyear.settle(other + guess + later, [wireyear.Guess("wire.txt", extract)])
    assert chosen == {"wire.txt": dt.date(2020, 11, 10)}
    assert [e.source for e in found] == ["other.txt"] * 3 + ["wire.txt"] * 3 + ["later.txt"]
    assert {e.date.year for e in found if e.source == "wire.txt"} == {2020}
    assert dt.date(2026, 11, 10) not in asked  # the guess itself is not extracted again


def test_the_guess_stays_without_enough_shared_days_or_other_articles():
    guess = _rows("wire.txt", 2026, ["09-27", "11-08", "11-10"])
    redo = wireyear.Guess("wire.txt", lambda day: _rows("wire.txt", day.year, ["09-27", "11-08", "11-10"]))
    one_day = _rows("other.txt", 2020, ["11-10"])
    assert wireyear.settle(one_day + guess, [redo])[1] == {}
    assert wireyear.settle(guess, [redo]) == (guess, {})
    # the same days, but of other actors: another story of those days
    elsewhere = _rows("other.txt", 2020, ["09-27", "11-08", "11-10"], actors=("Chile",))
    assert wireyear.settle(elsewhere + guess, [redo])[1] == {}


def test_the_note_says_the_settled_year():
    note = "a/wire.txt: publication year taken to be 2026: the latest of the last years …"
    said = wireyear.settled_note(note, {"a/wire.txt": dt.date(2020, 11, 10)})
    assert said.startswith("a/wire.txt: publication year taken to be 2020: ") and "other articles" in said
    assert wireyear.settled_note("b.txt: no dated events found", {"b.txt": dt.date(2020, 1, 1)}).endswith("found")


def _folder(tmp_path: Path) -> Path:
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "timeline.md").write_text(TIMELINE, encoding="utf-8")
    return tmp_path


def test_extract_settles_a_wire_year_by_the_batch_and_says_so(tmp_path):
    folder = _folder(tmp_path)
    alone = pipeline.extract_paths([folder / "wire.txt"], merge_sources=True)
    assert alone.events and all(e.date.year != 2020 for e in alone.events)
    batch = pipeline.extract_paths([folder], merge_sources=True)
    wire = [m for e in batch.events for m in e.mentions if m.source == "wire.txt"]
    assert wire and {m.date.year for m in wire} == {2020}
    assert any("wire.txt: publication year taken to be 2020: " in n for n in batch.notes)
    # the capture of Shusha is one row, told by both articles
    shusha = [e for e in batch.events if e.date == dt.date(2020, 11, 8)]
    assert len(shusha) == 1 and set(shusha[0].sources) == {"wire.txt", "timeline.md"}
    # without merging, each article is read alone, as before
    apart = pipeline.extract_paths([folder])
    assert all(e.date.year != 2020 for e in apart.events if e.source == "wire.txt")


def test_the_page_settles_it_too(tmp_path):
    data = tmp_path / "data"
    library.articles_dir(data).mkdir(parents=True)
    _folder(library.articles_dir(data))

    def read_article(path, size, mtime):
        return pipeline.ingest.read(Path(path))

    for _ in range(2):  # extracted and merged, then after a restart from the kept merge
        frame, problems, *_ = library.load(data, library.contents(data), read_article, pipeline.extract_article,
                                           lambda *a: "", "en")
        wire_days = set(frame[frame["sources"].str.contains("wire.txt")]["date"].astype(str))
        assert wire_days and all(d.startswith("2020-") for d in wire_days)
        assert any("publication year taken to be 2020" in p for p in problems), problems


def test_a_kept_merge_names_only_a_settled_year():
    note = "wire.txt: publication year taken to be 2026: the latest of the last years …"
    assert "2020: of the years" in wireyear.kept_note(note, {"wire.txt": "2020-11-10"})
    assert wireyear.kept_note(note, {"wire.txt": "2026-11-10"}) == note  # its guess stood
    assert wireyear.kept_note(note, {}) == note and wireyear.kept_note("b.txt: empty", {"b.txt": "2020-01-01"})
