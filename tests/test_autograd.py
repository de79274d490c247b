"""Lesson 10's scalar autograd gives the engine's dW^l and db^l to 1e-12: the course's copy and the lesson's own cells."""

import contextlib
import io
import math
from pathlib import Path

import jupytext
import numpy as np
import pytest

from course import Network
from course.autograd import Value, topological_order

LESSON = Path(__file__).resolve().parent.parent / "lessons" / "src" / "10_backprop_as_a_graph.py"


def lesson04():
    """Lesson 04's network and example, after the engine's forward and backward pass."""
    net = Network([2, 3, 2], f="sigmoid", loss="mse", seed=1)
    x, y = np.array([[0.5], [-1.0]]), np.array([[1.0], [0.0]])
    net.forward(x)
    net.backward(y)
    return net, x, y


def scalar_gradients(value, net, x, y, backward=lambda L: L.backward()):
    """dW^l and db^l of ``net`` on (x, y), one number at a time with the autograd class ``value`` and ``backward``."""
    n = net.n
    W = {l: [[value(W_ij) for W_ij in row] for row in net.W[l]] for l in range(1, n + 1)}
    b = {l: [value(b_i) for b_i in net.b[l][:, 0]] for l in range(1, n + 1)}
    a = [value(x_j) for x_j in x[:, 0]]
    for l in range(1, n + 1):
        z = []
        for i in range(len(b[l])):
            z_i = b[l][i]
            for j in range(len(a)):
                z_i = z_i + W[l][i][j] * a[j]
            z.append(z_i)
        a = [z_i.sigmoid() for z_i in z]
    L = 0.5 * sum((a_i - y_i) ** 2 for a_i, y_i in zip(a, y[:, 0], strict=True))
    backward(L)
    dW = {l: np.array([[w.grad for w in row] for row in W[l]]) for l in W}
    db = {l: np.array([[v.grad] for v in b[l]]) for l in b}
    return dW, db


def largest_difference(net, dW, db) -> float:
    return max(max(np.abs(dW[l] - net.dW[l]).max(), np.abs(db[l] - net.db[l]).max()) for l in range(1, net.n + 1))


def test_the_course_autograd_gives_the_engine_gradients_to_1e_12():
    net, x, y = lesson04()
    assert largest_difference(net, *scalar_gradients(Value, net, x, y)) <= 1e-12


def assigning_backward(root):
    """The classic bug: grad = … instead of grad += …, so a node used twice keeps one contribution."""
    root.grad = 1.0
    for node in reversed(topological_order(root)):
        for parent, local in zip(node.parents, node.local, strict=True):
            parent.grad = local * node.grad


def test_the_comparison_catches_an_autograd_that_assigns_instead_of_adding():
    net, x, y = lesson04()
    # Each a^1_j feeds both output units: with = it keeps only one of its two contributions.
    assert largest_difference(net, *scalar_gradients(Value, net, x, y, backward=assigning_backward)) > 1e-3


def lesson_namespace() -> dict:
    """The lesson's own code cells run in order, up to the cell that compares its autograd with the engine."""
    namespace = {}
    for cell in jupytext.read(LESSON).cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type != "code" or {"exercise", "solution"} & set(tags):
            continue
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(cell.source, str(LESSON), "exec"), namespace)
        if "net.backward(y)" in cell.source:
            return namespace
    raise AssertionError("lesson 10 has no cell that runs the engine's backward pass")


def test_the_lesson_cells_autograd_gives_the_engine_gradients_to_1e_12():
    ns = lesson_namespace()
    lesson_value, net = ns["Value"], ns["net"]
    assert lesson_value is not Value and lesson_value.__module__ != "course.autograd"  # the lesson's own class
    dW = {l: ns["grads"](ns["W"][l]) for l in range(1, net.n + 1)}
    db = {l: ns["grads"](ns["b"][l]) for l in range(1, net.n + 1)}
    assert largest_difference(net, dW, db) <= 1e-12
    # And the same class, on its own, through the test's forward pass.
    assert largest_difference(net, *scalar_gradients(lesson_value, *lesson04())) <= 1e-12


@pytest.mark.parametrize(
    "make, expected",
    [
        (lambda p, q: p + q, (2.0, 2.0)),  # an addition distributes
        (lambda p, q: p * q, (-2.0, 6.0)),  # a product swaps
        (lambda p, q: p - q, (2.0, -2.0)),
        (lambda p, q: (p * -1.0).relu() + q.relu(), (0.0, 0.0)),  # max(·, 0) routes: both negative here
        (lambda p, q: p.relu() * 1.0 + q * 0.0, (2.0, 0.0)),
        (lambda p, q: p * p, (12.0, 0.0)),  # used twice: the contributions add up
        (lambda p, q: p.tanh(), (2.0 * (1 - math.tanh(3.0) ** 2), 0.0)),
        (lambda p, q: p.sigmoid(), (2.0 / (1 + math.exp(-3.0)) * (1 - 1 / (1 + math.exp(-3.0))), 0.0)),
        (lambda p, q: q**3, (0.0, 6.0)),
    ],
)
def test_each_operation_hands_the_upstream_gradient_to_its_parents(make, expected):
    p, q = Value(3.0), Value(-1.0)
    out = make(p, q) * 2.0  # an upstream gradient of 2
    out.backward()
    assert (p.grad, q.grad) == pytest.approx(expected, rel=1e-12)


def test_the_topological_order_lists_each_node_once_after_its_parents():
    x = Value(0.5)
    s = x * x
    L = (s + x).tanh() * s
    order = topological_order(L)
    assert len(order) == len(set(order)) == 5 and order[0] is x and order[-1] is L
    for k, node in enumerate(order):
        assert all(order.index(parent) < k for parent in node.parents)
