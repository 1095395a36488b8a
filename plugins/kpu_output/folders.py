"""Replace the output folder whole: build beside it, then swap the two folders by rename.

Pelican writes straight into `output/` after emptying it, so a build that fails or is killed
leaves half a site that anything serving or uploading `output/` then shows. Instead each build
writes into a staging folder next to `output/` (same disk, so a rename is instant), and only a
build that succeeded is swapped in. On Linux the swap is one atomic `renameat2` exchange; where
that is unavailable, two renames with a recovery step at the start of the next build.
"""

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
import threading

_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100
# Deletions of replaced sites still running (processes of their own). Process state on
# purpose: `wait_for_deletions` lets a caller wait for them; a build never needs to.
_DELETING = []
_DELETE = "import shutil, sys\nfor folder in sys.argv[1:]:\n    shutil.rmtree(folder, True)"


def staging_path(output):
    """Return the staging folder of `output`: a hidden sibling, so a rename stays on one disk."""
    output = os.path.abspath(output)
    return os.path.join(os.path.dirname(output), f".{os.path.basename(output)}.baru")


def replaced_path(output):
    """Return where the replaced site waits to be deleted (only when no exchange is possible)."""
    output = os.path.abspath(output)
    return os.path.join(os.path.dirname(output), f".{os.path.basename(output)}.lama")


def _libc():
    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name, use_errno=True)
        return libc if hasattr(libc, "renameat2") else None
    except OSError:
        return None


_LIBC = _libc()


def exchange(first, second):
    """Swap two paths atomically; return False where the system cannot (then nothing changed)."""
    if _LIBC is None:
        return False
    result = _LIBC.renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    return result == 0


def recover(output):
    """Put a replaced site back if a build was killed between the two renames of a swap."""
    old = replaced_path(output)
    if not os.path.lexists(output) and os.path.isdir(old):
        os.rename(old, output)


def prepare_staging(output, retention=()):
    """Make an empty staging folder for a build of `output`; return its path.

    Leftovers of a killed build are moved away first. Files Pelican must keep in the output
    (OUTPUT_RETENTION) are hard-linked into the new folder, leaving `output/` untouched.
    """
    _DELETING[:] = [worker for worker in _DELETING if worker.poll() is None]
    running = bool(_DELETING)
    leftovers = _leftovers(output)
    if leftovers and not running:  # a deletion stopped with its build: finish it meanwhile
        _delete_in_background(leftovers)
    recover(output)
    staging = staging_path(output)
    for leftover in (staging, replaced_path(output)):
        if os.path.lexists(leftover):
            discard(leftover)
    os.makedirs(staging)
    for name in retention:
        kept = os.path.join(output, name)
        if os.path.isdir(kept):
            shutil.copytree(kept, os.path.join(staging, name), copy_function=link_or_copy)
        elif os.path.isfile(kept):
            link_or_copy(kept, os.path.join(staging, name))
    return staging


def link_or_copy(source, target):
    """Hard-link a file (a copy where links are impossible, e.g. across disks)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def swap_in(staging, output):
    """Make `staging` the output in one step; the replaced site is deleted in the background."""
    if not os.path.lexists(output):
        os.rename(staging, output)
        return
    if exchange(staging, output):
        discard(staging)  # holds the replaced site now
        return
    old = replaced_path(output)
    os.rename(output, old)
    try:
        os.rename(staging, output)
    except OSError:
        os.rename(old, output)
        raise
    discard(old)


def discard(folder):
    """Delete a folder in a process of its own, under a name no build uses.

    A replaced site holds thousands of files (links, mostly); deleting them here would delay
    the end of every build, and a thread would keep the interpreter from exiting until done.
    A deletion stopped halfway is finished by a later build (see `prepare_staging`).
    """
    trash = f"{folder}.{os.getpid()}.{threading.get_ident()}.{len(_DELETING)}.hapus"
    try:
        os.rename(folder, trash)
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
        return
    _delete_in_background([trash])


def _delete_in_background(folders):
    try:
        worker = subprocess.Popen(
            [sys.executable, "-c", _DELETE, *folders],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # not stopped by Ctrl+C of the build it outlives
        )
    except OSError:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        return
    _DELETING.append(worker)


def wait_for_deletions(folder=None):
    """Wait for this process's deletions; delete what stopped ones left beside `folder`."""
    while _DELETING:
        _DELETING.pop().wait()
    if folder is None:
        return
    for leftover in _leftovers(folder):
        shutil.rmtree(leftover, ignore_errors=True)


def _leftovers(folder):
    """List the folders under deletion beside `folder` (of this or a stopped process)."""
    parent = os.path.dirname(os.path.abspath(folder))
    prefix = f".{os.path.basename(os.path.abspath(folder))}."
    if not os.path.isdir(parent):
        return []
    return [
        os.path.join(parent, name)
        for name in os.listdir(parent)
        if name.startswith(prefix) and name.endswith(".hapus")
    ]
