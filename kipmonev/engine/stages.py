"""Combining later-stage scores (presentasi/uji publik, visitasi) and fitting them to an edition's stages.

Layout: one row per body (and per stage, when the rules have several later stages); a column with the body
ID, an optional ``tahap`` column, and one column per panelist. Empty panelist cells are skipped. Panelists'
scores are combined by the documented rule:

- ``mean``: the arithmetic mean of the scores given;
- ``trimmed``: with three or more scores, the single highest and single lowest are dropped first, then the
  mean is taken (with fewer than three, the plain mean).

The combined score is kept exact; the scoring engine rounds it once when publishing (rule S7).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kipmonev.core.errors import Location, Problem
from kipmonev.engine.problems import STAGE_FILE_STAGE_NEEDED, STAGE_FILE_UNKNOWN_STAGE
from kipmonev.model.questionnaire import Rules

#: The stage key of a row in a file without a ``tahap`` column.
ONLY_STAGE = ""


class CombineRule(StrEnum):
    """How panelists' scores are combined into one stage score."""

    MEAN = "mean"
    TRIMMED = "trimmed"


@dataclass(frozen=True)
class StageScore:
    """One body's combined score for one stage, and how it was formed."""

    value: Decimal
    panelists: int
    rule: CombineRule


def combine(scores: list[Decimal], rule: CombineRule) -> Decimal:
    """Combine panelists' scores by ``rule`` (see the module docstring), exactly."""
    kept = sorted(scores)
    if rule is CombineRule.TRIMMED and len(kept) >= 3:
        kept = kept[1:-1]
    return sum(kept, Decimal(0)) / Decimal(len(kept))


def stage_scores_for(given: dict[str, StageScore], rules: Rules, source: str) -> tuple[dict[str, Decimal], list[Problem]]:
    """Fit one body's rows to its edition's stages: the scores to score with, or problems."""
    stages = [s.code for s in rules.later_stages]
    scores: dict[str, Decimal] = {}
    problems: list[Problem] = []
    for stage, value in given.items():
        code = stage
        if stage == ONLY_STAGE:
            if len(stages) != 1:
                problems.append(STAGE_FILE_STAGE_NEEDED.at(Location(source), stages=tuple(stages)))
                continue
            code = stages[0]
        if code not in stages:
            problems.append(STAGE_FILE_UNKNOWN_STAGE.at(Location(source), given=stage, stages=tuple(stages)))
            continue
        scores[code] = value.value
    return scores, problems
