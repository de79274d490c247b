# ---
# jupyter:
#   course:
#     minutes: {teaching: 25, exercises: 15}
#     part: optional
#     glossary: [vanishing_gradients, exploding_gradients, weight_initialization, xavier_initialization, he_initialization, symmetry_breaking, sigmoid, tanh, relu, activation_gradient, pre_activation_gradient, weight_gradient, bias_gradient, transpose, chain_rule, hidden_layer, learning_rate]
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["objectives"]
# # 11. Vanishing and exploding gradients, and initialization
#
# A network with two or three layers learns well from almost any random start. A deep one often does not: its first layers barely move, or its weights jump wildly at the first step. In this lesson you will:
#
# - measure $\lVert dW^l \rVert$ in every layer of a network with 10 layers, with the sigmoid, tanh and ReLU, and see how fast each layer learns;
# - explain, from $da^{l-1} = (W^l)^T \cdot (da^l \odot f'^l(z^l))$, why the gradients shrink or grow from layer to layer;
# - see why all the weights cannot start at 0, and choose the scale of the random initial weights: LeCun, Xavier (Glorot) or He;
# - let `course.diagnosis` tell you whether the gradients of your own network vanish or explode.
#
# It takes about 40 minutes: 25 minutes of reading and 15 minutes of exercises.

# %% [markdown]
# Run the cell below first: it loads the tools of this lesson.

# %%
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import display

from course import Network, _, num, show
from course.activations import NAMES, sigmoid, sigmoid_prime
from course.data import moons
from course.diagnosis import gradient_verdict
from course.exercises import check, given
from course.plots import figure, norms_by_layer
from course.widgets import GradientNorms

# %% [markdown]
# ## A deep network
#
# Our network has $n = 10$ layers: two inputs, nine hidden layers of 10 units each, and one sigmoid output unit with the binary cross-entropy loss. It sees 50 points of the "moons" data set of lesson 07. We build it three times, with the sigmoid, tanh and ReLU in the hidden layers, run one forward and one backward pass, and measure the size of each $dW^l$ by its norm, the square root of the sum of the squares of its entries:
#
# $$
# \lVert dW^l \rVert = \sqrt{\textstyle\sum_{i,j} \left(dW^l_{ij}\right)^2}
# $$
#
# The weights start as the engine draws them by default: at random, with a scale that depends on the size of the layers (we come back to it below), and the biases at 0.

# %%
x, y = moons(m=50, seed=0)
sizes = [2] + [10] * 9 + [1]
activations = ("sigmoid", "tanh", "relu")


def gradient_norms(net):
    net.forward(x)
    net.backward(y)
    return {l: float(np.linalg.norm(net.dW[l])) for l in range(1, net.n + 1)}


nets = {f: Network(sizes, f=f, f_out="sigmoid", seed=0) for f in activations}
norms = {f: gradient_norms(nets[f]) for f in activations}
for f in activations:
    print(
        _("{activation}: ‖dW^1‖ = {first}, ‖dW^10‖ = {last}; ‖dW^1‖ / ‖dW^10‖ = {ratio}").format(
            activation=_(NAMES[f]), first=num(norms[f][1], 2), last=num(norms[f][10], 2),
            ratio=num(norms[f][1] / norms[f][10], 2),
        )
    )  # fmt: skip

# %% [markdown]
# With the sigmoid, $\lVert dW^1 \rVert$ is about a million times smaller than $\lVert dW^{10} \rVert$ (read the ratio above). Gradient descent moves every weight by $\alpha\, dW^l$: with the same $\alpha$ for every layer, the last layer learns and the first one hardly moves. This is the **vanishing gradient problem**. With tanh and ReLU the norms stay within a factor of a few from the first layer to the last.
#
# [Michael Nielsen](http://neuralnetworksanddeeplearning.com/chap5.html) calls $\lVert db^l \rVert$ the *speed* at which layer $l$ learns. We measure the speed directly: we train each network for 100 steps with $\alpha$ = 0.5, and compare how far the weights of each layer moved with their size at the start, $\lVert W^l_\text{after} - W^l_\text{before} \rVert / \lVert W^l_\text{before} \rVert$.

# %%
moved = {}
for f in activations:
    before = {l: nets[f].W[l].copy() for l in range(1, nets[f].n + 1)}
    nets[f].train(x, y, alpha=0.5, steps=100)
    moved[f] = {l: float(np.linalg.norm(nets[f].W[l] - before[l]) / np.linalg.norm(before[l])) for l in before}

fig, (ax_norms, ax_moved) = figure(ncols=2, size=(9.0, 3.4))
norms_by_layer(ax_norms, {_(NAMES[f]): norms[f] for f in activations}, _("‖dWˡ‖ after one backward pass"))
norms_by_layer(ax_moved, {_(NAMES[f]): moved[f] for f in activations}, _("How far Wˡ moved in 100 steps"))
ax_norms.legend()
fig.subplots_adjust(left=0.08, right=0.98, bottom=0.15, top=0.9, wspace=0.25)
plt.show()

# %%
for f in activations:
    print(
        _("{activation}: in 100 steps, W^1 moved by {first} of its size, W^10 by {last}.").format(
            activation=_(NAMES[f]), first=num(moved[f][1], 2), last=num(moved[f][10], 2)
        )
    )

# %% [markdown]
# On the left, the gradients at the start, on a logarithmic scale: each horizontal line is ten times the one below. On the right, what training did with them. With the sigmoid, the first layers kept their random initial weights almost exactly: they learned nothing, and the network learned with its last layers only. With tanh and ReLU every layer learned.

# %% [markdown] tags=["instructor"]
# Ask the room to predict the left plot before showing it: "which layer has the largest gradient?" Many expect the first layers, since they "do the most work". The right plot is the point of the lesson: the gradient is the speed of learning, and a layer whose gradient is a million times smaller learns a million times slower with the same $\alpha$. Nielsen's chapter 5 makes the same measurement with $\lVert db^l \rVert$.

# %% [markdown]
# ## Why the factors multiply
#
# The backward pass hands the derivative down one layer at a time, with the two formulas of lesson 05:
#
# $$
# dz^l = da^l \odot f'^l(z^l), \qquad da^{l-1} = (W^l)^T \cdot dz^l = (W^l)^T \cdot \left(da^l \odot f'^l(z^l)\right)
# $$
#
# Each layer multiplies the derivative twice on its way down: by $f'^l(z^l)$, element by element, and by the matrix $(W^l)^T$. From layer 10 down to layer 1 there are nine such steps, and the factors multiply. The chain rule of lesson 03 says the same thing for a chain with one unit per layer, where $W^l$ is one number $w^l$:
#
# $$
# \frac{da^0}{da^n} = w^1 f'(z^1) \cdot w^2 f'(z^2) \cdots w^n f'(z^n)
# $$
#
# A product of many factors smaller than 1 becomes tiny; a product of many factors larger than 1 becomes huge. Now look at the derivative of the sigmoid, $\sigma'(z) = \sigma(z)(1 - \sigma(z))$:

# %%
z_grid = np.linspace(-6.0, 6.0, 1201)
sigma_prime = sigmoid(z_grid) * (1 - sigmoid(z_grid))  # σ'(z) = σ(z)(1 − σ(z))
print(
    _("The largest value of σ'(z): {top}, at z = {z}.").format(
        top=num(sigma_prime.max()), z=num(z_grid[sigma_prime.argmax()])
    )
)
print(_("tanh'(z) = 1 − tanh²(z) reaches {top}; relu'(z) is 0 or 1.").format(top=num((1 - np.tanh(z_grid) ** 2).max())))

# %% [markdown]
# $\sigma'(z) \le 1/4$ for every $z$: each sigmoid layer divides the derivative by at least 4, unless its weights make up for it, and they do not: weights large enough to make up for it also make $z^l$ large, where $\sigma'$ is close to 0. Tanh's derivative is 1 at $z = 0$ and ReLU's is 1 for every $z > 0$: they let the derivative through.
#
# We can measure both factors in our three networks, freshly built. For every layer $l$ from 10 down to 2, $\lVert da^{l-1} \rVert / \lVert dz^l \rVert$ is what $(W^l)^T$ did, and $\lVert dz^{l-1} \rVert / \lVert da^{l-1} \rVert$ is what $f'^{l-1}$ did. Their geometric means over the nine steps say by how much each step multiplies, on average.

# %%
for f in activations:
    net = Network(sizes, f=f, f_out="sigmoid", seed=0)
    net.forward(x)
    net.backward(y)
    by_W = [np.linalg.norm(net.da[l - 1]) / np.linalg.norm(net.dz[l]) for l in range(2, net.n + 1)]
    by_f = [np.linalg.norm(net.dz[l - 1]) / np.linalg.norm(net.da[l - 1]) for l in range(2, net.n + 1)]
    total = np.linalg.norm(net.dz[1]) / np.linalg.norm(net.dz[10])
    print(
        _("{activation}: (W^l)^T multiplies by {W} and f' by {f} on average; from dz^10 to dz^1: × {total}.").format(
            activation=_(NAMES[f]), W=num(np.exp(np.mean(np.log(by_W))), 2),
            f=num(np.exp(np.mean(np.log(by_f))), 2), total=num(total, 2),
        )
    )  # fmt: skip

# %% [markdown]
# With these initial weights, $(W^l)^T$ keeps the size of the derivative roughly the same (ReLU's a little larger, on purpose: see He initialization below). The difference is $f'$. The sigmoid's factor, below $1/4$, multiplied nine times, is the vanishing gradient. Tanh's is close to 1. ReLU's is below 1 because only the units with $z^l > 0$ pass the derivative, and the others pass nothing.

# %% [markdown]
# ## Exploding gradients
#
# The same product can grow instead. Draw every weight from $\mathcal{N}(0, 1)$, without any scale: $(W^l)^T$ then multiplies the derivative by about $\sqrt{10}$ at each layer of 10 units, and ReLU's $1/\sqrt{2}$ does not make up for it. The module `course.diagnosis` reads the gradients of a network after its backward pass and says what it sees:

# %%
exploding = Network(sizes, f="relu", f_out="sigmoid", seed=0, init="normal")
exploding.forward(x)
exploding.backward(y)
print(gradient_verdict(exploding))

# %% [markdown]
# Here every $\lVert dW^l \rVert$ is large, not only the first one: the activations $a^l$ also grow at every layer of the forward pass, and $dW^l = dz^l \cdot (a^{l-1})^T$ multiplies the two. A step of gradient descent would move every weight by far more than its own size: this is the **exploding gradient problem**. In training, it shows as a cost that jumps up, or that becomes infinite, as in lesson 06.

# %% [markdown] tags=["instructor"]
# A common confusion: "vanishing gradients are caused by the sigmoid". The sigmoid makes them likely, but the weights are the other factor. Ask the room what happens to a tanh network whose weights are all ten times too small (each $(W^l)^T$ divides by 10: the gradients vanish with tanh too), and to a sigmoid network with huge weights (every $z^l$ is large, $\sigma'$ is almost 0: they vanish even faster). The widget below lets them check both.

# %% [markdown]
# ## The scale of the initial weights
#
# So the scale of the initial weights decides whether the gradients keep their size. Take one unit of layer $l$: $z^l_i = \sum_j W^l_{ij}\, a^{l-1}_j$, a sum of $n^{l-1}$ terms. If the weights are independent, with mean 0 and variance $\mathrm{Var}(W^l)$, the variance of $z^l_i$ is $n^{l-1}\, \mathrm{Var}(W^l)$ times the mean of the $(a^{l-1}_j)^2$. To keep the size of the signal from layer to layer, the weights need a variance of $1/n^{l-1}$: this is **LeCun initialization**, the engine's default for the sigmoid and tanh. The backward pass makes the same sum over the $n^l$ units of the layer above, which asks for $1/n^l$. **Xavier initialization**, also called Glorot initialization, strikes a compromise between the two:
#
# $$
# \text{LeCun: } W^l \sim \mathcal{N}\left(0, \frac{1}{n^{l-1}}\right), \qquad \text{Xavier: } W^l \sim \mathcal{N}\left(0, \frac{2}{n^{l-1} + n^l}\right), \qquad \text{He: } W^l \sim \mathcal{N}\left(0, \frac{2}{n^{l-1}}\right)
# $$
#
# ReLU sets about half of its outputs to 0, which halves the mean of the $(a^{l-1}_j)^2$. **He initialization** doubles the variance to make up for it; it is the engine's default for the ReLU layers, while a sigmoid or tanh layer, such as the output layer, gets LeCun's scale. When $n^{l-1} = n^l$, as in our hidden layers, Xavier and LeCun give the same scale; they differ in the first and the last layer, where $n^{l-1} \neq n^l$. `Network(..., init=...)` chooses one: `"lecun"`, `"xavier"`, `"he"`, `"normal"` for $\mathcal{N}(0, 1)$, or `"zeros"`.

# %%
inits = {"normal": "N(0, 1)", "lecun": "LeCun", "xavier": "Xavier", "he": "He"}
for f in ("tanh", "relu"):
    for init, name in inits.items():
        dW_norms = gradient_norms(Network(sizes, f=f, f_out="sigmoid", seed=0, init=init))
        print(
            _("{activation}, {init}: ‖dW^1‖ = {first}, ‖dW^10‖ = {last}; every ‖dW^l‖ between {low} and {high}").format(
                activation=_(NAMES[f]), init=name, first=num(dW_norms[1], 2), last=num(dW_norms[10], 2),
                low=num(min(dW_norms.values()), 2), high=num(max(dW_norms.values()), 2),
            )
        )  # fmt: skip

# %% [markdown]
# With $\mathcal{N}(0, 1)$, ReLU explodes. Tanh does not, because its outputs stay between −1 and 1 whatever the weights, but its $\lVert dW^1 \rVert$ is more than ten times larger than with LeCun or Xavier. With LeCun, Xavier and He the gradients keep their size through the ten layers, within a factor of a few. With ReLU, LeCun and Xavier give much smaller gradients than He in every layer (their largest $\lVert dW^l \rVert$ is below He's smallest): each ReLU layer halves the variance of the signal, forward and backward, and ten halvings add up. He makes up for it.

# %% [markdown]
# ## Why not start from zero?
#
# If small weights are good, why not the smallest of all, 0? With tanh, zero weights are a dead end: $a^l = 0$ in every hidden layer, so $dW^l = dz^l \cdot (a^{l-1})^T = 0$ and $da^{l-1} = (W^l)^T \cdot dz^l = 0$. Our deep network with tanh, every weight at 0:

# %%
flat = Network(sizes, f="tanh", f_out="sigmoid", seed=0, init="zeros")
flat.forward(x)
flat.backward(y)
print(gradient_verdict(flat))

# %% [markdown]
# Equal weights that are not 0 do no better. We start every weight of a small network, 2-4-4-1 with tanh, at 0.5, and train it for 200 steps.

# %%
symmetric = Network([2, 4, 4, 1], f="tanh", f_out="sigmoid", seed=0, init="zeros")
for l in range(1, symmetric.n + 1):
    symmetric.W[l] = np.full_like(symmetric.W[l], 0.5)
symmetric.train(x, y, alpha=0.5, steps=200)
display(show("W^1", symmetric.W[1]), show("W^2", symmetric.W[2]))

# %% [markdown]
# The weights did change, but every row of $W^1$ is the same, and so is every row of $W^2$: the four units of each layer compute exactly the same thing. They started equal, so they received equal derivatives, so they made equal steps, and so on forever: a layer of four units is worth one. The random start is what makes the units different, and lets each one learn its own part of the problem: this is called **symmetry breaking**.

# %% [markdown] tags=["instructor"]
# Learners often suggest "all weights 0.1, then". Ask what changes: nothing, the units are still equal. Symmetry is broken by the differences between the weights of a layer, not by their size. The biases can start at 0 because the random weights already make the units different.

# %% [markdown]
# ## The gradient-norms explorer
#
# The widget below builds a network with 10 units in every hidden layer, runs one forward and one backward pass on the same 50 points, and draws $\lVert dW^l \rVert$ and $\lVert db^l \rVert$ for every layer, on a logarithmic scale. Its sliders choose the number of layers $n$, the activation of the hidden layers, and the scale $s$ of the initial weights, $W^l \sim \mathcal{N}(0, s^2 / n^{l-1})$: $s$ = 1 is LeCun, $s = \sqrt{2} \approx$ 1.41 is He, and $s = \sqrt{10} \approx$ 3.16 is $\mathcal{N}(0, 1)$ for the hidden layers. Under the plot, `course.diagnosis` gives its verdict.

# %%
explorer = GradientNorms(depth=10, f="sigmoid", scale=1.0)
display(explorer)

# %%
print(explorer.summary())

# %% [markdown]
# Things to try:
#
# - with the sigmoid, how many layers can you add before $\lVert dW^1 \rVert$ is a thousand times smaller than $\lVert dW^n \rVert$? Does a larger $s$ help?
# - with ReLU, move $s$ around $\sqrt{2}$: how fast do the gradients explode or vanish with 20 layers?
# - with tanh, find the scale where the gradients keep their size best.

# %% [markdown]
# ## Your network
#
# Choose a network below: its sizes, the activation of its hidden layers and its initialization. `course.diagnosis` says whether its gradients vanish or explode, after one forward and one backward pass on the same points.

# %%
my_sizes = [2, 8, 8, 8, 8, 8, 1]
my_f, my_init = "tanh", "xavier"

mine = Network(my_sizes, f=my_f, f_out="sigmoid", seed=0, init=my_init)
mine.forward(x)
mine.backward(y)
print(gradient_verdict(mine))

# %% [markdown]
# ## Exercises

# %% [markdown]
# **Exercise 11.1.** A chain of $n$ = 6 sigmoid units, one per layer, has run its forward pass. `w[l]` is its weight $w^l$ and `z[l]` its pre-activation $z^l$, for $l = 1, \dots, 6$. Compute `ratio`, the factor by which the backward pass multiplies the derivative from the top of the chain to its input:
#
# $$
# \frac{da^0}{da^n} = w^1 \sigma'(z^1) \cdot w^2 \sigma'(z^2) \cdots w^n \sigma'(z^n)
# $$
#
# `sigmoid` and `sigmoid_prime` are loaded.

# %% tags=["exercise"]
w, z, n = given("11.1")
ratio = ...
check("11.1", ratio)

# %% tags=["solution"]
w, z, n = given("11.1")
ratio = 1.0
for l in range(1, n + 1):
    ratio = ratio * w[l] * sigmoid_prime(z[l])
check("11.1", ratio)

# %% [markdown]
# Compare with the bound: each $\sigma'(z^l) \le 1/4$, so $|da^0 / da^n| \le (1/4)^n\, |w^1 w^2 \cdots w^n|$.

# %%
w, z, n = given("11.1")
weights = np.prod([abs(w[l]) for l in range(1, n + 1)])
print(
    _("|w^1 ⋯ w^n| = {weights}; bound (1/4)^n |w^1 ⋯ w^n| = {bound}.").format(
        weights=num(weights), bound=num(0.25**n * weights)
    )
)

# %% [markdown]
# The weights of this chain, multiplied together, are larger than 1, and still the derivative at the input is thousands of times smaller than at the output: six factors below $1/4$ are enough.

# %% [markdown]
# **Exercise 11.2.** A network has the sizes `sizes` = $[n^0, n^1, n^2, n^3]$. Compute the scales (the standard deviations) of its initial weights, for every layer $l = 1, 2, 3$: `s_he[l]` for He initialization, and `s_xavier[l]` for Xavier initialization. The scale is the square root of the variance.

# %% tags=["exercise"]
sizes_p = given("11.2")
s_he = {}
s_xavier = {}
for l in range(1, len(sizes_p)):
    s_he[l] = ...
    s_xavier[l] = ...
check("11.2", s_he, s_xavier)

# %% tags=["solution"]
sizes_p = given("11.2")
s_he = {}
s_xavier = {}
for l in range(1, len(sizes_p)):
    s_he[l] = np.sqrt(2 / sizes_p[l - 1])
    s_xavier[l] = np.sqrt(2 / (sizes_p[l - 1] + sizes_p[l]))
check("11.2", s_he, s_xavier)

# %% [markdown]
# The engine draws its weights with the same scales: compare with the standard deviation of the entries of a large layer.

# %%
wide = Network([400, 200], f="relu", seed=0, init="he")
print(
    _("He, 400 inputs: √(2/400) = {formula}; the standard deviation of W^1: {measured}.").format(
        formula=num(np.sqrt(2 / 400), 3), measured=num(wide.W[1].std(), 3)
    )
)

# %% [markdown]
# **Exercise 11.3.** Symmetry, measured. `W` holds the weights $W^1$ and $W^2$ of the hidden layers of a 2-4-4-1 network trained from a random start. For each layer, compute `spread[l]`: for every column $j$ of $W^l$ (one input of the layer), the largest weight minus the smallest weight over the units (the rows), and then the largest of these differences over the columns. It is 0 when every unit of the layer has the same weights.

# %% tags=["exercise"]
W = given("11.3")
spread = {}
for l in W:
    spread[l] = ...
check("11.3", spread)

# %% tags=["solution"]
W = given("11.3")
spread = {}
for l in W:
    spread[l] = (W[l].max(axis=0) - W[l].min(axis=0)).max()
check("11.3", spread)

# %% [markdown]
# The same measure on the network whose weights all started at 0.5:

# %%
for l in (1, 2):
    gap = (symmetric.W[l].max(axis=0) - symmetric.W[l].min(axis=0)).max()
    print(_("Layer {l}, started from equal weights: the units differ by at most {gap}.").format(l=l, gap=num(gap)))

# %% [markdown] tags=["instructor"]
# In 11.1 the usual slips are a product with the $\sigma'$ factors only (the weights forgotten), $\sigma(z^l)$ for $\sigma'(z^l)$, and `range(1, n)`, which leaves out a layer; the checker names each. In 11.2, learners give the variance instead of its square root, or divide He by $n^l$ instead of $n^{l-1}$: ask them how many terms each $z^l_i$ adds up. In 11.3, `axis=1` compares the weights of one unit with each other; ask what "the units are equal" means for the rows of $W^l$.

# %% [markdown] tags=["instructor", "behind"]
# Optional lesson: it is not in the day plan. It suits a follow-up session or homework after lesson 08. When you teach it short, keep "A deep network" and "The scale of the initial weights" with exercise 11.2, and skip "Why not start from zero?" and "The gradient-norms explorer" (15 minutes).

# %% [markdown] tags=["key-points"]
# ## Key points
#
# - On the way down, every layer multiplies the derivative by $f'^l(z^l)$ and by $(W^l)^T$: $da^{l-1} = (W^l)^T \cdot (da^l \odot f'^l(z^l))$. Over many layers these factors multiply.
# - When they are mostly below 1, the gradients of the first layers vanish and those layers barely learn; the sigmoid, with $\sigma' \le 1/4$, makes this almost certain in a deep network. When they are above 1, the gradients explode.
# - The scale of the initial weights sets the $(W^l)^T$ factor: LeCun $\mathcal{N}(0, 1/n^{l-1})$ or Xavier $\mathcal{N}(0, 2/(n^{l-1} + n^l))$ for tanh and the sigmoid, He $\mathcal{N}(0, 2/n^{l-1})$ for ReLU.
# - Weights that start equal, for example all at 0, stay equal: the units of a layer learn the same thing. Random initial weights break the symmetry.
# - `gradient_verdict(net)` from `course.diagnosis` says, after a backward pass, whether the gradients of your network vanish or explode.
