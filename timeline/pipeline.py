"""Run the whole extraction over files or folders and collect events and problems."""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import events, importance, ingest, table, wireyear
from .errors import InputError
from .model import Article, Event

if TYPE_CHECKING:  # a third of a second to import: only `frame()` and `mentions()` need it
    import pandas as pd


@dataclass(frozen=True)
class Result:
    """The events of a batch and what went wrong with which input."""

    events: tuple[Event, ...]
    errors: tuple[InputError, ...] = ()
    notes: tuple[str, ...] = field(default=())  # non-fatal remarks ("no dated events found")

    def frame(self) -> pd.DataFrame:
        """Return the events as the schema's table."""
        return table.to_frame(self.events)

    def mentions(self) -> pd.DataFrame:
        """Return every report of every event, with its article (table.MENTION_SCHEMA)."""
        return table.mentions_frame(self.events)


def extract_article(article: Article) -> list[Event]:
    """Return the events of one article (the pure step the page caches)."""
    return events.extract(article)


def merge_events(found: list[Event], title_language: str = "source") -> list[Event]:
    """Merge reports of one happening across articles (the page's timeline shows these)."""
    return events.merge(found, title_language)


def internal_error(source: str, exc: Exception) -> InputError:
    """Return the error reported when extraction fails unexpectedly on one input."""
    message = " ".join(str(exc).split())[:200]
    return InputError(source, f"internal error while extracting ({type(exc).__name__}: {message})")


def _extract_file(
    f: Path, published: dt.date | None, language: str | None
) -> tuple[list[Event], list[InputError], list[str], tuple[str, str | None] | None]:
    """Read and extract one file; return its events, its error (if any), notes, and how to redo it.

    The last item is (path, language) when the article's publication year was a guess
    (wireyear.py may extract it again on another day), else None.
    """
    try:
        article = ingest.read(f, published, language)
        evs = extract_article(article)
    except InputError as exc:
        return [], [exc], [], None
    except Exception as exc:  # a bug met on one input must not stop the batch
        return [], [internal_error(str(f), exc)], [], None
    notes = [f"{f}: {p}" for p in article.problems]
    if not evs:
        notes.append(f"{f}: no dated events found")
    return evs, [], notes, (str(f), language) if article.year_guessed else None


def _redo(path: str, language: str | None):
    """Return a function extracting the file at `path` as if published on a given day."""
    return lambda day: _extract_file(Path(path), day, language)[0]


def _extract_chunk(
    files: list[Path], published: dt.date | None, language: str | None
) -> list[tuple[list[Event], list[InputError], list[str], tuple[str, str | None] | None]]:
    """Extract a chunk of files in a worker process (one round trip per chunk, not per file)."""
    return [_extract_file(f, published, language) for f in files]


def _results(files: list[Path], published: dt.date | None, language: str | None, jobs: int):
    """Yield each file's result in input order, over `jobs` processes when more than one."""
    if jobs <= 1 or len(files) < 2:
        for f in files:
            yield _extract_file(f, published, language)
        return
    from concurrent.futures import ProcessPoolExecutor  # multiprocessing: only when jobs are shared

    size = max(1, min(64, len(files) // (jobs * 4)))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for part in pool.map(_extract_chunk, chunks, [published] * len(chunks), [language] * len(chunks)):
            yield from part


def extract_paths(
    paths: list[Path],
    published: dt.date | None = None,
    language: str | None = None,
    merge_sources: bool = False,
    jobs: int = 1,
    title_language: str = "source",
    settle_years: bool | None = None,
) -> Result:
    """Read every article under `paths` and extract its events; bad files are reported.

    Each article's events are already one per happening within it; `merge_sources`
    also merges the same happening reported by several articles into one row. `jobs`
    processes share the files (0: one per core); the result is the same in any case.
    `title_language` ("id", "en", "source"): the title's language for a happening
    reported in both. `settle_years` (default: as `merge_sources`): a wire story's guessed
    year is settled by the other articles (wireyear.py).
    """
    files, errors = ingest.collect(paths)
    jobs = jobs or os.cpu_count() or 1
    return gathered(_results(files, published, language, jobs), errors, merge_sources, title_language,
                    settle_years=settle_years)


def gathered(
    results, errors: list[InputError], merge_sources: bool = False, title_language: str = "source",
    merge=merge_events, settle_years: bool | None = None,
) -> Result:
    """Return the Result of each file's (events, errors, notes, redo) in input order: merged if asked, rated.

    The second stage of every engine: `extract_paths` and the Dask engine (timeline.cluster)
    hand it what their workers found; `merge(events, title_language)` merges across articles.
    """
    found: list[Event] = []
    notes: list[str] = []
    guesses: list[wireyear.Guess] = []
    for evs, errs, remarks, redo in results:
        found.extend(evs)
        errors.extend(errs)
        notes.extend(remarks)
        if redo is not None and evs:
            guesses.append(wireyear.Guess(evs[0].source, _redo(*redo), redo[0]))
    if (merge_sources if settle_years is None else settle_years) and guesses:
        # A wire story's guessed year is settled by the batch's other articles before
        # they merge: six years off, none of its reports would meet theirs.
        found, chosen = wireyear.settle(found, guesses)
        by_label = {g.label: chosen[g.source] for g in guesses if g.source in chosen}  # notes name the path
        notes = [wireyear.settled_note(n, by_label) for n in notes]
    # Across articles, merging is asked for: a merged row carries one article's name
    # in `source`, so a per-article table (what `extract` writes by default) keeps
    # each article's own rows and stays checkable against that article.
    if merge_sources:
        try:
            found = merge(found, title_language)
        except Exception as exc:  # keep the unmerged rows rather than lose the batch
            notes.append(str(internal_error("merging across articles", exc)).replace("extracting", "merging"))
    found, unrated = importance.rate(found)  # against the whole batch: how central each row is to its story
    notes.extend(unrated)
    return Result(tuple(found), tuple(errors), tuple(notes))
