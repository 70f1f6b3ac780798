"""Writing reports: safe file names from body names, atomic writes that never replace an input."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from kipmonev.core import fileio
from kipmonev.core import messages as msg
from kipmonev.core.errors import Location, Problem, RenderError
from kipmonev.model.submission import BodyIdentity


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
        raise RenderError(msg.report_would_overwrite(), (Problem(Location(str(path)), "KM-RN-001", msg.report_would_overwrite()),)) from e
    except OSError as e:
        text = msg.report_write_failed(e.strerror or str(e))
        raise RenderError(text, (Problem(Location(str(path)), "KM-RN-002", text),)) from e
    return path
