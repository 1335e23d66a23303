"""Read gold event files and score event tables against them.

The rules are those of the shared scorer (`../shared/eval/score.py`), which is not
part of the repository: a gold event is found when a row of the same article holds
the gold anchor in its sentence or evidence and carries one of the accepted
intervals (strict: the first one); a row is a true positive when it holds some
gold anchor with an interval accepted for it and no `not_events` text.

Places are scored on the rows that hold a gold anchor whose event lists its `places`:
a row's places are right when the gold of the anchors it holds names them (precision),
and a found gold event's places are recalled when a row holding its anchor names them.
"""
from __future__ import annotations

import calendar
import csv
import io
import json
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import actors as actor_finder
from . import events, ingest, segment, table
from .dates import baseline
from .errors import InputError
from .model import Article

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
GOLDEN_DIR = Path(__file__).resolve().parent.parent / "tests" / "golden"  # the project's golden corpus


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event: where it is said, and which intervals date it rightly."""

    anchor: str  # verbatim text of the sentence that reports it
    accept: tuple[Interval, ...]  # the first is the strict reading
    actors: tuple[str, ...] = ()
    type: str = ""
    required: bool = True  # optional events never count against recall
    group: str | None = None  # events sharing a group count once
    places: tuple[str, ...] | None = None  # the places its sentence names (None: not annotated)


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


PLACES_OVERLAY = "places"  # folder beside the gold: {anchor: [places]} for files kept as shared (the seed)


def load_gold(path: Path) -> Gold:
    """Read one gold JSON file; raise InputError naming the file when it is malformed.

    Gold places come from each event's `places`, or from `places/NAME.json` beside the
    file ({anchor: [places]}) for a gold file that must stay as the shared one.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        overlay = path.parent / PLACES_OVERLAY / path.name
        if overlay.is_file():
            where = json.loads(overlay.read_text(encoding="utf-8"))
            raw["events"] = [{**e, "places": where[e["anchor"]]} if e["anchor"] in where else e for e in raw["events"]]
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
        group=str(raw["group"]) if "group" in raw else None,
        places=tuple(str(p) for p in raw["places"]) if raw.get("places") is not None else None,
    )


def load_gold_dir(folder: Path) -> list[Gold]:
    """Read every `*.json` gold file of `folder`, sorted by name."""
    return [load_gold(p) for p in sorted(Path(folder).glob("*.json"))]


def norm(text: str) -> str:
    """Fold case and runs of white space, as anchors are matched."""
    return re.sub(r"\s+", " ", text or "").strip().lower()


@dataclass(frozen=True)
class Score:
    """How an event table fares against gold: recall, precision and what went wrong."""

    events: int  # gold events (groups) that count for recall
    rows: int  # rows judged
    recall: float
    recall_strict: float
    precision: float
    f1: float
    actor_recall: float  # of found events that name actors, the share whose row names them
    misses: tuple[str, ...] = ()
    false_rows: tuple[str, ...] = ()
    place_precision: float = 0.0  # of the places rows holding an annotated anchor name, the share gold names
    place_recall: float = 0.0  # of the gold places of found annotated events, the share a row names
    places: int = 0  # gold places of found annotated events
    place_misses: tuple[str, ...] = ()  # "source: anchor: missed place" and "… extra place"


def _source_key(source: str | None) -> str:
    return Path(source or "").stem.lower()


def _row_interval(row: Mapping[str, str]) -> Interval | None:
    """Return a row's [date, date_end]; an empty or broken end means a single day."""
    try:
        start = date.fromisoformat((row.get("date") or "")[:10])
    except ValueError:
        return None
    try:
        end = date.fromisoformat((row.get("date_end") or "")[:10])
    except ValueError:
        end = start
    return start, end


def _row_actors(row: Mapping[str, str]) -> set[str]:
    cells = (row.get("actors") or "") + ";" + (row.get("people") or "")
    return {a.strip().lower() for a in re.split(r"[;|,]", cells) if a.strip()}


def _row_places(row: Mapping[str, str]) -> set[str]:
    return {p.strip() for p in (row.get("places") or "").split(";") if p.strip()}


def _row_text(row: Mapping[str, str]) -> str:
    return norm((row.get("sentence") or "") + " || " + (row.get("evidence") or ""))


def _spec(iv: Interval) -> str:
    return iv[0].isoformat() if iv[0] == iv[1] else f"{iv[0].isoformat()}/{iv[1].isoformat()}"


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def score(rows: Sequence[Mapping[str, str]], golds: Sequence[Gold]) -> Score:
    """Score event-table rows (CSV records: source, date, date_end, sentence, …) against gold.

    >>> g = Gold("a.txt", None, "id", (GoldEvent("Putin tiba", (interval("2024-06-19"),)),))
    >>> rows = [{"source": "a.txt", "date": "2024-06-19", "sentence": "Putin tiba di Pyongyang."},
    ...         {"source": "a.txt", "date": "2024-06-18", "sentence": "Kim menyambut."}]
    >>> s = score(rows, [g])
    >>> (s.recall, s.precision, round(s.f1, 3))
    (1.0, 0.5, 0.667)
    """
    by_source: dict[str, list[tuple[Mapping[str, str], str, Interval | None]]] = {}
    for r in rows:
        by_source.setdefault(_source_key(r.get("source")), []).append((r, _row_text(r), _row_interval(r)))
    total = found = found_strict = actor_total = actor_ok = tp = fp = 0
    place_tp = place_named = place_found = place_gold = 0
    place_misses: list[str] = []
    misses: list[str] = []
    false_rows: list[str] = []
    for gold in golds:
        src = _source_key(gold.file)
        judged = by_source.get(src, [])
        groups: dict[object, list[GoldEvent]] = {}
        for i, ev in enumerate(gold.events):
            if ev.required:
                groups.setdefault(i if ev.group is None else ev.group, []).append(ev)
        for evs in groups.values():
            total += 1
            strict = lenient = False
            actor_hits: list[bool] = []
            for ev in evs:
                anchor = norm(ev.anchor)
                want = {a.lower() for a in ev.actors}
                for r, text, iv in judged:
                    if anchor not in text:
                        continue
                    strict |= iv == ev.accept[0]
                    if iv in ev.accept:
                        lenient = True
                        if want:
                            actor_hits.append(want <= _row_actors(r))
            found += lenient
            found_strict += strict
            if actor_hits:
                actor_total += 1
                actor_ok += any(actor_hits)
            if not lenient:
                misses.append(f"{src}: {evs[0].anchor[:60]} {_spec(evs[0].accept[0])}")
        for counts, notes in [_place_counts(judged, gold, src)]:
            place_tp += counts[0]
            place_named += counts[1]
            place_found += counts[2]
            place_gold += counts[3]
            place_misses += notes
        anchors = [(norm(ev.anchor), ev.accept) for ev in gold.events]
        spoilers = [norm(n) for n in gold.not_events]
        for r, text, iv in judged:
            good = any(a in text and iv in accept for a, accept in anchors)
            if good and not any(n in text for n in spoilers):
                tp += 1
            else:
                fp += 1
                false_rows.append(
                    f"{src}: {r.get('date')}..{r.get('date_end')} {(r.get('time_text') or '')[:30]!r}"
                    f" | {(r.get('sentence') or '')[:70]}"
                )
    precision, recall = _ratio(tp, tp + fp), _ratio(found, total)
    return Score(
        events=total,
        rows=len(rows),
        recall=recall,
        recall_strict=_ratio(found_strict, total),
        precision=precision,
        f1=_ratio(2 * precision * recall, precision + recall),
        actor_recall=_ratio(actor_ok, actor_total),
        misses=tuple(misses),
        false_rows=tuple(false_rows),
        place_precision=_ratio(place_tp, place_named),
        place_recall=_ratio(place_found, place_gold),
        places=place_gold,
        place_misses=tuple(place_misses),
    )


def _place_counts(judged: list, gold: Gold, src: str) -> tuple[tuple[int, int, int, int], list[str]]:
    """Return (right places named, places named, gold places recalled, gold places) of one article's rows.

    Only rows holding an anchor whose gold lists places are judged: what they should name
    is the union of the places of the anchors they hold (a merged row holds several).
    """
    annotated = [(norm(ev.anchor), ev) for ev in gold.events if ev.places is not None]
    tp = named = recalled = wanted = 0
    notes: list[str] = []
    for r, text, _iv in judged:
        held = [ev for a, ev in annotated if a in text]
        if not held:
            continue
        expected = {p for ev in held for p in ev.places}
        got = _row_places(r)
        tp += len(got & expected)
        named += len(got)
        notes += [f"{src}: {held[0].anchor[:50]}: extra {p}" for p in sorted(got - expected)]
    for a, ev in annotated:
        rows = [_row_places(r) for r, text, _iv in judged if a in text]
        if not rows or not ev.places:
            continue
        best = max(rows, key=lambda got: len(got & set(ev.places)))
        wanted += len(ev.places)
        recalled += len(best & set(ev.places))
        notes += [f"{src}: {ev.anchor[:50]}: missed {p}" for p in ev.places if p not in best]
    return (tp, named, recalled, wanted), notes


SYSTEMS: tuple[str, ...] = ("project", "baseline")


@dataclass(frozen=True)
class ArticleScore:
    """Both systems' scores on one golden article."""

    file: str
    language: str
    scores: dict[str, Score]  # by system name


@dataclass(frozen=True)
class Report:
    """Scores per article and over the whole gold folder, and the inputs that failed."""

    articles: tuple[ArticleScore, ...]
    overall: dict[str, Score]
    errors: tuple[InputError, ...] = ()


def project_rows(article: Article) -> list[dict[str, str]]:
    """Return the extractor's event table for `article` as CSV records."""
    text = table.to_csv(table.to_frame(events.extract(article)))
    return list(csv.DictReader(io.StringIO(text)))


def baseline_rows(article: Article) -> list[dict[str, str]]:
    """Return one record per date dateparser finds, sentence by sentence, as a careful user would.

    Actors come from the project's own actor finder, so actor recall compares like with like.
    """
    sents = segment.sentences(article.text, article.language)
    casts = actor_finder.by_sentence(article.text, sents)
    rows = []
    for s, cast in zip(sents, casts):
        for e in baseline.search(s.text, article.published, article.language):
            rows.append(
                {
                    "source": article.source,
                    "date": e.date.isoformat() if e.date else "",
                    "date_end": e.date_end.isoformat() if e.date_end else "",
                    "sentence": s.text,
                    "evidence": "",
                    "actors": table.LIST_SEP.join(cast.actors),
                    "people": table.LIST_SEP.join(cast.people),
                    "time_text": e.text,
                }
            )
    return rows


RUNNERS: dict[str, Callable[[Article], list[dict[str, str]]]] = {
    "project": project_rows,
    "baseline": baseline_rows,
}


def evaluate(gold_dir: Path) -> Report:
    """Run both systems on every article of `gold_dir` and score them against its gold.

    Articles are read as `extract` reads them (publication date and language from the
    file); a gold file or article that cannot be read is reported and left out.
    """
    errors: list[InputError] = []
    paths = sorted(Path(gold_dir).glob("*.json"))
    if not Path(gold_dir).is_dir():
        errors.append(InputError(str(gold_dir), "no such folder"))
    elif not paths:
        errors.append(InputError(str(gold_dir), "holds no gold files (*.json)"))
    articles: list[ArticleScore] = []
    golds: list[Gold] = []
    pooled: dict[str, list[dict[str, str]]] = {name: [] for name in SYSTEMS}
    for path in paths:
        try:
            gold = load_gold(path)
            article = ingest.read(Path(gold_dir) / gold.file)
        except InputError as exc:
            errors.append(exc)
            continue
        golds.append(gold)
        scores = {}
        for name in SYSTEMS:
            rows = RUNNERS[name](article)
            pooled[name].extend(rows)
            scores[name] = score(rows, [gold])
        articles.append(ArticleScore(gold.file, gold.language or article.language, scores))
    overall = {name: score(pooled[name], golds) for name in SYSTEMS}
    return Report(tuple(articles), overall, tuple(errors))


_METRICS = (("recall", "recall"), ("strict", "recall_strict"), ("prec", "precision"),
            ("F1", "f1"), ("actors", "actor_recall"))
# The project's places, after both systems' dates (the baseline finds no places).
_PLACE_METRICS = (("places", "places"), ("prec", "place_precision"), ("recall", "place_recall"))


def _cells(s: Score, metrics) -> list[str]:
    return [str(getattr(s, attr)) if isinstance(getattr(s, attr), int) else f"{getattr(s, attr):.3f}" for _, attr in metrics]


def format_table(report: Report) -> str:
    """Return the report as an aligned text table: both systems' dates side by side, then the project's places."""
    heads = ["article", "lang", "events"]
    for name in SYSTEMS:
        heads += [f"{label}" for label, _ in _METRICS]
    heads += [label for label, _ in _PLACE_METRICS]
    lines = []
    for a in report.articles:
        lines.append([Path(a.file).stem, a.language, str(a.scores[SYSTEMS[0]].events)]
                     + [c for n in SYSTEMS for c in _cells(a.scores[n], _METRICS)]
                     + _cells(a.scores[SYSTEMS[0]], _PLACE_METRICS))
    first = report.overall[SYSTEMS[0]]
    lines.append(["overall", "", str(first.events)]
                 + [c for n in SYSTEMS for c in _cells(report.overall[n], _METRICS)]
                 + _cells(first, _PLACE_METRICS))
    widths = [max(len(row[i]) for row in [heads, *lines]) for i in range(len(heads))]
    blocks = [(n, len(_METRICS)) for n in SYSTEMS] + [(f"{SYSTEMS[0]} places", len(_PLACE_METRICS))]
    lead = sum(widths[:3]) + 2 * 2
    banner, at = " " * lead, 3
    for name, size in blocks:
        banner += "  " + name.center(sum(widths[at : at + size]) + 2 * (size - 1), "-")
        at += size

    def fmt(row: list[str]) -> str:
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        cells[1] = row[1].ljust(widths[1])
        out, at = "  ".join(cells[:3]), 3
        for _name, size in blocks:
            out += "  " + "  ".join(cells[at : at + size])
            at += size
        return out.rstrip()

    body = [fmt(heads), *(fmt(r) for r in lines[:-1]), "-" * len(fmt(heads)), fmt(lines[-1])]
    return "\n".join([banner.rstrip(), *body]) + "\n"


def to_json(report: Report) -> dict:
    """Return the report as plain data (for `--json`)."""

    def plain(s: Score) -> dict:
        return {k: v if not isinstance(v, tuple) else list(v) for k, v in s.__dict__.items()}

    return {
        "articles": [
            {"file": a.file, "language": a.language, **{n: plain(a.scores[n]) for n in SYSTEMS}}
            for a in report.articles
        ],
        "overall": {n: plain(report.overall[n]) for n in SYSTEMS},
        "errors": [str(e) for e in report.errors],
    }
