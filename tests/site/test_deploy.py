"""invoke gh-pages end to end against a real local bare repository as the remote."""

import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, copy_project


def _git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)


@pytest.fixture
def deployable(tmp_path):
    """A copy of the project in its own git repository whose origin is a bare repository."""
    project = copy_project(tmp_path / "project", image_cache=True)
    shutil.copy(ROOT / ".gitignore", project / ".gitignore")  # output/ and cache/ stay out
    remote = tmp_path / "remote.git"
    _git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    _git("init", "-q", cwd=project)
    _git("remote", "add", "origin", str(remote), cwd=project)
    _git("config", "user.email", "ci@example.invalid", cwd=project)
    _git("config", "user.name", "CI", cwd=project)
    _save(project)
    return project, remote


def _save(project, message="Konten"):
    """Commit everything and push it, as the web editor or an admin's git client would."""
    _git("add", "-A", cwd=project)
    _git("commit", "-q", "--allow-empty", "-m", message, cwd=project)
    _git("push", "-q", "-u", "origin", "HEAD:main", cwd=project)


def _deploy(project, save=True):
    if save:
        _save(project)
    return subprocess.run(
        [sys.executable, "-m", "invoke", "gh-pages"], cwd=project, capture_output=True, text=True
    )


def _remote_files(remote):
    listing = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "gh-pages"],
        cwd=remote,
        capture_output=True,
        text=True,
    )
    return set(listing.stdout.split()) if listing.returncode == 0 else None


def test_a_good_run_publishes_exactly_the_publish_build(deployable):
    project, remote = deployable
    result = _deploy(project)
    assert result.returncode == 0, result.stdout + result.stderr
    for step in ("Langkah 1/2", "Langkah 2/2"):
        assert step in result.stdout
    assert "Langkah 3/" not in result.stdout
    assert not (project / "output").exists(), "the dev build's output/ is not touched"
    output = project / "cache" / "terbit"
    built = {str(p.relative_to(output)) for p in output.rglob("*") if p.is_file()}
    assert _remote_files(remote) == built | {".nojekyll", "CNAME"}
    cname = _git("show", "gh-pages:CNAME", cwd=remote).stdout.strip()
    assert cname == "kab-temanggung.kpu.go.id"
    index = _git("show", "gh-pages:index.html", cwd=remote).stdout
    assert "https://kab-temanggung.kpu.go.id/theme/css/kpu." in index


def test_a_failing_run_pushes_nothing_and_names_the_step(deployable):
    project, remote = deployable
    assert _deploy(project).returncode == 0
    before = _git("rev-parse", "gh-pages", cwd=remote).stdout
    broken = project / "content" / "berita" / "2026-08-12-dip-yang-hidup.md"
    broken.write_text(
        broken.read_text(encoding="utf-8") + "\n[rusak](/halaman-yang-tidak-ada/)\n",
        encoding="utf-8",
    )
    result = _deploy(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Langkah 1/2 (pemeriksaan) GAGAL" in output
    assert 'tautan "/halaman-yang-tidak-ada/" menuju halaman yang tidak ada.' in output
    assert "Langkah 2/2" not in output
    assert _git("rev-parse", "gh-pages", cwd=remote).stdout == before


def test_nothing_is_pushed_when_the_first_deploy_fails(deployable):
    project, remote = deployable
    (project / "content" / "berita" / "rusak.md").write_text("Title: Rusak\n\nIsi.\n", "utf-8")
    result = _deploy(project)
    assert result.returncode == 1 and "Langkah 1/2 (pemeriksaan) GAGAL" in result.stderr
    assert _remote_files(remote) is None


def test_uncommitted_content_is_not_published(deployable):
    project, remote = deployable
    new = project / "content" / "berita" / "2026-09-01-baru.md"
    new.write_text("Title: Baru\nDate: 2026-09-01\n\nIsi.\n", encoding="utf-8")
    result = _deploy(project, save=False)
    assert result.returncode == 1
    assert "TIDAK DITERBITKAN" in result.stderr
    assert "- content/berita/2026-09-01-baru.md" in result.stderr
    assert "Langkah 1/2" not in result.stdout
    assert _remote_files(remote) is None


def test_committed_but_unpushed_content_is_not_published(deployable):
    project, remote = deployable
    page = project / "content" / "pages" / "kontak.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nTambahan.\n", encoding="utf-8")
    _git("commit", "-q", "-am", "Belum di-push", cwd=project)
    result = _deploy(project, save=False)
    assert result.returncode == 1
    assert "belum di-push ke origin/main" in result.stderr
    assert "- content/pages/kontak.md" in result.stderr
    assert _remote_files(remote) is None
