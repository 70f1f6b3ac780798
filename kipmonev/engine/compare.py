"""Compare two result sets (or two single results): per body and per indicator, what went up and down."""

from __future__ import annotations

from decimal import Decimal

from kipmonev.engine.matching import body_key
from kipmonev.model.base import Frozen
from kipmonev.model.recap import BodyRow
from kipmonev.model.result import Score


class IndicatorChange(Frozen):
    """One indicator's percentage before and after."""

    code: str
    name: str
    old_percent: Score | None
    new_percent: Score | None
    change: Score | None


class BodyChange(Frozen):
    """One body present in both sets."""

    key: str
    name: str
    category: str
    old_score: Score
    old_band: str
    new_score: Score
    new_band: str
    change: Score
    indicators: tuple[IndicatorChange, ...]


class Comparison(Frozen):
    """Everything that changed between two result sets."""

    bodies: tuple[BodyChange, ...]
    only_old: tuple[str, ...]
    only_new: tuple[str, ...]

    @property
    def up(self) -> int:
        """Bodies whose score rose."""
        return sum(1 for b in self.bodies if b.change > 0)

    @property
    def down(self) -> int:
        """Bodies whose score fell."""
        return sum(1 for b in self.bodies if b.change < 0)


def _diff(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    return None if a is None or b is None else b - a


def compare(old: list[BodyRow], new: list[BodyRow]) -> Comparison:
    """Match bodies (rule M1, :mod:`kipmonev.engine.matching`) and list the changes, largest rise first."""
    before = {body_key(r.body_id, r.name): r for r in old}
    after = {body_key(r.body_id, r.name): r for r in new}
    changes = []
    for key in sorted(before.keys() & after.keys()):
        a, b = before[key], after[key]
        old_ind = {i.code: i for i in a.indicators}
        indicators = tuple(
            IndicatorChange(
                code=i.code,
                name=i.name,
                old_percent=old_ind[i.code].percent if i.code in old_ind else None,
                new_percent=i.percent,
                change=_diff(old_ind[i.code].percent if i.code in old_ind else None, i.percent),
            )
            for i in b.indicators
        )
        changes.append(
            BodyChange(
                key=b.body_id or b.name,
                name=b.name,
                category=b.category,
                old_score=a.estimate_score,
                old_band=(a.band or a.estimate_band).name,
                new_score=b.estimate_score,
                new_band=(b.band or b.estimate_band).name,
                change=b.estimate_score - a.estimate_score,
                indicators=indicators,
            )
        )
    changes.sort(key=lambda c: (-c.change, c.name.casefold()))
    return Comparison(
        bodies=tuple(changes),
        only_old=tuple(sorted(before[k].body_id or before[k].name for k in before.keys() - after.keys())),
        only_new=tuple(sorted(after[k].body_id or after[k].name for k in after.keys() - before.keys())),
    )
