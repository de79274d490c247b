"""The α explorer (lesson 06): one network, from the same initial weights, trained with several learning rates."""

from __future__ import annotations

import html
from collections import OrderedDict
from typing import NamedTuple

import ipywidgets as widgets

from ..checks import choice, number, numbers_list
from ..data import dataset as make_dataset
from ..diagnosis import diagnose
from ..engine import DivergenceError, Network
from ..i18n import _, ngettext, num
from ..plots import AlphaFigure
from .base import Shown, control, image, readout, row, sentences, weakly
from .playground import ACTIVATIONS, DATASETS

CACHE = 32  # trained runs kept for the slider's next moves (the oldest goes first)


class Run(NamedTuple):
    """One training run of the α explorer: its α, the cost per step, and the step where it diverged (or None)."""

    alpha: float
    history: list
    diverged_at: int | None


class AlphaExplorer(Shown):
    """The same network, from the same initial weights, trained with several learning rates α (lesson 06).

    The cost curves share one plot (log scale); the chosen α, on the slider, is drawn thick;
    a diverged run ends with a red cross and its legend says at which step, following the
    engine's rule: the cost became infinite, or it ended far above where it started (a curve
    that jumps up and comes back down has recovered). :meth:`summary` gives the final cost
    per α as text, for a checked cell.
    """

    def __init__(
        self,
        alpha=0.3,
        alphas=(0.001, 0.01, 0.1, 1.0, 10.0),
        dataset="moons",
        hidden=(8, 8),
        f="tanh",
        steps=200,
        batch_size=None,
        m=200,
        noise=0.1,
        seed=0,
    ):
        alpha = number("alpha", alpha, 1e-4, 10)
        self.alphas = numbers_list("alphas", alphas, 1e-6, 1e6)
        self.hidden = numbers_list("hidden", hidden, 1, 64, whole=True)
        self.dataset_name, f = choice("dataset", dataset, DATASETS), choice("f", f, ACTIVATIONS)
        steps = number("steps", steps, 10, 1000, whole=True)
        self.batch_size = None if batch_size is None else number("batch_size", batch_size, 1, 10_000, whole=True)
        self.seed = number("seed", seed, 0, 10**6, whole=True)
        m, noise = number("m", m, 10, 5000, whole=True), number("noise", noise, 0, 0.5)
        self.x, self.y = make_dataset(self.dataset_name, m=m, noise=noise, seed=self.seed)
        self.alpha = control(
            widgets.FloatLogSlider, alpha, _("learning rate α"), base=10, min=-4, max=1, step=0.1, readout=False
        )
        self.alpha_readout = readout(self.alpha)
        self.steps = control(widgets.IntSlider, steps, _("steps"), min=10, max=1000, step=10)
        self.f = control(
            widgets.Dropdown, f, _("activation f"), options=[(_(name), key) for key, name in ACTIVATIONS.items()]
        )
        self.image = image()
        self.result, self.diagnosis = widgets.HTML(), widgets.HTML()
        self.figure = AlphaFigure()
        self._own(
            widgets.VBox(
                [
                    row([widgets.HBox([self.alpha, self.alpha_readout]), self.steps, self.f]),
                    self.image,
                    self.result,
                    self.diagnosis,
                ]
            )
        )
        self._cache = OrderedDict()
        for widget in (self.alpha, self.steps, self.f):
            widget.observe(weakly(self._changed), names="value")
        self.run()

    @property
    def sizes(self) -> list[int]:
        return [2, *self.hidden, 1]

    def _changed(self, _change):
        self.run()

    def _train(self, alpha) -> tuple[Run, Network]:
        key = (alpha, self.steps.value, self.f.value)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        net = Network(self.sizes, f=self.f.value, f_out="sigmoid", seed=self.seed)
        try:
            history = net.train(self.x, self.y, alpha, steps=self.steps.value, batch_size=self.batch_size)
            run = Run(alpha, list(history), history.overshoot)
        except DivergenceError as error:
            run = Run(alpha, error.history, error.step)
        self._cache[key] = run, net
        while len(self._cache) > CACHE:
            self._cache.popitem(last=False)
        return run, net

    def run(self):
        """Train with every α (from the cache when nothing changed but the chosen α), then redraw: what a control does."""
        trained = [self._train(alpha) for alpha in (*self.alphas, self.alpha.value)]
        self.runs = [run for run, _net in trained]
        chosen, net = trained[-1]
        self.figure.show(self.runs, chosen=len(self.runs) - 1)
        self.image.value = self.figure.png()
        self.result.value = f"<pre>{html.escape(self.summary())}</pre>"
        tried = {run.alpha: run.history for run in self.runs[:-1]}
        self.messages = diagnose(
            net, self.x, self.y, chosen.history, chosen.alpha, tried=tried, diverged_at=chosen.diverged_at
        )
        self.diagnosis.value = sentences(self.messages)

    def summary(self) -> str:
        """The final cost for each α (or the step where it diverged), one line per α, the chosen α last."""
        lines = []
        for k, run in enumerate(self.runs):
            label = (_("α = {alpha} (your choice)") if k == len(self.runs) - 1 else _("α = {alpha}")).format(
                alpha=num(run.alpha)
            )
            if run.diverged_at is not None:
                lines.append(_("{run}: diverged at step {step}").format(run=label, step=run.diverged_at))
            else:
                steps = len(run.history)
                lines.append(
                    ngettext(
                        "{run}: cost {loss} after {steps} step", "{run}: cost {loss} after {steps} steps", steps
                    ).format(run=label, loss=num(run.history[-1]), steps=steps)
                )
        return "\n".join(lines)

    def text(self):
        return _("α explorer: network {sizes} on {dataset}, your α = {alpha}").format(
            sizes="-".join(map(str, self.sizes)), dataset=_(DATASETS[self.dataset_name]), alpha=num(self.alpha.value)
        )
