"""Settings of kpu_readahead: one schema, checked when the build starts."""

from kpu_settings import BOOL_ALLOWED, Setting, boolean, positive_int

SCHEMA = (
    Setting(
        "KPU_READAHEAD",
        True,
        boolean,
        f"{BOOL_ALLOWED}; True mengurai Markdown di semua inti prosesor dan menyimpan hasilnya",
    ),
    Setting(
        "KPU_READAHEAD_MIN_PARALLEL",
        48,
        positive_int,
        "jumlah berkas baru paling sedikit yang diurai paralel, bilangan bulat positif,"
        " misalnya 48",
    ),
)
