"""Fields that belong to one content type: hoax clarifications and announcements.

A hoax clarification carries the claim, the verdict and its basis, shown as a box at the top
and as schema.org ClaimReview; an announcement (any item, in fact) may carry a decree number
and attachments.
"""

import re
from urllib.parse import urlparse

from kpu_messages import Problem, unknown_value

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


# A claim about voter registration gets a "check your status" link to the voter lookup.
# Matched on whole words of the claim and of the item's tags, case and spacing ignored.
VOTER_REGISTRATION_WORDS = re.compile(
    r"\b(dpt|dps|dpk|dptb|daftar pemilih|data pemilih|hak pilih|terdaftar|pemilih tetap"
    r"|pindah memilih|cek dpt)\b"
)


def about_voter_registration(claim, tags=()):
    """Tell whether a hoax claim (or its tags) is about voter registration."""
    texts = [claim, *(str(tag) for tag in tags)]
    plain = " ".join(re.sub(r"[\s_-]+", " ", text.lower()) for text in texts)
    return bool(VOTER_REGISTRATION_WORDS.search(plain))


def hoax_details(metadata, tags=()):
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
        "voter_registration": about_voter_registration(_text(metadata, "klaim"), tags),
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


INFOGRAPHIC_TYPE = "infografis"
# The body is the infographic's text version, read by screen readers and search: it must say
# what the picture says, so a line or two is not enough.
INFOGRAPHIC_MIN_TEXT = 150


def check_infographic_fields(metadata, body_text):
    """Return messages for an infographic without its image or without its text version."""
    problems = []
    if not _text(metadata, "image"):
        # kpu_images asks for Image_alt wherever an Image is given.
        # Pointed at the Category line: the field that makes the image required.
        problems.append(
            Problem(
                'kolom "Image" wajib diisi untuk infografis: tulis misalnya '
                '"Image: images/infografis-tahapan.png" dan "Image_alt: Infografis tahapan …".',
                needle="Category:",
            )
        )
    length = len(" ".join(body_text.split()))
    if length < INFOGRAPHIC_MIN_TEXT:
        problems.append(
            f"isi tulisan (di bawah kolom-kolom) wajib memuat teks versi infografis, paling "
            f"sedikit {INFOGRAPHIC_MIN_TEXT} huruf (kini {length}): tuliskan semua angka, "
            "langkah dan keterangan yang ada di gambar, agar terbaca oleh pembaca layar."
        )
    return problems
