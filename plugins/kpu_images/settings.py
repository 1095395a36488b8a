"""Settings of kpu_images: defaults set once; the key of derived files follows them."""

import hashlib
import json

# Bump when encoding changes in a way that must invalidate every cached image.
ENCODER_VERSION = 4

DEFAULTS = {
    "KPU_IMAGE_WIDTHS": (480, 960, 1600),
    "KPU_IMAGE_DEFAULT_WIDTH": 960,
    "KPU_IMAGE_JPEG_QUALITY": 80,
    "KPU_IMAGE_WEBP_QUALITY": 75,
    "KPU_IMAGE_SIZES": "(min-width: 48rem) 42rem, 100vw",
    "KPU_IMAGE_MAX_PIXELS": 89_478_485,  # Pillow's own decompression-bomb threshold
    "KPU_IMAGE_OUTPUT_DIR": "images",
    "KPU_IMAGE_CACHE_DIR": "kpu_images",  # inside CACHE_PATH, outside the output
    "KPU_SOCIAL_DIR": "sosial",
}

# Raster formats we publish only as derived, metadata-free copies.
RASTER_EXTENSIONS = {
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WEBP",
    "heic": "HEIF",
    "heif": "HEIF",
}


def with_defaults(settings):
    """Return the image settings, each from `settings` or its default."""
    return {key: settings.get(key, value) for key, value in DEFAULTS.items()}


def settings_key(settings):
    """Return a short hash of everything that changes a derived image's bytes."""
    relevant = {
        "widths": list(settings["KPU_IMAGE_WIDTHS"]),
        "jpeg": settings["KPU_IMAGE_JPEG_QUALITY"],
        "webp": settings["KPU_IMAGE_WEBP_QUALITY"],
        "version": ENCODER_VERSION,
    }
    return hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()[:8]
