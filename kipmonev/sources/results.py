"""Reading earlier outputs back: result JSON files, recap files and score output folders."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from kipmonev.core import messages as msg
from kipmonev.core.errors import KipmonevError, Location, Problem
from kipmonev.engine.recap import row_from_assessment
from kipmonev.model.recap import BodyRow, Recap
from kipmonev.model.result import Assessment


def read_error_reason(error: Exception) -> str:
    """Why a result or recap file could not be read, in Indonesian, for the message about it."""
    if isinstance(error, FileNotFoundError):
        return msg.reason_missing()
    if isinstance(error, OSError):
        return msg.reason_unopenable()
    if isinstance(error, ValidationError) and not any(e["type"] == "json_invalid" for e in error.errors()):
        return msg.reason_not_kipmonev()
    return msg.reason_not_json()  # JSONDecodeError, UnicodeDecodeError, pydantic's json_invalid


def load_rows(path: Path) -> list[BodyRow]:
    """Rows from a ``kipmonev score`` output folder (its rekap.json), a rekap.json, or one result JSON.

    Raises:
        KipmonevError: The file is missing or is neither a recap nor a result.
    """
    candidate = path / "rekap.json" if path.is_dir() else path
    try:
        data = json.loads(candidate.read_bytes())
        if isinstance(data, dict) and "rows" in data:
            return list(Recap.model_validate(data).rows)
        return [row_from_assessment(Assessment.model_validate(data), str(candidate))]
    except (OSError, ValueError, ValidationError) as e:
        raise KipmonevError("Hasil tidak dapat dibaca.", (Problem(Location(str(candidate)), "KM-B-011", msg.results_unreadable(read_error_reason(e))),)) from e
