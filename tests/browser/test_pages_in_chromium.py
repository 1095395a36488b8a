"""What only a browser shows: console errors, outside requests, 360 px layout, axe."""

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


def _first_article(built_site):
    path = sorted((built_site / "berita").glob("[0-9][0-9][0-9][0-9]/*/index.html"))[0]
    return "/" + str(path.relative_to(built_site).parent) + "/"


def _targets(built_site):
    return {
        "home": "/",
        "article": _first_article(built_site),
        "list": "/berita/",
        "page": "/profil/sejarah/",
    }


@pytest.fixture(params=["home", "article", "list", "page"])
def loaded(request, browser, site_url, built_site):
    """Open one page at 360 px, recording console errors and every request's host."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    errors, hosts = [], set()
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: hosts.add(urlparse(req.url).hostname))
    response = page.goto(site_url + _targets(built_site)[request.param], wait_until="load")
    assert response.ok
    yield request.param, page, errors, hosts
    context.close()


def test_no_console_errors_and_no_request_leaves_localhost(loaded):
    name, _page, errors, hosts = loaded
    assert errors == [], f"{name}: {errors}"
    assert hosts == {"127.0.0.1"}, f"{name}: {hosts}"


def test_no_horizontal_scroll_at_360px(loaded):
    name, page, _errors, _hosts = loaded
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{name} scrolls sideways by {overflow}px"


def test_axe_reports_no_violations(loaded):
    name, page, _errors, _hosts = loaded
    results = Axe().run(page)
    assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"


def test_axe_on_desktop_width(browser, site_url, built_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        for path in _targets(built_site).values():
            page.goto(site_url + path)
            results = Axe().run(page)
            assert results.violations_count == 0, f"{path}:\n{results.generate_report()}"
    finally:
        context.close()


def test_skip_link_is_first_focus_and_moves_to_main(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.goto(site_url + "/")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Langsung ke konten utama"
        assert page.evaluate("getComputedStyle(document.activeElement).top") != "-160px"
        page.keyboard.press("Enter")
        assert page.evaluate("location.hash") == "#konten"
    finally:
        context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_every_other_template_kind_passes_axe(audit_pages, built_site, width):
    paths = [
        "/kategori/",
        "/kategori/pengumuman/",
        "/tag/",
        "/tag/pemilu-2024/",
        "/arsip/",
        "/arsip/2024/",
        "/penulis/",
        "/berita/halaman/2/",
        "/404.html",
        "/cari/?q=pemilu",
        "/profil/",
        "/kontak/",
    ]
    audit_pages(paths, width)
