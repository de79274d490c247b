# ---
# jupyter:
#   course:
#     minutes: {teaching: 20, exercises: 15}
#     part: core
#     optional_minutes: 5
#     glossary: [training_data, train_test_split, epoch, iteration, batch_size, mini_batch, batch_gradient_descent, stochastic_gradient_descent, learning_curve, decision_boundary, accuracy, hyperparameter, number_of_layers, layer_size, overfitting, regularization, dead_relu, divergence]
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["objectives"]
# # 07. Training a network
#
# You can now compute every gradient of a network and take a step of gradient descent. Training is many such steps, over a data set. In this lesson you will:
#
# - count the steps of a training run from the number of examples, the batch size and the number of epochs;
# - compare batch, mini-batch and stochastic gradient descent on the same data, by their learning curves and their cost;
# - read a decision boundary, and train networks of your own design in the playground.
#
# It takes about 35 minutes: 20 minutes of reading and 15 minutes of exercises.

# %% [markdown]
# Run the cell below first: it loads the tools of this lesson.

# %%
import math

import matplotlib.pyplot as plt
import numpy as np
from IPython.display import display

from course import Network, _, ngettext, num
from course.data import DATASETS, moons
from course.exercises import answer, check, given
from course.plots import BLUE, CLASS_CMAP, ORANGE, RED, figure, grid, set_title
from course.widgets import Playground

# %% [markdown]
# ## Five data sets
#
# Networks learn from examples: inputs $x$ with their expected outputs $y$, the **training data**. The module `course.data` makes five small data sets of points in the plane: each example is a point $x = (x_1, x_2)$, and its label $y$ is 0 or 1, its class. The network must learn to tell the two classes apart, and each data set makes this harder in its own way.

# %%
names = {"xor": _("XOR"), "circles": _("circles"), "moons": _("moons"), "spirals": _("spirals"), "blobs": _("blobs")}
fig, axes = figure(ncols=5, size=(10.0, 2.4))
for ax, (name, make) in zip(axes, DATASETS.items(), strict=True):
    x_set, y_set = make(m=200, seed=0)
    ax.scatter(x_set[0], x_set[1], c=np.where(y_set[0] == 1, ORANGE, BLUE), s=6)
    ax.set_title(names[name])
    ax.set_aspect("equal", adjustable="datalim")
    ax.set_axis_off()
fig.subplots_adjust(left=0.01, right=0.99, bottom=0.02, top=0.88, wspace=0.1)
plt.show()

# %% [markdown]
# Blue points are class 0, orange points class 1. The two blobs can be split, almost perfectly, by a straight line. The other four cannot: XOR needs two lines, the circles a closed curve, the moons a curve that bends twice, and the spirals a curve that winds around the centre. A network with no hidden layer can only draw a straight line; hidden layers let it bend.
#
# Each function returns `x` with one column per example, shape $2 \times m$, and `y` with shape $1 \times m$, exactly what `Network.forward` and `Network.train` expect.

# %% [markdown]
# ## Steps and epochs
#
# Each step of gradient descent computes the gradients on a **batch** of examples, then updates the weights. The number of examples in a batch is the **batch size** $B$. An **epoch** is one pass over all $m$ training examples: the examples are shuffled, cut into batches of $B$, and each batch gives one step. So an epoch has
#
# $$
# \left\lceil \frac{m}{B} \right\rceil
# $$
#
# steps, where $\lceil \cdot \rceil$ rounds up: when $B$ does not divide $m$, the last batch is smaller but still makes a step. A step is also called an iteration. Here are the batches of one epoch with $m$ = 10 and $B$ = 4:

# %% tags=["live"]
m, B = 10, 4
order = np.random.default_rng(0).permutation(m)
for k, start in enumerate(range(0, m, B), start=1):
    batch = order[start : start + B]
    print(_("Step {k}: examples {examples}").format(k=k, examples=", ".join(str(i) for i in batch)))
steps = math.ceil(m / B)
print(
    ngettext(
        "{steps} step in one epoch: ⌈{m}/{B}⌉ = {steps}.", "{steps} steps in one epoch: ⌈{m}/{B}⌉ = {steps}.", steps
    ).format(steps=steps, m=m, B=B)
)

# %% [markdown]
# **Exercise 07.1.** A training set has $m$ = 1000 examples and the batch size is $B$ = 64. How many steps does one epoch have?

# %% tags=["exercise"]
m, B = 1000, 64
steps = ...
check("07.1", steps)

# %% tags=["solution"]
m, B = 1000, 64
steps = math.ceil(m / B)
check("07.1", steps)

# %% [markdown] tags=["instructor"]
# Ask the room: with $m$ = 1000 and $B$ = 64, how many examples are in the last batch? (1000 − 15 × 64 = 40.) Then: how many steps do 10 epochs make? Learners who answer 15 have thrown away the last 40 examples of every epoch; some libraries do that on purpose (`drop_last`), but then those examples are only seen when the shuffling brings them into a full batch.

# %% [markdown]
# ## Three ways to cut the data
#
# The batch size gives gradient descent three names:
#
# - **batch gradient descent**: $B = m$, every step uses all the examples, and one epoch is one step;
# - **mini-batch gradient descent**: $1 < B < m$, typically 32 to 256 examples, several steps per epoch;
# - **stochastic gradient descent** (SGD): $B = 1$, one step per example, $m$ steps per epoch. The name is also used loosely for mini-batches.
#
# A batch's gradient is the average of the gradients of its examples. With all the examples it is the true gradient of the cost $J$; with fewer, it is an estimate, noisier for smaller batches, but much cheaper to compute.

# %% [markdown]
# Let us compare them on the same problem: the moons with $m$ = 100 points, a 2-8-1 network (tanh, then a sigmoid output with the cross-entropy), the same initial weights, the same learning rate $\alpha$ = 0.5 and the same number of epochs, 20. `net.train(x, y, alpha, epochs=1, batch_size=B, seed=epoch)` runs one epoch (`batch_size=None` means the whole batch) and returns the cost of the batch used by each step; after each epoch we also measure the cost $J$ on all 100 examples.

# %% tags=["live"]
x, y = moons(m=100, noise=0.15, seed=0)
alpha, epochs = 0.5, 20
methods = {None: _("batch, B = 100"), 10: _("mini-batch, B = 10"), 1: _("stochastic, B = 1")}
per_step, per_epoch, trained = {}, {}, {}
for batch_size, label in methods.items():
    net = Network([2, 8, 1], f="tanh", f_out="sigmoid", seed=0)
    per_step[batch_size], per_epoch[batch_size] = [], []
    for epoch in range(epochs):
        per_step[batch_size] += net.train(x, y, alpha, epochs=1, batch_size=batch_size, seed=epoch)
        net.forward(x)
        per_epoch[batch_size].append(net.cost(y))
    trained[batch_size] = net
    print(
        ngettext(
            "{method}: {steps} step, then J = {J}.", "{method}: {steps} steps, then J = {J}.", len(per_step[batch_size])
        ).format(method=label, steps=len(per_step[batch_size]), J=num(per_epoch[batch_size][-1]))
    )

# %%
colors = {None: BLUE, 10: ORANGE, 1: RED}
fig, (ax_step, ax_epoch) = figure(ncols=2, size=(9.0, 3.4), layout="constrained")
for batch_size, label in reversed(methods.items()):
    color, history = colors[batch_size], per_step[batch_size]
    ax_step.plot(np.arange(1, len(history) + 1), history, color=color, linewidth=1.5 if batch_size is None else 0.6)
    ax_epoch.plot(np.arange(1, epochs + 1), per_epoch[batch_size], color=color, marker="o", markersize=3, label=label)
handles, labels = ax_epoch.get_legend_handles_labels()
ax_step.set_xscale("log")
ax_step.set_xlabel(_("step"))
ax_step.set_title(_("Cost of the batch used by each step"))
ax_epoch.set_xlabel(_("epoch"))
ax_epoch.set_xticks([1, 5, 10, 15, 20])
set_title(ax_epoch, _("Cost J on all the examples, after each epoch"))
ax_epoch.legend(handles[::-1], labels[::-1])
plt.show()

# %% [markdown]
# On the left, each step's cost, with the steps on a logarithmic scale: batch gradient descent made only 20 steps, and its curve is smooth, because every step sees the same 100 examples. The stochastic curve, with 2000 steps, is a cloud: each step measures the loss of a single example, easy or hard. Its steps do not all go downhill for the whole data set, only for one example, but on average they do.
#
# On the right, the cost on all the examples after each epoch. Per epoch, the stochastic and mini-batch runs are far ahead: they made 100 and 10 updates per epoch, where batch gradient descent made one. The stochastic curve jumps from one epoch to the next, because the cost at the end of an epoch depends on the last few examples it stepped on; in practice, $\alpha$ is often made smaller as training goes on, to calm these jumps.

# %% [markdown]
# What does an epoch cost? In all three methods every example goes once through the forward and the backward pass, so the arithmetic is about the same. The difference is in how it is organized. Batch gradient descent does it in a few large matrix products, which numpy (and a graphics card) compute very efficiently, but it waits for the whole data set before each update. Stochastic gradient descent updates after every example, but it runs many tiny products, each with its own overhead: on a computer, one of its epochs takes much longer than one of batch gradient descent. Mini-batches get the best of both: large enough products to be efficient, and many updates per epoch. This is why they are the usual choice, and why the batch size is one more hyperparameter.

# %% [markdown] tags=["instructor"]
# Learners often conclude that stochastic gradient descent is "the best" from the right-hand plot. Ask: what would the plot look like with the time on the horizontal axis instead of the epochs? (Per second, on real hardware, mini-batches usually win.) And with the same number of steps instead of epochs? (Batch gradient descent wins per step, but each of its steps costs 100 times more.)
#
# The noise of small batches is not only a cost: it shakes the weights out of flat regions and poor local minima, which is one reason why mini-batch training often generalizes well.

# %% [markdown]
# ## Decision boundaries
#
# What did the networks learn? The network's output $\hat y$ is a number between 0 and 1 for every point of the plane, not only for the training points. We compute it on a grid of points covering the data and colour the plane with it: blue where $\hat y$ is near 0, orange where it is near 1. The network predicts class 1 where $\hat y > 0.5$; the line $\hat y = 0.5$, drawn in black, is the **decision boundary**.

# %%
plane, extent = grid(x, points=60)
fig, axes = figure(ncols=3, size=(9.0, 3.2))
for ax, (batch_size, net) in zip(axes, trained.items(), strict=True):
    y_plane = net.forward(plane).reshape(60, 60)
    ax.imshow(y_plane, origin="lower", extent=extent, cmap=CLASS_CMAP, vmin=0.0, vmax=1.0, aspect="auto")
    ax.contour(y_plane, levels=[0.5], extent=extent, origin="lower", colors="black", linewidths=1.0)
    ax.scatter(x[0], x[1], c=np.where(y[0] == 1, ORANGE, BLUE), s=8, edgecolors="white", linewidths=0.3)
    accuracy = net.accuracy(x, y)
    ax.set_title(_("{method}\naccuracy {accuracy}").format(method=methods[batch_size], accuracy=num(accuracy)))
    ax.grid(False)
fig.subplots_adjust(left=0.05, right=0.99, bottom=0.09, top=0.85, wspace=0.2)
plt.show()

# %% [markdown]
# After 20 epochs, the network trained by batch gradient descent has a boundary that is still almost straight: it has not had enough steps to bend it. The two others have started to follow the moons. The titles give the **accuracy**, the fraction of the training points that fall on the right side of the boundary.

# %% [markdown]
# **Exercise 07.2.** `y_hat` holds the outputs $\hat y$ of the stochastic network for 40 new test points, which it never saw during training, and `y` their labels. Compute its accuracy: the fraction of the examples whose predicted class, 1 where $\hat y > 0.5$ and 0 elsewhere, equals the label.

# %% tags=["exercise"]
y_hat, y = given("07.2")
accuracy = ...
check("07.2", accuracy)

# %% tags=["solution"]
y_hat, y = given("07.2")
accuracy = np.mean((y_hat > 0.5) == y)
check("07.2", accuracy)

# %% [markdown]
# The accuracy on the training points says how well the network learned them, not how well it will do on new points. To measure that, we keep part of the examples aside, never used for training, as **test** data: this is the train/test split. A network that is much better on its training points than on the test points has learned its training points by heart, noise included: it overfits.

# %% [markdown]
# ## The playground
#
# The playground lets you design a network and train it on any of the five data sets, in the manner of TensorFlow Playground. Its controls:
#
# - **data**: the data set, its noise, the share of points kept aside as test points, and the seed of the random numbers;
# - **network**: the number of hidden layers, the number of neurons in each, and their activation $f$ (the output unit is always a sigmoid);
# - **training**: the learning rate $\alpha$, the regularization $\lambda$ of lesson 08, the batch size and the number of steps, with buttons to train more, to make one step, and to start again from new random weights.
#
# Moving a control trains a new network from scratch. The picture shows the output $\hat y$ over the plane with the train points (white edge) and the test points (black edge), the cost on both during training, and the weights: orange for positive, blue for negative, thicker when larger. Under it, the scores, and a warning in red when something goes wrong.

# %%
playground = Playground(dataset="moons", layers=2, neurons=8, alpha=0.3, steps=120, m=200)
display(playground)

# %%
print(playground.summary())
print(
    _("Accuracy: {train} on the train points, {test} on the test points.").format(
        train=num(playground.net.accuracy(playground.x_train, playground.y_train)),
        test=num(playground.net.accuracy(playground.x_test, playground.y_test)),
    )
)

# %% [markdown]
# Run the cell above again after moving the controls, to print the new scores. Things to try:
#
# - XOR with 0 hidden layers: the boundary is a straight line, and the accuracy stays near one half. Add one hidden layer of 4 neurons, then press the train button a few times.
# - Spirals: the default network gets only about 60 test points in 100 right. How many layers, neurons and steps does it take to separate them?
# - $\alpha$ = 10: on the moons the cost jumps up and down and ends higher than it started, and the playground says that $\alpha$ is too large; on XOR it diverges, and the playground tells you at which step. Then try batch size 1 with $\alpha$ = 0.3 and compare the curves.
# - ReLU with 4 layers of 3 neurons and a large $\alpha$: some units die (their $z^l$ is negative for every point, so they never learn again), and the warning counts them.
# - Circles with noise 0.4, a test share of 0.8, 6 layers of 16 neurons and 1000 steps: the train cost falls far below the test cost, the network overfits. Then raise $\lambda$.

# %% [markdown] tags=["instructor"]
# Give the room a target: "separate the spirals with at least 90 in 100 test points right, with the smallest network you can". Compare networks across the room; this is the moment to talk about hyperparameters (layers, neurons, $\alpha$, batch size, $\lambda$, steps), all chosen by trying and by looking at the test points, never the train points alone.
#
# If a learner's playground seems stuck, it is usually a too small $\alpha$ with few steps, or a sigmoid activation in a deep network (vanishing gradients). The warning under the picture says which.

# %% [markdown]
# **Exercise 07.3.** The playground builds its network from its sliders: 2 inputs, $k$ hidden layers of $w$ neurons each, and one output unit. Write the list of layer sizes $n^0, n^1, \dots, n^n$ that `Network` takes, for $k$ = 3 hidden layers of $w$ = 5 neurons.

# %% tags=["exercise"]
k, w = 3, 5
sizes = ...
check("07.3", sizes)

# %% tags=["solution"]
k, w = 3, 5
sizes = [2] + [w] * k + [1]
check("07.3", sizes)

# %% [markdown]
# With these sizes the network has $n = k + 1$ layers: the output layer counts, the input does not. Its parameters are the weights and biases of every layer, $n^l (n^{l-1} + 1)$ for layer $l$:

# %%
sizes = answer("07.3", sizes)
net = Network(sizes, f="tanh", f_out="sigmoid")
count = sum(net.W[l].size + net.b[l].size for l in range(1, net.n + 1))
print(
    _("Network {sizes}: n = {n}, number of parameters: {count}.").format(
        sizes="-".join(map(str, sizes)), n=net.n, count=count
    )
)

# %% [markdown] tags=["instructor", "behind"]
# The day plan leaves out free play with "The playground" (5 minutes): run it once with its settings as they are, then go on to exercise 07.3. If the room is still behind, show the five data sets without running the cell, and give exercise 07.2 as homework (5 minutes).

# %% [markdown] tags=["key-points"]
# ## Key points
#
# - An epoch is one pass over the $m$ training examples; with batches of $B$ examples it has $\lceil m/B \rceil$ steps, one update each.
# - Batch gradient descent ($B = m$) takes smooth but few steps; stochastic gradient descent ($B = 1$) takes many noisy, cheap ones; mini-batches are the usual compromise, efficient on a computer and with many updates per epoch.
# - The decision boundary is where the output crosses $\hat y = 0.5$; hidden layers let it bend.
# - Accuracy is the fraction of examples classified correctly; measure it on test points kept aside, because the training points alone cannot reveal overfitting.
# - Layers, neurons, activation, $\alpha$, $\lambda$, batch size and the number of steps are hyperparameters: chosen by trying, and judged on the test points.
