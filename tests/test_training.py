"""Fitting the merge's weights on labelled folders, and the train-merge command."""
from __future__ import annotations

import json
from pathlib import Path

from timeline import affinity, cli, happenings, training

HAPPENINGS = Path(__file__).parent / "happenings"


def test_train_merge_writes_weights_chosen_on_left_out_folders(tmp_path, capsys):
    out = tmp_path / "weights.json"
    folders = [HAPPENINGS / "dev", HAPPENINGS / "heldout_a"]
    assert cli.main(["train-merge", *map(str, folders), "-o", str(out)]) == 0
    report = capsys.readouterr().out
    assert "<- chosen" in report and "heldout_a" in report and "dev" in report
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["trained_on"] == ["dev", "heldout_a"] and saved["threshold"] in training.THRESHOLDS
    assert set(saved["weights"]) == set(affinity.FEATURES) and set(saved["left_out"]) == {"dev", "heldout_a"}
    model = affinity.load(out)
    assert model.threshold == saved["threshold"]


def test_the_labelled_pairs_are_across_articles_and_both_kinds(tmp_path):
    found = training.examples(HAPPENINGS / "dev")
    assert len(found.x) == len(found.y) > 100 and 0 < sum(found.y) < len(found.y)
    assert all(len(row) == len(affinity.FEATURES) for row in found.x)


def test_a_dry_run_writes_nothing_and_one_folder_is_refused(tmp_path, capsys):
    out = tmp_path / "w.json"
    assert cli.main(["train-merge", str(HAPPENINGS / "dev"), "-o", str(out)]) == 1
    assert "at least two" in capsys.readouterr().err
    assert cli.main(["train-merge", str(HAPPENINGS / "dev"), str(HAPPENINGS / "heldout_b"), "--dry-run",
                     "-o", str(out)]) == 0
    assert not out.exists()


def test_the_highest_of_thresholds_tied_on_mean_f1_is_chosen():
    def at(p, r):
        return [happenings.Score("x", p, r, 1.0, 0, 10, 10, 5, 1.0)]
    validated = {0.1: at(0.80, 0.90), 0.2: at(0.85, 0.846), 0.3: at(0.90, 0.70)}
    assert training.best_threshold(validated) == 0.2  # F1 0.847 and 0.848: a tie, the higher one
    assert training.best_threshold({0.1: at(0.80, 0.90), 0.3: at(0.90, 0.70)}) == 0.1
