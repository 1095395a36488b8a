"""Parse Markdown files in worker processes, capturing the warnings each file raises."""

import logging

from pelican.readers import MarkdownReader, _filter_discardable_metadata

from kpu_buildstate import recording_warnings
from kpu_readahead.store import portable


def read_capturing(read, path):
    """Read one file with `read`; return (content, metadata, warnings it logged)."""
    with recording_warnings() as warnings:
        content, metadata = read(path)
    return content, _filter_discardable_metadata(metadata), warnings


# The reader of *this worker process* (set by `start`); the build process never fills it.
_READER = []


def start(settings):
    """Initialise a worker: build its own Markdown reader, log nothing to the console."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    _READER[:] = [MarkdownReader(settings)]


def parse(job):
    """Parse one file in a worker; a file that fails is left to the build to report."""
    path, stamp = job
    try:
        content, metadata, warnings = read_capturing(_READER[0].read, path)
        return path, stamp, (content, portable(metadata), warnings)
    except Exception:  # noqa: BLE001  (the build reads it again and reports the error)
        return path, stamp, None
