"""A livereload server that shows a failed build in the browser and restarts on code changes."""

import html
import json
import os
import re
import signal
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
# livereload's own snippet, made to survive the server going away (a restart for new code of
# the preview itself), plus: when it connects, ask which build the server shows now: a build
# that ended while this page loaded reloaded no one (its reload went to the sockets open
# then), so reload if it differs. It asks again 1 s and 3 s later: livereload.js reports
# "connected" before the server counts the socket among those it reloads, and a build ending
# in between reloaded neither. When the socket is lost, or livereload.js could not be loaded,
# it asks every second until the server answers: a new build number means reload (livereload.js
# alone would retry after up to a minute, and a script that failed to load never).
# `window.kpuLiveConnected` tells a test that the page listens.
BUILD_PATH = "/__pratinjau/build"
LIVE_SCRIPT = (
    "<script>(function(){"
    'var built="@GENERATION@",lost=false,loaded=false,asking=null;'
    'var port=location.port||(location.protocol=="https:"?443:80);'
    "function ask(then){"
    'fetch("' + BUILD_PATH + '",{cache:"no-store"})'
    ".then(function(r){if(!r.ok){throw r.status;}return r.text();})"
    ".then(function(now){if(now!==built){location.reload();}else if(then){then();}},"
    "function(){});}"
    "function load(){"
    'var s=document.createElement("script");'
    's.src="//"+location.hostname+":"+port+"/livereload.js?port="+port;'
    "s.onload=function(){loaded=true;};"
    "s.onerror=function(){s.remove();away();};"
    "document.head.appendChild(s);}"
    "function away(){lost=true;if(asking){return;}"
    "asking=setInterval(function(){ask(function(){clearInterval(asking);asking=null;"
    "if(!loaded){load();}});},1000);}"
    'document.addEventListener("LiveReloadDisconnect",away);'
    'document.addEventListener("LiveReloadConnect",function(){window.kpuLiveConnected=true;'
    "if(lost){location.reload();return;}"
    "ask();setTimeout(ask,1000);setTimeout(ask,3000);});"
    "load();"
    "})();</script>"
)


def live_script(generation):
    """Return the script for a page served while build number `generation` was shown."""
    return LIVE_SCRIPT.replace("@GENERATION@", str(int(generation))).encode()


class BuildNumberHandler(web.RequestHandler):
    """Answer which build the server shows now (the number the pages carry)."""

    server = None  # the PreviewServer (set per server)

    def get(self):
        """The number of builds reported, as text; never cached."""
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.write(str(self.server.generation))


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

    Builds run in the build process (kpu_preview.builder), which keeps the site in memory
    from save to save; this process answers requests with the last good site meanwhile, and
    its browsers stay connected while that process restarts with new plugin code.
    """

    def __init__(self, root, announce="", builder=None):
        super().__init__()
        self.root_folder = Path(root)
        self.announce = announce  # printed once the first build is served
        self.builder_command = builder  # function(report_fd) -> command line of the builder
        self.problems = {}  # "build" (the last build failed) or "code" (it does not load)
        self.restart_requested = False
        self.builder = None  # the build process: its Popen, report pipe and unread report
        self.builds_reported = 0
        # Builds reported, from a per-process start (milliseconds since the epoch): pages carry
        # it, BuildNumberHandler tells it. After a restart for new code the count must not
        # start again at a number a page of the old process carries.
        self.generation = time.time_ns() // 1_000_000

        examine = self.watcher.examine

        def examine_and_run_tasks():
            # livereload reloads the browsers right after a save's tasks have run; here a
            # build reloads them itself, when its pages are in place.
            examine()
            return None, None

        self.watcher.examine = examine_and_run_tasks

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

        Without it livereload's first scan takes every file as new: it runs the tasks of
        files dated after its start (a clock ahead: a restart for code would then follow
        every restart).
        """
        watcher = self.watcher  # livereload 2.7.1 (pinned): its examine() minus the tasks
        for path, task in watcher._tasks.items():
            watcher._task_mtimes = task["mtimes"]
            watcher.is_changed(path, task["ignore"])

    # -- the build process --------------------------------------------------------------

    def start_builder(self, first=False):
        """Start a build process and ask it for a whole build (the first one waits for search)."""
        read_end, write_end = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        process = subprocess.Popen(
            self.builder_command(write_end),
            stdin=subprocess.PIPE,
            pass_fds=(write_end,),
            start_new_session=True,  # Ctrl+C reaches this process, which ends the builder
        )
        os.close(write_end)
        os.set_blocking(read_end, False)
        self.builder = {"process": process, "fd": read_end, "unread": b""}
        IOLoop.current().add_handler(read_end, self._builder_output, IOLoop.READ)
        self._send({"changed": [], "first": first})

    def start_build(self, changed=None):
        """Ask for a build of the files in `changed` (None: unknown, such as a removal)."""
        if self.restart_requested:
            return
        if self.builder is None:  # it ended on its own: a new one builds everything
            self.start_builder()
            return
        self._send({"changed": None if changed is None else [str(p) for p in changed]})

    def _send(self, request):
        try:
            self.builder["process"].stdin.write((json.dumps(request) + "\n").encode())
            self.builder["process"].stdin.flush()
        except (BrokenPipeError, OSError):
            pass  # it has ended; _builder_output reports it

    def stop_builder(self):
        """End the build process and its workers (output/ stays whole: builds swap it in)."""
        builder, self.builder = self.builder, None
        if builder is None:
            return
        try:
            IOLoop.current().remove_handler(builder["fd"])
        except (KeyError, ValueError):
            pass
        os.close(builder["fd"])
        process = builder["process"]
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if process.stdin:
            try:
                process.stdin.close()
            except OSError:
                pass

    def restart_builder(self):
        """Start a new build process: the plugin code or settings on disk changed."""
        self.stop_builder()
        self.start_builder()

    def _builder_output(self, fd, events):
        """Read the build process's reports; when it ends on its own, say so."""
        builder = self.builder
        if builder is None or fd != builder["fd"]:
            return
        try:
            data = os.read(fd, 65536)
        except (BlockingIOError, InterruptedError):
            return
        if data:
            builder["unread"] += data
            *lines, builder["unread"] = builder["unread"].split(b"\n")
            for line in lines:
                if line.strip():
                    self._report(json.loads(line))
            return
        IOLoop.current().remove_handler(fd)
        os.close(fd)
        status = builder["process"].wait()
        self.builder = None
        self.failed(
            "BUILD GAGAL: proses build berhenti tanpa hasil "
            f"(kode keluar {status}; rincian di terminal). Simpan berkas lagi untuk mencoba lagi."
        )
        self.generation += 1
        LiveReloadHandler.reload_waiters()

    def _report(self, event):
        """Show a build's result and reload the browsers onto it."""
        if event["event"] == "idle":
            print("Pratinjau siap: indeks pencarian selesai.", flush=True)
            return
        if not event.get("fast"):
            if event.get("message"):
                self.failed(event["message"])
            else:
                self.succeeded()
        self.generation += 1
        self.builds_reported += 1
        if self.builds_reported == 1 and self.announce:
            print(self.announce, flush=True)
        if not self.restart_requested:
            LiveReloadHandler.reload_waiters()

    def request_restart(self):
        """Stop serving so the task can start again (new code of the preview itself)."""
        self.restart_requested = True
        self.stop_builder()
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


# The preview's own code: a change restarts this process. Other code (every plugin, the
# settings) is the build process's: a change starts a new build process only.
OWN_CODE = ("plugins/kpu_preview/", "tasks.py")
CODE = ("plugins/**/*.py", "pelicanconf.py", "publishconf.py", "tasks.py")


def serve_preview(root, conf, overrides, output, host, port, watch):
    """Serve `output` with live reload while a build process builds every save.

    Returns True when this process must start again (its own code changed), else False
    (Ctrl+C). The build process is ended either way; output/ is left whole.
    """
    from kpu_preview import builder

    root = Path(root)
    server = PreviewServer(
        output,
        announce=f"Pratinjau langsung di http://{host}:{port}/ (hentikan dengan Ctrl+C)",
        builder=lambda fd: builder.command(root, conf, overrides, fd),
    )

    def rebuild(changed=None):
        server.start_build(changed if isinstance(changed, list) else None)

    def reload_code(changed=None):
        # The build process has the old code imported; only a new process builds with the
        # code on disk (and records the right code digest for the next builds).
        if server.restart_requested:
            return
        problem = code_problem(root)
        if problem is not None:
            # Shown until the code loads; saved content is still built with the old code.
            server.failed(problem, kind="code")
            return
        server.succeeded("code")
        paths = [os.path.relpath(path, root) for path in changed or [] if isinstance(path, str)]
        what = ", ".join(paths) or "berkas kode dihapus"
        if any(path.startswith(OWN_CODE) for path in paths):
            print(f"Kode pratinjau berubah ({what}): pratinjau dimulai ulang.", flush=True)
            server.request_restart()
        else:
            print(f"Kode berubah ({what}): proses build dimulai ulang dengan kode yang baru.")
            server.restart_builder()

    # Code first: when one poll sees code and content saved, the content goes to the new
    # build process.
    for pattern in CODE:
        server.watch(str(root / pattern), reload_code)
    for pattern in watch:
        server.watch(str(root / pattern), rebuild)
    server.note_files()  # before the first build: a save during it is built next
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.start_builder(first=True)  # the first build waits for the search index
        server.serve(host=host, port=port)
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop_builder()
    return server.restart_requested


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def restart():
    """Replace this process with a new run of the same command (same PID, code from disk)."""
    for thread in threading.enumerate():
        # As at exit: work still running (the search index of the last build) ends first.
        if thread is not threading.current_thread() and not thread.daemon:
            thread.join()
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
