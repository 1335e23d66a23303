"""Where an expression sits on the page: dateline, heading line, key–value line, furniture.

News timelines write a date alone on a line and the happening below it; fact boxes
write "Date signed: 2019-03-01"; the first lines of a page carry the publication
date ("Senin, 8 September 2025", "KOTA, SITE.com - 05/03/2024, 10:15 WIB").
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..model import PRECISIONS
from ..verbs import has_verb, names_happening
from .grammar import Grammar
from .lexicon import alternation
from .resolve import Context
from .rules import Candidate

DATELINE_LINES = 6  # the publication date is looked for in this many first non-empty lines...
HEAD_LINES = 15  # ...not counting headline/byline lines, up to this many lines in all
FOOT_LINES = 6  # a closing line giving the publication date is looked for in this many last non-empty lines
STORY_WORDS = 25  # a line this long is story text: the dateline search stops after it
HEAD_WORDS = 20  # a line no longer than this that ends without a full stop is headline/byline material
# A stretch without a sentence end is cut into pieces this long: wrapping (ingest.MAX_LINE_CHARS)
# keeps prose lines shorter, so only a line without spaces gets here, where per-sentence
# lookups would otherwise make the work grow with the square of the line.
SENTENCE_MAX = 5_000
_PUNCT = r"[\s\-–—•·*:#|,.;()\[\]/>_=~\"'“”‘’]"
_PREFIX = re.compile(r"\s*[*_]{0,2}[A-Z][^\n]{0,70}?\s*[-–—|]\s*"  # "KOTA, SITE.com - ", "*Sunday briefing | "
                     r"|\s*[A-Za-z][\w-]*\.(?:com|co|id|net|org|co\.id|co\.uk)\s*,\s*")  # "Kompas.com, "
_KEY = re.compile(r"\s*(?:[-•*]\s*)?(?P<key>[^\n:|]{1,40}?)\s*[:|]\s*")
_HEAD_END = re.compile(r"[.!?:;][\"'”’]?\s*$")  # a line ending like a sentence
# A wire dateline without a year: "SEOUL, March 6 (Reuters) -", "WASHINGTON, Dec. 3 (AP) --".
_WIRE_BEFORE = re.compile(r"\s*[A-Z][A-Za-z .'’/-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,30})?,\s*$")
_WIRE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?(?:[-–—]{1,2}|$)")
# A bibliography entry: "Hadiwijoyo, Teguh (2015). Title. Publisher." / "Lee, S. & Park, J. (2020)."
# — the author's surname, a comma, given names or initials, then the year in parentheses.
_CITATION = re.compile(r"\s*(?:\d{1,3}[.)]\s*)?(?:\^\s*)?[A-Z][\w'’-]+,\s+[A-Z][^()\n]{0,80}?"
                       r"\(\s*(?:\d{4}[a-z]?|n\.\s?d\.)(?:,\s*[^()\n]{1,20})?\s*\)\s*[.:]")
_LINE = re.compile(r"[^\n]+")
# A match starts only at the first mark of a run and takes the run whole (possessive), so a
# line of 100,000 dots is one linear pass, not a retry at every dot (that was quadratic).
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]++[\"'”’)]*+\s++(?=[\"'“‘(]?[A-Z])|\n")
# "a.m."/"p.m." ending a clock time, and a place's clock or a zone after it ("Paris time",
# "Eastern time", "7:30 p.m. ET Monday"): no sentence ends between them.
_CLOCK_END = re.compile(r"[ap]\.m\.", re.I)
_CLOCK_ZONE = re.compile(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?\s+time\b|[A-Z]{2,4}[ \t]+[A-Za-z]")  # "ET Monday"
# Between the parts of a byline or dateline line; a match starts only at the first space of a
# run and takes it whole (possessive), so a long run of spaces is one pass, not a retry per space.
_SEPARATOR = re.compile(r"(?<!\s)\s*+[|•·]\s*+")
_DASH = re.compile(r"\s+[—–-]\s+")  # a spaced dash: "By Jane Doe, Correspondent — Published …"
# A news site's name: "Kompas.com", "TRIBUNNEWS.COM", "detik.co.id".
SITE = r"[A-Za-z][\w-]*\.(?i:co\.id|co\.uk|com|net|org|id|co)(?![\w.])"
# A site stamp before a date: "Kompas.com - ", "JAKARTA, KOMPAS.com, ", "TRIBUNNEWS.COM | ".
_STAMP = re.compile(r"\s*(?:[A-Z][\w .'’-]{0,40},\s*)?" + SITE + r"\s*[-–—|,:]?\s*", re.I)
# A sentence that is only a site tag: "BERITABALI.COM, DUNIA.", "TRIBUNNEWS.COM, MOSKOW -".
_SITE_TAG = re.compile(r"\s*(?:[A-Z][A-Z .'’-]{0,40},\s*)?" + SITE
                       + r"(?:\s*,\s*[A-Z][A-Z .'’-]{0,40})?\s*[-–—|,:.]*\s*")
# A writer's role after the name in a byline, up to the next separator or the line's end:
# "By Daniel Reyes, senior fellow, maritime security programme | ...", "Oleh X, pengamat ... |".
_ROLE = re.compile(r"\s*,\s*(?P<role>[^|•·\n]{1,100}?)\s*(?=[|•·]|$)")
_ROLE_TAIL = re.compile(r"\s+(?P<role>[^|•·,\n]{1,60}?)\s*(?=[|•·])")
ROLE_WORDS = 10  # a role longer than this is a sentence, not a byline's tail
# A section title: a markdown heading below the page's title ("## January 2025 ceasefire").
_SECTION = re.compile(r"\s*#{2,6}\s+\S")
SECTION_TITLE = "page furniture (section title)"  # its date still gives the lines below their context
_PAGE_TITLE = re.compile(r"\s*#\s+\S")  # a Markdown page title ("# 2025 papal conclave")
_YEAR_RULES = frozenset({"bare_year", "year_range", "year_word", "year_past"})  # candidates of whole years
# A line wholly in italics ("*Smoke rises over Khan Younis, March 18, 2025.*"): alone in its
# paragraph, a photo caption.
_ITALIC_LINE = re.compile(r"\s*([*_])(?![*_\s])[^*_\n]+(?<!\s)\1\s*")
# A picture agency's credit closing a caption: "(AFP/AHMAD GHARABLI)", "(KOMPAS.com/ANDIKA WIBOWO)".
_AGENCY_CREDIT = re.compile(r"\((?:[A-Z][\w.&-]*\s?){1,4}/\s?[A-Z][A-Z .'’-]{2,60}\)[\s*_.]*$")
# A list item: "- ", "• ", "* ", "1. ".
LIST_ITEM = re.compile(r"\s*(?:[-•*]|\d{1,3}[.)])\s+\S")
# A bulleted item, a timeline's entry ("- **Nov 24** — …"; a kronologi's numbered item titles its lines).
BULLET = re.compile(r"\s*[-•*]\s+\S")
# An infobox's caption: a line wholly in bold ("**Treaty on Comprehensive Strategic Partnership**").
_BOLD_LINE = re.compile(r"\s*(\*\*|__)(?![*_\s])[^*_\n]+?\1\s*")
# An infobox item: "- Second ceasefire: 19 January – 18 March 2025", a label without digits (so no
# timeline entry "- 13 September 2023: ..."), a colon and a value.
_INFOBOX_ITEM = re.compile(r"\s*[-•*]\s+(?P<key>[^\d:\n]{1,40}?)\s*:\s+(?P<value>\S[^\n]*)")
# A row of a markdown table of two columns ("| Page protection | Semi-protected since 2
# February 2023 |") or one ("| Lai Ching-te |", an infobox's title).
_ROW = re.compile(r"\s*\|(?P<key>[^|\n]*)\|(?:(?P<value>[^|\n]*)\|)?\s*")
CLOCK = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?!\d)")  # a clock time: "6:30", "23.01"
SENTENCE_CLOSE = re.compile(r"[.!?][\"'”’)]*\s*$")  # a text that ends like a sentence
_LABEL_END = " \t:|-–—.>»"  # what may follow a bare furniture label that heads a list ("Baca juga:")


@dataclass(frozen=True)
class Line:
    """A non-empty line of the text with its offsets and paragraph index."""

    start: int
    end: int
    paragraph: int


def lines(text: str) -> list[Line]:
    """Return the non-empty lines of `text`; a blank line starts a new paragraph."""
    return list(_each_line(text))


def _each_line(text: str) -> Iterator[Line]:
    """Yield `lines(text)` one by one: the dateline reads only the first few of a long text."""
    paragraph, last_end, first = 0, 0, True
    for m in _LINE.finditer(text):
        if not m.group().strip():
            continue
        if not first and text.count("\n", last_end, m.start()) > 1:
            paragraph += 1
        last_end, first = m.end(), False
        yield Line(m.start(), m.end(), paragraph)


def line_index(lns: list[Line], pos: int) -> int:
    """Return the index of the line holding offset `pos` (or the line before it)."""
    return max(0, bisect.bisect_right([ln.start for ln in lns], pos) - 1)


def sentence_bounds(text: str) -> list[int]:
    """Return cheap sentence start offsets, for tense and same-sentence year lookups.

    No sentence is longer than SENTENCE_MAX characters.
    """
    bounds = [0]
    for m in _SENTENCE_END.finditer(text):
        if _CLOCK_ZONE.match(text, m.end()) and _CLOCK_END.match(text, max(0, m.start() - 3)):
            continue  # "shortly before 10 a.m. Paris time Monday morning" goes on
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
    military = r"(?<!\d)(?:[01]\d|2[0-3])[0-5]\d(?=\s*" + alternation(lex.words("time_zones")) + r"(?!\w))"  # "1700 ET"
    return re.compile(r"(?:(?<!\w)" + alternation(words) + r"(?!\w)|" + offset + "|" + military + "|" + _PUNCT + ")+",
                      re.I)


def outside(text: str, spans: list[tuple[int, int]]) -> str:
    """Return `text` without the given spans, its pieces joined by spaces."""
    keep, last = [], 0
    for s, e in sorted(spans):
        keep.append(text[last:s])
        last = max(last, e)
    keep.append(text[last:])
    return " ".join(keep)


def only_filler(text: str, spans: list[tuple[int, int]], g: Grammar) -> bool:
    """Tell whether nothing but filler words and punctuation is left of `text` without the given spans."""
    rest = outside(text, spans)
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


def find_footer(text: str, g: Grammar, scan) -> date | None:
    """Return the publication date a closing line gives, if any (data/lang `publication_footer`).

    "Artikel ini telah tayang di Tempo edisi 2 Juni 2025.": a column or a reprint whose
    head names no day says at its foot when it appeared. The line must name the day in full.
    """
    lines = [ln for ln in _each_line(text) if text[ln.start:ln.end].strip()][-FOOT_LINES:]
    for ln in reversed(lines):
        line = text[ln.start:ln.end]
        cue = g.publication_footer.search(line)
        if cue is None:
            continue
        for c in scan(line, g):
            if c.kind == "absolute" and c.start >= cue.end():
                res = c.resolve(Context())
                if res.interval is not None and res.interval.precision == "day":
                    return res.interval.start
    return None


def footer_line(text: str, lns: list[Line], i: int, at: int, g: Grammar) -> bool:
    """Tell whether line `i` is a closing line saying where the piece appeared, its cue before `at`.

    "Artikel ini terbit di Tempo.co pada 1 Desember 2025.": the page's own date (find_footer),
    no happening.
    """
    if text[lns[i].start:at].count(" ") > FOOTER_WORDS:
        return False
    cue = g.publication_footer.search(text, lns[i].start, at)
    if cue is None:
        return False
    rest = [ln for ln in lns[i + 1:] if text[ln.start:ln.end].strip()]
    return len(rest) < FOOT_LINES


FOOTER_WORDS = 12  # a closing line's cue stands this near its start


def find_dateline(text: str, g: Grammar, scan, roles: dict[int, tuple[str, str]] | None = None,
                  lns: list[Line] | None = None) -> tuple[int, int, date, bool] | None:
    """Return (start, end, date, guessed) of the publication date in the first lines, if any.

    `guessed`: a wire dateline's year was taken from its lead's weekday alone (no year in
    the story), which the article's problems should say.

    `roles` (line index → role, as `line_role` gives) saves a second scan of the text
    when the caller has one; `lns` (the text's `lines`) saves splitting it again.
    """
    counted = 0
    for n, ln in enumerate(_each_line(text) if lns is None else lns):
        if counted >= DATELINE_LINES or n >= HEAD_LINES:
            break
        line = text[ln.start:ln.end]
        counted += not _head_material(line)
        if line.lstrip().startswith("|"):
            continue  # a table's row ("| Arrival date | 2 March 2020 |"): an infobox's fact, no stamp
        cands = scan(line, g)
        # Clock times and lengths ("5 min read", "2 hours ago") may stand beside a dateline,
        # and so may bylines ("By Jane Doe | Updated ...", "... | 16:38 WIB | LAPORAN: NAME").
        clocks = [(c.start, c.end) for c in cands if c.kind in ("clock", "duration")]
        clocks += bylines(line, g, [(c.start, c.end) for c in cands])
        clocks += _desks(line, g, [(c.start, c.end) for c in cands])
        clocks += labelled_dashes(line, g)
        # A second stamp beside the dateline ("Published August 19, 2025 · Updated August
        # 19, 2025, 11:05 GMT") is page furniture too.
        stamps = [(c.start, c.end) for c in cands if c.kind == "absolute"]
        for c in cands:
            if c.kind == "relative" and c.rule in ("md", "dm"):
                wire = _wire_dateline(text, g, scan, line, c)
                if wire is not None:
                    return ln.start + c.start, ln.start + c.end, *wire
                continue
            if c.kind not in ("absolute",):
                continue
            if g.range_start.match(line, c.end):
                continue  # "Date: 19 October 2023 – present": an infobox's span
            res = c.resolve(Context())
            if res.interval is None or res.interval.precision != "day":
                continue
            before = line[: c.start]
            alone = only_filler(line, [(c.start, c.end)] + clocks, g) or (
                len(stamps) > 1 and only_filler(line, stamps + clocks, g))
            prefixed = bool(_PREFIX.fullmatch(before)) and len(before.split()) <= 6 and only_filler(
                line[c.end:].split(" - ")[0].split(" – ")[0], [(a - c.end, b - c.end) for a, b in clocks if a >= c.end], g
            )
            label = g.publication_label.match(before)
            labelled = bool(label) and only_filler(line, [(0, label.end()), (c.start, c.end)] + clocks, g)
            # A wire dateline with its year: "JAKARTA, Aug 20, 2024 (Reuters) -", "Jakarta, 20 Agustus 2024 -".
            wired = bool(_WIRE_BEFORE.fullmatch(before) and _WIRE_AFTER.match(line, c.end)) and line[c.end:].strip() != ""
            if alone and not labelled:
                # On a timeline page a bare date alone on a line is a heading; a dateline is
                # dressed (weekday, clock time) or opens the page above a blank line. Whether a
                # later line is a heading is asked last: without the caller's roles, it scans
                # the whole rest of the text.
                first = line[c.start:c.end].split()[0].strip(",.").lower()
                dressed = bool(clocks) or first in g.weekdays or line[c.end:].strip(" ,.") != ""
                opens = n == 0 and _blank_after(text, ln)
                if not (dressed or opens) and (
                    any(role == "heading" for i, (role, _) in roles.items() if i > n)
                    if roles is not None else _timeline(text, g, scan, ln)
                ):
                    return None
            if alone or prefixed or labelled or wired or _stamp(line, [(c.start, c.end)] + clocks, g):
                return ln.start + c.start, ln.start + c.end, res.interval.start, False
            break  # only the first full date of a line can be its dateline
        if len(line.split()) > STORY_WORDS:
            break
    return None


STAMP_WORDS = 12  # at most this many words on a verbless stamp line of the page's head


def _stamp(line: str, spans: list[tuple[int, int]], g: Grammar) -> bool:
    """Tell whether a head line is a stamp: short, no verb, once its dates and times are left out.

    "**COMMENTARY** — *Daniel Hartono, Saturday, 20 September 2025*": a desk, a writer and
    the day, told in no fixed form; a line that tells something has a verb.
    """
    plain = re.sub(r"[*_#>|•·—–-]", " ", outside(line, spans))
    # "Tanggal penandatanganan: 19 Juni 2024" names a happening (a signing): no stamp.
    ended = line.rstrip(" *_").endswith(".")  # a sentence ("Laporan tersebut terbit pada …")
    return 0 < len(line.split()) <= STAMP_WORDS and not ended and not names_happening(plain, g.language)


def _head_material(line: str) -> bool:
    """Tell whether a line is headline or byline material: short and not ended like a sentence.

    "(LEAD) N. Korea, Russia hold talks", "By Kim Seo-yeon", "(ATTN: ADDS ...)",
    "detikNews": such lines do not use up the lines the dateline is looked for in.
    """
    return len(line.split()) <= HEAD_WORDS and not _HEAD_END.search(line)


def wire_form(line: str, c: Candidate, offset: int = 0) -> bool:
    """Tell whether `c` is the date of a wire dateline: "SEOUL, March 6 (Reuters) -".

    `line` holds `c`; `offset` is where the line starts in the text `c` was found in.
    """
    return bool(c.kind == "relative" and c.rule in ("md", "dm")
                and _WIRE_BEFORE.fullmatch(line[:c.start - offset]) and _WIRE_AFTER.match(line, c.end - offset))


def _wire_dateline(text: str, g: Grammar, scan, line: str, c: Candidate) -> tuple[date, bool] | None:
    """Return the date of a yearless wire dateline ("SEOUL, March 6 (Reuters) -") and whether its year is a guess.

    The year is inferred (README "Dates"): the year of the article's copyright line
    ("© 2025 Nusa Wire") when the dateline's day in it is not before the latest month or
    day the article reports; else, of the years that put the dateline's day on or after
    the start of the latest month or day (else year) with a stated year the article
    reports, up to today, the first the lead's weekday fits, or the nearest. Dates in
    sentences about the future and dates coarser than a year do not count. With no such
    date, the latest recent year the lead's weekday fits, said to be a guess; else the
    dateline stays unresolved.
    """
    if not wire_form(line, c):
        return None
    probe = c.resolve(Context(year=2024))  # a leap year holds every day a dateline may name
    if probe.interval is None:
        return None
    mo, d = probe.interval.start.month, probe.interval.start.day
    found = reported(text, g, scan)
    year = copyright_year(text, g)
    finest = latest(found, coarse=("year",))  # the latest month or day the story reports
    if year is not None:
        # The story's own copyright line is the page's year, unless the story reports a
        # later month or day than the dateline's day in that year (then the line is an old
        # page's footer). A bare year does not count: "the 2025 draft budget" names a year
        # ahead.
        with suppress(ValueError):  # 29 February of a common year
            if finest is None or date(year, mo, d) >= finest:
                return date(year, mo, d), False
    last = latest(found)
    # A wire's lead tells of that day or the day before ("Modi said on Monday"): the first
    # year from the latest reported one whose dateline day the lead's weekday fits, up to
    # this year (a story of May 2025 that looks back to 2021 only); without a weekday, or
    # when none fits, the nearest year of the next three.
    lead = _WEEKDAY_WORD.findall(text, c.end, c.end + LEAD_CHARS)
    said = next((g.weekdays[w.lower()] for w in lead if len(w) > 3 and w.lower() in g.weekdays), None)
    if finest is None:
        # No year anywhere ("Jan 11 (Wire) - … late on Thursday", then "on Oct 7"), or only
        # bare years of the story's background ("the first since 1979"): the latest of the
        # last WEEKDAY_YEARS years whose dateline day the lead's weekday fits; a day of a
        # weekday recurs in another year about every six years, so further back it names
        # nothing. (The first fitting year after "1987" put a story of 2024 in 1991.)
        guess = _weekday_year(mo, d, said, last)
        if guess or last is None:  # background years but no recent fit: counted from them, below
            return (guess, True) if guess else None
    # A bare year later than the latest month or day is mostly a label, often of a plan
    # ("a 2026 budget", "the 2027 presidential race" in a story of October 2025): the
    # years start from the month or day when there is one. A story is not published after
    # today.
    since = finest or last
    days = []
    for y in range(since.year, max(since.year + 2, date.today().year) + 1):
        with suppress(ValueError):  # 29 February of a common year
            if since <= date(y, mo, d) <= date.today():
                days.append(date(y, mo, d))
    fits = [day for day in days if _told_on(day, said)]
    if g.language == "en" and finest is not None:
        # English wire style writes a day's or month's year only when it is not the
        # story's own ("He won on Jan. 13, 2024" in a story of July 2025): a later year
        # the weekday fits comes first.
        fits = [day for day in fits if day.year > finest.year] + [day for day in fits if day.year <= finest.year]
    found = (fits or days[:3] or [None])[0]
    return (found, False) if found else None


WEEKDAY_YEARS = 5


def _weekday_year(month: int, day: int, said: int | None, since: date | None = None) -> date | None:
    """Return the dateline day of the latest of the last WEEKDAY_YEARS years the lead's weekday fits, or None.

    A year whose day is the lead's weekday wins over one whose day is the day after it
    (a wire tells mostly of its dateline's day); none before `since` (a date it reports).
    """
    this = date.today().year
    days = []
    for y in range(this, this - WEEKDAY_YEARS, -1):
        with suppress(ValueError):  # 29 February of a common year
            day_in = date(y, month, day)
            if day_in <= date.today() and (since is None or day_in >= since) and _told_on(day_in, said):
                days.append(day_in)
    return next((x for x in days if x.weekday() == said), days[0] if days else None)


def _told_on(day: date, said: int | None) -> bool:
    """Tell whether a lead naming weekday `said` can tell of `day`: that day, or the day before."""
    return said is not None and (day.weekday() - said) % 7 <= 1


_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?![\d.,/]\d)")


# A wire dateline's place and agency ("KYIV, Ukraine (AP)"; timeline/segment.py splits them
# off a story's first sentence); without a day between them the dateline names none.
WIRE_PLACE = r"[A-Z][A-Z .'’/-]{1,40}(?:,\s*[A-Z][\w .'’-]{0,40}?)?"
WIRE_AGENCY = r"\s*\((?![\d/.\s-]*\))[^()\n]{1,40}\)"  # not a date: "Senin (15/1/2024) —"
_UNDATED_WIRE = re.compile(r"\s*" + WIRE_PLACE + WIRE_AGENCY + r"\s*[-–—]{1,2}\s")


def undated_wire(text: str, g: Grammar, scan) -> date | None:
    """Return the publication date of a story whose wire dateline names no day, or None.

    Such a story ("KYIV, Ukraine (AP) — ...", "© 2025 The Wire" below it) is taken to be
    published on the latest day it reports, when that day is of its copyright line's
    year: a news story leads with its newest happening. Without a copyright line, or
    when the latest day is of another year, nothing is guessed.
    """
    if not any(_UNDATED_WIRE.match(text, ln.start) for ln in lines(text)[:HEAD_LINES]):
        return None
    year = copyright_year(text, g)
    if year is None:
        return None
    day = latest(reported(text, g, scan), coarse=tuple(p for p in PRECISIONS if p != "day"))
    return day if day is not None and day.year == year else None


_WEEKDAY_WORD = re.compile(r"[A-Za-z]+")
LEAD_CHARS = 400  # a wire's lead: the weekday it names dates the story


def copyright_year(text: str, g: Grammar) -> int | None:
    """Return the latest year of the article's copyright lines ("© 2025 Nusa Wire"), or None."""
    years = [int(y) for m in g.copyright.finditer(text) for y in _YEAR.findall(m.group())]
    return max(years) if years else None


def reported(text: str, g: Grammar, scan) -> list[tuple[date, str]]:
    """Return (start, precision) of every reported date with a stated year, not in a future clause.

    Dates on furniture lines and dates coarser than a year do not count.
    """
    bounds = sentence_bounds(text)
    lns = lines(text)
    starts = [ln.start for ln in lns]
    by_line: dict[int, list[Candidate]] = {}
    for c in scan(text, g):
        by_line.setdefault(max(0, bisect.bisect_right(starts, c.start) - 1), []).append(c)
    out = []
    blocks = block_furniture(text, lns, g)
    for i, on_line in by_line.items():
        # a page's own dates ("Data cut-off: 1700 ET, October 25, 2024", a byline, a caption) report nothing
        if i in blocks or line_role(text, lns[i], on_line, g)[0] == "furniture":
            continue
        for c in on_line:
            if not (c.year and c.event and c.kind in ("absolute", "range", "open_range")):
                continue
            iv = c.resolve(Context()).interval
            if iv is None or iv.precision in ("decade_part", "decade", "century") or iv.start > date.today():
                continue  # (a date after today is a plan: "talks suspended until 2028", "by September 2028")
            k = bisect.bisect_right(bounds, c.start) - 1
            if not g.future.search(text, bounds[k], bounds[k + 1] if k + 1 < len(bounds) else len(text)):
                out.append((iv.start, iv.precision))
    return out


def latest(found: list[tuple[date, str]], coarse: tuple[str, ...] = ()) -> date | None:
    """Return the latest start of `found` (as `reported` gives) whose precision is not in `coarse`."""
    return max((day for day, precision in found if precision not in coarse), default=None)


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


def bylines(line: str, g: Grammar, taken: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Return the spans of the bylines in `line`: "By Jane Doe", "Penulis X | Editor Y", "LAPORAN: NAME".

    A byline opens the line or follows a separator ("|", "•", "·"); its name runs to the
    next separator, the line's end, a publication label ("By Jane Doe Updated ...") or
    an expression of `taken` (spans into `line`). A name that is itself a date ("By
    December 2024, ...") or runs on into a sentence ("Reporter Kremlin Alexander Yunashev
    memposting ...") makes none.
    """
    out: list[tuple[int, int]] = []
    # A spaced dash before a publication label ends the byline as a separator would.
    labelled = labelled_dashes(line, g)
    line = line[:labelled[0][0]] if labelled else line
    # A separator's match takes the spaces after it itself; markdown emphasis may open the line.
    lead = len(line) - len(line.lstrip(" \t*_>"))
    for start in [lead] + [m.end() for m in _SEPARATOR.finditer(line)]:
        m = g.byline.match(line, start)
        if m is None or any(a < m.end() and m.start("name") < b for a, b in taken):
            continue
        end = m.end()
        end += len(line[end:]) - len(line[end:].lstrip("*_"))  # "**By Jane Doe** | …": the emphasis closes
        rest = line[end:]
        if (rest.strip() and not _SEPARATOR.match(rest) and not g.publication_label.match(rest)
                and not any(a >= end and not line[end:a].strip(" ,") for a, _ in taken)):
            # The name may have run on past its comma ("By Farah Lim, Southeast Asia"): the
            # rest up to the separator is then the role's tail ("correspondent").
            role = _ROLE.match(line, end) or _ROLE_TAIL.match(line, end)
            if (role is None or not _role(role["role"], g)
                    or any(a < role.end() and end < b for a, b in taken)):
                continue
            end = role.end()
        out.append((m.start(), end))
    return out


def labelled_dashes(line: str, g: Grammar) -> list[tuple[int, int]]:
    """Return the spans of a spaced dash and the publication label after it ("… Writer — Published ")."""
    out = []
    for m in _DASH.finditer(line):
        label = g.publication_label.match(line[m.end():])  # (its pattern is anchored with "^")
        if label is not None:
            out.append((m.start(), m.end() + label.end()))
    return out


# A desk or section name beside a dateline ("**Business desk** | July 17, 2025"): at most
# this many words between separators, with no verb and no digit.
DESK_WORDS = 4


def _desks(line: str, g: Grammar, taken: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the spans of short verbless segments of a line cut by separators ("Business desk", "ANALISIS")."""
    cuts = [(m.start(), m.end()) for m in _SEPARATOR.finditer(line)]
    if not cuts:
        return []
    out, start = [], 0
    for a, b in [*cuts, (len(line), len(line))]:
        piece = line[start:a]
        words = piece.strip(" *_#>").split()
        if (words and len(words) <= DESK_WORDS and not any(ch.isdigit() for ch in piece)
                and not any(x < a and start < y for x, y in taken) and not has_verb(" ".join(words), g.language)):
            out.append((start, a))
        start = b
    return out


def _role(text: str, g: Grammar) -> bool:
    """Tell whether the text after a byline's name and a comma is the writer's role ("senior fellow, ...")."""
    return len(text.split()) <= ROLE_WORDS and not has_verb(text, g.language)


# After a date opening a line, its clock time(s) and a separator: a comment's stamp
# ("March 24, 2011 at 7:31 am | Reply …", "February 28, 2011 10:44 pm at 10:44 pm | …").
_STAMP_TAIL = re.compile(r"(?:\s*,\s*\d{4})?(?:\s*(?:at|pukul|,)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?|WIB|ET|GMT)?)+\s*\|")


_BAR = re.compile(r"\s*\|")
_STAMP_HEAD = re.compile(r"\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*,?\s*)?")  # "March 24 , " before "2011"


def comment_stamp(text: str, line_start: int, c: Candidate) -> bool:
    """Tell whether `c` opens its line with a clock time and a "|" after it: a reader's comment's stamp."""
    if not _STAMP_HEAD.fullmatch(text, line_start, c.start):
        return False
    # (the clock may be the expression's own: "March 24 , 2011 at 7:31 am | Reply")
    return bool(_STAMP_TAIL.match(text, c.end)
                or CLOCK.search(text, c.start, c.end) and _BAR.match(text, c.end))


_TITLE = re.compile(r"\s*#\s+\S")


def title_line(text: str, lns: list[Line], i: int) -> bool:
    """Tell whether line `i` is the page's title: a markdown "# " line, or the first line above a blank one."""
    line = text[lns[i].start:lns[i].end]
    return bool(_TITLE.match(line)) or i == 0 and len(lns) > 1 and lns[1].paragraph != lns[0].paragraph


def block_furniture(text: str, lns: list[Line], g: Grammar) -> dict[int, str]:
    """Return {line index: reason} of the lines that are page furniture by their place on the page.

    A photo caption: a line alone in its paragraph, wholly in italics or ending with a
    credit ("(Foto: Sputnik via AP)"). Related links: the lines of a paragraph below a
    bare "Baca juga:" / "Read more:" line that are list items or headline-like. An infobox:
    the verbless "- Label: value" items below a line wholly in bold, and the rows of a
    two-column markdown table whose first row names the subject with an empty value cell.
    """
    out: dict[int, str] = {}
    texts = [text[ln.start:ln.end] for ln in lns]
    n = len(lns)
    for i, line in enumerate(texts):
        if i in out:
            continue  # a line of a block already read (a run of links is read once, not from each line)
        para = lns[i].paragraph
        alone = (i == 0 or lns[i - 1].paragraph != para) and (i + 1 == n or lns[i + 1].paragraph != para)
        if alone and (_ITALIC_LINE.fullmatch(line) or g.photo_credit.search(line) or _AGENCY_CREDIT.search(line)):
            out[i] = "page furniture (photo caption)"
            continue
        titled = _SECTION.match(line) and g.furniture.match(line.lstrip(" #"))
        if titled and not line.lstrip(" #")[titled.end():].strip(_LABEL_END + "*_"):
            # A section titled as furniture ("## References", "## Pranala luar"): every line
            # down to the next section title is.
            j = i + 1
            while j < n and not _SECTION.match(texts[j]):
                out[j] = "page furniture (references)"
                j += 1
            continue
        label = g.furniture.match(line)
        if label and not line[label.end():].strip(_LABEL_END):
            j = i + 1
            while j < n and lns[j].paragraph == para and (
                    LIST_ITEM.match(texts[j]) or _head_material(texts[j])):
                out[j] = "page furniture (related links)"
                j += 1
        elif _BOLD_LINE.fullmatch(line):
            j = i + 1
            while j < n and lns[j].paragraph <= para + 1 and (item := _INFOBOX_ITEM.fullmatch(texts[j])):
                if not has_verb(item["value"], g.language):
                    out[j] = "page furniture (infobox)"
                j += 1
            if j == i + 1 and alone and not line.rstrip(" *_").endswith("."):
                out[i] = "page furniture (section title)"  # "**What happened last month?**"
        else:
            row = _ROW.fullmatch(line)
            first = i == 0 or not _ROW.fullmatch(texts[i - 1])
            if row and first and row["key"].strip() and not (row["value"] or "").strip():
                # An infobox: a title row ("| 2023–2024 Israel–Hezbollah conflict | |", "| Lai
                # Ching-te |"), then its labels' rows; the title names the page, the rows sum it up.
                out[i] = "page furniture (infobox)"
                j = i + 1
                while j < n and lns[j].paragraph == para and _ROW.fullmatch(texts[j]):
                    out[j] = "page furniture (infobox)"
                    j += 1
    return out


# A site's breadcrumb: three or more short names joined by "·", "›", "»" or ">" ("The Atlantic
# Courier · World · Middle East", "Home › Internasional › Asia").
_BREADCRUMB = re.compile(r"\s*[^·›»>|\n]{1,30}(?:\s[·›»>]\s[^·›»>|\n]{1,30}){2,}\s*")


def _furniture_words(line: str, g: Grammar) -> bool:
    """Tell whether a line is furniture by its words or shape: a listed word, ©, a citation, a breadcrumb."""
    return bool(g.furniture.match(line) or "©" in line or _CITATION.match(line) or _BREADCRUMB.fullmatch(line))


def furniture_line(line: str, g: Grammar) -> bool:
    """Tell whether a line is page furniture whatever its dates ("Baca juga: ...", a reference, a byline)."""
    return _furniture_words(line, g) or bool(bylines(line, g))


def table_row(line: str) -> bool:
    """Tell whether `line` is a row of a two-column table: an infobox's label and value."""
    row = _ROW.fullmatch(line)
    return bool(row and row["value"] is not None and row["key"].strip() and row["value"].strip())


def lead(sentence: str) -> bool:
    """Tell whether a sentence opens a story after its place or site tag ("TRIBUNNEWS.COM - …")."""
    m = _LEAD.match(sentence)
    return m is not None and len(m.group().split()) <= _LEAD_WORDS


_LEAD = re.compile(r"\s*[*_]{0,2}[A-Z][^\n]{0,60}?\s[-–—]{1,2}\s")
_LEAD_WORDS = 8  # words of a lead's tag and its dash at most ("LIMA, Oct 10 (Reuters) - ")


def site_tag(sentence: str) -> bool:
    """Tell whether a sentence is only a site tag ("BERITABALI.COM, DUNIA.", "TRIBUNNEWS.COM, MOSKOW -")."""
    return _SITE_TAG.fullmatch(sentence) is not None


def line_role(text: str, ln: Line, cands: list[Candidate], g: Grammar) -> tuple[str, str]:
    """Return (role, key) of a line: "heading" (a date alone), "key_value", "furniture" or "".

    A heading whose key is ITEM is a dated item's title ("1. Minggu (15/12/2024): Freeland
    mundur") with the paragraph that tells it below.

    For furniture, `key` says what kind when it is not a listed furniture word: a
    byline, a site's time stamp, a publication stamp, a label that names no happening,
    a section title ("## January 2025 ceasefire"). Furniture known by its block (a
    caption, an infobox, a list of links) is `block_furniture`'s.
    """
    line = text[ln.start:ln.end]
    if _furniture_words(line, g):
        return "furniture", ""
    spans = [(x.start - ln.start, x.end - ln.start) for x in cands]
    if bylines(line, g, spans):
        return "furniture", "page furniture (byline)"
    dated = [c for c in cands if c.kind not in ("clock", "duration") and c.event]
    if dated and _SECTION.match(line) and not only_filler(line, spans, g):
        return "furniture", SECTION_TITLE  # "## January 2025 ceasefire" names the section, tells nothing
    if (dated and _PAGE_TITLE.match(line) and all(c.rule in _YEAR_RULES for c in dated)
            and not only_filler(line, spans, g) and not has_verb(line, g.language)):
        # "# 2025 German federal election", "# Colombo 2022, Jakarta 1998": a page's title
        # naming its subject by year tells no happening (its body does); a headline with a
        # verb ("# Kim arrives in Vladivostok") or a day is left to be read as a sentence.
        return "furniture", SECTION_TITLE
    named = [c for c in dated if c.rule == "weekday"]
    if len(dated) == 2 and len(named) == 1:
        # "2025-10-09 6:30 a.m. ET, Thursday" (a live entry's heading): the weekday
        # beside a day is that day's name, not a date of its own.
        dated.remove(named[0])
    else:
        named = []
    if len(dated) != 1:
        return "", ""
    c = dated[0]
    a, b = c.start - ln.start, c.end - ln.start
    spans = [(x.start - ln.start, x.end - ln.start) for x in cands if x.kind == "clock" or x in named]
    after = [(x - b, y - b) for x, y in spans if x >= b]
    spans.append((a, b))
    stamp = _STAMP.fullmatch(line, 0, a)
    if stamp and only_filler(line[b:], after, g):
        return "furniture", "page furniture (time stamp)"
    label = g.publication_label.match(line)
    if label and label.end() <= a and only_filler(line, spans + [(0, label.end())], g):
        return "furniture", "page furniture (publication date)"
    if only_filler(line, spans, g):
        return "heading", ""
    key = _KEY.match(line)
    if key and key.end() <= a and len(key["key"].split()) <= 5 and only_filler(line[key.end():], [
            (x - key.end(), y - key.end()) for x, y in spans if x >= key.end()], g):
        if g.publication_label.fullmatch(key["key"].strip()) or names_happening(key["key"], g.language):
            return "key_value", key["key"]
        return "furniture", "key names no happening"
    if _titled(line, a, b, text, ln.end, g):
        return "heading", ITEM
    return "", ""


ITEM = "item"  # the key of a dated item's title line (`_titled`)
# A kronologi's item: "1. Minggu (15/12/2024): Freeland mundur", "- **4 March 2025** — Tariffs hit"
_ITEM_MARK = re.compile(r"\s*(?:#{1,6}\s*|[-*+•]\s+|\d{1,3}[.)]\s+)?[*_]*")
_ITEM_TITLE = re.compile(r"[*_]*\s*[:—–-]\s*[*_]*(?P<title>[^\n]*?)[*_]*\s*")
_ITEM_TITLE_WORDS = 8  # a title longer than this is the item's own sentence
_TOLD_WORDS = 12  # the paragraph that tells an item is at least this long
_NEXT_LINE = re.compile(r"\n\s*(?P<line>[^\n]*)")


def _titled(line: str, a: int, b: int, text: str, end: int, g: Grammar) -> bool:
    """Tell whether a line is a dated item's title with the item told in the paragraph below it.

    "1. Minggu (15/12/2024): Freeland mundur" above "Wakil Perdana Menteri … mengundurkan
    diri dari kabinet Trudeau.": the date dates that paragraph too (the title is a report of
    its own; merge joins it to the sentences its date dates, `merge._itemised`).
    """
    title = _ITEM_TITLE.fullmatch(line, g.clock_tail.match(line, b).end())  # (past the rest of a clock)
    if not (_ITEM_MARK.fullmatch(line, 0, a) and title and title["title"]):
        return False
    if len(title["title"].split()) > _ITEM_TITLE_WORDS or SENTENCE_CLOSE.search(title["title"]):
        return False
    below = _NEXT_LINE.match(text, end)
    told = below["line"] if below else ""
    return (len(told.split()) >= _TOLD_WORDS and bool(SENTENCE_CLOSE.search(told))
            and not _ITEM_MARK.match(told).group().strip())
