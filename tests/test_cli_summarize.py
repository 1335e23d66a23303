"""`python -m timeline summarize`: the key dates of a story, run in-process on articles of our own."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
# Five reports of a (made-up) harbour strike: 4 May is told by four articles, days later too.
ARTICLES = {
    "a1.txt": ("2020-05-04", "PORT ASTER -- Dock workers in Port Aster walked out on Monday, closing the harbour, "
               "the union said.\n\nThe union wants a new contract before the summer season."),
    "a2.txt": ("2020-05-06", "The strike that began on May 4 has left forty ships waiting outside Port Aster, the "
               "port authority said on Wednesday.\n\nFuel prices rose on the island on Tuesday."),
    "a3.txt": ("2020-05-20", "Since the walkout of May 4, trade through Port Aster has fallen by half.\n\n"
               "The mayor met union leaders on May 18 and promised a mediator."),
    "a4.txt": ("2020-05-12", "Talks between the union and the port authority collapsed on Friday, May 8, after six "
               "hours.\n\nThe dock workers first walked out on May 4."),
    "a5.txt": ("2020-05-25", "The strike in Port Aster ended on Sunday, May 24, when both sides signed a two-year "
               "contract.\n\nThe walkout had begun on May 4 and closed the harbour for three weeks."),
}


@pytest.fixture
def strike(tmp_path) -> Path:
    folder = tmp_path / "strike"
    folder.mkdir()
    for name, (published, body) in ARTICLES.items():
        (folder / name).write_text(f"---\npublished: {published}\nlanguage: en\n---\n{body}\n", encoding="utf-8")
    return folder


def _jsonl(capsys, *args) -> tuple[int, list[dict]]:
    code = main(["summarize", *args, "--format", "jsonl", "--jobs", "1"])
    return code, [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_jsonl_gives_one_object_per_key_date(strike, capsys):
    code, rows = _jsonl(capsys, str(strike), "--dates", "3", "--sentences", "2")
    assert code == 0
    assert len(rows) == 3 and rows[0]["date"] == "2020-05-04"
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    for r in rows:
        assert set(r) == {"date", "sentences", "event_ids"}
        assert 1 <= len(r["sentences"]) <= 2 and r["event_ids"]
    assert any("walked out on Monday" in s for s in rows[0]["sentences"])


def test_dates_sentences_start_and_end_are_honoured(strike, capsys):
    _, rows = _jsonl(capsys, str(strike), "--dates", "2", "--sentences", "1", "--start", "2020-05-05",
                     "--end", "2020-05-20")
    assert len(rows) == 2
    assert all("2020-05-05" <= r["date"] <= "2020-05-20" and len(r["sentences"]) == 1 for r in rows)


def test_the_same_key_dates_with_one_process_or_several(strike, capsys):
    _, one = _jsonl(capsys, str(strike), "--dates", "4")
    assert main(["summarize", str(strike), "--dates", "4", "--format", "jsonl"]) == 0
    assert [json.loads(line) for line in capsys.readouterr().out.splitlines()] == one


def test_markdown_is_the_default(strike, capsys):
    assert main(["summarize", str(strike), "--dates", "2", "--sentences", "1", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Key dates (2)") and "## 4 May 2020" in out
    assert "(a1.txt)" in out or "(a2.txt)" in out


def test_a_missing_input_is_named_and_the_others_summarized(strike, capsys):
    code = main(["summarize", str(strike), str(strike / "gone.txt"), "--dates", "1", "--format", "jsonl", "--jobs", "1"])
    captured = capsys.readouterr()
    assert code == 1 and "gone.txt" in captured.err
    assert json.loads(captured.out)["date"] == "2020-05-04"


def test_nothing_to_choose_is_said_not_failed(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("---\npublished: 2020-05-04\n---\nThe harbour reopened in 2019.\n", encoding="utf-8")
    assert main(["summarize", str(tmp_path), "--dates", "3", "--format", "jsonl", "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no day-precision dates" in captured.err


@pytest.mark.parametrize("args", [["--dates", "x"], ["--dates", "-1"], [], ["--dates", "2", "--start", "5/4/2020"],
                                  ["--dates", "2", "--sentences", "-3"]])
def test_bad_arguments_are_usage_errors(strike, capsys, args):
    with pytest.raises(SystemExit) as exc:
        main(["summarize", str(strike), *args])
    assert exc.value.code == 2


def test_a_start_after_the_end_is_refused(strike, capsys):
    assert main(["summarize", str(strike), "--dates", "2", "--start", "2020-06-01", "--end", "2020-05-01"]) == 2
    assert "after --end" in capsys.readouterr().err


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = build_parser()._subparsers._group_actions[0].choices
    assert set(commands) >= {"extract", "dates", "summarize", "eval"}
    for name in commands:
        assert f"python -m timeline {name}" in readme, name
