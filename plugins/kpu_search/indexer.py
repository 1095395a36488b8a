"""Run Pagefind's command-line indexer and wait for it to exit by itself.

Why not Pagefind's Python API (pagefind 1.5.2), which this plugin used before: it cut the
published index short on loaded machines (11 of 112 builds: pagefind-entry.json at 0 bytes,
pagefind-ui.js or pagefind-component-ui.js cut to exactly 32, 64 or 128 KiB).

The cause. Pagefind writes each bundle file with tokio's `File::write_all` and drops the file
without `flush` (pagefind/src/output/mod.rs, `write`). Tokio hands each write of up to 2 MiB
to a blocking-pool thread and reports it done at once; so when the service replies to
WriteFiles, the last write of a file may not have started yet. `PagefindIndex.__aexit__` then
calls `PagefindService.close()`, which sends SIGTERM (`self._backend.terminate()`) right after
that reply. A write not yet started leaves the file empty; a write under way is cut where the
kernel stopped copying pages for the dying process (32, 64, 128 KiB). Closing the service's
stdin instead does not help: on end of input the service calls `std::process::exit(0)`
(pagefind/src/service/mod.rs), which does not wait for the blocking pool either.

The command line does wait: `main` returns, the tokio runtime is dropped, and dropping the
blocking pool waits for every write it was given (tokio/src/runtime/blocking/pool.rs,
`BlockingPool::drop` -> `shutdown(None)`; file writes are "mandatory" blocking tasks). So once
the process has exited with status 0, every file is whole.

Measured on this kit's sample site (52 pages), 60 runs each with four busy loops on two cores:
Python API 30 of 60 bundles cut short; service ended by closing stdin 20 of 60 (files cut to
0, 32768 or 65536 bytes); command line 0 of 60.
"""

import contextlib
import os
import subprocess
import threading

from kpu_messages import AdminFacingError

# One index for every page, whatever its lang attribute says, under "und" (undetermined):
# Pagefind stems words only for a language it knows, and its Indonesian stemmer folds
# "pengisian" into "isi" and "bertahap" into "tahap" in the index itself. The index then
# cannot tell the page holding a rare word from every page sharing its stem, whatever the
# ranking options (the article with the word came first for 394 of 634 rare words; unstemmed,
# 631 of 634). Unstemmed, a query still finds longer words starting with it ("tahap" finds
# "tahapan"), not other affixes ("bertahap"). README, "Search", says more.
LANGUAGE = "und"


class SearchIndexError(AdminFacingError):
    """The search index could not be made whole; the build must not pass."""


def pagefind_command(binary, site, target):
    """Return the command that indexes `site` into the folder `target` (absolute paths)."""
    return [
        str(binary),
        "--site",
        os.path.abspath(site),
        "--output-path",
        os.path.abspath(target),
        "--force-language",
        LANGUAGE,
        "--silent",
    ]


# Pagefind processes running now, and those stop_indexing() ended: a newer build of the same
# process (the live preview) replaces the pages they read, so their index would be stale.
_RUNNING = set()
_STOPPED = set()
# One event per index run still cutting pages (fragments.py) before Pagefind starts.
_CUTTING = set()


class IndexingStopped(SearchIndexError):
    """The index was stopped on purpose by stop_indexing(); nothing is wrong."""


def stop_indexing():
    """End every Pagefind run of this process; each raises IndexingStopped, writing nothing."""
    for event in list(_CUTTING):
        event.set()
    for process in list(_RUNNING):
        _STOPPED.add(process)
        try:
            process.terminate()
        except ProcessLookupError:
            pass


@contextlib.contextmanager
def stoppable():
    """Yield an event that stop_indexing() sets, for work done before Pagefind starts."""
    event = threading.Event()
    _CUTTING.add(event)
    try:
        yield event
    finally:
        _CUTTING.discard(event)


def run_pagefind(site, target):
    """Index `site` into `target` and return once Pagefind has exited, its files written."""
    from pagefind.service import get_executable  # the binary the Python API would have run

    binary = get_executable()
    if binary is None:
        raise SearchIndexError(
            "Program Pagefind tidak ditemukan, jadi indeks pencarian tidak dapat dibuat. "
            "Pasang paket dari requirements.txt (pagefind-bin), lalu jalankan build lagi."
        )
    os.makedirs(target, exist_ok=True)
    # Pagefind reads pagefind.yml/.toml/.json from its working folder and PAGEFIND_* variables:
    # run it in the empty target with neither, so only the options below count.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PAGEFIND_")}
    try:
        process = subprocess.Popen(
            pagefind_command(binary, site, target),
            cwd=target,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
    except OSError as error:
        raise SearchIndexError(
            f"Pagefind tidak dapat dijalankan ({binary}): {error}. Indeks pencarian tidak dibuat."
        ) from error
    _RUNNING.add(process)
    try:
        stdout, stderr = process.communicate()
    finally:
        _RUNNING.discard(process)
    done = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    if process in _STOPPED:
        _STOPPED.discard(process)
        raise IndexingStopped("a newer build indexes the site again")
    if done.returncode != 0:
        said = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[-1500:]
        how = (
            f"berhenti karena sinyal {-done.returncode}"
            if done.returncode < 0
            else f"kode keluar {done.returncode}"
        )
        raise SearchIndexError(
            f"Pagefind gagal membuat indeks pencarian ({how}).\nPesan Pagefind:\n{said}"
        )
