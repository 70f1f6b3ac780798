"""Writing output files safely: atomically, and never over an input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path


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


def _file_mode() -> int:
    """The mode a newly saved file gets under this process's umask (0644 under the usual 022)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()


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
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        writer(tmp)
        tmp.chmod(_FILE_MODE)  # mkstemp makes 0600 files; outputs are meant to be shared like any saved file
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


_UNSAFE = set('<>:"/\\|?*')
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}


def safe_filename(text: str, fallback: str = "tanpa-nama", limit: int = 80) -> str:
    """A file name made from a body's name or ID that is safe on Linux, macOS and Windows.

    Path separators, ``..``, control characters and characters Windows forbids become ``-``; the result
    is trimmed of dots and spaces, capped at ``limit`` characters, and never a reserved device name.
    """
    cleaned = "".join("-" if (ch in _UNSAFE or ord(ch) < 32 or ord(ch) == 127) else ch for ch in text)
    cleaned = "-".join(part for part in cleaned.replace("..", "-").split() if part)
    cleaned = cleaned.strip(" .-")[:limit].strip(" .-")
    if not cleaned or cleaned.casefold() in _RESERVED:
        return fallback
    return cleaned
