"""Reading inputs: encodings, binary files, front matter, HTML, limits."""
from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest

from timeline import ingest, pipeline
from timeline.errors import InputError

CURLY_ID = "Menteri itu berkata, \u201cKami siap bekerja sama,\u201d pada 19 Juni 2024 \u2014 katanya \u2018resmi\u2019."
CURLY_EN = "The minister said \u201cwe are ready\u201d on 19 June 2024 \u2014 a \u2018historic\u2019 caf\u00e9 meeting."
LATIN1 = "Le caf\u00e9 \u00e0 P\u00e9kin, na\u00efve r\u00e9sum\u00e9, se\u00f1or; Putin tiba pada 3 Mei 2024."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("berita.txt", "Putin tiba pada 3 Mei 2024.")
    return buf.getvalue()


@pytest.mark.parametrize("text", [CURLY_ID, CURLY_EN, LATIN1])
@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le-bom", "utf-16-be-bom", "cp1252"])
def test_decode_reads_each_encoding_back(text, codec):
    if codec == "utf-16-le-bom":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif codec == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode(codec)
    assert ingest.decode(data, "a.txt") == text


def test_latin1_bytes_decode_as_western_text():
    assert ingest.decode(LATIN1.encode("latin-1"), "a.txt") == LATIN1


def test_a_long_cp1252_article_decodes_exactly():
    text = "\n\n".join([CURLY_ID, CURLY_EN] * 40)
    assert ingest.decode(text.encode("cp1252"), "a.txt") == text


@pytest.mark.parametrize(
    ("data", "kind"),
    [(PNG, "PNG"), (PDF, "PDF"), (zip_bytes(), "ZIP"), (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF"),
     (bytes(range(256)) * 8, "binary")],
)
def test_binary_data_is_refused_with_its_kind(data, kind):
    with pytest.raises(InputError) as exc:
        ingest.decode(data, "berita.txt")
    assert exc.value.source == "berita.txt"
    assert kind in exc.value.problem and "not text" in exc.value.problem


@pytest.mark.parametrize("text", ["BMKG memperkirakan hujan pada 12 Maret 2024.", "MZ Kim berkata", "ID3 tag"])
def test_text_that_starts_like_a_magic_number_is_text(text):
    assert ingest.decode(text.encode(), "a.txt") == text


def test_text_with_a_stray_control_character_is_still_text():
    text = "Putin tiba pada 3 Mei 2024.\x0c Kim menyambut.\x1b" + " kata" * 200
    assert ingest.decode(text.encode(), "a.txt") == text


def test_parse_refuses_empty_and_blank_text():
    for raw in ("", "  \n\t\r\n "):
        with pytest.raises(InputError, match="is empty"):
            ingest.parse(raw, "a.txt")


def test_broken_front_matter_keeps_the_body_and_reports_it():
    raw = "---\ntitle: [unclosed\npublished: 2024-03-01\n---\nPutin tiba di Pyongyang pada 19 Juni 2024.\n"
    art = ingest.parse(raw, "a.md")
    assert art.text == "Putin tiba di Pyongyang pada 19 Juni 2024.\n"
    assert art.body_offset == raw.index("Putin")
    told = _besides_no_publication_date(art.problems)
    assert len(told) == 1 and "front matter could not be read" in told[0]
    assert "line" in told[0]


def test_front_matter_with_an_impossible_published_date_is_reported():
    art = ingest.parse("---\npublished: '2024-02-31'\n---\nPutin tiba kemarin.\n", "a.md")
    assert art.published is None
    assert any("published" in p for p in art.problems)


def test_front_matter_without_a_body_is_refused():
    with pytest.raises(InputError, match="no article text"):
        ingest.parse("---\ntitle: T\n---\n\n", "a.md")


def test_long_lines_are_wrapped_without_moving_any_character():
    sentence = "Putin dan Kim bertemu pada 19 Juni 2024 di Pyongyang. "
    raw = sentence * 2_000  # one line of about 110,000 characters
    art = ingest.parse(raw, "a.txt", published=dt.date(2024, 7, 1), lang="id")
    assert len(art.text) == len(raw)
    assert all(a == b or (a == "\n" and b == " ") for a, b in zip(art.text, raw))
    assert max(len(line) for line in art.text.split("\n")) <= ingest.MAX_LINE_CHARS
    # The breaks fall after sentence ends, so every sentence stays whole.
    assert all(line.endswith(".") or line.endswith(". ") for line in art.text.split("\n")[:-1])
    assert any("wrapped" in p for p in art.problems)


def test_a_line_without_spaces_is_left_alone():
    raw = "x" * (ingest.MAX_LINE_CHARS * 3)
    assert ingest.parse(raw, "a.txt", lang="en").text == raw


def test_html_keeps_the_main_text_without_scripts_or_styles():
    html = """<html><head><title>Kim ke Moskow</title><style>body { color: red }</style>
    <script>alert('pwned'); document.write('<b>x</b>')</script></head>
    <body><nav>Beranda | Politik</nav><article><h1>Kim ke Moskow</h1>
    <p>Pemimpin Korea Utara Kim Jong Un tiba di Moskow pada 12 September 2023 untuk bertemu Putin.</p>
    <script>var stolen = document.cookie;</script>
    <p>Kedua pemimpin membahas kerja sama militer dan ekonomi di kosmodrom Vostochny.</p>
    </article></body></html>"""
    art = ingest.html_article(html, "page.html")
    assert "12 September 2023" in art.text
    for leaked in ("alert", "document.", "color: red", "<script", "stolen"):
        assert leaked not in art.text
    assert art.title == "Kim ke Moskow"


def test_a_txt_file_holding_html_is_read_as_html(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_text("<!DOCTYPE html><html><body><article><p>Putin tiba di Pyongyang pada 19 Juni 2024 "
                    "untuk kunjungan kenegaraan pertama dalam 24 tahun.</p><script>alert(1)</script>"
                    "</article></body></html>", encoding="utf-8")
    art = ingest.read(path)
    assert "19 Juni 2024" in art.text and "alert" not in art.text and "<" not in art.text


def test_read_names_the_path_and_refuses_files_over_the_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("Putin tiba pada 3 Mei 2024. " * 10, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        ingest.read(path)
    assert exc.value.source == str(path) and "limit" in exc.value.problem


def test_read_refuses_a_folder_and_a_missing_file(tmp_path):
    with pytest.raises(InputError, match="folder"):
        ingest.read(tmp_path)
    with pytest.raises(InputError, match="no such file"):
        ingest.read(tmp_path / "gone.txt")


def test_read_decodes_a_utf16_file_with_front_matter(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("---\ntitle: Judul\n---\nPutin tiba pada 3 Mei 2024.\n".encode("utf-16"))
    art = ingest.read(path)
    assert art.title == "Judul" and art.text == "Putin tiba pada 3 Mei 2024.\n"


def _alias_bomb(levels: int = 10) -> str:
    """Front matter whose last key names 10**levels strings through ten levels of aliases."""
    rows = ["a0: &a0 [" + ", ".join(['"lol"'] * 10) + "]"]
    rows += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels)]
    return "---\n" + "\n".join(rows) + f"\ntitle: *a{levels - 1}\n---\nPutin tiba di Pyongyang pada 19 Juni 2024.\n"


def test_yaml_alias_bomb_in_front_matter_is_refused(tmp_path):
    import time

    from timeline import library

    raw = _alias_bomb()
    start = time.perf_counter()
    art = ingest.parse(raw, "bomb.md")
    assert art.title == "" and art.text.startswith("Putin")  # the fields are ignored, the body is read
    assert _besides_no_publication_date(art.problems) == (
        "front matter could not be read (the alias *a0 is refused (aliases can expand without bound) at line 3); "
        "its fields were ignored",)
    saved = library.save(tmp_path, "bomb.md", raw.encode())  # an upload: fingerprinted, saved, read
    assert saved.added and ingest.read(saved.path).problems == art.problems
    assert time.perf_counter() - start < 10  # linear work; the expansion took minutes and gigabytes


def test_broken_front_matter_names_its_line_of_the_file():
    art = ingest.parse("---\ntitle: ok\nbad: : x\n---\nIsi.\n", "a.md")
    assert art.problems[0].endswith("at line 3); its fields were ignored")


def test_one_invalid_utf8_byte_keeps_utf8_with_a_note(tmp_path, capsys):
    from timeline.cli import main

    path = tmp_path / "berita.txt"
    path.write_bytes("Menteri itu berkata, \u201cKami siap,\u201d saat Putin tiba pada 19 Juni 2024 \u2014 resmi.\n"
                     .encode() + b"Baris \xff rusak.\n")
    art = ingest.read(path)
    assert "\u201cKami siap,\u201d" in art.text and "Baris \ufffd rusak." in art.text  # no mac_iceland "‚Äú"
    assert _besides_no_publication_date(art.problems) == ("1 byte(s) are not valid UTF-8; they are shown as \ufffd",)
    assert main(["extract", str(path)]) == 0
    captured = capsys.readouterr()
    assert f"note: {path}: 1 byte(s) are not valid UTF-8" in captured.err and "2024-06-19" in captured.out


def test_a_windows_1252_file_with_one_accent_is_still_detected():
    assert ingest.decode("Putin tiba di caf\u00e9 pada 3 Mei 2024.".encode("cp1252"), "a.txt").endswith("caf\u00e9 pada 3 Mei 2024.")


def _besides_no_publication_date(problems: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(p for p in problems if not p.startswith("no publication date"))


def test_an_article_without_a_publication_date_says_so_and_how_to_give_one():
    wire = ingest.parse("JAKARTA, Aug 20 (Wire) - The court ruled yesterday.\n", "w.txt", lang="en")
    assert wire.published is None
    assert any(p.startswith("no publication date found") and "--published" in p for p in wire.problems)
    dated = ingest.parse("JAKARTA, Aug 20, 2024 (Wire) - The court ruled on Tuesday.\n", "d.txt", lang="en")
    assert dated.published is not None and not any("publication date" in p for p in dated.problems)


def test_a_wire_without_any_year_is_dated_by_its_leads_weekday_and_says_so(monkeypatch):
    from timeline.dates import layout

    class Today(dt.date):
        @classmethod
        def today(cls):
            return cls(2026, 12, 3)

    monkeypatch.setattr(layout, "date", Today)
    # 11 January was a Thursday in 2024, and in no other of the last five years.
    wire = ingest.parse("WASHINGTON, Jan 11 (Wire) - Jets struck targets late on Thursday.\n\nIt began on Oct 7.\n",
                        "w.txt", lang="en")
    assert wire.published == dt.date(2024, 1, 11)
    assert any("weekday" in p and "--published" in p for p in wire.problems)
    # A lead without a weekday names no year.
    assert ingest.parse("WASHINGTON, Jan 11 (Wire) - Jets struck.\n", "x.txt", lang="en").published is None
    # Bare years of the story's background are no floor to count from: 4 December was a
    # Wednesday in 2024 (and in 1991, the first such year after 1987); in 2025 it was the
    # Thursday after, which a lead may tell of too, but the lead's own day comes first.
    seoul = ingest.parse("SEOUL, Dec 4 (Wire) - Yoon lifted martial law in the early hours of Wednesday, the first "
                         "since 1979.\n\nThe country became a democracy in 1987.\n", "s.txt", lang="en")
    assert seoul.published == dt.date(2024, 12, 4)
    assert any("weekday" in p for p in seoul.problems)


def test_a_pages_own_stamp_line_beats_a_date_guessed_from_its_story():
    html = ("<html><body><article><h1>LIVE: Demo di DPR</h1>"
            "<p class='timestamp'>Diperbarui: Kamis, 22 Agu 2024 23:48 WIB</p>"
            "<p>Aksi hari ini dipicu keputusan DPR yang kemarin menyetujui revisi, sehari setelah putusan "
            "Mahkamah Konstitusi pada Selasa (20/8/2024). Massa berdatangan sejak pagi ini ke depan gedung DPR "
            "dan polisi menutup jalan di sekitarnya.</p></article></body></html>")
    assert ingest.html_article(html, "live.html", lang="id").published == dt.date(2024, 8, 22)


def test_a_live_blogs_time_headings_are_kept_and_its_stamp_dates_nothing():
    html = ("<html><body><article><h1>Live updates: strikes and a ceasefire</h1>"
            "<p class='stamp'>Started <time datetime='2025-05-06T16:20:00-04:00'>May 6, 2025, 4:20 PM ET</time> · "
            "Last updated <time datetime='2025-05-10T14:10:00-04:00'>May 10, 2025, 2:10 PM ET</time></p>"
            "<section><h2><time datetime='2025-05-10T14:10:00-04:00'>May 10, 2:10 PM ET</time></h2>"
            "<p>India's foreign secretary said in a late-night statement in New Delhi on Saturday that Pakistan had "
            "violated the understanding reached only hours earlier.</p></section></article></body></html>")
    article = ingest.html_article(html, "live.html", lang="en")
    assert "May 10, 2:10 PM ET" in article.text  # trafilatura alone drops the text of <time>
    rows = pipeline.extract_article(article)
    assert [(e.date.isoformat(), e.time_text) for e in rows] == [("2025-05-10", "Saturday")]


def test_a_live_entrys_heading_without_a_day_takes_the_day_of_its_markup():
    html = ("<html><body><article><h1>Live updates: a deal in Egypt</h1>"
            "<p class='stamp'><time datetime='2025-10-08T19:00:00-04:00'>Published Oct. 8, 2025, 7:00 p.m. ET</time></p>"
            "<section><h3><time datetime='2025-10-09T06:30:00-04:00'>6:30 a.m. ET, Thursday</time></h3>"
            "<p>Negotiators signed the first-phase document in Sharm el-Sheikh on Thursday, the presidency said. "
            "The cabinet meets <time datetime='2025-10-09'>later today</time>.</p></section>"
            "</article></body></html>")
    article = ingest.html_article(html, "live.html", lang="en")
    assert "2025-10-09 6:30 a.m. ET, Thursday" in article.text
    assert "meets later today" in article.text  # a <time> inside a sentence is left as written
    rows = pipeline.extract_article(article)
    assert [(e.date.isoformat(), e.time_text) for e in rows] == [("2025-10-09", "Thursday")]  # not 2 October


def test_a_live_entrys_clock_before_its_title_takes_the_day_of_its_markup():
    html = ("<html><body><article><h1>Live updates: Goma</h1>"
            "<p class='stamp'><time datetime='2025-01-26T09:30:00-05:00'>Jan. 26, 2025, 9:30 a.m. ET</time>"
            "</p><section><h2><time datetime='2025-01-27T08:20:00-05:00'>8:20 a.m. ET</time> &mdash; "
            "Mass escape from Goma prison</h2><p>Earlier today in Goma, thousands of inmates broke out of "
            "Munzenze central prison as fighting reached the city, witnesses said.</p></section>"
            "</article></body></html>")
    article = ingest.html_article(html, "live.html", published=dt.date(2025, 1, 26), lang="en")
    assert "2025-01-27 8:20 a.m. ET — Mass escape from Goma prison" in article.text
    rows = pipeline.extract_article(article)
    # the entry's title and its "Earlier today" are the entry's day, not the page's first
    assert {e.date.isoformat() for e in rows} == {"2025-01-27"}


def test_a_live_page_whose_entries_are_articles_keeps_every_entry_heading():
    entry = ("<article class='entry'><h2><time datetime='{day}T{clock}:00-04:00'>{label}</time></h2>"
             "<p>{text}</p></article>")
    html = ("<html><body><header><h1>Live updates: unrest after local elections</h1></header>"
            + entry.format(day="2025-10-04", clock="09:15", label="Oct. 4, 9:15 a.m. ET",
                           text="Polls are open across Georgia today for municipal elections.")
            + entry.format(day="2025-10-05", clock="03:20", label="Oct. 5, 3:20 a.m. ET",
                           text="The election commission said early Sunday that the ruling party had won "
                                "every race.")
            + "</body></html>")
    article = ingest.html_article(html, "live.html", lang="en")
    assert "Oct. 5, 3:20 a.m. ET" in article.text  # trafilatura kept only the first <article>'s heading
    rows = pipeline.extract_article(article)
    assert ("2025-10-05", "Sunday") in [(e.date.isoformat(), e.time_text) for e in rows]  # not 28 September


def test_a_live_pages_entries_with_titles_below_a_summary_keep_their_day_headings():
    page = Path(__file__).parent / "happenings" / "heldout_bk" / "en_liveblog_hajj_heat_deaths.html"
    article = ingest.html_article(page.read_text(encoding="utf-8"), page.name, lang="en")
    # trafilatura kept the paragraphs and dropped every heading of the entries loose on the <body>
    assert "June 22, 1:40 p.m. ET" in article.text and "June 16, 6:10 a.m. ET" in article.text
    assert "Saudi Arabia says 1,301 people died" in article.text  # the "What to know" list stays


def test_a_live_pages_section_entries_keep_their_clock_and_day_headings():
    page = Path(__file__).parent / "happenings" / "heldout_bb" / "en_liveblog_jaffar_express.html"
    article = ingest.html_article(page.read_text(encoding="utf-8"), page.name, lang="en")
    assert "9:45 a.m. ET, March 11" in article.text  # trafilatura kept only the first <section>'s heading
    rows = {e.sentence[:39]: e.date.isoformat() for e in pipeline.extract_article(article)}
    # "9:45 a.m. ET, March 11": the heading's day, not the day after the newest entry's
    assert rows["Prime Minister Shehbaz Sharif condemned"] == "2025-03-11"


def test_a_live_pages_summary_is_told_as_of_its_last_update_and_its_entries_from_their_headings():
    page = Path(__file__).parent / "happenings" / "heldout_bo" / "en_liveblog_alaska_blowout.html"
    article = ingest.html_article(page.read_text(encoding="utf-8"), page.name, lang="en")
    assert (article.published, article.updated) == (dt.date(2024, 1, 5), dt.date(2024, 1, 7))
    rows = {e.sentence[:36]: e.date.isoformat() for e in pipeline.extract_article(article)}
    # "What we know": "The FAA on Saturday ordered …", written on Sunday the 7th, not on Friday the 5th
    assert rows["- The FAA on Saturday ordered 171 Bo"] == "2024-01-06"
    assert rows["- The missing panel turned up Sunday"] == "2024-01-07"
    # a page updated once and stamped twice is no live page
    html = ("<html><head><meta property='article:published_time' content='2024-01-05T10:00:00'>"
            "<meta property='article:modified_time' content='2024-01-07T10:00:00'></head><body>"
            "<p>The court ruled on Friday that the law stands, its chief justice said.</p></body></html>")
    assert ingest.html_article(html, "story.html", lang="en").updated is None
    # a publication day the user gives stands for the whole page
    given = ingest.html_article(page.read_text(encoding="utf-8"), page.name, published=dt.date(2024, 1, 5),
                                lang="en")
    assert given.updated is None


def test_teaser_articles_of_other_pages_keep_their_tags():
    html = ("<html><body><article><h1>Main story</h1><p>The court ruled on Monday.</p></article>"
            "<article><h3>Related</h3><p>Another story.</p></article></body></html>")
    assert ingest._live_entries(html) == html


@pytest.mark.parametrize("front", ["terbit: Senin, 24 November 2025 07:00 WIB", "tanggal: 24/11/2025",
                                   "published: Monday, November 24, 2025"])
def test_the_front_matters_date_may_be_written_as_a_stamp_under_the_languages_key(front):
    article = ingest.parse(f"---\njudul: T\n{front}\n---\nTrump berjanji turun tangan pekan lalu.\n", "a.md", lang="id")
    assert article.published == dt.date(2025, 11, 24) and article.published_from == "front matter"
    assert not article.problems


def test_a_front_matter_date_that_names_no_day_is_reported():
    article = ingest.parse("---\nterbit: kapan-kapan\n---\nTrump berjanji turun tangan pekan lalu.\n", "a.md", lang="id")
    assert any("front matter 'terbit' is not a date" in p for p in article.problems)


@pytest.mark.parametrize("key", ["published", "date", "pubDate"])
def test_the_front_matters_date_is_the_publication_date(key):
    article = ingest.parse(f"---\ntitle: T\n{key}: 2025-04-29\n---\nNorth Korea confirmed it on Monday.\n",
                           "a.md", lang="en")
    assert article.published == dt.date(2025, 4, 29) and article.published_from == "front matter"


@pytest.mark.parametrize(("text", "want"), [
    ("KOLOM\n\nTEMPO.CO, Jakarta - Pekan lalu, Nicusor Dan dilantik sebagai presiden.\n\n"
     "Artikel ini telah tayang di Tempo edisi 2 Juni 2025. Isi kolom menjadi tanggung jawab penulis.", "2025-06-02"),
    ("The junta took power last week, officials said.\n\nA version of this article appeared in the print "
     "edition of June 2, 2025.", "2025-06-02"),
    # a month names no day of publication; a date in the story's text above is no closing line
    ("Pekan lalu, Dan dilantik.\n\nArtikel ini telah tayang di Tempo edisi Juni 2025.", None),
    ("The junta took power on June 2, 2025, officials said.\n\nReporting by Jane Doe.", None),
])
def test_a_closing_line_gives_the_publication_date_of_a_page_without_a_dateline(text, want):
    article = ingest.parse(text, "kolom.txt")
    assert (article.published.isoformat() if article.published else None) == want
    if want:
        assert article.published_from == "closing line"
