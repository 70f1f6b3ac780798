"""Keeping a batch's memory to its rows: one instance of each value that many rows repeat.

Every outcome arrives from a worker unpickled, so each row brings its own copies of values that are the
same for every body of a rule set or edition (the bands, each band twice more as the row's band and
estimate, the indicator cells, stage and gate cells, the rules of a ranking gate). Frozen models are
values, so the parent keeps the first instance of each and drops the copies: what a row then adds to the
batch's memory is only what is its own (its name, file, scores and where its notices are); a notice's
message repeats across bodies (the same unanswered question, the same missing link) and is kept once.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TypeVar

from pydantic import BaseModel

from kipmonev.model.questionnaire import Rules
from kipmonev.model.recap import BodyRow
from kipmonev.model.result import BandResult
from kipmonev.model.submission import Notice

__all__ = ["SharedValues"]

T = TypeVar("T")


class SharedValues:
    """The parent's store of repeated values; :meth:`row` returns a row whose repeated parts are shared."""

    def __init__(self) -> None:
        """An empty store."""
        self._values: dict[object, object] = {}
        self._rules: dict[str, Rules] = {}

    def one(self, value: T) -> T:
        """The stored instance identical in value to ``value`` (``value`` itself the first time)."""
        kept = self._values.setdefault(_key(value), value)
        return kept  # type: ignore[return-value]  # one key, one type: the key holds the type

    def bands(self, bands: tuple[BandResult, ...]) -> tuple[BandResult, ...]:
        """One instance of a rule set's bands, each band shared with the rows."""
        return self.one(tuple(self.one(b) for b in bands))

    def rules(self, rules: Rules) -> Rules:
        """One instance of equal rules (they hold lists and dicts, so they are compared by their JSON)."""
        return self._rules.setdefault(rules.model_dump_json(), rules)

    def row(self, row: BodyRow) -> BodyRow:
        """``row`` with its bands, indicator, stage and gate cells and repeated texts shared."""
        return row.model_copy(
            update={
                "category": self.one(row.category),
                "questionnaire_id": self.one(row.questionnaire_id),
                "commission": self.one(row.commission),
                "band": None if row.band is None else self.one(row.band),
                "estimate_band": self.one(row.estimate_band),
                "indicators": self.one(tuple(self.one(c) for c in row.indicators)),
                "stages": self.one(tuple(self.one(s) for s in row.stages)),
                "gates": self.one(tuple(self.one(g) for g in row.gates)),
                "reasons": self.one(row.reasons),
                "notices": tuple(self._notice(n) for n in row.notices),
            }
        )

    def _notice(self, notice: Notice) -> Notice:
        """A notice with its message shared: the same problem in many bodies' files reads the same, only its place differs."""
        return notice.model_copy(update={"code": self.one(notice.code), "message": self.one(notice.message)})


def _key(value: object) -> object:
    """A key that tells apart what ``==`` does not.

    ``Decimal("1.0")`` and ``Decimal("1.00")`` (they print differently in the JSON), ``True`` and ``1``,
    models of different classes with equal fields.
    """
    if isinstance(value, BaseModel):
        return (type(value), *(_key(v) for v in value.__dict__.values()))
    if isinstance(value, tuple):
        return (tuple, *(_key(v) for v in value))
    if isinstance(value, Decimal):
        return (Decimal, str(value))
    return (type(value), value)
