"""Safe text for the page's details view: article text is data, never markup."""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd

# Every ASCII punctuation character may be backslash-escaped in CommonMark, and an
# escaped character is always literal: no link, emphasis, HTML, math or directive.
_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")
DATE_COLUMNS = ("date", "date_end", "published")
# The table and the event pickers list at most this many events of a view (the first by
# date): 3,000 rows were 2 MB for the browser and delayed the first chart by 1.5 s; the
# downloads hold the whole view, and a click on the chart shows any event of it.
ROWS_SHOWN = 500


def escape_markdown(text: str) -> str:
    """Return `text` so that Markdown shows it literally, on one line.

    >>> print(escape_markdown("<b>1*2</b>"))
    \\<b\\>1\\*2\\<\\/b\\>
    """
    return _PUNCT.sub(r"\\\1", " ".join(text.split()))


def highlighted(sentence: str, time_text: str, colour: str = "orange") -> str:
    """Return `sentence` as literal Markdown with `time_text` highlighted where it occurs."""
    at = sentence.find(time_text) if time_text else -1
    if at < 0 and time_text:
        at = sentence.casefold().find(time_text.casefold())
    if at < 0:
        return escape_markdown(sentence)
    end = at + len(time_text)
    mark = escape_markdown(sentence[at:end])
    # Spaces at the seams survive: escape_markdown trims each piece.
    before = escape_markdown(sentence[:at]) + (" " if sentence[:at].endswith(tuple(" \t\n")) else "")
    after = (" " if sentence[end:].startswith(tuple(" \t\n")) else "") + escape_markdown(sentence[end:])
    return f"{before}:{colour}-background[{mark}]{after}"


def span_label(bounds: tuple[dt.date, dt.date] | None) -> str:
    """Return a short label of a time span for a metric.

    >>> span_label((dt.date(2000, 1, 8), dt.date(2025, 9, 8)))
    '2000 – 2025'
    >>> span_label((dt.date(2024, 5, 1), dt.date(2024, 5, 1)))
    'May 2024'
    """
    if not bounds:
        return "–"
    first, last = bounds
    if first.year != last.year:
        return f"{first.year} – {last.year}"
    return f"{first:%b %Y}" if first.month == last.month else f"{first:%b} – {last:%b %Y}"


def display_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Return the table with its date columns as dates, for a date-aware table widget."""
    out = df.copy()
    for col in DATE_COLUMNS:
        out[col] = pd.to_datetime(out[col], errors="coerce", format="ISO8601").dt.date
    return out


def event_names(df: pd.DataFrame, ids: list[str] | None = None, label=None) -> dict[str, str]:
    """Return "date · title" by event_id for a picker: of `ids` (those not in `df` say so), else of every row.

    `label` rewrites each date label (into the page's language).
    """
    rows = df if ids is None else df[df["event_id"].isin(ids).to_numpy(dtype=bool)]
    dates = rows["date_label"] if label is None else rows["date_label"].map({v: label(v) for v in rows["date_label"].unique()})
    names = dict(zip(rows["event_id"].tolist(), (dates + " · " + rows["title"]).tolist(), strict=True))
    return names if ids is None else {i: names.get(i, f"{i} (deleted or not found)") for i in ids}


def facts(rec: dict, ui=None) -> str:
    """Return an event's actors, people, type, precision, confidence, source and id as literal Markdown lines.

    `ui` (an i18n.Catalogue) gives the words; English without it.
    """
    from .i18n import catalogue

    ui = ui or catalogue("en")
    listed = lambda cell: cell.replace(";", ", ") or "–"  # noqa: E731
    pairs = [(ui.t("f_actors"), listed(rec["actors"])), (ui.t("f_people"), listed(rec["people"])),
             (ui.t("f_type"), ui.event_type(rec["event_type"])), (ui.t("f_precision"), ui.precision(rec["precision"])),
             (ui.t("f_confidence"), f"{rec['confidence']:.2f}"), (ui.t("f_source"), rec["source"]),
             (ui.t("f_event_id"), rec["event_id"] + (" " + ui.t("f_corrected") if rec["corrected"] else ""))]
    return "  \n".join(f"**{k}:** {escape_markdown(str(v))}" for k, v in pairs)


def reports(mentions: pd.DataFrame, event_id: str) -> list[dict]:
    """Return what each article said of one event: its source, link, date as given, and sentence."""
    rows = mentions[(mentions["event_id"] == event_id).to_numpy(dtype=bool)]
    return rows.to_dict("records")


def other_reports(mentions: pd.DataFrame, rec: dict) -> list[dict]:
    """Return the reports of event `rec` whose sentence is not the one the event shows (spacing aside)."""
    shown = " ".join(rec["sentence"].split())
    return [r for r in reports(mentions, rec["event_id"]) if " ".join(r["sentence"].split()) != shown]


def report_line(rec: dict, ui=None) -> str:
    """Return one report as literal Markdown: the sentence, then its source and the date it gave (in `ui`'s words)."""
    from .i18n import catalogue

    ui = ui or catalogue("en")
    said = escape_markdown(rec["sentence"])
    where = escape_markdown(f"{rec['source']}, {ui.date_label(rec['date_label'])}"
                            + (f", {ui.t('published')} {rec['published']}" if rec["published"] else ""))
    return f"› {said}  \n_{where}_"


def heading(rec: dict) -> str:
    """Return an event's date, places and title as one literal Markdown line: "**3 Sep 2025** · Beijing · …"."""
    cell = rec.get("places")
    where = escape_markdown(cell.replace(";", ", ")) if isinstance(cell, str) else ""
    return f"**{escape_markdown(rec['date_label'])}**" + (f" · {where}" if where else "") + f" · {escape_markdown(rec['title'])}"
