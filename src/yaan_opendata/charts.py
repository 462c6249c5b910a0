"""Bar charts as inline SVG, drawn on the server.

The site must work without the network and without JavaScript libraries from a
CDN, so a chart is plain SVG markup: it renders in any browser, prints, and is
deterministic (same rows, same bytes), which keeps it testable.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

# Each bar sits under its label, so the chart is narrow enough to keep its text legible
# when a phone scales it down (a 390 px screen shows the 480-unit chart at ~0.75).
WIDTH = 480
VALUE_WIDTH = 170
ROW_HEIGHT = 50
BAR_HEIGHT = 17
FONT_SIZE = 17
PALETTE = ("#1f6f8b", "#e07a1f", "#3a9a5b", "#b0413e", "#6c5b9e", "#8c6d31", "#4d7ea8", "#c2549d")


@dataclass(frozen=True)
class Bar:
    label: str
    amount_yuan: int
    href: str | None = None  # where the figure came from (its paragraph)


def amount_text(amount_yuan: int, unit: str = "万元") -> str:
    """An amount in the unit the document prints it in: 万元 with two decimals, or whole 元."""
    if unit == "元":
        return f"{amount_yuan:,} 元"
    return f"{amount_yuan / 10000:,.2f} 万元"


def bar_chart_svg(title: str, bars: list[Bar], unit: str = "万元") -> Markup:
    """Horizontal bars, one per row, labelled with the amount and the share of the bars' sum."""
    total = sum(b.amount_yuan for b in bars)
    largest = max((b.amount_yuan for b in bars), default=0) or 1
    plot_width = WIDTH - VALUE_WIDTH
    height = ROW_HEIGHT * len(bars) + 6
    parts = [
        (f'<svg xmlns="http://www.w3.org/2000/svg" class="yaan-chart" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'aria-label="{escape(title)}" font-size="{FONT_SIZE}">'),
        f"<title>{escape(title)}</title>",
    ]
    for i, bar in enumerate(bars):
        y = 4 + i * ROW_HEIGHT
        length = round(plot_width * bar.amount_yuan / largest, 1)
        share = f" ({bar.amount_yuan / total:.1%})" if total else ""
        label = f'<text x="0" y="{y + FONT_SIZE}">{escape(bar.label)}</text>'
        if bar.href:
            label = f'<a href="{escape(bar.href)}">{label}</a>'
        bar_y = y + FONT_SIZE + 6
        parts += [
            label,
            (f'<rect class="bar" x="0" y="{bar_y}" width="{length}" height="{BAR_HEIGHT}" '
            f'fill="{PALETTE[i % len(PALETTE)]}"><title>{escape(bar.label)}: {amount_text(bar.amount_yuan, unit)}</title></rect>'),
            f'<text x="{length + 6}" y="{bar_y + BAR_HEIGHT - 3}">{amount_text(bar.amount_yuan, unit)}{share}</text>',
        ]
    parts.append("</svg>")
    return Markup("\n".join(parts))
