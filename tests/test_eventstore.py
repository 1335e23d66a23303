"""The event store: incremental, idempotent, consistent after a killed run, and read by the page."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from timeline import cli, eventstore, library, pipeline

from conftest import ROOT, SEED

GOLDEN = ROOT / "tests" / "golden"
NAMES = ["en_factbox_treaty.md", "en_news_missile_drills.txt", "en_treaty_pyongyang.md",
         "ho_id_antara_penerbangan_wonsan.txt"]


@pytest.fixture
def data(tmp_path):
    """A data folder of five articles (four golden ones and the seed)."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(GOLDEN / name, folder / name)
    shutil.copy(SEED, folder / SEED.name)
    return tmp_path


@pytest.fixture
def counted(monkeypatch):
    """Count the articles extracted (by file name)."""
    seen: list[str] = []
    real = eventstore.extract_file

    def extract(path):
        seen.append(path.name)
        return real(path)

    monkeypatch.setattr(eventstore, "extract_file", extract)
    return seen


def update(data: Path, **kw):
    return eventstore.update(eventstore.folder_of(data), library.articles_dir(data), eventstore.extract_file, **kw)


def stored_rows(data: Path) -> dict[str, list]:
    s = eventstore.Store(eventstore.folder_of(data))
    return {name: s.events(name) for name in sorted(s.entries)}


def test_events_round_trip_exactly(seed_events):
    found = pipeline.extract_article(pipeline.ingest.read(GOLDEN / "en_timeline_summits.txt"))
    back = [e for _, e in eventstore.from_arrow(eventstore.to_arrow(("k", e) for e in found))]
    assert back == found
    # fields left out of == (offsets, mentions) must survive too: merging reads them
    assert [vars(e) for e in back] == [vars(e) for e in found]
    assert any(e.mentions for e in found)


def test_index_twice_does_no_work_the_second_time(data, counted):
    assert update(data) == (5, 0, 0)
    assert sorted(counted) == sorted([*NAMES, SEED.name])
    before = (eventstore.folder_of(data) / eventstore.MANIFEST).read_bytes()
    counted.clear()
    assert update(data) == (0, 5, 0)
    assert counted == []
    assert (eventstore.folder_of(data) / eventstore.MANIFEST).read_bytes() == before


def test_changing_one_article_re_extracts_only_that_one(data, counted):
    update(data)
    first = stored_rows(data)
    counted.clear()
    changed = data / "articles" / NAMES[1]
    changed.write_text(changed.read_text("utf-8").replace("drills", "exercises"), "utf-8")
    (data / "articles" / NAMES[2]).unlink()
    assert update(data) == (1, 3, 1)
    assert counted == [NAMES[1]]
    now = stored_rows(data)
    assert NAMES[2] not in now
    assert {n: v for n, v in now.items() if n != NAMES[1]} == {n: v for n, v in first.items() if n not in NAMES[1:3]}
    assert now[NAMES[1]] == pipeline.extract_article(pipeline.ingest.read(changed))


def test_a_touched_but_unchanged_article_is_not_extracted_again(data, counted):
    update(data)
    counted.clear()
    path = data / "articles" / NAMES[0]
    os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert update(data) == (0, 5, 0)
    assert counted == []


def test_a_new_extractor_version_extracts_everything_again(data, counted, monkeypatch):
    update(data)
    counted.clear()
    monkeypatch.setattr(eventstore, "extractor_version", lambda: "another")
    assert update(data) == (5, 0, 0)
    assert len(list(eventstore.folder_of(data).glob("part-*.parquet"))) == 1  # the old version's part is gone


def test_a_run_killed_half_way_leaves_a_consistent_store_that_the_next_run_completes(data, counted, monkeypatch):
    real = eventstore.extract_file

    def dies_on_the_fourth(path):  # three extracted, the fourth never finishes
        if len(counted) == 3:
            raise KeyboardInterrupt
        return real(path)

    monkeypatch.setattr(eventstore, "extract_file", dies_on_the_fourth)
    with pytest.raises(KeyboardInterrupt):
        eventstore.update(eventstore.folder_of(data), library.articles_dir(data), eventstore.extract_file, batch=2)
    s = eventstore.Store(eventstore.folder_of(data))
    assert len(s.entries) == 2  # the first batch was committed, the second not
    assert all((s.folder / e.part).is_file() for e in s.entries.values() if e.part)
    monkeypatch.setattr(eventstore, "extract_file", real)
    counted.clear()
    assert update(data) == (3, 2, 0)
    fresh = data.parent / "fresh"
    shutil.copytree(data / "articles", fresh / "articles")
    update(fresh)
    assert stored_rows(data) == stored_rows(fresh)


def test_a_part_written_without_its_manifest_is_ignored_and_removed(data, monkeypatch):
    update(data)
    before = stored_rows(data)
    path = data / "articles" / NAMES[0]
    path.write_text(path.read_text("utf-8") + "\n\nOn 3 March 2024 Kim met Putin.\n", "utf-8")

    def killed(*args, **kwargs):
        raise OSError("killed before the manifest was replaced")

    monkeypatch.setattr(eventstore, "_write_manifest", killed)
    with pytest.raises(OSError):
        update(data)
    assert len(list(eventstore.folder_of(data).glob("part-*.parquet"))) == 2  # the orphan is there
    assert stored_rows(data) == before  # but readers still see the old store
    monkeypatch.undo()
    assert update(data) == (1, 4, 0)
    s = eventstore.Store(eventstore.folder_of(data))
    assert {p.name for p in s.folder.glob("part-*.parquet")} == {e.part for e in s.entries.values() if e.part}


def test_a_process_killed_mid_index_leaves_a_readable_store(data, tmp_path):
    for n in range(40):  # enough work to be stopped in the middle of
        shutil.copy(GOLDEN / NAMES[n % 4], data / "articles" / f"copy-{n}{Path(NAMES[n % 4]).suffix}")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", "import sys; from timeline import eventstore, library; "
                             "from pathlib import Path; d = Path(sys.argv[1]); "
                             "eventstore.update(eventstore.folder_of(d), library.articles_dir(d), batch=3)",
                             str(data)], env=env)
    manifest = eventstore.folder_of(data) / eventstore.MANIFEST
    deadline = time.time() + 120
    while not manifest.exists() and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    s = eventstore.Store(eventstore.folder_of(data))
    assert s.entries, "the first batch was committed before the kill"
    for name in s.entries:
        s.events(name)  # every part the manifest names is whole
    done, unchanged, removed = update(data)
    assert done + unchanged == 45 and removed == 0 and unchanged >= len(s.entries)
    assert update(data) == (0, 45, 0)


def test_index_command_prints_what_it_did_and_is_idempotent(data, capsys):
    assert cli.main(["index", str(data), "--quiet"]) == 0
    assert "5 extracted, 0 unchanged, 0 removed: 5 articles" in capsys.readouterr().err
    assert cli.main(["index", str(data)]) == 0
    assert "0 extracted, 5 unchanged, 0 removed: 5 articles" in capsys.readouterr().err
    manifest = json.loads((eventstore.folder_of(data) / eventstore.MANIFEST).read_text("utf-8"))
    assert sorted(manifest["articles"]) == sorted([*NAMES, SEED.name])


def test_index_command_names_a_missing_articles_folder(tmp_path, capsys):
    assert cli.main(["index", str(tmp_path / "none")]) == 2
    assert "no such folder" in capsys.readouterr().err


def _page_load(data: Path, extract):
    def read_article(path, size, mtime):
        return pipeline.ingest.read(Path(path))

    return library.load(data, library.contents(data), read_article, extract, lambda *a: "unused", "en")


def test_the_page_reads_the_store_and_gives_the_same_table(data):
    calls: list[str] = []

    def extract(article):
        calls.append(article.source)
        return pipeline.extract_article(article)

    first = _page_load(data, extract)  # extracts, and fills the store
    assert len(calls) == 5
    assert eventstore.Store(eventstore.folder_of(data)).entries.keys() == {*NAMES, SEED.name}
    calls.clear()
    again = _page_load(data, extract)  # after a restart: nothing extracted
    assert calls == []
    assert again[0].equals(first[0]) and again[4].equals(first[4]) and again[1] == first[1]
    shutil.copy(GOLDEN / "en_timeline_summits.txt", data / "articles" / "added.txt")
    grown = _page_load(data, extract)
    assert calls == ["added.txt"]
    assert "added.txt" in set(grown[0]["source"]) and len(grown[0]) > len(first[0])
    (data / "articles" / "added.txt").unlink()
    back = _page_load(data, extract)  # the kept merge is of other articles: merged again, same table
    assert back[0].equals(first[0]) and back[4].equals(first[4])


def test_the_kept_merge_is_the_merge_of_the_stored_events(data):
    _page_load(data, pipeline.extract_article)
    s = eventstore.Store(eventstore.folder_of(data))
    names = [eventstore.name_in(Path(p), data / "articles") for p, _, _ in library.contents(data)[0]]
    kept, said, notes = s.merged(s.signature(names, "en"))
    found = [e for n in names for e in s.events(n)]
    merged = pipeline.importance.rate(pipeline.merge_events(found, "en"))[0]
    assert kept.equals(pipeline.table.to_frame(merged))
    assert said.equals(pipeline.table.mentions_frame(merged))
    assert s.merged(s.signature(names[1:], "en")) is None
    assert s.merged(s.signature(names, "id")) is None  # kept per title language


def test_a_correction_or_a_new_article_does_not_change_the_extractor_version(tmp_path, monkeypatch):
    monkeypatch.setattr(eventstore, "_PROJECT_DATA", tmp_path)
    (tmp_path / "lang").mkdir()
    (tmp_path / "lang" / "en.yaml").write_text("months: []\n")
    before = eventstore.extractor_version()
    for name in ("corrections.csv", "articles/new.txt", "ui/en.yaml", "eventstore/manifest.json", ".x.lock"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert eventstore.extractor_version() == before
    (tmp_path / "lang" / "en.yaml").write_text("months: [x]\n")
    assert eventstore.extractor_version() != before


def test_the_page_extracts_again_what_the_store_lost_after_it_looked(data, monkeypatch):
    first = _page_load(data, pipeline.extract_article)
    folder = eventstore.folder_of(data)
    manifest = json.loads((folder / eventstore.MANIFEST).read_text("utf-8"))
    manifest.pop("merged")  # no kept merge: the events of every article are read
    (folder / eventstore.MANIFEST).write_text(json.dumps(manifest), "utf-8")
    for part in folder.glob("part-*.parquet"):
        part.unlink()
    again = _page_load(data, pipeline.extract_article)
    assert again[0].equals(first[0])


def test_a_store_reader_follows_a_compaction_made_after_it_opened(data):
    update(data)
    reader = eventstore.Store(eventstore.folder_of(data))
    for name in NAMES[:3]:  # most rows now belong to gone articles: the next update compacts
        (data / "articles" / name).unlink()
    (data / "articles" / "new.md").write_text("On 3 March 2024 Kim met Putin in Moscow.\n", "utf-8")
    update(data)
    assert not (reader.folder / reader.entries[SEED.name].part).exists()  # compacted away
    assert reader.events(SEED.name) == eventstore.Store(eventstore.folder_of(data)).events(SEED.name)


def test_every_command_and_the_dask_options_are_in_the_readme():
    readme = (ROOT / "README.md").read_text("utf-8")
    sub = next(a for a in cli.build_parser()._actions if a.dest == "command")
    for command in sub.choices:
        assert f"timeline {command}" in readme or f"`{command}`" in readme, command
    for option in ("--engine dask", "--scheduler", "--workers", ".parquet", "index"):
        assert option in readme, option


def test_after_index_the_page_neither_extracts_nor_merges(data, monkeypatch):
    assert cli.main(["index", str(data), "--quiet"]) == 0

    def no(*args, **kwargs):
        raise AssertionError("called")

    monkeypatch.setattr(pipeline, "merge_events", no)
    table, problems, *_ = _page_load(data, no)
    assert len(table) and set(table["source"]) >= {SEED.name}
    manifest = (eventstore.folder_of(data) / eventstore.MANIFEST).read_bytes()
    assert cli.main(["index", str(data), "--quiet"]) == 0
    assert (eventstore.folder_of(data) / eventstore.MANIFEST).read_bytes() == manifest
