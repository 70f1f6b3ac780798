"""Jinja filters: the only way templates turn values into text. Numbers and dates go through Babel.

Every filter shows ``–`` for a missing value, never ``0``, so absent never looks like zero.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from kipmonev.core.formatting import format_long_date, format_number, format_plain, format_signed

#: What a missing number or date is shown as.
MISSING = "–"

Number = Decimal | int | float

#: The number types whose text gives back the same value with the same digits (``str``, then the type), by name.
_EXACT: dict[str, Callable[[str], Number]] = {"Decimal": Decimal, "int": int, "float": float}


@functools.lru_cache(maxsize=4096)
def _remembered(fmt: Callable[..., str], kind: str, text: str, args: tuple[int, ...]) -> str:
    return fmt(_EXACT[kind](text), *args)


def _formatted(fmt: Callable[..., str], value: Number, *args: int) -> str:
    """``fmt(value, *args)``, remembered by the value's type and digits.

    A body report formats ~450 numbers, most of them the same few points and weights, and Babel parses its
    locale and pattern on every call (~50 µs). ``Decimal("1")`` and ``Decimal("1.0")`` are equal but keep
    their own entries, so a value is never shown with another's digits; other types (``bool``) are not remembered.
    """
    kind = type(value).__name__
    if _EXACT.get(kind) is type(value):
        return _remembered(fmt, kind, str(value), args)
    return fmt(value, *args)


def number(value: Number | None, places: int = 2) -> str:
    """A score or point value with fixed decimals: ``89.5`` → ``89,50``; ``None`` → ``–``."""
    return MISSING if value is None else _formatted(format_number, value, places)


def plain(value: Number | None) -> str:
    """A number with only the decimals it needs (weights, points): ``40`` → ``40``, ``12.5`` → ``12,5``."""
    return MISSING if value is None else _formatted(format_plain, value)


def signed(value: Number | None, places: int = 2) -> str:
    """A change with its sign: ``1.5`` → ``+1,50``."""
    return MISSING if value is None else _formatted(format_signed, value, places)


def percent(value: Number | None, places: int = 2) -> str:
    """A value already on a 0–100 scale, with a percent sign: ``87.5`` → ``87,50%``."""
    return MISSING if value is None else f"{_formatted(format_number, value, places)}%"


def long_date(value: dt.date | None) -> str:
    """A date in words: ``2026-11-23`` → ``23 November 2026``."""
    return MISSING if value is None else format_long_date(value)


_TERMINAL = (".", "!", "?", "…", ":", ";")


def sentence(value: str | None) -> str:
    """Text ending in one full stop, for notes and reasons that may or may not end in one: ``Dicek`` → ``Dicek.``."""
    text = (value or "").rstrip()
    return text if not text or text.endswith(_TERMINAL) else f"{text}."


def nobreak(value: str) -> str:
    """Text whose words stay on one line (non-breaking spaces), e.g. ``2/2 Terpenuhi`` at the end of a row."""
    return "\u00a0".join(str(value).split())


def heading(value: str) -> str:
    """A column heading that may break between words and after a slash, never inside a word (U+200B after '/')."""
    return str(value).replace("/", "/\u200b")


FILTERS: dict[str, Callable[..., Any]] = {
    "number": number,
    "plain": plain,
    "signed": signed,
    "percent": percent,
    "long_date": long_date,
    "sentence": sentence,
    "nobreak": nobreak,
    "heading": heading,
}
