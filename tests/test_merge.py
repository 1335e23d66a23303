"""One event per happening: mentions merge within and across articles, different ones don't."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from timeline.events import event_id
from timeline.merge import merge
from timeline.model import Event


def ev(sentence, day, end=None, *, precision="day", kind="absolute", actors=("Russia", "North Korea"),
       people=(), etype="meeting", source="a.txt", start=0, language="id", inferred=False, published=None):
    return Event(
        event_id=event_id(source, sentence, day.isoformat()), date=day, date_end=end or day,
        precision=precision, date_label="", title=sentence[:40], sentence=sentence, actors=actors,
        people=people, event_type=etype, time_text="", source=source, language=language,
        sentence_start=start, time_kind=kind, actors_inferred=inferred, published=published,
    )


D = date(2025, 9, 3)
MEET_1 = "Kim dan Putin saling memberikan sikap hangat dalam pertemuan mereka di Beijing pada hari Rabu."
MEET_2 = "Kim dan Putin mengadakan pertemuan di sela-sela parade militer di Beijing pada Rabu (3/9/2025)."


def test_two_mentions_of_a_meeting_in_one_article_become_one_event():
    a = ev(MEET_1, D, start=10, people=("Kim Jong Un", "Vladimir Putin"))
    b = ev(MEET_2, D, start=500, people=("Kim Jong Un", "Vladimir Putin"), actors=("North Korea", "Russia", "China"))
    (merged,) = merge([a, b])
    assert merged.sentence == MEET_1 and merged.evidence == (MEET_2,)
    assert merged.event_id == a.event_id and merged.source_count == 1
    assert "China" in merged.actors
    assert merged.confidence > a.confidence


def test_untyped_caption_joins_the_typed_event_of_its_day():
    caption = "KIM DAN PUTIN - Foto memperlihatkan Putin duduk bersama Kim di Beijing pada Rabu, 3 September 2025."
    a = ev(MEET_1, D, start=10, people=("Kim Jong Un", "Vladimir Putin"))
    c = ev(caption, D, start=5, people=("Vladimir Putin", "Kim Jong Un"), etype="other")
    (merged,) = merge([c, a])
    assert merged.sentence == MEET_1 and merged.event_type == "meeting"


def test_mentions_across_articles_merge_and_count_sources():
    b = ev("Putin and Kim met in Beijing on Wednesday.", D, source="b.txt", language="en",
           people=("Vladimir Putin", "Kim Jong Un"), published=date(2025, 9, 3))
    a = ev(MEET_1, D, source="a.txt", people=("Kim Jong Un", "Vladimir Putin"), published=date(2025, 9, 4))
    (merged,) = merge([a, b])
    assert merged.source == "b.txt"  # the earliest published article leads
    assert merged.source_count == 2 and merged.evidence == (MEET_1,)


def test_different_happenings_stay_apart():
    meeting = ev(MEET_1, D)
    attack = ev("Rusia menyerang Kyiv pada hari Rabu.", D, etype="military", actors=("Russia", "Ukraine"))
    other_day = ev(MEET_2, date(2025, 9, 4))
    other_actors = ev("Jepang dan Korsel mengadakan pertemuan di Tokyo pada hari Rabu.", D,
                      actors=("Japan", "South Korea"))
    assert len(merge([meeting, attack, other_day, other_actors])) == 4


def test_anaphoric_mention_takes_the_exact_date_of_the_same_act():
    treaty = ev("Pada 18 Juni 2024, Kim dan Putin menandatangani traktat kemitraan strategis.",
                date(2024, 6, 18), etype="agreement", start=900)
    in_force = ev("Perjanjian itu resmi berlaku sejak Desember 2024.", date(2024, 12, 1), date(2024, 12, 31),
                  precision="month", etype="agreement", start=950)
    back = ev("Setahun sebelumnya kedua pemimpin sudah menandatangani pakta pertahanan.",
              date(2024, 1, 1), date(2024, 12, 31), precision="year", kind="anaphoric", etype="agreement",
              start=100, inferred=True)
    out = merge([back, treaty, in_force])
    assert len(out) == 2
    signed = next(e for e in out if e.date == date(2024, 6, 18))
    assert back.sentence in signed.evidence


def test_coarse_absolute_mention_keeps_its_own_date():
    year = ev("Sepanjang 2024, kedua negara menandatangani banyak perjanjian.", date(2024, 1, 1),
              date(2024, 12, 31), precision="year", etype="agreement")
    day = ev("Pada 18 Juni 2024, keduanya menandatangani traktat.", date(2024, 6, 18), etype="agreement")
    assert len(merge([year, day])) == 2


def test_same_sentence_dated_twice_the_same_way_is_one_event():
    a = ev(MEET_2, D, start=40)
    b = Event(**{**a.__dict__, "event_id": "x", "time_text": "3/9/2025"})
    (merged,) = merge([a, b])
    assert merged.evidence == ()


def test_one_sentence_dating_two_happenings_of_one_day_gives_two_events():
    told = ("On April 4, the same day it announced tariffs on U.S. goods, China placed export controls on "
            "seven rare earths.")
    tariffs = replace(ev(told, D, start=0, etype="economic", language="en"), time_start=3, time_text="April 4")
    controls = replace(ev(told, D, start=0, etype="economic", language="en", kind="anaphoric"), time_start=15,
                       time_text="the same day")
    assert len(merge([tariffs, controls])) == 2


def test_merge_keeps_the_input_order_of_happenings():
    first = ev("Korut menyerang pada 2023.", date(2023, 5, 1), etype="military", start=5)
    second = ev(MEET_1, D, start=50)
    assert [e.date for e in merge([first, second])] == [date(2023, 5, 1), D]


def test_merged_event_keeps_the_typed_leaders_type_against_untyped_mentions():
    # untyped mentions are no vote against a cue: a meeting mentioned once and
    # told three times without a cue stays a meeting
    people = ("Kim Jong Un", "Vladimir Putin")
    typed = ev(MEET_1, D, start=300, people=people)
    plain = [
        ev(f"Kim dan Putin terlihat di Beijing pada Rabu, foto nomor {n}.", D, start=n, people=people, etype="other")
        for n in (1, 2, 3)
    ]
    (merged,) = merge([*plain, typed])
    assert merged.event_type == "meeting" and merged.sentence == MEET_1
    assert len(merged.evidence) == 3


def test_a_kronologi_entrys_title_joins_the_first_sentence_it_heads():
    from timeline import ingest, pipeline

    text = ("Sabtu, 13 September 2025 10:20 WIB\n\nTRIBUNNEWS.COM - Berikut kronologi demo di Nepal.\n\n"
            "1. Pemerintah blokir 26 platform, Kamis (4/9/2025)\n\n"
            "Kementerian Komunikasi Nepal memerintahkan pemblokiran 26 platform media sosial, "
            "Kamis (4/9/2025).\n\n"
            "2. Jam malam dicabut, Sabtu (13/9/2025)\n\n"
            "Militer mencabut jam malam di Lembah Kathmandu pada Sabtu (13/9/2025) pagi.\n\n"
            "Toko-toko mulai buka kembali pada Sabtu (13/9/2025) siang.\n")
    rows = pipeline.extract_article(ingest.parse(text, "kronologi.txt", date(2025, 9, 14), "id"))
    by_day = {}
    for e in rows:
        by_day.setdefault(e.date, []).append(e)
    assert [len(e.mentions) for e in by_day[date(2025, 9, 4)]] == [2]
    # the title joins the sentence right below it, not every sentence of its day
    assert sorted(len(e.mentions) for e in by_day[date(2025, 9, 13)]) in ([1, 2], [3])


def test_a_kronologi_items_title_and_the_sentences_its_date_dates_are_one_event():
    from timeline import ingest, pipeline

    text = ("Selasa, 29 April 2025 14:05 WIB\n\nTRIBUNNEWS.COM - Berikut kronologi perawatan Paus.\n\n"
            "3. Sabtu (22/2/2025): Kondisi Kritis\n"
            "Paus mengalami krisis pernapasan berkepanjangan dan membutuhkan oksigen aliran tinggi. "
            "Vatikan menyatakan kondisinya kritis.\n\n"
            "4. Jumat (28/2/2025): Krisis Bronkospasme\n"
            "Paus kembali mengalami krisis pernapasan berupa bronkospasme dan muntah sehingga harus "
            "dipasangi "
            "ventilasi mekanis non-invasif.\n")
    rows = pipeline.extract_article(ingest.parse(text, "kronologi.txt", date(2025, 4, 29), "id"))
    (critical,) = [e for e in rows if e.date == date(2025, 2, 22)]
    assert len(critical.mentions) == 3
    assert not critical.title.startswith("3")  # the list number is no part of a title
    assert [len(e.mentions) for e in rows if e.date == date(2025, 2, 28)] == [2]


def test_one_moment_told_by_two_clocks_in_two_sentences_is_one_event():
    # the inauguration by Washington's clock, then "prosesi itu" by Jakarta's (moved to the same day)
    day = date(2025, 1, 20)
    oath = replace(ev("Trump mengucapkan sumpah jabatan di Washington DC, Senin (20/1/2025) siang waktu setempat.",
                      day, actors=("United States",), etype="politics"), paragraph=3, sentence_index=7)
    told = "Di Indonesia, prosesi itu berlangsung Selasa (21/1/2025) dini hari WIB dan disiarkan langsung."
    here = replace(ev(told, day, start=200, actors=("Indonesia",), etype="other"), paragraph=3, sentence_index=8,
                   local_day=True)
    assert len(merge([oath, here])) == 1
    # not pointing back, it is another happening of that day; nor without a moved day
    other = replace(here, sentence="Di Indonesia, Prabowo mengirim ucapan selamat Selasa (21/1/2025) dini hari WIB.")
    assert len(merge([oath, other])) == 2
    assert len(merge([oath, replace(here, local_day=False)])) == 2


def test_a_decimal_with_its_unit_is_one_figure_in_either_language():
    from timeline import merge as merging

    assert merging._numbers("Carney wins the leadership with 85.9% of the points.", "", "en") == {"85.9"}
    assert merging._numbers("Carney meraih 85,9 persen suara.", "", "id") == {"85.9"}
    assert merging._numbers("Gempa bermagnitudo 7,7 dan susulan M 6,4 mengguncang.", "", "id") == {"7.7", "6.4"}
    assert merging._numbers("Ottawa answers with C$29.8 billion in counter-measures.", "", "en") == {"29.8"}
    # a clock, a date and a thousands point are no decimal figure
    assert merging._numbers("Massa tiba pukul 19.45 WIB, Rabu (4.3), dengan Rp16.400.", "", "id") == frozenset()
    # a thousands point is a figure, as a thousands comma is: "3.700 orang" are "3,700 people"
    assert merging._numbers("Gempa itu menewaskan 3.700 orang.", "", "id") == merging._numbers(
        "The quake killed 3,700 people.", "", "en") == {"3700"}


def test_two_sayings_of_one_day_in_one_article_join_only_on_a_speaker_or_a_named_thing():
    day = date(2024, 1, 19)

    def said(sentence, start, people=()):
        e = ev(sentence, day, actors=("United States",), people=people, etype="statement", language="en",
               start=start)
        return replace(e, time_start=start + sentence.index("Friday"), paragraph=start // 100,
                       sentence_index=start // 100)

    monitoring = "The State Department said on Friday that it was closely monitoring the situation in Nepal."
    us = said(monitoring, 0)
    office = said("Prime Minister Oli has resigned, his office said on Friday evening.", 200)
    assert len(merge([us, office])) == 2  # the verb of saying is all they share
    first = said(monitoring, 0, ("Matthew Miller",))
    again = said("Matthew Miller said on Friday the department would keep monitoring the situation closely.",
                 400, ("Matthew Miller",))
    assert len(merge([first, again])) == 1  # one speaker saying it twice


def test_a_sentence_telling_one_more_happening_of_the_day_joins_the_one_before_only_on_what_it_is_about():
    def told(sentence, start, kind="absolute", inferred=False):
        e = ev(sentence, date(2025, 1, 20), actors=("Panama",), etype="other", language="en", start=start,
               kind=kind, inferred=inferred)
        return replace(e, time_start=start + 3, paragraph=1, sentence_index=start // 100)

    address = told("On Monday, Trump said in his inaugural address that China is operating the canal.", 0)
    rejects = told("Mulino rejects the remarks in their entirety that evening.", 100, kind="anaphoric",
                   inferred=True)
    assert len(merge([address, rejects])) == 2  # one more happening of that day, about nothing it names
    met = told("On Monday, Mulino and Rubio met in Panama City for talks.", 0)
    talks = told("During their talks that day, the two discussed the canal's ports.", 100, kind="anaphoric",
                 inferred=True)
    assert len(merge([met, talks])) == 1  # it goes on about the talks


def test_two_entries_of_one_list_are_two_happenings():
    def entry(sentence, start):
        e = ev(sentence, date(2024, 7, 19), actors=("United States",), etype="other", language="en",
               start=start)
        return replace(e, time_text="July 19, 2024", time_start=start + 4, paragraph=start // 100,
                       sentence_index=start // 100)

    pushed = entry("- **July 19, 2024** — At 04:09 UTC CrowdStrike pushes a faulty content update, "
                   "\"Channel File 291,\" to Falcon sensors on Windows hosts.", 0)
    reverted = entry("- **July 19, 2024** — CrowdStrike reverts the file at 05:27 UTC, but machines that "
                     "already downloaded it are stuck in a crash-and-reboot loop.", 200)
    assert len(merge([pushed, reverted])) == 2
