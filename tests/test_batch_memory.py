"""The batch parent keeps one instance of each repeated value, and never merges values that print differently."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest

from kipmonev.app.batch_memory import SharedValues
from kipmonev.model.recap import BodyRow, IndicatorCell, StageCell
from kipmonev.model.result import BandResult
from kipmonev.model.submission import Notice


def _band(lower: str = "90", message: str = "Pertahankan.") -> BandResult:
    return BandResult(code="informatif", name="Informatif", lower=Decimal(lower), color="#1b7a3a", message=message)


def _row(name: str, percent: str = "96.59", lower: str = "90") -> BodyRow:
    return BodyRow(
        file=f"{name}.xlsx", body_id=name, name=f"Badan {name}", category="Kementerian", questionnaire_id="ki-pusat-2025-kementerian",
        saq_self=Decimal("94.55"), saq_verified=None, stages=(StageCell(code="presentasi", name="Presentasi", score=Decimal("94.00")),),
        gate_passed=True, final_score=None, band=None, estimate_score=Decimal("94.55"), estimate_band=_band(lower), complete=False,
        reasons=("8 pertanyaan belum diverifikasi oleh Komisi Informasi.",),
        indicators=(IndicatorCell(code="JI", name="Jenis Informasi", weight=Decimal("40"), percent=Decimal(percent), contribution=Decimal("38.64")),),
        missing_answers=0, no_evidence=1,
        notices=(Notice(code="KM-W-050", message="pertanyaan JI.2.2 belum dijawab.", where=f"{name}.xlsx, Kuesioner!F21"),),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [
        (_band(), _band(), True),
        (_band("90"), _band("90.0"), False),  # equal as numbers, printed differently in the JSON
        (_band(message="a"), _band(message="b"), False),
        ((_band(), _band("80")), (_band(), _band("80")), True),
        (True, 1, False),
        ("Kementerian", "Kementerian", True),
    ],
)
def test_one_instance_of_identical_values_only(first: object, second: object, shared: bool) -> None:
    store = SharedValues()
    kept = store.one(pickle.loads(pickle.dumps(first)))
    assert (store.one(pickle.loads(pickle.dumps(second))) is kept) is shared


def test_a_shared_row_is_the_same_row_and_shares_its_repeated_parts() -> None:
    store = SharedValues()
    # Unpickled, as rows arrive from the workers: every part is a copy of its own.
    a, b, c = (pickle.loads(pickle.dumps(r)) for r in (_row("A"), _row("B"), _row("C", percent="96.590", lower="90.0")))
    shared = [store.row(r) for r in (a, b, c)]
    assert [s.model_dump_json() for s in shared] == [r.model_dump_json() for r in (a, b, c)]
    assert shared[0].estimate_band is shared[1].estimate_band and shared[0].indicators is shared[1].indicators
    assert shared[0].estimate_band is not shared[2].estimate_band and shared[0].indicators[0] is not shared[2].indicators[0]
    # The same message in two bodies' notices is one string; where each notice points stays the row's own.
    assert shared[0].notices[0].message is shared[1].notices[0].message
    assert [n.where for s in shared for n in s.notices] == ["A.xlsx, Kuesioner!F21", "B.xlsx, Kuesioner!F21", "C.xlsx, Kuesioner!F21"]
