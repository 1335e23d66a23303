"""Merge the mentions of one happening, within an article and across articles, into one event."""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from . import confidence, taxonomy
from .model import PRECISIONS, Event

# Wording overlap (Jaccard of words of 4+ letters) that counts as the same story.
SIMILAR = 0.2
SIMILAR_UNTYPED = 0.3  # two untyped mentions need to agree more
DERIVED_KINDS = ("relative", "anaphoric")  # dates computed from elsewhere may take a finer one
_WORD = re.compile(r"\w{4,}")


@dataclass(frozen=True)
class _Profile:
    """What two mentions are compared on."""

    type: str
    cues: frozenset[str]  # cues of the group that decided the type
    words: frozenset[str]
    actors: frozenset[str]
    people: frozenset[str]


def _of(e: Event, profiles: dict | None = None, memo: dict | None = None) -> _Profile:
    """Return what `e` is compared on; `profiles` keeps them for one merge, `memo` the article's type answers.

    Both live for one call only: a cache across articles would only pay off when articles
    repeat sentences (the extraction bench recombines paragraphs, real news rarely does).
    """
    key = (e.sentence, e.language, e.time_text, e.actors, e.people, e.type_clause)
    found = profiles.get(key) if profiles is not None else None
    if found is None:
        # The cues come from the text that typed the event: its clause when one did.
        kind, cues = taxonomy.cues(e.type_clause or e.sentence, e.language, memo=memo)
        time_words = set(_WORD.findall(e.time_text.lower()))
        words = frozenset(w for w in _WORD.findall(e.sentence.lower()) if w not in time_words)
        found = _Profile(kind, cues, words, frozenset(e.actors), frozenset(e.people))
        if profiles is not None:
            profiles[key] = found
    return found


def _similarity(a: _Profile, b: _Profile) -> float:
    union = a.words | b.words
    return len(a.words & b.words) / len(union) if union else 0.0


def _rank(e: Event) -> tuple:
    """Order in which mentions become the event's own sentence: finest, typed, earliest."""
    return (
        PRECISIONS.index(e.precision) if e.precision in PRECISIONS else len(PRECISIONS),
        e.event_type == taxonomy.OTHER,
        e.published or date.max,
        e.source,
        e.sentence_start,
    )


def affinity(head: Event, e: Event, profiles: dict | None = None, memo: dict | None = None) -> float:
    """Return how well `e` fits the happening `head` tells (0: a different one).

    `head` is at least as precise as `e`. Equal intervals need the same type (or one
    untyped), actors that do not exclude each other, and a shared cue, person or
    wording; a coarser `e` whose date was computed from elsewhere ("setahun
    sebelumnya") may join a finer `head` inside its interval when both share a cue.
    """
    if (head.date, head.date_end) == (e.date, e.date_end):
        contained = False
    elif e.time_kind in DERIVED_KINDS and e.date <= head.date and head.date_end <= e.date_end:
        contained = True
    else:
        return 0.0
    if head.source == e.source and " ".join(head.sentence.split()) == " ".join(e.sentence.split()):
        return 0.0 if contained else 1.0  # the same sentence dated twice the same way
    a, b = _of(head, profiles, memo), _of(e, profiles, memo)
    if a.actors and b.actors and not (a.actors & b.actors) and not e.actors_inferred:
        return 0.0
    sim = _similarity(a, b)
    shared_cues = len(a.cues & b.cues)
    if contained:
        ok = a.type == b.type != taxonomy.OTHER and shared_cues > 0
    elif a.type == b.type != taxonomy.OTHER:
        other_article = head.source != e.source
        ok = shared_cues > 0 or sim >= SIMILAR or (
            other_article and head.precision == "day" and (a.people & b.people or len(a.actors & b.actors) >= 2)
        )
    elif taxonomy.OTHER in (a.type, b.type) and a.type != b.type:
        ok = bool(a.actors & b.actors) and (bool(a.people & b.people) or sim >= SIMILAR)
    elif a.type == b.type == taxonomy.OTHER:
        ok = bool(a.actors & b.actors) and sim >= SIMILAR_UNTYPED
    else:
        ok = False
    return shared_cues + sim + 0.5 if ok else 0.0


def _combine(members: list[Event]) -> Event:
    """Return one event from the mentions of a happening; the first member leads.

    The type is the leader's, or the first typed member's when the leader is untyped.
    That is also the majority type of the typed mentions: a mention joins a leader
    only of its own type or when one of the two is untyped (`affinity`), and a typed
    mention ranks before an untyped one of the same date (`_rank`). Untyped mentions
    do not outvote a cue: the lack of a cue says nothing about the happening.
    """
    head = members[0]
    sentences: list[str] = []
    seen = set()
    for m in members:
        for s in (m.sentence, *m.evidence):
            key = " ".join(s.split())
            if key not in seen:
                seen.add(key)
                sentences.append(s)
    actors, people = list(head.actors), list(head.people)
    for m in members[1:]:
        if not m.actors_inferred:
            actors += [a for a in m.actors if a not in actors]
            people += [p for p in m.people if p not in people]
    typed = next((m for m in members if m.event_type != taxonomy.OTHER), head)
    sources = {m.source for m in members}
    support = len(sentences)
    return replace(
        head,
        title=typed.title if head.event_type == taxonomy.OTHER else head.title,
        event_type=typed.event_type,
        evidence=tuple(sentences[1:]),
        actors=tuple(actors),
        people=tuple(people),
        source_count=max(len(sources), max(m.source_count for m in members)),
        confidence=confidence.score(
            head.precision, head.time_kind, bool(head.actors), head.actors_inferred, support
        ),
    )


def merge(events: Iterable[Event], memo: dict | None = None) -> list[Event]:
    """Merge mentions of the same happening into one event each, in the input's order.

    The finest-dated mention (then a typed one, then the earliest published, then
    the first in its article) keeps `sentence`, `source` and the id; the others'
    sentences go to `evidence` and `source_count` counts the distinct articles. `memo`:
    the article's type answers when the events are one article's (see taxonomy.cues).
    """
    items = list(events)
    profiles: dict = {}
    order = {id(e): i for i, e in enumerate(items)}
    clusters: list[list[Event]] = []
    # A mention fits only a head of its own interval, unless its date is derived (see
    # `affinity`): the others score 0, so only those are asked (merging a library's
    # thousands of events would otherwise ask every cluster for every event).
    led_by: dict[tuple, list[int]] = {}  # head interval → the clusters it leads
    for e in sorted(items, key=_rank):
        interval = (e.date, e.date_end)
        asked = range(len(clusters)) if e.time_kind in DERIVED_KINDS else led_by.get(interval, ())
        best = max(((affinity(clusters[i][0], e, profiles, memo), i) for i in asked), default=(0.0, -1))
        if best[0] > 0:
            clusters[best[1]].append(e)
        else:
            led_by.setdefault(interval, []).append(len(clusters))
            clusters.append([e])
    clusters.sort(key=lambda c: min(order[id(m)] for m in c))
    return [_combine(c) if len(c) > 1 else c[0] for c in clusters]
