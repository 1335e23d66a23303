"""The candidate scan: run every rule, keep the longest matches, join ranges and open ranges."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta
from functools import lru_cache

from . import interval as iv
from .grammar import Grammar
from .lexicon import alternation, norm
from .resolve import Context, Resolution
from .rules import HANDLERS, Candidate, join

DATEABLE = ("absolute", "relative", "anaphoric")
_GAP_MAX = 12  # characters between two dates that may join them into a range
_OPENER_WINDOW = 30  # characters before a date searched for "since"/"until"/"between"
_PAIRED = frozenset({"dan", "and", "ke"})  # join a range only after "antara/between/dari"...
_COARSE = frozenset({"bare_year", "year_word", "decade", "fiscal"})  # ...or when these name back-to-back spans


def scan(text: str, g: Grammar) -> list[Candidate]:
    """Return the candidates of `text` in text order, non-overlapping, ranges joined."""
    found: list[tuple[int, int, Candidate]] = []
    for order, matches in enumerate(rule_matches(text, g)):
        if not matches:
            continue
        handler = HANDLERS[g.rules[order][0]]
        for m in matches:
            try:
                c = handler(m, g, text)
            except (ValueError, OverflowError, KeyError):  # a number no calendar holds
                c = None
            if c is not None and c.end > c.start and not _across_lines(text, c, g):
                found.append((-(c.end - c.start), order, c))
    found.sort(key=lambda t: (t[0], t[1], t[2].start))
    chosen: list[Candidate] = []
    taken = bytearray(len(text) + 1)
    for _, _, c in found:
        # Longest first: a candidate inside a longer one ("2024" in "Januari 2024") loses.
        if taken.find(1, c.start, c.end) < 0:
            chosen.append(c)
            taken[c.start:c.end] = b"\x01" * (c.end - c.start)
    chosen = [_without_stop(text, c, g) for c in sorted(chosen, key=lambda c: c.start)]
    joined = _appositive(text, _with_clock(text, chosen, g), g)
    return _open_ranges(text, _ranges(text, _week_of(text, joined, g), g), g)


_NUMBER_THEN_LINE = re.compile(r"\d[ \t]*\n\s*([^\W\d_]+)")


def _across_lines(text: str, c: Candidate, g: Grammar) -> bool:
    """Tell whether `c` runs from a number ending one line into a capitalised word opening the next.

    "1:40 a.m. ET, July 14" / "Hours later, the FBI …": a heading's day and the next
    line's "Hours later" are no "14 hours later". (A month name opening the line may go on
    a date wrapped there: "on 14" / "July 2024".)
    """
    if text.find("\n", c.start, c.end) < 0:
        return False
    m = _NUMBER_THEN_LINE.search(text, c.start, c.end)
    return m is not None and m.group(1)[0].isupper() and m.group(1).lower() not in g.months


_LAST_WORD = re.compile(r"([^\W\d_]+)\.$")


def _without_stop(text: str, c: Candidate, g: Grammar) -> Candidate:
    """Leave a sentence's full stop out of a date ending in a full month name ("… pada 13 Mei.").

    The rules take a dot after a month for an abbreviation's ("Sept.", "Agu."); after a
    month's full name it ends the sentence.
    """
    if text[c.end - 1:c.end] != ".":
        return c
    word = _LAST_WORD.search(text, max(c.start, c.end - 20), c.end)
    if word is None or word.end() != c.end or not _full_month(g, word.group(1).lower()):
        return c
    return replace(c, end=c.end - 1)


def _full_month(g: Grammar, name: str) -> bool:
    """Tell whether `name` is a month's name and no shortening of a longer one ("Juli", not "Jul")."""
    month = g.months.get(name)
    return month is not None and not any(n != name and n.startswith(name) for n, m in g.months.items() if m == month)


def _appositive(text: str, cands: list[Candidate], g: Grammar) -> list[Candidate]:
    """Make "hari itu, 19 Juni 2024" one expression: the date in apposition names the day the anaphor means.

    A weekday in apposition ("the next day, Friday") names the day of that name nearest
    the anaphor's: the narrative's day may be another clock's ("Thursday night Eastern
    time", Friday in London), the weekday is the writer's.
    """
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        joined = (prev is not None and prev.kind == "anaphoric" and c.event
                  and text[prev.end:c.start].strip() == ",")
        wd = g.weekdays.get(norm(text[c.start:c.end].split()[0])) if joined and c.rule == "weekday" else None
        if joined and c.kind == "absolute" and c.rule in _DAY_RULES:
            out[-1] = replace(c, start=prev.start)
        elif wd is not None:
            out[-1] = replace(prev, end=c.end, resolve=_named_day(prev.resolve, wd))
        else:
            out.append(c)
    return out


def _named_day(day_of, wd: int):
    """Resolve to the day named `wd` nearest the day `day_of` gives ("the next day, Friday")."""

    def resolve(ctx: Context) -> Resolution:
        r = day_of(ctx)
        if r.interval is None or r.interval.precision != "day":
            return r
        d = r.interval.start
        return Resolution(iv.day(d + timedelta(days=(wd - d.weekday() + 3) % 7 - 3)), r.anchor)

    return resolve


@lru_cache(maxsize=None)
def _week_lead(words: tuple[str, ...]) -> re.Pattern | None:
    return re.compile(r"(?<![\w-])" + alternation(list(words)) + r"\s*$", re.I) if words else None


def _week_of(text: str, cands: list[Candidate], g: Grammar) -> list[Candidate]:
    """Make "the week of Oct. 6" one expression: the Monday–Sunday week holding that day."""
    lead = _week_lead(tuple(g.lex.words("week_of")))
    if lead is None:
        return cands
    out: list[Candidate] = []
    for c in cands:
        hit = lead.search(text, max(0, c.start - _OPENER_WINDOW), c.start) if c.rule in _DAY_RULES and c.event else None
        if hit is None:
            out.append(c)
            continue

        def resolve(ctx: Context, day_of=c.resolve) -> Resolution:
            r = day_of(ctx)
            if r.interval is None or r.interval.precision != "day":
                return r
            return Resolution(iv.week(r.interval.start), r.anchor)

        out.append(replace(c, start=hit.start(), resolve=resolve))
    return out


_DAY_RULES = frozenset({"iso", "wd_paren", "numeric", "dmy", "mdy", "dm", "md", "weekday", "deictic"})
_CLOCK_GAP = 20  # characters between a day and its clock time: ", sekitar ", " at about "


def _with_clock(text: str, cands: list[Candidate], g: Grammar) -> list[Candidate]:
    """Make a day and the clock time right after it one expression of the day.

    "28 Desember 2014 pukul 07.24 WIB", "Minggu (28/12/2014) sekitar pukul 06.17",
    "Dec. 28, 2014, at 7:24 a.m." are one time expression (TimeML writes them as one
    TIMEX3); its interval stays the day: events are dated to the day.
    """
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if (c.kind == "clock" and prev is not None and prev.rule in _DAY_RULES and prev.event
                and c.start - prev.end <= _CLOCK_GAP and "\n" not in text[prev.end:c.start]
                and g.clock_join.fullmatch(text, prev.end, c.start)):
            out[-1] = replace(prev, end=c.end)
            continue
        out.append(c)
    return out


def rule_matches(text: str, g: Grammar) -> list[list[re.Match]]:
    """Return per rule of `g` what `rx.finditer(text)` yields, trying a rule only where it may start.

    A search is a match tried at each position in turn, each next one after the
    previous match's end: tried at the positions the gate gives (see gate.py), in text
    order, the same. One pass over those positions serves all rules, so a short text
    (a dateline) costs little more than its few positions.
    """
    at = g.gate.positions(text)
    if at is None:
        return [list(rx.finditer(text)) for _, rx in g.rules]
    out: list[list[re.Match]] = [[] for _ in g.rules]
    for r, atoms in enumerate(g.gate.rule_atoms):
        if atoms is None:  # the gate cannot tell where this rule starts
            out[r] = list(g.rules[r][1].finditer(text))
    match = [rx.match for _, rx in g.rules]
    ends = [0] * len(g.rules)
    for p, rules in at:
        for r in rules:
            if p >= ends[r]:
                m = match[r](text, p)
                if m is not None:
                    ends[r] = m.end()
                    out[r].append(m)
    return out


def _ranges(text: str, cands: list[Candidate], g: Grammar) -> list[Candidate]:
    """Join "X – Y", "between X and Y", "dari X hingga Y" into one range candidate."""
    out: list[Candidate] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        b = cands[i + 1] if i + 1 < len(cands) else None
        if b is not None and a.kind in DATEABLE and b.kind in DATEABLE and a.event and b.event:
            gap = text[a.end:b.start]
            if len(gap) <= _GAP_MAX and "\n" not in gap and g.range_join.fullmatch(gap):
                word = gap.strip().lower()
                opened = g.range_open.search(text[max(0, a.start - _OPENER_WINDOW):a.start])
                if opened or word not in _PAIRED or _consecutive(a, b):
                    out.append(join(a, b, a.start, b.end))
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


def _consecutive(a: Candidate, b: Candidate) -> bool:
    """Tell whether "A and B" names back-to-back years or decades ("in 2001 and 2002", "the 1970s and '80s").

    Such a pair is one stretch of time (README "Dates"); "in 2019 and 2023" stays two dates.
    """
    if a.kind != "absolute" or b.kind != "absolute" or a.rule not in _COARSE or b.rule not in _COARSE:
        return False
    ra, rb = a.resolve(Context()), b.resolve(Context())
    if ra.interval is None or rb.interval is None or ra.interval.precision != rb.interval.precision:
        return False
    return (rb.interval.start - ra.interval.end).days == 1


def _open_ranges(text: str, cands: list[Candidate], g: Grammar) -> list[Candidate]:
    """Mark dates after "sejak/since" and "hingga/until" as open ranges (the interval of the date)."""
    out = []
    for c in cands:
        if c.kind in DATEABLE and c.event:
            before = text[max(0, c.start - _OPENER_WINDOW):c.start]
            if "\n" in before:
                before = before.rsplit("\n", 1)[1]
            if g.since.search(before):
                c = replace(c, kind="open_range", label_prefix="since ")
            elif g.until.search(before):
                c = replace(c, kind="open_range", label_prefix="until ")
        out.append(c)
    return out
