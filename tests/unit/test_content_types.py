import datetime

import pytest

from kpu_content.types import check_hoax_fields, claim_review, hoax_details

HOAX = {
    "klaim": "Pemilih pindah domisili kehilangan hak pilih.",
    "putusan": "hoaks",
    "dasar": "Pemilih pindah tetap terdaftar.",
    "sumber": "https://www.kpu.go.id",
}


def test_complete_clarification_has_no_problems_and_a_claim_review():
    assert check_hoax_fields(HOAX) == []
    details = hoax_details(HOAX)
    assert details["verdict_label"] == "Hoaks" and details["source_host"] == "www.kpu.go.id"
    review = claim_review(
        details, "https://k/berita/2026/x/", datetime.datetime(2026, 9, 15, 9), "KPU", "https://k/"
    )
    assert review["@type"] == "ClaimReview" and review["claimReviewed"] == HOAX["klaim"]
    assert review["reviewRating"]["ratingValue"] == 1
    assert review["reviewRating"]["alternateName"] == "Hoaks"
    assert review["author"]["@type"] == "GovernmentOrganization"
    assert review["datePublished"] == "2026-09-15"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"klaim": ""}, 'kolom "Klaim" wajib diisi'),
        ({"putusan": ""}, 'kolom "Putusan" wajib diisi'),
        ({"putusan": "hoax"}, 'Mungkin maksud Anda "hoaks"?'),
        ({"dasar": ""}, 'kolom "Dasar" wajib diisi'),
        ({"sumber": ""}, 'kolom "Sumber" wajib diisi'),
        ({"sumber": "kpu.go.id"}, 'kolom "Sumber": "kpu.go.id" harus alamat lengkap'),
    ],
)
def test_each_missing_or_wrong_field_is_named(change, expected):
    problems = check_hoax_fields({**HOAX, **change})
    assert any(expected in p for p in problems), problems
