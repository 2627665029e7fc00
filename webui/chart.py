"""Bar charts as SVG, drawn on the server: no JavaScript library, nothing to download.

Colours come from the stylesheet (classes ``chart-bar``, ``chart-label`` …),
because the Content-Security-Policy forbids inline styles; every label is
escaped, since region names come from report text.
"""

from __future__ import annotations

from markupsafe import Markup, escape

ROW_HEIGHT = 30
LABEL_WIDTH = 180
VALUE_WIDTH = 90
WIDTH = 600
TOP = 8
LABEL_CHARS = 8  # a longer group name is cut in the chart (the table under it has it whole)


def _label(label: str) -> str:
    """A group's name in the chart, escaped; a long one is cut, whole in its tooltip."""
    if len(label) <= LABEL_CHARS:
        return str(escape(label))
    return f"{escape(label[:LABEL_CHARS - 1])}…<title>{escape(label)}</title>"


def format_number(value: int | float) -> str:
    """12 for 12.0, 0.35 for 0.35, 4279099.95 with two decimals at most; no exponent."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.2f}".rstrip("0").rstrip(".")
    return str(int(value))


def _x_scale(values: list[int | float]):
    """Where a value's bar ends: zero and every value fit between the label and the value columns."""
    low, high = min([0, *values]), max([0, *values])
    span = (high - low) or 1
    area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    return lambda value: LABEL_WIDTH + area * (value - low) / span


def _svg_open(chart_id: str, title: str, height: float) -> list[str]:
    """The opening of a chart's SVG with its accessible title."""
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height:.0f}" '
        f'width="{WIDTH}" height="{height:.0f}" role="img" aria-labelledby="{escape(chart_id)}-title">',
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
    ]


def bar_chart(bars: list[tuple[str, int | float | None]], title: str, chart_id: str = "chart") -> Markup:
    """Horizontal bars, one per (label, value), with the value written beside each bar.

    A value of None (no report, or a figure the report does not state) is a gap marked "—", never a zero bar.
    """
    height = TOP * 2 + ROW_HEIGHT * max(len(bars), 1)
    x = _x_scale([v for _, v in bars if v is not None])
    parts = _svg_open(chart_id, title, height)
    for i, (label, value) in enumerate(bars):
        y = TOP + i * ROW_HEIGHT
        parts.append(
            f'<text class="chart-label" x="{LABEL_WIDTH - 8}" y="{y + ROW_HEIGHT * 0.65:.1f}" '
            f'text-anchor="end">{_label(label)}</text>'
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
    if x(0) > LABEL_WIDTH:  # a negative value: the zero axis stands inside the chart
        parts.append(f'<line class="chart-axis" x1="{x(0):.1f}" x2="{x(0):.1f}" y1="{TOP}" y2="{height - TOP}"></line>')
    parts.append("</svg>")
    return Markup("".join(parts))


SERIES_CLASSES = 6  # chart-series-0 … chart-series-5 in the stylesheet
LEGEND_HEIGHT = 24


def grouped_bar_chart(groups: list[tuple[str, list[int | float | None]]], series: list[str], title: str,
                      chart_id: str = "chart") -> Markup:
    """Horizontal bars in groups, one bar per series (a year) in each group, with a legend.

    A group without a value for a series has no bar there (not a zero bar).
    """
    bar = ROW_HEIGHT * 0.6
    group_height = bar * len(series) + 10
    top = TOP + LEGEND_HEIGHT
    height = top + TOP + group_height * max(len(groups), 1)
    x = _x_scale([v for _, vs in groups for v in vs if v is not None])
    parts = _svg_open(chart_id, title, height)
    for i, name in enumerate(series):  # legend
        lx = LABEL_WIDTH + i * 80
        parts.append(f'<rect class="chart-series-{i % SERIES_CLASSES}" x="{lx}" y="{TOP + 4}" width="12" height="12"></rect>')
        parts.append(f'<text class="chart-value" x="{lx + 16}" y="{TOP + 15}">{escape(name)}</text>')
    for g, (label, values) in enumerate(groups):
        y0 = top + g * group_height
        parts.append(
            f'<text class="chart-label" x="{LABEL_WIDTH - 8}" y="{y0 + group_height / 2 + 4:.1f}" '
            f'text-anchor="end">{_label(label)}</text>'
        )
        for i, value in enumerate(values):
            if value is None:
                continue
            y = y0 + i * bar
            left, right = sorted((x(0), x(value)))
            parts.append(
                f'<rect class="chart-series-{i % SERIES_CLASSES}" x="{left:.1f}" y="{y + 1:.1f}" '
                f'width="{max(right - left, 1):.1f}" height="{bar - 2:.1f}"><title>{escape(series[i])}：'
                f'{escape(format_number(value))}</title></rect>'
            )
            parts.append(
                f'<text class="chart-value chart-value-small" x="{right + 4:.1f}" y="{y + bar - 3:.1f}">'
                f'{escape(format_number(value))}</text>'
            )
    if x(0) > LABEL_WIDTH:  # a negative value: the zero axis stands inside the chart
        parts.append(f'<line class="chart-axis" x1="{x(0):.1f}" x2="{x(0):.1f}" y1="{top}" y2="{height - TOP}"></line>')
    parts.append("</svg>")
    return Markup("".join(parts))
