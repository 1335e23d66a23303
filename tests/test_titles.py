"""Headlines: stripped of openers, dates, captions and attributions; cut at clause bounds."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import titles
from timeline.datafile import read_yaml
from timeline.titles import TITLE_MAX, title_of


@pytest.mark.parametrize(
    ("sentence", "time_text", "language", "expected"),
    [
        ("Pada 24 Februari 2022, Putin menginstruksikan serangan terhadap Ukraina.", "24 Februari 2022", "id",
         "Putin menginstruksikan serangan terhadap Ukraina"),
        ("Sementara itu, Lavrov tiba di Pyongyang pada Jumat (12/7/2024).", "Jumat (12/7/2024)", "id",
         "Lavrov tiba di Pyongyang"),
        ("Puncaknya, pada 18 Juni 2024, kedua pemimpin meneken traktat di Pyongyang.", "18 Juni 2024", "id",
         "Kedua pemimpin meneken traktat di Pyongyang"),
        ("Korut menembakkan rudal balistik pada hari Senin, kata Kepala Staf Gabungan Korsel.", "Senin", "id",
         "Korut menembakkan rudal balistik"),
        ("Kim memuji pasukan itu sebagai pahlawan, menurut laporan KCNA pada hari Kamis.", "Kamis", "id",
         "Kim memuji pasukan itu sebagai pahlawan"),
        ("KIM DAN PUTIN - Foto diambil pada Kamis (4/9/2025), memperlihatkan Putin (kanan) duduk bersama Kim.",
         "Kamis (4/9/2025)", "id", "Putin duduk bersama Kim"),
        ("TRIBUNNEWS.COM - Kim Jong Un tiba di Moskow pada Selasa.", "Selasa", "id", "Kim Jong Un tiba di Moskow"),
        ("On Friday, Russia and North Korea signed a treaty, officials said.", "Friday", "en",
         "Russia and North Korea signed a treaty"),
        ("MOSCOW (Reuters) - Putin hailed North Korean troops on Wednesday.", "Wednesday", "en",
         "Putin hailed North Korean troops"),
        ('"We will always stand with Russia," Kim said on Thursday, according to KCNA.', "Thursday", "en",
         "We will always stand with Russia"),
        ("Meanwhile, in late 2023, containers moved from Rajin to Russian ports.", "late 2023", "en",
         "Containers moved from Rajin to Russian ports"),
    ],
)
def test_title_is_the_predicate_clause(sentence, time_text, language, expected):
    assert title_of(sentence, time_text, language) == expected


def test_long_sentence_is_cut_at_a_clause_boundary_not_mid_phrase():
    sentence = (
        "Kim Jong Un dan Vladimir Putin menandatangani traktat kemitraan strategis di Pyongyang "
        "yang mewajibkan kedua negara saling membantu bila salah satunya diserang pihak lain."
    )
    title = title_of(sentence, "", "id")
    assert len(title) <= TITLE_MAX
    assert title == "Kim Jong Un dan Vladimir Putin menandatangani traktat kemitraan strategis di Pyongyang"


@pytest.mark.parametrize("language", ["id", "en"])
def test_title_never_exceeds_the_limit(language):
    sentence = " ".join(["Panjangsekalikatanya"] * 12) + "."
    assert len(title_of(sentence, "", language)) <= TITLE_MAX


def test_sentence_that_is_only_a_date_keeps_itself():
    assert title_of("Senin, 8 September 2025", "Senin, 8 September 2025", "id") == "Senin, 8 September 2025"


def _regex_drop_time(text: str, time_text: str, language: str) -> str:
    """The one-pattern removal `titles._drop_time` must equal (it avoids compiling per time text)."""
    words = read_yaml(titles.TITLES_FILE, "the headline words")[language]["time_words"]
    pattern = rf"(?:\b(?:{titles._alt(words)})\s+){{0,3}}{re.escape(time_text)}(?:\s*\([^()]*\))?"
    return re.sub(pattern, " ", text, count=1, flags=re.I) if time_text else text


_PIECES = ["pada", "Pada hari", "PADA", "sejak", "akhir", "hari", "on", "On", "the", "of", "late", "Rabu",
           "akhir 2023", "2024", "Kim", "(3/3)", "(", ")", ",", "İ", "ı", "ſ", "\u212a", "é", "–"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", " ", "  ", "\t", "", "-"])), max_size=12),
    st.sampled_from(["Rabu", "akhir 2023", "on", "hari", "2024", "of the", "ſeptember", "K", "mid–2024"]),
    st.sampled_from(["id", "en"]),
)
def test_dropping_the_time_text_is_the_regex_it_replaces(parts, time_text, language):
    text = "".join(a + b for a, b in parts)
    assert titles._drop_time(text, time_text, titles.words(language)) == _regex_drop_time(text, time_text, language)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=" \t\n\u00a0,;:.!?-–—ab", max_size=30))
def test_tidy_text_stays_as_it_is(text):
    # title_of tidies again only what a removal changed
    once = titles._tidy(text)
    assert titles._tidy(once) == once
