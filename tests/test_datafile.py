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


@pytest.mark.parametrize("loader", ["fast", "own"])
def test_only_true_and_false_are_booleans(loader):
    # YAML 1.1 reads a word list's bare "on" as True: "month_cues: [in, on]" had lost "on"
    text = "cues: [in, on, off, yes, no, On, Y]\nflag: true\nother: False\n"
    got = datafile.parse_yaml(text) if loader == "fast" else yaml.load(text, Loader=datafile.UniqueKeyLoader)
    assert got == {"cues": ["in", "on", "off", "yes", "no", "On", "Y"], "flag": True, "other": False}


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: p.name)
def test_no_word_list_holds_a_boolean(path):
    def lists(x):
        if isinstance(x, dict):
            for v in x.values():
                yield from lists(v)
        elif isinstance(x, list):
            yield x
            for v in x:
                yield from lists(v)

    assert not [w for words in lists(datafile.parse_file(path)) for w in words if isinstance(w, bool)]
