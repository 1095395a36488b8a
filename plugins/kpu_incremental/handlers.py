"""Signal handlers of kpu_incremental: reuse the last complete site's pages, record this build."""

import hashlib
import logging
import os
import sys
from importlib import metadata

from pelican.log import console

from kpu_buildstate import contract, load_pickle, save_pickle
from kpu_incremental.places import build_places
from kpu_incremental.settings import SCHEMA
from kpu_incremental.writer import (
    STATE_KEY,
    BuildState,
    IncrementalWriter,
    Record,
    count_warnings,
    stop_counting,
)
from kpu_settings import apply_schema

logger = logging.getLogger(__name__)
# Bump when the meaning of a record changes, so old manifests are ignored.
FORMAT = 2


def _folder(settings):
    return os.path.join(settings["CACHE_PATH"], "kpu_incremental")


def _manifest(settings, output):
    """One manifest per output folder: dev and publish builds, tests or a second site.

    Named by the output folder relative to the cache, not by its absolute path: a project
    checked out elsewhere with its cache/ restored (CI) finds its manifests again.
    """
    where = os.path.relpath(os.path.abspath(output), os.path.abspath(settings["CACHE_PATH"]))
    key = hashlib.blake2b(where.replace(os.sep, "/").encode(), digest_size=6).hexdigest()
    return os.path.join(_folder(settings), f"manifest-{key}.pickle")


def load_manifest(path, places):
    """Read the previous build's records; a missing or damaged file means "none"."""
    rows = load_pickle(path, FORMAT, default={})
    local = {}  # each distinct dependency list translated once: pages share most of them

    def translated(deps):
        if id(deps) not in local:
            local[id(deps)] = (deps, tuple((places.local_key(k), f) for k, f in deps))
        return local[id(deps)][1]

    return {
        name: Record(site, page, translated(deps), size, mtime_ns)
        for name, (site, page, deps, size, mtime_ns) in rows.items()
    }


def save_manifest(path, records, places):
    """Write the records atomically, so an interrupted build leaves the old file whole.

    Content items are named by `places`, never by an absolute path (see load_manifest).
    """
    shared = {}  # equal dependency lists (and entries) stored once: pages share most of them

    def once(value):
        return shared.setdefault(value, value)

    portable = {}

    def translated(deps):
        if id(deps) not in portable:
            entries = tuple(once((places.portable_key(k), f)) for k, f in deps)
            portable[id(deps)] = (deps, once(entries))
        return portable[id(deps)][1]

    rows = {
        name: (r.site, r.page, translated(r.deps), r.size, r.mtime_ns)
        for name, r in records.items()
    }
    save_pickle(path, rows, FORMAT)


# Digest of each plugin source file as this process first read it. Plugins are imported once
# per process, so a later edit does not change the code that renders; a pure memo.
_LOADED_CODE = {}


def code_digest(settings):
    """Digest the theme, the plugins and the library versions: any change renders all.

    Returns (digest, stale). `stale` is True when a plugin file changed since this process
    loaded it: the pages it renders come from the old code, so none may be recorded.
    """
    hasher = hashlib.blake2b(digest_size=16)
    versions = [sys.version] + [_version(name) for name in ("pelican", "jinja2", "markdown")]
    hasher.update(repr(versions).encode())
    stale = False
    roots = [settings.get("THEME", "")] + list(settings.get("PLUGIN_PATHS", []))
    for index, root in enumerate(roots):
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = os.path.join(folder, name)
                with open(path, "rb") as handle:
                    digest = hashlib.blake2b(handle.read(), digest_size=16).digest()
                if index and name.endswith(".py"):  # templates are read again every build
                    loaded = _LOADED_CODE.setdefault(os.path.abspath(path), digest)
                    stale = stale or loaded != digest
                hasher.update(os.path.relpath(path, root).encode())
                hasher.update(digest)
    return hasher.hexdigest(), stale


def _version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def apply_settings(pelican):
    """Fill in KPU_INCREMENTAL and KPU_PARALLEL_RENDER and stop at once on a bad value."""
    apply_schema(pelican.settings, SCHEMA, "kpu_incremental")


def prepare(pelican):
    """Load the previous build's records and start this build's state, before any output."""
    settings = pelican.settings
    if not settings["KPU_INCREMENTAL"]:
        return None
    build = contract.build(settings)
    live = build.live_output or pelican.output_path
    places = build_places(settings, live, build.staging)
    previous = load_manifest(_manifest(settings, live), places)
    root = contract.previous_output(settings) if previous else None
    digest, stale = code_digest(settings)
    if stale:
        console.print(
            "Kode plugin berubah sejak proses ini dimulai: semua halaman dibuat ulang dan tidak "
            "dicatat. Mulai ulang perintahnya agar kode baru dipakai."
        )
        root, previous = None, {}
    state = BuildState(previous, root, digest, places)
    state.stale_code = stale
    state.counter = count_warnings(state)
    settings[STATE_KEY] = state
    return None  # get_generators: this handler adds no generator


def writer_class(pelican):
    """Hand Pelican the incremental writer."""
    if pelican.settings["KPU_INCREMENTAL"]:
        return IncrementalWriter
    return None


def finish(pelican):
    """Render the pages put off, record every file written or kept.

    Connected first among the `finalized` handlers (kpu_incremental comes early in
    PLUGINS): the sitemap, the search index and the output check read the pages.
    """
    state = pelican.settings.get(STATE_KEY)
    if state is None:
        return
    try:
        if state.writer is not None:
            state.writer.flush()
    finally:
        stop_counting(state.counter)
    records = {}
    for name, record in state.current.items():
        try:
            stat = os.stat(os.path.join(pelican.output_path, name))
        except OSError:
            continue
        record.size, record.mtime_ns = stat.st_size, stat.st_mtime_ns
        records[name] = record
    if not state.stale_code:
        _save_when_published(pelican.settings, records, state.places)
    logger.info("[kpu_incremental] %d dibuat, %d tidak berubah", state.rendered, state.reused)
    console.print(
        f"Halaman: {state.rendered} dibuat, {state.reused} tidak berubah (dipakai ulang)."
    )


def _save_when_published(settings, records, places):
    """Record this build's files once its site is the one in place.

    With kpu_output's staging folder that is after the swap: a build failing later (the
    output check) leaves the previous site and the manifest that describes it as they were.
    """
    build = contract.build(settings)
    live = build.live_output or settings["OUTPUT_PATH"]
    path = _manifest(settings, live)
    if build.staging:
        contract.run_after_publish(settings, lambda _live: save_manifest(path, records, places))
    else:
        save_manifest(path, records, places)
