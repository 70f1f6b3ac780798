"""Numbers at the edges: text people typed read as a number, and a Decimal written out as a JSON number.

Rule N1 (a number typed as text), for workbook answers, stage scores, questionnaire sheets and CSV files:

    * Spaces anywhere are ignored (ordinary, non-breaking and narrow ones): ``' 7,5 '`` and ``'1 000'``.
    * An optional leading ``+`` or ``-``, then digits with at most ONE decimal separator, written as a
      comma or a dot: ``7,5`` and ``7.5`` are 7.5; ``90.00`` is 90; ``,5`` is 0.5.
    * An exponent may follow, as Excel itself accepts on entry: ``1e3`` is 1000.
    * Anything else is not a number: thousands separators (``1.234,5``, ``1,234.5``, ``1.234.567``), because
      ``1.234`` reads as 1234 to an Indonesian eye and as 1.234 to an English one, and kipmonev cannot know
      which was meant; ``NaN``, ``Infinity``, underscores (``1_000``, which Python alone accepts) and letters.
    * The value is the one Excel stores for that number: 15 significant digits, an integer without a
      fraction (``4.0`` is 4), no trailing zeros (``7.50`` is 7.5).
"""

from __future__ import annotations

import re
from decimal import Context, Decimal, InvalidOperation

#: Excel keeps 15 significant digits of every number.
_EXCEL_DIGITS = Context(prec=15)
#: Rule N1 after the spaces are gone: sign, digits, at most one decimal separator.
_TYPED = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def excel_decimal(value: Decimal) -> Decimal:
    """A finite number as Excel shows it: 15 significant digits, integers without a fraction, no trailing zeros.

    Raises:
        InvalidOperation: Not a finite number.
    """
    number = _EXCEL_DIGITS.create_decimal(value)
    if not number.is_finite():
        raise InvalidOperation(str(value))
    if number == number.to_integral_value():
        try:
            return number.quantize(Decimal(1))
        except InvalidOperation:  # too large to write without an exponent
            return number.normalize()
    return number.normalize()


def parse_number(text: str) -> Decimal | None:
    """A number typed as text (rule N1), or ``None`` when the text is not one."""
    compact = "".join(text.split())  # str.split() without arguments also splits on NBSP and narrow spaces
    if not _TYPED.fullmatch(compact):
        return None
    return excel_decimal(Decimal(compact.replace(",", ".")))


def json_number(value: Decimal) -> int | float:
    """A Decimal for JSON, YAML and spreadsheet cells: an ``int`` when integral, else the nearest ``float``.

    Scores carry two decimals and weights at most four, so the float's ``repr`` is the decimal itself.
    """
    return int(value) if value == value.to_integral_value() else float(value)
