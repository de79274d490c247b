"""Checked exercises: immediate feedback, in the learner's language, with a targeted hint.

An exercise cell takes its inputs from ``given("04.2")`` (or from numbers written in the cell
itself), computes the answer, and ends with ``check("04.2", dW)``. The checker knows the
lesson's own state (its networks and examples, made by the lesson's ``setup``) and judges the
answer against the truth computed from it, never from values the learner passes in. It checks
every output of the exercise (``check("05.2", dW, db)`` checks every dW^l and db^l), and when
the answer is wrong it says why if it recognizes the mistake (a missing f', ⊙ where ⋅ was
meant, a sign error…), naming the exercise's own symbols.

Each lesson's exercises live in ``lessonNN.py`` beside this file and register themselves with
:func:`exercise` and :func:`mistakes`. Exercise ids are the same in every language.
"""

from __future__ import annotations

import copy
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

import numpy as np

from ..i18n import N_, CourseError, _, ngettext, num


@dataclass
class Exercise:
    """One exercise: its outputs' symbols, its truth, its inputs and its likely mistakes, all computed from ``setup()``.

    A symbol with ``{l}`` (``"dW^{l}"``) is an output given as a dict by layer, ``{l: array}``.
    """

    id: str
    symbols: tuple[str, ...]
    answer: Callable  # setup → the right value (a tuple, one per output, if there are several)
    setup: Callable  # → the lesson's state: what the exercise is about
    inputs: Callable | None = None  # setup → what given(id) returns
    mistakes: Callable = field(default=lambda state: [])  # setup → [(wrong value, hint) or (wrong, hint, fields)]


EXERCISES: dict[str, Exercise] = {}


def exercise(id: str, *symbols: str, setup: Callable, given: Callable | None = None):
    """Register ``answer`` (the decorated function of the lesson's state) as exercise ``id`` with outputs ``symbols``."""

    def register(answer):
        EXERCISES[id] = Exercise(id, symbols, answer, cache(setup), given)
        return answer

    return register


def mistakes(id: str):
    """Register the likely mistakes of exercise ``id``: a function of the lesson's state returning
    ``[(wrong value, hint), ...]``, or ``(wrong value, hint, fields)`` when the hint has ``{fields}``."""

    def register(function):
        EXERCISES[id].mistakes = function
        return function

    return register


def attempts(*candidates):
    """(wrong value, hint…) for each likely mistake ``(lambda: wrong value, hint…)`` that can be computed
    with the values of the exercise: a mistake whose shapes do not fit is simply not offered."""
    found = []
    for wrong, *hint in candidates:
        try:
            found.append((wrong(), *hint))
        except (ValueError, TypeError, ArithmeticError):
            continue
    return found


def _exercise(id: str) -> Exercise:
    if id not in EXERCISES:
        raise CourseError(_("There is no exercise {id!r}.").format(id=id))
    return EXERCISES[id]


def given(id: str):
    """The inputs of exercise ``id``, fresh copies: changing them changes nothing for the other exercises."""
    ex = _exercise(id)
    if ex.inputs is None:
        raise CourseError(
            _("`given({id!r})` has nothing to give: the values of exercise {id} are written in its cell.").format(id=id)
        )
    return copy.deepcopy(ex.inputs(ex.setup()))


SIGN_ERROR = N_("Every value has the wrong sign: check which way round the subtraction goes.")
TRANSPOSE = N_("A transpose is missing or one too many: compare the shapes of both factors.")
HADAMARD_FOR_DOT = N_("You used ⊙ (element by element, `*`) where ⋅ (matrix product, `@`) was meant.")
DOT_FOR_HADAMARD = N_("You used ⋅ (matrix product, `@`) where ⊙ (element by element, `*`) was meant.")
NOT_A_NUMBER = N_("{symbol} should hold real numbers (a number or a numpy array of them), not {kind}.")
NOT_FINITE = N_(
    "{symbol} holds NaN or infinite values: look for an overflow (e^z of a large z), a division by 0 or a log(0) in your formula."
)
MISSING = N_("Replace `...` with your answer for {symbol}, then run the cell again.")
BY_LAYER = N_("{symbol} should be a dict with one array per layer, {symbol}[l] for l = 1…{n}.")


@dataclass
class Feedback:
    """What the checker says: whether the answer is right, the hint it recognized (an English msgid), and the sentence."""

    correct: bool
    hint: str | None
    text: str


# The last feedback of each exercise (the tests read it; a notebook only sees the printed sentence).
last: dict[str, Feedback] = {}


def _numbers(value):
    """``value`` as a float array, or None if it is not real numbers (text, complex numbers, booleans…)."""
    try:
        array = np.asarray(value)
    except (TypeError, ValueError):
        return None
    return array.astype(float) if array.dtype.kind in "iuf" else None


def _close(a, b) -> bool:
    return a is not None and b is not None and a.shape == b.shape and np.allclose(a, b, rtol=1e-6, atol=1e-9)


def _by_layer(symbol: str) -> bool:
    return "{l}" in symbol


def _names(ex: Exercise) -> list[str]:
    """The outputs' symbols as the learner reads them: dW^l for a dict by layer."""
    return [s.replace("^{l}", "^l") for s in ex.symbols]


def _same(answer, expected, symbol: str) -> bool:
    """Whether one output of the answer matches ``expected`` (a dict by layer for a symbol with {l})."""
    if _by_layer(symbol):
        return (
            isinstance(answer, dict)
            and set(answer) == set(expected)
            and all(_close(_numbers(answer[l]), _numbers(expected[l])) for l in expected)
        )
    return _close(_numbers(answer), _numbers(expected))


def _outputs(value, count: int) -> tuple:
    return tuple(value) if count > 1 else (value,)


def _say(ok: bool, hint: str | None, text: str, id: str) -> Feedback:
    last[id] = result = Feedback(ok, hint, text)
    return result


def _not_yet(hint: str, fields: dict) -> str:
    """The hint after "✗ Not yet."; its {fields} filled in, if it has any (others keep braces, as in a^{l-1})."""
    return _("✗ Not yet. {hint}").format(hint=_(hint).format(**fields) if fields else _(hint))


def feedback(id: str, *answers) -> Feedback:
    """The checker's verdict on ``answers`` (one per output of exercise ``id``)."""
    ex = _exercise(id)
    if len(answers) != len(ex.symbols):
        raise CourseError(
            ngettext(
                "check({id!r}, …) takes {count} answer after the exercise's id: {symbols}.",
                "check({id!r}, …) takes {count} answers after the exercise's id, one for each of: {symbols}.",
                len(ex.symbols),
            ).format(id=id, count=len(ex.symbols), symbols=", ".join(_names(ex)))
        )
    state = ex.setup()
    expected = _outputs(ex.answer(state), len(ex.symbols))
    # Unfinished or not numbers: say which output, with its layer if it has one.
    for answer, truth, symbol in zip(answers, expected, ex.symbols, strict=True):
        if _by_layer(symbol) and not isinstance(answer, dict):
            name = symbol.split("^")[0]
            return _say(False, BY_LAYER, _not_yet(BY_LAYER, {"symbol": name, "n": max(truth)}), id)
        parts = [(l, answer.get(l)) for l in truth] if _by_layer(symbol) else [(None, answer)]
        for l, part in parts:
            shown = symbol.format(l=l) if l is not None else symbol
            if part is ... or part is None:
                return _say(False, MISSING, _(MISSING).format(symbol=shown), id)
            if _numbers(part) is None:
                kind = type(part).__name__ if np.ndim(part) == 0 else np.asarray(part).dtype.name
                return _say(False, NOT_A_NUMBER, _not_yet(NOT_A_NUMBER, {"symbol": shown, "kind": kind}), id)
            if not np.isfinite(_numbers(part)).all():
                return _say(False, NOT_FINITE, _not_yet(NOT_FINITE, {"symbol": shown}), id)
    if all(_same(a, e, s) for a, e, s in zip(answers, expected, ex.symbols, strict=True)):
        shown = _names(ex)
        text = (
            _("✓ Correct: {symbol} is right.").format(symbol=shown[0])
            if len(shown) == 1
            else _("✓ Correct: {symbols} are all right.").format(symbols=", ".join(shown))
        )
        return _say(True, None, text, id)
    # A mistake we know: the hint that explains it.
    single = expected[0] if len(expected) == 1 and not _by_layer(ex.symbols[0]) else None
    known = list(ex.mistakes(state))
    if single is not None:
        known += [(-np.asarray(single, dtype=float), SIGN_ERROR), (np.asarray(single, dtype=float).T, TRANSPOSE)]
    for wrong, hint, *fields in known:
        wrongs = _outputs(wrong, len(ex.symbols))
        if all(_same(a, w, s) for a, w, s in zip(answers, wrongs, ex.symbols, strict=True)):
            return _say(False, hint, _not_yet(hint, fields[0] if fields else {}), id)
    # Otherwise: the first output that is wrong, and how.
    for answer, truth, symbol in zip(answers, expected, ex.symbols, strict=True):
        layers = sorted(truth, reverse=True) if _by_layer(symbol) else [None]
        for l in layers:
            got = _numbers(answer[l] if l is not None else answer)
            want = _numbers(truth[l] if l is not None else truth)
            shown = symbol.format(l=l) if l is not None else symbol
            if _close(got, want):
                continue
            if got.shape != want.shape:
                text = _("✗ Not yet. Your {symbol} has shape {shape}, but it should have shape {expected}.").format(
                    symbol=shown, shape=got.shape, expected=want.shape
                )
            elif want.ndim == 0:
                text = _("✗ Not yet. {symbol} is off by {worst}: check the formula term by term.").format(
                    symbol=shown, worst=num(float(np.abs(got - want)), 2)
                )
            else:
                text = _(
                    "✗ Not yet. {symbol} has the right shape {shape}, but some values are off (by up to {worst}): check the formula term by term."
                ).format(symbol=shown, shape=want.shape, worst=num(float(np.abs(got - want).max()), 2))
            return _say(False, None, text, id)
    return _say(False, None, _("✗ Not yet: check the formula term by term."), id)


def check(id: str, *answers) -> None:
    """Print the checker's sentence on ``answers`` for exercise ``id`` (use :func:`feedback` to get it as a value)."""
    print(feedback(id, *answers).text)


def answer(id: str, *answers):
    """Your answers to exercise ``id`` if they are right; otherwise the right ones, with a sentence saying so.

    The cells after an exercise go on from its result (``dz1 = answer("05.1", dz1)``): they
    work, and show right numbers, even when the exercise is unfinished or wrong.
    """
    if feedback(id, *answers).correct:
        return answers[0] if len(answers) == 1 else answers
    ex = _exercise(id)
    print(
        _("Exercise {id} is not solved yet: the cells below go on with the right {symbols}.").format(
            id=id, symbols=", ".join(_names(ex))
        )
    )
    return copy.deepcopy(ex.answer(ex.setup()))


for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
