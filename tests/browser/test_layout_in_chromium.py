"""Every list and item template at 360, 768 and 1280 px: no sideways scroll, no squashed card
photo, no text out of its box. Screenshots go to KPU_LAYOUT_SHOTS for review."""

import pytest

from tests.browser.layout import WIDTHS, check_layout, pages_to_check

pytestmark = pytest.mark.browser


def test_pages_to_check_cover_every_list_and_item_template(built_site):
    paths = pages_to_check(built_site)
    for expected in (
        "/",
        "/berita/",
        "/arsip/",
        "/kategori/opini/",
        "/ppid/daftar-informasi-publik/",
    ):
        assert expected in paths
    assert any(p.startswith("/divisi/") and p != "/divisi/" for p in paths)
    assert any(p.startswith("/tag/") and p != "/tag/" for p in paths)
    assert sum(p.startswith("/berita/20") for p in paths) >= 5  # one per content type at least


@pytest.mark.parametrize("width", WIDTHS)
def test_sample_site_layout(browser, site_url, built_site, width):
    problems = check_layout(browser, site_url, pages_to_check(built_site), width, "contoh")
    assert problems == {}, "\n".join(f"{path}: {p}" for path, ps in problems.items() for p in ps)


LONG_WORD = "Pemutakhirandatapemilihberkelanjutantingkatkabupatenkota"  # 57 letters, no break
LONG_TITLE = (
    f"{LONG_WORD} dan judul yang sangat panjang sekali untuk menguji kartu berita di beranda,"
    " daftar berita, halaman divisi dan arsip bulanan situs ini"
)
LONG_URL = f"https://contoh.kpu.go.id/{LONG_WORD.lower()}/{LONG_WORD.lower()}/"
LONG_LABEL = f"Naskah {LONG_WORD} dengan label yang sangat panjang (PDF)"
STRESS_ITEMS = {
    "berita/2026-11-30-uji-panjang.md": f"""Title: {LONG_TITLE}
Date: 2026-11-30 09:00
Category: klarifikasi-hoaks
Divisi: sosialisasi-parmas-sdm, keuangan-umum-logistik, perencanaan-data-informasi, hukum-pengawasan
Tags: {LONG_WORD.lower()}, pendidikan pemilih
Summary: Ringkasan dengan kata {LONG_WORD} yang tidak bisa dipenggal oleh peramban.
Image: images/sosialisasi-pemilih.jpg
Image_alt: Ilustrasi: peserta sosialisasi menghadap layar
Klaim: Klaim {LONG_WORD} yang beredar di media sosial
Putusan: hoaks
Dasar: Penjelasan {LONG_WORD}.
Sumber: https://jdih.kpu.go.id/

Isi dengan kata {LONG_WORD} di tengah kalimat, dan tautan {LONG_URL} yang panjang.
""",
    "berita/2026-11-29-pengumuman-panjang.md": f"""Title: Pengumuman {LONG_WORD}
Date: 2026-11-29 09:00
Category: pengumuman
Divisi: sosialisasi-parmas-sdm
Tags: pengumuman
Summary: Pengumuman dengan lampiran yang labelnya sangat panjang.
Nomor: 1/PL.02.1-Pu/3323/2026
Lampiran: lampiran/pengumuman-dps-pilkada-2024.pdf | {LONG_LABEL}

Isi pengumuman.
""",
}


@pytest.fixture(scope="module")
def stress_site(tmp_path_factory):
    """The sample plus items with the longest names a regency can configure and an unbreakable
    57-letter word in titles, tags, summaries, claims and attachment labels."""
    import functools
    import http.server
    import shutil
    import threading

    from tests.browser.conftest import _QuietHandler
    from tests.conftest import ROOT, build, write_content

    root = tmp_path_factory.mktemp("stress")
    content = root / "content"
    shutil.copytree(ROOT / "content", content)
    write_content(content, STRESS_ITEMS)
    site = build(root / "output", PATH=str(content))
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("width", WIDTHS)
def test_long_names_and_unbreakable_words_stay_in_their_boxes(browser, stress_site, width):
    site, base = stress_site
    item = next(site.glob("berita/2026/uji-panjang/index.html"))
    notice = next(site.glob("berita/2026/pengumuman-panjang/index.html"))
    tag = next(p for p in site.glob("tag/*/index.html") if p.parent.name.startswith("pemutakhiran"))
    paths = ["/", "/berita/", "/kategori/klarifikasi-hoaks/", "/divisi/sosialisasi-parmas-sdm/"]
    paths += ["/arsip/2026/11/", "/" + str(tag.parent.relative_to(site)) + "/"]
    paths += ["/" + str(p.parent.relative_to(site)) + "/" for p in (item, notice)]
    problems = check_layout(browser, base, paths, width, "panjang")
    assert problems == {}, "\n".join(f"{path}: {p}" for path, ps in problems.items() for p in ps)


@pytest.mark.parametrize("width", [360, 1280])
def test_pages_redesigned_here_have_no_axe_violations(audit_pages, built_site, width):
    """Attachment cards, the compact DIP, the report legend, the archive and the 404 page."""
    notice = next(
        p
        for p in sorted(built_site.glob("berita/*/*/index.html"))
        if "kpu-badge--pengumuman" in p.read_text(encoding="utf-8")
        and "kpu-file__action" in p.read_text(encoding="utf-8")
    )
    ppid_item = next(
        p
        for p in sorted(built_site.glob("ppid/*/index.html"))
        if "kpu-file__action" in p.read_text(encoding="utf-8")
    )
    paths = ["/laporan/publikasi/", "/arsip/", "/404.html"]
    paths += ["/" + str(p.parent.relative_to(built_site)) + "/" for p in (notice, ppid_item)]
    audit_pages(paths, width)
