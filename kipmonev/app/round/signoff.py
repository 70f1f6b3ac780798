"""Sign-off, penetapan and corrections in a round, and the check that no input or output was edited.

- :func:`sign_off` (``round sign-off``): one ``signoff.recorded`` event per body (level, who, reason, the
  result file's SHA-256 and score), refused for a body that is not fully verified or whose latest recap
  result does not hold its current version and verdicts (rules F2, F4 of :mod:`kipmonev.engine.signoff`).
- :func:`fix_results` (``round penetapan``): the pleno fixes the results under one SK and date; the annex
  (Lampiran Penetapan) is written as PDF and XLSX, then one ``penetapan.recorded`` event per body with the
  annex files' hashes.
- :func:`correct_result` (``round correct``): after penetapan, a new ``correction.recorded`` decision with its
  SK; the annex of the SK is written again with the corrected value and a note.
- :func:`round_inputs` (for ``round recap``): the log's verdicts, the sign-off state and the verifier packs
  of every body, so each result says whether it is final and which files it was computed from.
- :func:`verify_inputs` (``round verify-inputs``): every stored copy, result and annex against its record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kipmonev.app import problems_signoff as ps
from kipmonev.app.round.history import roster_body
from kipmonev.app.round.verify import Current, current_submissions, verification_status
from kipmonev.app.round.workspace import Round
from kipmonev.core.errors import KipmonevError, Location, Problem
from kipmonev.core.fileio import file_hash, safe_filename
from kipmonev.core.formatting import format_long_date, format_number, format_timestamp
from kipmonev.engine import signoff as es
from kipmonev.engine.problems_signoff import HOLDS, LEVEL_LABELS
from kipmonev.engine.round import current_versions, file_records
from kipmonev.formats.round_layout import PENETAPAN_DIR, RECAP_DIR, STORE_FILE
from kipmonev.model.result import Assessment, BandResult, InputFile, InputRole
from kipmonev.model.round import Event, NewEvent, RosterEntry
from kipmonev.model.signoff import Annex, AnnexRow, BodySignOff, SignOffLevel, SignOffResult, SignOffStatus
from kipmonev.model.submission import Answer
from kipmonev.model.verification import VerificationState

RESULTS_DIR = "hasil"  # NOTE: app.batch.RESULTS_DIR; not imported, so that this module does not load the batch


@dataclass(frozen=True)
class Stored:
    """A body's latest recap result: its file, hash, content and the log event that wrote it."""

    path: Path
    sha256: str
    result: Assessment
    written: int  # seq of the output.written event with this hash; 0 when the log never wrote it


@dataclass(frozen=True)
class RoundView:
    """The round's verification and sign-off state, read once."""

    current: dict[str, Current]
    verification: VerificationState
    states: dict[str, BodySignOff]
    results: dict[str, Stored]

    def ordered(self, roster: Sequence[RosterEntry]) -> list[BodySignOff]:
        """States in roster order."""
        return [self.states[e.id.casefold()] for e in roster]


def _written(events: Sequence[Event]) -> dict[str, int]:
    """SHA-256 → the last ``output.written`` event that wrote a file with it."""
    return {e.input_hash: e.seq for e in events if e.kind == "output.written" and e.input_hash}


def _stored_results(r: Round, events: Sequence[Event]) -> dict[str, Stored]:
    """Case-folded body ID → its latest result in ``rekap/hasil/`` (the one the log wrote last)."""
    written = _written(events)
    found: dict[str, Stored] = {}
    for path in sorted((r.folder / RECAP_DIR / RESULTS_DIR).glob("*.json")):
        try:
            sha = file_hash(path)
            result = Assessment.from_json(path.read_bytes())
        except (OSError, ValueError):
            continue
        key = (result.body.id or "").casefold()
        stored = Stored(path, sha, result, written.get(sha, 0))
        if key and (key not in found or stored.written > found[key].written):
            found[key] = stored
    return found


def round_view(r: Round) -> RoundView:
    """Read the round's verification and sign-off state (rules F1-F3)."""
    events = r.events()
    current = current_submissions(r)
    verification = verification_status(r, current)
    pending = {b.body_id.casefold(): len(b.pending) for b in verification.bodies}
    states = es.signoff_states(events, r.roster.entries, {k: c.record.sha256 for k, c in current.items()}, pending, r.config.sign_offs)
    return RoundView(current, verification, states, _stored_results(r, events))


# --- recap ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RecapInputs:
    """What ``round recap`` gives the batch, per stored copy (relative to the round folder)."""

    verifications: dict[str, dict[str, Answer]]
    signoffs: dict[str, SignOffResult]
    extra_inputs: dict[str, tuple[InputFile, ...]]


def _packs(events: Sequence[Event], key: str, submission: str) -> tuple[InputFile, ...]:
    """The verifier packs whose verdicts the log holds for a body's current version, once each."""
    seen: dict[str, InputFile] = {}
    for e in events:
        if e.kind in ("verification.recorded", "verification.resolved") and e.subject.casefold() == key and e.data.get("isian") == submission and e.input_hash:
            who = str(e.data.get("verifikator") or e.actor)
            seen.setdefault(e.input_hash, InputFile(role=InputRole.VERIFY_PACK, name=f"{who}, {e.data.get('peran', '-')}", sha256=e.input_hash))
    return tuple(seen.values())


def round_inputs(r: Round) -> RecapInputs:
    """The verified answers, the sign-off state and the verifier packs of every body with a current version."""
    view = round_view(r)
    events = r.events()
    by_body = {b.body_id.casefold(): b for b in view.verification.bodies}
    verifications: dict[str, dict[str, Answer]] = {}
    signoffs: dict[str, SignOffResult] = {}
    extra: dict[str, tuple[InputFile, ...]] = {}
    for key, c in view.current.items():
        stored = c.record.stored
        if key in by_body:
            verifications[stored] = by_body[key].decided
        signoffs[stored] = es.result_signoff(view.states[key], r.config.sign_offs)
        extra[stored] = _packs(events, key, c.record.sha256)
    return RecapInputs(verifications, signoffs, extra)


# --- sign-off and penetapan ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Ready:
    """A body that may be signed or fixed: its state and the result that is signed."""

    entry: RosterEntry
    state: BodySignOff
    stored: Stored

    @property
    def score(self) -> Decimal:
        """The headline score signed (the final score whenever the only reason left is the round's own)."""
        return self.stored.result.outcome.estimate_score

    @property
    def band(self) -> BandResult:
        """The qualification of :attr:`score`."""
        return self.stored.result.outcome.estimate_band


def _select(r: Round, view: RoundView, ids: Sequence[str], all_bodies: bool) -> list[RosterEntry]:
    here = Location(str(r.folder))
    if bool(ids) == all_bodies:
        raise KipmonevError(ps.SIGN_SUMMARY.text(), (ps.IDS_OR_ALL.at(here, folder=str(r.folder)),))
    if all_bodies:
        chosen = [e for e in r.roster.entries if e.id.casefold() in view.current]
        if not chosen:
            raise KipmonevError(ps.SIGN_SUMMARY.text(), (ps.NOTHING_TO_SIGN.at(here),))
        return chosen
    return list(dict.fromkeys(roster_body(r, i) for i in ids))


def _ready(r: Round, view: RoundView, entry: RosterEntry) -> Ready | Problem:
    """Rules F2, F4: the body is verified and its latest recap result holds its current version and verdicts."""
    key = entry.id.casefold()
    here = Location(str(r.folder))
    state = view.states[key]
    if state.submission is None:
        return ps.NO_VERSION.at(here, body=entry.id)
    pending = next((b.pending for b in view.verification.bodies if b.body_id.casefold() == key), ())
    if pending:
        codes = ", ".join(p.code for p in pending[:10]) + (" …" if len(pending) > 10 else "")
        return ps.NOT_VERIFIED.at(here, body=entry.id, count=len(pending), codes=codes, folder=str(r.folder))
    stored = view.results.get(key)
    holds = stored is not None and any(i.role is InputRole.WORKBOOK and i.sha256 == state.submission for i in stored.result.inputs)
    if stored is None or not holds or stored.written <= state.last_change:
        return ps.NO_RESULT.at(here, body=entry.id, folder=str(r.folder))
    return Ready(entry, state, stored)


def _empty(option: str, value: str, summary: str, here: Location) -> str:
    text = " ".join(value.split())
    if not text:
        raise KipmonevError(summary, (ps.TEXT_EMPTY.at(here, option=option),))
    return text


@dataclass
class SignedOff:
    """What ``round sign-off`` recorded, and the bodies already signed (left as they were)."""

    recorded: list[tuple[str, str]] = field(default_factory=list)  # (body ID, score text)
    unchanged: list[Problem] = field(default_factory=list)


def sign_off(r: Round, ids: Sequence[str], all_bodies: bool, level: SignOffLevel, reason: str) -> SignedOff:
    """Record a sign-off for each body (rules F2, F4); nothing is recorded when one body is refused.

    Raises:
        KipmonevError: Every body refused, with why and the command that shows or fixes it.
    """
    here = Location(str(r.folder))
    if level is SignOffLevel.FIXED:
        raise KipmonevError(ps.SIGN_SUMMARY.text(), (ps.FIXED_BY_PLENO.at(here, folder=str(r.folder)),))
    reason = _empty("--reason", reason, ps.SIGN_SUMMARY.text(), here)
    view = round_view(r)
    chosen = _select(r, view, ids, all_bodies)
    result = SignedOff()
    ready: list[Ready] = []
    problems: list[Problem] = []
    for entry in chosen:
        state = view.states[entry.id.casefold()]
        done = next((m for m in state.marks if m.level is level), None)
        if state.status is SignOffStatus.FIXED or done is not None:
            when = format_timestamp(dt.datetime.fromisoformat(done.at)) if done else state.label
            result.unchanged.append(ps.ALREADY_SIGNED.at(here, body=entry.id, level=LEVEL_LABELS[level], when=when))
            continue
        got = _ready(r, view, entry)
        if isinstance(got, Problem):
            problems.append(got)
        else:
            ready.append(got)
    if problems:
        raise KipmonevError(ps.SIGN_SUMMARY.text(), tuple(problems))
    new = []
    for item in ready:
        score = format_number(item.score)
        new.append(
            NewEvent(
                kind=es.SIGNED, subject=item.entry.id, old=item.state.label, new=score, reason=reason, input_hash=item.stored.sha256,
                data={"kode_tingkat": level.value, "tingkat": LEVEL_LABELS[level], "isian": item.state.submission, "hasil": item.stored.sha256, "berkas": item.stored.path.name, "skor": str(item.score), "kualifikasi": item.band.name},
            )
        )
        result.recorded.append((item.entry.id, score))
    if new:
        r.store.append(r.actor, new)
    return result


def annex_dir(r: Round) -> Path:
    """Where the penetapan annexes go."""
    return r.folder / PENETAPAN_DIR


def _write_annex(r: Round, annex: Annex, formats: Sequence[str], templates_dir: Path | None) -> list[Path]:
    from kipmonev.outputs.annex import write_annex  # NOTE: here, so that the sign-off commands start without WeasyPrint

    folder = annex_dir(r)
    folder.mkdir(parents=True, exist_ok=True)
    return write_annex(annex, folder / f"lampiran-penetapan-{safe_filename(annex.sk)}", formats, templates_dir)


def _annex_written(r: Round, paths: Sequence[Path], sk: str) -> list[NewEvent]:
    reason = ps.ANNEX_REASON.text(sk=sk)
    return [NewEvent(kind="output.written", subject="penetapan", new=p.name, input_hash=file_hash(p), reason=reason, data={"jenis": "lampiran_penetapan", "berkas": p.name, "sk": sk}) for p in paths]


@dataclass(frozen=True)
class Fixed:
    """What ``round penetapan`` fixed and wrote."""

    annex: Annex
    written: tuple[Path, ...]
    bodies: tuple[str, ...]


def fix_results(r: Round, ids: Sequence[str], all_bodies: bool, sk: str, date: dt.date, formats: Sequence[str] = ("pdf", "xlsx"), templates_dir: Path | None = None) -> Fixed:
    """The pleno fixes the results of the bodies under SK ``sk`` of ``date``: annex written, then the events.

    Raises:
        KipmonevError: A body is refused (not verified, not signed when required, no fresh or complete result,
            already fixed), every one listed; nothing is written or recorded then.
        RenderError: The annex cannot be written.
    """
    here = Location(str(r.folder))
    summary = ps.FIX_SUMMARY.text()
    sk = _empty("--sk", sk, summary, here)
    view = round_view(r)
    chosen = _select(r, view, ids, all_bodies)
    ready: list[Ready] = []
    problems: list[Problem] = []
    for entry in chosen:
        state = view.states[entry.id.casefold()]
        if state.penetapan is not None:
            problems.append(ps.ALREADY_FIXED.at(here, body=entry.id, sk=state.penetapan.sk, date=format_long_date(dt.date.fromisoformat(state.penetapan.date)), folder=str(r.folder)))
            continue
        got = _ready(r, view, entry)
        if isinstance(got, Problem):
            problems.append(got)
            continue
        if SignOffLevel.QUALITY in r.config.sign_offs and state.status is not SignOffStatus.QUALITY:
            problems.append(ps.QUALITY_FIRST.at(here, body=entry.id, folder=str(r.folder)))
            continue
        others = [reason for reason in got.stored.result.outcome.reasons if reason not in _holds()]
        if others:
            problems.append(ps.INCOMPLETE.at(here, body=entry.id, reasons=" ".join(others), folder=str(r.folder)))
            continue
        ready.append(got)
    if problems:
        raise KipmonevError(summary, tuple(problems))
    earlier = [es.annex_row(s) for s in view.states.values() if s.penetapan is not None and s.penetapan.sk == sk]
    rows = earlier + [
        AnnexRow(rank=0, body_id=g.entry.id, name=g.entry.name, category=g.entry.category, score=g.score, band_code=g.band.code, band_name=g.band.name, band_color=g.band.color)
        for g in ready
    ]
    annex = es.build_annex(r.config.commission, r.config.year, sk, date.isoformat(), rows)
    written = _write_annex(r, annex, formats, templates_dir)
    hashes = {p.name: file_hash(p) for p in written}
    events = [
        NewEvent(
            kind=es.FIXED, subject=g.entry.id, old=g.state.label, new=format_number(g.score), reason=ps.FIX_REASON.text(sk=sk), input_hash=g.stored.sha256,
            data={
                "sk": sk, "tanggal": date.isoformat(), "tanggal_teks": format_long_date(date), "isian": g.state.submission, "hasil": g.stored.sha256, "berkas": g.stored.path.name,
                "skor": str(g.score), "kualifikasi": g.band.name, "kode_kualifikasi": g.band.code, "warna": g.band.color, "kategori": g.entry.category,
                "pita": [b.model_dump(mode="json") for b in g.stored.result.rules.bands], "lampiran": hashes,
            },
        )
        for g in ready
    ]
    r.store.append(r.actor, [*events, *_annex_written(r, written, sk)])
    return Fixed(annex, tuple(written), tuple(g.entry.id for g in ready))


def _holds() -> tuple[str, ...]:
    """Every reason the round itself gives for a result not being final (rule F3)."""
    return tuple(t.text() for t in HOLDS.values())


@dataclass(frozen=True)
class Corrected:
    """What ``round correct`` recorded and wrote."""

    body_id: str
    old: str
    new: str
    old_band: str
    new_band: str
    sk: str
    written: tuple[Path, ...]


def correct_result(r: Round, body_id: str, sk: str, reason: str, score: Decimal, formats: Sequence[str] = ("pdf", "xlsx"), templates_dir: Path | None = None) -> Corrected:
    """Record a correction of a fixed body's score (rule F5) and write its SK's annex again.

    Raises:
        KipmonevError: The body is not fixed yet, the score is the one in force, or the SK or reason is empty.
        RenderError: The annex cannot be written.
    """
    here = Location(str(r.folder))
    summary = ps.CORRECT_SUMMARY.text()
    sk = _empty("--sk", sk, summary, here)
    reason = _empty("--reason", reason, summary, here)
    entry = roster_body(r, body_id)
    view = round_view(r)
    state = view.states[entry.id.casefold()]
    fixed = state.penetapan
    if fixed is None:
        raise KipmonevError(summary, (ps.NOT_FIXED.at(here, body=entry.id),))
    old = es.fixed_score(state)
    assert old is not None
    score = score.quantize(Decimal("0.01"))
    if score == old:
        raise KipmonevError(summary, (ps.SAME_SCORE.at(here, body=entry.id, score=format_number(score)),))
    event = next(e for e in r.events() if e.seq == fixed.seq)
    bands = [BandResult.model_validate(b) for b in event.data.get("pita", [])]
    band = es.band_of(score, bands) if bands else BandResult(code=fixed.band_code, name=fixed.band_name, lower=Decimal(0), color=fixed.band_color, message=None)
    old_band = state.corrections[-1].new_band if state.corrections else fixed.band_name
    r.store.append(
        r.actor,
        [
            NewEvent(
                kind=es.CORRECTED, subject=entry.id, old=format_number(old), new=format_number(score), reason=reason,
                data={"sk": sk, "penetapan_sk": fixed.sk, "skor_lama": str(old), "skor": str(score), "kualifikasi_lama": old_band, "kualifikasi": band.name, "kode_kualifikasi": band.code, "warna": band.color},
            )
        ],
    )
    after = round_view(r).states
    rows = [es.annex_row(s) for s in after.values() if s.penetapan is not None and s.penetapan.sk == fixed.sk]
    annex = es.build_annex(r.config.commission, r.config.year, fixed.sk, fixed.date, rows)
    written = _write_annex(r, annex, formats, templates_dir)
    r.store.append(r.actor, _annex_written(r, written, fixed.sk))
    return Corrected(entry.id, format_number(old), format_number(score), old_band, band.name, sk, tuple(written))


def signoff_counts(r: Round) -> list[tuple[str, dict[SignOffStatus, int]]]:
    """Per category (sorted, as ``round status`` lists them) and in total: how many bodies stand at each sign-off status (rule F1)."""
    view = round_view(r)
    groups: dict[str, dict[SignOffStatus, int]] = {}
    for state in view.ordered(r.roster.entries):
        for group in (state.category, ""):
            counts = groups.setdefault(group, dict.fromkeys(SignOffStatus, 0))
            counts[state.status] += 1
    total = groups.pop("", dict.fromkeys(SignOffStatus, 0))
    return [*sorted(groups.items(), key=lambda g: g[0].casefold()), ("", total)]


# --- inputs and outputs unchanged ------------------------------------------------------------------------

@dataclass
class InputCheck:
    """What ``round verify-inputs`` checked and found."""

    copies: int = 0
    results: int = 0
    annexes: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """Problems that mean a file was edited or lost (warnings left out)."""
        return [p for p in self.problems if p.code != ps.INPUT_NOT_CURRENT.code]


def stored_copy_problems(r: Round, events: Sequence[Event] | None = None) -> tuple[int, list[Problem]]:
    """Every received file's stored copy against the SHA-256 recorded when it was received."""
    problems: list[Problem] = []
    records = file_records(events if events is not None else r.events())
    for record in records.values():
        path = r.folder / record.stored
        if not path.is_file():
            problems.append(ps.COPY_MISSING.at(Location(str(path)), name=record.name))
            continue
        now = file_hash(path)
        if now != record.sha256:
            problems.append(ps.COPY_CHANGED.at(Location(str(path)), name=record.name, now=now[:12], recorded=record.sha256[:12]))
    return len(records), problems


def verify_inputs(r: Round) -> InputCheck:
    """Check stored copies, results and annexes against the log: an edited or lost file is named with the fix."""
    events = r.events()
    check = InputCheck()
    check.copies, check.problems = stored_copy_problems(r, events)
    written = _written(events)
    records = file_records(events)
    current = current_versions(events)
    for path in sorted((r.folder / RECAP_DIR / RESULTS_DIR).glob("*.json")):
        check.results += 1
        sha = file_hash(path)
        if sha not in written:
            check.problems.append(ps.OUTPUT_CHANGED.at(Location(str(path)), now=sha[:12], fix=ps.RESULT_FIX.text()))
            continue
        try:
            result = Assessment.from_json(path.read_bytes())
        except ValueError:
            continue
        for i in result.inputs:
            if i.role is not InputRole.WORKBOOK:
                continue
            if i.sha256 not in records:
                check.problems.append(ps.INPUT_UNKNOWN.at(Location(str(path)), name=i.name, sha=i.sha256[:12]))
            elif (now := current.get((result.body.id or "").casefold())) and now != i.sha256:
                check.problems.append(ps.INPUT_NOT_CURRENT.at(Location(str(path)), name=i.name, sha=i.sha256[:12], body=result.body.id, current=now[:12]))
    for path in sorted(annex_dir(r).glob("lampiran-penetapan-*")):
        check.annexes += 1
        sha = file_hash(path)
        if sha not in written:
            check.problems.append(ps.OUTPUT_CHANGED.at(Location(str(path)), now=sha[:12], fix=ps.ANNEX_FIX.text()))
    return check


def log_name(r: Round) -> str:
    """The log's file, as notices name it."""
    return str(r.folder / STORE_FILE)
