"""The icon set and the manifest as data."""

import json

from kpu_office.brand import RED
from kpu_settings import FILE_ALLOWED, Setting, hex_colour, relative_file

SCHEMA = (
    Setting(
        "KPU_MANIFEST",
        "manifest.webmanifest",
        relative_file,
        f'{FILE_ALLOWED}, misalnya "manifest.webmanifest"',
    ),
    # KPU red: the browser's toolbar and the installed app's splash screen.
    Setting(
        "KPU_THEME_COLOUR",
        RED,
        hex_colour,
        f'warna dalam bentuk "#rrggbb", misalnya "{RED}"',
    ),
)
ICONS = {"favicon.ico": (16, 32, 48), "apple-touch-icon.png": 180, "icon-192.png": 192}
ICONS["icon-512.png"] = 512


def manifest(office, siteurl, theme_colour, background):
    """Return the web manifest: installable, Indonesian, in the office's colours."""
    return json.dumps(
        {
            "name": office["name"],
            "short_name": office["name"].replace("Kabupaten", "Kab.").replace("KPU ", "KPU "),
            "description": office.get("tagline", office["name"]),
            "lang": "id",
            "start_url": f"{siteurl}/",
            "scope": f"{siteurl}/",
            "display": "standalone",
            "theme_color": theme_colour,
            "background_color": background,
            "icons": [
                {"src": f"{siteurl}/icon-192.png", "sizes": "192x192", "type": "image/png"},
                {"src": f"{siteurl}/icon-512.png", "sizes": "512x512", "type": "image/png"},
                {
                    "src": f"{siteurl}/icon-512.png",
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
            ],
        },
        ensure_ascii=False,
        indent=2,
    )
