"""Pick the key dates of a story and their best sentences (news timeline summarisation).

The dates are ranked by how the articles refer to them (importance.story): every
article naming a day counts once, more when it was published days after it, divided
by the coverage around the day. Each chosen day's reports are merged into happenings,
ranked by importance; the best sentence of each happening says what happened.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from . import importance, merge
from .model import Event, Mention

# A sentence this short or long makes a poor timeline entry when a better one exists.
WORDS_MIN = 6
WORDS_MAX = 50
NEAR_DUPLICATE = 0.6  # word overlap (Jaccard) at which two sentences say the same
_WORD = re.compile(r"\w+")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class KeyDate:
    """One key date of a story: its score and the sentences (with their articles) that tell it."""

    date: date
    score: float
    sentences: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # the article of each sentence
    event_ids: tuple[str, ...] = ()  # the happenings the sentences come from

    def record(self) -> dict:
        """Return the JSON object `summarize --format jsonl` prints for this date."""
        return {"date": self.date.isoformat(), "sentences": list(self.sentences),
                "event_ids": list(self.event_ids)}


def rank_days(
    told: importance.Story, start: date | None = None, end: date | None = None
) -> list[tuple[date, float]]:
    """Return the days within [start, end] that the articles refer to, best first, with their scores."""
    first, last = start or date.min, end or date.max
    days = [(d, s) for d, s in told.days.items() if s > 0 and first <= d <= last]
    return sorted(days, key=lambda item: (-item[1], item[0]))


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _weights(texts: Iterable[str]) -> dict[str, float]:
    """Return each word's inverse document frequency among `texts` (words most of them share weigh little)."""
    texts = list(texts)
    df = Counter(w for t in texts for w in set(_words(t)))
    return {w: math.log((1 + len(texts)) / (1 + n)) + 1.0 for w, n in df.items()}


def _vector(text: str, idf: dict[str, float]) -> dict[str, float]:
    return {w: n * idf.get(w, 1.0) for w, n in Counter(_words(text)).items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _quality(m: Mention, day: date) -> float:
    """How well a report's sentence suits a timeline entry: well sized, and told once the day had come."""
    n = len(_WORD.findall(m.sentence))
    return (1.0 if WORDS_MIN <= n <= WORDS_MAX else 0.5) * (0.5 if m.published and m.published < day else 1.0)


def _tells(e: Event, day: date) -> list[Mention]:
    """Return the reports of `e` that date it to `day` exactly."""
    return [m for m in merge.reports(e) if m.precision == "day" and m.date == day == m.date_end]


def _sentences(
    happenings: list[Event], day: date, k: int, idf: dict[str, float]
) -> list[tuple[str, str, str]]:
    """Return up to `k` (sentence, article, happening id) for `day`, most central and important first.

    A sentence scores by its likeness to what all the day's reports say (the centroid of
    their words), its fitness (`_quality`) and its happening's importance; each happening
    gives one sentence before any gives a second, and near copies are left out.
    """
    said: dict[str, tuple[Mention, Event]] = {}
    for h in happenings:
        for m in sorted(_tells(h, day), key=lambda m: (m.published or date.max, m.source)):
            said.setdefault(" ".join(m.sentence.split()), (m, h))
    vectors = {text: _vector(text, idf) for text in said}
    centroid: Counter[str] = Counter()
    for v in vectors.values():
        centroid.update(v)

    def rank(item: tuple[str, tuple[Mention, Event]]) -> tuple:
        text, (m, h) = item
        return (-_cosine(vectors[text], centroid) * _quality(m, day) * (0.5 + h.importance),
                m.published or date.max, text)

    scored = sorted(said.items(), key=rank)
    picked: list[tuple[str, str, str]] = []
    seen: list[set[str]] = []
    for second in (False, True):  # every happening once, then more of the best
        for text, (m, h) in scored:
            if len(picked) >= k:
                return picked
            if (h.event_id in {p[2] for p in picked}) != second or any(p[0] == m.sentence for p in picked):
                continue
            words = set(_words(text))
            if any(len(words & w) / max(1, len(words | w)) >= NEAR_DUPLICATE for w in seen):
                continue
            seen.append(words)
            picked.append((m.sentence, m.source, h.event_id))
    return picked


def key_dates(
    events: Iterable[Event],
    dates: int,
    start: date | None = None,
    end: date | None = None,
    sentences: int = 2,
    settings: importance.Settings | None = None,
) -> list[KeyDate]:
    """Return the `dates` key dates of the story the events tell, in date order, `sentences` sentences each.

    `events` may be one article's rows, several articles' rows or already merged
    happenings; only day-precision dates within [start, end] are chosen.

    >>> from timeline.model import Event
    >>> def ev(i, d, src, pub):
    ...     return Event(f"id{i}", d, d, "day", "", "t", f"Rebels took the town number {i} today.",
    ...                  event_type="military", source=src, published=pub)
    >>> a, b = date(2011, 3, 19), date(2011, 3, 2)
    >>> evs = [ev(1, a, "x", date(2011, 3, 20)), ev(2, a, "y", date(2011, 3, 25)), ev(3, b, "z", b)]
    >>> [k.date.isoformat() for k in key_dates(evs, 1)]
    ['2011-03-19']
    """
    settings = settings or importance.load()
    events = list(events)
    told = importance.story(events, settings)
    chosen = sorted(rank_days(told, start, end)[: max(0, dates)])
    if sentences <= 0:
        return [KeyDate(d, s) for d, s in chosen]
    wanted = {d for d, _ in chosen}
    on_day: dict[date, list[Event]] = {d: [] for d in wanted}
    for e in events:
        for d in {m.date for m in merge.reports(e) if m.date in wanted and m.precision == "day"}:
            on_day[d].append(e)
    out = []
    happenings = {}
    for d, _ in chosen:
        happenings[d] = [h for h in merge.merge(on_day[d]) if _tells(h, d)]
    idf = _weights(" ".join(m.sentence.split()) for d, found in happenings.items()
                   for h in found for m in _tells(h, d))
    for d, score in chosen:
        best = max((importance.support(h, settings) for h in happenings[d]), default=0.0)
        yardstick = replace(told, best_support=max(told.best_support, best))
        picked = _sentences(importance.assess(happenings[d], yardstick, settings), d, sentences, idf)
        out.append(KeyDate(d, score, tuple(p[0] for p in picked), tuple(p[1] for p in picked),
                           tuple(dict.fromkeys(p[2] for p in picked))))
    return out


def label(d: date) -> str:
    """Return a day as a person writes it: "19 Mar 2011"."""
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def to_markdown(found: list[KeyDate], start: date | None = None, end: date | None = None) -> str:
    """Return the key dates as a readable dated list (Markdown)."""
    span = f", {label(start) if start else 'first'} – {label(end) if end else 'last'}" if start or end else ""
    lines = [f"# Key dates ({len(found)}{span})", ""]
    for k in found:
        lines.append(f"## {label(k.date)}")
        lines.append("")
        lines += [f"- {text} ({source})" for text, source in zip(k.sentences, k.sources)]
        lines.append("")
    return "\n".join(lines)
