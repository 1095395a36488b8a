"""Signal handlers of kpu_dates."""

from functools import partial

from kpu_dates.model import FULL_DATE, format_bulan_tahun, format_tanggal, format_waktu
from kpu_office.model import office_now


def add_date_filters(generator):
    """Give every template the `tanggal`, `waktu` and `bulan_tahun` filters."""
    zone_label = generator.settings.get("KPU_TIMEZONE_LABEL", "")
    generator.env.filters.update(
        {
            "tanggal": format_tanggal,
            "waktu": partial(format_waktu, zone_label=zone_label),
            "bulan_tahun": format_bulan_tahun,
        }
    )


def set_indonesian_dates(content):
    """Replace Pelican's strftime dates (OS locale) with Babel's Indonesian ones."""
    if hasattr(content, "date"):
        content.locale_date = format_tanggal(content.date, FULL_DATE)
    if hasattr(content, "modified"):
        content.locale_modified = format_tanggal(content.modified, FULL_DATE)


def set_build_year(pelican):
    """Expose the current year in the office's zone (KPU_BUILD_YEAR) for the footer."""
    pelican.settings["KPU_BUILD_YEAR"] = office_now(pelican.settings).year
