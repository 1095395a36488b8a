"""Find the file a content reference names, exactly as written, on every file system.

Windows and macOS find "foto.jpg" when the file is "Foto.JPG"; the published site (Linux,
GitHub Pages) does not. So a reference is resolved one folder at a time against the names
really on disk: a name that matches only when letter case is ignored is a mistake on every
system, and the message names the file that does exist. A reference that matches nothing
gets the nearest file of the same name as a suggestion ("images/" forgotten, say).
"""

import os
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

_DRIVE = re.compile(r"[A-Za-z]:[\\/]")


@dataclass
class Listings:
    """The names in each folder of content/, read once per build."""

    root: str
    folders: dict = field(default_factory=dict)  # absolute folder -> {name: is_folder}
    by_name: dict | None = None  # lower-cased file name -> [relative paths]

    def names(self, folder):
        """Return {name: is_folder} of a folder ({} if it is not one)."""
        if folder not in self.folders:
            try:
                with os.scandir(folder) as entries:
                    self.folders[folder] = {
                        entry.name: entry.is_dir(follow_symlinks=False) for entry in entries
                    }
            except OSError:
                self.folders[folder] = {}
        return self.folders[folder]

    def same_name(self, name):
        """Return every file under content/ whose name equals `name` ignoring case."""
        if self.by_name is None:
            self.by_name = {}  # folded file name -> paths
            for folder, dirs, files in os.walk(self.root):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                relative = os.path.relpath(folder, self.root).replace(os.sep, "/")
                for file_name in files:
                    path = file_name if relative == "." else f"{relative}/{file_name}"
                    self.by_name.setdefault(_folded(file_name), []).append(path)
        return sorted(self.by_name.get(_folded(name), []))


@dataclass(frozen=True)
class Resolved:
    """What a reference points at: the file (absolute), or why it cannot be used."""

    path: str | None
    relative: str = ""  # the file relative to content/, as it is spelt on disk
    kind: str = ""  # "", "outside", "case", "missing", "symlink"
    found: str = ""  # the existing file a "case" or "missing" reference means
    hint: str = ""  # how to write the reference so that it finds `found`


def reference_path(target, address=True):
    """Return the file part of a written reference (no {static}, query, #anchor or %20).

    With `address=False` the reference is a plain file path (a `Lampiran` entry): "%" and "#"
    are letters of the name, not parts of an address.
    """
    target = target.strip()
    if not address:
        return target
    for prefix in ("{static}", "{filename}", "{attach}", "|static|", "|filename|", "|attach|"):
        if target.startswith(prefix):
            target = target[len(prefix) :]
            break
    return unquote(urlsplit(target).path)


def resolve(target, base_dir, listings, address=True):
    """Resolve a reference written in a file of `base_dir` (absolute) against content/."""
    path = reference_path(target, address)
    root = os.path.abspath(listings.root)
    start = root if path.startswith("/") else os.path.abspath(base_dir)
    on_computer = bool(_DRIVE.match(target.strip()))
    if "\\" in target or on_computer:
        # Windows writes paths with "\\" and a drive letter; the site reads "/" only.
        name = target.replace("\\", "/").rsplit("/", 1)[-1]
        candidates = listings.same_name(name)
        found = candidates[0] if len(candidates) == 1 else ""
        hint = _hint(found, start, root) if found else ""
        kind = "computer" if on_computer else "backslash"
        return Resolved(None, kind=kind, found=found, hint=hint)
    relative_start = os.path.relpath(start, root).replace(os.sep, "/")
    joined = posixpath.normpath(posixpath.join(relative_start, path.lstrip("/")))
    if joined == ".." or joined.startswith("../") or posixpath.isabs(joined):
        candidates = listings.same_name(posixpath.basename(path)) if path else []
        if len(candidates) == 1:
            hint = _hint(candidates[0], start, root)
            return Resolved(None, kind="outside", found=candidates[0], hint=hint)
        return Resolved(None, kind="outside")
    folder, spelt = root, []
    parts = [part for part in joined.split("/") if part not in ("", ".")]
    for index, part in enumerate(parts):
        names = listings.names(folder)
        last = index == len(parts) - 1
        if part in names:
            actual = part
        else:
            matches = [name for name in names if _folded(name) == _folded(part)]
            if not matches:
                return _missing(parts[-1], start, root, listings)
            actual = matches[0]
        full = os.path.join(folder, actual)
        if os.path.islink(full):
            return Resolved(None, "/".join([*spelt, actual]), kind="symlink")
        if not last and not names[actual]:
            return _missing(parts[-1], start, root, listings)
        spelt.append(actual)
        folder = full
    relative = "/".join(spelt)
    if not parts or os.path.isdir(folder):
        return _missing(parts[-1] if parts else path, start, root, listings)
    if spelt != parts:
        return Resolved(
            None, relative, kind="case", found=relative, hint=_hint(relative, start, root)
        )
    return Resolved(folder, relative)


def _folded(name):
    """Fold letter case and Unicode form: macOS stores "é" as e + accent, others as one letter."""
    return unicodedata.normalize("NFC", name).casefold()


def _missing(name, start, root, listings):
    candidates = listings.same_name(name)
    if len(candidates) == 1:
        found = candidates[0]
        return Resolved(None, kind="missing", found=found, hint=_hint(found, start, root))
    return Resolved(None, kind="missing")


def _hint(found, start, root):
    """Write `found` (relative to content/) as a reference from a file in `start`."""
    relative = os.path.relpath(os.path.join(root, found), start).replace(os.sep, "/")
    return relative if not relative.startswith("../") else f"/{found}"


def describe(resolved, written):
    """Return the Bahasa Indonesia explanation of an unusable reference (empty if usable)."""
    if resolved.kind == "case":
        written_name = posixpath.basename(reference_path(written))
        same_letters = written_name.lower() == posixpath.basename(resolved.found).lower()
        what = "huruf besar/kecil" if same_letters else "penulisan huruf (huruf beraksen)"
        return (
            f'"{written}" beda {what} dengan berkas yang ada: "{resolved.found}". '
            f'Situs terbit membedakan setiap huruf; tulis "{resolved.hint}" '
            "(atau ganti nama berkasnya)."
        )
    if resolved.kind == "missing" and resolved.found:
        return f'"{written}" tidak ditemukan. Mungkin maksud Anda "{resolved.hint}"?'
    if resolved.kind == "missing":
        return f'"{written}" tidak ditemukan. Periksa nama dan letak berkasnya.'
    if resolved.kind == "computer":
        where = f'tulis "{resolved.hint}"' if resolved.found else "lalu tulis letaknya di sana"
        return (
            f'"{written}" adalah letak berkas di komputer Anda, bukan di situs. Salin berkasnya ke '
            f"folder content/ (gambar: content/images/), {where}."
        )
    if resolved.kind == "backslash":
        better = resolved.hint or written.strip().replace("\\", "/")
        return (
            f'"{written}" memakai garis miring terbalik "\\". Tulis letak berkas dengan garis '
            f'miring "/": "{better}".'
        )
    if resolved.kind == "outside" and resolved.found:
        return f'"{written}" berada di luar folder content/. Mungkin maksud Anda "{resolved.hint}"?'
    if resolved.kind == "outside":
        return f'"{written}" berada di luar folder content/.'
    if resolved.kind == "symlink":
        return (
            f'"{written}" menunjuk tautan simbolik (symlink) "{resolved.relative}". '
            "Simpan salinan berkas aslinya di content/, bukan tautan."
        )
    return ""
