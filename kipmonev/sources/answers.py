"""Read the Kuesioner sheet: answers and the verifier's answers by question code, and their warnings.

Rows are found by the code in the code column, never by position. Checklist questions are answered per
item row (``<kode>.<butir>``); their evidence sits on the question's own row.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from decimal import Decimal

from kipmonev.core.catalogue import quoted
from kipmonev.core.numbers import parse_number
from kipmonev.engine.answer_texts import meant
from kipmonev.engine.links import link_fault
from kipmonev.engine.problems import ANSWER_INVALID, ANSWER_NA_NOT_ALLOWED, ANSWER_NOT_NUMBER
from kipmonev.engine.problems_links import LINK_NOT_COUNTED
from kipmonev.engine.scoring import check_answers, evidence_kind
from kipmonev.formats import workbook_texts as tx
from kipmonev.formats.a1 import column_letter
from kipmonev.model.problems_format import PERCENT_OUT_OF_RANGE
from kipmonev.model.questionnaire import (
    NA_LABEL,
    NO_LABEL,
    YES_LABEL,
    AnyQuestion,
    ChecklistQuestion,
    NumberQuestion,
    Questionnaire,
    YesNoQuestion,
)
from kipmonev.model.result import QuestionStatus
from kipmonev.model.submission import Answer
from kipmonev.sources.book_base import GridSheet
from kipmonev.sources.cells import HEADER_SEARCH_ROWS, ReadState, clean_text, display, header_key, number_text, split_evidence
from kipmonev.sources.number_format import percent_text, shown_number
from kipmonev.sources.problems import (
    CHECKLIST_ITEMS_BLANK,
    CHECKLIST_PARENT,
    CHECKLIST_PARENT_NA,
    CHECKLIST_UNANSWERED,
    COLUMN_MISSING,
    DUPLICATE_ROW,
    HEADER_MISSING,
    MERGED_ANSWER_CELL,
    NO_EVIDENCE,
    NO_EVIDENCE_NO_CREDIT,
    NO_EVIDENCE_PARTIAL_CREDIT,
    ROW_MISSING,
    UNANSWERED,
    UNKNOWN_CODE,
    VERIFICATION_ITEMS_BLANK,
)
from kipmonev.sources.xlsx import Sheet


@dataclass
class _Columns:
    header_row: int
    code: int
    answer: int
    evidence: int | None = None
    note: int | None = None
    verify: int | None = None
    verify_note: int | None = None


def _columns(r: ReadState, sheet: Sheet) -> _Columns | None:
    wanted = {role: {a.casefold() for a in (role, *tx.HEADER_ALIASES.get(role, ()))} for role in tx.HEADER_ALIASES}
    for row in range(1, HEADER_SEARCH_ROWS + 1):
        found: dict[str, int] = {}
        for cell in sheet.row_cells(row, 59):
            if not isinstance(cell.value, str):
                continue
            col = cell.column
            key = header_key(cell.value)
            for role, names in wanted.items():
                if key in names and role not in found:
                    found[role] = col
        if tx.COL_CODE in found and tx.COL_ANSWER in found:
            cols = _Columns(row, found[tx.COL_CODE], found[tx.COL_ANSWER], found.get(tx.COL_EVIDENCE), found.get(tx.COL_NOTE), found.get(tx.COL_VERIFY), found.get(tx.COL_VERIFY_NOTE))
            if cols.evidence is None:
                r.fail(COLUMN_MISSING.fill(column=tx.COL_EVIDENCE), sheet.name, row, cols.code)
            return cols
    r.fail(HEADER_MISSING.fill(columns=quoted((tx.COL_CODE, tx.COL_ANSWER), last="dan")), sheet.name)
    return None


@dataclass(frozen=True)
class _Edition:
    """What reading any workbook of one edition needs from it, worked out once per edition."""

    #: Case-folded code → code, of every question and checklist item row.
    known: dict[str, str]
    #: Case-folded codes of the indicator and group heading rows.
    headings: frozenset[str]
    #: Question code → the labels its answer is picked from (the substitute's included), and the verifier's.
    labels: dict[str, tuple[str, ...]]
    verifier_labels: dict[str, tuple[str, ...]]
    #: Labels → cleaned, case-folded label → the first label that reads so.
    keys: dict[tuple[str, ...], dict[str, str]]
    #: Checklist code → (item code, the item row's code) per item.
    items: dict[str, tuple[tuple[str, str], ...]]

    @classmethod
    def of(cls, q: Questionnaire) -> _Edition:
        """The edition's reading data, from the cache (``q`` is immutable; the cache holds it, so its id stays its own)."""
        cached = _EDITIONS.get(id(q))
        if cached is not None and cached[0] is q:
            return cached[1]
        items = {question.code: tuple((it.code, f"{question.code}.{it.code}") for it in question.items) for question in q.questions if isinstance(question, ChecklistQuestion)}
        known = {c.casefold(): c for c in q.question_map}
        for pairs in items.values():
            known.update({row_code.casefold(): row_code for _, row_code in pairs})
        labels: dict[str, tuple[str, ...]] = {}
        for question in q.questions:
            own = question.labels
            if isinstance(question, YesNoQuestion) and question.substitute is not None:
                own = (*own, question.substitute.label)
            labels[question.code] = own
        verifier = {question.code: question.verifier_labels for question in q.questions if question.verifier_scale}
        keys: dict[tuple[str, ...], dict[str, str]] = {}
        for choices in (*labels.values(), *verifier.values()):
            if choices not in keys:
                keys[choices] = {}
                for label in choices:
                    keys[choices].setdefault(clean_text(label).casefold(), label)
        headings = frozenset({i.code.casefold() for i in q.indicators} | {g.code.casefold() for g in q.groups})
        edition = cls(known, headings, labels, verifier, keys, items)
        if len(_EDITIONS) >= _EDITIONS_KEPT:
            _EDITIONS.pop(next(iter(_EDITIONS), 0), None)  # pop: another thread may have evicted it
        _EDITIONS[id(q)] = (q, edition)
        return edition


#: The editions read most recently (a batch reads a handful), by the questionnaire's id().
_EDITIONS: dict[int, tuple[Questionnaire, _Edition]] = {}
_EDITIONS_KEPT = 32
_NA_KEY = NA_LABEL.casefold()
_YES_KEY = YES_LABEL.casefold()
_NO_KEY = NO_LABEL.casefold()


def _shown(value: str | Decimal | bool) -> str:
    """:func:`display` of a value read by :meth:`_Answers.value`, whose text is already cleaned (``clean_text`` twice is once)."""
    return value if type(value) is str else display(value)


class _Answers:
    """Reads the Kuesioner sheet."""

    def __init__(self, r: ReadState, q: Questionnaire, sheet: Sheet, cols: _Columns) -> None:
        self.r = r
        self.q = q
        self.sheet = sheet
        self.name = sheet.name
        self.cols = cols
        self.covered: dict[tuple[int, int], str] = {}
        self.edition = _Edition.of(q)
        #: Calamine's grid, when the sheet is one: its cells hold values only (no formulas, no error values).
        self.grid = sheet if isinstance(sheet, GridSheet) else None

    def rows_by_code(self) -> dict[str, int]:
        """Code → row, reporting unknown and duplicate codes and missing rows."""
        q, r, cols = self.q, self.r, self.cols
        known, headings = self.edition.known, self.edition.headings
        rows: dict[str, int] = {}
        col = cols.code
        for row, value in self.sheet.column_values(col):
            if row <= cols.header_row:
                continue
            text = clean_text(value) if type(value) is str else clean_text(display(value))
            key = text.casefold()
            if not text or key in headings:
                continue
            code = known.get(key)
            if code is None:
                r.fail(UNKNOWN_CODE.fill(code=text, questionnaire_id=q.id), self.name, row, col)
            elif code in rows:
                r.fail(DUPLICATE_ROW.fill(code=code, first=f"{column_letter(col)}{rows[code]}"), self.name, row, col)
            else:
                rows[code] = row
        for code in known.values():
            if code not in rows:
                r.fail(ROW_MISSING.fill(code=code), self.name)
        return rows

    def value(self, row: int, col: int | None) -> str | Decimal | bool | None:
        if col is None:
            return None
        if self.covered:
            span = self.covered.pop((row, col), None)
            if span is not None:
                self.r.fail(MERGED_ANSWER_CELL.fill(span=span), self.name, row, col)
                return None
        if self.grid is not None:  # what text_of() gives for a cell without a formula or an error, without the cell
            value = self.grid.grid_value(row, col)
            return (clean_text(value) or None) if type(value) is str else value
        return self.r.text_of(self.name, self.sheet.get(row, col))

    def find_covered(self, rows: dict[str, int]) -> None:
        """Answer cells of question and item rows hidden under another cell of a merged range."""
        answer_cols = {c for c in (self.cols.answer, self.cols.verify) if c is not None}
        ordered = sorted(set(rows.values()))
        for top, left, bottom, right in self.sheet.merges:
            for col in answer_cols:
                if not left <= col <= right:
                    continue
                for row in ordered[bisect_left(ordered, top) : bisect_right(ordered, bottom)]:
                    if (row, col) != (top, left):
                        self.covered[(row, col)] = f"{column_letter(left)}{top}:{column_letter(right)}{bottom}"

    def blank_column(self, col: int) -> bool:
        """Whether a calamine sheet's column holds nothing below the headings and no merge hides a cell of it.

        Reading such a column gives no answer, no problem and no warning (most workbooks come back
        without the verifier's answers), so it need not be read row by row.
        """
        if self.grid is None or any(c == col for _, c in self.covered):
            return False
        return all(row <= self.cols.header_row for row, _ in self.grid.column_values(col))

    def note(self, row: int, col: int | None) -> str | None:
        value = self.value(row, col)
        return None if value is None else _shown(value)

    def evidence(self, row: int, code: str) -> tuple[str, ...]:
        col = self.cols.evidence
        if col is None:
            return ()
        cell = self.sheet.get(row, col)
        if cell is None:
            return ()
        value = self.r.text_of(self.name, cell) if cell.value is not None or cell.formula is not None or cell.error else None
        # Split the raw text: text_of() folds newlines, which separate items here.
        raw = cell.value if isinstance(cell.value, str) else (display(value) if value is not None else None)
        items = split_evidence(raw, cell.link)
        if not items:
            return items
        where = self.r.loc(self.name, row, col)
        for item in items:
            self.r.evidence.append((code, where, item))
            if item.lower().startswith(("http://", "https://")):
                self.r.links.append((where, item))
        return items

    def label_answer(self, question: AnyQuestion, row: int, col: int, value: str | Decimal | bool, labels: tuple[str, ...]) -> tuple[str | None, bool]:
        """(canonical label, not applicable) of a label answer among ``labels``; problems recorded."""
        given = _shown(value)
        key = given.casefold()
        if key == _NA_KEY:
            if question.allow_na:
                return None, True
            self.r.fail(ANSWER_NA_NOT_ALLOWED.fill(code=question.code), self.name, row, col)
            return None, False
        label = self.edition.keys[labels].get(key)
        if label is not None:
            return label, False
        allowed = labels + ((NA_LABEL,) if question.allow_na else ())
        self.r.fail(ANSWER_INVALID.fill(code=question.code, given=given, allowed=tuple(allowed), meant=meant(given, allowed)), self.name, row, col)
        return None, False

    def number_answer(self, question: NumberQuestion, row: int, col: int, value: str | Decimal | bool) -> tuple[Decimal | None, bool]:
        """(number as the cell shows it, not applicable) of a number answer; problems recorded."""
        if isinstance(value, Decimal):
            # '75%' typed in Excel is stored as 0,75 in a percent-formatted cell: read what the cell shows.
            return self.within_limits(question, row, col, shown_number(value, (row, col) in self.sheet.percent)), False
        given = _shown(value)
        if given.casefold() == NA_LABEL.casefold():
            if question.allow_na:
                return None, True
            self.r.fail(ANSWER_NA_NOT_ALLOWED.fill(code=question.code), self.name, row, col)
            return None, False
        number = None if isinstance(value, bool) else (parse_number(given) if not given.rstrip().endswith("%") else percent_text(given))
        if number is None:
            self.r.fail(ANSWER_NOT_NUMBER.fill(code=question.code, given=given), self.name, row, col)
            return None, False
        return self.within_limits(question, row, col, number), False

    def within_limits(self, question: NumberQuestion, row: int, col: int, number: Decimal) -> Decimal | None:
        """The number, or None (with a located problem) when a percentage lies outside 0–100."""
        if question.is_percent and not 0 <= number <= 100:
            self.r.problems.append(PERCENT_OUT_OF_RANGE.at(self.r.loc(self.name, row, col), value=number, code=question.code))
            return None
        return number

    def one(self, question: AnyQuestion, row: int, col: int | None, rows: dict[str, int], verifier: bool, kept: tuple[str, ...] = ()) -> tuple[Answer | None, str | None]:
        """The answer in one column (own or verifier's) and its canonical label; None when blank.

        The verifier's answer carries ``kept``, the body's evidence it judged (S2: unchecked), for reports.
        """
        if col is None:
            return None, None
        note = self.note(row, self.cols.verify_note if verifier else self.cols.note)
        evidence = kept if verifier else self.evidence(row, question.code)
        if isinstance(question, ChecklistQuestion):
            return self.checklist(question, row, col, rows, verifier, note, evidence), None
        value = self.value(row, col)
        if value is None:
            if verifier or (not evidence and note is None):
                return None, None
            return Answer(evidence=evidence, note=note), None
        if verifier and question.verifier_scale:  # the verifier picks a level of the scale (S11)
            labels = self.edition.verifier_labels[question.code]
        elif isinstance(question, NumberQuestion):
            number, na = self.number_answer(question, row, col, value)
            if na:
                return Answer(not_applicable=True, evidence=evidence, note=note), NA_LABEL
            return (Answer(value=number, evidence=evidence, note=note), None) if number is not None else (None, None)
        else:
            labels = self.edition.labels[question.code]  # with the substitute's label (S12)
        label, na = self.label_answer(question, row, col, value, labels)
        if na:
            return Answer(not_applicable=True, evidence=evidence, note=note), NA_LABEL
        if label is None:
            return None, None
        if isinstance(question, YesNoQuestion) and question.substitute is not None and label == question.substitute.label:
            return Answer(value=YES_LABEL, substitute=True, evidence=evidence, note=note), YES_LABEL
        return Answer(value=label, evidence=evidence, note=note), label

    def checklist(self, question: ChecklistQuestion, row: int, col: int, rows: dict[str, int], verifier: bool, note: str | None, evidence: tuple[str, ...]) -> Answer | None:
        parent = self.value(row, col)
        na = False
        if parent is not None:
            given = _shown(parent)
            if given.casefold() == NA_LABEL.casefold() and question.allow_na:
                na = True
            elif given.casefold() == NA_LABEL.casefold():
                self.r.fail(ANSWER_NA_NOT_ALLOWED.fill(code=question.code), self.name, row, col)
            else:
                self.r.fail(CHECKLIST_PARENT.fill(code=question.code, given=given, na=CHECKLIST_PARENT_NA.text() if question.allow_na else ""), self.name, row, col)
        met: list[str] = []
        blank: list[str] = []
        for code, item_code in self.edition.items[question.code]:
            item_row = rows.get(item_code)
            if item_row is None:
                continue
            value = self.value(item_row, col)
            if value is None:
                blank.append(code)
                continue
            given = _shown(value)
            key = given.casefold()
            if key == _YES_KEY:
                met.append(code)
            elif key != _NO_KEY:
                self.r.fail(ANSWER_INVALID.fill(code=item_code, given=given, allowed=(YES_LABEL, NO_LABEL), meant=meant(given, (YES_LABEL, NO_LABEL))), self.name, item_row, col)
        answered = len(blank) < len(question.items)
        if na:
            return Answer(not_applicable=True, evidence=evidence, note=note)
        if not answered:
            if verifier or (not evidence and note is None):
                return None
            return Answer(evidence=evidence, note=note)
        if blank:
            first_blank = rows[f"{question.code}.{blank[0]}"]
            items = ", ".join(blank)
            if verifier:
                self.r.warn(VERIFICATION_ITEMS_BLANK.fill(code=question.code, items=items), self.name, first_blank, col)
            else:
                self.r.warn(CHECKLIST_ITEMS_BLANK.fill(code=question.code, items=items), self.name, first_blank, col)
        return Answer(value=tuple(met), evidence=evidence, note=note)


def _answer_text(answer: Answer) -> str:
    value = answer.value
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, Decimal):
        return number_text(value)
    return str(value)


def read_answers(r: ReadState, q: Questionnaire) -> tuple[dict[str, Answer], dict[str, Answer]]:
    """The body's and the verifier's answers by question code; problems and warnings go to ``r``."""
    name = r.find_sheet(tx.SHEET_ANSWERS)
    if name is None:
        return {}, {}
    sheet = r.book.sheet(name)
    cols = _columns(r, sheet)
    if cols is None:
        return {}, {}
    reader = _Answers(r, q, sheet, cols)
    rows = reader.rows_by_code()
    reader.find_covered(rows)
    answers: dict[str, Answer] = {}
    verification: dict[str, Answer] = {}
    verify = None if cols.verify is None or reader.blank_column(cols.verify) else cols.verify
    for question in q.questions:
        row = rows.get(question.code)
        if row is None:
            continue
        own, _ = reader.one(question, row, cols.answer, rows, verifier=False)
        if own is not None:
            answers[question.code] = own
        theirs, _ = reader.one(question, row, verify, rows, verifier=True, kept=own.evidence if own is not None else ())
        if theirs is not None:
            verification[question.code] = theirs
    _warnings(r, q, name, cols, rows, answers)
    return answers, verification


def _warnings(r: ReadState, q: Questionnaire, sheet: str, cols: _Columns, rows: dict[str, int], answers: dict[str, Answer]) -> None:
    """Unanswered applicable questions, and answers that earn points without the evidence they need.

    Which is which comes from the scoring engine (:func:`check_answers`), never from a copy of its rules.
    """
    credit_zero = q.rules.evidence_credit == 0
    checks = check_answers(q, answers)
    invalid = {(p.location.sheet, p.location.cell) for p in r.problems}  # already an error there: no "unanswered" too
    column = cols.evidence if cols.evidence is not None else cols.answer
    effect = (NO_EVIDENCE_NO_CREDIT if credit_zero else NO_EVIDENCE_PARTIAL_CREDIT).text()
    for question in q.questions:
        row = rows.get(question.code)
        if row is None:
            continue
        if not checks[question.code].applicable:
            continue  # S3: the condition is unmet, so the question does not apply
        answer = answers.get(question.code)
        faults = [fault for item in answer.evidence if (fault := link_fault(item)) is not None] if answer is not None else []
        if answer is None or answer.is_blank:
            for fault in faults:
                r.warn(fault.entry.fill(**fault.values, effect=""), sheet, row, column)
            if isinstance(question, ChecklistQuestion):
                first = rows.get(f"{question.code}.{question.items[0].code}", row)
                if answer is not None and answer.value == ():
                    continue  # every item answered 'Tidak': answered, nothing to warn about
                r.warn(CHECKLIST_UNANSWERED.fill(code=question.code), sheet, first, cols.answer)
            elif (sheet, r.loc(sheet, row, cols.answer).cell) not in invalid:
                r.warn(UNANSWERED.fill(code=question.code), sheet, row, cols.answer)
            continue
        kind = question.substitute.evidence if isinstance(question, YesNoQuestion) and question.substitute is not None and answer.substitute else question.evidence
        lacking = checks[question.code].status is QuestionStatus.NO_EVIDENCE
        # A link written wrongly says what is wrong with it (and what it costs), instead of "no evidence".
        for fault in faults:
            cost = LINK_NOT_COUNTED.text(answer=_answer_text(answer), code=question.code, effect=effect) if lacking else ""
            r.warn(fault.entry.fill(**fault.values, effect=cost), sheet, row, column)
        if lacking and not faults:
            r.warn(NO_EVIDENCE.fill(code=question.code, answer=_answer_text(answer), need=evidence_kind(kind), effect=effect), sheet, row, column)


