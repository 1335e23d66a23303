"""The page's words: every language has every string, date labels read in the language."""
from __future__ import annotations

import pytest

from timeline import i18n


def test_every_string_has_every_translation():
    assert i18n.problems() == []


def test_a_missing_translation_fails(tmp_path, monkeypatch):
    for lang in i18n.LANGS:
        text = (i18n.UI_DIR / f"{lang}.yaml").read_text(encoding="utf-8")
        if lang == "id":
            text = text.replace('  tab_map: "Peta"\n', "")
        (tmp_path / f"{lang}.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setattr(i18n, "UI_DIR", tmp_path)
    i18n.catalogue.cache_clear()
    try:
        assert i18n.problems() == ["id: text.tab_map is missing"]
    finally:
        i18n.catalogue.cache_clear()


@pytest.mark.parametrize(("label", "id_label"), [
    ("24 Feb 2022", "24 Feb 2022"), ("3 May 2024", "3 Mei 2024"), ("since late 2023", "sejak akhir 2023"),
    ("early 2000s", "awal 2000-an"), ("week of 8 Sep 2025", "pekan 8 Sep 2025"), ("since Dec 2024", "sejak Des 2024"),
    ("last week of Oct 2024", "pekan terakhir Okt 2024"), ("2nd week of Aug 2024", "pekan ke-2 Agu 2024"),
    ("mid 21st century", "pertengahan abad ke-21"), ("Q3 2024", "kuartal 3 2024"), ("H1 2025", "semester 1 2025"),
    ("winter 2024/25", "musim dingin 2024/25"), ("until 2030", "hingga 2030"),
])
def test_date_labels_in_indonesian(label, id_label):
    assert i18n.catalogue("id").date_label(label) == id_label
    assert i18n.catalogue("en").date_label(label) == label


def test_language_from_url_then_locale():
    assert i18n.choose("id", "en-US") == "id"
    assert i18n.choose(None, "id") == "id" and i18n.choose(None, "en-GB") == "en" and i18n.choose(None, None) == "en"
    assert i18n.choose("fr", "fr-FR") == "en"


def test_types_and_precisions_are_named():
    ui = i18n.catalogue("id")
    assert ui.event_type("arms transfer") == "pengiriman senjata" and ui.precision("year_part") == "bagian tahun"
    assert ui.event_type("unknown kind") == "unknown kind"
