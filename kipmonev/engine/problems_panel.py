"""Problems found while fitting panel (stage-score) rows to the bodies of a batch (codes ``KM-P-1xx``), and from panel kits (KM-P-110..)."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, WARNING, Entry, Text

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
BODY_IN_TWO_ROOMS = Entry(
    "KM-P-110",
    ERROR,
    "badan publik '{body}' dinilai pada tahap {stage} di ruang '{room}' padahal sudah dinilai di ruang '{other}'. Satu badan publik "
    "dinilai di satu ruang per tahap. Hapus baris badan publik itu dari salah satu lembar nilai.",
)
NOBODY_SCORED = Entry(
    "KM-P-111",
    WARNING,
    "tidak ada nilai panelis yang dipakai untuk '{body}' di ruang '{room}' (kosong, atau semua panelisnya berkonflik kepentingan); "
    "tahap ini belum bernilai bagi badan publik itu. Isi nilai panelis yang tidak berkonflik.",
)
RUBRIC_DIFFERS = Entry(
    "KM-P-113",
    ERROR,
    "lembar nilai {stage} ruang '{room}' dinilai dengan kriteria {given}, padahal aturan yang diterapkan menilai tahap itu dengan {expected}. "
    "Nilai panelis dihitung dengan rubrik aturan yang diterapkan. Buat lembar nilai dengan 'kipmonev panel kit' dan --rules yang sama dengan "
    "yang dipakai untuk menilai, lalu salin nilainya ke sana.",
)
CONFLICT_UNUSED = Entry(
    "KM-P-112",
    WARNING,
    "konflik kepentingan panelis '{panelist}' dengan '{body}' tidak cocok dengan baris mana pun di lembar nilai. Konflik dicocokkan "
    "menurut nama panelis dan ID badan publik. Periksa penulisan nama panelis dan ID.",
)

#: The hint of NOT_IN_BATCH when a batch body's ID is close to the row's.
NEAR_BODY = Text(" Mungkin yang dimaksud '{body}'.")
