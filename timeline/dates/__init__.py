"""The temporal layer: find time expressions and give each dated sentence its date.

Version 1 wraps dateparser's search sentence by sentence; see baseline.py.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from ..model import Sentence, TimeExpression
from . import baseline

__all__ = ["date_sentences", "dateline", "find_expressions"]

# Page furniture that never carries an event date.
_FURNITURE = re.compile(r"^\s*(©|\(c\)|copyright\b|baca juga\b|rekomendasi\b|sumber\s*:)", re.I)
_DATELINE_LINES = 5


def find_expressions(text: str, published: date | None, language: str) -> list[TimeExpression]:
    """Return every time expression in `text`, in text order, spans into `text`.

    >>> [e.date.isoformat() for e in find_expressions("Pada 24 Februari 2022, Putin menyerang.", None, "id")]
    ['2022-02-24']
    """
    from ..segment import sentences

    out: list[TimeExpression] = []
    for s in sentences(text, language):
        for e in baseline.search(s.text, published, language):
            furniture = bool(_FURNITURE.match(s.text))
            out.append(
                replace(
                    e,
                    start=e.start + s.start,
                    end=e.end + s.start,
                    event=not furniture,
                    reason="page furniture" if furniture else "",
                )
            )
    return out


def date_sentences(
    text: str, sents: list[Sentence], published: date | None, language: str
) -> list[tuple[Sentence, TimeExpression]]:
    """Pair each dated sentence with the expression(s) that date its event."""
    exprs = [e for e in find_expressions(text, published, language) if e.event]
    pairs = []
    for s in sents:
        for e in exprs:
            if s.start <= e.start and e.end <= s.end:
                pairs.append((s, e))
    return pairs


def dateline(text: str, language: str) -> date | None:
    """Return the publication date written in the article's first lines, if any."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:_DATELINE_LINES]
    for line in lines:
        if len(line) > 80:
            continue
        found = baseline.search(line, None, language)
        if found and re.search(r"\d{4}", found[0].text):
            return found[0].date
    return None
