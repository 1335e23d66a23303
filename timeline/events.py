"""Turn an article into events: one per happening, with actors, type, title and confidence."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from . import actors as actor_finder
from dataclasses import replace

from . import concepts, confidence, dates, localday, merge as merging, places as place_finder, taxonomy, verbs
from .model import Article, Event, Sentence, TimeExpression
from .segment import sentences
from .titles import TITLE_MAX, title_of

__all__ = ["TITLE_MAX", "event_id", "extract", "merge", "merged_places", "title_of"]


def event_id(source: str, sentence: str, time_text: str) -> str:
    """Return an id that is the same on every run for the same article and sentence."""
    key = "\x1f".join((source, " ".join(sentence.split()), time_text))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


CLAUSE_WORDS = 3  # words of 4+ letters a clause needs besides its date to tell a happening of its own
RELATIVE_HEAD = 3  # words before a relative clause taken in as the noun it speaks of
_WORD = re.compile(r"\w{4,}")


def _own_clause(text: str, start: int, end: int, time_text: str, language: str,
                others: tuple[tuple[int, int], ...], memo: dict | None) -> str:
    """Return the clause of a sentence dating several happenings that holds this date alone, or "".

    "BRICS, which Indonesia joined in January; a trade agreement with the EU concluded in
    July": each date tells its clause, even when the sentence had to decide the type. A
    clause of little more than the date ("- **June 2** —" opening a timeline entry) tells nothing.
    """
    begin, stop = _widened(text, *taxonomy.clause_span(text, start, end, language, memo), time_text, language, memo,
                           others)
    clause = text[begin:stop].strip()
    if any(begin <= a and b <= stop for a, b in others):
        return ""
    return clause if len(_WORD.findall(clause.replace(time_text, " "))) >= CLAUSE_WORDS else ""


def _widened(text: str, begin: int, stop: int, time_text: str, language: str, memo: dict | None,
             others: tuple[tuple[int, int], ...] = ()) -> tuple[int, int]:
    """Return a date's clause taken wider where it cannot stand alone.

    A relative clause ("a ceasefire that Anwar brokered on July 28") takes in the noun
    before it; a clause with no verb ("…struck nuclear | and military targets across Iran
    on 13 June 2025": an "and" between nouns, not clauses) takes in the clause before it,
    and so does the sentence's first date in a clause opened by "and" (`others`: the
    spans of its other dates): the sentence is cut so that each date tells its own part,
    and an undated part before the first date is that date's ("targets" read as a verb).
    An undated part after another date may be either's ("Hamas said …; Israel said … and
    seized the crossing the next day"), so it stays apart.
    """
    opening = text[begin:stop].split(None, 1)
    first = opening[0].lower() if opening else ""
    if first in taxonomy.clause_words(language).relative:
        head = text[:begin].rstrip()
        cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
        words = head[cut + 1:].split()
        begin = len(head) - len(" ".join(words[-RELATIVE_HEAD:])) if words else begin
    elif begin > 1 and not verbs.has_verb(text[begin:stop].replace(time_text, " "), language):
        begin = min(begin, taxonomy.clause_span(text, begin - 2, begin - 1, language, memo)[0])
    elif begin > 1 and others and first in taxonomy.clause_words(language).coordinate:
        if not any(a < begin for a, _ in others):
            begin = taxonomy.clause_span(text, begin - 2, begin - 1, language, memo)[0]
    return begin, stop


def _counted_back(text: str, e: TimeExpression, language: str) -> str:
    """Return the clause a count dates back from the narrative's day ("a day after the WHO declared …") or "".

    "The confirmation came a day after the World Health Organization declared …": the
    date is the declaration's, a day before the day the sentence before told; the clause
    after the count tells it, not the sentence's own subject.
    """
    if e.kind != "anaphoric" or not e.anchor.startswith("previous date "):
        return ""
    if not concepts.counted_after(e.text, language):
        return ""
    if e.date_end is None or e.date_end.isoformat() >= e.anchor[len("previous date "):][:10]:
        return ""  # counted forward ("tiga hari setelah Lai dilantik"): the sentence's own happening
    at = text.find(e.text)
    return text[at:].strip() if at >= 0 else ""


_SPACES = re.compile(r"[ \t\r\n]+")


def _one_line(text: str) -> str:
    """Return a sentence with its runs of white space made one space (a wrapped line's indent: hardwrap)."""
    return _SPACES.sub(" ", text) if "  " in text or "\n" in text or "\t" in text else text


def _told(sentence: str, e: TimeExpression, clause: str) -> str:
    """Return what a title is made from: the clause of a happening dated from its sentence's date, else the sentence.

    "…, a day after Ukrainian drones hit Russian strategic bombers": that happening's
    title is its own clause, not the sentence's main one.
    """
    return clause if clause and e.kind == "anaphoric" and clause.startswith(e.text) else sentence


def _event(
    article: Article,
    s: Sentence,
    e: TimeExpression,
    cast: actor_finder.Cast,
    others: tuple[TimeExpression, ...] = (),
    memo: dict | None = None,
    index: int = -1,
    where: tuple[str, ...] = (),
) -> Event:
    """Return the event `e` dates in `s`; `others`: the expressions of `s` that date other events.

    `memo` keeps the article's type answers (taxonomy.cues); `where`: the places `s` names.
    """
    lang = article.language
    if others:
        spans = tuple((o.start - s.start, o.end - s.start) for o in others)
        kind, clause = taxonomy.classify_at(s.text, e.start - s.start, e.end - s.start, lang, spans, memo=memo)
        at = s.text.find(clause) if clause else -1
        if at >= 0:
            a, b = _widened(s.text, at, at + len(clause), e.text, lang, memo, spans)
            clause = s.text[a:b].strip()
        clause = clause or _own_clause(s.text, e.start - s.start, e.end - s.start, e.text, lang, spans, memo)
    else:
        clause = _counted_back(s.text, e, lang)
        kind = taxonomy.classify(clause or s.text, lang, memo=memo)
    return Event(
        event_id=event_id(article.source, s.text, e.text),
        date=e.date,
        date_end=e.date_end or e.date,
        precision=e.precision,
        date_label=e.label,
        title=title_of(_told(s.text, e, clause), e.text, article.language),
        sentence=_one_line(s.text),
        actors=cast.actors,
        people=cast.people,
        event_type=kind,
        time_text=e.text,
        source=article.source,
        source_url=article.url,
        published=article.published,
        language=article.language,
        confidence=confidence.score(e.precision, e.kind, bool(cast.actors), cast.inferred),
        sentence_start=s.start,
        time_start=e.start,
        time_kind=e.kind,
        actors_inferred=cast.inferred,
        local_day=localday.moved(e),
        type_clause=clause,
        paragraph=s.paragraph,
        sentence_index=index,
        places=where,
    )


def mentions(article: Article, memo: dict | None = None) -> list[Event]:
    """Return one event per dated sentence and time expression, in text order, unmerged.

    A sentence that dates events on different dates types each by the clause that
    holds its time expression (taxonomy.classify_at); otherwise the sentence decides.
    `memo` keeps the article's type answers (a new one when not given).
    """
    sents = sentences(article.text, article.language)
    place = {s.start: i for i, s in enumerate(sents)}
    casts = dict(zip(sents, actor_finder.by_sentence(article.text, sents)))
    dated = [
        (s, e)
        for s, e in dates.date_sentences(article.text, sents, article.published, article.language,
                                         article.updated)
        if e.date is not None
    ]
    starts = {s.start for s, _ in dated}
    where = {start: place_finder.names(s.text) for s in sents if (start := s.start) in starts}
    # "Thursday night Eastern time" of a ruling in Seoul is Friday there
    # (the states of the people it names, and all it names: a state alone is read only at night)
    states = {s.start: (actor_finder.countries_of(c.people), c.actors) for s, c in casts.items()
              if s.start in starts and not c.inferred}
    dated = localday.localised(article.text, dated, where, article.language, states)
    by_sentence: dict[int, list[TimeExpression]] = {}
    for s, e in dated:
        by_sentence.setdefault(s.start, []).append(e)
    out: list[Event] = []
    seen: set[str] = set()
    memo = {} if memo is None else memo  # a sentence dating two events is typed once
    for s, e in dated:
        interval = (e.date, e.date_end or e.date)
        # "…on 13 September 2023, the same day Kim met Putin": a repeat of the interval kept
        # by the dating dates another happening, and types apart like a different date.
        others = tuple(o for o in by_sentence[s.start] if (o.date, o.date_end or o.date) != interval or (
            o is not e and o.kind != e.kind))
        ev = _event(article, s, e, casts.get(s, actor_finder.Cast()), others, memo, place[s.start], where[s.start])
        if ev.event_id not in seen:
            seen.add(ev.event_id)
            out.append(ev)
    return out


def extract(article: Article) -> list[Event]:
    """Return the events of one article in text order, mentions of one happening merged.

    >>> from timeline.model import Article
    >>> from datetime import date
    >>> a = Article("Pada 24 Februari 2022, Putin menyerang Ukraina.", "x.txt", published=date(2025, 9, 8))
    >>> [(e.date.isoformat(), e.actors, e.event_type) for e in extract(a)]
    [('2022-02-24', ('Russia', 'Ukraine'), 'military')]
    """
    memo: dict = {}  # the type answers of typing serve the merge's comparisons too
    found = mentions(article, memo)
    merged = merged_places(merging.merge(found, memo), found)
    return sorted(merged, key=lambda e: (e.sentence_start, e.time_start))


def merge(events: Iterable[Event], title_language: str = "source", rare: object = merging._BATCH) -> list[Event]:
    """Merge mentions of the same happening across articles (see timeline.merge)."""
    found = list(events)
    return merged_places(merging.merge(found, title_language=title_language, rare=rare), found)


def merged_places(merged: Iterable[Event], found: Iterable[Event]) -> list[Event]:
    """Give each merged event the places of every report it stands for: the union, its own first.

    `found` are the events that were merged; a merged event's `mentions` name them by id
    (Mention.mention_id is the event_id of the report). An event whose places merging
    already set keeps them and gains those of its reports.
    """
    by_id = {e.event_id: e.places for e in found}
    out = []
    for e in merged:
        reports = [by_id.get(m.mention_id, ()) for m in e.mentions]
        where = place_finder.union([e.places, *reports])
        out.append(e if where == e.places else replace(e, places=where))
    return out
