"""ReportGenerator: /laporan/publikasi/, what the provincial office reads when it evaluates."""

from markupsafe import Markup
from pelican.generators import Generator

from kpu_dates.model import format_bulan_tahun
from kpu_office.model import office_now, units
from kpu_report.chart import stacked_bars
from kpu_report.model import build_report


class ReportGenerator(Generator):
    """Count the published items of the last KPU_REPORT_MONTHS months and write the report."""

    def generate_context(self):
        """Nothing to add to the shared context: the report is a page of its own."""

    def generate_output(self, writer):
        """Write the report page with its tables and chart."""
        today = office_now(self.settings).date()
        divisions = [(unit["slug"], unit["name"]) for unit in units(self.settings["KPU_OFFICE"])]
        types = self.settings.get("KPU_CONTENT_TYPES", {})
        report = build_report(
            self.context.get("articles", []),
            divisions,
            types,
            today,
            self.settings["KPU_REPORT_MONTHS"],
        )
        long_labels = [format_bulan_tahun(y, m) for y, m in report.months]
        short_labels = [label[:3] + " " + label[-2:] for label in long_labels]
        first, last = long_labels[0], long_labels[-1]
        chart = stacked_bars(
            report,
            short_labels,
            f"Jumlah tulisan per bulan, {first} sampai {last}",
            f"{report.total} tulisan dalam {len(report.months)} bulan, ditumpuk per jenis konten. "
            "Angka lengkapnya ada di tabel di bawah grafik.",
        )
        url = self.settings["KPU_REPORT_URL"]
        writer.write_file(
            url + "index.html",
            self.get_template("report"),
            self.context,
            self.settings["RELATIVE_URLS"],
            url=url,
            report=report,
            month_labels=long_labels,
            short_labels=short_labels,
            chart=Markup(chart),
            period=(first, last),
        )
