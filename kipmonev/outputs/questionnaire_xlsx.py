"""Write an edition as an authoring workbook (the layout in :mod:`kipmonev.formats.questionnaire_layout`).

The workbook is for people: bold frozen headers with the field's description as a note, sized and
wrapped columns, and drop-downs for code words. Import reads back exactly what is written here, so
export → import is an identity for every valid edition.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from pydantic import BaseModel

from kipmonev.core.fileio import write_atomic_with
from kipmonev.core.numbers import json_number
from kipmonev.formats import questionnaire_layout as lay
from kipmonev.model.questionnaire import (
    AnyQuestion,
    Band,
    ChecklistItem,
    ChecklistQuestion,
    ChoiceQuestion,
    Criterion,
    Gate,
    Group,
    Indicator,
    Level,
    NumberQuestion,
    Option,
    Questionnaire,
    Range,
    Rounding,
    Rubric,
    RuleNote,
    Rules,
    Stage,
    Substitute,
    YesNoQuestion,
)
from kipmonev.outputs.problems import COLUMN_HELP, DROPDOWN_ERROR, DROPDOWN_TITLE

_FONT = "Arial"
_HEADER_FONT = Font(name=_FONT, bold=True)
_BODY_FONT = Font(name=_FONT)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
#: Rows below the data that still get drop-downs, so new rows have them too.
_SPARE_ROWS = 300

#: Where each column's header note comes from: the model field it fills.
_FIELD_OF: dict[str, tuple[type[BaseModel], str]] = {
    "Indikator.kode": (Indicator, "code"),
    "Indikator.nama": (Indicator, "name"),
    "Indikator.bobot": (Indicator, "weight"),
    "Indikator.deskripsi": (Indicator, "description"),
    "Pertanyaan.kode": (YesNoQuestion, "code"),
    "Pertanyaan.indikator": (YesNoQuestion, "indicator"),
    "Pertanyaan.teks": (YesNoQuestion, "text"),
    "Pertanyaan.petunjuk": (YesNoQuestion, "hint"),
    "Pertanyaan.definisi_operasional": (YesNoQuestion, "definition"),
    "Pertanyaan.dasar_hukum": (YesNoQuestion, "legal_basis"),
    "Pertanyaan.tipe": (YesNoQuestion, "type"),
    "Pertanyaan.satuan": (NumberQuestion, "unit"),
    "Pertanyaan.bukti": (YesNoQuestion, "evidence"),
    "Pertanyaan.boleh_na": (YesNoQuestion, "allow_na"),
    "Pertanyaan.rekomendasi": (YesNoQuestion, "recommendation"),
    "Pilihan.dari": (Range, "low"),
    "Pilihan.sampai": (Range, "high"),
    "Pilihan.termasuk_sampai": (Range, "high_inclusive"),
    "Pilihan.poin": (Option, "points"),
    "Tahap.kode": (Stage, "code"),
    "Tahap.nama": (Stage, "name"),
    "Tahap.bobot": (Stage, "weight"),
    "Tahap.jika_tidak_lolos": (Rules, "gate"),
    "Gerbang.tahap": (Gate, "stage"),
    "Gerbang.batas": (Gate, "threshold"),
    "Gerbang.peringkat": (Gate, "top"),
    "Gerbang.gabungan": (Gate, "join"),
    "Gerbang.dasar": (Gate, "basis"),
    "Gerbang.seri": (Gate, "ties"),
    "Gerbang.jika_tidak_lolos": (Gate, "on_fail"),
    "Gerbang.nama": (Gate, "name"),
    "Rubrik.tahap": (Rubric, "stage"),
    "Rubrik.kode": (Criterion, "code"),
    "Rubrik.nama": (Criterion, "name"),
    "Rubrik.bobot": (Criterion, "weight"),
    "Rubrik.deskripsi": (Criterion, "description"),
    "Kualifikasi.kode": (Band, "code"),
    "Kualifikasi.nama": (Band, "name"),
    "Kualifikasi.batas_bawah": (Band, "lower"),
    "Kualifikasi.warna": (Band, "color"),
    "Kualifikasi.pesan": (Band, "message"),
    "Keterangan.butir": (RuleNote, "item"),
    "Keterangan.status": (RuleNote, "status"),
    "Keterangan.sumber": (RuleNote, "source"),
    "Keterangan.alasan": (RuleNote, "reason"),
    "Pengaturan.id": (Questionnaire, "id"),
    "Pengaturan.judul": (Questionnaire, "title"),
    "Pengaturan.komisi": (Questionnaire, "commission"),
    "Pengaturan.tahun": (Questionnaire, "year"),
    "Pengaturan.kategori": (Questionnaire, "category"),
    "Pengaturan.versi": (Questionnaire, "version"),
    "Pengaturan.deskripsi": (Questionnaire, "description"),
    "Pengaturan.aturan_id": (Questionnaire, "rule_set"),
    "Pengaturan.kredit_tanpa_bukti": (Rules, "evidence_credit"),
    "Pengaturan.jawaban_kosong": (Rules, "missing_answers"),
    "Pengaturan.verifikasi_wajib": (Rules, "verification_required"),
    "Pengaturan.poin_langsung": (Questionnaire, "direct_points"),
    "Pengaturan.batas_ukuran_bukti_mb": (Questionnaire, "evidence_max_mb"),
    "Pertanyaan.periode": (YesNoQuestion, "period"),
    "Pertanyaan.dinilai_oleh": (YesNoQuestion, "assessed_by"),
    "Pertanyaan.ketidaklengkapan": (ChecklistQuestion, "incompleteness"),
    "Pertanyaan.bukti_pengganti": (Substitute, "name"),
    "Pertanyaan.pengganti_ditandatangani_oleh": (Substitute, "signed_by"),
    "Pertanyaan.pengganti_bukti": (Substitute, "evidence"),
    "Pertanyaan.pengganti_label": (Substitute, "label"),
    "Pilihan.skala_verifikasi": (YesNoQuestion, "verifier_scale"),
    "Pilihan.deskripsi": (Level, "description"),
    "Kelompok.kode": (Group, "code"),
    "Kelompok.judul": (Group, "title"),
}
_HELP_KEYS = {"Pertanyaan.poin": "poin_pertanyaan", "Tahap.batas_lolos": "batas_lolos"}


def _help(sheet: str, key: str) -> str | None:
    own = COLUMN_HELP.get(_HELP_KEYS.get(f"{sheet}.{key}", key))
    if own is not None:
        return own
    model_field = _FIELD_OF.get(f"{sheet}.{key}")
    if model_field is None:
        return None
    model, name = model_field
    return model.model_fields[name].description


def _yes_no(value: bool) -> str:
    return lay.YES_NO[0] if value else lay.YES_NO[1]


def _question_row(q: AnyQuestion) -> dict[str, Any]:
    return {
        "kode": q.code,
        "indikator": q.indicator,
        "teks": q.text,
        "petunjuk": q.hint,
        "definisi_operasional": q.definition,
        "dasar_hukum": q.legal_basis,
        "tipe": q.type.value,
        "poin": json_number(q.points) if isinstance(q, YesNoQuestion) else None,
        "satuan": q.unit if isinstance(q, NumberQuestion) else None,
        "bukti": q.evidence.value,
        "boleh_na": _yes_no(q.allow_na),
        "syarat": lay.condition_text(q.condition) if q.condition else None,
        "rekomendasi": q.recommendation,
        "dinilai_oleh": q.assessed_by.value if q.assessed_by is not None else None,
        "periode": q.period,
        "ketidaklengkapan": q.incompleteness.value if isinstance(q, ChecklistQuestion) and q.all_or_nothing else None,
        **_substitute_cells(q),
    }


def _substitute_cells(q: AnyQuestion) -> dict[str, Any]:
    sub = q.substitute if isinstance(q, YesNoQuestion) else None
    if sub is None:
        return {}
    return {"bukti_pengganti": sub.name, "pengganti_ditandatangani_oleh": sub.signed_by, "pengganti_bukti": sub.evidence.value, "pengganti_label": sub.label}


def _option_rows(q: AnyQuestion) -> Iterable[dict[str, Any]]:
    if isinstance(q, ChoiceQuestion):
        yield from ({"kode_pertanyaan": q.code, "label": o.label, "poin": json_number(o.points)} for o in q.options)
    elif isinstance(q, ChecklistQuestion):
        yield from (_item_row(q.code, item) for item in q.items)
    elif isinstance(q, NumberQuestion):
        for r in q.ranges:
            high = None if r.high is None else json_number(r.high)
            yield {"kode_pertanyaan": q.code, "dari": json_number(r.low), "sampai": high, "termasuk_sampai": _yes_no(r.high_inclusive), "poin": json_number(r.points)}
    for level in q.verifier_scale or ():
        yield {"kode_pertanyaan": q.code, "label": level.label, "poin": json_number(level.points), "skala_verifikasi": _yes_no(True), "deskripsi": level.description}


def _item_row(code: str, item: ChecklistItem) -> dict[str, Any]:
    return {"kode_pertanyaan": code, "kode_butir": item.code, "label": item.label, "poin": json_number(item.points)}


def _plain_gate(rules: Rules) -> bool:
    """Whether the rules' only gate is a plain SAQ threshold, written on the Tahap sheet as before the Gerbang sheet."""
    g = rules.gate
    return g is not None and not rules.further_gates and set(g.model_dump(exclude_defaults=True, by_alias=True)) <= {"batas", "jika_tidak_lolos"} and g.threshold is not None


def _stage_rows(rules: Rules) -> Iterable[dict[str, Any]]:
    for i, stage in enumerate(rules.stages):
        row: dict[str, Any] = {"kode": stage.code, "nama": stage.name, "bobot": json_number(stage.weight)}
        gate = rules.gate
        if i == 0 and gate is not None and gate.threshold is not None and _plain_gate(rules):
            row.update(batas_lolos=json_number(gate.threshold), jika_tidak_lolos=gate.on_fail.value)
        yield row


def _gate_rows(rules: Rules) -> Iterable[dict[str, Any]]:
    if _plain_gate(rules):
        return
    for g in rules.gates:
        yield {
            "tahap": g.stage,
            "batas": None if g.threshold is None else json_number(g.threshold),
            "peringkat": g.top,
            "gabungan": g.join.value,
            "dasar": g.basis.value,
            "seri": g.ties.value,
            "jika_tidak_lolos": g.on_fail.value,
            "nama": g.name,
        }


def _rubric_rows(rules: Rules) -> Iterable[dict[str, Any]]:
    for rubric in rules.rubrics:
        for c in rubric.criteria:
            yield {"tahap": rubric.stage, "kode": c.code, "nama": c.name, "bobot": json_number(c.weight), "deskripsi": c.description}


def _note_rows(q: Questionnaire) -> Iterable[dict[str, Any]]:
    for scope, notes in (("aturan", q.rules.notes), ("edisi", q.notes)):
        for note in notes:
            yield {"lingkup": scope, "butir": note.item, "status": note.status.value, "sumber": note.source, "alasan": note.reason}


def _settings(q: Questionnaire) -> dict[str, Any]:
    rounding: Rounding = q.rules.rounding
    return {
        "id": q.id,
        "judul": q.title,
        "komisi": q.commission,
        "tahun": q.year,
        "kategori": q.category,
        "versi": q.version,
        "deskripsi": q.description,
        "aturan_id": q.rule_set,
        "pembulatan_tempat_desimal": lay.NO_ROUNDING if rounding.places is None else rounding.places,
        "pembulatan_mode": rounding.mode.value,
        "kredit_tanpa_bukti": json_number(q.rules.evidence_credit),
        "jawaban_kosong": q.rules.missing_answers.value,
        "verifikasi_wajib": _yes_no(q.rules.verification_required),
        "poin_langsung": _yes_no(q.direct_points),
        "batas_ukuran_bukti_mb": json_number(q.evidence_max_mb),
    }


def _dropdown(ws: Worksheet, choices: tuple[str, ...], cells: str) -> None:
    validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True, showErrorMessage=True)
    validation.errorTitle = DROPDOWN_TITLE.text()
    validation.error = DROPDOWN_ERROR.text(choices=", ".join(choices))
    validation.add(cells)
    ws.add_data_validation(validation)


def _header(ws: Worksheet, spec: lay.Sheet) -> None:
    for i, column in enumerate(spec.columns, start=1):
        cell = ws.cell(row=1, column=i, value=column.key)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        help_text = _help(spec.name, column.key)
        if help_text:
            cell.comment = Comment(help_text, "kipmonev", width=300, height=120)
        ws.column_dimensions[get_column_letter(i)].width = column.width
    ws.freeze_panes = spec.freeze
    # Printed for review meetings: landscape, every column on the page width, header repeated.
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"


def _row_height(row: dict[str, Any], columns: Iterable[lay.Column]) -> float:
    """A height that shows wrapped text whole: neither Excel nor LibreOffice fits rows of generated files."""
    lines = 1
    for column in columns:
        value = row.get(column.key)
        if column.wrap and isinstance(value, str):
            # about one character of Arial per unit of column width; explicit line breaks count too
            per_line = max(1, column.width)
            lines = max(lines, sum(max(1, -(-len(part) // per_line)) for part in value.split("\n")))
    return 15.0 * lines


def _fill(ws: Worksheet, spec: lay.Sheet, rows: Iterable[dict[str, Any]]) -> int:
    """Write a table sheet; return the number of data rows."""
    _header(ws, spec)
    count = 0
    for line, row in enumerate(rows, start=2):
        count += 1
        for i, column in enumerate(spec.columns, start=1):
            value = row.get(column.key)
            cell = ws.cell(row=line, column=i, value=value)
            cell.font = _BODY_FONT
            cell.alignment = Alignment(vertical="top", wrap_text=column.wrap)
            if isinstance(value, str) and column.kind is lay.Kind.TEXT:
                cell.data_type = "s"  # text such as '=…' or '1' stays text
        ws.row_dimensions[line].height = _row_height(row, spec.columns)
    last = count + 1 + _SPARE_ROWS
    for i, column in enumerate(spec.columns, start=1):
        if column.choices:
            letter = get_column_letter(i)
            _dropdown(ws, column.choices, f"{letter}2:{letter}{last}")
    return count


def _fill_settings(ws: Worksheet, q: Questionnaire) -> None:
    _header(ws, lay.SETTINGS)
    values = _settings(q)
    for line, setting in enumerate(lay.SETTING_ROWS, start=2):
        ws.cell(row=line, column=1, value=setting.key).font = _HEADER_FONT
        value = ws.cell(row=line, column=2, value=values[setting.key])
        value.font = _BODY_FONT
        value.alignment = Alignment(vertical="top", wrap_text=True)
        if setting.key in {"tahun", "versi"}:
            value.number_format = "0"
        note = ws.cell(row=line, column=3, value=_help(lay.SETTINGS.name, setting.key))
        note.font = _BODY_FONT
        note.alignment = Alignment(vertical="top", wrap_text=True)
        if setting.choices:
            _dropdown(ws, setting.choices, f"B{line}")


def export_questionnaire(q: Questionnaire) -> Workbook:
    """Build the authoring workbook of an edition.

    Returns:
        A new workbook with the sheets Pengaturan, Indikator, Pertanyaan, Pilihan, Tahap, Gerbang,
        Kualifikasi, Rubrik and Keterangan; :func:`kipmonev.sources.questionnaire_xlsx.import_questionnaire` reads it back unchanged.
    """
    wb = Workbook()
    wb.properties.title = q.title
    wb.properties.creator = "kipmonev"
    first = wb.active
    assert isinstance(first, Worksheet)
    sheets: dict[str, Worksheet] = {lay.SHEETS[0].name: first}
    first.title = lay.SHEETS[0].name
    for spec in lay.SHEETS[1:]:
        sheets[spec.name] = wb.create_sheet(spec.name)
    _fill_settings(sheets["Pengaturan"], q)
    _fill(sheets["Indikator"], lay.INDICATORS, ({"kode": i.code, "nama": i.name, "bobot": json_number(i.weight), "deskripsi": i.description} for i in q.indicators))
    _fill(sheets["Pertanyaan"], lay.QUESTIONS, (_question_row(x) for x in q.questions))
    _fill(sheets["Pilihan"], lay.OPTIONS, (row for x in q.questions for row in _option_rows(x)))
    _fill(sheets["Tahap"], lay.STAGES, _stage_rows(q.rules))
    _fill(sheets["Gerbang"], lay.GATES, _gate_rows(q.rules))
    _fill(sheets["Rubrik"], lay.RUBRICS, _rubric_rows(q.rules))
    bands = sheets["Kualifikasi"]
    _fill(bands, lay.BANDS, ({"kode": b.code, "nama": b.name, "batas_bawah": json_number(b.lower), "warna": b.color, "pesan": b.message} for b in q.rules.bands))
    for line, band in enumerate(q.rules.bands, start=2):
        bands.cell(row=line, column=4).fill = PatternFill("solid", fgColor=band.color.lstrip("#").upper())
    _fill(sheets["Keterangan"], lay.NOTES, _note_rows(q))
    _fill(sheets["Kelompok"], lay.GROUPS, ({"kode": g.code, "judul": g.title} for g in q.groups))
    return wb


def write_questionnaire_xlsx(q: Questionnaire, path: str | os.PathLike[str], *, protect: Iterable[Path] = ()) -> Path:
    """Write the authoring workbook of an edition atomically (a temporary file, then a rename).

    Args:
        q: The edition.
        path: The ``.xlsx`` file to write.
        protect: Input files that must never be overwritten.

    Returns:
        The path written.

    Raises:
        ValueError: ``path`` is one of ``protect``.
        OSError: The folder cannot be written.
    """
    target = Path(path)
    workbook = export_questionnaire(q)
    write_atomic_with(target, workbook.save, protect=protect)
    return target
