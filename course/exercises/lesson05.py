"""Exercises of lesson 05, the hidden layers: dz^1 with tanh', the backward pass as a loop, reading a gradient check."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from ..activations import activation, sigmoid_prime, tanh_prime
from ..engine import Network
from ..i18n import N_
from ..losses import loss
from . import DOT_FOR_HADAMARD, attempts, exercise, mistakes

FORGOT_F_PRIME = N_(
    "The factor f'^1(z^1) is missing: dz^1 = da^1 ⊙ f'^1(z^1), and for tanh f'(z) = 1 − tanh²(z) (tanh_prime)."
)
F_NOT_F_PRIME = N_(
    "You multiplied by the activation tanh(z^1) itself: multiply by its derivative tanh'(z^1) = 1 − tanh²(z^1) instead (tanh_prime)."
)
F_PRIME_OF_A = N_("f'^1 must be evaluated at z^1, the input of the activation, not at a^1 = f^1(z^1).")
ONE_MINUS_Z_SQUARED = N_(
    "tanh'(z^1) = 1 − tanh²(z^1) = 1 − (a^1)²: square the activation a^1 (or tanh(z^1)), not the pre-activation z^1."
)
WRONG_ACTIVATION = N_("Layer 1 uses tanh, not the sigmoid: its derivative is tanh_prime, 1 − tanh²(z).")
LOOP_FORGOT_F_PRIME = N_(
    "Your loop leaves out f'^l(z^l): dz = da * f_prime(net.z[l]), with the f_prime of layer l, in every layer."
)
LOOP_F_PRIME_OF_A = N_(
    "Your loop evaluates f' at a^l: it must be evaluated at z^l, the input of the activation (net.z[l])."
)
LOOP_DA_FROM_DA = N_(
    "Your loop passes back (W^l)^T ⋅ da^l: the derivative handed to layer l − 1 is da^{l-1} = (W^l)^T ⋅ dz^l, made from dz^l."
)
LOOP_A_NOT_A_PREV = N_(
    "dW^l = dz^l ⋅ (a^{l-1})^T uses the activation that entered layer l, a^{l-1} (net.a[l - 1]), not a^l (net.a[l])."
)
LOOP_DB_FROM_DA = N_(
    "db^l = dz^l, the derivative that already includes the activation's f', not da^l: db = dz in every layer."
)
INHERITED = N_(
    "That layer is wrong, but it may only inherit the error: errors flow down from the layer where the bug is. Look for the wrong layer closest to the output."
)
RIGHT_LAYER = N_(
    "The gradients of that layer agree with the finite differences (tiny relative errors): it is right. Look further down, towards layer 1."
)
NOT_A_LAYER = N_("Answer with the number of a layer: the layers of this network are numbered from 1 to n = 4.")

WRONG = 1e-6  # a relative error above this is a wrong gradient, not rounding


def backward_variant(
    net, x, y, f_prime_at="z", skip_f_prime=(), da_from="dz", db_from="dz", a_for_dW="previous", bug_layers=None
):
    """A backward pass for lesson 05, right or with a chosen mistake in the layers ``bug_layers`` (all by default).

    ``f_prime_at="a"`` evaluates f'^l at a^l instead of z^l; ``skip_f_prime`` lists the layers where
    dz^l = da^l; ``da_from="da"`` passes back (W^l)^T da^l instead of (W^l)^T dz^l; ``db_from="da"``
    takes db^l = da^l; ``a_for_dW="own"`` makes dW^l from a^l instead of a^{l-1}. Returns (dW, db) dicts.
    """
    net.forward(x)
    y = np.asarray(y, dtype=float)
    n, m = net.n, y.shape[1]
    layers = range(1, n + 1) if bug_layers is None else bug_layers
    dW, db = {}, {}
    da = loss(net.loss)[1](net.a[n], y)
    for l in range(n, 0, -1):
        f_prime = activation(net.f[l])[1]
        if l in skip_f_prime:
            dz = da
        elif f_prime_at == "a" and l in layers:
            dz = da * f_prime(net.a[l])
        else:
            dz = da * f_prime(net.z[l])
        dW[l] = dz @ net.a[l if a_for_dW == "own" and l in layers else l - 1].T / m
        db[l] = (da if db_from == "da" and l in layers else dz).sum(axis=1, keepdims=True) / m
        da = net.W[l].T @ (da if da_from == "da" and l in layers else dz)
    return dW, db


def mystery_backward(net, x, y):
    """Lesson 05's mystery: a backward pass with one bug in one layer. Find it with a gradient check!"""
    return backward_variant(net, x, y, f_prime_at="a", bug_layers=[3])


def setup():
    """Lesson 05's network (2-4-3-1, tanh then the sigmoid, squared error) and example, and its deeper mystery network."""
    from ..gradcheck import gradient_check

    net = Network([2, 4, 3, 1], f="tanh", f_out="sigmoid", loss="mse", seed=2)
    x, y = np.array([[1.0], [-0.5]]), np.array([[1.0]])
    net.forward(x)
    da = net.a[3] - y
    for l in (3, 2):
        da = net.W[l].T @ (da * activation(net.f[l])[1](net.z[l]))
    deep = Network([2, 5, 4, 3, 1], f="tanh", f_out="sigmoid", loss="mse", seed=2)
    x_deep, y_deep = np.array([[0.8], [-1.2]]), np.array([[0.0]])
    dW, db = mystery_backward(deep, x_deep, y_deep)
    report = gradient_check(deep, x_deep, y_deep, dW=dW, db=db)
    return SimpleNamespace(net=net, x=x, y=y, da1=da, z1=net.z[1], report=report)


@exercise("05.1", "dz^1", setup=setup, given=lambda s: (s.da1, s.z1))
def dz_hidden(s):
    return s.da1 * tanh_prime(s.z1)


@mistakes("05.1")
def dz_hidden_mistakes(s):
    da, z = s.da1, s.z1
    fp = tanh_prime(z)
    return attempts(
        (lambda: da, FORGOT_F_PRIME),
        (lambda: da * np.tanh(z), F_NOT_F_PRIME),
        (lambda: da * tanh_prime(np.tanh(z)), F_PRIME_OF_A),
        (lambda: da * (1 - z**2), ONE_MINUS_Z_SQUARED),
        (lambda: da * sigmoid_prime(z), WRONG_ACTIVATION),
        (lambda: da @ fp.T, DOT_FOR_HADAMARD),
        (lambda: da.T @ fp, DOT_FOR_HADAMARD),
    )


@exercise("05.2", "dW^{l}", "db^{l}", setup=setup, given=lambda s: (s.net, s.x, s.y))
def backward_loop(s):
    return backward_variant(s.net, s.x, s.y)


@mistakes("05.2")
def backward_loop_mistakes(s):
    net, x, y, every = s.net, s.x, s.y, range(1, s.net.n + 1)
    return [
        (backward_variant(net, x, y, skip_f_prime=every), LOOP_FORGOT_F_PRIME),
        (backward_variant(net, x, y, skip_f_prime=range(1, net.n)), LOOP_FORGOT_F_PRIME),
        (backward_variant(net, x, y, f_prime_at="a"), LOOP_F_PRIME_OF_A),
        (backward_variant(net, x, y, da_from="da"), LOOP_DA_FROM_DA),
        (backward_variant(net, x, y, db_from="da"), LOOP_DB_FROM_DA),
        (backward_variant(net, x, y, a_for_dW="own"), LOOP_A_NOT_A_PREV),
    ]


def highest_wrong_layer(report, threshold=WRONG):
    """The layer closest to the output whose dW^l or db^l has a relative error above ``threshold`` (0 if none)."""
    wrong = [l for l in report.error_W if max(np.nanmax(report.error_W[l]), np.nanmax(report.error_b[l])) > threshold]
    return max(wrong, default=0)


@exercise("05.3", "l", setup=setup, given=lambda s: s.report)
def bug_layer(s):
    return highest_wrong_layer(s.report)


@mistakes("05.3")
def bug_layer_mistakes(s):
    right, n = highest_wrong_layer(s.report), len(s.report.error_W)
    found = [(l, INHERITED if l < right else RIGHT_LAYER) for l in s.report.error_W if l != right]
    return found + [(l, NOT_A_LAYER) for l in [0, *range(n + 1, n + 11)]]
