"""Exercises of lesson 04, the output layer: dz^n, dW^n and da^{n-1} for one example."""

from __future__ import annotations

import contextlib

import numpy as np

from ..activations import activation, dz_from_da
from ..i18n import N_
from . import DOT_FOR_HADAMARD, HADAMARD_FOR_DOT, TRANSPOSE, exercise, mistakes

FORGOT_F_PRIME = N_(
    "The factor f'^n(z^n) is missing: dz^n = da^n ⊙ f'^n(z^n), and for the sigmoid f'(z) = σ(z)(1 − σ(z)) (sigmoid_prime)."
)
F_NOT_F_PRIME = N_(
    "You multiplied by the activation f(z^n) itself: multiply by its derivative f'(z^n) instead (sigmoid_prime for the sigmoid)."
)
F_PRIME_OF_A = N_("f' must be evaluated at z^n, the input of the activation, not at a^n = f(z^n).")
DZ_SIGN = N_(
    "The sign is wrong: dz^n has the sign of da^n, because the derivative of the sigmoid, σ(z)(1 − σ(z)), is positive."
)
INNER_PRODUCT = N_(
    "You computed a dot product, a single number. dW^n needs one number per weight: the outer product dz^n ⋅ (a^{n-1})^T, a column times a row."
)


def possible(candidates):
    """The (wrong value, hint) pairs whose wrong value numpy can compute for these shapes."""
    found = []
    for compute, hint in candidates:
        with contextlib.suppress(ValueError):  # these shapes cannot make this mistake
            found.append((compute(), hint))
    return found


@exercise("04.1", "dz^2")
def dz_output(da, z, f="sigmoid"):
    return dz_from_da(f, np.asarray(da), np.asarray(z))


@mistakes("04.1")
def dz_output_mistakes(da, z, f="sigmoid"):
    da, z = np.asarray(da), np.asarray(z)
    g, g_prime = activation(f)
    fp = g_prime(z)
    found = [
        (-da * fp, DZ_SIGN),
        (da, FORGOT_F_PRIME),
        (da * g(z), F_NOT_F_PRIME),
        (da * g_prime(g(z)), F_PRIME_OF_A),
        (da @ fp.T, DOT_FOR_HADAMARD),
        (fp @ da.T, DOT_FOR_HADAMARD),
    ]
    if da.shape[0] == fp.shape[0]:
        found.append((da.T @ fp, DOT_FOR_HADAMARD))
    return found


@exercise("04.2", "dW^2")
def dW_output(dz, a_prev):
    return np.asarray(dz) @ np.asarray(a_prev).T


@mistakes("04.2")
def dW_output_mistakes(dz, a_prev):
    dz, a_prev = np.asarray(dz), np.asarray(a_prev)
    found = [(a_prev @ dz.T, TRANSPOSE)]
    if dz.shape == a_prev.shape:
        found += [(dz * a_prev, HADAMARD_FOR_DOT), (dz.T @ a_prev, INNER_PRODUCT)]
    return found


@exercise("04.3", "da^1")
def da_previous(W, dz):
    return np.asarray(W).T @ np.asarray(dz)


@mistakes("04.3")
def da_previous_mistakes(W, dz):
    W, dz = np.asarray(W), np.asarray(dz)
    return possible(
        [
            (lambda: W @ dz, TRANSPOSE),
            (lambda: W.T * dz, HADAMARD_FOR_DOT),
            (lambda: W * dz, HADAMARD_FOR_DOT),
        ]
    )
