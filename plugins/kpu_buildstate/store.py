"""Cache files that are written atomically and verified before every use.

A build can be killed at any moment and anyone can damage a file in `cache/`. So every cache
entry is written to a temporary file in its own folder and renamed into place, and a ledger
records its size, digest and time stamp. An entry is trusted only if it still has the size
and time stamp it was written with, or else still has its bytes (a restored cache gets new
time stamps); anything else is discarded, so it is made again.
"""

import hashlib
import logging
import os

from kpu_buildstate import load_pickle, save_pickle

logger = logging.getLogger(__name__)
LEDGER_FORMAT = 1


def digest_bytes(data):
    """Return the digest the ledger keeps for `data`."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def digest_file(path):
    """Return the ledger digest of a file's bytes, read in chunks."""
    hasher = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(chunk)
    return hasher.hexdigest()


def write_entry(path, data):
    """Write bytes atomically; return the entry's (size, digest, mtime_ns) for the ledger.

    Safe in worker processes: the temporary name carries the process id.
    """
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    temporary = os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.tmp")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.remove(temporary)
        except OSError:
            pass
        raise
    return len(data), digest_bytes(data), os.stat(path).st_mtime_ns


class VerifiedFiles:
    """A ledger of cache entries in one folder: what each held when it was written."""

    def __init__(self, folder, name="ledger.pickle"):
        self.folder = folder
        self.path = os.path.join(folder, name)
        self.entries = load_pickle(self.path, LEDGER_FORMAT, default={})
        self.discarded = []
        self.dirty = False

    def _key(self, path):
        return os.path.relpath(path, self.folder)

    def write(self, path, data):
        """Write one entry atomically and record it."""
        self.remember(path, write_entry(path, data))

    def remember(self, path, entry):
        """Record an entry written elsewhere (a worker) as (size, digest, mtime_ns)."""
        self.entries[self._key(path)] = tuple(entry)
        self.dirty = True

    def valid(self, path):
        """Tell whether the entry at `path` is whole; a damaged or unknown one is removed."""
        key = self._key(path)
        known = self.entries.get(key)
        try:
            stat = os.stat(path)
        except OSError:
            if known is not None:
                del self.entries[key]
                self.dirty = True
            return False
        if known is not None:
            size, digest, mtime_ns = known
            if stat.st_size == size and stat.st_mtime_ns == mtime_ns:
                return True
            if stat.st_size == size and digest_file(path) == digest:
                self.entries[key] = (size, digest, stat.st_mtime_ns)
                self.dirty = True
                return True
        # Unknown to the ledger (written by a killed build, or by hand) or damaged.
        self.discard(path)
        return False

    def discard(self, path):
        """Remove an entry that cannot be trusted, so that it is made again."""
        key = self._key(path)
        if self.entries.pop(key, None) is not None:
            self.dirty = True
        try:
            os.remove(path)
        except OSError:
            return
        self.discarded.append(key)

    def save(self):
        """Write the ledger atomically if this build changed it."""
        if self.dirty:
            save_pickle(self.path, self.entries, LEDGER_FORMAT)
            self.dirty = False

    def report(self, plugin):
        """Say in one line which damaged entries were discarded (they were made again)."""
        if not self.discarded:
            return ""
        names = ", ".join(sorted(self.discarded)[:3])
        more = f" dan {len(self.discarded) - 3} lainnya" if len(self.discarded) > 3 else ""
        line = (
            f"Cache {plugin}: {len(self.discarded)} berkas rusak atau tidak lengkap dibuang "
            f"dan dibuat ulang ({names}{more})."
        )
        # Said, not warned: the entry is made again, so a strict build has nothing to stop for.
        logger.info("[%s] %s", plugin, line)
        from pelican.log import console

        console.print(line)
        return line
