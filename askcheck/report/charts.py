"""Small inline SVG charts for the HTML report: no JavaScript, no fonts or files from the network.

Every label passes through markupsafe.escape, so a chart is safe to insert into the page as Markup.
"""
from __future__ import annotations

from markupsafe import Markup, escape

WIDTH = 640
BAR = "#4c72b0"
AXIS = "#888"
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def _num(value: float) -> str:
    return f"{value:,.2f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"


def hbars(items: list[tuple[str, float]], title: str, unit: str = "") -> Markup:
    """Horizontal bars, one per (label, value): e.g. findings per 100 messages for each rule."""
    label_w, row_h, pad = 190, 26, 8
    plot_w = WIDTH - label_w - 90
    top = 28
    height = top + row_h * max(len(items), 1) + pad
    peak = max([v for _, v in items] + [0]) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" '
             f'width="{WIDTH}" height="{height}" {FONT}>',
             f'<title>{escape(title)}</title>',
             f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>']
    if not items:
        parts.append(f'<text x="0" y="{top + 16}" fill="{AXIS}">no data</text>')
    for i, (label, value) in enumerate(items):
        y = top + i * row_h
        w = plot_w * value / peak
        parts.append(f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end">{escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y + 4}" width="{w:.1f}" height="{row_h - 8}" fill="{BAR}">'
                     f'<title>{escape(label)}: {escape(_num(value))}{escape(unit)}</title></rect>')
        parts.append(f'<text x="{label_w + w + 6:.1f}" y="{y + 16}">{escape(_num(value))}{escape(unit)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def columns(items: list[tuple[str, float]], title: str, x_label: str = "") -> Markup:
    """Vertical bars, one per (label, count): a histogram."""
    left, bottom, top = 48, 44, 40
    height = 252
    plot_h = height - top - bottom
    n = max(len(items), 1)
    slot = (WIDTH - left - 10) / n
    peak = max([v for _, v in items] + [0]) or 1
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {WIDTH} {height}" '
             f'width="{WIDTH}" height="{height}" {FONT}>',
             f'<title>{escape(title)}</title>',
             f'<text x="0" y="16" font-weight="bold">{escape(title)}</text>',
             f'<line x1="{left}" y1="{top + plot_h}" x2="{WIDTH - 10}" y2="{top + plot_h}" stroke="{AXIS}"/>',
             f'<text x="{left - 6}" y="{top + 10}" text-anchor="end" fill="{AXIS}">{escape(_num(peak))}</text>',
             f'<text x="{left - 6}" y="{top + plot_h}" text-anchor="end" fill="{AXIS}">0</text>']
    for i, (label, value) in enumerate(items):
        h = plot_h * value / peak
        x = left + i * slot
        parts.append(f'<rect x="{x + 3:.1f}" y="{top + plot_h - h:.1f}" width="{max(slot - 6, 1):.1f}" '
                     f'height="{h:.1f}" fill="{BAR}"><title>{escape(label)}: {escape(_num(value))}</title></rect>')
        parts.append(f'<text x="{x + slot / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" '
                     f'font-size="11">{escape(label)}</text>')
        if value:
            parts.append(f'<text x="{x + slot / 2:.1f}" y="{top + plot_h - h - 4:.1f}" text-anchor="middle" '
                         f'font-size="11">{escape(_num(value))}</text>')
    if x_label:
        parts.append(f'<text x="{left + (WIDTH - left) / 2:.0f}" y="{height - 6}" text-anchor="middle" '
                     f'fill="{AXIS}">{escape(x_label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
