"""Checks of lesson 00 (start here): the warm-up exercises."""

from __future__ import annotations

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


@exercise("00.1", "z")
def weighted_input(w, x, b):
    return w * x + b


@mistakes("00.1")
def weighted_input_mistakes(w, x, b):
    return attempts((lambda: w * (x + b), MULTIPLY_FIRST), (lambda: w + x + b, ADDED_W))


@exercise("00.2", "z")
def weighted_sum(w, x, b):
    return np.asarray(w) @ np.asarray(x) + b


@mistakes("00.2")
def weighted_sum_mistakes(w, x, b):
    w, x = np.asarray(w), np.asarray(x)
    return attempts(
        (lambda: w * x + b, NO_SUM),
        (lambda: w * x, NO_SUM),
        (lambda: w @ x, NO_BIAS),
        (lambda: np.sum(w * (x + b)), MULTIPLY_FIRST),
    )
