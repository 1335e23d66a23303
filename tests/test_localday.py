"""A day told by another place's clock moves to the day it was where the happening took place."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline import ingest, localday
from timeline.errors import InputError
from timeline.events import mentions
from timeline.model import Article


def _days(text: str, language: str = "en", published: date = date(2025, 4, 5)) -> list[tuple[str, str]]:
    return [(e.time_text, e.date.isoformat()) for e in mentions(Article(text, "x.txt", published=published,
                                                                        language=language))]


@pytest.mark.parametrize(("text", "language", "published", "want"), [
    # a US live blog's evening is the next morning in Seoul, Tokyo, Kuala Lumpur
    ("The court in Seoul upheld the impeachment on Thursday night Eastern time.", "en", date(2025, 4, 5),
     [("Thursday night", "2025-04-04")]),
    ("Air Force One touched down in Kuala Lumpur at 10:40 p.m. Eastern time on Saturday.", "en",
     date(2025, 10, 27), [("Saturday", "2025-10-26")]),
    # an Indonesian paper's small hours WIB are the evening before in Washington
    ("Trump dilantik di Washington pada Selasa (21/1/2025) dini hari WIB.", "id", date(2025, 1, 22),
     [("Selasa (21/1/2025) dini hari", "2025-01-20")]),
    # a morning in New York is the same day in Rome; a day told by local time stays
    ("Pope Francis died in Rome early Monday Eastern time, the Vatican said.", "en", date(2025, 4, 22),
     [("Monday", "2025-04-21")]),
    ("Polls in Berlin closed at 6 p.m. local time (noon Eastern time) on Sunday.", "en", date(2025, 2, 25),
     [("Sunday", "2025-02-23")]),
    # a place in the clock's own region moves nothing
    ("The Senate in Washington voted late Tuesday night Eastern time.", "en", date(2025, 4, 10),
     [("Tuesday night", "2025-04-08")]),
    # a clock time is exact: an hour behind the report's clock is the day before in Lima
    ("Peru's Congress voted at 12:48 a.m. ET on Friday to remove Boluarte.", "en", date(2025, 10, 10),
     [("Friday", "2025-10-09")]),
    ("Chile's Senate voted at 12:48 a.m. ET on Friday.", "en", date(2025, 10, 10),
     [("Friday", "2025-10-10")]),
    # a day told without a time of day says too little of the hour
    ("The court in Seoul ruled on Thursday, Eastern time.", "en", date(2025, 4, 5),
     [("Thursday", "2025-04-03")]),
    # the reader's clock named by its country is WIB, and that country is not where it happened
    ("Presiden AS Donald Trump mengumumkan penundaan itu pada Kamis (10/4/2025) dini hari waktu Indonesia.",
     "id", date(2025, 4, 11), [("Kamis (10/4/2025) dini hari", "2025-04-09")]),
])
def test_a_day_told_by_another_clock_is_the_happenings_local_day(text, language, published, want):
    assert _days(text, language, published) == want


def test_the_same_moment_told_by_two_clocks_is_one_date():
    text = "Ishiba's cabinet resigned in Tokyo on Monday night Eastern time, Tuesday morning in Tokyo."
    assert _days(text, published=date(2025, 10, 22)) == [("Monday night", "2025-10-21")]
    text = "Harga minyak jatuh di New York pada Selasa (25/11/2014) waktu setempat (Rabu pagi WIB)."
    assert _days(text, "id", date(2014, 11, 26)) == [("Selasa (25/11/2014)", "2014-11-25")]


def test_a_sentence_naming_no_place_takes_the_articles_place_and_a_clock_time_one_named_twice():
    text = ("Crowds gathered in Seoul on Thursday evening Eastern time.\n\n"
            "The court upheld the impeachment on Thursday night Eastern time.\n\n"
            "The won fell at 10 p.m. Eastern time on Thursday.")
    assert _days(text) == [("Thursday evening", "2025-04-04"), ("Thursday night", "2025-04-04"),
                           ("Thursday", "2025-04-03")]
    twice = text.replace("The won fell", "Markets in Seoul reopened. The won fell")
    assert _days(twice)[-1] == ("Thursday", "2025-04-04")


def test_a_day_counted_from_a_moved_day_moves_with_it():
    text = ("Trump dilantik di Washington pada Selasa (21/1/2025) dini hari WIB. Pada hari yang sama, Trump "
            "memberikan pengampunan. Keesokan harinya, ia menandatangani perintah eksekutif.")
    assert _days(text, "id", date(2025, 1, 23)) == [("Selasa (21/1/2025) dini hari", "2025-01-20"),
                                                    ("Pada hari yang sama", "2025-01-20"),
                                                    ("Keesokan harinya", "2025-01-21")]


def test_an_article_on_a_place_of_about_the_reports_clock_moves_nothing():
    # Port-au-Prince keeps Eastern time: Nairobi, named once, is not where it happened
    text = ("Gunmen stormed the National Penitentiary on Saturday night Eastern time.\n\n"
            "Police in Port-au-Prince fought gangs. Shops in Port-au-Prince shut. Troops wait in Nairobi.")
    assert _days(text, published=date(2024, 3, 4))[0] == ("Saturday night", "2024-03-02")
    # the report's own city (Washington for Eastern time) is passed over for the far one
    text = ("The court upheld the impeachment on Thursday night Eastern time.\n\n"
            "In Washington, officials in Washington welcomed it. Crowds in Seoul cheered.")
    assert _days(text)[0] == ("Thursday night", "2025-04-04")


def test_a_sentence_naming_no_place_takes_its_peoples_state_and_at_night_any_state_it_names():
    # Macron (France) in the small hours WIB is the evening before in Paris
    assert _days("Macron mengumumkan pembubaran Majelis Nasional, Senin (10/6/2024) dini hari WIB.", "id",
                 date(2024, 6, 11)) == [("Senin (10/6/2024) dini hari", "2024-06-09")]
    # a morning WIB of a market in Jakarta, a state named only in its clause: stays
    assert _days("Rupiah dibuka menguat pada Jumat (11/7/2025) pagi WIB setelah data AS dirilis.", "id",
                 date(2025, 7, 12)) == [("Jumat (11/7/2025) pagi", "2025-07-11")]
    # a clock named by its place is that place's own ("pukul 04.00 waktu Beirut atau 09.00 WIB")
    text = "Gencatan senjata Israel dan Hizbullah berlaku Rabu (27/11/2024), pukul 04.00 waktu Beirut atau 09.00 WIB."
    assert _days(text, "id", date(2024, 11, 27))[0][1] == "2024-11-27"


def test_at_night_a_sentence_of_an_article_naming_no_place_takes_the_state_it_names_most():
    def fell(state: str, when: str) -> tuple[str, str]:
        text = (f"Parlemen {state} dibubarkan pada Minggu (9/6/2024). {state} menggelar pemilu pada Minggu "
                f"(7/7/2024).\n\nPemerintahannya jatuh lewat mosi tidak percaya yang disahkan {when} WIB.")
        return _days(text, "id", date(2024, 12, 6))[-1]

    # a kronologi of France's crisis names Perancis, never a city: its small hours WIB are Paris's evening
    assert fell("Perancis", "Kamis (5/12/2024) dini hari") == ("Kamis (5/12/2024) dini hari", "2024-12-04")
    # …but not by day, nor for an article about Indonesia
    assert fell("Perancis", "Kamis (5/12/2024) siang") == ("Kamis (5/12/2024) siang", "2024-12-05")
    assert fell("Indonesia", "Kamis (5/12/2024) dini hari") == ("Kamis (5/12/2024) dini hari", "2024-12-05")


def test_a_person_of_the_reports_own_state_keeps_its_clock_whatever_places_the_article_names():
    text = ("Indonesia faces 32%. Officials in Jakarta said Indonesia would negotiate. Jakarta markets are shut.\n\n"
            "Vietnam faces 46%, and Hanoi said it would talk. Jakarta and Hanoi were stunned.\n\n"
            "President Donald Trump took the podium on Wednesday at 4 p.m. ET to announce them.")
    assert _days(text, published=date(2025, 4, 3)) == [("Wednesday at 4 p.m. ET", "2025-04-02")]


def test_a_clock_not_the_pages_own_of_the_place_named_is_its_local_time():
    # a blog told in ET names Pacific time for a fire near Sylmar: that night there, not Wednesday
    page = Path(__file__).parent / "happenings" / "heldout_bw" / "en_liveblog_la_fires.html"
    article = ingest.html_article(page.read_text(encoding="utf-8"), page.name, lang="en")
    days = {e.sentence[:30]: e.date.isoformat() for e in mentions(article)}
    assert days["A third fire, the Hurst Fire, "] == "2025-01-07"


def test_a_moved_day_says_how_it_was_moved():
    text = "The court in Seoul ruled on Thursday night Eastern time."
    (pair,) = mentions(Article(text, "x.txt", published=date(2025, 4, 5), language="en"))
    assert pair.date_label == "4 Apr 2025"


def test_a_clock_file_without_its_tables_or_with_an_unknown_zone_is_named(tmp_path):
    bad = tmp_path / "zones.yaml"
    bad.write_text("zones: {ET: America/Nowhere}\nparts: {}\n", encoding="utf-8")
    with pytest.raises(InputError, match="America/Nowhere"):
        localday._clocks(bad)
    bad.write_text("zones: []\n", encoding="utf-8")
    with pytest.raises(InputError, match="zones"):
        localday._clocks(bad)
    bad.write_text("zones: {ET: America/New_York}\nparts: {en: {night: [20]}}\n", encoding="utf-8")
    with pytest.raises(InputError, match="from, to"):
        localday._clocks(bad)
