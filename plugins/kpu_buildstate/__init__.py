"""What a build keeps for the next one or hands between processes (no register()).

Shared by kpu_readahead, kpu_incremental, kpu_verify, kpu_check, kpu_sitemap and kpu_images:
files written atomically (pickles read forgivingly), warnings recorded in one process and
logged again in another, and the number of cores a build may use.
"""

import contextlib
import logging
import os
import pickle


def load_pickle(path, version, default=None):
    """Read what `save_pickle` wrote with this `version`; anything else gives `default`.

    A missing, damaged (an interrupted write) or outdated file never stops a build.
    """
    try:
        with open(path, "rb") as handle:
            stored_version, data = pickle.load(handle)
    except Exception:  # noqa: BLE001
        return default
    return data if stored_version == version else default


def save_pickle(path, data, version):
    """Write `data` atomically, so an interrupted build leaves the old file whole."""
    write_atomically(path, pickle.dumps((version, data), protocol=pickle.HIGHEST_PROTOCOL))


def write_atomically(path, data):
    """Write bytes to `path` through a temporary file, so no reader sees half a file."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    temporary = f"{path}.{os.getpid()}.tmp"
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


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
