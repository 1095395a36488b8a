"""The invoke tasks: `new` scaffolds files that build; `build` and `social` speak plainly."""

import subprocess
import sys

import pytest

from kpu_gate import placeholders as example
from kpu_messages import ContentError
from tests.conftest import build, soup


def _invoke(project, *args):
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args],
        cwd=project,
        capture_output=True,
        text=True,
    )


def test_new_news_item_is_a_draft_that_builds(project):
    result = _invoke(
        project,
        "new",
        "berita",
        "--title",
        "Rapat Pleno Rekapitulasi Suara",
        "--divisi",
        "teknis-penyelenggaraan",
    )
    assert result.returncode == 0, result.stderr
    created = list((project / "content" / "berita").glob("*-rapat-pleno-rekapitulasi-suara.md"))
    assert len(created) == 1
    text = created[0].read_text(encoding="utf-8")
    for field in (
        "Title:",
        "Date:",
        "Category: berita",
        "Divisi: teknis-penyelenggaraan",
        "Summary:",
    ):
        assert field in text
    site = build(project / "out", PATH=str(project / "content"))
    draft = soup(site / "draf" / "rapat-pleno-rekapitulasi-suara" / "index.html")
    assert draft.h1.get_text() == "Rapat Pleno Rekapitulasi Suara"


def _fill_in(path, replacements):
    text = path.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def test_new_page_is_a_draft_until_filled_in_and_then_lands_under_its_parent(project):
    result = _invoke(project, "new", "halaman", "--title", "Jadwal Layanan", "--parent", "profil")
    assert result.returncode == 0, result.stderr
    created = project / "content" / "pages" / "profil" / "jadwal-layanan.md"
    draft_site = build(project / "draft", PATH=str(project / "content"))
    assert (draft_site / "draf" / "halaman" / "jadwal-layanan" / "index.html").exists()
    assert not (draft_site / "profil" / "jadwal-layanan").exists()
    _fill_in(created, {"Status: draft": "Status: published"})
    with pytest.raises(ContentError) as error:
        build(project / "early", PATH=str(project / "content"))
    phrase = example.key_phrase(example.PAGE_SUMMARY)
    assert f'teks contoh dari invoke new masih ada: "{phrase}"' in str(error.value)
    _fill_in(created, {example.PAGE_SUMMARY: "Jam layanan kantor.", example.PAGE_BODY: "Isi."})
    site = build(project / "out", PATH=str(project / "content"))
    page = soup(site / "profil" / "jadwal-layanan" / "index.html")
    crumbs = [li.get_text(strip=True) for li in page.select(".kpu-breadcrumbs li")]
    assert crumbs == ["Beranda", "Profil", "Jadwal Layanan"]


def test_new_refuses_an_unknown_division_in_indonesian(project):
    result = _invoke(project, "new", "berita", "--title", "Uji", "--divisi", "logistik")
    assert result.returncode != 0
    assert 'Divisi "logistik" tidak dikenal' in result.stdout + result.stderr


def test_new_ppid_item_builds_into_the_dip(project):
    result = _invoke(project, "new", "ppid", "--title", "Laporan Kinerja Triwulan III")
    assert result.returncode == 0, result.stderr
    created = project / "content" / "ppid" / "laporan-kinerja-triwulan-iii.md"
    text = created.read_text(encoding="utf-8")
    for field in ("Judul:", "Klasifikasi: berkala", "Kelompok:", "Retensi:", "Penanggung_Jawab:"):
        assert field in text
    with pytest.raises(ContentError) as error:  # PPID items go live: no example text may stay
        build(project / "early", PATH=str(project / "content"))
    lines = [line for line in str(error.value).splitlines() if "laporan-kinerja" in line]
    assert len(lines) == 2 and all("teks contoh dari invoke new" in line for line in lines)
    _fill_in(
        created,
        {example.PPID_SUMMARY: "Capaian kinerja triwulan III.", example.PPID_BODY: "Rincian."},
    )
    site = build(project / "out", PATH=str(project / "content"))
    item = soup(site / "ppid" / "laporan-kinerja-triwulan-iii" / "index.html")
    assert item.h1.get_text() == "Laporan Kinerja Triwulan III"
    dip = soup(site / "ppid" / "daftar-informasi-publik" / "index.html")
    assert dip.find("tr", id="laporan-kinerja-triwulan-iii") is not None


def test_new_exempt_ppid_item_lands_in_the_dik(project):
    result = _invoke(
        project, "new", "ppid", "--title", "Berkas Seleksi PPK", "--klasifikasi", "dikecualikan"
    )
    assert result.returncode == 0, result.stderr
    text = (project / "content" / "ppid" / "berkas-seleksi-ppk.md").read_text(encoding="utf-8")
    assert "Uji_Konsekuensi:" in text and "Lampiran" not in text.split("\n\n")[0]
    _fill_in(
        project / "content" / "ppid" / "berkas-seleksi-ppk.md",
        {
            example.PPID_BASIS: "Pasal 17 huruf h UU 14/2008; Keputusan PPID Nomor 1/2026.",
            example.PPID_TEST: "Memuat data pribadi peserta seleksi.",
            example.PPID_PERIOD: "Selama 5 tahun.",
        },
    )
    site = build(project / "out", PATH=str(project / "content"))
    dik = soup(site / "ppid" / "informasi-dikecualikan" / "index.html")
    assert dik.find("tr", id="berkas-seleksi-ppk") is not None


def test_new_refuses_an_unknown_ppid_group(project):
    result = _invoke(project, "new", "ppid", "--title", "Uji", "--kelompok", "keuangan")
    assert result.returncode != 0
    assert 'Kelompok "keuangan" tidak dikenal' in result.stdout + result.stderr


def test_build_reports_every_mistake_plainly_and_fails(project):
    broken = "Title: Uji\nDate: 25 Mei 2021\nCategory: berta\nDivisi: hukum\n\nIsi.\n"
    (project / "content" / "berita" / "salah.md").write_text(broken, encoding="utf-8")
    result = _invoke(project, "build")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "BUILD GAGAL. Ada 3 kesalahan" in output
    assert 'content/berita/salah.md:2: kolom "Date": "25 Mei 2021"' in output
    assert 'Mungkin maksud Anda "berita"?' in output
    assert 'Mungkin maksud Anda "hukum-pengawasan"?' in output
    assert "Traceback" not in output


def test_build_reports_a_settings_mistake_plainly_and_fails(project):
    conf = project / "pelicanconf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "KPU_REPORT_MONTHS = 0\n", "utf-8")
    result = _invoke(project, "build")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "BUILD GAGAL. Pengaturan di pelicanconf.py belum benar (kpu_report):" in output
    assert "- pelicanconf.py: KPU_REPORT_MONTHS = 0 tidak sah. Yang diizinkan:" in output
    assert "Traceback" not in output


def test_build_of_the_sample_succeeds(project):
    result = _invoke(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "output" / "index.html").exists()


def test_social_prints_every_channel_and_social_list_names_the_slugs(project):
    # The item asks for its own card, so the test holds once it is past the 12 months too.
    item = project / "content" / "berita" / "2026-09-15-hoaks-pindah-domisili-hilang-hak-pilih.md"
    text = item.read_text(encoding="utf-8")
    item.write_text(text.replace("\nDate:", "\nKartu_Berbagi: ya\nDate:", 1), encoding="utf-8")
    assert "Kartu_Berbagi: ya" in item.read_text(encoding="utf-8")
    result = _invoke(project, "social", "hoaks-pindah-domisili-hilang-hak-pilih")
    assert result.returncode == 0, result.stdout + result.stderr
    headings = [line for line in result.stdout.splitlines() if line.startswith("===== ")]
    assert [h.split(" (")[0] for h in headings] == [
        "===== X",
        "===== Instagram",
        "===== Facebook",
        "===== WhatsApp",
    ]
    assert headings[0].endswith("/280 karakter) =====")
    assert "Tautan lengkap di bio." in result.stdout and "kartu-1200x630-" in result.stdout
    wrong = _invoke(project, "social", "hoaks-pindah-domisili")
    assert wrong.returncode == 1
    assert 'Maksud Anda "hoaks-pindah-domisili-hilang-hak-pilih"?' in wrong.stdout + wrong.stderr
    listing = _invoke(project, "social-list")
    assert listing.returncode == 0
    assert "  hoaks-pindah-domisili-hilang-hak-pilih" in listing.stdout.splitlines()
    assert "  evaluasi-kehumasan-dan-ppid  (kartu umum kantor)" in listing.stdout.splitlines()


def test_social_of_an_old_item_names_the_office_card_and_the_field(project):
    result = _invoke(project, "social", "evaluasi-kehumasan-dan-ppid")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "  output/sosial/kartu-situs-1200x630-" in result.stdout
    assert "kartu-1080x1080-" not in result.stdout
    assert "lebih dari 12 bulan" in result.stdout and "Kartu_Berbagi: ya" in result.stdout
