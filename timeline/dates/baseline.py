"""The tuned dateparser baseline: `search_dates` sentence by sentence.

This is the anchor the project's own temporal layer is measured against (see
`python -m timeline eval`): languages given, day-month-year for Indonesian, the
publication date as relative base, dates preferred from the past.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from dateparser.search import search_dates

from ..model import TimeExpression

_DAY = re.compile(r"\b\d{1,2}\b.*\b(\d{4}|\d{1,2})\b|\d{1,2}/\d{1,2}|\b\d{4}-\d{2}-\d{2}\b")
_YEAR_ONLY = re.compile(r"^\D*\d{4}\D*$")


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
        day = when.date()
        out.append(
            TimeExpression(
                text=phrase,
                start=start,
                end=start + len(phrase),
                date=day,
                date_end=day,
                precision="day",
                label=day.strftime("%-d %b %Y"),
                kind="absolute",
            )
        )
    return out
