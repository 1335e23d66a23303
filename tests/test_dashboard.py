"""The page, driven by Streamlit's AppTest."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from conftest import ROOT
from timeline import SCHEMA, from_csv

PAGE = str(ROOT / "dashboard.py")


@pytest.fixture
def page():
    return AppTest.from_file(PAGE, default_timeout=120).run()


def test_page_runs_and_shows_events(page):
    assert not page.exception
    table = page.dataframe[0].value
    assert len(table) > 5
    assert list(table.columns) == list(SCHEMA)
    assert page.multiselect(key="actors").label == "Actors"


def test_actor_filter_keeps_only_rows_naming_the_actor(page):
    page.multiselect(key="actors").set_value(["Ukraine"]).run()
    table = page.dataframe[0].value
    assert len(table) > 0
    assert all("Ukraine" in cell.split(";") for cell in table["actors"])


def test_download_holds_exactly_the_rows_shown(download_store):
    at = AppTest.from_file(PAGE, default_timeout=120).run()
    at.multiselect(key="actors").set_value(["South Korea"]).run()
    shown = at.dataframe[0].value
    url = at.get("download_button")[0].proto.url
    downloaded = from_csv(download_store[url].decode("utf-8"))
    assert list(downloaded.columns) == list(SCHEMA)
    assert list(downloaded["event_id"]) == list(shown["event_id"])
