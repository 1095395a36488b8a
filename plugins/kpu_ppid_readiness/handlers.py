"""Signal handlers of kpu_ppid_readiness."""

import logging

from kpu_ppid_readiness.report import GENERATOR_KEY, ReadinessGenerator
from kpu_ppid_readiness.settings import SCHEMA
from kpu_settings import apply_schema

logger = logging.getLogger(__name__)


def apply_settings(pelican):
    """Check the KPU_READINESS_* settings."""
    apply_schema(pelican.settings, SCHEMA, "kpu_ppid_readiness")


def add_generator(pelican):
    """Add the generator that keeps the PPID context for the report."""
    return ReadinessGenerator


def write_report(pelican):
    """Write the readiness page once every page is on disk; gaps never stop the build."""
    generator = pelican.settings.pop(GENERATOR_KEY, None)
    if generator is None:
        return
    report = generator.write_report(pelican.output_path)
    logger.info(
        "[kpu_ppid_readiness] kesiapan PPID: skor %s (%s), %d hal wajib belum lengkap",
        report["overall"],
        report["grade"],
        len(report["gaps"]),
    )
