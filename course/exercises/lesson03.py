"""Exercises of lesson 03 (loss, derivatives and the chain rule): da^n, a central difference, σ'(z), dz^n through softmax."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from ..activations import dz_from_da, sigmoid, softmax
from ..i18n import N_, num
from . import DOT_FOR_HADAMARD, attempts, exercise, mistakes

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
    "This is the one-sided difference (f(x + h) − f(x)) / h. The central difference looks on both sides: (f(x + h) − f(x − h)) / (2h)."
)
HALF_STEP = N_(
    "The two points f(x + h) and f(x − h) are 2h apart: divide by 2h, not by h. Parentheses matter: `/ (2 * h)`."
)
TOO_EXACT = N_(
    "This is the derivative itself, to many digits: the exact formula 1 − tanh²(x), or a central difference with an h much smaller than {h}. The exercise asks for the estimate with h = {h}, whose small error lesson 03 measures next."
)
PLUS_SIGMA = N_("Check the sign inside the parentheses: σ'(z) = σ(z)(1 − σ(z)), with a minus.")
FORGOT_FACTOR = N_("One factor is missing: σ'(z) = σ(z)(1 − σ(z)) multiplies σ(z) by 1 − σ(z), entry by entry (`*`).")
Z_NOT_SIGMA = N_("You used z where σ(z) is meant: first compute s = σ(z), then s * (1 − s).")
SQUARED = N_("1 − σ(z)² is the pattern of tanh' (1 − tanh²). For the sigmoid it is σ(z)(1 − σ(z)).")
DIAGONAL_ONLY = N_(
    "This is s ⊙ (1 − s) ⊙ da^n, which is also s ⊙ (da^n − s ⊙ da^n): the diagonal of the Jacobian only, as if each z_j moved its own s_j alone. It moves every s_i, and the number sᵀda^n = Σ_i s_i da^n_i (`s.T @ da`) brings them in: dz^n = s ⊙ (da^n − sᵀda^n)."
)
SUM_SIGN = N_(
    "Check the sign inside the parentheses: dz^n = s ⊙ (da^n − sᵀda^n), with a minus. Raising z_j lowers every other s_i."
)
OUTER_PRODUCT = N_(
    "`s @ da.T` is a 3 × 3 matrix, every s_i times every da^n_j; sᵀda^n is one number, `s.T @ da`, with the transpose on s."
)
FORGOT_S = N_(
    "One factor is missing: the whole parenthesis is multiplied by s, entry by entry: dz^n = s ⊙ (da^n − sᵀda^n)."
)
S_OUTSIDE = N_(
    "The factor s multiplies the whole parenthesis, sᵀda^n included: dz^n = s ⊙ (da^n − sᵀda^n). Check your parentheses."
)
Z_NOT_S = N_("You used z where s = softmax(z) is meant: first compute s = softmax(z), then dz^n = s ⊙ (da^n − sᵀda^n).")
ONLY_DA = N_(
    "This is da^n itself: going back through the softmax multiplies it by softmax's derivative, dz^n = s ⊙ (da^n − sᵀda^n)."
)


def setup():
    """The values of lesson 03's exercises: the three examples of the lesson (03.1), x and h (03.2), z (03.3),
    and one example of three classes with a softmax output and the squared error (03.4)."""
    return SimpleNamespace(
        y_hat=np.array([[0.8, 0.1, 0.4], [0.3, 0.9, 0.5]]),
        y=np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 0.2]]),
        x=0.5,
        h=0.01,
        z=np.array([[-2.0, 0.0, 0.5, 3.0]]),
        z_out=np.array([[0.5], [-1.0], [2.0]]),
        y_out=np.array([[0.0], [1.0], [0.0]]),
    )


@exercise("03.1", "da^n", setup=setup, given=lambda s: (s.y_hat, s.y))
def output_derivative(s):
    return s.y_hat - s.y


@mistakes("03.1")
def output_derivative_mistakes(s):
    y_hat, y = s.y_hat, s.y
    return [
        (y - y_hat, DA_SIGN),
        (2 * (y_hat - y), DA_TWO),
        (0.5 * (y_hat - y) ** 2, DA_LOSS),
        ((y_hat - y) / y.shape[1], DA_MEAN),
    ]


@exercise("03.2", "f'(x)", setup=setup)
def central_difference(s):
    f, x, h = np.tanh, s.x, s.h
    return (f(x + h) - f(x - h)) / (2 * h)


@mistakes("03.2")
def central_difference_mistakes(s):
    f, x, h = np.tanh, s.x, s.h
    return [
        ((f(x + h) - f(x)) / h, FORWARD_DIFFERENCE),
        ((f(x) - f(x - h)) / h, FORWARD_DIFFERENCE),
        ((f(x + h) - f(x - h)) / h, HALF_STEP),
        ((f(x + h) - f(x - h)) / 2 * h, HALF_STEP),
        (1 - np.tanh(x) ** 2, TOO_EXACT, {"h": num(h)}),
    ]


@exercise("03.3", "σ'(z)", setup=setup, given=lambda s: s.z)
def sigmoid_derivative(s):
    sig = sigmoid(s.z)
    return sig * (1 - sig)


@mistakes("03.3")
def sigmoid_derivative_mistakes(s):
    z, sig = s.z, sigmoid(s.z)
    return attempts(
        (lambda: sig * (1 + sig), PLUS_SIGMA),
        (lambda: sig, FORGOT_FACTOR),
        (lambda: 1 - sig, FORGOT_FACTOR),
        (lambda: z * (1 - z), Z_NOT_SIGMA),
        (lambda: 1 - sig**2, SQUARED),
        (lambda: sig @ (1 - sig).T, DOT_FOR_HADAMARD),
    )


@exercise("03.4", "dz^n", setup=setup, given=lambda s: (s.z_out, s.y_out))
def softmax_backward(s):
    """dz^n through a softmax output, for the squared error's da^n = ŷ − y: the engine's full Jacobian product."""
    return dz_from_da("softmax", softmax(s.z_out) - s.y_out, s.z_out)


@mistakes("03.4")
def softmax_backward_mistakes(s):
    z = s.z_out
    sm = softmax(z)
    da = sm - s.y_out
    return attempts(
        (lambda: sm * (1 - sm) * da, DIAGONAL_ONLY),
        (lambda: sm * (da + sm.T @ da), SUM_SIGN),
        (lambda: sm * (da - sm @ da.T), OUTER_PRODUCT),
        (lambda: da - sm.T @ da, FORGOT_S),
        (lambda: sm * da - sm.T @ da, S_OUTSIDE),
        (lambda: z * (da - z.T @ da), Z_NOT_S),
        (lambda: da, ONLY_DA),
    )
