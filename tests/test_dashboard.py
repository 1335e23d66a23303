"""The page, driven by Streamlit's AppTest."""
from __future__ import annotations

import datetime as dt
import functools
import http.server
import io
import json
import shutil
import threading

import docx
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from conftest import ARTICLES, ROOT
from timeline import SCHEMA, chronology, details, exports, extract_paths, filters, from_csv, i18n, images
from timeline.library import DATA_ENV

PAGE = str(ROOT / "dashboard.py")
PASTED = ("Moskwa - Pada 2 Mei 2024, delegasi Korea Utara tiba di Moskwa untuk membahas kerja sama "
          "pertahanan dengan Rusia.")


@pytest.fixture
def data(tmp_path, monkeypatch):
    """A private copy of data/ that the page reads and writes (never the repo's)."""
    shutil.copytree(ARTICLES, tmp_path / "articles")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    return tmp_path


def run(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=120)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    return at.run()


@pytest.fixture
def page(data):
    at = run()
    assert not at.exception
    return at


def shown(at) -> list[str]:
    return list(table(at)["event_id"])


def open_tab(at, label: str) -> None:
    """Open one of the page's tabs (they run only when open) and rerun."""
    at.session_state["tab"] = label
    at.run()
    assert not at.exception


def table(at):
    """Return the events table, opening its tab first if another tab is open."""
    if not at.dataframe:
        open_tab(at, "Table and downloads")
    return at.dataframe[0].value


def test_page_runs_and_shows_events(page, data):
    # The first view draws the timeline and one event's details; the other tabs run only when opened.
    assert len(page.get("plotly_chart")) == 1 and page.selectbox(key="detail")
    assert not page.dataframe and not page.get("file_uploader") and not [s for s in page.selectbox if s.key == "fix_event"]
    frame = table(page)
    # The page shows what the command line extracts with cross-article merging, in the same order.
    merged = extract_paths([data / "articles"], merge_sources=True).frame()
    assert list(frame["event_id"]) == list(merged["event_id"])
    assert len(frame) > 5
    assert list(frame.columns) == list(SCHEMA)
    assert list(frame["date"]) == sorted(frame["date"])
    assert page.multiselect(key="actors").label == "Actors"
    assert [m.label for m in page.metric] == ["Events", "Actors", "Sources", "Time span"]
    assert page.metric[0].value == str(len(frame))


def test_actor_filter_any_of_and_all_of(page):
    everything = table(page)
    page.multiselect(key="actors").set_value(["Ukraine", "China"]).run()
    any_of = table(page)
    assert 0 < len(any_of) < len(everything)
    assert all({"Ukraine", "China"} & set(cell.split(";")) for cell in any_of["actors"])
    page.radio(key="mode").set_value("all").run()
    all_of = table(page)
    assert len(all_of) < len(any_of)
    assert all({"Ukraine", "China"} <= set(cell.split(";")) for cell in all_of["actors"])
    assert f"{len(all_of)} of {len(everything)} events" in page.caption[0].value
    assert page.metric[0].value == str(len(all_of))


def test_date_range_filter(page):
    page.date_input(key="dates").set_value((dt.date(2025, 9, 1), dt.date(2025, 9, 4))).run()
    frame = table(page)
    assert len(frame) > 0 and all("2025-09-01" <= d <= "2025-09-04" for d in frame["date"].astype(str))


def test_type_source_precision_search_and_confidence_filters(page):
    everything = table(page)
    kind = sorted(set(everything["event_type"]))[0]
    page.multiselect(key="types").set_value([kind]).run()
    assert set(table(page)["event_type"]) == {kind}
    page.multiselect(key="types").set_value([]).run()
    source = sorted(set(everything["source"]))[0]
    page.multiselect(key="sources").set_value([source]).run()
    assert set(table(page)["source"]) == {source}
    page.multiselect(key="sources").set_value([]).run()
    page.select_slider(key="precision").set_value("day").run()
    assert set(table(page)["precision"]) <= {"day"}
    page.select_slider(key="precision").set_value("century").run()
    page.text_input(key="q").input("kcna").run()
    found = table(page)
    assert 0 < len(found) < len(everything)
    assert all("kcna" in " ".join(map(str, row)).casefold() for row in found.itertuples())
    page.text_input(key="q").input("").run()
    page.slider(key="min_conf").set_value(0.95).run()
    assert list(table(page)["event_id"]) == list(filters.by_confidence(everything, 0.95)["event_id"])


def test_reset_shows_everything_again(page):
    everything = shown(page)
    page.multiselect(key="actors").set_value(["Japan"]).run()
    page.text_input(key="q").input("rusia").run()
    assert len(shown(page)) < len(everything)
    page.button(key="reset").click().run()
    assert shown(page) == everything
    assert page.multiselect(key="actors").value == [] and page.text_input(key="q").value == ""


def test_the_activity_tab_draws_events_per_month_by_actor(page):
    open_tab(page, "Activity by actor")
    charts = page.get("plotly_chart")
    assert len(charts) == 2 and not page.dataframe  # the timeline stays, the table's tab is closed
    spec = json.loads(charts[1].proto.spec)
    assert {t["type"] for t in spec["data"]} == {"bar"} and spec["layout"]["barmode"] == "stack"
    assert "Russia" in {t["name"] for t in spec["data"]}


def test_the_map_tab_draws_events_at_their_places_from_local_map_data(page):
    open_tab(page, "Map")
    charts = page.get("plotly_chart")
    assert len(charts) == 2
    spec = json.loads(charts[1].proto.spec)
    assert {t["type"] for t in spec["data"]} == {"scattergeo"}
    shown = {p for t in spec["data"] for p in t["customdata"]}
    assert {"Beijing", "Pyongyang"} <= shown
    assert spec["layout"]["geo"]["resolution"] == 50
    # Land and borders come from the page's own static/ folder, never from a CDN.
    assert json.loads(charts[1].proto.config)["topojsonURL"] == "app/static/"
    assert (ROOT / "static" / "world_50m.json").is_file()


def test_the_place_filter_keeps_events_at_that_place_and_lives_in_the_url(data):
    at = run({"places": "Beijing"})
    assert not at.exception
    frame = table(at)
    assert len(frame) >= 1 and all("Beijing" in p.split(";") for p in frame["places"])
    assert at.query_params["places"] == ["Beijing"] or at.query_params["places"] == "Beijing"


def test_event_details_show_the_place_next_to_the_date(data):
    at = run({"places": "Pyongyang", "types": "agreement"})
    assert any("18 Jun 2024" in m.value and "Pyongyang" in m.value for m in at.markdown)


def test_the_open_tab_is_read_from_the_url(data):
    at = run({"tab": "Add articles"})
    assert not at.exception and at.text_area(key="paste_text") and not at.dataframe


def test_filters_are_read_from_the_url(data):
    at = run({"actors": ["Ukraine", "KCNA"], "mode": "all"})
    frame = table(at)
    assert len(frame) > 0 and all({"Ukraine", "KCNA"} <= set(c.split(";")) for c in frame["actors"])
    assert at.multiselect(key="actors").value == ["Ukraine", "KCNA"]


def test_details_highlight_the_time_expression(page):
    texts = [m.value for m in page.markdown]
    assert any(":orange-background[" in t for t in texts), texts
    assert page.selectbox(key="detail").value == table(page).iloc[0]["event_id"]


def downloads(at, made: dict) -> dict[str, bytes]:
    """Click every download button: run the callable the button would run, by label."""
    return {b.proto.label: made[b.proto.deferred_file_id]() for b in at.get("download_button")}


def test_downloads_hold_the_rows_shown(data, deferred_downloads):
    at = run()
    at.multiselect(key="actors").set_value(["South Korea"]).run()
    ids = shown(at)
    buttons = downloads(at, deferred_downloads)
    assert list(buttons)[:5] == ["Download CSV", "Download JSON", "Download TimelineJS", "Download full table (CSV)",
                                 "Download mentions (CSV)"]
    if images.browser():  # the chart as shown, drawn by Kaleido
        assert buttons["Download chart (PNG)"].startswith(b"\x89PNG") and buttons["Download chart (SVG)"].startswith(b"<svg")
    csv = buttons["Download CSV"]
    assert csv.startswith(b"\xef\xbb\xbf")
    downloaded = from_csv(csv.decode("utf-8-sig"))
    assert list(downloaded.columns) == list(SCHEMA) and list(downloaded["event_id"]) == ids
    assert [r["event_id"] for r in json.loads(buttons["Download JSON"])] == ids
    slides = json.loads(buttons["Download TimelineJS"])["events"]
    assert [s["unique_id"] for s in slides] == ids and all("display_date" in s for s in slides)
    everything = from_csv(buttons["Download full table (CSV)"].decode("utf-8-sig"))
    assert len(everything) > len(ids)
    said = from_csv(buttons["Download mentions (CSV)"].decode("utf-8-sig"))
    assert set(said["event_id"]) == set(ids) and said["source"].str.len().min() > 0  # every report names its article


def test_a_download_is_the_export_of_the_view_made_on_click(data, deferred_downloads):
    at = run({"tab": "Table and downloads"})
    at.multiselect(key="actors").set_value(["South Korea"]).run()
    buttons = downloads(at, deferred_downloads)
    full = from_csv(buttons["Download full table (CSV)"].decode("utf-8-sig"))
    assert buttons["Download full table (CSV)"] == exports.csv_bytes(full)
    view = filters.Filters(actors=("South Korea",)).apply(full)
    assert buttons["Download CSV"] == exports.csv_bytes(view)
    assert buttons["Download JSON"] == exports.json_bytes(view)
    assert buttons["Download TimelineJS"] == exports.timelinejs_bytes(view, at.title[0].value)
    assert all(b.proto.deferred_file_id and not b.proto.url for b in at.get("download_button"))  # nothing made per rerun


def test_pasted_text_is_saved_and_its_events_appear(page, data):
    before = len(shown(page))
    open_tab(page, "Add articles")
    page.text_area(key="paste_text").input(PASTED)
    page.text_input(key="paste_title").input("Delegasi Korut di Moskwa")
    page.date_input(key="paste_date").set_value(dt.date(2024, 5, 3))
    next(b for b in page.button if b.label == "Add text").click().run()
    assert not page.exception
    saved = data / "articles" / "2024-05-03-delegasi-korut-di-moskwa.md"
    assert saved.exists() and "published: 2024-05-03" in saved.read_text(encoding="utf-8")
    assert any("Added" in s.value for s in page.success)
    frame = table(page)
    assert len(frame) > before and "2024-05-02" in set(frame["date"].astype(str))
    # Pasting it again adds nothing.
    open_tab(page, "Add articles")
    page.text_area(key="paste_text").input(PASTED)
    next(b for b in page.button if b.label == "Add text").click().run()
    assert any("Already" in s.value for s in page.success) and len(table(page)) == len(frame)


def test_an_added_article_older_than_the_table_is_shown(page):
    span = page.date_input(key="dates").value
    open_tab(page, "Add articles")
    page.text_area(key="paste_text").input(
        "Moskwa - Pada 12 Juni 1961, Uni Soviet dan Korea Utara menandatangani perjanjian persahabatan.")
    next(b for b in page.button if b.label == "Add text").click().run()
    assert page.date_input(key="dates").value == (dt.date(1961, 6, 12), span[1])  # the untouched filter follows
    assert table(page)["date"].astype(str).iloc[0] == "1961-06-12"


def correct(at, event_id: str, **changes) -> None:
    open_tab(at, "Correct an event")
    at.selectbox(key="fix_event").set_value(event_id).run()
    for key, value in changes.items():
        widget = at.checkbox(key=key) if key == "fix_delete" else at.text_input(key=key)
        widget.set_value(value) if key == "fix_delete" else widget.input(value)
    next(b for b in at.button if b.label == "Save correction").click().run()
    assert not at.exception


def test_a_correction_survives_re_extraction(page, data):
    frame = table(page)
    target, victim = frame.iloc[1]["event_id"], frame.iloc[2]["event_id"]
    correct(page, target, fix_title="Judul yang dibetulkan")
    correct(page, victim, fix_delete=True)
    row = table(page).set_index("event_id").loc[target]
    assert (row["title"], row["corrected"]) == ("Judul yang dibetulkan", "yes")
    assert victim not in shown(page)
    assert "Judul yang dibetulkan" in (data / "corrections.csv").read_text(encoding="utf-8")
    # Extract everything again from scratch: the corrections are applied again.
    st.cache_data.clear()
    for f in (data / "articles").iterdir():
        f.touch()
    again = run()
    row = table(again).set_index("event_id").loc[target]
    assert (row["title"], row["corrected"]) == ("Judul yang dibetulkan", "yes")
    assert victim not in shown(again)
    # And the undo brings the deleted event back.
    open_tab(again, "Correct an event")
    again.selectbox(key="undo_event").set_value(victim)
    again.button(key="undo").click().run()
    assert victim in shown(again)


def test_a_fetched_page_is_saved_and_its_events_appear(page, data, tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    (site / "berita.html").write_text(
        "<html><head><title>Delegasi di Moskwa</title></head><body><article><h1>Delegasi di Moskwa</h1>"
        f"<p>{PASTED}</p><p>Kedua pihak sepakat bertemu lagi pada Juni 2024 di Pyongyang.</p></article></body></html>",
        encoding="utf-8",
    )
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("TIMELINE_ALLOW_PRIVATE_URLS", "1")  # the test site is on this machine
    monkeypatch.setenv("no_proxy", "127.0.0.1")  # fetch honours proxies; the test site is reached directly
    open_tab(page, "Add articles")
    try:
        page.text_input(key="fetch_url").input(f"http://127.0.0.1:{server.server_port}/berita.html")
        next(b for b in page.button if b.label == "Fetch and add").click().run()
    finally:
        server.shutdown()
    assert not page.exception
    assert any("Added" in s.value for s in page.success), [e.value for e in page.error]
    saved = [p for p in (data / "articles").glob("*.md")]
    assert len(saved) == 1 and "url: http://127.0.0.1" in saved[0].read_text(encoding="utf-8")
    assert "2024-05-02" in set(table(page)["date"].astype(str))


def test_event_tables_in_data_tables_join_the_page_and_take_corrections(data):
    from conftest import make_event
    from timeline import to_csv, to_frame

    researched = to_frame([make_event("feedbeef0001", "1961-07-06", actors=("Soviet Union", "North Korea"),
                                      title="Perjanjian persahabatan 1961", source="riset.csv"),
                           make_event("feedbeef0002", "2000-02-09", actors=("Russia", "North Korea"),
                                      title="<b>Perjanjian</b> 2000", source="riset.csv")])
    (data / "tables").mkdir()
    (data / "tables" / "riset.csv").write_text(to_csv(researched), encoding="utf-8")
    (data / "tables" / "rusak.csv").write_text("nama,tanggal\nKim,kemarin\n", encoding="utf-8")
    at = run()
    assert not at.exception
    frame = table(at)
    assert frame["event_id"].iloc[0] == "feedbeef0001" and "feedbeef0002" in set(frame["event_id"])
    assert list(frame["date"]) == sorted(frame["date"])  # merged in date order
    assert "Soviet Union" in at.multiselect(key="actors").options
    assert any("rusak.csv" in w.value and "missing" in w.value for w in at.warning)  # named, no crash
    correct(at, "feedbeef0002", fix_title="Perjanjian 2000 (dibetulkan)")
    row = table(at).set_index("event_id").loc["feedbeef0002"]
    assert (row["title"], row["corrected"]) == ("Perjanjian 2000 (dibetulkan)", "yes")


def test_a_view_larger_than_the_detail_limit_shows_the_overview_and_says_so(data, monkeypatch):
    from timeline import chart, details

    monkeypatch.setattr(chart, "DETAIL_MAX", 5)
    monkeypatch.setattr(details, "ROWS_SHOWN", 4)
    at = run()
    assert not at.exception and len(table(at)) == 4
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert [t["type"] for t in spec["data"]] == ["heatmap"]
    notes = " ".join(c.value for c in at.caption)
    assert "more than 5, so the timeline shows how many each actor has per month" in notes
    assert "The table lists the first 4 of" in notes
    at.multiselect(key="actors").set_value(["Ukraine", "KCNA"])
    at.radio(key="mode").set_value("all").run()
    assert len(table(at)) <= 4
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert {t["meta"] for t in spec["data"]} >= {"events"}  # few events: single markers again


def chronology_text(at) -> str:
    return "\n".join(m.value for m in at.markdown if m.value.startswith("#"))


def test_chronology_lists_the_happenings_in_date_order_with_their_sources(page, data):
    open_tab(page, "Chronology")
    text = chronology_text(page)
    merged = extract_paths([data / "articles"], merge_sources=True).frame()
    at = [text.find(details.escape_markdown(t)) for t in merged["title"]]
    assert -1 not in at and at == sorted(at)  # every happening, in date order
    assert text.count("› ") >= len(merged) and "tribunnews" in text  # what each source said, and which source
    assert "## 2024" in text and "### June 2024" in text
    assert page.toggle(key="key_only").label == "Key events only"
    everything = text.count("- **")
    page.toggle(key="key_only").set_value(True).run()
    key = chronology_text(page).count("- **")
    assert 0 < key < everything == len(merged)


def test_chronology_downloads_read_back(page, data):
    open_tab(page, "Chronology")
    assert {"chrono_md", "chrono_docx"} <= {b.key for b in page.get("download_button")}
    # The files are made when their button is clicked; build them as the page does, from the same table.
    found = extract_paths([data / "articles"], merge_sources=True)
    ui = i18n.catalogue("en")
    parts = chronology.sections(found.frame(), found.mentions(), ui)
    text = chronology.markdown_bytes(parts, "T", ui).decode("utf-8")
    assert text.startswith("# T") and "## 2025" in text and text.count("- **") == len(found.frame())
    word = docx.Document(io.BytesIO(chronology.docx_bytes(parts, "T", ui)))  # python-docx opens it
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 1"][:3] == ["2000", "2022", "2023"]
    assert any(p.text.startswith("18 Jun 2024 — ") for p in word.paragraphs)


def test_lang_id_gives_indonesian_sidebar_and_tabs(data):
    at = run({"lang": "id"})
    assert not at.exception
    assert at.multiselect(key="actors").label == "Aktor"
    assert at.multiselect(key="types").label == "Jenis peristiwa"
    assert at.sidebar.header[0].value == "Filter"
    assert [t.label for t in at.tabs][:3] == ["Rincian peristiwa", "Kronologi", "Peta"]
    assert [m.label for m in at.metric] == ["Peristiwa", "Aktor", "Sumber", "Rentang waktu"]
    at.session_state["tab"] = "Kronologi"
    at.run()
    text = chronology_text(at)
    assert "### Juni 2024" in text and "sejak akhir 2023" in text
    assert at.toggle(key="key_only").label == "Hanya peristiwa penting"


def test_chart_image_buttons_sit_with_the_downloads(page):
    open_tab(page, "Table and downloads")
    names = {b.key: b.label for b in page.get("download_button")}
    if images.browser() is None:
        assert any("Chromium" in c.value for c in page.caption)
    else:
        assert names["chart_png"] == "Download chart (PNG)" and names["chart_svg"] == "Download chart (SVG)"


def test_switching_the_language_keeps_the_view(page):
    page.multiselect(key="actors").set_value(["Ukraine"]).run()
    open_tab(page, "Chronology")
    before = page.metric[0].value
    page.radio(key="lang").set_value("id").run()
    assert not page.exception and page.session_state["tab"] == "Kronologi"  # the same tab stays open
    assert page.multiselect(key="actors").label == "Aktor" and page.multiselect(key="actors").value == ["Ukraine"]
    assert page.metric[0].value == before and page.metric[0].label == "Peristiwa"
    page.radio(key="lang").set_value("en").run()
    assert page.multiselect(key="actors").label == "Actors" and not page.exception


def test_a_shared_link_opens_its_tab_in_the_other_language(data):
    at = run({"lang": "id", "tab": "Chronology"})
    assert not at.exception and at.session_state["tab"] == "Kronologi" and at.toggle(key="key_only")


def test_a_link_made_in_indonesian_filters_in_indonesian(data):
    at = run({"lang": "id", "types": ["pertemuan", "pernyataan"], "mode": "semua", "precision": "bulan"})
    assert not at.exception
    frame = table(at)
    assert set(frame["event_type"]) <= {"meeting", "statement"} and len(frame) > 0
    assert set(frame["precision"]) <= {"day", "week", "month_part", "month"}
    at.radio(key="lang").set_value("en").run()  # the switch renames the chosen words: the view stays
    assert at.multiselect(key="types").value == ["meeting", "statement"] and at.radio(key="mode").value == "all"
    assert at.select_slider(key="precision").value == "month" and list(table(at)["event_id"]) == list(frame["event_id"])


def test_dates_in_year_0_1_and_9999_do_not_crash_the_page(data):
    from conftest import make_event
    from timeline import to_csv, to_frame

    (data / "articles" / "akhir.md").write_text(
        "---\npublished: 9999-12-31\n---\nPutin bertemu Kim Jong Un di Moskow kemarin.\n\n"
        "Shoigu tiba di Pyongyang hari ini.\n", encoding="utf-8")
    (data / "tables").mkdir()
    early = to_frame([make_event("feedbeef0010", "2001-01-01", actors=("Russia",), source="riset.csv"),
                      make_event("feedbeef0011", "0001-01-01", "0001-12-31", precision="year", source="riset.csv")])
    (data / "tables" / "riset.csv").write_text(to_csv(early).replace("2001-01-01", "0000-01-01"), encoding="utf-8")
    at = run()
    assert not at.exception
    frame = table(at).set_index("event_id")
    assert {"9999-12-30", "9999-12-31"} <= set(frame["date"].astype(str))
    assert str(frame.loc["feedbeef0010", "date"]) == "0001-01-01"
    assert "year 0 is shown as 0001-01-01" in frame.loc["feedbeef0010", "date_label"]
    for tab in ("Activity by actor", "Correct an event"):
        open_tab(at, tab)
    correct(at, "feedbeef0011", fix_title="Tahun pertama")
    assert not at.exception


def test_past_the_listed_sources_the_busiest_are_offered_and_any_other_is_typed(data, monkeypatch):
    (data / "articles" / "2024-05-02-delegasi.txt").write_text(PASTED, encoding="utf-8")  # a second source
    monkeypatch.setattr(filters, "SOURCES_LISTED", 1)
    at = run()
    everything = table(at)
    counts = everything["source"].value_counts()
    assert len(counts) == 2 and counts.iloc[0] > counts.iloc[1]
    box = at.multiselect(key="sources")
    assert box.options == [counts.index[0]]  # the one source with the most events
    other = counts.index[-1]
    box.set_value([other]).run()
    assert not at.exception and set(table(at)["source"]) == {other}
    assert other in at.multiselect(key="sources").options  # a chosen source stays offered
    linked = run({"sources": other})  # a shared link naming a source past the list
    assert not linked.exception and set(table(linked)["source"]) == {other}
