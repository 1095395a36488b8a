"""Count published items per month, per division and per type over a window of months."""

import datetime
from dataclasses import dataclass

from kpu_settings import URL_ALLOWED, Setting, positive_int, url_folder

SCHEMA = (
    Setting(
        "KPU_REPORT_URL",
        "laporan/publikasi/",
        url_folder,
        f'{URL_ALLOWED}, misalnya "laporan/publikasi/"',
    ),
    Setting(
        "KPU_REPORT_MONTHS",
        12,
        positive_int,
        "jumlah bulan yang dihitung laporan, bilangan bulat positif, misalnya 12",
    ),
)


def month_window(end, months):
    """Return the (year, month) keys of the `months` months ending with `end`'s month."""
    keys = []
    year, month = end.year, end.month
    for _ in range(months):
        keys.append((year, month))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(keys))


@dataclass
class Series:
    """One table row: a division or a type, with its count per month and its total."""

    slug: str
    label: str
    counts: list

    @property
    def total(self):
        """Sum the row."""
        return sum(self.counts)


@dataclass
class Report:
    """The counts the report page shows, over `months` (oldest first)."""

    months: list
    by_division: list
    by_type: list
    totals: list

    @property
    def total(self):
        """Count every item in the window once."""
        return sum(self.totals)


def _month_of(article):
    date = article.date
    return (date.year, date.month)


def build_report(articles, divisions, types, end, months):
    """Count items per month; an item filed under two divisions counts in each of them."""
    window = month_window(end, months)
    index = {key: i for i, key in enumerate(window)}
    inside = [a for a in articles if _month_of(a) in index]

    def series(slug, label, belongs):
        counts = [0] * len(window)
        for article in inside:
            if belongs(article, slug):
                counts[index[_month_of(article)]] += 1
        return Series(slug, label, counts)

    by_division = [
        series(slug, label, lambda a, s: s in [d["slug"] for d in getattr(a, "divisions", [])])
        for slug, label in divisions
    ]
    by_type = [
        series(slug, label, lambda a, s: getattr(a.category, "slug", "") == s)
        for slug, label in types.items()
    ]
    totals = [0] * len(window)
    for article in inside:
        totals[index[_month_of(article)]] += 1
    return Report(window, by_division, by_type, totals)


def today_in(zone):
    """Return today's date in the office's time zone (the report's last month)."""
    return datetime.datetime.now(zone).date()
