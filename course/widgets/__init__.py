"""The course's interactive widgets, one module each: the gradient-check view (lesson 05), the α
explorer (lesson 06), the playground (lesson 07), the backpropagation stepper (lesson 09) and the
gradient-norms explorer (lesson 11).

They need nothing but ipywidgets in the browser: matplotlib draws each figure into a PNG
shown in an ``ipywidgets.Image``. Each widget shows itself in a notebook; its controls are
attributes (``pg.alpha.value = 1``, ``pg.train_button.click()``). Without a kernel (a
notebook exported to HTML, or viewed on a web page) the cell still shows a picture of the
initial state: the display bundle holds, beside the widget view, an ``image/png`` (or
``text/html``) and a ``text/plain`` line. What they share is in :mod:`course.widgets.base`.
"""

from .alpha_explorer import AlphaExplorer
from .gradient_check_view import GradientCheckView
from .gradient_norms import GradientNorms
from .playground import Playground
from .stepper import Stepper, backprop_steps

__all__ = ["AlphaExplorer", "GradientCheckView", "GradientNorms", "Playground", "Stepper", "backprop_steps"]
