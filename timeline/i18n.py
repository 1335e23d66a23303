"""The page's words in English and Bahasa Indonesia, from data/ui/<lang>.yaml.

Each file holds `text` (labels, captions, messages by key, with `{name}` placeholders),
`event_types`, `precisions`, `months` (full names, for headings) and `date_label`: ordered
regex rewrites that turn a date label as the extractor writes it ("late 2023", "week of
8 Sep 2025") into the language ("akhir 2023", "pekan 8 Sep 2025"). English is the reference:
`problems()` lists what another language lacks (tests/test_i18n.py fails on any).

>>> ui = catalogue("id")
>>> ui.date_label("since late 2023"), ui.event_type("meeting"), ui.t("tab_chronology")
('sejak akhir 2023', 'pertemuan', 'Kronologi')
"""
from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .datafile import read_yaml
from .errors import InputError
from .model import PRECISIONS
from .taxonomy import TYPES

UI_DIR = Path(__file__).resolve().parent.parent / "data" / "ui"
LANGS: tuple[str, ...] = ("en", "id")
DEFAULT = "en"


@dataclass(frozen=True)
class Catalogue:
    """One language's words for the page."""

    lang: str
    text: dict[str, str]
    event_types: dict[str, str]
    precisions: dict[str, str]
    months: dict[int, str]
    rules: tuple[tuple[re.Pattern[str], str], ...]

    def t(self, key: str, **values: object) -> str:
        """Return the text of `key` with its placeholders filled."""
        return self.text[key].format(**values) if values else self.text[key]

    def event_type(self, kind: str) -> str:
        """Return an event type's name (an unknown one as it is)."""
        return self.event_types.get(kind, kind)

    def precision(self, level: str) -> str:
        """Return a precision's name."""
        return self.precisions.get(level, level)

    def date_label(self, label: str) -> str:
        """Return a date label as written in this language."""
        for pattern, replacement in self.rules:
            label = pattern.sub(replacement, label)
        return label

    def month(self, year: int, month: int) -> str:
        """Return a month heading: "September 2025"."""
        return f"{self.months[month]} {year}"


def _path(lang: str) -> Path:
    return UI_DIR / f"{lang}.yaml"


@lru_cache(maxsize=len(LANGS))
def catalogue(lang: str) -> Catalogue:
    """Return the words of `lang` (one of LANGS), read once."""
    if lang not in LANGS:
        raise InputError(lang, f"no page words for this language; choose one of {', '.join(LANGS)}")
    path = _path(lang)
    data = read_yaml(path, "the page's words")
    try:
        rules = tuple((re.compile(p), r) for p, r in (data.get("date_label") or []))
    except (re.error, ValueError, TypeError) as exc:
        raise InputError(str(path), f"`date_label:` must be a list of [pattern, replacement] pairs ({exc})") from exc
    return Catalogue(lang, {str(k): str(v) for k, v in data["text"].items()},
                     {str(k): str(v) for k, v in data["event_types"].items()},
                     {str(k): str(v) for k, v in data["precisions"].items()},
                     {int(k): str(v) for k, v in data["months"].items()}, rules)


def choose(asked: str | None, locale: str | None) -> str:
    """Return the page language: `?lang=` if it names one, else the browser's locale, else English.

    >>> choose(None, "id-ID"), choose("en", "id-ID"), choose("xx", "de-DE")
    ('id', 'en', 'en')
    """
    if asked in LANGS:
        return asked
    base = (locale or "").replace("_", "-").split("-")[0].lower()
    return base if base in LANGS else DEFAULT


def key_of(ui: Catalogue, text: str, keys: tuple[str, ...]) -> str | None:
    """Return which of `keys` reads `text` in `ui`'s language."""
    return next((k for k in keys if ui.text.get(k) == text), None)


def relabel(label: str, keys: tuple[str, ...] | list[str], lang: str) -> str | None:
    """Return, in `lang`, the text of whichever of `keys` reads `label` in some language (None if none does).

    >>> relabel("Chronology", ["tab_details", "tab_chronology"], "id")
    'Kronologi'
    """
    for key in keys:
        if any(catalogue(other).text.get(key) == label for other in LANGS):
            return catalogue(lang).t(key)
    return None


def carried(state: Mapping[str, object], old: str, new: str, tab_keys: tuple[str, ...]) -> dict[str, object]:
    """Return the page's filter values that read in language `old`, in language `new`.

    Types, match mode, precision and the open tab are offered by their names in the page's
    language (a link holds an option as shown); a language switch renames the chosen ones
    so the view stays. Values of neither language, and the keys `state` lacks, are left out.

    >>> carried({"types": ["pertemuan"], "mode": "semua", "tab": "Kronologi"}, "id", "en", ("tab_chronology",))
    {'types': ['meeting'], 'mode': 'all', 'tab': 'Chronology'}
    """
    was, now = catalogue(old), catalogue(new)
    out: dict[str, object] = {}
    for name, words in (("types", "event_types"), ("precision", "precisions")):
        back = {v: k for k, v in getattr(was, words).items()}
        value = state.get(name)
        rename = lambda v: getattr(now, words).get(back.get(v, v), v)  # noqa: E731
        if value is not None:
            out[name] = [rename(v) for v in value] if isinstance(value, list) else rename(value)
    if state.get("mode") is not None:
        out["mode"] = now.t(key_of(was, str(state["mode"]), ("mode_any", "mode_all")) or "mode_any")
    if (same := relabel(str(state.get("tab") or ""), tab_keys, now.lang)) is not None:
        out["tab"] = same
    return out


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def problems() -> list[str]:
    """Return every key another language lacks or has extra, and every placeholder that differs."""
    ref = catalogue(DEFAULT)
    out = [f"{DEFAULT}: event type {t!r} has no name" for t in TYPES if t not in ref.event_types]
    out += [f"{DEFAULT}: precision {p!r} has no name" for p in PRECISIONS if p not in ref.precisions]
    for lang in LANGS:
        ui = catalogue(lang)
        for part in ("text", "event_types", "precisions", "months"):
            mine, theirs = getattr(ui, part), getattr(ref, part)
            out += [f"{lang}: {part}.{k} is missing" for k in theirs if k not in mine]
            out += [f"{lang}: {part}.{k} is not in {DEFAULT}" for k in mine if k not in theirs]
        out += [f"{lang}: text.{k} has placeholders {sorted(_fields(v))}, {DEFAULT} has {sorted(_fields(ref.text[k]))}"
                for k, v in ui.text.items() if k in ref.text and _fields(v) != _fields(ref.text[k])]
        out += [f"{lang}: text.{k} is empty" for k, v in ui.text.items() if not v.strip()]
    return out
