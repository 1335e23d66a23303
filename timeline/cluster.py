"""Extraction on a Dask cluster (dask.distributed), and the event table as partitioned Parquet.

Stage one runs on the workers: each task reads and extracts a chunk of files (the same
`pipeline._extract_chunk` the local engine runs). Stage two runs where the command
runs: the chunks' events are gathered in input order, merged across articles when
asked, and rated, exactly as `pipeline.extract_paths` does, so both engines give the
same rows. Workers read the files by path: on several machines the inputs must be on a
folder every worker mounts at the same path (NFS, a shared volume).
"""
from __future__ import annotations

import datetime as dt
import os
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from . import events, ingest, merge as merging, pipeline, table
from .model import Event

if TYPE_CHECKING:  # each worker imports this module: pandas would cost each a third of a second
    import pandas as pd

_DAY = dt.timedelta(days=1)
CHUNK_MAX = 64  # files per task: fewer round trips, still several tasks per worker
ROWS_PER_PART = 200_000  # rows of one Parquet part file


@contextmanager
def client(scheduler: str | None = None, workers: int | None = None, processes: bool = True) -> Iterator:
    """Yield a dask.distributed Client: of the scheduler at `scheduler`, else of a local cluster.

    The local cluster has `workers` workers (default: one per core) of one thread each
    (extraction holds the GIL); `processes=False` keeps them in this process (tests).
    """
    import logging

    from dask.distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as c:
            yield c
        return
    logging.getLogger("distributed").setLevel(logging.ERROR)  # no start-up chatter on the user's terminal
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=processes,
                      dashboard_address=None) as cluster, Client(cluster) as c:
        yield c


def extract_paths(
    paths: list[Path],
    published: dt.date | None = None,
    language: str | None = None,
    merge_sources: bool = False,
    title_language: str = "source",
    scheduler: str | None = None,
    workers: int | None = None,
    processes: bool = True,
) -> pipeline.Result:
    """Return what `pipeline.extract_paths` returns, with the articles extracted on a Dask cluster.

    >>> # python -m timeline extract news/ --engine dask --scheduler tcp://10.0.0.5:8786 -o events.csv
    """
    files, errors = ingest.collect(paths)
    with client(scheduler, workers, processes) as c:
        tasks = max(1, len(c.scheduler_info().get("workers", {})) * 4)
        size = max(1, min(CHUNK_MAX, -(-len(files) // tasks)))
        chunks = [files[i : i + size] for i in range(0, len(files), size)]
        futures = c.map(pipeline._extract_chunk, chunks, published=published, language=language, pure=False)
        parts = c.gather(futures)
        results = (r for part in parts for r in part)

        def spread(found: list[Event], title_language: str) -> list[Event]:
            on_workers = lambda f, *a: c.gather(c.map(f, *a))  # noqa: E731
            return merge_by_windows(found, title_language, windows=tasks, run=on_workers)

        return pipeline.gathered(results, errors, merge_sources, title_language, merge=spread)


def date_windows(found: list[Event], count: int) -> list[list[int]]:
    """Split the events (by index) into up to `count` windows of dates no merge crosses, in date order.

    Merging only asks a happening about reports whose interval is the same, a day away,
    or inside a coarser report's interval of under a year (merge.CONTAIN_MAX_DAYS). So
    the events fall into runs of overlapping intervals (each widened by a day; a longer
    one counts as its first day only) that never merge with each other; whole runs are
    packed into windows of about equal size. A decade-long run stays one window.
    """
    spans = []
    for i, e in enumerate(found):
        if (e.date_end - e.date).days < merging.CONTAIN_MAX_DAYS:
            spans.append((e.date - _DAY, e.date_end + _DAY, i))
        else:
            spans.append((e.date, e.date, i))
    spans.sort()
    runs: list[list[int]] = []
    end = None
    for lo, hi, i in spans:
        if end is None or lo > end:
            runs.append([])
            end = hi
        runs[-1].append(i)
        end = max(end, hi)
    target = max(1, -(-len(found) // max(1, count)))
    windows: list[list[int]] = [[]]
    for run in runs:
        if windows[-1] and len(windows[-1]) + len(run) > target:
            windows.append([])
        windows[-1].extend(run)
    return [sorted(w) for w in windows if w]


def _merge_window(found: list[Event], title_language: str, rare) -> list[Event]:
    return events.merge(found, title_language, rare=rare)


def merge_by_windows(
    found: list[Event], title_language: str = "source", windows: int = 8, run=None
) -> list[Event]:
    """Return `events.merge(found)`, the windows of `date_windows` merged apart (by `run`, e.g. on workers).

    The names rare enough to tell happenings apart are counted over the whole batch first;
    the merged rows come back in the order one merge gives (by their first report).
    `run(function, windows, …)` maps a function over the windows (default: in turn).
    """
    first: dict[str, int] = {}
    for i, e in enumerate(found):
        for m in merging.reports(e):
            if m.mention_id in first:  # two reports of one id: their order cannot be told, merge at once
                return events.merge(found, title_language)
            first[m.mention_id] = i
    parts = date_windows(found, windows)
    if len(parts) < 2:
        return events.merge(found, title_language)
    rare = merging.rare_names(found)
    run = run or (lambda f, *a: list(map(f, *a)))
    merged = run(_merge_window, [[found[i] for i in w] for w in parts], [title_language] * len(parts),
                 [rare] * len(parts))
    rows = [e for part in merged for e in part]
    return sorted(rows, key=lambda e: min(first[m.mention_id] for m in merging.reports(e)))


def is_parquet(target: str | Path) -> bool:
    """Return whether an output named `target` is a Parquet folder (its name ends with .parquet)."""
    return str(target).rstrip("/").endswith(".parquet")


def write_parquet(frame: pd.DataFrame, target: str | Path, rows_per_part: int = ROWS_PER_PART) -> int:
    """Write the event table as a folder of Parquet parts in date order; return how many parts.

    `target` is a local folder or any fsspec URL (s3://bucket/events.parquet, gs://…);
    parts already there are replaced. `pandas.read_parquet(target)` gives the table back.
    """
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    fs, root = fsspec.core.url_to_fs(str(target))
    if fs.exists(root):
        for old in fs.glob(f"{root}/part-*.parquet"):
            fs.rm(old)
    fs.makedirs(root, exist_ok=True)
    frame = frame.loc[:, list(table.SCHEMA)].reset_index(drop=True)
    count = max(1, -(-len(frame) // rows_per_part))
    for n in range(count):
        rows = frame.iloc[n * rows_per_part : (n + 1) * rows_per_part]
        part = pa.Table.from_pandas(rows, preserve_index=False)
        with fs.open(f"{root}/part-{n:05d}.parquet", "wb") as f:
            pq.write_table(part, f, compression="zstd")
    return count
