"""Tell verb-like words, with the words in data/verbs.yaml.

A headline must keep its verb (titles.py), and a key–value line dates an event only
when its key names a happening (dates/layout.py). Neither needs a parser: English
verbs are known forms, regular -s/-ed forms of known stems, -ed words and -ing words
after "be"; Indonesian verbs are known words and me-/ber-/di- words that are no root
of the dictionary (berita, menteri and dinas are roots; bertemu, mengunjungi, disahkan
are not).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import roots
from .datafile import read_yaml
from .errors import InputError

VERBS_FILE = Path(__file__).resolve().parent.parent / "data" / "verbs.yaml"
_LISTS = ("verbs", "stems", "endings", "prefixes", "not_verbs", "happening_nouns", "happening_endings",
          "happening_affixes")
_TOKEN = r"(?<![\w'’-])[^\W\d_](?:[\w'’-]*\w)?"  # a word: letters first, inner apostrophes and hyphens
_WORD = re.compile(_TOKEN)
_EDGE = ".,;:!?\"'()[]{}<>“”‘’«»„…–—-/*_|•·"  # punctuation stripped from the ends of a word
_SUFFIXES = ("nya", "lah", "kah", "pun")  # Indonesian particles glued to a word


@dataclass(frozen=True)
class Words:
    """The verb words of one language."""

    forms: frozenset[str]  # verbs and the -s/-es forms of stems, lower-cased
    endings: tuple[str, ...]
    prefixes: tuple[str, ...]
    not_verbs: frozenset[str]
    min_length: int
    happening_nouns: re.Pattern[str] | None
    happening_endings: tuple[str, ...]
    happening_affixes: tuple[tuple[str, str], ...]
    be: frozenset[str]  # an -ing word after one of these is a verb ("is visiting")
    # _verb's answers by word, plain and after "be", kept: a word is looked at once per process
    answers: tuple[dict[str, bool], dict[str, bool]] = field(default_factory=lambda: ({}, {}), compare=False,
                                                               repr=False)
    # _spans's reading of each token ("said," → "said"), kept for the same reason
    tokens: dict[str, tuple[str, int, int, bool, bool]] = field(default_factory=dict, compare=False,
                                                                 repr=False)


def _third_person(stem: str) -> str:
    """Return the -s form of a regular verb stem (try → tries, push → pushes, visit → visits)."""
    if stem.endswith("y") and stem[-2:-1] not in ("a", "e", "o", "u"):
        return stem[:-1] + "ies"
    if stem.endswith(("s", "x", "z", "ch", "sh", "o")):
        return stem + "es"
    return stem + "s"


@lru_cache(maxsize=4)
def words(language: str, path: Path = VERBS_FILE) -> Words:
    """Return the verb words of `language` (English when the file has none)."""
    # (imported here: the dates package imports this module, and importing it first read
    # the dates package half made)
    from .dates.lexicon import literal_alternation

    data = read_yaml(path, "the verb words")
    lang = data.get(language) or data.get("en") if isinstance(data, dict) else None
    if not isinstance(lang, dict):
        raise InputError(str(path), f"{language}: no verb words")
    missing = [k for k in _LISTS if not isinstance(lang.get(k), list)]
    if missing:
        raise InputError(str(path), f"{language}: lacks the lists {', '.join(missing)}")
    low = {k: [str(w).lower() for w in lang[k]] for k in _LISTS}
    affixes = []
    for a in low["happening_affixes"]:
        head, star, tail = a.partition("*")
        if not star:
            raise InputError(str(path), f"{language}: happening affix {a!r} lacks its '*'")
        affixes.append((head, tail))
    nouns = low["happening_nouns"]
    noun_forms = set(nouns) | {_third_person(n) for n in nouns}
    return Words(
        forms=frozenset(low["verbs"] + [f for f in map(_third_person, low["stems"]) if f not in noun_forms]),
        endings=tuple(low["endings"]),
        prefixes=tuple(low["prefixes"]),
        not_verbs=frozenset(low["not_verbs"]),
        min_length=int(lang.get("min_length") or 0),
        happening_nouns=(re.compile(rf"(?<!\w)(?:{literal_alternation(nouns)})(?!\w)", re.I)
                         if nouns else None),
        happening_endings=tuple(low["happening_endings"]),
        happening_affixes=tuple(affixes),
        be=frozenset(str(x).lower() for x in lang.get("be") or []),
    )


def _bare(word: str) -> str:
    """Return an Indonesian word without a glued particle ("menurutnya" → "menurut")."""
    for s in _SUFFIXES:
        if word.endswith(s) and len(word) > len(s) + 3:
            return word[: -len(s)]
    return word


def _verb(word: str, previous: str, w: Words) -> bool:
    """Tell whether a lower-cased `word` is verb-like (`previous`: the word before it)."""
    if word in w.not_verbs:
        return False
    if word in w.forms:
        return True
    if len(word) < w.min_length:
        return False
    if w.endings and word.endswith(w.endings):
        return True
    if previous in w.be and word.endswith("ing"):
        return True
    if w.prefixes and word.startswith(w.prefixes):
        bare = _bare(word)
        return bare not in w.not_verbs and word not in roots.indonesian() and bare not in roots.indonesian()
    return False


def _spans(text: str, language: str, pos: int = 0, first_only: bool = False) -> list[tuple[int, int]]:
    """Return (start, end) of the verb-like words of `text` from `pos` on, in order (only the first one).

    Words are runs of non-space with punctuation stripped from their ends ("said," →
    "said"): str.split and dictionaries of answers keep this cheap, as every headline
    asks it several times.
    """
    w = words(language)
    plain, after_be = w.answers
    known = w.tokens
    out: list[tuple[int, int]] = []
    previous_be = False
    first = pos == 0 or not text[:pos].strip()  # a capitalised word counts only as the text's first word
    at = pos
    for token in text[pos:].split():
        start = text.find(token, at)
        at = start + len(token)
        seen = known.get(token)
        if seen is None:
            seen = known[token] = _token(token, w)
        if seen is _NO_WORD:
            first = previous_be = False
            continue
        low, offset, size, capital, be = seen
        if first or not capital:
            answers = after_be if previous_be else plain
            verb = answers.get(low)
            if verb is None:
                verb = answers[low] = _verb(low, "is" if previous_be else "", w)
            if verb:
                begin = start + offset
                out.append((begin, begin + size))
                if first_only:
                    return out
        first, previous_be = False, be
    return out


_NO_WORD = ("", 0, 0, False, False)  # a token that opens with no letter ("2024", "—")
_TOKENS_MAX = 200_000  # tokens kept per language: words recur, but a long run must not grow without end


def _token(token: str, w: Words) -> tuple[str, int, int, bool, bool]:
    """Return what `_spans` needs of a token: its word lower-cased, the word's offset and length in it,
    whether it is capitalised, whether it is a form of "be"."""
    if len(w.tokens) >= _TOKENS_MAX:
        w.tokens.clear()
    core = token.strip(_EDGE)
    if not core[:1].isalpha():
        return _NO_WORD
    low = core.lower()
    return low, token.find(core), len(core), core[0].isupper(), low in w.be


def verb_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Return (start, end) of the verb-like words of `text`, in order.

    A capitalised word counts only as the text's first word: elsewhere it is mostly a
    name (Medvedev, Berlin, Ahmed).

    >>> verb_spans("Kim tiba di Moskow dan bertemu Putin", "id")
    [(4, 8), (23, 30)]
    """
    return _spans(text, language)


@lru_cache(maxsize=32)
def first_verb(text: str, language: str, pos: int = 0) -> tuple[int, int] | None:
    """Return (start, end) of the first verb-like word of `text` at or after `pos` (None: there is none)."""
    # Kept for the last few texts: a title and a clause ask of the same text several times
    # in a row (two in five asks on 1,000 articles); a few entries hold what one event asks.
    found = _spans(text, language, pos, first_only=True)
    return found[0] if found else None


def verb_ends(text: str, language: str) -> list[int]:
    """Return the end offsets of the verb-like words of `text`, in order (see `verb_spans`).

    >>> verb_ends("Russia's then defence minister, Sergei Shoigu, visited Pyongyang", "en")
    [54]
    >>> verb_ends("Presiden Rusia Vladimir Putin mengunjungi Pyongyang", "id")
    [41]
    """
    return [end for _, end in verb_spans(text, language)]


def starts_with_verb(text: str, language: str) -> bool:
    """Tell whether the first word of `text` is verb-like.

    >>> starts_with_verb("menyebut Pyongyang telah mengirim", "id"), starts_with_verb("the minister said", "en")
    (True, False)
    """
    head = text.split(None, 1)
    core = head[0].strip(_EDGE) if head else ""
    if not core[:1].isalpha():
        return False
    low = core.lower()
    plain = words(language).answers[0]
    verb = plain.get(low)
    if verb is None:
        verb = plain[low] = _verb(low, "", words(language))
    return verb


def has_verb(text: str, language: str) -> bool:
    """Tell whether `text` holds a verb-like word.

    >>> has_verb("Russia's then defence minister, Sergei Shoigu", "en")
    False
    >>> has_verb("Kim Jong Un tiba di Moskow", "id")
    True
    """
    return first_verb(text, language) is not None


def names_happening(text: str, language: str) -> bool:
    """Tell whether a short label names a happening: a verb or a noun of a happening.

    For keys of key–value lines, read lower-cased (infobox keys are often capitalised).

    >>> [names_happening(k, "en") for k in ("Date signed", "Ratified by Russia", "Data cut-off", "As of")]
    [True, True, False, False]
    >>> [names_happening(k, "id") for k in ("Tanggal penandatanganan", "Berlaku efektif", "Tanggal")]
    [True, True, False]
    """
    low = text.lower()
    if has_verb(low, language):
        return True
    w = words(language)
    if w.happening_nouns is not None and w.happening_nouns.search(low):
        return True
    for m in _WORD.finditer(low):
        word = m.group()
        if len(word) < w.min_length or word in w.not_verbs:
            continue
        if w.happening_endings and word.endswith(w.happening_endings):
            return True
        if any(word.startswith(a) and word.endswith(b) and len(word) >= len(a) + len(b) + 3
               for a, b in w.happening_affixes):
            return True
    return False
