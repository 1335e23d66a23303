"""Read the user-editable YAML files in data/ the same way everywhere."""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import InputError


class _UniqueKeys:
    """Refuse a key given twice in one mapping.

    PyYAML keeps the last of two equal keys silently, so a second `en:` in a group
    would drop the first list without a word.
    """

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} given twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


class UniqueKeyLoader(_UniqueKeys, yaml.SafeLoader):
    """A safe YAML loader that refuses a key given twice in one mapping."""


# libyaml's parser reads the language files ~10× faster than PyYAML's own; where
# PyYAML was built without it, the pure-Python loader does the work.
_FastLoader = (type("_FastLoader", (_UniqueKeys, yaml.CSafeLoader), {})
               if hasattr(yaml, "CSafeLoader") else None)


def parse_yaml(text: str) -> object:
    """Parse YAML text with the duplicate-key check; raise yaml.YAMLError when it is not valid."""
    if _FastLoader is not None:
        try:
            return yaml.load(text, Loader=_FastLoader)
        except (yaml.YAMLError, UnicodeError):  # libyaml cannot encode a lone surrogate
            pass  # PyYAML's own loader decides, and its messages quote the offending line
    return yaml.load(text, Loader=UniqueKeyLoader)


def read_yaml(path: Path, what: str) -> object:
    """Return the parsed data file; an InputError names the file and says what is wrong.

    `what` names the file's content for the message ("the event types").
    """
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), f"cannot read {what} ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise InputError(str(path), f"not valid YAML ({exc})") from exc
