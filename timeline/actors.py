"""Find the states, organisations and people an article names, from data/actors.csv."""
from __future__ import annotations

import csv
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from .errors import InputError
from .model import ActorMention, Sentence

ACTORS_FILE = Path(__file__).resolve().parent.parent / "data" / "actors.csv"
KINDS = ("country", "organisation", "person", "pair", "none")
_COLUMNS = ("name", "kind", "country", "adds_country", "aliases", "short_names", "home_aliases")
_ACRONYM_MAX = 3  # aliases of this many capitals or fewer match only in capitals
_MIN_WORDS_TO_INHERIT = 5  # shorter lines (datelines, headings) never borrow actors
_PAIR = 2  # "kedua negara" asks for two states


@dataclass(frozen=True)
class Actor:
    """One row of the actor list."""

    name: str
    kind: str  # country, organisation, person, or pair (a reference to two states)
    country: str
    aliases: tuple[str, ...]
    short_names: tuple[str, ...] = ()
    adds_country: bool = False  # a mention also names `country`
    home_aliases: tuple[str, ...] = ()  # names it only where no other state is named ("Constitutional Court")


@dataclass(frozen=True)
class Cast:
    """Who one sentence names: states and organisations, people, and whether borrowed."""

    actors: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    inferred: bool = False  # some names come from the context, not the sentence


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (cell or "").split("|") if a.strip())


def load(path: Path = ACTORS_FILE) -> tuple[Actor, ...]:
    """Read the actor list (lines starting with # are notes; aliases are `|`-separated)."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(line for line in f if not line.lstrip().startswith("#")))
    except OSError as exc:
        raise InputError(str(path), f"cannot read the actor list ({exc.strerror})") from exc
    out = []
    for n, r in enumerate(rows, start=2):
        missing = [c for c in ("name", "kind", "aliases") if not (r.get(c) or "").strip()]
        if missing:
            raise InputError(str(path), f"actor row {n} lacks {', '.join(missing)}")
        kind = r["kind"].strip()
        if kind not in KINDS:
            raise InputError(str(path), f"actor row {n} ({r['name']}) has kind {kind!r}, not one of {KINDS}")
        adds = (r.get("adds_country") or "").strip().lower()
        out.append(
            Actor(
                name=r["name"].strip(),
                kind=kind,
                country=(r.get("country") or "").strip(),
                aliases=_split(r["aliases"]),
                short_names=_split(r.get("short_names")),
                adds_country=adds == "yes" or (kind == "person" and adds != "no"),
                home_aliases=_split(r.get("home_aliases")),
            )
        )
    return tuple(out)


@lru_cache(maxsize=4)
def _automaton(path: Path = ACTORS_FILE) -> ahocorasick.Automaton:
    # One Aho-Corasick pass over the lowercased text finds every alias at once, so a
    # list of thousands of aliases costs no more than one of ten.
    entries: dict[str, list[tuple[Actor, str, bool]]] = {}
    for actor in load(path):
        for alias in actor.aliases + actor.home_aliases:
            entries.setdefault(alias.lower(), []).append((actor, alias, False))
        for short in actor.short_names:
            entries.setdefault(short.lower(), []).append((actor, short, True))
    auto = ahocorasick.Automaton()
    for key, found in entries.items():
        # A full alias wins over a short name spelt the same; among full aliases the
        # first row wins. Short names keep every person who carries them.
        full = [e for e in found if not e[2]]
        cands = tuple(full[:1] or found)
        # Whether any candidate has a case rule to check (most aliases have none).
        checked = any(_case_rule(alias, actor, short) for actor, alias, short in cands)
        auto.add_word(key, (len(key), cands, checked))
    auto.make_automaton()
    return auto


def _case_rule(alias: str, actor: Actor, short: bool) -> bool:
    """Tell whether `_case_ok` or the name check of `_scan` can refuse some writing of `alias`."""
    return ((alias.isupper() and len(alias.replace(".", "")) <= _ACRONYM_MAX) or _written_as(alias)
            or short or actor.kind == "person")


def _written_as(alias: str) -> bool:
    """True for aliases that count only as written: a lowercase word then a capital ("the North")."""
    return alias[:1].islower() and alias != alias.lower()


def _case_ok(written: str, alias: str, actor: Actor, short: bool) -> bool:
    """Apply the case rules: acronyms in capitals, names with a capital first letter."""
    if alias.isupper() and len(alias.replace(".", "")) <= _ACRONYM_MAX:
        return written == alias
    if _written_as(alias):
        return written[1:] == alias[1:]  # "The North" opening a sentence, not "the north"
    if short or actor.kind == "person":
        return written[:1].isupper()
    return True


def _continues_name(text: str, end: int) -> bool:
    """True when a Titlecase word follows: "Kim Yong Chol" is not a short "Kim"."""
    if text[end:end + 1] != " " or len(text) - end < 3:
        return False
    stop = text.find(" ", end + 1)  # the next word runs to the next space (not a copy of the rest)
    word = text[end + 1:stop if stop >= 0 else len(text)]
    return word[:1].isupper() and any(c.islower() for c in word)


def _scan(text: str, path: Path) -> list[tuple[int, int, tuple[tuple[Actor, str, bool], ...]]]:
    """Return non-overlapping alias hits (start, end, candidates), longest first."""
    lowered = text.lower()
    size = len(text)
    hits = []
    for end, (length, cands, checked) in _automaton(path).iter(lowered):
        start, stop = end - length + 1, end + 1
        if (start > 0 and text[start - 1].isalnum()) or (
            stop < size and (text[stop].isalnum() or text[stop] == "$")  # "US$ 5 juta" is a currency
        ):
            continue  # inside a word
        if checked:
            written = text[start:stop]
            cands = tuple(
                c
                for c in cands
                if _case_ok(written, c[1], c[0], c[2]) and not (_written_as(c[1]) and _continues_name(text, stop))
            )
        if cands:
            hits.append((start, stop, cands))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out, last_end = [], -1
    for hit in hits:
        if hit[0] >= last_end:
            out.append(hit)
            last_end = hit[1]
    return out


def _resolve(text: str, hits: list) -> list[tuple[int, int, Actor]]:
    """Give each short name the person it stands for; drop pair references and misses."""
    named = [(s, c[0][0]) for s, _e, c in hits if not c[0][2] and c[0][0].kind == "person"]
    out = []
    for start, end, cands in hits:
        actor, _alias, short = cands[0]
        if not short:
            out.append((start, end, actor))
            continue
        if _continues_name(text, end):
            continue
        carriers = {c[0].name for c in cands}
        before = [a for s, a in named if s < start and a.name in carriers]
        after = [a for s, a in named if s > start and a.name in carriers]
        if before or after:
            out.append((start, end, before[-1] if before else after[0]))
    return out


def find(text: str, path: Path = ACTORS_FILE) -> list[ActorMention]:
    """Return the actor mentions in `text` in text order, longest match first, no overlaps.

    Bare surnames ("Kim") are resolved to the person `text` named before.

    >>> [m.name for m in find("Korut dan Rusia-Ukraina")]
    ['North Korea', 'Russia', 'Ukraine']
    >>> [m.name for m in find("Kim Jong Un tiba. Kim bertemu Putin.")]
    ['Kim Jong Un', 'Kim Jong Un', 'Vladimir Putin']
    """
    return _mentions(_resolve(text, _scan(text, path)))


def references(text: str, path: Path = ACTORS_FILE) -> list[tuple[int, int]]:
    """Return the spans of pair references ("kedua negara", "both countries") in `text`."""
    return _references(_resolve(text, _scan(text, path)))


def _named(resolved: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
    return [(s, e, a) for s, e, a in resolved if a.kind not in ("pair", "none")]


def _mentions(resolved: list[tuple[int, int, Actor]]) -> list[ActorMention]:
    return [ActorMention(a.name, a.kind, a.country, s, e) for s, e, a in _named(resolved)]


def _references(resolved: list[tuple[int, int, Actor]]) -> list[tuple[int, int]]:
    return [(s, e) for s, e, a in resolved if a.kind == "pair"]


def names(mentions: Sequence[ActorMention]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return (states and organisations, people) of `mentions`, in order of mention."""
    return _names((m.name, m.kind) for m in mentions)


def _names(mentions: Iterable[tuple[str, str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """`names` of (name, kind) pairs."""
    states: list[str] = []
    people: list[str] = []
    country_of = _adds_country()
    for name, kind in mentions:
        if kind == "person":
            if name not in people:
                people.append(name)
        elif name not in states:
            states.append(name)
        country = country_of.get(name, "")
        if country and country not in states:
            states.append(country)
    return tuple(states), tuple(people)


@lru_cache(maxsize=1)
def _adds_country(path: Path = ACTORS_FILE) -> dict[str, str]:
    return {a.name: a.country for a in load(path) if a.adds_country and a.country}


def countries_of(people: tuple[str, ...]) -> tuple[str, ...]:
    """Return the states of the people named (data/actors.csv `country`), each once, in order."""
    table = _adds_country()
    return tuple(dict.fromkeys(table[p] for p in people if p in table))


@lru_cache(maxsize=1)
def _kinds(path: Path = ACTORS_FILE) -> dict[str, str]:
    return {a.name: a.kind for a in load(path)}


def _states(names_: Sequence[str]) -> list[str]:
    kinds = _kinds()
    return [n for n in names_ if kinds.get(n) == "country"]


def by_sentence(text: str, sents: Sequence[Sentence]) -> list[Cast]:
    """Return who each sentence names; sentences naming none borrow from their context.

    A sentence of five words or more that names nobody takes the actors of the nearest
    earlier sentence of its paragraph that names some, else of the sentence just before
    it; a pair reference ("kedua negara") fills up to two states from the sentences
    before. Borrowed names are marked `inferred`.

    >>> from timeline.segment import sentences
    >>> t = "Rusia dan Korut membantah.\\n\\nPada Januari 2024 terjadi tujuh kali pengiriman."
    >>> [c.inferred for c in by_sentence(t, sentences(t))]
    [False, True]
    """
    resolved = _resolve(text, _scan(text, ACTORS_FILE))  # one scan serves mentions and pair references
    named, refs = _named(resolved), _references(resolved)
    starts = [start for start, _, _ in named]  # in text order: a sentence's mentions are a slice
    own: list[Cast] = []
    counts = Counter(a.name for _, _, a in named if a.kind == "country")
    story = counts.most_common(1)[0][0] if counts else ""  # the state the article names most
    for s in sents:
        inside = _abroad(text, named[bisect_left(starts, s.start):bisect_right(starts, s.end)], story)
        own.append(Cast(*_names((a.name, a.kind) for _, end, a in inside if end <= s.end)))
    out: list[Cast] = []
    for i, (s, cast) in enumerate(zip(sents, own)):
        bare = not cast.actors and not cast.people  # words are counted up to the minimum only
        if bare and len(s.text.split(maxsplit=_MIN_WORDS_TO_INHERIT - 1)) >= _MIN_WORDS_TO_INHERIT:
            source = next(
                (own[j] for j in range(i - 1, -1, -1) if sents[j].paragraph == s.paragraph and own[j].actors),
                own[i - 1] if i > 0 else Cast(),
            )
            if source.actors or source.people:
                cast = Cast(source.actors, source.people, True)
        if any(s.start <= a and b <= s.end for a, b in refs):
            # the pair reference says whom the sentence is about: no borrowing first
            cast = _fill_pair(own[i], own[:i])
        out.append(cast)
    return out


def _abroad(text: str, inside: list[tuple[int, int, Actor]], story: str) -> list[tuple[int, int, Actor]]:
    """Drop the home aliases that name another country's body of that name.

    "South Korea's Constitutional Court", "Mahkamah Konstitusi Thailand": the sentence
    names another state. "The Constitutional Court reinstated Han" in an article that
    names South Korea most (`story`): that country's court, unless the sentence names
    the home country itself.
    """
    home = [(s, e, a) for s, e, a in inside if a.home_aliases and text[s:e].lower() in _lowered(a.home_aliases)]
    if not home:
        return inside
    states = {a.name if a.kind == "country" else a.country for s, e, a in inside if (s, e, a) not in home}
    return [(s, e, a) for s, e, a in inside
            if (s, e, a) not in home or not states - {a.country, ""} and (story in ("", a.country) or a.country in states)]


@lru_cache(maxsize=64)
def _lowered(aliases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(a.lower() for a in aliases)


def _pair_of_article(states: Sequence[str], before: Sequence[Cast]) -> list[str]:
    """Return the two states named together in most sentences of `before` (ties: latest).

    Only pairs holding the sentence's own `states` count; [] when no sentence names such a pair.
    """
    together: Counter[tuple[str, str]] = Counter()
    latest: dict[tuple[str, str], tuple[int, list[str]]] = {}
    for n, earlier in enumerate(before):
        named = list(dict.fromkeys(_states(earlier.actors)))
        for a, b in combinations(named, 2):
            key = tuple(sorted((a, b)))
            together[key] += 1
            latest[key] = (n, [a, b])
    fitting = [k for k in together if all(s in k for s in states)]
    if not fitting:
        return []
    best = max(fitting, key=lambda k: (together[k], latest[k][0]))
    return latest[best][1]


def _fill_pair(cast: Cast, before: Sequence[Cast]) -> Cast:
    """Add states until the sentence has two.

    When the sentence just before names exactly the two states ("Trump ... Kim. The two
    leaders met"), those. Otherwise "the two countries" points past a few sentences
    about one side or a third state (Seoul's drills, Kim's shipyard visit) to the pair
    the article is about: the two states named together in most sentences before it.
    When no sentence before names two states, the most recently named states fill in.
    """
    states = _states(cast.actors)
    added = list(cast.actors)
    last = list(dict.fromkeys(states + _states(before[-1].actors))) if before else []
    pair = last if len(last) == _PAIR else _pair_of_article(states, before)
    for name in pair if len(states) < _PAIR else ():
        if name not in states:
            states.append(name)
            added.append(name)
    for earlier in reversed(before):
        for name in _states(earlier.actors):
            if len(states) >= _PAIR:
                break
            if name not in states:
                states.append(name)
                added.append(name)
    if len(added) == len(cast.actors):
        return cast
    return Cast(tuple(added), cast.people, True)
