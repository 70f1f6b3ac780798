"""Hand-written SVG charts: no dependency, decimal commas through Babel, every label inside the viewBox.

Coordinates are SVG numbers (always with a dot); only the visible texts are formatted the Indonesian way.
NOTE: WeasyPrint lays out every SVG ``<text>`` like a paragraph, so the charts use few of them: one label
and one value per bar, three axis ticks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

from kipmonev.core.formatting import format_number, format_percent
from kipmonev.outputs.report.labels import CHART_BODIES, CHART_NOT_APPLICABLE, CHART_SELF, CHART_SHARE, CHART_VERIFIED, short_text
from kipmonev.outputs.report.rows import IndicatorSection

_WIDTH = 680
_LABEL_W = 180  # indicator or category names, one line
_LABEL_CHARS = 30
_BAR_X = _LABEL_W + 10
_BAR_W = 330
_VALUE_X = _BAR_X + _BAR_W + 10  # "35,00 dari 40,00"
_BAR_H = 12
_ROW_H = 20
_TOP = 30
_CHAR_W = 6.5  # a generous average width of a 10px DejaVu Sans character, for the legend

SELF_COLOR = "#123a5f"
BASIS_COLOR = "#4f81b5"
TRACK_COLOR = "#e8edf3"
_STYLE = (
    "<style>text{font-family:'DejaVu Sans',sans-serif;font-size:10px;fill:#1a1a1a}"
    ".t{font-size:9px;fill:#555;text-anchor:middle}.c{font-size:9px;text-anchor:middle}.g{stroke:#c9d3de;stroke-width:0.6}</style>"
)


def _n(x: float) -> str:
    """An SVG coordinate: plain dot decimal, never locale-formatted."""
    return format(x, ".1f")


def _svg(height: float, title: str, parts: Sequence[str]) -> Markup:
    label = escape(title)
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {_WIDTH} {_n(height)}" width="{_WIDTH}" height="{_n(height)}" role="img" aria-label="{label}">'
        f"<title>{label}</title>{_STYLE}" + "".join(parts) + "</svg>"
    )


def _axis(top: float, bottom: float) -> list[str]:
    """Grid lines at every quarter, tick labels at 0, 50 and 100 percent."""
    out: list[str] = []
    for step in (0, 25, 50, 75, 100):
        x = _BAR_X + _BAR_W * step / 100
        out.append(f'<line x1="{_n(x)}" y1="{_n(top - 4)}" x2="{_n(x)}" y2="{_n(bottom)}" class="g"/>')
        if step % 50 == 0:
            out.append(f'<text x="{_n(x)}" y="{_n(top - 8)}" class="t">{escape(format_percent(Decimal(step) / 100))}</text>')
    return out


def _share(percent: Decimal) -> float:
    return min(max(float(percent), 0.0), 100.0) / 100.0


@dataclass(frozen=True)
class _Legend:
    color: str
    text: str
    thin: bool = False


def _legend(items: Sequence[_Legend]) -> tuple[list[str], float]:
    """The legend's shapes and texts, wrapped onto a new row before it would leave the viewBox; and its height."""
    out: list[str] = []
    x, y = 0.0, 0.0
    for item in items:
        width = 24 + _CHAR_W * len(item.text)
        if x > 0 and x + width > _WIDTH:
            x, y = 0.0, y + 16
        shape = (
            f'<rect x="{_n(x + 4)}" y="{_n(y + 3)}" width="2.5" height="12" fill="{item.color}"/>'
            if item.thin
            else f'<rect x="{_n(x)}" y="{_n(y + 4)}" width="10" height="10" fill="{item.color}"/>'
        )
        out.append(f'{shape}<text x="{_n(x + 14)}" y="{_n(y + 13)}">{escape(item.text)}</text>')
        x += width
    return out, y


def indicator_chart(sections: Sequence[IndicatorSection]) -> Markup:
    """A horizontal bar chart of each indicator's score against its maximum (its weight).

    The bar is the basis track (verified where there is one) and its length the indicator's percentage;
    the text gives the score and the maximum. With a verified track, a thin dark mark shows where the
    self-assessed (mandiri) percentage was; the table under the chart gives both tracks' numbers.

    Args:
        sections: The report's indicator sections, in order.

    Returns:
        An inline ``<svg>`` element, safe to insert into HTML as is.
    """
    both = any(s.verified_result is not None for s in sections)
    legend = [_Legend(BASIS_COLOR, CHART_VERIFIED.text()), _Legend(SELF_COLOR, CHART_SELF.text(), thin=True)] if both else [_Legend(BASIS_COLOR, CHART_SELF.text())]
    out, shift = _legend(legend)
    top = _TOP + shift
    y = top
    for s in sections:
        basis = s.basis
        out.append(f'<text x="0" y="{_n(y + _BAR_H - 2)}">{escape(short_text(s.name, _LABEL_CHARS))}</text>')
        out.append(f'<rect x="{_BAR_X}" y="{_n(y)}" width="{_BAR_W}" height="{_BAR_H}" fill="{TRACK_COLOR}"/>')
        if basis.percent is None:
            value = CHART_NOT_APPLICABLE.text()
        else:
            out.append(f'<rect x="{_BAR_X}" y="{_n(y)}" width="{_n(_BAR_W * _share(basis.percent))}" height="{_BAR_H}" fill="{BASIS_COLOR}"/>')
            value = CHART_SHARE.text(value=format_number(basis.contribution), weight=format_number(s.weight))
        if s.verified_result is not None and s.self_result.percent is not None:
            x = _BAR_X + _BAR_W * _share(s.self_result.percent)
            out.append(f'<rect x="{_n(max(x - 1.25, _BAR_X))}" y="{_n(y - 2)}" width="2.5" height="{_BAR_H + 4}" fill="{SELF_COLOR}"/>')
        out.append(f'<text x="{_VALUE_X}" y="{_n(y + _BAR_H - 2)}">{escape(value)}</text>')
        y += _ROW_H
    return _svg(y + 2, "Skor terhadap maksimum per indikator", _axis(top, y - _ROW_H + _BAR_H + 3) + out)


@dataclass(frozen=True)
class Segment:
    """One part of a stacked bar: how many bodies got a qualification, in its colour."""

    count: int
    color: str
    text_color: str


@dataclass(frozen=True)
class StackedBar:
    """One category's bar: its name, its segments in band order and the bodies without a final score."""

    label: str
    segments: tuple[Segment, ...]
    total: int


def distribution_chart(bars: Sequence[StackedBar], legend: Sequence[tuple[str, str]], title: str) -> Markup:
    """A stacked horizontal bar per category: the share of its bodies in each qualification.

    Each segment's width is its share of the category's bodies, and the count is written inside it; the
    text after the bar gives the number of bodies.

    Args:
        bars: One bar per category, in display order.
        legend: ``(name, colour)`` for each qualification, plus "Belum final".
        title: The chart's accessible title.

    Returns:
        An inline ``<svg>`` element, safe to insert into HTML as is.
    """
    out, shift = _legend([_Legend(color, name) for name, color in legend])
    top = _TOP + shift
    y = top
    for bar in bars:
        out.append(f'<text x="0" y="{_n(y + _BAR_H - 2)}">{escape(short_text(bar.label, _LABEL_CHARS))}</text>')
        out.append(f'<rect x="{_BAR_X}" y="{_n(y)}" width="{_BAR_W}" height="{_BAR_H}" fill="{TRACK_COLOR}"/>')
        x = float(_BAR_X)
        for seg in bar.segments:
            if seg.count <= 0 or bar.total <= 0:
                continue
            width = _BAR_W * seg.count / bar.total
            out.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(width)}" height="{_BAR_H}" fill="{seg.color}"/>')
            if width >= 12:
                out.append(f'<text x="{_n(x + width / 2)}" y="{_n(y + _BAR_H - 3)}" class="c" style="fill:{seg.text_color}">{seg.count}</text>')
            x += width
        out.append(f'<text x="{_VALUE_X}" y="{_n(y + _BAR_H - 2)}">{CHART_BODIES.text(count=bar.total)}</text>')
        y += _ROW_H
    return _svg(y + 2, title, _axis(top, y - _ROW_H + _BAR_H + 3) + out)
