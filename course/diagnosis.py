"""What went wrong in a training run, said in the learner's language (lessons 05, 06, 07 and 11).

Pure functions: each takes what training produced (the history of the loss J, the norms
‖dW^l‖, the pre-activations z^l, a gradient check) and returns a sentence in the current
language, or None when there is nothing to say. The α explorer and the playground show
these sentences under their plots; lessons may print them.
"""

from __future__ import annotations

import math

import numpy as np

from .engine import diverged_message, final_cost, overshoot_step
from .i18n import _, ngettext, num, percent

VANISHING_RATIO = 1e-3
EXPLODING_RATIO = 10.0
TINY = 1e-6
DEAD_FRACTION = 0.25
PROGRESS = 0.01


def divergence_step(history) -> int | None:
    """The step (from 1) where the cost J diverged for good, or None (lesson 06).

    The engine's rule (:func:`course.engine.overshoot_step`): J became infinite or NaN, or it
    ended more than ten times above its first value. Judged at the end of the run: J that
    jumps up and then comes back down has recovered, and did not diverge.
    """
    return overshoot_step(history)


def safer_alpha(alpha: float, tried=None) -> float:
    """A learning rate that should not diverge (lesson 06).

    ``tried`` maps other α to their cost history: the largest of them below ``alpha`` that
    did not diverge is the answer; without one, α/10.
    """
    calm = [a for a, history in (tried or {}).items() if a < alpha and divergence_step(history) is None]
    return max(calm) if calm else alpha / 10


def diverged(history, alpha: float, tried=None, step: int | None = None) -> str | None:
    """The cost J diverged: at which step, and one safer α (lesson 06). ``step`` overrides the step found in ``history``."""
    step = step if step is not None else divergence_step(history)
    if step is None:
        return None
    return diverged_message(step, alpha, safer_alpha(alpha, tried))


def gradient_norms(dW) -> dict:
    """‖dW^l‖ (the Frobenius norm: square root of the sum of the squares) for every layer l (lesson 06)."""
    return {l: float(np.linalg.norm(dW[l])) for l in sorted(dW)}


def vanishing_gradients(norms, ratio: float = VANISHING_RATIO, f=None) -> str | None:
    """The first layer's ‖dW^1‖ is below ``ratio`` times the last layer's ‖dW^n‖ (lesson 06).

    ``f`` maps each layer l to its activation's name (``net.f``): the advice depends on it.
    """
    if len(norms) < 2:
        return None
    first, last = min(norms), max(norms)
    if not (math.isfinite(norms[first]) and math.isfinite(norms[last])) or norms[first] >= ratio * norms[last]:
        return None
    listed = ", ".join(f"‖dW^{l}‖ = {num(norms[l], 2)}" for l in sorted(norms))
    found = _(
        "The gradients vanish: ‖dW^{first}‖ is less than {ratio} times ‖dW^{last}‖, so the first layers barely learn ({norms})."
    ).format(first=first, last=last, ratio=num(ratio), norms=listed)
    hidden = [f[l] for l in range(1, last)] if f is not None else ["sigmoid"]
    if "sigmoid" in hidden:
        advice = _("Try tanh or ReLU instead of the sigmoid, or fewer layers.")
    elif "relu" in hidden:
        advice = _("Dead ReLU units pass nothing back: try a smaller α, or fewer layers.")
    else:
        advice = _("Saturated units pass almost nothing back: try a smaller α, or fewer layers.")
    return f"{found} {advice}"


def weight_norms(W) -> dict:
    """‖W^l‖ (the Frobenius norm) for every layer l, to compare with ‖dW^l‖ (lesson 11)."""
    return {l: float(np.linalg.norm(W[l])) for l in sorted(W)}


def exploding_gradients(norms, weights, ratio: float = EXPLODING_RATIO) -> str | None:
    """Some ‖dW^l‖ is more than ``ratio`` times its ‖W^l‖, or ‖dW^1‖ more than 1/VANISHING_RATIO times ‖dW^n‖ (lesson 11).

    ``norms`` and ``weights`` map each layer l to ‖dW^l‖ and ‖W^l‖ (:func:`gradient_norms`,
    :func:`weight_norms`). A gradient ten times larger than its weights moves them by more
    than their own size in one step, even with α = 0.1. Layers whose W^l is 0 are left out.
    """
    if not norms:
        return None
    first, last = min(norms), max(norms)
    listed = ", ".join(f"‖dW^{l}‖ = {num(norms[l], 2)}" for l in sorted(norms))
    advice = _(
        "Start from smaller weights: He initialization, W^l ~ N(0, 2/n^{l-1}), for ReLU; LeCun or Xavier, about N(0, 1/n^{l-1}), for tanh and the sigmoid."
    )
    if len(norms) > 1 and math.isfinite(norms[first]) and norms[first] * VANISHING_RATIO > norms[last] > 0:
        found = _(
            "The gradients explode: ‖dW^{first}‖ is more than {factor} times ‖dW^{last}‖, so they grow on the way down ({norms})."
        ).format(first=first, last=last, factor=num(1 / VANISHING_RATIO), norms=listed)
        return f"{found} {advice}"
    for l in sorted(norms):
        if weights.get(l, 0.0) > 0 and not norms[l] <= ratio * weights[l]:
            found = _(
                "The gradients explode: ‖dW^{l}‖ = {gradient} is more than {ratio} times ‖W^{l}‖ = {weight}, so one step moves W^{l} by more than its own size, even with α = {alpha} ({norms})."
            ).format(
                alpha=num(1 / ratio),
                l=l,
                gradient=num(norms[l], 2),
                ratio=num(ratio),
                weight=num(weights[l], 2),
                norms=listed,
            )
            return f"{found} {advice}"
    return None


def gradient_verdict(net) -> str:
    """Whether the gradients of ``net`` vanish, explode, or neither, after its backward pass (lesson 11).

    Reads ``net.dW`` and ``net.W``: run ``net.forward(x)`` and ``net.backward(y)`` first.
    Always returns a sentence, with the norms ‖dW^l‖ of every layer.
    """
    norms = {l: float(np.linalg.norm(net.dW[l])) for l in range(1, net.n + 1)}  # a sentence if not computed yet
    if not any(norms.values()):
        return _(
            "Every dW^l is 0: no weight will move. If every W^l is 0 too, all the units of a layer compute the same thing: start from random weights."
        )
    weights = weight_norms(net.W)
    problem = vanishing_gradients(norms, f=net.f) or exploding_gradients(norms, weights)
    moving = [l for l in norms if weights[l] > 0]
    if not problem and moving and all(norms[l] < TINY * weights[l] for l in moving):
        listed = ", ".join(f"‖dW^{l}‖ = {num(norms[l], 2)}" for l in sorted(norms))
        problem = _(
            "The gradients vanish in every layer: each ‖dW^l‖ is less than {ratio} times its ‖W^l‖, so no layer learns ({norms}). The weights are too small: start from LeCun or He initialization."
        ).format(ratio=num(TINY), norms=listed)
    if problem:
        return problem
    n = max(norms)
    return _(
        "The gradients neither vanish nor explode: ‖dW^1‖ = {first} and ‖dW^{n}‖ = {last} are less than {factor} times apart, and no ‖dW^l‖ is more than {ratio} times its ‖W^l‖."
    ).format(
        first=num(norms[1], 2), n=n, last=num(norms[n], 2), factor=num(1 / VANISHING_RATIO), ratio=num(EXPLODING_RATIO)
    )


def dead_units(z, f) -> tuple[int, int]:
    """(dead, total): among the hidden ReLU units, those whose z^l ≤ 0 for every example (lesson 07).

    ``z`` and ``f`` map the layer l to z^l (one column per example) and to f^l's name, as
    ``net.z`` and ``net.f`` after ``net.forward(x)``; the output layer n is left out.
    """
    n = max(f)
    layers = [l for l in range(1, n) if f[l] == "relu"]
    dead = sum(int((np.asarray(z[l]) <= 0).all(axis=1).sum()) for l in layers)
    return dead, sum(np.asarray(z[l]).shape[0] for l in layers)


def dead_relus(z, f, fraction: float = DEAD_FRACTION) -> str | None:
    """Many hidden ReLU units are dead: relu'(z) = 0 for every example, so they never learn again (lesson 07)."""
    dead, total = dead_units(z, f)
    if total == 0 or dead < fraction * total:
        return None
    return ngettext(
        "{dead} of the {total} hidden ReLU units is dead: its z^l ≤ 0 for every example, so relu'(z^l) = 0 and it never learns again. Try a smaller α, or tanh.",
        "{dead} of the {total} hidden ReLU units are dead: their z^l ≤ 0 for every example, so relu'(z^l) = 0 and they never learn again. Try a smaller α, or tanh.",
        dead,
    ).format(dead=dead, total=total)


def no_progress(history, alpha: float | None = None, threshold: float = PROGRESS) -> str | None:
    """The cost J ended (:func:`course.engine.final_cost`) less than ``threshold`` (1 %) below its first value (lessons 06 and 07)."""
    finite = [J for J in history if math.isfinite(J)]
    if len(finite) < 2:
        return None
    first, last, steps = finite[0], final_cost(finite), len(history)
    if last < (1 - threshold) * first:
        return None
    if last > first:
        return ngettext(
            "The cost J went up in {steps} step, from {first} to about {last}: α = {alpha} is probably too large.",
            "The cost J went up in {steps} steps, from {first} to about {last}: α = {alpha} is probably too large.",
            steps,
        ).format(steps=steps, first=num(first), last=num(last), alpha=num(alpha) if alpha is not None else "?")
    return ngettext(
        "The cost J went down by less than {percent} in {steps} step (from {first} to about {last}): α may be too small, or the network may need more steps or more units.",
        "The cost J went down by less than {percent} in {steps} steps (from {first} to about {last}): α may be too small, or the network may need more steps or more units.",
        steps,
    ).format(percent=percent(threshold), steps=steps, first=num(first), last=num(last))


def diagnose(
    net, x, y, history, alpha: float, lam: float = 0.0, tried=None, diverged_at: int | None = None
) -> list[str]:
    """Every diagnosis of a training run of ``net`` on (x, y), as a list of sentences (lessons 06 and 07).

    ``history`` is the loss per step (or per checkpoint); ``diverged_at`` the step at which
    training stopped because the loss diverged, if it did. Runs one forward and one
    backward pass of ``net`` on (x, y) to measure ‖dW^l‖ and z^l.
    """
    divergence = diverged(history, alpha, tried, step=diverged_at)
    if divergence:
        return [divergence]
    with np.errstate(all="ignore"):
        net.forward(x)
        net.backward(y, lam)
    sentences = [
        vanishing_gradients(gradient_norms(net.dW), f=net.f),
        exploding_gradients(gradient_norms(net.dW), weight_norms(net.W)),
        dead_relus(net.z, net.f),
        no_progress(history, alpha),
    ]
    return [s for s in sentences if s]


def gradient_check_verdict(check) -> str:
    """What a gradient check says, and where the worst entry is (lesson 05).

    ``check`` is a :class:`course.gradcheck.GradientCheck`. Below 1e-7 the backward pass is
    right; up to 1e-4 it is probably right (rounding, or ReLU's kink); above, the worst entry
    shows where the formula is wrong. A layer whose gradients are too small for finite
    differences to resolve is named, not judged.
    """
    resolution = 1e-7 * max(1.0, abs(check.cost))  # below this, finite differences measure rounding
    tiny = [l for l in sorted(check.error_W) if check.scale.get(l, 1.0) < resolution]
    entries = [(float(np.nanmax(e)), "dW", l, e) for l, e in check.error_W.items() if l not in tiny]
    entries += [(float(np.nanmax(e)), "db", l, e) for l, e in check.error_b.items() if l not in tiny]
    sentences = []
    if entries:
        worst, symbol, l, errors = max(entries, key=lambda entry: entry[0])
        row, column = (int(i) + 1 for i in np.unravel_index(int(np.nanargmax(errors)), errors.shape))
        where = {"symbol": f"{symbol}^{l}", "row": row, "column": column, "error": num(worst, 2)}
        if worst < 1e-7:
            sentences.append(
                _(
                    "The backward pass is right: every entry of every dW^l and db^l matches the finite differences (largest relative error {error})."
                ).format(**where)
            )
        elif worst < 1e-4:
            sentences.append(
                _(
                    "The backward pass is probably right: the largest relative error is {error}, in {symbol} (row {row}, column {column})."
                ).format(**where)
            )
            sentences.append(
                _("Errors up to 10⁻⁴ come from ReLU's kink at 0.")
                if check.relu
                else _("Errors this small come from rounding in the finite differences.")
            )
        else:
            sentences.append(
                _(
                    "The backward pass is wrong: the relative error reaches {error} in {symbol} at row {row}, column {column}. Check the formula of {symbol} and those it uses."
                ).format(**where)
            )
    if tiny:
        sentences.append(
            ngettext(
                "The gradients of layer {layers} are too small (about {scale}) for finite differences to check them.",
                "The gradients of layers {layers} are too small (about {scale}) for finite differences to check them.",
                len(tiny),
            ).format(layers=", ".join(map(str, tiny)), scale=num(max(check.scale[l] for l in tiny), 2))
        )
    if check.sampled:
        sentences.append(
            _("Checked on {checked} of the {total} entries, chosen at random in every layer.").format(
                checked=num(check.checked), total=num(check.total)
            )
        )
    return " ".join(sentences)
