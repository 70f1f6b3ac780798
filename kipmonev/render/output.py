"""Writing reports: safe file names from body names, atomic writes that never replace an input."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from pathlib import Path

from kipmonev import fileio
from kipmonev import messages as msg
from kipmonev.errors import Location, Problem, RenderError
from kipmonev.submission import BodyIdentity

#: Longest file name stem, in characters; with the suffix it stays far below every file system's limit.
MAX_STEM = 80

_UNSAFE = re.compile(r"[^\w.-]+")  # anything but letters, digits, '_', '.', '-' (Unicode letters stay)
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_filename(body: BodyIdentity, fallback: str = "laporan") -> str:
    """A file name stem for a body's report, safe on Linux, macOS and Windows.

    Built from the body's id and name: NFKC-normalised, path separators, control and reserved characters
    replaced by ``-``, no leading dots (so never ``..``), Windows device names avoided, at most
    :data:`MAX_STEM` characters.

    Args:
        body: The body's identity.
        fallback: The stem used when nothing usable is left.

    Returns:
        A stem without suffix, e.g. ``BP-1-Badan-Uji``.
    """
    raw = " ".join(p for p in (body.id, body.name) if p)
    text = unicodedata.normalize("NFKC", raw)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = _UNSAFE.sub("-", text)
    text = re.sub(r"-{2,}", "-", text).strip("-._ ")
    text = text[:MAX_STEM].rstrip("-._ ")
    if not text:
        text = fallback
    if text.split(".")[0].upper() in _RESERVED:
        text = f"{fallback}-{text}"
    return text


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
