"""The national DIK's one setting: off, or the decree an office checked the list against."""

from kpu_settings import Setting

REQUIRED_KEYS = {"keputusan", "tanggal"}
OPTIONAL_KEYS = {"kecuali"}


def _adoption(value):
    """Tell whether the value is None or {"keputusan": str, "tanggal": str, "kecuali": [str]}."""
    if value is None:
        return True
    return (
        isinstance(value, dict)
        and REQUIRED_KEYS <= set(value) <= REQUIRED_KEYS | OPTIONAL_KEYS
        and all(isinstance(value[key], str) for key in REQUIRED_KEYS)
        and isinstance(value.get("kecuali", []), list | tuple)
        and all(isinstance(entry, str) for entry in value.get("kecuali", []))
    )


SCHEMA = (
    Setting(
        "KPU_NATIONAL_DIK",
        None,
        _adoption,
        'None (daftar nasional tidak dipakai) atau dict {"keputusan": "nomor Keputusan KPU'
        ' tentang DIK yang dicocokkan kantor", "tanggal": "TTTT-BB-HH (tanggal keputusan)",'
        ' "kecuali": [id baris yang tidak dipakai]} ("kecuali" boleh tidak ditulis)',
    ),
)
