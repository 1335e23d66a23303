"""English glosses of a report's words: what two reports share across Indonesian and English."""
from __future__ import annotations

import pytest

from timeline import gloss
from timeline.errors import InputError


def test_english_words_become_their_stems_and_irregular_forms_their_base():
    assert gloss.of_word("rulings", "en") == gloss.of_word("ruling", "en")
    assert gloss.of_word("struck", "en") == gloss.of_word("strike", "en")
    assert gloss.of_word("the", "en") == frozenset()  # a stop word says nothing


def test_an_indonesian_word_is_glossed_through_its_root():
    assert gloss.of_word("usia", "id") & gloss.of_word("age", "en")
    assert gloss.of_word("penahanan", "id") & gloss.of_word("detained", "en")  # root tahan


def test_an_indonesian_root_the_glossary_lacks_stands_for_itself():
    assert gloss.of_word("zzkata", "id") == frozenset({"zzkata"})


def test_two_reports_of_one_ruling_share_more_than_two_rulings_of_one_day():
    threshold_en = gloss.of("The Constitutional Court lowered the threshold for nominating candidates", "en")
    threshold_id = gloss.of("Mahkamah Konstitusi menurunkan ambang batas pencalonan", "id")
    age_id = gloss.of("Mahkamah Konstitusi menegaskan syarat usia calon kepala daerah", "id")
    assert gloss.shared(threshold_en, threshold_id) > gloss.shared(threshold_en, age_id)


def test_shared_is_a_share_of_the_shorter_report_and_symmetric():
    a, b = gloss.of("Troops crossed the border", "en"), gloss.of("Pasukan melintasi perbatasan kemarin pagi", "id")
    assert 0.0 < gloss.shared(a, b) == gloss.shared(b, a) <= 1.0
    assert gloss.shared(a, ()) == 0.0


def test_words_in_skip_are_left_out():
    assert gloss.of("Talks on Tuesday", "en", frozenset({"tuesday"})) == gloss.of("Talks", "en")


def test_a_broken_glossary_is_named(tmp_path):
    bad = tmp_path / "lexicon.yaml"
    bad.write_text("id_en:\n  usia: age\n", encoding="utf-8")
    with pytest.raises(InputError, match="usia"):
        gloss._glossary(bad)
