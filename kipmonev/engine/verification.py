"""The commission's verification in a round, derived from the event log. Pure: events, roster, editions in.

Rules (cited by tests):

    V1  A body's verifier is named by its latest ``verification.assigned`` event (a reassignment is a new
        event; the old verifier's verdicts stay in the log and still count for the same submission).
    V2  A verdict belongs to the exact submission it judged (``data.isian``, the received file's SHA-256).
        Only verdicts on the body's current version count; a new version starts unverified.
    V3  Per item and role (first verifier, second opinion), the latest ``verification.recorded`` counts.
    V4  An item's verified answer: a pleno decision (``verification.resolved``) when there is one; else the
        first verdict, unless a second-opinion verdict differs from it (a clash: never resolved silently, the
        item stays unverified, ``belum diverifikasi``, until the pleno decides); else the second verdict alone.
    V5  What needs verifying: every question the body answered (a question left blank earns nothing on
        either track, as scoring rule S5 says). Pending items name the pack's Jawaban Verifikasi cell.
    V6  The second-opinion sample is reproducible: ``percent`` % of the answered items of bodies with a
        current version (rounded half up, at least one), drawn with ``random.Random(seed)`` from the items in
        (body ID, question order); the second verifier of a body is drawn from the rest of the team with the
        same seed. The seed is recorded in the ``second_opinion.sampled`` events.
    V7  Agreement per (first, second) verifier pair over the sampled items both decided on the current
        version, by :func:`kipmonev.engine.agreement.agreement` (rules A1-A3).
    V8  A verdict reads as the answer label, the verifier-scale level, 'Tidak Berlaku', a number, or the
        checklist items credited; two verdicts agree when they read the same (case-insensitively).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from openpyxl.utils import get_column_letter

from kipmonev.core.formatting import format_number, format_percent, format_plain
from kipmonev.engine.agreement import agreement
from kipmonev.engine.problems_verification import NO_ITEMS
from kipmonev.formats import workbook_texts as wtx
from kipmonev.formats.workbook_layout import COLUMNS, HEADER_ROW, answer_rows
from kipmonev.model.questionnaire import NA_LABEL, YES_LABEL, AnyQuestion, ChecklistQuestion, ChoiceQuestion, Questionnaire, YesNoQuestion
from kipmonev.model.round import Event, RosterEntry
from kipmonev.model.submission import Answer
from kipmonev.model.verification import (
    BodyVerification,
    Clash,
    PairAgreement,
    Pending,
    Role,
    Verdict,
    VerificationState,
    VerifierLoad,
)

ASSIGNED = "verification.assigned"
RECORDED = "verification.recorded"
SAMPLED = "second_opinion.sampled"
RESOLVED = "verification.resolved"


def verdict_text(answer: Answer) -> str:
    """How a verdict reads (rule V8)."""
    if answer.not_applicable:
        return NA_LABEL
    value = answer.value
    if isinstance(value, tuple):
        return ", ".join(value) if value else NO_ITEMS.text()
    if isinstance(value, Decimal):
        return format_plain(value)
    return value or ""


def verdict_key(answer: Answer) -> str:
    """What two verdicts are compared by (rule V8)."""
    if isinstance(answer.value, tuple) and not answer.not_applicable:
        return "\x1f".join(sorted(answer.value)).casefold()
    return verdict_text(answer).strip().casefold()


def credits(q: AnyQuestion, answer: Answer) -> bool:
    """Whether a verdict gives the question points: 'Ya', an option or level with points, a checklist item met, a number."""
    if answer.not_applicable or answer.is_blank:
        return False
    if q.verifier_scale:
        points = q.level_points(str(answer.value))
        return points is not None and points > 0
    if isinstance(q, YesNoQuestion):
        return str(answer.value).strip().casefold() == YES_LABEL.casefold() and q.points > 0
    if isinstance(q, ChoiceQuestion):
        key = str(answer.value).strip().casefold()
        return any(o.points > 0 and o.label.strip().casefold() == key for o in q.options)
    if isinstance(q, ChecklistQuestion):
        return bool(answer.value)
    return True  # a number: its range decides, and any answered number is checked against its evidence


def assignments(events: Sequence[Event]) -> dict[str, str]:
    """Case-folded body ID → its verifier (rule V1)."""
    out: dict[str, str] = {}
    for e in events:
        if e.kind == ASSIGNED and e.new:
            out[e.subject.casefold()] = e.new
    return out


def samples(events: Sequence[Event]) -> dict[tuple[str, str], Event]:
    """(case-folded body ID, submission) → its latest ``second_opinion.sampled`` event."""
    out: dict[tuple[str, str], Event] = {}
    for e in events:
        if e.kind == SAMPLED:
            out[(e.subject.casefold(), str(e.data.get("isian", "")))] = e
    return out


def verdicts(events: Sequence[Event]) -> dict[tuple[str, str, str, Role], Verdict]:
    """(case-folded body ID, submission, question code, role) → the latest verdict (rules V2, V3)."""
    out: dict[tuple[str, str, str, Role], Verdict] = {}
    for e in events:
        if e.kind != RECORDED:
            continue
        answer = Answer.model_validate(e.data["jawaban"])
        role = Role(e.data.get("peran", Role.FIRST.value))
        v = Verdict(
            body_id=e.subject, code=str(e.data["butir"]), submission=str(e.data["isian"]), role=role, verifier=str(e.data["verifikator"]),
            answer=answer, text=verdict_text(answer), seq=e.seq, at=e.at,
        )
        out[(e.subject.casefold(), v.submission, v.code, role)] = v
    return out


def resolutions(events: Sequence[Event]) -> dict[tuple[str, str, str], Answer]:
    """(case-folded body ID, submission, question code) → the pleno's decision (rule V4)."""
    out: dict[tuple[str, str, str], Answer] = {}
    for e in events:
        if e.kind == RESOLVED:
            out[(e.subject.casefold(), str(e.data["isian"]), str(e.data["butir"]))] = Answer.model_validate(e.data["jawaban"])
    return out


def verify_cells(q: Questionnaire) -> dict[str, str]:
    """Question code → its Jawaban Verifikasi cell in a verifier pack (``Kuesioner!I12``)."""
    column = get_column_letter(COLUMNS[wtx.COL_VERIFY])
    cells: dict[str, str] = {}
    for i, row in enumerate(answer_rows(q), start=1):
        question = row.question
        if question is None:
            continue
        cell = f"{wtx.SHEET_ANSWERS}!{column}{HEADER_ROW + i}"
        if row.item is None:
            cells[question.code] = cell
        elif isinstance(question, ChecklistQuestion) and not question.allow_na and row.item == question.items[0].code:
            cells[question.code] = cell  # a checklist is verified item by item: its first item's cell
    return cells


def to_verify(q: Questionnaire, answers: Mapping[str, Answer]) -> tuple[str, ...]:
    """The questions a verifier decides, in questionnaire order (rule V5)."""
    return tuple(qq.code for qq in q.questions if (a := answers.get(qq.code)) is not None and not a.is_blank)


def sample_size(total: int, percent: Decimal) -> int:
    """How many of ``total`` items a ``percent`` % sample holds (rule V6)."""
    if total == 0 or percent <= 0:
        return 0
    k = int((Decimal(total) * percent / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return min(total, max(1, k))


def draw_sample(items: Sequence[tuple[str, str]], percent: Decimal, seed: int) -> list[tuple[str, str]]:
    """A reproducible ``percent`` % of ``items`` ((body ID, code) in round order), kept in that order (rule V6)."""
    rng = random.Random(seed)
    chosen = set(rng.sample(range(len(items)), sample_size(len(items), percent)))
    return [item for i, item in enumerate(items) if i in chosen]


def second_verifier(team: Sequence[str], first: str, body_id: str, seed: int) -> str | None:
    """The second verifier of a body: one of the team other than its first verifier (rule V6)."""
    others = sorted(v for v in set(team) if v != first)
    if not others:
        return None
    return random.Random(f"{seed}:{body_id}").choice(others)


def _body(
    entry: RosterEntry, current: str | None, q: Questionnaire | None, answers: Mapping[str, Answer], assigned: dict[str, str],
    all_verdicts: dict[tuple[str, str, str, Role], Verdict], decided_by_pleno: dict[tuple[str, str, str], Answer], sampled: dict[tuple[str, str], Event],
) -> BodyVerification:
    key = entry.id.casefold()
    base = BodyVerification(body_id=entry.id, name=entry.name, category=entry.category, submission=current, verifier=assigned.get(key))
    if current is None or q is None:
        return base
    sample = sampled.get((key, current))
    sample_codes = tuple(str(c) for c in sample.data.get("butir", [])) if sample else ()
    needed = to_verify(q, answers)
    cells = verify_cells(q)
    decided: dict[str, Answer] = {}
    pending: list[Pending] = []
    clashes: list[Clash] = []
    for code in needed:
        pleno = decided_by_pleno.get((key, current, code))
        first = all_verdicts.get((key, current, code, Role.FIRST))
        second = all_verdicts.get((key, current, code, Role.SECOND))
        if pleno is not None:
            decided[code] = pleno
        elif first is not None and second is not None and verdict_key(first.answer) != verdict_key(second.answer):
            clashes.append(Clash(body_id=entry.id, code=code, first=first, second=second))
            pending.append(Pending(code=code, cell=cells.get(code, wtx.SHEET_ANSWERS), clash=True))
        elif first is not None or second is not None:
            chosen = first or second
            assert chosen is not None
            decided[code] = chosen.answer
        else:
            pending.append(Pending(code=code, cell=cells.get(code, wtx.SHEET_ANSWERS)))
    return base.model_copy(
        update={
            "second_verifier": str(sample.new) if sample and sample.new else None,
            "sampled": sample_codes,
            "decided": decided,
            "to_verify": len(needed),
            "pending": tuple(pending),
            "clashes": tuple(clashes),
        }
    )


def _exact(value: Fraction | None) -> str | None:
    return None if value is None else f"{value.numerator}/{value.denominator}"


def verification_state(
    events: Sequence[Event],
    roster: Sequence[RosterEntry],
    current: Mapping[str, str],
    editions: Mapping[str, Questionnaire],
    answers: Mapping[str, Mapping[str, Answer]],
) -> VerificationState:
    """Every roster body's verification of its current version, the verifiers' loads and agreement (V1-V8).

    Args:
        events: The round's log, oldest first.
        roster: The invited bodies.
        current: Case-folded body ID → SHA-256 of its current (scorable) version.
        editions: Category → the edition (with the round's rules).
        answers: SHA-256 of a submission → the body's answers in it.
    """
    assigned = assignments(events)
    all_verdicts = verdicts(events)
    pleno = resolutions(events)
    sampled = samples(events)
    bodies = tuple(
        _body(e, current.get(e.id.casefold()), editions.get(e.category), answers.get(current.get(e.id.casefold(), ""), {}), assigned, all_verdicts, pleno, sampled)
        for e in roster
    )
    # A verifier with no body yet is listed too, with zeros.
    loads: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0], {name: [0, 0, 0, 0] for name in assigned.values()})
    pairs: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for b in bodies:
        if b.verifier is None:
            continue
        key = b.body_id.casefold()
        load = loads[b.verifier]
        load[0] += 1
        needed = [p.code for p in b.pending] + list(b.decided)
        mine = [c for c in needed if b.submission and (key, b.submission, c, Role.FIRST) in all_verdicts]
        load[1] += 1 if b.submission and len(mine) == b.to_verify else 0
        load[2] += b.to_verify
        load[3] += len(mine)
        if b.second_verifier and b.submission:
            other = loads[b.second_verifier]
            other[2] += len(b.sampled)
            for code in b.sampled:
                first = all_verdicts.get((key, b.submission, code, Role.FIRST))
                second = all_verdicts.get((key, b.submission, code, Role.SECOND))
                if second is not None:
                    other[3] += 1
                if first is not None and second is not None:
                    pairs[(first.verifier, second.verifier)].append((verdict_key(first.answer), verdict_key(second.answer)))
    agreements = []
    for (first_name, second_name), items in sorted(pairs.items()):
        a = agreement(items)
        agreements.append(
            PairAgreement(
                first=first_name, second=second_name, items=a.items, agreed=a.agreed,
                percent=None if a.percent is None else format_percent(Decimal(a.percent.numerator) / Decimal(a.percent.denominator)),
                kappa=None if a.kappa is None else format_number(Decimal(a.kappa.numerator) / Decimal(a.kappa.denominator), 2),
                percent_exact=_exact(a.percent), kappa_exact=_exact(a.kappa),
            )
        )
    verifiers = tuple(VerifierLoad(verifier=name, bodies=v[0], bodies_done=v[1], items=v[2], items_done=v[3]) for name, v in sorted(loads.items()))
    return VerificationState(bodies=bodies, verifiers=verifiers, pairs=tuple(agreements), clashes=tuple(c for b in bodies for c in b.clashes))
