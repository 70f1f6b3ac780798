"""Hand-written SVG charts: no dependency, decimal commas through Babel, every label inside the viewBox.

Coordinates are SVG numbers (always with a dot); only the visible texts are formatted the Indonesian way.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

from kipmonev.formatting import format_number, format_percent
from kipmonev.render.view import IndicatorSection, short_text

_WIDTH = 680
_LABEL_W = 190  # indicator names, wrapped
_BAR_X = _LABEL_W + 10
_BAR_W = 280
_VALUE_X = _BAR_X + _BAR_W + 10  # "35,00 dari 40,00"
_BAR_H = 11
_BAR_GAP = 3
_LINE_H = 12
_TOP = 34
_LABEL_CHARS = 30
_LABEL_LINES = 2

SELF_COLOR = "#9fb7d3"
BASIS_COLOR = "#1f4e79"
TRACK_COLOR = "#e8edf3"


@dataclass(frozen=True)
class _Bar:
    label: str
    percent: Decimal | None
    earned: Decimal
    weight: Decimal
    color: str


def _n(x: float) -> str:
    """An SVG coordinate: plain dot decimal, never locale-formatted."""
    return format(x, ".1f")


def _wrap(text: str) -> list[str]:
    lines = textwrap.wrap(short_text(text, 200), _LABEL_CHARS, break_long_words=True) or ["–"]
    if len(lines) > _LABEL_LINES:
        lines = lines[:_LABEL_LINES]
        lines[-1] = lines[-1][: _LABEL_CHARS - 1].rstrip() + "…"
    return lines


def _bar(y: float, bar: _Bar) -> list[str]:
    parts = [f'<rect x="{_BAR_X}" y="{_n(y)}" width="{_BAR_W}" height="{_BAR_H}" fill="{TRACK_COLOR}"/>']
    if bar.percent is None:
        value = "tidak berlaku"
    else:
        share = min(max(float(bar.percent), 0.0), 100.0) / 100.0
        parts.append(f'<rect x="{_BAR_X}" y="{_n(y)}" width="{_n(_BAR_W * share)}" height="{_BAR_H}" fill="{bar.color}"/>')
        value = f"{format_number(bar.earned)} dari {format_number(bar.weight)}"
    parts.append(f'<text x="{_VALUE_X}" y="{_n(y + _BAR_H - 2)}" class="v">{escape(bar.label)}{escape(value)}</text>')
    return parts


def indicator_chart(sections: Sequence[IndicatorSection]) -> Markup:
    """A horizontal bar chart of each indicator's score against its maximum (its weight).

    The bar length is the indicator's percentage; the text gives the score and the maximum. With a
    verified track, each indicator has two bars: mandiri (light) and verifikasi (dark).

    Args:
        sections: The report's indicator sections, in order.

    Returns:
        An inline ``<svg>`` element, safe to insert into HTML as is.
    """
    both = any(s.verified_result is not None for s in sections)
    rows: list[tuple[list[str], list[_Bar]]] = []
    for s in sections:
        bars = [_Bar("Mandiri: " if both else "", s.self_result.percent, s.self_result.contribution, s.weight, SELF_COLOR if both else BASIS_COLOR)]
        if s.verified_result is not None:
            v = s.verified_result
            bars.append(_Bar("Verifikasi: ", v.percent, v.contribution, s.weight, BASIS_COLOR))
        rows.append((_wrap(s.name), bars))

    out: list[str] = []
    y = float(_TOP)
    for lines, bars in rows:
        height = max(len(lines) * _LINE_H, len(bars) * (_BAR_H + _BAR_GAP)) + 9
        for i, line in enumerate(lines):
            out.append(f'<text x="0" y="{_n(y + 10 + i * _LINE_H)}" class="l">{escape(line)}</text>')
        for j, bar in enumerate(bars):
            out += _bar(y + j * (_BAR_H + _BAR_GAP), bar)
        y += height
    bottom = y
    grid: list[str] = []
    for step in (0, 25, 50, 75, 100):
        x = _BAR_X + _BAR_W * step / 100
        grid.append(f'<line x1="{_n(x)}" y1="{_TOP - 6}" x2="{_n(x)}" y2="{_n(bottom - 6)}" class="g"/>')
        grid.append(f'<text x="{_n(x)}" y="{_TOP - 10}" class="t">{escape(format_percent(Decimal(step) / 100))}</text>')
    legend: list[str] = []
    if both:
        legend = [
            f'<rect x="0" y="4" width="10" height="10" fill="{SELF_COLOR}"/><text x="14" y="13" class="l">Nilai mandiri</text>',
            f'<rect x="110" y="4" width="10" height="10" fill="{BASIS_COLOR}"/><text x="124" y="13" class="l">Nilai verifikasi</text>',
        ]
    total_height = bottom + 4
    title = "Skor terhadap maksimum per indikator"
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {_WIDTH} {_n(total_height)}" width="{_WIDTH}" height="{_n(total_height)}" role="img" aria-label="{title}">'
        f"<title>{title}</title>"
        "<style>text{font-family:'DejaVu Sans',sans-serif}.l{font-size:10px;fill:#1a1a1a}.v{font-size:10px;fill:#1a1a1a}.t{font-size:9px;fill:#555;text-anchor:middle}"
        ".g{stroke:#c9d3de;stroke-width:0.6}</style>"
        + "".join(legend)
        + "".join(grid)
        + "".join(out)
        + "</svg>"
    )
    return Markup(svg)
