"""Verb-like words (data/verbs.yaml): what makes a headline a clause and a key a happening."""
from __future__ import annotations

import pytest

from timeline import verbs
from timeline.errors import InputError


@pytest.mark.parametrize(
    ("language", "text", "want"),
    [
        ("en", "Russia's then defence minister, Sergei Shoigu, visited Pyongyang", True),
        ("en", "Russia's then defence minister, Sergei Shoigu", False),
        ("en", "Kim will attend a ceremony", True),
        ("en", "Lavrov is hosting his counterpart", True),
        ("en", "North Korea blew up the liaison office", True),
        ("en", "Russia warns North Korea", True),
        ("en", "Peace talks and missile tests", False),
        ("en", "A missile test and a military parade", False),  # bare stems are mostly nouns in news
        ("en", "The United Nations Security Council, with Russia's support", False),
        ("en", "A meeting with Ahmed in Berlin", False),  # capitalised words inside are names
        ("en", "one hundred soldiers", False),
        ("id", "Presiden Rusia Vladimir Putin mengunjungi Pyongyang", True),
        ("id", "Kim Jong Un tiba di Moskow", True),
        ("id", "Perjanjian itu berlaku", True),
        ("id", "Traktat itu ditandatangani di Pyongyang", True),
        ("id", "Menteri Pertahanan Korea Selatan", False),  # "menteri" is a root, not meN- + teri
        ("id", "Berita dari dinas intelijen", False),
        ("id", "Kunjungan Kim melalui Vladivostok menurut laporan", False),
        ("id", "Resolusi Dewan Keamanan PBB 2397", False),
        ("id", "Rusia bersama Korea Utara", False),
    ],
)
def test_has_verb(language, text, want):
    assert verbs.has_verb(text, language) is want


def test_verb_ends_point_past_each_verb():
    text = "Kim tiba di Moskow dan bertemu Putin"
    assert [text[:e].rsplit(" ", 1)[-1] for e in verbs.verb_ends(text, "id")] == ["tiba", "bertemu"]


@pytest.mark.parametrize(
    ("language", "key", "want"),
    [
        ("en", "Date signed", True),
        ("en", "Signed", True),
        ("en", "Ratified by Russia", True),
        ("en", "Entered into force", True),
        ("en", "Date of signing", True),
        ("en", "Summit", True),
        ("en", "Date Effective", False),
        ("en", "Data cut-off", False),
        ("en", "As of", False),
        ("en", "Location", False),
        ("id", "Tanggal penandatanganan", True),
        ("id", "Disahkan Duma Negara", True),
        ("id", "Berlaku efektif", True),
        ("id", "Tanggal kunjungan", True),
        ("id", "Tanggal", False),
        ("id", "Batas data", False),
        ("id", "Waktu", False),
    ],
)
def test_names_happening(language, key, want):
    assert verbs.names_happening(key, language) is want


def test_a_language_without_words_falls_back_to_english():
    assert verbs.has_verb("Kim visited Moscow", "fr")


def test_bad_file_is_named(tmp_path):
    bad = tmp_path / "verbs.yaml"
    bad.write_text("en:\n  verbs: [said]\n", encoding="utf-8")
    with pytest.raises(InputError, match="lacks the lists"):
        verbs.words("en", bad)


@pytest.mark.parametrize("language", ["en", "id"])
def test_kept_token_readings_give_the_answers_a_fresh_reading_gives(language):
    # _spans keeps each token's reading per language; asked again, and after the readings are
    # dropped, every text gives the same verbs (a token read in one text is read alike in another).
    texts = ["Kim is visiting Moscow, Putin said.", "“Kami bertemu,” kata Putin (Rusia) pada 2024.",
             "SEOUL — North Korea, which tested missiles, said: talks ended.",
             "Mengunjungi pabrik, Kim tiba."]
    first = [(verbs.verb_spans(t, language), verbs.first_verb(t, language, 5)) for t in texts]
    again = [(verbs.verb_spans(t, language), verbs.first_verb(t, language, 5)) for t in texts]
    verbs.words(language).tokens.clear()
    fresh = [(verbs.verb_spans(t, language), verbs.first_verb(t, language, 5)) for t in texts]
    assert first == again == fresh
    assert verbs.words(language).tokens  # the readings are kept


def test_news_verbs_in_their_s_forms_count():
    assert verbs.has_verb("Mahinda Rajapaksa resigns as prime minister", "en")
    assert verbs.has_verb("The president dissolves parliament", "en")
