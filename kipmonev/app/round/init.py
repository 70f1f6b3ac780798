"""``round init``: a new round folder with putaran.yaml, the roster and an empty event log."""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass
from pathlib import Path

from kipmonev.app import problems_round as pa
from kipmonev.app.round.workspace import default_actor, open_round
from kipmonev.core.catalogue import quoted
from kipmonev.core.errors import KipmonevError, Location
from kipmonev.core.resources import shipped_editions
from kipmonev.formats.round_layout import CONFIG_FILE, ROSTER_FILE, STORE_FILE
from kipmonev.model.round import Deadlines, NewEvent, RoundConfig
from kipmonev.outputs.round_files import write_config, write_roster_template
from kipmonev.sources.loader import load_questionnaire, load_rule_set
from kipmonev.sources.roster import read_roster
from kipmonev.sources.round_store import RoundStore


@dataclass(frozen=True)
class InitOptions:
    """What ``round init`` is told."""

    commission: str
    year: int | None = None
    rule_set: str | None = None
    roster: Path | None = None
    filling: dt.date | None = None
    verification: dt.date | None = None
    objection: dt.date | None = None


def shipped_editions_of(year: int | None) -> tuple[int, dict[str, str]]:
    """The shipped editions of a year (the newest year when ``None``): category → edition id.

    Raises:
        KipmonevError: No shipped edition for that year.
    """
    by_year: dict[int, dict[str, str]] = {}
    for shipped in shipped_editions():
        q = load_questionnaire(shipped.id)
        by_year.setdefault(q.year, {})[q.category] = q.id
    chosen = year if year is not None else max(by_year)
    if chosen not in by_year:
        raise KipmonevError("Edisi tidak ditemukan.", (pa.NO_EDITIONS.at(Location("--year"), year=str(chosen), years=quoted([str(y) for y in sorted(by_year)])),))
    return chosen, by_year[chosen]


@dataclass(frozen=True)
class InitResult:
    """What ``round init`` wrote."""

    folder: Path
    config: RoundConfig
    roster_file: Path
    bodies: int | None  # None: the roster is an empty template still to be filled
    written: tuple[Path, ...]


def init_round(folder: Path, options: InitOptions, actor: str | None = None) -> InitResult:
    """Create the round: putaran.yaml, the roster (copied and checked, or an empty template) and the log.

    Nothing is written when the options or the given roster are invalid.

    Raises:
        KipmonevError: The folder already holds a round, or no editions for the year.
        QuestionnaireError: The given roster or rule set is invalid (every problem listed).
    """
    if (folder / CONFIG_FILE).exists():
        raise KipmonevError("Putaran sudah ada.", (pa.ROUND_EXISTS.at(Location(str(folder / CONFIG_FILE))),))
    deadlines = Deadlines(filling=options.filling, verification=options.verification, objection=options.objection)
    year, editions = shipped_editions_of(options.year)
    if options.rule_set:
        load_rule_set(options.rule_set)
    roster_name = ROSTER_FILE if options.roster is None else "daftar-badan-publik" + options.roster.suffix.lower()
    config = RoundConfig(commission=" ".join(options.commission.split()), year=year, editions=editions, rule_set=options.rule_set, roster=roster_name, deadlines=deadlines)
    bodies = len(read_roster(options.roster, editions).entries) if options.roster is not None else None  # checked before anything is written
    folder.mkdir(parents=True, exist_ok=True)
    roster_file = folder / roster_name
    if options.roster is not None:
        shutil.copyfile(options.roster, roster_file)
    elif not roster_file.exists():
        write_roster_template(roster_file)
    write_config(config, folder / CONFIG_FILE)
    with RoundStore.open(folder / STORE_FILE) as store:
        store.append(actor or default_actor(), [NewEvent(kind="round.created", subject="putaran", new=config.commission, reason=f"putaran {config.year} dibuat")])
    if bodies is not None:
        open_round(folder, actor).close()  # records the settings and the roster in the log
    return InitResult(folder, config, roster_file, bodies, (folder / CONFIG_FILE, roster_file, folder / STORE_FILE))
