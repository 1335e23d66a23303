"""User corrections: kept by event_id, re-applied after extraction, never lost."""
from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from conftest import make_event
from timeline import InputError, corrections, to_frame
from timeline.corrections import Correction


@pytest.fixture
def events():
    return to_frame([
        make_event("a", "2022-02-24", date_label="24 Feb 2022", actors=("Russia", "Ukraine"), title="Invasion"),
        make_event("b", "2023-09-01", "2023-12-31", precision="year_part", date_label="late 2023"),
        make_event("c", "2024-06-19", date_label="19 Jun 2024"),
    ])


def test_save_load_apply(tmp_path, events):
    path = tmp_path / "corrections.csv"
    corrections.save(path, Correction("a", actors="Russia;North Korea", event_type="conflict", title="Fixed"))
    corrections.save(path, Correction("c", deleted=True))
    fixes, problems = corrections.load(path)
    assert problems == [] and set(fixes) == {"a", "c"}
    out = corrections.apply(events, fixes)
    assert list(out["event_id"]) == ["a", "b"]
    a = out.iloc[0]
    assert (a["actors"], a["event_type"], a["title"], a["corrected"]) == ("Russia;North Korea", "conflict", "Fixed", "yes")
    assert out.iloc[1]["corrected"] == ""
    assert list(out.dtypes) == list(events.dtypes)


def test_a_later_correction_keeps_the_earlier_fields(tmp_path, events):
    path = tmp_path / "corrections.csv"
    corrections.save(path, Correction("a", title="First"))
    corrections.save(path, Correction("a", event_type="treaty"))
    fixes, _ = corrections.load(path)
    assert (fixes["a"].title, fixes["a"].event_type) == ("First", "treaty")
    assert path.read_text().count("\na,") == 1  # one row per event


def test_date_change_moves_the_row_and_makes_a_label(tmp_path, events):
    out = corrections.apply(events, {"c": Correction("c", date="2021-05-03")})
    assert list(out["event_id"]) == ["c", "a", "b"]  # sorted by date again
    c = out.iloc[0]
    assert (c["date"], c["date_end"], c["date_label"]) == ("2021-05-03", "2021-05-03", "3 May 2021")
    out = corrections.apply(events, {"b": Correction("b", date="2023-01-01", date_end="2023-12-31", precision="year")})
    b = out[out["event_id"] == "b"].iloc[0]
    assert (b["precision"], b["date_label"]) == ("year", "2023")


@pytest.mark.parametrize(("fix", "problem"), [
    (Correction("a", date="24/02/2022"), "not a date"),
    (Correction("a", date="2022-03-01", date_end="2022-02-01"), "before"),
    (Correction("a", precision="fortnight"), "precision"),
    (Correction(" "), "no event_id"),
])
def test_bad_corrections_are_refused(tmp_path, fix, problem):
    with pytest.raises(InputError, match=problem):
        corrections.save(tmp_path / "corrections.csv", fix)
    assert not (tmp_path / "corrections.csv").exists()


def test_hand_edited_rows_are_reported_and_never_dropped(tmp_path, events):
    path = tmp_path / "corrections.csv"
    path.write_text("event_id,date,title,note\nzz,soon,,keep me\na,,Hand fixed,mine\n", encoding="utf-8")
    fixes, problems = corrections.load(path)
    assert set(fixes) == {"a"} and len(problems) == 1
    assert "corrections.csv line 2" in problems[0] and "soon" in problems[0]
    corrections.save(path, Correction("b", title="New"))
    text = path.read_text(encoding="utf-8")
    assert "zz,soon" in text and "keep me" in text and "Hand fixed" in text
    assert set(corrections.load(path)[0]) == {"a", "b"}


def test_not_a_corrections_file(tmp_path):
    path = tmp_path / "corrections.csv"
    path.write_text("id,title\n1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="no event_id column"):
        corrections.load(path)


def test_remove_and_unmatched(tmp_path, events):
    path = tmp_path / "corrections.csv"
    corrections.save(path, Correction("a", title="X"))
    corrections.save(path, Correction("gone", title="Y"))
    fixes, _ = corrections.load(path)
    assert corrections.unmatched(events, fixes) == ["gone"]
    assert corrections.remove(path, "a") and not corrections.remove(path, "a")
    assert set(corrections.load(path)[0]) == {"gone"}


def test_label():
    assert corrections.label(dt.date(2024, 3, 1), dt.date(2024, 3, 31), "month") == "Mar 2024"
    assert corrections.label(dt.date(2024, 3, 1), dt.date(2024, 3, 10), "week") == "1 Mar 2024 – 10 Mar 2024"


def test_corrections_csv_cells_are_escaped_like_the_exports(tmp_path):
    path = tmp_path / "corrections.csv"
    risky = corrections.Correction("abc123abc123", title='=HYPERLINK("http://evil.example","klik")', actors="-Rusia",
                                   date_label="@kemarin", event_type="+1 lagi")
    corrections.save(path, risky)
    row = next(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    for field in ("title", "actors", "date_label", "event_type"):
        assert row[field] == "'" + getattr(risky, field)  # a spreadsheet shows it as text
    corrections.save(path, corrections.Correction("def456def456", title="'kutip"))
    loaded, problems = corrections.load(path)
    assert not problems
    assert {f: getattr(loaded["abc123abc123"], f) for f in ("title", "actors", "date_label", "event_type")} == \
        {f: getattr(risky, f) for f in ("title", "actors", "date_label", "event_type")}
    assert loaded["def456def456"].title == "'kutip"  # read back exactly, as table.from_csv reads the exports
