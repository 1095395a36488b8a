"""`invoke livereload` restarts itself when plugin code changes, so builds run the new code."""

from kpu_preview.server import BANNER_ID
from tests.preview import START_LINE, Preview

RESTARTED = "pratinjau dimulai ulang dengan kode yang baru"
NOT_LOADED = "KODE GAGAL DIMUAT"
MODEL = "plugins/kpu_dates/model.py"
FULL_DATE = 'FULL_DATE = "EEEE, d MMMM y"'
MARKED_DATE = "FULL_DATE = \"EEEE, d MMMM y 'KODEBARU'\""  # a literal Babel shows in every date


def test_a_plugin_change_restarts_the_task_and_the_next_build_uses_it(project):
    model = project / MODEL
    code = model.read_text(encoding="utf-8")
    assert FULL_DATE in code
    preview = Preview(project)
    try:
        preview.wait_for(START_LINE)
        pid = preview.process.pid
        assert "KODEBARU" not in preview.get("/berita/")

        # Code that does not load: no restart into it; the old process shows why and serves on.
        broken = code + "\n\ndef broken(:\n"
        model.write_text(broken, encoding="utf-8")
        preview.wait_for(NOT_LOADED)
        line = broken.splitlines().index("def broken(:") + 1
        page = preview.get("/berita/")
        assert page.count(f'id="{BANNER_ID}"') == 1
        assert f"{MODEL}:{line}: SyntaxError" in page
        assert preview.count(START_LINE) == 1

        model.write_text(code.replace(FULL_DATE, MARKED_DATE), encoding="utf-8")
        preview.wait_for(RESTARTED)
        preview.wait_for(START_LINE, times=2)
        assert preview.process.poll() is None and preview.process.pid == pid  # exec, not exit
        page = preview.get("/berita/")
        assert "KODEBARU" in page  # built by the code on disk
        assert BANNER_ID not in page  # a new process: the old code problem is gone with it
    finally:
        preview.stop()
