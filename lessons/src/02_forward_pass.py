# ---
# jupyter:
#   course:
#     minutes: {teaching: 20, exercises: 15}
#     part: core
#     optional_minutes: 5
#     glossary: [layer, number_of_layers, layer_size, input_layer, hidden_layer, output_layer, weight_matrix, bias_vector, pre_activation, activation, activation_function, sigmoid, tanh, relu, softmax, prediction, number_of_examples, matrix_product, elementwise_product, forward_pass, multilayer_perceptron]
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["objectives"]
# # 02. The forward pass
#
# In lesson 01 a single neuron made a prediction. A network does the same with layers of neurons, and a few matrix products compute a whole layer for many examples at once. In this lesson you will:
#
# - write the forward pass $z^l = W^l a^{l-1} + b^l$, $a^l = f^l(z^l)$ and give the shape of every symbol in it;
# - compute the forward pass of a small network with numpy, formula by formula, and check it against the course's engine;
# - describe the activation functions sigmoid, tanh, ReLU, identity and softmax, and read a shape error.
#
# It takes about 35 minutes: 20 minutes of reading and 15 minutes of exercises.

# %% [markdown]
# Run the cell below first: it loads the tools of this lesson.

# %%
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import display

from course import Network, ShapeError, _, layer_forward, num, show
from course.activations import ACTIVATIONS, sigmoid, softmax
from course.exercises import check, given
from course.plots import BLUE, GREY, figure

# %% [markdown]
# ## From one neuron to a layer
#
# A layer is a group of neurons that all read the same inputs. Layer $l$ has $n^l$ neurons, and its inputs are the $n^{l-1}$ activations of the layer before it, $a^{l-1}$. Neuron $i$ of layer $l$ multiplies each input $a^{l-1}_j$ by its own weight $W^l_{ij}$, adds the products up and adds its bias $b^l_i$:
#
# $$
# z^l_i = \sum_j W^l_{ij}\, a^{l-1}_j + b^l_i.
# $$
#
# Write the weights of neuron $i$ as row $i$ of a matrix $W^l$, and its bias as entry $i$ of a column $b^l$. Then all the neurons of the layer are computed at once by one matrix product, $z^l = W^l a^{l-1} + b^l$: row $i$ of $W^l$ times the column $a^{l-1}$ is exactly the sum above.

# %% [markdown]
# ## The forward pass
#
# A network has layers $l = 1, \dots, n$. The input is written $a^0 = x$; it is not a layer of neurons, just the data. Each layer computes its pre-activation $z^l$, then applies its activation function $f^l$, entry by entry, to get its activation $a^l$. The activation of the last layer is the prediction $\hat y$:
#
# $$
# \begin{aligned}
# a^0 &= x, \\
# z^l &= W^l a^{l-1} + b^l, \qquad a^l = f^l(z^l) \qquad (l = 1, \dots, n), \\
# \hat y &= a^n.
# \end{aligned}
# $$
#
# That is all of it: the same two formulas, layer after layer. Computing them from $l = 1$ to $l = n$ is the forward pass. A network built this way, each layer connected to every neuron of the next, is called a multilayer perceptron.

# %% [markdown]
# ## The shape of every symbol
#
# With $m$ examples, the inputs are stacked side by side: **one column per example**. The shapes follow from this choice:
#
# | symbol | shape | what it holds | in the code |
# | --- | --- | --- | --- |
# | $a^0 = x$ | $n^0 \times m$ | the inputs, one column per example | `net.a[0]` |
# | $W^l$ | $n^l \times n^{l-1}$ | the weights of layer $l$, one row per neuron | `net.W[l]` |
# | $b^l$ | $n^l \times 1$ | the biases of layer $l$, one per neuron | `net.b[l]` |
# | $z^l$ | $n^l \times m$ | the pre-activations of layer $l$, one column per example | `net.z[l]` |
# | $a^l$ | $n^l \times m$ | the activations of layer $l$, one column per example | `net.a[l]` |
# | $\hat y = a^n$ | $n^n \times m$ | the predictions, one column per example | `net.a[n]` |
#
# Check the product: $W^l$ has $n^{l-1}$ columns and $a^{l-1}$ has $n^{l-1}$ rows, so $W^l a^{l-1}$ is defined and has shape $n^l \times m$. Column $k$ of the result depends only on column $k$ of $a^{l-1}$: the $m$ examples go through the network side by side without mixing.
#
# The bias $b^l$ has a single column. numpy adds it to every column of $W^l a^{l-1}$, because every example gets the same biases; this automatic repetition is called broadcasting.

# %% [markdown]
# ## A 2-3-1 network
#
# Here is a network with $n^0 = 2$ inputs, a hidden layer of $n^1 = 3$ neurons with $f^1 = \tanh$, and an output layer of $n^2 = 1$ neuron with $f^2 = \sigma$, the sigmoid: we call it a 2-3-1 network. Its weights are chosen by hand so you can follow the numbers, and it receives $m = 4$ examples.

# %%
W1 = np.array([[0.5, -1.0], [1.5, 0.2], [-0.3, 0.8]])
b1 = np.array([[0.1], [-0.2], [0.0]])
W2 = np.array([[1.0, -0.5, 0.7]])
b2 = np.array([[0.2]])
x = np.array([[1.0, 0.0, -1.0, 2.0], [0.5, 1.0, 0.5, -1.0]])

for symbol, value in [("a^0 = x", x), ("W^1", W1), ("b^1", b1), ("W^2", W2), ("b^2", b2)]:
    print(_("{symbol} has shape {shape}").format(symbol=symbol, shape=value.shape))

# %% [markdown]
# ### Layer 1, by hand and with the engine
#
# By hand, layer 1 is two lines of numpy: `W1 @ x + b1` for $z^1$ (the operator `@` is the matrix product $\cdot$) and `np.tanh` applied to every entry for $a^1$. The engine's function `layer_forward` computes the same two formulas for one layer and returns $z^l$ and $a^l$.

# %% tags=["live"]
z1 = W1 @ x + b1
a1 = np.tanh(z1)
display(show("z^1", z1))
display(show("a^1", a1))

# %%
z1_engine, a1_engine = layer_forward(1, W1, b1, x, "tanh")
difference = max(np.abs(z1_engine - z1).max(), np.abs(a1_engine - a1).max())
print(_("Largest difference between the engine and our numpy: {difference}").format(difference=num(difference)))

# %% [markdown]
# Each column of $z^1$ and $a^1$ belongs to one example: the first column is what the hidden layer computes for the first example, $x_1 = 1$ and $x_2$ = 0.5. Compute its first entry yourself: 0.5 × 1 − 1 × 0.5 + 0.1 = 0.1.

# %% [markdown]
# ### Layer 2 and the prediction
#
# Layer 2 reads $a^1$, not $x$. Its weight matrix $W^2$ has shape $1 \times 3$, one row for its single neuron and one column per neuron of layer 1, so $z^2$ has shape $1 \times 4$: one prediction per example.

# %% tags=["live"]
z2 = W2 @ a1 + b2
y_hat = sigmoid(z2)
display(show("z^2", z2))
display(show("ŷ = a^2", y_hat))

# %%
z2_engine, a2_engine = layer_forward(2, W2, b2, a1, "sigmoid")
difference = max(np.abs(z2_engine - z2).max(), np.abs(a2_engine - y_hat).max())
print(_("Largest difference between the engine and our numpy: {difference}").format(difference=num(difference)))

# %% [markdown]
# ### The whole network at once
#
# `Network([2, 3, 1], f="tanh", f_out="sigmoid")` builds the same architecture, with random starting weights. We replace them by ours: `net.W[1]` is $W^1$, `net.b[2]` is $b^2$, with the layer number as index exactly as in the formulas. Then `net.forward(x)` runs every layer and returns $\hat y$; it also keeps $z^l$ and $a^l$ in `net.z[l]` and `net.a[l]`.

# %% tags=["live"]
net = Network([2, 3, 1], f="tanh", f_out="sigmoid")
net.W[1], net.b[1], net.W[2], net.b[2] = W1, b1, W2, b2
y_hat_net = net.forward(x)
display(show("ŷ", y_hat_net))
print(_("Largest difference with our ŷ: {difference}").format(difference=num(np.abs(y_hat_net - y_hat).max())))

# %% [markdown]
# The network is not trained: its predictions are all close to 0.5, it has no opinion yet. Training, in the lessons to come, will change $W^1$, $b^1$, $W^2$ and $b^2$; the forward pass stays exactly this computation.

# %% [markdown] tags=["instructor"]
# **Where learners get stuck.** The convention "one column per example" is the main source of confusion, especially for learners who have used libraries with one row per example (then the product is written $x W^T$). Point at the shape table and ask: "which dimension of $z^1$ is the number of examples?" Have the room predict the shape of $z^2$ before running the cell.
#
# **Question to ask.** Why does $W^l$ have shape $n^l \times n^{l-1}$ and not the other way round? (Because row $i$ holds the weights of neuron $i$, so that $W^l a^{l-1}$ works on a column.)

# %% [markdown]
# ## Activation functions
#
# Without an activation function, two layers would collapse into one: $W^2 (W^1 x + b^1) + b^2$ is again a matrix times $x$ plus a vector. The activation functions, applied entry by entry, bend the computation so that the network can represent curved boundaries. The most common ones:
#
# - the **sigmoid** $\sigma(z) = \frac{1}{1 + e^{-z}}$, between 0 and 1, often used in the output layer to give a probability;
# - **tanh**, $\tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}$, between −1 and 1 and centred on 0, a common choice for hidden layers;
# - **ReLU**, $\mathrm{relu}(z) = \max(0, z)$, zero for negative inputs and the identity for positive ones, the usual choice for hidden layers of large networks;
# - the **identity** $f(z) = z$, which leaves $z$ unchanged, used in the output layer when the target can be any number.

# %%
z = np.linspace(-4, 4, 401)
names = {"sigmoid": _("sigmoid"), "tanh": "tanh", "relu": "ReLU", "identity": _("identity")}
fig, axes = figure(ncols=4, size=(10.0, 2.6), sharey=True)
for ax, (key, title) in zip(axes, names.items(), strict=True):
    f = ACTIVATIONS[key][0]
    ax.axhline(0, color=GREY, linewidth=0.8)
    ax.axvline(0, color=GREY, linewidth=0.8)
    ax.plot(z, f(z), color=BLUE, linewidth=2)
    ax.set_title(title)
    ax.set_xlabel("z")
    ax.set_ylim(-1.5, 2.5)
axes[0].set_ylabel("f(z)")
fig.tight_layout()
plt.show()

# %% [markdown]
# ### Softmax
#
# Softmax is different from the others: it does not act on each entry alone but on a whole column. It makes the column positive and scales it so that it adds up to 1:
#
# $$
# \mathrm{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}.
# $$
#
# An output layer with $k$ neurons and softmax gives, for each example, $k$ numbers that can be read as the probabilities of $k$ classes. The largest $z_i$ gets the largest probability. Here is one example with three classes, $p = \mathrm{softmax}(z)$:

# %%
z_out = np.array([[2.0], [1.0], [0.1]])
p = softmax(z_out)
display(show("z", z_out))
display(show("p", p))
print(_("The entries add up to {total}.").format(total=num(p.sum())))

# %% [markdown]
# Because every entry of a softmax output depends on every entry of $z$, its derivative is not a simple entry-by-entry $f'$. Lesson 03 shows how softmax and its loss work together.

# %% [markdown]
# ## When shapes do not fit
#
# The most common bug in a forward pass is a product whose shapes do not fit, for example data stored with one row per example instead of one column. The engine checks the shapes and says which symbols do not match:

# %%
try:
    net.forward(x.T)
except ShapeError as error:
    print(error)

# %%
try:
    layer_forward(1, W1.T, b1, x, "tanh")
except ShapeError as error:
    print(error)

# %% [markdown]
# When you write numpy yourself, numpy raises a `ValueError` for a product whose shapes do not fit, with the two shapes in its message. Compare them with the shape table above: it usually tells you at once which factor is transposed or in the wrong place.

# %% [markdown]
# ## Exercises

# %% [markdown]
# **Exercise 02.1.** Compute $z^1 = W^1 a^0 + b^1$ for a layer with two inputs and two neurons, on two examples. Here every matrix is $2 \times 2$, so numpy cannot warn you if the product is in the wrong order or uses the wrong operator: only the values tell. Remember: `@` is the matrix product $\cdot$, `*` is the product entry by entry $\odot$.

# %% tags=["exercise"]
W = np.array([[1.0, -2.0], [0.5, 3.0]])
a0 = np.array([[1.0, 2.0], [-1.0, 0.5]])
b = np.array([[0.5], [-1.0]])

z1 = ...

check("02.1", z1)

# %% tags=["solution"]
W = np.array([[1.0, -2.0], [0.5, 3.0]])
a0 = np.array([[1.0, 2.0], [-1.0, 0.5]])
b = np.array([[0.5], [-1.0]])

z1 = W @ a0 + b

check("02.1", z1)

# %% [markdown]
# **Exercise 02.2.** Back to the 2-3-1 network above: `given("02.2")` gives its `W1` and `b1`. Three new examples arrive, in the columns of `x_new`. Compute the activation of the hidden layer, $a^1 = \tanh(W^1 a^0 + b^1)$ with $a^0$ = `x_new`. What shape do you expect?

# %% tags=["exercise"]
W1, b1, x_new = given("02.2")

a1_new = ...

check("02.2", a1_new)

# %% tags=["solution"]
W1, b1, x_new = given("02.2")

a1_new = np.tanh(W1 @ x_new + b1)

check("02.2", a1_new)

# %% [markdown]
# **Exercise 02.3.** Finish the forward pass for the same three examples, with `W2` and `b2` as well: compute the prediction $\hat y = a^2 = \sigma(W^2 a^1 + b^2)$. `sigmoid` is imported. You can check your numbers with `net.forward(x_new)` afterwards, but compute them with numpy first.

# %% tags=["exercise"]
W1, b1, W2, b2, x_new = given("02.3")

y_hat_new = ...

check("02.3", y_hat_new)

# %% tags=["solution"]
W1, b1, W2, b2, x_new = given("02.3")

a1_new = np.tanh(W1 @ x_new + b1)
y_hat_new = sigmoid(W2 @ a1_new + b2)

check("02.3", y_hat_new)

# %% [markdown] tags=["instructor"]
# **Common mistakes in 02.1.** `W.T @ a0` (a transpose too many), `a0 @ W` (factors swapped), `W * a0` (⊙ instead of ⋅) and a forgotten bias all give $2 \times 2$ arrays, so numpy stays silent; the checker names each of them. Ask learners who got ✓ at once to try one wrong version on purpose and read the hint.
#
# **In 02.2 and 02.3** the shapes are no longer square, so a wrong product usually stops with numpy's `ValueError`. Encourage learners to print `.shape` of each factor rather than adding `.T` at random until it runs.

# %% [markdown] tags=["instructor", "behind"]
# The day plan leaves out the "Softmax" subsection (5 minutes): the core lessons use sigmoid and tanh outputs. If the room is still behind, show "When shapes do not fit" by reading its first error message aloud instead of running both cells, and give exercise 02.3 as homework (5 minutes).

# %% [markdown] tags=["key-points"]
# ## Key points
#
# - The forward pass is $a^0 = x$, then $z^l = W^l a^{l-1} + b^l$ and $a^l = f^l(z^l)$ for $l = 1, \dots, n$, and $\hat y = a^n$.
# - One column per example: $a^l$ and $z^l$ have shape $n^l \times m$, $W^l$ has shape $n^l \times n^{l-1}$ (one row per neuron) and $b^l$ has shape $n^l \times 1$, added to every column.
# - The activation functions sigmoid, tanh, ReLU and identity act entry by entry; softmax acts on a whole column and turns it into probabilities that add up to 1.
# - When a product fails, compare the shapes with the table: the engine names the symbols that do not fit.
