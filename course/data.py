"""Toy data sets for lesson 07, made with numpy (nothing is downloaded).

Every function returns ``(x, y)`` in the engine's layout: x has shape (2, m), one column
per example; y has shape (1, m) with labels 0/1 for two classes, or is one-hot with
shape (k, m) for k > 2 classes (use a softmax output then).
"""

from __future__ import annotations

import numpy as np

from .checks import InputError, choice, count, number
from .i18n import _, num


def _labels(k: np.ndarray, classes: int):
    if classes == 2:
        return k[None, :].astype(float)
    return np.eye(classes)[:, k]


def _arguments(m, noise, seed, classes=2):
    """The arguments every data set takes, checked: m and seed whole numbers, 0 ≤ noise ≤ 10, at least 2 classes."""
    return (
        count("m", m),
        number("noise", noise, 0, 10),
        count("seed", seed, least=0),
        count("classes", classes, least=2),
    )


def _finish(points, k, classes, noise, rng):
    x = points + noise * rng.normal(size=points.shape)
    order = rng.permutation(x.shape[1])
    return x[:, order], _labels(k[order], classes)


def xor(m=200, noise=0.1, seed=0):
    """Four clusters at the corners of a square; class 1 where exactly one coordinate is positive."""
    m, noise, seed, _classes = _arguments(m, noise, seed)
    rng = np.random.default_rng(seed)
    corners = rng.choice([-1.0, 1.0], size=(2, m))
    k = (corners[0] != corners[1]).astype(int)
    return _finish(0.5 * corners, k, 2, noise, rng)


def circles(m=200, noise=0.1, seed=0, factor=0.5):
    """A disc of class 1 inside a ring of class 0."""
    m, noise, seed, _classes = _arguments(m, noise, seed)
    factor = number("factor", factor, 0, 1)
    rng = np.random.default_rng(seed)
    k = np.arange(m) % 2
    angle = rng.uniform(0, 2 * np.pi, m)
    radius = np.where(k == 1, factor, 1.0)
    return _finish(radius * np.stack([np.cos(angle), np.sin(angle)]), k, 2, noise, rng)


def moons(m=200, noise=0.1, seed=0):
    """Two interleaved half circles."""
    m, noise, seed, _classes = _arguments(m, noise, seed)
    rng = np.random.default_rng(seed)
    k = np.arange(m) % 2
    t = rng.uniform(0, np.pi, m)
    upper = np.stack([np.cos(t), np.sin(t)])
    lower = np.stack([1 - np.cos(t), 0.5 - np.sin(t)])
    return _finish(np.where(k == 0, upper, lower), k, 2, noise, rng)


def spirals(m=200, noise=0.1, seed=0, classes=2):
    """``classes`` arms of a spiral, wound around the origin."""
    m, noise, seed, classes = _arguments(m, noise, seed, classes)
    rng = np.random.default_rng(seed)
    k = np.arange(m) % classes
    t = rng.uniform(0.25, 1.0, m)
    angle = 3 * np.pi * t + 2 * np.pi * k / classes
    return _finish(t * np.stack([np.cos(angle), np.sin(angle)]), k, classes, noise * 0.5, rng)


def blobs(m=200, noise=0.1, seed=0, classes=2):
    """``classes`` Gaussian clusters on a circle; ``noise`` widens them."""
    m, noise, seed, classes = _arguments(m, noise, seed, classes)
    rng = np.random.default_rng(seed)
    k = np.arange(m) % classes
    angle = 2 * np.pi * k / classes
    centers = np.stack([np.cos(angle), np.sin(angle)])
    return _finish(centers, k, classes, 0.2 + 2 * noise, rng)


DATASETS = {"xor": xor, "circles": circles, "moons": moons, "spirals": spirals, "blobs": blobs}


def dataset(name: str, **options):
    """The data set called ``name`` (see :data:`DATASETS`); an unknown name lists the valid ones."""
    return DATASETS[choice("name", name, DATASETS)](**options)


def split(x, y, test_fraction=0.5, seed=0):
    """Split the columns into (x_train, y_train, x_test, y_test); both parts get at least one example."""
    from .checks import finite_numbers
    from .engine import ShapeError

    x, y = finite_numbers("x", x), finite_numbers("y", y)
    if x.ndim != 2 or y.ndim != 2 or x.shape[1] != y.shape[1]:
        raise ShapeError(
            _("x and y must have one column per example, as many columns each; their shapes are {x} and {y}.").format(
                x=x.shape, y=y.shape
            )
        )
    m = x.shape[1]
    cut = m - round(number("test_fraction", test_fraction, 0, 1) * m)
    if not 0 < cut < m:
        raise InputError(
            _(
                "test_fraction = {fraction} leaves no example on one side: with {m} examples, choose a fraction between {low} and {high}."
            ).format(fraction=num(test_fraction), m=m, low=num(1 / m), high=num(1 - 1 / m))
        )
    order = np.random.default_rng(count("seed", seed, least=0)).permutation(m)
    train, test = order[:cut], order[cut:]
    return x[:, train], y[:, train], x[:, test], y[:, test]
