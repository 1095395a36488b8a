"""The content gate on a built site: every hostile or mistaken file at once is named, nothing
of it reaches the output, and what is published carries no private metadata."""

import io
import os
import subprocess
import sys

import pikepdf
import pytest
from PIL import Image

from kpu_messages import ContentError
from tests.conftest import build, soup, write_content
from tests.photos import camera_jpeg

NEWS = "Title: {title}\nDate: {date}\nCategory: berita\nDivisi: sekretariat\nTags: uji\n{extra}"
PPID = """\
Judul: {title}
Klasifikasi: berkala
Kelompok: kinerja
Tahun: 2024
Tanggal: 2025-01-02
Ringkasan: Ringkasan kinerja.
Penguasa_Informasi: Sekretariat
Penanggung_Jawab: Sekretaris
Waktu_Pembuatan: Januari 2025
Tempat_Pembuatan: Kantor
Bentuk: elektronik
Retensi: 5 tahun
{extra}"""
EVIL_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script>'
    '<rect width="10" height="10"/></svg>'
)
YOUTUBE = '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="Video"></iframe>'
PAYLOADS = ("alert(", "onerror", "onload", "javascript", "peta.example", "3323")


def news(title, body="Isi berita.", date="2024-01-02 10:00", extra=""):
    return NEWS.format(title=title, date=date, extra=extra) + "\n" + body + "\n"


def ppid(title, body="", extra=""):
    return PPID.format(title=title, extra=extra) + "\n" + body + "\n"


def _pdf(author="Budi Santoso", nip="198001012005011001"):
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.docinfo["/Author"] = author
    pdf.docinfo["/NIP"] = nip
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta["dc:creator"] = [author]
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


# (file, text or bytes, line of the report that must name it: "path:line: text")
HOSTILE = [
    (
        "berita/2024-01-01-tautan-tab.md",
        news("Tab", "[klik](java&#9;script:alert(1))"),
        'content/berita/2024-01-01-tautan-tab.md:7: alamat "java&#9;script:alert(1)"',
    ),
    (
        "berita/2024-01-01-ringkasan.md",
        news("Ringkasan", extra="Summary: Lihat <img src=x onerror=alert(1)>\n"),
        'content/berita/2024-01-01-ringkasan.md:6: kolom "Summary": atribut "onerror"',
    ),
    (
        "berita/2024-01-01-iframe.md",
        news("Iframe", f'{YOUTUBE}\n\nTeks.\n\n<iframe src="https://peta.example/embed"></iframe>'),
        'content/berita/2024-01-01-iframe.md:11: "<iframe" dari "https://peta.example/embed"',
    ),
    (
        "ppid/skrip.md",
        ppid("Skrip", '<p onclick="alert(1)">x</p>\n\n<script>alert(2)</script>'),
        'content/ppid/skrip.md:14: atribut "onclick" (skrip)',
    ),
    ("images/logo-jahat.svg", EVIL_SVG, "content/images/logo-jahat.svg:1: SVG berisi <script>"),
    ("images/scan-ktp.pdf", _pdf(), 'content/images/scan-ktp.pdf:1: "scan-ktp.pdf" tidak boleh'),
    (
        "ppid/dokumen-word.md",
        ppid("Word", extra="Lampiran: lampiran/catatan.docx | Catatan\n"),
        'content/ppid/dokumen-word.md:13: kolom "Lampiran": jenis berkas ".docx"',
    ),
    ("ppid/lampiran/catatan.docx", b"PK\x03\x04 docx", "content/ppid/lampiran/catatan.docx:1:"),
    (
        "berita/2024-01-01-tanggal-garis-miring.md",
        news("Tanggal", date="25/05/2024"),
        'content/berita/2024-01-01-tanggal-garis-miring.md:2: kolom "Date": "25/05/2024"',
    ),
    (
        "berita/2024-01-01-tanggal-ganda.md",
        news("Ganda", date="05/11/2026"),
        "bisa dibaca 5 November 2026 atau 11 Mei 2026",
    ),
    (
        "berita/2024-01-01-daftar-tab.md",
        news("Daftar", "Langkah:\n\n\t- satu\n\t- dua"),
        "content/berita/2024-01-01-daftar-tab.md:9: baris diawali tab",
    ),
    (
        "berita/2024-01-01-daftar-menyambung.md",
        news("Sambung", "Langkah berikut:\n- satu\n- dua"),
        'content/berita/2024-01-01-daftar-menyambung.md:8: butir daftar "- satu" menyambung',
    ),
    (
        "berita/2024-01-01-lampiran-dua-spasi.md",
        news(
            "Lampiran",
            extra="Lampiran: lampiran/a.pdf | A\n  lampiran/b.pdf | B\n",
        ),
        'content/berita/2024-01-01-lampiran-dua-spasi.md:7: baris "lampiran/b.pdf | B" '
        'terbaca sebagai isi tulisan, bukan lanjutan kolom "Lampiran"',
    ),
    ("berita/lampiran/a.pdf", _pdf(), None),
    (
        "berita/2024-01-01-contoh.md",
        news("Contoh", extra="Summary: Tulis ringkasan satu atau dua kalimat di sini.\n"),
        "content/berita/2024-01-01-contoh.md:6: teks contoh dari invoke new masih ada",
    ),
    (
        "berita/2024-01-01-tersimpan.md.txt",
        news("Txt"),
        'Ganti nama menjadi "2024-01-01-tersimpan.md"',
    ),
    (
        "berita/2024-01-01-Rapat Pleno.md",
        news("Spasi"),
        'content/berita/2024-01-01-Rapat Pleno.md:1: nama berkas "2024-01-01-Rapat Pleno.md"',
    ),
    (
        "berita/2024-01-01-windows.md",
        news("Caf\u00e9", "Baris dua.\n\nKafe \u201cbaru\u201d.").encode("cp1252"),
        "content/berita/2024-01-01-windows.md:1: berkas tidak tersimpan sebagai UTF-8",
    ),
    ("images/Foto-Rapat.JPG", camera_jpeg(), None),
    (
        "berita/2024-01-01-huruf.md",
        news("Huruf", extra="Image: images/foto-rapat.jpg\nImage_alt: Rapat\n"),
        'beda huruf besar/kecil dengan berkas yang ada: "images/Foto-Rapat.JPG"',
    ),
    (
        "berita/2024-01-01-tanpa-folder.md",
        news("Folder", extra="Image: Foto-Rapat.JPG\nImage_alt: Rapat\n"),
        'Mungkin maksud Anda "images/Foto-Rapat.JPG"?',
    ),
    (
        "berita/2024-01-01-penulis.md",
        news("Penulis", extra="Author: <b>Humas</b>\n"),
        'content/berita/2024-01-01-penulis.md:6: kolom "Author" berisi HTML "<b>"',
    ),
    (
        "berita/2024-01-01-terbit.md",
        news("Terbit", extra="Slug: sama\n"),
        'alamat "/berita/2024/sama/" juga dipakai oleh berita/2099-terjadwal.md',
    ),
    (
        "berita/2099-terjadwal.md",
        news("Terjadwal", date="2024-12-31 10:00", extra="Slug: sama\nStatus: draft\n"),
        None,
    ),
]


def _plant(folder, files):
    for name, data, _line in files:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    base = tmp_path_factory.mktemp("gate")
    content = base / "content"
    write_content(content, {"pages/profil.md": "Title: Profil\n\nTentang kantor.\n"})
    _plant(content, HOSTILE)
    secret = base / "rahasia.txt"
    secret.write_text("NIK 3323010101010001\n", encoding="utf-8")
    (content / "images" / "tautan.jpg").symlink_to(secret)
    with pytest.raises(ContentError) as error:
        build(base / "out", PATH=str(content), CACHE_PATH=str(base / "cache"))
    return base, str(error.value)


@pytest.mark.parametrize("expected", [line for _n, _d, line in HOSTILE if line])
def test_every_hostile_or_mistaken_file_is_named_at_its_line(hostile, expected):
    assert expected in hostile[1], hostile[1]


def test_a_symlink_is_refused_naming_link_and_target(hostile):
    base, report = hostile
    line = next(line for line in report.splitlines() if "tautan.jpg" in line)
    assert line.startswith("content/images/tautan.jpg:1:") and str(base / "rahasia.txt") in line


def test_nothing_of_the_hostile_corpus_reaches_the_output(hostile):
    base, _report = hostile
    out = base / "out"
    for path in out.rglob("*") if out.exists() else []:
        if path.is_file():
            data = path.read_bytes()
            for payload in PAYLOADS:
                assert payload.encode() not in data, (path, payload)
            assert b"Budi" not in data and b"198001012005011001" not in data, path


def test_report_lines_are_sorted_and_each_names_a_content_file(hostile):
    lines = hostile[1].splitlines()[1:]
    assert lines and all(line.startswith("content/") for line in lines)
    assert len(lines) >= len([h for h in HOSTILE if h[2]])


@pytest.fixture(scope="module")
def private_site(tmp_path_factory):
    """A site whose files carry private metadata the gate removes (nothing is refused)."""
    base = tmp_path_factory.mktemp("private")
    content = write_content(
        base / "content",
        {
            "pages/profil.md": "Title: Profil\n\nTentang kantor.\n",
            "berita/2024-01-02-foto.md": news(
                "Foto",
                "![Rapat pleno](/images/rapat.jpg)",
                extra="Lampiran: lampiran/laporan.pdf | Laporan\n",
            ),
            "ppid/laporan.md": ppid("Laporan", extra="Lampiran: lampiran/laporan.pdf | L\n"),
        },
    )
    (content / "images").mkdir(exist_ok=True)
    (content / "images" / "rapat.jpg").write_bytes(camera_jpeg())
    for folder in ("berita", "ppid"):
        (content / folder / "lampiran").mkdir(exist_ok=True)
        (content / folder / "lampiran" / "laporan.pdf").write_bytes(_pdf())
    (content / "images" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" '
        'xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" '
        'sodipodi:docname="C:\\Users\\budi\\logo.svg"><!-- draf Budi -->'
        '<rect width="10" height="10" fill="#c00"/></svg>',
        encoding="utf-8",
    )
    return build(base / "out", PATH=str(content), CACHE_PATH=str(base / "cache"))


def test_no_document_or_image_metadata_is_published(private_site):
    files = [p for p in private_site.rglob("*") if p.is_file()]
    for path in files:
        data = path.read_bytes()
        assert b"Budi" not in data and b"198001012005011001" not in data, path
        assert b"sodipodi" not in data and b"C:\\Users" not in data, path
        if path.suffix in (".jpg", ".png", ".webp"):
            with Image.open(path) as image:
                assert not image.getexif() and "xmp" not in image.info, path
    pdfs = [p for p in files if p.suffix == ".pdf"]
    assert len(pdfs) == 2
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            assert "/Info" not in pdf.trailer and "/Metadata" not in pdf.Root


def test_the_sha256_shown_is_that_of_the_published_file(private_site):
    import hashlib

    page = soup(private_site / "ppid" / "laporan" / "index.html")
    row = page.select_one(".kpu-attachments tbody tr")
    published = private_site / row.find("a")["href"].lstrip("/")
    cells = [td.get_text(strip=True) for td in row.find_all("td")]
    assert cells[2] == hashlib.sha256(published.read_bytes()).hexdigest()


def test_pelicans_own_command_prints_the_report_plainly_and_fails(project):
    (project / "content" / "berita" / "2024-01-01-salah.md").write_text(
        news("Salah", '<a href="java&#9;script:alert(1)">klik</a>', date="25/05/2024"),
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", "publishconf.py", "-o", "keluar"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    lines = output.splitlines()
    assert any(
        line.startswith('content/berita/2024-01-01-salah.md:2: kolom "Date": "25/05/2024"')
        and line.endswith('tanpa jam: "2024-05-25").')
        for line in lines
    ), output
    assert any(line.startswith("content/berita/2024-01-01-salah.md:7: alamat") for line in lines)
