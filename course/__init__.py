"""Backpropagation, step by step: the engine and tools behind the course's lessons."""

from .checks import InputError
from .engine import DivergenceError, Network, ShapeError, backprop_by_example, layer_backward, layer_forward
from .i18n import CourseError, _, get_language, ngettext, num, pgettext, set_language
from .notebook import show, start

__all__ = [
    "CourseError",
    "DivergenceError",
    "InputError",
    "Network",
    "ShapeError",
    "_",
    "backprop_by_example",
    "get_language",
    "layer_backward",
    "layer_forward",
    "ngettext",
    "num",
    "pgettext",
    "set_language",
    "show",
    "start",
]
__version__ = "0.1.0"
