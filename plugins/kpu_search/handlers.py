"""Index the built site with Pagefind's Python API (its bundled binary runs offline)."""

import asyncio
import json
import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor

from pelican.log import console

logger = logging.getLogger(__name__)
DEFAULTS = {"KPU_SEARCH": True, "KPU_SEARCH_URL": "cari/", "KPU_SEARCH_BUNDLE": "pagefind"}


def apply_settings(pelican):
    """Fill in the KPU_SEARCH_* defaults."""
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)


async def _index(site, bundle):
    from pagefind.index import IndexConfig, PagefindIndex

    # Pages opt in with data-pagefind-body; the language is Indonesian for all of them. The
    # bundle path is absolute: leaving the context writes the index there (a relative path
    # would be taken from the current directory, not from the site).
    target = os.path.abspath(os.path.join(site, bundle))
    config = IndexConfig(force_language="id", output_path=target)
    async with PagefindIndex(config=config) as index:
        await index.add_directory(os.path.abspath(site))
    return _indexed_pages(os.path.join(target, "pagefind-entry.json"))


def _indexed_pages(entry, attempts=20):
    """Read how many pages the index holds; the file can lag the service's reply briefly."""
    for _ in range(attempts):
        try:
            with open(entry, encoding="utf-8") as handle:
                languages = json.load(handle).get("languages", {})
            return sum(language.get("page_count", 0) for language in languages.values())
        except (OSError, ValueError):
            time.sleep(0.1)
    return None


def index_site(pelican):
    """Build the search index of every page marked for search (news, pages, PPID items)."""
    settings = pelican.settings
    if not settings.get("KPU_SEARCH"):
        return
    # A thread of its own: the caller may already run an event loop (e.g. a test browser).
    with ThreadPoolExecutor(max_workers=1) as runner:
        work = runner.submit(
            asyncio.run, _index(pelican.output_path, settings["KPU_SEARCH_BUNDLE"])
        )
        pages = work.result()
    counted = "?" if pages is None else pages
    logger.info("[kpu_search] %s halaman diindeks", counted)
    console.print(f"Pencarian: {counted} halaman diindeks.")
