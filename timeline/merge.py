"""Merge the mentions of one happening, within an article and across articles, into one event.

Within an article, two mentions are one happening when they share the interval (or a
date computed from elsewhere, "setahun sebelumnya", contains the other's), the type
and a cue, person or wording; a sentence that continues the one before it in its
paragraph, on the same date, joins it too. Across articles and languages the keys are
what a happening is, not its wording: compatible dates (the same interval; a coarser
mention containing a finer one; day dates one day apart, as time zones and reporting
lag give), and then what the reports share (states, types, concepts of the bilingual
list in data/concepts.yaml, names, people, numbers, wording) weighed by the learned fit
of timeline/affinity.py, within the rules it cannot outvote.
"""
from __future__ import annotations

import bisect
import copy
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from . import affinity, concepts, confidence, gloss, taxonomy
from .dates import grammar, layout, lexicon
from .model import PRECISIONS, Event, Mention

# Wording overlap (Jaccard of words of 4+ letters) that counts as the same story.
SIMILAR = 0.2
SIMILAR_UNTYPED = 0.3  # two untyped mentions need to agree more
DERIVED_KINDS = ("relative", "anaphoric")  # dates computed from elsewhere may take a finer one
# A coarser report may join a finer happening inside its interval up to a year ("in
# 2024 the treaty came into force"); a decade says too little to pick one happening.
CONTAIN_MAX_DAYS = 366
TITLE_LANGUAGES = ("source", "id", "en")
_WORD = re.compile(r"\w{4,}")
# Numbers that tell a happening apart ("12 killed", "2.000 tentara"): thousands
# separators of either language removed; years and dates are not counted.
_NUMBER = re.compile(r"(?<![\w.,/-])\d{1,3}(?:[.,]\d{3})+(?![\d/])|(?<![\w.,/-])\d+(?![\w/]|[.,]\d)")
_DATE_LIKE = re.compile(r"\d{1,4}[/.-]\d{1,2}(?!\d)(?:[/.-]\d{2,4})?")  # (not "3.700": a thousands group)
# A capitalised word inside a sentence (not its first word) is a name; a name of
# either language's month or weekday, or any word of an actor's name, is not one.
_NAME = re.compile(r"(?<=[\s(\"'])([A-Z][\w-]{3,})")


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    """Return the words that are no place or thing name: actors' names and aliases, months, weekdays."""
    from . import actors
    from .dates import lexicon

    words = set()
    for a in actors.load():
        for alias in (a.name, *a.aliases, *a.short_names):
            words.update(w.lower() for w in re.findall(r"[\w-]+", alias))
    for language in ("id", "en"):
        book = lexicon.load(language)
        words.update(w for key in ("months", "weekdays") for w in book.numbered(key))
    words.update(w.lower() for w in concepts.not_names())
    return frozenset(words)


# Names are compared by their first letters, so the two languages' spellings of one name
# meet ("Emirates" and "Emirat"; "Russian-Ukrainian" and "Rusia-Ukraina" still do not).
NAME_STEM = 6


def _names(text: str) -> frozenset[str]:
    """Return the proper names of `text` that are not actors, months or weekdays, lowered and cut to their stem."""
    stop = _not_names()
    return frozenset(w[:NAME_STEM] for w in (m.lower() for m in _NAME.findall(text)) if w not in stop)


@dataclass(frozen=True)
class _Profile:
    """What two mentions are compared on."""

    type: str
    cues: frozenset[str]  # cues of the group that decided the type
    words: frozenset[str]
    actors: frozenset[str]
    people: frozenset[str]
    concepts: frozenset[str]  # the bilingual concepts of its sentences
    numbers: frozenset[str]
    names: frozenset[str] = frozenset()  # proper names that are no actor: places, weapons, operations
    places: frozenset[str] = frozenset()  # canonical places its sentences name (timeline/places.py), any language
    glosses: tuple[frozenset[str], ...] = ()  # its content words as English stems (timeline/gloss.py)
    meaning: frozenset[str] = frozenset()  # all of them together
    zoned: bool = False  # its sentence names a clock's zone or the small hours ("Rabu dini hari WIB")


def _numbers(text: str, time_text: str, language: str = "en") -> frozenset[str]:
    """Return the numbers of `text` that are not dates or years.

    A decimal with its unit ("85.9%", "85,9 persen", "C$29.8 billion", "magnitudo 7,7") is
    written the same in either language: the point or comma makes it no date.
    """
    text = text.replace(time_text, " ") if time_text else text
    decimal = _decimal(language)
    found = {f"{m['whole'] or m['mag']}.{m['part'] or m['tenth']}" for m in decimal.finditer(text)}
    text = _DATE_LIKE.sub(" ", decimal.sub(" ", text) if found else text)
    for m in _NUMBER.finditer(text):
        value = int(m.group().replace(".", "").replace(",", ""))
        if not 1900 <= value <= 2100 and value > 1:
            found.add(str(value))
    return frozenset(found)


@lru_cache(maxsize=4)
def _decimal(language: str) -> re.Pattern:
    """Match a decimal with its unit after it or its magnitude word before it (data/lang `decimal_*`).

    The words of English are read too: a report in another language quotes its figures so
    ("gempa magnitude 7.7").
    """
    lexes = [lexicon.load(language), *([lexicon.load("en")] if language != "en" else [])]
    after = sorted({w for lex in lexes for w in lex.words("decimal_after")}, key=len, reverse=True)
    before = sorted({w for lex in lexes for w in lex.words("decimal_before")}, key=len, reverse=True)
    units = "|".join(re.escape(w) + (r"\b" if w[-1:].isalnum() else "") for w in after) or "(?!)"
    # (an abbreviation stands alone, "M7.7"; a word may carry an affix, "bermagnitudo 8,8")
    scales = "|".join((r"(?<![\w.])" if len(w) <= _ABBREVIATION else "") + re.escape(w) + r"\s*"
                      for w in before) or "(?!)"
    return re.compile(
        r"(?<![\w.,/-])(?P<whole>\d{1,3})[.,](?P<part>\d{1,2})(?=\s*(?:" + units + "))"
        r"|(?:" + scales + r")(?P<mag>\d)[.,](?P<tenth>\d)(?![\d.,])", re.I)


_ABBREVIATION = 2  # letters: a magnitude word this short is an abbreviation ("M", "Mw")


_ENTRY_MARK = re.compile(r"^[\s\-–—•*·]*")
_ENTRY_SEP = re.compile(r"^\s*[:\-–—,]\s*")


def _after_date(text: str, time_text: str) -> str:
    """Return a timeline entry's text after its leading date ("- Sept. 13, 2023: Hours before …")."""
    body = text[_ENTRY_MARK.match(text).end():]
    if time_text and body.startswith(time_text):
        rest = body[len(time_text):]
        return rest[_ENTRY_SEP.match(rest).end():] if _ENTRY_SEP.match(rest) else rest
    return text


_NAMING_TIME = 30  # characters: a time expression this long holds the happening it is counted from


def _of(e: Event, profiles: dict | None = None, memo: dict | None = None) -> _Profile:
    """Return what `e` is compared on; `profiles` keeps them for one merge, `memo` the article's type answers.

    Both live for one call only: a cache across articles would only pay off when articles
    repeat sentences (the extraction bench recombines paragraphs, real news rarely does).
    """
    key = (e.sentence, e.language, e.time_text, e.actors, e.people, e.type_clause, e.evidence)
    found = profiles.get(key) if profiles is not None else None
    if found is None:
        # The cues come from the text that typed the event: its clause when one did.
        told = e.type_clause or e.sentence
        entry = _after_date(told, e.time_text)
        # "Hours before the summit, …", "…, hours after he was sworn in": another happening named as a time.
        own = concepts.without_tail(concepts.without_lead(entry, e.language, time_text=e.time_text), e.time_text,
                                     e.language)
        own = told if own == entry else own
        # the words of a long time expression name another happening, not this one's ("Pada hari
        # yang sama dengan pertemuan di Downing Street, Prabowo juga menghadiri forum bisnis")
        own = own.replace(e.time_text, " ") if len(e.time_text) > _NAMING_TIME else own
        if own != told:
            kind, cues = taxonomy.cues(own, e.language)
        elif e.mentions:  # merged in its article already: its type stands, its cues are asked no more
            kind, cues = e.event_type, frozenset()
        else:
            kind, cues = taxonomy.cues(told, e.language, memo=memo)
        time_words = set(_WORD.findall(e.time_text.lower()))
        words = frozenset(w for w in _WORD.findall(e.sentence.lower()) if w not in time_words)
        about = concepts.of(own, e.language)
        if e.type_clause and not concepts.specific(about) and e.time_kind != "anaphoric" and concepts.points_back(
                e.type_clause, e.language):
            # A clause naming nothing that happened and pointing back ("… sudah mendeteksinya
            # sejak Oktober 2024") speaks of what its sentence names; one dated from the other's
            # date ("…, the same day Trump unveiled a plan") tells its own.
            about = concepts.of(e.sentence, e.language)
        untimed = own.replace(e.time_text, " ") if e.time_text else own
        numbers = _numbers(untimed, "", e.language) | concepts.numbers(untimed, e.language)
        names = _names(own if own != told else e.sentence)
        glosses = gloss.of(own, e.language, frozenset(time_words))
        for m in e.mentions[1:]:  # an already merged event is about all its reports say
            about |= concepts.of(m.sentence, m.language)
            names |= _names(m.sentence)
            glosses += gloss.of(m.sentence, m.language, frozenset(_WORD.findall(m.time_text.lower())))
        zoned = grammar.build((e.language or "id").lower()[:2]).zone_or_small_hours.search(e.sentence)
        found = _Profile(kind, cues, words, frozenset(e.actors), frozenset(e.people), about, numbers, names,
                         frozenset(e.places), glosses, frozenset().union(*glosses), bool(zoned))
        if profiles is not None:
            profiles[key] = found
    return found


def _rank(e: Event) -> tuple:
    """Order in which mentions become the event's own sentence: finest, typed, earliest."""
    return (
        PRECISIONS.index(e.precision) if e.precision in PRECISIONS else len(PRECISIONS),
        e.event_type == taxonomy.OTHER,
        e.published or date.max,
        e.source,
        e.sentence_start,
    )


def _relation(head: Event, e: Event) -> str:
    """Say how the dates of two mentions can be one happening's: same, contained, adjacent or ""."""
    if (head.date, head.date_end) == (e.date, e.date_end):
        return "same"
    # Either way round: a day-precise span ("18–19 December") ranks with a day, so it may lead.
    if e.date <= head.date and head.date_end <= e.date_end or head.date <= e.date and e.date_end <= head.date_end:
        return "contained"
    if head.precision == e.precision == "day" and abs((head.date - e.date).days) == 1:
        return "adjacent"
    return ""


def _continues(head: Event, e: Event) -> bool:
    """Tell whether `e`'s sentence follows `head`'s in the same paragraph of one article."""
    return (
        head.paragraph == e.paragraph >= 0
        and head.sentence_index >= 0
        and abs(head.sentence_index - e.sentence_index) == 1
    )


_CAPTION = re.compile(r"\b(?:foto|photo|gambar|pictured)\b", re.I)


def _caption(e: Event) -> bool:
    """Tell whether `e`'s sentence is a photo caption (it shows a happening the article tells)."""
    return bool(_CAPTION.search(e.sentence[:80]))


def _refers(e: Event) -> bool:
    """Tell whether `e`'s date is attached to a noun naming a happening ("Tuesday's incident")."""
    return concepts.refers(e.sentence, e.time_text, e.language)


def _infobox(e: Event) -> bool:
    """Tell whether `e` is an infobox's row ("Signed: 19 June 2024", "| Effective | 10 October 2025 |")."""
    return e.time_kind == "key_value" or layout.table_row(e.sentence)


ENTRY_TITLE_WORDS = 12  # an entry's title line is at most this long


def _heads(title: Event, e: Event) -> bool:
    """Tell whether `title` is an entry's title line, dated, and `e` the sentence right below it."""
    return (title.source == e.source and title.paragraph >= 0 and e.paragraph > title.paragraph
            and e.sentence_index == title.sentence_index + 1
            and len(title.sentence.split()) <= ENTRY_TITLE_WORDS
            and not layout.SENTENCE_CLOSE.search(title.sentence) and not _caption(title)
            and not _infobox(title))


def _itemised(item: Event, e: Event) -> bool:
    """Tell whether `item` is a dated item's title line and `e` a sentence dated by the item's own date."""
    return (item.time_kind == "item" and item.source == e.source and item.time_start == e.time_start
            and item.sentence_start != e.sentence_start)


def _entry_mates(head: Event, e: Event) -> bool:
    """Tell whether two sentences of one list entry are dated by the entry's date, which one of them holds.

    "- **Nov 24** — Babayev gavels the goal through. India's Raina calls it "an optical
    illusion". Guterres says …": a timeline entry lists the happenings of its day.
    """
    if head.source != e.source or head.time_start != e.time_start or head.sentence_start == e.sentence_start:
        return False
    first, later = (head, e) if head.sentence_start < e.sentence_start else (e, head)
    return first.paragraph == later.paragraph and first.time_start >= first.sentence_start \
        and later.time_start < later.sentence_start


def _one_list(head: Event, e: Event) -> bool:
    """Tell whether two sentences are entries of one list, their dates written alike ("- **Jan 10** — …").

    A list gives each happening its own entry: of the labelled pairs of such entries on one
    day, 5 were one happening (an entry naming another's date) and 172 two.
    """
    return (head.time_text == e.time_text and bool(layout.LIST_ITEM.match(head.sentence))
            and bool(layout.LIST_ITEM.match(e.sentence)))


def _listed_twice(head: Event, e: Event) -> bool:
    """Tell whether `e` is a list entry and `head` one of another list of its page or the page's lead, or
    `e` a sentence a dated item's title dates and `head` one of another paragraph dated by its own words."""
    if head.paragraph == e.paragraph:
        return False
    if e.time_kind == "item":
        return head.time_kind != "item"
    return bool(layout.LIST_ITEM.match(e.sentence)) and bool(
        layout.LIST_ITEM.match(head.sentence) or layout.lead(head.sentence))


def _apart(head: Event, e: Event) -> bool:
    """Tell whether two sentences of one article are in different paragraphs or far apart in one."""
    return head.paragraph != e.paragraph or abs(head.sentence_index - e.sentence_index) > 2


def _another(head: Event, e: Event) -> bool:
    """Tell whether `e` presents itself as one more happening of `head`'s day ("also", "later that day")."""
    return e.time_kind == "anaphoric" or concepts.adds(e.sentence, e.language)


SAME_DAY_REACH = 2  # sentences: how far back "the same day" points to the happening it dates from


def _next_of_day(head: Event, e: Event) -> bool:
    """Tell whether `e`, dated "the same day" from `head` just before it, tells a happening of its own.

    "US tariffs on $34 billion take effect. Same day: China imposes retaliatory tariffs …":
    a writer who dates a sentence by the one before tells one more happening of that day,
    unless the sentence only goes on about it, naming nobody of its own ("During their
    talks that day, they discussed …").
    """
    if e.time_kind != "anaphoric" or e.actors_inferred or head.source != e.source:
        return False
    return head.paragraph == e.paragraph and 0 < e.sentence_index - head.sentence_index <= SAME_DAY_REACH


def _within(head: Event, e: Event, a: _Profile, b: _Profile, relation: str) -> float:
    """Return how well `e` fits `head` when both come from one article (0: a different happening)."""
    contained = relation == "contained"
    if relation not in ("same", "contained") or (contained and e.time_kind not in DERIVED_KINDS):
        return 0.0
    if head.source == e.source and head.sentence_start == e.sentence_start and head.time_start != e.time_start:
        # One sentence dating two happenings, each its own clause ("…on 13 September 2023,
        # the same day Kim met Putin"; "On April 4, the same day it announced tariffs, China
        # placed …"): the writer tells two happenings of one day.
        return 0.0
    if " ".join(head.sentence.split()) == " ".join(e.sentence.split()):
        return 0.0 if contained else 1.0  # the same sentence dated twice the same way
    if relation == "same" and _next_of_day(head, e):
        return 0.0
    if _one_list(head, e):
        return 0.0
    later = e if e.sentence_index > head.sentence_index else head
    if (relation == "same" and (head.local_day or e.local_day) and _continues(head, e)
            and concepts.opens_pointing_back(later.sentence, later.language)):
        # "Trump mengucapkan sumpah jabatan … Senin (20/1/2025) siang waktu setempat. Di
        # Indonesia, prosesi itu berlangsung Selasa (21/1/2025) dini hari WIB": one moment told
        # by the happening's clock and, in the next sentence, by the reader's.
        return affinity.overlap(a, b) + 0.5
    # A sentence naming the day's happening by a noun ("Jakarta called Tuesday's incident …")
    # has its speaker for actors, not the happening's.
    named = _refers(e) or _refers(head)
    if a.actors and b.actors and not (a.actors & b.actors) and not e.actors_inferred and not named:
        return 0.0
    if a.places and b.places and not a.places & b.places and not named:
        return 0.0  # the same kind of thing in two places that day ("Kyiv …"; "In Lutsk, …")
    sim = affinity.overlap(a, b)
    shared_cues = len(a.cues & b.cues)
    mine, theirs = concepts.specific(a.concepts), concepts.specific(b.concepts)
    if mine and theirs and not (mine & theirs):
        return 0.0  # each names what happened, and they name different things (a treaty, a bridge)
    shared = mine & theirs
    if contained:
        # A coarser date computed from the article's ("pekan lalu") on a report of the same
        # kind that names the same thing, or the finer one naming its happening by a noun
        # ("Pertemuan pada Selasa (16/1/2024) itu …"): the one happening told twice.
        ok = a.type == b.type != taxonomy.OTHER and (shared_cues > 0 or bool(shared)) or _refers(e) or _refers(head)
    elif relation == "same" and (_infobox(head) or _infobox(e)):
        # An infobox row ("| Signed | 9 October 2025, Sharm el-Sheikh |") sums up a happening
        # the article tells: it joins the one of its day it shares a concept, name or figure with,
        # even when the article's sentence dates it from another ("The treaty was signed later
        # that day"): the row sums up the article, not the narrative's day.
        ok = bool(shared or a.names & b.names or a.numbers & b.numbers or shared_cues)
    elif _itemised(head, e) or _itemised(e, head):
        # "3. Sabtu (22/2/2025): Kondisi Kritis" above "Paus mengalami krisis pernapasan …": a
        # kronologi item's title and the sentences its date dates (their only date) tell one
        # happening (each naming its own specific thing was ruled out above).
        ok = True
    elif relation == "same" and (_heads(head, e) or _heads(e, head)) and not (
            _another(head, e) or _another(e, head)):
        # "1. Pemerintah blokir 26 platform, Kamis (4/9/2025)" above "Kementerian … memerintahkan
        # pemblokiran 26 platform …": a kronologi's entry title and the first sentence it heads,
        # when they share what happened ("4. Oli mundur" above "Massa … membakar gedung parlemen"
        # titles the resignation told further down).
        ok = bool(a.concepts & b.concepts or a.names & b.names or a.numbers & b.numbers or a.people & b.people
                  or sim >= SIMILAR)
    elif _entry_mates(head, e):
        # one more happening of the entry's day (unless it only goes on about it: below)
        ok = False
    elif named and not (_another(head, e) or _another(e, head)):
        # "Manila called Tuesday's incident illegal", "Insiden kemarin itu …": the date names
        # a happening the article tells; the sentence is about it, whatever its own verb
        # (not about another report of that day: what is named is what happened).
        ok = (a.type if _refers(e) else b.type) != "statement" or _refers(e) and _refers(head)
    elif _another(head, e) or _another(e, head):
        # "Pada hari yang sama, Lavrov juga diterima Kim", "Kim and Putin held talks later that
        # day": one more happening of that day. (It used to join when both named one specific
        # thing; of the labelled pairs it joined so, 18 of 23 were two happenings: a second
        # ruling of the court that day, an attack on another city, Moscow's claim about it.)
        ok = False
    elif relation == "same" and (shared or a.people & b.people or a.names & b.names) and (
            _listed_twice(head, e) or _listed_twice(e, head)):
        # "- **August 11, 2025** — A Chinese navy destroyer and a … cutter collide … off
        # Scarborough" and, in the year's list below, "- **Aug 11** — The destroyer-cutter
        # collision off Scarborough": a page's two lists tell one happening of that day when
        # they share what, who or where. (Of the labelled pairs of such entries, 36 sharing
        # a concept, person or name were one happening and 11 two; sharing none, 7 and 14.
        # A concept and a name both: 9 and 1, but mean pair F1 0.7951 → 0.7962, five newly
        # read sets 0.709 → 0.726.) So do a kronologi's lead ("TRIBUNNEWS.COM - Mahkamah
        # Konstitusi Thailand resmi mencopot …") and its list's entry of that day (9 and 1),
        # and a sentence its item's title dates and one of the intro that dates itself ("COP30
        # resmi dibuka di Belém, Senin (10/11/2025)" and, under "1. Senin (10/11/2025): …",
        # "COP30 dibuka di Belém"; 6 and 2; mean pair F1 0.7965 → 0.7969).
        ok = True
    elif a.type == b.type == "statement":
        # Two sayings of one day ("The State Department said Tuesday …", "Oli has resigned, his
        # office said early Tuesday"): the verb of saying is the cue they share; one speaker or
        # one named thing makes them one happening.
        ok = (shared_cues > 0 or sim >= SIMILAR) and bool(shared or a.people & b.people)
    elif a.type == b.type != taxonomy.OTHER:
        ok = shared_cues > 0 or sim >= SIMILAR
    elif "statement" in (a.type, b.type) and a.type != b.type and shared:
        # A report of what was said of the day's happening, naming it and who or where (the
        # opening of the fast train, and "… dioperasikan," kata Jokowi). A shared concept alone is not
        # enough: a live blog's "X says" lines of one day are mostly about different things.
        ok = bool(a.names & b.names or a.people & b.people)
    elif a.type != b.type and concepts.compatible(a.type, b.type):
        ok = bool(shared)  # both name the same thing that happened (a parade, the treaty) that day
    elif taxonomy.OTHER in (a.type, b.type) and a.type != b.type:
        ok = bool(a.actors & b.actors) and (
            bool(a.people & b.people) and (not _apart(head, e) or _caption(head) or _caption(e)) or sim >= SIMILAR)
    elif a.type == b.type == taxonomy.OTHER:
        ok = bool(a.actors & b.actors) and sim >= SIMILAR_UNTYPED
    else:
        ok = False
    # A sentence that goes on about the happening of the one before it ("They discussed
    # military cooperation"), on the same date, naming nobody of its own: it borrows the
    # actors of the one before ("Kim and Putin held talks later that day" names its own,
    # and may be a happening of its own).
    # Nor any name or person of its own ("The Bhumjaithai Party left the coalition the same
    # evening", "Pope Francis prayed …": of 12 labelled pairs joined without this, 10 were two
    # happenings).
    if not ok and _continues(head, e) and e.actors_inferred and not contained and not concepts.adds(
            e.sentence, e.language) and not (b.names - a.names or b.people - a.people):
        # It goes on about the same thing ("During their talks that day, …") or brings
        # nothing new that names a happening ("Siang harinya, kedua pemimpin meneken perjanjian"
        # after a welcome ceremony is the next happening).
        # (One that presents itself as one more happening of the day, "Her cabinet is sworn in the
        # same day", "Mulino rejects the remarks that evening", must share what it is about: of the
        # labelled pairs joined without, 4 were one happening and 27 two.)
        another = _another(head, e) or _another(e, head) or _entry_mates(head, e)
        ok = bool(a.concepts & b.concepts) or not another and not concepts.specific(b.concepts - a.concepts)
    return shared_cues + sim + 0.5 if ok else 0.0


def _across(head: Event, e: Event, a: _Profile, b: _Profile, relation: str,
            types: frozenset[str] = frozenset(), rare: frozenset[str] | None = None) -> float:
    """Return how well `e` fits a happening (`head`, `a`: what its reports say together) of other articles.

    `types`: the types its reports were given; `rare`: the names rare enough to tell
    happenings apart (all when None). The fit is the learned probability of
    timeline/affinity.py (plus one, so any join outranks none), 0 below its threshold.
    """
    return _judged(head, e, a, b, relation, types, rare)[0]


def _judged(head: Event, e: Event, a: _Profile, b: _Profile, relation: str, types: frozenset[str],
            rare: frozenset[str] | None) -> tuple[float, float]:
    """Return _across's fit and the pair's weight in _refine (log-odds over the threshold)."""
    x = affinity.features(head, e, a, b, relation, types, rare)
    model = affinity.current()
    if affinity.ruled_out(x):
        return 0.0, RULED_OUT_FIT
    p = affinity.probability(x, model)
    return (1.0 + p if p > model.threshold else 0.0), _logit(p) - _logit(model.threshold)


def mention_of(e: Event) -> Mention:
    """Return what `e`'s own article says: its sentence, time expression and interval."""
    return Mention(
        mention_id=e.event_id, source=e.source, source_url=e.source_url, published=e.published,
        language=e.language, sentence=e.sentence, time_text=e.time_text, date=e.date,
        date_end=e.date_end, precision=e.precision, date_label=e.date_label,
        event_type=e.event_type, actors=e.actors, people=e.people, title=e.title,
    )


def reports(e: Event) -> tuple[Mention, ...]:
    """Return the mentions `e` stands for (itself, when it was never merged)."""
    return e.mentions or (mention_of(e),)


def _vote(said: list[Mention]) -> tuple[tuple[date, date], str]:
    """Return the interval most sources give (then the finest) and a note when they disagree.

    A source agrees with an interval when it gives it or a coarser one containing it
    ("Desember 2024" agrees with 4 Dec 2024); two intervals neither of which holds the
    other disagree ("18 Jun 2024 per 2 sources, 19 Jun 2024 per 1").
    """
    given: dict[tuple[date, date], set[str]] = {}
    label: dict[tuple[date, date], str] = {}
    precision: dict[tuple[date, date], int] = {}
    for m in said:
        key = (m.date, m.date_end)
        given.setdefault(key, set()).add(m.source)
        label.setdefault(key, m.date_label)
        precision.setdefault(key, PRECISIONS.index(m.precision) if m.precision in PRECISIONS else len(PRECISIONS))

    def support(key):
        return len({s for other, srcs in given.items() if other[0] <= key[0] and key[1] <= other[1] for s in srcs})

    best = min(given, key=lambda k: (-support(k), precision[k], -len(given[k]), k))
    rivals = [k for k in given if not (k[0] <= best[0] and best[1] <= k[1]) and not (best[0] <= k[0] and k[1] <= best[1])]
    if not rivals:
        return best, ""
    shown = sorted([best, *rivals], key=lambda k: (-len(given[k]), k))
    return best, ", ".join(f"{label[k]} per {len(given[k])} source{'s' if len(given[k]) > 1 else ''}" for k in shown)


def _combine(members: list[Event], title_language: str = "source") -> Event:
    """Return one event from the mentions of a happening; the first member leads.

    The type is the leader's, or the first typed member's when the leader is untyped.
    That is also the majority type of the typed mentions: a mention joins a leader
    only of its own type or when one of the two is untyped (`_within`, `_across`), and a typed
    mention ranks before an untyped one of the same date (`_rank`). Untyped mentions
    do not outvote a cue: the lack of a cue says nothing about the happening. Across
    articles the date is the one most sources give (`_vote`); the leader is then the
    best-ranked member giving it.
    """
    said = [m for e in members for m in reports(e)]
    interval, note = _vote(said)
    head = next((m for m in members if (m.date, m.date_end) == interval), members[0])
    if head is not members[0]:
        members = [head, *(m for m in members if m is not head)]
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
    sources = list(dict.fromkeys(s for m in members for s in (m.sources or (m.source,))))
    titled = typed if head.event_type == taxonomy.OTHER else head
    if title_language in ("id", "en") and titled.language != title_language:
        titled = next((m for m in members if m.language == title_language and m.event_type == typed.event_type),
                      next((m for m in members if m.language == title_language), titled))
    support = len(sentences)
    return replace(
        head,
        title=titled.title,
        event_type=typed.event_type,
        evidence=tuple(sentences[1:]),
        actors=tuple(actors),
        people=tuple(people),
        source_count=max(len(sources), max(m.source_count for m in members)),
        sources=tuple(sources) if len(sources) > 1 else (),
        date_note=note,
        places=tuple(dict.fromkeys(p for m in members for p in m.places)),
        mentions=tuple(said),
        confidence=confidence.score(
            head.precision, head.time_kind, bool(head.actors), head.actors_inferred, support
        ),
    )


def _neighbours(day: date) -> list[date]:
    """Return the days before and after `day` that the calendar has (Python's runs from 0001-01-01 to 9999-12-31)."""
    return [day + timedelta(days=n) for n in (-1, 1) if (day > date.min if n < 0 else day < date.max)]


def _start_index(clusters: list[_Cluster]) -> tuple[dict[date, list[int]], list[date]]:
    """Return the clusters by their head's start day, and those days sorted (for _starts_within)."""
    by_start: dict[date, list[int]] = {}
    for i, c in enumerate(clusters):
        by_start.setdefault(c.members[0].date, []).append(i)
    return by_start, sorted(by_start)


def _starts_within(known: list[date], first: date, last: date) -> list[date]:
    """Return the days of sorted `known` from `first` to `last`: what walking every day of it finds."""
    return known[bisect.bisect_left(known, first):bisect.bisect_right(known, last)]


def _days(first: date, last: date) -> Iterable[date]:
    for n in range((last - first).days + 1):
        yield first + timedelta(days=n)


@dataclass
class _Cluster:
    """The reports of one happening gathered so far, and what they say together."""

    members: list[Event]
    profile: _Profile
    types: set[str]

    def add(self, e: Event, p: _Profile) -> None:
        """Take `e` in: its type, concepts, names, people, numbers, actors and words join the cluster's."""
        self.members.append(e)
        self.types.add(p.type)
        q = self.profile
        self.profile = _Profile(q.type, q.cues, q.words | p.words, q.actors | p.actors, q.people | p.people,
                                q.concepts | p.concepts, q.numbers | p.numbers, q.names | p.names,
                                q.places | p.places, q.glosses + p.glosses, q.meaning | p.meaning)


_BATCH = object()  # merge's default for `rare`: from the events merged


def merge(events: Iterable[Event], memo: dict | None = None, title_language: str = "source",
          rare: frozenset[str] | None | object = _BATCH) -> list[Event]:
    """Merge mentions of the same happening into one event each, in the input's order.

    The finest-dated mention (then a typed one, then the earliest published, then
    the first in its article) leads: it keeps `sentence`, `source` and the id (across
    articles, of the date most sources give); the others' sentences go to `evidence`,
    `mentions` keeps every report with its article, and `source_count` counts the
    distinct articles. `memo`: the article's type answers when the events are one
    article's (see taxonomy.cues). `title_language` ("id", "en" or "source"): the
    language of the title when a happening is reported in both. `rare`: the names that
    tell happenings apart (`rare_names`), when the events are one part of a larger batch.
    """
    items = list(events)
    profiles: dict = {}
    order = {id(e): i for i, e in enumerate(items)}
    if rare is _BATCH:
        rare = _rare_names(items, profiles, memo)
    if len({e.source for e in items}) > 1 and all(e.mentions for e in items):
        # Rows of several articles, each already merged within its article: the pairs that
        # fit best join first (_best_first), so a happening's first two reports no longer
        # decide where its others go.
        fits: dict[tuple[int, int], float] = {}
        clusters = _unite(_best_first(items, profiles, memo, rare, fits), rare, profiles, paired=True)
        clusters = _refine(clusters, fits, rare, profiles)
    else:
        clusters = _unite(_in_order(items, profiles, memo, rare), rare, profiles)
    clusters = _attach(clusters, rare, profiles)
    groups = sorted((c.members for c in clusters), key=lambda c: min(order[id(m)] for m in c))
    return [_combine(c, title_language) if len(c) > 1 else _alone(c[0]) for c in groups]


def _in_order(items: list[Event], profiles: dict, memo: dict | None, rare: frozenset[str] | None) -> list[_Cluster]:
    """Cluster reports taking them finest first, each joining the cluster it fits best (one article's merge)."""
    clusters: list[_Cluster] = []
    # Only clusters whose head can be the same happening by date are asked (`_asked`).
    by_interval: dict[tuple[date, date], list[int]] = {}
    by_start: dict[date, list[int]] = {}
    starts: list[date] = []  # each cluster's start, as by_start files it
    by_key: dict[str, set[int]] = {}
    for e in sorted(items, key=_rank):
        mine = _of(e, profiles, memo)
        keys = _keys(e, mine)
        asked = _asked(e, keys, by_interval, by_start, by_key, lambda i: e.date <= starts[i] <= e.date_end)
        scored = []
        for i in asked:
            fit = _fit(clusters[i], e, mine, profiles, memo, rare)
            if fit > 0:
                scored.append((fit, i))
        scored.sort(reverse=True)
        # A coarse report that fits two happenings equally well ("in 2024, the treaty …")
        # names neither for sure: it stays a row of its own.
        ambiguous = len(scored) > 1 and scored[0][0] == scored[1][0] and (
            _relation(clusters[scored[0][1]].members[0], e) == "contained")
        if scored and not ambiguous:
            at = scored[0][1]
            clusters[at].add(e, mine)
        else:
            at = len(clusters)
            by_interval.setdefault((e.date, e.date_end), []).append(at)
            by_start.setdefault(e.date, []).append(at)
            starts.append(e.date)
            clusters.append(_Cluster([e], mine, {mine.type}))
        for k in keys:
            by_key.setdefault(k, set()).add(at)
    return clusters


def _asked(e: Event, keys: tuple[str, ...], by_interval: dict, by_start: dict, by_key: dict,
           inside: Callable[[int], bool]) -> set[int]:
    """Return the clusters (or rows) whose date lets them be `e`'s happening, as the indexes file them.

    Those of the same interval, a day away from a day, and, sharing a concept, name,
    person or article with a coarser `e`, those `inside` its interval (merging a library's
    thousands of events would otherwise ask every cluster, and a year's report every
    happening of that year).
    """
    asked: set[int] = set(by_interval.get((e.date, e.date_end), ()))
    coarse = e.date_end > e.date and (e.date_end - e.date).days < CONTAIN_MAX_DAYS
    if coarse or e.precision == "day":
        sharing = set().union(*(by_key.get(k, ()) for k in keys))
        if coarse and len(sharing) <= (e.date_end - e.date).days:
            # Fewer sharing clusters than days (one article's, or a year's report): ask each
            # whether it lies inside, rather than walk every day of the interval.
            asked.update(i for i in sharing if inside(i))
        else:
            days = _days(e.date, e.date_end) if coarse else _neighbours(e.date)
            for day in days if sharing else ():
                asked.update(i for i in by_start.get(day, ()) if i in sharing and (not coarse or inside(i)))
    return asked


def _best_first(items: list[Event], profiles: dict, memo: dict | None,
                rare: frozenset[str] | None, fits: dict | None = None) -> list[_Cluster]:
    """Cluster rows of several articles, joining the best-fitting pair of rows first.

    Taken one by one (`_in_order`), a happening's first reports decided where the others
    went: a report typed as a statement led, the strike's report did not fit it and began
    a second row, and a wrong early join kept out the right reports of that article. Here
    every pair of rows that can be one happening by date is scored once; the best pairs
    join first, two clusters join only when they fit as wholes (`_joins`), and one
    article's rows stay apart. (Measured on the labelled folders, left out in turn: mean
    pair F1 0.828 one by one, 0.837 best first; README "Measuring the merge".)
    """
    ranked = sorted(items, key=_rank)
    mine = [_of(e, profiles, memo) for e in ranked]
    # The same report in several articles (a wire story reprinted, the same sentence dated
    # the same way) is asked about once: its copies join its first row, and only that row is
    # paired with the others (an archive's reprints would otherwise square the pairs).
    first: dict[tuple, int] = {}
    copies = {i: first.setdefault((" ".join(e.sentence.lower().split()), e.date, e.date_end, e.language), i)
              for i, e in enumerate(ranked)}
    copies = {i: j for i, j in copies.items() if i != j}
    pairs = [(-math.inf, j, i) for i, j in copies.items()]
    pairs += _scored_pairs(ranked, mine, rare, set(copies), fits)
    clusters = [_Cluster([e], p, {p.type}) for e, p in zip(ranked, mine)]
    root = list(range(len(ranked)))  # each row's cluster: the index of its best-ranked row

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for _, h, o in pairs:
        a, b = sorted((find(h), find(o)))
        if a == b or {m.source for m in clusters[a].members} & {m.source for m in clusters[b].members}:
            continue
        if len(clusters[a].members) + len(clusters[b].members) > 2 and _joins(clusters[a], clusters[b], rare) <= 0:
            continue
        for m in clusters[b].members:  # the better-ranked head (lower index) keeps the lead
            clusters[a].add(m, _of(m, profiles, memo))
        root[b] = a
    return [c for i, c in enumerate(clusters) if find(i) == i]


# What a pair the rules part (affinity.ruled_out) weighs when _refine moves rows, in the
# units of its fits (log-odds above the threshold's): a mild "no", since the clusters it
# sits in were joined as wholes (_joins), which the rules allow. Measured on the labelled
# folders, left out in turn: -0.25 to -1 give the same mean F1 (0.824); -5 gives 0.806,
# -20 0.796 (README "Measuring the merge").
RULED_OUT_FIT = -0.5
REFINE_ROUNDS = 8  # passes over the rows at most: each move raises the sum of the fits, so they settle


def _logit(p: float) -> float:
    """Return the log-odds of probability `p` (kept off 0 and 1)."""
    p = min(max(p, 1e-9), 1 - 1e-9)
    return math.log(p / (1 - p))


def _refine(clusters: list[_Cluster], fits: dict[tuple[int, int], float], rare: frozenset[str] | None,
            profiles: dict) -> list[_Cluster]:
    """Move a row to another happening of its day, or swap two rows of one article, while the fits grow.

    Best first, a pair that fits well joins before a better pair of the same rows is seen
    whole: "Nauru announces it will recognise Beijing" joined "Taiwan cuts ties with Nauru
    hours later" of another article, and each report of the two happenings then found the
    other's article taken. A row goes to the happening of its day (or a day apart) where
    the sum of its fits with the rows there (log-odds of affinity.probability above the
    threshold) is highest; when that happening holds a row of its own article, the two
    change places if the sum over both grows. Coarser rows are left to _attach: moved
    here too, they cost precision (mean pair F1 0.821 against 0.824). Measured on the
    labelled folders, left out in turn: mean pair F1 0.807 → 0.824 (README "Measuring
    the merge"). `fits`: the weights of the pairs asked already (_judged), by the rows' ids.
    """
    where = {id(m): n for n, c in enumerate(clusters) for m in c.members}
    members = [list(c.members) for c in clusters]
    rows = [m for c in clusters for m in c.members]
    by_id = {id(m): m for m in rows}
    # Each row's weights with the others, by id (a row's sums are asked millions of times
    # in a large batch: one dictionary lookup per pair), and where it may go: to the rows
    # of its start day or a day apart it fits by itself.
    known: dict[int, dict[int, float]] = {i: {} for i in by_id}
    near: dict[int, list[Event]] = {i: [] for i in by_id}
    for (i, j), weight in fits.items():
        x, y = by_id.get(i), by_id.get(j)
        if x is None or y is None:
            continue
        known[i][j] = known[j][i] = weight
        if weight > 0 and x.source != y.source and abs((x.date - y.date).days) <= 1:
            near[i].append(y)
            near[j].append(x)

    def tie(x: Event, group: list[Event], without: Event | None = None) -> float:
        mine, total = known[id(x)], 0.0
        for y in group:
            if y is x or y is without:
                continue
            weight = mine.get(id(y))
            if weight is None:
                weight = 0.0
                head, e = (x, y) if _rank(x) <= _rank(y) else (y, x)
                relation = _relation(head, e) if x.source != y.source else ""
                if relation:
                    a = _of(head, profiles)
                    weight = _judged(head, e, a, _of(e, profiles), relation, frozenset((a.type,)), rare)[1]
                mine[id(y)] = weight
                known[id(y)][id(x)] = weight
            total += weight
        return total

    changed: set[int] | None = None  # the clusters a move changed in the last pass (None: the first pass)
    for _ in range(REFINE_ROUNDS):
        touched: set[int] = set()
        for r in rows:
            here = where[id(r)]
            elsewhere = [n for n in dict.fromkeys(where[id(y)] for y in near[id(r)]) if n != here]
            if not elsewhere or changed is not None and here not in changed and changed.isdisjoint(elsewhere):
                continue  # nothing it is weighed against has changed since it was last asked
            stay = tie(r, members[here])
            best, plan = 1e-9, None
            for there in elsewhere:
                rival = next((z for z in members[there] if z.source == r.source), None)
                gain = tie(r, members[there], rival) - stay
                if rival is not None:
                    if any(z.source == rival.source for z in members[here] if z is not r):
                        continue
                    gain += tie(rival, members[here], r) - tie(rival, members[there])
                if gain > best:
                    best, plan = gain, (there, rival)
            if plan is None:
                continue
            there, rival = plan
            members[here].remove(r)
            members[there].append(r)
            where[id(r)] = there
            if rival is not None:
                members[there].remove(rival)
                members[here].append(rival)
                where[id(rival)] = here
            touched.update((here, there))
        if not touched:
            break
        changed = touched
    out = []
    for c, group in zip(clusters, members):
        group.sort(key=_rank)
        if [id(m) for m in group] == [id(m) for m in c.members]:
            out.append(c)  # untouched: its profile stands
        elif group:
            lead = _of(group[0], profiles)
            out.append(_Cluster([group[0]], lead, {lead.type}))
            for m in group[1:]:
                out[-1].add(m, _of(m, profiles))
    return out


def _scored_pairs(ranked: list[Event], mine: list[_Profile], rare: frozenset[str] | None,
                  copies: set[int] = frozenset(), logits: dict | None = None) -> list[tuple[float, int, int]]:
    """Return (-fit, i, j) for the pairs of rows of different articles that may be one happening, best first.

    Asked as `_in_order` asks (`_asked`); rows in `copies` (another row's copy) are left out.
    `logits` receives every pair asked, by the rows' ids, as _refine weighs it (torn ones too).
    """
    by_interval: dict[tuple[date, date], list[int]] = {}
    by_start: dict[date, list[int]] = {}
    by_key: dict[str, set[int]] = {}
    for i, e in enumerate(ranked):
        if i in copies:
            continue
        by_interval.setdefault((e.date, e.date_end), []).append(i)
        by_start.setdefault(e.date, []).append(i)
        for k in _keys(e, mine[i]):
            by_key.setdefault(k, set()).add(i)
    pairs: list[tuple[float, int, int]] = []
    seen: set[tuple[int, int]] = set()  # a pair is found from both its rows: scored once
    for i, e in enumerate(ranked):
        if i in copies:
            continue
        asked = _asked(e, _keys(e, mine[i]), by_interval, by_start, by_key,
                       lambda j: e.date <= ranked[j].date and ranked[j].date_end <= e.date_end)
        for j in asked:
            h, o = sorted((i, j))
            if h == o or ranked[h].source == ranked[o].source or (h, o) in seen:
                continue
            seen.add((h, o))
            relation = _relation(ranked[h], ranked[o])
            if not relation:
                continue
            kinds = frozenset((mine[h].type,))
            fit, weight = _judged(ranked[h], ranked[o], mine[h], mine[o], relation, kinds, rare)
            if logits is not None:
                x, y = id(ranked[h]), id(ranked[o])
                logits[(x, y) if x < y else (y, x)] = weight
            if fit > 0:
                pairs.append((-fit, h, o))
    # A coarse row that fits two happenings equally well ("in 2024, the treaty …") names
    # neither for sure: it is left to _attach, which asks once every happening is whole.
    fits: dict[int, list[float]] = {}
    for fit, h, o in pairs:
        for i, j in ((h, o), (o, h)):
            e, other = ranked[i], ranked[j]
            if (e.date, e.date_end) != (other.date, other.date_end) and e.date <= other.date <= other.date_end <= e.date_end:
                fits.setdefault(i, []).append(fit)
    torn = {i for i, found in fits.items() if len(found) > 1 and sorted(found)[0] == sorted(found)[1]}
    return sorted(p for p in pairs if p[1] not in torn and p[2] not in torn)


def _joins(a: _Cluster, b: _Cluster, rare: frozenset[str] | None) -> float:
    """Return how well two clusters of different articles are one happening (0: they are not).

    Both ways must hold: each cluster's reports together, as one report of the other's.
    """
    if {m.source for m in a.members} & {m.source for m in b.members}:
        return 0.0  # rows one article keeps apart stay apart
    fits = []
    for one, other in ((a, b), (b, a)):
        head, lead = one.members[0], other.members[0]
        relation = _relation(head, lead)
        if not relation:
            return 0.0
        # The other cluster answers as its best-fitting type: a report typed apart by one
        # article (a strike as casualties) is the same report typed as the other's kind.
        kinds = sorted(k for k in other.types if any(concepts.compatible(k, t) for t in one.types))
        profile = replace(other.profile, type=kinds[0] if kinds else other.profile.type)
        fit = _across(head, lead, one.profile, profile, relation, frozenset(one.types), rare)
        if fit <= 0:
            return 0.0
        fits.append(fit)
    return min(fits)


def _unite(clusters: list[_Cluster], rare: frozenset[str] | None, profiles: dict | None = None,
           paired: bool = False) -> list[_Cluster]:
    """Join clusters that one happening's reports formed apart, taking reports one by one.

    A report asks the clusters formed before it, so the first reports of a happening can
    part ways (a report typed as a statement leads, a strike's report does not fit it and
    starts a second cluster the others then join); with all reports in, each cluster
    together is asked about the others of a compatible date. `paired`: every two rows were
    asked already (`_best_first`), so two clusters of one row each are not asked again.
    """
    by_start, known = _start_index(clusters)
    alive = list(range(len(clusters)))
    gone: set[int] = set()
    for i in alive:
        if i in gone:
            continue
        head = clusters[i].members[0]
        days = [head.date, *_neighbours(head.date)] if head.precision == "day" else []
        if head.date_end > head.date and (head.date_end - head.date).days < CONTAIN_MAX_DAYS:
            days = _starts_within(known, head.date, head.date_end)
        best, at = 0.0, -1
        for day in days:
            for j in by_start.get(day, ()):
                if j == i or j in gone or paired and len(clusters[i].members) == len(clusters[j].members) == 1:
                    continue
                fit = _joins(clusters[i], clusters[j], rare)
                if fit > best:
                    best, at = fit, j
        if at >= 0:
            # The finer-dated cluster keeps the lead; the other's reports join it.
            keep, drop = (i, at) if _rank(clusters[i].members[0]) <= _rank(clusters[at].members[0]) else (at, i)
            for m in clusters[drop].members:
                clusters[keep].add(m, _of(m, profiles))
            gone.add(drop)
    return [c for n, c in enumerate(clusters) if n not in gone]


def _attach(clusters: list[_Cluster], rare: frozenset[str] | None, profiles: dict | None = None) -> list[_Cluster]:
    """Give a coarser report one article left alone the happening inside its interval it fits best.

    Asked again once every happening holds all its reports ("The first truce, agreed in
    November 2023, …" against the truce of 22 November as all its reports tell it); a
    tie goes to the happening more articles report, and stays alone when that ties too.
    """
    by_start, known = _start_index(clusters)
    gone: set[int] = set()
    for i, c in enumerate(clusters):
        head = c.members[0]
        sources = {m.source for m in c.members}
        span = (head.date_end - head.date).days
        if head.precision == "day" or not 0 < span < CONTAIN_MAX_DAYS or len(sources) > 1:
            continue
        scored = []
        for day in _starts_within(known, head.date, head.date_end):
            for j in by_start.get(day, ()):
                other = clusters[j]
                lead = other.members[0]
                if j == i or j in gone or lead.date_end > head.date_end or (lead.date, lead.date_end) == (
                        head.date, head.date_end) or sources & {m.source for m in other.members}:
                    continue
                fit = _across(lead, head, other.profile, c.profile, "contained", frozenset(other.types), rare)
                if fit > 0:
                    scored.append((fit, len({m.source for m in other.members}), j))
        scored.sort(reverse=True)
        if not scored or len(scored) > 1 and scored[0][:2] == scored[1][:2]:
            continue
        at = scored[0][2]
        for m in c.members:
            clusters[at].add(m, _of(m, profiles))
        gone.add(i)
    return [c for n, c in enumerate(clusters) if n not in gone]


def _keys(e: Event, p: _Profile) -> tuple[str, ...]:
    """Return what a coarser report must share with a happening to be asked about it."""
    return (*p.concepts, *("#" + n for n in p.names), *("@" + x for x in p.people), "\x00" + e.source)


def _alone(e: Event) -> Event:
    """Return `e` carrying its own report as its mentions (provenance of a one-report happening)."""
    if e.mentions:
        return e
    # As importance._with_importance: a copy with one field set costs a third of
    # dataclasses.replace, and nearly every event of an article passes here.
    new = copy.copy(e)
    object.__setattr__(new, "mentions", (mention_of(e),))
    return new


# A name in more than this share of a batch's reports (and in at least RARE_MIN of them)
# is the story's setting ("Pyongyang", "Kremlin"), not what tells one happening from another.
RARE_SHARE = 0.1
RARE_MIN = 5


def rare_names(events: Iterable[Event]) -> frozenset[str] | None:
    """Return the names rare enough in a batch to tell happenings apart (None: all of them count)."""
    return _rare_names(list(events), {}, None)


def _rare_names(items: list[Event], profiles: dict, memo: dict | None) -> frozenset[str] | None:
    """Return the names rare enough in `items` to tell happenings apart (None: all, for a small batch)."""
    if len({e.source for e in items}) < 2:
        return None
    # People count too, marked "@": a minister shared by two reports tells the happening, the
    # two leaders of every report do not.
    counts = Counter(n for e in items for p in (_of(e, profiles, memo),) for n in (*p.names, *("@" + x for x in p.people)))
    limit = max(RARE_MIN, RARE_SHARE * len(items))
    return frozenset(n for n, k in counts.items() if k <= limit)


def _fit(cluster: _Cluster, e: Event, mine: _Profile, profiles: dict, memo: dict | None,
         rare: frozenset[str] | None) -> float:
    """Return how well `e` fits a cluster: its date against the head's, its story against all the reports'.

    A report joins a cluster holding a row of its own article only when it fits that
    row by the rules of one article: two rows one article keeps apart stay apart.
    """
    head = cluster.members[0]
    relation = _relation(head, e)
    if not relation:
        return 0.0
    within = [m for m in cluster.members if m.source == e.source]
    if within and e.mentions:
        return 0.0  # rows its article's own merge kept apart (an event already merged) stay apart
    for m in within:
        if _within(m, e, _of(m, profiles, memo), mine, _relation(m, e)) <= 0:
            return 0.0
    if len(within) == len(cluster.members):
        return _within(head, e, _of(head, profiles, memo), mine, relation)
    return _across(head, e, cluster.profile, mine, relation, frozenset(cluster.types), rare)
