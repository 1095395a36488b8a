"""The parsed-Markdown store: what a reader returned for a file, keyed by its bytes' hash.

Metadata is kept in a portable form: Category, Tag and Author objects hold the whole settings
(which cannot be pickled), so they are stored by name and rebuilt with this build's settings.
"""

import hashlib

from pelican.urlwrappers import URLWrapper

from kpu_buildstate import load_pickle, save_pickle

FORMAT = 1


def file_stamp(path):
    """Return the hash of a file's bytes (stable across clones, unlike its mtime)."""
    with open(path, "rb") as handle:
        return hashlib.blake2b(handle.read(), digest_size=16).digest()


def portable(value):
    """Turn reader metadata into plain data that pickles without the settings."""
    if isinstance(value, URLWrapper):
        return ("__kpu_urlwrapper__", type(value), value.name)
    if isinstance(value, list):
        return [portable(item) for item in value]
    if isinstance(value, dict):
        return {key: portable(item) for key, item in value.items()}
    return value


def restored(value, settings):
    """Undo `portable`, rebuilding Category/Tag/Author objects with `settings`."""
    if isinstance(value, tuple) and len(value) == 3 and value[0] == "__kpu_urlwrapper__":
        return value[1](value[2], settings)
    if isinstance(value, list):
        return [restored(item, settings) for item in value]
    if isinstance(value, dict):
        return {key: restored(item, settings) for key, item in value.items()}
    return value


def load(path):
    """Read a store; a missing, damaged or outdated file gives an empty one."""
    return load_pickle(path, FORMAT, default={})


def save(path, entries):
    """Write the store atomically, so an interrupted build leaves the old file whole."""
    save_pickle(path, entries, FORMAT)
