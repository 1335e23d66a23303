"""What `extract` loads: no pandas, Arrow or dateparser on its path; the language model only when needed."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ARTICLES, ROOT, SEED
from timeline import cache, language, places
from timeline.dates import grammar
from timeline.errors import InputError

# Modules `extract` must not import on a short article of a clear language.
HEAVY = ("pandas", "pyarrow", "numpy", "dateparser", "timeline.dates.baseline", "py3langid")


def _loaded_after_extract(tmp_path: Path, *args: str) -> set[str]:
    """Run `extract ARGS -o FILE` in a fresh interpreter; return which HEAVY modules it imported."""
    script = (
        "import json, sys\n"
        "from timeline import cli\n"
        f"code = cli.main({list(args) + ['-o', str(tmp_path / 'out.csv')]!r})\n"
        f"print(json.dumps([code, sorted(m for m in {HEAVY!r} if m in sys.modules)]))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    code, loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert code == 0
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").startswith("event_id,")
    return set(loaded)


def test_extract_imports_no_table_library_no_baseline_and_no_language_model(tmp_path):
    # The seed article is plainly Indonesian: its common words decide, the model stays unread.
    assert _loaded_after_extract(tmp_path, "extract", str(SEED)) == set()


def test_a_warm_run_on_a_text_article_imports_no_yaml_front_matter_charset_or_lock_library(tmp_path):
    # PyYAML only parses a data file the user cache does not hold; python-frontmatter reads
    # Markdown, charset-normalizer guesses a file that is not UTF-8, filelock guards writes
    # into data/: none is on the path of a plain text article once the cache is warm.
    _loaded_after_extract(tmp_path, "extract", str(SEED))  # fills the cache
    script = (
        "import json, sys\n"
        "from timeline import cli\n"
        f"code = cli.main(['extract', {str(SEED)!r}, '-o', {str(tmp_path / 'again.csv')!r}])\n"
        "print(json.dumps([code, sorted(m for m in ('yaml', 'frontmatter', 'charset_normalizer', 'filelock')"
        " if m in sys.modules)]))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [0, []]


def test_a_given_language_never_loads_the_model(tmp_path):
    unclear = tmp_path / "unclear.txt"
    unclear.write_text("Kim Jong Un, Vladimir Putin. Vostochny 13 September 2023.\n", encoding="utf-8")
    assert language.glance(unclear.read_text(encoding="utf-8")) is None  # the model would be asked
    assert _loaded_after_extract(tmp_path, "extract", str(unclear), "--language", "en") == set()


def test_the_model_decides_an_unclear_text_from_its_start_only(monkeypatch):
    seen: list[int] = []

    class Fake:
        def classify(self, text):
            seen.append(len(text))
            return ("en", 1.0)

    monkeypatch.setattr(language, "_identifier", lambda: Fake())
    names = "Kim Jong Un, Vladimir Putin, Sergei Lavrov. " * 2000  # 88,000 characters, no common word
    assert language.detect(names) == "en"
    assert seen == [language.MODEL_CHARS]


def test_common_words_are_read_in_the_articles_start_only():
    late = "Kim Jong Un, Vladimir Putin. " * 100 + "yang dan di dengan untuk ini itu dari dalam tidak " * 5
    assert len(late) > language.GLANCE_CHARS + 100
    assert language.glance(late) is None
    assert language.glance(late[2900:]) == "id"


SHIPPED = sorted(ARTICLES.glob("*.txt")) + sorted((ROOT / "tests" / "golden").glob("*.txt"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_common_words_agree_with_the_model_where_they_decide(path):
    text = path.read_text(encoding="utf-8")[: language.MODEL_CHARS]
    told = language.glance(text)
    if told is not None:
        assert told == language._identifier().classify(text)[0]


def test_a_word_listed_for_both_languages_is_refused(tmp_path):
    words = tmp_path / "words.yaml"
    words.write_text("id: [yang, the]\nen: [the]\n", encoding="utf-8")
    with pytest.raises(InputError, match="two languages"):
        language._common_words(words)
    words.write_text("id: [yang]\n", encoding="utf-8")
    with pytest.raises(InputError, match="a list of words"):
        language._common_words(words)


def test_dateparser_month_data_is_read_as_its_loader_gives_it():
    for lang in ("id", "en", "xx"):
        assert grammar._dateparser_info(lang) == grammar._dateparser_loaded(lang)


def test_the_baseline_is_imported_on_first_use():
    import timeline.dates as dates
    from timeline.dates import baseline

    assert dates.baseline is baseline and callable(baseline.search)
    with pytest.raises(AttributeError):
        dates.no_such_thing  # noqa: B018


def test_the_kept_gazetteer_is_the_derived_one(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    places._city_rows.cache_clear()
    try:
        derived = places._city_rows()  # an empty cache: derived, then kept
        assert list(tmp_path.glob("gazetteer-*.json"))
        places._city_rows.cache_clear()
        assert places._city_rows() == derived == places._derive_cities()  # read back exactly
    finally:
        places._city_rows.cache_clear()


def test_a_shipped_data_file_is_parsed_once_and_read_back_exactly(tmp_path, monkeypatch):
    from timeline import datafile

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    path = datafile.DATA_DIR / "lang" / "en.yaml"
    parsed = datafile.parse_yaml(path.read_text(encoding="utf-8"))
    assert datafile.parse_file(path) == parsed and list(tmp_path.glob("yaml-lang-en-*.marshal"))
    kept = datafile.parse_file(path)  # from the cache: int keys (month numbers) stay ints
    assert kept == parsed and 1 in kept["months"]
    next(tmp_path.glob("yaml-lang-en-*.marshal")).write_bytes(b"\x00broken")
    assert datafile.parse_file(path) == parsed  # a damaged entry is parsed again
    other = tmp_path / "mine.yaml"  # a file of the user's elsewhere: parsed, never kept
    other.write_text("a: 1\n", encoding="utf-8")
    assert datafile.parse_file(other) == {"a": 1} and not list(tmp_path.glob("yaml-mine*"))


def test_cache_key_follows_the_files_and_bad_entries_are_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    data = tmp_path / "words.yaml"
    data.write_text("a\n", encoding="utf-8")
    first = cache.key([data])
    cache.keep("table", first, {"x": [1, 2.5]})
    assert cache.load("table", first) == {"x": [1, 2.5]}
    data.write_text("b\n", encoding="utf-8")
    second = cache.key([data])
    assert second != first and cache.load("table", second) is None
    cache.keep("table", second, [3])
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [f"table-{second}.json"]  # the stale one gone
    (tmp_path / "cache" / f"table-{second}.json").write_bytes(b"{broken")
    assert cache.load("table", second) is None
    monkeypatch.setenv(cache.CACHE_ENV, "off")
    cache.keep("table", second, [4])
    assert cache.load("table", second) is None


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(cache.CACHE_ENV, str(blocker / "cache"))  # under a file: cannot be made
    cache.keep("table", "k", [1])
    assert cache.load("table", "k") is None


def test_a_kept_gazetteer_of_another_shape_is_derived_again(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    places._city_rows.cache_clear()
    try:
        derived = places._city_rows()
        (kept,) = tmp_path.glob("gazetteer-*.json")
        kept.write_text('{"Moscow": [1, 2]}', encoding="utf-8")  # a row too short
        places._city_rows.cache_clear()
        assert places._city_rows() == derived
    finally:
        places._city_rows.cache_clear()


def test_the_kept_place_automaton_finds_what_a_built_one_finds_and_a_damaged_one_is_built_again(tmp_path,
                                                                                                 monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    text = "Kim tiba di Vladivostok dan Pyongyang, lalu Prabowo terbang ke Surabaya dan Kyiv."
    places._index.cache_clear()
    try:
        built = places.names(text)
        (kept,) = tmp_path.glob(f"{places.AUTOMATON_CACHE}-*.pickle")
        places._index.cache_clear()
        assert places.names(text) == built == ("Vladivostok", "Pyongyang", "Surabaya", "Kyiv")
        kept.write_bytes(b"\x80broken")
        places._index.cache_clear()
        assert places.names(text) == built  # built again, and kept again
        assert kept.read_bytes()[:1] == b"\x80" and len(kept.read_bytes()) > 1000
    finally:
        places._index.cache_clear()


def test_the_kept_language_model_answers_as_the_packed_one(tmp_path, monkeypatch):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    packed = LanguageIdentifier.from_model_file(MODEL_FILE)
    packed.set_languages(list(language.SUPPORTED))
    texts = ["Presiden bertemu Putin di Moskow pada Senin.", "The president met Putin in Moscow.",
             "Kim Jong Un", "12 / 3 / 2024", "", "Ia said bahwa the talks akan dilanjutkan."]
    language._identifier.cache_clear()
    try:
        unpacked = language._identifier()  # an empty cache: unpacked, then kept
        assert len(list(tmp_path.glob("langid-*.npz"))) == 1
        language._identifier.cache_clear()
        kept = language._identifier()  # read back from the cache
        assert kept is not unpacked
        for ident in (unpacked, kept):
            assert ident.nb_classes == packed.nb_classes and ident.tk_output == packed.tk_output
            assert ident.tk_nextmove == packed.tk_nextmove and ident.tk_row == packed.tk_row
            assert [ident.classify(t) for t in texts] == [packed.classify(t) for t in texts]
            assert [ident.rank(t) for t in texts] == [packed.rank(t) for t in texts]
        entry = next(tmp_path.glob("langid-*.npz"))
        for damaged in (b"broken", entry.read_bytes()[:1000]):  # not an archive; a cut one: unpacked again
            entry.write_bytes(damaged)
            language._identifier.cache_clear()
            assert [language._identifier().classify(t) for t in texts] == [packed.classify(t) for t in texts]
    finally:
        language._identifier.cache_clear()


def test_the_kept_grammar_is_the_built_one_and_a_damaged_one_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
    text = SEED.read_text(encoding="utf-8")
    grammar.build.cache_clear()
    try:
        built = grammar.build("id")  # an empty cache: built, then kept
        (kept,) = tmp_path.glob(f"{grammar.GRAMMAR_CACHE}-id-*.pickle")
        grammar.build.cache_clear()
        monkeypatch.setattr(grammar, "_build", lambda language: pytest.fail("built although kept"))
        again = grammar.build("id")
        assert again is not built and again.months == built.months
        assert [(n, rx.pattern, rx.flags) for n, rx in again.rules] == \
               [(n, rx.pattern, rx.flags) for n, rx in built.rules]
        assert [[m.span() for m in rx.finditer(text)] for _, rx in again.rules] == \
               [[m.span() for m in rx.finditer(text)] for _, rx in built.rules]
        monkeypatch.undo()
        monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path))
        kept.write_bytes(b"\x80broken")
        grammar.build.cache_clear()
        assert grammar.build("id").months == built.months  # built again, and kept again
        assert len(kept.read_bytes()) > 10_000
    finally:
        grammar.build.cache_clear()


def test_an_edited_language_file_makes_a_new_grammar_entry(tmp_path, monkeypatch):
    from timeline.dates import lexicon

    lang = tmp_path / "lang"
    lang.mkdir()
    for path in lexicon.DATA_DIR.glob("*.yaml"):
        (lang / path.name).write_bytes(path.read_bytes())
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setattr(grammar, "DATA_DIR", lang)
    monkeypatch.setattr(lexicon, "DATA_DIR", lang)
    grammar.build.cache_clear()
    lexicon.load.cache_clear()
    try:
        assert "agustus" in grammar.build("id").months
        before = {p.name for p in (tmp_path / "cache").glob(f"{grammar.GRAMMAR_CACHE}-id-*")}
        edited = (lang / "id.yaml").read_text(encoding="utf-8").replace("Agustus", "Agustusan", 1)
        (lang / "id.yaml").write_text(edited, encoding="utf-8")
        grammar.build.cache_clear()
        lexicon.load.cache_clear()
        assert "agustusan" in grammar.build("id").months
        after = {p.name for p in (tmp_path / "cache").glob(f"{grammar.GRAMMAR_CACHE}-id-*")}
        assert len(after) == 1 and after != before
    finally:
        grammar.build.cache_clear()
        lexicon.load.cache_clear()
