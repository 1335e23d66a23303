"""Count the event titles that hold no verb-like word (a headline must keep its verb).

    python bench/titles.py                   # the golden corpus (the articles its gold files name)
    python bench/titles.py data/articles -v  # other files or folders, listing each such title

A word is verb-like as `timeline.verbs` tells it (data/verbs.yaml): known forms and
-ed words in English, known words and me-/ber-/di- words that are no dictionary root
in Indonesian. tests/test_titles.py bounds the count on the golden corpus.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline import evaluate, extract_paths, verbs  # noqa: E402


def articles(paths: list[Path]) -> list[Path]:
    """Return the article files of `paths`: a folder with gold files gives the articles they name."""
    out: list[Path] = []
    for p in paths:
        golds = sorted(p.glob("*.json")) if p.is_dir() else []
        out.extend(p / evaluate.load_gold(g).file for g in golds) if golds else out.append(p)
    return out


def verbless(paths: list[Path]) -> tuple[int, list[tuple[str, str, str]]]:
    """Return how many titles the articles under `paths` give, and (source, language, title) of those without a verb."""
    events = extract_paths(articles(paths)).events
    lacking = [(e.source, e.language, e.title) for e in events if not verbs.has_verb(e.title, e.language)]
    return len(events), lacking


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "tests" / "golden"])
    parser.add_argument("-v", "--verbose", action="store_true", help="list each title without a verb")
    args = parser.parse_args(argv)
    total, lacking = verbless(args.paths)
    for language in sorted({lang for _, lang, _ in lacking} | {"en", "id"}):
        n = sum(1 for _, lang, _ in lacking if lang == language)
        print(f"{language}: {n} without a verb-like word")
    print(f"{len(lacking)} of {total} titles without a verb-like word")
    if args.verbose:
        for source, language, title in lacking:
            print(f"  {source} [{language}] {title}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
