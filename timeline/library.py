"""The article library in data/articles: where it is, and adding articles to it safely."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import yaml

from . import ingest, store
from .errors import InputError
from .model import Article

DATA_ENV = "TIMELINE_DATA_DIR"  # tests and deployments point the page at another data folder
DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"
_UNSAFE = re.compile(r"[^\w.-]+")


def data_dir() -> Path:
    """Return the data folder: $TIMELINE_DATA_DIR, else the project's data/."""
    return Path(os.environ.get(DATA_ENV) or DEFAULT_DATA)


def articles_dir(data: Path | None = None) -> Path:
    """Return the folder the articles live in."""
    return (data or data_dir()) / "articles"


@dataclass(frozen=True)
class Saved:
    """Where an added article went, and whether it was new."""

    path: Path
    added: bool  # False: the same content was already in the library

    @property
    def message(self) -> str:
        """Return a sentence for the user."""
        if self.added:
            return f"Added {self.path.name}."
        return f"Already in the library as {self.path.name}; nothing added."


def fingerprint(data: bytes, source: str = "article") -> str:
    """Return a hash of an article's body that ignores front matter, BOM and spacing."""
    text = ingest.decode(data, source)
    if text.lstrip().startswith("---"):
        try:
            text = frontmatter.loads(text).content
        except Exception:  # broken YAML: hash the text as it is
            pass
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def safe_name(name: str) -> str:
    """Return `name` as a plain file name: no folders, no odd characters, a known suffix.

    >>> safe_name("../../etc/Berita Hari Ini!.TXT")
    'Berita-Hari-Ini.txt'
    """
    base = Path(name.replace("\\", "/")).name
    stem, suffix = os.path.splitext(base)
    suffix = suffix.lower()
    if suffix not in ingest.SUFFIXES:
        raise InputError(name, f"is not an article file; use one of {', '.join(ingest.SUFFIXES)}")
    stem = unicodedata.normalize("NFKC", stem)
    stem = _UNSAFE.sub("-", stem).strip(".-")[:80] or "article"
    return stem + suffix


def save(folder: Path, name: str, data: bytes) -> Saved:
    """Save an article's bytes into `folder` atomically, once per content, never over another file."""
    if len(data) > ingest.MAX_BYTES:
        raise InputError(name, f"is {len(data):,} bytes; the limit is {ingest.MAX_BYTES:,}")
    filename = safe_name(name)
    text = ingest.decode(data, filename)
    if not text.strip():
        raise InputError(filename, "is empty")
    wanted = fingerprint(data, filename)
    folder.mkdir(parents=True, exist_ok=True)
    with store.locked(folder / ".library"):
        for existing in sorted(folder.iterdir()):
            if existing.is_file() and existing.suffix.lower() in ingest.SUFFIXES:
                try:
                    if fingerprint(existing.read_bytes(), existing.name) == wanted:
                        return Saved(existing, added=False)
                except (InputError, OSError):
                    continue  # an unreadable file is reported by extraction, not here
        target = _free_name(folder, filename)
        store.write_atomic(target, data)
    return Saved(target, added=True)


def _free_name(folder: Path, filename: str) -> Path:
    """Return `folder/filename`, or `stem-2.ext`, `stem-3.ext`… when that name is taken."""
    stem, suffix = os.path.splitext(filename)
    target, n = folder / filename, 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}{suffix}"
    return target


def markdown(text: str, title: str = "", published: dt.date | None = None, url: str = "") -> bytes:
    """Return pasted text as a Markdown article with YAML front matter for what is known."""
    meta = {k: v for k, v in (("title", title.strip()), ("published", published), ("url", url.strip())) if v}
    body = text.strip() + "\n"
    if not meta:
        return body.encode("utf-8")
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)
    return f"---\n{head}---\n{body}".encode("utf-8")


def pasted_name(text: str, title: str = "", published: dt.date | None = None) -> str:
    """Return a file name for pasted text: its date and the first words of its title or text.

    >>> pasted_name("Isi", "Putin bertemu Kim di Vostok", dt.date(2023, 9, 13))
    '2023-09-13-putin-bertemu-kim-di-vostok.md'
    """
    words = re.findall(r"\w+", (title or text).casefold())[:8]
    slug = "-".join(words)[:60].strip("-") or "pasted"
    return f"{published.isoformat()}-{slug}.md" if published else f"{slug}.md"


def save_text(
    folder: Path, text: str, title: str = "", published: dt.date | None = None, url: str = ""
) -> Saved:
    """Save pasted (or fetched) text as a Markdown article in `folder`."""
    if not text.strip():
        raise InputError(title or "pasted text", "is empty")
    return save(folder, pasted_name(text, title, published), markdown(text, title, published, url))


def save_article(folder: Path, article: Article) -> Saved:
    """Save an article read from elsewhere (a fetched page) with its title, date and URL."""
    return save_text(folder, article.text, article.title, article.published, article.url)
