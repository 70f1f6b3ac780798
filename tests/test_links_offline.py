"""No network is not a spelling error: when no link's host resolves and neither do the probe names,
one problem says the links were not checked (the score is not touched: link problems never change it).

The resolver is injected (``lookup``): a real function that answers as a DNS server would, failing with
:class:`socket.gaierror`. Nothing here touches the internet; the working link is a local server.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from kipmonev.core.errors import Location
from kipmonev.sources.links import PROBE_HOSTS, check_links

A1, A2, A3 = (Location("isian.xlsx", sheet="Kuesioner", cell=c) for c in ("G5", "G6", "G7"))


def _dns(known: dict[str, str]) -> Callable[[str], Sequence[str]]:
    """A resolver that knows only ``known`` (name → address) and fails for every other name."""

    def lookup(host: str) -> Sequence[str]:
        if host in known:
            return [known[host]]
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    return lookup


class _Ok(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture
def port() -> Iterator[int]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Ok)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()


PAIRS = [(A1, "https://ppid.contoh.go.id/sk.pdf"), (A2, "https://jdih.contoh.go.id/perda"), (A3, "https://ppid.contoh.go.id/sk.pdf")]


def test_offline_one_problem_says_the_links_were_not_checked() -> None:
    problems = check_links(PAIRS, lookup=_dns({}))
    assert [(str(p.location), p.code, p.message) for p in problems] == [
        (
            "isian.xlsx, Kuesioner!G5",
            "KM-E-110",
            "tidak ada koneksi internet: tidak satu pun nama situs dapat ditemukan, termasuk situs pembanding komisiinformasi.go.id, "
            "sehingga 2 tautan tidak diperiksa. Nilai tidak berubah. Periksa koneksi jaringan (atau DNS), lalu jalankan pemeriksaan tautan lagi.",
        )
    ]


@pytest.mark.parametrize("probe", PROBE_HOSTS)
def test_online_a_name_that_does_not_resolve_is_a_spelling_problem(probe: str) -> None:
    problems = check_links(PAIRS, lookup=_dns({probe: "203.0.113.7"}))
    assert [(str(p.location), p.code) for p in problems] == [("isian.xlsx, Kuesioner!G5", "KM-W-062"), ("isian.xlsx, Kuesioner!G6", "KM-W-062"), ("isian.xlsx, Kuesioner!G7", "KM-W-062")]


def test_one_working_link_means_the_network_works(port: int) -> None:
    pairs = [(A1, f"http://ppid.contoh.go.id:{port}/ok"), (A2, "https://salah-eja.contoh.go.id/perda")]
    problems = check_links(pairs, lookup=_dns({"ppid.contoh.go.id": "127.0.0.1"}), allow_private=True)
    assert [(str(p.location), p.code) for p in problems] == [("isian.xlsx, Kuesioner!G6", "KM-W-062")]
