"""The benchmark must keep working: run it once at N=50 (timings are not asserted)."""

import json
import subprocess
import sys

from tests.conftest import ROOT


def test_invoke_bench_runs_at_n50_and_writes_every_scenario(tmp_path):
    output = tmp_path / "bench.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "bench",
            "--sizes",
            "50",
            "--runs",
            "1",
            "--work",
            str(tmp_path / "work"),
            "--output",
            str(output),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    (figures,) = json.loads(output.read_text(encoding="utf-8"))
    scenarios = figures["scenarios"]
    assert set(scenarios) == {
        "a_cold",
        "a_warm_images",
        "b_nochange",
        "c_edit",
        "d_preview",
        "e_plain",
        "f_gh_pages",
    }
    assert scenarios["a_cold"]["images_encoded"] == 2  # N/20 photos
    assert scenarios["b_nochange"]["images_encoded"] == 0
    assert scenarios["a_cold"]["pages"] > scenarios["e_plain"]["pages"] > 50
    assert figures["photo_encoding"]["photos"] == 2
    assert figures["photo_encoding"]["ms_landscape"] > 0
    assert "x plain" in result.stdout
    assert "first-time encoding" in result.stdout
