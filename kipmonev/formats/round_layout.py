"""The round's file layouts shared by readers and writers: the roster's columns and the round folder's rooms."""

from __future__ import annotations

#: The roster's headings, in the order ``round init`` writes them.
ROSTER_HEADER = ("ID", "Nama", "Kategori", "Email PPID", "Induk")
#: Accepted headings per roster field, compared case-insensitively after squeezing spaces.
ROSTER_HEADINGS: dict[str, tuple[str, ...]] = {
    "id": ("id", "kode", "id badan publik", "kode badan publik", "kode/id badan publik", "kode/id"),
    "name": ("nama", "nama badan publik", "badan publik"),
    "category": ("kategori", "kategori badan publik"),
    "ppid_email": ("email ppid", "e-mail ppid", "surel ppid", "email", "e-mail", "surel"),
    "parent": ("induk", "badan publik induk", "induk badan publik", "parent"),
}

CONFIG_FILE = "putaran.yaml"
STORE_FILE = "putaran.sqlite"
ROSTER_FILE = "daftar-badan-publik.csv"
#: Copies of every received file, named by content hash; never edited.
INTAKE_DIR = "berkas-masuk"
#: The fill-in workbooks written by ``round templates``, one per roster body.
TEMPLATES_DIR = "templat"
#: Progress outputs of ``round status``.
STATUS_DIR = "status"
#: Results, recap and reports of ``round recap``.
RECAP_DIR = "rekap"
#: The verifier packs of ``round verify-pack``, one folder per verifier.
VERIFY_DIR = "verifikasi"
#: The sanggah packs of ``round sanggah-pack``, one per body whose verification cost it points.
SANGGAH_DIR = "sanggah"
#: Accepted headings of the verifiers' assignment file (``round assign``), compared case-insensitively.
ASSIGNMENT_HEADINGS: dict[str, str] = {"body_id": "ID", "category": "Kategori", "verifier": "Verifikator"}
#: The penetapan annexes (Lampiran Penetapan) of ``round penetapan`` and ``round correct``, one pair per SK.
PENETAPAN_DIR = "penetapan"
