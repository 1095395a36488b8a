"""Settings of kpu_search: one schema, checked when the build starts."""

from kpu_settings import (
    BOOL_ALLOWED,
    FOLDER_ALLOWED,
    URL_ALLOWED,
    Setting,
    boolean,
    relative_folder,
    url_folder,
)

SCHEMA = (
    Setting("KPU_SEARCH", True, boolean, f"{BOOL_ALLOWED}; True membuat indeks pencarian"),
    Setting("KPU_SEARCH_URL", "cari/", url_folder, f'{URL_ALLOWED}, misalnya "cari/"'),
    Setting(
        "KPU_SEARCH_BUNDLE",
        "pagefind",
        relative_folder,
        f'{FOLDER_ALLOWED}, misalnya "pagefind"',
    ),
    # False (the live preview) ends the build as soon as the pages are written; the index
    # follows a few seconds later, and the next build in the process waits for it.
    Setting(
        "KPU_SEARCH_WAIT",
        True,
        boolean,
        f"{BOOL_ALLOWED}; True menunggu indeks pencarian selesai sebelum build berakhir",
    ),
)
