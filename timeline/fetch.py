"""Fetch a news page by URL and read its main text into an Article."""
from __future__ import annotations

import datetime as dt
import os
import urllib.request
from urllib.parse import urlparse

from . import ingest
from .errors import InputError
from .model import Article

TIMEOUT = 15.0  # seconds for the whole response
MAX_BYTES = 5_000_000  # a page larger than this is refused
ALLOW_PRIVATE_ENV = "TIMELINE_ALLOW_PRIVATE_URLS"  # "1" lets tests fetch from 127.0.0.1


def fetch_article(url: str, allow_private: bool | None = None) -> Article:
    """Download `url` (http/https only) and return its main text, title and date as an Article."""
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(url, "only http:// and https:// addresses can be fetched")
    if allow_private is None:
        allow_private = os.environ.get(ALLOW_PRIVATE_ENV) == "1"
    request = urllib.request.Request(url, headers={"User-Agent": "timeline-workbench/0.1"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as resp:
            data = resp.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(url, f"could not be fetched ({exc})") from None
    if len(data) > MAX_BYTES:
        raise InputError(url, f"is larger than {MAX_BYTES:,} bytes")
    return from_html(ingest.decode(data, url), url)


def from_html(html: str, url: str = "", source: str = "") -> Article:
    """Read a page's main text, title and publication date with trafilatura."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url or None, with_metadata=True, favor_recall=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(source or url, "holds no readable article text")
    published = None
    raw_date = getattr(doc, "date", None)
    if raw_date:
        try:
            published = dt.date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            published = None
    name = source or (urlparse(url).path.rstrip("/").rsplit("/", 1)[-1] or urlparse(url).hostname or "page") + ".html"
    return ingest.parse(text, name, published=published, title=getattr(doc, "title", "") or "", url=url)
