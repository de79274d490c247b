"""The backpropagation stepper (lesson 09): one example through the forward pass, the backward pass and the update."""

from __future__ import annotations

import html
from typing import NamedTuple

import ipywidgets as widgets
import numpy as np

from ..activations import activation
from ..checks import InputError, finite_numbers, number, positive_number
from ..engine import Network
from ..i18n import _, ngettext, num
from ..notebook import tex_matrix, tex_number
from .base import Shown, button, weakly

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
        product = (
            rf"{M(net.da[l])} \odot {M(activation(net.f[l])[1](net.z[l]))}"
            if net.f[l] != "softmax"  # softmax's f' is a Jacobian, not a vector
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


def _one_example(symbol: str, values, size: int) -> np.ndarray:
    """One example: ``size`` numbers, as a column; otherwise a sentence naming ``symbol``."""
    column = finite_numbers(symbol, values)
    if column.size != size or column.ndim > 2 or (column.ndim == 2 and 1 not in column.shape):
        raise InputError(
            ngettext(
                "The stepper follows one example: {symbol} must hold {size} number, one per unit, not an array of shape {shape}.",
                "The stepper follows one example: {symbol} must hold {size} numbers, one per unit, not an array of shape {shape}.",
                size,
            ).format(symbol=symbol, size=size, shape=column.shape)
        )
    return column.reshape(-1, 1)


class Stepper(Shown):
    """One example through the forward pass, the backward pass and the update, one formula at a time (lesson 09).

    The network (``sizes``, activations ``f`` and ``f_out``, ``seed``), the example (x, y)
    and α are the learner's; the numbers are the engine's (see :func:`backprop_steps`).
    Buttons previous and next; ``.formula`` is the current step's LaTeX, ``.title`` its sentence.
    """

    def __init__(
        self, sizes=(2, 2, 1), f="sigmoid", f_out="sigmoid", alpha=0.5, seed=0, x=None, y=None, loss=None, digits=3
    ):
        digits = number("digits", digits, 1, 8, whole=True)
        self.net = net = Network(sizes, f=f, f_out=f_out, loss=loss, seed=seed)
        alpha = positive_number("α", alpha)
        rng = np.random.default_rng(seed)
        self.x = np.round(rng.uniform(-1, 1, (net.sizes[0], 1)), 2) if x is None else _one_example("x", x, net.sizes[0])
        if y is None:
            y = np.eye(net.sizes[-1])[:, :1] if net.f[net.n] == "softmax" else np.ones((net.sizes[-1], 1))
        self.y, self.alpha_value = _one_example("y", y, net.sizes[-1]), alpha
        self.steps = backprop_steps(net, self.x, self.y, alpha, digits)

        self.previous_button = button(_("previous"), "arrow-left")
        self.next_button = button(_("next"), "arrow-right")
        self.position = widgets.Label()
        self.math = widgets.HTMLMath(layout=widgets.Layout(overflow="auto"))
        self._own(widgets.VBox([widgets.HBox([self.previous_button, self.next_button, self.position]), self.math]))
        self.previous_button.on_click(weakly(self._previous))
        self.next_button.on_click(weakly(self._next))
        self.go(0)

    def _previous(self, _button):
        self.go(self.index - 1)

    def _next(self, _button):
        self.go(self.index + 1)

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
