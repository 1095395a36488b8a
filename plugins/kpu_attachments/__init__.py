"""Attachments of content (PPID items, announcements): parse, check, describe, copy.

A library shared by plugins (no register()): a file beside the content is published with
its format, size and SHA-256 so a citizen can verify a download; a link must be https.
"""

import hashlib
import io
import os
from dataclasses import dataclass
from urllib.parse import urlparse

from babel.numbers import format_decimal
from PIL import Image, ImageOps

# Attached photos are republished without EXIF/GPS/XMP, like every other image of the site.
CLEANED_IMAGE_TYPES = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG"}

# Attachment types allowed by default, with the label shown to citizens.
DEFAULT_ATTACHMENT_TYPES = {
    "pdf": "PDF",
    "docx": "Word (DOCX)",
    "xlsx": "Excel (XLSX)",
    "csv": "CSV",
    "jpg": "Gambar JPG",
    "jpeg": "Gambar JPG",
    "png": "Gambar PNG",
    "zip": "Arsip ZIP",
}


@dataclass(frozen=True)
class AttachmentRef:
    """An attachment as written in `Lampiran:`: a path next to the item or an https URL."""

    target: str
    label: str

    @property
    def is_url(self):
        """Tell whether the attachment is a link elsewhere rather than a file we publish."""
        return "://" in self.target


def parse_attachment_refs(lines):
    """Turn `Lampiran:` lines ("path-or-url | label") into AttachmentRefs."""
    if isinstance(lines, str):
        lines = [lines]
    refs = []
    for line in (str(v).strip() for v in lines or []):
        if not line:
            continue
        target, _, label = line.partition("|")
        target, label = target.strip(), label.strip()
        refs.append(AttachmentRef(target=target, label=label or target.rsplit("/", 1)[-1]))
    return refs


@dataclass(frozen=True)
class Attachment:
    """A published attachment: a file we copy, or a link to another site."""

    label: str
    url: str
    filename: str = ""
    source_path: str = ""
    format_label: str = ""
    size_bytes: int = 0
    sha256: str = ""
    host: str = ""

    @property
    def external(self):
        """Tell whether this is a link to another site (no copy, no size, no hash)."""
        return not self.source_path

    @property
    def size_text(self):
        """Return the size as a citizen reads it ("12,3 KB")."""
        return format_size(self.size_bytes)


def format_size(size_bytes):
    """Format a byte count in KB or MB with an Indonesian decimal comma."""
    if size_bytes >= 1024 * 1024:
        value, unit = size_bytes / (1024 * 1024), "MB"
    else:
        value, unit = max(size_bytes / 1024, 0.1), "KB"
    return f"{format_decimal(value, format='#,##0.0', locale='id')} {unit}"


def sha256_of(path):
    """Return the hex SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def clean_image_bytes(path):
    """Return a JPEG/PNG upright and without any metadata (EXIF, GPS, XMP, comments)."""
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    with Image.open(path) as image:
        image = ImageOps.exif_transpose(image)
        mode = (
            "RGBA" if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info else "RGB"
        )
        pixels = image.convert(mode if extension == "png" else "RGB")
    clean = Image.new(pixels.mode, pixels.size)
    clean.paste(pixels)
    buffer = io.BytesIO()
    if CLEANED_IMAGE_TYPES.get(extension) == "PNG":
        clean.save(buffer, "PNG", optimize=True)
    else:
        clean.save(buffer, "JPEG", quality=90, optimize=True)
    return buffer.getvalue()


def published_bytes(path):
    """Return the bytes a file is published with: photos cleaned, everything else as is."""
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    if extension in CLEANED_IMAGE_TYPES:
        return clean_image_bytes(path)
    with open(path, "rb") as handle:
        return handle.read()


def resolve_attachment(ref, item_dir, content_root, allowed_types, item_url):
    """Check one `Lampiran` entry and describe it; return (Attachment or None, problem)."""
    if ref.is_url:
        parsed = urlparse(ref.target)
        if parsed.scheme != "https" or not parsed.netloc:
            return None, (
                f'kolom "Lampiran": tautan "{ref.target}" harus alamat lengkap yang diawali '
                "https://."
            )
        return Attachment(label=ref.label, url=ref.target, host=parsed.netloc), None
    if os.path.isabs(ref.target):
        return None, (
            f'kolom "Lampiran": "{ref.target}" harus ditulis relatif terhadap berkas item, '
            'misalnya "lampiran/laporan-2024.pdf".'
        )
    path = os.path.realpath(os.path.join(item_dir, ref.target))
    root = os.path.realpath(content_root)
    if os.path.commonpath([path, root]) != root:
        return None, (
            f'kolom "Lampiran": "{ref.target}" berada di luar folder content/. '
            "Simpan berkasnya di samping berkas tulisan, misalnya di folder lampiran/ di "
            "sebelahnya."
        )
    extension = os.path.splitext(path)[1].lower().lstrip(".")
    if extension not in allowed_types:
        allowed = ", ".join(sorted(set(allowed_types)))
        return None, (
            f'kolom "Lampiran": jenis berkas ".{extension}" pada "{ref.target}" tidak diizinkan. '
            f"Jenis yang diizinkan: {allowed}."
        )
    if not os.path.isfile(path):
        return None, (
            f'kolom "Lampiran": berkas "{ref.target}" tidak ditemukan. Periksa nama dan letaknya '
            "(relatif terhadap berkas item)."
        )
    filename = os.path.basename(path)
    if extension in CLEANED_IMAGE_TYPES:
        try:
            data = published_bytes(path)
        except OSError:
            return None, (
                f'kolom "Lampiran": gambar "{ref.target}" rusak atau tidak dapat dibaca. '
                "Unggah ulang berkas aslinya."
            )
        size, digest = len(data), hashlib.sha256(data).hexdigest()
    else:
        size, digest = os.path.getsize(path), sha256_of(path)
    attachment = Attachment(
        label=ref.label,
        url=item_url + filename,
        filename=filename,
        source_path=path,
        format_label=allowed_types[extension],
        size_bytes=size,
        sha256=digest,
    )
    return attachment, None


def resolve_all(refs, item_dir, content_root, allowed_types, item_url):
    """Resolve every attachment of an item; two files may not share a published name."""
    attachments, problems, names = [], [], set()
    for ref in refs:
        attachment, problem = resolve_attachment(
            ref, item_dir, content_root, allowed_types, item_url
        )
        if problem:
            problems.append(problem)
            continue
        if attachment.filename and attachment.filename in names:
            problems.append(
                f'kolom "Lampiran": dua lampiran bernama "{attachment.filename}"; ganti salah satu.'
            )
            continue
        names.add(attachment.filename)
        attachments.append(attachment)
    return attachments, problems


def copy_attachments(attachments, output_path):
    """Copy the files (not the links) of resolved attachments to their URL in the output."""
    for attachment in attachments:
        if attachment.external:
            continue
        target = os.path.join(output_path, attachment.url)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(published_bytes(attachment.source_path))
