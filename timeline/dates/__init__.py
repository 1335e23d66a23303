"""The temporal layer: find time expressions and give each dated sentence its date.

A cheap scan runs compiled per-language patterns (built once from data/lang/) over
the text; each candidate is then resolved to an inclusive interval with a precision
and a label — relative expressions against the publication date, anaphoric ones
against the narrative's previous date — and placed on the page (dateline, heading
line, key–value line, furniture). `baseline.py` keeps dateparser's `search_dates`,
the anchor this layer is measured against.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from ..model import Sentence, TimeExpression
from ..verbs import has_verb
from . import grammar, interval, layout, lexicon
from .resolve import NARRATIVE_RECENT, Context, Resolution, told_day
from .rules import MONTH_WITHOUT_CUE
from .scan import DATEABLE, scan

__all__ = ["baseline", "date_sentences", "dateline", "find_expressions"]


def __getattr__(name: str):
    # The baseline imports dateparser (0.1 s): only `eval` and the bench need it, so
    # `timeline.dates.baseline` is imported on first use, never on the extraction path.
    if name == "baseline":
        import importlib

        return importlib.import_module(f"{__name__}.baseline")  # `from . import` would ask here again
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

_COMPARISON_WINDOW = 45  # characters before a date searched for "dibanding"/"compared with"
_PREVIOUS = 20  # how many earlier narrative dates an anaphoric expression may look back to
_FURNITURE_WINDOW = 40  # characters before a date searched for "Retrieved", "Diakses", "last edited on"
_CONTACT_WINDOW = 60  # characters before a date searched for "saat dihubungi Kompas.com," (a cue and a gap)
_LIFE_YEARS = 15  # a parenthesised range shorter than this is no one's life ("Korean War (1950–1953)")
_DIGIT = re.compile(r"\d")
_LIVE_DAYS = 7  # a day heading alone in its paragraph this close to publication is a live blog's day
_HEADS = ("heading", "item")  # a date line, and a dated item's title line: both date the paragraph below
_YEARLY = ("year", "year_part", "quarter", "month", "month_part", "day", "week")  # headings that give a year
_BLANK = re.compile(r"\s*")
_THREE_WORDS = re.compile(r"\s*\S+\s+\S+\s+\S")  # (str.split's words are runs of non-space)
_WORD_THEN_SPACE = re.compile(r"\w\s*$")


def _grammar(language: str) -> grammar.Grammar:
    return grammar.build((language or "id").lower()[:2])


def clock_tail(language: str) -> re.Pattern:
    """Return the pattern of a clock's rest after a date in `language` ("pukul 19.45 WIB", "8:20 a.m. ET")."""
    return _grammar(language).clock_tail


def find_expressions(text: str, published: date | None, language: str) -> list[TimeExpression]:
    """Return every time expression in `text`, in text order, spans into `text`.

    Expressions that must not date an event (durations, clock times, page furniture,
    the dateline, relative ones without a publication date) carry `event=False`
    and a `reason`.

    >>> [(e.text, e.label) for e in find_expressions("Pada 24 Februari 2022, Putin menyerang.", None, "id")]
    [('24 Februari 2022', '24 Feb 2022')]
    >>> e = find_expressions("Kim tiba kemarin.", date(2025, 9, 8), "id")[0]
    >>> (e.date.isoformat(), e.kind, e.anchor)
    ('2025-09-07', 'relative', 'published 2025-09-08')
    """
    return _expressions(text, published, language, layout.lines(text))


def _expressions(
    text: str, published: date | None, language: str, lns: list[layout.Line], updated: date | None = None
) -> list[TimeExpression]:
    """`find_expressions`, given the text's lines (date_sentences needs them too).

    `updated`: a live page's last update, the day its summary above the first entry is told from.
    """
    g = _grammar(language)
    cands = scan(text, g)
    line_starts = [ln.start for ln in lns]  # layout.line_index, without rebuilding this per candidate
    line_of = [max(0, bisect.bisect_right(line_starts, c.start) - 1) for c in cands]
    by_line: dict[int, list] = {}
    for c, i in zip(cands, line_of):
        by_line.setdefault(i, []).append(c)
    roles = {i: layout.line_role(text, lns[i], cs, g) for i, cs in by_line.items()}
    for i, why in layout.block_furniture(text, lns, g).items():
        if i in roles:
            roles[i] = ("furniture", why)
    head = layout.find_dateline(text, g, scan, roles, lns)
    # A dateline alone on a short line is the page's stamp: its other words date nothing ("*Sunday
    # briefing | August 25, 2024*": "Sunday" names the issue). A dateline opening the story's first
    # paragraph ("JAKARTA, Aug 20, 2024 (Reuters) - The court on Tuesday …") dates its events.
    head_line = bisect.bisect_right(line_starts, head[0]) - 1 if head else -1
    if head_line >= 0:
        ln = lns[head_line]
        stamp = text[ln.start:ln.end]
        # Its dates and clock times are not counted: "Started May 6, 2025, 4:20 PM ET · Last
        # updated May 10, 2025, 2:10 PM ET" is a stamp of four words.
        dated = [(c.start - ln.start, c.end - ln.start) for c in by_line.get(head_line, ())]
        if (len(layout.outside(stamp, dated).split()) > layout.STAMP_WORDS
                or layout.SENTENCE_CLOSE.search(stamp.rstrip())):
            head_line = -1
    bounds = layout.sentence_bounds(text)
    out: list[TimeExpression] = []
    previous: list = []
    recent: tuple | None = None  # the last _PREVIOUS of `previous`
    heading_year: int | None = None
    heading_line = -1  # the line of the heading that gave heading_year
    # Markdown section headings, line → level: past a heading that names no year, the
    # section a year heading opened has ended (_section_ended).
    sections = {n: len(m.group(1)) for n, ln in enumerate(lns)
                if (m := _MD_HEADING.match(text, ln.start, ln.end))}
    heading_day: date | None = None  # a live blog's day heading: "today" below it is that day
    # (title line, last line read, day) of the dated kronologi item whose section we are in
    item: tuple[int, int, date] | None = None
    entered = False  # a live entry's heading has been passed
    # (sentence start, year, end of its expression, start of its interval) of the last explicit year
    sentence_year: tuple[int, int, int, date] | None = None
    previous_sentence = -1  # sentence start of the latest event date
    sentence_day: tuple[int, date] | None = None  # (sentence start, day) of the latest day-precise date
    previous_end = -1  # where the latest event date's expression ends
    named_month: tuple[int, object] | None = None  # (sentence start, interval) of a bare month that dated nothing
    sentence_dates = 0  # how many of the latest event dates stand in the sentence of the last one
    clause_sentence = -1  # sentence start of a count clause ("14 hours after …") after its sentence's date
    last_deictic = False  # the latest event date was told from the report's day ("kemarin", "today")
    counted_from = -1  # the start of a date an anaphor before it counts from ("the week before Christmas")
    lookups = _Lookups(text)
    told_sentences: list[tuple[int, int, interval.Interval]] = []  # (start, end, day): sentences dated to a day
    for k, (c, i) in enumerate(zip(cands, line_of)):
        role, key = roles.get(i, ("", ""))
        nxt = bisect.bisect_right(bounds, c.start)
        s_start = bounds[nxt - 1]
        s_end = bounds[nxt] if nxt < len(bounds) else len(text)
        same = sentence_year is not None and sentence_year[0] == s_start
        year = sentence_year[1] if same else heading_year
        # ("What we know: The FAA on Saturday ordered …" above a live page's entries is told as
        # of its last update; each entry from its heading's day, or the page's publication)
        anchor_day = updated if updated is not None and not entered else published
        if c.rule == "deictic" and heading_day is not None:
            anchor_day = heading_day
        in_paragraph = previous_end >= 0 and text.find("\n\n", previous_end, c.start) < 0
        if (c.rule == "deictic" and sentence_day is not None and text[c.start:c.end].lower() in g.day_parts
                and (sentence_day[0] == s_start or in_paragraph and sentence_day[1] == previous[-1].start)):
            # "June 19, 2024 — Putin lands in Pyongyang before dawn": a part of the day its
            # sentence has just named, or its paragraph ("- 10 May 2025 – Missiles strike …
            # Pakistan's army announces its operation shortly before dawn"), not of the report's day.
            anchor_day = sentence_day[1]
        if recent is None:
            recent = tuple(previous[-_PREVIOUS:])  # rebuilt only when a date was added
        told = recent
        if c.rule == "qual_unit" and named_month is not None and named_month[0] == s_start:
            # "Then came September: the exploding pagers in the middle of the month": the month
            # its sentence has just named, though alone it dated nothing.
            told = (*recent, named_month[1])
        future = _future(text, g, c, s_start, s_end, lookups, cands, k)
        if (future and published is not None and previous_sentence == s_start and sentence_dates and previous
                and previous[-1].end < published and _cues_name_earlier(text, g, cands, k, s_start)):
            # "Ketika Sheinbaum dilantik pada 1 Oktober tahun lalu, … setelah diterjang Badai John
            # pada akhir September": the cue names the sentence's past day, not what comes next.
            future = False
        counted_back = False  # a count back from the narrative's day: "The raid came a day after …"
        in_sentence = min(sentence_dates, len(told)) if previous_sentence == s_start else 0
        if (same and future and year is not None and published is not None and year < published.year
                and told_day(told, in_sentence, year) is None):
            # "…since its independence from France in 1977, … ahead of the elections scheduled
            # in April": its sentence's past year is no year for what it says is to come (but
            # its day is the day the plan was made: resolve._set_ahead).
            year = None
        past = not future and lookups.past(g, s_start, s_end)
        earlier = past and lookups.looking_back(g, s_start, s_end, c.start)
        if item is not None and i > item[1]:
            # (the lines up to here are read: the next check starts past them)
            item = None if _section_break(text, lns, roles, sections, item[1], i) else (item[0], i, item[2])
        ctx = Context(anchor_day, told, year, future, in_paragraph, in_sentence, past, earlier,
                      item[2] if item is not None and i > item[0] else None)
        try:
            res = c.resolve(ctx)
            if (c.kind == "anaphoric" and heading_day is not None and len(told) > 1
                    and told[-1].start == heading_day
                    and res.interval is not None and res.interval.start == heading_day + _DAY):
                # "May 19, 2025, 7:45 a.m. ET" / "The Electoral Bureau said the next day …": a live
                # entry headed by the day after the story's day tells that day as "the next day"
                again = c.resolve(replace(ctx, previous=told[:-1]))
                if again.interval is not None and again.interval.start == heading_day:
                    res = again
            if same and c.year is None and res.interval is not None and res.anchor.startswith("year from context"):
                res = _recent_news(c, _next_clause(text, g, c, res, sentence_year, ctx), ctx)
            elif (not same and year is not None and res.interval is not None and previous
                  and heading_line >= 0 and published is not None
                  and res.anchor.startswith("year from context")
                  and _section_ended(sections, heading_line, i)):
                res = _next_section_year(c, res, ctx)
                if res.interval.start.year > year:
                    heading_year = res.interval.start.year  # the story has gone on into the next year
        except (ValueError, OverflowError):
            res = Resolution(None, "", "no such date")
        if anchor_day != published and anchor_day is not None and res.anchor.startswith("published"):
            # read from a day heading's or its sentence's day, not from the publication's
            res = Resolution(res.interval, f"day of {anchor_day.isoformat()}", res.reason)
        span_end = c.end
        same_day = c.rule == "anaphoric" and c.event and _same_day_word(text[c.start:c.end], g)
        if same_day and _named_words(language).same_as.match(text, c.end) and not _opens_main_clause(
                text, c, s_start, s_end) and (
                named := _named_day(text, g, c.end, s_end, told_sentences)) is not None:
            # "Pada hari yang sama dengan penandatanganan deklarasi, …", "on the same day the
            # nationalisation was announced": the day of the happening it names, told before;
            # the words naming it are the expression's (they tell no happening of the sentence).
            res = Resolution(named[0], f"same day as {named[0].start.isoformat()}")
            span_end = named[1]
        elif same_day and _OF.match(text, c.end):
            # "Within hours of taking the oath on Wednesday he nominated …": the day named in
            # its own clause, not the narrative's.
            ahead = _day_ahead(text, cands, k, s_end, c, ctx)
            if ahead is not None:
                res = Resolution(ahead, f"same day as {ahead.start.isoformat()}")
        kind, event, reason = c.kind, c.event, c.reason
        if not event and reason == MONTH_WITHOUT_CUE and res.interval is not None:
            named_month = (s_start, res.interval)
        clock_day = None
        if kind == "clock" and len(text[lns[i].start:c.start].split() + text[c.end:lns[i].end].split()) >= 3:
            # (a time on a line of its own is a live page's entry heading, not a sentence)
            clock_day = _clock_day(cands, k, s_start, s_end, in_paragraph, previous,
                                   heading_day or (published if last_deictic else None))
        if clock_day is not None:
            # "Sekitar pukul 15.00 WIB, massa merobohkan pagar": a clock time alone in its
            # sentence is a time of the day the paragraph (or the live page's heading) tells.
            res = Resolution(interval.day(clock_day), f"same day as {clock_day.isoformat()}")
            event, reason = True, ""
        if event and res.interval is None:
            event, reason = False, res.reason or "unresolved"
        elif event and _background(text, g, c, res):
            event, reason = False, "background before a date"
        elif event and c.rule == "anaphoric" and (
                before := _anaphor_of_date(text, g, cands, k, s_end, c, ctx)):
            # "in the week before Christmas", "the day after the March 5 vote": the anaphor
            # counts from the date named right after it, not from the story's last date; a bare
            # date ("before Christmas") names no happening of its own, "the March 5 vote" does
            res = before
            if not text[c.end:cands[k + 1].start].strip():
                counted_from = cands[k + 1].start
        elif event and c.start == counted_from:
            event, reason = False, "the day an anaphor counts from"
        elif event and c.rule == "count_clause" and not (previous_sentence == s_start and previous):
            ahead = _counted_ahead(text, cands, k, s_end, c, ctx)
            if ahead is not None:
                # "Latihan itu dimulai tiga hari setelah Lai dilantik pada Senin (20/5)": the
                # happening it names has its date after it; the sentence's own is that many days on.
                res = ahead
            elif previous and _follows_last(text, g, s_start, c.start) and not any(
                    o is not c and s_start <= o.start < s_end and o.kind in DATEABLE for o in cands):
                counted_back = True  # its day is the clause's; the story goes on from the day before it
            else:
                # "Two days after the summit, …" counts from a happening it names, not from a
                # date ("The raid came a day after Israeli jets hit Hodeidah port" goes on about
                # the happening the sentence before dated: the count runs from that day).
                event, reason = False, "counted from a happening, not a date"
        elif event and c.rule == "count" and c.kind == "anaphoric" and previous_sentence == s_start and previous \
                and res.interval.end < previous[-1].start and res.interval.precision not in ("day", "week"):
            # "..., a step unthinkable a decade earlier": counted back from its own sentence's
            # date, it compares with an earlier time; it dates no happening of its own.
            event, reason = False, "comparison with an earlier time"
        elif event and c.rule == "deictic" and text[c.start:c.end].lower() in g.day_parts and k + 1 < len(cands) \
                and cands[k + 1].start < s_end and _JOINED.fullmatch(text, c.end, cands[k + 1].start):
            # "lifted it before dawn the following day", "sebelum subuh pada Rabu": the day is
            # the one named right after; read alone, the part of the day is the report's day.
            event, reason = False, "a part of the day named right after it"
        elif event and _comparison(text, g, c, s_start):
            event, reason = False, "comparison baseline"
        elif event and c.kind == "range" and _life_dates(text, g, c):
            event, reason = False, "life dates"
        elif event and g.furniture_before.search(text, max(0, c.start - _FURNITURE_WINDOW), c.start):
            event, reason = False, "page furniture"
        elif event and g.stamp_before.search(text, max(0, c.start - _FURNITURE_WINDOW), c.start) and not (
                text[c.end:s_end].strip(" .*_)\n")):
            event, reason = False, "page furniture (the date of the page's figures)"
        elif event and layout.footer_line(text, lns, i, c.start, g):
            event, reason = False, "page furniture (where the piece appeared)"
        elif event and g.contact.search(text, max(s_start, c.start - _CONTACT_WINDOW), c.start):
            event, reason = False, "page furniture (when the source was reached)"
        elif event and g.housekeeping.match(text, s_start, s_end):
            # "Singapore is 12 hours ahead. This blog will be updated through late Saturday night
            # Eastern time.": a sentence about the page (a live blog's sign-off) mid-paragraph
            event, reason = False, "page furniture (the page's own schedule)"
        elif event and layout.comment_stamp(text, lns[i].start, c):
            # "March 24 , 2011 at 7:31 am | Reply I ca n't believe …": a reader's comment.
            event, reason = False, "page furniture (a comment's stamp)"
        elif event and c.kind == "range" and res.interval.precision == "year" and layout.title_line(text, lns, i):
            # "# India and Pakistan, 2019-2025: a timeline of crises": the years a page covers.
            event, reason = False, "page furniture (the years a title covers)"
        elif event and layout.wire_form(text[lns[i].start:lns[i].end], c, lns[i].start) and head:
            event, reason = False, "page furniture (a second dateline)"  # the page's date is read already
        # a section title's date dates no event, yet the lines below it read their year from it
        context = event and role == "furniture" and key == layout.SECTION_TITLE
        if head and c.start < head[1] and head[0] < c.end:
            kind, event, reason = "dateline", False, "dateline (publication date)"
        elif i == head_line and event:
            event, reason = False, "page furniture (the dateline's line)"
        elif role == "furniture":
            event, reason = False, reason or key or "page furniture"
        elif role == "heading" and event:
            kind = "item" if key == layout.ITEM else "heading"
        elif role == "key_value" and event:
            kind = "key_value"
            if g.publication_label.fullmatch(key.strip()):
                event, reason = False, "publication date"
        iv = res.interval
        label = (c.label_prefix + iv.label) if iv else ""
        out.append(
            TimeExpression(
                text=text[c.start:span_end],
                start=c.start,
                end=span_end,
                date=iv.start if iv else None,
                date_end=iv.end if iv else None,
                precision=iv.precision if iv else "",
                label=label,
                kind=kind,
                anchor=res.anchor,
                event=event,
                reason=reason,
            )
        )
        # A second date of a sentence in a clause about the future ("Beijing retaliated on
        # Friday, … to take effect on April 10") is not where its story goes on: "the same
        # morning" in the next sentence is Friday's.
        # Nor is a date in a clause counted from, after its sentence's own ("Lecornu resigned
        # on Monday morning, 14 hours after unveiling a cabinet on Sunday evening"): "the same
        # day" in the next sentence is Monday.
        # Nor is the end point a sentence sets after its own date ("ordered airlines to inspect
        # the switches by July 21, two days after a preliminary report"): the count is from Monday.
        deadline = c.label_prefix == "until " and previous_sentence == s_start
        aside = previous_sentence == s_start and (ctx.future or clause_sentence == s_start) or counted_back or deadline
        if c.rule == "count_clause" and previous_sentence == s_start:
            clause_sentence = s_start
        # "Komeito, the LDP's partner since 1999, walked out six days later": a state's
        # starting year is no date its story goes on from.
        # Nor is any state's start after its sentence's own date: "April tahun lalu, polisi
        # menyerbu Kedutaan Meksiko untuk menangkap Glas, yang sejak Desember 2023 berlindung di
        # sana. Sehari sebelumnya, …" counts from April.
        backdrop = (c.label_prefix == "since " and iv is not None
                    and (iv.precision in ("year", "decade", "century") or previous_sentence == s_start))
        # Nor is a plan months ahead of publication: "… support for the 5 March 2026 election.
        # Pada hari yang sama, NEPSE kembali dibuka" is the day of the call, in September
        # (its year still dates its own sentence: "runs to 2027 and will end on March 1").
        plan = iv is not None and published is not None and (iv.start - published).days > _PLAN_DAYS
        if (event or context) and iv is not None and not aside and not backdrop:
            sentence_dates = (sentence_dates if previous_sentence == s_start else 0) + (not plan)
            last_deictic = c.rule == "deictic" and anchor_day == published
            if not plan:
                previous.append(iv)
                if event and iv.precision == "day" and iv.start == iv.end:
                    told_sentences.append((s_start, s_end, iv))
            recent = None
            previous_sentence = s_start
            # A heading's or section title's date governs the paragraph below it too.
            previous_end = _below(text, c.end) if context or kind in _HEADS else c.end
            if c.year and c.label_prefix != "since " and not _year_adjective(text, c.start, c.end):
                # "its weakest level since 2009 in late December": where a range starts is no
                # year for the sentence's other dates.
                sentence_year = (s_start, c.year, c.end, iv.start)
            if iv.precision == "day" and iv.start == iv.end:
                sentence_day = (s_start, iv.start)
            if kind in _HEADS and iv.precision in _YEARLY and iv.start.year == iv.end.year:
                # (only a heading that writes its year opens a year's section: "### 8 September" does not)
                heading_year, heading_line = iv.start.year, i if c.year else -1
        if kind == "item" and iv is not None and iv.precision == "day" and iv.start == iv.end:
            item = (i, i, iv.start)
        if kind == "dateline":
            heading_day = None
        elif (kind in _HEADS and iv is not None and iv.precision == "day" and published is not None
              and abs((iv.start - published).days) <= _LIVE_DAYS
              and (_section(lns, i) or layout.CLOCK.search(text, lns[i].start, lns[i].end))):
            # (a date line with its clock time, "July 19, 8:40 a.m. ET", heads a live entry
            # even with the entry's text right below it)
            heading_day, entered = iv.start, True
    return _zone_flashbacks(text, g, bounds, cands, out)


_WEEK = 7


def _section_break(text: str, lns: list[layout.Line], roles: dict, sections: dict, first: int,
                   last: int) -> bool:
    """Tell whether a heading, a section title or a numbered item stands on a line after `first` up to `last`.

    A kronologi item's date ("1. Jumat (19/7/2024): Pembaruan bermasalah dirilis") dates the
    paragraphs below it until the next item or heading.
    """
    return any(j in sections or roles.get(j, ("", ""))[0] == "heading"
               or _NUMBERED.match(text, lns[j].start, lns[j].end) for j in range(first + 1, last + 1))


_NUMBERED = re.compile(r"\s*\d{1,3}[.)]\s+\S")  # a numbered item: "2. Sabtu (20/7/2024): …", "3. Reaksi"


def _zone_flashbacks(text: str, g: grammar.Grammar, bounds: list[int], cands: list,
                     out: list[TimeExpression]) -> list[TimeExpression]:
    """Return `out`, a weekday moved beside its sentence's day where that sentence converts clock zones.

    A live blog's flashback names the weekday in one zone and the date in another ("…
    died in the early hours of Sunday local time — Saturday evening Eastern time, June
    7"; "late Monday night Eastern time on Sept 2 last year"): the weekday is that date's
    or the day on either side, not the blog's last Sunday weeks later, and what restates
    it in the other zone after it dates nothing of its own. Only in a sentence naming a
    clock's zone, and only when the two readings lie more than a week apart.
    """
    for k, (c, e) in enumerate(zip(cands, out)):
        if c.rule != "weekday" or not e.event or e.date is None or not e.anchor.startswith("published"):
            continue
        nxt = bisect.bisect_right(bounds, c.start)
        s_start, s_end = bounds[nxt - 1], bounds[nxt] if nxt < len(bounds) else len(text)
        if not g.zone.search(text, s_start, s_end):
            continue
        days = [(j, o) for j, o in enumerate(out) if j != k and s_start <= o.start < s_end and o.event
                and o.precision == "day" and o.date == o.date_end and abs((o.date - e.date).days) > _WEEK]
        if not days:
            continue
        j, o = days[0]
        shift = (e.date.weekday() - o.date.weekday() + 3) % 7 - 3  # the named weekday nearest that day
        if abs(shift) > 1:
            continue
        moved = interval.day(o.date + timedelta(days=shift))
        out[k] = replace(e, date=moved.start, date_end=moved.end, label=moved.label,
                         anchor=f"beside {o.date.isoformat()} (zones)")
        if j > k and g.zone.search(text, e.end, o.start):
            for m in range(k + 1, j + 1):  # "— Saturday evening Eastern time, June 7": the same moment
                if out[m].event:
                    out[m] = replace(out[m], event=False, reason="the same moment told in another zone")
    return out


_CLAUSE_MARK = re.compile(r"[,;:]|\s[-–—]\s")
# "Within hours of <a happening>": the anaphor names the happening it counts from ("The speaker
# said that night that Rajapaksa had agreed to resign on Wednesday" goes on from the narrative).
_OF = re.compile(r"\s+(?:of|dari)\s", re.I)


_NAMED_REACH = 60  # characters after the words read as the happening they name
_NAMED_BACK = 15  # the latest sentences dated to a day searched for that happening
_NAMED_STOP = re.compile(r"[,.;:—–()\n]")
_NAMED_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")
_STEM = 5  # letters a word is compared by ("penandatanganan"/"penandatanganannya", "announced"/"announce")


def _opens_main_clause(text: str, c, s_start: int, s_end: int) -> bool:
    """Tell whether a same-day anaphor opens its sentence and what follows runs to its end, a clause.

    "That evening the Sunset Fire forces evacuations in the Hollywood Hills.": the words after
    it are the sentence's own happening; "The same day the court ruled, crowds gathered …" names one.
    """
    if text[s_start:c.start].strip():
        return False
    stop = _NAMED_STOP.search(text, c.end, s_end)
    return stop is None or not text[stop.end():s_end].strip()


def _named_day(text: str, g: grammar.Grammar, at: int, s_end: int,
               told: list[tuple[int, int, interval.Interval]]) -> tuple[interval.Interval, int] | None:
    """Return the day of the happening named from `at` ("… dengan penarikan dari Pangkalan 101"), and
    where its words end, or None.

    Hand-written: no library resolves a date by the happening it names. It is the latest of
    the article's sentences dated to a day that shares with the words from `at` a word that
    is no name and a name or another word, or two names (the most words, if several do).
    """
    end = min(s_end, at + _NAMED_REACH)
    stop = _NAMED_STOP.search(text, at, end)
    end = stop.start() if stop else end
    # (the name ends at its demonstrative or before the verb of the sentence: "dengan
    # pengumuman Thailand itu meminta …")
    close = _named_words(g.language).close.search(text, at, end)
    end = close.end() if close else end
    stops = _stop_words(g.language)
    words = [w for w in _NAMED_WORD.findall(text, at, end) if w.lower() not in stops]
    keys = {k for w in words for k in _stems(w, g.language)}
    names = {k for w in words if w[0].isupper() for k in _stems(w, g.language)}
    best: tuple[int, interval.Interval] | None = None
    for a, b, day in reversed(told[-_NAMED_BACK:]):
        shared = keys & {k for w in _NAMED_WORD.findall(text, a, b) for k in _stems(w, g.language)}
        if (shared - names and (shared & names or len(shared) >= 2) or len(shared & names) >= 2) and (
                best is None or len(shared) > best[0]):
            best = (len(shared), day)
    return (best[1], end) if best else None


@dataclass(frozen=True)
class _NamedWords:
    """A language's words around a happening named after "the same day" (data/lang `named_*`)."""

    same_as: re.Pattern  # "the same day" followed by the words naming it: "dengan …", "as …"
    close: re.Pattern  # where those words end: a demonstrative, or before a verb ("itu meminta")
    suffixes: tuple[str, ...]  # what a word is also compared without ("penarikan": "penarik")


@lru_cache(maxsize=4)
def _named_words(language: str) -> _NamedWords:
    lex = lexicon.load(language)
    verbs = lexicon.alternation(lex.words("verb_prefixes")) if lex.words("verb_prefixes") else "(?!)"
    ends = lexicon.alternation(lex.words("named_end")) if lex.words("named_end") else "(?!)"
    lead = lexicon.alternation(lex.words("same_day_named")) if lex.words("same_day_named") else "(?!)"
    # (not "dengan menyatakan …", "by stating": a verb tells how the sentence's own happening went)
    return _NamedWords(
        re.compile(r"\s+(?:" + lead + r")\s+(?!(?:" + verbs + r")[a-z])(?=\w)", re.I),
        re.compile(r"\s(?:" + ends + r")\b|(?=\s(?:" + verbs + r")[a-z]{3,}\b)"),
        tuple(lex.words("word_suffixes")),
    )


def _stems(word: str, language: str) -> tuple[str, ...]:
    """Return what a word is compared by: its first letters, and, where a language's words take
    suffixes (data/lang `word_suffixes`), its last ones without each it may end in, past a prefix
    that may change its first letter ("penarikan", "menarik": "narik"; "pembatalan": "batal")."""
    w = word.lower()
    suffixes = _named_words(language).suffixes
    if not suffixes:
        return (w[:_STEM],)
    bare = [w[:-len(x)] for x in suffixes if w.endswith(x) and len(w) - len(x) >= _STEM]
    return (w[:_STEM], *("~" + b[-_STEM:] for b in [w, *bare]))


@lru_cache(maxsize=4)
def _stop_words(language: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.load(language).words("stop_words"))


def _same_day_word(word: str, g: grammar.Grammar) -> bool:
    """Tell whether an anaphoric word names the narrative's own day ("within hours", "that day")."""
    return tuple(g.lex.table("anaphoric").get(lexicon.norm(word), ())) == ("day", 0)


def _day_ahead(text: str, cands: list, k: int, s_end: int, c, ctx: Context):
    """Return the day-precise interval of the next date in `c`'s own clause of its sentence, or None."""
    later = next((x for x in cands[k + 1:] if x.start < s_end and x.event and x.kind != "clock"), None)
    if later is None or _CLAUSE_MARK.search(text, c.end, later.start):
        return None
    try:
        day = later.resolve(ctx).interval
    except (ValueError, OverflowError):
        return None
    return day if day is not None and day.precision == "day" and day.start == day.end else None


_THE_DATE = re.compile(r"\s+(?:the\s+)?")  # "the day after [the] March 5 vote"


def _anaphor_of_date(text: str, g: grammar.Grammar, cands: list, k: int, s_end: int, c, ctx: Context
                     ) -> Resolution | None:
    """Return the date of an anaphor ending in "before"/"after", counted from the date right after it."""
    words = text[c.start:c.end].split()
    rel = g.lex.table("count_after").get(words[-1].lower()) if words else None
    if not rel or rel[0] != "clause" or k + 1 >= len(cands) or cands[k + 1].start >= s_end:
        return None
    later = cands[k + 1]
    if not _THE_DATE.fullmatch(text, c.end, later.start) or not later.event:
        return None
    try:
        named = later.resolve(ctx).interval
    except (ValueError, OverflowError):
        return None
    own = _counted_from(c, ctx, named) if named else None
    return Resolution(own, f"counted from {named.label}") if own is not None else None


def _counted_from(c, ctx: Context, day: interval.Interval) -> interval.Interval | None:
    """Return the interval of anaphor or count `c` counted from `day` alone (None: none, or no such date)."""
    try:
        return c.resolve(Context(ctx.published, (day,), ctx.year, ctx.future, True, 1)).interval
    except (ValueError, OverflowError):
        return None


def _counted_ahead(text: str, cands: list, k: int, s_end: int, c, ctx: Context) -> Resolution | None:
    """Return the day a count before a happening's date ("three days after Lai was sworn in on Monday") dates, or None.

    The count names a happening whose day comes later in the sentence; counted back from
    that day ("after": days on from it, "before": days ahead of it), it dates the
    sentence's own happening. Only a day counted in days from a day (hours stay on its day),
    and only a date in the clause the count opens.
    """
    # (not "Sehari setelah putusan MK, Rabu (21/8/2024), Baleg …": the main clause's own date)
    day = _day_ahead(text, cands, k, s_end, c, ctx)
    if day is None:
        return None
    named = _counted_from(c, ctx, day)
    if named is None or named.precision != "day" or named.start != named.end:
        return None
    if named.start == day.start:
        return None  # "Beberapa jam sebelum …, pada Rabu pagi": that day's own date tells it
    own = day.start + (day.start - named.start)
    return Resolution(interval.day(own), f"counted from {day.start.isoformat()}")


def _clock_day(cands: list, k: int, s_start: int, s_end: int, in_paragraph: bool, previous: list,
               fallback: date | None) -> date | None:
    """Return the day a clock time alone in its sentence is a time of, or None.

    `fallback` (a live page's day heading, or the report's day when the narrative's last
    date was told from it) when given, else the narrative's last date when it is a day of
    this paragraph; only the sentence's first clock time, and only when nothing else in
    the sentence dates it ("at 8 pm (1430 GMT)" is one time).
    """
    if any(s_start <= o.start < s_end and (o.kind != "clock" or j < k) for j, o in enumerate(cands) if j != k):
        return None
    if fallback is not None:
        # after "Kemarin, minyak turun …", "Harga WTI berada pada 55,64 dollar pukul 10:14 WIB"
        # is the report's own morning: a day told from the report's gives no narrative day
        return fallback
    last = previous[-1] if previous else None
    if in_paragraph and last is not None and last.precision == "day" and last.start == last.end:
        return last.start
    return None


# What may stand between a part of the day and the day it belongs to: "before dawn on Wednesday".
_JOINED = re.compile(r"\s*,?\s*(?:[^\W\d_]{1,5}\s+)?")


def _below(text: str, pos: int) -> int:
    """Return where the paragraph after the line holding `pos` starts (past its blank lines)."""
    gap = text.find("\n\n", pos)
    if gap < 0:
        return pos
    while gap < len(text) and text[gap].isspace():
        gap += 1
    return gap


_DAY = timedelta(days=1)


def _follows_last(text: str, g: grammar.Grammar, s_start: int, at: int) -> bool:
    """Tell whether the sentence at `s_start` opens on the last one's happening, its verb just before `at`."""
    m = g.follows.match(text, s_start, at)
    return m is not None and m.end() == at


def _section(lns: list[layout.Line], i: int) -> bool:
    """Tell whether line `i` stands alone in its paragraph: a section heading, not a timeline entry's date."""
    alone_above = i == 0 or lns[i - 1].paragraph != lns[i].paragraph
    return alone_above and (i + 1 >= len(lns) or lns[i + 1].paragraph != lns[i].paragraph)


def _next_clause(text: str, g: grammar.Grammar, c, res: Resolution, sentence_year, ctx: Context) -> Resolution:
    """Move a yearless date of a new clause to the next year when its sentence's year would put it back in time.

    "Troops were sent from October 2024, and the spy agency estimated in April that ...":
    after a clause opener (", and", ";", ", sementara") the narrative goes forward, so
    April is the one after October 2024 — unless that lies after publication.
    """
    _, year, end, first = sentence_year
    if not (end <= c.start and g.clause_opener.search(text, end, c.start)) or res.interval.start >= first:
        return res
    later = c.resolve(Context(ctx.published, ctx.previous, year + 1, ctx.future))
    if later.interval is None or (ctx.published is not None and later.interval.start > ctx.published):
        return res
    return later


_PLAN_DAYS = 31  # a date this far after publication is a plan, no day the narrative goes on from
# A year naming a happening as an adjective: "since the 1969 coup", "the 2003 invasion".
_DETERMINER_BEFORE = re.compile(r"(?i:\b(?:the|a|an|its|his|her|their|this|that))\s+$")
_NOUN_AFTER = re.compile(r"\s+[A-Za-z]")  # "the 1969 coup", "the 2015 Paris Agreement"


def _year_adjective(text: str, start: int, end: int) -> bool:
    """Tell whether a year stands as an adjective before a noun: it dates the noun, not its sentence's dates.

    "… since the 1969 coup -- joined the rebels at the beginning of the uprising in
    February" (2011): February is the story's, not 1969's.
    """
    return bool(_DETERMINER_BEFORE.search(text, max(0, start - 8), start) and _NOUN_AFTER.match(text, end))


_MD_HEADING = re.compile(r"[ \t]*(#{1,6})[ \t]+\S")


def _section_ended(sections: dict[int, int], opened: int, at: int) -> bool:
    """Tell whether a Markdown heading of the year heading's level or higher stands between two lines."""
    level = sections.get(opened, 6)  # a plain year line ("2024") ends at any section heading
    return any(opened < n < at and depth <= level for n, depth in sections.items())


def _next_section_year(c, res: Resolution, ctx: Context) -> Resolution:
    """Move a later section's yearless date to the next year when the year heading would put it back in time.

    "### The summer of 2024" … "### The Ishiba shock: … on Sept. 27" … "### Hike, tariffs,
    hold: The BOJ pushed its rate to 0.5% in January": the story goes forward through
    sections that name no year, so January is the one after the October before it —
    unless that lies after publication. (A date going forward keeps the heading's year.)
    """
    last = ctx.previous[-1]
    if res.interval.end >= last.start or last.start.year != ctx.year:
        return res
    later = c.resolve(replace(ctx, year=ctx.year + 1))
    if later.interval is None or later.interval.start > ctx.published:
        return res
    return Resolution(later.interval, f"year after the section's {ctx.year}", later.reason)


def _recent_news(c, res: Resolution, ctx: Context) -> Resolution:
    """Move a yearless day its sentence put in an earlier year to the publication's: the last weeks' news.

    "Oli, who returned to office in July 2024, resigned on 9 September" in a paper of 19
    September 2025: a day of the weeks just before publication is the news itself, not
    a day of the year its sentence looked back to.
    """
    p = ctx.published
    iv = res.interval
    if p is None or iv.precision != "day" or iv.start.year >= p.year:
        return res
    try:
        recent = date(p.year, iv.start.month, iv.start.day)
    except ValueError:
        return res
    if not timedelta(0) <= p - recent <= timedelta(days=NARRATIVE_RECENT):
        return res
    now = c.resolve(replace(ctx, year=p.year))
    if now.interval is None:
        return res
    return Resolution(now.interval, f"the weeks before publication {p.isoformat()}", now.reason)


def _background(text: str, g: grammar.Grammar, c, res: Resolution) -> bool:
    """Tell whether a year (or coarser) follows "before"/"sebelum": "Before 2023, Kim had met Putin once"."""
    if res.interval is None or res.interval.precision not in ("year", "decade", "century"):
        return False
    before = text[max(0, c.start - _COMPARISON_WINDOW):c.start].rsplit("\n", 1)[-1]
    return bool(g.before.search(before))


def _comparison(text: str, g: grammar.Grammar, c, s_start: int) -> bool:
    """Tell whether a comparison cue ("dibanding", "compared with") opens shortly before `c`.

    A figure between the cue and the date is what the cue compares ("closed more than 3%
    higher on Monday"): the date then dates the happening, not a baseline.
    """
    if g.comparison_next.search(text, max(s_start, c.start - _COMPARISON_WINDOW), c.start):
        return True
    if c.label_prefix == "since " and g.record_since.search(
            text, max(s_start, c.start - _COMPARISON_WINDOW), c.start):
        return True  # "the highest since 2008", "terendah sejak 2009": a level's record
    for cue in g.comparison.finditer(text, max(s_start, c.start - _COMPARISON_WINDOW), c.end):
        if cue.start() >= c.start:
            return False  # the later ones start later still
        if not _DIGIT.search(text, cue.end(), c.start):
            return True
    return False


def _life_dates(text: str, g: grammar.Grammar, c) -> bool:
    """Tell whether a range is a person's life dates: "Kim Il Sung (1912–1994)".

    Life dates stand in parentheses right after a capitalised name, span a lifetime
    (at least _LIFE_YEARS years), and the name is no war, treaty or era ("the Korean
    War (1950–1953)", "Perang Korea (1950–1953)": those are the event's own years).
    """
    before = text[max(0, c.start - 40):c.start]
    name = re.search(r"([A-Z][\w.'-]*)\s*\($", before)
    if text[c.end:c.end + 1] != ")" or not name:
        return False
    res = c.resolve(Context())
    if res.interval is not None and res.interval.end.year - res.interval.start.year < _LIFE_YEARS:
        return False
    return not g.named_period.search(before[:name.end(1)])


def _future(text: str, g: grammar.Grammar, c, s_start: int, s_end: int, memo: _Lookups,
            cands: list = (), k: int = 0) -> bool:
    """Tell whether the clause of `c` speaks of the future ("akan", "will", "is due to").

    A cue counts before the expression in its sentence ("Putin akan berkunjung pada
    Rabu"), or after it when the expression opens the sentence ("On Friday, Kim will")
    and no verb of saying stands between them; a cue after a mid-sentence date is
    mostly reported speech ("kata X, Senin, akan ...").
    "Since X" always looks back. A cue inside an earlier expression of the sentence counted
    from the narrative (`cands` before the `k`th: "The next day Trump paused …, and on
    Thursday") is that expression's word ("next week", counted from today, is the future it
    says); nor is a cue after a past-tense verb that follows the date ("At the end of
    February he launched a fund that will hold …": the cue is the relative clause's).
    """
    if c.label_prefix == "since ":
        return False
    if memo.cue_before(g, s_start, s_end, c.start) and not _cues_told(text, g, c, s_start, cands, k):
        # "The League will not be on the ballot: its activities were banned in May": a cue
        # before a colon or semicolon is another clause's.
        cut = memo.last_break(s_start, s_end, c.start)
        cue = memo.first(g.future, max(cut, s_start), s_end)
        if cue is None or cue.end() > c.start:
            return False
        # "is scheduled to address Congress tonight, his first speech since returning to the
        # White House on Jan. 20": "since" between the cue and the date looks back
        return not g.looks_back.search(text, cue.end(), c.start)
    if g.future.match(text, _BLANK.match(text, c.end).end(), s_end):
        return True  # "agree on February 23 as the date for an early election": the cue names the date itself
    opening = not memo.three_words_by(s_start, s_end, c.start)  # at most two words before it
    if not opening:
        # "Candidate registration for the Nov. 27 polls is scheduled to open": a date naming
        # the subject's happening, the cue right after that noun.
        near = _NOUN_THEN.match(text, c.end, s_end)
        return bool(near) and bool(g.future.match(text, near.end(), s_end)) and not has_verb(near.group(), g.language) \
            and not _joins_clauses(near["w"].lower(), g.language)
    cue = memo.first(g.future, c.end, s_end)
    # "Dalam pertemuan Selasa, Kim menegaskan Pyongyang akan ...": the cue after a verb of
    # saying belongs to the reported speech, not to the clause of the date.
    return bool(cue) and not memo.first(g.speech, c.end, cue.start()) and not g.past.search(
        text, c.end, cue.start())


def _cues_told(text: str, g: grammar.Grammar, c, s_start: int, cands: list, k: int) -> bool:
    """Tell whether every future cue before `c` in its sentence lies in an earlier anaphoric expression."""
    spans = []
    j = k - 1
    while j >= 0 and cands[j].start >= s_start:
        if cands[j].kind == "anaphoric":
            spans.append((cands[j].start, cands[j].end))
        j -= 1
    return bool(spans) and all(any(a <= m.start() < b for a, b in spans)
                               for m in g.future.finditer(text, s_start, c.start))


def _cues_name_earlier(text: str, g: grammar.Grammar, cands: list, k: int, s_start: int) -> bool:
    """Tell whether each future cue before candidate `k` directly precedes an earlier one of its sentence."""
    starts = set()
    j = k - 1
    while j >= 0 and cands[j].start >= s_start:
        starts.add(cands[j].start)
        j -= 1
    cues = list(g.future.finditer(text, s_start, cands[k].start))
    return bool(cues) and all(_BLANK.match(text, m.end()).end() in starts for m in cues)


_WORD = re.compile(r"\w")
_NOUN_THEN = re.compile(r"\s+(?P<w>[^\W\d_]{3,})\s+")  # one word between a date and what follows ("Nov. 27 polls is")


def _joins_clauses(word: str, language: str) -> bool:
    """Tell whether `word` joins clauses ("and", "when", "dan": data/clauses.yaml), so names no happening."""
    from ..taxonomy import clause_words  # imported on use: taxonomy imports the dates package

    words = clause_words(language)
    return word in words.coordinate or bool(words.subordinate and words.subordinate.fullmatch(word))


_CLAUSE_BREAK = re.compile(r"[:;](?=\s)")  # a colon or semicolon between two clauses


@lru_cache(maxsize=None)
def _cue_ends(language: str) -> re.Pattern:
    """Match a character a future cue of `language` can end with (case-insensitive, as the cues match)."""
    last = {w.strip()[-1] for w in _grammar(language).lex.words("future_cues") if w.strip()}
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(last)) + "]" if last else "(?!x)x", re.I)


class _Lookups:
    """The searches `_future` makes, answered once per sentence instead of once per expression.

    Each answer is the one the plain search gives (see each method); only the work is
    shared, so a sentence with thousands of expressions (a line without spaces) is
    scanned a few times, not once per expression.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._first: dict = {}  # (pattern, endpos) -> (pos searched from, its match)
        self._sentence: dict = {}  # (what, sentence start) -> its match over the whole sentence

    def first(self, pattern: re.Pattern, pos: int, endpos: int) -> re.Match | None:
        """Return `pattern.search(text, pos, endpos)`; calls with a growing `pos` reuse the last match.

        A search from an earlier position that found no match, or one starting at `pos`
        or later, is the answer: no match starts between the two positions.
        """
        key = (pattern, endpos)
        if key in self._first:
            start, m = self._first[key]
            if start <= pos and (m is None or m.start() >= pos):
                return m
        m = pattern.search(self.text, pos, endpos)
        self._first[key] = (pos, m)
        return m

    def _whole(self, what: str, pattern: re.Pattern, s_start: int, s_end: int) -> re.Match | None:
        key = (what, s_start)
        if key not in self._sentence:
            find = pattern.match if what == "words" else pattern.search
            self._sentence[key] = find(self.text, s_start, s_end)
        return self._sentence[key]

    def past(self, g: grammar.Grammar, s_start: int, s_end: int) -> bool:
        """Return whether the sentence holds a word of the past tense (g.past), searched once."""
        return self._whole("past", g.past, s_start, s_end) is not None

    def looking_back(self, g: grammar.Grammar, s_start: int, s_end: int, end: int) -> bool:
        """Return whether the past perfect (g.looking_back) stands before `end`, searched once a sentence.

        Its first match over the sentence ends by `end` exactly when a search up to `end`
        finds one (an expression starts a word: no match is cut short there).
        """
        m = self._whole("back", g.looking_back, s_start, s_end)
        return m is not None and m.end() <= end

    def last_break(self, s_start: int, s_end: int, end: int) -> int:
        """Return where the clause after the last colon or semicolon before `end` starts, or -1."""
        key = ("breaks", s_start)
        if key not in self._sentence:
            self._sentence[key] = [m.end() for m in _CLAUSE_BREAK.finditer(self.text, s_start, s_end)]
        found = self._sentence[key]
        at = bisect.bisect_right(found, end) - 1
        return found[at] if at >= 0 else -1

    def three_words_by(self, s_start: int, s_end: int, end: int) -> bool:
        """Return `bool(_THREE_WORDS.match(text, s_start, end))`.

        The pattern matches in one way only (each run takes all of its characters), up to
        the first character of the third word; it matches before `end` exactly when its
        match over the whole sentence ends by `end`.
        """
        m = self._whole("words", _THREE_WORDS, s_start, s_end)
        return m is not None and m.end() <= end

    def cue_before(self, g: grammar.Grammar, s_start: int, s_end: int, end: int) -> bool:
        """Return `bool(g.future.search(text, s_start, end))`, with one search per sentence.

        The first cue of the whole sentence answers, unless `end` falls inside it (a
        shorter cue may end before `end`) or a cue may end right at `end` glued to a word
        character (cut off at `end`, its "(?!\\w)" holds): then the plain search runs.
        """
        m = self._whole("cue", g.future, s_start, s_end)
        if m is not None and m.end() <= end:
            return True
        inside = m is not None and m.start() < end < m.end()
        glued = s_start < end < s_end and bool(_WORD.match(self.text, end)) and bool(
            _cue_ends(g.language).match(self.text, end - 1))
        return bool(g.future.search(self.text, s_start, end)) if inside or glued else False


def date_sentences(
    text: str, sents: list[Sentence], published: date | None, language: str, updated: date | None = None
) -> list[tuple[Sentence, TimeExpression]]:
    """Pair each dated sentence with the expression(s) that date its event.

    A sentence is dated by its own event expressions (one per distinct interval;
    a coarse one that holds a finer one of the same sentence is dropped). A sentence
    without one, in the paragraph right below a line holding only a date, takes
    that heading's date.
    """
    lns = layout.lines(text)
    found = _expressions(text, published, language, lns, updated)
    exprs = [e for e in found if e.event and e.date is not None]
    clocks = [(e.start, e.end) for e in found if e.kind == "clock"]
    g = _grammar(language)
    scopes = _heading_scopes(text, lns, exprs)
    starts = [e.start for e in exprs]
    line_starts = [ln.start for ln in lns]
    pairs: list[tuple[Sentence, TimeExpression]] = []
    furniture: dict[int, bool] = {}  # line index → whether it is a furniture line (asked below a date line)
    entry: tuple[int, TimeExpression] | None = None  # (line end, date) of the list entry a sentence opened
    for s in sents:
        lo, hi = bisect.bisect_left(starts, s.start), bisect.bisect_left(starts, s.end)
        own = _distinct([e for e in exprs[lo:hi] if e.kind != "heading"], text, g)
        if own:
            pairs.extend((s, e) for e in own)
            entry = _entry_date(text, lns, line_starts, s, own)
            continue
        if entry is not None and s.start < entry[0]:
            # "- **Nov 24** — Babayev gavels the goal through. India's Raina calls it "an optical
            # illusion"." An entry's date dates each sentence of its line, not only the first.
            pairs.append((s, entry[1]))
            continue
        if any(e.kind == "heading" for e in exprs[lo:hi]):
            continue  # the heading line itself is no happening
        if _time_stamp(text, s, clocks, g) or _entry_title(text, lns, s, line_starts):
            continue  # a live blog's "11:40 GMT" and an entry's title above its own sentences
        # the nearest date line above dates it (an entry's, not its section's "## 2024")
        scope = max(((a, h) for a, b, h in scopes if a <= s.start < b), key=lambda x: x[0], default=None)
        # "BERITABALI.COM, DUNIA." and a byline below a date line tell no happening
        if scope is not None and not (layout.site_tag(s.text)
                                      or _on_furniture(text, lns, s, line_starts, g, furniture)):
            pairs.append((s, scope[1]))
    return pairs


def _entry_date(text: str, lns: list[layout.Line], line_starts: list[int], s: Sentence,
                own: list[TimeExpression]) -> tuple[int, TimeExpression] | None:
    """(line end, date) when `s` opens a timeline's bulleted entry with its day ("- **Nov 24** — …")."""
    ln = lns[bisect.bisect_right(line_starts, s.start) - 1]
    head = text[ln.start:min(ln.end, ln.start + _ENTRY_HEAD)]
    first = own[0]
    if first.start < ln.start + _ENTRY_HEAD and layout.BULLET.match(head) and first.precision == "day":
        return ln.end, first
    return None


_ENTRY_HEAD = 30  # characters: an entry's date stands right after its marker ("- **September 23, 2025** —")


def _time_stamp(text: str, s: Sentence, clocks: list[tuple[int, int]], g: grammar.Grammar) -> bool:
    """Tell whether a sentence is only a clock time ("11:40 GMT"): a live-blog time stamp."""
    inside = [(a - s.start, b - s.start) for a, b in clocks if s.start <= a and b <= s.end]
    return bool(inside) and layout.only_filler(text[s.start:s.end], inside, g)


def _on_furniture(text: str, lns: list[layout.Line], s: Sentence, line_starts: list[int],
                  g: grammar.Grammar, known: dict[int, bool]) -> bool:
    """Tell whether a sentence stands on a furniture line (a byline, "Baca juga: ...").

    `known` keeps each line's answer: the sentences of one long line ask it once.
    """
    i = max(0, bisect.bisect_right(line_starts, s.start) - 1)  # layout.line_index
    if i not in known:
        known[i] = layout.furniture_line(text[lns[i].start:lns[i].end], g)
    return known[i]


_TITLE_WORDS = 12  # an entry title is a line this short that does not end like a sentence


def _entry_title(text: str, lns: list[layout.Line], s: Sentence, line_starts: list[int]) -> bool:
    """Tell whether a sentence is a short title line with the entry's own sentences right below it.

    Live blogs and timelines give each entry a title ("Lee and Xi hold first phone call")
    and then tell it; the told sentences carry the event, the title would repeat it.
    `line_starts`: the starts of `lns`.
    """
    i = max(0, bisect.bisect_right(line_starts, s.start) - 1)  # layout.line_index
    ln = lns[i]
    if not (_BLANK.fullmatch(text, ln.start, s.start) and _BLANK.fullmatch(text, s.end, ln.end)):
        return False  # the sentence is not its line (most are not): no copy of the line needed
    line = text[ln.start:ln.end].strip()
    if (text[s.start:s.end].strip() != line or len(line.split()) > _TITLE_WORDS
            or layout.SENTENCE_CLOSE.search(line)):
        return False
    if i + 1 >= len(lns) or lns[i + 1].paragraph != ln.paragraph:
        return False
    below = text[lns[i + 1].start:lns[i + 1].end].strip()
    return len(below.split()) > _TITLE_WORDS and bool(layout.SENTENCE_CLOSE.search(below))


def _distinct(own: list[TimeExpression], text: str, g: grammar.Grammar) -> list[TimeExpression]:
    """Drop repeats of an interval, coarse intervals that hold a finer one (not "until X"), and years used as names.

    "Pada 1996, perjanjian 1961 dibiarkan berakhir": a bare year after a noun names a
    thing ("the 1961 treaty") when the sentence has another date for its happening.
    """
    if len(own) > 1:
        named = [e for e in own if _attributive(e, text, g)]
        if len(named) < len(own):
            own = [e for e in own if e not in named]
    seen: list[TimeExpression] = []
    for e in own:
        same = [k for k in seen if (k.date, k.date_end) == (e.date, e.date_end)]
        if not same or _another_same_day(e, text, g, same[-1]):
            seen.append(e)
        elif _DIGIT.search(e.text) and not _DIGIT.search(same[-1].text) and (
                same[-1].kind != "anaphoric" or _APPOSED.fullmatch(text, same[-1].end, e.start)):
            # "hari ini, Kamis (25/7)", "Two days later, on July 15": the day written with its
            # number is what the report says ("Hours later, … on Tuesday at 23.01" keeps telling
            # one more happening)
            seen[seen.index(same[-1])] = e
    # "In October 2024 ... rising to 11,000 by the end of the year": an end point ("until/by
    # X") is a happening of its own, even when it holds the sentence's finer date.
    return [
        e for e in seen
        if e.label.startswith("until ")
        or not any(o is not e and e.date <= o.date and o.date_end <= e.date_end
                   and (o.date, o.date_end) != (e.date, e.date_end) for o in seen)
    ]


_CLAUSE_OPEN = re.compile(r",\s*(?:on\s+|pada\s+)?$", re.I)
# "Two days later, on July 15": a count and the day it names
_APPOSED = re.compile(r"\s*[,(]?\s*(?:on|pada|yakni|yaitu|tepatnya)?\s*", re.I)


def _another_same_day(e: TimeExpression, text: str, g: grammar.Grammar, first: TimeExpression) -> bool:
    """Tell whether an anaphoric "the same day" dates another happening of the sentence's date (`first`'s).

    "North Korea fired two missiles on 13 September 2023, the same day Kim met Putin": it
    opens a clause with a verb of its own. "The truce took effect on 19 January, and Hamas
    released three hostages the same day": a verb stands between the date and it. Two
    happenings, one date; the repeat dates the second.
    """
    if e.kind != "anaphoric" or e.start < first.end:
        return False
    if has_verb(text[first.end:e.start], g.language):
        return True
    if not _CLAUSE_OPEN.search(text, max(0, e.start - 6), e.start):
        return False
    stop = min((i for i in (text.find(".", e.end), text.find("\n", e.end)) if i >= 0), default=len(text))
    return has_verb(text[e.end:stop], g.language)


def _attributive(e: TimeExpression, text: str, g: grammar.Grammar) -> bool:
    """Tell whether `e` is a bare year after a word that is no year cue ("perjanjian 1961")."""
    if not (e.text.isdigit() and len(e.text) == 4):
        return False
    before = text[max(0, e.start - 25):e.start]
    return bool(_WORD_THEN_SPACE.search(before)) and not g.year_cue.search(before)


def _heading_scopes(text: str, lns: list[layout.Line], exprs: list[TimeExpression]) -> list[tuple[int, int, TimeExpression]]:
    """Return (start, end, heading) for the lines each date-only line dates."""
    heading_lines = {}
    # A live entry's clocked heading ("2025-10-09 6:30 a.m. ET") gives its day to the dates
    # below it, but its lines without a date are the page talking ("Good morning from New
    # York"), not happenings; a timeline's date line ("## 19 June 2024") dates its lines.
    clocked = set()
    for e in exprs:
        if e.kind in _HEADS:
            i = layout.line_index(lns, e.start)
            heading_lines[i] = e
            if e.kind == "heading" and layout.CLOCK.search(e.text):
                clocked.add(i)
    out = []
    for i, h in heading_lines.items():
        j = i + 1
        if j >= len(lns) or i in clocked:
            continue
        para = lns[j].paragraph
        k = j
        while k < len(lns) and lns[k].paragraph == para and k not in heading_lines:
            k += 1
        if k > j:
            out.append((lns[j].start, lns[k - 1].end, h))
    return out


def undated_wire(text: str, language: str) -> date | None:
    """Return the inferred publication date of a wire story whose dateline names no day (layout.undated_wire)."""
    return layout.undated_wire(text, _grammar(language), scan)


def publication_key(key: str, language: str) -> bool:
    """Tell whether a front matter key ("terbit", "Diterbitkan") gives the publication date (data/lang)."""
    key = key.replace("_", " ").strip().lower()
    # The lexicons, not the grammars: an Indonesian page's English keys need no English grammar built.
    words = lexicon.load(language).words("publication_keys") + lexicon.load("en").words("publication_keys")
    return key in {w.lower() for w in words}


def footer_date(text: str, language: str) -> date | None:
    """Return the publication date a closing line gives ("Artikel ini telah tayang di … 2 Juni 2025")."""
    return layout.find_footer(text, _grammar(language), scan)


def dateline_read(text: str, language: str) -> tuple[date, bool] | None:
    """Return the publication date of the article's first lines and whether its year was a guess (`dateline`)."""
    found = layout.find_dateline(text, _grammar(language), scan)
    return (found[2], found[3]) if found else None


def dateline(text: str, language: str) -> date | None:
    """Return the publication date written in the article's first lines, if any.

    >>> dateline("Senin, 8 September 2025\\n\\nJudul berita", "id")
    datetime.date(2025, 9, 8)
    >>> dateline("JAKARTA, KOMPAS.com - 05/03/2024, 10:15 WIB - Pemerintah mengumumkan.", "id")
    datetime.date(2024, 3, 5)
    >>> dateline("Pada 24 Februari 2022, Putin menyerang Ukraina.", "id") is None
    True
    """
    found = dateline_read(text, language)
    return found[0] if found else None
