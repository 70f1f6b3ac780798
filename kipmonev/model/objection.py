"""The sanggah (objection) round: a body's claims against verdicts that cost it points, and their decisions.

Claims and decisions are events (``sanggah.packed``, ``sanggah.filed``, ``sanggah.refused_late``,
``sanggah.decided``, see :mod:`kipmonev.model.round`); :mod:`kipmonev.engine.objection` derives these views
from the log. :class:`kipmonev.model.result.ObjectionResult` is the optional ``objection`` section of the canonical result.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import Field

from kipmonev.model.base import Frozen
from kipmonev.model.submission import Answer


class Decision(StrEnum):
    """A verifier's decision on a claim."""

    ACCEPTED = "diterima"
    REJECTED = "ditolak"


class Claim(Frozen):
    """A body's latest claim on one item of one submission, and its decision when there is one."""

    body_id: str
    code: str = Field(description="Kode pertanyaan.")
    submission: str = Field(description="SHA-256 isian yang disanggah.")
    claim: str = Field(description="Tanggapan atau klaim badan publik.")
    claimed: Answer | None = Field(None, description="Jawaban yang diajukan badan publik, bila ada.")
    claimed_text: str | None = Field(None, description="Jawaban yang diajukan, untuk dibaca.")
    evidence: str | None = Field(None, description="Bukti baru: tautan atau nama berkas.")
    received: str = Field(description="Tanggal sanggah diterima (ISO).")
    pack: str = Field(description="SHA-256 paket sanggah yang memuat klaim.")
    verdict_before: str = Field(description="Putusan verifikasi yang disanggah, untuk dibaca.")
    filed_seq: int = Field(description="Nomor peristiwa sanggah.filed di log putaran.")
    decision: Decision | None = Field(None, description="Putusan atas sanggah; kosong bila belum diputus.")
    reason: str | None = Field(None, description="Alasan putusan.")
    decided_by: str | None = Field(None, description="Verifikator yang memutus.")
    decided_at: str | None = Field(None, description="Waktu putusan (ISO 8601, UTC).")
    verdict_after: Answer | None = Field(None, description="Putusan verifikasi sesudah sanggah diterima.")
    verdict_after_text: str | None = Field(None, description="Putusan sesudah sanggah, untuk dibaca.")
    decided_seq: int | None = Field(None, description="Nomor peristiwa sanggah.decided di log putaran.")


class LateRefusal(Frozen):
    """A sanggah pack refused because it arrived after the objection deadline."""

    body_id: str
    file: str = Field(description="Nama berkas paket.")
    received: str = Field(description="Tanggal diterima (ISO).")
    deadline: str = Field(description="Batas masa sanggah (ISO).")
    seq: int


class BodyObjections(Frozen):
    """One body's sanggah on its current version."""

    body_id: str
    name: str
    submission: str | None
    packed: bool = Field(description="Paket sanggah sudah ditulis untuk versi ini.")
    claims: tuple[Claim, ...] = ()
    late: tuple[LateRefusal, ...] = ()

    @property
    def pending(self) -> tuple[Claim, ...]:
        """Claims without a decision."""
        return tuple(c for c in self.claims if c.decision is None)


class ObjectionState(Frozen):
    """Every roster body's sanggah (``round sanggah-status``)."""

    deadline: str | None = Field(description="Batas masa sanggah (ISO), bila ditetapkan.")
    bodies: tuple[BodyObjections, ...]


class PackItem(Frozen):
    """One row of a sanggah pack: what the body answered and what verification decided, as shown (locked)."""

    code: str = Field(description="Kode pertanyaan.")
    question: str = Field(description="Teks pertanyaan.")
    answer: str = Field(description="Jawaban badan publik, untuk dibaca.")
    evidence: str = Field(description="Data dukung badan publik, satu per baris.")
    own_points: Decimal = Field(description="Poin mandiri.")
    verdict: str = Field(description="Jawaban verifikasi, untuk dibaca.")
    note: str = Field(description="Catatan verifikator.")
    verified_points: Decimal = Field(description="Poin verifikasi.")
