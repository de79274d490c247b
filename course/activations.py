"""Activation functions f and their derivatives f' (lessons 02 and 03).

Each entry of :data:`ACTIVATIONS` is a pair ``(f, f')`` acting on z^l with one column per
example. Backpropagation evaluates f' on the stored pre-activation z^l (lesson 04). Every function
takes a number, a list or an array, and returns an array of floats.
"""

from __future__ import annotations

import numpy as np

from .i18n import N_, CourseError, _


def sigmoid(z):
    """σ(z) = 1 / (1 + e^{−z})."""
    # For z < −709, e^{−z} overflows to ∞ and σ(z) = 1/∞ = 0, which is right: no warning.
    with np.errstate(over="ignore"):
        return _logistic(_real(z))


def _real(z) -> np.ndarray:
    """z as an array of floats (a number or a list typed in a cell works too)."""
    return np.asarray(z, dtype=float)


def _logistic(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    """σ'(z) = σ(z)(1 − σ(z))."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z):
    """tanh(z) = (e^{z} − e^{−z}) / (e^{z} + e^{−z})."""
    # Same function as np.tanh (to one rounding), written with one exp of −2|z| so that it
    # cannot overflow; np.tanh is about twice as slow on some numpy builds.
    z = _real(z)
    e = np.exp(-2.0 * np.abs(z))
    return np.copysign((1.0 - e) / (1.0 + e), z)


def tanh_prime(z):
    """tanh'(z) = 1 − tanh²(z)."""
    return 1.0 - tanh(z) ** 2


def relu(z):
    """relu(z) = max(z, 0)."""
    return np.maximum(_real(z), 0.0)


def relu_prime(z):
    """relu'(z) = 1 if z > 0, else 0 (we take relu'(0) = 0)."""
    return (_real(z) > 0).astype(float)


def identity(z):
    return _real(z)


def identity_prime(z):
    return np.ones_like(_real(z))


def softmax(z):
    """softmax(z)_i = e^{z_i} / Σ_j e^{z_j}, for each column (example)."""
    z = _real(z)
    e = np.exp(z - z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def softmax_prime(z):
    """Softmax has no element-wise derivative: each s_i depends on every z_j (see :func:`dz_from_da`)."""
    raise CourseError(
        _(
            'softmax mixes the units of a column, so its derivative is a matrix (a Jacobian), not a vector f\'(z) to multiply element by element: compute dz = dz_from_da("softmax", da, z), which is s ⊙ (da − sᵀda).'
        )
    )


# How each activation is called in sentences and labels (translate with ``_()``).
NAMES = {
    "sigmoid": N_("sigmoid"),
    "tanh": N_("tanh"),
    "relu": N_("ReLU"),
    "identity": N_("identity"),
    "softmax": N_("softmax"),
}

ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_prime),
    "tanh": (tanh, tanh_prime),
    "relu": (relu, relu_prime),
    "identity": (identity, identity_prime),
    "softmax": (softmax, softmax_prime),
}


def activation(name: str):
    """The pair (f, f') called ``name``; an unknown name lists the valid ones."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise CourseError(
            _("Unknown activation {name!r}: choose one of {choices}.").format(name=name, choices=", ".join(ACTIVATIONS))
        ) from None


# The same functions for the training loop, which runs inside ``np.errstate(all="ignore")`` on
# float arrays it has checked once: the sigmoid's own errstate is a tenth of a small network's
# forward pass, and converting z^l again at every step is not free either.
QUIET = {"sigmoid": _logistic, "relu": lambda z: np.maximum(z, 0.0)}

# f' written with a = f(z), for the activations where it is cheaper: the engine stores a^l in
# the forward pass, so its backward pass needs no second exp (same numbers, to one rounding).
PRIME_FROM_A = {
    "sigmoid": lambda a: a * (1.0 - a),  # σ'(z) = σ(z)(1 − σ(z))
    "tanh": lambda a: 1.0 - a * a,  # tanh'(z) = 1 − tanh²(z)
    "relu": lambda a: a > 0,  # a > 0 exactly where z > 0 (True and False multiply as 1 and 0)
}


def dz_from_da(name: str, da, z):
    """dz^l = da^l ⊙ f'^l(z^l); for softmax, whose f' is a Jacobian, dz^l = s ⊙ (da^l − sᵀ da^l)."""
    f, f_prime = activation(name)
    da, z = _real(da), _real(z)
    if name == "softmax":
        # softmax mixes the units of a column, so f' is a Jacobian, not a vector:
        # dz = J^T da = s ⊙ (da − Σ_i s_i da_i), computed without building J.
        s = f(z)
        return s * (da - (s * da).sum(axis=0, keepdims=True))
    return da * f_prime(z)
