"""The one rounding rule of published scores, shared by scoring and gates."""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from kipmonev.model.questionnaire import Rounding, RoundingMode


def round_score(value: Decimal, rounding: Rounding) -> Decimal:
    """Round a score by the edition's rule; the one place where scores are rounded."""
    if rounding.places is None:
        return value
    mode = ROUND_HALF_UP if rounding.mode is RoundingMode.HALF_UP else ROUND_HALF_EVEN
    return value.quantize(Decimal(1).scaleb(-rounding.places), rounding=mode)
