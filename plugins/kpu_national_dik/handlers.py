"""Signal handlers of kpu_national_dik."""

from kpu_messages import AdminFacingError
from kpu_national_dik.generator import NationalDikGenerator
from kpu_national_dik.model import DATA_FILE, adoption_problems, read_entries
from kpu_national_dik.settings import SCHEMA
from kpu_office.model import office_now
from kpu_settings import SettingsError, apply_schema, raise_settings_problems


class NationalDikError(AdminFacingError):
    """The national DIK list the kit ships cannot be read (a mistake in the kit, not the site)."""


def list_report(path, problems):
    """Format the list's problems as "path:line: message" lines under one heading."""
    lines = [f"{path}:{problem.line}: {problem}" for problem in problems]
    return "Daftar nasional DIK tidak dapat dibaca:\n" + "\n".join(lines)


def apply_settings(pelican):
    """Check KPU_NATIONAL_DIK and, when adopted, the list and the ids it leaves out."""
    settings = pelican.settings
    apply_schema(settings, SCHEMA, "kpu_national_dik")
    value = settings["KPU_NATIONAL_DIK"]
    if value is None:
        return
    entries, problems = read_entries(DATA_FILE)
    if problems:
        raise NationalDikError(list_report(DATA_FILE, problems))
    today = office_now(settings).date()
    sample = bool(settings.get("KPU_OFFICE", {}).get("sample_site"))
    found = adoption_problems(value, [entry.id for entry in entries], today, sample)
    raise_settings_problems(settings, "kpu_national_dik", found, SettingsError)


def add_generator(pelican):
    """Add the generator that offers the entries; it must come before kpu_ppid's."""
    return NationalDikGenerator
