"""Open a source image safely and say, in Bahasa Indonesia, what is wrong with it."""

import os
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

from kpu_images.settings import RASTER_EXTENSIONS

# EXIF orientations that swap width and height once applied.
ROTATED = {5, 6, 7, 8}


class ImageProblem(ValueError):
    """A source image cannot be published; the message names what to fix."""


@dataclass(frozen=True)
class ImageInfo:
    """What the HTML needs before any encoding: the upright size and transparency."""

    width: int
    height: int
    format: str
    has_alpha: bool


def register_heif():
    """Let Pillow read HEIC/HEIF phone photos when pillow-heif is installed."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        return False
    register_heif_opener()
    return True


def inspect_image(path, max_pixels):
    """Check a source image fully (format, size limit, every byte decodes) and describe it."""
    name = os.path.basename(path)
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    if extension not in RASTER_EXTENSIONS:
        allowed = ", ".join(sorted(RASTER_EXTENSIONS))
        raise ImageProblem(
            f'gambar "{name}" berformat .{extension}; gunakan salah satu: {allowed}.'
        )
    if not os.path.isfile(path):
        raise ImageProblem(f'gambar "{name}" tidak ditemukan. Periksa nama dan letak berkasnya.')
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                actual = image.format
                _check_format(name, extension, actual)
                orientation = image.getexif().get(0x0112, 1)
                width, height = image.size
                has_alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
                if actual == "JPEG":
                    image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()  # a truncated file fails here, not later
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem(
            f'gambar "{name}" terlalu besar (lebih dari {max_pixels:,} piksel). '
            "Perkecil fotonya sebelum diunggah."
        ) from None
    except UnidentifiedImageError:
        if RASTER_EXTENSIONS[extension] == "HEIF":
            raise ImageProblem(
                f'gambar "{name}" berformat HEIC/HEIF, tetapi pembacanya (pillow-heif) belum '
                "terpasang. Jalankan pip install -r requirements.txt, atau simpan ulang foto "
                "sebagai JPG."
            ) from None
        raise ImageProblem(
            f'gambar "{name}" tidak dapat dibaca sebagai gambar; berkasnya rusak atau bukan '
            "foto. Ekspor ulang sebagai JPG atau PNG."
        ) from None
    except OSError as error:
        raise ImageProblem(
            f'gambar "{name}" rusak atau terpotong ({error}). Unggah ulang berkas aslinya.'
        ) from None
    if orientation in ROTATED:
        width, height = height, width
    return ImageInfo(width, height, actual, has_alpha)


def _check_format(name, extension, actual):
    expected = RASTER_EXTENSIONS[extension]
    if actual == "MPO" and expected == "JPEG":
        return  # multi-picture JPEGs from phones are JPEGs
    if actual != expected:
        raise ImageProblem(
            f'gambar "{name}" berakhiran .{extension} tetapi isinya {actual}. '
            f"Ganti akhiran namanya menjadi .{_extension_for(actual)} atau ekspor ulang."
        )


def _extension_for(image_format):
    for extension, value in RASTER_EXTENSIONS.items():
        if value == image_format:
            return extension
    return (image_format or "").lower()


def upright(image):
    """Apply the EXIF orientation so phone photos stand the right way up."""
    return ImageOps.exif_transpose(image)
