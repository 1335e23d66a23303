"""Pure filters over the event table; the page only passes widget values in."""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .table import LIST_SEP


def split_list(cell: object) -> list[str]:
    """Return the names in a `;`-joined cell."""
    if not isinstance(cell, str) or not cell:
        return []
    return [p.strip() for p in cell.split(LIST_SEP) if p.strip()]


def actor_names(df: pd.DataFrame) -> list[str]:
    """Return every actor named in the table, sorted."""
    names: set[str] = set()
    for cell in df["actors"]:
        names.update(split_list(cell))
    return sorted(names)


def by_actors(df: pd.DataFrame, wanted: Iterable[str], mode: str = "any") -> pd.DataFrame:
    """Keep rows naming any (or, with mode="all", every) actor in `wanted`; none keeps all."""
    want = set(wanted)
    if not want:
        return df
    test = (lambda names: bool(want & names)) if mode == "any" else (lambda names: want <= names)
    mask = df["actors"].map(lambda cell: test(set(split_list(cell))))
    return df[mask.astype(bool)]
