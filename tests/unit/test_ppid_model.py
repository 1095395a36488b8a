import datetime
import hashlib
import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from kpu_attachments import (
    DEFAULT_ATTACHMENT_TYPES,
    AttachmentRef,
    format_size,
    parse_attachment_refs,
    resolve_all,
)
from kpu_gate.files import CleanStore
from kpu_gate.references import Listings
from kpu_ppid.dip import (
    DIK_COLUMNS,
    DIP_COLUMNS,
    build_sections,
    build_views,
    dik_records,
    dip_records,
    filter_sections,
    number_exempt,
    to_csv,
    to_json,
)
from kpu_ppid.model import check_collection, parse_item
from kpu_ppid.settings import DEFAULT_CLASSES, DEFAULT_GROUPS
from tests.documents import pdf_bytes

TODAY = datetime.date(2026, 11, 28)

GOOD = {
    "judul": "Laporan Keuangan 2024",
    "klasifikasi": "berkala",
    "kelompok": "laporan-keuangan",
    "tahun": "2024",
    "tanggal": "2025-03-10",
    "ringkasan": "Ringkasan realisasi anggaran.",
    "penguasa_informasi": "Subbagian Keuangan, Umum dan Logistik",
    "penanggung_jawab": "Sekretaris",
    "waktu_pembuatan": "Februari 2025",
    "tempat_pembuatan": "Kantor KPU Kabupaten",
    "bentuk": "cetak, elektronik",
    "retensi": "10 tahun",
}
EXEMPT = {
    "judul": "Salinan KTP-el pemilih",
    "klasifikasi": "dikecualikan",
    "kelompok": "rahasia-pribadi",
    "tahun": "2024",
    "tanggal": "2024-06-03",
    "dasar_hukum": "Pasal 17 huruf h UU 14/2008",
    "uji_konsekuensi": "Mengungkap data pribadi.",
    "jangka_waktu_pengecualian": "Selama dilindungi undang-undang",
}


def parse(metadata, slug="laporan-keuangan-2024"):
    return parse_item(
        "ppid/x.md", metadata, "<p>Isi</p>", DEFAULT_CLASSES, DEFAULT_GROUPS, TODAY, slug
    )


def test_a_good_item_parses_with_typed_fields():
    item, problems = parse(dict(GOOD))
    assert problems == []
    assert item.tahun == 2024 and item.tanggal == datetime.datetime(2025, 3, 10)
    assert item.bentuk == ("cetak", "elektronik") and not item.exempt
    assert item.penguasa_informasi.startswith("Subbagian") and item.body == "<p>Isi</p>"


def test_an_exempt_item_needs_no_dip_fields_and_keeps_no_body():
    item, problems = parse(dict(EXEMPT), slug="ktp")
    assert problems == [] and item.exempt and item.body == ""
    assert item.dasar_hukum.startswith("Pasal 17")


def _without(data, key):
    return {k: v for k, v in data.items() if k != key}


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        (_without(GOOD, "judul"), 'kolom "Judul" wajib diisi'),
        (_without(GOOD, "retensi"), 'kolom "Retensi" wajib diisi'),
        (_without(GOOD, "penanggung_jawab"), 'kolom "Penanggung_Jawab" wajib diisi'),
        (_without(EXEMPT, "uji_konsekuensi"), 'kolom "Uji_Konsekuensi" wajib diisi'),
        ({**GOOD, "klasifikasi": "berkla"}, 'Mungkin maksud Anda "berkala"?'),
        ({**GOOD, "kelompok": "laporan-keuangn"}, 'Mungkin maksud Anda "laporan-keuangan"?'),
        ({**GOOD, "kelompok": "keputusan"}, 'kolom "Kelompok": nilai "keputusan" tidak dikenal'),
        ({**GOOD, "tahun": "24"}, 'kolom "Tahun": "24" bukan tahun yang sah'),
        ({**GOOD, "tahun": "2031"}, 'kolom "Tahun": "2031" bukan tahun yang sah'),
        (
            {**GOOD, "tanggal": "10 Maret 2025"},
            'kolom "Tanggal": "10 Maret 2025" tidak dalam format',
        ),
        ({**GOOD, "tanggal": "2027-01-01"}, 'kolom "Tanggal": 2027-01-01 belum terjadi'),
        ({**GOOD, "diperbarui": "2025-01-01"}, '"Diperbarui" tidak boleh lebih awal'),
        ({**GOOD, "bentuk": "digital"}, 'kolom "Bentuk": nilai "digital" tidak dikenal'),
        ({**GOOD, "retensi": "selama berlaku"}, 'kolom "Retensi": "selama berlaku" terlalu kabur'),
        ({**GOOD, "ringksan": "x"}, 'kolom "ringksan" tidak dikenal untuk item PPID. Mungkin'),
        ({**EXEMPT, "lampiran": "ktp.pdf"}, "tidak boleh memiliki lampiran"),
        ({**GOOD, "slug": "Laporan 2024"}, 'kolom "Slug": "Laporan 2024" hanya boleh'),
    ],
)
def test_each_mistake_has_its_message(metadata, expected):
    item, problems = parse(metadata)
    assert item is None
    assert any(expected in p for p in problems), problems


def test_all_mistakes_of_an_item_are_reported_together():
    _item, problems = parse({**GOOD, "klasifikasi": "berkla", "tahun": "dua ribu", "bentuk": ""})
    assert len(problems) == 3


def test_retention_accepts_a_period_or_permanent():
    assert parse({**GOOD, "retensi": "Permanen"})[1] == []
    assert parse({**GOOD, "retensi": "5 (lima) tahun setelah tahapan"})[1] == []


def test_attachment_lines_split_into_target_and_label():
    refs = parse_attachment_refs(["a/b.pdf | Laporan", "https://jdih.kpu.go.id", "c.pdf"])
    assert refs[0] == AttachmentRef("a/b.pdf", "Laporan")
    assert refs[1].is_url and refs[1].label == "jdih.kpu.go.id"
    assert refs[2].label == "c.pdf" and not refs[2].is_url


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content" / "ppid" / "lampiran"
    folder.mkdir(parents=True)
    (folder / "lap.pdf").write_bytes(pdf_bytes())
    (folder / "skrip.exe").write_bytes(b"MZ")
    (tmp_path / "rahasia.pdf").write_bytes(pdf_bytes())
    return tmp_path / "content"


def _resolve(content, *lines):
    gate = SimpleNamespace(
        listings=Listings(str(content)),
        store=CleanStore(str(content.parent / "cache")),
        slug_subs=(),
    )
    return resolve_all(
        parse_attachment_refs(list(lines)),
        str(content / "ppid"),
        DEFAULT_ATTACHMENT_TYPES,
        "ppid/lap/",
        gate,
    )


def test_attachment_is_described_by_its_clean_published_copy(content):
    attachments, problems = _resolve(content, "lampiran/lap.pdf | Laporan")
    assert problems == []
    (attachment,) = attachments
    assert attachment.url == "ppid/lap/lap.pdf" and attachment.format_label == "PDF"
    published = Path(attachment.published_path).read_bytes()
    assert b"Budi" in (content / "ppid" / "lampiran" / "lap.pdf").read_bytes()
    assert b"Budi" not in published
    assert attachment.size_bytes == len(published)
    assert attachment.sha256 == hashlib.sha256(published).hexdigest()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("lampiran/tidak-ada.pdf", "tidak ditemukan"),
        ("lap.pdf", 'Mungkin maksud Anda "lampiran/lap.pdf"?'),
        (
            "lampiran/LAP.pdf",
            'beda huruf besar/kecil dengan berkas yang ada: "ppid/lampiran/lap.pdf"',
        ),
        ("../../rahasia.pdf", "berada di luar folder content/"),
        ("lampiran/skrip.exe", 'jenis berkas ".exe"'),
        ("lampiran/laporan.docx", "Ekspor dokumennya ke PDF"),
        ("/etc/passwd", "harus ditulis relatif"),
        ("http://contoh.go.id/a.pdf", "harus alamat lengkap yang diawali https://"),
    ],
)
def test_attachment_mistakes(content, line, expected):
    attachments, problems = _resolve(content, line)
    assert attachments == [] and expected in problems[0]


def test_a_symlinked_attachment_is_refused(content, tmp_path):
    (content / "ppid" / "lampiran" / "tautan.pdf").symlink_to(tmp_path / "rahasia.pdf")
    attachments, problems = _resolve(content, "lampiran/tautan.pdf")
    assert attachments == [] and "tautan simbolik" in problems[0]


def test_two_attachments_may_not_share_a_name(content):
    (content / "ppid" / "lap.pdf").write_bytes(pdf_bytes())
    _attachments, problems = _resolve(content, "lampiran/lap.pdf", "lap.pdf")
    assert "dua lampiran bernama" in problems[0]


@pytest.mark.parametrize(
    ("size", "text"), [(15, "0,1 KB"), (1536, "1,5 KB"), (12_697, "12,4 KB"), (3_670_016, "3,5 MB")]
)
def test_sizes_read_in_indonesian(size, text):
    assert format_size(size) == text


def _items():
    specs = [
        ("a", "berkala", "laporan-keuangan", 2024, "2025-03-10"),
        ("b", "berkala", "laporan-keuangan", 2025, "2026-02-01"),
        ("c", "berkala", "profil-badan-publik", 2026, "2026-01-05"),
        ("d", "setiap-saat", "keputusan", 2024, "2024-05-01"),
        ("e", "serta-merta", "gangguan-layanan", 2026, "2026-01-20"),
    ]
    items = []
    for slug, klas, kel, year, date in specs:
        item, problems = parse(
            {**GOOD, "klasifikasi": klas, "kelompok": kel, "tahun": str(year), "tanggal": date},
            slug=slug,
        )
        assert problems == []
        item.url = f"ppid/{slug}/"
        items.append(item)
    return items


def test_sections_follow_settings_order_and_number_in_table_order():
    sections = build_sections(_items(), DEFAULT_CLASSES, DEFAULT_GROUPS)
    assert [s.slug for s in sections] == ["berkala", "serta-merta", "setiap-saat"]
    berkala = sections[0]
    assert [g.slug for g in berkala.groups] == ["profil-badan-publik", "laporan-keuangan"]
    numbered = [(r.number, r.item.slug) for s in sections for g in s.groups for r in g.rows]
    assert numbered == [(1, "c"), (2, "b"), (3, "a"), (4, "e"), (5, "d")]


def test_filtered_views_keep_full_numbers_and_cover_every_combination():
    sections = build_sections(_items(), DEFAULT_CLASSES, DEFAULT_GROUPS)
    narrowed = filter_sections(sections, "berkala", 2024)
    assert [(r.number, r.item.slug) for r in narrowed[0].groups[0].rows] == [(3, "a")]
    views = build_views(sections, DEFAULT_CLASSES, [2026, 2025, 2024], "ppid/dip/")
    assert len(views) == 4 * 4
    assert views[0].url == "ppid/dip/" and views[0].count == 5
    urls = {v.url: v.count for v in views}
    assert urls["ppid/dip/berkala/tahun/2025/"] == 1
    assert urls["ppid/dip/tahun/2026/"] == 2
    assert urls["ppid/dip/serta-merta/tahun/2024/"] == 0


def test_duplicate_slug_number_and_reserved_slug_are_reported():
    items = _items()
    items[1].slug = "a"
    items[2].nomor = items[3].nomor = "B-7"
    items[4].slug = "daftar-informasi-publik"
    messages = [m for _source, m in check_collection(items, {"daftar-informasi-publik"})]
    assert any('slug "a" sudah dipakai oleh' in m for m in messages)
    assert any('kolom "Nomor": "B-7" sudah dipakai' in m for m in messages)
    assert any("sudah dipakai halaman lain" in m for m in messages)


def test_open_data_records_have_the_documented_columns_and_serialise():
    sections = build_sections(_items(), DEFAULT_CLASSES, DEFAULT_GROUPS)
    records = dip_records(sections, "https://kab.kpu.go.id", DEFAULT_GROUPS)
    assert [list(r) for r in records] == [list(DIP_COLUMNS)] * 5
    assert records[0]["tautan"] == "https://kab.kpu.go.id/ppid/c/"
    assert records[0]["kelompok"] == "Profil Badan Publik"
    csv_text = to_csv(DIP_COLUMNS, records)
    assert csv_text.splitlines()[0] == ",".join(DIP_COLUMNS)
    document = json.loads(to_json("DIP", DIP_COLUMNS, records, "KPU", "2026-11-28T10:00:00"))
    assert document["jumlah"] == 5 and document["kolom"]["retensi"].startswith("Jangka")


def test_dik_records_link_to_their_row_and_never_to_a_document():
    item, _ = parse(dict(EXEMPT), slug="ktp")
    records = dik_records(number_exempt([item]), "", "ppid/dik/", DEFAULT_GROUPS)
    assert list(records[0]) == list(DIK_COLUMNS)
    assert records[0]["tautan"] == "/ppid/dik/#ktp"


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("https://x")', '\'=HYPERLINK("https://x")'),
        ("+62 293", "'+62 293"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Laporan kinerja", "Laporan kinerja"),
        (2024, 2024),
    ],
)
def test_open_data_cells_never_start_a_spreadsheet_formula(value, written):
    from kpu_ppid.dip import spreadsheet_safe, to_csv

    assert spreadsheet_safe(value) == written
    assert to_csv({"a": ""}, [{"a": value}]).splitlines()[1].strip('"') == str(written).replace(
        '"', '""'
    )


def test_an_attachment_is_published_under_an_address_safe_name(content):
    (content / "ppid" / "lampiran" / "Laporan Akhir (Final).PDF").write_bytes(pdf_bytes())
    attachments, problems = _resolve(
        content, "lampiran/Laporan Akhir (Final).PDF | L", "lampiran/lap.pdf"
    )
    assert problems == [] and [a.url for a in attachments] == [
        "ppid/lap/laporan-akhir-final.pdf",
        "ppid/lap/lap.pdf",
    ]
