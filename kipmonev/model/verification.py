"""The commission's verification in a round, as derived from the event log: who verifies whom, what was decided.

Decisions are events (``verification.assigned``, ``verification.recorded``, ``second_opinion.sampled``,
``verification.resolved``, see :mod:`kipmonev.model.round`); these models are the views
:mod:`kipmonev.engine.verification` derives from them.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from kipmonev.model.base import Frozen
from kipmonev.model.submission import Answer


class Role(StrEnum):
    """Whose verdict a pack carries: the assigned verifier's, or a second opinion on a sample."""

    FIRST = "utama"
    SECOND = "kedua"


class Verdict(Frozen):
    """One verifier's latest decision on one question of one received submission."""

    body_id: str
    code: str = Field(description="Kode pertanyaan.")
    submission: str = Field(description="SHA-256 isian yang diputuskan.")
    role: Role
    verifier: str = Field(description="Nama verifikator, dari paket verifikasi.")
    answer: Answer = Field(description="Jawaban verifikasi (nilai, tingkat atau Tidak Berlaku) dan catatan verifikator.")
    text: str = Field(description="Jawaban verifikasi untuk dibaca.")
    seq: int = Field(description="Nomor peristiwa di log putaran.")
    at: str = Field(description="Waktu pencatatan (ISO 8601, UTC).")


class Clash(Frozen):
    """Two verdicts on one item that disagree: the item stays unverified until the pleno decides."""

    body_id: str
    code: str
    first: Verdict
    second: Verdict


class Pending(Frozen):
    """An item of a body without a verdict that counts: never decided, or two verdicts that clash."""

    code: str = Field(description="Kode pertanyaan.")
    cell: str = Field(description="Sel Jawaban Verifikasi pada paket verifikasi, misalnya 'Kuesioner!I12'.")
    clash: bool = Field(False, description="Dua putusan berbeda menunggu keputusan pleno.")


class BodyVerification(Frozen):
    """Where one body's verification stands, for its current version."""

    body_id: str
    name: str
    category: str
    submission: str | None = Field(None, description="SHA-256 versi berlaku; kosong bila belum ada isian.")
    verifier: str | None = Field(None, description="Verifikator yang ditugaskan.")
    second_verifier: str | None = Field(None, description="Verifikator pendapat kedua, bila badan publik masuk sampel.")
    sampled: tuple[str, ...] = Field((), description="Pertanyaan sampel pendapat kedua.")
    decided: dict[str, Answer] = Field(default_factory=dict, description="Jawaban verifikasi yang berlaku per pertanyaan (dipakai untuk penilaian).")
    to_verify: int = Field(0, description="Pertanyaan yang perlu diverifikasi (dijawab badan publik).")
    pending: tuple[Pending, ...] = Field((), description="Belum diverifikasi: pertanyaan tanpa putusan yang berlaku.")
    clashes: tuple[Clash, ...] = ()


class VerifierLoad(Frozen):
    """One verifier's workload and progress."""

    verifier: str
    bodies: int = Field(description="Badan publik yang ditugaskan (sebagai verifikator utama).")
    bodies_done: int = Field(description="Badan publik yang seluruh pertanyaannya sudah diputuskan olehnya.")
    items: int = Field(description="Pertanyaan yang perlu ia putuskan (utama dan pendapat kedua).")
    items_done: int = Field(description="Pertanyaan yang sudah ia putuskan.")


class PairAgreement(Frozen):
    """Agreement between a first and a second verifier on the sampled items both decided."""

    first: str
    second: str
    items: int
    agreed: int
    percent: str | None = Field(description="Persentase kesepakatan, misalnya '87,5%'; kosong tanpa butir.")
    kappa: str | None = Field(description="Kappa Cohen dengan dua desimal, misalnya '0,71'; kosong bila tidak terdefinisi.")
    percent_exact: str | None = Field(description="Persentase kesepakatan sebagai pecahan pasti, misalnya '7/8'.")
    kappa_exact: str | None = Field(description="Kappa Cohen sebagai pecahan pasti, misalnya '5/7'.")


class VerificationState(Frozen):
    """The round's verification: per body, per verifier, per verifier pair, and the clashes for the pleno."""

    bodies: tuple[BodyVerification, ...]
    verifiers: tuple[VerifierLoad, ...]
    pairs: tuple[PairAgreement, ...]
    clashes: tuple[Clash, ...]
