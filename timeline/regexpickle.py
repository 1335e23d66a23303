"""Pickling of objects that hold compiled regular expressions, with each pattern's compiled code.

Python compiles a regular expression mostly in Python (re._parser, re._compiler); only
the last step, `_sre.compile`, is in C. Plain pickle keeps a pattern as its source and
compiles it again when loading, which for a date grammar (a hundred patterns over long
word-list alternations) was a quarter of a short run's start-up. Here a pattern is kept
with the code re._compiler made of it, and loading hands that code straight to
`_sre.compile`. The code's layout belongs to the running Python: keep what `dumps`
gives under a key holding `VERSION`. A pattern this cannot reduce (another Python's
`re`) pickles as usual and compiles again on loading.
"""
from __future__ import annotations

import io
import pickle
import re
import sys

try:  # the regex engine's internals; without them patterns pickle as usual
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - another Python
    _sre = None

VERSION = f"{sys.version} sre {getattr(_sre, 'MAGIC', None)}"  # what the kept code is valid for


def _restore(pattern: str | bytes, flags: int, code: list[int], groups: int, groupindex: dict,
             indexgroup: tuple) -> re.Pattern:
    """Return the pattern of compiled `code` (as re._compiler.compile hands it to _sre)."""
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)


def _reduced(rx: re.Pattern) -> tuple:
    """Return the arguments of `_restore` that give `rx` again (re._compiler.compile's last step)."""
    parsed = _parser.parse(rx.pattern, rx.flags)
    code = [int(op) for op in _compiler._code(parsed, rx.flags)]  # opcodes are named ints: plain ones pickle
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return (rx.pattern, rx.flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


class _Pickler(pickle.Pickler):
    """A pickler that keeps patterns as their compiled code."""

    def reducer_override(self, obj: object) -> object:
        if type(obj) is not re.Pattern or _sre is None:
            return NotImplemented
        try:
            args = _reduced(obj)
            again = _restore(*args)
        except Exception:  # noqa: BLE001 - an engine this does not follow: pickle as usual
            return NotImplemented
        if (again.pattern, again.flags, again.groups, again.groupindex) != (
                obj.pattern, obj.flags, obj.groups, obj.groupindex):
            return NotImplemented
        return _restore, args


def dumps(obj: object) -> bytes:
    """Return `obj` pickled, its compiled patterns kept as compiled code."""
    out = io.BytesIO()
    _Pickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    return out.getvalue()


def loads(data: bytes) -> object:
    """Return the object `dumps` gave `data` of (only ever data this program wrote: it is pickle)."""
    return pickle.loads(data)  # noqa: S301 - the user's own cache
