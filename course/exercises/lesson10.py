"""Exercises of lesson 10, backpropagation as a graph: local derivatives, the topological order, and grads that add up."""

from __future__ import annotations

import math
from types import SimpleNamespace

from ..autograd import Value, topological_order
from ..i18n import N_
from . import exercise, mistakes

# 10.1: the local derivatives of add, mul and tanh
ADD_SPLITS = N_(
    "An addition hands its whole gradient to each input: both local derivatives of s = p + q are 1, so s.local = (1, 1). The gradient is copied, not shared out."
)
ADD_ONE_SIDE = N_("s = p + q grows as fast with q as with p: both local derivatives are 1, s.local = (1, 1).")
MUL_NOT_SWAPPED = N_(
    "A product swaps its inputs: ∂m/∂p = q and ∂m/∂q = p, so m.local = (q.data, p.data), not (p.data, q.data)."
)
MUL_AS_ADD = N_(
    "(1, 1) are the local derivatives of an addition. For m = p ⋅ q, p's derivative is the other factor: m.local = (q.data, p.data)."
)
TANH_OF_INPUT = N_("tanh'(p) = 1 − t², with t = tanh(p) the output of the node: square t, not p.")
TANH_NOT_PRIME = N_("t.local holds the derivative tanh'(p) = 1 − t², not tanh(p) itself.")
TANH_NOT_SQUARED = N_("tanh'(p) = 1 − t²: t must be squared.")
TANH_NOT_TUPLE = N_(
    "local holds one derivative per parent, as a tuple: tanh has one parent, so write local = (1 - t**2,), with the comma."
)

# 10.2: the topological order
REVERSED = N_(
    "Your order is reversed: each node must come after all of its parents, so x comes first and L last. Append a node after visiting its parents, not before."
)
TWICE = N_(
    "Some nodes appear more than once: x and s are used twice, and you visited them at each use. Keep a set of the nodes already seen and skip them, so that each node is in the order once."
)
NOT_RECURSIVE = N_(
    "Your order stops at the parents of L: visit the parents of the parents too, all the way down to x, with a function that calls itself on each parent."
)
ROOT_MISSING = N_("The root L itself is missing: it belongs to the order too, as its last node.")

# 10.3: a grad that adds up
ASSIGNED = N_(
    "z is used twice in L = z ⋅ z, so it receives two contributions, and with = the second one replaced the first: add them up with node.parents[k].grad += node.local[k] * node.grad."
)
FORGOT_LOCAL = N_(
    "Each contribution is the local derivative times the gradient of the node: node.parents[k].grad += node.local[k] * node.grad. The factor node.local[k] is missing."
)
FORGOT_NODE_GRAD = N_(
    "Each contribution is the local derivative times the gradient of the node that hands it down: node.parents[k].grad += node.local[k] * node.grad. The factor node.grad is missing."
)
NOTHING_ARRIVED = N_(
    "No gradient reached x, w and b: start from root.grad = 1, and go through the order reversed, from the root down to x, w and b."
)


def _neuron_graph(x: float):
    """10.2's graph: L = tanh(x ⋅ x + x) ⋅ (x ⋅ x), whose only topological order is x, s, u, t, L."""
    x = Value(x)
    s = x * x
    u = s + x
    t = u.tanh()
    return x, s, u, t, t * s


def setup():
    """Lesson 10's exercises: two numbers p, q (10.1); x = 0.5 (10.2); x, w, b for L = (w x + b)² (10.3)."""
    p, q = 1.5, -0.8
    t = math.tanh(p)
    return SimpleNamespace(
        p=p,
        q=q,
        t=t,
        locals=((1.0, 1.0), (q, p), (1.0 - t * t,)),
        x_order=0.5,
        x=2.0,
        w=-0.5,
        b=0.25,
    )


@exercise("10.1", "s.local", "m.local", "t.local", setup=setup, given=lambda s: (Value(s.p), Value(s.q)))
def local_derivatives(s):
    return s.locals


@mistakes("10.1")
def local_derivatives_mistakes(s):
    add, mul, tanh = s.locals
    p, q, t = s.p, s.q, s.t
    return [
        (((0.5, 0.5), mul, tanh), ADD_SPLITS),
        (((1.0, 0.0), mul, tanh), ADD_ONE_SIDE),
        (((0.0, 1.0), mul, tanh), ADD_ONE_SIDE),
        ((add, (p, q), tanh), MUL_NOT_SWAPPED),
        ((add, (1.0, 1.0), tanh), MUL_AS_ADD),
        ((add, mul, (1.0 - p * p,)), TANH_OF_INPUT),
        ((add, mul, (t,)), TANH_NOT_PRIME),
        ((add, mul, (1.0 - t,)), TANH_NOT_SQUARED),
        ((add, mul, 1.0 - t * t), TANH_NOT_TUPLE),
    ]


@exercise("10.2", "order", setup=setup, given=lambda s: _neuron_graph(s.x_order)[-1])
def order(s):
    return [node.data for node in _neuron_graph(s.x_order)]


@mistakes("10.2")
def order_mistakes(s):
    x, s_, u, t, L = (node.data for node in _neuron_graph(s.x_order))

    def without_seen(node, found):  # each node at each of its uses
        for parent in node.parents:
            without_seen(parent, found)
        found.append(node.data)
        return found

    return [
        ([L, t, u, s_, x], REVERSED),
        (without_seen(_neuron_graph(s.x_order)[-1], []), TWICE),
        ([t, s_, L], NOT_RECURSIVE),
        ([x, s_, u, t], ROOT_MISSING),
    ]


def _grads(s, step, start=1.0, order=reversed):
    """(x.grad, w.grad, b.grad) for L = (w x + b) ⋅ (w x + b), with ``step(parent, local, node)`` in the backward loop."""
    x, w, b = Value(s.x), Value(s.w), Value(s.b)
    z = w * x + b
    L = z * z
    L.grad = start
    for node in order(topological_order(L)):
        for parent, local in zip(node.parents, node.local, strict=True):
            step(parent, local, node)
    return x.grad, w.grad, b.grad


def _add(parent, local, node):
    parent.grad += local * node.grad


@exercise("10.3", "x.grad", "w.grad", "b.grad", setup=setup, given=lambda s: (Value(s.x), Value(s.w), Value(s.b)))
def grads_add_up(s):
    return _grads(s, _add)


@mistakes("10.3")
def grads_add_up_mistakes(s):
    def assign(parent, local, node):
        parent.grad = local * node.grad

    def no_local(parent, local, node):
        parent.grad += node.grad

    def no_node_grad(parent, local, node):
        parent.grad += local

    return [
        (_grads(s, assign), ASSIGNED),
        (_grads(s, no_local), FORGOT_LOCAL),
        (_grads(s, no_node_grad), FORGOT_NODE_GRAD),
        (_grads(s, _add, start=0.0), NOTHING_ARRIVED),
        (_grads(s, _add, order=list), NOTHING_ARRIVED),
    ]
