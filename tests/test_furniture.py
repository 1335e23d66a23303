"""Page furniture dates no event: bylines, datelines with tails, stamps, site tags, labels,
photo captions, links to other stories, copyright lines, infoboxes, section titles, and the
time a reporter reached a source.

Each kind once in English and once in Indonesian where both write it, with story
sentences around it, so the test also shows what stays an event. The sentences are
written for these tests.
"""
from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import date_sentences, dateline, find_expressions
from timeline.events import extract
from timeline.model import Article
from timeline.segment import sentences

STORY = {
    "en": "Kim Jong Un met Vladimir Putin in Pyongyang on 19 June 2024.",
    "id": "Kim Jong Un bertemu Vladimir Putin di Pyongyang pada 19 Juni 2024.",
}


def _events(text: str, language: str, published: date | None = None) -> list[tuple[str, bool, str]]:
    return [(e.text, e.event, e.reason) for e in find_expressions(text, published, language)]


def _dated(text: str, language: str, published: date | None = None) -> list[tuple[str, str]]:
    sents = sentences(text, language)
    return [(s.text, e.date.isoformat()) for s, e in date_sentences(text, sents, published, language)]


# (language, a furniture line that holds a date, the date as found) — each placed below a story sentence
FURNITURE = [
    ("en", "Categories: 2022 disasters in Indonesia | Crowd collapses", "2022"),
    ("en", "This article is about the 2022 crowd crush. For other uses, see Kanjuruhan.", "2022"),
    ("en", "This live coverage has ended on 19 July 2025.", "19 July 2025"),
    ("en", "The Atlantic Courier · World · Middle East · 27 September 2024", "27 September 2024"),
    ("en", "Date: 19 October 2023 – present", "19 October 2023"),
    ("id", "Sistem pertahanan udara mencegat objek di langit Yerusalem, Minggu (14/4/2024). (AFP/AHMAD GHARABLI)",
     "Minggu (14/4/2024)"),
    ("en", "**What happened last month?**", "last month"),
    ("en", "(c) 2025 Meridian Wire. All rights reserved.", "2025"),
    ("en", "Fri 23 May 2025 17:55 EEST · Last modified on Fri 23 May 2025 21:10 EEST", "Fri 23 May 2025 17:55 EEST"),
    ("en", "By Jane Doe | Updated 19 June 2024, 10:02 GMT", "19 June 2024, 10:02 GMT"),
    ("en", "By Jane Doe and John Roe, 20 June 2024", "20 June 2024"),
    ("id", "Penulis Aditya Nugraha | Editor Sri Lestari | Kamis, 5 Desember 2024", "Kamis, 5 Desember 2024"),
    ("id", "KAMIS, 05 DESEMBER 2024 | 16:38 WIB | LAPORAN: ADITYA NUGRAHA", "KAMIS, 05 DESEMBER 2024"),
    ("en", "Data cut-off: 1700 ET, October 25, 2024", "October 25, 2024"),
    ("id", "Kompas.com - 23/04/2019, 23:53 WIB", "23/04/2019, 23:53 WIB"),
    ("en", "Updated 19 June 2024, 10:02 GMT", "19 June 2024, 10:02 GMT"),
    ("id", "Diperbarui 5 Desember 2024 16:38 WIB", "5 Desember 2024 16:38 WIB"),
    # the date of the figures a page shows, and where a column appeared
    ("en", "*This explainer is part of our Emerging Markets Briefing. Data as of September 5, 2025.*",
     "September 5, 2025"),
    ("en", "Below are the key moments, updated as of October 20, 2025.", "October 20, 2025"),
    ("id", "Data per 5 Desember 2024 pukul 17.00 WIB.", "5 Desember 2024 pukul 17.00 WIB"),
    ("id", "Artikel ini terbit di Tempo.co pada 1 Desember 2025.", "1 Desember 2025"),
    # infobox labels that name no happening
    ("en", "Date Effective: 4 December 2024", "4 December 2024"),
    ("en", "As of: 4 December 2024", "4 December 2024"),
    ("id", "Tanggal: 4 Desember 2024", "4 Desember 2024"),
    ("id", "Batas data: 4 Desember 2024 pukul 17.00 WIB", "4 Desember 2024 pukul 17.00 WIB"),
    # bylines with the writer's role, or place, and the date
    ("en", "ANALYSIS | By Jane Doe, senior fellow, Asia programme | September 3, 2024", "September 3, 2024"),
    ("id", "ANALISIS | Oleh Budi Santoso, peneliti Asia Timur | Jumat, 6 September 2024",
     "Jumat, 6 September 2024"),
    ("en", "LIVE — Asia desk | By Jane Doe (Seoul) and John Roe (Washington) | Last updated 31 October 2024, "
     "09:48 GMT", "31 October 2024, 09:48 GMT"),
    ("id", "Oleh Rina Hapsari (Jakarta) dan Budi Santoso (Seoul) | Kamis, 31 Oktober 2024", "Kamis, 31 Oktober 2024"),
    # photo captions: labelled, ending with a credit, or wholly in italics
    ("en", "Photo caption: The coast guard ship arrives in Manila after the collision, September 1, 2024.",
     "September 1, 2024"),
    ("id", "Keterangan foto: Kapal patroli tiba di Natuna, Senin (2/9/2024).", "Senin (2/9/2024)"),
    ("en", "Smoke rises over the harbour after the strikes, March 18, 2025. (Photo: Wire)", "March 18, 2025"),
    ("id", "Kim Jong Un dan Vladimir Putin di Vladivostok, 25 April 2019. (Foto: Kantor Berita)", "25 April 2019"),
    ("en", "*Leaders pose for a photo in Pyongyang, 20 June 2024.*", "20 June 2024"),
    ("id", "_Suasana sidang Dewan Keamanan di New York, 10 Juni 2024._", "10 Juni 2024"),
    # links to other stories: labelled lines, and the list below a bare label
    ("en", 'Also on our site: "Kim says nuclear force must be readied" (Oct 23, 2024)', "Oct 23, 2024"),
    ("id", "Berita lainnya: Putin Tiba di Pyongyang (20/6/2024)", "20/6/2024"),
    ("en", "Read more:\n- Kim says nuclear force must be readied (Oct 23, 2024)", "Oct 23, 2024"),
    ("id", "Baca juga:\n- Kim Jong Un Sebut Korea Selatan Musuh Utama (16/1/2024)", "16/1/2024"),
    # copyright lines
    ("en", "The views expressed are the author's own. Copyright 2024.", "2024"),
    ("id", "Pandangan dalam tulisan ini milik penulis. Hak cipta 2024.", "2024"),
    # infoboxes: items below a bold title, rows of a table whose title row has no value
    ("en", "**Gaza ceasefire negotiations**\n\n- Type: Indirect talks\n- Second ceasefire: 19 January – 18 March 2025",
     "19 January – 18 March 2025"),
    ("id", "**Perjanjian Kemitraan Strategis**\n\n- Jenis: Pakta pertahanan\n- Gencatan senjata kedua: 19 Januari "
     "– 18 Maret 2025", "19 Januari – 18 Maret 2025"),
    ("en", "| Scarborough Shoal | |\n|---|---|\n| Infobox last reviewed | 18 September 2025 |", "18 September 2025"),
    ("id", "| Beting Scarborough | |\n|---|---|\n| Perlindungan halaman | Dikunci sejak 2 Februari 2023 |",
     "2 Februari 2023"),
    # section titles
    ("en", "## January 2025 ceasefire", "January 2025"),
    ("id", "## Gencatan senjata Oktober 2025", "Oktober 2025"),
    # a page title naming its subject by year (an encyclopedia's), no verb
    ("en", "# 2025 German federal election", "2025"),
    ("en", "# Colombo 2022, Jakarta 1998", "2022"),
    # when the reporter reached a source
    ("en", '"We are watching closely," the analyst said when contacted on Monday.', "Monday"),
    ("id", '"Kami mengamati," ujarnya saat dihubungi Kompas.com, Senin malam.', "Senin malam"),
]


@pytest.mark.parametrize(("language", "line", "found"), FURNITURE)
def test_furniture_line_is_no_event(language, line, found):
    text = f"{STORY[language]}\n\n{line}\n"
    got = _events(text, language, date(2025, 1, 10))
    assert got[0][1], got  # the story's date stays an event
    hits = [g for g in got if g[0] == found]
    assert hits and not hits[0][1] and hits[0][2], got
    assert [s for s, _ in _dated(text, language, date(2025, 1, 10))] == [STORY[language]]


@pytest.mark.parametrize(
    ("language", "text", "published"),
    [
        # the RMOL form: weekday and date in capitals, clock time, reporter
        ("id", "KAMIS, 05 DESEMBER 2024 | 16:38 WIB | LAPORAN: ADITYA NUGRAHA\n\nIsi berita.",
         date(2024, 12, 5)),
        ("id", "Judul Berita\n\nRABU, 04 DESEMBER 2024 | 09:15 WIB | Laporan: Sri Lestari\n\nIsi berita.",
         date(2024, 12, 4)),
        ("en", "Headline\n\nBy Jane Doe | Updated 19 June 2024, 10:02 GMT\n\nStory text.", date(2024, 6, 19)),
        ("en", "Headline\nBy Jane Doe and John Roe Updated 3:15 PM GMT+9, December 5, 2024\n\nStory.",
         date(2024, 12, 5)),
        # a byline with the writer's role beside the date
        ("id", "Judul\n\nOleh: Budi Santoso, pengamat hubungan internasional | Jumat, 15 September 2023 | "
         "11:20 WIB\n\nIsi berita.", date(2023, 9, 15)),
    ],
)
def test_dateline_with_byline_or_reporter_tail_is_the_publication_date(language, text, published):
    assert dateline(text, language) == published
    found = [e for e in find_expressions(text, published, language) if e.date == published]
    assert [(e.kind, e.event) for e in found] == [("dateline", False)]


def test_rmol_dateline_anchors_the_story():
    text = ("KAMIS, 05 DESEMBER 2024 | 16:38 WIB | LAPORAN: ADITYA NUGRAHA\n\n"
            "Perjanjian kemitraan Rusia dan Korea Utara resmi berlaku pada Rabu (4/12).")
    article = Article(text, "rmol.txt", published=dateline(text, "id"))
    assert [(e.date.isoformat(), e.time_text) for e in extract(article)] == [("2024-12-04", "Rabu (4/12)")]


def test_a_second_wire_dateline_is_no_event():
    text = ("Headline\n\nBy Jane Doe | Updated 19 June 2024, 10:02 GMT\n\n"
            "PYONGYANG, June 19 (Reuters) - Kim and Putin signed a treaty on Wednesday, 19 June 2024.")
    got = _events(text, "en", dateline(text, "en"))
    assert [(t, e) for t, e, _ in got] == [("19 June 2024, 10:02 GMT", False), ("June 19", False),
                                            ("Wednesday, 19 June 2024", True)]


def test_furniture_does_not_give_a_wire_dateline_its_year():
    # the cut-off date is the page's, not a reported one: the dateline's year comes from the story
    text = ("SEOUL, March 6 (Wire) - Troops were sent in June 2024, officials said.\n\n"
            "Data cut-off: 1700 ET, October 25, 2024")
    assert dateline(text, "en") == date(2025, 3, 6)
    assert dateline(text.split("\n\n")[0], "en") == date(2025, 3, 6)


@pytest.mark.parametrize(
    ("language", "text", "want"),
    [
        # a site tag as the lead of a sentence: the sentence keeps its own event
        ("id", "TRIBUNNEWS.COM, MOSKOW - Putin menyambut Kim pada Kamis (25/4/2019).", "2019-04-25"),
        ("id", "BERITABALI.COM, DUNIA. Pemimpin Korea Utara bertemu Presiden Rusia pada 25 April 2019.",
         "2019-04-25"),
        ("en", "SEOUL, South Korea (AP) - The treaty took effect on 4 December 2024.", "2024-12-04"),
    ],
)
def test_site_tag_lead_keeps_the_sentence_event(language, text, want):
    assert [d for _, d in _dated(text, language)] == [want]


@pytest.mark.parametrize(
    ("language", "text", "sentence"),
    [
        # Indonesian outlets' leads, split off the story's first sentence
        ("id", "Jakarta, CNN Indonesia -- Pesawat itu tergelincir pada Minggu (29/12/2024).", "Pesawat itu tergelincir"),
        ("id", "Seoul (ANTARA) - Lee dilantik pada Rabu (4/6/2025).", "Lee dilantik"),
        ("id", "BANGKOK, KOMPAS DUNIA - Pertempuran pecah pada Kamis (24/7/2025).", "Pertempuran pecah"),
        ("id", "Jakarta - Presiden divaksin pada Rabu (13/1/2021).", "Presiden divaksin"),
        ("id", "TEMPO.CO**, Jakarta - India menyerang pada 7 Mei 2025.", "India menyerang"),
        # a dash in English prose is no lead
        ("en", "Russia, China — and Iran met on 4 June 2025.", "Russia, China — and Iran met"),
    ],
)
def test_an_outlets_lead_is_no_part_of_the_first_sentence(language, text, sentence):
    assert [s.split(" pada")[0].split(" on 4")[0] for s, _ in _dated(text, language, date(2025, 9, 8))] == [sentence]


def test_site_tag_below_a_date_line_is_no_event():
    # a date alone on a line dates the paragraph below it; a site tag there tells nothing
    text = ("Kamis, 5 Desember 2024\n\nKronologi\n\n19 Juni 2024\nBERITABALI.COM, DUNIA.\n"
            "Putin dan Kim meneken traktat di Pyongyang.\n\n4 Desember 2024\n"
            "Penulis Redaksi | Editor Sri Lestari\nTraktat itu mulai berlaku.")
    assert _dated(text, "id", date(2024, 12, 5)) == [
        ("Putin dan Kim meneken traktat di Pyongyang.", "2024-06-19"), ("Traktat itu mulai berlaku.", "2024-12-04")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # keys that name a happening date their line (fact boxes; README "Dates")
        ("en", "Date signed: 19 June 2024"),
        ("en", "Signed: 19 June 2024"),
        ("en", "Ratified by Russia: November 9, 2024"),
        ("en", "Entered into force: 2024-12-04"),
        ("id", "Tanggal penandatanganan: 19 Juni 2024"),
        ("id", "Disahkan Duma Negara: 24 Oktober 2024"),
        ("id", "Berlaku efektif: 2024-12-04"),
        # story sentences that open like bylines
        ("en", "By December 2024, Russia had received more than 10,000 North Korean troops."),
        ("en", "By Thursday, 20 June 2024, both leaders had left Pyongyang."),
        ("id", "Reporter Kremlin Alexander Yunashev mengunggah video itu pada 3 September 2025."),
        ("id", "Laporan tersebut terbit pada 3 September 2025."),
        ("id", "Oleh karena itu, pada 2024 kedua negara menandatangani traktat."),
        ("en", "Kompas.com reported on 23 April 2019 that Kim had arrived."),
        ("en", "By Kim's own account, the troops were sent in 2024."),
        # a phone call is a happening; only the time the reporter reached a source is furniture
        ("id", "Kim dihubungi Putin melalui telepon pada Senin (2/9/2024)."),
        ("en", "Officials said on Monday, 2 September 2024, that they had contacted Pyongyang."),
        # a quoted paragraph, a photo's subject told in a story sentence, a timeline list, a data table
        ("id", '"Kami tidak akan mundur," kata Menteri Pertahanan, Senin (2/9/2024).'),
        ("en", "Photos released on 2 September 2024 showed the damaged hull."),
        ("id", "**Kronologi**\n\n- 13 September 2023: Kim dan Putin bertemu di Vostochny."),
        ("id", "**Kronologi**\n\n- Maret: Kim tiba di Moskow pada 2024."),
        ("id", "| Tanggal | Peristiwa |\n|---|---|\n| 19 Juni 2024 | Putin dan Kim meneken traktat |"),
        # a headline with a verb, or with a day, is read as a sentence
        ("en", "# Kim arrived in Vladivostok in 2019"),
        ("en", "# 19 June 2024: the Pyongyang treaty"),
    ],
)
def test_not_furniture(language, text):
    got = _events(text, language, date(2025, 9, 8))
    assert any(event for _, event, _ in got), got


def test_a_section_title_dates_no_event_but_gives_the_year_below_it():
    text = "## January 2024 ceasefire\n\nThe truce took effect on 19 January."
    got = _events(text, "en", date(2026, 3, 1))
    assert [(t, e) for t, e, _ in got] == [("January 2024", False), ("19 January", True)]
    assert _dated(text, "en", date(2026, 3, 1)) == [("The truce took effect on 19 January.", "2024-01-19")]


def test_a_date_alone_on_a_heading_line_still_dates_the_lines_below():
    text = "Kronologi\n\nApril 2019\nKim bertemu Putin di Vladivostok.\n\nJuni 2024\nPutin berkunjung ke Pyongyang."
    assert _dated(text, "id", date(2025, 1, 10)) == [
        ("Kim bertemu Putin di Vladivostok.", "2019-04-01"), ("Putin berkunjung ke Pyongyang.", "2024-06-01")]


# -- the page's head: stamps, desks, bylines with roles give the publication date --------------------

@pytest.mark.parametrize("head", [
    "*Published August 19, 2025 · Updated August 19, 2025, 11:05 GMT · 7 min read*",
    "**Business desk** | August 19, 2025 | 5 min read",
    "*By Farah Lim, Southeast Asia correspondent · August 19, 2025 · Updated 14:20 SGT*",
    "**Laporan Utama** | Edisi 19 Agustus 2025 | Penulis: Dewi Anggraini",
    "**COMMENTARY** — *Daniel Hartono, Tuesday, 19 August 2025*",
    # the emphasis closes the byline
    "**By Daniel Okafor, Senior Asia Analyst** | August 19, 2025 | 7 min read",
])
def test_a_stamp_line_at_the_top_gives_the_publication_date(head):
    text = f"# Headline of the story\n\n{head}\n\nThe talks ended on Monday without a deal.\n"
    assert dateline(text, "en" if "Laporan" not in head else "id") == date(2025, 8, 19)
    if "Laporan" not in head:
        assert _dated(text, "en", date(2025, 8, 19)) == [("The talks ended on Monday without a deal.", "2025-08-18")]


def test_a_markdown_year_heading_gives_the_year_to_the_entries_below():
    text = "# Timeline\n\n## 2025\n\n- **Feb. 12** — Trump and Putin speak by phone.\n"
    assert _dated(text, "en", None) == [("- **Feb. 12** — Trump and Putin speak by phone.", "2025-02-12")]


def test_a_section_titled_references_is_furniture_down_to_the_next_section():
    text = ("# The standoff\n\nThe standoff began on 14 February 2019 when a bomber struck a convoy.\n\n"
            "## References\n\n1. \"Convoy attack in Pulwama\", *Northern Gazette*, 15 February 2019.\n"
            "2. \"Pakistan reopens airspace\", *Aviation Brief*, 16 July 2019.\n\n"
            "## Aftermath\n\nPakistan reopened its airspace on 16 July 2019.\n")
    found = [(e.text, e.event) for e in find_expressions(text, date(2020, 1, 1), "en")]
    assert found == [("14 February 2019", True), ("15 February 2019", False), ("16 July 2019", False),
                     ("16 July 2019", True)]


def test_the_years_a_title_covers_date_nothing():
    text = ("# India and Pakistan, 2019-2025: a timeline of crises and contacts\n\n"
            "The war lasted from 2019 to 2021, officials said.\n")
    found = [(e.text, e.event) for e in find_expressions(text, date(2025, 5, 21), "en")]
    assert found == [("2019-2025", False), ("2019 to 2021", True)]


def test_a_readers_comment_stamp_dates_nothing():
    text = ("Headline\n\nRebels took the town on March 23, 2011, officials said.\n"
            "March 24 , 2011 at 7:31 am | Reply I cant believe we went to war.\n"
            "February 28 , 2011 10:44 pm at 10:44 pm | Please let us send Obama.\n")
    found = [(e.text, e.event) for e in find_expressions(text, date(2011, 3, 25), "en") if e.date]
    assert ("March 23, 2011", True) in found
    # (read whole, year and clock: "March 24 , 2011 at 7:31 am")
    assert [(t.split(" ")[0] + " " + t.split(" ")[1], event) for t, event in found[1:]] == [
        ("March 24", False), ("February 28", False)]
    assert not any(event for t, event in found if t != "March 23, 2011")


def test_a_clocks_zone_after_p_m_stays_in_its_sentence():
    text = "In Washington, the missile was fired at about 10:10 p.m. Eastern time on Wednesday. Talks end at 9 a.m. Officials left."
    assert [s.text for s in sentences(text, "en")] == [
        "In Washington, the missile was fired at about 10:10 p.m. Eastern time on Wednesday.",
        "Talks end at 9 a.m.", "Officials left."]


def test_an_infobox_under_a_one_cell_title_row_is_furniture():
    text = ("Lai Ching-te\n\n| Lai Ching-te |\n| President |\n| Assumed office | 20 May 2024 |\n"
            "| Born | 6 October 1959, Wanli |\n\nLai was inaugurated on 20 May 2024.")
    assert _dated(text, "en", date(2025, 8, 1)) == [("Lai was inaugurated on 20 May 2024.", "2024-05-20")]


@pytest.mark.parametrize(("language", "text", "kept"), [
    ("en", "Singapore is 12 hours ahead of Eastern time. This blog will be updated through late Saturday "
     "night Eastern time.", []),
    ("en", "Polls closed at 8 p.m. on Saturday. Follow our continuing coverage on Sunday.", ["Saturday"]),
    ("id", "Polisi menangkap tersangka pada Senin (3/3/2025). Artikel ini akan diperbarui pada Selasa.",
     ["Senin (3/3/2025)"]),
])
def test_a_sentence_about_the_page_itself_dates_nothing_mid_paragraph(language, text, kept):
    found = find_expressions(text, date(2025, 5, 3), language)
    assert [e.text for e in found if e.event and e.date] == kept
