"""The one publish build reuses the last one: after a dev build, and in a fresh CI checkout.

CI checks the site out afresh on every run (another folder, new time stamps on every source)
and restores only `cache/`. The publish build and its manifest live there, named relative to
the project, so the restored cache must give the same reuse as a second build on a laptop.
"""

import re
import shutil
import subprocess
import sys

import pytest
from pelican import Pelican

from tests.conftest import PUBLISH_CONF, ROOT, copy_project, make_settings
from tests.site.test_incremental_site import published_files

FIGURES = re.compile(r"Halaman: (\d+) dibuat, (\d+) tidak berubah")


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)


def _invoke(project, *args):
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args], cwd=project, capture_output=True, text=True
    )


def _figures(result):
    """Return (rendered, reused) as the build printed them."""
    assert result.returncode == 0, result.stdout + result.stderr
    found = FIGURES.findall(result.stdout + result.stderr)
    assert found, result.stdout
    rendered, reused = found[-1]
    return int(rendered), int(reused)


def _clone(origin, target):
    """Check the project out as CI does: a real clone, node_modules installed beside it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _git("clone", "-q", str(origin), str(target), cwd=origin.parent)
    (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


@pytest.fixture
def origin(tmp_path):
    """The project in a git repository of its own (what GitHub holds)."""
    project = copy_project(tmp_path / "origin")
    (project / "node_modules").unlink()  # installed by each checkout, as `npm ci` does
    shutil.copy(ROOT / ".gitignore", project / ".gitignore")  # output/ and cache/ stay out
    _git("init", "-q", cwd=project)
    _git("add", "-A", cwd=project)
    _git("-c", "user.email=ci@example.invalid", "-c", "user.name=CI", "commit", "-qm", "x",
         cwd=project)  # fmt: skip
    return project


def _edit_newest(project):
    newest = sorted((project / "content" / "berita").glob("*.md"))[-1]
    newest.write_text(newest.read_text(encoding="utf-8") + "\nKalimat penanda uji.\n", "utf-8")


def test_a_restored_cache_in_a_fresh_checkout_reuses_the_last_publish_build(tmp_path, origin):
    first = _clone(origin, tmp_path / "runner-1" / "situs")
    rendered, reused = _figures(_invoke(first, "check"))
    assert reused == 0 and rendered > 100
    # Another run: a fresh checkout in another folder, only cache/ restored (actions/cache).
    second = _clone(origin, tmp_path / "runner-2" / "kerja" / "situs-kpu")
    shutil.copytree(first / "cache", second / "cache", symlinks=True)
    _edit_newest(second)
    rendered, reused = _figures(_invoke(second, "check"))
    assert 0 < rendered < (rendered + reused) / 4, "pages were rendered again, not reused"
    for manifest in (second / "cache" / "kpu_incremental").glob("manifest-*.pickle"):
        raw = manifest.read_bytes()
        assert str(first).encode() not in raw and str(second).encode() not in raw
        assert str(tmp_path).encode() not in raw, "an absolute path leaked into the manifest"
    fresh = tmp_path / "fresh"
    settings = make_settings(
        PUBLISH_CONF,
        PATH=str(second / "content"),
        OUTPUT_PATH=str(fresh / "output"),
        CACHE_PATH=str(fresh / "cache"),
        KPU_INCREMENTAL=False,
        KPU_READAHEAD=False,
    )
    Pelican(settings).run()
    got, expected = published_files(second / "cache" / "terbit"), published_files(fresh / "output")
    assert sorted(got) == sorted(expected)
    assert [path for path in expected if got[path] != expected[path]] == []


def test_dev_and_publish_builds_alternate_without_rendering_again(tmp_path, origin):
    project = _clone(origin, tmp_path / "situs")
    _figures(_invoke(project, "build"))
    _figures(_invoke(project, "check"))
    assert _figures(_invoke(project, "build"))[0] == 0
    assert _figures(_invoke(project, "publish"))[0] == 0
    assert (project / "output" / "index.html").exists()
    published = (project / "cache" / "terbit" / "index.html").read_text(encoding="utf-8")
    assert "https://kab-temanggung.kpu.go.id/" in published


def _publish_state(project):
    """The publish build's files (by inode: a swap makes new ones) and its manifests' bytes."""
    base = project / "cache" / "terbit"
    manifests = project / "cache" / "kpu_incremental"
    files = {str(p.relative_to(base)): p.stat().st_ino for p in base.rglob("*")}
    return files, {p.name: p.read_bytes() for p in manifests.glob("manifest-*")}


def test_a_failed_check_leaves_the_last_publish_build_and_its_manifest(tmp_path, origin):
    project = _clone(origin, tmp_path / "situs")
    _figures(_invoke(project, "check"))
    before = _publish_state(project)
    page = project / "content" / "pages" / "kontak.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good + "\n[rusak](/halaman-yang-tidak-ada/)\n", encoding="utf-8")
    result = _invoke(project, "check")
    assert result.returncode == 1
    assert 'tautan "/halaman-yang-tidak-ada/" menuju halaman yang tidak ada.' in result.stderr
    # The output check failed in staging: nothing was swapped in.
    assert _publish_state(project) == before
    page.write_text(good, encoding="utf-8")
    assert _figures(_invoke(project, "check"))[0] == 0


KILLED_BUILD = """
import os, signal, sys
sys.path.insert(0, os.getcwd())
from pelican import signals
import tasks

def kill(pelican):
    os.kill(os.getpid(), signal.SIGKILL)


def kill_before_the_swap(pelican):
    # At `initialized`: after the plugins' `finalized` handlers (pages written, output
    # checked), just before the one kpu_output connects now to swap the site in.
    signals.finalized.connect(kill)


signals.initialized.connect(kill_before_the_swap)
tasks.publish_build()
"""


def test_a_killed_publish_build_leaves_the_last_one_whole_and_reusable(tmp_path, origin):
    project = _clone(origin, tmp_path / "situs")
    _figures(_invoke(project, "check"))
    before = _publish_state(project)
    _edit_newest(project)
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_BUILD], cwd=project, capture_output=True, text=True
    )
    assert killed.returncode == -9, killed.stdout + killed.stderr
    assert (project / "cache" / ".terbit.baru" / "index.html").exists()  # killed mid-build
    assert _publish_state(project) == before
    rendered, reused = _figures(_invoke(project, "check"))
    assert 0 < rendered < reused
