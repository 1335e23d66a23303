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
    assert right / total >= 0.7, f"{right}/{total} golden events typed right"
