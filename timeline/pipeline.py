"""Run the whole extraction over files or folders and collect events and problems."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import events, ingest, table
from .errors import InputError
from .model import Article, Event


@dataclass(frozen=True)
class Result:
    """The events of a batch and what went wrong with which input."""

    events: tuple[Event, ...]
    errors: tuple[InputError, ...] = ()
    notes: tuple[str, ...] = field(default=())  # non-fatal remarks ("no dated events found")

    def frame(self) -> pd.DataFrame:
        """Return the events as the schema's table."""
        return table.to_frame(self.events)


def extract_article(article: Article) -> list[Event]:
    """Return the events of one article (the pure step the page caches)."""
    return events.extract(article)


def merge_events(found: list[Event]) -> list[Event]:
    """Merge reports of one happening across articles (the page's timeline shows these)."""
    return events.merge(found)


def internal_error(source: str, exc: Exception) -> InputError:
    """Return the error reported when extraction fails unexpectedly on one input."""
    message = " ".join(str(exc).split())[:200]
    return InputError(source, f"internal error while extracting ({type(exc).__name__}: {message})")


def extract_paths(
    paths: list[Path],
    published: dt.date | None = None,
    language: str | None = None,
    merge_sources: bool = False,
) -> Result:
    """Read every article under `paths` and extract its events; bad files are reported.

    Each article's events are already one per happening within it; `merge_sources`
    also merges the same happening reported by several articles into one row.
    """
    files, errors = ingest.collect(paths)
    found: list[Event] = []
    notes: list[str] = []
    for f in files:
        try:
            article = ingest.read(f, published, language)
            evs = extract_article(article)
        except InputError as exc:
            errors.append(exc)
            continue
        except Exception as exc:  # a bug met on one input must not stop the batch
            errors.append(internal_error(str(f), exc))
            continue
        notes.extend(f"{f}: {p}" for p in article.problems)
        if not evs:
            notes.append(f"{f}: no dated events found")
        found.extend(evs)
    # Across articles, merging is asked for: a merged row carries one article's name
    # in `source`, so a per-article table (what `extract` writes by default) keeps
    # each article's own rows and stays checkable against that article.
    if merge_sources:
        try:
            found = merge_events(found)
        except Exception as exc:  # keep the unmerged rows rather than lose the batch
            notes.append(str(internal_error("merging across articles", exc)).replace("extracting", "merging"))
    return Result(tuple(found), tuple(errors), tuple(notes))
