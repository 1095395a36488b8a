"""A livereload server that shows a failed build in the browser and restarts on code changes."""

import html
import os
import re
import subprocess
import sys
import threading
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
# restarted for new plugin code), reload, so the page shows what the new code built.
LIVE_SCRIPT = (
    b"<script>(function(){"
    b'var port=window.location.port||(window.location.protocol=="https:"?443:80);'
    b'var s=document.createElement("script");'
    b's.src="//"+window.location.hostname+":"+port+"/livereload.js?port="+port;'
    b"document.head.appendChild(s);var lost=false;"
    b'document.addEventListener("LiveReloadDisconnect",function(){lost=true;});'
    b'document.addEventListener("LiveReloadConnect",function(){if(lost){location.reload();}});'
    b"})();</script>"
)
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
        if HEAD_END in chunk:
            chunk = chunk.replace(HEAD_END, LIVE_SCRIPT + HEAD_END, 1)
        elif body is not None:  # Tornado's own error pages have no <head>
            chunk = chunk.replace(body.group(), body.group() + LIVE_SCRIPT, 1)
        if "Content-Length" in headers:
            headers["Content-Length"] = str(int(headers["Content-Length"]) + len(chunk) - before)
        return status_code, headers, chunk


class PreviewServer(Server):
    """livereload's Server serving the site folder with PreviewTransform."""

    def __init__(self, root, announce=""):
        super().__init__()
        self.root_folder = Path(root)
        self.announce = announce  # printed once the port listens: the address works then
        self.problems = {}  # "build" (the last build failed) or "code" (it does not load)
        self.restart_requested = False

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

    def request_restart(self):
        """Stop serving so the task can start again; browsers reload when it is back."""
        self.restart_requested = True
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
        handlers = [
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
