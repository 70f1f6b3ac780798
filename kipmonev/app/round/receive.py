"""``round receive``: register every file, keep a copy, and make the newest version of each body current.

For each file, in order of modification time (then name), so the newer of two versions is registered last:

1. Copy it into the intake store under its SHA-256 (streamed, hashed while copied, renamed into place), so a
   later edit of the original does not change what was received. Everything after reads the copy.
2. Work out what it is, outside any lock: a version of a roster body, an unreadable workbook of a body (it
   needs fixing), a blank template, a workbook for an unknown ID, a file that is no workbook, or one of the
   round's own outputs.
3. In one ``BEGIN IMMEDIATE`` transaction: if the content is already registered it is a duplicate; otherwise
   ``file.received`` and, for a version, ``submission.current`` (old → new) are appended together.

A process killed at any point leaves either both events or none; a copy without events is registered by
the next run, which finds the same hash. Two runs at once on one round serialise on step 3.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from kipmonev.app.round.workspace import Round
from kipmonev.core.errors import KipmonevError, Location, Problem, WorkbookError
from kipmonev.engine.round import body_from_file_name, file_records
from kipmonev.engine.scoring import score
from kipmonev.formats.round_layout import INTAKE_DIR, STORE_FILE
from kipmonev.model.round import OUTCOME_LABELS, NewEvent, Outcome
from kipmonev.sources import problems_round as pr
from kipmonev.sources.book_base import SPREADSHEET_SUFFIXES
from kipmonev.sources.reader import FilledWorkbook, read_workbook
from kipmonev.sources.round_store import Transaction

#: Spreadsheets the reader can score; other spreadsheet formats are read when the reader learns them.
_READABLE = SPREADSHEET_SUFFIXES


@dataclass(frozen=True)
class Received:
    """One file of a receive run, as reported to the person running it."""

    path: Path
    sha256: str
    outcome: Outcome | None  # None: a duplicate of a file already received
    body_id: str | None
    messages: tuple[Problem, ...]
    duplicate_of: str | None = None
    new: bool = True

    @property
    def label(self) -> str:
        """What the file is, in Indonesian."""
        if self.outcome is None:
            return "berkas kembar" if self.new else "sudah diterima sebelumnya"
        return OUTCOME_LABELS[self.outcome]


@dataclass(frozen=True)
class ReceiveReport:
    """Everything one receive run did."""

    items: tuple[Received, ...]

    def count(self, outcome: Outcome | None) -> int:
        """How many files had this outcome (``None``: duplicates)."""
        return sum(1 for i in self.items if i.outcome is outcome)


def collect_files(paths: Iterable[Path], round_folder: Path) -> list[Path]:
    """Files as given, and every file below given folders, oldest first (then by name), without duplicates.

    Hidden files, spreadsheet lock files (``~$…``), the intake store and the round database are skipped.
    """
    skip = [(round_folder / INTAKE_DIR).resolve()]
    store = (round_folder / STORE_FILE).resolve()
    found: dict[Path, Path] = {}
    for path in paths:
        candidates = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for candidate in candidates:
            resolved = candidate.resolve()
            if path.is_dir() and any(part.startswith(("~$", ".")) for part in candidate.relative_to(path).parts):
                continue
            if any(resolved.is_relative_to(s) for s in skip) or resolved.name.startswith(store.name):
                continue
            found.setdefault(resolved, candidate)
    return sorted(found.values(), key=lambda p: (p.stat().st_mtime_ns, str(p)))


def _copy_in(path: Path, intake: Path) -> tuple[str, Path]:
    """Copy a file into the intake store under its hash; return the hash and the stored copy."""
    intake.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    temporary = intake / f".{os.getpid()}.{path.name[:40]}.part"
    with path.open("rb") as source, temporary.open("wb") as target:
        for block in iter(lambda: source.read(1 << 20), b""):
            digest.update(block)
            target.write(block)
        target.flush()
        os.fsync(target.fileno())
    sha = digest.hexdigest()
    stored = intake / f"{sha}{path.suffix.lower()}"
    if stored.exists():
        temporary.unlink()
    else:
        temporary.replace(stored)
    return sha, stored


def _remove_stale_copies(intake: Path) -> None:
    """Delete half-made copies left by a run that was killed (``.<pid>.<name>.part`` of a pid that is gone)."""
    for part in intake.glob(".*.part") if intake.is_dir() else ():
        pid = part.name[1:].split(".", 1)[0]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            part.unlink(missing_ok=True)
        except PermissionError:  # a live process of another user
            continue


@dataclass(frozen=True)
class _Classified:
    outcome: Outcome
    body_id: str | None
    data: dict[str, object]
    messages: tuple[Problem, ...]


def _classify(r: Round, path: Path, stored: Path, sha: str, outputs: dict[str, dict[str, object]]) -> _Classified:
    source = path.name
    here = Location(source)
    suffix = path.suffix.lower()
    if sha in outputs:
        made = outputs[sha]
        if made.get("jenis") == "templat":
            body = str(made.get("id") or "") or None
            return _Classified(Outcome.BLANK, body, {}, (pr.BLANK_TEMPLATE.at(here),))
        return _Classified(Outcome.ROUND_OUTPUT, None, {}, (pr.ROUND_OUTPUT.at(here, what=str(made.get("jenis", "keluaran"))),))
    if suffix not in _READABLE:
        return _Classified(Outcome.NOT_WORKBOOK, None, {}, (pr.NOT_WORKBOOK.at(here, suffix=suffix or "tanpa akhiran"),))
    roster = r.roster.by_id()
    try:
        filled = _read(r, stored)
    except KipmonevError as e:
        problems = [str(p).replace(str(stored), source) for p in e.problems] or [e.summary]
        body = body_from_file_name(path.name, {k: v.id for k, v in roster.items()})
        return _Classified(Outcome.UNREADABLE, body, {"problems": problems}, (pr.UNREADABLE.at(here, count=len(problems), first=problems[0]),))
    submission = filled.submission
    identity = submission.body
    data: dict[str, object] = {"identity_name": identity.name, "identity_category": identity.category, "questionnaire_id": submission.questionnaire_id}
    entry = roster.get((identity.id or "").strip().casefold())
    if entry is None:
        message = pr.UNKNOWN_ID.at(here, id=identity.id) if identity.id else pr.NO_ID.at(here)
        return _Classified(Outcome.UNKNOWN_ID, identity.id, data, (message,))
    if submission.is_blank:
        return _Classified(Outcome.BLANK, entry.id, data, (pr.BLANK_TEMPLATE.at(here),))
    warnings: list[Problem] = []
    if " ".join(identity.name.split()).casefold() != " ".join(entry.name.split()).casefold():
        warnings.append(pr.NAME_MISMATCH.at(Location(source, "Identitas"), given=identity.name, id=entry.id, expected=entry.name))
    if identity.category and identity.category.strip().casefold() != entry.category.casefold():
        warnings.append(pr.CATEGORY_MISMATCH.at(Location(source, "Identitas"), given=identity.category, id=entry.id, expected=entry.category))
    expected = r.edition_ids.get(entry.category)
    if expected and submission.questionnaire_id != expected:
        warnings.append(pr.EDITION_MISMATCH.at(here, given=submission.questionnaire_id, expected=expected, category=entry.category))
    counts = score(filled.questionnaire, submission).counts
    data.update(questions=counts.questions, answered=counts.answered, missing=counts.missing, no_evidence=counts.no_evidence, verified=counts.verified)
    data["warnings"] = [p.message for p in warnings]
    return _Classified(Outcome.VERSION, entry.id, data, tuple(warnings))


def _read(r: Round, stored: Path) -> FilledWorkbook:
    """Read a workbook with the edition its metadata names; failing that, with the round's own editions.

    A round may use editions given as files (putaran.yaml ``edisi``), which a workbook's metadata cannot
    name by a shipped id; those are tried in turn, and the first that fits the metadata reads it.
    """
    try:
        return read_workbook(stored)
    except WorkbookError as e:
        if not any(p.code == "KM-W-024" for p in e.problems):
            raise
        for category in r.config.editions:
            try:
                return read_workbook(stored, r.questionnaire(category))
            except WorkbookError as other:
                if any(p.code in ("KM-W-022", "KM-W-023") for p in other.problems):
                    continue
                raise
        raise


def _outputs(r: Round) -> dict[str, dict[str, object]]:
    """The hashes of every file the round wrote itself, with what they are."""
    return {e.input_hash: e.data for e in [*r.events("output.written"), *r.events("sanggah.packed")] if e.input_hash}


def receive_files(r: Round, paths: Iterable[Path], progress: Callable[[int, int], None] | None = None) -> ReceiveReport:
    """Register every file under ``paths`` in the round (see the module docstring).

    Raises:
        KipmonevError: No file to receive.
    """
    from kipmonev.app import problems_round as pa

    given = list(paths)
    files = collect_files(given, r.folder)
    if not files:
        raise KipmonevError("Tidak ada berkas untuk diterima.", (pa.NO_INPUTS.at(Location(", ".join(str(p) for p in given) or ".")),))
    _remove_stale_copies(r.intake_dir)
    outputs = _outputs(r)
    items: list[Received] = []
    for done, path in enumerate(files, start=1):
        items.append(_receive_one(r, path, outputs))
        if progress is not None:
            progress(done, len(files))
    return ReceiveReport(tuple(items))


def _receive_one(r: Round, path: Path, outputs: dict[str, dict[str, object]]) -> Received:
    sha, stored = _copy_in(path, r.intake_dir)
    with r.store.transaction(r.actor) as tx:
        known = tx.file_known(sha)
    if known:
        return _duplicate(r, path, sha)
    classified = _classify(r, path, stored, sha, outputs)
    stat = path.stat()
    record = {
        "sha256": sha,
        "name": path.name,
        "source": str(path.resolve()),
        "size": stat.st_size,
        "modified": dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC).isoformat(timespec="seconds"),
        "stored": str(stored.relative_to(r.folder)),
        "outcome": classified.outcome.value,
        "body_id": classified.body_id,
        **classified.data,
    }
    with r.store.transaction(r.actor) as tx:
        raced = tx.file_known(sha)  # another run registered it while this one was reading
        if not raced:
            tx.append(_events(tx, path, sha, classified, record))
    if raced:
        return _duplicate(r, path, sha)
    return Received(path, sha, classified.outcome, classified.body_id, classified.messages)


def _events(tx: Transaction, path: Path, sha: str, classified: _Classified, record: dict[str, object]) -> list[NewEvent]:
    """``file.received`` and, for a version, the body's ``submission.current`` (old → new)."""
    events = [NewEvent(kind="file.received", subject=sha, new=classified.outcome.value, input_hash=sha, reason=f"diterima dari {path.name}", data=record)]
    if classified.outcome in (Outcome.VERSION, Outcome.UNREADABLE) and classified.body_id is not None:
        previous = next(reversed(tx.events("submission.current", classified.body_id)), None)
        events.append(
            NewEvent(
                kind="submission.current", subject=classified.body_id, old=previous.new if previous else None, new=sha, input_hash=sha,
                reason="versi pertama diterima" if previous is None else "versi yang lebih baru diterima", data={"name": path.name},
            )
        )
    return events


def _duplicate(r: Round, path: Path, sha: str) -> Received:
    """A file whose content is registered: a new name is recorded once, the same name again is a no-op."""
    with r.store.transaction(r.actor) as tx:
        record = file_records(tx.events("file."))[sha]
        names = {record.name, *record.duplicates}
        new = path.name not in names
        if new:
            tx.append([NewEvent(kind="file.duplicate", subject=sha, input_hash=sha, reason=f"isi sama dengan {record.name}", data={"name": path.name, "source": str(path.resolve())})])
    message = pr.DUPLICATE_FILE.at(Location(path.name), other=record.name) if new else pr.ALREADY_RECEIVED.at(Location(path.name))
    return Received(path, sha, None, record.body_id, (message,), duplicate_of=record.name, new=new)
