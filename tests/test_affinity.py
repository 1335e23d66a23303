"""The learned fit of a report to another article's happening: features, vetoes, weights file."""
from __future__ import annotations

import json
from datetime import date

import pytest

from timeline import affinity, merge
from timeline.errors import InputError
from timeline.model import Event


def ev(source, sentence, day="2024-06-19", kind="agreement", actors=("Russia", "North Korea"), lang="en"):
    d = date.fromisoformat(day)
    return Event(event_id=f"{source}:{sentence[:10]}", date=d, date_end=d, precision="day", date_label=day,
                 title=sentence[:40], sentence=sentence, actors=actors, people=(), event_type=kind,
                 time_text="", source=source, language=lang)


def features(a, b, relation="same"):
    return affinity.features(a, b, merge._of(a), merge._of(b), relation)


def test_every_feature_is_named_and_weighed():
    x = features(ev("a.md", "Putin and Kim signed a treaty."), ev("b.md", "Putin dan Kim meneken traktat.", lang="id"))
    assert len(x) == len(affinity.FEATURES) == len(affinity.load().weights)
    named = dict(zip(affinity.FEATURES, x))
    assert named["same_dates"] == 1 and named["shared_specific"] == 1 and named["two_languages"] == 1


def test_sharing_what_happened_makes_one_happening_likelier():
    treaty = ev("a.md", "Putin and Kim signed a treaty.")
    same = features(treaty, ev("b.md", "Putin dan Kim meneken traktat.", lang="id"))
    vague = features(treaty, ev("c.md", "Putin and Kim met in Pyongyang.", kind="meeting"))
    assert affinity.probability(same) > affinity.probability(vague)


def test_two_named_happenings_of_one_day_are_ruled_out_whatever_the_weights():
    treaty = ev("a.md", "Putin and Kim signed the partnership treaty.")
    bridge = ev("b.md", "The two governments signed an agreement to build a road bridge.")
    assert affinity.ruled_out(features(treaty, bridge))
    assert len(merge.merge([treaty, bridge])) == 2


def test_a_report_of_what_was_said_the_next_day_is_ruled_out():
    summit = ev("a.md", "Kim and Putin held a summit at the cosmodrome.", day="2023-09-13", kind="meeting")
    report = ev("b.md", "State media said Kim invited Putin to visit.", day="2023-09-14", kind="statement")
    assert affinity.ruled_out(features(summit, report, "adjacent"))


def test_a_report_a_day_later_in_another_time_zone_is_not_the_next_days_account():
    named = ev("a.md", "Sebastien Lecornu is named prime minister on Sept 9.", day="2025-09-09", kind="other",
               actors=("France",))
    zoned = ev("b.md", "Lecornu diumumkan sebagai perdana menteri baru pada Rabu (10/9/2025) dini hari WIB.",
               day="2025-09-10", kind="statement", actors=("France",), lang="id")
    plain = ev("c.md", "Lecornu diumumkan sebagai perdana menteri baru pada Rabu (10/9/2025).", day="2025-09-10",
               kind="statement", actors=("France",), lang="id")
    said = affinity.FEATURES.index("said_after")
    assert features(named, zoned, "adjacent")[said] == 0 and features(named, plain, "adjacent")[said] == 1
    assert merge._of(zoned).zoned and not merge._of(plain).zoned
    assert merge._of(ev("d.md", "He spoke at 9 p.m. Eastern time.")).zoned


@pytest.mark.parametrize("content, problem", [
    ("{", "cannot read"),
    ('{"weights": 3}', "expected an object"),
    ('{"weights": {"same_dates": 1}, "bias": 0, "threshold": 0.3}', "no number for feature"),
    (json.dumps({"weights": {f: 0 for f in affinity.FEATURES}, "bias": 0, "threshold": 2}), "threshold"),
])
def test_a_bad_weights_file_is_named_with_its_problem(tmp_path, content, problem):
    path = tmp_path / "w.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        affinity.load(path)
    assert "w.json" in str(err.value) and problem in str(err.value)


def test_a_missing_weights_file_says_how_to_make_one(tmp_path):
    with pytest.raises(InputError, match="train-merge"):
        affinity.load(tmp_path / "none.json")


def test_a_model_being_tried_is_used_inside_its_block_only():
    never = affinity.Model(tuple(0.0 for _ in affinity.FEATURES), -20.0, 0.5)
    a = ev("a.md", "Putin and Kim signed a treaty.")
    b = ev("b.md", "Putin dan Kim meneken traktat.", lang="id")
    with affinity.using(never):
        assert len(merge.merge([a, b])) == 2
    assert len(merge.merge([a, b])) == 1


def test_reports_with_nothing_but_the_day_and_one_state_in_common_stay_apart():
    # a busy news day of an archive: two stories that both name Russia
    a = ev("a.md", "Kim and Putin met.", kind="meeting")
    b = ev("b.md", "Markets fell sharply.", kind="economic", actors=("Russia",))
    assert affinity.ruled_out(features(a, b))
    assert len(merge.merge([a, b])) == 2


def test_differing_concepts_or_states_do_not_part_reports_that_mostly_say_the_same_words():
    treaty = ev("a.md", "Putin and Kim signed the partnership treaty.")
    bridge = ev("b.md", "The two governments signed an agreement to build a road bridge.")
    x = list(features(treaty, bridge))
    assert affinity.rules_against(tuple(x)) == ("conflict",)
    x[affinity.FEATURES.index("shared_meaning")] = affinity.CONFLICT_MEANING
    assert "conflict" not in affinity.rules_against(tuple(x))
    x[affinity.FEATURES.index("states_apart")] = 1
    assert "apart" not in affinity.rules_against(tuple(x))
    x[affinity.FEATURES.index("shared_meaning")] = 0.3
    assert affinity.rules_against(tuple(x)) == ("conflict", "apart")
