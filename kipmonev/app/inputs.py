"""Reading what a report is made from: a result JSON, a filled workbook scored on the spot, or a batch's recap."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError

from kipmonev.app.problems import (
    REPORT_FOLDER_WITHOUT_RECAP,
    REPORT_INPUT_KIND,
    REPORT_INPUT_NOT_RECAP,
    REPORT_INPUT_NOT_RESULT,
    REPORT_INPUT_UNREADABLE,
    SCHEMA_MISMATCH,
    SCHEMA_ROOT,
)
from kipmonev.core.catalogue import Entry, Message
from kipmonev.core.errors import Location, RenderError
from kipmonev.core.reasons import reason
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.recap import Recap
from kipmonev.model.result import Assessment
from kipmonev.sources.book_base import SPREADSHEET_SUFFIXES
from kipmonev.sources.problems import REASON_NOT_JSON
from kipmonev.sources.results import recap_file

#: Top-level keys only a recap has (an Assessment has neither).
_RECAP_KEYS = frozenset({"rows", "funnel", "band_counts"})

_M = TypeVar("_M")


def _fail(path: Path, message: Message) -> RenderError:
    return RenderError(message.text, (message.at(Location(str(path))),))


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    if first["type"] == "json_invalid":
        return REASON_NOT_JSON.text()
    where = ".".join(str(p) for p in first["loc"]) or SCHEMA_ROOT.text()
    return SCHEMA_MISMATCH.text(count=error.error_count(), where=where)


def _read_json_model(path: Path, parse: Callable[[bytes], _M], not_valid: Entry) -> _M:
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise _fail(path, REPORT_INPUT_UNREADABLE.fill(reason=reason(e))) from e
    try:
        return parse(data)
    except ValidationError as e:
        raise _fail(path, not_valid.fill(detail=_describe(e))) from e


def read_result(path: Path) -> Assessment:
    """Read a result JSON written by ``kipmonev score`` (:meth:`Assessment.to_json`).

    Raises:
        RenderError: The file cannot be read or is not a valid result.
    """
    return _read_json_model(path, Assessment.from_json, REPORT_INPUT_NOT_RESULT)


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
    if suffix in SPREADSHEET_SUFFIXES:
        # NOTE: imported lazily: rendering from result files never needs the workbook reader or the engine.
        from kipmonev.engine.scoring import score
        from kipmonev.sources.reader import read_submission

        edition, submission = read_submission(path, questionnaire)
        return score(edition, submission)
    raise _fail(path, REPORT_INPUT_KIND.fill(suffix=suffix or path.name))


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
        candidate = recap_file(path)
        if not candidate.is_file():
            raise _fail(path, REPORT_FOLDER_WITHOUT_RECAP.fill())
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
    return _read_json_model(path, Recap.from_json, REPORT_INPUT_NOT_RECAP)
