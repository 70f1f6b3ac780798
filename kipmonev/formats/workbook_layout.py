"""Where things are in the fill-in workbook: shared by the template, its formulas, the reader and tests.

The reader finds columns by their headings and rows by their codes; these positions are what the
template writes, not what the reader requires.
"""

from __future__ import annotations

from dataclasses import dataclass

from kipmonev.formats import workbook_texts as tx
from kipmonev.model.questionnaire import AnyQuestion, ChecklistQuestion, Group, Questionnaire

#: Bumped when the layout changes in a way older readers cannot follow.
FORMAT_VERSION = 1
#: Row of the column headings on the Kuesioner and Tahap sheets.
HEADER_ROW = 4
#: Column of each Kuesioner heading, 1-based.
COLUMNS: dict[str, int] = {
    tx.COL_CODE: 1,
    tx.COL_TEXT: 2,
    tx.COL_DEFINITION: 3,
    tx.COL_LEGAL: 4,
    tx.COL_EVIDENCE_RULE: 5,
    tx.COL_ANSWER: 6,
    tx.COL_EVIDENCE: 7,
    tx.COL_NOTE: 8,
    tx.COL_VERIFY: 9,
    tx.COL_VERIFY_NOTE: 10,
    tx.COL_POINTS: 11,
}
#: Column widths of the Kuesioner sheet, by column.
WIDTHS = {1: 13, 2: 56, 3: 44, 4: 26, 5: 15, 6: 17, 7: 40, 8: 26, 9: 17, 10: 26, 11: 26}
#: The columns of a body's own template (``round templates``): no verifier columns, they belong to the commission.
BODY_COLUMNS: dict[str, int] = {head: i for i, head in enumerate((h for h in COLUMNS if h not in (tx.COL_VERIFY, tx.COL_VERIFY_NOTE)), start=1)}
BODY_WIDTHS = {BODY_COLUMNS[head]: WIDTHS[col] for head, col in COLUMNS.items() if head in BODY_COLUMNS}
#: Metadata key marking a body's own template, and its value.
META_BODY_ONLY = ("templat_untuk", "badan_publik")
#: First field row of the Identitas sheet (label in A, value in B).
IDENTITY_FIRST_ROW = 4
#: First stage row of the Tahap sheet (code in A, score in D).
STAGE_FIRST_ROW = HEADER_ROW + 1


@dataclass(frozen=True)
class Row:
    """One Kuesioner row: a question, a checklist item (``item`` set), an indicator or a group heading (``group`` set)."""

    code: str
    question: AnyQuestion | None
    item: str | None = None
    group: Group | None = None


def answer_rows(q: Questionnaire) -> list[Row]:
    """The Kuesioner rows below the heading, in order: per indicator a heading, its questions and items.

    A titled group's heading comes before the first question it holds (a question of a group that has
    already started and ended again gets the heading once more, so every question sits below its group).
    """
    rows: list[Row] = []
    for ind in q.indicators:
        rows.append(Row(ind.code, None))
        current: tuple[Group, ...] = ()
        for question in q.questions_of(ind.code):
            groups = q.groups_of(question.code)
            same = 0
            while same < min(len(groups), len(current)) and groups[same] == current[same]:
                same += 1
            rows.extend(Row(group.code, None, group=group) for group in groups[same:])
            current = groups
            rows.append(Row(question.code, question))
            if isinstance(question, ChecklistQuestion):
                rows.extend(Row(f"{question.code}.{it.code}", question, it.code) for it in question.items)
    return rows
