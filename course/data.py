"""Toy data sets for lesson 07, made with numpy (nothing is downloaded).

Every function returns ``(x, y)`` in the engine's layout: x has shape (2, m), one column
per example; y has shape (1, m) with labels 0/1 for two classes, or is one-hot with
shape (k, m) for k > 2 classes (use a softmax output then).
"""

from __future__ import annotations

import numpy as np

from .i18n import CourseError, _


def _labels(k: np.ndarray, classes: int):
    if classes == 2:
        return k[None, :].astype(float)
    return np.eye(classes)[:, k]


def _finish(points, k, classes, noise, rng):
    x = points + noise * rng.normal(size=points.shape)
    order = rng.permutation(x.shape[1])
    return x[:, order], _labels(k[order], classes)


def xor(m=200, noise=0.1, seed=0):
    """Four clusters at the corners of a square; class 1 where exactly one coordinate is positive."""
    rng = np.random.default_rng(seed)
    corners = rng.choice([-1.0, 1.0], size=(2, m))
    k = (corners[0] != corners[1]).astype(int)
    return _finish(0.5 * corners, k, 2, noise, rng)


def circles(m=200, noise=0.1, seed=0, factor=0.5):
    """A disc of class 1 inside a ring of class 0."""
    rng = np.random.default_rng(seed)
    k = np.arange(m) % 2
    angle = rng.uniform(0, 2 * np.pi, m)
    radius = np.where(k == 1, factor, 1.0)
    return _finish(radius * np.stack([np.cos(angle), np.sin(angle)]), k, 2, noise, rng)


def moons(m=200, noise=0.1, seed=0):
    """Two interleaved half circles."""
    rng = np.random.default_rng(seed)
    k = np.arange(m) % 2
    t = rng.uniform(0, np.pi, m)
    upper = np.stack([np.cos(t), np.sin(t)])
    lower = np.stack([1 - np.cos(t), 0.5 - np.sin(t)])
    return _finish(np.where(k == 0, upper, lower), k, 2, noise, rng)


def spirals(m=200, noise=0.1, seed=0, classes=2):
    """``classes`` arms of a spiral, wound around the origin."""
    rng = np.random.default_rng(seed)
    k = np.arange(m) % classes
    t = rng.uniform(0.25, 1.0, m)
    angle = 3 * np.pi * t + 2 * np.pi * k / classes
    return _finish(t * np.stack([np.cos(angle), np.sin(angle)]), k, classes, noise * 0.5, rng)


def blobs(m=200, noise=0.1, seed=0, classes=2):
    """``classes`` Gaussian clusters on a circle; ``noise`` widens them."""
    rng = np.random.default_rng(seed)
    k = np.arange(m) % classes
    angle = 2 * np.pi * k / classes
    centers = np.stack([np.cos(angle), np.sin(angle)])
    return _finish(centers, k, classes, 0.2 + 2 * noise, rng)


DATASETS = {"xor": xor, "circles": circles, "moons": moons, "spirals": spirals, "blobs": blobs}


def dataset(name: str, **options):
    """The data set called ``name`` (see :data:`DATASETS`); an unknown name lists the valid ones."""
    if name not in DATASETS:
        raise CourseError(
            _("Unknown data set {name!r}: choose one of {choices}.").format(name=name, choices=", ".join(DATASETS))
        )
    return DATASETS[name](**options)


def split(x, y, test_fraction=0.5, seed=0):
    """Split the columns into (x_train, y_train, x_test, y_test)."""
    m = x.shape[1]
    order = np.random.default_rng(seed).permutation(m)
    cut = m - round(test_fraction * m)
    train, test = order[:cut], order[cut:]
    return x[:, train], y[:, train], x[:, test], y[:, test]
