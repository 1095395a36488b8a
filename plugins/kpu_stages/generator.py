"""StagesGenerator: reads content/tahapan/ and writes /tahapan/ and one .ics per election."""

import logging
import os
from urllib.parse import urlsplit

from markupsafe import Markup
from pelican.generators import Generator

from kpu_buildstate import contract
from kpu_gate.handlers import gate_state
from kpu_gate.vet import Document, vet_document
from kpu_messages import Problem, record_problems, recorded_problems
from kpu_office.model import office_now, office_zone, units, zone_name
from kpu_stages.ics import election_calendar
from kpu_stages.model import (
    build_elections,
    check_collection,
    current_and_next,
    election_periods,
    parse_stage,
    parse_today,
)

logger = logging.getLogger(__name__)

# Context keys the theme reads, and the one kpu_service_report reads (its documented input).
ELECTIONS_KEY = "kpu_elections"
NOW_KEY = "kpu_stages_now"
NEXT_KEY = "kpu_stages_next"
PERIODS_KEY = "kpu_election_periods"


class StagesGenerator(Generator):
    """Own content/tahapan/: stages are neither news nor pages, so Pelican never reads them."""

    def __init__(self, *args, **kwargs):
        self.elections = []
        super().__init__(*args, **kwargs)

    def _stage_files(self, root, relative_root, surveyed, problems):
        """Return (path, relative) of every .md file under content/tahapan/, naming the rest."""
        found = []
        for folder, subfolders, files in os.walk(root):
            subfolders[:] = sorted(
                name
                for name in subfolders
                if not name.startswith(".") and not os.path.islink(os.path.join(folder, name))
            )
            inside = os.path.relpath(folder, root)
            for name in sorted(files):
                path = os.path.join(folder, name)
                relative = "/".join(
                    part for part in (relative_root, inside, name) if part and part != "."
                )
                if name.startswith(".") or os.path.islink(path) or relative in surveyed:
                    continue  # hidden (as Pelican skips them); links and bad bytes: the gate
                if name.lower().endswith(".md"):
                    found.append((path, relative))
                    continue
                problems.setdefault(relative, []).append(
                    Problem(
                        f'berkas "{name}" tidak dibaca di content/{relative_root}/: folder ini '
                        "hanya berisi tahapan, satu berkas .md per tahapan. Pindahkan berkas "
                        "itu (dokumen ke content/ppid/lampiran/, foto ke content/images/) atau "
                        "hapus.",
                        line=1,
                    )
                )
        return found

    def _read_stage(self, path, relative, office_units, zone):
        """Read, vet and validate one stage file; return (Stage or None, problems)."""
        try:
            body, metadata = self.readers.readers["md"].read(path)
        except Exception as error:  # a broken header must be reported, not skipped
            return None, [f"berkas tidak dapat dibaca ({error})."]
        gate = gate_state(self.settings)
        document = Document(
            source_path=path,
            fragment=body,
            live=True,  # a stage has no draft: it is shown as soon as the site is built
            scaffold_hint=" (tahapan langsung terbit saat situs dibangun)",
            date_fields=("Mulai", "Selesai"),
            with_time=True,
            links_replaced=False,  # Pelican replaces {filename} only in its own contents
        )
        found = list(vet_document(document, gate.passed, gate.listings))
        if "<img" in body:
            body, image_problems = contract.process_fragment(
                self.settings, body, os.path.dirname(path), eager_first=False
            )
            found += image_problems
        default_slug = os.path.splitext(os.path.basename(path))[0]
        stage, stage_problems = parse_stage(
            relative,
            metadata,
            body,
            office_units,
            zone,
            default_slug,
            self.settings["SLUG_REGEX_SUBSTITUTIONS"],
        )
        # The gate and the model judge dates alike: say each mistake once, with its line.
        found += [p for p in stage_problems if p not in found]
        return (None if found else stage), found

    def generate_context(self):
        """Read every stage (listing every problem at once) and share the timeline."""
        self.context.update({ELECTIONS_KEY: [], NOW_KEY: [], NEXT_KEY: None})
        relative_root = self.settings["KPU_STAGES_PATH"]
        root = os.path.join(self.path, relative_root)
        if not os.path.isdir(root):
            return
        problems, surveyed = {}, recorded_problems(self.context)
        zone = office_zone(self.settings)
        office_units = units(self.settings["KPU_OFFICE"])
        division_url = self.settings.get("KPU_DIVISION_URL", "divisi/{slug}/")
        stages = []
        for path, relative in self._stage_files(root, relative_root, surveyed, problems):
            stage, found = self._read_stage(path, relative, office_units, zone)
            if found:
                problems.setdefault(relative, []).extend(found)
            elif stage is not None:
                stage.body = Markup(stage.body)  # vetted by the gate above
                stage.division_url = division_url.format(slug=stage.divisi)
                stages.append(stage)
        for source, message in check_collection(stages):
            problems.setdefault(source, []).append(message)
        for source, messages in problems.items():
            record_problems(self.context, source, messages)
        if problems:
            return  # the build stops with every problem once all generators have read
        today = self.settings["KPU_STAGES_TODAY"]
        today = office_now(self.settings) if today is None else parse_today(today, zone)
        self.elections = build_elections(stages, today)
        base = self.settings["KPU_STAGES_URL"]
        for election in self.elections:
            election.calendar = f"{base}{election.slug}.ics"
        current, following = current_and_next(self.elections)
        self.context.update({ELECTIONS_KEY: self.elections, NOW_KEY: current, NEXT_KEY: following})
        periods = list(self.context.get(PERIODS_KEY, [])) + election_periods(self.elections)
        self.context[PERIODS_KEY] = periods
        logger.info("[kpu_stages] %d elections, %d stages", len(self.elections), len(stages))

    def generate_output(self, writer):
        """Write /tahapan/ (every election's timeline) and one calendar feed per election.

        The page is written even with no stage: the menu and footer may link to it.
        """
        base = self.settings["KPU_STAGES_URL"]
        writer.write_file(
            base + "index.html",
            self.get_template("tahapan"),
            self.context,
            self.settings["RELATIVE_URLS"],
            elections=self.elections,
            url=base,
        )
        siteurl = self.settings.get("SITEURL", "")
        host = urlsplit(siteurl).hostname or ""
        page_url = f"{siteurl}/{base}" if siteurl.startswith(("http://", "https://")) else ""
        zone = office_zone(self.settings)
        zone_id = zone_name(self.settings["KPU_OFFICE"])
        for election in self.elections:
            data = election_calendar(
                election, self.settings["SITENAME"], host, page_url, zone, zone_id
            )
            path = os.path.join(self.output_path, election.calendar)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            contract.write_or_keep(self.settings, path, data)
