"""Say how central each happening is to the story its articles tell (the `importance` column).

Weights and cue values live in data/importance.yaml; README "Key events: importance and
summarize" explains them.
"""
from __future__ import annotations

import copy
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache
from pathlib import Path

from . import taxonomy
from .datafile import read_yaml
from .errors import InputError
from .merge import reports
from .model import PRECISIONS, Event

IMPORTANCE_FILE = Path(__file__).resolve().parent.parent / "data" / "importance.yaml"
LAGS = ("before", "same_day", "next_day", "later", "unknown")
PARTS = ("date", "reports", "type", "actors", "precision")


@dataclass(frozen=True)
class Settings:
    """The weights of data/importance.yaml, checked."""

    lag_weights: dict[str, float]  # LAGS → weight of one article's reference to a day
    window_days: int  # coverage is counted within ± this many days
    smoothing: float  # pseudo-articles added to the coverage
    weights: dict[str, float]  # PARTS → share of the importance, summing to 1
    mention_weight: float  # a further sentence of one article, as a share of a further article
    types: dict[str, float]  # event type → 0-1
    precision: dict[str, float]  # precision → 0-1


def _number(value: object, where: str, path: Path, low: float = 0.0, high: float | None = None) -> float:
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not number or value < low or (high is not None and value > high):
        bound = f"between {low:g} and {high:g}" if high is not None else f"at least {low:g}"
        raise InputError(str(path), f"{where} must be a number {bound}, not {value!r}")
    return float(value)


def _table(data: dict, key: str, names: Iterable[str], path: Path,
           high: float | None = None) -> dict[str, float]:
    got = data.get(key)
    names = tuple(names)
    if not isinstance(got, dict):
        raise InputError(str(path), f"`{key}:` must map {', '.join(names)} to numbers")
    unknown = [k for k in got if k not in names]
    missing = [k for k in names if k not in got]
    if unknown or missing:
        what = "; ".join(s for s in (unknown and f"unknown: {', '.join(map(str, unknown))}",
                                     missing and f"missing: {', '.join(missing)}") if s)
        raise InputError(str(path), f"`{key}:` must give exactly {', '.join(names)} ({what})")
    return {k: _number(got[k], f"{key}.{k}", path, 0.0, high) for k in names}


@lru_cache(maxsize=4)
def load(path: Path = IMPORTANCE_FILE) -> Settings:
    """Read the importance weights; a malformed file is named with what is wrong."""
    data = read_yaml(path, "the importance weights")
    if not isinstance(data, dict) or not isinstance(data.get("dates"), dict):
        raise InputError(str(path), "expected a mapping with `dates:`, `weights:`, `types:` and `precision:`")
    dates = data["dates"]
    weights = _table(data, "weights", PARTS, path)
    total = sum(weights.values())
    if total <= 0:
        raise InputError(str(path), "`weights:` must not all be 0")
    window = dates.get("window_days")
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise InputError(str(path), f"dates.window_days must be a whole number of days, not {window!r}")
    return Settings(
        lag_weights=_table(dates, "lag_weights", LAGS, path),
        window_days=window,
        smoothing=_number(dates.get("smoothing"), "dates.smoothing", path),
        weights={k: v / total for k, v in weights.items()},
        mention_weight=_number(data.get("mention_weight"), "mention_weight", path, 0.0, 1.0),
        types=_table(data, "types", taxonomy.TYPES, path, 1.0),
        precision=_table(data, "precision", PRECISIONS, path, 1.0),
    )


def lag_weight(published: date | None, first: date, last: date, settings: Settings) -> float:
    """Return the weight of an article published on `published` referring to `first`…`last`."""
    w = settings.lag_weights
    if published is None:
        return w["unknown"]
    if published < first:
        return w["before"]
    if published <= last:
        return w["same_day"]
    return w["next_day"] if published == last + timedelta(days=1) else w["later"]


@dataclass(frozen=True)
class Story:
    """What a collection of events says about its dates and actors, the yardstick of each event."""

    intervals: dict[tuple[date, date], float]  # (date, date_end) → reference score
    days: dict[date, float]  # the days some article gives at day precision, by day
    actors: dict[str, int]  # actor → articles naming it
    best_support: float  # the most reported happening's support

    # Asked once per event: worked out once per story (as properties they cost half a second
    # per 1,000 articles, growing with the square of the batch).
    @cached_property
    def best_interval(self) -> float:
        return max(self.intervals.values(), default=0.0)

    @cached_property
    def best_actor(self) -> int:
        return max(self.actors.values(), default=0)


def support(e: Event, settings: Settings) -> float:
    """Return how many articles report `e`, plus a share of each further sentence."""
    said = reports(e)
    articles = max(e.source_count, len({m.source for m in said}), len(e.sources))
    sentences = len(e.mentions) if e.mentions else 1 + len(e.evidence)
    return articles + settings.mention_weight * max(0, sentences - articles)


def story(events: Iterable[Event], settings: Settings | None = None) -> Story:
    """Return the reference scores of every interval the events' reports give, and the actors' counts.

    Every article referring to an interval counts once, weighted by `lag_weight`; the sum is
    divided by the articles published within `window_days` of the interval (plus `smoothing`).

    >>> from timeline.model import Event
    >>> d = date(2011, 3, 19)
    >>> evs = [Event(f"e{i}", d, d, "day", "19 Mar 2011", "t", "s", source=f"a{i}",
    ...              published=date(2011, 3, 20 + i)) for i in range(3)]
    >>> round(story(evs).days[d], 3)  # (1 + 2 + 2) / (3 articles + 10)
    0.385
    """
    settings = settings or load()
    events = list(events)
    refs: dict[tuple[date, date], dict[str, float]] = {}
    published: dict[str, date] = {}
    named: dict[str, set[str]] = {}
    exact_days: set[date] = set()  # days some article gives at day precision
    best_support = 0.0
    for e in events:
        best_support = max(best_support, support(e, settings))
        for m in reports(e):
            if m.published is not None:
                published.setdefault(m.source, m.published)
            for actor in m.actors:
                named.setdefault(actor, set()).add(m.source)
            key = (m.date, m.date_end)
            if m.precision == "day" and m.date == m.date_end:
                exact_days.add(m.date)
            w = lag_weight(m.published, m.date, m.date_end, settings)
            by_article = refs.setdefault(key, {})
            if w > by_article.get(m.source, -1.0):
                by_article[m.source] = w
    days_out = sorted(published.values())
    window = timedelta(days=settings.window_days)
    intervals: dict[tuple[date, date], float] = {}
    for (first, last), by_article in refs.items():
        coverage = bisect_right(days_out, _shift(last, window)) - bisect_left(days_out, _shift(first, -window))
        intervals[(first, last)] = sum(by_article.values()) / (coverage + settings.smoothing or 1.0)
    days = {first: intervals[(first, first)] for first in exact_days}
    return Story(intervals, days, {a: len(s) for a, s in named.items()}, best_support)


def _shift(day: date, delta: timedelta) -> date:
    """Return `day + delta`, held within the calendar Python has (0001-01-01 to 9999-12-31)."""
    try:
        return day + delta
    except OverflowError:
        return date.max if delta > timedelta(0) else date.min


def parts(e: Event, told: Story, settings: Settings | None = None) -> dict[str, float]:
    """Return the parts of `e`'s importance, each 0-1 (see data/importance.yaml)."""
    settings = settings or load()
    best = told.best_interval
    exact = settings.precision.get(e.precision, 0.0)
    # A year or a month names no day of a happening: its references count as far as it is exact.
    date_part = exact * told.intervals.get((e.date, e.date_end), 0.0) / best if best > 0 else 0.0
    most = told.best_support
    reported = math.log1p(support(e, settings)) / math.log1p(most) if most > 0 else 0.0
    best_actor = told.best_actor
    actor_part = max((told.actors.get(a, 0) for a in e.actors), default=0) / best_actor if best_actor else 0.0
    return {
        "date": min(1.0, date_part),
        "reports": min(1.0, reported),
        "type": settings.types.get(e.event_type, settings.types[taxonomy.OTHER]),
        "actors": min(1.0, actor_part),
        "precision": exact,
    }


def score(e: Event, told: Story, settings: Settings | None = None) -> float:
    """Return `e`'s importance, 0-1: the weighted mean of its `parts`."""
    settings = settings or load()
    got = parts(e, told, settings)
    return sum(settings.weights[k] * got[k] for k in PARTS)


def assess(
    events: Iterable[Event], told: Story | None = None, settings: Settings | None = None
) -> list[Event]:
    """Return the events with `importance` set, measured against the story they tell together.

    `told`: the yardstick when the events are part of a larger collection (default: they
    are the whole collection).

    >>> from timeline.model import Event
    >>> d = date(2011, 3, 19)
    >>> rows = [Event(f"r{i}", d, d, "day", "19 Mar 2011", "t", "s", event_type="military",
    ...               actors=("Libya",), source=f"a{i}", published=date(2011, 3, 20)) for i in range(3)]
    >>> aside = Event("aside", date(2011, 3, 2), date(2011, 3, 2), "day", "2 Mar 2011", "t", "s",
    ...               source="a0", published=date(2011, 3, 20))
    >>> [(e.event_id, round(e.importance, 2)) for e in assess([*rows, aside])]
    [('r0', 1.0), ('r1', 1.0), ('r2', 1.0), ('aside', 0.78)]
    """
    settings = settings or load()
    events = list(events)
    told = told or story(events, settings)
    return [_with_importance(e, round(score(e, told, settings), 4)) for e in events]


def _with_importance(e: Event, value: float) -> Event:
    """Return `replace(e, importance=value)` at a third of its cost (Event has no __post_init__ to run).

    dataclasses.replace reads and checks all 30 fields and calls __init__, which sets each
    through object.__setattr__: half of rating 1,000 articles' events went there.
    """
    new = copy.copy(e)
    object.__setattr__(new, "importance", value)
    return new


def rate(events: Iterable[Event]) -> tuple[list[Event], list[str]]:
    """Return the events with `importance` set and the problems met: a broken data file leaves it 0."""
    events = list(events)
    try:
        return assess(events), []
    except InputError as exc:
        return events, [f"{exc} (importance left at 0)"]
