"""Calendar intervals with a precision and a label, and the arithmetic on them.

Hand-written because dateparser returns instants, not intervals: it has no notion
of "late 2023" or "the 1990s". Part conventions (README "Dates"): early/mid/late
are thirds of the unit — a year: Jan–Apr, May–Aug, Sep–Dec; a month: days 1–10,
11–20, 21–end; a decade: years 0–3, 4–6, 7–9; a century: years 0–33, 34–66, 67–99.
A week runs Monday to Sunday.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ..model import PRECISIONS

MONTH_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PARTS = ("early", "mid", "late")
_YEAR_PART_MONTHS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_MONTH_PART_DAYS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_DECADE_PART_YEARS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_CENTURY_PART_YEARS = {"early": (0, 33), "mid": (34, 66), "late": (67, 99)}
MIN_YEAR, MAX_YEAR = 1, 9998  # keep arithmetic inside what datetime.date holds


@dataclass(frozen=True)
class Interval:
    """An inclusive interval of days, its precision and how a person writes it."""

    start: date
    end: date
    precision: str
    label: str


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def day(d: date) -> Interval:
    """Return the interval of one day: "24 Feb 2022"."""
    return Interval(d, d, "day", f"{d.day} {MONTH_ABBR[d.month]} {d.year}")


def week(d: date) -> Interval:
    """Return the Monday–Sunday week holding `d`: "week of 8 Sep 2025"."""
    monday = d - timedelta(days=d.weekday())
    return Interval(monday, monday + timedelta(days=6), "week", f"week of {day(monday).label}")


def about(d: date, days: int = 3) -> Interval:
    """Return the week centred on `d` ("two weeks later" is about then, not a calendar week): "around 15 Apr 2024"."""
    return Interval(d - timedelta(days=days), d + timedelta(days=days), "week", f"around {day(d).label}")


def days(first: date, last: date, precision: str) -> Interval:
    """Return the days from `first` to `last`, told as coarse as `precision`: "7 Jan 2025 – 13 Jan 2025"."""
    return Interval(first, last, precision, f"{day(first).label} – {day(last).label}")


def weekend(d: date) -> Interval:
    """Return the Saturday–Sunday of the week holding `d`."""
    saturday = d - timedelta(days=d.weekday()) + timedelta(days=5)
    return Interval(saturday, saturday + timedelta(days=1), "week", f"weekend of {day(saturday).label}")


def week_of_month(y: int, m: int, n: int) -> Interval:
    """Return the n-th week of a month (days 1–7, 8–14, 15–21, 22–28); n=5 is its last seven days."""
    last = _last_day(y, m)
    first = last - 6 if n == 5 else 7 * (n - 1) + 1
    name = "last" if n == 5 else ordinal(n)
    return Interval(date(y, m, first), date(y, m, first + 6), "week", f"{name} week of {MONTH_ABBR[m]} {y}")


def month(y: int, m: int) -> Interval:
    """Return a calendar month: "Sep 2025"."""
    return Interval(date(y, m, 1), date(y, m, _last_day(y, m)), "month", f"{MONTH_ABBR[m]} {y}")


def month_part(y: int, m: int, part: str) -> Interval:
    """Return the early/mid/late third of a month: "early Mar 2024"."""
    first, last = _MONTH_PART_DAYS[part]
    return Interval(
        date(y, m, first), date(y, m, min(last, _last_day(y, m))), "month_part", f"{part} {MONTH_ABBR[m]} {y}"
    )


def quarter(y: int, q: int) -> Interval:
    """Return a calendar quarter: "Q3 2024"."""
    m = 3 * (q - 1) + 1
    return Interval(date(y, m, 1), date(y, m + 2, _last_day(y, m + 2)), "quarter", f"Q{q} {y}")


def half(y: int, h: int) -> Interval:
    """Return the first or second half of a year: "H1 2024"."""
    m = 1 if h == 1 else 7
    return Interval(date(y, m, 1), date(y, m + 5, _last_day(y, m + 5)), "year_part", f"H{h} {y}")


# Seasons are the northern hemisphere's meteorological ones (README "Dates"): spring
# Mar–May, summer Jun–Aug, autumn Sep–Nov, winter Dec–Feb; "winter 2024" is the
# winter that begins in December 2024; early/mid/late are its first/second/third month.
SEASON_START = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def season(y: int, name: str, part: str = "") -> Interval:
    """Return a season of year `y` (winter runs into y+1), or its early/mid/late month."""
    first = date(y, SEASON_START[name], 1)
    if part:
        first = first + relativedelta(months=PARTS.index(part))
        last = first + relativedelta(months=1, days=-1)
        return Interval(first, last, "month", f"{part} {name} {y}")
    last = first + relativedelta(months=3, days=-1)
    label = f"{name} {y}/{str(y + 1)[2:]}" if name == "winter" else f"{name} {y}"
    return Interval(first, last, "quarter", label)


def year(y: int) -> Interval:
    """Return a calendar year: "2022"."""
    return Interval(date(y, 1, 1), date(y, 12, 31), "year", str(y))


def year_part(y: int, part: str) -> Interval:
    """Return the early/mid/late third of a year: "late 2023"."""
    first, last = _YEAR_PART_MONTHS[part]
    return Interval(date(y, first, 1), date(y, last, _last_day(y, last)), "year_part", f"{part} {y}")


def decade(y0: int) -> Interval:
    """Return the decade starting at `y0` (a multiple of ten): "1990s"."""
    return Interval(date(y0, 1, 1), date(y0 + 9, 12, 31), "decade", f"{y0}s")


def decade_part(y0: int, part: str) -> Interval:
    """Return the early/mid/late part of a decade: "early 2000s"."""
    first, last = _DECADE_PART_YEARS[part]
    return Interval(date(y0 + first, 1, 1), date(y0 + last, 12, 31), "decade_part", f"{part} {y0}s")


def ordinal(n: int) -> str:
    """Return 21 as "21st"."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def century(n: int, part: str = "") -> Interval:
    """Return the n-th century as its hundred years (the 20th is 1900–1999), or a third of it."""
    y0 = (n - 1) * 100
    first, last = _CENTURY_PART_YEARS[part] if part else (0, 99)
    label = f"{part + ' ' if part else ''}{ordinal(n)} century"
    return Interval(date(max(y0 + first, MIN_YEAR), 1, 1), date(y0 + last, 12, 31), "century", label)


def part_of(iv: Interval, part: str) -> Interval:
    """Return the early/mid/late part of a month, year, decade or century interval."""
    y, m = iv.start.year, iv.start.month
    if iv.precision == "month":
        return month_part(y, m, part)
    if iv.precision == "year":
        return year_part(y, part)
    if iv.precision == "decade":
        return decade_part(y, part)
    if iv.precision == "century":
        return century(y // 100 + 1, part)
    return iv


def unit_of(unit: str, d: date) -> Interval:
    """Return the interval of `unit` (day, week, month, ...) that holds `d`."""
    if unit == "day":
        return day(d)
    if unit == "week":
        return week(d)
    if unit == "weekend":
        return weekend(d)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "year":
        return year(d.year)
    if unit == "decade":
        return decade(d.year - d.year % 10)
    if unit == "century":
        return century(d.year // 100 + 1)
    raise ValueError(f"not a calendar unit: {unit!r}")


def shift(d: date, unit: str, n: int) -> date:
    """Return `d` moved by `n` units; raises OverflowError/ValueError outside the calendar."""
    if unit in ("day",):
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit]
    out = d + relativedelta(months=months * n)
    if not MIN_YEAR <= out.year <= MAX_YEAR:
        raise OverflowError("date out of range")
    return out


def coarser(a: str, b: str) -> str:
    """Return the coarser of two precisions."""
    return a if PRECISIONS.index(a) >= PRECISIONS.index(b) else b


def span(a: Interval, b: Interval) -> Interval:
    """Return the range from the start of `a` to the end of `b`: "May 2021 – Jun 2022"."""
    return Interval(a.start, b.end, coarser(a.precision, b.precision), f"{a.label} – {b.label}")
