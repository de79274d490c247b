"""Diagnoses of a training run (lessons 05-07): when they speak, what they say, in which language."""

import math

import numpy as np
import pytest

from course import DivergenceError, Network
from course import diagnosis as d
from course.data import moons
from course.gradcheck import GradientCheck, gradient_check


@pytest.mark.parametrize(
    "history, step",
    [([], None), ([0.7, 0.5, 0.3], None), ([0.7, 0.9, 7.1], 3), ([0.7, math.nan], 2), ([0.7, math.inf, 0.1], 2)],
)
def test_divergence_step(history, step):
    assert d.divergence_step(history) == step


def test_safer_alpha_is_the_largest_calm_alpha_tried_below():
    tried = {0.01: [0.7, 0.6], 0.1: [0.7, 0.4], 1.0: [0.7, 9.0], 100.0: [0.7, 0.1]}
    assert d.safer_alpha(10.0, tried) == 0.1
    assert d.safer_alpha(10.0) == 1.0
    assert d.safer_alpha(0.01, tried) == pytest.approx(0.001)


def test_diverged_names_the_step_and_a_safer_alpha():
    assert d.diverged([0.7, 0.6], 1.0) is None
    sentence = d.diverged([0.7, 3.0, 8.0], 1.0, tried={0.3: [0.7, 0.2]})
    assert "step 3" in sentence and "α = 1" in sentence and "α = 0.3" in sentence
    assert "step 12" in d.diverged([0.7], 1.0, step=12)


def test_divergence_of_the_engine_is_diagnosed():
    x, y = moons(m=60)
    net = Network([2, 8, 8, 1], f="tanh", f_out="sigmoid", seed=0)
    try:
        history = net.train(x, y, alpha=10.0, steps=30)
        step = d.divergence_step(history)
    except DivergenceError as error:
        history, step = error.history, error.step
    assert step is not None
    assert d.diagnose(net, x, y, history, 10.0, diverged_at=step) == [d.diverged(history, 10.0, step=step)]


def test_vanishing_gradients_of_a_deep_sigmoid_network():
    x, y = moons(m=50)
    deep = Network([2, *[16] * 6, 1], f="sigmoid", seed=0)
    deep.forward(x)
    deep.backward(y)
    norms = d.gradient_norms(deep.dW)
    assert list(norms) == list(range(1, 8)) and norms[1] < 1e-3 * norms[7]
    sentence = d.vanishing_gradients(norms)
    assert "‖dW^1‖" in sentence and "‖dW^7‖" in sentence and "0.001" in sentence
    assert d.vanishing_gradients({1: 0.5, 2: 1.0}) is None
    assert d.vanishing_gradients({1: 0.5}) is None


def test_dead_relus_count_hidden_units_never_positive():
    z = {1: np.array([[-1.0, 0.0], [1.0, -2.0], [-3.0, -1.0]]), 2: np.array([[-1.0, -1.0]])}
    f = {1: "relu", 2: "relu"}
    assert d.dead_units(z, f) == (2, 3)  # the output layer 2 does not count
    assert "2 of the 3" in d.dead_relus(z, f)
    assert d.dead_relus(z, {1: "tanh", 2: "relu"}) is None
    assert d.dead_relus({1: np.ones((4, 3)), 2: z[2]}, f) is None


def test_dead_relus_after_a_bias_pushed_far_below_zero():
    x, _y = moons(m=30)
    net = Network([2, 6, 6, 1], f="relu", seed=0)
    net.b[1][:] = -100.0
    net.forward(x)
    assert d.dead_units(net.z, net.f) == (12, 12)  # a^1 = 0, so z^2 = b^2 = 0 ≤ 0 as well
    assert d.dead_relus(net.z, net.f).startswith("12 of the 12")


def test_no_progress_says_whether_the_loss_stalled_or_went_up():
    assert d.no_progress([0.7, 0.5]) is None
    assert d.no_progress([0.7]) is None
    assert "less than 1%" in d.no_progress([0.7, 0.699, 0.698])
    assert "went up" in d.no_progress([0.7, 0.9], alpha=3.0) and "α = 3" in d.no_progress([0.7, 0.9], alpha=3.0)


def test_a_good_run_has_nothing_to_say():
    x, y = moons(m=60)
    net = Network([2, 8, 1], f="tanh", f_out="sigmoid", seed=0)
    history = net.train(x, y, alpha=0.5, steps=100)
    assert d.diagnose(net, x, y, history, 0.5) == []


def _check(worst_W, worst_b=0.0):
    error_W = {1: np.full((2, 3), 1e-10), 2: np.full((1, 2), 1e-10)}
    error_W[2][0, 1] = worst_W
    error_b = {1: np.full((2, 1), 1e-11), 2: np.full((1, 1), worst_b)}
    return GradientCheck({}, {}, error_W, error_b, 0.0)


def test_gradient_check_verdicts():
    assert "right" in d.gradient_check_verdict(_check(1e-9))
    assert "probably right" in d.gradient_check_verdict(_check(1e-6))
    wrong = d.gradient_check_verdict(_check(0.5))
    assert "wrong" in wrong and "dW^2" in wrong and "row 1, column 2" in wrong
    assert "db^2" in d.gradient_check_verdict(_check(1e-9, worst_b=0.3))
    x, y = moons(m=5)
    assert "is right" in d.gradient_check_verdict(gradient_check(Network([2, 3, 1], f="tanh"), x, y))


def test_every_sentence_is_translated_and_numbers_are_localized(marked):
    sentences = [
        d.diverged([0.7, 8.0], 0.5),
        d.vanishing_gradients({1: 1e-7, 2: 0.5}),
        d.dead_relus({1: -np.ones((2, 3)), 2: np.ones((1, 3))}, {1: "relu", 2: "sigmoid"}),
        d.no_progress([0.7, 0.699]),
        d.no_progress([0.7, 0.8], alpha=2.5),
        d.gradient_check_verdict(_check(1e-9)),
        d.gradient_check_verdict(_check(1e-6)),
        d.gradient_check_verdict(_check(0.5)),
    ]
    for sentence in sentences:
        assert sentence.startswith("‹") and sentence.endswith("›"), sentence
    assert "α = 0,5" in sentences[0] and "α = 0,05" in sentences[0]
    assert "0,001" in sentences[1]
    assert "1 %" in sentences[3].replace("\xa0", " ")  # French writes a space before %
    assert "2,5" in sentences[4]
