"""Read a file or pasted text into an `Article`: front matter, dateline, language."""
from __future__ import annotations

import datetime as dt
import os
import re
import warnings
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import filetype

from . import dates, hardwrap, language, wireyear
from .errors import InputError
from .model import Article

SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 5_000_000  # larger files are not news articles; refuse them with a message (README)
MAX_LINE_CHARS = 5_000  # longer lines are wrapped at a space so no sentence grows without bound
_SNIFF = 65_536  # bytes looked at to tell text from binary
_CONTROL_SHARE = 0.01  # more control characters than this share of the text means binary
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(?:.*?\r?\n)?---[ \t]*(?:\r?\n|$)", re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # C0 controls other than tab, newlines, form feed
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Indonesian and English text in a legacy Windows encoding is cp1252 (or its subset
# Latin-1); charset-normalizer rates cp1250/cp1257 as equally likely for such text,
# so among equally good guesses these win.
_PREFERRED = ("cp1252", "latin_1", "iso8859_15")
_LONE_CR = re.compile(r"\r(?!\n)")
_HTML_START = re.compile(r"\s*(<!doctype\s+html|<html[\s>])", re.I)


@lru_cache(maxsize=1)
def _front_matter_handler() -> object:
    """Return python-frontmatter's YAML handler reading with libyaml's safe loader and refusing aliases.

    An alias ("*name") repeats a node; ten levels of ten make 10^10 of them in a
    600-byte file ("billion laughs"), which took minutes and gigabytes to turn into
    text. Articles have no use for them, so a front matter with one is not read.
    (Built at the first Markdown file: python-frontmatter and PyYAML are imported then.)
    """
    import frontmatter
    import yaml

    class FrontMatterYAML(frontmatter.YAMLHandler):
        def load(self, fm: str, **kwargs: object) -> object:
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            for event in yaml.parse(fm, Loader=loader):
                if isinstance(event, yaml.AliasEvent):
                    raise yaml.MarkedYAMLError(
                        problem=f"the alias *{event.anchor} is refused (aliases can expand without bound)",
                        problem_mark=event.start_mark)
            return yaml.load(fm, Loader=loader)

    return FrontMatterYAML()


def front_matter(raw: str):
    """Return the front matter and content of `raw`, a frontmatter.Post (aliases refused: yaml.YAMLError)."""
    import frontmatter

    return frontmatter.loads(raw, handler=_front_matter_handler())


def _binary(data: bytes, source: str) -> InputError:
    """Return the error for a binary file, naming its type when the magic bytes tell it."""
    kind = filetype.guess(data[:_SNIFF])
    what = f"a {kind.extension.upper()} file ({kind.mime})" if kind else "a binary file"
    return InputError(source, f"is {what}, not text; save the article as .txt, .md or .html")


def _looks_binary(text: str) -> bool:
    """True when decoded text is full of control characters (a binary file decoded by force)."""
    sample = text[:_SNIFF]
    return bool(sample) and len(_CONTROL.findall(sample)) > _CONTROL_SHARE * len(sample)


def decode(data: bytes, source: str) -> str:
    """Return `data` as text: a BOM's encoding, UTF-8, else the detected charset.

    Binary files (images, PDF, archives — whatever their name) raise InputError.
    UTF-8 with a few bad bytes stays UTF-8 (see `decode_noted`).

    >>> decode("“Kami siap” — kata Menteri".encode("cp1252"), "a.txt")
    '“Kami siap” — kata Menteri'
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR", "photo.txt")
    Traceback (most recent call last):
    timeline.errors.InputError: photo.txt: is a PNG file (image/png), not text; save the article as .txt, .md or .html
    """
    return decode_noted(data, source)[0]


def decode_noted(data: bytes, source: str) -> tuple[str, str]:
    """Return `data` as text, as `decode` does, and a note when bad UTF-8 bytes were replaced ("" if none).

    A file that is UTF-8 but for a few bad bytes (a byte cut off, one stray \\xff) is
    read as UTF-8 with U+FFFD for each: charset detection would take it for a legacy
    charset (mac_iceland) and garble every curly quote. It counts as UTF-8 when its
    valid multi-byte characters outnumber the bad bytes; without any, as in a
    Windows-1252 file, the charset is detected.

    >>> decode_noted("“Kami siap” pada 19 Juni 2024".encode() + b"\\xff", "a.txt")
    ('“Kami siap” pada 19 Juni 2024\ufffd', '1 byte(s) are not valid UTF-8; they are shown as \ufffd')
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), ""
            except UnicodeDecodeError:
                raise InputError(source, f"starts with a {codec.upper()} mark but is not {codec.upper()} text") from None
    # Magic numbers that are plain ASCII ("%PDF-") pass the text checks below.
    if b"\x00" in data[:_SNIFF] or data.startswith(b"%PDF-"):
        raise _binary(data, source)
    note = ""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd") - data.count("\ufffd".encode())
        multibyte = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
        if multibyte > bad:
            note = f"{bad} byte(s) are not valid UTF-8; they are shown as \ufffd"
        else:
            text = _detected(data, source)
    if _looks_binary(text):
        raise _binary(data, source)
    return text, note


def _detected(data: bytes, source: str) -> str:
    """Decode non-UTF-8 bytes with charset-normalizer's best guess (cp1252 on a tie)."""
    from charset_normalizer import from_bytes  # a twentieth of a second of every start, for rare files

    matches = list(from_bytes(data))
    if not matches:
        raise _binary(data, source)
    best = matches[0]
    ties = [m for m in matches if m.chaos <= best.chaos and m.coherence >= best.coherence]
    for name in _PREFERRED:
        for m in ties:
            if m.encoding == name:
                return str(m)
    return str(best)


def _wrap_long_lines(text: str, limit: int = MAX_LINE_CHARS) -> tuple[str, int]:
    """Return `text` with lines longer than `limit` wrapped, and how many lines were wrapped.

    A space becomes a newline, so every character keeps its offset; the break goes
    after a sentence end where one is in the second half of the window.

    >>> _wrap_long_lines("Satu dua. Tiga empat lima", 12)
    ('Satu dua.\\nTiga empat\\nlima', 1)
    """
    lines = text.split("\n")
    wrapped = 0
    for n, line in enumerate(lines):
        if len(line) > limit:
            lines[n] = _wrap_line(line, limit)
            wrapped += lines[n] != line
    return "\n".join(lines), wrapped


def _wrap_line(line: str, limit: int) -> str:
    chars = list(line)
    start = 0
    while len(line) - start > limit:
        window = line[start : start + limit + 1]
        sentence_end = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        at = sentence_end + 1 if sentence_end > limit // 2 else window.rfind(" ")
        if at <= 0:  # no space in the window: break at the next space, if any
            at = line.find(" ", start + limit) - start
            if at < 0:
                break
        chars[start + at] = "\n"
        start += at + 1
    return "".join(chars)


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _written_date(value: object, language: str) -> dt.date | None:
    """Return the day a front matter value writes as a stamp ("Senin, 24 November 2025 07:00 WIB"), or None."""
    return dates.dateline(value, language) if isinstance(value, str) and value.strip() else None


def parse(
    raw: str,
    source: str,
    published: dt.date | None = None,
    lang: str | None = None,
    title: str = "",
    url: str = "",
) -> Article:
    """Build an Article from decoded text; arguments given here override the file.

    >>> a = parse("---\\ntitle: T\\npublished: 2024-03-01\\n---\\nIsi berita.", "a.md")
    >>> (a.title, a.published.isoformat(), a.text, a.body_offset)
    ('T', '2024-03-01', 'Isi berita.', 39)
    """
    if not raw.strip():
        raise InputError(source, "is empty (nothing but white space)" if raw else "is empty")
    problems: list[str] = []
    guessed = False
    meta: dict = {}
    body, offset = raw, 0
    fence = _FRONT_MATTER.match(raw)
    if fence:
        # The body is the verbatim text after the closing fence, so offsets into
        # it map back to the file by adding `body_offset`.
        body, offset = raw[fence.end() :], fence.end()
        try:
            loaded = front_matter(raw).metadata
            meta = dict(loaded) if isinstance(loaded, dict) else {}
        except Exception as exc:  # broken YAML: the body is still read, the problem reported
            problems.append(f"front matter could not be read ({_yaml_problem(exc)}); its fields were ignored")
        if not body.strip():
            raise InputError(source, "holds front matter but no article text")
    # A lone carriage return (old Mac line ends) becomes a newline: same length, so
    # offsets hold, and no sentence carries a bare CR into the table.
    body = _LONE_CR.sub("\n", body)
    body, _ = hardwrap.unwrap(body)
    body, wrapped = _wrap_long_lines(body)
    if wrapped:
        problems.append(f"{wrapped} line(s) longer than {MAX_LINE_CHARS:,} characters were wrapped at spaces")
    lang = lang or str(meta.get("language") or "") or language.detect(body)
    pub_from = "flag" if published else ""
    # "published" is ours; "date" is what Jekyll, Hugo and most static-site tools write; a
    # language's own words too (data/lang `publication_keys`: "terbit", "tanggal").
    key = next((k for k in PUBLISHED_KEYS if meta.get(k)), None) or next(
        (k for k in meta if isinstance(k, str) and meta.get(k) and dates.publication_key(k, lang)), "published")
    stated = _as_date(meta.get(key)) or _written_date(meta.get(key), lang)
    if published is None and stated:
        published, pub_from = stated, "front matter"
    elif meta.get(key) and not stated:
        problems.append(f"front matter {key!r} is not a date: {str(meta[key])[:40]!r}")
    if published is None:
        found = dates.dateline_read(body, lang)
        published, guessed = found if found else (None, False)
        pub_from = "dateline" if published else ""
        if guessed:
            problems.append(f"{wireyear.YEAR_GUESSED} {published.year}: the latest of the last years in "
                            "which the dateline's day fits the weekday its lead names; give the date with "
                            "--published YYYY-MM-DD or front matter")
    if published is None:
        published = dates.footer_date(body, lang)
        pub_from = "closing line" if published else ""
    if published is None:
        published = dates.undated_wire(body, lang)
        if published is not None:
            pub_from = "latest reported day"
            problems.append(f"publication date taken to be {published.isoformat()}, the latest day the story "
                            "reports (its wire dateline names no day); give it with --published YYYY-MM-DD "
                            "or front matter")
    if published is None:
        # Said, because the article then gives few rows and nothing else tells why: a wire
        # dateline without a year ("JAKARTA, Aug 20 (Wire) -") leaves every weekday unread.
        problems.append("no publication date found (no dateline with a year, stamp line or front matter "
                        "'published:'), so dates relative to it (\"on Tuesday\", \"kemarin\") are left out; "
                        "give it with --published YYYY-MM-DD or front matter")
    return Article(
        text=body,
        source=source,
        title=title or str(meta.get("title") or ""),
        url=url or str(meta.get("url") or ""),
        published=published,
        language=lang,
        body_offset=offset,
        published_from=pub_from,
        problems=tuple(problems),
        year_guessed=guessed,
    )


def read(path: Path, published: dt.date | None = None, lang: str | None = None) -> Article:
    """Read one article file; raise InputError naming the file on bad input."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(name, f"is {size:,} bytes; the limit is {MAX_BYTES:,} (see README)")
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # the file may have grown since stat
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a file") from None
    except PermissionError:
        raise InputError(name, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise InputError(name, f"is larger than {MAX_BYTES:,} bytes, the limit (see README)")
    if not data:
        raise InputError(name, "is empty")
    text, note = decode_noted(data, name)
    if path.suffix.lower() in (".html", ".htm") or _HTML_START.match(text[:1000]):
        article = html_article(text, path.name, published=published, lang=lang)
    else:
        try:
            article = parse(text, path.name, published, lang)
        except InputError as exc:  # parse names the article by its file name; name the path
            raise InputError(name, exc.problem) from None
    return replace(article, problems=(note, *article.problems)) if note else article


def html_article(
    html: str, source: str, url: str = "", published: dt.date | None = None, lang: str | None = None
) -> Article:
    """Read a page's main text, title and publication date (trafilatura drops scripts and menus)."""
    import trafilatura

    if not html.strip():
        raise InputError(source, "is empty")
    # trafilatura drops the text of <time> elements: a live blog's entry headings
    # ("<h2><time>May 10, 2:10 PM ET</time></h2>") and stamp lines would vanish, and with
    # them the day every entry's "on Saturday" counts from. Unwrapped, their text stays.
    with warnings.catch_warnings():
        # its date finder reads "2025-10-08 7:05 p.m. ET" and warns that dateutil knows no "ET"
        warnings.filterwarnings("ignore", message="tzname")
        page = _TIME_TAG.sub("", _dated_headings(_live_entries(html)))
        doc = trafilatura.bare_extraction(page, url=url or None,
                                          with_metadata=True, favor_recall=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(source, "holds no readable article text")
    given = published is not None  # a day the user gave stands for the whole page
    if published is None:
        published = _page_date(html, text, lang) or _as_date(getattr(doc, "date", None))
    article = parse(text, source, published, lang, title=getattr(doc, "title", None) or "", url=url)
    updated = _last_update(html) if article.published is not None and not given else None
    return replace(article, updated=updated) if updated and updated > article.published else article


_TIME_OPEN = re.compile(r"<time\b[^>]*\bdatetime\s*=", re.I)
LIVE_TIMES = 3  # a live page stamps each entry: <time datetime=…> this often at least


def _last_update(html: str) -> dt.date | None:
    """Return a live page's last update (its markup's modified date), None for any other page.

    Its summary above the entries ("What we know: The FAA on Saturday ordered …") is
    written then, not on the day the page opened; each entry is told from its heading.
    """
    if len(_TIME_OPEN.findall(html)) < LIVE_TIMES:
        return None
    import htmldate

    return _as_date(htmldate.find_date(html, extensive_search=False, original_date=False))


# A <time> that is all of its heading or line, with a machine-readable day in `datetime`
# ("<h3><time datetime="2025-10-09T06:30:00-04:00">6:30 a.m. ET, Thursday</time></h3>"), or
# that opens it before a dash and the entry's title ("<h2><time …>8:20 a.m. ET</time> &mdash;
# Heavy fighting near the airport</h2>").
_TIME_ALONE = re.compile(
    r"(<(?P<tag>h[1-6]|p|div|li|span|header)\b[^>]*>\s*<time\b[^>]*?\bdatetime\s*=\s*[\"']?"
    r"(?P<day>\d{4}-\d\d-\d\d)[^>]*>)(?P<text>[^<]*)"
    r"(?=</time>\s*(?:(?:&mdash;|&ndash;|—|–|-|:)[^<]*)?</(?P=tag)>)", re.I)


# A live page's entry: an <article> or <section> opening with its <time datetime> heading.
_LIVE_ENTRY = re.compile(
    r"<(?:article|section)\b[^>]*>\s*<(?:h[1-6]|header|div|p)\b[^>]*>\s*<time\b[^>]*\bdatetime", re.I)
_ENTRY_TAG = re.compile(r"</?(?:article|section)\b[^>]*>", re.I)
_BODY = re.compile(r"<body\b[^>]*>", re.I)


def _live_entries(html: str) -> str:
    """Unwrap a live page's entries when each is an <article> (or <section>) of its own.

    trafilatura reads the first <article> as the page's and keeps only the paragraphs of
    the others: every entry heading after the first vanished, and with them the day each
    entry's "early Sunday" counts from (it fell a week back). Teaser <article>s of other
    pages open with no time heading, so a page of those keeps its tags.
    """
    if len(_LIVE_ENTRY.findall(html)) < 2:
        return html
    # The page's body, the entries unwrapped, stands in one <main>: loose on the <body>, next to
    # a "What to know" list, trafilatura kept their paragraphs and dropped every heading (and
    # its day).
    html = _ENTRY_TAG.sub("", html)
    body = _BODY.search(html)
    first = body.end() if body else 0
    end = html.lower().rfind("</body")
    last = end if end >= first else len(html)
    return f"{html[:first]}<main>{html[first:last]}</main>{html[last:]}"


def _dated_headings(html: str) -> str:
    """Write the day of a live entry's heading into it when its text names none ("7:05 p.m. ET").

    A live page's entries are often headed by a clock time, or a clock and a weekday,
    with the day only in the markup; without it, "on Thursday" in an entry counts from
    the publication day and lands a week back. The ISO day written before the heading's
    text is the page's own (a heading line is never an event).
    """
    def dated(m: re.Match) -> str:
        text = m["text"]
        if any(ch.isdigit() for ch in dates.layout.CLOCK.sub("", text)):
            return m[0]  # "May 10, 2:10 PM ET" names its day
        return f"{m[1]}{m['day']} {text.strip()}"
    return _TIME_ALONE.sub(dated, html)


PUBLISHED_KEYS = ("published", "date", "pubDate", "publishDate", "published_at", "date_published")
_TIME_TAG = re.compile(r"</?time\b[^>]*>", re.I)
_BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "header", "time", "section", "article",
           "figure", "figcaption", "nav", "table", "tr")
HEAD_CHARS = 3000  # a page's stamp line ("Diperbarui: Kamis, 22 Agu 2024 23:48 WIB") stands this near its top


def _page_date(html: str, text: str, lang: str | None) -> dt.date | None:
    """Return the date the page states for itself: its markup's (meta tags, <time>), else its visible stamp line.

    htmldate's wider search (what trafilatura gives) also guesses from dates in the
    story and from image names, which on a live blog is an earlier day the story
    names; a stamp line the main text leaves out ("<p class=timestamp>") is the page's
    own. Only when neither is there does that guess count.
    """
    import htmldate
    import lxml.html

    found = _as_date(htmldate.find_date(html, extensive_search=False, original_date=True))
    if found is not None:
        return found
    try:
        page = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for node in page.xpath("//script|//style|//noscript|//template"):
        node.drop_tree()
    for node in page.iter(*_BLOCKS):  # each block its own line, as the page shows it
        node.tail = "\n" + (node.tail or "")
    body = page.find("body")
    visible = (body if body is not None else page).text_content()[:HEAD_CHARS]
    head = "\n".join(line.strip() for line in visible.splitlines() if line.strip())
    return dates.dateline(head, lang or language.detect(text))


def _yaml_problem(exc: Exception) -> str:
    """Say where YAML parsing failed, without the parser's multi-line dump."""
    mark = getattr(exc, "problem_mark", None)
    what = getattr(exc, "problem", None) or type(exc).__name__
    # The mark counts lines from 0 in the YAML, which starts with the newline ending the
    # opening fence (line 1 of the file): its line 0 is the fence's line.
    return f"{what} at line {mark.line + 1}" if mark is not None else str(what)


def collect(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """Expand folders into the article files they hold; report paths that do not exist or cannot be read.

    A folder inside a folder that cannot be listed is named (its articles would
    otherwise be missing without a word); symbolic links to folders are not followed.
    """
    files: list[Path] = []
    errors: list[InputError] = []

    def unreadable(exc: OSError) -> None:
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror or str(exc)
        errors.append(InputError(str(exc.filename), f"folder cannot be read ({reason}); its articles were skipped"))

    for p in paths:
        if p.is_dir():
            found = [Path(top) / name for top, _, names in os.walk(p, onerror=unreadable) for name in names]
            files.extend(sorted(f for f in found if f.suffix.lower() in SUFFIXES and f.is_file()))
        elif p.exists():
            files.append(p)
        else:
            errors.append(InputError(str(p), "no such file or folder"))
    return files, errors
