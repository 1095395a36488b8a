"""GalleryGenerator: reads content/galeri/ and writes albums, photo pages and /galeri/."""

import logging
import os

from pelican.generators import Generator

from kpu_buildstate import contract
from kpu_gallery.model import (
    ALBUM_FILE,
    is_photo,
    neighbours,
    newest_first,
    parse_album,
    unsupported_file_problem,
)
from kpu_gate.handlers import gate_state
from kpu_gate.vet import Document, vet_document
from kpu_messages import Problem, record_problems, recorded_problems
from kpu_office.model import office_now, units

logger = logging.getLogger(__name__)


class GalleryGenerator(Generator):
    """Own content/galeri/: albums are neither news nor pages, so Pelican never reads them."""

    def __init__(self, *args, **kwargs):
        self.albums = []
        super().__init__(*args, **kwargs)

    def _album_folders(self, root, relative_root, problems):
        """Return the album folders of content/galeri/, naming files that sit loose in it."""
        folders = []
        for entry in sorted(os.scandir(root), key=lambda e: e.name):
            if entry.name.startswith(".") or entry.is_symlink():
                continue  # hidden: skipped as Pelican does; links: named by the gate's survey
            relative = f"{relative_root}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                folders.append((entry.path, relative))
            else:
                problems.setdefault(relative, []).append(
                    Problem(
                        f'berkas "{entry.name}" berada langsung di content/{relative_root}/. '
                        "Setiap album adalah satu folder berisi album.md dan fotonya: buat "
                        f"folder, misalnya content/{relative_root}/nama-kegiatan/, lalu "
                        "pindahkan berkasnya ke sana.",
                        line=1,
                    )
                )
        return folders

    def _read_album(self, path, relative, today, surveyed, problems):
        """Read, vet and validate one album folder; return an Album or None."""
        source = f"{relative}/{ALBUM_FILE}"
        files, known = [], set(surveyed)
        for entry in sorted(os.scandir(path), key=lambda e: e.name):
            name = entry.name
            if name.startswith(".") or name == ALBUM_FILE or entry.is_symlink():
                continue
            where = f"{relative}/{name}"
            if entry.is_dir(follow_symlinks=False):
                problems.setdefault(where, []).append(
                    Problem(
                        f'folder "{where}" di dalam album tidak dibaca. Letakkan semua foto '
                        f"langsung di content/{relative}/, atau jadikan folder itu album "
                        f"sendiri di content/{relative.rsplit('/', 1)[0]}/.",
                        line=1,
                    )
                )
            elif is_photo(name):
                files.append(name)
            elif where not in known:  # the gate may have named it already (.docx, .zip …)
                problems.setdefault(where, []).append(
                    Problem(unsupported_file_problem(name, f"content/{relative}/"), line=1)
                )
        if not os.path.isfile(os.path.join(path, ALBUM_FILE)):
            problems.setdefault(relative, []).append(
                Problem(
                    f'folder album "content/{relative}/" belum punya berkas {ALBUM_FILE}. Buat '
                    f"{ALBUM_FILE} berisi Judul, Tanggal, Divisi dan kolom Foto (lihat panduan "
                    "admin, bagian Galeri foto).",
                    line=1,
                )
            )
            return None
        if source in known:
            return None  # the gate's survey named what is wrong (not UTF-8, a link)
        full = os.path.join(path, ALBUM_FILE)
        try:
            body, metadata = self.readers.readers["md"].read(full)
        except Exception as error:  # a broken header must be reported, not skipped
            problems.setdefault(source, []).append(f"berkas tidak dapat dibaca ({error}).")
            return None
        gate = gate_state(self.settings)
        document = Document(
            source_path=full,
            fragment=body,
            live=True,  # albums have no drafts: every album goes live when built
            scaffold_hint=" (album foto langsung terbit saat situs dibangun)",
            links_replaced=False,  # Pelican replaces {filename} only in its own contents
        )
        found = vet_document(document, gate.passed, gate.listings)
        if "<img" in body:
            body, image_problems = contract.process_fragment(
                self.settings, body, path, eager_first=False
            )
            found += image_problems
        slug = os.path.basename(path)
        office_units = units(self.settings["KPU_OFFICE"])
        album, album_problems = parse_album(
            source, slug, metadata, body, files, office_units, today
        )
        found += album_problems
        if album is not None:
            found += self._plan_photos(album, path)
        if found:
            problems.setdefault(source, []).extend(found)
            return None
        return album

    def _plan_photos(self, album, path):
        """Give the album its addresses and each photo its Picture (the image pipeline)."""
        base = self.settings["KPU_GALLERY_URL"]
        album.url = f"{base}{album.slug}/"
        album.save_as = album.url + "index.html"
        album.division["url"] = self.settings.get("KPU_DIVISION_URL", "divisi/{slug}/").format(
            slug=album.division["slug"]
        )
        problems = []
        for photo in album.photos:
            photo.url = f"{album.url}{photo.slug}/"
            photo.save_as = photo.url + "index.html"
            picture, found = contract.plan_picture(
                self.settings, os.path.join(path, photo.file), photo.caption
            )
            photo.picture = picture
            problems += [f'kolom "Foto": {message}' for message in found]
        return problems

    def generate_context(self):
        """Read every album (listing every problem at once) and share them with the theme."""
        self.context.update(kpu_albums=[], kpu_latest_albums=[])
        relative_root = self.settings["KPU_GALLERY_PATH"]
        root = os.path.join(self.path, relative_root)
        if not os.path.isdir(root):
            return
        problems, surveyed = {}, recorded_problems(self.context)
        today = office_now(self.settings).date()
        albums = []
        for path, relative in self._album_folders(root, relative_root, problems):
            album = self._read_album(path, relative, today, surveyed, problems)
            if album is not None:
                albums.append(album)
        for source, messages in problems.items():
            record_problems(self.context, source, messages)
        if problems:
            return  # the build stops with every problem once all generators have read
        self.albums = newest_first(albums)
        self.context.update(
            kpu_albums=self.albums,
            kpu_latest_albums=self.albums[: self.settings["KPU_GALLERY_HOME_COUNT"]],
        )
        photos = sum(len(album.photos) for album in self.albums)
        logger.info("[kpu_gallery] %d albums, %d photos", len(self.albums), photos)

    def generate_output(self, writer):
        """Write each album page, a page per photo (the no-JS lightbox) and the album list."""
        relative_urls = self.settings["RELATIVE_URLS"]
        album_template = self.get_template("album")
        photo_template = self.get_template("album_photo")
        for album in self.albums:
            writer.write_file(
                album.save_as,
                album_template,
                self.context,
                relative_urls,
                album=album,
                url=album.url,
            )
            contract.record_page_source(
                self.settings, album.save_as, os.path.join(self.path, album.source)
            )
            for index, photo in enumerate(album.photos):
                previous, following = neighbours(album.photos, index)
                writer.write_file(
                    photo.save_as,
                    photo_template,
                    self.context,
                    relative_urls,
                    album=album,
                    photo=photo,
                    previous_photo=previous,
                    next_photo=following,
                    url=photo.url,
                )
                contract.record_page_source(
                    self.settings, photo.save_as, os.path.join(self.path, album.source)
                )
        index_url = self.settings["KPU_GALLERY_URL"]
        writer.write_file(
            index_url + "index.html",
            self.get_template("galeri"),
            self.context,
            relative_urls,
            paginated={"albums": self.albums},
            template_name="galeri",
            url=index_url,
            albums=self.albums,
        )
