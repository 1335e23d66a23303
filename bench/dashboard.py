"""The page at scale: 100,000 synthetic events through loading, filters, figures and exports.

    python bench/dashboard.py              # 100,000 events, server-side steps + Chromium paint
    python bench/dashboard.py --events 20000 --no-browser

Server-side steps are timed in this process (the same functions the page calls);
the browser figure is the time from navigation start to the first painted Plotly
chart in headless Chromium (the page's own clock), for a first visit (a new browser
profile, nothing cached) and for the same page reopened in that profile, with the table served from
data/tables/ of a temporary data folder, and the same for the shipped articles alone
as a reference for what Streamlit and Plotly cost without data. Targets (issue 6): each interaction < 1 s, first paint < 3 s,
dashboard process < 600 MB.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ACTORS = ["Russia", "North Korea", "South Korea", "Ukraine", "China", "United States", "Japan",
          "United Nations", "European Union", "NATO", "KCNA", "Soviet Union"]
PEOPLE = ["Kim Jong Un", "Vladimir Putin", "Xi Jinping", "Volodymyr Zelensky", "Sergei Lavrov", ""]
TYPES = ["meeting", "agreement", "statement", "deployment", "arms transfer", "military",
         "casualties", "sanctions", "economic", "diplomacy", "other"]
PRECISION = ["day"] * 6 + ["month", "year", "week", "year_part", "decade"]
WORDS = ("pasukan rudal perjanjian pertemuan sanksi laporan intelijen perbatasan kerja sama "
         "troops missile treaty summit sanctions report border cooperation shipment artillery").split()


def synthetic(n: int, seed: int = 11):
    """Return a table of `n` plausible events in the schema, built column-wise (a million in seconds)."""
    import numpy as np
    import pandas as pd

    from timeline import table

    rng = np.random.default_rng(seed)
    # A pool of distinct sentences, drawn per event: text search scans as much text as before.
    pool_rng = random.Random(seed)
    pool = [" ".join(pool_rng.choice(WORDS) for _ in range(pool_rng.randint(12, 30))) for _ in range(min(n, 20_000) or 1)]
    words = np.array(pool, dtype=object)[rng.integers(0, len(pool), n)]
    start = np.datetime64("1990-01-01") + rng.integers(0, 13000, n).astype("timedelta64[D]")
    precision = np.array(PRECISION, dtype=object)[rng.integers(0, len(PRECISION), n)]
    length = pd.Series(precision).map({"day": 0, "week": 6, "month": 29, "year": 364, "year_part": 120,
                                       "decade": 3650}).to_numpy().astype("timedelta64[D]")
    end = start + length
    counts = rng.integers(1, 4, n)
    order = np.argsort(rng.random((n, len(ACTORS))), axis=1)  # a random sample of 1-3 actors per event
    names = np.array(ACTORS, dtype=object)[order[:, :3]]
    actors = np.where(counts == 1, names[:, 0], np.where(counts == 2, names[:, 0] + ";" + names[:, 1],
                                                         names[:, 0] + ";" + names[:, 1] + ";" + names[:, 2]))
    ids = np.arange(n)
    day = pd.Series(start.astype(str))
    title = pd.Series(words).str.slice(0, 80)
    df = pd.DataFrame({
        "event_id": pd.Series(ids).map("{:012x}".format), "date": day, "date_end": pd.Series(end.astype(str)),
        "precision": precision, "date_label": day, "title": title,
        "sentence": pd.Series(words).str.capitalize() + ".", "evidence": "", "actors": actors,
        "people": np.array(PEOPLE, dtype=object)[rng.integers(0, len(PEOPLE), n)],
        "event_type": np.array(TYPES, dtype=object)[rng.integers(0, len(TYPES), n)], "time_text": day,
        "source": pd.Series(ids % 4000).map("article-{}.txt".format),
        "source_url": pd.Series(ids % 4000).map("https://example.org/{}".format),
        "published": pd.Series(end.astype(str)), "language": np.array(["id", "en"], dtype=object)[rng.integers(0, 2, n)],
        "confidence": np.round(rng.uniform(0.4, 1.0, n), 2), "source_count": 1, "corrected": "", "sources": "",
        "date_note": "", "importance": 0.0, "places": "",
    })
    return df.loc[:, list(table.SCHEMA)].astype(table.DTYPES)


def timed(label: str, fn, *args, **kwargs):
    """Run `fn`, print its wall time, return its result."""
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    print(f"  {label:<38} {1000 * (time.perf_counter() - start):9.1f} ms", flush=True)
    return out


def server_side(n: int, folder: Path) -> None:
    """Time every step the page runs on the server for one interaction."""
    from timeline import chart, exports, filters, library, table

    print(f"server side, {n:,} events:")
    df = timed("build synthetic table", synthetic, n)
    tables = folder / "tables"
    tables.mkdir(parents=True, exist_ok=True)
    csv_text = timed("write CSV (table.to_csv)", table.to_csv, df)
    (tables / "bench-events.csv").write_text(csv_text, encoding="utf-8")
    print(f"  {'CSV size':<38} {len(csv_text.encode()) / 1e6:9.1f} MB")
    df = timed("load CSV (library.read_table, checked)", library.read_table, tables / "bench-events.csv")
    timed("filter: actors any (2)", filters.by_actors, df, ["Russia", "North Korea"], "any")
    timed("filter: actors all (2)", filters.by_actors, df, ["Russia", "North Korea"], "all")
    timed("filter: dates (10 years)", filters.by_dates, df, dt.date(2000, 1, 1), dt.date(2009, 12, 31))
    timed("filter: event types (3)", filters.by_column, df, "event_type", ["meeting", "agreement", "military"])
    timed("filter: sources (50)", filters.by_column, df, "source", [f"article-{i}.txt" for i in range(50)])
    timed("filter: coarsest precision = month", filters.by_precision, df, "month")
    timed("filter: text search", filters.by_text, df, "treaty")
    timed("filter: minimum confidence 0.8", filters.by_confidence, df, 0.8)
    timed("actor names for the select", filters.actor_names, df)
    fig = timed("timeline figure (all events: overview)", chart.timeline_figure, df)
    spec = timed("timeline figure to JSON", fig.to_json)
    print(f"  {'timeline figure JSON size':<38} {len(spec) / 1e6:9.2f} MB")
    few = df.sample(chart.DETAIL_MAX, random_state=1).sort_index()
    fig = timed(f"timeline figure ({chart.DETAIL_MAX:,}: detail)", chart.timeline_figure, few)
    spec = timed("timeline figure to JSON", fig.to_json)
    print(f"  {'timeline figure JSON size':<38} {len(spec) / 1e6:9.2f} MB")
    timed("activity figure", chart.activity_figure, df)
    timed("export CSV (BOM), on click", exports.csv_bytes, df)
    timed("export JSON, on click", exports.json_bytes, df)
    timed("export TimelineJS, on click", exports.timelinejs_bytes, df)
    print(f"  {'peak memory of this process':<38} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:9.0f} MB")


def page_runs(folder: Path) -> None:
    """Time whole runs of the page (streamlit's AppTest, in this process) as a user changes the filters."""
    from streamlit.testing.v1 import AppTest

    os.environ["TIMELINE_DATA_DIR"] = str(folder)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)

    def step(label: str, change=None) -> None:
        if change:
            change()
        start = time.perf_counter()
        at.run()
        if at.exception:
            raise SystemExit(f"the page failed: {at.exception[0].message}")
        shown = at.metric[0].value if at.metric else "?"
        print(f"  {label:<38} {1000 * (time.perf_counter() - start):9.1f} ms   ({shown} events)", flush=True)

    print("page reruns (AppTest, whole script):")
    step("first run (reads the table)")
    step("rerun, nothing changed")
    step("actors: Russia, North Korea (any)", lambda: at.multiselect(key="actors").set_value(["Russia", "North Korea"]))
    step("match all of them", lambda: at.radio(key="mode").set_value("all"))
    step("search 'treaty'", lambda: at.text_input(key="q").input("treaty"))
    step("dates 2000-2001 (detail view)", lambda: at.date_input(key="dates").set_value((dt.date(2000, 1, 1), dt.date(2001, 12, 31))))
    step("event types: meeting", lambda: at.multiselect(key="types").set_value(["meeting"]))
    step("reset filters", lambda: at.button(key="reset").click())
    print(f"  {'peak memory of this process':<38} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:9.0f} MB")


# A chart is painted when Plotly has drawn its first trace: the overview's heatmap image,
# SVG markers, or the canvas of WebGL markers.
PAINTED = ", ".join(f".js-plotly-plot {part}" for part in (".heatmaplayer image", ".scatterlayer .point", ".gl-container canvas"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _memory_mb(pid: int) -> tuple[float, float]:
    """Resident memory of a process and its children now and at its peak (VmRSS, VmHWM), from /proc."""
    now = peak = 0
    for p in [pid, *_children(pid)]:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    now += int(line.split()[1])
                if line.startswith("VmHWM:"):
                    peak += int(line.split()[1])
        except OSError:
            pass
    return now / 1024, peak / 1024


def _children(pid: int) -> list[int]:
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(k) for k in kids]


# Records, in the page's own clock (ms since navigation start), when Plotly first painted.
WATCH = """
window.__painted = null;
new MutationObserver((_, watcher) => {
  if (document.querySelector(%r)) { window.__painted = performance.now(); watcher.disconnect(); }
}).observe(document, {subtree: true, childList: true});
""" % PAINTED


# The floor: a page holding nothing but one small Plotly chart, served the same way.
BARE_PAGE = """import plotly.graph_objects as go
import streamlit as st
st.set_page_config(layout="wide")
st.plotly_chart(go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2], mode="markers")))
"""


def browser(folder: Path, title: str, views: list[tuple[str, str, str | None]],
            script: Path = ROOT / "dashboard.py") -> None:
    """Serve `script` (the page) on `folder` and time the first painted chart of each view in headless Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("browser: playwright is not installed; skipped")
        return
    if not Path("/usr/bin/chromium").exists():
        print("browser: /usr/bin/chromium is missing; skipped")
        return
    port = _free_port()
    env = dict(os.environ, TIMELINE_DATA_DIR=str(folder))
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
            page = chromium.new_page(viewport={"width": 1400, "height": 1000})
            deadline = time.time() + 60
            while True:  # wait for the server to answer
                try:
                    page.goto(f"http://127.0.0.1:{port}/", timeout=5000)
                    break
                except Exception:
                    if time.time() > deadline:
                        raise
                    time.sleep(0.5)
            start = time.perf_counter()
            page.wait_for_selector(PAINTED, timeout=300_000)
            page.close()
            print(f"browser (Chromium, headless): {title}")
            print(f"  {'first load (reads and caches the data)':<44} {1000 * (time.perf_counter() - start):9.1f} ms")
            out = ROOT / "artifacts"
            out.mkdir(exist_ok=True)
            for label, path, shot in views:
                # A new browser profile each: an empty cache, as on a first visit. Then the same
                # page again in that profile: a returning reader, the scripts in the browser cache.
                profile = chromium.new_context(viewport={"width": 1400, "height": 1000})
                for visit in ("first visit", "reopened"):
                    tab = profile.new_page()
                    tab.add_init_script(WATCH)
                    tab.goto(f"http://127.0.0.1:{port}{path}")
                    tab.wait_for_function("() => window.__painted !== null", timeout=300_000, polling=50)
                    painted = tab.evaluate("() => window.__painted")
                    print(f"  {'first paint, ' + visit + ': ' + label:<58} {painted:9.1f} ms", flush=True)
                    if shot and visit == "reopened":
                        tab.wait_for_timeout(2000)  # let the rest of the page arrive for the picture
                        tab.screenshot(path=str(out / shot), full_page=True)
                    tab.close()
                profile.close()
            rss, peak = _memory_mb(server.pid)
            print(f"  {'dashboard process memory (RSS now / peak)':<44} {rss:6.0f} / {peak:.0f} MB")
            chromium.close()
    finally:
        server.terminate()
        server.wait(timeout=20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    (folder / "articles").mkdir()
    try:
        server_side(args.events, folder)
        page_runs(folder)
        if not args.no_browser:
            browser(folder, f"{args.events:,} events", [
                ("overview of all events", "/", "bench-dashboard.png"),
                ("detail view (filters in the URL)", "/?actors=Russia&actors=North+Korea&mode=all&q=treaty",
                 "bench-dashboard-detail.png")])
            small = Path(tempfile.mkdtemp(prefix="timeline-bench-small-"))
            try:  # the same page on the shipped articles: what Streamlit and Plotly cost without data
                shutil.copytree(ROOT / "data" / "articles", small / "articles")
                browser(small, "reference: the shipped articles only",
                        [("all events", "/", None)])
                (small / "bare.py").write_text(BARE_PAGE, encoding="utf-8")
                browser(small, "reference: a bare page with one Plotly chart (Streamlit's and Plotly's own cost)",
                        [("one chart", "/", None)], script=small / "bare.py")
            finally:
                shutil.rmtree(small, ignore_errors=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
