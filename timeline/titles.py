"""Make a short headline for an event from its sentence, with the words in data/titles.yaml."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .dates.lexicon import literal_alternation
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
_QUOTE = re.compile("[\"“”„«»]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_PUNCT_RUN = re.compile(r"([,;:])(?:\s*[,;:])+")
_SPACED_MARK = re.compile(r" [,.;:!?]")
_RUN_MARK = re.compile(r"[,;:]")
_WIDE_SPACE = re.compile(r"\s\s")
_PAREN_AFTER = re.compile(r"\s*\([^()]*\)")
# Under re.I these match ASCII letters ("İ", "ı" as i, "ſ" as s, Kelvin "K" as k).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


@dataclass(frozen=True)
class Words:
    """The compiled word lists of one language."""

    opener: re.Pattern[str]
    lead_clause: re.Pattern[str]
    attribution: re.Pattern[str]
    time_word: re.Pattern[str]  # any time word and the whitespace after it
    time_word_each: tuple[re.Pattern[str], ...]  # each alone, in the order `time_word` tries them
    time_word_by_first: dict[str, tuple[re.Pattern[str], ...]] | None  # the same by lower-cased first letter
    caption: re.Pattern[str]
    breaks: re.Pattern[str]
    soft_breaks: re.Pattern[str]
    longest_time_word: int  # bounds how far before the time text its words can reach
    longest_break: int  # bounds how far past a cut its break word can reach


def _alt(words: list[str]) -> str:
    """The plain alternation of `words`, longest first (the patterns use it as a trie: literal_alternation)."""
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
        opener=re.compile(rf"^(?:{literal_alternation(lang['openers'])})\b\s*,?\s*", re.I),
        lead_clause=re.compile(rf"^(?:{literal_alternation(lang['lead_clauses'])})\b[^,]*,\s*", re.I),
        attribution=re.compile(rf",\s*(?:\S+\s+){{0,3}}?(?:{literal_alternation(lang['attributions'])})\b.*$", re.I),
        time_word=re.compile(rf"\b(?:{literal_alternation(lang['time_words'])})\s+", re.I),
        # _alt's order; an empty list is the empty word, as in the alternation
        time_word_each=tuple(re.compile(rf"\b{re.escape(t)}(\s+)", re.I)
                             for t in sorted(lang["time_words"], key=len, reverse=True) or [""]),
        time_word_by_first=_by_first(sorted(lang["time_words"], key=len, reverse=True)),
        caption=re.compile(rf"^(?:foto|photo|gambar)\b.*?,\s*(?:{literal_alternation(lang['caption_verbs'])})\s+", re.I),
        breaks=re.compile(rf",\s|;\s|\s[-–—]\s|\s(?=(?:{literal_alternation(lang['breaks'])})\s)", re.I),
        soft_breaks=re.compile(rf"\s(?=(?:{literal_alternation(lang['soft_breaks'])})\s)", re.I),
        longest_time_word=max(map(len, lang["time_words"]), default=0),
        longest_break=max(map(len, lang["breaks"] + lang["soft_breaks"]), default=0),
    )


def _by_first(words: list[str]) -> dict[str, tuple[re.Pattern[str], ...]] | None:
    """Group the patterns of `words` (in their order) by lower-cased first character.

    For ASCII first characters only: there a text character matches case-insensitively
    exactly when its lower-cased form is that character, unless it is one of the few
    that fold to ASCII letters (`_FOLDS_TO_ASCII`), where every pattern is tried.
    """
    if not words or not all(w[:1].isascii() and w[:1] for w in words):
        return None
    out: dict[str, list[re.Pattern[str]]] = {}
    for w in words:
        out.setdefault(w[0].lower(), []).append(re.compile(rf"\b{re.escape(w)}(\s+)", re.I))
    return {k: tuple(v) for k, v in out.items()}


def _tidy(text: str) -> str:
    """Collapse spaces and stray punctuation left behind by removals (tidy text stays as it is)."""
    # str.split() breaks at exactly the characters \s matches (a space left at either
    # end is stripped below). The two patterns then need a space before a mark or two
    # marks: most texts have neither, and trying them at every position costs more
    # than the rest of a headline.
    text = " ".join(text.split())
    if _SPACED_MARK.search(text):
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    first = _RUN_MARK.search(text)
    if first and _RUN_MARK.search(text, first.end()):
        text = _PUNCT_RUN.sub(r"\1", text)
    return text.strip(" ,;:-–—.")


def _wide_space(text: str) -> bool:
    """Tell whether `text` has two whitespace characters in a row."""
    if text.isascii() and text.isprintable():  # (both checks are cheap) then " " is its only whitespace
        return "  " in text
    return _WIDE_SPACE.search(text) is not None


def _unparen(text: str) -> str:
    """Remove parentheticals (the pattern is tried at every position; most texts have none)."""
    return _PAREN.sub("", text) if "(" in text else text


def _unquote(text: str) -> str:
    """Remove quotation marks (translate copies the text even when it has none)."""
    has = '"' in text if text.isascii() else _QUOTE.search(text) is not None  # '"' is the only ASCII one
    return text.translate(_QUOTES) if has else text


def _time_finder(text: str, time_text: str) -> tuple[Callable[[int], bool], int]:
    """Return a test whether `time_text` stands at an offset of `text` (case-insensitive, as
    re.I matches it) and the first offset where it does (-1: nowhere)."""
    if time_text.isascii() and (text.isascii() or _FOLDS_TO_ASCII.search(text) is None):
        # Then only ASCII letters match the ASCII ones of the time text, and lower() keeps
        # every offset (only "İ" lower-cases to two characters): lower-cased copies compare.
        low, key = text.lower(), time_text.lower()
        return (lambda x: low.startswith(key, x)), low.find(key)
    literal = re.compile(re.escape(time_text), re.I)
    first = literal.search(text)
    return (lambda x: literal.match(text, x) is not None), first.start() if first else -1


def _time_start(text: str, x: int, depth: int, w: Words, at_time: Callable[[int], bool]) -> int:
    """Return where the time text starts behind at most 3 - `depth` time words from `x` (-1: it does not).

    The ways are tried in the order the regex engine tries
    "(?:\\b(?:<time words>)\\s+){0,3}<time text>": one more word first (in the
    alternation's order, the longest run of whitespace first), the time text itself last.
    """
    if depth < 3 and w.time_word.match(text, x):
        first = text[x]
        if w.time_word_by_first is None or _FOLDS_TO_ASCII.match(first):
            candidates = w.time_word_each
        else:
            candidates = w.time_word_by_first.get(first.lower(), ())
        for word in candidates:
            m = word.match(text, x)
            if m:
                for end in range(m.end(), m.start(1), -1):
                    found = _time_start(text, end, depth + 1, w, at_time)
                    if found >= 0:
                        return found
    return x if at_time(x) else -1


def _drop_time(text: str, time_text: str, w: Words) -> str:
    """Remove the time expression and the words that go with it ("pada hari Rabu").

    What `re.sub(r"(?:\\b(?:<time words>)\\s+){0,3}<time text>(?:\\s*\\([^()]*\\))?", " ",
    text, count=1, flags=re.I)` does, without compiling a pattern for every time text
    (a third of a millisecond each: ten headlines' worth).
    """
    if not time_text:
        return text
    at_time, first = _time_finder(text, time_text)
    if first < 0:
        return text
    # The match starts where a time word stands, or at `first`; its words and their
    # whitespace (single spaces, unless the text has wider ones) reach back no further
    # than `reach` from the time text, which stands at `first` or later.
    reach = first if _wide_space(text) else 3 * (w.longest_time_word + 1)
    start, pos = first, max(0, first - reach)
    while (m := w.time_word.search(text, pos)) is not None and m.start() < first:
        at = _time_start(text, m.start(), 0, w, at_time)
        if at >= 0:
            start = m.start()
            break
        pos = m.start() + 1
    else:
        at = _time_start(text, first, 0, w, at_time)
    end = at + len(time_text)
    paren = _PAREN_AFTER.match(text, end)
    return text[:start] + " " + text[paren.end() if paren else end:]


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
    # A break starting at `limit` reaches at most its word and a space further: the
    # text after `end` changes none of the breaks up to `limit`.
    end = limit + w.longest_break + 3
    cuts = [
        max((m.start() for m in p.finditer(text, 0, end) if _MIN_CUT <= m.start() <= limit), default=0)
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
    text = _unquote(_PREFIX.sub("", _unparen(text)))
    # _tidy leaves tidy text as it is: it runs again only on what a removal changed.
    text, removed = w.attribution.subn("", _tidy(text))
    tidy = _tidy(text) if removed else text
    text = _strip_lead(tidy, w)
    text = _tidy(text) if text != tidy else text
    if len(text) < _MIN_TITLE:
        text = _tidy(_unquote(_unparen(_PREFIX.sub("", plain))))
    text = _cut(text, limit, w)
    return text[:1].upper() + text[1:]
