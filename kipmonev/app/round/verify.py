"""The commission's verification in a round: packs out, packs in, a second opinion, the pleno, the state.

- :func:`write_packs` (``round verify-pack``) writes, per body with a current version and a verifier, a
  pack bound to that version's SHA-256 (a second-opinion pack per sampled body with ``second``).
- :func:`collect_packs` (``round verify-collect``) reads packs back. A pack for another version, for a body
  already fixed by the pleno (``penetapan.recorded``), or with
  the body's answers edited, is refused with the reason; every verdict that changed is one
  ``verification.recorded`` event (who, when, old → new, the pack's hash). One bad pack never stops the rest.
- :func:`draw_second_opinion` (``round second-opinion``) draws a seeded sample (rule V6), one
  ``second_opinion.sampled`` event per sampled body, the seed in each.
- :func:`decide_clash` (``round verify-decide``) records the pleno's choice between two verdicts.
- :func:`verification_status` (``round verify-status``, and ``round recap`` through
  :func:`kipmonev.app.round.signoff.round_inputs`, which scores with the log's verdicts, never the body's
  workbook) derives the rest from the log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from kipmonev.app import problems_verification as pv
from kipmonev.app.round.history import roster_body
from kipmonev.app.round.pack_evidence import pack_evidence
from kipmonev.app.round.workspace import Round
from kipmonev.core.catalogue import quoted
from kipmonev.core.errors import KipmonevError, Location, Problem
from kipmonev.core.fileio import file_hash
from kipmonev.engine import verification as ev
from kipmonev.engine.links import evidence_satisfied
from kipmonev.engine.round import current_versions, file_records
from kipmonev.engine.signoff import FIXED
from kipmonev.formats import workbook_texts as wtx
from kipmonev.formats.round_layout import VERIFY_DIR
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.round import Event, FileRecord, NewEvent, Outcome, RosterEntry
from kipmonev.model.submission import Answer, Submission
from kipmonev.model.verification import Role, Verdict, VerificationState
from kipmonev.outputs.verify_pack import write_verify_pack
from kipmonev.sources.reader import read_workbook
from kipmonev.sources.verify_pack import read_binding, read_pack

T = TypeVar("T")


@dataclass(frozen=True)
class Current:
    """A roster body's current, scorable version: its record, edition and the answers as received."""

    entry: RosterEntry
    record: FileRecord
    questionnaire: Questionnaire
    submission: Submission


def current_submissions(r: Round) -> dict[str, Current]:
    """Case-folded body ID → its current version, read from the intake store (bodies without one left out)."""
    events = r.events()
    files = file_records(events)
    roster = r.roster.by_id()
    out: dict[str, Current] = {}
    for key, sha in current_versions(events).items():
        record = files.get(sha)
        entry = roster.get(key)
        if record is None or entry is None or record.outcome is not Outcome.VERSION or entry.category not in r.config.editions:
            continue
        q = r.questionnaire(entry.category)
        try:
            submission = read_workbook(r.folder / record.stored, q).submission
        except (KipmonevError, OSError):  # an unreadable version has nothing to verify; status says perlu perbaikan
            continue
        out[key] = Current(entry, record, q, submission)
    return out


def verification_status(r: Round, current: dict[str, Current] | None = None) -> VerificationState:
    """Per body, per verifier and per verifier pair, from the log (rules V1-V8)."""
    cur = current_submissions(r) if current is None else current
    return ev.verification_state(
        r.events(), r.roster.entries, {k: c.record.sha256 for k, c in cur.items()}, {c: r.questionnaire(c) for c in r.config.editions}, {c.record.sha256: c.submission.answers for c in cur.values()}
    )


# --- packs out --------------------------------------------------------------------------------

@dataclass
class PacksWritten:
    """What ``verify-pack`` wrote."""

    folder: Path
    written: list[Path] = field(default_factory=list)
    unassigned: list[str] = field(default_factory=list)


def pack_dir(r: Round) -> Path:
    """Where the round's verifier packs go by default."""
    return r.folder / VERIFY_DIR


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in " -_." else "_" for ch in name).strip() or "_"


def write_packs(r: Round, out_dir: Path | None = None, *, second: bool = False, verifier: str | None = None, evidence: Path | None = None) -> PacksWritten:
    """Write a pack per body with a current version and a verifier (or per sampled body, ``second``), one folder per verifier.

    With ``evidence`` (a folder of ``<ID>/`` folders or ``<ID>.zip`` files) each pack gets a locked column
    with each item's evidence check result (:mod:`kipmonev.app.round.pack_evidence`).

    Raises:
        WorkbookError: A pack cannot be written.
    """
    folder = out_dir or pack_dir(r)
    result = PacksWritten(folder)
    cur = current_submissions(r)
    events = r.events()
    assigned = ev.assignments(events)
    sampled = ev.samples(events)
    written: list[NewEvent] = []
    for entry in r.roster.entries:
        key = entry.id.casefold()
        c = cur.get(key)
        if c is None:
            continue
        if second:
            sample = sampled.get((key, c.record.sha256))
            if sample is None or not sample.new:
                continue
            name, role, codes = sample.new, Role.SECOND, tuple(str(x) for x in sample.data.get("butir", []))
        else:
            if key not in assigned:
                result.unassigned.append(entry.id)
                continue
            name, role, codes = assigned[key], Role.FIRST, ()
        if verifier is not None and name != verifier:
            continue
        suffix = "pendapat-kedua" if second else "verifikasi"
        path = folder / _safe(name) / f"{_safe(entry.id)}-{suffix}.xlsx"
        path.parent.mkdir(parents=True, exist_ok=True)
        checked = pack_evidence(c.questionnaire, c.submission, entry.id, evidence) if evidence is not None else None
        write_verify_pack(path, c.questionnaire, c.submission, body_id=entry.id, sha256=c.record.sha256, verifier=name, role=role, sample=codes, commission=r.config.commission, evidence=checked)
        result.written.append(path)
        written.append(NewEvent(kind="output.written", subject=entry.id, new=path.name, input_hash=file_hash(path), reason=pv.PACK_WRITTEN_REASON.text(role=role.value, verifier=name), data={"jenis": "paket_verifikasi", "berkas": path.name}))
    if written:
        r.store.append(r.actor, written)
    return result


# --- packs in ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class PackOutcome:
    """One collected pack: the verdicts recorded (changed ones), or why it was refused."""

    path: Path
    body_id: str | None = None
    verifier: str | None = None
    role: Role | None = None
    recorded: int = 0
    unchanged: int = 0
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()


def _evidence_problem(q: Questionnaire, code: str, answer: Answer | None) -> str | None:
    question = q.question_map[code]
    evidence = answer.evidence if answer else ()
    if not any(e.strip() for e in evidence):
        return None if evidence_satisfied(question.evidence, ()) else pv.EVIDENCE_MISSING.text()
    return None if evidence_satisfied(question.evidence, evidence) else pv.EVIDENCE_NOT_ENOUGH.text(rule=wtx.EVIDENCE_RULE_TEXT[question.evidence])


def _check_verdicts(q: Questionnaire, own: dict[str, Answer], given: dict[str, Answer], source: str) -> list[Problem]:
    """Warnings: a verdict that gives points over missing or insufficient evidence; verdicts equal to the body's everywhere."""
    cells = ev.verify_cells(q)
    problems: list[Problem] = []
    for code, verdict in given.items():
        problem = _evidence_problem(q, code, own.get(code))
        if problem is not None and ev.credits(q.question_map[code], verdict):
            sheet, cell = cells[code].split("!")
            problems.append(pv.VERIFIED_WITHOUT_EVIDENCE.at(Location(source, sheet=sheet, cell=cell), code=code, verdict=ev.verdict_text(verdict), problem=problem))
    needed = ev.to_verify(q, own)
    if len(needed) >= 2 and all(code in given and ev.verdict_key(given[code]) == ev.verdict_key(own[code]) for code in needed):
        problems.append(pv.VERDICTS_COPIED.at(Location(source, sheet=wtx.SHEET_ANSWERS), count=len(needed)))
    return problems


def _fixed(events: Sequence[Event]) -> dict[str, str]:
    """Case-folded body ID → the SK of its penetapan (the latest), for every body the pleno fixed."""
    return {e.subject.casefold(): str(e.data["sk"]) for e in events if e.kind == FIXED}


def _collect_one(
    r: Round, path: Path, cur: dict[str, Current], assigned: dict[str, str], latest: dict[tuple[str, str, str, Role], Verdict], fixed: dict[str, str]
) -> tuple[PackOutcome, list[NewEvent]]:
    source = str(path)
    here = Location(source)
    binding = read_binding(path)
    if not binding.is_pack:
        return PackOutcome(path, errors=(pv.NOT_A_PACK.at(here),)), []
    entry = r.roster.by_id().get((binding.body_id or "").casefold())
    if entry is None:
        return PackOutcome(path, errors=(pv.PACK_UNKNOWN_BODY.at(here, body=binding.body_id or "-"),)), []
    if binding.verifier is None or binding.role is None or binding.sha256 is None:
        return PackOutcome(path, entry.id, errors=(pv.PACK_NO_VERIFIER.at(here),)), []
    key = entry.id.casefold()
    if key in fixed:  # rule F5: after penetapan a result changes only by a recorded correction
        return PackOutcome(path, entry.id, binding.verifier, binding.role, errors=(pv.PACK_AFTER_PENETAPAN.at(here, body=entry.id, sk=fixed[key]),)), []
    c = cur.get(key)
    if c is None or c.record.sha256 != binding.sha256:
        files = file_records(r.events())
        pack_file = files[binding.sha256].name if binding.sha256 in files else "-"
        problem = pv.PACK_OTHER_VERSION.at(
            here, pack_file=pack_file, pack_sha=binding.sha256[:12], body=entry.id,
            current_file=c.record.name if c else "-", current_sha=c.record.sha256[:12] if c else "-",
        )
        return PackOutcome(path, entry.id, binding.verifier, binding.role, errors=(problem,)), []
    filled = read_pack(path, c.questionnaire)
    shown, own = filled.submission.answers, c.submission.answers
    edited = sorted((code for code in set(shown) | set(own) if shown.get(code) != own.get(code)), key=list(c.questionnaire.question_map).index)
    if edited:
        return PackOutcome(path, entry.id, binding.verifier, binding.role, errors=(pv.PACK_ANSWERS_EDITED.at(Location(source, sheet=wtx.SHEET_ANSWERS), count=len(edited), codes=", ".join(edited)),)), []
    given = dict(filled.submission.verification)
    warnings: list[Problem] = list(filled.warnings)
    if binding.role is Role.SECOND:
        outside = [code for code in given if code not in binding.sample]
        if outside:
            warnings.append(pv.PACK_OUTSIDE_SAMPLE.at(Location(source, sheet=wtx.SHEET_ANSWERS), codes=", ".join(outside), sample=", ".join(binding.sample)))
            given = {k: v for k, v in given.items() if k in binding.sample}
    elif assigned.get(key) not in (None, binding.verifier):
        warnings.append(pv.PACK_NOT_ASSIGNED.at(here, pack_verifier=binding.verifier, body=entry.id, verifier=assigned[key]))
    warnings.extend(_check_verdicts(c.questionnaire, own, given, source))
    pack_sha = file_hash(path)
    events: list[NewEvent] = []
    unchanged = 0
    for code in c.questionnaire.question_map:
        if code not in given:
            continue
        answer = given[code]
        before = latest.get((key, binding.sha256, code, binding.role))
        if before is not None and before.answer == answer and before.verifier == binding.verifier:
            unchanged += 1
            continue
        events.append(
            NewEvent(
                kind=ev.RECORDED, subject=entry.id, old=before.text if before else None, new=ev.verdict_text(answer), reason=pv.RECORD_REASON.text(file=path.name), input_hash=pack_sha,
                data={"butir": code, "isian": binding.sha256, "peran": binding.role.value, "verifikator": binding.verifier, "jawaban": answer.model_dump(mode="json"), "catatan": answer.note},
            )
        )
    return PackOutcome(path, entry.id, binding.verifier, binding.role, recorded=len(events), unchanged=unchanged, warnings=tuple(warnings)), events


def collect_packs(r: Round, paths: list[Path]) -> list[PackOutcome]:
    """Read packs back and record every changed verdict (one transaction per pack); refused packs say why."""
    cur = current_submissions(r)

    def one(path: Path) -> tuple[PackOutcome, list[NewEvent]]:
        events = r.events()
        return _collect_one(r, path, cur, ev.assignments(events), ev.verdicts(events), _fixed(events))

    return collect_each(r, paths, one, lambda path, problems: PackOutcome(path, errors=problems or (pv.NOT_A_PACK.at(Location(str(path))),)))


def collect_each(r: Round, paths: list[Path], one: Callable[[Path], tuple[T, list[NewEvent]]], failed: Callable[[Path, tuple[Problem, ...]], T]) -> list[T]:
    """Collect returned packs one by one, each pack's events in one transaction; a pack that cannot be read becomes ``failed``.

    One bad pack never stops the rest: an unreadable file is its own outcome, with the reader's problems.
    """
    outcomes: list[T] = []
    for path in paths:
        try:
            outcome, new = one(path)
        except (KipmonevError, OSError) as e:
            outcome, new = failed(path, e.problems if isinstance(e, KipmonevError) else ()), []
        if new:
            r.store.append(r.actor, new)
        outcomes.append(outcome)
    return outcomes


# --- second opinion and the pleno ---------------------------------------------------------------

@dataclass(frozen=True)
class SecondOpinion:
    """The sample drawn: items per body and its second verifier."""

    seed: int
    percent: Decimal
    items: int
    total: int
    bodies: tuple[tuple[str, str, tuple[str, ...]], ...]  # (body ID, second verifier, codes)


def draw_second_opinion(r: Round, percent: Decimal, seed: int) -> SecondOpinion:
    """Draw ``percent`` % of the answered items of bodies with a current version and a verifier (rule V6).

    Raises:
        KipmonevError: Fewer than two verifiers, or nothing to sample.
    """
    events = r.events()
    assigned = ev.assignments(events)
    team = sorted(set(assigned.values()))
    here = Location(str(r.folder))
    if len(team) < 2:
        raise KipmonevError(pv.SAMPLE_SUMMARY.text(), (pv.NO_TEAM.at(here, team=quoted(team, "dan") or "-"),))
    cur = current_submissions(r)
    order = [e for e in r.roster.entries if e.id.casefold() in cur and e.id.casefold() in assigned]
    items = [(e.id, code) for e in order for code in ev.to_verify(cur[e.id.casefold()].questionnaire, cur[e.id.casefold()].submission.answers)]
    if not items:
        raise KipmonevError(pv.SAMPLE_SUMMARY.text(), (pv.NOTHING_TO_SAMPLE.at(here),))
    chosen = ev.draw_sample(items, percent, seed)
    bodies: list[tuple[str, str, tuple[str, ...]]] = []
    new: list[NewEvent] = []
    reason = pv.SAMPLE_REASON.text(percent=percent, seed=str(seed))
    for e in order:
        codes = tuple(code for body, code in chosen if body == e.id)
        second = ev.second_verifier(team, assigned[e.id.casefold()], e.id, seed)
        if not codes or second is None:
            continue
        bodies.append((e.id, second, codes))
        sha = cur[e.id.casefold()].record.sha256
        new.append(
            NewEvent(
                kind=ev.SAMPLED, subject=e.id, new=second, reason=reason,
                data={"isian": sha, "butir": list(codes), "daftar": ", ".join(codes), "jumlah": len(codes), "benih": seed, "persen": str(percent), "verifikator": second, "utama": assigned[e.id.casefold()]},
            )
        )
    r.store.append(r.actor, new)
    return SecondOpinion(seed, percent, len(chosen), len(items), tuple(bodies))


def decide_clash(r: Round, body_id: str, code: str, verdict: str, reason: str) -> Verdict:
    """Record the pleno's choice between two clashing verdicts on one item (rule V4); returns the verdict chosen.

    Raises:
        KipmonevError: The ID is not on the roster, the body's result is already fixed, the item has no clash,
            or ``verdict`` is neither verdict.
    """
    entry = roster_body(r, body_id)
    here = Location(str(r.folder))
    fixed = _fixed(r.events()).get(entry.id.casefold())
    if fixed is not None:
        raise KipmonevError(pv.DECIDE_SUMMARY.text(), (pv.DECIDED_AFTER_PENETAPAN.at(here, body=entry.id, sk=fixed),))
    state = verification_status(r)
    body = next(b for b in state.bodies if b.body_id == entry.id)
    clash = next((c for c in body.clashes if c.code.casefold() == code.casefold()), None)
    if clash is None or body.submission is None:
        raise KipmonevError(pv.DECIDE_SUMMARY.text(), (pv.NOT_A_CLASH.at(here, code=code, body=entry.id),))
    chosen = next((v for v in (clash.first, clash.second) if ev.verdict_key(v.answer) == ev.verdict_key(Answer(value=verdict)) or v.text.casefold() == verdict.strip().casefold()), None)
    if chosen is None:
        raise KipmonevError(pv.DECIDE_SUMMARY.text(), (pv.NOT_A_VERDICT.at(here, choices=quoted([clash.first.text, clash.second.text]), given=verdict),))
    other = clash.second if chosen is clash.first else clash.first
    r.store.append(
        r.actor,
        [NewEvent(kind=ev.RESOLVED, subject=entry.id, old=other.text, new=chosen.text, reason=reason, data={"isian": body.submission, "butir": clash.code, "jawaban": chosen.answer.model_dump(mode="json"), "verifikator": chosen.verifier})],
    )
    return chosen
