"""Time the event store (index cold and warm, the page's load with and without it) and the Dask engine.

    .venv/bin/python bench/store.py --articles 1000
    .venv/bin/python bench/store.py --articles 1000 --dask 1 2

Articles are the recombined paragraphs of bench/extract.py, written to a temporary data
folder. Each `index` and `extract` is a whole process, as a user runs it.
"""
from __future__ import annotations

import argparse
import filecmp
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _write(folder: Path, n: int) -> None:
    from extract import corpus

    folder.mkdir(parents=True)
    for i, (text, _, _) in enumerate(corpus(n)):
        (folder / f"article-{i:06d}.txt").write_text(text, "utf-8")


def _run(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "timeline", *args], cwd=ROOT, check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def _page_load(data: Path) -> float:
    """Time library.load in a fresh process, as the page calls it after a restart (no Streamlit)."""
    code = ("import time, sys; from pathlib import Path; t = time.perf_counter(); "
            "from timeline import library, ingest, pipeline; d = Path(sys.argv[1]); "
            "r = library.load(d, library.contents(d), lambda p, s, m: ingest.read(Path(p)), "
            "pipeline.extract_article, lambda *a: 'x'); print(time.perf_counter() - t, len(r[0]))")
    out = subprocess.run([sys.executable, "-c", code, str(data)], cwd=ROOT, capture_output=True, text=True, check=True)
    seconds, rows = out.stdout.split()
    print(f"  page load: {float(seconds):.2f} s, {rows} rows")
    return float(seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--dask", type=int, nargs="*", default=[], metavar="WORKERS")
    parser.add_argument("--no-store", action="store_true", help="skip the store timings")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        _write(data / "articles", args.articles)
        print(f"{args.articles} articles")
        if not args.no_store:
            print("page load, no store (extracts every article, fills the store):")
            _page_load(data)
            print("page load after a restart, store filled:")
            _page_load(data)
            (data / "eventstore").rename(Path(tmp) / "old")
            print(f"index, cold: {_run(['index', str(data), '--quiet']):.2f} s")
            print(f"index, again (nothing to do): {_run(['index', str(data), '--quiet']):.2f} s")
            first = sorted((data / "articles").iterdir())[0]
            first.write_text(first.read_text("utf-8") + "\nOn 3 March 2024 Kim met Putin.\n", "utf-8")
            print(f"index, one article changed: {_run(['index', str(data), '--quiet']):.2f} s")
        if args.dask:
            local = Path(tmp) / "local.csv"
            print(f"extract, local engine, 1 process: {_run(['extract', str(data / 'articles'), '-o', str(local)]):.2f} s")
            for n in args.dask:
                out = Path(tmp) / f"dask-{n}.csv"
                took = _run(["extract", str(data / "articles"), "-o", str(out), "--engine", "dask", "--workers", str(n)])
                same = filecmp.cmp(local, out, shallow=False)
                print(f"extract, dask engine, {n} worker(s): {took:.2f} s, same CSV as local: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
