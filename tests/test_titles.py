"""Headlines: stripped of openers, dates, captions and attributions; cut at clause bounds."""
from __future__ import annotations

import pytest

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
