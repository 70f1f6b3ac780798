"""The panel kit's use cases: write the score workbooks, read them back as a batch's stage scores.

``kipmonev panel kit`` writes one workbook per room; ``kipmonev score --panel`` reads the filled ones back,
with the conflicts of interest left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kipmonev.app import problems_panel as ap
from kipmonev.core.errors import KipmonevError, Location, Problem
from kipmonev.engine.panel import Conflict, panel_summary, stage_file_from_kits
from kipmonev.engine.stages import CombineRule, StageFile
from kipmonev.model.recap import PanelSummary
from kipmonev.outputs.panel_kit import PanelKitSetupError, kit_paths, write_kits
from kipmonev.sources.loader import load_rule_set
from kipmonev.sources.panel_kit import read_conflicts, read_kits, read_rooms

#: The rule set a kit is made from when none is named: KI Pusat's.
DEFAULT_RULE_SET = "ki-pusat"


@dataclass(frozen=True)
class KitResult:
    """What ``panel kit`` wrote: one workbook per room, and how many bodies and panelists each holds."""

    written: tuple[Path, ...]
    rooms: tuple[tuple[str, int, int], ...]


def make_kits(rooms_file: Path, stage: str, out_dir: Path, rule_set: str | None = None, conflicts_file: Path | None = None, force: bool = False) -> KitResult:
    """Write the score workbooks of ``stage``, one per room of ``rooms_file``, into ``out_dir``.

    Raises:
        KipmonevError: The rule set, rooms or conflicts file is invalid, the stage is not a later stage, or a
            kit already exists (without ``force``): nothing is written then.
    """
    rules = load_rule_set(rule_set or DEFAULT_RULE_SET)
    later = [s.code for s in rules.rules.later_stages]
    if stage not in later:
        raise KipmonevError(ap.UNKNOWN_STAGE_SUMMARY.text(), (ap.NOT_A_LATER_STAGE.at(Location(rules.id), rule_set=rules.id, stage=stage, stages=later or [ap.NO_LATER_STAGES.text()]),))
    rooms = read_rooms(rooms_file)
    conflicts = read_conflicts(conflicts_file) if conflicts_file else ()
    paths = kit_paths(stage, rooms, out_dir)
    existing = [p for p in paths if p.exists()]
    if existing and not force:
        raise KipmonevError(ap.KIT_EXISTS_SUMMARY.text(), tuple(ap.KIT_EXISTS.at(Location(str(p)), name=p.name) for p in existing))
    try:
        written = write_kits(rules, stage, rooms, out_dir, conflicts)
    except PanelKitSetupError as e:  # checked above; kept so the contract stays explicit
        raise KipmonevError(ap.UNKNOWN_STAGE_SUMMARY.text(), (ap.NOT_A_LATER_STAGE.at(Location(rules.id), rule_set=rules.id, stage=stage, stages=later),)) from e
    return KitResult(tuple(written), tuple((r.name, len(r.bodies), len(r.panelists)) for r in rooms))


@dataclass(frozen=True)
class PanelInput:
    """The kits read back for a batch: the stage scores, the warnings to list, the recap's panel part."""

    stage_file: StageFile
    warnings: tuple[Problem, ...]
    summary: PanelSummary


def read_panel(panel: Path, conflicts_file: Path | None, rule: CombineRule) -> PanelInput:
    """Read every filled kit under ``panel`` and the conflicts of interest; combine them (rules K1–K7).

    Raises:
        KipmonevError: Every problem of every kit (and of the conflicts file) at once.
    """
    conflicts: tuple[Conflict, ...] = read_conflicts(conflicts_file) if conflicts_file else ()
    kits = read_kits(panel)
    stage_file, errors, warnings = stage_file_from_kits(kits, conflicts, rule, str(panel))
    if errors:
        raise KipmonevError(ap.KITS_SUMMARY.text(), errors)
    return PanelInput(stage_file, warnings, panel_summary(kits, conflicts, rule))
