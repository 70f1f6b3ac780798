"""The authoring workbook's layout: sheet names, columns, accepted header aliases and value kinds.

Export writes exactly this layout; import accepts it forgivingly (columns in any order, aliases, optional
columns absent). Keeping both directions on one table is what makes export → import an identity.

Sheets (in export order):
    Pengaturan   one setting per row: ``kunci``, ``nilai`` (and ``penjelasan``, ignored on import).
    Indikator    ``kode, nama, bobot, deskripsi``.
    Pertanyaan   one question per row; ``poin`` only for ``ya_tidak``, ``satuan`` only for ``angka``.
    Pilihan      every scored answer level, grouped by ``kode_pertanyaan``: options (``label, poin``),
                 checklist items (``kode_butir, label, poin``) and number ranges
                 (``dari, sampai, termasuk_sampai, poin``).
                 One sheet rather than a separate Rentang sheet, so each question's scoring reads as one block.
    Tahap        ``kode, nama, bobot``; a plain SAQ gate (``batas_lolos, jika_tidak_lolos``) on the first (``saq``) row.
    Gerbang      optional: the gates, in order, one a row (``tahap, batas, peringkat, gabungan, dasar, seri,
                 jika_tidak_lolos, nama``); with a gate on the Tahap sheet, these rows are the further gates.
    Rubrik       optional: each later stage's criteria (``tahap, kode, nama, bobot, deskripsi``).
    Kualifikasi  ``kode, nama, batas_bawah, warna, pesan``.
    Keterangan   rule notes: ``lingkup`` (``aturan`` or ``edisi``), ``butir, status, sumber, alasan``.
    Kelompok     titled groups below an indicator: ``kode, judul``.

A verifier scale's levels are Pilihan rows with ``skala_verifikasi`` = Ya (``label, poin, deskripsi``);
the substitute evidence of a ``ya_tidak`` question is four Pertanyaan columns ``bukti_pengganti`` (its name),
``pengganti_ditandatangani_oleh``, ``pengganti_bukti`` and ``pengganti_label``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from kipmonev.model.questionnaire import (
    AnswerType,
    AssessedBy,
    Condition,
    EvidenceKind,
    GateBasis,
    GateFailRule,
    GateJoin,
    Incompleteness,
    MissingAnswerRule,
    NoteStatus,
    RoundingMode,
    TieRule,
)


class Kind(StrEnum):
    """How a cell's value is read."""

    TEXT = "text"  # stripped text; a number typed in becomes its digits ("4.0" → "4")
    NUMBER = "number"  # a number; text such as "2,5" or " 4 " is read as a number
    BOOL = "bool"  # Ya/Tidak
    CHOICE = "choice"  # a code word, compared without case, spaces read as '_'
    PLACES = "places"  # decimal places, or 'tanpa' for no rounding


YES_NO = ("Ya", "Tidak")
NO_ROUNDING = "tanpa"
NOTE_SCOPES = ("aturan", "edisi")


@dataclass(frozen=True)
class Column:
    """One column (or, on Pengaturan, one setting row).

    Attributes:
        key: The header export writes, and the canonical name in messages.
        kind: How the value is read.
        aliases: Other accepted headers, already normalised by :func:`normalise_name`.
        choices: Values offered in a drop-down, when any.
        width: The export's column width, in characters.
        wrap: Whether long text wraps in the export.
    """

    key: str
    kind: Kind = Kind.TEXT
    aliases: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    width: int = 14
    wrap: bool = False

    def names(self) -> tuple[str, ...]:
        """Every normalised header that means this column."""
        return (self.key, *self.aliases)


@dataclass(frozen=True)
class Sheet:
    """One sheet of the authoring workbook."""

    name: str
    columns: tuple[Column, ...]
    required: bool = True
    freeze: str = "A2"

    def column(self, key: str) -> Column:
        """The column with this canonical key."""
        return next(c for c in self.columns if c.key == key)


def _values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(str(m.value) for m in enum)


_TEXT_WIDE = 60

SETTINGS = Sheet(
    "Pengaturan",
    (
        Column("kunci", aliases=("pengaturan", "key"), width=28),
        Column("nilai", aliases=("isi", "value"), width=_TEXT_WIDE, wrap=True),
        Column("penjelasan", aliases=("keterangan",), width=_TEXT_WIDE, wrap=True),
    ),
)

#: The rows of Pengaturan: setting key → where its value goes in the questionnaire data.
SETTING_PATHS: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "judul": ("judul",),
    "komisi": ("komisi",),
    "tahun": ("tahun",),
    "kategori": ("kategori",),
    "versi": ("versi",),
    "deskripsi": ("deskripsi",),
    "aturan_id": ("aturan_id",),
    "pembulatan_tempat_desimal": ("aturan", "pembulatan", "tempat_desimal"),
    "pembulatan_mode": ("aturan", "pembulatan", "mode"),
    "kredit_tanpa_bukti": ("aturan", "kredit_tanpa_bukti"),
    "jawaban_kosong": ("aturan", "jawaban_kosong"),
    "verifikasi_wajib": ("aturan", "verifikasi_wajib"),
    "poin_langsung": ("poin_langsung",),
    "batas_ukuran_bukti_mb": ("batas_ukuran_bukti_mb",),
}

SETTING_ROWS: tuple[Column, ...] = (
    Column("id"),
    Column("judul"),
    Column("komisi"),
    Column("tahun", Kind.NUMBER),
    Column("kategori"),
    Column("versi", Kind.NUMBER),
    Column("deskripsi"),
    Column("aturan_id"),
    Column("pembulatan_tempat_desimal", Kind.PLACES, aliases=("tempat_desimal",), choices=("0", "1", "2", "3", "4", NO_ROUNDING)),
    Column("pembulatan_mode", Kind.CHOICE, aliases=("mode_pembulatan",), choices=_values(RoundingMode)),
    Column("kredit_tanpa_bukti", Kind.NUMBER),
    Column("jawaban_kosong", Kind.CHOICE, choices=_values(MissingAnswerRule)),
    Column("verifikasi_wajib", Kind.BOOL, choices=YES_NO),
    Column("poin_langsung", Kind.BOOL, choices=YES_NO),
    Column("batas_ukuran_bukti_mb", Kind.NUMBER),
)

INDICATORS = Sheet(
    "Indikator",
    (
        Column("kode", aliases=("kode_indikator",), width=10),
        Column("nama", aliases=("nama_indikator",), width=36),
        Column("bobot", Kind.NUMBER, width=10),
        Column("deskripsi", aliases=("uraian",), width=_TEXT_WIDE, wrap=True),
    ),
)

QUESTIONS = Sheet(
    "Pertanyaan",
    (
        Column("kode", aliases=("kode_pertanyaan",), width=10),
        Column("indikator", aliases=("kode_indikator",), width=10),
        Column("teks", aliases=("pertanyaan", "teks_pertanyaan"), width=50, wrap=True),
        Column("petunjuk", width=30, wrap=True),
        Column("definisi_operasional", aliases=("definisi",), width=50, wrap=True),
        Column("dasar_hukum", width=30, wrap=True),
        Column("tipe", Kind.CHOICE, aliases=("tipe_jawaban",), choices=_values(AnswerType), width=11),
        Column("poin", Kind.NUMBER, width=7),
        Column("satuan", width=12),
        Column("bukti", Kind.CHOICE, aliases=("bukti_dukung",), choices=_values(EvidenceKind), width=12),
        Column("boleh_na", Kind.BOOL, aliases=("boleh_n_a", "boleh_tidak_berlaku", "na"), choices=YES_NO, width=10),
        Column("syarat", width=20),
        Column("rekomendasi", width=50, wrap=True),
        Column("dinilai_oleh", Kind.CHOICE, choices=_values(AssessedBy), width=14),
        Column("ketidaklengkapan", Kind.CHOICE, choices=_values(Incompleteness), width=20),
        Column("bukti_pengganti", width=40, wrap=True),
        Column("pengganti_ditandatangani_oleh", width=24),
        Column("pengganti_bukti", Kind.CHOICE, choices=_values(EvidenceKind), width=14),
        Column("pengganti_label", width=24),
        Column("periode", Kind.NUMBER, width=9),
    ),
    freeze="B2",
)

#: The substitute-evidence columns of Pertanyaan → keys of ``bukti_pengganti``.
SUBSTITUTE_COLUMNS = {"nama": "bukti_pengganti", "ditandatangani_oleh": "pengganti_ditandatangani_oleh", "bukti": "pengganti_bukti", "label": "pengganti_label"}

OPTIONS = Sheet(
    "Pilihan",
    (
        Column("kode_pertanyaan", aliases=("pertanyaan",), width=16),
        Column("kode_butir", aliases=("butir",), width=11),
        Column("label", aliases=("pilihan", "teks"), width=50, wrap=True),
        Column("dari", Kind.NUMBER, width=8),
        Column("sampai", Kind.NUMBER, width=8),
        Column("termasuk_sampai", Kind.BOOL, choices=YES_NO, width=10),
        Column("poin", Kind.NUMBER, width=7),
        Column("skala_verifikasi", Kind.BOOL, aliases=("skala",), choices=YES_NO, width=10),
        Column("deskripsi", aliases=("uraian",), width=40, wrap=True),
    ),
    required=False,
    freeze="B2",
)

GROUPS = Sheet(
    "Kelompok",
    (
        Column("kode", aliases=("kode_kelompok",), width=14),
        Column("judul", aliases=("nama", "judul_kelompok"), width=_TEXT_WIDE, wrap=True),
    ),
    required=False,
)

STAGES = Sheet(
    "Tahap",
    (
        Column("kode", aliases=("kode_tahap",), width=14),
        Column("nama", aliases=("nama_tahap",), width=40),
        Column("bobot", Kind.NUMBER, width=8),
        Column("batas_lolos", Kind.NUMBER, aliases=("gerbang", "gerbang_batas"), width=12),
        Column("jika_tidak_lolos", Kind.CHOICE, aliases=("gerbang_jika_tidak_lolos",), choices=_values(GateFailRule), width=18),
    ),
)

BANDS = Sheet(
    "Kualifikasi",
    (
        Column("kode", aliases=("kode_kualifikasi",), width=20),
        Column("nama", aliases=("nama_kualifikasi",), width=22),
        Column("batas_bawah", Kind.NUMBER, width=12),
        Column("warna", width=10),
        Column("pesan", width=_TEXT_WIDE, wrap=True),
    ),
)

GATES = Sheet(
    "Gerbang",
    (
        Column("tahap", aliases=("kode_tahap",), width=14),
        Column("batas", Kind.NUMBER, width=8),
        Column("peringkat", Kind.NUMBER, width=10),
        Column("gabungan", Kind.CHOICE, choices=_values(GateJoin), width=10),
        Column("dasar", Kind.CHOICE, choices=_values(GateBasis), width=12),
        Column("seri", Kind.CHOICE, choices=_values(TieRule), width=14),
        Column("jika_tidak_lolos", Kind.CHOICE, choices=_values(GateFailRule), width=18),
        Column("nama", width=40, wrap=True),
    ),
    required=False,
)

RUBRICS = Sheet(
    "Rubrik",
    (
        Column("tahap", aliases=("kode_tahap",), width=14),
        Column("kode", aliases=("kode_kriteria",), width=20),
        Column("nama", aliases=("kriteria",), width=30),
        Column("bobot", Kind.NUMBER, width=8),
        Column("deskripsi", width=_TEXT_WIDE, wrap=True),
    ),
    required=False,
)

NOTES = Sheet(
    "Keterangan",
    (
        Column("lingkup", Kind.CHOICE, choices=NOTE_SCOPES, width=10),
        Column("butir", width=40, wrap=True),
        Column("status", Kind.CHOICE, choices=_values(NoteStatus), width=14),
        Column("sumber", width=50, wrap=True),
        Column("alasan", width=50, wrap=True),
    ),
    required=False,
)

SHEETS: tuple[Sheet, ...] = (SETTINGS, INDICATORS, QUESTIONS, OPTIONS, STAGES, GATES, BANDS, RUBRICS, NOTES, GROUPS)

#: The scored-answer list key of each type that has rows on the Pilihan sheet.
OPTION_LISTS: dict[str, str] = {AnswerType.CHOICE.value: "pilihan", AnswerType.CHECKLIST.value: "butir", AnswerType.NUMBER.value: "rentang"}
#: Which Pilihan columns each type uses (model key → column key).
OPTION_FIELDS: dict[str, dict[str, str]] = {
    AnswerType.CHOICE.value: {"label": "label", "poin": "poin"},
    AnswerType.CHECKLIST.value: {"kode": "kode_butir", "label": "label", "poin": "poin"},
    AnswerType.NUMBER.value: {"dari": "dari", "sampai": "sampai", "termasuk_sampai": "termasuk_sampai", "poin": "poin"},
}

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise_name(text: str) -> str:
    """Normalise a header, setting key or code word: ``' Boleh N/A '`` → ``'boleh_n_a'``."""
    return _NON_WORD.sub("_", text.replace("\u00a0", " ").strip().casefold()).strip("_")


def condition_text(condition: Condition) -> str:
    """A condition as written in the ``syarat`` column: ``KO.2.1 = Ya`` or ``KO.2.1 = Ya; Sebagian``."""
    return f"{condition.question} = {'; '.join(condition.answers)}"
