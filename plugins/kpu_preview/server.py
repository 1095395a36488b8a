"""A livereload server that shows a failed build in the browser and restarts on code changes."""

import html
import os
import re
import subprocess
import sys
import threading
import time
import traceback
from pathlib import Path

from livereload import Server
from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
from tornado import web
from tornado.ioloop import IOLoop

HEAD_END = b"</head>"
BODY_START = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)
BANNER_ID = "kpu-pratinjau-gagal"
BANNER_TITLE = "Build terakhir GAGAL — situs di bawah ini versi terakhir yang berhasil."
BANNER_HINT = (
    "Perbaiki kesalahannya lalu simpan berkasnya; halaman ini diperbarui sendiri. "
    "Pita merah ini hanya ada di pratinjau, tidak pernah di situs terbit."
)
# livereload's own snippet, plus: when the socket comes back after being lost (the task
# restarted for new plugin code), reload, so the page shows what the new code built; and
# when it connects, ask which build the server shows now: a build that ended while this page
# loaded reloaded no one (its reload went to the sockets open then), so reload if it differs.
# It asks again 1 s and 3 s later: livereload.js reports "connected" before the server counts
# the socket among those it reloads, and a build ending in between reloaded neither.
# `window.kpuLiveConnected` tells a test that the page listens.
BUILD_PATH = "/__pratinjau/build"
LIVE_SCRIPT = (
    "<script>(function(){{"
    'var built="{generation}";'
    'var port=window.location.port||(window.location.protocol=="https:"?443:80);'
    'var s=document.createElement("script");'
    's.src="//"+window.location.hostname+":"+port+"/livereload.js?port="+port;'
    "document.head.appendChild(s);var lost=false;"
    'document.addEventListener("LiveReloadDisconnect",function(){{lost=true;}});'
    "function check(){{"
    'fetch("' + BUILD_PATH + '",{{cache:"no-store"}}).then(function(r){{return r.text();}})'
    ".then(function(now){{if(now!==built){{location.reload();}}}},function(){{}});}}"
    'document.addEventListener("LiveReloadConnect",function(){{window.kpuLiveConnected=true;'
    "if(lost){{location.reload();return;}}"
    "check();setTimeout(check,1000);setTimeout(check,3000);"
    "}});"
    "}})();</script>"
)


def live_script(generation):
    """Return the script for a page served while build number `generation` was shown."""
    return LIVE_SCRIPT.format(generation=int(generation)).encode()


class BuildNumberHandler(web.RequestHandler):
    """Answer which build the server shows now (the number the pages carry)."""

    server = None  # the PreviewServer (set per server)

    def get(self):
        """The number of builds reported, as text; never cached."""
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.write(str(self.server.generation))


# Ends a build child's report (the banner message, or nothing when the build succeeded).
REPORT_END = b"\0"
_TRACEBACK_PLACE = re.compile(r'File "(?P<file>[^"]+)", line (?P<line>\d+)')


def banner_html(message):
    """Return the banner naming a failed build's message (escaped: it quotes admin text)."""
    return (
        f'<div id="{BANNER_ID}" role="alert" style="margin:0;padding:1rem 1.25rem;'
        "background:#9b0016;color:#fff;border-bottom:4px solid #4d000b;"
        'font:16px/1.5 system-ui,sans-serif;text-align:left;position:relative;z-index:2147483647">'
        f'<strong style="display:block;font-size:1.15em;color:#fff">{BANNER_TITLE}</strong>'
        '<pre style="margin:.5rem 0;padding:0;white-space:pre-wrap;overflow-wrap:anywhere;'
        'background:none;border:0;color:#fff;font:14px/1.45 ui-monospace,monospace">'
        f"{html.escape(message.strip())}</pre>"
        f'<small style="display:block;color:#fff">{BANNER_HINT}</small></div>'
    ).encode()


class PreviewTransform(web.OutputTransform):
    """Add the live reload script, and the failure banner while the last build failed."""

    server = None  # the PreviewServer whose state is shown (set per server)

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        """Insert into an HTML page; its <head> and <body> tag come in the first chunk."""
        html_page = "html" in headers.get("Content-Type", "")
        if not html_page or not chunk or status_code == 206:  # a range: not the page's start
            return status_code, headers, chunk
        before = len(chunk)
        body = BODY_START.search(chunk)
        failure = self.server.failure
        if failure is not None and body is not None:
            chunk = chunk[: body.end()] + banner_html(failure) + chunk[body.end() :]
        script = live_script(self.server.generation)
        if HEAD_END in chunk:
            chunk = chunk.replace(HEAD_END, script + HEAD_END, 1)
        elif body is not None:  # Tornado's own error pages have no <head>
            chunk = chunk.replace(body.group(), body.group() + script, 1)
        if "Content-Length" in headers:
            headers["Content-Length"] = str(int(headers["Content-Length"]) + len(chunk) - before)
        return status_code, headers, chunk


class PreviewServer(Server):
    """livereload's Server serving the site folder with PreviewTransform.

    Rebuilds run in a forked child process (start_build), so this process answers requests
    with the last good site meanwhile, and the child, with one thread, may fork its workers.
    """

    def __init__(self, root, announce=""):
        super().__init__()
        self.root_folder = Path(root)
        self.announce = announce  # printed once the port listens: the address works then
        self.problems = {}  # "build" (the last build failed) or "code" (it does not load)
        self.restart_requested = False
        self.child = None  # the build running now: its process id, pipe and report so far
        self.next_build = None  # a build asked for while one runs: it runs after that one
        self.waiting = False  # for other threads to end before forking the next build
        # Builds reported, from a per-process start (milliseconds since the epoch): pages carry
        # it, BuildNumberHandler tells it. After a restart for new plugin code the count must
        # not start again at a number a page of the old process carries.
        self.generation = time.time_ns() // 1_000_000
        examine = self.watcher.examine

        def examine_unless_building():
            # livereload reloads the browsers after the tasks of a save; a build reloads
            # them itself when its pages are in place (a child that has reported only ends
            # its search index: a build asked for after it reloads at its own report).
            filepath, delay = examine()
            building = self.child is not None and not self.child["reported"]
            return (None, None) if building or self.next_build else (filepath, delay)

        self.watcher.examine = examine_unless_building

    @property
    def failure(self):
        """Return the text the banner shows, or None when all is well."""
        return "\n\n".join(self.problems.values()) or None

    def failed(self, message, kind="build"):
        """Show `message` on every page until `kind` is well again (and print it)."""
        self.problems[kind] = message.strip()
        print(message, file=sys.stderr, flush=True)

    def succeeded(self, kind="build"):
        """Remove `kind`'s message: a build succeeded, so the site served is the new one."""
        self.problems.pop(kind, None)

    def note_files(self):
        """Record the watched files as they are, so that only later saves count as changes.

        Without it livereload's first scan takes every file as new: it reloads the browsers
        connected by then, and runs the tasks of files dated after its start (a clock ahead:
        a restart for code would then follow every restart).
        """
        watcher = self.watcher  # livereload 2.7.1 (pinned): its examine() minus the tasks
        for path, task in watcher._tasks.items():
            watcher._task_mtimes = task["mtimes"]
            watcher.is_changed(path, task["ignore"])

    def start_build(self, build):
        """Run `build` in a child process; one asked for while a build runs runs after it.

        `build()` returns None when it succeeded, else the message for the banner; it must
        not touch this process's sockets or IOLoop. The browsers reload when the child has
        reported; the child then ends its other work (the search index) before it exits,
        and only then does the next build start.
        """
        if self.child is not None or self.waiting:
            self.next_build = build
            return
        if threading.active_count() > 1:
            # Forking beside another thread (work the first build left running) can
            # deadlock the child, and it would render on one core; fork once alone.
            self.next_build = build
            self.waiting = True
            IOLoop.current().call_later(0.1, self._start_next)
            return
        self.next_build = None
        read_end, write_end = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # pragma: no cover  (the child process)
            os.close(read_end)
            _run_child(build, write_end)
        os.close(write_end)
        os.set_blocking(read_end, False)
        self.child = {"pid": pid, "fd": read_end, "report": b"", "reported": False}
        IOLoop.current().add_handler(read_end, self._child_output, IOLoop.READ)

    def _child_output(self, fd, events):
        """Read the running build's report; at its end, start the build asked for meanwhile."""
        child = self.child
        try:
            data = os.read(fd, 65536)
        except (BlockingIOError, InterruptedError):
            return
        if data:
            child["report"] += data
            if REPORT_END in child["report"] and not child["reported"]:
                child["reported"] = True
                self._report(child["report"].split(REPORT_END)[0].decode(errors="replace"))
            return
        IOLoop.current().remove_handler(fd)
        os.close(fd)
        _, status = os.waitpid(child["pid"], 0)
        self.child = None
        if not child["reported"]:
            self._report(
                "BUILD GAGAL: proses build berhenti tanpa hasil "
                f"(kode keluar {os.waitstatus_to_exitcode(status)}; rincian di terminal)."
            )
        if self.restart_requested:
            self._stop_for_restart()
        else:
            self._start_next()

    def _start_next(self):
        """Start the build asked for while another one ran (or threads ran), if any."""
        self.waiting = False
        if self.next_build is not None and not self.restart_requested:
            self.start_build(self.next_build)

    def _report(self, message):
        """Show a build's result and reload the browsers onto it."""
        if message:
            self.failed(message)
        else:
            self.succeeded()
        self.generation += 1
        if not self.restart_requested:  # browsers reload when the new process is back
            LiveReloadHandler.reload_waiters()

    def wait_for_build(self):
        """Wait, without serving, until the running build's process has ended (at Ctrl+C)."""
        child, self.child = self.child, None
        if child is None:
            return
        try:
            IOLoop.current().remove_handler(child["fd"])
        except (KeyError, ValueError):
            pass
        os.set_blocking(child["fd"], True)
        while os.read(child["fd"], 65536):
            pass
        os.close(child["fd"])
        os.waitpid(child["pid"], 0)

    def request_restart(self):
        """Stop serving so the task can start again; browsers reload when it is back.

        A build running goes on to its end first (the site is served meanwhile).
        """
        self.restart_requested = True
        self.next_build = None
        if self.child is None:
            self._stop_for_restart()

    def _stop_for_restart(self):
        # Close the sockets now: a reload sent while the server stops would leave the
        # browser on an error page without the script that reconnects.
        for waiter in list(LiveReloadHandler.waiters):
            waiter.close()
        LiveReloadHandler.waiters.clear()
        IOLoop.current().stop()

    def application(self, port, host, liveport=None, debug=None, live_css=True):
        """Listen on `port` with the live reload socket and the site folder (one port only)."""
        LiveReloadHandler.watcher = self.watcher
        LiveReloadHandler.live_css = live_css
        # Every build ends with a reload; livereload drops a reload within 3 s of the last
        # one, and the browser would keep the page from before a quick second save.
        LiveReloadHandler.DEFAULT_RELOAD_TIME = 0
        transform = type("Transform", (PreviewTransform,), {"server": self})
        build_number = type("BuildNumber", (BuildNumberHandler,), {"server": self})
        handlers = [
            (BUILD_PATH, build_number),
            (r"/livereload", LiveReloadHandler),
            (r"/livereload.js", LiveReloadJSHandler),
            # The folder's path, opened per request: a build that replaces output/ as a
            # whole is served as soon as it is in place.
            (r"/(.*)", self.SFH, {"path": str(self.root_folder), "default_filename": "index.html"}),
        ]
        app = web.Application(handlers=handlers, transforms=[transform])
        app.listen(port, address=host)
        if self.announce:
            print(self.announce, flush=True)


def _run_child(build, fd):
    """In the forked child: build, report, let other work end, exit without cleanup.

    os._exit: the inherited IOLoop, sockets and atexit work belong to the server process.
    """
    status = 1
    try:
        message = build()
        report = (message or "").encode() + REPORT_END
        while report:
            report = report[os.write(fd, report) :]
        for thread in threading.enumerate():
            # As at exit: the search index, started after publishing, ends before the next
            # build may start.
            if thread is not threading.current_thread() and not thread.daemon:
                thread.join()
        status = 0
    except BaseException:  # noqa: BLE001  (Ctrl+C, or the server went away)
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def _place(path, line, root):
    """Return "path:line", relative to the project folder when it is inside it."""
    try:
        path = Path(path).resolve().relative_to(Path(root).resolve())
    except ValueError:
        pass
    return f"{path}:{line}"


def describe_exception(error, root):
    """Return "file:line: Kind: message" of an unexpected error, at the line that raised it."""
    if isinstance(error, SyntaxError) and error.filename:
        where = _place(error.filename, error.lineno or 1, root)
    else:
        frames = traceback.extract_tb(error.__traceback__)
        where = _place(frames[-1].filename, frames[-1].lineno, root) if frames else "?"
    return f"{where}: {type(error).__name__}: {error}"


def code_problem(root):
    """Return why the project's code cannot be loaded in a new process, or None if it can.

    A restart into code that does not import would end the preview; `invoke` loads tasks.py,
    which imports the plugins' shared modules.
    """
    result = subprocess.run(
        [sys.executable, "-c", "import tasks"], cwd=root, capture_output=True, text=True
    )
    if result.returncode == 0:
        return None
    lines = result.stderr.strip().splitlines() or ["?"]
    places = _TRACEBACK_PLACE.findall(result.stderr)
    where = _place(places[-1][0], places[-1][1], root) + ": " if places else ""
    return (
        "KODE GAGAL DIMUAT. Kode plugin atau pengaturan yang berubah tidak bisa dimuat, jadi "
        "pratinjau belum dimulai ulang dan masih memakai kode lama:\n"
        f"{where}{lines[-1]}"
    )


def restart():
    """Replace this process with a new run of the same command (same PID, code from disk)."""
    for thread in threading.enumerate():
        # As at exit: work still running (the search index of the last build) ends first.
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
