"""News articles in, a dated event timeline out.

>>> import timeline
>>> result = timeline.extract_paths([Path("data/articles")])  # doctest: +SKIP
>>> result.frame().head()  # doctest: +SKIP
"""
from .errors import InputError, TimelineError
from .ingest import parse, read
from .model import Article, Event, TimeExpression
from .pipeline import Result, extract_article, extract_paths
from .table import SCHEMA, from_csv, to_csv, to_frame

__all__ = [
    "SCHEMA",
    "Article",
    "Event",
    "InputError",
    "Result",
    "TimeExpression",
    "TimelineError",
    "extract_article",
    "extract_paths",
    "from_csv",
    "parse",
    "read",
    "to_csv",
    "to_frame",
]
