"""Indonesian formatting of numbers and dates, through Babel; the only place that formats them."""

from __future__ import annotations

import datetime as dt
from decimal import Context, Decimal, InvalidOperation, localcontext

from babel.dates import format_date
from babel.numbers import format_decimal, format_scientific
from babel.numbers import format_percent as format_percent_babel

LOCALE = "id_ID"
#: Digits Babel may need to quantize a number: every float fits (the largest has 309 integer digits).
_DIGITS = Context(prec=400)


def _decimal(value: Decimal | int | float, pattern: str, *, quantize: bool) -> str:
    """Babel's ``format_decimal`` without the default 28-digit limit; larger numbers in scientific form."""
    try:
        with localcontext(_DIGITS):
            return format_decimal(value, format=pattern, locale=LOCALE, decimal_quantization=quantize)
    except InvalidOperation:  # NOTE: a number typed as 1e999 in a user's file: its message still says it
        return format_scientific(value, locale=LOCALE)


def format_number(value: Decimal | int | float, places: int = 2) -> str:
    """Format a number the Indonesian way with a fixed number of decimals: ``89.5`` → ``89,50``.

    Args:
        value: The number.
        places: Decimal places to show; ``0`` shows an integer with thousands dots (``1.234``).
    """
    pattern = "#,##0" + ("." + "0" * places if places > 0 else "")
    return _decimal(value, pattern, quantize=True)


def format_plain(value: Decimal | int | float) -> str:
    """Format a number with only the decimals it needs: ``100`` → ``100``, ``2.5`` → ``2,5``."""
    return _decimal(value, "#,##0.####", quantize=True)


def format_long_date(value: dt.date) -> str:
    """Format a date as Indonesians write it in letters: ``23 November 2026``."""
    return format_date(value, format="long", locale=LOCALE)


def format_percent(fraction: Decimal | int | float) -> str:
    """Format a fraction as an Indonesian percentage with only the decimals it needs: ``0.125`` → ``12,5%``."""
    return format_percent_babel(fraction, format="#,##0.##%", locale=LOCALE)


def format_signed(value: Decimal | int | float, places: int = 2) -> str:
    """Format a change with its sign: ``1.5`` → ``+1,50``, ``-2`` → ``-2,00``, ``0`` → ``0,00``."""
    if value == 0:
        return format_number(0, places)
    decimals = "." + "0" * places if places > 0 else ""
    pattern = f"+#,##0{decimals};-#,##0{decimals}"
    return _decimal(value, pattern, quantize=True)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(text: str) -> str:
    """Make text that a spreadsheet would run as a formula inert by prefixing an apostrophe.

    For CSV and XLSX exports of text that came from users' files (body names, notes): ``=HYPERLINK(…)`` → ``'=HYPERLINK(…)``.
    Numbers must not be passed through this (``-1,50`` is a number, not a formula).
    """
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def format_timestamp(value: dt.datetime) -> str:
    """Format a moment in UTC the Indonesian way, date in letters and time with dots: ``23 November 2026 10.05 UTC``."""
    moment = value.astimezone(dt.UTC)
    return f"{format_long_date(moment.date())} {moment:%H.%M} UTC"
