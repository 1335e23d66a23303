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
    # data for keeps Indonesian from being read as Malay. Its packed model took half a
    # second to unpack (68 MB of LZMA): the restricted model is kept in the user cache.
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from . import cache

    key = cache.key([Path(__file__)], [MODEL_DIR / MODEL_FILE], extra=",".join(SUPPORTED))
    kept = cache.load_bytes(MODEL_CACHE, key, ".npz")
    if kept is not None:
        try:
            return _unpacked(kept, LanguageIdentifier)
        except Exception:  # noqa: BLE001 - a damaged entry (cut, not an archive): unpack the model again
            pass
    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    ident.set_languages(list(SUPPORTED))
    cache.keep_bytes(MODEL_CACHE, key, _packed(ident), ".npz")
    return ident


MODEL_CACHE = "langid"  # the cache entry of the restricted model


def _packed(ident) -> bytes:
    """Return the identifier's model, restricted to SUPPORTED, as an uncompressed .npz."""
    import io

    import numpy as np

    buf = io.BytesIO()
    np.savez(buf, ptc=np.ascontiguousarray(ident.nb_ptc), pc=ident.nb_pc, classes=np.array(ident.nb_classes),
             nextmove=np.frombuffer(ident.tk_nextmove, dtype=f"u{ident.tk_nextmove.itemsize}"),
             nextmove_code=np.array(ident.tk_nextmove.typecode),
             row=np.frombuffer(ident.tk_row, dtype=f"u{ident.tk_row.itemsize}"),
             row_code=np.array(ident.tk_row.typecode), output=np.array(ident.tk_output, dtype=np.int64))
    return buf.getvalue()


def _unpacked(data: bytes, identifier_class):
    """Return the identifier `_packed` kept: the same arrays, so the same answers."""
    import io
    from array import array

    import numpy as np

    with np.load(io.BytesIO(data), allow_pickle=False) as z:
        nextmove = array(str(z["nextmove_code"]))
        nextmove.frombytes(memoryview(np.ascontiguousarray(z["nextmove"])).cast("B"))  # one copy, not two
        row = array(str(z["row_code"]))
        row.frombytes(memoryview(np.ascontiguousarray(z["row"])).cast("B"))
        ident = identifier_class(z["ptc"], z["pc"], z["classes"].tolist(), nextmove, z["output"].tolist(),
                                 tk_row=row)
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
    for word in _WORD.findall(text, 0, GLANCE_CHARS):  # findall: no match object per word
        lang = words.get(word.lower())
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
