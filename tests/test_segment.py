"""Sentences: sentencex's, with a page's leads, list numbers and timeline entries' clauses."""
from __future__ import annotations

from timeline import segment


def test_a_timeline_entrys_clauses_after_a_semicolon_are_sentences_of_their_own():
    line = ("- **Oct 26** — Trump arrives in Kuala Lumpur; Timor-Leste is admitted; Anutin and Hun Manet "
            "sign the accord.")
    assert [s.text for s in segment.sentences(line, "en")] == [
        "- **Oct 26** — Trump arrives in Kuala Lumpur", "Timor-Leste is admitted",
        "Anutin and Hun Manet sign the accord."]


def test_a_timeline_entrys_clause_opening_with_a_same_day_anaphor_is_a_sentence_of_its_own():
    line = "- **October 23, 2024** — Machinists reject a second offer; the same day Boeing reports a loss."
    assert [s.text for s in segment.sentences(line, "en")] == [
        "- **October 23, 2024** — Machinists reject a second offer", "the same day Boeing reports a loss."]
    line = "- **Kamis (12/9/2024)** — Buruh menolak kontrak; pada hari yang sama Boeing merilis pernyataan."
    said = [s.text for s in segment.sentences(line, "id")]
    assert said[1] == "pada hari yang sama Boeing merilis pernyataan."


def test_a_semicolon_in_prose_or_before_a_lower_case_clause_ends_no_sentence():
    assert [s.text for s in segment.sentences("Talks stalled; Kyiv and Moscow blamed each other.", "en")] == [
        "Talks stalled; Kyiv and Moscow blamed each other."]
    entry = "- **Sep 8** — Paralympic closing ceremony; the Paralympic flag goes to Los Angeles."
    assert [s.text for s in segment.sentences(entry, "en")] == [entry]


def test_sentence_offsets_point_into_the_text():
    text = "Intro.\n\n- **Jul 24** — A landmine wounds five soldiers; Bangkok recalls its ambassador."
    for s in segment.sentences(text, "en"):
        assert text[s.start:s.end] == s.text
