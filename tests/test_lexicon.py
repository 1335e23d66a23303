"""The language files in data/lang/ are well-formed and complete."""
from __future__ import annotations

import pytest
import yaml

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
