"""The course's interactive widgets: the gradient-check view (lesson 05), the α explorer
(lesson 06), the playground (lesson 07) and the backpropagation stepper (lesson 09).

They need nothing but ipywidgets in the browser: matplotlib draws each figure into a PNG
shown in an ``ipywidgets.Image``. Every word goes through ``_()`` and every number through
``num()``, in the language set before the widget is made. A decimal slider hides its own
readout (the browser would write ``0.05``) and a label beside it shows the value.

Each widget shows itself in a notebook; its controls are attributes (``pg.alpha.value =
1``, ``pg.train_button.click()``). Without a kernel (a notebook exported to HTML, or viewed
on a web page) the cell still shows a picture of the initial state: the display bundle
holds, beside the widget view, an ``image/png`` (or ``text/html``) and a ``text/plain`` line.
"""

from __future__ import annotations

import base64
import html
import math
from contextlib import contextmanager
from typing import NamedTuple

import ipywidgets as widgets
import numpy as np

from . import losses
from .activations import NAMES, activation
from .data import dataset as make_dataset
from .data import split
from .diagnosis import diagnose, divergence_step, gradient_check_verdict
from .engine import DivergenceError, Network
from .gradcheck import gradient_check
from .i18n import N_, _, ngettext, num, percent
from .notebook import tex_matrix, tex_number
from .plots import AlphaFigure, GradientCheckFigure, PlaygroundFigure

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
CHECKPOINTS = 25  # points on the playground's loss curves, after the first few

STYLE = {"description_width": "initial"}  # French and Spanish descriptions are longer: never cut them


def _control(kind, value, description, width="280px", **options):
    if "continuous_update" in kind.class_trait_names():
        options.setdefault("continuous_update", False)  # retrain when the slider is released, not while it moves
    return kind(value=value, description=description, style=STYLE, layout=widgets.Layout(width=width), **options)


def _readout(slider, digits=3):
    """A label showing the slider's value with num(), kept up to date."""
    label = widgets.Label(num(slider.value, digits), layout=widgets.Layout(width="auto", min_width="3.5em"))
    slider.observe(lambda change: setattr(label, "value", num(change["new"], digits)), names="value")
    return label


def _column(children):
    return widgets.VBox(children, layout=widgets.Layout(width="340px", margin="0 8px 8px 0"))


def _row(children):
    return widgets.HBox(children, layout=widgets.Layout(flex_flow="row wrap"))  # columns wrap on a narrow page


def _image():
    # Shown at its own size (never stretched, so never blurred), narrower if the page is narrow.
    return widgets.Image(format="png", layout=widgets.Layout(align_self="flex-start", max_width="100%", height="auto"))


def _button(description, icon, tooltip=""):
    layout = widgets.Layout(width="auto", flex="0 0 auto")  # as wide as its words, in every language
    return widgets.Button(description=description, icon=icon, tooltip=tooltip, layout=layout)


def _heading(text):
    return widgets.HTML(f"<b>{html.escape(text)}</b>")


def _sentences(sentences):
    return "".join(f'<div style="color:#b00000">⚠ {html.escape(s)}</div>' for s in sentences)


class _Shown:
    """What every widget of this module shares: ``.widget`` is the box shown in the notebook."""

    widget: widgets.Box

    def text(self) -> str:
        """One line describing the widget's state (its ``text/plain`` form)."""
        raise NotImplementedError

    def static(self) -> dict:
        """The picture shown by front ends without widgets: ``{mimetype: data}``."""
        return {"image/png": base64.b64encode(self.image.value).decode("ascii")}

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle.update(self.static())
        bundle["text/plain"] = self.text()
        return bundle

    def __repr__(self):
        return self.text()


class Playground(_Shown):
    """A network learning a two-class data set in the plane, in the manner of TensorFlow Playground (lesson 07).

    Controls: data set, noise, share of test points, seed; number of hidden layers and
    neurons per layer, activation f; learning rate α, regularization λ, batch size, steps;
    buttons train (``steps`` more steps), one step, reset (a new untrained network). Moving
    a control retrains from scratch. The picture shows the output ŷ over the plane with the
    train and test points, the loss J on both, and the weights W^l by sign and size; under
    it, the scores and what went wrong, if anything.
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
        self.m = m
        self.dataset = _control(
            widgets.Dropdown, dataset, _("data set"), options=[(_(name), key) for key, name in DATASETS.items()]
        )
        self.noise = _control(widgets.FloatSlider, noise, _("noise"), min=0.0, max=0.5, step=0.05, readout=False)
        self.test_fraction = _control(
            widgets.FloatSlider, test_fraction, _("share of test points"), min=0.1, max=0.9, step=0.1, readout=False
        )
        self.seed = _control(widgets.BoundedIntText, seed, _("seed"), min=0, max=10**6)
        self.layers = _control(widgets.IntSlider, layers, _("hidden layers"), min=0, max=MAX_LAYERS)
        per_layer = [neurons] * MAX_LAYERS if np.ndim(neurons) == 0 else [*neurons, *[8] * (MAX_LAYERS - len(neurons))]
        self.neurons = [
            _control(widgets.IntSlider, k, _("layer {l}").format(l=l), min=1, max=MAX_UNITS)
            for l, k in enumerate(per_layer, start=1)
        ]
        self.neurons_label = widgets.Label(_("neurons per hidden layer:"))
        self.f = _control(
            widgets.Dropdown, f, _("activation f"), options=[(_(name), key) for key, name in ACTIVATIONS.items()]
        )
        self.alpha = _control(
            widgets.FloatLogSlider, alpha, _("learning rate α"), base=10, min=-4, max=1, step=0.1, readout=False
        )
        self.lam = _control(
            widgets.SelectionSlider, lam, _("regularization λ"), options=[(num(v), v) for v in sorted({*LAMBDAS, lam})]
        )
        batches = [(_("full batch"), 0), *((str(b), b) for b in sorted({*BATCH_SIZES, batch_size or 1}, reverse=True))]
        batches[-1] = (_("1 (SGD)"), 1)
        self.batch_size = _control(widgets.Dropdown, batch_size or 0, _("batch size"), options=batches)
        self.steps = _control(widgets.IntSlider, steps, _("steps"), min=10, max=1000, step=10)
        self.train_button = _button(_("train"), "play", _("train for more steps"))
        self.step_button = _button(_("one step"), "step-forward")
        self.reset_button = _button(_("reset"), "refresh", _("a new untrained network"))
        self.noise_readout, self.test_fraction_readout = _readout(self.noise), _readout(self.test_fraction)
        self.alpha_readout = _readout(self.alpha)
        self.image = _image()
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
            _row([self.train_button, self.step_button, self.reset_button]),
        ]
        self.widget = widgets.VBox(
            [
                _row(
                    [
                        _column([_heading(_("Data")), *data]),
                        _column([_heading(_("Network")), self.layers, self.neurons_label, *self.neurons, self.f]),
                        _column([_heading(_("Training")), *training]),
                    ]
                ),
                self.image,
                self.status,
                self.diagnosis,
            ]
        )
        self._held, self._pending, self._data_key = 0, False, None
        controls = [self.dataset, self.noise, self.test_fraction, self.seed, self.layers, *self.neurons, self.f]
        for control in [*controls, self.alpha, self.lam, self.batch_size, self.steps]:
            control.observe(self._changed, names="value")
        self.train_button.on_click(lambda _button: self.train())
        self.step_button.on_click(lambda _button: self.train(1))
        self.reset_button.on_click(lambda _button: self.reset())
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

    def _losses(self):
        """J on the train points and on the test points, without the λ term so that the two compare."""
        with np.errstate(all="ignore"):
            L = losses.loss(self.net.loss)[0](self.net.forward(self.x_all), self.y_all)
        m = self.x_train.shape[1]
        return float(L[:m].mean()), float(L[m:].mean())

    def _record(self):
        J_train, J_test = self._losses()
        self.checkpoints.append(self.t)
        self.J_train.append(J_train)
        self.J_test.append(J_test)

    def reset(self, draw=True):
        """A new untrained network with the sizes, activation and seed of the controls (the reset button)."""
        self._make_data()
        self.net = Network(self.sizes, f=self.f.value, f_out="sigmoid", seed=self.seed.value)
        self.t, self.diverged_at = 0, None
        self.checkpoints, self.J_train, self.J_test, self.history = [], [], [], []
        self._record()
        if draw:
            self.draw()

    def train(self, steps=None):
        """Train for ``steps`` more steps (the steps slider's value by default), then redraw (the train and step buttons)."""
        steps = self.steps.value if steps is None else int(steps)
        chunk = max(1, math.ceil(self.steps.value / CHECKPOINTS))
        done = 0
        while done < steps and self.diverged_at is None:
            # Checkpoints 1, 2, 4, 8… steps apart, then every chunk: the loss changes fastest at the start.
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
            done += k
            self._record()
            if divergence_step(self.J_train) is not None:
                # The checkpoints are a few steps apart: the cost of each step says when.
                self.diverged_at = min(divergence_step(self.history) or self.t, self.t)
        self.draw()

    def retrain(self):
        """Data, a new network and ``steps`` steps of training, from the controls: what moving a control does."""
        self.reset(draw=False)
        self.train()

    def draw(self):
        """Redraw the picture, the scores and the diagnosis."""
        self.figure.show_network(self.net)
        self.figure.show_losses(self.checkpoints, self.J_train, self.J_test, self.diverged_at)
        self.image.value = self.figure.png()
        with np.errstate(all="ignore"):
            accuracy = self.net.accuracy(self.x_test, self.y_test)
        self.status_text = ngettext(
            "Network {sizes} after {steps} step: loss {train} on the train points, {test} on the test points; {accuracy} of the test points are classified correctly.",
            "Network {sizes} after {steps} steps: loss {train} on the train points, {test} on the test points; {accuracy} of the test points are classified correctly.",
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
            self.net, self.x_train, self.y_train, self.J_train, self.alpha.value, self.lam.value,
            diverged_at=self.diverged_at,
        )  # fmt: skip
        self.diagnosis.value = _sentences(self.messages)

    def summary(self) -> str:
        """The scores and the diagnosis as plain text, for a checked cell (``print(pg.summary())``)."""
        return "\n".join([self.status_text, *self.messages])

    def text(self):
        return _("Playground: {dataset}, network {sizes}, α = {alpha}").format(
            dataset=_(DATASETS[self.dataset.value]), sizes="-".join(map(str, self.sizes)), alpha=num(self.alpha.value)
        )


class Run(NamedTuple):
    """One training run of the α explorer: its α, the loss per step, and the step where it diverged (or None)."""

    alpha: float
    history: list
    diverged_at: int | None


class AlphaExplorer(_Shown):
    """The same network, from the same initial weights, trained with several learning rates α (lesson 06).

    The loss curves share one plot (log scale); the chosen α, on the slider, is drawn thick;
    a diverged run ends with a red cross and its legend says at which step. :meth:`summary`
    gives the final loss per α as text, for a checked cell.
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
        self.alphas, self.hidden, self.dataset_name = tuple(alphas), tuple(hidden), dataset
        self.batch_size, self.seed = batch_size, seed
        self.x, self.y = make_dataset(dataset, m=m, noise=noise, seed=seed)
        self.alpha = _control(
            widgets.FloatLogSlider, alpha, _("learning rate α"), base=10, min=-4, max=1, step=0.1, readout=False
        )
        self.alpha_readout = _readout(self.alpha)
        self.steps = _control(widgets.IntSlider, steps, _("steps"), min=10, max=1000, step=10)
        self.f = _control(
            widgets.Dropdown, f, _("activation f"), options=[(_(name), key) for key, name in ACTIVATIONS.items()]
        )
        self.image = _image()
        self.result, self.diagnosis = widgets.HTML(), widgets.HTML()
        self.figure = AlphaFigure()
        self.widget = widgets.VBox(
            [
                _row([widgets.HBox([self.alpha, self.alpha_readout]), self.steps, self.f]),
                self.image,
                self.result,
                self.diagnosis,
            ]
        )
        self._cache = {}
        for control in (self.alpha, self.steps, self.f):
            control.observe(lambda _change: self.run(), names="value")
        self.run()

    @property
    def sizes(self) -> list[int]:
        return [2, *self.hidden, 1]

    def _train(self, alpha) -> Run:
        key = (alpha, self.steps.value, self.f.value)
        if key not in self._cache:
            net = Network(self.sizes, f=self.f.value, f_out="sigmoid", seed=self.seed)
            try:
                history = net.train(self.x, self.y, alpha, steps=self.steps.value, batch_size=self.batch_size)
                step = divergence_step(history)
            except DivergenceError as error:
                history, step = error.history, error.step
            self._cache[key] = (Run(alpha, history[:step] if step else history, step), net)
        return self._cache[key]

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
        self.diagnosis.value = _sentences(self.messages)

    def summary(self) -> str:
        """The final loss for each α (or the step where it diverged), one line per α, the chosen α last."""
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


# LaTeX for the stepper -------------------------------------------------------------------

_TEX_F = {"sigmoid": r"\sigma", "tanh": r"\tanh", "relu": r"\operatorname{relu}", "identity": r"\operatorname{id}"}


class Step(NamedTuple):
    """One step of the stepper: a sentence saying what is computed, and its formula with the numbers."""

    title: str
    formula: str


def backprop_steps(net, x, y, alpha, digits=3) -> list[Step]:
    """Forward pass, backward pass and update of ``net`` on one example (x, y), as a list of :class:`Step` (lesson 09).

    The numbers are the engine's: ``net.forward``, ``net.backward`` and ``net.update`` (that
    is, ``layer_forward`` and ``layer_backward``) run once, and the formulas show what they
    computed. ``net`` is updated with α = ``alpha``.
    """
    n, M = net.n, lambda A: tex_matrix(A, digits)
    W, b = {l: net.W[l].copy() for l in range(1, n + 1)}, {l: net.b[l].copy() for l in range(1, n + 1)}
    net.forward(x)
    L = net.cost(y)
    net.backward(y)
    net.update(alpha)

    steps = []
    for l in range(1, n + 1):
        z, a, a_prev = net.z[l], net.a[l], net.a[l - 1]
        steps.append(
            Step(
                _("Forward pass, layer {l}: the pre-activation $z^{l}$").format(l=l),
                rf"z^{{{l}}} = W^{{{l}}} a^{{{l - 1}}} + b^{{{l}}} = {M(W[l])} {M(a_prev)} + {M(b[l])} = {M(z)}",
            )
        )
        fl = _TEX_F.get(net.f[l], rf"\operatorname{{{net.f[l]}}}")
        steps.append(
            Step(
                _("Forward pass, layer {l}: the activation $a^{l}$").format(l=l),
                rf"a^{{{l}}} = f^{{{l}}}(z^{{{l}}}) = {fl}{M(z)} = {M(a)}",
            )
        )
    steps.append(
        Step(
            _(
                r"The loss $L$ of the output $\hat y = a^{n}$ against the target $y$, and its derivative $da^{n}$"
            ).format(n=n),
            rf"\hat y = a^{{{n}}} = {M(net.a[n])}, \quad y = {M(y)}, \quad L = {tex_number(L, digits)}, \quad "
            rf"da^{{{n}}} = \frac{{\partial L}}{{\partial a^{{{n}}}}} = {M(net.da[n])}",
        )
    )
    for l in range(n, 0, -1):
        f_prime = activation(net.f[l])[1](net.z[l])
        product = (
            rf"{M(net.da[l])} \odot {M(f_prime)}"
            if net.f[l] != "softmax"
            else rf"J_{{\text{{softmax}}}}^T {M(net.da[l])}"
        )
        steps.append(
            Step(
                _("Backward pass, layer {l}: $dz^{l}$, the derivative with respect to the pre-activation").format(l=l),
                rf"dz^{{{l}}} = da^{{{l}}} \odot f'^{{{l}}}(z^{{{l}}}) = {product} = {M(net.dz[l])}",
            )
        )
        steps.append(
            Step(
                _("Backward pass, layer {l}: $dW^{l}$, the derivative with respect to the weights").format(l=l),
                rf"dW^{{{l}}} = dz^{{{l}}} \, (a^{{{l - 1}}})^T = {M(net.dz[l])} {M(net.a[l - 1].T)} = {M(net.dW[l])}",
            )
        )
        steps.append(
            Step(
                _("Backward pass, layer {l}: $db^{l}$, the derivative with respect to the bias").format(l=l),
                rf"db^{{{l}}} = dz^{{{l}}} = {M(net.db[l])}",
            )
        )
        if l > 1:
            steps.append(
                Step(
                    _("Backward pass, layer {l}: $da^{k}$, passed on to layer {k}").format(l=l, k=l - 1),
                    rf"da^{{{l - 1}}} = (W^{{{l}}})^T dz^{{{l}}} = {M(W[l].T)} {M(net.dz[l])} = {M(net.da[l - 1])}",
                )
            )
    for l in range(1, n + 1):
        alpha_tex = tex_number(alpha, digits)
        steps.append(
            Step(
                _("Update of layer {l}: a step of size α = {alpha} against the gradient").format(l=l, alpha=num(alpha)),
                rf"\begin{{aligned}} W^{{{l}}} &\leftarrow W^{{{l}}} - \alpha\, dW^{{{l}}} = {M(W[l])} - {alpha_tex} {M(net.dW[l])} = {M(net.W[l])}"
                rf" \\ b^{{{l}}} &\leftarrow b^{{{l}}} - \alpha\, db^{{{l}}} = {M(b[l])} - {alpha_tex} {M(net.db[l])} = {M(net.b[l])} \end{{aligned}}",
            )
        )
    return steps


class Stepper(_Shown):
    """One example through the forward pass, the backward pass and the update, one formula at a time (lesson 09).

    The network (``sizes``, activations ``f`` and ``f_out``, ``seed``), the example (x, y)
    and α are the learner's; the numbers are the engine's (see :func:`backprop_steps`).
    Buttons previous and next; ``.formula`` is the current step's LaTeX, ``.title`` its sentence.
    """

    def __init__(
        self, sizes=(2, 2, 1), f="sigmoid", f_out="sigmoid", alpha=0.5, seed=0, x=None, y=None, loss=None, digits=3
    ):
        self.net = net = Network(sizes, f=f, f_out=f_out, loss=loss, seed=seed)
        rng = np.random.default_rng(seed)
        self.x = np.round(rng.uniform(-1, 1, (sizes[0], 1)), 2) if x is None else np.asarray(x, float).reshape(-1, 1)
        if y is None:
            y = np.eye(net.sizes[-1])[:, :1] if net.f[net.n] == "softmax" else np.ones((net.sizes[-1], 1))
        self.y, self.alpha_value = np.asarray(y, float).reshape(-1, 1), alpha
        self.steps = backprop_steps(net, self.x, self.y, alpha, digits)

        self.previous_button = _button(_("previous"), "arrow-left")
        self.next_button = _button(_("next"), "arrow-right")
        self.position = widgets.Label()
        self.math = widgets.HTMLMath(layout=widgets.Layout(overflow="auto"))
        self.widget = widgets.VBox([widgets.HBox([self.previous_button, self.next_button, self.position]), self.math])
        self.previous_button.on_click(lambda _button: self.go(self.index - 1))
        self.next_button.on_click(lambda _button: self.go(self.index + 1))
        self.go(0)

    @property
    def title(self) -> str:
        """What the current step computes, in the learner's language (with $math$)."""
        return self.steps[self.index].title

    @property
    def formula(self) -> str:
        """The current step's formula in LaTeX, with the engine's numbers."""
        return self.steps[self.index].formula

    def go(self, index: int):
        """Show step ``index`` (counted from 0; kept between the first and the last step)."""
        self.index = min(max(int(index), 0), len(self.steps) - 1)
        self.position.value = _("Step {k} of {total}").format(k=self.index + 1, total=len(self.steps))
        self.previous_button.disabled = self.index == 0
        self.next_button.disabled = self.index == len(self.steps) - 1
        self.math.value = self._html()

    def _html(self):
        return f"<p><b>{html.escape(self.title, quote=False)}</b></p>$${self.formula}$$"

    def static(self):
        return {"text/html": f"<p>{html.escape(self.position.value)}</p>{self._html()}"}

    def text(self):
        return _("Backpropagation stepper: network {sizes}, α = {alpha}, step {k} of {total}").format(
            sizes="-".join(map(str, self.net.sizes)),
            alpha=num(self.alpha_value),
            k=self.index + 1,
            total=len(self.steps),
        )


class GradientCheckView(_Shown):
    """The relative error of every entry of every dW^l and db^l against finite differences, as a picture (lesson 05).

    Checks ``net``'s own backward pass on (x, y), or the learner's ``dW`` and ``db`` (dicts
    l → array) if given; one small heat map per layer, log colour scale, the worst entry
    framed, and a sentence saying whether and where the backward pass is wrong.
    """

    def __init__(self, net, x, y, lam=0.0, dW=None, db=None, eps=1e-5):
        self.net, self.x, self.y, self.lam, self.eps = net, x, y, lam, eps
        self.image, self.verdict = _image(), widgets.HTML()
        self.widget = widgets.VBox([self.image, self.verdict])
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
