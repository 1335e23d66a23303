"""News articles in, a dated event timeline out.

>>> import timeline
>>> result = timeline.extract_paths([Path("data/articles")])  # doctest: +SKIP
>>> result.frame().head()  # doctest: +SKIP
"""
import importlib

# Each name is imported on first use (PEP 562): the page sends the chart's empty frame
# (timeline.skeleton) before the extraction and table modules are loaded (0.2-0.35 s).
_HOME = {"InputError": "errors", "TimelineError": "errors", "parse": "ingest", "read": "ingest",
         "Article": "model", "Event": "model", "TimeExpression": "model", "Result": "pipeline",
         "extract_article": "pipeline", "extract_paths": "pipeline", "SCHEMA": "table", "from_csv": "table",
         "to_csv": "table", "to_frame": "table"}


def __getattr__(name: str):
    """Import the module that defines `name` and return it: `from timeline import SCHEMA` works as before."""
    if name not in _HOME:
        raise AttributeError(f"module 'timeline' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_HOME[name]}", __name__), name)


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
