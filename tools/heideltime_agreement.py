"""Compare the dates the extractor reads with HeidelTime's on Timeline17's articles (a silver standard).

Timeline17's topics ship each article also as HeidelTime's TimeML
(`articles.heideltime.timeml.jsonl.gz`): a strong rule-based tagger's reading of every
date, in English news of the same tokenised form the key-date measure reads. Where the
two disagree one of them is wrong; reading the disagreements found general date bugs
quickly (README "Dates", tenth session), though many are HeidelTime's (a timeline of
2011 read as 2012) or a reader's comment. Counts only, nothing is tuned to it.

    .venv/bin/python tools/heideltime_agreement.py ../shared/corpus/t17_libya
    .venv/bin/python tools/heideltime_agreement.py ../shared/corpus/t17_libya --month --show 40
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.dates import find_expressions  # noqa: E402

_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _gold(timeml: str, precise: re.Pattern) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Return the article's plain text and its DATE timexes whose value `precise` matches."""
    body = timeml[timeml.index("<TimeML>") + len("<TimeML>"): timeml.rindex("</TimeML>")]
    plain, at, found = [], 0, []
    length = 0
    for m in _TIMEX.finditer(body):
        plain.append(body[at:m.start()])
        length += m.start() - at
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get("type") == "DATE" and precise.fullmatch(attrs.get("value", "")):
            found.append((length, length + len(m.group(2)), m.group(2), attrs["value"]))
        plain.append(m.group(2))
        length += len(m.group(2))
        at = m.end()
    plain.append(body[at:])
    return "".join(plain), found


def compare(folder: Path, month: bool = False) -> tuple[int, int, int, list[tuple]]:
    """Return (agreeing, disagreeing, not found, the disagreements) over every article of `folder`."""
    precise = re.compile(r"\d{4}-\d\d" if month else r"\d{4}-\d\d-\d\d")
    cut = 7 if month else 10
    agree = disagree = missed = 0
    wrong = []
    with gzip.open(folder / "articles.heideltime.timeml.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            text, gold = _gold(row["timeml"], precise)
            ours = [e for e in find_expressions(text, date.fromisoformat(row["time"]), "en") if e.date]
            for start, end, said, value in gold:
                hit = next((e for e in ours if e.start < end and start < e.end), None)
                if hit is None:
                    missed += 1
                elif hit.date.isoformat()[:cut] <= value <= hit.date_end.isoformat()[:cut]:
                    agree += 1
                else:
                    disagree += 1
                    wrong.append((row["id"], said, value, hit.text, hit.date.isoformat(), hit.anchor))
    return agree, disagree, missed, wrong


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a Timeline17 topic folder (with its HeidelTime TimeML)")
    parser.add_argument("--month", action="store_true", help="compare month-precise values instead of days")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="also list N disagreements")
    args = parser.parse_args(argv)
    agree, disagree, missed, wrong = compare(args.folder, args.month)
    total = agree + disagree + missed
    print(f"{'month' if args.month else 'day'}-precise HeidelTime values: {total}; agree {agree}, "
          f"disagree {disagree}, not found {missed}")
    for w in wrong[:args.show]:
        print("  " + " | ".join(str(x) for x in w))
    return 0


if __name__ == "__main__":
    sys.exit(main())
