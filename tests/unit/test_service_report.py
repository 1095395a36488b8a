"""The service report's arithmetic: working days, the register's rules and every figure."""

import datetime

import pytest

from kpu_service_report.figures import Deadline, Period, deadline_for, service_figures
from kpu_service_report.register import parse_register, personal_column, personal_data_in_text
from kpu_service_report.workdays import (
    SHIPPED_HOLIDAYS,
    add_working_days,
    parse_holidays,
    working_days_between,
)

D = datetime.date
NORMAL = Deadline("biasa", 10, 7, "UU 14/2008 Pasal 22 ayat (7) dan (8)")
ELECTION = Deadline("tahapan", 3, 2, "aturan layanan informasi pemilu")
HEADER = (
    "tanggal_diterima,saluran,kategori_pemohon,informasi_diminta,keputusan,dasar_penolakan,"
    "tanggal_dijawab,perpanjangan,tanggal_keberatan,hasil_keberatan,tanggal_sengketa,"
    "hasil_sengketa"
)


def holidays_of(*days):
    text = "tanggal,jenis,keterangan,sumber\n" + "".join(
        f"{day},libur,Libur uji,uji\n" for day in days
    )
    holidays, problems = parse_holidays(text)
    assert problems == []
    return holidays


def test_the_shipped_holiday_file_is_valid_and_covers_the_sample_years():
    holidays, problems = parse_holidays(SHIPPED_HOLIDAYS.read_text(encoding="utf-8"))
    assert problems == []
    assert D(2025, 3, 31) in holidays and D(2025, 12, 25) in holidays
    assert {day.year for day in holidays} >= {2025, 2026}


@pytest.mark.parametrize(
    ("text", "fragment", "line"),
    [
        ("tanggal,jenis\n", "baris judul kolom", 1),
        ("tanggal,jenis,keterangan,sumber\n2025-13-01,libur,x,y\n", "bukan TTTT-BB-HH", 2),
        ("tanggal,jenis,keterangan,sumber\n2025-01-01,pesta,x,y\n", '"jenis"', 2),
        (
            "tanggal,jenis,keterangan,sumber\n2025-01-01,libur,x,y\n2025-01-01,libur,x,y\n",
            "dua kali",
            3,
        ),
    ],
)
def test_a_broken_holiday_file_names_its_line(text, fragment, line):
    _, problems = parse_holidays(text)
    assert fragment in problems[0] and problems[0].line == line


def test_working_days_skip_weekends_and_holidays():
    # Fri 2025-03-28 (cuti bersama in the shipped list) -> Tue 2025-04-08 by hand:
    # Mar 31, Apr 1 Idulfitri; Apr 2-4 and 7 cuti bersama; weekends; only Apr 8 works.
    holidays, _ = parse_holidays(SHIPPED_HOLIDAYS.read_text(encoding="utf-8"))
    assert working_days_between(D(2025, 3, 27), D(2025, 4, 8), holidays) == 1
    # Without holidays the same span has 8 working days (Mar 28, 31, Apr 1-4, 7, 8).
    assert working_days_between(D(2025, 3, 27), D(2025, 4, 8), {}) == 8
    assert working_days_between(D(2025, 6, 2), D(2025, 6, 2), {}) == 0
    assert working_days_between(D(2025, 6, 6), D(2025, 6, 9), {}) == 1  # Fri -> Mon


def test_a_deadline_ends_the_given_number_of_working_days_later():
    holidays = holidays_of("2025-05-01")
    # Mon 2025-04-28 + 3 working days: Apr 29, Apr 30, (May 1 holiday), May 2.
    assert add_working_days(D(2025, 4, 28), 3, holidays) == D(2025, 5, 2)
    assert add_working_days(D(2025, 4, 28), 10, holidays) == D(2025, 5, 13)


def test_the_election_deadline_applies_inside_a_stage_period_only():
    periods = [Period(D(2025, 2, 1), D(2025, 2, 28), "Pemungutan suara ulang")]
    assert deadline_for(D(2025, 2, 1), periods, NORMAL, ELECTION)[0] is ELECTION
    assert deadline_for(D(2025, 2, 28), periods, NORMAL, ELECTION)[0] is ELECTION
    assert deadline_for(D(2025, 3, 1), periods, NORMAL, ELECTION)[0] is NORMAL


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("nama_pemohon", "nama"),
        ("NIK", "NIK"),
        ("Alamat Pemohon", "alamat"),
        ("no_hp", "nomor telepon"),
        ("email", "surel"),
        ("informasi_diminta", None),
        ("tanggal_diterima", None),
    ],
)
def test_columns_that_could_hold_personal_data_are_named(name, kind):
    assert personal_column(name) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Salinan SK, NIK 3323010101900001", "NIK (16 angka)"),
        ("kirim ke budi@contoh.id", "alamat surel"),
        ("hubungi 0812-3456-7890", "nomor telepon"),
        ("Rekapitulasi DPT 2024 per kecamatan", None),
        ("SK Nomor 1017 Tahun 2024", None),
    ],
)
def test_personal_data_in_free_text_is_spotted(text, kind):
    assert personal_data_in_text(text) == kind


def test_a_register_with_a_name_or_nik_column_is_refused_naming_the_column():
    text = HEADER.replace("saluran", "nama_pemohon,saluran") + "\n"
    _, problems = parse_register(text, 2025)
    assert any('"nama_pemohon"' in p and "data pribadi" in p for p in problems)
    text = "NIK," + HEADER + "\n"
    _, problems = parse_register(text, 2025)
    assert any('"nik"' in p and p.line == 1 for p in problems)


@pytest.mark.parametrize(
    ("row", "fragment"),
    [
        ("2025-02-30,surel,perorangan,X,dikabulkan,,2025-03-03,tidak,,,,", "tanggal_diterima"),
        ("2025-03-03,pos,perorangan,X,dikabulkan,,2025-03-04,tidak,,,,", '"saluran"'),
        ("2025-03-03,surel,warga,X,dikabulkan,,2025-03-04,tidak,,,,", "kategori_pemohon"),
        ("2025-03-03,surel,perorangan,X,ditolak,,2025-03-04,tidak,,,,", "dasar_penolakan"),
        ("2025-03-03,surel,perorangan,X,dikabulkan,,2025-03-01,tidak,,,,", "lebih awal"),
        ("2025-03-03,surel,perorangan,X,dikabulkan,,2025-03-04,mungkin,,,,", "perpanjangan"),
        ("2025-03-03,surel,perorangan,,dikabulkan,,2025-03-04,tidak,,,,", "informasi_diminta"),
        ("2024-12-30,surel,perorangan,X,dikabulkan,,2025-01-02,tidak,,,,", "bukan tahun 2025"),
        (
            "2025-03-03,surel,perorangan,X,ditolak,Pasal 17,2025-03-04,tidak,,,2025-04-01,",
            "tanpa tanggal_keberatan",
        ),
        ("2025-03-03,surel,perorangan,X,dikabulkan,,2025-03-04,tidak,,,", "kolom"),
    ],
)
def test_every_row_mistake_names_its_line_and_column(row, fragment):
    _, problems = parse_register(f"{HEADER}\n{row}\n", 2025)
    assert problems and any(fragment in p for p in problems), problems
    assert all(p.line == 2 for p in problems)


# A small register counted by hand below. Holidays: 2025-05-01 (Thu), 2025-05-12 (Mon).
# Election-stage period: 2025-05-05 .. 2025-05-16 (deadline 3 + 2).
REGISTER = f"""\ufeff{HEADER}
2025-04-28,surel,perorangan,DPT per kecamatan,dikabulkan,,2025-05-02,tidak,,,,
2025-04-29,langsung,badan-hukum,LK 2024,dikabulkan-sebagian,Ps 17j,2025-05-16,ya,2025-05-20,ditolak,2025-06-10,mediasi
2025-05-05,e-ppid,kelompok,Jadwal PSU,dikabulkan,,2025-05-07,tidak,,,,
2025-05-09,surel,perorangan,Berita acara rekapitulasi,dikabulkan,,2025-05-15,tidak,,,,
2025-05-09,surel,perorangan,Salinan formulir C,dikabulkan,,2025-05-16,ya,,,,
2025-06-02,surat,perorangan,Data pemilih disabilitas,tidak-dikuasai,,2025-06-03,tidak,,,,
2025-06-03,e-ppid,perorangan,Dokumen calon,ditolak,Ps 17h,2025-06-05,tidak,2025-06-10,diterima,,
2025-12-29,surel,perorangan,Anggaran 2026,dikabulkan,,,tidak,,,,
"""  # noqa: E501  (one request per line, as in the register)


def test_every_figure_of_a_small_register_matches_a_hand_count():
    requests, problems = parse_register(REGISTER, 2025)
    assert problems == []
    holidays = holidays_of("2025-05-01", "2025-05-12")
    periods = [Period(D(2025, 5, 5), D(2025, 5, 16), "Tahapan uji")]
    figures = service_figures(requests, holidays, periods, NORMAL, ELECTION)
    assert figures["total"] == 8
    assert figures["answered"] == 7 and figures["unanswered"] == 1
    assert figures["extended"] == 2
    # Working days by hand:
    # 1. Apr 28 -> May 2: Apr 29, 30, (May 1), May 2 = 3 (normal, on time)
    # 2. Apr 29 -> May 16: Apr 30, May 2, 5-9 (5), 13-16 (4), no May 12 = 11 (normal, ext, 17 ok)
    # 3. May 5 -> May 7: 6, 7 = 2 (election, on time)
    # 4. May 9 -> May 15: (12), 13, 14, 15 = 3 (election, on time)
    # 5. May 9 -> May 16: 13..16 = 4 (election, ext 3+2 = 5, on time)
    # 6. Jun 2 -> Jun 3 = 1; 7. Jun 3 -> Jun 5 = 2 (normal)
    # sorted: 1 2 2 3 3 4 11 -> median 3, worst 11
    assert figures["median_days"] == 3 and figures["worst_days"] == 11
    assert figures["on_time"] == 7 and figures["late"] == []
    assert figures["in_election_period"] == 3
    assert [(d["deadline"].name, d["answered"], d["on_time"]) for d in figures["by_deadline"]] == [
        ("biasa", 4, 4),
        ("tahapan", 3, 3),
    ]
    channels = {slug: n for slug, _, n in figures["channels"]}
    assert channels == {
        "langsung": 1,
        "surat": 1,
        "surel": 4,
        "e-ppid": 2,
        "telepon": 0,
        "media-sosial": 0,
    }
    months = {m["number"]: m["total"] for m in figures["months"]}
    assert months[4] == 2 and months[5] == 3 and months[6] == 2 and months[12] == 1
    assert sum(months.values()) == 8
    decisions = {slug: n for slug, _, n in figures["decisions"]}
    assert decisions == {
        "dikabulkan": 5,
        "dikabulkan-sebagian": 1,
        "ditolak": 1,
        "tidak-dikuasai": 1,
    }
    categories = {slug: n for slug, _, n in figures["categories"]}
    assert categories == {"perorangan": 6, "badan-hukum": 1, "kelompok": 1}
    assert figures["objections"] == 2 and figures["disputes"] == 1
    outcomes = {slug: n for slug, _, n in figures["objection_outcomes"]}
    assert outcomes["ditolak"] == 1 and outcomes["diterima"] == 1
    assert {slug: n for slug, _, n in figures["dispute_outcomes"]}["mediasi"] == 1


def test_a_late_answer_is_listed_with_its_line():
    row = "2025-05-05,surel,perorangan,Jadwal,dikabulkan,,2025-05-09,tidak,,,,"
    requests, _ = parse_register(f"{HEADER}\n{row}\n", 2025)
    periods = [Period(D(2025, 5, 1), D(2025, 5, 31), "Tahapan")]
    figures = service_figures(requests, {}, periods, NORMAL, ELECTION)
    # May 6, 7, 8, 9 = 4 working days against 3 without extension: late.
    assert figures["on_time"] == 0
    assert [(late["line"], late["days"]) for late in figures["late"]] == [(2, 4)]
