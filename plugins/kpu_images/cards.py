"""Share cards: a 1200x630 (Open Graph) and a 1080x1080 (Instagram) image per article.

Drawn with Pillow in Source Sans Pro (SIL Open Font License, from the font-source-sans-pro
package), so no font is fetched at build time and every office gets the same look. Where
each text goes is worked out in kpu_images.layout; this module only paints it.
"""

import hashlib
import io
import json
from dataclasses import dataclass

from PIL import Image, ImageDraw

from kpu_buildstate.store import write_entry
from kpu_images.layout import SIZES, font, font_path, layout_card
from kpu_office.brand import DIVISION_COLOURS, INK, MUTED, RED, WHITE, draw_emblem

__all__ = ["SIZES", "CardJob", "card_alt", "card_key", "draw_card", "font_path", "render"]

CARD_VERSION = 4  # 4: optimized baseline JPEG (progressive cost 2.2x the encoding time)
# The stamp of a hoax clarification, by the kit's verdicts (kpu_content.types.VERDICTS).
# "Menyesatkan" keeps its own word: "disinformasi" would claim an intent the verdict does
# not record, and the card must say what the page's clarification box says.
STAMPS = {
    "hoaks": ("HOAKS", RED),
    "menyesatkan": ("MENYESATKAN", DIVISION_COLOURS[3]),
    "sebagian-benar": ("SEBAGIAN BENAR", DIVISION_COLOURS[3]),
    "benar": ("FAKTA", DIVISION_COLOURS[2]),
}
SCRIM = 0.62  # how far a photo is darkened under white text (about 5:1 on a white photo)
LIGHT = "#e8e8e8"  # the date on a photo


@dataclass(frozen=True)
class CardJob:
    """The text of one card, its photo and verdict, and where its two sizes go in the cache."""

    title: str
    office: str
    date_text: str
    division: str
    colour: str
    cache_stem: str
    photo: str = ""  # a derived, upright, metadata-free copy of the item's photo
    verdict: str = ""  # a key of STAMPS, for hoax clarifications

    def outputs(self):
        """Return the cache files of the card (one per size)."""
        return [f"{self.cache_stem}-{name}.jpg" for name in SIZES]


def card_key(title, office, date_text, division, colour, photo_key="", verdict=""):
    """Hash everything drawn on a card, so a changed title, photo or verdict makes a new card."""
    payload = json.dumps(
        [title, office, date_text, division, colour, photo_key, verdict, CARD_VERSION]
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:12]


def card_alt(title, office, date_text, verdict="", photo_alt=""):
    """Describe a card for og:image:alt: what it says, and its photo if it has one."""
    stamp = f"Cap {STAMPS[verdict][0]}: " if verdict in STAMPS else ""
    photo = f" Foto: {photo_alt}" if photo_alt else ""
    return f"{stamp}{title} — {office}, {date_text}.{photo}"


def open_photo(job):
    """Decode the job's photo once for both sizes (None without one)."""
    if not job.photo:
        return None
    with Image.open(job.photo) as photo:
        photo.draft("RGB", SIZES["og"])  # a JPEG decodes at a fraction of its size if it can
        return photo.convert("RGB")


def _background(photo, size):
    """Return the card's canvas: white, or the photo cropped to fill it and darkened."""
    if photo is None:
        return Image.new("RGB", size, WHITE)
    # Crop to the card's shape (a little above the middle, where faces usually are) and
    # scale in one step; bilinear is enough under the scrim and cheaper than bicubic.
    width, height = size
    scale = max(width / photo.width, height / photo.height)
    crop_w, crop_h = width / scale, height / scale
    left = (photo.width - crop_w) / 2
    top = (photo.height - crop_h) * 0.4
    box = (left, top, left + crop_w, top + crop_h)
    filled = photo.resize(size, Image.Resampling.BILINEAR, box=box, reducing_gap=2.0)
    return Image.blend(filled, Image.new("RGB", size, (0, 0, 0)), SCRIM)


def draw_card(job, size_name, photo=None):
    """Draw one card size and return the image; `photo` is open_photo(job), if already read."""
    width, height = SIZES[size_name]
    stamp, stamp_colour = STAMPS.get(job.verdict, ("", RED))
    layout = layout_card(size_name, job.office, job.title, job.division, job.date_text, stamp)
    if photo is None:
        photo = open_photo(job)
    image = _background(photo, (width, height))
    on_photo = photo is not None
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, width, 18], fill=RED)
    draw.rectangle([0, height - 14, width, height], fill=job.colour)
    draw_emblem(draw, 72, 56)
    draw.rectangle(layout.bar, fill=job.colour)
    if layout.stamp_box:
        draw.rectangle(layout.stamp_box, fill=stamp_colour, outline=WHITE, width=3)
    colours = {
        "office": WHITE if on_photo else RED,
        "stamp": WHITE,
        "title": WHITE if on_photo else INK,
        "division": WHITE if on_photo else job.colour,
        "date": LIGHT if on_photo else MUTED,
    }
    for line in layout.lines:
        face = font(line.weight, line.points)
        draw.text((line.x, line.y), line.text, font=face, fill=colours[line.role])
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
    photo = open_photo(job)
    for size_name in SIZES:
        path = f"{job.cache_stem}-{size_name}.jpg"
        buffer = io.BytesIO()
        card = draw_card(job, size_name, photo)
        # Optimized baseline, not progressive: a card is 10% larger (about 6 KB) but encodes
        # in less than half the time (bench/card_costs.py), and apps fetch it whole anyway.
        card.save(buffer, "JPEG", quality=85, optimize=True)
        written[path] = write_entry(path, buffer.getvalue())
    return written
