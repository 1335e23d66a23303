"""Give a sentence its event type from the cue words in data/event_types.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import roots
from .datafile import read_yaml
from .dates.lexicon import literal_alternation
from .errors import InputError

TYPES_FILE = Path(__file__).resolve().parent.parent / "data" / "event_types.yaml"
CLAUSES_FILE = Path(__file__).resolve().parent.parent / "data" / "clauses.yaml"
# The taxonomy shared with the golden corpus; README "Event types" describes each.
TYPES: tuple[str, ...] = (
    "meeting", "agreement", "statement", "deployment", "arms transfer", "military",
    "casualties", "sanctions", "economic", "diplomacy", "other",
)
OTHER = "other"


@dataclass(frozen=True)
class CueGroup:
    """One group of cues of a type in one language; `cues` are lists of patterns all to match."""

    type: str
    language: str
    words: tuple[str, ...]  # the cues as written, for messages and tests
    gate: tuple[str, ...]  # a literal piece of each cue: a text holding none has no cue
    weak: bool = False  # decides from a main clause only before a complement ("said that")
    # Cue patterns compiled on first use: a run that meets few of the ~900 cues
    # should not pay for compiling them all.
    _compiled: dict = field(default_factory=dict, compare=False, repr=False)

    def patterns(self, i: int) -> tuple[re.Pattern[str], ...]:
        """Return the patterns of cue `i`, all of which must match."""
        got = self._compiled.get(i)
        if got is None:
            got = self._compiled[i] = compile_cue(self.words[i])
        return got

    @property
    def cues(self) -> tuple[tuple[re.Pattern[str], ...], ...]:
        """The patterns of every cue, in the order of `words`."""
        return tuple(self.patterns(i) for i in range(len(self.words)))

    def hits(self, forms: tuple[str, ...], present: frozenset[str] | None = None) -> frozenset[str]:
        """Return the cues (as written) of this group found in any of `forms`.

        `present` (the gate pieces found in the forms, from `_pieces`) skips groups
        none of whose pieces occur before their patterns are tried.
        """
        if present is not None and present.isdisjoint(self.gate):
            return frozenset()
        return frozenset(
            w
            for i, (w, piece) in enumerate(zip(self.words, self.gate))
            if (present is None or piece in present)
            and all(any(p.search(f) for f in forms) for p in self.patterns(i))
        )


def _word(token: str) -> str:
    """Turn one cue word with optional `*` at either end into a regex fragment."""
    core = re.escape(token.strip("*"))
    head = r"\w*" if token.startswith("*") else ""
    tail = r"\w*" if token.endswith("*") else ""
    return head + core + tail


def _literal(cue: str) -> str:
    """Return the longest literal word of a cue's first part; every match contains it."""
    first = cue.lower().split("+")[0].split()
    return max((t.strip("*") for t in first), key=len, default="")


def gate_piece(cue: str) -> str:
    """Return a literal, lower-cased piece every match of `cue` holds (its longest word)."""
    return _literal(cue)


def compile_cue(cue: str) -> tuple[re.Pattern[str], ...]:
    """Compile one cue ("*kirim* + pasukan") into patterns that must all match.

    >>> [bool(p.search("kim menandatangani traktat")) for p in compile_cue("*andatangan*")]
    [True]
    """
    parts = [p.strip() for p in cue.lower().split("+") if p.strip()]
    return tuple(
        re.compile(r"(?<![\w-])" + r"\s+".join(_word(t) for t in part.split()) + r"(?![\w-])")
        for part in parts
    )


@lru_cache(maxsize=4)
def load(path: Path = TYPES_FILE) -> tuple[CueGroup, ...]:
    """Read the cue groups in priority order."""
    data = read_yaml(path, "the event types")
    if not isinstance(data, list):
        raise InputError(str(path), "expected a list of groups with `type` and cue lists per language")
    out = []
    for n, group in enumerate(data, start=1):
        kind = group.get("type") if isinstance(group, dict) else None
        if kind not in TYPES:
            raise InputError(str(path), f"group {n} has type {kind!r}, not one of {', '.join(TYPES)}")
        weak = group.get("weak", False)
        if not isinstance(weak, bool):
            raise InputError(str(path), f"group {n} ({kind}): weak must be true or false")
        for language, cues in group.items():
            if language in ("type", "weak"):
                continue
            if not isinstance(cues, list):
                raise InputError(str(path), f"group {n} ({kind}): {language} must list cues")
            words = tuple(str(c) for c in cues)
            gate = tuple(_literal(c) for c in words)
            out.append(CueGroup(kind, language, words, gate, weak))
    return tuple(out)


@lru_cache(maxsize=1)
def _stemmer():
    # Sastrawi strips Indonesian affixes with a dictionary of roots, recoding the
    # consonant meN-/peN- swallow (mengirim → kirim, memasok → pasok), which no
    # wildcard can express. Its stock dictionary looks words up in a list of ~30,000
    # roots (a linear scan per probe); the same words in a set make stemming ~100×
    # cheaper with identical results.
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Cache.ArrayCache import ArrayCache
    from Sastrawi.Stemmer.CachedStemmer import CachedStemmer
    from Sastrawi.Stemmer.Stemmer import Stemmer

    dictionary = ArrayDictionary()
    dictionary.words = roots.indonesian()
    return CachedStemmer(ArrayCache(), Stemmer(dictionary))


@lru_cache(maxsize=4)
def _root_hint(path: Path = TYPES_FILE) -> re.Pattern[str]:
    """Match words that may have a cue as root: they hold the cue less its first letter.

    Only words that could end as a cue root are stemmed, which keeps the cost of a
    sentence low (meN- may swallow the first letter: kirim → mengirim).
    """
    cue_roots = {
        token
        for g in load(path)
        if g.language == "id"
        for word in g.words
        for token in word.lower().replace("+", " ").split()
        if "*" not in token
    }
    return re.compile("|".join(sorted(re.escape(r[1:]) for r in cue_roots if len(r) > 3)))


@lru_cache(maxsize=65536)
def _root(word: str) -> str:
    return _stemmer().stem(word) if _root_hint().search(word) else word


@dataclass(frozen=True)
class _Index:
    """The cue groups of one language and where each gate piece leads."""

    groups: tuple[CueGroup, ...]  # in priority order
    cues_of: dict[str, tuple[tuple[int, int], ...]]  # gate piece → (group, cue) positions holding it
    automaton: object | None  # every piece, for one pass over a sentence (None: no pieces)


@lru_cache(maxsize=8)
def _index(language: str, path: Path = TYPES_FILE) -> _Index:
    # Every group's literal pieces in one Aho-Corasick automaton: one pass over a
    # sentence tells which cues can match at all (cue patterns, with their word
    # boundaries and wildcards, are slow to try one by one), and the index leads from
    # those pieces straight to their cues instead of asking every group of the list.
    import ahocorasick

    groups = tuple(g for g in load(path) if g.language == language)
    cues_of: dict[str, list[tuple[int, int]]] = {}
    auto = ahocorasick.Automaton()
    for gi, g in enumerate(groups):
        for ci, piece in enumerate(g.gate):
            cues_of.setdefault(piece, []).append((gi, ci))
            if piece:
                auto.add_word(piece, piece)
    if len(auto):
        auto.make_automaton()
    return _Index(groups, {k: tuple(v) for k, v in cues_of.items()}, auto if len(auto) else None)


def _pieces(forms: tuple[str, ...], language: str, path: Path = TYPES_FILE) -> frozenset[str]:
    """Return the gate pieces that occur in any of `forms` ("" always: it gates nothing)."""
    auto = _index(language, path).automaton
    found = {""}
    if auto is not None:
        for f in forms:
            found.update(piece for _, piece in auto.iter(f))
    return frozenset(found)


def _forms(text: str, language: str) -> tuple[str, ...]:
    """Return the texts cues are matched against: as written, plus the roots for id."""
    lowered = text.lower()
    if language == "id":
        return lowered, " ".join(_root(w) for w in re.findall(r"\w+", lowered))
    return (lowered,)


def text_forms(text: str, language: str) -> tuple[str, ...]:
    """Return the texts cue words are matched against (as written, lowered; and roots for id)."""
    return _forms(text, language)


def matched(text: str, language: str, path: Path = TYPES_FILE) -> list[tuple[str, str]]:
    """Return (type, cue) of every cue found in `text`, in priority order."""
    forms = _forms(text, language)
    present = _pieces(forms, language, path)
    found = []
    for g in load(path):
        if g.language == language:
            hit = g.hits(forms, present)
            found.extend((g.type, w) for w in g.words if w in hit)
    return found


@dataclass(frozen=True)
class Clauses:
    """The clause words of one language: what opens a subordinate clause, what a complement."""

    subordinate: re.Pattern[str] | None
    complement: frozenset[str]
    boundary: re.Pattern[str] | None = None  # punctuation (group "p") or a word that starts a clause
    lead: re.Pattern[str] | None = None  # a word that opens a lead phrase ("In talks on Tuesday, ...")
    relative: frozenset[str] = frozenset()  # words that open a relative clause ("that", "yang")
    coordinate: frozenset[str] = frozenset()  # words that join two clauses ("and", "dan")


@lru_cache(maxsize=8)
def clause_words(language: str, path: Path = CLAUSES_FILE) -> Clauses:
    """Return the clause words of `language` from data/clauses.yaml."""
    data = read_yaml(path, "the clause words")
    if not isinstance(data, dict):
        raise InputError(str(path), "expected `subordinate` and `complement`, each with word lists per language")
    lists = {}
    for key in ("subordinate", "complement", "coordinate", "lead", "relative"):
        words = (data.get(key) or {}).get(language, [])
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise InputError(str(path), f"{key}: {language} must list words (quote them)")
        lists[key] = [w.lower() for w in words]
    # Tries of the words (the same matches as the plain alternations, tried faster).
    alt = literal_alternation(lists["subordinate"])
    pattern = re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I) if alt else None
    joined = lists["subordinate"] + lists["coordinate"]
    starts = literal_alternation(joined)
    word = rf"|(?<![\w-])(?:{starts})(?![\w-])" if starts else ""
    boundary = re.compile(rf"(?P<p>[,;]\s+|\s[-–—]{{1,2}}\s){word}", re.I)
    leads = literal_alternation(lists["lead"])
    lead = re.compile(rf"[\s\"'“(]*(?:{leads})(?![\w-])", re.I) if leads else None
    return Clauses(pattern, frozenset(lists["complement"]), boundary, lead, frozenset(lists["relative"]),
                   frozenset(lists["coordinate"]))


def clause_span(text: str, start: int, end: int, language: str, memo: dict | None = None) -> tuple[int, int]:
    """Return where the clause of `text` that holds `text[start:end]` (a time expression) begins and ends.

    Clauses end at commas, semicolons and dashes and before a subordinating or
    coordinating word of data/clauses.yaml; boundaries inside the span are ignored.
    A first clause ended by a comma that opens with a lead word (a preposition) is a
    lead phrase ("In talks on Tuesday, ...") and runs on to the end of the next clause.
    Hand-written for the reason given in `main_clause`. `memo`: see `cues` (a sentence
    dating several events is searched for boundaries once).
    """
    words = clause_words(language)
    # (where the clause before a boundary stops, where the clause after it starts)
    cuts: list[tuple[int, int]] = []
    for b_start, b_end, punct in _boundaries(text, language, memo):
        if b_start < end and start < b_end:
            continue  # inside the time expression
        if not punct and cuts and cuts[-1][1] == b_start:
            continue  # the word of ", and": one boundary
        cuts.append((b_start, b_end if punct else b_start))
    before = [c for c in cuts if c[1] <= start]
    after = [c for c in cuts if c[0] >= end]
    begin = before[-1][1] if before else 0
    stop = after[0][0] if after else len(text)
    lead = not before and after and text[stop : after[0][1]].lstrip().startswith(",")
    if lead and words.lead and words.lead.match(text):
        stop = after[1][0] if len(after) > 1 else len(text)
    return begin, stop


def _boundaries(text: str, language: str, memo: dict | None) -> list[tuple[int, int, bool]]:
    """Return (start, end, is punctuation) of every clause boundary match in `text`."""
    key = ("boundaries", text, language)
    found = memo.get(key) if memo is not None else None
    if found is None:
        boundary = clause_words(language).boundary
        found = [(m.start(), m.end(), bool(m.group("p"))) for m in boundary.finditer(text)] if boundary else []
        if memo is not None:
            memo[key] = found
    return found


def clause_at(text: str, start: int, end: int, language: str) -> str:
    """Return the clause of `text` that holds `text[start:end]` (see `clause_span`).

    >>> s = "Russia invaded Ukraine in 2022 and the UN voted in March."
    >>> clause_at(s, s.index("March"), s.index("March") + 5, "en")
    'and the UN voted in March.'
    >>> s = "In talks on Tuesday, Kim vowed support, KCNA reported a day later."
    >>> clause_at(s, s.index("Tuesday"), s.index("Tuesday") + 7, "en")
    'In talks on Tuesday, Kim vowed support'
    """
    begin, stop = clause_span(text, start, end, language)
    return text[begin:stop].strip()


def classify_at(
    text: str,
    start: int,
    end: int,
    language: str,
    others: tuple[tuple[int, int], ...] = (),
    path: Path = TYPES_FILE,
    memo: dict | None = None,
) -> tuple[str, str]:
    """Return the type of the event whose time expression is `text[start:end]`, and the clause that decided it.

    Meant for a sentence that dates several events with different dates; `others`
    are the spans of the time expressions of those other events. The clause holding
    the time expression (see `clause_at`) decides by the rules of `cues` when it has
    a cue and holds none of `others` (a clause that holds two dates cannot tell their
    events apart); otherwise the whole sentence does and the clause is "". `memo`: see `cues`.

    >>> s = "North Korea sent troops in October, and Russia signed a treaty in June."
    >>> classify_at(s, s.index("June"), s.index("June") + 4, "en")
    ('agreement', 'and Russia signed a treaty in June.')
    """
    begin, stop = clause_span(text, start, end, language, memo)
    clause = text[begin:stop].strip()
    shared = any(begin < b and a < stop for a, b in others)
    kind = OTHER if shared else cues(clause, language, path, memo)[0]
    if kind == OTHER:
        return classify(text, language, path, memo), ""
    return kind, clause


def main_clause(text: str, language: str) -> tuple[str, str]:
    """Return the main clause of `text` and the word that ends it ("" at the sentence end).

    The main clause is the text before the first subordinating word; a sentence that
    opens with a subordinate clause ("After the talks, X ...") has its main clause
    after the first comma. Hand-written: a dependency parser would do this properly,
    but costs a model download and far more time per sentence than typing is worth.

    >>> main_clause("Kedua negara meneken traktat yang memuat klausul bantuan militer.", "id")
    ('Kedua negara meneken traktat ', 'yang')
    >>> main_clause("After the talks, Kim said that troops would go.", "en")
    ('Kim said ', 'that')
    """
    pattern = clause_words(language).subordinate
    first = pattern.search(text) if pattern else None
    if first and not text[: first.start()].strip(" \t\"'“(-–—"):
        comma = text.find(",", first.end())
        if comma < 0:
            return text, ""
        text = text[comma + 1 :].lstrip()
        first = pattern.search(text)
    return (text[: first.start()], first.group().lower()) if first else (text, "")


def _decide(text: str, language: str, path: Path) -> tuple[CueGroup | None, frozenset[str]]:
    """Return the first group in priority order with a cue in `text`, and its cues found.

    The same answer as asking each group's `hits`, trying only the cues whose gate
    piece occurs in the text.
    """
    forms = _forms(text, language)
    index = _index(language, path)
    tried: dict[int, list[int]] = {}
    for piece in _pieces(forms, language, path):
        for gi, ci in index.cues_of.get(piece, ()):
            tried.setdefault(gi, []).append(ci)
    for gi in sorted(tried):
        g = index.groups[gi]
        hit = frozenset(
            g.words[ci] for ci in tried[gi] if all(any(p.search(f) for f in forms) for p in g.patterns(ci))
        )
        if hit:
            return g, hit
    return None, frozenset()


def cues(
    text: str, language: str, path: Path = TYPES_FILE, memo: dict | None = None
) -> tuple[str, frozenset[str]]:
    """Return the type of `text` and the cues of the group that decided it.

    The main clause decides first (see `main_clause`): a cue there wins, but a cue of a
    weak group (said, relations) only before a complement ("X said that Y"); otherwise
    the whole sentence decides, in priority order. `memo`, a dict kept for one article,
    decides a text asked about again (a sentence dating two events) only once.

    >>> kind, found = cues("Kim dan Putin menandatangani pakta.", "id")
    >>> kind, sorted(found)
    ('agreement', ['*andatangan*', 'pakta'])
    """
    if memo is not None:
        key = ("cues", text, language, path)
        found = memo.get(key)
        if found is None:
            found = memo[key] = cues(text, language, path)
        return found
    main, cut = main_clause(text, language)
    if main.strip() and main != text:
        group, hit = _decide(main, language, path)
        if group is not None and (not group.weak or cut in clause_words(language).complement):
            return group.type, hit
    group, hit = _decide(text, language, path)
    return (group.type, hit) if group else (OTHER, frozenset())


def classify(text: str, language: str, path: Path = TYPES_FILE, memo: dict | None = None) -> str:
    """Return the event type of `text`: the first group in priority order with a cue in it.

    >>> classify("Kim dan Putin menandatangani traktat di Pyongyang.", "id")
    'agreement'
    >>> classify("Russia and North Korea signed a treaty.", "en")
    'agreement'
    >>> classify("Cuaca cerah.", "id")
    'other'
    """
    return cues(text, language, path, memo)[0]
