"""The national DIK list: the shipped file, the adoption setting and the items it offers."""

import datetime
from types import SimpleNamespace

import pytest

from kpu_buildstate.contract import DataRow
from kpu_national_dik.handlers import NationalDikError, apply_settings, list_report
from kpu_national_dik.model import (
    COLUMNS,
    DATA_FILE,
    LABEL,
    adopted,
    adoption_problems,
    clash_hint,
    group_problems,
    item_metadata,
    parse_entries,
    read_entries,
)
from kpu_ppid.dip import dik_records, exempt_sources, number_exempt
from kpu_ppid.model import check_collection, parse_item
from kpu_ppid.settings import DEFAULT_CLASSES, DEFAULT_GROUPS
from kpu_settings import SettingsError
from tests.conftest import make_settings

TODAY = datetime.date(2026, 11, 28)
ADOPTION = {"keputusan": "Keputusan KPU Nomor 9 Tahun 2025", "tanggal": "2025-07-01"}
HEADER = ",".join(COLUMNS)
ROW = "a-b,Judul,rahasia-pribadi,Pasal 17 huruf h,Uji,Selamanya,Keputusan KPU (belum diverifikasi)"


@pytest.fixture(scope="module")
def shipped():
    entries, problems = read_entries()
    assert problems == []
    return entries


def _ids(entries):
    return [entry.id for entry in entries]


# The shipped file ---------------------------------------------------------------------------


def test_the_shipped_list_has_entries_in_every_exempt_group(shipped):
    assert len(shipped) >= 10
    assert {entry.kelompok for entry in shipped} == set(DEFAULT_GROUPS["dikecualikan"])
    assert len(set(_ids(shipped))) == len(shipped)


def test_every_shipped_entry_cites_pasal_17_and_marks_its_decree_unverified(shipped):
    for entry in shipped:
        assert "Pasal 17" in entry.dasar_hukum and "Nomor 14 Tahun 2008" in entry.dasar_hukum
        assert "(belum diverifikasi)" in entry.keputusan, entry.id
        # A decree is named generically: the kit never invents a decree number.
        assert "Nomor" not in entry.keputusan, entry.id
        if "Pasal 17 Undang" in entry.dasar_hukum:  # no letter: it could not be checked
            assert "huruf belum diverifikasi" in entry.dasar_hukum, entry.id


def test_the_shipped_file_tells_offices_to_check_the_current_decree():
    text = DATA_FILE.read_text(encoding="utf-8")
    notes = [line for line in text.splitlines() if line.startswith("#")]
    assert any("wajib mencocokkan" in line for line in notes)
    assert any("belum" in line and "diverifikasi" in line for line in notes)
    readme = (DATA_FILE.parent / "README.md").read_text(encoding="utf-8")
    assert "wajib mencocokkan" in readme and "tidak mengarang nomor keputusan" in readme


def test_every_shipped_entry_is_a_valid_dik_item_by_kpu_ppid_rules(shipped):
    for entry in shipped:
        metadata = {k.lower(): v for k, v in item_metadata(entry, ADOPTION).items()}
        item, problems = parse_item(
            str(DATA_FILE), metadata, "", DEFAULT_CLASSES, DEFAULT_GROUPS, TODAY, "x"
        )
        assert problems == [], entry.id
        assert item.exempt and item.slug == entry.id and item.tahun == 2025


# Reading a list -----------------------------------------------------------------------------


def test_notes_and_blank_lines_keep_the_line_numbers():
    entries, problems = parse_entries(f"# catatan\n# lagi\n{HEADER}\n\n{ROW}\n")
    assert problems == []
    assert [(e.line, e.id, e.keputusan) for e in entries] == [
        (5, "a-b", "Keputusan KPU (belum diverifikasi)")
    ]


@pytest.mark.parametrize(
    ("rows", "line", "message"),
    [
        ("a-b,Judul", 3, "harus ada 7 kolom, ada 2"),
        ("a-b,,rahasia-pribadi,P,U,J,K", 3, "kolom wajib diisi: judul"),
        ("A B,Judul,rahasia-pribadi,P,U,J,K", 3, "kolom id hanya boleh berisi huruf kecil"),
        (f"{ROW}\n{ROW}", 4, 'id "a-b" sudah dipakai di baris 3'),
        ('a-b,"Judul\nlanjutan",rahasia-pribadi,P,U,J,K', 3, "harus tepat satu baris"),
    ],
)
def test_a_bad_row_is_named_with_its_line(rows, line, message):
    entries, problems = parse_entries(f"# catatan\n{HEADER}\n{rows}\n")
    assert len(problems) == 1
    assert problems[0].line == line and message in problems[0]


def test_a_wrong_header_stops_reading():
    entries, problems = parse_entries("id,judul\nx,y\n")
    assert entries == [] and problems[0].line == 1
    assert "baris judul kolom harus tepat" in problems[0]


def test_the_report_of_a_broken_list_names_the_file_and_line():
    _entries, problems = parse_entries(f"{HEADER}\na-b,Judul\n")
    report = list_report(DATA_FILE, problems)
    assert f"{DATA_FILE}:2: harus ada 7 kolom, ada 2" in report


def test_an_unknown_group_is_named_with_its_line_and_what_to_do():
    entries, _ = parse_entries(f"{HEADER}\n{ROW.replace('rahasia-pribadi', 'rahasia')}\n")
    problems = group_problems(entries, DEFAULT_GROUPS["dikecualikan"])
    assert problems[0].line == 2
    assert 'kolom "kelompok": "rahasia"' in problems[0]
    assert 'Mungkin maksud Anda "rahasia-pribadi"?' in problems[0]
    assert 'KPU_NATIONAL_DIK["kecuali"]' in problems[0]


# The adoption setting ---------------------------------------------------------------------


IDS = ["nik-kk-pemilih", "rute-distribusi-logistik"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"keputusan": " "}, 'KPU_NATIONAL_DIK["keputusan"] wajib diisi'),
        ({"tanggal": "01-07-2025"}, '"01-07-2025" bukan tanggal TTTT-BB-HH'),
        ({"tanggal": "2025-02-30"}, '"2025-02-30" bukan tanggal TTTT-BB-HH'),
        ({"tanggal": "2027-01-01"}, '"2027-01-01" belum terjadi'),
        (
            {"kecuali": ["nik-kk"]},
            '"nik-kk" bukan id baris daftar nasional. Mungkin maksud Anda "nik-kk-pemilih"?',
        ),
        ({"kecuali": ["nik-kk-pemilih", "nik-kk-pemilih"]}, 'memuat "nik-kk-pemilih" dua kali'),
        ({"keputusan": "Keputusan KPU (contoh)"}, "masih keputusan contoh"),
    ],
)
def test_each_mistake_in_the_adoption_gets_its_own_message(change, expected):
    problems = adoption_problems({**ADOPTION, **change}, IDS, TODAY, sample_site=False)
    assert len(problems) == 1 and expected in problems[0]


def test_a_sample_site_may_keep_the_sample_decree_and_off_means_no_check():
    sample = {**ADOPTION, "keputusan": "Keputusan KPU (contoh)"}
    assert adoption_problems(sample, IDS, TODAY, sample_site=True) == []
    assert adoption_problems(None, IDS, TODAY, sample_site=False) == []


def test_kecuali_leaves_the_named_entries_out(shipped):
    kept = adopted(shipped, {**ADOPTION, "kecuali": ["nik-kk-pemilih"]})
    assert "nik-kk-pemilih" not in _ids(kept)
    assert len(kept) == len(shipped) - 1
    assert adopted(shipped, ADOPTION) == shipped
    assert adopted(shipped, None) == []


def test_the_sample_settings_adopt_the_list_and_pass():
    settings = make_settings()
    apply_settings(SimpleNamespace(settings=settings))
    assert settings["KPU_NATIONAL_DIK"]["kecuali"]


def test_a_mistake_in_the_adoption_stops_the_build_naming_pelicanconf():
    settings = make_settings(KPU_NATIONAL_DIK={**ADOPTION, "tanggal": "2025-13-01"})
    with pytest.raises(SettingsError) as error:
        apply_settings(SimpleNamespace(settings=settings))
    message = str(error.value)
    assert message.startswith("Pengaturan di pelicanconf.py belum benar (kpu_national_dik):")
    assert '- pelicanconf.py: KPU_NATIONAL_DIK["tanggal"] = "2025-13-01" bukan tanggal' in message


def test_a_broken_shipped_list_stops_the_build_naming_the_file_and_line(monkeypatch, tmp_path):
    broken = tmp_path / "dik-nasional.csv"
    broken.write_text(f"{HEADER}\n{ROW}\n{ROW}\n", encoding="utf-8")
    monkeypatch.setattr("kpu_national_dik.handlers.DATA_FILE", broken)
    with pytest.raises(NationalDikError) as error:
        apply_settings(SimpleNamespace(settings=make_settings()))
    assert f'{broken}:3: id "a-b" sudah dipakai di baris 2' in str(error.value)


# The items it offers ----------------------------------------------------------------------


def test_an_entry_becomes_an_exempt_item_with_the_stated_decree(shipped):
    entry = shipped[0]
    metadata = item_metadata(entry, ADOPTION)
    assert metadata["Klasifikasi"] == "dikecualikan" and metadata["Slug"] == entry.id
    assert metadata["Tahun"] == "2025" and metadata["Tanggal"] == "2025-07-01"
    assert metadata["Dasar_Hukum"].startswith(entry.dasar_hukum)
    assert metadata["Dasar_Hukum"].endswith(
        f"{LABEL}: Keputusan KPU Nomor 9 Tahun 2025 tanggal 1 Juli 2025"
    )
    assert "Lampiran" not in metadata


def _items(shipped):
    """An office's own exempt item and two national rows, as kpu_ppid holds them."""
    own = {"judul": "Milik kantor", "klasifikasi": "dikecualikan", "kelompok": "rahasia-pribadi",
           "tahun": "2024", "tanggal": "2024-06-03", "dasar_hukum": "Pasal 17 huruf h",
           "uji_konsekuensi": "Uji", "jangka_waktu_pengecualian": "Selamanya"}  # fmt: skip
    office, _ = parse_item(
        "ppid/milik-kantor.md", own, "", DEFAULT_CLASSES, DEFAULT_GROUPS, TODAY, "milik-kantor"
    )
    items = [office]
    for entry in shipped[:2]:
        metadata = {k.lower(): v for k, v in item_metadata(entry, ADOPTION).items()}
        item, _ = parse_item(
            str(DATA_FILE), metadata, "", DEFAULT_CLASSES, DEFAULT_GROUPS, TODAY, "x"
        )
        item.row = DataRow(LABEL, entry.line, note="Keputusan", clash_hint=clash_hint(entry))
        items.append(item)
    return items


def test_rows_of_one_data_file_are_told_apart_by_their_slug(shipped):
    _office, first, second = _items(shipped)
    assert first.source == second.source == str(DATA_FILE)
    assert first.source_path == f"{DATA_FILE}#{shipped[0].id}"
    assert first.source_path != second.source_path


def test_an_office_file_with_a_national_slug_is_told_how_to_fix_it(shipped):
    items = _items(shipped)
    items[0].slug = shipped[1].id
    [(source, message)] = check_collection(items, set())
    assert source == "ppid/milik-kantor.md"
    assert f'slug "{shipped[1].id}" juga dipakai entri baris {shipped[1].line}' in message
    assert f"dari {LABEL} ({DATA_FILE})" in message
    assert f'tulis "{shipped[1].id}" di KPU_NATIONAL_DIK["kecuali"]' in message


def test_a_national_row_on_a_reserved_slug_points_at_its_line(shipped):
    items = _items(shipped)
    [(source, message)] = check_collection(items, {shipped[0].id})
    assert source == str(DATA_FILE) and message.line == shipped[0].line


def test_the_dik_open_data_and_sources_say_where_each_row_comes_from(shipped):
    rows = number_exempt(_items(shipped))
    records = dik_records(rows, "", "ppid/informasi-dikecualikan/", DEFAULT_GROUPS)
    sources = {r["tautan"].rsplit("#", 1)[1]: r["sumber"] for r in records}
    assert sources == {"milik-kantor": "kantor", shipped[0].id: LABEL, shipped[1].id: LABEL}
    [source] = exempt_sources(rows)
    assert (source.label, source.note, source.count) == (LABEL, "Keputusan", 2)
