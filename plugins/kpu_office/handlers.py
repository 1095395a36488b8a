"""Signal handlers of kpu_office."""

import logging

from kpu_office.model import OfficeConfigError, derived_settings, validate_office
from kpu_settings import raise_settings_problems

logger = logging.getLogger(__name__)


def apply_office_settings(pelican):
    """Validate KPU_OFFICE and merge the derived settings before any content is read."""
    office = pelican.settings.get("KPU_OFFICE")
    problems = validate_office(office)
    raise_settings_problems(pelican.settings, "kpu_office", problems, OfficeConfigError)
    pelican.settings.update(derived_settings(office))
    logger.debug("[kpu_office] settings derived for %s", office["name"])
