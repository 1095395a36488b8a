"""Render the pages that changed on every core: forked children share the parsed site.

Pelican renders one page after another on one core. By the time the writer has been handed
every page, the whole site is in memory, so forked children can render disjoint shares of
the pages without copying or pickling anything but their results.
"""

import logging
import os
import pickle
import threading
import traceback

from kpu_buildstate import cores, recording_warnings, replay
from kpu_incremental.tracing import tracer_for


class Job:
    """One page to render: where it goes and what it is rendered from."""

    __slots__ = ("name", "page", "path", "site", "template", "localcontext")

    def __init__(self, name, template, localcontext, site, page):
        self.name, self.template, self.localcontext = name, template, localcontext
        self.site, self.page, self.path = site, page, None


def can_fork(settings):
    """Tell whether pages may be rendered in forked children in this process."""
    return (
        settings["KPU_PARALLEL_RENDER"]
        and not settings.get("RELATIVE_URLS")  # each page would need its own site URL
        and hasattr(os, "fork")
        and cores() > 1
        and threading.active_count() == 1  # forking beside other threads can deadlock
    )


def render_one(job, state, readers=()):
    """Render and write one page; return (name, dependencies, warnings, facts) of it.

    `readers` are (kind, function) pairs applied to the HTML while it is in memory; the facts
    come with the file's size and time stamp so a reader of the file can trust them.
    """
    with recording_warnings() as warnings:
        output, touched = tracer_for(job.template.environment).render(
            job.template, job.localcontext
        )
    with open(job.path, "w", encoding="utf-8") as handle:
        handle.write(output)
    facts = None
    if readers:
        stat = os.stat(job.path)
        found = {kind: function(output) for kind, function in readers}
        facts = (stat.st_size, stat.st_mtime_ns, found)
    return job.name, state.dependencies(touched), warnings, facts


def render_all(jobs, state, readers=(), workers=None):
    """Render `jobs` over `workers` processes (this one included); return their results."""
    workers = min(workers or cores(), 8, max(1, len(jobs) // 16))
    shares = [jobs[i::workers] for i in range(workers)]
    children = [_fork(share, state, readers) for share in shares[1:]]
    results = [render_one(job, state, readers) for job in shares[0]]
    failures = []
    for pid, reader in children:
        with os.fdopen(reader, "rb") as handle:
            status, payload = pickle.loads(handle.read() or pickle.dumps(("error", "no reply")))
        os.waitpid(pid, 0)
        if status == "ok":
            for _name, _deps, warnings, _facts in payload:  # logged here, where they count
                replay(warnings)
            results += payload
        else:
            failures.append(payload)
    if failures:
        raise RuntimeError("Gagal membuat halaman:\n" + "\n".join(failures))
    return results


def _fork(share, state, readers):
    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        return pid, reader
    # The child: log nothing itself (the parent logs the warnings it sends back).
    os.close(reader)
    code = 0
    try:
        root = logging.getLogger()
        for handler in list(root.handlers):
            root.removeHandler(handler)
        reply = ("ok", [render_one(job, state, readers) for job in share])
    except BaseException:  # noqa: BLE001  (everything must reach the parent)
        reply, code = ("error", traceback.format_exc()), 1
    try:
        with os.fdopen(writer, "wb") as handle:
            handle.write(pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        os._exit(code)
