"""The limits kipmonev enforces on outside files (issue 7), read from the code, so the README cannot drift.

``LIMITS`` is the README's "Limits and security" table, built from the constants themselves. Changing a
limit fails ``test_the_limits_are_what_the_readme_says`` until the value below (and the README) follow.
"""

from __future__ import annotations

import inspect
from pathlib import Path

from openpyxl.utils import get_column_letter

from kipmonev.core import errors
from kipmonev.sources import book, cloud_links, links, loader, xlsx
from kipmonev.sources import questionnaire_xlsx as import_

ROOT = Path(__file__).resolve().parents[1]
MB = 1024 * 1024


def _n(value: int) -> str:
    return f"{value:,}"


LINK_TIMEOUT = inspect.signature(links.check_url).parameters["timeout"].default

LIMITS: list[tuple[str, str, str]] = [
    ("Workbook (.xlsx): one part, unpacked", f"{xlsx.MAX_PART_BYTES // MB} MB", "`kipmonev/sources/xlsx.py` `MAX_PART_BYTES`"),
    ("Workbook: all parts read, unpacked", f"{xlsx.MAX_TOTAL_BYTES // MB} MB", "`MAX_TOTAL_BYTES`"),
    ("Workbook: entries in the zip", _n(xlsx.MAX_ENTRIES), "`MAX_ENTRIES`"),
    ("Workbook: compression ratio of a part over 1 MB", f"{xlsx.MAX_RATIO}:1", "`MAX_RATIO`, `RATIO_CHECK_FROM`"),
    ("Workbook: rows and columns read", f"{_n(xlsx.MAX_ROW)} rows, {_n(xlsx.MAX_COLUMN)} columns (A–{get_column_letter(xlsx.MAX_COLUMN)})", "`MAX_ROW`, `MAX_COLUMN`"),
    ("Workbook: cells in one sheet", _n(xlsx.MAX_CELLS), "`MAX_CELLS`"),
    ("Workbook: cells one hyperlink range covers", _n(xlsx.MAX_LINK_CELLS), "`MAX_LINK_CELLS`"),
    ("Workbook: rectangle of cells calamine fills, all sheets read at once", _n(book.MAX_DENSE_CELLS), "`kipmonev/sources/book_base.py` `MAX_DENSE_CELLS`"),
    ("Questionnaire workbook: file size", f"{import_.MAX_WORKBOOK_BYTES // MB} MB", "`kipmonev/sources/questionnaire_xlsx.py` `MAX_WORKBOOK_BYTES`"),
    ("Questionnaire YAML: file size", f"{loader.MAX_FILE_BYTES // MB} MB", "`kipmonev/sources/loader.py` `MAX_FILE_BYTES`"),
    ("Questionnaire YAML: chain of includes", f"{loader.MAX_INCLUDE_DEPTH} files, the edition included", "`MAX_INCLUDE_DEPTH`"),
    ("Questionnaire YAML: files included in one load", _n(loader.MAX_INCLUDED_FILES), "`MAX_INCLUDED_FILES`"),
    ("Questionnaire YAML: nesting of lists and mappings", f"{loader.MAX_YAML_DEPTH} levels", "`MAX_YAML_DEPTH`"),
    ("Link check (`--check-links` only): redirects followed", _n(links.MAX_REDIRECTS), "`kipmonev/sources/links.py` `MAX_REDIRECTS`"),
    ("Link check: time per request", f"{LINK_TIMEOUT:g} s (`--timeout`)", "`check_url`"),
    ("Link check: distinct links per workbook", _n(links.MAX_LINKS), "`MAX_LINKS`"),
    ("Link check: page read of a cloud service's link (to tell a sign-in page from the document)", f"{cloud_links.BODY_LIMIT // 1024} KiB", "`kipmonev/sources/cloud_links.py` `BODY_LIMIT`"),
    ("Link check: private, loopback and link-local addresses", "reported, never opened (`--allow-local-addresses` opens them)", "`_public`"),
    ("Problems listed in one message", _n(errors.MAX_LISTED_PROBLEMS), "`kipmonev/core/errors.py` `MAX_LISTED_PROBLEMS`"),
]


def limits_table() -> str:
    """The README table, one line per limit."""
    lines = ["| Limit | Value | Defined in |", "|---|---|---|"]
    lines += [f"| {what} | {value} | {where} |" for what, value, where in LIMITS]
    return "\n".join(lines)


def test_the_limits_are_what_the_readme_says() -> None:
    assert (xlsx.MAX_PART_BYTES, xlsx.MAX_TOTAL_BYTES, xlsx.MAX_ENTRIES, xlsx.MAX_RATIO, xlsx.RATIO_CHECK_FROM) == (20 * MB, 50 * MB, 10_000, 200, 1 * MB)
    assert (xlsx.MAX_ROW, xlsx.MAX_COLUMN, xlsx.MAX_CELLS, xlsx.MAX_LINK_CELLS) == (100_000, 1_000, 300_000, 10_000)
    assert import_.MAX_WORKBOOK_BYTES == 10 * MB
    assert (loader.MAX_FILE_BYTES, loader.MAX_INCLUDE_DEPTH, loader.MAX_INCLUDED_FILES, loader.MAX_YAML_DEPTH) == (2 * MB, 8, 32, 20)
    assert (links.MAX_REDIRECTS, LINK_TIMEOUT, links.MAX_LINKS, errors.MAX_LISTED_PROBLEMS) == (5, 10, 1_000, 50)
    assert cloud_links.BODY_LIMIT == 256 * 1024


def test_the_authoring_import_uses_the_workbook_limits() -> None:
    assert vars(import_)["screen_xlsx"] is xlsx.screen_xlsx  # one guard, not a copy
    assert vars(import_)["open_book"] is book.open_book  # one reader for filled and authoring workbooks


def test_the_readme_lists_every_limit() -> None:
    assert limits_table() in (ROOT / "README.md").read_text(encoding="utf-8")
