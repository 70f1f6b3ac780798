"""Check that evidence links work (``kipmonev check --check-links``).

Each distinct URL is requested once, a few at a time: ``HEAD`` first, then ``GET`` when the server
answers ``HEAD`` with an error (many do). Redirects are followed up to a cap, only to http(s). Every
failing link is reported at each cell that names it, with the status code, the timeout or the DNS
failure. This is the only module of kipmonev that goes on the network, and only when asked to.

Links come from outside (a body's workbook) and are followed on the commission's network, so a link to
a private, loopback or link-local address (``http://192.168.1.1/…``, ``http://localhost/…``) is never
requested, neither directly nor through a redirect: it is reported as not publicly accessible, which
is what the monev asks of evidence anyway.

How the guard holds (httpx over httpcore, no patched internals):

- A :class:`LinkChecker` resolves each host name once (:class:`_Resolver`) and keeps the answer for
  the whole check, so every link and redirect to that host uses the same addresses.
- Its httpx client sends through :class:`_GuardedTransport`, an httpcore connection pool whose network
  backend (:class:`_GuardedBackend`, httpcore's documented extension point) connects only to those
  resolved addresses, after refusing any that is not public, and checks the peer of the connected
  socket before a byte is sent. The name is never resolved a second time, so there is no gap for a
  DNS answer that changes between the check and the connection (DNS rebinding).
- Redirects are followed by :meth:`LinkChecker.open` itself, one hop at a time: only to http(s), at
  most :data:`MAX_REDIRECTS`, each target checked like the link.

TLS is verified against the system's certificate store, as before. Proxy settings from the
environment are not used: through a proxy the address guard could not see where a link leads. At
most :data:`MAX_LINKS` distinct links are checked per call.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from kipmonev._version import __version__
from kipmonev.core.catalogue import Message
from kipmonev.core.errors import Location, Problem
from kipmonev.engine.links import is_link
from kipmonev.model.result import EvidenceRecord, EvidenceSource
from kipmonev.model.submission import Submission
from kipmonev.sources.cloud_links import BODY_LIMIT, cloud_fault, is_cloud
from kipmonev.sources.link_cache import LinkCache, LinkResult
from kipmonev.sources.problems import (
    LINK_CHECKER,
    LINK_DNS,
    LINK_FAILED,
    LINK_NOT_PUBLIC,
    LINK_REDIRECTS,
    LINK_STATUS,
    LINK_TIMEOUT,
    LINKS_TOO_MANY,
    REASON_NOT_HTTP_REDIRECT,
    REASON_REFUSED,
    REASON_TLS,
)
from kipmonev.sources.problems_links import LINK_REDIRECT_LOOP, LINKS_OFFLINE

__all__ = ["MAX_LINKS", "MAX_REDIRECTS", "PROBE_HOSTS", "USER_AGENT", "LinkCheck", "LinkChecker", "check_link_results", "check_links", "check_url"]

#: Most redirects followed for one link.
MAX_REDIRECTS = 5
#: Well-known names looked up when no link resolves: if none resolves either, the
#: machine is offline and the links are reported as not checked, not as misspelt.
PROBE_HOSTS = ("komisiinformasi.go.id", "google.com")
#: The link problem that, when every link has it, may mean there is no network rather than misspelt names.
_OFFLINE_CODES = frozenset({LINK_DNS.code})
#: Link problems that say more about the moment than about the link: not kept in a cache.
_TRANSIENT_CODES = frozenset({LINK_TIMEOUT.code, LINK_FAILED.code})
#: Most distinct links checked in one call; a workbook with more is told so.
MAX_LINKS = 1_000
USER_AGENT = f"kipmonev/{__version__} ({LINK_CHECKER.text()})"
# Servers that refuse or mishandle HEAD; the link is tried again with GET.
_RETRY_WITH_GET = {400, 401, 403, 404, 405, 406, 429, 500, 501, 502, 503}


class _RedirectRefused(Exception):
    """A redirect to something other than http(s) (``file:``, ``ftp:``…)."""

    def __init__(self, target: str) -> None:
        super().__init__(target)
        self.target = target


class _TooManyRedirects(Exception):
    """More than the allowed redirects for one link."""


class _RedirectLoop(Exception):
    """A redirect back to an address already visited for the same link."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.source = source


class _NotPublic(Exception):
    """The link (or a redirect) leads to a private, loopback or otherwise non-public address."""

    def __init__(self, address: str) -> None:
        super().__init__(address)
        self.address = address


def _public(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _system_lookup(host: str) -> list[str]:
    """The addresses the system resolver gives for ``host``."""
    return [str(sockaddr[0]) for *_, sockaddr in socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)]


class _Resolver:
    """One DNS lookup per host name for the life of a check, shared by threads.

    A failed lookup is remembered too: the link reports it, and the next link to the same host does
    not ask again.
    """

    def __init__(self, lookup: Callable[[str], Sequence[str]] | None = None) -> None:
        self._lookup = lookup or _system_lookup
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._answers: dict[str, tuple[str, ...] | OSError | UnicodeError] = {}

    def addresses(self, host: str) -> tuple[str, ...]:
        """The addresses ``host`` resolves to, in the resolver's order.

        Raises:
            socket.gaierror: The name is unknown.
            UnicodeError: The name cannot be encoded for DNS.
        """
        with self._lock:
            host_lock = self._host_locks.setdefault(host, threading.Lock())
        with host_lock:
            if host not in self._answers:
                try:
                    self._answers[host] = tuple(dict.fromkeys(self._lookup(host)))
                except (OSError, UnicodeError) as e:
                    self._answers[host] = e
            answer = self._answers[host]
        if isinstance(answer, BaseException):
            raise answer
        return answer


class _Guard:
    """The public-address rule, applied to a host name through one :class:`_Resolver`."""

    def __init__(self, public_only: bool, lookup: Callable[[str], Sequence[str]] | None = None) -> None:
        self.public_only = public_only
        self.resolver = _Resolver(lookup)

    def allowed_addresses(self, host: str) -> tuple[str, ...]:
        """The addresses to connect to for ``host``.

        Raises:
            _NotPublic: ``public_only`` and one of the addresses is not public.
            socket.gaierror: The name is unknown.
        """
        addresses = self.resolver.addresses(host)
        if self.public_only:
            for address in addresses:
                if not _public(address):
                    raise _NotPublic(address)
        return addresses

    def refuse_private(self, url: str) -> None:
        """Raise :class:`_NotPublic` when the URL's host is, or resolves to, a non-public address.

        An unknown name passes: the request itself reports it.
        """
        if not self.public_only:
            return
        try:
            self.allowed_addresses(urlsplit(url).hostname or "")
        except (OSError, UnicodeError):
            return


class _GuardedBackend(httpcore.NetworkBackend):
    """httpcore's synchronous sockets, opened only to the guard's addresses."""

    def __init__(self, guard: _Guard) -> None:
        self._guard = guard
        self._sockets = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,  # NOTE: httpcore's SOCKET_OPTION alias is not exported
    ) -> httpcore.NetworkStream:
        failure: Exception | None = None
        # NOTE: an IP address (the only thing handed to the socket layer) is never looked up again.
        for address in self._guard.allowed_addresses(host):
            try:
                stream = self._sockets.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:  # try the next address, as socket.create_connection does
                failure = e
                continue
            peer = str(stream.get_extra_info("server_addr")[0])
            if self._guard.public_only and not _public(peer):
                stream.close()
                raise _NotPublic(peer)
            return stream
        if failure is None:  # getaddrinfo never answers with no address, but say so if it does
            raise httpcore.ConnectError(f"{host} has no address")
        raise failure

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.UnsupportedProtocol("unix sockets are not links")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


_HTTPX_ERRORS: tuple[tuple[type[Exception], type[httpx.TransportError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.ProxyError, httpx.ProxyError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.TimeoutException, httpx.TimeoutException),
)


@contextmanager
def _httpx_errors(request: httpx.Request) -> Iterator[None]:
    """Map httpcore's exceptions to httpx's (the cause kept); the guard's own and OSErrors pass unchanged."""
    try:
        yield
    except Exception as e:
        for core, public in _HTTPX_ERRORS:
            if isinstance(e, core):
                raise public(str(e), request=request) from e
        raise


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes], request: httpx.Request) -> None:
        self._stream = stream
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        with _httpx_errors(self._request):
            yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class _GuardedTransport(httpx.BaseTransport):
    """An httpx transport over an httpcore pool whose sockets go only where the guard allows."""

    def __init__(self, guard: _Guard, max_connections: int) -> None:
        # NOTE: the system's certificate store, as urllib used before; httpx's default would be certifi's.
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl.create_default_context(), max_connections=max_connections, network_backend=_GuardedBackend(guard)
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not isinstance(request.stream, httpx.SyncByteStream):
            raise TypeError("the link checker sends synchronous requests only")
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(scheme=request.url.raw_scheme, host=request.url.raw_host, port=request.url.port, target=request.url.raw_path),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _httpx_errors(request):
            response = self._pool.handle_request(core_request)
        if not isinstance(response.stream, Iterable):
            raise TypeError("httpcore answered a synchronous request with an asynchronous body")
        return httpx.Response(status_code=response.status, headers=response.headers, stream=_Body(response.stream, request), extensions=response.extensions)

    def close(self) -> None:
        self._pool.close()


class LinkChecker:
    """One link check: a guarded httpx client and one DNS answer per host, shared by threads.

    Use it as a context manager; :meth:`check` and :meth:`open` are safe to call from several threads
    at once. :attr:`client` is the guarded httpx client, for other requests under the same rule (it
    never follows redirects itself; :meth:`open` does, under the guard).
    """

    def __init__(
        self,
        timeout: float = 10,
        concurrency: int = 8,
        redirects: int = MAX_REDIRECTS,
        *,
        allow_private: bool = False,
        lookup: Callable[[str], Sequence[str]] | None = None,
    ) -> None:
        """Open a check.

        Args:
            timeout: Seconds to wait for a connection or an answer, per request.
            concurrency: Most connections open at the same time.
            redirects: Most redirects followed per link.
            allow_private: Also request private, loopback and link-local addresses (an intranet check).
            lookup: Resolves a host name to addresses (raising :class:`socket.gaierror` for an unknown
                one); the system resolver when ``None``. Every address it gives still passes the guard.
        """
        self.timeout = timeout
        self.redirects = redirects
        self.guard = _Guard(public_only=not allow_private, lookup=lookup)
        self.client = httpx.Client(
            transport=_GuardedTransport(self.guard, max(1, concurrency)),
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": USER_AGENT, "Accept": "*/*"},
            follow_redirects=False,
            trust_env=False,
        )

    def __enter__(self) -> Self:
        """Use the check; it is closed on leaving."""
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None) -> None:
        """Close the connections."""
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self.client.close()

    @contextmanager
    def open(self, url: str, method: str = "GET") -> Iterator[httpx.Response]:
        """The final response for ``url``, redirects followed under the guard; the body is not read yet.

        Raises:
            _TooManyRedirects: More than ``redirects`` redirects.
            _RedirectLoop: A redirect back to an address already visited.
            _RedirectRefused: A redirect to something other than http(s).
            _NotPublic: The link or a redirect leads to a non-public address.
            httpx.HTTPError: The request failed (timeout, refused, TLS…).
            OSError: The host name is unknown (:class:`socket.gaierror`).
        """
        target = url
        seen = {url}
        for hop in range(self.redirects + 1):
            request = self.client.build_request(method, target)
            response = self.client.send(request, stream=True)
            if not response.is_redirect:
                try:
                    yield response
                finally:
                    response.close()
                return
            response.close()
            if hop == self.redirects:
                break
            target = urljoin(str(request.url), response.headers["Location"])
            if urlsplit(target).scheme.lower() not in ("http", "https"):
                raise _RedirectRefused(target)
            if target in seen:
                raise _RedirectLoop(str(request.url))
            seen.add(target)
            self.guard.refuse_private(target)
        raise _TooManyRedirects(url)

    def online(self) -> bool:
        """Whether any of :data:`PROBE_HOSTS` resolves: the network (DNS) works at all."""
        for host in PROBE_HOSTS:
            try:
                self.guard.resolver.addresses(host)
            except (OSError, UnicodeError):
                continue
            return True
        return False

    def check(self, url: str) -> Message | None:
        """Check one URL: ``None`` when it works, else what is wrong (see :meth:`inspect`)."""
        return self.inspect(url)[1]

    def inspect(self, url: str) -> tuple[int | None, Message | None]:
        """Check one URL: the HTTP status of its final answer (``None`` when none came) and what is wrong.

        A link that answers is also held against the cloud rules (:func:`~kipmonev.sources.cloud_links.cloud_fault`):
        for a cloud service's page the start of the HTML is read (at most
        :data:`~kipmonev.sources.cloud_links.BODY_LIMIT` bytes) to tell a sign-in or "request access" page
        from the document.
        """
        try:
            self.guard.refuse_private(url)  # before any request: a private link is reported, never opened
        except _NotPublic as e:
            return None, LINK_NOT_PUBLIC.fill(url=url, address=e.address)
        status: int | None = None
        final = url
        page: str | None = None
        for method in ("HEAD", "GET"):
            try:
                with self.open(url, method) as response:
                    status = response.status_code
                    final = str(response.url)
                    if method == "GET":
                        if status < 400 and is_cloud(final):
                            page = _start_of(response)
                        else:
                            next(response.iter_raw(1), b"")  # the server must start the body, not only the headers
            except _TooManyRedirects:
                return None, LINK_REDIRECTS.fill(url=url, limit=self.redirects)
            except _RedirectLoop as e:
                return None, LINK_REDIRECT_LOOP.fill(url=url, target=e.source)
            except _RedirectRefused as e:
                return None, LINK_FAILED.fill(url=url, reason=REASON_NOT_HTTP_REDIRECT.text(target=e.target))
            except _NotPublic as e:
                return None, LINK_NOT_PUBLIC.fill(url=url, address=e.address)
            except (httpx.HTTPError, httpx.InvalidURL, OSError, UnicodeError, ValueError) as e:
                return None, _failure(url, e, self.timeout)
            if method == "HEAD" and (status in _RETRY_WITH_GET or (status < 400 and is_cloud(final))):
                continue  # a refused HEAD, or a cloud page whose HTML says whether it is public
            break
        if status is None:
            return None, None
        return status, cloud_fault(url, final, page, status) or (LINK_STATUS.fill(url=url, status=status) if status >= 400 else None)


def _start_of(response: httpx.Response) -> str:
    """The first :data:`~kipmonev.sources.cloud_links.BODY_LIMIT` bytes of the (decoded) body, as text."""
    read = bytearray()
    for chunk in response.iter_bytes():
        read += chunk
        if len(read) >= BODY_LIMIT:
            break
    return bytes(read[:BODY_LIMIT]).decode(response.encoding or "utf-8", errors="replace")


def _causes(error: BaseException) -> list[BaseException]:
    chain = [error]
    while (cause := chain[-1].__cause__ or chain[-1].__context__) is not None and cause not in chain:
        chain.append(cause)
    return chain


def _failure(url: str, error: BaseException, timeout: float) -> Message:
    chain = _causes(error)

    def found(kind: type[BaseException] | tuple[type[BaseException], ...]) -> bool:
        return any(isinstance(e, kind) for e in chain)

    if found((httpx.TimeoutException, TimeoutError)):
        return LINK_TIMEOUT.fill(url=url, seconds=timeout)
    if found(socket.gaierror):
        return LINK_DNS.fill(url=url, host=urlsplit(url).hostname or url)
    if found(ssl.SSLError):
        return LINK_FAILED.fill(url=url, reason=REASON_TLS.text())
    if found(ConnectionRefusedError):
        return LINK_FAILED.fill(url=url, reason=REASON_REFUSED.text())
    root = chain[-1]
    return LINK_FAILED.fill(url=url, reason=str(root) or type(root).__name__)


def check_url(url: str, timeout: float = 10, redirects: int = MAX_REDIRECTS, *, allow_private: bool = False) -> tuple[str, str] | None:
    """Check one URL: ``None`` when it works, else ``(problem code, message)``.

    Args:
        url: An http(s) URL.
        timeout: Seconds to wait for a connection or an answer, per request.
        redirects: Most redirects followed.
        allow_private: Also request private, loopback and link-local addresses (an intranet check).
    """
    with LinkChecker(timeout, 1, redirects, allow_private=allow_private) as checker:
        found = checker.check(url)
    return None if found is None else (found.code, found.text)


def _targets(target: Submission | Iterable[tuple[Location, str]]) -> list[tuple[Location, str]]:
    if isinstance(target, Submission):
        source = target.source or "jawaban"
        return [(Location(source, field=code), item.strip()) for code, answer in target.answers.items() for item in answer.evidence if is_link(item)]
    return [(location, url.strip()) for location, url in target]


#: A link's ``status`` in its evidence record when no HTTP answer came: not opened, no answer, not checked.
STATUS_NOT_OPENED = "not_opened"
STATUS_NO_ANSWER = "no_answer"
STATUS_NOT_CHECKED = "not_checked"


@dataclass(frozen=True)
class LinkCheck:
    """What a link check found: the problems by place, and each link's result with its time.

    Attributes:
        problems: One per place that names a link that does not work, in the order given (as
            :func:`check_links` returns them).
        results: Each link checked (opened now or taken from the cache), by URL.
        offline: No link resolved and neither did :data:`PROBE_HOSTS`: the links opened now were not checked.
        offline_problem: The one problem that says so (KM-E-110), when ``offline``.
        too_many: The problem for the links beyond :data:`MAX_LINKS`, which were not checked.
    """

    problems: list[Problem]
    results: dict[str, LinkResult]
    offline: bool = False
    offline_problem: Problem | None = None
    too_many: Problem | None = None

    def record(self, location: Location, url: str) -> EvidenceRecord:
        """The evidence record of ``url`` written at ``location``: its status, the time of the check and its problem.

        ``status`` is the HTTP status of the final answer ("200", "404"); for a link with no answer it is
        :data:`STATUS_NOT_OPENED` (a local address, never requested), :data:`STATUS_NO_ANSWER` (no name,
        timeout, refused) or :data:`STATUS_NOT_CHECKED` (offline, or beyond :data:`MAX_LINKS`).
        """
        url = url.strip()
        found = self.results.get(url)
        fields: dict[str, object] = {"kind": EvidenceSource.LINK, "value": url, "location": location.place()}
        if found is None or (self.offline and not found.cached):  # beyond MAX_LINKS, or opened while offline
            problem = self.offline_problem if found is not None else self.too_many
            fields |= {"status": STATUS_NOT_CHECKED, "problem_code": problem.code if problem else None, "message": problem.message if problem else None}
            return EvidenceRecord.model_validate(fields)
        fields["checked_at"] = found.checked_at.astimezone(UTC).isoformat(timespec="seconds")
        if found.status is not None:
            fields["status"] = str(found.status)
        elif found.problem is not None:
            fields["status"] = STATUS_NOT_OPENED if found.problem.code == LINK_NOT_PUBLIC.code else STATUS_NO_ANSWER
        if found.problem is not None:
            fields |= {"problem_code": found.problem.code, "message": found.problem.text}
        return EvidenceRecord.model_validate(fields)


def check_links(
    target: Submission | Iterable[tuple[Location, str]],
    timeout: float = 10,
    concurrency: int = 8,
    redirects: int = MAX_REDIRECTS,
    *,
    allow_private: bool = False,
    progress: Callable[[int, int], None] | None = None,
    lookup: Callable[[str], Sequence[str]] | None = None,
    cache: LinkCache | None = None,
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
        progress: Called with (links checked, links to check) after each distinct link.
        lookup: Resolves host names (see :class:`LinkChecker`); the system resolver when ``None``.
        cache: Results of earlier checks: a link with a fresh entry is not opened again, and each link
            opened is put in (except a timeout, a failed connection or no network). The caller saves it.

    Returns:
        The problems, in the order of ``target``; empty when every link works. Beyond
        :data:`MAX_LINKS` distinct links, one problem at the first unchecked place says so. When
        every link fails to resolve and none of :data:`PROBE_HOSTS` resolves either, the
        machine is offline: one problem (KM-E-110) at the first link says the links were not checked.
    """
    return check_link_results(target, timeout, concurrency, redirects, allow_private=allow_private, progress=progress, lookup=lookup, cache=cache).problems


def check_link_results(
    target: Submission | Iterable[tuple[Location, str]],
    timeout: float = 10,
    concurrency: int = 8,
    redirects: int = MAX_REDIRECTS,
    *,
    allow_private: bool = False,
    progress: Callable[[int, int], None] | None = None,
    lookup: Callable[[str], Sequence[str]] | None = None,
    cache: LinkCache | None = None,
) -> LinkCheck:
    """:func:`check_links`, keeping each link's result and time as well, for the result's evidence records."""
    pairs = _targets(target)
    urls = list(dict.fromkeys(url for _, url in pairs))
    if not urls:
        return LinkCheck([], {})
    checked = urls[:MAX_LINKS]
    results = {url: hit for url in checked if cache is not None and (hit := cache.get(url)) is not None}
    to_open = [url for url in checked if url not in results]
    if progress is not None and results:
        progress(len(results), len(checked))
    clock = cache.now if cache is not None else _utc_now
    offline = False
    if to_open:
        workers = max(1, min(concurrency, len(to_open)))
        with LinkChecker(timeout, workers, redirects, allow_private=allow_private, lookup=lookup) as checker, ThreadPoolExecutor(max_workers=workers) as pool:
            for count, (url, (status, found)) in enumerate(zip(to_open, pool.map(checker.inspect, to_open), strict=True), start=len(results) + 1):
                results[url] = LinkResult(url, clock(), found, status=status)
                if progress is not None:
                    progress(count, len(checked))
            offline = all((p := results[url].problem) is not None and p.code in _OFFLINE_CODES for url in to_open) and not checker.online()
    if cache is not None and not offline:
        for url in to_open:
            found = results[url].problem
            if found is None or found.code not in _TRANSIENT_CODES:
                cache.put(results[url])
    problems: list[Problem] = []
    offline_problem = None
    if offline:
        offline_problem = LINKS_OFFLINE.at(next(location for location, url in pairs if url in to_open), probe=PROBE_HOSTS[0], count=len(to_open))
        problems.append(offline_problem)
    for location, url in pairs:
        if offline and url in to_open:
            continue
        result = results.get(url)
        if result is not None and result.problem is not None:
            problems.append(result.problem.at(location))
    too_many = None
    if len(urls) > MAX_LINKS:
        first = next(location for location, url in pairs if url not in results)
        too_many = LINKS_TOO_MANY.at(first, found=len(urls), limit=MAX_LINKS)
        problems.append(too_many)
    return LinkCheck(problems, results, offline, offline_problem, too_many)


def _utc_now() -> datetime:
    return datetime.now(UTC)
