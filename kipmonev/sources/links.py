"""Check that evidence links work (``kipmonev check --check-links``).

Each distinct URL is requested once, a few at a time: ``HEAD`` first, then ``GET`` when the server
answers ``HEAD`` with an error (many do). Redirects are followed up to a cap, only to http(s). Every
failing link is reported at each cell that names it, with the status code, the timeout or the DNS
failure. This is the only module of kipmonev that goes on the network, and only when asked to.

Links come from outside (a body's workbook) and are followed on the commission's network, so a link to
a private, loopback or link-local address (``http://192.168.1.1/…``, ``http://localhost/…``) is never
requested, neither directly nor through a redirect: it is reported as not publicly accessible, which
is what the monev asks of evidence anyway. The address is checked after name resolution and again on
the connected socket, so a name that resolves differently the second time is caught too. At most
:data:`MAX_LINKS` distinct links are checked per call.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urlsplit

from kipmonev._version import __version__
from kipmonev.core import messages as msg
from kipmonev.core.errors import Location, Problem
from kipmonev.model.submission import Submission, is_link

#: Most redirects followed for one link.
MAX_REDIRECTS = 5
#: Most distinct links checked in one call; a workbook with more is told so.
MAX_LINKS = 1_000
USER_AGENT = f"kipmonev/{__version__} (pemeriksa tautan bukti dukung)"
# Servers that refuse or mishandle HEAD; the link is tried again with GET.
_RETRY_WITH_GET = {400, 401, 403, 404, 405, 406, 429, 500, 501, 502, 503}


class _RedirectRefused(urllib.error.URLError):
    """A redirect to something other than http(s) (``file:``, ``ftp:``…)."""


class _NotPublic(urllib.error.URLError):
    """The link (or a redirect) leads to a private, loopback or otherwise non-public address."""


def _public(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _refuse_private(url: str) -> None:
    """Raise :class:`_NotPublic` when the URL's host is, or resolves to, a non-public address."""
    host = urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return  # the request itself reports the unknown name
    for *_, sockaddr in infos:
        if not _public(str(sockaddr[0])):
            raise _NotPublic(str(sockaddr[0]))


def _guard(connection: http.client.HTTPConnection) -> None:
    """Check the peer of every socket the connection opens, before a byte is sent."""
    create = connection._create_connection  # type: ignore[attr-defined]  # NOTE: the seam http.client offers

    def guarded(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        sock: socket.socket = create(address, *args, **kwargs)
        peer = str(sock.getpeername()[0])
        if connection._tunnel_host is None and not _public(peer):  # type: ignore[attr-defined]  # through a proxy, the proxy is the peer
            sock.close()
            raise _NotPublic(peer)
        return sock

    connection._create_connection = guarded  # type: ignore[attr-defined]


class _PublicHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _guard(self)


class _PublicHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _guard(self)


class _PublicHTTP(urllib.request.HTTPHandler):
    """Plain http, through connections that refuse non-public peers."""

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_PublicHTTPConnection, req)


class _PublicHTTPS(urllib.request.HTTPSHandler):
    """https with the default TLS checks, through connections that refuse non-public peers."""

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_PublicHTTPSConnection, req, context=getattr(self, "_context", None))


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most ``limit`` redirects, and only to http(s)."""

    def __init__(self, limit: int, public_only: bool) -> None:
        super().__init__()
        # Instance attributes shadow the class defaults that urllib reads (10 and 4).
        vars(self).update(max_redirections=limit, max_repeats=limit)
        self.public_only = public_only

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage, newurl: str) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise _RedirectRefused(newurl)
        if self.public_only:
            _refuse_private(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _request(url: str, method: str, timeout: float, redirects: int, public_only: bool) -> int:
    """The final status code of a request; raises urllib's errors for failures."""
    handlers: list[urllib.request.BaseHandler] = [_Redirects(redirects, public_only)]
    if public_only:
        handlers += [_PublicHTTP(), _PublicHTTPS()]
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    with opener.open(request, timeout=timeout) as response:
        if method == "GET":
            response.read(1)
        return int(response.status)


def _reason(error: BaseException) -> BaseException:
    return error.reason if isinstance(error, urllib.error.URLError) and isinstance(error.reason, BaseException) else error


def check_url(url: str, timeout: float = 10, redirects: int = MAX_REDIRECTS, *, allow_private: bool = False) -> tuple[str, str] | None:
    """Check one URL: ``None`` when it works, else ``(problem code, message)``.

    Args:
        url: An http(s) URL.
        timeout: Seconds to wait for a connection or an answer, per request.
        redirects: Most redirects followed.
        allow_private: Also request private, loopback and link-local addresses (an intranet check).
    """
    if not allow_private:
        try:
            _refuse_private(url)  # once per link, not once per request
        except _NotPublic as e:
            return "KM-W-065", msg.link_not_public(url, str(e.reason))
    status: int | None = None
    for method in ("HEAD", "GET"):
        try:
            status = _request(url, method, timeout, redirects, public_only=not allow_private)
        except urllib.error.HTTPError as e:
            status = e.code
            target = e.headers.get("Location") if e.headers is not None else None
            if 300 <= e.code < 400 and target:
                # urllib refuses non-http(s) redirects itself, before asking the handler.
                if urlsplit(target).scheme.lower() not in ("", "http", "https"):
                    return "KM-W-064", msg.link_failed(url, f"dialihkan ke alamat yang bukan http(s): {target}")
                return "KM-W-063", msg.link_redirects(url, redirects)
            if method == "HEAD" and e.code in _RETRY_WITH_GET:
                continue
        except _RedirectRefused as e:
            return "KM-W-064", msg.link_failed(url, f"dialihkan ke alamat yang bukan http(s): {e.reason}")
        except _NotPublic as e:
            return "KM-W-065", msg.link_not_public(url, str(e.reason))
        except (urllib.error.URLError, OSError, ValueError) as e:
            reason = _reason(e)
            if isinstance(reason, _NotPublic):  # refused on the connected socket, wrapped by urllib
                return "KM-W-065", msg.link_not_public(url, str(reason.reason))
            if isinstance(reason, TimeoutError | socket.timeout):
                return "KM-W-061", msg.link_timeout(url, timeout)
            if isinstance(reason, socket.gaierror):
                return "KM-W-062", msg.link_dns(url, urlsplit(url).hostname or url)
            if isinstance(reason, ssl.SSLError):
                return "KM-W-064", msg.link_failed(url, "sertifikat atau koneksi TLS tidak sah")
            if isinstance(reason, ConnectionRefusedError):
                return "KM-W-064", msg.link_failed(url, "koneksi ditolak")
            return "KM-W-064", msg.link_failed(url, str(reason) or type(reason).__name__)
        break
    if status is not None and status >= 400:
        return "KM-W-060", msg.link_status(url, status)
    return None


def _targets(target: Submission | Iterable[tuple[Location, str]]) -> list[tuple[Location, str]]:
    if isinstance(target, Submission):
        source = target.source or "jawaban"
        return [(Location(source, field=code), item.strip()) for code, answer in target.answers.items() for item in answer.evidence if is_link(item)]
    return [(location, url.strip()) for location, url in target]


def check_links(
    target: Submission | Iterable[tuple[Location, str]],
    timeout: float = 10,
    concurrency: int = 8,
    redirects: int = MAX_REDIRECTS,
    *,
    allow_private: bool = False,
) -> list[Problem]:
    """Check every evidence link; return a problem for each place that names a link that does not work.

    Args:
        target: A submission (its own answers' evidence URLs, located by question code) or
            ``(location, url)`` pairs such as :attr:`kipmonev.sources.reader.FilledWorkbook.evidence_links`
            (located by cell).
        timeout: Seconds per request.
        concurrency: Most requests at the same time.
        redirects: Most redirects followed per link.
        allow_private: Also request private, loopback and link-local addresses (an intranet check).

    Returns:
        The problems, in the order of ``target``; empty when every link works. Beyond
        :data:`MAX_LINKS` distinct links, one problem at the first unchecked place says so.
    """
    pairs = _targets(target)
    urls = list(dict.fromkeys(url for _, url in pairs))
    if not urls:
        return []
    checked = urls[:MAX_LINKS]
    with ThreadPoolExecutor(max_workers=max(1, min(concurrency, len(checked)))) as pool:
        results = dict(zip(checked, pool.map(lambda u: check_url(u, timeout, redirects, allow_private=allow_private), checked), strict=True))
    problems: list[Problem] = []
    for location, url in pairs:
        found = results.get(url)
        if found is not None:
            problems.append(Problem(location, found[0], found[1]))
    if len(urls) > MAX_LINKS:
        first = next(location for location, url in pairs if url not in results)
        problems.append(Problem(first, "KM-W-066", msg.links_too_many(len(urls), MAX_LINKS)))
    return problems
