"""Compiled per-language patterns for the candidate scan, built once from data/lang/.

Each rule is a regex template over named tokens (<MON>, <WD>, <QUAL>, ...) that the
language file fills in; a rule's handler in rules.py turns a match into a candidate.
Templates are shared by all languages: a token a language does not use compiles to
a pattern that never matches.
"""
from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import gate as start_gate
from .lexicon import DATA_DIR, Lexicon, alternation, load, norm

# Rule names, most specific first: on equal length the earlier rule wins.
TEMPLATES: tuple[tuple[str, str], ...] = (
    # ISO, and its slashed or dotted form of East Asian pages ("2024/06/20 16:42 KST", "2024.06.20").
    ("iso", r"(?<![\w/.-])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
            r"(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\w/-]|\.\d)"),
    ("wd_paren", r"(?<![\w-])(?:<DAYW>\s+)?(?P<wd><WD>)\s*,?\s*\(\s*(?P<a>\d{1,2})\s*(?P<s>[/.-])\s*(?P<b>\d{1,2})"
                 r"(?:\s*(?P=s)\s*(?P<y>\d{4}|\d{2}))?\s*\)(?:\s+(?P<tod><TOD>)(?!\w))?"),
    ("numeric", r"(?<![\w/.,:-])<WDPRE>(?P<a>\d{1,2})(?P<s>[/.-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4}|\d{2})"
                r"(?!\w|[/.,:-]\d)"),
    ("day_range_dm", r"(?<![\w/.,-])(?P<d1><D>)<ORD>\s*(?:[-–—]|<DJOIN>)\s*(?P<d2><D>)<ORD>(?:\s+<OF>)?\s+(?P<m><MON>)"
                     r"(?:\.|(?!\w))(?:,?\s+(?:<YW>\s+)?(?P<y>\d{4})(?!\d)|(?<!\.)\s+(?P<mod><MA>)(?!\w))?"),
    ("wd_range_paren", r"(?<![\w-])(?:<DAYW>\s+)?(?P<wd><WD>)\s*[-–—]\s*(?P<wd2><WD>)\s*,?\s*\(\s*(?P<d1>\d{1,2})\s*[-–—]\s*"
                       r"(?P<d2>\d{1,2})\s*/\s*(?P<mo>\d{1,2})(?:\s*/\s*(?P<y>\d{4}|\d{2}))?\s*\)"),
    ("week_of_month", r"(?<![\w-])(?:the\s+)?(?:(?P<o><ORDW>|<LASTORD>)\s+<WEEKU>|<WEEKU>\s+(?:ke-?)?(?P<o2><ORDW>|<LASTORD>))"
                      r"\s+(?:(?:of|in)\s+)?(?:(?P<r><MREF>)(?!\w)|(?:<MONTHW>\s+)?(?P<m><MON>)(?:\.|(?!\w))"
                      r"(?:,?\s+(?:<YW>\s+)?(?P<y>\d{4})(?!\d))?)"),
    ("weekday_of_month", r"(?<![\w-])(?:the\s+)?(?:(?P<o><ORDW>|<LASTORD>)\s+(?P<wd><WD>)|(?P<wd2><WD>)\s+(?P<o2><ORDW>|<LASTORD>))"
                         r"\s+(?:(?:of|in)\s+)?(?:(?P<r><MREF>)(?!\w)"
                         r"|(?:<MONTHW>\s+)?(?P<m><MON>)(?:\.|(?!\w))"
                         r"(?:,?\s+(?:<YW>\s+)?(?P<y>\d{4})(?!\d))?)"),
    ("day_of_month", r"(?<![\w-])(?:the\s+)?(?:(?P<o><ORDW>|<LASTORD>)\s+<DAYU>|<DAYU>\s+(?:ke-?)?(?P<o2><ORDW>|<LASTORD>))"
                     r"\s+(?:(?:of|in)\s+)?(?:(?P<r><MREF>)(?!\w)|(?:<MONTHW>\s+)?(?P<m><MON>)(?:\.|(?!\w))"
                     r"(?:,?\s+(?:<YW>\s+)?(?P<y>\d{4})(?!\d))?)"),
    ("day_range_md", r"(?<![\w/.,-])(?P<m><MON>)\.?\s+(?P<d1><D>)<ORD>\s*(?:[-–—]|<DJOIN>)\s*(?P<d2><D>)<ORD>"
                     r"(?:,?\s+(?P<y>\d{4}))?(?![\w]|[.,:]\d)"),
    ("month_range", r"(?<![\w-])(?P<m1><MON>)\.?\s*(?:[-–—]|<DJOIN>)\s*(?P<m2><MON>)"
                    r"(?:\.?,?\s+(?:<YW>\s+)?(?P<y>\d{4})(?!\d)|(?!\w))"),
    ("season", r"(?<![\w-])(?:(?P<q><QUAL>)\s+)?(?:the\s+)?(?:(?P<ya>\d{4})(?:\s*[/–-]\s*(?P<yb>\d{4}|\d{2}))?\s+)?"
               r"(?P<s><SEASON>)(?:\s+(?:(?:of|<YW>)\s+)?(?P<y>\d{4})(?:\s*[/–-]\s*(?P<y2>\d{4}|\d{2}))?)?(?![\w%]|[.,]\d)"),
    # "November dua tahun lalu", "March three years ago": that month of the year so many years back.
    ("month_years_ago", r"(?<![\w-])(?:(?P<q><QUAL>)(?:\s+|\s*-\s*))?(?:<MONTHW>\s+)?(?P<m><MON>)\.?\s+"
                        r"(?:(?P<n><NUM>|\d{1,2})\s*(?P<u><UNIT>)|(?P<se><ONE>)(?P<u2><UNIT>))"
                        r"\s+(?P<mod><CA>)(?!\w)"),
    ("month_year_ref", r"(?<![\w-])(?:(?P<q><QUAL>)(?:\s+|\s*-\s*))?(?:(?P<d><D>)<ORD>\s+(?:<OF>\s+)?)?"
                       r"(?:<MONTHW>\s+)?(?P<m><MON>)\.?"
                       r"(?:\s+(?P<d2><D>)<ORD>,?)?(?:\s+of)?\s+"
                       r"(?:(?P<mod><UB>)\s+(?P<u><UNIT>)|(?P<u2><UNIT>)\s+(?P<mod2><UA>))(?!\w)"),
    ("season_ref", r"(?<![\w-])(?:(?P<q><QUAL>)(?:\s+|\s*-\s*))?(?:the\s+)?(?P<s><SEASON>)\s+(?:of\s+)?"
                   r"(?:(?P<mod><UB>)\s+(?P<u><UNIT>)|(?P<u2><UNIT>)\s+(?P<mod2><UA>))(?!\w)"),
    # A season without a year: "in the spring", "that summer", "last winter", "musim panas lalu"
    # (not "the fall of Kabul", nor a season a year or year word follows: the rules above).
    ("season_before", r"(?<![\w-])(?P<mod><SB>)\s+(?:(?P<q><QUAL>)\s+)?(?P<s><SEASON>)(?!\w)"
                      r"(?!\s+(?:of|<YW>)(?!\w))(?!\s*['’]?\d)"),
    ("season_after", r"(?<![\w-])(?:(?P<q><QUAL>)\s+)?(?P<s><SEASON>)\s+(?P<mod><SA>)(?!\w)"),
    ("fiscal", r"(?<![\w-])(?P<fw><FISC>)\s*['’]?(?P<y>\d{4}|\d{2})(?:\s*[/–-]\s*(?P<y2>\d{4}|\d{2}))?(?![\w%]|[.,]\d)"
               r"(?:,?\s+(?:the\s+)?<FISC>\s+[^,.;\n]{0,30}?(?<!\w)<MON>(?:\s+\d{1,2})?(?:,?\s+\d{4})?(?!\w))?"),
    ("weekend", r"(?<![\w-])(?P<w><WKND>)(?!\w)(?!\s+(?:<UA>)(?!\w))"),
    ("holiday", r"(?<![\w-])(?P<h><HOL>)(?:,?\s+(?P<y>\d{4})(?!\d)"
                r"(?:\s*(?P<hy>H|AH|Hijriah|Hijriyah)(?!\w))?"  # "Idul Fitri 1445 H": a Hijri year
                r"|\s+(?:(?P<mod><UB>)\s+(?P<u><UNIT>)|(?P<u2><UNIT>)\s+(?P<mod2><UA>)))?"  # "… last year"
                r"(?!\w)"),
    ("qual_unit", r"(?<![\w-])(?P<q><QUAL>)\s+(?P<w><NARR>)(?!\w)"),
    ("year_range", r"(?<![\w.,/$€£¥#:-])(?:<YW>\s+)?(?P<y1>\d{4})\s*(?P<j>[-–—/]|<YJOIN>)\s*(?:<YW>\s+)?"
                   r"(?P<y2>\d{4}|\d{2})(?![\w%]|[.,/:]\d|-\d)"),
    ("dmy", r"(?<![\w/.,])(?<![\d\s]-)<WDPRE>(?:<DATEW>\.?\s+)?(?P<d><D>)<ORD>(?:\s+<OF>)?(?:\s+|\s*-\s*)(?P<m><MON>)\.?"
            r"(?:,?\s+|\s*-\s*)(?:<YW>\s+)?(?P<y>\d{4})(?!\d)"),
    # (a space may stand before the comma in tokenised text: "February 11 , 2013")
    ("mdy", r"(?<![\w/.,-])<WDPRE>(?P<m><MON>)\.?\s+(?P<d><D>)<ORD>(?:\s?,\s*|\s+)(?P<y>\d{4})(?!\d)"),
    ("qmy", r"(?<![\w-])(?P<q><QUAL>)(?:\s+|\s*-\s*)(?:(?:<MONTHW>|of)\s+)?(?P<m><MON>)(?:\.|(?!\w))"
            r"(?:,?\s+(?:(?:<YW>|of)\s+)?(?P<y>\d{4})(?!\d)|(?<!\.)\s+(?P<mod><MA>)(?!\w))?"),
    ("my", r"(?<![\w/.,-])(?:<MONTHW>\s+)?(?P<m><MON>)\.?,?\s+(?:(?:<YW>|of)\s+)?(?P<y>\d{4})(?!\d)"),
    ("dm", r"(?<![\w/.,-])<WDPRE>(?:<DATEW>\.?\s+)?(?P<d><D>)<ORD>(?:\s+<OF>)?(?:\s+|\s*-\s*)(?P<m><MON>)"
           r"(?:\.|(?!\w)(?:\s+(?P<mod><MA>)(?!\w))?)"),
    ("md", r"(?<![\w/.,-])<WDPRE>(?P<m><MON>)\.?\s+(?P<d><D>)<ORD>(?![\w]|[.,:/]\d|\s*\d)"),
    ("month_after", r"(?<![\w-])(?:<MONTHW>\s+)?(?P<m><MON>)\s+(?P<mod><MA>)(?!\w)"),
    ("month_before", r"(?<![\w-])(?P<mod><MB>)\s+(?P<m><MON>)(?!\w|\.?\s*\d)"),
    ("month_alone", r"(?<![\w-])(?P<cue><MCUE>)\s+(?P<m><MON>)(?!\w|\.?\s*\d)"),
    ("decade4", r"(?<![\w-])(?:(?P<q><QUAL>)(?:\s+|\s*-\s*))?(?:<DW>\s+)?(?P<y>1\d{2}0|20\d0)(?P<suf><DS>)(?!\w)"),
    ("decade2", r"(?<![\w-])(?:(?P<q><QUAL>)(?:\s+|\s*-\s*))?(?:(?P<pre><DW>)\s+)?(?P<ap>['’‘])?(?P<y>\d0)(?P<suf><DS>)(?!\w)"),
    ("century_id", r"(?<![\w-])(?:(?P<q><QUAL>)\s+)?<CW>\s+(?:ke[-\s]?)?(?P<n>\d{1,2}|[IVXLC]+)(?!\w)"),
    ("century_en", r"(?<![\w-])(?:(?P<q><QUAL>)(?:\s+|\s*-\s*))?(?:the\s+)?(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<nw><ORDW>))"
                   r"[\s-]+<CW>(?!\w)"),
    ("quarter_id", r"(?<![\w-])<QW>\s*(?:ke[-\s]?)?(?P<o><ORDW>|<LASTORD>)(?!\w)"
                   r"(?:(?:\s*[-/]\s*|\s+)(?:<YW>\s+)?(?P<y>\d{4}(?!\d)|<YREL>))?"),
    ("quarter_en", r"(?<![\w-])(?:the\s+)?(?P<o><ORDW>|<LASTORD>)[\s-]+<QW>(?!\w)"
                   r"(?:\s+of(?:\s+the)?(?:\s+<YW>)?\s+(?P<y>\d{4}(?!\d)|<YREL>|<YW>))?"),
    ("quarter_q", r"(?<![\w-])(?:Q(?P<o>[1-4])|(?P<o2>[1-4])Q)\s*[-/'’]?\s*(?P<y>\d{4}|\d{2})(?!\d)"),
    ("half_id", r"(?<![\w-])<HW>\s*(?:ke[-\s]?)?(?P<o><ORDW>|<LASTORD>)(?!\w)"
                r"(?:\s*[-/]\s*|\s+)(?:<YW>\s+)?(?P<y>\d{4}(?!\d)|<YREL>)"),
    ("half_en", r"(?<![\w-])(?:the\s+)?(?P<o><ORDW>|<LASTORD>)\s+<HW>\s+of(?:\s+the)?(?:\s+<YW>)?\s+(?P<y>\d{4}(?!\d)|<YREL>|<YW>)"),
    ("half_h", r"(?<![\w-])(?:H(?P<o>[12])|(?P<o2>[12])H)\s*[-/'’]?\s*(?P<y>\d{4}|\d{2})(?!\d)"),
    ("set", r"(?<![\w-])(?P<sw><SETW>)\s+(?:(?P<n><NUM>|\d{1,3})\s*)?(?:(?:<DAYW>\s+)?(?P<wd><WD>)|(?P<u><UNIT>))(?!\w)"),
    ("count", r"(?<![\w-])(?:(?P<pre><DB>(?:\s+<DB>)*)\s+)?(?:(?P<n><NUM>|\d{1,4}(?:[.,]\d+)?|<VAGUE>)\s*(?:-\s*)?(?P<u><UNIT>)"
              r"|(?P<se><ONE>)(?P<u2><UNIT>))(?:\s+(?P<mod><CA>|<DA>))?(?!\w)"),
    ("unit_after", r"(?<![\w-])(?:(?P<q><QUAL>)\s+)??(?P<u><UNIT>)\s+(?P<mod><UA>)(?!\w)"),
    ("unit_clause", r"(?<![\w-])(?P<u><UNIT>)\s+(?P<mod><CA>)(?!\w)"),
    ("unit_before", r"(?<![\w-])(?:(?P<q><QUAL>)\s+)?(?P<mod><UB>)\s+(?P<u><UNIT>)(?!\w)"),
    ("deictic", r"(?<![\w-])(?P<w><DEI>)(?:\s*\(\s*(?:(?P<pwd><WD>)|(?P<pa>\d{1,2})\s*/\s*(?P<pb>\d{1,2})"
                r"(?:\s*/\s*(?P<py>\d{4}|\d{2}))?)\s*\))?(?:\s+(?P<tod><TOD>))?(?!\w)"),
    ("time_ref", r"(?<![\w-])(?P<w><VREF>)(?!\w)"),
    ("anaphoric", r"(?<![\w-])(?P<w><ANA>)(?!\w)"),
    ("since_then", r"(?<![\w-])(?P<w><SINCETHEN>)(?!\w)"),
    ("year_past", r"(?<![\w.,/$€£¥#:-])(?:<YW>\s+)?(?P<y>\d{4})\s+(?P<mod><YPAST>)(?!\w)"),
    ("qy", r"(?<![\w-])(?P<q><QUAL>)(?:\s+|\s*-\s*)(?:<YW>\s+)?(?P<y>\d{4})(?![\d%]|-?an\b|s\b|['’]s)"),
    ("year_word", r"(?<![\w-])(?:the\s+)?<YW>\s+(?P<y>\d{4})(?![\d%]|[.,]\d|-?an\b|s\b|['’]s)"),
    ("weekday", r"(?<![\w-])(?:(?P<pre><WB>)\s+)?(?:<DAYW>\s+)?(?P<wd><WD>)(?:\s+(?P<wk><WEEKW>)\s+(?P<wkmod><UA>))?"
                r"(?:\s+(?P<tod><TOD>))?(?:\s+(?P<mod><WA>))?(?!\w)"),
    ("clock", r"(?<![\w.,:/-])(?:(?P<cue><CLK>)\s+)?(?P<h>[01]?\d|2[0-4])[.:](?P<mi>[0-5]\d)"
              r"(?:\s*(?:[-–—]|s\.?d\.?|s/d)\s*(?:[01]?\d|2[0-4])[.:][0-5]\d)?"
              r"(?:\s*(?P<ampm>[ap]\.\s?m\.|[ap]m(?!\w)))?(?:\s+(?P<tz><TZ>))?(?!\w|[.,:]\d)"),
    ("clock_word", r"(?<![\w.,:/-])(?:(?P<cue><CLKW>)\s+(?P<h>[01]?\d|2[0-4])(?:\s+(?P<tod><TOD>))?"
                   r"|(?P<h2>1[0-2]|0?[1-9])\s*(?P<ampm>[ap]\.m\.|[ap]m(?!\w)))(?:\s+(?P<tz><TZ>))?(?!\w)"),
    ("month_bare", r"(?<![\w/.,-])(?P<m><MONBARE>)(?!\w|\.?\s*\d|-)"),
    ("bare_year", r"(?<![\w.,/$€£¥#:-])(?P<y>\d{4})(?![\w%]|[.,/:]\d|-\d|\s*%|['’]s)"),
)


@dataclass(frozen=True)
class Grammar:
    """A language's compiled rules and the lookup tables their handlers use."""

    language: str
    lex: Lexicon
    rules: tuple[tuple[str, re.Pattern], ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    qualifiers: dict[str, str]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    ambiguous_months: frozenset[str]
    ambiguous_weekdays: frozenset[str]
    day_parts: frozenset[str]  # "before dawn": a part of the day its sentence has just named
    future: re.Pattern
    past: re.Pattern  # a word of the past tense ("struck", "-ed"), verbs of saying aside (see _past)
    looking_back: re.Pattern  # the past perfect: "had finished", an earlier time than the story's
    since: re.Pattern  # matches a since-word right before a candidate
    looks_back: re.Pattern  # "since" anywhere: a date after it lies before the sentence's time
    weekday_ahead: re.Pattern  # "would" (group 1), no sentence end after it, ending where the text ends
    until: re.Pattern
    range_join: re.Pattern  # matches the text between two candidates of a range
    range_open: re.Pattern
    quantity_after: re.Pattern
    before_number: re.Pattern  # currency/number words right before a bare number
    year_cue: re.Pattern
    furniture: re.Pattern
    comparison: re.Pattern  # a comparison cue shortly before a date: the date is a baseline
    comparison_next: re.Pattern  # a comparison cue right before a date ("against last year")
    record_since: re.Pattern  # a superlative, then "since" right before a date ("the highest since 2008")
    zone: re.Pattern  # a time zone ("KST", "local time") or a place's clock ("Eastern time", "waktu Seoul")
    publication_label: re.Pattern
    publication_footer: re.Pattern  # a closing line's words that give the publication date
    byline: re.Pattern  # "By Jane Doe", "LAPORAN: ADITYA NUGRAHA": a byline label and a name (layout.bylines)
    furniture_before: re.Pattern  # "Retrieved", "Diakses": a date right after it is page furniture
    stamp_before: re.Pattern  # "Data as of": a date right after it that ends its sentence is page furniture
    copyright: re.Pattern  # a line opening with "©", "Copyright", "Hak cipta": its years date the page
    range_start: re.Pattern  # what follows a range's first date: a dash, then "present" or another date
    photo_credit: re.Pattern  # "(Photo: AFP)", "(Foto: Sputnik via AP)" ending a line: a caption's credit
    contact: re.Pattern  # "saat dihubungi", "when contacted" shortly before a date: the interview's time
    housekeeping: re.Pattern  # a sentence about the page itself ("This blog will be updated through …")
    named_period: re.Pattern  # "War", "Perang": a parenthesised range after it is no life
    speech: re.Pattern  # verbs of saying: a future cue after one is reported speech
    follows: re.Pattern  # "The raid came ", "Serangan itu terjadi ": on the last sentence's happening
    gate: start_gate.Gate  # where each rule may start in a text (see gate.py)
    before: re.Pattern  # "before", "sebelum" right before a year: a background interval, no happening
    clause_opener: re.Pattern  # ", and", ";", ", sementara": a new clause starts
    clock_join: re.Pattern  # the text between a day and its clock time: "28 Desember 2014 pukul 07.24"
    # what may stand between an item's date and its title: the rest of a clock and its zone
    # ("2025-01-27 8:20 a.m. ET — Heavy fighting", "Senin (27/1/2025) pukul 19.45 WIB: Goma jatuh")
    clock_tail: re.Pattern
    upcoming_month: re.Pattern  # "pengiriman" right before a bare month: the coming one
    upcoming_after: re.Pattern  # "delivery" right after a bare month ("January delivery"): the coming one
    ago_today: re.Pattern  # "today" right after a count before publication: "a year ago today"
    ago_this: re.Pattern  # "this month" right after one: "two years ago this month"
    indefinite_before: re.Pattern  # "a", "suatu" right before a weekday: "on a Monday", no date
    attributive_after: re.Pattern  # a noun after "a Friday": "at a Friday news conference" is that Friday
    zone_or_small_hours: re.Pattern  # `zone`, or the small hours ("dini hari"): a day may shift by a zone


def _dateparser_info(language: str) -> dict:
    """Return dateparser's word data of `language` ({} when it has none), importing dateparser only at need.

    Importing the dateparser package costs a tenth of a second of every start; its data of
    one language is a plain module holding an `info` dict, read here on its own (the same
    as dateparser's own loader gives for a bare language code: tests/test_lexicon.py).
    """
    path = _dateparser_file(language)
    if path is None:
        return _dateparser_loaded(language)
    try:
        code = compile(path.read_bytes(), str(path), "exec")
    except (OSError, SyntaxError, ValueError):
        return _dateparser_loaded(language)
    space: dict = {}
    exec(code, space)  # the installed package's own data module, as its loader would import it
    info = space.get("info")
    if not isinstance(info, dict) or info.get("locale_specific", {}).get(language):
        return _dateparser_loaded(language)  # a layout this reader does not know
    return {k: v for k, v in info.items() if k != "locale_specific"}


def _dateparser_file(language: str) -> Path | None:
    """Return dateparser's data module of `language`, found without importing it (None: no package)."""
    spec = importlib.util.find_spec("dateparser")
    if spec is None or not spec.submodule_search_locations or not language.isalpha():
        return None
    return Path(spec.submodule_search_locations[0]) / "data" / "date_translation_data" / f"{language}.py"


def _dateparser_loaded(language: str) -> dict:
    """Return dateparser's word data of `language` through its own loader ({} when it has none)."""
    try:
        from dateparser.languages.loader import default_loader

        return default_loader.get_locale(language).info
    except Exception:  # an unknown language code: our own lists are enough
        return {}


def _dateparser_months(language: str) -> dict[str, int]:
    """Return month names dateparser knows for `language` (3+ letters), to widen our lists."""
    info = _dateparser_info(language)
    names = ("january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december")
    return {norm(w): i for i, key in enumerate(names, 1) for w in info.get(key, []) if len(w) >= 3 and w.isalpha()}


_CONTACT_GAP = 30  # characters a contact cue ("saat dihubungi") may stand before the date it claims
# A person's name in a byline: capitalised words or initials ("Jane Doe", "A. Writer",
# "ADITYA NUGRAHA", "Kim Seo-yeon"), several joined by commas, "and", "dan" or "&", each
# word maybe followed by the writer's place in parentheses ("Hannah Park (Seoul)").
_NAME_WORD = r"(?:[A-Z][\w'’.-]*(?:\s*\([A-Z][^()\n|]{0,40}\))?)"
_NAME = _NAME_WORD + r"(?:(?:\s*,\s*|\s+(?:and|dan|&)\s+|\s+)" + _NAME_WORD + r"){0,7}"


_NEVER = re.compile(r"(?!)")


def _follows(lex: Lexicon) -> re.Pattern:
    """Return the pattern of a sentence opening on the last one's happening and its verb of taking place.

    "The raid came ", "Serangan itu terjadi ", "It came ": the subject names what the
    sentence before told (a determiner before its noun, a demonstrative after it, or a
    pronoun), then `follow_verbs`; what is counted after it is counted from that day.
    """
    verbs = lex.words("follow_verbs")
    if not verbs:
        return _NEVER
    word = r"[^\W\d_][\w'’-]*"
    subjects = []
    if lex.words("follow_before"):
        subjects.append(alternation(lex.words("follow_before")) + rf"\s+(?:{word}\s+){{0,2}}?{word}")
    if lex.words("follow_after"):
        subjects.append(rf"(?:{word}\s+){{1,3}}?" + alternation(lex.words("follow_after")))
    if lex.words("follow_pronouns"):
        subjects.append(alternation(lex.words("follow_pronouns")))
    return re.compile(r"[\W_]*(?:" + "|".join(subjects) + r")\s+" + alternation(verbs) + r"\s+", re.I)


def _listed(words: list[str]) -> re.Pattern:
    """Return the pattern of any of `words` as whole words, any case (never matching when there are none)."""
    return re.compile(r"(?<!\w)" + alternation(words) + r"(?!\w)", re.I) if words else _NEVER


def _future(lex: Lexicon) -> re.Pattern:
    """Return the pattern of a future cue, each of future_cues_not_after guarded by the words before it."""
    guarded = lex.table("future_cues_not_after")
    # "The next eruption came in mid-March": a cue that is a noun's determiner is none when that
    # noun's verb is in the past tense
    determiners = {norm(w) for w in lex.words("future_determiners")}
    cues = [w for w in lex.words("future_cues") if norm(w) not in guarded and norm(w) not in determiners]
    parts = [alternation(cues)] + ["".join(fr"(?<!{re.escape(b)}\s)" for b in before) + alternation([cue])
                                   for cue, before in guarded.items()]
    if determiners:
        parts.append(alternation(sorted(determiners)) + r"(?!\s+[^\W\d_]+\s+" + _past(lex).pattern + ")")
    # (a contraction's cue follows its word: "I’ll")
    return re.compile(r"(?:(?<!\w)|(?=['’]))(?:" + "|".join(parts) + r")(?!\w)", re.I)


def _past(lex: Lexicon) -> re.Pattern:
    """Return the pattern of a past-tense word: a past cue, or a word with a past ending not in past_not."""
    words = lex.words("past_cues")
    endings = lex.words("past_endings")
    parts = [alternation(words)] if words else []
    if endings:
        not_past = lex.words("past_not") + lex.words("speech_verbs")
        guard = r"(?!(?:" + alternation(not_past) + r")(?!\w))" if not_past else ""
        parts.append(guard + r"[^\W\d_]{2,}(?:" + alternation(endings) + ")")
    if not parts:
        return _NEVER
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.I)


def _looking_back(lex: Lexicon) -> re.Pattern:
    """Return the pattern of the past perfect: a word of `looking_back_cues` before a word of the past."""
    cues = lex.words("looking_back_cues")
    if not cues:
        return _NEVER
    return re.compile(r"(?<!\w)" + alternation(cues) + r"\s+(?:\w+\s+)?" + _past(lex).pattern, re.I)


def _tail(words: list[str]) -> re.Pattern:
    """Compile "one of `words` ending right where the text ends" (text before a candidate)."""
    return re.compile(r"(?<![\w-])" + alternation(words) + r"\s*$", re.I)


GRAMMAR_CACHE = "grammar"  # the user-cache entries of the compiled grammars, one per language


@lru_cache(maxsize=None)
def build(language: str) -> Grammar:
    """Return the grammar of `language`, compiled once per process and kept in the user cache.

    Building it (the rules filled with the word lists, their regular expressions, the
    start gate) was a quarter of a short run's start-up. It is kept with its patterns'
    compiled code (regexpickle) under a key of everything it is built from: the language
    files, dateparser's data of the language, this package's builder modules and the
    running Python, so an edited word list or another Python builds it again.
    """
    from .. import cache, regexpickle

    here = Path(__file__).parent
    # (datafile.py reads the word lists: how it reads them is part of what the grammar is built from)
    sources = [here / "grammar.py", here / "gate.py", here / "lexicon.py", here.parent / "datafile.py",
               Path(regexpickle.__file__)]
    key = cache.key([*sorted(DATA_DIR.glob("*.yaml")), *sources], [_dateparser_file(language)],
                    extra=f"{language} {regexpickle.VERSION}")
    name = f"{GRAMMAR_CACHE}-{language}"
    kept = cache.load_bytes(name, key, ".pickle")
    if kept is not None:
        try:
            grammar = regexpickle.loads(kept)
            if isinstance(grammar, Grammar):
                return grammar
        except Exception:  # noqa: BLE001 - a damaged entry: build it again
            pass
    grammar = _build(language)
    cache.keep_bytes(name, key, regexpickle.dumps(grammar), ".pickle")
    return grammar


def _build(language: str) -> Grammar:
    """Return the grammar of `language`, built from its word lists."""
    lex = load(language)
    months = {**_dateparser_months(language), **lex.numbered("months")}
    weekdays = lex.numbered("weekdays")
    qualifiers = lex.grouped("qualifiers")
    numbers = lex.numbered("numbers")
    ordinals = lex.numbered("ordinals")
    units = lex.grouped("units")
    past_words = [w for w, v in lex.table("month_after").items() if v == "past"]
    # Tokens that are word lists ("one of these words"); the start gate (gate.py) reads
    # the words themselves, the rules their alternation.
    lists: dict[str, list[str]] = {
        "MON": list(months),
        "WD": list(weekdays),
        "WDALL": list(weekdays),
        "OF": lex.words("of_words"),
        "DAYW": lex.words("day_words"),
        "DATEW": lex.words("date_words"),
        "YW": lex.words("year_words"),
        "MONTHW": lex.words("month_words"),
        "TOD": lex.words("times_of_day"),
        "QUAL": list(qualifiers),
        "NUM": list(numbers),
        "VAGUE": lex.words("vague_counts"),
        "ONE": [lex.raw.get("one_prefix") or ""],
        "UNIT": list(units),
        "UA": list(lex.table("unit_after")),
        "UB": list(lex.table("unit_before")),
        "CA": list(lex.table("count_after")),
        "DB": lex.words("duration_before"),
        "DA": lex.words("duration_after"),
        "MA": list(lex.table("month_after")),
        "MB": list(lex.table("month_before")),
        "MCUE": lex.words("month_cues"),
        "WA": list(lex.table("weekday_after")),
        "WB": list(lex.table("weekday_before")),
        "WEEKW": lex.words("week_words"),
        "DEI": list(lex.table("deictic")),
        "VREF": list(lex.table("time_refs")),
        "SETW": lex.words("set_words"),
        "MONBARE": lex.words("bare_months"),
        "ANA": list(lex.table("anaphoric")),
        "SINCETHEN": lex.words("since_then"),
        "QW": lex.words("quarter_words"),
        "HW": lex.words("half_words"),
        "ORDW": list(ordinals),
        "LASTORD": lex.words("last_ordinal"),
        "CW": lex.words("century_words"),
        "DW": lex.words("decade_words"),
        "DS": lex.words("decade_suffixes"),
        "CLK": lex.words("clock_cues") + lex.words("clock_words"),
        "CLKW": lex.words("clock_words"),
        "TZ": lex.words("time_zones"),
        "YPAST": past_words,
        "SEASON": list(lex.grouped("seasons")),
        "SB": list(lex.table("season_before")),
        "SA": list(lex.table("season_after")),
        "WEEKU": [w for w, u in units.items() if u == "week"],
        "DAYU": [w for w, u in units.items() if u == "day"],
        "WKND": lex.words("weekend_words"),
        "HOL": list(lex.table("holidays")) + list(lex.table("cued_holidays")),
        "FISC": lex.words("fiscal_words"),
        "NARR": list(lex.table("narrative_units")),
        "MREF": list(lex.table("month_refs")),
        "DJOIN": [w for w in lex.words("range_join") if w.isalpha() or "." in w or "/" in w],
        "YJOIN": [w for w in lex.words("range_join") if (w.isalpha() or "/" in w) and w.lower() not in ("dan", "and")],
    }
    tokens = {name: alternation(words) for name, words in lists.items()}
    tokens["D"] = r"(?:3[01]|[12]\d|0?[1-9])"
    tokens["ORD"] = (lex.raw.get("ordinal_suffix") or "") + ("?" if lex.raw.get("ordinal_suffix") else "")
    year_units = [w for w, u in units.items() if u == "year"]
    tokens["YREL"] = (
        "(?:" + alternation(year_units) + r"\s+" + tokens["UA"] + "|" + tokens["UB"] + r"\s+" + alternation(year_units) + ")"
    )
    # "Sunday, 2 October 2022"; also with a time of day between: "Minggu dini hari, 2 Oktober 2022".
    tokens["WDPRE"] = r"(?:(?:<DAYW>\s+)?(?P<wd><WDALL>)\.?(?:\s+<TOD>)?(?:\s*,\s*|\s+))?"
    rules = []
    skip = set(lex.words("skip_rules"))
    for name, template in TEMPLATES:
        if name in skip:
            continue
        pattern = template
        for _ in range(3):  # tokens may hold tokens (<WDPRE> holds <DAYW>)
            pattern = re.sub(r"<([A-Z]+)>", lambda m: tokens[m.group(1)], pattern)
        rules.append((name, re.compile(pattern, re.I)))
    quantity = alternation(lex.words("quantity_after"))
    # (the zones' alternation is lower-cased: "WIB" and "GMT" match only case-insensitively)
    zone = re.compile(r"(?<!\w)(?:(?i:" + alternation(lex.words("time_zones"))
                      + r")|[A-Z][a-z]+ time|waktu [A-Z]\w+)(?!\w)")
    return Grammar(
        language=language,
        lex=lex,
        rules=tuple(rules),
        months=months,
        weekdays=weekdays,
        qualifiers=qualifiers,
        numbers=numbers,
        ordinals=ordinals,
        units=units,
        seasons=lex.grouped("seasons"),
        ambiguous_months=frozenset(norm(w) for w in lex.words("ambiguous_months")),
        ambiguous_weekdays=frozenset(norm(w) for w in lex.words("ambiguous_weekdays")),
        day_parts=frozenset(w.lower() for w in lex.words("day_parts")),
        future=_future(lex),
        past=_past(lex),
        looking_back=_looking_back(lex),
        since=_tail(lex.words("since_words")),
        looks_back=_listed(lex.words("since_back")),
        weekday_ahead=re.compile(r"(?<!\w)(" + alternation(lex.words("weekday_future_cues"))
                                 + r")(?!\w)[^.!?;:\n]*$", re.I),
        until=_tail(lex.words("until_words")),
        range_join=re.compile(r"\s*" + alternation(lex.words("range_join")) + r"\s*$", re.I),
        range_open=_tail(lex.words("range_open")),
        quantity_after=re.compile(r"\s*(?:" + quantity + r")(?!\w)", re.I),
        before_number=_tail(lex.words("currency_before") + lex.words("number_before") + lex.words("quantity_before")),
        year_cue=_tail(lex.words("year_cues")),
        comparison=re.compile(r"(?<!\w)" + alternation(lex.words("comparison_cues")) + r"(?!\w)", re.I),
        comparison_next=_tail(lex.words("comparison_cues_next")) if lex.words("comparison_cues_next") else _NEVER,
        record_since=re.compile(r"(?<!\w)" + alternation(lex.words("superlatives")) + r"(?!\w)(?:\W+\w+)?\W+"
                                + alternation(lex.words("since_words")) + r"\W*$", re.I)
        if lex.words("superlatives") else _NEVER,
        zone=zone,

        furniture=re.compile(r"^\s*(?:\d{1,3}[.)]\s*|[-•*]\s*)?(?:" + alternation(lex.words("furniture")) + ")", re.I),
        publication_label=re.compile(r"^\s*" + alternation(lex.words("publication_labels")) + r"(?!\w)", re.I),
        publication_footer=_listed(lex.words("publication_footer")),
        byline=re.compile(r"(?i:" + alternation(lex.words("byline_labels")) + r")(?:\s*:\s*|\s+)(?P<name>"
                          + _NAME + ")"),
        furniture_before=re.compile(r"(?<!\w)" + alternation(lex.words("furniture_before")) + r"[\s:,]*$", re.I),
        stamp_before=re.compile(r"(?<!\w)" + alternation(lex.words("stamp_before")) + r"[\s:,]*$", re.I),
        copyright=re.compile(r"^[ \t*_>]*" + alternation(lex.words("copyright_marks")) + r"[^\n]*", re.I | re.M),
        range_start=re.compile(r"\s*[-–—]\s*(?:" + alternation(lex.words("open_range_ends"))
                               + r"(?!\w)|\d{4}(?!\d)|\d{1,2}\s+[^\W\d_])", re.I),
        photo_credit=re.compile(r"\((?=[^()\n]{0,80}\))[^()\n]*?(?<!\w)"
                                + alternation(lex.words("photo_credits"))
                                + r"(?!\w)[^()\n]*\)[\s*_.]*$", re.I),
        # a sentence opening with one of the words, past markup
        housekeeping=re.compile(r"[\s*_>]*(?:" + alternation(lex.words("housekeeping")) + r")(?!\w)", re.I)
        if lex.words("housekeeping") else _NEVER,
        # the cue, then at most _CONTACT_GAP characters without a sentence end ("Kompas.com, ")
        contact=re.compile(r"(?<!\w)" + alternation(lex.words("contact_cues"))
                           + r"(?!\w)(?:[^.;!?\n]|\.(?=\S)){0," + str(_CONTACT_GAP) + r"}$", re.I),
        named_period=re.compile(r"(?<!\w)" + alternation(lex.words("named_periods")) + r"(?:\s+\S+){0,3}\s*$", re.I),
        speech=re.compile(r"(?<!\w)" + alternation(lex.words("speech_verbs")) + r"(?!\w)", re.I),
        follows=_follows(lex),
        gate=start_gate.build(TEMPLATES, tokens, lists, skip),
        before=_tail(lex.words("before_words")),
        clause_opener=re.compile(alternation(lex.words("clause_openers")) + r"(?!\w)", re.I),
        clock_join=re.compile(r"\s*,?\s*(?:" + alternation(lex.words("clock_join")) + r"\s+)?", re.I),
        clock_tail=re.compile(r"(?:\s*(?:,|(?i:" + alternation(lex.words("clock_cues")) + r"))?"
                              r"\s*\d{1,2}[:.]\d{2})?(?:\s*[ap]\.?\s?m\.?)?"
                              r"(?:\s*\(?(?:[A-Z]{2,4}|(?i:" + alternation(lex.words("time_zones"))
                              + r"))\)?(?!\w))?"),
        upcoming_month=_tail(lex.words("month_upcoming_cues")),
        upcoming_after=re.compile(r"\s+" + alternation(lex.words("month_upcoming_after")) + r"(?!\w)", re.I),
        ago_today=re.compile(r"\s+" + alternation(lex.words("ago_today")) + r"(?!\w)", re.I),
        ago_this=re.compile(r",?\s+(?P<w>" + alternation(lex.table("ago_this")) + r")(?!\w)", re.I),
        indefinite_before=_tail(lex.words("indefinite_weekday")),
        # a lower-case word after the weekday that is none of `indefinite_weekday_ends` ("in", "morning")
        attributive_after=re.compile(
            r"\s+(?!" + alternation(lex.words("indefinite_weekday_ends")) + r"(?!\w))[a-z]{3,}"
        ) if lex.words("indefinite_weekday_ends") else _NEVER,
        zone_or_small_hours=re.compile(zone.pattern + r"|(?i:(?<!\w)" + alternation(lex.words("small_hours"))
                                       + r"(?!\w))"),
    )
