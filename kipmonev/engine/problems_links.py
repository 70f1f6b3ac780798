"""Evidence links that are written wrongly (KM-E-100…), found before any link is opened.

See :mod:`kipmonev.core.catalogue`. Each message names the text as typed and says how to write it;
``{effect}`` is empty when the cell has other evidence that counts (or needs none), else
:data:`LINK_NOT_COUNTED` (what the answer loses).
"""

from __future__ import annotations

from kipmonev.core.catalogue import WARNING, Entry, Text

LINK_NO_SCHEME = Entry(
    "KM-E-100", WARNING, "'{text}' tampak seperti tautan tetapi tidak diawali https://. Awali dengan https://, misalnya {suggestion}{effect}."
)
LINK_SPACE = Entry(
    "KM-E-101",
    WARNING,
    "tautan '{text}' memuat spasi, sehingga hanya {cut} yang terbaca sebagai tautan. Hapus spasi di dalam tautan, misalnya {suggestion}{effect}.",
)
LINK_NOT_HTTP = Entry(
    "KM-E-102",
    WARNING,
    "tautan '{text}' memakai {scheme}://, yang tidak dapat dibuka di peramban. Tautan bukti dukung diawali https://; "
    "unggah dokumennya ke situs badan publik dan tulis tautannya{effect}.",
)
LINK_NO_HOST = Entry(
    "KM-E-103",
    WARNING,
    "tautan '{text}' tidak memuat alamat situs. Tulis alamat lengkap setelah https://, misalnya https://ppid.contoh.go.id/dokumen.pdf{effect}.",
)
LINK_NO_DOMAIN = Entry(
    "KM-E-104",
    WARNING,
    "alamat situs '{host}' pada tautan '{text}' tidak memuat nama domain yang lengkap (misalnya .go.id). "
    "Tulis alamat situs lengkapnya, misalnya https://ppid.contoh.go.id{effect}.",
)
LINK_NOT_COUNTED = Text(". Tautan ini tidak dihitung sebagai bukti dukung, sehingga jawaban '{answer}' untuk {code} {effect}")
