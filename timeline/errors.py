"""The one exception family the tool raises for bad input."""
from __future__ import annotations


class TimelineError(Exception):
    """Base of every error the tool reports to a user."""


class InputError(TimelineError):
    """An input that cannot be read as an article; the message names it and says why."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self):
        # Rebuild from both parts when pickled (errors cross process boundaries with --jobs).
        return (type(self), (self.source, self.problem))
