"""Compare two result sets (or two single results): per body and per indicator, what went up and down."""

from __future__ import annotations

from decimal import Decimal

from pydantic import Field

from kipmonev.engine.matching import pair_by_key_then_name
from kipmonev.model.base import Frozen, Score
from kipmonev.model.recap import BodyRow


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
    old_final: bool = Field(description="Nilai lama adalah nilai akhir; salah berarti perkiraan.")
    new_score: Score
    new_band: str
    new_final: bool = Field(description="Nilai baru adalah nilai akhir; salah berarti perkiraan.")
    change: Score
    indicators: tuple[IndicatorChange, ...]
    matched_by_name: bool = Field(False, description="Dicocokkan menurut nama (aturan M2) karena ID-nya berbeda di kedua sisi.")
    old_key: str = Field(description="ID (atau nama) badan publik di hasil lama.")
    old_name: str = Field(description="Nama badan publik di hasil lama.")


class OneSide(Frozen):
    """A body found in one of the two sets only."""

    key: str
    name: str
    category: str


class Comparison(Frozen):
    """Everything that changed between two result sets."""

    bodies: tuple[BodyChange, ...]
    only_old: tuple[OneSide, ...]
    only_new: tuple[OneSide, ...]

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


def _one_side(row: BodyRow) -> OneSide:
    return OneSide(key=row.body_id or row.name, name=row.name, category=row.category)


def compare(old: list[BodyRow], new: list[BodyRow]) -> Comparison:
    """Pair bodies (rules M1 and M2, :mod:`kipmonev.engine.matching`) and list the changes, largest rise first."""
    pairing = pair_by_key_then_name(old, new, lambda r: (r.body_id, r.name))
    changes = []
    for pair in pairing.pairs:
        a, b = pair.old, pair.new
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
                old_final=a.complete,
                new_score=b.estimate_score,
                new_band=(b.band or b.estimate_band).name,
                new_final=b.complete,
                change=b.estimate_score - a.estimate_score,
                indicators=indicators,
                matched_by_name=pair.by_name,
                old_key=a.body_id or a.name,
                old_name=a.name,
            )
        )
    changes.sort(key=lambda c: (-c.change, c.name.casefold()))
    return Comparison(
        bodies=tuple(changes),
        only_old=tuple(sorted((_one_side(r) for r in pairing.only_old), key=lambda o: (o.key.casefold(), o.name))),
        only_new=tuple(sorted((_one_side(r) for r in pairing.only_new), key=lambda o: (o.key.casefold(), o.name))),
    )
