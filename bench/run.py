"""Measure the kit against plain Pelican on one synthetic corpus; print a table, write JSON.

Every build runs in a fresh process (as a real build would) so peak memory is its own.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.generate import generate

ROOT = Path(__file__).resolve().parent.parent
DEV, PUBLISH = ROOT / "pelicanconf.py", ROOT / "publishconf.py"


def build(work, conf, output, cache, mode="kit"):
    """Run bench/build_once.py in a new process and return its figures."""
    command = [
        sys.executable,
        str(ROOT / "bench" / "build_once.py"),
        str(conf),
        str(work / "content"),
        str(work / output),
        str(work / cache),
        mode,
    ]
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"build failed: {result.stderr[-2000:]}")
    # The figures are the last JSON line (the search index may report after them).
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    figures = json.loads(lines[-1])
    figures["wall"] = time.perf_counter() - started
    return figures


def photo_encoding(work, sample=24):
    """Run bench/encode_photos.py in a new process on a sample of the corpus photos."""
    command = [
        sys.executable,
        str(ROOT / "bench" / "encode_photos.py"),
        str(work / "content" / "images"),
        str(sample),
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(result.stdout.splitlines()[-1])


def preview(work, edits=3):
    """Run bench/preview_once.py: the live preview's save-to-page times on the corpus."""
    command = [
        sys.executable,
        str(ROOT / "bench" / "preview_once.py"),
        str(DEV),
        str(work / "content"),
        str(work / "out-dev"),
        str(work / "cache"),
        str(edits),
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise RuntimeError(f"preview failed: {result.stderr[-2000:]}{result.stdout[-2000:]}")
    figures = json.loads(result.stdout.splitlines()[-1])
    return {
        # From the save to the edited page rewritten on disk (the figure the target is on).
        "seconds": statistics.median(figures["page"]),
        "wall": statistics.median(figures["full"]),  # to the full build's pages written
        "search_done": statistics.median(figures["idle"]),
        "peak_mb": figures["peak_mb"],
        "pages": 1,
        "rendered": 1,
        "images_encoded": 0,
    }


def gh_pages(work):
    """Time what `invoke gh-pages --no-push` does after an edit: the publish build, then
    ghp-import committing the output to the gh-pages branch of the corpus's repository."""
    if not (work / ".git").exists():
        subprocess.run(["git", "init", "-q", str(work)], check=True)
    figures = build(work, PUBLISH, "out", "cache")
    started = time.perf_counter()
    command = [sys.executable, "-m", "ghp_import", "--no-jekyll", "--force"]
    command += ["--branch", "gh-pages", "--message", "Terbitkan situs", str(work / "out")]
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "bench",
        "GIT_AUTHOR_EMAIL": "bench@localhost",
        "GIT_COMMITTER_NAME": "bench",
        "GIT_COMMITTER_EMAIL": "bench@localhost",
    }
    subprocess.run(command, cwd=work, check=True, capture_output=True, env=environment)
    figures["ghp_import"] = time.perf_counter() - started
    figures["wall"] += figures["ghp_import"]
    figures["seconds"] = figures["wall"]  # the whole command: process start to the commit
    return figures


def _edit_one(work, round_number):
    path = sorted((work / "content" / "berita").glob("*.md"))[len(work.name) % 7]
    text = path.read_text(encoding="utf-8")
    path.write_text(text + f"\nSunting {round_number}.\n", encoding="utf-8")


def _keep_only_images(work):
    """Empty the output and every cache but the encoded images: scenario (a) with warm images."""
    shutil.rmtree(work / "out")
    for folder in (work / "cache").iterdir():
        if folder.name != "kpu_images":
            shutil.rmtree(folder) if folder.is_dir() else folder.unlink()


def _median(runs):
    keys = runs[0].keys()
    return {k: statistics.median(r[k] for r in runs) for k in keys} | {"runs": len(runs)}


def measure(news, runs, work_root):
    """Run every scenario `runs` times on one corpus of `news` items; return the figures."""
    work = Path(work_root) / f"n{news}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    generate(work, news)
    scenarios = {
        key: []
        for key in (
            "a_cold",
            "a_warm_images",
            "b_nochange",
            "c_edit",
            "d_preview",
            "e_plain",
            "f_gh_pages",
        )
    }
    for round_number in range(runs):
        for folder in ("cache", "out", "out-dev", "cache-plain", "out-plain"):
            shutil.rmtree(work / folder, ignore_errors=True)
        scenarios["a_cold"].append(build(work, PUBLISH, "out", "cache"))
        _keep_only_images(work)
        scenarios["a_warm_images"].append(build(work, PUBLISH, "out", "cache"))
        scenarios["b_nochange"].append(build(work, PUBLISH, "out", "cache"))
        _edit_one(work, round_number)
        scenarios["c_edit"].append(build(work, PUBLISH, "out", "cache"))
        _edit_one(work, round_number + 200)
        scenarios["f_gh_pages"].append(gh_pages(work))
        scenarios["d_preview"].append(preview(work))
        scenarios["e_plain"].append(build(work, None, "out-plain", "cache-plain", mode="plain"))
    result = {"news": news, "ppid": news // 5, "photos": max(1, news // 20)}
    result["scenarios"] = {name: _median(values) for name, values in scenarios.items()}
    result["photo_encoding"] = photo_encoding(work)
    return result


def table(results):
    """Format results with ratios to plain Pelican, measured in the same run."""
    lines = [
        f"{'N':>6} {'scenario':15} {'median s':>9} {'x plain':>8} {'wall s':>7} {'peak MB':>8} "
        f"{'pages':>6} {'rendered':>8} {'images':>6}"
    ]
    for result in results:
        plain = result["scenarios"]["e_plain"]["seconds"]
        for name, figures in result["scenarios"].items():
            lines.append(
                f"{result['news']:>6} {name:15} {figures['seconds']:>9.2f} "
                f"{figures['seconds'] / plain:>8.2f} {figures['wall']:>7.2f} "
                f"{figures['peak_mb']:>8.0f} "
                f"{figures['pages']:>6.0f} {figures.get('rendered', 0):>8.0f} "
                f"{figures['images_encoded']:>6.0f}"
            )
        encoding = result["photo_encoding"]
        lines.append(
            f"{result['news']:>6} first-time encoding of one 3000x2000 photo on one core: "
            f"median {encoding['ms_median']:.0f} ms over {encoding['photos']} photos "
            f"(landscape {encoding['ms_landscape']:.0f} ms, "
            f"rotated to portrait {encoding['ms_rotated']:.0f} ms)"
        )
    return "\n".join(lines)


def main(sizes, runs, work_root, output):
    """Measure each size, print the table and write the JSON file."""
    results = [measure(n, runs, work_root) for n in sizes]
    print(table(results))
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results
