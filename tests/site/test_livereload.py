"""`invoke livereload` starts a new build process when plugin code changes, so builds run the
new code, and restarts itself when its own code changes; it serves the last good site while a
build runs."""

from kpu_preview.server import BANNER_ID
from tests.preview import START_LINE, Preview

RESTARTED = "proses build dimulai ulang dengan kode yang baru"
SELF_RESTARTED = "Kode pratinjau berubah"
NOT_LOADED = "KODE GAGAL DIMUAT"
MODEL = "plugins/kpu_dates/model.py"
FULL_DATE = 'FULL_DATE = "EEEE, d MMMM y"'
BASE = "theme/templates/base.html"
NEW_MARK = '<meta name="kpu-uji" content="versi-baru">'
HELD = "BUILD DITAHAN"
RESUMED = "BUILD DILANJUTKAN"
PAGES_LINE = "Halaman:"
# A plugin for the test only: a build holds (after reading, before writing pages) while the
# file `hold` exists, so the test knows for sure that a build is running.
HOLD_PLUGIN = """
import time
from pathlib import Path

from pelican import signals

GATE = Path(__file__).resolve().parent.parent / "hold"


def hold(generators):
    if GATE.exists():
        print("BUILD DITAHAN", flush=True)
        while GATE.exists():
            time.sleep(0.05)
        print("BUILD DILANJUTKAN", flush=True)


def register():
    signals.all_generators_finalized.connect(hold)
"""
MARKED_DATE = "FULL_DATE = \"EEEE, d MMMM y 'KODEBARU'\""  # a literal Babel shows in every date


def test_a_plugin_change_starts_a_new_build_process_and_the_next_build_uses_it(project):
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
        # The server stays (same process, no second start); the new build process builds.
        preview.wait_until(lambda: "KODEBARU" in preview.get("/berita/"))
        page = preview.get("/berita/")
        assert BANNER_ID not in page  # the code loads again: its problem is gone
        assert preview.process.pid == pid and preview.count(START_LINE) == 1
    finally:
        preview.stop()


def test_a_change_to_the_preview_code_restarts_the_task(project):
    server = project / "plugins" / "kpu_preview" / "server.py"
    preview = Preview(project)
    try:
        preview.wait_for(START_LINE)
        pid = preview.process.pid
        server.write_text(server.read_text(encoding="utf-8") + "\n# diubah\n", encoding="utf-8")
        preview.wait_for(SELF_RESTARTED)
        preview.wait_for(START_LINE, times=2)
        assert preview.process.poll() is None and preview.process.pid == pid  # exec, not exit
        assert "</html>" in preview.get("/kontak/")
    finally:
        preview.stop()


def test_the_last_good_site_is_served_while_a_build_runs(project):
    (project / "plugins" / "kpu_test_hold.py").write_text(HOLD_PLUGIN, encoding="utf-8")
    settings = project / "pelicanconf.py"
    settings.write_text(
        settings.read_text(encoding="utf-8") + '\nPLUGINS.insert(1, "kpu_test_hold")\n',
        encoding="utf-8",
    )
    base = project / BASE
    template = base.read_text(encoding="utf-8")
    assert "</head>" in template
    gate = project / "hold"
    preview = Preview(project)
    try:
        preview.wait_for(START_LINE)
        assert preview.count(PAGES_LINE) == 1 and preview.count(HELD) == 0
        old_page = preview.get("/kontak/")
        assert "</html>" in old_page and NEW_MARK not in old_page

        gate.touch()
        base.write_text(template.replace("</head>", NEW_MARK + "</head>", 1), encoding="utf-8")
        preview.wait_for(HELD)
        # The build is held: the server answers at once, with the whole page built before.
        page = preview.get("/kontak/")
        assert "</html>" in page and NEW_MARK not in page
        assert preview.get("/livereload.js").strip()
        assert preview.count(RESUMED) == 0 and preview.count(PAGES_LINE) == 1

        gate.unlink()
        preview.wait_for(PAGES_LINE, times=2)
        preview.wait_until(lambda: NEW_MARK in preview.get("/kontak/"))
        assert preview.count(HELD) == 1 and preview.count(RESUMED) == 1
    finally:
        gate.unlink(missing_ok=True)
        preview.stop()


def test_a_page_the_fast_step_wrote_is_put_back_when_the_full_build_fails(project):
    # A link to a draft passes the reading of the item (the fast step shows it), but the full
    # build stops on it once every item is read: output/ must hold the last good page again.
    from tests.preview import BuildProcess

    news = project / "content" / "berita" / "2021-05-25-evaluasi-kehumasan-dan-ppid.md"
    text = news.read_text(encoding="utf-8")
    draft = news.with_name("2021-06-01-draf-uji.md")
    draft.write_text(
        text.replace("Title: Evaluasi", "Title: Draf uji evaluasi", 1).replace(
            "Date: 2021-05-25 14:30", "Date: 2021-06-01 09:00\nStatus: draft", 1
        ),
        encoding="utf-8",
    )
    page = project / "output" / "berita" / "2021" / "evaluasi-kehumasan-dan-ppid" / "index.html"
    overrides = {"PATH": str(project / "content"), "OUTPUT_PATH": str(project / "output")}
    with open(project / "builder.log", "wb") as log:
        process = BuildProcess(project, project / "pelicanconf.py", overrides, log)
        try:
            process.request([], first=True)
            assert [e["event"] for e in process.events_until_idle()] == ["written", "idle"]
            good = page.read_bytes()

            link = "\nLihat [draf]({filename}/berita/2021-06-01-draf-uji.md).\n"
            news.write_text(text + link, encoding="utf-8")
            process.request([str(news)])
            events = [e for e in process.events_until_idle() if e["event"] == "written"]
            assert [e.get("fast") for e in events] == [True, False], events
            assert "2021-06-01-draf-uji.md" in events[1]["message"]
            assert page.read_bytes() == good
            assert not list(page.parent.glob("*.pratinjau-*"))

            # The site kept for the fast step held the bad edit: it waits for a good build.
            news.write_text(text + "\nParagraf perbaikan.\n", encoding="utf-8")
            process.request([str(news)])
            events = [e for e in process.events_until_idle() if e["event"] == "written"]
            assert [e.get("fast") for e in events] == [False] and events[0]["message"] is None
            assert "Paragraf perbaikan." in page.read_text(encoding="utf-8")
        finally:
            process.stop()
