"""Sign-off and penetapan in a round, as derived from the event log: who signed which result, what the pleno fixed.

Decisions are events (``signoff.recorded``, ``penetapan.recorded``, ``correction.recorded``, see
:mod:`kipmonev.model.round`); these models are the views :mod:`kipmonev.engine.signoff` derives from them.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from kipmonev.model.base import Frozen, Score


class SignOffLevel(StrEnum):
    """A sign-off a round may require before a result is final (``pengesahan`` in ``putaran.yaml``)."""

    QUALITY = "dijamin_mutu"
    FIXED = "ditetapkan"


#: Every level, in the order they are given.
LEVEL_ORDER: tuple[SignOffLevel, ...] = (SignOffLevel.QUALITY, SignOffLevel.FIXED)


class SignOffStatus(StrEnum):
    """Where a body's result stands (ordered from the least to the most settled)."""

    NO_RESULT = "belum_dinilai"
    UNVERIFIED = "belum_diverifikasi"
    VERIFIED = "diverifikasi"
    QUALITY = "dijamin_mutu"
    FIXED = "ditetapkan"


class CorrectionResult(Frozen):
    """A correction after penetapan: a new decision with its reference; the original stays in the log."""

    sk: str = Field(description="Nomor SK atau keputusan yang menjadi dasar koreksi.")
    old: Score = Field(description="Nilai sebelum koreksi.")
    new: Score = Field(description="Nilai sesudah koreksi.")
    old_band: str = Field(description="Kualifikasi sebelum koreksi.")
    new_band: str = Field(description="Kualifikasi sesudah koreksi.")
    new_band_code: str = Field(description="Kode kualifikasi sesudah koreksi.")
    new_band_color: str = Field(description="Warna kualifikasi sesudah koreksi.")
    reason: str = Field(description="Alasan koreksi.")
    at: str = Field(description="Waktu pencatatan (ISO 8601, UTC).")
    seq: int = Field(description="Nomor peristiwa di log putaran.")


class SignOffResult(Frozen):
    """The round's sign-off state of a body, as applied to its result (``Assessment.signoff``)."""

    status: SignOffStatus
    label: str = Field(description="Status untuk dibaca: 'diverifikasi', 'dijamin mutu', 'ditetapkan'.")
    required: tuple[SignOffLevel, ...] = Field(description="Pengesahan yang diwajibkan putaran.yaml sebelum nilai final.")
    hold: str | None = Field(None, description="Mengapa nilai belum final menurut putaran, misalnya 'Belum ditetapkan dalam pleno.'.")
    sk: str | None = Field(None, description="Nomor SK penetapan.")
    date: str | None = Field(None, description="Tanggal SK penetapan (ISO).")
    corrections: tuple[CorrectionResult, ...] = Field((), description="Koreksi sesudah penetapan, berurutan.")
    fixed: Score | None = Field(None, description="Nilai yang ditetapkan (sesudah koreksi terakhir, bila ada).")


class SignOffMark(Frozen):
    """One sign-off that counts for a body's current result."""

    level: SignOffLevel
    seq: int
    at: str
    actor: str
    result: str | None = Field(None, description="SHA-256 berkas hasil yang disahkan.")
    score: str | None = Field(None, description="Nilai yang disahkan, untuk dibaca.")


class Penetapan(Frozen):
    """What the pleno fixed for one body."""

    sk: str
    date: str = Field(description="Tanggal SK (ISO).")
    seq: int
    at: str
    score: Score
    band_code: str
    band_name: str
    band_color: str
    result: str | None = Field(None, description="SHA-256 berkas hasil yang ditetapkan.")


class BodySignOff(Frozen):
    """Where one roster body's sign-off stands, for its current version."""

    body_id: str
    name: str
    category: str
    submission: str | None = Field(None, description="SHA-256 versi berlaku.")
    status: SignOffStatus
    label: str
    pending: int = Field(0, description="Pertanyaan yang belum diverifikasi.")
    marks: tuple[SignOffMark, ...] = Field((), description="Pengesahan yang berlaku atas versi dan putusan sekarang.")
    stale: tuple[SignOffMark, ...] = Field((), description="Pengesahan yang gugur karena isian atau putusan berubah sesudahnya.")
    penetapan: Penetapan | None = None
    corrections: tuple[CorrectionResult, ...] = ()
    hold: str | None = Field(None, description="Mengapa nilai belum final menurut putaran; kosong bila pengesahan lengkap.")
    last_change: int = Field(0, description="Nomor peristiwa terakhir yang mengubah hasil (versi, putusan).")


class AnnexRow(Frozen):
    """One body in the penetapan annex."""

    rank: int
    body_id: str
    name: str
    category: str
    score: Score
    band_code: str
    band_name: str
    band_color: str
    note: str | None = Field(None, description="Koreksi yang mengubah nilai, dengan nomor SK-nya.")


class Annex(Frozen):
    """The penetapan annex (Lampiran Penetapan): per category, ranked with ties, under one SK and one date."""

    commission: str
    year: int
    sk: str
    date: str = Field(description="Tanggal SK (ISO); satu-satunya tanggal lampiran.")
    categories: tuple[tuple[str, tuple[AnnexRow, ...]], ...]
