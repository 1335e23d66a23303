"""The extractor beats the tuned dateparser baseline on every golden article, and meets the seed's bar."""
from __future__ import annotations

import pytest

from timeline.evaluate import GOLDEN_DIR, evaluate

SEED_F1 = 0.98  # issue 3: the seed's F1 with the shared scorer
SEED_STRICT_RECALL = 0.92
PLACE_PRECISION = PLACE_RECALL = 0.9  # issue 16


@pytest.fixture(scope="module")
def report():
    result = evaluate(GOLDEN_DIR)
    assert not result.errors, result.errors
    return result


def _articles():
    return sorted(p.stem for p in GOLDEN_DIR.glob("*.json"))


@pytest.mark.parametrize("stem", _articles())
def test_project_f1_at_least_the_baselines(report, stem):
    (article,) = [a for a in report.articles if a.file.rsplit(".", 1)[0] == stem]
    ours, theirs = article.scores["project"], article.scores["baseline"]
    assert ours.f1 >= theirs.f1, (ours.misses, ours.false_rows)


def test_seed_meets_the_bar(report):
    (seed,) = [a for a in report.articles if a.file.startswith("seed_")]
    s = seed.scores["project"]
    assert s.f1 >= SEED_F1, (s.misses, s.false_rows)
    assert s.recall_strict >= SEED_STRICT_RECALL, s.misses


def test_places_meet_the_bar(report):
    s = report.overall["project"]
    assert s.places >= 100
    assert s.place_precision >= PLACE_PRECISION, s.place_misses
    assert s.place_recall >= PLACE_RECALL, s.place_misses
