# ---
# jupyter:
#   course:
#     minutes: {teaching: 20, exercises: 15}
#     part: core
#     optional_minutes: 5
#     glossary: [output_layer, backpropagation, backward_pass, loss, derivative, chain_rule, activation_gradient, pre_activation_gradient, weight_gradient, bias_gradient, sigmoid, elementwise_product, matrix_product, transpose]
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["objectives"]
# # 04. The output layer
#
# In this lesson you will:
#
# - compute the derivatives of the output layer, $dz^n$, $dW^n$, $db^n$ and $da^{n-1}$, by hand with numpy, one formula at a time;
# - tell the element-wise product $\odot$ from the matrix product $\cdot$, and predict the shape of every result;
# - say what each derivative means: how sensitive the loss is to a small change of one number.
#
# It takes about 35 minutes: 20 minutes of reading and 15 minutes of exercises.

# %% [markdown]
# The forward pass turned the input $x = a^0$ into a prediction $\hat y = a^n$, and the loss $L$ measured how far the prediction is from the target $y$. Backpropagation now walks through the network backwards, from the loss to the first layer, and finds out how much each weight and each bias is responsible for the loss. Everything starts at the output layer, layer $n$.
#
# Here are the formulas of this lesson, in the order we will compute them:
#
# $$
# dz^n = da^n \odot f'^n(z^n), \qquad dW^n = dz^n \cdot (a^{n-1})^T, \qquad db^n = dz^n, \qquad da^{n-1} = (W^n)^T \cdot dz^n
# $$

# %% [markdown]
# Our network has $n = 2$ layers: two inputs, three hidden units and two output units (a 2-3-2 network), with the sigmoid $\sigma$ as activation in both layers, $f^1 = f^2 = \sigma$. The loss is the squared error $L = \frac{1}{2} \sum_i (\hat y_i - y_i)^2$. We give it one example $x$, whose target is $y$, and run the forward pass.

# %%
import numpy as np
from IPython.display import display

from course import Network, layer_backward, show
from course.activations import sigmoid, sigmoid_prime
from course.exercises import check, given
from course.i18n import _, num
from course.losses import binary_cross_entropy, binary_cross_entropy_da

net = Network([2, 3, 2], f="sigmoid", loss="mse", seed=1)
x = np.array([[0.5], [-1.0]])
y = np.array([[1.0], [0.0]])
net.forward(x)
display(show("a^1", net.a[1]), show("W^2", net.W[2]), show("z^2", net.z[2]), show("a^2", net.a[2]))

# %% [markdown]
# ## The start: $da^n$
#
# Backpropagation starts from the loss. The derivative of $L = \frac{1}{2} \sum_i (\hat y_i - y_i)^2$ with respect to the prediction $\hat y = a^n$ is the difference between prediction and target:
#
# $$
# da^n = \hat y - y
# $$
#
# It has the shape of $a^n$: one number per output unit. Our first output is too low, so its derivative is negative (a larger output would lower the loss); the second is too high, so its derivative is positive.

# %% tags=["live"]
da2 = net.a[2] - y
show("da^2", da2)

# %% [markdown]
# ## Through the activation: $dz^n$
#
# The loss does not see $z^n$ directly: $z^n$ first goes through the activation, $a^n = f^n(z^n)$, and only then into the loss. The chain rule multiplies the two links of this chain. Each $z^n_i$ only affects its own $a^n_i$, so the multiplication happens unit by unit, element by element:
#
# $$
# dz^n = da^n \odot f'^n(z^n)
# $$
#
# For the sigmoid, $f'(z) = \sigma(z)\,(1 - \sigma(z))$, which `sigmoid_prime` computes. Notice that $f'^n$ is evaluated at $z^n$, the value that went into the activation.

# %% tags=["live"]
f_prime = sigmoid_prime(net.z[2])
dz2 = da2 * f_prime
display(show("f'^2(z^2)", f_prime), show("dz^2", dz2))

# %% [markdown]
# What does $dz^n$ mean? Entry $dz^n_i$ is the sensitivity of the loss to $z^n_i$: if $z^n_i$ grows by a tiny amount $\varepsilon$, the loss changes by about $dz^n_i \, \varepsilon$. Let us check it on the first unit: add $\varepsilon = 10^{-6}$ to $z^2_1$, recompute the loss, and compare.


# %%
def loss_of(z2):
    return 0.5 * float(((sigmoid(z2) - y) ** 2).sum())


eps = 1e-6
nudged = net.z[2] + np.array([[eps], [0.0]])
change = (loss_of(nudged) - loss_of(net.z[2])) / eps
print(
    _("The loss changed by {change} × ε; the first entry of dz^2 predicted {dz} × ε.").format(
        change=num(change), dz=num(dz2[0, 0])
    )
)

# %% [markdown]
# ## Two products: $\odot$ and $\cdot$
#
# The formulas of backpropagation use two different products, and mixing them up is the most common bug. Let us try both on two small column vectors $u$ and $v$.

# %%
u = np.array([[2.0], [3.0]])
v = np.array([[4.0], [5.0]])
display(show("u", u), show("v", v))

# %% [markdown]
# The element-wise product $u \odot v$ (numpy's `*`) multiplies the entries that sit at the same place: $2 \cdot 4 = 8$ and $3 \cdot 5 = 15$. Both factors have the same shape, and so does the result.

# %%
show("u \\odot v", u * v)

# %% [markdown]
# The matrix product $\cdot$ (numpy's `@`) combines each row of the first factor with each column of the second. It needs as many columns in the first factor as there are rows in the second: a $p \times q$ matrix times a $q \times r$ matrix gives a $p \times r$ matrix. Two columns of shape $2 \times 1$ cannot be multiplied this way.

# %%
try:
    u @ v
except ValueError:
    print(
        _(
            "u ⋅ v is not defined: u has shape {u} and v has shape {v}, but the first factor needs as many columns as the second has rows."
        ).format(u=u.shape, v=v.shape)
    )

# %% [markdown]
# Transposing one of the two makes the product possible, and the order decides what comes out. The row times the column, $u^T \cdot v$ ($1 \times 2$ times $2 \times 1$), is a single number, the dot product $2 \cdot 4 + 3 \cdot 5 = 23$. The column times the row, $u \cdot v^T$ ($2 \times 1$ times $1 \times 2$), is a $2 \times 2$ matrix that holds every product $u_i v_j$: it is called the outer product.

# %%
display(show("u^T \\cdot v", u.T @ v), show("u \\cdot v^T", u @ v.T))

# %% [markdown]
# With a single output unit, $da^n$ and $f'^n(z^n)$ would both be $1 \times 1$, and $\odot$ and $\cdot$ would give the same number. This is why such a bug can hide in a tiny test and only show up in a bigger network: test your code on layers of different sizes.

# %% [markdown] tags=["instructor"]
# Ask the room, before running the cells: what is the shape of $u \odot v$, of $u^T \cdot v$, of $u \cdot v^T$? Most people get the first two; the outer product is often new. It is worth the time, because $dW^n$ is an outer product.
#
# Learners who know numpy well may write `dz2 * net.a[1].T` for $dW^n$: broadcasting a $2 \times 1$ column against a $1 \times 3$ row also builds the outer product, so the result is right. Accept it, then ask them to use `@`: with many examples (lesson 08) only the matrix product adds up the examples, and broadcasting fails.

# %% [markdown]
# ## The weights: $dW^n$
#
# Weight $W^n_{ij}$ multiplies $a^{n-1}_j$ on its way into $z^n_i$, because $z^n_i = \sum_j W^n_{ij} a^{n-1}_j + b^n_i$. If that one weight grows by $\varepsilon$, $z^n_i$ grows by $a^{n-1}_j \, \varepsilon$, and the loss changes by $dz^n_i \, a^{n-1}_j \, \varepsilon$. So every weight has its own derivative $dz^n_i \, a^{n-1}_j$, and all these products together form the outer product of the column $dz^n$ with the row $(a^{n-1})^T$:
#
# $$
# dW^n = dz^n \cdot (a^{n-1})^T
# $$

# %% tags=["live"]
dW2 = dz2 @ net.a[1].T
display(show("dW^2", dW2))
print(
    _("dz^2 has shape {dz}, (a^1)^T has shape {aT}, so dW^2 has shape {dW}: exactly the shape {W} of W^2.").format(
        dz=dz2.shape, aT=net.a[1].T.shape, dW=dW2.shape, W=net.W[2].shape
    )
)

# %% [markdown]
# Why must $dW^n$ have exactly the shape of $W^n$? Because gradient descent updates each weight with its own derivative, entry by entry: $W^n \leftarrow W^n - \alpha \, dW^n$. Entry $(i, j)$ of $dW^n$ belongs to entry $(i, j)$ of $W^n$ and to no other weight. A gradient of another shape cannot be subtracted at all, and a transposed gradient that happens to have the right shape (when $W^n$ is square) would be subtracted from the wrong weights, without any error message.

# %% [markdown]
# ## The biases: $db^n$
#
# Bias $b^n_i$ is added straight to $z^n_i$, with a factor 1, so its derivative is $dz^n_i$ itself:
#
# $$
# db^n = dz^n
# $$

# %%
db2 = dz2
show("db^2", db2)

# %% [markdown]
# ## Passing the derivative back: $da^{n-1}$
#
# Each activation $a^{n-1}_j$ of the previous layer feeds every unit of layer $n$: it enters each $z^n_i$ with the weight $W^n_{ij}$. Its derivative adds up the contributions of all these paths, $da^{n-1}_j = \sum_i W^n_{ij} \, dz^n_i$. This sum runs down column $j$ of $W^n$, which is row $j$ of $(W^n)^T$, so for all $j$ at once:
#
# $$
# da^{n-1} = (W^n)^T \cdot dz^n
# $$

# %% tags=["live"]
da1 = net.W[2].T @ dz2
display(show("da^1", da1))
print(
    _("(W^2)^T has shape {WT} and dz^2 has shape {dz}, so da^1 has shape {da}: the shape {a} of a^1.").format(
        WT=net.W[2].T.shape, dz=dz2.shape, da=da1.shape, a=net.a[1].shape
    )
)

# %% [markdown]
# $da^{n-1}$ does not update anything in layer $n$. It is the message handed down to layer $n-1$, which will treat it exactly as layer $n$ treated $da^n$. That is the subject of the next lesson.

# %% [markdown] tags=["instructor"]
# Before showing $da^{n-1} = (W^n)^T \cdot dz^n$, ask: which shape must $da^{n-1}$ have? (The shape of $a^{n-1}$, here $3 \times 1$.) Which arrangement of $W^n$ ($2 \times 3$) and $dz^n$ ($2 \times 1$) gives that shape? Most learners find the transpose from the shapes alone, and remember it better for having found it.

# %% [markdown]
# ## Compare with the engine
#
# The engine computes the same formulas in `layer_backward`, one layer at a time, and `net.backward(y)` runs it for every layer. Our values, computed by hand, should not only be close to the engine's: they should be identical.

# %%
dz, dW, db, da_prev = layer_backward(2, da2, net.a[1], net.z[2], net.W[2], "sigmoid")
net.backward(y)
for symbol, ours, layer, everything in [
    ("dz^2", dz2, dz, net.dz[2]),
    ("dW^2", dW2, dW, net.dW[2]),
    ("db^2", db2, db, net.db[2]),
    ("da^1", da1, da_prev, net.da[1]),
]:
    gap = max(np.abs(ours - layer).max(), np.abs(ours - everything).max())
    print(_("{symbol}: largest difference from the engine = {gap}").format(symbol=symbol, gap=num(gap)))

# %% [markdown]
# ## What each derivative tells you
#
# Each derivative answers the same question about a different number: if this number grew by a tiny $\varepsilon$, how much would the loss change? The answer is the derivative times $\varepsilon$. A large entry means the loss is very sensitive to that number; its sign says in which direction the loss would move.
#
# | derivative | shape | sensitivity of the loss to |
# | --- | --- | --- |
# | $dz^n$ | like $z^n$ | each pre-activation of layer $n$ |
# | $dW^n$ | like $W^n$ | each weight of layer $n$ |
# | $db^n$ | like $b^n$ | each bias of layer $n$ |
# | $da^{n-1}$ | like $a^{n-1}$ | each activation of layer $n-1$ |
#
# Let us check one weight, the one in row 1 and column 2 of $W^2$: nudge it by $\varepsilon$, run the forward pass again, and compare the change of the loss with its entry of $dW^2$.

# %%
eps = 1e-6
net.forward(x)
loss_before = net.cost(y)
net.W[2][0, 1] += eps
net.forward(x)
loss_after = net.cost(y)
net.W[2][0, 1] -= eps
net.forward(x)
print(
    _("The loss changed by {change} × ε; the entry of dW^2 in row 1, column 2 is {dW}.").format(
        change=num((loss_after - loss_before) / eps), dW=num(dW2[0, 1])
    )
)

# %% [markdown]
# Gradient descent (lesson 06) uses exactly this information: it moves every weight a little against its derivative, $W^n \leftarrow W^n - \alpha \, dW^n$, so that the loss goes down.

# %% [markdown]
# ## When the output saturates: losses computed from $z^n$
#
# With a sigmoid output and the binary cross-entropy, the two links of the chain simplify: $da^n = \frac{\hat y - y}{\hat y (1 - \hat y)}$ and $f'^n(z^n) = \hat y (1 - \hat y)$, so $dz^n = da^n \odot f'^n(z^n) = \hat y - y$. This is more than a shortcut. Take a network that is confidently wrong: $z^n = 40$ for an example whose target is $y = 0$. In double precision $\sigma(40)$ is exactly 1, so the loss $-\log(1 - \hat y)$ is infinite and $da^n$ divides by 0, while the true derivative $dz^n = \hat y - y$ is simply 1: the network should learn fast from this mistake.

# %%
z_big, y_zero = np.array([[40.0]]), np.array([[0.0]])
y_hat_big = sigmoid(z_big)
with np.errstate(divide="ignore", invalid="ignore"):
    L_through_y_hat = binary_cross_entropy(y_hat_big, y_zero)[0]
    dz_through_y_hat = binary_cross_entropy_da(y_hat_big, y_zero) * sigmoid_prime(z_big)
confident = Network([1, 1], f="sigmoid")  # x = 1, W^1 = 40: z^1 = 40
confident.W[1] = z_big.copy()
confident.forward(np.ones((1, 1)))
confident.backward(y_zero)
print(_("In double precision, ŷ = σ(40) = {y_hat}.").format(y_hat=num(y_hat_big[0, 0])))
print(
    _("Through ŷ: L = {L} and dz = da ⊙ σ'(z) = {dz}.").format(L=num(L_through_y_hat), dz=num(dz_through_y_hat[0, 0]))
)
print(
    _("From z, as the engine computes them: L = {L} and dz = ŷ − y = {dz}.").format(
        L=num(confident.cost(y_zero)), dz=num(confident.dz[1][0, 0])
    )
)

# %% [markdown]
# So the engine computes the loss from $z^n$, where $-\log(1 - \sigma(z)) = \log(1 + e^{z})$ never forms $\hat y$, and takes $dz^n = \hat y - y$ directly, for the three usual pairs of an output activation and its loss: the sigmoid with the binary cross-entropy, softmax with the cross-entropy, the identity with the mean squared error. Frameworks do the same and say so in their names: PyTorch's `BCEWithLogitsLoss` takes $z^n$, which it calls the logits, not $\hat y$. `layer_backward` keeps the formula of this lesson, $da^n \odot f'^n(z^n)$, literally: it is the one to learn, and it is exact as long as the output is not saturated.

# %% [markdown]
# ## Exercises
#
# The exercises use another network: 3-2-2, with tanh in the hidden layer and the sigmoid in the output layer, the same squared-error loss, and one example; its forward pass is done. You write the backward formulas of its output layer. Each exercise cell takes the values it needs from `given`, so it works even if you skipped the exercise before it.

# %% [markdown]
# **Exercise 04.1.** Compute $dz^2$ of the practice network from `da`, which holds $da^2 = \hat y - y$, and `z2`, which holds $z^2$. Its output layer uses the sigmoid, whose derivative is `sigmoid_prime`.

# %% tags=["exercise"]
da, z2 = given("04.1")
dz = ...
check("04.1", dz)

# %% tags=["solution"]
da, z2 = given("04.1")
dz = da * sigmoid_prime(z2)
check("04.1", dz)

# %% [markdown]
# **Exercise 04.2.** Compute $dW^2$ from `dz`, the $dz^2$ of exercise 04.1, and `a1`, which holds $a^1$. Before you write it, predict its shape.

# %% tags=["exercise"]
dz, a1 = given("04.2")
dW = ...
check("04.2", dW)

# %% tags=["solution"]
dz, a1 = given("04.2")
dW = dz @ a1.T
check("04.2", dW)

# %% [markdown]
# **Exercise 04.3.** Compute $da^1$ from `W2`, which holds $W^2$, and `dz`. In this network $W^2$ is square, so numpy will accept more than one formula: the shapes alone will not protect you.

# %% tags=["exercise"]
W2, dz = given("04.3")
da_prev = ...
check("04.3", da_prev)

# %% tags=["solution"]
W2, dz = given("04.3")
da_prev = W2.T @ dz
check("04.3", da_prev)

# %% [markdown] tags=["instructor"]
# The most frequent wrong answers, which the checks recognize: `da @ sigmoid_prime(z2)` (fails with a shape error for two outputs; with `.T` it gives a number or a matrix), `sigmoid_prime(sigmoid(z2))` ($f'$ evaluated at $a^2$ instead of $z^2$), `a1 @ dz.T` (the transpose of $dW^2$) and `W2 @ dz` (no error because $W^2$ is square). When a learner is stuck, ask them to write the shape of every factor next to the formula.

# %% [markdown] tags=["instructor", "behind"]
# The day plan leaves out "When the output saturates: losses computed from $z^n$" (5 minutes). If the room is still behind, skip "What each derivative tells you" (5 minutes), do exercises 04.1 and 04.2 in the room and give 04.3 as homework: lesson 05 computes $da^{l-1}$ again.

# %% [markdown] tags=["key-points"]
# ## Key points
#
# - Backpropagation starts from $da^n$, the derivative of the loss with respect to the prediction; for the squared error it is $\hat y - y$.
# - $dz^n = da^n \odot f'^n(z^n)$ is an element-wise product, with $f'^n$ evaluated at $z^n$.
# - $dW^n = dz^n \cdot (a^{n-1})^T$ is an outer product with the shape of $W^n$, and $db^n = dz^n$.
# - $da^{n-1} = (W^n)^T \cdot dz^n$ has the shape of $a^{n-1}$ and carries the derivative back to layer $n-1$.
# - Every derivative has the shape of the number it belongs to, and tells how sensitive the loss is to that number: check the shapes first.
