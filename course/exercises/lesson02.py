"""Exercises of lesson 02 (the forward pass): z^1 = W^1 a^0 + b^1, a^1 = tanh(z^1), and ŷ of a 2-3-1 network."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from ..activations import sigmoid
from ..i18n import N_
from . import HADAMARD_FOR_DOT, attempts, exercise, mistakes

W_TRANSPOSED = N_(
    "You used (W^1)^T where W^1 is meant: W^1 has one row per neuron of layer 1, so z^1 = W^1 ⋅ a^0 + b^1 is `W @ a + b`, without `.T`."
)
PRODUCT_ORDER = N_(
    "The factors are in the wrong order: a^0 has one column per example, so W^1 comes first, `W @ a`, not `a @ W`."
)
FORGOT_BIAS = N_("The bias is missing: after the matrix product, add b^1 (it is added to every column).")
BIAS_AS_ROW = N_(
    "b^1 was added as a row: it has shape (n^1, 1), one row per neuron, and numpy adds it to every column as it is. Do not transpose it."
)
FORGOT_TANH = N_("This is z^1, not a^1 yet: apply the activation f^1 = tanh to it, `np.tanh(...)`.")
SIGMOID_NOT_TANH = N_("You used the sigmoid, but in this network f^1 is tanh: `np.tanh(...)`.")
TANH_WITHOUT_BIAS = N_("tanh is right, but b^1 is missing inside it: a^1 = tanh(W^1 a^0 + b^1).")
BIAS_AFTER_TANH = N_("The bias is added after tanh, but it belongs inside: a^1 = tanh(W^1 a^0 + b^1).")
FORGOT_OUTPUT_SIGMOID = N_(
    "This is z^2, not ŷ: the output layer applies its own activation, ŷ = a^2 = σ(z^2). Apply `sigmoid` at the end."
)
TANH_AT_OUTPUT = N_("The output layer of this network uses the sigmoid, not tanh: ŷ = σ(W^2 a^1 + b^2).")
SIGMOID_IN_HIDDEN = N_("The hidden layer of this network uses tanh, not the sigmoid: a^1 = tanh(W^1 a^0 + b^1).")
NO_HIDDEN_ACTIVATION = N_(
    "The hidden layer's activation is missing: a^1 = tanh(z^1), and it is a^1, not z^1, that goes into layer 2."
)
FORGOT_BIASES = N_(
    "The biases are missing: each layer adds its own, a^1 = tanh(W^1 a^0 + b^1) and ŷ = σ(W^2 a^1 + b^2)."
)


def setup():
    """The numbers of lesson 02's exercises: a 2 × 2 layer (02.1), and the lesson's 2-3-1 network with three new examples (02.2, 02.3)."""
    return SimpleNamespace(
        layer=(np.array([[1.0, -2.0], [0.5, 3.0]]), np.array([[1.0, 2.0], [-1.0, 0.5]]), np.array([[0.5], [-1.0]])),
        W1=np.array([[0.5, -1.0], [1.5, 0.2], [-0.3, 0.8]]), b1=np.array([[0.1], [-0.2], [0.0]]),
        W2=np.array([[1.0, -0.5, 0.7]]), b2=np.array([[0.2]]),
        x_new=np.array([[0.5, -1.5, 3.0], [2.0, 0.0, 1.0]]),
    )  # fmt: skip


@exercise("02.1", "z^1", setup=setup)
def pre_activation(s):
    W, a, b = s.layer
    return W @ a + b


@mistakes("02.1")
def pre_activation_mistakes(s):
    W, a, b = s.layer
    return attempts(
        (lambda: W.T @ a + b, W_TRANSPOSED),
        (lambda: a @ W + b, PRODUCT_ORDER),
        (lambda: W * a + b, HADAMARD_FOR_DOT),
        (lambda: W @ a, FORGOT_BIAS),
        (lambda: W @ a + b.T, BIAS_AS_ROW),
        (lambda: a.T @ W.T + b, PRODUCT_ORDER),
    )


@exercise("02.2", "a^1", setup=setup, given=lambda s: (s.W1, s.b1, s.x_new))
def hidden_activation(s):
    return np.tanh(s.W1 @ s.x_new + s.b1)


@mistakes("02.2")
def hidden_activation_mistakes(s):
    W, b, x = s.W1, s.b1, s.x_new
    return attempts(
        (lambda: W @ x + b, FORGOT_TANH),
        (lambda: sigmoid(W @ x + b), SIGMOID_NOT_TANH),
        (lambda: np.tanh(W @ x), TANH_WITHOUT_BIAS),
        (lambda: np.tanh(W @ x) + b, BIAS_AFTER_TANH),
        (lambda: np.tanh(W.T @ x + b), W_TRANSPOSED),
    )


@exercise("02.3", "ŷ", setup=setup, given=lambda s: (s.W1, s.b1, s.W2, s.b2, s.x_new))
def prediction(s):
    return sigmoid(s.W2 @ np.tanh(s.W1 @ s.x_new + s.b1) + s.b2)


@mistakes("02.3")
def prediction_mistakes(s):
    W1, b1, W2, b2, x = s.W1, s.b1, s.W2, s.b2, s.x_new
    a1 = np.tanh(W1 @ x + b1)
    return attempts(
        (lambda: W2 @ a1 + b2, FORGOT_OUTPUT_SIGMOID),
        (lambda: np.tanh(W2 @ a1 + b2), TANH_AT_OUTPUT),
        (lambda: sigmoid(W2 @ sigmoid(W1 @ x + b1) + b2), SIGMOID_IN_HIDDEN),
        (lambda: sigmoid(W2 @ (W1 @ x + b1) + b2), NO_HIDDEN_ACTIVATION),
        (lambda: sigmoid(W2 @ np.tanh(W1 @ x)), FORGOT_BIASES),
    )
