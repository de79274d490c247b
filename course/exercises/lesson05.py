"""Exercises of lesson 05, the hidden layers: dz^l with tanh', the backward loop, reading a gradient check."""

from __future__ import annotations

import numpy as np

from ..activations import activation, dz_from_da
from ..i18n import N_
from ..losses import loss
from . import DOT_FOR_HADAMARD, exercise, mistakes

FORGOT_F_PRIME = N_(
    "The factor f'^l(z^l) is missing: dz^l = da^l ⊙ f'^l(z^l), and for tanh f'(z) = 1 − tanh²(z) (tanh_prime)."
)
F_NOT_F_PRIME = N_(
    "You multiplied by the activation tanh(z^l) itself: multiply by its derivative tanh'(z^l) = 1 − tanh²(z^l) instead (tanh_prime)."
)
F_PRIME_OF_A = N_("f' must be evaluated at z^l, the input of the activation, not at a^l = f(z^l).")
ONE_MINUS_Z_SQUARED = N_(
    "tanh'(z) = 1 − tanh²(z) = 1 − (a^l)²: square the activation a^l (or tanh(z^l)), not the pre-activation z^l."
)
WRONG_ACTIVATION = N_("This layer uses tanh, not the sigmoid: its derivative is tanh_prime, 1 − tanh²(z).")
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
INHERITED = N_(
    "That layer is wrong, but it may only inherit the error: errors flow down from the layer where the bug is. Look for the wrong layer closest to the output."
)
RIGHT_LAYER = N_(
    "The gradients of that layer agree with the finite differences (tiny relative errors): it is right. Look further down, towards layer 1."
)

NOT_A_LAYER = N_("Answer with the number of a layer: the layers of this network are numbered from 1 to n.")

WRONG = 1e-6  # a relative error above this is a wrong gradient, not rounding


@exercise("05.1", "dz^l")
def dz_hidden(da, z, f="tanh"):
    return dz_from_da(f, np.asarray(da), np.asarray(z))


@mistakes("05.1")
def dz_hidden_mistakes(da, z, f="tanh"):
    da, z = np.asarray(da), np.asarray(z)
    g, g_prime = activation(f)
    fp = g_prime(z)
    found = [
        (da, FORGOT_F_PRIME),
        (da * g(z), F_NOT_F_PRIME),
        (da * g_prime(g(z)), F_PRIME_OF_A),
        (da * (1 - z**2), ONE_MINUS_Z_SQUARED),
        (da * activation("sigmoid")[1](z), WRONG_ACTIVATION),
        (da @ fp.T, DOT_FOR_HADAMARD),
        (da.T @ fp, DOT_FOR_HADAMARD),
    ]
    return found


def backward_variant(net, x, y, f_prime_at="z", skip_f_prime=(), da_from="dz", bug_layers=None):
    """A backward pass for lesson 05's checks, right or with a chosen mistake in the layers ``bug_layers``.

    ``f_prime_at="a"`` evaluates f'^l at a^l instead of z^l; ``skip_f_prime`` lists the layers where
    dz^l = da^l; ``da_from="da"`` passes back (W^l)^T da^l instead of (W^l)^T dz^l. Returns (dW, db) dicts.
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
        dW[l] = dz @ net.a[l - 1].T / m
        db[l] = dz.sum(axis=1, keepdims=True) / m
        da = net.W[l].T @ (da if da_from == "da" and l in layers else dz)
    return dW, db


def mystery_backward(net, x, y):
    """Lesson 05's mystery: a backward pass with one bug in one layer. Find it with a gradient check!"""
    return backward_variant(net, x, y, f_prime_at="a", bug_layers=[3])


@exercise("05.2", "dW^1")
def loop_dW1(net, x, y):
    dW, _db = backward_variant(net, x, y)
    return dW[1]


@mistakes("05.2")
def loop_dW1_mistakes(net, x, y):
    every = range(1, net.n + 1)
    found = [
        (backward_variant(net, x, y, skip_f_prime=every)[0][1], LOOP_FORGOT_F_PRIME),
        (backward_variant(net, x, y, skip_f_prime=range(1, net.n))[0][1], LOOP_FORGOT_F_PRIME),
        (backward_variant(net, x, y, f_prime_at="a")[0][1], LOOP_F_PRIME_OF_A),
        (backward_variant(net, x, y, da_from="da")[0][1], LOOP_DA_FROM_DA),
    ]
    # dW^1 made with a^1 instead of a^0: dz^1 is right, the second factor is not.
    net.forward(x)
    net.backward(y)
    found.append((net.dz[1] @ net.a[1].T / net.a[1].shape[1], LOOP_A_NOT_A_PREV))
    return found


def highest_wrong_layer(report, threshold=WRONG):
    """The layer closest to the output whose dW^l or db^l has a relative error above ``threshold`` (0 if none)."""
    wrong = [l for l in report.error_W if max(report.error_W[l].max(), report.error_b[l].max()) > threshold]
    return max(wrong, default=0)


@exercise("05.3", "l")
def bug_layer(report):
    return highest_wrong_layer(report)


@mistakes("05.3")
def bug_layer_mistakes(report):
    right, n = highest_wrong_layer(report), len(report.error_W)
    found = [(l, INHERITED if l < right else RIGHT_LAYER) for l in report.error_W if l != right]
    return found + [(l, NOT_A_LAYER) for l in [0, *range(n + 1, n + 11)] if l != right]
