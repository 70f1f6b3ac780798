"""The round's decisions about a body, derived from the event log. Pure: events and roster in, models out.

Rules (cited by tests):

    D1  A body's trail is every event whose subject is the body's ID (compared case-insensitively), every
        file registered for it (``file.received``, ``file.duplicate``) and every roster change that added or
        removed it, oldest first, each with who, when, what, old → new and the reason recorded.
    D2  Every event kind has one readable line (``engine/problems_decisions.py`` HISTORY_LINES); files are
        named by their original name, not their hash.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from kipmonev.core.formatting import format_timestamp
from kipmonev.engine.problems_decisions import HISTORY_LINES, ROSTER_ADDED, ROSTER_REMOVED, UNKNOWN_FILE
from kipmonev.engine.problems_signoff import STATUS_LABELS
from kipmonev.engine.round import file_records
from kipmonev.model.decision import History, HistoryRow
from kipmonev.model.round import EVENT_KINDS, OUTCOME_LABELS, Event, FileRecord, RosterEntry
from kipmonev.model.signoff import SignOffStatus


def _concerns(event: Event, key: str, files: dict[str, FileRecord]) -> bool:
    """Rule D1."""
    if event.subject.casefold() == key:
        return True
    if event.kind in ("file.received", "file.duplicate"):
        record = files.get(event.input_hash or "")
        return record is not None and (record.body_id or "").casefold() == key
    if event.kind == "roster.set":
        changed = [*event.data.get("ditambah", []), *event.data.get("dihapus", [])]
        return any(str(i).casefold() == key for i in changed)
    return False


def _file_name(sha: str | None, files: dict[str, FileRecord]) -> str | None:
    if sha is None:
        return None
    record = files.get(sha)
    return record.name if record else UNKNOWN_FILE.text(sha=sha[:12])


def _values(event: Event, key: str, files: dict[str, FileRecord]) -> dict[str, Any]:
    """What an event's line may name: its file, outcome, old and new values."""
    values: dict[str, Any] = {"old": event.old, "new": event.new, "reason": event.reason}
    if event.kind in ("file.received", "file.duplicate"):
        record = files.get(event.input_hash or "")
        values["name"] = str(event.data.get("name") or (record.name if record else ""))
        values["outcome"] = OUTCOME_LABELS[record.outcome] if record else event.new
        values["new"] = values["outcome"] if event.kind == "file.received" else None
    elif event.kind == "submission.current":
        values["name"] = str(event.data.get("name") or _file_name(event.new, files))
        values["old"], values["new"] = _file_name(event.old, files), _file_name(event.new, files)
    elif event.kind == "roster.set":
        added = any(str(i).casefold() == key for i in event.data.get("ditambah", []))
        values["change"] = (ROSTER_ADDED if added else ROSTER_REMOVED).text()
        values["old"] = values["new"] = None
    else:
        values["name"] = str(event.data.get("name") or event.data.get("berkas") or event.new or "")
        # Decisions name what they decided in their data (the question, the verifier, ...).
        values.update({k: v for k, v in event.data.items() if k not in values})
        if event.kind in ("signoff.recorded", "penetapan.recorded"):
            # The line names the score; old → new is the status, as for every other change of state.
            values["nilai"] = event.new
            values["new"] = event.data.get("tingkat") if event.kind == "signoff.recorded" else STATUS_LABELS[SignOffStatus.FIXED]
    return values


def history_row(event: Event, key: str, files: dict[str, FileRecord]) -> HistoryRow:
    """One event in words (rule D2); ``key`` is the case-folded body ID the trail is for."""
    values = _values(event, key, files)
    line = HISTORY_LINES.get(event.kind)
    what = line.text(**values) if line else EVENT_KINDS.get(event.kind, event.kind).capitalize() + "."
    return HistoryRow(
        seq=event.seq,
        at=event.at,
        when=format_timestamp(dt.datetime.fromisoformat(event.at)),
        actor=event.actor,
        kind=event.kind,
        label=EVENT_KINDS.get(event.kind, event.kind),
        what=what,
        old=values["old"],
        new=values["new"],
        reason=event.reason,
        input_hash=event.input_hash,
    )


def body_history(events: Sequence[Event], body: RosterEntry) -> History:
    """A body's trail from the round's log (rules D1, D2)."""
    files = file_records(events)
    key = body.id.casefold()
    rows = tuple(history_row(e, key, files) for e in events if _concerns(e, key, files))
    return History(body_id=body.id, body_name=body.name, category=body.category, rows=rows)
