"""tools/merge_losses.py: each pair of one happening left in two rows is counted once, under a known cause."""
from __future__ import annotations

import importlib.util
from itertools import combinations
from pathlib import Path

from timeline import happenings, merge, pipeline

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "happenings" / "dev"
CAUSES = {"within", "dates", "low", "fits:clash:wrong", "fits:clash:split", "fits:whole:split",
          "one row, two rows after"}


def _tool():
    spec = importlib.util.spec_from_file_location("merge_losses", ROOT / "tools" / "merge_losses.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_lost_pair_of_the_dev_folder_has_one_known_cause(capsys):
    causes = _tool().losses(DEV, verbose=True)
    gold = happenings.load_gold(DEV)
    final_of = {}
    for f in pipeline.extract_paths([DEV], merge_sources=True).events:
        for m in merge.reports(f):
            if g := happenings.labelled(gold, m):
                final_of[g] = f
    lost = sum(1 for a, b in combinations([g for g in gold.mentions if g in final_of], 2)
               if a.happening == b.happening and final_of[a] is not final_of[b])
    assert 0 < sum(causes.values()) <= lost
    assert all(c in CAUSES or c.startswith("ruled:") and len(c) > len("ruled:") for c in causes)
    printed = capsys.readouterr().out
    assert printed.count("  [") == sum(causes.values())
