"""Score how sure the extractor is of an event, from its date, actors and support."""
from __future__ import annotations

# A finer date is more likely the one the article means.
BY_PRECISION = {
    "day": 0.9, "week": 0.85, "month_part": 0.8, "month": 0.8, "quarter": 0.75,
    "year_part": 0.7, "year": 0.7, "decade_part": 0.6, "decade": 0.55, "century": 0.5,
}
UNKNOWN_PRECISION = 0.5
# A date computed from the publication day or another mention can be resolved wrongly.
BY_KIND = {"absolute": 1.0, "dateline": 1.0, "range": 1.0, "relative": 0.9, "anaphoric": 0.8}
UNKNOWN_KIND = 0.9
INFERRED_ACTORS = 0.9  # actors borrowed from the sentence before
NO_ACTORS = 0.85  # nobody named: harder to tell what happened
SUPPORT_SHARE = 0.25  # each further mention closes this share of the gap to 1


def score(precision: str, kind: str = "absolute", actors: bool = True, inferred: bool = False,
          mentions: int = 1) -> float:
    """Return a confidence in [0, 1].

    >>> score("day")
    0.9
    >>> score("year", "anaphoric", inferred=True)
    0.504
    >>> score("day", mentions=3)
    0.9437
    """
    c = BY_PRECISION.get(precision, UNKNOWN_PRECISION) * BY_KIND.get(kind, UNKNOWN_KIND)
    if not actors:
        c *= NO_ACTORS
    elif inferred:
        c *= INFERRED_ACTORS
    c = 1 - (1 - c) * (1 - SUPPORT_SHARE) ** max(mentions - 1, 0)
    return round(min(max(c, 0.0), 1.0), 4)
