import datetime
import re

import pytest

from kpu_gate.dates import check_date_text, parse_date_text

ACCEPTED = [
    ("2024-05-25", datetime.date(2024, 5, 25), None),
    ("2024-05-25 10:00", datetime.date(2024, 5, 25), datetime.time(10, 0)),
    ("  2023-08-17 09:30\t", datetime.date(2023, 8, 17), datetime.time(9, 30)),
    ("2024-02-29 00:00", datetime.date(2024, 2, 29), datetime.time(0, 0)),
    ("2023-12-31 23:59", datetime.date(2023, 12, 31), datetime.time(23, 59)),
]

# (value, with_time, substrings the message must hold). Dates other than the example
# 2024-05-25 show that the rewrite is the admin's own date, not the example.
REJECTED = [
    # Impossible dates and times, in the accepted shape or another.
    ("2024-02-30", True, ["bukan tanggal yang ada", "Februari 2024 hanya sampai tanggal 29"]),
    ("2023-02-29", True, ["bukan tanggal yang ada", "Februari 2023 hanya sampai tanggal 28"]),
    ("2024-13-01", True, ["bukan tanggal yang ada", "bulan 13 tidak ada"]),
    ("2024-04-00", True, ["bukan tanggal yang ada", "tanggal 0 tidak ada"]),
    ("2024-05-25 25:00", True, ["bukan jam yang ada", "jam 25 tidak ada"]),
    ("2024-05-25 10:60", True, ["bukan jam yang ada", "menit 60 tidak ada"]),
    ("31/04/2024", True, ["bukan tanggal yang ada", "April 2024 hanya sampai tanggal 30"]),
    ("30 Februari 2024", True, ["bukan tanggal yang ada", "Februari 2024 hanya sampai"]),
    ("0000-01-01", True, ["bukan tanggal yang ada", "tahun 0 tidak ada"]),
    # ISO variants.
    ("2023-08-17T09:30", True, ['"2023-08-17 09:30"', "bukan huruf T"]),
    ("2024-05-25T10:00", True, ['"2024-05-25 10:00"', "bukan huruf T"]),
    ("2023-08-17 09:30:00", True, ['"2023-08-17 09:30"', "Detik tidak ditulis"]),
    ("2024-05-25 10:00:00", True, ['"2024-05-25 10:00"', "Detik tidak ditulis"]),
    (
        "2023-08-17T09:30:15+07:00",
        True,
        ['"2023-08-17 09:30"', "bukan huruf T", "Detik", "zona waktu dari pengaturannya"],
    ),
    ("2024-05-25T10:00:00+07:00", True, ['"2024-05-25 10:00"', "pengaturannya"]),
    ("2023-08-17T02:30:00Z", True, ['"2023-08-17 02:30"', "pengaturannya"]),
    ("2023-08-17 09.30", True, ['"2023-08-17 09:30"', "titik dua (09:30), bukan titik"]),
    ("2024-05-25 10.00", True, ['"2024-05-25 10:00"', "bukan titik"]),
    ("2023-08-17 9:30", True, ['"2023-08-17 09:30"', "tidak dalam format yang diterima"]),
    ("2023-08-17  09:30", True, ['"2023-08-17 09:30"', "tidak dalam format yang diterima"]),
    ("2024-5-3", True, ['"2024-05-03 10:00"', 'tanpa jam: "2024-05-03"']),
    ("2024-5-3", False, ['"2024-05-03"']),
    ("2024/05/25", True, ['tanpa jam: "2024-05-25"', "tidak dalam format yang diterima"]),
    ("2023/08/17", False, ['"2023-08-17"']),
    ("2023\u201308\u201317", False, ['"2023-08-17"']),
    ('"2023-08-17"', False, ['"2023-08-17"', "Tanda kutip tidak perlu ditulis"]),
    # Day-first numbers, unambiguous.
    ("25/05/2024", True, ["dibaca 25 Mei 2024", 'tanpa jam: "2024-05-25"']),
    ("17-08-2023", True, ["dibaca 17 Agustus 2023", 'tanpa jam: "2023-08-17"']),
    ("17.08.2023", False, ["dibaca 17 Agustus 2023", '"2023-08-17"']),
    ("25/5/2024 10:00", True, ["dibaca 25 Mei 2024", '"2024-05-25 10:00"']),
    ("17/8/2023 09.30", True, ['"2023-08-17 09:30"', "bukan titik"]),
    ("17/08/23", False, ['"2023-08-17"', "empat angka", '"23" dibaca 2023']),
    ("25/05/24", True, ['"2024-05-25"', "empat angka"]),
    ("06/06/2023", False, ["dibaca 6 Juni 2023", '"2023-06-06"']),
    ("08/17/2023", False, ["dibaca 17 Agustus 2023", '"2023-08-17"']),
    # Day-first numbers that fit no month.
    ("25/13/2024", True, ["bukan tanggal", "tidak ada angka yang bisa menjadi bulan"]),
    # Month names, Indonesian and English, full and short, any case.
    ("25 Mei 2021", True, ['"2021-05-25 10:00"', 'tanpa jam: "2021-05-25"']),
    ("Selasa, 25 Mei 2021", False, ['"2021-05-25"', "Nama hari tidak perlu ditulis"]),
    ("Rabu, 25 Mei 2021", False, ['"2021-05-25"', "jatuh pada hari Selasa, bukan Rabu"]),
    ("25 Mei 2021 10:00", True, ['"2021-05-25 10:00"']),
    ("25 Mei 2021 pukul 10.30", True, ['"2021-05-25 10:30"', "bukan titik"]),
    ("Selasa, 25 Mei 2021, pukul 14.05 WIB", True, ['"2021-05-25 14:05"', '"WIB" tidak']),
    ("May 25, 2021", False, ['"2021-05-25"']),
    ("25 May 2021", False, ['"2021-05-25"']),
    ("Tuesday, May 25th, 2021", False, ['"2021-05-25"', "Nama hari"]),
    ("2021 Mei 25", False, ['"2021-05-25"']),
    ("1 januari 2023", False, ['"2023-01-01"']),
    ("1 Jan 2023", False, ['"2023-01-01"']),
    ("14 Februari 2023", False, ['"2023-02-14"']),
    ("14 Feb 2023", False, ['"2023-02-14"']),
    ("8 Maret 2023", False, ['"2023-03-08"']),
    ("8 MAR 2023", False, ['"2023-03-08"']),
    ("21 April 2023", False, ['"2023-04-21"']),
    ("21 Apr 2023", False, ['"2023-04-21"']),
    ("1 Juni 2023", False, ['"2023-06-01"']),
    ("1 Jun 2023", False, ['"2023-06-01"']),
    ("17 Juli 2023", False, ['"2023-07-17"']),
    ("17 Jul 2023", False, ['"2023-07-17"']),
    ("17 Agustus 2023", False, ['"2023-08-17"']),
    ("17 Agu 2023", False, ['"2023-08-17"']),
    ("17 Ags 2023", False, ['"2023-08-17"']),
    ("17 Aug 2023", False, ['"2023-08-17"']),
    ("9 September 2023", False, ['"2023-09-09"']),
    ("9 Sep 2023", False, ['"2023-09-09"']),
    ("9 sept. 2023", False, ['"2023-09-09"']),
    ("28 Oktober 2023", False, ['"2023-10-28"']),
    ("28 Okt 2023", False, ['"2023-10-28"']),
    ("28 Oct 2023", False, ['"2023-10-28"']),
    ("10 November 2023", False, ['"2023-11-10"']),
    ("10 Nov 2023", False, ['"2023-11-10"']),
    ("10 Nop 2023", False, ['"2023-11-10"']),
    ("22 Desember 2023", False, ['"2023-12-22"']),
    ("22 Des 2023", False, ['"2023-12-22"']),
    ("22 DEC 2023", False, ['"2023-12-22"']),
    ("25 Mei 21", False, ['"2021-05-25"', "empat angka"]),
    # Zone labels: the site adds them.
    ("2024-05-25 10:00 WIB", True, ['"2024-05-25 10:00"', '"WIB" tidak ditulis']),
    ("2023-08-17 09:30 WITA", True, ['"2023-08-17 09:30"', '"WITA" tidak ditulis']),
    ("2023-08-17 09:30 wit", True, ['"2023-08-17 09:30"', '"WIT" tidak ditulis']),
    # Not a date at all.
    ("kemarin", True, ["bukan tanggal yang dikenali", '"2024-05-25 10:00"', '"2024-05-25"']),
    ("2024", True, ["bukan tanggal yang dikenali", "tahun-bulan-tanggal jam:menit"]),
    ("Mei 2021", False, ["bukan tanggal yang dikenali", 'misalnya "2024-05-25"']),
    ("10:00", True, ["bukan tanggal yang dikenali"]),
    ("25 Mey 2021", True, ["bukan tanggal yang dikenali"]),
]


@pytest.mark.parametrize(("raw", "day", "time"), ACCEPTED)
def test_accepted_values_pass_and_parse(raw, day, time):
    assert check_date_text("Date", raw) is None
    assert check_date_text("Tanggal", raw, with_time=False) is None
    assert parse_date_text(raw) == (day, time)


@pytest.mark.parametrize(("raw", "with_time", "expected"), REJECTED)
def test_rejected_values_explain_the_fix(raw, with_time, expected):
    message = check_date_text("Date", raw, with_time)
    assert message is not None
    for text in expected:
        assert text in message


@pytest.mark.parametrize(("raw", "with_time", "expected"), REJECTED)
def test_rejected_values_do_not_parse(raw, with_time, expected):
    assert parse_date_text(raw) is None


@pytest.mark.parametrize("raw", [raw for raw, _with_time, _expected in REJECTED])
def test_message_starts_with_the_field_and_the_value(raw):
    assert check_date_text("Diperbarui", raw).startswith(f'kolom "Diperbarui": "{raw.strip()}" ')


@pytest.mark.parametrize(("raw", "with_time", "expected"), REJECTED)
def test_every_quoted_date_in_a_message_is_accepted(raw, with_time, expected):
    message = check_date_text("Date", raw, with_time).split(f'"{raw}"', 1)[1]
    quoted = [value for value in re.findall(r'"([^"]*)"', message) if value[:1].isdigit()]
    assert quoted
    for value in quoted:
        if not value.isdigit():  # "23" dibaca 2023 quotes the admin's two-digit year
            assert parse_date_text(value), value


def test_ambiguous_day_and_month_give_both_rewrites():
    assert check_date_text("Date", "05/11/2026") == (
        'kolom "Date": "05/11/2026" bisa dibaca 5 November 2026 atau 11 Mei 2026. '
        'Tulis tahun-bulan-tanggal agar tidak keliru: "2026-11-05" (5 November) atau '
        '"2026-05-11" (11 Mei).'
    )


def test_ambiguous_value_keeps_the_admins_time_in_both_rewrites():
    message = check_date_text("Date", "05/11/2026 14.30 WIB")
    assert '"2026-11-05 14:30" (5 November) atau "2026-05-11 14:30" (11 Mei)' in message
    assert '"WIB" tidak ditulis' in message


def test_weekday_points_at_one_reading_without_choosing_it():
    message = check_date_text("Date", "Kamis, 05/11/2026")
    assert "Hari Kamis cocok dengan 5 November 2026." in message
    assert '"2026-05-11"' in message


def test_two_digit_year_is_read_as_this_century_and_still_flagged():
    message = check_date_text("Tanggal", "05/11/26", with_time=False)
    assert '"2026-11-05" (5 November) atau "2026-05-11" (11 Mei)' in message
    assert "empat angka" in message


def test_news_rewrite_without_time_offers_both_forms():
    assert check_date_text("Date", "17/08/2023") == (
        'kolom "Date": "17/08/2023" dibaca 17 Agustus 2023, tetapi tidak dalam format yang '
        'diterima. Tulis tahun-bulan-tanggal: "2023-08-17 10:00" (jam:menit boleh diganti; '
        'tanpa jam: "2023-08-17").'
    )


def test_ppid_rewrite_shows_no_example_time():
    message = check_date_text("Tanggal", "17/08/2023", with_time=False)
    assert message.endswith('Tulis tahun-bulan-tanggal: "2023-08-17".')
    assert "10:00" not in message


def test_generic_message_shows_the_accepted_form_for_the_field():
    assert check_date_text("Tanggal", "kemarin", with_time=False) == (
        'kolom "Tanggal": "kemarin" bukan tanggal yang dikenali. '
        'Tulis tahun-bulan-tanggal, misalnya "2024-05-25".'
    )


@pytest.mark.parametrize("raw", ["", "   "])
def test_empty_value_is_reported_as_empty(raw):
    message = check_date_text("Date", raw)
    assert message.startswith('kolom "Date" kosong. ')
    assert '"2024-05-25 10:00"' in message
