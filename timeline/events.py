"""Turn an article into events: one per dated statement, with actors and a title."""
from __future__ import annotations

import hashlib

from . import actors as actor_finder
from . import dates
from .model import Article, Event, Sentence, TimeExpression
from .segment import sentences

TITLE_MAX = 90
_CONFIDENCE_BY_PRECISION = {"day": 0.9, "week": 0.8, "month_part": 0.75, "month": 0.75}


def event_id(source: str, sentence: str, time_text: str) -> str:
    """Return an id that is the same on every run for the same article and sentence."""
    key = "\x1f".join((source, " ".join(sentence.split()), time_text))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def title_of(sentence: str, limit: int = TITLE_MAX) -> str:
    """Return a short headline for `sentence` (v1: cut at a word boundary)."""
    text = " ".join(sentence.split()).rstrip(".")
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-")
    return cut + "…"


def _event(article: Article, s: Sentence, e: TimeExpression, cast: actor_finder.Cast) -> Event:
    names, people = cast.actors, cast.people
    return Event(
        event_id=event_id(article.source, s.text, e.text),
        date=e.date,
        date_end=e.date_end or e.date,
        precision=e.precision,
        date_label=e.label,
        title=title_of(s.text),
        sentence=s.text,
        actors=names,
        people=people,
        time_text=e.text,
        source=article.source,
        source_url=article.url,
        published=article.published,
        language=article.language,
        confidence=_CONFIDENCE_BY_PRECISION.get(e.precision, 0.6),
        sentence_start=s.start,
        time_start=e.start,
    )


def extract(article: Article) -> list[Event]:
    """Return the events of one article in text order.

    >>> from timeline.model import Article
    >>> from datetime import date
    >>> a = Article("Pada 24 Februari 2022, Putin menyerang Ukraina.", "x.txt", published=date(2025, 9, 8))
    >>> [(e.date.isoformat(), e.actors) for e in extract(a)]
    [('2022-02-24', ('Russia', 'Ukraine'))]
    """
    sents = sentences(article.text, article.language)
    out: list[Event] = []
    seen: set[str] = set()
    casts = dict(zip(sents, actor_finder.by_sentence(article.text, sents)))
    for s, e in dates.date_sentences(article.text, sents, article.published, article.language):
        if e.date is None:
            continue
        ev = _event(article, s, e, casts.get(s, actor_finder.Cast()))
        if ev.event_id not in seen:
            seen.add(ev.event_id)
            out.append(ev)
    return out
