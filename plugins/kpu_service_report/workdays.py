"""Working days (hari kerja) as the information law counts them: no weekends, no holidays.

UU 14/2008 counts the time to answer a request in working days from the day after the
request was received. Public holidays and collective leave (cuti bersama) come from a data
file the kit ships (data/hari-libur.csv, from the yearly SKB 3 Menteri); no library knows
Indonesia's moving holidays and the yearly decree, so the list is data, not code.
"""

import csv
import datetime
from dataclasses import dataclass
from pathlib import Path

from kpu_messages import Problem

SHIPPED_HOLIDAYS = Path(__file__).parent / "data" / "hari-libur.csv"
HOLIDAY_COLUMNS = ("tanggal", "jenis", "keterangan", "sumber")
HOLIDAY_KINDS = {"libur": "Libur nasional", "cuti-bersama": "Cuti bersama"}


@dataclass(frozen=True)
class Holiday:
    """One non-working day and the decree it comes from."""

    day: datetime.date
    kind: str
    name: str
    source: str


def parse_holidays(text):
    """Return (holidays by date, problems) from the holiday CSV's text."""
    rows = list(csv.reader(text.splitlines()))
    if not rows or [c.strip().lower() for c in rows[0]] != list(HOLIDAY_COLUMNS):
        header = ",".join(HOLIDAY_COLUMNS)
        return {}, [Problem(f"baris judul kolom harus tepat: {header}", line=1)]
    holidays, problems = {}, []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(HOLIDAY_COLUMNS):
            problems.append(Problem(f"harus ada {len(HOLIDAY_COLUMNS)} kolom", line=line))
            continue
        day_text, kind, name, source = (cell.strip() for cell in row)
        try:
            day = datetime.date.fromisoformat(day_text)
        except ValueError:
            problems.append(Problem(f'kolom "tanggal": "{day_text}" bukan TTTT-BB-HH', line=line))
            continue
        if kind not in HOLIDAY_KINDS:
            allowed = ", ".join(HOLIDAY_KINDS)
            problems.append(Problem(f'kolom "jenis": "{kind}" harus {allowed}', line=line))
            continue
        if day in holidays:
            problems.append(Problem(f'kolom "tanggal": {day_text} tertulis dua kali', line=line))
            continue
        holidays[day] = Holiday(day, kind, name, source)
    return holidays, problems


def is_working_day(day, holidays):
    """Tell whether government offices work on this day (Monday to Friday, not a holiday)."""
    return day.weekday() < 5 and day not in holidays


def working_days_between(received, answered, holidays):
    """Count working days after `received` up to and including `answered` (0 the same day)."""
    if answered <= received:
        return 0
    count, day = 0, received
    while day < answered:
        day += datetime.timedelta(days=1)
        count += is_working_day(day, holidays)
    return count


def add_working_days(start, days, holidays):
    """Return the date `days` working days after `start`: the last day of a deadline."""
    day, left = start, days
    while left > 0:
        day += datetime.timedelta(days=1)
        left -= is_working_day(day, holidays)
    return day


def covered_years(holidays):
    """Return the years the holiday list has entries for, so a report can warn of a gap."""
    return sorted({day.year for day in holidays})
