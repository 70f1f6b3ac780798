"""Panel kits read back: each panelist's criterion scores weighted, conflicts of interest left out, combined.

A kit (:mod:`kipmonev.outputs.panel_kit`) holds, per room of a later stage, one row per body and panelist
and one score (0–100) per criterion of the stage's rubric. Rules K1–K7 (cited by tests):

    K1  A panelist's score for a body is the weighted mean of the criterion scores:
        Σ (score × weight) ÷ Σ weight, exact. A row with no criterion filled means the panelist did not
        score that body; a row filled in part is refused by the reader.
    K2  A panelist who declared a conflict of interest with a body (``--conflicts``: panelist × body,
        reason; optionally for one stage) is left out of that body's score whatever the row holds, and the
        conflict is listed in the body's result and report and in the recap.
    K3  The panelists kept are combined by the batch's rule (:func:`kipmonev.engine.stages.combine`:
        mean, trimmed mean or median). A body no kept panelist scored has no score for the stage.
    K4  A body appears in one room per stage; a second room's rows for it are refused.
    K5  Severity, per stage and panelist, over the kept scores: how many bodies, the mean, the sample
        standard deviation (spread), the lean (mean of the score minus the median of the other kept
        panelists for the same body) and the outliers (scores more than :data:`OUTLIER_POINTS` from that
        median). The 20-point threshold is a preset: no commission publishes one.
    K6  The z-score rank is informational and never replaces the official rule: each kept score becomes
        ``(score − the panelist's mean) ÷ the panelist's spread`` (0 when the spread is 0 or unknown), a
        body's z is the mean of its panelists' z, and bodies are ranked per stage by z, highest first,
        equal z sharing a rank (1, 2, 2, 4).
    K7  Values shown (weighted scores, means, spreads, z) are rounded to 2 decimals half-up for display;
        the stage score itself stays exact until the edition's rule rounds it (rule S7).
    K8  A kit is used only under the rubric it was written from: its criteria (codes and weights, in order)
        must be those the applied rules give its stage (one ``nilai`` criterion of weight 100 when they
        give none); otherwise the body is not scored and the mismatch is reported.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from kipmonev.core.errors import Location, Problem
from kipmonev.core.formatting import format_plain
from kipmonev.engine import problems_panel as pp
from kipmonev.engine.rounding import round_score
from kipmonev.engine.stages import CombineRule, StageFile, StageRow, StageScore, combine
from kipmonev.formats import panel_texts as pt
from kipmonev.model.questionnaire import Rounding, Rules
from kipmonev.model.recap import PanelConflict, PanelistSeverity, PanelRank, PanelSummary
from kipmonev.model.result import Assessment, CriterionScore, PanelCriterion, PanelistScore, PanelResult

#: Rule K5: a score this many points from the median of the other panelists is an outlier (preset).
OUTLIER_POINTS = Decimal(20)
#: Rule K7: how values are rounded for display.
SHOWN = Rounding()


@dataclass(frozen=True)
class Room:
    """One room (or group) of a later stage: the bodies it hears, as (ID, name), and its panelists."""

    name: str
    bodies: tuple[tuple[str, str], ...]
    panelists: tuple[str, ...]


@dataclass(frozen=True)
class KitCriterion:
    """A criterion as the kit was written: its code, name and weight."""

    code: str
    name: str
    weight: Decimal


@dataclass(frozen=True)
class KitRow:
    """One row of a kit's score sheet: a panelist's criterion scores for a body (``None`` where empty)."""

    where: Location
    body_id: str
    name: str
    panelist: str
    scores: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class Kit:
    """One room's kit, read back."""

    source: str
    rule_set: str
    stage: str
    stage_name: str
    room: str
    criteria: tuple[KitCriterion, ...]
    rows: tuple[KitRow, ...]


@dataclass(frozen=True)
class Conflict:
    """A declared conflict of interest: ``panelist`` does not score ``body_id`` (on ``stage``, or on every stage when empty)."""

    where: Location
    panelist: str
    body_id: str
    reason: str
    stage: str = ""

    def covers(self, panelist: str, body_id: str, stage: str) -> bool:
        """Whether this conflict is about that panelist, body and stage (names and IDs compared without case and extra spaces)."""
        return _key(panelist) == _key(self.panelist) and _key(body_id) == _key(self.body_id) and (not self.stage or _key(self.stage) == _key(stage))


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def weighted(scores: Sequence[Decimal | None], criteria: Sequence[KitCriterion]) -> Decimal | None:
    """Rule K1: the weighted mean of the criterion scores, exact; ``None`` when none is filled.

    Raises:
        ValueError: Some but not all criteria are filled (the reader refuses such rows), or the weights sum to 0.
    """
    if all(s is None for s in scores):
        return None
    if any(s is None for s in scores):
        raise ValueError("a row filled in part")
    total = sum((c.weight for c in criteria), Decimal(0))
    if total == 0:
        raise ValueError("criteria weights sum to 0")
    return sum((s * c.weight for s, c in zip(scores, criteria, strict=True) if s is not None), Decimal(0)) / total


def _conflict(conflicts: Sequence[Conflict], panelist: str, body_id: str, stage: str) -> Conflict | None:
    return next((c for c in conflicts if c.covers(panelist, body_id, stage)), None)


def stage_file_from_kits(
    kits: Sequence[Kit], conflicts: Sequence[Conflict], rule: CombineRule, source: str
) -> tuple[StageFile, tuple[Problem, ...], tuple[Problem, ...]]:
    """The stage scores the kits give (rules K1–K4), as a stage file the batch fits to its bodies.

    Returns:
        The stage file (one row per body and stage, each with its :class:`PanelResult`), the errors (a body
        in two rooms of one stage) and the warnings (a body no kept panelist scored, a conflict that names
        no row of the kits).
    """
    problems: list[Problem] = []
    warnings: list[Problem] = []
    rows: list[StageRow] = []
    seen: dict[tuple[str, str], Kit] = {}
    used: set[int] = set()
    panelists: list[str] = []
    for kit in kits:
        bodies: dict[str, list[KitRow]] = {}
        for row in kit.rows:
            bodies.setdefault(_key(row.body_id), []).append(row)
            if row.panelist not in panelists:
                panelists.append(row.panelist)
        for key, group in bodies.items():
            first = group[0]
            other = seen.get((_key(kit.stage), key))
            if other is not None:
                problems.append(pp.BODY_IN_TWO_ROOMS.at(first.where, body=first.body_id, stage=kit.stage, room=kit.room, other=other.room))
                continue
            seen[(_key(kit.stage), key)] = kit
            scored: list[PanelistScore] = []
            kept: list[tuple[str, Decimal]] = []
            for row in group:
                value = weighted(row.scores, kit.criteria)
                found = _conflict(conflicts, row.panelist, row.body_id, kit.stage)
                if found is not None:
                    used.add(id(found))
                elif value is not None:
                    kept.append((row.panelist, value))
                scored.append(
                    PanelistScore(
                        panelist=row.panelist,
                        criteria=tuple(CriterionScore(code=c.code, score=s) for c, s in zip(kit.criteria, row.scores, strict=True)),
                        score=None if value is None else round_score(value, SHOWN),
                        excluded=found.reason if found is not None else None,
                    )
                )
            if not kept:
                warnings.append(pp.NOBODY_SCORED.at(first.where, body=first.body_id, room=kit.room))
                continue
            panel = PanelResult(
                room=kit.room,
                combine=rule.value,
                criteria=tuple(PanelCriterion(code=c.code, name=c.name, weight=c.weight) for c in kit.criteria),
                panelists=tuple(scored),
            )
            value = combine([v for _, v in kept], rule)
            score = StageScore(value, len(kept), rule, tuple(kept), panel)
            rows.append(StageRow(len(rows), first.where, first.body_id, first.name, _key(kit.stage), score))
    warnings += [pp.CONFLICT_UNUSED.at(c.where, panelist=c.panelist, body=c.body_id) for c in conflicts if id(c) not in used]
    return StageFile(source, tuple(panelists), (), tuple(rows)), tuple(problems), tuple(warnings)


def rubric_problems(rules: Rules, scores: Mapping[str, StageScore], source: str) -> list[Problem]:
    """Rule K8: every stage whose kit was scored on other criteria than the applied rules' rubric."""
    problems = []
    for code, s in scores.items():
        if s.panel is None:
            continue
        rubric = rules.rubric_for(code)
        expected = [(c.code, Decimal(c.weight)) for c in rubric.criteria] if rubric else [(pt.SINGLE_CRITERION_CODE, Decimal(100))]
        given = [(c.code, c.weight) for c in s.panel.criteria]
        if given != expected:
            problems.append(pp.RUBRIC_DIFFERS.at(Location(source), stage=code, room=s.panel.room, given=_criteria_text(given), expected=_criteria_text(expected)))
    return problems


def _criteria_text(criteria: Sequence[tuple[str, Decimal]]) -> str:
    return ", ".join(f"{code} ({format_plain(weight)})" for code, weight in criteria)


def with_panel(assessment: Assessment, panels: Mapping[str, PanelResult]) -> Assessment:
    """The result with each stage's panel detail (rule K2: who was left out and why) put in its stage."""
    if not panels:
        return assessment
    stages = tuple(s.model_copy(update={"panel": panels[s.code]}) if s.code in panels else s for s in assessment.stages)
    return assessment.model_copy(update={"stages": stages})


@dataclass(frozen=True)
class _Kept:
    stage: str
    body_id: str
    name: str
    panelist: str
    value: Decimal


def _kept_scores(kits: Iterable[Kit], conflicts: Sequence[Conflict]) -> list[_Kept]:
    out = []
    for kit in kits:
        for row in kit.rows:
            value = weighted(row.scores, kit.criteria)
            if value is not None and _conflict(conflicts, row.panelist, row.body_id, kit.stage) is None:
                out.append(_Kept(kit.stage, row.body_id, row.name, row.panelist, value))
    return out


def _spread(values: Sequence[Decimal]) -> Decimal | None:
    return statistics.stdev(values) if len(values) >= 2 else None


def _others_median(kept: Sequence[_Kept], k: _Kept) -> Decimal | None:
    others = [o.value for o in kept if o.stage == k.stage and _key(o.body_id) == _key(k.body_id) and o.panelist != k.panelist]
    return combine(others, CombineRule.MEDIAN) if others else None


def _severity(kept: Sequence[_Kept]) -> tuple[PanelistSeverity, ...]:
    """Rule K5, per stage then panelist in the order first met."""
    out = []
    order = list(dict.fromkeys((k.stage, k.panelist) for k in kept))
    for stage, panelist in order:
        mine = [k for k in kept if k.stage == stage and k.panelist == panelist]
        values = [k.value for k in mine]
        gaps = [k.value - m for k in mine if (m := _others_median(kept, k)) is not None]
        spread = _spread(values)
        out.append(
            PanelistSeverity(
                stage=stage,
                panelist=panelist,
                scored=len(values),
                mean=round_score(combine(values, CombineRule.MEAN), SHOWN),
                spread=None if spread is None else round_score(spread, SHOWN),
                lean=round_score(combine(gaps, CombineRule.MEAN), SHOWN) if gaps else None,
                outliers=sum(1 for g in gaps if abs(g) > OUTLIER_POINTS),
            )
        )
    return tuple(out)


def _z_ranks(kept: Sequence[_Kept]) -> tuple[PanelRank, ...]:
    """Rule K6: bodies ranked per stage by their panelists' mean z-score (informational)."""
    by_panelist: dict[tuple[str, str], list[Decimal]] = {}
    for k in kept:
        by_panelist.setdefault((k.stage, k.panelist), []).append(k.value)
    moments = {p: (combine(v, CombineRule.MEAN), _spread(v)) for p, v in by_panelist.items()}
    bodies: dict[tuple[str, str], tuple[str, list[Decimal]]] = {}
    for k in kept:
        mean, spread = moments[(k.stage, k.panelist)]
        z = (k.value - mean) / spread if spread else Decimal(0)
        bodies.setdefault((k.stage, k.body_id), (k.name, []))[1].append(z)
    scored = [(stage, body, name, combine(zs, CombineRule.MEAN)) for (stage, body), (name, zs) in bodies.items()]
    out = []
    for stage in dict.fromkeys(s for s, *_ in scored):
        group = sorted((x for x in scored if x[0] == stage), key=lambda x: (-x[3], x[1]))
        for stage_, body, name, z in group:
            rank = 1 + sum(1 for other in group if other[3] > z)
            out.append(PanelRank(stage=stage_, body_id=body, name=name, z=round_score(z, SHOWN), rank=rank))
    return tuple(out)


def panel_summary(kits: Sequence[Kit], conflicts: Sequence[Conflict], rule: CombineRule) -> PanelSummary:
    """The recap's panel part: severity per panelist (K5), the informational z-score rank (K6) and every conflict (K2)."""
    kept = _kept_scores(kits, conflicts)
    names = {_key(r.body_id): r.name for kit in kits for r in kit.rows}
    listed = tuple(
        PanelConflict(stage=c.stage, panelist=c.panelist, body_id=c.body_id, name=names.get(_key(c.body_id), ""), reason=c.reason) for c in conflicts
    )
    return PanelSummary(combine=rule.value, outlier_points=OUTLIER_POINTS, severity=_severity(kept), ranks=_z_ranks(kept), conflicts=listed)
