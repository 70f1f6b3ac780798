"""The sanggah (objection) round: packs out, packs in, a verifier's decision, the state (rules O1-O5).

- :func:`write_sanggah_packs` (``round sanggah-pack``) writes, per body with a verified result, a pack of
  the items where verification cost points (rule O1), bound to the submission and the verified state it
  shows (O2); one ``sanggah.packed`` event each, with the preliminary verified score.
- :func:`collect_sanggah` (``round sanggah-collect``) refuses a late pack by date (O3, an event), a pack for
  another version or state, or edited locked cells; each claim is one ``sanggah.filed`` event (O4). One bad
  pack never stops the rest.
- :func:`decide_sanggah` (``round sanggah-decide``) records ``sanggah.decided`` (O5): who, old → new verdict
  and points, the reason.
- :func:`sanggah_status` and :func:`logged_objections` (for ``round recap``) derive the rest from the log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from kipmonev.app import problems_sanggah as ps
from kipmonev.app.round.history import roster_body
from kipmonev.app.round.verify import Current, _safe, collect_each, current_submissions, verification_status
from kipmonev.app.round.workspace import Round
from kipmonev.core.catalogue import quoted
from kipmonev.core.errors import KipmonevError, Location, Problem
from kipmonev.core.fileio import file_hash
from kipmonev.core.formatting import format_long_date, format_number
from kipmonev.engine import objection as eo
from kipmonev.engine.round import file_records
from kipmonev.engine.scoring import score
from kipmonev.engine.verification import verdict_text
from kipmonev.formats.round_layout import CONFIG_FILE, SANGGAH_DIR
from kipmonev.formats.sanggah_texts import SHEET_SANGGAH
from kipmonev.model.objection import Claim, Decision, ObjectionState, PackItem
from kipmonev.model.result import Assessment
from kipmonev.model.round import NewEvent
from kipmonev.model.submission import Answer
from kipmonev.outputs.sanggah_pack import claim_choices, write_sanggah_pack
from kipmonev.sources.sanggah_pack import claimed_answer, claimed_cell, read_sanggah_binding, read_sanggah_rows, shown_text


def objection_deadline(r: Round) -> dt.date:
    """The round's objection deadline.

    Raises:
        KipmonevError: ``tenggat.sanggah`` is not set (the message says how to set it).
    """
    deadline = r.config.deadlines.objection
    if deadline is None:
        raise KipmonevError(ps.DEADLINE_SUMMARY.text(), (ps.NO_DEADLINE.at(Location(str(r.folder / CONFIG_FILE))),))
    return deadline


@dataclass(frozen=True)
class Preliminary:
    """A body's verified result before sanggah: its version, the verdicts and the scored result."""

    current: Current
    decided: dict[str, Answer]
    assessment: Assessment

    def items(self) -> tuple[PackItem, ...]:
        """The pack's rows (rule O1)."""
        return tuple(
            PackItem(
                code=q.code, question=q.text, answer=q.self_answer.answer or "", evidence="\n".join(q.self_answer.evidence), own_points=q.self_answer.earned,
                verdict=q.verified_answer.answer or "" if q.verified_answer else "", note=q.verifier_note or "", verified_points=q.verified_answer.earned if q.verified_answer else Decimal(0),
            )
            for q in eo.lost_items(self.assessment)
        )

    def state(self) -> str:
        """The verified state the pack shows (rule O2)."""
        return eo.state_key((i.code, verdict_text(self.decided[i.code]), self.decided[i.code].note) for i in self.items())


def _scored(c: Current, decided: dict[str, Answer]) -> Assessment:
    return score(c.questionnaire, c.submission.model_copy(update={"verification": decided, "stage_scores": {}}))


def preliminary(r: Round) -> dict[str, Preliminary]:
    """Case-folded body ID → its verified result before sanggah (bodies without a verdict left out)."""
    cur = current_submissions(r)
    state = verification_status(r, cur)
    out: dict[str, Preliminary] = {}
    for b in state.bodies:
        key = b.body_id.casefold()
        if key in cur and b.decided:
            out[key] = Preliminary(cur[key], dict(b.decided), _scored(cur[key], dict(b.decided)))
    return out


# --- packs out --------------------------------------------------------------------------------

@dataclass
class SanggahPacksWritten:
    """What ``sanggah-pack`` wrote, and the bodies that got no pack."""

    folder: Path
    deadline: dt.date
    written: list[Path] = field(default_factory=list)
    no_loss: list[str] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)


def write_sanggah_packs(r: Round, out_dir: Path | None = None) -> SanggahPacksWritten:
    """Write a pack per body whose verification cost it points (rule O1); the rest are listed.

    Raises:
        KipmonevError: No objection deadline.
        WorkbookError: A pack cannot be written.
    """
    deadline = objection_deadline(r)
    result = SanggahPacksWritten(out_dir or r.folder / SANGGAH_DIR, deadline)
    found = preliminary(r)
    events: list[NewEvent] = []
    for entry in r.roster.entries:
        p = found.get(entry.id.casefold())
        if p is None:
            result.unverified.append(entry.id)
            continue
        items = p.items()
        if not items:
            result.no_loss.append(entry.id)
            continue
        assert p.assessment.saq_verified is not None
        score_text = format_number(p.assessment.saq_verified.score, 2)
        path = result.folder / f"{_safe(entry.id)}-sanggah.xlsx"
        path.parent.mkdir(parents=True, exist_ok=True)
        state = p.state()
        record = p.current.record
        write_sanggah_pack(path, p.current.questionnaire, items, body_id=entry.id, name=entry.name, file=record.name, sha256=record.sha256, state=state, score=score_text, deadline=deadline, commission=r.config.commission)
        result.written.append(path)
        codes = [i.code for i in items]
        events.append(
            NewEvent(
                kind=eo.PACKED, subject=entry.id, new=path.name, input_hash=file_hash(path),
                data={"jenis": "paket_sanggah", "berkas": path.name, "isian": record.sha256, "status": state, "butir": codes, "daftar": ", ".join(codes), "jumlah": len(codes),
                      "nilai": score_text, "batas": deadline.isoformat(), "batas_teks": format_long_date(deadline)},
            )
        )
    if events:
        r.store.append(r.actor, events)
    return result


# --- packs in ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class SanggahOutcome:
    """One collected pack: the claims filed, or why it was refused."""

    path: Path
    body_id: str | None = None
    filed: int = 0
    unchanged: int = 0
    empty: int = 0
    late: bool = False
    errors: tuple[Problem, ...] = ()


def _refuse(path: Path, body: str | None, *problems: Problem, late: bool = False) -> tuple[SanggahOutcome, list[NewEvent]]:
    return SanggahOutcome(path, body, late=late, errors=problems), []


def _collect_one(r: Round, path: Path, received: dt.date, deadline: dt.date, found: dict[str, Preliminary], filed: dict[tuple[str, str, str], Claim]) -> tuple[SanggahOutcome, list[NewEvent]]:
    source = str(path)
    here = Location(source)
    binding = read_sanggah_binding(path)
    if not binding.is_pack:
        return _refuse(path, None, ps.NOT_A_SANGGAH_PACK.at(here))
    entry = r.roster.by_id().get((binding.body_id or "").casefold())
    if entry is None:
        return _refuse(path, None, ps.PACK_UNKNOWN_BODY.at(here, body=binding.body_id or "-"))
    pack_sha = file_hash(path)
    if received > deadline:  # rule O3: by date, the deadline day itself counts
        event = NewEvent(
            kind=eo.REFUSED_LATE, subject=entry.id, old=None, new=path.name, input_hash=pack_sha, reason=ps.LATE_REASON.text(),
            data={"berkas": path.name, "tanggal": received.isoformat(), "batas": deadline.isoformat(), "tanggal_teks": format_long_date(received), "batas_teks": format_long_date(deadline)},
        )
        return SanggahOutcome(path, entry.id, late=True, errors=(ps.LATE.at(here, received=format_long_date(received), deadline=format_long_date(deadline)),)), [event]
    key = entry.id.casefold()
    p = found.get(key)
    if p is None or p.current.record.sha256 != binding.sha256:
        files = file_records(r.events())
        pack_file = files[binding.sha256].name if binding.sha256 in files else "-"
        current = p.current.record if p else None
        return _refuse(path, entry.id, ps.OTHER_VERSION.at(
            here, pack_file=pack_file, pack_sha=(binding.sha256 or "-")[:12], body=entry.id, current_file=current.name if current else "-", current_sha=current.sha256[:12] if current else "-",
        ))
    if binding.state != p.state():
        return _refuse(path, entry.id, ps.STATE_CHANGED.at(here, body=entry.id))
    expected = {i.code: i for i in p.items()}
    rows = read_sanggah_rows(path)
    by_code = {row.code: row for row in rows}
    edited = [row.code or f"baris {row.row}" for row in rows if row.code not in expected or row.shown != _shown(expected[row.code])]
    edited += [code for code in expected if code not in by_code]
    if edited:
        return _refuse(path, entry.id, ps.CELLS_EDITED.at(Location(source, sheet=SHEET_SANGGAH), count=len(edited), codes=", ".join(edited)))
    q = p.current.questionnaire
    problems: list[Problem] = []
    claims: list[tuple[str, str, Answer | None, str, str]] = []
    empty = 0
    for row in rows:
        if row.empty:
            empty += 1
            continue
        where = claimed_cell(row, source)
        if not row.claim:
            problems.append(ps.CLAIM_EMPTY.at(where, code=row.code))
            continue
        answer, problem = claimed_answer(q, row.code, row.claimed, claim_choices(q, row.code), where)
        if problem is not None:
            problems.append(problem)
            continue
        claims.append((row.code, row.claim, answer, verdict_text(answer) if answer else "", row.evidence))
    if problems:
        return _refuse(path, entry.id, *problems)
    events: list[NewEvent] = []
    unchanged = 0
    sha = p.current.record.sha256
    for code, claim, answer, claimed_text, evidence in claims:
        before = filed.get((key, sha, code))
        if before is not None and before.claim == claim and before.claimed == answer and (before.evidence or "") == evidence:
            unchanged += 1
            continue
        events.append(
            NewEvent(
                kind=eo.FILED, subject=entry.id, old=verdict_text(p.decided[code]), new=claimed_text or None, reason=ps.FILED_REASON.text(file=path.name), input_hash=pack_sha,
                data={"butir": code, "isian": sha, "klaim": claim, "jawaban": answer.model_dump(mode="json") if answer else None, "diajukan_teks": claimed_text or None,
                      "diajukan": claimed_text or ps.NOTHING_CLAIMED.text(), "bukti_baru": evidence or None, "bukti": evidence or ps.NOTHING_CLAIMED.text(),
                      "tanggal": received.isoformat(), "tanggal_teks": format_long_date(received), "berkas": path.name},
            )
        )
    return SanggahOutcome(path, entry.id, filed=len(events), unchanged=unchanged, empty=empty), events


def _shown(item: PackItem) -> tuple[str, ...]:
    return tuple(shown_text(v) for v in (item.code, item.question, item.answer, item.evidence, item.own_points, item.verdict, item.note, item.verified_points))


def collect_sanggah(r: Round, paths: list[Path], received: dt.date) -> list[SanggahOutcome]:
    """Read returned packs received on ``received`` and file every claim (one transaction per pack).

    Raises:
        KipmonevError: No objection deadline (before any pack is read).
    """
    deadline = objection_deadline(r)
    found = preliminary(r)
    return collect_each(
        r, paths, lambda path: _collect_one(r, path, received, deadline, found, eo.claims(r.events())),
        lambda path, problems: SanggahOutcome(path, errors=problems or (ps.NOT_A_SANGGAH_PACK.at(Location(str(path))),)),
    )


# --- the decision -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Decided:
    """A decision recorded: the claim, the verdict and points before and after, the SAQ before and after."""

    body_id: str
    code: str
    decision: Decision
    verdict_before: str
    verdict_after: str
    points_before: Decimal
    points_after: Decimal
    saq_before: Decimal
    saq_after: Decimal


def decide_sanggah(r: Round, body_id: str, code: str, decision: Decision, reason: str, verdict: str | None = None) -> Decided:
    """Record a verifier's decision on a filed claim (rule O5).

    Raises:
        KipmonevError: Unknown body, no current verified version, no claim filed on ``code``, or no verdict for an accepted claim.
    """
    entry = roster_body(r, body_id)
    here = Location(str(r.folder))
    p = preliminary(r).get(entry.id.casefold())
    if p is None:
        raise KipmonevError(ps.DECIDE_SUMMARY.text(), (ps.NO_CURRENT.at(here, body=entry.id),))
    sha = p.current.record.sha256
    body = eo.body_claims(eo.claims(r.events()), entry.id, sha)
    claim = next((c for c in body if c.code.casefold() == code.strip().casefold()), None)
    if claim is None:
        raise KipmonevError(ps.DECIDE_SUMMARY.text(), (ps.NO_CLAIM.at(here, code=code, body=entry.id, filed=quoted([c.code for c in body], "dan") or ps.NONE_FILED.text()),))
    q = p.current.questionnaire
    before_map = eo.after_sanggah(p.decided, [c for c in body if c.code != claim.code])
    before = before_map[claim.code]
    if decision is Decision.REJECTED:
        if verdict is not None:
            raise KipmonevError(ps.DECIDE_SUMMARY.text(), (ps.VERDICT_ON_REJECT.at(Location("--verdict")),))
        after = before
    elif verdict is not None:
        given, problem = claimed_answer(q, claim.code, verdict, claim_choices(q, claim.code), Location("--verdict"))
        if given is None:
            raise KipmonevError(ps.DECIDE_SUMMARY.text(), (problem or ps.NEED_VERDICT.at(Location("--verdict"), code=claim.code),))
        after = given.model_copy(update={"note": reason})
    elif claim.claimed is not None:
        after = claim.claimed.model_copy(update={"note": reason})
    else:
        raise KipmonevError(ps.DECIDE_SUMMARY.text(), (ps.NEED_VERDICT.at(here, code=claim.code),))
    was, now = _scored(p.current, before_map), _scored(p.current, {**before_map, claim.code: after})
    points = {a: next(x.counted.earned for x in a.questions if x.code == claim.code) for a in (was, now)}
    assert was.saq_verified is not None and now.saq_verified is not None
    result = Decided(entry.id, claim.code, decision, verdict_text(before), verdict_text(after), points[was], points[now], was.saq_verified.score, now.saq_verified.score)
    r.store.append(
        r.actor,
        [
            NewEvent(
                kind=eo.DECIDED, subject=entry.id, old=result.verdict_before, new=result.verdict_after, reason=reason,
                data={"butir": claim.code, "isian": sha, "putusan": decision.value, "sanggah": claim.filed_seq, "verifikator": r.actor,
                      "jawaban": after.model_dump(mode="json") if decision is Decision.ACCEPTED else None,
                      "poin_sebelum": format_number(result.points_before, 2), "poin_sesudah": format_number(result.points_after, 2),
                      "nilai_sebelum": format_number(result.saq_before, 2), "nilai_sesudah": format_number(result.saq_after, 2)},
            )
        ],
    )
    return result


# --- the state --------------------------------------------------------------------------------

def sanggah_status(r: Round) -> ObjectionState:
    """Per body: claims filed, decided and pending on its current version, and late refusals."""
    cur = current_submissions(r)
    deadline = r.config.deadlines.objection
    return eo.objection_state(r.events(), r.roster.entries, {k: c.record.sha256 for k, c in cur.items()}, deadline.isoformat() if deadline else None)


def logged_objections(r: Round) -> dict[str, tuple[Claim, ...]]:
    """Stored file (relative to the round) → the claims filed on it: what ``round recap`` scores before and after."""
    cur = current_submissions(r)
    all_claims = eo.claims(r.events())
    out: dict[str, tuple[Claim, ...]] = {}
    for c in cur.values():
        body = eo.body_claims(all_claims, c.entry.id, c.record.sha256)
        if body:
            out[c.record.stored] = body
    return out
