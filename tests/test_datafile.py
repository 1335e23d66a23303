"""The YAML reader: libyaml's fast parse gives what PyYAML's own loader gives, errors come from the latter."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline import datafile

DATA = Path(__file__).resolve().parent.parent / "data"


@pytest.mark.parametrize("path", sorted(DATA.glob("*.yaml")) + sorted(DATA.glob("lang/*.yaml")), ids=lambda p: p.name)
def test_every_shipped_file_reads_the_same_with_either_parser(path):
    text = path.read_text(encoding="utf-8")
    assert datafile.parse_yaml(text) == yaml.load(text, Loader=datafile.UniqueKeyLoader)


@pytest.mark.parametrize("text", ["a: 1\na: 2\n", "title: [unclosed\n", "a: \ud800\n", "a:\n\t- b\n"])
def test_errors_are_pyyamls_own(text):
    with pytest.raises(yaml.YAMLError) as fast:
        datafile.parse_yaml(text)
    with pytest.raises(yaml.YAMLError) as own:
        yaml.load(text, Loader=datafile.UniqueKeyLoader)
    assert str(fast.value) == str(own.value)
