"""List every time expression of an article with offsets into its file (`python -m timeline dates`)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import dates, events, segment
from .model import Article, Event, Sentence, TimeExpression

FIELDS: tuple[str, ...] = (
    "source", "start", "end", "text", "date", "date_end", "precision",
    "label", "kind", "anchor", "event", "reason",
)
_DATELINE_LINES = 5  # the publication date is looked for in this many first lines (as ingest does)
_TEXT_WIDTH = 40  # the table cuts longer expressions


@dataclass(frozen=True)
class Found:
    """A time expression as the `dates` command shows it; offsets are into the file's text."""

    source: str
    start: int
    end: int
    text: str
    date: str  # ISO day, "" when unresolved
    date_end: str
    precision: str
    label: str
    kind: str
    anchor: str
    event: bool  # the expression dates a row of the event table
    reason: str  # why it dates no row

    def record(self) -> dict:
        """Return the expression as a JSON-ready dict in FIELDS order."""
        return {f: getattr(self, f) for f in FIELDS}


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _dateline_start(article: Article, found: list[TimeExpression]) -> int | None:
    """Return the body offset of the expression that gave the publication date, if a dateline did."""
    if article.published_from != "dateline" or article.published is None:
        return None
    head_end = nonblank = 0
    for line in article.text.splitlines(keepends=True):
        head_end += len(line)
        nonblank += bool(line.strip())
        if nonblank >= _DATELINE_LINES:
            break
    return next((e.start for e in found if e.start < head_end and e.date == article.published), None)


def _unused(e: TimeExpression, sents: list[Sentence], extracted: list[Event]) -> str:
    """Say why a resolved expression gives no row: its sentence is another event's evidence, or dated otherwise."""
    own = next((s.text for s in sents if s.start <= e.start < s.end), "")
    for ev in extracted:
        if own and own in ev.evidence:
            return f"evidence of the event of {ev.date_label or ev.date.isoformat()}"
        if own and own == ev.sentence:
            return f"its sentence is dated by {ev.time_text!r}"
    return "not used for an event"


def find(article: Article) -> list[Found]:
    """Return the article's time expressions in text order, with what the extractor made of them.

    >>> from timeline.ingest import parse
    >>> a = parse("---\\npublished: 2024-03-05\\n---\\nPada 24 Februari 2022, Rusia menyerang.", "a.md")
    >>> [(f.text, f.start, f.date, f.event) for f in find(a)]
    [('24 Februari 2022', 35, '2022-02-24', True)]
    """
    found = sorted(dates.find_expressions(article.text, article.published, article.language),
                   key=lambda e: (e.start, e.end))
    extracted = events.extract(article)
    used = {ev.time_start for ev in extracted}
    dateline = _dateline_start(article, found)
    sents = segment.sentences(article.text, article.language)
    out = []
    for e in found:
        event = e.start in used and e.date is not None
        reason = "" if event else (e.reason or ("not resolved to a date" if e.date is None else _unused(e, sents, extracted)))
        kind = "dateline" if e.start == dateline and e.kind in ("absolute", "") else e.kind
        out.append(
            Found(
                source=article.source,
                start=article.body_offset + e.start,
                end=article.body_offset + e.end,
                text=e.text,
                date=_iso(e.date),
                date_end=_iso(e.date_end or e.date),
                precision=e.precision,
                label=e.label,
                kind=kind,
                anchor=e.anchor,
                event=event,
                reason=reason,
            )
        )
    return out


def format_table(found: list[Found]) -> str:
    """Return the expressions as an aligned table for a terminal."""
    heads = ("start", "end", "text", "date", "date_end", "precision", "kind", "event", "reason / anchor")
    rows = []
    for f in found:
        text = " ".join(f.text.split())
        if len(text) > _TEXT_WIDTH:
            text = text[: _TEXT_WIDTH - 1] + "…"
        note = f.reason or (f"from {f.anchor}" if f.anchor else "")
        rows.append((str(f.start), str(f.end), text, f.date or "-", f.date_end or "-", f.precision or "-",
                     f.kind, "yes" if f.event else "no", note))
    widths = [max(len(r[i]) for r in (heads, *rows)) for i in range(len(heads))]
    right = {0, 1}
    lines = ["  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))).rstrip()
             for r in (heads, *rows)]
    return "\n".join(lines) + "\n"
