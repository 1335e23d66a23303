"""Turn what a candidate says into an interval, given the article's anchors.

An expression is resolved against a `Context`: the publication date (for "kemarin",
"last week", a bare weekday, a date without a year), the narrative's previous date
(for "setahun sebelumnya", "the next day"), the year the sentence or a heading line
already gave, and the tense of the clause (a bare weekday or month points to the
past in a report, to the future after "akan"/"will").
"""
from __future__ import annotations

import calendar
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, timedelta

from . import interval as iv
from ..model import PRECISIONS
from .interval import Interval

# The calendar unit whose interval a precision stands for.
UNIT_OF_PRECISION = {
    "day": "day", "week": "week", "month_part": "month", "month": "month", "quarter": "quarter",
    "year_part": "year", "year": "year", "decade_part": "decade", "decade": "decade", "century": "century",
}
PRECISION_OF_UNIT = {"day": "day", "week": "week", "weekend": "week", "month": "month", "quarter": "quarter",
                     "year": "year", "decade": "decade", "century": "century"}
NO_PUBLICATION = "no publication date"
_UNIT_DAYS = {"day": 1, "week": 7, "weekend": 7, "month": 31, "quarter": 92, "year": 366, "decade": 3653,
              "century": 36525}
_LOOKBACK = 3  # narrative dates an anaphoric expression looks back over for one fine enough
_LOOKBACK_NEW_PARAGRAPH = 5  # the same, for one that opens a new paragraph


@dataclass(frozen=True)
class Context:
    """What an expression may be resolved against."""

    published: date | None = None
    previous: tuple[Interval, ...] = ()  # the narrative's event dates so far, latest last
    year: int | None = None  # a year the sentence or a heading line already gave
    future: bool = False  # the clause speaks of what will happen
    # The latest event date stands in the same paragraph: the story it tells goes on.
    in_paragraph: bool = True
    # How many of the latest event dates stand in the same sentence: an anaphor counts from
    # one of them, however coarse.
    in_sentence: int = 0
    past: bool = False  # the clause tells what is done (a past-tense verb): not a date still to come
    earlier: bool = False  # the clause looks back from the story's time ("had finished"): past perfect
    item_day: date | None = None  # the day of the kronologi item whose section holds the sentence


@dataclass(frozen=True)
class Resolution:
    """An interval (None when it cannot be had), what it was resolved against, and why not."""

    interval: Interval | None
    anchor: str = ""
    reason: str = ""


def unresolved(reason: str) -> Resolution:
    """Return a resolution without an interval."""
    return Resolution(None, "", reason)


def published_anchor(ctx: Context) -> str:
    return f"published {ctx.published.isoformat()}" if ctx.published else ""


def pick_year(ctx: Context, month: int, day: int | None = None, weekday: int | None = None) -> tuple[int, str] | None:
    """Return the year of a yearless month (and day) and what it was taken from.

    A year the sentence or a heading gave wins; else the publication date's year,
    moved back (report) or forward (future tense) so the date lies on the tense's
    side of publication. A weekday written beside the date picks the year it fits.
    """
    p = ctx.published
    ahead = _set_ahead(ctx, month, day)
    if ahead is not None:
        return ahead
    # (nor can a year after publication's, outside a clause about the future: "the IMF
    # programme runs to 2027, … the NPP's November 14 landslide" in December 2024)
    if ctx.year and not (p is not None and (ctx.year == p.year and _after(p, month, day) or ctx.year > p.year)
                         and not ctx.future):
        return ctx.year, f"year from context {ctx.year}"
    # A context year that is the publication's own (a yearless heading under the dateline)
    # cannot put a reported date after publication ("fraud in the November 8 election" on
    # 1 February 2021): the date is then read from the publication date as any other.
    told = _narrative_year(ctx, month, day)
    if told is not None:
        return told, f"year of the narrative's previous date {told}"
    if p is None:
        return _nearest_narrative_year(ctx, month, day)
    years = [p.year - 1, p.year, p.year + 1]

    def start(y: int) -> date:
        return date(y, month, min(day or 1, calendar.monthrange(y, month)[1]))

    if day and weekday is not None:
        fits = [y for y in years if day <= calendar.monthrange(y, month)[1] and start(y).weekday() == weekday]
        if fits:
            best = min(fits, key=lambda y: abs((start(y) - p).days))
            return best, published_anchor(ctx)
    if day is None:  # a month: compare whole months, the running month counts as past
        def start(y: int) -> date:  # noqa: F811 - months compare by their first day
            return date(y, month, 1)
        p_cmp = date(p.year, p.month, 1)
    else:
        p_cmp = p
    if ctx.future:
        y = next(y for y in years if start(y) >= p_cmp)
        # "October 10 - The ceasefire takes effect" in a timeline of 14 October, after its
        # October 9 entry: told in the present of a list, a day just past goes on the list.
        last = ctx.previous[-1].end if ctx.previous else None
        if day and last is not None and start(p.year) < p_cmp and last <= start(p.year) <= last + timedelta(
                days=NARRATIVE_NEAR):
            y = p.year
    else:
        y = max(y for y in years if start(y) <= p_cmp)
        # "5 Januari" in a paper of 28 December: the coming one, not one a year back; but
        # what a clause tells as done did not happen in a month still to come ("bullets
        # struck a jet in November" in a paper of October). (A day is left to come: a page
        # dated by its infobox tells the next days in the past tense.)
        done = ctx.past and day is None
        # (nor when it goes on a story told a year back: "…pertengahan Juli … akhir bulan itu.
        # Lalu datang 23 Agustus" in a paper of 5 August is the August after that July)
        last = ctx.previous[-1].end if ctx.previous else None
        goes_on = last is not None and (p - last).days >= NARRATIVE_PAST and (
            0 <= (start(y) - last).days <= NARRATIVE_NEAR)
        if not done and not goes_on and (p_cmp - start(y)).days > 300 and (start(y + 1) - p_cmp).days <= 45:
            y += 1
    return y, published_anchor(ctx)


def _after(p: date, month: int, day: int | None) -> bool:
    """Tell whether the month (and day) in the year of `p` lies after `p` (a month: after its month)."""
    if day is None:
        return month > p.month
    return (month, day) > (p.month, p.day)


def told_day(previous: tuple[Interval, ...], in_sentence: int, year: int | None) -> Interval | None:
    """Return the day its own sentence told in `year` (the narrative's latest date), else None."""
    if in_sentence and previous and previous[-1].precision == "day" and previous[-1].end.year == year:
        return previous[-1]
    return None


def _set_ahead(ctx: Context, month: int, day: int | None) -> tuple[int, str] | None:
    """Return the year after the sentence's own day when a future clause names a date before it, else None.

    "- **November 12, 2024** — Leaders agree on February 23 as the date for an early
    election": what a clause sets for the future lies after the day its sentence told,
    not earlier in that day's year (the year a heading or the sentence gave).
    """
    last = told_day(ctx.previous, ctx.in_sentence, ctx.year) if ctx.future and ctx.year else None
    if last is None:
        return None
    end = date(ctx.year, month, min(day, calendar.monthrange(ctx.year, month)[1]) if day
               else calendar.monthrange(ctx.year, month)[1])
    if end >= last.end:
        return None
    return ctx.year + 1, f"after the sentence's date {last.end.isoformat()}"


# A yearless date right after a dated one of an earlier year ("… on 22 November 2023. The
# truce took effect on 24 November.") continues that story, not the publication's year,
# when it falls within this many days after it.
NARRATIVE_DAYS = 183
NARRATIVE_PAST = 90  # the previous date must lie this far before publication: a past story
NARRATIVE_BACK = 60  # days before the previous date a yearless date of its story may lie
NARRATIVE_NEAR = 31  # days after the last paragraph's day a yearless day of the next one goes on its story
NARRATIVE_RECENT = 31  # a yearless day this close before publication is of the publication's year


def _narrative_year(ctx: Context, month: int, day: int | None) -> int | None:
    """Return the year of the narrative's previous date when a yearless date continues it, else None."""
    # A new paragraph may leave the story of the date before it ("…since May 2024.\n\n
    # Israel's strike on Doha on September 9 …" in an article of October 2025); in a page
    # without a publication date (an encyclopedia's next section) nothing else gives a year.
    if not ctx.previous:
        return None
    last = ctx.previous[-1]
    if ctx.future:
        return _story_future(ctx, last, month, day)
    if ctx.in_paragraph and last.precision in ("quarter", "year_part") and last.start.year == last.end.year:
        # "… tucked a revised version into a foreign-aid package in the spring [of 2024]. President
        # Joe Biden signed it in late April": a month (or day) of the season the sentence before named.
        with suppress(ValueError):
            if last.start <= date(last.start.year, month, day or 1) <= last.end:
                return last.start.year
    if last.precision not in ("day", "week", "month_part", "month"):
        return None
    # …but a day a few weeks after the day the last paragraph ended on goes on with its story
    # ("Keesokan harinya, Pakistan membalas" (27 February 2019).\n\n"Imran Khan kemudian
    # mengumumkan … pada 28 Februari").
    across = not ctx.in_paragraph and ctx.published is not None
    if (not day and last.precision == "day" and month == last.start.month and ctx.published is not None
            and (ctx.published - last.end).days >= NARRATIVE_PAST):
        # "…imposed on July 3, 2021.\n\nThose weeks brought … in mid-July": the month of the
        # day the story has just told, in this paragraph or the next.
        return last.start.year
    # …and so does a month a new paragraph names when the story has been moving forward to a
    # day or a few days ("The shock came the next day. On that Monday …\n\nThe lower house
    # approved the overhaul in early September"): a narrative told in order. A story that
    # went back for its last date ("Lai took office in May last year. He won on Jan. 13,
    # 2024.\n\nIn March, Lai …") tells background: the month is the publication's.
    before = next((i for i in reversed(ctx.previous) if i.start != last.start), None)
    forward = (not day and last.precision in ("day", "week", "month_part") and before is not None
               and before.start < last.start)
    # …and so does the month right after a past story's last one ("… in late October of last
    # year.\n\nThen, on a Friday in November, everything sped up" in a paper of November).
    # (not after a whole month: "ruled in June 2023 …\n\nTrump in July announced" is background)
    following = (not day and last.precision in ("day", "week", "month_part") and ctx.published is not None
                 and (ctx.published - last.end).days >= NARRATIVE_PAST and month == last.end.month % 12 + 1)
    if across and not (day and last.precision == "day") and not forward and not following:
        return None
    p = ctx.published
    if day and not across and last.precision != "day" and last.start.month <= month <= last.end.month:
        # "…signed during Putin's visit in June 2024. Putin landed late on June 18": a day
        # of the month (or week) the sentence before named, even a few weeks before publication.
        with suppress(ValueError):
            if last.start <= date(last.start.year, month, day) <= last.end:
                return last.start.year
    if p is not None and day:
        try:
            recent = date(p.year, month, day)
        except ValueError:
            recent = None
        # The last few weeks before publication are the news itself ("the Istanbul meeting
        # on May 16" in a paper of 23 May), whatever year the paragraph looked back to.
        if recent is not None and timedelta(0) <= p - recent <= timedelta(days=NARRATIVE_RECENT):
            return None
    if ctx.published is not None and (ctx.published - last.end).days < NARRATIVE_PAST:
        return None
    # A day may also look a little back ("In August 2018, quakes on Lombok killed 500. The
    # first strong shock, on July 29, …"); a month so named is more often the story going on
    # ("For eleven months that held. Then came September").
    # So may a month a clause in the past perfect names ("It is easy to forget how improbable this
    # looked in November 2023. Milei had finished second in the first round in late October").
    back = timedelta(days=NARRATIVE_BACK if (day or ctx.earlier or ctx.in_sentence) and not across else 0)
    ahead = timedelta(days=NARRATIVE_NEAR if across and day else NARRATIVE_DAYS)
    # Its own sentence may go on into the next year ("… ingin bergabung pada Oktober tahun lalu
    # dan diterima sebagai anggota penuh pada awal Januari": the January after that October).
    for y in (last.start.year, last.start.year + 1) if ctx.in_sentence else (last.start.year,):
        try:
            when = date(y, month, min(day or 1, calendar.monthrange(y, month)[1]))
        except ValueError:
            return None
        # (a month counts until its end: "… announced in mid-April 2024. … at the end of April")
        ends = when if day else date(y, month, calendar.monthrange(y, month)[1])
        if across and p is not None and when > p:
            return None  # (a month the story goes on to in a new paragraph came before publication)
        if last.start - back <= ends and when <= last.start + ahead:
            return y
    return None


def _story_future(ctx: Context, last, month: int, day: int | None) -> int | None:
    """Return the year of a yearless day a past story's paragraph goes on to in the future tense, else None.

    "Nikkei rontok pada 30 September 2024 … Kabinetnya dilantik pada 1 Oktober" in a paper
    of October 2025: the tense is the story's ("dilantik pada", "takes office"), its
    future a few weeks after the day it has just told, not the paper's.
    """
    p = ctx.published
    # (or a few days of it: "Pertengahan Mei tahun lalu … Beberapa hari kemudian … Lai dilantik
    # sebagai presiden pada 20 Mei" is May 2024, any day of those it reached)
    if not (ctx.in_paragraph and p is not None and last.precision in ("day", "week", "month_part")
            and (p - last.end).days >= NARRATIVE_PAST):
        return None
    y = last.end.year
    try:
        first = date(y, month, day or 1)
    except ValueError:
        return None
    end = first if day else date(y, month, calendar.monthrange(y, month)[1])  # a month: "pertengahan Oktober"
    return y if end >= last.start and (first - last.end).days <= NARRATIVE_NEAR else None


def _nearest_narrative_year(ctx: Context, month: int, day: int | None) -> tuple[int, str] | None:
    """Return the year that puts a yearless date nearest the narrative's previous date, in an undated page.

    Without a publication date nothing else gives a year, and a narrative also looks back
    ("…on 23 June. The clip had been recorded on 15 June"): the year of the previous
    date's, or of the one before or after it, whichever puts the date within
    NARRATIVE_DAYS of it.
    """
    if not ctx.previous or ctx.future:
        return None
    # A year or part of one ("continued nightly into 2025", "until the end of 2028") says
    # little of where the story stands: the latest month or day does.
    last = next((i for i in reversed(ctx.previous) if i.precision in ("day", "week", "month_part", "month")),
                ctx.previous[-1])
    if last.start.year != last.end.year:
        return None  # "2008–2011" names no one year
    best = None
    for y in (last.start.year - 1, last.start.year, last.start.year + 1):
        when = date(y, month, min(day or 1, calendar.monthrange(y, month)[1]))
        gap = 0 if last.start <= when <= last.end else min(abs((when - last.start).days), abs((when - last.end).days))
        if gap <= NARRATIVE_DAYS and (best is None or gap < best[0]):
            best = (gap, y)
    return (best[1], f"year nearest the narrative's previous date {best[1]}") if best else None


def weekday_date(p: date, wd: int, direction: str) -> date:
    """Return the day named `wd` nearest `p` in `direction`: past, past!, next, next!, near."""
    if direction.startswith("past"):
        delta = (p.weekday() - wd) % 7
        if delta == 0 and direction == "past!":
            delta = 7
        return p - timedelta(days=delta)
    if direction.startswith("next"):
        delta = (wd - p.weekday()) % 7
        if delta == 0 and direction == "next!":
            delta = 7
        return p + timedelta(days=delta)
    return p - timedelta(days=p.weekday()) + timedelta(days=wd)  # "this Monday": in this week


_PART_DAYS = 15  # an interval shorter than this is part of a month ("awal Mei", "mid-June")


def _countable(prev: Interval, unit: str) -> bool:
    """Tell whether `unit`s can be counted from `prev`: it is no longer than three of them."""
    return (prev.end - prev.start).days + 1 <= 3 * _UNIT_DAYS[unit]


def _month_part(prev: Interval) -> bool:
    """Tell whether an interval is one part of a month ("early April", "pertengahan Mei")."""
    return prev.precision.endswith("_part") and (prev.end - prev.start).days < _PART_DAYS


def _past_backdrop(recent: tuple[Interval, ...]) -> Interval:
    """The latest date, or the one before it when the latest is an older year the story looked back to.

    "Dari sana, referendum November menjadi ujian. Noboa meminta izin menulis ulang konstitusi
    2008. Keesokan harinya, …": the day after is November's, not 2008's.
    """
    last = recent[-1]
    if last.precision in ("year", "decade", "century") and len(recent) > 1:
        before = recent[-2]
        if before.start > last.end and PRECISIONS.index(before.precision) < PRECISIONS.index(last.precision):
            return before
    return last


def relative(ctx: Context, unit: str, offset: int, anchor: str, part: str = "",
             spread: bool = True) -> Resolution:
    """Resolve "<offset> <unit>s from the anchor": published date or the narrative's last date.

    `spread`: the same day as a few days ("the same day" after "last weekend") is any of them.
    """
    grain = PRECISIONS.index(PRECISION_OF_UNIT[unit])
    if anchor == "previous" and ctx.previous:
        # The last date counts; if it is too coarse to count days or weeks from ("the same
        # day" after "tahun depan"), a slightly earlier one that is fine enough does.
        # Part of a month or of a year is the story's point in time ("Awal Mei lalu, … Sehari
        # kemudian, …"): counted from, it gives its own interval, not an older day's. A whole month
        # is more often background ("…observer status in November 2022. Pada hari yang
        # sama, …" goes back to the day of the news).
        # Opening a new paragraph, it may look past the background the last one ended on
        # ("… pada Selasa (3/6) … pada 2018 … Oktober 2022 … Juli 2023.\n\nDua hari
        # sebelumnya, …" is two days before that Tuesday).
        recent = ctx.previous[-(_LOOKBACK if ctx.in_paragraph else _LOOKBACK_NEW_PARAGRAPH):]
        in_part = (recent[-1].end - recent[-1].start).days < _PART_DAYS or recent[-1].precision == "year_part"
        # "Saat Galaxy Leader dibajak pada November 2023, Kemlu baru bisa memastikan keesokan
        # harinya …": its own sentence's month is what it counts from, the honest answer November.
        if ctx.in_sentence:
            own = ctx.previous[-ctx.in_sentence:]
            prev = next((p for p in reversed(own) if _countable(p, unit)), own[-1])
        else:
            prev = recent[-1] if in_part else next(
                (p for p in reversed(recent) if _countable(p, unit)),
                _past_backdrop(recent) if ctx.in_paragraph else recent[-1])
        # "Two weeks later" counts from the end of a range, "a year earlier" from its start.
        base = prev.end if offset > 0 else prev.start
        base_unit = UNIT_OF_PRECISION[prev.precision]
        if _countable(prev, unit) and not (_month_part(prev) and unit in ("day", "week")):
            # short enough to count from ("two weeks after the end of October to early November");
            # a week from part of a month is that part moved ("early April. A week later" is 8-17
            # April), not the week after its last day
            base_unit = "day"
        label = f"previous date {base.isoformat()}"
        if spread and not offset and not part and unit == base_unit == "day" and prev.start != prev.end:
            return Resolution(prev, label)  # "akhir pekan lalu … pada hari yang sama": one of those days
    elif ctx.published is not None:
        base, base_unit, label = ctx.published, "day", published_anchor(ctx)
    else:
        return unresolved(NO_PUBLICATION if anchor == "published" else "no earlier date")
    # An offset finer than the anchor ("the next day" after "March 2024") cannot be placed
    # inside it: the anchor's own interval is the honest answer.
    if grain < PRECISIONS.index(PRECISION_OF_UNIT.get(base_unit, base_unit)):
        out = iv.unit_of(base_unit, base)
        counted = anchor == "previous" and ctx.previous
        if counted and (prev.precision.endswith("_part") or prev.precision == "week") and unit in ("day", "week"):
            # "In late December, Han was impeached. The won sank the same day. Two days
            # later …": a few days from part of a month are that part, its days moved by
            # them ("Sehari sebelumnya" after "akhir November" is 20-29 November, "Sepekan
            # kemudian" after "awal April" 8-17 April), not the month.
            # So are a few days ("the following Monday" after "early August" is 4-11 August; "pada
            # hari yang sama" after it, those days), not the calendar week of their first.
            # (A part of a year stays itself: "Akhir tahun lalu, … dua pesawat jatuh. Keesokan
            # harinya, …" is late last year, its months not worth moving by a day.)
            moved = timedelta(days=offset * (7 if unit == "week" else 1))
            out = prev if not moved or prev.precision == "year_part" else iv.days(
                prev.start + moved, prev.end + moved, prev.precision)
    else:
        out = iv.unit_of(unit, iv.shift(base, unit, offset))
    if part:
        out = iv.part_of(out, part)
    return Resolution(out, label)
