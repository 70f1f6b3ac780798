"""Evidence files built in code for the evidence tests: PDFs with and without text, encrypted, empty."""

from __future__ import annotations

import io
import random
import zipfile

from pypdf import PdfReader, PdfWriter


def _raw_pdf(text: str) -> bytes:
    """A one-page PDF whose page draws ``text`` in Helvetica (a real text layer), with a correct xref."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


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
