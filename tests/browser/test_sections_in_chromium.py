"""Division, report, feeds and hoax pages in a real browser: axe and the 360 px layout."""

import pytest

pytestmark = pytest.mark.browser


def _hoax_page(built_site):
    for path in sorted((built_site / "berita").glob("[0-9][0-9][0-9][0-9]/*/index.html")):
        if 'class="kpu-hoax' in path.read_text(encoding="utf-8"):
            return "/" + str(path.relative_to(built_site).parent) + "/"
    pytest.fail("the sample has no hoax clarification")


@pytest.mark.parametrize("width", [360, 1280])
def test_division_report_and_feeds_pages_pass_axe(audit_pages, built_site, width):
    paths = (
        "/divisi/",
        "/divisi/sosialisasi-parmas-sdm/",
        "/laporan/publikasi/",
        "/feeds/",
        _hoax_page(built_site),
    )
    audit_pages(paths, width)
