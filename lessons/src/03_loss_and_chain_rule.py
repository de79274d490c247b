# ---
# jupyter:
#   course:
#     minutes: {teaching: 30, exercises: 20}
#     part: core
#     optional_minutes: 15
#     glossary: [loss, loss_function, cost_function, mean_squared_error, cross_entropy, one_hot_encoding, target, prediction, number_of_examples, derivative, gradient, chain_rule, finite_differences, forward_difference, gradient_check, activation_gradient, sigmoid, tanh, relu, softmax, logit, jacobian]
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["objectives"]
# # 03. Loss, derivatives and the chain rule
#
# Backpropagation needs two things: a number that says how wrong the network is, and a way to compute how that number changes when a weight changes. This lesson gives you both. You will be able to:
#
# - compute the mean squared error, the binary cross-entropy and the cross-entropy of a prediction, the cost $J$ over $m$ examples, and the derivative $da^n$ of each loss;
# - estimate a derivative with central differences and explain why they are more accurate than one-sided ones;
# - apply the chain rule to a composition such as $L(\sigma(w x + b))$, check it numerically, and give the derivative $f'$ of each activation function;
# - derive the Jacobian of softmax and the $dz^n = s \odot (da^n - s^T \cdot da^n)$ that comes from it, and show why it becomes $\hat y - y$ with the cross-entropy.
#
# It takes about 50 minutes: 30 minutes of reading and 20 minutes of exercises.

# %% [markdown]
# Run the cell below first: it loads the tools of this lesson.

# %%
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import display

from course import _, ngettext, num, show
from course.activations import ACTIVATIONS, NAMES, dz_from_da, sigmoid, sigmoid_prime, softmax
from course.exercises import answer, check, given
from course.gradcheck import numeric_gradient, relative_error
from course.losses import binary_cross_entropy, binary_cross_entropy_da, cross_entropy, cross_entropy_da, mse, mse_da
from course.plots import BLUE, GREY, ORANGE, figure

# %% [markdown]
# ## Loss and cost
#
# A **loss function** $L(\hat y, y)$ compares the prediction $\hat y = a^n$ for one example with its target $y$ and returns one number: 0 when the prediction is perfect, more when it is worse. The **cost** $J$ is the mean of the losses of the $m$ examples, where $L_k$ is the loss of example $k$, that is of column $k$:
#
# $$
# J = \frac{1}{m} \sum_{k=1}^{m} L_k.
# $$
#
# Training makes $J$ smaller. Backpropagation starts from the derivative of the loss with respect to the prediction, written $da^n = \frac{\partial L}{\partial a^n}$, which has the shape of $a^n$: one column per example.

# %% [markdown]
# ## Mean squared error
#
# When the targets are numbers that can take any value, the usual loss is the squared error, summed over the $n^n$ outputs $i$ of one example. The course writes it with a factor $\frac{1}{2}$:
#
# $$
# L = \frac{1}{2} \sum_i (\hat y_i - y_i)^2, \qquad da^n = \hat y - y.
# $$
#
# The $\frac{1}{2}$ cancels the 2 of the derivative of a square, so $da^n$ is just the difference between prediction and target, positive where the prediction is too high. Here are three examples with two outputs each; `mse` returns one loss per column:


# %% tags=["live"]
y_hat = np.array([[0.8, 0.1, 0.4], [0.3, 0.9, 0.5]])
y = np.array([[1.0, 0.0, 0.5], [0.0, 1.0, 0.2]])

L = mse(y_hat, y)
display(show("L", L))
m = L.size
print(
    ngettext(
        "The cost J is the mean of {m} loss: J = {J}", "The cost J is the mean of the {m} losses: J = {J}", m
    ).format(m=m, J=num(L.mean()))
)

# %% [markdown]
# Libraries do not all agree on this loss: PyTorch's `MSELoss` takes the mean over every entry, all outputs and all examples, without the $\frac{1}{2}$. Its gradient is then $\frac{2}{n^n}$ times the gradient of this course's cost $J$: compare the definitions before comparing numbers.

# %% [markdown]
# Check the first column by hand: ½ × ((0.8 − 1)² + (0.3 − 0)²) = ½ × (0.04 + 0.09) = 0.065. For a whole network, `net.cost(y)` computes $J$ in the same way after `net.forward(x)`.

# %% [markdown]
# **Exercise 03.1.** Compute $da^n$, the derivative of the mean squared error with respect to the prediction, for the three examples above. It keeps one column per example, like $\hat y$.

# %% tags=["exercise"]
y_hat, y = given("03.1")

da_n = ...

check("03.1", da_n)

# %% tags=["solution"]
y_hat, y = given("03.1")

da_n = y_hat - y

check("03.1", da_n)

# %% [markdown]
# The engine computes $da^n$ with `mse_da`. Compare with your answer: every entry is positive where the prediction is too high and negative where it is too low.

# %%
show("da^n", mse_da(y_hat, y))

# %% [markdown]
# ## Binary cross-entropy
#
# When the target is a class, 0 or 1, and the output is a sigmoid giving the probability $\hat y$ of class 1, the usual loss is the binary cross-entropy:
#
# $$
# L = -\left[ y \log \hat y + (1 - y) \log (1 - \hat y) \right], \qquad da^n = \frac{\hat y - y}{\hat y (1 - \hat y)}.
# $$
#
# Only one of the two terms counts for each example: $-\log \hat y$ when $y = 1$, $-\log(1 - \hat y)$ when $y = 0$. Compare it with the squared error for an example of class 1, and compare what matters for learning: not the loss itself but its gradient, here $dz^n$, the derivative one step further back through the sigmoid, $dz^n = da^n \odot \sigma'(z^n)$ with $\sigma'(z^n) = \hat y (1 - \hat y)$.

# %%
y_one = np.array([[1.0]])
columns = [_("cross-entropy"), _("squared error"), _("its dz^n"), _("its dz^n")]
width = max(14, *(len(c) for c in columns))
print(" " * 8 + "".join("   " + c.rjust(width) for c in [_("loss L"), "", _("gradient"), ""]))
print("ŷ".rjust(8) + "".join("   " + c.rjust(width) for c in columns))
for p in [0.99, 0.9, 0.5, 0.1, 0.01]:
    y_hat_one = np.array([[p]])
    slope = p * (1 - p)  # σ'(z) = ŷ (1 − ŷ)
    values = (
        binary_cross_entropy(y_hat_one, y_one)[0],
        mse(y_hat_one, y_one)[0],
        binary_cross_entropy_da(y_hat_one, y_one)[0, 0] * slope,
        mse_da(y_hat_one, y_one)[0, 0] * slope,
    )
    print(num(p).rjust(8) + "".join("   " + num(v).rjust(width) for v in values))

# %% [markdown]
# The squared error never exceeds ½ here, however wrong the prediction, and worse, its gradient nearly vanishes when the prediction is confidently wrong: at $\hat y$ = 0.01, $dz^n = (\hat y - y)\,\hat y (1 - \hat y)$ is about −0.0098, because the saturated sigmoid multiplies the error by almost 0. With the cross-entropy, $dz^n$ is −0.99: the more wrong the network, the larger its step. This is the learning slowdown that [Michael Nielsen's book](http://neuralnetworksanddeeplearning.com/chap3.html) describes (chapter 3), and the reason classifiers use the cross-entropy. The next cell shows where the simple $dz^n = \hat y - y$ comes from.

# %% [markdown]
# Its derivative $da^n$ looks complicated, but look at what happens one step further back. The output is $\hat y = \sigma(z^n)$, so the chain rule multiplies $da^n$ by $\sigma'(z^n) = \hat y (1 - \hat y)$, and the denominator cancels: $dz^n = \hat y - y$. The engine's `dz_from_da` applies $dz^n = da^n \odot f'^n(z^n)$; compare:

# %%
z_n = np.array([[-1.0, 0.5, 2.0]])
y_class = np.array([[0.0, 1.0, 1.0]])
y_hat_class = sigmoid(z_n)
da_class = binary_cross_entropy_da(y_hat_class, y_class)
display(show("da^n", da_class))
display(show("dz^n", dz_from_da("sigmoid", da_class, z_n)))
display(show("ŷ - y", y_hat_class - y_class))

# %% [markdown]
# ## Cross-entropy with softmax
#
# With $k$ classes, the output layer is a softmax with $k$ neurons and the target $y$ is **one-hot**: a column of zeros with a single 1 in the row of the right class. The cross-entropy is
#
# $$
# L = -\sum_i y_i \log \hat y_i, \qquad da^n = -\frac{y}{\hat y},
# $$
#
# where the division is done entry by entry. Since only the right class $c$ has $y_c = 1$, the loss is simply $L = -\log \hat y_c$: minus the log of the probability the network gives to the right answer.

# %% [markdown]
# Take the softmax example of lesson 02, where the first class got the probability 0.659, and suppose the first class is the right one. Through the softmax, the chain rule gives again $dz^n = \hat y - y$:

# %%
z_soft = np.array([[2.0], [1.0], [0.1]])
y_soft = np.array([[1.0], [0.0], [0.0]])
y_hat_soft = softmax(z_soft)
print(_("L = −log ŷ₁ = {L}").format(L=num(cross_entropy(y_hat_soft, y_soft)[0])))
display(show("da^n", cross_entropy_da(y_hat_soft, y_soft)))
display(show("dz^n", dz_from_da("softmax", cross_entropy_da(y_hat_soft, y_soft), z_soft)))
display(show("ŷ - y", y_hat_soft - y_soft))

# %% [markdown]
# That is why sigmoid goes with binary cross-entropy and softmax with cross-entropy: the pair gives the simplest possible $dz^n$. The engine's `Network` picks these pairs by default.
#
# Through the softmax, the chain rule is not an entry-by-entry product, because each of its outputs depends on every $z_j$. The last section of this lesson derives its derivative and this $\hat y - y$, once you have the chain rule and the derivatives of the other activations.

# %% [markdown]
# ## A derivative is a rate of change
#
# The derivative $f'(x)$ says how fast $f$ changes when $x$ changes a little. Take a small step $h$: the slope of the line through the points at $x$ and $x + h$, the secant, is
#
# $$
# \frac{f(x + h) - f(x)}{h},
# $$
#
# and as $h$ shrinks, this slope approaches the slope of the tangent, $f'(x)$. Here with $f(x) = x^3 - 2x$ at $x = 1$, where $f'(x) = 3x^2 - 2$ gives $f'(1) = 1$:


# %%
def f(x):
    return x**3 - 2 * x


x0 = 1.0
xs = np.linspace(-0.2, 2.3, 200)
fig, ax = figure(layout="constrained")
ax.plot(xs, f(xs), color="black", linewidth=2, label="f(x) = x³ − 2x")
for h, alpha_line in [(1.0, 1.0), (0.5, 0.7), (0.25, 0.45)]:
    slope = (f(x0 + h) - f(x0)) / h
    label = _("secant, h = {h}: slope {slope}").format(h=num(h), slope=num(slope))
    ax.plot(xs, f(x0) + slope * (xs - x0), color=ORANGE, alpha=alpha_line, label=label)
    ax.plot([x0 + h], [f(x0 + h)], "o", color=ORANGE, alpha=alpha_line)
ax.plot(xs, f(x0) + 1.0 * (xs - x0), color=BLUE, linestyle="--", label=_("tangent: slope f'(1) = 1"))
ax.plot([x0], [f(x0)], "o", color=BLUE)
ax.set_ylim(-2.0, 6.0)
ax.set_xlabel("x")
ax.set_title(_("Secant slopes approach the derivative"))
ax.legend(loc="upper left", fontsize=8)
plt.show()

# %% [markdown]
# ## Central differences
#
# The secant above looks only to the right of $x$. Looking on both sides is much more accurate, for the same cost of two evaluations of $f$:
#
# $$
# f'(x) \approx \frac{f(x + h) - f(x - h)}{2h}.
# $$
#
# The error of the one-sided (forward) difference shrinks like $h$; the error of the central difference shrinks like $h^2$, because the errors on the left and on the right, equal and opposite at first order, cancel. The table shows both for shrinking $h$:

# %%
header = [_("h"), _("forward"), _("its error"), _("central"), _("its error")]
width = max(14, *(len(word) + 2 for word in header))
print("".join(word.rjust(width) for word in header))
for h in [0.1, 0.01, 0.001, 1e-5, 1e-8, 1e-11]:
    forward = (f(x0 + h) - f(x0)) / h
    central = (f(x0 + h) - f(x0 - h)) / (2 * h)
    row = [num(h, 1), num(forward, 8), num(abs(forward - 1.0), 2), num(central, 8), num(abs(central - 1.0), 2)]
    print("".join(cell.rjust(width) for cell in row))

# %% [markdown]
# With $h$ = 0.001 the central difference is already right to six digits, while the forward difference is off in the third. But $h$ cannot shrink forever. The central difference is worse with $h = 10^{-8}$ than with $h = 10^{-5}$, and with $h = 10^{-11}$ both are off in the eighth digit: $f(x + h)$ and $f(x - h)$ become so close that the rounding errors of the computer dominate their difference. A step around $10^{-5}$ is a good compromise in double precision; it is the default of the course's tools.

# %% [markdown]
# **Exercise 03.2.** Estimate the derivative of $f(x) = \tanh(x)$ at $x$ = 0.5 with a central difference and $h$ = 0.01.

# %% tags=["exercise"]
f = np.tanh
x, h = 0.5, 0.01

slope = ...

check("03.2", slope)

# %% tags=["solution"]
f = np.tanh
x, h = 0.5, 0.01

slope = (f(x + h) - f(x - h)) / (2 * h)

check("03.2", slope)

# %% [markdown]
# Compare your estimate with the exact derivative, $1 - \tanh^2(x)$ at $x$ = 0.5: they differ only around the fifth digit.

# %% [markdown]
# ## Many derivatives at once: `numeric_gradient`
#
# A loss depends on many parameters. The function `numeric_gradient(J, theta)` of `course.gradcheck` estimates the derivative of `J()` with respect to every entry of the array `theta`, by central differences with $h = 10^{-5}$: it changes one entry, evaluates `J()` on both sides, and puts it back. Here `theta` holds the weight and the bias of the neuron of lesson 01, and `J()` computes its loss:

# %%
x, y = 1.5, 0.0
theta = np.array([0.5, 0.1])


def neuron_loss():
    w, b = theta
    return 0.5 * (sigmoid(w * x + b) - y) ** 2


gradient = numeric_gradient(neuron_loss, theta)
print(_("Numerical estimates: dL/dw ≈ {dw} and dL/db ≈ {db}").format(dw=num(gradient[0]), db=num(gradient[1])))

# %% [markdown]
# These are the numbers that lesson 01 found with the chain rule, 0.2204 and 0.147. A numerical derivative is slow (two evaluations of the loss per parameter, so millions for a real network) but it needs no calculus at all: that makes it the referee that checks a backpropagation.

# %% [markdown]
# ## The chain rule, checked
#
# The loss of the neuron is a chain of simple functions, $w \mapsto z = w x + b \mapsto a = \sigma(z) \mapsto L = \frac{1}{2}(a - y)^2$. The chain rule multiplies the derivative of each link, each taken at the point the forward pass went through:
#
# $$
# \frac{\partial L}{\partial w} = \frac{\partial L}{\partial a} \cdot \frac{\partial a}{\partial z} \cdot \frac{\partial z}{\partial w} = (a - y) \cdot \sigma'(z) \cdot x.
# $$
#
# The cell below computes each local derivative, multiplies them, and compares the product with the numerical estimate. The relative error, $|g - \hat g| / (|g| + |\hat g|)$, is the measure used to compare gradients in this course.

# %% tags=["live"]
w, b = theta
z = w * x + b
a = sigmoid(z)
local = [("∂L/∂a = a − y", a - y), ("∂a/∂z = σ'(z)", sigmoid_prime(z)), ("∂z/∂w = x", x)]
for name, value in local:
    print(f"{name.ljust(16)} {num(value)}")
chain = (a - y) * sigmoid_prime(z) * x
print(
    _("Chain rule: ∂L/∂w = {chain}; central differences: {numeric}").format(chain=num(chain), numeric=num(gradient[0]))
)
print(_("Relative error: {error}").format(error=num(relative_error(chain, gradient[0]), 2)))

# %% [markdown]
# A relative error around $10^{-10}$ means the two agree to about ten digits: the chain rule is right. In lesson 05 the same check, run on every weight of a network, tells you whether a backpropagation you wrote is right, and exactly which entries are wrong if it is not.

# %% [markdown]
# ## Each activation and its derivative
#
# Backpropagation through layer $l$ needs the derivative of its activation function, $f'^l$, taken at $z^l$. Those of the usual activations are simple, and several are written with the function itself:
#
# $$
# \sigma'(z) = \sigma(z)\,(1 - \sigma(z)), \qquad \tanh'(z) = 1 - \tanh^2(z), \qquad \mathrm{relu}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases}, \qquad f(z) = z \Rightarrow f'(z) = 1.
# $$

# %%
zs = np.linspace(-4, 4, 401)
titles = {key: _(NAMES[key]) for key in ("sigmoid", "tanh", "relu", "identity")}
fig, axes = figure(ncols=4, size=(10.0, 2.8), sharey=True)
for ax, (key, title) in zip(axes, titles.items(), strict=True):
    f_act, f_prime = ACTIVATIONS[key]
    ax.axhline(0, color=GREY, linewidth=0.8)
    ax.axvline(0, color=GREY, linewidth=0.8)
    ax.plot(zs, f_act(zs), color=BLUE, linewidth=2, label="f(z)")
    ax.plot(zs, f_prime(zs), color=ORANGE, linewidth=2, label="f'(z)")
    ax.set_title(title)
    ax.set_xlabel("z")
    ax.set_ylim(-1.5, 2.0)
axes[0].legend(loc="upper left")
fig.tight_layout()
plt.show()

# %% [markdown]
# Read the orange curves. The derivatives of the sigmoid and of tanh are largest at 0 and almost zero far from it: a neuron whose $z$ is large passes back almost nothing, which slows learning (you saw it at the end of lesson 01). The sigmoid's derivative never exceeds 0.25. ReLU passes the derivative back unchanged where $z > 0$ and blocks it where $z < 0$.

# %% [markdown]
# Each formula can be checked against central differences. The cell below does it on 400 points between −4 and 4 for every activation, avoiding $z = 0$:

# %%
z_check = np.linspace(-4, 4, 400)
for key in ["sigmoid", "tanh", "relu", "identity"]:
    f_act, f_prime = ACTIVATIONS[key]
    estimate = (f_act(z_check + 1e-5) - f_act(z_check - 1e-5)) / 2e-5
    worst = np.abs(f_prime(z_check) - estimate).max()
    print(
        _("{name}: largest difference between f' and central differences: {worst}").format(
            name=titles[key], worst=num(worst, 2)
        )
    )

# %% [markdown]
# ReLU has a corner at $z = 0$: the slope is 0 on the left and 1 on the right, so $\mathrm{relu}'(0)$ is not defined. The central difference averages the two sides and finds ½. The course, like most libraries, takes $\mathrm{relu}'(0) = 0$ by convention. It almost never matters, because a $z$ exactly equal to 0 is rare, but it explains a difference you may meet in a gradient check:

# %%
at_zero = np.array([0.0])
relu, relu_prime = ACTIVATIONS["relu"]
estimate_at_zero = (relu(at_zero + 1e-5) - relu(at_zero - 1e-5)) / 2e-5
print(
    _("At z = 0: central difference {estimate}, relu'(0) of the course {convention}").format(
        estimate=num(estimate_at_zero[0]), convention=num(relu_prime(at_zero)[0])
    )
)

# %% [markdown]
# **Exercise 03.3.** Compute the derivative of the sigmoid, $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$, for every entry of `z`. `sigmoid` is imported; `sigmoid_prime` is too, but use it only to compare afterwards.

# %% tags=["exercise"]
z = np.array([[-2.0, 0.0, 0.5, 3.0]])

sigma_prime = ...

check("03.3", sigma_prime)

# %% tags=["solution"]
z = np.array([[-2.0, 0.0, 0.5, 3.0]])

s = sigmoid(z)
sigma_prime = s * (1 - s)

check("03.3", sigma_prime)

# %% [markdown] tags=["instructor"]
# **Where learners get stuck.** The difference between the loss $L$ (one example) and the cost $J$ (the mean over $m$) matters from lesson 08 on, when $dW^l$ becomes a mean over the examples. Insist now that $da^n$ keeps one column per example and is not divided by $m$; the checker of 03.1 has a hint for this mistake.
#
# **Common mistakes.** In 03.1, $y - \hat y$ instead of $\hat y - y$ (ask: if the prediction is too high, should $da^n$ be positive?). In 03.2, `/ 2 * h` instead of `/ (2 * h)`, which multiplies by $h$. In 03.3, `z * (1 - z)` instead of `s * (1 - s)`.
#
# **Question for the room.** Why do the forward errors in the table shrink ten times when $h$ does, and the central errors a hundred times? Then: why does everything get worse for $h = 10^{-11}$? Let learners guess before you talk about rounding.

# %% [markdown]
# ## Softmax, derived
#
# The activations above act entry by entry: $z_i$ changes only $a_i$, so one derivative per unit, $f'(z_i)$, is enough, and $dz^n = da^n \odot f'^n(z^n)$. Softmax is different. In this section $z$ is one column of $z^n$, the inputs of the softmax, which libraries call the **logits**, and $s = \mathrm{softmax}(z)$ is the prediction $\hat y$. All the outputs $s_i = e^{z_i} / \sum_k e^{z_k}$ share the same denominator, so each $z_j$ changes every $s_i$. The derivative of softmax is therefore a matrix, its **Jacobian**: the entry in row $i$ and column $j$ is $\frac{\partial s_i}{\partial z_j}$, how output $i$ changes when input $j$ changes.
#
# The quotient rule, $\left(\frac{u}{v}\right)' = \frac{u'v - uv'}{v^2}$, gives it, with $u = e^{z_i}$ and $v = \sum_k e^{z_k}$. The numerator depends on $z_i$ only; the denominator depends on every $z_j$, with $\frac{\partial v}{\partial z_j} = e^{z_j}$. There are two cases:
#
# $$
# \frac{\partial s_i}{\partial z_i} = \frac{e^{z_i} \sum_k e^{z_k} - e^{z_i} e^{z_i}}{\left(\sum_k e^{z_k}\right)^2} = s_i - s_i^2 = s_i (1 - s_i), \qquad \frac{\partial s_i}{\partial z_j} = \frac{0 - e^{z_i} e^{z_j}}{\left(\sum_k e^{z_k}\right)^2} = -s_i s_j \quad (j \neq i).
# $$
#
# With $\delta_{ij}$ equal to 1 when $i = j$ and 0 otherwise (Kronecker's delta, not the $\delta^l$ of lesson 08), both cases are one formula:
#
# $$
# \frac{\partial s_i}{\partial z_j} = s_i (\delta_{ij} - s_j).
# $$
#
# On the diagonal, $s_i (1 - s_i)$ has the pattern of the sigmoid's derivative. Off the diagonal, $-s_i s_j$ is negative: raising $z_j$ lowers every other probability, because they still add up to 1.

# %% [markdown]
# Here is the Jacobian for the three classes of the example above, with each column checked by central differences: column $j$ is how $s$ moves when $z_j$ alone moves.

# %%
s = softmax(z_soft)
jacobian = np.diag(s[:, 0]) - s @ s.T  # s_i (δ_ij − s_j)
display(show(r"\partial s / \partial z", jacobian))

h = 1e-5
estimate = np.zeros((3, 3))
for j in range(3):
    step = np.zeros((3, 1))
    step[j] = h
    estimate[:, [j]] = (softmax(z_soft + step) - softmax(z_soft - step)) / (2 * h)
gap = np.abs(jacobian - estimate).max()
print(_("Largest difference between the Jacobian's formula and central differences: {gap}").format(gap=num(gap, 2)))

# %% [markdown]
# Read a column: when $z_j$ goes up, $s_j$ goes up (a positive entry on the diagonal) and the two other probabilities go down (negative entries). Each column adds up to 0, since the probabilities always add up to 1. The matrix is also symmetric, because $s_i s_j = s_j s_i$.

# %% [markdown]
# ### Back through the softmax
#
# The loss reaches $z_j$ through every $s_i$, so the chain rule adds up all these paths, one per output $i$. With $da^n_i = \frac{\partial L}{\partial s_i}$:
#
# $$
# dz^n_j = \frac{\partial L}{\partial z_j} = \sum_i \frac{\partial L}{\partial s_i} \frac{\partial s_i}{\partial z_j} = \sum_i da^n_i \, s_i (\delta_{ij} - s_j) = s_j \, da^n_j - s_j \sum_i s_i \, da^n_i.
# $$
#
# The sum $\sum_i s_i \, da^n_i = s^T \cdot da^n$ is one number per example, the same for every $j$. For the whole column:
#
# $$
# dz^n = s \odot \left(da^n - s^T \cdot da^n\right),
# $$
#
# where the number $s^T \cdot da^n$ is subtracted from every entry of $da^n$. This is the chain rule for a function of a vector, $dz^n = \left(\frac{\partial s}{\partial z}\right)^T \cdot da^n$, computed without building the matrix. Element by element, $da^n \odot f'(z)$ would keep only the term $i = j$ of the sum, the diagonal $s_j (1 - s_j) \, da^n_j$, and miss the paths through all the other outputs.

# %% [markdown]
# The cell below compares, for the cross-entropy example above, the diagonal alone, the product with the Jacobian, the formula, central differences of the loss with respect to $z$, and $\hat y - y$:


# %%
def compare(columns):
    widths = [max(10, len(label) + 2) for label in columns]
    print(_("class").rjust(6) + "".join(label.rjust(w) for label, w in zip(columns, widths, strict=True)))
    for i in range(3):
        row = [num(column[i, 0]).rjust(w) for column, w in zip(columns.values(), widths, strict=True)]
        print(str(i + 1).rjust(6) + "".join(row))


da = cross_entropy_da(s, y_soft)
z_nudged = z_soft.copy()
compare(
    {
        _("diagonal only"): s * (1 - s) * da,
        "(∂s/∂z)ᵀ da": jacobian.T @ da,
        "s ⊙ (da − sᵀda)": s * (da - s.T @ da),
        _("central differences"): numeric_gradient(lambda: cross_entropy(softmax(z_nudged), y_soft)[0], z_nudged),
        "ŷ − y": s - y_soft,
    }
)

# %% [markdown]
# The Jacobian, the formula and central differences agree, and they equal $\hat y - y$. The diagonal alone gets the right class right, but it gives 0 for the two others: $da^n$ is 0 there, because the loss $-\log \hat y_1$ does not look at them. Yet raising $z_2$ or $z_3$ lowers $\hat y_1$ through the shared denominator, and so raises the loss; only the entries off the diagonal carry this. With the diagonal alone, the network would never learn to lower the wrong classes.

# %% [markdown]
# ### With the cross-entropy: $\hat y - y$
#
# Here is the result of the section on the cross-entropy, derived. With the cross-entropy, $da^n = -\frac{y}{\hat y}$ entry by entry, and $s = \hat y$. Put them into the formula, one step at a time:
#
# $$
# \begin{aligned}
# dz^n &= \hat y \odot \left(da^n - \hat y^T \cdot da^n\right) \\
# &= \hat y \odot da^n - \left(\hat y^T \cdot da^n\right) \hat y \\
# &= \hat y \odot \left(-\frac{y}{\hat y}\right) - \left(\sum_i \hat y_i \left(-\frac{y_i}{\hat y_i}\right)\right) \hat y \\
# &= -y + \left(\sum_i y_i\right) \hat y \\
# &= \hat y - y.
# \end{aligned}
# $$
#
# The $\hat y_i$ of the denominator cancels in both terms, and the last step uses $\sum_i y_i = 1$: a one-hot target has a single 1. This is the simple $dz^n = \hat y - y$ that the engine uses for a softmax output with the cross-entropy, without computing $da^n$ at all. The cell below checks it on many random examples, one column each:

# %%
rng = np.random.default_rng(3)
m = 1000
z_many = rng.normal(0.0, 3.0, size=(3, m))
y_many = np.eye(3)[:, rng.integers(0, 3, size=m)]
y_hat_many = softmax(z_many)
dz_many = dz_from_da("softmax", cross_entropy_da(y_hat_many, y_many), z_many)
gap = np.abs(dz_many - (y_hat_many - y_many)).max()
text = ngettext(
    "Over {m} example, largest difference between s ⊙ (da − sᵀda) and ŷ − y: {gap}",
    "Over {m} examples, largest difference between s ⊙ (da − sᵀda) and ŷ − y: {gap}",
    m,
)
print(text.format(m=num(m), gap=num(gap, 2)))

# %% [markdown]
# **Exercise 03.4.** Not every loss gives such a simple $dz^n$. With a softmax output and the squared error, $da^n = \hat y - y$ as in exercise 03.1, and nothing cancels: $dz^n$ needs the general formula. For the example of three classes in the cell, compute $s = \mathrm{softmax}(z)$, then $dz^n = s \odot (da^n - s^T \cdot da^n)$. The function `softmax` is imported.

# %% tags=["exercise"]
z, y = given("03.4")
da = softmax(z) - y  # da^n = ŷ − y

dz = ...

check("03.4", dz)

# %% tags=["solution"]
z, y = given("03.4")
da = softmax(z) - y  # da^n = ŷ − y

s = softmax(z)
dz = s * (da - s.T @ da)

check("03.4", dz)

# %% [markdown]
# Compare your $dz^n$ with the diagonal alone, with the engine's `dz_from_da("softmax", da, z)`, and with central differences of the squared error with respect to $z$:

# %%
dz = answer("03.4", dz)
s = softmax(z)
z_nudged = z.copy()
compare(
    {
        _("diagonal only"): s * (1 - s) * da,
        "dz^n": dz,
        _("the engine"): dz_from_da("softmax", da, z),
        _("central differences"): numeric_gradient(lambda: mse(softmax(z_nudged), y)[0], z_nudged),
    }
)

# %% [markdown]
# Here the diagonal alone is wrong for every class, and in the first row even its sign is wrong: it would push $z_1$ the wrong way. The engine's `dz_from_da("softmax", da, z)` computes $s \odot (da^n - s^T \cdot da^n)$ for every column at once. With $m$ columns, `s.T @ da` would be an $m \times m$ matrix, so the engine takes the sum $\sum_i s_i \, da^n_i$ of each column, `(s * da).sum(axis=0, keepdims=True)`. A softmax layer in the loop of lesson 05 goes back the same way.

# %% [markdown] tags=["instructor"]
# **Softmax, derived.** The sentence that matters is "each $z_j$ changes every $s_i$". Before showing the Jacobian, ask the room: if $z_2$ goes up, what happens to $\hat y_1$? Many expect nothing. The table with the diagonal alone makes the answer concrete: the wrong classes get a gradient of 0. If time is short, skip the quotient rule and keep the Jacobian's table, the derivation of $\hat y - y$ and exercise 03.4: about 10 minutes.
#
# **Common mistakes in 03.4.** `s * (da - s * da)` for `s * (da - s.T @ da)`: it is exactly the diagonal $s \odot (1 - s) \odot da^n$ again, and the checker says so. `s @ da.T`, an outer product of shape 3 × 3. A missing outer $s$, or $s$ applied to $da^n$ only (`s * da - s.T @ da`). Learners who know matrices can check that `jacobian` is $\mathrm{diag}(s) - s \cdot s^T$.

# %% [markdown] tags=["instructor", "behind"]
# The day plan leaves out "Softmax, derived" with its exercise 03.4 (15 minutes): give them as homework to learners who will use softmax outputs. If the room is still behind, show the table of "Central differences" without discussing the forward difference, and in "Each activation and its derivative" keep only the plot (5 minutes); do 03.3 together on the projector.

# %% [markdown] tags=["key-points"]
# ## Key points
#
# - The loss $L$ measures one example; the cost $J = \frac{1}{m} \sum_k L_k$ averages it over the $m$ examples.
# - With $L = \frac{1}{2} \sum_i (\hat y_i - y_i)^2$, $da^n = \hat y - y$. Sigmoid with binary cross-entropy and softmax with cross-entropy both give $dz^n = \hat y - y$.
# - Central differences $\frac{f(x + h) - f(x - h)}{2h}$ estimate a derivative with an error that shrinks like $h^2$; `numeric_gradient` applies them to every entry of an array.
# - The chain rule multiplies local derivatives: $\frac{\partial L}{\partial w} = (a - y)\,\sigma'(z)\,x$. The activations' derivatives are $\sigma(1 - \sigma)$, $1 - \tanh^2$, 0 or 1 for ReLU (with $\mathrm{relu}'(0) = 0$) and 1 for the identity.
# - Softmax's derivative is a matrix, its Jacobian $\frac{\partial s_i}{\partial z_j} = s_i (\delta_{ij} - s_j)$: each $z_j$ changes every output, so $dz^n = s \odot (da^n - s^T \cdot da^n)$, not $da^n \odot f'(z^n)$. With the cross-entropy it becomes $\hat y - y$.
