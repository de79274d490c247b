"""Exercises of lesson 07, training: steps per epoch, accuracy, and the sizes of a network."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np

from ..data import moons
from ..engine import Network
from ..i18n import N_
from . import exercise, mistakes

FLOOR_NOT_CEIL = N_(
    "You rounded down. When B does not divide m, the examples left over still make one last, smaller batch, and so one more step: round up, math.ceil(m / B)."
)
NOT_ROUNDED = N_(
    "A number of steps is a whole number: the last batch is smaller, but it is still one step. Round m / B up."
)
TIMES_NOT_DIVIDED = N_(
    "You multiplied m by B. Each step uses B examples, so an epoch of m examples has m / B steps, rounded up."
)
INVERTED_STEPS = N_("You divided B by m: an epoch of m examples, B per step, has m / B steps, rounded up.")
EXAMPLES_NOT_STEPS = N_("This is the number of examples in an epoch, m; each step uses B of them.")
PROBABILITIES_NOT_CLASSES = N_(
    "ŷ is a number between 0 and 1, never exactly 0 or 1: compare the predicted class (ŷ > 0.5) with the label, not ŷ itself."
)
COUNT_NOT_FRACTION = N_(
    "This is the number of right answers; the accuracy is their fraction, between 0 and 1: divide by m (or take the mean)."
)
ERROR_RATE = N_("This is the fraction of wrong answers, the error rate: the accuracy is the fraction of right ones.")
PERCENT = N_("The accuracy is a fraction between 0 and 1 here, not a percentage: do not multiply by 100.")
MEAN_OF_PREDICTIONS = N_(
    "This is the fraction of examples predicted as class 1, whatever their label: compare each prediction with its label first."
)
ONLY_HIDDEN = N_(
    "These are only the hidden layers: the list starts with n^0 = 2, the inputs, and ends with the output unit, 1."
)
NO_INPUT = N_("The list of sizes starts with n^0, the number of inputs: 2 here.")
NO_OUTPUT = N_("The list of sizes ends with the output layer, of 1 unit here.")
ONE_WIDE_LAYER = N_("k hidden layers of w neurons each are k entries equal to w, not one layer of k × w neurons.")
WRONG_COUNT = N_("Count the hidden layers: the list holds n^0 = 2, then k entries equal to w, then 1.")


def setup():
    """Lesson 07's numbers (m, B; k, w) and its stochastic network: 2-8-1 on the 100 moons, 20 epochs with B = 1,
    and its outputs on 40 new test points."""
    x, y = moons(m=100, noise=0.15, seed=0)
    net = Network([2, 8, 1], f="tanh", f_out="sigmoid", seed=0)
    for epoch in range(20):
        net.train(x, y, 0.5, epochs=1, batch_size=1, seed=epoch)
    x_test, y_test = moons(m=40, noise=0.15, seed=1)
    return SimpleNamespace(m=1000, B=64, y_hat=net.forward(x_test), y=y_test, k=3, w=5)


@exercise("07.1", "steps", setup=setup)
def steps_per_epoch(s):
    return math.ceil(s.m / s.B)


@mistakes("07.1")
def steps_per_epoch_mistakes(s):
    m, B = s.m, s.B
    return [
        (m * B, TIMES_NOT_DIVIDED),
        (B / m, INVERTED_STEPS),
        (m, EXAMPLES_NOT_STEPS),
        (m // B, FLOOR_NOT_CEIL),
        (m / B, NOT_ROUNDED),
        (round(m / B), NOT_ROUNDED),
    ]


def _classes(y_hat):
    return (y_hat > 0.5).astype(float)


@exercise("07.2", "accuracy", setup=setup, given=lambda s: (s.y_hat, s.y))
def accuracy(s):
    return float(np.mean(_classes(s.y_hat) == s.y))


@mistakes("07.2")
def accuracy_mistakes(s):
    right = _classes(s.y_hat) == s.y
    return [
        (float(np.mean(s.y_hat == s.y)), PROBABILITIES_NOT_CLASSES),
        (float(right.sum()), COUNT_NOT_FRACTION),
        (float(1 - right.mean()), ERROR_RATE),
        (float(100 * right.mean()), PERCENT),
        (float(_classes(s.y_hat).mean()), MEAN_OF_PREDICTIONS),
    ]


@exercise("07.3", "sizes", setup=setup)
def sizes(s):
    return [2, *[s.w] * s.k, 1]


@mistakes("07.3")
def sizes_mistakes(s):
    k, w = s.k, s.w
    return [
        ([w] * k, ONLY_HIDDEN),
        ([w] * k + [1], NO_INPUT),
        ([2, *[w] * k], NO_OUTPUT),
        ([2, k * w, 1], ONE_WIDE_LAYER),
        ([2, *[w] * (k + 1), 1], WRONG_COUNT),
        ([2, *[w] * (k - 1), 1], WRONG_COUNT),
    ]
