"""Problem catalogues: every problem kipmonev reports is one entry with a stable code, a severity and a template.

Each layer keeps its own catalogue module (``kipmonev/<layer>/problems.py``) of module-level entries::

    DUPLICATE_BODY = Entry("KM-B-013", ERROR, "berkas ini dan {others} memakai ID badan publik yang sama ({body}). Beri setiap badan publik ID sendiri.")

    raise WorkbookError(summary, (DUPLICATE_BODY.at(Location(path, "Identitas", "B3"), body=body_id, others=names),))

Texts people read that are not problems (summary headings, reasons, fragments, CLI lines) are :class:`Text`
entries in the same catalogues, so no Indonesian sentence is written at a call site::

    NOT_READABLE = Text("Hasil tidak dapat dibaca.")

Templates are ``str.format`` templates in Bahasa Indonesia, written as ``<what is wrong>. <the rule>. <what to
do>.``; the location is put in front when the problem is shown. Values are formatted here, the Indonesian way:
an ``int`` with thousands dots (``1.234``), a ``Decimal`` or ``float`` with the decimals it needs (``2,5``),
a list or tuple of strings as ``'a', 'b' atau 'c'``. One code means one problem: ``tests/test_catalogue.py``
checks that codes are unique across catalogues and that every entry is used.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kipmonev.core.errors import Location, Problem
from kipmonev.core.formatting import format_number, format_plain


class Severity(StrEnum):
    """How much a problem matters: an error stops a file from being scored, a warning does not."""

    ERROR = "error"
    WARNING = "warning"


ERROR = Severity.ERROR
WARNING = Severity.WARNING


def quoted(items: Iterable[str], last: str = "atau") -> str:
    """Join items as ``'a', 'b' atau 'c'`` (or with ``dan`` as ``last``)."""
    parts = [f"'{i}'" for i in items]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {last} " + parts[-1]


def _value(value: object) -> object:
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int):
        return format_number(value, 0)
    if isinstance(value, Decimal | float):
        return format_plain(value)
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return quoted(value)
    return value


@dataclass(frozen=True)
class Entry:
    """One kind of problem.

    Attributes:
        code: The stable code (``KM-B-013``), for tests and machine output.
        severity: Error or warning.
        template: The Indonesian sentence(s), a ``str.format`` template over named values.
    """

    code: str
    severity: Severity
    template: str

    @property
    def fields(self) -> tuple[str, ...]:
        """The names of the values the template needs."""
        return tuple(name for _, name, _, _ in string.Formatter().parse(self.template) if name)

    def text(self, **values: object) -> str:
        """The message with its values filled in and formatted the Indonesian way.

        Raises:
            KeyError: A value the template needs is missing (a programming error, caught by the tests).
        """
        return self.template.format(**{k: _value(v) for k, v in values.items()})

    def at(self, location: Location, **values: object) -> Problem:
        """The problem at ``location``."""
        return Problem(location, self.code, self.text(**values))

    def fill(self, **values: object) -> Message:
        """The problem's code and text, for a helper that adds the location itself."""
        return Message(self.code, self.severity, self.text(**values))


@dataclass(frozen=True)
class Message:
    """An entry with its values filled in, still without a location.

    Attributes:
        code: The entry's code.
        severity: The entry's severity.
        text: The filled-in sentence(s).
    """

    code: str
    severity: Severity
    text: str

    def at(self, location: Location) -> Problem:
        """The problem at ``location``."""
        return Problem(location, self.code, self.text)


@dataclass(frozen=True)
class Text:
    """A text people read that is not a problem: a heading, a reason, a fragment of a sentence, a CLI line.

    Attributes:
        template: The Indonesian text, a ``str.format`` template over named values (formatted as for :class:`Entry`).
    """

    template: str

    @property
    def fields(self) -> tuple[str, ...]:
        """The names of the values the template needs."""
        return tuple(name for _, name, _, _ in string.Formatter().parse(self.template) if name)

    def text(self, **values: object) -> str:
        """The text with its values filled in and formatted the Indonesian way.

        Raises:
            KeyError: A value the template needs is missing.
        """
        return self.template.format(**{k: _value(v) for k, v in values.items()})


def entries(module_globals: dict[str, object]) -> Sequence[tuple[str, Entry]]:
    """The entries a catalogue module defines, by name, in the order written."""
    return [(name, value) for name, value in module_globals.items() if isinstance(value, Entry)]


def texts(module_globals: dict[str, object]) -> Sequence[tuple[str, Text]]:
    """The texts a catalogue module defines, by name, in the order written."""
    return [(name, value) for name, value in module_globals.items() if isinstance(value, Text)]
