"""The frozen records every stage of the pipeline passes on."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# Granularity of a date interval, finest first. "*_part" is an early/mid/late third
# of the unit ("awal Maret", "late 2023", "early 2000s"); see README "Precision".
PRECISIONS: tuple[str, ...] = (
    "day",
    "week",
    "month_part",
    "month",
    "quarter",
    "year_part",
    "year",
    "decade_part",
    "decade",
    "century",
)


@dataclass(frozen=True)
class Article:
    """One news article, decoded, with what is known about it."""

    text: str  # the body, front matter removed
    source: str  # file name (or a name given to pasted text)
    title: str = ""
    url: str = ""
    published: date | None = None
    language: str = "id"
    body_offset: int = 0  # where `text` starts in the file's decoded text
    # "front matter", "dateline", "closing line", "latest reported day", "flag" or ""
    published_from: str = ""
    problems: tuple[str, ...] = ()  # non-fatal problems met while reading
    year_guessed: bool = False  # the dateline's year came from its lead's weekday alone (wireyear.py)
    updated: date | None = None  # a live page's last update, when after its publication


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article body, with its character span in the body."""

    text: str
    start: int
    end: int
    paragraph: int  # index of the paragraph (a block of non-empty lines)


@dataclass(frozen=True)
class TimeExpression:
    """A time expression found in a body, normalised to an inclusive interval."""

    text: str
    start: int  # character offsets into Article.text
    end: int
    date: date | None  # None when it could not be resolved
    date_end: date | None
    precision: str  # one of PRECISIONS, "" when unresolved
    label: str  # how a person writes it: "24 Feb 2022", "late 2023"
    kind: str = "absolute"  # absolute, relative, anaphoric, range, dateline, ...
    anchor: str = ""  # what a relative/anaphoric expression was resolved against
    event: bool = True  # False for expressions that must not date an event
    reason: str = ""  # why it gives no event (duration, clock time, ...)


@dataclass(frozen=True)
class ActorMention:
    """An actor or person named in a body."""

    name: str  # canonical English name
    kind: str  # country, organisation, person
    country: str  # the state a person or organisation belongs to, "" if none
    start: int
    end: int
    inferred: bool = False


@dataclass(frozen=True)
class Event:
    """One row of the event table (see table.SCHEMA)."""

    event_id: str
    date: date
    date_end: date
    precision: str
    date_label: str
    title: str
    sentence: str
    evidence: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    event_type: str = "other"
    time_text: str = ""
    source: str = ""
    source_url: str = ""
    published: date | None = None
    language: str = ""
    confidence: float = 0.5
    source_count: int = 1  # distinct articles that report this happening
    sources: tuple[str, ...] = ()  # every article that reports it ("" = only `source`)
    date_note: str = ""  # how the sources disagree on the date, "" when they agree
    importance: float = 0.0  # 0-1, how central the happening is to the story (importance.py)
    places: tuple[str, ...] = ()  # canonical names of the places its sentences name (places.py)
    sentence_start: int = field(default=0, compare=False)  # offset in the body
    time_start: int = field(default=0, compare=False)  # offset of time_text in the body
    time_kind: str = field(default="absolute", compare=False)  # TimeExpression.kind of time_text
    actors_inferred: bool = field(default=False, compare=False)  # actors borrowed from context
    # the clause that decided event_type or, in a sentence dating several happenings, that holds this date alone
    type_clause: str = field(default="", compare=False)  # "" = the sentence
    local_day: bool = field(default=False, compare=False)  # its day moved to the happening's clock (localday)
    paragraph: int = field(default=-1, compare=False)  # the sentence's paragraph in its article
    sentence_index: int = field(default=-1, compare=False)  # the sentence's place in its article
    mentions: tuple["Mention", ...] = field(default=(), compare=False)  # what each source said (provenance)


@dataclass(frozen=True)
class Mention:
    """One article's report of a happening: where it was said, and the date that article gave."""

    mention_id: str  # events.event_id of its article, sentence and time expression
    source: str
    source_url: str
    published: date | None
    language: str
    sentence: str
    time_text: str
    date: date
    date_end: date
    precision: str
    date_label: str
    event_type: str = "other"
    actors: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    title: str = ""
