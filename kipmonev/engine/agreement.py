"""Agreement between two verifiers on the same items: percent agreement and Cohen's kappa. Pure.

Rules (cited by tests):

    A1  Only items both verifiers decided count; each item is a pair of category labels (the verdicts,
        compared as :func:`kipmonev.engine.verification.verdict_key` spells them).
    A2  Percent agreement p_o = agreeing items / items.
    A3  Cohen's kappa = (p_o - p_e) / (1 - p_e), where p_e = sum over categories of the product of the two
        verifiers' marginal shares. When p_e = 1 (both used one and the same category throughout) kappa is
        undefined and given as ``None``, never as 0 or 1.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction


@dataclass(frozen=True)
class Agreement:
    """Agreement of one verifier pair over their common items (exact fractions; format at the edge)."""

    items: int
    agreed: int
    percent: Fraction | None  # A2, as a share 0..1; None without items
    kappa: Fraction | None  # A3; None without items or when p_e = 1
    confusion: dict[tuple[str, str], int]  # (first's verdict, second's verdict) -> items


def agreement(pairs: Sequence[tuple[str, str]]) -> Agreement:
    """Percent agreement and Cohen's kappa of ``pairs`` (first verifier's verdict, second's) (rules A1-A3)."""
    n = len(pairs)
    confusion = dict(Counter(pairs))
    agreed = sum(1 for a, b in pairs if a == b)
    if n == 0:
        return Agreement(0, 0, None, None, confusion)
    p_o = Fraction(agreed, n)
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    p_e = sum((Fraction(first[c], n) * Fraction(second[c], n) for c in first.keys() | second.keys()), Fraction(0))
    kappa = None if p_e == 1 else (p_o - p_e) / (1 - p_e)
    return Agreement(n, agreed, p_o, kappa, confusion)
