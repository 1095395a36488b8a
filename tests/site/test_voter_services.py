"""Voter-service links on the home page and in the footer, the hoax box's lookup link and
the opinion disclaimer, on the sample site and on a site with another office's choices."""

import copy
import shutil

import pytest

from tests.conftest import ROOT, build, make_settings, soup

HOAX = "berita/2026/hoaks-pindah-domisili-hilang-hak-pilih/index.html"
UNRELATED_HOAX = (
    "Title: [HOAKS] Surat suara sudah dicoblos\nDate: 2026-09-20 10:00\n"
    "Category: klarifikasi-hoaks\nDivisi: teknis-penyelenggaraan\nTags: hoaks, logistik\n"
    "Summary: Foto surat suara tercoblos yang beredar bukan dari Temanggung.\n"
    "Klaim: Surat suara di gudang sudah dicoblos sebelum hari pemungutan.\nPutusan: hoaks\n"
    "Dasar: Surat suara disegel dan dihitung di depan saksi.\nSumber: https://www.kpu.go.id\n\n"
    "Foto yang beredar diambil di daerah lain.\n"
)
OPINION = "berita/2023/saring-sebelum-berbagi/index.html"


def _links(page, selector):
    return [(a.get_text(" ", strip=True), a["href"]) for a in page.select(selector)]


def test_home_shows_layanan_pemilih_first_in_the_aside_with_cek_dpt_most_prominent(built_site):
    page = soup(built_site / "index.html")
    home = page.select_one(".kpu-home")
    # Before the news in the page, so a phone shows it first; the news follows.
    aside = home.find(recursive=False)
    assert aside.name == "aside" and "kpu-home__aside--services" in aside["class"]
    assert aside.find_next_sibling("section")["class"] == ["kpu-home__latest"]
    first = aside.find("section")
    assert "kpu-voter-services" in first["class"]
    assert first.h2.get_text(strip=True) == "Layanan Pemilih"
    button = first.select_one(".kpu-voter-services__button")
    assert button["href"] == "https://cekdptonline.kpu.go.id"
    assert button.get_text(" ", strip=True) == "Cek DPT Online (situs luar)"
    assert _links(first, ".kpu-voter-services__link") == [
        ("Info Pemilu (situs luar)", "https://infopemilu.kpu.go.id"),
        ("JDIH KPU (situs luar)", "https://jdih.kpu.go.id"),
        ("LAPOR! (SP4N) (situs luar)", "https://www.lapor.go.id"),
        ("KPU RI (situs luar)", "https://www.kpu.go.id"),
        ("KPU Provinsi Jawa Tengah (situs luar)", "https://jateng.kpu.go.id"),
        ("Bawaslu Kabupaten Temanggung (situs luar)", "https://temanggung.bawaslu.go.id"),
    ]
    assert all(a["rel"] == ["noopener"] for a in first.find_all("a"))
    # Closed before the next panel, not wrapping it.
    assert first.find(class_="kpu-panel--ppid") is None
    info = aside.find_next_sibling("aside")
    assert "kpu-home__aside--info" in info["class"]
    assert info.find("section")["class"] == ["kpu-panel", "kpu-panel--ppid"]


def test_every_page_footer_lists_the_services_before_the_links(built_site):
    for path in ("index.html", "profil/sejarah/index.html", HOAX):
        footer = soup(built_site / path).find("footer", class_="kpu-footer")
        titles = [h.get_text(strip=True) for h in footer.select(".kpu-footer__title")]
        assert titles.index("Layanan Pemilih") + 1 == titles.index("Tautan"), path
        links = _links(footer, ".kpu-voter-services__footer a")
        assert [href for _label, href in links][:2] == [
            "https://cekdptonline.kpu.go.id",
            "https://infopemilu.kpu.go.id",
        ]
        assert len(links) == 7
        assert "siakba" not in str(footer)  # listed but switched off in the sample


def test_the_sample_hoax_about_voting_rights_links_to_the_voter_lookup(built_site):
    link = soup(built_site / HOAX).select_one(".kpu-hoax .kpu-hoax__lookup a")
    assert link["href"] == "https://cekdptonline.kpu.go.id"
    assert link.get_text(" ", strip=True) == "Cek status Anda di Cek DPT Online (situs luar)"


def test_opinion_pieces_and_only_they_carry_the_disclaimer(built_site):
    note = soup(built_site / OPINION).select_one(".kpu-article .kpu-disclaimer")
    assert note["role"] == "note"
    assert "pandangan pribadi penulis" in note.get_text()
    assert "KPU Kabupaten Temanggung" in note.get_text()
    for path in built_site.glob("berita/[0-9]*/*/index.html"):
        page = soup(path)
        badge = page.select_one(".kpu-article__type .kpu-badge")
        is_opinion = "kpu-badge--opini" in badge["class"]
        assert bool(page.select(".kpu-disclaimer")) is is_opinion, path


@pytest.fixture(scope="module")
def other_choices(tmp_path_factory):
    """The sample with reordered services, JDIH off, Cek DPT off, own disclaimer, a new hoax."""
    base = tmp_path_factory.mktemp("choices")
    content = base / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "berita" / "2026-09-20-hoaks-surat-suara.md").write_text(
        UNRELATED_HOAX, encoding="utf-8"
    )
    office = copy.deepcopy(make_settings()["KPU_OFFICE"])
    office["voter_services"] = [
        {"service": "lapor", "label": "Pengaduan LAPOR!"},
        {"service": "kpu_ri"},
        {"service": "jdih", "show": False},
        {"service": "info_pemilu"},
    ]
    office["opinion_disclaimer"] = "Isi opini ini tanggung jawab penulisnya."
    return build(base / "out", PATH=str(content), KPU_OFFICE=office)


def test_another_order_and_a_switched_off_link(other_choices):
    page = soup(other_choices / "index.html")
    panel = page.select_one(".kpu-voter-services")
    assert panel.select(".kpu-voter-services__button") == []  # Cek DPT Online not listed
    assert _links(panel, ".kpu-voter-services__link") == [
        ("Pengaduan LAPOR! (situs luar)", "https://www.lapor.go.id"),
        ("KPU RI (situs luar)", "https://www.kpu.go.id"),
        ("Info Pemilu (situs luar)", "https://infopemilu.kpu.go.id"),
    ]
    footer = page.find("footer")
    assert [h for _l, h in _links(footer, ".kpu-voter-services__footer a")] == [
        "https://www.lapor.go.id",
        "https://www.kpu.go.id",
        "https://infopemilu.kpu.go.id",
    ]
    assert "jdih.kpu.go.id" not in str(page)


def test_no_lookup_link_without_the_lookup_or_on_an_unrelated_claim(other_choices, built_site):
    # Cek DPT Online is not in this office's list: even the voter-rights hoax has no link.
    assert soup(other_choices / HOAX).select(".kpu-hoax__lookup") == []
    unrelated = soup(other_choices / "berita/2026/hoaks-surat-suara/index.html")
    assert unrelated.select_one(".kpu-hoax") is not None
    assert unrelated.select(".kpu-hoax__lookup") == []


def test_the_office_wording_of_the_disclaimer_is_shown(other_choices):
    note = soup(other_choices / OPINION).select_one(".kpu-disclaimer")
    assert note.get_text(" ", strip=True) == "Catatan: Isi opini ini tanggung jawab penulisnya."
