"""The command line: `python -m timeline extract FILE_OR_DIR… -o events.csv`, `dates`, `summarize`, `eval`."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from . import ingest, pipeline, store, table
from .merge import reports

DEBUG_ENV = "TIMELINE_DEBUG"  # "1" lets an unexpected error show its traceback

EPILOG = """examples:
  python -m timeline extract data/articles -o events.csv
  python -m timeline extract article.txt --published 2025-09-08 --language id
"""

DATES_EPILOG = """examples:
  python -m timeline dates data/articles/*.txt
  python -m timeline dates article.md --format jsonl > expressions.jsonl
"""

SUMMARIZE_EPILOG = """examples:
  python -m timeline summarize data/articles --dates 10
  python -m timeline summarize news/ --dates 30 --start 2011-02-15 --end 2011-10-20 --format jsonl
"""

INDEX_EPILOG = """examples:
  python -m timeline index
  python -m timeline index /srv/newsroom/data --jobs 0
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


def _non_negative(what: str):
    """Return an argparse type that takes a whole number of 0 or more, naming `what` when refused."""
    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            n = -1
        if n < 0:
            raise argparse.ArgumentTypeError(f"not {what} (0 or more): {value!r}")
        return n
    return parse


_jobs = _non_negative("a number of processes")
_count = _non_negative("a count")


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
    ex.add_argument("-o", "--output", type=_output, metavar="FILE",
                    help="CSV file to write (default: standard output); a name ending in .parquet "
                    "writes a folder of Parquet parts (a local path or an fsspec URL such as s3://…)")
    ex.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                    help="publication date for every input (overrides front matter and dateline)")
    ex.add_argument("--language", choices=["id", "en"], help="language of every input (default: detected)")
    ex.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                    help="extract with N processes (0: one per core; default 1); the output is the same")
    ex.add_argument("--merge-sources", action="store_true",
                    help="merge the same happening reported by several articles into one row "
                    "(default: one row per happening per article)")
    ex.add_argument("--mentions", type=Path, metavar="FILE",
                    help="also write every report of every event (its article, URL, sentence, time "
                    "expression and the date that article gave) to this CSV file")
    ex.add_argument("--engine", choices=["local", "dask"], default="local",
                    help="local: this machine's processes (--jobs); dask: a Dask cluster (default local)")
    ex.add_argument("--scheduler", metavar="ADDRESS",
                    help="with --engine dask: the scheduler of an existing cluster (tcp://host:8786); "
                    "default: a local cluster in this process's machine")
    ex.add_argument("--workers", type=_jobs, default=0, metavar="N",
                    help="with --engine dask and no --scheduler: workers of the local cluster (0: one per core)")
    ex.add_argument("--title-language", choices=["source", "id", "en"], default="source",
                    help="title language of a happening reported in both languages "
                    "(default: that of the report that leads it)")
    dt_ = sub.add_parser(
        "dates",
        help="list every time expression found in articles, and how each was read",
        description="List every time expression the extractor finds, in text order, with its\n"
        "character offsets into the file, the interval it was read as, and whether it dates\n"
        "an event (and if not, why).",
        epilog=DATES_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    dt_.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="article files (or folders of them)")
    dt_.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                     help="publication date for every input (overrides front matter and dateline)")
    dt_.add_argument("--language", choices=["id", "en"], help="language of every input (default: detected)")
    dt_.add_argument("--format", choices=["table", "jsonl"], default="table",
                     help="an aligned table (default) or one JSON object per line")
    su = sub.add_parser(
        "summarize",
        help="print the key dates of the story the articles tell, with their best sentences",
        description="Rank the days the articles refer to (by how many articles name each day, more\n"
        "when named days later, against the coverage around it) and print the best L within\n"
        "[start, end], each with the K best sentences of its most important happenings.",
        epilog=SUMMARIZE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    su.add_argument("paths", nargs="+", type=Path, metavar="FILE_OR_DIR",
                    help="article files or folders of them")
    su.add_argument("--dates", type=_count, required=True, metavar="L", help="how many key dates to print")
    su.add_argument("--start", type=_iso_date, metavar="YYYY-MM-DD", help="first day that may be chosen")
    su.add_argument("--end", type=_iso_date, metavar="YYYY-MM-DD", help="last day that may be chosen")
    su.add_argument("--sentences", type=_count, default=2, metavar="K", help="sentences per date (default 2)")
    su.add_argument("--format", choices=["md", "jsonl"], default="md",
                    help="a dated Markdown list (default) or one JSON object per date")
    su.add_argument("--published", type=_iso_date, metavar="YYYY-MM-DD",
                    help="publication date for every input (overrides front matter and dateline)")
    su.add_argument("--language", choices=["id", "en"], help="language of every input (default: detected)")
    su.add_argument("-j", "--jobs", type=_jobs, default=0, metavar="N",
                    help="extract with N processes (default 0: one per core); the output is the same")
    ix = sub.add_parser(
        "index",
        help="extract new and changed articles of a data folder into its event store",
        description="Bring the event store of a data folder (DATA_DIR/eventstore) up to date with\n"
        "its articles (DATA_DIR/articles): only new or changed articles are extracted, removed\n"
        "ones drop out. Running it again with nothing changed does nothing; a run stopped\n"
        "half-way keeps what it finished. It also merges across articles as the page does\n"
        "and keeps the result, so the page starts without extracting or merging.",
        epilog=INDEX_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ix.add_argument("data_dir", nargs="?", type=Path, metavar="DATA_DIR",
                    help="data folder (default: $TIMELINE_DATA_DIR, else the project's data/)")
    ix.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                    help="extract with N processes (0: one per core; default 1)")
    ix.add_argument("--quiet", action="store_true", help="no progress bar")
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
                    help="also list the extractor's missed gold events, false rows and wrong places")
    ev.add_argument("--happenings", nargs="*", type=Path, metavar="DIR",
                    help="instead, score the merge of happenings across the articles of each DIR "
                    "(gold.yaml beside them; default: tests/happenings/dev): pairwise precision and "
                    "recall, rows per happening, dates and furniture rows")
    tr = sub.add_parser(
        "train-merge",
        help="fit the cross-article merge's weights on hand-labelled happenings folders",
        description="Fit the weights of the cross-article merge (data/merge_weights.json) on the\n"
        "happenings folders given (gold.yaml beside their articles; default: every folder of\n"
        "tests/happenings), choosing the threshold by leaving each folder out in turn, and\n"
        "print the scores of the left-out folders.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    tr.add_argument("folders", nargs="*", type=Path, metavar="DIR", help="happenings folders (at least two)")
    tr.add_argument("-o", "--output", type=Path, metavar="FILE",
                    help="where to write the weights (default: data/merge_weights.json)")
    tr.add_argument("--dry-run", action="store_true", help="print the scores, write nothing")
    return parser


def _output(value: str) -> Path | str:
    """Return an output name: a URL (s3://…) as it is, anything else as a path."""
    return value if "://" in value else Path(value)


def _unwritable(path: Path | str, inputs: list[Path], hint: str = "") -> str:
    """Say why `path` cannot be an output file, before minutes of extraction are spent."""
    if isinstance(path, str):  # a URL: its file system says so when it is written
        return ""
    if path.name.endswith(".parquet"):  # a folder of parts
        if path.is_file():
            return "it is a file; a .parquet output is a folder of parts"
    elif path.is_dir():
        return "it is a folder"
    if not path.parent.is_dir():
        return f"the folder {path.parent} does not exist" if not path.parent.exists() else f"{path.parent} is not a folder"
    if path.name.endswith(".parquet"):
        return ""
    try:
        out = path.stat()  # through a symbolic link: its target is what would be written
    except OSError:
        return ""  # a new file (or a dangling link, written through to its target)
    if not stat.S_ISREG(out.st_mode):
        return f"it is {store.kind(out.st_mode)}, not a regular file{hint}"
    for f in inputs:
        try:
            st = f.stat()
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            return f"it is the input {f}; the table would replace the article"
    return ""


def extract(args: argparse.Namespace) -> int:
    """Run `extract`; return the exit code (1 when any input was rejected)."""
    inputs = ingest.collect(args.paths)[0] if args.output or args.mentions else []
    for target, hint in ((args.output, "; leave out -o to write to standard output"), (args.mentions, "")):
        if target and (problem := _unwritable(target, inputs, hint)):
            print(f"error: {target}: cannot be written ({problem})", file=sys.stderr)
            return 2
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    if args.engine == "dask":
        from . import cluster

        result = cluster.extract_paths(
            args.paths, args.published, args.language, merge_sources=args.merge_sources,
            title_language=args.title_language, scheduler=args.scheduler, workers=args.workers or None,
        )
    else:
        result = pipeline.extract_paths(
            args.paths, args.published, args.language, merge_sources=args.merge_sources, jobs=args.jobs,
            title_language=args.title_language,
        )
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    if args.output and str(args.output).rstrip("/").endswith(".parquet"):
        from . import cluster

        try:
            parts = cluster.write_parquet(result.frame(), args.output)
        except OSError as exc:
            print(f"error: {args.output}: cannot be written ({exc.strerror or exc})", file=sys.stderr)
            return 2
        print(f"{len(result.events)} events written to {args.output} ({parts} Parquet part(s))", file=sys.stderr)
    elif args.output:
        try:
            store.write_output(args.output, table.events_csv(result.events))
        except OSError as exc:
            print(f"error: {args.output}: cannot be written ({exc.strerror or exc})", file=sys.stderr)
            return 2
        print(f"{len(result.events)} events written to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(table.events_csv(result.events).decode("utf-8"))
    if args.mentions:
        said = table.mentions_csv(result.events)
        try:
            store.write_output(args.mentions, said)
        except OSError as exc:
            print(f"error: {args.mentions}: cannot be written ({exc.strerror or exc})", file=sys.stderr)
            return 2
        count = sum(len(reports(e)) for e in result.events)
        print(f"{count} mentions written to {args.mentions}", file=sys.stderr)
    if result.errors:
        print(f"{len(result.errors)} input(s) rejected; the events of the others were written", file=sys.stderr)
    return 1 if result.errors else 0


def _progress(quiet: bool) -> Callable:
    """Return a wrapper showing progress on standard error: tqdm's bar, else a counter."""
    if quiet:
        return lambda it, total: it
    try:
        from tqdm import tqdm
    except ImportError:
        tqdm = None

    def bar(it: Iterable, total: int) -> Iterator:
        if tqdm is not None:
            yield from tqdm(it, total=total, unit="article", desc="extracting", file=sys.stderr)
            return
        for n, item in enumerate(it, 1):
            yield item
            if n == total or n % 50 == 0:
                print(f"\rextracting: {n}/{total} articles", end="\n" if n == total else "", file=sys.stderr)
    return bar


def index(args: argparse.Namespace) -> int:
    """Run `index`; return the exit code (1 when an article could not be read)."""
    from . import eventstore, library

    data = args.data_dir or library.data_dir()
    articles = library.articles_dir(data)
    if not articles.is_dir():
        print(f"error: {articles}: no such folder (a data folder holds its articles in articles/)", file=sys.stderr)
        return 2
    folder = eventstore.folder_of(data)
    done, unchanged, removed = eventstore.update(folder, articles, progress=_progress(args.quiet),
                                                 jobs=args.jobs or os.cpu_count() or 1)
    library.prepare(data)  # the merge across articles, kept for the page's next start (in English)
    s = eventstore.Store(folder)
    bad = sorted((n, e.error) for n, e in s.entries.items() if e.error)
    for _, error in bad:
        print(f"error: {error}", file=sys.stderr)
    events = sum(e.events for e in s.entries.values())
    print(f"{done} extracted, {unchanged} unchanged, {removed} removed: {len(s.entries)} articles, "
          f"{events} events in {folder}", file=sys.stderr)
    return 1 if bad else 0


def list_dates(args: argparse.Namespace) -> int:
    """Run `dates`; return the exit code (1 when any input was rejected)."""
    from . import expressions, ingest
    from .errors import InputError

    files, errors = ingest.collect(args.paths)
    for err in errors:
        print(f"error: {err}", file=sys.stderr)
    for path in files:
        try:
            article = ingest.read(path, args.published, args.language)
        except InputError as exc:
            errors.append(exc)
            print(f"error: {exc}", file=sys.stderr)
            continue
        found = expressions.find(article)
        if args.format == "jsonl":
            for f in found:
                sys.stdout.write(json.dumps(f.record(), ensure_ascii=False) + "\n")
            continue
        published = article.published.isoformat() if article.published else "unknown"
        origin = f" ({article.published_from})" if article.published_from else ""
        print(f"{article.source}: published {published}{origin}, language {article.language}, "
              f"{len(found)} time expressions")
        if found:
            sys.stdout.write(expressions.format_table(found))
        print()
    return 1 if errors else 0


def summarize(args: argparse.Namespace) -> int:
    """Run `summarize`; return the exit code (1 when any input was rejected, 2 on a bad span)."""
    from . import summary

    if args.start and args.end and args.start > args.end:
        print(f"error: --start {args.start} is after --end {args.end}", file=sys.stderr)
        return 2
    result = pipeline.extract_paths(args.paths, args.published, args.language, jobs=args.jobs)
    for err in result.errors:
        print(f"error: {err}", file=sys.stderr)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    found = summary.key_dates(result.events, args.dates, args.start, args.end, args.sentences)
    if not found:
        print("note: no day-precision dates to choose from", file=sys.stderr)
    if args.format == "jsonl":
        sys.stdout.write("".join(json.dumps(k.record(), ensure_ascii=False) + "\n" for k in found))
    else:
        sys.stdout.write(summary.to_markdown(found, args.start, args.end))
    return 1 if result.errors else 0


def evaluate(args: argparse.Namespace) -> int:
    """Run `eval`; return the exit code (1 when a gold file or article could not be read)."""
    from . import evaluate as scorer  # imported here: only `eval` needs it

    if args.happenings is not None:
        return evaluate_happenings(args)
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
            for line in report.overall["project"].place_misses:
                print(f"PLACE {line}")
    return 1 if report.errors else 0


def evaluate_happenings(args: argparse.Namespace) -> int:
    """Run `eval --happenings`; return 1 when a gold file or an article could not be read."""
    from . import happenings
    from .errors import InputError

    scores, failed = [], False
    for folder in args.happenings or [happenings.HAPPENINGS_DIR]:
        try:
            got, errors = happenings.evaluate(folder)
        except InputError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed = True
            continue
        for err in errors:
            print(f"error: {err}", file=sys.stderr)
        failed = failed or bool(errors)
        scores.append(got)
    if args.json:
        from dataclasses import asdict

        sys.stdout.write(json.dumps([asdict(s) for s in scores], indent=2, ensure_ascii=False) + "\n")
    elif scores:
        sys.stdout.write(happenings.format_scores(scores, args.verbose))
    return 1 if failed else 0


def train_merge(args: argparse.Namespace) -> int:
    """Run `train-merge`; return 1 when a folder could not be read or gives nothing to learn from."""
    from . import affinity, happenings, training
    from .errors import InputError

    folders = args.folders or sorted(p.parent for p in happenings.HAPPENINGS_DIR.parent.glob("*/gold.yaml"))
    try:
        _, report = training.train(folders, None if args.dry_run else args.output or affinity.WEIGHTS_FILE)
    except (InputError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(report)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Parse `argv` and run the command."""
    args = build_parser().parse_args(argv)
    commands = {"extract": extract, "index": index, "dates": list_dates, "summarize": summarize, "eval": evaluate,
                "train-merge": train_merge}
    command = commands[args.command]
    try:
        return command(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`… | head`): nothing left to say
        _silence_stdout()
        return 1
    except Exception as exc:  # no traceback for users; TIMELINE_DEBUG=1 shows it
        if os.environ.get(DEBUG_ENV) == "1":
            raise
        message = " ".join(str(exc).split())[:300]
        print(f"error: internal error ({type(exc).__name__}: {message}); "
              f"set {DEBUG_ENV}=1 to see where", file=sys.stderr)
        return 2


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
