"""Bands by inclusive lower bound on the score rounded once (rules S9, Q6; domain notes §3)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kipmonev import classify, round_score
from kipmonev.model.questionnaire import Rounding, RoundingMode
from kipmonev.sources.loader import load_rule_set

BANDS = load_rule_set("ki-pusat").rules.bands
ROUNDING = load_rule_set("ki-pusat").rules.rounding


@pytest.mark.parametrize(
    ("exact", "published", "band"),
    [
        # published scores from the domain notes §9.3
        ("90.07", "90.07", "Informatif"),
        ("85.27", "85.27", "Menuju Informatif"),
        ("83.71", "83.71", "Menuju Informatif"),
        ("72.61", "72.61", "Cukup Informatif"),
        ("66.58", "66.58", "Cukup Informatif"),
        ("43.64", "43.64", "Kurang Informatif"),
        ("40.56", "40.56", "Kurang Informatif"),
        ("99.95", "99.95", "Informatif"),
        # the gaps left by the published one-decimal ranges
        ("89.95", "89.95", "Menuju Informatif"),
        ("89.994", "89.99", "Menuju Informatif"),
        ("89.995", "90.00", "Informatif"),
        ("79.99", "79.99", "Cukup Informatif"),
        ("59.995", "60.00", "Cukup Informatif"),
        ("59.994", "59.99", "Kurang Informatif"),
        ("39.99", "39.99", "Tidak Informatif"),
        ("39.995", "40.00", "Kurang Informatif"),
        # the ends
        ("100", "100.00", "Informatif"),
        ("0", "0.00", "Tidak Informatif"),
        ("90", "90.00", "Informatif"),
        ("80", "80.00", "Menuju Informatif"),
        ("60", "60.00", "Cukup Informatif"),
        ("40", "40.00", "Kurang Informatif"),
    ],
)
def test_band_of_rounded_score(exact: str, published: str, band: str) -> None:
    rounded = round_score(Decimal(exact), ROUNDING)
    assert str(rounded) == published
    assert classify(rounded, BANDS).name == band


@pytest.mark.parametrize(
    ("places", "mode", "value", "expected"),
    [
        (2, RoundingMode.HALF_UP, "72.605", "72.61"),
        (2, RoundingMode.HALF_EVEN, "72.605", "72.60"),
        (2, RoundingMode.HALF_EVEN, "72.615", "72.62"),
        (1, RoundingMode.HALF_UP, "89.95", "90.0"),
        (0, RoundingMode.HALF_UP, "89.5", "90"),
        (None, RoundingMode.HALF_UP, "89.994999", "89.994999"),
    ],
)
def test_rounding_rule(places: int | None, mode: RoundingMode, value: str, expected: str) -> None:
    assert str(round_score(Decimal(value), Rounding(places=places, mode=mode))) == expected


def test_negative_score_has_no_band() -> None:
    with pytest.raises(ValueError, match="below every band"):
        classify(Decimal("-0.01"), BANDS)
