"""Run one Pelican build in this process and print its figures as JSON (used by bench.run)."""

import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))


def main(conf, content, output, cache, mode):
    """Build once; report wall time, peak memory, pages written and images encoded."""
    from pelican import Pelican
    from pelican.settings import read_settings

    overrides = {"PATH": content, "OUTPUT_PATH": output, "CACHE_PATH": cache}
    if mode == "preview":  # as `invoke livereload` rebuilds: search indexes after the reload
        overrides["KPU_SEARCH_WAIT"] = False
    if mode == "plain":
        # The reference: Pelican's defaults (its own theme, no plugins) on the same news
        # Markdown; the kit's pages are left out because they name the kit's templates.
        overrides.update(
            ARTICLE_PATHS=["berita"], PAGE_PATHS=[], STATIC_PATHS=["images"], TIMEZONE="UTC"
        )
        settings = read_settings(None, override=overrides)
    else:
        settings = read_settings(conf, override=overrides)
    started = time.perf_counter()
    Pelican(settings).run()
    seconds = time.perf_counter() - started
    pages = sum(1 for _ in Path(output).rglob("*.html"))
    state = settings.get("KPU_IMAGE_STATE")
    pages_state = settings.get("KPU_INCREMENTAL_STATE")
    print(
        json.dumps(
            {
                "seconds": seconds,
                "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "pages": pages,
                # Pages and feeds rendered this build (the rest were kept from the last one).
                "rendered": pages_state.rendered if pages_state else pages,
                "images_encoded": state.encoded if state else 0,
            }
        )
    )


if __name__ == "__main__":
    conf, content, output, cache, mode = sys.argv[1:6]
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main(conf, content, output, cache, mode)
