"""The output folder of ``kipmonev score``: what it owns, so that a new run leaves nothing stale behind.

The folder's manifest (:data:`MANIFEST`, written atomically like every output) lists the files the last run
wrote, relative to the folder.

- **Before a run** (:func:`claim_output_folder`): a folder holding files the manifest does not list is
  refused, naming them, unless forced; forced, those files are left alone (never removed, and still not
  owned). Input files inside the folder are never counted, owned or removed.
- **After a run** (:meth:`OutputClaim.finish`): the files the manifest listed that this run did not write
  again are removed, and the folders they leave empty; the manifest then lists what this run wrote.
- **An interrupted run** (:meth:`OutputClaim.keep`) removes nothing; the manifest keeps what it listed and
  adds what the run wrote so far. A run killed outright writes no manifest, so its files count as not owned
  next time (``--force``).

A folder that holds a manifest is an output folder: met inside an input folder, it is not searched for
workbooks (:func:`own_output_folders`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from kipmonev._version import __version__
from kipmonev.app.problems_output import MORE_FILES, OUTPUT_FOREIGN_FILES, SUMMARY_FOREIGN
from kipmonev.core.catalogue import quoted
from kipmonev.core.errors import KipmonevError, Location
from kipmonev.core.fileio import Protected, write_atomic

#: The manifest's name: hidden, so that it is never taken for an input or a report.
MANIFEST = ".kipmonev-keluaran.json"
#: Files a run makes and removes itself (a result before it is named, a write in progress): never foreign.
_TEMPORARY = re.compile(r"\..*\.(tmp|json\.part)")
#: Foreign files named in the refusal; the rest are counted.
MAX_NAMED = 5


def _files(root: Path) -> set[str]:
    """Every file (and link) below ``root``, as a relative POSIX path; the manifest itself left out."""
    if not root.is_dir():
        return set()
    found = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() or p.is_symlink()}
    found.discard(MANIFEST)
    return found


def _owned(root: Path) -> set[str]:
    """The files the manifest lists; an unreadable manifest owns nothing. Names leading out of ``root`` are ignored."""
    try:
        files = json.loads((root / MANIFEST).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return set()
    if not isinstance(files, list):
        return set()
    return {f for f in files if isinstance(f, str) and _inside(f)}


def _inside(name: str) -> bool:
    path = PurePosixPath(name)
    return bool(name) and not path.is_absolute() and ".." not in path.parts


def _inputs_below(root: Path, inputs: Iterable[Path]) -> set[str]:
    """The input files (given, or below a given folder) inside ``root``."""
    base = root.resolve()
    found: set[str] = set()
    for path in inputs:
        resolved = path.resolve()
        if not resolved.is_relative_to(base):
            continue
        files = [p for p in resolved.rglob("*") if p.is_file()] if resolved.is_dir() else [resolved]
        found |= {p.relative_to(base).as_posix() for p in files}
    return found


@dataclass(frozen=True)
class OutputClaim:
    """What the output folder held when the run started, and which of it the last run owned."""

    root: Path
    owned: frozenset[str]
    before: frozenset[str]
    inputs: frozenset[str]

    def finish(self, written: Iterable[Path]) -> list[Path]:
        """Remove the owned files this run did not write again, write the new manifest; return what was removed."""
        now = _files(self.root)
        base = self.root.resolve()
        wrote = {p.resolve().relative_to(base).as_posix() for p in written if p.resolve().is_relative_to(base)}
        owned = (wrote | (now - self.before)) - self.inputs
        stale = sorted(((self.owned | {f for f in now if _TEMPORARY.fullmatch(PurePosixPath(f).name)}) & now) - owned - self.inputs)
        removed = [self._remove(name) for name in stale]
        self._write({f for f in owned if f in now})
        return [p for p in removed if p is not None]

    def keep(self) -> None:
        """After an interrupted run: own what was owned and what this run wrote; remove nothing."""
        self._write((self.owned | (_files(self.root) - self.before)) - self.inputs)

    def _remove(self, name: str) -> Path | None:
        path = self.root / name
        if not path.resolve().is_relative_to(self.root.resolve()) and not path.is_symlink():
            return None
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != self.root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
        return path

    def _write(self, files: Iterable[str]) -> None:
        data = {"written_by": "kipmonev score", "kipmonev_version": __version__, "files": sorted(files)}
        write_atomic(self.root / MANIFEST, json.dumps(data, ensure_ascii=False, indent=2) + "\n", protect=Protected(self.root / f for f in self.inputs))


def claim_output_folder(root: Path, inputs: Iterable[Path] = (), *, force: bool = False) -> OutputClaim:
    """Check the output folder before a run writes into it.

    Raises:
        KipmonevError: The folder holds files the last run did not write (named), and ``force`` is not set.
    """
    present = _files(root)
    owned = _owned(root)
    if any(p.is_dir() and p.resolve().is_relative_to(root.resolve()) for p in inputs):
        return OutputClaim(root, frozenset(), frozenset(present), frozenset(present))  # the batch refuses this itself (KM-B-014)
    given = _inputs_below(root, inputs) if present else set()
    foreign = sorted(f for f in present - owned - given if not _TEMPORARY.fullmatch(PurePosixPath(f).name))
    if foreign and not force:
        more = len(foreign) - MAX_NAMED
        files = quoted(foreign, "dan") if more <= 0 else MORE_FILES.text(files=", ".join(f"'{f}'" for f in foreign[:MAX_NAMED]), more=more)
        raise KipmonevError(SUMMARY_FOREIGN.text(), (OUTPUT_FOREIGN_FILES.at(Location(str(root)), count=len(foreign), files=files),))
    return OutputClaim(root, frozenset(owned), frozenset(present), frozenset(given))


def own_output_folders(paths: Iterable[Path]) -> list[Path]:
    """The output folders (holding a manifest) below the given input folders, outermost only, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(m.parent for m in path.rglob(MANIFEST) if m.is_file())
    outermost = [f for f in found if not any(f != other and f.resolve().is_relative_to(other.resolve()) for other in found)]
    return sorted(dict.fromkeys(outermost), key=str)
