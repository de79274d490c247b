"""Loss functions L(ŷ, y), their derivative da^n = ∂L/∂a^n (lesson 03), and the losses on z^n (lesson 04).

Each loss is given per example (one column of ŷ = a^n and y); the cost J averages it over
the m examples. ``da^n`` keeps one column per example, not divided by m.

Written on ŷ, the losses are the formulas of lesson 03. A saturated output loses them: in
float64 σ(40) is exactly 1, so L = −log(1 − ŷ) is infinite and da^n = (ŷ − y)/(ŷ(1 − ŷ))
divides by 0. Written on z^n (:func:`loss_from_z`), the three usual pairs of an output
activation and its loss are exact for every z^n: this is why frameworks offer losses "with
logits" (PyTorch's ``BCEWithLogitsLoss``), and what :class:`course.Network` uses.
"""

from __future__ import annotations

import numpy as np

from .i18n import N_, CourseError, _


def mse(y_hat, y):
    """L = ½ Σ_i (ŷ_i − y_i)², summed over the output units (so that da^n = ŷ − y).

    Not PyTorch's ``MSELoss``, which takes the mean over every entry, outputs and examples
    alike, without the ½: its gradient is 2/(n^n m) times ours.
    """
    return 0.5 * ((y_hat - y) ** 2).sum(axis=0)


def mse_da(y_hat, y):
    return y_hat - y


def binary_cross_entropy(y_hat, y):
    """L = −Σ_i [y_i log ŷ_i + (1 − y_i) log(1 − ŷ_i)] (infinite where ŷ is exactly 0 or 1 and wrong)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return -(np.where(y > 0, y * np.log(y_hat), 0.0) + np.where(y < 1, (1 - y) * np.log1p(-y_hat), 0.0)).sum(axis=0)


def binary_cross_entropy_da(y_hat, y):
    """da^n = (ŷ − y) / (ŷ(1 − ŷ)) (a division by 0 where ŷ is exactly 0 or 1)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return (y_hat - y) / (y_hat * (1 - y_hat))


def cross_entropy(y_hat, y):
    """L = −Σ_i y_i log ŷ_i, for one-hot y and a softmax output."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.where(y > 0, y * np.log(y_hat), 0.0).sum(axis=0)


def cross_entropy_da(y_hat, y):
    """da^n = −y / ŷ."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(y > 0, -y / y_hat, 0.0)


# How each loss is called in sentences and labels (translate with ``_()``).
NAMES = {
    "mse": N_("mean squared error"),
    "binary_cross_entropy": N_("binary cross-entropy"),
    "cross_entropy": N_("cross-entropy"),
}

LOSSES = {
    "mse": (mse, mse_da),
    "binary_cross_entropy": (binary_cross_entropy, binary_cross_entropy_da),
    "cross_entropy": (cross_entropy, cross_entropy_da),
}


def loss(name: str):
    """The pair (L, ∂L/∂a^n) called ``name``; an unknown name lists the valid ones."""
    try:
        return LOSSES[name]
    except (KeyError, TypeError):
        raise CourseError(
            _("Unknown loss {name!r}: choose one of {choices}.").format(name=name, choices=", ".join(LOSSES))
        ) from None


# The output activations each loss is defined for (ŷ must be a probability for the cross-entropies).
OUTPUTS = {"binary_cross_entropy": ("sigmoid", "softmax"), "cross_entropy": ("softmax", "sigmoid")}

# (f^n, loss) pairs whose dz^n = ∂L/∂z^n is ŷ − y, the δ^n = a^n − y of the freeCodeCamp guide.
FUSED = {("sigmoid", "binary_cross_entropy"), ("softmax", "cross_entropy"), ("identity", "mse")}


def loss_from_z(f: str, loss_name: str, z, y):
    """L of every example, computed from z^n for a pair of :data:`FUSED` (exact for every z^n, no clipping).

    sigmoid + binary cross-entropy: L = Σ_i log(1 + e^{z_i}) − y_i z_i;
    softmax + cross-entropy: L = log Σ_j e^{z_j} − Σ_i y_i z_i (for y summing to 1);
    identity + mean squared error: L = ½ Σ_i (z_i − y_i)².
    """
    if loss_name == "binary_cross_entropy":
        return (np.logaddexp(0.0, z) - y * z).sum(axis=0)  # logaddexp(0, z) = log(1 + e^z), exact for every z
    if loss_name == "cross_entropy":
        top = z.max(axis=0, keepdims=True)
        log_sum_exp = top + np.log(np.exp(z - top).sum(axis=0, keepdims=True))
        return (y * (log_sum_exp - z)).sum(axis=0)
    return 0.5 * ((z - y) ** 2).sum(axis=0)


def cost_from_z(loss_name: str, z, y) -> float:
    """Σ of :func:`loss_from_z` over the examples, in fewer steps (the engine's training loop)."""
    if loss_name == "binary_cross_entropy":
        return float(np.add.reduce(np.logaddexp(0.0, z), axis=None) - np.vdot(y, z))
    return float(loss_from_z(None, loss_name, z, y).sum())
