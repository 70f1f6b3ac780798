"""The panel kit: one score workbook per room of a later stage, built from the stage's rubric (``kipmonev panel kit``).

Each workbook has a **Nilai** sheet (one row per body and panelist, one yellow cell per criterion, a locked
weighted-score formula for live feedback, a grey locked row with its reason for a conflict of interest), a
**Rubrik** sheet (criteria, weights, what is judged, and the rule set's confirmed/preset notes on the rubric)
and a very hidden **Metadata** sheet the reader (:mod:`kipmonev.sources.panel_kit`) uses. A stage whose rule
set has no rubric is scored on one criterion, ``Nilai tahap``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from kipmonev._version import __version__
from kipmonev.core.fileio import safe_filename, workbook_bytes, write_atomic
from kipmonev.core.formatting import format_plain
from kipmonev.engine.panel import Conflict, KitCriterion, Room
from kipmonev.formats import panel_texts as pt
from kipmonev.model.questionnaire import RuleSet
from kipmonev.outputs import panel_labels as pl
from kipmonev.outputs.style import F_BOLD, F_HEADER, F_NOTE, F_TEXT, F_TITLE, FILL_HEADER, FILL_INPUT, FILL_NONE, num, page, protect, put


class PanelKitSetupError(ValueError):
    """The rule set has no such later stage."""


def kit_criteria(rule_set: RuleSet, stage: str) -> tuple[KitCriterion, ...]:
    """The criteria a stage is scored on: its rubric's, or the single ``Nilai tahap`` when the rule set has none.

    Raises:
        PanelKitSetupError: ``stage`` is not a later stage of the rule set.
    """
    if stage not in [s.code for s in rule_set.rules.later_stages]:
        raise PanelKitSetupError(stage)
    rubric = rule_set.rules.rubric_for(stage)
    if rubric is None:
        return (KitCriterion(pt.SINGLE_CRITERION_CODE, pt.SINGLE_CRITERION_NAME, Decimal(100)),)
    return tuple(KitCriterion(c.code, c.name, Decimal(c.weight)) for c in rubric.criteria)


def rubric_notes(rule_set: RuleSet) -> list[str]:
    """The rule set's notes on the rubric (items naming criteria, a rubric or panelists), each with its status."""
    words = ("kriteria", "rubrik", "panelis")
    return [
        pl.NOTE_LINE.text(status=n.status.value, item=n.item, why=n.source or n.reason or "")
        for n in rule_set.rules.notes
        if any(w in n.item.casefold() for w in words)
    ]


def _scores_sheet(ws: Worksheet, rule_set: RuleSet, stage_name: str, room: Room, criteria: Sequence[KitCriterion], conflicts: Sequence[Conflict], stage: str) -> None:
    last_crit = pt.FIRST_CRITERION_COL + len(criteria) - 1
    weighted_col, note_col = last_crit + 1, last_crit + 2
    ws.cell(row=pt.TITLE_ROW, column=1, value=pt.TITLE.format(stage=stage_name, room=room.name)).font = F_TITLE
    ws.cell(row=pt.INFO_ROW, column=1, value=pt.INFO.format(commission=rule_set.commission)).font = F_NOTE
    heads = [pt.HEAD_ID, pt.HEAD_NAME, pt.HEAD_PANELIST, *(pt.HEAD_CRITERION.format(name=c.name, weight=format_plain(c.weight)) for c in criteria), pt.HEAD_WEIGHTED, pt.HEAD_NOTE]
    for col, text in enumerate(heads, start=1):
        put(ws, pt.HEADER_ROW, col, text, F_HEADER, FILL_HEADER)
    valid = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True, showErrorMessage=True, error=pl.SCORE_ERROR.text(), errorTitle=pl.SCORE_ERROR_TITLE.text())
    ws.add_data_validation(valid)
    total = sum((c.weight for c in criteria), Decimal(0))
    row = pt.FIRST_ROW
    for body_id, name in room.bodies:
        for panelist in room.panelists:
            conflict = next((c for c in conflicts if c.covers(panelist, body_id, stage)), None)
            fill = FILL_NONE if conflict else None
            put(ws, row, pt.COL_ID, body_id, F_BOLD, fill)
            put(ws, row, pt.COL_NAME, name, F_TEXT, fill)
            put(ws, row, pt.COL_PANELIST, panelist, F_TEXT, fill)
            for i in range(len(criteria)):
                col = pt.FIRST_CRITERION_COL + i
                put(ws, row, col, None, F_TEXT, fill or FILL_INPUT, unlocked=conflict is None)
                if conflict is None:
                    valid.add(f"{get_column_letter(col)}{row}")
            first, last = get_column_letter(pt.FIRST_CRITERION_COL), get_column_letter(last_crit)
            terms = "+".join(f"{get_column_letter(pt.FIRST_CRITERION_COL + i)}{row}*{num(c.weight)}" for i, c in enumerate(criteria))
            formula = f'=IF(COUNT({first}{row}:{last}{row})<{len(criteria)},"",({terms})/{num(total)})'
            put(ws, row, weighted_col, formula, F_BOLD, fill)
            ws.cell(row=row, column=weighted_col).number_format = "0.00"
            put(ws, row, note_col, pt.CONFLICT_NOTE.format(reason=conflict.reason) if conflict else None, F_NOTE, fill, unlocked=conflict is None)
            row += 1
    widths = [12, 34, 22, *([16] * len(criteria)), 14, 40]
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = f"{get_column_letter(pt.FIRST_CRITERION_COL)}{pt.FIRST_ROW}"
    page(ws, f"{pt.HEADER_ROW}:{pt.HEADER_ROW}")
    protect(ws)


def _rubric_sheet(ws: Worksheet, rule_set: RuleSet, stage_name: str, criteria: Sequence[KitCriterion], single: bool) -> None:
    ws.cell(row=1, column=1, value=pt.RUBRIC_TITLE.format(stage=stage_name, rule_set=rule_set.name)).font = F_TITLE
    for col, text in enumerate(pt.RUBRIC_HEADER, start=1):
        put(ws, 3, col, text, F_HEADER, FILL_HEADER)
    descriptions = {c.code: c.description for r in rule_set.rules.rubrics for c in r.criteria}
    row = 4
    for c in criteria:
        for col, value in enumerate((c.code, c.name, format_plain(c.weight), descriptions.get(c.code) or ""), start=1):
            put(ws, row, col, value)
        row += 1
    lines = [pt.RUBRIC_SINGLE] if single else []
    lines += [pt.RUBRIC_FORMULA, *rubric_notes(rule_set)]
    for text in lines:
        row += 1
        ws.cell(row=row, column=1, value=text).font = F_NOTE
    for col, width in enumerate((22, 34, 10, 60), start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    protect(ws)


def _meta_sheet(ws: Worksheet, rule_set: RuleSet, stage: str, stage_name: str, room: Room, criteria: Sequence[KitCriterion]) -> None:
    pairs = [(pt.META_KIND, pt.META_KIND_VALUE), (pt.META_VERSION, __version__), (pt.META_RULE_SET, rule_set.id), (pt.META_STAGE, stage), (pt.META_STAGE_NAME, stage_name), (pt.META_ROOM, room.name)]
    for r, (key, value) in enumerate(pairs, start=1):
        ws.cell(row=r, column=1, value=key)
        ws.cell(row=r, column=2, value=value)
    for r, c in enumerate(criteria, start=len(pairs) + 1):
        for col, value in enumerate((pt.META_CRITERION, c.code, c.name, format(c.weight, "f")), start=1):
            ws.cell(row=r, column=col, value=value)
    ws.sheet_state = "veryHidden"


def kit_workbook(rule_set: RuleSet, stage: str, room: Room, conflicts: Sequence[Conflict] = ()) -> Workbook:
    """The score workbook of one room.

    Raises:
        PanelKitSetupError: ``stage`` is not a later stage of the rule set.
    """
    criteria = kit_criteria(rule_set, stage)
    stage_name = next(s.name for s in rule_set.rules.stages if s.code == stage)
    wb = Workbook()
    scores = wb.active
    assert scores is not None
    scores.title = pt.SHEET_SCORES
    _scores_sheet(scores, rule_set, stage_name, room, criteria, conflicts, stage)
    _rubric_sheet(wb.create_sheet(pt.SHEET_RUBRIC), rule_set, stage_name, criteria, rule_set.rules.rubric_for(stage) is None)
    _meta_sheet(wb.create_sheet(pt.SHEET_META), rule_set, stage, stage_name, room, criteria)
    return wb


def kit_file_name(stage: str, index: int, room: Room) -> str:
    """``panel-presentasi-01-Ruang-1.xlsx``: the room's place keeps two rooms whose names read alike apart."""
    return f"panel-{stage}-{index:02d}-{safe_filename(room.name)}.xlsx"


def kit_paths(stage: str, rooms: Sequence[Room], out_dir: Path) -> list[Path]:
    """Where :func:`write_kits` writes, in room order."""
    return [out_dir / kit_file_name(stage, i, room) for i, room in enumerate(rooms, start=1)]


def write_kits(rule_set: RuleSet, stage: str, rooms: Sequence[Room], out_dir: Path, conflicts: Sequence[Conflict] = ()) -> list[Path]:
    """Write one workbook per room into ``out_dir`` (created), atomically; the paths, in room order.

    Raises:
        PanelKitSetupError: ``stage`` is not a later stage of the rule set.
    """
    kit_criteria(rule_set, stage)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for room, path in zip(rooms, kit_paths(stage, rooms, out_dir), strict=True):
        write_atomic(path, workbook_bytes(kit_workbook(rule_set, stage, room, conflicts)))
        written.append(path)
    return written
