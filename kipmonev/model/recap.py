"""The recap (rekapitulasi) of a batch: the canonical object from which every recap export is rendered.

Built by :mod:`kipmonev.engine.recap` (rules B1–B5 are documented there).
"""

from __future__ import annotations

from pydantic import Field

from kipmonev._version import __version__
from kipmonev.model.base import Frozen, Score
from kipmonev.model.result import BandResult
from kipmonev.model.submission import Notice

RECAP_SCHEMA_VERSION = "1.0"


class StageCell(Frozen):
    """One stage's score in a row."""

    code: str
    name: str
    score: Score | None
    note: str | None = Field(None, description="Asal nilai tahap, misalnya 'rata-rata 3 panelis'.")


class GateCell(Frozen):
    """One gate's call for a row."""

    label: str
    reached: bool
    passed: bool | None
    score: Score | None = None
    rank: int | None = None


class IndicatorCell(Frozen):
    """One indicator on the body's basis track."""

    code: str
    name: str
    weight: Score
    percent: Score | None
    contribution: Score


class Previous(Frozen):
    """Last year's headline for the same body ID."""

    score: Score
    band: str
    complete: bool
    change: Score


class BodyRow(Frozen):
    """One scored body in the recap."""

    file: str
    body_id: str | None
    name: str
    category: str
    questionnaire_id: str
    commission: str | None = Field(None, description="Komisi Informasi penyelenggara menurut kuesioner yang menilai.")
    year: int | None = Field(None, description="Tahun penilaian menurut kuesioner yang menilai.")
    saq_self: Score
    saq_verified: Score | None
    stages: tuple[StageCell, ...]
    gate_passed: bool | None
    gates: tuple[GateCell, ...] = ()
    final_score: Score | None
    band: BandResult | None
    estimate_score: Score
    estimate_band: BandResult
    complete: bool
    reasons: tuple[str, ...]
    indicators: tuple[IndicatorCell, ...]
    missing_answers: int
    no_evidence: int
    answered: int | None = Field(None, description="Pertanyaan yang dijawab; 0 berarti templat kosong.")
    result_file: str | None = None
    rank: int | None = None
    previous: Previous | None = None
    notices: tuple[Notice, ...] = Field((), description="Peringatan pembacaan dan penilaian berkas ini (berkas tetap dinilai).")
    signoff: str | None = Field(None, description="Status pengesahan dalam putaran: 'belum diverifikasi', 'diverifikasi', 'dijamin mutu' atau 'ditetapkan'; kosong di luar putaran.")


class ErrorRow(Frozen):
    """One problem of a file that could not be scored (or, in ``Recap.skipped``, why it was not scored)."""

    file: str
    code: str
    where: str
    message: str


class BandCounts(Frozen):
    """Counts per qualification for one category (rule B2)."""

    category: str
    counts: dict[str, int]
    not_final: int
    total: int


class GateStep(Frozen):
    """One gate in the funnel (rule B7): who met it, who passed, who is still undecided, by name."""

    index: int = Field(description="Urutan gerbang, mulai 1.")
    label: str
    reached: int = Field(description="Badan publik yang sampai di gerbang ini.")
    passed: int
    failed: int
    undecided: int = Field(description="Belum diputuskan: nilai tahapnya belum ada.")
    passed_names: tuple[str, ...] = Field(description="Nama badan publik yang lolos, per kategori lalu nama.")


class Funnel(Frozen):
    """Rules B3 and B7."""

    files: int
    scored: int
    saq_complete: int
    passed_gate: int
    complete: int
    gates: tuple[GateStep, ...] = ()


class IndicatorAverage(Frozen):
    """Rule B4."""

    category: str
    code: str
    name: str
    average_percent: Score | None
    bodies: int
    weakest_rank: int | None = Field(None, description="1 = indikator terlemah kategori ini.")


class NonParticipant(Frozen):
    """A roster body that has no scorable version: listed by name with its status, never with a score."""

    body_id: str
    name: str
    category: str
    parent: str | None
    status: str = Field(description="Kode status, misalnya 'tidak_mengirim'.")
    status_label: str = Field(description="Status untuk dibaca, misalnya 'tidak mengirim'.")


class CategoryParticipation(Frozen):
    """Participation in one category."""

    category: str
    invited: int
    sent: int
    final: int


class Participation(Frozen):
    """Rule B6: the funnel from the roster (diundang → mengirim → lengkap → diverifikasi → lolos gerbang → final)."""

    invited: int = Field(description="Badan publik di daftar.")
    sent: int = Field(description="Mengirim isian yang bukan templat kosong (termasuk yang perlu perbaikan).")
    complete: int = Field(description="Dinilai dan semua pertanyaan dijawab.")
    verified: int = Field(description="Dinilai dengan jawaban verifikasi.")
    passed_gate: int = Field(description="Dinilai dan lolos gerbang (semua, bila aturan tanpa gerbang).")
    final: int = Field(description="Memiliki nilai akhir.")
    by_category: tuple[CategoryParticipation, ...]
    non_participants: tuple[NonParticipant, ...]


class PanelistSeverity(Frozen):
    """How one panelist scored on one stage, over every body of the kits (informational)."""

    stage: str
    panelist: str
    scored: int = Field(description="Badan publik yang dinilai panelis ini (tanpa yang dikecualikan karena konflik kepentingan).")
    mean: Score = Field(description="Rata-rata nilai berbobot panelis.")
    spread: Score | None = Field(description="Simpangan baku sampel nilai panelis; kosong bila kurang dari dua nilai.")
    lean: Score | None = Field(description="Rata-rata selisih dengan median panelis lain pada badan publik yang sama (positif: lebih murah); kosong bila tanpa pembanding.")
    outliers: int = Field(description="Nilai yang berselisih lebih dari PanelSummary.outlier_points dengan median panelis lain.")


class PanelRank(Frozen):
    """A body's informational rank by panelists' z-scores; never the official rank."""

    stage: str
    body_id: str
    name: str
    z: Score = Field(description="Rata-rata z-score panelis (nilai dikurangi rata-rata panelis, dibagi simpangan bakunya).")
    rank: int = Field(description="Peringkat menurut z, per tahap; nilai sama berbagi peringkat.")


class PanelConflict(Frozen):
    """A panelist's conflict of interest with a body: the panelist's scores for it are not used."""

    stage: str = Field(description="Kode tahap; kosong berarti semua tahap.")
    panelist: str
    body_id: str
    name: str
    reason: str


class PanelSummary(Frozen):
    """The panel kits of the batch: how panelists scored, the z-score rank (informational) and the conflicts of interest."""

    combine: str = Field(description="Cara menggabungkan nilai panelis: 'mean', 'trimmed' atau 'median'.")
    outlier_points: Score = Field(description="Selisih (poin) dengan median panelis lain yang dihitung sebagai pencilan (preset).")
    severity: tuple[PanelistSeverity, ...]
    ranks: tuple[PanelRank, ...]
    conflicts: tuple[PanelConflict, ...]


class Recap(Frozen):
    """The canonical batch result (``rekap.json``)."""

    schema_version: str = RECAP_SCHEMA_VERSION
    kipmonev_version: str = __version__
    date: str = Field(description="Tanggal rekap (ISO), diberikan oleh pemanggil.")
    bands: tuple[BandResult, ...]
    rows: tuple[BodyRow, ...]
    errors: tuple[ErrorRow, ...]
    warnings: tuple[ErrorRow, ...] = Field((), description="Peringatan yang tidak menghentikan penilaian, misalnya baris nilai panelis yang tidak cocok dengan badan publik mana pun.")
    skipped: tuple[ErrorRow, ...] = Field((), description="Berkas dan folder yang sengaja tidak dinilai, misalnya keluaran 'kipmonev score' di dalam folder masukan.")
    band_counts: tuple[BandCounts, ...]
    funnel: Funnel
    indicators: tuple[IndicatorAverage, ...]
    has_previous: bool
    participation: Participation | None = Field(None, description="Partisipasi menurut daftar badan publik, bila daftar diberikan.")
    panel: PanelSummary | None = Field(None, description="Lembar nilai panelis (score --panel): keketatan panelis, peringkat z-score (informatif) dan konflik kepentingan.")

    def to_json(self) -> str:
        """Canonical JSON text."""
        return self.model_dump_json(indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes) -> Recap:
        """Read a recap written by :meth:`to_json`."""
        return cls.model_validate_json(text)
