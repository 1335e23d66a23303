"""Shortcuts taken for speed give the answer of the plain computation they skip."""
from __future__ import annotations

import pytest

from timeline import concepts

TEXTS = [
    "The two leaders agreed on a three-phase deal.",
    "Jeda diperpanjang dua hari, kata juru bicara.",
    "Both sides freed twenty-two prisoners and the three ministers met.",
    "Kedua pihak sepakat; dua belas orang ditahan di Jakarta.",
    "Putin arrived on Tuesday.",
    "",
    "TWO \u212aILOMETRES, then seven.",  # Kelvin's K folds to k
    "\u0130ki g\u00fcn sonra, three talks.",  # "İ" lower-cases to two characters
    "Pada 24 Februari, tujuh orang tewas.",
]


def _plain(text: str, language: str) -> frozenset[str]:
    pattern, table, skip, _ = concepts._number_words(language)
    return frozenset(str(table[m.group(2).lower()]) for m in pattern.finditer(text)
                     if not (m.group(1) and m.group(1).split()[0].lower() in skip))


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("text", TEXTS)
def test_number_words_gate_gives_the_patterns_answer(text, language):
    assert concepts.numbers(text, language) == _plain(text, language)


def test_a_letter_that_folds_to_ascii_is_no_number_word_and_no_crash():
    # "ſix" matches the pattern case-insensitively but is no word of the table
    assert concepts.numbers("They waited \u017fix days.", "en") == frozenset()
    assert concepts.numbers("They waited six days.", "en") == {"6"}
