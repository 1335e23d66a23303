"""Read gold event files and score event tables against them.

The rules are those of the shared scorer (`../shared/eval/score.py`), which is not
part of the repository: a gold event is found when a row of the same article holds
the gold anchor in its sentence or evidence and carries one of the accepted
intervals (strict: the first one); a row is a true positive when it holds some
gold anchor with an interval accepted for it and no `not_events` text.
"""
from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import InputError

# The kinds of happening a gold event is typed with (shared with the event typer).
EVENT_TYPES: tuple[str, ...] = (
    "meeting",
    "agreement",
    "statement",
    "deployment",
    "arms transfer",
    "military",
    "casualties",
    "sanctions",
    "economic",
    "diplomacy",
    "other",
)

Interval = tuple[date, date]


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event: where it is said, and which intervals date it rightly."""

    anchor: str  # verbatim text of the sentence that reports it
    accept: tuple[Interval, ...]  # the first is the strict reading
    actors: tuple[str, ...] = ()
    type: str = ""
    required: bool = True  # optional events never count against recall
    group: str = ""  # events sharing a group count once


@dataclass(frozen=True)
class Gold:
    """The gold of one article."""

    file: str  # the article's file name, matched by stem against the `source` column
    published: date | None
    language: str
    events: tuple[GoldEvent, ...]
    not_events: tuple[str, ...] = ()


def interval(spec: str) -> Interval:
    """Return the inclusive interval of `2024`, `2024-06`, `2024-06-18` or `A/B`.

    >>> [d.isoformat() for d in interval("2024-02/2025")]
    ['2024-02-01', '2025-12-31']
    """
    if "/" in spec:
        first, last = spec.split("/")
        return interval(first)[0], interval(last)[1]
    parts = [int(p) for p in spec.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        year, month = parts
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(*parts)
    return day, day


def load_gold(path: Path) -> Gold:
    """Read one gold JSON file; raise InputError naming the file when it is malformed."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        events = tuple(_event(e, i) for i, e in enumerate(raw["events"]))
        published = raw.get("published")
        return Gold(
            file=str(raw["file"]),
            published=date.fromisoformat(published) if published else None,
            language=str(raw.get("language") or ""),
            events=events,
            not_events=tuple(str(n) for n in raw.get("not_events", [])),
        )
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(path.name, f"is not valid JSON ({exc})") from None
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(path.name, f"is not a gold file ({type(exc).__name__}: {exc})") from None


def _event(raw: dict, index: int) -> GoldEvent:
    anchor = raw["anchor"]
    if not isinstance(anchor, str) or not anchor.strip():
        raise ValueError(f"event {index} has no anchor")
    accept = tuple(interval(a) for a in raw["accept"])
    if not accept:
        raise ValueError(f"event {index} accepts no interval")
    if any(a > b for a, b in accept):
        raise ValueError(f"event {index} has an interval that ends before it starts")
    return GoldEvent(
        anchor=anchor,
        accept=accept,
        actors=tuple(raw.get("actors", ())),
        type=str(raw.get("type", "")),
        required=bool(raw.get("required", True)),
        group=str(raw["group"]) if "group" in raw else f"#{index}",
    )


def load_gold_dir(folder: Path) -> list[Gold]:
    """Read every `*.json` gold file of `folder`, sorted by name."""
    return [load_gold(p) for p in sorted(Path(folder).glob("*.json"))]


def norm(text: str) -> str:
    """Fold case and runs of white space, as anchors are matched."""
    return re.sub(r"\s+", " ", text or "").strip().lower()
