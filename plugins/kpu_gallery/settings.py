"""The gallery plugin's settings: where albums live, their addresses and how many are shown."""

from kpu_settings import (
    FOLDER_ALLOWED,
    URL_ALLOWED,
    Setting,
    int_between,
    positive_int,
    relative_folder,
    text,
    url_folder,
)

SCHEMA = (
    Setting(
        "KPU_GALLERY_PATH",
        "galeri",
        relative_folder,
        f'{FOLDER_ALLOWED} di dalam content/, misalnya "galeri"',
    ),
    Setting("KPU_GALLERY_URL", "galeri/", url_folder, f'{URL_ALLOWED}, misalnya "galeri/"'),
    Setting(
        "KPU_GALLERY_PER_PAGE",
        12,
        positive_int,
        "jumlah album per halaman di daftar galeri, bilangan bulat positif, misalnya 12",
    ),
    Setting(
        "KPU_GALLERY_HOME_COUNT",
        3,
        int_between(0, 12),
        "jumlah album terbaru di beranda, 0 sampai 12 (0: tidak tampil), misalnya 3",
    ),
    # How wide a thumbnail is drawn, for the browser to pick the smallest file that fits
    # (gallery.css: two columns on phones, three from 40rem, four from 64rem).
    Setting(
        "KPU_GALLERY_THUMB_SIZES",
        "(min-width: 64rem) 16rem, (min-width: 40rem) 30vw, 46vw",
        text,
        'nilai atribut sizes untuk gambar mini, misalnya "(min-width: 64rem) 16rem, 46vw"',
    ),
)
