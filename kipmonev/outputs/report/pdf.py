"""PDF: the report's HTML through WeasyPrint, fetching nothing remote, tagged as PDF/UA-1, byte-deterministic.

Importing this module imports WeasyPrint (~0.6 s), so a batch process pays it once.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import mimetypes
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pydyf
from weasyprint import CSS, HTML
from weasyprint.css.counters import CounterStyle
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from kipmonev.core.errors import Location, RenderError
from kipmonev.outputs.problems import REPORT_PDF_FAILED
from kipmonev.outputs.report.html import body_html, load_templates
from kipmonev.outputs.report.view import BodyReport

#: PDF/UA-1 works with the shipped DejaVu fonts: WeasyPrint embeds them and tags the structure.
PDF_VARIANT = "pdf/ua-1"


class LocalFetcher(URLFetcher):  # type: ignore[misc]
    """Serve only files inside the template folders (and ``data:`` URIs); refuse everything else.

    Evidence links stay ``<a href>`` links and are never fetched; a remote image or stylesheet in a
    template is refused and left out. ``refused`` records what was asked for, for tests.
    """

    def __init__(self, roots: tuple[Path, ...]) -> None:
        """Allow files under ``roots`` only."""
        super().__init__(allowed_protocols={"file", "data"})
        self.roots = roots
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """Return a local file's bytes, or raise so WeasyPrint skips the resource."""
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme == "file" and not parts.netloc:
            path = Path(url2pathname(parts.path)).resolve()
            if path.is_file() and any(path.is_relative_to(root) for root in self.roots):
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
        self.refused.append(url)
        raise ValueError(f"kipmonev fetches no remote or outside resources: {url}")


#: Young-generation threshold of the garbage collector while WeasyPrint lays out a report. WeasyPrint
#: allocates hundreds of thousands of short-lived objects per report; at Python's default (700) the
#: collector runs ~1,000 times per report and costs ~15% of the time (benchmarks/bench_reports.py).
GC_THRESHOLD = 50_000


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Collect garbage less often inside the block, then restore the process's own thresholds."""
    previous = gc.get_threshold()
    gc.set_threshold(max(previous[0], GC_THRESHOLD), *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


#: zlib level of the PDF's page, font and image streams. pydyf compresses at 9; on a body report's pages
#: (~700 KB of drawing operators) that costs ~40 ms of CPU, level 6 ~9 ms for streams ~4 % larger.
COMPRESS_LEVEL = 6
_STREAM_START = b"\nstream\n"
_STREAM_END = b"\nendstream"


def compress_streams(document: object, pdf: pydyf.PDF) -> None:
    """WeasyPrint finisher: compress the streams pydyf would compress, at :data:`COMPRESS_LEVEL`.

    Each stream pydyf marks for compression gets its bytes deflated here, the ``/FlateDecode`` filter pydyf
    itself would set, and is unmarked, so pydyf writes it as it is. Streams WeasyPrint leaves uncompressed
    (none in a tagged PDF/UA report today) stay so.
    """
    for obj in pdf.objects:
        if isinstance(obj, pydyf.Stream) and obj.compress:
            # NOTE: pydyf's own joining of the stream's items, through its public ``data`` of a bare stream.
            raw = pydyf.Stream(obj.stream).data.partition(_STREAM_START)[2][: -len(_STREAM_END)]
            obj.stream = [zlib.compress(raw, COMPRESS_LEVEL)]
            obj.extra["Filter"] = "/FlateDecode"
            obj.compress = False


@functools.cache
def _process_fonts() -> tuple[FontConfiguration, CounterStyle]:
    """The one font configuration (Fontconfig, the Pango font map and its caches) and counter styles of this process.

    WeasyPrint makes new ones for every document unless given these; a worker renders many reports, so it
    loads the fonts once. A stylesheet's ``@font-face`` and ``@counter-style`` rules land here too, which is
    why stylesheets are parsed with them (:func:`_stylesheet`).
    """
    return FontConfiguration(), CounterStyle()


@functools.lru_cache(maxsize=16)
def _stylesheet(text: str, roots: tuple[Path, ...]) -> CSS:
    """A stylesheet parsed once per process (tinycss2 and the selector index), for every report that uses it."""
    fonts, counters = _process_fonts()
    return CSS(string=text, base_url=roots[0].as_uri() + "/", url_fetcher=LocalFetcher(roots), font_config=fonts, counter_style=counters)


def html_to_pdf(html: str, roots: tuple[Path, ...], fetcher: LocalFetcher | None = None, stylesheets: Sequence[str] = ()) -> bytes:
    """Lay out an HTML document as a PDF; relative URLs resolve against the first template folder.

    ``stylesheets`` are CSS texts applied after the document's own ``<style>`` elements, each parsed once
    per process; :func:`render_pdf` passes the report's stylesheet this way instead of inline.

    Raises:
        RenderError: WeasyPrint failed.
    """
    fetcher = fetcher or LocalFetcher(roots)
    fonts, counters = _process_fonts()
    try:
        with fewer_collections():
            sheets = [_stylesheet(text, roots) for text in stylesheets]
            document = HTML(string=html, base_url=roots[0].as_uri() + "/", url_fetcher=fetcher)
            return bytes(document.write_pdf(pdf_variant=PDF_VARIANT, stylesheets=sheets, font_config=fonts, counter_style=counters, finisher=compress_streams))
    except (ValueError, OSError, AssertionError) as e:
        raise RenderError(REPORT_PDF_FAILED.text(reason=str(e)), (REPORT_PDF_FAILED.at(Location(str(roots[0])), reason=str(e)),)) from e


def render_pdf(report: BodyReport, templates_dir: Path | None = None) -> bytes:
    """Renderer for :attr:`ReportFormat.PDF`: title and subject from the report, A4, page X of Y.

    The HTML is the HTML report's, but its stylesheet is applied as parsed once per process rather than
    parsed again from the ``<style>`` element of every report.
    """
    templates = load_templates(templates_dir)
    stylesheets: list[str] = []
    html = body_html(report, templates, stylesheets=stylesheets)
    return html_to_pdf(html, templates.roots, stylesheets=stylesheets)
