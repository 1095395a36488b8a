"""Draw the report's stacked bar chart as inline SVG at build time (no script in the browser)."""

from xml.sax.saxutils import escape

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 16, 28


STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)


def axis_ticks(largest, most=5):
    """Return (top, step) for the y-axis: the smallest round step that needs at most `most`
    intervals, and the first multiple of it at or above `largest` (a maximum of 1 gives 0–1)."""
    largest = max(1, int(largest))
    step = next((s for s in STEPS if -(-largest // s) <= most), -(-largest // most))
    return -(-largest // step) * step, step


def stacked_bars(report, month_labels, title, description):
    """Return an SVG with one bar per month, stacked by content type. The legend is HTML beside
    it (report.html), so it wraps on a phone instead of being cut at the SVG's edge."""
    count = len(report.months)
    top_value, step = axis_ticks(max(report.totals, default=0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / count
    bar_w = slot * 0.6
    parts = [
        f'<svg class="kpu-chart" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'role="img" aria-labelledby="grafik-judul grafik-uraian" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="grafik-judul">{escape(title)}</title>',
        f'<desc id="grafik-uraian">{escape(description)}</desc>',
    ]
    for tick in range(0, top_value + 1, step):
        y = TOP + plot_h - plot_h * tick / top_value
        parts.append(
            f'<line class="kpu-chart__grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" '
            f'y2="{y:.1f}"/><text class="kpu-chart__axis" x="{LEFT - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end">{tick}</text>'
        )
    for i in range(count):
        x = LEFT + slot * i + (slot - bar_w) / 2
        base = TOP + plot_h
        for series in report.by_type:
            value = series.counts[i]
            if not value:
                continue
            height = plot_h * value / top_value
            base -= height
            parts.append(
                f'<rect class="kpu-chart__bar kpu-chart__bar--{series.slug}" x="{x:.1f}" '
                f'y="{base:.1f}" width="{bar_w:.1f}" height="{height:.1f}"/>'
            )
        label_x = LEFT + slot * i + slot / 2
        parts.append(
            f'<text class="kpu-chart__axis" x="{label_x:.1f}" y="{TOP + plot_h + 16}" '
            f'text-anchor="middle">{escape(month_labels[i])}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)
