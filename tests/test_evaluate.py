"""The project's scorer: gold reading, the shared rules, and the two systems it runs."""
from __future__ import annotations

import csv
import importlib.util
import json
import random
from datetime import date

import pytest

from conftest import ROOT, SHARED_EVAL
from timeline.errors import InputError
from timeline.evaluate import (
    GOLDEN_DIR,
    Gold,
    GoldEvent,
    evaluate,
    format_table,
    interval,
    load_gold,
    load_gold_dir,
    score,
    to_json,
)

D = date.fromisoformat


@pytest.mark.parametrize(
    ("spec", "first", "last"),
    [
        ("2024", "2024-01-01", "2024-12-31"),
        ("2024-02", "2024-02-01", "2024-02-29"),
        ("2023-02", "2023-02-01", "2023-02-28"),
        ("2024-06-18", "2024-06-18", "2024-06-18"),
        ("1990/1993", "1990-01-01", "1993-12-31"),
        ("2023-09/2023-12", "2023-09-01", "2023-12-31"),
        ("2008-10-04/2013-09-22", "2008-10-04", "2013-09-22"),
        ("2009/2024-04", "2009-01-01", "2024-04-30"),
    ],
)
def test_interval_shorthand(spec, first, last):
    assert interval(spec) == (D(first), D(last))


def _gold(*events, not_events=()):
    return Gold("a.txt", D("2024-03-05"), "id", tuple(events), tuple(not_events))


def _ev(anchor, *accept, actors=(), required=True, group=None):
    kw = {"group": group} if group else {}
    return GoldEvent(anchor, tuple(interval(a) for a in accept), tuple(actors), "other", required, **kw)


def _row(sentence, start, end="", actors="", evidence="", source="a.txt"):
    return {"source": source, "date": start, "date_end": end, "sentence": sentence,
            "evidence": evidence, "actors": actors, "people": ""}


def test_score_counts_strict_lenient_and_false_rows():
    gold = _gold(
        _ev("Putin tiba", "2024-06-19", actors=["Russia"]),
        _ev("sejak akhir 2023", "2023-09/2023-12", "2023"),
        _ev("Kim pergi", "2024-06-20"),
        _ev("Foto diambil", "2024-06-18", required=False),
        not_events=["© 2024"],
    )
    rows = [
        _row("Putin tiba di Pyongyang.", "2024-06-19", "2024-06-19", actors="Russia;North Korea"),
        _row("Dikirim sejak akhir 2023.", "2023-01-01", "2023-12-31"),  # lenient only
        _row("Kim  PERGI ke Moskow.", "2024-06-21"),  # wrong day: missed and false
        _row("Foto diambil kemarin.", "2024-06-18"),  # optional: a true row, no recall
        _row("© 2024 Contoh. Putin tiba", "2024-06-19"),  # anchor, but a not-event
        _row("Tanpa jangkar.", "2024-01-01"),
        _row("Putin tiba lagi.", "", source="b.txt"),  # another article: not judged
    ]
    s = score(rows, [gold])
    assert (s.events, s.rows) == (3, 7)
    assert s.recall == pytest.approx(2 / 3)
    assert s.recall_strict == pytest.approx(1 / 3)
    assert s.precision == pytest.approx(3 / 6)
    assert s.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert s.actor_recall == 1.0
    assert len(s.misses) == 1 and "Kim pergi" in s.misses[0]
    assert len(s.false_rows) == 3


def test_score_matches_evidence_groups_and_actor_recall():
    gold = _gold(
        _ev("menandatangani traktat", "2024-06-19", actors=["Russia", "North Korea"], group="treaty"),
        _ev("traktat diteken", "2024-06-19", actors=["Russia"], group="treaty"),
        _ev("Kim berkunjung", "2023-09", actors=["North Korea"]),
    )
    rows = [
        _row("Lain.", "2024-06-19", actors="Russia", evidence="Putin menandatangani traktat."),
        _row("Kim berkunjung ke Rusia.", "2023-09-01", "2023-09-30", actors="Russia"),
    ]
    s = score(rows, [gold])
    assert s.events == 2  # the group counts once
    assert s.recall == 1.0 and s.precision == 1.0
    assert s.actor_recall == 0.0  # neither found event's row names all its actors


def test_score_of_nothing_is_zero():
    s = score([], [_gold(_ev("x", "2024"))])
    assert (s.recall, s.precision, s.f1, s.actor_recall) == (0.0, 0.0, 0.0, 0.0)


def test_rows_without_a_readable_date_are_false():
    s = score([_row("x y", "soon")], [_gold(_ev("x", "2024"))])
    assert s.precision == 0.0 and s.recall == 0.0


def test_bad_gold_file_is_reported_by_name(tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"file": "a.txt", "events": [{"anchor": "x", "accept": ["2024-13"]}]}', encoding="utf-8")
    with pytest.raises(InputError, match="broken.json"):
        load_gold(bad)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_gold(bad)


def _shared_scorer():
    if SHARED_EVAL is None:
        pytest.skip("the shared scorer (../shared/eval/score.py) is not beside this checkout")
    spec = importlib.util.spec_from_file_location("shared_score", SHARED_EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shuffled_rows(rng):
    """Rows built from the golden gold: right, lenient, wrong and stray, with varied actors."""
    rows = []
    for path in sorted(GOLDEN_DIR.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        for ev in raw["events"]:
            spec = rng.choice(ev["accept"] + ["1999-01-01", "2024"])
            first, last = interval(spec)
            actors = ";".join(rng.sample(ev["actors"], k=rng.randint(0, len(ev["actors"]))))
            rows.append(_row(f"... {ev['anchor']} ...", first.isoformat(),
                             rng.choice([last.isoformat(), ""]), actors=actors, source=raw["file"]))
        for phrase in raw["not_events"]:
            rows.append(_row(phrase, "2024-01-01", source=raw["file"]))
    rng.shuffle(rows)
    return rows[: len(rows) * 3 // 4]


def test_same_numbers_as_the_shared_scorer(tmp_path):
    shared = _shared_scorer()
    rows = _shuffled_rows(random.Random(7))
    project_rows = [r for a in ("seed_tribun_kim_putin.txt",) for r in _extracted(a)]
    for name, table in (("synthetic", rows), ("extracted", project_rows)):
        out = tmp_path / f"{name}.csv"
        with out.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(table[0]))
            writer.writeheader()
            writer.writerows(table)
        with out.open(newline="", encoding="utf-8-sig") as f:
            read = list(csv.DictReader(f))
        paths = sorted(GOLDEN_DIR.glob("*.json"))
        theirs = shared.score(read, [json.loads(p.read_text(encoding="utf-8")) for p in paths])
        ours = score(read, load_gold_dir(GOLDEN_DIR))
        for key in ("events", "rows", "recall", "recall_strict", "precision", "f1", "actor_recall"):
            assert getattr(ours, key) == pytest.approx(theirs[key]), (name, key)
        assert len(ours.misses) == len(theirs["misses"])
        assert len(ours.false_rows) == len(theirs["false_rows"])


def _extracted(name):
    from timeline import ingest
    from timeline.evaluate import project_rows

    return project_rows(ingest.read(GOLDEN_DIR / name))


@pytest.fixture(scope="module")
def golden_report():
    return evaluate(GOLDEN_DIR)


def test_evaluate_scores_both_systems_on_every_golden_article(golden_report):
    files = {json.loads(p.read_text(encoding="utf-8"))["file"] for p in GOLDEN_DIR.glob("*.json")}
    assert {a.file for a in golden_report.articles} == files
    assert not golden_report.errors
    for a in golden_report.articles:
        assert set(a.scores) == {"project", "baseline"}
    total = sum(a.scores["project"].events for a in golden_report.articles)
    assert golden_report.overall["project"].events == total


def test_table_and_json_show_every_article(golden_report):
    text = format_table(golden_report)
    lines = text.splitlines()
    assert "project" in lines[0] and "baseline" in lines[0]
    assert len({len(line) for line in lines[1:] if not line.startswith("-")}) <= 2  # aligned
    data = to_json(golden_report)
    assert len(data["articles"]) == len(golden_report.articles)
    assert data["overall"]["baseline"]["events"] == golden_report.overall["baseline"].events
    json.dumps(data)


def test_missing_folder_is_an_error(tmp_path):
    report = evaluate(tmp_path / "nope")
    assert report.errors and "no such folder" in str(report.errors[0])
    assert evaluate(tmp_path).errors  # a folder without gold files


def test_golden_dir_is_the_repositorys():
    assert GOLDEN_DIR == ROOT / "tests" / "golden"
