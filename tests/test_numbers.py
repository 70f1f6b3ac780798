"""kipmonev.core.numbers: rule N1 (a number typed as text) and Decimal → JSON number."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from kipmonev.core.numbers import json_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("90"), "90"),
        (Decimal("90.00"), "90"),
        (Decimal("89.5"), "89.5"),
        (Decimal("89.50"), "89.5"),
        (Decimal("0.0001"), "0.0001"),
        (Decimal("-2.25"), "-2.25"),
        (Decimal("0"), "0"),
        (Decimal("12345678901234"), "12345678901234"),
    ],
)
def test_json_number(value: Decimal, expected: str) -> None:
    assert json.dumps(json_number(value)) == expected
