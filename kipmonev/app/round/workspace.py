"""Open a round folder: its settings, roster and event log, with changes to the files recorded as events.

``putaran.yaml`` and the roster are files people edit (a deadline extended, a body added). Every command
opens the round through :func:`open_round`, which compares both files with the hashes last recorded and, when
one changed, appends a ``config.set`` or ``roster.set`` event saying what changed, so the log shows when a
deadline moved and who was invited when.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from kipmonev.core.errors import Problem
from kipmonev.core.fileio import file_hash
from kipmonev.formats.round_layout import CONFIG_FILE, INTAKE_DIR, STORE_FILE
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.round import Event, NewEvent, Roster, RoundConfig
from kipmonev.sources.loader import load_questionnaire, load_rule_set, with_rule_set
from kipmonev.sources.roster import read_roster
from kipmonev.sources.round_config import read_round_config
from kipmonev.sources.round_store import RoundStore


def default_actor() -> str:
    """Who runs the command when ``--by`` is not given: the operating-system user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "tidak diketahui"




@dataclass
class Round:
    """An open round. Close it (or use it as a context manager) when done."""

    folder: Path
    config: RoundConfig
    roster: Roster
    store: RoundStore
    actor: str
    warnings: tuple[Problem, ...] = ()
    _questionnaires: dict[str, Questionnaire] = field(default_factory=dict)

    @property
    def intake_dir(self) -> Path:
        """Where copies of received files are kept."""
        return self.folder / INTAKE_DIR

    def questionnaire(self, category: str) -> Questionnaire:
        """The edition of a category, with the round's rule set applied."""
        if category not in self._questionnaires:
            q = load_questionnaire(self.config.editions[category])
            if self.config.rule_set:
                q = with_rule_set(q, load_rule_set(self.config.rule_set))
            self._questionnaires[category] = q
        return self._questionnaires[category]

    @cached_property
    def edition_ids(self) -> dict[str, str]:
        """Category → edition id."""
        return {c: self.questionnaire(c).id for c in self.config.editions}

    def events(self, kind: str | None = None, subject: str | None = None) -> list[Event]:
        """The log, oldest first."""
        return self.store.events(kind, subject)

    def close(self) -> None:
        """Close the database."""
        self.store.close()

    def __enter__(self) -> Round:
        """Enter a ``with`` block."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close on leaving a ``with`` block."""
        self.close()


def _config_summary(config: RoundConfig) -> dict[str, object]:
    return {
        "komisi": config.commission,
        "tahun": config.year,
        "aturan": config.rule_set,
        "edisi": config.editions,
        **({"gabungan_panel": config.panel_combine} if config.panel_combine != "mean" else {}),
        "tenggat": {k: v.isoformat() if v else None for k, v in (("pengisian", config.deadlines.filling), ("verifikasi", config.deadlines.verification), ("sanggah", config.deadlines.objection))},
    }


def _record_changes(r: Round) -> None:
    """Append config.set / roster.set when the files differ from what the log last recorded."""
    config_hash = file_hash(r.folder / CONFIG_FILE)
    roster_hash = file_hash(Path(r.roster.source))
    with r.store.transaction(r.actor) as tx:
        new: list[NewEvent] = []
        last_config = next(reversed(tx.events("config.set")), None)
        if last_config is None or last_config.input_hash != config_hash:
            summary = _config_summary(r.config)
            before = last_config.data.get("pengaturan") if last_config else None
            changed = sorted(k for k in summary if before is None or before.get(k) != summary[k])
            new.append(
                NewEvent(
                    kind="config.set", subject="putaran", old=last_config.input_hash if last_config else None, new=config_hash, input_hash=config_hash,
                    reason="putaran.yaml dibuat" if last_config is None else "putaran.yaml diubah: " + (", ".join(changed) or "penulisan saja"),
                    data={"pengaturan": summary, "sebelumnya": before},
                )
            )
        last_roster = next(reversed(tx.events("roster.set")), None)
        if last_roster is None or last_roster.input_hash != roster_hash:
            ids = [e.id for e in r.roster.entries]
            before_ids: list[str] = list(last_roster.data.get("id", [])) if last_roster else []
            added = [i for i in ids if i not in before_ids]
            removed = [i for i in before_ids if i not in ids]
            new.append(
                NewEvent(
                    kind="roster.set", subject="daftar", old=last_roster.input_hash if last_roster else None, new=roster_hash, input_hash=roster_hash,
                    reason=f"{len(ids)} badan publik; ditambah {len(added)}, dihapus {len(removed)}",
                    data={"berkas": Path(r.roster.source).name, "id": ids, "ditambah": added, "dihapus": removed},
                )
            )
        if new:
            tx.append(new)


def open_round(folder: Path, actor: str | None = None) -> Round:
    """Open the round in ``folder``: read and check its settings and roster, open its log, record changes.

    Raises:
        QuestionnaireError: putaran.yaml or the roster is missing or invalid (every problem listed).
        StoreError: The database cannot be opened or is from a newer kipmonev.
    """
    config, warnings = read_round_config(folder)
    roster_path = folder / config.roster
    roster = read_roster(roster_path, config.editions)
    store = RoundStore.open(folder / STORE_FILE)
    r = Round(folder, config, roster, store, actor or default_actor(), warnings)
    try:
        _record_changes(r)
    except BaseException:
        store.close()
        raise
    return r
