"""Places: the list, the gazetteer and its precision rules, metonyms, and places of merged events."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import make_event
from timeline import events, places
from timeline.errors import InputError
from timeline.merge import mention_of
from timeline.model import Article


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Indonesian and English forms, one canonical English name.
        ("Kim Jong Il menempuh perjalanan dengan kereta api ke Moskow pada 2001.", ["Moscow"]),
        ("Delegasi itu tiba di Moskwa pada Senin.", ["Moscow"]),
        ("Kim travelled to the Vostochny Cosmodrome in Russia's Far East.", ["Vostochny Cosmodrome", "Russian Far East"]),
        ("Kim bertemu Putin di Kosmodrom Vostochny, Timur Jauh Rusia.", ["Vostochny Cosmodrome", "Russian Far East"]),
        ("Xi hosted Kim at the Diaoyutai State Guesthouse.", ["Diaoyutai State Guesthouse"]),
        ("Pasukan Ukraina menyerbu wilayah Kursk di Rusia.", ["Kursk Oblast"]),
        ("North Korean units fought in Kursk Oblast.", ["Kursk Oblast"]),
        ("Rudal itu jatuh di Laut Timur.", ["Sea of Japan (East Sea)"]),
        # Gazetteer cities, accents folded as English news writes them.
        ("The talks were held in Khabarovsk.", ["Khabarovsk"]),
        ("North Korea blew up the liaison office in Kaesong.", ["Kaesong"]),
        ("Kim toured an aircraft factory in Komsomolsk-on-Amur.", ["Komsomolsk-on-Amur"]),
        # A country is an actor, not a place.
        ("Mereka bertemu di Beijing, China pada hari Rabu.", ["Beijing"]),
        ("North Korea sent troops to Russia.", []),
    ],
)
def test_places_named_in_both_languages(sentence, expected):
    assert list(places.names(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Pyongyang said it would help Moscow.", []),  # the state speaking
        ("Moskwa merespons dengan memperbarui doktrin nuklirnya.", []),
        ("Japan said on Wednesday that Tokyo was watching the situation.", []),
        ("Putin became the first Kremlin leader to visit Pyongyang.", ["Pyongyang"]),
        ("Putin will travel to Kazakhstan on Tuesday, the Kremlin said.", []),
        ("The two met at the Kremlin on Monday.", ["Kremlin"]),
        ("Officials met in Seoul and Tokyo.", ["Seoul", "Tokyo"]),  # joined to a place
        ("Maskapai itu menambah penerbangan langsung Moskow-Pyongyang.", ["Moscow", "Pyongyang"]),
    ],
)
def test_capitals_are_places_only_after_a_place_word(sentence, expected):
    assert list(places.names(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian President Vladimir Putin arrived.",  # Vladimir is a city, here a given name
        "US Defense Secretary Lloyd Austin met his counterpart.",
        "Lima tahun lalu, Rusia mendukung sanksi.",  # "lima" is five
        "Kedua negara meneken perjanjian pada Maret lalu.",
        "The treaty entered into force in March.",  # a month, and a town in England
        "Graham said the talks would go on.",  # a small town's name said by a person
        "Pasukan itu bekerja dengan rajin.",  # a lower-case word, not the port of Rajin
        "Nasib Malang menimpa para petani itu.",  # an Indonesian word, with no place word before it
        "Lima orang tewas dalam kecelakaan itu.",
    ],
)
def test_common_words_and_people_are_no_places(sentence):
    assert places.names(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The opening ceremony was held in Paris on Friday.", ("Paris",)),
        ("Prabowo arrived in Manila for talks with Marcos.", ("Manila",)),
        ("Leaders met in Lima for the APEC summit.", ("Lima",)),
        ("Gempa terasa di Padang dan di Bandung.", ("Padang", "Bandung")),
        ("Pasukan bertempur di medan perang.", ()),
    ],
)
def test_a_city_named_by_an_indonesian_word_is_a_place_after_a_place_word(sentence, expected):
    assert places.names(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "SEOUL, March 6 (Reuters) - North Korea has sent more troops.",
        "Jakarta, CNN Indonesia -- Korea Utara menembakkan sebuah rudal.",
        "JAKARTA (ANTARA) - Kementerian Transportasi Rusia mengumumkan rute baru.",
    ],
)
def test_a_dateline_is_where_the_story_was_filed_not_a_place(sentence):
    assert places.names(sentence) == ()


def test_a_shared_alias_goes_to_the_row_whose_context_is_nearest():
    port = "Kontainer dikirim dari pelabuhan Rajin ke pelabuhan Rusia seperti Vostochny dan Dunai, menurut citra satelit."
    assert places.names(port) == ("Rajin", "Vostochny Port", "Dunai")
    assert places.names("Kim tiba di Vostochny untuk melihat peluncuran roket.") == ("Vostochny Cosmodrome",)


def test_coordinates_of_list_rows_and_gazetteer_cities():
    assert places.coordinates("Pyongyang") == (39.0392, 125.7625)
    lat, lon = places.coordinates("Vladivostok")
    assert 42 < lat < 44 and 131 < lon < 133
    assert places.coordinates("Nowhere Land") is None


def test_every_list_row_loads_and_every_alias_finds_its_place():
    rows = places.load()
    assert len({p.name for p in rows}) == len(rows)
    for place in rows:
        for alias in place.aliases:
            if not place.context:  # shared aliases are tested above
                found = [m.name for m in places.find(f"Mereka bertemu di {alias} kemarin.")]
                assert place.name in found, (place.name, alias)


def test_a_bad_place_row_is_named(tmp_path):
    bad = tmp_path / "places.csv"
    bad.write_text("name,kind,lat,lon,aliases,context\nAtlantis,city,95,10,Atlantis,\n", encoding="utf-8")
    with pytest.raises(InputError, match="off the globe"):
        places.load(bad)
    bad.write_text("name,kind,lat,lon,aliases,context\nAtlantis,island,1,10,Atlantis,\n", encoding="utf-8")
    with pytest.raises(InputError, match="kind"):
        places.load(bad)


def test_places_of_an_article_event_and_of_a_merged_event():
    article = Article("Pada 18 Juni 2024, Putin dan Kim menandatangani traktat di Pyongyang.", "a.txt",
                      published=dt.date(2025, 9, 8))
    (event,) = events.extract(article)
    assert event.places == ("Pyongyang",)
    # A merged event holds the places of every report it stands for, its own first.
    a = make_event("aaaaaaaaaaaa", "2024-06-19", places=("Pyongyang",))
    b = make_event("bbbbbbbbbbbb", "2024-06-19", places=("Sunan International Airport", "Pyongyang"))
    merged = [make_event("aaaaaaaaaaaa", "2024-06-19", places=("Pyongyang",), mentions=(mention_of(a), mention_of(b)))]
    (out,) = events.merged_places(merged, [a, b])
    assert out.places == ("Pyongyang", "Sunan International Airport")


def test_union_keeps_first_mention_order():
    assert places.union([("Beijing",), (), ("Pyongyang", "Beijing")]) == ("Beijing", "Pyongyang")


def test_a_capital_after_a_cue_and_a_modifier_is_a_place_and_alone_it_is_the_state():
    assert places.names("Crowds are gathering outside the court in central Seoul.") == ("Seoul",)
    assert places.names("Strikes hit the outskirts in northern Gaza.") == ("Gaza",)
    assert places.names("Seoul said it would respond.") == ()
    assert places.names("Central Seoul was quiet.") == ()  # no cue before it


def test_an_indonesian_exonym_is_the_english_named_place():
    assert places.names("Duterte diterbangkan ke Den Haag, Belanda.") == ("The Hague",)
    assert places.names("Perundingan digelar di Jenewa, Swiss.") == ("Geneva",)
    assert places.names("Talks were held in Geneva.") == ("Geneva",)
