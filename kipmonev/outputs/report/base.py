"""What a renderer is: a function from a view model to the bytes of one file.

Renderers are pure (no I/O besides reading templates); :func:`kipmonev.outputs.report.render` writes the bytes
atomically. The body report's renderers take a :class:`~kipmonev.outputs.report.view.BodyReport`; the recap report
is rendered by :mod:`kipmonev.outputs.report.recap` with the same HTML and PDF helpers.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Protocol, TypeVar

ViewT_contra = TypeVar("ViewT_contra", contravariant=True)


class Renderer(Protocol[ViewT_contra]):
    """Turn a view model into one file's bytes; ``templates_dir`` is the commission's template folder."""

    def __call__(self, view: ViewT_contra, templates_dir: Path | None = None, /) -> bytes:
        """Render ``view``."""
        ...


class ReportFormat(StrEnum):
    """The formats of a body report; the value is also the file suffix."""

    PDF = "pdf"
    HTML = "html"
    XLSX = "xlsx"
    JSON = "json"

    @property
    def suffix(self) -> str:
        """The file suffix, with its dot."""
        return f".{self.value}"
