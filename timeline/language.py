"""Guess an article's language among the ones the tool has word lists for."""
from __future__ import annotations

from functools import lru_cache

SUPPORTED: tuple[str, ...] = ("id", "en")


@lru_cache(maxsize=1)
def _identifier():
    # py3langid is deterministic and small; restricting it to the languages we have
    # data for keeps Indonesian from being read as Malay.
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    ident.set_languages(list(SUPPORTED))
    return ident


def detect(text: str, default: str = "id") -> str:
    """Return "id" or "en" for `text` (its first few thousand characters)."""
    sample = text[:4000]
    if not any(ch.isalpha() for ch in sample):
        return default
    return _identifier().classify(sample)[0]
