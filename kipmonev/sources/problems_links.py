"""Link-check problems of the links helper (KM-E-1xx): what the network, not the link, is to blame for.

See :mod:`kipmonev.core.catalogue`.
"""

from __future__ import annotations

from kipmonev.core.catalogue import WARNING, Entry

LINKS_OFFLINE = Entry(
    "KM-E-110",
    WARNING,
    "tidak ada koneksi internet: tidak satu pun nama situs dapat ditemukan, termasuk situs pembanding {probe}, sehingga {count} tautan tidak diperiksa. "
    "Nilai tidak berubah. Periksa koneksi jaringan (atau DNS), lalu jalankan pemeriksaan tautan lagi.",
)
