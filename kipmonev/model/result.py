"""The canonical result: one Assessment per body, serialised to JSON with a published schema.

Every report, recap and export is rendered from this and nothing else, so renderings cannot disagree.
Scores are exact decimals in Python and JSON numbers on disk; every published score is already rounded
by the edition's rule.
"""

from __future__ import annotations

from collections.abc import Set
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import Field

from kipmonev.model.base import Frozen, Score
from kipmonev.model.objection import Decision
from kipmonev.model.questionnaire import AnswerType, AssessedBy, EvidenceKind, GateFailRule, GateJoin, MissingAnswerRule, NoteStatus, RoundingMode
from kipmonev.model.signoff import SignOffResult
from kipmonev.model.submission import BodyIdentity, Notice

#: Bumped when the result's shape changes incompatibly.
SCHEMA_VERSION = "1.0"

_M = TypeVar("_M", bound=Frozen)
_set = object.__setattr__


def trusted(template: _M, update: dict[str, Any]) -> _M:
    """A copy of a trusted result part with some fields replaced, without validation (the scoring engine's fast path).

    The same instance as ``model_construct`` with the template's fields and ``update`` would give (same
    field order, same set fields), at a fraction of the cost. ``update`` names fields the template set.
    """
    values = template.__dict__.copy()
    values.update(update)
    return trusted_new(type(template), values, template.__pydantic_fields_set__)


def trusted_new(cls: type[_M], values: dict[str, Any], fields_set: Set[str]) -> _M:
    """An instance from trusted values: every field, in the model's field order, no validation (as ``model_construct``)."""
    m = cls.__new__(cls)
    _set(m, "__dict__", values)
    _set(m, "__pydantic_fields_set__", set(fields_set))
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m


class QuestionStatus(StrEnum):
    """How an answer was counted."""

    ANSWERED = "answered"
    MISSING = "missing"
    NOT_APPLICABLE = "not_applicable"
    NO_EVIDENCE = "no_evidence"


class GatePass(StrEnum):
    """Why a body passed a gate: by the threshold or by its rank."""

    THRESHOLD = "batas"
    RANK = "peringkat"


class Basis(StrEnum):
    """Which track the headline score stands on."""

    VERIFIED = "verified"
    SELF = "self"


class ScaleStep(Frozen):
    """One way to earn points on a question, for display: an option, a checklist item, a range."""

    code: str | None = Field(None, description="Kode butir daftar periksa.")
    label: str
    points: Score
    description: str | None = Field(None, description="Uraian tingkat skala verifikasi.")


class GroupRef(Frozen):
    """A titled group a question belongs to (aspek, sub-aspek, kelompok)."""

    code: str
    title: str


class SubstituteResult(Frozen):
    """The substitute evidence a question accepts."""

    name: str
    signed_by: str | None = None
    evidence_required: EvidenceKind = Field(description="Bukti yang wajib bila bukti pengganti dipakai.")
    label: str = Field(description="Jawaban yang menyatakan pemakaian bukti pengganti.")


class Fulfilment(StrEnum):
    """How much of a question's points an answer earned."""

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"


class AnswerResult(Frozen):
    """How one answer (the body's or the verifier's) was scored."""

    answer: str | None = Field(description="Jawaban untuk ditampilkan ('Ya', label pilihan, kode butir, angka), kosong bila tidak dijawab.")
    checked: tuple[str, ...] = Field((), description="Kode butir daftar periksa yang dicentang.")
    evidence: tuple[str, ...] = Field((), description="Bukti dukung yang diberikan.")
    status: QuestionStatus
    earned: Score = Field(description="Poin yang diperoleh.")
    possible: Score = Field(description="Poin yang mungkin; 0 bila tidak berlaku.")
    reason: str | None = Field(None, description="Penjelasan status, dalam Bahasa Indonesia.")
    fulfilment: Fulfilment | None = Field(None, description="'full', 'partial' atau 'none' menurut poin; kosong bila tidak berlaku.")
    level: str | None = Field(None, description="Tingkat skala verifikasi yang dipilih verifikator.")
    substitute: bool = Field(False, description="Jawaban 'Ya' memakai bukti pengganti.")


class EvidenceSource(StrEnum):
    """What one piece of evidence is: a file in the evidence folder or a link."""

    FILE = "file"
    LINK = "link"


class EvidenceRecord(Frozen):
    """One piece of evidence as it was checked: what was seen, so a verifier can show it.

    Filled after scoring by the checks in sources/app; scoring never reads it.
    """

    kind: EvidenceSource = Field(description="'file' untuk berkas di folder bukti, 'link' untuk tautan.")
    value: str = Field(description="Nama berkas atau URL sebagaimana ditulis di sel bukti.")
    location: str | None = Field(None, description="Sel tempat bukti ditulis, misalnya 'Kuesioner!F12'.")
    file_name: str | None = Field(None, description="Nama berkas yang ditemukan di folder bukti (bisa berbeda huruf besar/kecilnya).")
    sha256: str | None = Field(None, description="SHA-256 isi berkas (heksadesimal); kosong bila berkas tidak ditemukan.")
    size: int | None = Field(None, description="Ukuran berkas dalam bita.")
    media_type: str | None = Field(None, description="Jenis berkas menurut isinya, misalnya 'application/pdf'.")
    pages: int | None = Field(None, description="Jumlah halaman PDF.")
    text_layer: bool | None = Field(None, description="PDF memiliki lapisan teks; salah berarti hasil pindai.")
    status: str | None = Field(None, description="Hasil pemeriksaan tautan, misalnya kode HTTP atau keadaan.")
    checked_at: str | None = Field(None, description="Waktu pemeriksaan (ISO 8601, UTC).")
    problem_code: str | None = Field(None, description="Kode masalah bila pemeriksaan gagal, misalnya 'KM-E-201'.")
    message: str | None = Field(None, description="Pesan masalah dalam Bahasa Indonesia.")


class QuestionResult(Frozen):
    """A question, its definition and how it was scored."""

    code: str
    indicator: str
    type: AnswerType
    text: str
    hint: str | None
    definition: str
    legal_basis: str
    recommendation: str
    evidence_required: EvidenceKind
    unit: str | None = Field(None, description="Satuan jawaban angka, misalnya 'hari kerja'.")
    max_points: Score
    scale: tuple[ScaleStep, ...]
    verifier_scale: tuple[ScaleStep, ...] = Field((), description="Tingkat yang dipilih verifikator, bila pertanyaan memakai skala verifikasi.")
    assessed_by: AssessedBy | None = Field(None, description="Siapa yang menilai: 'badan_publik', 'verifikator', 'panel' atau 'sistem'; kosong bila tidak dinyatakan.")
    all_or_nothing: bool = Field(False, description="Ketidaklengkapan menghilangkan nilai: poin hanya bila semua butir terpenuhi.")
    substitute: SubstituteResult | None = Field(None, description="Bukti pengganti yang diterima.")
    groups: tuple[GroupRef, ...] = Field((), description="Kelompok berjudul tempat pertanyaan ini, dari yang terluar.")
    self_answer: AnswerResult = Field(description="Jawaban mandiri badan publik.")
    verified_answer: AnswerResult | None = Field(description="Keputusan verifikator; kosong bila belum diverifikasi.")
    verifier_note: str | None = None
    respondent_note: str | None = None
    counted: AnswerResult = Field(description="Jawaban yang dihitung pada nilai dasar (verifikasi bila ada, selain itu mandiri).")
    evidence_checks: tuple[EvidenceRecord, ...] = Field((), description="Hasil pemeriksaan tiap bukti (berkas dan tautan); tidak mengubah nilai.")
    period: int | None = Field(None, description="Tahun yang harus dicakup dokumen buktinya ('periode' edisi); kosong bila tidak dinyatakan.")


class IndicatorResult(Frozen):
    """One indicator on one track (self or verified)."""

    code: str
    name: str
    description: str | None = None
    weight: Score
    earned: Score
    possible: Score
    percent: Score | None = Field(description="Poin diperoleh ÷ poin mungkin × 100, dibulatkan; kosong bila tidak ada butir berlaku.")
    contribution: Score = Field(description="Sumbangan ke nilai SAQ, dibulatkan untuk tampilan.")


class TrackResult(Frozen):
    """The SAQ on one track: the body's own answers (mandiri) or the verifier's (verifikasi)."""

    score: Score = Field(description="Nilai SAQ 0–100, dibulatkan sekali dari nilai tepat.")
    indicators: tuple[IndicatorResult, ...]
    active_weight: Score = Field(description="Jumlah bobot indikator yang memiliki butir berlaku (biasanya 100).")


class PanelCriterion(Frozen):
    """One criterion of the rubric a panel kit was scored on."""

    code: str
    name: str
    weight: Score


class CriterionScore(Frozen):
    """One panelist's score on one criterion."""

    code: str
    score: Score | None = Field(description="Nilai 0–100 seperti ditulis panelis; kosong bila tidak diisi.")


class PanelistScore(Frozen):
    """One panelist's scores for the body on one stage, and whether they count."""

    panelist: str
    criteria: tuple[CriterionScore, ...]
    score: Score | None = Field(description="Nilai berbobot panelis: Σ nilai × bobot ÷ jumlah bobot, dibulatkan 2 desimal untuk tampilan; kosong bila panelis tidak menilai.")
    excluded: str | None = Field(None, description="Alasan konflik kepentingan bila nilai panelis ini tidak dipakai; kosong bila dipakai.")


class PanelResult(Frozen):
    """How a stage score came from a panel kit (``score --panel``): the rubric, every panelist's scores, who was left out."""

    room: str = Field(description="Ruang atau kelompok tempat badan publik dinilai.")
    combine: str = Field(description="Cara menggabungkan nilai panelis: 'mean', 'trimmed' atau 'median'.")
    criteria: tuple[PanelCriterion, ...]
    panelists: tuple[PanelistScore, ...]


class StageResult(Frozen):
    """One stage's score and its part in the final score."""

    code: str
    name: str
    weight: Score
    score: Score | None = Field(description="Nilai tahap; kosong bila belum ada.")
    contribution: Score | None = Field(description="Bobot × nilai ÷ 100; kosong bila tidak dihitung.")
    panel: PanelResult | None = Field(None, description="Nilai setiap panelis per kriteria dan konflik kepentingan, bila nilai tahap berasal dari lembar nilai panelis.")


class GateResult(Frozen):
    """One gate's outcome for the body (rules G1–G6 in :mod:`kipmonev.engine.gates`)."""

    threshold: Score | None = Field(description="Nilai minimum (termasuk); kosong bila gerbang hanya memakai peringkat.")
    score: Score | None = Field(description="Nilai yang dibandingkan (SAQ dasar untuk gerbang pertama); kosong bila belum ada.")
    passed: bool | None = Field(description="Lolos atau tidak; kosong bila belum dapat diputuskan atau gerbang tidak dicapai.")
    on_fail: GateFailRule = Field(description="Aturan bagi yang tidak lolos: 'nilai_saq', 'tahap_lain_nol' atau 'tahap_dicapai'.")
    stage: str = Field("saq", description="Kode tahap yang nilainya dibandingkan.")
    label: str | None = Field(None, description="Gerbang dalam kata-kata, misalnya 'SAQ ≥ 60 → Presentasi'.")
    top: int | None = Field(None, description="N pada 'N teratas per kategori'; kosong bila tanpa peringkat.")
    join: GateJoin | None = Field(None, description="'atau' atau 'dan' bila gerbang memakai batas dan peringkat.")
    reached: bool = Field(True, description="Badan publik lolos semua gerbang sebelumnya sehingga sampai di gerbang ini.")
    by: GatePass | None = Field(None, description="Lolos karena 'batas' atau 'peringkat'.")
    rank: int | None = Field(None, description="Peringkat di kategorinya pada gerbang peringkat (dinilai per batch).")


class BandResult(Frozen):
    """A qualification."""

    code: str
    name: str
    lower: Score
    color: str
    message: str | None


class Improvement(Frozen):
    """An unmet item and what meeting it alone would add (potensi tambahan nilai)."""

    code: str
    indicator: str
    text: str
    definition: str
    recommendation: str
    legal_basis: str
    status: QuestionStatus
    earned: Score
    possible: Score
    gain_saq: Score = Field(description="Tambahan nilai SAQ dasar bila butir ini saja dipenuhi.")
    gain: Score = Field(description="Tambahan nilai utama (nilai akhir, atau perkiraan bila belum final) bila butir ini saja dipenuhi.")


class Counts(Frozen):
    """Question counts on the body's own answers."""

    questions: int
    answered: int
    missing: int
    not_applicable: int
    no_evidence: int
    verified: int


class QuestionnaireRef(Frozen):
    """Which edition scored this, exactly."""

    id: str
    title: str
    commission: str
    year: int
    category: str
    version: int
    content_hash: str
    rule_set: str | None
    description: str | None = None
    direct_points: bool = Field(False, description="Poin butir dijumlahkan langsung tanpa pembobotan ulang per indikator ('poin_langsung').")


class RuleNoteResult(Frozen):
    """Whether a rule value is confirmed or a preset."""

    item: str
    status: NoteStatus
    source: str | None
    reason: str | None


class RulesSummary(Frozen):
    """The rules applied, repeated for the methodology section of reports."""

    bands: tuple[BandResult, ...]
    rounding_places: int | None
    rounding_mode: RoundingMode
    evidence_credit: Score
    missing_answers: MissingAnswerRule
    verification_required: bool
    notes: tuple[RuleNoteResult, ...]


class InputRole(StrEnum):
    """What an input file of a result was."""

    WORKBOOK = "isian"
    VERIFY_PACK = "paket_verifikasi"
    STAGES = "berkas_tahap"
    PANEL = "berkas_panel"
    RULES = "aturan"
    QUESTIONNAIRE = "kuesioner"


class InputFile(Frozen):
    """One file a result was computed from, so an edited copy is detectable (``round verify-inputs``)."""

    role: InputRole = Field(description="'isian', 'paket_verifikasi', 'berkas_tahap', 'berkas_panel', 'aturan' atau 'kuesioner'.")
    name: str = Field(description="Nama berkas (untuk isian dalam putaran: nama asli saat diterima).")
    sha256: str = Field(description="SHA-256 isi berkas saat dinilai (heksadesimal).")


class Method(StrEnum):
    """How the headline score was formed (rules S6–S8)."""

    SAQ_ONLY = "saq_only"
    WEIGHTED_STAGES = "weighted_stages"
    GATE_FAILED_SAQ = "gate_failed_saq"
    GATE_FAILED_ZERO = "gate_failed_zero"
    GATE_FAILED_REACHED = "gate_failed_reached"
    GATE_PENDING = "gate_pending"
    STAGE_MISSING = "stage_missing"


class Outcome(Frozen):
    """The headline: final score and qualification when the rules give one, an estimate otherwise."""

    complete: bool = Field(description="True bila aturan memberi nilai akhir dan kualifikasi.")
    final_score: Score | None
    band: BandResult | None
    reasons: tuple[str, ...] = Field(description="Mengapa belum final (Bahasa Indonesia).")
    basis: Basis = Field(description="'verified' bila nilai dasar dari verifikasi, 'self' bila dari jawaban mandiri.")
    estimate_score: Score = Field(description="Nilai utama: nilai akhir bila final, selain itu perkiraan dari data yang ada.")
    estimate_band: BandResult = Field(description="Kualifikasi nilai utama (perkiraan bila belum final).")
    estimate_includes_stages: bool = Field(description="Perkiraan sudah memperhitungkan tahap lanjutan.")
    method: Method = Field(description="Cara nilai utama dibentuk: hanya SAQ, tahap berbobot, tidak lolos gerbang (nilai SAQ / tahap lain 0), atau tahap belum lengkap.")


# --- sanggah (objection) -------------------------------------------------------------------

class ObjectionItem(Frozen):
    """One claim in a body's result: what was claimed, the decision, the verdict and points before and after."""

    code: str = Field(description="Kode pertanyaan.")
    claim: str = Field(description="Tanggapan atau klaim badan publik.")
    claimed: str | None = Field(None, description="Jawaban yang diajukan.")
    evidence: str | None = Field(None, description="Bukti baru.")
    received: str = Field(description="Tanggal sanggah diterima (ISO).")
    decision: Decision | None = Field(None, description="'diterima', 'ditolak', atau kosong bila belum diputus.")
    reason: str | None = None
    decided_by: str | None = None
    decided_at: str | None = Field(None, description="Waktu putusan (ISO 8601, UTC).")
    verdict_before: str = Field(description="Putusan verifikasi sebelum sanggah.")
    verdict_after: str = Field(description="Putusan verifikasi sesudah sanggah.")
    points_before: Score = Field(description="Poin verifikasi sebelum sanggah.")
    points_after: Score = Field(description="Poin verifikasi sesudah sanggah.")


class ObjectionResult(Frozen):
    """The ``objection`` section of a result: the verified score before and after sanggah, and each claim."""

    saq_before: Score = Field(description="Nilai SAQ verifikasi sebelum sanggah.")
    saq_after: Score = Field(description="Nilai SAQ verifikasi sesudah sanggah.")
    score_before: Score = Field(description="Nilai utama sebelum sanggah.")
    score_after: Score = Field(description="Nilai utama sesudah sanggah (sama dengan outcome.estimate_score).")
    items: tuple[ObjectionItem, ...] = ()


class Assessment(Frozen):
    """The canonical result for one body."""

    schema_version: str = SCHEMA_VERSION
    kipmonev_version: str
    questionnaire: QuestionnaireRef
    rules: RulesSummary
    body: BodyIdentity
    source: str | None = Field(None, description="Berkas asal.")
    inputs: tuple[InputFile, ...] = Field((), description="Berkas masukan hasil ini (peran, nama, SHA-256): isian, paket verifikasi, berkas tahap atau panel, aturan, kuesioner.")
    signoff: SignOffResult | None = Field(None, description="Status pengesahan dalam putaran (diverifikasi, dijamin mutu, ditetapkan) dan koreksi sesudah penetapan; kosong di luar putaran.")
    saq_self: TrackResult = Field(description="Nilai mandiri.")
    saq_verified: TrackResult | None = Field(description="Nilai verifikasi; kosong bila belum ada jawaban verifikator.")
    stages: tuple[StageResult, ...]
    gate: GateResult | None = Field(description="Gerbang pertama (sama dengan gates[0]); kosong bila tanpa gerbang.")
    gates: tuple[GateResult, ...] = Field((), description="Semua gerbang, berurutan (gerbang berantai).")
    outcome: Outcome
    counts: Counts
    questions: tuple[QuestionResult, ...]
    improvements: tuple[Improvement, ...] = Field(description="Butir belum terpenuhi, diurutkan dari potensi tambahan nilai terbesar.")
    notices: tuple[Notice, ...] = ()
    objection: ObjectionResult | None = Field(None, description="Sanggah: nilai sebelum dan sesudah sanggah, dan putusan setiap sanggah; kosong tanpa sanggah.")

    def to_json(self) -> str:
        """Serialise to the canonical JSON text (UTF-8, indented, stable key order)."""
        return self.model_dump_json(indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes) -> Assessment:
        """Read a result written by :meth:`to_json`."""
        return cls.model_validate_json(text)


def result_schema() -> dict[str, Any]:
    """The JSON Schema of the canonical result (``kipmonev schema``)."""
    schema = Assessment.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"urn:kipmonev:assessment:{SCHEMA_VERSION}"
    return schema
