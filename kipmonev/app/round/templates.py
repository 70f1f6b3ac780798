"""``round templates``: one fill-in workbook per roster body, its identity filled in and its ID locked.

The body's template has no verifier columns and no stage scores (they belong to the commission), names the
round's commission, and carries the edition and rule set of the body's category. Each file's hash is
recorded (``output.written``), so a template sent back unfilled is recognised as a blank template.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kipmonev.app.round.workspace import Round
from kipmonev.core.fileio import safe_filename
from kipmonev.formats.round_layout import TEMPLATES_DIR
from kipmonev.model.round import NewEvent
from kipmonev.model.submission import BodyIdentity
from kipmonev.outputs.template import write_template


@dataclass(frozen=True)
class TemplatesResult:
    """What ``round templates`` wrote."""

    folder: Path
    written: tuple[Path, ...]


def template_name(body_id: str, name: str) -> str:
    """``<ID>-<name>.xlsx``: the ID first, so a file sent back can be told apart even when unreadable."""
    return f"{safe_filename(body_id)}-{safe_filename(name)[:60]}.xlsx"


def write_round_templates(r: Round, progress: Callable[[int, int], None] | None = None) -> TemplatesResult:
    """Write every roster body's template into ``<round>/templat/`` and record their hashes.

    Raises:
        WorkbookError: A file cannot be written.
    """
    out = r.folder / TEMPLATES_DIR
    out.mkdir(parents=True, exist_ok=True)
    known = {e.input_hash for e in r.events("output.written")}
    written: list[Path] = []
    events: list[NewEvent] = []
    entries = r.roster.entries
    for done, entry in enumerate(entries, start=1):
        q = r.questionnaire(entry.category)
        body = BodyIdentity(id=entry.id, name=entry.name, category=entry.category, ppid_email=entry.ppid_email, year=r.config.year)
        path = out / template_name(entry.id, entry.name)
        write_template(q, path, body, body_only=True, commission=r.config.commission)
        written.append(path)
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        if sha not in known:
            events.append(NewEvent(kind="output.written", subject=entry.id, new=path.name, input_hash=sha, reason="templat badan publik ditulis", data={"jenis": "templat", "id": entry.id, "berkas": path.name, "edisi": q.id}))
            known.add(sha)
        if progress is not None:
            progress(done, len(entries))
    if events:
        r.store.append(r.actor, events)
    return TemplatesResult(out, tuple(written))
