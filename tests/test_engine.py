"""The engine against the formulas of lessons 02-08: gradients, batch convention, seed 004, training."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from course import CourseError, DivergenceError, Network, ShapeError, backprop_by_example, layer_backward
from course.activations import ACTIVATIONS, relu_prime
from course.data import circles, moons, xor
from course.gradcheck import gradient_check

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
    with pytest.raises(ShapeError, match=r"W\^2 has shape \(2, 5\) but a\^1 has 3 rows"):
        net.forward(np.zeros((4, 6)))


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
    with pytest.raises(ShapeError, match=r"b\^1 has shape \(3,\) but should have shape \(3, 1\)"):
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
        (lambda: Network([2, 3, 1]).W[0], r"W\^0 does not exist: layers are numbered from 1 to n = 2"),
        (lambda: Network([2, 3, 1]).dW[1], r"dW\^1 has not been computed yet"),
    ],
)
def test_bad_names_and_layers_get_a_sentence(make, message):
    with pytest.raises(CourseError, match=message):
        make()
