"""kipmonev.core.numbers: rule N1 (a number typed as text) and Decimal → JSON number."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from kipmonev.core.numbers import json_number, parse_number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("90"), "90"),
        (Decimal("90.00"), "90"),
        (Decimal("89.5"), "89.5"),
        (Decimal("89.50"), "89.5"),
        (Decimal("0.0001"), "0.0001"),
        (Decimal("-2.25"), "-2.25"),
        (Decimal("0"), "0"),
        (Decimal("12345678901234"), "12345678901234"),
    ],
)
def test_json_number(value: Decimal, expected: str) -> None:
    assert json.dumps(json_number(value)) == expected


# Rule N1. Before it, four parsers read typed numbers: the workbook reader (sources/cells.py), the
# stage-score file (sources/stages.py), the questionnaire sheets (sources/questionnaire_sheets.py) and the
# scoring engine for answers given as text (engine/scoring.py). The comments name where they disagreed.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7,5", Decimal("7.5")),
        ("7.5", Decimal("7.5")),
        (" 7,5 ", Decimal("7.5")),
        ("\xa07,5\xa0", Decimal("7.5")),
        ("4.0", Decimal("4")),
        ("+5", Decimal("5")),
        ("-2,25", Decimal("-2.25")),
        (",5", Decimal("0.5")),
        ("5.", Decimal("5")),
        ("1e3", Decimal("1000")),  # Excel itself reads 1e3 typed in a cell as 1000; all four agreed
        # Stage scores and answers kept 90.00 and 7.50 as typed, the reader and the sheets gave 90 and 7.5:
        # now always the number Excel would store.
        ("90.00", Decimal("90")),
        ("7,50", Decimal("7.5")),
        # The scoring engine refused inner spaces, the others removed them: spaces never carry meaning.
        ("1 000", Decimal("1000")),
        ("1\u202f000,5", Decimal("1000.5")),
        # The reader kept 15 significant digits, the others every digit typed: Excel keeps 15.
        ("0.12345678901234567", Decimal("0.123456789012346")),
        # Thousands separators: every copy refused these, by accident (a second '.' after replacing ',').
        # Refused on purpose now: 1.234 is 1234 to an Indonesian eye and 1.234 to an English one.
        ("1.234,5", None),
        ("1,234.5", None),
        ("1.234.567", None),
        ("1,2,3", None),
        # Python's Decimal accepts underscores, so every copy read 1_000 as 1000; nobody types that for a number.
        ("1_000", None),
        ("", None),
        ("   ", None),
        ("NaN", None),
        ("Infinity", None),
        ("-inf", None),
        ("7,5%", None),
        ("Ya", None),
        (",", None),
        ("-", None),
        ("1e", None),
    ],
)
def test_parse_number_rule_n1(text: str, expected: Decimal | None) -> None:
    got = parse_number(text)
    assert got == expected
    if expected is not None:
        assert str(got) == str(expected)  # the same digits, not only the same value
