"""The command line: `python -m timeline extract FILE_OR_DIR… -o events.csv`, `eval`."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from . import pipeline, store, table

EPILOG = """examples:
  python -m timeline extract data/articles -o events.csv
  python -m timeline extract article.txt --published 2025-09-08 --language id
"""

EVAL_EPILOG = """examples:
  python -m timeline eval
  python -m timeline eval ../shared/eval/dev --json > scores.json
"""


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser for every command."""
    parser = argparse.ArgumentParser(
        prog="python -m timeline",
        description="Turn news articles (Indonesian or English) into a dated event table.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    ex = sub.add_parser(
        "extract",
        help="extract events from articles into a CSV table",
        description="Read .txt/.md/.html articles (files or folders) and write one CSV row "
        "per dated event, in the schema the README documents.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ex.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR", help="article files or folders of them")
    ex.add_argument("-o", "--output", type=Path, help="CSV file to write (default: standard output)")
    ex.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                    help="publication date for every input (overrides front matter and dateline)")
    ex.add_argument("--language", choices=["id", "en"], help="language of every input (default: detected)")
    ev = sub.add_parser(
        "eval",
        help="score the extractor and the dateparser baseline against gold events",
        description="Run the extractor and a tuned dateparser baseline on every article of a gold\n"
        "folder (NAME.json gold beside each article) and print recall, strict recall,\n"
        "precision, F1 and actor recall of both, per article and overall.",
        epilog=EVAL_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ev.add_argument("gold_dir", nargs="?", type=Path, metavar="GOLD_DIR",
                    help="folder of articles and their gold files (default: the project's tests/golden)")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")
    ev.add_argument("-v", "--verbose", action="store_true",
                    help="also list the extractor's missed gold events and false rows")
    return parser


def extract(args: argparse.Namespace) -> int:
    """Run `extract`; return the exit code (1 when any input was rejected)."""
    result = pipeline.extract_paths(args.paths, args.published, args.language)
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    text = table.to_csv(result.frame())
    if args.output:
        store.write_atomic(args.output, text.encode("utf-8"))
        print(f"{len(result.events)} events written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 1 if result.errors else 0


def evaluate(args: argparse.Namespace) -> int:
    """Run `eval`; return the exit code (1 when a gold file or article could not be read)."""
    from . import evaluate as scorer  # imported here: only `eval` needs it

    report = scorer.evaluate(args.gold_dir or scorer.GOLDEN_DIR)
    for err in report.errors:
        print(f"error: {err}", file=sys.stderr)
    if args.json:
        sys.stdout.write(json.dumps(scorer.to_json(report), indent=2, ensure_ascii=False) + "\n")
    elif report.articles:
        sys.stdout.write(scorer.format_table(report))
        if args.verbose:
            for line in report.overall["project"].misses:
                print(f"MISS  {line}")
            for line in report.overall["project"].false_rows:
                print(f"FALSE {line}")
    return 1 if report.errors else 0


def main(argv: list[str] | None = None) -> int:
    """Parse `argv` and run the command."""
    args = build_parser().parse_args(argv)
    return {"extract": extract, "eval": evaluate}[args.command](args)
