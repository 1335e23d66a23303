"""How likely a report of one article is the same happening as reports of others: a learned fit.

What two reports share (dates, states, people, concepts, names, numbers, words) is
weighed by a logistic model fitted on the hand-labelled happenings folders
(`python -m timeline train-merge`, timeline/training.py), not by hand-set rules: the
rules fitted the stories they were tuned on and missed half the pairs of each new one;
the weights, measured on folders left out of their fitting, generalise better (README,
"Measuring the merge"). Inference is a dot product in plain Python, so the extraction
path needs no NumPy.
"""
from __future__ import annotations

import json
import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import concepts, gloss, taxonomy
from .errors import InputError

WEIGHTS_FILE = Path(__file__).resolve().parent.parent / "data" / "merge_weights.json"
STATEMENT = "statement"  # the concept and type of a report of what someone said

# What is compared, in this order; data/merge_weights.json gives each a weight.
FEATURES = (
    "same_dates",  # both give the same interval
    "contained",  # one interval holds the other (a coarser report)
    "adjacent",  # day-precise, one day apart (time zones, reporting lag)
    "shared_states",  # actors both name, up to 3
    "states_apart",  # both name actors, none in common, neither borrowed from the sentences around
    "typed",  # both have an event type
    "compatible_types",  # their types may be one happening's (data/concepts.yaml)
    "same_type",
    "shared_specific",  # specific concepts both name (a treaty, a coup)
    "conflict",  # both name specific concepts, none in common nor of one family (data/concepts.yaml)
    "shared_generic",  # generic concepts both name but "said" (a meeting, a signing)
    "rare_names",  # proper names rare in the batch both name (a place, an operation)
    "rare_people",  # people rare in the batch both name
    "people",  # people both name
    "numbers",  # figures both give ("12 killed", "19%")
    "word_overlap",  # share of words in common
    "two_languages",  # one Indonesian, one English report
    "span",  # log of the coarser report's interval in days
    "one_side_specific",  # only one names a specific concept
    "no_specific",  # neither does
    "statement",  # one side is a report of what was said
    "one_statement",  # one side is a report of what was said, the other is not
    "shared_places",  # places both name (canonical, either language: Kyiv, Kiev)
    "places_apart",  # both name places, none in common (strikes on two cities that day)
    "shared_meaning",  # share of the shorter's words whose English gloss the other has (timeline/gloss.py)
    "related",  # no specific concept in common, but two of one family (a missile strike, an attack)
    "said_after",  # a day apart, and the report of what was said is the later one (state media's account)
)


@dataclass(frozen=True)
class Model:
    """Weights of the features, their bias and the probability above which reports join."""

    weights: tuple[float, ...]
    bias: float
    threshold: float


def overlap(a, b) -> float:
    """Return the share of their words (four letters or more, no time words) two profiles have in common."""
    union = a.words | b.words
    return len(a.words & b.words) / len(union) if union else 0.0


def features(head, e, a, b, relation: str, types: frozenset[str] = frozenset(),
             rare: frozenset[str] | None = None) -> tuple[float, ...]:
    """Return FEATURES for report `e` (profile `b`) against a happening led by `head` (profile `a`).

    `types`: the types the happening's reports were given; `rare`: the names rare enough
    to tell happenings apart (all when None). Profiles are merge._Profile.
    """
    kinds = (types or frozenset((a.type,))) - {taxonomy.OTHER}
    typed = bool(kinds) and b.type != taxonomy.OTHER
    compatible = not typed or any(concepts.compatible(k, b.type) for k in kinds) or (
        STATEMENT in kinds and STATEMENT in b.concepts or b.type == STATEMENT and STATEMENT in a.concepts)
    both = a.concepts & b.concepts
    specific = concepts.specific(both)
    mine, theirs = concepts.specific(a.concepts), concepts.specific(b.concepts)
    differ = bool(mine and theirs and not specific)  # each names what happened, not the same thing
    kin = differ and concepts.related(mine, theirs)  # …but things of one family (a missile strike, an attack)
    names = a.names & b.names
    if rare is not None:
        names &= rare
    people = a.people & b.people
    rare_people = people if rare is None else {p for p in people if "@" + p in rare}
    states = len(a.actors & b.actors)
    apart = bool(a.actors and b.actors and not states and not (e.actors_inferred or head.actors_inferred))
    span = max((e.date_end - e.date).days, (head.date_end - head.date).days)
    return (
        float(relation == "same"), float(relation == "contained"), float(relation == "adjacent"),
        float(min(states, 3)), float(apart), float(typed), float(compatible),
        float(typed and kinds == {b.type}), float(len(specific)), float(differ and not kin),
        # "Said" is in most news sentences: shared, it says nothing of which happening.
        float(len(both - specific - {STATEMENT})), float(len(names)), float(len(rare_people)), float(len(people)),
        float(len(a.numbers & b.numbers)), overlap(a, b),
        float(head.language != e.language), math.log1p(span), float(bool(mine) != bool(theirs)),
        float(not mine and not theirs), float(STATEMENT in kinds or b.type == STATEMENT),
        float((STATEMENT in kinds) != (b.type == STATEMENT)),
        float(len(a.places & b.places)), float(bool(a.places and b.places and not a.places & b.places)),
        gloss.shared(a.glosses, b.glosses, a.meaning, b.meaning), float(kin),
        # …unless either names a clock's zone or the small hours: "Sept 9" in Paris is
        # "Rabu (10/9) dini hari WIB" in Jakarta, one announcement told from two time zones.
        float(relation == "adjacent" and (STATEMENT in kinds) != (b.type == STATEMENT)
              and (e.date > head.date) == (b.type == STATEMENT) and not (a.zoned or b.zoned)),
    )


_AT = {name: i for i, name in enumerate(FEATURES)}
# Reports sharing no concept, name, person or figure must share this much of their wording,
# as English glosses (timeline/gloss.py): the shorter's words the other has, in either language.
BARE_OVERLAP = 0.2
CONFLICT_MEANING = 0.6  # a share of glossed words in common past which differing concepts part nothing


def ruled_out(x: tuple[float, ...]) -> bool:
    """Tell whether the reports compared in `x` cannot be one happening, whatever the weights say.

    Without a rare name, person or figure in common, two reports that each name what
    happened and name different things (a treaty, a bridge) are two happenings of one
    day; so are reports naming only different states. A happening and a report of what
    was said the day after (the summit, and state media's account of it the next day),
    and reports with nothing in common but the date and one state, are two happenings
    whatever. (What was said the day before a report of the other kind is the same
    announcement told from another time zone: "a 19% tariff" announced on 15 July in
    Washington, agreed "Rabu (16/7/2025) dini hari WIB".) The labelled folders are
    small stories, where most reports of one day are of one happening; an archive's
    busy day is not, so these stay rules the weights cannot outvote.
    """
    return any(_rules(x))


RULES = ("conflict", "apart", "said_after", "bare")  # the rules of ruled_out, as _rules tells them


def rules_against(x: tuple[float, ...]) -> tuple[str, ...]:
    """Return the names of the rules (RULES) that part the reports compared in `x` (ruled_out's reasons)."""
    return tuple(name for name, holds in zip(RULES, _rules(x)) if holds)


def _rules(x: tuple[float, ...]) -> tuple[bool, bool, bool, bool]:
    """Return whether each rule of RULES holds for the reports compared in `x`."""
    keyed = x[_AT["rare_names"]] or x[_AT["rare_people"]] or x[_AT["numbers"]]
    reported = x[_AT["said_after"]]  # a summit, and the next day's report of it
    # Nothing in common but the date and a state, not even their wording: on a busy news
    # day, two stories about Russia.
    shared = sum(x[_AT[f]] for f in ("shared_specific", "shared_generic", "rare_names", "people", "numbers"))
    bare = not shared and x[_AT["shared_meaning"]] < BARE_OVERLAP and x[_AT["shared_states"]] < 2
    # A rare name, person or figure both give ties them whatever else differs; two states'
    # reports only a name or a person (a figure alone, "9", "2", does not).
    named = x[_AT["rare_names"]] or x[_AT["rare_people"]]
    # Nor do their concepts or states part two reports that mostly say the same words in two
    # languages ("Beijing's Taiwan Affairs Office says Lai's inaugural speech sent a dangerous
    # signal" and "Kantor Urusan Taiwan China mengecam pidato tersebut …"): the concept and actor
    # lists are coarser than the wording (of the labelled pairs so parted by concepts, 64 were
    # one happening and 48 two; by states, 32 and 13).
    alike = x[_AT["shared_meaning"]] >= CONFLICT_MEANING
    keyed, named = keyed or alike, named or alike
    return (bool(not keyed and x[_AT["conflict"]]), bool(not named and x[_AT["states_apart"]]),
            bool(reported), bool(bare))


def probability(x: tuple[float, ...], model: Model | None = None) -> float:
    """Return how likely the reports compared in `x` tell one happening."""
    model = model or load()
    z = model.bias + sum(w * v for w, v in zip(model.weights, x))
    return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0


@lru_cache(maxsize=4)
def load(path: Path = WEIGHTS_FILE) -> Model:
    """Read the weights file; a missing or malformed one is named with what is wrong."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(str(path), "the merge weights are missing: run `python -m timeline train-merge`") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(str(path), f"cannot read the merge weights: {err}") from None
    weights = data.get("weights") if isinstance(data, dict) else None
    if not isinstance(weights, dict):
        raise InputError(str(path), "expected an object with `weights` (feature → number), `bias` and `threshold`")
    missing = [f for f in FEATURES if not isinstance(weights.get(f), (int, float))]
    if missing:
        raise InputError(str(path), f"no number for feature(s) {', '.join(missing)}: retrain with train-merge")
    bias, threshold = data.get("bias"), data.get("threshold")
    if not isinstance(bias, (int, float)) or not isinstance(threshold, (int, float)) or not 0 < threshold < 1:
        raise InputError(str(path), "`bias` must be a number and `threshold` a probability between 0 and 1")
    return Model(tuple(float(weights[f]) for f in FEATURES), float(bias), float(threshold))


_USING: ContextVar[Model | None] = ContextVar("merge_model", default=None)


def current() -> Model:
    """Return the model merges use now: one being tried (`using`), else the weights file's."""
    return _USING.get() or load()


@contextmanager
def using(model: Model) -> Iterator[None]:
    """Merge with `model` inside the block (cross-validation tries weights before writing them)."""
    token = _USING.set(model)
    try:
        yield
    finally:
        _USING.reset(token)
