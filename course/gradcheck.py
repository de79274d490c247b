"""Gradient checking with central finite differences (lessons 03 and 05).

∂J/∂θ ≈ (J(θ + ε) − J(θ − ε)) / 2ε for every entry θ of every W^l and b^l. If the
backward pass is right, the two agree to about 1e-7 or better in float64; a wrong formula
shows up as large errors exactly where it is wrong.

Each entry's error is measured at the scale of its layer: |g − ĝ| / (|g| + |ĝ| + s^l),
where s^l is the typical size (root mean square) of the layer's gradients. Plain relative
error |g − ĝ| / (|g| + |ĝ|) would call an entry "wrong" whenever its gradient is so close to
0 that the finite difference only measures rounding. Above :data:`MAX_ENTRIES` parameters,
a random sample of entries per layer is checked (the check says how many), so that a big
network takes seconds, not minutes.
"""

from __future__ import annotations

import math
import time
import warnings
from dataclasses import dataclass, field

import numpy as np

from .checks import InputError, finite_numbers, number
from .engine import Network, ShapeError
from .i18n import CourseWarning, _, num

MAX_ENTRIES = 5000  # above this many parameters, check a random sample of each layer
SAMPLE_W, SAMPLE_B = 200, 50  # entries checked per W^l and per b^l when sampling
SLOW = 10.0  # seconds: announce a check that will take longer


@dataclass
class GradientCheck:
    """Numerical gradients beside the analytic ones, compared entry by entry (NaN where an entry was not checked)."""

    dW_numeric: dict
    db_numeric: dict
    error_W: dict
    error_b: dict
    difference: float  # ‖g − ĝ‖ / (‖g‖ + ‖ĝ‖) over every checked entry of every layer
    layer_difference: dict = field(default_factory=dict)  # the same, layer by layer (dW^l and db^l)
    scale: dict = field(default_factory=dict)  # s^l, the typical size of layer l's gradients
    checked: int = 0
    total: int = 0
    relu: bool = False  # whether the network has ReLU layers (their kink at 0 adds noise)
    cost: float = 1.0  # J at the parameters: sets how small a gradient finite differences can resolve

    @property
    def worst(self) -> float:
        """The largest error of any checked entry."""
        return max(float(np.nanmax(e)) for e in [*self.error_W.values(), *self.error_b.values()])

    @property
    def sampled(self) -> bool:
        return self.checked < self.total


def relative_error(g, g_hat, scale: float = 0.0):
    """|g − ĝ| / (|g| + |ĝ| + scale) entry by entry, 0 where the denominator is 0."""
    denominator = np.abs(g) + np.abs(g_hat) + scale
    return np.divide(np.abs(g - g_hat), denominator, out=np.zeros_like(denominator), where=denominator > 0)


def numeric_gradient(J, theta, eps=1e-5, entries=None):
    """Central differences of the function J() with respect to the entries of the array theta (all, or those listed).

    theta is changed in place, one entry at a time, then restored; entries not listed stay NaN.
    """
    grad = np.full_like(theta, np.nan) if entries is not None else np.zeros_like(theta)
    for index in np.ndindex(theta.shape) if entries is None else entries:
        saved = theta[index]
        theta[index] = saved + eps
        plus = J()
        theta[index] = saved - eps
        minus = J()
        theta[index] = saved
        grad[index] = (plus - minus) / (2 * eps)
    return grad


def _sample(shape, k, rng):
    """``k`` distinct entries of an array of ``shape`` (all of them if it has no more), in order."""
    size = math.prod(shape)
    if size <= k:
        return None
    flat = np.sort(rng.choice(size, k, replace=False))
    return [tuple(int(i) for i in np.unravel_index(f, shape)) for f in flat]


def gradient_check(net: Network, x, y, lam=0.0, dW=None, db=None, eps=1e-5, seed=0) -> GradientCheck:
    """Compare dW^l, db^l (the network's own backward pass, or the ones given) with finite differences.

    ``dW`` and ``db`` map every layer l = 1…n to an array of the shape of W^l and b^l.
    """
    if not isinstance(net, Network):
        # TRANSLATORS: `Network(...)` is Python code: keep it as it is.
        raise InputError(_("The gradient check needs a network built with `Network(...)` as its first argument."))
    eps = number("eps", eps, 1e-12, 0.1)
    net._check_parameters()  # W^l and b^l as float arrays: the nudges θ ± ε must not be rounded to whole numbers
    if dW is None or db is None:
        net.forward(x)
        net.backward(y, lam)
        dW = dict(net.dW) if dW is None else dW
        db = dict(net.db) if db is None else db
    layers = range(1, net.n + 1)
    _check_given(net, dW, db)

    def J():
        net.forward(x)
        return net.cost(y, lam)

    total = sum(net.W[l].size + net.b[l].size for l in layers)
    rng = np.random.default_rng(seed)
    chosen = {}
    for l in layers:
        many = total > MAX_ENTRIES
        chosen[l] = (_sample(net.W[l].shape, SAMPLE_W, rng) if many else None,
                     _sample(net.b[l].shape, SAMPLE_B, rng) if many else None)  # fmt: skip
    count = sum(
        (net.W[l].size if w is None else len(w)) + (net.b[l].size if b is None else len(b))
        for l, (w, b) in chosen.items()
    )
    # The fastest of three forward passes: the first one also pays for warming caches up,
    # and one hiccup of a busy machine must not make the estimate ten times too long.
    durations = []
    for _pass in range(3):
        start = time.perf_counter()
        cost = J()
        durations.append(time.perf_counter() - start)
    seconds = 2 * count * min(durations)
    if seconds > SLOW:
        warnings.warn(
            _(
                "The gradient check will take about {seconds} s: {count} entries, two forward passes each. Fewer examples make it faster."
            ).format(seconds=num(seconds, 2), count=num(count)),
            CourseWarning,
            stacklevel=2,
        )
    dW_numeric = {l: numeric_gradient(J, net.W[l], eps, chosen[l][0]) for l in layers}
    db_numeric = {l: numeric_gradient(J, net.b[l], eps, chosen[l][1]) for l in layers}
    net.forward(x)  # leave a^l and z^l as they are for the parameters, not for the last nudge

    def checked(given, numeric):  # the entries that were checked, as two flat arrays
        keep = ~np.isnan(numeric)
        return np.asarray(given, dtype=float)[keep], numeric[keep]

    error_W, error_b, layer_difference, scale = {}, {}, {}, {}
    all_g, all_g_hat = [], []
    for l in layers:
        pairs = [checked(dW[l], dW_numeric[l]), checked(db[l], db_numeric[l])]
        g = np.concatenate([p[0] for p in pairs])
        g_hat = np.concatenate([p[1] for p in pairs])
        all_g.append(g)
        all_g_hat.append(g_hat)
        scale[l] = float(np.sqrt(np.mean((g**2 + g_hat**2) / 2))) if g.size else 0.0
        layer_difference[l] = _norm_difference(g, g_hat)
        for errors, given, numeric in ((error_W, dW[l], dW_numeric[l]), (error_b, db[l], db_numeric[l])):
            errors[l] = np.where(
                np.isnan(numeric), np.nan, relative_error(np.asarray(given, float), np.nan_to_num(numeric), scale[l])
            )
    return GradientCheck(
        dW_numeric,
        db_numeric,
        error_W,
        error_b,
        _norm_difference(np.concatenate(all_g), np.concatenate(all_g_hat)),
        layer_difference,
        scale,
        count,
        total,
        "relu" in net.f.values(),
        cost,
    )


def _norm_difference(g, g_hat) -> float:
    total = np.linalg.norm(g) + np.linalg.norm(g_hat)
    return float(np.linalg.norm(g - g_hat) / total) if total else 0.0


def _check_given(net: Network, dW, db):
    """The learner's dW and db: a dict with every layer l, each finite and with the shape of W^l and b^l."""
    for symbol, given, params in (("dW", dW, net.W), ("db", db, net.b)):
        if not isinstance(given, dict):
            # TRANSLATORS: {{1: ..., 2: ...}} is Python code: keep it as it is.
            raise InputError(
                _("{symbol} must be a dict with one array per layer: {{1: ..., 2: ...}}.").format(symbol=symbol)
            )
        for l in range(1, net.n + 1):
            if l not in given:
                raise ShapeError(
                    _("{symbol} has no layer {l}: give {symbol}[l] for every layer l = 1…{n}.").format(
                        symbol=symbol, l=l, n=net.n
                    )
                )
            shape = np.shape(given[l])
            if shape != params[l].shape:
                raise ShapeError(
                    _("{symbol}^{l} has shape {shape} but should have the shape of {param}^{l}, {expected}.").format(
                        symbol=symbol, l=l, shape=shape, param=symbol[1:], expected=params[l].shape
                    )
                )
            values = finite_numbers(f"{symbol}^{l}", given[l], finite=False)
            if not np.isfinite(values).all():
                raise InputError(
                    _(
                        "{symbol}^{l} holds NaN or infinite values: finite differences can only be compared with finite numbers. Look for an overflow or a division by 0 in the formula that computed it."
                    ).format(symbol=symbol, l=l)
                )
