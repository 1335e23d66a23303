"""Events of the seed article: one per happening, typed, titled, with confidence."""
from __future__ import annotations

from datetime import date

from timeline import events
from timeline.model import Article
from timeline.titles import TITLE_MAX


def test_beijing_meeting_is_one_event_with_its_mentions(seed_events):
    day = seed_events[(seed_events["date"] == "2025-09-03") & (seed_events["precision"] == "day")]
    assert len(day) == 1
    row = day.iloc[0]
    sentences = [row["sentence"], *row["evidence"].split(" | ")]
    assert any("saling memberikan sikap hangat" in s for s in sentences)
    assert any("mengadakan pertemuan di sela-sela parade militer" in s for s in sentences)
    assert row["event_type"] == "meeting"
    assert {"Russia", "North Korea"} <= set(row["actors"].split(";"))


def test_seed_has_several_event_types(seed_events):
    assert seed_events["event_type"].nunique() >= 4


def test_titles_are_short_and_confidence_is_a_share(seed_events):
    assert (seed_events["title"].str.len() <= TITLE_MAX).all()
    assert seed_events["confidence"].between(0, 1).all()
    assert (seed_events["source_count"] >= 1).all()


def test_extract_returns_text_order_and_merges_within_the_article():
    text = (
        "Pada 24 Februari 2022, Putin menyerang Ukraina.\n\n"
        "Kim dan Putin mengadakan pertemuan di Vladivostok pada 25 April 2019.\n\n"
        "Pertemuan Kim dan Putin pada 25 April 2019 itu berlangsung tiga jam."
    )
    out = events.extract(Article(text, "x.txt", published=date(2025, 9, 8)))
    assert [e.date.isoformat() for e in out] == ["2022-02-24", "2019-04-25"]
    assert out[1].event_type == "meeting" and len(out[1].evidence) == 1
    assert "Vladimir Putin" in out[1].people


def test_inferred_actors_lower_confidence():
    text = (
        "Rusia dan Korea Utara membantah tuduhan itu.\n\n"
        "Pada Januari 2024 saja, terjadi hingga tujuh kali pengiriman dalam sebulan.\n\n"
        "Pada Februari 2024, Rusia dan Korea Utara menambah pengiriman senjata."
    )
    found = events.extract(Article(text, "x.txt", published=date(2025, 9, 8)))
    first = next(e for e in found if "Januari" in e.sentence)
    second = next(e for e in found if "Februari" in e.sentence)
    assert first.actors_inferred and first.actors == ("Russia", "North Korea")
    assert not second.actors_inferred
    assert first.confidence < second.confidence


def test_cross_article_merge_is_exposed():
    a = events.extract(Article("Pada 18 Juni 2024, Kim Jong Un dan Putin menandatangani traktat.", "a.txt"))
    b = events.extract(Article("On 18 June 2024, Kim Jong Un and Putin signed a treaty.", "b.txt", language="en"))
    (merged,) = events.merge(a + b)
    assert merged.source_count == 2 and len(merged.evidence) == 1


def test_a_sentence_with_two_dates_types_each_event_by_its_clause():
    text = (
        "Russia invaded Ukraine on 24 February 2022, and the UN General Assembly imposed "
        "sanctions on 2 March 2022."
    )
    out = events.mentions(Article(text, "x.txt", published=date(2025, 9, 8), language="en"))
    types = {e.date.isoformat(): e.event_type for e in out}
    assert types == {"2022-02-24": "military", "2022-03-02": "sanctions"}
    assert all(e.type_clause and e.time_text in e.type_clause for e in out)


def test_an_undated_part_before_the_first_date_is_that_dates_clause():
    # "targets" reads as a verb, so "and military targets … on 13 June 2025" looked like a clause
    text = ("It began when Israel struck nuclear and military targets across Iran on 13 June 2025 "
            "and ended with a ceasefire that took effect on 24 June 2025.")
    out = events.mentions(Article(text, "x.txt", published=date(2025, 9, 8), language="en"))
    clauses = {e.date.isoformat(): e.type_clause for e in out}
    assert clauses["2025-06-13"].startswith("when Israel struck")
    assert "struck" not in clauses["2025-06-24"]


def test_an_undated_part_after_another_date_stays_out_of_the_next_dates_clause():
    text = ("On 6 May 2024, Hamas said it had accepted the proposal; Israel said the text fell short "
            "and seized the Rafah crossing the next day.")
    out = events.mentions(Article(text, "x.txt", published=date(2025, 9, 8), language="en"))
    (later,) = [e for e in out if e.time_text == "the next day"]
    assert "fell short" not in later.type_clause


def test_a_sentence_with_one_date_is_typed_whole():
    # the attribution clause holds the date, but with one event the sentence decides
    text = "North Korea has sent more troops to Russia, South Korea's spy agency said on 5 March 2025."
    (only,) = events.mentions(Article(text, "x.txt", published=date(2025, 9, 8), language="en"))
    assert only.event_type == "deployment" and only.type_clause == ""


def test_two_dates_of_one_event_keep_the_sentence_type():
    # the same interval twice is one event, not two: no clause typing
    text = "Kim dan Putin bertemu pada Rabu (3/9/2025), kata KCNA pada 3 September 2025."
    out = events.mentions(Article(text, "x.txt", published=date(2025, 9, 8)))
    assert {e.event_type for e in out} == {"meeting"}


def test_the_same_day_opening_a_clause_dates_a_second_happening_of_its_sentence():
    text = ("North Korea fired two short-range ballistic missiles on 13 September 2023, the same day "
            "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome.")
    found = events.extract(Article(text, "a.txt", published=date(2024, 1, 1), language="en"))
    assert [(e.date.isoformat(), e.time_text, e.event_type) for e in found] == [
        ("2023-09-13", "13 September 2023", "military"), ("2023-09-13", "the same day", "meeting")]
    assert [e.title for e in found] == ["North Korea fired two short-range ballistic missiles",
                                       "Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome"]


def test_the_same_day_after_a_verb_of_its_own_dates_a_second_happening_of_its_sentence():
    text = "The truce took effect on 19 January 2025, and Hamas released three Israeli hostages the same day."
    found = events.extract(Article(text, "a.txt", published=date(2025, 2, 1), language="en"))
    assert [(e.date.isoformat(), e.time_text) for e in found] == [
        ("2025-01-19", "19 January 2025"), ("2025-01-19", "the same day")]
    # the same date told twice of one happening stays one event
    text = "Kim dan Putin bertemu pada Rabu (3/9/2025), pada hari yang sama."
    assert len(events.extract(Article(text, "b.txt", published=date(2025, 9, 8), language="id"))) == 1


def test_a_count_back_from_the_last_day_is_titled_by_the_happening_it_dates():
    from timeline.events import mentions
    from timeline.model import Article

    text = ("Sweden confirmed its first clade Ib case on August 15, 2024. The confirmation came a day after the "
            "World Health Organization declared the surge of mpox a global emergency.")
    rows = mentions(Article(text, "x.txt", published=date(2024, 8, 16), language="en"))
    back = [e for e in rows if e.time_text == "a day after"]
    assert back and back[0].date == date(2024, 8, 14) and "World Health Organization" in back[0].title
