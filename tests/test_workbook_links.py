"""Evidence link checks against a local HTTP server only (127.0.0.1, a thread).

The server is on a loopback address, which kipmonev refuses to open unless told to (``allow_private``):
the tests of what a link answers pass it; the tests of the refusal do not.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from kipmonev.core.errors import Location
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.sources import links
from kipmonev.sources.links import check_links, check_url
from kipmonev.sources.problems import LINK_NOT_PUBLIC, LINKS_TOO_MANY

SEEN: list[tuple[str, str]] = []


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self, status: int, head: bool, location: str | None = None) -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if not head:
            self.wfile.write(b"ok")

    def _route(self, head: bool) -> None:
        SEEN.append((self.command, self.path))
        path = self.path
        if path == "/ok":
            self._answer(200, head)
        elif path == "/hilang":
            self._answer(404, head)
        elif path == "/pindah":
            self._answer(302, head, "/ok")
        elif path.startswith("/lingkar/"):
            self._answer(302, head, f"/lingkar/{int(path.rsplit('/', 1)[1]) + 1}")
        elif path == "/tanpa-head":
            self._answer(405 if head else 200, head)
        elif path == "/lambat":
            time.sleep(1.5)
            self._answer(200, head)
        elif path == "/ke-berkas":
            self._answer(302, head, "file:///etc/passwd")
        elif path == "/ke-lokal":  # another loopback address, which the tests below call private
            self._answer(302, head, f"http://127.0.0.2:{self.headers['Host'].rsplit(':', 1)[1]}/ok")
        else:
            self._answer(500, head)

    def do_HEAD(self) -> None:
        self._route(head=True)

    def do_GET(self) -> None:
        self._route(head=False)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    SEEN.clear()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/ok", None),
        ("/pindah", None),
        ("/tanpa-head", None),
        ("/hilang", ("KM-W-060", "tautan {url} tidak dapat dibuka (status HTTP 404). Perbaiki tautannya atau pastikan dokumen dapat diakses publik.")),
        ("/lingkar/0", ("KM-W-063", "tautan {url} dialihkan lebih dari 5 kali. Gunakan alamat tujuan akhirnya.")),
        ("/lambat", ("KM-W-061", "tautan {url} tidak menjawab dalam 0,3 detik. Pastikan situsnya aktif dan dapat diakses publik.")),
        (
            "/ke-berkas",
            ("KM-W-064", "tautan {url} tidak dapat dihubungi (dialihkan ke alamat yang bukan http(s): file:///etc/passwd). Pastikan situsnya aktif dan dapat diakses publik."),
        ),
    ],
)
def test_each_kind_of_link_problem(server: str, path: str, expected: tuple[str, str] | None) -> None:
    url = server + path
    found = check_url(url, timeout=0.3, allow_private=True)
    assert found == (None if expected is None else (expected[0], expected[1].format(url=url)))


def test_head_refused_falls_back_to_get(server: str) -> None:
    assert check_url(server + "/tanpa-head", allow_private=True) is None
    assert SEEN == [("HEAD", "/tanpa-head"), ("GET", "/tanpa-head")]


def test_refused_connections_and_unknown_hosts(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/sk.pdf"
    assert check_url(url, timeout=2, allow_private=True) == ("KM-W-064", f"tautan {url} tidak dapat dihubungi (koneksi ditolak). Pastikan situsnya aktif dan dapat diakses publik.")

    def no_dns(host: str, *args: Any, **kwargs: Any) -> Any:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    url = "https://ppid.tidak-ada.invalid/sk.pdf"
    assert check_url(url, allow_private=True) == ("KM-W-062", f"nama domain 'ppid.tidak-ada.invalid' pada tautan {url} tidak ditemukan. Periksa ejaan alamatnya.")


def test_every_cell_naming_a_dead_link_is_reported_and_each_url_is_checked_once(server: str) -> None:
    cells = [
        (Location("isian.xlsx", sheet="Kuesioner", cell="G6"), server + "/ok"),
        (Location("isian.xlsx", sheet="Kuesioner", cell="G7"), server + "/hilang"),
        (Location("isian.xlsx", sheet="Kuesioner", cell="G9"), server + "/hilang"),
    ]
    problems = check_links(cells, concurrency=2, allow_private=True)
    assert [str(p) for p in problems] == [
        f"isian.xlsx, Kuesioner!{cell}: tautan {server}/hilang tidak dapat dibuka (status HTTP 404). Perbaiki tautannya atau pastikan dokumen dapat diakses publik." for cell in ("G7", "G9")
    ]
    assert sorted(SEEN) == [("GET", "/hilang"), ("HEAD", "/hilang"), ("HEAD", "/ok")]


def test_a_submission_is_checked_by_question_code(server: str) -> None:
    submission = Submission(
        questionnaire_id="uji-kecil",
        body=BodyIdentity(name="Badan Uji"),
        answers={"AA.1.1": Answer(value="Ya", evidence=(server + "/hilang", "sk.pdf")), "AA.1.2": Answer(value="Lengkap", evidence=(server + "/ok",))},
        source="jawaban.json",
    )
    assert [(str(p.location), p.code) for p in check_links(submission, allow_private=True)] == [("jawaban.json (AA.1.1)", "KM-W-060")]
    assert check_links([]) == []


# --- links to private addresses are reported, never opened ------------------------------------------


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("::1", False),
        ("::ffff:127.0.0.1", False),  # IPv4-mapped loopback
        ("fe80::1%eth0", False),
        ("fc00::1", False),
        ("bukan-alamat", False),
    ],
)
def test_which_addresses_are_public(address: str, public: bool) -> None:
    assert links._public(address) is public


def test_a_link_to_a_private_address_is_reported_without_a_request(server: str) -> None:
    url = server + "/ok"
    assert check_url(url) == ("KM-W-065", LINK_NOT_PUBLIC.text(url=url, address="127.0.0.1"))
    assert SEEN == []


def test_a_name_that_resolves_elsewhere_at_connect_time_is_still_refused(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(links._Guard, "refuse_private", lambda self, url: None)  # as if the first check had said 'public'
    url = server + "/ok"
    assert check_url(url) == ("KM-W-065", LINK_NOT_PUBLIC.text(url=url, address="127.0.0.1"))
    assert SEEN == []  # refused when connecting, before a byte was sent


def test_the_connected_socket_is_checked_too(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(links._Guard, "refuse_private", lambda self, url: None)
    monkeypatch.setattr(links._Guard, "allowed_addresses", lambda self, host: self.resolver.addresses(host))  # no check before connecting
    url = server + "/ok"
    assert check_url(url) == ("KM-W-065", LINK_NOT_PUBLIC.text(url=url, address="127.0.0.1"))
    assert SEEN == []  # refused on the connected socket, before a byte was sent


def _only_127_0_0_1_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let the local server stand for a public site, so that what it redirects to can be private."""
    monkeypatch.setattr(links, "_public", lambda address: address == "127.0.0.1")


def test_a_redirect_to_a_private_address_is_refused(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _only_127_0_0_1_is_public(monkeypatch)
    url = server + "/ke-lokal"
    assert check_url(url) == ("KM-W-065", LINK_NOT_PUBLIC.text(url=url, address="127.0.0.2"))
    assert SEEN == [("HEAD", "/ke-lokal")]  # the redirect was read, its private target never opened
    assert check_url(server + "/pindah") is None  # a redirect to a public address is followed


def _fake_dns(monkeypatch: pytest.MonkeyPatch, answers: dict[str, list[str]]) -> list[str]:
    """Answer ``host`` with the next address of ``answers[host]`` (the last one sticks); return the names asked."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def getaddrinfo(host: str, *args: Any, **kwargs: Any) -> Any:
        if host not in answers:
            return real(host, *args, **kwargs)
        asked.append(host)
        address = answers[host][min(len(asked), len(answers[host])) - 1]
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, 0))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_each_host_is_resolved_once_per_check_so_a_changing_answer_cannot_slip_through(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    _only_127_0_0_1_is_public(monkeypatch)
    # A DNS-rebinding name: public the first time it is asked, private every time after.
    asked = _fake_dns(monkeypatch, {"ppid.contoh.test": ["127.0.0.1", "127.0.0.2"]})
    site = server.replace("127.0.0.1", "ppid.contoh.test")
    cells = [(Location("isian.xlsx", sheet="Kuesioner", cell=f"G{row}"), f"{site}{path}") for row, path in ((6, "/ok"), (7, "/pindah"), (8, "/tanpa-head"))]
    assert check_links(cells, concurrency=2) == []
    assert asked == ["ppid.contoh.test"]  # checked, connected and redirected on one answer
    assert sorted(SEEN) == [("GET", "/tanpa-head"), ("HEAD", "/ok"), ("HEAD", "/ok"), ("HEAD", "/pindah"), ("HEAD", "/tanpa-head")]


def test_at_most_max_links_are_checked_and_the_rest_is_said(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(links, "MAX_LINKS", 2)
    cells = [(Location("isian.xlsx", sheet="Kuesioner", cell=f"G{row}"), f"{server}/ok#{row}") for row in (6, 7, 8, 9)]
    problems = check_links(cells, allow_private=True)
    assert [str(p) for p in problems] == [f"isian.xlsx, Kuesioner!G8: {LINKS_TOO_MANY.text(found=4, limit=2)}"]
    assert SEEN == [("HEAD", "/ok"), ("HEAD", "/ok")]  # '#6' and '#7', and no more
