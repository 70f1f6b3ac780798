"""A round's later stages (presentasi/uji publik, visitasi), derived from its event log. Pure: events in, models out.

Rules (cited by tests):

    L1  A body is sent to a later stage when it passed every gate that compares a stage before it (rule G1 of
        :mod:`kipmonev.engine.gates`), as the round's current recap decided; a stage no gate precedes takes
        every body the recap scored. A body with a gate before the stage failed or undecided is not sent.
    L2  ``stage.kit_written`` records, per body sent, the stage, the room, the kit's criteria (codes, names,
        weights), its panelists and its conflicts of interest; a later kit for the same stage and body
        replaces the earlier one.
    L3  ``stage.scored`` records one panelist's criterion scores for one body and stage (actor = the panelist,
        input hash = the sheet's SHA-256). A later event for the same stage, body and panelist replaces the
        earlier one; the log keeps both.
    L4  A sheet row is refused when its body was not sent to the stage (no kit for it), when its panelist is
        not one of the kit's, when the panelist declared a conflict of interest with the body, or when the
        sheet's criteria differ from the kit's. A refused sheet records nothing.
    L5  The recap scores each stage from the latest scores (L3) as kits read from the log, with the conflicts
        of the kits (rules K1–K8 of :mod:`kipmonev.engine.panel`): the same engine as ``score --panel``. A
        body and stage with a score from a stage-score file (a panelist's stage score, no criteria) is
        scored as ``score --stage-scores`` scores one: its panelists' latest scores combined, conflicts left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kipmonev.core.errors import Location
from kipmonev.engine.panel import Conflict, Kit, KitCriterion, KitRow
from kipmonev.engine.stages import CombineRule, StageRow, StageScore, combine
from kipmonev.formats import panel_texts as pt
from kipmonev.model.questionnaire import Rules
from kipmonev.model.recap import BodyRow
from kipmonev.model.round import Event

KIT_WRITTEN = "stage.kit_written"
SCORED = "stage.scored"


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


def sent_to_stage(rules: Rules, row: BodyRow, stage: str) -> bool:
    """Rule L1: whether the recap row passed every gate before ``stage``."""
    order = [s.code for s in rules.stages]
    if stage not in order:
        return False
    before = [i for i, g in enumerate(rules.gates) if g.stage in order and order.index(g.stage) < order.index(stage)]
    if any(i >= len(row.gates) for i in before):
        return False
    return all(row.gates[i].passed is True for i in before)


@dataclass(frozen=True)
class StageKit:
    """A kit written for one body and stage (rule L2)."""

    seq: int
    stage: str
    stage_name: str
    body_id: str
    name: str
    room: str
    file: str
    criteria: tuple[KitCriterion, ...]
    panelists: tuple[str, ...]
    conflicts: tuple[tuple[str, str], ...]  # (panelist, reason)
    conflicts_declared: tuple[tuple[str, str, bool], ...] = ()  # (panelist, reason, for every stage)

    def conflict_of(self, panelist: str) -> str | None:
        """The reason of the panelist's conflict of interest with this body, if one was declared."""
        return next((reason for p, reason in self.conflicts if _key(p) == _key(panelist)), None)

    def has_panelist(self, panelist: str) -> bool:
        """Whether the panelist is one of the kit's (names compared without case and extra spaces)."""
        return any(_key(p) == _key(panelist) for p in self.panelists)


@dataclass(frozen=True)
class StageSheet:
    """One panelist's recorded scores for one body and stage (rule L3)."""

    seq: int
    at: str
    stage: str
    body_id: str
    name: str
    room: str
    panelist: str
    file: str
    sha256: str
    cell: str
    criteria: tuple[KitCriterion, ...]
    scores: tuple[Decimal, ...]
    value: Decimal
    replaced: int = 0  # how many earlier sheets of this panelist for this body and stage it replaces


def criteria_data(criteria: Sequence[KitCriterion]) -> list[dict[str, str]]:
    """Criteria as an event's data records them."""
    return [{"kode": c.code, "nama": c.name, "bobot": str(c.weight)} for c in criteria]


def _criteria(data: Any) -> tuple[KitCriterion, ...]:
    return tuple(KitCriterion(str(c["kode"]), str(c["nama"]), Decimal(str(c["bobot"]))) for c in data or [])


def stage_kits(events: Iterable[Event]) -> dict[tuple[str, str], StageKit]:
    """Rule L2: (stage, case-folded body ID) → the latest kit written for it."""
    kits: dict[tuple[str, str], StageKit] = {}
    for e in events:
        if e.kind != KIT_WRITTEN:
            continue
        d = e.data
        kits[(str(d["tahap"]), e.subject.casefold())] = StageKit(
            seq=e.seq,
            stage=str(d["tahap"]),
            stage_name=str(d.get("nama_tahap", d["tahap"])),
            body_id=e.subject,
            name=str(d.get("nama", "")),
            room=str(d.get("ruang", "")),
            file=str(d.get("berkas", "")),
            criteria=_criteria(d.get("kriteria")),
            panelists=tuple(str(p) for p in d.get("panelis", [])),
            conflicts=tuple((str(c["panelis"]), str(c["alasan"])) for c in d.get("konflik", [])),
            conflicts_declared=tuple((str(c["panelis"]), str(c["alasan"]), bool(c.get("semua_tahap", True))) for c in d.get("konflik", [])),
        )
    return kits


def stage_sheets(events: Iterable[Event]) -> dict[tuple[str, str, str], StageSheet]:
    """Rule L3: (stage, case-folded body ID, panelist key) → the latest scores, with how many it replaced."""
    sheets: dict[tuple[str, str, str], StageSheet] = {}
    for e in events:
        if e.kind != SCORED:
            continue
        d = e.data
        key = (str(d["tahap"]), e.subject.casefold(), _key(e.actor))
        earlier = sheets.get(key)
        criteria = _criteria(d.get("kriteria"))
        sheets[key] = StageSheet(
            seq=e.seq,
            at=e.at,
            stage=str(d["tahap"]),
            body_id=e.subject,
            name=str(d.get("nama", "")),
            room=str(d.get("ruang", "")),
            panelist=e.actor,
            file=str(d.get("berkas", "")),
            sha256=e.input_hash or "",
            cell=str(d.get("sel", "")),
            criteria=criteria,
            scores=tuple(Decimal(str(c["nilai"])) for c in d.get("kriteria", [])),
            value=Decimal(str(d["nilai"])),
            replaced=0 if earlier is None else earlier.replaced + 1,
        )
    return sheets


def kits_from_log(events: Sequence[Event]) -> tuple[tuple[Kit, ...], tuple[Conflict, ...]]:
    """Rule L5: the latest scores as one kit per stage and room, and the kits' conflicts of interest.

    A conflicted panelist gets an empty row, so the result lists them as left out (rule K2) as a kit does.
    """
    kits = stage_kits(events)
    sheets = stage_sheets(events)
    rows: dict[tuple[str, str], list[KitRow]] = {}
    meta: dict[tuple[str, str], StageKit] = {}
    conflicts: list[Conflict] = []
    plain = _plain_keys(sheets)
    for s in sheets.values():
        kit = kits.get((s.stage, s.body_id.casefold()))
        if kit is None or (s.stage, s.body_id.casefold()) in plain:
            continue
        group = (s.stage, kit.room)
        meta.setdefault(group, kit)
        where = Location(s.file, sheet=pt.SHEET_SCORES, cell=s.cell or None)
        rows.setdefault(group, []).append(KitRow(where, kit.body_id, kit.name, s.panelist, s.scores))
    for kit in kits.values():
        group = (kit.stage, kit.room)
        if group not in rows or not any(_key(r.body_id) == _key(kit.body_id) for r in rows[group]):
            continue
        for panelist, reason in kit.conflicts:
            rows[group].append(KitRow(Location(kit.file, sheet=pt.SHEET_SCORES), kit.body_id, kit.name, panelist, tuple(None for _ in kit.criteria)))
            conflicts.append(Conflict(Location(kit.file, sheet=pt.SHEET_SCORES), panelist, kit.body_id, reason, kit.stage))
    out = tuple(
        Kit(meta[g].file, "", meta[g].stage, meta[g].stage_name, meta[g].room, meta[g].criteria, tuple(sorted(r, key=lambda row: (_key(row.body_id), _key(row.panelist)))))
        for g, r in rows.items()
    )
    return out, tuple(conflicts)


def _plain_keys(sheets: dict[tuple[str, str, str], StageSheet]) -> set[tuple[str, str]]:
    """(stage, case-folded body ID) whose latest scores include one from a stage-score file (no criteria)."""
    return {(s.stage, s.body_id.casefold()) for s in sheets.values() if not s.criteria}


def plain_rows(events: Sequence[Event], rule: CombineRule) -> tuple[StageRow, ...]:
    """Rule L5 for a body and stage with a score from a stage-score file: its panelists' latest scores combined, conflicts left out.

    Such a stage has no criterion scores to show, so it is scored as ``score --stage-scores`` scores a file.
    """
    kits = stage_kits(events)
    sheets = stage_sheets(events)
    out: list[StageRow] = []
    for stage, body in sorted(_plain_keys(sheets)):
        kit = kits.get((stage, body))
        if kit is None:
            continue
        kept = [(s.panelist, s.value) for s in sheets.values() if (s.stage, s.body_id.casefold()) == (stage, body) and kit.conflict_of(s.panelist) is None]
        if kept:
            first = next(s for s in sheets.values() if (s.stage, s.body_id.casefold()) == (stage, body))
            score = StageScore(combine([v for _, v in kept], rule), len(kept), rule, tuple(kept))
            out.append(StageRow(len(out), Location(first.file, line=None), kit.body_id, kit.name, stage, score))
    return tuple(out)


@dataclass(frozen=True)
class StageProgress:
    """One body's sheets for one stage: the panelists expected (the kit's, conflicts left out) and those received."""

    stage: str
    stage_name: str
    body_id: str
    name: str
    expected: tuple[str, ...]
    received: tuple[str, ...]
    conflicts: tuple[str, ...]
    replaced: int

    @property
    def waiting(self) -> tuple[str, ...]:
        """The panelists whose sheet has not come back."""
        got = {_key(p) for p in self.received}
        return tuple(p for p in self.expected if _key(p) not in got)


def stage_progress(events: Sequence[Event]) -> tuple[StageProgress, ...]:
    """Per stage and body sent (in the order the kits were written): who is expected, who sent, who is waited for."""
    sheets = stage_sheets(events)
    out = []
    for kit in sorted(stage_kits(events).values(), key=lambda k: k.seq):
        mine = [s for s in sheets.values() if s.stage == kit.stage and s.body_id.casefold() == kit.body_id.casefold()]
        expected = tuple(p for p in kit.panelists if kit.conflict_of(p) is None)
        out.append(
            StageProgress(
                stage=kit.stage,
                stage_name=kit.stage_name,
                body_id=kit.body_id,
                name=kit.name,
                expected=expected,
                received=tuple(p for p in expected if any(_key(s.panelist) == _key(p) for s in mine)),
                conflicts=tuple(p for p, _ in kit.conflicts),
                replaced=sum(s.replaced for s in mine),
            )
        )
    return tuple(out)
