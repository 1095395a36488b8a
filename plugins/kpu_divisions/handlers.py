"""Signal handlers of kpu_divisions."""

from kpu_divisions.generator import DivisionsGenerator
from kpu_divisions.model import DEFAULTS


def apply_settings(pelican):
    """Fill in the KPU_DIVISION* defaults and paginate division pages like other lists."""
    for key, value in DEFAULTS.items():
        pelican.settings.setdefault(key, value)
    paginated = dict(pelican.settings.get("PAGINATED_TEMPLATES", {}))
    paginated.setdefault("division", None)
    pelican.settings["PAGINATED_TEMPLATES"] = paginated


def add_generator(pelican):
    """Add the division generator (it reads the articles Pelican has already read)."""
    return DivisionsGenerator
