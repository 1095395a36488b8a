"""Shared fixtures: settings from the real pelicanconf.py and one build of the sample site."""

import logging
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
DEV_CONF = ROOT / "pelicanconf.py"
PUBLISH_CONF = ROOT / "publishconf.py"


def make_settings(conf=DEV_CONF, **overrides):
    """Read a settings file as Pelican does, with overrides (e.g. PATH, OUTPUT_PATH)."""
    return read_settings(str(conf), override=overrides)


def build(output, conf=DEV_CONF, **overrides):
    """Build a site into `output` in this process and return the output path."""
    overrides.setdefault("PATH", str(ROOT / "content"))
    settings = make_settings(conf, OUTPUT_PATH=str(output), **overrides)
    Pelican(settings).run()
    return Path(output)


def write_content(folder, files):
    """Write a small content tree: {"berita/a.md": "...", ...}; returns the folder."""
    folder = Path(folder)
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def html_pages(site):
    """Return every HTML page of a built site (not the editor at admin/, a separate app)."""
    return sorted(
        p for p in Path(site).rglob("*.html") if "admin" not in p.relative_to(site).parts[:1]
    )


def soup(path):
    """Parse one built page."""
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The bundled sample site, built once per test session with the dev settings."""
    logging.getLogger("pelican").setLevel(logging.WARNING)
    return build(tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The sample site built with publishconf.py (absolute URLs, feeds)."""
    return build(tmp_path_factory.mktemp("published"), conf=PUBLISH_CONF)


@pytest.fixture
def content_copy(tmp_path):
    """A writable copy of the sample content, for tests that add a broken file."""
    target = tmp_path / "content"
    shutil.copytree(ROOT / "content", target)
    return target


def copy_project(target):
    """Copy what a site needs (content, theme, plugins, settings, tasks) into `target`."""
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for name in ("content", "theme", "plugins"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py"):
        shutil.copy(ROOT / name, target / name)
    # npm's install (Decap CMS, bundled into /admin/) as `npm ci` left it: linked, not copied.
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


@pytest.fixture
def project(tmp_path):
    """A writable copy of the project, for tests that run invoke tasks in it."""
    return copy_project(tmp_path)
