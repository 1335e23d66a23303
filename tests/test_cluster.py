"""The Dask engine gives exactly the rows of the single-process run; Parquet output reads back as the table."""
from __future__ import annotations

import pandas as pd
import pytest

from conftest import ROOT, SEED
from timeline import cli, cluster, pipeline, table

GOLDEN = ROOT / "tests" / "golden"
pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Twelve golden articles, the seed, and one file that is not an article."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(p for p in GOLDEN.iterdir() if p.suffix in (".txt", ".md"))[:12]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / SEED.name).write_bytes(SEED.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.mark.parametrize("merge_sources", [False, True])
def test_dask_gives_exactly_the_single_process_rows(corpus, merge_sources):
    local = pipeline.extract_paths([corpus], merge_sources=merge_sources)
    spread = cluster.extract_paths([corpus], merge_sources=merge_sources, workers=2, processes=False)
    assert table.to_csv(spread.frame()) == table.to_csv(local.frame())
    assert table.to_csv(spread.mentions(), table.MENTION_SCHEMA) == table.to_csv(local.mentions(), table.MENTION_SCHEMA)
    assert [str(e) for e in spread.errors] == [str(e) for e in local.errors] and spread.errors
    assert spread.notes == local.notes


def test_parquet_output_reads_back_as_the_csv_table(corpus, tmp_path, capsys):
    assert cli.main(["extract", str(corpus), "-o", str(tmp_path / "events.csv")]) == 1  # empty.txt is rejected
    out = tmp_path / "events.parquet"
    assert cli.main(["extract", str(corpus), "-o", str(out)]) == 1
    assert "Parquet part(s)" in capsys.readouterr().err
    expected = table.from_csv((tmp_path / "events.csv").read_text("utf-8"))
    assert pd.read_parquet(out).equals(expected)


def test_parquet_output_is_split_into_parts_in_date_order(seed_events, tmp_path):
    assert cluster.write_parquet(seed_events, tmp_path / "x.parquet", rows_per_part=5) == -(-len(seed_events) // 5)
    back = pd.read_parquet(tmp_path / "x.parquet")
    assert back.equals(seed_events.loc[:, list(table.SCHEMA)])
    assert cluster.write_parquet(seed_events.head(3), tmp_path / "x.parquet") == 1  # old parts replaced
    assert len(pd.read_parquet(tmp_path / "x.parquet")) == 3


def test_scheduler_needs_the_dask_engine(corpus, capsys):
    assert cli.main(["extract", str(corpus), "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--scheduler needs --engine dask" in capsys.readouterr().err


def test_a_parquet_output_that_is_a_file_is_refused(corpus, tmp_path, capsys):
    (tmp_path / "x.parquet").write_text("")
    assert cli.main(["extract", str(corpus), "-o", str(tmp_path / "x.parquet")]) == 2
    assert "a .parquet output is a folder" in capsys.readouterr().err


def _events_of(folder):
    return [e for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")
            for e in pipeline.extract_article(pipeline.ingest.read(p))]


@pytest.mark.parametrize("folder", [GOLDEN, ROOT / "tests" / "happenings" / "dev", ROOT / "tests" / "happenings" / "heldout_a"])
def test_merging_by_date_windows_gives_exactly_one_merge(folder):
    found = _events_of(folder)
    windows = cluster.date_windows(found, 8)
    assert len(windows) > 2 and sorted(i for w in windows for i in w) == list(range(len(found)))
    one = pipeline.events.merge(found)
    apart = cluster.merge_by_windows(found, windows=8)
    assert [vars(e) for e in apart] == [vars(e) for e in one]


def test_a_long_report_opens_no_window_of_its_own_but_joins_its_first_day():
    from conftest import make_event

    decade = make_event("d", "2020-01-01", "2029-12-31", precision="decade")
    later = make_event("l", "2023-05-01")
    first_day = make_event("f", "2020-01-02")
    assert cluster.date_windows([decade, later, first_day], 3) == [[0, 2], [1]]
