"""Gates between stages, as commissions run them: thresholds, top N per category, either, chained.

Pure: no I/O. A gate that needs a rank is decided over a whole batch (:func:`evaluate_gates`); the scoring
engine decides per body what it can alone (:func:`decide_alone`) and takes the batch's decisions when given.

Rules (cited by tests):
    G1  Gates are taken in order. A body meets a gate only when it passed every gate before it; a body
        that fails a gate takes part in no stage after that gate's stage.
    G2  Threshold: the compared score ≥ ``batas`` (inclusive), on published (rounded) scores.
    G3  Top N per category: the bodies of one category that met the gate and have a score are ranked by
        it, highest first, with shared ranks (1, 2, 2, 4). Rank ≤ N passes. Bodies tied on the last place
        all pass under ``seri: semua_lolos`` (so more than N may pass); under ``seri: tidak_lolos`` the
        tied group passes only when all of it fits within N.
    G4  With both a threshold and a rank, ``gabungan: atau`` passes on either, ``dan`` needs both.
    G5  A body whose compared score is missing (a stage score not yet given) is undecided at that gate and
        at every later one: neither passed nor failed, and not ranked.
    G6  The compared score is the stage's own published score (``dasar: tahap``) or the weighted score of
        every stage up to it (``dasar: kumulatif``, weights renormalised over those stages, rounded once).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from kipmonev.core.formatting import format_plain
from kipmonev.engine import problems_gates as pg
from kipmonev.engine.rounding import round_score
from kipmonev.model.questionnaire import Gate, GateBasis, GateJoin, Rules, TieRule
from kipmonev.model.result import GatePass


def published_scores(rules: Rules, saq: Decimal, stage_scores: Mapping[str, Decimal]) -> dict[str, Decimal | None]:
    """Each stage's published score before any gate applies: the basis SAQ, and each given stage score rounded once."""
    return {s.code: saq if s.code == "saq" else (None if s.code not in stage_scores else round_score(stage_scores[s.code], rules.rounding)) for s in rules.stages}


def gate_values(rules: Rules, saq: Decimal, stage_scores: Mapping[str, Decimal]) -> tuple[Decimal | None, ...]:
    """The score each gate compares, for one body (rule G6)."""
    published = published_scores(rules, saq, stage_scores)
    return tuple(gate_value(rules, g, published) for g in rules.gates)


def needs_batch(rules: Rules) -> bool:
    """Whether any gate ranks bodies, so that only a whole batch decides it."""
    return any(g.top is not None for g in rules.gates)


def gate_value(rules: Rules, gate: Gate, published: Mapping[str, Decimal | None]) -> Decimal | None:
    """Rule G6: the score a gate compares, from each stage's published score (``None`` while one is missing)."""
    if gate.basis is GateBasis.STAGE:
        return published.get(gate.stage)
    upto = list(rules.stages[: [s.code for s in rules.stages].index(gate.stage) + 1])
    values = [published.get(s.code) for s in upto]
    if any(v is None for v in values):
        return None
    total = sum((s.weight * v for s, v in zip(upto, values, strict=True) if v is not None), Decimal(0))
    return round_score(total / sum((s.weight for s in upto), Decimal(0)), rules.rounding)


def gate_label(gate: Gate, next_stage: str) -> str:
    """The gate in words: ``SAQ ≥ 60 atau 10 teratas per kategori → Presentasi``."""
    if gate.name:
        return gate.name
    basis = pg.RUNNING_BASIS.text(stage=gate.stage) if gate.basis is GateBasis.RUNNING else gate.stage.upper() if gate.stage == "saq" else gate.stage
    parts = []
    if gate.threshold is not None:
        parts.append(f"{basis} ≥ {format_plain(gate.threshold)}")
    if gate.top is not None:
        parts.append(f"{gate.top} teratas per kategori" if parts else f"{basis}: {gate.top} teratas per kategori")
    joined = f" {gate.join.value} ".join(parts)
    return f"{joined} → {next_stage}"


@dataclass(frozen=True)
class GateCall:
    """One body at one gate: whether it met it, passed, why, and its rank in its category."""

    reached: bool
    value: Decimal | None
    passed: bool | None  # None: undecided (G5), or not reached
    by: GatePass | None = None
    rank: int | None = None


def decide_alone(gate: Gate, value: Decimal | None) -> bool | None:
    """What a body's own score decides at a gate without the batch: ``None`` when only a rank can tell."""
    if value is None:
        return None
    meets = gate.threshold is not None and value >= gate.threshold
    if gate.top is None:
        return meets
    if gate.threshold is None:
        return None
    if gate.join is GateJoin.OR:
        return True if meets else None
    return False if not meets else None


def _ranks(values: list[tuple[str, Decimal]]) -> dict[str, tuple[int, int]]:
    """Competition ranks (1, 2, 2, 4) by value, highest first, and the size of each rank's tie group."""
    ordered = sorted(values, key=lambda kv: -kv[1])
    ranks: dict[str, tuple[int, int]] = {}
    groups: dict[Decimal, int] = defaultdict(int)
    for _, v in ordered:
        groups[v] += 1
    position = 0
    previous: Decimal | None = None
    rank = 0
    for key, v in ordered:
        position += 1
        if v != previous:
            rank = position
            previous = v
        ranks[key] = (rank, groups[v])
    return ranks


def _in_top(rank: int, tied: int, gate: Gate) -> bool:
    assert gate.top is not None
    if rank > gate.top:
        return False
    return gate.ties is TieRule.ALL_PASS or rank + tied - 1 <= gate.top


@dataclass(frozen=True)
class GateEntry:
    """One body of a batch, for gate evaluation: a key, its category and its compared score at each gate."""

    key: str
    category: str
    values: tuple[Decimal | None, ...]


def evaluate_gates(rules: Rules, entries: Iterable[GateEntry]) -> dict[str, tuple[GateCall, ...]]:
    """Rules G1–G5 over a batch: each body's call at each gate, by key."""
    bodies = list(entries)
    calls: dict[str, list[GateCall]] = {b.key: [] for b in bodies}
    alive = {b.key for b in bodies}  # met every gate so far and decided
    for index, gate in enumerate(rules.gates):
        by_category: dict[str, list[tuple[str, Decimal]]] = defaultdict(list)
        for b in bodies:
            value = b.values[index] if index < len(b.values) else None
            if b.key in alive and value is not None:
                by_category[b.category].append((b.key, value))
        ranks: dict[str, tuple[int, int]] = {}
        for members in by_category.values():
            ranks.update(_ranks(members))
        for b in bodies:
            value = b.values[index] if index < len(b.values) else None
            if b.key not in alive:
                calls[b.key].append(GateCall(False, value, None))
                continue
            if value is None:
                calls[b.key].append(GateCall(True, None, None))
                alive.discard(b.key)
                continue
            meets = gate.threshold is not None and value >= gate.threshold
            rank, tied = ranks[b.key]
            top = gate.top is not None and _in_top(rank, tied, gate)
            if gate.threshold is not None and gate.top is not None:
                passed = (meets or top) if gate.join is GateJoin.OR else (meets and top)
            else:
                passed = meets if gate.top is None else top
            by = (GatePass.THRESHOLD if meets else GatePass.RANK) if passed else None
            calls[b.key].append(GateCall(True, value, passed, by, rank if gate.top is not None else None))
            if not passed:
                alive.discard(b.key)
    return {k: tuple(v) for k, v in calls.items()}
