"""Exercises of lesson 01 (the big picture): one neuron by hand, z, dL/dw, and one step of gradient descent."""

from __future__ import annotations

from types import SimpleNamespace

from ..activations import sigmoid, sigmoid_prime
from ..i18n import N_
from . import attempts, exercise, mistakes

MULTIPLY_FIRST = N_(
    "You added b to x before multiplying: the weight multiplies the input alone, then the bias is added, z = w x + b."
)
BIAS_TIMES_X = N_("You multiplied the bias by x: the weight w multiplies the input x, and b is added on its own.")
BIAS_SIGN = N_("The bias is added, not subtracted: z = w x + b.")
FORGOT_SIGMA_PRIME = N_(
    "A factor is missing: between a and z sits the sigmoid, so the chain rule multiplies by σ'(z) = σ(z)(1 − σ(z)) as well."
)
SIGMA_NOT_PRIME = N_(
    "You multiplied by σ(z), the activation itself, where the chain rule needs its derivative σ'(z) = σ(z)(1 − σ(z))."
)
PRIME_OF_A = N_(
    "σ' is evaluated at the wrong place: the derivative of the sigmoid is taken at z, σ'(z) = σ(z)(1 − σ(z)) = a(1 − a), not at a."
)
ERROR_SIGN = N_(
    "The sign is wrong: the derivative of L = ½ (a − y)² with respect to a is a − y, not y − a. Start the chain with (a − y)."
)
FORGOT_X = N_("This is dL/db. For dL/dw the chain rule has one more factor: dz/dw = x. Multiply by x.")
STEP_UPHILL = N_(
    "You moved w uphill: gradient descent subtracts α times the derivative, w − α dL/dw, so that the loss goes down."
)
FORGOT_ALPHA = N_("The step is too big: the derivative is multiplied by the learning rate α before it is subtracted.")
USED_DB = N_("You used dL/db in the update of w: w changes by −α dL/dw, which has the extra factor x.")


def setup():
    """The numbers written in the exercise cells of lesson 01."""
    return SimpleNamespace(
        neuron=(-1.2, 0.5, 0.3),  # 01.1: w, x, b
        example=(0.3, 0.4, -2.0, 1.0),  # 01.2 and 01.3: w, b, x, y
        alpha=0.5,  # 01.3
    )


@exercise("01.1", "z", setup=setup)
def pre_activation(s):
    w, x, b = s.neuron
    return w * x + b


@mistakes("01.1")
def pre_activation_mistakes(s):
    w, x, b = s.neuron
    return attempts(
        (lambda: w * (x + b), MULTIPLY_FIRST), (lambda: w + x * b, BIAS_TIMES_X), (lambda: w * x - b, BIAS_SIGN)
    )


def _parts(s):
    w, b, x, y = s.example
    z = w * x + b
    a = sigmoid(z)
    return w, x, z, a, a - y


@exercise("01.2", "dL/dw", setup=setup)
def weight_derivative(s):
    _w, x, z, _a, da = _parts(s)
    return da * sigmoid_prime(z) * x


@mistakes("01.2")
def weight_derivative_mistakes(s):
    _w, x, z, a, da = _parts(s)
    return attempts(
        (lambda: da * x, FORGOT_SIGMA_PRIME),
        (lambda: -da * sigmoid_prime(z) * x, ERROR_SIGN),
        (lambda: da * sigmoid(z) * x, SIGMA_NOT_PRIME),
        (lambda: da * sigmoid_prime(a) * x, PRIME_OF_A),
        (lambda: da * sigmoid_prime(z), FORGOT_X),
        (lambda: -da * x, FORGOT_SIGMA_PRIME),
    )


@exercise("01.3", "w", setup=setup)
def updated_weight(s):
    w = s.example[0]
    return w - s.alpha * weight_derivative(s)


@mistakes("01.3")
def updated_weight_mistakes(s):
    w, _x, z, _a, da = _parts(s)
    dw, alpha = weight_derivative(s), s.alpha
    return attempts(
        (lambda: w + alpha * dw, STEP_UPHILL),
        (lambda: w - dw, FORGOT_ALPHA),
        (lambda: w - alpha * da * sigmoid_prime(z), USED_DB),
        (lambda: w - alpha * da * s.example[2], FORGOT_SIGMA_PRIME),
        (lambda: alpha * dw, STEP_UPHILL),
    )
