"""PPID mistakes stop the build with every problem listed; exempt files never leak."""

import pytest

from kpu_messages import AdminFacingError
from tests.conftest import build, seed_image_cache

GOOD = """\
Judul: Laporan Uji
Klasifikasi: berkala
Kelompok: kinerja
Tahun: 2024
Tanggal: 2025-01-02
Ringkasan: Ringkasan.
Penguasa_Informasi: Subbagian Teknis
Penanggung_Jawab: Sekretaris
Waktu_Pembuatan: Januari 2025
Tempat_Pembuatan: Kantor
Bentuk: elektronik
Retensi: 5 tahun
"""


def _failing_build(content, tmp_path):
    with pytest.raises(AdminFacingError) as error:
        build(tmp_path / "out", PATH=str(content))
    return str(error.value)


def test_every_ppid_problem_is_listed_with_file_and_field(content_copy, tmp_path):
    ppid = content_copy / "ppid"
    (ppid / "salah-klasifikasi.md").write_text(
        GOOD.replace("Klasifikasi: berkala", "Klasifikasi: berkla"), encoding="utf-8"
    )
    (ppid / "lampiran-hilang.md").write_text(
        GOOD + "Lampiran: lampiran/tidak-ada.pdf | Hilang\n", encoding="utf-8"
    )
    (ppid / "lampiran-luar.md").write_text(
        GOOD + "Lampiran: ../../pelicanconf.py\n", encoding="utf-8"
    )
    (ppid / "tahun-salah.md").write_text(GOOD.replace("Tahun: 2024", "Tahun: 20244"), "utf-8")
    (ppid / "laporan-keuangan-2024-kembar.md").write_text(
        GOOD + "Slug: laporan-keuangan-2024\n", encoding="utf-8"
    )
    message = _failing_build(content_copy, tmp_path)
    assert message.startswith("Ada 5 kesalahan di konten")
    assert 'content/ppid/salah-klasifikasi.md:2: kolom "Klasifikasi": nilai "berkla"' in message
    assert 'Mungkin maksud Anda "berkala"?' in message
    assert (
        'content/ppid/lampiran-hilang.md:13: kolom "Lampiran": berkas "lampiran/tidak-ada.pdf"'
        in message
    )
    assert (
        "content/ppid/lampiran-luar.md:13: " in message
        and "berada di luar folder content/" in message
    )
    assert 'content/ppid/tahun-salah.md:4: kolom "Tahun": "20244" bukan tahun yang sah' in message
    assert 'slug "laporan-keuangan-2024" sudah dipakai oleh' in message


def test_exempt_item_with_an_attachment_stops_the_build(content_copy, tmp_path):
    exempt = content_copy / "ppid" / "dokumen-kependudukan-pemilih.md"
    exempt.write_text(
        exempt.read_text(encoding="utf-8").rstrip("\n") + "\nLampiran: lampiran/ktp.pdf\n\nIsi.\n",
        encoding="utf-8",
    )
    (content_copy / "ppid" / "lampiran" / "ktp.pdf").write_bytes(b"%PDF rahasia")
    message = _failing_build(content_copy, tmp_path)
    assert "content/ppid/dokumen-kependudukan-pemilih.md" in message
    assert "tidak boleh memiliki lampiran" in message


def test_files_next_to_an_exempt_item_never_reach_the_output(content_copy, tmp_path):
    secret = b"%PDF-1.4 SALINAN KTP RAHASIA"
    (content_copy / "ppid" / "dokumen-kependudukan-pemilih.pdf").write_bytes(secret)
    folder = content_copy / "ppid" / "dokumen-kependudukan-pemilih"
    folder.mkdir()
    (folder / "ktp.pdf").write_bytes(secret)
    site = build(tmp_path / "out", PATH=str(content_copy))
    for path in site.rglob("*"):
        if path.is_file():
            assert secret not in path.read_bytes(), path
            assert "ktp" not in path.name and "dokumen-kependudukan" not in str(path), path


def test_ppid_slug_may_not_take_a_standard_page_url(content_copy, tmp_path):
    (content_copy / "ppid" / "regulasi.md").write_text(GOOD, encoding="utf-8")
    message = _failing_build(content_copy, tmp_path)
    assert 'content/ppid/regulasi.md:1: slug "regulasi" sudah dipakai halaman lain' in message


def test_images_in_a_ppid_body_are_published_responsive_and_clean(content_copy, tmp_path):
    from tests.photos import camera_jpeg

    (content_copy / "images" / "ppid-foto.jpg").write_bytes(camera_jpeg(6, 1200, 800))
    (content_copy / "ppid" / "dengan-foto.md").write_text(
        GOOD + "\nBerikut fotonya.\n\n![Foto papan informasi](/images/ppid-foto.jpg)\n",
        encoding="utf-8",
    )
    cache = seed_image_cache(tmp_path / "cache")  # the sample's photos; ppid-foto.jpg is new
    site = build(tmp_path / "out", PATH=str(content_copy), CACHE_PATH=str(cache))
    page = (site / "ppid" / "dengan-foto" / "index.html").read_text(encoding="utf-8")
    assert "<picture>" in page and "ppid-foto.jpg" not in page
    assert not (site / "images" / "ppid-foto.jpg").exists()


def test_images_in_an_exempt_body_never_reach_the_output(content_copy, tmp_path):
    from tests.photos import camera_jpeg

    (content_copy / "images" / "rahasia.jpg").write_bytes(camera_jpeg(1, 900, 600))
    exempt = content_copy / "ppid" / "dokumen-kependudukan-pemilih.md"
    exempt.write_text(
        exempt.read_text(encoding="utf-8") + "\n![Salinan KTP](/images/rahasia.jpg)\n",
        encoding="utf-8",
    )
    cache = seed_image_cache(tmp_path / "cache")  # the sample's photos; rahasia.jpg is new
    site = build(tmp_path / "out", PATH=str(content_copy), CACHE_PATH=str(cache))
    assert not [p for p in site.rglob("rahasia*")]
