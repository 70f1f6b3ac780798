"""Evidence files built in code for the evidence tests: PDFs with and without text, encrypted, empty."""

from __future__ import annotations

import importlib.util
import io
import random
import sys
import zipfile
from functools import cache
from pathlib import Path
from types import ModuleType

from pypdf import PdfReader, PdfWriter


def _raw_pdf(text: str) -> bytes:
    """A one-page PDF whose page draws ``text`` in Helvetica (a real text layer): the examples' own builder."""
    made = _examples().text_pdf(text)
    assert isinstance(made, bytes)
    return made


@cache
def _examples() -> ModuleType:
    spec = importlib.util.spec_from_file_location("examples_generate", Path(__file__).resolve().parents[1] / "examples" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules.get(spec.name)
    if module is None:
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
        spec.loader.exec_module(module)
    return module


def _write(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def text_pdf(text: str = "Laporan Layanan Informasi Publik", title: str | None = None, pad_to: int = 0) -> bytes:
    """A PDF with a text layer; ``title`` sets /Title; ``pad_to`` grows it (an embedded blob) to that many bytes."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_raw_pdf(text))))
    if title is not None:
        writer.add_metadata({"/Title": title})
    if pad_to:
        writer.add_attachment("lampiran.bin", b"\0")
        size = len(_write(writer))
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_raw_pdf(text))))
        writer.add_attachment("lampiran.bin", random.Random(pad_to).randbytes(pad_to - size + 1))  # incompressible
    return _write(writer)


def scan_pdf() -> bytes:
    """A one-page PDF with nothing to extract, as a scan without OCR reads."""
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    return _write(writer)


def encrypted_pdf() -> bytes:
    """A text PDF behind a user password."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_raw_pdf("Rahasia"))))
    writer.encrypt("rahasia", algorithm="RC4-128")
    return _write(writer)


def no_pages_pdf() -> bytes:
    """A well-formed PDF without a page."""
    return _write(PdfWriter())


def docx() -> bytes:
    """The start of a Word document: a zip with ``[Content_Types].xml`` and ``word/``, as Office writes it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()
