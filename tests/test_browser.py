"""The page in a real browser: `streamlit run` on a free port, driven by Playwright in Chromium."""
from __future__ import annotations

import contextlib
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


@contextlib.contextmanager
def _serve(data: Path):
    """Run `streamlit run dashboard.py` on the data folder `data`; yield its address."""
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
def server(tmp_path_factory):
    """One `streamlit run dashboard.py` for the module, on a copy of data/ with a hostile article."""
    _need_browser()
    data = tmp_path_factory.mktemp("data")
    shutil.copytree(ARTICLES, data / "articles")
    (data / "articles" / "2024-05-02-uji-keamanan.md").write_text(HOSTILE, encoding="utf-8")
    with _serve(data) as url:
        yield url


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
    # The page first shows the chart's empty frame (timeline.skeleton); the timeline replaces it.
    page.wait_for_function("""() => {
      const plot = document.querySelector('.js-plotly-plot');
      return plot && plot.data !== undefined && plot.data.length > 0 && plot.data[0].meta !== 'skeleton';
    }""")
    page.locator('[data-testid="stMetricValue"]').first.wait_for()  # sent after the chart (and the sidebar)
    # A first visit after a clean checkout builds the event store while the page shows what is
    # ready, then runs again: wait until the script has stopped ("Stop" is shown while it runs)
    # and the timeline and the count tell the same run.
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')")
    page.wait_for_function(f"() => ({PLOTTED_IDS})().length === "
                           "Number(document.querySelector('[data-testid=\"stMetricValue\"]').innerText)")


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


def _overlaps(boxes: list[dict]) -> list[tuple[int, int]]:
    return [(i, j) for i, a in enumerate(boxes) for j, b in enumerate(boxes[:i])
            if not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                    or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])]


def _layout_checks(page) -> dict:
    """Return the chart's label boxes, its opening x range, and the legend and range-button boxes."""
    page.wait_for_timeout(500)  # the annotations draw after the traces
    plot = page.locator(".js-plotly-plot").first
    return {"labels": [a.bounding_box() for a in plot.locator(".annotation").all()],
            "range": page.evaluate("() => document.querySelector('.js-plotly-plot')._fullLayout.xaxis.range"),
            "legend": plot.locator(".legend").first.bounding_box(),
            "buttons": plot.locator(".rangeselector").first.bounding_box()}


def test_the_seed_view_has_labels_that_never_overlap_and_opens_on_recent_years(page, server):
    open_page(page, server)
    got = _layout_checks(page)
    assert len(got["labels"]) >= 4 and _overlaps(got["labels"]) == []
    assert got["range"][0] >= "2021"  # the "early 2000s" band does not stretch the opening view
    assert _overlaps([got["legend"], got["buttons"]]) == []
    assert page.locator(".js-plotly-plot .annotation", has_text="Kim Jong Un dan Vladimir Putin").count() == 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-labels.png"))


def test_lang_id_shows_the_page_in_indonesian(page, server):
    open_page(page, server + "/?lang=id")
    page.wait_for_function("() => document.querySelector('[data-testid=\"stSidebar\"]').innerText.includes('Tempat')")
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "Aktor" in sidebar and "Jenis peristiwa" in sidebar and "Actors" not in sidebar
    assert page.get_by_role("tab", name="Kronologi").count() == 1
    assert "semua" in page.locator(".js-plotly-plot .rangeselector").first.text_content()
    assert "pertemuan" in page.locator(".js-plotly-plot .legend").first.text_content()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard-id.png"))
    page.get_by_role("tab", name="Kronologi").click()
    page.wait_for_function("() => document.body.innerText.includes('Juni 2024')")
    page.get_by_text("Juni 2024").first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "dashboard-id-kronologi.png"), full_page=True)


def _synthetic_table(path: Path, articles: int = 400, per_article: int = 5) -> None:
    """Write an event table of `articles` x `per_article` events, 28 actors, 2022-2025, one century band each 400."""
    import datetime as dt
    import random

    from timeline import table
    from timeline.model import Event

    rng = random.Random(5)
    actors = [f"Actor {c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXY"] + ["Russia", "North Korea", "Ukraine"]
    weights = [3 if a in ("Russia", "North Korea", "Ukraine") else 1 for a in actors]
    types = ["meeting", "agreement", "statement", "deployment", "arms transfer", "military", "casualties",
             "sanctions", "economic", "diplomacy", "other"]
    events = []
    for i in range(articles * per_article):
        if i % 400 == 0:
            start, end, precision, label = dt.date(2001, 1, 1), dt.date(2100, 12, 31), "century", "this century"
        else:
            start = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(1350))
            precision = rng.choice(["day"] * 5 + ["month", "week"])
            end, label = start + dt.timedelta(days={"day": 0, "week": 6, "month": 27}[precision]), start.isoformat()
        events.append(Event(
            event_id=f"{i:012x}", date=start, date_end=end, precision=precision, date_label=label,
            title=f"Event {i}", sentence="Synthetic.", actors=tuple(dict.fromkeys(rng.choices(actors, weights, k=rng.randint(1, 3)))),
            people=(), event_type=rng.choice(types), time_text=label, source=f"article-{i // per_article}.txt",
            source_url=f"https://example.org/{i // per_article}", published=end, language="en", confidence=0.8))
    path.write_text(table.to_csv(table.to_frame(events)), encoding="utf-8")


def test_400_articles_keep_lanes_readable_and_the_legend_off_the_buttons(browser, tmp_path):
    _need_browser()
    (tmp_path / "tables").mkdir()
    _synthetic_table(tmp_path / "tables" / "synthetic.csv")
    with _serve(tmp_path) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1300})
        page.set_default_timeout(90_000)
        try:
            open_page(page, url)
            got = _layout_checks(page)
            lanes = page.evaluate("() => document.querySelector('.js-plotly-plot').layout.yaxis.categoryarray")
            assert len(lanes) == 12 and lanes[0].startswith("other actors")  # the busiest 11, then the rest together
            assert _overlaps([got["legend"], got["buttons"]]) == []  # eleven event types
            assert got["range"][0] >= "2021" and got["range"][1] <= "2026"  # the century band does not stretch it
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "dashboard-400-articles.png"))
        finally:
            page.close()
