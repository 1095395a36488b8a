"""Where each text of a share card goes: pure functions, so the fit is tested by measure.

Every text is fitted the same way: wrapped at spaces first, then set smaller step by step
down to a minimum size, and shortened with "…" only when even that fails. Each line's box
is measured with the font itself, so a test can prove that no text leaves the safe area.
"""

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from PIL import ImageFont

SIZES = {"og": (1200, 630), "square": (1080, 1080)}
MARGIN = 72  # left and right; nothing is drawn closer to the edge
SAFE_TOP, SAFE_BOTTOM = 36, 28  # clear of the top band (18 px) and the bottom band (14 px)
ELLIPSIS = "…"

# Font sizes, largest first; the last is the smallest a text may take.
TITLE_STEPS = {
    "og": (64, 58, 52, 46, 42, 38, 34),
    "square": (84, 76, 68, 60, 52, 46, 40),
}
TITLE_MAX_LINES = {"og": 5, "square": 7}
TITLE_TOP = {"og": 150, "square": 220}
LABEL_STEPS = (30, 28, 26, 24, 22)  # office and division names
DATE_STEPS = (28, 26, 24, 22)
STAMP_POINTS = 52


def font_path(weight="Bold"):
    """Return the path of a Source Sans Pro TTF shipped by the font package."""
    import font_source_sans_pro

    return os.path.join(font_source_sans_pro.font_directory, f"SourceSansPro-{weight}.ttf")


@lru_cache(maxsize=64)
def font(weight, points):
    """Return a loaded font (loading one costs more than drawing a line with it)."""
    return ImageFont.truetype(font_path(weight), points)


@dataclass(frozen=True)
class Line:
    """One line of text on a card: where it is drawn and the box its ink covers."""

    role: str  # "office", "stamp", "title", "division" or "date"
    text: str
    weight: str
    points: int
    x: int
    y: int
    box: tuple  # (left, top, right, bottom) in card pixels


@dataclass(frozen=True)
class Layout:
    """Every text line of one card size, the verdict badge and the division's colour bar."""

    size: tuple
    safe: tuple  # (left, top, right, bottom): no line's box leaves it
    lines: tuple
    stamp_box: tuple  # () without a verdict
    bar: tuple  # the division's colour bar beside its name and the date


def width_of(text, points, weight):
    """Return the width the text's ink takes (never less than its advance)."""
    face = font(weight, points)
    return max(face.getlength(text), face.getbbox(text)[2]) if text else 0


def wrap(text, points, weight, max_width, max_lines):
    """Wrap at spaces only; shorten with an ellipsis after max_lines. Return (lines, cut)."""
    face = font(weight, points)
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        # The advance is cheap to measure; fit_text checks each kept line's ink afterwards.
        if face.getlength(candidate) <= max_width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) <= max_lines:
        return lines, False
    kept = lines[:max_lines]
    last = kept[-1].split()
    while last and width_of(" ".join(last) + ELLIPSIS, points, weight) > max_width:
        last.pop()
    kept[-1] = " ".join(last).rstrip(",.;:–-") + ELLIPSIS
    return kept, True


def shorten(line, points, weight, max_width):
    """Cut one line that is a single too-long word, keeping what fits and an ellipsis."""
    if width_of(line, points, weight) <= max_width:
        return line
    while line and width_of(line + ELLIPSIS, points, weight) > max_width:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS


def fit_text(text, weight, steps, max_width, max_lines):
    """Wrap, else step the size down, else shorten with "…"; return (points, lines).

    `max_lines` is a number or a function of the font size (a smaller size fits more lines
    in the same height).
    """
    lines_for = max_lines if callable(max_lines) else (lambda _points: max_lines)
    for points in steps:
        lines, cut = wrap(text, points, weight, max_width, max(1, lines_for(points)))
        if not cut and all(width_of(line, points, weight) <= max_width for line in lines):
            return points, lines
    points = steps[-1]
    lines, _cut = wrap(text, points, weight, max_width, max(1, lines_for(points)))
    return points, [shorten(line, points, weight, max_width) for line in lines]


def _line(role, text, weight, points, x, y):
    """Place a line with its ink's left edge at x (a glyph may overhang its origin)."""
    left, top, right, bottom = font(weight, points).getbbox(text) if text else (0, 0, 0, 0)
    x -= min(0, left)
    return Line(role, text, weight, points, x, y, (x + left, y + top, x + right, y + bottom))


def drawn_title(title, stamped):
    """Drop a leading "[HOAKS]"-style tag from a title when the card carries the stamp."""
    return re.sub(r"^\s*\[[^\]]{1,30}\]\s*", "", title) if stamped else title


def layout_card(size_name, office, title, division, date_text, stamp=""):
    """Lay out one card size; return its Layout (no pixel is drawn here)."""
    width, height = SIZES[size_name]
    right = width - MARGIN
    lines = []
    # Header: the emblem (48 px at MARGIN, 56), the office name beside it.
    office_x = MARGIN + 64
    points, office_lines = fit_text(office.upper(), "Semibold", LABEL_STEPS, right - office_x, 2)
    step = int(points * 1.15)
    y = 62 if len(office_lines) == 1 else 80 - step
    for text in office_lines:
        lines.append(_line("office", text, "Semibold", points, office_x, y))
        y += step
    top = max(TITLE_TOP[size_name], y + 40)
    # Footer, from the bottom up: the date, above it the division (up to two lines).
    text_x = MARGIN + 24
    date_points, date_lines = fit_text(date_text, "Regular", DATE_STEPS, right - text_x, 1)
    date_y = height - 66
    date_line = date_lines[0] if date_lines else ""
    footer = [_line("date", date_line, "Regular", date_points, text_x, date_y)]
    points, division_lines = fit_text(division, "Semibold", LABEL_STEPS, right - text_x, 2)
    step = int(points * 1.2)
    y = height - 98 - step * (len(division_lines) - 1)
    footer_top = y
    for text in division_lines:
        footer.append(_line("division", text, "Semibold", points, text_x, y))
        y += step
    bar = (MARGIN, footer_top + 4, MARGIN + 8, date_y + 46 - 2)
    # The verdict badge of a hoax clarification, above the title.
    stamp_box = ()
    if stamp:
        stamp_line = _line("stamp", stamp, "Bold", STAMP_POINTS, MARGIN + 20, top + 8)
        left, stamp_top, stamp_right, stamp_bottom = stamp_line.box
        stamp_box = (MARGIN, stamp_top - 16, stamp_right + 20, stamp_bottom + 16)
        lines.append(stamp_line)
        top = stamp_box[3] + 28
    # The title fills what is left between header (or badge) and footer.
    room = footer_top - 36 - top
    steps = TITLE_STEPS[size_name]
    text = drawn_title(title, bool(stamp))

    def title_lines(points):
        return min(TITLE_MAX_LINES[size_name], room // int(points * 1.18))

    points, title_text = fit_text(text, "Bold", steps, right - MARGIN, title_lines)
    y = top
    for text in title_text:
        lines.append(_line("title", text, "Bold", points, MARGIN, y))
        y += int(points * 1.18)
    safe = (MARGIN, SAFE_TOP, right, height - SAFE_BOTTOM)
    return Layout((width, height), safe, tuple(lines + footer), stamp_box, bar)
