"""Checks of lesson 03 (loss, derivatives and the chain rule)."""

from __future__ import annotations

import numpy as np

from ..activations import sigmoid
from ..i18n import N_
from . import attempts, exercise, mistakes

DA_SIGN = N_(
    "The sign is wrong: the derivative of ½ (ŷ − y)² with respect to ŷ is ŷ − y, not y − ŷ. It is positive when the prediction is too high."
)
DA_TWO = N_(
    "You differentiated (ŷ − y)² without the ½: the course's loss is L = ½ Σ (ŷ − y)², and the ½ cancels the 2, so da^n = ŷ − y."
)
DA_LOSS = N_("This is the loss itself, not its derivative: the derivative of ½ (ŷ − y)² with respect to ŷ is ŷ − y.")
DA_MEAN = N_(
    "da^n keeps one column per example and is not divided by m: the mean over the examples comes later, in dW^l and db^l."
)
FORWARD_DIFFERENCE = N_(
    "This is the forward difference (f(x + h) − f(x)) / h. The central difference looks on both sides: (f(x + h) − f(x − h)) / (2h)."
)
HALF_STEP = N_(
    "The two points f(x + h) and f(x − h) are 2h apart: divide by 2h, not by h. Parentheses matter: `/ (2 * h)`."
)
EXACT_TANH = N_(
    "This is the exact derivative 1 − tanh²(x), computed with calculus. The exercise asks for the estimate by central differences, (f(x + h) − f(x − h)) / (2h): compute it and compare the two afterwards."
)
PLUS_SIGMA = N_("Check the sign inside the parentheses: σ'(z) = σ(z)(1 − σ(z)), with a minus.")
FORGOT_FACTOR = N_("One factor is missing: σ'(z) = σ(z)(1 − σ(z)) multiplies σ(z) by 1 − σ(z), entry by entry (`*`).")
Z_NOT_SIGMA = N_("You used z where σ(z) is meant: first compute s = σ(z), then s * (1 − s).")
SQUARED = N_("1 − σ(z)² is the pattern of tanh' (1 − tanh²). For the sigmoid it is σ(z)(1 − σ(z)).")


@exercise("03.1", "da^n")
def output_derivative(y_hat, y):
    return np.asarray(y_hat) - np.asarray(y)


@mistakes("03.1")
def output_derivative_mistakes(y_hat, y):
    y_hat, y = np.asarray(y_hat, dtype=float), np.asarray(y, dtype=float)
    m = y.shape[-1] if y.ndim else 1
    return attempts(
        (lambda: y - y_hat, DA_SIGN),
        (lambda: 2 * (y_hat - y), DA_TWO),
        (lambda: 0.5 * (y_hat - y) ** 2, DA_LOSS),
        (lambda: (y_hat - y) / m, DA_MEAN),
    )


def _f(x):
    return np.tanh(x)


@exercise("03.2", "f'(x)")
def central_difference(x, h):
    return (_f(x + h) - _f(x - h)) / (2 * h)


@mistakes("03.2")
def central_difference_mistakes(x, h):
    return attempts(
        (lambda: (_f(x + h) - _f(x)) / h, FORWARD_DIFFERENCE),
        (lambda: (_f(x + h) - _f(x - h)) / h, HALF_STEP),
        (lambda: (_f(x + h) - _f(x - h)) / 2 * h, HALF_STEP),
        (lambda: 1 - np.tanh(x) ** 2, EXACT_TANH),
    )


@exercise("03.3", "σ'(z)")
def sigmoid_derivative(z):
    s = sigmoid(np.asarray(z, dtype=float))
    return s * (1 - s)


@mistakes("03.3")
def sigmoid_derivative_mistakes(z):
    z = np.asarray(z, dtype=float)
    s = sigmoid(z)
    return attempts(
        (lambda: s * (1 + s), PLUS_SIGMA),
        (lambda: s, FORGOT_FACTOR),
        (lambda: 1 - s, FORGOT_FACTOR),
        (lambda: z * (1 - z), Z_NOT_SIGMA),
        (lambda: 1 - s**2, SQUARED),
    )
