"""Accept header dates only as "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" and explain how to fix others.

Pelican reads almost any date (dateutil guesses month-first, so "05/11/2026" becomes 11 May);
the gate accepts two exact forms instead. Other shapes admins are likely to type are read
here only to write the admin's own date in the accepted form inside the message.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

ACCEPTED = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?", re.ASCII)
EXAMPLE_DATE = "2024-05-25"
EXAMPLE_TIME = "10:00"

MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip
WEEKDAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")

# Indonesian and English spellings, full and short, as admins type them (lower case).
MONTH_WORDS = (
    ("januari", "jan", "january"),
    ("februari", "feb", "pebruari", "peb", "february"),
    ("maret", "mar", "march"),
    ("april", "apr"),
    ("mei", "may"),
    ("juni", "jun", "june"),
    ("juli", "jul", "july"),
    ("agustus", "agu", "ags", "agt", "aug", "august"),
    ("september", "sep", "sept"),
    ("oktober", "okt", "oct", "october"),
    ("november", "nov", "nop", "nopember"),
    ("desember", "des", "dec", "december"),
)
WEEKDAY_WORDS = (
    ("senin", "sen", "monday", "mon"),
    ("selasa", "sel", "tuesday", "tue", "tues"),
    ("rabu", "rab", "wednesday", "wed"),
    ("kamis", "kam", "thursday", "thu", "thur", "thurs"),
    ("jumat", "jum'at", "jum", "friday", "fri"),
    ("sabtu", "sab", "saturday", "sat"),
    ("minggu", "min", "ahad", "sunday", "sun"),
)
MONTHS = {word: number for number, words in enumerate(MONTH_WORDS, 1) for word in words}
WEEKDAYS = {word: index for index, words in enumerate(WEEKDAY_WORDS) for word in words}

# A time at the end: "T10:00", " 10.00", ", pukul 10.00 WIB", " 10:00:00+07:00". The "T"
# must follow a digit so the last letter of "Okt" or "Agt" is never taken for it.
TIME_TAIL = re.compile(
    r"(?P<sep>(?<=\d)T|\s*,\s*(?:(?:pukul|pkl\.?|jam)\s*)?|\s+(?:(?:pukul|pkl\.?|jam)\s*)?)"
    r"(?P<hour>\d{1,2})(?P<mark>[:.])(?P<minute>\d{2})"
    r"(?:[:.](?P<second>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<offset>Z|[+-]\d{2}(?::?\d{2})?)?"
    r"\s*(?P<zone>WITA|WIB|WIT)?$",
    re.ASCII | re.IGNORECASE,
)
WEEKDAY_HEAD = re.compile(r"(?P<word>[a-z']+)\.?\s*,?\s*", re.ASCII | re.IGNORECASE)
YEAR_FIRST = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})", re.ASCII)
DAY_FIRST = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})", re.ASCII)
NUMBER = re.compile(r"(\d+)(?:st|nd|rd|th)?", re.ASCII)
# Word processors put these in text pasted from a letter; read them as plain "-" and " ".
PLAIN = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"}) | {
    ord(c): " " for c in "\u00a0\u2009\u202f"
}
OPEN_QUOTES, CLOSE_QUOTES = "\"'\u201c\u2018", "\"'\u201d\u2019"


@dataclass(frozen=True)
class Reading:
    """What a non-accepted value says: its possible dates, its time and what to tell the admin."""

    dates: tuple[tuple[int, int, int], ...]  # (year, month, day); Indonesian day-first first
    clock: tuple[int, int, int] | None = None  # (hour, minute, second)
    notes: tuple[str, ...] = ()
    numeric: bool = False  # day and month were bare numbers: say how they were read
    weekday: int | None = None


def parse_date_text(raw: str) -> tuple[datetime.date, datetime.time | None] | None:
    """Return (date, time or None) of an accepted value, else None."""
    match = ACCEPTED.fullmatch(raw.strip())
    if not match:
        return None
    year, month, day, hour, minute = match.groups()
    try:
        return (
            datetime.date(int(year), int(month), int(day)),
            datetime.time(int(hour), int(minute)) if hour else None,
        )
    except ValueError:
        return None


def check_date_text(field: str, raw: str, with_time: bool = True) -> str | None:
    """Return None for an accepted date, else a message (Bahasa Indonesia) naming the fix."""
    text = raw.strip()
    if not text:
        return f'kolom "{field}" kosong. Tulis {_accepted_form(with_time)}.'
    if parse_date_text(text):
        return None
    head = f'kolom "{field}": "{text}"'
    reading = read_date_text(text)
    if reading is None:
        return f"{head} bukan tanggal yang dikenali. Tulis {_accepted_form(with_time)}."
    if not reading.dates:
        return (
            f"{head} bukan tanggal: tidak ada angka yang bisa menjadi bulan (1 sampai 12). "
            f"Tulis {_accepted_form(with_time)}."
        )
    valid = [value for value in reading.dates if _date_problem(*value) is None]
    clock_reason = _clock_problem(reading.clock)
    if not valid or clock_reason:
        reasons = [clock_reason] if valid else [_date_problem(*reading.dates[0]), clock_reason]
        what = "jam" if valid else "tanggal"
        return (
            f"{head} bukan {what} yang ada: {'; '.join(r for r in reasons if r)}. "
            f"Periksa lagi, lalu tulis {_accepted_form(with_time)}."
        )
    days = [datetime.date(*value) for value in valid]
    notes = list(reading.notes)
    if len(days) == 2:
        readings = " atau ".join(_spoken(day) for day in days)
        options = " atau ".join(
            f'"{_iso(day, reading.clock)}" ({day.day} {MONTH_NAMES[day.month - 1]})' for day in days
        )
        matching = [day for day in days if day.weekday() == reading.weekday]
        if len(matching) == 1:
            # The weekday hints at the intended reading, but only the admin can confirm it.
            notes.append(
                f"Hari {WEEKDAY_NAMES[reading.weekday]} cocok dengan {_spoken(matching[0])}."
            )
        return _join(
            f"{head} bisa dibaca {readings}.",
            *notes,
            f"Tulis tahun-bulan-tanggal agar tidak keliru: {options}.",
        )
    day = days[0]
    if reading.weekday is not None and reading.weekday != day.weekday():
        notes.append(
            f"Periksa tanggalnya: {_spoken(day)} jatuh pada hari {WEEKDAY_NAMES[day.weekday()]}, "
            f"bukan {WEEKDAY_NAMES[reading.weekday]}."
        )
    how = f"dibaca {_spoken(day)}, tetapi tidak" if reading.numeric else "tidak"
    return _join(
        f"{head} {how} dalam format yang diterima.",
        *notes,
        f"Tulis tahun-bulan-tanggal: {_suggestion(day, reading.clock, with_time)}.",
    )


def read_date_text(text: str) -> Reading | None:
    """Read a value in a shape admins commonly write, or return None when it is not a date."""
    notes = []
    text = text.translate(PLAIN).strip()
    if len(text) > 1 and text[0] in OPEN_QUOTES and text[-1] in CLOSE_QUOTES:
        text = text[1:-1].strip()
        notes.append("Tanda kutip tidak perlu ditulis.")
    clock = None
    match = TIME_TAIL.search(text)
    if match and match.start() > 0:
        text = text[: match.start()]
        clock = (int(match["hour"]), int(match["minute"]), int(match["second"] or 0))
        notes += _clock_notes(match)
    text = text.strip().rstrip(",").strip()
    weekday = None
    match = WEEKDAY_HEAD.match(text)
    if match and match["word"].lower() in WEEKDAYS:
        weekday = WEEKDAYS[match["word"].lower()]
        text = text[match.end() :]
        notes.insert(0, "Nama hari tidak perlu ditulis.")
    found = _read_day(text)
    if found is None:
        return None
    dates, year_notes, numeric = found
    return Reading(dates, clock, tuple(year_notes + notes), numeric, weekday)


def _read_day(text):
    """Return (candidate dates, notes, numeric) for the date part of a value, or None."""
    match = YEAR_FIRST.fullmatch(text)
    if match:
        return (tuple(int(part) for part in match.groups()),), [], False
    match = DAY_FIRST.fullmatch(text)
    if match:
        first, second, year_text = match.groups()
        year, notes = _full_year(year_text)
        return _day_or_month_first(int(first), int(second), year), notes, True
    return _read_month_name(text)


def _day_or_month_first(first, second, year):
    """Return the readings of "first/second/year" whose month exists, day-first first."""
    readings = [(year, second, first), (year, first, second)]
    possible = tuple(value for value in dict.fromkeys(readings) if 1 <= value[1] <= 12)
    if possible or (first > 12 and second > 12):
        return possible
    return readings[:1]  # a zero day or month: the calendar check explains it


def _read_month_name(text):
    """Return (dates, notes, False) for "25 Mei 2021", "May 25, 2021" or "2021 Mei 25"."""
    tokens = [token for token in re.split(r"[\s,./-]+", text.lower()) if token]
    if len(tokens) != 3:
        return None
    named = [index for index, token in enumerate(tokens) if token in MONTHS]
    if len(named) != 1 or named[0] == 2:
        return None
    numbers = [NUMBER.fullmatch(token) for i, token in enumerate(tokens) if i != named[0]]
    if not all(numbers):
        return None
    numbers = [number[1] for number in numbers]
    day_text, year_text = numbers if named[0] == 0 or len(numbers[0]) < 4 else numbers[::-1]
    if len(day_text) > 2 or len(year_text) not in (2, 4):
        return None
    year, notes = _full_year(year_text)
    return ((year, MONTHS[tokens[named[0]]], int(day_text)),), notes, False


def _full_year(text):
    """Return (year, notes) for a four- or two-digit year; two digits are read as 20YY."""
    if len(text) == 4:
        return int(text), []
    year = 2000 + int(text)
    return year, [f'Tahun ditulis dengan empat angka ("{text}" dibaca {year}).']


def _clock_notes(match):
    """Say what in a written time is not needed or not in the accepted shape."""
    notes = []
    if match["sep"] == "T":
        notes.append("Pisahkan tanggal dan jam dengan satu spasi, bukan huruf T.")
    if match["mark"] == ".":
        notes.append(
            f"Jam dan menit dipisah titik dua "
            f"({int(match['hour']):02d}:{match['minute']}), bukan titik."
        )
    if match["second"]:
        notes.append("Detik tidak ditulis.")
    if match["offset"]:
        notes.append("Zona waktu tidak ditulis: situs memakai zona waktu dari pengaturannya.")
    if match["zone"]:
        notes.append(f'"{match["zone"].upper()}" tidak ditulis: situs menambahkannya sendiri.')
    return notes


def _date_problem(year, month, day):
    """Return why a (year, month, day) is not on the calendar, or None when it is."""
    if year < 1:
        return "tahun 0 tidak ada"
    if not 1 <= month <= 12:
        return f"bulan {month} tidak ada (hanya 1 sampai 12)"
    if day < 1:
        return "tanggal 0 tidak ada"
    last = calendar.monthrange(year, month)[1]
    if day > last:
        return f"{MONTH_NAMES[month - 1]} {year} hanya sampai tanggal {last}"
    return None


def _clock_problem(clock):
    """Return why an (hour, minute, second) is not a time of day, or None."""
    if clock is None:
        return None
    hour, minute, second = clock
    if hour > 23:
        return f"jam {hour} tidak ada (hanya 00 sampai 23)"
    if minute > 59:
        return f"menit {minute} tidak ada (hanya 00 sampai 59)"
    if second > 59:
        return f"detik {second} tidak ada (hanya 00 sampai 59)"
    return None


def _iso(day, clock=None):
    """Write a date, and a time when given, in the accepted form."""
    text = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    return f"{text} {clock[0]:02d}:{clock[1]:02d}" if clock else text


def _suggestion(day, clock, with_time):
    """Quote the rewrite: the admin's own time, else an example time when the field has one."""
    if clock or not with_time:
        return f'"{_iso(day, clock)}"'
    return f'"{_iso(day)} {EXAMPLE_TIME}" (jam:menit boleh diganti; tanpa jam: "{_iso(day)}")'


def _accepted_form(with_time):
    """Describe the accepted form with an example, with a time when the field usually has one."""
    if with_time:
        return (
            f'tahun-bulan-tanggal jam:menit, misalnya "{EXAMPLE_DATE} {EXAMPLE_TIME}", '
            f'atau tanpa jam: "{EXAMPLE_DATE}"'
        )
    return f'tahun-bulan-tanggal, misalnya "{EXAMPLE_DATE}"'


def _spoken(day):
    """Write a date as people say it: "5 November 2026"."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def _join(*sentences):
    """Join sentences with one space."""
    return " ".join(sentences)
