"""The sanggah (objection) round, derived from the event log. Pure: events, roster and results in, models out.

Rules (cited by tests):

    O1  A body may object to an item of its current version where the verified points are below its own
        (self-assessed) points; the sanggah pack lists exactly those items, in questionnaire order.
    O2  A pack is bound to the submission's SHA-256 and to the verified state it shows (:func:`state_key`
        over each item's verdict and note); a pack for another version or another state is refused.
    O3  A pack received after ``deadlines.objection`` (by date, the deadline day itself counts) is refused
        whole and the refusal is an event (``sanggah.refused_late``).
    O4  Per item, the latest ``sanggah.filed`` counts; a claim equal to the one already filed is not filed
        again. A ``sanggah.decided`` event decides the claim filed before it (``data.sanggah``, its number).
    O5  An accepted claim replaces the item's verified verdict by the decision's verdict; a rejected one
        keeps it. The verified track "before" is the verification alone, "after" applies O5; the headline
        is the score after sanggah.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from kipmonev.model.objection import BodyObjections, Claim, Decision, LateRefusal, ObjectionState
from kipmonev.model.result import Assessment, ObjectionItem, ObjectionResult, QuestionResult
from kipmonev.model.round import Event, RosterEntry
from kipmonev.model.submission import Answer

PACKED = "sanggah.packed"
FILED = "sanggah.filed"
REFUSED_LATE = "sanggah.refused_late"
DECIDED = "sanggah.decided"


def lost_items(assessment: Assessment) -> tuple[QuestionResult, ...]:
    """The items whose verified points are below the body's own (rule O1)."""
    return tuple(q for q in assessment.questions if q.verified_answer is not None and q.verified_answer.earned < q.self_answer.earned)


def state_key(shown: Iterable[tuple[str, str, str | None]]) -> str:
    """SHA-256 of the verified state a pack shows: (code, verdict as read, note) per item (rule O2)."""
    text = "\n".join(f"{code}\x1f{verdict}\x1f{note or ''}" for code, verdict, note in shown)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def claims(events: Sequence[Event]) -> dict[tuple[str, str, str], Claim]:
    """(case-folded body ID, submission, question code) → its latest claim and decision (rule O4)."""
    out: dict[tuple[str, str, str], Claim] = {}
    for e in events:
        if e.kind == FILED:
            claimed = e.data.get("jawaban")
            c = Claim(
                body_id=e.subject, code=str(e.data["butir"]), submission=str(e.data["isian"]), claim=str(e.data.get("klaim") or ""),
                claimed=Answer.model_validate(claimed) if claimed is not None else None, claimed_text=e.data.get("diajukan_teks"),
                evidence=e.data.get("bukti_baru"), received=str(e.data["tanggal"]), pack=str(e.input_hash or ""), verdict_before=str(e.old or ""), filed_seq=e.seq,
            )
            out[(e.subject.casefold(), c.submission, c.code)] = c
        elif e.kind == DECIDED:
            key = (e.subject.casefold(), str(e.data["isian"]), str(e.data["butir"]))
            filed = out.get(key)
            if filed is None or filed.filed_seq != e.data.get("sanggah"):
                continue
            after = e.data.get("jawaban")
            out[key] = filed.model_copy(
                update={
                    "decision": Decision(str(e.data["putusan"])), "reason": e.reason, "decided_by": e.actor, "decided_at": e.at,
                    "verdict_after": Answer.model_validate(after) if after is not None else None, "verdict_after_text": e.new, "decided_seq": e.seq,
                }
            )
    return out


def body_claims(all_claims: Mapping[tuple[str, str, str], Claim], body_id: str, submission: str) -> tuple[Claim, ...]:
    """One body's claims on one submission, in the order they were filed."""
    key = body_id.casefold()
    return tuple(sorted((c for (b, s, _), c in all_claims.items() if b == key and s == submission), key=lambda c: c.filed_seq))


def after_sanggah(decided: Mapping[str, Answer], body: Sequence[Claim]) -> dict[str, Answer]:
    """The verified answers with every accepted claim applied (rule O5)."""
    out = dict(decided)
    for c in body:
        if c.decision is Decision.ACCEPTED and c.verdict_after is not None:
            out[c.code] = c.verdict_after
    return out


def objection_state(events: Sequence[Event], roster: Sequence[RosterEntry], current: Mapping[str, str], deadline: str | None) -> ObjectionState:
    """Every roster body's claims, decisions and late refusals on its current version (rules O3, O4)."""
    all_claims = claims(events)
    packed = {(e.subject.casefold(), str(e.data.get("isian", ""))) for e in events if e.kind == PACKED}
    late: dict[str, list[LateRefusal]] = {}
    for e in events:
        if e.kind == REFUSED_LATE:
            late.setdefault(e.subject.casefold(), []).append(
                LateRefusal(body_id=e.subject, file=str(e.data.get("berkas", "")), received=str(e.data["tanggal"]), deadline=str(e.data["batas"]), seq=e.seq)
            )
    bodies = []
    for entry in roster:
        key = entry.id.casefold()
        sha = current.get(key)
        bodies.append(
            BodyObjections(
                body_id=entry.id, name=entry.name, submission=sha, packed=sha is not None and (key, sha) in packed,
                claims=body_claims(all_claims, entry.id, sha) if sha else (), late=tuple(late.get(key, ())),
            )
        )
    return ObjectionState(deadline=deadline, bodies=tuple(bodies))


def objection_result(before: Assessment, after: Assessment, body: Sequence[Claim]) -> ObjectionResult:
    """The ``objection`` section: both scores and each claim with its verdict and points before and after (rule O5)."""
    by_code_before = {q.code: q for q in before.questions}
    by_code_after = {q.code: q for q in after.questions}
    items = []
    for c in body:
        was, now = by_code_before.get(c.code), by_code_after.get(c.code)
        accepted = c.decision is Decision.ACCEPTED
        items.append(
            ObjectionItem(
                code=c.code, claim=c.claim, claimed=c.claimed_text, evidence=c.evidence, received=c.received, decision=c.decision, reason=c.reason,
                decided_by=c.decided_by, decided_at=c.decided_at, verdict_before=c.verdict_before,
                verdict_after=(c.verdict_after_text or c.verdict_before) if accepted else c.verdict_before,
                points_before=was.counted.earned if was else Decimal(0), points_after=now.counted.earned if now else Decimal(0),
            )
        )
    assert before.saq_verified is not None and after.saq_verified is not None
    return ObjectionResult(
        saq_before=before.saq_verified.score, saq_after=after.saq_verified.score,
        score_before=before.outcome.estimate_score, score_after=after.outcome.estimate_score, items=tuple(items),
    )
