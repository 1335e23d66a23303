"""Fingerprint the extractor's output, to show a speed change changes nothing.

    python bench/equivalence.py before.json      # on the old code
    python bench/equivalence.py after.json       # on the new code
    diff before.json after.json                   # must be empty

Runs `timeline.dates.find_expressions`, `timeline.dates.dateline` and
`timeline.events.extract` over the shipped and golden articles, the Kompas
development articles (read in place, never copied), the benchmark corpus and a few
thousand random texts that mix the languages' own time words with digits,
separators and line breaks, and writes every expression and event as JSON.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import html
import importlib.util
import json
import random
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KOMPAS = Path("/work/shared/corpus/kompas_dev")
_PUBLISHED = (None, date(2025, 9, 8), date(2013, 1, 31))


def _bench_corpus(n: int) -> list[tuple[str, date, str]]:
    spec = importlib.util.spec_from_file_location("bench_extract", ROOT / "bench" / "extract.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.corpus(n)


def _kompas() -> list[tuple[str, date | None, str]]:
    """Return (text, DCT, "id") of each Kompas development article, if the folder is there."""
    out = []
    for path in sorted(KOMPAS.glob("*.tml")) if KOMPAS.is_dir() else []:
        raw = path.read_text(encoding="utf-8", errors="replace")
        body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
        dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
        if not body:
            continue
        text = html.unescape(re.sub(r"<[^>]+>", "", body.group(1)))
        out.append((text, date.fromisoformat(dct.group(1)) if dct else None, "id"))
    return out


def _pool(language: str) -> list[str]:
    """Return the time words of `language`'s grammar plus date-like tokens and separators."""
    from timeline.dates import grammar

    g = grammar.build(language)
    words: set[str] = set()
    for key, value in g.lex.raw.items():
        if isinstance(value, list):
            words.update(str(w) for w in value)
        elif isinstance(value, dict):
            for k, v in value.items():
                words.add(str(k))
                if isinstance(v, list) and all(isinstance(x, str) for x in v):
                    words.update(v)
    words.update(g.months)
    words.update(g.weekdays)
    words = {w for w in words if w and len(w) < 30}
    tokens = sorted(words)
    tokens += [w.capitalize() for w in sorted(words)] + [w.upper() for w in sorted(words)[:40]]
    tokens += ["2024", "1998", "1850", "2099", "3000", "24", "5", "12", "31", "0", "07", "99", "1990-an", "'90s",
               "1990s", "80-an", "12/03/2024", "3/5/21", "2024-03-05", "2024-3-5T10:15:00+07:00", "10.30",
               "10:15", "7 pm", "9a.m.", "Q1", "2Q", "H2", "1H", "XXI", "IV", "ke-3", "ke-20", "21st", "3rd",
               "Rp", "$", "%", "persen", "tentara", "Nomor", "No.", "Kompas.com", "©", "JAKARTA,", "WIB", "—",
               "–", "-", "/", ".", ",", ":", "(", ")", "'", "’", "s.d.", "s/d", "dan", "and", "hingga", "to"]
    tokens += ["word", "kata", "Putin", "Kim", "Jakarta", "mengatakan", "said", "the", "of", "in", "pada", "di"]
    # Letters outside ASCII, some of which fold to ASCII ones under re.I ("ſ", "ı", "K", "İ").
    tokens += ["café", "Erdoğan", "Kılıç", "İstanbul", "ſeptember", "\u212aamis", "“", "”", "…", "\u00a0", "١٢"]
    return tokens


def _random_texts(n: int, seed: int = 11) -> list[tuple[str, date | None, str]]:
    """Return `n` random texts of time words, numbers, punctuation and line breaks."""
    rng = random.Random(seed)
    pools = {lang: _pool(lang) for lang in ("id", "en", "fr")}
    seps = [" "] * 12 + [", ", ". ", "  ", "-", " - ", "\n", "\n\n", " (", ") ", "/", "\t", ": "]
    out = []
    for i in range(n):
        lang = ("id", "en", "id", "en", "fr")[i % 5]
        pool = pools[lang]
        parts = []
        for _ in range(rng.randint(1, 60)):
            parts.append(rng.choice(pool))
            parts.append(rng.choice(seps))
        out.append(("".join(parts), rng.choice(_PUBLISHED), lang))
    return out


def _json(obj):
    if isinstance(obj, date):
        return obj.isoformat()
    raise TypeError(type(obj))


def fingerprint(n_random: int = 3000, n_bench: int = 500) -> dict:
    """Return every expression, dateline and event of every input, grouped by input set."""
    from timeline import dates, events, ingest

    sets: dict[str, list[tuple[str, str, date | None, str]]] = {}
    files = []
    for folder in (ROOT / "data" / "articles", ROOT / "tests" / "golden"):
        for path in sorted(folder.glob("*")):
            if path.suffix in (".txt", ".md") and path.name != "README.md":
                a = ingest.read(path)
                files.append((path.name, a.text, a.published, a.language))
    sets["files"] = files
    sets["kompas"] = [(f"kompas-{i}", t, p, lang) for i, (t, p, lang) in enumerate(_kompas())]
    sets["bench"] = [(f"bench-{i}", t, p, lang) for i, (t, p, lang) in enumerate(_bench_corpus(n_bench))]
    sets["random"] = [(f"random-{i}", t, p, lang) for i, (t, p, lang) in enumerate(_random_texts(n_random))]
    out: dict = {}
    for name, items in sets.items():
        rows = []
        for source, text, published, lang in items:
            exprs = [dataclasses.asdict(e) for e in dates.find_expressions(text, published, lang)]
            article = ingest.parse(text, source, published=published, lang=lang)
            evs = [dataclasses.asdict(e) for e in events.extract(article)]
            rows.append({
                "source": source,
                "text_sha1": hashlib.sha1(text.encode("utf-8")).hexdigest(),  # no article text in the file
                "dateline": dates.dateline(text, lang),
                "published": article.published,
                "expressions": exprs,
                "events": evs,
            })
        out[name] = rows
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="where to write the JSON fingerprint")
    ap.add_argument("--random", type=int, default=3000, help="how many random texts")
    ap.add_argument("--bench", type=int, default=500, help="how many benchmark articles")
    args = ap.parse_args()
    data = fingerprint(args.random, args.bench)
    args.out.write_text(json.dumps(data, default=_json, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")
    counts = {k: (len(v), sum(len(r["expressions"]) for r in v), sum(len(r["events"]) for r in v)) for k, v in data.items()}
    print(f"wrote {args.out}: (inputs, expressions, events) per set {counts}")


if __name__ == "__main__":
    main()
