"""Importance: how the articles refer to a day, and how central each happening is to the story."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import ARTICLES
from timeline import importance, pipeline, taxonomy
from timeline.errors import InputError
from timeline.model import PRECISIONS, Event, Mention

DAY = date(2020, 5, 4)


def ev(eid: str, day: date = DAY, source: str = "a.txt", published: date | None = DAY, **kw) -> Event:
    """One article's row dated `day` (the unmerged shape the extractor gives)."""
    end = kw.pop("date_end", day)
    return Event(eid, day, end, kw.pop("precision", "day"), "", "t", f"Sentence of {eid}.", source=source,
                 published=published, **kw)


def mention(e: Event) -> Mention:
    return Mention(e.event_id, e.source, "", e.published, "en", e.sentence, "", e.date, e.date_end,
                   e.precision, "")


def happening(eid: str, *sources: str, day: date = DAY, published: date = DAY, **kw) -> Event:
    """A merged row reported by `sources`, each publishing on `published`."""
    rows = [ev(f"{eid}{i}", day, s, published) for i, s in enumerate(sources)]
    return replace(ev(eid, day, sources[0], published, **kw), source_count=len(sources),
                   sources=tuple(sources) if len(sources) > 1 else (), mentions=tuple(map(mention, rows)))


def test_the_shipped_weights_are_complete_and_sum_to_one():
    s = importance.load()
    assert set(s.types) == set(taxonomy.TYPES) and set(s.precision) == set(PRECISIONS)
    assert sum(s.weights.values()) == pytest.approx(1.0)
    assert s.lag_weights["later"] > s.lag_weights["next_day"] > s.lag_weights["same_day"] > s.lag_weights["before"]


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: t.replace("  other: 0.3\n", ""), "missing: other"),
    (lambda t: t.replace("  day: 1.0\n", "  day: 1.0\n  fortnight: 0.9\n"), "unknown: fortnight"),
    (lambda t: t.replace("  date: 0.35", "  date: lots"), "weights.date must be a number"),
    (lambda t: t.replace("  military: 1.0", "  military: 3"), "types.military must be a number between 0 and 1"),
    (lambda t: t.replace("  window_days: 15", "  window_days: -2"), "window_days"),
    (lambda t: "- just a list\n", "expected a mapping"),
])
def test_a_broken_weights_file_is_named_with_what_is_wrong(tmp_path, edit, message):
    path = tmp_path / "importance.yaml"
    path.write_text(edit(importance.IMPORTANCE_FILE.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(InputError) as exc:
        importance.load(path)
    assert message in str(exc.value) and "importance.yaml" in str(exc.value)


def test_a_day_three_articles_report_beats_a_day_one_names():
    told = importance.story([ev(f"x{i}", source=f"{i}.txt") for i in range(3)] + [ev("y", DAY + timedelta(1))])
    assert told.days[DAY] > told.days[DAY + timedelta(1)]


def test_an_article_counts_once_however_often_it_names_the_day():
    once = importance.story([ev("a"), ev("b", DAY + timedelta(2), source="b.txt")])
    often = importance.story([ev(f"a{i}") for i in range(5)] + [ev("b", DAY + timedelta(2), source="b.txt")])
    assert often.days == once.days


def test_a_day_named_later_counts_more_than_the_same_day_and_an_announcement_nothing():
    w = importance.load().lag_weights

    def score(published):
        return importance.story([ev("a", published=published)]).days[DAY]

    later, next_day, same, before = (score(DAY + timedelta(9)), score(DAY + timedelta(1)), score(DAY),
                                     score(DAY - timedelta(3)))
    assert later > next_day > same > before == 0
    assert later / same == pytest.approx(w["later"] / w["same_day"])


def test_a_day_is_measured_against_the_coverage_around_it():
    # Forty articles in March, four of them about 1 March; three articles in June, all about 1 June.
    busy, quiet = date(2020, 3, 1), date(2020, 6, 1)
    rows = [ev(f"m{i}", busy + timedelta(i % 9), f"m{i}.txt", busy + timedelta(i % 9)) for i in range(40)]
    rows += [ev(f"r{i}", busy, f"m{i}.txt", busy) for i in range(0, 40, 10)]
    rows += [ev(f"j{i}", quiet, f"j{i}.txt", quiet + timedelta(1)) for i in range(3)]
    days = importance.story(rows).days
    assert days[quiet] > days[busy]


def test_importance_grows_with_reports_type_actors_and_precision():
    s = importance.load()
    base = happening("h", "a.txt")
    told = importance.story([base, happening("big", "a.txt", "b.txt", "c.txt", day=DAY + timedelta(40))])
    score = lambda e: importance.score(e, told, s)  # noqa: E731
    assert score(happening("h", "a.txt", "b.txt", "c.txt")) > score(base)
    assert score(replace(base, event_type="military")) > score(replace(base, event_type="statement")) > score(base)
    assert score(replace(base, precision="month")) < score(base)
    for e in importance.assess([base, replace(base, event_type="military", precision="century")]):
        assert 0.0 <= e.importance <= 1.0


def test_the_most_named_actors_make_a_happening_central():
    rows = [ev(f"p{i}", DAY + timedelta(i), f"p{i}.txt", actors=("Aster",)) for i in range(5)]
    lone = ev("lone", DAY, "q.txt", actors=("Borealis",))
    told = importance.story([*rows, lone])
    assert importance.parts(rows[0], told)["actors"] == 1.0
    assert importance.parts(lone, told)["actors"] == pytest.approx(0.2)


def test_without_mentions_the_evidence_counts_as_further_sentences():
    s = importance.load()
    bare = ev("bare")
    assert importance.support(bare, s) == 1.0
    assert importance.support(replace(bare, evidence=("One more.", "And another.")), s) == 1.0 + 2 * s.mention_weight
    three = happening("m", "a.txt", "b.txt", "c.txt")
    assert importance.support(three, s) == 3.0


def test_every_row_of_a_batch_gets_an_importance_merged_or_not():
    for merged in (False, True):
        found = pipeline.extract_paths([ARTICLES], merge_sources=merged).events
        assert found and all(0.0 <= e.importance <= 1.0 for e in found)
        assert max(e.importance for e in found) > 0.5


def test_a_broken_weights_file_leaves_importance_at_zero_with_a_note(monkeypatch):
    def broken(path: Path = importance.IMPORTANCE_FILE):
        raise InputError(str(path), "not valid YAML")

    monkeypatch.setattr(importance, "load", broken)
    found, notes = importance.rate([ev("a")])
    assert [e.importance for e in found] == [0.0]
    assert notes and "importance left at 0" in notes[0]


def test_a_year_named_as_often_as_a_day_counts_as_far_as_it_is_exact():
    year = [ev(f"y{i}", date(2019, 1, 1), f"{i}.txt", date_end=date(2019, 12, 31), precision="year")
            for i in range(3)]
    day = [ev(f"d{i}", date(2019, 6, 1), f"{i}.txt") for i in range(3)]
    told = importance.story(year + day)
    assert told.intervals[(date(2019, 1, 1), date(2019, 12, 31))] == told.intervals[(date(2019, 6, 1),) * 2]
    assert date(2019, 1, 1) not in told.days
    assert importance.parts(year[0], told)["date"] == pytest.approx(importance.load().precision["year"])
    assert importance.parts(day[0], told)["date"] == 1.0


def test_importance_is_set_as_replace_would_set_it():
    # assess sets the value without dataclasses.replace: same event, only `importance` differs.
    e = ev("a", actors=("Libya",), evidence=("x",))
    got = importance._with_importance(e, 0.5)
    assert got == replace(e, importance=0.5) and got is not e and e.importance == 0.0
    assert not hasattr(Event, "__post_init__")  # replace would run it; _with_importance does not
