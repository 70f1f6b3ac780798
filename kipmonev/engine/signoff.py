"""Sign-off, penetapan and corrections in a round, derived from the event log. Pure: events in, models out.

Rules (cited by tests):

    F1  A body's status: ``ditetapkan`` once the pleno fixed it (``penetapan.recorded``); else ``dijamin mutu``
        with a sign-off that counts (F2); else ``belum dinilai`` without a current version, ``belum
        diverifikasi`` while an item has no verdict that counts, ``diverifikasi`` otherwise.
    F2  A sign-off counts only for the submission it names and while no event that changes the result
        (a new current version, a verdict, a pleno's choice between verdicts, a sanggah decision, a panelist's
        stage score) came after it;
        otherwise it is listed as lapsed.
    F3  A result is final only after every sign-off ``pengesahan`` in ``putaran.yaml`` requires (both by
        default); until then its outcome is not complete and says why (the first level missing).
    F4  A sign-off needs a fully verified body and its latest recap result; ``ditetapkan`` needs ``dijamin
        mutu`` first when both are required (checked by :mod:`kipmonev.app.round.signoff`).
    F5  Penetapan is binding: a fixed body keeps its fixed score whatever is recomputed later (a difference is
        a notice); it changes only by a correction, a new event with its SK, and the latest correction counts.
    F6  The annex of one SK lists the bodies it fixed per category, ranked by rule B1 (ties share a rank) on
        their fixed score, corrections applied and noted with their SK.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

from kipmonev.core.errors import Location
from kipmonev.core.formatting import format_number
from kipmonev.engine import problems_signoff as ps
from kipmonev.engine.recap import competition_ranks
from kipmonev.model.result import Assessment, BandResult
from kipmonev.model.round import Event, RosterEntry
from kipmonev.model.signoff import (
    Annex,
    AnnexRow,
    BodySignOff,
    CorrectionResult,
    Penetapan,
    SignOffLevel,
    SignOffMark,
    SignOffResult,
    SignOffStatus,
)
from kipmonev.model.submission import Notice

SIGNED = "signoff.recorded"
FIXED = "penetapan.recorded"
CORRECTED = "correction.recorded"
#: Event kinds that change a body's result (rule F2); the sanggah round's kinds start with ``sanggah.``;
#: a panelist's later-stage score (``stage.scored``) changes the stage and so the final score.
CHANGES = frozenset({"submission.current", "verification.recorded", "verification.resolved", "stage.scored"})


def _changes(kind: str) -> bool:
    return kind in CHANGES or kind.startswith("sanggah.")


def _penetapan(event: Event) -> Penetapan:
    d = event.data
    return Penetapan(
        sk=str(d["sk"]), date=str(d["tanggal"]), seq=event.seq, at=event.at, score=Decimal(str(d["skor"])),
        band_code=str(d["kode_kualifikasi"]), band_name=str(d["kualifikasi"]), band_color=str(d["warna"]), result=d.get("hasil"),
    )


def _correction(event: Event) -> CorrectionResult:
    d = event.data
    return CorrectionResult(
        sk=str(d["sk"]), old=Decimal(str(d["skor_lama"])), new=Decimal(str(d["skor"])), old_band=str(d["kualifikasi_lama"]), new_band=str(d["kualifikasi"]),
        new_band_code=str(d["kode_kualifikasi"]), new_band_color=str(d["warna"]), reason=event.reason or "", at=event.at, seq=event.seq,
    )


def _mark(event: Event) -> SignOffMark:
    return SignOffMark(level=SignOffLevel(event.data["kode_tingkat"]), seq=event.seq, at=event.at, actor=event.actor, result=event.data.get("hasil"), score=event.new)


def hold_reason(required: Sequence[SignOffLevel], reached: Iterable[SignOffLevel]) -> str | None:
    """Rule F3: why a result is not final yet (the first required level not reached), or ``None``."""
    done = set(reached)
    missing = next((level for level in required if level not in done), None)
    return ps.HOLDS[missing].text() if missing is not None else None


def body_signoff(
    events: Sequence[Event], entry: RosterEntry, submission: str | None, pending: int, required: Sequence[SignOffLevel]
) -> BodySignOff:
    """One body's sign-off state (rules F1-F3, F5) from the log, its current version and its unverified items."""
    key = entry.id.casefold()
    mine = [e for e in events if e.subject.casefold() == key]
    last_change = max((e.seq for e in mine if _changes(e.kind)), default=0)
    marks: list[SignOffMark] = []
    stale: list[SignOffMark] = []
    for e in mine:
        if e.kind == SIGNED:
            (marks if e.data.get("isian") == submission and e.seq > last_change and submission is not None else stale).append(_mark(e))
    fixed = next((_penetapan(e) for e in reversed(mine) if e.kind == FIXED), None)
    corrections = tuple(_correction(e) for e in mine if e.kind == CORRECTED and fixed is not None and e.seq > fixed.seq)
    reached = {m.level for m in marks} | ({SignOffLevel.QUALITY, SignOffLevel.FIXED} if fixed else set())
    if fixed is not None:
        status = SignOffStatus.FIXED
    elif SignOffLevel.QUALITY in reached:
        status = SignOffStatus.QUALITY
    elif submission is None:
        status = SignOffStatus.NO_RESULT
    elif pending:
        status = SignOffStatus.UNVERIFIED
    else:
        status = SignOffStatus.VERIFIED
    return BodySignOff(
        body_id=entry.id, name=entry.name, category=entry.category, submission=submission, status=status, label=ps.STATUS_LABELS[status],
        pending=pending, marks=tuple(marks), stale=tuple(stale), penetapan=fixed, corrections=corrections,
        hold=hold_reason(required, reached), last_change=last_change,
    )


def signoff_states(
    events: Sequence[Event], roster: Sequence[RosterEntry], submissions: Mapping[str, str], pending: Mapping[str, int], required: Sequence[SignOffLevel]
) -> dict[str, BodySignOff]:
    """Case-folded body ID → its sign-off state, for every roster body (``submissions`` and ``pending`` by case-folded ID)."""
    return {e.id.casefold(): body_signoff(events, e, submissions.get(e.id.casefold()), pending.get(e.id.casefold(), 0), required) for e in roster}


def fixed_score(body: BodySignOff) -> Decimal | None:
    """Rule F5: the score the pleno fixed, after the latest correction."""
    if body.penetapan is None:
        return None
    return body.corrections[-1].new if body.corrections else body.penetapan.score


def result_signoff(body: BodySignOff, required: Sequence[SignOffLevel]) -> SignOffResult:
    """What a body's result carries of its sign-off state."""
    return SignOffResult(
        status=body.status, label=body.label, required=tuple(required), hold=body.hold, sk=body.penetapan.sk if body.penetapan else None,
        date=body.penetapan.date if body.penetapan else None, corrections=body.corrections, fixed=fixed_score(body),
    )


def band_of(score: Decimal, bands: Sequence[BandResult]) -> BandResult:
    """The band whose inclusive lower bound the score reaches, highest first."""
    return max((b for b in bands if score >= b.lower), key=lambda b: b.lower, default=min(bands, key=lambda b: b.lower))


def apply_signoff(a: Assessment, s: SignOffResult, where: str) -> Assessment:
    """The result as the round's sign-off state makes it (rules F3, F5); ``where`` names the log for notices."""
    o = a.outcome
    notices = list(a.notices)
    if s.hold is not None:
        o = o.model_copy(update={"complete": False, "final_score": None, "band": None, "reasons": (*o.reasons, s.hold)})
    elif s.fixed is not None and o.complete and o.final_score is not None:
        if s.fixed != o.final_score and not s.corrections:
            notices.append(Notice.of(ps.FIXED_DIFFERS.at(Location(where), computed=format_number(o.final_score), fixed=format_number(s.fixed), sk=s.sk or "-")))
        band = band_of(s.fixed, a.rules.bands)
        o = o.model_copy(update={"final_score": s.fixed, "band": band, "estimate_score": s.fixed, "estimate_band": band})
    notices += [
        Notice.of(ps.CORRECTED.at(Location(where), body=a.body.id or a.body.name, sk=c.sk, old=format_number(c.old), new=format_number(c.new), old_band=c.old_band, new_band=c.new_band, reason=c.reason))
        for c in s.corrections
    ]
    return a.model_copy(update={"outcome": o, "signoff": s, "notices": tuple(notices)})


def annex_row(body: BodySignOff) -> AnnexRow:
    """A fixed body as the annex shows it (rank filled by :func:`build_annex`)."""
    assert body.penetapan is not None
    p = body.penetapan
    last = body.corrections[-1] if body.corrections else None
    note = " ".join(ps.CORRECTION_NOTE.text(sk=c.sk, old=format_number(c.old), new=format_number(c.new)) for c in body.corrections) or None
    return AnnexRow(
        rank=0, body_id=body.body_id, name=body.name, category=body.category, score=last.new if last else p.score,
        band_code=last.new_band_code if last else p.band_code, band_name=last.new_band if last else p.band_name,
        band_color=last.new_band_color if last else p.band_color, note=note,
    )


def build_annex(commission: str, year: int, sk: str, date: str, rows: Sequence[AnnexRow]) -> Annex:
    """Rule F6: the annex of one SK, per category (sorted), ranked with ties."""
    groups: dict[str, list[AnnexRow]] = {}
    for row in rows:
        groups.setdefault(row.category, []).append(row)
    categories = []
    for category in sorted(groups, key=str.casefold):
        members = groups[category]
        ranks = competition_ranks([(r.score, r.name, r.body_id) for r in members])
        categories.append((category, tuple(members[i].model_copy(update={"rank": rank}) for i, rank in ranks)))
    return Annex(commission=commission, year=year, sk=sk, date=date, categories=tuple(categories))
