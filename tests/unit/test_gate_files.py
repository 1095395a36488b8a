"""The file gate: references found as spelt on disk, content/ surveyed, clean copies cached."""

import hashlib
import os

import pytest

from kpu_gate.files import CleanStore, FileRefused, encoding_problem, survey
from kpu_gate.references import Listings, describe, resolve
from tests.conftest import make_settings
from tests.documents import pdf_bytes
from tests.photos import camera_jpeg


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "content"
    for name in ("images/Foto-Rapat.JPG", "berita/lampiran/lap.pdf", "berita/a.md"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(b"x")
    (tmp_path / "rahasia.txt").write_text("rahasia")
    (root / "images" / "tautan.jpg").symlink_to(tmp_path / "rahasia.txt")
    return root


@pytest.mark.parametrize(
    ("target", "base", "kind", "expected"),
    [
        ("images/Foto-Rapat.JPG", "", "", ""),
        ("/images/Foto-Rapat.JPG", "berita", "", ""),
        ("{static}/images/Foto-Rapat.JPG", "berita", "", ""),
        ("images/foto-rapat.jpg", "", "case", 'berkas yang ada: "images/Foto-Rapat.JPG"'),
        ("IMAGES/Foto-Rapat.JPG", "", "case", 'tulis "images/Foto-Rapat.JPG"'),
        ("Foto-Rapat.JPG", "", "missing", 'Mungkin maksud Anda "images/Foto-Rapat.JPG"?'),
        ("foto-rapat.jpg", "berita", "missing", 'Mungkin maksud Anda "/images/Foto-Rapat.JPG"?'),
        ("lap.pdf", "berita", "missing", 'Mungkin maksud Anda "lampiran/lap.pdf"?'),
        ("images/tidak-ada.jpg", "", "missing", "Periksa nama dan letak berkasnya."),
        ("../../rahasia.txt", "berita", "outside", "di luar folder content/"),
        ("images/tautan.jpg", "", "symlink", "tautan simbolik"),
        ("images", "", "missing", "tidak ditemukan"),
    ],
)
def test_references_resolve_as_spelt_on_disk(tree, target, base, kind, expected):
    resolved = resolve(target, str(tree / base), Listings(str(tree)))
    assert resolved.kind == kind
    assert (resolved.path is None) == bool(kind)
    assert expected in describe(resolved, target)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("berita/a.md.txt", b"x", 'Ganti nama menjadi "a.md"'),
        ("berita/a.txt", b"x", 'Ganti nama menjadi "a.md"'),
        ("berita/a.markdown", b"x", 'Ganti nama menjadi "a.md"'),
        ("pages/b.html", b"x", 'Ganti nama menjadi "b.md"'),
        ("berita/c.docx", b"x", "dokumen Office"),
        ("ppid/lampiran/d.xlsx", b"x", "dokumen Office"),
        ("ppid/lampiran/e.zip", b"x", "isi arsip .zip tidak dapat diperiksa"),
        ("berita/f.exe", b"x", "tidak dipakai situs"),
        ("images/scan-ktp.pdf", b"x", "tidak boleh di folder gambar"),
        ("images/Thumbs.db", b"x", "berkas sistem Windows/macOS"),
        ("catatan/g.md", b"x", 'folder "catatan" tidak dibaca situs'),
        ("README.txt", b"x", "berada di luar folder yang dibaca situs"),
        ("berita/h.md", "Title: Café\n".encode("cp1252"), "byte 0xE9 di baris 1"),
        ("berita/i.md", "Title: x\n\nBaris “tiga”\n".encode("cp1252"), "di baris 3"),
        ("berita/j.md", "Title: x\n".encode("utf-16"), "UTF-16"),
    ],
)
def test_survey_names_each_file_that_must_not_be_there(tmp_path, name, data, expected):
    root = tmp_path / "content"
    (root / name).parent.mkdir(parents=True, exist_ok=True)
    (root / name).write_bytes(data)
    found = survey(str(root), make_settings())
    assert list(found.problems) == [name.split("/")[0] if name.startswith("catatan") else name]
    (problem,) = found.problems[list(found.problems)[0]]
    assert expected in problem


def test_survey_passes_a_clean_tree_and_skips_hidden_files(tmp_path):
    root = tmp_path / "content"
    files = {
        "berita/a.md": "\ufeffTitle: x\n".encode(),
        "berita/lampiran/a.pdf": b"%PDF",
        "images/a.jpg": b"x",
        "images/logo.svg": b"<svg/>",
        "images/.DS_Store": b"x",
        ".git/config": b"x",
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    assert survey(str(root), make_settings()).problems == {}


def test_survey_names_a_symlinked_folder_and_does_not_enter_it(tmp_path):
    root = tmp_path / "content"
    (root / "berita").mkdir(parents=True)
    (tmp_path / "luar").mkdir()
    (tmp_path / "luar" / "x.docx").write_bytes(b"x")
    os.symlink(tmp_path / "luar", root / "berita" / "luar")
    found = survey(str(root), make_settings())
    assert list(found.problems) == ["berita/luar"]
    assert str(tmp_path / "luar") in found.problems["berita/luar"][0]


def test_an_encoding_check_is_remembered_by_size_and_time(tmp_path):
    root = tmp_path / "content"
    (root / "berita").mkdir(parents=True)
    (root / "berita" / "a.md").write_bytes("Title: Café\n".encode("cp1252"))
    first = survey(str(root), make_settings())
    again = survey(str(root), make_settings(), first.memo)
    assert again.problems == first.problems and again.memo == first.memo


@pytest.mark.parametrize(
    ("data", "line"),
    [(b"ok\n", None), ("é".encode(), None), (b"a\nb\n\xe9", 3), (b"\xff\xfeT\x00", 1)],
)
def test_encoding_problem_points_at_the_first_bad_byte(data, line):
    problem = encoding_problem(data)
    assert (problem.line if problem else None) == line


def test_clean_copies_are_made_once_and_verified_before_use(tmp_path):
    source = tmp_path / "laporan.pdf"
    source.write_bytes(pdf_bytes("Budi Santoso"))
    store = CleanStore.open(str(tmp_path / "cache"))
    first = store.publish(str(source))
    data = open(first.path, "rb").read()
    assert b"Budi" not in data and first.sha256 == hashlib.sha256(data).hexdigest()
    store.save()
    reopened = CleanStore.open(str(tmp_path / "cache"))
    assert reopened.publish(str(source)) == first
    # A copy cut short or changed behind the store's back is made again, never published.
    with open(first.path, "r+b") as handle:
        handle.truncate(10)
    assert reopened.publish(str(source)) == first
    assert open(first.path, "rb").read() == data
    stamp = os.stat(first.path).st_mtime_ns
    with open(first.path, "r+b") as handle:
        handle.write(b"X")  # same size, different bytes, and (as any write does) a new stamp
    os.utime(first.path, ns=(stamp, stamp + 1_000_000_000))
    assert reopened.publish(str(source)) == first
    assert open(first.path, "rb").read() == data


def test_a_photo_attachment_is_published_without_exif(tmp_path):
    from PIL import Image

    source = tmp_path / "foto.jpg"
    source.write_bytes(camera_jpeg())
    published = CleanStore.open(str(tmp_path / "cache")).publish(str(source))
    with Image.open(published.path) as image:
        assert not image.getexif() and "xmp" not in image.info and "icc_profile" not in image.info


@pytest.mark.parametrize(("name", "data"), [("a.docx", b"PK"), ("a.zip", b"PK"), ("a.svg", b"x")])
def test_what_cannot_be_made_safe_is_refused(tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    with pytest.raises(FileRefused):
        CleanStore.open(str(tmp_path / "cache")).publish(str(tmp_path / name))


def test_a_name_stored_decomposed_is_found_with_its_real_spelling(tmp_path):
    import unicodedata

    root = tmp_path / "content"
    (root / "images").mkdir(parents=True)
    stored = unicodedata.normalize("NFD", "rapat-café.jpg")
    (root / "images" / stored).write_bytes(b"x")
    resolved = resolve("images/rapat-café.jpg", str(root), Listings(str(root)))
    assert resolved.kind == "case" and resolved.found == f"images/{stored}"
    assert "huruf beraksen" in describe(resolved, "images/rapat-café.jpg")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("berita/a.MD", 'harus ".md" dengan huruf kecil'), ("berita/b.md", "UTF-16")],
)
def test_survey_names_upper_case_extensions_and_utf16_without_its_mark(tmp_path, name, expected):
    root = tmp_path / "content"
    (root / "berita").mkdir(parents=True)
    (root / name).write_bytes("Title: x\n".encode("utf-16-le"))
    (problem,) = survey(str(root), make_settings()).problems[name]
    assert expected in problem


def test_a_pipe_is_named_by_the_survey_and_refused_by_the_store(tmp_path):
    root = tmp_path / "content"
    (root / "berita" / "lampiran").mkdir(parents=True)
    os.mkfifo(root / "berita" / "lampiran" / "pipa.pdf")
    (problem,) = survey(str(root), make_settings()).problems["berita/lampiran/pipa.pdf"]
    assert "bukan berkas biasa" in problem
    with pytest.raises(FileRefused):
        CleanStore.open(str(tmp_path / "cache")).publish(str(root / "berita/lampiran/pipa.pdf"))


@pytest.mark.parametrize(
    ("data", "refused"),
    [
        (b"nomor,nama\r\n1,Budi\r\n", False),
        ("\ufeffnomor,nama\n1,Caf\u00e9\n".encode(), False),
        (b"PK\x03\x04docProps/core.xml", True),
        ("nomor;nama\n1;Caf\u00e9\n".encode("cp1252"), True),
        (b"\xd0\xcf\x11\xe0 xls", True),
    ],
)
def test_only_real_csv_text_is_published_as_csv(tmp_path, data, refused):
    (tmp_path / "data.csv").write_bytes(data)
    store = CleanStore.open(str(tmp_path / "cache"))
    if refused:
        with pytest.raises(FileRefused, match="bukan CSV"):
            store.publish(str(tmp_path / "data.csv"))
    else:
        assert open(store.publish(str(tmp_path / "data.csv")).path, "rb").read() == data
