"""The year of a yearless wire story, settled by the other articles of a batch.

A wire dateline names no year ("YEREVAN, Nov 10 (Reuters) -"); when the story names
none either, `dates.layout` takes the latest of the last few years whose dateline day
fits the lead's weekday, and says it guessed. A story of 2020 read in 2026 is then six
years off, with every date it gives. In a batch, the other articles know better: of
the years whose dateline day falls on the same weekday (so the lead's "on Tuesday"
still fits), the right one is where the story's days are days the others report of
the same actors. No library does this; it is a vote over the batch's own rows.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from .model import Event

YEAR_GUESSED = "publication year taken to be"  # how ingest's problem of a guessed year starts
LOOKBACK_YEARS = 40  # how far before the guess a candidate year may be
MIN_SHARED_DAYS = 2  # days a year must share with the others to replace the guess


@dataclass(frozen=True)
class Guess:
    """An article whose publication year was guessed, and how to extract it on another day."""

    source: str  # Event.source of its rows
    extract: Callable[[date], list[Event]]  # its rows as if published on that day
    label: str = ""  # how notes name it (its path)


def candidates(published: date, today: date | None = None) -> list[date]:
    """Return the dateline's day in each year up to `LOOKBACK_YEARS` back with the same weekday, latest first.

    >>> [d.isoformat() for d in candidates(date(2026, 11, 10), today=date(2026, 12, 4))][:3]
    ['2026-11-10', '2020-11-10', '2015-11-10']
    """
    today = today or date.today()
    out = []
    for year in range(today.year, published.year - LOOKBACK_YEARS - 1, -1):
        try:
            day = published.replace(year=year)
        except ValueError:  # 29 February of a common year
            continue
        if day <= today and day.weekday() == published.weekday():
            out.append(day)
    return out


def _days(rows: Iterable[Event]) -> dict[date, set[str]]:
    """Return each day a row of day precision gives, with the actors of its rows there."""
    out: dict[date, set[str]] = {}
    for e in rows:
        if e.precision == "day":
            out.setdefault(e.date, set()).update(e.actors)
    return out


def shared_days(rows: list[Event], others: dict[date, set[str]]) -> int:
    """Count the days of `rows` that the other articles report too, of a common actor when both name one."""
    return sum(
        1 for day, actors in _days(rows).items()
        if day in others and (not actors or not others[day] or actors & others[day])
    )


def settle(found: list[Event], guesses: list[Guess]) -> tuple[list[Event], dict[str, date]]:
    """Return the batch's rows, each guessed article re-dated to its best-fitting year, and the days chosen.

    An article keeps its guess unless another year shares at least MIN_SHARED_DAYS days
    with the other articles and more than the guess does; among equals the later year.
    Its rows keep their place in the batch.
    """
    guessed = {g.source for g in guesses}
    own: dict[str, list[Event]] = {s: [] for s in guessed}
    for e in found:
        if e.source in guessed:
            own[e.source].append(e)
    others = _days(e for e in found if e.source not in guessed)  # the guesses vote on the others only
    chosen: dict[str, date] = {}
    redated: dict[str, list[Event] | None] = {}
    for g in guesses:
        rows = own.get(g.source) or []
        if not rows or rows[0].published is None or not others:
            continue
        guess = rows[0].published
        best, best_rows, best_score = guess, rows, shared_days(rows, others)
        for day in candidates(guess):
            if day == guess:
                continue
            tried = g.extract(day)
            score = shared_days(tried, others)
            if score >= MIN_SHARED_DAYS and score > best_score:
                best, best_rows, best_score = day, tried, score
        if best != guess:
            chosen[g.source], redated[g.source] = best, best_rows
    if not redated:
        return found, chosen
    out: list[Event] = []
    for e in found:
        if e.source not in redated:
            out.append(e)
        elif redated[e.source] is not None:  # the article's new rows where its first row stood
            out.extend(redated[e.source])
            redated[e.source] = None
    return out, chosen


def settled_note(note: str, chosen: dict[str, date]) -> str:
    """Return `note` ("NAME: problem"), a guessed year's problem naming the year `chosen` settled for NAME."""
    name, _, problem = note.partition(": ")
    day = chosen.get(name)
    if day is None or not problem.startswith(YEAR_GUESSED):
        return note
    return (f"{name}: {YEAR_GUESSED} {day.year}: of the years in which the dateline's day falls on the same "
            "weekday, the one whose days the batch's other articles report; give the date with "
            "--published YYYY-MM-DD or front matter")


def kept_note(note: str, published: dict[str, str]) -> str:
    """Return `note` as `settled_note` gives it when NAME's kept rows carry a year other than its guess.

    `published`: each article's publication date (ISO) as a kept merge's mention table has it.
    """
    name, _, problem = note.partition(": ")
    day = published.get(name, "")
    if len(day) < 10 or not problem.startswith(YEAR_GUESSED):
        return note
    if problem.startswith(f"{YEAR_GUESSED} {day[:4]}:"):  # its guess stood
        return note
    return settled_note(note, {name: date.fromisoformat(day[:10])})
