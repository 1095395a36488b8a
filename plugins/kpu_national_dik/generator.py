"""NationalDikGenerator: offers each adopted national DIK entry to kpu_ppid as a DIK item."""

import logging

from pelican.generators import Generator

from kpu_buildstate import contract
from kpu_messages import record_problems
from kpu_national_dik.model import (
    DATA_FILE,
    LABEL,
    adopted,
    clash_hint,
    decree_text,
    group_problems,
    item_metadata,
    read_entries,
)

logger = logging.getLogger(__name__)


class NationalDikGenerator(Generator):
    """Read the shipped list (checked at start-up) and offer what the office adopts."""

    def generate_context(self):
        """Offer every adopted entry through the build contract, before kpu_ppid reads."""
        value = self.settings.get("KPU_NATIONAL_DIK")
        if value is None:
            return
        entries, _problems = read_entries(DATA_FILE)  # none: apply_settings stopped on them
        entries = adopted(entries, value)
        # PPID_GROUPS is kpu_ppid's, set at its own start-up after this plugin's: read here.
        groups = self.settings.get("PPID_GROUPS", {}).get("dikecualikan", {})
        problems = group_problems(entries, groups)
        if problems:
            record_problems(self.context, str(DATA_FILE), problems)
            return
        note = f"{decree_text(value)}, sebagaimana dinyatakan kantor"
        for entry in entries:
            row = contract.DataRow(LABEL, entry.line, note=note, clash_hint=clash_hint(entry))
            contract.offer_ppid_item(
                self.settings, str(DATA_FILE), item_metadata(entry, value), "", row=row
            )
        logger.info("[kpu_national_dik] %d entri daftar nasional DIK diadopsi", len(entries))
