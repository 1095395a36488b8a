"""Signal handlers of kpu_ppid."""

from kpu_ppid.generator import PpidGenerator
from kpu_ppid.settings import PpidSettingsError, validate_settings, with_defaults


def apply_settings(pelican):
    """Fill in the PPID_* defaults and stop at once on a bad setting."""
    ppid = with_defaults(pelican.settings)
    problems = validate_settings(ppid)
    if problems:
        raise PpidSettingsError("Pengaturan PPID belum benar:\n- " + "\n- ".join(problems))
    pelican.settings.update(ppid)


def add_generator(pelican):
    """Add the PPID generator after Pelican's own (it needs the pages to detect clashes)."""
    return PpidGenerator
