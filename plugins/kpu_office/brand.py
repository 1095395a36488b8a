"""The office's colours and emblem, for every image the kit draws (cards, icons, PNG logo).

The colours are those of theme/static/css/tokens.css, so an image looks like the pages it
belongs to; tests/unit/test_office.py fails when the two part.
"""

RED = "#a50f1a"  # --kpu-red-dark: the header band, the emblem, the browser's theme colour
RED_DARKER = "#7a0b13"  # --kpu-red-darker: the ballot box's slot
INK = "#1f2328"  # --kpu-ink
MUTED = "#595959"  # --kpu-ink-muted
WHITE = "#ffffff"  # --kpu-white
# A unit's colour on its share cards, by its place in the office's units: the content-type
# colours (--kpu-type-*), then the footer's rule grey.
DIVISION_COLOURS = (RED, "#1d4f91", "#1f5e3a", "#8a5a00", "#5b2a86", "#3a3f45")


def draw_emblem(draw, x, y, size=48):
    """Draw the ballot-box emblem with its top-left corner at (x, y) on a Pillow ImageDraw."""
    # The theme's SVG logo (theme/static/img/lambang.svg), redrawn for raster images.
    unit = size / 48

    def box(a, b, c, d):
        return [x + a * unit, y + b * unit, x + c * unit, y + d * unit]

    draw.rounded_rectangle(box(0, 0, 48, 48), radius=9 * unit, fill=RED)
    draw.rectangle(box(10, 22, 38, 40), fill=WHITE)
    draw.rectangle(box(17, 19, 31, 23), fill=RED_DARKER)
    roof = [(16, 8), (24, 5), (32, 8), (32, 17), (16, 17)]
    draw.polygon([(x + a * unit, y + b * unit) for a, b in roof], fill=WHITE)
