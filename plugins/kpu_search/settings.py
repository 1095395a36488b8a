"""Settings of kpu_search: one schema, checked when the build starts."""

import math

from kpu_settings import (
    BOOL_ALLOWED,
    FOLDER_ALLOWED,
    URL_ALLOWED,
    Setting,
    boolean,
    relative_folder,
    url_folder,
)

# Pagefind's `ranking` option, given to the search page and to its tests from this one place
# (cari.html writes it into data-search-ranking). The index is not stemmed (indexer.LANGUAGE),
# so a query also matches longer words that start with it ("pemilih" finds "pemilihan"); a
# termSimilarity of 3 ranks the page holding the word itself above them (README, "Search").
RANKING = {"termSimilarity": 3.0}
# The ranges Pagefind 1.5 accepts (it clamps anything outside them without a word).
RANKING_RANGES = {
    "termSimilarity": (0.0, math.inf),
    "pageLength": (0.0, 1.0),
    "termSaturation": (0.0, 2.0),
    "termFrequency": (0.0, 1.0),
    "diacriticSimilarity": (0.0, 1.0),
}


def _number_in(value, low, high):
    return isinstance(value, (int, float)) and not isinstance(value, bool) and low <= value <= high


def ranking_options(value):
    """Tell whether the value is a dict of Pagefind ranking options, each in its range."""
    if not isinstance(value, dict):
        return False
    for key, number in value.items():
        if key == "metaWeights":
            if not isinstance(number, dict) or not all(
                isinstance(field, str) and _number_in(weight, 0.0, math.inf)
                for field, weight in number.items()
            ):
                return False
        elif key not in RANKING_RANGES or not _number_in(number, *RANKING_RANGES[key]):
            return False
    return True


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
    Setting(
        "KPU_SEARCH_RANKING",
        RANKING,
        ranking_options,
        "dict opsi peringkat Pagefind: termSimilarity (0 ke atas), pageLength (0–1), "
        "termSaturation (0–2), termFrequency (0–1), diacriticSimilarity (0–1), metaWeights "
        '(dict nama meta → bobot), misalnya {"termSimilarity": 3.0}',
    ),
)
