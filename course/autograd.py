"""A scalar autograd: backpropagation on a computational graph, one number at a time (lesson 10).

Every :class:`Value` is one node of the graph. It keeps its number ``data``, the nodes it was
computed from (``parents``) and, for each parent, the local derivative ∂(this node)/∂(parent),
computed at the same time as ``data``. ``backward()`` sets ``grad`` = ∂(root)/∂(node) on every
node: it visits the nodes in reverse topological order and hands each one's ``grad`` to its
parents, times the local derivative, adding up (``+=``) when a node is used more than once.

Lesson 10 writes this same code in its cells; the exercises of lesson 10 and the tests use this
copy. It is for reading, not for speed: lesson 10 measures how much slower it is than the
engine's matrices.
"""

from __future__ import annotations

import math

import numpy as np


class Value:
    """One number of a computational graph, with the derivative ``grad`` of the root with respect to it."""

    def __init__(self, data, parents=(), local=()):
        self.data = float(data)
        self.grad = 0.0
        self.parents = parents  # the nodes this one was computed from
        self.local = local  # ∂(this node)/∂(parent), one per parent

    def __repr__(self):
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"

    # Not in lesson 10's cells: float() and numpy read a Value as its number, so that
    # check("10.2", order) can compare a list of nodes with the right order.
    def __float__(self):
        return self.data

    def __array__(self, dtype=None, copy=None):
        return np.array(self.data, dtype=dtype)

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0))  # add distributes

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data))  # multiply swaps

    def __pow__(self, k: float):
        return Value(self.data**k, (self,), (k * self.data ** (k - 1),))

    def tanh(self):
        t = math.tanh(self.data)
        return Value(t, (self,), (1.0 - t * t,))

    def sigmoid(self):
        s = 1.0 / (1.0 + math.exp(-self.data))
        return Value(s, (self,), (s * (1.0 - s),))

    def relu(self):
        return Value(max(self.data, 0.0), (self,), (1.0 if self.data > 0 else 0.0,))  # max routes

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-other)

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def __rsub__(self, other):
        return (-self) + other

    def backward(self):
        """grad = ∂(this node)/∂(node) for every node of its graph (grads add up: start from fresh nodes)."""
        self.grad = 1.0
        for node in reversed(topological_order(self)):
            for parent, local in zip(node.parents, node.local, strict=True):
                parent.grad += local * node.grad  # += : a node used twice gets both contributions


def topological_order(root: Value) -> list[Value]:
    """Every node of ``root``'s graph once, each after all of its parents (``root`` last)."""
    order, seen = [], set()

    def visit(node):
        if node not in seen:
            seen.add(node)
            for parent in node.parents:
                visit(parent)
            order.append(node)

    visit(root)
    return order
