"""The command line, run in-process."""
from __future__ import annotations

import csv
import io

import pytest

from conftest import ARTICLES, SEED
from timeline import SCHEMA
from timeline.cli import main


def test_header_equals_schema(capsys):
    assert main(["extract", str(SEED)]) == 0
    out = capsys.readouterr().out
    header = next(csv.reader(io.StringIO(out)))
    assert tuple(header) == SCHEMA


def test_output_file_and_folder_input(tmp_path, capsys):
    out = tmp_path / "events.csv"
    assert main(["extract", str(ARTICLES), "-o", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {"2022-02-24", "2024-06-18", "2025-09-03"} <= {r["date"] for r in rows}
    assert "events written to" in capsys.readouterr().err


def test_missing_file_exits_non_zero_with_a_message(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert main(["extract", str(missing)]) == 1
    err = capsys.readouterr().err
    assert "nope.txt" in err and "no such file" in err
    assert "Traceback" not in err


def test_good_files_still_written_when_one_is_missing(tmp_path, capsys):
    out = tmp_path / "events.csv"
    assert main(["extract", str(SEED), str(tmp_path / "gone.md"), "-o", str(out)]) == 1
    assert len(list(csv.DictReader(out.open(encoding="utf-8")))) > 5


def test_published_and_language_flags_override(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text("Rusia menyerang Ukraina kemarin.", encoding="utf-8")
    assert main(["extract", str(art), "--published", "2024-03-05", "--language", "id"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and rows[0]["published"] == "2024-03-05" and rows[0]["language"] == "id"


def test_bad_published_flag_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(SEED), "--published", "8/9/2025"])
    assert exc.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_help_text_names_the_command(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "FILE_OR_DIR" in capsys.readouterr().out


def test_rows_stay_per_article_unless_sources_are_merged(tmp_path, capsys):
    one = "Senin, 8 September 2025\n\nPada 18 Juni 2024, Kim Jong Un dan Vladimir Putin menandatangani traktat kemitraan di Pyongyang.\n"
    two = "Selasa, 9 September 2025\n\nKim Jong Un dan Vladimir Putin menandatangani traktat kemitraan di Pyongyang pada 18 Juni 2024.\n"
    (tmp_path / "a.txt").write_text(one, encoding="utf-8")
    (tmp_path / "b.txt").write_text(two, encoding="utf-8")
    assert main(["extract", str(tmp_path)]) == 0
    rows = [r for r in csv.DictReader(io.StringIO(capsys.readouterr().out)) if r["date"] == "2024-06-18"]
    assert sorted(r["source"] for r in rows) == ["a.txt", "b.txt"]
    assert main(["extract", str(tmp_path), "--merge-sources"]) == 0
    rows = [r for r in csv.DictReader(io.StringIO(capsys.readouterr().out)) if r["date"] == "2024-06-18"]
    assert len(rows) == 1 and rows[0]["source_count"] == "2" and rows[0]["evidence"]


def test_jobs_give_the_same_table_as_one_process(tmp_path, capsys):
    folder = tmp_path / "many"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    for i in range(6):  # distinct articles, so the processes really share different work
        (folder / f"a{i}.txt").write_text("\n\n".join(paragraphs[: 12 + 3 * i]), encoding="utf-8")
    (folder / "empty.txt").write_text("  ", encoding="utf-8")
    assert main(["extract", str(folder)]) == 1
    one = capsys.readouterr()
    assert main(["extract", str(folder), "--jobs", "2"]) == 1
    two = capsys.readouterr()
    assert two.out == one.out and len(one.out.splitlines()) > 10
    assert two.err == one.err and "empty.txt" in one.err


def test_jobs_must_be_a_count(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(SEED), "--jobs", "many"])
    assert exc.value.code == 2
    assert "number of processes" in capsys.readouterr().err


def test_input_errors_survive_pickling():
    import pickle

    from timeline import InputError

    err = pickle.loads(pickle.dumps(InputError("a.txt", "is empty")))
    assert (err.source, err.problem, str(err)) == ("a.txt", "is empty", "a.txt: is empty")
