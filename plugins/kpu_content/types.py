"""Fields that belong to one content type: hoax clarifications and announcements.

A hoax clarification carries the claim, the verdict and its basis, shown as a box at the top
and as schema.org ClaimReview; an announcement (any item, in fact) may carry a decree number
and attachments.
"""

from urllib.parse import urlparse

from kpu_messages import unknown_value

HOAX_TYPE = "klarifikasi-hoaks"

# Verdicts and their place on ClaimReview's 1 (false) .. 5 (true) scale.
VERDICTS = {
    "hoaks": ("Hoaks", 1),
    "menyesatkan": ("Menyesatkan", 2),
    "sebagian-benar": ("Sebagian benar", 3),
    "benar": ("Benar", 5),
}

HOAX_FIELDS = {
    "klaim": 'kolom "Klaim" wajib diisi: kutip klaim yang beredar.',
    "putusan": f'kolom "Putusan" wajib diisi: salah satu dari {", ".join(VERDICTS)}.',
    "dasar": 'kolom "Dasar" wajib diisi: aturan atau fakta yang membantah/membenarkan klaim.',
    "sumber": 'kolom "Sumber" wajib diisi: tautan https ke sumber resmi sebagai rujukan.',
}


def _text(metadata, key):
    value = metadata.get(key, "")
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return str(value).strip()


def check_hoax_fields(metadata):
    """Return messages for a hoax clarification without claim, verdict, basis or source."""
    problems = [message for key, message in HOAX_FIELDS.items() if not _text(metadata, key)]
    verdict = _text(metadata, "putusan").lower()
    if verdict and verdict not in VERDICTS:
        problems.append(unknown_value("Putusan", verdict, VERDICTS))
    source = _text(metadata, "sumber")
    if source and (urlparse(source).scheme != "https" or not urlparse(source).netloc):
        problems.append(f'kolom "Sumber": "{source}" harus alamat lengkap yang diawali https://.')
    return problems


def hoax_details(metadata):
    """Return the clarification box's data (claim, verdict label, basis, source)."""
    verdict = _text(metadata, "putusan").lower()
    label, rating = VERDICTS[verdict]
    return {
        "claim": _text(metadata, "klaim"),
        "verdict": verdict,
        "verdict_label": label,
        "rating": rating,
        "basis": _text(metadata, "dasar"),
        "source": _text(metadata, "sumber"),
        "source_host": urlparse(_text(metadata, "sumber")).netloc,
    }


def claim_review(details, url, date_published, office_name, site_url):
    """Build the schema.org ClaimReview object for a clarification (serialised as JSON-LD)."""
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "datePublished": date_published.date().isoformat(),
        "claimReviewed": details["claim"],
        "author": {"@type": "GovernmentOrganization", "name": office_name, "url": site_url},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": details["rating"],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": details["verdict_label"],
        },
        "itemReviewed": {"@type": "Claim"},
        "inLanguage": "id",
    }
