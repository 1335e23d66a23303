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
