"""Signal handlers of kpu_assets."""

import logging
import os

from kpu_assets.model import bundle_css, fingerprinted_name, ordered_css_files

logger = logging.getLogger(__name__)


def plan_stylesheet(pelican):
    """Build the bundle in memory and tell the templates its URL (KPU_STYLESHEET)."""
    css_dir = os.path.join(pelican.settings["THEME"], "static", "css")
    css_text = bundle_css(ordered_css_files(css_dir))
    name = fingerprinted_name(css_text)
    pelican.settings["KPU_STYLESHEET"] = f"{pelican.settings['THEME_STATIC_DIR']}/css/{name}"
    pelican.settings["KPU_STYLESHEET_TEXT"] = css_text


def write_stylesheet(pelican):
    """Write the planned bundle into the output once the theme's files are copied."""
    path = os.path.join(pelican.output_path, pelican.settings["KPU_STYLESHEET"])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(pelican.settings["KPU_STYLESHEET_TEXT"])
    logger.info("[kpu_assets] wrote %s", pelican.settings["KPU_STYLESHEET"])
