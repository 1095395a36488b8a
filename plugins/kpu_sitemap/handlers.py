"""Signal handlers of kpu_sitemap."""

import os

from kpu_sitemap.model import NOINDEX, page_url, robots_txt, sitemap_xml

DEFAULTS = {"KPU_SITEMAP": "sitemap.xml", "KPU_ROBOTS_DISALLOW": ("sosial", "laporan")}
DATES_KEY = "KPU_SITEMAP_DATES"


def apply_settings(pelican):
    """Fill in defaults and start this build's table of page dates."""
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    pelican.settings[DATES_KEY] = {}


def remember_dates(path, context):
    """Note the last change of pages written from a news item or a page."""
    content = context.get("article") or context.get("page")
    dates = context.get(DATES_KEY)
    if content is None or dates is None:
        return
    changed = getattr(content, "modified", None) or getattr(content, "date", None)
    if changed is not None:
        dates[os.path.realpath(path)] = changed.date().isoformat()


def write_sitemap(pelican):
    """List every HTML page that search engines may index, then write robots.txt."""
    settings, output = pelican.settings, pelican.output_path
    siteurl = settings.get("SITEURL", "")
    skipped = tuple(f"{folder.strip('/')}/" for folder in settings["KPU_ROBOTS_DISALLOW"])
    dates = settings.get(DATES_KEY, {})
    entries = []
    for folder, _dirs, files in os.walk(output):
        for name in files:
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, output).replace(os.sep, "/")
            if relative == "404.html" or relative.startswith(skipped):
                continue
            with open(path, encoding="utf-8", errors="replace") as handle:
                if NOINDEX in handle.read(4096):
                    continue
            entries.append((page_url(siteurl, relative), dates.get(os.path.realpath(path))))
    with open(os.path.join(output, settings["KPU_SITEMAP"]), "w", encoding="utf-8") as handle:
        handle.write(sitemap_xml(entries))
    robots = robots_txt(siteurl, settings["KPU_SITEMAP"], settings["KPU_ROBOTS_DISALLOW"])
    with open(os.path.join(output, "robots.txt"), "w", encoding="utf-8") as handle:
        handle.write(robots)
