"""`python -m timeline eval`, run in-process on a tiny gold folder."""
from __future__ import annotations

import json

import pytest

from timeline.cli import main

ARTICLE = """March 5, 2024

North Korea fired a missile on Monday, March 4, 2024, Seoul said.

Russia and North Korea began treaty talks in late 2023.

The missile flew 1,000 kilometers.
"""
GOLD = {
    "file": "tiny.txt",
    "published": "2024-03-05",
    "language": "en",
    "events": [
        {"anchor": "North Korea fired a missile", "accept": ["2024-03-04"], "actors": ["North Korea"],
         "type": "military", "required": True},
        {"anchor": "began treaty talks in late 2023", "accept": ["2023-09/2023-12"],
         "actors": ["Russia", "North Korea"], "type": "diplomacy", "required": True},
    ],
    "not_events": ["flew 1,000 kilometers"],
}


@pytest.fixture
def gold_dir(tmp_path):
    (tmp_path / "tiny.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "tiny.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


def test_eval_prints_both_systems_per_article_and_overall(gold_dir, capsys):
    assert main(["eval", str(gold_dir)]) == 0
    out = capsys.readouterr().out
    assert "project" in out and "baseline" in out
    assert "recall" in out and "strict" in out and "F1" in out
    rows = [line.split() for line in out.splitlines()]
    assert any(r[:3] == ["tiny", "en", "2"] for r in rows)
    assert any(r[:2] == ["overall", "2"] for r in rows)
    assert all(len(r) == 16 for r in rows if r and r[0] == "tiny")  # 3 + 5 metrics x 2 systems + 3 of places


def test_eval_json_is_machine_readable(gold_dir, capsys):
    assert main(["eval", str(gold_dir), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (article,) = data["articles"]
    assert article["file"] == "tiny.txt"
    for system in ("project", "baseline"):
        s = article[system]
        assert s["events"] == 2
        assert 0.0 <= s["recall_strict"] <= s["recall"] <= 1.0
        assert {"precision", "f1", "actor_recall", "misses", "false_rows"} <= set(s)
    # dateparser has no "late 2023" (it reads a whole year), so the baseline misses that event
    assert article["baseline"]["recall"] <= 0.5


def test_eval_names_a_missing_article_and_exits_1(gold_dir, capsys):
    (gold_dir / "tiny.txt").unlink()
    assert main(["eval", str(gold_dir)]) == 1
    err = capsys.readouterr().err
    assert "tiny.txt" in err and "Traceback" not in err


def test_eval_verbose_lists_misses(gold_dir, capsys):
    gold = dict(GOLD, events=[*GOLD["events"], {"anchor": "Seoul said", "accept": ["1990"], "actors": [],
                                                 "type": "statement", "required": True}])
    (gold_dir / "tiny.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["eval", str(gold_dir), "-v"]) == 0
    out = capsys.readouterr().out
    assert "MISS  tiny: Seoul said 1990-01-01/1990-12-31" in out


def test_eval_help_is_for_users(capsys):
    with pytest.raises(SystemExit):
        main(["eval", "--help"])
    out = capsys.readouterr().out
    assert "GOLD_DIR" in out and "baseline" in out
