"""Find the states, organisations and people an article names, from data/actors.csv."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from .model import ActorMention

ACTORS_FILE = Path(__file__).resolve().parent.parent / "data" / "actors.csv"


@dataclass(frozen=True)
class Actor:
    """One row of the actor list."""

    name: str
    kind: str  # country, organisation, person
    country: str
    aliases: tuple[str, ...]


def load(path: Path = ACTORS_FILE) -> tuple[Actor, ...]:
    """Read the actor list; aliases are `|`-separated."""
    with open(path, newline="", encoding="utf-8") as f:
        return tuple(
            Actor(r["name"].strip(), r["kind"].strip(), r["country"].strip(),
                  tuple(a.strip() for a in r["aliases"].split("|") if a.strip()))
            for r in csv.DictReader(f)
        )


@lru_cache(maxsize=4)
def _automaton(path: Path = ACTORS_FILE) -> ahocorasick.Automaton:
    # One Aho-Corasick pass over the lowercased text finds every alias at once.
    auto = ahocorasick.Automaton()
    for actor in load(path):
        for alias in actor.aliases:
            key = alias.lower()
            prev = auto.get(key, None)
            # On a clash ("Kiev" twice) keep the first; aliases are exact strings.
            if prev is None:
                auto.add_word(key, (len(key), actor, alias))
    auto.make_automaton()
    return auto


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def find(text: str, path: Path = ACTORS_FILE) -> list[ActorMention]:
    """Return the actor mentions in `text`, longest match first, no overlaps.

    >>> [m.name for m in find("Korut dan Rusia-Ukraina")]
    ['North Korea', 'Russia', 'Ukraine']
    """
    lowered = text.lower()
    hits = []
    for end, (length, actor, alias) in _automaton(path).iter(lowered):
        start = end - length + 1
        before = text[start - 1] if start > 0 else " "
        after = text[end + 1] if end + 1 < len(text) else " "
        if _is_word_char(before) or _is_word_char(after):
            continue
        # Short all-capital aliases (AS, US, UN, EU) are acronyms: match them only
        # in capitals so "as" and "us" the words are never read as states.
        if alias.isupper() and len(alias) <= 3 and text[start : end + 1] != alias:
            continue
        hits.append((start, end + 1, actor))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out, last_end = [], -1
    for start, end, actor in hits:
        if start < last_end:
            continue
        last_end = end
        out.append(ActorMention(actor.name, actor.kind, actor.country, start, end))
    return out
