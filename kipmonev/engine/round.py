"""The state of a round, derived from its event log. Pure: events, roster and date in, models out.

Rules (cited by tests):

    R1  A file is registered once per content (SHA-256). The same content under another name is a duplicate:
        listed, never a version.
    R2  A body's current version is the one named by its latest ``submission.current`` event: the newest
        version received wins; earlier versions stay in the log and are listed as ``versi lama``.
    R3  Blank templates, files for IDs not on the roster, files that are not workbooks and the round's own
        outputs are listed by name and never become a version, so they are never scored or ranked.
    R4  A body's status comes from its current version: none → ``tidak mengirim`` (``mengirim templat
        kosong`` when it only sent blank templates); unreadable → ``perlu perbaikan``; unanswered questions →
        ``belum lengkap``; answers earning points without the evidence they require → ``jawaban tanpa bukti``;
        otherwise ``lengkap``.
    R5  Counts per category follow the order of ``edisi`` in putaran.yaml; counts per parent body list the
        parents in name order, bodies without a parent last.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kipmonev.core.formatting import format_long_date
from kipmonev.model.round import (
    OUTCOME_LABELS,
    STATUS_LABELS,
    BodyProgress,
    BodyStatus,
    Event,
    FileRecord,
    FileRow,
    GroupCount,
    Outcome,
    Progress,
    RosterEntry,
    RoundConfig,
)

NO_PARENT = "(tanpa induk)"
#: The statuses of bodies that sent something the round can score.
SENT = frozenset({BodyStatus.NEEDS_FIX, BodyStatus.INCOMPLETE, BodyStatus.NO_EVIDENCE, BodyStatus.COMPLETE})


def body_from_file_name(name: str, ids: dict[str, str]) -> str | None:
    """The roster ID a file name starts with (``KEM-01-…xlsx``; ``ids`` maps case-folded IDs to IDs), if any.

    Used only for workbooks whose own identity cannot be read, so their status can still be shown.
    """
    lowered = name.casefold()
    best: tuple[str, str] | None = None
    for key, body_id in ids.items():
        if lowered.startswith(key) and (len(lowered) == len(key) or not lowered[len(key)].isalnum()) and (best is None or len(key) > len(best[0])):
            best = (key, body_id)
    return best[1] if best else None


def file_records(events: Iterable[Event]) -> dict[str, FileRecord]:
    """Every registered file by SHA-256, with the other names its duplicates came under (R1)."""
    files: dict[str, FileRecord] = {}
    for event in events:
        if event.kind == "file.received" and event.input_hash:
            files[event.input_hash] = FileRecord.model_validate({**event.data, "received_at": event.at, "received_by": event.actor})
        elif event.kind == "file.duplicate" and event.input_hash in files:
            record = files[event.input_hash]
            files[event.input_hash] = record.model_copy(update={"duplicates": (*record.duplicates, str(event.data.get("name", "")))})
    return files


def current_versions(events: Iterable[Event]) -> dict[str, str]:
    """Body ID (case-folded) → SHA-256 of its current version (R2)."""
    current: dict[str, str] = {}
    for event in events:
        if event.kind == "submission.current" and event.new:
            current[event.subject.casefold()] = event.new
    return current


def _status(record: FileRecord | None, blanks: int) -> BodyStatus:
    """Rule R4."""
    if record is None:
        return BodyStatus.BLANK if blanks else BodyStatus.NOT_SENT
    if record.outcome is Outcome.UNREADABLE:
        return BodyStatus.NEEDS_FIX
    if record.missing:
        return BodyStatus.INCOMPLETE
    if record.no_evidence:
        return BodyStatus.NO_EVIDENCE
    return BodyStatus.COMPLETE


def _to_do(status: BodyStatus, record: FileRecord | None, config: RoundConfig) -> str:
    deadline = config.deadlines.filling
    by = f" paling lambat {format_long_date(deadline)}" if deadline else ""
    match status:
        case BodyStatus.NOT_SENT:
            return f"Kirim isian kuesioner{by}."
        case BodyStatus.BLANK:
            return f"Templat yang dikirim masih kosong; isi kuesionernya lalu kirim ulang{by}."
        case BodyStatus.NEEDS_FIX:
            first = record.problems[0] if record and record.problems else "isian tidak dapat dibaca."
            return f"Perbaiki isian lalu kirim ulang{by}: {first}"
        case BodyStatus.INCOMPLETE:
            assert record is not None
            return f"Jawab {record.missing} pertanyaan yang masih kosong{by}."
        case BodyStatus.NO_EVIDENCE:
            assert record is not None
            return f"Lengkapi bukti dukung untuk {record.no_evidence} jawaban bernilai{by}."
        case BodyStatus.COMPLETE:
            return "Tidak ada; isian lengkap dan menunggu verifikasi."


def _group(name: str, bodies: Sequence[BodyProgress]) -> GroupCount:
    counts = {s.value: sum(1 for b in bodies if b.status is s) for s in BodyStatus}
    return GroupCount(group=name, counts=counts, invited=len(bodies), sent=sum(1 for b in bodies if b.status in SENT))


def build_progress(config: RoundConfig, roster: Sequence[RosterEntry], events: Sequence[Event], date: str) -> Progress:
    """The round's progress: every roster body's status, counts per category and parent, every file (R1–R5)."""
    files = file_records(events)
    current = current_versions(events)
    names = {e.id.casefold(): e for e in roster}
    versions: dict[str, list[FileRecord]] = {}
    blanks: dict[str, int] = {}
    for record in files.values():
        key = (record.body_id or "").casefold()
        if record.outcome in (Outcome.VERSION, Outcome.UNREADABLE) and key in names:
            versions.setdefault(key, []).append(record)
        elif record.outcome is Outcome.BLANK and key:
            blanks[key] = blanks.get(key, 0) + 1
    bodies: list[BodyProgress] = []
    for entry in roster:
        key = entry.id.casefold()
        chosen = files.get(current.get(key, ""))
        status = _status(chosen, blanks.get(key, 0))
        bodies.append(
            BodyProgress(
                id=entry.id,
                name=entry.name,
                category=entry.category,
                parent=entry.parent,
                ppid_email=entry.ppid_email,
                status=status,
                status_label=STATUS_LABELS[status],
                versions=len(versions.get(key, [])),
                current_file=chosen.name if chosen else None,
                received_at=chosen.received_at if chosen else None,
                questions=chosen.questions if chosen else 0,
                answered=chosen.answered if chosen else 0,
                missing=chosen.missing if chosen else 0,
                no_evidence=chosen.no_evidence if chosen else 0,
                to_do=_to_do(status, chosen, config),
                warnings=chosen.warnings if chosen else (),
            )
        )
    categories = list(config.editions)
    by_category = [_group(c, [b for b in bodies if b.category == c]) for c in categories]
    parents = sorted({b.parent for b in bodies if b.parent}, key=str.casefold)
    by_parent = [_group(p, [b for b in bodies if b.parent == p]) for p in parents]
    if parents and any(b.parent is None for b in bodies):
        by_parent.append(_group(NO_PARENT, [b for b in bodies if b.parent is None]))
    rows = [_file_row(record, current, names) for record in files.values()]
    return Progress(
        commission=config.commission,
        year=config.year,
        date=date,
        deadlines=config.deadlines,
        bodies=tuple(bodies),
        by_category=tuple(by_category),
        by_parent=tuple(by_parent),
        totals=_group("Jumlah", bodies),
        files=tuple(rows),
    )


def _file_row(record: FileRecord, current: dict[str, str], roster: dict[str, RosterEntry]) -> FileRow:
    key = (record.body_id or "").casefold()
    entry = roster.get(key)
    if record.outcome in (Outcome.VERSION, Outcome.UNREADABLE) and entry is not None:
        role = "versi berlaku" if current.get(key) == record.sha256 else "versi lama"
    else:
        role = "tidak dinilai"
    details = [*record.problems[:1], *record.warnings[:1]]
    if record.duplicates:
        details.append("Juga diterima sebagai: " + ", ".join(record.duplicates) + ".")
    return FileRow(
        name=record.name,
        sha256=record.sha256,
        outcome=record.outcome,
        outcome_label=OUTCOME_LABELS[record.outcome],
        body_id=record.body_id,
        body_name=entry.name if entry else record.identity_name,
        received_at=record.received_at,
        role=role,
        detail=" ".join(details),
    )
