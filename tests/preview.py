"""A real `invoke livereload` in a copy of the project, for tests that edit files under it."""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

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
