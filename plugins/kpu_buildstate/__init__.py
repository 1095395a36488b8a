"""What a build keeps for the next one or hands between processes (no register()).

Shared by the kit's plugins: files written atomically (pickles checked by digest and read
forgivingly), warnings recorded in one process and logged again in another, the number of
cores a build may use and how to start worker processes safely. The build contract between
plugins is `kpu_buildstate.contract`; verified cache entries are `kpu_buildstate.store`.
"""

import contextlib
import hashlib
import logging
import multiprocessing
import os
import pickle
import threading

_PICKLE_MAGIC = b"KPU1"


def load_pickle(path, version, default=None):
    """Read what `save_pickle` wrote with this `version`; anything else gives `default`.

    A missing, damaged (cut short, overwritten: its digest no longer matches) or outdated
    file never stops a build.
    """
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
        if (
            raw[:4] != _PICKLE_MAGIC
            or hashlib.blake2b(raw[20:], digest_size=16).digest() != (raw[4:20])
        ):
            return default
        stored_version, data = pickle.loads(raw[20:])
    except Exception:  # noqa: BLE001
        return default
    return data if stored_version == version else default


def save_pickle(path, data, version):
    """Write `data` atomically with its digest, so a damaged file is known as such."""
    payload = pickle.dumps((version, data), protocol=pickle.HIGHEST_PROTOCOL)
    digest = hashlib.blake2b(payload, digest_size=16).digest()
    write_atomically(path, _PICKLE_MAGIC + digest + payload)


def write_atomically(path, data):
    """Write bytes to `path` through a temporary file, so no reader sees half a file."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    temporary = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temporary)
        raise


class WarningRecorder(logging.Handler):
    """Keeps warnings as (logger, level, text), so they can be logged again (see `replay`)."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.records = []

    def emit(self, record):
        """Keep the record's logger, level and text."""
        self.records.append((record.name, record.levelno, record.getMessage()))


@contextlib.contextmanager
def recording_warnings():
    """Record the warnings logged inside the block (they are still logged as usual)."""
    recorder = WarningRecorder()
    root = logging.getLogger()
    root.addHandler(recorder)
    try:
        yield recorder.records
    finally:
        root.removeHandler(recorder)


def replay(records):
    """Log recorded warnings again here, where the strict collector counts them."""
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)


def cores():
    """Return how many cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def process_context():
    """Return how to start worker processes here: fork when safe (quick), else spawn.

    Forking a process whose other threads hold locks (the preview server, a deletion in
    the background) can deadlock the child; spawning starts clean but imports the main
    script again, so that script must guard its work with `if __name__ == "__main__"`, as
    Pelican's and invoke's do.
    """
    methods = multiprocessing.get_all_start_methods()
    if threading.active_count() == 1 and "fork" in methods:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
