"""Shared fixtures: settings from the real pelicanconf.py and one build of the sample site."""

import atexit
import functools
import json
import logging
import shutil
import subprocess
import sys
import tempfile
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


# A build in a process of its own, so that nothing a test changed in this one reaches it.
_BUILD_SCRIPT = """
import json, sys
from pelican import Pelican
from pelican.settings import read_settings
conf, overrides = json.loads(sys.argv[1])
Pelican(read_settings(conf, override=overrides)).run()
"""


@functools.cache
def sample_image_cache():
    """Return the kpu_images cache of the sample content, made once per test process.

    A real dev build of content/ (its own process, output and cache) made it: the photos'
    derived sizes, the share cards and the ledger that vouches for them. Copied into a new
    cache folder (`seed_image_cache`), it spares a build of (a copy of) the sample encoding
    the same photos again; a photo or card it does not hold is made as usual.
    """
    folder = Path(tempfile.mkdtemp(prefix="kpu-sample-images-"))
    atexit.register(shutil.rmtree, folder, True)
    overrides = {
        "PATH": str(ROOT / "content"),
        "OUTPUT_PATH": str(folder / "output"),
        "CACHE_PATH": str(folder / "cache"),
    }
    result = subprocess.run(
        [sys.executable, "-c", _BUILD_SCRIPT, json.dumps([str(DEV_CONF), overrides])],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    # The plugin's default folder, unless pelicanconf.py names another.
    return folder / "cache" / make_settings().get("KPU_IMAGE_CACHE_DIR", "kpu_images")


def seed_image_cache(cache):
    """Put a copy of the sample's image cache into the new cache folder `cache`; return it.

    Only kpu_images: every other cache (parses, pages, search) still starts empty. The copy
    keeps the time stamps the ledger recorded, and is a copy, not links, so a test that
    damages its cache damages only its own.
    """
    cache = Path(cache)
    source = sample_image_cache()
    shutil.copytree(source, cache / source.name)
    return cache


def copy_project(target, image_cache=False):
    """Copy what a site needs (content, theme, plugins, settings, tasks) into `target`.

    With `image_cache`, its cache/ holds the sample's image cache (`seed_image_cache`) and
    nothing else, as in a checkout whose photos were encoded once; a photo or card the
    test adds is encoded by its builds.
    """
    target = Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for name in ("content", "theme", "plugins"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("pelicanconf.py", "publishconf.py", "tasks.py"):
        shutil.copy(ROOT / name, target / name)
    if image_cache:
        seed_image_cache(target / "cache")
    # npm's install (Decap CMS, bundled into /admin/) as `npm ci` left it: linked, not copied.
    if (ROOT / "node_modules").is_dir():
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


@pytest.fixture
def project(tmp_path):
    """A writable copy of the project, for tests that run invoke tasks in it.

    Its cache holds the sample's encoded photos and cards: no test of a task needs them
    encoded again (what encoding does is tested in test_images_site and test_gallery_site).
    """
    return copy_project(tmp_path, image_cache=True)
