"""Split an article body into paragraphs and sentences with character offsets."""
from __future__ import annotations

import re
from functools import lru_cache

import sentencex

from .dates import grammar
from .dates.layout import BULLET, SENTENCE_MAX, SITE, WIRE_AGENCY, WIRE_PLACE
from .model import Sentence

_LINE = re.compile(r"[^\n]+")
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_NUMBER_MARK = re.compile(r"\d{1,3}[.)]")  # a numbered list's mark, "1." or "10)"
_PIECE = 1_000  # characters given to sentencex at once from a line without spaces
# What opens a story's line without being part of its sentence: a wire dateline ("KYIV,
# Ukraine (AP) — ", "BRUSSELS, June 5 (Nusa Wire) - ", "JAKARTA, KOMPAS.com - ",
# "TRIBUNNEWS.COM, JAKARTA - ") or a live blog's clock heading ("**06.55** — "). Split off,
# it is page furniture; the sentence after it is the story's.
# Indonesian outlets write the place in title case: "Jakarta (ANTARA) - ", "Jakarta, CNN
# Indonesia -- ", "BANGKOK, KOMPAS DUNIA - ", "TEMPO.CO, Jakarta - ", detik's "Jakarta - ".
# Without an agency in brackets or a site, only a hyphen (not a dash, which English prose
# uses: "Russia, China — and Iran …") ends such a lead.
_PLACE = r"[A-Z][\w'’.-]*(?:[ /][A-Z][\w'’.-]*){0,3}"
_LEAD = re.compile(
    r"\s*(?:(?:"
    + WIRE_PLACE + r"(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2}(?:,\s*\d{4})?)?" + WIRE_AGENCY +
    r"|" + _PLACE + WIRE_AGENCY +
    r"|[A-Z][A-Z .'’/-]{1,40},\s*" + SITE + r"|" + SITE + r"[*_]{0,2},\s*[A-Z][\w .'’/-]{1,40}?"
    r"|[*_]{0,2}\d{1,2}[.:]\d{2}(?:\s*[A-Z]{2,4})?[*_]{0,2}"
    r")\s*[—–-]{1,2}"
    r"|" + _PLACE + r",\s*[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}\s+(?:--|-|–)"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?\s+-"
    r")\s+(?=\S)")


def sentences(text: str, language: str = "id") -> list[Sentence]:
    """Return the sentences of `text` in text order; no sentence crosses a line.

    Paragraphs are blocks of lines separated by a blank line.

    >>> [(s.text, s.paragraph) for s in sentences("Kim tiba. Putin menyambut.\\n\\nLain")]
    [('Kim tiba.', 0), ('Putin menyambut.', 0), ('Lain', 1)]
    """
    out: list[Sentence] = []
    paragraph, last_end = 0, 0
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        if out and text.count("\n", last_end, line.start()) > 1:
            paragraph += 1
        last_end = line.end()
        out.extend(_line_sentences(line.group(), line.start(), language or "en", paragraph))
    return out


def _line_sentences(line: str, base: int, language: str, paragraph: int) -> list[Sentence]:
    """Segment one line with sentencex, offsets shifted by `base`."""
    spans: list[list[int]] = []
    # Markdown emphasis hides an abbreviation from sentencex ("- **Feb. 24, 2022** —"
    # broke after "Feb."): it reads a copy with the marks blanked, offsets unchanged.
    masked = _EMPHASIS.sub(lambda m: " " * len(m.group()), line) if "*" in line or "_" in line else line
    for start, end in _boundaries(masked, language):
        # sentencex breaks "TRIBUNNEWS.COM" at its dot: a piece glued to the one
        # before it (no space across the break) continues that piece.
        if spans and (start == spans[-1][1] and _glued(line, start) or _zoned(line, spans[-1][1], start, language)):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    if len(spans) > 1 and _NUMBER_MARK.fullmatch(line[spans[0][0]:spans[0][1]].strip()):
        # "1. Jumat (14/2/2025): Masuk Rumah Sakit Gemelli": sentencex ends a sentence at
        # the list number's dot; the number opens the entry.
        spans[0:2] = [[spans[0][0], spans[1][1]]]
    lead = _LEAD.match(line)
    if lead and spans and spans[0][0] <= lead.start() < lead.end() < spans[0][1]:
        spans[0:1] = [[spans[0][0], lead.end()], [lead.end(), spans[0][1]]]
    if BULLET.match(line) and ";" in line:
        # "- **Oct 26** — Trump arrives in Kuala Lumpur; Timor-Leste is admitted; Anutin and Hun
        # Manet sign the accord": a timeline entry lists its day's happenings, one clause each.
        spans = [piece for start, end in spans for piece in _clauses(line, start, end, language)]
    out = []
    for start, end in spans:
        chunk = line[start:end]
        stripped = chunk.strip()
        if stripped:
            s = base + start + (len(chunk) - len(chunk.lstrip()))
            out.append(Sentence(stripped, s, s + len(stripped), paragraph))
    return out


@lru_cache(maxsize=None)
def _clause_break(language: str) -> re.Pattern:
    """Match a semicolon opening a new clause: a subject of its own (a capital) or the day's next happening.

    "- **October 23, 2024** — Machinists reject a second offer; the same day Boeing reports a
    loss": the phrases are the language's same-day anaphors (data/lang `anaphoric`, [day, 0]).
    """
    lex = grammar.build(language).lex
    same = sorted((w for w, v in lex.table("anaphoric").items() if tuple(v) == ("day", 0)),
                  key=len, reverse=True)
    told = "|".join(re.escape(w) for w in same)
    return re.compile(r";\s+(?=[A-Z]" + (r"|(?i:" + told + r")\b" if told else "") + ")")


def _clauses(line: str, start: int, end: int, language: str) -> list[list[int]]:
    """Split a list entry's sentence at each semicolon that opens a clause (`_clause_break`)."""
    out, at = [], start
    for m in _clause_break(language).finditer(line, start, end):
        out.append([at, m.start()])
        at = m.end()
    out.append([at, end])
    return out


def _boundaries(line: str, language: str) -> list[tuple[int, int]]:
    """Return sentencex's sentence spans of `line`; a line over SENTENCE_MAX characters goes in pieces.

    Only a line without spaces is that long (longer ones are wrapped at spaces), and
    sentencex's time grows with the square of such a line when it is full of quotes.
    """
    size = len(line) if len(line) <= SENTENCE_MAX else _PIECE
    out = []
    for base in range(0, len(line), size):
        piece = line[base:base + size]
        out += [(base + b["start_index"], base + b["end_index"])
                for b in sentencex.get_sentence_boundaries(language, piece)]
    return out


_MERIDIEM = re.compile(r"\d\s*[ap]\.m\.\s*$", re.I)
_MERIDIEM_REACH = 12


def _zoned(line: str, end: int, start: int, language: str) -> bool:
    """True when a break falls between a clock's "p.m." and its zone ("10:10 p.m. | Eastern time on Wednesday")."""
    # (only the characters just before the break are looked at: a line of many sentences stays linear)
    return bool(_MERIDIEM.search(line, max(0, end - _MERIDIEM_REACH), end)) and bool(
        grammar.build(language).zone.match(line, start))


def _glued(line: str, at: int) -> bool:
    """True when a break at `at` falls inside a token such as "TRIBUNNEWS.COM"."""
    return 2 <= at < len(line) and line[at - 1] == "." and line[at - 2].isalnum() and line[at].isalnum()
