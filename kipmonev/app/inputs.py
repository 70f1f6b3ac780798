"""Reading what a report is made from: a result JSON, a filled workbook scored on the spot, or a batch's recap."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from kipmonev.core import messages as msg
from kipmonev.core.errors import Location, Problem, RenderError
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.recap import Recap
from kipmonev.model.result import Assessment

#: Suffixes read as filled workbooks.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: The recap's file name in a ``kipmonev score`` output folder.
RECAP_FILE = "rekap.json"
#: Top-level keys only a recap has (an Assessment has neither).
_RECAP_KEYS = frozenset({"rows", "funnel", "band_counts"})

_M = TypeVar("_M")


def _fail(path: Path, code: str, text: str) -> RenderError:
    return RenderError(text, (Problem(Location(str(path)), code, text),))


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    if first["type"] == "json_invalid":
        return "isinya bukan JSON yang sah"
    where = ".".join(str(p) for p in first["loc"]) or "akar dokumen"
    return f"{error.error_count()} isian tidak sesuai skema, yang pertama di '{where}'"


def _read_json_model(path: Path, parse: Callable[[bytes], _M], code: str, not_valid: Callable[[str], str]) -> _M:
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise _fail(path, "KM-RN-008", msg.report_input_unreadable(e.strerror or str(e))) from e
    try:
        return parse(data)
    except ValidationError as e:
        raise _fail(path, code, not_valid(_describe(e))) from e


def read_result(path: Path) -> Assessment:
    """Read a result JSON written by ``kipmonev score`` (:meth:`Assessment.to_json`).

    Raises:
        RenderError: The file cannot be read or is not a valid result.
    """
    return _read_json_model(path, Assessment.from_json, "KM-RN-009", msg.report_input_not_result)


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
            from kipmonev.sources.reader import read_submission  # type: ignore[attr-defined,unused-ignore]
        except ImportError as e:
            raise _fail(path, "KM-RN-010", msg.report_workbook_unavailable()) from e
        from kipmonev.engine.scoring import score

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


def recap_path(path: Path) -> Path | None:
    """The recap behind a report input, or ``None`` when the input is a body's result or workbook.

    A folder stands for the ``rekap.json`` of a ``kipmonev score`` output folder; a JSON file is a recap
    when its top level has the recap's own keys (``rows``, ``funnel``, ``band_counts``), whatever its name.

    Raises:
        RenderError: A folder has no ``rekap.json``.
    """
    path = Path(path)
    if path.is_dir():
        candidate = path / RECAP_FILE
        if not candidate.is_file():
            raise _fail(path, "KM-RN-012", msg.report_folder_without_recap())
        return candidate
    if path.suffix.lower() != ".json":
        return None
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None  # NOTE: read_result reports the unreadable or invalid file in its own words
    return path if isinstance(data, dict) and _RECAP_KEYS <= data.keys() else None


def read_recap(path: Path) -> Recap:
    """Read a recap written by ``kipmonev score`` (:meth:`Recap.to_json`).

    Raises:
        RenderError: The file cannot be read or is not a valid recap.
    """
    return _read_json_model(path, Recap.from_json, "KM-RN-013", msg.report_input_not_recap)
