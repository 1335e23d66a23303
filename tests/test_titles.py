"""Headlines: stripped of openers, dates, captions and attributions; cut at clause bounds."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import titles, verbs
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


# Kinds of sentence whose main clause hides behind furniture, appositives or clauses
# (sentences written for these tests).
@pytest.mark.parametrize(
    ("sentence", "time_text", "language", "expected"),
    [
        # an appositive between subject and verb: kept when it fits ...
        ("Russia's then defence minister, Sergei Shoigu, visited Pyongyang in July 2023.", "July 2023", "en",
         "Russia's then defence minister, Sergei Shoigu, visited Pyongyang"),
        # ... and dropped, keeping the name, when the headline is too long
        ("Russia's then defence minister, Sergei Shoigu, visited Pyongyang in July 2023 to attend a military "
         "parade marking the armistice anniversary.", "July 2023", "en", "Sergei Shoigu visited Pyongyang"),
        ("Kim's father, Kim Jong Il, made a return trip to Russia a year later, crossing the country by "
         "armored train over several weeks.", "a year later", "en",
         "Kim Jong Il made a return trip to Russia, crossing the country"),
        # "X, the Y of Z, said ...": the saying is the main clause, not an attribution tail
        ("Sergei Lavrov, the foreign minister of Russia, said on Friday that the treaty would take effect within "
         "weeks, after both parliaments had ratified it.", "Friday", "en",
         "Sergei Lavrov said that the treaty would take effect within weeks"),
        ("China, North Korea's main ally and economic lifeline, has kept a cautious distance from the military "
         "cooperation, though a Chinese delegation visited Pyongyang in April 2024.", "April 2024", "en",
         "China has kept a cautious distance from the military cooperation"),
        # a participle between commas is no main verb
        ("UN Security Council Resolution 2397, adopted in late 2017, ordered member states to send home every "
         "North Korean worker within 24 months.", "late 2017", "en",
         "UN Security Council Resolution 2397 ordered member states"),
        # Indonesian relative clause between commas, and a comma left between subject and verb
        ("Presiden Rusia Vladimir Putin, yang tiba di Pyongyang pada Rabu (19/6/2024) dini hari, mengunjungi "
         "Kim Jong Un di Istana Kumsusan.", "Rabu (19/6/2024) dini hari", "id",
         "Presiden Rusia Vladimir Putin mengunjungi Kim Jong Un di Istana Kumsusan"),
        ("Kementerian Pertahanan Korea Selatan, Senin (16/6), menyebut Pyongyang mengirim 3.000 tentara.",
         "Senin (16/6)", "id", "Kementerian Pertahanan Korea Selatan menyebut Pyongyang mengirim 3.000 tentara"),
        # a relative clause without commas whose time expression closed it
        ("Latihan militer gabungan Korea Selatan dan Amerika Serikat yang dimulai Senin (4/3) dijadwalkan "
         "berlangsung selama sebelas hari penuh di sekitar Semenanjung Korea.", "Senin (4/3)", "id",
         "Latihan militer gabungan Korea Selatan dan Amerika Serikat dijadwalkan berlangsung…"),
        # the time expression as the subject stays
        ("The early 1990s were especially hard for North Korea, which lost its supply of subsidised oil.",
         "The early 1990s", "en", "The early 1990s were especially hard for North Korea"),
        # captions and credits
        ("Foto: Kim Jong Un dan Vladimir Putin berjabat tangan di Vladivostok, 25 April 2019.", "25 April 2019",
         "id", "Kim Jong Un dan Vladimir Putin berjabat tangan di Vladivostok"),
        ("Photo: Kim Jong Un and Vladimir Putin shake hands in Vladivostok on April 25, 2019.", "April 25, 2019",
         "en", "Kim Jong Un and Vladimir Putin shake hands in Vladivostok"),
        ("Kim Jong Un and Vladimir Putin shake hands in Vladivostok on April 25, 2019. (Reuters)",
         "April 25, 2019", "en", "Kim Jong Un and Vladimir Putin shake hands in Vladivostok"),
        ("Kim Jong Un and Vladimir Putin shake hands in Vladivostok on April 25, 2019. REUTERS/Pool/Kremlin",
         "April 25, 2019", "en", "Kim Jong Un and Vladimir Putin shake hands in Vladivostok"),
        # bylines, site tags, wire datelines, reference marks
        ("By Jane Doe | Kim Jong Un arrived in Moscow on Tuesday.", "Tuesday", "en", "Kim Jong Un arrived in Moscow"),
        ("TRIBUNNEWS.COM, MOSKOW - Putin menyambut Kim pada Kamis (25/4/2019).", "Kamis (25/4/2019)", "id",
         "Putin menyambut Kim"),
        ("BERITABALI.COM, DUNIA. Pemimpin Korea Utara bertemu Presiden Rusia pada 25 April 2019.", "25 April 2019",
         "id", "Pemimpin Korea Utara bertemu Presiden Rusia"),
        ("SEOUL, March 6 (Reuters) - North Korea has sent more troops to Russia, officials said on Wednesday.",
         "Wednesday", "en", "North Korea has sent more troops to Russia"),
        ("Jakarta, CNN Indonesia -- Korea Utara menembakkan rudal balistik pada Senin (10/2).", "Senin (10/2)",
         "id", "Korea Utara menembakkan rudal balistik"),
        ("North Korean units were first reported in combat in Kursk Oblast in early November 2024.[13]",
         "early November 2024", "en", "North Korean units were first reported in combat in Kursk Oblast"),
        # no dangling preposition where the time expression stood
        ("More than 1,000 soldiers arrived between January and February, the agency said.", "January and February",
         "en", "More than 1,000 soldiers arrived"),
        ("Panel ahli PBB memantau pelaksanaan sanksi dari 2009 hingga April 2024, ketika mandatnya berakhir.",
         "2009 hingga April 2024", "id", "Panel ahli PBB memantau pelaksanaan sanksi, ketika mandatnya berakhir"),
        ("Putin paid a state visit to Pyongyang on 19 June 2024, during which the two leaders signed the Treaty "
         "on Comprehensive Strategic Partnership.", "19 June 2024", "en", "Putin paid a state visit to Pyongyang"),
    ],
)
def test_title_is_a_main_clause_with_its_verb(sentence, time_text, language, expected):
    title = title_of(sentence, time_text, language)
    assert title == expected
    assert verbs.has_verb(title, language)


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


_DANGLING = {language: {w.lower() for w in read_yaml(titles.TITLES_FILE, "")[language]["dangling"]}
             for language in ("id", "en")}


@pytest.fixture(scope="module")
def golden_events():
    """Every event of the golden articles (the articles their gold files name)."""
    from conftest import ROOT
    from timeline import extract_paths
    from timeline.evaluate import load_gold

    golden = ROOT / "tests" / "golden"
    return extract_paths([golden / load_gold(p).file for p in sorted(golden.glob("*.json"))]).events


def test_golden_titles_are_short_whole_words_and_never_dangle(golden_events):
    for e in golden_events:
        title = e.title
        assert 0 < len(title) <= TITLE_MAX, title
        last = re.findall(r"[\w'’-]+", title.rstrip("…"))[-1]
        assert last.lower() not in _DANGLING[e.language], title
        # never mid-word: the title's last word is a whole word of the sentence
        assert re.search(rf"(?<![\w'’-]){re.escape(last)}(?![\w'’-])", e.sentence, re.I), (title, e.sentence)


# Titles of the golden corpus that hold no verb-like word (bench/titles.py prints them): 19 of
# 283 before titles kept their verb, 2 after (a key–value label, "Tanggal penandatanganan", and a
# copula-less Indonesian clause, "Laporan tersebut berdasarkan ..."). The bound leaves room for
# one or two more such sentences in the corpus, not for titles that lose their verb again.
VERBLESS_MAX = 4


def test_golden_titles_keep_a_verb(golden_events):
    verbless = [e.title for e in golden_events if not verbs.has_verb(e.title, e.language)]
    assert len(verbless) <= VERBLESS_MAX, verbless


_TITLE_PIECES = ["Kim", "Putin", "bertemu", "met", "signed", "yang", "who", "the", "of", "dan", "and", ",", ", ",
                 " - ", "|", "Foto:", "SEOUL,", "(Reuters)", "[3]", "KOMPAS.com", "pada", "Rabu", "2024", "menteri",
                 "Presiden", "…", "\u00a0", "", "İ", "ı"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(st.tuples(st.sampled_from(_TITLE_PIECES), st.sampled_from([" ", "", ", ", "  "])), max_size=40),
    st.sampled_from(["", "Rabu", "2024", "pada Rabu", "the"]),
    st.sampled_from(["id", "en"]),
)
def test_any_sentence_gets_a_title_within_the_limit(parts, time_text, language):
    sentence = "".join(a + b for a, b in parts)
    title = title_of(sentence, time_text, language)
    assert len(title) <= TITLE_MAX
    assert title == title.strip()


def test_a_title_has_no_markdown_marks():
    assert title_of("- **June 2** — A second round of talks opens in Istanbul.", "June 2", "en") == \
        "A second round of talks opens in Istanbul"
    assert not title_of("# Peace talks resume in Istanbul on 16 May 2025", "16 May 2025", "en").startswith("#")


def test_the_rest_of_a_clock_before_an_entrys_title_is_no_part_of_it():
    assert title_of("2024-09-17 2:10 a.m. ET — Reports of gunfire in Bamako", "2024-09-17 2:10", "en") == (
        "Reports of gunfire in Bamako")
    assert title_of("Senin (27/1/2025) pukul 19.45 WIB: Goma jatuh", "Senin (27/1/2025)", "id") == "Goma jatuh"
