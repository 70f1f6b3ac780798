"""Score many workbooks in parallel, write one result per body and the recap.

One bad file never stops the batch: it becomes rows of the recap's Galat sheet. Results are written
atomically as they arrive; the recap only at the end, so an interrupted run leaves complete files only.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kipmonev.app.batch_memory import SharedValues
from kipmonev.app.check import BodyEvidence, check_body_evidence
from kipmonev.app.output_folder import MANIFEST, own_output_folders
from kipmonev.app.panel import PanelInput, read_panel
from kipmonev.app.problems import (
    BATCH_DUPLICATE_BODY,
    BATCH_INPUT_INSIDE_OUTPUT,
    BATCH_NO_INPUTS,
    BATCH_OUTPUT_IS_INPUT,
    BATCH_UNEXPECTED,
    BATCH_UNLOCATED,
    PREVIOUS_UNREADABLE,
)
from kipmonev.app.problems_output import OUTPUT_FOLDER_SKIPPED
from kipmonev.app.problems_panel import CONFLICTS_WITHOUT_PANEL, PANEL_AND_STAGE_FILE
from kipmonev.app.problems_stages import STAGE_NOT_IN_RULE_SET
from kipmonev.app.problems_verification import SELF_STAGE_SCORES, SELF_VERIFICATION
from kipmonev.core.errors import KipmonevError, Location, Problem, WorkbookError
from kipmonev.core.fileio import Protected, file_hash, safe_filename, write_atomic
from kipmonev.core.pool import WorkerPool, worker_count
from kipmonev.engine.gates import GateCall, GateEntry, evaluate_gates, gate_values, needs_batch
from kipmonev.engine.matching import BodyKey, body_key
from kipmonev.engine.objection import after_sanggah, objection_result
from kipmonev.engine.panel import rubric_problems, with_panel
from kipmonev.engine.recap import build_participation, build_recap, previous_from_recap, row_from_assessment, status_of_row, with_changes
from kipmonev.engine.round import body_from_file_name
from kipmonev.engine.scoring import score
from kipmonev.engine.signoff import apply_signoff
from kipmonev.engine.stages import CombineRule, StageFile, match_rows, stage_scores_for, unmatched_rows
from kipmonev.formats import workbook_texts as tx
from kipmonev.formats.a1 import column_letter
from kipmonev.formats.workbook_layout import STAGE_FIRST_ROW
from kipmonev.model.objection import Claim
from kipmonev.model.questionnaire import Questionnaire, Rules, RuleSet
from kipmonev.model.recap import BodyRow, ErrorRow, Participation, Recap
from kipmonev.model.result import Assessment, BandResult, InputFile, InputRole, PanelResult
from kipmonev.model.round import BodyStatus, RosterEntry
from kipmonev.model.signoff import SignOffResult
from kipmonev.model.submission import Answer, Notice, Submission
from kipmonev.outputs.fill import STAGE_SCORE_COLUMN
from kipmonev.outputs.recap_export import CSV_FILES, write_recap_csv, write_recap_json, write_recap_xlsx
from kipmonev.sources import problems_round as pr
from kipmonev.sources.book_base import SPREADSHEET_SUFFIXES
from kipmonev.sources.loader import load_questionnaire, load_rule_set, resolve_questionnaire_path, shipped_rule_set_path, with_rule_set
from kipmonev.sources.reader import FilledWorkbook
from kipmonev.sources.results import RECAP_FILE, read_error_reason, recap_file
from kipmonev.sources.stages import read_stage_file

RESULTS_DIR = "hasil"
RECAP_FILES = (RECAP_FILE, "rekap.xlsx")
#: Every file a batch may write directly into its output folder (the recap report only with --report).
OUTPUT_FILES = (*RECAP_FILES, *CSV_FILES, "rekap.pdf", "rekap.html")
#: Spreadsheets picked up from folders; every one of these formats is read (kipmonev.sources.book).


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch."""

    out_dir: Path
    date: str
    jobs: int = 1
    stage_file: Path | None = None
    combine: CombineRule = CombineRule.MEAN
    #: Filled panel kits (``score --panel``), instead of a stage-score file, and the conflicts of interest.
    panel: Path | None = None
    conflicts: Path | None = None
    #: ``round recap``: the stage scores the round's log holds, already read as panel kits (instead of files).
    stages: PanelInput | None = None
    rule_set: str | None = None
    previous: Path | None = None
    #: The invited bodies (``score --roster``, ``round recap``): only they are ranked, the rest is listed.
    roster: tuple[RosterEntry, ...] | None = None
    #: Every roster body's status, when a round log knows them; otherwise derived from the scored rows.
    statuses: dict[str, BodyStatus] | None = None
    #: Input path → the name shown in the recap (a round scores copies named by hash).
    names: dict[str, str] | None = None
    #: Editions (ids or files) to read workbooks whose metadata names an edition that is not shipped.
    editions: tuple[str, ...] = ()
    #: In a round the commission verifies (``round recap``): what a body typed into its own workbook's
    #: verifier columns and Tahap sheet is ignored for scoring and reported, never trusted.
    commission_verifies: bool = False
    #: With ``commission_verifies``: input path → the verified answers the round's log holds for it
    #: (``round recap``); scored as the verifier's track in place of anything typed in the workbook.
    verifications: dict[str, dict[str, Answer]] | None = None
    #: ``score --evidence DIR``: each body's evidence folder ``DIR/<ID>/`` or zip ``DIR/<ID>.zip`` is
    #: checked (rules B1-B8); the findings are notices of its result, the score does not change.
    evidence: Path | None = None
    #: ``round recap``: input path → the round's sign-off state, applied to the result (rules F3, F5 of
    #: :mod:`kipmonev.engine.signoff`), and the log's name for the notices it adds.
    signoffs: dict[str, SignOffResult] | None = None
    log_name: str = ""
    #: Input path → input files besides the workbook (``round recap``: the verifier packs the log read).
    extra_inputs: dict[str, tuple[InputFile, ...]] | None = None

    #: With ``verifications``: input path → the sanggah claims filed on it (``round recap``); the verified
    #: track is scored before and after the accepted ones, and the result keeps both (its ``objection``).
    objections: dict[str, tuple[Claim, ...]] | None = None

@dataclass(frozen=True)
class EvidenceTally:
    """What ``score --evidence`` found over the batch (bodies scored, not files that failed)."""

    folder: Path
    checked: int = 0
    without: int = 0
    problems: int = 0


@dataclass
class BatchResult:
    """What a batch produced."""

    recap: Recap
    written: list[Path] = field(default_factory=list)
    #: Last year's recap (``--previous``), read once: the reports of the batch use it too.
    previous: Recap | None = None
    #: The stage-score file read (``--stage-scores``): which columns were panelists, which were ignored.
    stage_file: StageFile | None = None
    #: With ``--evidence``: how many bodies had their evidence checked, how many had none, the problems found.
    evidence: EvidenceTally | None = None

    @property
    def failed(self) -> int:
        """Number of files that could not be scored."""
        return len({e.file for e in self.recap.errors})


class BatchInterruptedError(Exception):
    """The batch was stopped (Ctrl-C, SIGTERM) after ``done`` of ``total`` files."""

    def __init__(self, done: int, total: int) -> None:
        """Record how far the batch got."""
        super().__init__(done, total)
        self.done = done
        self.total = total


def collect_inputs(paths: Iterable[Path], exclude: Path | Iterable[Path] | None = None) -> list[Path]:
    """Files as given, and every spreadsheet below given folders (recursively), sorted, without duplicates.

    Spreadsheet lock files (``~$…``), hidden files and anything inside ``exclude`` (the output folder, and
    earlier output folders met among the inputs) are skipped.
    """
    found: dict[Path, Path] = {}
    skip = [p.resolve() for p in ([exclude] if isinstance(exclude, Path) else exclude or ())]
    for path in paths:
        candidates = sorted(p for p in path.rglob("*") if p.suffix.lower() in SPREADSHEET_SUFFIXES and p.is_file()) if path.is_dir() else [path]
        for candidate in candidates:
            resolved = candidate.resolve()
            if path.is_dir() and (candidate.name.startswith(("~$", ".")) or any(resolved.is_relative_to(s) for s in skip)):
                continue
            found.setdefault(resolved, candidate)
    return sorted(found.values(), key=lambda p: str(p))


# --- the worker -------------------------------------------------------------------------

@dataclass(frozen=True)
class GateGroup:
    """What the batch needs to decide a body's ranking gates: its rules, category and compared scores."""

    rules: Rules
    category: str
    values: tuple[Decimal | None, ...]
    calls: tuple[tuple[bool | None, int | None], ...]  # (passed, rank) per gate, as first scored


@dataclass(frozen=True)
class _Scored:
    row: BodyRow  # its result_file is the finished result under a temporary name
    bands: tuple[BandResult, ...]
    stage_rows: tuple[int, ...] = ()  # the stage-file rows this body used
    warnings: tuple[ErrorRow, ...] = ()
    index: int = 0  # the file's position in the batch
    ranked: GateGroup | None = None  # set when a gate of its rules ranks bodies: decided over the batch
    evidence: BodyEvidence | None = None  # with --evidence: what the body's evidence check found


@dataclass(frozen=True)
class _Failed:
    errors: tuple[ErrorRow, ...]


@dataclass(frozen=True)
class _WorkerState:
    rule_set: RuleSet | None
    stage_file: StageFile | None
    results_dir: Path
    protect: Protected
    editions: tuple[Questionnaire, ...] = ()
    commission_verifies: bool = False
    verifications: dict[str, dict[str, Answer]] | None = None
    evidence: Path | None = None
    objections: dict[str, tuple[Claim, ...]] | None = None
    extras: _Extras | None = None


@dataclass(frozen=True)
class _Extras:
    """What a worker adds to each result: its input files and, in a round, the sign-off state."""

    common: tuple[InputFile, ...] = ()  # the stage or panel files and the rule set, the same for every body
    names: dict[str, str] = field(default_factory=dict)
    extra_inputs: dict[str, tuple[InputFile, ...]] = field(default_factory=dict)
    signoffs: dict[str, SignOffResult] = field(default_factory=dict)
    log_name: str = ""


_STATE: list[_WorkerState] = []


def _init_worker(
    rule_set: str | None,
    stage_file: StageFile | None,
    results_dir: Path,
    protect: Protected,
    editions: tuple[str, ...],
    commission_verifies: bool,
    verifications: dict[str, dict[str, Answer]] | None = None,
    evidence: Path | None = None,
    objections: dict[str, tuple[Claim, ...]] | None = None,
    extras: _Extras | None = None,
) -> None:
    rules = load_rule_set(rule_set) if rule_set else None
    # The editions as the round's templates were made: with the round's rule set, so their hashes match.
    loaded = tuple(with_rule_set(load_questionnaire(e), rules) if rules else load_questionnaire(e) for e in editions)
    _STATE[:] = [_WorkerState(rules, stage_file, results_dir, protect, loaded, commission_verifies, verifications, evidence, objections, extras)]


@functools.cache
def _questionnaire_file(questionnaire_id: str) -> InputFile | None:
    """The edition's own file and its hash, when the edition is a shipped one or a file (cached per process)."""
    try:
        path = resolve_questionnaire_path(questionnaire_id)
        return InputFile(role=InputRole.QUESTIONNAIRE, name=path.name, sha256=file_hash(path))
    except (KipmonevError, OSError):
        return None


def _with_inputs(assessment: Assessment, path: Path, extras: _Extras | None) -> Assessment:
    """Rule: a result names every file it was computed from, with its SHA-256, so an edited copy is detectable."""
    file = str(path)
    ex = extras or _Extras()
    own = InputFile(role=InputRole.WORKBOOK, name=ex.names.get(file, path.name), sha256=file_hash(path))
    edition = _questionnaire_file(assessment.questionnaire.id)
    inputs = (own, *ex.extra_inputs.get(file, ()), *ex.common, *((edition,) if edition else ()))
    assessment = assessment.model_copy(update={"inputs": inputs})
    signoff = ex.signoffs.get(file)
    return apply_signoff(assessment, signoff, ex.log_name) if signoff is not None else assessment


_APPLIED: dict[tuple[str, int], tuple[RuleSet, Questionnaire]] = {}


def _with_rule_set(questionnaire: Questionnaire, rule_set: RuleSet) -> Questionnaire:
    """The edition under the batch's rule set, made once per worker for each edition content read (both frozen).

    Applying a rule set re-validates the edition and hashes it again (about 8 ms); every body of an edition
    shares the one result, and with it the scoring plan made for it. Keyed by the edition's content hash,
    which the reader has already checked against the workbook: a workbook made from a template under
    another rule set is read with a fresh edition instance each time (sources/reader.py), equal in content.
    """
    key = (questionnaire.content_hash, id(rule_set))
    kept = _APPLIED.get(key)
    if kept is not None and kept[0] is rule_set:
        return kept[1]
    if len(_APPLIED) >= 32:
        _APPLIED.clear()
    applied = with_rule_set(questionnaire, rule_set)
    _APPLIED[key] = (rule_set, applied)
    return applied


def _read(path: Path, editions: tuple[Questionnaire, ...]) -> FilledWorkbook:
    """Read with the edition the workbook names; failing that (not shipped), with each given edition in turn."""
    from kipmonev.sources.reader import read_workbook

    try:
        return read_workbook(path)
    except WorkbookError as e:
        if not editions or not any(p.code == "KM-W-024" for p in e.problems):
            raise
    for q in editions:
        try:
            return read_workbook(path, q)
        except WorkbookError as other:
            if not any(p.code in ("KM-W-022", "KM-W-023") for p in other.problems):
                raise
    return read_workbook(path)  # raises the original error again


def _errors(file: str, problems: Iterable[Problem]) -> _Failed:
    return _Failed(tuple(ErrorRow(file=file, code=p.code, where=str(p.location), message=p.message) for p in problems))


def _stages_of(made_for: Questionnaire, applied: Questionnaire, submission: Submission, file: str, rule_set: str) -> tuple[Submission, tuple[Problem, ...]]:
    """Stage scores typed in a workbook for stages the applied rule set does not have: left out, each reported at its cell.

    The Tahap sheet is locked, so its stage codes cannot be changed; the fix is a stage-score file.
    """
    known = [s.code for s in applied.rules.later_stages]
    order = [s.code for s in made_for.rules.later_stages]
    dropped = [code for code in submission.stage_scores if code not in known]
    if not dropped:
        return submission, ()
    problems = tuple(
        STAGE_NOT_IN_RULE_SET.at(
            Location(file, sheet=tx.SHEET_STAGES, cell=f"{column_letter(STAGE_SCORE_COLUMN)}{STAGE_FIRST_ROW + order.index(code)}" if code in order else None),
            stage=code,
            rule_set=rule_set,
            stages=known or ["(tidak ada)"],
        )
        for code in dropped
    )
    kept = {k: v for k, v in submission.stage_scores.items() if k in known}
    return submission.model_copy(update={"stage_scores": kept, "notices": (*submission.notices, *(Notice.of(p) for p in problems))}), problems


def _without_self_verification(submission: Submission, file: str) -> Submission:
    """The submission without what the body typed as the commission's: verifier answers and stage scores, each reported."""
    problems = []
    if submission.verification:
        codes = sorted(submission.verification)
        problems.append(SELF_VERIFICATION.at(Location(file, sheet=tx.SHEET_ANSWERS), count=len(codes), codes=", ".join(codes)))
    if submission.stage_scores:
        problems.append(SELF_STAGE_SCORES.at(Location(file, sheet=tx.SHEET_STAGES), stages=", ".join(sorted(submission.stage_scores))))
    if not problems:
        return submission
    return submission.model_copy(update={"verification": {}, "stage_scores": {}, "notices": (*submission.notices, *(Notice.of(p) for p in problems))})


def _assess(job: tuple[int, Path, tuple[GateCall, ...] | None]) -> _Scored | _Failed:
    """Read, score and summarise one workbook, and write its result; every failure becomes error rows.

    The result is written here, in the worker, under a temporary name, so results never travel between
    processes; the parent renames them once duplicates are known.
    """
    index, path, calls = job
    state = _STATE[0]
    file = str(path)
    try:
        filled = _read(path, state.editions)
        questionnaire, submission = filled.questionnaire, filled.submission
        if state.commission_verifies:
            submission = _without_self_verification(submission, file)
            if state.verifications is not None:
                submission = submission.model_copy(update={"verification": state.verifications.get(file, {})})
        carried: tuple[Problem, ...] = ()
        if state.rule_set is not None:
            made_for = questionnaire
            questionnaire = _with_rule_set(questionnaire, state.rule_set)
            submission, carried = _stages_of(made_for, questionnaire, submission, file, state.rule_set.id)
        notes: dict[str, str] = {}
        panels: dict[str, PanelResult] = {}
        used: tuple[int, ...] = ()
        warnings: tuple[Problem, ...] = ()
        if state.stage_file is not None:
            given, warnings = match_rows(state.stage_file, submission.body.id, submission.body.name)
            used = tuple(r.index for r in given)
            scores, problems = stage_scores_for(given, questionnaire.rules, file)
            problems += rubric_problems(questionnaire.rules, scores, file)
            if problems:
                return _errors(file, problems)
            submission = submission.model_copy(
                update={
                    "stage_scores": {**submission.stage_scores, **{code: s.value for code, s in scores.items()}},
                    "notices": (*submission.notices, *(Notice.of(w) for w in warnings)),
                }
            )
            notes = {code: s.note for code, s in scores.items()}
            panels = {code: s.panel for code, s in scores.items() if s.panel is not None}
        assessment = with_panel(score(questionnaire, submission, calls), panels)
        claims = (state.objections or {}).get(file)
        if claims:  # rule O5: the verification alone is "before"; the accepted sanggah give "after", the headline
            after = submission.model_copy(update={"verification": after_sanggah(submission.verification, claims)})
            scored_after = with_panel(score(questionnaire, after, calls), panels)
            assessment = scored_after.model_copy(update={"objection": objection_result(assessment, scored_after, claims)})
        evidence = None
        if state.evidence is not None:  # after scoring: the findings are notices, the score stays as it is
            assessment, evidence = check_body_evidence(filled, assessment, state.evidence)
        assessment = _with_inputs(assessment, path, state.extras)
    except KipmonevError as e:
        return _errors(file, e.problems or (BATCH_UNLOCATED.at(Location(file), summary=e.summary),))
    except Exception as e:  # one bad file must never stop a batch; it is reported with its type
        return _errors(file, (BATCH_UNEXPECTED.at(Location(file), kind=type(e).__name__),))
    part = state.results_dir / f".{index:06d}.json.part"
    write_atomic(part, assessment.model_dump_json(), protect=state.protect)
    row = row_from_assessment(assessment, file, result_file=str(part), stage_notes=notes)
    ranked = None
    rules = questionnaire.rules
    if needs_batch(rules):
        basis = (assessment.saq_verified or assessment.saq_self).score
        values = gate_values(rules, basis, submission.stage_scores)
        ranked = GateGroup(rules, questionnaire.category, values, tuple((g.passed, g.rank) for g in assessment.gates))
    return _Scored(row, assessment.rules.bands, used, _errors(file, (*carried, *warnings)).errors, index, ranked, evidence)


# --- the batch ----------------------------------------------------------------------------

def _outcomes(
    files: list[Path], options: BatchOptions, stage_file: StageFile | None, protect: Protected, calls: dict[int, tuple[GateCall, ...]] | None = None
) -> Generator[_Scored | _Failed, None, None]:
    """Score ``files`` (all of them, or with ``calls`` only those indexes, again, with the batch's gate calls)."""
    state = (options.rule_set, stage_file, options.out_dir / RESULTS_DIR, protect, options.editions, options.commission_verifies, options.verifications, options.evidence, options.objections, _extras(options))
    work = [(i, f, None) for i, f in enumerate(files)] if calls is None else [(i, files[i], c) for i, c in sorted(calls.items())]
    with WorkerPool(worker_count(options.jobs, len(work)), _init_worker, state) as pool:
        yield from pool.map(_assess, work)


def _files_of(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(("~$", "."))) if path.is_dir() else [path]


def _extras(options: BatchOptions) -> _Extras:
    """The input files every body shares (stage or panel files, conflicts, the rule set) and the round's additions."""
    common: list[InputFile] = []
    for role, given in ((InputRole.STAGES, options.stage_file), (InputRole.PANEL, options.panel), (InputRole.PANEL, options.conflicts)):
        if given is not None:
            common += [InputFile(role=role, name=p.name, sha256=file_hash(p)) for p in _files_of(given)]
    if options.rule_set:
        rules = Path(options.rule_set) if Path(options.rule_set).is_file() else shipped_rule_set_path(options.rule_set)
        if rules is not None:
            common.append(InputFile(role=InputRole.RULES, name=rules.name, sha256=file_hash(rules)))
    return _Extras(tuple(common), dict(options.names or {}), dict(options.extra_inputs or {}), dict(options.signoffs or {}), options.log_name)


def _read_previous(path: Path) -> Recap:
    """Last year's recap (``--previous``), read once: its year-over-year values and, with --report, its results."""
    candidate = recap_file(path)
    try:
        return Recap.from_json(candidate.read_bytes())
    except (OSError, ValueError) as e:
        raise KipmonevError("Hasil tahun sebelumnya tidak dapat dibaca.", (PREVIOUS_UNREADABLE.at(Location(str(candidate)), reason=read_error_reason(e)),)) from e


def run_batch(paths: Iterable[Path], options: BatchOptions, progress: Callable[[int, int], None] | None = None) -> BatchResult:
    """Score every workbook under ``paths`` and write results and the recap into ``options.out_dir``.

    Raises:
        KipmonevError: No inputs, or the stage-score or previous-results file is invalid (before anything runs).
        BatchInterruptedError: Stopped by Ctrl-C or SIGTERM; results written so far are complete files.
    """
    _check_stage_options(options)
    inputs = list(paths)
    out = options.out_dir.resolve()
    inside = [p for p in inputs if p.is_dir() and p.resolve().is_relative_to(out)]
    if inside:
        raise KipmonevError("Folder masukan berada di dalam folder keluaran.", tuple(BATCH_INPUT_INSIDE_OUTPUT.at(Location(str(p))) for p in inside))
    # Earlier outputs (reports, recaps) inside an input folder are not isian; this run's own folder is skipped silently.
    own = [f for f in own_output_folders(inputs) if f.resolve() != out]
    files = collect_inputs(inputs, exclude=[options.out_dir, *own])
    if not files:
        raise KipmonevError("Tidak ada berkas untuk dinilai.", (BATCH_NO_INPUTS.at(Location(", ".join(str(p) for p in inputs) or ".")),))
    protect = Protected(files)
    clashes = [options.out_dir / name for name in OUTPUT_FILES if options.out_dir / name in protect]
    if clashes:
        raise KipmonevError("Berkas keluaran akan menimpa berkas masukan.", tuple(BATCH_OUTPUT_IS_INPUT.at(Location(str(p)), name=p.name) for p in clashes))
    stage_file, panel = _stage_input(options)
    previous_recap = _read_previous(options.previous) if options.previous else None
    previous = previous_from_recap(previous_recap) if previous_recap is not None else None
    if options.rule_set:
        load_rule_set(options.rule_set)  # fail early, once, on an unknown rule set
    results_dir = options.out_dir / RESULTS_DIR
    results_dir.mkdir(parents=True, exist_ok=True)
    errors: list[ErrorRow] = []
    written: list[Path] = []
    bands: tuple[BandResult, ...] = ()
    done = 0
    warnings: list[ErrorRow] = list(_errors(panel.stage_file.source, panel.warnings).errors) if panel is not None else []
    used_rows: set[int] = set()
    scored: list[_Scored] = []
    shared = SharedValues()  # the batch's memory grows by each row's own data only
    outcomes = _outcomes(files, options, stage_file, protect)
    try:
        for outcome in outcomes:
            done += 1
            if progress is not None:
                progress(done, len(files))
            if isinstance(outcome, _Failed):
                errors += outcome.errors
                continue
            outcome = _shared(outcome, shared)
            bands = bands or outcome.bands
            scored.append(outcome)
            warnings += outcome.warnings
            used_rows.update(outcome.stage_rows)
        again = _gate_calls(scored)
        if again:
            redone = {o.index: _shared(o, shared) for o in _outcomes(files, options, stage_file, protect, again) if isinstance(o, _Scored)}
            scored = [redone.get(o.index, o) for o in scored]
        rows = [o.row for o in scored]
    except KeyboardInterrupt:
        outcomes.close()  # stops the pool (a no-op when the interrupt came through it)
        _finish_results([o.row for o in scored], protect)  # what is done stays usable, under its final name
        _remove_unfinished(results_dir)
        raise BatchInterruptedError(done, len(files)) from None
    recap_written: list[Path] = []
    try:
        rows, duplicates = _finish_results(rows, protect)
        errors += duplicates
        written += [Path(r.result_file) for r in rows if r.result_file]
        participation = None
        if options.roster is not None:
            rows, outside = _against_roster(rows, options.roster)
            errors += outside
            written = [p for p in written if p.exists()]  # results of rows left out were removed
            participation = _participation(rows, errors, options)
        if options.names:
            rows, errors = _renamed(rows, errors, options.names)
        if previous is not None:
            previous = with_changes(rows, previous)
        if stage_file is not None:
            unused = unmatched_rows(stage_file, used_rows, [(r.body_id, r.name) for r in rows])
            warnings += _errors(stage_file.source, unused).errors
        recap = build_recap(rows, errors, len(files), bands or _default_bands(), options.date, previous, participation, warnings)
        recap = recap.model_copy(update={"skipped": tuple(_skipped(own, options.names or {})), "panel": panel.summary if panel is not None else None})
        json_path, xlsx_path = (options.out_dir / name for name in RECAP_FILES)
        write_recap_json(recap, json_path)
        recap_written.append(json_path)
        write_recap_xlsx(recap, xlsx_path)
        recap_written.append(xlsx_path)
        recap_written += write_recap_csv(recap, options.out_dir)
    except KeyboardInterrupt:
        # Half a recap is worse than none: results stay, the recap files of this run go.
        for path in recap_written:
            path.unlink(missing_ok=True)
        _remove_unfinished(results_dir)
        raise BatchInterruptedError(done, len(files)) from None
    return BatchResult(recap, written + recap_written, previous_recap, stage_file, _tally(options.evidence, scored))


def _tally(folder: Path | None, scored: list[_Scored]) -> EvidenceTally | None:
    """What the evidence check found over the bodies scored (``score --evidence``)."""
    if folder is None:
        return None
    found = [o.evidence for o in scored if o.evidence is not None]
    return EvidenceTally(folder, checked=sum(1 for e in found if e.source is not None), without=sum(1 for e in found if e.source is None), problems=sum(e.problems for e in found if e.source is not None))


def _shared(outcome: _Scored, shared: SharedValues) -> _Scored:
    """The outcome with what every body of its rule set repeats (bands, rules, cells) kept once for the batch."""
    ranked = outcome.ranked
    if ranked is not None:
        ranked = dataclasses.replace(ranked, rules=shared.rules(ranked.rules))
    return dataclasses.replace(outcome, row=shared.row(outcome.row), bands=shared.bands(outcome.bands), ranked=ranked)


def _check_stage_options(options: BatchOptions) -> None:
    """One source of later-stage scores, and conflicts of interest only with panel kits (checked before any file is read)."""
    where = Location(str(options.panel or options.conflicts or options.stage_file or "."))
    if options.panel is not None and options.stage_file is not None:
        raise KipmonevError(PANEL_AND_STAGE_FILE.text(), (PANEL_AND_STAGE_FILE.at(where),))
    if options.conflicts is not None and options.panel is None:
        raise KipmonevError(CONFLICTS_WITHOUT_PANEL.text(), (CONFLICTS_WITHOUT_PANEL.at(where),))


def _stage_input(options: BatchOptions) -> tuple[StageFile | None, PanelInput | None]:
    """The later-stage scores: from a stage-score file, or from filled panel kits (with their conflicts of interest)."""
    if options.stages is not None:
        return options.stages.stage_file, options.stages
    if options.panel is not None:
        panel = read_panel(options.panel, options.conflicts, options.combine)
        return panel.stage_file, panel
    return (read_stage_file(options.stage_file, options.combine) if options.stage_file else None), None


def _gate_calls(scored: list[_Scored]) -> dict[int, tuple[GateCall, ...]]:
    """Decide ranking gates over the batch (rules G1–G6), per rule set; the bodies whose calls changed.

    A body is scored again only when the batch's call differs from what its own scores decided.
    """
    groups: dict[str, list[tuple[_Scored, GateGroup]]] = {}
    for o in scored:
        if o.ranked is not None:
            groups.setdefault(str(id(o.ranked.rules)), []).append((o, o.ranked))  # equal rules are one object (_shared)
    changed: dict[int, tuple[GateCall, ...]] = {}
    for members in groups.values():
        rules = members[0][1].rules
        decided = evaluate_gates(rules, [GateEntry(str(o.index), g.category, g.values) for o, g in members])
        for o, g in members:
            calls = decided[str(o.index)]
            if tuple((c.passed, c.rank) for c in calls) != g.calls:
                changed[o.index] = calls
    return changed


def _against_roster(rows: list[BodyRow], roster: tuple[RosterEntry, ...]) -> tuple[list[BodyRow], list[ErrorRow]]:
    """Rule B6: only roster bodies are ranked; a blank template or an unknown ID is a problem of its file."""
    known = {e.id.casefold() for e in roster}
    kept: list[BodyRow] = []
    errors: list[ErrorRow] = []
    for row in rows:
        if (row.body_id or "").casefold() not in known:
            problem = pr.UNKNOWN_ID.at(Location(row.file, "Identitas"), id=row.body_id) if row.body_id else pr.NO_ID.at(Location(row.file, "Identitas"))
        elif row.answered == 0:
            problem = pr.BLANK_TEMPLATE.at(Location(row.file, tx.SHEET_ANSWERS))
        else:
            kept.append(row)
            continue
        errors.append(ErrorRow(file=row.file, code=problem.code, where=str(problem.location), message=problem.message))
        if row.result_file:
            Path(row.result_file).unlink(missing_ok=True)
    return kept, errors


def _participation(rows: list[BodyRow], errors: list[ErrorRow], options: BatchOptions) -> Participation:
    roster = options.roster or ()
    statuses = dict(options.statuses or {})
    if options.statuses is None:
        by_id = {(r.body_id or "").casefold(): r for r in rows}
        blank = {(e.file, e.code) for e in errors}
        ids = {e.id.casefold(): e.id for e in roster}
        unreadable = {body_from_file_name(Path(e.file).name, ids) for e in errors if e.code not in (pr.BLANK_TEMPLATE.code, pr.UNKNOWN_ID.code)}
        blanks = {body_from_file_name(Path(f).name, ids) for f, code in blank if code == pr.BLANK_TEMPLATE.code}
        for entry in roster:
            status = status_of_row(by_id.get(entry.id.casefold()))
            if status is BodyStatus.NOT_SENT and entry.id in blanks:
                status = BodyStatus.BLANK
            elif status is BodyStatus.NOT_SENT and entry.id in unreadable:
                status = BodyStatus.NEEDS_FIX
            statuses[entry.id] = status
    return build_participation(roster, rows, statuses)


def _renamed(rows: list[BodyRow], errors: list[ErrorRow], names: dict[str, str]) -> tuple[list[BodyRow], list[ErrorRow]]:
    """Show each file under the name it was received as (a round scores copies named by their hash)."""

    def shown(text: str) -> str:
        for path, name in names.items():
            text = text.replace(path, name)
        return text

    rows = [
        r.model_copy(update={"file": names.get(r.file, r.file), "notices": tuple(n.model_copy(update={"where": shown(n.where), "message": shown(n.message)}) for n in r.notices)})
        for r in rows
    ]
    errors = [e.model_copy(update={"file": shown(e.file), "where": shown(e.where), "message": shown(e.message)}) for e in errors]
    return rows, errors


def _skipped(folders: list[Path], names: dict[str, str]) -> list[ErrorRow]:
    """Earlier output folders found among the inputs: each is listed, with how many workbooks in it were not scored."""
    rows = []
    for folder in folders:
        count = sum(1 for p in folder.rglob("*") if p.suffix.lower() in SPREADSHEET_SUFFIXES and p.is_file())
        problem = OUTPUT_FOLDER_SKIPPED.at(Location(names.get(str(folder), str(folder))), marker=MANIFEST, count=count)
        rows.append(ErrorRow(file=str(problem.location), code=problem.code, where=str(problem.location), message=problem.message))
    return rows


def _remove_unfinished(results_dir: Path) -> None:
    """Delete results a worker finished but the batch never received, and temporary files of killed writes.

    Both are hidden files of our own naming (``.000012.json.part``, ``.<name>.<random>.tmp``).
    """
    for path in results_dir.glob(".*"):
        if path.name.endswith((".json.part", ".tmp")) and path.is_file():
            path.unlink(missing_ok=True)


def _split_duplicates(rows: list[BodyRow]) -> tuple[list[BodyRow], list[ErrorRow]]:
    """Bodies that appear in more than one file (rule M1) are reported, never silently merged; their results are dropped."""
    groups: dict[BodyKey, list[BodyRow]] = {}
    for row in rows:
        groups.setdefault(body_key(row.body_id, row.name), []).append(row)
    kept: list[BodyRow] = []
    errors: list[ErrorRow] = []
    for group in groups.values():
        if len(group) == 1:
            kept.append(group[0])
            continue
        for row in group:
            others = ", ".join(o.file for o in group if o is not row)
            errors.append(ErrorRow(file=row.file, code=BATCH_DUPLICATE_BODY.code, where=f"{row.file}, Identitas", message=BATCH_DUPLICATE_BODY.text(body=row.body_id or row.name, other=others)))
            if row.result_file:
                Path(row.result_file).unlink(missing_ok=True)
    return kept, errors


def _finish_results(rows: list[BodyRow], protect: Protected) -> tuple[list[BodyRow], list[ErrorRow]]:
    """Drop duplicated bodies, then rename each finished result to ``hasil/<ID or name>.json``.

    Names are unique within the batch and never those of an input file.
    """
    kept, errors = _split_duplicates(rows)
    used: set[str] = set()
    published = []
    for row in kept:
        assert row.result_file is not None
        part = Path(row.result_file)
        stem = safe_filename(row.body_id or row.name)
        name, n = f"{stem}.json", 1
        while name.casefold() in used or part.parent / name in protect:
            n += 1
            name = f"{stem}-{n}.json"
        used.add(name.casefold())
        final = part.parent / name
        part.replace(final)
        published.append(row.model_copy(update={"result_file": str(final)}))
    return published, errors


def _default_bands() -> tuple[BandResult, ...]:
    rules = load_rule_set("ki-pusat").rules
    return tuple(BandResult(code=b.code, name=b.name, lower=b.lower, color=b.color, message=b.message) for b in rules.bands)


def cpu_count() -> int:
    """Cores available to this process (the default for ``--jobs``)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


