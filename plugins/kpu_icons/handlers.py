"""Signal handlers of kpu_icons."""

import os

from PIL import Image, ImageDraw

from kpu_icons.model import ICONS, SCHEMA, manifest
from kpu_office.brand import WHITE, draw_emblem
from kpu_settings import apply_schema

BACKGROUND = WHITE


def apply_settings(pelican):
    """Check the settings that tell templates where the manifest is and the theme colour."""
    apply_schema(pelican.settings, SCHEMA, "kpu_icons")


def _emblem_image(size, logo_path=None):
    """Draw the emblem (or scale the office's raster logo) on a square canvas."""
    if logo_path and os.path.isfile(logo_path):
        with Image.open(logo_path) as logo:
            image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
            fitted = logo.convert("RGBA")
            fitted.thumbnail((size, size))
            image.paste(fitted, ((size - fitted.width) // 2, (size - fitted.height) // 2))
            return image
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw_emblem(ImageDraw.Draw(image), 0, 0, size)
    return image


def write_icons(pelican):
    """Write favicon.ico, the PNG icons and manifest.webmanifest into the output."""
    settings, output = pelican.settings, pelican.output_path
    logo = settings["KPU_OFFICE"].get("logo") or ""
    logo_path = (
        os.path.join(settings["PATH"], logo) if logo.lower().endswith((".png", ".jpg")) else None
    )
    for name, size in ICONS.items():
        target = os.path.join(output, name)
        if isinstance(size, tuple):
            _emblem_image(max(size), logo_path).save(target, sizes=[(s, s) for s in size])
        else:
            icon = _emblem_image(size, logo_path)
            if name == "apple-touch-icon.png":  # iOS shows transparency as black
                solid = Image.new("RGB", icon.size, BACKGROUND)
                solid.paste(icon, mask=icon)
                icon = solid
            icon.save(target, "PNG", optimize=True)
    colour = settings["KPU_THEME_COLOUR"]  # the same colour as the pages' theme-color
    text = manifest(settings["KPU_OFFICE"], settings.get("SITEURL", ""), colour, BACKGROUND)
    with open(os.path.join(output, settings["KPU_MANIFEST"]), "w", encoding="utf-8") as handle:
        handle.write(text + "\n")
