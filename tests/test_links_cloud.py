"""Links that answer but do not show the document: cloud sign-in and "request access" pages, folders,
shorteners, redirect loops, errors; each with its own message at its cell.

Every host name resolves (through the checker's injectable resolver) to one local server on 127.0.0.1,
which answers by the ``Host`` header and path with the recorded pages in ``tests/data/links/`` (modelled
on the services' pages, see the README there). The checker is told to allow local addresses, except
where the refusal is what is tested. Nothing here touches the internet.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import pytest
from local_server import Routes, local_server, recorded_pages

from kipmonev.core.errors import Location
from kipmonev.sources.cloud_links import cloud_fault
from kipmonev.sources.links import LinkChecker, check_links

#: (host, path) → (status, redirect target or None, recorded page or None); ``{port}`` is the server's.
ROUTES: Routes = {
    ("drive.google.com", "/file/d/rahasia/view"): (302, "http://accounts.google.com:{port}/ServiceLogin?service=wise&continue=x", None),
    ("accounts.google.com", "/ServiceLogin"): (200, None, "google-signin.html"),
    ("docs.google.com", "/document/d/1AbC/edit"): (200, None, "google-docs-signin.html"),
    ("drive.google.com", "/drive/folders/1FoLdEr"): (200, None, "google-folder.html"),
    ("drive.google.com", "/file/d/dibatasi/view"): (200, None, "google-need-access.html"),
    ("drive.google.com", "/file/d/publik/view"): (200, None, "google-public-file.html"),
    ("1drv.ms", "/b/s!AbC"): (301, "http://onedrive.live.com:{port}/redir?resid=AbC", None),
    ("onedrive.live.com", "/redir"): (302, "http://login.live.com:{port}/login.srf?wa=wsignin1.0", None),
    ("login.live.com", "/login.srf"): (200, None, "microsoft-signin.html"),
    ("pemprov.sharepoint.com", "/:b:/g/ppid/sk.pdf"): (302, "http://login.microsoftonline.com:{port}/common/oauth2/authorize", None),
    ("login.microsoftonline.com", "/common/oauth2/authorize"): (200, None, "microsoft-signin.html"),
    ("pemprov.sharepoint.com", "/:b:/g/ppid/tamu.pdf"): (403, None, None),
    ("www.dropbox.com", "/scl/fi/pribadi/sk.pdf"): (200, None, "dropbox-private.html"),
    ("www.dropbox.com", "/scl/fo/laporan"): (200, None, "dropbox-folder.html"),
    ("bit.ly", "/sk-ppid"): (301, "http://ppid.contoh.go.id:{port}/sk.pdf", None),
    ("s.id", "/skppid"): (301, "http://drive.google.com:{port}/file/d/rahasia/view", None),
    ("ppid.contoh.go.id", "/sk.pdf"): (200, None, None),
    ("ppid.contoh.go.id", "/putar-a"): (302, "/putar-b", None),
    ("ppid.contoh.go.id", "/putar-b"): (302, "/putar-a", None),
    ("ppid.contoh.go.id", "/hilang"): (404, None, None),
    ("ppid.contoh.go.id", "/rusak"): (500, None, None),
}
SLOW = ("ppid.contoh.go.id", "/lambat")
#: (method, host) of each request the server answered.
SEEN: list[tuple[str, str]] = []


def _everything_local(host: str) -> Sequence[str]:
    return ["127.0.0.1"]


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    with local_server(recorded_pages(ROUTES, SEEN, SLOW)) as found:
        yield found


G6 = Location("isian.xlsx", sheet="Kuesioner", cell="G6")
GOOGLE_FIX = "Di Google Drive/Docs pilih Bagikan → Akses umum → 'Siapa saja yang memiliki link' (Pelihat), lalu salin tautannya lagi."
MS_FIX = "Di OneDrive pilih Bagikan → Setelan tautan → 'Siapa saja yang memiliki tautan' (dapat melihat), lalu salin tautannya lagi."
SP_FIX = (
    "Di SharePoint pilih Bagikan → Setelan tautan → 'Siapa saja' (Anyone with the link); bila pilihan itu tidak tersedia, "
    "minta admin TI mengizinkan berbagi ke luar organisasi atau unggah dokumennya ke situs PPID."
)
DROPBOX_FIX = "Di Dropbox pilih Bagikan → Setelan tautan → 'Siapa saja yang memiliki tautan ini', lalu salin tautannya lagi."


def _sign_in(service: str, fix: str, via: str = "") -> str:
    return f"tautan {{url}} ({service}) tidak dapat dibuka publik: yang terbuka adalah halaman masuk (login) {service}{via}, bukan dokumennya. {fix} Nilai tidak berubah."


def _restricted(service: str, fix: str) -> str:
    return f"tautan {{url}} ({service}) tidak dapat dibuka publik: berbagi dokumen ini dibatasi, sehingga pengunjung diminta meminta akses. {fix} Nilai tidak berubah."


def _folder(service: str, example: str) -> str:
    return (
        f"tautan {{url}} mengarah ke folder {service}, bukan ke berkas dokumennya. Buka berkasnya di folder itu, salin tautan berkas tersebut "
        f"(misalnya {example}), dan tulis tautan itu sebagai bukti dukung. Nilai tidak berubah."
    )


CASES: list[tuple[str, str, str | None, str | None]] = [
    ("google drive file, sign-in", "drive.google.com/file/d/rahasia/view", "KM-E-120", _sign_in("Google Drive", GOOGLE_FIX)),
    ("google docs, sign-in page", "docs.google.com/document/d/1AbC/edit", "KM-E-120", _sign_in("Google Drive", GOOGLE_FIX)),
    ("google drive folder", "drive.google.com/drive/folders/1FoLdEr", "KM-E-122", _folder("Google Drive", "https://drive.google.com/file/d/…/view")),
    ("google restricted sharing", "drive.google.com/file/d/dibatasi/view", "KM-E-121", _restricted("Google Drive", GOOGLE_FIX)),
    ("google public file", "drive.google.com/file/d/publik/view", None, None),
    (
        "onedrive short link, sign-in",
        "1drv.ms/b/s!AbC",
        "KM-E-120",
        _sign_in("OneDrive", MS_FIX, " (tautan pendek ini mengarah ke http://login.live.com:{port}/login.srf?wa=wsignin1.0)"),
    ),
    ("sharepoint, sign-in", "pemprov.sharepoint.com/:b:/g/ppid/sk.pdf", "KM-E-120", _sign_in("SharePoint", SP_FIX)),
    ("sharepoint, forbidden", "pemprov.sharepoint.com/:b:/g/ppid/tamu.pdf", "KM-E-121", _restricted("SharePoint", SP_FIX)),
    ("dropbox, private link", "www.dropbox.com/scl/fi/pribadi/sk.pdf", "KM-E-121", _restricted("Dropbox", DROPBOX_FIX)),
    ("dropbox folder", "www.dropbox.com/scl/fo/laporan", "KM-E-122", _folder("Dropbox", "https://www.dropbox.com/scl/fi/…")),
    ("shortener to a good page", "bit.ly/sk-ppid", None, None),
    (
        "shortener to a sign-in page",
        "s.id/skppid",
        "KM-E-120",
        _sign_in("Google Drive", GOOGLE_FIX, " (tautan pendek ini mengarah ke http://accounts.google.com:{port}/ServiceLogin?service=wise&continue=x)"),
    ),
    (
        "redirect loop",
        "ppid.contoh.go.id/putar-a",
        "KM-E-123",
        "tautan {url} dialihkan berputar: alamat http://ppid.contoh.go.id:{port}/putar-b dialihkan kembali ke alamat yang sudah dilalui, "
        "sehingga halaman tujuannya tidak pernah terbuka. Buka tautannya di peramban, salin alamat halaman yang benar, dan tulis alamat itu. Nilai tidak berubah.",
    ),
    ("404", "ppid.contoh.go.id/hilang", "KM-W-060", "tautan {url} tidak dapat dibuka (status HTTP 404). Perbaiki tautannya atau pastikan dokumen dapat diakses publik."),
    ("500", "ppid.contoh.go.id/rusak", "KM-W-060", "tautan {url} tidak dapat dibuka (status HTTP 500). Perbaiki tautannya atau pastikan dokumen dapat diakses publik."),
    ("timeout", "ppid.contoh.go.id/lambat", "KM-W-061", "tautan {url} tidak menjawab dalam 0,5 detik. Pastikan situsnya aktif dan dapat diakses publik."),
]


@pytest.mark.parametrize(("case", "address", "code", "message"), CASES, ids=[c[0] for c in CASES])
def test_each_link_gets_its_own_message_at_its_cell(port: int, case: str, address: str, code: str | None, message: str | None) -> None:
    url = f"http://{address.replace('/', f':{port}/', 1)}"
    found = check_links([(G6, url)], timeout=0.5, allow_private=True, lookup=_everything_local)
    if code is None:
        assert found == []
        return
    assert message is not None
    assert [(p.code, str(p.location), p.message) for p in found] == [(code, "isian.xlsx, Kuesioner!G6", message.format(url=url, port=port))]


def test_a_private_address_is_refused_without_a_request(port: int) -> None:
    url = f"http://drive.google.com:{port}/file/d/rahasia/view"
    found = check_links([(G6, url)], timeout=0.5, lookup=_everything_local)
    assert [(p.code, p.message) for p in found] == [
        (
            "KM-W-065",
            f"tautan {url} mengarah ke alamat jaringan lokal atau privat (127.0.0.1) yang tidak dapat diakses publik, sehingga tidak dibuka. "
            "Gunakan alamat situs yang dapat diakses publik.",
        )
    ]


def test_only_a_cloud_page_is_read_and_a_plain_site_is_not(port: int) -> None:
    SEEN.clear()
    with LinkChecker(0.5, allow_private=True, lookup=_everything_local) as checker:
        assert checker.check(f"http://ppid.contoh.go.id:{port}/sk.pdf") is None
        assert checker.check(f"http://drive.google.com:{port}/file/d/publik/view") is None
    assert SEEN == [("HEAD", "ppid.contoh.go.id"), ("HEAD", "drive.google.com"), ("GET", "drive.google.com")]


@pytest.mark.parametrize(
    ("url", "final", "page", "status", "code"),
    [
        ("https://ppid.contoh.go.id/sk.pdf", "https://ppid.contoh.go.id/sk.pdf", "<title>Google Drive: Sign-in</title>", 200, None),
        ("https://drive.google.com/file/d/x/view", "https://drive.google.com/file/d/x/view", "<TITLE>Google Drive: Sign-in</TITLE>", 200, "KM-E-120"),
        ("https://drive.google.com/file/d/x/view", "https://drive.google.com/file/d/x/view", "Anda memerlukan akses", 200, "KM-E-121"),
        ("https://drive.google.com/file/d/x/view", "https://drive.google.com/file/d/x/view", None, 404, None),
        ("https://drive.google.com/file/d/x/view", "https://drive.google.com/file/d/x/view", None, 401, "KM-E-121"),
        ("https://drive.google.com/drive/u/0/folders/abc", "https://drive.google.com/drive/u/0/folders/abc", "", 200, "KM-E-122"),
        ("https://tinyurl.com/abc", "https://accounts.google.com/v3/signin/identifier", "", 200, "KM-E-120"),
        ("https://contoh.sharepoint.com/:f:/g/ppid", "https://contoh.sharepoint.com/:f:/g/ppid", "", 200, "KM-E-122"),
    ],
)
def test_the_cloud_rules(url: str, final: str, page: str | None, status: int, code: str | None) -> None:
    found = cloud_fault(url, final, page, status)
    assert (None if found is None else found.code) == code
