"""Problems in a rule set's gates and rubrics (codes ``KM-G-0xx``); located by the loader's line mapping."""

from __future__ import annotations

from kipmonev.core.catalogue import ERROR, Entry

GATE_WITHOUT_TEST = Entry(
    "KM-G-001",
    ERROR,
    "gerbang tanpa 'batas' maupun 'peringkat'. Gerbang meloloskan badan publik menurut nilai minimum, peringkat per kategori, atau keduanya. "
    "Isi 'batas' (misalnya 60), 'peringkat' (misalnya 3), atau keduanya.",
)
GATE_UNKNOWN_STAGE = Entry(
    "KM-G-002",
    ERROR,
    "gerbang pada tahap '{stage}' yang tidak ada dalam aturan. Gerbang membandingkan nilai salah satu tahap aturan. Gunakan {stages}.",
)
GATE_AFTER_LAST_STAGE = Entry(
    "KM-G-003",
    ERROR,
    "gerbang pada tahap terakhir '{stage}' tidak meloloskan ke tahap mana pun. Gerbang berada sebelum tahap berikutnya. "
    "Pindahkan gerbang ke tahap sebelumnya atau hapus.",
)
GATES_OUT_OF_ORDER = Entry(
    "KM-G-004",
    ERROR,
    "gerbang pada tahap '{stage}' tidak berada sesudah gerbang sebelumnya. Gerbang berantai ditulis berurutan, satu gerbang per tahap. "
    "Urutkan gerbang menurut urutan tahap.",
)
RUBRIC_UNKNOWN_STAGE = Entry(
    "KM-G-005",
    ERROR,
    "rubrik untuk tahap '{stage}' yang bukan tahap lanjutan aturan ini. Rubrik menilai tahap sesudah SAQ. Gunakan {stages}.",
)
