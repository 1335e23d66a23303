"""Why pairs of one happening end in different rows: the lost gold pairs of labelled folders, by cause.

For each pair of gold mentions of one happening (a folder of tests/happenings or
tests/blind) that the merged table puts in different rows, it says which step kept them
apart, so a session knows where recall is lost before changing anything:

- `within`: two rows of one article the per-article merge left apart;
- `dates`: rows whose dates cannot be one happening's (merge._relation);
- `ruled:…`: the rules part of affinity ruled the pair out (`conflict`: concepts that
  differ, `apart`: no state in common, `bare`: nothing shared, `said_after`);
- `low`: the learned fit is below the threshold;
- `fits:clash:wrong`: the pair fits, but one row's happening already holds a row of the
  other's article that is of another happening (a wrong join blocks the right one);
  `fits:clash:split` the same with the right happening's own row; `fits:whole:split`:
  the two clusters fit row by row but not as wholes.

    .venv/bin/python tools/merge_losses.py tests/happenings/heldout_ao tests/blind/*/
    .venv/bin/python tools/merge_losses.py tests/happenings/heldout_ao -v    # every lost pair, with features

Reading a blind folder this way reads its gold: do it only for folders already read.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline import affinity, happenings, merge, pipeline  # noqa: E402


def losses(folder: Path, verbose: bool = False) -> Counter:
    """Return the lost gold pairs of `folder` counted by cause (printing each when `verbose`)."""
    gold = happenings.load_gold(folder)
    rows = list(pipeline.extract_paths([folder], merge_sources=False, settle_years=True).events)
    merged = list(pipeline.extract_paths([folder], merge_sources=True).events)
    rare = merge.rare_names(rows)
    profiles: dict = {}
    final_of, row_of = {}, {}
    for f in merged:
        for m in merge.reports(f):
            if g := happenings.labelled(gold, m):
                final_of[g] = f
    for r in rows:
        for m in merge.reports(r):
            if g := happenings.labelled(gold, m):
                row_of[g] = r
    found = [g for g in gold.mentions if g in row_of and g in final_of]
    causes: Counter = Counter()
    for a, b in combinations(found, 2):
        if a.happening != b.happening or final_of[a] is final_of[b]:
            continue
        ra, rb = row_of[a], row_of[b]
        detail = ""
        if ra is rb:
            cause = "one row, two rows after"
        elif ra.source == rb.source:
            cause = "within"
        else:
            head, e = (ra, rb) if merge._rank(ra) <= merge._rank(rb) else (rb, ra)
            relation = merge._relation(head, e)
            if not relation:
                cause = "dates"
            else:
                pa, pb = merge._of(head, profiles), merge._of(e, profiles)
                x = affinity.features(head, e, pa, pb, relation, frozenset((pa.type,)), rare)
                p = affinity.probability(x)
                detail = f"p={p:.2f} " + " ".join(f"{n}={v:g}" for n, v in zip(affinity.FEATURES, x)
                                                   if v)
                if affinity.ruled_out(x):
                    cause = "ruled:" + "+".join(affinity.rules_against(x))
                elif p <= affinity.load().threshold:
                    cause = "low"
                else:
                    cause = _clash(final_of[a], final_of[b], a.happening, gold)
        causes[cause] += 1
        if verbose:
            print(f"  [{cause}] {a.happening}")
            for r in (ra, rb):
                print(f"     {r.source}: {r.date}..{r.date_end} {r.sentence[:100]!r}")
            if detail:
                print(f"     {detail}")
    return causes


def _clash(fa, fb, happening: str, gold) -> str:
    """Name why two fitting rows stayed in different happenings."""
    sa = {m.source for m in merge.reports(fa)}
    sb = {m.source for m in merge.reports(fb)}
    if not sa & sb:
        return "fits:whole:split"

    def labels(f, source: str) -> set[str]:
        return {(happenings.labelled(gold, m) or happenings.GoldMention("?", "", "")).happening
                for m in merge.reports(f) if m.source == source}

    split = all(happening in labels(fa, s) and happening in labels(fb, s) for s in sa & sb)
    return "fits:clash:split" if split else "fits:clash:wrong"


def _line(name: str, causes: Counter) -> str:
    """Return one folder's count of lost pairs and its causes, most first."""
    told = ", ".join(f"{k} {v}" for k, v in causes.most_common())
    return f"{name}: {sum(causes.values())} lost pairs  {told}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path, help="labelled folders (gold.yaml inside)")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every lost pair")
    args = parser.parse_args(argv)
    total: Counter = Counter()
    for folder in args.folders:
        causes = losses(folder, args.verbose)
        print(_line(folder.name, causes))
        total += causes
    if len(args.folders) > 1:
        print(_line("all", total))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
