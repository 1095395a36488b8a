"""Attachments of content (PPID items, announcements): parse, check, describe, copy.

A library shared by plugins (no register()): a file beside the content is published with
its format, size and SHA-256 so a citizen can verify a download; a link must be https.
What is published is the gate's clean copy (kpu_gate.files): PDFs without metadata, photos
without EXIF or GPS; the size and SHA-256 shown are those of that copy.
"""

import os
import shutil
from dataclasses import dataclass
from urllib.parse import urlparse

from babel.numbers import format_decimal

from kpu_gate.allowlist import browser_url, url_scheme
from kpu_gate.files import DOCUMENTS, PUBLISHABLE, FileRefused, extension, published_name
from kpu_gate.references import describe, resolve
from kpu_messages import Problem
from kpu_settings import extension_labels

# Attachment types allowed by default, with the label shown to citizens. Office documents
# are refused: they keep author, editor, comments and tracked changes (see README).
DEFAULT_ATTACHMENT_TYPES = {
    "pdf": "PDF",
    "csv": "CSV",
    "jpg": "Gambar JPG",
    "jpeg": "Gambar JPG",
    "png": "Gambar PNG",
}


def unsafe_types(allowed_types):
    """Return the configured attachment types the gate cannot publish safely."""
    return sorted(set(allowed_types) - PUBLISHABLE)


def attachment_types(value):
    """Tell whether a setting lists attachment types the gate can publish (a settings check)."""
    return extension_labels(value) and not unsafe_types(value)


ATTACHMENT_TYPES_ALLOWED = (
    "dict jenis lampiran yang tidak kosong: ekstensi huruf kecil tanpa titik ke label, hanya "
    f"jenis yang dibersihkan situs sebelum terbit ({', '.join(sorted(PUBLISHABLE))}); dokumen "
    'Office dan arsip ZIP menyimpan nama penulis dan komentar, misalnya {"pdf": "PDF"}'
)


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
    published_path: str = ""  # the gate's clean copy, which is what the output receives

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


def resolve_attachment(ref, item_dir, allowed_types, item_url, gate):
    """Check one `Lampiran` entry and describe it; return (Attachment or None, problem).

    `gate` is the build's GateState (kpu_gate.handlers.gate_state): its listings find the
    file as spelt on disk, its store makes the copy that is published.
    """
    scheme = url_scheme(ref.target)
    if len(scheme) == 1:  # "C:\\Users\\…": a Windows path, not an address
        scheme = ""
    if ref.is_url or scheme:
        parsed = urlparse(browser_url(ref.target))
        if parsed.scheme != "https" or not parsed.netloc:
            return None, (
                f'kolom "Lampiran": tautan "{ref.target}" harus alamat lengkap yang diawali '
                "https://."
            )
        return Attachment(label=ref.label, url=ref.target, host=parsed.netloc), None
    if os.path.isabs(ref.target) or ref.target.startswith(("/", "\\")) or ":" in ref.target:
        return None, (
            f'kolom "Lampiran": "{ref.target}" harus ditulis relatif terhadap berkas item, '
            'misalnya "lampiran/laporan-2024.pdf".'
        )
    if any(mark in ref.target for mark in "?#"):
        return None, (
            f'kolom "Lampiran": "{ref.target}" memuat "?" atau "#"; tulis letak berkasnya saja, '
            'misalnya "lampiran/laporan-2024.pdf".'
        )
    resolved = resolve(ref.target, item_dir, gate.listings, address=False)
    if resolved.kind == "outside":
        return None, (
            f'kolom "Lampiran": "{ref.target}" berada di luar folder content/. '
            "Simpan berkasnya di samping berkas tulisan, misalnya di folder lampiran/ di "
            "sebelahnya."
        )
    ext = extension(ref.target)
    if ext not in allowed_types:
        allowed = ", ".join(sorted(set(allowed_types)))
        advice = " Ekspor dokumennya ke PDF (tabel data: CSV)." if ext in DOCUMENTS else ""
        return None, (
            f'kolom "Lampiran": jenis berkas ".{ext}" pada "{ref.target}" tidak diizinkan. '
            f"Jenis yang diizinkan: {allowed}.{advice}"
        )
    if resolved.kind == "missing" and not resolved.found:
        return None, (
            f'kolom "Lampiran": berkas "{ref.target}" tidak ditemukan. Periksa nama dan letaknya '
            "(relatif terhadap berkas item)."
        )
    if resolved.path is None:
        return None, f'kolom "Lampiran": berkas {describe(resolved, ref.target)}'
    try:
        published = gate.store.publish(resolved.path)
    except FileRefused as refused:
        return None, f'kolom "Lampiran": "{ref.target}": {refused}'
    filename = published_name(resolved.path, gate.slug_subs)
    attachment = Attachment(
        label=ref.label,
        url=item_url + filename,
        filename=filename,
        source_path=resolved.path,
        format_label=allowed_types[ext],
        size_bytes=published.size,
        sha256=published.sha256,
        published_path=published.path,
    )
    return attachment, None


def resolve_all(refs, item_dir, allowed_types, item_url, gate):
    """Resolve every attachment of an item; two files may not share a published name."""
    attachments, problems, names = [], [], set()
    for ref in refs:
        attachment, problem = resolve_attachment(ref, item_dir, allowed_types, item_url, gate)
        if problem:
            # Found on its own line, a continuation line of `Lampiran:` included.
            problems.append(Problem(problem, needle=ref.target))
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
    """Put the clean copies (not the links) of resolved attachments at their URL."""
    for attachment in attachments:
        if attachment.external:
            continue
        target = os.path.join(output_path, attachment.url)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if os.path.lexists(target):
            os.remove(target)
        try:
            os.link(attachment.published_path, target)  # the cache copy, never the source
        except OSError:
            shutil.copyfile(attachment.published_path, target)
