"""The gradient-norms explorer (lesson 11): how depth, activation and the scale of the initial weights make gradients vanish or explode."""

from __future__ import annotations

import html

import ipywidgets as widgets
import numpy as np

from ..checks import choice, number
from ..data import moons
from ..diagnosis import gradient_verdict
from ..engine import Network
from ..i18n import _, num
from ..plots import GradientNormsFigure
from .base import Shown, column, control, image, readout, row, weakly
from .playground import ACTIVATIONS

MAX_DEPTH = 20


class GradientNorms(Shown):
    """‖dW^l‖ and ‖db^l‖ of every layer of a deep network after one backward pass, on a log scale (lesson 11).

    Sliders choose the number of layers n, the activation f of the hidden layers (the output
    is one sigmoid unit with binary cross-entropy) and the scale s of the initial weights:
    W^l ~ N(0, s²/n^{l-1}), so s = 1 is LeCun, s = √2 is He, and s = √10 is N(0, 1) for
    layers of 10 units. Every hidden layer has ``width`` units; the examples are ``m`` points
    of the moons data set. Under the plot, :func:`course.diagnosis.gradient_verdict` says
    whether the gradients vanish or explode.
    """

    def __init__(self, depth=10, f="sigmoid", scale=1.0, width=10, m=50, seed=0):
        depth = number("depth", depth, 2, MAX_DEPTH, whole=True)
        f = choice("f", f, ACTIVATIONS)
        scale = number("scale", scale, 0.1, 10)
        self.width = number("width", width, 1, 64, whole=True)
        self.seed = number("seed", seed, 0, 10**6, whole=True)
        self.x, self.y = moons(m=number("m", m, 2, 5000, whole=True), seed=self.seed)
        self.depth = control(widgets.IntSlider, depth, _("layers n"), min=2, max=MAX_DEPTH)
        self.f = control(
            widgets.Dropdown, f, _("activation f"), options=[(_(name), key) for key, name in ACTIVATIONS.items()]
        )
        self.scale = control(
            widgets.FloatLogSlider, scale, _("scale s of the weights"), base=10, min=-1, max=1, step=0.05, readout=False
        )
        self.scale_readout = readout(self.scale)
        self.image, self.verdict = image(), widgets.HTML()
        self.figure = GradientNormsFigure()
        controls = column([self.depth, self.f, widgets.HBox([self.scale, self.scale_readout])])
        self._own(widgets.VBox([row([controls]), self.image, self.verdict]))
        for control_ in (self.depth, self.f, self.scale):
            control_.observe(weakly(self._changed), names="value")
        self.run()

    @property
    def sizes(self) -> list[int]:
        return [2, *[self.width] * (self.depth.value - 1), 1]

    def _changed(self, _change):
        self.run()

    def run(self):
        """A new network with the chosen settings, one forward and one backward pass, then the picture: what a control does."""
        net = Network(self.sizes, f=self.f.value, f_out="sigmoid", init="lecun", seed=self.seed)
        for l in range(1, net.n + 1):
            net.W[l] = self.scale.value * net.W[l]  # N(0, 1/n^{l-1}) times s: N(0, s²/n^{l-1})
        with np.errstate(all="ignore"):
            net.forward(self.x)
            net.backward(self.y)
        self.net = net
        self.dW_norms = {l: float(np.linalg.norm(net.dW[l])) for l in range(1, net.n + 1)}
        self.db_norms = {l: float(np.linalg.norm(net.db[l])) for l in range(1, net.n + 1)}
        self.figure.show(self.dW_norms, self.db_norms)
        self.image.value = self.figure.png()
        self.verdict.value = html.escape(self.summary())

    def summary(self) -> str:
        """What the gradients do, in one or two sentences with every ‖dW^l‖: the verdict under the plot."""
        return gradient_verdict(self.net)

    def text(self):
        return _("Gradient norms: network {sizes}, {activation}, scale s = {scale}").format(
            sizes="-".join(map(str, self.sizes)), activation=_(ACTIVATIONS[self.f.value]), scale=num(self.scale.value)
        )


__all__ = ["GradientNorms"]
