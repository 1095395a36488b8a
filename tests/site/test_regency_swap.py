"""Swapping the regency block gives a site that names only the new office."""

import pytest

from tests.conftest import build, soup, write_content

PALU = {
    "name": "KPU Kota Palu",
    "regency": "Kota Palu",
    "province": "Sulawesi Tengah",
    "dateline": "PALU",
    "tagline": "Komisi Pemilihan Umum Kota Palu",
    "address": "Jl. Contoh Raya No. 9, Palu, Sulawesi Tengah",
    "phone": "(0451) 400 000",
    "email": "kota.palu@kpu.go.id",
    "office_hours": "Senin–Jumat, 08.00–16.00 WITA",
    "timezone": "WITA",
    "site_url": "https://kota-palu.kpu.go.id",
    "logo": "",
    "ppid_portal": "https://palukotappid.kpu.go.id",
    "social": {"instagram": "https://www.instagram.com/kpu_palu", "youtube": ""},
    "divisions": [
        {"slug": "teknis", "name": "Divisi Teknis Penyelenggaraan", "commissioner": "Anggota A"},
        {"slug": "hukum", "name": "Divisi Hukum dan Pengawasan", "commissioner": "Anggota B"},
    ],
    "secretariat": {"slug": "sekretariat", "name": "Sekretariat KPU Kota Palu", "head": "S"},
    "sample_site": False,
}

NEUTRAL = {
    "berita/a.md": (
        "Title: Rapat koordinasi tahapan\nDate: 2024-03-05 10:15\nCategory: berita\n"
        "Divisi: teknis\nTags: tahapan\nSummary: Rapat koordinasi.\n\nIsi.\n"
    ),
    "pages/kontak.md": "Title: Kontak\nTemplate: kontak\n\nHubungi kami.\n",
    "pages/profil.md": "Title: Profil\n\nTentang kantor.\n",
}


@pytest.fixture(scope="module")
def palu_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("palu")
    content = write_content(base / "content", NEUTRAL)
    (content / "images").mkdir()
    # A real office (sample_site False) may not keep the sample's national-DIK decree
    # (test_national_dik.py); this one has not adopted the list.
    return build(base / "out", PATH=str(content), KPU_OFFICE=PALU, KPU_NATIONAL_DIK=None)


def test_no_file_names_the_sample_regency(palu_site):
    for path in palu_site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".css", ".xml", ".svg", ".txt"}:
            text = path.read_text(encoding="utf-8")
            assert "Temanggung" not in text and "temanggung" not in text, path


def test_header_title_footer_and_dates_follow_the_new_block(palu_site):
    page = soup(palu_site / "index.html")
    assert "KPU Kota Palu" in page.title.get_text()
    assert "Kota Palu" in page.find(class_="kpu-brand").get_text()
    footer = page.find("footer").get_text(" ")
    assert PALU["address"] in footer and PALU["email"] in footer
    hrefs = [a["href"] for a in page.select(".kpu-social a")]
    assert hrefs == ["https://www.instagram.com/kpu_palu"]
    assert page.find(class_="kpu-notice") is None
    article = soup(next((palu_site / "berita").glob("*/*/index.html")))
    assert article.find("time").get_text(strip=True).endswith("10.15 WITA")
    assert "Divisi Teknis Penyelenggaraan" in article.find(class_="kpu-article-meta").get_text()
