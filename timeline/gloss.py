"""A report's words as English stems, so two reports can be compared across Indonesian and English.

The concept list (data/concepts.yaml) names what kind of thing happened; two rulings of
one court on one day share every concept and still differ in what they are about (a
threshold, an age). The glosses carry the rest of the wording: an English word
becomes its Snowball stem ("rulings" → "rule"), an irregular form its base word first
("struck" → "strike"); an Indonesian word becomes its Sastrawi root and that root's
English words from data/lexicon_id_en.yaml ("usia" → "age"), or the root itself when
the glossary has none (two Indonesian reports still share it). A hand-written
glossary because no packaged Indonesian–English dictionary is on PyPI; users extend it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .datafile import read_yaml
from .errors import InputError

GLOSSARY_FILE = Path(__file__).resolve().parent.parent / "data" / "lexicon_id_en.yaml"
_WORD = re.compile(r"[^\W\d_]{3,}")  # letters only: figures and dates are compared elsewhere


@lru_cache(maxsize=2)
def _glossary(path: Path = GLOSSARY_FILE) -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """Return the Indonesian roots with their English words, and English irregular forms with their base."""
    data = read_yaml(path, "the Indonesian-English glossary")
    if not isinstance(data, dict) or not isinstance(data.get("id_en"), dict):
        raise InputError(str(path), "expected `id_en:` mapping Indonesian roots to lists of English words")
    id_en: dict[str, tuple[str, ...]] = {}
    for root, words in data["id_en"].items():
        if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
            raise InputError(str(path), f"id_en: {root!r} must list English words")
        id_en[str(root).lower()] = tuple(w.lower() for w in words)
    irregular = data.get("en_irregular") or {}
    if not isinstance(irregular, dict):
        raise InputError(str(path), "en_irregular must map English forms to their base word")
    return id_en, {str(k).lower(): str(v).lower() for k, v in irregular.items()}


@lru_cache(maxsize=1)
def _english():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """Return the words that say nothing of a happening, in both languages."""
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    from .dates.lexicon import load

    return frozenset(StopWordRemoverFactory().get_stop_words()) | frozenset(
        w.lower() for lang in ("en", "id") for w in load(lang).words("stop_words"))


def _english_stem(word: str) -> str:
    return _english().stemWord(_glossary()[1].get(word, word))


@lru_cache(maxsize=65536)  # the one cache of a word's glosses (Sastrawi's stemmer keeps its own roots)
def of_word(word: str, language: str) -> frozenset[str]:
    """Return the English stems a lowercase word stands for ({} for a stop word)."""
    if word in _stop_words():
        return frozenset()
    if language != "id":
        return frozenset((_english_stem(word),))
    from .taxonomy import _stemmer

    root = _stemmer().stem(word) or word
    english = _glossary()[0].get(root)  # stemmed here, not all at load: that took 0.2 s of start-up
    # A root the glossary lacks is kept, and its English stem too: a loanword spelled alike
    # ("parade", "hotline") meets the English report's stem ("parad", "hotlin").
    return frozenset(_english_stem(w) for w in english) if english else frozenset((root, _english_stem(root)))


def of(text: str, language: str, skip: frozenset[str] = frozenset()) -> tuple[frozenset[str], ...]:
    """Return the glosses of each content word of `text` (words in `skip`, lowercase, left out)."""
    out = []
    # findall gives the same words as finditer's groups in half the time (12,800 reports per
    # 1,000 bench articles); a word is lowered after matching, as the match may differ on lowered text.
    for word in _WORD.findall(text):
        word = word.lower()
        if word not in skip:
            stems = of_word(word, language)
            if stems:
                out.append(stems)
    return tuple(out)


def shared(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...],
           a_all: frozenset[str] | None = None, b_all: frozenset[str] | None = None) -> float:
    """Return the share of the shorter report's words whose gloss the other report has.

    `a_all`, `b_all`: the union of each side's glosses, when the caller keeps it.

    >>> shared(of("Court lowers the threshold", "en"), of("MK menurunkan ambang batas", "id")) > 0
    True
    """
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b, a_all, b_all = b, a, b_all, a_all
    seen = b_all if b_all is not None else frozenset().union(*b)
    return sum(1 for g in a if not seen.isdisjoint(g)) / len(a)
