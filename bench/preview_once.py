"""Measure the live preview on a corpus: from saving one news item to its page on disk.

Starts the preview server (kpu_preview.server.serve_preview, as `invoke livereload` does) on
the corpus, waits for its first build, then edits news items one at a time and times, from
the save: the edited page rewritten on disk (the fast step), the full build written, and the
search index done. Prints the figures as one JSON line (used by bench.run).
"""

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READY = "Pratinjau langsung di http://"
FULL = "Halaman:"  # the incremental writer's summary line: the full build wrote its pages
IDLE = "Pratinjau siap"
SERVER = """
import json, sys
sys.path[:0] = [{plugins!r}, {root!r}]
from kpu_preview.server import serve_preview
serve_preview({root!r}, {conf!r}, json.loads(sys.argv[1]), {output!r}, "127.0.0.1", {port},
              watch=({content!r} + "/**/*", {theme!r} + "/**/*"))
"""


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Lines:
    """The server's output lines with the time each arrived."""

    def __init__(self, stream):
        self.lines, self.changed = [], threading.Condition()
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream):
        for line in stream:
            with self.changed:
                self.lines.append((time.perf_counter(), line))
                self.changed.notify_all()

    def wait_for(self, text, after, timeout=900):
        """Return the time of the first line containing `text` that arrived after `after`."""
        deadline = time.perf_counter() + timeout
        with self.changed:
            while True:
                for when, line in self.lines:
                    if when > after and text in line:
                        return when
                left = deadline - time.perf_counter()
                if left <= 0:
                    tail = "".join(line for _, line in self.lines[-30:])
                    raise RuntimeError(f"not seen: {text!r}\n{tail}")
                self.changed.wait(left)


def _page_of(output, source):
    """Return the output page of a bench news file (its slug is the file name's end)."""
    slug = source.stem.split("-", 3)[-1]
    found = sorted(Path(output).glob(f"berita/*/{slug}/index.html"))
    if not found:
        raise RuntimeError(f"no page for {source.name}")
    return found[0]


def _peak_mb(pid):
    """Return the peak resident memory of a process and its children still running, in MB."""
    total = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in text.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(pid) or status.parent.name == str(pid):
            total = max(total, int(fields.get("VmHWM", "0 kB").split()[0]) / 1024)
    return total


def main(conf, content, output, cache, edits):
    """Run the server, time `edits` saves, print the medians' raw figures as JSON."""
    content, output = Path(content), Path(output)
    port = _free_port()
    script = SERVER.format(
        plugins=str(ROOT / "plugins"),
        root=str(ROOT),
        conf=str(conf),
        output=str(output),
        port=port,
        content=str(content),
        theme=str(ROOT / "theme"),
    )
    overrides = {"PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_PATH": str(cache)}
    server = subprocess.Popen(
        [sys.executable, "-c", script, json.dumps(overrides)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines = _Lines(server.stdout)
    started = time.perf_counter()
    figures = {"page": [], "full": [], "idle": [], "peak_mb": 0.0}
    try:
        lines.wait_for(READY, 0)
        figures["first_build"] = time.perf_counter() - started
        lines.wait_for(IDLE, 0)
        sources = sorted((content / "berita").glob("*.md"))
        for number in range(edits):
            source = sources[(number * 37 + 11) % len(sources)]
            page = _page_of(output, source)
            marker = f"Sunting pratinjau {number} {time.time_ns()}."
            time.sleep(1.0)  # a later modification time than any earlier save
            saved = time.perf_counter()
            source.write_text(source.read_text(encoding="utf-8") + f"\n{marker}\n", "utf-8")
            while marker not in _read(page):
                if time.perf_counter() - saved > 600:
                    raise RuntimeError(f"{page} never showed the edit")
                time.sleep(0.01)
            figures["page"].append(time.perf_counter() - saved)
            figures["full"].append(lines.wait_for(FULL, saved) - saved)
            figures["idle"].append(lines.wait_for(IDLE, saved) - saved)
            figures["peak_mb"] = max(figures["peak_mb"], _peak_mb(server.pid))
    finally:
        server.terminate()
        server.wait(120)
    print(json.dumps(figures))


def _read(path):
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


if __name__ == "__main__":
    conf, content, output, cache, edits = sys.argv[1:6]
    main(conf, content, output, cache, int(edits))
