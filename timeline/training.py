"""Fit the merge's weights (timeline/affinity.py) on hand-labelled happenings folders.

Every pair of reports from two articles of one folder whose dates can be one
happening's is an example, labelled by the folder's gold.yaml (same happening or not).
A logistic regression (scikit-learn) weighs the features; the threshold is chosen by
leaving each folder out in turn: the weights fitted on the others merge it, and the
threshold with the best mean pairwise F1 over the left-out folders is kept. So the
figures printed are those of folders the weights never saw.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import Path

from . import affinity, happenings, merge, pipeline
from .model import Event
from .store import write_atomic

THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)
REGULARISATION = 1.0  # scikit-learn's C: the weights of ~1,500 examples need little shrinking


@dataclass(frozen=True)
class Examples:
    """One folder's labelled pairs, with what its merge needs to be scored."""

    folder: Path
    x: tuple[tuple[float, ...], ...]
    y: tuple[int, ...]
    events: tuple[Event, ...]
    gold: happenings.Gold


def examples(folder: Path) -> Examples:
    """Return the labelled cross-article pairs of one gold folder."""
    gold = happenings.load_gold(folder)
    # each article's own rows, a guessed wire year settled as the merge will see it
    events = tuple(pipeline.extract_paths([folder], merge_sources=False, settle_years=True).events)
    rare = merge.rare_names(events)
    profiles: dict = {}  # each report's profile, built once for all the pairs it is in
    label: dict[int, str] = {}
    for e in events:
        for m in merge.reports(e):
            hit = happenings.labelled(gold, m)
            if hit is not None:
                label.setdefault(id(e), hit.happening)
    x, y = [], []
    for one, other in combinations(events, 2):
        if one.source == other.source or id(one) not in label or id(other) not in label:
            continue
        head, e = (one, other) if merge._rank(one) <= merge._rank(other) else (other, one)
        relation = merge._relation(head, e)
        if not relation:
            continue
        a, b = merge._of(head, profiles), merge._of(e, profiles)
        x.append(affinity.features(head, e, a, b, relation, frozenset((a.type,)), rare))
        y.append(int(label[id(one)] == label[id(other)]))
    return Examples(folder, tuple(x), tuple(y), events, gold)


def fit(sets: list[Examples], threshold: float = 0.5) -> affinity.Model:
    """Return the weights a balanced logistic regression gives the pairs of `sets`."""
    from sklearn.linear_model import LogisticRegression

    x = [row for s in sets for row in s.x]
    y = [label for s in sets for label in s.y]
    if len(set(y)) < 2:
        raise ValueError("the folders give no pair of the same happening, or none of different ones")
    # Balanced: the pairs of different happenings outnumber the others; each class weighs half.
    model = LogisticRegression(C=REGULARISATION, class_weight="balanced", max_iter=5000).fit(x, y)
    return affinity.Model(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]), threshold)


def score(s: Examples, model: affinity.Model) -> happenings.Score:
    """Merge one folder's events with `model` and score the rows against its gold."""
    with affinity.using(model):
        rows = merge.merge(list(s.events))
    return happenings.score(rows, s.gold, s.folder.name)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def cross_validate(sets: list[Examples], thresholds: tuple[float, ...] = THRESHOLDS
                   ) -> dict[float, list[happenings.Score]]:
    """Return, per threshold, the score of each folder merged with weights fitted on the others."""
    found: dict[float, list[happenings.Score]] = {t: [] for t in thresholds}
    for left in sets:
        weights = fit([s for s in sets if s is not left])
        for t in thresholds:
            found[t].append(score(left, affinity.Model(weights.weights, weights.bias, t)))
    return found


TIE = 0.002  # mean F1s this close are a tie: folders of ~100 mentions move F1 by more than this


def best_threshold(validated: dict[float, list[happenings.Score]]) -> float:
    """Return the threshold of the best mean pairwise F1 (the highest of those tied: fewer wrong joins)."""
    def mean_f1(t: float) -> float:
        scores = validated[t]
        return sum(_f1(s.precision, s.recall) for s in scores) / len(scores)
    best = max(mean_f1(t) for t in validated)
    return max(t for t in validated if mean_f1(t) >= best - TIE)


def train(folders: list[Path], out: Path | None = affinity.WEIGHTS_FILE) -> tuple[affinity.Model, str]:
    """Fit the weights on `folders`, choose the threshold left-one-out, write them to `out`; return a report."""
    sets = [examples(f) for f in folders]
    if len(sets) < 2:
        raise ValueError("train-merge needs at least two gold folders (each is left out once)")
    validated = cross_validate(sets)
    chosen = best_threshold(validated)
    weights = fit(sets)
    model = affinity.Model(weights.weights, weights.bias, chosen)
    lines = [f"{'threshold':>9s} {'mean P':>7s} {'mean R':>7s} {'mean F1':>7s} {'rows/h':>7s}"]
    for t, scores in validated.items():
        n = len(scores)
        p, r = sum(s.precision for s in scores) / n, sum(s.recall for s in scores) / n
        f1 = sum(_f1(s.precision, s.recall) for s in scores) / n
        rows = sum(s.rows_per_happening for s in scores) / n
        lines.append(f"{t:9.2f} {p:7.3f} {r:7.3f} {f1:7.3f} {rows:7.2f}{'  <- chosen' if t == chosen else ''}")
    lines.append("")
    lines.append(f"{'left out':24s} {'pair P':>7s} {'pair R':>7s} {'rows/h':>7s}  (threshold {chosen})")
    lines += [f"{s.folder:24s} {s.precision:7.3f} {s.recall:7.3f} {s.rows_per_happening:7.2f}" for s in validated[chosen]]
    if out is not None:
        document = {
            "about": "Weights of the cross-article merge (timeline/affinity.py), fitted by "
                     "`python -m timeline train-merge` on hand-labelled happenings folders; "
                     "threshold chosen leaving each folder out in turn.",
            "trained": date.today().isoformat(),
            "trained_on": [f.name for f in folders],
            "examples": sum(len(s.y) for s in sets),
            "threshold": chosen,
            "bias": round(model.bias, 6),
            "weights": {name: round(w, 6) for name, w in zip(affinity.FEATURES, model.weights)},
            "left_out": {s.folder: {"precision": round(s.precision, 3), "recall": round(s.recall, 3),
                                    "rows_per_happening": round(s.rows_per_happening, 2)}
                         for s in validated[chosen]},
        }
        write_atomic(out, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
        affinity.load.cache_clear()
    return model, "\n".join(lines) + "\n"
