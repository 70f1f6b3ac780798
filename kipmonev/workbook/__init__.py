"""The fill-in workbook: build the template, read a filled one back.

Public API::

    from kipmonev.workbook import build_template, write_template, read_submission

    write_template(q, Path("isian.xlsx"))
    questionnaire, submission = read_submission(Path("isian.xlsx"))
"""

from kipmonev.workbook.fill import fill_template, write_filled
from kipmonev.workbook.reader import FilledWorkbook, read_submission, read_workbook
from kipmonev.workbook.template import build_template, save_workbook, write_template

__all__ = ["FilledWorkbook", "build_template", "fill_template", "read_submission", "read_workbook", "save_workbook", "write_filled", "write_template"]
