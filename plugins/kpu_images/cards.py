"""Share cards: a 1200x630 (Open Graph) and a 1080x1080 (Instagram) image per article.

Drawn with Pillow in Source Sans Pro (SIL Open Font License, from the font-source-sans-pro
package), so no font is fetched at build time and every office gets the same look.
"""

import hashlib
import io
import json
import os
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from kpu_buildstate.store import write_entry
from kpu_office.brand import INK, MUTED, RED, WHITE, draw_emblem

CARD_VERSION = 2
SIZES = {"og": (1200, 630), "square": (1080, 1080)}
ELLIPSIS = "…"


def font_path(weight="Bold"):
    """Return the path of a Source Sans Pro TTF shipped by the font package."""
    import font_source_sans_pro

    return os.path.join(font_source_sans_pro.font_directory, f"SourceSansPro-{weight}.ttf")


@dataclass(frozen=True)
class CardJob:
    """The text of one card and where its two sizes go in the cache."""

    title: str
    office: str
    date_text: str
    division: str
    colour: str
    cache_stem: str

    def outputs(self):
        """Return the cache files of the card (one per size)."""
        return [f"{self.cache_stem}-{name}.jpg" for name in SIZES]


def card_key(title, office, date_text, division, colour):
    """Hash everything drawn on a card, so a changed title makes a new card."""
    payload = json.dumps([title, office, date_text, division, colour, CARD_VERSION])
    return hashlib.sha256(payload.encode()).hexdigest()[:12]


def wrap(text, font, max_width, max_lines):
    """Wrap at spaces only; shorten with an ellipsis after max_lines. Return (lines, cut)."""
    words = text.split()
    lines, current = [], ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= max_width or not current:
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
    while last and font.getlength(" ".join(last) + ELLIPSIS) > max_width:
        last.pop()
    kept[-1] = " ".join(last).rstrip(",.;:–-") + ELLIPSIS
    return kept, True


def fit_title(title, size_name):
    """Pick the largest font size at which the title fits, else shorten it; (font, lines)."""
    width, _height = SIZES[size_name]
    max_width = width - 2 * 72
    max_lines = 4 if size_name == "og" else 6
    steps = (64, 58, 52, 46, 42) if size_name == "og" else (84, 76, 68, 60, 52, 46)
    for points in steps:
        font = ImageFont.truetype(font_path("Bold"), points)
        lines, cut = wrap(title, font, max_width, max_lines)
        widest = max((font.getlength(w) for w in title.split()), default=0)
        if not cut and widest <= max_width:
            return font, lines
    return font, lines


def draw_card(job, size_name):
    """Draw one card size and return the image."""
    width, height = SIZES[size_name]
    image = Image.new("RGB", (width, height), WHITE)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 18], fill=RED)
    draw.rectangle([0, height - 14, width, height], fill=job.colour)
    small = ImageFont.truetype(font_path("Semibold"), 30)
    regular = ImageFont.truetype(font_path("Regular"), 28)
    draw_emblem(draw, 72, 56)
    draw.text((72 + 64, 62), job.office.upper(), font=small, fill=RED)
    title_font, lines = fit_title(job.title, size_name)
    line_height = int(title_font.size * 1.18)
    y = 150 if size_name == "og" else 220
    for line in lines:
        draw.text((72, y), line, font=title_font, fill=INK)
        y += line_height
    footer_y = height - 96
    draw.rectangle([72, footer_y, 80, footer_y + 46], fill=job.colour)
    draw.text((96, footer_y - 2), job.division, font=small, fill=job.colour)
    draw.text((96, footer_y + 30), job.date_text, font=regular, fill=MUTED)
    return image


def draw_emblem_png(path, size):
    """Save the emblem as a square PNG (a raster logo for JSON-LD); return its ledger entry."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw_emblem(ImageDraw.Draw(image), 0, 0, size)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return write_entry(path, buffer.getvalue())


def render(job):
    """Write both card sizes of one job to the cache atomically; return {file: ledger entry}."""
    written = {}
    for size_name in SIZES:
        path = f"{job.cache_stem}-{size_name}.jpg"
        buffer = io.BytesIO()
        draw_card(job, size_name).save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
        written[path] = write_entry(path, buffer.getvalue())
    return written
