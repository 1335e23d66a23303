"""Extraction throughput: the project's extractor against the tuned dateparser baseline.

    python bench/extract.py                     # 100 / 1,000 / 10,000 articles
    python bench/extract.py --sizes 100 1000 --baseline-sizes 100

Each figure is measured in a fresh worker process (so peak memory is that run's own)
on a corpus of distinct articles recombined from the shipped and golden articles'
paragraphs: every article differs, so no cache can help. Both systems get the same
parsed articles; the project does strictly more (sentences, dates, actors, types,
titles, merging) than the baseline (search_dates on each sentence).
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
    parser.add_argument("--worker", choices=["project", "project-jobs", "baseline"], help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_run_worker(args.worker, args.n)))
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
