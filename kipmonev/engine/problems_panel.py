"""Problems found while fitting panel (stage-score) rows to the bodies of a batch (codes ``KM-P-1xx``)."""

from __future__ import annotations

from kipmonev.core.catalogue import WARNING, Entry

ID_CASE = Entry(
    "KM-P-101",
    WARNING,
    "ID '{given}' ditulis berbeda dengan ID di isian ('{body}'); nilai baris ini dipakai untuk '{body}'. ID dicocokkan persis; "
    "perbedaan huruf besar-kecil dan spasi hanya ditoleransi. Samakan penulisan ID di berkas nilai.",
)
MATCHED_BY_NAME = Entry(
    "KM-P-102",
    WARNING,
    "baris tanpa ID ini dicocokkan dengan '{name}' ({body}) menurut namanya. Pencocokan menurut nama kurang pasti daripada ID. "
    "Isi kolom ID badan publik.",
)
NOT_IN_BATCH = Entry(
    "KM-P-103",
    WARNING,
    "ID '{body}' tidak ada di antara isian batch ini; nilai baris ini tidak dipakai.{hint} Perbaiki ID di berkas nilai, "
    "atau sertakan isian badan publik itu.",
)
NAME_NOT_IN_BATCH = Entry(
    "KM-P-104",
    WARNING,
    "baris tanpa ID untuk '{name}' tidak cocok dengan nama badan publik mana pun di batch ini; nilainya tidak dipakai. "
    "Isi kolom ID badan publik.",
)
