"""Event types from cue words in both languages, in priority order."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline import taxonomy
from timeline.errors import InputError
from timeline.segment import sentences

SEED_GOLD = Path("/work/shared/eval/dev/seed_tribun_kim_putin.json")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Kedua menteri bertemu di Moskow untuk membahas kerja sama.", "id", "meeting"),
        ("Lavrov melakukan kunjungan resmi ke Pyongyang.", "id", "diplomacy"),
        ("Kedua negara meneken kesepakatan kerja sama energi.", "id", "agreement"),
        ("Dokumen itu ditandatangani oleh kedua menteri luar negeri.", "id", "agreement"),
        ("Parlemen Rusia meratifikasi traktat tersebut.", "id", "agreement"),
        ("Pyongyang mengirimkan ribuan pasukan ke wilayah Kursk.", "id", "deployment"),
        ("Rusia mengerahkan tambahan pasukan di perbatasan.", "id", "deployment"),
        ("Korut diduga memasok peluru artileri kepada Moskow.", "id", "arms transfer"),
        ("Rusia melancarkan serangan besar ke Kyiv.", "id", "military"),
        ("Korut meluncurkan rudal ke Laut Timur.", "id", "military"),
        ("Sedikitnya 30 prajurit tewas dalam pertempuran itu.", "id", "casualties"),
        ("Dewan Keamanan PBB menjatuhkan sanksi baru.", "id", "sanctions"),
        ("Volume perdagangan kedua negara naik tajam.", "id", "economic"),
        ("Kedua negara membuka hubungan diplomatik.", "id", "diplomacy"),
        ("Kementerian Luar Negeri mengatakan situasi terkendali.", "id", "statement"),
        ("Kim memuji tentara yang gugur sebagai pahlawan.", "id", "statement"),
        ("Paus Fransiskus wafat pada usia 88 tahun di Casa Santa Marta.", "id", "casualties"),
        ("Cuaca di ibu kota cerah sepanjang hari.", "id", "other"),
        ("Putin and Kim met in Vladivostok.", "en", "meeting"),
        ("The two leaders signed a mutual defence treaty.", "en", "agreement"),
        ("North Korea has deployed about 11,000 troops to Russia.", "en", "deployment"),
        ("Pyongyang supplied millions of artillery shells to Moscow.", "en", "arms transfer"),
        ("Russian forces launched an attack on Kharkiv.", "en", "military"),
        ("Some 2,000 soldiers were killed, Seoul's spy agency said.", "en", "casualties"),
        ("The UN Security Council imposed new sanctions.", "en", "sanctions"),
        ("Bilateral trade rose by a fifth.", "en", "economic"),
        ("Moscow and Pyongyang restored diplomatic ties.", "en", "diplomacy"),
        ("The foreign ministry said it was monitoring the situation.", "en", "statement"),
        ("Kim praised the fallen soldiers as heroes.", "en", "statement"),
        ("Francis dies at his residence at the age of 88.", "en", "casualties"),
        ("Police fired live ammunition at protesters; the death toll rose.", "en", "military"),
        ("Polisi melepaskan tembakan peluru tajam ke arah massa.", "id", "military"),
        ("The weather was fine.", "en", "other"),
    ],
)
def test_sentence_gets_its_type(text, language, expected):
    assert taxonomy.classify(text, language) == expected


def test_priority_puts_content_before_attribution():
    # "said" is weak: the treaty is the news.
    assert taxonomy.classify("Russia and North Korea signed a treaty, officials said.", "en") == "agreement"
    # Deaths outrank the deployment that led to them.
    assert taxonomy.classify("Sekitar 2.000 tentara yang dikirim ke Rusia telah tewas.", "id") == "casualties"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # the main clause decides: a cue in a relative or purpose clause weighs less
        ("The two countries signed a defence pact that obliges each side to provide military aid.", "en", "agreement"),
        ("Kedua negara meneken traktat yang memuat klausul bantuan militer.", "id", "agreement"),
        ("Delegasi Rusia akan tiba di Pyongyang untuk menghadiri peringatan perjanjian.", "id", "diplomacy"),
        ("Ties between the two states date back to 1945, when Soviet troops occupied the north.", "en", "military"),
        # "X said that Y": the saying is the event; "Y, X said" and "Menurut X, Y": Y is
        ("The spy agency reported that Pyongyang had begun sending troops to Russia.", "en", "statement"),
        ("KCNA melaporkan sehari kemudian bahwa Kim menyaksikan uji coba rudal.", "id", "statement"),
        ("More than 1,000 soldiers arrived in January, the spy agency said.", "en", "deployment"),
        ("Menurut NIS, 1.500 personel pasukan khusus diangkut kapal Rusia.", "id", "deployment"),
        ("Intelijen memperkirakan ada 2.000 tentara yang dikirim ke Rusia telah tewas.", "id", "casualties"),
        # a subordinate clause opening the sentence is not the main clause
        ("After the talks, the ministers signed a memorandum.", "en", "agreement"),
        # a weak cue (travel) yields to a meeting anywhere in the sentence
        ("Kim travelled by train to Vladivostok, where he met Putin.", "en", "meeting"),
        ("Kim menempuh perjalanan dengan kereta untuk bertemu Putin.", "id", "meeting"),
        ("Kim Jong Il menempuh perjalanan panjang ke Moskow.", "id", "diplomacy"),
        # kinds the cue lists gained
        ("Tourists from Russia visited the ski resort.", "en", "economic"),
        ("Rombongan wisatawan Rusia berkunjung ke Korea Utara.", "id", "economic"),
        ("Kim meninjau sebuah pabrik amunisi.", "id", "military"),
        ("Duma Negara menyetujui naskah tersebut.", "id", "agreement"),
        ("Ukraine launched an incursion into Kursk.", "en", "military"),
        ("The North test-fired cruise missiles.", "en", "military"),
        ("Ukraine said the soldiers had suffered heavy losses.", "en", "casualties"),
        ("NIS pertama kali mengungkap pengiriman pasukan tersebut.", "id", "statement"),
        ("Yoon declared martial law late on Tuesday.", "en", "other"),
        ("North Korea declared that it would no longer seek reunification.", "en", "statement"),
        ("The diplomats met in the latest sign of deepening ties.", "en", "meeting"),
    ],
)
def test_clause_and_cue_rules(text, language, expected):
    assert taxonomy.classify(text, language) == expected


def test_main_clause_is_cut_at_the_first_subordinating_word():
    assert taxonomy.main_clause("Kim said that troops would go.", "en") == ("Kim said ", "that")
    assert taxonomy.main_clause("Rusia menyerang Kyiv.", "id") == ("Rusia menyerang Kyiv.", "")
    assert taxonomy.main_clause("Setelah bertemu, keduanya meneken pakta yang baru.", "id") == (
        "keduanya meneken pakta ",
        "yang",
    )


def test_bad_clause_file_is_named(tmp_path):
    bad = tmp_path / "clauses.yaml"
    bad.write_text("subordinate:\n  en: that\n", encoding="utf-8")
    with pytest.raises(InputError, match="clauses.yaml"):
        taxonomy.clause_words("en", bad)


def test_weak_flag_must_be_boolean(tmp_path):
    bad = tmp_path / "types.yaml"
    bad.write_text("- type: statement\n  weak: maybe\n  en: [said]\n", encoding="utf-8")
    with pytest.raises(InputError, match="weak"):
        taxonomy.load(bad)


def test_indonesian_cues_match_roots():
    for word in ("mengirim", "dikirim", "pengiriman"):
        assert taxonomy.classify(f"Korut {word} pasukan ke Rusia.", "id") == "deployment"


def test_every_type_has_cues_in_both_languages():
    groups = taxonomy.load()
    for kind in taxonomy.TYPES:
        if kind == taxonomy.OTHER:
            continue
        for language in ("id", "en"):
            assert any(g.type == kind and g.language == language and g.cues for g in groups), (kind, language)


def test_bad_type_file_is_named(tmp_path):
    bad = tmp_path / "types.yaml"
    bad.write_text("- type: weather\n  id: [hujan]\n", encoding="utf-8")
    with pytest.raises(InputError, match="weather"):
        taxonomy.load(bad)


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="shared seed gold not present")
def test_seed_gold_types():
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    text = SEED_GOLD.with_suffix(".txt").read_text(encoding="utf-8")
    sents = [s.text for s in sentences(text, "id")]
    typed = [ev for ev in gold["events"] if "type" in ev]
    right = sum(
        taxonomy.classify(next(s for s in sents if ev["anchor"] in s), "id") == ev["type"] for ev in typed
    )
    assert right / len(typed) >= 0.9


GOLDEN = Path(__file__).resolve().parent / "golden"


def test_golden_corpus_types_meet_the_floor():
    from timeline import ingest

    right = total = 0
    for gold_file in sorted(GOLDEN.glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        article_file = GOLDEN / gold["file"]
        if not article_file.exists():
            continue
        article = ingest.read(article_file)
        sents = [s.text for s in sentences(article.text, article.language)]
        for ev in gold["events"]:
            sentence = next((s for s in sents if ev["anchor"] in s), None)
            if "type" not in ev or sentence is None:
                continue
            total += 1
            right += taxonomy.classify(sentence, article.language) == ev["type"]
    if not total:
        pytest.skip("no typed golden events")
    print(f"golden sentences typed right: {right}/{total} = {right / total:.3f}")
    assert right / total >= 0.7, f"{right}/{total} golden events typed right"


def _span(text, part):
    start = text.index(part)
    return start, start + len(part)


@pytest.mark.parametrize(
    ("text", "time", "language", "expected"),
    [
        # a coordinating word starts a clause
        ("Russia invaded Ukraine in 2022 and the UN voted in March.", "March", "en", "and the UN voted in March."),
        ("Rusia merebut Kursk pada 26 April, dan dua hari kemudian Korut mengakui perannya.",
         "dua hari kemudian", "id", "dan dua hari kemudian Korut mengakui perannya."),
        # commas end clauses: an attribution tail is its own clause
        ("Troops were sent, the agency told lawmakers on Wednesday, as drills loomed next week.",
         "Wednesday", "en", "the agency told lawmakers on Wednesday"),
        # a lead phrase runs on into the clause it modifies ...
        ("In talks on Tuesday, Kim vowed support, KCNA reported a day later.", "Tuesday", "en",
         "In talks on Tuesday, Kim vowed support"),
        ("Dalam pertemuan Selasa, Kim menegaskan dukungan, lapor KCNA sehari kemudian.", "Selasa", "id",
         "Dalam pertemuan Selasa, Kim menegaskan dukungan"),
        # ... but a lead opened by a subordinating word is a clause of its own
        ("Following the invasion on 24 February 2022, Pyongyang voted against a resolution on 2 March 2022.",
         "24 February 2022", "en", "Following the invasion on 24 February 2022"),
        # a subordinating word starts a clause (the complement of "said")
        ("NIS menyebut pekan ini bahwa Korut mengirim amunisi sejak Agustus 2023.", "pekan ini", "id",
         "NIS menyebut pekan ini"),
        # boundaries inside the time expression do not count
        ("Kim met Putin on Wednesday, 3 September 2025, and left on Friday.", "Wednesday, 3 September 2025",
         "en", "Kim met Putin on Wednesday, 3 September 2025"),
    ],
)
def test_clause_at_finds_the_clause_of_a_time_expression(text, time, language, expected):
    assert taxonomy.clause_at(text, *_span(text, time), language) == expected


@pytest.mark.parametrize(
    ("text", "time", "other", "language", "expected"),
    [
        # the clause decides when it has a cue
        ("SEOUL - North Korea has sent more troops to Russia, the spy agency told lawmakers on Wednesday, "
         "as Seoul prepared for military drills next week.", "Wednesday", "next week", "en", "statement"),
        ("SEOUL - North Korea has sent more troops to Russia, the spy agency told lawmakers on Wednesday, "
         "as Seoul prepared for military drills next week.", "next week", "Wednesday", "en", "military"),
        ("Following the invasion on 24 February 2022, Pyongyang voted against a resolution on 2 March 2022.",
         "24 February 2022", "2 March 2022", "en", "military"),
        ("NIS menyebut pekan ini bahwa Korut mengirim kontainer amunisi ke Rusia sejak Agustus 2023.",
         "Agustus 2023", "pekan ini", "id", "arms transfer"),
        ("NIS menyebut pekan ini bahwa Korut mengirim kontainer amunisi ke Rusia sejak Agustus 2023.",
         "pekan ini", "Agustus 2023", "id", "statement"),
        # the main-clause rules still hold inside the clause: a weak cue yields to a strong one
        ("Dalam pertemuan Selasa, Kim menegaskan dukungan penuh, lapor KCNA sehari kemudian.",
         "Selasa", "sehari kemudian", "id", "statement"),
        # a clause with no cue leaves the decision to the sentence
        ("The treaty was signed in June 2024 and took hold in December.", "December", "June 2024", "en",
         "agreement"),
        # a clause holding the other date too cannot tell the events apart: the sentence decides
        ("Resolusi PBB yang diadopsi pada Desember 2017 memulangkan pekerja paling lambat akhir 2019.",
         "Desember 2017", "akhir 2019", "id", "sanctions"),
    ],
)
def test_classify_at_types_the_clause_of_the_time_expression(text, time, other, language, expected):
    kind, clause = taxonomy.classify_at(text, *_span(text, time), language, (_span(text, other),))
    assert kind == expected
    assert clause == "" or time in clause


def test_clause_without_a_cue_reports_no_clause():
    text = "The treaty was signed in June 2024 and took hold in December."
    assert taxonomy.classify_at(text, *_span(text, "December"), "en", (_span(text, "June 2024"),)) == (
        "agreement",
        "",
    )


def test_a_key_given_twice_in_the_type_file_is_an_error(tmp_path):
    bad = tmp_path / "types.yaml"
    bad.write_text("- type: statement\n  en: [said]\n  en: [told]\n", encoding="utf-8")
    with pytest.raises(InputError, match="twice"):
        taxonomy.load(bad)


def _golden_events():
    """Yield (gold event, its interval list, article, extracted events) over the golden corpus."""
    from timeline import evaluate, events, ingest

    for gold_file in sorted(GOLDEN.glob("*.json")):
        gold = evaluate.load_gold(gold_file)
        article_file = GOLDEN / gold.file
        if not article_file.exists():
            continue
        article = ingest.read(article_file)
        yield gold_file.stem, gold, article, events.extract(article)


def test_golden_events_are_typed_by_their_clause():
    # Per extracted event: the row holding the gold anchor with an accepted interval
    # (so two events of one sentence are told apart) carries the gold type.
    from timeline import evaluate

    right = total = seed_right = seed_total = 0
    for stem, gold, _, rows in _golden_events():
        for ev in gold.events:
            if not ev.type:
                continue
            anchor = evaluate.norm(ev.anchor)
            holding = [r for r in rows if anchor in evaluate.norm(" ".join((r.sentence, *r.evidence)))]
            dated = [r for r in holding if (r.date, r.date_end) in ev.accept] or holding
            if not dated:
                continue
            total += 1
            right += dated[0].event_type == ev.type
            if stem.startswith("seed_"):
                seed_total += 1
                seed_right += dated[0].event_type == ev.type
    print(f"golden events typed right: {right}/{total} = {right / total:.3f}")
    assert right / total >= 0.8, f"{right}/{total} golden events typed right"
    assert seed_right == seed_total, f"seed: {seed_right}/{seed_total} typed right"
