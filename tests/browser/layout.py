"""Layout checks a citizen would notice, measured by Chromium on the rendered page.

`LAYOUT_PROBLEMS` runs in the page and returns what is wrong, in words: sideways scroll, a
card photo squashed below a quarter of its card or 80 px, and text running out of its box.
Only the site's own rules decide; nothing is compared with a golden image."""

import base64
import os
from pathlib import Path

WIDTHS = (360, 768, 1280)
SHOTS = Path(os.environ.get("KPU_LAYOUT_SHOTS", "/tmp/kpu-layout-shots"))

LAYOUT_PROBLEMS = (Path(__file__).parent / "layout_problems.js").read_text(encoding="utf-8")


def pages_to_check(site):
    """Every list template and one page per item template of a built site, as URL paths."""
    site = Path(site)

    def url(index):
        return "/" + str(index.relative_to(site).parent).replace(".", "").strip("/") + "/"

    paths = {"/"}
    for folder in (
        "berita",
        "arsip",
        "kategori",
        "divisi",
        "tag",
        "ppid",
        "cari",
        "feeds",
        "kontak",
    ):
        if (site / folder / "index.html").exists():
            paths.add(f"/{folder}/")
    for pattern in ("kategori/*/index.html", "divisi/*/index.html", "arsip/*/index.html"):
        paths.update(url(p) for p in sorted(site.glob(pattern)))
    paths.update(url(p) for p in sorted(site.glob("tag/*/index.html"))[:3])
    paths.update(url(p) for p in sorted(site.glob("arsip/*/*/index.html"))[:1])
    paths.update(url(p) for p in sorted(site.glob("laporan/*/index.html")))
    paths.update(url(p) for p in sorted(site.glob("ppid/*/index.html")))
    paths.update(url(p) for p in sorted(site.glob("profil/*/index.html"))[:2])
    # One item of each content type, and every item with a photo.
    seen_types = set()
    for page in sorted(site.glob("berita/[0-9]*/*/index.html")):
        text = page.read_text(encoding="utf-8")
        marker = text.find('class="kpu-badge kpu-badge--')
        kind = text[marker + 28 : text.find('"', marker + 28)] if marker >= 0 else ""
        if kind not in seen_types or "kpu-article__figure" in text:
            seen_types.add(kind)
            paths.add(url(page))
    if (site / "404.html").exists():
        paths.add("/404.html")
    return sorted(paths)


def save_full_page(session, path):
    """Save a PNG of the whole page through a CDP session of it.

    What Playwright's full-page screenshot gets from Chromium, with its fast PNG compression
    (the same pixels, a larger file, in half the time: 200 shots a run).
    """
    size = session.send("Page.getLayoutMetrics")["cssContentSize"]
    shot = session.send(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "optimizeForSpeed": True,
            "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1},
        },
    )
    Path(path).write_bytes(base64.b64decode(shot["data"]))


def check_layout(browser, base_url, paths, width, shots_prefix):
    """Open each path at `width`, save a screenshot and return {path: [problems]}."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    session = context.new_cdp_session(page)
    found = {}
    try:
        for path in paths:
            page.goto(base_url + path, wait_until="load")
            problems = page.evaluate(LAYOUT_PROBLEMS)
            assert isinstance(problems, list), f"the layout probe did not run on {path}"
            if problems:
                found[path] = problems
            label = path.strip("/").replace("/", "_").replace(".html", "") or "beranda"
            save_full_page(session, SHOTS / f"{shots_prefix}-{label}-{width}.png")
    finally:
        context.close()
    return found
