"""The playground (lesson 07): a network learning a two-class data set in the plane, in the manner of TensorFlow Playground."""

from __future__ import annotations

import html
import math
import time
from contextlib import contextmanager

import ipywidgets as widgets
import numpy as np

from ..activations import NAMES
from ..checks import InputError, choice, number
from ..data import dataset as make_dataset
from ..data import split
from ..diagnosis import diagnose, divergence_step
from ..engine import DivergenceError, Network
from ..i18n import N_, _, ngettext, num, percent
from ..plots import PlaygroundFigure
from .base import Shown, button, column, control, heading, image, readout, row, sentences, weakly

DATASETS = {
    "xor": N_("XOR"),
    "circles": N_("circles"),
    "moons": N_("moons"),
    "spirals": N_("spirals"),
    "blobs": N_("blobs"),
}
ACTIVATIONS = {key: NAMES[key] for key in ("tanh", "relu", "sigmoid")}  # the choices offered
LAMBDAS = (0.0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
BATCH_SIZES = (100, 50, 20, 10, 5)  # besides the full batch and 1 (SGD)
MAX_LAYERS, MAX_UNITS = 6, 16
CHECKPOINTS = 25  # points on the playground's cost curves, after the first few
FIRST_PICTURE = 0.03  # seconds of training before a first picture, when more training is to come


class Playground(Shown):
    """A network learning a two-class data set in the plane, in the manner of TensorFlow Playground (lesson 07).

    Controls: data set, noise, share of test points, seed; number of hidden layers and
    neurons per layer, activation f; learning rate α, regularization λ, batch size, steps;
    buttons train (``steps`` more steps), one step, reset (a new untrained network). Moving
    a control retrains from scratch, showing a first picture after the first steps. The
    picture shows the output ŷ over the plane with the train and test points, the cost J on
    both, and the weights W^l by sign and size; under it, the scores and what went wrong, if
    anything.
    """

    def __init__(
        self,
        dataset="moons",
        noise=0.1,
        test_fraction=0.5,
        layers=2,
        neurons=8,
        f="tanh",
        alpha=0.3,
        lam=0.0,
        batch_size=None,
        steps=300,
        seed=0,
        m=200,
        points=60,
    ):
        dataset, f = choice("dataset", dataset, DATASETS), choice("f", f, ACTIVATIONS)
        noise, test_fraction = number("noise", noise, 0, 0.5), number("test_fraction", test_fraction, 0.1, 0.9)
        layers = number("layers", layers, 0, MAX_LAYERS, whole=True)
        per_layer = [neurons] * MAX_LAYERS if np.ndim(neurons) == 0 else list(neurons)
        if np.ndim(neurons) != 0 and len(per_layer) != layers:
            raise InputError(
                ngettext(
                    "`neurons` = {neurons!r} gives {count} size but `layers` = {layers}: give one size per hidden layer, or one number for all of them.",
                    "`neurons` = {neurons!r} gives {count} sizes but `layers` = {layers}: give one size per hidden layer, or one number for all of them.",
                    len(per_layer),
                ).format(neurons=neurons, count=len(per_layer), layers=layers)
            )
        per_layer = [number("neurons", k, 1, MAX_UNITS, whole=True) for k in per_layer]
        per_layer += [8] * (MAX_LAYERS - len(per_layer))
        alpha, lam = number("alpha", alpha, 1e-4, 10), number("lam", lam, 0, 10)
        batch_size = None if batch_size is None else number("batch_size", batch_size, 1, 10_000, whole=True)
        steps, seed = number("steps", steps, 10, 1000, whole=True), number("seed", seed, 0, 10**6, whole=True)
        self.m, points = number("m", m, 10, 5000, whole=True), number("points", points, 10, 200, whole=True)

        self.dataset = control(
            widgets.Dropdown, dataset, _("data set"), options=[(_(name), key) for key, name in DATASETS.items()]
        )
        self.noise = control(widgets.FloatSlider, noise, _("noise"), min=0.0, max=0.5, step=0.05, readout=False)
        self.test_fraction = control(
            widgets.FloatSlider, test_fraction, _("share of test points"), min=0.1, max=0.9, step=0.1, readout=False
        )
        self.seed = control(widgets.BoundedIntText, seed, _("seed"), min=0, max=10**6)
        self.layers = control(widgets.IntSlider, layers, _("hidden layers"), min=0, max=MAX_LAYERS)
        self.neurons = [
            control(widgets.IntSlider, k, _("layer {l}").format(l=l), min=1, max=MAX_UNITS)
            for l, k in enumerate(per_layer, start=1)
        ]
        self.neurons_label = widgets.Label(_("neurons per hidden layer:"))
        self.f = control(
            widgets.Dropdown, f, _("activation f"), options=[(_(name), key) for key, name in ACTIVATIONS.items()]
        )
        self.alpha = control(
            widgets.FloatLogSlider, alpha, _("learning rate α"), base=10, min=-4, max=1, step=0.1, readout=False
        )
        self.lam = control(
            widgets.SelectionSlider, lam, _("regularization λ"), options=[(num(v), v) for v in sorted({*LAMBDAS, lam})]
        )
        sizes = sorted({*BATCH_SIZES, 1, batch_size or 1}, reverse=True)
        batches = [(_("full batch"), 0), *((_("1 (SGD)") if b == 1 else str(b), b) for b in sizes)]
        self.batch_size = control(widgets.Dropdown, batch_size or 0, _("batch size"), options=batches)
        self.steps = control(widgets.IntSlider, steps, _("steps"), min=10, max=1000, step=10)
        self.train_button = button(_("train"), "play", _("train for more steps"))
        self.step_button = button(_("one step"), "step-forward")
        self.reset_button = button(_("reset"), "refresh", _("a new untrained network"))
        self.noise_readout, self.test_fraction_readout = readout(self.noise), readout(self.test_fraction)
        self.alpha_readout = readout(self.alpha)
        self.image = image()
        self.status, self.diagnosis = widgets.HTML(), widgets.HTML()
        self.figure = PlaygroundFigure(points)

        data = [
            self.dataset,
            widgets.HBox([self.noise, self.noise_readout]),
            widgets.HBox([self.test_fraction, self.test_fraction_readout]),
            self.seed,
        ]
        training = [
            widgets.HBox([self.alpha, self.alpha_readout]),
            self.lam,
            self.batch_size,
            self.steps,
            row([self.train_button, self.step_button, self.reset_button]),
        ]
        network = [heading(_("Network")), self.layers, self.neurons_label, *self.neurons, self.f]
        self._own(
            widgets.VBox(
                [
                    row(
                        [
                            column([heading(_("Data")), *data]),
                            column(network),
                            column([heading(_("Training")), *training]),
                        ]
                    ),
                    self.image,
                    self.status,
                    self.diagnosis,
                ]
            )
        )
        self._held, self._pending, self._data_key = 0, False, None
        controls = [self.dataset, self.noise, self.test_fraction, self.seed, self.layers, *self.neurons, self.f]
        for widget in [*controls, self.alpha, self.lam, self.batch_size, self.steps]:
            widget.observe(weakly(self._changed), names="value")
        self.train_button.on_click(weakly(self._train_clicked))
        self.step_button.on_click(weakly(self._step_clicked))
        self.reset_button.on_click(weakly(self._reset_clicked))
        self._show_neuron_sliders()
        self.retrain()

    @property
    def sizes(self) -> list[int]:
        """n^0, n^1, …, n^n as the sliders say: 2 inputs, the hidden layers, 1 output."""
        return [2, *(slider.value for slider in self.neurons[: self.layers.value]), 1]

    def _show_neuron_sliders(self):
        for l, slider in enumerate(self.neurons, start=1):
            slider.layout.display = None if l <= self.layers.value else "none"
        self.neurons_label.layout.display = None if self.layers.value else "none"

    def _changed(self, change):
        self._show_neuron_sliders()
        if self._held:
            self._pending = True
        else:
            self.retrain()

    def _train_clicked(self, _button):
        self.train()

    def _step_clicked(self, _button):
        self.train(1)

    def _reset_clicked(self, _button):
        self.reset()

    @contextmanager
    def hold(self):
        """Change several controls inside ``with pg.hold():`` and retrain once, at the end."""
        self._held += 1
        try:
            yield self
        finally:
            self._held -= 1
            if not self._held and self._pending:
                self._pending = False
                self.retrain()

    def _make_data(self):
        key = (self.dataset.value, self.noise.value, self.test_fraction.value, self.seed.value)
        if key == self._data_key:
            return
        x, y = make_dataset(self.dataset.value, m=self.m, noise=self.noise.value, seed=self.seed.value)
        self.x_train, self.y_train, self.x_test, self.y_test = split(
            x, y, self.test_fraction.value, seed=self.seed.value
        )
        self.x_all, self.y_all = np.hstack([self.x_train, self.x_test]), np.hstack([self.y_train, self.y_test])
        self.figure.show_data(self.x_train, self.y_train, self.x_test, self.y_test)
        self._data_key = key

    def _record(self):
        """J on the train points and on the test points, without the λ term so that the two compare."""
        with np.errstate(all="ignore"):
            L = self.net.losses(self.x_all, self.y_all)
        m = self.x_train.shape[1]
        self.checkpoints.append(self.t)
        self.J_train.append(float(L[:m].mean()))
        self.J_test.append(float(L[m:].mean()))

    def reset(self, draw=True):
        """A new untrained network with the sizes, activation and seed of the controls (the reset button)."""
        self._make_data()
        self.net = Network(self.sizes, f=self.f.value, f_out="sigmoid", seed=self.seed.value)
        self.t, self.diverged_at, self.planned = 0, None, self.steps.value
        self.checkpoints, self.J_train, self.J_test, self.history = [], [], [], []
        self._record()
        if draw:
            self.draw()

    def train(self, steps=None):
        """Train for ``steps`` more steps (the steps slider's value by default), then redraw (the train and step buttons).

        When the training takes long, a first picture comes after the first steps. A cost
        that becomes infinite stops the training; one that ends far above its start is
        reported at the end (the engine's rule, lesson 06).
        """
        steps = self.steps.value if steps is None else number("steps", steps, 1, 10_000, whole=True)
        chunk = max(1, math.ceil(self.steps.value / CHECKPOINTS))
        self.planned = max(self.planned, self.t + steps)
        start, shown, done, stopped = time.perf_counter(), False, 0, False
        while done < steps and not stopped:
            # Checkpoints 1, 2, 4, 8… steps apart, then every chunk: the cost changes fastest at the start.
            k = min(chunk, steps - done, max(1, self.t))
            try:
                self.history += self.net.train(
                    self.x_train,
                    self.y_train,
                    self.alpha.value,
                    batch_size=self.batch_size.value or None,
                    lam=self.lam.value,
                    seed=self.seed.value + self.t,
                    steps=k,
                )
                self.t += k
            except DivergenceError as error:
                self.history += error.history
                self.t += error.step
                stopped = True
            done += k
            self._record()
            if not shown and done < steps and time.perf_counter() - start > FIRST_PICTURE:
                self.draw()  # the first picture, while the rest trains
                shown = True
        self.diverged_at = divergence_step(self.history)
        self.draw()

    def retrain(self):
        """Data, a new network and ``steps`` steps of training, from the controls: what moving a control does."""
        self.reset(draw=False)
        self.train()

    def draw(self):
        """Redraw the picture, the scores and the diagnosis."""
        self.figure.show_network(self.net)
        self.figure.show_losses(self.checkpoints, self.J_train, self.J_test, self.diverged_at, self.planned)
        self.image.value = self.figure.png()
        with np.errstate(all="ignore"):
            accuracy = self.net.accuracy(self.x_test, self.y_test)
        self.status_text = ngettext(
            "Network {sizes} after {steps} step: cost J = {train} on the train points, {test} on the test points; {accuracy} of the test points are classified correctly.",
            "Network {sizes} after {steps} steps: cost J = {train} on the train points, {test} on the test points; {accuracy} of the test points are classified correctly.",
            self.t,
        ).format(
            sizes="-".join(map(str, self.net.sizes)),
            steps=self.t,
            train=num(self.J_train[-1]),
            test=num(self.J_test[-1]),
            accuracy=percent(accuracy),
        )
        self.status.value = html.escape(self.status_text)
        self.messages = diagnose(
            self.net, self.x_train, self.y_train, self.history or self.J_train, self.alpha.value, self.lam.value,
            diverged_at=self.diverged_at,
        )  # fmt: skip
        self.diagnosis.value = sentences(self.messages)

    def summary(self) -> str:
        """The scores and the diagnosis as plain text, for a checked cell (``print(pg.summary())``)."""
        return "\n".join([self.status_text, *self.messages])

    def text(self):
        return _("Playground: {dataset}, network {sizes}, α = {alpha}").format(
            dataset=_(DATASETS[self.dataset.value]), sizes="-".join(map(str, self.sizes)), alpha=num(self.alpha.value)
        )
