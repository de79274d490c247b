"""Exercises of lesson 06, gradient descent: one update W^1 − α dW^1, and the largest α that converges on c w²."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from ..engine import Network
from ..i18n import N_
from . import exercise, mistakes

PLUS_NOT_MINUS = N_(
    "You added α dW^1: that step goes uphill and makes the loss larger. Gradient descent subtracts it: W^1 ← W^1 − α dW^1."
)
UNCHANGED = N_("This is the old W^1, unchanged: subtract α dW^1 from it, W^1 ← W^1 − α dW^1.")
FORGOT_ALPHA = N_("The learning rate is missing: the step is α dW^1, so W^1 ← W^1 − α dW^1, not W^1 − dW^1.")
ONLY_THE_STEP = N_("This is only the change −α dW^1: add it to the old weights, W^1 ← W^1 − α dW^1.")
ALPHA_ON_W = N_("α multiplies the gradient, not the weights: W^1 ← W^1 − α dW^1.")
FORGOT_THE_2 = N_(
    "The derivative of c w² is 2 c w, not c w: one step multiplies w by 1 − 2αc. Find the α at which this factor reaches −1."
)
ONE_STEP_ALPHA = N_(
    "With this α the factor 1 − 2αc is 0: one step lands exactly on the minimum. It is the fastest α, not the largest: a larger α overshoots but still converges while the factor stays above −1."
)
INVERTED = N_(
    "Your α grows with c, but a more curved parabola needs smaller steps. Solve 1 − 2αc = −1 for α: the step multiplies w by 1 − 2αc."
)
FACTOR_ONE = N_(
    "The factor 1 − 2αc must stay above −1, not below 1 (it is below 1 for every positive α). Solve 1 − 2αc = −1 for α."
)


def setup():
    """Lesson 06's practice network (3-4-2, tanh then the sigmoid, squared error) after its forward and backward passes, α and c."""
    net = Network([3, 4, 2], f="tanh", f_out="sigmoid", loss="mse", seed=3)
    net.forward(np.array([[1.0], [-0.5], [2.0]]))
    net.backward(np.array([[1.0], [0.0]]))
    return SimpleNamespace(W1=net.W[1], dW1=net.dW[1], alpha=0.1, c=2.5)


@exercise("06.1", "W^1", setup=setup, given=lambda s: (s.W1, s.dW1))
def update(s):
    return s.W1 - s.alpha * s.dW1


@mistakes("06.1")
def update_mistakes(s):
    W, dW, alpha = s.W1, s.dW1, s.alpha
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


@exercise("06.2", "α", setup=setup)
def largest_alpha(s):
    """Gradient descent on c w² multiplies w by 1 − 2αc at every step: it converges for 0 < α < 1/c."""
    return 1.0 / s.c


@mistakes("06.2")
def largest_alpha_mistakes(s):
    c = s.c
    return [
        (2.0 / c, FORGOT_THE_2),
        (1.0 / (2.0 * c), ONE_STEP_ALPHA),
        (c, INVERTED),
        (2.0 * c, INVERTED),
        (c / 2.0, INVERTED),
        (0.0, FACTOR_ONE),
    ]
