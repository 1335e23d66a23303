"""The page at scale: 100,000 (or a million) synthetic events through loading, filters, figures and exports.

    python bench/dashboard.py                      # 100,000 events, server-side steps + Chromium paint
    python bench/dashboard.py --events 1000000     # a million
    python bench/dashboard.py --events 20000 --no-browser --pandas

Server-side steps are timed in this process (the same functions the page calls);
the browser figure is the time from navigation start to the first painted Plotly
chart in headless Chromium (the page's own clock), after a restart of the server (its
first start made the kept Parquet files), for a first visit (a new browser profile,
nothing cached) and for the same page reopened in that profile, with the table served
from data/tables/ of a temporary data folder; in the same run, a bare page with one
Plotly chart, for what Streamlit and Plotly cost without data. Targets (issue 14): first
paint after a restart under 3 s at 100,000 events and under 5 s at a million, the
dashboard process under 1 GB.
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
    print(f"  {label:<44} {1000 * (time.perf_counter() - start):9.1f} ms", flush=True)
    return out


def _peak() -> float:
    """Return this process's peak resident memory in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_table(df, path: Path) -> None:
    """Write the events as the page's CSV download writes them, a batch at a time."""
    from timeline import table

    with path.open("wb") as fh:
        for i in range(0, max(len(df), 1), 100_000):
            data = table.csv_bytes(df.iloc[i:i + 100_000])
            fh.write(data if i == 0 else data.split(b"\n", 1)[1])


def server_side(n: int, folder: Path, pandas_too: bool) -> None:
    """Time every step the page runs on the server: DuckDB over Parquet (now), and pandas (before) when asked."""

    from timeline import chart, filters, library, query, table
    from timeline.filters import Filters

    print(f"server side, {n:,} events:")
    df = timed("build synthetic table", synthetic, n)
    tables = folder / "tables"
    tables.mkdir(parents=True, exist_ok=True)
    path = tables / "bench-events.csv"
    timed("write CSV", write_table, df, path)
    print(f"  {'CSV size':<44} {path.stat().st_size / 1e6:9.1f} MB")
    steps = [
        ("actors any (2)", Filters(actors=("Russia", "North Korea"))),
        ("actors all (2)", Filters(actors=("Russia", "North Korea"), mode="all")),
        ("text search 'treaty'", Filters(query="treaty")),
        ("dates (10 years)", Filters(start=dt.date(2000, 1, 1), end=dt.date(2009, 12, 31))),
        ("event types (3)", Filters(types=("meeting", "agreement", "military"))),
        ("sources (50)", Filters(sources=tuple(f"article-{i}.txt" for i in range(50)))),
        ("coarsest precision = month", Filters(precision="month")),
        ("minimum confidence 0.8", Filters(min_confidence=0.8)),
        ("all of these at once", Filters(actors=("Russia", "North Korea"), query="treaty", start=dt.date(2000, 1, 1),
                                         end=dt.date(2009, 12, 31), precision="month", min_confidence=0.5)),
    ]
    del df
    print(" now: DuckDB over Parquet (timeline/query.py)")
    cache = folder / "bench-cache"
    cache.mkdir()
    stat = path.stat()
    parquet = timed("check the CSV into Parquet (once per change)", library.table_parquet, path, stat.st_size,
                    stat.st_mtime_ns, cache)
    target = cache / "view.parquet"
    timed("combine into the page's table (once)", query.build, target, table.empty(), [parquet], {}, cache / "s")
    print(f"  {'Parquet size (with search text, lists)':<44} {target.stat().st_size / 1e6:9.1f} MB")
    kept = timed("open it after a restart, count the rows", lambda: (t := query.Table.open(target, cache / "s"),
                                                                        len(t))[0])
    every = kept.view()
    for label, wanted in steps:
        found = timed(f"filter: {label}", lambda w=wanted: len(kept.view(w)))
        print(f"  {'':<44} {found:>9,} events")
    timed("pick lists: actors, types, sources, places", lambda: (every.names("actors"), every.values("event_type"),
                                                                  every.busiest("source", filters.SOURCES_LISTED),
                                                                  every.names("places")))
    timed("metrics: count, actors, sources, span", lambda: (len(kept.view()), every.names("actors"),
                                                            every.distinct("source"), every.bounds()))
    fig = timed("timeline figure, all events (overview)", query.timeline_figure, kept.view())
    print(f"  {'timeline figure JSON size':<44} {len(fig.to_json()) / 1e6:9.2f} MB")
    few = kept.view(Filters(actors=("Russia", "North Korea"), mode="all", precision="month", min_confidence=0.9))
    fig = timed(f"timeline figure, {len(few):,} events (detail)", query.timeline_figure, few)
    timed("table: first 500 rows", every.head, 500)
    data = timed("download: CSV of all events, on click", every.csv_bytes)
    print(f"  {'its size':<44} {len(data) / 1e6:9.1f} MB")
    del data
    print(f"  {'peak memory of this process':<44} {_peak():9.0f} MB  (holds the synthetic table too)")
    if not pandas_too:
        return
    print(" before: the whole table in pandas")
    df = timed("read CSV (library.read_table, checked)", library.read_table, path)
    for label, wanted in steps:
        timed(f"filter: {label}", wanted.apply, df)
    timed("actor names for the select", filters.actor_names, df)
    timed("timeline figure, all events (overview)", chart.timeline_figure, df)
    print(f"  {'peak memory of this process':<44} {_peak():9.0f} MB")


def articles_into(folder: Path, n: int) -> None:
    """Write `n` of bench/extract.py's articles into the data folder and index them, as a user would."""
    sys.path.insert(0, str(ROOT / "bench"))
    from extract import corpus

    for i, (text, _, _) in enumerate(corpus(n)):
        (folder / "articles" / f"article-{i:06d}.txt").write_text(text, "utf-8")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "timeline", "index", str(folder), "--jobs", "2"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"{n:,} articles: `index --jobs 2` {time.perf_counter() - start:.1f} s")


def page_runs(folder: Path) -> None:
    """Time whole runs of the page (streamlit's AppTest, in this process) as a user changes the filters."""
    from streamlit.testing.v1 import AppTest

    os.environ["TIMELINE_DATA_DIR"] = str(folder)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=900)

    def step(label: str, change=None) -> None:
        if change:
            change()
        start = time.perf_counter()
        at.run()
        if at.exception:
            raise SystemExit(f"the page failed: {at.exception[0].message}")
        shown = at.metric[0].value if at.metric else "?"
        print(f"  {label:<44} {1000 * (time.perf_counter() - start):9.1f} ms   ({shown} events)", flush=True)

    print("page reruns (AppTest, whole script):")
    step("first run (checks and combines the table)")
    step("rerun, nothing changed")
    step("actors: Russia, North Korea (any)", lambda: at.multiselect(key="actors").set_value(["Russia", "North Korea"]))
    step("match all of them", lambda: at.radio(key="mode").set_value("all"))
    step("search 'treaty'", lambda: at.text_input(key="q").input("treaty"))
    step("dates 2000-2001 (detail view)", lambda: at.date_input(key="dates").set_value((dt.date(2000, 1, 1), dt.date(2001, 12, 31))))
    step("event types: meeting", lambda: at.multiselect(key="types").set_value(["meeting"]))
    step("reset filters", lambda: at.button(key="reset").click())
    step("open the table tab", lambda: at.session_state.__setitem__("tab", "Table and downloads"))
    print(f"  {'peak memory of this process':<44} {_peak():9.0f} MB")


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


def _record_messages(context, tab) -> list:
    """Record, through the DevTools protocol, each websocket message the page receives: (seconds, bytes)."""
    cdp, frames = context.new_cdp_session(tab), []
    cdp.send("Network.enable")
    cdp.on("Network.requestWillBeSent", lambda e: frames.insert(0, ("start", e["timestamp"], b""))
           if e.get("type") == "Document" and not frames else None)
    cdp.on("Network.webSocketFrameReceived", lambda e: frames.append(("in", e["timestamp"], e["response"])))
    return frames


def _print_messages(frames: list, painted: float) -> None:
    """Print when Streamlit's messages came (ms from the page's request): the chart's frame, the chart, the end."""
    import base64

    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    if not frames or frames[0][0] != "start":
        return
    start, seen, before, charts, end = frames[0][1], 0, 0, [], None
    for _, at, response in frames[1:]:
        data = base64.b64decode(response["payloadData"]) if response["opcode"] == 2 else b""
        message = ForwardMsg()
        try:
            message.ParseFromString(data)
        except Exception:  # noqa: BLE001 (a message of another shape: counted as bytes only)
            continue
        element = message.delta.new_element.WhichOneof("type") if message.WhichOneof("type") == "delta" else None
        seen += element is not None
        before += len(data) if len(charts) < 2 else 0
        if element == "plotly_chart":
            charts.append((1000 * (at - start), seen, before))
        if message.WhichOneof("type") == "script_finished":
            end = 1000 * (at - start)
    parts = [f"{'frame' if i == 0 and len(charts) > 1 else 'chart'} at {ms:.0f} ms (element {n}, {size / 1000:.0f} kB so far)"
             for i, (ms, n, size) in enumerate(charts)]
    done = f"script done at {end:.0f} ms" if end is not None else "script still running at the paint"
    print(f"  {'':<4}messages: {'; '.join(parts)}; {done}; {seen} elements", flush=True)


def browser(folder: Path, title: str, views: list[tuple[str, str, str | None]],
            script: Path = ROOT / "dashboard.py", restart: bool = False) -> dict:
    """Serve `script` (the page) on `folder` and time the first painted chart of each view in headless Chromium.

    `restart`: serve it once for its first start (which makes the kept Parquet files), stop
    the server, then time the views on a new one: the first paint after a restart.
    Returns the first-visit paint of each view (ms) and the server's memory.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("browser: playwright is not installed; skipped")
        return
    if not Path("/usr/bin/chromium").exists():
        print("browser: /usr/bin/chromium is missing; skipped")
        return
    found: dict = {}
    env = dict(os.environ, TIMELINE_DATA_DIR=str(folder))

    def serve() -> tuple[subprocess.Popen, int]:
        port = _free_port()
        return subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
             "--server.port", str(port), "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ), port

    def answered(page, port: int) -> None:
        deadline = time.time() + 60
        while True:  # wait for the server to answer
            try:
                page.goto(f"http://127.0.0.1:{port}/", timeout=5000)
                return
            except Exception:
                if time.time() > deadline:
                    raise
                time.sleep(0.5)

    def first_load(chromium, port: int, label: str, timeout_ms: int) -> None:
        """Open the page once, wait for its chart and print how long that took."""
        page = chromium.new_page(viewport={"width": 1400, "height": 1000})
        answered(page, port)
        start = time.perf_counter()
        page.wait_for_selector(PAINTED, timeout=timeout_ms)
        page.close()
        print(f"  {label:<44} {1000 * (time.perf_counter() - start):9.1f} ms")

    server, port = serve()
    try:
        with sync_playwright() as p:
            chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"])
            print(f"browser (Chromium, headless): {title}")
            if restart:  # the first start makes the kept files; the views are timed on a new server
                first_load(chromium, port, "first start (checks and combines the table)", 900_000)
                rss, peak = _memory_mb(server.pid)
                found["first start peak MB"] = peak
                print(f"  {'dashboard memory at its first start (RSS / peak)':<44} {rss:6.0f} / {peak:.0f} MB")
                server.terminate()
                server.wait(timeout=20)
                server, port = serve()
                with socket.socket() as probe:  # the new server is up before the clock starts
                    deadline = time.time() + 60
                    while probe.connect_ex(("127.0.0.1", port)) and time.time() < deadline:
                        time.sleep(0.2)
                print("  -- server restarted --")
            else:
                first_load(chromium, port, "first load (reads and caches the data)", 300_000)
            out = ROOT / "artifacts"
            out.mkdir(exist_ok=True)
            for label, path, shot in views:
                # A new browser profile each: an empty cache, as on a first visit. Then the same
                # page again in that profile: a returning reader, the scripts in the browser cache.
                profile = chromium.new_context(viewport={"width": 1400, "height": 1000})
                for visit in ("first visit", "reopened"):
                    tab = profile.new_page()
                    tab.add_init_script(WATCH)
                    frames = _record_messages(profile, tab) if visit == "first visit" else None
                    tab.goto(f"http://127.0.0.1:{port}{path}")
                    tab.wait_for_function("() => window.__painted !== null", timeout=300_000, polling=50)
                    painted = tab.evaluate("() => window.__painted")
                    found.setdefault(f"{visit}: {label}", painted)
                    print(f"  {'first paint, ' + visit + ': ' + label:<58} {painted:9.1f} ms", flush=True)
                    if frames is not None:
                        _print_messages(frames, painted)
                    if shot and visit == "reopened":
                        tab.wait_for_timeout(2000)  # let the rest of the page arrive for the picture
                        tab.screenshot(path=str(out / shot), full_page=True)
                    tab.close()
                profile.close()
            rss, peak = _memory_mb(server.pid)
            found["peak MB"] = peak
            print(f"  {'dashboard process memory (RSS now / peak)':<44} {rss:6.0f} / {peak:.0f} MB")
            chromium.close()
    finally:
        server.terminate()
        server.wait(timeout=20)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-reruns", action="store_true", help="skip the AppTest reruns")
    parser.add_argument("--pandas", action="store_true", help="also time the pandas path (before): slow past 100,000")
    parser.add_argument("--articles", type=int, default=0,
                        help="instead of synthetic events: this many bench articles, indexed (the store filled)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    (folder / "articles").mkdir()
    try:
        if args.articles:
            articles_into(folder, args.articles)
        else:
            server_side(args.events, folder, args.pandas)
        if not args.no_reruns:
            page_runs(folder)
        if not args.no_browser:
            shutil.rmtree(folder / "eventstore" / "page", ignore_errors=True)  # the page's first start makes them
            size = f"{args.articles:,} articles" if args.articles else f"{args.events:,} events"
            page = browser(folder, f"{size}, after a restart", [
                ("overview of all events", "/", "bench-dashboard.png"),
                ("detail view (filters in the URL)", "/?actors=Russia&actors=North+Korea&mode=all&q=treaty&precision=day&min_conf=0.9",
                 "bench-dashboard-detail.png")], restart=True)
            small = Path(tempfile.mkdtemp(prefix="timeline-bench-small-"))
            try:  # in the same run: a page with nothing but one chart, what Streamlit and Plotly cost without data
                (small / "bare.py").write_text(BARE_PAGE, encoding="utf-8")
                bare = browser(small, "reference: a bare page with one Plotly chart (Streamlit's and Plotly's own cost)",
                               [("one chart", "/", None)], script=small / "bare.py")
            finally:
                shutil.rmtree(small, ignore_errors=True)
            first, floor = page.get("first visit: overview of all events"), bare.get("first visit: one chart")
            again, floor_again = page.get("reopened: overview of all events"), bare.get("reopened: one chart")
            if first and floor:
                print(f"first paint after a restart, {size}: {first / 1000:.2f} s first visit "
                      f"({first / floor:.2f}x the bare page's {floor / 1000:.2f} s), {again / 1000:.2f} s reopened "
                      f"({again / floor_again:.2f}x {floor_again / 1000:.2f} s); dashboard peak {page['peak MB']:.0f} MB "
                      f"after the restart, {page['first start peak MB']:.0f} MB at its first start")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
