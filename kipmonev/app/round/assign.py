"""``round assign``: who verifies which body, from an assignment file; every change is an event.

A row names a body (ID) or a category; a body's own row wins over its category's. Running it again with
an edited file records only what changed (``verification.assigned``, old → new verifier): a reassigned
body keeps its earlier verdicts in the log, and its new verifier's pack is bound to the same submission.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kipmonev.app import problems_verification as pv
from kipmonev.app.round.workspace import Round
from kipmonev.core.errors import KipmonevError, Location, Problem
from kipmonev.core.fileio import file_hash
from kipmonev.core.text import closest
from kipmonev.engine.verification import ASSIGNED, assignments
from kipmonev.model.round import NewEvent
from kipmonev.sources.assignment import read_assignments


@dataclass
class AssignResult:
    """What changed: (body ID, old verifier, new verifier), and the bodies left without a verifier."""

    changed: list[tuple[str, str | None, str]] = field(default_factory=list)
    unassigned: list[str] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def assign_verifiers(r: Round, path: Path) -> AssignResult:
    """Read the assignment file and record every body whose verifier changed.

    Raises:
        KipmonevError: The file is unreadable, or a row names neither a roster ID nor a category, or no
            verifier (every such row listed, at its line).
    """
    source = str(path)
    rows = read_assignments(path)
    by_id = r.roster.by_id()
    categories = {c.casefold(): c for c in {e.category for e in r.roster.entries} | set(r.config.editions)}
    per_body: dict[str, str] = {}
    per_category: dict[str, str] = {}
    problems: list[Problem] = []
    for row in rows:
        here = Location(source, line=row.line)
        if not row.verifier:
            problems.append(pv.ASSIGNMENT_EMPTY.at(here))
            continue
        if row.body_id:
            if row.body_id.casefold() not in by_id:
                near = closest(row.body_id, [e.id for e in r.roster.entries])
                problems.append(pv.ASSIGNMENT_UNKNOWN.at(here, value=row.body_id, suggestion=pv.SUGGEST.text(near=near) if near else ""))
                continue
            per_body[row.body_id.casefold()] = row.verifier
        elif row.category:
            if row.category.casefold() not in categories:
                near = closest(row.category, sorted(categories.values()))
                problems.append(pv.ASSIGNMENT_UNKNOWN.at(here, value=row.category, suggestion=pv.SUGGEST.text(near=near) if near else ""))
                continue
            per_category[row.category.casefold()] = row.verifier
    if problems:
        raise KipmonevError(pv.ASSIGNMENT_INVALID.text(count=len(problems)), tuple(problems))
    digest = file_hash(path)
    result = AssignResult()
    with r.store.transaction(r.actor) as tx:
        now = assignments(tx.events())
        new: list[NewEvent] = []
        for entry in r.roster.entries:
            key = entry.id.casefold()
            verifier = per_body.get(key) or per_category.get(entry.category.casefold())
            if verifier is None:
                result.unassigned.append(entry.id)
                continue
            old = now.get(key)
            if old == verifier:
                continue
            reason = pv.ASSIGNMENT_FIRST.text(file=path.name) if old is None else pv.ASSIGNMENT_MOVED.text(old=old, file=path.name)
            new.append(NewEvent(kind=ASSIGNED, subject=entry.id, old=old, new=verifier, reason=reason, input_hash=digest, data={"berkas": path.name, "verifikator": verifier}))
            result.changed.append((entry.id, old, verifier))
        if new:
            tx.append(new)
    if result.unassigned:
        result.warnings.append(pv.UNASSIGNED.at(Location(source), count=len(result.unassigned), ids=", ".join(result.unassigned)))
    return result
