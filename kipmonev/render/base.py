"""What a renderer is: a function from a view model to the bytes of one file.

Renderers are pure (no I/O besides reading templates); :func:`kipmonev.render.render` writes the bytes
atomically. The body report's renderers take a :class:`~kipmonev.render.view.BodyReport`; the recap
renderers (issue 5 §3) will take a recap view model through the same shape, registered in their own dict
next to ``RENDERERS`` and reusing ``html.render_template`` and ``pdf.html_to_pdf``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol, TypeVar

ViewT_contra = TypeVar("ViewT_contra", contravariant=True)


class Renderer(Protocol[ViewT_contra]):
    """Turn a view model into one file's bytes; ``templates_dir`` is the commission's template folder."""

    def __call__(self, view: ViewT_contra, templates_dir: Path | None = None, /) -> bytes:
        """Render ``view``."""
        ...
