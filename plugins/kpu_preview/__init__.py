"""The preview server of `invoke livereload` (not a Pelican plugin: it has no register()).

It serves output/ as livereload does, shows the last build's failure as a banner on every
page it serves (never written into output/, so it cannot reach a published site), and
restarts the task when plugin code or settings change, so builds always run the code on disk.
"""
