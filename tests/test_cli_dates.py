"""`python -m timeline dates`: every time expression, with offsets true to the file."""
from __future__ import annotations

import json

import pytest

from conftest import SEED
from timeline.cli import main
from timeline.expressions import FIELDS
from timeline.ingest import decode

FRONT = """---
title: Kunjungan ke Pyongyang
published: 2024-06-21
language: id
---
Presiden Rusia Vladimir Putin tiba di Pyongyang pada 19 Juni 2024.

Perjanjian itu berlaku sejak 4 Desember 2024, kata Kementerian Luar Negeri — « résumé » ≠ naïve.
"""
PLAIN = """March 5, 2024

North Korea fired a missile on Monday, March 4, 2024, Seoul's military said.

Ukraine's forces entered Kursk in August 2024 — Zelenskyy's “bold” move.
"""


def _jsonl(capsys, *args):
    code = main(["dates", *args, "--format", "jsonl"])
    lines = capsys.readouterr().out.splitlines()
    return code, [json.loads(line) for line in lines]


@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
@pytest.mark.parametrize(("name", "body"), [("front.md", FRONT), ("plain.txt", PLAIN)])
def test_offsets_point_into_the_decoded_file(tmp_path, capsys, name, body, crlf):
    path = tmp_path / name
    data = (body.replace("\n", "\r\n") if crlf else body).encode("utf-8")
    path.write_bytes(data)
    file_text = decode(data, name)
    assert ("\r\n" in file_text) == crlf  # reading keeps the file's line ends
    code, records = _jsonl(capsys, str(path))
    assert code == 0
    assert len(records) >= 2
    for r in records:
        assert file_text[r["start"] : r["end"]] == r["text"], r
    if name == "front.md":  # offsets count the front matter too
        assert records[0]["start"] > file_text.index("---\n" if not crlf else "---\r\n", 3)


def test_offsets_survive_a_byte_order_mark_and_latin1(tmp_path, capsys):
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + PLAIN.encode("utf-8"))
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le traité fut signé à Pyongyang le 19 juin 2024, dit-on — très tôt.\n".encode("cp1252"))
    for path in (bom, latin):
        code, records = _jsonl(capsys, str(path))
        assert code == 0 and records
        text = decode(path.read_bytes(), path.name)
        for r in records:
            assert text[r["start"] : r["end"]] == r["text"]


def test_jsonl_has_every_field_with_its_type(tmp_path, capsys):
    path = tmp_path / "plain.txt"
    path.write_text(PLAIN, encoding="utf-8")
    code, records = _jsonl(capsys, str(path))
    assert code == 0
    for r in records:
        assert tuple(r) == FIELDS
        assert r["source"] == "plain.txt"
        assert isinstance(r["start"], int) and isinstance(r["end"], int) and r["start"] < r["end"]
        assert isinstance(r["event"], bool)
        for key in ("date", "date_end"):
            assert r[key] == "" or len(r[key]) == 10
        assert r["event"] or r["reason"]  # an expression that dates nothing says why
    assert [r["start"] for r in records] == sorted(r["start"] for r in records)
    assert any("March 4, 2024" in r["text"] and r["date"] == "2024-03-04" for r in records)


def test_seed_dateline_is_marked_and_footer_dates_nothing(capsys):
    code, records = _jsonl(capsys, str(SEED))
    assert code == 0
    first = records[0]
    assert (first["start"], first["kind"], first["date"]) == (0, "dateline", "2025-09-08")
    text = SEED.read_text(encoding="utf-8")
    footer = text.index("©")
    footer_line = (footer, text.index("\n", footer))
    in_footer = [r for r in records if footer_line[0] <= r["start"] < footer_line[1]]
    assert all(not r["event"] for r in in_footer)
    assert any(r["date"] == "2022-02-24" and r["event"] for r in records)
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]


def test_table_lists_expressions_under_a_line_per_file(tmp_path, capsys):
    path = tmp_path / "plain.txt"
    path.write_text(PLAIN, encoding="utf-8")
    assert main(["dates", str(path), "--published", "2024-03-06"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("plain.txt: published 2024-03-06 (flag), language en")
    header = out[1].split()
    assert header[:4] == ["start", "end", "text", "date"]
    assert any("2024-03-04" in line for line in out[2:])


def test_rejected_input_is_named_and_the_others_still_listed(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(PLAIN, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    code = main(["dates", str(good), str(tmp_path / "gone.txt"), str(empty), "--format", "jsonl"])
    captured = capsys.readouterr()
    assert code == 1
    assert "gone.txt" in captured.err and "empty.txt" in captured.err
    assert "Traceback" not in captured.err
    assert any(json.loads(line)["source"] == "good.txt" for line in captured.out.splitlines())


def test_all_good_inputs_exit_0_and_usage_errors_exit_2(tmp_path, capsys):
    path = tmp_path / "plain.txt"
    path.write_text(PLAIN, encoding="utf-8")
    assert main(["dates", str(path)]) == 0
    with pytest.raises(SystemExit) as exc:
        main(["dates", str(path), "--format", "xml"])
    assert exc.value.code == 2


def test_seed_says_which_event_an_unused_date_supports(capsys):
    code, records = _jsonl(capsys, str(SEED))
    assert code == 0
    by_text = {}
    for r in records:
        by_text.setdefault(r["text"], r)
    # The caption's dates and "setahun sebelumnya" are mentions merged into other events.
    assert by_text["Rabu, 3 September 2025"]["reason"] == "evidence of the event of 3 Sep 2025"
    assert by_text["setahun sebelumnya"]["reason"] == "evidence of the event of 18 Jun 2024"
