"""Diagnoses of a training run (lessons 05-07): when they speak, what they say, in which language."""

import math
import re

import numpy as np
import pytest

from course import CourseError, DivergenceError, Network
from course import diagnosis as d
from course.data import moons, xor
from course.gradcheck import GradientCheck, gradient_check
from course.i18n import CourseWarning


@pytest.mark.parametrize(
    "history, step",
    [
        ([], None),
        ([0.7, 0.5, 0.3], None),
        ([0.7, 0.9, 7.1, 8.0, 9.0], 3),  # it ended (the median of its last steps) ten times above its start
        ([0.7, 0.9, 7.1, 0.6, 0.5], None),  # it jumped up and came back down: a recovery
        ([0.7, math.nan], 2),
        ([0.7, math.inf, 0.1], 2),
    ],
)
def test_divergence_step(history, step):
    assert d.divergence_step(history) == step


def test_safer_alpha_is_the_largest_calm_alpha_tried_below():
    tried = {0.01: [0.7, 0.6], 0.1: [0.7, 0.4], 1.0: [0.7, 9.0, 9.5, 10.0], 100.0: [0.7, 0.1]}
    assert d.safer_alpha(10.0, tried) == 0.1
    assert d.safer_alpha(10.0) == 1.0
    assert d.safer_alpha(0.01, tried) == pytest.approx(0.001)


def test_diverged_names_the_step_and_a_safer_alpha():
    assert d.diverged([0.7, 0.6], 1.0) is None
    sentence = d.diverged([0.7, 3.0, 8.0, 9.0, 9.5], 1.0, tried={0.3: [0.7, 0.2]})
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


def deep_network(f, init="auto"):
    """Lesson 11's network: 10 layers of 10 units, one backward pass on 50 moons."""
    x, y = moons(m=50, seed=0)
    net = Network([2, *[10] * 9, 1], f=f, f_out="sigmoid", init=init)
    net.forward(x)
    net.backward(y)
    return net


@pytest.mark.parametrize("f, init", [("tanh", "auto"), ("relu", "he"), ("tanh", "xavier"), ("relu", "auto")])
def test_a_healthy_deep_network_is_not_flagged(f, init):
    net = deep_network(f, init)
    verdict = d.gradient_verdict(net)
    assert verdict.startswith("The gradients neither vanish nor explode: ‖dW^1‖ = "), verdict
    assert "‖dW^10‖ = " in verdict and "1,000 times" in verdict
    assert d.exploding_gradients(d.gradient_norms(net.dW), d.weight_norms(net.W)) is None


def test_the_verdict_names_vanishing_gradients_with_their_norms():
    net = deep_network("sigmoid")
    verdict = d.gradient_verdict(net)
    assert verdict.startswith("The gradients vanish: ‖dW^1‖ is less than 0.001 times ‖dW^10‖"), verdict
    assert f"‖dW^1‖ = {d.num(float(np.linalg.norm(net.dW[1])), 2)}" in verdict and "× 10⁻⁷" in verdict


def test_the_verdict_names_exploding_gradients_with_their_norms():
    net = deep_network("relu", "normal")  # N(0, 1) with 10 inputs per unit: each layer multiplies by about √5
    verdict = d.gradient_verdict(net)
    assert verdict.startswith("The gradients explode: ‖dW^1‖ = 460 is more than 10 times ‖W^1‖ = 3.9"), verdict
    assert "He initialization" in verdict
    assert "explode" in " ".join(d.diagnose(net, *moons(m=50, seed=0), [0.7, 0.6], 0.1))


def test_gradients_that_grow_on_the_way_down_explode():
    said = d.exploding_gradients({1: 50.0, 2: 0.5, 3: 0.01}, {1: 10.0, 2: 10.0, 3: 10.0})
    assert said.startswith("The gradients explode: ‖dW^1‖ is more than 1,000 times ‖dW^3‖"), said
    assert d.exploding_gradients({1: 5.0, 2: 0.5, 3: 0.01}, {1: 10.0, 2: 10.0, 3: 10.0}) is None
    assert d.exploding_gradients({1: 5.0}, {1: 0.0}) is None  # W^1 = 0: nothing to compare with


def test_tiny_weights_make_every_gradient_tiny():
    x, y = moons(m=50, seed=0)
    net = Network([2, *[10] * 19, 1], f="tanh", f_out="sigmoid", init="lecun")
    for l in range(1, net.n + 1):
        net.W[l] = 0.1 * net.W[l]
    net.forward(x)
    net.backward(y)
    verdict = d.gradient_verdict(net)
    assert verdict.startswith("The gradients vanish in every layer: each ‖dW^l‖ is less than 1 × 10⁻⁶ times"), verdict


def test_zero_weights_are_named_not_called_healthy():
    net = deep_network("tanh", "zeros")
    assert d.gradient_verdict(net).startswith("Every dW^l is 0: no weight will move.")


def test_the_verdict_needs_a_backward_pass():
    with pytest.raises(CourseError, match=r"dW\^1 has not been computed yet"):
        d.gradient_verdict(Network([2, 3, 1]))


def test_the_verdict_is_translated_with_localized_numbers(marked):
    for net in (deep_network("sigmoid"), deep_network("relu", "normal"), deep_network("tanh")):
        verdict = d.gradient_verdict(net)
        assert verdict.startswith("‹") and verdict.endswith("›"), verdict
        assert re.search(r"\d,\d", verdict) and not re.search(r"\d\.\d", verdict), verdict


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
        d.diverged([0.7, 8.0, 9.0], 0.5),
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


# --- the gradient check at scale ---------------------------------------------------------------


@pytest.fixture(scope="module")
def big():
    """15 001 parameters: more than the check takes one by one, with many gradients close to 0."""
    from course.data import moons

    x, y = moons(50, noise=0.1, seed=0)
    return Network([2, 120, 120, 1], f="sigmoid", f_out="sigmoid", seed=0), x, y


def test_a_big_network_is_checked_on_a_sample_and_found_right(big):
    net, x, y = big
    check = gradient_check(net, x, y)
    verdict = d.gradient_check_verdict(check)
    assert check.checked < check.total == 15_001
    assert verdict.startswith("The backward pass is right") and "ReLU" not in verdict
    assert f"Checked on {check.checked} of the 15,001 entries, chosen at random in every layer." in verdict


def test_a_wrong_layer_of_a_big_network_is_found(big):
    net, x, y = big
    net.forward(x)
    net.backward(y)
    dW = dict(net.dW)
    dW[2] = dW[2] * 1.01  # one layer 1 % off
    verdict = d.gradient_check_verdict(gradient_check(net, x, y, dW=dW, db=dict(net.db)))
    assert verdict.startswith("The backward pass is wrong") and "dW^2" in verdict


def test_relu_is_blamed_only_where_there_is_relu():
    check = _check(1e-6)
    check.relu = True
    assert "ReLU's kink" in d.gradient_check_verdict(check)
    check.relu = False
    assert "ReLU" not in d.gradient_check_verdict(check) and "rounding" in d.gradient_check_verdict(check)


def test_a_layer_too_small_to_check_is_named_not_judged():
    x, y = xor(20, seed=0)
    deep = Network([2, *[3] * 9, 1], f="sigmoid", seed=0)
    verdict = d.gradient_check_verdict(gradient_check(deep, x, y))
    assert "too small" in verdict and "wrong" not in verdict


def test_a_slow_check_says_how_long_it_will_take(monkeypatch):
    from course import gradcheck

    x, y = xor(20, seed=0)
    monkeypatch.setattr(gradcheck, "SLOW", 0.0)
    with pytest.warns(CourseWarning, match=r"The gradient check will take about .* s: 13 entries"):
        gradient_check(Network([2, 3, 1], f="tanh"), x, y)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_learners_dw_must_have_every_layer(lang):
    from course.i18n import language

    x, y = xor(20, seed=0)
    net = Network([2, 3, 1], f="tanh")
    net.forward(x)
    net.backward(y)
    with language(lang), pytest.raises(CourseError) as error:
        gradient_check(net, x, y, dW={1: net.dW[1]}, db=dict(net.db))
    assert "dW" in str(error.value) and "2" in str(error.value)
    assert (str(error.value).startswith("dW has no layer 2")) == (lang == "en")
