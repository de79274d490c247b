"""What the learner gives (x, y, α, λ, a size, a data set…): checked once, and named when it is wrong.

Every check raises :class:`InputError` with a sentence in the learner's language that names
the culprit as the learner wrote it (``α``, ``batch_size``, ``a^0 = x``) and says what to do.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable

import numpy as np

from .i18n import CourseError, _, ngettext, num


class InputError(CourseError, ValueError):
    """A value the learner gave (x, y, α, λ, a size…) that the formulas cannot use; the message names it."""


def positive_number(symbol: str, value, *, zero: bool = False) -> float:
    """``value`` as a finite float > 0 (≥ 0 with ``zero``); otherwise a sentence naming ``symbol``."""
    ok = isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)
    if ok and (value > 0 or (zero and value == 0)):
        return float(value)
    # TRANSLATORS: {symbol} is α or λ (the arguments alpha and lam).
    message = (
        _("{symbol} must be a number of at least 0, not {value!r}.")
        if zero
        else _("{symbol} must be a number greater than 0, not {value!r}.")
    )
    raise InputError(message.format(symbol=symbol, value=value))


def training_size(m, columns: int) -> int | None:
    """m of λ/m: the size of the training set, at least the number of examples in the batch (None: the batch)."""
    if m is None:
        return None
    m = count("m", m)
    if m < columns:
        raise InputError(
            _(
                "m = {m} is the size of the training set: it cannot be smaller than the {columns} examples of this batch."
            ).format(m=m, columns=columns)
        )
    return m


def count(name: str, value, least: int = 1) -> int:
    """``value`` as a whole number ≥ ``least``; otherwise a sentence naming ``name``."""
    whole = isinstance(value, numbers.Integral) and not isinstance(value, bool)
    if not whole and isinstance(value, (float, np.floating)) and float(value).is_integer():
        whole = True
    if whole and int(value) >= least:
        return int(value)
    # TRANSLATORS: {name} is the name of a Python argument, as the learner typed it: batch_size, steps, epochs, seed.
    raise InputError(
        _("{name} must be a whole number of at least {least}, not {value!r}.").format(
            name=name, least=least, value=value
        )
    )


def finite_numbers(symbol: str, values, parameter: bool = False, finite: bool = True) -> np.ndarray:
    """``values`` as a float array; a sentence naming ``symbol`` if it holds text, complex numbers, NaN or ∞.

    With ``finite=False``, NaN and ∞ are let through (the caller says what they mean).
    """
    try:
        array = np.asarray(values)
    except ValueError:  # lists of different lengths
        array = np.asarray(values, dtype=object)
    if array.dtype.kind not in "biuf":
        kind = _("complex numbers") if array.dtype.kind == "c" else _("text or other objects")
        raise InputError(_("{symbol} must hold real numbers, not {kind}.").format(symbol=symbol, kind=kind))
    array = array.astype(float, copy=False)
    # One pass: a NaN or ∞ anywhere makes the sum NaN or ∞.
    if not finite or math.isfinite(np.add.reduce(array, axis=None)):
        return array
    bad = ~np.isfinite(array)
    if bad.any():
        count, where = int(bad.sum()), [int(i) for i in np.argwhere(bad)[0]]
        found = ngettext(
            "{symbol} holds {count} value that is NaN or infinite (at index {where}, counted from 0).",
            "{symbol} holds {count} values that are NaN or infinite (the first at index {where}, counted from 0).",
            count,
        ).format(symbol=symbol, count=count, where=where)
        advice = (
            _("Set {symbol} again with finite numbers, or build a new network with `Network(...)`.").format(
                symbol=symbol
            )
            if parameter
            else _("Clean the data before using it.")
        )
        raise InputError(f"{found} {advice}")
    return array


def choice(name: str, value, choices) -> str:
    """``value`` if it is one of ``choices``; otherwise a sentence naming the argument and listing them."""
    if isinstance(value, str) and value in choices:
        return value
    # TRANSLATORS: {name} is the name of a Python argument, as the learner typed it (dataset, f…).
    raise InputError(
        _("{name} must be one of {choices}, not {value!r}.").format(name=name, choices=", ".join(choices), value=value)
    )


def number(name: str, value, low: float, high: float, whole: bool = False):
    """``value`` if it is a number from ``low`` to ``high`` (a whole one with ``whole``); otherwise a sentence."""
    real = isinstance(value, numbers.Real) and not isinstance(value, bool)
    if real and (not whole or float(value).is_integer()) and low <= value <= high:
        return int(value) if whole else float(value)
    # TRANSLATORS: {name} is the name of a Python argument, as the learner typed it (alpha, m, steps…).
    message = (
        _("{name} must be a whole number from {low} to {high}, not {value!r}.")
        if whole
        else _("{name} must be a number from {low} to {high}, not {value!r}.")
    )
    raise InputError(message.format(name=name, low=num(low), high=num(high), value=value))


def numbers_list(name: str, values, low: float, high: float, whole: bool = False) -> tuple:
    """``values`` (one number, or a list of them) as a tuple, each checked by :func:`number`."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        values = (values,)
    return tuple(number(name, v, low, high, whole) for v in values)
