"""What a sentence is about, in words both languages share: the concepts of data/concepts.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import taxonomy, verbs
from .datafile import read_yaml
from .dates.lexicon import FOLDS_TO_ASCII
from .errors import InputError

CONCEPTS_FILE = Path(__file__).resolve().parent.parent / "data" / "concepts.yaml"


@dataclass(frozen=True)
class Concepts:
    """The concept list of one file: its cues per language behind a gate, and what is generic."""

    cues: dict[str, tuple[tuple[str, str], ...]]  # language → (concept, cue as written)
    gates: dict[str, object]  # language → Aho-Corasick automaton: a literal piece → the cues holding it
    generic: frozenset[str]
    compatible: frozenset[frozenset[str]]  # pairs of event types one happening may be given
    family: dict[str, frozenset[str]] = field(default_factory=dict)  # concept → the concepts of its families
    # (language, concept) → the phrases in which its cues name something else ("tear gas")
    unless: dict[tuple[str, str], re.Pattern[str]] = field(default_factory=dict)
    # (language, cue index) → its patterns, all to match: compiled when the gate first lets the
    # cue through (compiling all ~1,200 at start cost a fifth of `extract`'s start-up)
    compiled: dict[tuple[str, int], tuple[re.Pattern[str], ...]] = field(default_factory=dict, compare=False)

    def patterns(self, language: str, k: int) -> tuple[re.Pattern[str], ...]:
        """Return the patterns of cue `k` of `language`, compiled once."""
        got = self.compiled.get((language, k))
        if got is None:
            got = self.compiled[(language, k)] = taxonomy.compile_cue(self.cues[language][k][1])
        return got


@lru_cache(maxsize=4)
def _data(path: Path = CONCEPTS_FILE) -> dict:
    """Return the concept file, read once: every list below comes from it."""
    data = read_yaml(path, "the concept list")
    if not isinstance(data, dict) or not isinstance(data.get("concepts"), dict):
        raise InputError(str(path), "expected `concepts:` mapping each concept to its cues per language")
    return data


def _check_list(value: object, where: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(str(path), f"{where} must be a list of words")
    return value


@lru_cache(maxsize=4)
def load(path: Path = CONCEPTS_FILE) -> Concepts:
    """Read the concept list; a malformed file is named with what is wrong."""
    import ahocorasick

    data = _data(path)
    cues: dict[str, list] = {}
    generic = set()
    unless: dict[tuple[str, str], re.Pattern[str]] = {}
    for name, spec in data["concepts"].items():
        if not isinstance(spec, dict):
            raise InputError(str(path), f"concept {name!r} must map languages to cue lists")
        if spec.get("generic", False) is True:
            generic.add(name)
        not_ = spec.get("not") or {}
        if not isinstance(not_, dict):
            raise InputError(str(path), f"concept {name!r}: `not` must map languages to phrase lists")
        for language, phrases in not_.items():
            words = _check_list(phrases, f"concept {name!r}, not, {language}", path)
            unless[(language, name)] = re.compile(r"(?<!\w)(?:" + _alternation(words) + r")(?!\w)", re.I)
        for language, words in spec.items():
            if language not in ("generic", "not"):
                for cue in _check_list(words, f"concept {name!r}, {language}", path):
                    cues.setdefault(language, []).append((name, cue, taxonomy.gate_piece(cue)))
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
    families = data.get("families", [])
    if not isinstance(families, list) or not all(isinstance(f, list) and len(f) >= 2 for f in families):
        raise InputError(str(path), "families must list groups of two or more concepts")
    family: dict[str, set[str]] = {}
    for group in families:
        for name in group:
            if name not in data["concepts"]:
                raise InputError(str(path), f"families: {name!r} is no concept of the list")
            family.setdefault(name, set()).update(g for g in group if g != name)
    return Concepts(
        {k: tuple((n, c) for n, c, _ in v) for k, v in cues.items()},
        gates,
        frozenset(generic),
        frozenset(frozenset(p) for p in pairs),
        {k: frozenset(v) for k, v in family.items()},
        unless,
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
    named = {cues[k][0] for k in maybe if _holds(found, language, k, forms)}
    for name in [n for n in named if (language, n) in found.unless]:
        # its cues are read again with the phrases that name something else blanked out
        # ("police fired tear gas" names no gas supply, "the plane lifted off" lifts no ban)
        blank = found.unless[(language, name)].sub(lambda m: " " * len(m.group()), text)
        if blank != text:
            again = taxonomy.text_forms(blank, language)
            if not any(cues[k][0] == name and _holds(found, language, k, again) for k in maybe):
                named.discard(name)
    return frozenset(named)


def _holds(found: Concepts, language: str, k: int, forms) -> bool:
    """Tell whether every pattern of cue `k` matches one of the text's `forms`."""
    return all(any(p.search(f) for f in forms) for p in found.patterns(language, k))


def specific(found: frozenset[str], path: Path = CONCEPTS_FILE) -> frozenset[str]:
    """Return the concepts of `found` that can make a merge on their own (not generic)."""
    return found - load(path).generic


def related(a: frozenset[str], b: frozenset[str], path: Path = CONCEPTS_FILE) -> bool:
    """Tell whether a concept of `a` and one of `b` are of one family (a missile strike told as an attack).

    >>> related(frozenset({"missile"}), frozenset({"attack"})), related(frozenset({"treaty"}), frozenset({"railway"}))
    (True, False)
    """
    family = load(path).family
    return any(family.get(x, frozenset()) & b for x in a)


def compatible(a: str, b: str, path: Path = CONCEPTS_FILE) -> bool:
    """Tell whether one happening may be typed `a` by one report and `b` by another."""
    return a == b or frozenset((a, b)) in load(path).compatible


def _words(key: str, language: str, path: Path) -> list[str]:
    """Return the word list of `key` for `language` (a per-language mapping in the file), checked."""
    return _check_list((_data(path).get(key) or {}).get(language) or [], f"{key}, {language}", path)


@lru_cache(maxsize=4)
def not_names(path: Path = CONCEPTS_FILE) -> frozenset[str]:
    """Return the capitalised words that name no place or thing (titles, offices), from `not_names:`."""
    return frozenset(_check_list(_data(path).get("not_names") or [], "not_names", path))


@lru_cache(maxsize=4)
def _additive(language: str, path: Path = CONCEPTS_FILE) -> re.Pattern[str] | None:
    words = _words("additive", language, path)
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


OPENING_WORDS = 7  # a sentence points back at what came before in its first this many words


def opens_pointing_back(text: str, language: str, path: Path = CONCEPTS_FILE) -> bool:
    """Tell whether `text` opens by naming what was told before ("prosesi itu", "That announcement").

    >>> opens_pointing_back("Di Indonesia, prosesi itu berlangsung Selasa dini hari WIB.", "id")
    True
    >>> opens_pointing_back("Kementerian Pertahanan Rusia sore ini WIB menyatakan gempuran tersebut.", "id")
    False
    """
    pattern = _opening(language, path)
    return bool(pattern and pattern.match(text))


@lru_cache(maxsize=4)
def _opening(language: str, path: Path = CONCEPTS_FILE) -> re.Pattern[str] | None:
    before = _words("opening_back_before", language, path)
    after = _words("reference_demonstratives", language, path)  # "pertemuan … itu": the same words
    word = r"[\w'’-]+[\s,]+"
    parts = ([rf"(?:{word}){{0,{OPENING_WORDS - 2}}}{_alternation(before)}\s+[\w-]+"] if before else []) + (
        [rf"(?:{word}){{1,{OPENING_WORDS - 1}}}{_alternation(after)}\b"] if after else [])
    return re.compile(r"\W*(?:" + "|".join(parts) + ")", re.I) if parts else None


@lru_cache(maxsize=4)
def _lead(language: str, path: Path = CONCEPTS_FILE) -> re.Pattern[str] | None:
    words = _words("reference_leads", language, path)
    if not words:
        return None
    # The lead word within the first few words, then up to the first comma.
    return re.compile(r"^(?:[\w'’-]+\s+){0,3}?(?:" + "|".join(re.escape(w) for w in words) + r")\b[^,;]{0,80}?,\s*",
                      re.I)


@lru_cache(maxsize=4)
def _tail(language: str, path: Path = CONCEPTS_FILE) -> re.Pattern[str] | None:
    words = _words("reference_leads", language, path)
    if not words:
        return None
    measures = _words("reference_measures", language, path)
    measure = r"(?:(?:\d+|" + _alternation(measures) + r")\s+){0,3}" if measures else ""
    # A comma, a count ("beberapa jam", "two days"), then the lead word.
    return re.compile(r",\s*" + measure + _alternation(words) + r"\b", re.I)


def counted_after(time_text: str, language: str, path: Path = CONCEPTS_FILE) -> bool:
    """Tell whether a time expression ends with a lead word: what follows it is the happening it counts from.

    >>> counted_after("a day after", "en"), counted_after("sehari setelah", "id")
    (True, True)
    >>> counted_after("on Monday", "en")
    False
    """
    words = time_text.lower().split()
    return bool(words) and words[-1] in _leads(language, path)


@lru_cache(maxsize=4)
def _leads(language: str, path: Path = CONCEPTS_FILE) -> frozenset[str]:
    return frozenset(w.lower() for w in _words("reference_leads", language, path))


def without_tail(text: str, time_text: str, language: str, path: Path = CONCEPTS_FILE) -> str:
    """Return `text` without a closing phrase that names another happening as a reference.

    Left whole when the time expression stands in that phrase (then the phrase is what it dates).

    >>> without_tail("The cabinet was announced on Sunday night, hours after he was sworn in.", "Sunday", "en")
    'The cabinet was announced on Sunday night'
    """
    pattern = _tail(language, path)
    if pattern is None:
        return text
    for m in pattern.finditer(text):
        if time_text and time_text in text[m.start():]:
            continue
        # The phrase runs to the sentence's end: a later piece with a verb is the sentence
        # going on ("…, before the talks, Netanyahu phoned …"), a place is not ("…, Senayan.").
        if any(verbs.has_verb(piece, language) for piece in re.split(r"[,;]", text[m.end():])[1:]):
            continue
        return text[:m.start()]
    return text


def without_lead(text: str, language: str, path: Path = CONCEPTS_FILE, time_text: str = "") -> str:
    """Return `text` without a lead phrase that names another happening as its time.

    Left whole when the time expression stands in that phrase (then the phrase is what it
    dates: "Situasi memanas setelah AS menggempur Houthi pada Jumat (12/1), disusul …").

    >>> without_lead("Hours before the summit, North Korea fired two missiles.", "en")
    'North Korea fired two missiles.'
    """
    pattern = _lead(language, path)
    if pattern is None:
        return text
    m = pattern.match(text)
    if time_text and m and time_text in text[:m.end()]:
        return text
    return text[m.end():] if m and m.end() < len(text) else text


def _alternation(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=4)
def _reference(language: str, path: Path = CONCEPTS_FILE) -> tuple[re.Pattern[str], ...] | None:
    nouns = _words("reference_nouns", language, path)
    if not nouns:
        return None
    noun = _alternation(nouns)
    links = _words("reference_links", language, path)
    link = "(?:" + _alternation(links) + r"\s+)?" if links else ""
    openers = _words("reference_openers", language, path)
    opener = r"(?:^|[,;:(—–]\s*|\b" + _alternation(openers) + r"\s+(?:[\w-]+\s+){0,2}?)" if openers else r"(?:^|[,;:]\s*)"
    # "the clash on June 17", "insiden kemarin": an opener, the noun, a linking word, the
    # time; "Tuesday's incident", "the June 17 clash": the time, then the noun.
    before = re.compile(opener + noun + r"\s+" + link + r"$", re.I)
    bare = re.compile(r"\b" + noun + r"\s+" + link + r"$", re.I)
    after = re.compile(r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?" + noun + r"\b", re.I)
    shown = _words("reference_demonstratives", language, path)
    demonstrative = re.compile(r"^\s*\)?\s*" + _alternation(shown) + r"\b", re.I) if shown else None
    return before, bare, after, demonstrative


@lru_cache(maxsize=100_000)
def refers(text: str, time_text: str, language: str, path: Path = CONCEPTS_FILE) -> bool:
    """Tell whether `time_text` in `text` dates a happening the article names by a noun ("Tuesday's incident").

    Such a sentence is about that happening, whatever else it tells; in its article it
    joins the happening of that date.

    >>> refers("Manila called Tuesday's incident illegal.", "Tuesday", "en")
    True
    >>> refers("Insiden kemarin menunjukkan pentingnya perundingan.", "kemarin", "id")
    True
    >>> refers("China fired water cannon on Tuesday.", "Tuesday", "en")
    False
    >>> refers("Kim and Putin held talks on Tuesday.", "Tuesday", "en")
    False
    """
    patterns = _reference(language, path)
    at = text.find(time_text) if time_text else -1
    if patterns is None or at < 0:
        return False
    before, bare, after, demonstrative = patterns
    head, tail = text[max(0, at - 80):at], text[at + len(time_text):at + len(time_text) + 60]
    if after.match(tail) and (tail[:1] in "'’" or re.search(r"\bthe\s+$", head, re.I)):
        return True
    if before.search(head):
        return True
    return bool(demonstrative and demonstrative.match(tail) and bare.search(head))


@lru_cache(maxsize=4)
def _number_words(language: str, path: Path = CONCEPTS_FILE) -> tuple[re.Pattern[str], dict[str, int], frozenset[str]]:
    table = (_data(path).get("number_words") or {}).get(language) or {}
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, int) for k, v in table.items()):
        raise InputError(str(path), f"number_words, {language} must map words to whole numbers")
    skip = frozenset(w.lower() for w in _words("number_word_skip", language, path))
    # The word before, then the number word (longest first: "dua belas" is 12, not 2).
    words = _alternation(list(table)) if table else r"(?!x)x"
    firsts = [_WORD_RUN.match(w.lower()) for w in table]
    return (re.compile(r"((?<!\w)\w+\s+)?(?<!\w)(" + words + r")(?!\w)", re.I),
            {k.lower(): v for k, v in table.items()}, skip,
            frozenset(m.group() for m in firsts if m) if all(firsts) else None)


_WORD_RUN = re.compile(r"\w+")


def numbers(text: str, language: str, path: Path = CONCEPTS_FILE) -> frozenset[str]:
    """Return the numbers `text` writes as words ("two days", "dua hari"), not after "the" or "both".

    >>> sorted(numbers("The two leaders agreed on a three-phase deal.", "en"))
    ['3']
    >>> sorted(numbers("Jeda diperpanjang dua hari.", "id"))
    ['2']
    """
    pattern, table, skip, firsts = _number_words(language, path)
    # Most sentences hold no number word: a match's number word is a whole run of word
    # characters up to its first non-word one, so when no lower-cased word of the text is
    # such a first word there is no match, and the pattern (which tries its optional leading
    # word at every word) is not run; a third of the cost on the bench's event sentences.
    if firsts is not None and not FOLDS_TO_ASCII.search(text) and firsts.isdisjoint(
            _WORD_RUN.findall(text.lower())):
        return frozenset()
    # A case-insensitive match may be a letter Python folds to ASCII ("ſix"), not a word of
    # the table: such a match is no number the table knows.
    return frozenset(str(table[word]) for m in pattern.finditer(text)
                     if (word := m.group(2).lower()) in table
                     and not (m.group(1) and m.group(1).split()[0].lower() in skip))


@lru_cache(maxsize=4)
def _back(language: str, path: Path = CONCEPTS_FILE) -> tuple[frozenset[str], tuple[str, ...]]:
    words = [w.lower() for w in _words("back_references", language, path)]
    return frozenset(w for w in words if not w.startswith("*")), tuple(w[1:] for w in words if w.startswith("*"))


def points_back(text: str, language: str, path: Path = CONCEPTS_FILE) -> bool:
    """Tell whether `text` refers back by a pronoun or demonstrative ("mendeteksinya", "announced it").

    >>> points_back("meski intelijen sudah mendeteksinya sejak Oktober 2024", "id")
    True
    >>> points_back("The cabinet was announced on Sunday", "en")
    False
    """
    whole, endings = _back(language, path)
    return any(w in whole or (endings and w.endswith(endings) and len(w) > 5)
               for w in re.findall(r"\w+", text.lower()))
