"""The build contract: everything plugins share during one build, in one place.

A plugin never imports another plugin's internals. What one plugin hands another (the
output folders, facts about written pages, work still running, the sources behind pages,
HTML processors) goes through the functions here, kept on one `Build` object in the build's
settings. README "Writing a plugin" states the rules around it.
"""

import os
from dataclasses import dataclass, field

BUILD_KEY = "KPU_BUILD_STATE"  # ends in _STATE: never part of a page's digest

# Keys of the settings/context that hold per-build bookkeeping, or switches that change how a
# build runs but not what it writes. Each plugin registers its own at import; the registry
# is a set of names only (no build data), so keeping it in the module is safe.
_PER_BUILD_KEYS = set()


def per_build_key(key):
    """Declare that `key` holds per-build state, never site data; return `key`.

    Such keys are left out of page digests: their values differ on every build without
    changing what a page shows.
    """
    _PER_BUILD_KEYS.add(key)
    return key


def is_per_build(key):
    """Tell whether a settings/context key holds per-build state (declared, or named *_STATE)."""
    return key in _PER_BUILD_KEYS or (isinstance(key, str) and key.endswith("_STATE"))


@dataclass
class Build:
    """What plugins share during one build."""

    live_output: str = ""  # where the finished site is published (output/)
    staging: str = ""  # where this build writes; becomes live_output only if all went well
    previous: str | None = None  # the last complete site: read and link, never write or move
    page_readers: list = field(default_factory=list)  # (kind, function of a page's HTML)
    page_facts: dict = field(default_factory=dict)  # path -> (size, mtime_ns, {kind: result})
    background: list = field(default_factory=list)  # futures that must finish before publishing
    after_publish: list = field(default_factory=list)  # functions(live_output) run after a swap
    fragment_processors: list = field(default_factory=list)  # functions(html, source_dir, ...)
    picture_planner: object = None  # function(path, alt, settings) -> (Picture | None, problems)
    sources: dict = field(default_factory=dict)  # output path -> content source path
    leaks: list = field(default_factory=list)  # (output path, message)
    forbidden: dict = field(default_factory=dict)  # output path that must not exist -> message
    strict: object = None  # collector of warnings in strict builds: .messages, .stop()
    ppid_offers: list = field(default_factory=list)  # (source, metadata, body, row) items
    claimed_folders: dict = field(default_factory=dict)  # content folder -> owning plugin


def start_build(settings):
    """Give this build a fresh Build (at `initialized`, before any plugin uses it)."""
    settings[BUILD_KEY] = Build()
    return settings[BUILD_KEY]


def build(settings):
    """Return this build's Build, starting one if no plugin has yet."""
    state = settings.get(BUILD_KEY)
    if state is None:
        state = start_build(settings)
    return state


# The output folders ---------------------------------------------------------------------


def previous_output(settings):
    """Return the last complete site's folder to reuse files from (read-only), or None."""
    return build(settings).previous


def output_path(settings):
    """Return the folder this build writes into (the staging folder while building)."""
    state = build(settings)
    return state.staging or settings["OUTPUT_PATH"]


def write_or_keep(settings, path, data):
    """Write bytes to `path`, or hard-link the last site's identical copy in its place.

    For files a plugin writes itself (not through Pelican's writer): a rebuild that changes
    nothing then touches nothing, since the search index and the incremental writer read time
    stamps. A file already at `path` is removed first, as it may be a hard link to the last
    site's copy, which is never written.
    """
    if os.path.exists(path):
        os.remove(path)
    previous = previous_output(settings)
    if previous:
        old = os.path.join(previous, relative_output(settings, path))
        try:
            with open(old, "rb") as handle:
                if handle.read() == data:
                    os.link(old, path)
                    return
        except OSError:
            pass
    with open(path, "wb") as handle:
        handle.write(data)


# Facts about written pages --------------------------------------------------------------


def ask_for_page_facts(settings, kind, function):
    """Have `function(html)` computed for each page as it is written (no second read of it)."""
    build(settings).page_readers.append((kind, function))


def page_readers(settings):
    """Return the (kind, function) pairs asked for with `ask_for_page_facts`."""
    return list(build(settings).page_readers)


def record_page_facts(settings, path, facts):
    """Keep (size, mtime_ns, {kind: result}) for the page at `path` (the writer does this)."""
    build(settings).page_facts[path] = facts


def page_facts(settings):
    """Return {path: (size, mtime_ns, {kind: result})}: trust a result only if the stamp holds."""
    return build(settings).page_facts


# Work that outlives a handler -----------------------------------------------------------


def add_background_work(settings, future):
    """Register work (a concurrent.futures.Future) the output depends on.

    The output is published only once every such future has finished without error.
    """
    build(settings).background.append(future)


def finish_background_work(settings):
    """Wait for every registered future; re-raise the first failure."""
    state = build(settings)
    failure = None
    while state.background:
        work = state.background.pop(0)
        try:
            work.result()
        except BaseException as error:  # noqa: BLE001  (wait for all, then report)
            failure = failure or error
    if failure is not None:
        raise failure


def run_after_publish(settings, function):
    """Run `function(live_output)` once the finished site has replaced the previous one."""
    build(settings).after_publish.append(function)


# HTML shared between plugins ------------------------------------------------------------


def add_fragment_processor(settings, function):
    """Offer `function(html, source_dir, settings, eager_first) -> (html, problems)` to others.

    kpu_images registers its image rewrite here, so collections other than Pelican's (PPID
    bodies) get responsive, metadata-free images without importing kpu_images.
    """
    build(settings).fragment_processors.append(function)


def process_fragment(settings, fragment, source_dir, eager_first=True):
    """Run every registered fragment processor on an HTML fragment; return (html, problems)."""
    problems = []
    for function in build(settings).fragment_processors:
        fragment, found = function(fragment, source_dir, settings, eager_first)
        problems += found
    return fragment, problems


def offer_picture_planner(settings, function):
    """Offer `function(path, alt, settings) -> (picture or None, problems)` to other plugins.

    kpu_images registers here how one photo file becomes a responsive, metadata-free Picture
    (the object its `picture` template filter prints), so a collection that shows photos
    without an <img> in a fragment (gallery albums) uses the same pipeline and cache.
    """
    build(settings).picture_planner = function


def plan_picture(settings, path, alt):
    """Plan one photo through the offered planner; return (picture or None, problems)."""
    planner = build(settings).picture_planner
    if planner is None:
        return None, [
            'foto tidak dapat diterbitkan: PLUGINS di pelicanconf.py wajib memuat "kpu_images" '
            "sebelum plugin yang menampilkan foto."
        ]
    return planner(path, alt, settings)


# Content folders ------------------------------------------------------------------------


def claim_folder(settings, folder, plugin):
    """Declare that `plugin` reads `folder` (relative to content/) with its own generator.

    The gate then judges the folder's files as content (kpu_gallery claims content/galeri/,
    kpu_stages content/tahapan/). Inside another plugin's folder, the owner skips it:
    kpu_service_report claims content/ppid/register/, where kpu_ppid then reads no item.
    Claim at `initialized`, before any generator reads.
    """
    build(settings).claimed_folders[folder.strip("/")] = plugin


def claimed_folders(settings):
    """Return {folder relative to content/: plugin} claimed with `claim_folder`."""
    return dict(build(settings).claimed_folders)


# DIP items made by other plugins ---------------------------------------------------------


@dataclass(frozen=True)
class DataRow:
    """Where an offered PPID item comes from when it is one row of a shared data file.

    Many items then share one source file: kpu_ppid names each by its slug as well, points
    its messages at `line`, shows `label` beside the item and `note` once above the list, and
    says `clash_hint` when an item file of the office takes the same slug.
    """

    label: str  # shown with the item, e.g. "daftar nasional KPU RI"
    line: int  # the row's line in the data file
    note: str = ""  # said once about the whole list where it is shown (the decree behind it)
    clash_hint: str = ""  # what to do when an office's own item file has the same slug


def offer_ppid_item(settings, source, metadata, body, row=None):
    """Offer a PPID item made from data (the service report, the national DIK) to kpu_ppid.

    `metadata` holds the same fields as an item file in content/ppid/ (text values) and is
    checked by the same rules; `source` is the file behind it, for messages (relative to
    content/, or absolute for a file the kit ships); `row` is a DataRow when the item is one
    row of a file of many. Offer before kpu_ppid reads its items: from a generator listed
    before kpu_ppid in PLUGINS.
    """
    build(settings).ppid_offers.append((source, dict(metadata), body, row))


def offered_ppid_items(settings):
    """Return the (source, metadata, body, row) PPID items offered with `offer_ppid_item`."""
    return list(build(settings).ppid_offers)


# What the output check needs to know ----------------------------------------------------


def record_page_source(settings, page, source):
    """Note the content file behind an output page (relative to the output folder)."""
    build(settings).sources[page] = source


def page_sources(settings):
    """Return {output page: content source path}."""
    return build(settings).sources


def report_leak(settings, page, message):
    """Report an output page that must not be published, with the reason."""
    build(settings).leaks.append((page, message))


def leaks(settings):
    """Return the (page, message) pairs reported with `report_leak`."""
    return list(build(settings).leaks)


def forbid_output(settings, path, message):
    """Declare an output path (file or folder) that must not exist in a published build."""
    build(settings).forbidden[path.rstrip("/")] = message


def forbidden_outputs(settings):
    """Return {output path: message} of paths that must not exist."""
    return dict(build(settings).forbidden)


def relative_output(settings, path):
    """Return `path` relative to the folder this build writes into."""
    return os.path.relpath(path, output_path(settings)).replace(os.sep, "/")
