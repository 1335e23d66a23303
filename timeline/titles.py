"""Make a short headline for an event from its sentence, with the words in data/titles.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .datafile import read_yaml
from .errors import InputError

TITLES_FILE = Path(__file__).resolve().parent.parent / "data" / "titles.yaml"
TITLE_MAX = 90
_MIN_TITLE = 12  # a headline shorter than this after stripping falls back to less stripping
_MIN_CUT = 30  # never cut a long sentence down to fewer characters than this
_LEAD_WORDS_MAX = 7  # a leading time clause longer than this is kept (it says more)
_REST_WORDS_MIN = 4  # a lead clause is dropped only when this many words remain
_KEYS = ("openers", "lead_clauses", "attributions", "time_words", "caption_verbs", "breaks", "soft_breaks")

# "KIM DAN PUTIN - ", "TRIBUNNEWS.COM - ", "JAKARTA, KOMPAS.com - ", "MOSCOW (Reuters) - "
_PREFIX = re.compile(r"^(?:[^a-z]{2,60}?|[A-Z][A-Z .]+,\s*\S+)\s[-–—]{1,2}\s")
_PAREN = re.compile(r"\s*\([^()]*\)")
_QUOTES = str.maketrans("", "", "\"“”„«»")
_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_PUNCT_RUN = re.compile(r"([,;:])(?:\s*[,;:])+")


@dataclass(frozen=True)
class Words:
    """The compiled word lists of one language."""

    opener: re.Pattern[str]
    lead_clause: re.Pattern[str]
    attribution: re.Pattern[str]
    time_words: str
    caption: re.Pattern[str]
    breaks: re.Pattern[str]
    soft_breaks: re.Pattern[str]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def words(language: str, path: Path = TITLES_FILE) -> Words:
    """Return the compiled word lists for `language` (English when it has none)."""
    data = read_yaml(path, "the headline words")
    lang = data.get(language) or data.get("en")
    missing = [k for k in _KEYS if not isinstance(lang.get(k), list)]
    odd = [str(v) for k in _KEYS for v in lang.get(k) or [] if not isinstance(v, str)]
    if odd:
        raise InputError(str(path), f"{language}: not words: {', '.join(odd)} (quote them)")
    if missing:
        raise InputError(str(path), f"{language}: lacks the lists {', '.join(missing)}")
    return Words(
        opener=re.compile(rf"^(?:{_alt(lang['openers'])})\b\s*,?\s*", re.I),
        lead_clause=re.compile(rf"^(?:{_alt(lang['lead_clauses'])})\b[^,]*,\s*", re.I),
        attribution=re.compile(rf",\s*(?:\S+\s+){{0,3}}?(?:{_alt(lang['attributions'])})\b.*$", re.I),
        time_words=_alt(lang["time_words"]),
        caption=re.compile(rf"^(?:foto|photo|gambar)\b.*?,\s*(?:{_alt(lang['caption_verbs'])})\s+", re.I),
        breaks=re.compile(rf",\s|;\s|\s[-–—]\s|\s(?=(?:{_alt(lang['breaks'])})\s)", re.I),
        soft_breaks=re.compile(rf"\s(?=(?:{_alt(lang['soft_breaks'])})\s)", re.I),
    )


def _tidy(text: str) -> str:
    """Collapse spaces and stray punctuation left behind by removals."""
    text = _SPACES.sub(" ", text)
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _PUNCT_RUN.sub(r"\1", text)
    return text.strip(" ,;:-–—.")


def _drop_time(text: str, time_text: str, w: Words) -> str:
    """Remove the time expression and the words that go with it ("pada hari Rabu")."""
    if not time_text:
        return text
    pattern = rf"(?:\b(?:{w.time_words})\s+){{0,3}}{re.escape(time_text)}(?:\s*\([^()]*\))?"
    return re.sub(pattern, " ", text, count=1, flags=re.I)


def _strip_lead(text: str, w: Words) -> str:
    """Drop discourse openers and a short leading clause, as long as anything changes."""
    while True:
        before = text
        text = w.opener.sub("", text).lstrip(" ,")
        head, sep, rest = text.partition(", ")
        if sep and len(rest.split()) >= _REST_WORDS_MIN:
            if len(head.split()) <= 2 or (w.lead_clause.match(text) and len(head.split()) <= _LEAD_WORDS_MAX * 2):
                text = rest
        if text == before:
            return text


def _cut(text: str, limit: int, w: Words) -> str:
    """Cut `text` to `limit` at the last clause boundary, else preposition, else word."""
    if len(text) <= limit:
        return text
    cuts = [
        max((m.start() for m in p.finditer(text) if _MIN_CUT <= m.start() <= limit), default=0)
        for p in (w.breaks, w.soft_breaks)
    ]
    # A clause boundary wins unless it leaves little and a preposition leaves more.
    best = cuts[0] if cuts[0] >= limit // 2 else max(cuts)
    if best:
        return _tidy(text[:best])
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-") + "…"


def title_of(sentence: str, time_text: str = "", language: str = "id", limit: int = TITLE_MAX) -> str:
    """Return a headline of at most `limit` characters for an event told by `sentence`.

    Strips caption and dateline prefixes, discourse openers, the time expression,
    parentheticals and attribution tails, then cuts at a clause boundary.

    >>> title_of("Puncaknya, pada 18 Juni 2024, Kim Jong Un dan Vladimir Putin menandatangani "
    ...          "Traktat Kemitraan Strategis Komprehensif di Pyongyang.", "18 Juni 2024")
    'Kim Jong Un dan Vladimir Putin menandatangani Traktat Kemitraan Strategis Komprehensif'
    >>> title_of("On Friday, Russia and North Korea signed a treaty, officials said.", "Friday", "en")
    'Russia and North Korea signed a treaty'
    """
    w = words(language)
    plain = " ".join(sentence.split())
    text = _PREFIX.sub("", plain)
    text = w.caption.sub("", text)
    text = _drop_time(text, time_text, w)
    text = _PREFIX.sub("", _PAREN.sub("", text)).translate(_QUOTES)
    text = w.attribution.sub("", _tidy(text))
    text = _tidy(_strip_lead(_tidy(text), w))
    if len(text) < _MIN_TITLE:
        text = _tidy(_PAREN.sub("", _PREFIX.sub("", plain)).translate(_QUOTES))
    text = _cut(text, limit, w)
    return text[:1].upper() + text[1:]
