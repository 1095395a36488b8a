"""The file gate: which files may sit in content/, and the copies of them that are published.

`survey` walks content/ once per build without following links: a symbolic link anywhere, a
file whose extension the site never reads (".md.txt", ".docx" in berita/), a non-image in
images/ and a Markdown file that is not UTF-8 are all named, with what to do. `publish` turns
one source file into the bytes the site may publish (PDF and photo metadata removed, SVG
vetted); anything it cannot make safe is refused. Clean copies live in the cache under their
own SHA-256, written atomically and checked before use, so a rebuild cleans nothing twice.
"""

import functools
import hashlib
import io
import os
import re
import stat
from dataclasses import dataclass, field

from PIL import Image, ImageOps

from kpu_buildstate import contract, load_pickle, save_pickle, write_atomically
from kpu_messages import FileProblem, Problem

# Bump when any cleaning changes, so every cached clean copy is made again.
CLEANING_VERSION = 2
RASTER = {"jpg", "jpeg", "png", "webp", "heic", "heif"}
# Types the gate can publish safely, each with what is done to it.
PUBLISHABLE = {"pdf", "csv", "jpg", "jpeg", "png", "svg"}
RENAME_TO_MD = {"txt", "markdown", "mkd", "mdown", "text", "rst", "html", "htm"}
# Office documents keep author, editor, comments and tracked changes; there is no maintained
# library that removes all of them for DOCX, XLSX and ODF alike, so they are refused (README).
DOCUMENTS = {
    "doc", "docx", "docm", "dot", "dotx", "odt", "rtf", "xls", "xlsx", "xlsm", "ods",
    "ppt", "pptx", "odp", "pages", "wps", "key", "numbers",
}  # fmt: skip
ARCHIVES = {"zip", "rar", "7z", "tar", "gz", "tgz"}
# Windows and macOS write these beside photos; Thumbs.db holds thumbnails of every image.
SYSTEM_FILES = {"thumbs.db", "desktop.ini", "ehthumbs.db"}


class FileRefused(ValueError):
    """A file that must not be published; each message (Bahasa Indonesia) says what to do."""

    def __init__(self, *messages):
        """Keep every reason apart, so the report gives each its own line."""
        super().__init__(" ".join(messages))
        self.messages = list(messages)


def extension(name):
    """Return a file name's extension, lower-case, without the dot."""
    return os.path.splitext(name)[1].lower().lstrip(".")


@functools.lru_cache(maxsize=65536)
def published_name(file_name, regex_subs=()):
    """Return the name a file is published under: lower case, letters, digits and hyphens.

    "Laporan Akhir (Final).PDF" becomes "laporan-akhir-final.pdf", so an address never holds
    spaces or capitals, whatever the admin's computer named the file.
    """
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify

    stem, ext = os.path.splitext(os.path.basename(file_name))
    subs = list(regex_subs) or DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    slug = re.sub(r"[^a-z0-9]+", "-", slugify(stem, regex_subs=subs)).strip("-")
    return (slug or "berkas") + re.sub(r"[^a-z0-9.]", "", ext.lower())


def where_documents_go(settings):
    """Name the folders where attachments belong, for messages."""
    folders = [f"content/{p}/lampiran/" for p in settings.get("ARTICLE_PATHS", ["berita"])]
    folders.append(f"content/{settings.get('PPID_PATH', 'ppid')}/lampiran/")
    return " atau ".join(folders)


def _content_file_problem(name, settings):
    """Judge a file in a folder of news, pages or PPID items; return a message or None."""
    ext = extension(name)
    if ext == "md" and not name.endswith(".md"):
        return (
            f'"{name}" tidak dibaca: akhiran tulisan harus ".md" dengan huruf kecil. Ganti '
            f'nama menjadi "{os.path.splitext(name)[0]}.md".'
        )
    if ext == "md" or ext in PUBLISHABLE or ext in RASTER:
        return None
    if name.lower() in SYSTEM_FILES:
        return f'"{name}" adalah berkas sistem Windows/macOS; hapus berkas itu.'
    if name.lower().endswith(".md.txt"):
        return (
            f'"{name}" tidak dibaca: akhirannya ".txt". Ganti nama menjadi "{name[:-4]}" '
            "(di File Explorer Windows, centang View › File name extensions agar akhiran "
            "terlihat)."
        )
    if ext in RENAME_TO_MD:
        stem = os.path.splitext(name)[0]
        return (
            f'"{name}" tidak dibaca: situs hanya membaca tulisan berakhiran .md. Ganti nama '
            f'menjadi "{stem}.md" (isinya tetap Markdown, dengan kolom di kepala berkas).'
        )
    if ext in DOCUMENTS:
        return (
            f'"{name}" tidak dibaca dan tidak diterbitkan: dokumen Office menyimpan nama '
            "penulis, komentar dan riwayat suntingan. Untuk tulisan, salin isinya ke berkas "
            ".md; untuk lampiran, ekspor ke PDF (tabel data: CSV) lalu cantumkan di kolom "
            "Lampiran."
        )
    if ext in ARCHIVES:
        return (
            f'"{name}" tidak diterbitkan: isi arsip .{ext} tidak dapat diperiksa (metadata, '
            "foto ber-GPS). Lampirkan tiap berkas sebagai PDF, CSV, JPG atau PNG."
        )
    return (
        f'"{name}" tidak dipakai situs: situs membaca tulisan .md dan menerbitkan lampiran PDF, '
        "CSV, JPG atau PNG yang dicantumkan di kolom Lampiran. Hapus berkas ini atau "
        "pindahkan ke luar folder content/."
    )


def _static_file_problem(name, settings):
    """Judge a file in another static folder a deployer added; return a message or None."""
    if extension(name) in PUBLISHABLE or extension(name) in RASTER:
        return None
    return _image_file_problem(name, settings)


def _image_file_problem(name, settings):
    """Judge a file in an image folder (content/images/); return a message or None."""
    ext = extension(name)
    if ext in RASTER or ext == "svg":
        return None
    if name.lower() in SYSTEM_FILES:
        return f'"{name}" adalah berkas sistem Windows/macOS; hapus berkas itu.'
    return (
        f'"{name}" tidak boleh di folder gambar: folder ini hanya untuk gambar JPG, PNG, WebP, '
        f"HEIC dan SVG. Dokumen dan lampiran disimpan di {where_documents_go(settings)} "
        "dan dicantumkan di kolom Lampiran tulisannya."
    )


def encoding_problem(data):
    """Return a Problem if Markdown bytes are not UTF-8, pointing at the first bad byte."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return FileProblem(
            "berkas tersimpan sebagai UTF-16 (Unicode), bukan UTF-8. Simpan ulang sebagai "
            'UTF-8 (di Notepad: File › Save As, lalu pilih Encoding "UTF-8").',
            line=1,
        )
    if b"\x00" in data:
        # Valid UTF-8 never holds NUL in text; UTF-16 without its mark holds one per letter.
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        return FileProblem(
            "berkas tersimpan sebagai UTF-16 (Unicode) atau bukan berkas teks. Simpan ulang "
            'sebagai UTF-8 (di Notepad: File › Save As, lalu pilih Encoding "UTF-8").',
            line=line,
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return FileProblem(
            f"berkas tidak tersimpan sebagai UTF-8: byte 0x{data[error.start]:02X} di baris "
            f"{line} tidak terbaca (biasanya huruf seperti é atau tanda kutip “ ” dari Word). "
            'Simpan ulang sebagai UTF-8 (di Notepad: File › Save As, lalu pilih Encoding "UTF-8").',
            line=line,
        )
    return None


@dataclass
class Survey:
    """What the walk over content/ found, and the memo of encodings checked before."""

    problems: dict = field(default_factory=dict)  # relative path -> [Problem]
    memo: dict = field(default_factory=dict)  # relative .md path -> (size, mtime_ns, problem)


def read_folders(settings):
    """Return the content folders the site reads: Pelican's, PPID's and every claimed one.

    A plugin that reads its own folder (photo albums, stages) claims it with
    `contract.claim_folder` at `initialized`; the gate then judges its files like a news
    folder's, and names it where a misplaced file could go.
    """
    return {
        *settings.get("ARTICLE_PATHS", []),
        *settings.get("PAGE_PATHS", []),
        settings.get("PPID_PATH", "ppid"),
        *contract.claimed_folders(settings),
    }


def survey(root, settings, memo=None):
    """Walk content/ (links not followed) and judge every file and folder in it."""
    result = Survey()
    memo = memo or {}
    content_folders = read_folders(settings)
    image_folders = set(settings.get("STATIC_PATHS", []))
    _walk(root, "", None, content_folders, image_folders, settings, memo, result)
    return result


def _role(relative, content_folders, image_folders):
    for folder in image_folders:
        if relative == folder or relative.startswith(f"{folder}/"):
            # The kit's image folder holds images only; other static folders a deployer adds
            # may hold what the gate can publish clean (PDF, CSV).
            return "images" if folder.split("/")[0] == "images" else "static"
    for folder in content_folders:
        if relative == folder or relative.startswith(f"{folder}/"):
            return "content"
    return None


def _walk(root, relative, role, content_folders, image_folders, settings, memo, result):
    try:
        entries = sorted(os.scandir(os.path.join(root, relative)), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue  # Pelican skips hidden files and folders (IGNORE_FILES)
        path = f"{relative}/{entry.name}" if relative else entry.name
        if entry.is_symlink():
            target = os.readlink(entry.path)
            result.problems.setdefault(path, []).append(
                FileProblem(
                    f'"{path}" adalah tautan simbolik (symlink) ke "{target}". Situs hanya '
                    "menerbitkan berkas biasa: hapus tautan itu dan simpan salinan berkasnya di "
                    "sini bila memang perlu terbit.",
                    line=1,
                )
            )
            continue
        here = _role(path, content_folders, image_folders) or role
        if entry.is_dir(follow_symlinks=False):
            if here is None:
                result.problems.setdefault(path, []).append(_unknown_folder(path, settings))
                continue
            _walk(root, path, here, content_folders, image_folders, settings, memo, result)
            continue
        if not entry.is_file(follow_symlinks=False):
            message = (
                f'"{path}" bukan berkas biasa (pipa, soket atau perangkat). Situs hanya '
                "menerbitkan berkas biasa; hapus berkas itu."
            )
        elif here is None:
            message = f'"{path}" berada di luar folder yang dibaca situs.' + _known(settings)
        elif here == "images":
            message = _image_file_problem(entry.name, settings)
        elif here == "static":
            message = _static_file_problem(entry.name, settings)
        else:
            message = _content_file_problem(entry.name, settings)
        if message:
            result.problems.setdefault(path, []).append(FileProblem(message, line=1))
        elif extension(entry.name) == "md":
            problem = _encoding_once(entry, path, memo, result)
            if problem:
                result.problems.setdefault(path, []).append(problem)


def _encoding_once(entry, path, memo, result):
    stat = entry.stat(follow_symlinks=False)
    # The change time too: `touch -r` can put a file's old size and time stamp back, not that.
    stamp = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino)
    known = memo.get(path)
    if known is not None and known[0] == stamp:
        problem = known[1]
    else:
        with open(entry.path, "rb") as handle:
            problem = encoding_problem(handle.read())
    result.memo[path] = (stamp, problem)
    return problem


def _known(settings):
    folders = sorted({*read_folders(settings), *settings.get("STATIC_PATHS", [])})
    listed = ", ".join(f"content/{f}/" for f in folders)
    return f" Situs hanya membaca {listed}; pindahkan berkas ke salah satunya atau hapus."


def _unknown_folder(path, settings):
    return Problem(f'folder "{path}" tidak dibaca situs.' + _known(settings), line=1)


@dataclass(frozen=True)
class Published:
    """A file as the site publishes it: a clean copy in the cache, with its size and hash."""

    path: str
    sha256: str
    size: int


@dataclass
class CleanStore:
    """Clean copies by source hash; the index is loaded and saved once per build."""

    folder: str
    index: dict = field(default_factory=dict)  # source sha256 -> (clean sha256, size, mtime)
    hashes: dict = field(default_factory=dict)  # "path|size|mtime_ns" -> source sha256
    dirty: bool = False

    @classmethod
    def open(cls, folder):
        """Load the store's index from `folder` (a damaged index is simply empty)."""
        data = load_pickle(os.path.join(folder, "index.pickle"), CLEANING_VERSION, default={})
        return cls(folder, data.get("index", {}), data.get("hashes", {}))

    def save(self):
        """Write the index atomically if this build added to it."""
        if self.dirty:
            data = {"index": self.index, "hashes": self.hashes}
            save_pickle(os.path.join(self.folder, "index.pickle"), data, CLEANING_VERSION)
            self.dirty = False

    def source_hash(self, path):
        """Return a source file's SHA-256, remembered by path, size and time stamp."""
        stat = os.stat(path)
        # The change time too: `touch -r` can put back the size and time stamp, not that.
        key = (
            f"{os.path.abspath(path)}|{stat.st_size}|{stat.st_mtime_ns}|{stat.st_ctime_ns}"
            f"|{stat.st_ino}"
        )
        if key not in self.hashes:
            self.hashes[key] = sha256_file(path)
            self.dirty = True
        return self.hashes[key]

    def publish(self, path):
        """Return the Published copy of a source file, cleaning it once; raise FileRefused."""
        ext = extension(path)
        if os.path.islink(path):
            raise FileRefused("berkas ini tautan simbolik (symlink); simpan berkas aslinya.")
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise FileRefused("ini bukan berkas biasa (pipa, soket atau perangkat); hapus.")
        if ext not in PUBLISHABLE:
            raise FileRefused(f"berkas .{ext} tidak dapat diterbitkan dengan aman.")
        source = self.source_hash(path)
        known = self.index.get(source)
        if known is not None:
            copy = self._path(known[0], ext)
            if _still_valid(copy, *known):
                return Published(copy, known[0], known[1])
        with open(path, "rb") as handle:
            data = clean_bytes(handle.read(), ext)
        digest = hashlib.sha256(data).hexdigest()
        copy = self._path(digest, ext)
        write_atomically(copy, data)
        self.index[source] = (digest, len(data), os.stat(copy).st_mtime_ns)
        self.dirty = True
        return Published(copy, digest, len(data))

    def _path(self, digest, ext):
        return os.path.join(self.folder, f"{digest}.{ext}")


def _still_valid(copy, digest, size, mtime_ns):
    """Tell whether a cached copy is whole: same stamp as written, or same bytes."""
    try:
        stat = os.stat(copy)
    except OSError:
        return False
    if stat.st_size != size:
        return False
    return stat.st_mtime_ns == mtime_ns or sha256_file(copy) == digest


def sha256_file(path):
    """Return the hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def clean_bytes(data, ext):
    """Return the bytes to publish for a file of type `ext`; raise FileRefused if unsafe."""
    # pikepdf and lxml are imported only when a file is cleaned: a rebuild takes every clean
    # copy from the store, and both libraries cost a tenth of a second to import.
    if ext == "pdf":
        from kpu_gate.pdf import PdfProblem, clean_pdf

        try:
            return clean_pdf(data)
        except PdfProblem as problem:
            raise FileRefused(str(problem)) from None
    if ext == "svg":
        from kpu_gate.svg import vet_svg

        cleaned, problems = vet_svg(data)
        if problems:
            raise FileRefused(*problems)
        return cleaned
    if ext in ("jpg", "jpeg", "png"):
        return clean_image_bytes(data, ext)
    return csv_bytes(data)


def csv_bytes(data):
    """Return a CSV file's bytes if it really is text; raise FileRefused otherwise.

    A spreadsheet saved under a .csv name is a ZIP (XLSX) or a binary (XLS) that keeps its
    author and comments; real CSV is UTF-8 text without NUL bytes.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None or "\x00" in text or data[:2] == b"PK":
        raise FileRefused(
            "berkas ini bukan CSV (teks UTF-8), melainkan dokumen lain yang diberi nama .csv. "
            'Buka di Excel atau LibreOffice, lalu simpan sebagai "CSV UTF-8".'
        )
    return data


def clean_image_bytes(data, ext):
    """Return a JPEG/PNG upright and without any metadata (EXIF, GPS, XMP, comments)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image = ImageOps.exif_transpose(image)
            alpha = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            pixels = image.convert("RGBA" if alpha and ext == "png" else "RGB")
    except (OSError, ValueError, Image.DecompressionBombError):
        raise FileRefused(
            "gambar ini rusak atau tidak dapat dibaca. Unggah ulang berkas aslinya."
        ) from None
    clean = Image.new(pixels.mode, pixels.size)
    clean.paste(pixels)
    buffer = io.BytesIO()
    if ext == "png":
        clean.save(buffer, "PNG", optimize=True)
    else:
        clean.save(buffer, "JPEG", quality=90, optimize=True)
    return buffer.getvalue()
