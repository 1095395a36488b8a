"""Folders replaced whole, and the index kept in the cache for the next build.

A bundle is never written where it is served: it is made in a hidden folder next to its
place (`.pagefind.new-<pid>`) and renamed into place, so a reader (or a killed build) sees the
old bundle or the new one, not half of one. The kept copy in cache/kpu_search is made the
same way, with a ledger (kpu_buildstate.store.VerifiedFiles) of every file's size, digest and
time stamp, and is trusted only while every file still matches it.
"""

import logging
import os
import re
import shutil

from kpu_buildstate.store import VerifiedFiles, digest_file
from kpu_search.bundle import check_bundle

logger = logging.getLogger(__name__)
LEDGER = "ledger.pickle"
SIGNATURE = "signature"
PLUGIN = "kpu_search"


def temporary_sibling(path, tag):
    """Return the hidden name next to `path` this process uses for a `tag` ("new", "old")."""
    folder, name = os.path.split(os.path.normpath(path))
    return os.path.join(folder, f".{name}.{tag}-{os.getpid()}")


def remove_stale(path):
    """Remove hidden siblings of `path` left by builds that were killed (or by this process)."""
    folder, name = os.path.split(os.path.normpath(path))
    pattern = re.compile(rf"\.{re.escape(name)}\.(?:new|old)-(\d+)")
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for sibling in names:
        match = pattern.fullmatch(sibling)
        if match and (int(match[1]) == os.getpid() or not _alive(int(match[1]))):
            _remove(os.path.join(folder, sibling))


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists but belongs to someone else
        return True
    return True


def _remove(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    else:
        try:
            os.remove(path)
        except OSError:
            pass


def replace_folder(new, target):
    """Put the folder `new` in the place of `target`: old moved away, new moved in, old deleted."""
    old = temporary_sibling(target, "old")
    _remove(old)
    try:
        os.rename(target, old)
    except FileNotFoundError:
        old = None
    os.rename(new, target)
    if old is not None:
        _remove(old)


def link_tree(source, target):
    """Recreate `source` at `target` with hard links (a copy where linking is impossible)."""
    _remove(target)

    def link(src, dst):
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link)


def link_into_place(source, target):
    """Replace the folder `target` by hard links to the files of `source`, in one rename."""
    temporary = temporary_sibling(target, "new")
    try:
        link_tree(source, temporary)
        replace_folder(temporary, target)
    except BaseException:
        _remove(temporary)
        raise


def _files(folder):
    """Return every file under `folder` as a path relative to it, with "/" separators.

    A link to a folder counts as a file (it is not followed): copying the tree would follow
    it, so it must be judged, and discarded, like any file the ledger does not know.
    """
    found = []
    for parent, dirs, names in os.walk(folder):
        links = [name for name in dirs if os.path.islink(os.path.join(parent, name))]
        dirs[:] = sorted(name for name in dirs if name not in links)
        for name in sorted(names + links):
            relative = os.path.relpath(os.path.join(parent, name), folder)
            found.append(relative.replace(os.sep, "/"))
    return found


def keep(bundle_folder, kept, bundle, signature):
    """Keep a whole bundle in `kept` for the next build, with its signature and ledger."""
    remove_stale(kept)
    temporary = temporary_sibling(kept, "new")
    try:
        ledger = VerifiedFiles(temporary, LEDGER)  # a new folder: an empty ledger
        link_tree(bundle_folder, os.path.join(temporary, bundle))
        for relative in _files(os.path.join(temporary, bundle)):
            path = os.path.join(temporary, bundle, relative)
            stat = os.stat(path)
            ledger.remember(path, (stat.st_size, digest_file(path), stat.st_mtime_ns))
        ledger.write(os.path.join(temporary, SIGNATURE), signature.encode("utf-8"))
        ledger.save()
        replace_folder(temporary, kept)
    except BaseException:
        _remove(temporary)
        raise


def reuse(kept, bundle, signature):
    """Return the kept bundle's folder if it was made for `signature` and is whole, else None.

    A kept index with a damaged, missing or unknown file is deleted (the site is indexed
    again) and one console line says so; nothing in the cache can stop the build.
    """
    try:
        return _reuse(kept, bundle, signature)
    except OSError as error:  # an unreadable cache: index again
        logger.info("[kpu_search] indeks di cache tidak dapat dibaca: %s", error)
        return None


def _reuse(kept, bundle, signature):
    if not os.path.isdir(kept):
        return None
    if not os.path.isfile(os.path.join(kept, LEDGER)):
        _remove(kept)  # from before the ledger, or half of one: index again, nothing to say
        return None
    ledger = VerifiedFiles(kept, LEDGER)
    signature_path = os.path.join(kept, SIGNATURE)
    if ledger.valid(signature_path):
        with open(signature_path, encoding="utf-8", errors="replace") as handle:
            if handle.read() != signature:
                return None  # pages changed: not damage; the new index replaces this one
    else:
        _count_missing(ledger, SIGNATURE)
    prefix = f"{bundle}/"
    recorded = {key for key in ledger.entries if key.startswith(prefix)}
    present = {prefix + relative for relative in _files(kept_bundle(kept, bundle))}
    for key in sorted(recorded | present):
        if not ledger.valid(os.path.join(kept, key)):
            _count_missing(ledger, key)
    if not ledger.discarded:
        # The ledger holds what was kept, and only whole bundles are kept; this catches a
        # ledger that lost its entries together with the files.
        for name, _problem in check_bundle(kept_bundle(kept, bundle)):
            _count_missing(ledger, prefix + name)
    if ledger.discarded:
        ledger.report(PLUGIN)
        _remove(kept)
        return None
    ledger.save()  # time stamps of a restored cache, recorded again
    return kept_bundle(kept, bundle)


def _count_missing(ledger, key):
    """Name a file the ledger could not vouch for in its report, once (missing ones too)."""
    if key not in ledger.discarded:
        ledger.discarded.append(key)


def kept_bundle(kept, bundle):
    """Return where the kept copy of the bundle lives."""
    return os.path.join(kept, bundle)
