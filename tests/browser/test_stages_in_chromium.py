"""The stages timeline in Chromium: axe, the layout rules, and the current stage in view."""

import pytest

from tests.browser.layout import check_layout

PATHS = ["/tahapan/", "/"]


@pytest.mark.parametrize("width", [360, 1280])
def test_the_timeline_passes_axe(audit_pages, width):
    audit_pages(["/tahapan/"], width)


@pytest.mark.parametrize("width", [360, 768, 1280])
def test_the_timeline_and_home_panel_keep_the_layout_rules(browser, site_url, width):
    problems = check_layout(browser, site_url, PATHS, width, "tahapan")
    assert problems == {}, "\n".join(f"{path}: {p}" for path, ps in problems.items() for p in ps)


def test_the_calendar_help_opens_without_sideways_scroll_on_a_phone(browser, site_url):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    try:
        page.goto(f"{site_url}/tahapan/")
        summary = page.locator(".kpu-stages__help summary").first
        summary.click()
        assert page.locator(".kpu-stages__help").first.evaluate("d => d.open") is True
        assert page.locator(".kpu-stages__help code").first.is_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360
    finally:
        page.close()
