"""Read a filled workbook back into a :class:`~kipmonev.submission.Submission`.

Answers are found by question code, never by row position, so sorted, filtered, hidden or inserted rows
read the same. Cells are normalised at the edge: case, stray spaces and non-breaking spaces in labels,
numbers typed as text (``7,5``), ``4.0`` read as ``4``, hyperlinks whose visible text is not the URL,
several links in one cell. Every problem is collected and raised at once as one
:class:`~kipmonev.errors.WorkbookError`, each problem with its sheet and cell. Unanswered questions and
answers that earn points without the evidence they require are warnings (``Submission.notices``).

The file is opened read-only through :mod:`kipmonev.sources.book` (every format); it is never modified.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kipmonev.core.catalogue import quoted
from kipmonev.core.errors import Location, Problem, QuestionnaireError, WorkbookError
from kipmonev.core.formatting import format_plain
from kipmonev.core.numbers import parse_number
from kipmonev.engine.links import is_link
from kipmonev.engine.matching import norm_name
from kipmonev.engine.problems import STAGE_OUT_OF_RANGE, STAGE_UNKNOWN
from kipmonev.formats import workbook_texts as tx
from kipmonev.formats.workbook_layout import FORMAT_VERSION, META_BODY_ONLY
from kipmonev.model.questionnaire import Questionnaire
from kipmonev.model.submission import BodyIdentity, Notice, Submission
from kipmonev.sources.answers import read_answers
from kipmonev.sources.book import open_book
from kipmonev.sources.cells import HEADER_SEARCH_ROWS, ReadState, clean_text, display, header_key, problem_order
from kipmonev.sources.loader import load_questionnaire, load_rule_set, with_rule_set_shared
from kipmonev.sources.problems import (
    BODY_NAME_MISSING,
    HEADER_MISSING,
    IDENTITY_CATEGORY_OTHER,
    IDENTITY_WEBSITE_NOT_LINK,
    IDENTITY_YEAR_OTHER,
    METADATA_INVALID,
    METADATA_MISSING,
    METADATA_MISSING_ASSUMED,
    OTHER_CONTENT,
    OTHER_QUESTIONNAIRE,
    QUESTIONNAIRE_OF_WORKBOOK_UNKNOWN,
    STAGE_NOT_NUMBER,
    SUMMARY_QUESTIONNAIRE_UNKNOWN,
    TEMPLATE_FORMAT_UNSUPPORTED,
    UNKNOWN_QUESTIONNAIRE,
    UNKNOWN_RULE_SET,
    XLSX_MACROS,
    YEAR_INVALID,
)


@dataclass(frozen=True)
class FilledWorkbook:
    """Everything read from a filled workbook.

    Attributes:
        questionnaire: The edition the workbook was made for (with its rules).
        submission: The answers, the verifier's answers, stage scores and warnings.
        warnings: The warnings with their full locations (the same as ``submission.notices``).
        evidence_links: Every evidence URL with the cell it was read from, for link checks.
        errors: With ``keep_going``, the invalid cells (their answers count as unanswered); else empty.
    """

    questionnaire: Questionnaire
    submission: Submission
    warnings: tuple[Problem, ...] = ()
    evidence_links: tuple[tuple[Location, str], ...] = ()
    #: Invalid cells, when read with ``keep_going``: the answers in them are left out of ``submission``.
    errors: tuple[Problem, ...] = ()
    #: Every evidence entry with its question code and cell (links and document names), for evidence checks.
    evidence: tuple[tuple[str, Location, str], ...] = ()


# --- metadata and the questionnaire ----------------------------------------------------

def _metadata(r: ReadState) -> dict[str, str] | None:
    name = r.find_sheet(tx.SHEET_META, required=False)
    if name is None:
        return None
    sheet = r.book.sheet(name)
    meta: dict[str, str] = {}
    for row in sheet.rows():
        key = sheet.value(row, 1)
        value = sheet.value(row, 2)
        if isinstance(key, str) and value is not None:
            meta[key.strip()] = display(value)
    return meta


def _resolve(r: ReadState, given: Questionnaire | None, meta: dict[str, str] | None) -> Questionnaire:
    """The questionnaire to read with, checked against the workbook's metadata."""
    if meta is None:
        if given is None:
            r.fail(METADATA_MISSING.fill())
            r.raise_if_problems()
        assert given is not None
        r.warn(METADATA_MISSING_ASSUMED.fill(questionnaire_id=given.id, version=str(given.version)), tx.SHEET_ANSWERS)
        return given
    fmt = meta.get("format_templat", "")
    if not fmt.isdigit():
        r.fail(METADATA_INVALID.fill(key="format_templat"))
    elif int(fmt) > FORMAT_VERSION:
        r.fail(TEMPLATE_FORMAT_UNSUPPORTED.fill(found=fmt, supported=FORMAT_VERSION))
    file_id = meta.get("kuesioner_id", "")
    file_version = meta.get("kuesioner_versi", "")
    for key, value in (("kuesioner_id", file_id), ("kuesioner_versi", file_version)):
        if not value or (key == "kuesioner_versi" and not value.isdigit()):
            r.fail(METADATA_INVALID.fill(key=key))
    r.raise_if_problems()
    q = given
    if q is None:
        try:
            q = load_questionnaire(file_id)
            rule_set = meta.get("aturan_id", "")
            if rule_set and rule_set != q.rule_set:
                q = with_rule_set_shared(q, load_rule_set(rule_set))
        except QuestionnaireError as e:
            if any(p.code in (UNKNOWN_QUESTIONNAIRE.code, UNKNOWN_RULE_SET.code) for p in e.problems):
                raise WorkbookError(SUMMARY_QUESTIONNAIRE_UNKNOWN.text(source=r.source), (QUESTIONNAIRE_OF_WORKBOOK_UNKNOWN.at(Location(r.source), questionnaire_id=file_id),)) from e
            raise
    if file_id != q.id or int(file_version) != q.version:
        r.fail(OTHER_QUESTIONNAIRE.fill(file_id=file_id, file_version=str(file_version), expected_id=q.id, expected_version=str(q.version)))
    elif meta.get("kuesioner_hash", "") != q.content_hash:
        r.fail(OTHER_CONTENT.fill(questionnaire_id=q.id, version=str(q.version), file_hash=(meta.get("kuesioner_hash", "") or "-")[:19], expected_hash=q.content_hash[:19]))
    r.raise_if_problems()
    return q


# --- Identitas -----------------------------------------------------------------------



_IDENTITY_FIELDS = {alias: field for field, aliases in tx.IDENTITY_ALIASES.items() for alias in aliases}


def _identity(r: ReadState, q: Questionnaire) -> BodyIdentity | None:
    name = r.find_sheet(tx.SHEET_IDENTITY)
    if name is None:
        return None
    sheet = r.book.sheet(name)
    by_label = _IDENTITY_FIELDS
    found: dict[str, object] = {}
    cells: dict[str, tuple[int, int]] = {}
    name_cell: tuple[int, int] | None = None
    for (row, col), cell in sorted(sheet.cells.items()):
        if col > 3 or not isinstance(cell.value, str):
            continue
        field_name = by_label.get(header_key(cell.value))
        if field_name is None or field_name in found:
            continue
        if field_name == "name":
            name_cell = (row, col + 1)
        cells[field_name] = (row, col + 1)
        value = r.text_of(name, sheet.get(row, col + 1))
        if value is None:
            found[field_name] = None
            continue
        if field_name == "year":
            year = value if isinstance(value, Decimal) else parse_number(display(value))
            if year is None or year != year.to_integral_value() or not 1900 <= year <= 2100:
                r.fail(YEAR_INVALID.fill(given=display(value)), name, row, col + 1)
                found[field_name] = None
            else:
                found[field_name] = int(year)
        else:
            target = sheet.get(row, col + 1)
            text = display(value)
            if field_name == "website" and target is not None and target.link and not text.startswith("http"):
                text = target.link
            found[field_name] = text
    _check_identity(r, q, name, found, cells)
    body_name = found.get("name")
    if not body_name:
        r.warn(BODY_NAME_MISSING.fill(), name, *(name_cell or (None, None)))
        found["name"] = tx.NOT_FILLED
    return BodyIdentity.model_validate(found)


def _check_identity(r: ReadState, q: Questionnaire, sheet: str, found: dict[str, object], cells: dict[str, tuple[int, int]]) -> None:
    """Warnings for Identitas values that contradict the edition, and a website that is not a full address."""
    category = found.get("category")
    if isinstance(category, str) and norm_name(category) != norm_name(q.category):
        r.warn(IDENTITY_CATEGORY_OTHER.fill(given=clean_text(category), expected=q.category, questionnaire_id=q.id), sheet, *cells["category"])
    year = found.get("year")
    if isinstance(year, int) and year != q.year:
        r.warn(IDENTITY_YEAR_OTHER.fill(given=str(year), expected=str(q.year)), sheet, *cells["year"])
    website = found.get("website")
    if isinstance(website, str) and website.strip() and not is_link(website.strip()):
        bare = "".join(website.split())
        r.warn(IDENTITY_WEBSITE_NOT_LINK.fill(given=clean_text(website), suggestion=f"https://{bare.split('://', 1)[-1]}"), sheet, *cells["website"])


# --- Tahap -----------------------------------------------------------------------------

def _stages(r: ReadState, q: Questionnaire, required: bool = True) -> dict[str, Decimal]:
    later = {s.code: s for s in q.rules.later_stages}
    if not later:
        return {}
    name = r.find_sheet(tx.SHEET_STAGES, required=required)
    if name is None:
        return {}
    sheet = r.book.sheet(name)
    header: tuple[int, int, int] | None = None
    for row in range(1, HEADER_SEARCH_ROWS + 1):
        keys = {header_key(cell.value): cell.column for cell in sheet.row_cells(row, 19) if isinstance(cell.value, str)}
        code_col = keys.get("kode")
        value_col = keys.get(tx.STAGE_HEADERS[3].casefold(), keys.get("nilai"))
        if code_col is not None and value_col is not None:
            header = (row, code_col, value_col)
            break
    if header is None:
        r.fail(HEADER_MISSING.fill(columns=quoted((tx.STAGE_HEADERS[0], tx.STAGE_HEADERS[3]), last="dan")), name)
        return {}
    head_row, code_col, value_col = header
    scores: dict[str, Decimal] = {}
    for row in sheet.rows():
        if row <= head_row:
            continue
        code_value = sheet.value(row, code_col)
        if code_value is None:
            continue
        code = clean_text(display(code_value)).casefold()
        value = r.text_of(name, sheet.get(row, value_col))
        if code not in later:
            if value is not None:
                r.fail(STAGE_UNKNOWN.fill(stage=code, allowed=tuple(later)), name, row, code_col)
            continue
        if value is None:
            continue
        number = value if isinstance(value, Decimal) else (None if isinstance(value, bool) else parse_number(display(value)))
        if number is None:
            r.fail(STAGE_NOT_NUMBER.fill(stage=code, given=display(value)), name, row, value_col)
        elif not 0 <= number <= 100:
            r.fail(STAGE_OUT_OF_RANGE.fill(stage=code, given=format_plain(number)), name, row, value_col)
        else:
            scores[code] = number
    return scores


# --- public ------------------------------------------------------------------------------

def read_workbook(path: Path, questionnaire: Questionnaire | None = None, *, keep_going: bool = False) -> FilledWorkbook:
    """Read a filled workbook: the questionnaire, the submission, its warnings and its evidence links.

    Args:
        path: The workbook (.xlsx, .xlsm, .xlsb, .ods or .xls, told by its content); it is only read.
        questionnaire: The edition to read it with. When ``None``, the edition named in the workbook's
            metadata is loaded (shipped id), with the rule set the template was made with.
        keep_going: Return invalid cells as ``errors`` (with everything else that was read) instead of
            raising, when the edition and the body are known: ``check`` shows errors, warnings and an
            estimate together.

    Raises:
        WorkbookError: The file is not a readable workbook, was made for another questionnaire or
            version, or has invalid cells; every problem is listed, each with its sheet and cell.
        QuestionnaireError: The shipped edition named in the metadata is itself invalid.
    """
    source = str(path)
    with open_book(Path(path), source) as book:
        r = ReadState(book, source)
        if book.macros:  # NOTE: macros are never read, let alone run; the values in the cells are what counts
            r.warnings.append(XLSX_MACROS.at(Location(source)))
        meta = _metadata(r)
        q = _resolve(r, questionnaire, meta)
        identity = _identity(r, q)
        answers, verification = read_answers(r, q)
        # A body's own template (round templates) has no Tahap sheet: stage scores are the commission's.
        body_only = meta is not None and meta.get(META_BODY_ONLY[0]) == META_BODY_ONLY[1]
        stages = _stages(r, q, required=not body_only)
        # Keep going only past invalid cells: a missing sheet or column leaves nothing worth estimating.
        if not keep_going or identity is None or any(p.location.cell is None for p in r.problems):
            r.raise_if_problems()
    assert identity is not None
    errors = tuple(sorted(r.problems, key=problem_order))
    warnings = tuple(sorted(r.warnings, key=problem_order))
    submission = Submission(
        questionnaire_id=q.id,
        body=identity,
        answers=answers,
        verification=verification,
        stage_scores=stages,
        source=source,
        notices=tuple(Notice.of(w) for w in warnings),
    )
    return FilledWorkbook(q, submission, warnings, tuple(r.links), errors, tuple(r.evidence))


def read_metadata(path: Path) -> dict[str, str] | None:
    """The key/value pairs of a workbook's hidden Metadata sheet, or ``None`` without one.

    Raises:
        WorkbookError: The file is not a readable workbook.
    """
    source = str(path)
    with open_book(Path(path), source) as book:
        return _metadata(ReadState(book, source))


def read_submission(path: Path, questionnaire: Questionnaire | None = None) -> tuple[Questionnaire, Submission]:
    """Read a filled workbook into the questionnaire it was made for and a Submission.

    Args:
        path: The .xlsx file; it is only read.
        questionnaire: The edition to read it with; ``None`` resolves it from the workbook's metadata.

    Returns:
        The questionnaire (with the rule set the template was made with) and the submission, whose
        ``notices`` hold the warnings (unanswered questions, answers without required evidence).

    Raises:
        WorkbookError: See :func:`read_workbook`.
        QuestionnaireError: See :func:`read_workbook`.
    """
    filled = read_workbook(path, questionnaire)
    return filled.questionnaire, filled.submission


