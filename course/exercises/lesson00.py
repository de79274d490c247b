"""Exercises of lesson 00 (start here): the warm-up exercises, z = w x + b and z = w ⋅ x + b."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from ..i18n import N_
from . import attempts, exercise, mistakes

MULTIPLY_FIRST = N_(
    "You added before multiplying: compute w * x first, then add b (Python, like the maths, multiplies before it adds)."
)
ADDED_W = N_("You added w where it should multiply x: the weight multiplies the input, z = w * x + b.")
NO_SUM = N_(
    "You multiplied entry by entry (⊙, `*`) but did not add the products up: use `w @ x` (or `np.sum(w * x)`), then add b."
)
NO_BIAS = N_("Almost: the products are added up, but the bias b is missing. Add it at the end.")


def setup():
    """The numbers written in the exercise cells of lesson 00."""
    return SimpleNamespace(
        one=(2.0, 4.0, 1.0),  # 00.1: w, x, b
        many=(np.array([0.5, -1.0, 2.0]), np.array([4.0, 1.0, 1.5]), 0.5),  # 00.2: w, x, b
    )


@exercise("00.1", "z", setup=setup)
def weighted_input(s):
    w, x, b = s.one
    return w * x + b


@mistakes("00.1")
def weighted_input_mistakes(s):
    w, x, b = s.one
    return attempts((lambda: w * (x + b), MULTIPLY_FIRST), (lambda: w + x + b, ADDED_W), (lambda: w * x, NO_BIAS))


@exercise("00.2", "z", setup=setup)
def weighted_sum(s):
    w, x, b = s.many
    return w @ x + b


@mistakes("00.2")
def weighted_sum_mistakes(s):
    w, x, b = s.many
    return attempts(
        (lambda: w * x + b, NO_SUM),
        (lambda: w * x, NO_SUM),
        (lambda: w @ x, NO_BIAS),
        (lambda: np.sum(w * (x + b)), MULTIPLY_FIRST),
        (lambda: w @ (x + b), MULTIPLY_FIRST),
    )
