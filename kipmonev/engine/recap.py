"""Building the recap (rekapitulasi) of a batch from per-body summaries.

Pure: built from per-body summaries; no I/O. Rules (cited by tests):

    B1  Ranking is per category, by final score (complete assessments only), highest first. Equal scores
        share a rank and the next rank skips (1, 2, 2, 4); within a tie rows are listed by name, then ID.
        Bodies without a final score are listed after the ranked ones, unranked.
    B2  Qualification counts per category use the final band; bodies without a final score are counted
        as "belum final", never in a band.
    B3  Funnel: files in the batch → read and scored → SAQ complete (no unanswered question) → passed the
        gate (everyone, where the rules have no gate) → complete in every stage (final score given).
    B4  Indicator averages use each body's basis track (verified where present): the mean of the
        indicator's percentage (earned ÷ possible × 100) over the bodies where it applies. The weakest
        indicators of a category are the three lowest averages.
    B5  Year over year matches bodies by rule M1 (:mod:`kipmonev.engine.matching`: the ID, or the name when
        neither has an ID); the change is this year's headline score minus last year's.
    B6  With a roster, the funnel starts at the roster: invited → sent (anything but a blank template) →
        complete → verified → passed the gate → final. Only roster bodies are ranked; a blank template or
        a file for an ID not on the roster is a problem of that file. Bodies without a scorable version
        are listed by name with their status, never with a score.
    B7  Each gate gets its funnel step: bodies that reached it, passed, failed and are undecided, and the
        names of those that passed (by category, then name). "Passed the gate" in B3 counts the bodies that
        passed every gate they met and failed none.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

from kipmonev.engine.matching import BodyKey, body_key
from kipmonev.model.recap import (
    BandCounts,
    BodyRow,
    CategoryParticipation,
    ErrorRow,
    Funnel,
    GateCell,
    GateStep,
    IndicatorAverage,
    IndicatorCell,
    NonParticipant,
    Participation,
    Previous,
    Recap,
    StageCell,
)
from kipmonev.model.result import Assessment, BandResult
from kipmonev.model.round import STATUS_LABELS, BodyStatus, RosterEntry


def row_from_assessment(a: Assessment, file: str, result_file: str | None = None, stage_notes: dict[str, str] | None = None) -> BodyRow:
    """Summarise one Assessment for the recap (no recomputation: values are copied)."""
    basis = a.saq_verified or a.saq_self
    notes = stage_notes or {}
    return BodyRow(
        file=file,
        body_id=a.body.id,
        name=a.body.name,
        category=a.questionnaire.category,
        questionnaire_id=a.questionnaire.id,
        commission=a.questionnaire.commission,
        year=a.questionnaire.year,
        saq_self=a.saq_self.score,
        saq_verified=a.saq_verified.score if a.saq_verified else None,
        stages=tuple(StageCell(code=s.code, name=s.name, score=s.score, note=notes.get(s.code)) for s in a.stages[1:]),
        gate_passed=_passed_all(a),
        gates=tuple(GateCell(label=g.label or "", reached=g.reached, passed=g.passed, score=g.score, rank=g.rank) for g in a.gates),
        final_score=a.outcome.final_score,
        band=a.outcome.band,
        estimate_score=a.outcome.estimate_score,
        estimate_band=a.outcome.estimate_band,
        complete=a.outcome.complete,
        reasons=a.outcome.reasons,
        indicators=tuple(IndicatorCell(code=i.code, name=i.name, weight=i.weight, percent=i.percent, contribution=i.contribution) for i in basis.indicators),
        missing_answers=a.counts.missing,
        no_evidence=a.counts.no_evidence,
        answered=a.counts.answered,
        result_file=result_file,
        notices=a.notices,
        signoff=a.signoff.label if a.signoff else None,
    )


def _passed_all(a: Assessment) -> bool | None:
    """True when the body failed no gate and passed the first, False when it failed one, None without gates."""
    gates = a.gates or ((a.gate,) if a.gate else ())
    if not gates:
        return None
    if any(g.passed is False for g in gates):
        return False
    return gates[0].passed


def _gate_steps(rows: list[BodyRow]) -> tuple[GateStep, ...]:
    """Rule B7."""
    labels: dict[tuple[int, str], list[tuple[BodyRow, GateCell]]] = defaultdict(list)
    for row in rows:
        for i, cell in enumerate(row.gates):
            labels[(i, cell.label)].append((row, cell))
    steps = []
    for (i, label), cells in sorted(labels.items()):
        reached = [(r, c) for r, c in cells if c.reached]
        names = [r.name for r, c in sorted(reached, key=lambda rc: (rc[0].category.casefold(), rc[0].name.casefold())) if c.passed]
        steps.append(
            GateStep(
                index=i + 1,
                label=label,
                reached=len(reached),
                passed=sum(1 for _, c in reached if c.passed),
                failed=sum(1 for _, c in reached if c.passed is False),
                undecided=sum(1 for _, c in reached if c.passed is None),
                passed_names=tuple(names),
            )
        )
    return tuple(steps)


def competition_ranks(entries: Sequence[tuple[Decimal, str, str]]) -> list[tuple[int, int]]:
    """Rule B1 for any scored entries ``(score, name, id)``: ``(index into entries, rank)``, best first.

    Equal scores share a rank and the next rank skips (1, 2, 2, 4); within a tie by name, then ID.
    """
    order = sorted(range(len(entries)), key=lambda i: (-entries[i][0], entries[i][1].casefold(), entries[i][2]))
    out: list[tuple[int, int]] = []
    for position, i in enumerate(order, start=1):
        rank = out[-1][1] if out and entries[out[-1][0]][0] == entries[i][0] else position
        out.append((i, rank))
    return out


def _rank(rows: list[BodyRow]) -> list[BodyRow]:
    """Rule B1 within one category."""
    scored = [r for r in rows if r.final_score is not None]
    ranks = competition_ranks([(r.final_score or Decimal(0), r.name, r.body_id or "") for r in scored])
    out = [scored[i].model_copy(update={"rank": rank}) for i, rank in ranks]
    rest = sorted((r for r in rows if r.final_score is None), key=lambda r: (-r.estimate_score, r.name.casefold(), r.body_id or ""))
    return out + [r.model_copy(update={"rank": None}) for r in rest]


def _average(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def build_recap(
    rows: list[BodyRow],
    errors: list[ErrorRow],
    files: int,
    bands: tuple[BandResult, ...],
    date: str,
    previous: dict[BodyKey, Previous] | None = None,
    participation: Participation | None = None,
    warnings: list[ErrorRow] | None = None,
) -> Recap:
    """Rank, count and average the scored rows (rules B1–B5 and B7; B6 is :func:`build_participation`)."""
    if previous is not None:
        rows = [r.model_copy(update={"previous": previous[key]}) if (key := body_key(r.body_id, r.name)) in previous else r for r in rows]
    by_category: dict[str, list[BodyRow]] = defaultdict(list)
    for row in rows:
        by_category[row.category].append(row)
    ordered: list[BodyRow] = []
    counts: list[BandCounts] = []
    indicators: list[IndicatorAverage] = []
    for category in sorted(by_category):
        group = _rank(by_category[category])
        ordered += group
        per_band = {b.code: sum(1 for r in group if r.band is not None and r.band.code == b.code) for b in bands}
        counts.append(BandCounts(category=category, counts=per_band, not_final=sum(1 for r in group if r.band is None), total=len(group)))
        indicators += _indicator_averages(category, group)
    funnel = Funnel(
        files=files,
        scored=len(rows),
        saq_complete=sum(1 for r in rows if r.missing_answers == 0),
        passed_gate=sum(1 for r in rows if r.gate_passed is not False),
        complete=sum(1 for r in rows if r.complete),
        gates=_gate_steps(rows),
    )
    return Recap(
        date=date,
        bands=bands,
        rows=tuple(ordered),
        errors=tuple(sorted(errors, key=lambda e: (e.file, e.where, e.code))),
        warnings=tuple(warnings or ()),
        band_counts=tuple(counts),
        funnel=funnel,
        indicators=tuple(indicators),
        has_previous=previous is not None,
        participation=participation,
    )


def status_of_row(row: BodyRow | None) -> BodyStatus:
    """A roster body's status from its scored row, when there is no round log (``score --roster``)."""
    if row is None:
        return BodyStatus.NOT_SENT
    if row.answered == 0:
        return BodyStatus.BLANK
    if row.missing_answers:
        return BodyStatus.INCOMPLETE
    if row.no_evidence:
        return BodyStatus.NO_EVIDENCE
    return BodyStatus.COMPLETE


def build_participation(roster: Sequence[RosterEntry], rows: Sequence[BodyRow], statuses: Mapping[str, BodyStatus]) -> Participation:
    """Rule B6 over the roster; ``rows`` are the scored roster bodies, ``statuses`` every body's status by ID."""
    scored = {(r.body_id or "").casefold(): r for r in rows}
    sent = {BodyStatus.NEEDS_FIX, BodyStatus.INCOMPLETE, BodyStatus.NO_EVIDENCE, BodyStatus.COMPLETE}

    def status(entry: RosterEntry) -> BodyStatus:
        return statuses.get(entry.id, BodyStatus.NOT_SENT)

    mine = [scored[e.id.casefold()] for e in roster if e.id.casefold() in scored]
    categories = list(dict.fromkeys(e.category for e in roster))
    return Participation(
        invited=len(roster),
        sent=sum(1 for e in roster if status(e) in sent),
        complete=sum(1 for r in mine if r.missing_answers == 0),
        verified=sum(1 for r in mine if r.saq_verified is not None),
        passed_gate=sum(1 for r in mine if r.gate_passed is not False),
        final=sum(1 for r in mine if r.final_score is not None),
        by_category=tuple(
            CategoryParticipation(
                category=c,
                invited=sum(1 for e in roster if e.category == c),
                sent=sum(1 for e in roster if e.category == c and status(e) in sent),
                final=sum(1 for e in roster if e.category == c and e.id.casefold() in scored and scored[e.id.casefold()].final_score is not None),
            )
            for c in categories
        ),
        non_participants=tuple(
            NonParticipant(body_id=e.id, name=e.name, category=e.category, parent=e.parent, status=status(e).value, status_label=STATUS_LABELS[status(e)])
            for e in roster
            if e.id.casefold() not in scored
        ),
    )


def _indicator_averages(category: str, group: list[BodyRow]) -> list[IndicatorAverage]:
    names: dict[str, str] = {}
    values: dict[str, list[Decimal]] = defaultdict(list)
    for row in group:
        for cell in row.indicators:
            names.setdefault(cell.code, cell.name)
            if cell.percent is not None:
                values[cell.code].append(cell.percent)
    averages = {code: _average(values[code]) for code in names}
    weakest = sorted((code for code in names if averages[code] is not None), key=lambda c: (averages[c], c))[:3]
    return [
        IndicatorAverage(
            category=category,
            code=code,
            name=names[code],
            average_percent=averages[code],
            bodies=len(values[code]),
            weakest_rank=weakest.index(code) + 1 if code in weakest else None,
        )
        for code in names
    ]


def previous_from_recap(recap: Recap) -> dict[BodyKey, Previous]:
    """Last year's headline per body (rule M1), from last year's recap (rule B5; change filled in later)."""
    return {
        body_key(r.body_id, r.name): Previous(score=r.estimate_score, band=(r.band or r.estimate_band).name, complete=r.complete, change=Decimal(0))
        for r in recap.rows
    }


def with_changes(rows: list[BodyRow], previous: dict[BodyKey, Previous]) -> dict[BodyKey, Previous]:
    """Fill in each matched body's change (this year's headline minus last year's), keyed by :func:`body_key`."""
    current = {body_key(r.body_id, r.name): r for r in rows}
    return {
        body: prev.model_copy(update={"change": current[body].estimate_score - prev.score})
        for body, prev in previous.items()
        if body in current
    }
