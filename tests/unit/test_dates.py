import datetime

import pytest

from kpu_dates.model import format_bulan_tahun, format_tanggal, format_waktu


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(2021, 5, 25), "Selasa, 25 Mei 2021"),
        (datetime.date(2021, 2, 5), "Jumat, 5 Februari 2021"),
        (datetime.datetime(2024, 11, 3, 23, 59), "Minggu, 3 November 2024"),
        (datetime.date(2024, 8, 17), "Sabtu, 17 Agustus 2024"),
    ],
)
def test_full_date_is_indonesian_and_not_zero_padded(value, expected):
    assert format_tanggal(value) == expected


def test_short_pattern_is_honoured():
    assert format_tanggal(datetime.date(2023, 1, 9), "d MMMM y") == "9 Januari 2023"


@pytest.mark.parametrize(
    ("zone", "expected"), [("WIB", "14.05 WIB"), ("WIT", "14.05 WIT"), ("", "14.05")]
)
def test_time_uses_a_dot_and_the_office_zone(zone, expected):
    assert format_waktu(datetime.time(14, 5), zone) == expected


def test_month_heading():
    assert format_bulan_tahun(2021, 5) == "Mei 2021"
    assert format_bulan_tahun("2024", "12") == "Desember 2024"
