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
regularized), and the cost J adds (λ/2m) Σ_l ‖W^l‖². With m = 1 and λ = 0 every formula
is exactly the one above.
"""

from __future__ import annotations

import math

import numpy as np

from . import losses
from .activations import activation, dz_from_da
from .i18n import CourseError, _, ngettext


class ShapeError(CourseError, ValueError):
    """Two arrays whose shapes do not fit the formula being computed."""


class DivergenceError(CourseError, ArithmeticError):
    """The cost became infinite or NaN during training (lesson 06)."""

    def __init__(self, step: int, alpha: float, history: list[float]):
        from .i18n import num

        self.step, self.alpha, self.history = step, alpha, history
        super().__init__(
            _(
                "The cost diverged at step {step} (it became infinite or not a number) "
                "with α = {alpha}: try a smaller learning rate, for example α = {smaller}."
            ).format(step=step, alpha=num(alpha), smaller=num(alpha / 10))
        )


class ByLayer(dict):
    """``W[l]``, ``a[l]``… indexed by the layer number l, as in the formulas."""

    def __init__(self, symbol: str, n: int, first: int = 1):
        super().__init__()
        self.symbol, self.n, self.first = symbol, n, first

    def __missing__(self, l):
        if isinstance(l, int) and self.first <= l <= self.n:
            msg = _("{symbol}^{l} has not been computed yet: run the forward pass (and the backward pass) first.")
        else:
            msg = _("{symbol}^{l} does not exist: layers are numbered from {first} to n = {n}.")
        raise CourseError(msg.format(symbol=self.symbol, l=l, first=self.first, n=self.n))


def _check_shape(name: str, array, expected: tuple, other: str, other_shape: tuple):
    if array.shape != expected:
        raise ShapeError(
            _(
                "{name} has shape {shape} but should have shape {expected} to match {other}, of shape {other_shape}."
            ).format(name=name, shape=array.shape, expected=expected, other=other, other_shape=other_shape)
        )


def layer_forward(l: int, W, b, a_prev, f: str):
    """z^l = W^l a^{l-1} + b^l and a^l = f^l(z^l); returns (z^l, a^l)."""
    if a_prev.ndim != 2 or W.shape[1] != a_prev.shape[0]:
        raise ShapeError(
            _(
                "W^{l} has shape {W_shape} but a^{k} has {rows} rows: W^{l} ⋅ a^{k} needs W^{l} to have as many columns as a^{k} has rows."
            ).format(l=l, k=l - 1, W_shape=W.shape, rows=a_prev.shape[0] if a_prev.ndim else 0)
        )
    _check_shape(f"b^{l}", b, (W.shape[0], 1), f"W^{l}", W.shape)
    z = W @ a_prev + b
    return z, activation(f)[0](z)


def layer_backward(l: int, da, a_prev, z, W, f: str, lam: float = 0.0):
    """One layer of backpropagation; returns (dz^l, dW^l, db^l, da^{l-1}).

    dz^l = da^l ⊙ f'^l(z^l),  dW^l = dz^l ⋅ (a^{l-1})^T,  db^l = dz^l,
    da^{l-1} = (W^l)^T ⋅ dz^l — with dW^l and db^l averaged over the m columns and
    (λ/m) W^l added to dW^l.
    """
    _check_shape(f"da^{l}", da, z.shape, f"z^{l}", z.shape)
    _check_shape(f"a^{l - 1}", a_prev, (W.shape[1], z.shape[1]), f"W^{l}", W.shape)
    m = z.shape[1]
    dz = dz_from_da(f, da, z)
    dW = (dz @ a_prev.T) / m
    if lam:
        dW += (lam / m) * W
    db = dz.sum(axis=1, keepdims=True) / m
    return dz, dW, db, W.T @ dz


_DEFAULT_LOSS = {"sigmoid": "binary_cross_entropy", "softmax": "cross_entropy"}


class Network:
    """A fully connected network with layers 1…n.

    ``Network([2, 4, 1], f="tanh", f_out="sigmoid")`` has n^0 = 2 inputs, one hidden layer
    of n^1 = 4 units with f^1 = tanh, and one output unit with f^2 = sigmoid. ``f`` may
    also be a list of the n activation names f^1…f^n. The loss defaults to binary
    cross-entropy after a sigmoid, cross-entropy after a softmax, else mean squared error.

    Weights start as W^l ~ N(0, s²/n^{l-1}) with s² = 2 for a ReLU layer (He) and 1
    otherwise (LeCun), drawn from ``numpy.random.default_rng(seed)``; biases start at 0.
    """

    def __init__(self, sizes, f="sigmoid", f_out=None, loss=None, seed=0):
        sizes = [int(s) for s in sizes]
        if len(sizes) < 2 or min(sizes) < 1:
            raise CourseError(
                _("A network needs at least two sizes n^0, n^1, all at least 1; got {sizes}.").format(sizes=sizes)
            )
        self.sizes = sizes
        self.n = n = len(sizes) - 1
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
        losses.loss(self.loss)  # fails early, listing the valid names
        self.W, self.b = ByLayer("W", n), ByLayer("b", n)
        self.z, self.dz, self.dW, self.db = (ByLayer(s, n) for s in ("z", "dz", "dW", "db"))
        self.a, self.da = ByLayer("a", n, first=0), ByLayer("da", n, first=0)
        rng = np.random.default_rng(seed)
        for l in range(1, n + 1):
            scale = math.sqrt((2.0 if self.f[l] == "relu" else 1.0) / sizes[l - 1])
            self.W[l] = rng.normal(0.0, scale, (sizes[l], sizes[l - 1]))
            self.b[l] = np.zeros((sizes[l], 1))

    def __repr__(self):
        layers = ", ".join(self.f[l] for l in range(1, self.n + 1))
        return f"Network({'-'.join(map(str, self.sizes))}; {layers}; {self.loss})"

    def _check_input(self, x):
        x = np.asarray(x, dtype=float)
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
        return x

    def forward(self, x):
        """a^0 = x, then z^l and a^l for l = 1…n; returns ŷ = a^n."""
        self.a[0] = self._check_input(x)
        for l in range(1, self.n + 1):
            self.z[l], self.a[l] = layer_forward(l, self.W[l], self.b[l], self.a[l - 1], self.f[l])
        return self.a[self.n]

    def _check_target(self, y):
        y = np.asarray(y, dtype=float)
        y_hat = self.a[self.n]
        if y.shape != y_hat.shape:
            raise ShapeError(
                _(
                    "y has shape {y_shape} but ŷ = a^{n} has shape {shape}: give one column of targets per example."
                ).format(y_shape=y.shape, n=self.n, shape=y_hat.shape)
            )
        return y

    def cost(self, y, lam: float = 0.0) -> float:
        """J = (1/m) Σ_examples L(ŷ, y) + (λ/2m) Σ_l ‖W^l‖², on the last forward pass."""
        y = self._check_target(y)
        m = y.shape[1]
        J = float(losses.loss(self.loss)[0](self.a[self.n], y).sum()) / m
        if lam:
            J += lam / (2 * m) * sum(float((W**2).sum()) for W in self.W.values())
        return J

    def backward(self, y, lam: float = 0.0):
        """da^n = ∂L/∂ŷ, then dz^l, dW^l, db^l and da^{l-1} for l = n…1."""
        y = self._check_target(y)
        self.da[self.n] = da = losses.loss(self.loss)[1](self.a[self.n], y)
        for l in range(self.n, 0, -1):
            self.dz[l], self.dW[l], self.db[l], self.da[l - 1] = layer_backward(
                l, da, self.a[l - 1], self.z[l], self.W[l], self.f[l], lam
            )
            da = self.da[l - 1]

    def update(self, alpha: float):
        """W^l ← W^l − α dW^l and b^l ← b^l − α db^l for every layer."""
        for l in range(1, self.n + 1):
            self.W[l] -= alpha * self.dW[l]
            self.b[l] -= alpha * self.db[l]

    def step(self, x, y, alpha: float, lam: float = 0.0) -> float:
        """One step of gradient descent on (x, y); returns the cost J before the update."""
        self.forward(x)
        J = self.cost(y, lam)
        self.backward(y, lam)
        self.update(alpha)
        return J

    def train(self, x, y, alpha=0.1, epochs=100, batch_size=None, lam=0.0, seed=0, steps=None):
        """Gradient descent over (x, y); returns the history of the cost, one value per step.

        ``batch_size=None`` is full-batch gradient descent (one step per epoch), ``1`` is
        stochastic gradient descent, anything between is mini-batch; examples are
        shuffled each epoch with ``seed``. ``steps`` (if given) stops after that many
        updates instead of ``epochs`` epochs. Each value of the history is the cost of
        the batch used by that step, before its update.
        """
        x, y = self._check_input(x), np.asarray(y, dtype=float)
        m = x.shape[1]
        size = m if batch_size is None else max(1, min(int(batch_size), m))
        batches = math.ceil(m / size)
        total = int(steps) if steps is not None else int(epochs) * batches
        rng = np.random.default_rng(seed)
        history: list[float] = []
        # Overflow is expected when α is too large: it is reported below as a divergence.
        with np.errstate(all="ignore"):
            while len(history) < total:
                order = rng.permutation(m) if size < m else slice(None)
                xs, ys = x[:, order], y[:, order]
                for start in range(0, m, size):
                    if len(history) == total:
                        break
                    J = self.step(xs[:, start : start + size], ys[:, start : start + size], alpha, lam)
                    history.append(J)
                    if not math.isfinite(J):
                        raise DivergenceError(len(history), alpha, history)
        return history

    def predict(self, x):
        """Class labels: ŷ > ½ for a sigmoid output, the row of the largest ŷ for a softmax, else ŷ."""
        y_hat = self.forward(x)
        if self.f[self.n] == "sigmoid":
            return (y_hat > 0.5).astype(int)
        if self.f[self.n] == "softmax":
            return y_hat.argmax(axis=0)
        return y_hat

    def accuracy(self, x, y) -> float:
        """The fraction of examples whose predicted class is right (y one-hot for softmax)."""
        y = np.asarray(y)
        labels = y.argmax(axis=0) if self.f[self.n] == "softmax" else y
        return float((self.predict(x) == labels).mean())


def backprop_by_example(net: Network, x, y, lam: float = 0.0):
    """Seed 004's form: Θ, δ, Δ accumulated one example at a time, D = (1/m)(Δ + λΘ).

    Θ^l = [b^l | W^l] puts the bias in column 0 (the seed numbers Θ from the layer it
    leaves, so its Θ^{(l-1)} is our Θ^l). For each example t: δ^n = a^n − y^(t), then
    δ^l = ((Θ^{l+1})^T δ^{l+1})[1:] ⊙ f'(z^l) and Δ^l += δ^l [1; a^{l-1}]^T. Column 0 of D^l
    (the bias) is not regularized. Returns {l: D^l}; D^l = [db^l | dW^l] of the engine.

    δ^n = a^n − y is the derivative of the loss with respect to z^n only for the usual
    pairs: sigmoid with binary cross-entropy, softmax with cross-entropy, identity with
    mean squared error.
    """
    from .activations import ACTIVATIONS, NAMES

    pair = (net.f[net.n], net.loss)
    if pair not in {("sigmoid", "binary_cross_entropy"), ("softmax", "cross_entropy"), ("identity", "mse")}:
        raise CourseError(
            _(
                "The output error δ^n = a^n − y holds only for a sigmoid output with binary cross-entropy, a softmax output with cross-entropy, or an identity output with mean squared error; this network has {activation} with {loss}."
            ).format(activation=_(NAMES[pair[0]]), loss=_(losses.NAMES[pair[1]]))
        )
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
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
            delta[l] = (Theta[l + 1].T @ delta[l + 1])[1:] * ACTIVATIONS[net.f[l]][1](z[l])
        for l in range(1, n + 1):
            Delta[l] += delta[l] @ np.vstack([1.0, a[l - 1]]).T
    D = {}
    for l in range(1, n + 1):
        regularized = lam * Theta[l]
        regularized[:, 0] = 0.0
        D[l] = (Delta[l] + regularized) / m
    return D
