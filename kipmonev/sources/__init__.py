"""Reading what people give kipmonev: questionnaires, filled workbooks, stage scores, results and links.

Every problem found in a file is reported at once, with its file and line or sheet and cell.
"""
