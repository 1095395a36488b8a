"""A settings mistake stops the build at start-up, reported as one settings message."""

import pytest

from kpu_messages import AdminFacingError, ContentError
from kpu_settings import SettingsError
from tests.conftest import build


def test_settings_mistakes_of_two_plugins_stop_the_build_in_one_message(tmp_path):
    with pytest.raises(AdminFacingError) as error:
        build(tmp_path / "out", KPU_IMAGE_WIDTHS=(), KPU_REPORT_MONTHS=0)
    assert isinstance(error.value, SettingsError)
    assert not isinstance(error.value, ContentError)
    message = str(error.value)
    lines = message.splitlines()
    assert lines[0] == "Pengaturan di pelicanconf.py belum benar (kpu_images, kpu_report):"
    assert lines[1].startswith("- pelicanconf.py: KPU_IMAGE_WIDTHS = () tidak sah. Yang diizinkan:")
    assert lines[2].startswith("- pelicanconf.py: KPU_REPORT_MONTHS = 0 tidak sah. Yang diizinkan:")
    assert len(lines) == 3
    assert "tidak dapat dibaca" not in message and "IndexError" not in message
    assert not (tmp_path / "out").exists()  # stopped before anything was read or written
