"""Backpropagation, step by step: the engine and tools behind the course's lessons.

``import course`` is light: each public name (``course.start``, ``course.Network``…) imports its module,
with numpy and Babel, the first time it is used. So ``python -m course check`` can run, and say what
is missing, on a machine where numpy or Babel is not installed.
"""

from importlib import import_module

# The module of each public name.
_MODULES = {
    "InputError": "checks",
    "DivergenceError": "engine",
    "Network": "engine",
    "ShapeError": "engine",
    "backprop_by_example": "engine",
    "layer_backward": "engine",
    "layer_forward": "engine",
    "CourseError": "i18n",
    "_": "i18n",
    "get_language": "i18n",
    "ngettext": "i18n",
    "num": "i18n",
    "pgettext": "i18n",
    "set_language": "i18n",
    "show": "notebook",
    "start": "notebook",
}

__all__ = sorted(_MODULES)
__version__ = "0.1.0"


def __getattr__(name: str):
    """``course.Network``, ``from course import start``: the name from its module, imported now (PEP 562)."""
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
