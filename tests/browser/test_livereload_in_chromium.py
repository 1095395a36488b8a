"""`invoke livereload` shows a failed build to the admin in the browser, never in output/."""

import pytest

from kpu_preview.server import BANNER_ID
from tests.conftest import copy_project
from tests.preview import PATIENCE, START_LINE, Preview

pytestmark = pytest.mark.browser

NEWS = "content/berita/2021-05-25-evaluasi-kehumasan-dan-ppid.md"
GOOD_DIVISION = "Divisi: sosialisasi-parmas-sdm"
BAD_DIVISION = "Divisi: <b>teknis</b>"  # HTML written by an admin: the banner must show it as text


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("livereload") / "project", image_cache=True)
    server = Preview(project)
    try:
        server.wait_for(START_LINE)
        yield server
    finally:
        server.stop()


def _open_listening(page, preview, path):
    """Open `path` and wait until its live reload socket has connected.

    A save before then reloads no one, and a restart would close a socket still opening:
    the tests below change files only once the page listens, as a page an admin keeps open.
    """
    page.goto(preview.url + path)
    page.wait_for_function("window.kpuLiveConnected === true", timeout=PATIENCE * 1000)


def test_a_failed_build_shows_a_banner_until_the_fix_is_saved(preview, browser):
    from playwright.sync_api import expect

    news = preview.project / NEWS
    text = news.read_text(encoding="utf-8")
    line = text.splitlines().index(GOOD_DIVISION) + 1
    page = browser.new_page()
    try:
        _open_listening(page, preview, "/berita/")
        banner = page.locator(f"#{BANNER_ID}")
        expect(page.locator("main")).to_be_visible()
        assert banner.count() == 0

        news.write_text(text.replace(GOOD_DIVISION, BAD_DIVISION), encoding="utf-8")
        # No reload from the test: livereload reloads the page once the build has failed.
        expect(banner).to_be_visible(timeout=PATIENCE * 1000)
        shown = banner.inner_text()
        assert "Build terakhir GAGAL — situs di bawah ini versi terakhir yang berhasil" in shown
        assert f'{NEWS}:{line}: kolom "Divisi": nilai "<b>teknis</b>" tidak dikenal' in shown
        assert banner.locator("b").count() == 0  # escaped, not markup
        assert page.evaluate("document.body.firstElementChild.id") == BANNER_ID
        expect(page.locator("main")).to_be_visible()  # the last good site, under the banner
        assert preview.get("/kontak/").count(f'id="{BANNER_ID}"') == 1  # every page has it
        written = sorted((preview.project / "output").rglob("*.html"))
        assert written and not [p for p in written if BANNER_ID in p.read_text("utf-8")]

        news.write_text(text, encoding="utf-8")
        expect(banner).to_have_count(0, timeout=PATIENCE * 1000)
        expect(page.locator("main")).to_be_visible()
    finally:
        page.close()


def test_a_page_whose_socket_connects_after_a_build_still_shows_that_build(preview, browser):
    # A build that ends while a page is loading reloads the sockets open then, not this page.
    # Hold the page's livereload.js until the build is in place: on connecting it must find
    # out by itself that a newer build is served, and reload.
    from playwright.sync_api import expect

    page_file = preview.project / "content" / "pages" / "kontak.md"
    text = page_file.read_text(encoding="utf-8")
    held = []
    page = browser.new_page()
    try:
        page.route("**/livereload.js*", lambda route: held.append(route))
        page.goto(preview.url + "/kontak/", wait_until="domcontentloaded")  # the script waits
        while not held:
            page.wait_for_timeout(50)
        page_file.write_text(text + "\nKalimat penanda pratinjau.\n", encoding="utf-8")
        preview.wait_until(lambda: "Kalimat penanda pratinjau." in preview.get("/kontak/"))
        assert "Kalimat penanda pratinjau." not in page.content()  # no socket: no reload yet
        held[0].continue_()
        expect(page.locator("main")).to_contain_text(
            "Kalimat penanda pratinjau.", timeout=PATIENCE * 1000
        )
    finally:
        page.close()
        page_file.write_text(text, encoding="utf-8")


def _eventually(page, expression, attempts=300):
    """Evaluate `expression` until it is true (across reloads); False if it never is."""
    from playwright.sync_api import Error

    for _ in range(attempts):
        try:
            if page.evaluate(expression):
                return True
        except Error:  # the page is being replaced by its reload
            pass
        page.wait_for_timeout(100)
    return False


def test_a_page_reloads_when_the_live_reload_socket_comes_back(preview, browser):
    # livereload.js does not reload on reconnecting; the kit's snippet does, so a page open
    # while the task restarts shows the new build however long that build takes. (After the
    # banner test: livereload's own reload of the browsers met at its first poll is past.)
    page = browser.new_page()
    try:
        page.goto(preview.url + "/berita/")
        page.evaluate("window.kept = true")
        try:
            page.evaluate(
                "document.dispatchEvent(new Event('LiveReloadDisconnect'));"
                "document.dispatchEvent(new Event('LiveReloadConnect'));"
            )
        except Exception as error:  # the reload it starts may end the call (a busy machine)
            if "context was destroyed" not in str(error):
                raise
        # Reloaded: the mark is gone. Polled, not awaited as one navigation: livereload may
        # reload the page a second time meanwhile, which aborts the first navigation.
        assert _eventually(page, "window.kept === undefined")
    finally:
        page.close()


def test_after_a_restart_for_new_plugin_code_the_page_reloads_with_its_build(preview, browser):
    from playwright.sync_api import expect

    model = preview.project / "plugins" / "kpu_dates" / "model.py"
    code = model.read_text(encoding="utf-8")
    page = browser.new_page()
    try:
        _open_listening(page, preview, "/berita/")
        expect(page.locator("main")).to_be_visible()
        assert "KODEBARU" not in page.content()
        # A literal in the date pattern: every date the new code formats shows it.
        model.write_text(
            code.replace(
                'FULL_DATE = "EEEE, d MMMM y"', "FULL_DATE = \"EEEE, d MMMM y 'KODEBARU'\""
            ),
            encoding="utf-8",
        )
        # The server goes away and comes back; the page's script reloads it then.
        expect(page.locator("main")).to_contain_text("KODEBARU", timeout=PATIENCE * 1000)
    finally:
        page.close()
        model.write_text(code, encoding="utf-8")


def test_a_page_whose_livereload_script_fails_to_load_still_shows_the_next_build(preview, browser):
    # A restart of the server can drop the request for livereload.js (CI saw a page left
    # without it, never reloading). The snippet then asks for the build number every second.
    from playwright.sync_api import expect

    page_file = preview.project / "content" / "pages" / "kontak.md"
    text = page_file.read_text(encoding="utf-8")
    page = browser.new_page()
    try:
        page.route("**/livereload.js*", lambda route: route.abort())
        page.goto(preview.url + "/kontak/")
        expect(page.locator("main")).to_be_visible()
        page_file.write_text(text + "\nKalimat tanpa soket.\n", encoding="utf-8")
        expect(page.locator("main")).to_contain_text(
            "Kalimat tanpa soket.", timeout=PATIENCE * 1000
        )
    finally:
        page.close()
        page_file.write_text(text, encoding="utf-8")
