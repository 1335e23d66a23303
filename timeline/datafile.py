"""Read the user-editable YAML files in data/ the same way everywhere.

PyYAML is imported at the first file the user cache does not hold (or at the first
error): importing it compiles its reader's patterns, a fortieth of a second of every
start, and a run whose files are all kept never needs it.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
from functools import lru_cache
from pathlib import Path

from . import cache
from .errors import InputError


class _UniqueKeys:
    """Refuse a key given twice in one mapping.

    PyYAML keeps the last of two equal keys silently, so a second `en:` in a group
    would drop the first list without a word.
    """

    def construct_mapping(self, node, deep=False):
        import yaml

        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@lru_cache(maxsize=1)
def _loaders() -> tuple[type, type | None]:
    """Return the safe loader refusing a key given twice, and its libyaml twin (None without libyaml).

    libyaml's parser reads the language files ~10× faster than PyYAML's own; where
    PyYAML was built without it, the pure-Python loader does the work.
    """
    import yaml

    # Only true/false are booleans, as in YAML 1.2: PyYAML's YAML 1.1 reads a word list's
    # bare on, off, yes, no as True and False ("month_cues: [in, on, …]" had lost "on").
    resolvers = {first: [(tag, rx) for tag, rx in rules if tag != _BOOL]
                 for first, rules in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    for first in "tTfF":
        resolvers.setdefault(first, []).append((_BOOL, _BOOLS))
    body = {"yaml_implicit_resolvers": resolvers}
    unique = type("UniqueKeyLoader", (_UniqueKeys, yaml.SafeLoader),
                  {**body, "__doc__": "A safe YAML loader that refuses a key given twice in one mapping."})
    fast = type("_FastLoader", (_UniqueKeys, yaml.CSafeLoader), body) if hasattr(
        yaml, "CSafeLoader") else None
    return unique, fast


_BOOL = "tag:yaml.org,2002:bool"
_BOOLS = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_SCHEMA = "yaml-1.2-bools"  # in the kept parses' key: a parse kept by an older loader is not reused


def __getattr__(name: str) -> object:
    if name == "UniqueKeyLoader":  # built with PyYAML, at first use
        return _loaders()[0]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def yaml_error() -> type[Exception]:
    """Return PyYAML's error class (importing PyYAML): for `except` clauses that name it."""
    import yaml

    return yaml.YAMLError


def parse_yaml(text: str) -> object:
    """Parse YAML text with the duplicate-key check; raise yaml.YAMLError when it is not valid."""
    import yaml

    unique, fast = _loaders()
    if fast is not None:
        try:
            return yaml.load(text, Loader=fast)
        except (yaml.YAMLError, UnicodeError):  # libyaml cannot encode a lone surrogate
            pass  # PyYAML's own loader decides, and its messages quote the offending line
    return yaml.load(text, Loader=unique)


@lru_cache(maxsize=1)
def _parser_stamp() -> str:
    """Return the installed PyYAML's size and time, unimported (kept parses follow an upgrade)."""
    path = cache.package_file("yaml", "__init__.py")
    try:
        st = os.stat(path) if path else None
    except OSError:
        st = None
    return f"{st and st.st_size}-{st and st.st_mtime_ns}"


DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def parse_file(path: Path) -> object:
    """Return the parse of YAML file `path`; raise OSError or yaml.YAMLError as reading and parse_yaml do.

    Parsing the shipped lists (the glossary and the language files above all) was a
    tenth of `extract`'s start-up: the parse of a file under data/ is kept in the user
    cache (timeline/cache.py) under a hash of its bytes, as marshal data (int keys stay
    ints; a parse holding a date is not kept).
    """
    raw = path.read_bytes()
    name = _shipped(path)
    if not name:
        return parse_yaml(raw.decode("utf-8"))
    key = hashlib.sha256(f"{_parser_stamp()}\0{marshal.version}\0{_SCHEMA}\0".encode() + raw).hexdigest()[:24]
    kept = cache.load_bytes(name, key, ".marshal")
    if kept is not None:
        try:
            return marshal.loads(kept)
        except (EOFError, ValueError, TypeError):  # a damaged entry: parse again
            pass
    data = parse_yaml(raw.decode("utf-8"))
    try:
        cache.keep_bytes(name, key, marshal.dumps(data), ".marshal")
    except ValueError:  # a date or another object marshal cannot hold
        pass
    return data


def read_yaml(path: Path, what: str) -> object:
    """Return the parsed data file; an InputError names the file and says what is wrong.

    `what` names the file's content for the message ("the event types").
    """
    try:
        return parse_file(path)
    except OSError as exc:
        raise InputError(str(path), f"cannot read {what} ({exc.strerror})") from exc
    except Exception as exc:
        if isinstance(exc, yaml_error()):
            raise InputError(str(path), f"not valid YAML ({exc})") from exc
        raise


def _shipped(path: Path) -> str:
    """Return the cache name of a data file shipped with the project ("yaml-lang-en"), "" for any other."""
    try:
        inside = path.resolve().relative_to(DATA_DIR)
    except (OSError, ValueError):
        return ""
    return "yaml-" + "-".join(inside.with_suffix("").parts)
