"""Bundle the theme's per-component stylesheets into one fingerprinted file."""

from pelican import signals

from kpu_assets.handlers import plan_stylesheet, write_stylesheet


def register():
    """Plan the bundle before templates render (they link it), write it at the end."""
    signals.initialized.connect(plan_stylesheet)
    signals.finalized.connect(write_stylesheet)
