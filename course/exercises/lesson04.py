"""Exercises of lesson 04, the output layer: dz^2, dW^2 and da^1 of a 3-2-2 practice network, for one example."""

from __future__ import annotations

from types import SimpleNamespace

from ..activations import sigmoid, sigmoid_prime
from ..engine import Network
from ..i18n import N_
from . import DOT_FOR_HADAMARD, HADAMARD_FOR_DOT, TRANSPOSE, attempts, exercise, mistakes

FORGOT_F_PRIME = N_(
    "The factor f'^2(z^2) is missing: dz^2 = da^2 ⊙ f'^2(z^2), and for the sigmoid f'(z) = σ(z)(1 − σ(z)) (sigmoid_prime)."
)
F_NOT_F_PRIME = N_(
    "You multiplied by the activation f^2(z^2) itself: multiply by its derivative f'^2(z^2) instead (sigmoid_prime for the sigmoid)."
)
F_PRIME_OF_A = N_("f'^2 must be evaluated at z^2, the input of the activation, not at a^2 = f^2(z^2).")
DZ_SIGN = N_(
    "The sign is wrong: dz^2 has the sign of da^2, because the derivative of the sigmoid, σ(z)(1 − σ(z)), is positive."
)
INNER_PRODUCT = N_(
    "You computed a dot product, a single number. dW^2 needs one number per weight: the outer product dz^2 ⋅ (a^1)^T, a column times a row."
)
DA_FROM_DA = N_(
    "da^1 = (W^2)^T ⋅ dz^2 is made from dz^2, not from da^2: the derivative goes through the activation first."
)


def setup():
    """Lesson 04's practice network: 3-2-2, tanh then the sigmoid, squared error, one example, after its forward pass."""
    net = Network([3, 2, 2], f=["tanh", "sigmoid"], loss="mse", seed=5)
    x, y = [[1.0], [0.5], [-0.5]], [[0.0], [1.0]]
    net.forward(x)
    da2 = net.a[2] - net._check_target(y, 1)
    dz2 = da2 * sigmoid_prime(net.z[2])
    return SimpleNamespace(net=net, da2=da2, z2=net.z[2], a1=net.a[1], W2=net.W[2], dz2=dz2)


@exercise("04.1", "dz^2", setup=setup, given=lambda s: (s.da2, s.z2))
def dz_output(s):
    return s.dz2


@mistakes("04.1")
def dz_output_mistakes(s):
    da, z = s.da2, s.z2
    fp = sigmoid_prime(z)
    return attempts(
        (lambda: -da * fp, DZ_SIGN),
        (lambda: da, FORGOT_F_PRIME),
        (lambda: da * sigmoid(z), F_NOT_F_PRIME),
        (lambda: da * sigmoid_prime(sigmoid(z)), F_PRIME_OF_A),
        (lambda: da @ fp.T, DOT_FOR_HADAMARD),
        (lambda: fp @ da.T, DOT_FOR_HADAMARD),
        (lambda: da.T @ fp, DOT_FOR_HADAMARD),
    )


@exercise("04.2", "dW^2", setup=setup, given=lambda s: (s.dz2, s.a1))
def dW_output(s):
    return s.dz2 @ s.a1.T


@mistakes("04.2")
def dW_output_mistakes(s):
    dz, a_prev = s.dz2, s.a1
    return attempts(
        (lambda: a_prev @ dz.T, TRANSPOSE),
        (lambda: dz * a_prev, HADAMARD_FOR_DOT),
        (lambda: dz.T @ a_prev, INNER_PRODUCT),
        (lambda: s.da2 @ a_prev.T, FORGOT_F_PRIME),
    )


@exercise("04.3", "da^1", setup=setup, given=lambda s: (s.W2, s.dz2))
def da_previous(s):
    return s.W2.T @ s.dz2


@mistakes("04.3")
def da_previous_mistakes(s):
    W, dz = s.W2, s.dz2
    return attempts(
        (lambda: W @ dz, TRANSPOSE),
        (lambda: W.T * dz, HADAMARD_FOR_DOT),
        (lambda: W * dz, HADAMARD_FOR_DOT),
        (lambda: W.T @ s.da2, DA_FROM_DA),
    )
