"""The language files in data/lang/ are well-formed and complete."""
from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import lexicon


@pytest.mark.parametrize("path", sorted(lexicon.DATA_DIR.glob("*.yaml")), ids=lambda p: p.name)
def test_language_file_is_complete(path):
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    lexicon.check(raw, path)  # raises LexiconError naming the file and key


def test_a_broken_file_is_named(tmp_path):
    bad = tmp_path / "xx.yaml"
    with pytest.raises(lexicon.LexiconError, match="xx.yaml: missing keys"):
        lexicon.check({"date_order": "DMY"}, bad)


def test_both_languages_are_shipped():
    assert {p.stem for p in lexicon.DATA_DIR.glob("*.yaml")} >= {"id", "en"}


_WORDS = st.lists(st.text(alphabet="abſk ", min_size=1, max_size=5).filter(lambda w: w.strip() == w), min_size=1, max_size=6)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(_WORDS, st.text(alphabet="abſkKAB -.", max_size=30))
def test_literal_alternation_matches_as_the_plain_alternation(words, text):
    plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    for around in (r"(?<![\w-])(?:{})(?![\w-])", r"(?:{})\b", r"\s(?=(?:{})\s)", r"^(?:{}),?"):
        fast = re.compile(around.format(lexicon.literal_alternation(words)), re.I)
        slow = re.compile(around.format(plain), re.I)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in slow.finditer(text)]
