"""Keep the fragment of every indexed page in the cache, cut again only where a page changed.

The folder holds `pages/<relative path>` (the fragments, which Pagefind indexes as its site),
`ledger.pickle` (kpu_buildstate.store.VerifiedFiles: each fragment's size, digest and time
stamp) and `pages.pickle` (each page's size, time stamp and digest when it was last cut, and
whether it had a fragment). A page is cut again when its size or time stamp moved and its
bytes did too, or when its fragment no longer matches the ledger: a killed build leaves
fragments the ledger does not know, and those are discarded like damaged ones.
"""

import os
import shutil
from dataclasses import dataclass

from kpu_buildstate import load_pickle, save_pickle
from kpu_buildstate.store import VerifiedFiles, digest_bytes
from kpu_search.cutter import cut_page
from kpu_search.indexer import IndexingStopped

PAGES = "pages"
STAMPS = "pages.pickle"
LEDGER = "ledger.pickle"
# Bump when what a fragment holds changes (cutter.py): every page is cut again.
FORMAT = 1
PLUGIN = "kpu_search"


@dataclass(frozen=True)
class Fragments:
    """What refresh() left: the folder to index and how much it had to do.

    `read` counts the pages parsed again (their bytes changed), `cut` the fragments written
    anew (their content changed), `removed` the fragments deleted.
    """

    site: str
    pages: int
    read: int
    cut: int
    removed: int


def html_pages(output):
    """Return every HTML page under `output`, relative, in a stable order (what Pagefind reads)."""
    found = []
    for folder, dirs, names in os.walk(output):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(".html"):
                found.append(os.path.relpath(os.path.join(folder, name), output))
    return found


def refresh(output, folder, stopped=None):
    """Bring the fragments in `folder` up to date with the pages of `output`.

    Returns None when no page has a data-pagefind-body element (Pagefind then indexes every
    page whole, so the output itself must be indexed). `stopped` is a threading.Event that,
    once set, ends the work with IndexingStopped; what was cut so far stays trusted.
    """
    stamps = load_pickle(os.path.join(folder, STAMPS), FORMAT, default={})
    ledger = VerifiedFiles(folder, LEDGER)
    updated = {}
    read = cut = 0
    try:
        for relative in html_pages(output):
            if stopped is not None and stopped.is_set():
                raise IndexingStopped("a newer build indexes the site again")
            updated[relative], work = _refresh_page(output, folder, ledger, relative, stamps)
            read += work != UNTOUCHED
            cut += work == WRITTEN
    except BaseException:
        # Kept as far as it went: every stamp saved matches a fragment the ledger knows.
        _save(folder, ledger, {**stamps, **updated})
        raise
    removed = _remove_others(folder, ledger, updated)
    _save(folder, ledger, updated)
    ledger.report(PLUGIN)
    pages = sum(1 for *_, has in updated.values() if has)
    if not pages:
        _forget(folder)
        return None
    return Fragments(os.path.join(folder, PAGES), pages, read, cut, removed)


# What _refresh_page did with one page.
UNTOUCHED, READ, WRITTEN = "untouched", "read", "written"


def _refresh_page(output, folder, ledger, relative, stamps):
    """Return (the page's stamp, UNTOUCHED, READ or WRITTEN)."""
    path = os.path.join(output, relative)
    fragment = os.path.join(folder, PAGES, relative)
    stat = os.stat(path)
    known = stamps.get(relative)
    if known is not None and known[:2] == (stat.st_size, stat.st_mtime_ns):
        if _fragment_holds(ledger, fragment, known[3]):
            return known, UNTOUCHED
    with open(path, "rb") as handle:
        data = handle.read()
    digest = digest_bytes(data)
    stamp = (stat.st_size, stat.st_mtime_ns, digest)
    if known is not None and known[2] == digest and _fragment_holds(ledger, fragment, known[3]):
        return (*stamp, known[3]), UNTOUCHED  # rewritten with the same bytes (a full build)
    cut = cut_page(data)
    if cut is None:
        removed = _remove_fragment(ledger, fragment)
        return (*stamp, False), WRITTEN if removed else READ
    entry = ledger.entries.get(os.path.relpath(fragment, ledger.folder))
    if entry is not None and entry[1] == digest_bytes(cut) and ledger.valid(fragment):
        return (*stamp, True), READ  # only what Pagefind does not read changed (a menu)
    ledger.write(fragment, cut)
    return (*stamp, True), WRITTEN


def _fragment_holds(ledger, fragment, has):
    """Tell whether the fragment on disk is what the page's stamp says it is."""
    if has:
        return ledger.valid(fragment)
    return not os.path.lexists(fragment)


def _remove_fragment(ledger, fragment):
    """Delete a fragment and its ledger entry; tell whether there was a file."""
    if ledger.entries.pop(os.path.relpath(fragment, ledger.folder), None) is not None:
        ledger.dirty = True
    try:
        os.remove(fragment)
    except FileNotFoundError:
        return False
    return True


def _remove_others(folder, ledger, pages):
    """Delete fragments of pages gone or without a body, and files no run of ours finished."""
    root = os.path.join(folder, PAGES)
    wanted = {os.path.join(PAGES, relative) for relative, (*_, has) in pages.items() if has}
    removed = 0
    for parent, dirs, names in os.walk(root, topdown=False):
        for name in names + [d for d in dirs if os.path.islink(os.path.join(parent, d))]:
            path = os.path.join(parent, name)
            if os.path.relpath(path, folder) not in wanted:
                _remove_fragment(ledger, path)
                removed += 1
        if parent != root and not os.listdir(parent):
            os.rmdir(parent)
    for key in [key for key in ledger.entries if key not in wanted]:
        del ledger.entries[key]
        ledger.dirty = True
    return removed


def _save(folder, ledger, stamps):
    """Save the ledger before the stamps: a stamp is trusted only with its fragment's entry."""
    ledger.save()
    save_pickle(os.path.join(folder, STAMPS), stamps, FORMAT)


def _forget(folder):
    """Remove the fragments folder: with no body on any page, the output is indexed itself."""
    shutil.rmtree(folder, ignore_errors=True)
