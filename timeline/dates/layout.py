"""Where an expression sits on the page: dateline, heading line, key–value line, furniture.

News timelines write a date alone on a line and the happening below it; fact boxes
write "Date signed: 2019-03-01"; the first lines of a page carry the publication
date ("Senin, 8 September 2025", "KOTA, SITE.com - 05/03/2024, 10:15 WIB").
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .grammar import Grammar
from .lexicon import alternation
from .resolve import Context
from .rules import Candidate

DATELINE_LINES = 6  # the publication date is looked for in this many first non-empty lines...
HEAD_LINES = 15  # ...not counting headline/byline lines, up to this many lines in all
STORY_WORDS = 25  # a line this long is story text: the dateline search stops after it
HEAD_WORDS = 20  # a line no longer than this that ends without a full stop is headline/byline material
# A stretch without a sentence end is cut into pieces this long: wrapping (ingest.MAX_LINE_CHARS)
# keeps prose lines shorter, so only a line without spaces gets here, where per-sentence
# lookups would otherwise make the work grow with the square of the line.
SENTENCE_MAX = 5_000
_PUNCT = r"[\s\-–—•·*:#|,.;()\[\]/>_=~\"'“”‘’]"
_PREFIX = re.compile(r"\s*[A-Z][^\n]{0,70}?\s*[-–—|]\s*"  # "KOTA, SITE.com - "
                     r"|\s*[A-Za-z][\w-]*\.(?:com|co|id|net|org|co\.id|co\.uk)\s*,\s*")  # "Kompas.com, "
_KEY = re.compile(r"\s*(?:[-•*]\s*)?(?P<key>[^\n:|]{1,40}?)\s*[:|]\s*")
_HEAD_END = re.compile(r"[.!?:;][\"'”’]?\s*$")  # a line ending like a sentence
# A wire dateline without a year: "SEOUL, March 6 (Reuters) -", "WASHINGTON, Dec. 3 (AP) --".
_WIRE_BEFORE = re.compile(r"\s*[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,30})?,\s*$")
_WIRE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-–—]{1,2}|$)")
# A bibliography entry: "Hadiwijoyo, Teguh (2015). Title. Publisher." / "Lee, S. & Park, J. (2020)."
# — the author's surname, a comma, given names or initials, then the year in parentheses.
_CITATION = re.compile(r"\s*(?:\d{1,3}[.)]\s*)?(?:\^\s*)?[A-Z][\w'’-]+,\s+[A-Z][^()\n]{0,80}?"
                       r"\(\s*(?:\d{4}[a-z]?|n\.\s?d\.)(?:,\s*[^()\n]{1,20})?\s*\)\s*[.:]")
# A match starts only at the first mark of a run and takes the run whole (possessive), so a
# line of 100,000 dots is one linear pass, not a retry at every dot (that was quadratic).
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[\"'”’)]*+\s++(?=[\"'“‘(]?[A-Z])|\n")


@dataclass(frozen=True)
class Line:
    """A non-empty line of the text with its offsets and paragraph index."""

    start: int
    end: int
    paragraph: int


def lines(text: str) -> list[Line]:
    """Return the non-empty lines of `text`; a blank line starts a new paragraph."""
    out: list[Line] = []
    paragraph, last_end = 0, 0
    for m in re.finditer(r"[^\n]+", text):
        if not m.group().strip():
            continue
        if out and text.count("\n", last_end, m.start()) > 1:
            paragraph += 1
        last_end = m.end()
        out.append(Line(m.start(), m.end(), paragraph))
    return out


def line_index(lns: list[Line], pos: int) -> int:
    """Return the index of the line holding offset `pos` (or the line before it)."""
    return max(0, bisect.bisect_right([ln.start for ln in lns], pos) - 1)


def sentence_bounds(text: str) -> list[int]:
    """Return cheap sentence start offsets, for tense and same-sentence year lookups.

    No sentence is longer than SENTENCE_MAX characters.
    """
    bounds = [0]
    for m in _SENTENCE_END.finditer(text):
        bounds.extend(range(bounds[-1] + SENTENCE_MAX, m.end(), SENTENCE_MAX))
        bounds.append(m.end())
    bounds.extend(range(bounds[-1] + SENTENCE_MAX, len(text), SENTENCE_MAX))
    return bounds


def _filler(g: Grammar) -> re.Pattern:
    """Words that may stand beside a date on a dateline or heading line."""
    return _filler_of(g.language)


@lru_cache(maxsize=None)
def _filler_of(language: str) -> re.Pattern:
    from .grammar import build

    g = build(language)
    lex = g.lex
    words = list(g.weekdays) + lex.words("time_zones") + lex.words("publication_labels") + lex.words("clock_words")
    words += lex.words("dateline_words")
    words += ["am", "pm", "a.m.", "p.m.", "wib", "wita", "wit"]
    offset = r"[+−](?:\d{1,2}(?::?\d{2})?(?!\d))?"  # "GMT+9", "UTC+07:00"
    return re.compile(r"(?:(?<!\w)" + alternation(words) + r"(?!\w)|" + offset + "|" + _PUNCT + ")+", re.I)


def only_filler(text: str, spans: list[tuple[int, int]], g: Grammar) -> bool:
    """Tell whether nothing but filler words and punctuation is left of `text` without the given spans."""
    keep = []
    last = 0
    for s, e in sorted(spans):
        keep.append(text[last:s])
        last = max(last, e)
    keep.append(text[last:])
    rest = " ".join(keep)
    # Removing every filler match leaves nothing exactly when filler matches follow one
    # another from the start to the end (whitespace is filler too); a line of prose
    # fails at its first word instead of being rewritten whole.
    match, pos = _filler(g).match, 0
    while pos < len(rest):
        m = match(rest, pos)
        if m is None:
            return False
        pos = m.end()
    return True


def find_dateline(text: str, g: Grammar, scan, roles: dict[int, tuple[str, str]] | None = None,
                  lns: list[Line] | None = None) -> tuple[int, int, date] | None:
    """Return (start, end, date) of the publication date in the first lines, if any.

    `roles` (line index → role, as `line_role` gives) saves a second scan of the text
    when the caller has one; `lns` (the text's `lines`) saves splitting it again.
    """
    counted = 0
    for n, ln in enumerate(lines(text) if lns is None else lns):
        if counted >= DATELINE_LINES or n >= HEAD_LINES:
            break
        line = text[ln.start:ln.end]
        counted += not _head_material(line)
        cands = scan(line, g)
        # Clock times and lengths ("5 min read", "2 hours ago") may stand beside a dateline.
        clocks = [(c.start, c.end) for c in cands if c.kind in ("clock", "duration")]
        for c in cands:
            if c.kind == "relative" and c.rule in ("md", "dm"):
                wire = _wire_dateline(text, g, scan, line, c)
                if wire is not None:
                    return ln.start + c.start, ln.start + c.end, wire
                continue
            if c.kind not in ("absolute",):
                continue
            res = c.resolve(Context())
            if res.interval is None or res.interval.precision != "day":
                continue
            before = line[: c.start]
            alone = only_filler(line, [(c.start, c.end)] + clocks, g)
            prefixed = bool(_PREFIX.fullmatch(before)) and len(before.split()) <= 6 and only_filler(
                line[c.end:].split(" - ")[0].split(" – ")[0], [(a - c.end, b - c.end) for a, b in clocks if a >= c.end], g
            )
            label = g.publication_label.match(before)
            labelled = bool(label) and only_filler(line, [(0, label.end()), (c.start, c.end)] + clocks, g)
            later_heading = (
                any(role == "heading" for i, (role, _) in roles.items() if i > n)
                if roles is not None else _timeline(text, g, scan, ln)
            )
            if alone and not labelled and later_heading:
                # On a timeline page a bare date alone on a line is a heading; a dateline is
                # dressed (weekday, clock time) or opens the page above a blank line.
                first = line[c.start:c.end].split()[0].strip(",.").lower()
                dressed = bool(clocks) or first in g.weekdays or line[c.end:].strip(" ,.") != ""
                opens = n == 0 and _blank_after(text, ln)
                if not (dressed or opens):
                    return None
            if alone or prefixed or labelled:
                return ln.start + c.start, ln.start + c.end, res.interval.start
            break  # only the first full date of a line can be its dateline
        if len(line.split()) > STORY_WORDS:
            break
    return None


def _head_material(line: str) -> bool:
    """Tell whether a line is headline or byline material: short and not ended like a sentence.

    "(LEAD) N. Korea, Russia hold talks", "By Kim Seo-yeon", "(ATTN: ADDS ...)",
    "detikNews": such lines do not use up the lines the dateline is looked for in.
    """
    return len(line.split()) <= HEAD_WORDS and not _HEAD_END.search(line)


def _wire_dateline(text: str, g: Grammar, scan, line: str, c: Candidate) -> date | None:
    """Return the date of a yearless wire dateline ("SEOUL, March 6 (Reuters) -"), or None.

    The year is inferred (README "Dates"): the year that puts the dateline's day on
    or after the start of the latest date with a stated year the article reports,
    and nearest to it. Dates in sentences about the future and dates coarser than a
    year do not count. With no such date the dateline stays unresolved (None).
    """
    if not (_WIRE_BEFORE.fullmatch(line[:c.start]) and _WIRE_AFTER.match(line, c.end)):
        return None
    probe = c.resolve(Context(year=2024))  # a leap year holds every day a dateline may name
    if probe.interval is None:
        return None
    mo, d = probe.interval.start.month, probe.interval.start.day
    latest = latest_reported(text, g, scan)
    if latest is None:
        return None
    for y in (latest.year, latest.year + 1, latest.year + 2):
        try:
            day = date(y, mo, d)
        except ValueError:  # 29 February of a common year
            continue
        if day >= latest:
            return day
    return None


def latest_reported(text: str, g: Grammar, scan) -> date | None:
    """Return the start of the latest reported date with a stated year (not in a future clause)."""
    bounds = sentence_bounds(text)
    latest = None
    for c in scan(text, g):
        if not (c.year and c.event and c.kind in ("absolute", "range", "open_range")):
            continue
        res = c.resolve(Context())
        iv = res.interval
        if iv is None or iv.precision in ("decade_part", "decade", "century"):
            continue
        i = bisect.bisect_right(bounds, c.start) - 1
        s_end = bounds[i + 1] if i + 1 < len(bounds) else len(text)
        if g.future.search(text, bounds[i], s_end):
            continue
        if latest is None or iv.start > latest:
            latest = iv.start
    return latest


def _blank_after(text: str, ln: Line) -> bool:
    """Tell whether a blank line follows `ln`."""
    rest = text[ln.end:ln.end + 200]
    return bool(re.match(r"[ \t\r]*\n[ \t\r]*\n", rest))


def _timeline(text: str, g: Grammar, scan, first: Line) -> bool:
    """Tell whether another line after `first` also holds only a date (a timeline page)."""
    cands = scan(text[first.end:], g)
    by_line: dict[int, list[Candidate]] = {}
    lns = lines(text[first.end:])
    for c in cands:
        by_line.setdefault(line_index(lns, c.start), []).append(c)
    return any(line_role(text[first.end:], lns[i], cs, g)[0] == "heading" for i, cs in by_line.items())


def line_role(text: str, ln: Line, cands: list[Candidate], g: Grammar) -> tuple[str, str]:
    """Return (role, key) of a line: "heading" (a date alone), "key_value", "furniture" or ""."""
    line = text[ln.start:ln.end]
    if g.furniture.match(line) or "©" in line or _CITATION.match(line):
        return "furniture", ""
    dated = [c for c in cands if c.kind not in ("clock", "duration") and c.event]
    if len(dated) != 1:
        return "", ""
    c = dated[0]
    spans = [(x.start - ln.start, x.end - ln.start) for x in cands if x.kind == "clock"]
    spans.append((c.start - ln.start, c.end - ln.start))
    if only_filler(line, spans, g):
        return "heading", ""
    key = _KEY.fullmatch(line[: c.start - ln.start])
    after = line[c.end - ln.start:]
    if key and not re.sub(_PUNCT, "", after) and len(key["key"].split()) <= 5:
        return "key_value", key["key"]
    return "", ""
