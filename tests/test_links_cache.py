"""The link cache: a link checked once is not opened again for 24 hours; what depends on the moment is not kept.

A local server on 127.0.0.1 counts the requests; the cache's clock is a list of times the test moves.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
from local_server import local_server

from kipmonev.core.errors import Location
from kipmonev.sources.link_cache import LinkCache, LinkCacheError
from kipmonev.sources.links import check_links

SEEN: list[str] = []
G5, G6 = (Location("isian.xlsx", sheet="Kuesioner", cell=c) for c in ("G5", "G6"))
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


class _Counted(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_HEAD(self) -> None:
        SEEN.append(self.path)
        if self.path == "/lambat":
            time.sleep(1.0)
        self.send_response(410 if self.path == "/hilang" else 200)  # 410: no second try with GET
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    with local_server(_Counted) as port:
        yield f"http://127.0.0.1:{port}"


class _Clock:
    def __init__(self) -> None:
        self.at = T0

    def __call__(self) -> datetime:
        return self.at


def _check(server: str, path: Path, clock: _Clock, *paths: str) -> list[tuple[str, str, str]]:
    cache = LinkCache(path, now=clock)
    pairs = [(loc, server + p) for loc, p in zip((G5, G6), paths, strict=False)]
    found = check_links(pairs, timeout=0.3, allow_private=True, cache=cache)
    cache.save()
    return [(p.code, str(p.location), p.message) for p in found]


def test_a_link_checked_once_is_not_opened_again_until_its_entry_expires(server: str, tmp_path: Path) -> None:
    path, clock = tmp_path / "tautan.json", _Clock()
    SEEN.clear()
    first = _check(server, path, clock, "/ok", "/hilang")
    assert first == [
        ("KM-W-060", "isian.xlsx, Kuesioner!G6", f"tautan {server}/hilang tidak dapat dibuka (status HTTP 410). Perbaiki tautannya atau pastikan dokumen dapat diakses publik.")
    ]
    assert sorted(SEEN) == ["/hilang", "/ok"]
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["links"][f"{server}/hilang"]["checked_at"] == "2026-11-23T08:00:00+00:00"
    assert saved["links"][f"{server}/ok"]["code"] is None

    clock.at = T0 + timedelta(hours=23)
    assert _check(server, path, clock, "/ok", "/hilang") == first
    assert sorted(SEEN) == ["/hilang", "/ok"]  # nothing opened again

    clock.at = T0 + timedelta(hours=24, minutes=1)
    assert _check(server, path, clock, "/ok", "/hilang") == first
    assert sorted(SEEN) == ["/hilang", "/hilang", "/ok", "/ok"]


def test_a_timeout_is_not_kept(server: str, tmp_path: Path) -> None:
    path, clock = tmp_path / "tautan.json", _Clock()
    SEEN.clear()
    expected = [("KM-W-061", "isian.xlsx, Kuesioner!G5", f"tautan {server}/lambat tidak menjawab dalam 0,3 detik. Pastikan situsnya aktif dan dapat diakses publik.")]
    assert _check(server, path, clock, "/lambat") == expected
    assert json.loads(path.read_text(encoding="utf-8"))["links"] == {}
    assert _check(server, path, clock, "/lambat") == expected
    assert SEEN == ["/lambat", "/lambat"]


def test_a_file_that_is_not_a_cache_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "isian.json"
    path.write_text('{"nama": "bukan cache"}', encoding="utf-8")
    with pytest.raises(LinkCacheError) as caught:
        LinkCache(path)
    assert str(caught.value) == (
        f"{path}: berkas ini bukan cache tautan kipmonev, sehingga tidak dibaca dan tidak ditimpa. "
        "Pilih berkas lain untuk --link-cache (misalnya tautan.json), atau hapus berkas ini bila memang tidak diperlukan."
    )
    assert path.read_text(encoding="utf-8") == '{"nama": "bukan cache"}'


def test_a_cache_of_another_version_is_read_as_empty(server: str, tmp_path: Path) -> None:
    path, clock = tmp_path / "tautan.json", _Clock()
    path.write_text(
        json.dumps({"format": "kipmonev-link-cache", "kipmonev": "0.0.1", "links": {f"{server}/ok": {"checked_at": T0.isoformat(), "code": "KM-W-060", "severity": "warning", "text": "lama"}}}),
        encoding="utf-8",
    )
    SEEN.clear()
    assert _check(server, path, clock, "/ok") == []
    assert SEEN == ["/ok"]
