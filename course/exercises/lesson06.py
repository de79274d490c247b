"""Exercises of lesson 06, gradient descent: one update W^l − α dW^l, and the largest α that converges on c w²."""

from __future__ import annotations

import numpy as np

from ..i18n import N_
from . import exercise, mistakes

PLUS_NOT_MINUS = N_(
    "You added α dW^l: that step goes uphill and makes the loss larger. Gradient descent subtracts it: W^l ← W^l − α dW^l."
)
UNCHANGED = N_("This is the old W^l, unchanged: subtract α dW^l from it, W^l ← W^l − α dW^l.")
FORGOT_ALPHA = N_("The learning rate is missing: the step is α dW^l, so W^l ← W^l − α dW^l, not W^l − dW^l.")
ONLY_THE_STEP = N_("This is only the change −α dW^l: add it to the old weights, W^l ← W^l − α dW^l.")
ALPHA_ON_W = N_("α multiplies the gradient, not the weights: W^l ← W^l − α dW^l.")

FORGOT_THE_2 = N_(
    "The derivative of c w² is 2 c w, not c w: one step multiplies w by 1 − 2αc. Find the α at which this factor reaches −1."
)
ONE_STEP_ALPHA = N_(
    "With this α the factor 1 − 2αc is 0: one step lands exactly on the minimum. It is the fastest α, not the largest: a larger α overshoots but still converges while the factor stays above −1."
)
INVERTED = N_(
    "Your α grows with c, but a steeper parabola needs smaller steps. Solve 1 − 2αc = −1 for α: the step multiplies w by 1 − 2αc."
)
FACTOR_ONE = N_(
    "The factor 1 − 2αc must stay above −1, not below 1 (it is below 1 for every positive α). Solve 1 − 2αc = −1 for α."
)


@exercise("06.1", "W^l")
def update(W, dW, alpha):
    return np.asarray(W) - alpha * np.asarray(dW)


@mistakes("06.1")
def update_mistakes(W, dW, alpha):
    W, dW = np.asarray(W, dtype=float), np.asarray(dW, dtype=float)
    return [
        (W, UNCHANGED),
        (W + alpha * dW, PLUS_NOT_MINUS),
        (W - dW, FORGOT_ALPHA),
        (W + dW, PLUS_NOT_MINUS),
        (-alpha * dW, ONLY_THE_STEP),
        (alpha * dW, ONLY_THE_STEP),
        (alpha * W - dW, ALPHA_ON_W),
        (W - alpha * W, ALPHA_ON_W),
    ]


@exercise("06.2", "α")
def largest_alpha(c):
    """Gradient descent on c w² multiplies w by 1 − 2αc at every step: it converges for 0 < α < 1/c."""
    return 1.0 / c


@mistakes("06.2")
def largest_alpha_mistakes(c):
    return [
        (2.0 / c, FORGOT_THE_2),
        (1.0 / (2.0 * c), ONE_STEP_ALPHA),
        (c, INVERTED),
        (2.0 * c, INVERTED),
        (c / 2.0, INVERTED),
        (0.0, FACTOR_ONE),
    ]
