"""Checked exercises: immediate feedback, in the learner's language, with a targeted hint.

A lesson cell ends with ``check("04.1", dz2, da=da2, z=z2)``: the exercise ``"04.1"``
computes the right answer from the values given, compares, and prints what is wrong and
what to try (a missing transpose, ⊙ where ⋅ was meant, a sign error…). Exercise ids are
the same in every language. Each lesson's exercises live in ``lessonNN.py`` beside this
file and register themselves with :func:`exercise`.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..i18n import N_, CourseError, _, num


@dataclass
class Exercise:
    """``answer(**given)`` is the right value; ``mistakes(**given)`` lists (wrong value, hint)."""

    id: str
    symbol: str
    answer: Callable[..., object]
    mistakes: Callable[..., list] = field(default=lambda **given: [])


EXERCISES: dict[str, Exercise] = {}


def exercise(id: str, symbol: str):
    """Register ``answer`` (the decorated function) as exercise ``id`` whose result is ``symbol``."""

    def register(answer):
        EXERCISES[id] = Exercise(id, symbol, answer)
        return answer

    return register


def mistakes(id: str):
    """Register the list of likely mistakes of exercise ``id``: ``[(wrong value, hint), ...]``."""

    def register(function):
        EXERCISES[id].mistakes = function
        return function

    return register


def attempts(*candidates):
    """(wrong value, hint) for each likely mistake ``(lambda: wrong value, hint)`` that can be
    computed with the values given: a mistake whose shapes do not fit is simply not offered."""
    found = []
    for wrong, hint in candidates:
        try:
            found.append((wrong(), hint))
        except (ValueError, TypeError, ArithmeticError):
            continue
    return found


SIGN_ERROR = N_("Every value has the wrong sign: check which way round the subtraction goes.")
TRANSPOSE = N_("A transpose is missing or one too many: compare the shapes of both factors.")
HADAMARD_FOR_DOT = N_("You used ⊙ (element by element, `*`) where ⋅ (matrix product, `@`) was meant.")
DOT_FOR_HADAMARD = N_("You used ⋅ (matrix product, `@`) where ⊙ (element by element, `*`) was meant.")


def _as_array(value):
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None


def _close(a, b) -> bool:
    return a is not None and b is not None and a.shape == b.shape and np.allclose(a, b, rtol=1e-6, atol=1e-9)


def feedback(id: str, answer, **given) -> tuple[bool, str]:
    """Whether ``answer`` is right for exercise ``id``, and the sentence to show the learner."""
    if id not in EXERCISES:
        raise CourseError(_("There is no exercise {id!r}.").format(id=id))
    ex = EXERCISES[id]
    if answer is ... or answer is None:
        return False, _("Replace `...` with your answer for {symbol}, then run the cell again.").format(
            symbol=ex.symbol
        )
    expected, got = np.asarray(ex.answer(**given), dtype=float), _as_array(answer)
    if got is None:
        return False, _("{symbol} should be a number or a numpy array, not {kind}.").format(
            symbol=ex.symbol, kind=type(answer).__name__
        )
    if _close(got, expected):
        return True, _("✓ Correct: {symbol} is right.").format(symbol=ex.symbol)
    for wrong, hint in [*ex.mistakes(**given), (-expected, SIGN_ERROR), (expected.T, TRANSPOSE)]:
        if _close(got, _as_array(wrong)):
            return False, _("✗ Not yet. {hint}").format(hint=_(hint))
    if got.shape != expected.shape:
        return False, _("✗ Not yet. Your {symbol} has shape {shape}, but it should have shape {expected}.").format(
            symbol=ex.symbol, shape=got.shape, expected=expected.shape
        )
    worst = float(np.abs(got - expected).max())
    if expected.ndim == 0:
        return False, _("✗ Not yet. {symbol} is off by {worst}: check the formula term by term.").format(
            symbol=ex.symbol, worst=num(worst, 2)
        )
    return False, _(
        "✗ Not yet. {symbol} has the right shape {shape}, but some values are off (by up to {worst}): check the formula term by term."
    ).format(symbol=ex.symbol, shape=expected.shape, worst=num(worst, 2))


def check(id: str, answer, **given) -> None:
    """Print the feedback on ``answer`` for exercise ``id`` (use :func:`feedback` to get it as a value)."""
    print(feedback(id, answer, **given)[1])


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
