"""Exercises of lesson 11, vanishing and exploding gradients: the product of the factors on the way
down, the scales of Xavier and He, and a check of symmetry between the units of a layer."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np

from ..activations import sigmoid, sigmoid_prime
from ..data import xor
from ..engine import Network
from ..i18n import N_
from . import attempts, exercise, mistakes

FORGOT_W = N_(
    "Each layer multiplies by its weight as well as by σ'(z^l): da^{l-1} = w^l σ'(z^l) da^l. Your product has only the σ' factors."
)
FORGOT_PRIME = N_(
    "Each layer multiplies by σ'(z^l) as well as by its weight: da^{l-1} = w^l σ'(z^l) da^l. Your product has only the weights."
)
SIGMA_NOT_PRIME = N_("You used σ(z^l) where its derivative σ'(z^l) = σ(z^l)(1 − σ(z^l)) was meant.")
PRIME_OF_A = N_("σ' is evaluated at z^l, not at a^l = σ(z^l): use sigmoid_prime(z[l]).")
MISSING_LAYER = N_(
    "A layer is missing: da^0 / da^n has one factor w^l σ'(z^l) for each layer l = 1, …, n, so range(1, n + 1)."
)
SUM_NOT_PRODUCT = N_("The factors multiply, they do not add up: da^0 / da^n = w^1 σ'(z^1) ⋅ w^2 σ'(z^2) ⋯ w^n σ'(z^n).")
VARIANCE_NOT_STD = N_(
    "That is the variance, 2/n^{l-1} or 2/(n^{l-1} + n^l): the scale of the weights, their standard deviation, is its square root."
)
FAN_OUT = N_(
    "He initialization divides by n^{l-1}, the number of inputs of each unit of layer l (sizes[l - 1]), not by n^l (sizes[l])."
)
LECUN_NOT_HE = N_(
    "That is LeCun's scale, √(1/n^{l-1}). He initialization doubles the variance, because ReLU sets about half of the a^l to 0: √(2/n^{l-1})."
)
XAVIER_SUM = N_(
    "Xavier initialization divides 2 by the inputs plus the outputs of layer l, n^{l-1} + n^l: √(2/(n^{l-1} + n^l))."
)
ACROSS_INPUTS = N_(
    "You compared the weights of one unit with each other, along a row of W^l. Symmetry is between units: compare the rows, column by column, with axis=0."
)
NOT_ONE_NUMBER = N_(
    "spread[l] should be one number: the largest of the differences over every column of W^l, so end with .max()."
)
TWO_UNITS = N_(
    "You compared only two units: take the largest minus the smallest weight over every unit (every row) of W^l."
)


def setup():
    """Lesson 11's practice values: a chain of 6 sigmoid units, the sizes 2-10-10-1, and the hidden W^l of a trained 2-4-4-1 network."""
    chain = Network([1] * 7, f="sigmoid", init="normal", seed=22)
    chain.forward(np.array([[0.5]]))
    w = {l: float(chain.W[l][0, 0]) for l in range(1, 7)}
    z = {l: float(chain.z[l][0, 0]) for l in range(1, 7)}
    trained = Network([2, 4, 4, 1], f="sigmoid", seed=5)
    trained.train(*xor(8, seed=0), alpha=1.0, steps=50)
    W = {l: trained.W[l].copy() for l in (1, 2)}  # the hidden layers: the output layer has one unit
    return SimpleNamespace(w=w, z=z, n=6, sizes=[2, 10, 10, 1], W=W)


def _product(s, factor, layers=None, add=False):
    total = 0.0 if add else 1.0
    for l in layers or range(1, s.n + 1):
        total = total + factor(l) if add else total * factor(l)
    return total


@exercise("11.1", "da^0 / da^n", setup=setup, given=lambda s: (s.w, s.z, s.n))
def chain_ratio(s):
    return _product(s, lambda l: s.w[l] * sigmoid_prime(s.z[l]))


@mistakes("11.1")
def chain_ratio_mistakes(s):
    right = lambda l: s.w[l] * sigmoid_prime(s.z[l])  # noqa: E731
    return [
        (_product(s, lambda l: sigmoid_prime(s.z[l])), FORGOT_W),
        (_product(s, lambda l: s.w[l]), FORGOT_PRIME),
        (_product(s, lambda l: s.w[l] * sigmoid(s.z[l])), SIGMA_NOT_PRIME),
        (_product(s, lambda l: s.w[l] * sigmoid_prime(sigmoid(s.z[l]))), PRIME_OF_A),
        (_product(s, right, range(1, s.n)), MISSING_LAYER),
        (_product(s, right, range(2, s.n + 1)), MISSING_LAYER),
        (_product(s, right, add=True), SUM_NOT_PRODUCT),
        (1.0 + _product(s, right, add=True), SUM_NOT_PRODUCT),
    ]


def _scales(
    sizes, he=lambda n_in, n_out: math.sqrt(2 / n_in), xavier=lambda n_in, n_out: math.sqrt(2 / (n_in + n_out))
):
    layers = range(1, len(sizes))
    return (
        {l: he(sizes[l - 1], sizes[l]) for l in layers},
        {l: xavier(sizes[l - 1], sizes[l]) for l in layers},
    )


@exercise("11.2", "s_He^{l}", "s_Xavier^{l}", setup=setup, given=lambda s: s.sizes)
def initialization_scales(s):
    return _scales(s.sizes)


@mistakes("11.2")
def initialization_scales_mistakes(s):
    sizes = s.sizes
    return [
        (_scales(sizes, he=lambda n_in, n_out: 2 / n_in), VARIANCE_NOT_STD),
        (_scales(sizes, xavier=lambda n_in, n_out: 2 / (n_in + n_out)), VARIANCE_NOT_STD),
        (
            _scales(sizes, he=lambda n_in, n_out: 2 / n_in, xavier=lambda n_in, n_out: 2 / (n_in + n_out)),
            VARIANCE_NOT_STD,
        ),
        (_scales(sizes, he=lambda n_in, n_out: math.sqrt(2 / n_out)), FAN_OUT),
        (_scales(sizes, he=lambda n_in, n_out: math.sqrt(1 / n_in)), LECUN_NOT_HE),
        (_scales(sizes, xavier=lambda n_in, n_out: math.sqrt(2 / n_in)), XAVIER_SUM),
        (_scales(sizes, xavier=lambda n_in, n_out: math.sqrt(1 / (n_in + n_out))), XAVIER_SUM),
        (_scales(sizes, xavier=lambda n_in, n_out: math.sqrt(2 / (n_in * n_out))), XAVIER_SUM),
    ]


@exercise("11.3", "spread^{l}", setup=setup, given=lambda s: s.W)
def spread(s):
    return {l: float((W.max(axis=0) - W.min(axis=0)).max()) for l, W in s.W.items()}


@mistakes("11.3")
def spread_mistakes(s):
    return attempts(
        (lambda: {l: float((W.max(axis=1) - W.min(axis=1)).max()) for l, W in s.W.items()}, ACROSS_INPUTS),
        (lambda: {l: W.max(axis=0) - W.min(axis=0) for l, W in s.W.items()}, NOT_ONE_NUMBER),
        (lambda: {l: W.max(axis=1) - W.min(axis=1) for l, W in s.W.items()}, ACROSS_INPUTS),
        (lambda: {l: float(np.abs(W[0] - W[1]).max()) for l, W in s.W.items()}, TWO_UNITS),
    )
