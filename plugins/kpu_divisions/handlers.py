"""Signal handlers of kpu_divisions."""

from kpu_divisions.generator import DivisionsGenerator
from kpu_divisions.model import SCHEMA
from kpu_settings import apply_schema


def apply_settings(pelican):
    """Check the KPU_DIVISION* settings and paginate division pages like other lists."""
    apply_schema(pelican.settings, SCHEMA, "kpu_divisions")
    paginated = dict(pelican.settings.get("PAGINATED_TEMPLATES", {}))
    paginated.setdefault("division", None)
    pelican.settings["PAGINATED_TEMPLATES"] = paginated


def add_generator(pelican):
    """Add the division generator (it reads the articles Pelican has already read)."""
    return DivisionsGenerator
