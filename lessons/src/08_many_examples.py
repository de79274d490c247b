# ---
# jupyter:
#   course:
#     minutes: {teaching: 25, exercises: 20}
#     part: core
#     optional_minutes: 20
#     glossary: [number_of_examples, cost_function, weight_gradient, bias_gradient, parameter_matrix, layer_error, accumulated_gradient, final_gradient, sigmoid, regularization, regularization_parameter, overfitting, training_data, train_test_split, accuracy, decision_boundary]
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["objectives"]
# # 08. Many examples at once, and regularization
#
# Until now the backward pass has seen one example at a time. Real training uses many. In this lesson you will:
#
# - run backpropagation on $m$ examples at once, one per column, and see why $dW^l$ and $db^l$ are averages over the examples;
# - read the other classic form of backpropagation, with $\Theta$, $\delta$, $\Delta$ and $D$, one example at a time, and match it with ours;
# - use the regularization parameter $\lambda$ against overfitting, and translate between the notations of other courses and books.
#
# It takes about 45 minutes: 25 minutes of reading and 20 minutes of exercises.

# %%
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import display

from course import Network, backprop_by_example, show
from course.activations import ACTIVATIONS, sigmoid
from course.data import moons
from course.exercises import check, given
from course.i18n import _, num
from course.plots import BLUE, CLASS_CMAP, ORANGE, figure, grid

# %% [markdown]
# ## $m$ examples, one per column
#
# As in lesson 02, we put the $m$ examples side by side: $x$ has shape $n^0 \times m$, and its column $t$ is example $t$, written $x^{(t)}$. The forward pass does not change at all: $z^l = W^l a^{l-1} + b^l$ now has $m$ columns, and the bias $b^l$ is added to each of them.
#
# Our network is a small 2-3-1 network with the sigmoid in both layers, and the loss is the binary cross-entropy, the usual loss for a sigmoid output. We give it $m = 5$ examples of the "moons" data set.

# %% tags=["live"]
net = Network([2, 3, 1], f="sigmoid", seed=0)
x, y = moons(m=5, noise=0.1, seed=0)
m = x.shape[1]
net.forward(x)
display(show("x = a^0", x), show("y", y))
for l in range(1, net.n + 1):
    print(_("z^{l} and a^{l} have shape {shape}: one column per example.").format(l=l, shape=net.a[l].shape))

# %% [markdown]
# The cost is the average of the loss over the examples, $J = \frac{1}{m} \sum_{t=1}^{m} L(\hat y^{(t)}, y^{(t)})$, so its gradient is the average of the gradients of the examples. In the backward pass, $da^l$ and $dz^l$ keep one column per example, the derivative of that example's loss, and the average appears in the gradients of the parameters:
#
# $$
# dW^l = \frac{1}{m} \, dz^l \cdot (a^{l-1})^T, \qquad db^l = \frac{1}{m} \sum_{t=1}^{m} dz^{l\,(t)}
# $$
#
# The matrix product does the sum over the examples for us. $dz^l$ is $n^l \times m$ and $(a^{l-1})^T$ is $m \times n^{l-1}$, so entry $(i, j)$ of their product is $\sum_t dz^l_{it} \, a^{l-1}_{jt}$: the sum, over the examples, of the one-example gradients of lesson 04.

# %% [markdown]
# Let us check it: the gradients of the $m$ examples at once, against the average of the gradients computed for each example alone.

# %% tags=["live"]
net.forward(x)
net.backward(y)
dW_batch = {l: net.dW[l].copy() for l in range(1, net.n + 1)}
dW_sum = {l: np.zeros_like(net.W[l]) for l in range(1, net.n + 1)}
for t in range(m):
    net.forward(x[:, [t]])
    net.backward(y[:, [t]])
    for l in range(1, net.n + 1):
        dW_sum[l] += net.dW[l]
for l in range(1, net.n + 1):
    gap = np.abs(dW_batch[l] - dW_sum[l] / m).max()
    print(
        _("dW^{l}: largest difference between all at once and the average of one by one = {gap}").format(
            l=l, gap=num(gap)
        )
    )

# %% [markdown]
# The differences are rounding errors, around $10^{-17}$: the two ways give the same gradient. Adding the examples up in the matrix product is just much faster than a Python loop over the examples.

# %% [markdown] tags=["instructor"]
# A frequent question: why divide by $m$ in $dW^l$ but not in $dz^l$? Because $dz^l$ holds one derivative per example (each column belongs to one example), while $W^l$ is shared by all the examples: its gradient collects the contributions of all of them. Dividing by $m$ makes the size of a step independent of the number of examples, so the same $\alpha$ works for 10 or 10 000 examples.

# %% [markdown]
# ## The $\Theta$, $\delta$, $\Delta$, $D$ form
#
# Many texts, following [Andrew Ng's machine learning course](https://www.coursera.org/learn/machine-learning), write backpropagation differently, among them [the freeCodeCamp guide to backpropagation](https://github.com/freeCodeCamp/guide/blob/master/src/pages/portuguese/machine-learning/backpropagation/index.md), one of the texts this course is built from: one example at a time, with the biases stored inside the weight matrices. Here is its vocabulary, numbered like our layers:
#
# - $g$ is the activation of every layer, the sigmoid;
# - $\Theta^l = [b^l \mid W^l]$ holds the biases and the weights of layer $l$ in one matrix, the bias in column 0; a 1 is put on top of the activation so that $\Theta^l \begin{bmatrix} 1 \\ a^{l-1} \end{bmatrix} = W^l a^{l-1} + b^l = z^l$;
# - $\delta^l$ is $dz^l$ for one example; at the output, $\delta^n = a^n - y$, because for a sigmoid with the binary cross-entropy $da^n \odot g'(z^n)$ simplifies to $a^n - y$;
# - $\Delta^l$ adds up, example after example, the gradients $\delta^l \begin{bmatrix} 1 \\ a^{l-1} \end{bmatrix}^T$;
# - $D^l$ is the final gradient, $[db^l \mid dW^l]$.

# %% [markdown]
# The algorithm has three steps:
#
# 1. set every $\Delta^l$ to zero;
# 2. for each example $t = 1, \dots, m$: run the forward pass to get every $z^l$ and $a^l$; set $\delta^n = a^n - y^{(t)}$; for $l = n-1$ down to 1, compute $\delta^l = \big((\Theta^{l+1})^T \delta^{l+1}\big)_{1:} \odot g'(z^l)$, where $_{1:}$ drops row 0, the row of the bias; then add $\delta^l \begin{bmatrix} 1 \\ a^{l-1} \end{bmatrix}^T$ to $\Delta^l$ for every layer;
# 3. $D^l = \frac{1}{m}(\Delta^l + \lambda \Theta^l)$, except column 0, the bias, which is not regularized: there $D^l = \frac{1}{m}\Delta^l$.
#
# Step 3 contains the regularization parameter $\lambda$, which we meet below. With $\lambda = 0$ it is just the average.

# %% [markdown]
# <details>
#
# <summary>A note on the freeCodeCamp guide, which has slips: before you open it, find the guide's formula for $\delta$ (its $d(l)$) and compare it with step 2 above. What is wrong? Then click here to check.</summary>
#
# **A note on the freeCodeCamp guide.** Its text has slips to watch out for when you read it next to these formulas:
#
# - a prime has two meanings in it: on a matrix or a vector it is the transpose, so $\Theta(l)'$ is our $(\Theta^{l+1})^T$ and $a(l)'$ is $(a^l)^T$; on $g$ it is the derivative, $g'$;
# - it writes $d(l) = (\Theta(l)' \, d(l+1)) \bullet g(z(l))$, but the factor must be the derivative, $g'(z(l))$, as in $dz^l = da^l \odot f'^l(z^l)$; for the sigmoid, $g'(z) = g(z)(1 - g(z))$. Its $\bullet$ also stands for two different products: the first is a matrix product $\cdot$, the second an element-wise product $\odot$. And row 0 of $\Theta(l)' \, d(l+1)$, the bias row, must be dropped;
# - it numbers $\Theta$ from the layer it leaves: its $\Theta(l)$ takes layer $l$ to layer $l+1$, so it is our $\Theta^{l+1} = [b^{l+1} \mid W^{l+1}]$, and its $z(l) = \Theta(l-1) \, a(l-1)$ is our $z^l$. In this lesson $\Theta$ is numbered like $W$;
# - its accumulation $\Delta(l) := \Delta(l) + d(l+1) \cdot a(l)'$ is, in our numbering, $\Delta^{l+1} \mathrel{+}= \delta^{l+1} \begin{bmatrix} 1 \\ a^l \end{bmatrix}^T$: the line $\Delta^l \mathrel{+}= \delta^l \begin{bmatrix} 1 \\ a^{l-1} \end{bmatrix}^T$ of step 2 above, where the bias multiplies the 1 put on top of $a^{l-1}$;
# - its last step distinguishes $l \neq 0$ and $l = 0$, but the condition is about the column $j$, not the layer: in every layer, column $j = 0$ (the bias) is not regularized;
# - its last layer is $L$, our $n$.
#
# </details>

# %% [markdown]
# Here is the algorithm written in numpy, step by step as above. We run it with $\lambda = 0.5$ and compare it with the engine's vectorized backward pass, `net.backward(y, lam)`, and with the engine's own version of this loop, `backprop_by_example`.


# %%
def backprop_theta(net, x, y, lam):
    n, m = net.n, x.shape[1]
    g, g_prime = ACTIVATIONS["sigmoid"]
    Theta = {l: np.hstack([net.b[l], net.W[l]]) for l in range(1, n + 1)}
    Delta = {l: np.zeros_like(Theta[l]) for l in range(1, n + 1)}
    for t in range(m):
        a, z = {0: x[:, [t]]}, {}
        for l in range(1, n + 1):
            z[l] = Theta[l] @ np.vstack([1.0, a[l - 1]])
            a[l] = g(z[l])
        delta = {n: a[n] - y[:, [t]]}
        for l in range(n - 1, 0, -1):
            delta[l] = (Theta[l + 1].T @ delta[l + 1])[1:] * g_prime(z[l])
        for l in range(1, n + 1):
            Delta[l] += delta[l] @ np.vstack([1.0, a[l - 1]]).T
    D = {}
    for l in range(1, n + 1):
        penalty = lam * Theta[l]
        penalty[:, 0] = 0.0
        D[l] = (Delta[l] + penalty) / m
    return D


lam = 0.5
D = backprop_theta(net, x, y, lam)
D_engine = backprop_by_example(net, x, y, lam)
net.forward(x)
net.backward(y, lam)
for l in range(1, net.n + 1):
    vectorized = np.hstack([net.db[l], net.dW[l]])
    print(
        _(
            "D^{l}: largest difference from the vectorized [db^{l} | dW^{l}] = {gap}, from backprop_by_example = {gap2}"
        ).format(l=l, gap=num(np.abs(D[l] - vectorized).max()), gap2=num(np.abs(D[l] - D_engine[l]).max()))
    )
show("D^2", D[2])

# %% [markdown]
# Same numbers, up to rounding. The two forms are the same algorithm: the loop form computes one column of $dz^l$ at a time and adds up, the vectorized form does all the columns in one matrix product. The loop is easier to follow for a single example; the vectorized form is what every real implementation uses, because it is many times faster.

# %% [markdown] tags=["instructor"]
# Learners who took Andrew Ng's machine learning course know this form, and are often confused by two things: $\Theta$ numbered from the layer it leaves, and the bias hidden in column 0. Draw $\Theta^l = [b^l \mid W^l]$ on the board next to $\begin{bmatrix} 1 \\ a^{l-1} \end{bmatrix}$ and multiply it out once.
#
# The note on the freeCodeCamp guide is collapsed under a line that asks learners to find the guide's slip first. Give the room two minutes with the guide's formula $d(l) = (\Theta(l)' \, d(l+1)) \bullet g(z(l))$ on the projector before anyone opens the note: the slip $g(z(l))$ in place of $g'(z(l))$ is a good test of whether they understood where $f'$ comes from. Learners who find it quickly can look for the others (the dropped bias row, the two meanings of $\bullet$ and of the prime).

# %% [markdown]
# ## Regularization: $\lambda$
#
# Regularization adds to the cost a penalty on large weights:
#
# $$
# J = \frac{1}{m} \sum_{t=1}^{m} L(\hat y^{(t)}, y^{(t)}) + \frac{\lambda}{2m} \sum_{l=1}^{n} \lVert W^l \rVert^2
# $$
#
# where $\lVert W^l \rVert^2$ is the sum of the squares of all the entries of $W^l$. The biases are not in the penalty. The derivative of the penalty with respect to $W^l$ is $\frac{\lambda}{m} W^l$ (the $\frac{1}{2}$ cancels the 2 of the square), and it is added to $dW^l$: this is the $\frac{\lambda}{m}\Theta^l$ of step 3, outside column 0.

# %% tags=["live"]
net.forward(x)
net.backward(y, lam=0.0)
dW_plain = {l: net.dW[l].copy() for l in range(1, net.n + 1)}
net.backward(y, lam=lam)
for l in range(1, net.n + 1):
    gap = np.abs(net.dW[l] - dW_plain[l] - lam / m * net.W[l]).max()
    print(
        _("dW^{l} with λ, minus dW^{l} without λ, minus (λ/m) W^{l}: largest entry = {gap}").format(l=l, gap=num(gap))
    )

# %% [markdown]
# What does it do to training? The update becomes $W^l \leftarrow W^l - \alpha \big(dW^l + \frac{\lambda}{m} W^l\big) = \big(1 - \frac{\alpha \lambda}{m}\big) W^l - \alpha \, dW^l$, with $dW^l$ the gradient without the penalty: at every step, every weight first shrinks a little towards 0. Only the weights that really help to fit the data keep growing. This is why it is also called weight decay.

# %% [markdown]
# Which $m$, when the steps use mini-batches of $B$ examples (lesson 07)? The penalty belongs to the cost $J$ of the whole training set, so $m$ is the number of training examples, whatever the batch size: every step, mini-batch or full batch, adds $\frac{\lambda}{m} W^l$ with the same $m$. This is the convention of [Michael Nielsen's book](http://neuralnetworksanddeeplearning.com/chap3.html), and the engine's: `net.train(x, y, alpha, lam=lam, batch_size=B)` uses for $m$ the number of columns of `x`. With $\frac{\lambda}{B}$ instead, the same $\lambda$ would regularize more and more as the batches get smaller: with $B = 1$, every step would multiply the weights by $1 - \alpha \lambda$. Here are 64 identical examples: one step on a batch of 8 and one step on all 64 compute the same gradient, so with this convention they change the weights identically.

# %%
x_same = np.tile(np.array([[0.3], [-0.7]]), 64)
y_same = np.ones((1, 64))
full, mini = (Network([2, 4, 1], f="tanh", f_out="sigmoid", seed=5) for _k in range(2))
full.train(x_same, y_same, alpha=0.5, lam=0.3, steps=1)
mini.train(x_same, y_same, alpha=0.5, lam=0.3, steps=1, batch_size=8)
gap = max(float(np.abs(full.W[l] - mini.W[l]).max()) for l in (1, 2))
print(
    _(
        "After one step with λ = {lam}, on a batch of 8 examples or on all 64: largest difference between the weights = {gap}"
    ).format(lam=num(0.3), gap=num(gap))
)

# %% [markdown]
# ## $\lambda$ against overfitting
#
# A network with many weights and few examples can learn its training examples by heart, noise included: it overfits. Its cost on the training examples becomes tiny, but it does worse on new examples. Let us provoke it: 30 noisy training points, a 2-20-20-1 network with more than 400 weights, and 400 new points from the same distribution to test it. We train three times, with $\lambda = 0$, $0.3$ and $3$, and measure the costs without the penalty, so that they can be compared.

# %%
x_train, y_train = moons(m=30, noise=0.3, seed=0)
x_test, y_test = moons(m=400, noise=0.3, seed=100)
trained = {}
rows = []
for lam in [0.0, 0.3, 3.0]:
    big = Network([2, 20, 20, 1], f="tanh", f_out="sigmoid", seed=0)
    big.train(x_train, y_train, alpha=1.5, epochs=500, lam=lam)
    trained[lam] = big
    big.forward(x_train)
    J_train = big.cost(y_train)
    big.forward(x_test)
    J_test = big.cost(y_test)
    size = np.sqrt(sum(float((W**2).sum()) for W in big.W.values()))
    right_train = round(big.accuracy(x_train, y_train) * x_train.shape[1])
    right_test = round(big.accuracy(x_test, y_test) * x_test.shape[1])
    rows.append(
        [
            num(lam),
            num(J_train, 2),
            f"{right_train} / {x_train.shape[1]}",
            num(J_test, 2),
            f"{right_test} / {x_test.shape[1]}",
            num(size, 2),
        ]
    )
columns = ["λ", _("train cost"), _("right on train"), _("test cost"), _("right on test"), "‖W‖"]
widths = [max(len(text) for text in [title] + [row[i] for row in rows]) for i, title in enumerate(columns)]
for line in [columns, *rows]:
    print("   ".join(text.rjust(width) for text, width in zip(line, widths, strict=True)))

# %% [markdown]
# With $\lambda = 0$ the network reaches the lowest training cost but the highest test cost, about ten times its training cost. Its weights are large ($\lVert W \rVert$, the square root of the sum of the squares of all the weights), which lets it bend its decision boundary around single noisy points. With $\lambda = 0.3$ the weights stay smaller, the training cost is higher, and the test results are clearly better. With $\lambda = 3$ the penalty wins over the data: the network is too constrained, and misses even training points. $\lambda$ is a hyperparameter: it is chosen by trying values and comparing them on examples not used for training.

# %%
x_grid, extent = grid(np.hstack([x_train, x_test]), points=80)
fig, axes = figure(ncols=3, size=(9.0, 3.2))
fig.subplots_adjust(left=0.06, right=0.98, bottom=0.16, top=0.9, wspace=0.18)
for ax, (lam, big) in zip(axes, trained.items(), strict=True):
    y_grid = big.forward(x_grid).reshape(80, 80)
    ax.imshow(y_grid, origin="lower", extent=extent, cmap=CLASS_CMAP, vmin=0.0, vmax=1.0, aspect="auto")
    ax.contour(y_grid, levels=[0.5], extent=extent, origin="lower", colors="black", linewidths=1.0)
    ax.scatter(x_test[0], x_test[1], c=np.where(y_test[0] > 0.5, ORANGE, BLUE), s=5, alpha=0.35)
    ax.scatter(
        x_train[0], x_train[1], c=np.where(y_train[0] > 0.5, ORANGE, BLUE), s=30, edgecolors="black", linewidths=0.8
    )
    ax.set_title(f"λ = {num(lam)}")
    ax.set_xlabel("x₁")
    ax.grid(False)
axes[0].set_ylabel("x₂", rotation=0, labelpad=8)
plt.show()

# %% [markdown]
# The pictures show the output $\hat y$ of each network over the plane, its decision boundary $\hat y = 0.5$ in black, the 30 training points with a black edge and the test points in light colours. Without regularization the boundary makes detours to catch single training points; with $\lambda = 0.3$ it bends gently between the two moons; with $\lambda = 3$ it is almost a straight line.

# %% [markdown] tags=["instructor"]
# Ask the room to predict, before running the cell, which $\lambda$ gives the best training cost and which the best test cost. The point to land: the training cost alone cannot choose $\lambda$, because it always prefers $\lambda = 0$.

# %% [markdown]
# ## One algorithm, four notations
#
# Books and courses write the same algorithm with different symbols, and even number the layers differently. This table matches the notation of this course with the freeCodeCamp guide, the [Deep Learning Specialization](https://www.coursera.org/specializations/deep-learning), and [Michael Nielsen's book "Neural Networks and Deep Learning"](http://neuralnetworksanddeeplearning.com/chap2.html). Each row is the same object for layer $l$ of our numbering.
#
# | | this course | freeCodeCamp guide | Deep Learning Specialization | Nielsen's book |
# | --- | --- | --- | --- | --- |
# | input | $a^0 = x$ | $x^{(t)}$ | $A^{[0]} = X$ | $a^1 = x$ |
# | last layer | $n$ | $L$ | $L$ | $L$ |
# | weights | $W^l$ | $\Theta(l-1)$ without column 0 | $W^{[l]}$ | $w^{l+1}$ |
# | biases | $b^l$ | column 0 of $\Theta(l-1)$ | $b^{[l]}$ | $b^{l+1}$ |
# | pre-activation | $z^l$ | $z(l)$ | $Z^{[l]}$ | $z^{l+1}$ |
# | activation | $a^l = f^l(z^l)$ | $a(l) = g(z(l))$ | $A^{[l]} = g^{[l]}(Z^{[l]})$ | $a^{l+1} = \sigma(z^{l+1})$ |
# | derivative with respect to $z$ | $dz^l$ | $d(l)$, or $\delta$ | $dZ^{[l]}$ | $\delta^{l+1}$ |
# | weight gradient | $dW^l$ | $D(l-1)$, summed in $\Delta(l-1)$ | $dW^{[l]}$ | $\partial C / \partial w^{l+1}$ |
# | transpose | $W^T$ | $\Theta'$ | $W^T$ | $w^T$ |
# | learning rate | $\alpha$ | — | $\alpha$ | $\eta$ |
# | regularization | $\lambda$ | $\lambda$ | $\lambda$ | $\lambda$ |
# | number of examples | $m$ | $m$ | $m$ | $n$ |
# | where the examples are | columns of $x$, $n^0 \times m$ | one at a time | columns of $X$, $n_x \times m$ | one column vector each |

# %% [markdown]
# Three differences deserve attention:
#
# - Nielsen numbers the input layer 1, not 0: his layer $l+1$ is our layer $l$, and his last layer $L$ is our $n$. He writes $C$ for the cost, $n$ for the number of training examples and $m$ for the size of a mini-batch, and his program `network.py` loops over the examples of a mini-batch one column vector at a time, like the freeCodeCamp guide, before averaging.
# - The Deep Learning Specialization uses our layout exactly: examples in columns, layers numbered from 0, $\frac{1}{m}$ in $dW^{[l]}$ and $db^{[l]}$, and $\frac{\lambda}{2m}$ in the cost. Upper case ($Z^{[l]}$, $A^{[l]}$) means all $m$ examples, lower case one example.
# - Many libraries, and some courses, put the examples in rows instead of columns: $X$ is then $m \times n^0$, and every formula is transposed, for example $Z = X W^T + b^T$. Before reading code, look at which axis holds the examples.

# %% [markdown]
# ## Exercises
#
# **Exercise 08.1.** Here are $\Delta$ and $\Theta$ of one layer, after $m = 4$ examples, with $\lambda = 1$. Compute $D = \frac{1}{m}(\Delta + \lambda \Theta)$, without regularizing the bias column.

# %% tags=["exercise"]
Delta = np.array([[0.4, 0.2, -0.6], [-0.8, 1.0, 0.2]])
Theta = np.array([[0.5, -1.0, 2.0], [1.0, 0.5, -0.5]])
D = ...
check("08.1", D)

# %% tags=["solution"]
penalty = 1.0 * Theta
penalty[:, 0] = 0.0
D = (Delta + penalty) / 4
check("08.1", D)

# %% [markdown]
# **Exercise 08.2.** The network trained above with $\lambda = 0.3$ has the cost `J` on its $m = 30$ training examples, without the penalty. Compute its cost with the penalty, $J + \frac{\lambda}{2m} \sum_l \lVert W^l \rVert^2$. `given("08.2")` gives `J`, and the lists `weights` of its weight matrices $W^1, \dots, W^n$ and `biases` of its bias vectors.

# %% tags=["exercise"]
J, weights, biases = given("08.2")
J_reg = ...
check("08.2", J_reg)

# %% tags=["solution"]
J, weights, biases = given("08.2")
J_reg = J + 0.3 / (2 * 30) * sum(float((W**2).sum()) for W in weights)
check("08.2", J_reg)

# %% [markdown]
# The engine computes the same cost with `big.cost(y_train, lam=0.3)`:

# %%
big = trained[0.3]
big.forward(x_train)
print(_("J with the penalty, from the engine = {J}").format(J=num(big.cost(y_train, lam=0.3))))

# %% [markdown]
# **Exercise 08.3.** One step of the $\delta$ recursion, for one example, in a network where $g$ is the sigmoid everywhere: from $\Theta^{l+1}$ (`Theta_next`, bias in column 0), $\delta^{l+1}$ (`delta_next`) and $z^l$ (`z`), compute $\delta^l = \big((\Theta^{l+1})^T \delta^{l+1}\big)_{1:} \odot g'(z^l)$. Mind the note on the freeCodeCamp guide.

# %% tags=["exercise"]
Theta_next = np.array([[0.1, 0.8, -0.4, 0.3], [-0.2, 0.5, 0.9, -0.7]])
delta_next = np.array([[0.25], [-0.5]])
z = np.array([[0.4], [-1.2], [2.0]])
delta = ...
check("08.3", delta)

# %% tags=["solution"]
delta = (Theta_next.T @ delta_next)[1:] * sigmoid(z) * (1 - sigmoid(z))
check("08.3", delta)

# %% [markdown] tags=["instructor"]
# In 08.1 most wrong answers regularize the bias column or forget $\frac{1}{m}$ on one of the two terms; the check names both. In 08.2, $\frac{\lambda}{m}$ instead of $\frac{\lambda}{2m}$ is the classic slip: remind them that the $\frac{1}{2}$ is there so that the derivative is $\frac{\lambda}{m} W^l$. In 08.3, the check recognizes the guide's $g(z)$ in place of $g'(z)$ and dropping the last row instead of row 0.

# %% [markdown] tags=["instructor", "behind"]
# The day plan leaves out "The $\Theta$, $\delta$, $\Delta$, $D$ form" and "One algorithm, four notations", with their exercises 08.1 and 08.3 (20 minutes): give them as homework to learners who read other courses or the freeCodeCamp guide. If the room is still behind, show the figure of "$\lambda$ against overfitting" without running its training, and do exercise 08.2 together (5 minutes).

# %% [markdown] tags=["key-points"]
# ## Key points
#
# - With $m$ examples in the columns of $x$, $dz^l$ and $da^l$ keep one column per example, and $dW^l = \frac{1}{m} dz^l \cdot (a^{l-1})^T$ and $db^l$ are averages: the matrix product adds up the examples.
# - The $\Theta$, $\delta$, $\Delta$, $D$ form is the same algorithm, one example at a time, with the bias in column 0 of $\Theta^l = [b^l \mid W^l]$; it gives exactly $D^l = [db^l \mid dW^l]$.
# - $\delta^l$ needs the derivative $g'(z^l) = g(z^l)(1 - g(z^l))$, not $g(z^l)$, and drops the bias row.
# - Regularization adds $\frac{\lambda}{2m} \sum_l \lVert W^l \rVert^2$ to the cost and $\frac{\lambda}{m} W^l$ to $dW^l$, never to the biases; it keeps the weights small and fights overfitting, and $\lambda$ is chosen on examples not used for training.
# - Before reading another text or library, check its layer numbering and which axis holds the examples.
