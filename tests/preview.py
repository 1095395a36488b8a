"""A real `invoke livereload` in a copy of the project, for tests that edit files under it."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

# An upper bound for a build to start and finish on a slow, shared machine; not a timing claim.
PATIENCE = 300
START_LINE = "Pratinjau langsung di http://127.0.0.1:"


def free_port():
    """Return a TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Preview:
    """One `invoke livereload` process: its output lines, its address, and a way to stop it."""

    def __init__(self, project):
        self.project = project
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.lines = []
        self.changed = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "invoke", "livereload", "--port", str(self.port)],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()
        with self.changed:
            self.lines.append(None)  # the process ended
            self.changed.notify_all()

    def count(self, text):
        """Return how many output lines so far contain `text`."""
        with self.changed:
            return sum(1 for line in self.lines if line is not None and text in line)

    def wait_for(self, text, times=1):
        """Wait until `text` has appeared in `times` output lines; fail if the process ends."""
        with self.changed:
            found = self.changed.wait_for(
                lambda: self.count(text) >= times or None in self.lines, PATIENCE
            )
        output = "\n".join(line for line in self.lines if line is not None)
        assert found and self.count(text) >= times, f"not seen {times}x: {text!r}\n{output}"

    def get(self, path):
        """Return the text the server sends for `path` (failing if it does not answer)."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=PATIENCE) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.read().decode("utf-8")

    def wait_until(self, check):
        """Wait until `check()` is true (it asks the server); fail if the process ends first."""
        for _ in range(PATIENCE * 10):
            if check():
                return
            assert self.process.poll() is None, "\n".join(filter(None, self.lines))
            time.sleep(0.1)
        raise AssertionError("not seen in time")

    def stop(self):
        """End the process (it lets a running search index finish, as on Ctrl+C)."""
        self.process.terminate()
        try:
            self.process.wait(PATIENCE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class BuildProcess:
    """The live preview's build process (kpu_preview.builder), driven as the server drives it."""

    def __init__(self, root, conf, overrides, log):
        from kpu_preview import builder

        read_end, write_end = os.pipe()
        self.reports = os.fdopen(read_end, "rb")
        self.process = subprocess.Popen(
            builder.command(root, conf, overrides, write_end),
            cwd=root,
            stdin=subprocess.PIPE,
            stdout=log,
            stderr=subprocess.STDOUT,
            pass_fds=(write_end,),
            start_new_session=True,
        )
        os.close(write_end)

    def request(self, changed, first=False):
        """Ask for a build of the files in `changed` (None: unknown changes, as a removal)."""
        line = json.dumps({"changed": changed, "first": first}) + "\n"
        self.process.stdin.write(line.encode())
        self.process.stdin.flush()

    def events_until_idle(self):
        """Return the events reported up to the next "idle" (the search index is written)."""
        events = []
        while True:
            line = self.reports.readline()
            assert line, "the build process ended"
            events.append(json.loads(line))
            if events[-1]["event"] == "idle":
                return events

    def stop(self):
        """Close its input (it ends after its build) and wait; kill it if it hangs."""
        self.process.stdin.close()
        try:
            self.process.wait(PATIENCE)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.reports.close()


def file_stamps(*folders):
    """Map every file under `folders` to its modification time (what livereload compares)."""
    return {
        str(path): path.stat().st_mtime_ns
        for folder in folders
        for path in Path(folder).rglob("*")
        if path.is_file()
    }


def changed_files(before, after):
    """Return the paths added or modified between two file_stamps(), or None if one went."""
    if set(before) - set(after):
        return None
    return sorted(path for path, stamp in after.items() if before.get(path) != stamp)
