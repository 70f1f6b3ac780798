"""Combining later-stage scores (presentasi/uji publik, visitasi) and fitting them to the bodies of a batch.

A stage-score file holds one row per body (and per stage, when the rules have several later stages): the
body's ID (or, without one, its name), an optional ``tahap`` column, and one column per panelist. Only
columns whose header names a panelist are read (:mod:`kipmonev.sources.stages` lists the names); every
other column (``No``, ``Rata-rata``, ``Jumlah``…) is ignored and listed as ignored. Empty panelist cells
are skipped. Panelists' scores are combined by the documented rule:

- ``mean``: the arithmetic mean of the scores given;
- ``trimmed``: with three or more scores, the single highest and single lowest are dropped first, then the
  mean is taken (with fewer than three, the plain mean);
- ``median``: the middle score, or the mean of the two middle scores when their number is even.

How commissions combine panelists is not published (domain notes, "Panels"): all three are presets.
The combined score is kept exact; the scoring engine rounds it once when publishing (rule S7).

Matching rows to bodies (rules P1–P3, cited by tests):
    P1  A row matches the body whose ID equals its ID exactly. Failing that, one whose ID differs only in
        case or surrounding spaces, with a warning.
    P2  A row without an ID matches a body whose name is the same (case and spaces aside), with a
        warning on that body. (Two bodies of one name without IDs are already refused by the batch.)
    P3  Rows that match no body of the batch are reported by line, with the closest ID when one is near.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from kipmonev.core.errors import Location, Problem
from kipmonev.core.text import closest
from kipmonev.engine import problems_panel as pp
from kipmonev.engine.problems import STAGE_FILE_STAGE_NEEDED, STAGE_FILE_UNKNOWN_STAGE
from kipmonev.model.questionnaire import Rules
from kipmonev.model.result import PanelResult

#: The stage key of a row in a file without a ``tahap`` column.
ONLY_STAGE = ""


class CombineRule(StrEnum):
    """How panelists' scores are combined into one stage score."""

    MEAN = "mean"
    TRIMMED = "trimmed"
    MEDIAN = "median"


#: How each rule is named in reports and notes.
RULE_LABELS = {CombineRule.MEAN: "rata-rata", CombineRule.TRIMMED: "rata-rata terpangkas", CombineRule.MEDIAN: "median"}


@dataclass(frozen=True)
class StageScore:
    """One body's combined score for one stage, and how it was formed.

    Attributes:
        value: The combined score, exact.
        panelists: How many panelists' scores were combined.
        rule: The combining rule.
        scores: Each panelist's score, by panelist name, in the file's column order.
        panel: From a panel kit: every panelist's criterion scores and conflicts of interest.
    """

    value: Decimal
    panelists: int
    rule: CombineRule
    scores: tuple[tuple[str, Decimal], ...] = ()
    panel: PanelResult | None = None

    @property
    def note(self) -> str:
        """How the score was formed, for the recap: ``rata-rata terpangkas 3 panelis``."""
        rule = self.rule
        if rule is CombineRule.TRIMMED and self.panelists < 3:
            rule = CombineRule.MEAN
        return f"{RULE_LABELS[rule]} {self.panelists} panelis"


def combine(scores: list[Decimal], rule: CombineRule) -> Decimal:
    """Combine panelists' scores by ``rule`` (see the module docstring), exactly.

    Raises:
        ValueError: No scores were given.
    """
    if not scores:
        raise ValueError("no scores to combine")
    kept = sorted(scores)
    if rule is CombineRule.MEDIAN:
        middle = len(kept) // 2
        return kept[middle] if len(kept) % 2 else (kept[middle - 1] + kept[middle]) / Decimal(2)
    if rule is CombineRule.TRIMMED and len(kept) >= 3:
        kept = kept[1:-1]
    return sum(kept, Decimal(0)) / Decimal(len(kept))


@dataclass(frozen=True)
class StageRow:
    """One row of a stage-score file.

    Attributes:
        index: The row's position among the file's data rows (0-based), to tell rows apart.
        where: The row's ID cell (or name cell when it has no ID).
        body_id: The ID as written, stripped; empty when the row has none.
        name: The body's name as written, stripped; empty when the file has no name column.
        stage: The ``tahap`` value, case-folded, or :data:`ONLY_STAGE`.
        score: The panelists' combined score.
    """

    index: int
    where: Location
    body_id: str
    name: str
    stage: str
    score: StageScore


@dataclass(frozen=True)
class StageFile:
    """A read stage-score file: which columns were read as panelists, which were ignored, and the rows."""

    source: str
    panel_columns: tuple[str, ...]
    ignored_columns: tuple[str, ...]
    rows: tuple[StageRow, ...] = field(default=())


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def match_rows(stage_file: StageFile, body_id: str | None, name: str) -> tuple[tuple[StageRow, ...], tuple[Problem, ...]]:
    """The rows of one body (rules P1, P2), and a warning for each row matched other than exactly."""
    given = (body_id or "").strip()
    exact = tuple(r for r in stage_file.rows if given and r.body_id == given)
    if exact:
        return exact, ()
    folded = tuple(r for r in stage_file.rows if given and r.body_id.casefold() == given.casefold())
    if folded:
        return folded, tuple(pp.ID_CASE.at(r.where, given=r.body_id, body=given) for r in folded)
    key = _name_key(name)
    if not key:
        return (), ()
    by_name = tuple(r for r in stage_file.rows if not r.body_id and r.name and _name_key(r.name) == key)
    return by_name, tuple(pp.MATCHED_BY_NAME.at(r.where, name=name, body=given or "tanpa ID") for r in by_name)


def unmatched_rows(stage_file: StageFile, used: Iterable[int], bodies: Iterable[tuple[str | None, str]]) -> list[Problem]:
    """Rule P3: a warning for every row that fed no body of the batch, in file order."""
    seen = set(used)
    ids = sorted({b.strip() for b, _ in bodies if b})
    problems: list[Problem] = []
    for row in stage_file.rows:
        if row.index in seen:
            continue
        if row.body_id:
            near = closest(row.body_id, ids, key=str, cutoff=0.8)
            hint = pp.NEAR_BODY.text(body=near) if near else ""
            problems.append(pp.NOT_IN_BATCH.at(row.where, body=row.body_id, hint=hint))
        else:
            problems.append(pp.NAME_NOT_IN_BATCH.at(row.where, name=row.name))
    return problems


def stage_scores_for(given: Iterable[StageRow], rules: Rules, source: str) -> tuple[dict[str, StageScore], list[Problem]]:
    """Fit one body's rows to its edition's stages: the scores to score with (by stage code), or problems."""
    stages = [s.code for s in rules.later_stages]
    scores: dict[str, StageScore] = {}
    problems: list[Problem] = []
    for row in given:
        code = row.stage
        if row.stage == ONLY_STAGE:
            if len(stages) != 1:
                problems.append(STAGE_FILE_STAGE_NEEDED.at(Location(source), stages=tuple(stages)))
                continue
            code = stages[0]
        if code not in stages:
            problems.append(STAGE_FILE_UNKNOWN_STAGE.at(Location(source), given=row.stage, stages=tuple(stages)))
            continue
        scores[code] = row.score
    return scores, problems
