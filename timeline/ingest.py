"""Read a file or pasted text into an `Article`: front matter, dateline, language."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import frontmatter
from charset_normalizer import from_bytes

from . import dates, language
from .errors import InputError
from .model import Article

SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_BYTES = 5_000_000  # larger files are not news articles; refuse them with a message
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(?:.*?\r?\n)?---[ \t]*(?:\r?\n|$)", re.S)


def decode(data: bytes, source: str) -> str:
    """Return `data` as text: UTF-8 (with or without BOM), else the detected charset."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(source, "looks like a binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise InputError(source, "cannot tell the text encoding") from None
        return str(best)


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
    problems: list[str] = []
    meta: dict = {}
    body, offset = raw, 0
    fence = _FRONT_MATTER.match(raw)
    if fence:
        try:
            meta = dict(frontmatter.loads(raw).metadata)
            # The body is the verbatim text after the closing fence, so offsets into
            # it map back to the file by adding `body_offset`.
            body, offset = raw[fence.end() :], fence.end()
        except Exception as exc:  # broken YAML: keep the whole text, report it
            problems.append(f"front matter could not be read ({type(exc).__name__}); used the text as is")
    lang = lang or str(meta.get("language") or "") or language.detect(body)
    pub_from = "flag" if published else ""
    if published is None and _as_date(meta.get("published")):
        published, pub_from = _as_date(meta.get("published")), "front matter"
    if published is None:
        published = dates.dateline(body, lang)
        pub_from = "dateline" if published else ""
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
    )


def read(path: Path, published: dt.date | None = None, lang: str | None = None) -> Article:
    """Read one article file; raise InputError naming the file on bad input."""
    name = path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(name, f"is {size:,} bytes; the limit is {MAX_BYTES:,}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file") from None
    except PermissionError:
        raise InputError(str(path), "cannot be read (permission denied)") from None
    text = decode(data, name)
    if not text.strip():
        raise InputError(name, "is empty")
    if path.suffix.lower() in (".html", ".htm"):
        text = _html_text(text, name)
    return parse(text, name, published, lang)


def _html_text(html: str, source: str) -> str:
    """Return the main text of an HTML page (trafilatura drops scripts and menus)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, favor_recall=True) or ""
    if not text.strip():
        raise InputError(source, "holds no readable article text")
    return text


def collect(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """Expand folders into the article files they hold; report paths that do not exist."""
    files: list[Path] = []
    errors: list[InputError] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        elif p.exists():
            files.append(p)
        else:
            errors.append(InputError(str(p), "no such file or folder"))
    return files, errors
