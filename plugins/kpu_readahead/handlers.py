"""Signal handlers of kpu_readahead: parse new Markdown on every core, reuse the rest."""

import hashlib
import logging
import os
import pickle
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata

from kpu_buildstate import cores, process_context, replay
from kpu_readahead import store
from kpu_readahead.settings import SCHEMA
from kpu_readahead.worker import parse, read_capturing, start
from kpu_settings import apply_schema

logger = logging.getLogger(__name__)
STATE_KEY = "KPU_READAHEAD_STATE"


class ReadState:
    """This build's store of parsed files and the stamps of the files on disk."""

    def __init__(self, path, entries):
        self.path, self.entries = path, entries
        self.stamps = {}
        self.dirty = False
        self.hits = self.parsed = 0


class CachedRead:
    """Stands in for a reader's `read`: returns the stored parse when the file is unchanged."""

    def __init__(self, reader, read, state):
        self.reader, self.read, self.state = reader, read, state

    def __call__(self, path):
        """Return (content, metadata) for `path`, parsing it only if it changed."""
        state = self.state
        stamp = state.stamps.get(path) or store.file_stamp(path)
        entry = state.entries.get(path)
        if entry is not None and entry[0] == stamp:
            state.hits += 1
            # Warnings belong to every build that reads the file (strict builds count them).
            replay(entry[3])
            return entry[1], store.restored(entry[2], self.reader.settings)
        content, found, warnings = read_capturing(self.read, path)
        state.entries[path] = (stamp, content, store.portable(found), warnings)
        state.dirty = True
        state.parsed += 1
        return content, found


def config_digest(settings, reader):
    """Digest what shapes a reader's output; a change starts a new store."""
    parts = [
        type(reader).__module__,
        type(reader).__qualname__,
        repr(settings.get("MARKDOWN")),
        repr(settings.get("FORMATTED_FIELDS")),
    ] + [_version(name) for name in ("pelican", "markdown", "pygments")]
    return hashlib.blake2b(repr(parts).encode(), digest_size=12).hexdigest()


def _version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def markdown_files(root):
    """List every Markdown file under the content folder (hidden folders skipped)."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [os.path.join(folder, n) for n in files if n.endswith((".md", ".markdown"))]
    return sorted(found)


def _picklable(settings):
    kept = {}
    for key, value in settings.items():
        try:
            pickle.dumps(value)
        except Exception:  # noqa: BLE001, S112  (plugin state objects stay behind)
            continue
        kept[key] = value
    return kept


def read_ahead(state, settings, paths):
    """Parse the files the store lacks in parallel worker processes."""
    jobs = []
    for path in paths:
        stamp = store.file_stamp(path)
        state.stamps[path] = stamp
        entry = state.entries.get(path)
        if entry is None or entry[0] != stamp:
            jobs.append((path, stamp))
    workers = min(cores(), 8)
    if workers < 2 or len(jobs) < settings["KPU_READAHEAD_MIN_PARALLEL"]:
        return 0  # a few files: reading them in the build is quicker than starting workers
    try:
        with ProcessPoolExecutor(
            workers,
            mp_context=process_context(),
            initializer=start,
            initargs=(_picklable(settings),),
        ) as pool:
            chunk = max(1, min(64, len(jobs) // (workers * 8)))
            for path, stamp, result in pool.map(parse, jobs, chunksize=chunk):
                if result is not None:
                    state.entries[path] = (stamp, *result)
                    state.dirty = True
    except Exception as error:  # noqa: BLE001  (the build then reads the files itself)
        logger.warning("[kpu_readahead] pengurai paralel gagal (%s); dibaca satu per satu", error)
    return len(jobs)


def apply_settings(pelican):
    """Fill in the KPU_READAHEAD* defaults and stop at once on a bad one."""
    apply_schema(pelican.settings, SCHEMA, "kpu_readahead")


def wrap_reader(generator):
    """Give the generator's Markdown reader the store (parsing ahead on the first one)."""
    settings = generator.settings
    readers = getattr(generator, "readers", None)
    reader = getattr(readers, "readers", {}).get("md") if readers is not None else None
    if not settings["KPU_READAHEAD"] or reader is None or isinstance(reader.read, CachedRead):
        return
    state = settings.get(STATE_KEY)
    if state is None:
        folder = os.path.join(settings["CACHE_PATH"], "kpu_readahead")
        path = os.path.join(folder, config_digest(settings, reader) + ".pickle")
        state = ReadState(path, store.load(path))
        settings[STATE_KEY] = state
        count = read_ahead(state, settings, markdown_files(settings["PATH"]))
        logger.debug("[kpu_readahead] %d berkas diurai paralel", count)
    reader.read = CachedRead(reader, reader.read, state)


def save_store(generators):
    """Keep the store for the next build, without entries of files that are gone."""
    settings = generators[0].settings if generators else {}
    state = settings.get(STATE_KEY)
    if state is None:
        return
    stale = [path for path in state.entries if not os.path.exists(path)]
    for path in stale:
        del state.entries[path]
    if state.dirty or stale:
        store.save(state.path, state.entries)
    # The stamps were taken as this build began; a read after its reading is done (the live
    # preview re-reads an edited file from the site it keeps) must stamp the file again.
    state.stamps = {}
