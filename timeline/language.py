"""Guess an article's language among the ones the tool has word lists for."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from .datafile import read_yaml
from .errors import InputError

SUPPORTED: tuple[str, ...] = ("id", "en")
WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "language_words.yaml"
GLANCE_CHARS = 2000  # the prefix whose common words may decide without the model
MODEL_CHARS = 4000  # the prefix the model reads when they do not
GLANCE_MIN = 10  # common words the winning language needs in the prefix ...
GLANCE_MARGIN = 5  # ... and this many times the other's
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _identifier():
    # py3langid is deterministic and small; restricting it to the languages we have
    # data for keeps Indonesian from being read as Malay.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    ident.set_languages(list(SUPPORTED))
    return ident


@lru_cache(maxsize=4)
def _common_words(path: Path = WORDS_FILE) -> dict[str, str]:
    """Return each common word with its language (data/language_words.yaml)."""
    data = read_yaml(path, "the common words")
    if not isinstance(data, dict) or any(not isinstance(data.get(lang), list) for lang in SUPPORTED):
        raise InputError(str(path), f"needs a list of words for each of {', '.join(SUPPORTED)}")
    out: dict[str, str] = {}
    for lang in SUPPORTED:
        for word in data[lang]:
            word = str(word).lower()
            if out.setdefault(word, lang) != lang:
                raise InputError(str(path), f"{word!r} is listed for two languages")
    return out


def glance(text: str) -> str | None:
    """Return the language whose common words clearly dominate the text's start, None when none does.

    >>> glance("Presiden mengatakan bahwa pertemuan itu akan digelar di Jakarta pada pekan depan, "
    ...        "dan para menteri yang hadir juga sudah setuju dengan rencana tersebut.")
    'id'
    >>> glance("Kim Jong Un") is None
    True
    """
    words = _common_words()
    counts = dict.fromkeys(SUPPORTED, 0)
    for m in _WORD.finditer(text, 0, GLANCE_CHARS):
        lang = words.get(m.group().lower())
        if lang:
            counts[lang] += 1
    (best, top), (_, second) = sorted(counts.items(), key=lambda kv: -kv[1])[:2]
    return best if top >= GLANCE_MIN and top >= GLANCE_MARGIN * second else None


def detect(text: str, default: str = "id") -> str:
    """Return "id" or "en" for `text`: its common words when they are clear, else the model on its start."""
    sample = text[:MODEL_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return default
    return glance(sample) or _identifier().classify(sample)[0]
