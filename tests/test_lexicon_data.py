"""The Indonesian-English news lexicon: keys are Sastrawi roots, values plain English words."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from timeline import taxonomy

PATH = Path(__file__).resolve().parent.parent / "data" / "lexicon_id_en.yaml"
WORD = re.compile(r"[a-z]+")
# Keys the stemmer would not give back unchanged, kept on purpose (none so far).
NOT_ROOTS: frozenset[str] = frozenset()
# Derived forms met in news and the key each must land on.
DERIVED = {
    "menewaskan": "tewas", "penahanan": "tahan", "pemerintah": "perintah", "kebakaran": "bakar",
    "kecelakaan": "celaka", "perbatasan": "batas", "pejabat": "jabat", "pasukan": "pasu",
    "pemungutan": "mungut", "pengunjuk": "unjuk", "disetujui": "tuju", "kesepakatan": "sepakat",
    "gencatan": "gencat", "dilantik": "lantik", "penyerangan": "serang", "diluncurkan": "luncur",
}


@pytest.fixture(scope="module")
def lexicon() -> dict:
    return yaml.load(PATH.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


@pytest.fixture(scope="module")
def stemmer():
    # The project's Sastrawi stemmer: the stock one with its dictionary in a set (same roots, far faster).
    return taxonomy._stemmer()


def test_both_sections_and_enough_entries(lexicon):
    assert set(lexicon) == {"id_en", "en_irregular"}
    assert len(lexicon["id_en"]) >= 1500
    assert len(lexicon["en_irregular"]) >= 150


def test_no_key_is_written_twice():
    # A YAML mapping keeps the last of two equal keys silently; count the raw lines instead.
    seen: dict[str, set[str]] = {}
    section = ""
    for line in PATH.read_text(encoding="utf-8").splitlines():
        if re.match(r"\w+:", line):
            section = line.split(":")[0]
        elif m := re.match(r"  ([^:#\s]+):", line):
            keys = seen.setdefault(section, set())
            assert m.group(1) not in keys, f"{PATH.name}: {section}.{m.group(1)} twice"
            keys.add(m.group(1))
    assert len(seen["id_en"]) >= 1500


def test_every_key_is_a_sastrawi_root(lexicon, stemmer):
    wrong = {k: stemmer.stem(k) for k in lexicon["id_en"] if k not in NOT_ROOTS and stemmer.stem(k) != k}
    assert not wrong, f"{PATH.name}: keys that are not roots (key: root): {wrong}"


@pytest.mark.parametrize("word,root", sorted(DERIVED.items()))
def test_news_forms_land_on_a_key(lexicon, stemmer, word, root):
    assert stemmer.stem(word) == root
    assert root in lexicon["id_en"]


def test_values_are_one_to_five_lowercase_words(lexicon):
    for key, values in lexicon["id_en"].items():
        assert isinstance(key, str) and WORD.fullmatch(key), f"{PATH.name}: key {key!r}"
        assert isinstance(values, list) and 1 <= len(values) <= 5, f"{PATH.name}: {key}: {values!r}"
        for value in values:
            assert isinstance(value, str) and WORD.fullmatch(value), f"{PATH.name}: {key}: {value!r}"
        assert len(set(values)) == len(values), f"{PATH.name}: {key} repeats a word"


def test_irregular_forms_map_to_other_lowercase_words(lexicon):
    for form, base in lexicon["en_irregular"].items():
        assert isinstance(form, str) and WORD.fullmatch(form), f"{PATH.name}: {form!r}"
        assert isinstance(base, str) and WORD.fullmatch(base), f"{PATH.name}: {form}: {base!r}"
        assert form != base
