"""Authoring editions in a spreadsheet: export an edition to a workbook, import it back, compare editions.

The layout (sheet names, columns, aliases) is in :mod:`kipmonev.authoring.layout`.
"""

from kipmonev.authoring.diff import FieldChange, ItemChange, ItemRef, QuestionnaireDiff, diff_questionnaires, render_diff
from kipmonev.authoring.dump import questionnaire_yaml, write_questionnaire_yaml
from kipmonev.authoring.export import export_questionnaire, write_questionnaire_xlsx
from kipmonev.authoring.import_ import import_questionnaire, import_questionnaire_with_warnings

__all__ = [
    "FieldChange",
    "ItemChange",
    "ItemRef",
    "QuestionnaireDiff",
    "diff_questionnaires",
    "export_questionnaire",
    "import_questionnaire",
    "import_questionnaire_with_warnings",
    "questionnaire_yaml",
    "render_diff",
    "write_questionnaire_xlsx",
    "write_questionnaire_yaml",
]
