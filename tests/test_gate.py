"""The start gate must find every match the full scan of a rule finds, no more, no less."""
from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import grammar
from timeline.dates.gate import Gate
from timeline.dates.scan import rule_matches, scan

LANGUAGES = ("id", "en", "fr")  # fr: an unknown language on the English words and dateparser's months


def _pieces(language: str) -> list[str]:
    """Return the grammar's own words in three casings, with date-like tokens and separators."""
    g = grammar.build(language)
    words = set(g.months) | set(g.weekdays) | set(g.units) | set(g.qualifiers) | set(g.numbers) | set(g.ordinals)
    for key in ("deictic", "anaphoric", "unit_after", "unit_before", "count_after", "month_after",
                "month_before", "weekday_after", "weekday_before"):
        words |= set(g.lex.table(key))
    for key in ("year_words", "month_words", "day_words", "date_words", "times_of_day", "duration_before",
                "duration_after", "quarter_words", "half_words", "century_words", "decade_words",
                "decade_suffixes", "clock_cues", "clock_words", "time_zones", "range_join", "month_cues"):
        words |= set(g.lex.words(key))
    words = sorted(w for w in words if w)
    return (words + [w.title() for w in words] + [w.upper() for w in words]
            + ["2024", "1998", "24", "5", "07", "1990-an", "'90s", "12/03/2024", "2024-03-05", "10.30", "10:15",
               "Q1", "2H", "XXI", "ke-3", "21st", "the", "of", "se", "Rp", "%", "Putin", "said", "é", "Ü"])


_SEPARATORS = st.sampled_from([" ", " ", " ", ", ", ". ", "-", " – ", "\n", "\n\n", " (", ") ", "/", ""])


@st.composite
def _texts(draw, language: str) -> str:
    pieces = _pieces(language)
    parts = draw(st.lists(st.tuples(st.sampled_from(pieces), _SEPARATORS), max_size=25))
    return "".join(a + b for a, b in parts)


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_gated_rules_match_the_full_scan(language, data):
    text = data.draw(_texts(language))
    g = grammar.build(language)
    if g.gate.positions(text) is None:
        return  # the full scan runs: nothing to compare
    for (name, rx), found in zip(g.rules, rule_matches(text, g)):
        assert [m.span() for m in found] == [m.span() for m in rx.finditer(text)], name


@pytest.mark.parametrize("text", [
    "Pada 24 Februari 2022, Putin menyerang. Sejak awal Maret lalu, harga naik 5 persen.",
    "Kamis (17/10/2013) pukul 10.30 WIB, dua pekan lalu, kuartal III-2024",
])
def test_scan_with_and_without_gate_agree(text):
    g = grammar.build("id")
    full = dataclasses.replace(g, gate=Gate(None, (), (), ()))
    strip = [(c.start, c.end, c.rule, c.kind, c.event, c.reason, c.label_prefix) for c in scan(text, g)]
    assert strip == [(c.start, c.end, c.rule, c.kind, c.event, c.reason, c.label_prefix) for c in scan(text, full)]
    assert strip


def test_every_shipped_rule_is_gated():
    for language in ("id", "en"):
        g = grammar.build(language)
        assert g.gate.finder is not None
        assert all(a is not None for a in g.gate.rule_atoms), language


@pytest.mark.parametrize("text", ["İstanbul, 5 Mei 2024", "ſeptember 2024", "\u212aamis 2024", "ıanuari 2024"])
def test_letters_that_fold_to_ascii_take_the_full_scan(text):
    assert grammar.build("id").gate.positions(text) is None


def test_accent_free_text_outside_ascii_is_gated():
    assert grammar.build("id").gate.positions("“Kami tiba 5 Mei 2024” – katanya") is not None


def test_letters_a_rule_spells_out_gate_it_as_a_word():
    # "(?:the\s+)?" opens several English rules: they are tried where "the" stands,
    # not at every word that starts with a t ("took").
    g = grammar.build("en")
    text = "the year 2024 took long"
    names = [name for name, _ in g.rules]
    tried = {p: {names[r] for r in rules} for p, rules in g.gate.positions(text)}
    assert "year_word" in tried[0]
    assert text.index("took") not in tried


def test_a_rule_is_not_tried_right_after_a_character_its_lookbehind_refuses():
    # bare_year refuses to start right after "." ("14.000" holds no year at "000"); the
    # rules that refuse only a word character or "-" are still tried there.
    g = grammar.build("id")
    text = "Sebanyak 14.000 tentara"
    names = [name for name, _ in g.rules]
    tried = {p: {names[r] for r in rules} for p, rules in g.gate.positions(text)}
    assert "bare_year" in tried[text.index("14")]
    assert "bare_year" not in tried[text.index("000")] and "count" in tried[text.index("000")]


def test_a_small_class_the_template_spells_out_gates_as_words():
    # "(?P<o2>[1-4])Q" and "H(?P<o>[12])": tried where "2Q" or "H1" stands, not at every
    # digit or every word that starts with h.
    g = grammar.build("id")
    names = [name for name, _ in g.rules]
    assert g.gate.positions("harga naik") == []
    tried = {p: {names[r] for r in rules} for p, rules in g.gate.positions("2Q24 dan H1 2024")}
    assert "quarter_q" in tried[0] and "half_h" in tried[9]
    assert not any({"quarter_q", "half_h"} & rules for p, rules in tried.items() if p not in (0, 9))
