"""Put derived files (image sizes, share cards, captions) into the output.

Every derived file lives in the cache and is hard-linked into the output. A rebuild starts
from an empty output folder (kpu_incremental moves the previous one aside), and making
thousands of folders and links costs seconds at 5,000 news items. So a whole top-level
folder (`images/`, `sosial/`) whose previous copy holds exactly the files due now, as links
to the same cache files, is moved back in one rename instead.
"""

import hashlib
import os
import shutil

from kpu_buildstate import write_atomically


def cached_bytes(cache_dir, data):
    """Keep bytes in the cache under their digest, so they are linked, not written, each build."""
    path = os.path.join(cache_dir, "teks", hashlib.blake2b(data, digest_size=16).hexdigest())
    if not os.path.exists(path):
        write_atomically(path, data)
    return path


def publish_files(output, files, previous=None, others=frozenset()):
    """Link each cached file of `files` ({output path: cache path}) into `output`.

    `previous` is the previous build's output folder, if it was kept; `others` names the
    output paths other writers will (re)write this build, which may sit in the same folders.
    Returns the top-level folders that were moved back whole.
    """
    groups = {}
    for relative, cached in files.items():
        top = relative.split("/", 1)[0] if "/" in relative else ""
        groups.setdefault(top, {})[relative] = cached
    moved, folders = [], set()
    for top, group in groups.items():
        if top and previous and reclaim(previous, output, top, group, others):
            moved.append(top)
            continue
        for relative, cached in group.items():
            link(cached, os.path.join(output, relative), folders)
    return moved


def reclaim(previous, output, top, group, others=frozenset()):
    """Move `previous/top` to `output/top` if it holds exactly `group`, linked to the cache."""
    source, target = os.path.join(previous, top), os.path.join(output, top)
    if not os.path.isdir(source) or os.path.lexists(target):
        return False
    start = len(previous.rstrip(os.sep)) + 1
    found = {}
    for folder, _dirs, names in os.walk(source):
        for name in names:
            path = os.path.join(folder, name)
            relative = path[start:].replace(os.sep, "/")
            if relative not in others:  # rewritten this build by its own writer anyway
                found[relative] = path
    if found.keys() != group.keys():
        return False  # a file is missing, or stale and must not be published again
    try:
        for relative, path in found.items():
            kept, cached = os.lstat(path), os.stat(group[relative])
            if (kept.st_dev, kept.st_ino) != (cached.st_dev, cached.st_ino):
                return False
    except OSError:
        return False
    os.makedirs(output, exist_ok=True)
    os.rename(source, target)
    return True


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
