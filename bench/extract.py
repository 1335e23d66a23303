"""Extraction throughput: the project's extractor against the tuned dateparser baseline.

    python bench/extract.py                     # 100 / 1,000 / 10,000 articles
    python bench/extract.py --sizes 100 1000 --baseline-sizes 100
    python bench/extract.py --end-to-end 1000   # whole processes, articles as files

Each figure is measured in a fresh worker process (so peak memory is that run's own)
on a corpus of distinct articles recombined from the shipped and golden articles'
paragraphs: every article differs, so no cache can help. Both systems get the same
parsed articles; the project does strictly more (sentences, dates, actors, types,
titles, merging) than the baseline (search_dates on each sentence).

`--end-to-end N` writes N of those articles to files and times whole processes, start-up
and writing included: `python -m timeline extract FOLDER -o events.csv` against a process
that reads the same files, runs the baseline on each sentence and writes what it found
as CSV. It also times the fixed start-up of `extract` (one short article, less a bare
`python -c pass`).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
import statistics
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCES = [ROOT / "data" / "articles", ROOT / "tests" / "golden"]
MONTHS_ID = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()


def _paragraphs() -> dict[str, list[str]]:
    """Return the paragraphs of every shipped and golden article, by language."""
    from timeline import ingest

    by_lang: dict[str, list[str]] = {"id": [], "en": []}
    for folder in SOURCES:
        for path in sorted(folder.glob("*.*")):
            if path.suffix not in (".txt", ".md"):
                continue
            article = ingest.read(path)
            blocks = [b.strip() for b in article.text.split("\n\n") if len(b.strip()) > 40]
            by_lang.setdefault(article.language, []).extend(blocks[1:])  # drop the dateline
    return by_lang


def corpus(n: int, seed: int = 7) -> list[tuple[str, date, str]]:
    """Return `n` distinct (text, published, language) articles."""
    paras = _paragraphs()
    rng = random.Random(seed)
    out = []
    for i in range(n):
        lang = "id" if i % 3 else "en"
        pool = paras[lang] or paras["id"]
        body = rng.sample(pool, k=min(len(pool), rng.randint(8, 20)))
        published = date(2015, 1, 1) + timedelta(days=rng.randrange(4000))
        if lang == "id":
            head = f"{published.day} {MONTHS_ID[published.month - 1]} {published.year}"
        else:
            head = published.strftime("%B %-d, %Y")
        out.append((f"{head}\n\n" + "\n\n".join(body) + f"\n\n(No. {i})\n", published, lang))
    return out


def _count_events(articles) -> int:
    from timeline import events

    return sum(len(events.extract(a)) for a in articles)


def _run_worker(system: str, n: int) -> dict:
    """Time one system over an n-article corpus in this process."""
    from timeline import events, ingest, segment
    from timeline.dates import baseline

    articles = [ingest.parse(t, f"bench-{i}.txt", published=p, lang=lang) for i, (t, p, lang) in enumerate(corpus(n))]
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    found = 0
    start = time.perf_counter()
    if system == "project":
        for a in articles:
            found += len(events.extract(a))
    elif system == "project-jobs":
        # What `extract --jobs 0` does: one process per core, chunks of articles each.
        from concurrent.futures import ProcessPoolExecutor

        step = max(1, len(articles) // (os.cpu_count() * 4))
        chunks = [articles[i : i + step] for i in range(0, len(articles), step)]
        with ProcessPoolExecutor(max_workers=os.cpu_count()) as pool:
            found = sum(pool.map(_count_events, chunks))
    else:
        for a in articles:
            for s in segment.sentences(a.text, a.language):
                found += len(baseline.search(s.text, a.published, a.language))
    elapsed = time.perf_counter() - start
    return {
        "system": system,
        "articles": n,
        "seconds": elapsed,
        "articles_per_s": n / elapsed,
        "mb_per_s": size / 1e6 / elapsed,
        "found": found,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def write_corpus(n: int, folder: Path) -> list[Path]:
    """Write `n` bench articles to `folder` as files (the dateline gives the date, the text the language)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, (text, _, _) in enumerate(corpus(n)):
        path = folder / f"bench-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _baseline_files(folder: Path, out: Path) -> None:
    """The baseline as a whole program: read each article file, search every sentence, write CSV."""
    import csv

    from timeline import ingest, segment
    from timeline.dates import baseline

    with open(out, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["source", "date", "date_end", "time_text", "sentence"])
        for path in sorted(folder.glob("*.txt")):
            a = ingest.read(path)
            for s in segment.sentences(a.text, a.language):
                for e in baseline.search(s.text, a.published, a.language):
                    writer.writerow([path.name, e.date, e.date_end, e.text, s.text])


def _wall(command: list[str], cwd: Path) -> float:
    """Return the seconds a whole process takes, start to exit.

    Both systems run as on a user's machine, where Python keeps the modules it compiled
    (__pycache__): a PYTHONDONTWRITEBYTECODE set around the bench (as on the build
    machine) would make every process compile the project's modules from source again.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=env)
    return time.perf_counter() - start


def end_to_end(n: int, repeat: int, project: Path, jobs: int = 1) -> None:
    """Time whole processes of both systems on `n` article files; print the ratio and the start-up."""
    with tempfile.TemporaryDirectory(prefix="bench-e2e-") as tmp:
        folder = Path(tmp) / "articles"
        files = write_corpus(n, folder)
        one = folder.parent / "one.txt"
        one.write_text(files[0].read_text(encoding="utf-8")[:600], encoding="utf-8")
        extract = [sys.executable, "-m", "timeline", "extract"]
        _wall(extract + [str(one), "-o", str(Path(tmp) / "warm.csv")], project)  # fills the user cache
        bare = min(_wall([sys.executable, "-c", "pass"], project) for _ in range(5))
        start = [_wall(extract + [str(one), "-o", str(Path(tmp) / "one.csv")], project) for _ in range(5)]
        print(f"start-up of extract (one {one.stat().st_size}-byte article, median of 5, less "
              f"`python -c pass` {bare:.3f} s): {statistics.median(start) - bare:.2f} s", flush=True)
        project_s, baseline_s = [], []
        for _ in range(repeat):
            run = extract + [str(folder), "-o", str(Path(tmp) / "events.csv"), "-j", str(jobs)]
            project_s.append(_wall(run, project))
            baseline_s.append(_wall([sys.executable, __file__, "--baseline-files", str(folder),
                                     "--out", str(Path(tmp) / "baseline.csv")], ROOT))
            print(f"{n} articles, whole process: project {project_s[-1]:.2f} s, "
                  f"baseline {baseline_s[-1]:.2f} s, "
                  f"ratio {baseline_s[-1] / project_s[-1]:.1f}x", flush=True)
        best_p, best_b = min(project_s), min(baseline_s)
        how = "one process" if jobs == 1 else f"--jobs {jobs}"
        print(f"end to end at {n} articles (best of {repeat}; project on {how}, baseline on one): "
              f"project {n / best_p:.0f} art/s, baseline "
              f"{n / best_b:.1f} art/s: {best_b / best_p:.1f}x the baseline")
        print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}, "
              f"Python {sys.version.split()[0]}")


def measure(system: str, n: int) -> dict:
    """Run one measurement in a fresh process and return its figures."""
    out = subprocess.run(
        [sys.executable, __file__, "--worker", system, "--n", str(n)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def f1_scores() -> dict[str, float] | None:
    """Return overall F1 of project and baseline on the golden corpus, if it exists."""
    try:
        from timeline import evaluate
    except ImportError:
        return None
    gold = ROOT / "tests" / "golden"
    if not gold.is_dir():
        return None
    overall = evaluate.evaluate(gold).overall
    return {name: overall[name].f1 for name in ("project", "baseline")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--baseline-sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--jobs-sizes", type=int, nargs="*", default=[1000],
                        help="sizes at which to also run the project on every core")
    parser.add_argument("--end-to-end", type=int, metavar="N",
                        help="instead, time whole processes of both systems on N articles written to files")
    parser.add_argument("--repeat", type=int, default=1, help="with --end-to-end: runs of each system")
    parser.add_argument("--jobs", type=int, default=1,
                        help="with --end-to-end: extract's --jobs (0: one per core)")
    parser.add_argument("--project", type=Path, default=ROOT,
                        help="with --end-to-end: the checkout whose `python -m timeline` runs "
                        "(to compare versions)")
    parser.add_argument("--baseline-files", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--worker", choices=["project", "project-jobs", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_run_worker(args.worker, args.n)))
        return 0
    if args.baseline_files:
        _baseline_files(args.baseline_files, args.out)
        return 0
    if args.end_to_end:
        end_to_end(args.end_to_end, args.repeat, args.project.resolve(), args.jobs)
        return 0
    rows = []
    wanted = {"project": args.sizes, "project-jobs": args.jobs_sizes, "baseline": args.baseline_sizes}
    for n in sorted(set(args.sizes) | set(args.baseline_sizes) | set(args.jobs_sizes)):
        for system in ("project", "project-jobs", "baseline"):
            if n in wanted[system]:
                r = measure(system, n)
                rows.append(r)
                print(f"{system:12} {n:>6} articles  {r['seconds']:8.2f} s  {r['articles_per_s']:9.1f} art/s  "
                      f"{r['mb_per_s']:7.3f} MB/s  peak {r['peak_mb']:6.0f} MB  found {r['found']}", flush=True)
    print()
    for n in args.baseline_sizes:
        b = next((r for r in rows if r["system"] == "baseline" and r["articles"] == n), None)
        for system, how in (("project", "one process"), ("project-jobs", f"{os.cpu_count()} processes")):
            p = next((r for r in rows if r["system"] == system and r["articles"] == n), None)
            if p and b:
                ratio = p["articles_per_s"] / b["articles_per_s"]
                print(f"throughput ratio at {n} articles, project on {how}: {ratio:.1f}x the baseline (one process)")
    proj = [r for r in rows if r["system"] == "project"]
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if len(proj) > 1:
        per = ", ".join(f"{r['articles']}: {1000 * r['seconds'] / r['articles']:.2f} ms" for r in proj)
        print(f"project cost per article (linear growth keeps it flat): {per}")
    scores = f1_scores()
    if scores:
        print(f"golden F1: project {scores['project']:.3f}  baseline {scores['baseline']:.3f}")
    else:
        print("golden F1: timeline.evaluate or tests/golden not available")
    return 0


if __name__ == "__main__":
    sys.exit(main())
