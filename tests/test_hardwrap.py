"""Tests for joining the lines of hard-wrapped paragraphs."""
from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from timeline import hardwrap, ingest, pipeline

WRAPPED = (
    "On 16 December 2024, Deputy Prime Minister and Minister of Finance Chrystia Freeland resigned from\n"
    "cabinet, hours before she was scheduled to deliver the fall economic statement. The statement was\n"
    "tabled by Karina Gould on the same day. Dominic LeBlanc was sworn in as finance minister later that\n"
    "day.\n"
)


def test_a_paragraph_of_even_lines_is_one_line():
    text, joined = hardwrap.unwrap(WRAPPED)
    assert joined == 3
    assert text.count("\n") == 1 and text.endswith("day.\n")
    assert "resigned from cabinet, hours" in text


def test_a_list_item_takes_its_indented_lines_and_the_next_item_stays_apart():
    raw = ("- **Jan 16** — Former Bank of Canada and Bank of England governor Mark Carney launches his\n"
           "  leadership bid in Edmonton.\n"
           "- **Jan 20** — Trump is inaugurated.\n"
           "  - a nested item stays an item\n")
    text, joined = hardwrap.unwrap(raw)
    assert joined == 1
    assert text.split("\n")[0].endswith("launches his   leadership bid in Edmonton.")
    assert text.split("\n")[1:3] == ["- **Jan 20** — Trump is inaugurated.",
                                     "  - a nested item stays an item"]


def test_one_paragraph_per_line_news_is_left_alone():
    raw = ("KYIV, June 5 (Reuters) - Russia launched a large drone attack on Kyiv overnight, officials.\n"
           "The attack damaged several residential buildings in the capital and wounded at least four.\n"
           "Air defence units destroyed most of the incoming drones, the air force said on Thursday.\n")
    assert hardwrap.unwrap(raw) == (raw, 0)


def test_a_headline_above_its_byline_and_short_lines_stay_apart():
    raw = ("UPDATE 2-Trump leaves the G7 summit early as Middle East tensions rise sharply\n"
           "By Radu Vintilescu and Martha Greaves\n")
    assert hardwrap.unwrap(raw) == (raw, 0)
    head = ("Treaty on Comprehensive Strategic Partnership (Russia–North Korea)\n"
            "From OpenLedger, the free reference encyclopedia\nLast edited on 2 August 2025\n")
    assert hardwrap.unwrap(head) == (head, 0)
    stamp = "Selasa, 29 April 2025 14:05 WIB\nPenulis: Fajar Nugraha\nEditor: Wulan Ayuningtyas\n"
    assert hardwrap.unwrap(stamp) == (stamp, 0)


def test_a_two_line_paragraph_joins_only_where_the_sentence_goes_on_in_lower_case():
    raw = ("The governing Liberal Party, led by Prime Minister Mark Carney, won a fourth consecutive\n"
           "term, forming a minority government.\n")
    assert hardwrap.unwrap(raw)[1] == 1


def test_code_blocks_headings_tables_and_hard_breaks_are_kept():
    raw = ("```\nline one of some code that is long enough to look like wrapped prose text\n"
           "second line of the same code block that is also long enough to look wrapped\n"
           "third line of the same code block that is also long enough to look wrapped\n```\n\n"
           "| Date | 28 April 2025 and some more words to make this row long enough |\n"
           "| Seats | 343 seats in the House of Commons, 172 needed for a majority |\n\n"
           "A line that ends with a Markdown hard break made of two trailing spaces  \n"
           "and the next line that continues it but must stay on a line of its own\n"
           "and a third line long enough to make the paragraph look evenly wrapped.\n")
    text, joined = hardwrap.unwrap(raw)
    assert joined == 1
    assert "spaces  \nand the next line that continues it but must stay on a line of its own and a" in text


@given(st.text(alphabet=st.sampled_from("ab .\n-*#|  1)"), max_size=300))
def test_unwrap_only_turns_newlines_into_spaces(raw):
    text, joined = hardwrap.unwrap(raw)
    assert len(text) == len(raw)
    changed = [(a, b) for a, b in zip(raw, text) if a != b]
    assert all(pair == ("\n", " ") for pair in changed) and len(changed) == joined


def test_a_wrapped_article_gives_whole_sentences():
    art = ingest.parse("# The election\n\n" + WRAPPED, "a.md", published=dt.date(2025, 5, 1), lang="en")
    events = pipeline.extract_article(art)
    freeland = next(e for e in events if "Freeland" in e.sentence)
    assert freeland.date == dt.date(2024, 12, 16)
    assert freeland.sentence.endswith("resigned from cabinet, hours before she was scheduled to deliver "
                                      "the fall economic statement.")
    assert "\n" not in freeland.sentence
