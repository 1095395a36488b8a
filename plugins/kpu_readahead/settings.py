"""Settings of kpu_readahead: one schema, checked when the build starts."""

from kpu_buildstate import contract
from kpu_settings import BOOL_ALLOWED, Setting, boolean, positive_int

# Switches of how Markdown is parsed, not of what a page shows: never part of a digest.
contract.per_build_key("KPU_READAHEAD")
contract.per_build_key("KPU_READAHEAD_MIN_PARALLEL")

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
