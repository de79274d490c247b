"""The backpropagation engine, written in the notation of the lessons.

Layers are numbered l = 1…n; index 0 is the input a^0 = x. Every array holds one
**column per example**: a^l and z^l have shape (n^l, m), W^l has shape (n^l, n^{l-1}),
b^l has shape (n^l, 1).

Forward (lesson 02)::

    z^l = W^l a^{l-1} + b^l,    a^l = f^l(z^l),    ŷ = a^n

Backward (lessons 04 and 05), from da^n = ∂L/∂a^n down to layer 1::

    dz^l = da^l ⊙ f'^l(z^l)
    dW^l = dz^l ⋅ (a^{l-1})^T      db^l = dz^l      da^{l-1} = (W^l)^T ⋅ dz^l

Update (lesson 06): W^l ← W^l − α dW^l,  b^l ← b^l − α db^l.

With m examples (lesson 08), dz^l and da^l keep one column per example; dW^l and db^l
are the mean over the m columns, plus (λ/m) W^l for the weights (biases are not
regularized), and the cost J adds (λ/2m) Σ_l ‖W^l‖². In training, m in λ/m is the size
of the whole training set whatever the batch size (Nielsen's convention), so that the
regularized cost does not depend on how the examples are batched. With m = 1 and λ = 0
every formula is exactly the one above.

:func:`layer_backward` computes one layer literally, as the lessons write it.
:meth:`Network.backward` gives the same numbers the way a careful library does (lesson 04):
for the three usual output pairs it takes dz^n = ŷ − y directly, and the cost from z^n,
exact where ŷ = σ(z^n) rounds to 0 or 1; f' of a sigmoid or tanh layer is computed from
the stored a^l; and da^0, which no weight needs, is computed only when it is read.
"""

from __future__ import annotations

import math
import numbers
import statistics
from functools import partial

import numpy as np

from . import losses
from .activations import NAMES, PRIME_FROM_A, QUIET, activation, dz_from_da
from .checks import InputError, choice, count, finite_numbers, positive_number, training_size
from .i18n import CourseError, _, ngettext, num

# A run whose cost ends this many times above where it started has overshot (lesson 06).
OVERSHOOT_FACTOR = 10.0


class ShapeError(CourseError, ValueError):
    """Two arrays whose shapes do not fit the formula being computed."""


def diverged_message(step: int, alpha: float, safer: float) -> str:
    """The sentence that says the cost J diverged, with one safer α (the engine, the α explorer and the playground)."""
    return _(
        "The cost J diverged at step {step} with α = {alpha}: each update overshoots the minimum, so J grows instead of shrinking. Try a smaller learning rate, such as α = {safer}."
    ).format(step=step, alpha=num(alpha), safer=num(safer))


class DivergenceError(CourseError, ArithmeticError):
    """The cost became infinite or not a number during training (lesson 06)."""

    def __init__(self, step: int, alpha: float, history: list[float]):
        self.step, self.alpha, self.history = step, alpha, history
        super().__init__(diverged_message(step, alpha, alpha / 10))


class History(list):
    """The cost J of every step of a training run (one value per update, before it).

    ``overshoot`` is the step from which J stayed more than :data:`OVERSHOOT_FACTOR` times
    above its first value, if J ended there: α was too large, yet J stayed finite. A run
    that jumps up and comes back down has no overshoot (it is judged at its end).
    """

    alpha: float
    overshoot: int | None

    def __init__(self, costs, alpha: float):
        super().__init__(costs)
        self.alpha, self.overshoot = alpha, overshoot_step(self)

    def message(self) -> str | None:
        """What went wrong, in the learner's language, or None."""
        return None if self.overshoot is None else diverged_message(self.overshoot, self.alpha, self.alpha / 10)


def final_cost(costs) -> float:
    """Where a run ended: the median cost of its last tenth (at least its last 5 steps), steady when J jumps up and down."""
    tail = costs[-max(5, math.ceil(len(costs) / 10)) :]
    return float(statistics.median(tail))  # finite costs (the callers check): a tenth of np.median's time


def overshoot_step(costs, factor: float = OVERSHOOT_FACTOR) -> int | None:
    """The step (from 1) where the cost diverged, or None.

    The first cost that is infinite or NaN; or else, if the run ended (:func:`final_cost`)
    more than ``factor`` times above its first cost, the first step above that limit. The run
    is judged at its end: a cost that jumps above the limit and comes back down has recovered.
    """
    for k, cost in enumerate(costs, start=1):
        if not math.isfinite(cost):
            return k
    if len(costs) == 0:
        return None
    limit = factor * max(costs[0], 1e-12)
    if final_cost(costs) <= limit:
        return None
    return next(k for k, cost in enumerate(costs, start=1) if cost > limit)


class ByLayer(dict):
    """``W[l]``, ``a[l]``… indexed by the layer number l, as in the formulas.

    A value may be left to compute when it is first read (``later[l]``, a function): the
    backward pass does so for what training never reads (da^0, and da^n when dz^n = ŷ − y).
    Reading, iterating or copying the dict computes it, so it behaves as a dict of every
    computed layer.
    """

    def __init__(self, symbol: str, n: int, first: int = 1):
        super().__init__()
        self.symbol, self.n, self.first = symbol, n, first
        self.later = {}

    def _layer(self, l):
        """``l`` if it is the number of a layer here; otherwise a sentence."""
        if type(l) is int and self.first <= l <= self.n:  # the common case, without the ABC check below
            return l
        if isinstance(l, numbers.Integral) and not isinstance(l, bool) and self.first <= l <= self.n:
            return int(l)
        raise CourseError(
            _("{symbol}[{l!r}] does not exist: layers are numbered by whole numbers from {first} to n = {n}.").format(
                symbol=self.symbol, l=l, first=self.first, n=self.n
            )
        )

    def __missing__(self, l):
        l = self._layer(l)
        if l in self.later:
            self[l] = value = self.later.pop(l)()
            return value
        raise CourseError(
            _("{symbol}^{l} has not been computed yet: run the forward pass (and the backward pass) first.").format(
                symbol=self.symbol, l=l
            )
        )

    def _now(self):
        for l in sorted(self.later):
            self[l] = self.later.pop(l)()
        return self

    def __iter__(self):
        return dict.__iter__(self._now())

    def __len__(self):
        return dict.__len__(self) + len(self.later)

    def __contains__(self, l):
        return dict.__contains__(self, l) or l in self.later

    def __eq__(self, other):
        return dict.__eq__(self._now(), other)

    __hash__ = None

    def __repr__(self):
        return dict.__repr__(self._now())

    def keys(self):
        return dict.keys(self._now())

    def values(self):
        return dict.values(self._now())

    def items(self):
        return dict.items(self._now())

    def get(self, l, default=None):
        return self[l] if l in self else default  # noqa: SIM401 (dict.get would skip the values computed later)

    def copy(self):
        return dict(self._now())

    def clear(self):
        dict.clear(self)
        self.later.clear()


class Parameters(ByLayer):
    """``W[l]`` and ``b[l]``: what the learner may set by hand, so a layer that does not exist is named at once."""

    def __setitem__(self, l, value):
        dict.__setitem__(self, self._layer(l), value)


def _check_shape(name: str, array, expected: tuple, other: str, other_shape: tuple):
    if array.shape != expected:
        raise ShapeError(
            _(
                "{name} has shape {shape} but should have shape {expected} to match {other}, of shape {other_shape}."
            ).format(name=name, shape=array.shape, expected=expected, other=other, other_shape=other_shape)
        )


def layer_forward(l: int, W, b, a_prev, f: str):
    """z^l = W^l a^{l-1} + b^l and a^l = f^l(z^l); returns (z^l, a^l)."""
    W, b, a_prev = finite_numbers(f"W^{l}", W), finite_numbers(f"b^{l}", b), finite_numbers(f"a^{l - 1}", a_prev)
    for symbol, array in ((f"W^{l}", W), (f"a^{l - 1}", a_prev)):
        if array.ndim != 2:
            raise ShapeError(
                _(
                    "{symbol} has shape {shape}: it must be a matrix, with one column per example for an activation."
                ).format(symbol=symbol, shape=array.shape)
            )
    if W.shape[1] != a_prev.shape[0]:
        raise ShapeError(
            _(
                "W^{l} has shape {W_shape} but a^{k} has {rows} rows: W^{l} ⋅ a^{k} needs W^{l} to have as many columns as a^{k} has rows."
            ).format(l=l, k=l - 1, W_shape=W.shape, rows=a_prev.shape[0] if a_prev.ndim else 0)
        )
    _check_shape(f"b^{l}", b, (W.shape[0], 1), f"W^{l}", W.shape)
    z = W @ a_prev + b
    return z, activation(f)[0](z)


def layer_backward(l: int, da, a_prev, z, W, f: str, lam: float = 0.0, m: int | None = None):
    """One layer of backpropagation, literally; returns (dz^l, dW^l, db^l, da^{l-1}).

    dz^l = da^l ⊙ f'^l(z^l),  dW^l = dz^l ⋅ (a^{l-1})^T,  db^l = dz^l,
    da^{l-1} = (W^l)^T ⋅ dz^l — with dW^l and db^l averaged over the columns and (λ/m) W^l
    added to dW^l, m being the size of the training set (by default, the number of columns).
    """
    da, a_prev, z, W = (
        finite_numbers(s, v) for s, v in ((f"da^{l}", da), (f"a^{l - 1}", a_prev), (f"z^{l}", z), (f"W^{l}", W))
    )
    lam = positive_number("λ", lam, zero=True)
    _check_shape(f"W^{l}", W, (z.shape[0], a_prev.shape[0]), f"z^{l} and a^{l - 1}", (z.shape, a_prev.shape))
    _check_shape(f"da^{l}", da, z.shape, f"z^{l}", z.shape)
    _check_shape(f"a^{l - 1}", a_prev, (W.shape[1], z.shape[1]), f"W^{l}", W.shape)
    columns = z.shape[1]
    m = training_size(m, columns)
    dz = dz_from_da(f, da, z)
    dW = (dz @ a_prev.T) / columns
    if lam:
        dW += (lam / (m or columns)) * W
    db = dz.sum(axis=1, keepdims=True) / columns
    return dz, dW, db, W.T @ dz


INITS = ("auto", "lecun", "xavier", "he", "normal", "zeros")


def init_scale(init: str, n_in: int, n_out: int, f: str = "sigmoid") -> float:
    """The standard deviation of the entries of W^l for ``init`` (lesson 11), with n_in = n^{l-1}, n_out = n^l.

    LeCun √(1/n^{l-1}), Xavier/Glorot √(2/(n^{l-1} + n^l)), He √(2/n^{l-1}), normal 1,
    zeros 0; ``"auto"`` is He for a ReLU layer f^l and LeCun otherwise.
    """
    if init == "auto":
        init = "he" if f == "relu" else "lecun"
    variance = {
        "lecun": 1.0 / n_in,
        "xavier": 2.0 / (n_in + n_out),
        "he": 2.0 / n_in,
        "normal": 1.0,
        "zeros": 0.0,
    }[choice("init", init, INITS)]
    return math.sqrt(variance)


class Network:
    """A fully connected network with layers 1…n.

    ``Network([2, 4, 1], f="tanh", f_out="sigmoid")`` has n^0 = 2 inputs, one hidden layer
    of n^1 = 4 units with f^1 = tanh, and one output unit with f^2 = sigmoid. ``f`` may
    also be a list of the n activation names f^1…f^n. The loss defaults to binary
    cross-entropy after a sigmoid, cross-entropy after a softmax, else mean squared error.

    Weights start at random, drawn from ``numpy.random.default_rng(seed)``, and biases at 0
    (lesson 11). ``init`` chooses the variance of each W^l:

    - ``"auto"`` (the default): He for a ReLU layer, LeCun for the others;
    - ``"lecun"``: W^l ~ N(0, 1/n^{l-1});
    - ``"xavier"`` (Glorot): W^l ~ N(0, 2/(n^{l-1} + n^l));
    - ``"he"``: W^l ~ N(0, 2/n^{l-1});
    - ``"normal"``: W^l ~ N(0, 1), whatever the sizes;
    - ``"zeros"``: W^l = 0, so every unit of a layer stays the same as its neighbours.
    """

    def __init__(self, sizes, f="sigmoid", f_out=None, loss=None, seed=0, init="auto"):
        given = sizes
        try:
            sizes = [count("n^l", s) for s in given] if not isinstance(given, str) else []
        except (InputError, TypeError):
            sizes = []
        if len(sizes) < 2:
            raise InputError(
                _(
                    "A network needs at least two sizes n^0, n^1, each a whole number of at least 1; got {sizes}."
                ).format(sizes=repr(given))
            )
        self.sizes = sizes
        self.n = n = len(sizes) - 1
        if isinstance(f, (list, tuple)) and f_out is not None:
            raise InputError(
                _(
                    "f is a list of the activations of every layer, so f_out is not needed: leave it out, or give f one name."
                )
            )
        names = list(f) if isinstance(f, (list, tuple)) else [f] * (n - 1) + [f_out or f]
        if len(names) != n:
            raise CourseError(
                ngettext(
                    "Give one activation per layer: {n} name for f^1…f^{n}, got {count}.",
                    "Give one activation per layer: {n} names for f^1…f^{n}, got {count}.",
                    n,
                ).format(n=n, count=len(names))
            )
        self.f = ByLayer("f", n)
        for l, name in enumerate(names, start=1):
            activation(name)  # fails early, listing the valid names
            self.f[l] = name
        self.loss = loss or _DEFAULT_LOSS.get(self.f[n], "mse")
        self._L, self._dL = losses.loss(self.loss)  # fails early, listing the valid names
        self._check_output_layer()
        self.fused = (self.f[n], self.loss) in losses.FUSED  # dz^n = ŷ − y (lesson 04)
        self.W, self.b = Parameters("W", n), Parameters("b", n)
        self.z, self.dz, self.dW, self.db = (ByLayer(s, n) for s in ("z", "dz", "dW", "db"))
        self.a, self.da = ByLayer("a", n, first=0), ByLayer("da", n, first=0)
        self.init = choice("init", init, INITS)
        rng = np.random.default_rng(count("seed", seed, least=0))
        for l in range(1, n + 1):
            self.W[l] = rng.normal(
                0.0, init_scale(self.init, sizes[l - 1], sizes[l], self.f[l]), (sizes[l], sizes[l - 1])
            )
            self.b[l] = np.zeros((sizes[l], 1))

    def _check_output_layer(self):
        f_out, n = self.f[self.n], self.n
        if f_out == "softmax" and self.sizes[n] < 2:
            raise InputError(
                _(
                    "A softmax output needs at least 2 units, one per class; here n^{n} = 1. For two classes, use one sigmoid unit."
                ).format(n=n)
            )
        allowed = losses.OUTPUTS.get(self.loss)
        if allowed and f_out not in allowed:
            raise InputError(
                _(
                    "{loss} compares probabilities: it needs an output layer f^{n} = sigmoid or softmax, not {activation}."
                ).format(loss=_(losses.NAMES[self.loss]), n=n, activation=_(NAMES[f_out]))
            )

    def __repr__(self):
        layers = ", ".join(self.f[l] for l in range(1, self.n + 1))
        return f"Network({'-'.join(map(str, self.sizes))}; {layers}; {self.loss})"

    # --- checks of the learner's x and y, once per call -------------------------------------

    def _check_input(self, x):
        x = finite_numbers("a^0 = x", x)
        if x.ndim != 2 or x.shape[0] != self.sizes[0]:
            hint = (
                _(" Did you mean x.T? Examples go in columns.") if x.ndim == 2 and x.shape[1] == self.sizes[0] else ""
            )
            raise ShapeError(
                _(
                    "a^0 = x has shape {shape} but the network expects n^0 = {n0} rows (one per input) and one column per example."
                ).format(shape=x.shape, n0=self.sizes[0])
                + hint
            )
        if x.shape[1] == 0:
            raise InputError(_("a^0 = x has no example: its shape is {shape}, with 0 columns.").format(shape=x.shape))
        return x

    def _check_target(self, y, columns: int):
        y = finite_numbers("y", y)
        expected = (self.sizes[self.n], columns)
        if y.shape != expected:
            raise ShapeError(
                _(
                    "y has shape {y_shape} but ŷ = a^{n} has shape {shape}: give one column of targets per example."
                ).format(y_shape=y.shape, n=self.n, shape=expected)
            )
        if self.loss in losses.OUTPUTS:
            outside = (y < 0) | (y > 1)
            if outside.any():
                column = int(np.argwhere(outside)[0][1])
                raise InputError(
                    _(
                        "With {loss}, the targets y are probabilities between 0 and 1 (a class is 0 or 1), but y[:, {column}] holds {value}."
                    ).format(loss=_(losses.NAMES[self.loss]), column=column, value=num(y[outside][0]))
                )
        if self.loss == "cross_entropy":
            totals = y.sum(axis=0)
            wrong = np.abs(totals - 1) > 1e-6
            if wrong.any():
                column = int(np.argmax(wrong))
                raise InputError(
                    _(
                        "With cross-entropy, each column of y gives the probabilities of the classes, adding up to 1 (one 1, the rest 0), but y[:, {column}] adds up to {total}."
                    ).format(column=column, total=num(totals[column]))
                )
        return y

    def _check_parameters(self):
        """Every W^l and b^l has its shape and finite numbers (checked once, before training)."""
        for l in range(1, self.n + 1):
            for symbol, value, shape in (
                (f"W^{l}", self.W[l], (self.sizes[l], self.sizes[l - 1])),
                (f"b^{l}", self.b[l], (self.sizes[l], 1)),
            ):
                usual = isinstance(value, np.ndarray) and value.dtype == float and value.shape == shape
                if usual and math.isfinite(np.add.reduce(value, axis=None)):
                    continue  # the usual case, in one pass
                value = finite_numbers(symbol, value, parameter=True)
                (self.W if symbol[0] == "W" else self.b)[l] = value  # whole numbers or a list: as floats
                if value.shape != shape:
                    raise ShapeError(
                        _("{symbol} has shape {shape} but layer {l} of this network needs {expected}.").format(
                            symbol=symbol, shape=value.shape, l=l, expected=shape
                        )
                    )

    # --- forward, cost, backward, update -----------------------------------------------------

    def forward(self, x):
        """a^0 = x, then z^l and a^l for l = 1…n with :func:`layer_forward`; returns ŷ = a^n."""
        self._check_parameters()
        self.a[0] = self._check_input(x)
        for l in range(1, self.n + 1):
            self.z[l], self.a[l] = layer_forward(l, self.W[l], self.b[l], self.a[l - 1], self.f[l])
        return self.a[self.n]

    def _forward(self, x, f):
        """The same forward pass, without the checks that :meth:`train` made once (``f``: f^1…f^n as functions)."""
        a = self.a[0] = x
        for l in range(1, self.n + 1):
            self.z[l] = z = self.W[l] @ a + self.b[l]
            self.a[l] = a = f[l - 1](z)
        return a

    def losses(self, x, y):
        """L of every example of (x, y) after a forward pass: one number per column, exact for the fused pairs."""
        self.forward(x)
        return self._losses(self._check_target(y, self.a[0].shape[1]))

    def _losses(self, y):
        n = self.n
        if self.fused:
            return losses.loss_from_z(self.f[n], self.loss, self.z[n], y)
        return self._L(self.a[n], y)

    def cost(self, y, lam: float = 0.0, m: int | None = None) -> float:
        """J = (1/B) Σ_examples L(ŷ, y) + (λ/2m) Σ_l ‖W^l‖², on the last forward pass of B examples.

        m is the size of the training set (by default B, the number of columns of y).
        """
        lam = positive_number("λ", lam, zero=True)
        y = self._check_target(y, self.a[0].shape[1])
        with np.errstate(over="ignore", invalid="ignore"):  # a diverged network's cost is ∞ or NaN, said as such
            return self._cost(y, lam, training_size(m, y.shape[1]))

    def _cost(self, y, lam: float, m: int | None):
        columns = y.shape[1]
        if self.fused:
            J = float(losses.cost_from_z(self.loss, self.z[self.n], y)) / columns
        else:
            J = float(self._L(self.a[self.n], y).sum()) / columns
        if lam:
            J += lam / (2 * (m or columns)) * sum(float(np.vdot(W, W)) for W in self.W.values())
        return J

    def backward(self, y, lam: float = 0.0, m: int | None = None):
        """dz^n (and da^n), then dW^l, db^l, dz^l and da^{l-1} for l = n…1 (m: the training set's size, for λ/m)."""
        lam = positive_number("λ", lam, zero=True)
        y = self._check_target(y, self.a[0].shape[1])
        self._check_parameters()
        for l in range(1, self.n + 1):
            _check_shape(f"z^{l}", np.asarray(self.z[l]), (self.sizes[l], y.shape[1]), "y", y.shape)
        self._backward(y, lam, training_size(m, y.shape[1]))

    def _backward(self, y, lam: float, m: int | None, primes=None):
        """The backward pass; ``primes`` lists, for l = 1…n, f'^l as a function of a^l (None: through z^l)."""
        n, columns = self.n, y.shape[1]
        if primes is None:
            primes = self._primes()
        penalty, inverse = lam / (m or columns), 1.0 / columns
        a_n, loss_da = self.a[n], self._dL
        self.da.clear()
        if self.fused:
            dz = a_n - y  # dz^n = ŷ − y: the chain rule through f^n and L, simplified (lesson 04)
            self.da.later[n] = partial(loss_da, a_n, y)  # only shown: it divides by 0 where ŷ saturates
        else:
            self.da[n] = da = loss_da(a_n, y)
            dz = da * primes[n - 1](a_n) if primes[n - 1] else dz_from_da(self.f[n], da, self.z[n])
        for l in range(n, 0, -1):
            self.dz[l] = dz
            dW = dz @ self.a[l - 1].T
            dW *= inverse  # the mean over the examples
            if penalty:
                dW += penalty * self.W[l]
            db = np.add.reduce(dz, axis=1, keepdims=True)
            db *= inverse
            self.dW[l], self.db[l] = dW, db
            if l > 1:  # dz^{l-1} = da^{l-1} ⊙ f'^{l-1}(z^{l-1}), f' from a^{l-1} where that is cheaper
                self.da[l - 1] = da = self.W[l].T @ dz
                prime = primes[l - 2]
                dz = da * prime(self.a[l - 1]) if prime else dz_from_da(self.f[l - 1], da, self.z[l - 1])
        # da^0 = (W^1)^T dz^1 changes no weight: it is computed only if read (lesson 05 reads it).
        self.da.later[0] = partial(np.matmul, self.W[1].T, dz)

    def _primes(self) -> list:
        return [PRIME_FROM_A.get(self.f[l]) for l in range(1, self.n + 1)]

    def update(self, alpha: float):
        """W^l ← W^l − α dW^l and b^l ← b^l − α db^l for every layer."""
        alpha = positive_number("α", alpha)
        self._check_parameters()
        for l in range(1, self.n + 1):
            for d, params in ((self.dW, self.W), (self.db, self.b)):
                d[l] = finite_numbers(f"{d.symbol}^{l}", d[l])
                _check_shape(f"{d.symbol}^{l}", d[l], params[l].shape, f"{params.symbol}^{l}", params[l].shape)
        self._update(alpha)

    def _update(self, alpha: float):
        # W^1 becomes a new array, the others change in place: da^0 = (W^1)^T dz^1, computed
        # only if it is read, keeps the W^1 of its backward pass.
        self.W[1] = self.W[1] - alpha * self.dW[1]
        for l in range(2, self.n + 1):
            np.subtract(self.W[l], alpha * self.dW[l], out=self.W[l])
        for l in range(1, self.n + 1):
            np.subtract(self.b[l], alpha * self.db[l], out=self.b[l])

    def step(self, x, y, alpha: float, lam: float = 0.0, m: int | None = None) -> float:
        """One step of gradient descent on (x, y); returns the cost J before the update."""
        alpha, lam = positive_number("α", alpha), positive_number("λ", lam, zero=True)
        x = self._check_input(x)
        y = self._check_target(y, x.shape[1])
        return self._step(x, y, alpha, lam, training_size(m, x.shape[1]))

    def _step(self, x, y, alpha: float, lam: float, m: int | None, f=None, primes=None) -> float:
        if f is None:
            self.forward(x)
        else:
            self._forward(x, f)
        J = self._cost(y, lam, m)
        self._backward(y, lam, m, primes)
        self._update(alpha)
        return J

    def train(self, x, y, alpha=0.1, epochs=100, batch_size=None, lam=0.0, seed=0, steps=None) -> History:
        """Gradient descent over (x, y); returns the :class:`History` of the cost, one value per step.

        ``batch_size=None`` is full-batch gradient descent (one step per epoch), ``1`` is
        stochastic gradient descent, anything between is mini-batch; examples are
        shuffled each epoch with ``seed``. ``steps`` (if given) stops after that many
        updates instead of ``epochs`` epochs. Each value of the history is the cost of
        the batch used by that step, before its update, with the penalty (λ/2m) Σ‖W^l‖² of
        the whole training set of m examples. A cost that becomes infinite or NaN raises
        :class:`DivergenceError`; a cost that ends far above where it started is reported
        by the history's ``overshoot`` and ``message()``.
        """
        alpha, lam = positive_number("α", alpha), positive_number("λ", lam, zero=True)
        x = self._check_input(x)
        y = self._check_target(y, x.shape[1])
        self._check_parameters()
        m = x.shape[1]
        size = m if batch_size is None else min(count("batch_size", batch_size), m)
        total = count("steps", steps) if steps is not None else count("epochs", epochs) * math.ceil(m / size)
        seed = count("seed", seed, least=0)
        rng = np.random.default_rng(seed) if size < m else None  # examples are shuffled for mini-batches only
        f = [QUIET.get(self.f[l]) or activation(self.f[l])[0] for l in range(1, self.n + 1)]
        primes = self._primes()
        costs: list[float] = []
        # Overflow is expected when α is too large: it is reported below as a divergence.
        with np.errstate(all="ignore"):
            while len(costs) < total:
                if size < m:
                    order = rng.permutation(m)
                    xs, ys = x[:, order], y[:, order]
                else:  # full batch: the whole training set, not a copy of it
                    xs, ys = x, y
                for start in range(0, m, size):
                    if len(costs) == total:
                        break
                    batch = (xs, ys) if size == m else (xs[:, start : start + size], ys[:, start : start + size])
                    J = self._step(*batch, alpha, lam, m, f, primes)
                    costs.append(J)
                    if not math.isfinite(J):
                        raise DivergenceError(len(costs), alpha, costs)
        return History(costs, alpha)

    def predict(self, x):
        """Class labels: ŷ > ½ for a sigmoid output, the row of the largest ŷ for a softmax, else ŷ."""
        y_hat = self.forward(x)
        if self.f[self.n] == "sigmoid":
            return (y_hat > 0.5).astype(int)
        if self.f[self.n] == "softmax":
            return y_hat.argmax(axis=0)
        return y_hat

    def accuracy(self, x, y) -> float:
        """The fraction of examples whose predicted class is right: y holds 0 and 1 for a sigmoid output, one-hot columns for a softmax."""
        f_out = self.f[self.n]
        if f_out not in ("sigmoid", "softmax"):
            raise InputError(
                _(
                    "The accuracy compares classes: it needs an output layer f^{n} = sigmoid or softmax, not {activation}."
                ).format(n=self.n, activation=_(NAMES[f_out]))
            )
        predicted = self.predict(x)
        y = self._check_target(y, self.a[0].shape[1])
        if f_out == "sigmoid":
            if not np.isin(y, (0.0, 1.0)).all():
                raise InputError(_("The accuracy compares classes: y must hold only 0 and 1, one label per example."))
            return float((predicted == y).mean())
        if not (np.isin(y, (0.0, 1.0)).all() and (y.sum(axis=0) == 1).all()):
            raise InputError(
                _(
                    "The accuracy compares classes: each column of y must be one-hot, a 1 in the row of its class and 0 elsewhere."
                )
            )
        return float((predicted == y.argmax(axis=0)).mean())


_DEFAULT_LOSS = {"sigmoid": "binary_cross_entropy", "softmax": "cross_entropy"}


def backprop_by_example(net: Network, x, y, lam: float = 0.0):
    """The freeCodeCamp guide's form: Θ, δ, Δ accumulated one example at a time, D = (1/m)(Δ + λΘ).

    Θ^l = [b^l | W^l] puts the bias in column 0 (the guide numbers Θ from the layer it
    leaves, so its Θ^{(l-1)} is our Θ^l). For each example t: δ^n = a^n − y^(t), then
    δ^l = ((Θ^{l+1})^T δ^{l+1})[1:] ⊙ f'(z^l) and Δ^l += δ^l [1; a^{l-1}]^T. Column 0 of D^l
    (the bias) is not regularized. Returns {l: D^l}; D^l = [db^l | dW^l] of the engine.

    δ^n = a^n − y is the derivative of the loss with respect to z^n only for the usual
    pairs: sigmoid with binary cross-entropy, softmax with cross-entropy, identity with
    mean squared error.
    """
    from .activations import ACTIVATIONS

    if not net.fused:
        raise CourseError(
            _(
                "The output error δ^n = a^n − y holds only for a sigmoid output with binary cross-entropy, a softmax output with cross-entropy, or an identity output with mean squared error; this network has {activation} with {loss}."
            ).format(activation=_(NAMES[net.f[net.n]]), loss=_(losses.NAMES[net.loss]))
        )
    x = net._check_input(x)
    y = net._check_target(y, x.shape[1])
    n, m = net.n, x.shape[1]
    Theta = {l: np.hstack([net.b[l], net.W[l]]) for l in range(1, n + 1)}
    Delta = {l: np.zeros_like(Theta[l]) for l in Theta}
    for t in range(m):
        a, z = {0: x[:, [t]]}, {}
        for l in range(1, n + 1):
            z[l] = Theta[l] @ np.vstack([1.0, a[l - 1]])
            a[l] = ACTIVATIONS[net.f[l]][0](z[l])
        delta = {n: a[n] - y[:, [t]]}
        for l in range(n - 1, 0, -1):
            delta[l] = dz_from_da(net.f[l], (Theta[l + 1].T @ delta[l + 1])[1:], z[l])
        for l in range(1, n + 1):
            Delta[l] += delta[l] @ np.vstack([1.0, a[l - 1]]).T
    D = {}
    for l in range(1, n + 1):
        regularized = lam * Theta[l]
        regularized[:, 0] = 0.0
        D[l] = (Delta[l] + regularized) / m
    return D
