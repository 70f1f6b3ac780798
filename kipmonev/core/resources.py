"""The one place that finds the data directories, in a checkout and in an installed wheel alike.

In the wheel, ``questionnaires/`` and ``reports/`` are shipped as ``kipmonev/_data/…``; in a checkout
(or an editable install) they sit at the top of the repository.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # kipmonev/, this module sits in kipmonev/core/
RULE_SET_DIR = "aturan"


def data_dir(name: str) -> Path:
    """Return the directory ``questionnaires`` or ``reports``, wherever this installation keeps it."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"kipmonev data directory '{name}' is missing from this installation")


def questionnaires_dir() -> Path:
    """The shipped questionnaires."""
    return data_dir("questionnaires")


def reports_dir() -> Path:
    """The shipped report templates."""
    return data_dir("reports")


@dataclass(frozen=True)
class ShippedFile:
    """A shipped edition or rule set: its id and file."""

    id: str
    path: Path


#: The folder of worked examples of the format: loadable by id, but not editions a commission assesses with.
EXAMPLES_DIR = "examples"


def shipped_editions(examples: bool = False) -> list[ShippedFile]:
    """Every shipped edition file; its id is ``<folder>-<file stem>`` (a test keeps ids and names in step).

    Args:
        examples: Also the worked examples of ``questionnaires/examples/`` (ids ``examples-…``); rounds,
            listings and corpora use the real editions only.
    """
    root = questionnaires_dir()
    found = [
        ShippedFile(f"{path.parent.name}-{path.stem}", path)
        for path in sorted(root.glob("*/*.yaml"))
        if not path.name.startswith("_") and path.parent.name != RULE_SET_DIR and (examples or path.parent.name != EXAMPLES_DIR)
    ]
    return found


def shipped_rule_sets() -> list[ShippedFile]:
    """Every shipped rule set; its id is the file stem."""
    return [ShippedFile(p.stem, p) for p in sorted((questionnaires_dir() / RULE_SET_DIR).glob("*.yaml"))]
