"""`invoke check --ringkasan` on a real pull-request branch of a copy of the sample site."""

import os
import shutil
import subprocess
import sys

from tests.conftest import ROOT, copy_project

SITE = "https://kab-temanggung.kpu.go.id"
EDITED = "content/berita/2024-02-10-tps-ramah-disabilitas.md"
NEW = "content/berita/2025-06-02-rapat-koordinasi-tps.md"
NEW_ITEM = """\
Title: Rapat koordinasi persiapan TPS
Date: 2025-06-02 10:00
Category: berita
Divisi: {divisi}
Tags: tps
Summary: KPU Kabupaten Temanggung membahas persiapan TPS bersama PPK.

Rapat koordinasi membahas lokasi dan kelengkapan TPS.
"""


def _git(*args, cwd):
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)


def _commit(project, message):
    _git("add", "-A", cwd=project)
    _git("commit", "-q", "-m", message, cwd=project)


def _check_with_summary(project, summary):
    """Run the step as the periksa job does: GitHub sets the two variables."""
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_BASE_REF": "main"}
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--ringkasan"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    return result, summary.read_text(encoding="utf-8")


def test_the_summary_names_the_mistake_then_the_new_and_altered_pages(tmp_path):
    project = copy_project(tmp_path / "project", image_cache=True)
    shutil.copy(ROOT / ".gitignore", project / ".gitignore")
    remote = tmp_path / "remote.git"
    _git("init", "--bare", "-q", str(remote), cwd=tmp_path)
    _git("init", "-q", "-b", "main", cwd=project)
    _git("config", "user.email", "ci@example.invalid", cwd=project)
    _git("config", "user.name", "CI", cwd=project)
    _git("remote", "add", "origin", str(remote), cwd=project)
    _commit(project, "Konten awal")
    _git("push", "-q", "origin", "main", cwd=project)

    _git("checkout", "-q", "-b", "berita-baru", cwd=project)
    edited = project / EDITED
    edited.write_text(edited.read_text(encoding="utf-8") + "\nParagraf tambahan.\n", "utf-8")
    (project / NEW).write_text(NEW_ITEM.format(divisi="logistik"), encoding="utf-8")
    _commit(project, "Berita baru, dengan divisi yang salah")

    # The content check stops before any page is written: one quick build.
    result, summary = _check_with_summary(project, tmp_path / "gagal.md")
    assert result.returncode == 1, result.stdout + result.stderr
    assert summary.startswith("## ❌ Pemeriksaan konten gagal")
    problem = f'{NEW}:4: kolom "Divisi": nilai "logistik" tidak dikenal.'
    assert f"- ` {problem}" in summary  # the same path:line: pesan as on the terminal
    assert problem in result.stderr
    assert f"` {NEW} ` (ditambahkan)" in summary and f"` {EDITED} ` (diubah)" in summary

    (project / NEW).write_text(NEW_ITEM.format(divisi="teknis-penyelenggaraan"), "utf-8")
    _commit(project, "Perbaiki divisi")
    result, summary = _check_with_summary(project, tmp_path / "berhasil.md")
    assert result.returncode == 0, result.stdout + result.stderr + summary
    assert summary.startswith("## ✅ Pemeriksaan konten berhasil")
    assert "kolom" not in summary
    assert "Dibandingkan dengan ` origin/main `." in summary
    added, altered = summary.split("**Ditambahkan (1)**")[1].split("**Diubah (1)**")
    assert f"({SITE}/berita/2025/rapat-koordinasi-tps/) dari ` {NEW} `" in added
    assert f"({SITE}/berita/2024/tps-ramah-disabilitas/) dari ` {EDITED} `" in altered
    assert "Dihapus" not in summary
