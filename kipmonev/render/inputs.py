"""Reading what a report is made from: a result JSON, or a filled workbook scored on the spot."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from kipmonev import messages as msg
from kipmonev.errors import Location, Problem, RenderError
from kipmonev.model import Questionnaire
from kipmonev.result import Assessment

#: Suffixes read as filled workbooks.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


def _fail(path: Path, code: str, text: str) -> RenderError:
    return RenderError(text, (Problem(Location(str(path)), code, text),))


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    if first["type"] == "json_invalid":
        return "isinya bukan JSON yang sah"
    where = ".".join(str(p) for p in first["loc"]) or "akar dokumen"
    return f"{error.error_count()} isian tidak sesuai skema, yang pertama di '{where}'"


def read_result(path: Path) -> Assessment:
    """Read a result JSON written by ``kipmonev score`` (:meth:`Assessment.to_json`).

    Raises:
        RenderError: The file cannot be read or is not a valid result.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise _fail(path, "KM-RN-008", msg.report_input_unreadable(e.strerror or str(e))) from e
    try:
        return Assessment.from_json(data)
    except ValidationError as e:
        raise _fail(path, "KM-RN-009", msg.report_input_not_result(_describe(e))) from e


def read_input(path: Path, questionnaire: Questionnaire | None = None) -> Assessment:
    """The assessment behind one report input: a result JSON, or a filled workbook that is scored now.

    Args:
        path: The result JSON or the filled workbook.
        questionnaire: The edition to read a workbook with; ``None`` uses the one named in the workbook.

    Raises:
        RenderError: The file is of an unknown kind, unreadable, or not a valid result.
        KipmonevError: The workbook reader or the scoring engine found problems (their own messages).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return read_result(path)
    if suffix in WORKBOOK_SUFFIXES:
        try:
            # NOTE: imported lazily: the workbook reader is optional for rendering and heavy to import.
            from kipmonev.workbook import read_submission  # type: ignore[attr-defined,unused-ignore]
        except ImportError as e:
            raise _fail(path, "KM-RN-010", msg.report_workbook_unavailable()) from e
        from kipmonev.scoring import score

        edition, submission = read_submission(path, questionnaire)
        return score(edition, submission)
    raise _fail(path, "KM-RN-011", msg.report_input_kind(suffix or path.name))


def read_previous(path: Path) -> list[Assessment]:
    """Earlier results for the year-over-year section: one result JSON, or every ``*.json`` in a folder.

    Raises:
        RenderError: A file cannot be read or is not a valid result.
    """
    path = Path(path)
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    return [read_result(f) for f in files]
