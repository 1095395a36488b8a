"""Settings of kpu_images: one schema (defaults, checks); the key of derived files follows it."""

import hashlib
import json

from kpu_settings import (
    FOLDER_ALLOWED,
    Setting,
    ascending_positive_ints,
    defaults,
    int_between,
    positive_int,
    relative_folder,
    text,
)

# Bump when encoding changes in a way that must invalidate every cached image.
ENCODER_VERSION = 4

SCHEMA = (
    Setting(
        "KPU_IMAGE_WIDTHS",
        (480, 960, 1600),
        ascending_positive_ints,
        "daftar lebar gambar dalam piksel, bilangan bulat positif dari kecil ke besar tanpa"
        " kembar, misalnya (480, 960, 1600)",
    ),
    Setting(
        "KPU_IMAGE_DEFAULT_WIDTH",
        960,
        positive_int,
        "lebar gambar bawaan dalam piksel, bilangan bulat positif, misalnya 960",
    ),
    Setting(
        "KPU_IMAGE_JPEG_QUALITY",
        80,
        int_between(1, 100),
        "mutu JPEG, bilangan bulat dari 1 sampai 100, misalnya 80",
    ),
    Setting(
        "KPU_IMAGE_WEBP_QUALITY",
        75,
        int_between(1, 100),
        "mutu WebP, bilangan bulat dari 1 sampai 100, misalnya 75",
    ),
    Setting(
        "KPU_IMAGE_SIZES",
        "(min-width: 48rem) 42rem, 100vw",
        text,
        'teks atribut sizes yang tidak kosong, misalnya "(min-width: 48rem) 42rem, 100vw"',
    ),
    Setting(
        "KPU_IMAGE_MAX_PIXELS",
        89_478_485,  # Pillow's own decompression-bomb threshold
        positive_int,
        "jumlah piksel terbesar sebuah gambar sumber, bilangan bulat positif, misalnya 89478485",
    ),
    Setting(
        "KPU_IMAGE_OUTPUT_DIR", "images", relative_folder, f'{FOLDER_ALLOWED}, misalnya "images"'
    ),
    # Inside CACHE_PATH, outside the output.
    Setting(
        "KPU_IMAGE_CACHE_DIR",
        "kpu_images",
        relative_folder,
        f'{FOLDER_ALLOWED}, misalnya "kpu_images"',
    ),
    Setting("KPU_SOCIAL_DIR", "sosial", relative_folder, f'{FOLDER_ALLOWED}, misalnya "sosial"'),
    # News items dated (or modified) this many months before the build get their own share
    # card; older ones share the office's card unless they ask (Kartu_Berbagi: ya).
    Setting(
        "KPU_SHARE_CARD_MONTHS",
        12,
        int_between(0, 1200),
        "jumlah bulan terakhir yang tulisannya mendapat kartu berbagi sendiri, bilangan bulat"
        " dari 0 (hanya tulisan dengan Kartu_Berbagi: ya) sampai 1200, misalnya 12",
    ),
)
DEFAULTS = defaults(SCHEMA)

# Raster formats we publish only as derived, metadata-free copies.
RASTER_EXTENSIONS = {
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WEBP",
    "heic": "HEIF",
    "heif": "HEIF",
}


def settings_key(settings):
    """Return a short hash of everything that changes a derived image's bytes."""
    relevant = {
        "widths": list(settings["KPU_IMAGE_WIDTHS"]),
        "jpeg": settings["KPU_IMAGE_JPEG_QUALITY"],
        "webp": settings["KPU_IMAGE_WEBP_QUALITY"],
        "version": ENCODER_VERSION,
    }
    return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()[:8]
