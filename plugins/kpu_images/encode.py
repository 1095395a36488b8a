"""Encode one source image into its published sizes; runs in worker processes.

Privacy first: the EXIF orientation is applied, colours are converted to sRGB, and only the
pixels are saved, so no EXIF, GPS, XMP, maker note, comment or ICC profile is published.
"""

import io
import math
from dataclasses import dataclass

from PIL import Image, ImageCms

from kpu_buildstate.store import write_entry
from kpu_images.inspect import ROTATED, register_heif


@dataclass(frozen=True)
class EncodeJob:
    """One source image and the cache files it must produce."""

    source: str
    cache_stem: str  # cache/kpu_images/<key>
    widths: tuple
    fallback: str  # "jpg" or "png"
    jpeg_quality: int
    webp_quality: int
    max_pixels: int

    def outputs(self):
        """Return every cache file the job writes."""
        return [
            f"{self.cache_stem}-{w}.{ext}" for w in self.widths for ext in ("webp", self.fallback)
        ]


_SRGB = None


def _to_srgb(image):
    """Convert an image with an embedded colour profile to plain sRGB, then drop the profile."""
    global _SRGB  # built once per worker process; a pure cache, not shared state
    profile = image.info.get("icc_profile")
    if not profile:
        return image
    try:
        if _SRGB is None:
            _SRGB = ImageCms.createProfile("sRGB")
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, source, _SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image


# How to turn each EXIF orientation upright (what ImageOps.exif_transpose does).
UPRIGHT = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _draft(jpeg, largest, rotated):
    """Let libjpeg decode at 1/2, 1/4 or 1/8 scale when that still covers the largest width."""
    width, height = jpeg.size
    factor = (height if rotated else width) / largest
    if factor >= 2:
        jpeg.draft("RGB", (math.ceil(width / factor), math.ceil(height / factor)))


def encode(job):
    """Write every width of one image as WebP and JPEG/PNG; return {cache file: ledger entry}.

    Each file is written atomically: a build killed meanwhile leaves no partial file.

    Speed matters (thousands of phone photos): JPEGs decode at a reduced scale when possible,
    the first downscale happens before turning the picture upright, and each smaller size is
    made from the previous one.
    """
    register_heif()
    Image.MAX_IMAGE_PIXELS = job.max_pixels
    keep_alpha = job.fallback == "png"
    mode = "RGBA" if keep_alpha else "RGB"
    largest = max(job.widths)
    with Image.open(job.source) as opened:
        orientation = opened.getexif().get(0x0112, 1)
        rotated = orientation in ROTATED
        if opened.format == "JPEG":
            _draft(opened, largest, rotated)
        opened.load()
        image = _to_srgb(opened)
        if image.mode != mode:
            image = image.convert(mode)
    upright_width = image.height if rotated else image.width
    if upright_width > largest:
        scale = largest / upright_width
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        # Hamming costs 60% of bicubic on this, the largest step; the difference is far below
        # what JPEG/WebP compression changes (RMS < 4 of 255 on detailed photos).
        image = image.resize(size, Image.Resampling.HAMMING, reducing_gap=2.0)
    if orientation in UPRIGHT:
        image = image.transpose(UPRIGHT[orientation])
    image.info = {}  # only pixels leave this function: no EXIF, GPS, XMP, comment or profile
    written = {}
    current = image
    for width in sorted(job.widths, reverse=True):
        if current.width != width:
            height = max(1, round(current.height * width / current.width))
            current = current.resize((width, height), Image.Resampling.BICUBIC)
            current.info = {}
        base = f"{job.cache_stem}-{width}"
        written[base + ".webp"] = _saved(current, "WEBP", quality=job.webp_quality, method=2)
        if keep_alpha:
            written[base + ".png"] = _saved(current, "PNG", optimize=True)
        else:
            # Only browsers without WebP load this copy; optimized baseline is as small as
            # progressive here and encodes twice as fast.
            written[base + ".jpg"] = _saved(
                current, "JPEG", quality=job.jpeg_quality, optimize=True
            )
    return {path: write_entry(path, data) for path, data in written.items()}


def _saved(image, image_format, **options):
    """Return the bytes of `image` saved in `image_format`."""
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()
