"""The search page's interface: its label only with its field, axe with results on screen."""

import pytest

pytestmark = pytest.mark.browser

WIDTHS = (360, 768, 1280)


def test_without_javascript_no_field_label_is_left_behind(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/cari/")
        assert not page.is_visible("#label-pencarian")
        assert page.is_visible(".kpu-callout")  # the links to browse instead
    finally:
        context.close()


def test_with_javascript_the_field_is_labelled_kata_kunci(browser, site_url):
    page = browser.new_page()
    try:
        page.goto(f"{site_url}/cari/")
        field = page.get_by_role("textbox", name="Kata kunci")
        field.wait_for()
        assert field.evaluate("e => e.classList.contains('pagefind-ui__search-input')")
        assert page.is_visible("#label-pencarian")
    finally:
        page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_results_and_an_open_filter_pass_axe_and_fit_the_screen(browser, site_url, width):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{site_url}/cari/?q=pemilih")
        page.locator(".pagefind-ui__result-link").first.wait_for()
        page.locator(".pagefind-ui__filter-name", has_text="Divisi").click()
        page.locator(".pagefind-ui__result-excerpt").first.wait_for()
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"/cari/ scrolls sideways at {width}px"
    finally:
        context.close()
