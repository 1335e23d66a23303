"""Handlers: turn one pattern match into a `Candidate` that knows how to resolve itself.

Each handler checks what a regex cannot (a month word that is also a verb needs a
capital, a four-digit number before "tentara" is a quantity) and returns None to
reject the match.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from dateutil.easter import easter  # Western Easter, for feasts by name

from . import interval as iv
from .grammar import Grammar
from .lexicon import alternation, norm
from .resolve import (NARRATIVE_BACK, NARRATIVE_PAST, NO_PUBLICATION, Context, Resolution, pick_year,
                      published_anchor, relative, unresolved, weekday_date)

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_NUMBER_END = re.compile(r"\d[.,]?\s*$")  # text before a year ending in a digit: "1 2024" is one number
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
_CALENDAR_UNITS = ("day", "week", "weekend", "month", "quarter", "year", "decade", "century")


@dataclass(frozen=True)
class Candidate:
    """A time expression found by the scan, not yet resolved."""

    start: int
    end: int
    rule: str
    kind: str  # absolute, relative, anaphoric, range, open_range, duration, clock
    resolve: Callable[[Context], Resolution]
    year: int | None = None  # the year the expression states itself
    event: bool = True
    reason: str = ""
    label_prefix: str = ""  # "since ", "until " for open ranges


MONTH_WITHOUT_CUE = "month without a cue"  # a bare month that dates nothing alone ("came September")


def fixed(interval: iv.Interval) -> Callable[[Context], Resolution]:
    """Return a resolver that needs no context."""
    return lambda ctx: Resolution(interval)


def _span(m: re.Match, group: int | str = 0) -> tuple[int, int]:
    return m.start(group), m.end(group)


def _cap(token: str) -> bool:
    return token[:1].isupper()


def _month(g: Grammar, token: str, strict: bool = False) -> int | None:
    """Return the month number of `token`; words like "may" need a capital when `strict`."""
    word = norm(token.rstrip("."))
    n = g.months.get(word)
    if n is None:
        return None
    if strict and word in g.ambiguous_months and not _cap(token):
        return None
    return n


def _end(m: re.Match, month_group: str = "m") -> int:
    """Return the match end without a full stop that follows a full month name ("27 November.")."""
    end = m.end()
    if m.group().endswith(".") and m.end(month_group) == end - 1 and len(m[month_group]) > 4:
        end -= 1
    return end


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= y <= 9998 and 1 <= d <= calendar.monthrange(y, m)[1]


def _year2(y: str) -> int:
    """Expand a two-digit year: 00–49 to the 2000s, 50–99 to the 1900s."""
    n = int(y)
    return n if len(y) == 4 else (2000 + n if n < 50 else 1900 + n)


def _order(g: Grammar, a: int, b: int) -> tuple[int, int] | None:
    """Return (day, month) of two numbers by the language's date order; a part over 12 decides."""
    if a > 12 and b <= 12:
        return a, b
    if b > 12 and a <= 12:
        return b, a
    if a > 12 and b > 12:
        return None
    return (a, b) if g.lex.raw["date_order"] == "DMY" else (b, a)


def _weekday(g: Grammar, m: re.Match) -> int | None:
    wd = m.groupdict().get("wd")
    return g.weekdays.get(norm(wd.rstrip("."))) if wd else None


def _day_or_yearless(rule: str, start: int, end: int, y: int | None, mo: int, d: int, wd: int | None = None,
                     which: str = ""):
    """Return a candidate for a day, with or without its year."""
    if y is not None:
        if not _valid_day(y, mo, d):
            return None
        return Candidate(start, end, rule, "absolute", fixed(iv.day(date(y, mo, d))), year=y)
    if not 1 <= d <= 31 or not 1 <= mo <= 12 or d > calendar.monthrange(2024, mo)[1]:
        return None

    def resolve(ctx: Context) -> Resolution:
        if which and not ctx.year:
            # "27 November mendatang", "5 Maret lalu": the tense the word gives, counted from
            # publication, not from the narrative's year ("22 April lalu" after a paragraph on 2021).
            ctx = Context(ctx.published, (), None, which == "next")
        got = pick_year(ctx, mo, d, wd)
        if got is None:
            return unresolved(NO_PUBLICATION)
        if not _valid_day(got[0], mo, d):
            return unresolved("no such day")
        return Resolution(iv.day(date(got[0], mo, d)), got[1])

    return Candidate(start, end, rule, "relative", resolve)


def _yearless_month(rule: str, start: int, end: int, mo: int, part: str = "", which: str = "") -> Candidate:
    """Return a candidate for a month without a year: "pada Maret", "Maret lalu", "awal Maret"."""

    def resolve(ctx: Context) -> Resolution:
        if which == "previous" and ctx.previous:  # "that October": the narrative's year
            y = ctx.previous[-1].end.year
            out = iv.month(y, mo)
            return Resolution(iv.part_of(out, part) if part else out, f"previous date {ctx.previous[-1].end.isoformat()}")
        if which == "following" and ctx.previous:  # "the following June": the next June after the narrative's date
            last = ctx.previous[-1].end
            y = last.year if mo > last.month else last.year + 1
            out = iv.month(y, mo)
            return Resolution(iv.part_of(out, part) if part else out, f"previous date {last.isoformat()}")
        w = {"previous": "", "following": "next", "bare": ""}.get(which, which)
        if w:
            p = ctx.published
            if p is None:
                return unresolved(NO_PUBLICATION)
            if w == "past":
                y = p.year if mo < p.month else p.year - 1
                # "pertengahan Agustus lalu" in a paper of 25 August: that part of this month is over.
                if part and mo == p.month and iv.part_of(iv.month(p.year, mo), part).end < p:
                    y = p.year
            elif w == "next":
                y = p.year if mo > p.month else p.year + 1
            elif w == "upcoming":  # this month or the next of its name
                y = p.year if mo >= p.month else p.year + 1
            else:
                y = p.year
            got = (y, f"published {p.isoformat()}")
        else:
            got = pick_year(ctx, mo)
            if got is None:
                return unresolved(NO_PUBLICATION)
            if part and _done_later(ctx, iv.part_of(iv.month(got[0], mo), part), got[1]):
                # "did not visit the towns until mid-January" in a paper of 2 January: the part
                # of the running month a clause tells as done is the last year's
                got = (got[0] - 1, got[1])
        out = iv.month(got[0], mo)
        return Resolution(iv.part_of(out, part) if part else out, got[1])

    return Candidate(start, end, rule, "relative", resolve)


def _done_later(ctx: Context, told: iv.Interval, anchor: str) -> bool:
    """Tell whether a past clause's part of a month read from publication lies after a story a year back."""
    # (only when the story it goes on is that month's a year before: "the mandate ran only to the
    # end of September" in a wire of 6 September is still to come)
    p = ctx.published
    if not (ctx.past and not ctx.future and p is not None and anchor.startswith("published")
            and told.start > p and ctx.previous):
        return False
    last = ctx.previous[-1]
    year_before = date(told.start.year - 1, told.start.month, min(told.start.day, 28))
    return (p - last.start).days >= NARRATIVE_PAST and (
        (last.start - year_before).days <= NARRATIVE_BACK and (year_before - last.end).days <= NARRATIVE_BACK)


def _yearless_season(rule: str, start: int, end: int, name: str, part: str, which: str) -> Candidate:
    """Return a candidate for a season without a year: "in the spring", "that summer", "musim panas lalu".

    As a month without a year (_yearless_month): "that" is the narrative's, "last" the
    latest ended, "next" the first to begin, "this" the publication year's, and a bare one
    the year a month of its start would take (the sentence's, the narrative's, the tense's).
    """

    def of(y: int) -> iv.Interval:
        return iv.season(y, name, part)

    def resolve(ctx: Context) -> Resolution:
        p, last = ctx.published, ctx.previous[-1].end if ctx.previous else None
        if which in ("previous", "following"):
            if last is None:
                return unresolved("no earlier date")
            label = f"previous date {last.isoformat()}"
            if which == "previous":  # "that winter" after January 2022: the winter of 2021/22
                y = last.year - 1 if name == "winter" and last.month <= 2 else last.year
            else:
                y = next(y for y in range(last.year - 1, last.year + 2) if of(y).start > last)
            return Resolution(of(y), label)
        if which == "bare":
            got = pick_year(ctx, iv.SEASON_START[name])
            if got is None:
                return unresolved(NO_PUBLICATION)
            return Resolution(of(got[0]), got[1])
        if p is None:
            return unresolved(NO_PUBLICATION)
        years = range(p.year - 2, p.year + 2)
        if which == "past":
            y = max(y for y in years if of(y).end < p)
        elif which == "next":
            y = min(y for y in years if of(y).start > p)
        else:  # "this winter" in January: the one it is in
            y = p.year - 1 if name == "winter" and p.month <= 2 else p.year
        return Resolution(of(y), f"published {p.isoformat()}")

    kind = "anaphoric" if which in ("previous", "following") else "relative"
    return Candidate(start, end, rule, kind, resolve)


def season_before(m, g, text):
    name, which = g.seasons.get(norm(m["s"])), g.lex.table("season_before").get(norm(m["mod"]))
    if name is None or which is None:
        return None
    part = g.qualifiers.get(norm(m["q"])) if m["q"] else ""
    # the cue word of a bare season ("in the") is no part of the date: "in the spring" dates from "spring"
    start = m.start("q") if which == "bare" and m["q"] else m.start("s") if which == "bare" else m.start()
    return _yearless_season("season_before", start, m.end(), name, part or "", which)


def season_after(m, g, text):
    name, which = g.seasons.get(norm(m["s"])), g.lex.table("season_after").get(norm(m["mod"]))
    if name is None or which is None:
        return None
    part = g.qualifiers.get(norm(m["q"])) if m["q"] else ""
    return _yearless_season("season_after", m.start(), m.end(), name, part or "", which)


def _year_ok(y: int) -> bool:
    return 1000 <= y <= 2099


# --- handlers, one per rule in grammar.TEMPLATES -------------------------------------------


def iso(m, g, text):
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    return _day_or_yearless("iso", *_span(m), y, mo, d) if _year_ok(y) else None


def wd_paren(m, g, text):
    dm = _order(g, int(m["a"]), int(m["b"]))
    if dm is None:
        return None
    y = _year2(m["y"]) if m["y"] else None
    if y is not None and not _year_ok(y):
        return None
    return _day_or_yearless("wd_paren", *_span(m), y, dm[1], dm[0], _weekday(g, m))


def numeric(m, g, text):
    if len(m["y"]) == 2 and m["s"] != "/":
        return None
    dm = _order(g, int(m["a"]), int(m["b"]))
    y = _year2(m["y"])
    if dm is None or not _year_ok(y):
        return None
    return _day_or_yearless("numeric", *_span(m), y, dm[1], dm[0])


def _day_range(m, g, text, rule):
    mo = _month(g, m["m"], strict=not m["y"])
    d1, d2 = int(m["d1"]), int(m["d2"])
    if mo is None or not d1 < d2 <= 31:
        return None
    y = int(m["y"]) if m["y"] else None
    mod = m.groupdict().get("mod")
    which = (g.lex.table("month_after").get(norm(mod)) or "") if mod else ""  # "2-4 Maret lalu"
    a = _day_or_yearless(rule, *_span(m), y, mo, d1, which=which)
    b = _day_or_yearless(rule, *_span(m), y, mo, d2, which=which)
    if a is None or b is None:
        return None
    return join(a, b, m.start(), m.end() if mod else _end(m))


def day_range_dm(m, g, text):
    return _day_range(m, g, text, "day_range_dm")


def wd_range_paren(m, g, text):
    """ "Senin-Kamis (10-13/3)", "Sabtu-Minggu (8-9/3/2025)": a day range with its weekdays."""
    if g.lex.raw["date_order"] != "DMY":
        return None
    d1, d2, mo = int(m["d1"]), int(m["d2"]), int(m["mo"])
    wd1 = g.weekdays.get(norm(m["wd"]))
    wd2 = g.weekdays.get(norm(m["wd2"]))
    if not d1 < d2 <= 31 or not 1 <= mo <= 12:
        return None
    y = _year2(m["y"]) if m["y"] else None
    if y is not None and not _year_ok(y):
        return None
    a = _day_or_yearless("wd_range_paren", *_span(m), y, mo, d1, wd1)
    b = _day_or_yearless("wd_range_paren", *_span(m), y, mo, d2, wd2)
    if a is None or b is None:
        return None
    return join(a, b, m.start(), m.end())


def week_of_month(m, g, text):
    """ "the first week of April", "pekan kedua Maret 2024": days 1–7, 8–14, 15–21, 22–28; the last week is the last 7."""
    raw = m["o"] or m["o2"]
    word = norm(raw)
    if raw.isdigit() or raw.isupper() or word in g.numbers:
        return None  # "Minggu 1 Maret" is a Sunday, "one week in March" a length
    last = word in {norm(w) for w in g.lex.words("last_ordinal")}
    n = 5 if last else g.ordinals.get(word)
    if m["r"] and n is not None and 1 <= n <= 5:
        return _of_month_ref(m, g, "week_of_month", lambda y, mo: iv.week_of_month(y, mo, n))
    mo = _month(g, m["m"], strict=True) if m["m"] else None
    if mo is None or n is None or not 1 <= n <= 5:
        return None
    if m["y"]:
        y = int(m["y"])
        if not _year_ok(y):
            return None
        return Candidate(m.start(), m.end(), "week_of_month", "absolute", fixed(iv.week_of_month(y, mo, n)), year=y)
    yearless = _yearless_month("week_of_month", m.start(), _end(m), mo)

    def resolve(ctx: Context) -> Resolution:
        r = yearless.resolve(ctx)
        if r.interval is None:
            return r
        y = r.interval.start.year
        if _done_later(ctx, iv.week_of_month(y, mo, n), r.anchor):
            y -= 1  # "by the second week of January the toll had climbed past 200" on 2 January
        return Resolution(iv.week_of_month(y, mo, n), r.anchor)

    return Candidate(m.start(), _end(m), "week_of_month", "relative", resolve)


def weekday_of_month(m, g, text):
    """ "the first Saturday in February", "Jumat terakhir bulan Maret 2025": that weekday of the month.

    Hand-written: dateparser reads no ordinal weekday of a month.
    """
    raw = m["o"] or m["o2"]
    word = norm(raw)
    if raw.isdigit() or word in g.numbers:
        return None  # "two Saturdays in February" is a count
    last = word in {norm(w) for w in g.lex.words("last_ordinal")}
    n = g.ordinals.get(word)
    wd = g.weekdays.get(norm((m["wd"] or m["wd2"]).rstrip(".")))
    if wd is None or not (last or n and 1 <= n <= 5):
        return None

    def day_of(y: int, mo: int) -> iv.Interval | None:
        days = calendar.monthrange(y, mo)[1]
        first = (wd - date(y, mo, 1).weekday()) % 7 + 1
        d = first + 7 * ((days - first) // 7) if last else first + 7 * (n - 1)
        return iv.day(date(y, mo, d)) if d <= days else None

    if m["r"]:
        return _of_month_ref(m, g, "weekday_of_month", day_of)
    mo = _month(g, m["m"], strict=True)
    if mo is None:
        return None
    if m["y"]:
        y = int(m["y"])
        got = day_of(y, mo) if _year_ok(y) else None
        return Candidate(m.start(), _end(m), "weekday_of_month", "absolute", fixed(got), year=y) if got else None
    yearless = _yearless_month("weekday_of_month", m.start(), _end(m), mo)

    def resolve(ctx: Context) -> Resolution:
        r = yearless.resolve(ctx)
        got = day_of(r.interval.start.year, mo) if r.interval is not None else None
        return Resolution(got, r.anchor) if got else r if r.interval is None else unresolved("no such day")

    return Candidate(m.start(), _end(m), "weekday_of_month", "relative", resolve)


def _of_month_ref(m, g, rule: str, make: Callable[[int, int], iv.Interval | None]) -> Candidate:
    """Return a candidate for "the first Sunday of the month", "pekan terakhir bulan ini": `make` of it.

    "the month", "bulan itu" is the month of the narrative's previous date (a past one), "this
    month" the publication's. Hand-written: dateparser reads no month named by reference.
    """
    ref = g.lex.table("month_refs").get(norm(m["r"]))

    def resolve(ctx: Context) -> Resolution:
        prev = ctx.previous[-1] if ctx.previous else None
        p = ctx.published
        if ref == "narrative" and prev is not None and prev.precision in _MONTH_TOLD and (
                p is None or prev.end <= p):
            base, label = prev.end, f"previous date {prev.end.isoformat()}"
        elif ref == "published" and p is not None:
            base, label = p, published_anchor(ctx)
        else:
            return unresolved("no month told")
        got = make(base.year, base.month)
        return Resolution(got, label) if got else unresolved("no such day")

    return Candidate(m.start(), m.end(), rule, "anaphoric" if ref == "narrative" else "relative", resolve)


_MONTH_TOLD = ("day", "week", "month_part", "month")  # a previous date that tells its month


def day_of_month(m, g, text):
    """ "the last day of April", "hari pertama bulan Maret 2024": that day of the month."""
    raw = m["o"] or m["o2"]
    word = norm(raw)
    if raw.isdigit() or raw.isupper() or word in g.numbers:
        return None  # "one day in March" is a length
    last = word in {norm(w) for w in g.lex.words("last_ordinal")}
    n = g.ordinals.get(word)
    if not (last or n and 1 <= n <= 31):
        return None

    def day_of(y: int, mo: int) -> iv.Interval | None:
        days = calendar.monthrange(y, mo)[1]
        d = days if last else n
        return iv.day(date(y, mo, d)) if d <= days else None

    if m["r"]:
        return _of_month_ref(m, g, "day_of_month", day_of)
    mo = _month(g, m["m"], strict=True)
    if mo is None:
        return None
    if m["y"]:
        y = int(m["y"])
        if not _year_ok(y) or day_of(y, mo) is None:
            return None
        return Candidate(m.start(), m.end(), "day_of_month", "absolute", fixed(day_of(y, mo)), year=y)
    yearless = _yearless_month("day_of_month", m.start(), _end(m), mo)

    def resolve(ctx: Context) -> Resolution:
        r = yearless.resolve(ctx)
        if r.interval is None:
            return r
        found = day_of(r.interval.start.year, mo)
        return Resolution(found, r.anchor) if found else Resolution(None, "", "no such day")

    return Candidate(m.start(), _end(m), "day_of_month", "relative", resolve)


def day_range_md(m, g, text):
    if g.lex.raw["date_order"] != "MDY":
        return None
    return _day_range(m, g, text, "day_range_md")


def month_range(m, g, text):
    m1, m2 = _month(g, m["m1"], True), _month(g, m["m2"], True)
    if m1 is None or m2 is None or m1 == m2:
        return None
    if m["y"]:
        y = int(m["y"])
        if not m1 < m2 or not _year_ok(y):
            return None
        return Candidate(m.start(), m.end(), "month_range", "range", fixed(iv.span(iv.month(y, m1), iv.month(y, m2))), year=y)
    # "between January and February", "Januari–Maret": yearless; "and"/"dan" needs an opener.
    joiner = text[m.end("m1"):m.start("m2")].strip(" .").lower()
    if norm(joiner) in ("and", "dan") and not g.range_open.search(text, max(0, m.start() - 30), m.start()):
        return None
    if not (_cap(m["m1"]) and _cap(m["m2"])):
        return None
    end = _yearless_month("month_range", m.start(), m.end(), m2)

    def resolve(ctx: Context) -> Resolution:
        rb = end.resolve(ctx)
        if rb.interval is None:
            return rb
        y2 = rb.interval.start.year
        a = iv.month(y2 if m1 < m2 else y2 - 1, m1)  # "December to February" crosses a new year
        return Resolution(iv.span(a, rb.interval), rb.anchor)

    return Candidate(m.start(), m.end(), "month_range", "range", resolve)


def season(m, g, text):
    name = g.seasons.get(norm(m["s"]))
    first, second = (m["ya"], m["yb"]) if m["ya"] else (m["y"], m["y2"])
    if name is None or first is None or (m["ya"] and m["y"]):
        return None
    y = int(first)
    if second is not None:
        y2 = _year2(second) if len(second) == 4 else y - y % 100 + int(second)
        if y2 != y + 1 or name != "winter":
            return None  # only a winter spans two years: "the 2024/25 winter"
    if not _year_ok(y):
        return None
    part = g.qualifiers.get(norm(m["q"])) if m["q"] else ""
    return Candidate(m.start(), m.end(), "season", "absolute", fixed(iv.season(y, name, part or "")), year=y)


def month_years_ago(m, g, text):
    """ "November dua tahun lalu", "March three years ago": that month of the year so many years back."""
    mo = _month(g, m["m"], strict=True)
    unit = g.units.get(norm(m["u"] or m["u2"]))
    rel = g.lex.table("count_after").get(norm(m["mod"]))
    word = norm(m["n"]) if m["n"] else ""
    n = 1 if m["se"] else g.numbers.get(word) if word in g.numbers else int(word) if word.isdigit() else None
    if mo is None or unit != "year" or rel != ["published", -1] or not n:
        return None
    part = g.qualifiers.get(norm(m["q"])) if m["q"] else ""

    def resolve(ctx: Context) -> Resolution:
        if ctx.published is None:
            return unresolved(NO_PUBLICATION)
        out = iv.month(ctx.published.year - n, mo)
        return Resolution(iv.part_of(out, part) if part else out, published_anchor(ctx))

    return Candidate(m.start(), m.end(), "month_years_ago", "relative", resolve)


def month_year_ref(m, g, text):
    """ "September that year", "Oktober tahun berikutnya", "March last year": a month of a year named by reference."""
    mo = _month(g, m["m"], strict=True)
    rel = _year_reference(m, g)
    if mo is None or rel is None:
        return None
    anchor, offset = rel
    part = g.qualifiers.get(norm(m["q"])) if m["q"] else ""
    day = int(m["d"] or m["d2"] or 0)
    if day and (part or (m["d"] and m["d2"])):
        return None

    def resolve(ctx: Context) -> Resolution:
        got = _referenced_year(ctx, anchor, offset)
        if isinstance(got, Resolution):
            return got
        y, label = got
        if day:  # "19 June last year": a day of a month of a year named by reference
            return Resolution(iv.day(date(y, mo, day)), label) if _valid_day(y, mo, day) else unresolved("no such date")
        out = iv.month(y, mo)
        return Resolution(iv.part_of(out, part) if part else out, label)

    kind = "anaphoric" if anchor == "previous" else "relative"
    return Candidate(m.start(), m.end(), "month_year_ref", kind, resolve)


def _year_reference(m, g) -> tuple[str, int] | None:
    """Return (anchor, offset) of the "that year" / "last year" / "tahun berikutnya" a match names, if a year."""
    if g.units.get(norm(m["u"] or m["u2"])) != "year":
        return None
    table = "unit_before" if m["mod"] else "unit_after"
    return g.lex.table(table).get(norm(m["mod"] or m["mod2"]))


def _referenced_year(ctx: Context, anchor: str, offset: int) -> tuple[int, str] | Resolution:
    """Return (year, anchor label) of "that year" / "last year" / "tahun berikutnya", or why not."""
    if anchor == "previous" and ctx.previous:
        return ctx.previous[-1].end.year + offset, f"previous date {ctx.previous[-1].end.isoformat()}"
    if ctx.published is not None:
        return ctx.published.year + offset, f"published {ctx.published.isoformat()}"
    return unresolved(NO_PUBLICATION if anchor == "published" else "no earlier date")


def season_ref(m, g, text):
    """ "the autumn of that year", "musim dingin tahun lalu": a season of a year named by reference."""
    name = g.seasons.get(norm(m["s"]))
    rel = _year_reference(m, g)
    if name is None or rel is None:
        return None
    anchor, offset = rel
    part = g.qualifiers.get(norm(m["q"])) if m["q"] else ""

    def resolve(ctx: Context) -> Resolution:
        got = _referenced_year(ctx, anchor, offset)
        if isinstance(got, Resolution):
            return got
        return Resolution(iv.season(got[0], name, part or ""), got[1])

    kind = "anaphoric" if anchor == "previous" else "relative"
    return Candidate(m.start(), m.end(), "season_ref", kind, resolve)


def fiscal(m, g, text):
    """ "FY2024", "fiscal 2024", "tahun anggaran 2023/24": the calendar year(s) it names (README "Dates").

    Fiscal years start in different months by country; without a known convention the
    calendar year is the lenient reading. A following "the fiscal year that ended in
    March" belongs to the expression: it describes the year, it is no happening.
    """
    raw, raw2 = m["y"], m["y2"]
    if len(raw) == 2 and norm(m["fw"]) != "fy":
        return None  # "fiscal 24" is more often a count than a year
    y = _year2(raw)
    y2 = y
    if raw2:
        y2 = _year2(raw2) if len(raw2) == 4 else y - y % 100 + int(raw2)
        if y2 != y + 1:
            return None
    if not (_year_ok(y) and _year_ok(y2)):
        return None
    out = iv.year(y) if y2 == y else iv.Interval(date(y, 1, 1), date(y2, 12, 31), "year", f"{y}–{y2}")
    return Candidate(m.start(), m.end(), "fiscal", "absolute", fixed(out), year=y2)


def weekend(m, g, text):
    """ "over the weekend", "pada akhir pekan": the nearest Saturday–Sunday on the tense's side."""

    def resolve(ctx: Context) -> Resolution:
        p = ctx.published
        if p is None:
            return unresolved(NO_PUBLICATION)
        if ctx.future:
            saturday = weekday_date(p, 5, "next")
        else:
            saturday = weekday_date(p - timedelta(days=1), 5, "past")
        last = ctx.previous[-1] if ctx.previous and not ctx.future else None
        if last is not None and last.precision == "day" and last.start == last.end and (
                p - last.start).days > 7:
            # "A day later, his spokesman denied it. … Over the weekend, investigators confirmed
            # the death" in a paper of weeks later: the weekend the story has reached
            sunday = last.start.weekday() == 6
            told = last.start - timedelta(days=1) if sunday else weekday_date(last.start, 5, "next")
            if told + timedelta(days=1) < p:
                return Resolution(iv.weekend(told), f"previous date {last.start.isoformat()}")
        return Resolution(iv.weekend(saturday), f"published {p.isoformat()}")

    return Candidate(m.start(), m.end(), "weekend", "relative", resolve)


def _feast(spec: str, year: int) -> date:
    """Return the day of a feast in `year`: "12-25" (month-day), "easter+1" (days after Easter Sunday)
    or "hijri:10-01" (a Hijri month-day: the first such day in `year`)."""
    if spec.startswith("easter"):
        return easter(year) + timedelta(days=int(spec[len("easter"):] or 0))
    if spec.startswith("hijri:"):
        month, day = _month_day(spec)
        # A Hijri year is 354 or 355 days: one of the two Hijri years overlapping `year` holds it
        first = round((year - 622) * 33 / 32)
        days = [d for h in range(first - 1, first + 3) if (d := _hijri_day(h, month, day)) and d.year == year]
        if not days:
            raise ValueError(f"no {spec} in {year}")
        return days[0]
    month, day = _month_day(spec)
    return date(year, month, day)


def _month_day(spec: str) -> tuple[int, int]:
    """Return the month and day of a feast's spec: "12-25", "hijri:10-01"."""
    month, day = spec.removeprefix("hijri:").split("-")
    return int(month), int(day)


def _hijri_day(year: int, month: int, day: int) -> date | None:
    """Return the Gregorian day of a Hijri date (Umm al-Qura, hijridate), None outside its range."""
    from hijridate import Hijri  # on use: only a feast by the Hijri calendar needs it

    try:
        return date(*Hijri(year, month, day).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


@lru_cache(maxsize=8)
def _cue_before(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + alternation(list(words)) + r")\s+$", re.I)


def _feast_cue(g: Grammar) -> re.Pattern:
    """Return the pattern of a word that makes a feast's name without a year its date ("pada", "jelang")."""
    words = ("month_cues", "since_words", "until_words", "feast_cues")
    return _cue_before(tuple(w for key in words for w in g.lex.words(key)))


def _feast_interval(spec: str, day: date) -> iv.Interval:
    """Return a feast's interval: its day; a Hijri feast's day and the next (countries fix it a day apart)."""
    if not spec.startswith("hijri:"):
        return iv.day(day)
    last = day + timedelta(days=1)
    return iv.Interval(day, last, "week", f"{day.day}–{iv.day(last).label}")


def holiday(m, g, text):
    """ "Easter Sunday", "Christmas Eve", "Minggu Paskah": a feast's day, of the year the context gives.

    Hand-written because dateparser reads no feast names; a weekday word alone ("Minggu"
    of "Minggu Paskah") would otherwise date the sentence to the report's week.
    """
    cued = g.lex.table("cued_holidays").get(norm(m["h"]))
    spec = str(cued or g.lex.table("holidays").get(norm(m["h"])) or "")
    if not spec:
        return None
    if m["y"] and m["hy"]:  # "Idul Fitri 1445 H": a Hijri year
        if not spec.startswith("hijri:"):
            return None
        got = _hijri_day(int(m["y"]), *_month_day(spec))
        if got is None:
            return None
        told = _feast_interval(spec, got)
        return Candidate(m.start(), m.end(), "holiday", "absolute", fixed(told), year=got.year)
    if m["y"]:
        y = int(m["y"])
        if not _year_ok(y):
            return None
        try:
            told = _feast_interval(spec, _feast(spec, y))
            return Candidate(m.start(), m.end(), "holiday", "absolute", fixed(told), year=y)
        except ValueError:
            return None
    if cued and not _cue_before(tuple(g.lex.words("cued_holiday_cues"))).search(text, max(0, m.start() - 30),
                                                                                  m.start()):
        return None  # "a Christmas message", "just before Christmas": the season, or days before it
    if spec.startswith("hijri:") and not _feast_cue(g).search(text, max(0, m.start() - 30), m.start()):
        return None  # "larangan mudik Lebaran", "libur Idul Fitri": the feast names the exodus, the holiday
    # "New Year's Day last year", "Lebaran tahun lalu": the feast of a year named by reference
    rel = _year_reference(m, g) if m["u"] or m["u2"] else None

    def resolve(ctx: Context) -> Resolution:
        if rel is not None:
            got = _referenced_year(ctx, *rel)
            if isinstance(got, Resolution):
                return got
        else:
            # a movable feast moves by weeks (Easter) or eleven days a year (the Hijri ones)
            rough = _feast(spec, ctx.published.year if ctx.published else 2000)
            got = pick_year(ctx, rough.month, rough.day)
            if got is None:
                return unresolved(NO_PUBLICATION)
        try:
            return Resolution(_feast_interval(spec, _feast(spec, got[0])), got[1])
        except ValueError:
            return unresolved("no such feast that year")

    kind = "anaphoric" if rel is not None and rel[0] == "previous" else "relative"
    return Candidate(m.start(), m.end(), "holiday", kind, resolve)


def qual_unit(m, g, text):
    """ "by the end of the year", "awal bulan": part of the year/month the narrative is in.

    The sentence's own year wins; a clause about the future means the publication's
    year; otherwise the narrative's previous date when it lies before publication,
    else the publication date.
    """
    part = g.qualifiers.get(norm(m["q"]))
    unit = g.lex.table("narrative_units").get(norm(m["w"]))
    if part is None or unit not in ("year", "month"):
        return None
    cues = g.lex.words("narrative_unit_cues")
    if cues and not _listed(tuple(cues), r"(?<!\w)", r"\s*$").search(text[max(0, m.start() - 25):m.start()]):
        return None  # "libur akhir tahun" (year-end holidays) names a season of the calendar, not a date

    def resolve(ctx: Context) -> Resolution:
        if unit == "year" and ctx.year:
            return Resolution(iv.year_part(ctx.year, part), f"year from context {ctx.year}")
        prev = ctx.previous[-1] if ctx.previous else None
        # The narrative's previous date counts when it is a past one ("In October 2024 ... by the
        # end of the year"); after a date ahead of publication ("tahun depan") the paper's year does.
        if prev is not None and not ctx.future and (ctx.published is None or prev.end <= ctx.published):
            base, label = prev.end, f"previous date {prev.end.isoformat()}"
        elif ctx.published is not None:
            base, label = ctx.published, f"published {ctx.published.isoformat()}"
        else:
            return unresolved(NO_PUBLICATION)
        return Resolution(iv.part_of(iv.unit_of(unit, base), part), label)

    return Candidate(m.start(), m.end(), "qual_unit", "relative", resolve)


def year_range(m, g, text):
    y1 = int(m["y1"])
    raw2 = m["y2"]
    if len(raw2) == 2:
        if m["j"] not in ("-", "–", "—", "/"):
            return None
        y2 = y1 - y1 % 100 + int(raw2)
    else:
        y2 = int(raw2)
    if not (_year_ok(y1) and _year_ok(y2) and y1 < y2 <= y1 + 100):
        return None
    if m["j"] == "/" and y2 != y1 + 1:  # "2023/24", "2023/2024": a season or fiscal year
        return None
    if g.quantity_after.match(text, m.end()):
        return None
    out = iv.Interval(date(y1, 1, 1), date(y2, 12, 31), "year", f"{y1}–{y2}")
    return Candidate(m.start(), m.end(), "year_range", "range", fixed(out), year=y2)


def dmy(m, g, text):
    mo, y = _month(g, m["m"]), int(m["y"])
    return _day_or_yearless("dmy", *_span(m), y, mo, int(m["d"])) if mo and _year_ok(y) else None


def mdy(m, g, text):
    mo, y = _month(g, m["m"]), int(m["y"])
    return _day_or_yearless("mdy", *_span(m), y, mo, int(m["d"])) if mo and _year_ok(y) else None


def qmy(m, g, text):
    mo = _month(g, m["m"], strict=True)
    part = g.qualifiers.get(norm(m["q"]))
    if mo is None or part is None:
        return None
    if m["y"]:
        y = int(m["y"])
        if not _year_ok(y):
            return None
        return Candidate(m.start(), m.end(), "qmy", "absolute", fixed(iv.month_part(y, mo, part)), year=y)
    which = g.lex.table("month_after").get(norm(m["mod"])) if m["mod"] else ""
    return _yearless_month("qmy", m.start(), m.end() if m["mod"] else _end(m), mo, part, which or "")


def my(m, g, text):
    mo, y = _month(g, m["m"], strict=True), int(m["y"])
    if mo is None or not _year_ok(y):
        return None
    return Candidate(m.start(), m.end(), "my", "absolute", fixed(iv.month(y, mo)), year=y)


def dm(m, g, text):
    mo = _month(g, m["m"], strict=True)
    if mo is None or g.quantity_after.match(text, m.end()):
        return None
    which = g.lex.table("month_after").get(norm(m["mod"])) if m["mod"] else ""
    end = m.end() if m["mod"] else _end(m)
    return _day_or_yearless("dm", m.start(), end, None, mo, int(m["d"]), _weekday(g, m), which or "")


# A capitalised word on the month's line right before it: "the boat Unaizah May 4".
_CAPITAL_BEFORE = re.compile(r"(?<![.!?:;\-–—(\[\n\"“*#|])[ \t](?P<w>[A-Z][a-z][\w'’-]*)[ \t]+$")


def md(m, g, text):
    if g.lex.raw["date_order"] != "MDY":
        return None
    mo = _month(g, m["m"], strict=True)
    if mo is None or g.quantity_after.match(text, m.end()):
        return None
    if norm(m["m"]) in g.ambiguous_months and not m["wd"]:
        # "The chartered boat Unaizah May 4 …": an ambiguous month after a capitalised word
        # that is no weekday, month or sentence start names a thing, not a date.
        before = _CAPITAL_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if before and norm(before["w"]) not in g.weekdays and _month(g, before["w"]) is None:
            return None
    return _day_or_yearless("md", *_span(m), None, mo, int(m["d"]), _weekday(g, m))


def month_after(m, g, text):
    mo = _month(g, m["m"], strict=True)
    which = g.lex.table("month_after").get(norm(m["mod"]))
    return _yearless_month("month_after", m.start(), m.end(), mo, which=which) if mo and which else None


def month_before(m, g, text):
    mo = _month(g, m["m"], strict=True)
    which = g.lex.table("month_before").get(norm(m["mod"]))
    return _yearless_month("month_before", m.start(), m.end(), mo, which=which) if mo and which else None


def month_alone(m, g, text):
    mo = _month(g, m["m"], strict=True)
    if mo is None or not _cap(m["m"]):
        return None
    start = m.start("m")
    for w in g.lex.words("month_words"):  # "(pada) bulan Maret": the month word belongs to the date
        tail = re.search(r"(?<!\w)" + re.escape(w) + r"\s*$", m["cue"], re.I)
        if tail:
            start = m.start("cue") + tail.start()
    return _yearless_month("month_alone", start, m.end(), mo)


def _decade(m, g, y0: int):
    part = g.qualifiers.get(norm(m["q"])) if m["q"] else ""
    out = iv.decade_part(y0, part) if part else iv.decade(y0)
    return Candidate(m.start(), m.end(), "decade", "absolute", fixed(out), year=y0)


def decade4(m, g, text):
    return _decade(m, g, int(m["y"]))


def decade2(m, g, text):
    if not (m["pre"] or m["ap"]):
        return None
    n = int(m["y"])
    y0 = 1900 + n if n >= 30 else 2000 + n  # "the '20s" of a paper of 2025 would be the 2020s
    return _decade(m, g, y0)


def _century(m, g, n: int):
    if not 1 <= n <= 21:
        return None
    part = g.qualifiers.get(norm(m["q"])) if m["q"] else ""
    return Candidate(m.start(), m.end(), "century", "absolute", fixed(iv.century(n, part or "")))


def century_id(m, g, text):
    raw = m["n"]
    if raw.isdigit():
        n = int(raw)
    else:
        if raw != raw.upper() or not re.fullmatch(r"X{0,2}(?:IX|IV|V?I{0,3})", raw):
            return None
        n = 0
        for i, ch in enumerate(raw):
            v = _ROMAN[ch]
            n += -v if i + 1 < len(raw) and _ROMAN[raw[i + 1]] > v else v
    return _century(m, g, n)


def century_en(m, g, text):
    n = int(m["n"]) if m["n"] else g.ordinals.get(norm(m["nw"]))
    return _century(m, g, n) if n else None


def _year_ref(m, g, text, make, rule):
    """Resolve a quarter/half whose year is digits, a relative year or missing."""
    raw = m.groupdict().get("y")
    if raw and raw.isdigit():
        y = _year2(raw)
        if not _year_ok(y):
            return None
        return Candidate(m.start(), m.end(), rule, "absolute", fixed(make(y)), year=y)
    offset = None
    if raw:
        words = norm(raw).split()
        for table in ("unit_after", "unit_before"):
            for w, (anchor, off) in g.lex.table(table).items():
                if anchor == "published" and (" ".join(words[1:]) == w or " ".join(words[:-1]) == w):
                    offset = off

    def resolve(ctx: Context) -> Resolution:
        if offset is None and ctx.year:
            return Resolution(make(ctx.year), f"year from context {ctx.year}")
        if ctx.published is None:
            return unresolved(NO_PUBLICATION)
        return Resolution(make(ctx.published.year + (offset or 0)), f"published {ctx.published.isoformat()}")

    return Candidate(m.start(), m.end(), rule, "relative", resolve)


def _ord(m, g, top: int) -> int | None:
    raw = m.groupdict().get("o") or m.groupdict().get("o2")
    if raw is None:
        return None
    if raw.isdigit():
        n = int(raw)
    elif raw.upper() in ("I", "II", "III", "IV"):
        n = ("I", "II", "III", "IV").index(raw) + 1 if raw == raw.upper() else None  # "i" is a word
    elif norm(raw) in {norm(w) for w in g.lex.words("last_ordinal")}:
        n = top
    else:
        n = g.ordinals.get(norm(raw))
    return n if n and 1 <= n <= top else None


def quarter(m, g, text):
    q = _ord(m, g, 4)
    if q is None:
        return None
    last = m.groupdict().get("o") and norm(m["o"]) in {norm(w) for w in g.lex.words("last_ordinal")}
    if last and not m.groupdict().get("y"):
        return None  # "last quarter" alone is the quarter before publication (unit rule)
    return _year_ref(m, g, text, lambda y: iv.quarter(y, q), "quarter")


def half(m, g, text):
    h = _ord(m, g, 2)
    if h is None and m.groupdict().get("o") and norm(m["o"]) in g.qualifiers:
        h = 1 if g.qualifiers[norm(m["o"])] == "early" else 2
    if h is None:
        return None
    return _year_ref(m, g, text, lambda y: iv.half(y, h), "half")


def count(m, g, text):
    unit = g.units.get(norm(m["u"] or m["u2"]))
    raw = m["n"] or m["se"]
    if unit is None or raw is None:
        return None
    mod = norm(m["mod"]) if m["mod"] else ""
    pre = norm(m["pre"]) if m["pre"] else ""
    rel = g.lex.table("count_after").get(mod)
    if rel is not None and unit in _HOURS and rel[0] != "published":
        # Hours or minutes from a date stay on its day: "beberapa jam kemudian" (the narrative's
        # day), "…, hours after <a happening>" (its sentence's). "Updated 2 hours ago" stays a
        # length beside a dateline.
        if rel[0] == "clause":
            return _hours_clause(m)
        return Candidate(m.start(), m.end(), "count", "anaphoric",
                         lambda ctx: relative(ctx, "day", 0, "previous", spread=False))  # (see anaphoric)
    if rel is None or unit not in _CALENDAR_UNITS:
        ages = {norm(w) for w in g.lex.words("age_cues")}
        is_age = unit == "year" and (any(a in pre.split() or pre.endswith(a) for a in ages) or mod in ages or mod == "old")
        return Candidate(m.start(), m.end(), "count", "duration", fixed(None), event=False,
                         reason="age" if is_age else "duration")
    word = norm(raw)
    if word in {norm(w) for w in g.lex.words("vague_counts")}:
        if unit == "day" and rel[0] in ("previous", "published"):
            # "Beberapa hari kemudian", "a few days later": about four days on, give or take three
            kind = "anaphoric" if rel[0] == "previous" else "relative"
            return Candidate(m.start(), m.end(), "count", kind, _few_days(rel[0], rel[1]))
        return Candidate(m.start(), m.end(), "count", "relative", lambda ctx: unresolved("vague"), event=False,
                         reason="vague")
    if m["se"]:
        n = 1
    elif word in g.numbers:
        n = g.numbers[word]
    else:
        try:
            n = int(float(word.replace(",", ".")))
        except ValueError:
            return None
    if n > 2000:
        return None
    anchor, sign = rel
    today = g.ago_today.match(text, m.end()) if anchor == "published" and sign < 0 and unit in (
        "year", "month", "week") else None
    if today:
        # "A year ago today", "setahun lalu hari ini": that very day, not the year.
        return Candidate(m.start(), today.end(), "count", "relative", _ago_today(unit, sign * n))
    this = g.ago_this.match(text, m.end()) if anchor == "published" and sign < 0 and unit == "year" else None
    if this:
        # "Two years ago this month", "setahun lalu pekan ini": that month (week) of the year, not the year.
        within = str(g.lex.table("ago_this")[norm(this["w"])])
        return Candidate(m.start(), this.end(), "count", "relative", _ago_this(within, sign * n))
    if anchor == "published" and unit in ("year", "month") and _exactly(g, text, m.start()):
        return Candidate(m.start(), m.end(), "count", "relative", _exact_ago(unit, sign * n))
    bounded = unit in _DAYS_OF and rel[0] != "clause" and n * _DAYS_OF[unit] <= 14
    if bounded and _bound(g, m, text, "more_than_cues"):
        # "Just over a week ago", "lebih dari sepekan kemudian": a few days beyond the count.
        kind = "anaphoric" if anchor == "previous" else "relative"
        return Candidate(m.start(), m.end(), "count", kind, _beyond(anchor, sign, n * _DAYS_OF[unit]))
    if bounded and _bound(g, m, text, "less_than_cues"):
        # "Less than a week later", "tak sampai sepekan kemudian": any day up to then, not the days around it.
        kind = "anaphoric" if anchor == "previous" else "relative"
        return Candidate(m.start(), m.end(), "count", kind, _up_to(anchor, sign, n * _DAYS_OF[unit]))
    if anchor == "published" and unit == "week" and sign < 0 and n >= 2:
        # "Dua pekan lalu", "three weeks ago": about that many weeks before publication, not the
        # calendar week that day falls in (a Sunday is the first round of 4 May, two weeks
        # before a Monday's paper, and the calendar week of 5 May missed it); "last week" stays the week.
        return Candidate(m.start(), m.end(), "count", "relative", _weeks_ago(n))
    if anchor == "previous" and unit == "week":
        # "Dua pekan kemudian" from 1 April is about 15 April: the days around it, not the
        # calendar week it falls in (which may hold the next happening and not this one).
        return Candidate(m.start(), m.end(), "count", "anaphoric", _weeks_on(sign * n))
    rule = "count"
    if anchor == "clause":  # counted from its own sentence's date back to the happening it names
        anchor, rule = "previous", "count_clause"
    kind = "anaphoric" if anchor == "previous" else "relative"
    if unit in ("decade", "century"):  # "a decade later" is the year ten years on, not a decade
        n, unit = n * (10 if unit == "decade" else 100), "year"
    return Candidate(m.start(), m.end(), rule, kind, lambda ctx: relative(ctx, unit, sign * n, anchor))


_DAYS_OF = {"day": 1, "week": 7}


def _bound(g, m, text: str, cues_key: str) -> bool:
    """Tell whether a cue of `cues_key` ("less than", "lebih dari") ends right before a count's number."""
    cues = g.lex.words(cues_key)
    end = m.end("pre") if m["pre"] else m.start()
    before = text[max(0, m.start() - 20):end]
    return bool(cues) and bool(_listed(tuple(cues), r"(?<!\w)", r"\s*$").search(before))


def _exactly(g, text: str, start: int) -> bool:
    """Tell whether "exactly"/"tepat" stands right before a count ("almost exactly a year ago")."""
    cues = g.lex.words("exact_cues")
    return bool(cues) and bool(_listed(tuple(cues), r"(?<!\w)", r"\s*$").search(text[max(0, start - 30):start]))


def _ago_today(unit: str, offset: int):
    """ "A year ago today": the day that many units before publication."""

    def resolve(ctx: Context) -> Resolution:
        if ctx.published is None:
            return unresolved(NO_PUBLICATION)
        return Resolution(iv.day(iv.shift(ctx.published, unit, offset)), published_anchor(ctx))

    return resolve


def _ago_this(within: str, years: int):
    """ "Two years ago this month": the month (or week) of publication, that many years before."""

    def resolve(ctx: Context) -> Resolution:
        if ctx.published is None:
            return unresolved(NO_PUBLICATION)
        d = iv.shift(ctx.published, "year", years)
        told = iv.week(d) if within == "week" else iv.month(d.year, d.month)
        return Resolution(told, published_anchor(ctx))

    return resolve


def _exact_ago(unit: str, offset: int):
    """ "(Almost) exactly a year ago": the part of the month that many years (or the week that
    many months) before publication, not the whole year."""

    def resolve(ctx: Context) -> Resolution:
        p = ctx.published
        if p is None:
            return unresolved(NO_PUBLICATION)
        d = iv.shift(p, unit, offset)
        if unit == "month":
            return Resolution(iv.week(d), published_anchor(ctx))
        part = "early" if d.day <= 10 else "mid" if d.day <= 20 else "late"
        return Resolution(iv.month_part(d.year, d.month, part), published_anchor(ctx))

    return resolve


def _days_from(anchor: str, sign: int, days: int, precisions: tuple[str, ...],
               ends: Callable[[iv.Interval], tuple[date, date]]):
    """Resolve a bounded count of days from the day counted from: the days `ends` gives, else the count's day.

    `precisions`: what the day counted from may be; anything coarser counts `days` as a plain count.
    """

    def resolve(ctx: Context) -> Resolution:
        res = relative(ctx, "day", 0, anchor)  # the day counted from
        got = res.interval
        if got is None or got.precision not in precisions:
            return relative(ctx, "day", sign * days, anchor)
        near, far = ends(got)
        return Resolution(iv.days(min(near, far), max(near, far), "week"), res.anchor)

    return resolve


def _up_to(anchor: str, sign: int, days: int):
    """Resolve "less than <days> later/earlier": the days up to the count, not those around it.

    From a few days ("Awal Februari, … kurang dari sepekan kemudian"): any day up to the count
    from any of them.
    """
    def ends(got: iv.Interval) -> tuple[date, date]:
        start, end = (got.start, got.end) if sign > 0 else (got.end, got.start)
        return start + timedelta(days=sign), end + timedelta(days=sign * days)

    return _days_from(anchor, sign, days, ("day", "week", "month_part"), ends)


def _beyond(anchor: str, sign: int, days: int):
    """Resolve "just over <days> ago/later": a few days past the count (half again, at least three)."""
    def ends(got: iv.Interval) -> tuple[date, date]:
        return (got.start + timedelta(days=sign * (days + 1)),
                got.start + timedelta(days=sign * (days + max(3, days // 2))))

    return _days_from(anchor, sign, days, ("day",), ends)


FEW_DAYS = 4  # "a few days": the days around this many, give or take three (one to seven)


def _few_days(anchor: str, sign: int):
    """Resolve "a few days later/earlier/ago" to one to seven days from its anchor.

    From a day, the week of days around FEW_DAYS on; from a week or part of a month
    ("Pertengahan Desember, … Beberapa hari kemudian"), a day to a week beyond it; from
    anything coarser, nothing honest.
    """

    def resolve(ctx: Context) -> Resolution:
        res = relative(ctx, "day", 0, anchor)  # the day (or part) counted from
        got = res.interval
        if got is None or got.precision not in ("day", "week", "month_part"):
            return unresolved("vague")
        if got.precision == "day":
            return Resolution(iv.about(got.start + timedelta(days=sign * FEW_DAYS)), res.anchor)
        near = timedelta(days=FEW_DAYS - 3)
        far = timedelta(days=FEW_DAYS + 3)
        first, last = (got.start + near, got.end + far) if sign > 0 else (got.start - far, got.end - near)
        return Resolution(iv.days(first, last, "month_part"), res.anchor)

    return resolve


def _weeks_on(offset: int):
    """Resolve "<offset> weeks later/earlier" to the days around that many weeks from the narrative's date."""

    def resolve(ctx: Context) -> Resolution:
        res = relative(ctx, "day", 7 * offset, "previous")
        if res.interval is None or res.interval.precision != "day":
            return relative(ctx, "week", offset, "previous")  # counted from a coarse date: as before
        return Resolution(iv.about(res.interval.start), res.anchor)

    return resolve


def _weeks_ago(n: int):
    """Resolve "<n> weeks ago" to the days around that many weeks before publication."""

    def resolve(ctx: Context) -> Resolution:
        if ctx.published is None:
            return unresolved(NO_PUBLICATION)
        return Resolution(iv.about(ctx.published - timedelta(days=7 * n)), published_anchor(ctx))

    return resolve


_HOURS = ("hour", "minute")


def _hours_clause(m) -> Candidate:
    """ "…on Saturday, hours after four European leaders stood in Kyiv": that happening came the same day."""
    return Candidate(m.start(), m.end(), "count_clause", "anaphoric", lambda ctx: relative(ctx, "day", 0, "previous"))


def unit_clause(m, g, text):
    """ "hours after", "jam setelah" with no count: the same day as its sentence's date (see count_clause)."""
    unit = g.units.get(norm(m["u"]))
    rel = g.lex.table("count_after").get(norm(m["mod"]))
    if unit not in _HOURS or rel is None or rel[0] != "clause":
        return None
    return _hours_clause(m)


def _unit_mod(m, g, text, table: str):
    unit = g.units.get(norm(m["u"]))
    rel = g.lex.table(table).get(norm(m["mod"]))
    if unit not in _CALENDAR_UNITS or rel is None:
        return None
    if norm(m["u"]) in {norm(w) for w in g.lex.words("vague_units")}:  # "the coming days": no one date
        return Candidate(m.start(), m.end(), table, "relative", lambda ctx: unresolved("vague"), event=False,
                         reason="vague")
    part = g.qualifiers.get(norm(m["q"])) if m["q"] else ""
    anchor, offset = rel
    kind = "anaphoric" if anchor == "previous" else "relative"
    return Candidate(m.start(), m.end(), table, kind, lambda ctx: relative(ctx, unit, offset, anchor, part or ""))


def unit_after(m, g, text):
    return _unit_mod(m, g, text, "unit_after")


def unit_before(m, g, text):
    return _unit_mod(m, g, text, "unit_before")


def deictic(m, g, text):
    unit, offset = g.lex.table("deictic")[norm(m["w"])]
    idioms = g.lex.words("deictic_idioms")
    if idioms:
        idiom = _listed(tuple(idioms), r"(?<!\w)", r"(?!\w)")
        for im in idiom.finditer(text[max(0, m.start() - 25):m.end() + 25]):
            lo = max(0, m.start() - 25) + im.start()
            if lo <= m.start() and m.end() <= lo + len(im.group()):
                return None  # "did not happen overnight": an idiom, no date
    if m["py"]:  # "kemarin (29/12/2014)": the date in brackets says which day
        dm = _order(g, int(m["pa"]), int(m["pb"]))
        y = _year2(m["py"])
        if dm is not None and _year_ok(y) and _valid_day(y, dm[1], dm[0]):
            return Candidate(m.start(), m.end(), "deictic", "relative", fixed(iv.day(date(y, dm[1], dm[0]))), year=y)
    return Candidate(m.start(), m.end(), "deictic", "relative", lambda ctx: relative(ctx, unit, offset, "published"))


def time_ref(m, g, text):
    """ "saat ini", "sekarang", "belakangan ini", "recently": a vague time, listed but dating no event.

    The present is the publication day; a vague past or future has no interval
    (TimeML's PRESENT_REF, PAST_REF, FUTURE_REF).
    """
    ref = g.lex.table("time_refs")[norm(m["w"])]
    if ref != "present":
        return Candidate(m.start(), m.end(), "time_ref", "vague", fixed(None), event=False, reason=f"vague {ref}")

    def resolve(ctx: Context) -> Resolution:
        if ctx.published is None:
            return unresolved(NO_PUBLICATION)
        return Resolution(iv.day(ctx.published), f"published {ctx.published.isoformat()}")

    return Candidate(m.start(), m.end(), "time_ref", "relative", resolve, event=False, reason="the present (vague)")


def set_(m, g, text):
    """ "setiap hari", "tiap 5 menit", "every Monday": a recurring time (TimeML SET), dating no event."""
    if m["u"] and g.units.get(norm(m["u"])) is None:
        return None
    return Candidate(m.start(), m.end(), "set", "set", fixed(None), event=False, reason="recurring (set)")


def month_bare(m, g, text):
    """ "pengiriman Januari", "target Desember": a month named alone, found but dating no event.

    Without a cue ("pada", "sejak") a bare month is often an attribute (a futures
    contract's delivery month); it is listed with its interval, not used as an event
    date. A capitalised word right after it makes it part of a name ("Juni Rahayu").
    """
    token = m["m"]
    mo = _month(g, token, strict=True)
    if mo is None or not _cap(token) or token.isupper():
        return None
    if _CAPITAL_NEXT.match(text[m.end():m.end() + 2]):
        return None
    upcoming = g.upcoming_month.search(text, max(0, m.start() - 30), m.start()) or g.upcoming_after.match(text, m.end())
    which = "upcoming" if upcoming else ""
    c = _yearless_month("month_bare", m.start(), m.end(), mo, which=which)
    line_start = text.rfind("\n", 0, m.start()) + 1
    if _ENTRY_HEAD.fullmatch(text, line_start, m.start()) and _ENTRY_SEP.match(text, m.end()):
        return c  # "- **February** — Pashinyan says …": a timeline entry's month under its year's heading
    return Candidate(c.start, c.end, c.rule, c.kind, c.resolve, event=False, reason=MONTH_WITHOUT_CUE)


_ENTRY_HEAD = re.compile(r"[ \t]*(?:[-•*·][ \t]*)?(?:\*\*|__)?[ \t]*")  # a line's or list entry's start
_ENTRY_SEP = re.compile(r"[ \t]*(?:\*\*|__)?[ \t]*[—–:-][ \t]")  # between an entry's date and its text


def anaphoric(m, g, text):
    unit, offset = g.lex.table("anaphoric")[norm(m["w"])]
    # "the same day" as a few days is any of them ("hours later" counts on from the first, as before)
    spread = not any(g.units.get(w) in _HOURS for w in norm(m["w"]).split())
    return Candidate(m.start(), m.end(), "anaphoric", "anaphoric",
                     lambda ctx: relative(ctx, unit, offset, "previous", spread=spread))


def since_then(m, g, text):
    """"sejak itu", "since then": an open range from the narrative's previous date, with its interval."""

    def resolve(ctx: Context) -> Resolution:
        if not ctx.previous:
            return unresolved("no earlier date")
        last = ctx.previous[-1]
        return Resolution(last, f"previous date {last.end.isoformat()}")

    return Candidate(m.start(), m.end(), "since_then", "open_range", resolve, label_prefix="since ")


def year_past(m, g, text):
    y = int(m["y"])
    return Candidate(m.start(), m.end(), "year_past", "absolute", fixed(iv.year(y)), year=y) if _year_ok(y) else None


def qy(m, g, text):
    y, part = int(m["y"]), g.qualifiers.get(norm(m["q"]))
    if not _year_ok(y) or part is None:
        return None
    return Candidate(m.start(), m.end(), "qy", "absolute", fixed(iv.year_part(y, part)), year=y)


def year_word(m, g, text):
    y = int(m["y"])
    if not _year_ok(y) or g.quantity_after.match(text, m.end()):
        return None
    number = _listed(tuple(g.lex.words("number_before")), r"(?<!\w)(?:", r")\s*\d+\s*$")
    if number.search(text[max(0, m.start() - 25):m.start()]):
        # "Undang-Undang Nomor 11 Tahun 2008": the year is part of a document's number
        return Candidate(m.start(), m.end(), "year_word", "absolute", fixed(None), event=False, reason="document number")
    return Candidate(m.start(), m.end(), "year_word", "absolute", fixed(iv.year(y)), year=y)


def weekday(m, g, text):
    token = m["wd"]
    word = norm(token)
    wd = g.weekdays.get(word)
    if wd is None:
        return None
    if word in g.ambiguous_weekdays:
        if g.lex.raw["date_order"] == "MDY" or not _cap(token):
            return None  # "Fri" alone, "minggu" (week): not a weekday
        before = text[max(0, m.start() - 20):m.start()]
        after = text[m.end():m.end() + 2]
        # "…di Kuala Lumpur, Minggu." ends a wire report's first sentence: the day, not "week".
        closing = before.endswith(", ") and (after[:1] in (".", ";") or not after.strip())
        cued = m.start("wd") > m.start() or m["tod"] or after[:1] in ("(", ",") or closing or _listed(
            tuple(g.lex.words("weekday_cues")), r"(?<!\w)", r"\s*$").search(before)
        if not cued:
            return None
    if not m["pre"] and g.indefinite_before.search(text, max(0, m.start() - 15), m.start()) and not (
            g.attributive_after.match(text, m.end())):
        # "on a Monday in early December", "pada suatu Senin": some Monday, not the last one
        return Candidate(m.start(), m.end(), "weekday", "relative", fixed(None), event=False,
                         reason="indefinite weekday")
    direction = ""
    for key, table in (("pre", "weekday_before"), ("mod", "weekday_after")):
        if m[key]:
            direction = {"past": "past!", "next": "next!", "near": "near", "same": "same",
                         "following": "following", "narrative": "narrative"}[
                g.lex.table(table)[norm(m[key])]]
    week_offset = None
    if m["wk"]:
        rel = g.lex.table("unit_after").get(norm(m["wkmod"]))
        if rel is None or rel[0] != "published":
            return None
        week_offset = rel[1]

    # "Mulino's office said the president would address questions at his press conference
    # Thursday": a weekday after a cue of reported intent is still to come (not a month: "said it
    # would stop paying in April, and in May it defaulted" tells a past year's months)
    # (not past a past-tense verb after it: "would withhold judgment from Lieberman, who made his
    # comments Sunday")
    window = text[max(0, m.start() - _AHEAD_REACH):m.start()]
    cue = None if direction else g.weekday_ahead.search(window)
    ahead = cue is not None and not g.past.search(window, cue.end(1))

    def resolve(ctx: Context) -> Resolution:
        p = ctx.published
        if p is None:
            return unresolved(NO_PUBLICATION)
        if ahead:
            # the first such day from the story's latest day of the last week ("said on Friday
            # that it would go dark on Sunday"), else from the report's (its own day included:
            # "agreed on Monday that the truce would take effect at midnight on Monday")
            base = next((i.start for i in reversed(ctx.previous) if i.precision == "day" and i.start == i.end
                         and timedelta(0) <= p - i.start <= _WEEK), p)
            d = weekday_date(base, wd, "next")
            said = "previous date" if base != p else "published"
            return Resolution(iv.day(d), f"{said} {base.isoformat()}")
        named = None
        if direction == "same":
            # "The same Sunday afternoon, ASEAN admitted Timor-Leste": the Sunday the narrative
            # has just dated, however far back; without one, the last Sunday.
            # (unless the narrative's latest date is a span: "Today it trades stronger … in early June
            # last year … The shock came the next day. On that Monday" is not today, a Monday)
            last = ctx.previous[-1] if ctx.previous else None
            spanned = last is not None and (last.end - last.start).days >= 6
            named = None if spanned else next((i.start for i in reversed(ctx.previous) if i.precision == "day"
                                               and i.start == i.end and i.start.weekday() == wd), None)
            if spanned:
                # "…broke openly in January 2024, when Duterte used a prayer rally … That same
                # Sunday, Marcos …": a Sunday of the month the narrative told, not the last one.
                return Resolution(last, f"previous date {last.end.isoformat()}")
        if direction == "following":
            # "…authorised it late on Friday, Dec. 11, and a nurse received the first dose
            # the following Monday": the first Monday after the day the narrative has dated.
            after = next((i.start for i in reversed(ctx.previous) if i.precision == "day" and i.start == i.end), None)
            last = ctx.previous[-1] if ctx.previous else None
            if last is not None and 0 < (last.end - last.start).days < _FOLLOWING_SPAN and (
                    after is None or after < last.start):
                # "At the end of July 2024 the BOJ lifted its rate. The following Monday the
                # Nikkei …": a Monday after one of the days the narrative has just told, from
                # the first after its first day to the first after its last.
                first = weekday_date(last.start, wd, "next!")
                d = weekday_date(last.end, wd, "next!")
                return Resolution(iv.days(first, d, "week") if first != d else iv.day(d),
                                  f"previous date {last.end.isoformat()}")
            if after is not None:
                d = weekday_date(after, wd, "next!")
                return Resolution(iv.day(d), f"previous date {after.isoformat()}")
            if last is not None and not ctx.future:
                # "Then, last month, the border exploded. … The following Monday, the two leaders
                # sat across a table": a Monday of the month the story has reached, not one to come.
                return Resolution(last, f"previous date {last.end.isoformat()}")
        if direction == "narrative":
            # "In the small hours before the opening ceremony in late July, saboteurs set fires …
            # By the Monday, SNCF had the network running": with its article, the Monday the story
            # reached, the first one on or after the paragraph's date, unless that lies ahead.
            last = ctx.previous[-1] if ctx.previous else None
            if last is not None and ctx.in_paragraph and not (ctx.in_sentence and last.precision == "week"):
                d = weekday_date(last.start - timedelta(days=1), wd, "next!")
                if d <= p or ctx.future:
                    return Resolution(iv.day(d), f"previous date {last.start.isoformat()}")
        if week_offset is None and direction in ("", "narrative"):
            # "pertemuan Kamis" after "Kamis (27/11/2014)": a bare weekday is the day of that
            # name the article already dated this week (Indonesian reports often give the
            # coming day no future marker), unless a future cue points past a reported day.
            named = next((i.start for i in reversed(ctx.previous) if i.precision == "day"
                          and i.start == i.end and i.start.weekday() == wd and abs((i.start - p).days) <= 6), None)
            last = ctx.previous[-1] if ctx.previous else None
            if named is None and last is not None and last.precision == "day" and last.start == last.end and (
                    last.start.weekday() == wd and (0 <= (p - last.start).days <= 13 or ctx.in_paragraph)):
                # "Sabtu (31/5)" heading a week's review of 8 June, then "… pada Sabtu malam":
                # the day just dated, though it is more than six days back; in its paragraph,
                # however far back ("… disahkan Kamis (5/12/2024) dini hari WIB. Barnier
                # mundur pada Kamis siang waktu Paris").
                named = last.start
            if named is None and last is not None and ctx.in_sentence and last.precision == "week" and (
                    (last.end - last.start).days <= 7):
                # "The following week brought the strangest day of the saga: on the Tuesday, Trump
                # threatened …": that week's Tuesday, not the last one before publication.
                that = last.start + timedelta(days=(wd - last.start.weekday()) % 7)
                named = that if that <= last.end else None
            if named is None and ctx.item_day is not None and ctx.item_day.weekday() == wd:
                # "1. Jumat (19/7/2024): …" above "… check-in manual sejak Jumat siang": the day of
                # the kronologi item it stands under, weeks before publication
                named = ctx.item_day
            if named is not None and ctx.future and named < p:
                named = None  # "akan ... pada hari Senin": the coming Monday, not the one reported
        if named is not None:
            return Resolution(iv.day(named), f"same day as {named.isoformat()}")
        if week_offset is not None:
            d = weekday_date(iv.shift(p, "week", week_offset), wd, "near")
        else:
            # no such day told: "the same Sunday" is the last, "the following Sunday" the next
            d = weekday_date(p, wd, _UNTOLD.get(direction, direction) or ("next" if ctx.future else "past"))
            if not direction and not ctx.future and (wd - p.weekday()) % 7 == 1 and _zoned(text, g, m):
                # The day after publication's weekday in a sentence that names a clock's zone
                # ("Wednesday … 2:30 pm Eastern time" in a Washington live blog of Tuesday,
                # "the early hours of Friday local time"): where the news happened it already
                # was that day; read back it would be six days ago.
                d = p + timedelta(days=1)
        return Resolution(iv.day(d), f"published {p.isoformat()}")

    return Candidate(m.start(), m.end(), "weekday", "relative", resolve)


_AHEAD_REACH = 150  # characters before a weekday searched for a cue of reported intent
_WEEK = timedelta(days=7)



# a weekday's direction when the narrative dated none ("by the Monday" alone: as a bare weekday)
_UNTOLD = {"same": "past", "following": "next!", "narrative": ""}
_FOLLOWING_SPAN = 11  # days: a week or part of a month told last is what "the following Monday" follows
_ZONE_REACH = 120  # characters either side of a weekday searched for a clock's zone ("Seoul time")


def _zoned(text: str, g: Grammar, m: re.Match) -> bool:
    """Tell whether the line of a weekday names a clock's zone near it ("2:30 pm Eastern time")."""
    line_start, line_end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
    return bool(g.zone.search(text, max(line_start, m.start() - _ZONE_REACH),
                              min(line_end if line_end >= 0 else len(text), m.end() + _ZONE_REACH)))


@lru_cache(maxsize=None)
def _listed(words: tuple[str, ...], before: str, after: str) -> re.Pattern:
    """Compile `before` + any of `words` + `after`, case-insensitive, once per word list.

    Handlers run on every match of their rule; laying out and compiling the word
    list's alternation each time cost more than all the rest of the handler.
    """
    return re.compile(before + alternation(words) + after, re.I)


def clock(m, g, text):
    if not (m["cue"] or m["ampm"] or m["tz"] or ":" in m.group()):
        return None
    return Candidate(m.start(), m.end(), "clock", "clock", fixed(None), event=False, reason="clock time only")


def clock_word(m, g, text):
    return Candidate(m.start(), m.end(), "clock", "clock", fixed(None), event=False, reason="clock time only")


_HEADING_MARK = re.compile(r"[ \t]*#{1,6}[ \t]+")
_ONGOING = re.compile(r"\s*[–—-]\s*(?:present|now|today|sekarang|kini)\s*\)", re.I)


_SPACES = re.compile(r"[ \t]*")


def bare_year(m, g, text):
    y = int(m["y"])
    before = text[max(0, m.start() - 25):m.start()]
    # "## 2025" is a Markdown heading naming a year, not number 2025 ("#2025").
    if not _year_ok(y) or g.quantity_after.match(text, m.end()) or g.before_number.search(before) and not (
            _HEADING_MARK.fullmatch(text, text.rfind("\n", 0, m.start()) + 1, m.start())):
        return None
    if y < 1900 and not g.year_cue.search(before):
        return None  # "1500" alone is more often a number than a year
    if _NUMBER_END.search(before):
        return None  # part of a longer number: "1 2024"
    if g.zone.match(text, _SPACES.match(text, m.end()).end()):
        return None  # a clock in 24-hour digits: "2:50 p.m. EST (1950 GMT)", "Data cut-off: 1700 ET"
    if before.endswith("(") and _ONGOING.match(text, m.end()):
        # "Peace negotiations in the Russo-Ukrainian war (2022–present)": the period a title
        # names, not a happening of that year.
        return Candidate(m.start(), m.end(), "bare_year", "absolute", fixed(iv.year(y)), year=y, event=False,
                         reason="a period named in parentheses")
    return Candidate(m.start(), m.end(), "bare_year", "absolute", fixed(iv.year(y)), year=y)


def join(a: Candidate, b: Candidate, start: int, end: int) -> Candidate:
    """Return the range from candidate `a` to `b`; `a` borrows `b`'s year when it has none."""

    def resolve(ctx: Context) -> Resolution:
        rb = b.resolve(ctx)
        if rb.interval is None:
            return rb
        year = b.year or (rb.interval.start.year if a.year is None else None)
        ra = a.resolve(Context(ctx.published, ctx.previous, year or ctx.year, ctx.future))
        if ra.interval is None:
            return ra
        if ra.interval.start > rb.interval.end:
            return unresolved("range ends before it starts")
        return Resolution(iv.span(ra.interval, rb.interval), rb.anchor or ra.anchor)

    return Candidate(start, end, a.rule, "range", resolve, year=b.year or a.year)


HANDLERS: dict[str, Callable] = {
    "iso": iso, "wd_paren": wd_paren, "numeric": numeric, "day_range_dm": day_range_dm,
    "day_range_md": day_range_md, "month_range": month_range, "year_range": year_range, "dmy": dmy,
    "mdy": mdy, "qmy": qmy, "my": my, "dm": dm, "md": md, "month_after": month_after,
    "month_before": month_before, "month_alone": month_alone, "decade4": decade4, "decade2": decade2,
    "century_id": century_id, "century_en": century_en, "quarter_id": quarter, "quarter_en": quarter,
    "quarter_q": quarter, "half_id": half, "half_en": half, "half_h": half, "count": count,
    "unit_after": unit_after, "unit_clause": unit_clause, "unit_before": unit_before, "deictic": deictic, "anaphoric": anaphoric, "since_then": since_then,
    "year_past": year_past, "qy": qy, "year_word": year_word, "weekday": weekday, "clock": clock,
    "holiday": holiday,
    "clock_word": clock_word, "bare_year": bare_year, "season": season, "month_year_ref": month_year_ref,
    "month_years_ago": month_years_ago,
    "weekend": weekend, "qual_unit": qual_unit, "season_ref": season_ref, "fiscal": fiscal, "wd_range_paren": wd_range_paren, "week_of_month": week_of_month, "weekday_of_month": weekday_of_month,
    "day_of_month": day_of_month,
    "time_ref": time_ref, "set": set_, "month_bare": month_bare,
    "season_before": season_before, "season_after": season_after,
}
