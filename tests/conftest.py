"""Shared paths and helpers for the tests."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Tests keep derived tables (timeline/cache.py) in a folder of their own, never the user's
# cache; subprocesses the tests start inherit it.
if "TIMELINE_CACHE_DIR" not in os.environ:
    os.environ["TIMELINE_CACHE_DIR"] = tempfile.mkdtemp(prefix="timeline-test-cache-")
    atexit.register(shutil.rmtree, os.environ["TIMELINE_CACHE_DIR"], True)

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "data" / "articles"
SEED = ARTICLES / "2025-09-08-tribunnews-kim-jong-un-janji-setia-putin.txt"


@pytest.fixture(scope="session")
def seed_events():
    """The seed article's event table (extracted once per test run)."""
    from timeline import extract_paths

    return extract_paths([SEED]).frame()


@pytest.fixture
def deferred_downloads(monkeypatch):
    """Capture the callables of AppTest's deferred download buttons: {deferred_file_id: callable}.

    Calling one gives the exact bytes a user's click would download.
    """
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.testing.v1 import app_test

    made: dict = {}

    class Recording(MediaFileManager):
        def add_deferred(self, data_callable, *args, **kwargs):
            file_id = super().add_deferred(data_callable, *args, **kwargs)
            made[file_id] = data_callable
            return file_id

    monkeypatch.setattr(app_test, "MediaFileManager", Recording)
    return made


def _shared_eval() -> Path | None:
    """The shared scorer's folder (`../shared/eval` of the checkout, or of the worktrees' root)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "eval" / "score.py").is_file():
            return base / "shared" / "eval"
    return None


SHARED_EVAL = _shared_eval()  # None where the shared folder is not beside the checkout


def make_event(event_id: str, date: str, date_end: str = "", **fields):
    """Return an Event for hand-built tables: ISO dates, defaults for the rest."""
    import datetime as dt

    from timeline.model import Event

    start = dt.date.fromisoformat(date)
    defaults = {"precision": "day", "date_label": date, "title": f"Event {event_id}", "sentence": f"Sentence {event_id}.",
                "source": "a.txt", "language": "id", "confidence": 0.9}
    return Event(event_id, start, dt.date.fromisoformat(date_end or date), **{**defaults, **fields})
