"""Settings of kpu_incremental: one schema, checked when the build starts."""

from kpu_settings import BOOL_ALLOWED, Setting, boolean

SCHEMA = (
    Setting(
        "KPU_INCREMENTAL",
        True,
        boolean,
        f"{BOOL_ALLOWED}; True membuat ulang hanya halaman yang berubah",
    ),
    Setting(
        "KPU_PARALLEL_RENDER",
        True,
        boolean,
        f"{BOOL_ALLOWED}; True membuat halaman di semua inti prosesor",
    ),
)
