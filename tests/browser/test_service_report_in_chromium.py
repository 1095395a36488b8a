"""The service report in Chromium: axe, no sideways scroll, and the layout rules."""

import pytest

from tests.browser.layout import check_layout

PATHS = [
    "/ppid/laporan-layanan/2025/",
    "/ppid/laporan-layanan/",
    "/ppid/laporan-layanan-informasi-2025/",
]


@pytest.mark.parametrize("width", [360, 1280])
def test_the_service_report_passes_axe(audit_pages, width):
    audit_pages(PATHS, width)


@pytest.mark.parametrize("width", [360, 768, 1280])
def test_the_service_report_keeps_the_layout_rules(browser, site_url, width):
    problems = check_layout(browser, site_url, PATHS, width, "laporan-layanan")
    assert problems == {}, "\n".join(f"{path}: {p}" for path, ps in problems.items() for p in ps)


@pytest.mark.parametrize("width", [360, 1280])
def test_the_readiness_page_passes_axe_and_the_layout_rules(audit_pages, browser, site_url, width):
    audit_pages(["/ppid/kesiapan/"], width)
    problems = check_layout(browser, site_url, ["/ppid/kesiapan/"], width, "kesiapan")
    assert problems == {}, "\n".join(f"{path}: {p}" for path, ps in problems.items() for p in ps)
