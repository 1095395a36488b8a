"""Index the built site with Pagefind's command-line binary (bundled, it runs offline)."""

import functools
import hashlib
import logging
import os
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata

from pelican.log import console

from kpu_buildstate import contract
from kpu_search import fragments as kept_fragments
from kpu_search import kept as kept_index
from kpu_search.bundle import check_bundle, page_count
from kpu_search.indexer import (
    IndexingStopped,
    SearchIndexError,
    run_pagefind,
    stop_indexing,
    stoppable,
)
from kpu_search.settings import SCHEMA
from kpu_settings import apply_schema

logger = logging.getLogger(__name__)
# Bump when what the kept index holds or how it is made changes: older ones are not reused.
KEPT_FORMAT = 4
# Indexing still running from an earlier build of this process (the preview server). Process
# state on purpose: the next build must not move the output folder while Pagefind writes.
_UNFINISHED = []


def apply_settings(pelican):
    """Check the KPU_SEARCH* settings; stop an earlier build's indexing and wait for its end.

    This build replaces the pages that indexing reads, and indexes them again (its kept copy
    is never made from a stopped run), so it is stopped rather than waited for: a save in the
    live preview does not wait for the index of the save before.
    """
    apply_schema(pelican.settings, SCHEMA, "kpu_search")
    if _UNFINISHED:
        stop_indexing()
    while _UNFINISHED:
        work = _UNFINISHED.pop()
        try:
            work.result()
        except IndexingStopped:
            pass
        except Exception as error:  # noqa: BLE001  (that build is over; this one reindexes)
            logger.warning("[kpu_search] indeks pencarian sebelumnya gagal: %s", error)


def pages_signature(output, bundle):
    """Digest every HTML page's path, size and time stamp: equal digests, equal index."""
    hasher = hashlib.blake2b(digest_size=16)
    hasher.update(repr((_pagefind_version(), bundle, KEPT_FORMAT)).encode())
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
        return metadata.version("pagefind-bin")
    except metadata.PackageNotFoundError:
        return ""


def index_site(pelican):
    """Build the search index of every page marked for search (news, pages, PPID items).

    Pagefind has no incremental mode; when no page changed since the last build (the
    incremental writer kept every file), the kept index is linked back instead. Otherwise
    Pagefind reads the kept fragments of the pages (fragments.py), cut again only for the
    pages that changed.
    """
    settings = pelican.settings
    if not settings["KPU_SEARCH"]:
        return
    bundle = settings["KPU_SEARCH_BUNDLE"]
    output = pelican.output_path
    kept = os.path.join(settings["CACHE_PATH"], "kpu_search")
    # Beside the kept bundle, not in it: that folder is replaced whole by every new bundle.
    fragments = os.path.join(settings["CACHE_PATH"], "kpu_search_fragments")
    kept_index.remove_stale(os.path.join(output, bundle))
    signature = pages_signature(output, bundle)
    reusable = kept_index.reuse(kept, bundle, signature)
    if reusable is not None:
        kept_index.link_into_place(reusable, os.path.join(output, bundle))
        pages = page_count(reusable)
        console.print(f"Pencarian: indeks tetap ({pages} halaman, tidak ada halaman berubah).")
        return
    index_later = functools.partial(
        index_published, bundle=bundle, kept=kept, signature=signature, fragments=fragments
    )
    if settings["KPU_SEARCH_WAIT"]:
        # Pagefind runs as its own process, so the output check (kpu_verify) runs meanwhile
        # and waits for this work at its end; a failure there stops the build.
        contract.add_background_work(
            settings, start_indexing(output, bundle, kept, signature, fragments)
        )
    elif contract.build(settings).staging:
        # The build writes into a staging folder that becomes the site only when the build
        # ends; work nobody waits for must not write there, so it starts on the site itself.
        contract.run_after_publish(settings, index_later)
    else:
        index_later(output)  # this build writes into the site itself


def index_published(live_output, bundle, kept, signature, fragments=None):
    """Index a published site in the background; the next build of this process waits for it.

    Its bundle is replaced only by a whole new one (see index_and_keep). Returns the work.
    """
    work = start_indexing(live_output, bundle, kept, signature, fragments)
    _UNFINISHED.append(work)
    return work


def start_indexing(output, bundle, kept, signature, fragments=None):
    """Run index_and_keep in a thread of its own and return its future."""
    # A thread of its own: the caller may already run an event loop (e.g. a test browser).
    runner = ThreadPoolExecutor(max_workers=1)
    work = runner.submit(index_and_keep, output, bundle, kept, signature, fragments)
    runner.shutdown(wait=False)
    return work


def index_and_keep(output, bundle, kept, signature, fragments=None):
    """Index `output` next to its bundle, check the result, put it in place and keep a copy.

    With a `fragments` folder, Pagefind reads the kept fragments of the pages (cut again for
    the pages that changed) instead of the pages: the same index, faster. Raises
    SearchIndexError if Pagefind fails or its bundle is not whole; then the bundle already in
    place (if any) stays as it was.
    """
    target = os.path.join(output, bundle)
    kept_index.remove_stale(target)
    site, refreshed = output, None
    if fragments is not None:
        with stoppable() as stopped:
            refreshed = kept_fragments.refresh(output, fragments, stopped)
            if stopped.is_set():
                raise IndexingStopped("a newer build indexes the site again")
        if refreshed is not None:
            site = refreshed.site
    temporary = kept_index.temporary_sibling(target, "new")
    try:
        run_pagefind(site, temporary)
        problems = check_bundle(temporary)
        if problems:
            raise SearchIndexError(bundle_report(bundle, problems))
        kept_index.replace_folder(temporary, target)
    finally:
        kept_index.remove_stale(target)
    pages = page_count(target)
    try:
        kept_index.keep(target, kept, bundle, signature)
    except OSError as error:  # the site is whole; only the next build's shortcut is lost
        logger.warning("[kpu_search] indeks tidak dapat disimpan di cache: %s", error)
    recut = "" if refreshed is None else f" ({refreshed.cut} potongan halaman dibuat ulang)"
    logger.info("[kpu_search] %s halaman diindeks%s", pages, recut)
    console.print(f"Pencarian: {pages} halaman diindeks{recut}.")
    return pages


def bundle_report(bundle, problems):
    """Say which files of a new search index are missing or cut short (Bahasa Indonesia)."""
    lines = [f"- output/{bundle}/{name}: {problem}" for name, problem in problems[:20]]
    if len(problems) > 20:
        lines.append(f"- dan {len(problems) - 20} masalah lainnya")
    return (
        "Indeks pencarian yang baru dibuat Pagefind tidak utuh, jadi build dihentikan:\n"
        + "\n".join(lines)
        + "\nJalankan build sekali lagi. Bila pesan ini muncul lagi, laporkan kepada "
        "pengelola teknis situs beserta pesan ini."
    )
