"""What content headers may contain: known fields, sane dates, one owner per URL.

Pure functions; each returns messages in Bahasa Indonesia that quote the offending text, so
the report can point at its line.
"""

from kpu_messages import nearest

NEWS_FIELDS = (
    "Title Date Modified Category Tags Divisi Author Authors Summary Slug Status Image Image_alt "
    "Image_caption Nomor Lampiran Klaim Putusan Dasar Sumber Lang Translation Template"
).split()
PAGE_FIELDS = (
    "Title Summary Order Template Slug Status Image Image_alt Image_caption Lang Translation "
    "Date Modified"
).split()


def unknown_fields(keys, known):
    """Flag header fields the kit does not know, with the nearest known name."""
    lowered = {name.lower(): name for name in known}
    problems = []
    for key in keys:
        if key.lower() in lowered:
            continue
        hint = nearest(key, list(lowered))
        message = f'kolom "{key}" tidak dikenal.'
        if hint:
            message += f' Mungkin maksud Anda "{lowered[hint]}"?'
        else:
            message += f" Kolom yang dikenal: {', '.join(known)}."
        problems.append(message)
    return problems


def check_date(name, value, now, first_year=1999, max_ahead_days=366):
    """Return a message for a date whose year is implausible or that lies too far ahead."""
    if value is None:
        return None
    if value.year < first_year:
        return f'kolom "{name}": tahun {value.year} terlalu lama; periksa kembali tanggalnya.'
    if (value - now).days > max_ahead_days:
        return (
            f'kolom "{name}": {value:%Y-%m-%d} lebih dari setahun ke depan. Periksa tahunnya; '
            "tulisan bertanggal di masa depan baru terbit pada tanggal itu."
        )
    return None


def duplicate_urls(entries):
    """Given (source, kind, url) entries, report every source that shares a URL with another.

    A kind ending in "-later" is the address a draft or scheduled item will have once it is
    published; the message says so.
    """
    by_url = {}
    for source, kind, url in entries:
        owners = by_url.setdefault(url, [])
        if all(owner != source for owner, _kind in owners):
            owners.append((source, kind))
    problems = []
    for url, owners in sorted(by_url.items()):
        if len(owners) < 2:
            continue
        later = any(kind.endswith("-later") for _source, kind in owners)
        for source, _kind in owners:
            others = ", ".join(s for s, _ in owners if s != source)
            note = " (setelah draf atau tulisan terjadwal itu terbit)" if later else ""
            problems.append(
                (
                    source,
                    f'alamat "/{url}" juga dipakai oleh {others}{note}. Ganti nama salah satu '
                    "berkas.",
                )
            )
    return problems
