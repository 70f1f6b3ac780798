"""Reading earlier outputs back: result JSON files, recap files and score output folders."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from kipmonev.core.errors import KipmonevError, Location
from kipmonev.engine.recap import row_from_assessment
from kipmonev.model.recap import BodyRow, Recap
from kipmonev.model.result import Assessment
from kipmonev.sources.problems import REASON_MISSING, REASON_NOT_JSON, REASON_NOT_KIPMONEV, REASON_UNOPENABLE, RESULTS_UNREADABLE, SUMMARY_RESULTS_UNREADABLE

#: The recap's file name in a ``kipmonev score`` output folder.
RECAP_FILE = "rekap.json"


def read_error_reason(error: Exception) -> str:
    """Why a result or recap file could not be read, in Indonesian, for the message about it."""
    if isinstance(error, FileNotFoundError):
        return REASON_MISSING.text()
    if isinstance(error, OSError):
        return REASON_UNOPENABLE.text()
    if isinstance(error, ValidationError) and not any(e["type"] == "json_invalid" for e in error.errors()):
        return REASON_NOT_KIPMONEV.text()
    return REASON_NOT_JSON.text()  # JSONDecodeError, UnicodeDecodeError, pydantic's json_invalid


def recap_file(path: Path) -> Path:
    """The one rule for "a score output folder or its rekap.json": a folder stands for its ``rekap.json``.

    Any other path is the file itself (a ``rekap.json`` under any name, or one result JSON).
    """
    return path / RECAP_FILE if path.is_dir() else path


def load_rows(path: Path) -> list[BodyRow]:
    """Rows from a ``kipmonev score`` output folder (its rekap.json), a rekap.json, or one result JSON.

    Raises:
        KipmonevError: The file is missing or is neither a recap nor a result.
    """
    candidate = recap_file(path)
    try:
        data = json.loads(candidate.read_bytes())
        if isinstance(data, dict) and "rows" in data:
            return list(Recap.model_validate(data).rows)
        return [row_from_assessment(Assessment.model_validate(data), str(candidate))]
    except (OSError, ValueError, ValidationError) as e:
        raise KipmonevError(SUMMARY_RESULTS_UNREADABLE.text(), (RESULTS_UNREADABLE.at(Location(str(candidate)), reason=read_error_reason(e)),)) from e
