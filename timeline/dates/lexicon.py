"""Per-language time vocabulary, read once from data/lang/<language>.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from ..datafile import parse_file, yaml_error

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "lang"
FALLBACK = "en"  # the language whose words are used when a language has no file

# Keys a language file must have (a test checks every shipped file against this).
REQUIRED = (
    "date_order", "months", "weekdays", "qualifiers", "numbers", "units", "deictic", "anaphoric",
    "unit_after", "unit_before", "count_after", "duration_before", "duration_after", "month_after",
    "month_before", "weekday_after", "weekday_before", "future_cues", "since_words", "until_words",
    "range_open", "range_join", "quarter_words", "half_words", "ordinals", "quantity_after",
    "currency_before", "furniture", "publication_labels",
)
_ANCHORS = ("published", "previous", "clause")


class LexiconError(ValueError):
    """A language file is missing, malformed or incomplete."""


@dataclass(frozen=True)
class Lexicon:
    """The words of one language, keyed for the pattern builder."""

    language: str
    raw: dict
    _tables: dict = field(default_factory=dict, compare=False, repr=False)  # table() answers, built once

    def __reduce__(self) -> tuple:
        """Pickle the words alone (the tables are rebuilt at need; read-only views do not pickle)."""
        return Lexicon, (self.language, self.raw)

    def words(self, key: str) -> list[str]:
        """Return the word list under `key` (empty when absent)."""
        value = self.raw.get(key) or []
        return [str(w) for w in value] if isinstance(value, list) else [str(w) for w in value]

    def table(self, key: str) -> MappingProxyType:
        """Return the mapping under `key`, keys lower-cased with single spaces (read-only).

        Rule handlers ask for a table on every match, so it is built once per key.
        """
        got = self._tables.get(key)
        if got is None:
            got = self._tables[key] = MappingProxyType({norm(str(k)): v for k, v in (self.raw.get(key) or {}).items()})
        return got

    def numbered(self, key: str) -> dict[str, int]:
        """Invert a {number: [words]} block into {word: number}."""
        out: dict[str, int] = {}
        for number, words in (self.raw.get(key) or {}).items():
            for w in words:
                out[norm(str(w))] = int(number)
        return out

    def grouped(self, key: str) -> dict[str, str]:
        """Invert a {name: [words]} block into {word: name}."""
        out: dict[str, str] = {}
        for name, words in (self.raw.get(key) or {}).items():
            for w in words:
                out[norm(str(w))] = str(name)
        return out


def norm(word: str) -> str:
    """Return `word` lower-cased with runs of whitespace made single spaces."""
    return " ".join(word.lower().split())


@lru_cache(maxsize=None)
def load(language: str) -> Lexicon:
    """Return the lexicon of `language`, falling back to English when there is no file."""
    path = DATA_DIR / f"{language}.yaml"
    if not path.exists():
        path = DATA_DIR / f"{FALLBACK}.yaml"
    try:
        raw = parse_file(path)
    except Exception as exc:
        if isinstance(exc, yaml_error()):
            raise LexiconError(f"{path}: not valid YAML ({exc})") from None
        raise
    check(raw, path)
    return Lexicon(language, raw)


def check(raw: object, path: Path) -> None:
    """Raise LexiconError naming the file and key when `raw` is not a usable lexicon."""
    if not isinstance(raw, dict):
        raise LexiconError(f"{path}: expected a mapping of keys at the top level")
    missing = [k for k in REQUIRED if k not in raw]
    if missing:
        raise LexiconError(f"{path}: missing keys {', '.join(missing)}")
    if raw["date_order"] not in ("DMY", "MDY"):
        raise LexiconError(f"{path}: date_order must be DMY or MDY, not {raw['date_order']!r}")
    if sorted(int(k) for k in raw["months"]) != list(range(1, 13)):
        raise LexiconError(f"{path}: months must list 1 to 12")
    if sorted(int(k) for k in raw["weekdays"]) != list(range(7)):
        raise LexiconError(f"{path}: weekdays must list 0 (Monday) to 6 (Sunday)")
    for key in ("unit_after", "unit_before", "count_after"):
        for word, value in (raw.get(key) or {}).items():
            if not (isinstance(value, list) and len(value) == 2 and value[0] in _ANCHORS):
                raise LexiconError(f"{path}: {key}: {word!r} needs [published|previous|clause, offset]")
    for key in ("deictic", "anaphoric"):
        for word, value in (raw.get(key) or {}).items():
            if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], int)):
                raise LexiconError(f"{path}: {key}: {word!r} needs [unit, offset]")


def alternation(words) -> str:
    """Return a regex matching any of `words` (case is left to the flags), longest first.

    Spaces match any run of whitespace. The words are laid out as a trie
    ("jan(?:uari)?"), so the regex engine tries one branch per position instead of
    every word in turn: the scan runs over whole articles with dozens of such lists.
    """
    uniq = {" ".join(w.lower().split()) for w in words if w and w.strip()}
    if not uniq:
        return "(?!x)x"  # matches nothing
    return "(?:" + _trie_regex(_trie(uniq)) + ")"


def _trie(words) -> dict:
    """Return `words` as nested dicts, one level per character; "" marks a word's end."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


# Under re.I these match ASCII letters ("İ", "ı" as i, "ſ" as s, Kelvin "K" as k): a text holding
# one can match a case-insensitive pattern where its lower-cased words show no match.
FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def literal_alternation(words) -> str:
    """Return a regex matching any of `words` exactly as written, trying the longest first.

    Under re.I it matches what "|".join(re.escape(w) for w in sorted(words, key=len,
    reverse=True)) matches, trying the words that fit at a position in the same order,
    but laid out as a trie (see `alternation`). A word list with an empty or
    upper-case word gets that plain alternation itself: there the orders could differ.
    """
    words = list(words)
    if not words or any(not w or w != w.lower() for w in words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return "(?:" + _trie_regex(_trie(words), re.escape(" ")) + ")"


def _trie_regex(node: dict, space: str = r"\s+") -> str:
    """Return the regex of a trie node; "" marks a word's end."""
    branches = []
    for ch in sorted(k for k in node if k):
        piece = space if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch], space))
    ends = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a word may stop here; try the longer words first
        return ("(?:" + body + ")?") if len(branches) > 1 or len(body) > 1 else body + "?"
    return body
