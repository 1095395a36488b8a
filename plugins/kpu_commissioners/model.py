"""Who sits on the commission, for the profile page: pure functions over KPU_OFFICE."""

import os

from kpu_office.model import commissioners
from kpu_settings import Setting, relative_folder

SCHEMA = (
    # The page (its path under content/pages/, without ".md") that shows the list; its own
    # text is the introduction above it.
    Setting(
        "KPU_COMMISSIONERS_PAGE",
        "profil/profil-anggota",
        relative_folder,
        'jalur halaman di content/pages/ tanpa ".md", misalnya "profil/profil-anggota"',
    ),
)
TEMPLATE = "anggota"


def initials(name):
    """Return up to two initials of a name, for the avatar of a person without a photo."""
    words = [w for w in name.replace("(", " ").replace(")", " ").split() if w[:1].isalpha()]
    return "".join(w[0].upper() for w in words[:2]) or "?"


def missing_photos(office, content_path):
    """Return a message for every `photo` of the block that is not a file in content/."""
    problems = []
    people = [
        (f'KPU_OFFICE["divisions"] nomor {i}', d) for i, d in enumerate(office["divisions"], 1)
    ]
    people.append(('KPU_OFFICE["secretariat"]', office["secretariat"]))
    for where, unit in people:
        photo = unit.get("photo")
        if photo and not os.path.isfile(os.path.join(content_path, photo)):
            problems.append(
                f'{where}["photo"]: berkas "content/{photo}" tidak ditemukan. Simpan fotonya di '
                "content/images/ dan periksa ejaan namanya (huruf besar/kecil berbeda)."
            )
    return problems


def people(office, division_url):
    """List the commissioners (chair first) then the secretariat head, ready for the page."""
    listed = [
        {
            **person,
            "initials": initials(person["name"]),
            "division_url": division_url.format(slug=person["slug"]),
            "secretariat": False,
        }
        for person in commissioners(office)
    ]
    head = office["secretariat"]
    listed.append(
        {
            "name": head["head"],
            "role": head.get("role") or "Sekretaris",
            "division": head["name"],
            "slug": head["slug"],
            "photo": head.get("photo") or "",
            "initials": initials(head["head"]),
            "division_url": division_url.format(slug=head["slug"]),
            "secretariat": True,
        }
    )
    return listed
