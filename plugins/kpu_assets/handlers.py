"""Signal handlers of kpu_assets."""

import logging
import os

from kpu_assets.model import bundle_css, fingerprinted_name, ordered_css_files, page_css_files

logger = logging.getLogger(__name__)


def plan_stylesheet(pelican):
    """Build the bundle in memory and tell the templates its URL (KPU_STYLESHEET)."""
    css_dir = os.path.join(pelican.settings["THEME"], "static", "css")
    css_text = bundle_css(ordered_css_files(css_dir))
    name = fingerprinted_name(css_text)
    folder = f"{pelican.settings['THEME_STATIC_DIR']}/css"
    pelican.settings["KPU_STYLESHEET"] = f"{folder}/{name}"
    texts = {pelican.settings["KPU_STYLESHEET"]: css_text}
    # A page template links its own: <link rel="stylesheet" href="{{ KPU_PAGE_STYLESHEETS.x }}">
    pages = {}
    for stem, path in page_css_files(css_dir).items():
        text = bundle_css([path])
        pages[stem] = f"{folder}/{fingerprinted_name(text, stem=f'kpu-{stem}')}"
        texts[pages[stem]] = text
    pelican.settings["KPU_PAGE_STYLESHEETS"] = pages
    pelican.settings["KPU_STYLESHEET_TEXTS"] = texts


def write_stylesheet(pelican):
    """Write the planned bundle and page stylesheets once the theme's files are copied."""
    for relative, text in pelican.settings["KPU_STYLESHEET_TEXTS"].items():
        path = os.path.join(pelican.output_path, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    logger.info(
        "[kpu_assets] wrote %s and %d page stylesheets",
        pelican.settings["KPU_STYLESHEET"],
        len(pelican.settings["KPU_PAGE_STYLESHEETS"]),
    )
