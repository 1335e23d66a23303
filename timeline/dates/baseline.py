"""The tuned dateparser baseline: `search_dates` sentence by sentence.

This is the anchor the project's own temporal layer is measured against (see
`python -m timeline eval`): languages given, day-month-year for Indonesian, the
publication date as relative base, dates preferred from the past.
"""
from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser
from dateparser.search import search_dates

from ..model import TimeExpression



def settings(published: date | None, language: str) -> dict:
    """Return the dateparser settings a careful user would pass."""
    s = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if language == "id":
        s["DATE_ORDER"] = "DMY"
    if published:
        s["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    return s


def search(text: str, published: date | None, language: str) -> list[TimeExpression]:
    """Return what `search_dates` finds in `text` (one sentence), with spans."""
    try:
        found = search_dates(text, languages=[language], settings=settings(published, language)) or []
    except Exception:  # dateparser raises on some odd inputs; the baseline just misses
        return []
    out, cursor = [], 0
    for phrase, when in found:
        start = text.find(phrase, cursor)
        if start < 0:
            start = text.find(phrase)
        if start < 0:
            continue
        cursor = start + len(phrase)
        first, last, precision = _interval(phrase, when.date(), published, language)
        out.append(
            TimeExpression(
                text=phrase,
                start=start,
                end=start + len(phrase),
                date=first,
                date_end=last,
                precision=precision,
                label=first.strftime("%-d %b %Y") if precision == "day" else phrase,
                kind="absolute",
            )
        )
    return out


@lru_cache(maxsize=8)
def _parser(published: date | None, language: str) -> DateDataParser:
    return DateDataParser(languages=[language], settings=settings(published, language))


def _interval(phrase: str, day: date, published: date | None, language: str) -> tuple[date, date, str]:
    """Widen `day` to the period dateparser reports for `phrase` (month, year, week).

    A careful user of dateparser reads `get_date_data(...).period` rather than taking
    "Januari 2024" as 2024-01-08; this is what keeps the baseline honest.
    """
    try:
        period = _parser(published, language).get_date_data(phrase).period or "day"
    except Exception:
        period = "day"
    if period == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1]), "month"
    if period == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31), "year"
    if period == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6), "week"
    return day, day, "day"
