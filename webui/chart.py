"""Bar charts as SVG, drawn on the server: no JavaScript library, nothing to download.

Colours come from the stylesheet (classes ``chart-bar``, ``chart-label`` …),
because the Content-Security-Policy forbids inline styles; every label is
escaped, since region names come from report text.
"""

from __future__ import annotations

from markupsafe import Markup, escape

ROW_HEIGHT = 26
LABEL_WIDTH = 150
VALUE_WIDTH = 90
WIDTH = 640
TOP = 8


def format_number(value: int | float) -> str:
    """12 for 12.0, 0.35 for 0.35, 4279099.95 with two decimals at most; no exponent."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(int(value))


def bar_chart(bars: list[tuple[str, int | float | None]], title: str, chart_id: str = "chart") -> Markup:
    """Horizontal bars, one per (label, value), with the value written beside each bar.

    A value of None (no report, or a figure the report does not state) is a gap marked "—", never a zero bar.
    """
    height = TOP * 2 + ROW_HEIGHT * max(len(bars), 1)
    low = min([0, *(v for _, v in bars if v is not None)])
    high = max([0, *(v for _, v in bars if v is not None)])
    span = (high - low) or 1
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH

    def x(value: float) -> float:
        return LABEL_WIDTH + area * (value - low) / span

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-labelledby="{escape(chart_id)}-title">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
    ]
    for i, (label, value) in enumerate(bars):
        y = TOP + i * ROW_HEIGHT
        parts.append(
            f'<text class="chart-label" x="{LABEL_WIDTH - 8}" y="{y + ROW_HEIGHT * 0.65:.1f}" '
            f'text-anchor="end">{escape(label)}</text>'
        )
        if value is None:
            parts.append(f'<text class="chart-value chart-gap" x="{x(0) + 6:.1f}" y="{y + ROW_HEIGHT * 0.65:.1f}">—</text>')
            continue
        left, right = sorted((x(0), x(value)))
        parts.append(
            f'<rect class="chart-bar{" chart-bar-negative" if value < 0 else ""}" x="{left:.1f}" y="{y + 4}" '
            f'width="{max(right - left, 1):.1f}" height="{ROW_HEIGHT - 8}"></rect>'
        )
        parts.append(
            f'<text class="chart-value" x="{right + 6:.1f}" y="{y + ROW_HEIGHT * 0.65:.1f}">'
            f'{escape(format_number(value))}</text>'
        )
    if low < 0:
        parts.append(f'<line class="chart-axis" x1="{x(0):.1f}" x2="{x(0):.1f}" y1="{TOP}" y2="{height - TOP}"></line>')
    parts.append("</svg>")
    return Markup("".join(parts))
