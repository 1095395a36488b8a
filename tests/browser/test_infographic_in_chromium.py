"""The infographic, the home page with its voter-service panel and the commissioners' page in
Chromium: axe, no sideways scroll, the layout rules, and the picture never cropped."""

import pytest

from tests.browser.layout import SHOTS, WIDTHS, check_layout

INFOGRAPHIC = "/berita/2026/infografis-tahapan-pemutakhiran-data-pemilih/"
PATHS = [INFOGRAPHIC, "/", "/profil/profil-anggota/"]
HOAX = "/berita/2026/hoaks-pindah-domisili-hilang-hak-pilih/"
OPINION = "/berita/2023/saring-sebelum-berbagi/"

# How the picture is drawn: its box's ratio against the file's, and what object-fit does.
DRAWN = """(selector) => {
  const img = document.querySelector(selector);
  const box = img.getBoundingClientRect();
  return {fit: getComputedStyle(img).objectFit, ratio: box.width / box.height,
          natural: img.naturalWidth / img.naturalHeight, width: box.width,
          viewport: window.innerWidth, complete: img.complete && img.naturalWidth > 0};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_and_no_sideways_scroll(audit_pages, width):
    audit_pages(PATHS + [HOAX, OPINION], width)


@pytest.mark.parametrize("width", WIDTHS)
def test_layout_rules_hold(browser, site_url, width):
    problems = check_layout(browser, site_url, PATHS + [HOAX], width, "infografis")
    assert problems == {}, "\n".join(f"{path}: {p}" for path, ps in problems.items() for p in ps)
    assert (SHOTS / f"infografis-beranda-{width}.png").is_file()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_infographic_is_drawn_whole_at_its_own_ratio(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(site_url + INFOGRAPHIC, wait_until="load")
        drawn = page.evaluate(DRAWN, ".kpu-infographic__image")
        assert drawn["complete"]
        assert drawn["fit"] == "contain"
        assert abs(drawn["ratio"] - drawn["natural"]) < 0.01, drawn  # not squashed or cut
        assert drawn["width"] >= min(width - 80, 600), drawn  # shown large, not as a thumbnail
        page.goto(site_url + "/", wait_until="load")
        card = ".kpu-card:has(.kpu-badge--infografis) .kpu-card__image"
        assert page.evaluate(DRAWN, card)["fit"] == "contain"  # fitted in its card, never cut
    finally:
        context.close()


def test_the_voter_lookup_button_is_thumb_sized_at_360(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    try:
        page.goto(site_url + "/", wait_until="load")
        box = page.locator(".kpu-voter-services__button").bounding_box()
        assert box["height"] >= 44 and box["width"] >= 280, box
    finally:
        context.close()
