"""Encode a sample of the corpus photos one after another on one core; print ms per photo.

This is the first-time encoding a new photo costs (the build spreads photos over all cores).
Photos the camera marked as rotated are reported apart: upright they are portrait, so their
published sizes hold 2.25 times the pixels of a landscape photo's.
"""

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))


def main(images, sample):
    """Encode up to `sample` photos with the kit's default settings; print the medians as JSON."""
    from PIL import Image

    from kpu_images.encode import EncodeJob, encode
    from kpu_images.inspect import ROTATED
    from kpu_images.settings import DEFAULTS

    photos = sorted(Path(images).glob("*.jpg"))[:sample]
    timings = {"landscape": [], "rotated": []}
    with tempfile.TemporaryDirectory() as folder:
        for index, photo in enumerate(photos):
            with Image.open(photo) as image:
                rotated = image.getexif().get(0x0112, 1) in ROTATED
            job = EncodeJob(
                source=str(photo),
                cache_stem=f"{folder}/{index}",
                widths=DEFAULTS["KPU_IMAGE_WIDTHS"],
                fallback="jpg",
                jpeg_quality=DEFAULTS["KPU_IMAGE_JPEG_QUALITY"],
                webp_quality=DEFAULTS["KPU_IMAGE_WEBP_QUALITY"],
                max_pixels=DEFAULTS["KPU_IMAGE_MAX_PIXELS"],
            )
            started = time.perf_counter()
            encode(job)
            timings["rotated" if rotated else "landscape"].append(time.perf_counter() - started)
    every = timings["landscape"] + timings["rotated"]
    print(
        json.dumps(
            {
                "photos": len(every),
                "ms_median": 1000 * statistics.median(every) if every else 0,
                **{
                    f"ms_{kind}": 1000 * statistics.median(values) if values else 0
                    for kind, values in timings.items()
                },
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
