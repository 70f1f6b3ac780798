"""The body report's sanggah section: the scores before and after sanggah and each claim with its decision.

Built from the result's ``objection`` section only (rule O5 of :mod:`kipmonev.engine.objection`); the
template and the workbook display it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from kipmonev.core.formatting import format_long_date, format_timestamp
from kipmonev.model.result import Assessment
from kipmonev.outputs.report import sanggah_labels as sl


@dataclass(frozen=True)
class ObjectionRow:
    """One claim as the report shows it."""

    code: str
    claim: str
    claimed: str
    evidence: str
    received: str
    decision: str
    decided: bool
    reason: str
    decided_by: str
    verdict_before: str
    verdict_after: str
    points_before: Decimal
    points_after: Decimal


@dataclass(frozen=True)
class ObjectionView:
    """The section: both scores (SAQ and headline) and the claims."""

    saq_before: Decimal
    saq_after: Decimal
    score_before: Decimal
    score_after: Decimal
    summary: str
    rows: tuple[ObjectionRow, ...]


def objection_view(a: Assessment) -> ObjectionView | None:
    """The section's view, or ``None`` for a result without sanggah."""
    o = a.objection
    if o is None:
        return None
    rows = tuple(
        ObjectionRow(
            code=i.code, claim=i.claim, claimed=i.claimed or sl.NOTHING, evidence=i.evidence or sl.NOTHING, received=format_long_date(dt.date.fromisoformat(i.received)),
            decision=sl.DECISION_LABELS[i.decision.value] if i.decision else sl.PENDING, decided=i.decision is not None, reason=i.reason or sl.NOTHING,
            decided_by=sl.DECIDED_BY.text(by=i.decided_by, when=format_timestamp(dt.datetime.fromisoformat(i.decided_at))) if i.decided_by and i.decided_at else sl.NOTHING,
            verdict_before=i.verdict_before, verdict_after=i.verdict_after, points_before=i.points_before, points_after=i.points_after,
        )
        for i in o.items
    )
    accepted = sum(1 for i in o.items if i.decision is not None and i.decision.value == "diterima")
    pending = sum(1 for i in o.items if i.decision is None)
    summary = sl.SUMMARY.text(count=len(rows), accepted=accepted, rejected=len(rows) - accepted - pending, pending=pending)
    return ObjectionView(o.saq_before, o.saq_after, o.score_before, o.score_after, summary, rows)
