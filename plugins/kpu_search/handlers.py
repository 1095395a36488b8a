"""Index the built site with Pagefind's Python API (its bundled binary runs offline)."""

import asyncio
import hashlib
import json
import logging
import os
import shutil
import time
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata

from pelican.log import console

from kpu_buildstate import contract
from kpu_search.settings import SCHEMA
from kpu_settings import apply_schema

logger = logging.getLogger(__name__)
# Work still running when this plugin's handler returns; kpu_verify waits for it.
BACKGROUND_KEY = "KPU_BACKGROUND_WORK"
# Indexing still running from an earlier build of this process (the preview server). Process
# state on purpose: the next build must not move the output folder while Pagefind writes.
_UNFINISHED = []


def apply_settings(pelican):
    """Check the KPU_SEARCH* settings; let an earlier build's indexing finish first."""
    apply_schema(pelican.settings, SCHEMA, "kpu_search")
    while _UNFINISHED:
        work = _UNFINISHED.pop()
        try:
            work.result()
        except Exception as error:  # noqa: BLE001  (that build is over; this one reindexes)
            logger.warning("[kpu_search] indeks pencarian sebelumnya gagal: %s", error)


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


def _read(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except OSError:
        return None


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


def pages_signature(output, bundle):
    """Digest every HTML page's path, size and time stamp: equal digests, equal index."""
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(repr((_pagefind_version(), bundle)).encode())
    for folder, dirs, files in os.walk(output):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".html"):
                stat = os.stat(os.path.join(folder, name))
                relative = os.path.relpath(os.path.join(folder, name), output)
                hasher.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return hasher.hexdigest()


def _pagefind_version():
    try:
        return metadata.version("pagefind")
    except metadata.PackageNotFoundError:
        return ""


def link_tree(source, target):
    """Recreate `source` at `target` with hard links (a copy where linking is impossible)."""
    shutil.rmtree(target, ignore_errors=True)

    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link)


def index_site(pelican):
    """Build the search index of every page marked for search (news, pages, PPID items).

    Pagefind has no incremental mode; when no page changed since the last build (the
    incremental writer kept every file), the last index is linked back instead.
    """
    settings = pelican.settings
    if not settings["KPU_SEARCH"]:
        return
    bundle = settings["KPU_SEARCH_BUNDLE"]
    target = os.path.join(pelican.output_path, bundle)
    kept = os.path.join(settings["CACHE_PATH"], "kpu_search")
    signature = pages_signature(pelican.output_path, bundle)
    if _read(os.path.join(kept, "signature")) == signature and os.path.isdir(
        os.path.join(kept, bundle)
    ):
        link_tree(os.path.join(kept, bundle), target)
        pages = _indexed_pages(os.path.join(target, "pagefind-entry.json"), attempts=1)
        console.print(f"Pencarian: indeks tetap ({pages} halaman, tidak ada halaman berubah).")
        return
    # A thread of its own: the caller may already run an event loop (e.g. a test browser).
    # Pagefind runs as its own process, so the output check (kpu_verify) runs meanwhile and
    # waits for this work at its end (BACKGROUND_KEY).
    runner = ThreadPoolExecutor(max_workers=1)
    work = runner.submit(_index_and_keep, pelican.output_path, bundle, kept, signature)
    runner.shutdown(wait=False)
    if settings["KPU_SEARCH_WAIT"]:
        contract.add_background_work(settings, work)
    else:
        _UNFINISHED.append(work)


def _index_and_keep(output, bundle, kept, signature):
    """Index the site, keep the index for the next build and report the page count."""
    pages = asyncio.run(_index(output, bundle))
    if pages is not None:  # keep a whole index only
        os.makedirs(kept, exist_ok=True)
        link_tree(os.path.join(output, bundle), os.path.join(kept, bundle))
        with open(os.path.join(kept, "signature"), "w", encoding="utf-8") as handle:
            handle.write(signature)
    counted = "?" if pages is None else pages
    logger.info("[kpu_search] %s halaman diindeks", counted)
    console.print(f"Pencarian: {counted} halaman diindeks.")
