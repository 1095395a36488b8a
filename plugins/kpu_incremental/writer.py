"""A Pelican Writer that renders a page only when something it shows has changed.

Pelican 4.12 renders and writes every page on every build. This writer remembers, for each
page and feed, the site-wide digest, a digest of the page's own variables and the
fingerprints of the content items its template touched. When all of them match the previous
build and the previous build's file is still there untouched, that file is hard-linked into
the new output instead of being rendered again; signals fire as usual, so the other plugins still
see every page.
"""

import logging
import os
import shutil
import weakref
from dataclasses import dataclass

from pelican import signals
from pelican.writers import FileOverwriteFailedError, Writer

from kpu_buildstate import contract
from kpu_incremental.digest import fingerprint, identity, stable_digest
from kpu_incremental.parallel import Job, can_fork, render_all
from kpu_incremental.places import NOWHERE
from kpu_incremental.tracing import tracer_for

logger = logging.getLogger(__name__)
STATE_KEY = "KPU_INCREMENTAL_STATE"
# Pelican's bookkeeping while it writes pages, and this plugin's switch: never digested.
for _key in ("output_file", "localsiteurl", "KPU_PARALLEL_RENDER"):
    contract.per_build_key(_key)


@dataclass
class Record:
    """What one output file was made from, and the file as it was left."""

    site: str
    page: str
    deps: tuple
    size: int = -1
    mtime_ns: int = -1


class BuildState:
    """The previous build's records, this build's records and the digests met so far."""

    def __init__(self, previous, previous_root, code_digest, places=NOWHERE):
        self.previous = previous
        self.places = places  # the build's folders by name: digests hold no absolute path
        self.previous_root = previous_root
        self.code_digest = code_digest
        self.current = {}
        self.objects = {}
        self.fingerprints = {}
        self.checked = {}  # id of a previous dependency list -> still unchanged?
        self.site = None
        self.base = self.base_context = None
        self.memo = {}
        self.pending = None
        self.writer = None
        self.rendered = self.reused = 0
        self.warnings = 0
        self.counter = None
        self.stale_code = False

    def volatile(self, key):
        """Tell whether a context key holds per-build state rather than site data."""
        return contract.is_per_build(key)

    def site_digest(self, context):
        """Digest the shared context once per build (the first page written does it)."""
        if self.site is None:
            skip = {key for key in context if self.volatile(key)}
            self.base, self.base_context = dict(context), context
            self.site = stable_digest(
                [self.code_digest, context], skip=skip, found=self.objects, places=self.places
            )
        return self.site

    def page_digest(self, localcontext, candidates=None):
        """Digest what this page gets beyond the shared context (its item, its list page).

        `candidates` names the keys that can differ (the page's own variables); without it
        every key of the page's context is compared with the shared context.
        """
        base = self.base
        keys = localcontext if candidates is None else candidates
        own = {}
        for key in keys:
            if key in localcontext and not self.volatile(key):
                value = localcontext[key]
                if key not in base or base[key] is not value:
                    own[key] = value
        return stable_digest(own, found=self.objects, memo=self.memo, places=self.places)

    def fingerprint_of(self, key):
        """Return the current fingerprint of the content item named `key` (None if gone)."""
        if key not in self.fingerprints:
            item = self.objects.get(key)
            self.fingerprints[key] = None if item is None else fingerprint(item, self.places)
        return self.fingerprints[key]

    def dependencies(self, items):
        """Name and fingerprint the content items a page touched."""
        deps = []
        for item in items:
            key = identity(item)
            if key is not None:
                self.objects.setdefault(key, item)
                deps.append((key, self.fingerprint_of(key)))
        return tuple(sorted(deps))

    def unchanged(self, deps):
        """Tell whether every item in `deps` still has its recorded fingerprint.

        Pages share dependency lists (the manifest stores each distinct list once), so each
        list is checked once per build.
        """
        known = self.checked.get(id(deps))
        if known is None:
            fingerprints, fingerprint_of = self.fingerprints, self.fingerprint_of
            known = all(
                (fingerprints[key] if key in fingerprints else fingerprint_of(key)) == value
                for key, value in deps
            )
            self.checked[id(deps)] = known
        return known

    def reusable(self, name, site, page):
        """Return the previous build's file for `name` if nothing it depends on changed."""
        record = self.previous.get(name)
        if record is None or self.previous_root is None:
            return None
        if record.site != site or record.page != page or not self.unchanged(record.deps):
            return None
        path = os.path.join(self.previous_root, name)
        try:
            stat = os.stat(path)
        except OSError:
            return None
        if (stat.st_size, stat.st_mtime_ns) != (record.size, record.mtime_ns):
            return None  # changed by hand since: render it again
        return path, record


class _WarningCounter(logging.Handler):
    """Counts warnings so a page whose rendering warned is never reused (strict builds)."""

    def __init__(self, state):
        super().__init__(logging.WARNING)
        self.state = state

    def emit(self, record):
        self.state.warnings += 1


def count_warnings(state):
    """Start counting warnings for `state`; a counter a failed build left behind is removed.

    The counter holds the build's state, and so the whole site: one left on the root logger
    by each build would keep every earlier build alive in a long-running preview.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, _WarningCounter):
            root.removeHandler(handler)
    counter = _WarningCounter(state)
    root.addHandler(counter)
    return counter


def stop_counting(counter):
    """Remove a counter started by `count_warnings`."""
    if counter is not None:
        logging.getLogger().removeHandler(counter)
        counter.state = None


def foreign_listeners(signal):
    """Name the receivers of `signal` that come from outside the kit's plugins."""
    names = []
    for receiver in signal.receivers.values():
        function = receiver() if isinstance(receiver, weakref.ref) else receiver
        module = getattr(function, "__module__", "") or ""
        if function is not None and not module.startswith("kpu_"):
            names.append(f"{module}.{getattr(function, '__qualname__', function)}")
    return names


def _page_keys(kwargs):
    """Name the keys by which Pelican's context for one page can differ from the shared one."""
    keys = set(kwargs) | {"output_file", "localsiteurl", "SITEURL"}
    paginated = kwargs.get("paginated")
    lists = paginated if paginated is not None else {"articles", "dates"} & set(kwargs)
    for key in lists:
        keys |= {f"{key}_paginator", f"{key}_page", f"{key}_previous_page", f"{key}_next_page"}
    return keys


class _PlannedTemplate:
    """Stands in for a template: renders, or reuses the previous file when nothing changed."""

    def __init__(self, template, writer, context, candidates):
        self.template, self.writer, self.context = template, writer, context
        self.candidates = candidates

    def render(self, localcontext):
        state = self.writer.state
        name = localcontext["output_file"]
        site = state.site_digest(self.context)
        page = state.page_digest(localcontext, self.candidates)
        found = state.reusable(name, site, page)
        if found is not None:
            state.pending = (name, found[0])
            state.current[name] = found[1]
            state.reused += 1
            return ""
        if self.writer.jobs is not None:  # rendered later, on every core
            self.writer.jobs.append(Job(name, self.template, localcontext, site, page))
            return ""
        warnings_before = state.warnings
        output, touched = tracer_for(self.template.environment).render(self.template, localcontext)
        state.rendered += 1
        if state.warnings == warnings_before:
            state.current[name] = Record(site, page, state.dependencies(touched))
        else:
            state.current.pop(name, None)
        return output


class IncrementalWriter(Writer):
    """Pelican's Writer, skipping pages and feeds whose inputs did not change."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.state = (settings or {}).get(STATE_KEY)
        self.jobs = None
        self.linking = True
        if self.state is not None:
            self.state.writer = self
            foreign = foreign_listeners(signals.content_written)
            if foreign:
                # Plugins from outside the kit read (pelican-image-process) or rewrite in
                # place (pelican-seo) each page in content_written, out of the digest's sight:
                # every page is rendered, in order, so the file exists when the signal fires.
                logger.info("[kpu_incremental] semua halaman dibuat: %s", ", ".join(foreign))
                self.state.previous_root = None
            elif can_fork(self.settings):
                self.jobs = []
            # A file linked from the last site shares its bytes with it: with a plugin from
            # outside the kit that may rewrite files in place, reused files are copied.
            self.linking = not any(
                not str(name).startswith("kpu_") for name in self.settings.get("PLUGINS", [])
            )

    def flush(self):
        """Render the pages that were put off, on every core, and record what they used."""
        jobs = [job for job in self.jobs or [] if job.path is not None]
        self.jobs = None
        if not jobs:
            return
        by_name = {job.name: job for job in jobs}
        readers = contract.page_readers(self.settings)
        for name, deps, warnings, found in render_all(jobs, self.state, readers):
            job = by_name[name]
            if found is not None:
                contract.record_page_facts(self.settings, job.path, found)
            self.state.rendered += 1
            if not warnings:
                self.state.current[name] = Record(job.site, job.page, deps)

    def write_file(self, name, template, context, *args, **kwargs):
        """Render the page(s) as Pelican does, through a template that may reuse files."""
        if self.state is not None and name:
            self.state.site_digest(context)
            candidates = None
            if context is self.state.base_context and not args:
                candidates = _page_keys(kwargs)
            template = _PlannedTemplate(template, self, context, candidates)
        return super().write_file(name, template, context, *args, **kwargs)

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", **kwargs):
        """Write a feed, or move the previous one back if its items are unchanged."""
        state = self.state
        if state is None or not path:
            return super().write_feed(elements, context, path, url, feed_type, **kwargs)
        items = list(elements[: self.settings["FEED_MAX_ITEMS"]])
        site = state.site_digest(context)
        page = stable_digest(
            [url, feed_type, kwargs, items], found=state.objects, places=state.places
        )
        found = state.reusable(path, site, page)
        if found is not None:
            self._place(os.path.join(self.output_path, path), found[0])
            state.current[path] = found[1]
            state.reused += 1
            return None
        warnings_before = state.warnings
        feed = super().write_feed(elements, context, path, url, feed_type, **kwargs)
        state.rendered += 1
        if state.warnings == warnings_before:
            state.current[path] = Record(site, page, state.dependencies(items))
        return feed

    def _open_w(self, filename, encoding, override=False):
        pending = self._take_pending(filename)
        deferred = self.jobs[-1] if self.jobs and self.jobs[-1].path is None else None
        if pending is None and deferred is None:
            return super()._open_w(filename, encoding, override)
        claimed = self._claim(filename, override)
        if deferred is not None and pending is None:
            if claimed == os.devnull:
                self.jobs.pop()  # Pelican keeps an earlier file of that name
            else:
                deferred.path = filename  # the page put off by render() goes here
        elif claimed != os.devnull:
            self._place(filename, pending)
        return open(os.devnull, "w", encoding=encoding)

    def _claim(self, filename, override):
        """Do Pelican's bookkeeping of _open_w without opening (so truncating) the file."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            return os.devnull
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return filename

    def _take_pending(self, filename):
        state = self.state
        if state is None or state.pending is None:
            return None
        name, previous = state.pending
        state.pending = None
        if os.path.abspath(os.path.join(self.output_path, name)) != os.path.abspath(filename):
            return None
        return previous

    def _place(self, filename, previous):
        """Link the last complete site's file into place: same bytes, same time stamp.

        A link, not a move: that site stays whole in `output/` until this build replaces it.
        """
        os.makedirs(os.path.dirname(filename), exist_ok=True)
        if os.path.lexists(filename):
            os.remove(filename)
        if self.linking:
            try:
                os.link(previous, filename)
                return
            except OSError:
                pass
        shutil.copy2(previous, filename)
