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
    """The concept list of one file: one pattern per language, and what is generic."""

    patterns: dict[str, re.Pattern[str]]  # language → one alternation, a named group per concept
    combined: dict[str, tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]]  # cues "a + b": all parts
    generic: frozenset[str]
    compatible: frozenset[frozenset[str]]  # pairs of event types one happening may be given


def _check_list(value: object, where: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(str(path), f"{where} must be a list of words")
    return value


@lru_cache(maxsize=4)
def load(path: Path = CONCEPTS_FILE) -> Concepts:
    """Read the concept list; a malformed file is named with what is wrong."""
    data = read_yaml(path, "the concept list")
    if not isinstance(data, dict) or not isinstance(data.get("concepts"), dict):
        raise InputError(str(path), "expected `concepts:` mapping each concept to its cues per language")
    parts: dict[str, list[str]] = {}
    combined: dict[str, list] = {}
    generic = set()
    for n, (name, spec) in enumerate(data["concepts"].items()):
        if not isinstance(spec, dict):
            raise InputError(str(path), f"concept {name!r} must map languages to cue lists")
        if spec.get("generic", False) is True:
            generic.add(name)
        for language, cues in spec.items():
            if language == "generic":
                continue
            for cue in _check_list(cues, f"concept {name!r}, {language}", path):
                compiled = taxonomy.compile_cue(cue)
                if len(compiled) > 1:
                    combined.setdefault(language, []).append((name, compiled))
                else:
                    parts.setdefault(language, []).append(f"(?P<c{n}_{len(parts.get(language, ()))}>"
                                                          f"{compiled[0].pattern})")
    names = list(data["concepts"])
    patterns = {}
    for language, alternatives in parts.items():
        patterns[language] = re.compile("|".join(alternatives))
    pairs = data.get("compatible_types", [])
    if not isinstance(pairs, list) or not all(isinstance(p, list) and len(p) == 2 for p in pairs):
        raise InputError(str(path), "compatible_types must list pairs of event types")
    for pair in pairs:
        for kind in pair:
            if kind not in taxonomy.TYPES:
                raise InputError(str(path), f"compatible_types: {kind!r} is not one of {', '.join(taxonomy.TYPES)}")
    return Concepts(
        patterns,
        {k: tuple(v) for k, v in combined.items()},
        frozenset(generic),
        frozenset(frozenset(p) for p in pairs),
    ) if names else Concepts({}, {}, frozenset(), frozenset())


@lru_cache(maxsize=4)
def _names(path: Path = CONCEPTS_FILE) -> tuple[str, ...]:
    return tuple(read_yaml(path, "the concept list")["concepts"])


@lru_cache(maxsize=200_000)
def of(text: str, language: str, path: Path = CONCEPTS_FILE) -> frozenset[str]:
    """Return the concepts `text` names (its words as written and, for Indonesian, their roots).

    >>> sorted(of("Kim dan Putin menandatangani traktat di Pyongyang.", "id"))
    ['signing', 'treaty']
    >>> sorted(of("Putin and Kim signed a mutual defence treaty.", "en"))
    ['signing', 'treaty']
    """
    found = load(path)
    pattern = found.patterns.get(language)
    names = _names(path)
    hits: set[str] = set()
    forms = taxonomy.text_forms(text, language)
    if pattern is not None:
        for form in forms:
            for m in pattern.finditer(form):
                hits.add(names[int(m.lastgroup[1:].split("_")[0])])
    for name, compiled in found.combined.get(language, ()):
        if name not in hits and all(any(p.search(f) for f in forms) for p in compiled):
            hits.add(name)
    return frozenset(hits)


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
