"""Exercises of lesson 09, one example traced: a whole training step by hand, and the loss after it."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from ..activations import dz_from_da
from ..engine import Network, layer_forward
from ..i18n import N_
from ..losses import loss
from . import exercise, mistakes

NOT_UPDATED = N_(
    "W and b have not changed yet: after the forward and the backward pass, the step ends with the update W^l ← W^l − α dW^l and b^l ← b^l − α db^l, for every layer."
)
UPHILL = N_(
    "Your update moved uphill, against gradient descent: check the signs of the update, W^l ← W^l − α dW^l and b^l ← b^l − α db^l, and of the start of the backward pass, da^2 = ŷ − y."
)
B_UPHILL = N_(
    "Your W^l are right, but every b^l moved uphill: b^l ← b^l − α db^l. If you started from da^2 = y − ŷ and wrote W^l + α dW^l, the two wrong signs cancel out in W^l but not in b^l: gradient descent is da^2 = ŷ − y with W^l ← W^l − α dW^l and b^l ← b^l − α db^l."
)
FORGOT_ALPHA = N_("The learning rate is missing in the update: W^l ← W^l − α dW^l, not W^l − dW^l.")
A_NOT_A_PREV = N_(
    "dW^l = dz^l ⋅ (a^{l-1})^T uses the activation that entered layer l, a^{l-1} (a[l - 1]), not its output a^l (a[l])."
)
UPDATED_TOO_EARLY = N_(
    "W^l was updated before da^{l-1} = (W^l)^T ⋅ dz^l was computed with it: the backward pass must use the weights of the forward pass. Update every layer after the whole backward pass."
)
DA_NOT_HANDED_DOWN = N_(
    "Every layer received da^n: hand the derivative down, each layer passing its da^{l-1} = (W^l)^T ⋅ dz^l to layer l − 1."
)
OLD_LOSS = N_(
    "This is the loss before the update: run the forward pass again with the new W^l and b^l, then compute L."
)
NO_HALF = N_("The factor ½ is missing: L = ½ Σ_i (ŷ_i − y_i)².")
MEAN_NOT_SUM = N_("The loss adds up the output units, L = ½ Σ_i (ŷ_i − y_i)²: take the sum, not the mean.")
BIASES_NOT_UPDATED = N_(
    "This loss comes from the new weights with the old biases: update the biases too, b^l ← b^l − α db^l."
)
ONLY_WEIGHTS = N_("The weights W are right, but the biases b were not updated: b^l ← b^l − α db^l, in every layer.")


def _step(
    net,
    x,
    y,
    alpha,
    a_for_dW="previous",
    update_early=False,
    hand_down=True,
    update_b=True,
    sign=-1.0,
    b_sign=None,
    da_sign=1.0,
):
    """One training step of a copy of ``net`` on (x, y), right or with one chosen mistake; returns (W, b) dicts.

    ``a_for_dW="own"`` makes dW^l from a^l instead of a^{l-1}; ``update_early`` updates W^l before
    computing da^{l-1} with it; ``hand_down=False`` gives da^n to every layer; ``sign=+1`` adds α dW^l
    (and α db^l, unless ``b_sign`` says otherwise); ``da_sign=-1`` starts the backward pass from y − ŷ.
    Returns None when the mistake is impossible for these shapes.
    """
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    n = net.n
    W = {l: np.array(net.W[l], dtype=float) for l in range(1, n + 1)}
    b = {l: np.array(net.b[l], dtype=float) for l in range(1, n + 1)}
    a, z = {0: x}, {}
    for l in range(1, n + 1):
        z[l], a[l] = layer_forward(l, W[l], b[l], a[l - 1], net.f[l])
    first = da_sign * loss(net.loss)[1](a[n], y)
    da = first
    dW, db = {}, {}
    for l in range(n, 0, -1):
        dz = dz_from_da(net.f[l], da, z[l])
        a_in = a[l - 1] if a_for_dW == "previous" else a[l]
        if a_in.shape[0] != W[l].shape[1]:
            return None
        dW[l] = dz @ a_in.T / x.shape[1]
        db[l] = dz.mean(axis=1, keepdims=True)
        if update_early:
            W[l] = W[l] + sign * alpha * dW[l]
        da = W[l].T @ dz if hand_down else first
        if not hand_down and l > 1 and da.shape[0] != W[l - 1].shape[0]:
            return None
    for l in range(1, n + 1):
        if not update_early:
            W[l] = W[l] + sign * alpha * dW[l]
        if update_b:
            b[l] = b[l] + (sign if b_sign is None else b_sign) * alpha * db[l]
    return W, b


def _loss(net, W, b, x, y):
    a = np.asarray(x, dtype=float)
    for l in range(1, net.n + 1):
        _z, a = layer_forward(l, W[l], b[l], a, net.f[l])
    return 0.5 * float(((a - np.asarray(y, dtype=float)) ** 2).sum()), a


def setup():
    """Lesson 09's practice network: 3-4-2, tanh then the sigmoid, squared error, one example, α = 0.5."""
    net = Network([3, 4, 2], f="tanh", f_out="sigmoid", loss="mse", seed=7)
    x, y = np.array([[0.5], [-1.0], [1.5]]), np.array([[1.0], [0.0]])
    W, b = _step(net, x, y, 0.5)
    return SimpleNamespace(net=net, x=x, y=y, alpha=0.5, W=W, b=b)


@exercise("09.1", "W^{l}", "b^{l}", setup=setup, given=lambda s: (s.net, s.x, s.y, s.alpha))
def training_step(s):
    return s.W, s.b


@mistakes("09.1")
def training_step_mistakes(s):
    net, x, y, alpha = s.net, s.x, s.y, s.alpha
    old = ({l: net.W[l] for l in range(1, net.n + 1)}, {l: net.b[l] for l in range(1, net.n + 1)})
    found = [(old, NOT_UPDATED)]
    for options, hint in [
        ({"sign": +1.0}, UPHILL),
        ({"sign": -1.0, "b_sign": +1.0}, B_UPHILL),  # the same numbers as y − ŷ with W^l + α dW^l
        ({"sign": +1.0, "b_sign": -1.0}, UPHILL),
        ({"da_sign": -1.0}, UPHILL),
        ({"a_for_dW": "own"}, A_NOT_A_PREV),
        ({"update_early": True}, UPDATED_TOO_EARLY),
        ({"hand_down": False}, DA_NOT_HANDED_DOWN),
        ({"update_b": False}, ONLY_WEIGHTS),
    ]:
        result = _step(net, x, y, alpha, **options)
        if result is not None:
            found.append((result, hint))
    found.append((_step(net, x, y, 1.0), FORGOT_ALPHA))
    return found


@exercise("09.2", "L", setup=setup, given=lambda s: (s.net, s.x, s.y, s.W, s.b))
def loss_after_step(s):
    return _loss(s.net, s.W, s.b, s.x, s.y)[0]


@mistakes("09.2")
def loss_after_step_mistakes(s):
    net, x, y = s.net, s.x, s.y
    old, _a = _loss(net, net.W, net.b, x, y)
    L, a = _loss(net, s.W, s.b, x, y)
    return [
        (old, OLD_LOSS),
        (2 * old, OLD_LOSS),
        (2 * L, NO_HALF),
        (L / a.shape[0], MEAN_NOT_SUM),
        (2 * L / a.shape[0], MEAN_NOT_SUM),
        (_loss(net, s.W, net.b, x, y)[0], BIASES_NOT_UPDATED),
    ]
