"""Format dates and times in Bahasa Indonesia with Babel.

CLDR's "full" pattern for `id` zero-pads the day ("05 Februari"), so the kit uses its
own non-padded patterns; the OS `id_ID` locale is never needed.
"""

import datetime
import functools

from babel.dates import format_date, format_time

LOCALE = "id"
FULL_DATE = "EEEE, d MMMM y"  # Selasa, 25 Mei 2021
SHORT_DATE = "d MMMM y"  # 25 Mei 2021
MONTH_YEAR = "LLLL y"  # Mei 2021
TIME = "HH.mm"  # 14.30 (Indonesian style uses a dot)


def format_tanggal(value, pattern=FULL_DATE):
    """Return a date such as "Selasa, 25 Mei 2021"."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return _format_date(value, pattern)


@functools.lru_cache(maxsize=8192)
def _format_date(day, pattern):
    """Babel's formatting, once per day and pattern (news share days; Babel is slow)."""
    return format_date(day, pattern, locale=LOCALE)


def format_waktu(value, zone_label=""):
    """Return a time such as "14.30 WIB" (the zone label comes from the regency block)."""
    text = format_time(value, TIME, locale=LOCALE)
    return f"{text} {zone_label}".strip()


def format_bulan_tahun(year, month):
    """Return a month heading such as "Mei 2021" for archive pages."""
    return format_date(datetime.date(int(year), int(month), 1), MONTH_YEAR, locale=LOCALE)
