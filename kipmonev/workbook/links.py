"""Check that evidence links work (``kipmonev check --check-links``).

Each distinct URL is requested once, a few at a time: ``HEAD`` first, then ``GET`` when the server
answers ``HEAD`` with an error (many do). Redirects are followed up to a cap, only to http(s). Every
failing link is reported at each cell that names it, with the status code, the timeout or the DNS
failure. This is the only module of kipmonev that goes on the network, and only when asked to.
"""

from __future__ import annotations

import socket
import ssl
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from http.client import HTTPMessage
from typing import IO
from urllib.parse import urlsplit

from kipmonev import messages as msg
from kipmonev._version import __version__
from kipmonev.errors import Location, Problem
from kipmonev.submission import Submission, is_link

#: Most redirects followed for one link.
MAX_REDIRECTS = 5
USER_AGENT = f"kipmonev/{__version__} (pemeriksa tautan bukti dukung)"
# Servers that refuse or mishandle HEAD; the link is tried again with GET.
_RETRY_WITH_GET = {400, 401, 403, 404, 405, 406, 429, 500, 501, 502, 503}


class _RedirectRefused(urllib.error.URLError):
    """A redirect to something other than http(s) (``file:``, ``ftp:``…)."""


class _Redirects(urllib.request.HTTPRedirectHandler):
    """Follows at most ``limit`` redirects, and only to http(s)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        # Instance attributes shadow the class defaults that urllib reads (10 and 4).
        vars(self).update(max_redirections=limit, max_repeats=limit)

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage, newurl: str) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise _RedirectRefused(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _request(url: str, method: str, timeout: float, redirects: int) -> int:
    """The final status code of a request; raises urllib's errors for failures."""
    opener = urllib.request.build_opener(_Redirects(redirects))
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    with opener.open(request, timeout=timeout) as response:
        if method == "GET":
            response.read(1)
        return int(response.status)


def _reason(error: BaseException) -> BaseException:
    return error.reason if isinstance(error, urllib.error.URLError) and isinstance(error.reason, BaseException) else error


def check_url(url: str, timeout: float = 10, redirects: int = MAX_REDIRECTS) -> tuple[str, str] | None:
    """Check one URL: ``None`` when it works, else ``(problem code, message)``.

    Args:
        url: An http(s) URL.
        timeout: Seconds to wait for a connection or an answer, per request.
        redirects: Most redirects followed.
    """
    status: int | None = None
    for method in ("HEAD", "GET"):
        try:
            status = _request(url, method, timeout, redirects)
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
        except (urllib.error.URLError, OSError, ValueError) as e:
            reason = _reason(e)
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


def check_links(target: Submission | Iterable[tuple[Location, str]], timeout: float = 10, concurrency: int = 8, redirects: int = MAX_REDIRECTS) -> list[Problem]:
    """Check every evidence link; return a problem for each place that names a link that does not work.

    Args:
        target: A submission (its own answers' evidence URLs, located by question code) or
            ``(location, url)`` pairs such as :attr:`kipmonev.workbook.FilledWorkbook.evidence_links`
            (located by cell).
        timeout: Seconds per request.
        concurrency: Most requests at the same time.
        redirects: Most redirects followed per link.

    Returns:
        The problems, in the order of ``target``; empty when every link works.
    """
    pairs = _targets(target)
    urls = list(dict.fromkeys(url for _, url in pairs))
    if not urls:
        return []
    with ThreadPoolExecutor(max_workers=max(1, min(concurrency, len(urls)))) as pool:
        results = dict(zip(urls, pool.map(lambda u: check_url(u, timeout, redirects), urls), strict=True))
    problems: list[Problem] = []
    for location, url in pairs:
        found = results[url]
        if found is not None:
            problems.append(Problem(location, found[0], found[1]))
    return problems
