"""ReadinessGenerator and the readiness report, written once every page is on disk.

The checks read the finished home, PPID and DIP pages (a link removed from a template
must show), so the report is made in `finalized`, after kpu_incremental has written the
pages it put off and before the sitemap, the search index and the output check read them.
"""

import datetime
import json
import logging
import os

from pelican.generators import Generator
from selectolax.lexbor import LexborHTMLParser

from kpu_buildstate import contract
from kpu_office.model import office_now
from kpu_ppid_readiness import model

logger = logging.getLogger(__name__)

GENERATOR_KEY = "KPU_READINESS_STATE"  # ends in _STATE: per build, never in a page digest
DATA_NAME = "kesiapan.json"


def read_page(output, path):
    """Return (links, text) of the page at a site path ("ppid/"), or None if it is absent."""
    file = (
        os.path.join(output, path, "index.html")
        if path.endswith("/") or not path
        else (os.path.join(output, path))
    )
    if not os.path.isfile(file):
        return None
    with open(file, encoding="utf-8") as handle:
        tree = LexborHTMLParser(handle.read())
    links = [a.attributes.get("href") or "" for a in tree.css("a[href]")]
    main = tree.css_first("main") or tree.body
    return links, main.text(separator=" ") if main else ""


def exists_in(output):
    """Return a function telling whether a site path is a file or a folder page in `output`."""

    def exists(path):
        target = os.path.join(output, path)
        if path.endswith("/") or not path:
            return os.path.isfile(os.path.join(target, "index.html"))
        return os.path.isfile(target) or os.path.isfile(os.path.join(target, "index.html"))

    return exists


class ReadinessGenerator(Generator):
    """Keep what the report needs from the context; write the report at `finalized`."""

    def generate_context(self):
        """Note this generator for the `finalized` handler (the report needs the pages)."""
        self.settings[GENERATOR_KEY] = self

    def _items(self):
        return [
            model.Item(
                title=i.judul,
                klasifikasi=i.klasifikasi,
                kelompok=i.kelompok,
                published=_day(i.tanggal),
                updated=_day(i.diperbarui),
                source=i.source,
                url=i.url,
            )
            for i in self.context.get("ppid_items", [])
        ]

    def _today(self):
        fixed = self.settings["KPU_READINESS_TODAY"]
        if fixed:
            return datetime.date.fromisoformat(fixed)
        return office_now(self.settings).date()

    def check(self, output):
        """Run every check against the finished output; return the report as plain data."""
        s = self.settings
        items, today, siteurl = self._items(), self._today(), s.get("SITEURL", "")
        urls = {"ppid": s["PPID_URL"], "dip": s["PPID_DIP_URL"], "dik": s["PPID_DIK_URL"]}
        home = read_page(output, "") or ([], "")
        ppid_page = read_page(output, urls["ppid"]) or ([], "")
        lines = model.periodic_lines(
            items, s["PPID_GROUPS"].get("berkala", {}), s["KPU_READINESS_FRESHNESS"], today,
            s["PPID_PATH"],
        )  # fmt: skip
        lines += model.list_lines(items, s["PPID_CLASSES"], s["PPID_PATH"])
        lines += model.reach_lines(home[0], ppid_page[0], s.get("KPU_MENU", []), urls, siteurl)
        dip_pages = {urls["dip"]: (read_page(output, urls["dip"]) or ([], ""))[0]}
        for item in items:
            dip_pages[item.url] = (read_page(output, item.url) or ([], ""))[0]
        open_data = [
            f"{s['PPID_DIP_DATA']}.csv",
            f"{s['PPID_DIP_DATA']}.json",
            f"{s['PPID_DIK_DATA']}.csv",
            f"{s['PPID_DIK_DATA']}.json",
        ]
        lines += model.link_lines(dip_pages, exists_in(output), siteurl, open_data)
        pages = {}
        for page in s["KPU_READINESS_PAGES"]:
            found = read_page(output, page["url"])
            pages[page["url"]] = found[1] if found else None
        lines += model.page_lines(s["KPU_READINESS_PAGES"], pages, home[0] + ppid_page[0], siteurl)
        years = [r.year for r in self.context.get("kpu_service_reports", [])]
        report_url = s.get("KPU_SERVICE_REPORT_URL", "ppid/laporan-layanan/{slug}/")
        lines.append(model.report_line(years, today, report_url))
        lines += model.form_lines(s["KPU_OFFICE"])
        sections, overall, grade = model.scores(lines, s["KPU_READINESS_WEIGHTS"])
        return {
            "today": today,
            "lines": lines,
            "sections": [
                {
                    "slug": slug,
                    "indikator": s["KPU_READINESS_WEIGHTS"][slug]["indikator"],
                    "dasar": s["KPU_READINESS_WEIGHTS"][slug]["dasar"],
                    "skor": round(score, 1),
                    "bobot": weight,
                    "lines": [line for line in lines if line.section == slug],
                }
                for slug, (score, weight) in sections.items()
            ],
            "overall": overall,
            "grade": grade,
            "gaps": model.mandatory_gaps(lines),
        }

    def write_report(self, output):
        """Write /ppid/kesiapan/ and its JSON into the output; return the report."""
        report = self.check(output)
        url = self.settings["KPU_READINESS_URL"]
        html = self.get_template("ppid_kesiapan").render(
            {**self.context, "readiness": report, "url": url, "labels": model.STATUS_LABELS}
        )
        folder = os.path.join(output, url)
        os.makedirs(folder, exist_ok=True)
        for name, text in (("index.html", html), (DATA_NAME, to_json(report))):
            contract.write_or_keep(self.settings, os.path.join(folder, name), text.encode("utf-8"))
        return report


def to_json(report):
    """Write the report as JSON (what `invoke ppid-siap` prints)."""
    plain = {
        "tanggal": report["today"].isoformat(),
        "skor": report["overall"],
        "predikat": report["grade"],
        "bagian": [
            {
                "bagian": section["slug"],
                "indikator": section["indikator"],
                "skor": section["skor"],
                "bobot": section["bobot"],
                "dasar": section["dasar"],
                "baris": [
                    {
                        "yang_dicari": line.label,
                        "status": line.status,
                        "wajib": line.mandatory,
                        "perbaikan": line.fix,
                        "keterangan": line.detail,
                    }
                    for line in section["lines"]
                ],
            }
            for section in report["sections"]
        ],
    }
    return json.dumps(plain, ensure_ascii=False, indent=2) + "\n"


def _day(value):
    """Return the calendar day of a date or datetime (items carry either), or None."""
    if isinstance(value, datetime.datetime):
        return value.date()
    return value
