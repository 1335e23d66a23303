"""Which found mentions miss their happening's day: the off-day mentions of labelled folders.

For each gold mention of a labelled folder (tests/happenings or tests/blind) that a row of
the unmerged table reports, and whose happening has a day-precise gold date, it says
whether the row's interval holds that day, and prints the ones that do not (the set, the
happening, the gold day, the interval given, the time expression, the article and the
sentence), then a count per folder. A session compares the lists before and after a date
change: pair F1 moves with the merge's clustering, the off-day count with the dates alone.

    .venv/bin/python tools/date_misses.py tests/happenings/*/
    .venv/bin/python tools/date_misses.py tests/happenings/*/ --summary     # counts only

Many misses are meant: each writer gives three or four wrong days and a few days told by
another clock (the gold header names them). Reading a blind folder this way reads its
gold: do it only for folders already read.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline import happenings, merge, pipeline  # noqa: E402


@dataclass(frozen=True)
class Miss:
    """A found mention whose interval does not hold its happening's gold day."""

    happening: str
    gold: str
    first: str
    last: str
    time_text: str
    source: str
    sentence: str


def misses(folder: Path) -> tuple[list[Miss], int]:
    """Return the off-day mentions of `folder` and how many found mentions have a day-precise gold date."""
    gold = happenings.load_gold(folder)
    rows = pipeline.extract_paths([folder], merge_sources=False, settle_years=True).events
    out: list[Miss] = []
    counted = 0
    for row in rows:
        for m in merge.reports(row):
            g = happenings.labelled(gold, m)
            truth = gold.dates.get(g.happening, "") if g else ""
            if len(truth) != len("2025-01-31"):
                continue  # a month or a year: the gold tells no day
            counted += 1
            first, last = m.date.isoformat(), m.date_end.isoformat()
            if not first <= truth <= last:
                out.append(Miss(g.happening, truth, first, last, m.time_text, m.source, m.sentence))
    return out, counted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="labelled folders (gold.yaml inside)")
    parser.add_argument("--summary", action="store_true", help="print the counts only")
    args = parser.parse_args(argv)
    total = found = 0
    for folder in args.folders:
        missed, counted = misses(folder)
        if not args.summary:
            for m in missed:
                print(f"{folder.name:12} {m.happening[:26]:26} gold {m.gold} got {m.first}..{m.last} "
                      f"[{m.time_text}] {m.source[:24]} | {m.sentence[:110]}")
        print(f"== {folder.name}: {len(missed)} of {counted} mentions miss their day")
        total, found = total + len(missed), found + counted
    if len(args.folders) > 1:
        print(f"== all: {total} of {found} mentions miss their day")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
