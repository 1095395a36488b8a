"""Settings of kpu_check: one schema, checked when the build starts."""

from kpu_settings import BOOL_ALLOWED, Setting, boolean

SCHEMA = (
    Setting(
        "KPU_STRICT",
        False,
        boolean,
        f"{BOOL_ALLOWED}; True menggagalkan build pada setiap peringatan Pelican",
    ),
    Setting(
        "KPU_OUTPUT_CHECK",
        False,
        boolean,
        f"{BOOL_ALLOWED}; True memeriksa tautan dan isi situs hasil build",
    ),
)
