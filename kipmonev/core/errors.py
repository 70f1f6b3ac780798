"""Error types shared by every layer: where a problem is, what it is, and the exception that carries them.

Nothing else lives here, so every other module can import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kipmonev.core.problems import MORE_PROBLEMS

#: The most problems one error message lists before it says how many more there are.
MAX_LISTED_PROBLEMS = 50


@dataclass(frozen=True)
class Location:
    """Where a problem is: a file (or a named in-memory source) and, when known, the place inside it.

    Attributes:
        source: The file path, or a short description of an in-memory source ("jawaban").
        sheet: The worksheet name, for spreadsheets.
        cell: The cell reference ("F23"), for spreadsheets.
        line: The 1-based line, for text files.
        field: The dotted field path inside a structured document ("pertanyaan[3].poin").
    """

    source: str
    sheet: str | None = None
    cell: str | None = None
    line: int | None = None
    field: str | None = None

    def place(self) -> str | None:
        """The place inside the file without the file: ``Kuesioner!F23``, the sheet or the cell alone, or ``None``."""
        if self.sheet is None:
            return self.cell
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    def __str__(self) -> str:
        """Render as users read it: ``isian.xlsx, Kuesioner!F23`` or ``kementerian.yaml, baris 12``."""
        text = self.source
        if self.sheet is not None:
            text += f", {self.sheet}" + (f"!{self.cell}" if self.cell else "")
        elif self.cell is not None:
            text += f", sel {self.cell}"
        if self.line is not None:
            text += f", baris {self.line}"
        if self.field is not None:
            text += f" ({self.field})"
        return text


@dataclass(frozen=True)
class Problem:
    """One problem found in a user's file.

    Attributes:
        location: Where it is; always required, so no message says "row unknown".
        code: A stable identifier such as ``KM-Q-003``, for tests and machine output.
        message: The complete sentence(s) for the user, in Bahasa Indonesia: what is wrong and what to do.
    """

    location: Location
    code: str
    message: str

    def __str__(self) -> str:
        """Render as ``<where>: <message>``."""
        return f"{self.location}: {self.message}"

    def to_dict(self) -> dict[str, str | int | None]:
        """Return a JSON-ready mapping, used by ``--json`` outputs."""
        loc = self.location
        return {
            "code": self.code,
            "message": self.message,
            "source": loc.source,
            "sheet": loc.sheet,
            "cell": loc.cell,
            "line": loc.line,
            "field": loc.field,
            "text": str(self),
        }


@dataclass
class KipmonevError(Exception):
    """Base of every error kipmonev raises about input; ``str(error)`` is the complete message for the user.

    Attributes:
        problems: Every problem found, in the order found; never empty.
        summary: A one-line heading for the list.
    """

    summary: str
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        """Initialise the underlying Exception so pickling and ``args`` behave."""
        super().__init__(self.summary, self.problems)

    def __reduce__(self) -> tuple[type[KipmonevError], tuple[str, tuple[Problem, ...]]]:
        """Pickle by constructor arguments, so errors cross process boundaries in batch runs."""
        return (type(self), (self.summary, self.problems))

    def __str__(self) -> str:
        """Render the heading, then one problem per line, capped at MAX_LISTED_PROBLEMS."""
        if not self.problems:
            return self.summary
        if len(self.problems) == 1:
            return str(self.problems[0])
        lines = [self.summary]
        lines += [f"- {p}" for p in self.problems[:MAX_LISTED_PROBLEMS]]
        extra = len(self.problems) - MAX_LISTED_PROBLEMS
        if extra > 0:
            lines.append(MORE_PROBLEMS.format(count=extra))
        return "\n".join(lines)


class QuestionnaireError(KipmonevError):
    """A questionnaire or rule-set file is unreadable or breaks the format's rules."""


class SubmissionError(KipmonevError):
    """Answers given to the scoring engine do not fit the questionnaire."""


class WorkbookError(KipmonevError):
    """A filled workbook cannot be read."""


class RenderError(KipmonevError):
    """A report cannot be rendered or written."""
