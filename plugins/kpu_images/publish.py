"""Put derived files (image sizes, share cards, captions) into the output.

Every derived file lives in the cache, verified against its ledger entry, and is hard-linked
into the output, so publishing thousands of them writes no bytes.
"""

import os
import shutil

from kpu_buildstate.store import digest_bytes


def cached_bytes(ledger, data):
    """Keep bytes in the cache under their digest; return the (verified) cache file.

    A caption or a cleaned logo is small: written once, then linked on every build while
    the ledger vouches for it.
    """
    path = os.path.join(ledger.folder, "teks", digest_bytes(data))
    if not ledger.valid(path):
        ledger.write(path, data)
    return path


def publish_files(output, files):
    """Hard-link each cached file of `files` ({output path: cache path}) into `output`."""
    folders = set()
    for relative, cached in files.items():
        link(cached, os.path.join(output, relative), folders)


def link(cached, target, folders=None):
    """Hard-link a cached file into the output (copy when linking is impossible).

    `folders` remembers the folders made already: thousands of files share a few of them.
    """
    folder = os.path.dirname(target)
    if folders is None or folder not in folders:
        os.makedirs(folder, exist_ok=True)
        if folders is not None:
            folders.add(folder)
    if os.path.lexists(target):
        os.remove(target)
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)
