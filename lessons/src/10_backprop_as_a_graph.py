# ---
# jupyter:
#   course:
#     minutes: {teaching: 30, exercises: 20}
#     part: optional
#     glossary: [computational_graph, local_gradient, topological_order, automatic_differentiation, vectorization, chain_rule, derivative, backpropagation, forward_pass, backward_pass, activation_gradient, pre_activation_gradient, weight_gradient, bias_gradient, elementwise_product, matrix_product, transpose, tanh, sigmoid, relu]
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["objectives"]
# # 10. Backpropagation as a graph
#
# In this lesson you will:
#
# - draw a computation as a graph of small operations, and give each operation its local derivatives;
# - recognize three patterns of the backward pass: an addition distributes the gradient, a product swaps its inputs, a maximum routes the gradient;
# - write a small automatic differentiation program, about fifty lines, and get from it exactly the $dW^l$ and $db^l$ of lesson 04's network;
# - see that the four formulas of backpropagation are this same graph, computed one layer at a time with matrices.
#
# It takes about 50 minutes: 30 minutes of reading and 20 minutes of exercises.

# %% [markdown]
# Lessons 04 to 09 computed backpropagation with matrices, one layer at a time. This lesson goes down to single numbers. Every computation, however large, is made of small operations: additions, products, a tanh. Each small operation knows its own derivative. Backpropagation is the chain rule, applied to these operations from the end of the computation back to its start. Doing this automatically, for any computation, is called automatic differentiation; PyTorch's `autograd` is a program that does it. We will write a small one.

# %%
import math

import numpy as np

from course import Network, _, autograd, num
from course.exercises import check, given

# %% [markdown]
# ## A computational graph
#
# Take one neuron with the tanh activation, one input $x$, its weight $w$ and its bias $b$, and the squared error against the target $y$:
#
# $$
# z = w x + b, \qquad a = \tanh(z), \qquad L = \frac{1}{2} (a - y)^2
# $$
#
# Written one operation at a time, it becomes five steps, each with a name for its result: $p = w \cdot x$, $z = p + b$, $a = \tanh(z)$, $e = a - y$ and $L = \frac{1}{2} e^2$. Each step is a node of a graph, and an arrow goes from each input of the operation to its result. The inputs of a node are its parents. This is the computational graph of the neuron:
#
# ```mermaid
# graph LR
#   w((w)) --> p["p = w · x"]
#   x((x)) --> p
#   p --> z["z = p + b"]
#   b((b)) --> z
#   z --> a["a = tanh(z)"]
#   a --> e["e = a − y"]
#   y((y)) --> e
#   e --> L["L = ½ e²"]
# ```
#
# The forward pass follows the arrows. We take $x = 2$, $w = 0.5$, $b = -0.5$ and the target $y = 1$.

# %%
x, w, b, y = 2.0, 0.5, -0.5, 1.0
p = w * x
z = p + b
a = math.tanh(z)
e = a - y
L = 0.5 * e**2
print(f"p = {num(p)}, z = {num(z)}, a = {num(a)}, e = {num(e)}, L = {num(L)}")

# %% [markdown]
# ## Local derivatives
#
# Each node only needs to know the derivative of its result with respect to each of its parents, at the values of the forward pass. This is its local derivative, also called its local gradient:
#
# | node | operation | local derivatives |
# | --- | --- | --- |
# | $p = w \cdot x$ | product | $\frac{\partial p}{\partial w} = x$, $\frac{\partial p}{\partial x} = w$ |
# | $z = p + b$ | sum | $\frac{\partial z}{\partial p} = 1$, $\frac{\partial z}{\partial b} = 1$ |
# | $a = \tanh(z)$ | tanh | $\frac{\partial a}{\partial z} = 1 - a^2$ |
# | $e = a - y$ | difference | $\frac{\partial e}{\partial a} = 1$ |
# | $L = \frac{1}{2} e^2$ | square | $\frac{\partial L}{\partial e} = e$ |
#
# The backward pass walks the arrows the other way, from $L$ back to $w$, $x$ and $b$. As in the other lessons, $dz$ is the derivative of the loss with respect to $z$, $\frac{\partial L}{\partial z}$, and so on for every node. It starts with $dL = 1$, since $L$ changes exactly as fast as itself. At each node, the chain rule multiplies the derivative that arrives, the upstream gradient, by the local derivative of each parent:
#
# $$
# de = dL \cdot e, \qquad da = de \cdot 1, \qquad dz = da \cdot (1 - a^2), \qquad dp = dz \cdot 1, \qquad db = dz \cdot 1, \qquad dw = dp \cdot x, \qquad dx = dp \cdot w
# $$

# %%
dL = 1.0
de = dL * e
da = de * 1.0
dz = da * (1 - a**2)
dp = dz * 1.0
db = dz * 1.0
dw = dp * x
dx = dp * w
print(f"dz = {num(dz)}, dw = {num(dw)}, db = {num(db)}, dx = {num(dx)}")

# %% [markdown]
# Is $dw$ right? Nudge $w$ by a small $\varepsilon$ in both directions and measure how $L$ changes, with the central difference of lesson 03.


# %%
def neuron_loss(w):
    return 0.5 * (math.tanh(w * x + b) - y) ** 2


eps = 1e-6
print(
    _("Central difference: {estimate}; backward pass: dw = {dw}.").format(
        estimate=num((neuron_loss(w + eps) - neuron_loss(w - eps)) / (2 * eps)), dw=num(dw)
    )
)

# %% [markdown]
# ## Three patterns
#
# Three operations come back in every network, and each one treats the upstream gradient in its own simple way:
#
# - **An addition distributes.** $s = p + q$ has the local derivatives 1 and 1: each input receives the whole upstream gradient, unchanged. It is copied, not shared out.
# - **A product swaps.** $m = p \cdot q$ has the local derivatives $q$ and $p$: each input receives the upstream gradient times the other input. A large input gives a large gradient to its partner.
# - **A maximum routes.** $\max(p, q)$ has the local derivative 1 for the larger input and 0 for the other: the whole gradient goes to the winner, nothing to the loser. ReLU is $\max(z, 0)$: where $z < 0$ the gradient stops.
#
# Here are the three with $p = 3$, $q = -1$ and an upstream gradient of 2:

# %%
p, q, upstream = 3.0, -1.0, 2.0
for gate, (local_p, local_q) in [("p + q", (1.0, 1.0)), ("p ⋅ q", (q, p)), ("max(p, q)", (1.0, 0.0))]:
    print(
        _("{gate}: p receives {dp} and q receives {dq}.").format(
            gate=gate, dp=num(local_p * upstream), dq=num(local_q * upstream)
        )
    )

# %% [markdown]
# One more rule is needed when a number is used more than once. If $x$ feeds two nodes, a small change of $x$ changes the loss along both paths, and the two effects add up: $dx$ is the sum of what each path hands back. In a network this is the rule, not the exception: each activation $a^{l-1}_j$ feeds every unit of layer $l$.

# %% [markdown]
# ## A number that remembers where it came from
#
# Now we write a program that does this for any graph. Its numbers are objects of a class `Value` that keeps, besides its number `data`:
#
# - `parents`, the nodes it was computed from;
# - `local`, its local derivative with respect to each parent, computed in the forward pass at the same time as `data`;
# - `grad`, the derivative of the loss with respect to this node, 0 until the backward pass fills it in.
#
# Each operation computes its result and its local derivatives, and makes a new `Value` that remembers both. The sum hands its gradient to both inputs unchanged (add distributes), the product hands each input the gradient times the other input (multiply swaps), and the maximum passes it only to the input that won (max routes).

# %% [markdown]
# From here on, you write each piece of the program before the lesson shows it: an exercise first, then the lesson's own code. The exercise cells use the course's copy of `Value` and `topological_order`, `autograd.Value` and `autograd.topological_order`, so that each exercise works on its own, even if you changed a cell above.

# %% [markdown]
# **Exercise 10.1.** The three functions below make the node of a sum, a product and a tanh, as the methods of `Value` do. Write the `local` of each: a tuple with the local derivative of the result with respect to each parent, in the order of the parents; write the derivative of tanh with its result `t`. `given` gives two nodes `p` and `q`; the check compares the three `local`.

# %% tags=["exercise"]
p, q = given("10.1")


def add(p, q):
    local = ...  # (∂s/∂p, ∂s/∂q), s = p + q
    return autograd.Value(p.data + q.data, (p, q), local)


def mul(p, q):
    local = ...  # (∂m/∂p, ∂m/∂q), m = p ⋅ q
    return autograd.Value(p.data * q.data, (p, q), local)


def tanh(p):
    t = math.tanh(p.data)
    local = ...  # (∂t/∂p,), t = tanh(p)
    return autograd.Value(t, (p,), local)


check("10.1", add(p, q).local, mul(p, q).local, tanh(p).local)

# %% tags=["solution"]
p, q = given("10.1")


def add(p, q):
    local = (1.0, 1.0)  # (∂s/∂p, ∂s/∂q), s = p + q
    return autograd.Value(p.data + q.data, (p, q), local)


def mul(p, q):
    local = (q.data, p.data)  # (∂m/∂p, ∂m/∂q), m = p ⋅ q
    return autograd.Value(p.data * q.data, (p, q), local)


def tanh(p):
    t = math.tanh(p.data)
    local = (1 - t**2,)  # (∂t/∂p,), t = tanh(p)
    return autograd.Value(t, (p,), local)


check("10.1", add(p, q).local, mul(p, q).local, tanh(p).local)

# %% [markdown]
# Here is the whole class, as the course writes it. Its `__add__`, `__mul__` and `tanh` make the nodes of the exercise; the other operations follow the same pattern.


# %%
class Value:
    def __init__(self, data, parents=(), local=()):
        self.data = float(data)
        self.grad = 0.0
        self.parents = parents
        self.local = local

    def __repr__(self):
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"

    def __add__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0))

    def __mul__(self, other):
        other = other if isinstance(other, Value) else Value(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data))

    def __pow__(self, k):
        return Value(self.data**k, (self,), (k * self.data ** (k - 1),))

    def tanh(self):
        t = math.tanh(self.data)
        return Value(t, (self,), (1.0 - t * t,))

    def sigmoid(self):
        s = 1.0 / (1.0 + math.exp(-self.data))
        return Value(s, (self,), (s * (1.0 - s),))

    def relu(self):
        return Value(max(self.data, 0.0), (self,), (1.0 if self.data > 0 else 0.0,))

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


# %% [markdown]
# The last five methods let Python mix a `Value` with plain numbers: `2 * v`, `v - 1` and `1 - v` all make nodes.
#
# ## The order of the backward pass
#
# A node may hand its gradient down only when it is complete, that is, when every node that uses it has already handed it its share. So the backward pass needs the nodes in an order where each node comes after all of its parents: a topological order. Then it runs through that order reversed, from the loss down to the inputs.
#
# A depth-first search gives such an order: to place a node, first place all of its parents, then append the node. The set `seen` makes sure that a node used twice is placed only once.

# %% [markdown]
# **Exercise 10.2.** Write `topological_order(root)`: the list of every node of the graph of `root`, each node once and after all of its parents. `given` gives the root `L` of a graph built from one number $x$: $s = x \cdot x$, $u = s + x$, $t = \tanh(u)$ and $L = t \cdot s$. Here both $x$ and $s$ are used twice. This graph has only one topological order, and the check compares yours with it.

# %% tags=["exercise"]
L = given("10.2")


def topological_order(root):
    return ...


order = topological_order(L)
check("10.2", order)

# %% tags=["solution"]
L = given("10.2")


def topological_order(root):
    order, seen = [], set()

    def visit(node):
        if node not in seen:
            seen.add(node)
            for parent in node.parents:
                visit(parent)
            order.append(node)

    visit(root)
    return order


order = topological_order(L)
check("10.2", order)

# %% [markdown]
# Here is the course's `topological_order`; the rest of the lesson uses this one.


# %%
def topological_order(root):
    order, seen = [], set()

    def visit(node):
        if node not in seen:
            seen.add(node)
            for parent in node.parents:
                visit(parent)
            order.append(node)

    visit(root)
    return order


# %% [markdown]
# **Exercise 10.3.** The function `backward` below goes through the nodes from the loss down, with an index `k` over the parents of each node. Complete its last line: hand the gradient of `node` to its parent number `k`, times the local derivative `node.local[k]`. `given` gives the nodes `x`, `w` and `b` of $L = z \cdot z$ with $z = w x + b$: the node $z$ is used twice, so it must receive two contributions. The check compares the gradients of $x$, $w$ and $b$.

# %% tags=["exercise"]
x, w, b = given("10.3")
z = w * x + b
L = z * z


def backward(root):
    root.grad = 1.0
    for node in reversed(autograd.topological_order(root)):
        for k in range(len(node.parents)):
            node.parents[k].grad = ...


backward(L)
check("10.3", x.grad, w.grad, b.grad)

# %% tags=["solution"]
x, w, b = given("10.3")
z = w * x + b
L = z * z


def backward(root):
    root.grad = 1.0
    for node in reversed(autograd.topological_order(root)):
        for k in range(len(node.parents)):
            node.parents[k].grad += node.local[k] * node.grad


backward(L)
check("10.3", x.grad, w.grad, b.grad)

# %% [markdown] tags=["instructor"]
# The usual mistakes, which the checks recognize: in 10.1, $(p, q)$ instead of $(q, p)$ for the product (the swap forgotten), `(0.5, 0.5)` for the sum (the gradient shared out instead of copied), $1 - p^2$ for tanh (squared the input, not the output), or `1 - t**2` without the comma that makes it a tuple. In 10.2, appending the node before its parents (the order comes out reversed) and forgetting `seen` (a node used twice appears twice, and its gradient is handed down twice). In 10.3, `node.parents[k].grad = node.local[k] * node.grad`: it gives half the right gradients here, because the second contribution to $z$ replaces the first. This is the classic bug of hand-written autograds; in PyTorch it shows up the other way round, as gradients that keep adding up from one step to the next when `zero_grad()` is forgotten.

# %% [markdown]
# The backward pass itself is four lines. It sets the gradient of the loss to 1, then, from the loss down, hands each node's gradient to its parents, times the local derivatives. Look at the `+=`: a node used twice receives two contributions, and they must add up. We attach the function to the class, so that we can write `L.backward()`.


# %%
def backward(self):
    self.grad = 1.0
    for node in reversed(topological_order(self)):
        for parent, local in zip(node.parents, node.local, strict=True):
            parent.grad += local * node.grad


Value.backward = backward

# %% [markdown]
# That is all: about fifty lines. Let us give it the neuron from the beginning of the lesson. The forward pass is written exactly as with plain numbers, and builds the graph as it goes.

# %%
x_v, w_v, b_v = Value(2.0), Value(0.5), Value(-0.5)
L_v = 0.5 * ((w_v * x_v + b_v).tanh() - 1.0) ** 2
L_v.backward()
print(_("The graph has {count} nodes.").format(count=len(topological_order(L_v))))
print(f"L = {num(L_v.data)}: dw = {num(w_v.grad)}, db = {num(b_v.grad)}, dx = {num(x_v.grad)}")

# %% [markdown]
# These are the numbers we computed by hand. The graph has more nodes than the drawing: $\frac{1}{2} e^2$ takes two, a square and a product, and the plain numbers of the formula, $-1$ (from $a - y$) and $\frac{1}{2}$, are nodes too, because `Value` turns every plain number it meets into a node without parents. Their gradients are computed and simply not used.
#
# And a number used twice? In $v \cdot v$, with $v = 3$, the node $v$ is both parents of the product: it receives $v$ from the first and $v$ from the second, and the `+=` adds them up to $2v$, the derivative of $v^2$.

# %%
v = Value(3.0)
(v * v).backward()
print(f"d(v ⋅ v)/dv = {num(v.grad)}")

# %% [markdown] tags=["instructor"]
# Live coding works well here: start from an empty `Value` with `data` only, add `__add__` and `__mul__` with their `local`, draw the neuron's graph on the board, and ask the room for each local derivative before you type it. Write `backward` last, first without the topological order (a loop over the parents of the loss only), show that $w$ gets no gradient, then add `topological_order`. Finally replace `+=` by `=` and run the $v \cdot v$ cell: it prints 3 instead of 6. Pause at each exercise: let the room try 10.1 before you type the local derivatives, 10.2 before the topological order, and 10.3 before the `+=`.

# %% [markdown]
# ## Lesson 04's network, one number at a time
#
# Now the network of lesson 04: two inputs, three hidden units and two outputs, the sigmoid in both layers, the squared error, the same example $x$ and target $y$. The engine computes its $dW^l$ and $db^l$ with matrices. We make a `Value` of every weight, every bias and every input, and write the forward pass with loops over single numbers: $z^l_i = b^l_i + \sum_j W^l_{ij} a^{l-1}_j$ and $a^l_i = \sigma(z^l_i)$. Then `grads` gathers the gradients of these nodes into matrices, to compare them with the engine's.

# %%
net = Network([2, 3, 2], f="sigmoid", loss="mse", seed=1)
x = np.array([[0.5], [-1.0]])
y = np.array([[1.0], [0.0]])
net.forward(x)
net.backward(y)

n = net.n
W = {l: [[Value(W_ij) for W_ij in row] for row in net.W[l]] for l in range(1, n + 1)}
b = {l: [Value(b_i) for b_i in net.b[l][:, 0]] for l in range(1, n + 1)}
a, z = {0: [Value(x_j) for x_j in x[:, 0]]}, {}
for l in range(1, n + 1):
    z[l] = []
    for i in range(len(b[l])):
        z_i = b[l][i]
        for j in range(len(a[l - 1])):
            z_i = z_i + W[l][i][j] * a[l - 1][j]
        z[l].append(z_i)
    a[l] = [z_i.sigmoid() for z_i in z[l]]
L = 0.5 * sum((a_i - y_i) ** 2 for a_i, y_i in zip(a[n], y[:, 0], strict=True))
L.backward()
print(_("The graph has {count} nodes.").format(count=len(topological_order(L))))


def grads(nodes):
    return np.array([[node.grad for node in row] if isinstance(row, list) else [row.grad] for row in nodes])


for l in range(n, 0, -1):
    for symbol, ours, engine in [(f"dW^{l}", grads(W[l]), net.dW[l]), (f"db^{l}", grads(b[l]), net.db[l])]:
        gap = float(np.abs(ours - engine).max())
        print(_("{symbol}: largest difference from the engine = {gap}").format(symbol=symbol, gap=num(gap)))

# %% [markdown]
# The same numbers: the graph of single numbers and the engine's matrices compute the same derivatives. Here they agree to the last digit; on other networks the last digits may differ, because the same numbers added in another order can round differently.

# %% [markdown]
# ## The four formulas are this graph
#
# The nodes $z^l_i$ and $a^l_i$ of our graph have gradients too. Their gradients are $dz^l$ and $da^l$, entry by entry, as the engine computes them:

# %%
for l in range(n, 0, -1):
    for symbol, ours, engine in [(f"da^{l}", grads(a[l]), net.da[l]), (f"dz^{l}", grads(z[l]), net.dz[l])]:
        gap = float(np.abs(ours - engine).max())
        print(_("{symbol}: largest difference from the engine = {gap}").format(symbol=symbol, gap=num(gap)))

# %% [markdown]
# Each of the four formulas of [the freeCodeCamp guide](https://github.com/freeCodeCamp/guide/blob/master/src/pages/portuguese/machine-learning/backpropagation/index.md) is one of the patterns, applied to every node of a layer at once:
#
# - $a^l_i = f^l(z^l_i)$ is a node with one parent and the local derivative $f'^l(z^l_i)$, so $dz^l_i = da^l_i \, f'^l(z^l_i)$. Each unit has its own, which is the element-wise product: $dz^l = da^l \odot f'^l(z^l)$.
# - $W^l_{ij} a^{l-1}_j$ is a product, which swaps: $W^l_{ij}$ receives $dz^l_i \, a^{l-1}_j$. All of them together are the outer product $dW^l = dz^l \cdot (a^{l-1})^T$.
# - $b^l_i$ enters $z^l_i$ through an addition, which distributes: $db^l = dz^l$.
# - $a^{l-1}_j$ is used by every unit $i$ of layer $l$, and the product hands it $W^l_{ij} \, dz^l_i$ from each. The `+=` adds them up: $da^{l-1}_j = \sum_i W^l_{ij} \, dz^l_i$, which is $da^{l-1} = (W^l)^T \cdot dz^l$.
#
# So the matrices do not change what is computed. They group the nodes of a layer and compute them all at once: the sum of the `+=` becomes the sum inside a matrix product.

# %% [markdown] tags=["instructor"]
# The fourth point is the one to dwell on: the transpose in $(W^l)^T$ is nothing but the `+=` of a number used by several units. Ask the room which node of the network receives the most contributions (each $a^{l-1}_j$, one per unit of layer $l$), then show that $W^l_{ij}$ receives only one.

# %% [markdown]
# ## Why matrices: an aside on speed
#
# If the graph gives the same numbers, why does the engine use matrices? Speed. Our network is tiny, yet its graph for one example has the number of nodes printed above. A network of 2-16-16-1 units, still small for a real problem, has many more for each example, and a training step on 200 examples builds and walks 200 such graphs:

# %%
wide = Network([2, 16, 16, 1], f="tanh", f_out="sigmoid", loss="mse", seed=0)
W_wide = {l: [[Value(W_ij) for W_ij in row] for row in wide.W[l]] for l in range(1, wide.n + 1)}
a_wide = [Value(0.5), Value(-1.0)]
for l in range(1, wide.n + 1):
    z_wide = []
    for i, row in enumerate(W_wide[l]):
        z_i = Value(wide.b[l][i, 0])
        for W_ij, a_j in zip(row, a_wide, strict=True):
            z_i = z_i + W_ij * a_j
        z_wide.append(z_i)
    a_wide = [z_i.tanh() if l < wide.n else z_i.sigmoid() for z_i in z_wide]
count = len(topological_order(0.5 * (a_wide[0] - 1.0) ** 2))
print(
    _("2-16-16-1: {count} nodes for one example, {total} for 200 examples.").format(
        count=num(count), total=num(200 * count)
    )
)

# %% [markdown]
# Each node is a Python object, created, visited and thrown away one at a time. The engine does the same work with a few matrix products per layer, and numpy goes through all the numbers of a product in one call, in compiled code. The benchmark `benchmarks/bench_autograd.py` times a training step of both on the same networks. On lesson 04's tiny network the difference is small, a factor of about two; on the 2-16-16-1 network with 200 examples, the graph is about a thousand times slower, and the gap grows with the network. Libraries such as PyTorch keep the graph, but make each node a whole matrix: one node for $W^l a^{l-1}$ instead of one per product $W^l_{ij} a^{l-1}_j$.

# %% [markdown] tags=["instructor", "behind"]
# Optional lesson: it is not in the day plan. Offer it to a room that is ahead in the last half hour, or as homework after the day: its exercises 10.1 to 10.3 need only lesson 04. When you teach it short, skip "Why matrices: an aside on speed" (5 minutes).

# %% [markdown] tags=["key-points"]
# ## Key points
#
# - A computation is a graph of small operations; each node knows its local derivatives with respect to its parents, computed in the forward pass.
# - The backward pass starts with 1 at the loss and goes through the nodes in reversed topological order; each node hands its gradient to its parents, times the local derivatives.
# - An addition distributes the gradient, a product swaps its inputs, a maximum routes the gradient to the larger input.
# - A number used several times adds up (`+=`) the gradients of all its uses.
# - The four formulas $dz^l = da^l \odot f'^l(z^l)$, $dW^l = dz^l \cdot (a^{l-1})^T$, $db^l = dz^l$ and $da^{l-1} = (W^l)^T \cdot dz^l$ are this graph, one layer at a time; the matrices give the same numbers, about a thousand times faster on a small network.
