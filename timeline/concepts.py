"""What a sentence is about, in words both languages share: the concepts of data/concepts.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import taxonomy
from .datafile import read_yaml
from .errors import InputError

CONCEPTS_FILE = Path(__file__).resolve().parent.parent / "data" / "concepts.yaml"


@dataclass(frozen=True)
class Concepts:
    """The concept list of one file: its cues per language behind a gate, and what is generic."""

    cues: dict[str, tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]]  # language → (concept, patterns all to match)
    gates: dict[str, object]  # language → Aho-Corasick automaton: a literal piece → the cues holding it
    generic: frozenset[str]
    compatible: frozenset[frozenset[str]]  # pairs of event types one happening may be given


def _check_list(value: object, where: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(str(path), f"{where} must be a list of words")
    return value


@lru_cache(maxsize=4)
def load(path: Path = CONCEPTS_FILE) -> Concepts:
    """Read the concept list; a malformed file is named with what is wrong."""
    import ahocorasick

    data = read_yaml(path, "the concept list")
    if not isinstance(data, dict) or not isinstance(data.get("concepts"), dict):
        raise InputError(str(path), "expected `concepts:` mapping each concept to its cues per language")
    cues: dict[str, list] = {}
    generic = set()
    for name, spec in data["concepts"].items():
        if not isinstance(spec, dict):
            raise InputError(str(path), f"concept {name!r} must map languages to cue lists")
        if spec.get("generic", False) is True:
            generic.add(name)
        for language, words in spec.items():
            if language != "generic":
                for cue in _check_list(words, f"concept {name!r}, {language}", path):
                    cues.setdefault(language, []).append((name, taxonomy.compile_cue(cue), taxonomy.gate_piece(cue)))
    # One pass of an Aho-Corasick automaton over a sentence tells which cues can match
    # at all: trying ~300 cue patterns (or one alternation of them) at every position
    # took milliseconds a sentence.
    gates = {}
    for language, found in cues.items():
        auto = ahocorasick.Automaton()
        for k, (_, _, piece) in enumerate(found):
            held = auto.get(piece, ()) if piece in auto else ()
            auto.add_word(piece, (*held, k))
        auto.make_automaton()
        gates[language] = auto
    pairs = data.get("compatible_types", [])
    if not isinstance(pairs, list) or not all(isinstance(p, list) and len(p) == 2 for p in pairs):
        raise InputError(str(path), "compatible_types must list pairs of event types")
    for pair in pairs:
        for kind in pair:
            if kind not in taxonomy.TYPES:
                raise InputError(str(path), f"compatible_types: {kind!r} is not one of {', '.join(taxonomy.TYPES)}")
    return Concepts(
        {k: tuple((n, c) for n, c, _ in v) for k, v in cues.items()},
        gates,
        frozenset(generic),
        frozenset(frozenset(p) for p in pairs),
    )


@lru_cache(maxsize=200_000)
def of(text: str, language: str, path: Path = CONCEPTS_FILE) -> frozenset[str]:
    """Return the concepts `text` names (its words as written and, for Indonesian, their roots).

    >>> sorted(of("Kim dan Putin menandatangani traktat di Pyongyang.", "id"))
    ['signing', 'treaty']
    >>> sorted(of("Putin and Kim signed a mutual defence treaty.", "en"))
    ['signing', 'treaty']
    """
    found = load(path)
    gate = found.gates.get(language)
    if gate is None:
        return frozenset()
    cues = found.cues[language]
    forms = taxonomy.text_forms(text, language)
    maybe = {k for f in forms for _, held in gate.iter(f) for k in held}
    return frozenset(
        cues[k][0] for k in maybe if all(any(p.search(f) for f in forms) for p in cues[k][1])
    )


def specific(found: frozenset[str], path: Path = CONCEPTS_FILE) -> frozenset[str]:
    """Return the concepts of `found` that can make a merge on their own (not generic)."""
    return found - load(path).generic


def compatible(a: str, b: str, path: Path = CONCEPTS_FILE) -> bool:
    """Tell whether one happening may be typed `a` by one report and `b` by another."""
    return a == b or frozenset((a, b)) in load(path).compatible


@lru_cache(maxsize=4)
def not_names(path: Path = CONCEPTS_FILE) -> frozenset[str]:
    """Return the capitalised words that name no place or thing (titles, offices), from `not_names:`."""
    words = read_yaml(path, "the concept list").get("not_names") or []
    return frozenset(_check_list(words, "not_names", path))


@lru_cache(maxsize=4)
def _additive(language: str, path: Path = CONCEPTS_FILE) -> re.Pattern[str] | None:
    words = (read_yaml(path, "the concept list").get("additive") or {}).get(language) or []
    words = _check_list(words, f"additive, {language}", path)
    if not words:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w.lower()) for w in words) + r")(?![\w-])")


@lru_cache(maxsize=100_000)
def adds(text: str, language: str, path: Path = CONCEPTS_FILE) -> bool:
    """Tell whether `text` says it tells one more thing ("also", "juga") than the sentences before.

    >>> adds("Lavrov juga diterima oleh Kim.", "id"), adds("Lavrov diterima oleh Kim.", "id")
    (True, False)
    """
    pattern = _additive(language, path)
    return bool(pattern and pattern.search(text.lower()))


@lru_cache(maxsize=4)
def _lead(language: str, path: Path = CONCEPTS_FILE) -> re.Pattern[str] | None:
    words = (read_yaml(path, "the concept list").get("reference_leads") or {}).get(language) or []
    words = _check_list(words, f"reference_leads, {language}", path)
    if not words:
        return None
    # The lead word within the first few words, then up to the first comma.
    return re.compile(r"^(?:[\w'’-]+\s+){0,3}?(?:" + "|".join(re.escape(w) for w in words) + r")\b[^,;]{0,80}?,\s*",
                      re.I)


def without_lead(text: str, language: str, path: Path = CONCEPTS_FILE) -> str:
    """Return `text` without a lead phrase that names another happening as its time.

    >>> without_lead("Hours before the summit, North Korea fired two missiles.", "en")
    'North Korea fired two missiles.'
    """
    pattern = _lead(language, path)
    if pattern is None:
        return text
    m = pattern.match(text)
    return text[m.end():] if m and m.end() < len(text) else text
