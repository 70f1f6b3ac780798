"""What a body submits: its identity, its answers, the verifier's answers and later-stage scores.

These are the scoring engine's inputs. Readers (workbooks, JSON) build them; scoring never reads files.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from kipmonev.core.errors import Problem
from kipmonev.model.base import Frozen


class BodyIdentity(Frozen):
    """The public body assessed (Identitas)."""

    id: str | None = Field(None, description="Kode/ID badan publik, unik dalam satu penilaian.")
    name: str = Field(description="Nama badan publik.")
    category: str | None = Field(None, description="Kategori badan publik.")
    province: str | None = Field(None, description="Provinsi.")
    website: str | None = Field(None, description="Alamat situs web.")
    ppid_name: str | None = Field(None, description="Nama PPID (pejabat atau kontak).")
    ppid_email: str | None = Field(None, description="Email PPID.")
    year: int | None = Field(None, description="Tahun penilaian.")


class Answer(Frozen):
    """One answer, by the body or by the verifier.

    ``value`` depends on the question type: ``"Ya"``/``"Tidak"`` (any case), an option label, a tuple of
    checklist item codes that are met, or a number. ``None`` with ``not_applicable=False`` means unanswered.
    """

    value: str | Decimal | tuple[str, ...] | None = Field(None, description="Jawaban.")
    not_applicable: bool = Field(False, description="Dijawab 'Tidak Berlaku'.")
    evidence: tuple[str, ...] = Field((), description="Tautan atau nama dokumen bukti dukung.")
    note: str | None = Field(None, description="Keterangan pengisi atau catatan verifikator.")
    substitute: bool = Field(False, description="'Ya' dengan bukti pengganti (misalnya surat pernyataan) sebagai ganti bukti dukung.")

    @property
    def is_blank(self) -> bool:
        """True when nothing was answered (evidence or notes alone do not count as an answer).

        A checklist answered with no item met (every item 'Tidak') is an answer worth 0 points, not blank.
        """
        return self.value in (None, "") and not self.not_applicable


class Notice(Frozen):
    """A warning found while reading a submission, carried into the result."""

    code: str
    message: str
    where: str = Field(description="Lokasi, misalnya 'isian.xlsx, Kuesioner!F23'.")

    @classmethod
    def of(cls, problem: Problem) -> Notice:
        """Build from a located problem."""
        return cls(code=problem.code, message=problem.message, where=str(problem.location))


class Submission(Frozen):
    """Everything scored for one body."""

    questionnaire_id: str = Field(description="Id edisi kuesioner yang diisi.")
    body: BodyIdentity
    answers: dict[str, Answer] = Field(default_factory=dict, description="Jawaban mandiri per kode pertanyaan.")
    verification: dict[str, Answer] = Field(default_factory=dict, description="Jawaban verifikator per kode pertanyaan.")
    stage_scores: dict[str, Decimal] = Field(default_factory=dict, description="Nilai tahap lanjutan (0–100) per kode tahap.")
    source: str | None = Field(None, description="Berkas asal, bila ada.")
    notices: tuple[Notice, ...] = Field((), description="Peringatan dari pembacaan berkas.")

    @property
    def is_blank(self) -> bool:
        """True when nothing was answered, by the body or a verifier: a template sent back as it came."""
        return all(a.is_blank for a in self.answers.values()) and not any(not a.is_blank for a in self.verification.values())
