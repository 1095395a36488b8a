"""The DIP in a real browser: accessible, and its filter works with and without JavaScript."""

import pytest

pytestmark = pytest.mark.browser
DIP = "/ppid/daftar-informasi-publik/"


def _visible_rows(page):
    return page.eval_on_selector_all(
        "tr[data-row]", "rows => rows.filter(r => r.offsetParent !== null).map(r => r.id)"
    )


@pytest.mark.parametrize("width", [360, 1280])
def test_dip_and_dik_have_no_axe_violations(audit_pages, width):
    paths = (DIP, "/ppid/informasi-dikecualikan/", "/ppid/laporan-keuangan-2024/", "/ppid/")
    audit_pages(paths, width)


def test_filter_narrows_in_place_with_javascript(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(site_url + DIP)
        all_rows = _visible_rows(page)
        page.evaluate("window.__samePage = true")
        page.click("a[data-filter=tahun][data-value='2024']")
        rows_2024 = _visible_rows(page)
        assert 0 < len(rows_2024) < len(all_rows)
        assert page.evaluate("window.__samePage") is True, "the filter reloaded the page"
        assert page.url.endswith(DIP + "tahun/2024/")
        years = page.eval_on_selector_all(
            "tr[data-row]", "rows => rows.filter(r => !r.hidden).map(r => r.dataset.tahun)"
        )
        assert set(years) == {"2024"}
        page.click("a[data-filter=klasifikasi][data-value='berkala']")
        narrowed = _visible_rows(page)
        assert set(narrowed) <= set(rows_2024) and narrowed
        assert page.url.endswith(DIP + "berkala/tahun/2024/")
        status = page.text_content("[data-dip-status]")
        assert f"Menampilkan {len(narrowed)} informasi" in status
        page.go_back()
        assert _visible_rows(page) == rows_2024
        assert errors == []
        # The same URL without JavaScript's help shows the same rows.
        page.goto(site_url + DIP + "berkala/tahun/2024/")
        assert _visible_rows(page) == narrowed
    finally:
        context.close()


def test_filter_works_without_javascript(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site_url + DIP)
        all_rows = _visible_rows(page)
        page.click("a[data-filter=klasifikasi][data-value='setiap-saat']")
        page.wait_for_url("**/daftar-informasi-publik/setiap-saat/")
        rows = _visible_rows(page)
        assert 0 < len(rows) < len(all_rows)
        klasses = page.eval_on_selector_all(
            "tr[data-row]", "rs => rs.map(r => r.dataset.klasifikasi)"
        )
        assert set(klasses) == {"setiap-saat"}
        current = page.eval_on_selector_all(
            "[data-dip-filter] a[aria-current=page]", "links => links.map(a => a.textContent)"
        )
        assert current == ["Setiap Saat", "Semua tahun"]
    finally:
        context.close()


def test_print_button_looks_like_the_sites_buttons(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_url + "/ppid/daftar-informasi-publik/")
        button = page.locator("button[data-print]")
        assert button.is_visible()
        style = button.evaluate(
            """(el) => { const s = getComputedStyle(el), body = getComputedStyle(document.body);
                 return [s.fontFamily === body.fontFamily, s.backgroundColor, s.color,
                         s.cursor]; }"""
        )
        link_button = page.evaluate(
            """() => { const a = document.createElement('a'); a.className = 'kpu-button';
                 document.body.append(a); const s = getComputedStyle(a);
                 return [s.backgroundColor, s.color]; }"""
        )
        assert style[0], "the print button keeps the browser's own font"
        assert style[1:3] == link_button and style[3] == "pointer"
    finally:
        context.close()
