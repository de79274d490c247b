"""Exercises of lesson 08, many examples and regularization: D = (1/m)(Δ + λΘ), the cost with λ, the δ recursion."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from ..activations import sigmoid, sigmoid_prime
from ..data import moons
from ..engine import Network
from ..i18n import N_
from . import DOT_FOR_HADAMARD, attempts, exercise, mistakes

REGULARIZED_BIAS = N_(
    "You regularized the bias column too: column 0 of Θ holds the biases, and D gets no λ term there, only Δ/m."
)
FORGOT_M = N_("The factor 1/m is missing: D = (1/m)(Δ + λΘ) averages over the m examples.")
M_ONLY_ON_DELTA = N_("Divide both terms by m: D = (1/m)(Δ + λΘ), so the λ term is (λ/m)Θ, not λΘ.")
ROW_NOT_COLUMN = N_(
    "You left row 0 out of the λ term: the bias is column 0 of Θ (one bias per row, in the first column), not row 0."
)
LAMBDA_SIGN = N_("The λ term is added, not subtracted: D = (1/m)(Δ + λΘ).")
LAMBDA_OVER_M = N_(
    "The penalty is (λ/2m) Σ‖W^l‖², not (λ/m) Σ‖W^l‖²: the ½ is there so that its derivative is (λ/m) W^l."
)
BIASES_IN_PENALTY = N_("The biases are not in the penalty: add up the squares of the weights W^l only.")
NOT_SQUARED = N_(
    "‖W^l‖² is the sum of the squares of all the entries of W^l: square the entries, and do not take a square root."
)
FORGOT_M_COST = N_("The penalty is divided by 2m, not by 2: (λ/2m) Σ‖W^l‖².")
G_NOT_G_PRIME = N_(
    "This is the slip of the freeCodeCamp guide: multiply by the derivative g'(z^l) = g(z^l)(1 − g(z^l)), not by g(z^l)."
)
FORGOT_G_PRIME = N_("The factor g'(z^l) is missing: δ^l = ((Θ^{l+1})^T δ^{l+1})[1:] ⊙ g'(z^l).")
DROPPED_LAST_ROW = N_(
    "Drop row 0 of (Θ^{l+1})^T δ^{l+1}, the row of the bias, with [1:]; you dropped the last row instead."
)


def setup():
    """Lesson 08's numbers: Δ and Θ of one layer (08.1), the network trained with λ = 0.3 (08.2), one δ step (08.3)."""
    x_train, y_train = moons(m=30, noise=0.3, seed=0)
    big = Network([2, 20, 20, 1], f="tanh", f_out="sigmoid", seed=0)
    big.train(x_train, y_train, alpha=1.5, epochs=500, lam=0.3)
    big.forward(x_train)
    return SimpleNamespace(
        Delta=np.array([[0.4, 0.2, -0.6], [-0.8, 1.0, 0.2]]),
        Theta=np.array([[0.5, -1.0, 2.0], [1.0, 0.5, -0.5]]),
        lam=1.0,
        m=4,
        J=big.cost(y_train),
        weights=[big.W[l] for l in range(1, big.n + 1)],
        biases=[big.b[l] for l in range(1, big.n + 1)],
        lam_big=0.3,
        m_big=30,
        Theta_next=np.array([[0.1, 0.8, -0.4, 0.3], [-0.2, 0.5, 0.9, -0.7]]),
        delta_next=np.array([[0.25], [-0.5]]),
        z=np.array([[0.4], [-1.2], [2.0]]),
    )


def _penalty(Theta, lam):
    penalty = lam * Theta
    penalty[:, 0] = 0.0
    return penalty


@exercise("08.1", "D", setup=setup)
def final_gradient(s):
    return (s.Delta + _penalty(s.Theta, s.lam)) / s.m


@mistakes("08.1")
def final_gradient_mistakes(s):
    Delta, Theta, lam, m = s.Delta, s.Theta, s.lam, s.m
    rows = lam * Theta
    rows[0, :] = 0.0
    return [
        ((Delta + lam * Theta) / m, REGULARIZED_BIAS),
        (Delta + _penalty(Theta, lam), FORGOT_M),
        (Delta + lam * Theta, FORGOT_M),
        (Delta / m + _penalty(Theta, lam), M_ONLY_ON_DELTA),
        (Delta / m + lam * Theta, M_ONLY_ON_DELTA),
        ((Delta + rows) / m, ROW_NOT_COLUMN),
        ((Delta - _penalty(Theta, lam)) / m, LAMBDA_SIGN),
    ]


def _squares(arrays):
    return sum(float((A**2).sum()) for A in arrays)


@exercise("08.2", "J", setup=setup, given=lambda s: (s.J, s.weights, s.biases))
def cost_with_penalty(s):
    return s.J + s.lam_big / (2 * s.m_big) * _squares(s.weights)


@mistakes("08.2")
def cost_with_penalty_mistakes(s):
    J, W, b, lam, m = s.J, s.weights, s.biases, s.lam_big, s.m_big
    return [
        (J + lam / m * _squares(W), LAMBDA_OVER_M),
        (J + lam / (2 * m) * (_squares(W) + _squares(b)), BIASES_IN_PENALTY),
        (J + lam / m * (_squares(W) + _squares(b)), BIASES_IN_PENALTY),
        (J + lam / (2 * m) * sum(float(np.linalg.norm(A)) for A in W), NOT_SQUARED),
        (J + lam / 2 * _squares(W), FORGOT_M_COST),
    ]


@exercise("08.3", "δ^l", setup=setup)
def delta_step(s):
    return (s.Theta_next.T @ s.delta_next)[1:] * sigmoid_prime(s.z)


@mistakes("08.3")
def delta_step_mistakes(s):
    back, z = s.Theta_next.T @ s.delta_next, s.z
    return attempts(
        (lambda: back[1:] * sigmoid(z), G_NOT_G_PRIME),
        (lambda: back[1:], FORGOT_G_PRIME),
        (lambda: back[:-1] * sigmoid_prime(z), DROPPED_LAST_ROW),
        (lambda: back[1:].T @ sigmoid_prime(z), DOT_FOR_HADAMARD),
        (lambda: back[1:] @ sigmoid_prime(z).T, DOT_FOR_HADAMARD),
    )
