"""The engine against the formulas of lessons 02-08: gradients, batch convention, seed 004, training."""

import re

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from course import CourseError, DivergenceError, Network, ShapeError, backprop_by_example, layer_backward, layer_forward
from course.activations import ACTIVATIONS, relu_prime
from course.data import circles, moons, xor
from course.gradcheck import gradient_check
from course.notebook import show

# (f^n, loss) pairs where the loss is defined on the output's range.
OUTPUTS = [
    ("sigmoid", "binary_cross_entropy"),
    ("softmax", "cross_entropy"),
    ("sigmoid", "cross_entropy"),
    ("softmax", "binary_cross_entropy"),
    *((f, "mse") for f in ACTIVATIONS),
]


def random_problem(sizes, m, f, f_out, loss, seed):
    rng = np.random.default_rng(seed)
    net = Network(sizes, f=f, f_out=f_out, loss=loss, seed=seed)
    for l in range(1, net.n + 1):  # non-zero biases, so db is really tested
        net.b[l] = rng.normal(0, 0.5, net.b[l].shape)
    x = rng.normal(0, 1, (sizes[0], m))
    if loss == "cross_entropy":
        y = np.eye(sizes[-1])[:, rng.integers(0, sizes[-1], m)]
    elif loss == "binary_cross_entropy":
        y = rng.integers(0, 2, (sizes[-1], m)).astype(float)
    else:
        y = rng.normal(0, 1, (sizes[-1], m))
    return net, x, y


@pytest.mark.parametrize("f_out, loss", OUTPUTS)
@pytest.mark.parametrize("f", list(ACTIVATIONS))
@settings(max_examples=12, deadline=None, derandomize=True)  # the same draws on every run: CI is reproducible
@given(
    hidden=st.lists(st.integers(1, 5), min_size=0, max_size=3),
    n0=st.integers(1, 4),
    n_out=st.integers(2, 3),
    m=st.integers(1, 6),
    lam=st.sampled_from([0.0, 0.7]),
    seed=st.integers(0, 2**16),
)
def test_gradients_match_central_differences(f, f_out, loss, hidden, n0, n_out, m, lam, seed):
    net, x, y = random_problem([n0, *hidden, n_out], m, f, f_out, loss, seed)
    y_hat = net.forward(x)
    if loss != "mse":  # log(1 − ŷ) of a saturated ŷ ≈ 1 loses the digits finite differences need
        assume(min(y_hat.min(), 1 - y_hat.max()) > 1e-4)
    if "relu" in net.f.values():  # stay away from relu's kink at 0
        assume(all(np.abs(net.z[l]).min() > 1e-3 for l in range(1, net.n + 1) if net.f[l] == "relu"))
    check = gradient_check(net, x, y, lam=lam)
    # A saturated network has gradients near 1e-8, below what finite differences of a cost
    # near 1 can resolve (about 1e-11 per entry): the comparison would measure noise.
    g = np.concatenate([np.ravel(v) for d in (net.dW, net.db) for v in d.values()])
    assume(np.linalg.norm(g) > 1e-4)
    assert check.difference < 1e-8


def test_activations_take_numbers_and_lists_as_typed_in_a_cell():
    for name, (f, f_prime) in ACTIVATIONS.items():
        if name != "softmax":
            assert np.allclose(f([-1, 0, 2]), f(np.array([-1.0, 0.0, 2.0]))), name
            assert np.allclose(f_prime([-1, 0, 2]), f_prime(np.array([-1.0, 0.0, 2.0]))), name
            assert np.allclose(f(3), f(np.array(3.0))), name
    assert np.allclose(ACTIVATIONS["softmax"][0]([1, 2]), [0.26894142, 0.73105858])


def test_gradient_check_takes_whole_number_weights_as_floats():
    net = Network([2, 3, 1], f="tanh")
    net.W[1] = np.ones((3, 2), dtype=int)  # θ ± ε in an int array would round to θ
    net.b[1] = [[0], [1], [0]]
    assert gradient_check(net, XOR_X, XOR_Y).difference < 1e-7


def test_relu_prime_is_zero_at_zero():
    assert relu_prime(np.array([[-1.0, 0.0, 2.0]])).tolist() == [[0.0, 0.0, 1.0]]


def test_batch_gradients_are_the_mean_of_per_example_gradients():
    net, x, y = random_problem([3, 4, 2], 5, "tanh", "sigmoid", "binary_cross_entropy", 1)
    net.forward(x)
    net.backward(y)
    batch_dW, batch_db, batch_dz = dict(net.dW), dict(net.db), dict(net.dz)
    per_example = []
    for t in range(5):
        net.forward(x[:, [t]])
        net.backward(y[:, [t]])
        per_example.append((dict(net.dW), dict(net.db), dict(net.dz)))
    for l in (1, 2):
        np.testing.assert_allclose(batch_dW[l], np.mean([e[0][l] for e in per_example], axis=0), rtol=1e-12)
        np.testing.assert_allclose(batch_db[l], np.mean([e[1][l] for e in per_example], axis=0), rtol=1e-12)
        # dz keeps one column per example, not divided by m
        np.testing.assert_allclose(batch_dz[l], np.hstack([e[2][l] for e in per_example]), rtol=1e-12)


def test_one_example_follows_the_seed_formulas_literally():
    net, x, y = random_problem([2, 3, 1], 1, "sigmoid", "sigmoid", "mse", 4)
    net.forward(x)
    net.backward(y)
    s = ACTIVATIONS["sigmoid"]
    da2 = net.a[2] - y
    dz2 = da2 * s[1](net.z[2])
    np.testing.assert_allclose(net.dz[2], dz2)
    np.testing.assert_allclose(net.dW[2], dz2 @ net.a[1].T)
    np.testing.assert_allclose(net.db[2], dz2)
    np.testing.assert_allclose(net.da[1], net.W[2].T @ dz2)
    dz1 = net.da[1] * s[1](net.z[1])
    np.testing.assert_allclose(net.dW[1], dz1 @ x.T)


@pytest.mark.parametrize(
    "f, f_out, loss",
    [("sigmoid", "sigmoid", "binary_cross_entropy"), ("tanh", "softmax", "cross_entropy"), ("relu", "identity", "mse")],
)
def test_seed_004_loop_equals_the_vectorized_engine(f, f_out, loss):
    net, x, y = random_problem([3, 5, 4, 2], 7, f, f_out, loss, 3)
    lam = 0.9
    net.forward(x)
    net.backward(y, lam)
    D = backprop_by_example(net, x, y, lam)
    for l in range(1, net.n + 1):
        np.testing.assert_allclose(D[l][:, :1], net.db[l], rtol=1e-10, atol=1e-14)
        np.testing.assert_allclose(D[l][:, 1:], net.dW[l], rtol=1e-10, atol=1e-14)


def test_seed_004_form_refuses_a_pair_where_delta_n_is_not_a_minus_y():
    net = Network([2, 2, 1], f="tanh", f_out="tanh")
    with pytest.raises(CourseError, match="this network has tanh with mean squared error"):
        backprop_by_example(net, np.zeros((2, 3)), np.zeros((1, 3)))


def test_regularization_terms_are_exact_and_leave_biases_alone():
    net, x, y = random_problem([2, 4, 1], 6, "tanh", "sigmoid", "binary_cross_entropy", 2)
    lam, m = 0.5, 6
    net.forward(x)
    J0, J = net.cost(y), net.cost(y, lam)
    assert pytest.approx(lam / (2 * m) * sum((W**2).sum() for W in net.W.values()), rel=1e-12) == J - J0
    net.backward(y)
    dW0, db0 = dict(net.dW), dict(net.db)
    net.backward(y, lam)
    for l in (1, 2):
        np.testing.assert_allclose(net.dW[l] - dW0[l], lam / m * net.W[l], rtol=1e-10)
        np.testing.assert_array_equal(net.db[l], db0[l])


@pytest.mark.parametrize(
    "init, variance",
    [
        ("lecun", lambda n_in, n_out: 1 / n_in),
        ("xavier", lambda n_in, n_out: 2 / (n_in + n_out)),
        ("he", lambda n_in, n_out: 2 / n_in),
        ("normal", lambda n_in, n_out: 1.0),
    ],
)
def test_each_initialization_draws_weights_with_its_variance(init, variance):
    net = Network([400, 200, 100], f="tanh", init=init, seed=3)
    for l in (1, 2):
        n_in, n_out = net.sizes[l - 1], net.sizes[l]
        assert net.W[l].var() == pytest.approx(variance(n_in, n_out), rel=0.02), (init, l)
        assert abs(net.W[l].mean()) < 0.03 * np.sqrt(variance(n_in, n_out))
        assert not net.b[l].any()


def test_the_default_initialization_is_he_for_relu_and_lecun_otherwise():
    mixed = Network([300, 300, 300], f=["relu", "tanh"], seed=1)
    assert mixed.W[1].var() == pytest.approx(2 / 300, rel=0.02) and mixed.W[2].var() == pytest.approx(1 / 300, rel=0.02)
    for f, init in (("relu", "he"), ("tanh", "lecun")):
        auto, named = Network([2, 5, 1], f=f, seed=4), Network([2, 5, 1], f=f, seed=4, init=init)
        assert all(np.array_equal(auto.W[l], named.W[l]) for l in (1, 2))


def test_zero_weights_keep_the_units_of_a_layer_equal():
    x, y = xor(8, seed=0)
    net = Network([2, 4, 4, 1], f="sigmoid", init="zeros")
    assert not any(net.W[l].any() for l in (1, 2, 3))
    net.train(x, y, alpha=1.0, steps=50)
    for l in (1, 2, 3):
        assert net.W[l].any(), l  # they learned…
        assert np.ptp(net.W[l], axis=0).max() < 1e-12, l  # …all the same thing
    broken = Network([2, 4, 4, 1], f="sigmoid")
    broken.train(x, y, alpha=1.0, steps=50)
    assert np.ptp(broken.W[1], axis=0).max() > 0.1


def test_layer_backward_takes_values_set_by_hand():
    W = np.array([[1.0, -2.0], [0.5, 0.0]])
    a_prev = np.array([[1.0], [2.0]])
    z = np.array([[0.0], [1.0]])
    da = np.array([[1.0], [-1.0]])
    dz, dW, db, da_prev = layer_backward(2, da, a_prev, z, W, "identity")
    np.testing.assert_array_equal(dz, da)
    np.testing.assert_array_equal(dW, [[1.0, 2.0], [-1.0, -2.0]])
    np.testing.assert_array_equal(db, da)
    np.testing.assert_array_equal(da_prev, [[0.5], [-2.0]])


@pytest.mark.parametrize(
    "data, sizes, alpha, epochs, batch, target",
    [
        (xor(200, noise=0.1, seed=0), [2, 8, 1], 1.0, 300, None, 1.0),
        (circles(400, noise=0.1, seed=0), [2, 16, 16, 1], 0.5, 100, 32, 0.97),
        (moons(400, noise=0.1, seed=0), [2, 16, 16, 1], 0.5, 100, 32, 0.97),
    ],
    ids=["xor", "circles", "moons"],
)
def test_training_reaches_the_stated_accuracy(data, sizes, alpha, epochs, batch, target):
    x, y = data
    net = Network(sizes, f="tanh", f_out="sigmoid", seed=0)
    history = net.train(x, y, alpha=alpha, epochs=epochs, batch_size=batch, seed=0)
    assert history[-1] < history[0]
    assert net.accuracy(x, y) >= target


def test_stochastic_and_mini_batch_count_their_steps():
    x, y = xor(10)
    net = Network([2, 3, 1], f="tanh", f_out="sigmoid")
    assert len(net.train(x, y, epochs=2, batch_size=1)) == 20
    assert len(net.train(x, y, epochs=2, batch_size=4)) == 6
    assert len(net.train(x, y, steps=7, batch_size=4)) == 7


def test_divergence_names_the_step_and_suggests_a_smaller_alpha():
    x, y = xor(50)
    net = Network([2, 8, 1], f="relu", f_out="identity", seed=0)
    with pytest.raises(
        DivergenceError, match=r"diverged at step \d+ .*α = 100.*smaller learning rate.*α = 10"
    ) as error:
        net.train(x * 100, y, alpha=100.0, epochs=100)
    assert error.value.step == len(error.value.history)


def test_shape_error_names_symbol_layer_and_both_shapes():
    net = Network([4, 3, 2])
    net.W[2] = np.zeros((2, 5))
    with pytest.raises(ShapeError, match=r"W\^2 has shape \(2, 5\) but layer 2 of this network needs \(2, 3\)"):
        net.forward(np.zeros((4, 6)))
    with pytest.raises(ShapeError, match=r"W\^2 has shape \(2, 5\) but a\^1 has 3 rows"):
        layer_forward(2, np.zeros((2, 5)), np.zeros((2, 1)), np.zeros((3, 6)), "tanh")


def test_transposed_input_gets_a_hint():
    net = Network([2, 3, 1])
    with pytest.raises(ShapeError, match=r"a\^0 = x has shape \(6, 2\).*n\^0 = 2 rows.*x\.T"):
        net.forward(np.zeros((6, 2)))


def test_target_and_bias_shapes_are_checked():
    net = Network([2, 3, 1])
    net.forward(np.zeros((2, 4)))
    with pytest.raises(ShapeError, match=r"y has shape \(4,\) but ŷ = a\^2 has shape \(1, 4\)"):
        net.backward(np.zeros(4))
    net.b[1] = np.zeros(3)
    with pytest.raises(ShapeError, match=r"b\^1 has shape \(3,\) but layer 1 of this network needs \(3, 1\)"):
        net.forward(np.zeros((2, 4)))
    with pytest.raises(ShapeError, match=r"da\^2 has shape \(2, 4\) but should have shape \(1, 4\)"):
        layer_backward(2, np.zeros((2, 4)), net.a[1], net.z[2], net.W[2], "sigmoid")


@pytest.mark.parametrize(
    "make, message",
    [
        (
            lambda: Network([2, 1], f="gelu"),
            "Unknown activation 'gelu': choose one of sigmoid, tanh, relu, identity, softmax",
        ),
        (
            lambda: Network([2, 1], loss="hinge"),
            "Unknown loss 'hinge': choose one of mse, binary_cross_entropy, cross_entropy",
        ),
        (lambda: Network([2]), "at least two sizes"),
        (lambda: Network([2, 3, 1], f=["tanh"]), "one activation per layer: 2 names"),
        (
            lambda: Network([2, 3, 1]).W[0],
            r"W\[0\] does not exist: layers are numbered by whole numbers from 1 to n = 2",
        ),
        (lambda: Network([2, 3, 1]).dW[1], r"dW\^1 has not been computed yet"),
    ],
)
def test_bad_names_and_layers_get_a_sentence(make, message):
    with pytest.raises(CourseError, match=message):
        make()


# --- saturated outputs: the output layer fused with its loss ----------------------------------


def one_unit(f_out, z, loss=None, units=1):
    """A network whose output pre-activation z^1 is exactly ``z`` (x = 1, W^1 = z, b^1 = 0)."""
    net = Network([1, units], f=f_out, loss=loss)
    net.W[1] = np.asarray(z, dtype=float).reshape(units, 1)
    return net


@pytest.mark.parametrize("z", [40.0, -40.0, 800.0, -800.0, 30.0, 0.3])
@pytest.mark.parametrize("y", [0.0, 1.0])
def test_sigmoid_with_cross_entropy_is_exact_however_saturated(z, y):
    net = one_unit("sigmoid", [z])
    x, target = np.ones((1, 1)), np.array([[y]])
    net.forward(x)
    net.backward(target)
    exact_dz = 1 / (1 + np.exp(-z)) - y if z > -700 else -y  # σ(z) − y
    assert net.dz[1][0, 0] == pytest.approx(exact_dz, abs=1e-9)
    exact_cost = np.logaddexp(0, z) - y * z  # softplus(z) − y z = −[y log σ(z) + (1 − y) log(1 − σ(z))]
    assert net.cost(target) == pytest.approx(exact_cost, rel=1e-9)


def test_softmax_with_cross_entropy_is_exact_for_a_logit_gap_of_800():
    net = one_unit("softmax", [800.0, 0.0], units=2)
    target = np.array([[0.0], [1.0]])  # the confident class is wrong
    net.forward(np.ones((1, 1)))
    net.backward(target)
    np.testing.assert_allclose(net.dz[1], [[1.0], [-1.0]], atol=1e-9)
    assert net.cost(target) == pytest.approx(800.0, rel=1e-9)


def test_identity_with_squared_error_needs_no_fusion_but_is_fused():
    net = one_unit("identity", [40.0], loss="mse")
    net.forward(np.ones((1, 1)))
    net.backward(np.zeros((1, 1)))
    assert net.dz[1][0, 0] == 40.0 and net.cost(np.zeros((1, 1))) == 800.0


def test_a_confidently_wrong_network_learns_its_way_out():
    net = one_unit("sigmoid", [40.0])
    history = net.train(np.ones((1, 1)), np.zeros((1, 1)), alpha=1.0, steps=60)
    assert history[0] == pytest.approx(40.0) and history[-1] < 0.1


def test_the_fused_backward_equals_the_literal_layer_by_layer_one():
    net, x, y = random_problem([3, 4, 5, 2], 7, "tanh", "softmax", "cross_entropy", 3)
    net.forward(x)
    net.backward(y)
    da = net.da[net.n]  # da^n = −y/ŷ, computed for display
    for l in range(net.n, 0, -1):
        dz, dW, db, da = layer_backward(l, da, net.a[l - 1], net.z[l], net.W[l], net.f[l])
        np.testing.assert_allclose(dz, net.dz[l], rtol=1e-10, atol=1e-13)
        np.testing.assert_allclose(dW, net.dW[l], rtol=1e-10, atol=1e-13)
        np.testing.assert_allclose(db, net.db[l], rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(da, net.da[0], rtol=1e-10, atol=1e-13)


def test_da0_is_computed_when_read_with_the_weights_of_its_backward_pass():
    net, x, y = random_problem([2, 3, 1], 4, "sigmoid", "sigmoid", "binary_cross_entropy", 0)
    W1 = net.W[1].copy()
    net.step(x, y, alpha=0.5)  # forward, backward, then the update changes W^1
    assert not np.allclose(net.W[1], W1)
    np.testing.assert_allclose(net.da[0], W1.T @ net.dz[1], rtol=1e-12)


def test_softmax_has_no_element_wise_derivative():
    from course.activations import dz_from_da, softmax_prime

    with pytest.raises(CourseError, match=r"Jacobian.*dz_from_da"):
        softmax_prime(np.zeros((3, 1)))
    # A softmax hidden layer goes through its Jacobian, in the engine and in the freeCodeCamp guide's loop.
    net, x, y = random_problem([2, 3, 3, 2], 5, "softmax", "softmax", "cross_entropy", 4)
    D = backprop_by_example(net, x, y)
    net.forward(x)
    net.backward(y)
    z, da = net.z[2], net.da[2]
    np.testing.assert_allclose(net.dz[2], dz_from_da("softmax", da, z), rtol=1e-10)
    for l in D:
        np.testing.assert_allclose(D[l][:, 1:], net.dW[l], rtol=1e-10, atol=1e-14)


# --- λ per training set -------------------------------------------------------------------


def test_lambda_uses_the_training_set_size_whatever_the_batch_size():
    x = np.tile(np.array([[0.3], [-0.7]]), 64)  # 64 identical examples: every batch has the same gradient
    y = np.ones((1, 64))
    full, mini = (Network([2, 4, 1], f="tanh", f_out="sigmoid", seed=5) for _ in range(2))
    h_full = full.train(x, y, alpha=0.5, lam=0.3, steps=1)
    h_mini = mini.train(x, y, alpha=0.5, lam=0.3, steps=1, batch_size=8)
    for l in (1, 2):
        np.testing.assert_allclose(mini.W[l], full.W[l], rtol=1e-12)
        np.testing.assert_allclose(mini.b[l], full.b[l], rtol=1e-12)
    assert h_mini[0] == pytest.approx(h_full[0], rel=1e-12)  # the same penalty (λ/2m) Σ‖W‖², m = 64


def test_sgd_with_lambda_does_not_wipe_the_weights():
    x, y = xor(40, noise=0.1, seed=0)
    net = Network([2, 8, 1], f="tanh", f_out="sigmoid", seed=0)
    net.train(x, y, alpha=0.5, lam=0.3, epochs=60, batch_size=1)
    assert net.accuracy(x, y) >= 0.9 and min(np.abs(net.W[1]).max(), np.abs(net.W[2]).max()) > 0.1


# --- overshoot judged at the end of the run -------------------------------------------------


def test_a_finite_overshoot_is_reported_with_its_step():
    x, y = moons(100, noise=0.1, seed=0)
    net = Network([2, 8, 8, 1], f="tanh", f_out="sigmoid", seed=0)
    history = net.train(x, y, alpha=1e6, steps=50)
    assert history.overshoot is not None and history[-1] > 10 * history[0]
    assert f"diverged at step {history.overshoot} with α = 1,000,000" in history.message()
    assert "such as α = 100,000." in history.message()
    calm = Network([2, 8, 8, 1], f="tanh", f_out="sigmoid", seed=0).train(x, y, alpha=0.3, steps=50)
    assert calm.overshoot is None and calm.message() is None


def test_a_run_that_jumps_up_and_recovers_did_not_diverge():
    from course.engine import overshoot_step

    assert overshoot_step([0.7, 9.0, 12.0, 3.0, 0.09]) is None
    assert overshoot_step([0.7, 9.0, 12.0, 3.0, 8.0]) == 2  # ended at about 8: above 10 × 0.7 since step 2
    assert overshoot_step([0.7, 0.5, 0.4, 8.0, 12.0, 30.0]) == 4


# --- bad input: a sentence in the learner's language that names the culprit ---------------------

XOR_X, XOR_Y = xor(8, seed=0)


def trained(**options):
    return Network([2, 3, 1], f="tanh", f_out="sigmoid").train(XOR_X, XOR_Y, **{"steps": 2, **options})


def with_nan_weight():
    net = Network([2, 3, 1])
    net.W[2][0, 1] = np.nan
    return net.train(XOR_X, XOR_Y, steps=1)


def forward(x, sizes=(2, 3, 1)):
    return Network(list(sizes)).forward(x)


BAD_INPUTS = {
    # name: (the call, what the English sentence must say; the French one names the same culprit)
    "x-nan": (lambda: forward(np.array([[0.0, np.nan], [1.0, 2.0]])), r"a\^0 = x holds 1 value that is NaN"),
    "x-inf": (lambda: forward(np.full((2, 3), np.inf)), r"a\^0 = x holds 6 values"),
    "x-complex": (lambda: forward(np.ones((2, 2)) * (0.25 + 5j)), r"a\^0 = x must hold real numbers, not complex"),
    "x-text": (lambda: forward([["a", "b"], ["c", "d"]]), r"a\^0 = x must hold real numbers, not text"),
    "x-empty": (lambda: forward(np.zeros((2, 0))), r"a\^0 = x has no example: its shape is \(2, 0\)"),
    "x-ragged": (lambda: forward([[1.0, 2.0], [3.0]]), r"a\^0 = x must hold real numbers"),
    "y-vector": (
        lambda: Network([2, 3, 1]).train(XOR_X, XOR_Y[0]),
        r"y has shape \(8,\) but ŷ = a\^2 has shape \(1, 8\)",
    ),
    "y-extra-columns": (lambda: Network([2, 3, 1]).train(XOR_X, np.hstack([XOR_Y, XOR_Y])), r"y has shape \(1, 16\)"),
    "y-nan": (lambda: Network([2, 3, 1]).train(XOR_X, XOR_Y * np.nan), r"y holds 8 values that are NaN"),
    "y-minus-one": (
        lambda: Network([2, 3, 1]).train(XOR_X, 2 * XOR_Y - 1),
        r"binary cross-entropy, the targets y are probabilities between 0 and 1 \(a class is 0 or 1\), but y\[:, 3\] holds -1",
    ),
    "y-not-one-hot": (
        lambda: Network([2, 3, 2], f_out="softmax").train(XOR_X, np.ones((2, 8))),
        r"each column of y .* but y\[:, 0\] adds up to 2",
    ),
    "alpha-nan": (lambda: trained(alpha=np.nan), r"α must be a number greater than 0, not nan"),
    "alpha-inf": (lambda: trained(alpha=np.inf), r"α must be a number greater than 0, not inf"),
    "alpha-zero": (lambda: trained(alpha=0), r"α must be a number greater than 0, not 0"),
    "alpha-negative": (lambda: trained(alpha=-0.5), r"α must be a number greater than 0, not -0.5"),
    "alpha-text": (lambda: trained(alpha="0.1"), r"α must be a number greater than 0, not '0.1'"),
    "alpha-update": (lambda: Network([2, 1]).update(None), r"α must be a number greater than 0, not None"),
    "lambda-nan": (lambda: trained(lam=np.nan), r"λ must be a number of at least 0, not nan"),
    "lambda-negative": (lambda: trained(lam=-1.0), r"λ must be a number of at least 0, not -1.0"),
    "batch-zero": (lambda: trained(batch_size=0), r"batch_size must be a whole number of at least 1, not 0"),
    "batch-negative": (lambda: trained(batch_size=-5), r"batch_size must be a whole number of at least 1, not -5"),
    "batch-fraction": (lambda: trained(batch_size=2.5), r"batch_size must be a whole number of at least 1, not 2.5"),
    "steps-negative": (lambda: trained(steps=-3), r"steps must be a whole number of at least 1, not -3"),
    "epochs-zero": (lambda: trained(steps=None, epochs=0), r"epochs must be a whole number of at least 1, not 0"),
    "seed-negative": (lambda: trained(seed=-1), r"seed must be a whole number of at least 0, not -1"),
    "sizes-fraction": (
        lambda: Network([2.5, 3]),
        r"at least two sizes n\^0, n\^1, each a whole number of at least 1; got \[2.5, 3\]",
    ),
    "sizes-zero": (lambda: Network([2, 0, 1]), r"each a whole number of at least 1; got \[2, 0, 1\]"),
    "sizes-text": (lambda: Network("23"), r"each a whole number of at least 1; got '23'"),
    "softmax-one-unit": (lambda: Network([2, 1], f="softmax"), r"softmax output needs at least 2 units.*n\^1 = 1"),
    "bce-after-tanh": (
        lambda: Network([2, 1], f="tanh", loss="binary_cross_entropy"),
        r"binary cross-entropy compares probabilities: .*f\^1 = sigmoid or softmax, not tanh",
    ),
    "bias-set-by-name": (lambda: Network([2, 3, 1]).b.__setitem__("2", np.zeros((1, 1))), r"b\['2'\] does not exist"),
    "layer-forward-shape": (
        lambda: layer_forward(1, np.ones((3, 2)), np.zeros((3, 1)), np.ones((4, 5)), "tanh"),
        r"W\^1 has shape \(3, 2\)",
    ),
    "gradcheck-eps": (lambda: gradient_check(Network([2, 1]), XOR_X, XOR_Y, eps=1.0), r"eps must be a number from"),
    "gradcheck-eps-zero": (lambda: gradient_check(Network([2, 1]), XOR_X, XOR_Y, eps=0), r"eps must be a number from"),
    "gradcheck-network": (
        lambda: gradient_check([[1.0, 2.0]], XOR_X, XOR_Y),
        r"The gradient check needs a network built with `Network\(...\)`",
    ),
    "gradcheck-list": (
        lambda: gradient_check(Network([2, 1]), XOR_X, XOR_Y, dW=[np.zeros((1, 2))], db={1: np.zeros((1, 1))}),
        r"dW must be a dict with one array per layer",
    ),
    "gradcheck-nan": (
        lambda: gradient_check(
            Network([2, 1]), XOR_X, XOR_Y, dW={1: np.full((1, 2), np.nan)}, db={1: np.zeros((1, 1))}
        ),
        r"dW\^1 holds NaN or infinite values",
    ),
    "init-unknown": (
        lambda: Network([2, 3, 1], init="glorot"),
        r"init must be one of auto, lecun, xavier, he, normal, zeros, not 'glorot'",
    ),
    "init-number": (lambda: Network([2, 3, 1], init=0.1), r"init must be one of auto, .*, not 0.1"),
    "show-text": (lambda: show("z^1", "0.5"), r"z\^1 must hold real numbers, not text"),
    "show-3d": (
        lambda: show("a^1", np.zeros((2, 2, 2))),
        r"show draws a number, a vector or a matrix: a\^1 has 3 dimensions",
    ),
    "weights-nan": (
        with_nan_weight,
        r"W\^2 holds 1 value that is NaN or infinite \(at index \[0, 1\], counted from 0\)\. Set W\^2 again with finite numbers",
    ),
}


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("name", BAD_INPUTS)
def test_every_bad_input_gets_a_sentence_naming_its_culprit(name, lang):
    from course.i18n import language
    from course.tools.catalogs import english_sentences

    call, english = BAD_INPUTS[name]
    with language(lang), pytest.raises(CourseError) as error:
        call()
    said = str(error.value)
    if lang == "en":
        assert re.search(english, said), said
    else:  # the same culprit, in French
        culprit = re.match(r"[^ ]+(?: = x)?", english.replace("\\", "")).group(0)
        assert english_sentences(said, "fr") == [] and not re.search(english, said), said
        assert culprit.split("^")[0] in said or name.startswith(
            ("sizes", "softmax", "bce", "batch", "steps", "epochs", "seed", "y-", "gradcheck-network", "show-3d")
        ), said
