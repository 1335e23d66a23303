"""Actors: aliases in both languages, case rules, hyphen pairs, surnames, borrowed actors."""
from __future__ import annotations

import pytest

from timeline import actors
from timeline.errors import InputError
from timeline.segment import sentences


def names(text: str) -> list[str]:
    return [m.name for m in actors.find(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Korut kembali menembakkan rudal.", "North Korea"),
        ("Pejabat Korsel menolak berkomentar.", "South Korea"),
        ("Intelijen AS menyebut hal itu.", "United States"),
        ("Amerika Serikat menjatuhkan sanksi baru.", "United States"),
        ("Tiongkok menyerukan ketenangan.", "China"),
        ("Setelah Uni Soviet runtuh, relasi merenggang.", "Soviet Union"),
        ("Sekjen PBB menyatakan keprihatinan.", "United Nations"),
        ("Uni Eropa memperpanjang sanksi.", "European Union"),
        ("The DPRK said the drills were a provocation.", "North Korea"),
        ("Moskow menyambut delegasi itu.", "Russia"),
        ("The Kremlin declined to comment.", "Russia"),
        ("Officials in Kiev and Kyiv agreed.", "Ukraine"),
        ("Gedung Putih belum menanggapi.", "United States"),
        ("The White House said nothing.", "United States"),
        ("Tokyo memprotes peluncuran itu.", "Japan"),
        ("Pasukan Rusia maju di timur.", "Russia"),
        ("pasukan rusia maju di timur.", "Russia"),
        ("Russian troops advanced.", "Russia"),
        ("North Korean soldiers were seen.", "North Korea"),
        ("Ukrainian drones struck a depot.", "Ukraine"),
        ("The Soviet leadership agreed.", "Soviet Union"),
        ("Menurut Yonhap, peluncuran terjadi pagi hari.", "Yonhap"),
        ("TASS melaporkan kunjungan itu.", "TASS"),
        ("Xinhua reported the talks.", "Xinhua"),
        ("RIA Novosti published photos.", "RIA Novosti"),
        ("Lavrov tiba di Wonsan.", "Sergei Lavrov"),
        ("Menteri Pertahanan Andrei Belousov hadir.", "Andrei Belousov"),
        ("Xi menyambut kedua tamunya.", "Xi Jinping"),
        ("Presiden Lee Jae-myung berbicara.", "Lee Jae-myung"),
        ("Menlu Choe Son Hui bertemu Lavrov.", "Choe Son Hui"),
        ("Zelenskyy urged allies to act.", "Volodymyr Zelensky"),
        # institutions and spelling variants standing for their state
        ("Badan Intelijen Nasional menyebut angka itu.", "National Intelligence Service"),
        ("Delegasi Partai Buruh Korea tiba di Moskow.", "Workers' Party of Korea"),
        ("Duma Negara menyetujui naskah itu.", "State Duma"),
        ("The bill passed the Federation Council.", "State Duma"),
        # a veto is cast in the UN Security Council
        ("Rusia memveto resolusi tersebut.", "United Nations"),
        ("China vetoed the draft.", "United Nations"),
        # "the North" of Korea news, capitalised as written
        ("The talks followed the North's fifth nuclear test.", "North Korea"),
        ("The North fired two missiles.", "North Korea"),
    ],
)
def test_alias_is_found(text, name):
    assert name in names(text)


@pytest.mark.parametrize(
    "text",
    [
        "Dia datang as usual.",  # English "as" is not the United States
        "They told us about it.",
        "Harga naik menjadi US$ 5 juta.",  # a currency, not a state
        "The eu-style rules.",
        "Rusiana datang.",  # whole words only
        "the putin-like smile of a clown",  # names need a capital first letter
        "Snow fell in the north of the country.",  # "the North" only capitalised
        "Ships crossed the North Atlantic.",  # nor before another name
    ],
)
def test_case_and_word_rules_keep_false_alarms_out(text):
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hubungan Rusia-Korut makin erat.", ["Russia", "North Korea"]),
        ("The Russia-North Korea treaty took effect.", ["Russia", "North Korea"]),
        ("Kerja sama Korea Utara–Rusia meningkat.", ["North Korea", "Russia"]),
        ("AS-Korsel menggelar latihan.", ["United States", "South Korea"]),
        ("Sino-Russian ties deepened.", ["China", "Russia"]),
    ],
)
def test_hyphen_pairs_each_found(text, expected):
    assert names(text) == expected


def test_bare_surname_is_the_person_named_before():
    text = "Kim Yo Jong mengecam latihan itu. Kakaknya Kim Jong Un tiba. Kim lalu bertemu Putin."
    assert names(text) == ["Kim Yo Jong", "Kim Jong Un", "Kim Jong Un", "Vladimir Putin"]


def test_bare_surname_before_the_full_name_takes_the_one_named_after():
    assert names("Kim tiba di stasiun. Pemimpin Kim Jong Un disambut.") == ["Kim Jong Un", "Kim Jong Un"]


def test_bare_surname_of_nobody_named_is_ignored():
    assert names("Kim memimpin rapat itu.") == []
    # "Kim Yong Chol" is another person, not a short form of the Kim named before.
    assert names("Kim Jong Un hadir. Kim Yong Chol juga.") == ["Kim Jong Un"]


def test_all_capital_caption_names_are_found():
    assert names("Kim Jong Un dan Putin. KIM DAN PUTIN - Foto.") == [
        "Kim Jong Un", "Vladimir Putin", "Kim Jong Un", "Vladimir Putin",
    ]


def test_people_add_their_country_and_state_media_add_theirs():
    states, people = actors.names(actors.find("Kim Jong Un memuji pasukan, menurut KCNA."))
    assert states == ("North Korea", "KCNA")
    assert people == ("Kim Jong Un",)
    states, _ = actors.names(actors.find("Putin berbicara, menurut laporan KCNA."))
    assert set(states) == {"Russia", "KCNA", "North Korea"}
    # A news agency that only reports does not make its state an actor.
    states, _ = actors.names(actors.find("Yonhap melaporkan Korut menembakkan rudal."))
    assert "South Korea" not in states


def casts(text: str) -> list[actors.Cast]:
    return actors.by_sentence(text, sentences(text))


def test_sentence_without_actors_borrows_from_the_sentence_before():
    text = (
        "Namun, Rusia dan Korea Utara sama-sama membantah tuduhan itu.\n\n"
        "Pada Januari 2024 saja, terjadi hingga tujuh kali pengiriman."
    )
    first, second = casts(text)
    assert not first.inferred
    assert second.actors == ("Russia", "North Korea") and second.inferred


def test_borrowing_prefers_the_paragraph():
    text = "Putin tiba di Pyongyang. Cuaca cerah. Pada hari itu terjadi beberapa pertemuan panjang."
    last = casts(text)[-1]
    assert last.actors == ("Russia", "North Korea") and last.people == ("Vladimir Putin",)
    assert last.inferred


def test_short_lines_and_the_first_sentence_borrow_nothing():
    text = "Senin, 8 September 2025\n\nRusia menyerang.\n\nSelasa pagi"
    assert [c.actors for c in casts(text)] == [(), ("Russia",), ()]


def test_pair_reference_fills_up_to_two_states():
    text = "Kim Jong Un tiba di Vladivostok untuk bertemu Putin. Putin menyebut hubungan kedua negara istimewa."
    second = casts(text)[1]
    assert set(second.actors) == {"Russia", "North Korea"} and second.inferred


def test_pair_reference_takes_the_pair_the_article_names_together_most():
    # "the two countries" points past sentences about a third state to the article's pair
    text = (
        "North Korea sent more troops to Russia. "
        "Pyongyang and Moscow deny any arms trade. "
        "Seoul's spy agency briefed lawmakers on the troops. "
        "South Korea's Joint Chiefs of Staff announced drills with North Korea in mind. "
        "Kim Jong Un inspected a shipyard on the coast. "
        "The two countries signed a mutual defence pact in June 2024."
    )
    last = casts(text)[-1]
    assert set(last.actors) == {"North Korea", "Russia"} and last.inferred


def test_pair_reference_right_after_two_states_takes_those():
    text = (
        "Russia and North Korea signed a pact. Russia and North Korea held drills. "
        "Donald Trump said he would reach out to Kim Jong Un again. "
        "The two leaders met three times between 2018 and 2019."
    )
    assert set(casts(text)[-1].actors) == {"United States", "North Korea"}


def test_pair_reference_does_not_borrow_the_sentence_before_first():
    # the sentence names nobody itself: the pair, not the previous sentence's states
    text = (
        "Rusia dan Korea Utara meneken pakta. Rusia dan Korea Utara menggelar latihan. "
        "Shoigu bertemu Kim Jong Un di Pyongyang. "
        "Korea Selatan menghentikan siaran propaganda di perbatasan. "
        "Pembangunan jembatan antara kedua negara dimulai pada 30 April lalu."
    )
    assert set(casts(text)[-1].actors) == {"Russia", "North Korea"}


def test_sentence_naming_actors_is_not_inferred():
    text = "Rusia dan Korut bertemu. Ukraina menolak pertemuan itu pada hari yang sama."
    assert casts(text)[1] == actors.Cast(("Ukraine",), (), False)


def test_bad_actor_file_is_named(tmp_path):
    bad = tmp_path / "actors.csv"
    bad.write_text("name,kind,country,adds_country,aliases,short_names\nX,planet,,,X-alias,\n", encoding="utf-8")
    with pytest.raises(InputError, match="planet"):
        actors.load(bad)
    with pytest.raises(InputError, match="cannot read"):
        actors.load(tmp_path / "missing.csv")


def test_actor_file_is_well_formed():
    rows = actors.load()
    assert len({a.name for a in rows}) == len(rows)
    countries = {a.name for a in rows if a.kind == "country"}
    for a in rows:
        assert a.aliases, a.name
        if a.country:
            assert a.country in countries, f"{a.name}: country {a.country!r} is no country row"


@pytest.mark.parametrize("text", ["Harga turun 1 dollar AS per barel.", "Kantor di Amerika Latin tutup."])
def test_phrases_that_name_no_actor_hide_the_alias_inside(text):
    assert names(text) == []


def _casts(text: str) -> list[tuple[str, ...]]:
    return [c.actors for c in casts(text)]


def test_an_institution_named_like_indonesias_is_indonesias_only_in_indonesian_stories():
    # The sentence names another state: that state's court.
    assert _casts("South Korea's Constitutional Court removed Yoon from office on Friday.") == [("South Korea",)]
    assert _casts("Mahkamah Konstitusi Thailand memberhentikan Paetongtarn pada Jumat.") == [("Thailand",)]
    # The article is about another state: the bare name is that state's court.
    korea = ("South Korea's parliament impeached Han Duck-soo. South Korea's won fell.\n\n"
             "The Constitutional Court reinstated Han on 24 March 2025.")
    assert "Constitutional Court of Indonesia" not in _casts(korea)[-1]
    # An Indonesian story, or a sentence that names Indonesia: Indonesia's court.
    assert _casts("Mahkamah Konstitusi menurunkan ambang batas pencalonan kepala daerah.")[0][0] == (
        "Constitutional Court of Indonesia")
    mixed = "South Korea's won fell. South Korea's court ruled.\n\nIndonesia's Constitutional Court ruled too."
    assert "Constitutional Court of Indonesia" in _casts(mixed)[-1]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sri Lankan President Gotabaya Rajapaksa fled Colombo.", ["Sri Lanka"]),
    ("Protesters marched in Kathmandu.", ["Nepal"]),
    ("Junta Niger menahan Presiden Bazoum di Niamey.", ["Niger"]),
    ("Belanda dan the Netherlands are one state.", ["Netherlands"]),  # a hand-written row, not a generated one
    ("The governor of New Jersey spoke.", []),
])
def test_every_state_is_an_actor(text, expected):
    assert sorted(set(names(text))) == expected


def test_the_generated_states_are_what_the_script_writes():
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("countries", root / "tools" / "countries.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    text = script.ACTORS.read_text(encoding="utf-8")
    _, known = script.hand_written(text)
    written = [line.split(",")[0] for line in text.split(script.MARK)[1].strip().splitlines()]
    assert written == [r[0] for r in script.rows(known)]
