"""``round panel-kit`` and ``round panel-collect``: a round's later stages (presentasi/uji publik, visitasi) in its log.

The kits are ``kipmonev panel kit``'s workbooks (:func:`kipmonev.outputs.panel_kit.write_kits`), written for the
bodies the round's current recap sends to the stage (rule L1 of :mod:`kipmonev.engine.round_stages`), with the
round's panelists and conflicts of interest. The filled sheets are read with the panel kit's reader
(:func:`kipmonev.sources.panel_kit.read_kit`) and each panelist's scores become ``stage.scored`` events: who
(the panelist), when, the sheet's SHA-256, the stage, the body and every criterion score. ``round recap``
scores the stages from these events (:func:`logged_stages`), never from anything typed into a body's workbook.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kipmonev.app import problems_panel as ap
from kipmonev.app import problems_round_stages as ps
from kipmonev.app.panel import PanelInput
from kipmonev.app.round.verify import collect_each
from kipmonev.app.round.workspace import Round
from kipmonev.core.catalogue import quoted
from kipmonev.core.errors import KipmonevError, Location, Problem
from kipmonev.core.fileio import file_hash
from kipmonev.core.formatting import format_long_date, format_number, format_plain
from kipmonev.engine.panel import SHOWN, Conflict, Kit, KitCriterion, Room, panel_summary, stage_file_from_kits, weighted
from kipmonev.engine.round_stages import (
    KIT_WRITTEN,
    SCORED,
    StageKit,
    StageProgress,
    StageSheet,
    criteria_data,
    kits_from_log,
    plain_rows,
    sent_to_stage,
    stage_kits,
    stage_progress,
    stage_sheets,
)
from kipmonev.engine.rounding import round_score
from kipmonev.engine.stages import CombineRule, StageFile, stage_scores_for
from kipmonev.formats.round_layout import RECAP_DIR
from kipmonev.model.questionnaire import RuleSet
from kipmonev.model.recap import Recap
from kipmonev.model.round import NewEvent
from kipmonev.outputs.panel_kit import kit_criteria, kit_paths, write_kits
from kipmonev.sources.loader import load_rule_set
from kipmonev.sources.panel_kit import PanelKitError, read_conflicts, read_kit
from kipmonev.sources.problems_panel import KIT_NOT_A_KIT
from kipmonev.sources.results import RECAP_FILE
from kipmonev.sources.stages import read_stage_file

#: Where the kits of a stage go, under the round folder.
PANEL_DIR = "panel"


@dataclass(frozen=True)
class StageKitResult:
    """What ``round panel-kit`` wrote: the kit files, the bodies sent (ID, name), the panelists and the recap's date."""

    stage: str
    stage_name: str
    written: tuple[Path, ...]
    bodies: tuple[tuple[str, str], ...]
    panelists: tuple[str, ...]
    conflicts: tuple[Conflict, ...]
    recap_date: str


def _recap(r: Round) -> Recap:
    path = r.folder / RECAP_DIR / RECAP_FILE
    try:
        return Recap.from_json(path.read_bytes())
    except (OSError, ValueError) as e:
        raise KipmonevError(ps.KIT_SUMMARY.text(), (ps.NO_RECAP.at(Location(str(path)), folder=str(r.folder)),)) from e


def _rule_set(r: Round, category: str) -> RuleSet:
    """The round's rule set, or (without one) the category's edition's own rules as a rule set."""
    if r.config.rule_set:
        return load_rule_set(r.config.rule_set)
    q = r.questionnaire(category)
    return RuleSet.model_validate({"id": q.id, "nama": q.title, "komisi": r.config.commission, "aturan": q.rules})


def write_stage_kits(r: Round, stage: str, panelists: tuple[str, ...], conflicts_file: Path | None = None, force: bool = False) -> StageKitResult:
    """Write the kit of ``stage`` for the bodies the current recap sends to it (rule L1) and record it (rule L2).

    Raises:
        KipmonevError: No recap yet, the stage is not a later stage, nobody is sent, no panelist, the
            conflicts file is invalid, or the kit exists (without ``force``): nothing is written then.
    """
    recap = _recap(r)
    here = Location(str(r.folder))
    roster = r.roster.by_id()
    rows = [row for row in recap.rows if row.body_id and row.body_id.casefold() in roster]
    categories = list(dict.fromkeys(row.category for row in rows))
    rule_set = _rule_set(r, categories[0]) if categories else (load_rule_set(r.config.rule_set) if r.config.rule_set else None)
    later = [s.code for s in rule_set.rules.later_stages] if rule_set else []
    if rule_set is None or stage not in later:
        name = rule_set.id if rule_set else (r.config.rule_set or "-")
        raise KipmonevError(ap.UNKNOWN_STAGE_SUMMARY.text(), (ap.NOT_A_LATER_STAGE.at(here, rule_set=name, stage=stage, stages=later or [ap.NO_LATER_STAGES.text()]),))
    problems: list[Problem] = []
    sent: list[tuple[str, str]] = []
    for row in rows:
        rules = r.questionnaire(row.category).rules
        if stage not in [s.code for s in rules.later_stages]:
            problems.append(ps.NO_STAGE_RULES.at(here, stage=stage, category=row.category, stages=[s.code for s in rules.later_stages]))
        elif sent_to_stage(rules, row, stage):
            assert row.body_id is not None
            sent.append((roster[row.body_id.casefold()].id, row.name))
    stage_name = next(s.name for s in rule_set.rules.stages if s.code == stage)
    if problems:
        raise KipmonevError(ps.KIT_SUMMARY.text(), tuple(dict.fromkeys(problems)))
    if not sent:
        raise KipmonevError(ps.KIT_SUMMARY.text(), (ps.NOBODY_SENT.at(here, date=format_long_date(dt.date.fromisoformat(recap.date)), stage=stage_name),))
    names = tuple(dict.fromkeys(" ".join(p.split()) for p in panelists if p.strip()))
    if not names:
        raise KipmonevError(ps.KIT_SUMMARY.text(), (ps.NO_PANELISTS.at(here, stage=stage_name),))
    ids = {b.casefold() for b, _ in sent}
    given = read_conflicts(conflicts_file) if conflicts_file else ()
    # A conflict declared for every stage holds for the round's later kits too, without the file again.
    earlier = [Conflict(Location(k.file), p, k.body_id, reason) for k in stage_kits(r.events()).values() for p, reason, every in k.conflicts_declared if every]
    conflicts: list[Conflict] = []
    for c in (*given, *earlier):
        if c.body_id.casefold() in ids and (not c.stage or c.stage == stage.casefold()) and not any(o.covers(c.panelist, c.body_id, stage) for o in conflicts):
            conflicts.append(c)
    room = Room(ps.ROOM.text(stage=stage_name), tuple(sent), names)
    out_dir = r.folder / PANEL_DIR / stage
    existing = [p for p in kit_paths(stage, [room], out_dir) if p.exists()]
    if existing and not force:
        raise KipmonevError(ap.KIT_EXISTS_SUMMARY.text(), tuple(ap.KIT_EXISTS.at(Location(str(p)), name=p.name) for p in existing))
    written = write_kits(rule_set, stage, [room], out_dir, tuple(conflicts))
    criteria = criteria_data(kit_criteria(rule_set, stage))
    events: list[NewEvent] = []
    for path in written:
        sha = file_hash(path)
        for body, name in sent:
            mine = [{"panelis": c.panelist, "alasan": c.reason, "semua_tahap": not c.stage} for c in conflicts if c.covers(c.panelist, body, stage)]
            declared = "".join(ps.KIT_CONFLICT.text(panelist=c["panelis"], reason=c["alasan"]) for c in mine)
            events.append(
                NewEvent(
                    kind=KIT_WRITTEN, subject=body, new=path.name, input_hash=sha, reason=ps.KIT_REASON.text(),
                    data={"tahap": stage, "nama_tahap": stage_name, "nama": name, "ruang": room.name, "berkas": path.name, "kriteria": criteria, "panelis": list(names), "konflik": mine, "rekap": recap.date, "rekap_teks": format_long_date(dt.date.fromisoformat(recap.date)),
                          "panelis_teks": quoted(names, "dan"), "konflik_teks": declared, "jumlah": len(sent)},
                )
            )
        events.append(NewEvent(kind="output.written", subject="panel", new=path.name, input_hash=sha, reason=ps.KIT_REASON.text(), data={"jenis": ps.KIT_KIND.text(), "berkas": path.name}))
    r.store.append(r.actor, events)
    return StageKitResult(stage, stage_name, tuple(written), tuple(sent), names, tuple(conflicts), recap.date)


# --- collecting the filled sheets ---------------------------------------------------------------

@dataclass(frozen=True)
class SheetOutcome:
    """One collected sheet: the scores recorded (per panelist), the rows unchanged, or why it was refused."""

    path: Path
    stage: str = ""
    recorded: tuple[tuple[str, str, bool], ...] = ()  # (panelist, body ID, replaces an earlier sheet)
    unchanged: int = 0
    errors: tuple[Problem, ...] = ()


def _criteria_text(criteria: tuple[KitCriterion, ...]) -> str:
    return ", ".join(f"{c.code} ({format_plain(c.weight)})" for c in criteria)


def _panelist_problem(logged: StageKit, panelist: str, where: Location) -> Problem | None:
    """Rule L4: a filled score of a conflicted panelist, or of one who is not the kit's."""
    reason = logged.conflict_of(panelist)
    if reason is not None:
        return ps.SHEET_CONFLICT.at(where, panelist=panelist, body=logged.body_id, reason=reason)
    if not logged.has_panelist(panelist):
        return ps.SHEET_UNKNOWN_PANELIST.at(where, panelist=panelist, stage=logged.stage_name, body=logged.body_id, panelists=quoted(logged.panelists, "dan"))
    return None


@dataclass(frozen=True)
class _Entry:
    """One panelist's score for one body, read from a sheet or a stage-score file, before it is recorded."""

    logged: StageKit
    panelist: str
    value: Decimal
    scores: tuple[Decimal, ...]  # per criterion of the kit; empty from a stage-score file
    where: Location


def _kit_entries(kit: Kit, kits: dict[tuple[str, str], StageKit]) -> tuple[list[_Entry], list[Problem]]:
    """Rule L4 for every filled row of one sheet, and the rows to record."""
    problems: list[Problem] = []
    entries: list[_Entry] = []
    for row in kit.rows:
        logged = kits.get((kit.stage, row.body_id.casefold()))
        if logged is None:
            problems.append(ps.SHEET_NOT_SENT.at(row.where, body=row.body_id, stage=kit.stage_name or kit.stage))
            continue
        if [(c.code, c.weight) for c in kit.criteria] != [(c.code, c.weight) for c in logged.criteria]:
            problems.append(ps.SHEET_CRITERIA.at(Location(kit.source), stage=logged.stage_name, given=_criteria_text(kit.criteria), expected=_criteria_text(logged.criteria)))
            continue
        value = weighted(row.scores, kit.criteria)
        if value is None:
            continue
        problem = _panelist_problem(logged, row.panelist, row.where)
        if problem is not None:
            problems.append(problem)
            continue
        panelist = next(p for p in logged.panelists if _same(p, row.panelist))
        entries.append(_Entry(logged, panelist, value, tuple(s for s in row.scores if s is not None), row.where))
    return entries, problems


def _file_entries(r: Round, path: Path, kits: dict[tuple[str, str], StageKit]) -> tuple[str, list[_Entry], list[Problem]]:
    """A stage-score file (as ``score --stage-scores`` reads it): rule L4 for every panelist's score, and the scores to record."""
    stage_file = read_stage_file(path)
    roster = r.roster.by_id()
    problems: list[Problem] = []
    entries: list[_Entry] = []
    stages: list[str] = []
    for row in stage_file.rows:
        entry = roster.get(row.body_id.casefold()) if row.body_id else None
        if entry is None:
            problems.append(ps.SHEET_NOT_SENT.at(row.where, body=row.body_id or row.name, stage=row.stage or "-"))
            continue
        fitted, wrong = stage_scores_for([row], r.questionnaire(entry.category).rules, str(path))
        problems += wrong
        for code in fitted:
            stages.append(code)
            logged = kits.get((code, entry.id.casefold()))
            if logged is None:
                problems.append(ps.SHEET_NOT_SENT.at(row.where, body=entry.id, stage=code))
                continue
            for given, value in row.score.scores:
                problem = _panelist_problem(logged, given, row.where)
                if problem is not None:
                    problems.append(problem)
                    continue
                panelist = next(p for p in logged.panelists if _same(p, given))
                entries.append(_Entry(logged, panelist, value, (), row.where))
    return ", ".join(dict.fromkeys(stages)), entries, problems


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def _place(where: Location) -> str:
    """Where in the file a score stood, for the history: ``sel A5`` or ``baris 3``."""
    return ps.AT_CELL.text(cell=where.cell) if where.cell else ps.AT_LINE.text(line=where.line or 0)


def _scored_event(r: Round, e: _Entry, path: Path, sha: str, before: StageSheet | None) -> NewEvent:
    """Rule L3: one panelist's score for one body and stage, as the log records it."""
    shown = format_number(round_score(e.value, SHOWN))
    criteria = [{**c, "nilai": str(s)} for c, s in zip(criteria_data(e.logged.criteria), e.scores, strict=True)] if e.scores else []
    return NewEvent(
        kind=SCORED, subject=e.logged.body_id, old=None if before is None else format_number(round_score(before.value, SHOWN)), new=shown, input_hash=sha,
        reason=ps.SCORED_REASON.text(),
        data={
            "tahap": e.logged.stage, "nama_tahap": e.logged.stage_name, "nama": e.logged.name, "ruang": e.logged.room, "berkas": path.name,
            "sel": e.where.cell or "", "tempat": _place(e.where), "panelis": e.panelist, "dicatat_oleh": r.actor, "nilai": str(e.value), "nilai_teks": shown,
            "kriteria": criteria,
            "kriteria_teks": ", ".join(ps.CRITERION_SCORE.text(name=c.name, score=s) for c, s in zip(e.logged.criteria, e.scores, strict=True)) if e.scores else ps.STAGE_FILE_SCORE.text(),
            "pengganti": ps.REPLACES.text(file=before.file, score=format_number(round_score(before.value, SHOWN))) if before is not None else "",
        },
    )


def _collect_one(r: Round, path: Path) -> tuple[SheetOutcome, list[NewEvent]]:
    events = r.events()
    kits = stage_kits(events)
    try:
        if path.suffix.lower() == ".csv":
            raise PanelKitError("", (KIT_NOT_A_KIT.at(Location(str(path))),))
        kit = read_kit(path)
        stage = kit.stage
        entries, problems = _kit_entries(kit, kits)
    except PanelKitError as error:  # not a kit: a stage-score file, as score --stage-scores takes
        if not all(p.code == KIT_NOT_A_KIT.code for p in error.problems):
            raise
        stage, entries, problems = _file_entries(r, path, kits)
    if problems:
        return SheetOutcome(path, stage, errors=tuple(dict.fromkeys(problems))), []
    sha = file_hash(path)
    latest = stage_sheets(events)
    new: list[NewEvent] = []
    recorded: list[tuple[str, str, bool]] = []
    unchanged = 0
    for e in entries:
        before = latest.get((e.logged.stage, e.logged.body_id.casefold(), " ".join(e.panelist.casefold().split())))
        if before is not None and before.scores == e.scores and before.value == e.value and before.sha256 == sha:
            unchanged += 1
            continue
        new.append(_scored_event(r, e, path, sha, before))
        recorded.append((e.panelist, e.logged.body_id, before is not None))
    return SheetOutcome(path, stage, tuple(recorded), unchanged), new


def collect_stage_sheets(r: Round, paths: list[Path]) -> list[SheetOutcome]:
    """Read filled sheets back and record each panelist's scores (rules L3, L4); a refused sheet says why and records nothing.

    One bad sheet never stops the rest; each panelist's events are appended with the panelist as actor.
    """

    def one(path: Path) -> tuple[SheetOutcome, list[NewEvent]]:
        outcome, new = _collect_one(r, path)
        for panelist in dict.fromkeys(str(e.data["panelis"]) for e in new):
            r.store.append(panelist, [e for e in new if e.data["panelis"] == panelist])
        return outcome, []

    return collect_each(r, paths, one, lambda path, problems: SheetOutcome(path, errors=problems))


# --- the recap and the status --------------------------------------------------------------------

@dataclass(frozen=True)
class LoggedStages:
    """The stage scores the log holds, as the batch takes them, and the sheets each body's scores came from."""

    panel: PanelInput
    sheets: dict[str, tuple[tuple[str, str], ...]]  # case-folded body ID → (file name, SHA-256) of its sheets


def logged_stages(r: Round, rule: CombineRule = CombineRule.MEAN) -> LoggedStages | None:
    """Rule L5: the recorded stage scores as kits, combined by ``rule`` (``None`` while none is recorded).

    Raises:
        KipmonevError: The recorded kits put one body in two rooms of a stage (rule K4).
    """
    events = r.events()
    kits, conflicts = kits_from_log(events)
    plain = plain_rows(events, rule)
    if not kits and not plain:
        return None
    source = str(r.store.path)
    from_kits, errors, warnings = stage_file_from_kits(kits, conflicts, rule, source)
    if errors:
        raise KipmonevError(ap.KITS_SUMMARY.text(), errors)
    rows = (*from_kits.rows, *(dataclasses.replace(p, index=len(from_kits.rows) + i) for i, p in enumerate(plain)))
    panelists = tuple(dict.fromkeys((*from_kits.panel_columns, *(name for p in plain for name, _ in p.score.scores))))
    stage_file = StageFile(source, panelists, (), rows)
    sheets: dict[str, list[tuple[str, str]]] = {}
    for s in stage_sheets(events).values():
        sheets.setdefault(s.body_id.casefold(), []).append((s.file, s.sha256))
    return LoggedStages(PanelInput(stage_file, warnings, panel_summary(kits, conflicts, rule)), {k: tuple(dict.fromkeys(v)) for k, v in sheets.items()})


def round_stage_progress(r: Round) -> tuple[StageProgress, ...]:
    """Per stage and body sent: the panelists expected, the sheets received and those still awaited."""
    return stage_progress(r.events())
