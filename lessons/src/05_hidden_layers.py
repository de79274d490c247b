# ---
# jupyter:
#   course:
#     minutes: {teaching: 25, exercises: 20}
#     part: core
#     optional_minutes: 10
#     glossary: [hidden_layer, backpropagation, backward_pass, chain_rule, activation_gradient, pre_activation_gradient, weight_gradient, bias_gradient, tanh, gradient_check, finite_differences, transpose]
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["objectives"]
# # 05. The hidden layers
#
# In this lesson you will:
#
# - repeat the steps of the output layer for each hidden layer: from $da^l$ to $dz^l$, $dW^l$, $db^l$ and $da^{l-1}$;
# - write the whole backward pass as one loop over the layers, from $n$ down to 1;
# - check a backward pass against finite differences, and read a gradient check to find the layer where a bug is.
#
# It takes about 45 minutes: 25 minutes of reading and 20 minutes of exercises.

# %% [markdown]
# In lesson 04 the output layer received $da^n$ from the loss and produced $dW^n$, $db^n$ and, for the layer below it, $da^{n-1}$. A hidden layer $l$ does exactly the same with the $da^l$ it receives from the layer above. Given $da^l$:
#
# 1. compute the derivative of the loss with respect to the pre-activations, $dz^l = da^l \odot f'^l(z^l)$;
# 2. compute the gradients of the weights and biases, $dW^l = dz^l \cdot (a^{l-1})^T$ and $db^l = dz^l$;
# 3. compute $da^{l-1} = (W^l)^T \cdot dz^l$ to pass the derivative back to layer $l-1$.
#
# These steps are repeated layer after layer, down to layer 1. From one layer to the next only two things change: the activation $f^l$, whose derivative we need, and the shapes.

# %% [markdown]
# Our network has $n = 3$ layers: two inputs, two hidden layers of four and three units with $f^1 = f^2 = \tanh$, and one output unit with the sigmoid, $f^3 = \sigma$ (a 2-4-3-1 network). The loss is again the squared error $L = \frac{1}{2} \sum_i (\hat y_i - y_i)^2$, and we use one example.

# %%
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import display

from course import Network, show
from course.activations import ACTIVATIONS, NAMES, sigmoid_prime, tanh_prime
from course.exercises import answer, check, given
from course.exercises.lesson05 import mystery_backward
from course.gradcheck import gradient_check
from course.i18n import _, num
from course.plots import figure

net = Network([2, 4, 3, 1], f="tanh", f_out="sigmoid", loss="mse", seed=2)
x = np.array([[1.0], [-0.5]])
y = np.array([[1.0]])
net.forward(x)
for l in range(1, net.n + 1):
    print(
        _("Layer {l}: W^{l} has shape {shape}, activation {f}.").format(l=l, shape=net.W[l].shape, f=_(NAMES[net.f[l]]))
    )

# %% [markdown]
# ## Layer 3, the output layer
#
# This is lesson 04 again, all in one cell: from $da^3 = \hat y - y$ we compute $dz^3$, $dW^3$, $db^3$, and the $da^2$ that layer 2 needs.

# %% tags=["live"]
da3 = net.a[3] - y
dz3 = da3 * sigmoid_prime(net.z[3])
dW3 = dz3 @ net.a[2].T
db3 = dz3
da2 = net.W[3].T @ dz3
display(show("dW^3", dW3), show("db^3", db3), show("da^2", da2))

# %% [markdown]
# ## Layer 2, a hidden layer
#
# Layer 2 receives $da^2$. Its activation is tanh, whose derivative is $\tanh'(z) = 1 - \tanh^2(z)$, computed by `tanh_prime`:
#
# $$
# dz^2 = da^2 \odot f'^2(z^2)
# $$

# %% tags=["live"]
dz2 = da2 * tanh_prime(net.z[2])
show("dz^2", dz2)

# %% [markdown]
# The weights and the biases of layer 2 follow:
#
# $$
# dW^2 = dz^2 \cdot (a^1)^T, \qquad db^2 = dz^2
# $$
#
# Here $a^1$ is the activation of the hidden layer below, not the input: each layer uses the activation that entered it.

# %% tags=["live"]
dW2 = dz2 @ net.a[1].T
db2 = dz2
display(show("dW^2", dW2), show("db^2", db2))

# %% [markdown]
# And the derivative goes one layer further down:
#
# $$
# da^1 = (W^2)^T \cdot dz^2
# $$

# %% tags=["live"]
da1 = net.W[2].T @ dz2
show("da^1", da1)

# %% [markdown]
# ## Layer 1
#
# Layer 1 is the last step. Its activation is tanh again, and the activation that entered it is the input of the network, $a^0 = x$.
#
# **Exercise 05.1.** Compute $dz^1$ from `da1` and `z1`, which hold $da^1$ and $z^1$ of our network.

# %% tags=["exercise"]
da1, z1 = given("05.1")
dz1 = ...
check("05.1", dz1)

# %% tags=["solution"]
da1, z1 = given("05.1")
dz1 = da1 * tanh_prime(z1)
check("05.1", dz1)

# %% [markdown]
# With $dz^1$ we get the gradients of the first layer:
#
# $$
# dW^1 = dz^1 \cdot (a^0)^T, \qquad db^1 = dz^1
# $$
#
# What about $da^0 = (W^1)^T \cdot dz^1$? It is the derivative of the loss with respect to the input $x$. We cannot change the input, so the backward pass may stop here; the engine still computes it in `net.da[0]`, because it shows which inputs the loss is most sensitive to.

# %%
dz1 = answer("05.1", dz1)
dW1 = dz1 @ net.a[0].T
db1 = dz1
display(show("dW^1", dW1), show("db^1", db1))

# %% [markdown]
# Our three layers, computed by hand, against the engine's `net.backward(y)`:

# %%
net.backward(y)
for l, dW_l, db_l in [(3, dW3, db3), (2, dW2, db2), (1, dW1, db1)]:
    gap = max(np.abs(dW_l - net.dW[l]).max(), np.abs(db_l - net.db[l]).max())
    print(_("Layer {l}: largest difference from the engine = {gap}").format(l=l, gap=num(gap)))

# %% [markdown] tags=["instructor"]
# Ask the room: which values of the forward pass does the backward pass need? ($z^l$ for $f'^l$, $a^{l-1}$ for $dW^l$, $W^l$ for $da^{l-1}$.) That is why the forward pass stores $z^l$ and $a^l$ for every layer.
#
# Where learners get stuck: using $a^l$ instead of $a^{l-1}$ in $dW^l$ (a shape error, unless the layers happen to have the same size), using the derivative of the wrong activation (the sigmoid's in a tanh layer), and $\tanh'(z) = 1 - a^2$ written as `1 - z**2`.

# %% [markdown]
# ## The whole backward pass as a loop
#
# The three layers ran the same code with a different $l$. Written once, as a loop from $n$ down to 1, this code is the whole backward pass. Each turn of the loop receives $da^l$ in `da` and leaves in `da` the $da^{l-1}$ that the next turn, for layer $l-1$, needs.
#
# **Exercise 05.2.** Complete the loop, for our network `net` and its example (`x`, `y`): `f_prime` is the derivative of the activation of layer `l`. The check compares every $dW^l$ and $db^l$ of your loop with the right ones, starting with the output layer, and names the first one that is wrong.

# %% tags=["exercise"]
net, x, y = given("05.2")
n = net.n
dW, db = {}, {}
da = net.a[n] - y
for l in range(n, 0, -1):
    f_prime = ACTIVATIONS[net.f[l]][1]
    dz = ...
    dW[l] = ...
    db[l] = ...
    da = ...
check("05.2", dW, db)

# %% tags=["solution"]
net, x, y = given("05.2")
n = net.n
dW, db = {}, {}
da = net.a[n] - y
for l in range(n, 0, -1):
    f_prime = ACTIVATIONS[net.f[l]][1]
    dz = da * f_prime(net.z[l])
    dW[l] = dz @ net.a[l - 1].T
    db[l] = dz
    da = net.W[l].T @ dz
check("05.2", dW, db)

# %%
dW, db = answer("05.2", dW, db)
net.forward(x)
net.backward(y)
for l in range(n, 0, -1):
    gap = max(np.abs(dW[l] - net.dW[l]).max(), np.abs(db[l] - net.db[l]).max())
    print(_("Layer {l}: largest difference between the loop and the engine = {gap}").format(l=l, gap=num(gap)))

# %% [markdown]
# The loop multiplies $da^l$ by $f'^l(z^l)$ element by element, which is right for the sigmoid and tanh of this network, and for ReLU. Softmax is the exception: each of its outputs depends on every $z_j$ of its column, so its derivative is a matrix, a Jacobian, and `ACTIVATIONS["softmax"][1]` refuses to be used element by element. For a softmax layer, $dz^l$ is `dz_from_da("softmax", da, net.z[l])`, as in lesson 03.

# %% [markdown]
# ## Gradient checking
#
# The loop and the engine agree, but both were written from the same formulas: they could be wrong in the same way. Gradient checking compares them with something computed in a completely different way, from the definition of the derivative. For each weight $w$, nudge it both ways by a small $\varepsilon$, run the forward pass, and measure how the cost changes:
#
# $$
# \frac{\partial J}{\partial w} \approx \frac{J(w + \varepsilon) - J(w - \varepsilon)}{2 \varepsilon}
# $$
#
# This central difference is far more accurate than the one-sided nudges of lesson 04: its error shrinks like $\varepsilon^2$. It costs two forward passes per weight, much too slow to train a network, but just right to test a backward pass on a small one.

# %% [markdown]
# `gradient_check(net, x, y, dW=dW, db=db)` does this for every entry of every $W^l$ and $b^l$, with $\varepsilon = 10^{-5}$, and compares your gradients $g$ with the finite differences $\hat g$ in two ways:
#
# - for the whole gradient at once: all the entries of all $dW^l$ and $db^l$ are lined up in one long vector $g$, the finite differences in another vector $\hat g$, and the difference is $\lVert g - \hat g \rVert / (\lVert g \rVert + \lVert \hat g \rVert)$;
# - entry by entry: each weight and each bias gets its relative error $|g - \hat g| / (|g| + |\hat g|)$, and the largest of them is the worst entry.
#
# Both are relative, so they do not depend on how large the gradients are. In double precision a right backward pass gives about $10^{-7}$ or less; a wrong one gives much more, at least in the entries where it is wrong.

# %%
report = gradient_check(net, x, y, dW=dW, db=db)
print(
    _("Your loop: difference {difference}, worst entry {worst}.").format(
        difference=num(report.difference, 2), worst=num(report.worst, 2)
    )
)

# %% [markdown]
# ## A wrong backward pass
#
# Now let us break the backward pass on purpose. In layer 2 we forget the factor $f'^2(z^2)$ and write $dz^2 = da^2$. This mistake is easy to make, and nothing complains: every shape is still right.


# %%
def backward_forgetting_f_prime(net, x, y, forget):
    net.forward(x)
    dW, db = {}, {}
    da = net.a[net.n] - y
    for l in range(net.n, 0, -1):
        f_prime = ACTIVATIONS[net.f[l]][1]
        dz = da if l == forget else da * f_prime(net.z[l])
        dW[l] = dz @ net.a[l - 1].T
        db[l] = dz
        da = net.W[l].T @ dz
    return dW, db


dW_wrong, db_wrong = backward_forgetting_f_prime(net, x, y, forget=2)
report_wrong = gradient_check(net, x, y, dW=dW_wrong, db=db_wrong)
print(
    _("f' forgotten in layer 2: difference {difference}, worst entry {worst}.").format(
        difference=num(report_wrong.difference, 2), worst=num(report_wrong.worst, 2)
    )
)

# %% [markdown]
# The difference is far above $10^{-7}$: something is wrong. But where? The relative errors of the entries tell us. The picture below has one small map per $dW^l$ and per $db^l$, with one square per weight or bias, coloured by its relative error on a logarithmic scale: pale for tiny errors, dark red for large ones. The first picture is for your loop, the second for the broken backward pass.


# %%
def error_maps(result, title):
    n = len(result.error_W)
    widths = [w for l in range(1, n + 1) for w in (result.error_W[l].shape[1], 1)]
    fig, axes = figure(ncols=2 * n, size=(8.0, 2.2), width_ratios=widths)
    fig.subplots_adjust(left=0.02, right=0.86, bottom=0.05, top=0.72, wspace=0.3)
    for l in range(1, n + 1):
        for column, (symbol, error) in enumerate([("dW", result.error_W[l]), ("db", result.error_b[l])]):
            ax = axes[2 * (l - 1) + column]
            image = ax.imshow(np.log10(np.maximum(error, 1e-12)), cmap="YlOrRd", vmin=-12, vmax=0)
            ax.set_xticks([])
            ax.set_yticks([])
            ax.grid(False)
            ax.spines[:].set_visible(True)
            ax.set_title(f"${symbol}^{l}$")
    bar = fig.colorbar(image, cax=fig.add_axes((0.9, 0.08, 0.015, 0.62)), ticks=[-12, -9, -6, -3, 0])
    bar.ax.set_yticklabels([f"$10^{{{k}}}$" for k in (-12, -9, -6, -3, 0)])
    bar.set_label(_("relative error"))
    fig.suptitle(title)


error_maps(report, _("Your loop"))
error_maps(report_wrong, _("f' forgotten in layer 2"))
plt.show()

# %% [markdown]
# Layer 3 is pale in both rows: its gradients are right. Layers 2 and 1 are red in the broken pass. The bug is in layer 2, yet layer 1 is wrong too: layer 1 starts from $da^1 = (W^2)^T \cdot dz^2$, made from the wrong $dz^2$. Errors flow down with the derivative, never up.
#
# So to find a bug, look for the wrong layer closest to the output. The bug is in the step of that layer, or in the $da^l$ it received from the layer above; the layers below it may be perfectly right and only inherit the error.

# %% [markdown]
# Notice also how small the errors of the broken pass are, a few percent: $\tanh'(z)$ is close to 1 when $z$ is near 0, so forgetting it changes the gradients only a little. A network trained with this bug would still learn, only less well, and you might never notice. A gradient check notices.

# %% [markdown] tags=["instructor"]
# Before running the picture, ask the room to predict it: which maps will be red if $f'$ is forgotten in layer 2? Many predict only layer 2. The discussion of why layer 1 is red too (the error is passed down with $da^1$) is the most useful moment of the lesson.
#
# Stress the practical rule: a gradient check is a test to run once on a small network whenever you write or change a backward pass, never during training (two forward passes per parameter).

# %% [markdown]
# ## Find the bug
#
# **Exercise 05.3.** `mystery_backward` computes the gradients of a deeper network, 2-5-4-3-1 with four layers, and it has one bug in one place. The cell below runs the gradient check on it and draws its maps, and `given("05.3")` gives its report, `mystery`. Answer with a number: which is the highest layer $l$ (the one closest to the output) whose $dW^l$ or $db^l$ disagrees with the finite differences? That is where you would start looking for the bug.

# %%
deep = Network([2, 5, 4, 3, 1], f="tanh", f_out="sigmoid", loss="mse", seed=2)
x_deep = np.array([[0.8], [-1.2]])
y_deep = np.array([[0.0]])
dW_mystery, db_mystery = mystery_backward(deep, x_deep, y_deep)
mystery = gradient_check(deep, x_deep, y_deep, dW=dW_mystery, db=db_mystery)
for l in range(1, deep.n + 1):
    print(
        _("Layer {l}: worst relative error of dW^{l} = {dW}, of db^{l} = {db}").format(
            l=l, dW=num(mystery.error_W[l].max(), 2), db=num(mystery.error_b[l].max(), 2)
        )
    )
error_maps(mystery, _("The mystery backward pass"))
plt.show()

# %% tags=["exercise"]
mystery = given("05.3")
layer = ...
check("05.3", layer)

# %% tags=["solution"]
mystery = given("05.3")
layer = max(l for l in mystery.error_W if mystery.error_W[l].max() > 1e-6 or mystery.error_b[l].max() > 1e-6)
check("05.3", layer)

# %% [markdown] tags=["instructor"]
# The bug of `mystery_backward` is in layer 3: it evaluates $f'^3$ at $a^3$ instead of $z^3$. Layers 2 and 1 inherit the error, layer 4 is right. Learners who answer 1 often read "the first layer that is wrong" from the bottom: ask them in which direction the derivative travels.

# %% [markdown] tags=["instructor", "behind"]
# The day plan leaves out "A wrong backward pass" and "Find the bug" with its exercise 05.3 (10 minutes): give 05.3 as homework, it is the best practice of gradient checking. If the room is still behind, live-code layers 3 and 2 only, let learners do 05.1, and show the solution of 05.2 on the projector instead of having it typed (10 minutes).

# %% [markdown] tags=["key-points"]
# ## Key points
#
# - Every layer, hidden or not, runs the same three steps on the $da^l$ it receives: $dz^l = da^l \odot f'^l(z^l)$; $dW^l = dz^l \cdot (a^{l-1})^T$ and $db^l = dz^l$; $da^{l-1} = (W^l)^T \cdot dz^l$.
# - The whole backward pass is one loop, `for l in range(n, 0, -1)`, that hands $da^{l-1}$ from each turn to the next.
# - The backward pass needs the values stored by the forward pass: $z^l$ for $f'^l$, $a^{l-1}$ for $dW^l$, $W^l$ for $da^{l-1}$.
# - A gradient check compares the gradients with central finite differences: relative errors around $10^{-7}$ or less mean right, larger ones mean a bug.
# - Errors flow down: the wrong layer closest to the output shows where to look for the bug.
