"""The content gate: nothing unsafe, private or wrong passes from content/ to the site.

Every file of content/ is surveyed, every document (news item, page, PPID item) is vetted
by one function (`vet.vet_document`), every HTML field by one function (`markup.vet_html`)
and every file that is published by one store (`files.CleanStore`). Other plugins reach
the gate only through `handlers.gate_state(settings)` and those three functions.
"""

from pelican import signals

from kpu_gate.handlers import save_state, start, survey_content, vet_content, vet_static_files
from kpu_messages import raise_recorded, report_plainly


def register():
    """Connect the handlers; report admin-facing errors plainly under Pelican's own command."""
    report_plainly()
    signals.initialized.connect(start)
    signals.generator_init.connect(survey_content)
    signals.content_object_init.connect(vet_content)
    signals.static_generator_finalized.connect(vet_static_files)
    signals.all_generators_finalized.connect(save_state)
    signals.all_generators_finalized.connect(raise_recorded)
