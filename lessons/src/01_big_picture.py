# ---
# jupyter:
#   course:
#     minutes: {teaching: 15, exercises: 10}
#     part: core
#     glossary: [neural_network, neuron, weight, bias, prediction, target, forward_propagation, error, loss, loss_function, backpropagation, derivative, gradient, error_gradient, chain_rule, sigmoid, gradient_descent, learning_rate, iteration]
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["objectives"]
# # 01. The big picture
#
# A neural network learns by repeating four steps: it makes a prediction, measures its error, works out how each weight contributed to that error, and adjusts the weights. In this lesson you will:
#
# - name the four steps of one training iteration and say what each one computes;
# - compute, by hand, the prediction, the loss and the derivatives of a single neuron with the chain rule;
# - make one update of the weights and watch the loss go down, then repeat it.
#
# It takes about 25 minutes: 15 minutes of reading and 10 minutes of exercises.

# %% [markdown]
# Run the cell below first: it loads the tools of this lesson.

# %%
import matplotlib.pyplot as plt
import numpy as np

from course import Network, _, num
from course.activations import sigmoid, sigmoid_prime
from course.exercises import check
from course.plots import BLUE, GREY, ORANGE, figure

# %% [markdown]
# ## What a neural network does
#
# An artificial neural network is a model made of neurons. Each neuron receives numbers, multiplies each of them by a weight, adds them up together with a bias, and passes the result through an activation function. Neurons are arranged in layers, the outputs of one layer being the inputs of the next, and the last layer gives the network's prediction.
#
# The weights and the biases are the numbers the network can change. At the start they are almost random, so the predictions are poor. Learning means adjusting them, little by little, until the predictions match the expected values, the targets, on the training data.

# %% [markdown]
# ## Four steps, repeated
#
# Training repeats four steps:
#
# 1. **Forward propagation.** The network takes an input and passes it through its layers, one after the other, to compute a prediction.
# 2. **Computing the error.** The prediction is compared with the target. A loss function turns the difference into one number, the loss: zero for a perfect prediction, larger for a worse one.
# 3. **Backward propagation.** Starting from the output and going back towards the input, we compute how the loss changes when each weight changes a little: the derivative of the loss with respect to each weight. Together these derivatives form the gradient. Backpropagation is the name of this step.
# 4. **Adjusting the weights.** Each weight takes a small step in the direction that makes the loss smaller, a step proportional to its derivative. This is gradient descent, and the size of the step is set by the learning rate $\alpha$.
#
# One pass through the four steps is an **iteration**. After the adjustment, the next iteration starts again from step 1 with the new weights, and, when the learning rate is well chosen, the loss goes down a little more each time.

# %%
steps = [
    _("1. forward\npropagation"),
    _("2. computing\nthe error"),
    _("3. backward\npropagation"),
    _("4. adjusting\nthe weights"),
]
fig, ax = figure(size=(8.0, 2.2))
ax.set_axis_off()
ax.set_xlim(-0.6, 3.6)
ax.set_ylim(-1.0, 0.5)
for k, text in enumerate(steps):
    color = BLUE if k < 2 else ORANGE
    ax.text(k, 0, text, ha="center", va="center", fontsize=10, bbox={"boxstyle": "round", "fc": "white", "ec": color})
for k in range(3):
    ax.annotate("", xy=(k + 0.6, 0), xytext=(k + 0.4, 0), arrowprops={"arrowstyle": "->", "color": GREY})
ax.annotate(
    "",
    xy=(0, -0.3),
    xytext=(3, -0.3),
    arrowprops={"arrowstyle": "->", "color": GREY, "connectionstyle": "arc3,rad=-0.25"},
)
ax.text(1.5, -0.85, _("next iteration, with the new weights"), ha="center", va="center", color=GREY)
plt.show()

# %% [markdown]
# The rest of this lesson runs the four steps on the smallest network there is: one neuron with one input. Every number is computed in front of you, so nothing is hidden. The following lessons do the same with layers of many neurons, and the steps stay the same.

# %% [markdown]
# ## One neuron
#
# Our neuron has one input $x$, one weight $w$ and one bias $b$. It computes its weighted input $z$ and then its activation $a$ with the sigmoid function $\sigma$:
#
# $$
# z = w x + b, \qquad a = \sigma(z) = \frac{1}{1 + e^{-z}}.
# $$
#
# The sigmoid squeezes any number into the interval from 0 to 1, so $a$ can be read as the neuron's answer on a scale from 0 to 1. For the input $x$ = 1.5 we want the answer $y = 0$: $y$ is the target. The weight and the bias start at $w$ = 0.5 and $b$ = 0.1.

# %%
x, y = 1.5, 0.0
w, b = 0.5, 0.1
alpha = 1.0

# %% [markdown]
# ## Step 1: forward propagation
#
# The input goes through the neuron: first the weighted input, then the activation. Here $z$ = 0.5 × 1.5 + 0.1 = 0.85.

# %% tags=["live"]
z = w * x + b
a = sigmoid(z)
print(_("z = w x + b = {z}").format(z=num(z)))
print(_("a = σ(z) = {a}").format(a=num(a)))

# %% [markdown]
# The neuron answers about 0.7 where we wanted 0: the prediction is poor, which is normal for a neuron that has not learned anything yet.

# %% [markdown]
# ## Step 2: computing the error
#
# We measure the error with the loss
#
# $$
# L = \frac{1}{2} (a - y)^2.
# $$
#
# Squaring makes every error count as positive and makes large errors count much more than small ones. The factor $\frac{1}{2}$ is there for convenience: it cancels the 2 that appears when we take the derivative of the square.

# %%
L = 0.5 * (a - y) ** 2
print(_("L = ½ (a − y)² = {L}").format(L=num(L)))

# %% [markdown]
# ## Step 3: backward propagation
#
# To improve, the neuron needs to know how the loss changes when $w$ changes a little: the derivative $\frac{dL}{dw}$. The loss does not depend on $w$ directly: $w$ changes $z$, $z$ changes $a$, and $a$ changes $L$. The chain rule says that the rates of change along such a chain multiply:
#
# $$
# \frac{dL}{dw} = \frac{dL}{da} \cdot \frac{da}{dz} \cdot \frac{dz}{dw}.
# $$
#
# Each factor is a simple derivative of one link of the chain. The derivative of $\frac{1}{2}(a - y)^2$ with respect to $a$ is $a - y$. The derivative of the sigmoid has a neat form, $\sigma'(z) = \sigma(z)\,(1 - \sigma(z))$. And since $z = w x + b$, the derivative of $z$ with respect to $w$ is $x$. Put together:
#
# $$
# \frac{dL}{dw} = (a - y)\,\sigma'(z)\,x, \qquad \frac{dL}{db} = (a - y)\,\sigma'(z).
# $$
#
# The bias has the same chain except for the last link: the derivative of $z$ with respect to $b$ is 1.

# %% tags=["live"]
dL_da = a - y
da_dz = sigmoid_prime(z)
dz_dw = x
dL_dw = dL_da * da_dz * dz_dw
dL_db = dL_da * da_dz
print(_("dL/da = a − y = {value}").format(value=num(dL_da)))
print(_("da/dz = σ'(z) = {value}").format(value=num(da_dz)))
print(_("dz/dw = x = {value}").format(value=num(dz_dw)))
print(_("dL/dw = {dw}   and   dL/db = {db}").format(dw=num(dL_dw), db=num(dL_db)))

# %% [markdown]
# Read the signs. $\frac{dL}{dw}$ is positive: making $w$ a little larger would make the loss larger. So, to lower the loss, $w$ must go down, and so must $b$. The size of each derivative says how strongly the loss reacts: it reacts more to $w$ than to $b$ here, because $x$ = 1.5 amplifies every change of $w$.

# %% [markdown]
# ## Step 4: adjusting the weights
#
# Gradient descent moves each parameter against its derivative, by a step proportional to the learning rate $\alpha$:
#
# $$
# w \leftarrow w - \alpha \frac{dL}{dw}, \qquad b \leftarrow b - \alpha \frac{dL}{db}.
# $$
#
# We take $\alpha = 1$. Then we run the forward pass again to see what the change did to the loss.

# %% tags=["live"]
w_new = w - alpha * dL_dw
b_new = b - alpha * dL_db
L_new = 0.5 * (sigmoid(w_new * x + b_new) - y) ** 2
print(_("w: {before} → {after}").format(before=num(w), after=num(w_new)))
print(_("b: {before} → {after}").format(before=num(b), after=num(b_new)))
print(_("The loss went down from {before} to {after}.").format(before=num(L), after=num(L_new)))

# %% [markdown]
# One iteration lowered the loss from about 0.245 to about 0.175. That is the whole idea of training: the derivatives tell every parameter which way to move, and a small step in that direction makes the prediction a little better.

# %% [markdown]
# ## Iterating
#
# Now we repeat the four steps 30 times, starting from the same $w$ and $b$, and keep the loss of each iteration.

# %%
w, b = 0.5, 0.1
losses = []
for _iteration in range(30):
    z = w * x + b
    a = sigmoid(z)
    losses.append(0.5 * (a - y) ** 2)
    dL_dz = (a - y) * sigmoid_prime(z)
    w = w - alpha * dL_dz * x
    b = b - alpha * dL_dz

fig, ax = figure(layout="constrained")
ax.plot(np.arange(1, 31), losses, marker="o", markersize=3, color=BLUE)
ax.set_xlabel(_("iteration"))
ax.set_ylabel(_("loss L"))
ax.set_title(_("The loss of one neuron, iteration after iteration"))
plt.show()

# %%
print(
    _("After 30 iterations: w = {w}, b = {b}, the neuron answers a = {a} and the loss is {L}.").format(
        w=num(w), b=num(b), a=num(sigmoid(w * x + b)), L=num(0.5 * (sigmoid(w * x + b) - y) ** 2)
    )
)

# %% [markdown]
# The loss falls quickly at first, then more and more slowly, because the steps shrink: both steps, of $w$ and of $b$, are proportional to $\frac{dL}{dz} = (a - y)\,\sigma'(z)$, and both factors shrink as the neuron learns. Which one shrinks more? Let us compare the first iteration with the neuron we have now.

# %%
z_start, z_now = 0.5 * x + 0.1, w * x + b
error_ratio = (sigmoid(z_start) - y) / (sigmoid(z_now) - y)
slope_ratio = sigmoid_prime(z_start) / sigmoid_prime(z_now)
print(
    _(
        "dL/dz is {total} times smaller than at the first iteration: the error a − y is {error} times smaller, σ'(z) only {slope} times."
    ).format(total=num(error_ratio * slope_ratio, 3), error=num(error_ratio, 3), slope=num(slope_ratio, 3))
)

# %% [markdown]
# So the neuron slows down mostly because it gets close to its target: the error $a - y$, which drives every step, becomes small. The flattening sigmoid adds to it, because $\sigma'(z)$ shrinks as $a$ moves towards 0, but less. Lesson 03 shows how the choice of the loss changes this, and lesson 06 what the learning rate changes.

# %% [markdown]
# ## The same neuron in the course's notation
#
# Our neuron is a network with $n = 1$ layer, one input and one unit: $W^1$ is the $1 \times 1$ matrix holding $w$ and $b^1$ holds $b$. The lessons to come write the backward pass with the names $da^1$, $dz^1$, $dW^1$ and $db^1$, and they are exactly the factors we just computed:
#
# $$
# da^1 = a^1 - y, \qquad dz^1 = da^1 \odot \sigma'(z^1), \qquad dW^1 = dz^1 \cdot (a^0)^T, \qquad db^1 = dz^1,
# $$
#
# with $a^0 = x$. The course's engine, `course.Network`, computes these for any number of layers. Given the starting values of our neuron, it finds the same derivatives:

# %%
net = Network([1, 1], f="sigmoid", loss="mse")
net.W[1] = np.array([[0.5]])
net.b[1] = np.array([[0.1]])
net.forward(np.array([[x]]))
net.backward(np.array([[y]]))
print(_("By hand: dL/dw = {dw} and dL/db = {db}.").format(dw=num(dL_dw), db=num(dL_db)))
print(_("Engine:  dW^1 = {dW} and db^1 = {db}.").format(dW=num(net.dW[1][0, 0]), db=num(net.db[1][0, 0])))

# %% [markdown]
# ## Exercises
#
# The exercises use a new neuron: its input, target, weight and bias are given in each cell.

# %% [markdown]
# **Exercise 01.1.** Compute the weighted input $z = w x + b$ of a neuron with $w$ = −1.2, $x$ = 0.5 and $b$ = 0.3.

# %% tags=["exercise"]
w, x, b = -1.2, 0.5, 0.3

z = ...

check("01.1", z)

# %% tags=["solution"]
w, x, b = -1.2, 0.5, 0.3

z = w * x + b

check("01.1", z)

# %% [markdown]
# **Exercise 01.2.** A neuron has $w$ = 0.3 and $b$ = 0.4; for the input $x = -2$ its target is $y = 1$. Its loss is $L = \frac{1}{2}(a - y)^2$ with $a = \sigma(w x + b)$. Compute $\frac{dL}{dw}$ with the chain rule. `sigmoid` and `sigmoid_prime` are imported.

# %% tags=["exercise"]
w, b, x, y = 0.3, 0.4, -2.0, 1.0

dL_dw = ...

check("01.2", dL_dw)

# %% tags=["solution"]
w, b, x, y = 0.3, 0.4, -2.0, 1.0

z = w * x + b
a = sigmoid(z)
dL_dw = (a - y) * sigmoid_prime(z) * x

check("01.2", dL_dw)

# %% [markdown]
# **Exercise 01.3.** Same neuron: make one step of gradient descent on $w$ with the learning rate $\alpha$ = 0.5. What is the new value of $w$?

# %% tags=["exercise"]
w, b, x, y = 0.3, 0.4, -2.0, 1.0
alpha = 0.5

w_new = ...

check("01.3", w_new)

# %% tags=["solution"]
w, b, x, y = 0.3, 0.4, -2.0, 1.0
alpha = 0.5

z = w * x + b
a = sigmoid(z)
dL_dw = (a - y) * sigmoid_prime(z) * x
w_new = w - alpha * dL_dw

check("01.3", w_new)

# %% [markdown]
# Check your result against intuition: here $x$ is negative and the neuron answers too low ($a < y$). Should $w$ go up or down to raise $a$? Your answer to 01.3 should agree.

# %% [markdown] tags=["instructor"]
# **Where learners get stuck.** Many learners treat the chain rule as a formula to memorise. Draw the chain $w \to z \to a \to L$ on the board and write one local derivative under each arrow; the product is the answer to 01.2. Ask: "if $w$ grows by 0.01, by how much does $z$ grow? and $a$? and $L$?" and compute it with the numbers of the lesson.
#
# **Common mistakes.** Forgetting $\sigma'(z)$ in 01.2 (the checker says so), writing $y - a$ instead of $a - y$, and adding $\alpha \frac{dL}{dw}$ in 01.3 instead of subtracting it. For the last one, ask the room why we subtract: the derivative points uphill.
#
# **Question for the room.** In the plot, why does the loss fall more and more slowly? Most answer "the sigmoid is flat"; the cell after the plot measures it: the error $a - y$ shrinks much more than $\sigma'(z)$. Both factors of $\frac{dL}{dz}$ shrink, and the error is the main one. This prepares lesson 03 (a loss whose gradient does not shrink with $\sigma'$) and lesson 06 (learning rates).

# %% [markdown] tags=["instructor", "behind"]
# Nothing in this lesson is left out of the day plan. If the room is behind, live-code steps 1 to 4 on the one neuron, skip "Iterating" and "The same neuron in the course's notation" (5 minutes, lesson 04 repeats the notation), and give exercise 01.3 as homework (5 minutes).

# %% [markdown] tags=["key-points"]
# ## Key points
#
# - One training iteration has four steps: forward propagation, computing the error, backward propagation, adjusting the weights.
# - The loss $L = \frac{1}{2}(a - y)^2$ measures the error of one prediction; training makes it smaller.
# - The chain rule multiplies local derivatives: $\frac{dL}{dw} = (a - y)\,\sigma'(z)\,x$ for one sigmoid neuron.
# - Gradient descent moves each parameter against its derivative: $w \leftarrow w - \alpha \frac{dL}{dw}$. Repeating the four steps lowers the loss iteration after iteration.
