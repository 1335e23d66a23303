"""The page in a real browser: `streamlit run` on a free port, driven by Playwright in Chromium."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ARTICLES, ROOT
from timeline.library import DATA_ENV

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts"  # git-ignored: screenshots to look at
HOSTILE = (
    "---\ntitle: Uji keamanan\npublished: 2024-05-02\n---\n"
    "Pada 1 Mei 2024, Rusia dan Korea Utara menandatangani dokumen <script>alert(1)</script> "
    "dan <img src=x onerror=alert(2)> di Moskwa.\n"
)
# Which plotted points are events (not bands or links), read in the page itself.
PLOTTED_IDS = """() => {
  const plot = document.querySelector('.js-plotly-plot');
  const ids = new Set();
  for (const t of plot.data) if (t.meta === 'events') for (const id of t.customdata) ids.add(id);
  return [...ids].sort();
}"""


def _need_browser() -> None:
    """Skip (or, where CI demands the browser, fail) when Chromium or Playwright is missing."""
    missing = None
    if not CHROMIUM.exists():
        missing = f"{CHROMIUM} is not installed (Debian package `chromium`)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            missing = "the playwright package is not installed (requirements-dev.txt)"
    if missing and os.environ.get("TIMELINE_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser test required but {missing}")
    if missing:
        pytest.skip(missing)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One `streamlit run dashboard.py` for the module, on a copy of data/ with a hostile article."""
    _need_browser()
    data = tmp_path_factory.mktemp("data")
    shutil.copytree(ARTICLES, data / "articles")
    (data / "articles" / "2024-05-02-uji-keamanan.md").write_text(HOSTILE, encoding="utf-8")
    port = _free_port()
    log = (data / "streamlit.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env={**os.environ, DATA_ENV: str(data)}, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):  # wait until the server answers (up to about a minute)
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited: {(data / 'streamlit.log').read_text()}")
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.25)
        else:
            pytest.fail(f"streamlit did not start: {(data / 'streamlit.log').read_text()}")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


@pytest.fixture(scope="module")
def browser(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh tab; every dialog (alert) it opens is recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    tab = context.new_page()
    tab.dialogs = []
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    tab.set_default_timeout(60_000)
    yield tab
    context.close()


def open_page(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot")
    page.wait_for_function("() => document.querySelector('.js-plotly-plot').data !== undefined")


def shown_count(page) -> int:
    return int(page.locator('[data-testid="stMetricValue"]').first.inner_text())


def test_plotted_points_match_the_table(page, server):
    open_page(page, server)
    plotted = page.evaluate(PLOTTED_IDS)
    assert len(plotted) == shown_count(page) > 5
    assert f"{len(plotted)} of {len(plotted)} events shown" in page.inner_text("body")


def test_actor_filter_changes_the_chart_and_the_url(page, server):
    open_page(page, server)
    before = page.evaluate(PLOTTED_IDS)
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first
    box.locator("input").fill("Ukraine")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => ({PLOTTED_IDS})().length !== {len(before)}")
    after = page.evaluate(PLOTTED_IDS)
    assert 0 < len(after) < len(before) and set(after) <= set(before)
    page.wait_for_function(f"() => Number(document.querySelector('[data-testid=\"stMetricValue\"]').innerText) === {len(after)}")
    assert shown_count(page) == len(after)
    assert "actors=Ukraine" in page.url  # the view can be bookmarked
    lanes = page.evaluate("() => document.querySelector('.js-plotly-plot').layout.yaxis.categoryarray")
    assert "Ukraine" in lanes
    page.keyboard.press("Escape")  # close the actor list before the picture
    page.locator('[role="listbox"]').wait_for(state="detached")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-ukraine.png"))


def test_clicking_a_point_shows_its_details(page, server):
    # From another tab: the click opens the details of that event.
    open_page(page, server + "/?actors=Ukraine&actors=KCNA&mode=all&tab=Table+and+downloads")
    page.locator('[data-testid="stDataFrame"]').wait_for()
    trace = page.evaluate("() => document.querySelector('.js-plotly-plot').data.findIndex(t => t.meta === 'events')")
    wanted = page.evaluate(f"() => document.querySelector('.js-plotly-plot').data[{trace}].customdata[0]")
    point = page.locator(".js-plotly-plot .scatterlayer .trace").nth(trace).locator("path.point").first
    point.click(force=True)
    page.wait_for_function(
        f"() => [...document.querySelectorAll('[data-testid=\"stMarkdownContainer\"]')]"
        f".some(e => e.innerText.includes('Event id: {wanted}'))"
    )


def test_article_text_shows_literally_and_never_runs(page, server):
    open_page(page, server + "/?q=alert")
    page.wait_for_function("() => document.body.innerText.includes('onerror=alert(2)>')")
    text = page.inner_text("body")
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(2)>" in text
    assert page.locator('img[src="x"]').count() == 0
    assert page.locator("script", has_text="alert(1)").count() == 0
    assert shown_count(page) == 1 and len(page.evaluate(PLOTTED_IDS)) == 1
    box = page.locator(".js-plotly-plot .scatterlayer path.point").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # Plotly hovers on mouse moves
    hover = page.locator(".js-plotly-plot .hoverlayer .hovertext")
    hover.first.wait_for()
    assert "<script>alert" in hover.first.text_content()  # escaped, so shown as text
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-escaped.png"))
    open_page(page, server)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"))
    assert page.dialogs == []


def test_the_map_works_offline_and_a_click_on_a_place_filters_the_timeline(browser, server):
    """Every request not to this server is refused: land, borders and markers still draw."""
    context = browser.new_context(viewport={"width": 1400, "height": 2400})
    outside: list[str] = []

    def only_local(route):
        host = route.request.url.split("/")[2] if "://" in route.request.url else ""
        if host.split(":")[0] in ("127.0.0.1", "localhost"):
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    context.route("**/*", only_local)
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        open_page(page, server + "/?tab=Map")
        before = shown_count(page)
        page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length === 2")
        geo = page.locator(".js-plotly-plot").nth(1)
        geo.locator(".geo .land").first.wait_for()  # the topojson the page serves itself
        markers = geo.locator(".scattergeo path.point")
        markers.first.wait_for()
        assert markers.count() >= 4
        ARTIFACTS.mkdir(exist_ok=True)
        geo.scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / "dashboard-map.png"), full_page=True)
        # Click Pyongyang's marker: the timeline, the table count and the URL follow.
        wanted = page.evaluate("""() => {
          const plot = document.querySelectorAll('.js-plotly-plot')[1];
          return plot.data.findIndex(t => t.customdata.includes('Pyongyang'));
        }""")
        index = page.evaluate(f"() => document.querySelectorAll('.js-plotly-plot')[1].data[{wanted}].customdata.indexOf('Pyongyang')")
        geo.locator(".trace.scattergeo").nth(wanted).locator("path.point").nth(index).click(force=True)
        page.wait_for_function(f"() => Number(document.querySelector('[data-testid=\"stMetricValue\"]').innerText) < {before}")
        assert "places=Pyongyang" in page.url
        page.wait_for_function(f"() => ({PLOTTED_IDS})().length < {before}")  # the timeline redraws after the count
        after = page.evaluate(PLOTTED_IDS)
        assert 0 < len(after) == shown_count(page) < before
        page.wait_for_timeout(500)
        page.screenshot(path=str(ARTIFACTS / "dashboard-map-pyongyang.png"), full_page=True)
        assert not [u for u in outside if "topojson" in u or "cdn" in u], outside
    finally:
        context.close()
