"""Settings of kpu_stages: where stages are written, where the timeline goes, and "today"."""

import datetime

from kpu_gate.dates import parse_date_text
from kpu_settings import FOLDER_ALLOWED, URL_ALLOWED, Setting, relative_folder, url_folder


def today_value(value):
    """Tell whether the value is None (the office's clock), a date or "YYYY-MM-DD[ HH:MM]"."""
    if value is None or isinstance(value, datetime.date):
        return True
    return isinstance(value, str) and parse_date_text(value) is not None


SCHEMA = (
    Setting(
        "KPU_STAGES_PATH",
        "tahapan",
        relative_folder,
        f'{FOLDER_ALLOWED} di dalam content/, misalnya "tahapan"',
    ),
    Setting("KPU_STAGES_URL", "tahapan/", url_folder, f'{URL_ALLOWED}, misalnya "tahapan/"'),
    Setting(
        "KPU_STAGES_TODAY",
        None,
        today_value,
        'None (jam kantor saat situs dibangun) atau tanggal "YYYY-MM-DD" atau "YYYY-MM-DD HH:MM"'
        ', misalnya "2026-12-03"',
    ),
)
