"""The round's state: one SQLite file holding an append-only event log.

- WAL journal, ``synchronous=FULL`` and a busy timeout: a reader never blocks a writer, a second command
  waits for the first instead of failing, and a process killed at any point (``kill -9``) leaves the last
  committed transaction intact.
- Writes go through :meth:`RoundStore.transaction`, which takes the write lock first (``BEGIN IMMEDIATE``),
  so a check (is this file known?) and the events it leads to are one atomic step even when two commands
  run at once on one round.
- The ``events`` table refuses ``UPDATE`` and ``DELETE`` (triggers): nothing is overwritten or lost. State is
  derived from the events by the caller.
- ``PRAGMA user_version`` is the schema version; :data:`MIGRATIONS` bring an older file up to date, in one
  transaction each. A file from a newer kipmonev is refused, never changed.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from kipmonev.core import problems_reasons as t
from kipmonev.core.catalogue import quoted
from kipmonev.core.errors import KipmonevError, Location
from kipmonev.model.round import EVENT_KINDS, Event, NewEvent
from kipmonev.sources import problems_round as pr

#: How long a command waits for another one's write lock before giving up, in milliseconds.
BUSY_TIMEOUT_MS = 60_000

_V1 = """
CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    old TEXT,
    new TEXT,
    reason TEXT,
    input_hash TEXT,
    data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
);
CREATE INDEX events_subject ON events (subject, seq);
CREATE INDEX events_kind ON events (kind, seq);
-- One registration per file content; a second one is a duplicate, recorded as such.
CREATE UNIQUE INDEX events_file_once ON events (input_hash) WHERE kind = 'file.received';
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
"""

#: Schema migrations: ``MIGRATIONS[i]`` brings ``user_version`` i to i + 1.
MIGRATIONS: tuple[str, ...] = (_V1,)
SCHEMA_VERSION = len(MIGRATIONS)


def _store_reason(error: sqlite3.Error) -> str:
    """Why the round's database cannot be opened, in Bahasa Indonesia (rule R1)."""
    text = str(error)
    if "not a database" in text or "malformed" in text:
        return t.DATABASE_NOT_SQLITE.text()
    if "locked" in text or "busy" in text:
        return t.DATABASE_LOCKED.text()
    if "unable to open" in text:
        return t.DATABASE_CANNOT_OPEN.text()
    return t.DATABASE_OTHER.text()


class StoreError(KipmonevError):
    """The round database cannot be opened or is from a newer kipmonev."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


class Transaction:
    """An open write transaction: read and append within one lock."""

    def __init__(self, store: RoundStore, actor: str) -> None:
        """Bind to the store's connection."""
        self._store = store
        self._actor = actor

    def append(self, events: Sequence[NewEvent]) -> list[Event]:
        """Append events, numbered in order, with the time of this transaction's clock reading.

        Raises:
            StoreError: An unknown event kind (a programming error).
        """
        written: list[Event] = []
        for event in events:
            if event.kind not in EVENT_KINDS:
                raise StoreError(pr.SUMMARY_STORE_EVENT_KIND.text(), (pr.EVENT_KIND_UNKNOWN.at(Location(str(self._store.path)), kind=event.kind, known=quoted(list(EVENT_KINDS))),))
            at = _now()
            cursor = self._store.connection.execute(
                "INSERT INTO events (at, actor, kind, subject, old, new, reason, input_hash, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (at, self._actor, event.kind, event.subject, event.old, event.new, event.reason, event.input_hash, json.dumps(event.data, ensure_ascii=False, sort_keys=True)),
            )
            assert cursor.lastrowid is not None
            written.append(Event(seq=cursor.lastrowid, at=at, actor=self._actor, **event.model_dump()))
        return written

    def events(self, kind: str | None = None, subject: str | None = None) -> list[Event]:
        """Events so far (this transaction's included), oldest first."""
        return self._store.events(kind, subject)

    def file_known(self, sha256: str) -> bool:
        """Whether a file with this content was registered."""
        row = self._store.connection.execute("SELECT 1 FROM events WHERE kind = 'file.received' AND input_hash = ?", (sha256,)).fetchone()
        return row is not None


class RoundStore:
    """The event log of one round; open it with :meth:`open` (a context manager)."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        """Wrap an open connection; use :meth:`open`."""
        self.path = path
        self.connection = connection

    @classmethod
    def open(cls, path: Path) -> RoundStore:
        """Open (or create) the database and bring its schema up to date.

        Raises:
            StoreError: The file is not a SQLite database, or its schema is newer than this kipmonev knows.
        """
        source = str(path)
        try:
            connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        except sqlite3.Error as e:
            raise StoreError(pr.SUMMARY_STORE_UNREADABLE.text(), (pr.STORE_UNREADABLE.at(Location(source), reason=_store_reason(e)),)) from e
        store = cls(path, connection)
        try:
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            store._refuse_newer()  # before anything (the journal mode included) changes the file
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            store._migrate()
        except sqlite3.DatabaseError as e:
            connection.close()
            raise StoreError(pr.SUMMARY_STORE_UNREADABLE.text(), (pr.STORE_UNREADABLE.at(Location(source), reason=_store_reason(e)),)) from e
        except BaseException:
            connection.close()
            raise
        return store

    def _refuse_newer(self) -> None:
        version = int(self.connection.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(pr.SUMMARY_STORE_NEWER.text(), (pr.STORE_NEWER.at(Location(str(self.path)), found=version, known=SCHEMA_VERSION),))

    def _migrate(self) -> None:
        version = int(self.connection.execute("PRAGMA user_version").fetchone()[0])
        while version < SCHEMA_VERSION:
            self.connection.execute("BEGIN IMMEDIATE")
            try:
                # Another command may have migrated while this one waited for the lock.
                current = int(self.connection.execute("PRAGMA user_version").fetchone()[0])
                if current == version:
                    for statement in _statements(MIGRATIONS[version]):
                        self.connection.execute(statement)
                    self.connection.execute(f"PRAGMA user_version = {version + 1}")
                self.connection.execute("COMMIT")
            except BaseException:
                self.connection.execute("ROLLBACK")
                raise
            version = int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self, actor: str) -> Iterator[Transaction]:
        """A write transaction that holds the round's write lock from its first statement.

        Everything appended inside is committed together when the block ends, or not at all.
        """
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield Transaction(self, actor)
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def append(self, actor: str, events: Sequence[NewEvent]) -> list[Event]:
        """Append events in one transaction."""
        with self.transaction(actor) as tx:
            return tx.append(events)

    def events(self, kind: str | None = None, subject: str | None = None) -> list[Event]:
        """Events, oldest first, optionally of one kind (``file.`` matches every kind starting so) or subject."""
        query = "SELECT seq, at, actor, kind, subject, old, new, reason, input_hash, data FROM events"
        where: list[str] = []
        args: list[str] = []
        if kind is not None:
            if kind.endswith("."):
                where.append("kind LIKE ?")
                args.append(kind + "%")
            else:
                where.append("kind = ?")
                args.append(kind)
        if subject is not None:
            where.append("subject = ?")
            args.append(subject)
        if where:
            query += " WHERE " + " AND ".join(where)
        rows = self.connection.execute(query + " ORDER BY seq", args).fetchall()
        return [
            Event(seq=r[0], at=r[1], actor=r[2], kind=r[3], subject=r[4], old=r[5], new=r[6], reason=r[7], input_hash=r[8], data=json.loads(r[9]))
            for r in rows
        ]

    def check(self) -> list[str]:
        """SQLite's own integrity check; ``["ok"]`` when the file is sound."""
        return [str(r[0]) for r in self.connection.execute("PRAGMA integrity_check").fetchall()]

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()

    def __enter__(self) -> RoundStore:
        """Enter a ``with`` block."""
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        """Close on leaving a ``with`` block."""
        self.close()


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (triggers keep their inner ``;``)."""
    statements: list[str] = []
    buffer = ""
    for line in script.strip().splitlines():
        if line.strip().startswith("--"):
            continue
        buffer += line + "\n"
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    return statements
