"""Time one share card step by step (layout, photo, drawing, encoding) and print JSON.

`python bench/card_costs.py [runs]`: for a plain card and a photo card, both sizes, the median
milliseconds of laying the text out, reading the photo variant, drawing, and encoding as
progressive JPEG, optimized baseline JPEG and plain baseline JPEG, with the bytes of each.
"""

import io
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

ENCODINGS = {
    "progressive": {"optimize": True, "progressive": True},
    "optimize": {"optimize": True},
    "baseline": {},
}


def _median_ms(function, runs):
    """Return the median wall time of `function()` in milliseconds, and its last result."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def _photo_variant(folder):
    """Write a 1600-wide JPEG like the photo variant a card is drawn on; return its path."""
    from PIL import Image

    from bench.generate import photo

    with Image.open(io.BytesIO(photo(random.Random(7), 0))) as source:
        variant = source.convert("RGB").resize((1600, 1067))
    path = os.path.join(folder, "variant-1600.jpg")
    variant.save(path, "JPEG", quality=80, optimize=True)
    return path


def measure(runs=15):
    """Return {variant: {size: {step: ms or bytes}}} for a plain and a photo card.

    draw_ms is all of draw_card (layout, background and painting) with the photo already read.
    """
    from kpu_images.cards import CardJob, _background, draw_card, open_photo
    from kpu_images.layout import layout_card

    folder = tempfile.mkdtemp(prefix="card-costs-")
    title = "Rapat pleno terbuka rekapitulasi daftar pemilih berkelanjutan semester kedua tahun"
    office, date_text, division = "KPU Kabupaten Temanggung", "Selasa, 25 Mei 2021", "Divisi Teknis"
    base = CardJob(title, office, date_text, division, "#8a1538", "x")
    jobs = {"plain": base, "photo": CardJob(**{**base.__dict__, "photo": _photo_variant(folder)})}
    figures = {}
    for variant, job in jobs.items():
        figures[variant] = {}
        for size in ("og", "square"):
            step = {}

            def lay(size=size, job=job):
                return layout_card(size, job.office, job.title, job.division, job.date_text)

            step["layout_ms"], _ = _median_ms(lay, runs)
            step["photo_ms"], photo = _median_ms(lambda job=job: open_photo(job), runs)
            width_height = (1200, 630) if size == "og" else (1080, 1080)
            step["background_ms"], _ = _median_ms(
                lambda photo=photo, wh=width_height: _background(photo, wh), runs
            )
            step["draw_ms"], card = _median_ms(
                lambda size=size, photo=photo, job=job: draw_card(job, size, photo), runs
            )
            for name, options in ENCODINGS.items():

                def save(card=card, options=options):
                    buffer = io.BytesIO()
                    card.save(buffer, "JPEG", quality=85, **options)
                    return len(buffer.getvalue())

                step[f"{name}_ms"], step[f"{name}_bytes"] = _median_ms(save, runs)
            figures[variant][size] = {k: round(v, 2) for k, v in step.items()}
    return figures


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else 15), indent=1))
