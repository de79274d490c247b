"""The gradient-check view (lesson 05): every entry of every dW^l and db^l against finite differences, as a picture."""

from __future__ import annotations

import html

import ipywidgets as widgets

from ..checks import number
from ..diagnosis import gradient_check_verdict
from ..gradcheck import gradient_check
from ..i18n import _
from ..plots import GradientCheckFigure
from .base import Shown, image


class GradientCheckView(Shown):
    """The relative error of every entry of every dW^l and db^l against finite differences, as a picture (lesson 05).

    Checks ``net``'s own backward pass on (x, y), or the learner's ``dW`` and ``db`` (dicts
    l → array) if given; one small heat map per layer, log colour scale, the worst entry
    framed, and a sentence saying whether and where the backward pass is wrong.
    """

    def __init__(self, net, x, y, lam=0.0, dW=None, db=None, eps=1e-5):
        self.net, self.x, self.y = net, x, y
        self.lam, self.eps = number("lam", lam, 0, 1e6), number("eps", eps, 1e-10, 1e-2)
        self.image, self.verdict = image(), widgets.HTML()
        self._own(widgets.VBox([self.image, self.verdict]))
        self.update(dW, db)

    def update(self, dW=None, db=None):
        """Check again, for instance with the learner's corrected dW and db."""
        self.check = gradient_check(self.net, self.x, self.y, lam=self.lam, dW=dW, db=db, eps=self.eps)
        self.figure = GradientCheckFigure(self.check)
        self.image.value = self.figure.png()
        self.verdict.value = html.escape(self.summary())

    def summary(self) -> str:
        """Whether the backward pass is right, and where it is wrong, as plain text."""
        return gradient_check_verdict(self.check)

    def text(self):
        # No error value here: its last digits depend on the machine's rounding.
        return _("Gradient check of network {sizes}").format(sizes="-".join(map(str, self.net.sizes)))
