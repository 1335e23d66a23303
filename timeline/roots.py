"""The root words of Sastrawi's Indonesian dictionary (berita, menteri, kirim), read once per process."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def indonesian() -> frozenset[str]:
    """Return Sastrawi's ~30,000 Indonesian root words (its stemmer, the verbs and the gazetteer ask)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(w for w in StemmerFactory().get_words() if w.strip())
