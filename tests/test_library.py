"""Adding articles to data/articles: atomic, deduplicated, never overwriting."""
from __future__ import annotations

import datetime as dt

import pytest

from timeline import InputError, ingest, library

BODY = "Jakarta, Senin (8/9/2025) - Presiden Rusia bertemu Kim Jong Un pada 3 September 2025 di Beijing."


def test_data_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(library.DATA_ENV, str(tmp_path))
    assert library.data_dir() == tmp_path and library.articles_dir() == tmp_path / "articles"
    monkeypatch.delenv(library.DATA_ENV)
    assert library.data_dir() == library.DEFAULT_DATA


def test_save_writes_the_bytes_once(tmp_path):
    first = library.save(tmp_path, "berita.txt", BODY.encode())
    assert first.added and first.path == tmp_path / "berita.txt"
    assert first.path.read_bytes() == BODY.encode()
    # The same content again, under any name or spacing, is not added twice.
    again = library.save(tmp_path, "copy.txt", ("\ufeff" + BODY.replace(" ", "  ") + "\r\n").encode())
    assert not again.added and again.path == first.path and "Already" in again.message
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["berita.txt"]


def test_a_different_article_with_a_taken_name_gets_a_new_name(tmp_path):
    library.save(tmp_path, "berita.txt", BODY.encode())
    other = library.save(tmp_path, "berita.txt", b"Artikel lain pada 1 Mei 2024.")
    assert other.added and other.path.name == "berita-2.txt"
    assert (tmp_path / "berita.txt").read_bytes() == BODY.encode()
    assert library.save(tmp_path, "berita.txt", b"Yang ketiga, 2 Mei 2024.").path.name == "berita-3.txt"


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("virus.exe", b"MZ", "not an article file"),
    ("kosong.txt", b"  \n", "is empty"),
    ("biner.txt", b"\x00\x01\x02binary", "binary"),
])
def test_bad_input_is_refused_with_its_name(tmp_path, name, data, problem):
    with pytest.raises(InputError, match=problem) as err:
        library.save(tmp_path, name, data)
    assert name.split(".")[0] in str(err.value)
    assert not [p for p in tmp_path.iterdir() if not p.name.startswith(".")]


def test_names_cannot_leave_the_folder(tmp_path):
    saved = library.save(tmp_path / "articles", "../../etc/passwd.txt", b"Teks 1 Mei 2024.")
    assert saved.path.parent == tmp_path / "articles" and saved.path.name == "passwd.txt"


def test_pasted_text_becomes_markdown_with_front_matter(tmp_path):
    saved = library.save_text(tmp_path, BODY, title="Putin: bertemu Kim", published=dt.date(2025, 9, 8),
                              url="https://example.org/a")
    assert saved.path.name == "2025-09-08-putin-bertemu-kim.md"
    article = ingest.read(saved.path)
    assert (article.title, article.published, article.url) == ("Putin: bertemu Kim", dt.date(2025, 9, 8),
                                                                "https://example.org/a")
    assert article.text.strip() == BODY
    # The same body pasted with a different title is the same article.
    assert not library.save_text(tmp_path, BODY, title="Other title").added


def test_pasted_text_without_metadata(tmp_path):
    saved = library.save_text(tmp_path, "Pada 1 Mei 2024 sesuatu terjadi.")
    assert saved.path.name == "pada-1-mei-2024-sesuatu-terjadi.md"
    assert saved.path.read_text(encoding="utf-8") == "Pada 1 Mei 2024 sesuatu terjadi.\n"
    with pytest.raises(InputError, match="empty"):
        library.save_text(tmp_path, "   ")


def test_fetched_article_is_saved_with_its_metadata(tmp_path):
    article = ingest.parse(BODY, "page.html", published=dt.date(2025, 9, 8), title="Judul", url="https://x.id/a")
    saved = library.save_article(tmp_path, article)
    back = ingest.read(saved.path)
    assert (back.title, back.url, back.published) == ("Judul", "https://x.id/a", dt.date(2025, 9, 8))


# Event tables in data/tables (a researcher's `extract -o` output) shown beside the articles.
from conftest import make_event  # noqa: E402
from timeline import SCHEMA, exports, to_csv, to_frame  # noqa: E402


@pytest.fixture
def researched():
    return to_frame([make_event("t1", "2019-04-25", actors=("Russia", "North Korea"), title="=HYPERLINK(1)"),
                     make_event("t2", "2023-09-01", "2023-12-31", precision="year_part", actors=("Russia",))])


def test_a_table_reads_back_in_the_schema_sorted(tmp_path, researched):
    (tmp_path / "tables").mkdir()
    path = tmp_path / "tables" / "riset.csv"
    path.write_bytes(exports.csv_bytes(researched.iloc[::-1]))  # with the BOM of the page's download
    assert library.table_files(tmp_path) == [path]
    got = library.read_table(path)
    assert list(got.columns) == list(SCHEMA) and list(got["event_id"]) == ["t1", "t2"]
    assert got.loc[0, "title"] == "=HYPERLINK(1)" and got["confidence"].dtype == "float64"


def test_a_table_of_an_older_version_gets_the_later_columns(tmp_path, researched):
    path = tmp_path / "old.csv"
    later = ["source_count", "corrected", "sources", "date_note", "importance"]
    path.write_text(researched.drop(columns=later).to_csv(index=False), encoding="utf-8")
    got = library.read_table(path)
    assert list(got["source_count"]) == [1, 1] and list(got["corrected"]) == ["", ""]
    assert list(got["importance"]) == [0.0, 0.0] and list(got.columns) == list(SCHEMA)


BAD_TABLES = {  # what is wrong: (how to spoil a good table's CSV text, what the message says)
    "empty": (lambda text: "", "is empty"),
    "utf-16": (lambda text: text.encode("utf-16").decode("latin-1"), "not UTF-8"),
    "other columns": (lambda text: "nama,tanggal\nKim,kemarin\n", "column(s) event_id, date"),
    "renamed column": (lambda text: text.replace("event_id,", "id,", 1), "column(s) event_id are missing"),
    "bad date": (lambda text: text.replace('"2019-04-25","2019-04-25"', '"24/4/2019","2019-04-25"'),
                 "line 2: date '24/4/2019' is not a date"),
    "bad precision": (lambda text: text.replace("year_part", "sometime"), "line 3: precision 'sometime' is not one of"),
    "bad confidence": (lambda text: text.replace(",0.9,", ",sangat,", 1), "not an event table"),
    "impossible day": (lambda text: text.replace('"2019-04-25","2019-04-25"', '"2019-02-30","2019-02-30"'), "not a real day"),
}


@pytest.mark.parametrize("spoilt", BAD_TABLES)
def test_a_bad_table_is_named_with_its_problem(tmp_path, researched, spoilt):
    spoil, problem = BAD_TABLES[spoilt]
    path = tmp_path / "riset.csv"
    path.write_bytes(spoil(to_csv(researched)).encode("latin-1" if spoilt == "utf-16" else "utf-8"))
    with pytest.raises(InputError, match="riset.csv") as caught:
        library.read_table(path)
    assert problem in str(caught.value)


def test_merge_tables_keeps_each_event_once_and_sorts(researched):
    base = to_frame([make_event("a1", "2020-01-01"), make_event("t1", "2019-04-25", title="from the article")])
    merged = library.merge_tables(base, [researched])
    assert list(merged["event_id"]) == ["t1", "a1", "t2"]
    assert merged.set_index("event_id").loc["t1", "title"] == "from the article"  # the page's own row wins
    assert library.merge_tables(base, []) is base


def test_contents_change_when_a_file_changes(tmp_path, researched):
    before = library.contents(tmp_path)
    assert before[1] == ()
    (tmp_path / "tables").mkdir()
    (tmp_path / "tables" / "riset.csv").write_text(to_csv(researched), encoding="utf-8")
    after = library.contents(tmp_path)
    assert after[1][0][0].endswith("riset.csv") and after != before


def test_year_0_in_an_event_table_is_shown_at_year_1_with_a_note(tmp_path, researched):
    from timeline import filters

    path = tmp_path / "riset.csv"
    path.write_text(to_csv(researched).replace('"2019-04-25","2019-04-25"', '"0000-02-29","0000-03-01"'),
                    encoding="utf-8")
    got = library.read_table(path).set_index("event_id")
    assert (got.loc["t1", "date"], got.loc["t1", "date_end"]) == ("0001-01-01", "0001-01-01")
    assert got.loc["t1", "date_label"].endswith("(the table says 0000-02-29 to 0000-03-01; year 0 is shown as "
                                                "0001-01-01, the first day the page can show)")
    assert got.loc["t2", "date_label"] == researched.set_index("event_id").loc["t2", "date_label"]
    assert filters.date_bounds(got.reset_index())[0] == dt.date(1, 1, 1)


@pytest.mark.parametrize("char", ["\U00020000", "\u4e2d", "\ud55c", "\u0e01"])  # 4-byte CJK, 3-byte CJK, Hangul, Thai
def test_long_file_names_in_3_and_4_byte_scripts_are_cut_by_bytes(tmp_path, char):
    name = char * 60
    saved = library.save(tmp_path, f"{name}.txt", "Putin tiba pada 3 Mei 2024.".encode())
    assert saved.added and len(saved.path.name.encode()) <= library.MAX_NAME_BYTES
    assert saved.path.stem.strip(char) == ""  # whole characters only
    again = library.save(tmp_path, f"{name}.txt", "Kim tiba pada 4 Mei 2024.".encode())  # the name is taken
    assert again.path.name != saved.path.name and len(again.path.name.encode()) <= library.MAX_NAME_BYTES + 4
    pasted = library.save_text(tmp_path, "Isi berita pada 5 Mei 2024.", title=name, published=dt.date(2024, 5, 5))
    assert pasted.added and len(pasted.path.name.encode()) <= library.MAX_NAME_BYTES


def test_a_failed_save_names_the_article_not_the_server_path(tmp_path, monkeypatch):
    from timeline import store

    def too_long(path, data):
        raise OSError(36, "File name too long", str(path))

    monkeypatch.setattr(store, "write_atomic", too_long)
    with pytest.raises(InputError) as caught:
        library.save(tmp_path, "berita.txt", "Putin tiba pada 3 Mei 2024.".encode())
    assert str(caught.value) == "berita.txt: could not be saved (File name too long)"
    assert str(tmp_path) not in str(caught.value)
