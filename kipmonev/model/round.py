"""A monev round (putaran): its settings, its roster, its event log and the progress derived from them.

A round is a folder: ``putaran.yaml`` (the settings), the roster (``daftar badan publik``), the intake store
and one SQLite file holding the event log. Every change of state is one :class:`Event`; nothing is updated
or deleted, and every view (the current version of each body, the progress table) is derived from the log.
Event kinds are data (:data:`EVENT_KINDS`), so later decisions (verification, objections, sign-off) are new
kinds in the same log, not new tables.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import Field

from kipmonev.model.base import Frozen
from kipmonev.model.signoff import LEVEL_ORDER, SignOffLevel

# --- settings and roster -----------------------------------------------------------------

class Deadlines(Frozen):
    """The round's deadlines; any may be unset while the schedule is not fixed."""

    filling: dt.date | None = Field(None, description="Batas akhir pengisian kuesioner oleh badan publik.")
    verification: dt.date | None = Field(None, description="Batas akhir verifikasi oleh Komisi Informasi.")
    objection: dt.date | None = Field(None, description="Batas akhir masa sanggah.")


class RoundConfig(Frozen):
    """What ``putaran.yaml`` holds."""

    commission: str = Field(description="Nama Komisi Informasi penyelenggara, seperti ditulis di templat dan laporan.")
    year: int = Field(ge=2008, le=2100, description="Tahun penilaian.")
    editions: dict[str, str] = Field(description="Edisi kuesioner per kategori: id edisi bawaan atau jalur berkas.")
    rule_set: str | None = Field(None, description="Id atau berkas aturan penilaian (tahap, gerbang, kualifikasi).")
    roster: str = Field("daftar-badan-publik.csv", description="Berkas daftar badan publik, relatif terhadap folder putaran.")
    deadlines: Deadlines = Field(default_factory=Deadlines, description="Tenggat pengisian, verifikasi dan sanggah.")
    panel_combine: str = Field("mean", pattern="^(mean|trimmed|median)$", description="Cara menggabungkan nilai panelis tahap lanjutan ('gabungan_panel' di putaran.yaml): mean (rata-rata, bawaan), trimmed (rata-rata terpangkas) atau median.")
    sign_offs: tuple[SignOffLevel, ...] = Field(LEVEL_ORDER, description="Pengesahan yang diwajibkan sebelum nilai final ('pengesahan' di putaran.yaml): dijamin_mutu, ditetapkan, keduanya (bawaan) atau tidak ada.")


class RosterEntry(Frozen):
    """One invited body."""

    id: str = Field(description="ID badan publik, unik dalam putaran.")
    name: str = Field(description="Nama badan publik.")
    category: str = Field(description="Kategori, seperti ditulis pada putaran.yaml.")
    ppid_email: str | None = Field(None, description="Email PPID, untuk surat-menyurat.")
    parent: str | None = Field(None, description="Badan publik induk (misalnya pemerintah daerah), bila ada.")


class Roster(Frozen):
    """The invited bodies, in file order."""

    source: str = Field(description="Berkas asal daftar.")
    entries: tuple[RosterEntry, ...]

    def by_id(self) -> dict[str, RosterEntry]:
        """Entries by ID, compared case-insensitively (keys are case-folded)."""
        return {e.id.casefold(): e for e in self.entries}


# --- the event log -------------------------------------------------------------------------

#: Every event kind the log knows, with its Indonesian label. New decisions are new kinds.
EVENT_KINDS: dict[str, str] = {
    "round.created": "putaran dibuat",
    "config.set": "pengaturan putaran ditetapkan",
    "roster.set": "daftar badan publik ditetapkan",
    "file.received": "berkas diterima",
    "file.duplicate": "berkas kembar diterima",
    "submission.current": "versi berlaku ditetapkan",
    "output.written": "keluaran putaran ditulis",
    "verification.assigned": "verifikator ditugaskan",
    "verification.recorded": "putusan verifikasi dicatat",
    "second_opinion.sampled": "sampel pendapat kedua ditarik",
    "verification.resolved": "beda putusan verifikasi diputuskan pleno",
    # sanggah (objection) round
    "sanggah.packed": "paket sanggah ditulis",
    "sanggah.filed": "sanggah diajukan",
    "sanggah.refused_late": "sanggah terlambat ditolak",
    "sanggah.decided": "sanggah diputus",
    # sign-off, penetapan and corrections (engine/signoff.py)
    "signoff.recorded": "pengesahan dicatat",
    "penetapan.recorded": "hasil ditetapkan dalam pleno",
    "correction.recorded": "koreksi sesudah penetapan dicatat",
    # later stages (presentasi/uji publik, visitasi): engine/round_stages.py
    "stage.kit_written": "lembar nilai tahap ditulis",
    "stage.scored": "nilai panelis dicatat",
}


class NewEvent(Frozen):
    """An event about to be appended (the store gives it its number and time)."""

    kind: str = Field(description="Jenis peristiwa, salah satu EVENT_KINDS.")
    subject: str = Field(description="Yang diubah: ID badan publik, hash berkas, 'putaran' atau 'daftar'.")
    old: str | None = Field(None, description="Nilai sebelumnya.")
    new: str | None = Field(None, description="Nilai baru.")
    reason: str | None = Field(None, description="Alasan perubahan.")
    input_hash: str | None = Field(None, description="SHA-256 berkas masukan yang menyebabkan perubahan.")
    data: dict[str, Any] = Field(default_factory=dict, description="Rincian peristiwa (JSON).")


class Event(NewEvent):
    """An event in the log."""

    seq: int = Field(description="Nomor urut, naik tanpa celah dalam satu basis data.")
    at: str = Field(description="Waktu pencatatan (ISO 8601, UTC).")
    actor: str = Field(description="Siapa yang menjalankan perintah.")


# --- intake ---------------------------------------------------------------------------------

class Outcome(StrEnum):
    """What a received file turned out to be."""

    VERSION = "versi"
    UNREADABLE = "perlu_perbaikan"
    BLANK = "templat_kosong"
    UNKNOWN_ID = "id_tidak_dikenal"
    NOT_WORKBOOK = "bukan_isian"
    ROUND_OUTPUT = "keluaran_putaran"


OUTCOME_LABELS: dict[Outcome, str] = {
    Outcome.VERSION: "versi isian",
    Outcome.UNREADABLE: "isian tidak terbaca, perlu perbaikan",
    Outcome.BLANK: "templat kosong (belum diisi)",
    Outcome.UNKNOWN_ID: "ID tidak ada di daftar",
    Outcome.NOT_WORKBOOK: "bukan berkas isian",
    Outcome.ROUND_OUTPUT: "keluaran putaran ini",
}


class FileRecord(Frozen):
    """A received file, as the log records it."""

    sha256: str
    name: str = Field(description="Nama berkas asli.")
    source: str = Field(description="Jalur berkas asli saat diterima.")
    size: int
    modified: str = Field(description="Waktu ubah berkas asli (ISO 8601, UTC).")
    stored: str = Field(description="Salinan di penyimpanan berkas masuk, relatif terhadap folder putaran.")
    received_at: str
    received_by: str
    outcome: Outcome
    body_id: str | None = Field(None, description="ID badan publik (dari daftar), bila diketahui.")
    questions: int = 0
    answered: int = 0
    missing: int = 0
    no_evidence: int = 0
    verified: int = 0
    problems: tuple[str, ...] = Field((), description="Galat pembacaan (untuk isian yang perlu perbaikan).")
    warnings: tuple[str, ...] = Field((), description="Peringatan: identitas tidak cocok dengan daftar, dan sebagainya.")
    identity_name: str | None = None
    identity_category: str | None = None
    questionnaire_id: str | None = None
    duplicates: tuple[str, ...] = Field((), description="Nama lain berkas yang isinya sama persis.")


# --- progress --------------------------------------------------------------------------------

class BodyStatus(StrEnum):
    """Where a roster body stands, from its current version (ordered from worst to best)."""

    NOT_SENT = "tidak_mengirim"
    BLANK = "templat_kosong"
    NEEDS_FIX = "perlu_perbaikan"
    INCOMPLETE = "belum_lengkap"
    NO_EVIDENCE = "jawaban_tanpa_bukti"
    COMPLETE = "lengkap"


STATUS_LABELS: dict[BodyStatus, str] = {
    BodyStatus.NOT_SENT: "tidak mengirim",
    BodyStatus.BLANK: "mengirim templat kosong",
    BodyStatus.NEEDS_FIX: "perlu perbaikan",
    BodyStatus.INCOMPLETE: "belum lengkap",
    BodyStatus.NO_EVIDENCE: "jawaban tanpa bukti",
    BodyStatus.COMPLETE: "lengkap",
}


class BodyProgress(Frozen):
    """One roster body's progress."""

    id: str
    name: str
    category: str
    parent: str | None
    ppid_email: str | None
    status: BodyStatus
    status_label: str
    versions: int = Field(description="Versi isian yang diterima (templat kosong tidak dihitung).")
    current_file: str | None = Field(None, description="Nama asli berkas versi berlaku.")
    received_at: str | None = Field(None, description="Waktu diterimanya versi berlaku.")
    questions: int = 0
    answered: int = 0
    missing: int = 0
    no_evidence: int = 0
    to_do: str = Field(description="Apa yang masih harus dilakukan badan publik, dalam satu kalimat.")
    warnings: tuple[str, ...] = ()


class GroupCount(Frozen):
    """Status counts for one category or parent body."""

    group: str
    counts: dict[str, int] = Field(description="Jumlah per status (kunci BodyStatus).")
    invited: int
    sent: int


class FileRow(Frozen):
    """One received file and what it is to the round; files that are no body's version are never ranked."""

    name: str = Field(description="Nama berkas asli.")
    sha256: str
    outcome: Outcome
    outcome_label: str
    body_id: str | None
    body_name: str | None
    received_at: str
    role: str = Field(description="'versi berlaku', 'versi lama', atau keterangan berkas yang tidak dinilai.")
    detail: str = Field("", description="Peringatan atau galat pertama, bila ada.")


class Progress(Frozen):
    """The round's progress on a date: per body, per category, per parent, and the files that are no version."""

    commission: str
    year: int
    date: str = Field(description="Tanggal keadaan (ISO).")
    deadlines: Deadlines
    bodies: tuple[BodyProgress, ...]
    by_category: tuple[GroupCount, ...]
    by_parent: tuple[GroupCount, ...]
    totals: GroupCount
    files: tuple[FileRow, ...] = Field(description="Setiap berkas yang diterima, termasuk versi lama dan berkas yang tidak dinilai.")
    status_labels: dict[str, str] = Field(default_factory=lambda: {s.value: label for s, label in STATUS_LABELS.items()})

    @property
    def strays(self) -> tuple[FileRow, ...]:
        """Files that are no roster body's version: blank templates, unknown IDs, stray files, outputs."""
        return tuple(f for f in self.files if f.outcome not in (Outcome.VERSION, Outcome.UNREADABLE) or f.body_id is None)
