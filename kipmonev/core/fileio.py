"""Writing output files safely: atomically, and never over an input."""

from __future__ import annotations

import hashlib
import io
import os
import re
import secrets
import unicodedata
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl import Workbook


class Protected:
    """Input files that outputs must never replace, identified by device and inode (links and ``..`` included).

    Build it once for a batch: checking an output against it costs one ``stat``.
    """

    def __init__(self, paths: Iterable[Path]) -> None:
        """Remember the identity of every existing path."""
        self._ids = {(st.st_dev, st.st_ino) for st in (_stat(p) for p in paths) if st is not None}

    def __contains__(self, path: object) -> bool:
        """True when ``path`` is (a link to) one of the protected files."""
        st = _stat(path) if isinstance(path, Path) else None
        return st is not None and (st.st_dev, st.st_ino) in self._ids


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def write_atomic(path: Path, data: bytes | str, *, protect: Iterable[Path] | Protected = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and an atomic rename.

    A reader (or an interrupted run) never sees a half-written file.

    Raises:
        ValueError: ``path`` is one of the ``protect``-ed input files.
        OSError: The folder cannot be written.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    write_atomic_with(path, lambda tmp: tmp.write_bytes(payload), protect=protect)


def write_atomic_with(path: Path, writer: Callable[[Path], object], *, protect: Iterable[Path] | Protected = ()) -> None:
    """Let ``writer`` write a temporary file beside ``path``, then rename it into place atomically."""
    target = path.resolve()
    guard = protect if isinstance(protect, Protected) else Protected(protect)
    if target in guard:
        raise ValueError(f"refusing to write over an input file: {path}")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = _new_temporary(target)
    try:
        writer(tmp)
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _new_temporary(target: Path) -> Path:
    """Create an empty, hidden temporary file beside ``target``, with the mode any saved file gets.

    Unlike :func:`tempfile.mkstemp` (always 0600), the file is created 0666 less the umask, so outputs
    are as readable as any file the user saves (0644 under the usual umask).
    """
    for _ in range(100):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(f"no free temporary name beside {target}")


def workbook_bytes(wb: Workbook) -> bytes:
    """Serialise a workbook reproducibly: the same workbook always gives the same bytes.

    openpyxl stamps the save time into the document properties and the zip entries; this writes the
    document dates already set on the workbook and a fixed zip timestamp instead.
    """
    from openpyxl.writer.excel import ExcelWriter  # here: most users of this module never write a workbook

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename), compresslevel=6)
    return out.getvalue()


#: Longest file name stem, in characters; with any suffix it stays far below every file system's limit.
MAX_STEM = 80

_UNSAFE = re.compile(r"[^\w.-]+")  # anything but letters, digits, '_', '.', '-' (Unicode letters stay)
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def safe_filename(text: str, fallback: str = "tanpa-nama") -> str:
    """A file name stem made from a body's ID or name, safe on Linux, macOS and Windows.

    NFKC-normalised; path separators, control, format and reserved characters and runs of anything but
    letters, digits, ``_``, ``.`` and ``-`` become one ``-``; no leading dots (so never ``..``); Windows
    device names avoided; at most :data:`MAX_STEM` characters.

    Args:
        text: What to name the file after.
        fallback: The stem used when nothing usable is left (and the prefix of a device name).
    """
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in text)
    text = _UNSAFE.sub("-", text)
    text = re.sub(r"-{2,}", "-", text).strip("-._ ")
    text = text[:MAX_STEM].rstrip("-._ ")
    if not text:
        text = fallback
    if text.split(".")[0].upper() in _RESERVED:
        text = f"{fallback}-{text}"
    return text


def display_path(path: Path) -> str:
    """A path as messages show it: relative to the working folder when that is shorter and not far above it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith(".." + os.sep + "..") else str(path)


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes, in hexadecimal."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
