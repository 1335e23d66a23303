"""tools/date_misses.py: a found mention is off its day exactly when its interval misses the gold day."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "tests" / "happenings" / "heldout_bw"  # its writer gave wrong days on purpose


def _tool():
    spec = importlib.util.spec_from_file_location("date_misses", ROOT / "tools" / "date_misses.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclass looks its module up)
    spec.loader.exec_module(module)
    return module


def test_each_miss_lies_outside_its_gold_day_and_the_counts_are_printed(capsys):
    tool = _tool()
    missed, counted = tool.misses(FOLDER)
    assert 0 < len(missed) < counted
    assert all(not m.first <= m.gold <= m.last for m in missed)
    # the Hughes Fire: the encyclopedia's deliberate 23 January for the 22nd
    assert any(m.happening == "hughes-fire-ignites" and m.first == "2025-01-23" for m in missed)
    assert tool.main([str(FOLDER), "--summary"]) == 0
    assert capsys.readouterr().out == f"== heldout_bw: {len(missed)} of {counted} mentions miss their day\n"
