# ---
# jupyter:
#   course:
#     minutes: {teaching: 15, exercises: 20}
#     part: core
#     optional_minutes: 10
#     glossary: [backpropagation, forward_pass, backward_pass, pre_activation, activation, activation_gradient, pre_activation_gradient, weight_gradient, bias_gradient, mean_squared_error, elementwise_product, matrix_product, transpose, gradient_descent, learning_rate, iteration]
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["objectives"]
# # 09. Backpropagation, one example at a time
#
# This lesson puts everything together: one training step of a network you choose, on one example, with every number in front of you. In this lesson you will:
#
# - trace the forward pass, the backward pass and the update of your own network, each number beside the formula that made it;
# - step through the same computation formula by formula with the backpropagation stepper;
# - write a complete training step yourself, with `layer_forward`, `layer_backward` and the update, and check that it lowers the loss.
#
# It takes about 35 minutes: 15 minutes of reading and 20 minutes of exercises.

# %% [markdown]
# Run the cell below first: it loads the tools of this lesson.

# %%
import numpy as np
from IPython.display import display

from course import Network, _, layer_backward, layer_forward, num, show
from course.activations import NAMES
from course.exercises import answer, check, given
from course.widgets import Stepper

# %% [markdown]
# ## Your network
#
# Choose your network in the cell below: `sizes` lists $n^0, n^1, \dots, n^n$, the number of inputs and then the number of units of each layer; `f` is the activation of the hidden layers and `f_out` that of the output layer (`"sigmoid"`, `"tanh"`, `"relu"` or `"identity"`); `alpha` is the learning rate $\alpha$ and `seed` chooses the random initial weights. Keep it small, so that every matrix fits on the screen: 2 to 4 units per layer, 2 or 3 layers.
#
# The example $x$ is drawn at random with the same seed, and its target $y$ is 1 for every output. The loss is the squared error, $L = \frac{1}{2} \sum_i (\hat y_i - y_i)^2$. Every cell below follows your choice: change it, then run the cells again.

# %%
sizes = [2, 3, 1]
f, f_out = "tanh", "sigmoid"
alpha = 0.5
seed = 0

net = Network(sizes, f=f, f_out=f_out, loss="mse", seed=seed)
x = np.round(np.random.default_rng(seed).uniform(-1, 1, (sizes[0], 1)), 2)
y = np.ones((sizes[-1], 1))
n = net.n
W = {l: net.W[l].copy() for l in range(1, n + 1)}
b = {l: net.b[l].copy() for l in range(1, n + 1)}
print(
    _("Network {sizes}: n = {n}, activations f^1…f^n: {f}.").format(
        sizes="-".join(map(str, sizes)), n=n, f=", ".join(_(NAMES[net.f[l]]) for l in range(1, n + 1))
    )
)
display(show("x = a^0", x), show("y", y))

# %% [markdown]
# ## Forward
#
# Each layer $l = 1, \dots, n$ computes its pre-activation and its activation from the activation of the layer below:
#
# $$
# z^l = W^l a^{l-1} + b^l, \qquad a^l = f^l(z^l)
# $$
#
# `layer_forward(l, W[l], b[l], a[l - 1], f)` computes both and returns $(z^l, a^l)$. The weights start at random and the biases at 0.

# %% tags=["live"]
a, z = {0: x}, {}
for l in range(1, n + 1):
    z[l], a[l] = layer_forward(l, W[l], b[l], a[l - 1], net.f[l])
    display(
        show(f"W^{l}", W[l]),
        show(f"b^{l}", b[l]),
        show(f"z^{l} = W^{l} a^{l - 1} + b^{l}", z[l]),
        show(f"a^{l} = f^{l}(z^{l})", a[l]),
    )

# %% [markdown]
# ## The loss
#
# The prediction is $\hat y = a^n$. The loss compares it with the target, and its derivative with respect to the prediction starts the backward pass:
#
# $$
# L = \frac{1}{2} \sum_i (\hat y_i - y_i)^2, \qquad da^n = \hat y - y
# $$

# %%
L_before = 0.5 * float(((a[n] - y) ** 2).sum())
da = {n: a[n] - y}
print(_("L = {L}").format(L=num(L_before)))
display(show(f"da^{n} = \\hat y - y", da[n]))

# %% [markdown]
# ## Backward
#
# From layer $n$ down to layer 1, each layer receives $da^l$ and computes
#
# $$
# dz^l = da^l \odot f'^l(z^l), \qquad dW^l = dz^l \cdot (a^{l-1})^T, \qquad db^l = dz^l, \qquad da^{l-1} = (W^l)^T \cdot dz^l
# $$
#
# `layer_backward(l, da[l], a[l - 1], z[l], W[l], f)` computes the four and returns them in this order. Layer 1 does not need to pass anything further down, so we stop showing at $da^1$.

# %% tags=["live"]
dz, dW, db = {}, {}, {}
for l in range(n, 0, -1):
    dz[l], dW[l], db[l], da[l - 1] = layer_backward(l, da[l], a[l - 1], z[l], W[l], net.f[l])
    display(
        show(f"dz^{l} = da^{l} \\odot f'^{l}(z^{l})", dz[l]),
        show(f"dW^{l} = dz^{l} \\cdot (a^{l - 1})^T", dW[l]),
        show(f"db^{l} = dz^{l}", db[l]),
    )
    if l > 1:
        display(show(f"da^{l - 1} = (W^{l})^T \\cdot dz^{l}", da[l - 1]))

# %% [markdown]
# Read a few of these numbers. Every $dW^l$ has the shape of $W^l$, and each of its rows is the row $(a^{l-1})^T$ multiplied by one entry of $dz^l$: where $dz^l_i$ is 0, row $i$ of $dW^l$ is 0 too, and that unit's weights will not move. $db^l$ is exactly $dz^l$. And the sign of $da^n$ says which way the prediction should move: negative where $\hat y$ is below its target.

# %% [markdown]
# ## Update
#
# Gradient descent moves every weight and every bias against its derivative:
#
# $$
# W^l \leftarrow W^l - \alpha\, dW^l, \qquad b^l \leftarrow b^l - \alpha\, db^l
# $$
#
# We keep the old values: the new ones go into `W_new` and `b_new`.

# %% tags=["live"]
W_new = {l: W[l] - alpha * dW[l] for l in range(1, n + 1)}
b_new = {l: b[l] - alpha * db[l] for l in range(1, n + 1)}
for l in range(1, n + 1):
    display(show(f"W^{l} - \\alpha\\, dW^{l}", W_new[l]), show(f"b^{l} - \\alpha\\, db^{l}", b_new[l]))

# %% [markdown]
# Did it help? One more forward pass with the new weights gives the new loss.

# %%
a_new = x
for l in range(1, n + 1):
    _z_new, a_new = layer_forward(l, W_new[l], b_new[l], a_new, net.f[l])
L_after = 0.5 * float(((a_new - y) ** 2).sum())
print(_("Loss before the update: L = {before}; after: L = {after}.").format(before=num(L_before), after=num(L_after)))

# %% [markdown]
# The loss went down: one iteration of training, computed by hand from the first number to the last. Training a network is this step, repeated, on many examples.

# %% [markdown] tags=["instructor"]
# Let learners change `sizes`, `f` and `alpha` and run the lesson again: a 3-2-2 network, ReLU in the hidden layer, a huge $\alpha$ such as 50 (the loss goes up: the step overshoots, as in lesson 06). With ReLU, ask them to find a unit whose $z^1_i$ is negative and to predict, before looking, that its row of $dW^1$ is zero.
#
# Ask the room: which numbers of the forward pass does the backward pass use? ($z^l$ in $f'^l(z^l)$, $a^{l-1}$ in $dW^l$, and $W^l$, before the update, in $da^{l-1}$.)

# %% [markdown]
# ## The stepper
#
# The backpropagation stepper shows the same computation one formula at a time, with the numbers written inside the formulas: use the buttons to go forward and back through $z^l$, $a^l$, the loss, $dz^l$, $dW^l$, $db^l$, $da^{l-1}$ and the update. It builds its network from your `sizes`, `f`, `f_out`, `alpha`, `seed`, $x$ and $y$, and takes its numbers from the engine, so they are the numbers above.

# %%
stepper = Stepper(sizes=sizes, f=f, f_out=f_out, alpha=alpha, seed=seed, x=x, y=y, loss="mse")
display(stepper)

# %%
print(stepper.text())
gap = max(float(np.abs(stepper.net.W[l] - W_new[l]).max()) for l in range(1, n + 1))
print(_("Largest difference between the stepper's updated weights and yours: {gap}").format(gap=num(gap)))

# %% [markdown]
# ## Exercises
#
# A new network, 3-4-2, with tanh in the hidden layer and the sigmoid at the output, the squared-error loss, one example and $\alpha$ = 0.5. Each exercise cell takes it from `given`: the network `practice`, its example `x_p` with target `y_p`, and `alpha_p`.

# %% [markdown]
# **Exercise 09.1.** Write one complete training step of the practice network. The cell below has four places to fill, in this order:
#
# 1. the forward pass, for $l = 1, \dots, n$: `z[l]` and `a[l]`, with `layer_forward`;
# 2. `da`, the derivative $da^n$ of the loss with respect to the prediction;
# 3. the backward pass, for $l = n, \dots, 1$: `dW[l]` and `db[l]`, with `layer_backward`, handing $da^{l-1}$ down to the next turn of the loop in `da`;
# 4. the update of every `W[l]` and `b[l]`.
#
# In the first two loops, `f_l` is the name of the activation of layer $l$. The check compares every new $W^l$ and $b^l$ with the right ones.

# %% tags=["exercise"]
practice, x_p, y_p, alpha_p = given("09.1")
n = practice.n
W = {l: practice.W[l].copy() for l in range(1, n + 1)}
b = {l: practice.b[l].copy() for l in range(1, n + 1)}
a, z, dW, db = {0: x_p}, {}, {}, {}

for l in range(1, n + 1):
    f_l = practice.f[l]
    ...

da = ...

for l in range(n, 0, -1):
    f_l = practice.f[l]
    ...

for l in range(1, n + 1):
    W[l] = ...
    b[l] = ...

check("09.1", W, b)

# %% tags=["solution"]
practice, x_p, y_p, alpha_p = given("09.1")
n = practice.n
W = {l: practice.W[l].copy() for l in range(1, n + 1)}
b = {l: practice.b[l].copy() for l in range(1, n + 1)}
a, z, dW, db = {0: x_p}, {}, {}, {}

for l in range(1, n + 1):
    f_l = practice.f[l]
    z[l], a[l] = layer_forward(l, W[l], b[l], a[l - 1], f_l)

da = a[n] - y_p

for l in range(n, 0, -1):
    f_l = practice.f[l]
    _dz, dW[l], db[l], da = layer_backward(l, da, a[l - 1], z[l], W[l], f_l)

for l in range(1, n + 1):
    W[l] = W[l] - alpha_p * dW[l]
    b[l] = b[l] - alpha_p * db[l]

check("09.1", W, b)

# %% [markdown] tags=["instructor"]
# Where learners get stuck in 09.1: passing `a[l]` instead of `a[l - 1]` (the engine's shape check stops them, with a message naming both shapes), forgetting to hand `da` down (they pass $da^n$ to every layer), and the order of the four results of `layer_backward`. Learners who write the backward pass by hand instead sometimes update $W^l$ inside the backward loop before computing $da^{l-1} = (W^l)^T \cdot dz^l$ with it; the check recognizes this, and it is worth discussing why the backward pass must use the weights of the forward pass.

# %% [markdown]
# **Exercise 09.2.** Does the step help? `given("09.2")` gives the new `W` and `b` after the step of exercise 09.1. Run the forward pass again with them, and compute the new loss $L = \frac{1}{2} \sum_i (\hat y_i - y_i)^2$ of the practice example.

# %% tags=["exercise"]
practice, x_p, y_p, W, b = given("09.2")
L_new = ...
check("09.2", L_new)

# %% tags=["solution"]
practice, x_p, y_p, W, b = given("09.2")
a_out = x_p
for l in range(1, practice.n + 1):
    _z_out, a_out = layer_forward(l, W[l], b[l], a_out, practice.f[l])
L_new = 0.5 * float(((a_out - y_p) ** 2).sum())
check("09.2", L_new)

# %%
L_new = answer("09.2", L_new)
practice, x_p, y_p, W, b = given("09.2")
practice.forward(x_p)
L_old = practice.cost(y_p)
print(_("The loss went from {before} to {after}.").format(before=num(L_old), after=num(L_new)))

# %% [markdown] tags=["instructor", "behind"]
# The day plan leaves out "The stepper" and exercise 09.2 (10 minutes): both are homework, and the stepper is a good way to review the day at home. If the room is still behind, run "Forward", "The loss", "Backward" and "Update" as a demonstration and do exercise 09.1 together on the projector (10 minutes).

# %% [markdown] tags=["key-points"]
# ## Key points
#
# - One training step is a forward pass ($z^l$, $a^l$ for $l = 1, \dots, n$), the loss and $da^n$, a backward pass ($dz^l$, $dW^l$, $db^l$, $da^{l-1}$ for $l = n, \dots, 1$), and an update ($W^l \leftarrow W^l - \alpha\, dW^l$, $b^l \leftarrow b^l - \alpha\, db^l$).
# - The backward pass reuses what the forward pass stored: $z^l$ for $f'^l(z^l)$, $a^{l-1}$ for $dW^l$, and the weights $W^l$ as they were during the forward pass for $da^{l-1}$.
# - Each layer hands $da^{l-1}$ to the layer below; the update comes only after the whole backward pass.
# - With a small enough $\alpha$, one step lowers the loss of the example: training repeats this step over many examples.
