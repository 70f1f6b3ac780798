"""Body report PDF: extracted text, metadata, pages that are not blank, nothing fetched, determinism."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, StreamObject
from render_samples import golden, realistic

from kipmonev.core.errors import RenderError
from kipmonev.model.result import Assessment
from kipmonev.model.submission import BodyIdentity
from kipmonev.outputs.report import ReportFormat, build_body_report, render, render_bytes
from kipmonev.outputs.report.html import body_html, load_templates
from kipmonev.outputs.report.pdf import LocalFetcher, html_to_pdf

DATE = dt.date(2025, 11, 23)


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def final_pdf() -> bytes:
    return render_bytes(golden("final"), ReportFormat.PDF, report_date=DATE, previous=golden("previous"))


def test_pdf_text_has_name_score_band_and_every_indicator(final_pdf: bytes) -> None:
    a = golden("final")
    reader, text = pdf_text(final_pdf)
    assert "Badan Uji Keterbukaan" in text
    assert "76,36" in text and "76.36" not in text
    assert "Cukup Informatif" in text
    for indicator in a.saq_self.indicators:
        assert indicator.name in text
    assert "Nilai akhir = 80% × 73,33 + 20% × 88,50 = 76,36" in text
    assert "Halaman 1 dari " in text and f"Halaman {len(reader.pages)} dari {len(reader.pages)}" in text
    assert "Perbandingan dengan Tahun 2024" in text and "23 November 2025" in text


def test_pdf_metadata_and_tagging(final_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(final_pdf))
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Laporan Hasil Penilaian 2025 — Badan Uji Keterbukaan"
    assert meta.subject == "Monev Keterbukaan Informasi Publik 2025, Komisi Informasi Uji, kategori Badan Uji"
    root = reader.trailer["/Root"].get_object()
    assert isinstance(root, DictionaryObject)
    mark_info = root["/MarkInfo"].get_object()
    assert isinstance(mark_info, DictionaryObject) and mark_info["/Marked"]  # tagged for PDF/UA-1
    assert "/StructTreeRoot" in root
    assert str(root["/Lang"]) == "id"


def test_pdf_evidence_links_are_clickable(final_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(final_pdf))
    uris = {annot.get_object()["/A"].get("/URI") for page in reader.pages for annot in page.get("/Annots", []) if "/A" in annot.get_object()}
    assert "https://ppid.uji.go.id/profil" in uris


def test_pdf_is_byte_deterministic() -> None:
    a = golden("final")
    assert render_bytes(a, "pdf", report_date=DATE) == render_bytes(a, "pdf", report_date=DATE)


def png_dark_pixels(png: bytes, threshold: int = 200) -> int:
    """Count pixels darker than ``threshold`` in an 8-bit grey/RGB(A) PNG, decoded with the standard library."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(png):
        length = struct.unpack(">I", png[pos : pos + 4])[0]
        kind, body = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        header = body if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        pos += 12 + length
    width, height, depth, color = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and color in (0, 2, 4, 6)
    channels = {0: 1, 2: 3, 4: 2, 6: 4}[color]
    stride, raw = width * channels, zlib.decompress(idat)
    previous, dark = bytearray(stride), 0
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b, c = previous[i], previous[i - channels] if i >= channels else 0
            predictor = (0, a, b, (a + b) // 2, _paeth(a, b, c))[kind]
            line[i] = (line[i] + predictor) & 0xFF
        dark += sum(1 for x in range(0, stride, channels) if min(line[x : x + min(channels, 3)]) < threshold)
        previous = line
    return dark


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_no_page_is_blank(tmp_path: Path) -> None:
    pdf = render(realistic(2), ReportFormat.PDF, tmp_path / "laporan.pdf", report_date=DATE)
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(pdf), str(tmp_path / "hal")], check=True)
    pages = sorted(tmp_path.glob("hal-*.png"))
    assert len(pages) == len(PdfReader(pdf).pages) > 5
    for png in pages:
        assert png_dark_pixels(png.read_bytes()) > 100, f"{png.name} looks blank"


def test_blank_detector_sees_a_blank_page(tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    templates = load_templates()
    (tmp_path / "kosong.pdf").write_bytes(html_to_pdf('<html lang="id"><head><title>x</title></head><body></body></html>', templates.roots))
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(tmp_path / "kosong.pdf"), str(tmp_path / "k")], check=True)
    assert [png_dark_pixels(p.read_bytes()) for p in tmp_path.glob("k-*.png")] == [0]


def test_remote_resources_are_never_fetched() -> None:
    templates = load_templates()
    html = body_html(build_body_report(golden("final"), DATE), templates)
    html = html.replace(
        "</head>",
        "<style>@import url(https://jahat.example/gaya.css);\nbody { background-image: url(http://jahat.example/latar.png); }</style></head>",
    ).replace("<main>", '<main><img src="http://jahat.example/piksel.png" alt=""><img src="file:///etc/passwd" alt=""><link rel="stylesheet" href="//jahat.example/x.css">')
    fetcher = LocalFetcher(templates.roots)
    data = html_to_pdf(html, templates.roots, fetcher)
    assert set(fetcher.refused) == {
        "https://jahat.example/gaya.css",
        "http://jahat.example/latar.png",
        "http://jahat.example/piksel.png",
        "file:///etc/passwd",
        "file://jahat.example/x.css",
    }
    _, text = pdf_text(data)
    assert "33,33 dari 50,00" in text  # the inline chart still rendered


def test_local_template_files_are_served(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>', encoding="utf-8")
    templates = load_templates(tmp_path)
    fetcher = LocalFetcher(templates.roots)
    html_to_pdf('<html lang="id"><head><title>x</title></head><body><img src="logo.svg" alt="logo"></body></html>', templates.roots, fetcher)
    assert fetcher.refused == []


@pytest.mark.parametrize("name", ["<script>alert(1)</script>", "Badan\x00Uji\x07\x1b[31m", "Ж" * 5000, '=HYPERLINK("http://jahat.example","x")'])
def test_hostile_names_render_as_text(name: str) -> None:
    a: Assessment = golden("final").model_copy(update={"body": BodyIdentity(name=name)})
    reader, text = pdf_text(render_bytes(a, "pdf", report_date=DATE))
    meta = reader.metadata
    assert meta is not None and meta.title is not None
    assert len(meta.title) <= 160 and "\x00" not in meta.title
    if name.startswith("<script>"):
        assert "<script>alert(1)</script>" in text
    if name.startswith("="):
        assert '=HYPERLINK("http://jahat.example","x")' in text


def test_realistic_report_lists_every_question_compactly() -> None:
    a = realistic(2)
    data = render_bytes(a, "pdf", report_date=DATE)
    reader, text = pdf_text(data)
    for q in a.questions:
        assert f"{q.code} " in text, q.code
    assert "Terpenuhi" in text and "Belum terpenuhi" in text and "Rencana Perbaikan no. 1." in text
    uris = {annot.get_object()["/A"].get("/URI") for page in reader.pages for annot in page.get("/Annots", []) if "/A" in annot.get_object()}
    linked = {e for q in a.questions for e in q.self_answer.evidence if e.startswith("https://")}
    assert linked and linked <= uris  # every evidence link is clickable
    assert len(reader.pages) <= 14  # one line per question that is fully met (18 pages before)


def test_gc_thresholds_are_restored() -> None:
    import gc

    from kipmonev.outputs.report.pdf import GC_THRESHOLD, fewer_collections

    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] >= GC_THRESHOLD
    assert gc.get_threshold() == before


def test_the_pdf_takes_the_stylesheet_out_of_the_html_and_nothing_else() -> None:
    templates = load_templates()
    view = build_body_report(golden("final"), DATE)
    collected: list[str] = []
    bare = body_html(view, templates, stylesheets=collected)
    css = (templates.roots[0] / "laporan.css").read_text(encoding="utf-8")
    assert collected == [css]
    assert bare.count("<style>\n\n</style>") == 1
    assert bare.replace("<style>\n\n</style>", f"<style>\n{css}\n</style>") == body_html(view, templates)


@pytest.mark.parametrize("extra", ["", ".cover-kind::after { content: ' (salinan komisi)'; }"])
def test_each_template_folder_s_stylesheet_styles_its_own_pdfs(tmp_path: Path, extra: str) -> None:
    # Stylesheets are parsed once per process and reused: a commission's own laporan.css (here, adding text to
    # the cover) must still reach its reports, and the shipped one the others, in either order.
    css = (load_templates().roots[0] / "laporan.css").read_text(encoding="utf-8")
    (tmp_path / "laporan.css").write_text(css + extra, encoding="utf-8")
    a = golden("final")
    for _ in range(2):
        _, own = pdf_text(render_bytes(a, "pdf", report_date=DATE, templates_dir=tmp_path))
        _, shipped = pdf_text(render_bytes(a, "pdf", report_date=DATE))
        assert ("Laporan Hasil Penilaian (salinan komisi)" in own) is bool(extra)
        assert "(salinan komisi)" not in shipped


def test_a_stylesheet_that_could_close_its_style_element_is_refused_for_pdf_and_html(tmp_path: Path) -> None:
    (tmp_path / "laporan.css").write_text("body { color: black; } </style><script>alert(1)</script>", encoding="utf-8")
    for fmt in ("pdf", "html"):
        with pytest.raises(RenderError) as e:
            render_bytes(golden("final"), fmt, report_date=DATE, templates_dir=tmp_path)
        assert [p.code for p in e.value.problems] == ["KM-RN-006"], fmt


def test_every_stream_is_deflated_at_the_faster_level(final_pdf: bytes) -> None:
    # compress_streams deflates what pydyf would (at level 6, not 9): nothing is left raw, and it still decodes.
    reader = PdfReader(io.BytesIO(final_pdf))
    objects = [reader.get_object(number) for number in range(1, int(str(reader.trailer["/Size"])))]
    streams = [o for o in objects if isinstance(o, StreamObject) and o.get("/Type") not in ("/ObjStm", "/XRef")]
    kinds = {str(s.get("/Type") or s.get("/Subtype") or "page") for s in streams}
    assert {"page", "/Metadata"} <= kinds and len(streams) > len(reader.pages)
    for stream in streams:
        assert str(stream["/Filter"]) == "/FlateDecode"
        assert stream._data[:2] == b"\x78\x9c"  # zlib's header for the default level 6 (9 writes 78 da)
        assert zlib.decompress(stream._data) == stream.get_data()  # one plain zlib stream, no other filter
