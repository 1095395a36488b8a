"""The build contract under real builds: output swapped whole, no leaks between builds,
third-party plugins see every page file, plugin edits never leave stale pages."""

import gc
import logging
import weakref

import pytest
from pelican import Pelican

from kpu_incremental.writer import BuildState
from kpu_messages import AdminFacingError
from tests.conftest import ROOT, make_settings


def run(content, output, cache, **overrides):
    """Build the dev site without search (not what these tests are about); return settings."""
    settings = make_settings(
        PATH=str(content),
        OUTPUT_PATH=str(output),
        CACHE_PATH=str(cache),
        KPU_SEARCH=False,
        **overrides,
    )
    Pelican(settings).run()
    return settings


def tree(folder, but=None):
    """Map every file to its bytes (JSON files under `but` left out)."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and not (but and str(path.relative_to(folder)).startswith(but) and path.suffix == ".json")
    }


def test_five_builds_in_one_process_leave_no_handler_or_build_state_behind(tmp_path, content_copy):
    root = logging.getLogger()
    handlers_before = list(root.handlers)
    for _ in range(5):
        run(content_copy, tmp_path / "output", tmp_path / "cache")
    assert root.handlers == handlers_before
    gc.collect()
    alive = [o for o in gc.get_objects() if isinstance(o, BuildState)]
    assert alive == []  # not even the last build's: nothing in the process holds it


def test_a_failed_build_leaves_the_last_site_and_no_staging_folder_used(tmp_path, content_copy):
    output = tmp_path / "output"
    run(content_copy, output, tmp_path / "cache")
    before = tree(output)
    item = sorted((content_copy / "berita").glob("*.md"))[0]
    item.write_text(item.read_text(encoding="utf-8").replace("Title:", "Judul:", 1), "utf-8")
    with pytest.raises(AdminFacingError):
        run(content_copy, output, tmp_path / "cache")
    assert tree(output) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".output")) in (
        [],
        [".output.baru"],
    )


IMAGE_PROCESS = {
    "PLUGINS": [*make_settings()["PLUGINS"], "pelican.plugins.image_process"],
    "IMAGE_PROCESS": {"kecil": ["scale_in 100 100 True"]},
}


@pytest.fixture
def foreign_plugin():
    """Disconnect afterwards what a third-party plugin connected: Pelican's signals are
    process-wide, and later tests in this process must not run it."""
    from pelican.plugins import signals

    every = [value for value in vars(signals).values() if hasattr(value, "receivers")]
    before = {id(signal): set(signal.receivers) for signal in every}
    yield
    for signal in every:
        for key in set(signal.receivers) - before[id(signal)]:
            receiver = signal.receivers[key]
            if isinstance(receiver, weakref.ref):
                receiver = receiver()
            if receiver is not None:
                signal.disconnect(receiver)


def test_a_third_party_plugin_reading_pages_in_content_written_sees_every_file(
    tmp_path, foreign_plugin
):
    """pelican-image-process opens each page in content_written and rewrites it in place."""
    content = ROOT / "content"
    output = tmp_path / "output"
    first = run(content, output, tmp_path / "cache", **IMAGE_PROCESS)
    # The pages put off for rendering on every core would not exist yet when the signal
    # fires (the plugin's open() would fail): with such a plugin they are written in order.
    assert first["KPU_INCREMENTAL_STATE"].rendered > 100
    built = tree(output, but="ppid/")  # the open-data JSON carries the build time
    second = run(content, output, tmp_path / "cache", **IMAGE_PROCESS)
    # Pages are rendered again (the plugin's edits are out of the digest's sight), not
    # reused and rewritten twice, and never rewritten through a link into the last site.
    assert second["KPU_INCREMENTAL_STATE"].reused == 0
    assert tree(output, but="ppid/") == built


def test_a_plugin_edited_while_the_process_runs_makes_its_pages_unrecorded(tmp_path):
    """The running process renders with the code it loaded, not the edited file."""
    from kpu_incremental.handlers import code_digest

    plugins, theme = tmp_path / "plugins" / "kpu_contoh", tmp_path / "theme"
    plugins.mkdir(parents=True)
    (plugins / "__init__.py").write_text("def register():\n    pass\n")
    (theme / "templates").mkdir(parents=True)
    (theme / "templates" / "base.html").write_text("<html></html>")
    settings = {"THEME": str(theme), "PLUGIN_PATHS": [str(tmp_path / "plugins")]}
    first, stale = code_digest(settings)
    assert stale is False
    (theme / "templates" / "base.html").write_text("<html><body></body></html>")
    second, stale = code_digest(settings)
    assert stale is False and second != first  # templates are read again by every build
    (plugins / "__init__.py").write_text("def register():\n    return None\n")
    third, stale = code_digest(settings)
    assert stale is True and third != second
