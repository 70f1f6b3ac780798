"""Writing reports: safe file names from body names, atomic writes that never replace an input."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from kipmonev.core import fileio
from kipmonev.core.errors import Location, RenderError
from kipmonev.core.reasons import reason
from kipmonev.model.submission import BodyIdentity
from kipmonev.outputs.problems import REPORT_WOULD_OVERWRITE, REPORT_WRITE_FAILED


def safe_filename(body: BodyIdentity, fallback: str = "laporan") -> str:
    """A file name stem for a body's report, from its id and name (:func:`kipmonev.fileio.safe_filename`).

    Returns:
        A stem without suffix, e.g. ``BP-1-Badan-Uji``.
    """
    return fileio.safe_filename(" ".join(p for p in (body.id, body.name) if p), fallback)


def write_atomic(data: bytes, path: Path, protected: Collection[Path] = ()) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder, then rename it into place.

    A reader never sees a half-written report, and a failed write leaves any earlier file untouched.

    Args:
        data: The file's bytes.
        path: The destination.
        protected: Input files that must never be replaced (the result JSON, the filled workbook).

    Raises:
        RenderError: ``path`` is one of ``protected``, or the file cannot be written.
    """
    path = Path(path)

    try:
        fileio.write_atomic_with(path, lambda tmp: tmp.write_bytes(data), protect=[Path(p) for p in protected])
    except ValueError as e:
        raise RenderError(REPORT_WOULD_OVERWRITE.text(), (REPORT_WOULD_OVERWRITE.at(Location(str(path))),)) from e
    except OSError as e:
        problem = REPORT_WRITE_FAILED.at(Location(str(path)), reason=reason(e))
        raise RenderError(problem.message, (problem,)) from e
    return path
