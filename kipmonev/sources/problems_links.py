"""Link-check problems of the links helper (KM-E-1xx): what the network, not the link, is to blame for.

See :mod:`kipmonev.core.catalogue`.
"""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, WARNING, Entry, Text

LINKS_OFFLINE = Entry(
    "KM-E-110",
    WARNING,
    "tidak ada koneksi internet: tidak satu pun nama situs dapat ditemukan, termasuk situs pembanding {probe}, sehingga {count} tautan tidak diperiksa. "
    "Nilai tidak berubah. Periksa koneksi jaringan (atau DNS), lalu jalankan pemeriksaan tautan lagi.",
)

# Cloud links (sources/cloud_links.py): the link answers, but with a sign-in page, a request for access or a
# folder, so a verifier without an account cannot see the document. {via} is empty or LINK_VIA_SHORTENER.
LINK_CLOUD_SIGN_IN = Entry(
    "KM-E-120",
    WARNING,
    "tautan {url} ({service}) tidak dapat dibuka publik: yang terbuka adalah halaman masuk (login) {service}{via}, bukan dokumennya. {fix} Nilai tidak berubah.",
)
LINK_CLOUD_RESTRICTED = Entry(
    "KM-E-121",
    WARNING,
    "tautan {url} ({service}) tidak dapat dibuka publik: berbagi dokumen ini dibatasi, sehingga pengunjung diminta meminta akses{via}. {fix} Nilai tidak berubah.",
)
LINK_CLOUD_FOLDER = Entry(
    "KM-E-122",
    WARNING,
    "tautan {url} mengarah ke folder {service}{via}, bukan ke berkas dokumennya. Buka berkasnya di folder itu, salin tautan berkas tersebut "
    "(misalnya {example}), dan tulis tautan itu sebagai bukti dukung. Nilai tidak berubah.",
)
LINK_REDIRECT_LOOP = Entry(
    "KM-E-123",
    WARNING,
    "tautan {url} dialihkan berputar: alamat {target} dialihkan kembali ke alamat yang sudah dilalui, sehingga halaman tujuannya tidak pernah terbuka. "
    "Buka tautannya di peramban, salin alamat halaman yang benar, dan tulis alamat itu. Nilai tidak berubah.",
)
LINK_VIA_SHORTENER = Text(" (tautan pendek ini mengarah ke {target})")
# What to do, per service: the sharing setting that makes a document open without an account.
FIX_GOOGLE = Text(
    "Di Google Drive/Docs pilih Bagikan → Akses umum → 'Siapa saja yang memiliki link' (Pelihat), lalu salin tautannya lagi."
)
FIX_ONEDRIVE = Text(
    "Di OneDrive pilih Bagikan → Setelan tautan → 'Siapa saja yang memiliki tautan' (dapat melihat), lalu salin tautannya lagi."
)
FIX_SHAREPOINT = Text(
    "Di SharePoint pilih Bagikan → Setelan tautan → 'Siapa saja' (Anyone with the link); bila pilihan itu tidak tersedia, "
    "minta admin TI mengizinkan berbagi ke luar organisasi atau unggah dokumennya ke situs PPID."
)
FIX_DROPBOX = Text(
    "Di Dropbox pilih Bagikan → Setelan tautan → 'Siapa saja yang memiliki tautan ini', lalu salin tautannya lagi."
)

# The link cache (sources/link_cache.py, --link-cache FILE).
SUMMARY_LINK_CACHE = Text("{path}: cache tautan tidak dapat dipakai.")
LINK_CACHE_NOT_OURS = Entry(
    "KM-E-130",
    ERROR,
    "berkas ini bukan cache tautan kipmonev, sehingga tidak dibaca dan tidak ditimpa. "
    "Pilih berkas lain untuk --link-cache (misalnya tautan.json), atau hapus berkas ini bila memang tidak diperlukan.",
)
LINK_CACHE_UNWRITABLE = Entry(
    "KM-E-131",
    WARNING, "cache tautan tidak dapat ditulis ({reason}). Hasil pemeriksaan tautan tetap ditampilkan; pilih berkas di folder yang dapat ditulis untuk --link-cache."
)
