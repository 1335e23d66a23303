"""The page's table in DuckDB over Parquet gives exactly what the pandas filters, chart and exports give."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ARTICLES, ROOT, make_event
from timeline import (chart, corrections, exports, extract_paths, filters, library, query, table, to_csv,
                      to_frame)
from timeline.errors import InputError
from timeline.model import PRECISIONS

GOLDEN = ROOT / "tests" / "golden"
ACTORS = ["Russia", "North Korea", "Ukraine", "China", "Kim Jong Un", "Ü-Bahn", *"ABCDEFGH"]
TYPES = ["meeting", "treaty", "military", "other"]


def synthetic(n: int, seed: int = 3) -> pd.DataFrame:
    """Return a table with awkward cells: spaced and empty names, upper case, many actors, coarse dates."""
    rng = np.random.default_rng(seed)
    events = []
    for i in range(n):
        start = dt.date(1950, 1, 1) + dt.timedelta(days=int(rng.integers(0, 27000)))
        precision = str(rng.choice(["day", "day", "month", "year", "decade", "week"]))
        days = {"day": 0, "week": 6, "month": 30, "year": 365, "decade": 3652}[precision]
        end = start + dt.timedelta(days=days)
        who = tuple(str(a) for a in rng.choice(ACTORS, int(rng.integers(0, 4)), replace=False))
        events.append(make_event(
            f"e{i:05d}", start.isoformat(), end.isoformat(), precision=precision, actors=who,
            event_type=str(rng.choice(TYPES)), source=f"s{int(rng.integers(0, 30))}.txt",
            title=str(rng.choice(["Treaty signed", "KIM meets Putin", "Rudal diluncurkan", "Ära"])),
            confidence=float(np.round(rng.uniform(0.3, 1.0), 2)),
            places=("Pyongyang",) if i % 3 == 0 else ()))
    df = to_frame(events)
    # Cells as a researcher's table may hold them: spaces and empty names between the separators.
    df.loc[df.index % 7 == 0, "actors"] = " Russia ; ;North Korea;"
    df.loc[df.index % 11 == 0, "actors"] = ""
    return df


def built(tmp_path, df: pd.DataFrame, name: str = "view.parquet") -> query.Table:
    query.build(tmp_path / name, df, [], {}, tmp_path / "scratch")
    return query.Table.open(tmp_path / name, tmp_path / "scratch")


@pytest.fixture(scope="module")
def golden():
    return extract_paths([GOLDEN], merge_sources=True).frame()


@pytest.fixture(scope="module")
def shipped():
    return extract_paths([ARTICLES], merge_sources=True).frame()


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    df = synthetic(5000)
    return df, built(tmp_path_factory.mktemp("made"), df)


def same(df: pd.DataFrame, view: query.View) -> None:
    pd.testing.assert_frame_equal(view.frame(), df)
    metrics = (len(df), len(filters.actor_names(df)), df["source"].nunique(), filters.date_bounds(df))
    assert view.summary == metrics
    pd.testing.assert_frame_equal(view.head(7), df.head(7))


FILTERS = [
    filters.Filters(),
    filters.Filters(actors=("Russia", "North Korea")),
    filters.Filters(actors=("Russia", "North Korea"), mode="all"),
    filters.Filters(query="treaty KIM"),
    filters.Filters(query="ära"),
    filters.Filters(start=dt.date(2000, 1, 1), end=dt.date(2010, 12, 31)),
    filters.Filters(types=("meeting", "treaty"), sources=("s1.txt", "s2.txt", "one.txt")),
    filters.Filters(precision="month", min_confidence=0.7),
    filters.Filters(places=("Pyongyang",)),
]


@pytest.mark.parametrize("wanted", FILTERS, ids=repr)
def test_the_same_rows_as_the_pandas_filters(made, golden, shipped, tmp_path, wanted):
    df, kept = made
    same(wanted.apply(df), kept.view(wanted))
    for i, real in enumerate((golden, shipped)):
        same(wanted.apply(real), built(tmp_path, real, f"real{i}.parquet").view(wanted))


def test_pick_lists_metrics_and_rows_as_in_pandas(made, golden, tmp_path):
    for df, kept in (made, (golden, built(tmp_path, golden))):
        every = kept.view()
        assert every.names("actors") == filters.actor_names(df)
        assert every.names("places") == filters.place_names(df)
        assert every.values("event_type") == filters.values(df, "event_type")
        assert every.values("source") == filters.values(df, "source")
        for most in (1, 5, 10_000):
            assert every.busiest("source", most) == (filters.busiest(df, "source", most), len(filters.values(df, "source")))
        assert every.bounds() == filters.date_bounds(df)
        assert every.distinct("source") == df["source"].nunique()
        assert len(kept) == len(df)
        pd.testing.assert_frame_equal(every.head(10), df.head(10))
        eid = df["event_id"].iloc[len(df) // 2]
        assert every.row(eid) == df[df["event_id"] == eid].iloc[0].to_dict() and every.has(eid)
        assert not every.has("no such event") and every.row("no such event") is None
        pd.testing.assert_frame_equal(every.key_events(0.5).frame(), df[df["importance"].fillna(0.0) >= 0.5])
    assert kept.view(filters.Filters(query="no such words anywhere")).bounds() is None


def test_downloads_are_the_same_bytes(made, golden, tmp_path):
    df, kept = made
    query.BATCH, batch = 700, query.BATCH  # several batches
    try:
        assert kept.view().csv_bytes() == exports.csv_bytes(df)
        wanted = filters.Filters(actors=("Russia",))
        assert kept.view(wanted).csv_bytes() == exports.csv_bytes(wanted.apply(df))
        assert kept.view(filters.Filters(query="zzz")).csv_bytes() == exports.csv_bytes(df.iloc[0:0])
    finally:
        query.BATCH = batch


def overview(fig):
    trace = fig.data[0]
    return list(trace.x), list(trace.y), np.nan_to_num(np.asarray(trace.z, dtype=float), nan=-1).tolist(), \
        fig.layout.xaxis.range, fig.layout.height


@pytest.mark.parametrize("wanted", [filters.Filters(),
                                    filters.Filters(actors=("Russia", "A", "B"), precision="year"),
                                    filters.Filters(start=dt.date(2000, 1, 1), end=dt.date(2020, 12, 31))],
                         ids=repr)
def test_the_overview_counted_in_duckdb_is_the_pandas_overview(made, wanted):
    df, kept = made
    view = kept.view(wanted)
    assert len(view) > chart.DETAIL_MAX // 3
    ours = query.timeline_figure(view) if len(view) > chart.DETAIL_MAX else \
        chart.overview_of(*view.overview_cells(), view.focus())
    assert overview(ours) == overview(chart.overview_figure(wanted.apply(df)))
    assert view.focus() == chart.focus(wanted.apply(df))


def test_a_small_view_draws_the_detail_figure(made):
    df, kept = made
    wanted = filters.Filters(actors=("Russia", "North Korea"), mode="all", precision="month")
    assert len(wanted.apply(df)) <= chart.DETAIL_MAX
    ours = query.timeline_figure(kept.view(wanted))
    assert ours.to_json() == chart.timeline_figure(wanted.apply(df)).to_json()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actors=st.lists(st.sampled_from(ACTORS + ["Nobody"]), max_size=3), mode=st.sampled_from(filters.MODES),
       start=st.none() | st.dates(dt.date(1940, 1, 1), dt.date(2030, 1, 1)), days=st.integers(0, 20000),
       types=st.lists(st.sampled_from(TYPES), max_size=2), precision=st.sampled_from(PRECISIONS),
       query_text=st.sampled_from(["", "treaty", "KIM putin", "rudal", "e0", "  ", "ä"]),
       minimum=st.sampled_from([0.0, 0.35, 0.5, 0.9, 1.0]))
def test_any_filters_keep_the_same_rows(made, actors, mode, start, days, types, precision, query_text,
                                        minimum):
    df, kept = made
    wanted = filters.Filters(actors=tuple(actors), mode=mode, start=start,
                             end=start + dt.timedelta(days=days) if start else None, types=tuple(types),
                             precision=precision, query=query_text, min_confidence=minimum)
    same(wanted.apply(df), kept.view(wanted))


def page_tables(tmp_path, fixes: str = "") -> tuple:
    """A data folder with the shipped articles, two event tables (one bad) and corrections; its contents()."""
    import shutil

    shutil.copytree(ARTICLES, tmp_path / "articles")
    (tmp_path / "tables").mkdir()
    df = synthetic(400)
    (tmp_path / "tables" / "a.csv").write_text(to_csv(df.iloc[:300]), encoding="utf-8")
    (tmp_path / "tables" / "b.csv").write_text(to_csv(df.iloc[250:]), encoding="utf-8")  # 50 events again
    (tmp_path / "tables" / "c.csv").write_text("nama,tanggal\nKim,kemarin\n", encoding="utf-8")
    if fixes:
        (tmp_path / "corrections.csv").write_text(fixes, encoding="utf-8")
    return tmp_path, library.contents(tmp_path)


def readers():
    from timeline import ingest, pipeline

    def read_article(path, size, mtime):
        try:
            return ingest.read(__import__("pathlib").Path(path))
        except InputError as exc:
            return str(exc)

    def read_table(path, size, mtime):
        try:
            return library.read_table(__import__("pathlib").Path(path))
        except InputError as exc:
            return str(exc)

    return read_article, pipeline.extract_article, read_table


@pytest.mark.parametrize("fixes", [False, True])
def test_open_table_gives_what_load_gives(tmp_path, fixes):
    data, contents = page_tables(tmp_path)
    read_article, extract, read_table = readers()
    if fixes:
        first = library.load(data, contents, read_article, extract, read_table)[0]
        moved, gone = first["event_id"].iloc[3], first["event_id"].iloc[7]
        for fix in (corrections.Correction(moved, date="1900-05-01", title="Moved"),
                    corrections.Correction(gone, deleted=True),
                    corrections.Correction("not-there", title="Nothing")):
            corrections.save(corrections.path_in(data), fix)
        contents = library.contents(data)
    frame, problems, fixed, unused, said = library.load(data, contents, read_article, extract, read_table,
                                                        "en")
    kept, problems2, fixed2, unused2, said2 = library.open_table(data, contents, read_article, extract, "en")
    pd.testing.assert_frame_equal(kept.view().frame(), frame)
    assert (problems2, fixed2, unused2) == (problems, fixed, unused)
    pd.testing.assert_frame_equal(said2, said)
    assert any("c.csv" in p and "missing" in p for p in problems2)
    if fixes:
        assert unused2 == ["not-there"] and kept.view().row(moved)["date"] == "1900-05-01"
        assert not kept.view().has(gone)
    # A restart opens the kept file; nothing is checked or combined again.
    folder = library.cache_dir(data)
    files = {p: p.stat().st_mtime_ns for p in folder.glob("*.parquet")}
    again = library.open_table(data, contents, read_article, extract, "en")[0]
    assert again.path == kept.path and {p: p.stat().st_mtime_ns for p in folder.glob("*.parquet")} == files


@pytest.mark.parametrize("text, problem", [
    ("", "is empty"),
    ("nama,tanggal\nKim,kemarin\n", "missing"),
    (None, "line 4"),
    (b"event_id,date\nx\xff\xfe,y\n", "not UTF-8"),
])
def test_a_bad_table_is_named_as_read_table_names_it(tmp_path, text, problem):
    path = tmp_path / "t.csv"
    if text is None:
        df = synthetic(5)
        df.loc[2, "date"] = "2024-13-45"
        text = to_csv(df)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(InputError) as pandas_way:
        library.read_table(path)
    with pytest.raises(InputError) as parquet_way:
        library.table_parquet(path, 1, 1, tmp_path)
    assert problem in str(parquet_way.value)
    same_words = str(parquet_way.value) == str(pandas_way.value)
    assert same_words or "line" not in problem and problem in str(pandas_way.value)


def test_a_checked_table_holds_the_rows_read_table_gives(tmp_path):
    df = synthetic(3000)
    df.loc[5, "date"] = "0000-01-01"  # held at 0001-01-01, noted in its label
    path = tmp_path / "t.csv"
    path.write_text(exports.csv_bytes(df).decode("utf-8"), encoding="utf-8")  # with a byte-order mark
    library_rows = library.read_table(path)
    parquet = library.table_parquet(path, 1, 2, tmp_path)
    query.build(tmp_path / "v.parquet", table.empty(), [parquet], {}, tmp_path / "s")
    kept = query.Table.open(tmp_path / "v.parquet", tmp_path / "s")
    pd.testing.assert_frame_equal(kept.view().frame(), library.merge_tables(table.empty(), [library_rows]))


def kinds(at) -> set[str]:
    import json

    return {t.get("type", "scatter") for t in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]}


def test_the_page_runs_on_the_parquet_table_and_restarts_from_it(tmp_path, monkeypatch):
    import shutil

    import streamlit
    from streamlit.testing.v1 import AppTest

    shutil.copytree(ARTICLES, tmp_path / "articles")
    (tmp_path / "tables").mkdir()
    df = synthetic(chart.DETAIL_MAX + 500)
    (tmp_path / "tables" / "many.csv").write_text(to_csv(df), encoding="utf-8")
    monkeypatch.setenv(library.DATA_ENV, str(tmp_path))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception
    total = int(at.metric[0].value)
    assert total > len(df) and kinds(at) == {"heatmap"}  # the overview
    made = sorted((tmp_path / "eventstore" / "page").glob("view-*.parquet"))
    assert len(made) == 1
    streamlit.cache_resource.clear()  # a restart: the page opens the kept file, builds nothing
    stamp = made[0].stat().st_mtime_ns
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception and int(at.metric[0].value) == total and made[0].stat().st_mtime_ns == stamp
    at.multiselect(key="actors").set_value(["Russia", "North Korea"]).run()
    at.radio(key="mode").set_value("all").run()
    wanted = filters.Filters(actors=("Russia", "North Korea"), mode="all")
    assert int(at.metric[0].value) >= len(wanted.apply(df)) and not at.exception
    assert "heatmap" not in kinds(at) and "scatter" in kinds(at)  # few enough for one marker per event


def test_a_view_too_big_for_pandas_offers_its_csv_only(tmp_path, monkeypatch):
    import shutil

    from streamlit.testing.v1 import AppTest

    shutil.copytree(ARTICLES, tmp_path / "articles")
    monkeypatch.setenv(library.DATA_ENV, str(tmp_path))
    monkeypatch.setattr(query, "PANDAS_ROWS_MAX", 3)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    at.session_state["tab"] = "Table and downloads"
    at.run()
    assert not at.exception and any("hold at most 3 events" in c.value for c in at.caption)
    offered = {b.proto.label: b.proto.disabled for b in at.get("download_button")}
    assert offered["Download CSV"] is False and offered["Download full table (CSV)"] is False
    assert offered["Download JSON"] is True and offered["Download TimelineJS"] is True


@pytest.mark.parametrize("wanted", [filters.Filters(), filters.Filters(actors=("Russia", "North Korea")),
                                    filters.Filters(query="no such words")], ids=repr)
def test_the_activity_chart_counted_in_duckdb_is_the_pandas_one(made, golden, tmp_path, wanted):
    df, kept = made
    for frame, table_ in ((df, kept), (golden, built(tmp_path, golden))):
        ours = query.activity_figure(table_.view(wanted))
        assert ours.to_json() == chart.activity_figure(wanted.apply(frame)).to_json()
    few = synthetic(300)  # months fewer than ACTIVITY_BARS_MAX: bars by month
    assert query.activity_figure(built(tmp_path, few, "few.parquet").view()).to_json() == \
        chart.activity_figure(few).to_json()
