"""The video plugin's settings."""

from kpu_settings import URL_ALLOWED, Setting, int_between, url_folder

SCHEMA = (
    Setting("KPU_VIDEO_URL", "video/", url_folder, f'{URL_ALLOWED}, misalnya "video/"'),
    Setting(
        "KPU_HOME_VIDEO_COUNT",
        3,
        int_between(0, 12),
        "jumlah video di beranda, bilangan bulat 0 sampai 12 (0: tidak ditampilkan), misalnya 3",
    ),
)
