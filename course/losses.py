"""Loss functions L(ŷ, y) and their derivative da^n = ∂L/∂a^n (lesson 03).

Each loss is given per example (one column of ŷ = a^n and y); the cost J averages it over
the m examples. ``da^n`` keeps one column per example, not divided by m.
"""

from __future__ import annotations

import numpy as np

from .i18n import N_, CourseError, _

# Keeps log(ŷ) finite when a saturated output reaches exactly 0 or 1.
_EPS = 1e-12


def mse(y_hat, y):
    """L = ½ Σ_i (ŷ_i − y_i)², so that da^n = ŷ − y."""
    return 0.5 * ((y_hat - y) ** 2).sum(axis=0)


def mse_da(y_hat, y):
    return y_hat - y


def binary_cross_entropy(y_hat, y):
    """L = −Σ_i [y_i log ŷ_i + (1 − y_i) log(1 − ŷ_i)]."""
    p = np.clip(y_hat, _EPS, 1 - _EPS)
    return -(y * np.log(p) + (1 - y) * np.log(1 - p)).sum(axis=0)


def binary_cross_entropy_da(y_hat, y):
    """da^n = (ŷ − y) / (ŷ(1 − ŷ))."""
    p = np.clip(y_hat, _EPS, 1 - _EPS)
    return (p - y) / (p * (1 - p))


def cross_entropy(y_hat, y):
    """L = −Σ_i y_i log ŷ_i, for one-hot y and a softmax output."""
    return -(y * np.log(np.clip(y_hat, _EPS, None))).sum(axis=0)


def cross_entropy_da(y_hat, y):
    """da^n = −y / ŷ."""
    return -y / np.clip(y_hat, _EPS, None)


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
