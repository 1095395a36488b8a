"""Signal handlers of kpu_gallery."""

from kpu_buildstate import contract
from kpu_gallery.generator import GalleryGenerator
from kpu_gallery.settings import SCHEMA
from kpu_gate.handlers import gate_state
from kpu_settings import apply_schema


def apply_settings(pelican):
    """Check the KPU_GALLERY_* settings and paginate /galeri/ by KPU_GALLERY_PER_PAGE."""
    settings = pelican.settings
    apply_schema(settings, SCHEMA, "kpu_gallery")
    gate_state(settings)  # fail at once, not album by album, if the gate is not loaded first
    contract.claim_folder(settings, settings["KPU_GALLERY_PATH"], "kpu_gallery")
    paginated = dict(settings.get("PAGINATED_TEMPLATES", {}))
    paginated["galeri"] = settings["KPU_GALLERY_PER_PAGE"]
    settings["PAGINATED_TEMPLATES"] = paginated


def add_generator(pelican):
    """Add the gallery generator; it plans photos before kpu_images encodes them."""
    return GalleryGenerator
