# ---
# jupyter:
#   course:
#     minutes: {teaching: 15, exercises: 10}
#     part: core
#     optional_minutes: 5
#     glossary: [gradient_descent, learning_rate, hyperparameter, divergence, learning_curve, gradient, weight_gradient, bias_gradient, cost_function, iteration, optimization_algorithm]
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown] tags=["objectives"]
# # 06. Gradient descent and the learning rate α
#
# Backpropagation gives the derivative of the loss with respect to every weight and every bias. Gradient descent turns these derivatives into learning. In this lesson you will:
#
# - write the update $W^l \leftarrow W^l - \alpha\, dW^l$, $b^l \leftarrow b^l - \alpha\, db^l$ and explain why it subtracts;
# - run gradient descent by hand on a function of one variable, then on a small network;
# - recognize a learning rate $\alpha$ that is too small, a good one and one that is too large, from the learning curve, and know what to do about each.
#
# It takes about 25 minutes: 15 minutes of reading and 10 minutes of exercises.

# %% [markdown]
# Run the cell below first: it loads the tools of this lesson.

# %%
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import display

from course import DivergenceError, Network, _, num
from course.diagnosis import diverged
from course.exercises import check, given
from course.plots import BLUE, GREY, ORANGE, RED, figure
from course.widgets import AlphaExplorer

# %% [markdown]
# ## The update
#
# After the backward pass, every layer $l$ has its gradients $dW^l$ and $db^l$, with exactly the shapes of $W^l$ and $b^l$. Gradient descent uses them to change the parameters of every layer, $l = 1, \dots, n$:
#
# $$
# W^l \leftarrow W^l - \alpha\, dW^l, \qquad b^l \leftarrow b^l - \alpha\, db^l
# $$
#
# The arrow means "is replaced by": the new $W^l$ is the old one minus $\alpha$ times its gradient, entry by entry, so each weight moves according to its own derivative. The positive number $\alpha$ is the **learning rate**: it sets the size of the steps.
#
# One update after one forward and one backward pass is one step, or iteration. Gradient descent repeats steps: forward, backward, update, forward again with the new weights, and so on.

# %% [markdown]
# ## Why minus
#
# A derivative is a slope. If $dW^l_{ij}$ is positive, a slightly larger $W^l_{ij}$ would make the loss larger, so the weight must go down; if $dW^l_{ij}$ is negative, the weight must go up. Subtracting $\alpha\, dW^l_{ij}$ does the right thing in both cases: the gradient points uphill, and we walk the other way, downhill.
#
# We can say it more precisely. When every weight changes by a small amount $\Delta W^l_{ij}$, the loss changes by about $\sum_{i,j} dW^l_{ij}\, \Delta W^l_{ij}$: that is what a derivative means. With $\Delta W^l = -\alpha\, dW^l$, this change is
#
# $$
# \Delta L \approx -\alpha \sum_{i,j} \left(dW^l_{ij}\right)^2,
# $$
#
# minus $\alpha$ times a sum of squares: it is never positive. The same holds for the biases and for every layer. The $\approx$ matters, though: it is only true for small steps, and that is why the size of $\alpha$ matters.

# %% [markdown]
# Let us check it on a small network: a 2-3-1 network with the sigmoid, the squared-error loss and one example, as in lesson 04. We make one step with $-\alpha$ and, for comparison, one step with $+\alpha$, both from the same weights, with $\alpha$ = 0.5: `loss_after(sign)` moves every $W^l$ and $b^l$ by `sign` × $\alpha$ times its gradient, and returns the new loss.

# %% tags=["live"]
net = Network([2, 3, 1], f="sigmoid", loss="mse", seed=1)
x = np.array([[0.5], [-1.0]])
y = np.array([[1.0]])
alpha = 0.5


def loss_after(sign):
    moved = Network([2, 3, 1], f="sigmoid", loss="mse", seed=1)
    for l in range(1, moved.n + 1):
        moved.W[l] = net.W[l] + sign * alpha * net.dW[l]
        moved.b[l] = net.b[l] + sign * alpha * net.db[l]
    moved.forward(x)
    return moved.cost(y)


net.forward(x)
L = net.cost(y)
net.backward(y)
squares = sum(float((net.dW[l] ** 2).sum() + (net.db[l] ** 2).sum()) for l in range(1, net.n + 1))
print(_("Loss before the step: L = {L}").format(L=num(L)))
print(_("After W^l − α dW^l and b^l − α db^l: L = {L}").format(L=num(loss_after(-1))))
print(_("After W^l + α dW^l and b^l + α db^l: L = {L}").format(L=num(loss_after(+1))))
print(_("Change predicted by −α × (sum of the squared gradients): {change}").format(change=num(-alpha * squares)))

# %% [markdown]
# With the minus sign the loss goes down, with the plus sign it goes up, by about the same amount. The change predicted by the formula is close to the real one, but not equal: the formula only looks at the slope, and the loss curves a little over the length of the step.

# %% [markdown]
# ## Gradient descent on a parabola
#
# The effect of $\alpha$ is easiest to see with a single parameter. Take $f(w) = w^2$, whose minimum is at $w = 0$, and whose derivative is $f'(w) = 2w$. Gradient descent on $w$ is
#
# $$
# w \leftarrow w - \alpha\, f'(w) = w - 2 \alpha w.
# $$
#
# We start at $w$ = 2 and make 8 steps with three learning rates: 0.05, 0.3 and 1.05. `descend(alpha)` returns the values of $w$ along the way, the starting point included.


# %% tags=["live"]
def descend(alpha, w=2.0, steps=8):
    path = [w]
    for _step in range(steps):
        w = w - alpha * 2 * w
        path.append(w)
    return np.array(path)


alphas = [0.05, 0.3, 1.05]
titles = [_("α = {alpha}: too small"), _("α = {alpha}: good"), _("α = {alpha}: too large")]
curve = np.linspace(-4.6, 4.6, 200)
fig, axes = figure(ncols=3, size=(9.0, 3.0), sharey=True)
for ax, a, title in zip(axes, alphas, titles, strict=True):
    path = descend(a)
    ax.plot(curve, curve**2, color=GREY, linewidth=1)
    ax.plot(path, path**2, color=ORANGE, linewidth=1, marker="o", markersize=4)
    ax.plot(path[:1], path[:1] ** 2, color=BLUE, marker="o", markersize=7, linestyle="")
    ax.set_title(title.format(alpha=num(a)))
    ax.set_xlabel("w")
axes[0].set_ylabel("f(w) = w²")
fig.subplots_adjust(left=0.07, right=0.98, bottom=0.16, top=0.9, wspace=0.12)
plt.show()

# %% [markdown]
# The blue dot is the start, the orange dots are the 8 steps. On the left the steps are tiny: after 8 of them $w$ is still far from 0. In the middle, $w$ reaches the bottom in a few steps. On the right, each step jumps over the minimum to the other side, and lands higher than it started: $w$ moves away from the minimum, further at every step.

# %%
for a in alphas:
    path = descend(a)
    print(
        _("α = {alpha}: each step multiplies w by {factor}; after 8 steps w = {w}.").format(
            alpha=num(a), factor=num(path[1] / path[0]), w=num(path[-1])
        )
    )

# %% [markdown]
# Why a constant factor? Because $w - 2 \alpha w = (1 - 2 \alpha)\, w$: every step multiplies $w$, the distance to the minimum, by the same number $1 - 2\alpha$. When this number is between −1 and 1, the distance shrinks at every step and gradient descent converges. When it is negative, $w$ changes sign at every step: the steps overshoot, and jump from one side of the minimum to the other. When it is below −1, each jump lands further away than the last one: gradient descent **diverges**.
#
# Notice the special value $\alpha$ = 0.5, where the factor is 0 and a single step lands exactly on the minimum. For a network there is no such value: each weight sees a different curvature, and we never know them all.

# %% [markdown] tags=["instructor"]
# Before running the comparison of $-\alpha$ and $+\alpha$, ask the room: "what happens to the loss if we add $\alpha\, dW^l$ instead of subtracting it?" Then ask why the predicted change is not exactly the real one. The answer (the slope changes along the step) prepares the parabola: when the step is long, the slope at the start no longer describes the function, and a step can overshoot.
#
# On the parabola, ask the room to predict what $\alpha$ = 0.75 does before anyone computes it. The factor is $1 - 1.5 = -0.5$: the steps overshoot, jump from side to side, and still converge. Overshooting is not the same as diverging; diverging is overshooting by more than the distance to the minimum. Exercise 06.2 asks for the limit.
#
# A common confusion: learners think the gradient points "towards the minimum". It points uphill, in the direction where the loss grows fastest; the minimum is somewhere in the opposite direction, at an unknown distance. The step size is our guess of how far to go.

# %% [markdown]
# ## Gradient descent on a network
#
# A network has many parameters and its cost $J$ is not a parabola, but the same three behaviours appear. Our network has one input, a hidden layer of 8 units with tanh and one output unit with the identity, $f^2(z) = z$: it learns a curve, $y = \sin(1.5\,x)$, from 40 points. Its cost is the mean squared error. With $m$ = 40 examples, $dW^l$ and $db^l$ are the gradients of the cost $J$, the mean of the losses over the examples; lesson 08 shows how the backward pass computes them. `net.train(x, y, alpha, steps=200)` runs 200 steps of gradient descent on all 40 points and returns the cost $J$ before each step: the learning curve.

# %%
x_curve = np.linspace(-2.0, 2.0, 40).reshape(1, 40)
y_curve = np.sin(1.5 * x_curve)
histories, trained = {}, {}
for a in [0.01, 0.5]:
    trained[a] = Network([1, 8, 1], f="tanh", f_out="identity", loss="mse", seed=0)
    histories[a] = trained[a].train(x_curve, y_curve, alpha=a, steps=200)
    print(
        _("α = {alpha}: the cost went from {first} to {last} in 200 steps.").format(
            alpha=num(a), first=num(histories[a][0]), last=num(histories[a][-1])
        )
    )

# %% [markdown]
# Both runs start from the same weights, so with the same cost, and both go down. With $\alpha$ = 0.5 the cost is about ten times lower after 200 steps than with $\alpha$ = 0.01. Now a larger learning rate, $\alpha$ = 2. When the cost becomes infinite or not a number, the engine stops and raises a `DivergenceError`, whose message says what happened; we catch it and print it.

# %%
try:
    Network([1, 8, 1], f="tanh", f_out="identity", loss="mse", seed=0).train(x_curve, y_curve, alpha=2.0, steps=200)
except DivergenceError as error:
    print(error)
    histories[2.0], diverged_at = error.history, error.step
    first_costs = "; ".join(num(J) for J in error.history[:6])
    print(_("The first costs: {costs}").format(costs=first_costs))

# %% [markdown]
# The cost did not become infinite at once: after 5 steps it was already millions of times larger than at the start, and it kept growing until the numbers overflowed. This is the parabola with a factor below −1, in many dimensions.
#
# The engine's message knows only this run, so it suggests a tenth of $\alpha$. The module `course.diagnosis` looks at a learning curve and says what went wrong in the same words; given the runs we tried, its suggestion is better informed: the largest $\alpha$ among them that did not diverge.

# %%
print(diverged(histories[2.0], 2.0, tried={0.01: histories[0.01], 0.5: histories[0.5]}, step=diverged_at))

# %%
fig, (ax_cost, ax_fit) = figure(ncols=2, size=(9.0, 3.4))
colors = {0.01: BLUE, 0.5: ORANGE, 2.0: RED}
for a, history in histories.items():
    shown = np.array(history[: next((k + 1 for k, J in enumerate(history) if J > 100), len(history))])
    ax_cost.plot(np.arange(1, len(shown) + 1), shown, color=colors[a], label=f"α = {num(a)}")
ax_cost.set_yscale("log")
ax_cost.set_ylim(1e-3, 1e2)
ax_cost.set_xlabel(_("step"))
ax_cost.set_title(_("Learning curves: the cost J"))
ax_cost.legend()
ax_fit.plot(x_curve[0], y_curve[0], "o", color=GREY, markersize=3, label=_("data"))
for a, model in trained.items():
    ax_fit.plot(x_curve[0], model.forward(x_curve)[0], color=colors[a], label=f"α = {num(a)}")
ax_fit.set_xlabel("x")
ax_fit.set_title(_("What the network learned in 200 steps"))
ax_fit.legend()
fig.subplots_adjust(left=0.07, right=0.98, bottom=0.14, top=0.91, wspace=0.2)
plt.show()

# %% [markdown]
# On the left, the learning curves, on a logarithmic scale. The blue one ($\alpha$ = 0.01) goes down slowly: it would get there with many more steps, but every step costs time. The orange one ($\alpha$ = 0.5) drops fast. The red one ($\alpha$ = 2) shoots up out of the picture. On the right, what the two calm runs learned in those 200 steps: the slow run has only the rough shape of the curve, the fast one is much closer to the data.

# %% [markdown]
# ## The learning rate is a hyperparameter
#
# The weights and the biases are learned from the data; $\alpha$ is not. It is a **hyperparameter**: a setting you choose before training, like the sizes of the layers. The right $\alpha$ depends on the network, the data and the loss, and there is no formula for it. In practice:
#
# - try values ten times apart, such as 0.001, 0.01, 0.1, 1 and 10, and draw their learning curves;
# - a curve that goes down very slowly asks for a larger $\alpha$; a curve that jumps up, or ends in a divergence, asks for a smaller one;
# - keep the largest $\alpha$ whose curve goes down steadily, then refine around it.

# %% [markdown]
# ## The α explorer
#
# The widget below trains the same network from the same initial weights with five learning rates, from 0.001 to 10, and draws their learning curves on one plot, on a logarithmic scale. The network is a classifier with two hidden layers of 8 units (2-8-8-1), learning the "moons" data set that lesson 07 presents, with 100 examples. Your own $\alpha$, chosen with the slider, is drawn thick and black, and the text under the plot gives the final cost of every run.
#
# Its output unit is a sigmoid with the binary cross-entropy loss, computed from $z^n$ as lesson 04 showed: a confidently wrong output costs about $|z^n|$, which can be large but stays finite. So the explorer judges every run at its end, by the engine's rule: a run diverged if its cost became infinite, or if it ended (over its last steps) more than ten times above its first value; a red cross marks it. A curve that jumps up and then comes back down has overshot and recovered, and did not diverge.

# %%
explorer = AlphaExplorer(alpha=0.3, steps=100, m=100)
display(explorer)

# %%
print(explorer.summary())

# %% [markdown]
# Move the slider, then run the cell above again to print the new summary. Things to try:
#
# - find the largest $\alpha$ that does not diverge; how does its curve look just before the limit?
# - compare $\alpha$ = 1 with a value near 3 and one near 6: is a larger $\alpha$ always better?
# - choose an $\alpha$ near the limit and watch the curve: cost that jumps up for a few steps and then comes down again is the network overshooting, and recovering.

# %% [markdown] tags=["instructor"]
# The explorer redraws within a tenth of a second when the slider moves: each new $\alpha$ trains a network for the chosen number of steps. Ask learners to report the largest $\alpha$ that did not diverge and the best final cost they found, and compare across the room. With 100 steps the lowest final costs come from $\alpha$ between 4 and 6, the curves jump higher and higher as $\alpha$ grows, and $\alpha$ near 8 diverges: the best $\alpha$ is often just below the limit where training diverges, which is why practitioners look for that limit first and then back off a little.

# %% [markdown]
# ## Exercises
#
# **Exercise 06.1.** A 3-4-2 network has run its forward and backward passes on one example: `W1` holds its $W^1$ and `dW1` holds $dW^1$. Compute the new $W^1$ after one step of gradient descent with $\alpha$ = 0.1.

# %% tags=["exercise"]
W1, dW1 = given("06.1")
alpha = 0.1
W_new = ...
check("06.1", W_new)

# %% tags=["solution"]
W1, dW1 = given("06.1")
alpha = 0.1
W_new = W1 - alpha * dW1
check("06.1", W_new)

# %% [markdown]
# **Exercise 06.2.** Gradient descent on $f(w) = c\, w^2$, with $c$ = 2.5. Which learning rates make it converge, whatever the starting point? Compute the largest one, the limit `alpha_max` above which it diverges. Start from the derivative $f'(w)$, write one step as $w \leftarrow (\dots)\, w$, and ask when the factor is between −1 and 1.

# %% tags=["exercise"]
c = 2.5
alpha_max = ...
check("06.2", alpha_max)

# %% tags=["solution"]
c = 2.5
alpha_max = 1 / c
check("06.2", alpha_max)

# %% [markdown]
# Check your answer by experiment: 50 steps from $w$ = 1, with a learning rate just below the limit and one just above it.

# %%
for a in [0.95 / c, 1.05 / c]:
    w = 1.0
    for _step in range(50):
        w = w - a * 2 * c * w
    print(_("α = {alpha}: after 50 steps, w = {w}").format(alpha=num(a), w=num(w)))

# %% [markdown]
# The larger $c$, and so the curvature, the smaller the largest safe $\alpha$: the curvature of $f(w) = c\, w^2$ is its second derivative $f'' = 2c$, and the limit is $\alpha = 2 / f'' = 1/c$. The slope, the gradient, says how far a step goes; the curvature says whether it overshoots. A network has many directions with many curvatures, and the most curved one sets the limit for all of them: that is why a too large $\alpha$ makes the whole network diverge, even if most weights could take larger steps.

# %% [markdown] tags=["instructor"]
# In 06.1 the usual slips are $W + \alpha\, dW$ and forgetting $\alpha$; the checker names both. In 06.2, most wrong answers are $2/c$ (taking $f'(w) = c\,w$, forgetting the 2 of the derivative) and $1/(2c)$ (the $\alpha$ that reaches the minimum in one step, where the factor is 0, which is the fastest $\alpha$ but not the largest). Ask those who answer $1/(2c)$ what happens between $1/(2c)$ and $1/c$: overshooting, but converging.

# %% [markdown] tags=["instructor", "behind"]
# The day plan leaves out "The α explorer" (5 minutes): learners can play with it at home. If the room is still behind, show the figure of "Gradient descent on a network" without running its cells, and give exercise 06.2 as homework (5 minutes).

# %% [markdown] tags=["key-points"]
# ## Key points
#
# - Gradient descent updates every layer with $W^l \leftarrow W^l - \alpha\, dW^l$ and $b^l \leftarrow b^l - \alpha\, db^l$, and repeats: forward pass, backward pass, update.
# - The minus sign walks downhill: the gradient points in the direction where the loss grows, and for a small step the loss changes by about $-\alpha$ times the sum of the squared gradients.
# - Too small an $\alpha$ learns slowly; too large an $\alpha$ overshoots the minimum, and beyond a limit the cost grows at every step: it diverges. On $f(w) = c\, w^2$ the limit is $\alpha = 1/c$.
# - $\alpha$ is a hyperparameter: try values ten times apart, read the learning curves, and keep the largest $\alpha$ whose cost goes down steadily.
