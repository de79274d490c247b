"""Gradient checking with central finite differences (lessons 03 and 05).

∂J/∂θ ≈ (J(θ + ε) − J(θ − ε)) / 2ε for every entry θ of every W^l and b^l. If the
backward pass is right, each entry's relative error is tiny (about 1e-7 or less in
float64); a wrong formula shows up as large errors exactly where it is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .engine import Network


@dataclass
class GradientCheck:
    """Numerical gradients beside the analytic ones, compared entry by entry."""

    dW_numeric: dict
    db_numeric: dict
    error_W: dict
    error_b: dict
    difference: float

    @property
    def worst(self) -> float:
        """The largest relative error of any entry."""
        return max(float(e.max()) for e in [*self.error_W.values(), *self.error_b.values()])


def relative_error(g, g_hat):
    """|g − ĝ| / (|g| + |ĝ|) entry by entry, 0 where both are 0."""
    denominator = np.abs(g) + np.abs(g_hat)
    return np.divide(np.abs(g - g_hat), denominator, out=np.zeros_like(denominator), where=denominator > 0)


def numeric_gradient(J, theta, eps=1e-5):
    """Central differences of the function J() with respect to each entry of the array theta (changed in place, then restored)."""
    grad = np.zeros_like(theta)
    for index in np.ndindex(theta.shape):
        saved = theta[index]
        theta[index] = saved + eps
        plus = J()
        theta[index] = saved - eps
        minus = J()
        theta[index] = saved
        grad[index] = (plus - minus) / (2 * eps)
    return grad


def gradient_check(net: Network, x, y, lam=0.0, dW=None, db=None, eps=1e-5) -> GradientCheck:
    """Compare dW^l, db^l (the network's own backward pass, or the ones given) with finite differences.

    ``difference`` is ‖g − ĝ‖ / (‖g‖ + ‖ĝ‖) over every entry of every dW^l and db^l at once.
    """
    if dW is None or db is None:
        net.forward(x)
        net.backward(y, lam)
        dW = dict(net.dW) if dW is None else dW
        db = dict(net.db) if db is None else db

    def J():
        net.forward(x)
        return net.cost(y, lam)

    layers = range(1, net.n + 1)
    dW_numeric = {l: numeric_gradient(J, net.W[l], eps) for l in layers}
    db_numeric = {l: numeric_gradient(J, net.b[l], eps) for l in layers}
    g = np.concatenate([np.ravel(v[l]) for v in (dW, db) for l in layers])
    g_hat = np.concatenate([np.ravel(v[l]) for v in (dW_numeric, db_numeric) for l in layers])
    total = np.linalg.norm(g) + np.linalg.norm(g_hat)
    net.forward(x)  # leave a^l and z^l as they are for the parameters, not for the last nudge
    return GradientCheck(
        dW_numeric,
        db_numeric,
        {l: relative_error(dW[l], dW_numeric[l]) for l in layers},
        {l: relative_error(db[l], db_numeric[l]) for l in layers},
        float(np.linalg.norm(g - g_hat) / total) if total else 0.0,
    )
