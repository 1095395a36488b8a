"""Division, report, feeds and hoax pages in a real browser: axe and the 360 px layout."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


def _hoax_page(built_site):
    for path in sorted((built_site / "berita").glob("[0-9][0-9][0-9][0-9]/*/index.html")):
        if 'class="kpu-hoax' in path.read_text(encoding="utf-8"):
            return "/" + str(path.relative_to(built_site).parent) + "/"
    pytest.fail("the sample has no hoax clarification")


@pytest.mark.parametrize("width", [360, 1280])
def test_division_report_and_feeds_pages_pass_axe(browser, site_url, built_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        for path in (
            "/divisi/",
            "/divisi/sosialisasi-parmas-sdm/",
            "/laporan/publikasi/",
            "/feeds/",
            _hoax_page(built_site),
        ):
            page.goto(site_url + path)
            results = Axe().run(page)
            assert results.violations_count == 0, f"{path}:\n{results.generate_report()}"
            overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{path} scrolls sideways at {width}px"
    finally:
        context.close()
