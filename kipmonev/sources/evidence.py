"""Evidence files: check the files an evidence cell names against a body's evidence folder or zip.

Rules (cited by the tests):

- B1  A name is looked up inside the folder (subfolders allowed), ignoring case and Unicode form; a bare
      name also matches a file of that name in a subfolder when only one does. A name with ``..`` or an
      absolute path is never looked up (KM-E-202). Links are not files: they are the link checker's.
- B2  A file is typed by its content, not its name: a renamed .docx is not a PDF (KM-E-205); any other
      non-PDF is flagged too (KM-E-206), since the portal takes PDFs only.
- B3  Size within the limit given as ``max_mb``: the edition's ``batas_ukuran_bukti_mb`` (2 MB by default,
      the portal's; KM-E-204); an empty file is flagged (KM-E-203).
- B4  A PDF opens with pypdf (KM-E-207), is not encrypted (KM-E-208), has pages (KM-E-209) and has a text
      layer on at least one of its first pages, otherwise it is flagged as a scan (KM-E-210).
- B5  When a question names the period its document covers (the edition's ``periode``), a year in the file name, the PDF
      title or the first page that is not that period is a warning (KM-E-211); the file name and title
      win over the page text, which is only read when they name no year.
- B6  One file used by questions of different indicators is noted once (KM-E-212); files no question
      names are listed, one warning each (KM-E-213).
- B7  A zip is screened before anything is inflated, with the limits of the workbook reader
      (:mod:`kipmonev.sources.xlsx`): entries, size of a member, compression ratio; a member that points
      outside the zip, or an encrypted member, refuses the zip (KM-E-215), as a hostile workbook is refused.
- B8  Every check is a warning and none changes the score; each file seen gets an
      :class:`~kipmonev.model.result.EvidenceRecord` with its SHA-256, size, type, pages and text layer.

Input files are only read, never changed.
"""

from __future__ import annotations

import hashlib
import io
import re
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path, PurePosixPath

from kipmonev.core.catalogue import Entry, Text
from kipmonev.core.errors import Location, Problem
from kipmonev.core.reasons import reason
from kipmonev.engine.links import is_link
from kipmonev.model.questionnaire import DEFAULT_EVIDENCE_MAX_MB
from kipmonev.model.result import EvidenceRecord, EvidenceSource
from kipmonev.sources import problems_evidence as t
from kipmonev.sources.xlsx import MAX_ENTRIES, MAX_PART_BYTES, MAX_RATIO, RATIO_CHECK_FROM

#: Largest sum of an evidence zip's members, unpacked: a body's evidence is many PDFs of up to 2 MB each.
MAX_EVIDENCE_ZIP_BYTES = 500 * 1024 * 1024
#: Pages read for a text layer and for years: enough to tell a scan, cheap on a long report.
TEXT_PAGES = 3
#: Default size limit per question, in MB (the edition's ``batas_ukuran_bukti_mb`` when it sets one).
DEFAULT_MAX_MB = DEFAULT_EVIDENCE_MAX_MB

_PDF = "application/pdf"
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_MB = 1024 * 1024


@dataclass(frozen=True)
class EvidenceItem:
    """One evidence entry as the workbook wrote it.

    Attributes:
        question: The question's code ("JI.1.2").
        indicator: The code of the question's indicator, to tell a reuse across unrelated items (B6).
        value: The text of the entry in the evidence cell.
        location: The evidence cell (file, sheet and cell).
        period: The year the document must cover, when the question names one (B5).
    """

    question: str
    indicator: str
    value: str
    location: Location
    period: int | None = None


@dataclass(frozen=True)
class EvidenceCheck:
    """What the evidence check found: the records per question and the problems, in workbook order."""

    records: dict[str, tuple[EvidenceRecord, ...]]
    problems: tuple[Problem, ...]


class _Refused(Exception):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


class _Store:
    """The files of an evidence folder or zip, by their path inside it (``/`` separated)."""

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self._by_key = {_key(n): n for n in files}
        by_base: dict[str, list[str]] = defaultdict(list)
        for name in files:
            by_base[_key(PurePosixPath(name).name)].append(name)
        self._by_base = by_base

    def find(self, wanted: str) -> str | None:
        exact = self._by_key.get(_key(wanted))
        if exact is not None:
            return exact
        if "/" not in wanted:
            found = self._by_base.get(_key(wanted), [])
            if len(found) == 1:
                return found[0]
        return None


def _read_folder(folder: Path) -> _Store:
    files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")}
    return _Store(files)


def _unsafe_member(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or (len(name) > 1 and name[1] == ":")


def _read_zip(path: Path) -> _Store:
    """Screen the zip's directory first (B7), then read its members."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [i for i in archive.infolist() if not i.is_dir()]
            if len(infos) > MAX_ENTRIES:
                raise _Refused(t.ZIP_REASON_TOO_MANY.text(limit=MAX_ENTRIES))
            total = 0
            for info in infos:
                if _unsafe_member(info.filename):
                    raise _Refused(t.ZIP_REASON_TRAVERSAL.text(member=info.filename))
                if info.flag_bits & 0x1:
                    raise _Refused(t.ZIP_REASON_ENCRYPTED.text(member=info.filename))
                if info.file_size > MAX_PART_BYTES:
                    raise _Refused(t.ZIP_REASON_MEMBER_TOO_LARGE.text(member=info.filename, limit_mb=MAX_PART_BYTES // _MB))
                if info.file_size > RATIO_CHECK_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise _Refused(t.ZIP_REASON_RATIO.text(member=info.filename, ratio=MAX_RATIO))
                total += info.file_size
                if total > MAX_EVIDENCE_ZIP_BYTES:
                    raise _Refused(t.ZIP_REASON_TOTAL.text(limit_mb=MAX_EVIDENCE_ZIP_BYTES // _MB))
            files: dict[str, bytes] = {}
            for info in infos:
                name = PurePosixPath(info.filename).name
                if name.startswith(".") or info.filename.startswith("__MACOSX/"):
                    continue
                with archive.open(info) as member:
                    data = member.read(info.file_size + 1)  # the declared size is checked, not trusted
                if len(data) > info.file_size:
                    raise _Refused(t.ZIP_REASON_MEMBER_TOO_LARGE.text(member=info.filename, limit_mb=MAX_PART_BYTES // _MB))
                files[info.filename] = data
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, ValueError) as error:
        raise _Refused(reason(error)) from error
    return _Store(files)


def _kind(data: bytes) -> tuple[str | None, Text | None]:
    """The media type by content, and what the messages call a non-PDF (B2)."""
    if data.lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return _PDF, None
    if data[:4] == b"PK\x03\x04":
        office = b"[Content_Types].xml" in data[:4096] or b"word/" in data[:4096]
        return ("application/vnd.openxmlformats-officedocument", t.KIND_OFFICE) if office else ("application/zip", t.KIND_ZIP)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "application/x-ole-storage", t.KIND_OLD_OFFICE
    if data[:3] == b"\xff\xd8\xff":
        return "image/jpeg", t.KIND_JPEG
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png", t.KIND_PNG
    try:
        data[:4096].decode("utf-8")
    except UnicodeDecodeError:
        return None, t.KIND_UNKNOWN
    return "text/plain", t.KIND_TEXT


@dataclass(frozen=True)
class _Pdf:
    problem: Entry | None
    pages: int | None = None
    text_layer: bool | None = None
    title: str = ""
    first_page: str = ""


def _open_pdf(data: bytes) -> _Pdf:
    """Open a PDF with pypdf (B4); every failure of a damaged file is the same warning."""
    import pypdf  # imported only when there is a PDF to check
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            return _Pdf(t.EVIDENCE_PDF_ENCRYPTED)
        pages = len(reader.pages)
        if pages == 0:
            return _Pdf(t.EVIDENCE_PDF_NO_PAGES, pages=0)
        texts = [(page.extract_text() or "").strip() for page in list(reader.pages)[:TEXT_PAGES]]
        metadata = reader.metadata
        title = str(metadata.get("/Title") or "") if metadata is not None else ""
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, OSError, EOFError):
        return _Pdf(t.EVIDENCE_PDF_BROKEN)
    has_text = any(texts)
    return _Pdf(None if has_text else t.EVIDENCE_PDF_SCAN, pages=pages, text_layer=has_text, title=title, first_page=texts[0])


def _stale(name: str, pdf: _Pdf | None, period: int) -> tuple[str, Text] | None:
    """A year that contradicts the period, and where it was found (B5)."""
    places: list[tuple[str, Text]] = [(PurePosixPath(name).stem, t.YEAR_IN_NAME)]
    if pdf is not None:
        places.append((pdf.title, t.YEAR_IN_TITLE))
    for text, where in places:
        years = {int(y) for y in _YEAR.findall(text)}
        if years:
            return None if period in years else (str(max(years)), where)
    if pdf is not None:
        years = {int(y) for y in _YEAR.findall(pdf.first_page)}
        if years and period not in years:
            return str(max(years)), t.YEAR_IN_TEXT
    return None


def _record(item: EvidenceItem, first: Problem | None, **seen: object) -> EvidenceRecord:
    return EvidenceRecord.model_validate(
        {
            "kind": EvidenceSource.FILE,
            "value": item.value,
            "location": item.location.place(),
            "problem_code": first.code if first else None,
            "message": first.message if first else None,
            **seen,
        }
    )


def check_files(
    items: Sequence[EvidenceItem],
    evidence: Path,
    *,
    max_mb: Decimal = DEFAULT_MAX_MB,
    progress: Callable[[int, int], None] | None = None,
) -> EvidenceCheck:
    """Check every file-type evidence item against the folder or zip ``evidence`` (rules B1-B8).

    Args:
        items: The evidence entries of one workbook, in workbook order; links among them are skipped.
        evidence: The body's evidence folder, or a zip of it.
        max_mb: The edition's size limit per file, in MB.
        progress: Called with (documents checked, documents to check) after each document.

    Returns:
        The records per question code and the problems, all warnings but a refused zip.
    """
    files = [i for i in items if not is_link(i.value)]
    where = Location(evidence.name)
    try:
        if evidence.is_dir():
            store = _read_folder(evidence)
        elif evidence.is_file():
            store = _read_zip(evidence)
        else:
            return EvidenceCheck({}, (t.EVIDENCE_FOLDER_MISSING.at(where, count=len(files)),) if files else ())
    except _Refused as refused:
        return EvidenceCheck({}, (t.EVIDENCE_ZIP_UNSAFE.at(where, reason=refused.text),))
    except OSError as error:
        return EvidenceCheck({}, (t.EVIDENCE_ZIP_UNSAFE.at(where, reason=reason(error)),))
    limit = int(max_mb * _MB)
    problems: list[Problem] = []
    records: dict[str, list[EvidenceRecord]] = defaultdict(list)
    used: dict[str, list[EvidenceItem]] = defaultdict(list)
    for done, item in enumerate(files):
        if progress is not None:  # before each document (a `continue` below skips the loop's end)
            progress(done, len(files))
        found_problems: list[Problem] = []

        def warn(entry: Entry, item: EvidenceItem = item, out: list[Problem] = found_problems, **values: object) -> None:
            out.append(entry.at(item.location, question=item.question, **values))

        name = item.value.strip().replace("\\", "/")
        if _unsafe_member(name):
            warn(t.EVIDENCE_OUTSIDE, name=item.value)
            records[item.question].append(_record(item, found_problems[0]))
            problems.extend(found_problems)
            continue
        actual = store.find(name)
        if actual is None:
            warn(t.EVIDENCE_MISSING, name=item.value, folder=evidence.name)
            records[item.question].append(_record(item, found_problems[0]))
            problems.extend(found_problems)
            continue
        used[actual].append(item)
        data = store.files[actual]
        media, kind = _kind(data)
        pdf: _Pdf | None = None
        if not data:
            warn(t.EVIDENCE_EMPTY, name=actual)
            media = None
        elif media == _PDF:
            pdf = _open_pdf(data)
            if pdf.problem is not None:
                warn(pdf.problem, name=actual)
        elif kind is not None:
            renamed = PurePosixPath(actual).suffix.casefold() == ".pdf"
            warn(t.EVIDENCE_RENAMED if renamed else t.EVIDENCE_NOT_PDF, name=actual, kind=kind.text())
        if len(data) > limit:
            warn(t.EVIDENCE_TOO_LARGE, name=actual, size=_megabytes(len(data)), limit=max_mb)
        if item.period is not None:
            stale = _stale(actual, pdf, item.period)
            if stale is not None:
                warn(t.EVIDENCE_STALE_YEAR, name=actual, found=stale[0], where=stale[1].text(), period=str(item.period))
        first = found_problems[0] if found_problems else None
        seen = {"file_name": actual, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data), "media_type": media}
        if pdf is not None:
            seen |= {"pages": pdf.pages, "text_layer": pdf.text_layer}
        records[item.question].append(_record(item, first, **seen))
        problems.extend(found_problems)
    for name, users in used.items():
        if len({u.indicator for u in users}) > 1:
            others = sorted({u.question for u in users[1:]} - {users[0].question})
            problems.append(t.EVIDENCE_REUSED.at(users[0].location, name=name, others=others))
    problems.extend(t.EVIDENCE_UNUSED.at(Location(evidence.name, field=name), name=name) for name in sorted(store.files) if name not in used)
    if progress is not None and files:
        progress(len(files), len(files))
    return EvidenceCheck({q: tuple(r) for q, r in records.items()}, tuple(problems))


def find_evidence(folder: Path, body_id: str) -> Path | None:
    """A body's evidence under ``folder`` (``score --evidence``): the folder ``<ID>/``, else ``<ID>.zip``.

    The ID is matched ignoring case and Unicode form, like evidence names (B1); a hidden entry never
    matches. ``None`` when the body has neither.
    """
    wanted = _key(body_id.strip())
    folders: list[Path] = []
    zips: list[Path] = []
    for entry in sorted(folder.iterdir()) if folder.is_dir() else ():
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and _key(entry.name) == wanted:
            folders.append(entry)
        elif entry.is_file() and entry.suffix.casefold() == ".zip" and _key(entry.stem) == wanted:
            zips.append(entry)
    found = folders or zips
    return found[0] if found else None


def _megabytes(size: int) -> Decimal:
    """A size in MB with one decimal, rounded up so 2,04 MB never reads as within a 2 MB limit."""
    tenths = -(-size * 10 // _MB)
    return Decimal(tenths) / 10
