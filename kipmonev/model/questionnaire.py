"""The questionnaire format: pydantic models for an edition, its indicators, questions and rules.

YAML keys are Indonesian (``bobot``, ``pertanyaan``) and map to English field names through aliases.
Cross-field rules raise :class:`ConsistencyError`, which carries every problem with its relative place,
so the loader can point at the exact line of each.

Rules enforced here (IDs are cited by tests):
    Q1  Indicator weights sum to exactly 100; stage weights likewise.
    Q2  Indicator, question, stage and band codes are unique.
    Q3  A question's indicator exists, and its code starts with that indicator's code.
    Q4  Every indicator has at least one question worth points.
    Q5  A condition names another existing question, which is worth 0 points (a scoping question),
        with answers that question offers, and conditions form no cycle.
    Q6  Band lower bounds strictly decrease down the list and end at 0 (inclusive lower bounds).
    Q7  The first stage is the self-assessment, code ``saq``.
    Q8  Number ranges [dari, sampai) (or [dari, sampai] with ``termasuk_sampai``) ascend without overlap;
        a value on a shared bound belongs to the first range that contains it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from kipmonev.core.catalogue import Message
from kipmonev.model import problems_format as pf
from kipmonev.model import problems_gates as gp
from kipmonev.model.base import Frozen
from kipmonev.model.problems import (
    BANDS_ORDER,
    CODE_PREFIX,
    CONDITION_ANSWER,
    CONDITION_CYCLE,
    CONDITION_SCORED,
    CONDITION_SELF,
    CONDITION_UNKNOWN,
    DUPLICATE_CODE,
    DUPLICATE_LABEL,
    EMPTY_INDICATOR,
    FIRST_STAGE_NOT_SAQ,
    NA_ANSWER,
    NOTE_WITHOUT_REASON,
    NOTE_WITHOUT_SOURCE,
    OPEN_RANGE_NOT_LAST,
    PATTERN_CODE,
    PATTERN_COLOR,
    PATTERN_ID,
    PATTERN_INDICATOR,
    PATTERN_ITEM,
    PATTERN_SLUG,
    RANGE_ABOVE,
    RANGE_EMPTY,
    RANGE_TO_EXCLUSIVE,
    RANGE_TO_INCLUSIVE,
    RANGES_ORDER,
    RESERVED_LABEL,
    UNKNOWN_INDICATOR,
    VERSION_FORMAT,
    WEIGHTS_NOT_100,
)

#: The label of the "not applicable" answer, reserved in every question.
NA_LABEL = NA_ANSWER.text()
YES_LABEL = "Ya"
NO_LABEL = "Tidak"
#: The answer that claims "Ya" with a substitute evidence, unless the question names its own.
SUBSTITUTE_LABEL = "Ya, dengan bukti pengganti"

CODE_PATTERN = r"^[A-Z]{2,4}(\.[0-9]{1,3}){1,3}$"
INDICATOR_PATTERN = r"^[A-Z]{2,4}$"
ITEM_PATTERN = r"^[a-z0-9]{1,3}$"
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,80}$"
#: Largest evidence file per question, in MB, unless the edition says otherwise (KI Pusat's portal: "pdf dengan ukuran maksimal 2MB").
DEFAULT_EVIDENCE_MAX_MB = Decimal(2)
SLUG_PATTERN = r"^[a-z][a-z_]{1,40}$"
COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"

#: What each pattern asks for, in words, for error messages.
PATTERN_HELP = {
    CODE_PATTERN: PATTERN_CODE.text(),
    INDICATOR_PATTERN: PATTERN_INDICATOR.text(),
    ITEM_PATTERN: PATTERN_ITEM.text(),
    ID_PATTERN: PATTERN_ID.text(),
    SLUG_PATTERN: PATTERN_SLUG.text(),
    COLOR_PATTERN: PATTERN_COLOR.text(),
}

Loc = tuple[str | int, ...]


class ConsistencyError(ValueError):
    """Cross-field problems found by a validator: each with a place relative to the validated object."""

    def __init__(self, problems: list[tuple[Loc, Message]]) -> None:
        """Keep ``(relative location, message)`` pairs; the text lists every message."""
        self.problems = problems
        super().__init__("; ".join(m.text for _, m in problems))


def _raise_if(problems: list[tuple[Loc, Message]]) -> None:
    if problems:
        raise ConsistencyError(problems)


class _Model(Frozen):
    model_config = ConfigDict(
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        use_enum_values=False,
    )


Points = Annotated[Decimal, Field(ge=0, le=1000, decimal_places=4)]
Weight = Annotated[Decimal, Field(gt=0, le=100, decimal_places=4)]
Percent = Annotated[Decimal, Field(ge=0, le=100, decimal_places=4)]
Text = Annotated[str, Field(min_length=1, max_length=4000)]


class EvidenceKind(StrEnum):
    """What evidence a question needs before an answer that earns points is credited."""

    NONE = "tidak_perlu"
    LINK = "tautan"
    DOCUMENT = "dokumen"


class AnswerType(StrEnum):
    """The kinds of answer a question takes."""

    YES_NO = "ya_tidak"
    CHOICE = "pilihan"
    CHECKLIST = "daftar"
    NUMBER = "angka"


class AssessedBy(StrEnum):
    """Who scores a question (LKE-style instruments record it per item)."""

    BODY = "badan_publik"
    VERIFIER = "verifikator"
    PANEL = "panel"
    SYSTEM = "sistem"


class Incompleteness(StrEnum):
    """How a checklist counts when some of its items are not met (the composite rule)."""

    REDUCES = "mengurangi_nilai"
    VOIDS = "menghilangkan_nilai"


class Level(_Model):
    """One graded level of a verifier scale (e.g. 0,5 / 0,3 / 0,15 / 0), with what it means."""

    label: Text = Field(alias="label", description="Nama tingkat sebagaimana dipilih verifikator, misalnya 'Lengkap dan mutakhir'.")
    points: Points = Field(alias="poin", description="Poin bila verifikator memilih tingkat ini.")
    description: Text | None = Field(None, alias="deskripsi", description="Uraian tingkat: kapan verifikator memilihnya.")


class Substitute(_Model):
    """A named substitute accepted in place of the evidence, e.g. a signed statement that a thing does not exist."""

    name: Text = Field(alias="nama", description="Nama bukti pengganti, misalnya 'Surat pernyataan tidak memiliki informasi yang dikecualikan'.")
    signed_by: Text | None = Field(None, alias="ditandatangani_oleh", description="Pejabat yang menandatangani bukti pengganti, misalnya 'Atasan PPID'.")
    evidence: EvidenceKind = Field(EvidenceKind.DOCUMENT, alias="bukti", description="Bukti yang wajib bila bukti pengganti dipakai.")
    label: Text = Field(SUBSTITUTE_LABEL, alias="label", description="Jawaban yang dipilih pengisi bila memakai bukti pengganti; dihitung sebagai 'Ya'.")


class Group(_Model):
    """A titled group of questions below an indicator (aspek → sub-aspek → kelompok), without points of its own."""

    code: str = Field(alias="kode", pattern=CODE_PATTERN, description="Kode kelompok, diawali kode indikator, misalnya 'SP.1' atau 'SP.1.1'; pertanyaan yang kodenya diawali kode ini termasuk kelompok ini.")
    title: Text = Field(alias="judul", description="Judul kelompok, misalnya 'Layanan Elektronik'.")


class Condition(_Model):
    """The question applies only when another (scoping) question was answered one of the given ways."""

    question: str = Field(alias="pertanyaan", pattern=CODE_PATTERN, description="Kode pertanyaan syarat.")
    answers: tuple[Text, ...] = Field(alias="jawaban", min_length=1, description="Jawaban yang membuat pertanyaan ini berlaku.")


class _QuestionBase(_Model):
    code: str = Field(alias="kode", pattern=CODE_PATTERN, description="Kode bertingkat yang stabil, diawali kode indikator, misalnya 'JI.2.3'.")
    indicator: str = Field(alias="indikator", pattern=INDICATOR_PATTERN, description="Kode indikator tempat pertanyaan ini dinilai.")
    text: Text = Field(alias="teks", description="Teks pertanyaan.")
    hint: Text | None = Field(None, alias="petunjuk", description="Petunjuk singkat bagi pengisi.")
    definition: Text = Field(alias="definisi_operasional", description="Definisi operasional: apa yang dihitung memenuhi.")
    legal_basis: Text = Field(alias="dasar_hukum", description="Dasar hukum, misalnya 'UU 14/2008 Pasal 9 ayat (2) huruf c'.")
    evidence: EvidenceKind = Field(EvidenceKind.NONE, alias="bukti", description="Bukti dukung yang wajib agar jawaban bernilai dihitung.")
    allow_na: bool = Field(False, alias="boleh_na", description="Boleh dijawab 'Tidak Berlaku'; pertanyaan itu lalu dikeluarkan dari bobot.")
    recommendation: Text = Field(alias="rekomendasi", description="Rekomendasi perbaikan bila butir belum terpenuhi.")
    condition: Condition | None = Field(None, alias="syarat", description="Syarat berlaku: pertanyaan cakupan dan jawabannya.")
    assessed_by: AssessedBy | None = Field(
        None, alias="dinilai_oleh", description="Siapa yang menilai pertanyaan ini: 'badan_publik', 'verifikator', 'panel' atau 'sistem'; ditampilkan di laporan."
    )
    period: int | None = Field(
        None,
        alias="periode",
        ge=2008,
        le=2100,
        description="Tahun yang harus dicakup dokumen bukti pertanyaan ini, misalnya 2024 untuk Laporan Layanan Informasi Publik tahun sebelumnya. "
        "Tahun lain pada nama berkas, judul PDF atau halaman pertamanya menjadi peringatan (nilai tidak berubah). Tidak boleh sesudah 'tahun' edisi.",
    )
    verifier_scale: tuple[Level, ...] | None = Field(
        None,
        alias="skala_verifikasi",
        min_length=2,
        description="Tingkat yang dipilih verifikator, terpisah dari jawaban badan publik: nilai mandiri memakai jawaban, nilai verifikasi memakai tingkat. Poin tingkat tertinggi sama dengan poin maksimum pertanyaan.",
    )

    @model_validator(mode="after")
    def _check_keys(self) -> _QuestionBase:
        problems = self._own_problems()
        scale = self.verifier_scale
        if scale is not None and not isinstance(self, ChecklistQuestion):  # a checklist's scale is KM-F-009
            problems += [(("skala_verifikasi", *loc), message) for loc, message in _check_labels([lv.label for lv in scale])]
            top = max(lv.points for lv in scale)
            if top != self.max_points:
                problems.append((("skala_verifikasi",), pf.SCALE_TOP.fill(code=self.code, top=top, max=self.max_points)))
        _raise_if(sorted(problems, key=lambda p: str(p[0])))
        return self

    def _own_problems(self) -> list[tuple[Loc, Message]]:
        """Problems with keys of one answer type, collected with the shared ones."""
        return []

    @property
    def max_points(self) -> Decimal:
        """The most points this question can earn."""
        raise NotImplementedError

    def level_points(self, label: str) -> Decimal | None:
        """The points of a verifier-scale level by its label (any case), or None."""
        key = label.strip().casefold()
        return next((lv.points for lv in self.verifier_scale or () if lv.label.strip().casefold() == key), None)

    @property
    def verifier_labels(self) -> tuple[str, ...]:
        """What the verifier picks from: the scale's levels, else the body's own labels."""
        return tuple(lv.label for lv in self.verifier_scale) if self.verifier_scale else self.labels

    @property
    def labels(self) -> tuple[str, ...]:
        """The answer labels a respondent picks from (empty for checklists and numbers)."""
        return ()


class YesNoQuestion(_QuestionBase):
    """A question answered Ya or Tidak; Ya earns ``poin``."""

    type: Literal[AnswerType.YES_NO] = Field(alias="tipe", description="Tipe jawaban.")
    points: Points = Field(alias="poin", description="Poin untuk jawaban 'Ya'. 0 untuk pertanyaan cakupan.")
    substitute: Substitute | None = Field(
        None, alias="bukti_pengganti", description="Bukti pengganti yang diterima sebagai ganti bukti dukung (misalnya surat pernyataan), dengan aturan buktinya sendiri."
    )

    def _own_problems(self) -> list[tuple[Loc, Message]]:
        sub = self.substitute
        if sub is not None and sub.label.strip().casefold() in {YES_LABEL.casefold(), NO_LABEL.casefold(), NA_LABEL.casefold()}:
            return [(("bukti_pengganti", "label"), pf.SUBSTITUTE_LABEL_TAKEN.fill(code=self.code, label=sub.label))]
        return []

    @property
    def max_points(self) -> Decimal:
        """The points for Ya."""
        return self.points

    @property
    def labels(self) -> tuple[str, ...]:
        """``Ya`` and ``Tidak``."""
        return (YES_LABEL, NO_LABEL)


class Option(_Model):
    """One level of a choice question."""

    label: Text = Field(alias="label", description="Teks pilihan sebagaimana tampil di daftar pilihan.")
    points: Points = Field(alias="poin", description="Poin bila pilihan ini dipilih.")


def _check_labels(labels: list[str]) -> list[tuple[Loc, Message]]:
    seen: set[str] = set()
    problems: list[tuple[Loc, Message]] = []
    for i, label in enumerate(labels):
        key = label.strip().casefold()
        if key == NA_LABEL.casefold():
            problems.append(((i, "label"), RESERVED_LABEL.fill(label=label)))
        elif key in seen:
            problems.append(((i, "label"), DUPLICATE_LABEL.fill(label=label)))
        seen.add(key)
    return problems


class ChoiceQuestion(_QuestionBase):
    """A question answered by picking one of several scored levels."""

    type: Literal[AnswerType.CHOICE] = Field(alias="tipe", description="Tipe jawaban.")
    options: tuple[Option, ...] = Field(alias="pilihan", min_length=2, description="Pilihan bertingkat dan poinnya.")

    @field_validator("options")
    @classmethod
    def _unique_labels(cls, options: tuple[Option, ...]) -> tuple[Option, ...]:
        _raise_if(_check_labels([o.label for o in options]))
        return options

    @property
    def max_points(self) -> Decimal:
        """The points of the best option."""
        return max(o.points for o in self.options)

    @property
    def labels(self) -> tuple[str, ...]:
        """The option labels in order."""
        return tuple(o.label for o in self.options)


class ChecklistItem(_Model):
    """One sub-item of a checklist question."""

    code: str = Field(alias="kode", pattern=ITEM_PATTERN, description="Kode butir, misalnya 'a'.")
    label: Text = Field(alias="label", description="Teks butir.")
    points: Points = Field(alias="poin", description="Poin bila butir ini terpenuhi.")


class ChecklistQuestion(_QuestionBase):
    """A question whose sub-items each earn their own points."""

    type: Literal[AnswerType.CHECKLIST] = Field(alias="tipe", description="Tipe jawaban.")
    items: tuple[ChecklistItem, ...] = Field(alias="butir", min_length=1, description="Butir daftar periksa dan poinnya.")
    incompleteness: Incompleteness = Field(
        Incompleteness.REDUCES,
        alias="ketidaklengkapan",
        description="'mengurangi_nilai': setiap butir yang terpenuhi dihitung; 'menghilangkan_nilai': poin hanya diberikan bila semua butir terpenuhi.",
    )

    @field_validator("items")
    @classmethod
    def _unique_items(cls, items: tuple[ChecklistItem, ...]) -> tuple[ChecklistItem, ...]:
        problems: list[tuple[Loc, Message]] = [
            ((i, "kode"), DUPLICATE_CODE.fill(what="butir", code=item.code))
            for i, item in enumerate(items)
            if any(other.code == item.code for other in items[:i])
        ]
        problems += _check_labels([item.label for item in items])
        _raise_if(problems)
        return items

    @property
    def max_points(self) -> Decimal:
        """The sum of all sub-items' points."""
        return sum((i.points for i in self.items), Decimal(0))

    def _own_problems(self) -> list[tuple[Loc, Message]]:
        if self.verifier_scale is not None:
            return [(("skala_verifikasi",), pf.SCALE_ON_CHECKLIST.fill(code=self.code))]
        return []

    @property
    def all_or_nothing(self) -> bool:
        """Whether an incomplete checklist earns nothing ('ketidaklengkapan menghilangkan nilai nomor ini')."""
        return self.incompleteness is Incompleteness.VOIDS

    def points_for(self, met: tuple[str, ...] | set[str]) -> Decimal:
        """Points for the items met: their sum, or under all-or-nothing the maximum only when all are met."""
        if self.all_or_nothing:
            return self.max_points if all(i.code in met for i in self.items) else Decimal(0)
        return sum((i.points for i in self.items if i.code in met), Decimal(0))


class Range(_Model):
    """A range of numbers, ``dari`` ≤ value < ``sampai`` (or ≤ ``sampai`` when ``termasuk_sampai``), and its points."""

    low: Decimal = Field(alias="dari", description="Batas bawah (termasuk).")
    high: Decimal | None = Field(None, alias="sampai", description="Batas atas (tidak termasuk, kecuali 'termasuk_sampai'); kosong berarti tanpa batas.")
    high_inclusive: bool = Field(False, alias="termasuk_sampai", description="Nilai yang sama dengan 'sampai' masih masuk rentang ini (misalnya 'paling lambat 10 hari kerja').")
    points: Points = Field(alias="poin", description="Poin bila nilai berada di rentang ini.")

    def contains(self, value: Decimal) -> bool:
        """Whether the value falls in this range."""
        if value < self.low:
            return False
        return self.high is None or value < self.high or (self.high_inclusive and value == self.high)


#: Units that make a number question a percentage: its answers must lie in 0–100.
PERCENT_UNITS = frozenset({"persen", "%"})


def range_label(ranges: tuple[Range, ...], index: int, unit: str | None = None) -> str:
    """The words for one range, from the same bounds the scorer applies (Q8), e.g. ``lebih dari 10 s.d. 17 hari kerja``.

    A lower bound is exclusive when an earlier range already contains it: the scorer gives a value on a
    shared bound to the first range that contains it, so the label of the later range must say "lebih dari".
    """
    r = ranges[index]
    low_open = any(earlier.contains(r.low) for earlier in ranges[:index])
    suffix = f" {unit}" if unit else ""
    from kipmonev.core.formatting import format_plain

    low = format_plain(r.low)
    if r.high is None:
        return f"{'>' if low_open else '≥'} {low}{suffix}"
    start = RANGE_ABOVE.text(low=low) if low_open else low
    upper = (RANGE_TO_INCLUSIVE if r.high_inclusive else RANGE_TO_EXCLUSIVE).text()
    return f"{start} {upper} {format_plain(r.high)}{suffix}"


class NumberQuestion(_QuestionBase):
    """A question answered with a number, scored by the range it falls in (0 points outside every range)."""

    type: Literal[AnswerType.NUMBER] = Field(alias="tipe", description="Tipe jawaban.")
    unit: Text | None = Field(
        None,
        alias="satuan",
        description="Satuan angka, misalnya 'hari kerja'. 'persen' (atau '%') menjadikan jawaban persentase: hanya 0–100 yang diterima, dan sel berformat persen dibaca seperti tampilannya (75% → 75).",
    )
    ranges: tuple[Range, ...] = Field(alias="rentang", min_length=1, description="Rentang nilai dan poinnya.")

    @field_validator("ranges")
    @classmethod
    def _ordered(cls, ranges: tuple[Range, ...]) -> tuple[Range, ...]:
        problems: list[tuple[Loc, Message]] = []
        for i, r in enumerate(ranges):
            if r.high is not None and r.high <= r.low:
                problems.append(((i, "sampai"), RANGE_EMPTY.fill(index=i + 1)))
            if r.high is None and i != len(ranges) - 1:
                problems.append(((i, "sampai"), OPEN_RANGE_NOT_LAST.fill(index=i + 1)))
            prev = ranges[i - 1] if i else None
            if prev is not None and prev.high is not None and r.low < prev.high:
                problems.append(((i, "dari"), RANGES_ORDER.fill(index=i + 1)))
        _raise_if(problems)
        return ranges

    @property
    def max_points(self) -> Decimal:
        """The points of the best range."""
        return max(r.points for r in self.ranges)

    @property
    def is_percent(self) -> bool:
        """Whether the answer is a percentage (``satuan: persen``): only 0–100 is accepted."""
        return self.unit is not None and self.unit.strip().casefold() in PERCENT_UNITS

    def range_labels(self) -> tuple[str, ...]:
        """Each range in words, from the bounds the scorer applies (see :func:`range_label`)."""
        return tuple(range_label(self.ranges, i, self.unit) for i in range(len(self.ranges)))

    def points_for(self, value: Decimal) -> Decimal:
        """Points for a value: those of the first range it falls in, else 0."""
        return next((r.points for r in self.ranges if r.contains(value)), Decimal(0))


Question = Annotated[YesNoQuestion | ChoiceQuestion | ChecklistQuestion | NumberQuestion, Field(discriminator="type")]


class Indicator(_Model):
    """A weighted group of questions (indikator)."""

    code: str = Field(alias="kode", pattern=INDICATOR_PATTERN, description="Kode indikator, 2–4 huruf kapital, misalnya 'JI'.")
    name: Text = Field(alias="nama", description="Nama indikator.")
    weight: Weight = Field(alias="bobot", description="Bobot indikator; semua bobot berjumlah 100.")
    description: Text | None = Field(None, alias="deskripsi", description="Uraian singkat indikator.")


class Stage(_Model):
    """A weighted assessment stage: the SAQ, presentasi/uji publik, visitasi."""

    code: str = Field(alias="kode", pattern=SLUG_PATTERN, description="Kode tahap; tahap pertama selalu 'saq'.")
    name: Text = Field(alias="nama", description="Nama tahap.")
    weight: Weight = Field(alias="bobot", description="Bobot tahap dalam nilai akhir; semua bobot berjumlah 100.")


class GateFailRule(StrEnum):
    """What a body that fails a gate receives as its final score."""

    SAQ_SCORE = "nilai_saq"
    OTHER_STAGES_ZERO = "tahap_lain_nol"
    REACHED_STAGES = "tahap_dicapai"


class GateBasis(StrEnum):
    """Which score a gate compares."""

    STAGE = "tahap"
    RUNNING = "kumulatif"


class GateJoin(StrEnum):
    """How a gate with both a threshold and a rank combines them."""

    OR = "atau"
    AND = "dan"


class TieRule(StrEnum):
    """Bodies tied on the last place of a "top N" gate."""

    ALL_PASS = "semua_lolos"
    NONE_PASS = "tidak_lolos"


class Gate(_Model):
    """A gate to the stages after one stage: a threshold, a rank per category, or either (rules G1–G5).

    Without ``tahap`` the gate compares the verified SAQ, as editions before chained gates did.
    """

    stage: str = Field("saq", alias="tahap", pattern=SLUG_PATTERN, description="Kode tahap yang nilainya dibandingkan; bawaan 'saq'. Yang tidak lolos tidak mengikuti tahap sesudahnya.")
    threshold: Percent | None = Field(None, alias="batas", description="Nilai minimum (termasuk) untuk lolos.")
    top: int | None = Field(None, alias="peringkat", ge=1, le=10000, description="Lolos bila termasuk N nilai tertinggi di kategorinya (dinilai per batch).")
    join: GateJoin = Field(GateJoin.OR, alias="gabungan", description="Bila 'batas' dan 'peringkat' sama-sama diisi: 'atau' (salah satu cukup) atau 'dan' (keduanya).")
    basis: GateBasis = Field(
        GateBasis.STAGE, alias="dasar", description="Nilai yang dibandingkan: 'tahap' (nilai tahap itu) atau 'kumulatif' (nilai berbobot tahap-tahap sampai tahap itu)."
    )
    ties: TieRule = Field(
        TieRule.ALL_PASS, alias="seri", description="Nilai sama di urutan ke-N: 'semua_lolos' (semua yang seri lolos) atau 'tidak_lolos' (yang seri di batas tidak lolos bila melebihi N)."
    )
    on_fail: GateFailRule = Field(
        alias="jika_tidak_lolos",
        description="Nilai akhir badan publik yang tidak lolos: 'nilai_saq' (nilai SAQ terverifikasi), 'tahap_lain_nol' (tahap yang tidak diikuti dihitung 0) "
        "atau 'tahap_dicapai' (rata-rata berbobot tahap yang diikuti).",
    )
    name: Text | None = Field(None, alias="nama", description="Nama gerbang untuk laporan, misalnya 'Lolos ke visitasi'.")

    @model_validator(mode="after")
    def _has_a_test(self) -> Gate:
        if self.threshold is None and self.top is None:
            _raise_if([((), gp.GATE_WITHOUT_TEST.fill())])
        return self


@dataclass(frozen=True)
class SimpleGate:
    """A plain SAQ threshold gate: the only kind a fill-in template's formulas evaluate live."""

    threshold: Decimal
    on_fail: GateFailRule


class Criterion(_Model):
    """One criterion of a stage's rubric (presentasi, visitasi): what panelists score, and its weight."""

    code: str = Field(alias="kode", pattern=SLUG_PATTERN, description="Kode kriteria, misalnya 'komitmen_pimpinan'.")
    name: Text = Field(alias="nama", description="Nama kriteria, misalnya 'Komitmen pimpinan'.")
    weight: Weight = Field(alias="bobot", description="Bobot kriteria; semua bobot satu rubrik berjumlah 100.")
    description: Text | None = Field(None, alias="deskripsi", description="Apa yang dinilai panelis pada kriteria ini.")


class Rubric(_Model):
    """The rubric of one later stage: weighted criteria, each scored 0–100 by every panelist."""

    stage: str = Field(alias="tahap", pattern=SLUG_PATTERN, description="Kode tahap yang dinilai dengan rubrik ini.")
    criteria: tuple[Criterion, ...] = Field(alias="kriteria", min_length=1, description="Kriteria dan bobotnya.")

    @field_validator("criteria")
    @classmethod
    def _check_criteria(cls, criteria: tuple[Criterion, ...]) -> tuple[Criterion, ...]:
        _raise_if(_unique(criteria, "kriteria") + _weights_sum(criteria, "kriteria"))
        return criteria


class Band(_Model):
    """A qualification (kualifikasi) by inclusive lower bound."""

    code: str = Field(alias="kode", pattern=SLUG_PATTERN, description="Kode kualifikasi, misalnya 'informatif'.")
    name: Text = Field(alias="nama", description="Nama kualifikasi, misalnya 'Informatif'.")
    lower: Percent = Field(alias="batas_bawah", description="Batas bawah (termasuk) pada nilai akhir yang telah dibulatkan.")
    color: str = Field("#777777", alias="warna", pattern=COLOR_PATTERN, description="Warna laporan, '#rrggbb'.")
    message: Text | None = Field(None, alias="pesan", description="Pesan untuk badan publik dengan kualifikasi ini.")


class RoundingMode(StrEnum):
    """How the last kept decimal is rounded."""

    HALF_UP = "setengah_ke_atas"
    HALF_EVEN = "setengah_genap"


class Rounding(_Model):
    """The rounding rule applied once to each published score."""

    places: int | None = Field(2, alias="tempat_desimal", ge=0, le=4, description="Jumlah desimal; kosong (null) berarti tanpa pembulatan.")
    mode: RoundingMode = Field(RoundingMode.HALF_UP, alias="mode", description="Cara membulatkan.")


class MissingAnswerRule(StrEnum):
    """How unanswered questions count."""

    ZERO = "nol"
    INCOMPLETE = "tidak_lengkap"


class NoteStatus(StrEnum):
    """Whether a rule value is confirmed by a source or a labelled preset."""

    CONFIRMED = "terkonfirmasi"
    PRESET = "preset"


class RuleNote(_Model):
    """Provenance of one rule value."""

    item: Text = Field(alias="butir", description="Nilai aturan yang diterangkan, misalnya 'bobot tahap'.")
    status: NoteStatus = Field(alias="status", description="'terkonfirmasi' (dengan sumber) atau 'preset' (dengan alasan).")
    source: Text | None = Field(None, alias="sumber", description="Sumber yang mengonfirmasi.")
    reason: Text | None = Field(None, alias="alasan", description="Alasan nilai preset.")

    @model_validator(mode="after")
    def _sourced(self) -> RuleNote:
        if self.status is NoteStatus.CONFIRMED and not self.source:
            _raise_if([(("sumber",), NOTE_WITHOUT_SOURCE.fill(item=self.item))])
        if self.status is NoteStatus.PRESET and not self.reason:
            _raise_if([(("alasan",), NOTE_WITHOUT_REASON.fill(item=self.item))])
        return self


def _unique(items: tuple[_Model, ...], what: str, attr: str = "code") -> list[tuple[Loc, Message]]:
    seen: set[str] = set()
    problems: list[tuple[Loc, Message]] = []
    for i, item in enumerate(items):
        code = str(getattr(item, attr))
        if code in seen:
            problems.append(((i, "kode"), DUPLICATE_CODE.fill(what=what, code=code)))
        seen.add(code)
    return problems


def _weights_sum(items: tuple[Indicator, ...] | tuple[Stage, ...] | tuple[Criterion, ...], what: str) -> list[tuple[Loc, Message]]:
    total = sum((i.weight for i in items), Decimal(0))
    if total != 100:
        from kipmonev.core.formatting import format_plain

        return [((), WEIGHTS_NOT_100.fill(what=what, total=format_plain(total)))]
    return []


class Rules(_Model):
    """How an edition turns answers into a final score and qualification."""

    stages: tuple[Stage, ...] = Field(alias="tahap", min_length=1, description="Tahap penilaian dan bobotnya; yang pertama 'saq'.")
    gate: Gate | None = Field(None, alias="gerbang", description="Gerbang pertama (biasanya SAQ terverifikasi) ke tahap berikutnya; kosong berarti semua lanjut.")
    further_gates: tuple[Gate, ...] = Field(
        (), alias="gerbang_lanjutan", description="Gerbang berikutnya, berurutan, masing-masing pada tahap yang lebih akhir (gerbang berantai, misalnya visitasi ≥ 80 ke wawancara)."
    )
    rubrics: tuple[Rubric, ...] = Field((), alias="rubrik", description="Rubrik penilaian panelis per tahap lanjutan (dipakai 'kipmonev panel kit').")
    bands: tuple[Band, ...] = Field(alias="kualifikasi", min_length=1, description="Kualifikasi dari tertinggi ke terendah, dengan batas bawah termasuk.")
    rounding: Rounding = Field(default_factory=Rounding, alias="pembulatan", description="Aturan pembulatan nilai yang diumumkan.")
    evidence_credit: Annotated[Decimal, Field(ge=0, le=1)] = Field(
        Decimal(0), alias="kredit_tanpa_bukti", description="Bagian poin (0–1) untuk jawaban bernilai tanpa bukti yang diwajibkan."
    )
    missing_answers: MissingAnswerRule = Field(
        MissingAnswerRule.ZERO, alias="jawaban_kosong", description="'nol': pertanyaan kosong bernilai 0; 'tidak_lengkap': penilaian belum lengkap."
    )
    verification_required: bool = Field(True, alias="verifikasi_wajib", description="Nilai akhir hanya diberikan setelah semua jawaban diverifikasi.")
    notes: tuple[RuleNote, ...] = Field((), alias="keterangan", description="Status setiap nilai aturan: terkonfirmasi atau preset.")

    @field_validator("stages")
    @classmethod
    def _check_stages(cls, stages: tuple[Stage, ...]) -> tuple[Stage, ...]:
        problems = _unique(stages, "tahap") + _weights_sum(stages, "tahap")
        if stages[0].code != "saq":
            problems.append(((0, "kode"), FIRST_STAGE_NOT_SAQ.fill(code=stages[0].code)))
        _raise_if(problems)
        return stages

    @model_validator(mode="before")
    @classmethod
    def _first_gate_first(cls, data: object) -> object:
        """Further gates without a first gate: the first of them is the first gate (one way to hold the same rules)."""
        if isinstance(data, dict):
            further = data.get("gerbang_lanjutan", data.get("further_gates"))
            if data.get("gerbang", data.get("gate")) is None and isinstance(further, list | tuple) and further:
                data = {k: v for k, v in data.items() if k not in {"gate", "further_gates"}}
                data["gerbang"], data["gerbang_lanjutan"] = further[0], list(further[1:])
        return data

    @model_validator(mode="after")
    def _check_gates(self) -> Rules:
        order = [s.code for s in self.stages]
        problems: list[tuple[Loc, Message]] = []
        last = -1
        for i, gate in enumerate(self.gates):
            where: Loc = ("gerbang", "tahap") if i == 0 else ("gerbang_lanjutan", i - 1, "tahap")
            if gate.stage not in order:
                problems.append((where, gp.GATE_UNKNOWN_STAGE.fill(stage=gate.stage, stages=order)))
                continue
            position = order.index(gate.stage)
            if position == len(order) - 1:
                problems.append((where, gp.GATE_AFTER_LAST_STAGE.fill(stage=gate.stage)))
            elif position <= last:
                problems.append((where, gp.GATES_OUT_OF_ORDER.fill(stage=gate.stage)))
            last = max(last, position)
        for j, rubric in enumerate(self.rubrics):
            if rubric.stage not in order[1:]:
                problems.append((("rubrik", j, "tahap"), gp.RUBRIC_UNKNOWN_STAGE.fill(stage=rubric.stage, stages=order[1:])))
            elif any(r.stage == rubric.stage for r in self.rubrics[:j]):
                problems.append((("rubrik", j, "tahap"), DUPLICATE_CODE.fill(what="rubrik", code=rubric.stage)))
        _raise_if(problems)
        return self

    @property
    def gates(self) -> tuple[Gate, ...]:
        """Every gate, in order: the first, then the further ones."""
        return ((self.gate,) if self.gate is not None else ()) + self.further_gates

    @property
    def simple_gate(self) -> SimpleGate | None:
        """The gate as a plain SAQ threshold, when it is one and the only one (what a template's formulas can show live)."""
        g = self.gate
        if g is None or self.further_gates or g.stage != "saq" or g.top is not None or g.threshold is None or g.on_fail is GateFailRule.REACHED_STAGES:
            return None
        return SimpleGate(g.threshold, g.on_fail)

    def rubric_for(self, stage: str) -> Rubric | None:
        """The rubric of a later stage, if the rules give one."""
        return next((r for r in self.rubrics if r.stage == stage), None)

    @field_validator("bands")
    @classmethod
    def _check_bands(cls, bands: tuple[Band, ...]) -> tuple[Band, ...]:
        problems = _unique(bands, "kualifikasi")
        descending = all(a.lower > b.lower for a, b in itertools.pairwise(bands))
        if not descending or bands[-1].lower != 0:
            problems.append(((), BANDS_ORDER.fill()))
        _raise_if(problems)
        return bands

    @property
    def later_stages(self) -> tuple[Stage, ...]:
        """The stages after the SAQ."""
        return self.stages[1:]


class RuleSet(_Model):
    """A shipped rule preset (``questionnaires/aturan/*.yaml``), applied to editions by id."""

    id: str = Field(pattern=ID_PATTERN, description="Id aturan, misalnya 'ki-pusat'.")
    name: Text = Field(alias="nama", description="Nama aturan.")
    commission: Text = Field(alias="komisi", description="Komisi Informasi yang memakai aturan ini.")
    rules: Rules = Field(alias="aturan", description="Isi aturan.")


AnyQuestion = YesNoQuestion | ChoiceQuestion | ChecklistQuestion | NumberQuestion


#: Keys added after editions were published, with their defaults: left out of the hash while at the
#: default, so an edition that does not use them keeps its hash (and the templates already sent out).
_LATER_KEYS: dict[str, object] = {
    "periode": None,
    "batas_ukuran_bukti_mb": "2",
    "dinilai_oleh": None,
    "skala_verifikasi": None,
    "bukti_pengganti": None,
    "ketidaklengkapan": Incompleteness.REDUCES.value,
    "kelompok": [],
    "poin_langsung": False,
}


def _canonical(value: object) -> object:
    """Plain JSON-ready data in which equal numbers are written alike (``4``, ``4.0`` and ``4.00`` → ``"4"``)."""
    if isinstance(value, dict):
        out = {str(k): _canonical(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if k not in _LATER_KEYS or v != _LATER_KEYS[k]}
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, StrEnum):
        return value.value
    return value


#: Rule keys added to the format after its first release, with their defaults. They enter the content hash
#: only when set, so editions written before them (and the workbooks made from those) keep their hash.
_LATE_RULE_KEYS: dict[str, object] = {"gerbang_lanjutan": [], "rubrik": []}
_LATE_GATE_KEYS: dict[str, object] = {"tahap": "saq", "peringkat": None, "gabungan": "atau", "dasar": "tahap", "seri": "semua_lolos", "nama": None}


def _without_late_defaults(data: object) -> object:
    """The canonical dump without late rule keys that hold their defaults (see :data:`_LATE_RULE_KEYS`)."""
    if not isinstance(data, dict):
        return data
    given = data.get("aturan")
    if not isinstance(given, dict):
        return data

    def strip(mapping: dict[str, object], late: dict[str, object]) -> dict[str, object]:
        return {k: v for k, v in mapping.items() if not (k in late and v == late[k])}

    rules = strip(given, _LATE_RULE_KEYS)
    gate = rules.get("gerbang")
    if isinstance(gate, dict):
        rules["gerbang"] = strip(gate, _LATE_GATE_KEYS)
    return {**data, "aturan": rules}


class Questionnaire(_Model):
    """One edition of a monev questionnaire for one category of public body."""

    model_config = ConfigDict(ignored_types=(cached_property,))

    id: str = Field(pattern=ID_PATTERN, description="Id edisi, misalnya 'ki-pusat-2025-kementerian'.")
    title: Text = Field(alias="judul", description="Judul kuesioner.")
    commission: Text = Field(alias="komisi", description="Komisi Informasi penyelenggara.")
    year: int = Field(alias="tahun", ge=2008, le=2100, description="Tahun penilaian.")
    category: Text = Field(alias="kategori", description="Kategori badan publik.")
    version: int = Field(alias="versi", description="Versi berbentuk yyyymmddrr, misalnya 2025081501.")
    rule_set: str | None = Field(None, alias="aturan_id", description="Id aturan yang dipakai, bila aturan berasal dari berkas aturan.")
    description: Text | None = Field(None, alias="deskripsi", description="Uraian edisi dan status isinya.")
    rules: Rules = Field(alias="aturan", description="Aturan penilaian edisi ini: isi langsung, atau id/berkas aturan (misalnya 'ki-pusat').")
    notes: tuple[RuleNote, ...] = Field((), alias="keterangan", description="Status isi edisi (bobot indikator, asal butir): terkonfirmasi atau preset.")
    indicators: tuple[Indicator, ...] = Field(alias="indikator", min_length=1, description="Indikator dan bobotnya.")
    questions: tuple[Question, ...] = Field(alias="pertanyaan", min_length=1, description="Pertanyaan yang dinilai.")
    groups: tuple[Group, ...] = Field((), alias="kelompok", description="Kelompok berjudul di bawah indikator (aspek, sub-aspek, kelompok), tanpa poin sendiri.")
    evidence_max_mb: Decimal = Field(
        DEFAULT_EVIDENCE_MAX_MB,
        alias="batas_ukuran_bukti_mb",
        gt=0,
        le=100,
        description="Ukuran terbesar satu berkas bukti dukung, dalam MB, untuk pemeriksaan berkas bukti (check --evidence, score --evidence). "
        "Bawaan 2 (portal KI Pusat: 'pdf dengan ukuran maksimal 2MB untuk setiap pertanyaan'). Berkas yang lebih besar menjadi peringatan; nilai tidak berubah.",
    )
    direct_points: bool = Field(
        False,
        alias="poin_langsung",
        description="Poin butir dijumlahkan langsung tanpa pembobotan ulang per indikator: nilai = poin diperoleh ÷ poin mungkin × 100; 'bobot' setiap indikator harus sama dengan jumlah poin pertanyaannya.",
    )

    @field_validator("version")
    @classmethod
    def _version_date(cls, version: int) -> int:
        text = str(version)
        try:
            if len(text) != 10:
                raise ValueError(text)
            dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
        except ValueError:
            _raise_if([((), VERSION_FORMAT.fill(value=str(version)))])
        return version

    @field_validator("indicators")
    @classmethod
    def _check_indicators(cls, indicators: tuple[Indicator, ...]) -> tuple[Indicator, ...]:
        _raise_if(_unique(indicators, "indikator") + _weights_sum(indicators, "indikator"))
        return indicators

    @field_validator("questions")
    @classmethod
    def _check_questions(cls, questions: tuple[AnyQuestion, ...]) -> tuple[AnyQuestion, ...]:
        problems = _unique(questions, "pertanyaan")
        by_code = {q.code: q for q in questions}
        for i, q in enumerate(questions):
            if q.condition is None:
                continue
            target = by_code.get(q.condition.question)
            where: Loc = (i, "syarat", "pertanyaan")
            if q.condition.question == q.code:
                problems.append((where, CONDITION_SELF.fill(code=q.code)))
            elif target is None:
                problems.append((where, CONDITION_UNKNOWN.fill(code=q.code, target=q.condition.question)))
            elif target.max_points != 0:
                problems.append((where, CONDITION_SCORED.fill(code=q.code, target=target.code)))
            else:
                allowed = {label.casefold() for label in target.labels}
                for answer in q.condition.answers:
                    if answer.strip().casefold() not in allowed:
                        problems.append(((i, "syarat", "jawaban"), CONDITION_ANSWER.fill(code=q.code, answer=answer, allowed=tuple(target.labels))))
        for i, q in enumerate(questions):
            seen = {q.code}
            cond = q.condition
            while cond is not None and cond.question in by_code:
                if cond.question in seen:
                    problems.append(((i, "syarat"), CONDITION_CYCLE.fill(code=q.code)))
                    break
                seen.add(cond.question)
                cond = by_code[cond.question].condition
        _raise_if(problems)
        return questions

    @model_validator(mode="after")
    def _check_references(self) -> Questionnaire:
        known = {i.code for i in self.indicators}
        problems: list[tuple[Loc, Message]] = []
        for i, q in enumerate(self.questions):
            if q.indicator not in known:
                problems.append((("pertanyaan", i, "indikator"), UNKNOWN_INDICATOR.fill(code=q.code, indicator=q.indicator)))
            elif not q.code.startswith(q.indicator + "."):
                problems.append((("pertanyaan", i, "kode"), CODE_PREFIX.fill(code=q.code, indicator=q.indicator)))
        for j, ind in enumerate(self.indicators):
            if not any(q.indicator == ind.code and q.max_points > 0 for q in self.questions):
                problems.append((("indikator", j, "kode"), EMPTY_INDICATOR.fill(indicator=ind.code)))
        problems += [
            (("pertanyaan", i, "periode"), pf.PERIOD_AFTER_YEAR.fill(code=q.code, period=str(q.period), year=str(self.year), previous=str(self.year - 1)))
            for i, q in enumerate(self.questions)
            if q.period is not None and q.period > self.year
        ]
        problems += self._check_groups() + self._check_direct_points()
        _raise_if(problems)
        return self

    def _check_groups(self) -> list[tuple[Loc, Message]]:
        problems: list[tuple[Loc, Message]] = _unique(self.groups, "kelompok")
        known = {i.code for i in self.indicators}
        for i, group in enumerate(self.groups):
            where: Loc = ("kelompok", i, "kode")
            if group.code.split(".")[0] not in known:
                problems.append((where, pf.GROUP_INDICATOR.fill(group=group.code, indicator=group.code.split(".")[0])))
            elif group.code in self.question_map:
                problems.append((where, pf.GROUP_IS_QUESTION.fill(group=group.code)))
            elif not any(q.code.startswith(group.code + ".") for q in self.questions):
                problems.append((where, pf.GROUP_EMPTY.fill(group=group.code)))
        return problems

    def _check_direct_points(self) -> list[tuple[Loc, Message]]:
        """Points as given: each indicator's bobot is the sum of its questions' points, never re-weighted."""
        if not self.direct_points:
            return []
        from kipmonev.core.formatting import format_plain

        problems: list[tuple[Loc, Message]] = []
        for j, ind in enumerate(self.indicators):
            points = [q for q in self.questions if q.indicator == ind.code]
            total = sum((q.max_points for q in points), Decimal(0))
            if total != ind.weight:
                parts = " + ".join(f"{q.code} {format_plain(q.max_points)}" for q in points if q.max_points > 0)
                problems.append((("indikator", j, "bobot"), pf.DIRECT_INDICATOR.fill(indicator=ind.code, weight=ind.weight, total=total, parts=parts)))
        total = sum((q.max_points for q in self.questions), Decimal(0))
        if total != 100:
            problems.append((("pertanyaan",), pf.DIRECT_TOTAL.fill(total=total)))
        return problems

    def groups_of(self, code: str) -> tuple[Group, ...]:
        """The titled groups a question belongs to, outermost first."""
        return tuple(sorted((g for g in self.groups if code.startswith(g.code + ".")), key=lambda g: g.code.count(".")))

    @cached_property
    def content_hash(self) -> str:
        """SHA-256 of the canonical JSON of the whole edition, rules included: ``sha256:…``."""
        data = _without_late_defaults(_canonical(self.model_dump(mode="python", by_alias=True)))
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
        return "sha256:" + hashlib.sha256(blob).hexdigest()

    @cached_property
    def question_map(self) -> dict[str, AnyQuestion]:
        """Questions by code."""
        return {q.code: q for q in self.questions}

    @cached_property
    def indicator_map(self) -> dict[str, Indicator]:
        """Indicators by code."""
        return {i.code: i for i in self.indicators}

    def questions_of(self, indicator: str) -> Iterator[AnyQuestion]:
        """The questions of one indicator, in file order."""
        return (q for q in self.questions if q.indicator == indicator)
