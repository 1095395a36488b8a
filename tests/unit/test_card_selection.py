"""Which news items get their own share card: the date window, the modified date, the field."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from kpu_content.model import check_news_metadata, check_share_card, share_card_request
from kpu_images.selection import gets_own_card, months_before

WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime.datetime(2026, 12, 2, 9, 30, tzinfo=WIB)
SINCE = months_before(NOW, 12)


def at(*parts, tz=WIB):
    return datetime.datetime(*parts, tzinfo=tz)


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (NOW, 12, at(2025, 12, 2, 9, 30)),
        (NOW, 0, NOW),
        (NOW, 1, at(2026, 11, 2, 9, 30)),
        (NOW, 60, at(2021, 12, 2, 9, 30)),
        (at(2026, 3, 31, 8, 0), 1, at(2026, 2, 28, 8, 0)),  # clamped to the month's end
        (at(2028, 2, 29, 8, 0), 12, at(2027, 2, 28, 8, 0)),
        (at(2026, 1, 15, 8, 0), 13, at(2024, 12, 15, 8, 0)),
    ],
)
def test_months_before_counts_calendar_months(moment, months, expected):
    assert months_before(moment, months) == expected


@pytest.mark.parametrize(
    ("date", "modified", "asked", "expected"),
    [
        (at(2026, 11, 30, 10, 0), None, None, True),  # recent
        (at(2025, 12, 2, 9, 30), None, None, True),  # exactly 12 months: still its own
        (at(2025, 12, 2, 9, 29), None, None, False),  # a minute older: the office's card
        (at(2025, 12, 1, 23, 0), None, None, False),
        (at(2027, 6, 1, 8, 0), None, None, True),  # scheduled in the future
        (at(2021, 5, 25, 14, 30), at(2026, 10, 1, 8, 0), None, True),  # modified lately
        (at(2021, 5, 25, 14, 30), at(2022, 1, 1, 8, 0), None, False),  # modified long ago
        (at(2021, 5, 25, 14, 30), None, True, True),  # Kartu_Berbagi: ya
        (at(2026, 11, 30, 10, 0), None, False, False),  # Kartu_Berbagi: tidak
        # A naive date is the office's wall time: 02:30 UTC is 09:30 in Jakarta.
        (datetime.datetime(2025, 12, 2, 9, 30), None, None, True),
        (at(2025, 12, 2, 2, 30, tz=datetime.UTC), None, None, True),
        (at(2025, 12, 2, 2, 29, tz=datetime.UTC), None, None, False),
    ],
)
def test_an_item_gets_its_own_card_when_recent_or_asked(date, modified, asked, expected):
    assert gets_own_card(date, modified, asked, SINCE) is expected


@pytest.mark.parametrize(
    ("metadata", "expected"),
    [
        ({}, None),
        ({"kartu_berbagi": "ya"}, True),
        ({"kartu_berbagi": " Ya "}, True),
        ({"kartu_berbagi": "tidak"}, False),
        ({"kartu_berbagi": "TIDAK"}, False),
        ({"kartu_berbagi": "iya"}, None),
    ],
)
def test_share_card_request_reads_the_field(metadata, expected):
    assert share_card_request(metadata) is expected


@pytest.mark.parametrize("value", ["ya", "tidak", "Ya", " tidak "])
def test_a_good_share_card_value_passes(value):
    assert check_share_card({"kartu_berbagi": value}) == []


@pytest.mark.parametrize(
    ("value", "hint"),
    [("iya", ' Mungkin maksud Anda "ya"?'), ("tdk", ' Mungkin maksud Anda "tidak"?'), ("1", "")],
)
def test_a_bad_share_card_value_names_the_field_and_the_choices(value, hint):
    assert check_share_card({"kartu_berbagi": value}) == [
        f'kolom "Kartu_Berbagi": nilai "{value}" tidak dikenal. Pilihan: ya, tidak.{hint}'
    ]


def test_news_metadata_checks_the_share_card_field():
    metadata = {"title": "Judul", "date": NOW, "divisi": "hukum", "kartu_berbagi": "boleh"}
    problems = check_news_metadata(metadata, ["hukum"], {"berita": "Berita"})
    assert 'kolom "Kartu_Berbagi": nilai "boleh" tidak dikenal. Pilihan: ya, tidak.' in problems
