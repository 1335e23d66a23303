"""The view as a dated list of happenings, grouped by year and month, as Markdown or Word.

A happening dated to a month or finer sits under its month; a coarser one ("2022", "late
2023", "early 2000s") under the year it starts in, before that year's months. Each entry
holds its date label, title, type, actors, places, how many sources report it, what each
article said (sentence, source, link, the date it gave) and any date disagreement.

>>> import pandas as pd
>>> from timeline.i18n import catalogue
>>> row = {"event_id": "e1", "date": "2024-06-18", "date_end": "2024-06-18", "precision": "day",
...        "date_label": "18 Jun 2024", "title": "Treaty signed", "event_type": "agreement", "actors": "Russia;North Korea",
...        "places": "Pyongyang", "source_count": 1, "importance": 0.9, "date_note": "", "sentence": "They signed.",
...        "source": "a.txt", "source_url": "", "published": "2024-06-19"}
>>> parts = sections(pd.DataFrame([row]), pd.DataFrame(columns=["event_id"]), catalogue("en"))
>>> [(s.heading, [e.title for e in s.entries]) for s in parts]
[('2024', []), ('June 2024', ['Treaty signed'])]
"""
from __future__ import annotations

import io
import re
from collections import defaultdict
from dataclasses import dataclass

import pandas as pd

from .filters import split_list
from .i18n import Catalogue

KEY_MIN = 0.8  # "Key events only" keeps happenings at least this important (importance is 0-1, 1 the story's most central)
FINE = ("day", "week", "month_part", "month")  # dated within one month: listed under the month
# The downloaded file escapes only what would start markup in it, so it reads cleanly as text;
# the page escapes every punctuation mark (details.escape_markdown).
_MARKUP = re.compile(r"([\\`*_\[\]<>#|~$])")


@dataclass(frozen=True)
class Report:
    """What one article said of a happening."""

    sentence: str
    source: str
    url: str
    date_label: str


@dataclass(frozen=True)
class Entry:
    """One happening of the chronology."""

    event_id: str
    date_label: str
    title: str
    event_type: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    source_count: int
    reports: tuple[Report, ...]
    date_note: str


@dataclass(frozen=True)
class Section:
    """A year (level 1) or a month (level 2) with its happenings."""

    heading: str
    level: int
    entries: tuple[Entry, ...]


def key_events(df: pd.DataFrame, minimum: float = KEY_MIN) -> pd.DataFrame:
    """Return the happenings at least `minimum` important."""
    return df[(df["importance"].fillna(0.0) >= minimum).to_numpy(dtype=bool)]


def _reports(rec: dict, said: list[dict], ui: Catalogue) -> tuple[Report, ...]:
    if not said:  # a table read from data/tables has no mention rows: the event's own sentence
        said = [{"sentence": rec["sentence"], "source": rec["source"], "source_url": rec["source_url"], "date_label": rec["date_label"]}]
    return tuple(Report(" ".join(str(r["sentence"]).split()), str(r["source"]), str(r["source_url"] or ""),
                        ui.date_label(str(r["date_label"] or ""))) for r in said)


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) or value is pd.NA else str(value)


def sections(view: pd.DataFrame, mentions: pd.DataFrame, ui: Catalogue) -> list[Section]:
    """Return the happenings of `view` in date order, grouped by year and month, in the language of `ui`."""
    by_event: dict[str, list[dict]] = defaultdict(list)
    if len(mentions):
        mine = mentions[mentions["event_id"].isin(view["event_id"]).to_numpy(dtype=bool)]
        for r in mine.to_dict("records"):
            by_event[r["event_id"]].append(r)
    groups: dict[tuple[int, int], list[Entry]] = defaultdict(list)
    ordered = view.sort_values(["date", "date_end"], kind="stable")
    for rec in ordered.to_dict("records"):
        year, month = int(rec["date"][:4]), int(rec["date"][5:7])
        fine = rec["precision"] in FINE and rec["date"][:7] == rec["date_end"][:7]
        groups[(year, month if fine else 0)].append(Entry(
            str(rec["event_id"]), ui.date_label(_text(rec["date_label"]) or rec["date"]), _text(rec["title"]),
            ui.event_type(_text(rec["event_type"])), tuple(split_list(rec["actors"])),
            tuple(split_list(rec.get("places", ""))), int(rec.get("source_count") or 1),
            _reports(rec, by_event.get(rec["event_id"], []), ui), _text(rec.get("date_note"))))
    out: list[Section] = []
    last = None
    for year, month in sorted(groups):
        if year != last:
            out.append(Section(str(year), 1, tuple(groups.get((year, 0), ()))))
            last = year
        if month:
            out.append(Section(ui.month(year, month), 2, tuple(groups[(year, month)])))
    return out


def count(parts: list[Section]) -> int:
    """Return how many happenings the sections hold."""
    return sum(len(s.entries) for s in parts)


def facts_line(e: Entry, ui: Catalogue) -> str:
    """Return an entry's type, actors, places and source count as one plain line."""
    bits = [e.event_type]
    if e.actors:
        bits.append(ui.t("chrono_actors", actors=", ".join(e.actors)))
    if e.places:
        bits.append(ui.t("chrono_places", places=", ".join(e.places)))
    bits.append(ui.t("chrono_sources", n=e.source_count))
    return " · ".join(b for b in bits if b)


def _md(text: str, strict: bool = True) -> str:
    """Escape Markdown in article text (it is data, never markup): every punctuation mark, or (not strict) markup only."""
    from .details import escape_markdown

    return escape_markdown(text) if strict else _MARKUP.sub(r"\\\1", " ".join(text.split()))


def section_markdown(s: Section, ui: Catalogue, strict: bool = True) -> str:
    """Return one year or month as Markdown: its heading, then an item per happening with its reports.

    `strict` escapes every punctuation mark of the text (for the page); else only markup (for the file).
    """
    _md = lambda text: globals()["_md"](text, strict)  # noqa: E731
    lines = ["#" * (s.level + 1) + " " + _md(s.heading), ""]
    for e in s.entries:
        lines.append(f"- **{_md(e.date_label)}** — {_md(e.title)}  ")
        lines.append(f"  {_md(facts_line(e, ui))}")
        if e.date_note:
            lines.append(f"  - {_md(ui.t('date_disagree', note=e.date_note))}")
        for r in e.reports:
            # A link's address goes in angle brackets: the URL is data too, never markup.
            url = r.url.replace("<", "%3C").replace(">", "%3E")
            where = f"[{_md(r.source)}](<{url}>)" if r.url.startswith(("http://", "https://")) else _md(r.source)
            lines.append(f"  - › {_md(r.sentence)} ({where}, {_md(r.date_label)})")
    return "\n".join(lines).rstrip() + "\n"


def markdown(parts: list[Section], title: str, ui: Catalogue) -> str:
    """Return the chronology as Markdown: a heading per year and month, an entry per happening."""
    return "\n".join([f"# {_md(title, False)}\n"] + [section_markdown(s, ui, strict=False) for s in parts])


def markdown_bytes(parts: list[Section], title: str, ui: Catalogue) -> bytes:
    """Return the Markdown chronology as UTF-8."""
    return markdown(parts, title, ui).encode("utf-8")


def _hyperlink(paragraph, url: str, text: str) -> None:
    """Add a clickable link to a Word paragraph (python-docx has no call for it)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    for tag, value in (("w:color", "0563C1"), ("w:u", "single")):
        el = OxmlElement(tag)
        el.set(qn("w:val"), value)
        props.append(el)
    run.append(props)
    piece = OxmlElement("w:t")
    piece.text = text
    run.append(piece)
    link.append(run)
    paragraph._p.append(link)


def docx_bytes(parts: list[Section], title: str, ui: Catalogue) -> bytes:
    """Return the chronology as a Word document: headings per year and month, a paragraph per happening."""
    from docx import Document  # only when a Word file is asked for

    doc = Document()
    doc.add_heading(title, level=0)
    for s in parts:
        doc.add_heading(s.heading, level=s.level)
        for e in s.entries:
            para = doc.add_paragraph()
            para.add_run(e.date_label).bold = True
            para.add_run(" — " + e.title)
            doc.add_paragraph(facts_line(e, ui)).runs[0].italic = True
            if e.date_note:
                doc.add_paragraph(ui.t("date_disagree", note=e.date_note))
            for r in e.reports:
                quote = doc.add_paragraph(style="List Bullet")
                quote.add_run(f"{r.sentence} (")
                if r.url.startswith(("http://", "https://")):
                    _hyperlink(quote, r.url, r.source)
                else:
                    quote.add_run(r.source)
                quote.add_run(f", {r.date_label})")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
