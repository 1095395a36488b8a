"""One photo album: its fields (in Bahasa Indonesia), its captions, parsing and validation.

An album is a folder `content/galeri/<slug>/` holding photos and one `album.md`. Every photo
is named in the `Foto:` field with its caption, one per line, in the same "name | text" form
as PPID attachments (`Lampiran:`), which humas staff already write:

    Foto: bilik-suara.jpg | Petugas menata bilik suara di TPS contoh
        kotak-suara.jpg | Kotak suara disegel di depan saksi

The caption is the photo's alternative text too, so a photo without one is an error.
"""

import datetime
import re
from dataclasses import dataclass, field

from kpu_gate.dates import check_date_text, parse_date_text
from kpu_gate.files import published_name
from kpu_messages import Problem, nearest, unknown_value

ALBUM_FILE = "album.md"
# Field names as an admin writes them; Pelican hands them over lower-cased.
REQUIRED_FIELDS = ("Judul", "Tanggal", "Divisi", "Foto")
OPTIONAL_FIELDS = ("Ringkasan", "Sampul")
KNOWN_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS
FIELD_HINTS = {
    "Judul": 'judul album, misalnya "Simulasi pemungutan suara di TPS"',
    "Tanggal": 'tanggal kegiatan, misalnya "2026-10-03"',
    "Divisi": "slug divisi yang menyelenggarakan kegiatan",
    "Foto": 'satu baris per foto: "nama-berkas.jpg | keterangan foto"',
}
# Photos the image pipeline reads (kpu_images); each is published only as derived copies.
PHOTO_EXTENSIONS = ("jpg", "jpeg", "png", "webp", "heic", "heif")
# /galeri/halaman/2/ is the list's second page: no album may take that address.
RESERVED_SLUGS = frozenset({"halaman"})
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MIN_CAPTION = 3  # "ok" says nothing; a caption must describe the photo


@dataclass
class Photo:
    """One photo of an album, with its caption and (once planned) its Picture."""

    file: str  # the name on disk, as listed
    caption: str
    slug: str  # the photo page's address inside the album
    number: int  # 1-based position in the album
    picture: object = None  # a kpu_images Picture, set by the generator
    url: str = ""
    save_as: str = ""


@dataclass
class Album:
    """A validated album: what its page, its photo pages, /galeri/ and the home page show."""

    source: str  # album.md, relative to content/
    slug: str
    title: str
    date: datetime.datetime
    division: dict  # {"slug", "name"} of a unit of KPU_OFFICE
    summary: str = ""
    body: str = ""
    photos: list = field(default_factory=list)
    cover: Photo = None
    url: str = ""
    save_as: str = ""

    # kpu_incremental names an album by its source file and renders again the pages that
    # show it when its fields change.
    kpu_source_object = True

    @property
    def source_path(self):
        """Return the album's source file (its identity across builds)."""
        return self.source


def is_photo(name):
    """Tell whether a file name is a photo the album can publish."""
    return name.rsplit(".", 1)[-1].lower() in PHOTO_EXTENSIONS if "." in name else False


def _text(metadata, name):
    value = metadata.get(name.lower(), "")
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return str(value).strip()


def _lines(metadata, name):
    value = metadata.get(name.lower(), [])
    values = value if isinstance(value, list) else [value]
    return [str(v).strip() for v in values if str(v).strip()]


def unknown_field_problems(metadata):
    """Name every header field an album does not use, with the nearest known one."""
    known = {name.lower(): name for name in KNOWN_FIELDS}
    problems = []
    for key in metadata:
        if key in known:
            continue
        message = f'kolom "{key}" tidak dikenal untuk album foto. Kolom yang dipakai: '
        message += ", ".join(KNOWN_FIELDS) + "."
        hint = nearest(key, list(known))
        if hint:
            message += f' Mungkin maksud Anda "{known[hint]}"?'
        problems.append(message)
    return problems


def parse_captions(lines):
    """Split `Foto:` lines into [(file, caption)]; return (pairs, problems).

    A line without "|" or with a caption of a few letters is a photo without alternative text:
    a blind reader would hear only its file name.
    """
    pairs, problems, seen = [], [], set()
    for line in lines:
        name, bar, caption = (part.strip() for part in line.partition("|"))
        if not name:
            problems.append(
                Problem(
                    f'kolom "Foto": baris "{line}" tidak menyebut nama berkas. Tulis '
                    '"nama-berkas.jpg | keterangan foto".',
                    needle=line,
                )
            )
            continue
        if name.lower() in seen:
            problems.append(
                Problem(
                    f'kolom "Foto": foto "{name}" tercantum dua kali; hapus salah satu.',
                    needle=name,
                )
            )
            continue
        seen.add(name.lower())
        if len(caption) < MIN_CAPTION:
            how = "keterangannya kosong" if bar else 'belum ada tanda "|" dan keterangannya'
            problems.append(
                Problem(
                    f'kolom "Foto": foto "{name}": {how}. Tulis "{name} | apa yang tampak di '
                    'foto" (siapa, sedang apa, di mana); keterangan juga dibacakan untuk '
                    "pembaca tunanetra.",
                    needle=name,
                )
            )
            continue
        pairs.append((name, caption))
    return pairs, problems


def photo_file_problems(pairs, files, folder):
    """Compare the listed photos with the files of the album folder; return problems.

    `files` are the names in the folder besides album.md (hidden files left out). A listed
    photo must exist as spelt (a name matched only by letter case works on Windows and fails
    on the server); every photo in the folder must be listed, so none is published unseen
    or left without a caption.
    """
    problems = []
    listed = {name for name, _caption in pairs}
    for name, _caption in pairs:
        if not is_photo(name):
            problems.append(
                Problem(
                    f'kolom "Foto": "{name}" bukan foto yang dapat dimuat. Gunakan foto JPG, '
                    "PNG, WebP atau HEIC.",
                    needle=name,
                )
            )
        elif name not in files:
            message = f'kolom "Foto": foto "{name}" tidak ada di folder {folder}.'
            hint = nearest(name, [f for f in files if is_photo(f)])
            if hint:
                message += f' Mungkin maksud Anda "{hint}"? Samakan ejaan dan huruf besar/kecilnya.'
            else:
                message += " Salin fotonya ke folder itu atau hapus barisnya."
            problems.append(Problem(message, needle=name))
    for name in sorted(files):
        if is_photo(name) and name not in listed:
            problems.append(
                Problem(
                    f'kolom "Foto": foto "{name}" ada di folder album tetapi belum dicantumkan. '
                    f'Tambahkan baris "{name} | keterangan foto" atau hapus fotonya.',
                    needle="Foto:",
                )
            )
    return problems


def unsupported_file_problem(name, folder):
    """Say why a file that is neither a photo nor album.md cannot sit in an album folder."""
    if name.lower().endswith(".md"):
        return (
            f'berkas "{name}" tidak dibaca: setiap album hanya punya satu berkas {ALBUM_FILE}. '
            f"Pindahkan isinya ke {folder}{ALBUM_FILE} atau hapus berkas ini."
        )
    return (
        f'berkas "{name}" tidak dapat dimuat di album: folder album hanya berisi {ALBUM_FILE} '
        "dan foto JPG, PNG, WebP atau HEIC. Hapus berkas ini atau pindahkan ke luar folder "
        "content/."
    )


def album_slug_problem(folder_name):
    """Return a problem if the album's folder name cannot be its address, else None."""
    if folder_name in RESERVED_SLUGS:
        return (
            f'nama folder album "{folder_name}" sudah dipakai untuk halaman daftar galeri. '
            "Ganti nama foldernya, misalnya dengan menambahkan tahun kegiatan."
        )
    if SLUG.match(folder_name):
        return None
    suggestion = published_name(folder_name).replace(".", "-")
    return (
        f'nama folder album "{folder_name}" menjadi alamat dengan spasi, huruf besar atau tanda '
        f'baca. Ganti nama foldernya menjadi "{suggestion}".'
    )


def parse_date(raw, today):
    """Return (datetime, problem) for `Tanggal`; an album shows what has happened."""
    if not raw:
        return None, None
    problem = check_date_text("Tanggal", raw, with_time=False)
    if problem:
        return None, problem
    day, clock = parse_date_text(raw)
    if day > today:
        return None, (
            f'kolom "Tanggal": {raw} belum terjadi. Album terbit saat situs dibangun; isi '
            "dengan tanggal kegiatan (hari ini atau sebelumnya)."
        )
    return datetime.datetime.combine(day, clock or datetime.time()), None


def parse_division(raw, units):
    """Return (unit, problem) for `Divisi`: one slug of the office's units."""
    slugs = [unit["slug"] for unit in units]
    if not raw:
        return None, None
    if "," in raw:
        return None, (
            f'kolom "Divisi": "{raw}" menyebut lebih dari satu divisi. Album milik satu divisi '
            f"saja; pilih salah satu: {', '.join(slugs)}."
        )
    for unit in units:
        if unit["slug"] == raw.lower():
            return {"slug": unit["slug"], "name": unit["name"]}, None
    return None, unknown_value("Divisi", raw, slugs)


def photo_slugs(pairs):
    """Give each listed photo its page's address; return ({file: slug}, problems)."""
    slugs, taken, problems = {}, {}, []
    for name, _caption in pairs:
        slug = published_name(name).rsplit(".", 1)[0]
        if slug in taken:
            problems.append(
                Problem(
                    f'kolom "Foto": foto "{name}" dan "{taken[slug]}" mendapat alamat yang sama '
                    f'("{slug}"). Ganti nama salah satu fotonya.',
                    needle=name,
                )
            )
            continue
        taken[slug] = name
        slugs[name] = slug
    return slugs, problems


def parse_album(source, slug, metadata, body, files, units, today):
    """Validate one album's header against its folder; return (Album or None, problems).

    `files` are the names in the album folder besides album.md; `units` is
    kpu_office.model.units(KPU_OFFICE); `today` the office's date.
    """
    folder = source.rsplit("/", 1)[0] + "/"
    problems = unknown_field_problems(metadata)
    problems += [
        f'kolom "{name}" wajib diisi: {FIELD_HINTS[name]}.'
        for name in REQUIRED_FIELDS
        if not _text(metadata, name)
    ]
    slug_problem = album_slug_problem(slug)
    date, date_problem = parse_date(_text(metadata, "Tanggal"), today)
    division, division_problem = parse_division(_text(metadata, "Divisi"), units)
    problems += [p for p in (slug_problem, date_problem, division_problem) if p]
    pairs, caption_problems = parse_captions(_lines(metadata, "Foto"))
    problems += caption_problems
    problems += photo_file_problems(pairs, files, f"content/{folder}")
    slugs, slug_problems = photo_slugs(pairs)
    problems += slug_problems
    cover_name = _text(metadata, "Sampul")
    if cover_name and cover_name not in {name for name, _caption in pairs}:
        problems.append(
            Problem(
                f'kolom "Sampul": "{cover_name}" bukan salah satu foto di kolom "Foto". Tulis '
                "nama salah satu foto album ini, atau hapus kolom Sampul (foto pertama dipakai).",
                needle=cover_name,
            )
        )
    if problems:
        return None, problems
    photos = [
        Photo(file=name, caption=caption, slug=slugs[name], number=number)
        for number, (name, caption) in enumerate(pairs, start=1)
    ]
    cover = next((p for p in photos if p.file == cover_name), photos[0])
    album = Album(
        source=source,
        slug=slug,
        title=_text(metadata, "Judul"),
        date=date,
        division=division,
        summary=_text(metadata, "Ringkasan"),
        body=body,
        photos=photos,
        cover=cover,
    )
    return album, []


def newest_first(albums):
    """Order albums newest first; albums of one day by title, so every build agrees."""
    by_title = sorted(albums, key=lambda album: (album.title.lower(), album.slug))
    return sorted(by_title, key=lambda album: album.date, reverse=True)


def neighbours(photos, index):
    """Return (previous, next) photos of the one at `index` (None at either end)."""
    previous = photos[index - 1] if index > 0 else None
    following = photos[index + 1] if index + 1 < len(photos) else None
    return previous, following
