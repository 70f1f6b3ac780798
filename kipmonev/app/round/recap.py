"""``round recap``: score every body's current version and write results, the recap and its reports.

The batch is :func:`kipmonev.app.batch.run_batch`, given the current versions (the copies in the intake
store, so what is scored is exactly what was received), the roster and every body's status from the log:
the recap's funnel starts at the roster and every body without a scorable version is listed by name.
The verifier's track is the round's log (:func:`kipmonev.app.round.signoff.round_inputs`): the
verdicts recorded from verifier packs for exactly the version scored, never the body's own workbook;
with sanggah, scored before and after the accepted claims (:func:`kipmonev.app.round.sanggah.logged_objections`).
The later stages are the panelists' scores the log holds (:func:`kipmonev.app.round.stages.logged_stages`),
combined by putaran.yaml's ``gabungan_panel`` (bawaan rata-rata), as ``score --panel`` combines a kit's.
Each result carries the body's sign-off state (final only after the sign-offs putaran.yaml requires) and the
files it was computed from, with their SHA-256.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from kipmonev.app import problems_round as pa
from kipmonev.app.batch import BatchOptions, BatchResult, run_batch
from kipmonev.app.round.sanggah import logged_objections
from kipmonev.app.round.signoff import log_name, round_inputs
from kipmonev.app.round.stages import logged_stages
from kipmonev.app.round.status import round_progress
from kipmonev.app.round.workspace import Round
from kipmonev.core.errors import KipmonevError, Location
from kipmonev.engine.round import current_versions, file_records
from kipmonev.engine.stages import CombineRule
from kipmonev.formats.round_layout import RECAP_DIR
from kipmonev.model.result import InputFile, InputRole
from kipmonev.model.round import NewEvent, Outcome


def recap_dir(r: Round) -> Path:
    """Where the round's results, recap and reports go."""
    return r.folder / RECAP_DIR


def round_recap(r: Round, date: dt.date, jobs: int = 1) -> BatchResult:
    """Score the current version of every roster body and write ``<round>/rekap/``.

    Raises:
        KipmonevError: No body has a scorable version yet.
        BatchInterruptedError: Stopped by Ctrl-C or SIGTERM.
    """
    events = r.events()
    files = file_records(events)
    current = [files[sha] for sha in current_versions(events).values() if sha in files]
    versions = [f for f in current if f.outcome is Outcome.VERSION]
    if not versions:
        raise KipmonevError("Belum ada isian untuk dinilai.", (pa.NOTHING_TO_SCORE.at(Location(str(r.folder))),))
    inputs = [r.folder / f.stored for f in versions]
    names = {str(path): f.name for path, f in zip(inputs, versions, strict=True)}
    progress = round_progress(r, date)
    logged = round_inputs(r)
    stages = logged_stages(r, CombineRule(r.config.panel_combine))
    extra = {str(r.folder / stored): files for stored, files in logged.extra_inputs.items()}
    if stages is not None:  # the panelists' sheets each body's stage scores came from, with their SHA-256
        for path, f in zip(inputs, versions, strict=True):
            sheets = stages.sheets.get((f.body_id or "").casefold(), ())
            extra[str(path)] = (*extra.get(str(path), ()), *(InputFile(role=InputRole.PANEL, name=name, sha256=sha) for name, sha in sheets))
    options = BatchOptions(
        out_dir=recap_dir(r),
        date=date.isoformat(),
        jobs=jobs,
        rule_set=r.config.rule_set,
        roster=r.roster.entries,
        statuses={b.id: b.status for b in progress.bodies},
        names=names,
        editions=tuple(r.config.editions.values()),
        commission_verifies=True,
        verifications={str(r.folder / stored): answers for stored, answers in logged.verifications.items()},
        signoffs={str(r.folder / stored): s for stored, s in logged.signoffs.items()},
        extra_inputs=extra,
        combine=CombineRule(r.config.panel_combine),
        stages=stages.panel if stages is not None else None,
        log_name=log_name(r),
        objections={str(r.folder / stored): claims for stored, claims in logged_objections(r).items()},
    )
    result = run_batch(inputs, options)
    r.store.append(
        r.actor,
        [
            NewEvent(kind="output.written", subject="rekap", new=p.name, input_hash=hashlib.sha256(p.read_bytes()).hexdigest(), reason="rekap putaran ditulis", data={"jenis": "rekap", "berkas": p.name})
            for p in result.written
            if p.is_file()
        ],
    )
    return result
