"""Checks of lesson 01 (the big picture): one neuron by hand."""

from __future__ import annotations

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


@exercise("01.1", "z")
def pre_activation(w, x, b):
    return w * x + b


@mistakes("01.1")
def pre_activation_mistakes(w, x, b):
    return attempts(
        (lambda: w * (x + b), MULTIPLY_FIRST),
        (lambda: w + x * b, BIAS_TIMES_X),
        (lambda: w * x - b, BIAS_SIGN),
    )


def _parts(w, b, x, y):
    z = w * x + b
    a = sigmoid(z)
    return z, a, a - y


@exercise("01.2", "dL/dw")
def weight_derivative(w, b, x, y):
    z, _a, da = _parts(w, b, x, y)
    return da * sigmoid_prime(z) * x


@mistakes("01.2")
def weight_derivative_mistakes(w, b, x, y):
    z, a, da = _parts(w, b, x, y)
    return attempts(
        (lambda: da * x, FORGOT_SIGMA_PRIME),
        (lambda: -da * sigmoid_prime(z) * x, ERROR_SIGN),
        (lambda: da * sigmoid(z) * x, SIGMA_NOT_PRIME),
        (lambda: da * sigmoid_prime(a) * x, PRIME_OF_A),
        (lambda: da * sigmoid_prime(z), FORGOT_X),
        (lambda: -da * x, FORGOT_SIGMA_PRIME),
    )


@exercise("01.3", "w")
def updated_weight(w, b, x, y, alpha):
    return w - alpha * weight_derivative(w, b, x, y)


@mistakes("01.3")
def updated_weight_mistakes(w, b, x, y, alpha):
    z, _a, da = _parts(w, b, x, y)
    dw = weight_derivative(w, b, x, y)
    return attempts(
        (lambda: w + alpha * dw, STEP_UPHILL),
        (lambda: w - dw, FORGOT_ALPHA),
        (lambda: w - alpha * da * sigmoid_prime(z), USED_DB),
        (lambda: w - alpha * da * x, FORGOT_SIGMA_PRIME),
    )
