"""Record which content objects a template touches while it renders one page."""

import functools

from kpu_incremental.digest import is_source_object

_TRACER = "_kpu_incremental_tracer"


class Tracer:
    """Wraps a Jinja environment's attribute access and filters to note content objects."""

    def __init__(self, env):
        self.frames = []
        getattr_, getitem = env.getattr, env.getitem

        def traced_getattr(obj, attribute):
            self.note(obj)
            return getattr_(obj, attribute)

        def traced_getitem(obj, argument):
            self.note(obj)
            return getitem(obj, argument)

        # Compiled templates call environment.getattr/getitem for every `a.b` and `a[b]`.
        env.getattr, env.getitem = traced_getattr, traced_getitem
        for name, function in list(env.filters.items()):
            env.filters[name] = self._traced_filter(function)

    def _traced_filter(self, function):
        # A filter of ours may read an item's fields in Python, out of the template's sight.
        @functools.wraps(function)
        def traced(*args, **kwargs):
            if self.frames:
                for value in args:
                    self.note(value)
                    if isinstance(value, list | tuple):
                        for item in value:
                            self.note(item)
            return function(*args, **kwargs)

        return traced

    def note(self, obj):
        """Remember `obj` for the page being rendered if it is a content object."""
        if self.frames:
            frame = self.frames[-1]
            if id(obj) not in frame and is_source_object(obj):
                frame[id(obj)] = obj

    def render(self, template, context):
        """Render `template`; return the output and the content objects it touched."""
        self.frames.append({})
        try:
            return template.render(context), list(self.frames[-1].values())
        finally:
            self.frames.pop()


def tracer_for(env):
    """Return the environment's tracer, installing it on first use."""
    tracer = env.__dict__.get(_TRACER)
    if tracer is None:
        tracer = Tracer(env)
        env.__dict__[_TRACER] = tracer
    return tracer
