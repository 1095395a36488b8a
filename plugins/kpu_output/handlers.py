"""Signal handlers of kpu_output: build into a staging folder, swap it in once all passed."""

import logging
import os

from pelican import contents, signals
from pelican.utils import memoized

from kpu_buildstate import contract
from kpu_output.folders import prepare_staging, staging_path, swap_in

logger = logging.getLogger(__name__)


def start(pelican):
    """Start the build's contract and point Pelican at a fresh staging folder.

    At `initialized`, before Pelican copies its settings into the context, so every plugin
    and template sees the staging folder as OUTPUT_PATH. The handler that publishes it is
    connected here, after every plugin's register(): it runs after the output check.
    """
    settings = pelican.settings
    forget_earlier_builds()
    state = contract.start_build(settings)
    live = os.path.abspath(pelican.output_path)
    state.live_output = live
    if os.path.isdir(live) and os.listdir(live):
        state.previous = live
    if not pelican.delete_outputdir:
        # Pelican keeps what is already in the output: build in place, as it always has.
        logger.info("[kpu_output] DELETE_OUTPUT_DIRECTORY=False: output tidak diganti utuh")
        return
    state.staging = staging_path(live)
    pelican.output_path = settings["OUTPUT_PATH"] = state.staging
    signals.finalized.connect(publish)


def make_staging(pelican):
    """Make the staging folder empty, once the build really runs (not at a settings error)."""
    state = contract.build(pelican.settings)
    if state.staging:
        prepare_staging(state.live_output, pelican.output_retention)


def publish(pelican):
    """Swap the finished site in, once every plugin (the output check last) has passed."""
    settings = pelican.settings
    state = contract.build(settings)
    if not state.staging or pelican.output_path != state.staging:
        return
    contract.finish_background_work(settings)
    swap_in(state.staging, state.live_output)
    pelican.output_path = settings["OUTPUT_PATH"] = state.live_output
    state.staging = ""
    for function in state.after_publish:
        function(state.live_output)
    forget_earlier_builds()


def forget_earlier_builds():
    """Empty Pelican's memo of rendered content, which holds every item of every build.

    `Content.get_content` and `get_summary` keep their results, keyed by the item, in one
    memo per class for the life of the process: a long preview would keep each earlier
    build's items, settings and state alive.
    """
    for value in vars(contents.Content).values():
        if isinstance(value, memoized):
            value.cache.clear()
