"""HTML through Jinja: strict undefined, autoescaping, Babel filters. The HTML is the seam tests inspect.

Templates are looked up first in the commission's folder (``--templates DIR``), then in the shipped
``reports/``, so a commission can replace one partial or only ``laporan.css``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    select_autoescape,
)
from markupsafe import Markup

from kipmonev.core.errors import Location, RenderError
from kipmonev.core.resources import reports_dir
from kipmonev.outputs.problems import TEMPLATE_ASSET_UNSAFE, TEMPLATE_FAILED, TEMPLATE_MISSING, TEMPLATE_SYNTAX
from kipmonev.outputs.report.charts import indicator_chart
from kipmonev.outputs.report.filters import FILTERS
from kipmonev.outputs.report.labels import clean_text
from kipmonev.outputs.report.view import BodyReport

#: The body report's main template.
BODY_TEMPLATE = "laporan.html.j2"

_STYLE_END = re.compile(r"</style", re.IGNORECASE)


@dataclass(frozen=True)
class Templates:
    """A template set: the Jinja environment and the folders it reads, first match wins.

    Attributes:
        env: The configured Jinja environment.
        roots: The folders searched, the commission's first; also the only folders the PDF fetcher serves.
    """

    env: Environment
    roots: tuple[Path, ...]


def _finalize(value: Any) -> Any:
    """Applied to every ``{{ … }}``: drop control characters from plain text (markup passes untouched)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return clean_text(value)
    return value


@functools.lru_cache(maxsize=8)
def _load(roots: tuple[Path, ...]) -> Templates:
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(str(r)) for r in roots]),
        undefined=StrictUndefined,
        autoescape=select_autoescape(["html", "j2"]),
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)

    def inline_asset(name: str) -> Markup:
        """The text of a stylesheet in the template folders, for a ``<style>`` element."""
        return Markup(asset_source(env, name))  # NOTE: trusted template-folder content, checked for '</style'

    env.globals["inline_asset"] = inline_asset
    return Templates(env, roots)


def asset_source(env: Environment, name: str) -> str:
    """The text of a stylesheet in the template folders, refused when it could close its ``<style>`` element.

    Raises:
        RenderError: The stylesheet contains ``</style``.
    """
    source, _, _ = env.loader.get_source(env, name)  # type: ignore[union-attr]
    if _STYLE_END.search(source):
        raise RenderError(TEMPLATE_ASSET_UNSAFE.text(name=name), (TEMPLATE_ASSET_UNSAFE.at(Location(name), name=name),))
    return source


def load_templates(templates_dir: Path | None = None) -> Templates:
    """The template set for a commission's folder (or only the shipped one), cached per folder."""
    shipped = reports_dir().resolve()
    roots = (shipped,) if templates_dir is None else (Path(templates_dir).resolve(), shipped)
    return _load(tuple(dict.fromkeys(roots)))


def render_template(templates: Templates, name: str, context: dict[str, Any]) -> str:
    """Render one template, turning Jinja's errors into located RenderErrors.

    Raises:
        RenderError: The template is missing, has a syntax error, or fails while rendering.
    """
    try:
        return templates.env.get_template(name).render(context)
    except TemplateNotFound as e:
        where = Location(str(templates.roots[0]))
        missing = str(e.name or name)
        raise RenderError(TEMPLATE_MISSING.text(name=missing), (TEMPLATE_MISSING.at(where, name=missing),)) from e
    except TemplateSyntaxError as e:
        where = Location(e.filename or e.name or name, line=e.lineno)
        raise RenderError(TEMPLATE_SYNTAX.text(detail=e.message or ""), (TEMPLATE_SYNTAX.at(where, detail=e.message or ""),)) from e
    except TemplateError as e:
        where = Location(name)
        raise RenderError(TEMPLATE_FAILED.text(detail=str(e)), (TEMPLATE_FAILED.at(where, detail=str(e)),)) from e


def body_html(report: BodyReport, templates: Templates, *, stylesheets: list[str] | None = None) -> str:
    """The body report as one self-contained HTML document (CSS and chart inline, no remote resources).

    With ``stylesheets``, each stylesheet the template inlines (``inline_asset``) is appended to that list
    instead, and its ``<style>`` element stays empty: the PDF applies the list's stylesheets parsed once
    per process (:func:`kipmonev.outputs.report.pdf.render_pdf`). Otherwise the document is the same.
    """
    context: dict[str, Any] = {"r": report, "a": report.assessment, "chart_svg": indicator_chart(report.indicators)}
    if stylesheets is not None:
        env = templates.env

        def collect_asset(name: str) -> Markup:
            stylesheets.append(asset_source(env, name))
            return Markup("")

        context["inline_asset"] = collect_asset  # NOTE: a render variable shadows the global in every include
    return render_template(templates, BODY_TEMPLATE, context)


def render_html(report: BodyReport, templates_dir: Path | None = None) -> bytes:
    """Renderer for :attr:`ReportFormat.HTML`: the body report as UTF-8 HTML."""
    return body_html(report, load_templates(templates_dir)).encode("utf-8")
