"""Signal handlers of kpu_sitemap."""

import os

from kpu_buildstate import contract, load_pickle, save_pickle
from kpu_settings import apply_schema, raise_settings_problems
from kpu_sitemap.model import (
    NOINDEX,
    SCHEMA,
    closed_share_folders,
    page_url,
    robots_txt,
    sitemap_xml,
)

DATES_KEY = contract.per_build_key("KPU_SITEMAP_DATES")
MEMO_FORMAT = 1  # bump when what the memo keeps per page changes


def apply_settings(pelican):
    """Check the settings (no share image closed to crawlers); start the table of page dates."""
    settings = pelican.settings
    apply_schema(settings, SCHEMA, "kpu_sitemap")
    # kpu_images' folders: the share cards and the photos' derived copies.
    shared = (
        settings.get("KPU_SOCIAL_DIR", "sosial"),
        settings.get("KPU_IMAGE_OUTPUT_DIR", "images"),
    )
    problems = closed_share_folders(settings["KPU_ROBOTS_DISALLOW"], shared)
    raise_settings_problems(settings, "kpu_sitemap", problems)
    pelican.settings[DATES_KEY] = {}


def remember_dates(path, context):
    """Note the last change of pages written from a news item or a page."""
    content = context.get("article") or context.get("page")
    dates = context.get(DATES_KEY)
    if content is None or dates is None:
        return
    changed = getattr(content, "modified", None) or getattr(content, "date", None)
    if changed is not None:
        dates[os.path.abspath(path)] = changed.date().isoformat()


def write_sitemap(pelican):
    """List every HTML page that search engines may index, then write robots.txt."""
    settings, output = pelican.settings, os.path.abspath(pelican.output_path)
    siteurl = settings.get("SITEURL", "")
    skipped = tuple(f"{folder.strip('/')}/" for folder in settings["KPU_ROBOTS_DISALLOW"])
    dates = settings.get(DATES_KEY, {})
    memo_path = os.path.join(settings["CACHE_PATH"], "kpu_sitemap", "noindex.pickle")
    known, seen = load_pickle(memo_path, MEMO_FORMAT, default={}), {}
    entries = []
    for folder, dirs, files in os.walk(output):
        if folder == output:  # folders closed to crawlers are not listed: do not walk them
            dirs[:] = [name for name in dirs if f"{name}/" not in skipped]
        for name in files:
            if not name.endswith(".html"):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, output).replace(os.sep, "/")
            if relative == "404.html" or relative.startswith(skipped):
                continue
            if not says_noindex(path, known, seen):
                entries.append((page_url(siteurl, relative), dates.get(path)))
    save_pickle(memo_path, seen, MEMO_FORMAT)
    with open(os.path.join(output, settings["KPU_SITEMAP"]), "w", encoding="utf-8") as handle:
        handle.write(sitemap_xml(entries))
    robots = robots_txt(siteurl, settings["KPU_SITEMAP"], settings["KPU_ROBOTS_DISALLOW"])
    with open(os.path.join(output, "robots.txt"), "w", encoding="utf-8") as handle:
        handle.write(robots)


def says_noindex(path, known, seen):
    """Tell whether a page asks not to be indexed; read it only if it changed since `known`.

    Pages the incremental writer kept keep their size and time stamp, so a rebuild reads
    only the pages written again. What was found goes into `seen`, keyed by path.
    """
    stat = os.stat(path)
    now = (stat.st_size, stat.st_mtime_ns)
    entry = known.get(path)
    if entry is not None and entry[:2] == now:
        noindex = entry[2]
    else:
        with open(path, encoding="utf-8", errors="replace") as handle:
            noindex = NOINDEX in handle.read(4096)
    seen[path] = (*now, noindex)
    return noindex
