"""Measure the merge of happenings against hand-labelled mentions (a folder's gold.yaml).

Every dated sentence of a folder of articles is labelled with its happening; the
extractor's merged rows are then compared pair by pair: two labelled mentions of one
happening should sit in one row (recall), two mentions in one row should be of one
happening (precision). Rows per happening and rows made of page furniture say what a
user sees. The gold format is in tests/happenings/README.md.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from . import pipeline
from .datafile import read_yaml
from .errors import InputError
from .merge import reports
from .model import Event, Mention

GOLD_NAME = "gold.yaml"
HAPPENINGS_DIR = Path(__file__).resolve().parent.parent / "tests" / "happenings" / "dev"


@dataclass(frozen=True)
class GoldMention:
    """One labelled report: its article, a verbatim piece of its sentence, its time expression."""

    happening: str
    source: str
    anchor: str
    time: str = ""


@dataclass(frozen=True)
class Gold:
    """The labelled mentions of a folder, the true dates and the furniture lines."""

    mentions: tuple[GoldMention, ...]
    dates: dict[str, str]  # happening → its true date (YYYY, YYYY-MM or YYYY-MM-DD)
    furniture: tuple[tuple[str, str], ...]  # (source, anchor)


@dataclass(frozen=True)
class Score:
    """Pairwise precision and recall of one folder, and what a user would see."""

    folder: str
    precision: float
    recall: float
    rows_per_happening: float
    furniture_rows: int
    found: int  # labelled mentions found among the extractor's reports
    labelled: int
    happenings: int
    dates_right: float  # share of happenings whose main row carries their true date
    split: tuple[str, ...] = field(default=())  # happenings spread over several rows
    joined: tuple[str, ...] = field(default=())  # rows holding several happenings
    missed: tuple[str, ...] = field(default=())  # labelled mentions not found
    furniture: tuple[str, ...] = field(default=())  # furniture lines that became rows


def _norm(text: str) -> str:
    return " ".join(text.split())


def load_gold(folder: Path) -> Gold:
    """Read `folder`/gold.yaml; a malformed file is named with what is wrong."""
    path = folder / GOLD_NAME
    data = read_yaml(path, "the happenings gold")
    if not isinstance(data, dict) or not isinstance(data.get("happenings"), list):
        raise InputError(str(path), "expected `happenings:`, a list of happenings with their mentions")
    mentions, dates = [], {}
    for n, h in enumerate(data["happenings"], start=1):
        if not isinstance(h, dict) or not isinstance(h.get("id"), str) or not isinstance(h.get("mentions"), list):
            raise InputError(str(path), f"happening {n} needs an `id` and a list of `mentions`")
        if h["id"] in dates:
            raise InputError(str(path), f"happening id {h['id']!r} given twice")
        dates[h["id"]] = str(h.get("date", ""))
        for m in h["mentions"]:
            if not isinstance(m, dict) or not m.get("source") or not m.get("anchor"):
                raise InputError(str(path), f"happening {h['id']!r}: each mention needs `source` and `anchor`")
            mentions.append(GoldMention(h["id"], str(m["source"]), _norm(str(m["anchor"])), _norm(str(m.get("time", "")))))
    furniture = tuple((str(f["source"]), _norm(str(f["anchor"]))) for f in data.get("furniture") or ())
    return Gold(tuple(mentions), dates, furniture)


def _matches(g: GoldMention, source: str, sentence: str, time_text: str) -> bool:
    if source != g.source or g.anchor not in sentence:
        return False
    return not g.time or g.time in time_text or (bool(time_text) and time_text in g.time)


def labelled(gold: Gold, m: Mention) -> GoldMention | None:
    """Return the gold mention that report `m` is, if any (its article, anchor and time expression)."""
    sentence, time_text = _norm(m.sentence), _norm(m.time_text)
    return next((g for g in gold.mentions if _matches(g, m.source, sentence, time_text)), None)


def _date_right(e: Event, truth: str) -> bool:
    """Tell whether `e`'s interval is the gold date at its own precision (a day, a month, a year)."""
    if not truth:
        return True
    first, last = e.date.isoformat(), e.date_end.isoformat()
    if len(truth) == 10:
        return first == last == truth
    return first.startswith(truth) and last.startswith(truth) and (
        len(truth) == 4 and first.endswith("01-01") and last.endswith("12-31")
        or len(truth) == 7 and first.endswith("-01")
    )


def score(events: list[Event], gold: Gold, folder: str = "") -> Score:
    """Compare merged `events` with the gold labels of one folder."""
    said = [(e, m.source, _norm(m.sentence), _norm(m.time_text)) for e in events for m in reports(e)]
    row_of: dict[GoldMention, Event] = {}
    missed = []
    for g in gold.mentions:
        hit = next((e for e, src, sent, tt in said if _matches(g, src, sent, tt)), None)
        if hit is None:
            missed.append(f"{g.source}: {g.anchor!r} ({g.time or 'any time'}) of {g.happening}")
        else:
            row_of[g] = hit
    found = list(row_of)
    same_gold = same_row = both = 0
    for a, b in combinations(found, 2):
        g, r = a.happening == b.happening, row_of[a] is row_of[b]
        same_gold += g
        same_row += r
        both += g and r
    rows: dict[str, set[int]] = {}
    for g in found:
        rows.setdefault(g.happening, set()).add(id(row_of[g]))
    holds: dict[int, set[str]] = {}
    for g in found:
        holds.setdefault(id(row_of[g]), set()).add(g.happening)
    right = 0
    for h in rows:
        main = Counter(id(row_of[g]) for g in found if g.happening == h).most_common(1)[0][0]
        event = next(row_of[g] for g in found if id(row_of[g]) == main)
        right += _date_right(event, gold.dates.get(h, ""))
    furniture = [
        f"{e.source}: {e.sentence[:80]}"
        for e in events
        if any(src == e.source and anchor in _norm(e.sentence) for src, anchor in gold.furniture)
    ]
    by_id = {id(row_of[g]): row_of[g] for g in found}
    return Score(
        folder=folder,
        precision=both / same_row if same_row else 1.0,
        recall=both / same_gold if same_gold else 1.0,
        rows_per_happening=sum(len(r) for r in rows.values()) / len(rows) if rows else 0.0,
        furniture_rows=len(furniture),
        found=len(found),
        labelled=len(gold.mentions),
        happenings=len(rows),
        dates_right=right / len(rows) if rows else 1.0,
        split=tuple(sorted(f"{h} in {len(r)} rows" for h, r in rows.items() if len(r) > 1)),
        joined=tuple(sorted(f"{by_id[i].date_label} · {by_id[i].title[:60]}: {', '.join(sorted(hs))}"
                            for i, hs in holds.items() if len(hs) > 1)),
        missed=tuple(missed),
        furniture=tuple(furniture),
    )


def evaluate(folder: Path, title_language: str = "source") -> tuple[Score, tuple[str, ...]]:
    """Extract and merge the articles of `folder` and score them; also return input errors."""
    gold = load_gold(folder)
    result = pipeline.extract_paths([folder], merge_sources=True, title_language=title_language)
    return score(list(result.events), gold, folder.name), tuple(str(e) for e in result.errors)


def format_scores(scores: list[Score], verbose: bool = False) -> str:
    """Return the scores as an aligned table (and, verbose, what was split, joined, missed)."""
    head = f"{'set':24s} {'found':>9s} {'happen.':>7s} {'pair P':>7s} {'pair R':>7s} {'rows/h':>7s} {'dates':>6s} {'furniture':>9s}"
    lines = [head, "-" * len(head)]
    for s in scores:
        lines.append(f"{s.folder[:24]:24s} {f'{s.found}/{s.labelled}':>9s} {s.happenings:7d} {s.precision:7.3f} "
                     f"{s.recall:7.3f} {s.rows_per_happening:7.2f} {s.dates_right:6.2f} {s.furniture_rows:9d}")
        if verbose:
            lines += [f"  SPLIT    {x}" for x in s.split]
            lines += [f"  JOINED   {x}" for x in s.joined]
            lines += [f"  MISSED   {x}" for x in s.missed]
            lines += [f"  FURNITURE {x}" for x in s.furniture]
    return "\n".join(lines) + "\n"
