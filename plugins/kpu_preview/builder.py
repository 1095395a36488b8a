"""The preview's build process: one site kept in memory from save to save.

`invoke livereload` starts this process once (and again when plugin code or settings change).
It reads build requests, one JSON line each, on standard input, and reports on the file
descriptor it is given, one JSON line per event:

- `{"event": "written", "message": null, "fast": true, "pages": [...]}`: the pages of the
  edited items were rewritten in output/ from the site kept in memory (the "fast" step);
- `{"event": "written", "message": null|"...", "fast": false}`: a whole incremental build
  ended: output/ holds the new site (message None), or the last good one and the message;
- `{"event": "idle"}`: no request waits and the search index of the last build is written.

Why a process of its own: the server keeps serving the last good site, and its browsers stay
connected, while a build runs or this process restarts with new code. Why the fast step:
a full build of 5,000 items takes seconds even when it renders one page (it reads and plans
the whole site); an edit of one item's text is shown from memory first, then the full build
brings every list, feed and the search index up to date and replaces output/ as a whole.
"""

import argparse
import gc
import json
import logging
import os
import resource
import select
import sys
import threading
import time
import traceback
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.writers import Writer

logger = logging.getLogger(__name__)

# What must be equal between the kept item and the edited one for the fast step: where the
# page goes and how it is made. Anything else (title, text, fields) may change: lists, feeds
# and the other pages that show the item follow with the full build.
SAME_PLACE = ("save_as", "url", "template", "status", "lang", "in_default_lang")
FORMATS = (".md", ".markdown", ".mkd", ".mdown")


class BuildInterrupted(BaseException):
    """A newer request arrived during a full build: stop it (output/ is left as it was).

    A BaseException, so Pelican's readers, which log and skip an Exception, let it through.
    """


class Requests:
    """Build requests read from a file descriptor, without a thread (builds fork workers)."""

    def __init__(self, fd):
        self.fd = fd
        self.buffer = b""
        self.ended = False
        self.waiting = []  # requests read but not handled yet

    def poll(self, timeout=0.0):
        """Read what has arrived within `timeout` seconds; True if a request is waiting."""
        while not self.ended and select.select([self.fd], [], [], timeout)[0]:
            data = os.read(self.fd, 65536)
            if not data:
                self.ended = True
                break
            self.buffer += data
            *lines, self.buffer = self.buffer.split(b"\n")
            self.waiting += [json.loads(line) for line in lines if line.strip()]
            timeout = 0.0
        return bool(self.waiting)

    def take(self):
        """Return every waiting request merged into one: changed paths joined, flags or-ed."""
        merged = {"changed": [], "first": False, "unknown": False}
        for request in self.waiting:
            if request.get("changed") is None:
                merged["unknown"] = True  # a file was removed, or livereload could not say
            else:
                merged["changed"] += request["changed"]
            merged["first"] = merged["first"] or bool(request.get("first"))
        self.waiting = []
        merged["changed"] = sorted(set(merged["changed"]))
        return merged


class KeptSite:
    """The generators and context of the last successful full build."""

    def __init__(self, generators):
        self.generators = generators
        self.context = generators[0].context if generators else {}
        self.settings = generators[0].settings if generators else {}

    def find(self, path):
        """Return (item, generator, list) of the published article or page read from `path`."""
        real = os.path.realpath(path)
        for generator in self.generators:
            if isinstance(generator, ArticlesGenerator):
                lists = (generator.articles,)
            elif isinstance(generator, PagesGenerator):
                lists = (generator.pages, generator.hidden_pages)
            else:
                continue
            for items in lists:
                for item in items:
                    if os.path.realpath(item.source_path) == real:
                        return item, generator, items
        return None, None, None


class _AtomicWriter(Writer):
    """Pelican's Writer, writing each page beside its place and renaming it over the old one.

    Files in output/ are hard links shared with the kept copy of the last site (the next
    build reuses them): writing into one in place would change both.
    """

    def __init__(self, output_path, settings, replaced):
        super().__init__(output_path, settings=settings)
        self.replaced = replaced  # path -> link to the file it replaced (or None: new file)

    def _open_w(self, filename, encoding, override=False):
        handle = super()._open_w(filename + ".pratinjau-baru", encoding, override)
        writer = self

        class _Renaming:
            def __enter__(self):
                return handle.__enter__()

            def __exit__(self, *exc):
                handle.__exit__(*exc)
                if exc[0] is None:
                    writer.put_in_place(filename)
                else:
                    os.unlink(filename + ".pratinjau-baru")
                return False

        return _Renaming()

    def put_in_place(self, filename):
        """Keep a link to the file being replaced (to restore it), then rename the new one in."""
        if filename not in self.replaced:
            keep = None
            if os.path.exists(filename):
                keep = filename + ".pratinjau-lama"
                if os.path.lexists(keep):
                    os.unlink(keep)
                os.link(filename, keep)
            self.replaced[filename] = keep
        os.replace(filename + ".pratinjau-baru", filename)


class Session:
    """Builds of one project, with the site of the last good build kept for the fast step."""

    def __init__(self, conf, overrides, root, report, requests):
        self.conf, self.overrides, self.root = conf, overrides, Path(root)
        self.report_fd, self.requests = report, requests
        self.kept = None  # KeptSite of the last full build, while no later build failed
        self.captured = None
        self.replaced = {}  # files the fast step replaced since the last full build
        self.full_build_running = False
        self.pid = os.getpid()
        signals.all_generators_finalized.connect(self._capture)
        signals.content_object_init.connect(self._maybe_interrupt)
        signals.content_written.connect(self._maybe_interrupt)

    # -- signals ------------------------------------------------------------------------

    def _capture(self, generators):
        if self.full_build_running:
            self.captured = list(generators)

    def _maybe_interrupt(self, *args, **kwargs):
        """Stop a full build at its next item or page when a newer request is waiting."""
        if self.full_build_running and os.getpid() == self.pid and self.requests.poll():
            raise BuildInterrupted()

    # -- reports ------------------------------------------------------------------------

    def report(self, **event):
        """Send one event to the server, as a JSON line (with this process's peak memory)."""
        event["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        data = (json.dumps(event) + "\n").encode()
        while data:
            data = data[os.write(self.report_fd, data) :]

    # -- the loop -----------------------------------------------------------------------

    def serve(self):
        """Handle requests until standard input ends; report idle whenever there is none."""
        idle_reported = True
        while not self.requests.ended or self.requests.waiting:
            if not self.requests.poll(timeout=0.2 if idle_reported else 0.05):
                if not idle_reported and not _background_work():
                    self.report(event="idle")
                    idle_reported = True
                continue
            self.handle(self.requests.take())
            idle_reported = False

    def handle(self, request):
        """Show the edit from memory when it can be, then build the whole site."""
        if not request["first"] and not request["unknown"] and self.kept is not None:
            started = time.perf_counter()
            pages = self.fast_step(request["changed"])
            if pages:
                self.report(event="written", message=None, fast=True, pages=pages)
                print(
                    f"Pratinjau cepat: {len(pages)} halaman ditulis ulang dalam "
                    f"{time.perf_counter() - started:.2f} detik; build lengkap menyusul.",
                    flush=True,
                )
        overrides = {} if request["first"] else {"KPU_SEARCH_WAIT": False}
        try:
            message = self.full_build(overrides)
        except BuildInterrupted:
            print("Build dihentikan: ada simpanan baru, build diulang.", flush=True)
            return
        self.report(event="written", message=message, fast=False)

    # -- full builds --------------------------------------------------------------------

    def settings(self, **overrides):
        """Read the settings file with the project's overrides and this build's."""
        from pelican.settings import read_settings

        return read_settings(str(self.conf), override={**self.overrides, **overrides})

    def full_build(self, overrides):
        """Run one whole (incremental) build; return the banner's message, or None."""
        from pelican import Pelican

        from kpu_messages import AdminFacingError

        # The site kept so far stays until this build succeeds: a save during the build
        # interrupts it, and its fast step needs a site.
        self.captured = None
        gc.collect()
        self.full_build_running = True
        try:
            Pelican(self.settings(**overrides)).run()
        except AdminFacingError as error:
            self.forget_site()
            return f"\nBUILD GAGAL. {error}\n"
        except BuildInterrupted:
            raise
        except Exception as error:  # noqa: BLE001  (a plugin or settings bug: show it too)
            self.forget_site()
            traceback.print_exc()
            from kpu_preview.server import describe_exception

            return "BUILD GAGAL karena galat program (rincian lengkap di terminal):\n" + (
                describe_exception(error, self.root)
            )
        finally:
            self.full_build_running = False
        self.forget_replaced()
        self.kept = KeptSite(self.captured) if self.captured else None
        self.captured = None
        return None

    # -- the fast step ------------------------------------------------------------------

    def fast_step(self, changed):
        """Rewrite the pages of edited articles and pages; return their names, or []."""
        kept = self.kept
        edits = []
        for path in changed:
            if not path.endswith(FORMATS) or not os.path.isfile(path):
                return []
            item, generator, items = kept.find(path)
            if item is None:
                return []
            edits.append((item, generator, items))
        try:
            return [self.rewrite(*edit) for edit in edits]
        except BuildInterrupted:
            raise
        except Exception:  # noqa: BLE001  (the full build that follows reports it properly)
            logger.debug("pratinjau cepat dilewati", exc_info=True)
            return []

    def rewrite(self, item, generator, items):
        """Read one edited item again and write its page in place of the old one."""
        from kpu_messages import PROBLEMS_KEY

        context = generator.context
        before = dict(context.get(PROBLEMS_KEY, {}))
        kind = Article if isinstance(generator, ArticlesGenerator) else Page
        edited = generator.readers.read_file(
            base_path=generator.path,
            path=os.path.relpath(item.source_path, generator.path),
            content_class=kind,
            context=context,
            preread_signal=getattr(signals, f"{_signal_prefix(kind)}_generator_preread"),
            preread_sender=generator,
            context_signal=getattr(signals, f"{_signal_prefix(kind)}_generator_context"),
            context_sender=generator,
        )
        if context.get(PROBLEMS_KEY, {}) != before:
            context[PROBLEMS_KEY] = before
            raise ValueError("the edit has a content problem: the full build reports it")
        if not edited.is_valid() or any(
            getattr(edited, name, None) != getattr(item, name, None) for name in SAME_PLACE
        ):
            raise ValueError("the item moved or changed kind: only a full build places it")
        # What plugins added once all items were read (related items, photos, share kits)
        # is kept from the last build until the full build computes it again.
        for name, value in vars(item).items():
            if name not in vars(edited):
                setattr(edited, name, value)
        if hasattr(edited, "refresh_metadata_intersite_links"):
            edited.refresh_metadata_intersite_links()
        _replace_everywhere(context, item, edited)
        for index, element in enumerate(items):  # when the context does not hold the list
            if element is item:
                items[index] = edited
        # The live output: the build wrote into a staging folder, swapped in at its end.
        output = self.overrides.get("OUTPUT_PATH") or generator.settings["OUTPUT_PATH"]
        writer = _AtomicWriter(output, generator.settings, self.replaced)
        arguments = {"override_output": hasattr(edited, "override_save_as"), "url": edited.url}
        if kind is Article:
            arguments |= {"article": edited, "category": getattr(edited, "category", None)}
            arguments |= {"blog": True}
        else:
            arguments["page"] = edited
        writer.write_file(
            edited.save_as,
            generator.get_template(edited.template),
            context,
            relative_urls=generator.settings["RELATIVE_URLS"],
            **arguments,
        )
        return edited.save_as

    def forget_site(self):
        """After a failed full build: put back the pages the fast step replaced, and drop the
        kept site (it holds the edited items); the next fast step waits for a good build."""
        self.kept = None
        self.restore_replaced()

    def restore_replaced(self):
        """Put back the pages the fast step replaced since the last full build."""
        for path, keep in self.replaced.items():
            if keep is None:
                _unlink(path)
            else:
                os.replace(keep, path)
        self.replaced = {}

    def forget_replaced(self):
        """After a full build replaced output/: the links kept for a restore are not needed."""
        for keep in self.replaced.values():
            if keep is not None:
                _unlink(keep)
        self.replaced = {}


def _signal_prefix(kind):
    return "article" if kind is Article else "page"


def _replace_everywhere(context, old, new):
    """Put `new` where `old` was in the context's lists (and lists in its dicts and pairs)."""
    for value in list(context.values()):
        _replace_in(value, old, new, depth=0)


def _replace_in(value, old, new, depth):
    if depth > 2:
        return
    if isinstance(value, list):
        for index, element in enumerate(value):
            if element is old:
                value[index] = new
            elif isinstance(element, (list, tuple)):
                _replace_in(element, old, new, depth + 1)
    elif isinstance(value, dict):
        for element in value.values():
            _replace_in(element, old, new, depth + 1)
    elif isinstance(value, tuple):
        for element in value:
            if isinstance(element, list):
                _replace_in(element, old, new, depth + 1)


def _unlink(path):
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _background_work():
    """Tell whether work of the last build (the search index) still runs in this process."""
    current = threading.current_thread()
    return any(t is not current and not t.daemon and t.is_alive() for t in threading.enumerate())


def command(root, conf, overrides, report_fd):
    """Return the command line that starts this process for a project."""
    plugins = os.path.join(str(root), "plugins")
    start = f"import sys; sys.path[:0] = {[plugins, str(root)]!r}; "
    return [
        sys.executable,
        "-c",
        start + "from kpu_preview.builder import main; main()",
        "--root",
        str(root),
        "--conf",
        str(conf),
        "--overrides",
        json.dumps(overrides),
        "--report-fd",
        str(report_fd),
    ]


def main(argv=None):
    """Build on request until standard input closes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True)
    parser.add_argument("--conf", required=True)
    parser.add_argument("--overrides", default="{}")
    parser.add_argument("--report-fd", type=int, required=True)
    args = parser.parse_args(argv)
    root = Path(args.root)
    for folder in (root, root / "plugins"):
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    os.chdir(root)
    session = Session(
        args.conf, json.loads(args.overrides), root, args.report_fd, Requests(sys.stdin.fileno())
    )
    try:
        session.serve()
    except KeyboardInterrupt:
        pass
    finally:
        sys.stdout.flush()
        sys.stderr.flush()


if __name__ == "__main__":
    main()
