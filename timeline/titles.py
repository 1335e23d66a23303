"""Make a short headline for an event from its sentence, with the words in data/titles.yaml."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import verbs
from .dates import clock_tail, layout
from .dates.lexicon import FOLDS_TO_ASCII, literal_alternation
from .datafile import read_yaml
from .errors import InputError

TITLES_FILE = Path(__file__).resolve().parent.parent / "data" / "titles.yaml"
TITLE_MAX = 90
_MIN_TITLE = 12  # a headline shorter than this after stripping falls back to less stripping
_MIN_CUT = 30  # never cut a long sentence down to fewer characters than this
_LEAD_WORDS_MAX = 7  # a leading time clause longer than this is kept (it says more)
_REST_WORDS_MIN = 4  # a lead clause is dropped only when this many words remain
_KEYS = ("openers", "lead_clauses", "attributions", "time_words", "caption_verbs", "breaks", "soft_breaks",
         "verb_breaks", "relatives", "dangling", "labels", "participles")
_NAME_WORDS = 6  # an appositive this short in capitalised words is a name ("Sergei Shoigu")
_RELATIVE_WORDS = 7  # a relative clause without commas is dropped only when this short
_PARTICIPLE_WORDS = 8  # "…, ditemui di Terminal Plumpang, menuturkan": a participle clause is this short

# "KIM DAN PUTIN - ", "TRIBUNNEWS.COM - ", "JAKARTA, KOMPAS.com - ", "MOSCOW (Reuters) - "
_PREFIX = re.compile(r"^(?:[^a-z]{2,60}?|[A-Z][A-Z .]+,\s*\S+)\s[-–—]{1,2}\s")
# A wire or web dateline before the story: "SEOUL, March 6 (Reuters) - ", "Jakarta, CNN Indonesia -- ",
# "JAKARTA (ANTARA) - ", "SEOUL, South Korea (AP) - " (a dash mis-decoded as U+FFFD too).
_DATELINE = re.compile(r"^(?:[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,3}|[A-Z][\w.'’-]*)"
                       r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,3})*\s*(?:\([^()]{1,40}\))?\s*[-–—\ufffd]{1,2}\s+")
# A site tag leading the sentence: "BERITABALI.COM, DUNIA. ", "TRIBUNNEWS.COM, MOSKOW - ", "Kompas.com - ".
_SITE_TAG = re.compile(r"^(?:[A-Z][A-Z .'’-]{0,40},\s*)?"
                       r"[A-Za-z][\w-]*\.(?i:co\.id|co\.uk|com|net|org|id|co)(?![\w.])"
                       r"(?:\s*,\s*[A-Z][A-Z .'’-]{0,40}?)?\s*[-–—.,:|]+\s*")
# A photo credit at the end: "REUTERS/Kim Hong-Ji", "ANTARA FOTO/Reuters/KCNA".
_CREDIT = re.compile(r"\s+[A-Z]{2,}(?: [A-Z]{2,})*/\S.*$")
_REFERENCE = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed)\]")  # "[10]" after an encyclopedia's sentence
_HEAD_CHARS = 120  # datelines, site tags and labels end within this many characters
_DASHES = ("-", "–", "—", "\ufffd")
_PIPES = re.compile(r"(?<!\s)\s++[|•]\s++")  # possessive, from a run's first space: linear
_PAREN = re.compile(r"\s*\([^()]*\)")
_QUOTES = str.maketrans("", "", "\"“”„«»")
_QUOTE = re.compile("[\"“”„«»]")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")
_PUNCT_RUN = re.compile(r"([,;:])(?:\s*[,;:])+")
_SPACED_MARK = re.compile(r" [,.;:!?]")
_RUN_MARK = re.compile(r"[,;:]")
_WIDE_SPACE = re.compile(r"\s\s")


@dataclass(frozen=True)
class Words:
    """The compiled word lists of one language."""

    opener: re.Pattern[str]
    lead_clause: re.Pattern[str]
    attribution: re.Pattern[str]
    time_word: re.Pattern[str]  # any time word and the whitespace after it
    time_word_each: tuple[re.Pattern[str], ...]  # each alone, in the order `time_word` tries them
    time_word_by_first: dict[str, tuple[re.Pattern[str], ...]] | None  # the same by lower-cased first letter
    caption: re.Pattern[str]
    breaks: re.Pattern[str]
    soft_breaks: re.Pattern[str]
    longest_time_word: int  # bounds how far before the time text its words can reach
    longest_break: int  # bounds how far past a cut its break word can reach
    verb_breaks: re.Pattern[str]
    relative: re.Pattern[str]  # a clause that opens with a relative word
    relatives: frozenset[str]
    relative_word: re.Pattern[str]  # a relative word anywhere
    dangling: frozenset[str]
    label: re.Pattern[str]  # "Foto: ", "Photo - " at the start
    participles: tuple[tuple[str, str], ...]  # (prefix, suffix) of a participle: ("di", ""), ("", "ed")


def _alt(words: list[str]) -> str:
    """The plain alternation of `words`, longest first (the patterns use it as a trie: literal_alternation)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=4)
def words(language: str, path: Path = TITLES_FILE) -> Words:
    """Return the compiled word lists for `language` (English when it has none)."""
    data = read_yaml(path, "the headline words")
    lang = data.get(language) or data.get("en")
    missing = [k for k in _KEYS if not isinstance(lang.get(k), list)]
    odd = [str(v) for k in _KEYS for v in lang.get(k) or [] if not isinstance(v, str)]
    if odd:
        raise InputError(str(path), f"{language}: not words: {', '.join(odd)} (quote them)")
    if missing:
        raise InputError(str(path), f"{language}: lacks the lists {', '.join(missing)}")
    return Words(
        opener=re.compile(rf"^(?:{literal_alternation(lang['openers'])})\b\s*,?\s*", re.I),
        lead_clause=re.compile(rf"^(?:{literal_alternation(lang['lead_clauses'])})\b[^,]*,\s*", re.I),
        attribution=re.compile(rf",\s*(?:\S+\s+){{0,3}}?(?:{literal_alternation(lang['attributions'])})\b.*$", re.I),
        time_word=re.compile(rf"\b(?:{literal_alternation(lang['time_words'])})\s+", re.I),
        # _alt's order; an empty list is the empty word, as in the alternation
        time_word_each=tuple(re.compile(rf"\b{re.escape(t)}(\s+)", re.I)
                             for t in sorted(lang["time_words"], key=len, reverse=True) or [""]),
        time_word_by_first=_by_first(sorted(lang["time_words"], key=len, reverse=True)),
        caption=re.compile(rf"^(?:foto|photo|gambar)\b.*?,\s*(?:{literal_alternation(lang['caption_verbs'])})\s+", re.I),
        breaks=re.compile(rf",\s|;\s|\s[-–—]\s|\s(?=(?:{literal_alternation(lang['breaks'])})\s)", re.I),
        soft_breaks=re.compile(rf"\s(?=(?:{literal_alternation(lang['soft_breaks'])})\s)", re.I),
        longest_time_word=max(map(len, lang["time_words"]), default=0),
        longest_break=max(map(len, lang["breaks"] + lang["soft_breaks"] + lang["verb_breaks"]), default=0),
        verb_breaks=re.compile(rf"\s(?=(?:{literal_alternation(lang['verb_breaks'])})\s)", re.I),
        relative=re.compile(rf"(?:{literal_alternation(lang['relatives'])})\b", re.I),
        relatives=frozenset(x.lower() for x in lang["relatives"]),
        relative_word=re.compile(rf"(?<!\w)(?:{literal_alternation(lang['relatives'])})(?!\w)", re.I),
        dangling=frozenset(x.lower() for x in lang["dangling"]),
        label=re.compile(rf"^(?:{literal_alternation(lang['labels'])})\s*[:|–—-]\s*", re.I),
        participles=tuple(tuple(p.lower().split("*", 1)) for p in lang["participles"] if "*" in p),
    )


def _by_first(words: list[str]) -> dict[str, tuple[re.Pattern[str], ...]] | None:
    """Group the patterns of `words` (in their order) by lower-cased first character.

    For ASCII first characters only: there a text character matches case-insensitively
    exactly when its lower-cased form is that character, unless it is one of the few
    that fold to ASCII letters (`FOLDS_TO_ASCII`), where every pattern is tried.
    """
    if not words or not all(w[:1].isascii() and w[:1] for w in words):
        return None
    out: dict[str, list[re.Pattern[str]]] = {}
    for w in words:
        out.setdefault(w[0].lower(), []).append(re.compile(rf"\b{re.escape(w)}(\s+)", re.I))
    return {k: tuple(v) for k, v in out.items()}


def _tidy(text: str) -> str:
    """Collapse spaces and stray punctuation left behind by removals (tidy text stays as it is)."""
    # str.split() breaks at exactly the characters \s matches (a space left at either
    # end is stripped below). The two patterns then need a space before a mark or two
    # marks: most texts have neither, and trying them at every position costs more
    # than the rest of a headline.
    text = " ".join(text.split())
    if _SPACED_MARK.search(text):
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    first = _RUN_MARK.search(text)
    if first and _RUN_MARK.search(text, first.end()):
        text = _PUNCT_RUN.sub(r"\1", text)
    return text.strip(" ,;:-–—.")


def _wide_space(text: str) -> bool:
    """Tell whether `text` has two whitespace characters in a row."""
    if text.isascii() and text.isprintable():  # (both checks are cheap) then " " is its only whitespace
        return "  " in text
    return _WIDE_SPACE.search(text) is not None


def _unparen(text: str) -> str:
    """Remove parentheticals (the pattern is tried at every position; most texts have none)."""
    return _PAREN.sub("", text) if "(" in text else text


def _unquote(text: str) -> str:
    """Remove quotation marks (translate copies the text even when it has none)."""
    has = '"' in text if text.isascii() else _QUOTE.search(text) is not None  # '"' is the only ASCII one
    return text.translate(_QUOTES) if has else text


def _time_finder(text: str, time_text: str) -> tuple[Callable[[int], bool], int]:
    """Return a test whether `time_text` stands at an offset of `text` (case-insensitive, as
    re.I matches it) and the first offset where it does (-1: nowhere)."""
    if time_text.isascii() and (text.isascii() or FOLDS_TO_ASCII.search(text) is None):
        # Then only ASCII letters match the ASCII ones of the time text, and lower() keeps
        # every offset (only "İ" lower-cases to two characters): lower-cased copies compare.
        low, key = text.lower(), time_text.lower()
        return (lambda x: low.startswith(key, x)), low.find(key)
    literal = re.compile(re.escape(time_text), re.I)
    first = literal.search(text)
    return (lambda x: literal.match(text, x) is not None), first.start() if first else -1


def _time_start(text: str, x: int, depth: int, w: Words, at_time: Callable[[int], bool]) -> int:
    """Return where the time text starts behind at most 3 - `depth` time words from `x` (-1: it does not).

    The ways are tried in the order the regex engine tries
    "(?:\\b(?:<time words>)\\s+){0,3}<time text>": one more word first (in the
    alternation's order, the longest run of whitespace first), the time text itself last.
    """
    if depth < 3 and w.time_word.match(text, x):
        first = text[x]
        if w.time_word_by_first is None or FOLDS_TO_ASCII.match(first):
            candidates = w.time_word_each
        else:
            candidates = w.time_word_by_first.get(first.lower(), ())
        for word in candidates:
            m = word.match(text, x)
            if m:
                for end in range(m.end(), m.start(1), -1):
                    found = _time_start(text, end, depth + 1, w, at_time)
                    if found >= 0:
                        return found
    return x if at_time(x) else -1


def _drop_time(text: str, time_text: str, w: Words) -> str:
    """Remove the time expression and the words that go with it ("pada hari Rabu").

    What `re.sub(r"(?:\\b(?:<time words>)\\s+){0,3}<time text>(?:\\s*\\([^()]*\\))?", " ",
    text, count=1, flags=re.I)` does, without compiling a pattern for every time text
    (a third of a millisecond each: ten headlines' worth).
    """
    return _drop_time_at(text, time_text, w)[0]


def _drop_time_at(text: str, time_text: str, w: Words) -> tuple[str, int]:
    """`_drop_time`, and where the removal left its space (-1: nothing was removed)."""
    if not time_text:
        return text, -1
    at_time, first = _time_finder(text, time_text)
    if first < 0:
        return text, -1
    # The match starts where a time word stands, or at `first`; its words and their
    # whitespace (single spaces, unless the text has wider ones) reach back no further
    # than `reach` from the time text, which stands at `first` or later.
    reach = first if _wide_space(text) else 3 * (w.longest_time_word + 1)
    start, pos = first, max(0, first - reach)
    while (m := w.time_word.search(text, pos)) is not None and m.start() < first:
        at = _time_start(text, m.start(), 0, w, at_time)
        if at >= 0:
            start = m.start()
            break
        pos = m.start() + 1
    else:
        at = _time_start(text, first, 0, w, at_time)
    end = at + len(time_text)
    paren = _PAREN.match(text, end)
    return text[:start] + " " + text[paren.end() if paren else end:], start


def _strip_lead(text: str, w: Words) -> str:
    """Drop discourse openers and a short leading clause, as long as anything changes."""
    while True:
        before = text
        text = _lstrip(w.opener, text).lstrip(" ,")
        head, sep, rest = text.partition(", ")
        if sep and len(rest.split()) >= _REST_WORDS_MIN:
            if len(head.split()) <= 2 or (w.lead_clause.match(text) and len(head.split()) <= _LEAD_WORDS_MAX * 2):
                text = rest
        if text == before:
            return text


def _main_verb_end(text: str, language: str, w: Words) -> int:
    """Return where the first verb of the main clause ends in `text` (-1: it has none) (`w`: words(language))."""
    return _main_verb_end_of(text, language)


@lru_cache(maxsize=8)  # a headline asks it of the same text in several steps
def _main_verb_end_of(text: str, language: str) -> int:
    """Return where the first verb of the main clause ends in `text` (-1: it has none).

    The verbs right after a relative word belong to the relative clause ("Resolution
    2397, which was adopted in 2017, ordered ..."): the main verb is the next verb
    after other words (or a comma) have closed that clause.
    """
    w = words(language)
    verb = verbs.first_verb(text, language)
    if verb is None or not w.relatives or w.relative_word.search(text, 0, verb[0]) is None:
        return verb[1] if verb else -1
    last = verb[1]
    while (verb := verbs.first_verb(text, language, last)) is not None:
        if w.relative_word.search(text, last, verb[0]) is None and text[last:verb[0]].strip():
            return verb[1]  # words or a comma closed the relative clause: the main verb
        last = verb[1]  # still the relative clause's verbs, or a new relative clause's first
    return -1


def _has_main_verb(text: str, language: str, w: Words) -> bool:
    return _main_verb_end(text, language, w) >= 0


def _trim(text: str, w: Words) -> str:
    """Drop dangling words and punctuation at the end ("… arrived between" → "… arrived")."""
    while True:
        head, _, last = text.rpartition(" ")
        if not head or last.lower().strip(",;:–—-") not in w.dangling:
            return text
        text = _tidy(head)


# What is left of a live entry's or an item's clock once its day is dropped, up to the title
# ("a.m. ET — Reports of gunfire in Bamako", "pukul 19.45 WIB: Goma jatuh"): the clock's rest
# an item's heading may carry (the language's clock_tail), then its dash or colon.
_TITLE_SEPARATOR = re.compile(r"\s*[—–:-]\s+")


def _after_clock(text: str, language: str) -> str:
    """Remove the rest of a clock that opens `text` before a dash or colon and a title."""
    tail = clock_tail(language).match(text).end()
    sep = _TITLE_SEPARATOR.match(text, tail)
    return text[sep.end():] if sep and text[:tail].strip(" ,") else text


def _lstrip(pattern: re.Pattern[str], text: str) -> str:
    """Remove what an anchored `pattern` matches at the start (`sub` would try every position)."""
    m = pattern.match(text)
    return text[m.end():] if m else text


def _strip_page(text: str, w: Words, language: str) -> str:
    """Remove what the page, not the sentence, says: datelines, site tags, labels, bylines, credits."""
    head = text[:_HEAD_CHARS]
    if any(d in head for d in _DASHES):  # a dateline ends with a dash, a site tag with punctuation after its name
        text = _lstrip(_DATELINE, text)
    if "." in head:
        text = _lstrip(_SITE_TAG, text)
    if ":" in head or "-" in head:
        text = _lstrip(w.label, text)
    if ("|" in text or "•" in text) and _PIPES.search(text):  # "By Jane Doe | Updated …": the telling part
        parts = sorted((p for p in _PIPES.split(text) if p.strip()), key=len, reverse=True)
        text = next((p for p in parts if verbs.has_verb(p, language)), parts[0]) if parts else text
    text = _CREDIT.sub("", text) if "/" in text else text
    return _REFERENCE.sub("", text) if "[" in text else text


def _segments(text: str) -> list[str]:
    return text.split(", ")


def _verb_first(segment: str, language: str) -> bool:
    """Tell whether a clause opens with a verb (lower-case: "menyebut …", "has kept …")."""
    return segment[:1].islower() and verbs.starts_with_verb(segment, language)


def _join_subject(text: str, language: str, w: Words) -> str:
    """Drop a relative clause between commas and the comma between a subject and its verb.

    "Presiden Rusia Vladimir Putin, yang tiba …, mengunjungi …" → "… Putin mengunjungi …";
    "Kementerian Pertahanan Korea Selatan, menyebut …" → "… Selatan menyebut …".
    """
    parts = _segments(text)
    if len(parts) < 2:
        return text
    inner = range(1, len(parts) - 1)  # a relative clause ends at a comma before the rest
    kept = [p for i, p in enumerate(parts) if not (i in inner and w.relative.match(p))]
    for k in range(1, min(len(kept), 3)):
        if verbs.has_verb(kept[k - 1], language):
            break
        if _verb_first(kept[k], language):
            if k + 1 < len(kept) and _participle(kept[k], w) and _verb_first(kept[k + 1], language):
                # "Resolution 2397, adopted [in late 2017], ordered ...", "X, ditemui di Y, menuturkan":
                # a participle between commas
                kept[k - 1:k + 2] = [kept[k - 1] + " " + kept[k + 1]]
            elif k == 1 or _lead(kept[0], w):
                # "X, verb": one subject; "After the talks, the two leaders, signed": the lead
                # phrase stays apart. "X, the Y of Z, said" is an appositive (_drop_appositive).
                kept[k - 1:k + 1] = [kept[k - 1] + " " + kept[k]]
            break
    return ", ".join(kept)


def _participle(clause: str, w: Words) -> bool:
    """Tell whether a short clause opens with a participle ("adopted in 2017", "ditemui di Jakarta")."""
    first = clause.partition(" ")[0].lower()
    return len(clause.split()) <= _PARTICIPLE_WORDS and any(
        first.startswith(a) and first.endswith(b) and len(first) > len(a) + len(b) + 2 for a, b in w.participles)


def _lead(phrase: str, w: Words) -> bool:
    """Tell whether a phrase before a comma is a lead phrase ("Pada penutupan", "After the talks")."""
    return bool(w.lead_clause.match(phrase + ", ") or w.opener.match(phrase))


def _name_like(segment: str) -> bool:
    """Tell whether a phrase is a person's name: two to a few words, each capitalised ("Sergei Shoigu")."""
    words = segment.split()
    return 1 < len(words) <= _NAME_WORDS and all(x[:1].isupper() for x in words)


def _drop_appositive(text: str, language: str, w: Words) -> str:
    """Keep one noun phrase of "Subject, appositive, verb …" (the name when there is one).

    "Russia's then defence minister, Sergei Shoigu, visited …" → "Sergei Shoigu visited …";
    "China, North Korea's main ally, has kept …" → "China has kept …".
    """
    parts = _segments(text)
    if _lead(parts[0], w):
        return text
    if verbs.has_verb(parts[0], language):
        return text
    for k in range(2, min(len(parts), 4)):
        if verbs.has_verb(parts[k - 1], language):
            return text
        if _verb_first(parts[k], language):
            subject = parts[0]
            if not _name_like(subject):
                subject = next((p for p in parts[1:k] if _name_like(p)), subject)
            return ", ".join([subject + " " + parts[k]] + parts[k + 1:])
    return text


def _cut(text: str, limit: int, w: Words, language: str = "en") -> str:
    """Cut `text` to `limit` at the last clause boundary, else preposition, else word — after its main verb.

    A coordinator ("and", "dan") is a clause boundary only after the main verb; a cut
    never leaves a dangling preposition or conjunction at the end.
    """
    if len(text) <= limit:
        return text
    # A break starting at `limit` reaches at most its word and a space further: the
    # text after `end` changes none of the breaks up to `limit`.
    end = limit + w.longest_break + 3
    main = _main_verb_end(text, language, w)
    low = max(_MIN_CUT, main) if 0 <= main <= limit else _MIN_CUT
    soft = [m.start() for m in w.soft_breaks.finditer(text, 0, end)]
    if 0 <= main <= limit:  # "… meninjau pabrik dan memerintahkan …", not "… minyak AS dan Brent akan …"
        soft += [m.start() for m in w.verb_breaks.finditer(text, main, end)
                 if verbs.starts_with_verb(text[m.end():].lstrip().partition(" ")[2], language)]
    cuts = [
        max((x for x in found if low <= x <= limit), default=0)
        for found in ([m.start() for m in w.breaks.finditer(text, 0, end)], soft)
    ]
    # A clause boundary wins unless it leaves little and a preposition (or, after the
    # main verb, a coordinator) leaves more.
    best = cuts[0] if cuts[0] >= limit // 2 else max(cuts)
    if best:
        return _trim(_tidy(text[:best]), w)
    head = _trim(text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-"), w)
    return head + "…"


def _close_gap(text: str, at: int, w: Words) -> str:
    """Close the gap a time expression left before a comma: "sanksi dari [2009 hingga 2024], ketika" → "sanksi, ketika".

    A dangling word left right before the gap goes; ", [in July 2000]," leaves one comma.
    """
    head, rest = text[:at].rstrip(), text[at:].lstrip()
    word = head.rpartition(" ")[2]
    if word.lower() in w.dangling:
        head = head[: len(head) - len(word)].rstrip()
    if head.endswith(","):
        rest = rest[1:]  # "His previous trip, [in July 2000], came" → "His previous trip, came"
    return head + rest if rest.startswith(",") else head + " " + rest


def _glues_verbs(dropped: str, at: int, language: str) -> bool:
    """Tell whether removing the time text (its space at `at`) put two verbs side by side.

    "X yang dimulai [Senin] dijadwalkan …": the time expression closed a relative
    clause there; without it the main verb is lost.
    """
    if at <= 0:
        return False
    before = dropped[:at].rstrip()
    word = before.rsplit(" ", 1)[-1]
    after = dropped[at:].lstrip()
    return bool(word and after and word[:1].islower() and after[:1].islower()
                and verbs.starts_with_verb(word, language) and verbs.starts_with_verb(after, language))


def _appositive(text: str, language: str) -> bool:
    """Tell whether a text opens with noun phrases, then a clause opening with a verb ("the minister, said …")."""
    parts = _segments(text)
    for k in range(1, min(len(parts), 3)):
        if verbs.has_verb(parts[k - 1], language):
            return False
        if _verb_first(parts[k], language):
            return True
    return False


def _drop_relative(text: str, language: str, w: Words, limit: int) -> str:
    """Drop a relative clause between the subject and the main verb when the verb would be cut off.

    "Latihan militer … yang dimulai Senin dijadwalkan berlangsung …" → "Latihan … dijadwalkan …".
    """
    m = w.relative_word.search(text) if w.relatives else None
    if m is None:
        return text
    main = _main_verb_end(text, language, w)
    if main < 0 or main <= limit - _MIN_TITLE or m.start() >= main:
        return text
    start = next(a for a, b in verbs.verb_spans(text, language) if b == main)
    clause = text[m.start():start]
    if len(clause.split()) > _RELATIVE_WORDS or "," in clause:
        return text  # a long stretch may hide the real main verb: the detector misses some
    before = text[:m.start()].rstrip().rpartition(" ")[2].lower()
    if not before or before in w.dangling:
        return text  # "lebih lunak daripada yang diharapkan": a relative clause without a head noun
    shorter = _tidy(text[:m.start()] + " " + text[start:])
    return shorter if _has_main_verb(shorter, language, w) else text


def _time_is_subject(text: str, dropped: str, time_text: str, language: str) -> bool:
    """Tell whether the time expression opens the sentence as its subject ("The early 1990s were …")."""
    if not time_text or text[: len(time_text)].lower() != time_text.lower():
        return False
    rest = text[len(time_text):]
    return not rest.lstrip().startswith(",") and _verb_first(_tidy(dropped), language)


_MARKDOWN = re.compile(r"\*\*|__|^#{1,6}\s+|^\d{1,3}[.)]\s+(?=\S)")  # bold, a heading, a list number


def title_of(sentence: str, time_text: str = "", language: str = "id", limit: int = TITLE_MAX) -> str:
    """Return a headline of at most `limit` characters for an event told by `sentence`.

    The headline is the sentence's main clause with its verb: datelines, site tags,
    captions, bylines and credits go, then discourse openers, the time expression,
    parentheticals, relative clauses between commas and attribution tails; a long
    clause loses its appositives, then is cut at a clause boundary after its verb and
    never ends on a preposition or conjunction. A removal that would leave no verb is
    not made.

    >>> title_of("Puncaknya, pada 18 Juni 2024, Kim Jong Un dan Vladimir Putin menandatangani "
    ...          "Traktat Kemitraan Strategis Komprehensif di Pyongyang.", "18 Juni 2024")
    'Kim Jong Un dan Vladimir Putin menandatangani Traktat Kemitraan Strategis Komprehensif'
    >>> title_of("On Friday, Russia and North Korea signed a treaty, officials said.", "Friday", "en")
    'Russia and North Korea signed a treaty'
    >>> title_of("Sergei Lavrov, the foreign minister of Russia, said on Friday that the treaty would "
    ...          "take effect within weeks, after both parliaments had ratified it.", "Friday", "en")
    'Sergei Lavrov said that the treaty would take effect within weeks'
    """
    w = words(language)
    plain = _MARKDOWN.sub("", " ".join(sentence.split()))  # "- **June 2** —", "# Heading"
    text = page = _strip_page(_lstrip(_PREFIX, plain), w, language)
    text = _lstrip(w.caption, text)
    dropped, at = _drop_time_at(text, time_text, w)
    removed = at >= 0 and not (_time_is_subject(text, dropped, time_text, language)
                               or _glues_verbs(dropped, at, language))
    if removed and dropped[at:].lstrip()[:1] == ",":
        dropped = _close_gap(dropped, at, w)
    text = _unquote(_lstrip(_PREFIX, _unparen(_after_clock(dropped, language) if removed else text)))
    # _tidy leaves tidy text as it is: it runs again only on what a removal changed.
    text = _tidy(text)
    told = None  # whether the text has a main verb, asked only when a removal might take it
    cut = w.attribution.sub("", text)
    if cut != text:
        told = _has_main_verb(text, language, w)
        if _has_main_verb(cut, language, w) or not told:
            text = _tidy(cut)
    text = _join_subject(text, language, w) if "," in text else text
    stripped = _strip_lead(text, w)
    # what is left must be a clause of its own ("China, North Korea's main ally, has kept" keeps "China")
    if stripped != text:
        told = _has_main_verb(text, language, w) if told is None else told
        if (_has_main_verb(stripped, language, w) and not _appositive(stripped, language)) or not told:
            text = _tidy(stripped)
    if len(text) < _MIN_TITLE and not verbs.has_verb(text, language):  # "Date signed" stays a title
        text = _tidy(_unquote(_unparen(_lstrip(_PREFIX, page)))) or _tidy(plain)
    if len(text) > limit and "," in text:
        text = _drop_appositive(text, language, w)
    if len(text) > limit:
        text = _drop_relative(text, language, w, limit)
    text = _trim(_cut(text, limit, w, language), w) if len(text) > limit else _trim(text, w)
    return text[:1].upper() + text[1:]
