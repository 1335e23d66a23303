"""Fetch a news page by URL and read its main text into an Article.

Only http and https; a deadline for the whole fetch and a byte limit; no private,
loopback, link-local or reserved addresses (checked on the resolved host, on every
redirect, and on the address actually connected to unless that is a proxy) unless
TIMELINE_ALLOW_PRIVATE_URLS=1; HTML only; proxies as the environment sets them.
"""
from __future__ import annotations

import http.client
import ipaddress
import os
import socket
import threading
import urllib.error
import urllib.request
from urllib.parse import urlparse

from . import ingest
from .errors import InputError
from .model import Article

TIMEOUT = 15.0  # seconds to connect, for each read, and for the whole fetch (enforced on the socket)
MAX_BYTES = ingest.MAX_BYTES  # a page larger than this is refused, as a file would be
MAX_REDIRECTS = 5  # redirects followed before giving up
ALLOW_PRIVATE_ENV = "TIMELINE_ALLOW_PRIVATE_URLS"  # "1" lets tests fetch from 127.0.0.1
HTML_TYPES: tuple[str, ...] = ("text/html", "application/xhtml+xml")
_CHUNK = 65_536
_USER_AGENT = "timeline-workbench/0.1"


def private_allowed() -> bool:
    """True when the setting lets fetching reach private and loopback addresses."""
    return os.environ.get(ALLOW_PRIVATE_ENV) == "1"


def _forbidden(address: str) -> bool:
    """True for an address a fetch must not reach: private, loopback, link-local, reserved…

    An IPv6 address that carries an IPv4 one (mapped, IPv4-compatible, NAT64, 6to4,
    Teredo) is forbidden when the IPv4 one is: "::127.0.0.1" is loopback.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if not ip.is_global or ip.is_multicast:
        return True
    return ip.version == 6 and (ip in _NAT64_LOCAL or any(_forbidden(str(v4)) for v4 in _carried_ipv4(ip)))


_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: the IPv4 address in the last 32 bits
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215: a network's own translator
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated "::a.b.c.d"


def _carried_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """Return the IPv4 addresses an IPv6 address carries (6to4, Teredo, NAT64, IPv4-compatible)."""
    out = [ip.sixtofour] if ip.sixtofour else []
    out += list(ip.teredo or ())
    if ip in _NAT64 or ip in _IPV4_COMPATIBLE:
        out.append(ipaddress.IPv4Address(int(ip) & 0xFFFF_FFFF))
    return out


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise InputError unless `url` is http(s) and its host resolves to public addresses only."""
    parts = urlparse(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(url, "only http:// and https:// addresses can be fetched")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError):
        raise InputError(url, f"host {parts.hostname!r} not found") from None
    for info in infos:
        if _forbidden(str(info[4][0])):
            raise InputError(url, f"points to a private or local address ({info[4][0]}); refused "
                                  f"(set {ALLOW_PRIVATE_ENV}=1 to allow)")


class _Deadline:
    """End a whole fetch after `seconds`, however slowly the server sends (headers included).

    A socket timeout bounds each wait for a byte, not the download: a server sending one
    byte every few seconds never trips it. A timer shuts down every socket the fetch
    opened when time is up; the blocked read returns and the fetch reports the deadline.
    """

    def __init__(self, seconds: float) -> None:
        self.expired = False
        self._socks: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket | None) -> None:
        """Shut `sock` down when time is up (at once if it already is)."""
        if sock is None:
            return
        with self._lock:
            self._socks.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._socks:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    # The plain socket's shutdown, also under TLS: SSLSocket.shutdown would tear down its
    # SSL state under the reading thread's feet.
    try:
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
    except OSError:
        pass


def _check_peer(conn: http.client.HTTPConnection, allow_private: bool) -> None:
    # Checked again on the socket itself: DNS may answer differently the second time.
    if allow_private or conn.sock is None:
        return
    peer = conn.sock.getpeername()[0]
    if _forbidden(peer):
        conn.close()
        raise InputError(conn.host, f"connected to a private or local address ({peer}); refused")


class _Guarded:
    """What our connections add: the deadline on the socket, the peer's address checked."""

    def __init__(self, *args, allow_private: bool = False, deadline: _Deadline | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.allow_private = allow_private
        self.deadline = deadline

    def connect(self) -> None:
        super().connect()  # TCP (and a proxy's tunnel and TLS); no request byte has been sent yet
        if self.deadline is not None:
            self.deadline.watch(self.sock)
        _check_peer(self, self.allow_private)


class _HTTPConnection(_Guarded, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_Guarded, http.client.HTTPSConnection):
    pass


def _through_proxy(req: urllib.request.Request) -> bool:
    """Tell whether urllib sends `req` through a proxy (then the peer is the proxy, not the site)."""
    return req.has_proxy() or bool(getattr(req, "_tunnel_host", None))


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, allow_private: bool, deadline: _Deadline) -> None:
        super().__init__()
        self.allow_private, self.deadline = allow_private, deadline

    def http_open(self, req):
        return self.do_open(_HTTPConnection, req, allow_private=self.allow_private or _through_proxy(req),
                            deadline=self.deadline)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, allow_private: bool, deadline: _Deadline) -> None:
        super().__init__()
        self.allow_private, self.deadline = allow_private, deadline

    def https_open(self, req):
        return self.do_open(_HTTPSConnection, req, context=self._context,
                            allow_private=self.allow_private or _through_proxy(req), deadline=self.deadline)


class _RedirectHandler(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        try:
            check_url(newurl, self.allow_private)
        except InputError as exc:
            raise InputError(req.full_url, f"redirects to {newurl}, which {exc.problem}") from None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(allow_private: bool, deadline: _Deadline) -> urllib.request.OpenerDirector:
    # Proxies come from the environment (http_proxy, https_proxy, no_proxy), as urllib reads
    # them. The site's host is checked before connecting and on every redirect either way;
    # through a proxy the address connected to is the proxy's, which is not checked.
    return urllib.request.build_opener(
        urllib.request.ProxyHandler(),
        _HTTPHandler(allow_private, deadline),
        _HTTPSHandler(allow_private, deadline),
        _RedirectHandler(allow_private),
    )


def fetch_article(url: str, allow_private: bool | None = None) -> Article:
    """Download `url` (http/https only) and return its main text, title and date as an Article.

    Raises InputError, naming the URL and the problem, for anything that is refused
    or fails: scheme, private address, HTTP error, timeout, size, content type.
    """
    url = url.strip()
    if allow_private is None:
        allow_private = private_allowed()
    check_url(url, allow_private)
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": "text/html"})
    late = InputError(url, f"could not be fetched within the {TIMEOUT:g}-second limit")
    with _Deadline(TIMEOUT) as deadline:
        try:
            with _opener(allow_private, deadline).open(request, timeout=TIMEOUT) as resp:
                kind = resp.headers.get_content_type() if resp.headers.get("Content-Type") else ""
                if kind not in HTML_TYPES:
                    raise InputError(url, f"is not an HTML page (Content-Type {kind or 'missing'}); "
                                          "only web pages can be fetched")
                length = resp.headers.get("Content-Length")
                if length and length.isdigit() and int(length) > MAX_BYTES:
                    raise InputError(url, f"is {int(length):,} bytes; the limit is {MAX_BYTES:,}")
                data = _read_limited(resp, url)
                charset = resp.headers.get_content_charset()
        except urllib.error.HTTPError as exc:
            raise late if deadline.expired else InputError(
                url, f"could not be fetched (HTTP {exc.code} {exc.reason})") from None
        except urllib.error.URLError as exc:
            raise late if deadline.expired else InputError(url, f"could not be fetched ({exc.reason})") from None
        except (OSError, http.client.HTTPException) as exc:  # timeouts, resets, bad responses
            raise late if deadline.expired else InputError(
                url, f"could not be fetched ({type(exc).__name__}: {exc})") from None
        if deadline.expired:  # the shut socket read as the end of the page: a cut page is no page
            raise late
    return from_html(_decode(data, charset, url), url)


def _read_limited(resp, url: str) -> bytes:
    """Read the body in chunks, stopping past MAX_BYTES (the deadline ends a slow read)."""
    chunks: list[bytes] = []
    size = 0
    while chunk := resp.read(_CHUNK):
        size += len(chunk)
        if size > MAX_BYTES:
            raise InputError(url, f"is larger than {MAX_BYTES:,} bytes, the limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(data: bytes, charset: str | None, url: str) -> str:
    """Decode with the charset the server names, else detect it as for a file."""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return ingest.decode(data, url)


def from_html(html: str, url: str = "", source: str = "") -> Article:
    """Read a page's main text, title and publication date with trafilatura."""
    parts = urlparse(url)
    name = source or (parts.path.rstrip("/").rsplit("/", 1)[-1] or parts.hostname or "page") + ".html"
    try:
        return ingest.html_article(html, name, url=url)
    except InputError as exc:
        raise InputError(source or url, exc.problem) from None
