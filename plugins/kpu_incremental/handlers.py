"""Signal handlers of kpu_incremental: keep the previous output aside, record this build."""

import hashlib
import logging
import os
import shutil
import sys
import threading
from importlib import metadata

from pelican.log import console

from kpu_buildstate import load_pickle, save_pickle
from kpu_incremental.settings import SCHEMA
from kpu_incremental.writer import STATE_KEY, BuildState, IncrementalWriter, Record
from kpu_settings import apply_schema

logger = logging.getLogger(__name__)
# Bump when the meaning of a record changes, so old manifests are ignored.
FORMAT = 1


def _folder(settings):
    return os.path.join(settings["CACHE_PATH"], "kpu_incremental")


def _manifest(settings, output):
    """One manifest per output folder: a test or a second site may share the cache."""
    key = hashlib.blake2b(os.path.abspath(output).encode(), digest_size=6).hexdigest()
    return os.path.join(_folder(settings), f"manifest-{key}.pickle")


def load_manifest(path):
    """Read the previous build's records; a missing or damaged file means "none"."""
    rows = load_pickle(path, FORMAT, default={})
    return {name: Record(*row) for name, row in rows.items()}


def save_manifest(path, records):
    """Write the records atomically, so an interrupted build leaves the old file whole."""
    shared = {}  # equal dependency lists (and entries) stored once: pages share most of them

    def once(value):
        return shared.setdefault(value, value)

    rows = {
        name: (r.site, r.page, once(tuple(once(dep) for dep in r.deps)), r.size, r.mtime_ns)
        for name, r in records.items()
    }
    save_pickle(path, rows, FORMAT)


def code_digest(settings):
    """Digest the theme, the plugins and the library versions: any change renders all."""
    hasher = hashlib.blake2b(digest_size=16)
    versions = [sys.version] + [_version(name) for name in ("pelican", "jinja2", "markdown")]
    hasher.update(repr(versions).encode())
    roots = [settings.get("THEME", "")] + list(settings.get("PLUGIN_PATHS", []))
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = os.path.join(folder, name)
                hasher.update(os.path.relpath(path, root).encode())
                with open(path, "rb") as handle:
                    hasher.update(hashlib.blake2b(handle.read(), digest_size=16).digest())
    return hasher.hexdigest()


def _version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def move_aside(output, previous, retention):
    """Move the whole output folder to `previous` (same disk: a rename, not a copy).

    Pelican then starts from an empty output folder as before; files this build does not
    produce again are deleted with `previous` at the end, so nothing stale is published.
    """
    shutil.rmtree(previous, ignore_errors=True)
    os.makedirs(os.path.dirname(previous), exist_ok=True)
    try:
        os.rename(output, previous)
    except OSError as error:
        logger.debug("[kpu_incremental] output not moved aside (%s); rendering all", error)
        return None
    os.makedirs(output, exist_ok=True)
    for name in retention:  # OUTPUT_RETENTION: files Pelican must keep in the output
        kept = os.path.join(previous, name)
        if os.path.exists(kept):
            os.rename(kept, os.path.join(output, name))
    return previous


# Deletions still running from an earlier build of this process. Process state on purpose: a
# build must not start while the last one's leftovers are still being deleted beside it.
_DELETING = []


def discard(folder):
    """Delete the previous output's leftovers in the background (files not reused).

    Thousands of image links, share cards and index fragments would otherwise delay the end
    of every build; the interpreter still waits for this thread before it exits.
    """
    trash = f"{folder}.{os.getpid()}.{len(_DELETING)}.trash"
    try:
        os.rename(folder, trash)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return
    worker = threading.Thread(target=shutil.rmtree, args=(trash, True), name="kpu-discard")
    worker.start()
    _DELETING.append(worker)


def _wait_for_deletions(folder):
    while _DELETING:
        _DELETING.pop().join()
    parent = os.path.dirname(folder)
    if os.path.isdir(parent):  # leftovers of a build that was stopped while deleting
        for name in os.listdir(parent):
            if name.endswith(".trash"):
                shutil.rmtree(os.path.join(parent, name), ignore_errors=True)


def apply_settings(pelican):
    """Fill in KPU_INCREMENTAL and KPU_PARALLEL_RENDER and stop at once on a bad value."""
    apply_schema(pelican.settings, SCHEMA, "kpu_incremental")


def prepare(pelican):
    """Load the previous records and move the previous output aside, before Pelican cleans."""
    settings = pelican.settings
    if not settings["KPU_INCREMENTAL"]:
        return None
    folder = _folder(settings)
    _wait_for_deletions(os.path.join(folder, "previous"))
    previous = load_manifest(_manifest(settings, pelican.output_path))
    root = None
    if previous and pelican.delete_outputdir and os.path.isdir(pelican.output_path):
        aside = os.path.basename(_manifest(settings, pelican.output_path))[:-7]
        root = move_aside(
            pelican.output_path,
            os.path.join(folder, f"previous-{aside}"),
            pelican.output_retention,
        )
    settings[STATE_KEY] = BuildState(previous, root, code_digest(settings))
    return None  # get_generators: this handler adds no generator


def writer_class(pelican):
    """Hand Pelican the incremental writer."""
    if pelican.settings["KPU_INCREMENTAL"]:
        return IncrementalWriter
    return None


def finish(pelican):
    """Render the pages put off, record every file written or kept, drop what was not kept.

    Connected first among the `finalized` handlers (kpu_incremental comes early in
    PLUGINS): the sitemap, the search index and the output check read the pages.
    """
    state = pelican.settings.get(STATE_KEY)
    if state is None:
        return
    if state.writer is not None:
        state.writer.flush()
    records = {}
    for name, record in state.current.items():
        try:
            stat = os.stat(os.path.join(pelican.output_path, name))
        except OSError:
            continue
        record.size, record.mtime_ns = stat.st_size, stat.st_mtime_ns
        records[name] = record
    save_manifest(_manifest(pelican.settings, pelican.output_path), records)
    if state.previous_root:
        discard(state.previous_root)
    logger.info("[kpu_incremental] %d dibuat, %d tidak berubah", state.rendered, state.reused)
    console.print(
        f"Halaman: {state.rendered} dibuat, {state.reused} tidak berubah (dipakai ulang)."
    )


def restore_after_failure(settings):
    """Put the previous output back after a failed build, where this build wrote nothing.

    A content mistake stops the build before any page is written; without this, the preview
    would serve an empty folder until the mistake is fixed.
    """
    state = settings.get(STATE_KEY)
    if state is None or not state.previous_root or not os.path.isdir(state.previous_root):
        return 0
    output, restored = settings["OUTPUT_PATH"], 0
    for folder, _dirs, files in os.walk(state.previous_root):
        for name in files:
            source = os.path.join(folder, name)
            target = os.path.join(output, os.path.relpath(source, state.previous_root))
            if not os.path.exists(target):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.rename(source, target)
                restored += 1
    shutil.rmtree(state.previous_root, ignore_errors=True)
    return restored
