"""Fuzzing: generated texts through ingest and the extractor, and their table through CSV.

Texts mix what trips date extraction — month names of both languages, numbers of
every size, slashes, dots and dashes, relative words, qualifiers, actor names —
with arbitrary unicode. The runs are derandomized, so CI sees the same examples.
"""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from timeline import events, ingest, table
from timeline.errors import InputError

TOKENS = (
    "pada tanggal hari Senin Selasa Rabu kemarin besok lusa pekan minggu bulan tahun lalu depan ini itu "
    "awal pertengahan akhir medio sejak hingga sampai antara dan ke dari sekitar abad ke-20 kuartal "
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember "
    "Jan Feb Mar Apr Jun Jul Agu Agt Sep Okt Nov Des "
    "on in since until between and the of last next early mid late year month week day ago "
    "yesterday today tomorrow January February March May June July August October December "
    "Monday Sunday decade century quarter Q1 Q3 1990s 2000-an 90-an "
    "0 1 9 12 29 30 31 32 99 100 0000 1945 1999 2000 2023 2024 2025 9999 10000 99999 "
    "31/02 29/02/2023 12/3/2024 3/4 2024-02-30 2024-13-45 00/00/0000 19.30 08:00 WIB 12.3.2024 "
    "Putin Kim Jong Un Rusia Korea Utara Moskow Pyongyang Russia North Korea Shoigu Lavrov "
    "bertemu menandatangani tiba met signed visited — – - / . , ; : ( ) \" ' “ ” é ü 中 한국 🙂"
).split()
SEPARATORS = (" ", " ", " ", "", "\n", "\n\n", ", ", ". ", "-", "/")
_CHARS = st.characters(blacklist_categories=("Cs",))
MONTHS = [t for t in TOKENS if t[:3].lower() in
          {"jan", "feb", "mar", "apr", "mei", "may", "jun", "jul", "agu", "agt", "aug", "sep", "okt", "oct", "nov",
           "des", "dec"}]
number = st.one_of(st.integers(0, 32), st.integers(1940, 2030), st.integers(-5, 100_000)).map(str)
# Date-shaped phrases with parts of any size: "31 Februari 99999", "pada 0/13/2024".
phrase = st.builds(
    lambda a, m, b, sep: f"{a}{sep}{m}{sep}{b}",
    number, st.sampled_from(MONTHS) | number, number, st.sampled_from([" ", "/", "-", "."]),
)
token = st.one_of(st.sampled_from(TOKENS), st.sampled_from(TOKENS), phrase, st.text(_CHARS, max_size=5), number)
texts = st.lists(st.tuples(token, st.sampled_from(SEPARATORS)), max_size=40).map(
    lambda parts: "".join(t + s for t, s in parts)
)
published = st.none() | st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)) | st.just(
    dt.date(2024, 5, 1)
)
FUZZ = settings(deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _events(raw: str, pub: dt.date | None, lang: str | None):
    try:
        article = ingest.parse(raw, "fuzz.txt", published=pub, lang=lang)
    except InputError:
        assert not raw.strip() or raw.lstrip().startswith("---")
        return None, []
    return article, events.extract(article)


@settings(FUZZ, max_examples=10_000)
@given(texts, published, st.sampled_from(["id", "en", None]))
def test_extractor_never_fails_and_gives_possible_dates(raw, pub, lang):
    article, found = _events(raw, pub, lang)
    event("events found" if found else "no events")
    for e in found:
        assert e.date <= e.date_end
        assert e.precision
        # the evidence is the article's own words, its runs of white space made one space
        assert e.sentence and e.sentence in re.sub(r"[ \t\r\n]+", " ", article.text)
        assert e.language in ("id", "en")
        assert 0 <= e.confidence <= 1


@settings(FUZZ, max_examples=150)
@given(st.lists(st.tuples(texts, published, st.sampled_from(["id", "en"])), min_size=10, max_size=20))
def test_extracted_tables_survive_the_csv_round_trip(batch):
    found = []
    for i, (raw, pub, lang) in enumerate(batch):
        _, evs = _events(f"{raw}\nPada 19 Juni 2024 Putin tiba.", pub, lang)
        found.extend(evs)
    frame = table.to_frame(found)
    pd.testing.assert_frame_equal(table.from_csv(table.to_csv(frame)), frame)
